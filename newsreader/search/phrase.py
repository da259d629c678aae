"""Exact phrases, checked with set arithmetic on the postings' positions.

Whoosh's `Phrase` turns each candidate document (one holding every word) into `Span`
objects and compares them pairwise in Python: ~30 us a candidate, and a phrase of two
common words ("were they") has a candidate in half the corpus. `NewsPhrase` evaluates a
segment at once (`block_phrase`):

1. the words' document lists are intersected a block at a time, rarest word first, from
   the ids alone (`postings.block_ids`: the positions, ~90% of a block's decoding, are not
   decoded), skipping blocks that hold no candidate;
2. only blocks holding a candidate are decoded in full, and a candidate is kept when
   `{p - i for p in positions(word i)}` intersect for all words (position sets are
   memoised by their encoded bytes: most postings hold one position, so a few thousand
   encodings cover most of them);
3. the matches are scored as Whoosh's phrase matcher scores them (the sum of the words'
   scores) and handed to the collector as a short list.

Matches and scores are the same as with Whoosh's `Phrase` (tests/test_search_order.py,
tests/test_query_paths.py). Anything but Whoosh's own posting format falls back to
`PhraseMatcher` (step 2 on Whoosh's intersection matcher).
"""

from __future__ import annotations

from itertools import accumulate, compress
from operator import itemgetter, not_
from pickle import loads
from typing import Any

from whoosh import matching
from whoosh import query as Q
from whoosh.matching.wrappers import WrappingMatcher
from whoosh.system import _INT_SIZE  # the position count before the pickled deltas
from whoosh.util import make_binary_tree

from newsreader.search.postings import ScoredListMatcher, SettlingMatcher, all_ids, block_ids, blocks_holding, \
    is_w3_leaf, length_fn, shared_weight, unwrap

#: Memoised position sets per offset in the phrase (entries before a memo is cleared).
_SHIFTED_MAX = 200_000


def positions(value: bytes) -> list[int]:
    """Positions of one posting (Whoosh's `Positions` format: count + pickled deltas)."""
    if not value.endswith(b"."):
        value += b"."
    return list(accumulate(loads(value[_INT_SIZE:])))


class PhraseMatcher(SettlingMatcher):
    """Matches of the intersection `child` of the word matchers `words` whose positions
    line up as consecutive."""

    def __init__(self, words: list[Any], boost: float = 1.0) -> None:
        super().__init__(make_binary_tree(matching.IntersectionMatcher, words), boost)
        self.words = words
        self._settle()

    def _here(self) -> bool:
        words = self.words
        found = set(positions(words[0].value()))
        for offset in range(1, len(words)):
            found.intersection_update(p - offset for p in positions(words[offset].value()))
            if not found:
                return False
        return True

    def _settle(self) -> None:
        child = self.child
        while child.is_active() and not self._here():
            child.next()

    def copy(self) -> "PhraseMatcher":
        return PhraseMatcher([m.copy() for m in self.words], self.boost)

    def replace(self, minquality: float = 0) -> Any:
        # The intersection must keep holding `self.words`, so it is never replaced.
        return self if self.is_active() else matching.NullMatcher()

    def spans(self) -> Any:
        raise NotImplementedError("NewsPhrase has no spans")


