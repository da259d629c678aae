"""K3 #4 (Q6 #14): with TERM=linux the dialogs, the help, the fields and the bars between the
panes were drawn with Textual's rounded corners, eighth blocks and bars (`round`, `tall`, `vkey`,
`hkey`), which the Linux console's font lacks (diamonds); so were a scrollbar thumb's ends. There
they are solid lines (┌─┐│└┘, in the console's font) and whole-cell thumbs; elsewhere as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widgets import Input

from newsreader.tui.app import ConsoleScrollBarRender
from tests.test_tui import NARROW, WIDE, bookmark_and_list_bookmarks, make_app, settle, sync


def _edges(widget: Any) -> set[str]:
    styles = widget.styles
    return {edge[0] for edge in (styles.border_top, styles.border_right, styles.border_bottom, styles.border_left)}


@pytest.mark.parametrize("term, box, field, bar", [("linux", {"solid"}, {"solid"}, ConsoleScrollBarRender),
                                                   ("xterm-16color", {"round"}, {"tall"}, ScrollBarRender)])
@sync
async def test_borders_the_linux_console_draws(seed_home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              term: str, box: set[str], field: set[str], bar: Any) -> None:
    monkeypatch.setenv("TERM", term)
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert ScrollBar.renderer is bar
        reader = app.main.query_one("#reader-pane")
        assert {reader.styles.border_left[0], reader.styles.border_right[0]} == ({"solid"} if term == "linux"
                                                                                  else {"vkey"})
        assert app.main.query_one("#search", Input).styles.border_top[0] in ("", "none")  # (compact: none)
        await pilot.press("question_mark")
        await pilot.pause()
        assert _edges(app.screen.query_one("#help-box")) == box
        await pilot.press("escape")
        await pilot.pause()
        await bookmark_and_list_bookmarks(pilot)
        assert app.screen.query_one("#tag-list").styles.border_right[0] == ("solid" if term == "linux" else "vkey")
        await pilot.press("e")
        await pilot.pause()
        assert _edges(app.screen.query_one(".dialog")) == box
        assert {edge for one in app.screen.query(Input) for edge in _edges(one)} == field
    assert ScrollBar.renderer is ScrollBarRender  # (put back for the process)


@sync
async def test_narrow_panes_keep_no_bars_on_the_linux_console(seed_home, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "linux")
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.query_one("#reader-pane")
        assert (reader.styles.border_left[0], reader.styles.border_right[0]) in ((("", "")), ("none", "none"))
