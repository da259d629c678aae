"""Tokenising and stemming for the index, shared by indexing, queries and snippets.

Whoosh's stock `StemmingAnalyzer` runs every token through a chain of generators and
`Token` objects; on 300-900-word articles that chain alone capped indexing near 120
articles/s. Here one regex pass plus a memoised Porter stemmer produces the terms, and the
index fields call it directly (`NewsText.index`). The Whoosh-facing `NewsAnalyzer` yields
exactly the same terms so that query text, indexed text and snippet marking always agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import filterfalse
from operator import sub
from pickle import dumps
from typing import Any, Callable, Iterator

from whoosh.analysis import Composable, Token
from whoosh.analysis.filters import STOP_WORDS
from whoosh.fields import TEXT
from whoosh.formats import Positions
from whoosh.lang.porter import stem as _porter_stem
from whoosh.system import pack_uint

#: Words: letters and digits (Unicode), so "Pakistan’s" gives "pakistan" + "s" (a stop word),
#: with any combining accents inside them ("Cafe\u0301", and "i̇stanbul", "İstanbul" lowered).
#: What may follow a word's first character (`snippets` starts words at a prefix).
WORD_TAIL = r"[^\W_]*(?:[\u0300-\u036f]+[^\W_]*)*"
WORD_RE = re.compile(r"[^\W_]" + WORD_TAIL)

#: Chinese, Japanese and Korean letters: Han (with 々〆〇), kana, Hangul. Their writing puts no space between
#: words, so a run of them is one `WORD_RE` word ("東京都知事選挙") and a word inside it could not be found.
#: As Lucene's CJK analyzer (CJKBigramFilter) does, a run is indexed and searched as its overlapping
#: two-letter pieces ("東京", "京都", "都知", ...: `cjk_pieces`); a word searched is its pieces in a row (a
#: phrase), so "知事" finds "東京都知事選挙". A lone letter between other letters or spaces stays one term;
#: a one-letter query is searched as the start of a piece (`query`). (Thai, Lao, Khmer and Burmese are written
#: without spaces too, but their words need a dictionary to be told apart: their runs stay whole words.)
CJK_LETTERS = ("\u1100-\u11ff\u3005-\u3007\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
               "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc\U00020000-\U0003134f")


@lru_cache(maxsize=1)
def cjk_re() -> re.Pattern[str]:
    """A run of CJK letters (`CJK_LETTERS`), compiled on first use: at import, its class cost ~1.6 ms (19 M
    instructions) at the start of every search, reader or index process, though most text has no CJK letter."""
    return re.compile(f"[{CJK_LETTERS}]+")


def has_cjk(text: str) -> bool:
    """Whether `text` holds a CJK letter (ASCII text is answered without the pattern)."""
    return not text.isascii() and cjk_re().search(text) is not None


def cjk_pieces(word: str) -> list[tuple[str, int]]:
    """The terms of a word holding CJK letters, with their offsets in it: each run of CJK letters as its
    overlapping two-letter pieces (a run of one letter as itself), and what lies between the runs as it
    is ("iphone発売" -> ("iphone", 0), ("発売", 6))."""
    out: list[tuple[str, int]] = []
    pos = 0
    for m in cjk_re().finditer(word):
        a, b = m.span()
        if a > pos:
            out.append((word[pos:a], pos))
        out += [(word[i:i + 2], i) for i in range(a, b - 1)] if b - a > 1 else [(word[a:b], a)]
        pos = b
    if pos < len(word):
        out.append((word[pos:], pos))
    return out


def _cjk_words(word_list: list[str]) -> list[str]:
    """`word_list` with each word holding CJK letters replaced by its `cjk_pieces`."""
    out: list[str] = []
    for word in word_list:
        if cjk_re().search(word):
            out += [piece for piece, _ in cjk_pieces(word)]
        else:
            out.append(word)
    return out


#: Whoosh's list plus the fragments left by apostrophes; dropped from body and title terms.
STOPS = frozenset(STOP_WORDS | {"s", "t", "d", "ll", "re", "ve", "m"})

#: Gap between the names of one entity field so a phrase never spans two names.
NAME_GAP = 100


#: Latin letters with no decomposition to strip: folded by hand, as readers type them.
_LETTERS = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ß": "ss", "æ": "ae",
            "œ": "oe", "þ": "th", "ð": "d", "ĳ": "ij", "ŧ": "t", "ƀ": "b", "ɨ": "i"}
#: Combining accents, cedillas, breves, rings, ... (text saved decomposed, or "i̇" from "İ").
_MARKS_RE = re.compile("[\u0300-\u036f]+")
#: Where folding applies: Latin (with its extended blocks) and Greek. Other scripts are left
#: as they are: a Cyrillic "й" is not an "и", and vowel signs are letters of their words.
_FOLDED_BLOCKS = ((0x00C0, 0x024F), (0x0370, 0x03FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF))


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _FOLDED_BLOCKS:
        for code in range(lo, hi + 1):
            ch = chr(code).lower()
            bare = _MARKS_RE.sub("", unicodedata.normalize("NFD", ch))
            bare = "".join(_LETTERS.get(c, c) for c in bare)
            if bare != chr(code) and bare.isalpha():
                table[code] = bare
    return table


#: Width forms, folded as Lucene's CJKWidthFilter does (NFKC on these two ranges only): full-width ASCII letters
#: and digits (in U+FF01-FF5E: "Ｍｉｎｉｓｔｅｒ", "２０２４", as Japanese and Chinese outlets print them) are ASCII, and
#: half-width katakana (U+FF65-FF9F: "ｱｲﾌｫﾝ") is katakana, a voiced sound mark joined to the letter before it
#: ("ｶﾞ" -> "ガ", `_VOICED_RE`). Other compatibility forms (ligatures, circled or superscript digits, ...) are
#: left as they are.
_WIDTH = {code: unicodedata.normalize("NFKC", chr(code)) for code in (*range(0xFF01, 0xFF5F), *range(0xFF65, 0xFFA0))
          if code > 0xFF5E or chr(code).isalnum()}  # (no sign is in a word: "＾" would be a "^" in `unfold_pattern`)
#: A half-width katakana letter and its voiced sound mark ("ｶﾞ"): one letter where Unicode has it ("ガ").
_VOICED_RE = re.compile("[\uff66-\uff9d][\uff9e\uff9f]")
_FOLD = _fold_table() | {code: (bare.lower() if bare.isascii() else bare) for code, bare in _WIDTH.items()}


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """A lowercase word without its accents ("café" -> "cafe", "erdoğan" -> "erdogan"), so
    typing a name without them still finds it, and without width forms ("ｍｉｎｉｓｔｅｒ" -> "minister",
    "ｶﾞｿﾘﾝ" -> "ガソリン", `_WIDTH`). Applied alike to indexed and query words (`words`, `stem`,
    `NewsAnalyzer`), so accented queries still find accented text."""
    if word.isascii():
        return word
    if "\uff9e" in word or "\uff9f" in word:
        word = _VOICED_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), word)
    return _MARKS_RE.sub("", word.translate(_FOLD))


def folded_places(word: str) -> tuple[str, list[int]]:
    """`fold(word.lower())`, and for each of its characters the index in `word` of the character it comes
    from (a mark dropped, "ß" made "ss", "ｶﾞ" made "ガ": the folded word is not as long)."""
    lower = word.lower()
    pairs = list(zip(lower, range(len(word)))) if len(lower) == len(word) else \
        [(low, i) for i, ch in enumerate(word) for low in ch.lower()]
    out: list[str] = []
    places: list[int] = []
    k = 0
    while k < len(pairs):
        ch, i = pairs[k]
        if k + 1 < len(pairs) and _VOICED_RE.fullmatch(ch + pairs[k + 1][0]):
            folded = fold(ch + pairs[k + 1][0])  # (one letter, or the letter and its mark where none is both)
            places += [i] if len(folded) == 1 else [i, pairs[k + 1][1]]
            k += 1
        else:
            folded = fold(ch)
            places += [i] * len(folded)
        out.append(folded)
        k += 1
    return "".join(out), places


def word_pieces(word: str) -> list[tuple[str, int, int]]:
    """The lowercase, folded terms of one `WORD_RE` word before stemming, each with the character range of
    `word` it comes from: a word holding CJK letters is folded first, then cut into its `cjk_pieces` (as
    `words` does), so a mark or width form in it makes no piece of its own."""
    if not has_cjk(word):
        return [(fold(word.lower()), 0, len(word))]
    folded, places = folded_places(word)
    places.append(len(word))
    if not cjk_re().search(folded):
        return [(folded, 0, len(word))]
    return [(piece, places[at], places[at + len(piece)]) for piece, at in cjk_pieces(folded)]


def _accented() -> dict[str, str]:
    """Folded letters -> the letters that fold to them ("e" -> "èéêë...", "ss" -> "ßẞ"),
    upper and lower case."""
    out: dict[str, str] = {}
    for code, bare in _FOLD.items():
        out[bare] = out.get(bare, "") + chr(code)
    return out


_ACCENTED = _accented()
#: Combining accents a decomposed text puts after a letter ("Pe\u0301rez").
_MARKS = "[\u0300-\u036f]*"


#: A folded letter -> the letters folding to two letters that start with it ("s" -> "ßẞ").
_STARTING = {ch: "".join(v for k, v in _ACCENTED.items() if len(k) == 2 and k[0] == ch)
             for ch in {k[0] for k in _ACCENTED if len(k) == 2}}


def _unfold_letter(ch: str, last: bool = False) -> str:
    # The last letter of a prefix may be the first half of a "ß" ("micha" starts "Michæl").
    letters = _ACCENTED.get(ch, "") + (_STARTING.get(ch, "") if last else "")
    return f"[{ch}{letters}]" if letters else re.escape(ch)


def unfold_pattern(folded: str) -> str:
    """A regex matching the start of any word that folds to begin with `folded` ("erdog"
    matches "Erdoğ" and a decomposed "Erdog\u0306", "grossb" "Großb", "micha" "Michæ"; with
    re.IGNORECASE for capitals): for scanning raw text for words that fold to a prefix.
    (A run of three s or more is matched only as spelled: "Schlossstraße", not "Schloßstraße".)"""
    out: list[str] = []
    i = 0
    while i < len(folded):
        pair = folded[i:i + 2]
        if len(pair) == 2 and pair in _ACCENTED:  # "ss": "ss" or "ß"
            out.append(f"(?:{_unfold_letter(pair[0])}{_MARKS}{_unfold_letter(pair[1], i + 2 == len(folded))}"
                       f"|[{_ACCENTED[pair]}])")
            i += 2
        else:
            out.append(_unfold_letter(folded[i], i + 1 == len(folded)))
            i += 1
    return _MARKS.join(out)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lowercase word, folded first, memoised: news vocabulary repeats
    heavily, so the cache turns the stemmer from the largest analysis cost into a dictionary
    lookup."""
    return _porter_stem(fold(word))


