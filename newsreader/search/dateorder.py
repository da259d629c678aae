"""Newest-first search without visiting every match, and cheap hit-count estimates.

The indexer hands articles to Whoosh sorted by date in chunks (`indexer.SORT_CHUNK`), and
Whoosh keeps a segment's documents in the order they were added, merges included. So each
segment is a few long runs of document numbers in non-increasing date order. Newest-first
top-k then needs, per run, only the first matches (`skip_to` the run start, stop at the
k-th match or once dates fall below the current k-th best): Whoosh's sorting collector
instead scores every match of the query (a common word: half the corpus).

If an index has many short runs (many small incremental updates), `DateRuns.usable` is
False and the caller falls back to Whoosh's sorted search.
"""

from __future__ import annotations

import heapq
import math
from typing import Any

from whoosh import query as Q

#: The run walk costs about a block read per run; with more runs than this (or one run per
#: RUN_MIN_DOCS documents on big indexes) a full sort of the matches is as cheap.
MAX_RUNS = 64
RUN_MIN_DOCS = 50


class DateRuns:
    """Per leaf segment: its date column as a list and its runs `(start, end)`."""

    def __init__(self, segments: list[tuple[list[int], list[tuple[int, int]]]]) -> None:
        self.segments = segments
        docs = sum(len(d) for d, _ in segments)
        runs = sum(len(r) for _, r in segments)
        self.usable = runs <= max(MAX_RUNS, docs // RUN_MIN_DOCS)

    @staticmethod
    def of_segment(reader: Any) -> tuple[list[int], list[tuple[int, int]]]:
        col = reader.column_reader("date")
        dates = list(col)
        runs = []
        start = 0
        for i in range(1, len(dates)):
            if dates[i] > dates[i - 1]:
                runs.append((start, i))
                start = i
        if dates:
            runs.append((start, len(dates)))
        return dates, runs


def segment_key(reader: Any) -> Any:
    try:
        return reader.segment().segment_id()
    except Exception:
        return id(reader)


def date_runs(searcher: Any, cache: dict[Any, tuple[list[int], list[tuple[int, int]]]]) -> DateRuns:
    """The runs of every segment of `searcher`, reusing `cache` (segments never change)."""
    segments = []
    keys = set()
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        key = segment_key(reader)
        keys.add(key)
        if key not in cache:
            cache[key] = DateRuns.of_segment(reader)
        segments.append(cache[key])
    for key in list(cache):
        if key not in keys:
            del cache[key]
    return DateRuns(segments)


def newest(searcher: Any, query: Q.Query, limit: int, runs: DateRuns) -> tuple[list[int], int | None]:
    """Global docnums of the `limit` newest matches of `query` (newest first, then by
    docnum), and the number of matches if every one was visited (else None)."""
    best: list[tuple[int, int]] = []  # min-heap of (date, -docnum)
    seen = 0
    context = searcher.boolean_context()
    exhausted = True
    for (sub, offset), (dates, seg_runs) in zip(searcher.leaf_searchers(), runs.segments):
        m = query.matcher(sub, context)
        for start, end in seg_runs:
            if not m.is_active():
                break
            if len(best) >= limit and dates[start] < best[0][0]:
                exhausted = False
                continue
            if m.id() < start:
                m.skip_to(start)
            while m.is_active():
                doc = m.id()
                if doc >= end:
                    break
                seen += 1
                item = (dates[doc], -(doc + offset))
                if len(best) < limit:
                    heapq.heappush(best, item)
                elif item > best[0]:
                    heapq.heapreplace(best, item)
                elif item[0] < best[0][0]:
                    exhausted = False
                    break  # the rest of this run is older still
                m.next()
    best.sort(reverse=True)
    return [-d for _, d in best], (seen if exhausted else None)


def estimate(q: Q.Query, reader: Any, n: int) -> float:
    """Expected number of matches of `q` in `n` documents, treating words as independent."""
    if n <= 0:
        return 0.0
    if isinstance(q, Q.Term):
        try:
            return float(reader.doc_frequency(q.fieldname, q.text))
        except Exception:
            return 0.0
    if isinstance(q, Q.ConstantScoreQuery):
        return estimate(q.child, reader, n)
    if isinstance(q, Q.Not):
        return max(0.0, n - estimate(q.query, reader, n))
    if isinstance(q, Q.AndNot):
        return estimate(q.a, reader, n) * (1 - min(1.0, estimate(q.b, reader, n) / n))
    if isinstance(q, (Q.And, Q.Require)):
        parts = [estimate(c, reader, n) for c in q.children()]
        return n * math.prod(min(1.0, e / n) for e in parts)
    if isinstance(q, (Q.AndMaybe,)):
        return estimate(q.a, reader, n)
    if isinstance(q, (Q.Or, Q.DisjunctionMax)):
        parts = [estimate(c, reader, n) for c in q.children()]
        return n * (1 - math.prod(1 - min(1.0, e / n) for e in parts))
    try:
        return float(q.estimate_size(reader))
    except Exception:
        return 0.0
