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
