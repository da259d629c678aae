"""Words that stand for several index terms: `prefix*`, `wild*card`, `fuzzy~`.

Whoosh expands such a word in every segment separately by walking the term list in Python
(`expand_prefix`, a DFA for `~`), once for the match, again for the count and again for the
snippets' marks; then it ORs one posting matcher per term. On 4,000 generated stories
(homeB of the Q6 test; 51,564 body terms) `g*` expanded to 3,005 body and 502 title terms in
each of 4 segments, 20,814 term matchers: 2.5-4 s; `*ion` 5-10 s; `government~2` 4-9 s.

Here:

* A segment's term list of a field is read once, straight from its term file (one read of
  the file's key/value region), into one newline-joined string and the document
  frequencies: a segment never changes, so the list is kept on its reader (`_lexicon`).
  A pattern is then one regular expression over that string (C speed).
* The terms are chosen once per search on the whole index (`Expansion.chosen`), not per
  segment, so every segment searches the same terms, and the count and the marks reuse
  them.
* At most EXPAND_TERMS terms are searched, the most frequent (by document frequency), with
  at most EXPAND_POSTINGS postings in all (beyond the first term's); a word that matches
  more says so (`notes`): "g* matched 3,005 words; searched the 200
  commonest". The rare words left out are mostly typos and names seen once, and the
  articles holding them hold common matches too as a rule.
* Fuzzy `word~N` compares the word as typed *and* its stem with the stemmed index terms (the
  body and title fields are stemmed: `minister` is indexed as `minist`, 2 edits from the
  word as typed, so `minister~` found nothing, not even "minister"). Terms must share the
  word's first FUZZY_PREFIX letter(s) (`~N/P` sets P; Whoosh's own FuzzyTerm default is 1
  too), and at most FUZZY_TERMS terms are kept, nearest first, then the most frequent. A
  misspelt word is not stemmed as the word meant (`minster` keeps its "er", 3 edits from
  `minist`): the word less an ending the stemmer cuts (`loose_roots`: "minst") is compared
  too, with the terms that ending leaves as they are (`minist` + "er" stems to `minist`).
* A `prefix*` on a stemmed field also matches the stems its words have when the stem is
  shorter than the prefix (`stem_prefixes`): `ministe*` stands for "minister", indexed as
  `minist`, and `governme*` for "government", indexed as `govern`; compared as typed with
  the stemmed terms they found nothing.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from array import array
import sys
from bisect import bisect_left, bisect_right
from functools import partial
from itertools import accumulate
from typing import Any, Callable, Iterator, NamedTuple

from whoosh import matching
from whoosh import query as Q
from whoosh.filedb.filetables import OrderedHashReader
from whoosh.filedb.filetables import _lengths as _LENGTHS
from whoosh.support.levenshtein import damerau_levenshtein

from newsreader.search.analysis import stem
from newsreader.search.termtable import or_scores, segment_terms

#: The most terms a `prefix*` or `wild*card` word searches for (the most frequent).
EXPAND_TERMS = 200
#: The most terms a `word~N` searches for (the nearest, then the most frequent).
FUZZY_TERMS = 50
#: ... and the most postings all of them together (beyond the first term): at 100,000
#: generated articles `g*` took 2.8 s with 200 words, `*ion` 3.6 s.
EXPAND_POSTINGS = 300_000
#: Letters a fuzzy term must share with the start of the word (`word~N/P` overrides it).
FUZZY_PREFIX = 1
#: Endings of English words as typed: a term `t` shorter than a typed prefix `p` stands for
#: a word starting with `p` when `p` is `t` and the start of one of these endings `e`, and
#: `stem(t + e) == t` (the stemmer cut the ending: "minist" + "er", "govern" + "ment").
WORD_ENDINGS = ("e", "es", "ed", "er", "ers", "ing", "ings", "s", "y", "ies", "ied", "ly", "al", "ally",
                "ality", "ance", "ances", "ence", "ences", "ent", "ents", "ant", "ants", "ment", "ments",
                "ion", "ions", "ation", "ations", "ational", "ive", "ives", "ively", "iveness", "ize", "izes",
                "ized", "izing", "ization", "izations", "ise", "ised", "ises", "ising", "isation", "ism", "isms",
                "ist", "ists", "ity", "ities", "ic", "ical", "ically", "able", "ably", "ible", "ibly", "ness",
                "ful", "fully", "fulness", "ous", "ously", "ousness", "ate", "ates", "ated", "ating", "ator",
                "ators", "ency", "ancy", "encies", "ancies")
#: The shortest stem a typed prefix stands for beyond itself ("gov*" is not "go").
STEM_PREFIX_MIN = 3

#: A fuzzy term other than the word (or its stem) itself scores this fraction of its
#: weight: the word as spelt ranks its articles first.
FUZZY_OTHERS_BOOST = 0.5


#: The scores of the expansions searched last (`Expansion._scores`), least recently used
#: first, kept while they take at most SCORES_BYTES in all (the newest is always kept):
#: every segment's matcher and then the count ask for each expansion of a query in turn, so
#: the cache must hold all of a query's expansions at once. It held 4 (first in, first
#: out): 3 wildcard words are 6 expansions (title and body), every look-up missed and
#: `g* OR s* OR t*` scored the whole index 96 times instead of 6 (4,000 stories: 7-8.5 s).
#: An entry is 12 bytes a document (`Scores`; the dict or_scores returns takes ~107), so
#: 24 MB hold 2,000,000 documents: `g* OR s* OR t*` at 100,000 articles holds 377,361
#: (4.5 MB; as dicts 40.6 MB, and the old bound of 1,000,000 documents was ~107 MB).
SCORES_BYTES = 24_000_000
#: And at most this many expansions: each pins its Whoosh reader (an index re-read since
#: keeps old readers alive until they are dropped).
SCORES_MOST = 64
_SCORES: "OrderedDict[tuple[int, int, int], tuple[Any, Any, Any, Scores | None]]" = OrderedDict()
_SCORES_HELD = [0]  # (the bytes _SCORES holds in all: `_held`)
#: Searches run in worker threads (the reader's search, its count, related stories).
_SCORES_LOCK = threading.Lock()


class Scores:
    """An expansion's scores over the whole index: the global document numbers in order
    (`ids`, 4 bytes each) and their scores (`weights`, 8 bytes each). Twelve bytes a
    document where the dict `or_scores` builds takes ~107, and a segment's part is a slice
    found by bisection: the dict was read whole once per segment (at 100,000 articles in 14
    segments, `g*` from the cache took 146 ms, now 13; `g* OR s* OR t*` 1.23 s, now 0.88)."""

    __slots__ = ("ids", "weights")

    def __init__(self, found: dict[int, float]) -> None:
        ids = sorted(found)
        self.ids = array("i", ids)  # (a document number is below 2**31)
        self.weights = array("d", [found[d] for d in ids])  # (a list: an iterator over-allocates)

    def __len__(self) -> int:
        return len(self.ids)

    def nbytes(self) -> int:
        """The two arrays' size, their headers included."""
        return sys.getsizeof(self.ids) + sys.getsizeof(self.weights)

    def part(self, offset: int, end: int) -> tuple[list[int], list[float]]:
        """The documents numbered `offset` to `end` (a segment), renumbered from 0, with
        their scores."""
        ids = self.ids
        lo = bisect_left(ids, offset)
        hi = bisect_left(ids, end, lo)
        return [d - offset for d in ids[lo:hi]], self.weights[lo:hi].tolist()


