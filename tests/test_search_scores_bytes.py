"""The wildcard/fuzzy score cache is bounded by bytes (W4): an expansion's whole-index
scores are kept as two arrays (12 bytes a document; the dict they are built in takes ~107),
and a segment takes its part by bisection instead of reading every kept document."""

from __future__ import annotations

import pytest

from newsreader.search import expand
from newsreader.search.library import Library
from tests import test_query_expand

two_segments = test_query_expand.two_segments  # (fixtures: the seeds indexed in 2 segments)
seeds = test_query_expand.seeds


def test_a_segments_part_is_its_own_documents_renumbered() -> None:
    """A segment [offset, end) takes the documents numbered offset to end - 1 only, from 0:
    a document numbered `end` is the next segment's first."""
    scores = expand.Scores({10: 4.0, 0: 1.0, 9: 3.0, 5: 2.0, 12: 5.0})
    assert scores.part(0, 5) == ([0], [1.0])
    assert scores.part(5, 10) == ([0, 4], [2.0, 3.0])
    assert scores.part(10, 20) == ([0, 2], [4.0, 5.0])
    assert scores.part(20, 30) == ([], [])
    assert len(scores) == 5


def test_an_entry_is_counted_in_bytes_and_holds_about_twelve_a_document() -> None:
    """The tally is the arrays' size, not a count of documents: 12 bytes a document and
    their headers (a dict of the same scores is ~107 a document)."""
    n = 10_000
    scores = expand.Scores({d * 3: d / 7 for d in range(n)})
    assert 12 * n <= scores.nbytes() <= 12 * n + 400
    assert expand._held(scores) == scores.nbytes()


def test_the_cache_keeps_what_fits_in_its_bytes(two_segments: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for the largest entry and a little more, a query of two wildcard words (4
    expansions) keeps only some of them and the tally is their bytes; with room for all,
    all stay."""
    lib = two_segments
    text = "g* OR s*"
    monkeypatch.setattr(expand, "SCORES_BYTES", 10**9)
    expand._SCORES.clear()
    expand._SCORES_HELD[0] = 0
    lib.search(text, limit=5, snippets=False, suggest=False)
    sizes = [v[3].nbytes() for v in expand._SCORES.values()]
    assert len(sizes) == 4 and expand._SCORES_HELD[0] == sum(sizes)
    monkeypatch.setattr(expand, "SCORES_BYTES", max(sizes) + 1)
    expand._SCORES.clear()
    expand._SCORES_HELD[0] = 0
    lib.search(text, limit=5, snippets=False, suggest=False)
    kept = [v[3].nbytes() for v in expand._SCORES.values()]
    assert 1 <= len(kept) < 4
    assert expand._SCORES_HELD[0] == sum(kept) <= max(sizes) + 1