#: Characters stripped from both ends of a whitespace-separated token before the fast
#: all-letters test in `words` (none of them is a word character).
_EDGES = ".,;:!?\"'()[]{}<>“”‘’«»—–-…*/|#%&+=~^`$@"

#: Entries kept in the word tables below before they start over (they only ever cache).
_TABLE_MAX = 500_000


def words(text: str) -> list[str]:
    r"""`WORD_RE.findall(text.lower())`, folded (`fold`), about twice as fast on news text; a word
    holding CJK letters is its `cjk_pieces`.

    Most whitespace-separated tokens are a word, or a word with punctuation at its ends:
    `str.isalnum` accepts exactly the characters `[^\W_]` matches, so those tokens need no
    regex; only tokens with punctuation inside ("U.S.", "Pakistan’s") go through it."""
    out: list[str] = []
    append = out.append
    findall = WORD_RE.findall
    lower = text.lower()
    for token in lower.split():
        if token.isalnum():
            append(token)
        else:
            core = token.strip(_EDGES)
            if core.isalnum():
                append(core)
            elif core:
                out += findall(core)
    # Most pages' only non-ASCII characters are quotes and dashes, which are not in words.
    if lower.isascii():
        return out
    joined = "".join(out)
    if joined.isascii():
        return out
    out = [w if w.isascii() else fold(w) for w in out]
    # CJK letters? Not in Latin-1 text (most accented news: one C copy tells); else asked of each word not
    # ASCII, memoised (a regex over the whole text cost more than the rest of this function).
    if _latin1(joined) or not any(map(_CJK_WORD.__getitem__, filterfalse(str.isascii, out))):
        return out
    return _cjk_words(out)


