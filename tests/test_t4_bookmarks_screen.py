"""The bookmarks screen (`B`) with another copy of the app writing to the same store (QA
report Q4, item 1): the screen follows the store, its editor starts from the bookmark as
stored and saves only what was changed in it, and an undo puts back the bookmark as it was
removed. The other copy is a second `Store` on the reader's file, as `bookmarks add --note`
or a second reader is."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, AsyncIterator

import pytest
from textual.widgets import Input, OptionList, Static

from newsreader.store import Store
from newsreader.store.db import _move_aside
from newsreader.tui.app import ReaderApp
from newsreader.tui.bookmarks import NEWLINE_MARK, BookmarksScreen, EditBookmarkScreen
from tests.test_tui import NARROW, bookmark_and_list_bookmarks, make_app, settle, sync, type_text


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Any]) -> tuple[Path, Any]:
    return indexed_seeds


def _other(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "state.sqlite3")


def _written_elsewhere(tmp_path: Path, row: Any, **fields: Any) -> None:
    """What `newsreader bookmarks add ID --note ... --tag ...` in another shell does."""
    with _other(tmp_path) as other:
        other.add_bookmark(row.id, title=row.title, **fields)


@contextlib.asynccontextmanager
async def _screen(seed_home: Any, tmp_path: Path, watch: bool = False) -> AsyncIterator[tuple[ReaderApp, Any, Any]]:
    """A reader on the seeds, its top story bookmarked, on its bookmarks screen: the app,
    the pilot and the story's row. With `watch`, the screen looks at the store on its own
    (the reader's look stays off: it was started without)."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        app.watch_marks = watch
        await bookmark_and_list_bookmarks(pilot)
        yield app, pilot, row


def _detail(screen: BookmarksScreen) -> str:
    return str(screen.query_one("#bookmark-detail", Static).render())


def _listed(screen: BookmarksScreen) -> str:
    lst = screen.query_one("#bookmark-list", OptionList)
    return "\n".join(str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count))


@sync
async def test_the_screen_shows_what_another_copy_wrote(seed_home, tmp_path):
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        screen = app.screen
        assert "(none; e to add one)" in _detail(screen)
        _written_elsewhere(tmp_path, row, note="note written in the other copy", tags=["theirs"])
        screen.follow_store()
        await pilot.pause()
        assert "note written in the other copy" in _detail(screen)
        assert "tags: theirs" in _listed(screen) and screen.tag is None


