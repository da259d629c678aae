"""Snippets with marked words, from the article text in the store.

Whoosh's highlighter re-analyses a stored body through its token pipeline (~1.3 ms a hit);
this scans the text once with the index's own regex and memoised stemmer, so marking is
exactly what was matched (stems), and the ranges are plain character offsets for JSON.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from newsreader.search.analysis import (STOPS, WORD_RE, WORD_TAIL, cjk_pieces, cjk_re, fold, has_cjk, stem,
                                        unfold_pattern, word_pieces)

ELLIPSIS = "…"
_SPACE_RE = re.compile(r"\s{2,}|[^\S ]")


@dataclass
class Snippet:
    text: str
    ranges: list[tuple[int, int]] = field(default_factory=list)


def match_ranges(text: str, terms: set[str], stemming: bool = True) -> list[tuple[int, int]]:
    """Character ranges in `text` of words whose index term is in `terms`; for CJK letters, of the
    two-letter pieces in `terms` (`analysis.cjk_pieces`), one range for pieces that overlap."""
    if not terms:
        return []
    cjk = set(filter(has_cjk, terms))
    if cjk:
        terms = terms - cjk
        out = _cjk_ranges(text, cjk) + (match_ranges(text, terms, stemming) if terms else [])
        return sorted(out)
    finder = _candidates(frozenset(terms)) if stemming else None
    words = _word_starts(finder, text) if finder is not None else WORD_RE.finditer(text)
    out = []
    for m in words:
        start = m.start()
        if finder is not None and start and "\u0300" <= text[start - 1] <= "\u036f" and _inside_a_word(text, start):
            continue
        word = m.group().lower()
        if not word.isascii():
            if cjk_re().search(word):  # ("iphone発売": its "iphone", as indexed apart from its CJK letters)
                out += [(start + a, start + b) for piece, a, b in word_pieces(m.group())
                        if not cjk_re().match(piece) and _term(piece, stemming) in terms]
                continue
            word = fold(word)
        if _term(word, stemming) in terms:
            out.append(m.span())
    return out


def _term(word: str, stemming: bool) -> str | None:
    """The index term of a lowercase, folded word (None for a stop word of a stemmed field)."""
    if not stemming:
        return word
    return None if word in STOPS else stem(word)


def _cjk_ranges(text: str, pieces: set[str]) -> list[tuple[int, int]]:
    """The ranges of `pieces` (CJK terms) in the runs of CJK letters of `text`, overlapping ones made one
    ("東京都" for "東京" and "京都")."""
    out: list[tuple[int, int]] = []
    for m in WORD_RE.finditer(text):
        word = m.group()
        if not has_cjk(word):
            continue
        start = m.start()
        if _folded_re().search(word):  # (a mark, or a width form: folded as indexed, `word_pieces`)
            places = word_pieces(word)
        else:
            places = [(piece, at, at + len(piece)) for piece, at in cjk_pieces(word)]
        for piece, a, b in places:
            if piece in pieces:
                _add(out, start + a, start + b)
    return out


@lru_cache(maxsize=1)
def _folded_re() -> re.Pattern[str]:
    """Characters a word's CJK pieces are folded from (combining marks, width forms: `analysis.fold`).
    Compiled on first use, for a word with CJK letters: at import it cost 2.9 M instructions (~0.2 ms)."""
    return re.compile("[\u0300-\u036f\uff01-\uff5e\uff65-\uff9f]")


def _add(ranges: list[tuple[int, int]], a: int, b: int) -> None:
    """`ranges` with (a, b) added at its end, made one with the last range if they overlap."""
    if ranges and ranges[-1][1] > a:
        ranges[-1] = (ranges[-1][0], max(ranges[-1][1], b))
    else:
        ranges.append((a, b))


#: The most terms `_candidates` makes a pattern for.
CANDIDATE_TERMS = 16


@lru_cache(maxsize=256)
def _candidates(terms: frozenset[str]) -> re.Pattern[str] | None:
    """A regex finding only the words that may stem to one of `terms`.

    Porter stemming rewrites only the end of a word, so a word stemming to `t` starts with
    `t` less its last two letters; the candidates are then stemmed as before. Scanning for
    a few prefixes instead of stemming every word of a body is ~10x faster. Not for more
    than CANDIDATE_TERMS terms: compiling the pattern costs ~5 ms a term (the folded
    letters' classes), 1.2 s for the 200 words of `g*`, where stemming every word of 20
    snippets' bodies costs ~20 ms."""
    if len(terms) > CANDIDATE_TERMS:
        return None
    prefixes = sorted({t[:max(1, len(t) - 2)] for t in terms}, key=len, reverse=True)
    # The terms are folded: a prefix "erdog" must find "Erdoğan" too.
    alternatives = "|".join(unfold_pattern(p) for p in prefixes)
    # (Where a word starts is `_word_starts`'s: a look-behind here, tried at every position of the text,
    # cost ~15% of the scan, and twice that with the CJK letters a word may follow.)
    return re.compile(rf"(?:{alternatives}){WORD_TAIL}", re.IGNORECASE)


def _word_starts(finder: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `finder` in `text` that start a word: after a character that is no letter or digit
    (`[^\\W_]`, which is `str.isalnum`), or right after a CJK letter ("のiPhone15" is "の" and "iphone15" to
    the index, `analysis.cjk_pieces`). A match inside a word is passed over: the search goes on from its
    second character. (`has_cjk` answers an ASCII letter before it without compiling `cjk_re`: "minister"
    inside "administer" compiled it, ~1.2 ms, for plain English text.)"""
    pos = 0
    search = finder.search
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start and (before := text[start - 1]).isalnum() and not has_cjk(before):
            pos = start + 1
            continue
        yield m
        pos = m.end()


def _inside_a_word(text: str, start: int) -> bool:
    """Whether a candidate at `start`, after a combining accent, follows a letter and its
    accents ("taire" in a decomposed "Mone\u0301taire", one word to WORD_RE). Checked here
    for the few candidates after an accent, not by look-behinds at every position of every
    text (~30% slower)."""
    i = start
    while i > 0 and "\u0300" <= text[i - 1] <= "\u036f":
        i -= 1
    return i > 0 and text[i - 1].isalnum()


def one_line(text: str, ranges: list[tuple[int, int]]) -> Snippet:
    """`text` with every run of whitespace (paragraph breaks included) made one space,
    `ranges` moved to match: a snippet is one line of plain-text output."""
    out: list[str] = []
    shift: list[tuple[int, int]] = []  # (position in text, characters removed before it)
    removed = 0
    pos = 0
    for m in _SPACE_RE.finditer(text):
        out.append(text[pos:m.start()])
        out.append(" ")
        removed += len(m.group()) - 1
        shift.append((m.end(), removed))
        pos = m.end()
    out.append(text[pos:])

    def move(i: int) -> int:
        k = bisect_right(shift, (i, float("inf"))) - 1
        return i - (shift[k][1] if k >= 0 else 0)

    return Snippet("".join(out), [(move(s), move(e)) for s, e in ranges])


def make_snippet(text: str, terms: set[str], width: int = 220,
                 places: list[tuple[int, int]] | None = None) -> Snippet:
    """The `width`-character window holding the most distinct matched words, on one line.
    `places`: spans matched otherwise, marked as words are (names and dates, `where.py`)."""
    spans = match_ranges(text, terms) if terms else []
    if places:
        spans = _merged(sorted(set(spans).union(places)))
    if not spans:
        end = _cut_end(text, min(len(text), width))
        return one_line(text[:end] + (ELLIPSIS if end < len(text) else ""), [])
    best_i, best_score = 0, -1
    j = 0
    for i, (start, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] - start <= width:
            j += 1
        distinct = len({text[s:e].lower() for s, e in spans[i:j]})
        score = distinct * 1000 + (j - i)
        if score > best_score:
            best_i, best_score = i, score
    first = spans[best_i][0]
    start = max(0, first - width // 4)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else first
    end = _cut_end(text, min(len(text), start + width))
    # No match is cut in two by the window's ends (CJK text has no space to cut at): the window takes it whole.
    start = min([start] + [s for s, e in spans if s < start < e])
    end = max([end] + [e for s, e in spans if s < end < e])
    prefix = ELLIPSIS if start else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    ranges = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return one_line(prefix + text[start:end] + suffix, ranges)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted `spans` with overlapping ones made one (a name and a word of it)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _cut_end(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", max(0, end - 30), end)
    return space if space > 0 else end