def _held(found: Scores | None) -> int:
    """What an entry of `_SCORES` counts for (bytes; a None entry counts for little)."""
    return 64 if found is None else found.nbytes()


class Chosen(NamedTuple):
    """What an expansion searches for: (term, boost) pairs, how many terms matched in all,
    and the chosen terms' document frequencies added up."""

    terms: list[tuple[str, float]]
    matched: int
    docs: int


class Lexicon:
    """One segment's terms of one field: `text` holds them newline-joined (sorted, each
    followed by a newline), `starts[i]` where term i starts, `dfs[i]` its document
    frequency."""

    __slots__ = ("text", "starts", "dfs")

    def __init__(self, terms: list[str], dfs: list[int]) -> None:
        self.text = "".join(t + "\n" for t in terms)
        self.starts = array("i", [0])  # (4 bytes a term: a field's list of a segment is far below 2 GB)
        self.starts.extend(accumulate(len(t) + 1 for t in terms))
        self.dfs = array("i", dfs)

    def find(self, pattern: re.Pattern[str]) -> Iterator[tuple[str, int]]:
        """(term, document frequency) of every term `pattern` (anchored with ^...$ in
        MULTILINE mode) matches."""
        starts, dfs = self.starts, self.dfs
        for m in pattern.finditer(self.text):
            yield m.group(), dfs[bisect_right(starts, m.start()) - 1]