class NewsPhrase(Q.Phrase):
    """`Phrase` (exact, slop 1) with `PhraseMatcher`."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        fieldname = self.fieldname
        if fieldname not in searcher.schema:
            return matching.NullMatcher()
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            raise Q.QueryError(f"Phrase search: {fieldname!r} field has no positions")
        reader = searcher.reader()
        words, btexts = [], []
        for word in self.words:
            try:
                btext = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (fieldname, btext) not in reader:
                return matching.NullMatcher()
            btexts.append(btext)
            words.append(Q.Term(fieldname, btext).matcher(searcher, context))
        if any(not m.is_active() for m in words):
            return matching.NullMatcher()
        if len(words) == 1:
            return words[0] if self.boost == 1.0 else WrappingMatcher(words[0], self.boost)
        found = gram_phrase(searcher, fieldname, btexts, words)
        if found is None:
            found = block_phrase(searcher, fieldname, btexts, words)
        if found is None:
            return PhraseMatcher(words, self.boost)
        ids, scores = found
        if not ids:
            return matching.NullMatcher()
        if self.boost != 1.0:
            scores = [x * self.boost for x in scores]
        return ScoredListMatcher(ids, scores)


class _Shifted(dict):  # type: ignore[type-arg]
    """Encoded positions -> `{p - offset for p in positions(value)}`, filled on first use
    (so whole candidate lists are converted with `map(memo.__getitem__, ...)` in C)."""

    def __init__(self, offset: int) -> None:
        super().__init__()
        self.offset = offset

    def __missing__(self, value: bytes) -> frozenset[int]:
        if len(self) >= _SHIFTED_MAX:
            self.clear()
        offset = self.offset
        found = self[value] = frozenset(p - offset for p in positions(value))
        return found


_SHIFTS: dict[int, _Shifted] = {}


def _shift(offset: int) -> _Shifted:
    memo = _SHIFTS.get(offset)
    if memo is None:
        memo = _SHIFTS[offset] = _Shifted(offset)
    return memo


def gram_field(fieldname: str) -> str:
    """The field holding the word pairs of `fieldname` (see `gram_phrase`)."""
    return f"grams_{fieldname}"


def gram_phrase(searcher: Any, fieldname: str, btexts: list[bytes],
                words: list[Any]) -> tuple[list[int], list[float]] | None:
    """A two-word phrase answered from an index of word pairs ("common grams"), or None.

    The index has fields `grams_title`/`grams_body` whose term `"<word1> <word2>"` lists
    every document where the two terms stand at adjacent positions of `<field>` (after
    stemming and stop words, the positions phrases use), for pairs of two of the index's
    common stems (`analysis.word_pairs`, `indexer.decide_common_stems`). A segment that has the
    pair's term answers from its postings: the same documents as checking positions,
    scored as Whoosh's phrase matcher (the sum of the words' scores, read for those
    documents only). A segment without the term (the pair is not indexed there, or
    never occurs) returns None and the positions are checked as usual, so an index
    built with another list of frequent words, or none, still gives exact results."""
    gram = gram_field(fieldname)
    if len(btexts) != 2 or gram not in searcher.schema:
        return None
    reader = searcher.reader()
    term = btexts[0] + b" " + btexts[1]
    if (gram, term) not in reader:
        return None
    from newsreader.search.fieldfirst import body_scores

    ids = all_ids(reader.postings(gram, term))
    leaves = [unwrap(m)[0] for m in words]
    if any(getattr(leaf, "scorer", None) is None for leaf in leaves):  # matching only
        return ids, [0.0] * len(ids)
    if not all(is_w3_leaf(leaf) and hasattr(leaf.scorer, "_score") for leaf in leaves):
        return None
    parts = [body_scores(m, ids, reader, fieldname) for m in words]
    if any(len(part) != len(ids) for part in parts):  # the pair list and the words disagree
        return None
    return ids, [sum(part[d] for part in parts) for d in ids]


def block_phrase(searcher: Any, fieldname: str, btexts: list[bytes],
                 words: list[Any]) -> tuple[list[int], list[float]] | None:
    """Docnums and scores of the phrase `btexts` (with their fresh term matchers `words`)
    in one segment, or None if the postings are not Whoosh's W3 blocks."""
    reader = searcher.reader()
    leaves = []
    for m in words:
        leaf, _ = unwrap(m)
        if not is_w3_leaf(leaf) or leaf._byteids:
            return None
        leaves.append(leaf)
    scored = [getattr(leaf, "scorer", None) for leaf in leaves]
    if any(sc is not None and not hasattr(sc, "_score") for sc in scored):
        return None
    order = sorted(range(len(btexts)), key=lambda k: reader.doc_frequency(fieldname, btexts[k]))
    cands = all_ids(words[order[0]])
    for k in order[1:]:
        cands = _intersect(leaves[k], cands)
        if not cands:
            return [], []
    # The id scans consumed the matchers: fresh ones (no scorer needed) for the values.
    weights: list[dict[int, float]] = []
    docs = cands
    sets: Any = None
    for k, btext in enumerate(btexts):
        ws, vs = _values(unwrap(reader.postings(fieldname, btext))[0], docs)
        weights.append(ws)
        here = map(_shift(k).__getitem__, map(vs.__getitem__, docs))
        if sets is None:
            sets = list(here)
            continue
        if k == len(btexts) - 1:
            docs = list(compress(docs, map(not_, map(frozenset.isdisjoint, sets, here))))
        else:
            both = list(map(frozenset.__and__, sets, here))
            docs = list(compress(docs, both))
            sets = [b for b in both if b]
        if not docs:
            return [], []
    ids = docs
    if any(sc is None for sc in scored):  # matching only (a boolean context)
        return ids, [0.0] * len(ids)
    dfl = length_fn(reader, fieldname, leaves[0].scorer.dfl)
    scorers = [leaf.scorer._score for leaf in leaves]
    scores = []
    for d in ids:
        length = dfl(d)
        scores.append(sum(score(ws[d], length) for score, ws in zip(scorers, weights)))
    return ids, scores


def _intersect(leaf: Any, cands: list[int]) -> list[int]:
    """The documents of `cands` (ascending) that `leaf` holds; blocks holding none of
    them are not read, the others only up to their ids."""
    out: list[int] = []
    for want in blocks_holding(leaf, cands):
        out.extend(filter(set(block_ids(leaf)).__contains__, want))
    return out


def _values(leaf: Any, docs: list[int]) -> tuple[dict[int, float], dict[int, bytes]]:
    """docnum -> weight and docnum -> encoded positions for `docs` (ascending, all in the
    list), picked out of each block in C (`itemgetter` over a dict of the block)."""
    weights: dict[int, float] = {}
    values: dict[int, bytes] = {}
    for want in blocks_holding(leaf, docs):
        if leaf._data is None:
            leaf._read_data()
        if leaf._ids is None:  # the whole block is decoded anyway: ids from it
            leaf._ids = tuple(accumulate(leaf._data[0]))
        ids = leaf._ids
        ws, vs = leaf._data[1], leaf._data[2]
        pick = itemgetter(*want)
        got = pick(dict(zip(ids, vs)))
        values.update(zip(want, got) if len(want) > 1 else ((want[0], got),))
        if ws is None or isinstance(ws, float):
            weights.update(dict.fromkeys(want, shared_weight(ws)))
        else:
            got = pick(dict(zip(ids, ws)))
            weights.update(zip(want, got) if len(want) > 1 else ((want[0], got),))
    return weights, values


def fast_phrases(q: Q.Query) -> Q.Query:
    """`q` with every exact `Phrase` made a `NewsPhrase`."""

    def swap(node: Q.Query) -> Q.Query:
        if type(node) is Q.Phrase and node.slop == 1 and len(node.words) > 1:
            return NewsPhrase(node.fieldname, node.words, slop=1, boost=node.boost,
                              char_ranges=node.char_ranges)
        return node

    return q.accept(swap)
