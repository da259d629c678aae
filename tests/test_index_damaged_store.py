"""`newsreader index` on an article store damaged where opening it does not look (Q4 item 4):
it ended in a traceback (`sqlite3.DatabaseError` from `store.pages()`), where `search` on the
same index says it is unreadable and to rebuild. Now `index` says the same line, exit 2, and
`index --rebuild` mends it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.search.schema import is_damage


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_on_a_damaged_article_store_says_rebuild(capsys, isolated_home: Path) -> None:
    assert run(capsys, "index")[0] == 0
    (store,) = isolated_home.glob("data/indexes/*/articles.sqlite3")
    with sqlite3.connect(store) as con:
        page = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_articles_1'").fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(store.read_bytes())
    data[(page - 1) * size:page * size] = bytes(size)
    store.write_bytes(bytes(data))
    code, out, err = run(capsys, "index")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "is unreadable" in err and "newsreader index --rebuild" in err, err
    code, out, err = run(capsys, "index", "--rebuild")
    assert code == 0, err
    assert run(capsys, "search", "pakistan")[0] == 0


def _error(code: int, message: str) -> sqlite3.DatabaseError:
    exc = sqlite3.DatabaseError(message)
    exc.sqlite_errorcode = code
    return exc


def test_damage_is_told_from_a_busy_or_locked_store() -> None:
    assert is_damage(_error(11, "database disk image is malformed"))
    assert is_damage(_error(26, "file is not a database"))
    assert not is_damage(_error(5, "database is locked"))
    assert not is_damage(_error(6, "database table is locked"))
    assert not is_damage(_error(13, "database or disk is full"))


def test_an_emptied_article_store_is_not_called_another_version(capsys, isolated_home: Path) -> None:
    """A 0-byte article store (cut short) made `search` say the index 'was built by another
    version of newsreader' (Q4 item 13): it holds no version at all."""
    assert run(capsys, "index")[0] == 0
    (store,) = isolated_home.glob("data/indexes/*/articles.sqlite3")
    for extra in store.parent.glob("articles.sqlite3-*"):
        extra.unlink()
    store.write_bytes(b"")
    code, out, err = run(capsys, "search", "pakistan")
    assert code == 2 and "another version" not in err and "unreadable" in err and "--rebuild" in err, err