def _read_lexicon(leaf: Any, fieldname: str) -> Lexicon:
    """The field's terms of a segment from its W3 term file: the file's sorted array of
    item positions gives the field's run of keys (a key is the field's number, 2 bytes,
    then the term; an item is the two lengths, the key, then the term info, which starts
    with the term's stats), read at once. Through Whoosh's reader for another codec."""
    table = segment_terms(leaf)
    tindex = table._tindex if table is not None else None
    if table is None or not isinstance(tindex, OrderedHashReader) or \
            array(tindex.extras["indextype"]).itemsize != tindex.indexsize:
        words = [t.decode("utf-8") if isinstance(t, bytes) else t for t in leaf.lexicon(fieldname)]
        return Lexicon(words, [leaf.doc_frequency(fieldname, t) for t in words])
    prefix = table.key(fieldname, b"")
    if prefix is None:
        return Lexicon([], [])
    dbfile = tindex.dbfile
    where = array(tindex.extras["indextype"], dbfile.get(tindex.indexbase, tindex.indexlen * tindex.indexsize))
    if sys.byteorder == "little":
        where.byteswap()  # (Whoosh writes the array big-endian)

    def field_at(i: int) -> bytes:
        return dbfile.get(where[i] + _LENGTHS.size, 2)

    lo = bisect_left(range(len(where)), prefix, key=field_at)
    hi = bisect_right(range(lo, len(where)), prefix, key=field_at) + lo
    if lo == hi:
        return Lexicon([], [])
    base = where[lo]
    data = dbfile.get(base, (where[hi] if hi < len(where) else tindex.endofdata) - base)
    size = _LENGTHS.size
    spans = [(p, int.from_bytes(data[p:p + 4], "big")) for p in (w - base for w in where[lo:hi])]
    terms = [data[p + size + 2:p + size + n].decode("utf-8") for p, n in spans]
    dfs = [int.from_bytes(data[p + size + n + 5:p + size + n + 9], "big") for p, n in spans]
    return Lexicon(terms, dfs)


def lexicon(leaf: Any, fieldname: str) -> Lexicon:
    """`_read_lexicon`, kept on the segment's reader (a segment's terms never change)."""
    cache = leaf.__dict__.setdefault("_newsreader_lexicons", {})
    found = cache.get(fieldname)
    if found is None:
        found = cache[fieldname] = _read_lexicon(leaf, fieldname)
    return found


def stem_prefixes(prefix: str) -> list[str]:
    """The stems shorter than `prefix` that words starting with it are indexed as: each
    start `t` of the prefix (at least STEM_PREFIX_MIN letters) such that the rest of the
    prefix begins one of WORD_ENDINGS `e` with `stem(t + e) == t`. "ministe" -> ["minist"]
    (minister), "governme" -> ["govern"] (government), "presiden" -> ["presid"]."""
    out = []
    for cut in range(STEM_PREFIX_MIN, len(prefix)):
        head, rest = prefix[:cut], prefix[cut:]
        if any(e.startswith(rest) and stem(head + e) == head for e in WORD_ENDINGS):
            out.append(head)
    return out


def loose_roots(word: str) -> list[tuple[str, str]]:
    """(root, ending) for each of WORD_ENDINGS `word` ends with, the root being the rest (of
    STEM_PREFIX_MIN letters at least). A fuzzy word is compared with the stemmed terms, and a
    misspelt word is not stemmed as the word meant: "minster" keeps its "er" (Porter cuts it
    only after a longer stem) where "minister" is indexed as "minist", 3 edits from both
    "minster" and its stem; its root "minst" is 1. A term `t` counts as near a root only when
    it is the stem of `t` + the ending ("minist" + "er"), so "town" is not near "tower"."""
    return [(word[:-len(e)], e) for e in WORD_ENDINGS
            if word.endswith(e) and len(word) - len(e) >= STEM_PREFIX_MIN]


