"""Which segments the index owner merges at a commit: Whoosh's MERGE_SMALL rule, but never
more than `writer.MERGE_MAX_DOCS` documents at once.

A Whoosh merge re-reads and re-writes every posting in Python (~14 ms a document on a loaded
host), in the process that owns the index: the reader's update thread, which a quit waits
for. MERGE_SMALL merges the smallest segments while they add up to less than a Fibonacci
number of their count, and with 20-odd segments (a first build of 100,000 articles makes 18)
that is most of the index: ~90,000 documents, many minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.search import Library, writer

from tests.test_index import make_corpus, page, segment_sizes


def test_small_segments_are_merged_a_few_documents_at_a_time(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Eleven updates adding a page each (a segment of one story each): MERGE_SMALL merges
    the smallest segments once there are 5+ of them, here 3 documents at most at a time,
    and every story stays searchable."""
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS", 3)
    corpus = make_corpus(tmp_path / "c", 1)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    largest = []
    for n in range(1, 12):
        (corpus / f"p{n:04d}.txt").write_text(page(n, "lighthouse"), encoding="utf-8")
        lib.update()
        largest.append(max(all_ for _, all_ in segment_sizes(lib)))
    sizes = segment_sizes(lib)
    assert max(largest) == 3 and len(sizes) < 12  # merged, 3 at most (MERGE_SMALL alone: 5, then 9)
    assert sum(live for live, _ in sizes) == 12 and lib.search("lighthouse", count=True).total == 11
    lib.close()

