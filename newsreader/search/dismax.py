"""The better of a word's title and body scores, scored correctly.

A word without a field searches title and body and scores the better of the two
(`DisjunctionMax`, see query.py). Whoosh 2.7's `DisjunctionMaxMatcher.score` returns the
larger of its two sides' *current* scores even when only one side is on the current
document: an article that has the word only in its body got the title score of the next
article with the word in its title (on a 100k index, 94% of the matches of `lahore` were
scored that way, so most body matches tied with title matches). `BestOfMatcher` scores a
document from the sides that are on it.

Block skipping: a side skips the blocks whose bound is at most the k-th best score (each
side's own `skip_to_quality`). A document there scores no more than that on this side,
so it either cannot enter the top k or is still reached, with its true score, through a
side that was not skipped. (Whoosh's version only skipped when both sides' bounds were
below, which with correct scores walks every body posting of a word.)
"""

from __future__ import annotations

from typing import Any, Iterator

from whoosh import matching
from whoosh import query as Q
from whoosh.matching.binary import DisjunctionMaxMatcher
from whoosh.matching.wrappers import WrappingMatcher
from whoosh.util import make_binary_tree


class BestOfMatcher(matching.Matcher):
    """Union of `children`; a document's score is the best score of the children on it
    plus `tiebreak` times the others' (tiebreak 0: the best alone)."""

    def __init__(self, children: list[Any], tiebreak: float = 0.0) -> None:
        self.children = [c for c in children if c.is_active()]
        self.tiebreak = tiebreak
        self._update()

    def _update(self) -> None:
        """Recompute the current document (every move goes through this class)."""
        doc = None
        for c in self.children:
            if c.is_active():
                i = c.id()
                if doc is None or i < doc:
                    doc = i
        self._id = doc

    def is_active(self) -> bool:
        return self._id is not None

    def id(self) -> int:
        return self._id  # type: ignore[return-value]

    def _here(self) -> list[Any]:
        doc = self._id
        return [c for c in self.children if c.is_active() and c.id() == doc]

    def next(self) -> bool:
        moved = False
        for c in self._here():
            moved = bool(c.next()) or moved
        self._update()
        return moved

    def skip_to(self, id: int) -> bool:  # noqa: A002 (Whoosh's name)
        moved = False
        for c in self.children:
            if c.is_active() and c.id() < id:
                moved = bool(c.skip_to(id)) or moved
        self._update()
        return moved

    def score(self) -> float:
        scores = [c.score() for c in self._here()]
        best = max(scores)
        return best + self.tiebreak * (sum(scores) - best) if self.tiebreak else best

    def weight(self) -> float:
        return max(c.weight() for c in self._here())

    def supports(self, astype: str) -> bool:
        return all(c.supports(astype) for c in self.children)

    def value(self) -> Any:
        return self._here()[0].value()

    def value_as(self, astype: str) -> Any:
        return self._here()[0].value_as(astype)

    def spans(self) -> list[Any]:
        return sorted({s for c in self._here() for s in c.spans()})

    def supports_block_quality(self) -> bool:
        return all(c.supports_block_quality() for c in self.children)

    def _bound(self, qualities: list[float]) -> float:
        if not qualities:
            return 0.0
        return sum(qualities) if self.tiebreak else max(qualities)

    def max_quality(self) -> float:
        return self._bound([c.max_quality() for c in self.children if c.is_active()])

    def block_quality(self) -> float:
        return self._bound([c.block_quality() for c in self.children if c.is_active()])

    def skip_to_quality(self, minquality: float) -> int:
        if self.tiebreak:
            return 0
        skipped = 0
        for c in self.children:
            if c.is_active() and c.block_quality() <= minquality:
                skipped += c.skip_to_quality(minquality)
        self._update()
        return skipped

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self.id()
            self.next()

    def copy(self) -> "BestOfMatcher":
        return BestOfMatcher([c.copy() for c in self.children], self.tiebreak)

    def reset(self) -> None:
        for c in self.children:
            c.reset()
        self._update()

    def replace(self, minquality: float = 0) -> Any:
        live = [c for c in self.children if c.is_active()]
        if minquality and not self.tiebreak:
            # A side whose best cannot beat the k-th score can only lower-bound documents
            # the other sides score higher anyway.
            live = [c.replace(minquality) for c in live if c.max_quality() >= minquality]
            live = [c for c in live if c.is_active()]
        if not live:
            return matching.NullMatcher()
        if len(live) == 1:
            return live[0]
        if len(live) != len(self.children) or any(a is not b for a, b in zip(live, self.children)):
            return BestOfMatcher(live, self.tiebreak)
        return self

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


