"""Date expressions and their TIMEX3 values, resolved against the article's date.

One compiled pattern finds every candidate in a single pass (fast, and easy to keep free of
false alarms: month and weekday names must be capitalised, a bare month or year needs a
preposition or a modifier in front, so "march" the verb, "May" the modal, "now" and plain
numbers never match). Resolution follows news habits: an unqualified weekday or month-day is
the one nearest the article's date, past first; "the next day" counts from the last full
date mentioned before it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable

try:
    from re import _compiler as _sre_compile, _parser as _sre  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]
import _sre as _sre_engine  # (re's engine: `_compiled` makes a pattern from a parse re's compile would make)
#: Ops new in Python 3.11 (atomic groups, possessive repeats); on 3.10 no pattern holds them, and
#: naming `_sre.ATOMIC_GROUP` there raises AttributeError.
_ATOMIC_GROUP = getattr(_sre, "ATOMIC_GROUP", object())
_POSSESSIVE_REPEAT = getattr(_sre, "POSSESSIVE_REPEAT", object())

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTHS = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
#: Month and weekday names as running text writes them ("May", "Friday"): entities.py reads
#: them as dates next to a name, not as part of it.
MONTH_NAMES = frozenset(name.capitalize() for name in _MONTH_NAMES)
WEEKDAY_NAMES = frozenset(name.capitalize() for name in _WEEKDAYS)
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6}
#: A weekday written in full or short, lower-case and without its dot -> its number (Monday 0).
_WEEKDAY_WORDS = {**_WEEKDAYS, **_WEEKDAY_ABBR}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "several": None, "few": None, "a few": None}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "final": 4, "last": None}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
#: Month and weekday names in the patterns come from the tables above; their short forms are typed
#: where the dot or the case matters.
_MONTH = ("(?:" + "|".join(name.capitalize() for name in _MONTH_NAMES) + "|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)")
_WEEKDAY = "(?:" + "|".join(name.capitalize() for name in _WEEKDAYS) + ")"
#: A short month whose dot runs into the day, as wires and Indian pages type it ("on Dec.14").
_MONTH_DOT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
#: Next to a day number (or a year) a month may also be upper-case ("JUNE 30, 2005", "MAR. 14,
#: 2013", a date line), short without a dot ("Apr 12, 2007", "22 Jul 2013": "Mar", "Jun" alone
#: are not) or "May." before a day and year (page templates dot every short month: "Fri., May. 3,
#: 2013"; "in May. 3 of them" is a sentence's end).
_MONTH_D = (rf"(?:{_MONTH}|" + "|".join(name.upper() for name in _MONTH_NAMES) + "|"
            r"Mar|Apr|Jun|Jul|(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.?"
            rf"|(?:May|MAY)\.(?= {_DAY},? {_YEAR}))")
#: ... and a weekday in front of a full date may be upper-case or short ("Sat Nov 12 2011", "SAT.,
#: NOV. 12, 2011"); short and upper-case only with its dot or comma or before an upper-case month
#: ("SAT NOV 12", "MON 22 JUL 2013"), and not after "the": "the SAT Nov. 12, 2011 scores" is the test.
_WEEKDAY_D = (rf"(?:{_WEEKDAY}|" + "|".join(name.upper() for name in _WEEKDAYS) + "|"
              "(?:" + "|".join(abbr.capitalize() for abbr in _WEEKDAY_ABBR) + r")\.?|(?<![Tt]he )(?:"
              + "|".join(abbr.upper() for abbr in _WEEKDAY_ABBR) + r")(?:\.|(?=,)|(?=(?: [0-9]{1,2})? [A-Z]{3})))")
#: Short weekdays with a dot stand alone ("on Tues."); "Sun." is a newspaper as often.
_WEEKDAY_SHORT = "(?:" + "|".join(abbr.capitalize() for abbr in _WEEKDAY_ABBR if abbr != "sun") + r")\."
#: Patterns the resolution reads often, compiled once (not looked up in re's cache at each call).
_YEAR_WORD = re.compile(_YEAR)
_FOUR_DIGITS = re.compile(r"\d{4}")
_NON_DIGITS = re.compile(r"\D")
_DASHES = re.compile("[-–]")
_UNIT = r"(?:(?:day|week|fortnight|month|quarter|year|decade)s?|centur(?:y|ies))"
#: A fiscal year written by both its calendar years, as South Asia writes them: "FY2025-26",
#: "fiscal year 2024-25", "FY24/25" (named by the year it ends in, FY2026, FY2025, FY2025).
_FY_END = r"(?:[-–/](?:[0-9]{2}|(?:1[89]|20)[0-9]{2})(?![0-9]))?"
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}
#: A count in a duration: "nine", "twenty-five", "18", "1.5", "several", "a few".
_COUNT = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
          r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
          r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a few|a couple of|"
          r"several|many|a|an|\d{1,3}(?:\.\d)?)")
#: Counts of long lengths: "one hundred years ago", "half a century ago" (their own branch: in `_COUNT`
#: they would slow every count the scan tries).
_LONG_COUNT = r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine) hundred|half a|a half)"
_DUR_UNIT = r"(?:minute|hour|day|week|fortnight|month|year|decade)s?|centur(?:y|ies)"
#: Approximators belong to the expression in TimeML ("about two years ago", "almost two and a
#: half years"); "over" only before the count ("over the past year": a preposition).
_APPROXIMATORS = ("about", "almost", "approximately", "around", "at least", "circa", "less than", "longer than",
                  "more than", "nearly", "no more than", "no longer than", "roughly", "some", "up to", "just over",
                  "just under", "well over", "over", "exactly", "precisely")
_APPROX = "(?:(?i:" + "|".join(_APPROXIMATORS) + ") (?!the ))"
#: Their first words: the triggers of the branches that may start with one
_APPROX_WORDS = " ".join(dict.fromkeys(phrase.split()[0] for phrase in _APPROXIMATORS))
_DUR_CODE = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y",
             "decade": "DE", "century": "CE", "centurie": "CE"}
#: A/an as a count needs a word in front that makes it a length of time ("for a week",
#: "more than a year"), not a rate ("$5 a year") or a noun phrase ("a year of growth").
_A_DURATION_BEFORE = frozenset({"for", "than", "within", "in", "over", "about", "nearly", "almost",
                                "around", "past", "after", "only", "just", "took", "take", "takes",
                                "lasted", "last", "spent", "least", "roughly", "some"})
#: The words that make a bare plural unit ("years") a length of time: "for years", "took months".
_BARE_LENGTH_BEFORE = frozenset({"for", "took", "take", "takes", "taking", "lasted", "lasting", "lasts", "spent",
                                 "spend", "spends", "spending"})
#: ... and "in"/"within" only at the end of a clause: "the worst in decades", "within days,"
#: (not "in years when rates rose", "in months ending June").
_BARE_LENGTH_IN = frozenset({"in", "within"})
_BARE_LENGTH_IN_END = re.compile(r"[,.;:!?)—–]|$| (?:and|but|to come|as)\b")
_REL = r"(?i:last|next|this|past|coming)"
#: The words before a bare month or year (`_prev_word`, lower-cased) that make it a date: "in
#: March", "since 2008", "early 2009".
_PREP_SET = frozenset("""
into throughout circa starting in since by until till from through during of before after to and or between around
about for fiscal than year early late mid beginning end start summer spring autumn fall winter last next this on at the
""".split()) | {
    # a determiner before a year that modifies a noun: "its 2009 forecast"
    "its", "their", "his", "her", "our", "a", "an", "calendar",
    # ... or a possessive: "the company's 2009 forecast" ("'s" ends in the word "s")
    "s",
    # a verb that takes the period as its object: "the index ended 2014 higher"
    "ended", "began", "started", "closed", "finished", "entered", "entering", "ending",
}
#: "is now smaller": "now" after a present-tense "be" or "have" states the present.
_PRESENT_VERBS = frozenset({"is", "are", "am", "has", "have", "'s", "’s", "'re", "’re"})
_PREV_WORD = re.compile(r"(\w+) $")
#: Before a month followed by a capitalised word, only these open a time phrase ("In March Apple ...").
_CLAUSE_PREPS = frozenset({"in", "since", "until", "till", "by", "during", "before", "after", "from", "through",
                           "throughout", "last", "next", "this", "early", "late", "mid"})
#: Before "of the year/month/week" these make an award or a generic time, not the story's year.
_OF_THE_UNIT_NOUNS = frozenset("""
player coach rookie manager person man woman athlete team album song record book car film movie playmate employee
artist entertainer driver horse day time times part start end beginning middle rest turn
""".split())
#: "its low of the day", "the biggest gain of the day": the day is the story's (not "the end of the day").
_HIGH_OF_THE_DAY = re.compile(r"(?:\b(?:high|low|highs|lows|level|gain|gains|loss|losses|drop|decline|rise|worst)|est) of $")
_NAMED_DAY_PREFIXES = ("Black ", "Bloody ", "Super ", "Manic ", "Blue ")
#: A weekday opening a written date ("Monday, October 19, 1987"), up to the date.
_LEADING_WEEKDAY = re.compile(rf"{_WEEKDAY_D},? ")
_NOW_BEFORE = _PRESENT_VERBS | {"for", "until", "till", "by", "from"}
_BUSINESS = re.compile(r"\b(?:profits?|profitab\w+|revenues?|sales|earnings|results|growth|loss(?:es)?|economy|gdp|output|"
                       r"deliveries|orders|demand|prices|inflation|shares|stocks?|quarter|fiscal|percent|earn|earns|earned)\b|%")


_ORD = "(?:" + "|".join(_ORDINALS) + ")"
_PARTS = r"(?: morning| afternoon| evening| night)"
_NEWS_NOUNS = r"(?:profits?|results|earnings|sales|revenues?|loss(?:es)?|net|growth|output|deliveries)"

#: "the end of", "the very beginning of", "the middle of": a stretch of the period named after
#: it ("the end of March", "the start of the fiscal year"), spelt once for the branches below.
_STRETCHES = "end|beginning|start|middle"
_STRETCH_OF = rf"the (?:very )?(?:{_STRETCHES}) of"
#: "December 15 of this year", "September last year": the year named after a month.
_OF_YEAR = r"(?: of| ,)? (?i:this|last|next) year\b"
#: First words of the branches below (see `_BRANCHES`), taken from the tables above.
_M = " ".join(_MONTHS)
_W = " ".join(_WEEKDAYS)
_WA = " ".join(_WEEKDAY_ABBR)
_C = "a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
     "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety " \
     "several many #"

#: The branches of the date pattern, in order of preference, each with the lower-cased words
#: it can start with ("#": a digit). A branch is only tried where one of its words starts.
_BRANCHES: list[tuple[str, str]] = [
    # "2025-06-14", "2025/06/14", "2025.06.14" (East Asian pages), and the date of a time stamp
    # "2025-06-14T10:00:00Z"
    ("#", rf"(?P<iso>{_YEAR}(?P<isosep>[-/.])(?:0[1-9]|1[0-2])(?P=isosep)(?:0[1-9]|[12][0-9]|3[01]))(?![\w/-]|\.\d)"
          r"|(?P<stamp>(?:1[89][0-9]{2}|20[0-9]{2})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))(?=T[0-2][0-9]:[0-5][0-9])"),
    ("#", r"(?P<numeric>(?:0?[1-9]|[12][0-9]|3[01])/(?:0?[1-9]|[12][0-9]|3[01])/(?:\d{4}|\d{2}))(?![\w/])"),
    # "9/11": the attacks' day, as news writes it
    ("#", r"(?P<nineeleven>9/11)(?![\w/]|\.\d| ?%)"),
    # "Oct. 28-29", "1-2 October": a range of days, valued by its first
    (f"{_M} {_W} {_WA}", rf"(?P<mdy>(?:{_WEEKDAY_D},? )?(?:{_MONTH_D} |{_MONTH_DOT}(?=[0-9])){_DAY}(?:(?:[-–]|--){_DAY})?(?:(?:,? |, )(?:{_YEAR})|{_OF_YEAR})?)(?!\w|-(?![0-9]{{1,2}}: ?[0-5][0-9])\w)"),
    (f"{_W} {_WA} the #", rf"(?P<dmy>(?:{_WEEKDAY_D},? )?(?:the )?{_DAY}(?:(?:[-–]|--){_DAY})? (?:of )?{_MONTH_D}(?:,? {_YEAR}|{_OF_YEAR}"
                          # "10 Nov 11": a two-digit year, as military and Indian news write it
                          r"| [0-9]{2}(?=[.,;:)]|$))?)(?![\w-])"),
    # "13-06-2025": day first, as South Asian, Middle Eastern and European pages write it
    ("#", r"(?P<dashed>(?:0?[1-9]|[12][0-9]|3[01])-(?:0?[1-9]|[12][0-9]|3[01])-(?:1[89][0-9]{2}|20[0-9]{2}))(?![\w-])"),
    ("#", r"(?P<dotted>(?:0?[1-9]|[12][0-9]|3[01])\.(?P<dotsp> ?)(?:0?[1-9]|1[0-2])\.(?P=dotsp)(?:1[89][0-9]{2}|20[0-9]{2}))(?![\w.]|\.\d)"),
    (f"early late mid the end {_M}",
     rf"(?P<my>(?:(?i:early|late|mid|the end of|the beginning of|the start of)[- ]|(?i:end)-)?{_MONTH_D},? (?:of )?{_YEAR})(?![\w-])"),
    (_M, rf"(?P<monthrel>{_MONTH}{_OF_YEAR})(?![\w-])"),
    # "end-June", "by end June" (Reuters, South Asian papers): the month, as "late June"; not the
    # verb before a day ("the truce will end March 31")
    ("last next this early late mid earlier later the end",
     rf"(?P<relmonth>(?:(?i:last|next|this|earlier this|later this)[- ]{_MONTH}(?!\.? {_DAY}(?![\w%-]|[.,][0-9]| per ?cent| (?:points?|pct|percentage|basis|cents?|pence|pounds?|dollars?|euros?|yen|tenths?|hundred|thousand|[mb]illion|trillion|times|years?|months?|weeks?|days?|hours?|to [0-9])\b))"
     rf"|(?i:early|late|mid|{_STRETCH_OF})[- ]{_MONTH}|(?i:end)[- ]{_MONTH}(?!\.? [0-9])))(?![\w-]| {_YEAR})"),
    # "by June-end", "the March-end deadline"
    (_M, rf"(?P<monthend>{_MONTH}-end)(?![\w-])"),
    # "the first week of March", "the last week of June 2008": the week holding that stretch
    ("the", rf"(?P<weekof>(?i:the (?:first|second|third|fourth|last|final) week of ){_MONTH}(?:,? {_YEAR})?"
            rf"|(?i:the week(?:end)? of ){_MONTH_D} {_DAY}(?:,? {_YEAR})?)(?![\w-])"),
    # "the night of Sept. 13", "the morning of Friday": the day and its part
    ("the", rf"(?P<partof>(?i:the (?:morning|afternoon|evening|night) of )(?:{_MONTH_D} {_DAY}(?:,? {_YEAR})?"
            rf"|{_DAY} {_MONTH_D}(?:,? {_YEAR})?|{_WEEKDAY}))(?![\w-])"),
    # "July-March" (a range, see _MONTH_RANGE_END); not "a May-December romance" (an age gap)
    (_M, rf"(?P<barmonth>{_MONTH})(?![\w]|-(?!-?{_MONTH}(?![\w-]| quarter\b| period\b| (?:romance|relationship|marriage|couple|affair)s?\b))"
         r"|\.[\w–-]| [0-9]| (?:Day|Madness|Fools?)\b)"),
    (f"the last next this past coming early late earlier later {_W} {_WA}",
     rf"(?P<weekday>(?:(?i:early|late|earlier|later) )?(?:(?i:this past|this coming|the previous|the following|the next) |{_REL} )?"
     rf"(?:{_WEEKDAY}(?i:{_PARTS})?(?: (?:of )?(?i:last|next|this) week)?(?![\w-])|{_WEEKDAY_SHORT}(?!\w)))"),
    # "day after tomorrow", "last evening": South Asian and British English
    ("the day yesterday today tomorrow tonight this last earlier later early late",
     r"(?P<deictic>(?i:(?:early |late )?(?:(?:the )?day before yesterday|(?:the )?day after tomorrow|(?:yesterday|today|tomorrow)"
     rf"{_PARTS}|yesterday|today|tomorrow|tonight|this morning|this afternoon|this evening|last night|last evening|"
     r"earlier today|later today)))(?![\w-])"),
    # "the past week", "the past decade": a length of time up to now (DURATION)
    ("the", r"(?P<pastunit>(?i:the (?:past|last|next|coming) (?:decade|century)|the past (?:week|fortnight|month|year)))(?![\w-])"),
    # "mid-next year" (TIMEX3: that year, mod MID, as "early next year"); "the weekend before last"
    ("the earlier later early late mid last next this past coming previous following prior",
     rf"(?P<relunit>(?i:(?:the (?:very )?(?:{_STRETCHES}|rest) of )?"
     r"(?:(?:(?:earlier|later|early|late) |mid-|mid )(?:this|last|next) |this (?:past|coming) |(?:the )?(?:last|next|this|past|coming|previous|prior|following)"
     r" |the current )"
     r"(?:week|month|(?:calendar )?year|weekend|quarter|decade)|the (?:week|weekend|month|year) before last"
     # (not "the weekend before last year's election", "... before last May": "last" is that date's)
     r"(?! (?:year|week|weekend|month|quarter|season|decade|century|night|spring|summer|autumn|fall|winter)\b"
     rf"|(?-i: {_MONTH}\b| {_WEEKDAY}\b))|the weekend))"
     r"(?!\w|-(?:end|long|old|ago|to|on|round|over|date)\b"
     r"| of (?:1[89]|20)[0-9]{2}\b)"),
    ("more most until only recently lately currently the beginning start end middle rest earlier later early late now these"
     " nowadays year"
     " present mid midyear"
     " quarter month"
     " right just",
     r"(?P<vague>(?i:(?:more |most |until |only )?recently|currently|(?:the |the near |the distant )future(?! of\b)|the near term(?:(?<=\bin the near term)|(?<=\bover the near term)|(?<=\bfor the near term)|(?<=\bduring the near term)|(?<=\binto the near term)|(?<=\bbeyond the near term)|(?<=\bwithin the near term))(?! of\b)|"
     r"(?:the )?(?:beginning|start|end|middle|rest) of the (?:(?:calendar )?year|month|week|quarter|decade)|the rest of the day|(?:right|just) now|(?:earlier|later|early|late) in the (?:year|month|week|day)(?! of\b| (?:1[89]|20)[0-9]{2}\b)"
     r"|these days|nowadays|lately|the moment|present(?= time\b|[,.;:!?)]|$| (?:and|but|or|it|they|he|she|we|there|the)\b)"
     r"|the past(?=[,.;:!?)]|$| (?:and|but|or|when|as|because|is|was|has|had)\b)"
     r"|(?:year|quarter|month)[- ]end(?![\w-]| (?:results|profit|bonus|report|figures|sales|earnings))|year['’]s end"
     r"|mid-?year(?![\w-]| (?:results|profit|report|figures|sales|earnings|review|exams?|elections?|budget)))"
     r"|now|Now(?= (?:it|there|he|she|they|we|I|you)\b))(?![\w-])"),
    ("the first second # latter h",
     rf"(?P<half>(?i:(?:{_STRETCH_OF} )?(?:the )?(?:first|second|1st|2nd|latter)[ -]half of )(?:(?i:fiscal )?{_YEAR}|(?i:the year|this year|last year|next year))"
     rf"|(?i:first|second)-half(?= (?i:{_NEWS_NOUNS}))|H[12] ?FY ?(?:{_YEAR}|[0-9]{{2}})|H[12] {_YEAR}|[12]H ?(?:{_YEAR}|[0-9]{{2}})"
     rf"|(?i:(?:{_STRETCH_OF} )?the (?:first|second) half)(?! of\b))(?![\w-])"),
    # "two years ago", "three days later" (counted from the last date mentioned); "1 year, 160 days
    # ago" (page furniture: "Posted 1 year, 160 days ago"): one date, both counted back
    (f"{_C} {_APPROX_WORDS}", rf"(?P<ago>{_APPROX}?(?i:{_COUNT} {_UNIT}(?:,? (?:and )?{_COUNT} (?:month|week|day)s?(?= ago))? (?:ago(?: today)?|back(?= *[,.;:!?)]|$| (?:when|after|before)\b)|earlier(?! than)|later(?! than)|from (?:now|today))"
         rf"|{_COUNT} {_UNIT} (?:before|after)(?=[,.;:!?)]| [–—-] |$)))(?![\w-])"),
    ("days weeks months years decades centuries", r"(?P<pastref>(?i:days|weeks|months|years|decades|centuries) ago)(?![\w-])"),
    # "later that day", "earlier that night": the day, its "earlier"/"later" in it (as "later that week")
    ("the that earlier later", r"(?P<nextday>(?i:the (?:next|following|previous|same) (?:(?:trading|business|working) )?day|the day (?:before|after)"
                 r"|(?:(?:earlier|later) )?that (?:same )?day"
                 r"|(?:the (?:next|following|previous)|(?:(?:earlier|later) )?that(?: same)?|the same) (?:morning|afternoon|evening|night)))(?![\w-]"
                 # "the same day last year" is one timex (`sameperiod`); "that day last year" two, as before
                 r"|(?<=(?i:the same day))(?i: (?:of |in )?(?:a year (?:earlier|ago|before)|last year|the (?:previous|prior|last) year"
                 r"|the year before))\b)"),
    ("earlier later that the", r"(?P<thatunit>(?i:(?:earlier |later )?(?:that|the same) (?:week|month|year)"
                               r"(?! (?:of |in )?(?:a year|last year|the (?:previous|prior|last) year|the year before)\b"
                               rf"|(?<=(?i:the same month)) (?i:of|in) {_YEAR}(?![\w-]))"
                               r"|the (?:week|month|year) (?:earlier(?! than)|before(?=[,.;:!?)]| [–—-] |$))))(?![\w-])"),
    # "the same period last year", "the year-ago quarter": the period named last, a year back;
    # "the same period of 2004": in that year
    ("the", rf"(?P<sameperiod>(?i:the (?:same|corresponding|comparable) (?:period|quarter|month|week|day|time)"
            r" (?:of |in )?(?:a year (?:earlier|ago|before)|last year|the (?:previous|prior|last) year|the year before)"
            rf"|the (?:same|corresponding|comparable) (?:period|quarter|month) (?:of|in) {_YEAR}"
            r"|the (?:year-(?:earlier|ago)|prior-year|prior year's) (?:period|quarter|month|week)))(?![\w-])"),
    # "a 27-year contract", "a 12-hour flight": a length of time as an adjective (not an age)
    (_C, rf"(?P<adjdur>(?i:{_COUNT})-(?i:minute|hour|day|week|month|year|decade))(?![\w-]| old\b)"),
    ("fiscal financial # fy this last next the",
     rf"(?P<fiscal>(?:(?i:{_STRETCH_OF} ))?"
     rf"(?:(?i:fiscal|financial)(?: year)? {_YEAR}{_FY_END}|{_YEAR}{_FY_END} (?i:fiscal|financial) year"
     rf"|FY ?(?:{_YEAR}|[0-9]{{2}}){_FY_END}"
     rf"|{_YEAR}(?:[-–/]|--)(?:[0-9]{{2}}|{_YEAR})(?= (?i:budget|federal budget|annual budget|union budget)\b)"  # "the 2024-25 budget"
     r"|(?:(?i:this|last|next|the current|the previous|the coming|the next|the last|the) )?(?i:fiscal|financial) year))"
     r"(?![\w-])"),
    ("the fiscal first second third fourth final last # q fy",
     rf"(?P<quarter>(?i:{_STRETCH_OF} (?:the )?(?:fiscal )?{_ORD} (?:fiscal )?quarter"
     rf"|(?:the )?(?:fiscal )?{_ORD}[ -](?:fiscal )?quarter)"
     rf"(?: (?i:of )?(?:(?i:fiscal (?:year )?)?{_YEAR}|(?i:this|last|next|the|the new) year))?"
     rf"|Q[1-4] ?FY ?(?:{_YEAR}|[0-9]{{2}})"  # "Q2 FY26", "Q2FY26": Indian results
     rf"|Q[1-4](?: (?i:of )?(?:(?i:fiscal )?{_YEAR}))?|(?:FY ?{_YEAR} )Q[1-4]|[1-4]Q ?(?:{_YEAR}|[0-9]{{2}}))(?![\w-])"),
    ("the early late spring summer autumn fall winter earlier later this last next",
     # "the winter of 2008-09": the winter that opens in December 2008; "in the summer of last year"
     rf"(?P<season>(?i:(?:the )?(?:(?:early|late) )?winter(?: of)?) {_YEAR}(?:[-–/](?:{_YEAR}|[0-9]{{1,2}}))?"
     rf"|(?i:(?:the )?(?:(?:early|late) )?(?:spring|summer|autumn|fall)(?: of)?) {_YEAR}"
     r"|(?i:the (?:(?:early|late) )?(?:spring|summer|autumn|fall|winter) of (?:this|last|next) year)(?!['’]s\b)"
     r"|(?i:(?:(?:early|late|earlier|later) )?(?:this|last|next|this past|this coming) (?:spring|summer|autumn|winter|fall)))(?![\w-])"),
    ("the early late spring summer autumn winter fall",
     r"(?P<bareseason>(?i:(?:the )?(?:(?:early|late) )?(?:spring|summer|autumn|winter)|the (?:early |late )?fall(?=[,.;:!?)]|$)))"
     r"(?![\w-]| of)"),
    # an older decade or century only after "the": "the 1700s", "the late 1640s" (not "Boeing 1700s")
    ("# ' the early late mid", r"(?P<decade>(?:(?i:the )?(?i:early |late |mid-|mid )?(?:1[89]|20)[0-9]0['’]?s"
                               r"|(?i:the )(?i:early |late |mid-|mid )?1[0-7][0-9]0['’]?s"
                               r"|(?:(?<=\bthe )|(?<=\bThe )|(?<=\band ))'?[0-9]0s"
                               # "'50s punk rock", "in the late '90s" (an apostrophe: no age, unless
                               # after "in his": `_short_decade_not_years`); "the late 90s" (not
                               # "the mid-90s", "the upper 90s": heat)
                               r"|(?:(?i:the )?(?i:early |late |mid-|mid ))?['’][0-9]0s"
                               r"|(?i:the (?:early|late) )[0-9]0s))(?![\w-])"),
    # "the 19th century", "the early twentieth century", "21st-century" (value: its first two digits)
    ("the early late mid # nineteenth twentieth twenty",
     r"(?P<century>(?i:(?:the )?(?:(?:early|late|mid)[- ])?(?:1[0-9]th|20th|21st|nineteenth|twentieth|twenty-first)[ -]century))"
     r"(?![\w-])"),
    ("the", r"(?P<ordday>the (?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th))"
            r"(?=[,.;:!?)]| (?:and|or)\b| of (?:this|last|next|the) month\b|$)"),
    ("recent the over coming", r"(?P<pxdur>(?i:recent|coming|the (?:coming|past few|last few|next few|past several|last several|"
                        r"next several)|over the) (?:days|weeks|months|years|decades)|(?i:the (?:days|weeks|months|years) ahead))(?![\w-])"),
    # "the first three months of 2008": a quarter, a half (not a length of time)
    # "the first nine months of the year": one span (TimeML's extent), a length of time (P9M)
    ("the", rf"(?P<months>(?i:the (?:first|last|final) {_COUNT} months of )(?:{_YEAR}|(?i:the year|this year|last year|next year"
            r"|the fiscal year)))(?![\w-])"),
    # "two and a half years", "a year and a half", "half an hour": lengths with a half
    (f"the past last next {_C} half {_APPROX_WORDS}",
     rf"(?P<halfdur>{_APPROX}?(?i:(?:the (?:past|last|next|coming) )?{_COUNT} and a half (?:{_DUR_UNIT})"
     r"|(?:a|an|one) (?:minute|hour|day|week|month|year|decade) and a half|half an? (?:hour|day|year|decade)(?! ago\b)))(?![\w-])"),
    (f"the past last next first {_C} {_APPROX_WORDS}",
     rf"(?P<dur>{_APPROX}?(?i:(?:the (?:past|last|next|coming|first|previous|following) |(?:past|last|next|first) )?{_COUNT}"
     rf"(?: more)? (?:{_DUR_UNIT})))(?![\w-]| old| of age)"),
    ("early late mid # the end",
     rf"(?P<year>(?i:early |late |mid-|mid |end-|{_STRETCH_OF} |the year )?{_YEAR})(?![\w/-]|–[0-9]|,\d|\.\d| ?%|s\b|(?<=0)['’]s\b| (?:people|percent|workers|jobs|"
     r"units|cars|employees|shares|troops|km|miles|meters|metres|feet|tons|tonnes|dollars|euros|points|votes|barrels|homes|vehicles"
     r"|yards?|acres|calories|passengers|residents|students|members"  # "the Broncos' 1998 yards", "a 2000 yard rusher"
     r"|GMT|UTC|hours|hrs|local time|ET|EST|EDT|BST|CET))"),
]
# "the March quarter" (the quarter ending in March), "the latest quarter" (the last one closed)
_BRANCHES.insert(0, ("the", rf"(?P<monthquarter>the (?:(?:{_MONTH}[-–])?{_MONTH} |(?i:latest |most recent |just-ended |recently ended ))quarter)"
                            r"(?![\w-])"))
# "last year's fourth quarter", "2008's first half", "the year's first half": the quarter or half
# of that year (before "last year" alone)
_BRANCHES.insert(0, ("last this next the #", rf"(?P<possperiod>(?i:(?:last|this|next|the) year|{_YEAR})['’]s (?i:(?:fiscal )?{_ORD}"
                                         r"[ -](?:fiscal )?quarter|(?:first|second) half))(?![\w-])"))
# sports seasons: "this season" (the present one), "the 2008-09 season" (valued by its first year)
# "in the new year": the year to come (the year begun in a past report, early in it or after
# "since"); lower-case, so no "Chinese New Year", and not the holiday's own words ("the new year
# holiday", "the new year's party", "new year's eve"), nor before a year ("the new year 2009": the year
# is the date) or a school year's noun ("the new year 7 class"); a count after it leaves it a date
# ("In the new year 300 workers will lose their jobs")
_BRANCHES.append(("the", r"(?P<newyear>the new year)(?![\w-]| (?:of )?(?:1[0-9]|20)[0-9]{2}\b"
                         r"| [0-9]{1,2} (?:class(?:es)?|pupils|students|group|exams?|tests?|children|boys|girls)\b"
                         r"|(?:['’]s)? (?:holidays?|break|celebrations?|festivities|festival"
                         r"|resolutions?|eve|day|party|parties|greetings|message|address|honou?rs|cards?|fireworks|revell?ers|countdown"
                         r"|lunch|dinner|concert)\b)"))
# "at this time": now (not "this time of year"); "this time last year", "this time a year ago" as
# "the same time last year" (after any word)
_BRANCHES.append(("this", r"(?P<thistime>(?i:this time(?: last year| a year (?:ago|earlier|before))?))"
                          r"(?![\w-]| (?:of|last|next|a year|tomorrow|yesterday|around|round)\b)"))
_BRANCHES.append(("this last next the", r"(?P<sportseason>(?i:this past|this|last|next|the (?:previous|prior|current|next|past)) (?:off-?)?season)"
                                          r"(?![\w-])"))
_BRANCHES.append(("#", rf"(?P<seasonyears>{_YEAR}(?:[-–]|--)(?:[0-9]{{2}}|{_YEAR}))(?= (?i:season|campaign|term|school year)\b)"))
# "from 1978-89", "(1999-2003)": a range of years in one word, valued by its first (as "July-March")
_BRANCHES.append(("#", rf"(?P<yearrange>{_YEAR}(?:[-–]|--)(?:[0-9]{{2}}|{_YEAR}))(?![\w/–-]|\.\d| ?%)"))
# "the sixth straight day", "a second consecutive week": the day (week...) the story is at, or
# the weekday after it ("for a second straight day on Friday")
_WEEKDAY_AFTER = re.compile(rf" (?:on )?({_WEEKDAY})(?![\w-])")
#: ... and "for a 12th straight month in August", "a third consecutive year in 2008": the month
#: (year) named right after it.
_PERIOD_AFTER = re.compile(rf" (?:in|during) (?:(?P<month>{_MONTH})(?:,? (?P<monthyear>{_YEAR}))?|(?P<year>{_YEAR}))(?![\w-])")
_BRANCHES.append(("the a", r"(?P<nthunit>(?i:the|a) (?i:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                           r"|[1-9][0-9]?(?:st|nd|rd|th)) (?i:straight|consecutive|successive) (?i:day|week|month|year))"
                           r"(?![\w-])"))
# "for years", "took months", "the first time in decades": an uncounted length of time (PXY,
# PXM, PXDE) after a word that makes it one (not "the years of war"; "in" and "within" only
# before a clause ends, see find_dates)
_BRANCHES.append(("days weeks months years decades",
                  r"(?P<bareunits>(?:" + "|".join(rf"(?<=\b[{w[0]}{w[0].upper()}]{w[1:]} )"
                                                  for w in sorted(_BARE_LENGTH_BEFORE | _BARE_LENGTH_IN))
                  + r")(?i:days|weeks|months|years|decades))(?![\w-]| of\b| ago\b| old\b| ?\d)"))
# "one hundred years ago", "half a century ago", "half a century": read as "ago" and "dur" (see find_dates)
# (an approximator before one is taken in by find_dates: as a trigger, "over the", "more than" would try it)
_BRANCHES.append(("a one two three four five six seven eight nine half",
                  rf"(?P<longcount>(?i:{_LONG_COUNT} (?:{_UNIT} ago|{_DUR_UNIT})))(?![\w-]| old| of age)"))
_APPROX_BEFORE = re.compile(r"(?<![\w-])(?i:" + "|".join(_APPROXIMATORS) + ") $")
# "the Fifties", "the late Sixties": a decade of the twentieth century in words (capitalised: not
# "in his fifties", "temperatures in the fifties")
_DECADE_WORDS = {"Twenties": 2, "Thirties": 3, "Forties": 4, "Fifties": 5, "Sixties": 6, "Seventies": 7,
                 "Eighties": 8, "Nineties": 9}
_BRANCHES.append(("the", rf"(?P<decadeword>the (?:(?:early|late|mid)[- ])?(?:{'|'.join(_DECADE_WORDS)}))(?![\w-])"))
# "the first trading day of the year", "the last day of March 2009": a day TimeML marks (its
# head is "day"), valued by the calendar (a trading day: a weekday, past New Year's Day)
_BRANCHES.append(("the", r"(?P<edgeday>(?i:the (?:first|last|final) (?:full )?(?:(?:trading|business|working) )?day of )"
                         rf"(?:(?i:the year|this year|last year|next year|this month|last month|next month)"
                         rf"|{_YEAR}|{_MONTH}(?:,? {_YEAR})?))(?![\w-])"))
# "the first Monday in October", "the last Friday of the month": the weekday of that rank in the
# month (TIMEX3 values the day), not a bare weekday and a month apart
_BRANCHES.append(("the", rf"(?P<nthweekday>(?i:the (?:first|second|third|fourth|fifth|last|final) ){_WEEKDAY}(?i: (?:of|in) )"
                         rf"(?:(?i:this month|last month|next month|the month)|{_MONTH}(?:,? {_YEAR})?))(?![\w-])"))
# "the day", "the year" (TimeML reads them as the day or year the story is at): last, so that
# every longer reading wins.
# "in afternoon trading", "during the morning": a part of the day the story is at (TIMEX3 TIME,
# which the scorers count as a date when it has a day)
_BRANCHES.append(("morning afternoon evening the late early mid", r"(?P<daypart>(?i:morning|afternoon|evening)(?= (?:trading|trade|session|deals"
                                                   r"|dealings)\b)|(?i:the (?:morning|afternoon|evening))(?![\w-]| of\b| (?:rush|news|shift|edition|show|commute"
                                                   r"|paper|papers|prayers?|star|sun)\b)"
                                                   r"|(?i:(?:late|early|mid)[- ]?(?:morning|afternoon|evening))(?![\w-]))"))
# "the year to March", "the month to date": a period up to a day, not the anaphor; "sales for the
# month to rise" (an infinitive) is one
_BRANCHES.append(("the", r"(?P<theunit>(?i:the (?:day|week|month|(?:calendar )?year|quarter|period|decade)))(?![\w-]| of\b| (?:ended|ending|through|before|after|"
                         r"earlier|later|when|that|which|in which|he|she|they|it|we|I)\b"
                         r"| to (?![a-z]+ (?:about |some |nearly |around |almost |more than |less than )?[$€£0-9.]|rise|fall|"
                         r"climb|drop|decline|grow|increase|gain|slip|jump|reach|top|exceed|be|have)\b)"))
_START = r"(?<![\w-])(?:"


@functools.cache
def full_pattern() -> re.Pattern[str]:
    """Every branch in one pattern: what `_candidates` must find (checked by the tests).
    Compiled only when asked for: it costs ~20 ms and extraction never uses it."""
    return _alternation(tuple(b for _, b in _BRANCHES))


_TRIGGERS = frozenset([*(w for words, _ in _BRANCHES for w in words.split()), "#4"])
#: The branches that can start with four digits (a year); the other "#" branches start with
#: one to three ("3 days", "1Q08", "12/03/2008"). Numbers are split so: half the scan's time.
_YEAR_FIRST = frozenset({"iso", "year", "decade", "possperiod", "fiscal", "seasonyears", "yearrange"})


def _kind_of(branch: str) -> str:
    return branch[4:branch.index(">")]  # "(?P<year>..." -> "year"


@functools.cache
def _branch_words() -> tuple[tuple[frozenset[str], str], ...]:
    """Each branch with the set of its first words (split once, not once a key)."""
    return tuple((frozenset(words.split()), b) for words, b in _BRANCHES)


@functools.cache
def _branches_for(key: str) -> tuple[str, ...]:
    """The branches that can start with `key` ("#4": four digits, "#": fewer), in their order."""
    if key.startswith("#"):
        chosen = [b for words, b in _branch_words() if "#" in words
                  and ((_kind_of(b) in _YEAR_FIRST) == (key == "#4") or key == "#" and _kind_of(b) == "decade")]
    else:
        chosen = [b for words, b in _branch_words() if key in words]
    if key not in _APPROX_WORDS.split():  # an approximator can't start here: skip trying them
        chosen = [b.replace(_APPROX + "?", "") for b in chosen]
    return tuple(chosen)


@functools.cache
def _alternation(branches: tuple[str, ...]) -> re.Pattern[str]:
    """`branches` as one pattern, compiled once per set: what a checked head is matched with."""
    return re.compile(_START + "|".join(branches) + ")")


_parsed = functools.cache(_sre.parse)
#: The branches of a key that can match where the text opens with a given head (the trigger and
#: the three characters after it), compiled once per set: most heads ("the company", "3 percent",
#: "at least") rule out every branch, so most triggers cost no match at all. A head not yet
#: checked holds the number of times it was seen (counted by `_candidates`).
_BY_HEAD: dict[str, re.Pattern[str] | None | int] = {}
#: Heads kept at most: a full memo starts again rather than stop learning, where every frequent
#: head would cost a match with all its key's branches for the rest of the process.
_HEAD_MEMO_LIMIT = 100_000
#: Sightings of a head before its branches are compiled as one pattern (`_pattern_at`). Until then
#: `_HEADS` finds them (a few look-ups, once a head) and they are matched one by one (`_first_of`),
#: each compiled alone once. A new alternation costs milliseconds to compile and saves ~1 us a
#: match: it pays only for a head seen often, and most heads of fresh text come a few times or once.
_HEAD_CHECK_AFTER = 128


def _pattern_at(key: str, head: str) -> re.Pattern[str] | None:
    """The branches that can start with `key` (`_branches_for`) less those that cannot match a
    text opening with `head`, as one pattern (None: no branch can), memoised by head."""
    chosen = _HEADS.kept(key, head)
    pattern = _alternation(chosen) if chosen else None
    _remember(head, pattern)
    return pattern


def _remember(head: str, entry: re.Pattern[str] | None | int) -> None:
    """`_BY_HEAD[head] = entry`, both head memos started again when full."""
    if len(_BY_HEAD) >= _HEAD_MEMO_LIMIT:
        _BY_HEAD.clear()
        _FIRST_BY_HEAD.clear()
    _BY_HEAD[head] = entry


def _key(text: str, start: int, end: int) -> str:
    """The key of the trigger text[start:end] (`_branches_for`)."""
    first = text[start]
    return ("#4" if text[start + 1:start + 4].isdigit() else "#") if first.isdigit() else \
        "'" if first in "'’" else text[start:end].lower()  # "'50s", "’50s": one key


#: `_first_of` for a head not yet checked (cleared with `_BY_HEAD`).
_FIRST_BY_HEAD: dict[str, object] = {}


#: `_START`'s look-behind, parsed once: the items `_single` puts before a branch's.
_START_ITEMS = _sre.parse(_START + ")").data[:1]


@functools.cache
def _single(branch: str) -> re.Pattern[str]:
    """`re.compile(_START + branch + ")")`, compiled from the parse the head automaton made of the
    branch (`_parsed`) with the look-behind's item put before its items (the group holds one
    alternative: a sequence, as they are): re.compile would parse the branch again, which costs
    about as much as the compiling."""
    parsed = _parsed(branch)
    return _compiled(_START + branch + ")", _sre.SubPattern(parsed.state, _START_ITEMS + list(parsed.data)))


def _compiled(text: str, parsed) -> re.Pattern[str]:
    """`re.compile(text)` given `parsed`, its parse: the steps of re's compile after its parse (the code made
    from the parse, its groups mapped both ways), with `text` the pattern's own (`pattern.pattern`)."""
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return _sre_engine.compile(text, parsed.state.flags, _sre_compile._code(parsed, 0), parsed.state.groups - 1,
                               groupindex, tuple(indexgroup))


