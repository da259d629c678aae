"""A damaged bookmarks store is told from one that cannot be opened by SQLite's result code, or, where Python
gives no code (3.10), by SQLite's words for the two codes: without that, Python 3.10 refused to start on a damaged
store instead of moving it aside."""

from __future__ import annotations

import sqlite3

from newsreader.store.db import _is_damaged


def test_an_error_with_no_code_is_read_by_its_words() -> None:
    assert _is_damaged(sqlite3.DatabaseError("file is not a database"))
    assert _is_damaged(sqlite3.DatabaseError("database disk image is malformed"))
    assert not _is_damaged(sqlite3.OperationalError("database is locked"))
    assert not _is_damaged(sqlite3.OperationalError("unable to open database file"))


def test_a_real_damaged_file_is_damaged(tmp_path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    db = sqlite3.connect(path)
    try:
        db.execute("SELECT * FROM sqlite_master").fetchall()
        raised = None
    except sqlite3.DatabaseError as exc:
        raised = exc
    finally:
        db.close()
    assert raised is not None and _is_damaged(raised)
