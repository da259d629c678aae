"""`word -other`: Whoosh's AndNot without its first-document bug.

Whoosh 2.7's `AndNotMatcher` only checks its first document against the excluded side
when both sides happen to start on the same document: if the excluded word's first
posting comes earlier, the first positive document of each segment is returned even when
it holds the excluded word (`lahore -strike` returned an article with "strike" in its
body). `NewsAndNotMatcher` moves the excluded side up to the first positive document
before that check, as it does for every later document, and does not look at a
positive side that block skipping has exhausted.

`a NOT b` (and `-b` in brackets, read the same) parses as `And([a, Not(b)])`, which Whoosh
matches as an intersection with an `InverseMatcher`. That matcher has no block quality,
so a top-k collector says its count is exact, yet the intersection's `replace` drops the
rest of a segment by `max_quality` (the inverse reports its child's) once the top is
full: `turkmenistan NOT date:2012 --count --limit 1` said 11 (exact) where 16 match.
`fix_and_not` makes such an `And` the `AndNot` that `a -b` already is (same matches, same
order: the inverse only added a constant 1 to every score).
"""

from __future__ import annotations

from typing import Any

from whoosh import query as Q
from whoosh.matching import AndNotMatcher


class NewsAndNotMatcher(AndNotMatcher):
    def _find_first(self) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()

    def _find_next(self) -> Any:
        # Whoosh calls this after skipping blocks too, when the positive side may be done.
        if not self.a.is_active():
            return False
        return super()._find_next()


class NewsAndNot(Q.AndNot):
    def matcher(self, searcher: Any, context: Any = None) -> Any:
        return NewsAndNotMatcher(self.a.matcher(searcher, context),
                                 self.b.matcher(searcher, searcher.boolean_context()))


def fix_and_not(q: Q.Query) -> Q.Query:
    """`q` with every `AndNot` made a `NewsAndNot`."""

    def swap(node: Q.Query) -> Q.Query:
        if type(node) is Q.And:
            negs = [c.query for c in node.subqueries if isinstance(c, Q.Not)]
            pos = [c for c in node.subqueries if not isinstance(c, Q.Not)]
            if negs and pos:
                a = pos[0] if len(pos) == 1 else Q.And(pos)
                b = negs[0] if len(negs) == 1 else Q.Or(negs)
                fixed = NewsAndNot(a, b)
                fixed.boost = node.boost
                return fixed
            return node
        if type(node) is Q.AndNot:
            fixed = NewsAndNot(node.a, node.b)
            fixed.boost = node.boost
            return fixed
        return node

    return q.accept(swap)
