"""Two copies of the app on one store (two `Store` objects on one file): an edit, a removal
and its undo never write an older copy of a bookmark over the other copy's newer note or
tags; and a copy whose store file another copy replaced (a damaged one moved aside) reopens
the new file instead of writing on into the moved one (QA report Q4, items 1 and 3)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from newsreader.store import Store
from newsreader.store.db import _move_aside

ID = "storm-hits-coast-1a2b3c4d"


@pytest.fixture
def pair(tmp_path: Path):
    path = tmp_path / "state.sqlite3"
    here, other = Store.open(path), Store.open(path)
    yield here, other
    here.close()
    other.close()


# --- edits ---------------------------------------------------------------------------


def test_an_edit_of_the_tags_keeps_the_note_another_copy_wrote_meanwhile(pair) -> None:
    """Q4's repro: the editor showed no note; the other copy (`bookmarks add --note`) wrote
    one; the user added a tag. The note was replaced by the editor's empty one."""
    here, other = pair
    shown = here.add_bookmark(ID, title="Storm", tags=["more", "mytag"])
    other.add_bookmark(ID, title="Storm", note="note written in the other copy", tags=["theirs"])
    saved, joined = here.edit_bookmark(ID, add_tags=["extra"], note=None, note_was=shown.note)
    assert saved.note == "note written in the other copy" and not joined
    assert saved.tags == ("extra", "more", "mytag", "theirs")


def test_a_tag_removed_in_the_editor_leaves_the_tags_another_copy_added(pair) -> None:
    here, other = pair
    here.add_bookmark(ID, title="Storm", tags=["a", "b"])
    other.edit_bookmark(ID, add_tags=["c"])
    saved, _ = here.edit_bookmark(ID, remove_tags=["A "])  # (as typed: normalised like every tag)
    assert saved.tags == ("b", "c")


def test_a_note_changed_in_both_copies_keeps_both(pair) -> None:
    here, other = pair
    shown = here.add_bookmark(ID, title="Storm", note="first")
    other.add_bookmark(ID, title="Storm", note="theirs")
    saved, joined = here.edit_bookmark(ID, note="mine", note_was=shown.note)
    # (on one line: the editor shows a note in a one-line field)
    assert joined and saved.note == "theirs | mine"
    # Clearing a note the other copy has changed since keeps theirs rather than nothing.
    saved, joined = here.edit_bookmark(ID, note="", note_was="first")
    assert joined and saved.note == "theirs | mine"
    # Unchanged since the editor read it: simply replaced.
    saved, joined = here.edit_bookmark(ID, note="only this", note_was="theirs | mine")
    assert not joined and saved.note == "only this"


def test_an_edit_of_a_bookmark_removed_meanwhile_says_so(pair) -> None:
    here, other = pair
    here.add_bookmark(ID, title="Storm")
    other.remove_bookmark(ID)
    with pytest.raises(KeyError):
        here.edit_bookmark(ID, add_tags=["x"])
    assert here.bookmark_count() == 0


# --- removal and undo ----------------------------------------------------------------


def test_undo_puts_back_the_bookmark_as_removed_not_as_last_listed(pair) -> None:
    """The screen's copy was read before the other copy set a note and a tag: the removal
    returns the row as it was deleted, and the undo brings back that one."""
    here, other = pair
    listed = here.add_bookmark(ID, title="Storm", note="via old id")
    other.add_bookmark(ID, title="Storm", note="changed by the other copy", tags=["newtag"])
    gone = here.remove_bookmark(ID)
    assert gone is not None and gone != listed
    back = here.restore_bookmark(gone)
    assert (back.note, back.tags, back.created_at) == ("changed by the other copy", ("newtag",), listed.created_at)


# --- a store replaced under a copy ---------------------------------------------------


