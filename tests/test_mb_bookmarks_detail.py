"""The bookmarks screen's detail pane with the story's address (RV28-B #9): the Link line X1 added took a row from
the note; the pane has one more, so a note of four lines shows whole under it, as it did before."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from tests.test_x1_urls import url_corpus  # noqa: F401 (the fixture)


def test_a_four_line_note_shows_whole_under_the_link_line(url_corpus: tuple[Path, Any], tmp_path: Path) -> None:  # noqa: F811
    from textual.widgets import Static

    from newsreader.config import Config
    from newsreader.store import Store
    from newsreader.tui.app import ReaderApp
    from newsreader.tui.bookmarks import BookmarksScreen

    corpus, paths = url_corpus
    note = "First line of the note\nSecond line\nThird line\nFourth line"

    async def run() -> None:
        app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                        watch_marks=False, update_index=False, related_delay=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            stories = {row.title: row for row in app.library.list_rows(0, 10)}
            storm = stories["Storm hits the coast"]
            app.store.add_bookmark(storm.id, title=storm.title, note=note)
            await pilot.press("B")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BookmarksScreen)
            detail = screen.query_one("#bookmark-detail", Static)
            shown = str(detail.render()).splitlines()
            assert shown[0].startswith("Link: news.example.org/2025/03/01/storm") and shown[-1] == "Fourth line"
            assert detail.content_size.height == len(shown) == 5

    asyncio.run(run())
