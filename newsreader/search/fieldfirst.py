"""Words searched in title and body, scored correctly and evaluated title-first.

A word without a field scores the better of its title and body BM25 (see query.py and
dismax.py), and several words are ANDed, scores added. Scored correctly (dismax.py),
Whoosh's document-at-a-time top-k walks almost every posting of two common words: the
best possible body score of one word plus the title bound of the other (a title block
spans thousands of documents) always looks able to beat the 20th best, so nothing is
skipped (`officials during` at 100k: ~1 s).

Title matches are what rank first: a title is short and boosted 2x, so a word in a
title scores ~8-10 against at most ~5 in a body. `TextWordsMatcher` therefore:

1. reads the title postings of every word (a few % of the articles) and scores each
   article that has any word in its title and every word somewhere; the body scores it
   needs are read a block at a time, ids and weights only, and only for blocks holding
   such an article, and not at all where the title score already beats every body
   score of that word (phase A, exact scores);
2. the articles with every word in the body only can score at most the sum of the
   words' best body scores. At the top of a search for k results, if phase A holds k
   articles scoring more than that, they are never looked at; otherwise (or under a
   date range, NOT, OR...) they come from Whoosh's intersection of the body lists,
   without the phase A articles (phase B), skipping blocks as usual.

The matches are exactly those of the Whoosh query (AND of DisjunctionMax), and the
scores are the correct DisjunctionMax scores.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from whoosh import matching
from whoosh import query as Q
from whoosh.matching.binary import IntersectionMatcher
from whoosh.matching.wrappers import FilterMatcher, WrappingMatcher
from whoosh.util import make_binary_tree

from newsreader.search.dateorder import segment_key
from newsreader.search.dismax import BestOfMatcher, NewsDisMax
from newsreader.search.postings import ScoredListMatcher, block_directory, block_ids_weights, blocks, blocks_at, \
    blocks_holding, is_w3_leaf, length_fn, slack_below, unwrap

TITLE, BODY = "title", "body"


def is_word(q: Q.Query) -> bool:
    """A word as the parser expands it: DisjunctionMax(title term, body term), no boosts."""
    if not isinstance(q, Q.DisjunctionMax) or q.boost != 1.0 or q.tiebreak:
        return False
    subs = q.subqueries
    return (len(subs) == 2 and all(type(t) is Q.Term and t.boost == 1.0 for t in subs)
            and [t.fieldname for t in subs] == [TITLE, BODY] and subs[0].text == subs[1].text)


class TextWords(Q.And):
    """AND of words (each `is_word`): the same matches as `And(words)`; see the module."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        words = self.subqueries
        if context is None or context.weighting is None:  # matching only: no scores needed
            plain = [NewsDisMax(w.subqueries) for w in words]
            ms = [q.matcher(searcher, context) for q in plain]
            if any(not m.is_active() for m in ms):
                return matching.NullMatcher()
            return make_binary_tree(IntersectionMatcher, ms)
        terms = [w.subqueries for w in words]
        if getattr(context, "top_query", None) is self and context.limit:
            m = _top_words(self, searcher, context, terms, context.limit)
        else:
            m = _text_words(searcher, context, _title_first(searcher, context, terms, None), 0.0, terms)
        return m if self.boost == 1.0 else WrappingMatcher(m, boost=self.boost)


@dataclass
class TitleFirst:
    """Phase A of one segment: its title-matched documents that match every word, with
    exact scores, and what phase B needs (the title candidates, the body bound)."""

    ids: list[int]
    scores: list[float]
    cands: list[int]
    body_best: float
    body_missing: bool


def _top_words(q: "TextWords", searcher: Any, context: Any, words: list[list[Q.Term]], top: int) -> Any:
    """The whole search: phase A of every segment is computed at the first segment (kept
    in the search context), so the k-th best title-matched score of the whole index,
    not just of this segment, bounds what body-only matches must beat.

    Phase A itself goes best-first: an article's bound is its title scores plus, for
    each word it lacks in the title, that word's best body score. The articles with
    the highest bounds are scored first (their bodies read); the k-th best score among
    them then lets every article whose bound stays under it go unread (two common
    words: ~3 in 4 of the title-matched articles)."""
    shared = context.__dict__.setdefault("_news_shared", {})
    state = shared.get(id(q))
    if state is None:
        state = shared[id(q)] = _whole_search(searcher, context, words, top)
    per_segment, floor = state
    key = segment_key(searcher.reader())
    first = per_segment[key]  # `_whole_search` filled every segment of the parent
    return _text_words(searcher, context, first, floor, words)


