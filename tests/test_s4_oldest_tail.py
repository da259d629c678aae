"""S4 #4: oldest-first visited every match of the query (runs are newest-first, so a run's oldest come last):
140 ms at 100k articles for a word in every story, against 10 ms newest-first. It now starts at the old end of
each run: the matches dated up to the n-th oldest story of the index, n growing until `limit` are found, and
every match only when that would take most of the index. These tests check it gives what the whole walk gives,
undated last, and that it does not visit every match (the total is then unknown, as newest-first says it)."""

from __future__ import annotations

import pytest

from newsreader.search import dateorder
from newsreader.search.dateorder import Restrict, _oldest_all, date_runs, oldest, restrict_dates
from tests import test_search_order as order

undated_lib = order.undated_lib


@pytest.mark.parametrize("query", ["strike", "strike budget", "officials", "union NOT title:talks", "harbour OR missile",
                                   "title:cricket", "strike date:2024", "strike date:<2024-06-01",
                                   # (date ranges under an OR: their bound, S6's `lower_date`)
                                   "(strike date:>2025-01-01) OR zzzqqq", "(strike date:>2025-01-01) OR (budget date:2024-06)",
                                   "date:2025 OR date:2024-05", "strike OR date:2025", "(strike OR date:2025) date:2024-05",
                                   "(strike date:>2025-01-01) OR undated", "officials OR date:2024-05"])
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


def _spy_rounds(monkeypatch):  # type: ignore[no-untyped-def]
    """The tail walks `oldest` makes, and whether it went on to the whole walk."""
    rounds: list[int] = []
    whole: list[int] = []
    before, every = dateorder._oldest_before, dateorder._oldest_all
    monkeypatch.setattr(dateorder, "_oldest_before", lambda *a: rounds.append(1) or before(*a))
    monkeypatch.setattr(dateorder, "_oldest_all", lambda *a: whole.append(1) or every(*a))
    return rounds, whole


@pytest.mark.parametrize("query", ["strike date:>2024-06-01", "strike date:2025", "officials date:[2024-05-24 TO 2025-12-31]"])
def test_a_lower_date_bound_starts_the_walk_there(undated_lib, monkeypatch, query) -> None:  # type: ignore[no-untyped-def]
    """RV26-B #1: the tail walk took the oldest stories of the whole index, though a `date:` lower bound
    leaves them all out; each round found nothing, `n` grew fourfold until the whole walk ran anyway (3-5x
    its cost at 100k articles: `said date:2025` 367 ms against 155). It now starts at the bound: one round
    finds the first hit. At every limit the hits are the whole walk's, the stories of the bound's own day
    too (a story is dated 2024-05-24). (Mutants: the old tails; the bound's own day left out of them.)"""
    monkeypatch.setattr(dateorder, "OLDEST_MIN_DOCS", 0)
    monkeypatch.setattr(dateorder, "estimate", lambda *_: 10**6)  # (n = 2 * limit: several rounds are possible)
    with undated_lib.reading():
        searcher = undated_lib.searcher()
        runs = date_runs(searcher, {})
        q = restrict_dates(undated_lib.parse(query).query, {})  # (as `Library.search` has it)
        assert isinstance(q, Restrict)
        every, total = _oldest_all(searcher, q, 1000, runs)
        rounds, whole = _spy_rounds(monkeypatch)
        assert oldest(searcher, q, 1, runs)[0] == every[:1]
        assert every and (rounds, whole) == ([1], [])
        for limit in (2, 3, 5, 8, 13, total, total + 5):
            assert oldest(searcher, q, limit, runs)[0] == every[:limit], limit


def test_a_lower_bound_after_every_story_makes_no_round(undated_lib, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No story is dated from the bound on (the parser says so of a range beyond every story, so the range is
    made here): no tail walk, the whole walk at once, no hits. (Mutant: the old tails: two rounds.)"""
    from whoosh import query as Q

    monkeypatch.setattr(dateorder, "OLDEST_MIN_DOCS", 0)
    monkeypatch.setattr(dateorder, "estimate", lambda *_: 10**6)
    with undated_lib.reading():
        searcher = undated_lib.searcher()
        runs = date_runs(searcher, {})
        rounds, whole = _spy_rounds(monkeypatch)
        assert oldest(searcher, Restrict(Q.Every(), 20260101, 20261231, {}), 1, runs) == ([], 0)
    assert (rounds, whole) == ([], [1])


def test_a_round_that_finds_nothing_goes_to_the_whole_walk(undated_lib, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """RV26-B #1: when the matches are all newer than the oldest stories (a word that is news of one season,
    the reader's `date:X OR mentions:X`: a nested range, no lower bound to start at), every round found
    nothing and `n` grew until the whole walk ran anyway. A round with no match now goes to it at once.
    ("undated" is in the undated stories alone: the OR has no lower date bound, and no dated story among
    the oldest matches. It was `... OR zzzqqq`, which S6 starts at the range's bound: test_s6_oldest_or.)
    (Mutant: the `if not found: break` removed: two rounds here.)"""
    monkeypatch.setattr(dateorder, "OLDEST_MIN_DOCS", 0)
    monkeypatch.setattr(dateorder, "estimate", lambda *_: 10**6)
    with undated_lib.reading():
        searcher = undated_lib.searcher()
        runs = date_runs(searcher, {})
        q = undated_lib.parse("(strike date:>2025-01-01) OR undated").query
        every, total = _oldest_all(searcher, q, 1000, runs)
        rounds, whole = _spy_rounds(monkeypatch)
        for limit in (1, 3):
            assert oldest(searcher, q, limit, runs) == (every[:limit], total)
    assert total and (rounds, whole) == ([1, 1], [1, 1])


def test_the_tail_walk_stops_when_cancelled(undated_lib, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """RV26-B #4: the tail walk is the path a big index takes (`said -minister`, limit 1000: 0.65 s at 100k
    articles, under the library's lock), yet the cancel test ran on an index so small that only the whole
    walk was taken. Here the tail walk runs (its estimate says every story matches), and a newer search
    stops it at its first match. (Mutant: no `_check` in `_oldest_before`.)"""
    from newsreader.search.library import SearchCancelled

    monkeypatch.setattr(dateorder, "OLDEST_MIN_DOCS", 0)
    monkeypatch.setattr(dateorder, "estimate", lambda *_: 10**6)
    rounds, whole = _spy_rounds(monkeypatch)
    asked = []
    with pytest.raises(SearchCancelled):
        undated_lib.search("officials", limit=3, sort="oldest", snippets=False, cancelled=lambda: not asked.append(1))
    assert len(asked) == 1 and rounds == [1] and whole == []  # at the first match of the tail walk
    kept = undated_lib.search("officials", limit=3, sort="oldest", snippets=False, cancelled=lambda: False)
    assert kept.hits == undated_lib.search("officials", limit=3, sort="oldest", snippets=False).hits
    assert rounds == [1, 1, 1] and whole == []
