"""Q10's README audit, CLI findings mended by S5: dates and times Python 3.10 reads (F14), an open date
range beyond the corpus's dates is an empty answer (F10), `related` lists same-event stories first (F11),
the top and `bookmarks` helps end with examples and exit codes (F1), `articles --json` says its summary
line (F3), a config naming the default theme is `config` (F6), a config mistake names its line (F7)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.errors import iso_datetime, iso_datetime_text


# --- F14: ISO dates and times on Python 3.10 ----------------------------------------------------------

@pytest.mark.parametrize("given, spelled", [
    ("2024-06-10T12:00:00Z", "2024-06-10T12:00:00+00:00"),
    ("2024-06-10t12:00:00z", "2024-06-10T12:00:00+00:00"),
    ("2024-06-10T12:00:00+0200", "2024-06-10T12:00:00+02:00"),
    ("2024-06-10T12:00-0530", "2024-06-10T12:00-05:30"),
    ("2024-06-10T12:00+02:00", "2024-06-10T12:00+02:00"),
    ("2024-06-10 12:00", "2024-06-10T12:00"),
    ("2024-06-10T12:00:00,25Z", "2024-06-10T12:00:00.250000+00:00"),
    ("2024-06-10T12:00:00.1234567", "2024-06-10T12:00:00.123456"),
    ("not a date", "not a date"),
])
def test_iso_datetime_text_is_what_python_3_10_reads(given: str, spelled: str) -> None:
    """Python 3.10's `datetime.fromisoformat` rejects `Z`, `+HHMM`, a comma and a fraction of other
    than 3 or 6 digits (3.11 reads them): the normalised text has none of them, so the same line
    of `extract` is dated on both (Q10 F14: on 3.10 the README's own `...Z` example lost its date)."""
    assert iso_datetime_text(given) == spelled


def test_iso_datetime_keeps_the_time_and_zone() -> None:
    assert iso_datetime("2024-06-10T23:30:00-0500") == dt.datetime(
        2024, 6, 10, 23, 30, tzinfo=dt.timezone(-dt.timedelta(hours=5)))
    with pytest.raises(ValueError):
        iso_datetime("2024-06-10T25:00Z")