def lexicon_parts(reader: Any, fields: tuple[str, ...] = ("title", "body")) -> list[Callable[[], Any]]:
    """Calls reading each segment's term list of each of `fields` (`lexicon`), one a call:
    made ahead (`Library.warm`), the first `prefix*`, `wild*card` or `fuzzy~` of a session
    does not wait for them (0.3-2.5 s at 4,000 to 100,000 articles)."""
    return [partial(lexicon, leaf, f) for leaf in _leaves(reader) for f in fields]


def _within_budget(ranked: list[str], df: dict[str, int], most: int) -> list[str]:
    """The first of `ranked`, then the next ones while there are at most `most` and their
    postings (document frequencies) add up to at most EXPAND_POSTINGS: scoring costs ~1 us
    a posting, and at 100,000 articles the 200 commonest words of `g*` have millions."""
    out: list[str] = []
    total = 0
    for term in ranked[:most]:
        if out and total + df[term] > EXPAND_POSTINGS:
            break
        out.append(term)
        total += df[term]
    return out


def _leaves(reader: Any) -> list[Any]:
    return [leaf for leaf, _ in reader.leaf_readers()] if not reader.is_atomic() else [reader]


class Expansion(Q.MultiTerm):
    """A word standing for the terms of `fieldname` it matches: `kind` "prefix" (`text*`),
    "wildcard" (`*text`, `te?t`: fnmatch syntax) or "fuzzy" (`text~maxdist/prefixlength`).
    Scored as an OR of its chosen terms (`chosen`)."""

    def __init__(self, fieldname: str, text: str, kind: str, boost: float = 1.0, maxdist: int = 1,
                 prefixlength: int = FUZZY_PREFIX, stemmed: bool = False) -> None:
        self.fieldname = fieldname
        self.stemmed = stemmed  # (the field's terms are stems: a prefix also stands for shorter ones)
        self.text = text
        self.kind = kind
        self.boost = boost
        self.maxdist = maxdist
        self.prefixlength = prefixlength
        self.constantscore = False
        self._chosen: weakref.WeakKeyDictionary[Any, Chosen] = weakref.WeakKeyDictionary()

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and other.fieldname == self.fieldname  # type: ignore[attr-defined]
                and other.text == self.text and other.kind == self.kind  # type: ignore[attr-defined]
                and other.boost == self.boost and other.maxdist == self.maxdist  # type: ignore[attr-defined]
                and other.prefixlength == self.prefixlength  # type: ignore[attr-defined]
                and other.stemmed == self.stemmed)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.fieldname, self.text, self.kind, self.boost, self.maxdist, self.prefixlength,
                     self.stemmed))

    def __repr__(self) -> str:
        return f"Expansion({self.fieldname!r}, {self.text!r}, {self.kind!r}, maxdist={self.maxdist})"

    def typed(self) -> str:
        """The word as typed (without its field)."""
        return self.text + {"prefix": "*", "wildcard": "", "fuzzy": f"~{self.maxdist}"}[self.kind]

    def __unicode__(self) -> str:
        return f"{self.fieldname}:{self.typed()}"

    __str__ = __unicode__

    def copy(self) -> "Expansion":
        return Expansion(self.fieldname, self.text, self.kind, self.boost, self.maxdist, self.prefixlength,
                         self.stemmed)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_chosen"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._chosen = weakref.WeakKeyDictionary()

    # --- choosing the terms --------------------------------------------------------

    def _pattern(self) -> re.Pattern[str]:
        if self.kind == "prefix":
            shorter = "".join(f"|{re.escape(t)}" for t in stem_prefixes(self.text)) if self.stemmed else ""
            return re.compile(f"^(?:{re.escape(self.text)}.*{shorter})$", re.MULTILINE)
        if self.kind == "wildcard":
            body = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in self.text)
            return re.compile(f"^{body}$", re.MULTILINE)
        # fuzzy: the shared first letters, a length within maxdist of the word's, its stem's
        # or one of its loose roots'
        word, root, d = self.text, stem(self.text), self.maxdist
        head = word[:self.prefixlength]
        lo = max(0, min(len(word), len(root), *(len(r) for r, _ in self._loose())) - d - len(head))
        hi = max(len(word), len(root)) + d - len(head)
        return re.compile(f"^{re.escape(head)}.{{{lo},{hi}}}$", re.MULTILINE)

    def _loose(self) -> list[tuple[str, str]]:
        """The fuzzy word's `loose_roots` other than its stem."""
        root = stem(self.text)
        return [(r, e) for r, e in loose_roots(self.text) if r != root]

    def chosen(self, reader: Any) -> Chosen:
        """The terms searched for over all of `reader` (the whole index): computed once
        per reader."""
        found = self._chosen.get(reader)
        if found is None:
            found = self._chosen[reader] = self._choose(reader)
        return found

    def _choose(self, reader: Any) -> Chosen:
        pattern = self._pattern()
        df: dict[str, int] = {}
        for leaf in _leaves(reader):
            for term, n in lexicon(leaf, self.fieldname).find(pattern):
                df[term] = df.get(term, 0) + n
        if self.kind != "fuzzy":
            best = _within_budget(sorted(df, key=lambda t: (-df[t], t)), df, EXPAND_TERMS)
            return Chosen([(t, 1.0) for t in best], len(df), sum(df[t] for t in best))
        word, root, d = self.text, stem(self.text), self.maxdist
        loose = self._loose()
        near: list[tuple[int, int, str]] = []
        for term, n in df.items():
            k = min(damerau_levenshtein(term, word, d), damerau_levenshtein(term, root, d))
            for r, ending in loose if k else ():
                if abs(len(term) - len(r)) < k and k > (j := damerau_levenshtein(term, r, d)) \
                        and stem(term + ending) == term:
                    k = j
            if k <= d:
                near.append((k, -n, term))
        near.sort()
        kept = _within_budget([t for _, _, t in near], df, FUZZY_TERMS)
        dist = {t: k for k, _, t in near}
        return Chosen([(t, 1.0 if dist[t] == 0 else FUZZY_OTHERS_BOOST) for t in kept], len(near),
                      sum(df[t] for t in kept))

    def note(self, reader: Any) -> str | None:
        """What the user should know about the expansion: that only the commonest (the
        nearest) matching words were searched."""
        chosen = self.chosen(reader)
        if chosen.matched <= len(chosen.terms):
            return None
        which = "nearest" if self.kind == "fuzzy" else "commonest"
        return f"{self.typed()} matched {chosen.matched:,} words; searched the {len(chosen.terms):,} {which}"

    # --- Whoosh's query API ---------------------------------------------------------

    def estimate_size(self, ixreader: Any) -> int:
        """The chosen terms' document frequencies added (Whoosh's: from each term's info)."""
        return self.chosen(ixreader).docs

    def _btexts(self, ixreader: Any) -> Iterator[bytes]:
        for term, _ in self.chosen(ixreader).terms:
            yield term.encode("utf-8")

    def _scores(self, top: Any) -> Scores | None:
        """The chosen terms' OR scored over the whole index (termtable.or_scores: Whoosh's
        BM25 scores, read a posting block at a time), so each segment's matcher takes its
        part; None where or_scores cannot answer (another weighting). Kept (`_SCORES`, least
        recently used dropped first): a search asks once per segment, then again to count,
        and the reader pages through the same query."""
        reader, weighting = top.reader(), top.weighting
        key = (id(self), id(reader), id(weighting))
        with _SCORES_LOCK:
            kept = _SCORES.get(key)  # (the objects are kept with it: an id is only unique while they live)
            if kept is not None and kept[0] is self and kept[1] is reader and kept[2] is weighting:
                _SCORES.move_to_end(key)
                return kept[3]
        clauses = [(self.fieldname, t, b * self.boost) for t, b in self.chosen(reader).terms]
        scored = or_scores(top, clauses)
        found = None if scored is None else Scores(scored)
        del scored
        with _SCORES_LOCK:
            old = _SCORES.pop(key, None)
            if old is not None:
                _SCORES_HELD[0] -= _held(old[3])
            _SCORES[key] = (self, reader, weighting, found)
            _SCORES_HELD[0] += _held(found)
            while (_SCORES_HELD[0] > SCORES_BYTES or len(_SCORES) > SCORES_MOST) and len(_SCORES) > 1:
                _, dropped = _SCORES.popitem(last=False)
                _SCORES_HELD[0] -= _held(dropped[3])
        return found

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        top = searcher.get_parent()
        chosen = self.chosen(top.reader()).terms
        if not chosen:
            return matching.NullMatcher()
        scores = self._scores(top)
        if scores is None:  # Whoosh's own OR of the chosen terms
            qs = [Q.Term(self.fieldname, t, boost=b) for t, b in chosen]
            q = qs[0] if len(qs) == 1 else Q.Or(qs)
            q.boost *= self.boost
            return q.matcher(searcher, context)
        offset = 0
        if top is not searcher:
            reader = searcher.reader()
            offset = next(o for leaf, o in top.reader().leaf_readers() if leaf is reader)
        ids, weights = scores.part(offset, offset + searcher.reader().doc_count_all())
        if not ids:
            return matching.NullMatcher()
        return ScoredList(ids, weights)


