"""Another run's index update, and the palette's (QA report Q4, findings 5 and 13): a second
reader waiting on another run finishes the index when that run stops before its end (quit,
kill -9, Ctrl-C of `newsreader index`), as `newsreader search` does, instead of staying on its
part for good; the error of a search the damaged index failed goes once a rebuild mends it."""

from __future__ import annotations

import asyncio
import functools
import shutil
from pathlib import Path

from newsreader.config import Config, Paths
from newsreader.errors import IndexNeedsRebuild
from newsreader.resources import seeds_dir
from newsreader.search.indexer import IndexLock
from newsreader.search.library import Library, UpdateStopped
from newsreader.store import Store
from newsreader.tui.app import ReaderApp


def sync(fn):
    """Run an async test without an async pytest plugin (none is a dependency)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))
    return wrapper


async def settle(pilot, rounds: int = 3) -> None:
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def stopped_build(tmp_path: Path) -> tuple[Path, Paths]:
    """The seeds' first build, stopped at its first progress report: an index marked
    unfinished, with none of the 9 articles in it."""
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    library = Library.open(paths, corpus, Config())
    reports: list[object] = []
    try:
        library.update(progress=reports.append, stop=lambda: bool(reports))
    except UpdateStopped:
        pass
    assert library.unfinished() and library.count() < 9
    library.close()
    return corpus, paths


@sync
async def test_a_reader_refused_by_another_run_finishes_what_that_run_left_unfinished(tmp_path):
    corpus, paths = stopped_build(tmp_path)
    other_run = IndexLock(Library.open(paths, corpus, Config()).folder)
    other_run.acquire()  # another run (a reader, `newsreader index`) is updating the index
    app = ReaderApp(paths, Config(), corpus, store=Store.in_memory(), blink=False, watch_marks=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app._other_run and "another run" in app.index_message
        app.refresh_marks()  # (every few seconds): the lock is still held, nothing to do
        await settle(pilot)
        assert app._other_run and app.library.unfinished()
        other_run.release()  # it stopped before its end
        app.refresh_marks()
        await settle(pilot)
        assert not app.library.unfinished() and app.library.count() == 9
        assert app.history[0].source.count() == 9
        assert not app._other_run and "another run" not in app.index_message
        assert any("stopped before its end; finishing it" in n.message for n in app._notifications)


@sync
async def test_a_run_that_ends_the_index_unfinished_after_the_readers_update_is_finished_once(tmp_path, monkeypatch):
    """The reader's own update ended; then a `newsreader index` started and was stopped: the
    reader finishes the index. If that fails, it does not try again and again."""
    corpus, paths = stopped_build(tmp_path)
    app = ReaderApp(paths, Config(), corpus, store=Store.in_memory(), blink=False, watch_marks=False,
                    update_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app._index_finished("", False)  # (as the end of its own update at start)
        updates: list[bool] = []
        monkeypatch.setattr(app, "update_index_worker", lambda rebuild=False: updates.append(rebuild))
        for _ in range(3):
            app.refresh_marks()
            await settle(pilot)
        assert updates == [False]


@sync
async def test_the_readers_own_failed_update_is_not_taken_for_a_stopped_run(tmp_path, monkeypatch):
    """Its own update failed (a full disk) leaving the index unfinished: the next looks do
    not "finish" it as another run's stopped one, which failed the same way again."""
    from newsreader.errors import UserError

    corpus, paths = stopped_build(tmp_path)
    app = ReaderApp(paths, Config(), corpus, store=Store.in_memory(), blink=False, watch_marks=False,
                    update_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for failure in (UserError("cannot write the index: the disk is full"), OSError("no space left")):
            calls: list[int] = []

            def failing_update(failure=failure, **_: object) -> None:
                calls.append(1)
                raise failure

            monkeypatch.setattr(app.library, "update", failing_update)
            app.update_index_worker()
            await settle(pilot)
            for _ in range(2):  # (every few seconds)
                app.refresh_marks()
                await settle(pilot)
            assert calls == [1], [n.message for n in app._notifications]
            assert not any("finishing it" in n.message for n in app._notifications)
            app._took_over = None  # (the next kind of failure starts afresh)


@sync
async def test_the_error_of_a_search_the_damaged_index_failed_goes_once_a_rebuild_mends_it(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    library = Library.open(paths, corpus, Config())
    library.update()
    app = ReaderApp(paths, Config(), corpus, library=library, store=Store.in_memory(), blink=False,
                    watch_marks=False, update_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 4)
        app._damage_rebuild = "done"  # (the reader's own rebuild, once a session, did not mend it)
        search = library.search

        def unreadable(*args, **kwargs):
            raise IndexNeedsRebuild(f"the index at {library.folder} is unreadable (Exception: a test)")

        monkeypatch.setattr(library, "search", unreadable)
        app.run_query("pakistan")
        await settle(pilot, 4)
        assert "unreadable" in app.search_error
        monkeypatch.setattr(library, "search", search)  # mended by…
        app.action_update_index(rebuild=True)  # …the palette's "Rebuild the index"
        await settle(pilot, 4)
        assert app.search_error == ""
        assert app.article_list.source.query == "pakistan" and app.article_list.source.count() > 0


@sync
async def test_an_idle_reader_says_when_another_run_updates_the_index(tmp_path):
    """`newsreader index --rebuild` (or another reader's update) started while this reader was
    idle: its list emptied and refilled with no word of why (Q4 item 11). The status line now
    says another run is updating the index until that run ends."""
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    app = ReaderApp(paths, Config(), corpus, store=Store.in_memory(), blink=False, watch_marks=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "another run" not in app.index_message
        other_run = IndexLock(app.library.folder)
        other_run.acquire()
        app.refresh_marks()  # (every few seconds)
        await settle(pilot)
        assert "another run" in app.index_message
        other_run.release()
        app.refresh_marks()
        await settle(pilot)
        assert "another run" not in app.index_message