class _FirstOf:
    """Branches tried one by one: the first match of one at `pos` is their alternation's match there
    (it tries them in turn, and nothing follows). Each is compiled alone, once: a new set of
    branches costs no compiling, where a new alternation of them costs milliseconds."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self.patterns = patterns

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        for pattern in self.patterns:
            m = pattern.match(text, pos)
            if m is not None:
                return m
        return None


@functools.cache
def _first_of(chosen: tuple[str, ...]) -> re.Pattern[str] | _FirstOf | _Guarded | None:
    """What matches as the alternation of `chosen` does, without compiling it."""
    if not chosen:
        return None
    return _tried(chosen[0]) if len(chosen) == 1 else _FirstOf(tuple(map(_tried, chosen)))


#: Branches whose match, tried one by one on fresh text, fails often and costs most (3-4 us a
#: try: the counts of "two years ago", "two years", "two and a half years"): `_first_of` tries
#: them only where a word every match holds may lie within their longest match (`_Guarded`).
_GUARDED_KINDS = frozenset({"ago", "dur", "halfdur"})


class _Guarded:
    """A branch matched only where one of `cues`' words (lower case), one of which each of its
    matches holds, may lie within `width` characters (its longest match): elsewhere it fails."""

    __slots__ = ("pattern", "cues", "width")

    def __init__(self, pattern: re.Pattern[str], cues: re.Pattern[str], width: int) -> None:
        self.pattern, self.cues, self.width = pattern, cues, width

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        if not _may_match(self.cues, text, pos, pos + self.width):
            return None
        return self.pattern.match(text, pos)


@functools.cache
def _tried(branch: str) -> re.Pattern[str] | _Guarded:
    """`_single(branch)`, guarded by its words (`_Guarded`) if it is of `_GUARDED_KINDS` and has some."""
    if _kind_of(branch) not in _GUARDED_KINDS:
        return _single(branch)
    parsed = _parsed(branch)
    words = _held_words(parsed)
    if not words:
        return _single(branch)
    return _Guarded(_single(branch), re.compile(_trie(sorted(words))), parsed.getwidth()[1])


def _same_letter(a: str, b: str) -> bool:
    return a == b or a.lower() == b.lower() or _unsure_case(a) or _unsure_case(b)


def _unsure_case(ch: str) -> bool:
    """A letter outside ASCII: re's IGNORECASE folds with the simple case maps, under which 'İ'
    matches 'i' and "[a-z]" matches 'ı', where str.lower() says no; such a letter may match any."""
    return not ch.isascii() and ch.lower() != ch.upper()


def _in_class(items, ch: str) -> bool:
    """Could `ch` be in the class (any case)? True when unsure: never rules out a match."""
    if _unsure_case(ch):
        return True
    for op, av in items:
        if op is _sre.LITERAL:
            if _same_letter(ch, chr(av)):
                return True
        elif op is _sre.RANGE:
            if any(av[0] <= ord(c) <= av[1] for c in {ch, ch.lower(), ch.upper(), ch.casefold()} if len(c) == 1):
                return True
        elif op is _sre.CATEGORY and av in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_UNI_DIGIT):
            if ch.isdigit():
                return True
        else:  # a negation, another category: unsure
            return True
    return False


def _ends(seq, head: str, i: int) -> set[int]:
    """Where in `head` a match of the parsed pattern `seq` started at `i` can end (len(head):
    it runs past the head). Over-approximates: look-arounds and anchors always pass, letters
    match in any case; so a branch it rules out can never match there. The scan asks
    `_HeadAutomaton`, which answers as this does (1-8 ms a head here)."""
    n = len(head)
    now = {i}
    for op, av in seq:
        if n in now:
            return {n}
        if op is _sre.LITERAL:
            now = {j + 1 for j in now if _same_letter(head[j], chr(av))}
        elif op is _sre.IN:
            now = {j + 1 for j in now if _in_class(av, head[j])}
        elif op in (_sre.NOT_LITERAL, _sre.ANY):
            now = {j + 1 for j in now}
        elif op is _sre.SUBPATTERN:
            now = set().union(*(_ends(av[-1], head, j) for j in now))
        elif op is _ATOMIC_GROUP:
            now = set().union(*(_ends(av, head, j) for j in now))
        elif op is _sre.BRANCH:
            now = set().union(*(_ends(alt, head, j) for alt in av[1] for j in now))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT):
            low, high, body = av
            reach, count = set(now), 0
            while reach and count < low:
                reach = set().union(*(_ends(body, head, j) for j in reach)) if n not in reach else {n}
                count += 1
            out = set(reach)
            while reach and count < high:
                reach = (set().union(*(_ends(body, head, j) for j in reach)) if n not in reach else {n}) - out
                out |= reach
                count += 1
            now = out
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue
        else:  # a back-reference, a conditional: anything may follow
            return {n}
        if not now:
            return now
    return now

class _HeadAutomaton:
    """What `_ends` says of the branches of a key for a head, read off the head a character at a time
    (a few dictionary look-ups, where `_ends` walks every branch's parse tree: 1-8 ms a head).
    The branches are one automaton read from their parse trees with `_ends`'s over-approximation
    (look-arounds and anchors pass, letters match in any case, an op it does not know keeps its
    branch): a state is a place in a branch's tree (what is left to read), built only when a
    head reaches it; a set of states is a state of a second, deterministic one, also built as
    heads reach it. A branch is kept where `_ends` is not empty: its match ended within the head
    (its end, a mark that stays, was reached) or runs past it (one of its states is still live).
    A head's last character is read without the set after it (`_last`): only the branches it keeps
    are needed.
    tests/test_dates_speed.py checks it against `_ends`."""

    #: A repeat with more optional rounds than this is a loop: a head is shorter (a trigger word of
    #: at most 13 letters and 3 characters), so rounds past it reach no more of it.
    LOOP_AFTER = 64
    #: Moves and last reads kept at most (each is a state and a character: any character may follow
    #: a trigger): past it the automaton starts again, as the head memo does, rather than grow for ever.
    MOVES_LIMIT = 100_000

    def __init__(self) -> None:
        self.count = 0  # moves and last reads made (`_made`)
        self.branch_number: dict[str, int] = {}
        # key -> its first state, its branches (and numbers), its branches kept by the numbers kept
        self.keys: dict[str, tuple[int, tuple[tuple[str, int], ...], dict[frozenset[int], tuple[str, ...]]]] = {}
        self.trees: list[list] = []  # sequences of (op, av), by number
        self.tree_number: dict[int, int] = {}  # id() of a sequence or repeat -> its number
        self.alive: list[object] = []
        self.places: dict[tuple, int] = {}  # ("end", branch) / ("seq", tree, i, then) / ("rep", tree, rounds, then)
        self.place_of: list[tuple] = []
        self.owner: list[int] = []  # the branch of a place
        self.items: dict[tuple, int] = {}  # ("read", test, then) / ("kept", branch) -> a state's number
        self.item_of: list[tuple] = []
        self.item_owner: list[int] = []
        self.tests: dict[object, int] = {}
        self.test_of: list[tuple[str, object]] = []
        self.passes: dict[str, list[int]] = {}  # a character -> [the tests it passes, the tests tried] (bits)
        self.closures: dict[int, frozenset[int]] = {}
        self.sets: list[frozenset[int]] = []
        self.index: dict[frozenset[int], int] = {}
        self.moves: list[dict[str, int]] = []  # a state's moves by character
        self.groups: list[tuple | None] = []
        self.lasts: list[dict[str, frozenset[int]]] = []  # a state's branches kept by a head's last character
        self.owner_sets: dict[frozenset[int], frozenset[int]] = {}  # one copy of each set of numbers kept

    def _start(self, key: str) -> tuple[int, tuple[tuple[str, int], ...], dict[frozenset[int], tuple[str, ...]]]:
        """The state before a head of `key`: where each of its branches starts (and a memo of its
        branches kept, by their numbers)."""
        found = self.keys.get(key)
        if found is None:
            branches = []
            first: frozenset[int] = frozenset()
            for branch in _branches_for(key):
                number = self.branch_number.setdefault(branch, len(self.branch_number))
                end = self._place(("end", number), number)
                first |= self._closure(self._place(("seq", self._tree(_parsed(branch)), 0, end), number))
                branches.append((branch, number))
            found = self.keys[key] = (self._set(first), tuple(branches), {})
        return found

    def _set(self, states: frozenset[int]) -> int:
        to = self.index.get(states)
        if to is None:
            to = self.index[states] = len(self.sets)
            self.sets.append(states)
            self.moves.append({})
            self.lasts.append({})
            self.groups.append(None)
        return to

    def _tree(self, seq, value=None) -> int:
        """The number of a sequence of the parse trees (or of a repeat's `av`, stored as `value`)."""
        number = self.tree_number.get(id(seq))
        if number is None:
            number = self.tree_number[id(seq)] = len(self.trees)
            self.trees.append(list(seq) if value is None else value)
            self.alive.append(seq)  # its id stays its own
        return number

    @staticmethod
    def _number(numbers: dict[tuple, int], values: list[tuple], owners: list[int], value: tuple, owner: int) -> int:
        number = numbers.get(value)
        if number is None:
            number = numbers[value] = len(values)
            values.append(value)
            owners.append(owner)
        return number

    def _place(self, place: tuple, owner: int) -> int:
        return self._number(self.places, self.place_of, self.owner, place, owner)

    def _item(self, item: tuple, owner: int) -> int:
        return self._number(self.items, self.item_of, self.item_owner, item, owner)

    def _read(self, test: tuple[str, object], key: object, then: int) -> int:
        index = self.tests.setdefault(key, len(self.test_of))
        if index == len(self.test_of):
            self.test_of.append(test)
        return self._item(("read", index, then), self.owner[then])

    def _closure(self, start: int) -> frozenset[int]:
        """The states (reads and kept marks) reached from a place without reading a character."""
        found = self.closures.get(start)
        if found is not None:
            return found
        out: set[int] = set()
        todo, seen = [start], {start}
        owners, place_of, trees = self.owner, self.place_of, self.trees
        while todo:
            at = todo.pop()
            owner = owners[at]
            place = place_of[at]
            nexts: list[int] = []
            if place[0] == "end":
                out.add(self._item(("kept", owner), owner))
            elif place[0] == "rep":
                _, tree, rounds, then = place
                low, high, body = self.trees[tree]
                if rounds >= low:
                    nexts.append(then)
                if rounds < high:
                    more = rounds + 1 if rounds < low or high - low <= self.LOOP_AFTER else rounds
                    nexts.append(self._place(("seq", self._tree(body), 0, self._place(("rep", tree, more, then), owner)), owner))
            else:
                _, tree, i, then = place
                seq = trees[tree]
                if i == len(seq):
                    nexts.append(then)
                else:
                    op, av = seq[i]
                    after = self._place(("seq", tree, i + 1, then), owner)
                    if op is _sre.LITERAL:
                        out.add(self._read(("letter", chr(av)), ("letter", av), after))
                    elif op is _sre.IN:
                        out.add(self._read(("class", av), ("class", repr(av)), after))
                    elif op in (_sre.NOT_LITERAL, _sre.ANY):
                        out.add(self._read(("any", None), ("any", None), after))
                    elif op is _sre.SUBPATTERN:
                        nexts.append(self._place(("seq", self._tree(av[-1]), 0, after), owner))
                    elif op is _ATOMIC_GROUP:
                        nexts.append(self._place(("seq", self._tree(av), 0, after), owner))
                    elif op is _sre.BRANCH:
                        nexts.extend(self._place(("seq", self._tree(alt), 0, after), owner) for alt in av[1])
                    elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT):
                        nexts.append(self._place(("rep", self._tree(av, av), 0, after), owner))
                    elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
                        nexts.append(after)
                    else:  # a back-reference, a conditional: anything may follow
                        out.add(self._item(("kept", owner), owner))
            for place_next in nexts:
                if place_next not in seen:
                    seen.add(place_next)
                    todo.append(place_next)
        found = self.closures[start] = frozenset(out)
        return found

    def _passing(self, tests: int, ch: str) -> int:
        """Which of `tests` (a bit a test: 1 << its number) `ch` passes; a test is tried once a character."""
        known = self.passes.get(ch)
        if known is None:
            known = self.passes[ch] = [0, 0]
        untried = tests & ~known[1]
        while untried:
            bit = untried & -untried
            untried ^= bit
            what, arg = self.test_of[bit.bit_length() - 1]
            if what == "any" or what == "letter" and _same_letter(ch, arg) or what == "class" and _in_class(arg, ch):
                known[0] |= bit
            known[1] |= bit
        return known[0] & tests

    def _groups(self, at: int) -> tuple:
        """Set `at`'s states grouped: its kept marks, its tests (a bit each), the places after its
        reads of each test, and its moves and last reads by the tests a character passes (most
        characters pass the same tests as one seen before)."""
        groups = self.groups[at]
        if groups is None:
            by_test: dict[int, list[int]] = {}
            kept = []
            for state in self.sets[at]:
                item = self.item_of[state]
                if item[0] == "kept":
                    kept.append(state)  # a branch kept stays kept
                else:
                    by_test.setdefault(item[1], []).append(item[2])
            tests = 0
            for test in by_test:
                tests |= 1 << test
            groups = self.groups[at] = (kept, tests, [(1 << test, places) for test, places in by_test.items()], {}, {})
        return groups

    def _made(self, memo: dict, at: int, ch: str, make: Callable[[int, str], Any]) -> Any:
        """`make(at, ch)`, kept in `memo` (set `at`'s moves or last reads) by character. An ASCII
        capital passes the tests its lower case passes (`_same_letter`, `_in_class`): it gets its
        lower case's, made if new."""
        if "A" <= ch <= "Z":
            low = ch.lower()
            found = memo.get(low)
            if found is None:
                found = memo[low] = make(at, low)
                self.count += 1
        else:
            found = make(at, ch)
        memo[ch] = found
        self.count += 1
        return found

    def _move(self, at: int, ch: str) -> int:
        """The set after reading `ch` in set `at` (made once)."""
        return self._made(self.moves[at], at, ch, self._next)

    def _next(self, at: int, ch: str) -> int:
        kept, tests, reads, by_passing, _ = self._groups(at)
        passing = self._passing(tests, ch)
        to = by_passing.get(passing)
        if to is None:
            out = set(kept)
            for bit, places in reads:
                if passing & bit:
                    for place in places:
                        out |= self._closure(place)
            to = by_passing[passing] = self._set(frozenset(out))
        return to

    def _last(self, at: int, ch: str) -> frozenset[int]:
        """The branches (numbers) kept by the set `_move` would give, without it: those of the kept
        marks of set `at` and of its reads `ch` passes (made once). The closures of the places after
        those reads, most of them new on fresh text, are not needed: a closure is never empty (each
        path from a place reaches a read or its branch's end), so a read passed keeps its branch."""
        return self._made(self.lasts[at], at, ch, self._kept_after)

    def _kept_after(self, at: int, ch: str) -> frozenset[int]:
        kept, tests, reads, _, by_passing = self._groups(at)
        passing = self._passing(tests, ch)
        owners = by_passing.get(passing)
        if owners is None:
            place_owner, item_owner = self.owner, self.item_owner
            found = {item_owner[state] for state in kept}
            for bit, places in reads:
                if passing & bit:
                    found.update([place_owner[place] for place in places])
            owners = frozenset(found)
            owners = by_passing[passing] = self.owner_sets.setdefault(owners, owners)
        return owners

    def kept(self, key: str, head: str) -> tuple[str, ...]:
        """The branches of `key` that `_ends` keeps for `head`, in their order."""
        if self.count >= self.MOVES_LIMIT:
            self.__init__()  # type: ignore[misc]
        at, branches, chosen = self._start(key)
        if head:
            moves = self.moves
            for ch in head[:-1]:
                to = moves[at].get(ch)
                at = self._move(at, ch) if to is None else to
            owners = self.lasts[at].get(head[-1])
            if owners is None:
                owners = self._last(at, head[-1])
        else:
            owners = frozenset(self.item_owner[state] for state in self.sets[at])
        kept = chosen.get(owners)
        if kept is None:
            kept = chosen[owners] = tuple(branch for branch, number in branches if number in owners)
        return kept


#: One automaton for every key: the keys share most branches (the counts, lengths, months).
_HEADS = _HeadAutomaton()


#: A year written once for two months or days: "May and June 2011", "September 14 and 18, 2010".
_YEAR_AFTER_MONTH = re.compile(rf" (?:and|or|to|through|until|till|[-–]) {_MONTH_D},? (?:of )?(?:({_YEAR})(?!\d)"
                               r"|((?:this|last|next) year)\b)")
#: A period closed by a month: "the three months to December", "the quarter ended March".
_PERIOD_TO = re.compile(r"(?:months|quarter|period|weeks|half|year) (?:to|through|ended|ended in) $")
#: "the fiscal year ending in March" in a forecast: the period is still running, its end is ahead.
_PERIOD_ENDING = re.compile(r"(?:months|quarter|period|half|year) (?:ending|that ends|which ends)(?: in)? $")
#: "expected to fall from June's levels", "up 3 percent from May": the base of a change is known,
#: so past (not "will run from March to May": a range).
_CHANGE_FROM = re.compile(r"\b(?:up|down|rise|rises|rising|rose|risen|fall|falls|falling|fell|fallen|climb\w*|drop\w*"
                          r"|gain\w*|declin\w*|increas\w*|decreas\w*|jump\w*|slip\w*|slid\w*|recover\w*|rebound\w*)"
                          r"(?: [\w.,$%]+){0,5} from $")
#: ... a range or a starting point looks ahead with its sentence ("from March to May", "from March onwards").
_RANGE_AFTER = re.compile(r"(?:['’]s)?(?: to | through | until | till |-|–| onwards?\b| on(?=[,.;]))")
#: "fiscal 2006, which ended in September": a fiscal year is named by the year it ends in.
_FISCAL_ENDS_BEFORE = re.compile(rf"(?i:fiscal|financial)(?: year)? ({_YEAR}),? (?:which |that )?(?:ended|ends|ending|will end)"
                                 r"(?: in)? $")
_YEAR_AFTER_DAY = re.compile(rf",? (?:and|or|to|through|until|till|[-–]) (?:{_MONTH_D} )?{_DAY},? ({_YEAR})(?!\d)")
#: A year vouched for by the one after it: "the plan covers 2009 to 2011" (not "2009 and 2011 points").
_YEAR_RANGE_AFTER = re.compile(rf" (?:to|through|and|or|until|till|[-–]) (?=(?:{_YEAR})(?![\w-]))")
_YEAR_ALONE = re.compile(next(b for _, b in _BRANCHES if b.startswith("(?P<year>")))


def _year_range_after(text: str, end: int) -> bool:
    m = _YEAR_RANGE_AFTER.match(text, end)
    return m is not None and _YEAR_ALONE.match(text, m.end()) is not None
_AGO = re.compile(rf"(?<![\w-])({_LONG_COUNT}|{_COUNT}) ({_UNIT})", re.I)
_DUR = re.compile(rf"({_LONG_COUNT}|{_COUNT})(?: more)? ({_DUR_UNIT})$", re.I)


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


def _stated_year(span: str, ref: dt.date) -> int:
    """The year written in the phrase, else the one "last"/"next" points to, else the
    article's own ("the third quarter", "this summer")."""
    year_m = _FOUR_DIGITS.search(span)
    lower = span.lower()
    if year_m:
        return int(year_m.group())
    if "last" in lower.split()[:2] or "last year" in lower:
        return ref.year - 1
    if "next" in lower.split()[:2] or "next year" in lower:
        return ref.year + 1
    return ref.year


_SHORT_YEAR = re.compile(r"\d[qh] ?(\d{4}|\d\d)$")
_FY_YEAR = re.compile(r"fy ?(\d{4}|\d\d)$")


def _short_year(lower: str, pattern: re.Pattern[str] = _SHORT_YEAR) -> int | None:
    """The year of "3q08", "1h 2008" (or, with `_FY_YEAR`, of "q2 fy26", "h1 fy2025")."""
    m = pattern.search(lower)
    if not m:
        return None
    return _full_year(int(m.group(1)))


def _full_year(year: int) -> int:
    """A year written with two digits: 00-49 this century, 50-99 the last ("FY99" 1999)."""
    return year + (2000 if year < 50 else 1900) if year < 100 else year


def _fy_year(lower: str) -> int | None:
    return _short_year(lower, _FY_YEAR)


def _fiscal_years(span: str) -> tuple[int, int] | None:
    """The calendar years a fiscal year is written with ("FY26" 2026, 2026; "FY2025-26" 2025,
    2026; "FY99-00" 1999, 2000), None without a number. Two years not one apart are a span of
    years, not one fiscal year ("the FY2025-30 plan", "the 2025-30 budget framework")."""
    numbers = re.findall(r"\d+", span)
    if not numbers:
        return None
    year = _full_year(int(numbers[0]))
    if len(numbers) == 1:
        return year, year
    end_year = int(numbers[1])
    end_year += year // 100 * 100 if end_year < 100 else 0
    return year, end_year + 100 if end_year < year else end_year


_OUTLOOK = re.compile(r"\b(?:expect|expects|expected|forecasts?|outlook|guidance|predicts?|projects?|projected|plans?"
                      r"|targets?|aims?|hopes?|will|would|could|might|should|sees|estimates?)\b|'ll\b")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends, at most 200 characters each
    side: a long paragraph with no full stop must not make each match read all of it."""
    lo = max(text.rfind(". ", max(0, start - 200), start), text.rfind("\n", max(0, start - 200), start))
    hi = text.find(". ", end, end + 200)
    return lo + 1 if lo >= 0 else max(0, start - 200), hi if hi >= 0 else end + 200


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (see `_sentence_bounds`), lower-cased."""
    lo, hi = _sentence_bounds(text, start, end)
    return text[lo:hi].lower()


def _period_year(first_month: int, months: int, ref: dt.date, text: str, start: int, end: int) -> int:
    """The year of a quarter or half named without one. Results come after a period closes:
    the one that closed last year within two months of the article is last year's ("fourth-
    quarter profit" in January), and so is one that begins more than a month after the
    article, unless the sentence looks ahead ("expects third-quarter sales to rise")."""
    outlook = _OUTLOOK.search(_sentence_around(text, start, end)) is not None and not _past_clause(text, start, end)
    if first_month + months > 12 and ref.month <= 2 and (months == 3 or not outlook):
        return ref.year - 1  # a fourth quarter's results come out in January, even "expected" ones
    if first_month <= ref.month + 1 or outlook:
        return ref.year
    return ref.year - 1


#: A clause that holds only the preposition of its date: the date is put first, its clause's verb
#: follows the comma ("In the fourth quarter, sales fell").
_FRONTED = frozenset({"", "in", "for", "during", "over", "through", "throughout", "by", "at"})


@functools.cache
def _clause_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """`_past_clause`'s patterns, compiled at its first call (few texts reach it; compiling them at
    import cost ~1 ms): the last "that" or "whether" before a date, where the complement of a
    reporting verb starts; an aside set off by commas after a date, a noun phrase or a "which"
    clause; the verb of the date's clause after such an aside ("sales in the fourth quarter,
    typically its strongest, will rise", "the year, which ends in March, is expected": the clause
    goes on after it; not "rose in the fourth quarter, its busiest, and the company expects"); a
    period that looks ahead itself ("the year ahead", "the quarter to come"; not "ahead of")."""
    return (re.compile(r"\b(?:that|whether)\b"),
            re.compile(r", (?:(?:typically|usually|traditionally|normally|historically|often|generally) )?"
                       r"(?:its|their|his|her|our|the|a|an|which|when)\b[^,.;:!?]{0,60}(?=,)"),
            re.compile(r", (?:will|would|could|might|should|may|can|is|are|was|were|has|have|had)\b"),
            re.compile(r" (?:ahead(?! of\b)|to come)\b"))


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of `pattern` in `text`, if any."""
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _past_clause(text: str, start: int, end: int) -> bool:
    """Is the date in a clause of its own that reports in the past, whatever the rest of the
    sentence looks ahead to ("As lenders reported that foreclosures rose in the fourth quarter,
    investors fear banks could lose money", "Sales for the year fell 22%, but the company expects
    a recovery")? The clause runs from the last comma before the date to the first after it: a
    verb in the past in it, before the date after its last outlook cue or after the date with
    no cue before it, and no cue after the date (not "said sales in the fourth quarter are
    expected to rise", "expects sales for the year to fall"). A reporting verb's "that" or
    "whether" opens the clause ("said that in the fourth quarter, it will cut jobs"), and an aside
    after the date does not close it ("said sales in the fourth quarter, its busiest, will rise"),
    nor the comma after a date put first ("said that in the year, crime fell 5%")."""
    complement_cue, appositive, verb_after_aside, _ = _clause_patterns()
    lo, hi = _sentence_bounds(text, start, end)
    lo = max(lo, text.rfind(",", lo, start) + 1, text.rfind(";", lo, start) + 1)
    before = text[lo:start].lower()
    if (complement := _last(complement_cue, before)) is not None:
        before = before[complement.end():]
    comma = text.find(",", end, hi)
    if comma >= 0 and (aside := appositive.match(text, comma, hi)) and verb_after_aside.match(text, aside.end(), hi):
        comma = text.find(",", aside.end() + 1, hi)
    elif comma == end and before.strip(" ") in _FRONTED:
        comma = text.find(",", comma + 1, hi)
    return _reports_in_past(before, text[end:comma if comma >= 0 else hi].lower())


@functools.lru_cache(maxsize=512)
def _reports_in_past(before: str, after: str) -> bool:
    """`_past_clause`'s reading of its clause's words before and after the date (lower-cased):
    kept by their text, so a run of the same words ("in the new year in the new year ...", whose
    windows repeat) reads each clause once, not 400 characters a match."""
    if _OUTLOOK.search(after) or _clause_patterns()[3].match(after):
        return False
    if (cue := _last(_OUTLOOK, before)) is not None:
        before = before[cue.end():]
    return _PAST_VERB.search(before) is not None or _past_ed(before) \
        or cue is None and (_PAST_VERB.search(after) is not None or _past_ed(after))


#: The period is still running: "Shares fell 5% so far in the quarter", "the year to date".
_SO_FAR = re.compile(r"\b(?:so far|thus far|to date|year-to-date)\b", re.I)


def _reports_past(text: str, start: int, end: int, prev: str) -> bool:
    """Does the sentence around a period ("the year", "the quarter") report in the past, on a
    period that is over ("Sales for the year fell 22%"; not "have fallen", "is expected to fall",
    "fell so far in the quarter", nor "its biggest drop of the year", "its worst start to the
    year": the period the story is in)?"""
    if prev in ("of", "to"):
        return False
    sentence = _sentence_around(text, start, end)
    return (_OUTLOOK.search(sentence) is None or _past_clause(text, start, end)) and _SO_FAR.search(sentence) is None \
        and (_PAST_VERB.search(sentence) is not None or _past_ed(sentence))


#: A clause set off by commas that opens with a relative pronoun or a participle: "The company,
#: founded in 1998, lost money", "Sales, which fell 20% in 2008, rose".
_ASIDE_OPENING = re.compile(r", (?:who|which|whose|that|[a-z]+ed)\b[^,.;:!?]*$")


def _in_aside(text: str, year_end: int, start: int) -> bool:
    """Is the year (or day) that ends at `year_end` in such an aside, closed before `start`? Its year is
    not the main clause's ("GM, which went bankrupt in 2009, made a profit in the first quarter")."""
    return "," in text[year_end:start] and _ASIDE_OPENING.search(text, max(0, year_end - 80), year_end) is not None


def _year_of_period(lower: str, first_month: int, months: int, ref: dt.date | None, anchors: "_Anchors",
                    text: str, start: int, end: int) -> int | None:
    """The year of "the third quarter", "the first half of the year": the year the text is at
    when it has named another than the article's ("In 2005, sales fell in the second half of
    the year"), unless that one is past and the clause looks ahead ("fell last year and should
    recover in the second half of the year"), else the one `_period_year` finds."""
    if anchors.year is not None and (ref is None or anchors.year != ref.year) \
            and not (ref is not None and anchors.year < ref.year and _future_context(text, start, end)):
        if lower.endswith("the year") or _same_sentence(text, anchors.year_end, start) \
                and not _in_aside(text, anchors.year_end, start):
            return anchors.year  # "lost $30.9 billion last year, including $9.6 billion in the fourth quarter"
    return _period_year(first_month, months, ref, text, start, end) if ref is not None else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _year_for(month: int, day: int | None, ref: dt.date, text: str, start: int, end: int, ahead: int = 60) -> int:
    """The year of a month (and day) written without one. News reports what happened, so
    the default is the latest such date not far after the article (`ahead` days); a sentence
    about the future ("will", "until", "of next year") looks ahead instead."""
    follow = text[end:end + 16].lower()
    if follow.startswith((" of next year", " next year")):
        return ref.year + 1
    if follow.startswith((" of last year", " last year")):
        return ref.year - 1
    if _FORMER_PLAN.search(text, max(0, start - 60), start):
        try:
            past = next(when for when in (dt.date(ref.year, month, day or 1), dt.date(ref.year - 1, month, day or 1))
                        if when <= ref)
        except ValueError:
            past = None
        if past is not None and (ref - past).days <= 92:
            return past.year
    future = _future_context(text, start, end) or (
        _SCHEDULED_AFTER.match(text, end) is not None and not _past_in_clause(text, start))
    if day is not None:
        try:
            candidate = dt.date(ref.year, month, day)
        except ValueError:
            return ref.year
        if not future and (candidate > ref + dt.timedelta(days=ahead)
                           or candidate > ref and _done_before(text, start)):
            return ref.year - 1  # "the deputy was killed on June 24", written on May 2: a past June
        if candidate < ref - dt.timedelta(days=60) and (future or _next_year_near(month, day, ref)):
            return ref.year + 1  # "takes effect Jan. 1" written on Dec. 29: three days on
        return ref.year
    if not future and (month > ref.month + 1 or month == ref.month + 1 and ref.day <= 24 and _past_in_clause(text, start)):
        return ref.year - 1  # "went on sale in December", written in November: last year's
    if future and month < ref.month:
        return ref.year + 1
    return ref.year


#: A date that names a schedule: "Lawrence's January start date", "a March deadline" (the coming one).
_SCHEDULED_AFTER = re.compile(r" (?:(?:start|release|launch|due|target|opening|delivery|completion) date|deadline)s?\b")
#: A model year after a determiner and an adjective, before the make: "a gray 2013 Toyota Camry", "the
#: redesigned 2008 Chevrolet Malibu" (not a count: "the first 2000 Toyota buyers").
_MODEL_YEAR = re.compile(r"\b(?:[Aa]n?|[Tt]he|its|their|his|her) (?!(?:first|last|other|next|additional|extra|more|some|about"
                         r"|nearly|almost|roughly|approximately|around|over|under|just|least"
                         r"|only|total|estimated|record|remaining|latest) )[a-z]+(?:-[a-z]+)? (?:19[5-9][0-9]|20[0-3][0-9]) [A-Z]$")
#: The clause before a date, back to a comma, a semicolon, a dash or the sentence's start.
_CLAUSE_BEFORE = re.compile(r"(?:[^,;:.!?—–\n]|[.,](?=\d))*$")  # not "$1.2" nor "1,200"


def _past_in_clause(text: str, start: int) -> bool:
    """Is there a verb in the past in the clause just before `start` ("The Edge went on sale in")?"""
    lo = _CLAUSE_BEFORE.search(text, max(0, start - 60), start).start()
    return _PAST_VERB.search(text, lo, start) is not None or _past_ed(text[lo:start])


def _years_back(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (29 February: the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _ago_today(lower: str, ref: dt.date | None) -> tuple[str | None, dt.date | None]:
    """ "a year ago today", "three weeks ago today": the article's day, counted back."""
    count, unit = _counted(lower)
    if ref is None or not isinstance(count, int):
        return None, None
    if unit in ("day", "week"):
        day = ref - dt.timedelta(days=count * (7 if unit == "week" else 1))
    elif unit == "month":
        year, month = _shift_month(ref.year, ref.month, -count)
        day = dt.date(year, month, min(ref.day, _month_end(year, month).day))  # a leap year's 29 February
    elif unit in ("year", "decade", "century", "centurie"):  # "a century ago today"
        day = _years_back(ref, count * {"year": 1, "decade": 10}.get(unit, 100))
    else:  # a quarter
        return None, None
    return day.isoformat(), day


def _past_after_article(day: dt.date, ref: dt.date | None, text: str, start: int, end: int) -> bool:
    """Is `day`, counted from an anchor, after the article's date while its clause tells of the past
    ("she died the next day", "was freed three days later")? Then it was counted from the wrong day."""
    return ref is not None and day > ref and _past_in_clause(text, start) and not _future_context(text, start, end)


#: A passive in the past right before a date ("was killed on", "were arrested in"): done, so before
#: the article (not "was expected on", "was scheduled for").
_PASSIVE_PAST_BEFORE = re.compile(r"\b(?:was|were|had been) (?:[a-z]+ )?([a-z]+(?:ed|en|wn|ld|nt|ght|ck|t)) (?:on|in) $")


@functools.cache
def _decade_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """`_short_decade_not_years`'s patterns, compiled at its first call (a decade without its century is
    rare; compiling them at import cost ~0.4 ms). A decade written without its century after "in" and a
    possessive, or "aged" ("in his late '20s", "in my '60s", "into their 50s") is an age ("their '80s
    hits" is years); after a level word alone ("the low '70s", "the upper '80s") a score or heat. In a
    sentence about the weather it is a temperature ("Highs in the early 80s", "in the late 90s" with
    "temperatures"), unless the highs are a market's ("record highs in the late '90s"): the weather's
    words, highs or lows, and the market's words."""
    return (re.compile(r"(?:\b(?:(?:in|into|past|entering|reach(?:ed|es|ing)?)\s+(?:his|her|their|its|my|our|your)|aged?)\s+"
                       r"(?:(?:early|late|mid|upper|lower|low|high)[- ]?)?|\b(?:low|upper|lower|high)[- ]?)$",
                       re.IGNORECASE),
            re.compile(r"\b(?:temperatures?|temps|degrees|heat|forecasts?|weather|thermometers?)\b|°"),
            re.compile(r"\b(?:highs?|lows?)\b"),
            re.compile(r"\b(?:records?|stocks?|shares|markets?|dow|nasdaq|prices?|index|indexes|rates?)\b"))


def _short_decade_not_years(text: str, span: str, start: int, end: int) -> bool:
    """Whether a decade written without its century ("'20s", "the late 90s") is an age, a score or
    a temperature rather than years (`_decade_patterns`)."""
    if len(span) >= 5 and span[-5:-3].isdigit():  # "the 1990s", "1990's": years
        return False
    age_or_level_before, weather_words, highs_lows, market_words = _decade_patterns()
    if age_or_level_before.search(text, max(0, start - 24), start):
        return True
    sentence = _sentence_around(text, start, end)
    return weather_words.search(sentence) is not None or (
        highs_lows.search(sentence) is not None and market_words.search(sentence) is None)


#: "as recently as 2005", "as early as March", "as far back as 1990": the bare year or month is the date.
_AS_EARLY_AS = re.compile(r"\b[Aa]s (?:recently|early|late|far back) as $")


@functools.cache
def _month_turns_after() -> re.Pattern[str]:
    """A month that begins or ends after "as"/"when", the clause ending there ("as December started,",
    "when March ended"); not a person doing something ("as April began to sing", "as June started
    singing", "as June starts in the lead role": " in" only before "earnest", a month or a year).
    Compiled at its first use (a bare month after "as" or "when" is rare; at import it cost ~0.4 ms)."""
    return re.compile(r" (?:began|begins|started|starts|ended|ends|wore on|drew to a close)"
                      rf"(?=[,.;:!?)—–]|$| {{1,2}}[—–]| (?:and|but)\b| in (?:earnest\b|the year\b|{_MONTH}\b|{_YEAR}\b))")


#: "since at least 1986", "until at least March": the preposition before "at least" is the date's
#: (a bare year or month needs one); not "employed at least 1986 people".
_PREP_AT_LEAST = re.compile(r"\b(since|until|till|by|to|from|through|before) at least $", re.I)
#: A clause's subject after "the day after/before", or a named one's event ("Obama's
#: inauguration"): the day counts from that event, not from the last day named.
_CLAUSE_SUBJECT_AFTER = re.compile(r" (?:he|she|it|they|we|I|you)\b| [A-Z][\w.-]*(?: [A-Z][\w.-]*)*['’]s?\b")


def _done_before(text: str, start: int) -> bool:
    m = _PASSIVE_PAST_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1) not in _ED_NOT_PAST


#: "the Sept. 11 attacks": the day named as the event (2001), as "9/11" is.
_ATTACKS_AFTER = re.compile(r" (?:(?:terrorist |terror )?attacks?|hijackings|commission)\b")


def _next_year_near(month: int, day: int, ref: dt.date) -> bool:
    """Is month-day of next year no further after the article than news reports ahead (60 days)?"""
    try:
        return dt.date(ref.year + 1, month, day) <= ref + dt.timedelta(days=60)
    except ValueError:
        return False


def _year_with_weekday(year: int, month: int, day: int, weekday: int, ref: dt.date) -> int:
    """ "Friday, October 3": the year nearest the article where that day is a Friday, when the
    year found without the weekday gives another day (a wrong weekday is kept as a typo)."""
    if dt.date(year, month, day).weekday() == weekday:
        return year
    matching = []
    for candidate in range(ref.year - 3, ref.year + 4):
        try:
            when = dt.date(candidate, month, day)
        except ValueError:
            continue
        if when.weekday() == weekday:
            matching.append((abs((when - ref).days), candidate))
    return min(matching)[1] if matching else year


def _month_of(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


#: Words after which "forecast(s)" is the noun, no cue: "beat forecasts on Tuesday", "came in above
#: forecasts in October", "analyst forecasts" (the verb: "has forecast rain from Sunday").
_FORECAST_NOUN_AFTER = ("beat", "beats", "tops", "misses", "exceeds", "met", "meet", "meets", "above", "below", "with", "of",
                        "versus", "vs", "against", "analyst", "market", "consensus", "weather", "official", "earlier",
                        "previous", "latest", "median", "average")
#: Words before a date that put it ahead: auxiliaries of the future and modals (not "may
#: have"), schedules and deadlines ("is due", "expires", "slated"), intentions ("aims to"),
#: forecasts ("is widely expected", "a ruling expected by", not "than expected in"). Not "ahead
#: of": it looks ahead from the story's day ("rallied Thursday ahead of Friday's jobs report").
#: Before "to be" + a participle, words that make it no plan ahead: belief and report ("was
#: thought to be killed on Monday"), a rank ("the first to be vaccinated on Monday"), a past plan,
#: a past verb ("he chose to be driven home on Monday"; those in -ed are refused by their ending:
#: "needed to be airlifted", "refused to be photographed", "was believed to be killed").
_TO_BE_NOT_AHEAD_AFTER = ("thought", "said", "known", "found", "appears", "seems", "proven", "out", "first",
                          "last", "only", "next", "was", "were", "is", "are", "had", "due", "set", "going", "likely",
                          "unlikely", "chose", "sought", "came", "began")
_FUTURE_BEFORE = re.compile(
    r"(?<![\w'’])(?:will|would(?! have)|shall|until|till|next|(?:is|are)(?: \w+ly)? (?:expected|forecast)|expects?"
    r"|(?=forecast)(?<!than )(?<!\bas )(?<!had )(?<!was )(?<!were )(?<!its )(?<!the )(?<!\ba )(?<!their )(?<!his )(?<!her )(?<!our )"
    r"(?<!\w['’]s )(?<!s['’] )(?-i:(?<![a-z]ed )(?<![a-z]ing ))"  # "analysts' forecasts", "topped forecasts", "beating forecasts"
    + "".join(rf"(?<!\b{word} )" for word in _FORECAST_NOUN_AFTER) +
    r"forecasts?(?= (?:\w+ ){0,4}(?:for|from|on|in|until|through)\b)"
    r"|(?=expected)(?<!than )(?<!as )(?<!had )(?<!was )(?<!were )expected (?:by|on|in|to|later|next|around)|scheduled|slated|set (?:to|for)"
    r"|due(?! to (?:the|a|an|its|their|his|her|weak|strong|poor|low|high|lower|higher)\b)|deadline|expires?"
    r"|plans? to|planned|must(?! have)|aims? to|hopes? to|intends? to|going to|could(?! have)|(?-i:may)(?! have)|might(?! have)"
    r"|prepar(?:es|ing) to|poised to"  # "Obama prepares to mark his first 100 days in office on Wednesday"
    r"|should(?! have)|upcoming|awaits?|awaiting|look(?:s|ing)? forward to"  # "we look forward to seeing her on Sunday"
    r"|(?:(?<=\bis )|(?<=\bare )|(?<=, ))to be(?! (?:sure|fair|honest|clear|frank|precise)\b)"  # not "fell, to be sure, in June"
    # "the measures to be voted on Thursday", "calling for roads to be blocked on Tuesday"; not what is
    # believed or found to have been ("was thought to be killed on Monday"), "the first to be vaccinated",
    # a past verb ("needed to be airlifted on Monday": a noun comes before a plan, no verb)
    r"|(?=to be )(?-i:(?<![a-z]ed ))" + "".join(rf"(?<!\b{word} )" for word in _TO_BE_NOT_AHEAD_AFTER) +
    r"to be(?= [a-z]+(?:ed|en|held|set|cut|put|run|shut|hit|paid|sold|sent|built|made|read|sworn)\b))"
    r"(?!\w)|['’]ll(?!\w)", re.I)


def _held_words(seq) -> frozenset[str] | None:
    """Words (lower case) one of which every match of the parsed pattern `seq` consumes in a row
    (of the choices seen, the one whose shortest word is longest), or None if none is sure: a
    literal run, or a group, each branch, a repeat at least once of one. Under-approximates:
    anything else that consumes ends a run."""
    best = None
    runs = {""}
    for op, av in [*seq, (None, None)]:
        if op is _sre.LITERAL or op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
            runs = {run + chr(c).lower() for run in runs for c in ([av] if op is _sre.LITERAL else [a for _, a in av])}
            continue
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # consumes nothing: the run goes on
        inner = None
        if op is _sre.SUBPATTERN:
            inner = _held_words(av[-1])
        elif op is _sre.BRANCH:
            branches = [_held_words(alt) for alt in av[1]]
            inner = None if None in branches else frozenset().union(*branches)
        elif op is _sre.MAX_REPEAT and av[0] >= 1:
            inner = _held_words(av[2])
        for words in (frozenset(runs) if "" not in runs else None, inner):
            if words and (best is None or min(map(len, words)) > min(map(len, best))):
                best = words
        runs = {""}
    # a word holding another ("planned", "plan") adds nothing
    return best and frozenset(w for w in best if not any(o != w and o in w for o in best))


#: Words one of which every match of `_FUTURE_BEFORE` holds, read off its parse tree: a clause
#: whose lower case holds none has no cue, and the pattern (case-blind, so tried in full at every
#: word) need not be searched there.
_FUTURE_WORDS = _held_words(_sre.parse(_FUTURE_BEFORE.pattern, _FUTURE_BEFORE.flags))
#: The characters a case-blind pattern matches to an ASCII letter that lower to another ("ı" and
#: "ſ" match "i" and "s") or to two ("İ"); "K", the Kelvin sign, lowers to "k".
_CASE_ODD = ("\u0130", "\u0131", "\u017f")


def _may_match(cues: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Could a case-blind pattern, every match of which holds one of the words of `cues` (lower
    case), match in text[lo:hi]?"""
    window = text[lo:hi]
    return cues.search(window.lower()) is not None or _CASE_ODD[0] in window or _CASE_ODD[1] in window \
        or _CASE_ODD[2] in window
#: A schedule that no longer holds ("originally due in November", "initially set for January"): a
#: date of it in the last three months has passed (the reason it changed); else it is ahead, as
#: any schedule.
_FORMER_PLAN = re.compile(r"\b(?:originally|initially|previously|had been) (?:due|set|scheduled|slated|planned|expected)"
                          r"\b[^.;:!?]{0,30}$", re.I)
#: A schedule in the present tense, a few words before the date: "the trial opens Monday",
#: "the law takes effect Jan. 1", "Apple reports earnings on Tuesday", "Game 1 is Thursday"
#: (not "housing starts fell in July": a noun, further away).
_SCHEDULE_BEFORE = re.compile(
    r"(?<![\w'’])(?:opens|begins|(?<!housing )starts|resumes|convenes|meets|reconvenes|kicks off|takes effect|goes into effect"
    r"|takes office|takes over|steps down|ends|expires|reports|faces|hosts|visits|holds|go(?:es)? on sale"
    r"|testifies|speaks|unveils|announces|travels|arrives|departs|delivers|presents|publishes|decides"  # "Bernanke testifies on Wednesday"
    r"|(?<!tax )(?<!the )(?<!its )(?<!their )(?<!his )(?<!her )(?<!our )(?<!of )returns"  # "the president returns to Washington on Thursday" (not "filed their returns")
    r"|takes place|(?:is|are) held|gets under way|(?:go|goes|head|heads) to the polls"  # "the election takes place on Wednesday"
    r"|(?:is|are)(?= (?:on )?$))(?!\w)", re.I)
_LIST_BEFORE = re.compile(r"(?: or| and| to|,) $")
_AHEAD_OF_BEFORE = re.compile(r"\bahead of\b(?=[^.;:!?]*$)")
#: A verb in the past between the cue and the date ends its reach: "talks, which will resume in
#: April, broke down on Friday", "the firm, which expects growth, said sales fell in November"
#: (not a participle: "will be reported on Friday").
_PAST_WORDS = (r"said|told|announced|reported|added|fell|rose|was"
               r"|were|had|did|broke|came|went|made|took|saw|won|lost|began|ended|closed|opened|jumped"
               r"|dropped|slid|climbed|gained|plunged|soared|posted|happened|occurred|spoke|met|gave|left"
               r"|held|led|sold|bought|paid|struck|killed|died|signed|agreed|approved|voted|filed|arrested"
               r"|reached|launched|released|unveiled|named|completed|resigned|warned|confirmed")
_PAST_VERB = re.compile(r"(?<!be )(?<!been )(?<!is )(?<!are )(?<!have )(?<!has )(?<!remain )(?<!remains )(?<!stay )(?<!stays )"
                        rf"\b(?:{_PAST_WORDS})\b")


#: Words before an "-ed" word that make it a participle or an adjective ("will be held", "a planned
#: strike"), and "-ed" words that are no past tense after a noun ("rates unchanged").
_ED_NOT_PAST_AFTER = frozenset("""
be is are was were been being have has had will would to get gets got remain remains stay stays
a an the its their his her our your
this that these those newly widely
""".split())
_ED_NOT_PAST = frozenset("unchanged expected scheduled planned proposed based related limited listed "
                         "required needed embattled troubled indebted".split())
_ED_WORD = re.compile(r"(\w+),? ([a-z]{2,}ed)\b")


def _past_ed(between: str) -> bool:
    """Is there a regular past tense in `between` ("rallied", "warned"), after a word that
    leaves it no participle?"""
    return any(m.group(1).lower() not in _ED_NOT_PAST_AFTER and m.group(2) not in _ED_NOT_PAST
               for m in _ED_WORD.finditer(between))


#: A weaker modal right after a date with no preposition makes it the subject of a clause ahead
#: ("August might be the weakest month"; not "August could have been worse", "gains on Monday
#: could not offset", "the attack on Monday could be a turning point", where the modal's subject
#: is the event, nor "on April 20, could take months").
_MODAL_AFTER = re.compile(r" (?:could|should|might) (?!have\b|not\b)")


#: "keep the plants closed", "leave rates unchanged": the "-ed" word after keep/leave and its object
#: is the object's state, no verb in the past (up to the date: "would keep plants closed through Saturday").
_KEPT_STATE = re.compile(r"\b(?:keep|keeps|keeping|leave|leaves|leaving) (?:[\w'’$.-]+ ){0,4}?(?:[a-z]+ed|shut)(?= [a-z]+ $)")


def _reaches(text: str, cue_end: int, start: int) -> bool:
    """Does a cue ending at `cue_end` still govern a date at `start`? A verb in the past between
    them starts another clause ("ahead of the results, which were released on Tuesday")."""
    between = text[cue_end:start]
    if ("keep" in between or "leav" in between) and "," not in between \
            and (kept := _KEPT_STATE.search(text, cue_end, start)) is not None:
        cue_end, between = kept.end(), text[kept.end():start]
    return not _PAST_VERB.search(text, cue_end, start) and not _past_ed(between)


#: A clause in the past set off by commas before the date: the "will" after it is the main
#: clause's ("the pilot, captured on Wednesday, will be released on Friday").
_PAST_CLAUSE_BEFORE = re.compile(rf", (?:who |which |that )?(?:was |were )?(?:[a-z]+ed|{_PAST_WORDS}) (?:\w+ )?(?:on|in|at|during) $")


def _within_a_week_before(ref: dt.date | None, month: int, day_n: int) -> bool:
    """Whether that day of the month fell in the week up to the article's date: such a day is
    the news ("It said on May 1" in a 2 May article), not the past year an earlier "in May 2010"
    named."""
    if ref is None:
        return False
    for year in (ref.year, ref.year - 1):
        try:
            day = dt.date(year, month, day_n)
        except ValueError:  # 29 February of a common year, or a day the month has not
            continue
        if day <= ref:
            return (ref - day).days <= 7
    return False


def _future_context(text: str, start: int, end: int) -> bool:
    """Does the clause around a date talk about what is to come? A cue reaches 80 characters
    back ("is widely expected to leave rates unchanged this week and raise them in September"),
    up to a past verb; a date listed after another ("Monday night or Tuesday morning") looks
    further, as far back as the first."""
    after = text[end:end + 30].lower()
    if after.lstrip(", ").startswith(("will ", "would ")) and not (
            after[0] == "," and _PAST_CLAUSE_BEFORE.search(text, max(0, start - 40), start)) \
            or _MODAL_AFTER.match(after) and _prev_word(text, start) not in _PREP_SET:
        return True
    reach = 100 if _LIST_BEFORE.search(text, max(0, start - 5), start) else 80
    lo = max(0, start - reach)
    stop = text.rfind(". ", lo, start)
    while stop > lo and (text[stop - 1].isupper() or text[stop + 2:stop + 3].isdigit()):
        stop = text.rfind(". ", lo, stop)  # "the U.S. on Friday", "on Dec. 1 and": an abbreviation
    lo = max(lo, stop + 1, text.rfind(";", lo, start) + 1, text.rfind("\n", lo, start) + 1)  # a line ends its sentence
    cue = None
    for found in _FUTURE_BEFORE.finditer(text, lo, start) if _may_match(_FUTURE_CUES, text, lo, start) else ():
        if found.group()[:1] not in "Ff" or not _forecast_noun(text, found.start()):
            cue = found
    if cue is not None and _reaches(text, cue.end(), start):
        return True
    near = text.rfind(" ", lo, max(lo, start - 1))
    for _ in range(6):  # the last seven words
        if near <= lo:
            break
        near = text.rfind(" ", lo, near)
    lo = max(lo, near)
    if not _may_match(_SCHEDULE_CUES, text, lo, start):
        return False
    schedule = _SCHEDULE_BEFORE.search(text, lo, start)
    bare = next((m for m in _BARE_SCHEDULE.finditer(text, lo, schedule.start() if schedule else start)
                 if _bare_verb(text, m.start())), None)
    schedule = bare or schedule
    if schedule is None or not _reaches(text, schedule.end(), start):  # not "host next year, organizers said on Friday"
        return False
    # nor "the party, which holds a majority, on Monday approved the bill": the date's own verb,
    # right after it, is in the past
    after = _WORD_AFTER.match(text, end)
    return after is None or not (_PAST_VERB.fullmatch(after.group(1)) or len(after.group(1)) > 4
                                 and after.group(1).endswith("ed") and after.group(1) not in _ED_NOT_PAST)


_WORD_AFTER = re.compile(r" ([a-z]+)\b")
#: A weekday listed after "today" comes after it: "testifies before the Senate today and the House on
#: Wednesday" (a day before today comes first: "on Monday and again today").
_TODAY_AND_BEFORE = re.compile(r"\b[Tt]oday,? (?:and|then)\b[^.;:!?]{0,40}$")


def _forecast_noun(text: str, at: int) -> bool:
    """Is "forecast(s)" at `at` the noun of a phrase opened by a determiner or possessor two words
    back ("raised its profit forecast on Tuesday", "the company's growth forecasts")? The
    one-word cases are the look-behinds of `_FUTURE_BEFORE`."""
    before = _TWO_WORDS_BEFORE.search(text, max(0, at - 40), at)
    prior = (before.group(1) or "").lower() if before else ""
    return prior in _DETERMINERS or prior.endswith(("'s", "’s", "s'", "s’"))


#: The bare schedule verbs of a plural or named subject ("Argentina play Brazil on Tuesday", "the
#: two sides meet on Friday") are nouns as often: "a state visit on Monday", "a track meet on
#: Saturday", "the talk-show host", "the pope's visit", "face-to-face talks", "the host of February's show".
_BARE_SCHEDULE = re.compile(r"(?<![\w'’-])(?:play|meet|face|host|visit)(?![\w'’-])(?! of\b)")
_TWO_WORDS_BEFORE = re.compile(r"(?:(\S+) )?(\S+) $")
#: Words ending in "s" that are no plural subject: "his visit", "a three days visit", "the news host".
_NOT_PLURAL = frozenset("this his its is was has as us thus plus news sports days weeks months years hours minutes".split())


def _bare_verb(text: str, at: int) -> bool:
    """Is the bare schedule word at `at` a verb? Only after its subject: a name not itself
    modified ("Philadelphia host", not "the Obama visit", "Modi's Gulf visit"), a plural ("the
    teams play", "the Lakers host"), they/we/you, or an apposition closed by a comma
    ("Argentina, the 2022 champions, play"); not after a modifier ("state visit", "two-day visit")."""
    before = _TWO_WORDS_BEFORE.search(text, max(0, at - 40), at)
    if before is None:
        return False
    word = before.group(2)
    lower = word.lower()
    if word.endswith(","):
        return True
    if lower.endswith(("'s", "’s")) or lower in _DETERMINERS:
        return False
    if lower in ("they", "we", "you"):
        return True
    if word[0].isupper() and not lower.endswith("s"):
        prior = (before.group(1) or "").lower()
        return prior not in _DETERMINERS and not prior.endswith(("'s", "’s"))
    return lower.endswith("s") and not lower.endswith(("ss", "ous")) and lower not in _NOT_PLURAL


#: "the" starts one word in twenty: the branches starting with it are tried only when the
#: next word is one of these ("#": a digit).
_AFTER_THE = frozenset("""
# end beginning start middle rest very day past last next coming this previous following weekend
future near distant first second third fourth final latter same current fiscal financial early
late spring summer autumn fall winter corresponding comparable year mid prior past week month quarter
latest most just recently morning afternoon evening night nineteenth twentieth twenty calendar
fifth sixth seventh eighth ninth tenth moment period decade
days weeks months years
twenties thirties forties fifties sixties seventies eighties nineties
""".split()).union(_MONTHS) | {"new year"}  # "the March quarter"; "the new year" (not every "the new")
#: ... and "a" (one word in forty) only before these: "a year ago", "a few days", "a third straight day".
_AFTER_A = frozenset("""
minute minutes hour hours day days week weeks fortnight month months quarter year years decade decades century few couple
hundred half
second third fourth fifth sixth seventh eighth ninth tenth
""".split())
_DAYPART_PREPS = frozenset({"in", "during", "by", "until", "till", "through", "throughout", "since"})
_NEW_YEAR_PREPS = frozenset({"in", "into", "by", "until", "till", "after", "before", "since", "of", "early", "late"})
#: ... and the holiday it opens with, before "the new year": "ring in", "welcome in", "the eve of",
#: "the celebration of" (not "we will see in the new year": "saw in", "seeing in" only)
_NEW_YEAR_FEAST_BEFORE = re.compile(r"(?i:\b(?:ring(?:s|ing)?|rang|saw|seeing|welcom(?:e|es|ed|ing)|usher(?:s|ed|ing)?"
                                    r"|bring(?:s|ing)?|brought) in|\b(?:eve|celebrations?|festivities|arrival|welcoming"
                                    r"|countdown|ringing|ushering) of) $")
#: The two years of a winter: "the winter of 2008-09", "winter 2008/2009".
_WINTER_YEARS = re.compile(r"(\d{4})[-–/](\d{1,4})$")
#: What ends a season's phrase after "for the": "closed for the winter.", "break for the summer, and".
_SEASON_CLOSED = re.compile(r"[,.;:!?)]|$")
_SEASON_PREPS = frozenset({"in", "during", "over", "by", "until", "till", "since", "through",
                           "before", "after", "from", "throughout", "this", "last", "next"})
#: A decade that is no century joined to "the 1900s" after or before it: "the 1900s and 1910s",
#: "from the 1890s to the 1900s", "the 1890s-1900s".
_DECADE_AFTER = re.compile(r"(?:,? (?:and|or|to|through|into|until|till)(?: the)?(?: early| late| mid-?)? |[-–])"
                           r"(?:[0-9]{2}[1-9]0|'?[1-9]0)['’]?s\b")
_DECADE_BEFORE = re.compile(r"\b(?:[0-9]{2}[1-9]0|'[1-9]0)['’]?s(?:,? (?:and|or|to|through|into|until|till)(?: the)?"
                            r"(?: early| late| mid-?)? |[-–])$")
#: A name right before a number and a product's noun after it ("the Zephyr 1800s model", "Nokia
#: 1800s phones"; not "Hollywood 1950s glamour", "Victorian 1800s London").
_NAME_BEFORE_NUMBER = re.compile(r"\b(?!(?:The|In|On|By|Since|From|During|Until|Through|Between|Of|And|Or|To|Early|Late|Mid)\b)"
                                 r"[A-Z][a-z]+ $")
_PRODUCT_AFTER = re.compile(r" (?:models?|series|range|handsets?|phones?|engines?|units)\b")
#: Adjective endings of a people or an era ("Victorian", "Edwardian", "European", "Japanese", "Danish")
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish")


def _brand_before(text: str, start: int) -> bool:
    """A brand-like name right before the number at `start` ("the Zorex 1800s model", "Nokia 1800s
    phones"): a capitalised word that does not open its sentence, is no English word, no nationality
    ("Soviet 1970s engines", "German 1930s models") and no adjective of a people or era; not
    "Vintage 1960s models", "a classic Marvel 1960s series" (an era sold as a model)."""
    name = _NAME_BEFORE_NUMBER.search(text, max(0, start - 24), start)
    if name is None or _sentence_start(text, name.start()):
        return False
    word = name.group()[:-1]
    lower = word.lower()
    if lower.endswith(_ADJECTIVE_ENDINGS):
        return False
    from newsreader.extract.resources import english_words, gazetteer  # only here: a rare shape
    return lower not in english_words()[0] and word not in gazetteer().demonyms
#: ... of "fall", which is also a drop: those of time only ("in the fall of last year"; not "shares
#: rebounded from the fall of last year", "since the fall of 2008", "over the fall", "after the fall").
_FALL_PREPS = frozenset({"in", "during", "by", "until", "till", "through", "throughout"})
#: ... but a fall joined to another season after it is one too: "from the fall of 2007 to the spring of 2008"
_SEASON_JOINED = re.compile(r",? (?:to|until|till|through|and|or) (?:the )?(?:(?:early|late|mid-?) )?"
                            r"(?i:spring|summer|autumn|fall|winter)\b")
#: A year compared with: "up 5 percent compared with 2007", "versus 2007", "over 2007." (ending the
#: phrase: not "over 2000 protesters").
_COMPARED_YEAR = re.compile(r"(?:\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\b(over)) $")


def _compared_year(text: str, start: int, end: int) -> bool:
    m = _COMPARED_YEAR.search(text, max(0, start - 14), start)
    return m is not None and (m.group(1) is None or text[end:end + 1] in (",", ".", ";", ")", ""))


#: A year as what a year noun is: "GM's last profitable year was 2004", "its best year had been 1999"
#: (not "the population this year was 2004", "turnout last year was 2004": "this/last year" is the date there).
_YEAR_COMPLEMENT = re.compile(r"(?<!this )(?<!next )(?<!last )\byear (?:was|is|had been|has been|will be|would be) $")


#: Verbs after a year or a month as the subject of its clause: "2007 was a hard year", "October saw ...".
_SUBJECT_VERBS = "was|is|has|had|will|saw|marked|brought|proved|began|ended|looks"
_SUBJECT_YEAR = re.compile(rf"{_YEAR}(?:,| (?:{_SUBJECT_VERBS})\b)")
#: What a reported clause may say of its subject ahead ("said 2008 would be harder").
_REPORTED_MODALS = "would|could|should|might|may"
#: "warned that 2008 would be harder": a year as the subject of a reported clause.
_SUBJECT_YEAR_AFTER_THAT = re.compile(rf"{_YEAR} (?:{_SUBJECT_VERBS}|{_REPORTED_MODALS})\b")
#: ... but a count when what it "had" or "will" do is done by people or things, not by a year:
#: "officials say 2000 had died", "2000 will attend", "said 1500 had been arrested" (a year may
#: "have been marked by" or "will bring": those verbs are not here).
_COUNT_PREDICATE = re.compile(
    rf"{_YEAR} (?:(?:{_SUBJECT_VERBS}|{_REPORTED_MODALS}|have|not|also|already|reportedly|now|been|be|since) )+"
    r"(?:died|die|dead|perished|perish|drowned|fled|flee|attended|attend|gathered|gather|marched|march|protested"
    r"|voted|vote|arrived|arrive|killed|injured|wounded|hurt|arrested|detained|displaced|evacuated|rescued"
    r"|missing|hospitali[sz]ed|infected|jailed|deported|freed|sickened|stranded|trapped|affected|employed"
    r"|signed|registered|applied|enrolled|joined|survived|escaped)\b")
_PAST_PREPS = frozenset({"in", "from", "by", "at", "before", "until", "till", "toward", "towards", "near", "after",
                         "since"})
_HOLIDAY_MOD = re.compile(r"(?<![\w-])([Ll]ast|[Nn]ext|[Tt]his) $")
#: "the Thanksgiving holiday", "over the Easter weekend": the holiday itself, without a preposition.
_HOLIDAY_NOUN_AFTER = re.compile(r" (?:holiday|holidays|weekend|break)\b")
#: ... or the subject of a verb that places it in time: "Easter falls on April 1", "Ramadan is
#: expected to begin on Saturday", "Ramadan would begin on Wednesday" (not "Christmas is a time").
_HOLIDAY_TIME_VERB_AFTER = re.compile(r" (?:falls|fell|begins|began|starts|started|ends|ended|(?:is|was) (?:expected|due|set)"
                                      r"|(?:will|would|could|may|is expected to|was expected to) (?:begin|start|end|fall))\b")
_CAPITAL_BEFORE = re.compile(r"\b(?!The |A |An )[A-Z][a-z]+ $")  # "the Korean New Year holiday": another calendar's
#: "on Yom Kippur in 1973", "at Christmas, 1914": the year the holiday fell in.
_HOLIDAY_IN_YEAR = re.compile(rf",? in ({_YEAR})(?![\w-])|, ({_YEAR})(?=[,.;:!?)]|$)")  # not "On Christmas, 2000 people"
_HOLIDAY_PREPS = frozenset({"on", "at", "by", "until", "till", "since", "before", "after", "over",
                            "during", "for", "from", "through", "around", "of", "to",
                            # ... or a verb keeping it: "Pakistan will celebrate Independence Day"
                            "celebrate", "celebrates", "celebrated", "celebrating", "mark", "marks", "marked",
                            "marking", "observe", "observes", "observed", "observing", "commemorate", "commemorates",
                            "commemorated", "commemorating"})
#: ... an anniversary's number ("its 79th Independence Day"), or an apposition to a day ("before
#: August 14, Independence Day").
_HOLIDAY_NUMBER_OR_DAY_BEFORE = re.compile(r"(?:\d(?:st|nd|rd|th) |\d, )$")
_HOLIDAY_PHRASE_ENDS = re.compile(r"[,.;:!?)]|$| (?:on|in|at|with|and|was|is|will|this|last|next)\b")
_ORDDAY_PREPS = frozenset({"on", "by", "until", "till", "since", "from", "before", "after",
                           "through", "to", "and"})


def _trie(words: list[str], escape: Callable[[str], str] = re.escape, tail: Callable[[str], str] | None = None) -> str:
    """An alternation of `words` as a prefix tree: re tries a flat alternation of 150 words one
    by one at every word start, a tree by its first letters (four times faster). A longer word
    is tried before its prefix, as in an alternation sorted longest first; `escape` writes a
    character as a pattern; `tail(word)`, if given, what must follow each word (a pattern)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict], word: str) -> str:
        alts = [escape(ch) + emit(node[ch], word + ch) for ch in sorted(node) if ch]
        if tail is not None and "" in node:
            alts.append(tail(word))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node and tail is None else body

    return emit(tree, "")


#: `_FUTURE_WORDS` as one pattern (`_may_match` asks whether a clause holds one): a prefix tree, which
#: re reads by first letters, where a flat alternation of the words is tried word by word at every
#: character.
_FUTURE_CUES = re.compile(_trie(sorted(_FUTURE_WORDS)))
#: Words one of which every match of `_SCHEDULE_BEFORE` or of `_BARE_SCHEDULE` holds (read off the parse
#: tree of the two as one alternation, as `_FUTURE_WORDS`): `_future_context` searches for neither
#: where the last words before a date hold none (most clauses).
_SCHEDULE_WORDS = _held_words(_sre.parse(_SCHEDULE_BEFORE.pattern + "|" + _BARE_SCHEDULE.pattern))
_SCHEDULE_CUES = re.compile(_trie(sorted(_SCHEDULE_WORDS)))  # type: ignore[arg-type]


def _before(words: frozenset[str]) -> str:
    """A look-ahead for a next word (after one space) that is one of `words` (or words: "new year"),
    or a digit."""
    return r"(?= (?:" + _trie([w for w in words if w.replace(" ", "").isalpha()]) + r"(?![A-Za-z])|\d))"


#: The words and numbers (not the tail of one: "2,014 days", "1.5") that can start a branch: the
#: scan skips the other words in C, not in a Python loop (most words start none). Every digit is a trigger ("#", "#4", "'"); "the" and
#: "a" only before the words they are tried with. The words are in lower case (ASCII): the pattern
#: reads `_folded(text)`, as "(?ai:...)" would read the text (a case-blind trie is half as fast).
#: One prefix tree, each word followed by what must come after it, and the numbers added to its
#: group (its ")" dropped): each alternative opens with its character, which re checks before it
#: tries one.
_TRIGGER_BODY = re.compile(_trie(sorted(w for w in _TRIGGERS if w.isalpha()), tail=lambda word: (
    _before(_AFTER_THE) if word == "the" else _before(_AFTER_A) if word == "a" else r"(?![A-Za-z])"))[:-1] + r"|\d|'\d|’\d)")  # ("'\d|’\d": a class here slows the scan)
#: A trigger after the character before it: a pattern that opens with a class of characters is
#: skipped through in C up to the next one (spaces and marks, in lower-case text), where a
#: look-behind in front is tried at every character (a third slower). The class only rules out
#: characters no trigger may follow ([0-9a-z_-]); the two rarer ones, a letter or digit beyond
#: ASCII and the comma or point of a number ("1,500"), are ruled out by `_FoldedScan.spans` on the
#: matches (look-behinds here, `(?<![\w-])(?<!\d[,.])`, cost a third of the scan: every space
#: and mark ran them).
_TRIGGER_FOLDED = re.compile(r"[^0-9a-z_-]" + _TRIGGER_BODY.pattern)
#: The two characters whose lower case is not one non-ASCII character of the same \w and \d class
#: ("İ" lowers to two, the Kelvin sign to "k"): tests/test_extract_speedups.py checks every other.
_FOLD_UNSAFE = ("\u0130", "\u212a")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _folded(text: str) -> str:
    """`text` with its ASCII capitals lowered (and nothing else that a pattern of lower-case ASCII
    words, word boundaries, digits and marks could see): `text.lower()`, which also lowers other
    letters, but to letters outside ASCII with the same length and classes, save two (rare)."""
    if _FOLD_UNSAFE[0] in text or _FOLD_UNSAFE[1] in text:
        return text.translate(_ASCII_LOWER)
    return text.lower()


class _FoldedScan:
    """The trigger tokens of `_folded(text)` (spans are the text's, matched text lower case): `body`
    at the text's start, then `body` after a character that is no letter, digit, "_" or "-" and not
    the comma or point of a number ("1,500", "3.5") to its end. `after` is `body` after any
    character but [0-9a-z_-]: its matches after the others are dropped here."""

    def __init__(self, body: re.Pattern[str], after: re.Pattern[str]) -> None:
        self.body = body
        self.after = after

    def spans(self, text: str) -> list[tuple[int, int]]:
        folded = _folded(text)
        first = self.body.match(folded)
        found = [first.span()] if first is not None else []
        # no token starts where one ends (its last character is a letter or digit): the one after
        # the first starts past the character before it, which `after` reads
        pos = first.end() if first is not None else 0
        while True:
            for m in self.after.finditer(folded, pos):
                at = m.start()
                mark = folded[at]
                if mark > "\x7f" and mark.isalnum() or mark in ",." and at and folded[at - 1].isdecimal():
                    # (what `(?<![\w-])(?<!\d[,.])` rules out: \w beyond ASCII, \d is isdecimal)
                    pos = at + 1  # a token may start inside this match ("é'08": "08")
                    break
                found.append((at + 1, m.end()))
            else:
                return found

    def finditer(self, text: str):
        """The tokens as matches (of `body` where each starts)."""
        folded = _folded(text)
        return (self.body.match(folded, start) for start, _ in self.spans(text))


_TRIGGER_TOKEN = _FoldedScan(_TRIGGER_BODY, _TRIGGER_FOLDED)


def _candidates(text: str):
    """What full_pattern().finditer(text) finds, trying at each word only the branches that can
    start with it (most words start none): several times cheaper than the full pattern. Every
    token `_TRIGGER_TOKEN` finds is a trigger ("the" and "a" only before their next words), so
    none is checked again here."""
    last = 0
    scan = _TRIGGER_TOKEN
    by_head, first_by_head, due = _BY_HEAD, _FIRST_BY_HEAD, _HEAD_CHECK_AFTER - 1
    for start, end in scan.spans(text) if isinstance(scan, _FoldedScan) else [tok.span() for tok in scan.finditer(text)]:
        if start < last:
            continue
        head = text[start:end + 3]  # holds the trigger, so its key: looked for only when the head is new
        pattern = by_head.get(head, 0)
        if type(pattern) is int:  # not yet checked: its sightings so far
            if pattern >= due:  # seen often enough: checked now
                pattern = _pattern_at(_key(text, start, end), head)
            else:  # counted, and its key's branches that can match there tried one by one
                if pattern:  # seen before: in place (the memo does not grow)
                    by_head[head] = pattern + 1
                else:
                    _remember(head, 1)
                pattern = first_by_head.get(head, _FirstOf)
                if pattern is _FirstOf:  # `_HEADS`: a few look-ups, once a head
                    pattern = first_by_head[head] = _first_of(_HEADS.kept(_key(text, start, end), head))
        if pattern is not None and (m := pattern.match(text, start)) is not None:
            last = m.end()
            yield m


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but quotes or spaces between `start` and a sentence end or line break."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n"


#: A year that sets the frame of its sentence comes after one of these ("In 1987, ...", "During 2006 ..."),
#: or is its subject ("2007 was ..."); not a model year or a result ("The 2009 Malibu goes on sale in October").
_FRAME_PREPS = frozenset({"in", "during", "throughout", "by", "for", "through", "until"})


def _opens_sentence(text: str, start: int) -> bool:
    """Is `start` within the first three words of its sentence ("In 1987, ...", "The 1987 crash")?"""
    lo = max(0, start - 30)
    head = text[lo:start]
    cut = max(head.rfind(". "), head.rfind("\n"))
    if cut < 0 and lo > 0:
        return False
    return head[cut + 1:].strip(" \"'“(").count(" ") <= 2


def _prev_word(text: str, start: int) -> str:
    """The word right before `start` and one space (`_PREV_WORD` in the 16 characters before), in lower
    case; "" if none. Most are the whole run after the space before them: taken without the search."""
    lo = max(0, start - 16)
    if text[start - 1:start] == " ":
        word = text[(text.rfind(" ", lo, start - 1) + 1 or lo):start - 1]
        if word and (word.isalnum() or word.replace("_", "a").isalnum()):  # all \w (str.isalnum is re's)
            return word.lower()
    before = _PREV_WORD.search(text, lo, start)
    return before.group(1).lower() if before else ""


_PERIOD = re.compile(r"(FY|)(\d{4})(-Q[1-4]|-H[12]|-\d\d)")
_ISO_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_SENTENCE_STOPS = (". ", "? ", "! ", "\n")


def _same_sentence(text: str, a: int, b: int) -> bool:
    """An anaphor reaches back only within its sentence: no sentence end or line break in text[a:b]."""
    return not any(stop in text[a:b] for stop in _SENTENCE_STOPS)


def _near_before(text: str, a: int, b: int, sentences: int = 1) -> bool:
    """Is `a` in the sentence of `b` or the one before it (no line break, at most one sentence end between;
    `sentences` ends, more sentences back)?"""
    between = text[a:b]
    return "\n" not in between and sum(between.count(stop) for stop in _SENTENCE_STOPS[:3]) <= sentences


_STOP = re.compile(r"[.?!] ")


def _sentence_before(text: str, a: int, b: int) -> bool:
    """`_near_before` (`a` in the sentence of `b` or the one before) with "U.S. sales" and "Dec. 1"
    read as no sentence end."""
    between = text[a:b]
    return "\n" not in between and sum(
        1 for stop in _STOP.finditer(between)
        if not (stop.group()[0] == "." and (between[stop.start() - 1:stop.start()].isupper()
                                            or between[stop.end():stop.end() + 1].isdigit()))) <= 1


#: A day counted on weekdays only: "the next trading day", "the first business day of March".
_WORKING_DAY = re.compile(r"trading|business|working")


def _named_period(period: str, ref: dt.date | None, text: str, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """The year and first and last month of the period after "the first day of", "the last
    Friday in" (lower case): a month (and year), this, last or next month or year, or the
    article's; None with neither a year written nor an article date."""
    year_m = _FOUR_DIGITS.search(period)
    if year_m is None and ref is None:
        return None
    base = ref or dt.date.min
    year = int(year_m.group()) if year_m else base.year + (-1 if period.startswith("last") else 1 if period.startswith("next") else 0)
    month_word = period.split()[0].rstrip(",.")  # ("Sept.", "Oct.,")
    if month_word in _MONTHS:
        month = _MONTHS[month_word]
        return (year if year_m else _year_for(month, None, base, text, start, end)), (month, month)
    if period.endswith("month"):  # this, last or next month ("the month" alone is any month's)
        y, m = _shift_month(base.year, base.month, {"last": -1, "next": 1}.get(period.split()[0], 0))
        return y, (m, m)
    return year, (1, 12)


def _nth_weekday(lower: str, ref: dt.date | None, text: str, start: int, end: int) -> tuple[str | None, dt.date | None]:
    """ "the first Monday in October", "the last Friday of the month": that day of the month
    named (see `_named_period`; "the month" is the article's); None for a fifth the month lacks."""
    words = lower.split()
    named = _named_period(" ".join(words[4:]), ref, text, start, end)
    if named is None:
        return None, None
    year, (month, _) = named
    nth = -1 if words[1] in ("last", "final") else ("first", "second", "third", "fourth", "fifth").index(words[1]) + 1
    day = _holiday_day(f"{month} {words[2]} {nth}", year)
    return (day.isoformat(), day) if day.month == month else (None, None)


def _edge_day(lower: str, ref: dt.date | None, text: str, start: int, end: int) -> tuple[str | None, dt.date | None]:
    """ "the first trading day of the year", "the last day of March": the first or last day (a
    weekday for trading, business and working days; a trading year opens after 1 January and
    the Monday it is observed on) of the year or month named, or the article's."""
    named = _named_period(lower.partition(" day of ")[2], ref, text, start, end)
    if named is None:
        return None, None
    year, months = named
    first = " first " in f" {lower} "
    day = dt.date(year, months[0], 1) if first else _month_end(year, months[1])
    if _WORKING_DAY.search(lower):
        step = dt.timedelta(days=1 if first else -1)
        if first and day.month == 1:  # New Year's Day, and the Monday after a Sunday one
            day += dt.timedelta(days=2 if day.weekday() == 6 else 1)
        while day.weekday() > 4:
            day += step
    return day.isoformat(), day


def _day_of_a_part(anchors: "_Anchors", ref: dt.date | None, text: str, start: int) -> dt.date | None:
    """The day a part of the day named alone ("in the evening", "that night") belongs to: the
    last day named in its paragraph, however far back ("about 3 p.m. Friday. ... Officers worked
    the case through the afternoon": the story's day goes on), or in the sentence before it; else
    the article's (a day named paragraphs back is another story's)."""
    between = text[anchors.day_end:start] if anchors.day_end >= 0 else ""
    if "\n" not in between:
        return anchors.day
    lines = [line for line in between.split("\n") if line.strip()]
    day_sentence_ends = len(lines) > 2 or lines and any(stop in lines[0] for stop in _SENTENCE_STOPS[:3])
    if day_sentence_ends or len(lines) == 2 and any(stop in lines[1] for stop in _SENTENCE_STOPS[:3]):
        return ref
    return anchors.day


def _shift_quarter(prefix: str, year: int, quarter: int, delta: int) -> str:
    """The quarter `delta` quarters from the given one, across year ends (Q1 2008 back one: Q4 2007)."""
    index = year * 4 + quarter - 1 + delta
    return f"{prefix}{index // 4}-Q{index % 4 + 1}"


class _Anchors:
    """What "the next day", "that year", "three years earlier" count from: the last day,
    month and year the text named (the article's own date until it names one)."""

    __slots__ = ("day", "day_end", "year_end", "month_end", "week", "month", "year", "year_stated", "period", "period_end",
                 "stated", "stated_month", "frame", "named_month", "day_before")

    def __init__(self, ref: dt.date | None) -> None:
        self.day = ref
        self.day_end = -1  # where the text named `day` (-1: the article's date)
        self.day_before = ref  # the day `day` replaced
        self.year_end = -1  # ... and `year`
        self.month_end = -1  # where the text last named a month without its day ("the March 2005 rampage")
        self.named_month: tuple[int, int] | None = None  # ... and that month
        self.week = ref  # a day of the last week named ("last week ... the previous week")
        self.month = (ref.year, ref.month) if ref else None
        self.year = ref.year if ref else None
        self.year_stated = False  # has the text named a year as such ("this year", "2008"), not only within a date?
        #: the last quarter, half or month named, as (prefix, year, suffix): ("FY", 2008, "-Q3")
        self.period: tuple[str, int, str] | None = None
        self.period_end = -1  # where the text named it (set with `period`)
        #: (month, day) -> the year written with it ("July 31, 2024" makes a later "July 31" 2024's)
        self.stated: dict[tuple[int, int], int] = {}
        #: month -> the past year written with it ("the slaying in June 2005" makes a later "killed on June 24" 2005's)
        self.stated_month: dict[int, int] = {}
        #: a year that opens its sentence ("In 1987, the Dow fell 22.6 percent on October 19"), and
        #: where it ends: the months and days named after it in that sentence are its
        self.frame: tuple[int, int] | None = None

    def period_in_sentence(self, text: str, start: int, suffix: str = "-") -> bool:
        """May an anaphor at `start` ("the period", "the second half") take the last quarter,
        half or month named (its value's suffix starting with `suffix`)? Only from its own
        sentence: further back, the story may have moved on."""
        return self.period is not None and self.period[2].startswith(suffix) \
            and _same_sentence(text, self.period_end, start)

    def period_value(self) -> str | None:
        return None if self.period is None else f"{self.period[0]}{self.period[1]}{self.period[2]}"

    def period_years_back(self, years: int) -> str:
        """The last period named, `years` earlier ("the same quarter a year earlier")."""
        assert self.period is not None
        prefix, year, suffix = self.period
        return f"{prefix}{year - years:04d}{suffix}"

    def quarter(self) -> tuple[str, int, int] | None:
        """The last period named if it is a quarter, as (prefix, year, quarter): ("FY", 2008, 3)."""
        if self.period is None or not self.period[2].startswith("-Q"):
            return None
        return self.period[0], self.period[1], int(self.period[2][2])

    def frame_year(self, text: str, start: int) -> int | None:
        if self.frame is None or not _same_sentence(text, self.frame[1], start):
            return None
        return self.frame[0]

    def note(self, value: str | None, day: dt.date | None, end: int) -> None:
        """The text named `value` (`day` if it is one), ending at `end`: what later anaphora count from."""
        if day is not None:
            self.day_before = self.day
            self.day = self.week = day
            self.day_end = end
        elif value and len(value) == 8 and (w := _ISO_WEEK.fullmatch(value)):  # (the only length of a week)
            self.week = dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
        if value and len(value) in (7, 9) and (m := _PERIOD.fullmatch(value)):  # (the lengths of a period)
            self.period = (m.group(1), int(m.group(2)), m.group(3))
            self.period_end = end
        if value and len(value) >= 4 and value[:4].isdigit() and value[4:5] in ("", "-", "T"):
            self.year = int(value[:4])
            self.year_end = end
            self.year_stated = self.year_stated or len(value) == 4
            if value[4:5] == "-" and value[5:7].isdigit():
                self.month = (self.year, int(value[5:7]))
                if day is None:
                    self.month_end = end
                    self.named_month = self.month

    def reported_month(self, text: str, start: int) -> tuple[int, int] | None:
        """ "GM will report its September sales today. Sales for the month rose 25 percent" (on
        October 1): a month named without a day in this sentence or the one before, then a day in
        the first week of the month after it, the day its figures came out; "the month" of a
        sentence about figures is the month they count, not the day's."""
        if self.named_month is None or self.day is None or self.day_end <= self.month_end \
                or not _sentence_before(text, self.month_end, start) or self.day.day > 7 \
                or (self.day.year, self.day.month) != _shift_month(*self.named_month, 1):
            return None
        return self.named_month if _FIGURES.search(_sentence_around(text, start, start + 9)) else None


#: A year written before an event needs no preposition: "host 2014 Oscars", "his deadly 2005 rampage".
_EVENT_NOUNS = frozenset("""
sales deliveries output figures results earnings revenue revenues profit profits data payrolls report meeting
deadline auction
oscars olympics olympic games election elections vote referendum season campaign emmys grammys budget census
crisis recession rampage attack attacks bombing bombings riots earthquake quake tsunami hurricane storm floods
flood war invasion coup summit stint tournament championship championships cup world series film movie album
crash shooting murder killing conviction case scandal merger deal bailout
""".split())
#: What a statistic is counted over ("March auto sales", "the May jobs report"): a word between a
#: month or year and its event noun.
_DATA_MODIFIER = r"(?:auto|car|vehicle|truck|retail|home|housing|new-home|existing-home|same-store|factory|industrial" \
                 r"|consumer|producer|trade|jobs|job|employment)"
_WORD_AFTER_DATA = re.compile(rf" (?:{_DATA_MODIFIER} )?([A-Za-z]+)")
#: A month that labels figures counted over it ("December sales", "the May jobs report", "sales
#: for October"): those are gathered in the month or after it, so it is not long ahead.
_DATA_NOUNS = frozenset("sales deliveries output figures results data payrolls report orders starts claims production "
                        "exports imports inflation numbers".split())
_DATA_LABEL_AFTER = re.compile(rf" (?:{_DATA_MODIFIER} )?(?:{'|'.join(sorted(_DATA_NOUNS))})\b")
#: "will report results for the quarter" (in May): a quarter's results come after it has closed.
_RESULTS_FOR = re.compile(r"\b(?:results|earnings) for $", re.I)
#: How far back `_RESULTS_FOR` looks: "earnings for " and the character before it (for the \b).
_RESULTS_FOR_REACH = len("earnings for ") + 1
#: A sentence about figures counted over a period ("sales for the month").
_FIGURES = re.compile(rf"\b(?:{'|'.join(sorted(_DATA_NOUNS))})\b", re.I)
_DATA_FOR_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_DATA_NOUNS))}) for $")


def _year_before_event(text: str, kind: str, end: int) -> bool:
    """ "2008 sales", "host 2014 Oscars", "June sales": a year or month before what it dates;
    "February's sales", "2008's worst day": a month or year owning a noun ("May's" only
    before such a noun: "Theresa May's")."""
    if text.startswith(("'s ", "’s "), end):
        if not (kind == "barmonth" and text[end - 3:end] == "May"):
            return True
        end += 2
    after = _WORD_AFTER_DATA.match(text, end)
    return after is not None and after.group(1).lower() in _EVENT_NOUNS


def _labels_data(text: str, start: int, end: int) -> bool:
    """Does the month name the span some figures were counted over ("December sales", "May's
    auto sales", "the April jobs report", "sales for October")? Then its year follows when such
    figures come out (`_data_month_year`), not the tense alone."""
    if text.startswith(("'s", "’s"), end):
        end += 2
    return _DATA_LABEL_AFTER.match(text, end) is not None or _DATA_FOR_BEFORE.search(text, max(0, start - 16), start) \
        is not None


def _data_month_year(month: int, ref: dt.date, future: bool) -> int:
    """The year of a month whose figures are reported: within ten months before the article's
    month and one after ("December sales are due Thursday" in January: last December; "May
    jobs report on Friday" in June: this May; "December sales will rise" in November: this).
    Figures come out within a month or two, so a sentence about the future reaches at most two
    months back ("analysts expect February sales to rise" in December: next February)."""
    back = (ref.month - month) % 12
    if back <= (2 if future else 10):
        return ref.year - (1 if month > ref.month else 0)
    return ref.year + (1 if month < ref.month else 0)


#: A high or a low last seen in an earlier year ("its worst day since the crash of October 1987",
#: "its biggest gain in 1933") compares the story with that date: where the story goes on is
#: not there ("has lost 38 percent for the year" stays the article's year).
_COMPARISON_BEFORE = re.compile(r"\b(?:since|biggest|largest|worst|best|lowest|highest|strongest|weakest|sharpest"
                                r"|steepest)\b[^.;]*$")
def _another_year(value: str | None, ref: dt.date | None) -> bool:
    """Does the value lie in a year before the article's ("October 1987"), or is the article undated?"""
    return ref is None or value is not None and value[:4].isdigit() and int(value[:4]) < ref.year


#: "now" before a verb in the present states the present: "the firm now has 300 staff".
_PRESENT_AFTER_NOW = re.compile(r" (?:has|have|is|are|stands|holds|owns|employs|sees|see|expects|expect|accounts|"
                                r"controls|faces|face|lives|live|works|ranks|trades|costs|makes|sells|runs|totals|"
                                r"believes|believe|needs|need|looks|seems|appears|numbers|exceeds|leads|lead)\b")
#: "he's now in demand": a pronoun's "'s" is "is" or "has" (a name's may be a possessive).
_PRONOUN_IS_BEFORE = re.compile(r"\b(?i:he|she|it|that|there|who|what|here)['’]s $")
#: "Now it's much quieter", "Now there are five": a sentence opened by "now" in the present.
_NOW_OPENS_PRESENT = re.compile(r" (?:it|there|he|she|they|we|I|you)(?:['’](?:s|re|m)\b| is\b| are\b| am\b| has\b| have\b)")
#: "O'Brien is gone now", "prices are higher now": a present "be" a word or two before "now"
#: ending its clause (not "we may see more now", "ill for more than a week now").
_PRESENT_BE_BEFORE_NOW = re.compile(r"(?:\b(?:is|are|am)|['’](?:s|re|m)) (?:[a-z]+ ){0,1}[a-z]+ $")
_CLAUSE_END = re.compile(r"[,.;:!?\"”)]|$")
_MODALS = frozenset({"will", "would", "can", "could", "should", "must", "may", "might", "shall", "to", "ll"})
_CAPITAL_AFTER = re.compile(r" [A-Z][a-z]")


#: A month as a clause's subject ("October was the worst month", "June has been strong"), or the
#: object of a forecast ("analysts expect October to be worse").
_MONTH_SUBJECT_VERB = re.compile(rf" (?:{_SUBJECT_VERBS}|would|could"
                                 r"|tends|usually|typically|remains|remained)\b")
_MONTH_OBJECT_AFTER = re.compile(r" (?:to|as|will)\b")
_CLAUSE_AFTER_COMMA = re.compile(r", (?:but|and|while|whereas|yet) $")
_EXPECT_WORDS = frozenset({"expect", "expects", "expected", "expecting", "see", "sees", "forecast", "forecasts"})
#: Words after which a clause is reported: its subject may be a month or a year ("said July
#: would be the first month", "warned that 2008 would be harder").
_REPORTING_WORDS = frozenset({"that", "said", "says", "say", "warned", "warn", "warns", "predicted", "predicts", "predict",
                              "believe", "believes", "think", "thinks", "fear", "fears"})
#: A new year greeted: "the UAE welcomed 2023 on Saturday night", "rang in 2024 with fireworks"
#: (the year ends the phrase: not "welcomed 2000 visitors").
_WELCOME_VERBS = frozenset({"welcomed", "welcome", "welcomes", "welcoming", "greeted", "greet", "greets"})
_WELCOMED_YEAR_AFTER = re.compile(r"[,.;:!?]|$| (?:on|in|at|with|as|by|and)\b")
#: ... a month there takes "be" ("said July would be the first month"; not "said April would come home").
_REPORTED_TIME_VERB = re.compile(rf" (?:(?:will|{_REPORTED_MODALS}) be|was|is|has been|had been)\b")


#: What joins the items of a list of dates: "September, October and November", "in September
#: as well as October", "Monday through Wednesday".
_LIST_JOIN = re.compile(r", | and | or |, and |, or | to | through | as well as |-|–")
_MONTH_NEXT = re.compile(rf"(?:, | and | or | to | through |-|–){_MONTH}(?![\w-])")
#: "a terrible September", "a strong December for retailers": a month after "a" and an adjective.
_A_ADJECTIVE = re.compile(r"(?<![\w-])(?:a|an) (?:(?:very|particularly|relatively|unusually|fairly|really|extremely"
                          r"|exceptionally|quite|rather|so) )?([a-z]+(?:-[a-z]+)?) $")
_AFTER_A_MONTH = re.compile(r"[,.;:!?\"'”)]| for\b")
_PERSON_ADJECTIVES = frozenset("young little old pretty beautiful lovely sweet tiny baby shy smiling".split())


def _month_after_adjective(text: str, span: str, start: int, end: int) -> bool:
    """ "a terrible September,", "a weak December for retailers": a month after "a" and an
    adjective, ending the phrase (not "a young April at the fair", nor "May"); "their best
    September since 1939", "the Dow's worst May in 20 years": a month ranked against other
    years' (a superlative after a determiner or an owner, then a comparison or the phrase's end;
    not "the largest March on Washington")."""
    if _SUPERLATIVE_BEFORE.search(text, max(0, start - 40), start):
        return _AFTER_RANKED_MONTH.match(text, end) is not None
    m = _A_ADJECTIVE.search(text, max(0, start - 24), start)
    return m is not None and span != "May" and m.group(1) not in _PERSON_ADJECTIVES \
        and _AFTER_A_MONTH.match(text, end) is not None


#: "their best", "the Dow's worst", "its strongest": a superlative after a determiner or an owner.
_SUPERLATIVE_BEFORE = re.compile(r"(?<![\w-])(?:the|its|their|his|her|our|[A-Z][\w&.-]*['’]s?) "
                                 r"(?:best|worst|biggest|strongest|weakest|busiest|slowest|quietest|warmest|coldest"
                                 r"|hottest|wettest|driest|sharpest|steepest|largest|highest|lowest) $")
#: ... ranked against: "since 1939", "in 20 years", "on record", "ever", or the phrase ends.
_AFTER_RANKED_MONTH = re.compile(r"[,.;:!?)]|$| since\b| in\b| on record\b| ever\b| for\b| of\b")


def _month_list_ahead(text: str, span: str, start: int, end: int, prev: str) -> bool:
    """The first of two months joined ("September and October were terrible", "in both
    September and October"), at a sentence start or after "both"/"between"."""
    return (prev in ("both", "between") or _sentence_start(text, start) and span != "May") \
        and _MONTH_NEXT.match(text, end) is not None


def _month_subject_or_object(text: str, span: str, start: int, end: int, prev: str) -> bool:
    """A month with no preposition in front is a date as the subject of a clause (at a sentence
    start or after ", but") or as what a forecast is about; "May" only where the sentence says
    "month" soon after ("May was the worst month"), not "May was re-elected"."""
    if span == "May" and " month" not in text[end:end + 40]:  # "analysts expect May to resign"
        return False
    if prev in _EXPECT_WORDS:
        return _MONTH_OBJECT_AFTER.match(text, end) is not None
    if prev in _REPORTING_WORDS:
        return _REPORTED_TIME_VERB.match(text, end) is not None
    return _MONTH_SUBJECT_VERB.match(text, end) is not None and (
        _sentence_start(text, start) or _CLAUSE_AFTER_COMMA.search(text, max(0, start - 10), start) is not None)


#: "50 years ago almost to the day": the idiom says "exactly", it names no day.
_TO_THE_DAY = re.compile(r"(?:almost|exactly|nearly|ago|later|earlier) to $")
#: The end of a range of days written once with its month: "from April 10 to 13" (the 13th is a
#: date of its own in TimeML; "Oct. 28-29", one token, stays one date valued by its first).
_ENDS_IN_DAY = re.compile(rf"(?<![-–\d]){_DAY}$")  # "April 10", not "Oct. 28-29" nor "June 12, 2025"
_DAY_RANGE_END = re.compile(rf" (?:to|through|till|until|-|–|(and))"
                            rf" ({_DAY}(?:,? {_YEAR})?)(?=[,.;:)]|$| (?:in|at|on|for|with|when|as|after|before|while|and|but)\b)")


#: "July-March", "in October-November": a range of months in one word, one date as "Oct. 28-29"
#: is (a quarter or half when it is one: "January-March" Q1, "July-December" H2; else valued by
#: its first month). A year after it says where it lies: "January-March 2025" in that year; a
#: fiscal year ("July-March FY25", "July-December 2024-25", "April-September FY26") starts in the
#: year before the one it is named by, so months from April on before its turn of the year are
#: that earlier year's.
_MONTH_RANGE_END = re.compile(rf"--?({_MONTH})(?![\w-])(?:,? (?:((?i:FY) ?|(?i:fiscal|financial) (?:year )?))?"
                              rf"((?:1[89]|20)[0-9]{{2}}|(?<=FY)[0-9]{{2}}|(?<=FY )[0-9]{{2}})(?:[-–/]([0-9]{{2}}|{_YEAR}))?(?![\w-]))?")


def _month_range(text: str, first: DateMatch, upto: re.Match[str], ref: dt.date | None) -> DateMatch:
    """ "July-March" as one date (see `_MONTH_RANGE_END`): the last month is where the year
    written after it, or the sentence's tense, places it; the first comes before it."""
    m1, m2 = _month_of(first.text), _month_of(upto.group(1))
    stop = upto.end() if upto.group(3) and upto.group(2) is None else upto.end(1)  # "January-June 2025", not "FY25"
    span = DateMatch(first.start, stop, text[first.start:stop], None)
    if upto.group(3):
        last = _fiscal_years(upto.group(3) + "-" + (upto.group(4) or ""))[1]  # type: ignore[index]
        fiscal = upto.group(2) is not None or upto.group(4) is not None
        y2 = last - 1 if fiscal and m1 <= m2 and m1 >= 4 else last
    elif ref is not None:
        y2 = _year_for(m2, None, ref, text, first.start, upto.end(1))
    else:
        return span
    y1 = y2 - 1 if m1 > m2 else y2
    if m1 <= m2 and (m1, m2) in ((1, 3), (4, 6), (7, 9), (10, 12)):
        span.value = f"{y1}-Q{(m1 + 2) // 3}"
    elif (m1, m2) in ((1, 6), (7, 12)):
        span.value = f"{y1}-H{(m1 + 5) // 6}"
    else:
        span.value = _month(y1, m1)
    return span


_TODAY_SHOW_AFTER = re.compile(r" (?:show|Show|programme|program|host|co-host|anchor)\b")
_DETERMINERS = frozenset("the a an his her their its my our your this that one".split())
#: "last evening" ends its phrase ("addressed a rally last evening in Lahore"), no noun follows it.
_DEICTIC_ENDS = re.compile(r"[,.;:!?)'\"”’]|$| (?:at|in|on|when|after|before|and|to|as|with|while|near|outside|from|but|,)\b")


#: Plural units that "of the year/week" counts in general ("saw months of the year renamed", "any
#: days of the week"), unless a determiner or a count before them picks some out ("the first
#: months of the year", "its final days of the month").
_UNIT_PLURALS = frozenset({"days", "weeks", "months", "hours"})
_PLURAL_PICKED_BY = _DETERMINERS | frozenset(
    "these those first last final remaining closing opening early earliest past next coming few several other "
    "two three four five six seven eight nine ten eleven twelve".split())


def _generic_units(text: str, start: int) -> bool:
    """Is "the year" at `start` (after "of ") the year of "months of the year" said in general?"""
    plural = _prev_word(text, start - 3)
    if plural not in _UNIT_PLURALS:
        return False
    before = _prev_word(text, start - 4 - len(plural))
    return before not in _PLURAL_PICKED_BY and not before.isdigit()


#: Words that make two years in one ("2017-18") a fiscal year.
_FISCAL_CONTEXT = re.compile(r"\b(?:fiscal|financial year|budget\w*|deficit|revenue|tax(?:es|ed|ation|payers?)?|gdp|exports?|imports?|fy)\b")
#: Before a range of years in one word: "from 1978-89", "in 1982-83", "during 2001-2003".
_YEAR_RANGE_BEFORE = frozenset({"from", "in", "during", "between", "through", "throughout", "since", "until", "by",
                                "for", "of"})
#: A quarter or half written as a modifier ("fourth-quarter", "first-half"), and the noun it
#: modifies after it (not "the fourth-quarter was weak", "the first-half of 2008").
_HYPHEN_PERIOD = re.compile(r"(?i:[a-z0-9]-(?:quarter|half))\b")
_NOUN_AFTER_PERIOD = re.compile(r" (?!(?:of|was|is|were|are|will|would|has|had|have|and|or|to|in|on|at|for|from|with|by"
                                r"|as|that|which|when|ended|ending|ends|since|after|before|than)\b)[a-z]{3,}\b")
_YEAR_BEFORE_PERIOD = re.compile(rf"(?<![\w$£€.,-])({_YEAR}) $")
#: Before "last" the verb ("will last five years", "which could last two weeks"); _MODALS holds "will", "to".
_LAST_VERB_BEFORE = frozenset({"did", "does", "do", "which", "that", "it", "they", "not", "also", "still", "only"})
#: "the last week/month/year" after these is a length of time up to now, as "the past month" ("over
#: the last month", "spent the last year"); not "the last month of the year", "in the last week of June".
_LENGTH_BEFORE = frozenset({"in", "over", "during", "for", "within", "throughout", "across", "spent", "spend", "spends",
                            "spending"})
_THE_LAST_UNIT = re.compile(r"(?i:the last (?:week|month|year))")


#: The word after "the 1950s" when the decade modifies a noun ("the 1950s pin-up model", "the 1960s
#: sexual revolution"): a lower-case word that is no verb (none in -ed, no was/saw/brought), adverb
#: (-ly) or word of grammar. The article is then the noun's, as MEANTIME and ECB+ mark "the 1991
#: settlement" and "the 1950s pin-up model" (the decade alone), not the decade's.
_NOUN_AFTER_DECADE = re.compile(
    r" (?!(?:and|or|to|through|until|till|when|where|as|was|were|is|are|be|been|had|has|have|saw|brought|began|became|came|went"
    r"|did|made|gave|took|got|would|could|will|may|might|should|must|can|that|which|who|but|with|for|in|on|at|by|of|from"
    r"|after|before|into|during|onwards?|also|there|too|than|while|if|because|so|then|the|a|an|it|its|he|she|they|we|this"
    r"|these|those|many|most|some|all|both|now|still|remain|remains|remained|seem|seems|seemed|see|sees)\b)"
    r"[a-z][a-z-]*[a-z](?<!ed)(?<!ly)\b")


#: A quarter or half named by its rank alone ("the third quarter", "the second half", "fourth-quarter").
_BARE_PERIOD = re.compile(r"(?:the )?(?:first|second|third|fourth|final|last)[ -](?:quarter|half)", re.I)


def _game_period(span: str, text: str, start: int, end: int) -> bool:
    """ "trailed by 13 points in the third quarter", "scored in the second half": a quarter or
    half named by its rank alone, in a sentence with a word of a game's report (holidays.yaml's
    `game_words`) and none of business, is a period of the game, not of the year."""
    if not _BARE_PERIOD.fullmatch(span) or (games := _holidays().game_words) is None:
        return False
    sentence = _BARE_PERIOD.sub(" ", _sentence_around(text, start, end).lower())  # its "quarter" is no word of business
    return games.search(sentence) is not None and not _BUSINESS.search(sentence)


#: The kinds of date that "earlier in", "later in", "early in", "late in" may open (`_EDGE_IN_BEFORE`).
_IN_A_PERIOD = frozenset({"barmonth", "my", "year", "bareseason", "thatunit"})
_EDGE_IN_BEFORE = re.compile(r"(?<![\w-])(?i:earlier|later|early|late) in $")


@functools.cache
def _version_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """`_version_number`'s words before and after the date, compiled at their first use (a dotted date
    is rare; at import they cost ~0.45 ms)."""
    return (re.compile(r"\b(?:versions?|ver|v|release[sd]?|builds?|update|upgrade[sd]?|upgrading|install(?:s|ed|ing)?"
                       r"|pip|packages?|patch(?:es|ed)?|firmware|rev|revision|changelog|tag(?:ged)?)\b(?!-)",
                       re.IGNORECASE),
            re.compile(r" (?:release|version|build|update|patch)\b", re.IGNORECASE),
            # A sentence's end, up to the start of the next (a capital: not "ver. 2021.12.17", "No. 2021...";
            # a number after a number's full stop: "at version 5. 2021.12.17 was the release date"), a
            # line's, or a semicolon's ("Get version 2021.12.17 now; published 2012.08.08").
            re.compile(r"[.?!][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-ZÀ-ÖØ-Þ])|(?<=[0-9])[.?!]\s+(?=[0-9])|\n|;\s+"))


def _version_number(text: str, start: int, end: int) -> bool:
    """Whether the year.month.day at `start`-`end` is a version number, told by words near it (calendar
    versioning writes exactly that form: "version 2021.12.17", "pip install certifi 2023.07.22", "the
    2022.05.01 release"), not a date line's date ("Published: 2012.08.08", "Updated 2012.08.08"). The words
    before it are looked for in its own sentence (of the 40 characters before it): "Upgrade to version
    2021.12.17 now. Published: 2012.08.08" has one version number and one date."""
    before, after, sentence_end = _version_cues()
    lo = max(0, start - 40)
    for stop in sentence_end.finditer(text, lo, start + 1):  # (+1: the look-ahead sees the date's first digit)
        lo = stop.end()
    return before.search(text, lo, start) is not None or after.match(text, end) is not None


@functools.cache
def _aside_dash() -> re.Pattern[str]:
    """Two hyphens typed for a dash that sets off what follows ("in April--and", "2004--saying"), not
    one typed for a range's dash, before a number, a month or a weekday ("2013--2014", "June 3--5",
    "Monday--Friday", "March--April 2014"): that one the range patterns read as "–". Compiled at its
    first use (few texts type '--'; at import it cost ~0.2 ms)."""
    return re.compile(r"--(?![\d-]| ?(?i:" + "|".join((*_MONTH_NAMES, *_WEEKDAYS, *_WEEKDAY_ABBR))
                      + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)")


def find_dates(text: str, date: dt.date | None) -> list[DateMatch]:
    """Every date expression in `text`, with its value (None where the article date is
    needed but unknown)."""
    if "--" in text:  # a dash typed as two hyphens ("in April--and", "August 2004--saying"): as " —"
        text = _aside_dash().sub(" —", text)  # (not a range: "2013--2014", "June 3--5", "Monday--Friday")
    found: list[DateMatch] = []
    anchors = _Anchors(date)
    for m in _candidates(text):
        kind = m.lastgroup or ""
        start, end = m.span(kind)
        if found and start < found[-1].end:  # inside a date a rule made longer ("January-June 2025")
            continue
        span = m.group(kind)
        if kind == "longcount":
            kind = "ago" if span[-3:].lower() == "ago" else "dur"  # "HALF A CENTURY AGO" (a headline)
            if approx := _APPROX_BEFORE.search(text, max(0, start - 24), start):  # "nearly half a century ago"
                start, span = approx.start(), text[approx.start():end]
        prev = _prev_word(text, start)
        if prev == "least" and (at_least := _PREP_AT_LEAST.search(text, max(0, start - 24), start)):
            prev = at_least.group(1).lower()  # "their biggest drop since at least 1986": since 1986
        if kind == "fiscal" and prev == "new" and text[start - 8:start - 4].lower() == "the ":
            start, span, prev = start - 8, text[start - 8:end], "the"  # "the new fiscal year": the coming one
        if kind == "decade" and span[:4].lower() == "the " and _NOUN_AFTER_DECADE.match(text, end) \
                and prev not in _CLAUSE_PREPS:  # "by the 1950s provocative pictures...": a clause follows
            start, span, prev = start + 4, span[4:], "the"  # "the 1950s pin-up model": the article is the noun's
        if not prev and kind in ("year", "barmonth") and text[start - 3:start] in ("s' ", "s’ "):
            prev = "s"  # a plural possessive ("the Sixers' 1983 title team"), as "the team's 1983 ..."
        if kind == "year" and span[:8].lower() == "the year":
            pass
        elif kind in ("year", "barmonth"):
            # A bare month or year needs a preposition or modifier in front ("in March",
            # "since 2008"): "March" the verb and "2008 workers" do not get one. In a list
            # the one before vouches for it ("in 1994, 1996 and 1999"), and a year may open
            # a sentence as its subject ("2008 was a hard year").
            if prev not in _PREP_SET and not _year_before_event(text, kind, end) \
                    and not (prev == "as" and _AS_EARLY_AS.search(text, max(0, start - 20), start)) \
                    and not (prev in ("as", "when") and kind == "barmonth" and _month_turns_after().match(text, end)) \
                    and not (kind == "year" and _year_range_after(text, end)) and not (
                    found and _LIST_JOIN.fullmatch(text, found[-1].end, start)
                    or kind == "year" and (not span[0].isdigit() or _compared_year(text, start, end)
                                           or _YEAR_COMPLEMENT.search(text, max(0, start - 20), start)
                                           # the year as a subject, unless what it does is done by people
                                           or (_SUBJECT_YEAR.match(text, start) and _sentence_start(text, start)
                                               or prev in _REPORTING_WORDS and _SUBJECT_YEAR_AFTER_THAT.match(text, start))
                                           and not _COUNT_PREDICATE.match(text, start)
                                           or prev in _EXPECT_WORDS and _MONTH_OBJECT_AFTER.match(text, end)
                                           or prev in _WELCOME_VERBS and _WELCOMED_YEAR_AFTER.match(text, end)
                                           or _MODEL_YEAR.search(text, max(0, start - 30), end + 2))
                    or kind == "barmonth" and (_month_subject_or_object(text, span, start, end, prev)
                                               or _month_list_ahead(text, span, start, end, prev)
                                               or _month_after_adjective(text, span, start, end))):
                continue
            if kind == "barmonth" and text[end + 1:end + 2].isupper() and text[end:end + 1] == " " and \
                    prev not in _CLAUSE_PREPS:
                continue  # "in March Apple said" (a clause follows), not "the May Day"
        elif kind == "vague" and span.lower() in ("the moment", "present") or kind == "thistime" and len(span) == 9:
            if prev != "at" and (prev != "for" or kind == "thistime"):  # "at the moment", "for present", "at this time"
                continue
        elif kind == "vague" and (span in ("the past", "The past") or span[:4].lower() in ("year", "quar", "mont")
                                  or span[:3].lower() == "mid"):
            # "in the past" (not "the past is"); "by year-end" (not "year-end results"); "by the
            # year-end", "at this month-end"
            if prev in ("the", "this") and span[:3].lower() != "the" \
                    and _prev_word(text, start - len(prev) - 1) in _PAST_PREPS:
                start -= len(prev) + 1
                span, prev = text[start:end], _prev_word(text, start - len(prev) - 1)
            elif prev not in _PAST_PREPS:
                continue
        elif kind == "deictic" and span[-7:].lower() in ("t night", "evening") and span[:4].lower() == "last" and (
                prev in _DETERMINERS or span[-7:].lower() == "evening" and not _DEICTIC_ENDS.match(text, end)):
            continue  # "the last night of the tour", "his last evening in Paris", "his last evening class"
        elif kind == "deictic" and ("After Tomorrow" in span or "Before Yesterday" in span):
            continue  # the film "The Day After Tomorrow" (2004), in Title Case
        elif kind == "deictic" and span == "Today" and (text.endswith(("USA ", "NBC's ", "NBC’s ", "the "), max(0, start - 7), start)
                                                        or _TODAY_SHOW_AFTER.match(text, end)):
            continue  # the paper "USA Today", NBC's "Today" show
        elif kind == "vague" and span in ("now", "Now"):
            # "now" is a date only where it states the present ("the iPod is now smaller",
            # "for now", "until now", "as of now"); "will now receive", "we may see more now",
            # "now that" are not dates.
            # "the chatbot now has", "analysts now see": before a verb in the present, after
            # a subject and no modal (not "we will now see", "now is the time"); "Now it's
            # quieter" opening a sentence in the present; "O'Brien is gone now" ending one
            if (prev not in _NOW_BEFORE and not text[max(0, start - 6):start].lower().endswith(("up to ", "as of "))
                    and not _PRONOUN_IS_BEFORE.search(text, max(0, start - 10), start)
                    and (not prev and text[start - 2:start] != ", " or prev in _MODALS
                         or not _PRESENT_AFTER_NOW.match(text, end))
                    or text.startswith(" that", end)) \
                    and not (span == "Now" and not prev and _NOW_OPENS_PRESENT.match(text, end)) \
                    and not (span == "now" and _CLAUSE_END.match(text, end)
                             and _PRESENT_BE_BEFORE_NOW.search(text, max(0, start - 40), start)):
                continue
        elif kind in ("quarter", "half") and _game_period(span, text, start, end):
            continue
        elif kind == "half" and span[:3].lower() == "the" and not span[-1].isdigit() and not span.endswith("year"):
            # "the first half" alone: of a business year, not of a match; or after a half the
            # sentence named ("a slowdown in the first half of 2007 and a recovery in the second half")
            if not _BUSINESS.search(_sentence_around(text, start, end)) and not anchors.period_in_sentence(text, start, "-H"):
                continue
        elif (kind in ("numeric", "nineeleven") or kind == "iso" and span[4] in "/.") and text[max(0, start - 1):start] in ("/", "."):
            continue  # the end of a path: ".../archive/2025/06/14"
        elif kind == "iso" and span[4] == "." and _version_number(text, start, end):
            continue  # calendar versioning: "to version 2021.12.17", "install certifi 2023.07.22"
        elif kind == "theunit" and span[-6:].lower() == "period":
            # "revenue rose in the second quarter, while profit for the period fell": the quarter,
            # half or month named earlier in the sentence, or after a preposition in the two before
            # ("... in the third quarter. Excluding items, the loss for the period was"; not "The
            # period was hard for rivals"); with none, no date
            if not (anchors.period_in_sentence(text, start) or prev in ("for", "in", "during", "over")
                    and anchors.period is not None and _near_before(text, anchors.period_end, start, 2)):
                continue
        elif kind == "theunit":
            # "the day", "the year" as the story's own ("the biggest drop of the year"): not
            # "coach of the year", "Playmate of the Month", "day of the week", "the end of the
            # day", "the day off", "during the day" (daytime)
            if prev == "of" and (span[-3:].lower() == "day" and not _HIGH_OF_THE_DAY.search(text, max(0, start - 24), start)
                                   or not span.islower()
                                   or _prev_word(text, start - 3) in _OF_THE_UNIT_NOUNS or _generic_units(text, start)) \
                    or span[-3:].lower() == "day" and (
                    prev in ("during", "all") or text.startswith((" off", " shift", " care", " job"), end)
                    or _TO_THE_DAY.search(text, max(0, start - 12), start)):
                continue
        elif kind == "daypart" and span[:3].lower() in ("the", "lat", "ear", "mid"):
            if prev not in _DAYPART_PREPS:  # "in the afternoon", "by late afternoon"; not "the morning was quiet"
                continue
        elif kind == "bareseason":
            # "in the summer", "during winter": not "the spring of his step", "summer jobs", nor a
            # name opened by a season mid-sentence ("at the Winter Meetings", "in Spring Training")
            # "break for the summer.": "for" only before a closing mark, not "for the winter Olympics", "for summer jobs"
            for_the = prev == "for" and span[:4].lower() == "the " and _SEASON_CLOSED.match(text, end) is not None
            if prev not in _SEASON_PREPS and not for_the or span.split()[-1].istitle() and _CAPITAL_AFTER.match(text, end) \
                    and not _sentence_start(text, start):
                continue
        elif kind == "season" and span.lower().endswith(" year"):
            # "in the summer of last year"; "The spring of this year was wet"; not "the sharp fall of
            # last year" (a drop), nor "after the fall of this year's leader"; "fall" after a
            # preposition of time only (not "shares rebounded from the fall of last year")
            fall = " fall " in span.lower()
            if prev not in (_FALL_PREPS if fall else _SEASON_PREPS) and (not _sentence_start(text, start) or fall) \
                    and not (fall and prev in _SEASON_PREPS and _SEASON_JOINED.match(text, end)):
                cut = span.lower().rindex(" of ") + 4  # the year alone is still a date
                start, span, prev, kind = start + cut, span[cut:], "of", "relunit"
        elif kind == "season" and prev in _SEASON_PREPS and prev not in _FALL_PREPS and "fall of " in span.lower() \
                and not _SEASON_JOINED.match(text, end):
            cut = span.lower().rindex(" of ") + 4  # "recovered after the fall of 2008" (a drop): 2008
            start, span, prev, kind = start + cut, span[cut:], "of", "year"
        elif kind == "season" and (winter := _WINTER_YEARS.search(span)) and \
                int(winter.group(2)) != (int(winter.group(1)) + 1) % 10 ** len(winter.group(2)):
            # "the winter of 2008-09" spans two years; not "winter 2008-12". "the winter of
            # 2008-2010" keeps its range of years ("of 2008-2010", as a range after "of" reads)
            cut, years = winter.start(), _fiscal_years(winter.group())
            if span[cut - 3:cut] != "of " or span[cut + 4] == "/" or len(winter.group(2)) != 4 \
                    or not 0 < years[1] - years[0] <= 30:  # type: ignore[index]
                # not "the winter of 2008-12" (a month as ISO writes it, or a slip): a range writes both years
                continue
            start, span, prev, kind = start + cut, span[cut:], "of", "yearrange"
        elif kind == "relunit" and span[-12:].lower() == " before last" and (h := _holidays().pattern) is not None \
                and h.match(text, end + 1) and text.startswith(" ", end):
            # "the weekend before last Christmas": "last Christmas" is the holiday's (found apart), and
            # "the weekend" what it was before it ("the weekend before Christmas"); no week or month
            if span[4:11].lower() != "weekend":
                continue
            span, end = span[:-12], end - 12
        elif kind == "newyear" and (prev not in _NEW_YEAR_PREPS or _NEW_YEAR_FEAST_BEFORE.search(text, max(0, start - 24), start)):
            continue  # "in the new year", "until the new year"; not "celebrate the new year", "the new year began",
            # "ring in the new year", "on the eve of the new year" (the holiday, not the year)
        elif kind == "ordday":
            # "on the 14th": not "the 14th century" (no preposition, and a noun follows).
            if prev not in _ORDDAY_PREPS:
                continue
        elif kind in ("dur", "halfdur"):
            lower = span.lower()
            if (lower.split()[0] in ("a", "an") and not lower.startswith(("a few", "a couple"))
                    or lower == "one day") and \
                    prev not in _A_DURATION_BEFORE:
                continue
            if lower.startswith("last ") and (prev in _MODALS or prev in _LAST_VERB_BEFORE):
                start, span = start + 5, span[5:]  # "the appeal will last five years": the verb, not "the last five years"
        elif kind == "yearrange" and (prev not in _YEAR_RANGE_BEFORE and text[start - 1:start] != "("
                                      or not 0 < _fiscal_years(span)[1] - int(span[:4]) <= 30):  # type: ignore[index]
            continue  # "from 1978-89", "(1999-2003)"; not "a 2009-10 win", "1998-2003 numbers", "1990-85"
        elif kind == "fiscal" and (years := _fiscal_years(span)) and years[1] - years[0] > 1:
            continue  # "the FY2025-30 plan": five years, no fiscal year
        if kind == "relunit" and prev in _LENGTH_BEFORE and _THE_LAST_UNIT.fullmatch(span) and not text.startswith(" of ", end):
            kind = "pastunit"  # "over the last month", "spent the last year": a length, as "the past month"
        if kind == "bareunits" and prev in _BARE_LENGTH_IN and not _BARE_LENGTH_IN_END.match(text, end):
            continue  # "the worst in decades", "within days,"; not "in years when rates rose"
        if kind == "pxdur" and span[:6].lower() == "coming" and \
                prev not in ("in", "over", "during", "within", "for"):
            continue  # "in coming weeks", not "he is coming days after her"
        if kind in ("weekday", "mdy", "dmy") and prev in ("every", "each"):
            continue  # "every Monday" repeats (a TimeML SET), it is no date
        if kind == "nextday" and span[:5].lower() in ("earli", "later") and text.startswith(" than", end):
            cut = span.index(" ") + 1  # "earlier that evening than expected": a comparison's word, as
            start, span, prev = start + cut, span[cut:], span[:cut - 1].lower()  # "later in May than usual" leaves it out
        if kind == "decade" and _short_decade_not_years(text, span, start, end):
            continue  # "in his late '20s", "the low '70s", "Highs in the early 80s": an age, a score, heat
        if kind == "decade" and span[0].isdigit() and _PRODUCT_AFTER.match(text, end) \
                and _brand_before(text, start):
            continue  # "the Zephyr 1800s model", "Nokia 1800s phones": a product's number after its name
        if kind == "weekday" and (text[max(0, start - 8):start].endswith(_NAMED_DAY_PREFIXES) or prev == "the"
                                  and span[0].isupper() and _CAPITAL_AFTER.match(text, end)):
            continue  # "Black Monday" (1987), "Super Tuesday", "the Sunday Times": names, not last Monday
        if kind in ("mdy", "dmy") and text[max(0, start - 8):start].endswith(_NAMED_DAY_PREFIXES) \
                and (named := _LEADING_WEEKDAY.match(span)):
            start, span = start + named.end(), span[named.end():]  # "Black Monday, October 19, 1987": the date
        value: str | None = None
        try:
            value, day = _resolve(kind, span, date, anchors, text, start, end, prev)
        except (ValueError, KeyError, OverflowError):
            value, day = None, None
        if kind == "year" and span.isdigit() and _opens_sentence(text, start) and (
                prev in _FRAME_PREPS or not prev and _SUBJECT_YEAR.match(text, start)):
            anchors.frame = (int(span), end)
        elif kind in ("relunit", "ago") and value and len(value) == 4 and not prev and _opens_sentence(text, start) \
                and span.lower().endswith(("last year", "next year", "ago", "earlier", "later")):
            anchors.frame = (int(value), end)  # "Last year, the Dow peaked on October 9": 2007's
        if kind in ("mdy", "dmy") and value and len(value) == 10 and _FOUR_DIGITS.search(span):
            anchors.stated[(int(value[5:7]), int(value[8:10]))] = int(value[:4])
        if kind == "my" and value and len(value) == 7 and date is not None and int(value[:4]) < date.year:
            anchors.stated_month[int(value[5:7])] = int(value[:4])
        if kind != "sameperiod" and not (kind in ("thatunit", "ago") and span.lower().endswith(("earlier", "before", "ago"))
                                         and (kind == "thatunit" or value is not None and len(value) == 7 and " year" in span
                                              and "month" not in span.lower())) \
                and prev != "since" and value != "2001-09-11" \
                and not (_another_year(value, date) and _COMPARISON_BEFORE.search(text, max(0, start - 50), start)):
            # a period a year back ("the same period last year", "the year earlier", "a year
            # earlier" after "first-quarter profit" or "December sales"; not "one year and two
            # months ago", a month counted back) or a
            # point since when ("its worst day since Sept. 11, 2001") is a comparison, not where
            # the story goes on, nor is 9/11 (named as the event): no new anchor
            anchors.note(value, day, end)
        if kind in ("quarter", "half") and " of " not in span.lower() and _HYPHEN_PERIOD.search(span) \
                and _NOUN_AFTER_PERIOD.match(text, end):
            # "the fourth-quarter loss": the determiner is the noun's (TimeML), the timex
            # "fourth-quarter"; "the 2008 first-half results" one timex, "2008 first-half"
            if span[:4].lower() == "the ":
                start += 4
            if (year := _YEAR_BEFORE_PERIOD.search(text, max(0, start - 6), start)) and value and value[:4].isdigit() \
                    and _prev_word(text, year.start(1)) not in _CLAUSE_PREPS:  # not "in 2008 fourth-quarter profit fell"
                if found and found[-1].start == year.start(1):
                    found.pop()
                start, value = year.start(1), year.group(1) + value[4:]
        if prev == "in" and kind in _IN_A_PERIOD and (edge := _EDGE_IN_BEFORE.search(text, max(0, start - 11), start)) \
                and text[end:end + 5] != " than":  # not "later in May than usual"
            start = edge.start()  # "earlier in December", "later in the summer": one date, as "earlier in the week"
        found.append(DateMatch(start, end, text[start:end], value))
        if kind == "barmonth" and (upto := _MONTH_RANGE_END.match(text, end)):
            found[-1] = _month_range(text, found[-1], upto, date)
        if kind == "mdy" and (upto := _DAY_RANGE_END.match(text, end)) and _ENDS_IN_DAY.search(span) \
                and (not upto.group(1) or prev == "between"):  # "between June 3 and 5"
            first, last_day = int(_NON_DIGITS.sub("", span.split()[-1])), int(_NON_DIGITS.sub("", upto.group(2).split()[0]))
            if last_day > first and (not value or last_day <= _month_end(int(value[:4]), int(value[5:7])).day):
                found.append(DateMatch(upto.start(2), upto.end(2), upto.group(2),
                                       value[:8] + f"{last_day:02d}" if value and len(value) == 10 else value))
    # "as recently as a week ago": the date is what follows (not "as recently as a season ago")
    found = [d for i, d in enumerate(found) if not (
        d.text.lower() == "recently" and i + 1 < len(found) and found[i + 1].start == d.end + 4
        and text.startswith(" as ", d.end) and text[max(0, d.start - 3):d.start].lower() == "as ")]
    _weekdays_beside_days(text, found)
    _weekdays_of_a_named_week(text, found)
    holidays = _find_holidays(text, date)
    if holidays:  # a holiday wins over the weekday in it ("Easter Monday"), loses to the rest
        spans = _span_index(holidays)
        found = [d for d in found if not _covered(spans, d.start, d.end, inside=True)]
        taken = _span_index(found)
        found.extend(h for h in holidays if not _covered(taken, h.start, h.end, inside=False))
        found.sort(key=lambda d: d.start)
        _holidays_beside_days(text, found, holidays)
        _weekdays_of_holidays(text, found, holidays, date)
        _sighted_days(text, found, holidays)
    _days_next_to_named_days(text, found)  # after the holidays: "the day after Christmas"
    _weekend_beside_day(text, found)
    return found


#: "the weekend" right before "before"/"after" and a date: that date's weekend.
_WEEKEND_BESIDE = re.compile(r"(?i:the weekend) (before|after) ")


def _weekend_beside_day(text: str, found: list[DateMatch]) -> None:
    """"the weekend before Christmas", "the weekend before last Christmas", "the weekend after
    Easter": the Saturday and Sunday before or after the day found right after it, not the
    weekend of the article's date; no value where that date is no day ("the weekend before May")."""
    for i in range(len(found) - 1):
        weekend, day = found[i], found[i + 1]
        if weekend.end - weekend.start != 11 or (join := _WEEKEND_BESIDE.match(text, weekend.start)) is None \
                or join.end() != day.start:
            continue
        value = None
        if day.value and _ISO_DAY.fullmatch(day.value):
            when = dt.date.fromisoformat(day.value)
            try:  # the Saturday before the day's eve, or the first after the day
                saturday = when - dt.timedelta(days=(when.weekday() - 5) % 7 or 7) if join.group(1).lower() == "before" \
                    else when + dt.timedelta(days=(5 - when.weekday()) % 7 or 7)
                if join.group(1).lower() == "before" and saturday + dt.timedelta(days=1) >= when:
                    saturday -= dt.timedelta(days=7)
                value = _week(saturday) + "-WE"
            except OverflowError:
                value = None
        found[i] = DateMatch(weekend.start, weekend.end, weekend.text, value)


def _fields(d: DateMatch) -> tuple[int, int, str, str | None]:
    """A match's fields, which its equality compares: a key for a set of matches."""
    return d.start, d.end, d.text, d.value


def _span_index(spans: list[DateMatch]) -> tuple[list[int], list[int]]:
    """The spans' starts in order and, at each, the furthest end up to it: for `_covered`."""
    ordered = sorted((d.start, d.end) for d in spans)
    furthest, ends = -1, []
    for _, end in ordered:
        furthest = max(furthest, end)
        ends.append(furthest)
    return [start for start, _ in ordered], ends


def _covered(index: tuple[list[int], list[int]], start: int, end: int, inside: bool) -> bool:
    """Does a span of `index` (`_span_index`) hold start..end (`inside`), or overlap it? A
    binary search a date, not a pass over all the spans: a long run of holidays ("last
    Christmas" x10,000) stays linear."""
    starts, ends = index
    k = bisect.bisect_right(starts, start) if inside else bisect.bisect_left(starts, end)
    return k > 0 and (ends[k - 1] >= end if inside else ends[k - 1] > start)


def _holidays_beside_days(text: str, found: list[DateMatch], holidays: list[DateMatch]) -> None:
    """A holiday in apposition to the day it is ("before August 14, Independence Day") is that
    day, whatever country's calendar its name would follow: a day it can fall on (one of its
    countries' days, a day off a listed one), not any day before it ("on December 23, Christmas
    Day preparations", "closed on July 3, Independence Day and Labor Day")."""
    named = {_fields(h) for h in holidays}  # a set: a long run of holidays stays linear
    for i in range(1, len(found)):
        day, holiday = found[i - 1], found[i]
        if _fields(holiday) in named and day.value and _ISO_DAY.fullmatch(day.value) and text[day.end:holiday.start] == ", " \
                and any(ch.isdigit() for ch in day.text) \
                and holiday.value != day.value and _can_fall_on(holiday.text, dt.date.fromisoformat(day.value)):
            found[i] = DateMatch(holiday.start, holiday.end, holiday.text, day.value)


def _can_fall_on(text: str, day: dt.date) -> bool:
    """Can the holiday named in `text` fall on `day` somewhere: by one of its countries' rules,
    or a day off a listed (lunar) day?"""
    h = _holidays()
    name = h.pattern.search(text) if h.pattern else None
    if name is None:
        return False
    key = name.group("name").replace("’", "'")
    for rule in (h.rules[key], *(rule for rule, _ in h.by_country.get(key, []))):
        try:
            if abs((_holiday_day(rule, day.year) - day).days) <= (1 if _LISTED_DAYS.match(rule) else 0):
                return True
        except (ValueError, KeyError, IndexError, OverflowError):
            continue
    return False


def _weekdays_beside_days(text: str, found: list[DateMatch]) -> None:
    """A weekday written beside the day it names ("on Sunday (June 15)", "June 17, Tuesday",
    "Thursday (June 13) this week") takes that day's date when the weekday matches it."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if b.start - a.end > 4 or text[a.end:b.start].strip(" ,()") or a.value is None or b.value is None:
            continue
        for weekday, day in ((a, b), (b, a)):
            target = _WEEKDAY_WORDS.get(weekday.text.split()[0].lower().rstrip("."))
            if target is None or len(day.value) < 10 or not _ISO_DAY.match(day.value) or day.value[:10] == weekday.value[:10]:
                continue
            when = dt.date.fromisoformat(day.value[:10])
            if when.weekday() == target:
                j = i if weekday is a else i + 1
                found[j] = DateMatch(weekday.start, weekday.end, weekday.text, when.isoformat() + weekday.value[10:])


#: What joins two weekdays of one stretch ("from Monday to Wednesday", "Monday-Wednesday") or of
#: one list ("Tuesday and Wednesday", "Monday, Tuesday or Friday"): group 1 is set for a stretch.
_WEEKDAYS_JOIN = re.compile(r"( (?:to|through|thru|till|until) | ?[-–—] ?)|,? (?:and|or) |, ")


def _weekdays_of_a_named_week(text: str, found: list[DateMatch]) -> None:
    """A weekday joined to a weekday of a week named after it ("from Monday to Wednesday last week",
    "on Tuesday and Wednesday last week", "Monday, Tuesday and Friday of next week") is a day of
    that week too, not of the week the tense points to; the first of a stretch or a list comes
    before its last, as days are written in time order ("Friday to Monday last week": the Friday
    before that Monday; "on Sunday and Monday last week": the Sunday before it)."""
    moved = -1  # the day last given its week (a list's days each take the next one's, from the last)
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if not (b.text.endswith((" week", " Week", " WEEK")) or moved == i + 1) or b.start - a.end > 10 \
                or a.value is None or b.value is None or not _ISO_DAY.match(a.value) or not _ISO_DAY.match(b.value) \
                or _WEEKDAYS_JOIN.fullmatch(text, a.end, b.start) is None:
            continue
        first, last = a.text.split(), b.text.split()
        if len(first) > 2:
            continue
        day_a, day_b = _WEEKDAY_WORDS.get(first[0].lower().rstrip(".")), _WEEKDAY_WORDS.get(last[0].lower().rstrip("."))
        if day_a is None or day_b is None:
            continue
        try:
            when = dt.date.fromisoformat(b.value[:10]) - dt.timedelta(days=(day_b - day_a) % 7)
        except (ValueError, OverflowError):  # the week of 0001-01-01
            continue
        found[i], moved = DateMatch(a.start, a.end, a.text, when.isoformat() + a.value[10:]), i


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: Between "the day before/after" and the day it counts from: "the day before his June 24, 2005 murder".
_DAY_OF_AN_EVENT = re.compile(r" (?:the|his|her|its|their|our|my|this|that)? ?$")


def _days_next_to_named_days(text: str, found: list[DateMatch]) -> None:
    """ "the day before his June 24, 2005 murder", "the day after the May 3 vote": the day counts
    from the date that dates the event named after it, not from the last day named before it."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        lower = a.text.lower()
        if lower in ("the day before", "the day after") and b.value and _ISO_DAY.fullmatch(b.value) \
                and b.start - a.end <= 7 and _DAY_OF_AN_EVENT.fullmatch(text, a.end, b.start):
            try:
                day = dt.date.fromisoformat(b.value) + dt.timedelta(days=1 if lower.endswith("after") else -1)
            except OverflowError:  # the day after 9999-12-31
                continue
            found[i] = DateMatch(a.start, a.end, a.text, day.isoformat())


#: What joins a weekday to the holiday it falls on: "Thanksgiving on Thursday", "Tuesday, New
#: Year's Day", "closed Monday for Labor Day".
_HOLIDAY_WEEKDAY_JOIN = frozenset({" on ", ", ", " for "})
_HOLIDAY_WEEKDAY_JOIN_WIDEST = max(map(len, _HOLIDAY_WEEKDAY_JOIN))


def _weekdays_of_holidays(text: str, found: list[DateMatch], holidays: list[DateMatch], date: dt.date | None) -> None:
    """A bare weekday joined to a holiday that falls on it within a week of the article names
    that day, whatever the tense suggested ("bracing for Black Friday after Thanksgiving on
    Thursday")."""
    if date is None:
        return
    near: dict[int, list[int]] = {}  # a place a join may start or end at -> the holidays there, in order
    for j, h in enumerate(holidays):
        near.setdefault(h.start, []).append(j)
        near.setdefault(h.end, []).append(j)
    widest = _HOLIDAY_WEEKDAY_JOIN_WIDEST
    for i, d in enumerate(found):
        target = _WEEKDAYS.get(d.text.lower())
        if target is None or d.value is None:
            continue
        beside = sorted({j for at in (*range(d.end, d.end + widest + 1), *range(d.start - widest, d.start + 1))
                         for j in near.get(at, ())})
        for h in (holidays[j] for j in beside):  # those a join's few characters away: a long run stays linear
            if h.value is None or len(h.value) != 10 or text[min(d.end, h.end):max(d.start, h.start)] \
                    not in _HOLIDAY_WEEKDAY_JOIN:
                continue
            day = dt.date.fromisoformat(h.value)
            if day.weekday() == target and abs((day - date).days) < 7:
                found[i] = DateMatch(d.start, d.end, d.text, h.value)


def _sighted_days(text: str, found: list[DateMatch], holidays: list[DateMatch]) -> None:
    """A listed (lunar) holiday whose sentence names one day a day off the table's, and not the
    table's own, was kept that day where the moon was sighted later or earlier ("Pakistan
    celebrated Eid ul Fitr on Monday, a day after Saudi Arabia"; "Eidul Azha is being celebrated
    ... today")."""
    rules = _holidays().rules
    named = {_fields(h) for h in holidays}
    stops = [m.start() for m in _STOP_OR_LINE.finditer(text)] if named else []
    starts = [d.start for d in found]
    for i, h in enumerate(found):
        if _fields(h) not in named or not h.value or len(h.value) != 10 \
                or not _LISTED_DAYS.match(rules.get(h.text.replace("’", "'"), "")):
            continue
        table = dt.date.fromisoformat(h.value)
        # only the dates between the stops around it can share its sentence: a long text of many
        # listed holidays reads each one's sentence, not all the dates
        k = bisect.bisect_right(stops, h.start - 2)
        lo = stops[k - 1] if k else -1
        k = bisect.bisect_left(stops, h.end)
        hi = stops[k] + 2 if k < len(stops) else len(text)
        sentence = found[bisect.bisect_right(starts, lo):bisect.bisect_left(starts, hi)]
        if len(sentence) > _SIGHTED_MAX_DATES:
            continue  # a list or run-on text, not one holiday's report: the table's day stands
        days = {d.value[:10] for d in sentence if d is not h and d.value and _ISO_DAY.match(d.value)
                and _same_sentence(text, min(d.start, h.start), max(d.end, h.end))}
        near = {v for v in days if abs((dt.date.fromisoformat(v) - table).days) == 1}
        joined = [d.value[:10] for d in sentence if d.start >= h.end and d.value and d.value[:10] in near
                  and _HOLIDAY_ON.fullmatch(text, h.end, d.start)]
        if joined:  # "Eid al-Fitr will be celebrated on Monday, the committee said on Sunday"
            found[i] = DateMatch(h.start, h.end, h.text, joined[0])
        elif h.value not in days and len(near) == 1:
            found[i] = DateMatch(h.start, h.end, h.text, near.pop())


#: Where a sentence stop of `_SENTENCE_STOPS` starts.
_STOP_OR_LINE = re.compile(r"[.?!] |\n")
#: More dates than this in one holiday's sentence is no report of a sighting: each holiday read every date of
#: the sentence, so "Eid al-Fitr on Monday" repeated over 5,000 words with no full stop took 308 s (MO, RV30-M).
_SIGHTED_MAX_DATES = 32
#: A holiday said to fall on a day: "Eid on Monday", "Eid will be celebrated on Monday".
_HOLIDAY_ON = re.compile(r"(?: (?:was|is|will be|would be|is being|was being|falls|fell|will fall))?(?: [a-z]+ed)? on ")


@dataclass(frozen=True)
class _Holidays:
    pattern: re.Pattern[str] | None  # None when the list is empty
    rules: dict[str, str]  # name (apostrophes as "'") -> rule
    needs_preposition: frozenset[str]
    by_year: frozenset[str] = frozenset()  # periods valued by their year ("Ramadan")
    #: name -> [(rule, a pattern of the country's names)]: "Independence Day" is Pakistan's 14 August
    by_country: dict[str, list[tuple[str, re.Pattern[str]]]] = field(default_factory=dict)
    #: [(the month a fiscal year starts in, a pattern of the countries' names)]
    fiscal_year_starts: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    #: the places whose date lines write dashed dates month first (06-07-2025 is June 7)
    month_first_date_lines: re.Pattern[str] | None = None
    #: the words of a game's report ("scored", "halftime"): see `_game_period`
    game_words: re.Pattern[str] | None = None


@functools.lru_cache(maxsize=1)
def _holidays() -> _Holidays:
    """The holiday names of holidays.yaml as one pattern, read on first use."""
    from newsreader.extract.resources import _read_yaml

    data = _read_yaml("holidays.yaml")
    rules = {str(k).replace("’", "'"): str(v) for k, v in (data.get("days") or {}).items()}
    names = sorted((n for n in rules if n.strip()), key=len, reverse=True)
    fiscal_year_starts = _country_cues(data.get("fiscal_year_starts"))
    month_first = _country_cues({"": data.get("month_first_date_lines")})[0][1] if data.get("month_first_date_lines") else None
    game = _country_cues({"": [w for w in data.get("game_words") or () if isinstance(w, str)]})[0][1] \
        if data.get("game_words") else None
    if not names:
        return _Holidays(None, rules, frozenset(), fiscal_year_starts=fiscal_year_starts,
                         month_first_date_lines=month_first, game_words=game)
    alternation = _trie(names, lambda ch: "['’]" if ch == "'" else re.escape(ch))
    # Names first, with nothing before them: the regex engine then skips ahead to their
    # first letters (five times quicker than with a look-behind in front); a prefix tree, not
    # one name after another at each capital.
    pattern = re.compile(rf"(?P<name>{alternation})(?: (?P<year>{_YEAR}))?(?![\w-])")
    by_country = {str(name).replace("’", "'"): _country_cues(table)
                  for name, table in (data.get("by_country") or {}).items()}
    return _Holidays(pattern, rules, frozenset(str(n) for n in data.get("needs_preposition") or ()),
                     frozenset(str(n) for n in data.get("by_year") or ()), by_country, fiscal_year_starts, month_first,
                     game)


def _country_cues(table: dict | None) -> list[tuple[str, re.Pattern[str]]]:
    """{choice: [country names]} as (choice, a pattern of the names) pairs."""
    return [(str(choice), re.compile(r"(?<!\w)(?:" + "|".join(re.escape(str(w)) for w in cues) + r")(?!\w)"))
            for choice, cues in (table or {}).items()]


def _country_rule(h: _Holidays, name: str, text: str, start: int, end: int) -> str:
    """The rule of a holiday kept on other days by other countries (see `_by_country`), else
    the common rule."""
    return _by_country(h.by_country.get(name, []), text, start, end) or h.rules[name]


def _by_country(choices: list[tuple[str, re.Pattern[str]]], text: str, start: int, end: int) -> str | None:
    """The choice of the country that governs the phrase at text[start:end] ("Pakistan's
    Independence Day", "the fiscal year of Kenya"), else of the one its sentence names; when the
    sentence names countries of different choices ("India's envoy in Pakistan said the current
    fiscal year ..."), the article's date line ("ISLAMABAD:") decides, else the country nearest the
    phrase. With none in the sentence, the first country the article's top names."""
    if not choices:  # most holidays are kept on one day everywhere: no window to lower-case
        return None
    lo, hi = _sentence_bounds(text, start, end)
    sentence = text[lo:hi].lower()
    named = sorted(((min(abs(m.end() + lo - start), abs(m.start() + lo - end)), m.start() + lo, m.end() + lo, choice)
                    for choice, cues in choices for m in cues.finditer(sentence)))
    for _, cue_start, cue_end, choice in named:
        if cue_end <= start and _GOVERNS_AFTER.fullmatch(text, cue_end, start) \
                or cue_start >= end and _GOVERNED_BEFORE.fullmatch(text, end, cue_start):
            return choice
    if len({choice for *_, choice in named}) > 1:
        place = _date_line_place(text)
        return next((choice for choice, cues in choices if place and cues.search(place)), named[0][3])
    if named:
        return named[0][3]
    top = min(((m.start(), choice) for choice, cues in choices for m in cues.finditer(text[:300].lower())), default=None)
    return top[1] if top else None


#: A date line opening the article: "ISLAMABAD:", "NEW DELHI (Reuters) -", "KARACHI, Pakistan --".
_DATE_LINE = re.compile(r"\s*([A-Z][A-Z.'’ -]{2,40}?(?:, [A-Z][\w.'’ -]{1,40}?)?)\s*(?:\([^()]{1,30}\))?\s*(?::|—|–|-{1,2})\s")


def _date_line_place(text: str) -> str:
    """The place of the article's date line, lower-cased ("karachi, pakistan"); "" without one."""
    line = _DATE_LINE.match(text)
    return line.group(1).lower() if line else ""


#: Between a country and the phrase it governs: a possessive and a few modifiers ("Pakistan's current
#: fiscal year", "the Indian fiscal year"); after the phrase, "of"/"in"/"for" ("the fiscal year of Kenya").
_GOVERNS_AFTER = re.compile(r"(?:['’]s)?(?: (?:the|this|its|current|next|last|new|coming|previous|present|own))* ")
_GOVERNED_BEFORE = re.compile(r" (?:of|in|for) (?:the )?")


@functools.lru_cache(maxsize=1)
def holiday_names() -> frozenset[str]:
    """The names of holidays.yaml (apostrophes written "'"): days, never organisations."""
    return frozenset(_holidays().rules)


_LISTED_DAYS = re.compile(r"\d{4}-\d\d-\d\d(?: |$)")


def _holiday_day(rule: str, year: int) -> dt.date:
    """The day a holiday rule gives in a year ("12-25", "11 thursday 4 +1", "easter-2", or the
    first day listed in that year: "2024-04-10 2025-03-30 ..."; a year not listed is a ValueError)."""
    if _LISTED_DAYS.match(rule):
        listed = next((day for day in rule.split() if day.startswith(f"{year:04d}-")), None)
        if listed is None:
            raise ValueError(f"no day listed in {year}")
        return dt.date.fromisoformat(listed)
    if rule.startswith("easter"):
        return _easter(year) + dt.timedelta(days=int(rule[6:] or 0))
    if "-" in rule and " " not in rule:
        month, day = rule.split("-")
        return dt.date(year, int(month), int(day))
    month_s, weekday_s, nth_s, *shift = rule.split()
    month, weekday, nth = int(month_s), _WEEKDAYS[weekday_s.lower()], int(nth_s)
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        day = after - dt.timedelta(days=(after.weekday() - weekday) % 7 or 7)
    return day + dt.timedelta(days=int(shift[0]) if shift else 0)


def holiday_rule_problem(rule: str) -> str | None:
    """What is wrong with a holidays.yaml rule, or None. Checked as the file is read, so that a
    mistake in a user's file ("13-45", "hello") is one line naming the file: it was a holiday
    found with no value in every article that names it."""
    try:
        if _LISTED_DAYS.match(rule):
            for day in rule.split():
                dt.date.fromisoformat(day)
        else:
            _holiday_day(rule, 2024)  # (a leap year: "02-29" is a rule)
    except (ValueError, KeyError, IndexError, OverflowError):  # (OverflowError: "easter+99999999")
        return (f"`{rule}` is not a holiday rule (MM-DD, MM WEEKDAY N with N = -1 for the last, easter+N or "
                "easter-N, or days YYYY-MM-DD)")
    return None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _find_holidays(text: str, date: dt.date | None) -> list[DateMatch]:
    """Holidays named in the text ("Christmas Day", "on Thanksgiving"), with their day."""
    h = _holidays()
    found: list[DateMatch] = []
    if h.pattern is None:
        return found
    for m in h.pattern.finditer(text):
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        name = m.group("name").replace("’", "'")
        mod = _HOLIDAY_MOD.search(text, max(0, start - 5), start)
        if mod:
            start = mod.start()
        mod = mod.group(1).lower() if mod else ""
        if name in h.needs_preposition and not mod and not m.group("year") and \
                _prev_word(text, start) not in _HOLIDAY_PREPS \
                and not (_HOLIDAY_NUMBER_OR_DAY_BEFORE.search(text, max(0, start - 8), start)
                         and _HOLIDAY_PHRASE_ENDS.match(text, end)) and not (
                    (_HOLIDAY_NOUN_AFTER.match(text, end) or _HOLIDAY_TIME_VERB_AFTER.match(text, end))
                    and name != "May Day"  # also a distress call
                    and not _CAPITAL_BEFORE.search(text, max(0, start - 20), start)):
            continue
        rule = _country_rule(h, name, text, start, end)
        value: str | None = None
        try:
            if m.group("year") or (in_year := _HOLIDAY_IN_YEAR.match(text, end)):
                year_s = m.group("year") or in_year.group(1) or in_year.group(2)  # type: ignore[union-attr]
                value = _holiday_day(rule, int(year_s)).isoformat()
            elif date is not None:
                this = _holiday_day(rule, date.year)
                if mod == "last":
                    year = date.year if this < date else date.year - 1
                elif mod == "next":
                    year = date.year if this > date else date.year + 1
                elif mod == "this":
                    year = date.year
                else:
                    # a holiday is talked about for a season before it ("sales before Christmas" in October)
                    year = _year_for(this.month, this.day, date, text, start, end, ahead=90)
                value = _holiday_day(rule, year).isoformat()
            if value and name in h.by_year:
                value = value[:4]
        except (ValueError, KeyError, IndexError, OverflowError):
            value = None
        found.append(DateMatch(start, end, text[start:end], value))
    return found


def _count(word: str) -> int | float | None:
    """2 for "two", 25 for "twenty-five", 1.5 for "1.5", 2 for "a couple of", 100 for "a hundred", 0.5 for
    "half a", None for "several"."""
    word = word.lower()
    if word[0].isdigit():
        number = float(word)
        return int(number) if number.is_integer() else number
    if word == "a couple of":
        return 2
    if word in ("half a", "a half"):  # "half a century ago"
        return 0.5
    if word.endswith(" hundred"):  # "one hundred years ago"
        return _NUMBERS[word.partition(" ")[0]] * 100  # type: ignore[operator]
    if word in _TEENS:
        return _TEENS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_NUMBERS.get(unit) or 0 if unit else 0)
    return _NUMBERS.get(word)


def _in_weeks(count: int | float | None, unit: str) -> tuple[int | float | None, str]:
    """A count of fortnights (British and South Asian English) as one of weeks, which TIMEX3 has."""
    if unit.lower().startswith("fortnight"):
        return (None if count is None else count * 2), "week"
    return count, unit


def _duration(count: int | float | None, unit: str) -> str:
    """TIMEX3 duration value: P9D, P2Y, PT30M, P10Y for a decade, PXY when uncounted."""
    count, unit = _in_weeks(count, unit)
    code = _DUR_CODE[unit.lower().rstrip("s")]
    if code in ("DE", "CE"):  # decades and centuries in years, as annotators write them
        factor = 10 if code == "DE" else 100
        return f"P{count * factor:g}Y" if count is not None else f"PX{code}"
    amount = "X" if count is None else f"{count:g}"
    return f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"


#: Parts of the day in TIMEX3 ("Tuesday night" -> 2025-06-10TNI).
_PART_CODES = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
               "tonight": "TNI"}


def _part_of_day(lower: str) -> str:
    last = lower.split()[-1].rpartition("-")[2]  # "mid-morning"
    return _PART_CODES.get(last, "")


def _season_year(season: str, ref: dt.date, text: str, start: int, end: int) -> int:
    """An unqualified season: this year's if it has begun, else last year's, unless the
    sentence is about the future."""
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if _future_context(text, start, end):
        return ref.year if first_month + 2 >= ref.month or season == "WI" else ref.year + 1  # "in the fall", in October
    return ref.year if first_month <= ref.month + 1 else ref.year - 1


def _period_a_year_back(lower: str, anchors: _Anchors, text: str, start: int) -> str | None:
    """ "Third-quarter sales rose 5% from a year earlier": a count of years back from a quarter,
    half or month named earlier in the sentence is that period in the earlier year; so is one
    opening the sentence after the period's ("... a third-quarter loss. A year earlier, it had
    earned $1.1 billion")."""
    m = re.search(r"(?<![\w-])(a|one|two|three) years? (?:ago|earlier)$", lower)
    if not m or not (anchors.period_in_sentence(text, start) or anchors.period is not None and anchors.period[2][:2] in ("-Q", "-H") and text[start - 2:start] == ". "
                     and text[anchors.period_end:start].count(". ") == 1 and "\n" not in text[anchors.period_end:start]
                     or _base_of_change_after(anchors, text, start)):
        return None
    return anchors.period_years_back(_NUMBERS[m.group(1)])


def _base_of_change_after(anchors: _Anchors, text: str, start: int) -> bool:
    """ "GM lost $6 billion in the first quarter. Revenue fell 47 percent from a year earlier":
    the base of a change in the sentence after a quarter, half or month is that period a year
    back, when nothing else was named since it (not "... in October. For the year, sales are
    down 20 percent from a year earlier")."""
    return anchors.period is not None and _sentence_before(text, anchors.period_end, start) \
        and max(anchors.day_end, anchors.year_end, anchors.month_end) <= anchors.period_end \
        and _CHANGE_FROM.search(text, max(0, start - 60), start) is not None


def _counted(span: str) -> tuple[int | float | None, str]:
    """The count and unit of "two years ago", "a year ago today": (2, "year"), fortnights as weeks."""
    m = _AGO.search(span)
    assert m is not None
    return _in_weeks(_count(m.group(1)), m.group(2).lower().rstrip("s"))


def _ago(span: str, anchors: _Anchors) -> tuple[str | None, dt.date | None]:
    """ "two years ago" (from the article's date), "three days later" (from the last date
    named): the day, week, month or year counted back or forward."""
    count, unit = _counted(span)
    if unit in ("century", "centurie", "decade") and count is not None and (unit != "decade" or isinstance(count, float)):
        count, unit = count * (10 if unit == "decade" else 100), "year"  # "half a century ago": 50 years
        count = int(count) if float(count).is_integer() else count
    back = span.lower().endswith(("ago", "earlier", "before", "back"))
    if count is None or isinstance(count, float):  # "a few days later": some time after
        return ("PAST_REF" if back else "FUTURE_REF"), None
    sign = -1 if back else 1
    if unit in ("day", "week"):
        if anchors.day is None:
            return None, None
        day = anchors.day + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))
        return (day.isoformat(), day) if unit == "day" else (_week(day), None)
    if unit == "month":
        if anchors.month is None:
            return None, None
        return _month(*_shift_month(*anchors.month, sign * count)), None
    if unit == "quarter":  # "a quarter earlier": from the quarter named last, else the month's
        if (named := anchors.quarter()) is not None:
            prefix, year, quarter = named
        elif anchors.month is not None:
            prefix, year, quarter = "", anchors.month[0], (anchors.month[1] - 1) // 3 + 1
        else:
            return None, None
        return _shift_quarter(prefix, year, quarter, sign * count), None
    if anchors.year is None:
        return None, None
    return f"{anchors.year + sign * count * (10 if unit == 'decade' else 1):04d}", None


