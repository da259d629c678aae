"""A bookmark's "not in the corpus now" belongs to the corpus of the copy of the app that
looked, not to the shared store file. It was one flag in the file for every corpus:
`bookmarks list --corpus OTHER` marked every bookmark of the reader's corpus missing, and a
reader on that corpus showed them so until its next reconcile (two readers on two corpora
flipped it back and forth). Now each Store object keeps what its own `reconcile` found; the
file's old column is no longer read, so the schema (and stores made before) stay as they
are."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsreader.cli import main
from newsreader.config import Config
from newsreader.corpus.loader import load_corpus
from newsreader.resources import seeds_dir
from newsreader.store import Store
from newsreader.store.db import SCHEMA_VERSION
from tests.test_bookmarks_cli import home  # noqa: F401 - the fixture (NEWSREADER_HOME in tmp_path), used by name


def _article(article_id: str, title: str = "a title") -> SimpleNamespace:
    return SimpleNamespace(id=article_id, title=title, source="src", date=dt.date(2026, 1, 2))


def test_two_copies_on_two_corpora_each_see_their_own(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    here, elsewhere = _article("here"), _article("elsewhere")
    with Store.open(path) as reader, Store.open(path) as other:
        reader.add_bookmark("here", title="here")
        reader.add_bookmark("elsewhere", title="elsewhere")
        assert reader.reconcile([here]) == (1, 0)
        assert other.reconcile([elsewhere]) == (1, 0)  # the other copy's corpus lacks "here"
        assert not reader.get_bookmark("here").missing and reader.get_bookmark("elsewhere").missing
        assert {b.article_id: b.missing for b in reader.list_bookmarks()} == {"here": False, "elsewhere": True}
        assert reader.counts(["here"]).missing == 1
        assert other.get_bookmark("here").missing and not other.get_bookmark("elsewhere").missing
        # The article comes back to the reader's corpus: reconnected, and said so.
        assert reader.reconcile([here, elsewhere]) == (0, 1)
        assert reader.counts([]).missing == 0 and other.counts([]).missing == 1


def test_bookmarking_an_article_clears_its_mark(tmp_path: Path) -> None:
    """The caller has the article in hand: it is in this corpus now."""
    with Store.open(tmp_path / "state.sqlite3") as store:
        store.add_bookmark("a", title="a")
        store.add_bookmark("b", title="b")
        store.reconcile([])
        store.add_bookmark("a", title="a", tags=["again"])
        store.remove_bookmark("b")
        assert store.bookmark_article(_article("b"))
        assert not store.get_bookmark("a").missing and not store.get_bookmark("b").missing


def test_a_store_made_before_opens_and_its_old_flags_are_not_believed(tmp_path: Path) -> None:
    """A store of schema 1 whose shared flag another corpus set (as the code before wrote it:
    `UPDATE bookmarks SET missing = 1`): it opens (the per-corpus marks' table added), and
    only this store's own reconcile marks a bookmark missing. The version stays 1: the
    newsreader before the table refuses a store of a newer version, and showed no bookmarks
    (review RV12)."""
    path = tmp_path / "state.sqlite3"
    with Store.open(path) as store:
        store.add_bookmark("kept", title="kept", tags=["t"], note="n")
        store.add_bookmark("gone", title="gone")
    db = sqlite3.connect(path)
    db.execute("UPDATE bookmarks SET missing = 1")
    db.execute("DROP TABLE corpus_marks")  # (as a store made before it)
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.notices == []
        assert [b.missing for b in store.list_bookmarks()] == [False, False]
        store.reconcile([_article("kept", "kept")])
        assert {b.article_id: b.missing for b in store.list_bookmarks()} == {"kept": False, "gone": True}
        assert store.get_bookmark("kept").tags == ("t",) and store.get_bookmark("kept").note == "n"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 1  # what older code reads
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'corpus_marks'").fetchone()[0] == 1
    db.close()


def _corpus(tmp_path: Path, name: str, pages: slice) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for page in sorted(seeds_dir().glob("*.txt"))[pages]:
        shutil.copy(page, folder / page.name)
    return folder


@pytest.mark.usefixtures("home")
def test_listing_another_corpus_leaves_the_readers_bookmarks_alone(tmp_path: Path, capsys) -> None:
    """The repro: the reader on its corpus, then `bookmarks list --corpus OTHER` (a corpus
    without the story). The reader's bookmarks screen said "not in the corpus now"; and so
    did `bookmarks list` on the reader's corpus while a rebuild runs ("as last seen")."""
    from newsreader.config import user_paths
    from newsreader.search.indexer import IndexLock

    mine, other = _corpus(tmp_path, "mine", slice(0, 2)), _corpus(tmp_path, "other", slice(2, 3))
    article = load_corpus(mine, Config()).articles[0]
    assert main(["bookmarks", "add", article.id, "--corpus", str(mine)]) == 0
    capsys.readouterr()
    reader = Store.open(Path(os.environ["NEWSREADER_HOME"]) / "data" / "state.sqlite3")
    reader.reconcile([article])

    assert main(["bookmarks", "list", "--corpus", str(other), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["missing"] is True  # for the other corpus, rightly
    assert not reader.get_bookmark(article.id).missing
    assert [b.missing for b in reader.list_bookmarks()] == [False]
    reader.close()

    with IndexLock(user_paths().index_dir(mine)):  # a rebuild of the reader's corpus under way
        assert main(["bookmarks", "list", "--corpus", str(mine), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["missing"] is None  # never checked by a `list` of this corpus: not known (B1)
