"""S6: at 100k articles, after two incremental updates, a cold search took ~190 ms more and its peak RSS was
558 MB (53-56 MB in earlier rounds): the two segments Whoosh's merges had written were compound (one .seg
file), and Whoosh opens a compound segment from a memory map by wrapping each of its files in a BytesIO,
which copies the file into memory (262 MB). Merges now write plain segments, and the library reads a
compound segment an older newsreader wrote through its file, without copying it."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.structfile import BufferFile

from newsreader.search import indexer, writer
from tests.test_index_merges import add_pages, four_segments


def _merged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    corpus, lib = four_segments(tmp_path, monkeypatch)
    add_pages(corpus, 4, 1, word="harbour")
    lib.update(stop=lambda: False)  # (the reader's update: merges the four)
    return lib


def test_a_merge_writes_a_plain_segment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = _merged(tmp_path, monkeypatch)
    try:
        assert not list((lib.folder / "whoosh").glob("*.seg"))
        assert lib.search("lighthouse", count=True).total == 3 and lib.search("harbour", count=True).total == 2
    finally:
        lib.close()


def test_a_compound_segment_is_read_without_copying_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge as Whoosh wrote it before (compound): the searches find what they found, and no file of
    the merged segment is opened as an in-memory copy. (Mutant: the index opened with `open_dir`.)"""
    made = writer.NewsWriter.__init__
    monkeypatch.setattr(writer.NewsWriter, "__init__", lambda self, ix, **kw: made(self, ix, **(kw | {"compound": True})))
    lib = _merged(tmp_path, monkeypatch)
    try:
        assert list((lib.folder / "whoosh").glob("*.seg"))
        assert lib.search("lighthouse", count=True).total == 3 and lib.search("harbour", count=True).total == 2
        with lib.reading():
            leaves = [leaf for leaf, _ in lib.searcher().reader().leaf_readers()]
        assert any(leaf.segment().is_compound() for leaf in leaves)
        for leaf in leaves:
            assert not isinstance(leaf._terms._tindex.dbfile, BufferFile)
            assert not isinstance(leaf._terms._postfile, BufferFile)
    finally:
        lib.close()


def test_the_indexer_reads_a_compound_segment_without_copying_its_files(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """MD (RV28-D #6): an update opens the index as the library does (`writer.open_index`): the old
    compound segment it reads (to delete changed pages, or to merge it away) is not copied into memory."""
    made = writer.NewsWriter.__init__
    monkeypatch.setattr(writer.NewsWriter, "__init__", lambda self, ix, **kw: made(self, ix, **(kw | {"compound": True})))
    lib = _merged(tmp_path, monkeypatch)
    folder = lib.folder
    lib.close()
    ix, store = indexer.open_or_create(folder, rebuild=False)
    try:
        with ix.reader() as reader:
            leaves = [leaf for leaf, _ in reader.leaf_readers()]
            assert any(leaf.segment().is_compound() for leaf in leaves)
            assert not any(isinstance(leaf._terms._postfile, BufferFile) for leaf in leaves)
    finally:
        store.close()