@sync
async def test_a_look_that_could_not_read_the_store_is_tried_again_and_said_once(seed_home, tmp_path, monkeypatch):
    """The change mark was recorded before the rows were read: after one failed read, every
    later look found nothing new and the screen stayed stale, silently."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        screen = app.screen
        _written_elsewhere(tmp_path, row, note="from the other copy")
        real, failures = screen.store.tag_counts, [2]

        def flaky() -> Any:
            if failures[0]:
                failures[0] -= 1
                raise RuntimeError("the store stayed busy")
            return real()

        monkeypatch.setattr(screen.store, "tag_counts", flaky)
        for _ in range(3):  # two looks fail, the third reads
            screen.follow_store()
        await pilot.pause()
        assert "from the other copy" in _detail(screen)
        said = [n.message for n in app._notifications if "cannot read the bookmarks" in n.message]
        assert len(said) == 1 and "the store stayed busy" in said[0]


@sync
async def test_the_screen_is_not_redrawn_for_changes_it_does_not_show(seed_home, tmp_path, monkeypatch):
    """The other copy's read marks move the store's change mark too: the lists are rebuilt
    (the cursor's place, the scroll) only when what they show changed."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        screen = app.screen
        redrawn = []
        monkeypatch.setattr(screen, "reload", lambda *a, **k: redrawn.append(1))
        with _other(tmp_path) as other:
            other.mark_read(row.id)
            screen.follow_store()
            assert redrawn == []
            other.edit_bookmark(row.id, add_tags=["x"])
            screen.follow_store()
            assert redrawn == [1]


@sync
async def test_the_screen_looks_at_the_store_as_often_as_the_reader(seed_home, tmp_path, monkeypatch):
    import asyncio

    monkeypatch.setattr("newsreader.tui.app.MARKS_REFRESH_SECONDS", 0.05)
    async with _screen(seed_home, tmp_path, watch=True) as (app, pilot, row):
        screen = app.screen
        _written_elsewhere(tmp_path, row, note="from the other copy")
        for _ in range(200):  # (no time asserted: up to 10 s for a look that comes every 0.05 s)
            if "from the other copy" in _detail(screen):
                break
            await asyncio.sleep(0.05)
        assert "from the other copy" in _detail(screen)


@sync
async def test_the_editor_starts_from_the_bookmark_as_stored_now(seed_home, tmp_path):
    """Q4's repro: the screen open since before the other copy's note; `e` showed no note."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        _written_elsewhere(tmp_path, row, note="note written in the other copy", tags=["more"])
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditBookmarkScreen)
        assert app.screen.query_one("#edit-note", Input).value == "note written in the other copy"
        assert app.screen.query_one("#edit-tags", Input).value == "more, "


@sync
async def test_saving_the_editor_keeps_what_another_copy_wrote_while_it_was_open(seed_home, tmp_path):
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        app.store.edit_bookmark(row.id, add_tags=["more", "mytag"])
        await pilot.press("e")
        await pilot.pause()
        # written while the editor is open
        _written_elsewhere(tmp_path, row, note="note written in the other copy", tags=["theirs"])
        await pilot.press("end")
        await type_text(pilot, "extra")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        saved = app.store.get_bookmark(row.id)
        assert saved.note == "note written in the other copy"
        assert saved.tags == ("extra", "more", "mytag", "theirs")
        assert "note written in the other copy" in _detail(app.screen)
        assert not any("both notes" in n.message for n in app._notifications)  # (the note was not edited)
        # A note typed over one the other copy changed meanwhile: both kept, and said.
        await pilot.press("e")
        await pilot.pause()
        _written_elsewhere(tmp_path, row, note="changed again")
        await pilot.press("tab")
        await type_text(pilot, "mine")
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.get_bookmark(row.id).note == "changed again | note written in the other copymine"
        assert any("both notes are kept" in n.message for n in app._notifications)


@sync
async def test_the_editor_shows_a_note_with_line_breaks_on_one_line_and_keeps_them(seed_home, tmp_path):
    """A note written with the CLI or imported may hold line breaks: drawn raw in the
    one-line field, the rest of the note spilled over its border. Shown as a mark, they are
    line breaks again when saved; a note left alone is not written."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        _written_elsewhere(tmp_path, row, note="first line\n\nsecond")
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#edit-note", Input)
        assert field.value == f"first line{NEWLINE_MARK}{NEWLINE_MARK}second"
        await pilot.press("tab", "enter")  # saved untouched: no change to write
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert app.store.get_bookmark(row.id).updated_at == app.screen.bookmarks[row.id].updated_at
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "end")
        await type_text(pilot, " more")
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.get_bookmark(row.id).note == "first line\n\nsecond more"


@sync
async def test_undo_on_a_screen_open_since_before_the_other_copys_change_keeps_it(seed_home, tmp_path):
    """Q4's repro: `d` then `u` brought the bookmark back as the screen had it, without the
    note and tag the other copy had written since."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        app.store.edit_bookmark(row.id, note="via old id")
        _written_elsewhere(tmp_path, row, note="changed by the other copy", tags=["newtag"])
        await pilot.press("d")
        await pilot.pause()
        assert app.store.bookmark_count() == 0
        await pilot.press("u")
        await pilot.pause()
        back = app.store.get_bookmark(row.id)
        assert (back.note, back.tags) == ("changed by the other copy", ("newtag",))


@sync
async def test_the_screen_says_once_that_the_store_was_replaced(seed_home, tmp_path):
    """Another copy moved the store aside (found it damaged) and started a new one: the
    screen shows the new file's bookmarks and says so, once."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        screen = app.screen
        assert _move_aside(tmp_path / "state.sqlite3") is not None
        _written_elsewhere(tmp_path, row, note="in the new file")
        screen.follow_store()
        screen.follow_store()
        await pilot.pause()
        assert "in the new file" in _detail(screen)
        assert sum("was replaced" in n.message for n in app._notifications) == 1


@sync
async def test_the_reader_reopens_a_replaced_store_and_says_so(seed_home, tmp_path):
    """Q4's item 3: after another copy's repair, the reader's read marks and bookmarks went
    into the moved-aside file, silently. Its look at the store finds the new file."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        assert _move_aside(tmp_path / "state.sqlite3") is not None
        Store.open(tmp_path / "state.sqlite3").close()
        app.refresh_marks()
        await settle(pilot)
        assert sum("was replaced" in n.message for n in app._notifications) == 1
        await pilot.press("b")
        with _other(tmp_path) as other:
            assert other.is_bookmarked(row.id)


@sync
async def test_clearing_a_note_another_copy_changed_meanwhile_says_theirs_is_kept(seed_home, tmp_path):
    """The store keeps the other copy's note rather than none; the screen said "both notes
    are kept", where only theirs was."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        app.store.edit_bookmark(row.id, note="first")
        await pilot.press("e")
        await pilot.pause()
        _written_elsewhere(tmp_path, row, note="theirs")  # written while the editor is open
        await pilot.press("tab", "end", "ctrl+u", "enter")  # the note cleared, saved
        await pilot.pause()
        assert app.store.get_bookmark(row.id).note == "theirs"
        said = [n.message for n in app._notifications if "another copy" in n.message]
        assert len(said) == 1 and "your clearing was not applied" in said[0] and "both notes" not in said[0], said


