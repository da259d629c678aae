"""M10 (RV21-C #1, #2): a quit key while a write waits for another copy's lock on the store.
K3 gave the write up as soon as a quit key was posted, and for good (`Store._stop` stayed set):
the `q` of "/iraq" typed during the wait lost the bookmark although the reader did not quit, and
every later wait lost its change. Now the first quit key only asks (the status line), a second
in the same wait gives up that wait's writes, a key queued ahead of the quit key (`/`) keeps it
from counting, and writes queued behind a given-up one fail at once."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from newsreader.config import Config, Paths
from newsreader.errors import UserError
from newsreader.store import Store
from newsreader.tui.app import STORE_QUIT_ASKED, STORE_WAIT, ReaderApp, run_reader
from tests.test_k3_store_waits import _held, _other, _waiting_write
from tests.test_tui import sync
from tests.test_tui_store_wait import _status, _until


@contextmanager
def _store_held(tmp_path: Path) -> Iterator[tuple[Store, sqlite3.Connection, list[bool]]]:
    """A store, another copy holding its write lock, and what the store's `waiting` is told."""
    store = Store.open(tmp_path / "state.sqlite3", timeout=5)
    other = _other(tmp_path / "state.sqlite3")
    try:
        yield store, other, []
    finally:
        other.close()
        store.close()


def test_a_give_up_ends_one_wait_and_the_writes_queued_behind_it_only(tmp_path: Path) -> None:
    """`give_up` is one-shot: the waiting write and one begun before `end_give_up` fail (the
    latter without waiting: `waiting` is never told), and a write after it waits and saves."""
    with _store_held(tmp_path) as (store, other, told):
        thread, out = _waiting_write(store)
        store.give_up()
        thread.join()
        store.waiting = told.append
        with pytest.raises(UserError):
            store.set_pref("queued", "behind it")
        assert out and "was not saved" in out[0] and told == [] and store.given_up == 2
        store.end_give_up()
        released = threading.Timer(1.5, lambda: other.execute("ROLLBACK"))  # (after `WAIT_SAID`)
        released.start()
        store.set_pref("later", "saved")
        released.join()
        assert told == [True, False] and store.get_pref("later") == "saved" and store.given_up == 2


def test_writes_after_the_reader_quit_fail_without_waiting(tmp_path: Path) -> None:
    """After `stop_waiting` (the reader's exit) a queued write fails at once: each waited
    `WAIT_SAID` (3.4 s from `q` to the shell with 4 queued) before it saw the stop."""
    with _store_held(tmp_path) as (store, _, told):
        store.waiting = told.append
        store.stop_waiting()
        with pytest.raises(UserError):
            store.set_pref("queued", "x")
        assert told == [] and store.given_up == 1


async def _asked(app: ReaderApp, pilot: Any, key: str = "q") -> list[asyncio.Task]:
    """`b` on the reader while the other copy holds the store, then one quit key once the
    status line says the wait; returned once the status line asks (the keys' tasks)."""
    pressed = asyncio.create_task(pilot.press("b"))
    await _until(lambda: STORE_WAIT in _status(app))
    asked = asyncio.create_task(pilot.press(key))
    await _until(lambda: "saving" in _status(app))
    return [pressed, asked]


@sync
async def test_one_quit_key_asks_and_the_write_is_saved_when_the_other_copy_lets_go(seed_home, tmp_path: Path):
    async with _held(seed_home, tmp_path) as (app, pilot, other):
        pressed = await _asked(app, pilot)
        assert STORE_QUIT_ASKED.format(key="q") in _status(app) and app.is_running
        other.execute("ROLLBACK")
        await asyncio.gather(*pressed)
        await _until(lambda: STORE_WAIT not in _status(app) and "saving" not in _status(app))
        assert app.is_running and app.store.given_up == 0 and len(app.store.bookmarked_ids()) == 1
        assert "saving" not in _status(app)


@sync
async def test_two_quit_keys_give_the_write_up_and_quit(seed_home, tmp_path: Path):
    async with _held(seed_home, tmp_path) as (app, pilot, other):
        pressed = await _asked(app, pilot)
        pressed.append(asyncio.create_task(pilot.press("q")))
        await _until(lambda: not app.is_running, most=100)
        await asyncio.gather(*pressed, return_exceptions=True)
        assert other.in_transaction and app.store.given_up == 1 and not app.is_running


@sync
async def test_a_q_typed_into_the_search_bar_during_a_wait_keeps_the_bookmark(seed_home, tmp_path: Path):
    """`b`, then `/q` while it waits: the `/` queued ahead opens the search bar, so neither `q`
    counts (K3 gave the bookmark up at the first); the next wait is not given up either."""
    async with _held(seed_home, tmp_path) as (app, pilot, other):
        pressed = asyncio.create_task(pilot.press("b"))
        await _until(lambda: STORE_WAIT in _status(app))
        typed = asyncio.create_task(pilot.press("slash", "q", "q"))
        await _until(lambda: app._keys_queued() >= 3)
        assert app._keys_queued() == 3 and "saving" not in _status(app)
        other.execute("ROLLBACK")
        await asyncio.gather(pressed, typed)
        await _until(lambda: STORE_WAIT not in _status(app))
        assert app.is_running and app.search_input.value == "qq" and app.store.given_up == 0
        assert len(app.store.bookmarked_ids()) == 1
        other.execute("BEGIN IMMEDIATE")
        thread, out = _waiting_write(app.store)  # (a later wait: not given up, saved once free)
        other.execute("ROLLBACK")
        thread.join()
        assert out == ["saved"] and app.store.given_up == 0


def test_the_exit_says_how_many_changes_were_not_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "state.sqlite3"
    other = None

    def run(self: ReaderApp, *args: Any, **kwargs: Any) -> None:  # (two writes lost before the exit)
        nonlocal other
        self._store = Store.open(state, timeout=5)
        other = _other(state)
        self._store.give_up()
        for key in ("a", "b"):
            with pytest.raises(UserError):
                self._store.set_pref(key, "v")

    monkeypatch.setattr(ReaderApp, "run", run)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    try:
        assert run_reader(SimpleNamespace(paths=paths, config=Config(), config_warnings=[]), tmp_path) == 0
        assert "2 bookmark, read-mark or theme changes waited for it and were not saved" in capsys.readouterr().err
    finally:
        if other is not None:
            other.close()


@sync
async def test_ctrl_q_twice_gives_up_the_writes_of_the_keys_typed_ahead_too(seed_home, tmp_path: Path):
    """Ctrl+Q (a priority binding) quits whatever keys are queued ahead (a plain `q` would not
    count): the waiting write is given up, the `b` queued ahead is not made, nothing is saved."""
    async with _held(seed_home, tmp_path) as (app, pilot, other):
        pressed = asyncio.create_task(pilot.press("b"))
        await _until(lambda: STORE_WAIT in _status(app))
        ahead = asyncio.create_task(pilot.press("j", "b"))
        await _until(lambda: app._keys_queued() >= 2)
        assert app._keys_queued() == 2
        asked = asyncio.create_task(pilot.press("ctrl+q"))
        await _until(lambda: "saving" in _status(app))
        quit_pressed = asyncio.create_task(pilot.press("ctrl+q"))
        await _until(lambda: not app.is_running, most=100)
        await asyncio.gather(pressed, ahead, asked, quit_pressed, return_exceptions=True)
        assert other.in_transaction and app.store.given_up == 1 and not app.is_running
        other.execute("ROLLBACK")
        assert not app.store.bookmarked_ids()
        assert not app.store._give_up.is_set()  # (one-shot: cleared once the quit key is taken)