def _damage(path: Path) -> None:
    """Q4's damage: page 3 (the bookmarks' key index) overwritten, after a checkpoint."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with open(path, "r+b") as f:
        f.seek(8192)
        f.write(b"\x5a" * 4096)


def test_a_copy_reopens_a_store_another_copy_repaired(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    reader = Store.open(path)
    reader.add_bookmark(ID, title="Storm", note="kept")
    reader.mark_read("read-before")
    _damage(path)
    repairer = Store.open(path)  # another copy: moves the damaged file aside, rescues what it can
    assert any("damaged" in n for n in repairer.notices)
    aside = next(tmp_path.glob("state.sqlite3.corrupt-*[0-9]"))

    reader.mark_read("read-after")  # (went into the moved-aside file, silently)
    reader.add_bookmark("second-1a2b3c4d", title="Second")
    assert repairer.is_read("read-after") and repairer.is_bookmarked("second-1a2b3c4d")
    moved = sqlite3.connect(f"{aside.as_uri()}?mode=ro", uri=True)
    assert moved.execute("SELECT count(*) FROM read_marks WHERE article_id = 'read-after'").fetchone()[0] == 0
    moved.close()
    # Said once; and reads follow the new file as writes do.
    news = reader.take_notices()
    assert len(news) == 1 and "replaced" in news[0] and reader.take_notices() == []
    repairer.add_bookmark("third-1a2b3c4d", title="Third")
    assert {b.article_id for b in reader.list_bookmarks()} >= {ID, "second-1a2b3c4d", "third-1a2b3c4d"}
    reader.close()
    repairer.close()


def test_reads_alone_notice_the_replacement(tmp_path: Path) -> None:
    """The reader's look at the store every few seconds is reads only: they reopen it too."""
    path = tmp_path / "state.sqlite3"
    reader = Store.open(path)
    reader.add_bookmark(ID, title="Storm")
    assert _move_aside(path) is not None
    with Store.open(path) as other:
        other.add_bookmark("new-1a2b3c4d", title="New")
    assert reader.bookmarked_ids() == {"new-1a2b3c4d"}
    assert reader.get_bookmark("new-1a2b3c4d") is not None
    assert len(reader.take_notices()) == 1
    reader.close()


def test_change_mark_moves_with_any_copys_commit_and_only_then(pair, tmp_path: Path) -> None:
    here, other = pair
    first = here.changes()
    assert here.changes() == first  # nothing happened
    other.add_bookmark(ID, title="Storm")
    second = here.changes()
    assert second != first
    here.mark_read(ID)  # this copy's own commit (SQLite's data_version does not count it)
    third = here.changes()
    assert third != second and here.changes() == third
    assert _move_aside(tmp_path / "state.sqlite3") is not None
    Store.open(tmp_path / "state.sqlite3").close()
    assert here.changes() != third  # a reopened file


def test_change_mark_moves_when_the_file_is_replaced_though_no_commit_was_seen(tmp_path: Path) -> None:
    """A connection's data_version starts afresh: one that never saw another copy's commit
    and the reopened one can show the same number, so the reopening itself moves the mark."""
    path = tmp_path / "state.sqlite3"
    here = Store.open(path)
    try:
        before = here.changes()
        assert _move_aside(path) is not None
        Store.open(path).close()
        assert here.changes() != before
    finally:
        here.close()



def test_a_copy_waits_for_a_repair_under_way_before_reopening(tmp_path: Path) -> None:
    """Between the repair's move of the damaged file and its new store, the path is empty,
    and its -wal and -shm are still to be moved: a store opened there then would take them.
    A copy noticing the move waits for the repair's lock; here it stays held, so the write
    fails as a busy store does, and nothing is created at the path."""
    import fcntl

    from newsreader.errors import UserError

    path = tmp_path / "state.sqlite3"
    reader = Store.open(path, timeout=0.3)
    reader.add_bookmark(ID, title="Storm")
    lock = os.open(path.with_name(path.name + ".repair-lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # (the repairing copy's, from before its move)
        os.replace(path, path.with_name(path.name + ".corrupt-x"))
        with pytest.raises(UserError, match="repairing"):
            reader.mark_read("read-meanwhile")
        assert not path.exists()
    finally:
        os.close(lock)
    reader.mark_read("read-after")  # the repair over: the store there now (here, a new one)
    assert reader.is_read("read-after") and len(reader.take_notices()) == 1
    reader.close()
