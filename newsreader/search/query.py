"""The user's query language, turned into a Whoosh query.

Whoosh's parser does words, phrases, AND/OR/NOT, `-word`, fields, `prefix*` and `fuzzy~`.
Two things are done around it:

* Whoosh's parser never fails: `"unclosed`, `title:` or a lone `AND` silently become odd
  queries. `check_syntax` finds these first and raises `QueryError` with one line to show.
* `date:` terms are cut out before parsing (placeholders `dkey:qdateN`) and replaced by an
  OR of the year/month/day keys that exactly cover the range (`schema.date_keys`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from whoosh import query as Q
from whoosh.qparser import FieldsPlugin, FuzzyTermPlugin, MultifieldPlugin, PlusMinusPlugin, SingleQuotePlugin
from whoosh.qparser import QueryParser as WhooshQueryParser
from whoosh.qparser.syntax import DisMaxGroup

from newsreader.search.analysis import CJK_LETTERS, STOPS, cjk_re, has_cjk, words
from newsreader.search import expand
from newsreader.search.andnot import fix_and_not
from newsreader.search.entity import entity_terms
from newsreader.search.dismax import NewsDisMax, WithByline
from newsreader.search.fieldfirst import TextWords, text_words
from newsreader.search.phrase import NewsPhrase, fast_phrases
from newsreader.search.schema import MENTION_PREFIX, QUERY_FIELDS, QueryError, date_number


#: What to write after each field, for the message about a field with nothing after it
#: (it said `file:iran`, `id:iran`, `person:iran` for every field).
_FIELD_EXAMPLES = {
    "title": "title:election", "body": "body:election", "source": "source:reuters",
    "byline": 'byline:"jane smith"', "dateline": "dateline:london", "person": 'person:"jane smith"',
    "org": 'org:"world bank"', "place": "place:london", "file": "file:2025/page.txt",
    "id": "id:ID (as `newsreader search` prints it)",
}


DATE_HELP = ("use date:2025, date:2025-06, date:2025-06-14, date:2025-06-01..2025-06-30 (or "
             "[2025-06-01 TO 2025-06-30]), date:>2024-12-31, or date:today, yesterday, thisweek, lastweek, "
             "thismonth, lastmonth, thisyear, lastyear")
#: Dates named relative to the machine's local date (`_today`), the names a user types:
#: each is a period, its first day as a start and its last as an end (`date:[lastweek TO
#: today]`). Weeks run Monday to Sunday (ISO 8601). `this week`, `this-week` and
#: `this_week` are the same name; `date:"this week"` is read as `date:thisweek`.
RELATIVE_DATES = ("today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth", "thisyear", "lastyear")
#: `date:"this week"` and the like, quoted: read as one name before the phrases are cut out.
_QUOTED_RELATIVE_RE = re.compile(r'(?<![\w:])((?:date|mentions):)"\s*(this|last)[\s_-]*(week|month|year)\s*"', re.IGNORECASE)
#: `date:A..B`: a range, as `date:[A TO B]` (an end left out is open: `date:2025-06..`).
_DOTS = ".."
_DATE_RE = re.compile(r"(?<![\w:])(?:date|(mentions)):(\[[^\]]*\]?|[<>]=?[^\s()]*|[^\s()]*)", re.IGNORECASE)
#: `mentions:` open ends (`mentions:>2013`): stories name dates far from their own.
MENTION_BOUNDS = (dt.date(1, 1, 1), dt.date(9999, 12, 31))
_FIELD_RE = re.compile(r"(?<![\w:.\-/])([A-Za-z_]+):(\S?)")
_OPS = {"AND", "OR", "NOT"}
#: A phrase with nothing in it: `person:""` searched for nothing, said as `person:` alone is.
_EMPTY_PHRASE_RE = re.compile(r'"\s*"')
#: A word of wildcards only with a `?` in it (`?`, `??`, `*?`): it matches every word of one
#: (two, ...) letters, the "4" of "$4 billion", noise rather than a search. A lone `*` (every
#: article) is left alone. (`\**\?` first: `[*?]*\?` backtracks quadratically on a long run.)
_BARE_WILDCARD_RE = re.compile(r"(?<![^\s(])[-+]?(?:[A-Za-z_]+:)?\**\?[*?]*(?=[\s)]|$)")
#: A word that starts with a wildcard (`*stan`, `title:*an*`). Whoosh finds its words by
#: reading the whole word list of the field: `*an*` took 8 s on 4,000 articles and matched
#: every one, `*stan` 2.3 s; with fewer than LEADING_WILDCARD_LETTERS letters it is noise.
_LEADING_WILDCARD_RE = re.compile(r"(?<![^\s(])[-+]?(?:[A-Za-z_]+:)?[*?][^\s()]*")
LEADING_WILDCARD_LETTERS = 3
#: Fields every article has (the parser keeps no page without a title and a story), so `*`
#: (Whoosh: `Every('title') | Every('body')`) and `title:*` mean every article. Whoosh makes
#: `Every(field)`'s list by reading every word's postings of the field (56 s of CPU at 37k
#: articles, and the reader's next search waited behind it); `Every()` reads the index's
#: list of live articles (0.24 s).
_EVERY_ARTICLE_FIELDS = frozenset({"title", "body"})
#: The most edits `word~N` may ask for: each more multiplies the words it expands to
#: (`pakistan~9` took 17 s on 1,000 articles and matched every one).
MAX_EDITS = 2
#: `word~N` (not `"a phrase"~N`, a proximity, whose quote ends before the `~`).
_FUZZY_RE = re.compile(r"(?<![\w~])(\w+)~(\d+)")
#: `word~N/P`: P letters the words must share with its start. Whoosh reads only one digit
#: 1-9 there: `minister~2/0` was `minister~2` AND the word "0" (no hits, no error).
_FUZZY_PREFIX_RE = re.compile(r"(?<![\w~])(\w+)~(\d*)/([^\s()]*)")
#: A `-` excluding what follows it (a word, "phrase", field or group), or a "phrase" (group 1)
#: left as it is.
_MINUS_RE = re.compile(r'("[^"]*")|(?<![^\s(])-(?=[^\s\-)])')


def _today() -> dt.date:
    """The machine's local date, which `date:today` and the other RELATIVE_DATES name."""
    return dt.date.today()


