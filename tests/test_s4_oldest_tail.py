"""S4 #4: oldest-first visited every match of the query (runs are newest-first, so a run's oldest come last):
140 ms at 100k articles for a word in every story, against 10 ms newest-first. It now starts at the old end of
each run: the matches dated up to the n-th oldest story of the index, n growing until `limit` are found, and
every match only when that would take most of the index. These tests check it gives what the whole walk gives,
undated last, and that it does not visit every match (the total is then unknown, as newest-first says it)."""

from __future__ import annotations

import pytest

from newsreader.search import dateorder
from newsreader.search.dateorder import _oldest_all, date_runs, oldest
from tests import test_search_order as order

undated_lib = order.undated_lib


@pytest.mark.parametrize("query", ["strike", "strike budget", "officials", "union NOT title:talks", "harbour OR missile",
                                   "title:cricket", "strike date:2024", "strike date:<2024-06-01"])
@pytest.mark.parametrize("guess", [None, 10**6])
def test_the_old_end_gives_what_the_whole_walk_gives(undated_lib, monkeypatch, query, guess) -> None:  # type: ignore[no-untyped-def]
    """At every limit, the same stories in the same order (date, then docnum; undated last) as a visit of
    every match; so when the estimate says every story matches (the first look finds too few: n grows).
    (Mutants: a run's undated end taken into its dated part; done on fewer than `limit` found.)"""
    monkeypatch.setattr(dateorder, "OLDEST_MIN_DOCS", 0)
    if guess is not None:
        monkeypatch.setattr(dateorder, "estimate", lambda *_: guess)
    with undated_lib.reading():
        searcher = undated_lib.searcher()
        runs = date_runs(searcher, {})
        q = undated_lib.parse(query).query
        every, total = _oldest_all(searcher, q, 1000, runs)
        assert every and total == len(every)
        for limit in (1, 2, 3, 5, 8, 13, total, total + 5):
            assert oldest(searcher, q, limit, runs)[0] == every[:limit], limit


def test_a_common_word_is_not_walked_to_its_end(undated_lib, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """"strike", in most stories, limit 2: found among the oldest stories, so the number of matches is not
    known (None: `Library` counts them when asked, as newest-first). The search's total is still exact here
    (a small index is counted). (Mutant: the old code, which visited every match, or the tail walk skipped.)"""
    monkeypatch.setattr(dateorder, "OLDEST_MIN_DOCS", 0)
    with undated_lib.reading():
        searcher = undated_lib.searcher()
        q = undated_lib.parse("strike").query
        found, total = oldest(searcher, q, 2, date_runs(searcher, {}))
    assert len(found) == 2 and total is None
    every = undated_lib.search("strike", limit=1000, snippets=False, count=True)
    result = undated_lib.search("strike", limit=2, sort="oldest", snippets=False)
    assert (result.total, result.exact) == (every.total, True)
