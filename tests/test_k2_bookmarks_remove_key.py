"""On the bookmarks screen, remove answers to the bookmark key as the keymap moved it (Q7 #10):
with `bookmark: x`, `b` went on removing there and `x` did nothing, and `?` said `d b`."""

from __future__ import annotations

from typing import Any


from newsreader.config import Config
from newsreader.tui.bookmarks import BookmarksScreen
from newsreader.tui.dialogs import HelpScreen
from tests.test_tui import make_app, settle, sync


def _help_row(app: Any) -> str:
    static = app.screen.query_one("#help-scroll").query_one("Static")
    return next(text for y in range(static.size.height)
                for text in (static.render_line(y).text,) if "bookmarks.remove" in text)


@sync
async def test_remove_follows_a_remapped_bookmark_key(seed_home, tmp_path) -> None:
    app = make_app(seed_home, tmp_path, config=Config(keymap={"bookmark": "x"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        await pilot.press("x", "B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen) and app.store.is_bookmarked(row.id)
        await pilot.press("b")
        await settle(pilot)
        assert app.store.is_bookmarked(row.id)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and _help_row(app).split()[:3] == ["d", "x", "Remove"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await settle(pilot)
        assert not app.store.is_bookmarked(row.id)


@sync
async def test_a_keymap_of_remove_itself_is_taken_as_it_is(seed_home, tmp_path) -> None:
    app = make_app(seed_home, tmp_path, config=Config(keymap={"bookmark": "x", "bookmarks.remove": "b"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = app.article_list.current_row
        await pilot.press("x", "B")
        await pilot.pause()
        await pilot.press("x", "d")
        await settle(pilot)
        assert app.store.is_bookmarked(row.id)
        await pilot.press("question_mark")
        await pilot.pause()
        assert _help_row(app).split()[:2] == ["b", "Remove"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")
        await settle(pilot)
        assert not app.store.is_bookmarked(row.id)
