"""`bookmarks list` (and the JSON/YAML export) when the corpus cannot be read: the marks of
the corpus's last check, else "not known". It said "showing bookmarks as last seen" and
showed every bookmark as present, since the "not in the corpus now" mark is kept per copy
of the app (0279770) and nothing of it was left in the file (review RV11 item 3)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsreader.store import Store
from newsreader.store.db import Bookmark
from tests import test_bookmarks_cli
from tests.test_bookmarks_cli import _articles, run

home, corpus = test_bookmarks_cli.home, test_bookmarks_cli.corpus  # (its fixtures)


def _gone(home: Path, corpus: Path) -> None:
    """The corpus folder and its index gone: nothing can say what the corpus has now."""
    from newsreader.config import user_paths

    shutil.rmtree(user_paths().index_dir(corpus))
    shutil.rmtree(corpus)


def test_a_corpus_that_cannot_be_read_shows_its_last_checks_marks(home: Path, corpus: Path, capsys) -> None:
    first, second = _articles(corpus)[:2]
    for article in (first, second):
        run(capsys, "bookmarks", "add", article.id, "--corpus", str(corpus))
    (corpus / second.file).unlink()
    run(capsys, "index", "--corpus", str(corpus))
    code, out, _ = run(capsys, "bookmarks", "list", "--corpus", str(corpus), "--json")  # the check
    assert code == 0 and {b["id"]: b["missing"] for b in json.loads(out)} == {first.id: False, second.id: True}
    export = {"format": "newsreader-bookmarks", "version": 1, "bookmarks": [
        {"id": "later-1", "title": "Later", "date": None, "created": "2025-01-01T00:00:00+00:00"}]}
    (home.parent / "later.json").write_text(json.dumps(export), encoding="utf-8")
    assert run(capsys, "bookmarks", "import", str(home.parent / "later.json"))[0] == 0  # after the check

    _gone(home, corpus)
    code, out, err = run(capsys, "bookmarks", "list", "--corpus", str(corpus), "--json")
    assert code == 0 and {b["id"]: b["missing"] for b in json.loads(out)} == {
        first.id: False, second.id: True, "later-1": None}
    assert err.count("\n") == 1 and "as at its check of" in err and "1 bookmark added since: not known" in err

    code, out, err = run(capsys, "bookmarks", "list", "--corpus", str(corpus))
    blocks: dict[str, str] = {}
    for line in out.splitlines():
        if not line.startswith(" "):
            current = line.split()[1]
        blocks[current] = blocks.get(current, "") + line + "\n"
    assert set(blocks) == {first.id, second.id, "later-1"}
    assert "not in the corpus now" in blocks[second.id] and "not checked against the corpus yet" in blocks["later-1"]
    assert "not in the corpus" not in blocks[first.id] and "not checked" not in blocks[first.id]

    code, out, err = run(capsys, "bookmarks", "export", "--format", "json", "-o", "-", "--corpus", str(corpus))
    assert code == 0 and {b["id"]: b["missing"] for b in json.loads(out)["bookmarks"]} == {
        first.id: False, second.id: True, "later-1": None}


def test_a_corpus_never_checked_says_presence_is_not_known(home: Path, corpus: Path, capsys) -> None:
    """The reader's own reconcile is kept in its store object only: no saved marks, so
    nothing is claimed."""
    first = _articles(corpus)[0]
    run(capsys, "bookmarks", "add", first.id, "--corpus", str(corpus))
    _gone(home, corpus)
    code, out, err = run(capsys, "bookmarks", "list", "--corpus", str(corpus), "--json")
    assert code == 0 and [b["missing"] for b in json.loads(out)] == [None]
    assert "showing bookmarks as last seen; whether their stories are still in the corpus is not known" in err
    code, out, err = run(capsys, "bookmarks", "list", "--corpus", str(corpus))
    assert code == 0 and "not in the corpus now" not in out and "not checked" not in out  # said once, in err
    assert "is not known" in err


@pytest.mark.parametrize("change", ["remove", "add", "toggle", "rename"])
def test_saved_marks_are_per_corpus_and_forgotten_when_the_bookmark_changes(tmp_path: Path, change: str) -> None:
    """A bookmark removed and added again, bookmarked again, or moved to a new id is not
    what the check saw: no mark (not known), rather than the old one."""
    from types import SimpleNamespace

    def article(i: str) -> SimpleNamespace:
        return SimpleNamespace(id=i, title=i, source=None, date=None)

    with Store.open(tmp_path / "state.sqlite3") as store:
        for i in ("a", "b"):
            store.add_bookmark(i, title=i)
        store.reconcile([article("a")], corpus="one")
        store.reconcile([article("a"), article("b")], corpus="two")
        assert store.last_marks("one")[0] == {"a": False, "b": True}
        assert store.last_marks("two")[0] == {"a": False, "b": False}
        assert store.last_marks("three") == ({}, None)
        if change == "remove":  # and imported again
            store.remove_bookmark("b")
            store.merge_bookmarks([Bookmark("b", title="b")])
        elif change == "add":
            store.add_bookmark("b", title="b", tags=["x"])
        elif change == "toggle":  # the reader's b key, twice
            assert store.remove_bookmark("b") is not None and store.bookmark_article(article("b"))
        else:  # b's story is a's now: merged into a
            store.follow_renames({"b": "a"})
            assert store.last_marks("one")[0] == store.last_marks("two")[0] == {}
            return
        assert store.last_marks("one")[0] == {"a": False}
        assert store.last_marks("two")[0] == {"a": False}