_DOT_BEFORE_DAY = re.compile(r"\.(?=[0-9])")  # "Dec.14"
#: The word before "season" -> the season's value ("last season", "the previous season": PAST_REF).
_SPORT_SEASONS = {"this": "PRESENT_REF", "current": "PRESENT_REF", "last": "PAST_REF", "past": "PAST_REF",
                  "previous": "PAST_REF", "prior": "PAST_REF", "next": "FUTURE_REF"}


#: Every date of three numbers written with dashes or slashes (the first two read as day/month).
_DASHED_DATES = re.compile(r"(?<![\w-])([0-3]?[0-9])-([0-3]?[0-9])-(?:1[89]|20)[0-9]{2}(?![\w-])")
_SLASHED_DATES = re.compile(r"(?<![\w/.])([0-3]?[0-9])/([0-3]?[0-9])/(?:[0-9]{4}|[0-9]{2})(?![\w/])")


def _month_first(text: str, dates: re.Pattern[str], otherwise: bool) -> bool:
    """Does the article write its dates of this kind month first? Yes when one of them must be
    (06-13-2025: no month 13) and none must be day first; no in the opposite case; else `otherwise`."""
    order = _dates_order(text, dates)
    return otherwise if order is None else order


@functools.lru_cache(maxsize=8)
def _dates_order(text: str, dates: re.Pattern[str]) -> bool | None:
    """`_month_first` without a default (None: no date of the kind settles it). Cached: every
    date of the article asks, and a page of thousands of them (a table) must not read the whole
    text once per date."""
    day_first = month_first = False
    for m in dates.finditer(text):
        day_first |= int(m.group(1)) > 12
        month_first |= int(m.group(2)) > 12
    return None if day_first == month_first else month_first


