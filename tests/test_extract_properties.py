"""Whatever the text, extraction does not crash and every offset slices the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.extract import extract

WORDS = ["Iran", "the", "Minister", "Asif", "(OIC)", "on", "Friday", "May", "march", "2025",
         "June", "13,", "last", "week", "Organization", "of", "Islamic", "U.S.", "Dr.", "'s",
         "and", ".", "\n\n", "Inc.", "said", "“", "”", "-", "Al-", "ago", "two", "years"]


def check(text: str, date: dt.date | None) -> None:
    result = extract(text, date)
    for span in [*result.entities, *result.dates]:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
    for e in result.entities:
        assert e.kind in ("person", "org", "place") and e.name


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_any_text(text, date):
    check(text, date)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.one_of(st.none(), st.dates()))
def test_newsy_word_salad(words, date):
    check(" ".join(words), date)


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")))
def test_seed_pages(name):
    text = (Path(__file__).resolve().parents[1] / "seeds" / name).read_text(encoding="utf-8")
    check(text, dt.date(2025, 6, 14))


DATE_WORDS = ["the", "The", "past", "last", "next", "first", "third", "fiscal", "year", "years",
              "day", "days", "week", "weeks", "quarter", "half", "of", "summer", "spring", "that",
              "same", "ago", "later", "earlier", "before", "after", "a", "two", "twenty-five",
              "several", "14th", "2008", "'90s", "1990s", "Q3", "H1", "FY", "FY09", "June", "13",
              "Friday", "night", "morning", "recent", "coming", "over", "in", "on", ",", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=40))
def test_fast_date_scan_agrees_with_the_full_pattern(words):
    from newsreader.extract.dates import _candidates, full_pattern

    text = " ".join(words)
    assert [m.span() for m in _candidates(text)] == [m.span() for m in full_pattern().finditer(text)]
