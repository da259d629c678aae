"""TIMEX3 values in words, for people: "2025-W24" -> "week 24 of 2025, from Monday 9 June".

The extractor stores TIMEX3-style values because they are exact and sortable; a reader
moving onto a date wants to read what they mean.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second", "DE": "decade",
          "CE": "century"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}


def _ordinal(n: int) -> str:
    """21 -> "21st", 12 -> "12th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day(value: str) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return f"{day:%A} {day.day} {day:%B %Y}"


def _period(value: str) -> str | None:
    """Calendar periods: day, month, week, year, quarter, half, season, decade, century."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _day(value)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        month = int(m[2])
        return f"{calendar.month_name[month]} {m[1]}" if 1 <= month <= 12 else None
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        weekend = m[3] is not None
        try:
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if weekend else 1)
        except ValueError:
            return None
        return (f"{'the weekend of ' if weekend else ''}week {int(m[2])} of {m[1]}, "
                f"from {first:%A} {first.day} {first:%B}")
    if m := re.fullmatch(r"(\d{4})-WE", value):
        return f"a weekend of {m[1]}"
    if m := re.fullmatch(r"(FY)?(\d{4})-([QH])([1-4])", value):
        part = "quarter" if m[3] == "Q" else "half"
        fiscal = "fiscal " if m[1] else ""
        return f"the {_ORDINALS[m[4]]} {part} of {fiscal}{m[2]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASONS[m[2]]} {m[1]}"
    if m := re.fullmatch(r"FY(\d{4})", value):  # named by the year it ends in: FY2026 is 2025-26 in South Asia
        return f"the fiscal year ending in {m[1]}"
    if re.fullmatch(r"\d{4}", value):
        return f"the year {value}"
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d{2}", value):
        return f"the {_ordinal(int(value) + 1)} century"
    return None


def _duration(value: str) -> str | None:
    m = re.fullmatch(r"P(?:T)?(\d+(?:\.\d+)?|X)(DE|CE|[YMWDHS])", value)
    if not m:
        return None
    units = _TIME_UNITS if value.startswith("PT") else _UNITS
    unit = units.get(m[2], _UNITS.get(m[2]))
    if unit is None:
        return None
    if m[1] == "X":
        return f"a span of some {unit}s"
    count = float(m[1])
    return f"a span of {count:g} {unit}{'s' if count != 1 else ''}"


def describe_timex(value: str | None) -> str:
    """A stored date value in words, with the value itself in brackets."""
    if not value:
        return "date not resolved (the article has no date to count from)"
    if value in _REFERENCES:
        return f"{_REFERENCES[value]} ({value})"
    words = _period(value) or _duration(value)
    if words is None and (m := re.fullmatch(r"(.+)T(MO|AF|EV|NI|DT)", value)):
        base = _period(m[1])
        words = f"{base}, {_PARTS_OF_DAY[m[2]]}" if base else None
    return f"{words} ({value})" if words else value
