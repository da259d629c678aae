"""Exact phrases, checked with set arithmetic on the postings' positions.

Whoosh's `Phrase` turns each candidate document (one holding every word) into `Span`
objects and compares them pairwise in Python: ~30 us a candidate, and a phrase of two
common words ("were they") has a candidate in half the corpus. `NewsPhrase` reads the
same positions straight from the posting values (one `pickle.loads` a word) and keeps a
document when `{p - i for p in positions(word i)}` intersect for all words. Matches and
scores (the sum of the words' scores, as with Whoosh's phrase matcher) are the same;
Whoosh's top-k block skipping still applies.
"""

from __future__ import annotations

from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import matching
from whoosh import query as Q
from whoosh.matching.wrappers import WrappingMatcher
from whoosh.util import make_binary_tree

_INT_SIZE = 4


def positions(value: bytes) -> list[int]:
    """Positions of one posting (Whoosh's `Positions` format: count + pickled deltas)."""
    if not value.endswith(b"."):
        value += b"."
    return list(accumulate(loads(value[_INT_SIZE:])))


class PhraseMatcher(WrappingMatcher):
    """Matches of the intersection `child` of the word matchers `words` whose positions
    line up as consecutive."""

    def __init__(self, words: list[Any], boost: float = 1.0) -> None:
        super().__init__(make_binary_tree(matching.IntersectionMatcher, words), boost)
        self.words = words
        self._find()

    def _here(self) -> bool:
        words = self.words
        found = set(positions(words[0].value()))
        for offset in range(1, len(words)):
            found.intersection_update(p - offset for p in positions(words[offset].value()))
            if not found:
                return False
        return True

    def _find(self) -> None:
        child = self.child
        while child.is_active() and not self._here():
            child.next()

    def copy(self) -> "PhraseMatcher":
        return PhraseMatcher([m.copy() for m in self.words], self.boost)

    def replace(self, minquality: float = 0) -> Any:
        # The intersection must keep holding `self.words`, so it is never replaced.
        return self if self.is_active() else matching.NullMatcher()

    def next(self) -> bool:
        self.child.next()
        self._find()
        return False

    def skip_to(self, id: int) -> None:  # noqa: A002 (Whoosh's name)
        if self.is_active():
            self.child.skip_to(id)
            self._find()

    def skip_to_quality(self, minquality: float) -> int:
        skipped = self.child.skip_to_quality(minquality)
        self._find()
        return skipped

    def all_ids(self) -> Any:
        while self.is_active():
            yield self.child.id()
            self.next()

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
        words = []
        for word in self.words:
            try:
                btext = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (fieldname, btext) not in reader:
                return matching.NullMatcher()
            words.append(Q.Term(fieldname, btext).matcher(searcher, context))
        if any(not m.is_active() for m in words):
            return matching.NullMatcher()
        if len(words) == 1:
            return words[0] if self.boost == 1.0 else WrappingMatcher(words[0], self.boost)
        return PhraseMatcher(words, self.boost)


def fast_phrases(q: Q.Query) -> Q.Query:
    """`q` with every exact `Phrase` made a `NewsPhrase`."""

    def swap(node: Q.Query) -> Q.Query:
        if type(node) is Q.Phrase and node.slop == 1 and len(node.words) > 1:
            return NewsPhrase(node.fieldname, node.words, slop=1, boost=node.boost,
                              char_ranges=node.char_ranges)
        return node

    return q.accept(swap)