def _whole_search(searcher: Any, context: Any, words: list[list[Q.Term]],
                  top: int) -> tuple[dict[Any, TitleFirst | None], float]:
    spans_of = getattr(context, "spans_of", None)
    segs: dict[Any, tuple[Any, SegmentTitles | None]] = {}
    bounds: list[tuple[float, Any, int]] = []
    for sub, _ in searcher.get_parent().leaf_searchers():
        seg = _seg_titles(sub, context, words, spans_of(sub.reader()) if spans_of is not None else None)
        key = segment_key(sub.reader())
        segs[key] = (sub, seg)
        if seg is not None:
            seg.bounds = _bounds(seg)
            bounds.extend((ub, key, d) for d, ub in zip(seg.cands, seg.bounds))
    # Best-first: the highest bounds scored first give the floor for the rest.
    ahead = heapq.nlargest(max(4 * top, 100), bounds)
    early: dict[Any, list[int]] = {}
    for _, key, d in ahead:
        early.setdefault(key, []).append(d)
    results: dict[Any, list[tuple[list[int], list[float]]]] = {}
    for key, docs in early.items():
        sub, seg = segs[key]
        results[key] = [_scores_for(sub, context, words, seg, sorted(docs))]
    first_scores = [x for parts in results.values() for _, sc in parts for x in sc]
    floor = heapq.nlargest(top, first_scores)[-1] if len(first_scores) >= top else 0.0
    least = slack_below(floor) if floor else float("-inf")
    per_segment: dict[Any, TitleFirst | None] = {}
    every: list[float] = []
    for key, (sub, seg) in segs.items():
        if seg is None:
            per_segment[key] = None
            continue
        done = set(early.get(key, ()))
        rest = [d for d, ub in zip(seg.cands, seg.bounds) if d not in done and ub >= least]
        parts = results.get(key, []) + ([_scores_for(sub, context, words, seg, rest)] if rest else [])
        merged = sorted((d, sc) for ids, scores in parts for d, sc in zip(ids, scores))
        first = TitleFirst([d for d, _ in merged], [sc for _, sc in merged], seg.cands, sum(seg.body_best),
                           any(not b.is_active() for _, b in seg.pairs))
        per_segment[key] = first
        every.extend(first.scores)
    best = heapq.nlargest(top, every)[-1] if len(every) >= top else 0.0
    return per_segment, max(best, floor)


@dataclass
class SegmentTitles:
    """One segment's title scores per word and each word's best body score there."""

    pairs: list[tuple[Any, Any]]
    titles: list[dict[int, float]]
    body_best: list[float]
    cands: list[int]
    bounds: list[float] = field(default_factory=list)


def _seg_titles(searcher: Any, context: Any, words: list[list[Q.Term]],
                spans: list[tuple[int, int]] | None) -> SegmentTitles | None:
    """None if the postings are not Whoosh's W3 blocks (then plain matchers are used)."""
    pairs = [(t.matcher(searcher, context), b.matcher(searcher, context)) for t, b in words]
    body_best = []
    for t, b in pairs:
        for m in (t, b):
            leaf, _ = unwrap(m)
            if m.is_active() and not (is_w3_leaf(leaf) and hasattr(getattr(leaf, "scorer", None), "_score")):
                return None
        body_best.append(b.max_quality() if b.is_active() else 0.0)
    if any(not t.is_active() and not b.is_active() for t, b in pairs):
        return SegmentTitles(pairs, [{} for _ in pairs], body_best, [])
    reader = searcher.reader()
    titles = [title_scores(t, reader) for t, _ in pairs]
    cands = sorted(set().union(*titles))
    if spans is not None:
        cands = [d for d in cands if _inside(spans, d)]
    return SegmentTitles(pairs, titles, body_best, cands)


def _bounds(seg: SegmentTitles) -> list[float]:
    """Per candidate: the most it can score (each word: its title score, or the word's
    best body score if that is more or the title lacks the word)."""
    return [sum(max(title.get(d, 0.0), best) for title, best in zip(seg.titles, seg.body_best))
            for d in seg.cands]


def _title_first(searcher: Any, context: Any, words: list[list[Q.Term]],
                 spans: list[tuple[int, int]] | None) -> TitleFirst | None:
    """Phase A (see the module docstring); None if the postings are not Whoosh's W3
    blocks (then `_text_words` uses plain matchers)."""
    seg = _seg_titles(searcher, context, words, spans)
    if seg is None:
        return None
    ids, scores = _scores_for(searcher, context, words, seg, seg.cands)
    return TitleFirst(ids, scores, seg.cands, sum(seg.body_best), any(not b.is_active() for _, b in seg.pairs))


def _scores_for(searcher: Any, context: Any, words: list[list[Q.Term]], seg: SegmentTitles,
                todo: list[int]) -> tuple[list[int], list[float]]:
    """Exact scores of the candidates `todo` (ascending) that match every word; the body
    scores needed are read with fresh body matchers."""
    if not todo:
        return [], []
    titles, body_best = seg.titles, seg.body_best
    reader = searcher.reader()
    bodies = []
    for (_, term), (_, first), title, best in zip(words, seg.pairs, titles, body_best):
        need = [d for d in todo if title.get(d, -1.0) < best]
        if not need or not first.is_active():
            bodies.append({})
            continue
        # A fresh list with the first matcher's scorer (making a scorer looks the word
        # up in every segment for its IDF).
        scorer = unwrap(first)[0].scorer
        bodies.append(body_scores(reader.postings(term.fieldname, term.text, scorer=scorer), need, reader))
    ids, scores = [], []
    for d in todo:
        total = 0.0
        for title, body in zip(titles, bodies):
            t, b = title.get(d), body.get(d)
            if t is None and b is None:
                break
            total += t if b is None else (b if t is None else max(t, b))
        else:
            ids.append(d)
            scores.append(total)
    return ids, scores


