"""K3 #4 (RV15-C #7, #8; L1's not-fixed): while a write waits for another copy's lock on the
store (up to 15 s), the bookmarks screen's look no longer freezes the reader on the store's lock,
a quit no longer waits for that write (it is given up, and said after the screen is gone), and
saving a theme choice no longer freezes the reader unsaid (the status line says the wait). The
other copy is a plain SQLite connection holding `BEGIN IMMEDIATE`."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from textual.widgets import Static

from newsreader.config import Config, Paths
from newsreader.errors import UserError
from newsreader.store import Store
from newsreader.tui.app import STORE_WAIT, ReaderApp, run_reader
from tests.test_tui import NARROW, bookmark_and_list_bookmarks, make_app, settle, sync
from tests.test_tui_store_wait import _status, _until


def _other(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def _waiting_write(store: Store) -> tuple[threading.Thread, list[Any]]:
    """A write in a thread of its own, returned once it is waiting past `WAIT_SAID`."""
    told, out = threading.Event(), []
    store.waiting = lambda waiting: told.set() if waiting else None

    def write() -> None:
        try:
            store.set_pref("k", "v")
            out.append("saved")
        except UserError as exc:
            out.append(exc.message)

    thread = threading.Thread(target=write)
    thread.start()
    told.wait(30)
    return thread, out


def test_stop_waiting_ends_a_waiting_write_before_the_other_copy_lets_go(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state.sqlite3", timeout=5)
    other = _other(tmp_path / "state.sqlite3")
    try:
        thread, out = _waiting_write(store)
        store.stop_waiting()
        thread.join()
        assert other.in_transaction  # (still held: the write gave up, it did not get the lock)
        assert out == [f"the bookmarks store {tmp_path / 'state.sqlite3'} was busy (another newsreader is "
                       "writing) when the reader quit; the change was not saved"] and store.given_up == 1
    finally:
        other.close()
        store.close()


def test_the_look_of_a_screen_does_not_wait_for_the_store(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state.sqlite3")
    held, go, released_when_told = threading.Event(), threading.Event(), []

    def hold() -> None:  # (as the writing thread does while it waits for the other copy)
        with store._lock:
            held.set()
            released_when_told.append(go.wait(10))

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    assert store.changes(wait=False) is None
    go.set()
    holder.join()
    assert released_when_told == [True] and store.changes(wait=False) is not None
    store.close()


@asynccontextmanager
async def _held(seed_home: tuple[Path, Any], tmp_path: Path) -> AsyncIterator[tuple[ReaderApp, Any, sqlite3.Connection]]:
    """The reader at 80x24, settled, with the other copy holding the store's write lock."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        other = _other(tmp_path / "state.sqlite3")
        try:
            yield app, pilot, other
        finally:
            other.close()


@sync
async def test_the_bookmarks_screen_s_look_goes_on_while_a_remove_waits(seed_home, tmp_path: Path):
    async with _held(seed_home, tmp_path) as (app, pilot, other):
        other.execute("ROLLBACK")
        await bookmark_and_list_bookmarks(pilot)
        other.execute("BEGIN IMMEDIATE")
        screen, looked, released_when_looked = app.screen, threading.Event(), []

        def release() -> None:
            released_when_looked.append(looked.wait(10))
            other.execute("ROLLBACK")

        pressed = asyncio.create_task(pilot.press("d"))
        await _until(lambda: STORE_WAIT in str(screen.query_one("#bookmarks-title", Static).render()))
        releaser = threading.Thread(target=release)
        releaser.start()
        screen.follow_store()  # (on the reader's thread, as its interval runs it)
        looked.set()
        releaser.join()
        await pressed
        assert released_when_looked == [True]


@sync
async def test_saving_a_theme_choice_says_its_wait_and_the_reader_goes_on(seed_home, tmp_path: Path):
    async with _held(seed_home, tmp_path) as (app, pilot, other):
        app.theme = "newsreader-light"  # (the palette's pick: the watcher saves it)
        await _until(lambda: STORE_WAIT in _status(app))
        assert STORE_WAIT in _status(app) and other.in_transaction
        other.execute("ROLLBACK")
        await _until(lambda: STORE_WAIT not in _status(app))
        assert app.store.get_pref("theme") == "newsreader-light"


def test_quitting_while_a_write_waits_gives_it_up_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "state.sqlite3"
    other, waiting = None, []

    def run(self: ReaderApp, *args: Any, **kwargs: Any) -> None:  # (the reader, quit while a write waits)
        nonlocal other
        self._store = Store.open(state, timeout=5)
        other = _other(state)
        waiting.append(_waiting_write(self._store))

    monkeypatch.setattr(ReaderApp, "run", run)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    try:
        assert run_reader(SimpleNamespace(paths=paths, config=Config(), config_warnings=[]), tmp_path) == 0
        (thread, out), = waiting
        thread.join()
        assert other.in_transaction and "was not saved" in out[0]
        assert "quit while another newsreader was writing to the bookmarks store" in capsys.readouterr().err
    finally:
        if other is not None:
            other.close()


# (A quit key while a bookmark waits: M10 changed it, one key asks and a second gives the write
# up; see tests/test_m10_store_quit.py.)