@sync
async def test_the_readers_b_keeps_for_its_undo_the_bookmark_as_it_removed_it(seed_home, tmp_path, monkeypatch):
    """`b` read the bookmark, then removed it, in two transactions: a note another copy wrote
    between the two was removed without being kept for the next `b` to put back."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        await pilot.press("b")
        await pilot.pause()
        real = app.store.remove_bookmark

        def other_copy_writes_first(article_id: str) -> Any:  # (just before the removal)
            _written_elsewhere(tmp_path, row, note="theirs")
            return real(article_id)

        monkeypatch.setattr(app.store, "remove_bookmark", other_copy_writes_first)
        await pilot.press("b")  # removes it, the other copy's note with it
        await pilot.pause()
        assert not app.store.is_bookmarked(row.id)
        await pilot.press("b")  # a stray `b` undone: the note comes back
        await pilot.pause()
        assert app.store.get_bookmark(row.id).note == "theirs"


@sync
async def test_the_readers_look_that_cannot_read_the_store_says_so_once(seed_home, tmp_path, monkeypatch):
    """A look at the store that failed returned without a word: a lasting failure (a busy
    store, a reopen that fails) left the marks out of date and the user not knowing."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)

        def busy() -> Any:
            raise RuntimeError("the store stayed busy")

        monkeypatch.setattr(app.store, "read_ids", busy)
        for _ in range(3):
            app.refresh_marks()
            await settle(pilot)
        said = [n.message for n in app._notifications if "cannot read the bookmarks" in n.message]
        assert len(said) == 1 and "the store stayed busy" in said[0], said


@sync
async def test_a_tag_shown_that_another_copy_took_away_leaves_all_tags_shown(seed_home, tmp_path):
    """The rule is kept in one place now (`_rows`), where it was in two (`reload` too)."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        screen = app.screen
        app.store.edit_bookmark(row.id, add_tags=["gone"])
        screen.tag = "gone"
        screen.reload()
        with _other(tmp_path) as other:
            other.edit_bookmark(row.id, remove_tags=["gone"])
        screen.follow_store()
        await pilot.pause()
        assert screen.tag is None and row.id in screen.bookmarks
        assert "all tags" in str(screen.query_one("#bookmarks-title", Static).render())


@sync
async def test_a_look_that_finds_a_change_asks_for_the_change_mark_once(seed_home, tmp_path, monkeypatch):
    """`follow_store` took the store's change mark, then `_rows` took it again: one
    `PRAGMA data_version` (and file stat) too many at every look that found a change."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        screen = app.screen
        _written_elsewhere(tmp_path, row, note="from the other copy")
        real, asked = screen.store.changes, []
        monkeypatch.setattr(screen.store, "changes", lambda **how: asked.append(1) or real(**how))
        screen.follow_store()
        await pilot.pause()
        assert "from the other copy" in _detail(screen) and len(asked) == 1
        screen.follow_store()  # nothing new: the mark alone
        assert len(asked) == 2


@sync
async def test_a_store_neither_look_can_read_is_said_once(seed_home, tmp_path, monkeypatch):
    """With the bookmarks screen open, the reader's look and the screen's each said it, in
    their own words: two notices for one busy store. Said again once a look worked."""
    async with _screen(seed_home, tmp_path) as (app, pilot, row):
        screen, failing = app.screen, [True]

        def busy(real: Any) -> Any:
            def call(*args: Any, **how: Any) -> Any:
                if failing[0]:
                    raise RuntimeError("the store stayed busy")
                return real(*args, **how)
            return call

        for name in ("changes", "read_ids"):
            monkeypatch.setattr(app.store, name, busy(getattr(app.store, name)))
        for _ in range(2):
            app.refresh_marks()
            await settle(pilot)
            screen.follow_store()
        said = [n.message for n in app._notifications if "cannot read the bookmarks" in n.message]
        assert len(said) == 1, said
        failing[0] = False
        screen.follow_store()
        failing[0] = True
        app.refresh_marks()
        await settle(pilot)
        said = [n.message for n in app._notifications if "cannot read the bookmarks" in n.message]
        assert len(said) == 2, said
