"""The reader as a new user drives it with the keyboard only, at 80x24."""

from __future__ import annotations

import asyncio
from pathlib import Path

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui.app import ReaderApp


def _reader(indexed_seeds: tuple[Path, Paths], tmp_path: Path) -> ReaderApp:
    corpus, shared = indexed_seeds
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    return ReaderApp(paths, Config(), corpus, store=Store.in_memory(), update_index=False,
                     blink=False, watch_marks=False)


def test_the_keys_screen_scrolls_with_the_readers_own_keys(indexed_seeds, tmp_path) -> None:
    """`?` at 80x24 shows a third of the keys; the arrows, PgDn and End scrolled it, but
    j, k, g and G (the keys the reader moves with everywhere else) did nothing."""
    from textual.containers import VerticalScroll

    from newsreader.tui.dialogs import HelpScreen

    async def run() -> list[float]:
        app = _reader(indexed_seeds, tmp_path)
        seen = []
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            scroll = app.screen.query_one(VerticalScroll)
            assert scroll.max_scroll_y > 0  # there is something to scroll to
            for key in ("j", "j", "k", "G", "g"):
                await pilot.press(key)
                await pilot.pause()
                seen.append(scroll.scroll_y)
            seen.append(scroll.max_scroll_y)
        return seen

    down, down2, up, end, home, most = asyncio.run(run())
    assert 0 < down < down2 and up == down
    assert end == most and home == 0