def _order_by_date(year: int, first: int, second: int, ref: dt.date | None) -> bool | None:
    """Month first (True) or day first (False) when only one reading of first/second/year is
    within a day of the article's date ("11/09/2010" on a page of 11 September 2010: its date
    line); None when both or neither are."""
    if ref is None:
        return None
    near = [abs((dt.date(year, m, d) - ref).days) <= 1 for m, d in ((first, second), (second, first))]
    return near[0] if near[0] != near[1] else None


_DAY_MONTH_WRITTEN = re.compile(rf"(?<![\w.,/-])(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)? (?:of )?{_MONTH}\b")
_MONTH_DAY_WRITTEN = re.compile(rf"\b{_MONTH}\.? (?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w.,:]\d|\d)")


@functools.lru_cache(maxsize=8)
def _written_order(text: str) -> bool | None:
    """Does the article write its days with month names month first ("November 9", True) or day
    first ("9 November", False)? None when it writes neither, or both."""
    day_first = _DAY_MONTH_WRITTEN.search(text) is not None
    month_first = _MONTH_DAY_WRITTEN.search(text) is not None
    return None if day_first == month_first else month_first


def _month_first_line(text: str) -> bool:
    """Does the article's date line name a place that writes dates month first ("WASHINGTON:")?"""
    place = _date_line_place(text)
    cues = _holidays().month_first_date_lines
    return bool(place) and cues is not None and cues.search(place) is not None


