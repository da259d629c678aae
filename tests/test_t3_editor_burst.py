"""The bookmark editor with keys read in one burst (L1 item 8): `e`, some letters, Tab and
more letters put all the letters in the tags (the keys after the Tab were taken by the tags
field before the Tab's binding moved the focus); Enter in the tags did the same."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from newsreader.config import Config
from newsreader.tui.bookmarks import BookmarksScreen, EditBookmarkScreen
from tests.test_t3_fast_input import burst
from tests.test_tui import NARROW, bookmark_and_list_bookmarks, make_app, settle, sync


@sync
@pytest.mark.parametrize("between", ["\t", "\r"])
async def test_keys_after_tab_or_enter_in_a_burst_go_to_the_note(seed_home, tmp_path, between):
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await bookmark_and_list_bookmarks(pilot)
        burst(app, f"eab{between}cd")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditBookmarkScreen)
        tags, note = (editor.query_one(f"#edit-{name}", Input) for name in ("tags", "note"))
        assert (tags.value, note.value) == ("ab", "cd")
        assert editor.focused is note


@sync
@pytest.mark.parametrize("keymap", [None, "o", "o,enter"])
async def test_the_open_key_twice_in_a_burst_opens_the_story_once(seed_home, tmp_path, keymap):
    """Two open keys read together (Enter Enter, or the key a keymap gives `bookmarks.open`): the story
    opens, once. The second one closed the screen again: Textual's ScreenStackError, the reader gone (RV28-B #1)."""
    config = Config(keymap={"bookmarks.open": keymap}) if keymap else None
    app = make_app(seed_home, tmp_path, config)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        wanted = app.article_list.current_row.id
        await bookmark_and_list_bookmarks(pilot)
        key = (keymap or "enter").split(",")[0]
        burst(app, "\r\r" if key == "enter" else key * 2)
        await settle(pilot)
        assert app.screen is app.main
        assert app.article_view.stored.article.id == wanted


@sync
@pytest.mark.parametrize("keymap", ["o", "o,enter"])
async def test_a_letter_the_keymap_gives_the_open_key_is_text_in_the_editor_read_in_a_burst(seed_home, tmp_path, keymap):
    """`e` then letters in one burst, with `bookmarks.open: o`: every `o` goes to the editor `e` opens. As a
    priority binding the open key was taken ahead of the `e` (the story opened, or the screen was closed twice:
    RV28-B #1), or, typed after the editor was up, lost."""
    app = make_app(seed_home, tmp_path, Config(keymap={"bookmarks.open": keymap}))
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await bookmark_and_list_bookmarks(pilot)
        burst(app, "eok\rco")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditBookmarkScreen)
        tags, note = (editor.query_one(f"#edit-{name}", Input) for name in ("tags", "note"))
        assert (tags.value, note.value) == ("ok", "co")


@sync
async def test_a_letter_added_to_enter_by_the_keymap_opens_the_story(seed_home, tmp_path):
    """`bookmarks.open: "o,enter"` (Enter kept, a letter added): `o` opens the highlighted story as Enter does.
    The binding let every one of its keys go on to the lists when Enter was among them: `o` did nothing (RV28-B #2)."""
    app = make_app(seed_home, tmp_path, Config(keymap={"bookmarks.open": "o,enter"}))
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        wanted = app.article_list.current_row.id
        await bookmark_and_list_bookmarks(pilot)
        screen = app.screen
        assert {"o", "enter"} <= {key for key, active in screen.active_bindings.items()
                                  if active.binding.description == "Open" and active.binding.show}
        await pilot.press("o")
        await settle(pilot)
        assert app.screen is app.main
        assert app.article_view.stored.article.id == wanted


@sync
async def test_the_footer_names_the_key_the_keymap_gives_the_open_key(seed_home, tmp_path):
    """`bookmarks.open: o`: "Open" is said for `o`, not for Enter (the focused list's own key, not the keymap's)."""
    app = make_app(seed_home, tmp_path, Config(keymap={"bookmarks.open": "o"}))
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await bookmark_and_list_bookmarks(pilot)
        opens = {key for key, active in app.screen.active_bindings.items()
                 if active.binding.description == "Open" and active.binding.show}
        assert opens == {"o"}


@sync
async def test_keys_read_with_t_go_to_the_tag_list(seed_home, tmp_path):
    """`t` then `j` and Enter in one burst: the tag list moves and shows the tag's bookmarks. The focus moved after
    the keys read with `t` were run (`Widget.focus` is applied behind them): `j` moved the bookmarks and Enter
    opened a story, the screen gone."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first = app.article_list.current_row
        await pilot.press("b", "j")
        second = app.article_list.current_row
        app.store.add_bookmark(second.id, title=second.title)
        app.store.edit_bookmark(second.id, add_tags=["kept"])
        app.refresh_marks()
        await pilot.press("B")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookmarksScreen) and len(screen.bookmarks) == 2
        burst(app, "tj\r")
        await settle(pilot)
        assert app.screen is screen and screen.tag == "kept"
        assert [b.article_id for b in screen.bookmarks.values()] == [second.id] and first.id != second.id
        assert screen.focused.id == "bookmark-list"