class ScoredList(matching.ListMatcher):
    """Documents with their scores, already summed, each posting a block of its own: a
    top-k collector may skip those that cannot reach its floor (and then knows its count
    is not exact, as with Whoosh's own term matchers; a matcher without block quality
    that its parent drops by `max_quality` would leave a count short)."""

    def __init__(self, ids: list[int], scores: list[float]) -> None:
        super().__init__(ids, scores)
        self._best = max(scores)

    def copy(self) -> "ScoredList":
        m = ScoredList(self._ids, self._weights)
        m._i = self._i
        return m

    def supports_block_quality(self) -> bool:
        return True

    def max_quality(self) -> float:
        return self._best

    def block_quality(self) -> float:
        # (Whoosh's union asks again after a skip that may have run off the end)
        return self._weights[self._i] if self._i < len(self._ids) else 0.0

    def skip_to_quality(self, minquality: float) -> int:
        weights, i, n = self._weights, self._i, len(self._ids)
        start = i
        while i < n and weights[i] <= minquality:
            i += 1
        self._i = i
        return i - start

    def replace(self, minquality: float = 0) -> Any:
        if not self.is_active() or (minquality and self._best < minquality):
            return matching.NullMatcher()
        return self


def expansions(q: Q.Query) -> Iterator[Expansion]:
    """The expansions in a query."""
    if isinstance(q, Expansion):
        yield q
        return
    if not q.is_leaf():
        for child in q.children():
            yield from expansions(child)


