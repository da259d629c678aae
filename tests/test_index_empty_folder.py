"""A corpus folder found empty, where the index holds pages, is not taken as every page
deleted (Q4 item 10): a disk not mounted leaves its empty mount point, and the update emptied
the index, so the whole corpus had to be read again when the disk was back."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.errors import UserError
from newsreader.search import Library

from tests.test_index import make_corpus


def test_an_emptied_folder_keeps_the_index_until_a_rebuild(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    held = tmp_path / "held"
    held.mkdir()
    for page in corpus.iterdir():
        page.rename(held / page.name)
    with pytest.raises(UserError, match="index is kept as it was.*--rebuild"):
        lib.update()
    assert lib.count() == 3 and len(lib.search("harbour").hits) == 3
    for page in held.iterdir():  # the disk is back: nothing to read again
        page.rename(corpus / page.name)
    stats = lib.update()
    assert stats.pages_unchanged == 3 and stats.pages_indexed == 0
    for page in corpus.iterdir():
        page.rename(held / page.name)
    lib.update(rebuild=True)  # emptied on purpose
    assert lib.count() == 0
    lib.close()


def test_removing_all_but_one_page_is_an_update(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    for page in sorted(corpus.iterdir())[1:]:
        page.unlink()
    assert lib.update().pages_removed == 2 and lib.count() == 1
    lib.close()


def test_search_answers_when_finishing_a_stopped_run_finds_the_folder_empty(
        capsys, isolated_home: Path, tmp_path: Path) -> None:
    """An index a run left unfinished, and its folder now empty (the disk not mounted):
    `search` tried to finish the run, met the refusal above, and exited 2 without searching
    the index it had just said was kept (RV13-A 3)."""
    import shutil
    import sqlite3

    from newsreader.cli import main
    from newsreader.resources import seeds_dir
    from newsreader.search.schema import UNFINISHED_META

    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    assert main(["index", "--corpus", str(corpus)]) == 0
    (store,) = isolated_home.glob("data/indexes/*/articles.sqlite3")
    with sqlite3.connect(store) as con:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (UNFINISHED_META,))
    for page in corpus.iterdir():
        page.unlink()
    capsys.readouterr()
    assert main(["search", "iran", "--corpus", str(corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    assert '"hits"' in out and "index is kept as it was" in err and "answers may be incomplete" in err