def _relative(name: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a RELATIVE_DATES period (None for another word)."""
    name = re.sub(r"[\s_-]+", "", name.lower())
    if name not in RELATIVE_DATES:
        return None
    today = _today()
    if name in ("today", "yesterday"):
        day = today if name == "today" else today - dt.timedelta(days=1)
        return day, day
    back = name.startswith("last")
    if name.endswith("week"):
        monday = today - dt.timedelta(days=today.weekday() + (7 if back else 0))
        return monday, monday + dt.timedelta(days=6)
    if name.endswith("month"):
        first = today.replace(day=1)
        if back:
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    year = today.year - back
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _parse_date(text: str, end: bool, help_text: str = DATE_HELP) -> dt.date:
    """`2025`, `2025-06` or `2025-06-14`, or one of RELATIVE_DATES; a partial date (a
    period) means its first day (or last, if `end`), so `date:[2025-01 TO 2025-03]` covers
    all of March."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not m:
        period = _relative(text)
        if period is not None:
            return period[1] if end else period[0]
        raise QueryError(f"{text!r} is not a date; {help_text}")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        mo = int(month)
        if day is None:
            return dt.date(year, mo, calendar.monthrange(year, mo)[1] if end else 1)
        return dt.date(year, mo, int(day))
    except ValueError:
        raise QueryError(f"{text!r} is not a valid date; {help_text}") from None


def date_range(spec: str, bounds: tuple[dt.date, dt.date], field: str = "date") -> tuple[dt.date, dt.date]:
    """The inclusive range a `date:` value means; open ends are clamped to `bounds`. The
    messages name `field` (`mentions:` takes the same values), so what they suggest runs
    the search that was typed."""
    lo, hi = bounds
    help_text = DATE_HELP if field == "date" else DATE_HELP.replace("date:", f"{field}:")

    def parse(text: str, end: bool) -> dt.date:
        return _parse_date(text, end, help_text)

    if spec.startswith("["):
        if not spec.endswith("]"):
            raise QueryError(f"date range '{field}:{spec}' is missing its closing ]; {help_text}")
        parts = re.split(r"\s+to\s+", spec[1:-1].strip(), flags=re.IGNORECASE)
        if len(parts) != 2 or not all(parts):
            raise QueryError(f"date range '{field}:{spec}' needs two dates around TO; {help_text}")
        a = lo if parts[0] == "*" else parse(parts[0], end=False)
        b = hi if parts[1] == "*" else parse(parts[1], end=True)
        if "*" not in parts and a > b:  # (an open end clamped past the other is not the user's)
            raise QueryError(f"the date range '{field}:{spec}' ends before it starts: swap its ends, "
                             f"{field}:[{parts[1]} TO {parts[0]}]")
    elif spec.startswith(("<", ">")):  # ("" is in any string: `date:` alone came here)
        op = spec[:2] if spec[1:2] == "=" else spec[:1]
        value = spec[len(op):]
        if not value:
            raise QueryError(f"'{field}:{spec}' needs a date after {op}; {help_text}")
        if op == ">" and parse(value, end=True) == dt.date.max:  # (no day after: nothing, not an OverflowError)
            a, b = dt.date.max, dt.date.min  # (an empty range)
        elif op == ">":
            a, b = parse(value, end=True) + dt.timedelta(days=1), hi
        elif op == ">=":
            a, b = parse(value, end=False), hi
        elif op == "<" and parse(value, end=False) == dt.date.min:  # (no day before)
            a, b = dt.date.max, dt.date.min
        elif op == "<":
            a, b = lo, parse(value, end=False) - dt.timedelta(days=1)
        else:
            a, b = lo, parse(value, end=True)
    elif not spec:
        raise QueryError(f"{field}: needs a value; {help_text}")
    elif _DOTS in spec:
        first, _, last = spec.partition(_DOTS)
        if not first and not last:
            raise QueryError(f"'{field}:{spec}' needs a date on at least one side of ..; {help_text}")
        a = parse(first, end=False) if first else lo
        b = parse(last, end=True) if last else hi
        if first and last and a > b:
            raise QueryError(f"the date range '{field}:{spec}' ends before it starts: swap its ends, "
                             f"{field}:{last}..{first}")
    else:
        a, b = parse(spec, end=False), parse(spec, end=True)
    return a, b


def cover_keys(a: dt.date, b: dt.date) -> list[str]:
    """The fewest `dkey` values (whole years, whole months, single days) covering [a, b]."""
    keys: list[str] = []
    d = a
    while d <= b:
        last = calendar.monthrange(d.year, d.month)[1]
        if d.month == 1 and d.day == 1 and dt.date(d.year, 12, 31) <= b:
            # every whole year up to b at once (`mentions:>2013` is 7,986 of them)
            last_y = b.year if (b.month, b.day) == (12, 31) else b.year - 1
            keys += [f"y{y:04d}" for y in range(d.year, last_y + 1)]
            end = dt.date(last_y, 12, 31)
        elif d.day == 1 and dt.date(d.year, d.month, last) <= b:
            keys.append(f"m{d.year:04d}-{d.month:02d}")
            end = dt.date(d.year, d.month, last)
        else:
            keys.append(f"d{d.isoformat()}")
            end = d
        if end == dt.date.max:  # (`mentions:>2013` runs to 9999-12-31: no day after it)
            break
        d = end + dt.timedelta(days=1)
    return keys


def mention_terms(keys: list[str]) -> list[Q.Query]:
    """The queries for `mentions:` keys (from `cover_keys`): a run of two or more whole
    years is one TermRange, so `mentions:<2013` reads only the years stories mention
    (zero-padded, lexicon order is year order) instead of an Or of 213 Terms (RV22 #4)."""
    year = MENTION_PREFIX + "y"
    years = [k for k in keys if k.startswith(year)]
    if len(years) < 2:
        return [Q.Term("dkey", k) for k in keys]
    return [Q.Term("dkey", k) for k in keys if not k.startswith(year)] + [Q.TermRange("dkey", years[0], years[-1])]


def _unquoted(text: str) -> str:
    """`text` with the inside of "phrases" blanked (quotes kept), for syntax checks."""
    return "".join(ch if not inside or ch == '"' else " " for ch, inside in _mask(text))


def _mask(text: str) -> Iterator[tuple[str, bool]]:
    inside = False
    for ch in text:
        if ch == '"':
            inside = not inside
            yield ch, True
        else:
            yield ch, inside


def check_syntax(text: str) -> None:
    """Raise `QueryError` for what Whoosh would silently misread."""
    if not text.strip():
        raise QueryError("empty query; type some words to search for")
    if text.count('"') % 2:
        raise QueryError('unclosed quote: a "phrase" needs a closing "')
    plain = _unquoted(text)
    depth = 0
    for ch in plain:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("unbalanced parentheses: a ) without its (")
    if depth:
        raise QueryError("unbalanced parentheses: a ( without its )")
    for m in _FIELD_RE.finditer(plain):
        name = m.group(1).lower()
        if name in ("date", "dkey", "mentions"):
            continue
        if name not in QUERY_FIELDS:
            known = ", ".join(f"{f}:" for f in [*QUERY_FIELDS, "date", "mentions"])
            raise QueryError(f"unknown field '{m.group(1)}:'; search fields are {known}")
        nxt = m.group(2)
        if not nxt or nxt == ")" or _EMPTY_PHRASE_RE.match(text, m.end(1) + 1):
            raise QueryError(f"'{m.group(1)}:' needs a word or \"phrase\" after it, e.g. {_FIELD_EXAMPLES[name]}")
    for m in _FUZZY_RE.finditer(plain):
        if int(m.group(2)) > MAX_EDITS:
            raise QueryError(f"'{m.group(0)}': fuzzy~ allows at most {MAX_EDITS} differences, "
                             f"e.g. {m.group(1)}~{MAX_EDITS}")
    for m in _FUZZY_PREFIX_RE.finditer(plain):
        if not re.fullmatch("[1-9]", m.group(3)):
            raise QueryError(f"'{m.group(0)}': after / comes how many first letters must match, 1 to 9, "
                             f"e.g. {m.group(1)}~{m.group(2) or 1}/1")
    m = _BARE_WILDCARD_RE.search(plain)
    if m:
        what = "any one-letter word" if m.group(0).lstrip("-+").split(":")[-1] == "?" else "any word that short"
        raise QueryError(f"'{_shorten(m.group(0))}' alone matches {what}: put ? in a word, "
                         "e.g. wom?n for woman or women")
    for m in _LEADING_WILDCARD_RE.finditer(_DATE_RE.sub(" ", plain)):  # (`date:[2025-02 TO *]` is open-ended)
        word = m.group(0).lstrip("-+").split(":")[-1]
        letters = sum(ch.isalnum() for ch in word)
        if word != "*" and letters < LEADING_WILDCARD_LETTERS:
            raise QueryError(f"'{_shorten(m.group(0))}' starts with a wildcard and has too few letters to search "
                             f"for: give it {LEADING_WILDCARD_LETTERS} or more (*stan), or start with letters (pak*)")
    tokens = re.findall(r"\(|\)|[^\s()]+", plain)
    prev: str | None = None
    for i, tok in enumerate(tokens):
        if tok in _OPS:
            if tok != "NOT" and (prev is None or prev in _OPS or prev == "("):
                raise QueryError(f"{tok} needs a word on each side, e.g. 'iran {tok} pakistan'")
            if i == len(tokens) - 1 or tokens[i + 1] == ")":
                raise QueryError(f"{tok} at the end needs a word after it")
            if tok == "NOT" and tokens[i + 1] in ("AND", "OR"):
                raise QueryError(f"NOT needs a word after it, not {tokens[i + 1]}")
        prev = tok


#: The reader's search bar reads the word being typed (the last, no space after it) as the
#: start of a word too, from this many letters on: "paki" finds Pakistan.
TYPED_PREFIX_MIN = 2
#: The weight of the words a typed word starts, beside the word itself: "pakistan" (Enter
#: pressed) lists its own best matches first, then those of "pakistani" alone.
TYPED_OTHERS_BOOST = 0.01
#: The last token of a query: an optional `-` and `field:`, then a plain word.
_TYPED_WORD_RE = re.compile(r"(?:(?<=\s)|(?<=\()|^)(-?)((?:[A-Za-z_]+:)?)([^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*)$")
#: What half-typed input leaves dangling at the end: an operator, a `-`, a `field:`, a `(`,
#: an empty phrase.
_DANGLING_RE = re.compile(r'(?:(?:^|(?<=[\s(]))(?:AND|OR|NOT|-|-?[A-Za-z_]+:|-?(?:[A-Za-z_]+:)?"\s*")|\()\s*$')
#: Fields whose values are not words to complete.
_NOT_TYPED = {"date", "dkey", "id", "file", "mentions"}


def as_typed(text: str, complete: Callable[[str], list[str]]) -> str:
    """`text` as the reader's search bar reads it while it is typed: an unclosed quote or
    parenthesis closed (the word being typed in the phrase completed to the first word
    `complete` gives), an operator, `-`, `field:` or `(` left dangling at the end dropped,
    and the last word, when nothing follows it, replaced by the words `complete(word)`
    gives (itself and words it starts, or-ed: `iran paki` -> `iran pakistan`, `strikes`
    stays `strikes` and still finds `strike`; beside the word itself, the others weigh
    TYPED_OTHERS_BOOST). Anything else is left as it is."""
    quoted = text.count('"') % 2 == 1
    if quoted:
        # In a phrase, a word being typed is completed to one word (or dropped at one letter).
        m = re.search(r'(?<=[\s"])[^\W_]+$', text)
        if m and len(m.group()) >= TYPED_PREFIX_MIN:
            text = text[:m.start()] + (complete(m.group()) or [m.group()])[0]
        elif m and text[text.rfind('"', 0, m.start()) + 1:m.start()].strip():
            text = text[:m.start()].rstrip()
        text += '"'
    typing = not quoted  # a word still being typed ends the text
    while True:
        trimmed = _DANGLING_RE.sub("", text)
        if trimmed == text:
            break
        text, typing = trimmed.rstrip(), False
    m = _TYPED_WORD_RE.search(text) if typing else None
    if m and len(m.group(3)) >= TYPED_PREFIX_MIN and m.group(3) not in _OPS \
            and m.group(2)[:-1].lower() not in _NOT_TYPED:
        words = complete(m.group(3)) or [m.group(3)]
        if words[0] == m.group(3):  # the word itself ranks its matches first
            words[1:] = [f"{w}^{TYPED_OTHERS_BOOST}" for w in words[1:]]
        either = words[0] if len(words) == 1 else f"({' OR '.join(words)})"
        text = f"{text[:m.start()]}{m.group(1)}{m.group(2)}{either}"
    depth = 0
    for ch in _unquoted(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return text  # a ) too many: not half-typed, said as it is
    return text + ")" * depth


class DateClause(Q.ConstantScoreQuery):
    """A `date:` term: an OR of `dkey` terms, remembering the range (YYYYMMDD numbers) so
    the library can restrict by date order instead (see dateorder.restrict)."""

    def __init__(self, child: Q.Query, lo: int, hi: int) -> None:
        super().__init__(child, 1.0)
        self.lo, self.hi = lo, hi

    def _rewrap(self, child: Q.Query) -> "DateClause":
        return self.__class__(child, self.lo, self.hi)


@dataclass
class ParsedQuery:
    """A checked query: the Whoosh query plus the date keys it uses (for snippets/tests). `notes`: lines
    for the searcher to say with its answer: a well-formed date range beyond every article's date is
    said with the articles' span, and when nothing else is left the query is `Q.NullQuery`, an answer
    with no hits (exit 1), not a bad query (Q10 F10)."""

    text: str
    query: Q.Query
    date_keys: list[list[str]]
    notes: tuple[str, ...] = ()

    @property
    def nothing(self) -> bool:
        """Whether the query can match nothing (an open date range beyond the articles' dates)."""
        return self.query is Q.NullQuery


#: A run of word characters, as `\w` in Whoosh's `field:` pattern.
_WORD_RUN_RE = re.compile(r"\w+")


class _FieldnameTagger(FieldsPlugin.FieldnameTagger):
    r"""Whoosh's `field:` tagger, linear on long words. Whoosh's tagging loop tries every
    tagger at every character that no tagger took, and `\w+:` scans to the end of the word
    each time: 20,000 letters cost 200 million steps (12 s for a 40,000-letter query). Once
    it fails inside a run of word characters it fails at every later character of that run
    (the run ends at the same place, not at a `:`), so those are answered at once. Whoosh
    makes a new tagger for each parse, so the remembered run is that parse's."""

    def __init__(self, expr: str) -> None:
        super().__init__(expr)
        self._fails_before = 0  # positions below this (in the current run) cannot match

    def match(self, parser, text, pos):  # type: ignore[no-untyped-def]
        if pos < self._fails_before:
            return None
        node = super().match(parser, text, pos)
        if node is None:
            run = _WORD_RUN_RE.match(text, pos)
            if run:
                self._fails_before = run.end()
        return node


class _FieldsPlugin(FieldsPlugin):
    """FieldsPlugin with the linear tagger (`_FieldnameTagger`)."""

    def taggers(self, parser):  # type: ignore[no-untyped-def]
        return [(_FieldnameTagger(self.expr), 0)]


@lru_cache(maxsize=1)
def _cjk_space_re() -> re.Pattern[str]:
    """Spaces between two CJK letters ("知事 選挙"). Compiled on first use: its two classes of CJK letters
    cost 37 M instructions to compile (callgrind; 2.5-4.5 ms), at every search process's start."""
    return re.compile(f"(?<=[{CJK_LETTERS}])\\s+(?=[{CJK_LETTERS}])")


def lone_cjk_letter(term: str) -> bool:
    """Whether a query term is one CJK letter alone ("東", the "年" of "2024年"): the index holds such a letter
    only inside its two-letter pieces ("年の"), or alone where the text has it alone."""
    return len(term) == 1 and cjk_re().match(term) is not None


def lone_letters_note(text: str) -> str | None:
    """For a query that found nothing: why, when it holds a lone CJK letter (`lone_cjk_letter`)."""
    if not has_cjk(text):
        return None
    letters = list(dict.fromkeys(filter(lone_cjk_letter, words(text))))
    if not letters:
        return None
    return (f"a Chinese, Japanese or Korean letter alone ({' '.join(letters)}) is searched as the start of a word "
            "(as X*): it is not found as the last letter of a longer run of such letters")


class PiecePrefix(Q.Prefix):
    """A lone CJK letter inside a word searched ("2024年"): the pieces starting with it, in a `Q.Sequence`. Whoosh's
    own prefix (a union of its terms, which has the positions a sequence needs), not an `expand.Expansion`."""

    def __init__(self, fieldname: str, text: str) -> None:
        super().__init__(fieldname, text, constantscore=False)


def _pieces_in_a_row(fieldname: str, words: list[str], boost: float,
                     termclass: Callable[[str, str], Q.Query] = Q.Term) -> Q.Sequence:
    """The terms of a word or phrase with a lone CJK letter in it, in a row: the letter as the start of a
    piece (`PiecePrefix`), the others as `termclass` ("2024年": "2024" then a piece starting "年")."""
    return Q.Sequence([PiecePrefix(fieldname, w) if lone_cjk_letter(w) else termclass(fieldname, w) for w in words],
                      boost=boost)


class _WhooshParser(WhooshQueryParser):
    """Whoosh's parser, where a word typed with CJK letters in it is its terms in a row (a phrase): its
    two-letter pieces (`analysis.cjk_pieces`) must be found together, not anywhere in the story ("知事"
    in "東京都知事", not a story with "東京" and "京都" apart). Other words that give several terms keep
    Whoosh's AND ("covid-19": "covid" and "19"). A lone CJK letter is searched as the start of a piece
    (a prefix, as "東*"): found at the start and inside a run of letters, not as a run's last letter."""

    def multitoken_query(self, spec, texts, fieldname, termclass, boost):  # type: ignore[no-untyped-def]
        if any(map(has_cjk, texts)):
            if any(map(lone_cjk_letter, texts)):
                return _pieces_in_a_row(fieldname, texts, boost, termclass)
            return self.phraseclass(fieldname, texts, boost=boost)
        return super().multitoken_query(spec, texts, fieldname, termclass, boost)

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True,  # type: ignore[no-untyped-def]
                   removestops=True):
        q = super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if type(q) is Q.Term and lone_cjk_letter(q.text):  # ("東": the pieces starting with it, as "東*")
            return Q.Prefix(fieldname, q.text, boost=q.boost)
        return q


class QueryParser:
    """Reusable: building Whoosh's parser costs more than parsing one query."""

    def __init__(self, schema) -> None:  # type: ignore[no-untyped-def]
        # A word without a field searches title and body; its score is the better of the
        # two (DisjunctionMax), not their sum: Whoosh can then skip posting blocks that
        # cannot reach the top 20 (two-word queries 5-10x faster than with OR).
        parser = _WhooshParser(None, schema)
        # (In place: the order of the plugins is the order their equal-priority taggers try.)
        parser.plugins = [_FieldsPlugin() if type(pi) is FieldsPlugin else pi for pi in parser.plugins]
        parser.add_plugin(MultifieldPlugin(["title", "body"], group=DisMaxGroup))
        parser.remove_plugin_class(SingleQuotePlugin)
        parser.add_plugin(FuzzyTermPlugin())
        parser.add_plugin(PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
        self._parser = parser

    def parse(self, text: str, bounds: tuple[dt.date, dt.date],
              complete: Callable[[str], list[str]] | None = None) -> ParsedQuery:
        """With `complete`, `text` is read as the reader's search bar reads it (`as_typed`);
        a query that reading breaks is read as it is."""
        if complete is not None:
            completed = as_typed(text, complete)
            if completed != text:
                try:
                    parsed = self._parse(completed, bounds)
                except QueryError:
                    parsed = None
                if parsed is not None:
                    return ParsedQuery(text, parsed.query, parsed.date_keys)
        return self._parse(text, bounds)

    def _whoosh_parse(self, text: str) -> Q.Query:
        """Whoosh's reading of `text`. What its parser raises on ('strike (-iran)':
        NotImplementedError; '-OR ~x': IndexError; 'title:date:x') is a query it cannot
        read, not a damaged index (which the reader would rebuild). The line names what to
        check, not Whoosh's exception ('iran (-)' said "(NotImplementedError)")."""
        try:
            return self._parser.parse(text)
        except Exception:
            raise QueryError("cannot read the query: check its brackets, and that each operator (-, +, NOT, "
                             "AND, OR) has a word to act on and each field: a value") from None

    def _parse(self, typed: str, bounds: tuple[dt.date, dt.date]) -> ParsedQuery:
        text = typed
        if '"' in text and ("date:" in text.lower() or "mentions:" in text.lower()):
            text = _QUOTED_RELATIVE_RE.sub(lambda m: m.group(1) + m.group(2) + m.group(3), text)
        check_syntax(text)
        ranges: list[list[str]] = []
        empty_dates: list[str] = []  # date: clauses outside the articles' dates
        spans: list[tuple[int, int]] = []

        def cut(m: re.Match[str]) -> str:
            if m.group(1):  # `mentions:`: the same values, the keys of the dates stories mention
                a, b = date_range(m.group(2), MENTION_BOUNDS, "mentions")
                if a > b:
                    empty_dates.append(m.group(0))
                ranges.append([MENTION_PREFIX + k for k in cover_keys(a, b)] if a <= b else [])
                spans.append((0, 0))
                return f"dkey:qment{len(ranges) - 1}"
            a, b = date_range(m.group(2), bounds)
            if a > b:
                empty_dates.append(m.group(0))
            ranges.append(cover_keys(a, b) if a <= b else [])
            spans.append((date_number(a), date_number(b)))
            return f"dkey:qdate{len(ranges) - 1}"

        # Only outside phrases: a quoted "date:2025" is just words.
        pieces = re.split(r'("[^"]*")', text)
        rewritten = "".join(p if p.startswith('"') else _DATE_RE.sub(cut, p) for p in pieces)
        rewritten = re.sub(r"(?<![\w:.\-/])([A-Za-z_]+):", lambda m: m.group(1).lower() + ":", rewritten)
        minus = _MINUS_RE.search(rewritten)
        q_text = rewritten  # (what Whoosh read: its phrases' character ranges are in it)
        try:
            q = self._whoosh_parse(rewritten)
        except QueryError:
            if not minus:
                raise
            q = None  # Whoosh cannot read a `-word` in brackets ('strike (iran -pakistan)')
        if (q is None or q is Q.NullQuery) and minus:
            # Whoosh drops `-word` with nothing before it to subtract from ('-iran', 'the
            # -iran'), where `NOT iran` means every article without the word, and raises on
            # one in brackets, where it means the same as `NOT word`: read them so.
            q_text = _MINUS_RE.sub(lambda m: m.group(0) if m.group(1) else "NOT ", rewritten)
            q = self._whoosh_parse(q_text)

        def swap(node: Q.Query) -> Q.Query:
            if isinstance(node, Q.Term) and node.fieldname == "dkey" and str(node.text).startswith("qdate"):
                n = int(str(node.text)[5:])
                keys = ranges[n]
                if not keys:
                    return Q.NullQuery
                inner = Q.Term("dkey", keys[0]) if len(keys) == 1 else Q.Or([Q.Term("dkey", k) for k in keys])
                return DateClause(inner, *spans[n])
            if isinstance(node, Q.Term) and node.fieldname == "dkey" and str(node.text).startswith("qment"):
                keys = ranges[int(str(node.text)[5:])]
                if not keys:
                    return Q.NullQuery
                terms = mention_terms(keys)
                return Q.ConstantScoreQuery(terms[0] if len(terms) == 1 else Q.Or(terms), 1.0)
            if isinstance(node, Q.Every) and node.fieldname in _EVERY_ARTICLE_FIELDS:
                return Q.Every()
            if isinstance(node, PiecePrefix):
                return node
            if isinstance(node, Q.Phrase) and any(map(has_cjk, node.words)):
                return self._cjk_phrase(node, q_text)
            return expand.replace(node, self._parser.schema)

        q = fix_and_not(text_words(entity_terms(fast_phrases(q.accept(swap)))))
        # 'iran date:>=lastweek' in a quiet week: well formed, nothing in it (as 'date:2030' is); a cron
        # script reads "no hits" (exit 1), not a failure. The articles' span is said as a note.
        beyond = [d for d in empty_dates if not d.lower().startswith("mentions:")]
        notes = (_why_nothing(rewritten, beyond, bounds),) if beyond else ()
        if q is Q.NullQuery or isinstance(q, Q.NullQuery.__class__):
            if beyond and empty_dates[0] == beyond[0]:
                return ParsedQuery(typed, Q.NullQuery, ranges, notes)
            raise QueryError(_why_nothing(rewritten, empty_dates, bounds))
        return ParsedQuery(typed, self._with_byline(q, rewritten), ranges, notes)

    def _cjk_phrase(self, node: Q.Phrase, text: str) -> Q.Query:
        """A quoted phrase holding CJK letters: a lone letter in it is the start of a piece (`PiecePrefix`:
        '"2024年"' finds "2024年の"), and where a space was typed between CJK letters ('"知事 選挙"') the
        phrase is also searched without it, as one run ("知事選挙": its pieces "知事 事選 選挙")."""
        def made(words: list[str]) -> Q.Query:
            if not any(map(lone_cjk_letter, words)):
                return Q.Phrase(node.fieldname, words, slop=node.slop, boost=node.boost)
            return _pieces_in_a_row(node.fieldname, words, node.boost)

        typed = made(list(node.words))
        ranges = node.char_ranges or []
        if not ranges or None in ranges[0] or None in ranges[-1] or node.fieldname not in self._parser.schema:
            return typed
        quoted = text[ranges[0][0]:ranges[-1][1]]
        joined = _cjk_space_re().sub("", quoted)
        field = self._parser.schema[node.fieldname]
        if joined == quoted or list(field.process_text(quoted, mode="query")) != list(node.words):
            return typed
        words = list(field.process_text(joined, mode="query"))
        return Q.Or([typed, made(words)]) if words else typed

    def _with_byline(self, q: Q.Query, text: str) -> Q.Query:
        """`q`, or `q` or the byline (`dismax.WithByline`) when the whole query is plain words
        (`TextWords`) or one phrase searched in title and body: the query of a name. The byline
        must hold every word (each analysed as `byline:` reads it, `analysis.words`; common words
        left out, as title and body leave them), and its score is weighed by `BYLINE_WEIGHT`, so a story
        about someone ranks above a story by them. A name narrowed by dates ("tom hale date:2024") keeps its
        byline alternative, under the dates: they stay around it, and the byline's words are the query's other
        words (`_positive_words`). So does a name with words left out ("tom hale -zebra", "tom hale NOT zebra",
        an `AndNot`): the byline alternative goes on its positive side, so a story Tom Hale wrote is found unless
        it holds what is left out, as "tom hale" alone finds it (it did not, the one plain search that lost it)."""
        if isinstance(q, Q.AndNot):  # "tom hale -zebra": the name, less what is left out
            core = self._with_byline(q.a, _positive_words(text))
            if core is q.a:
                return q
            fixed = type(q)(core, q.b)
            fixed.boost = q.boost
            return fixed
        if type(q) is Q.And:  # "tom hale date:2024": the name and its dates
            kept = [s for s in q.subqueries if not isinstance(s, DateClause)]
            if len(kept) != 1 or len(kept) == len(q.subqueries):
                return q
            core = self._with_byline(kept[0], _positive_words(text))
            if core is kept[0]:
                return q
            return Q.And([core if s is kept[0] else s for s in q.subqueries], boost=q.boost)
        if isinstance(q, TextWords):
            terms = [t for w in _PLAIN_WORD_RE.findall(text) if w != "AND" for t in words(w) if t not in STOPS]
            terms = list(dict.fromkeys(terms))
            if not terms:
                return q
            byline: Q.Query = Q.And([Q.Term("byline", t) for t in terms]) if len(terms) > 1 else Q.Term("byline", terms[0])
        elif (type(q) is NewsDisMax and len(q.subqueries) == 2
              and all(isinstance(p, Q.Phrase) for p in q.subqueries)
              and [p.fieldname for p in q.subqueries] == ["title", "body"]):
            quoted = _PHRASE_RE.fullmatch(text.strip())
            terms = words(quoted.group(1)) if quoted else []
            if len(terms) < 2:
                return q
            byline = NewsPhrase("byline", terms, slop=1)
        else:
            return q
        # (Built here, not by Whoosh's parser: parsing a second query cost ~5 M instructions a search.)
        return WithByline([q, byline.with_boost(BYLINE_WEIGHT)])


#: How much a match in the byline weighs against one in title or body (`QueryParser._with_byline`).
BYLINE_WEIGHT = 0.2
#: The words of a query that is plain words (a `TextWords`), with any '+' before them dropped.
_PLAIN_WORD_RE = re.compile(r'[^\s()"+]+')
#: A query that is one phrase.
_PHRASE_RE = re.compile(r'"([^"]+)"')


def _positive_words(text: str) -> str:
    """The words and phrases of a query's text less its date clauses (`dkey:qdateN` once rewritten), the
    operator AND, and what NOT or `-` leaves out (a word, a phrase, a field's value or a bracketed group:
    the byline must not be asked to hold "zebra" of "tom hale -zebra") (`_with_byline`). Asked only of a query
    whose tree is the name, its dates and what it leaves out."""
    tokens = _UNIT_RE.findall(text)
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in ("NOT", "-"):
            i = _after_unit(tokens, i + 1)
        elif t.startswith("-"):  # "-zebra", "-title:zebra", '-title:' + '"zebra lion"'
            i = _after_unit(tokens, i + 1) if t.endswith(":") else i + 1
        else:
            if t not in ("AND", "(", ")") and not t.startswith("dkey:qdate"):
                kept.append(t)
            i += 1
    return " ".join(kept)


def _after_unit(tokens: list[str], i: int) -> int:
    """The index after the unit that starts at `tokens[i]`: a bracketed group, a field and the unit after it
    ('title:' '"a b"'), or one token."""
    if i >= len(tokens):
        return i
    if tokens[i] == "(":
        depth = 0
        while i < len(tokens):
            depth += {"(": 1, ")": -1}.get(tokens[i], 0)
            i += 1
            if depth == 0:
                break
        return i
    if tokens[i].endswith(":"):
        return _after_unit(tokens, i + 1)
    return i + 1


#: A token of the rewritten query: a "phrase", or a run without spaces, brackets or quotes.
_TOKEN_RE = re.compile(r'"[^"]*"|[^\s()"]+')
#: The same, with the brackets as tokens of their own (`_positive_words` skips a bracketed group left out).
_UNIT_RE = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
#: A token's sign and field, before what it searches for.
_SIGN_FIELD_RE = re.compile(r"[-+]?(?:[A-Za-z_]+:(?!$))?")


def _why_nothing(rewritten: str, empty_dates: list[str], bounds: tuple[dt.date, dt.date]) -> str:
    """The one line for a query that searches for nothing, naming what in it gave nothing:
    a date range outside the articles' dates, else the first token that is not only common
    words (all were said as common words before: a backslash, `-`, `~`, `""`, a 1,000-letter
    word). Only called on that error, so its cost does not count."""
    if empty_dates and empty_dates[0].lower().startswith("mentions:"):
        return (f"'{empty_dates[0]}' is outside the years mentions: covers "
                f"({MENTION_BOUNDS[0].year}-{MENTION_BOUNDS[1].year})")
    if empty_dates:
        return (f"no article is dated within '{empty_dates[0]}': the articles run from "
                f"{bounds[0].isoformat()} to {bounds[1].isoformat()}")
    for token in _TOKEN_RE.findall(rewritten):
        if token in _OPS or token.startswith("dkey:"):  # (said by check_syntax; a date covering some)
            continue
        if token.startswith('"'):
            if not token.strip('"').strip():
                return 'an empty phrase "": put the words to search for between the quotes'
            core = token
        elif token in ("-", "+"):
            return f"'{token}' {'excludes' if token == '-' else 'requires'} the word right after it, e.g. {token}iran"
        else:
            core = token[_SIGN_FIELD_RE.match(token).end():]  # type: ignore[union-attr]
        if core.startswith("~"):
            return "'~' goes right after a word: pakistan~ also finds words spelt like it"
        if core.startswith(":"):
            return "':' goes after a field name, e.g. title:election"
        found = words(core)
        if not found:
            return f"'{_shorten(token)}' has no letters or digits to search for"
        long = [w for w in found if w not in STOPS]
        if long:
            return (f"'{_shorten(long[0])}' ({len(long[0]):,} characters) is too long for a word, so it is "
                    "not indexed: search for shorter words")
    return "nothing to search for: the query has no words but common ones like 'the' (which are not indexed)"


def _shorten(text: str, most: int = 30) -> str:
    """`text`, cut to `most` characters with an ellipsis: a message stays one line."""
    return text if len(text) <= most else text[:most - 1] + "…"


def positive_leaves(q: Q.Query, into_constant: bool = False) -> Iterator[Q.Query]:
    """Leaf queries that must match (not under NOT): the words a snippet should mark. A
    ConstantScoreQuery (the wrapper `mentions:` uses) is skipped unless `into_constant`:
    `where.targets` wants the date keys inside it, a snippet does not."""
    if isinstance(q, Q.Not):
        return
    if isinstance(q, Q.AndNot):
        yield from positive_leaves(q.a, into_constant)
        return
    if isinstance(q, Q.ConstantScoreQuery) and not into_constant:
        return
    if q.is_leaf():
        yield q
        return
    for child in q.children():
        yield from positive_leaves(child, into_constant)