class NewsDisMax(Q.DisjunctionMax):
    """`DisjunctionMax` with `BestOfMatcher`."""

    def _matcher(self, subs: list[Q.Query], searcher: Any, context: Any, contexts: list | None = None) -> Any:
        """The best of the `subs`' matchers; `contexts`, one a sub, where they are not all `context`
        (`WithByline` gives the search as it was a context of its own)."""
        ms = [q.matcher(searcher, c) for q, c in zip(subs, contexts or [context] * len(subs))]
        ms = [m for m in ms if m.is_active()]
        if not ms:
            return matching.NullMatcher()
        if context is not None and context.weighting is None and len(ms) > 1:
            # Matching only (no scores): Whoosh's own union is faster and its score bug moot.
            m = make_binary_tree(DisjunctionMaxMatcher, ms, tiebreak=self.tiebreak)
        else:
            m = ms[0] if len(ms) == 1 else BestOfMatcher(ms, self.tiebreak)
        return m if self.boost == 1.0 else WrappingMatcher(m, boost=self.boost)


class WithByline(NewsDisMax):
    """A plain search (words, or one phrase, with no field) or the same words in the byline:
    `search "Jane Smith"` also finds the stories she wrote, which only `byline:` found. The
    subqueries are [the search as it was, the byline's query, boosted low]; a story scores the
    better of the two, so one that matches in title or body scores as before.

    The search as it was keeps its top-k shortcuts (`fieldfirst.TextWords` drops what cannot
    reach the top k when it is the whole search): it is told it is, in a context of its own
    kept for the whole search. Scoring the better of the two keeps that exact: a story it drops
    scores below its k-th best, so below the top k whatever its byline scores."""

    def _matcher(self, subs: list[Q.Query], searcher: Any, context: Any) -> Any:
        if context is not None and getattr(context, "top_query", None) is self and len(subs) == 2:
            shared = context.__dict__.setdefault("_news_byline", {})
            inner = shared.get(id(self))
            if inner is None:  # (one for every segment: TextWords keeps its whole-search state in it)
                inner = shared[id(self)] = context.set(top_query=subs[0])
            # (the parent's `weighting is None` shortcut is not taken: a top query's context has a weighting)
            return super()._matcher(subs, searcher, context, [inner, context])
        return super()._matcher(subs, searcher, context)


def byline_only(searcher: Any, q: Q.Query, hits: list[tuple[int, str]]) -> set[str]:
    """Which of `hits` ((docnum, id), all matches of `q`) match it only through a byline (`WithByline`):
    the stories `search` says it found "by" their author, not for their words (S4; the CLI said nothing,
    so a story naming none of the words looked like a wrong hit). Only a hit whose byline matches can be
    one (any other matched `q` through title and body), so each segment's byline matcher is skipped to the
    hits first, and `q` with its byline alternatives dropped is asked of those few alone: a page of 1,000
    hits of "said" (no byline holds it) costs a skip per hit, not a look-up of each."""
    bylines: list[Q.Query] = []

    def swap(node: Q.Query) -> Q.Query:
        if isinstance(node, WithByline) and len(node.subqueries) == 2:
            bylines.append(node.subqueries[1])
            return node.subqueries[0]
        return node

    plain = q.accept(swap)
    if not bylines or not hits:
        return set()
    by = bylines[0] if len(bylines) == 1 else Q.Or(bylines)
    wanted = sorted(hits)
    out: set[str] = set()
    for sub, offset in searcher.leaf_searchers():
        inside = [(d - offset, i) for d, i in wanted if offset <= d < offset + sub.doc_count_all()]
        if not inside:
            continue
        context = sub.boolean_context()
        bm, pm = by.matcher(sub, context), None
        for d, i in inside:
            if bm.is_active() and bm.id() < d:
                bm.skip_to(d)
            if not bm.is_active():
                break
            if bm.id() != d:
                continue
            pm = plain.matcher(sub, context) if pm is None else pm
            if pm.is_active() and pm.id() < d:
                pm.skip_to(d)
            if not (pm.is_active() and pm.id() == d):
                out.add(i)
    return out
