"""The bookmark editor with keys read in one burst (L1 item 8): `e`, some letters, Tab and
more letters put all the letters in the tags (the keys after the Tab were taken by the tags
field before the Tab's binding moved the focus); Enter in the tags did the same."""

from __future__ import annotations


import pytest
from textual.widgets import Input

from newsreader.tui.bookmarks import EditBookmarkScreen
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
