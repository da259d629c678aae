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