def _text_words(searcher: Any, context: Any, first: TitleFirst | None, floor: float = 0.0,
                words: list[list[Q.Term]] | None = None) -> Any:
    """Phase A's list plus, unless `floor` (a score k title-matched documents reach)
    rules them out, the body-only matches (phase B)."""
    if first is None:  # not W3 postings: correct scores, Whoosh's evaluation
        pairs = [(t.matcher(searcher, context), b.matcher(searcher, context)) for t, b in words or []]
        return make_binary_tree(IntersectionMatcher, [BestOfMatcher([t, b]) for t, b in pairs])
    found = ScoredListMatcher(first.ids, first.scores)
    if first.body_missing or (floor and slack_below(floor) > first.body_best):
        return found if first.ids else matching.NullMatcher()
    rest: Any = make_binary_tree(IntersectionMatcher, [b.matcher(searcher, context) for _, b in words or []])
    if first.cands:
        rest = FilterMatcher(rest, frozenset(first.cands), exclude=True)
    if floor:
        rest = FloorMatcher(rest, slack_below(floor))
    return BestOfMatcher([found, rest]) if first.ids else rest


def _inside(spans: list[tuple[int, int]], doc: int) -> bool:
    k = bisect_right(spans, (doc, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= doc < spans[k][1]


def title_scores(m: Any, reader: Any) -> dict[int, float]:
    """docnum -> title score of every posting of a title term matcher."""
    if not m.is_active():
        return {}
    leaf, _ = unwrap(m)
    score, dfl = leaf.scorer._score, length_fn(reader, TITLE, leaf.scorer.dfl)
    out: dict[int, float] = {}
    for block in blocks(m, weights=True):
        for d, w in zip(block.ids, block.weights):
            out[d] = score(w, dfl(d))
    return out


def body_scores(m: Any, docs: list[int], reader: Any, fieldname: str = BODY) -> dict[int, float]:
    """docnum -> score for the documents of `docs` (ascending) that have the word (a term
    matcher of `fieldname` with a scorer); blocks holding none of them are not decoded,
    the others only up to their weights."""
    leaf, deleted = unwrap(m)
    score, dfl = leaf.scorer._score, length_fn(reader, fieldname, leaf.scorer.dfl)
    out: dict[int, float] = {}
    directory = block_directory(reader, leaf)
    walk = blocks_at(leaf, directory, docs) if directory is not None else blocks_holding(leaf, docs)
    for want in walk:
        ids, weights = block_ids_weights(leaf)
        i = 0
        for d in want:
            i = bisect_left(ids, d, i)
            if i < len(ids) and ids[i] == d and not (deleted and d in deleted):
                out[d] = score(weights[i], dfl(d))
    return out


class FloorMatcher(WrappingMatcher):
    """`child` where only scores above `floor` matter (k better ones are known): its
    blocks whose bound is at most `floor` are skipped, and it ends once its best
    cannot pass `floor`."""

    def __init__(self, child: Any, floor: float) -> None:
        super().__init__(child)
        self._floor = floor

    def _replacement(self, newchild: Any) -> "FloorMatcher":
        return FloorMatcher(newchild, self._floor)

    def copy(self) -> "FloorMatcher":
        return FloorMatcher(self.child.copy(), self._floor)

    def replace(self, minquality: float = 0) -> Any:
        if not self.child.is_active() or self.child.max_quality() <= self._floor:
            return matching.NullMatcher()
        return FloorMatcher(self.child.replace(max(minquality, self._floor)), self._floor)

    def skip_to_quality(self, minquality: float) -> int:
        return self.child.skip_to_quality(max(minquality, self._floor))


def text_words(q: Q.Query) -> Q.Query:
    """`q` with its words (`is_word`) evaluated by `TextWords`: the words of one AND
    together, a word elsewhere alone; other DisjunctionMax nodes get correct scores."""
    if is_word(q):
        return TextWords([q])
    if type(q) is Q.And:
        words = [c for c in q.subqueries if is_word(c)]
        rest = [text_words(c) for c in q.subqueries if not is_word(c)]
        if words and not rest:
            return TextWords(words, boost=q.boost)
        return Q.And(([TextWords(words)] if words else []) + rest, boost=q.boost)
    if type(q) is Q.DisjunctionMax:
        return NewsDisMax([text_words(c) for c in q.subqueries], boost=q.boost, tiebreak=q.tiebreak)
    if q.is_leaf():
        return q
    return q.apply(text_words)
