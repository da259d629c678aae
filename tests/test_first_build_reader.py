"""The reader's first build, through the real app (pilot): articles show while the index is
being built, quitting keeps every committed batch and is prompt, and the next start goes on
from there.

Q1 found on a 3,000-page corpus that the reader showed "No articles yet." for ~10 s, and
that quitting ~700 pages into a first build kept nothing; a quit while the build sampled
pages waited 4 s with the screen gone."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest

from newsreader.config import Config, Paths
from newsreader.search import Library, indexer
from newsreader.store import Store
from newsreader.tui.app import ReaderApp

from tests.test_first_build_batches import make_corpus, recording_source


class SourcedLibrary(Library):
    """A library whose updates read pages through `source` (a parse the test can slow or
    hold), as the reader's own update calls it."""

    def __init__(self, folder: Path, corpus: Path, source: indexer.PageSource) -> None:
        super().__init__(folder, corpus, Config())
        self.source = source

    def update(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("source", self.source)
        return super().update(*args, **kwargs)


def reader(tmp_path: Path, corpus: Path, library: Library) -> ReaderApp:
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    return ReaderApp(paths, Config(), corpus, library=library, store=Store.open(tmp_path / "state.sqlite3"),
                     update_index=True, blink=False, watch_marks=False, related_delay=0)


async def wait_for(pilot: Any, done: Any, rounds: int = 600) -> bool:
    """Generous waits: a loaded machine is slow, not wrong."""
    for _ in range(rounds):
        if done():
            return True
        await pilot.pause(0.05)
    return done()


def test_articles_show_during_the_first_build_and_a_quit_keeps_them(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The list fills while the build runs (the first batch is small), q quits mid-build,
    the committed batches stay, and the next start indexes only the pages not committed."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 5)
    corpus = make_corpus(tmp_path / "c", 80)
    parsed: list[str] = []
    slow = threading.Event()
    slow.set()

    def slowly() -> None:
        if slow.is_set() and len(parsed) > 20:
            threading.Event().wait(0.05)  # the build goes on while the test looks

    source = recording_source(parsed, slowly)
    library = SourcedLibrary(tmp_path / "ix", corpus, source)
    shown: list[int] = []

    async def first_start() -> None:
        app = reader(tmp_path, corpus, library)
        async with app.run_test(size=(80, 24)) as pilot:
            assert await wait_for(pilot, lambda: app.article_list.count > 0)
            assert app.indexing and len(parsed) < 80  # shown before the build ended
            shown.append(app.article_list.count)
            await pilot.press("q")
        apps.append(app)

    apps: list[ReaderApp] = []
    asyncio.run(first_start())  # returns once the app and its update thread have ended
    assert len(parsed) < 80
    kept = Library(tmp_path / "ix", corpus, Config())
    assert shown[0] <= kept.count() < 80 and kept.unfinished()
    assert kept.count() == len(parsed)  # the batch under way too (few articles: written at once)
    assert apps[0].index_stopped == kept.count()  # what `run_reader` says once the screen is gone
    committed = kept.count()
    kept.close()

    parsed.clear()
    slow.clear()
    again = SourcedLibrary(tmp_path / "ix", corpus, source)

    async def second_start() -> None:
        app = reader(tmp_path, corpus, again)
        async with app.run_test(size=(80, 24)) as pilot:
            assert await wait_for(pilot, lambda: not app.indexing and app.article_list.count == 80)

    asyncio.run(second_start())
    assert len(parsed) == 80 - committed  # only the pages not committed were read again
    assert not again.unfinished()
    again.close()


def test_quitting_while_the_first_build_samples_pages_is_prompt(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build of 500+ pages first parses a sample of them, seconds with no progress
    report; the update stopped only at its next report (the app gone), so a quit meanwhile
    waited for the whole sample. Now q tells the update to stop: not a page more is read."""
    monkeypatch.setattr(indexer, "SAMPLE_MIN_PAGES", 5)
    corpus = make_corpus(tmp_path / "c", 40)
    parsed: list[str] = []
    go = threading.Event()
    # The first sampled page is parsed once q is pressed.
    library = SourcedLibrary(tmp_path / "ix", corpus, recording_source(parsed, lambda: go.wait(20) and None))

    async def run() -> None:
        app = reader(tmp_path, corpus, library)
        async with app.run_test(size=(80, 24)) as pilot:
            assert await wait_for(pilot, lambda: len(parsed) >= 1)
            await pilot.press("q")
            await pilot.pause()
            go.set()
        apps.append(app)

    apps: list[ReaderApp] = []
    asyncio.run(run())
    assert len(parsed) == 1 and apps[0].index_stopped == 0
    kept = Library(tmp_path / "ix", corpus, Config())
    assert kept.count() == 0 and kept.unfinished()
    kept.close()
