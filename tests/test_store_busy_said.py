"""A write that waits for another copy's write lock is told to `Store.waiting` after
`WAIT_SAID` (the reader says so in its status line: 15 s of nothing looked like a hang),
and told again when the wait is over."""

from __future__ import annotations

import sqlite3

from newsreader.store import Store


def test_a_write_that_waits_for_the_lock_is_said_and_its_end_too(tmp_path):
    path = tmp_path / "state.sqlite3"
    store = Store.open(path, timeout=10)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    told: list[bool] = []

    def waiting(now: bool) -> None:
        told.append(now)
        if now:  # the other copy finishes its write once the wait is said
            other.execute("ROLLBACK")

    store.waiting = waiting
    store.mark_read("a")  # no other writer: nothing said
    assert told == []
    other.execute("BEGIN IMMEDIATE")
    store.mark_read("b")
    assert told == [True, False] and store.read_ids() == {"a", "b"}
    other.close()
    store.close()


def test_a_wait_that_ends_in_failure_is_said_over_too(tmp_path):
    path = tmp_path / "state.sqlite3"
    store = Store.open(path, timeout=1.5)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    told: list[bool] = []
    store.waiting = told.append
    try:
        store.mark_read("b")
    except Exception as exc:
        assert "stayed busy" in getattr(exc, "message", "")
    else:
        raise AssertionError("the write went through another copy's lock")
    assert told == [True, False]
    other.close()
    store.close()
