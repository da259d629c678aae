"""Stored TIMEX3 values read out in words for the reader's status line."""

from __future__ import annotations

import pytest

from newsreader.extract.timex import describe_timex


@pytest.mark.parametrize(
    "value,words",
    [
        ("2025-06-13", "Friday 13 June 2025 (2025-06-13)"),
        ("2025-06", "June 2025 (2025-06)"),
        ("2025-W24", "week 24 of 2025, from Monday 9 June (2025-W24)"),
        ("2025", "the year 2025 (2025)"),
        ("199", "the 1990s (199)"),
        ("2008-Q3", "the third quarter of 2008 (2008-Q3)"),
        ("FY2008-Q3", "the third quarter of fiscal 2008 (FY2008-Q3)"),
        ("2008-H1", "the first half of 2008 (2008-H1)"),
        ("FY2025", "the fiscal year ending in 2025 (FY2025)"),
        ("FY2025-H1", "the first half of fiscal 2025 (FY2025-H1)"),
        ("2025-W26-WE", "the weekend of week 26 of 2025, from Saturday 28 June (2025-W26-WE)"),
        ("2024-H2", "the second half of 2024 (2024-H2)"),
        ("2008-SU", "summer 2008 (2008-SU)"),
        ("2025-06-10TNI", "Tuesday 10 June 2025, night (2025-06-10TNI)"),
        ("P9D", "a span of 9 days (P9D)"),
        ("P1Y", "a span of 1 year (P1Y)"),
        ("PT30M", "a span of 30 minutes (PT30M)"),
        ("PXY", "a span of some years (PXY)"),
        ("P10Y", "a span of 10 years (P10Y)"),
        ("PRESENT_REF", "the present (PRESENT_REF)"),
        ("2025-02-30", "2025-02-30"),
        ("2025-13", "2025-13"),
        ("nonsense", "nonsense"),
    ],
)
def test_values_in_words(value: str, words: str) -> None:
    assert describe_timex(value) == words


def test_unresolved() -> None:
    assert "not resolved" in describe_timex(None)
