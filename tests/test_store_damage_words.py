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


def test_an_extended_damage_code_is_damage() -> None:
    """Python gives SQLite's extended result code: SQLITE_CORRUPT_INDEX (779) is damage as SQLITE_CORRUPT is."""
    for code, damaged in ((11, True), (779, True), (267, True), (26, True), (5, False), (14, False)):
        exc = sqlite3.DatabaseError("some words")
        exc.sqlite_errorcode = code
        assert _is_damaged(exc) is damaged, code
