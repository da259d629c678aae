"""S6: oldest first with a `date:` range under an OR made a walk round for nothing. A range at the top of
the query bounds the walk (it starts at the range's first day: test_s4_oldest_tail), but under an OR it
bounded nothing: `(strike date:>2025-01-01) OR zzzqqq` (an alternative that matches no story) looked among
the oldest stories of the whole index first, found none and then walked every match; and in
`harbour OR date:2025` the range's stories counted in the share of matches the first look was sized by,
though none of them is among the oldest stories. `dateorder.lower_date` now reads the bound through ORs
(the earliest of the alternatives that match at all) and `estimate(..., before)` leaves out the
alternatives that start later. (That the hits are the whole walk's for such queries, at every limit:
test_s4_oldest_tail's first test.)"""

from __future__ import annotations

import pytest

from newsreader.search import dateorder
from newsreader.search.dateorder import (
    _can_match,
    _oldest_all,
    date_runs,
    estimate,
    lower_date,
    oldest,
)
from tests import test_s4_oldest_tail as tail
from tests import test_search_order as order

undated_lib = order.undated_lib


@pytest.mark.parametrize(("query", "bound"), [
    ("strike", 0),
    ("strike date:2025", 20250101),
    ("date:2025 OR date:2024-05", 20240501),
    ("(strike date:>2025-01-01) OR (budget date:2024-06)", 20240601),
    ("(strike date:>2025-01-01) OR zzzqqq", 20250102),
    ("(strike date:>2025-01-01) OR undated", 0),
    ("strike OR date:2025", 0),
    ("(strike OR date:2025) date:2024-05", 20240501),
    ("date:2025 -strike", 20250101),
])
def test_the_lower_date_bound_of_a_query(undated_lib, query, bound) -> None:  # type: ignore[no-untyped-def]
    """The earliest date a match can have: an AND's latest bound, an OR's earliest among its alternatives
    that match a story (zzzqqq matches none; "undated" only the undated stories, which have any date).
    Without the match check, an alternative that matches nothing bounds the OR as well."""
    with undated_lib.reading():
        searcher = undated_lib.searcher()
        q = undated_lib.parse(query).query
        assert lower_date(q, lambda c: _can_match(searcher, c)) == bound
    if "zzzqqq" in query:
        assert lower_date(q) == 0


def test_an_alternative_that_matches_nothing_bounds_nothing(undated_lib, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`(strike date:>2025-01-01) OR zzzqqq`: one tail walk, from 2025-01-02, finds the first hit; no round
    among the oldest stories, no walk of every match. (Mutant: the OR's bound ignored: a round that finds
    nothing, then the whole walk.)"""
    monkeypatch.setattr(dateorder, "OLDEST_MIN_DOCS", 0)
    monkeypatch.setattr(dateorder, "estimate", lambda *_: 10**6)
    with undated_lib.reading():
        searcher = undated_lib.searcher()
        runs = date_runs(searcher, {})
        q = undated_lib.parse("(strike date:>2025-01-01) OR zzzqqq").query
        every, _ = _oldest_all(searcher, q, 1000, runs)
        rounds, whole = tail._spy_rounds(monkeypatch)
        assert oldest(searcher, q, 1, runs)[0] == every[:1]
    assert every and (rounds, whole) == ([1], [])


def test_the_share_leaves_out_the_alternatives_that_start_later(undated_lib) -> None:  # type: ignore[no-untyped-def]
    """`harbour OR date:2025` among the oldest stories (before 2025) is `harbour` alone: the first look is
    sized by its share. Without `before` the range's stories count too. (Mutant: `before` not passed on
    into the OR's alternatives.)"""
    with undated_lib.reading():
        reader = undated_lib.searcher().reader()
        n = reader.doc_count()
        both = undated_lib.parse("harbour OR date:2025").query
        word = undated_lib.parse("harbour").query
        assert estimate(both, reader, n, 0) == pytest.approx(estimate(word, reader, n))
        assert estimate(both, reader, n) > estimate(word, reader, n) > 0
        assert estimate(both, reader, n, 20250101) == pytest.approx(estimate(both, reader, n))
