"""The reader as a new user drives it with the keyboard only, at 80x24."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Callable

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui.app import ReaderApp


def _reader(indexed_seeds: tuple[Path, Paths], tmp_path: Path) -> ReaderApp:
    corpus, shared = indexed_seeds
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    return ReaderApp(paths, Config(), corpus, store=Store.in_memory(), update_index=False,
                     blink=False, watch_marks=False)


async def _settle(app: ReaderApp, pilot: Any) -> None:
    """Until the workers are done (an exclusive worker cancelled by a newer one is too)."""
    from textual.worker import WorkerCancelled

    for _ in range(3):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            pass
        await pilot.pause()


def _press(app: ReaderApp, opener: str, screen: type, keys: tuple[str, ...],
           read: Callable[[Any], Any]) -> list[Any]:
    """Open a screen with `opener`, then `read` it after each of `keys`."""
    async def run() -> list[Any]:
        seen = []
        async with app.run_test(size=(80, 24)) as pilot:
            await _settle(app, pilot)
            await pilot.press(opener)
            await pilot.pause()
            assert isinstance(app.screen, screen)
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
                seen.append(read(app.screen))
        return seen

    return asyncio.run(run())


def test_the_keys_screen_scrolls_with_the_readers_own_keys(indexed_seeds, tmp_path) -> None:
    """`?` at 80x24 shows a third of the keys; the arrows, PgDn and End scrolled it, but
    j, k, g and G (the keys the reader moves with everywhere else) did nothing."""
    from textual.containers import VerticalScroll

    from newsreader.tui.dialogs import HelpScreen

    def where(screen: Any) -> tuple[float, float]:
        scroll = screen.query_one(VerticalScroll)
        return scroll.scroll_y, scroll.max_scroll_y

    seen = _press(_reader(indexed_seeds, tmp_path), "question_mark", HelpScreen, ("j", "j", "k", "G", "g"), where)
    (down, most), (down2, _), (up, _), (end, _), (home, _) = seen
    assert most > 0  # there is something to scroll to
    assert 0 < down < down2 and up == down
    assert end == most and home == 0


def test_the_saved_searches_list_moves_with_j_and_k(indexed_seeds, tmp_path) -> None:
    """`s` lists the saved searches; only the arrows moved in it: j j Enter ran the first."""
    from textual.widgets import OptionList

    from newsreader.tui.dialogs import SavedSearchesScreen

    app = _reader(indexed_seeds, tmp_path)
    for query in ("iran", "pakistan", "israel"):
        app.store.save_search(query, query)
    seen = _press(app, "s", SavedSearchesScreen, ("j", "j", "k"), lambda s: s.query_one(OptionList).highlighted)
    assert seen == [1, 2, 1]


def test_the_status_line_counts_the_bookmarks_of_this_corpus(indexed_seeds, tmp_path) -> None:
    """Bookmarks live in one store for every corpus. On another corpus the status line said
    "6 bookmarked" beside "6 unread" of 6 articles, none of them starred: the unread count
    was this corpus's, the bookmark count everyone's."""
    from newsreader.tui.app import MainScreen

    app = _reader(indexed_seeds, tmp_path)
    for n in range(3):  # bookmarks of stories in another corpus
        app.store.add_bookmark(f"elsewhere-{n}", title=f"A story elsewhere {n}")

    def status(screen: Any) -> str:
        return str(screen.query_one("#status").render())

    async def run() -> list[str]:
        seen = []
        async with app.run_test(size=(80, 24)) as pilot:
            await _settle(app, pilot)
            assert isinstance(app.screen, MainScreen)
            seen.append(status(app.screen))
            await pilot.press("b")  # one of this corpus
            await _settle(app, pilot)
            seen.append(status(app.screen))
        return seen

    before, after = asyncio.run(run())
    assert "0 bookmarked" in before, before
    assert "1 bookmarked" in after, after


def test_editing_a_bookmark_adds_to_its_tags_and_note(indexed_seeds, tmp_path) -> None:
    """`B`, `e`: the tags field had its text selected, so typing a tag to add replaced every
    tag the bookmark had (and Enter, then typing in the note, replaced the note)."""
    from newsreader.tui.bookmarks import BookmarksScreen

    app = _reader(indexed_seeds, tmp_path)
    article_id = "pakistan-vows-to-stand-behind-iran-calls-for-muslim-unity-d9ec04ca"
    app.store.add_bookmark(article_id, title="Pakistan vows", tags=["precious"], note="read again")
    _press(app, "B", BookmarksScreen, ("e", *"world", "enter", *" soon", "enter"), lambda screen: None)
    kept = app.store.get_bookmark(article_id)
    assert kept is not None
    assert kept.tags == ("precious", "world") and kept.note == "read again soon"


def test_a_query_too_long_to_be_meant_is_not_searched(indexed_seeds, tmp_path) -> None:
    """A page pasted into the search bar was searched whole: the query parser is quadratic
    in a word's length, so 100,000 letters kept a search worker busy for over a minute.
    Past MAX_QUERY_CHARS the status line says so and nothing is searched."""
    from newsreader.config import MAX_QUERY_CHARS

    app = _reader(indexed_seeds, tmp_path)
    searched: list[str] = []
    real = app.library.search
    app.library.search = lambda text, **kw: searched.append(text) or real(text, **kw)  # type: ignore[method-assign]

    async def run() -> str:
        async with app.run_test(size=(80, 24)) as pilot:
            await _settle(app, pilot)
            app.run_query("iran " * (MAX_QUERY_CHARS // 5 + 1))
            await _settle(app, pilot)
            return str(app.main.query_one("#status").render())

    status = asyncio.run(run())
    assert searched == [] and f"{MAX_QUERY_CHARS:,}" in status, status