def _latin1(text: str) -> bool:
    """Whether every character of `text` is in Latin-1 (U+0000-U+00FF)."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


class Memo(dict):  # type: ignore[type-arg]
    """key -> `rule(key)`, filled on first sight and emptied at `_TABLE_MAX` entries, so
    `stems` and `surface` map a whole word list in C (and the writer its field lengths)."""

    def __init__(self, rule: Callable[[Any], Any]) -> None:
        super().__init__()
        self.rule = rule

    def __missing__(self, key: Any) -> Any:
        value = self.rule(key)
        if len(self) >= _TABLE_MAX:
            self.clear()
        self[key] = value
        return value


#: word -> its index term, "" for words that give none (stop words, over-long words).
_TERMS = Memo(lambda word: "" if word in STOPS or len(word) >= 40 else _porter_stem(word))
#: word (not ASCII) -> whether it holds CJK letters (`cjk_pieces`).
_CJK_WORD = Memo(lambda word: cjk_re().search(word) is not None)
#: word -> whether the did-you-mean vocabulary keeps it.
_SURFACE = Memo(lambda word: word not in STOPS and 2 < len(word) < 25 and not word.isdigit())


def stems(word_list: list[str]) -> list[str]:
    """The index terms of already split words (`words`), in order."""
    return list(filter(None, map(_TERMS.__getitem__, word_list)))


def terms(text: str) -> list[str]:
    """The stemmed, stop-word-free terms of `text`, in order (positions = list indexes)."""
    return stems(words(text))


def surface(word_list: list[str]) -> list[str]:
    """The words of `word_list` kept for the did-you-mean vocabulary."""
    return list(filter(_SURFACE.__getitem__, word_list))


def name_terms(text: str) -> list[str]:
    """Lowercase unstemmed words for names and outlets (`person:"Ishaq Dar"`)."""
    return words(text)


#: Common grams (see `word_pairs`): a stem is "common" when it is in at least this share
#: of the sampled articles. A phrase costs in proportion to its rarer word's document
#: count (every candidate's positions are read), so only pairs of two such words are slow;
#: a pair with a word in under ~15% of articles is bounded by that word. 15% keeps the
#: set to the few dozen to hundred-odd stems that make the slow phrases, so the pair terms
#: add ~10% to the postings instead of the ~25% a 1% threshold would.
COMMON_SHARE = 0.15
#: No common stems from a sample smaller than this: phrases on a corpus of fewer than
#: ~1,000 articles are fast anyway, and a share measured on fewer is noise.
COMMON_MIN_SAMPLE = 1000


def common_stems(articles: list[list[str]], share: float = COMMON_SHARE,
                 min_sample: int = COMMON_MIN_SAMPLE) -> frozenset[str]:
    """The stems in at least `share` of `articles` (each the index terms of one article),
    none if fewer than `min_sample` articles were sampled."""
    if len(articles) < min_sample:
        return frozenset()
    df: Counter[str] = Counter()
    for ts in articles:
        df.update(set(ts))
    least = share * len(articles)
    return frozenset(t for t, n in df.items() if n >= least)


def word_pairs(ts: list[str], common: frozenset[str]) -> list[str]:
    """"<t[i]> <t[i+1]>" for adjacent index terms that are both in `common`: the terms of
    the `grams_<field>` fields, which answer a two-word phrase of common words from one
    posting list (`phrase.gram_phrase`). Adjacent in `ts` is adjacent in positions, the
    same adjacency a phrase checks."""
    if not common:
        return []
    flags = list(map(common.__contains__, ts))
    return [f"{a} {b}" for a, b, fa, fb in zip(ts, ts[1:], flags, flags[1:]) if fa and fb]


class _OnePosition(dict):  # type: ignore[type-arg]
    """position -> the encoded value of a posting at that one position (most postings),
    built once: count 1, then a minimal pickle of `[position]`."""

    def __missing__(self, pos: int) -> bytes:
        if pos < 256:
            op = b"K" + bytes([pos])
        elif pos < 65536:
            op = b"M" + pos.to_bytes(2, "little")
        else:
            op = b"J" + pos.to_bytes(4, "little", signed=True)
        value = pack_uint(1) + b"]" + op + b"a."
        self[pos] = value
        return value


ONE_POSITION = _OnePosition()


def encode_positions(poslist: list[int]) -> bytes:
    """Whoosh's `Positions` encoding of sorted positions: their count, then the pickled
    list of deltas (`Positions.decode_positions` and `phrase.positions` read it)."""
    if len(poslist) == 1:
        return ONE_POSITION[poslist[0]]
    deltas = [poslist[0]]
    deltas += map(sub, poslist[1:], poslist[:-1])
    return pack_uint(len(deltas)) + dumps(deltas, 1)


class NewsAnalyzer(Composable):
    """Whoosh analyzer equivalent of `terms` (stem=True) or `name_terms` (stem=False).

    Used at query time and by Whoosh internals; indexing bypasses it (see `NewsText`).
    `tokenize=False` (Whoosh passes it for wildcards) lowercases and folds without
    stemming, so `strik*` is matched against stems as typed.
    """

    def __init__(self, stemming: bool = True) -> None:
        self.stemming = stemming

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NewsAnalyzer) and other.stemming == self.stemming

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: object) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = fold(value.lower())
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        pos = start_pos
        for match in WORD_RE.finditer(value):
            text = match.group()
            # (a word holding CJK letters is its pieces, as `words` makes them, each with its place in the text)
            for word, a, b in word_pieces(text):
                if self.stemming:
                    if (word in STOPS and removestops) or len(word) >= 40:
                        continue
                    word = stem(word)
                token.text = word
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = text[a:b]
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char + match.start() + a
                    token.endchar = start_char + match.start() + b
                pos += 1
                yield token


class NewsText(TEXT):
    """A positional text field whose indexing skips Whoosh's token pipeline.

    `index` receives either a string (analysed with `terms`/`name_terms`) or a list of
    strings (entity names: each analysed separately, `NAME_GAP` positions apart).
    """

    def __init__(self, stemming: bool = True, field_boost: float = 1.0) -> None:
        super().__init__(analyzer=NewsAnalyzer(stemming), phrase=True, field_boost=field_boost)
        self.stemming = stemming

    def _terms(self, value: str) -> list[str]:
        return terms(value) if self.stemming else name_terms(value)

    def index(self, value, **kwargs):  # type: ignore[override]
        poses: dict[str, list[int]] = defaultdict(list)
        if isinstance(value, str):
            for i, word in enumerate(self._terms(value)):
                poses[word].append(i)
        else:
            base = 0
            for part in value:
                words = self._terms(part)
                for i, word in enumerate(words):
                    poses[word].append(base + i)
                base += len(words) + NAME_GAP
        boost = self.format.field_boost
        for word, poslist in poses.items():
            n = len(poslist)
            yield word.encode("utf-8"), n, n * boost, encode_positions(poslist)


# Keep the type checker honest about what we rely on from Whoosh.
assert issubclass(NewsText, TEXT) and Positions is not None
