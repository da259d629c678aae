"""The reader under fast input and two copies: keys that arrive in one read from the terminal
(a paste, one SSH packet, keys typed ahead), and a `b` pressed on a screen that has not yet
shown what another copy did (QA report Q4, findings 2 and 9)."""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual import events

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui.app import ReaderApp

NARROW = (80, 24)


def sync(fn):
    """Run an async test without an async pytest plugin (none is a dependency)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))
    return wrapper


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Paths]) -> tuple[Path, Paths]:
    return indexed_seeds


def make_app(seed_home: tuple[Path, Paths], tmp_path: Path) -> ReaderApp:
    corpus, shared = seed_home
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    return ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                     watch_marks=False, update_index=False, related_delay=0)


async def settle(pilot, rounds: int = 2) -> None:
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@contextlib.asynccontextmanager
async def after_burst(seed_home: tuple[Path, Paths], tmp_path: Path, keys: str) -> AsyncIterator[ReaderApp]:
    """A reader that read `keys` in one burst, and has handled them."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        burst(app, keys)
        await settle(pilot)
        yield app


def burst(app: ReaderApp, keys: str) -> None:
    """Post `keys` to the app as its driver does for one read from the terminal: all queued
    before the app handles the first (Pilot.press waits for each key to be handled)."""
    for ch in keys:
        key = {"/": "slash", " ": "space", "\t": "tab", "\x1b": "escape", "\r": "enter"}.get(ch, ch)
        app._driver.send_message(events.Key(key, ch if ch.isprintable() else None))


@sync
async def test_keys_in_the_same_read_as_slash_go_to_the_search_bar(seed_home, tmp_path):
    """`/abu` in one burst: `a`, `b` and `u` are typed into the search bar; none reaches the
    list's bindings (`b` removed the bookmark, tags and note included; `u` marked read)."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        app.store.add_bookmark(row.id, title=row.title)
        app.store.edit_bookmark(row.id, add_tags=["kept"], note="a note")
        app.refresh_marks()
        await settle(pilot)
        assert app.is_bookmarked(row.id) and not app.is_read(row.id)
        burst(app, "/abu")
        await settle(pilot)
        assert app.search_input.value == "abu"
        assert app.main.focused is app.search_input
        assert app.store.is_bookmarked(row.id) and app.store.get_bookmark(row.id).note == "a note"
        assert not app.store.is_read(row.id)


@sync
async def test_keys_in_the_same_read_as_slash_do_not_move_the_focus(seed_home, tmp_path):
    """`/iran` in one burst: the `r` (Related stories) moved the focus to the side pane and
    the rest of the text was lost."""
    async with after_burst(seed_home, tmp_path, "/iran") as app:
        assert app.search_input.value == "iran"
        assert app.main.focused is app.search_input


@sync
async def test_a_paste_read_with_the_slash_goes_to_the_search_bar(seed_home, tmp_path):
    """A bracketed paste read with the `/` went to the list, which drops pastes."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        burst(app, "/")
        app._driver.send_message(events.Paste("pakistan"))
        await settle(pilot)
        assert app.search_input.value == "pakistan"


@sync
async def test_b_bookmarks_a_story_shown_without_a_star_that_another_copy_bookmarked(seed_home, tmp_path):
    """Another copy bookmarked the story (with tags and a note) and this screen has not shown
    the `★` yet: `b` means "bookmark", so the bookmark, its tags and note stay. Two readers
    pressing `b` on the same story a moment apart end with it bookmarked."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        other = Store.open(tmp_path / "state.sqlite3")
        other.add_bookmark(row.id, title=row.title, tags=["precious"], note="from the other copy")
        assert not app.is_bookmarked(row.id)  # not re-read yet
        await pilot.press("b")
        kept = app.store.get_bookmark(row.id)
        assert kept is not None and kept.tags == ("precious",) and kept.note == "from the other copy"
        assert app.is_bookmarked(row.id)
        assert any(n.message.startswith("Bookmarked") for n in app._notifications)
        # Shown with its `★` now: `b` removes it, whatever the store holds.
        other.remove_bookmark(row.id)
        await pilot.press("b")
        assert not app.store.is_bookmarked(row.id) and not app.is_bookmarked(row.id)
        other.close()


@sync
async def test_keys_typed_ahead_after_escape_leave_the_search_bar(seed_home, tmp_path):
    """`/ab`, Esc, `b` in one burst: the `b` is the list's (bookmark), not typed into the
    closed bar (which then searched for "abb", out of sight)."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        burst(app, "/ab\x1bb")
        await settle(pilot)
        assert app.search_input.value == "ab"
        assert app.store.is_bookmarked(row.id)


@sync
async def test_keys_typed_ahead_after_enter_leave_the_search_bar(seed_home, tmp_path):
    """`/pakistan`, Enter, `b` in one burst: the search runs and the `b` bookmarks a row."""
    async with after_burst(seed_home, tmp_path, "/pakistan\rb") as app:
        assert app.search_input.value == "pakistan" and app.main.focused is app.article_list
        assert app.store.bookmark_count() == 1
