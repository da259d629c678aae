"""Date expressions and their TIMEX3 values, resolved against the article's date.

One compiled pattern finds every candidate in a single pass (fast, and easy to keep free of
false alarms: month and weekday names must be capitalised, a bare month or year needs a
preposition or a modifier in front, so "march" the verb, "May" the modal, "now" and plain
numbers never match). Resolution follows news habits: an unqualified weekday or month-day is
the one nearest the article's date, past first; "the next day" counts from the last full
date mentioned before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "several": None, "few": None, "a few": None}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "final": 4, "last": None}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|"
          r"Jan|Feb|Aug|Sept?|Oct|Nov|Dec)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_UNIT = r"(?:day|week|month|year)s?"
_REL = r"(?i:last|next|this|past|coming)"
_PREP_WORDS = ("in", "In", "since", "Since", "by", "By", "until", "Until", "till", "from", "From",
               "through", "during", "During", "of", "before", "Before", "after", "After", "to",
               "and", "or", "between", "Between", "around", "about", "for", "For", "fiscal",
               "Fiscal", "as of", "As of", "than", "year", "early", "late", "mid", "Early", "Late",
               "beginning", "end", "start", "summer", "spring", "autumn", "fall", "winter", "last",
               "next", "this", "Last", "Next", "This", "until", "on", "On", "at", "the", "The",
               # a determiner before a year that modifies a noun: "its 2009 forecast"
               "its", "their", "his", "her", "our", "a", "calendar")


_PREP_SET = frozenset(w.lower() for w in _PREP_WORDS)
#: "is now smaller": "now" after a present-tense "be" or "have" states the present.
_PRESENT_VERBS = frozenset({"is", "are", "am", "has", "have", "'s", "’s", "'re", "’re"})
_PREV_WORD = re.compile(r"(\w+) $")


_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))(?![\w-])"
    r"|(?P<numeric>(?:0?[1-9]|[12][0-9]|3[01])/(?:0?[1-9]|[12][0-9]|3[01])/(?:\d{4}|\d{2}))(?![\w/])"
    rf"|(?P<mdy>(?:{_WEEKDAY},? )?{_MONTH} {_DAY}(?:(?:,? |, )(?:{_YEAR}))?)(?![\w-])"
    rf"|(?P<dmy>(?:{_WEEKDAY},? )?(?:the )?{_DAY} (?:of )?{_MONTH}(?:,? {_YEAR})?)(?![\w-])"
    rf"|(?P<my>(?:(?i:early|late|mid|the end of|the beginning of|the start of)[- ])?{_MONTH},? {_YEAR})(?![\w-])"
    rf"|(?P<relmonth>(?i:last|next|this|early|late|mid|earlier this|later this)[- ]{_MONTH})(?![\w-])"
    rf"|(?P<barmonth>{_MONTH})(?![\w-]|\.\w| [A-Z0-9])"
    rf"|(?P<weekday>(?:{_REL} )?{_WEEKDAY}(?:(?i: morning| afternoon| evening| night))?)(?![\w-])"
    r"|(?P<deictic>(?i:the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|"
    r"tonight|this morning|this afternoon|this evening|last night|earlier today|later today))(?![\w-])"
    r"|(?P<relunit>(?i:(?:the (?:end|beginning|start|middle|rest) of )?"
    r"(?:(?:earlier|later|early|late) (?:this|last|next) |(?:the )?(?:last|next|this|past|coming|previous|following) )"
    r"(?:week|month|year|weekend|quarter)|the weekend))(?![\w-])"
    r"|(?P<vague>(?i:(?:more |most |until |only )?recently|currently|(?:the |the near |the distant )future|"
    r"(?:the )?(?:beginning|start|end|middle) of the (?:year|month|week))|now)(?![\w-])"
    rf"|(?P<half>(?i:(?:the )?(?:first|second|1st|2nd|latter) half of )(?:{_YEAR}|(?i:the year|this year|last year|next year)))(?![\w-])"
    rf"|(?P<ago>{_NUM} {_UNIT} (?i:ago|earlier|before))(?![\w-])"
    r"|(?P<nextday>(?i:the (?:next|following|previous) day|the day (?:before|after)))(?![\w-])"
    rf"|(?P<quarter>(?i:(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)[ -]quarter)(?: (?i:of )?(?:{_YEAR}|(?i:this|last|next) year))?|Q[1-4] {_YEAR})(?![\w-])"
    rf"|(?P<season>(?i:(?:this|last|next|early|late) )?(?i:spring|summer|autumn|fall|winter)(?: (?i:of )?{_YEAR})|(?i:this|last|next) (?i:spring|summer|autumn|winter|fall))(?![\w-])"
    r"|(?P<decade>(?:1[89]|20)[0-9]0s|(?:(?<=\bthe )|(?<=\band ))'?[0-9]0s)(?![\w-])"
    rf"|(?P<year>(?i:early |late |mid-|mid )?{_YEAR})(?![\w-]|,\d|\.\d| ?%|s\b| (?:people|percent|workers|jobs|units|cars|employees|shares|troops|km|miles|meters|metres|feet|tons|tonnes|dollars|euros))"
    ")"
)

_AGO = re.compile(rf"({_NUM}) ({_UNIT})", re.I)


@dataclass
class DateMatch:
    start: int
    end: int
    text: str
    value: str | None


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _nearest_year(month: int, day: int | None, ref: dt.date) -> int:
    """The year that puts month(-day) nearest to the reference date."""
    best, best_gap = ref.year, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            when = dt.date(year, month, day or 15)
        except ValueError:
            continue
        gap = abs((when - ref).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _stated_year(span: str, ref: dt.date) -> int:
    """The year written in the phrase, else the one "last"/"next" points to, else the
    article's own ("the third quarter", "this summer")."""
    year_m = re.search(r"\d{4}", span)
    lower = span.lower()
    if year_m:
        return int(year_m.group())
    if "last" in lower.split()[:2] or "last year" in lower:
        return ref.year - 1
    if "next" in lower.split()[:2] or "next year" in lower:
        return ref.year + 1
    return ref.year