def notes(q: Q.Query, reader: Any) -> list[str]:
    """One line per word of `q` whose expansion searched only some of its words (the reader
    or the CLI may show them beside the result). A word searches title and body, each its
    own expansion: the line is the one of the field with the most matching words."""
    best: dict[str, tuple[int, str]] = {}
    for e in expansions(q):
        line = e.note(reader)
        if line:
            matched = e.chosen(reader).matched
            if matched > best.get(e.typed(), (-1, ""))[0]:
                best[e.typed()] = (matched, line)
    return [line for _, line in best.values()]


def replace(node: Q.Query, schema: Any = None) -> Q.Query:
    """Whoosh's Prefix, Wildcard and FuzzyTerm (a leaf of a parsed query) as an Expansion.
    `schema` tells which fields are stemmed (`NewsText.stemming`)."""
    if isinstance(node, Q.FuzzyTerm):
        return Expansion(node.fieldname, node.text, "fuzzy", node.boost, int(node.maxdist),
                         node.prefixlength or FUZZY_PREFIX)
    if isinstance(node, Q.Prefix):
        field = schema[node.fieldname] if schema is not None and node.fieldname in schema else None
        return Expansion(node.fieldname, node.text, "prefix", node.boost,
                         stemmed=bool(getattr(field, "stemming", False)))
    if isinstance(node, Q.Wildcard):
        return Expansion(node.fieldname, node.text, "wildcard", node.boost)
    return node
