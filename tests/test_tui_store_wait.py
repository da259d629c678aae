"""`b` and `u` while another copy of newsreader holds the store's write lock: the reader
waited up to 15 s with nothing on the screen (it looked hung). Now, after `WAIT_SAID`, the
status line says it is waiting for the other newsreader, and the line goes once the write
is done (L1 item 1). The other copy is a plain SQLite connection holding `BEGIN IMMEDIATE`."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from newsreader.tui.app import STORE_WAIT
from newsreader.tui.status import StatusLine
from tests.test_tui import NARROW, bookmark_and_list_bookmarks, make_app, settle, sync


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Any]) -> tuple[Path, Any]:
    return indexed_seeds


def _status(app: Any) -> str:
    return str(app.main.query_one("#status", StatusLine).render())


async def _until(done: Any, most: int = 400) -> None:
    """Pause until `done()` (a bound on the rounds, not a time to assert on)."""
    for _ in range(most):
        if done():
            return
        await asyncio.sleep(0.05)  # (not pilot.pause: it waits for the app, busy with the write)


@sync
async def test_a_write_waiting_for_another_copy_is_said_in_the_status_line(seed_home, tmp_path: Path):
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        other = sqlite3.connect(tmp_path / "state.sqlite3", isolation_level=None, check_same_thread=False)
        try:
            other.execute("BEGIN IMMEDIATE")
            pressed = asyncio.create_task(pilot.press("b"))  # (it returns once the write is done)
            await _until(lambda: STORE_WAIT in _status(app))
            assert STORE_WAIT in _status(app) and row.id not in app.bookmarked
            other.execute("ROLLBACK")
            await _until(lambda: row.id in app.bookmarked and STORE_WAIT not in _status(app))
            await pressed
            assert row.id in app.bookmarked and STORE_WAIT not in _status(app)
            assert app.store.is_bookmarked(row.id)
            await pilot.press("u")  # no other writer: done at once, nothing said
            assert row.id in app.read_ids and STORE_WAIT not in _status(app)
        finally:
            other.close()


@sync
async def test_the_bookmarks_screen_says_its_wait_in_its_title(seed_home, tmp_path: Path):
    """The screen covers the status line: its remove (as its undo and edit) waited as long,
    with the same frozen screen."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        await bookmark_and_list_bookmarks(pilot)
        screen = app.screen

        def title() -> str:
            return str(screen.query_one("#bookmarks-title", Static).render())

        other = sqlite3.connect(tmp_path / "state.sqlite3", isolation_level=None, check_same_thread=False)
        try:
            other.execute("BEGIN IMMEDIATE")
            pressed = asyncio.create_task(pilot.press("d"))
            await _until(lambda: STORE_WAIT in title())
            assert STORE_WAIT in title() and row.id in screen.bookmarks
            other.execute("ROLLBACK")
            await pressed
            await _until(lambda: title().startswith("Bookmarks: 0 shown"))
            assert title().startswith("Bookmarks: 0 shown") and not app.store.is_bookmarked(row.id)
        finally:
            other.close()
