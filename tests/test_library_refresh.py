"""A library open while updates commit (the reader's, during its update at start) sees each
commit as a fresh open would: no story of a segment merged away, none deleted since.

Whoosh's `Searcher.refresh` (whoosh-reloaded 2.7.5) kept searching the segments a commit had
merged away, so every merged story came up twice, and reused a segment's reader by its id
alone, so a story whose page changed was found in its old version too."""

from __future__ import annotations

from pathlib import Path

from newsreader.config import Config
from newsreader.search import Library

from tests.test_index import make_corpus, page, segment_sizes


def totals(lib: Library, *words: str) -> list[int]:
    return [lib.search(word, count=True, suggest=False).total for word in words]


def test_an_open_library_does_not_find_the_old_version_of_a_changed_page(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    assert totals(lib, "harbour") == [3]
    (corpus / "p0001.txt").write_text(page(1, "lighthouse"), encoding="utf-8")
    lib.update()
    fresh = Library(tmp_path / "ix", corpus, Config())
    assert totals(lib, "harbour", "lighthouse") == totals(fresh, "harbour", "lighthouse") == [2, 1]
    fresh.close()
    lib.close()


def test_an_open_library_does_not_find_merged_stories_twice(tmp_path: Path) -> None:
    """Pages added one update at a time (a segment each): once four of them are in the index
    before a run, that run merges them (`writer.merge_choice`), under an open library."""
    corpus = make_corpus(tmp_path / "c", 1)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    for n in range(1, 8):
        (corpus / f"p{n:04d}.txt").write_text(page(n, "lighthouse"), encoding="utf-8")
        lib.update()
        assert totals(lib, "harbour", "lighthouse") == [1, n]
    assert len(segment_sizes(lib)) < 8  # merged
    lib.close()


def test_unchanged_segments_keep_their_readers(tmp_path: Path) -> None:
    """A commit that adds a segment opens a reader for it alone: the others are read on
    (their caches warm)."""
    corpus = make_corpus(tmp_path / "c", 2)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    (corpus / "p0002.txt").write_text(page(2, "lighthouse"), encoding="utf-8")
    lib.update()
    before = [leaf for leaf, _ in lib.searcher().reader().leaf_readers()]
    (corpus / "p0003.txt").write_text(page(3, "lighthouse"), encoding="utf-8")
    lib.update()
    after = [leaf for leaf, _ in lib.searcher().reader().leaf_readers()]
    assert len(after) == 3 and after[:2] == before and all(a is b for a, b in zip(after, before))
    assert totals(lib, "lighthouse") == [2]
    lib.close()
