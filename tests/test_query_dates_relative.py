"""Relative dates and `A..B` ranges in `date:` (Q6 item 12): `date:today` said "'today' is
not a date", so "today's stories" needed the literal date; `date:2025-06-14..2025-06-30`
was refused (only `[.. TO ..]` made a range)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.search import query
from newsreader.search.query import DATE_HELP, RELATIVE_DATES, QueryError, QueryParser, date_range
from newsreader.search.schema import build_schema

BOUNDS = (dt.date(2020, 1, 1), dt.date(2027, 12, 31))


@pytest.fixture
def tuesday(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    day = dt.date(2026, 11, 24)
    monkeypatch.setattr(query, "_today", lambda: day)
    return day


@pytest.mark.parametrize("spec, first, last", [
    ("today", "2026-11-24", "2026-11-24"),
    ("yesterday", "2026-11-23", "2026-11-23"),
    ("thisweek", "2026-11-23", "2026-11-29"),  # Monday to Sunday
    ("lastweek", "2026-11-16", "2026-11-22"),
    ("thismonth", "2026-11-01", "2026-11-30"),
    ("lastmonth", "2026-10-01", "2026-10-31"),
    ("thisyear", "2026-01-01", "2026-12-31"),
    ("lastyear", "2025-01-01", "2025-12-31"),
    ("This-Week", "2026-11-23", "2026-11-29"),
    ("[yesterday TO today]", "2026-11-23", "2026-11-24"),
    ("[lastmonth TO 2026-11-02]", "2026-10-01", "2026-11-02"),
    (">=lastweek", "2026-11-16", "2027-12-31"),
    ("<thisyear", "2020-01-01", "2025-12-31"),
])
def test_relative_dates_are_periods_of_the_local_date(tuesday: dt.date, spec: str, first: str, last: str) -> None:
    assert date_range(spec, BOUNDS) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("today, spec, first, last", [
    ("2026-01-02", "lastmonth", "2025-12-01", "2025-12-31"),
    ("2026-01-01", "yesterday", "2025-12-31", "2025-12-31"),
    ("2026-01-01", "lastweek", "2025-12-22", "2025-12-28"),  # 1 January 2026 is a Thursday
    ("2024-03-15", "lastmonth", "2024-02-01", "2024-02-29"),
    ("2026-11-29", "thisweek", "2026-11-23", "2026-11-29"),  # a Sunday is in its Monday's week
])
def test_periods_across_month_and_year_ends(monkeypatch: pytest.MonkeyPatch, today: str, spec: str,
                                            first: str, last: str) -> None:
    monkeypatch.setattr(query, "_today", lambda: dt.date.fromisoformat(today))
    assert date_range(spec, BOUNDS) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("dots, brackets", [
    ("date:2025-06-14..2025-06-30", "date:[2025-06-14 TO 2025-06-30]"),
    ("date:2025-01..2025-03", "date:[2025-01 TO 2025-03]"),
    ("iran date:2025-06..", "iran date:[2025-06 TO *]"),
    ("date:..2024-09-01", "date:[* TO 2024-09-01]"),
    ('date:"this week"', "date:thisweek"),
    ('iran date:"last  month" "nuclear talks"', 'iran date:lastmonth "nuclear talks"'),
])
def test_dots_and_quoted_names_read_as_their_other_forms(tuesday: dt.date, dots: str, brackets: str) -> None:
    parser = QueryParser(build_schema())
    a, b = parser.parse(dots, BOUNDS), parser.parse(brackets, BOUNDS)
    assert a.date_keys == b.date_keys and a.query == b.query
    assert a.text == dots  # the query as the user typed it


@pytest.mark.parametrize("spec, message", [
    ("date:2025-06-30..2025-06-14", "ends before it starts: swap its ends, date:2025-06-14..2025-06-30"),
    ("date:..", "needs a date on at least one side of .."),
    ("date:tomorrow", "'tomorrow' is not a date"),
    ("date:2025-06-14..someday", "'someday' is not a date"),
])
def test_bad_ranges_and_names_are_said(tuesday: dt.date, spec: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        QueryParser(build_schema()).parse(spec, BOUNDS)
    assert message in str(caught.value)
    if "not a date" in message:
        assert str(caught.value).endswith(DATE_HELP)


def test_the_error_lists_the_new_forms() -> None:
    assert "date:2025-06-01..2025-06-30" in DATE_HELP
    assert all(name in DATE_HELP for name in RELATIVE_DATES)


def test_today_is_the_machines_local_date() -> None:
    assert query._today() == dt.date.today()
