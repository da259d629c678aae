"""The palette's "Export bookmarks" (RV28-B #3, #11): a stored story the index cannot read is a warning and the
rest is exported (the export failed whole); a folder it cannot write to is named in the error, not the file alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsreader.config import Config
from newsreader.search.library import Library
from newsreader.search.store import STORE_FILE
from newsreader.store import Store
from newsreader.store.export import default_filename
from newsreader.tui.commands import _export_bookmarks
from tests.test_x1_urls import url_corpus  # noqa: F401 (the fixture)


class _App:
    """What the export asks of the reader: its store and index, and notices (from the worker thread)."""

    def __init__(self, store: Store, library: Any) -> None:
        self.store, self.library, self.said = store, library, []

    def call_from_thread(self, call: Any, *args: Any, **kwargs: Any) -> None:
        call(*args, **kwargs)

    def notify(self, message: str, **kwargs: Any) -> None:
        self.said.append((message, kwargs.get("severity")))


def _app(url_corpus: tuple[Path, Any], tmp_path: Path) -> _App:  # noqa: F811
    corpus, paths = url_corpus
    library = Library.open(paths, corpus, Config())
    store = Store.open(tmp_path / "state.sqlite3")
    for row in library.list_rows(0, 10):
        store.add_bookmark(row.id, title=row.title)
    return _App(store, library)


def test_a_story_the_index_cannot_read_is_said_and_the_rest_exported(url_corpus, tmp_path: Path,  # noqa: F811
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    app = _app(url_corpus, tmp_path)
    damaged = next(row for row in app.library.list_rows(0, 10) if row.title == "Storm hits the coast")
    (index,) = (tmp_path / "data").rglob(STORE_FILE)
    with sqlite3.connect(index) as con:
        con.execute("UPDATE articles SET data = ? WHERE id = ?", (b"garbage-not-zlib", damaged.id))
    con.close()
    monkeypatch.chdir(tmp_path)
    _export_bookmarks(app)
    (warning, done) = app.said
    assert warning[1] == "warning" and damaged.id in warning[0] and "index --rebuild" in warning[0]
    assert done[0].startswith("exported 2 bookmarks to ")
    text = (tmp_path / default_filename("md")).read_text(encoding="utf-8")
    assert "cannot be read from the index" in text and "Winds of 150" in text  # (the other story's paragraph)


def test_a_folder_it_cannot_write_to_is_named_in_the_error(url_corpus, tmp_path: Path,  # noqa: F811
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    app = _app(url_corpus, tmp_path)
    gone = tmp_path / "started-here"  # (the folder the reader was started in, since removed)
    monkeypatch.setattr(Path, "cwd", classmethod(lambda cls: gone))
    _export_bookmarks(app)
    ((message, severity),) = app.said
    assert severity == "error" and str(gone / default_filename("md")) in message