def _resolve(kind: str, span: str, ref: dt.date | None, anchors: _Anchors, text: str,
             start: int, end: int, prev: str) -> tuple[str | None, dt.date | None]:
    """The TIMEX3 value of one match, and the calendar day it names (if it names one); `prev` is
    the word before it (`_prev_word`), which find_dates has already read."""
    words = span.replace(",", " ").split()
    lower = span.lower()
    anchor = anchors.day
    if kind == "dur":
        m = _DUR.search(span)
        assert m is not None
        return _duration(_count(m.group(1)), m.group(2)), None
    if kind == "halfdur":
        before_and = lower.split().index("and") - 1 if " and " in lower else 0
        if lower.endswith("and a half"):  # "a year and a half"
            unit, count = words[before_and], 1
        elif " and " in lower:  # "two and a half years"
            unit, count = words[-1], _count(words[before_and])
        else:  # "half an hour"
            return {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y"}[words[-1].lower()], None
        return (_duration(count + 0.5, unit) if count is not None else None), None  # type: ignore[operator]
    if kind in ("pxdur", "bareunits"):
        return _duration(None, words[-2] if words[-1].lower() == "ahead" else words[-1]), None
    if kind == "months" and words[2].lower() not in ("three", "3", "six", "6"):
        return _duration(_count(words[2]), "months"), None
    if kind == "months" and (ref is not None or _FOUR_DIGITS.search(span)):
        first = words[1].lower() == "first"
        part = ("Q1" if first else "Q4") if words[2].lower() in ("three", "3") else ("H1" if first else "H2")
        year = _stated_year(" ".join(words[4:]), ref or dt.date.min)
        return f"{'FY' if 'fiscal' in lower else ''}{year}-{part}", None
    if kind == "pastunit":
        return _duration(1, words[-1]), None
    if kind == "pastref":
        return "PAST_REF", None
    if kind == "adjdur":
        count, _, unit = span.rpartition("-")
        return _duration(_count(count), unit), None
    if kind == "sameperiod" and words[2].lower() in ("day", "week"):  # "the same day last year"
        if anchor is None:
            return None, None
        if words[2].lower() == "week":
            year, week, _ = anchor.isocalendar()
            return f"{year - 1}-W{week:02d}", None
        day = _years_back(anchor, 1)
        return day.isoformat(), day
    if kind == "sameperiod" and (stated := re.search(r"\d{4}$", span)):  # "the same period of 2004"
        year = int(stated.group())
        if words[2].lower() == "month" and anchors.month:
            return _month(year, anchors.month[1]), None
        if anchors.period is not None and (words[2].lower() != "quarter" or anchors.period[2][1] == "Q") \
                and _near_before(text, anchors.period_end, start):
            return f"{anchors.period[0]}{year:04d}{anchors.period[2]}", None
        return f"{year:04d}", None
    if kind == "sameperiod":
        if words[2].lower() == "month" and anchors.month and (anchors.period is None or anchors.period[2][1] in "QH"):
            return _month(anchors.month[0] - 1, anchors.month[1]), None  # "the same month last year"
        if words[2].lower() == "quarter" and anchors.period is not None and anchors.period[2][1] not in "QH":
            # "profit in September fell from the year-earlier quarter": a quarter, not the month
            return f"{anchors.period[0]}{anchors.period[1] - 1:04d}-Q{(int(anchors.period[2][1:]) - 1) // 3 + 1}", None
        if anchors.period is not None:
            return anchors.period_years_back(1), None
        if words[2].lower() == "quarter" and anchors.month and (ref is None or anchors.month != (ref.year, ref.month)):
            # "the three months ended Sept. 30 ... the year-earlier quarter": the named month's quarter
            return f"{anchors.month[0] - 1:04d}-Q{(anchors.month[1] - 1) // 3 + 1}", None
        return (f"{anchors.year - 1:04d}" if anchors.year else None), None
    if kind == "vague" and lower.endswith(("in the day", "rest of the day")):
        return (anchor.isoformat() if anchor else None), anchor
    if kind == "fiscal":
        if years := _fiscal_years(span):
            return f"FY{years[1]:04d}", None  # "FY2025-26": the year it ends in
        if ref is None:
            return None, None
        year = _stated_year(lower.replace('the last', 'last').replace('previous', 'last').replace('the new', 'next'), ref)
        first = _by_country(_holidays().fiscal_year_starts, text, start, end) if "new" not in lower else None
        if first is not None and ref.month >= int(first) > 1:
            year += 1  # "the current fiscal year" in Pakistan in November 2025: July 2025 to June 2026
        return f"FY{year}", None
    if kind == "season" and (stated := _FOUR_DIGITS.search(span)):
        season = next(_SEASONS[w] for w in lower.split() if w in _SEASONS)
        return f"{stated.group()}-{season}", None
    if kind == "thistime" and len(span) > 9:  # "this time last year": as "the same time last year"
        return _resolve("sameperiod", span, ref, anchors, text, start, end, prev)
    if kind == "thistime":
        return "PRESENT_REF", None
    if kind == "newyear":
        # TIMEX3 dates "the new year" as the year the text means: the coming one where it looks ahead
        # or says nothing of its time ("will cut jobs in the new year", "the law takes effect in the
        # new year"), whatever the month; the year begun after "since", in a clause that reports in
        # the past ("sales slowed in the new year"), and in January and February, when the year just
        # begun is still the new one ("hiring should pick up early in the new year")
        if ref is None:
            return None, None
        begun = prev == "since" or ref.month <= 2 or (
            not _future_context(text, start, end) and _past_clause(text, start, end))
        return f"{ref.year + (not begun):04d}", None
    if kind == "sportseason":  # "this season", "this past season", "the previous season"
        return _SPORT_SEASONS[words[-2].lower()], None
    if kind == "yearrange" and (years := _fiscal_years(span)) and years[1] == years[0] + 1 and (
            _FISCAL_CONTEXT.search(_sentence_around(text, start, end))
            or _by_country(_holidays().fiscal_year_starts, text, start, end) not in (None, "1")):
        return f"FY{years[1]}", None  # "India's fiscal deficit for 2017-18", "ISLAMABAD: exports rose in 2024-25"
    if kind in ("seasonyears", "yearrange"):
        return span[:4], None
    if kind == "nthunit":
        if words[-1].lower() == "day" and (on := _WEEKDAY_AFTER.match(text, end)):
            # "fell for a second straight day on Friday" (written on Saturday): that Friday
            return _resolve("weekday", on.group(1), ref, anchors, text, on.start(1), on.end(1), "on")
        if words[-1].lower() in ("month", "year") and (named := _PERIOD_AFTER.match(text, end)) \
                and (named.group("month") is not None) == (words[-1].lower() == "month"):
            # "rose for a 12th straight month in August": that August, not the article's month
            if named.group("year"):
                return named.group("year"), None
            if named.group("monthyear"):
                return _month(int(named.group("monthyear")), _month_of(named.group("month"))), None
            return _resolve("barmonth", named.group("month"), ref, anchors, text, named.start("month"),
                            named.end("month"), "in")
        return _resolve("theunit", "the " + words[-1], ref, anchors, text, start, end, prev)
    if kind == "decadeword":
        return f"19{_DECADE_WORDS[words[-1].rpartition('-')[2]]}", None
    if kind == "edgeday":
        return _edge_day(lower, ref, text, start, end)
    if kind == "nthweekday":
        return _nth_weekday(lower, ref, text, start, end)
    if kind == "possperiod":
        if lower.startswith("the year"):  # "the year's first half": "the first half of the year"
            span = f"the {span[11:]} of the year"
        return _resolve("half" if lower.endswith("half") else "quarter", span, ref, anchors, text, start, end, prev)
    if kind == "quarter" and (ref is not None or re.search(r"\d{4}|\dq ?\d\d|fy ?\d\d", lower)
                              or anchors.year is not None and lower.endswith("the year")):
        head = lower.replace("-", " ").partition("quarter")[0].split()  # the ordinal nearest "quarter"
        ordinal = next((w for w in reversed(head) if w in _ORDINALS), None)
        q_match = re.search(r"q([1-4])|([1-4])q", lower)
        q = int(q_match.group(1) or q_match.group(2)) if q_match else _ORDINALS.get(ordinal or "")
        if q is None and ordinal == "last" and " of " in lower:  # "the last quarter of 2024"
            q = 4
        if q is None:
            return None, None
        fiscal = "fiscal" in lower or "fy" in lower
        year = _fy_year(lower) or _short_year(lower) or _stated_year(span, ref or dt.date.min)
        if lower.endswith(" of the new year"):  # "the first quarter of the new year": as "the new year" reads
            value = _resolve("newyear", span[-12:], ref, anchors, text, end - 12, end, "of")[0]
            return (f"{'FY' if fiscal else ''}{value}-Q{q}" if value else None), None
        if not fiscal and (lower.endswith("the year") or not re.search(r"\d|year", lower)):
            year = _year_of_period(lower, 3 * q - 2, 3, ref, anchors, text, start, end) or year
        return f"{'FY' if fiscal else ''}{year}-Q{q}", None
    if kind == "century":
        ordinal = re.search(r"(\d+)|nineteenth|twentieth|twenty-first", lower)
        assert ordinal is not None
        words_of = {"nineteenth": 19, "twentieth": 20}
        number = int(ordinal.group(1)) if ordinal.group(1) else words_of.get(ordinal.group(), 21)
        return f"{number - 1:02d}", None
    if kind == "partof":  # "the night of Sept. 13": the day, then its part
        _, _, inner = span.partition(" of ")
        inner_start = start + span.index(" of ") + 4
        inner_kind = "weekday" if inner.rstrip(".").lower() in _WEEKDAYS else ("dmy" if inner[0].isdigit() else "mdy")
        value, day = _resolve(inner_kind, inner, ref, anchors, text, inner_start, end, "of")
        return (value + _part_of_day(words[1].lower()) if value else None), day
    if kind == "weekof" and words[1].lower() in ("week", "weekend"):  # "the week of June 9"
        value, day = _resolve("mdy", " ".join(words[3:]), ref, anchors, text, start, end, prev)
        if day is None:
            return None, None
        return _week(day) + ("-WE" if words[1].lower() == "weekend" else ""), None
    if kind == "weekof" and (ref is not None or _FOUR_DIGITS.search(span)):
        month = _month_of(words[4])
        stated = _FOUR_DIGITS.search(span)
        year = int(stated.group()) if stated else \
            _year_for(month, None, ref, text, start, end)  # type: ignore[arg-type]
        nth = words[1].lower()
        if nth in ("last", "final"):
            day = _month_end(year, month) - dt.timedelta(days=3)
        else:
            day = dt.date(year, month, 4 + 7 * ("first second third fourth".split().index(nth)))
        return _week(day), None
    if kind in ("iso", "stamp"):
        day = dt.date.fromisoformat(span.replace("/", "-").replace(".", "-"))
        return day.isoformat(), day
    if kind in ("mdy", "dmy"):
        words = [w for w in _DOT_BEFORE_DAY.sub(" ", span.replace(",", " ")).split() if w.lower().rstrip(".") not in _WEEKDAY_WORDS and w.lower() not in ("the", "of")]
        if kind == "mdy":
            month, day_n = _month_of(words[0]), int(_NON_DIGITS.sub("", _DASHES.split(words[1])[0]))
        else:
            day_n, month = int(_NON_DIGITS.sub("", _DASHES.split(words[0])[0])), _month_of(words[1])
        year_words = [w for w in words if _YEAR_WORD.fullmatch(w)]
        if year_words:
            year = int(year_words[0])
        elif kind == "dmy" and len(words) == 3 and len(words[2]) == 2 and words[2].isdigit():  # "10 Nov 11"
            year = 2000 + int(words[2])
        elif lower.endswith(" year"):  # "December 15 of this year"
            if ref is None:
                return None, None
            year = _stated_year(" ".join(words[2:]), ref)
        elif (month, day_n) == (9, 11) and _ATTACKS_AFTER.match(text, end):  # "the Sept. 11 attacks"
            year = 2001
        elif ref is not None and prev in ("this", "last", "next") and kind == "mdy":  # "last August 2nd": the month's rule
            past, ahead = (month, day_n) < (ref.month, ref.day), (month, day_n) > (ref.month, ref.day)
            year = ref.year + {"last": 0 if past else -1, "next": 0 if ahead else 1}.get(prev, 0)
            step = {"last": -1, "next": 1}.get(prev, 0) if (month, day_n) == (2, 29) else 0
            while step and (year % 4 or year % 100 == 0 and year % 400):  # not a leap year
                year += step  # "last Feb. 29": the last one there was
        elif (month, day_n) in anchors.stated:  # the same day written with its year before
            year = anchors.stated[(month, day_n)]
        elif month in anchors.stated_month and not _future_context(text, start, end) \
                and not _within_a_week_before(ref, month, day_n):
            year = anchors.stated_month[month]  # "the slaying in June 2005 ... killed on June 24"
        elif (framed := anchors.frame_year(text, start)) is not None:  # "In 1987, ... on October 19"
            year = framed
        elif shared := _YEAR_AFTER_DAY.match(text, end):  # "September 14 and 18, 2010"
            year = int(shared.group(1))
        elif ref is not None:
            year = _year_for(month, day_n, ref, text, start, end)
            named = next((_WEEKDAY_WORDS[w] for w in lower.replace(",", " ").replace(".", " ").split()
                          if w in _WEEKDAY_WORDS), None)
            if named is not None:
                year = _year_with_weekday(year, month, day_n, named, ref)
        else:
            return None, None
        day = dt.date(year, month, day_n)
        return day.isoformat(), day
    if kind == "my":
        year = int(words[-1])
        month = _month_of((words[-3] if words[-2] == "of" else words[-2]).rpartition("-")[2])
        return _month(year, month), None
    if kind in ("dotted", "dashed"):  # 12.03.2008, 13-06-2025: day first (month first only if it must be)
        day_n, month, year = (int(x) for x in re.split("[.-]", span))
        if month > 12 or kind == "dashed" and day_n <= 12 and _month_first(text, _DASHED_DATES, _month_first_line(text)):
            day_n, month = month, day_n  # 06-13-2025; or 06-07-2025 in an article that writes 06-13-2025
        day = dt.date(year, month, day_n)
        return day.isoformat(), day
    if kind == "year":
        return _FOUR_DIGITS.search(span).group(), None  # type: ignore[union-attr]
    if kind == "decade":
        digits = re.search(r"(\d+)0['’]?s", span).group(1)  # type: ignore[union-attr]
        if len(digits) == 1:
            digits = ("19" if int(digits) >= 3 else "20") + digits
        elif digits.endswith("0") and int(digits) < 200 and not (
                _DECADE_AFTER.match(text, end) or _DECADE_BEFORE.search(text, max(0, start - 24), start)):
            # "the 1800s", "the early 1900s": a century (TIMEX3 "18"), not its first decade; but
            # the decade beside decades ("the 1900s and 1910s", "from the 1890s to the 1900s")
            return digits[:2], None
        return digits, None
    if kind == "nineeleven":
        return "2001-09-11", dt.date(2001, 9, 11)
    if kind == "numeric":
        # 7/8/07: month first (the American order) unless the first number can't be a month, or
        # the article's other such dates are day first (13/06/2025 beside 06/07/2025).
        first, second, year_text = (int(x) for x in span.split("/"))
        year = year_text
        if len(span.split("/")[2]) == 2:
            pivot = (ref.year if ref else dt.date.today().year) % 100 + 10
            year = 2000 + year_text if year_text <= pivot else 1900 + year_text
        order = _dates_order(text, _SLASHED_DATES)
        if order is None and first <= 12 and second <= 12 and first != second:  # no slashed date settles it
            order = _order_by_date(year, first, second, ref)
            order = order if order is not None else _written_order(text) is not False
        month_first = first <= 12 and (second > 12 or order is not False)
        month, day_n = (first, second) if month_first else (second, first)
        day = dt.date(year, month, day_n)
        return day.isoformat(), day
    if kind == "vague":
        if lower in ("now", "these days", "nowadays", "the moment", "present") or lower.endswith(" now"):
            return "PRESENT_REF", None
        if lower == "the past":
            return "PAST_REF", None
        if "future" in lower or lower == "the near term":
            return "FUTURE_REF", None
        if "currently" in lower:
            return "PRESENT_REF", None
        if "recently" in lower or lower == "lately":
            return "PAST_REF", None
    if kind == "half" and (fy := _fy_year(lower)):  # "H1 FY25"
        return f"FY{fy}-H{1 if lower.startswith('h1') else 2}", None
    if kind == "half" and (ref is not None or re.search(r"\d{4}|\dh ?\d\d", lower)
                           or anchors.year is not None and lower.endswith("the year")  # "the first half of 2008"
                           or anchors.period_in_sentence(text, start, "-H")):
        half = 1 if ("first" in lower or "1st" in lower or "h1" in lower or "1h" in lower) else 2
        year = _short_year(lower) or _stated_year(span, ref or dt.date.min)
        if not re.search(r"\d|year", lower) and anchors.period_in_sentence(text, start, "-H"):
            return f"{anchors.period[0]}{anchors.period[1]}-H{half}", None  # type: ignore[index]
        if lower.endswith("the year") or not re.search(r"\d|year", lower):
            year = _year_of_period(lower, 6 * half - 5, 6, ref, anchors, text, start, end) or year
        return f"{year}-H{half}", None
    if kind == "nextday" and lower in ("the day after", "the day before") and _CLAUSE_SUBJECT_AFTER.match(text, end):
        return None, None  # "bought a shotgun the day after he lost his job": from a day not named
    if kind == "nextday":  # counted from the last day named, else the article's
        if anchor is None or anchors.month_end > anchors.day_end and _same_sentence(text, anchors.month_end, start) \
                and not (anchors.day_end >= 0 and _same_sentence(text, anchors.day_end, start)):
            # "the March 2005 rampage, which ended with his capture the next day": no day to count from;
            # a day its sentence named still is one ("arrested on Friday, after the March vote, and freed the next day")
            return None, None
        delta = 0 if ("same" in lower or "that" in lower) else (
            1 if ("next" in lower or "following" in lower or "after" in lower) else -1)
        if not delta and _part_of_day(lower):
            anchor = _day_of_a_part(anchors, ref, text, start)  # "that night": not a day named pages back
            if anchor is None:
                return None, None
        day = anchor + dt.timedelta(days=delta)
        while delta and day.weekday() > 4 and _WORKING_DAY.search(lower):
            day += dt.timedelta(days=delta)  # "the previous trading day" before a Monday: the Friday
        if _past_after_article(day, ref, text, start, end):
            return None, None  # "the fire broke out and she died the next day": from a day not named
        return day.isoformat() + _part_of_day(lower), day
    if kind == "daypart":  # "in afternoon trading": the day last named (the article's), its part
        anchor = _day_of_a_part(anchors, ref, text, start)
        return ((anchor.isoformat() + _part_of_day(words[-1].lower())) if anchor else None), None
    if kind == "monthquarter":
        month_word = words[1].rpartition("-")[2].rpartition("–")[2].rstrip(".").lower()  # "the April-June quarter"
        if month_word in _MONTHS:  # "the March quarter": the quarter that ends in March
            if ref is None:
                return None, None
            month = _MONTHS[month_word]
            year = ref.year if month <= ref.month + 1 else ref.year - 1
            return f"{year}-Q{(month - 1) // 3 + 1}", None
        if anchors.quarter():
            return anchors.period_value(), None
        if ref is None:
            return None, None
        q = (ref.month - 1) // 3 - 1  # the last quarter closed before the article
        return f"{ref.year + q // 4}-Q{q % 4 + 1}", None
    if kind == "theunit":
        unit = words[-1].lower()
        if unit == "day":
            if anchors.day_end >= 0 and _same_sentence(text, anchors.day_end, start) and _in_aside(text, anchors.day_end, start):
                # "Stocks fell on Tuesday. Japan's Nikkei, which was closed for a holiday on Monday,
                # ended the day down 5 percent": the day of the clause around the aside (Tuesday)
                anchor = anchors.day_before
            return (anchor.isoformat() if anchor else None), None
        if unit == "period":
            return anchors.period_value(), None
        if unit == "quarter":
            if anchors.quarter():
                return anchors.period_value(), None
            if ref is None:
                return None, None
            q = (ref.month - 1) // 3 - ((ref.month - 1) % 3 < 2 and (_reports_past(text, start, end, prev)
                                                                    or _RESULTS_FOR.search(text, max(0, start - _RESULTS_FOR_REACH), start)
                                                                    is not None))
            return f"{ref.year + q // 4}-Q{q % 4 + 1}", None  # "GM lost $2.5 billion in the quarter" in October: Q3
        if unit in ("year", "decade"):
            if ref is not None and anchors.year_end >= 0 and not _near_before(text, anchors.year_end, start):
                year = ref.year  # "relives the year's greatest films": a year named far back is not it
            elif (year := anchors.year) is None:
                return None, None
            if ref is not None and year == ref.year and ref.month <= 2 and not anchors.year_stated \
                    and _reports_past(text, start, end, prev):
                year -= 1  # "Sales for the year fell 22%" in January: the year just ended
            if unit == "decade":  # "the Dow ended the decade with a loss" (on January 2, 2010: the 2000s)
                return f"{year // 10:03d}", None
            return f"{year:04d}", None
        if unit == "month":
            if (reported := anchors.reported_month(text, start)) is not None:
                return _month(*reported), None
            if anchor is not None and anchors.month == (anchor.year, anchor.month) and anchor.day <= 7 \
                    and _FIGURES.search(_sentence_around(text, start, end)) and _reports_past(text, start, end, prev):
                # "Chrysler said on Thursday that its sales rose 10 percent for the month" (November
                # 1): a month's figures come out in the first days of the next, so the month before
                return _month(*_shift_month(anchor.year, anchor.month, -1)), None
            return (_month(*anchors.month) if anchors.month else None), None
        return (_week(anchor) if anchor else None), None
    if kind == "thatunit" and lower.endswith(("earlier", "before")):  # "the year before"
        unit = words[1].lower()
        if unit == "year":
            return (f"{anchors.year - 1:04d}" if anchors.year else None), None
        if unit == "month":
            return (_month(*_shift_month(*anchors.month, -1)) if anchors.month else None), None
        return (_week(anchor - dt.timedelta(weeks=1)) if anchor else None), None
    if kind == "thatunit":  # "that year", "later that month": the last one named
        unit = words[-1].lower()
        if unit == "year":
            return (f"{anchors.year:04d}" if anchors.year else None), None
        if unit == "month":
            return (_month(*anchors.month) if anchors.month else None), None
        return (_week(anchor) if anchor else None), None
    if kind == "ago" and (shifted := _period_a_year_back(lower, anchors, text, start)):
        return shifted, None
    if kind == "ago" and lower.endswith(" ago today"):  # "a year ago today": the article's day, that far back
        return _ago_today(lower, ref)
    if kind == "ago" and not lower.endswith((" ago", " now", " today")):  # "two weeks from now": the article's
        value, day = _ago(span, anchors)
        return (None, None) if day is not None and _past_after_article(day, ref, text, start, end) else (value, day)
    if kind == "relunit" and "prior" in lower:
        lower = lower.replace("prior", "previous")
    if kind == "relunit" and lower.startswith("the next ") and not _future_context(text, start, end):
        lower = lower.replace("next", "following")  # "in 2005 ... the next year": 2006
    if kind == "relunit" and ("following" in lower or "previous" in lower):
        # "the following year" continues the story: from the last year, month or day named
        unit, delta = words[-1].lower(), (1 if "following" in lower else -1)
        if unit == "decade" and anchors.year:
            return f"{anchors.year // 10 + delta:03d}", None
        if unit == "year" and anchors.year:
            return f"{anchors.year + delta:04d}", None
        if unit == "month" and anchors.month:
            return _month(*_shift_month(*anchors.month, delta)), None
        if unit == "week" and anchors.week:
            return _week(anchors.week + dt.timedelta(weeks=delta)), None
        if unit == "quarter" and (named := anchors.quarter()):
            # "sales rose in the third quarter from the previous quarter": from the one named
            return _shift_quarter(*named, delta), None
    if kind == "weekday" and lower.startswith(("the previous ", "the following ", "the next ")):
        # "the following Monday": counted from the last day named, not from the article's
        if anchor is None:
            return None, None
        target = _WEEKDAYS[words[2].lower()]
        if words[1].lower() == "previous":
            day = anchor - dt.timedelta(days=(anchor.weekday() - target) % 7 or 7)
        else:
            day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
        return day.isoformat() + _part_of_day(lower), day
    if kind == "barmonth" and (shared := _YEAR_AFTER_MONTH.match(text, end)) and (
            shared.group(1) or ref is not None):  # "May and June 2011", "April to November last year"
        year = int(shared.group(1)) if shared.group(1) else _stated_year(shared.group(2), ref)  # type: ignore[arg-type]
        return _month(year, _month_of(span)), None
    if kind == "barmonth" and prev not in ("since", "last", "next", "this") \
            and (framed := anchors.frame_year(text, start)) is not None:
        return _month(framed, _month_of(span)), None
    if kind == "barmonth" and (fiscal_end := _FISCAL_ENDS_BEFORE.search(text, max(0, start - 48), start)):
        return _month(int(fiscal_end.group(1)), _month_of(span)), None
    if ref is None:
        return None, None
    if kind == "vague":  # "the beginning of the year", "the end of the month"
        # "Sales fell in October ... supply at the end of the month": the month (year) the text
        # named in this sentence or the one before, not the article's, unless the clause looks ahead
        if "month" in lower and anchors.month and anchors.month != (ref.year, ref.month) and "rest" not in lower \
                and _near_before(text, max(anchors.month_end, anchors.day_end), start) \
                and not _future_context(text, start, end):
            return _month(*anchors.month), None
        if lower.endswith("year") and anchors.year != ref.year and anchors.year_end >= 0 and "rest" not in lower \
                and _near_before(text, anchors.year_end, start) and not _future_context(text, start, end):
            return f"{anchors.year:04d}", None
        if lower.endswith("decade"):
            return f"{ref.year // 10:03d}", None
        if "quarter" in lower:  # "the end of the quarter", "quarter-end"
            return f"{ref.year}-Q{(ref.month - 1) // 3 + 1}", None
        if "month" in lower:
            return _month(ref.year, ref.month), None
        if lower.endswith("week"):
            return _week(ref), None
        return f"{ref.year:04d}", None
    if kind == "monthrel":  # "September this year", "December of last year"
        return _month(_stated_year(" ".join(words[1:]), ref), _month_of(words[0])), None
    if kind == "monthend":
        return _resolve("relmonth", "end-" + span[:-4], ref, anchors, text, start, end, prev)
    if kind == "relmonth":
        month = _month_of(words[-1].rpartition("-")[2])
        mod = lower.split()[0].split("-")[0]
        if mod == "last":
            year = ref.year if month < ref.month else ref.year - 1
        elif mod == "next":
            year = ref.year if month > ref.month else ref.year + 1
        elif mod in ("this", "earlier", "later"):
            year = ref.year
        else:  # "early May", "the end of May": by the tense, as a month alone
            year = _year_for(month, None, ref, text, start, end)
        return _month(year, month), None
    if kind == "barmonth":
        month = _month_of(span)
        # "since April" reads the word just before the month; not "could last until April"
        if prev in ("last", "since") or _PERIOD_TO.search(text, max(0, start - 20), start):
            year = ref.year if month <= ref.month else ref.year - 1
        elif prev in ("next", "until", "till"):
            year = ref.year if month >= ref.month else ref.year + 1
        elif _labels_data(text, start, end):
            year = _data_month_year(month, ref, _future_context(text, start, end))
        elif prev == "from" and _CHANGE_FROM.search(text, max(0, start - 60), start) and not _RANGE_AFTER.match(text, end):
            year = ref.year if month <= ref.month else ref.year - 1
        elif _PERIOD_ENDING.search(text, max(0, start - 24), start) and _OUTLOOK.search(_sentence_around(text, start, end)):
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = _year_for(month, None, ref, text, start, end)
        return _month(year, month), None
    if kind == "weekday":
        if words[0].lower() in ("early", "late", "earlier", "later"):  # "late Friday": the same day
            words = words[1:]
        if lower.endswith(" week"):  # "Thursday last week", "Monday of next week": that week's day
            at = next(i for i, w in enumerate(words) if w.lower() in _WEEKDAYS)  # "the following Monday next week"
            delta = {"last": -1, "this": 0, "next": 1}[words[-2].lower()]
            day = ref + dt.timedelta(weeks=delta, days=_WEEKDAYS[words[at].lower()] - ref.weekday())
            return day.isoformat() + _PART_CODES.get(words[at + 1].lower(), ""), day  # "Thursday morning last week"
        day_words = [w.lower().rstrip(".") for w in words]
        target = next(_WEEKDAY_WORDS[w] for w in day_words if w in _WEEKDAY_WORDS)
        mod = day_words[0] if day_words[0] not in _WEEKDAY_WORDS else ""
        if day_words[:2] == ["this", "past"]:  # "this past Sunday": the last one
            mod = "past"
        back = (ref.weekday() - target) % 7
        if mod == "next" or mod == "coming":
            day = ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
        elif not mod and text.find("ahead of", max(0, start - 60), start) >= 0 \
                and (ahead := _AHEAD_OF_BEFORE.search(text, max(0, start - 60), start)) \
                and _reaches(text, ahead.end(), start):
            # "opened on Monday ahead of the Fed's meeting on Wednesday" (the words looked for first: most
            # clauses lack them, and `_AHEAD_OF_BEFORE` need not be searched): after the story's day,
            # the last day named if it is within a week of the article (not "founded on March 3,
            # 1999" in background), else the article's
            base = anchors.day if anchors.day is not None and abs((anchors.day - ref).days) < 7 else ref
            day = base + dt.timedelta(days=(target - base.weekday()) % 7 or (0 if base == ref else 7))
        elif not mod and prev != "since" and (_future_context(text, start, end)
                                              or "oday" in text[max(0, start - 60):start]
                                              and _TODAY_AND_BEFORE.search(text, max(0, start - 60), start)
                                              and not _past_in_clause(text, start)):  # not "rose today and fell on Monday"
            # "reports on Wednesday" written on a Wednesday: today; "since Thursday" is past
            day = ref + dt.timedelta(days=(target - ref.weekday()) % 7)
        elif mod in ("last", "past"):
            day = ref - dt.timedelta(days=back or 7)
        elif mod == "this" and _future_context(text, start, end):  # "will meet this Thursday"
            day = ref + dt.timedelta(days=(target - ref.weekday()) % 7)
        elif mod == "this":
            day = ref + dt.timedelta(days=(target - ref.weekday()))
        else:
            day = ref - dt.timedelta(days=back)
        return day.isoformat() + _part_of_day(lower), day
    if kind == "deictic":
        if "day before yesterday" in lower:
            day = ref - dt.timedelta(days=2)
        elif "day after tomorrow" in lower:
            day = ref + dt.timedelta(days=2)
        elif "yesterday" in lower or "last night" in lower or "last evening" in lower:
            day = ref - dt.timedelta(days=1)
        elif "tomorrow" in lower:
            day = ref + dt.timedelta(days=1)
        else:
            day = ref
        return day.isoformat() + _part_of_day(lower), day
    if kind == "relunit":
        unit = words[-1].lower()
        if lower.endswith(" before last"):  # "the week before last": two back
            unit, delta = words[1].lower(), -2
        elif "last" in lower or "past" in lower or "previous" in lower:
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
        if unit == "decade":
            return f"{ref.year // 10 + delta:03d}", None
        return f"{ref.year + delta:04d}", None
    if kind == "ago" and len(counts := _AGO.findall(span)) == 2:  # "1 year, 160 days ago": both counted back
        (count, unit), (count2, unit2) = (_in_weeks(_count(n), u.lower().rstrip("s")) for n, u in counts)
        if unit not in ("year", "month", "week") or not isinstance(count, int) or not isinstance(count2, int):
            return None, None
        day = _ago_today(lower, ref)[1]  # the first count back, as "a year ago today"
        assert day is not None
        if unit2 == "month":
            year, month = _shift_month(day.year, day.month, -count2)
            return _month(year, month), None
        day -= dt.timedelta(days=count2 * (7 if unit2 == "week" else 1))
        return (day.isoformat(), day) if unit2 == "day" else (_week(day), None)
    if kind == "ago":
        return _ago(span, _Anchors(ref))
    if kind == "season":
        season = next(_SEASONS[w] for w in lower.split() if w in _SEASONS)
        if " past " in lower or " coming " in lower:
            # "this past spring": the last one begun before this month; "this coming winter": the
            # next one not yet begun (a winter is its December's year, as `_season_year` counts);
            # in its first month a season counts as not yet begun for both ("this coming summer"
            # in June is this year's)
            first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
            if " past " in lower:
                return f"{ref.year if first_month < ref.month else ref.year - 1}-{season}", None
            return f"{ref.year if first_month >= ref.month else ref.year + 1}-{season}", None
        return f"{_stated_year(span, ref)}-{season}", None
    if kind == "bareseason":
        season = _SEASONS[words[-1].lower()]
        return f"{_season_year(season, ref, text, start, end)}-{season}", None
    if kind == "ordday":  # "on the 14th": the nearest such day, past first
        day_n = int(_NON_DIGITS.sub("", span))
        future = _future_context(text, start, end)
        for delta in ((0, 1, -1) if future else (0, -1, 1)):
            year, month = _shift_month(ref.year, ref.month, delta)
            try:
                day = dt.date(year, month, day_n)
            except ValueError:
                continue
            if (day >= ref - dt.timedelta(days=2)) if future else (day <= ref + dt.timedelta(days=7)):
                return day.isoformat(), day
        return None, None
    return None, None