def _year_for(month: int, day: int | None, ref: dt.date, text: str, start: int, end: int) -> int:
    """The year of a month (and day) written without one. News reports what happened, so
    the default is the latest such date not far after the article; a sentence about the
    future ("will", "until", "of next year") looks ahead instead."""
    follow = text[end:end + 16].lower()
    if follow.startswith((" of next year", " next year")):
        return ref.year + 1
    if follow.startswith((" of last year", " last year")):
        return ref.year - 1
    future = _future_context(text, start, end)
    if day is not None:
        try:
            candidate = dt.date(ref.year, month, day)
        except ValueError:
            return ref.year
        if not future and candidate > ref + dt.timedelta(days=60):
            return ref.year - 1
        if future and candidate < ref - dt.timedelta(days=60):
            return ref.year + 1
        return ref.year
    if not future and month > ref.month + 1:
        return ref.year - 1
    if future and month < ref.month:
        return ref.year + 1
    return ref.year


def _month_of(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _future_context(text: str, start: int, end: int) -> bool:
    """Does the sentence around a weekday talk about what is to come?"""
    before = text[max(0, start - 60):start].lower()
    after = text[end:end + 30].lower()
    cues = (" will ", " would ", " until ", " till ", " next ", " is expected", " are expected", " scheduled", " due to ",
            " plans to", " planned", " set to ", " going to", "'ll ", " shall ")
    return any(c in before[-45:] for c in cues) or after.startswith((" will", " would"))


def _ref_parts(groups: dict[str, str | None]) -> tuple[str, str]:
    name = next(k for k, v in groups.items() if v is not None)
    return name, groups[name] or ""


def find_dates(text: str, date: dt.date | None) -> list[DateMatch]:
    """Every date expression in `text`, with its value (None where the article date is
    needed but unknown)."""
    found: list[DateMatch] = []
    anchor = date  # the last full date mentioned, for "the next day"
    for m in _PATTERN.finditer(text):
        kind, span = _ref_parts(m.groupdict())
        start, end = m.span(kind)
        if kind in ("year", "barmonth"):
            # A bare month or year needs a preposition or modifier in front ("in March",
            # "since 2008"): "March" the verb and "2008 workers" do not get one.
            before = _PREV_WORD.search(text, max(0, start - 16), start)
            if before is None or before.group(1).lower() not in _PREP_SET:
                continue
        elif kind == "vague" and span == "now":
            # "now" is a date only where it states the present ("the iPod is now smaller");
            # "will now receive", "we may see more now", "now that" are not dates.
            before = _PREV_WORD.search(text, max(0, start - 16), start)
            if before is None or before.group(1).lower() not in _PRESENT_VERBS or text.startswith(" that", end):
                continue
        elif kind == "numeric" and text[max(0, start - 1):start] == "/":
            continue
        value: str | None = None
        try:
            value, day = _resolve(kind, span, date, anchor, text, start, end)
        except (ValueError, KeyError, OverflowError):
            value, day = None, None
        if day is not None:
            anchor = day
        found.append(DateMatch(start, end, text[start:end], value))
    return found


def _resolve(kind: str, span: str, ref: dt.date | None, anchor: dt.date | None, text: str,
             start: int, end: int) -> tuple[str | None, dt.date | None]:
    """The TIMEX3 value of one match, and the calendar day it names (if it names one)."""
    words = span.replace(",", " ").split()
    lower = span.lower()
    if kind == "iso":
        day = dt.date.fromisoformat(span)
        return day.isoformat(), day
    if kind in ("mdy", "dmy"):
        words = [w for w in words if w.lower() not in _WEEKDAYS and w.lower() not in ("the", "of")]
        if kind == "mdy":
            month, day_n = _month_of(words[0]), int(re.sub(r"\D", "", words[1]))
        else:
            day_n, month = int(re.sub(r"\D", "", words[0])), _month_of(words[1])
        year_words = [w for w in words if re.fullmatch(_YEAR, w)]
        if year_words:
            year = int(year_words[0])
        elif ref is not None:
            year = _year_for(month, day_n, ref, text, start, end)
        else:
            return None, None
        day = dt.date(year, month, day_n)
        return day.isoformat(), day
    if kind == "my":
        year = int(words[-1])
        month = _month_of(words[-2])
        return _month(year, month), None
    if kind == "year":
        return re.search(r"\d{4}", span).group(), None  # type: ignore[union-attr]
    if kind == "decade":
        digits = re.search(r"(\d+)0'?s", span).group(1)  # type: ignore[union-attr]
        if len(digits) == 1:
            digits = ("19" if int(digits) >= 3 else "20") + digits
        return digits, None
    if kind == "numeric":
        # 7/8/07: month first (the American order) unless the first number can't be a month.
        first, second, year_text = (int(x) for x in span.split("/"))
        month, day_n = (first, second) if first <= 12 else (second, first)
        year = year_text
        if len(span.split("/")[2]) == 2:
            pivot = (ref.year if ref else dt.date.today().year) % 100 + 10
            year = 2000 + year_text if year_text <= pivot else 1900 + year_text
        day = dt.date(year, month, day_n)
        return day.isoformat(), day
    if kind == "vague":
        if lower == "now":
            return "PRESENT_REF", None
        if "future" in lower:
            return "FUTURE_REF", None
        if "currently" in lower:
            return "PRESENT_REF", None
        if "recently" in lower:
            return "PAST_REF", None
    if kind == "half" and (ref is not None or re.search(r"\d{4}", span)):  # "the first half of 2008"
        half = 1 if ("first" in lower or "1st" in lower) else 2
        return f"{_stated_year(span, ref or dt.date.min)}-H{half}", None
    if ref is None:
        return None, None
    if kind == "vague":  # "the beginning of the year", "the end of the month"
        if lower.endswith("month"):
            return _month(ref.year, ref.month), None
        if lower.endswith("week"):
            return _week(ref), None
        return f"{ref.year:04d}", None
    if kind == "relmonth":
        month = _month_of(words[-1])
        mod = lower.split()[0].split("-")[0]
        if mod == "last":
            year = ref.year if month < ref.month else ref.year - 1
        elif mod == "next":
            year = ref.year if month > ref.month else ref.year + 1
        elif mod in ("this", "earlier", "later"):
            year = ref.year
        else:
            year = _nearest_year(month, None, ref)
        return _month(year, month), None
    if kind == "barmonth":
        month = _month_of(span)
        before = text[max(0, start - 12):start].lower()
        if "last " in before or "since " in before:
            year = ref.year if month <= ref.month else ref.year - 1
        elif "next " in before or "until " in before:
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = _year_for(month, None, ref, text, start, end)
        return _month(year, month), None
    if kind == "weekday":
        target = next(_WEEKDAYS[w.lower()] for w in words if w.lower() in _WEEKDAYS)
        mod = words[0].lower() if words[0].lower() not in _WEEKDAYS else ""
        back = (ref.weekday() - target) % 7
        if mod == "next" or mod == "coming" or (not mod and _future_context(text, start, end)):
            ahead = (target - ref.weekday()) % 7 or 7
            if mod == "next" and ahead < 7 and False:
                ahead += 7
            day = ref + dt.timedelta(days=ahead)
        elif mod in ("last", "past"):
            day = ref - dt.timedelta(days=back or 7)
        elif mod == "this":
            day = ref + dt.timedelta(days=(target - ref.weekday()))
        else:
            day = ref - dt.timedelta(days=back)
        return day.isoformat(), day
    if kind == "deictic":
        if "day before yesterday" in lower:
            day = ref - dt.timedelta(days=2)
        elif "day after tomorrow" in lower:
            day = ref + dt.timedelta(days=2)
        elif "yesterday" in lower or "last night" in lower:
            day = ref - dt.timedelta(days=1)
        elif "tomorrow" in lower:
            day = ref + dt.timedelta(days=1)
        else:
            day = ref
        return day.isoformat(), day
    if kind == "relunit":
        unit = words[-1].lower()
        if "last" in lower or "past" in lower or "previous" in lower:
            delta = -1
        elif "next" in lower or "coming" in lower or "following" in lower:
            delta = 1
        else:
            delta = 0
        if unit == "week":
            return _week(ref + dt.timedelta(weeks=delta)), None
        if unit == "weekend":
            if lower in ("the weekend", "this weekend") and ref.weekday() < 5 and (
                    lower == "this weekend" and ref.weekday() > 0 or _future_context(text, start, end)):
                delta = 0  # the coming weekend
            elif lower in ("the weekend", "this weekend") and ref.weekday() < 5:
                delta = -1  # written early in the week, in the past: the weekend just gone
            return _week(ref + dt.timedelta(weeks=delta)) + "-WE", None
        if unit == "month":
            year, month = _shift_month(ref.year, ref.month, delta)
            return _month(year, month), None
        if unit == "quarter":
            q = (ref.month - 1) // 3 + delta
            year = ref.year + q // 4
            return f"{year}-Q{q % 4 + 1}", None
        return f"{ref.year + delta:04d}", None
    if kind == "ago":
        m = _AGO.match(span)
        assert m is not None
        count_word, unit = m.group(1).lower(), m.group(2).lower().rstrip("s")
        count = int(count_word) if count_word.isdigit() else _NUMBERS.get(count_word)
        if count is None:
            return None, None
        if unit == "day":
            day = ref - dt.timedelta(days=count)
            return day.isoformat(), day
        if unit == "week":
            day = ref - dt.timedelta(weeks=count)
            return _week(day), None
        if unit == "month":
            year, month = _shift_month(ref.year, ref.month, -count)
            return _month(year, month), None
        return f"{ref.year - count:04d}", None
    if kind == "nextday":
        base = anchor or ref
        delta = 1 if ("next" in lower or "following" in lower or "after" in lower) else -1
        day = base + dt.timedelta(days=delta)
        return day.isoformat(), day
    if kind == "quarter":
        ordinal = next((w for w in lower.replace("-", " ").split() if w in _ORDINALS), None)
        q_match = re.match(r"q([1-4])", lower)
        q = int(q_match.group(1)) if q_match else _ORDINALS.get(ordinal or "")
        year = _stated_year(span, ref)
        if q is None:
            return None, None
        return f"{year}-Q{q}", None
    if kind == "season":
        season = next(_SEASONS[w] for w in lower.split() if w in _SEASONS)
        return f"{_stated_year(span, ref)}-{season}", None
    return None, None
