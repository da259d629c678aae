"""Shared fixtures: every test runs with its own NEWSREADER_HOME, so no test touches the
user's real config, index or bookmarks."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from newsreader.config import Config, Paths
from newsreader.resources import seeds_dir

# Property tests explore new random cases on every local run (that is how they find bugs), but
# CI (`.ci/run` sets CI) replays a fixed set, so a gate never fails on a case it never saw before.
settings.register_profile("newsreader", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("newsreader"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "newsreader")


@pytest.fixture(scope="session", autouse=True)
def isolated_session_home(tmp_path_factory: pytest.TempPathFactory):
    """A home for what runs before `isolated_home`: module- and session-scoped fixtures (an index
    built once extracts, and the extractor keeps its gazetteer in the cache folder)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("NEWSREADER_HOME", str(tmp_path_factory.mktemp("session-home")))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture(autouse=True)
def waits_past_cancelled_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """`app.workers.wait_for_complete()` in the reader's tests waits past a worker cancelled on
    purpose (an exclusive worker replaced by a newer one: opening the next story cancels the
    last one's related search). Textual's own gathers the workers and raises the first one's
    WorkerCancelled, so a test failed when a cancel fell in its wait (seen in CI, test_e9). A
    worker that failed still raises."""
    import asyncio

    from textual.worker import WorkerCancelled
    from textual.worker_manager import WorkerManager

    async def wait_for_complete(self: Any, workers: Any = None) -> None:
        for worker in list(workers or self):
            try:
                await worker.wait()
            except (WorkerCancelled, asyncio.CancelledError):
                pass

    monkeypatch.setattr(WorkerManager, "wait_for_complete", wait_for_complete)


@pytest.fixture
def restamp_index(isolated_home: Path) -> Callable[[Callable[[dict[str, Any]], dict[str, Any]]], None]:
    """Rewrite the home's one index's stamps through `change` (a stamp -> the stamp an older
    newsreader wrote): how a test makes "an index made before" a change of what is indexed."""
    import json
    import sqlite3

    from newsreader.search.store import STAMPS_META

    def restamp(change: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        (store,) = isolated_home.glob("data/indexes/*/articles.sqlite3")
        with sqlite3.connect(store) as con:
            (stamps,) = con.execute("SELECT value FROM meta WHERE key = ?", (STAMPS_META,)).fetchone()
            old = {n: change(stamp) for n, stamp in json.loads(stamps).items()}
            con.execute("UPDATE meta SET value = ? WHERE key = ?", (json.dumps(old), STAMPS_META))

    return restamp


@pytest.fixture
def date_case() -> Callable[[str, str, str, str], None]:
    """Check one row of a table of date rules (article date, span, its value or '-' for no date
    there, text): the span is found with that value, whole (neither a part of it nor a longer
    span is found besides); for '-', no date found overlaps the span anywhere it is written."""
    import datetime as dt

    from newsreader.extract import extract

    def check(date: str, span: str, value: str, text: str) -> None:
        assert span in text  # (else a case of no date passes whatever the extractor finds)
        dates = extract(text, dt.date.fromisoformat(date)).dates
        found = {d.text: d.value for d in dates}
        assert found.get(span, "-") == value
        at = [m.start() for m in re.finditer(re.escape(span), text)]
        assert value != "-" or not [d for d in dates if any(d.start < a + len(span) and a < d.end for a in at)]
        assert value == "-" or not any(other != span and (span in other or other in span) for other in found)

    return check


@pytest.fixture
def shared_data() -> Path:
    """The gold news data beside the checkout; tests using it skip when it is absent."""
    path = Path(__file__).resolve().parents[2] / "shared" / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path


@pytest.fixture
def refuse_index_files(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, int], Callable[[], None]]:
    """Have the machine refuse the index's files ending in a suffix with an errno (permissions,
    the open-files limit, a full disk) while the index itself stays sound; the call returns
    what lifts the refusal, to show the index was sound."""
    from whoosh.filedb.filestore import FileStorage

    def refuse_files(suffix: str, code: int) -> Callable[[], None]:
        open_file = FileStorage.open_file

        def refuse(self: FileStorage, name: str, *args: Any, **kwargs: Any) -> Any:
            if name.endswith(suffix):
                raise OSError(code, os.strerror(code), name)  # EACCES makes a PermissionError
            return open_file(self, name, *args, **kwargs)

        monkeypatch.setattr(FileStorage, "open_file", refuse)
        return lambda: monkeypatch.setattr(FileStorage, "open_file", open_file)

    return refuse_files


class _BrokenWhooshFinder:
    """Whoosh, and each module of ours that imports it at its top, fail to import."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.split(".")[0] == "whoosh" or name in _WHOOSH_AT_TOP:
            raise ImportError("whoosh is broken")
        return None


_WHOOSH_AT_TOP = ("newsreader.search.engine", "newsreader.search.query", "newsreader.search.indexer")


@pytest.fixture
def broken_whoosh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken Whoosh install, for this test: the modules are imported again, and fail."""
    import sys

    import newsreader.search

    for name in [m for m in sys.modules if m.split(".")[0] == "whoosh"] + list(_WHOOSH_AT_TOP):
        monkeypatch.delitem(sys.modules, name, raising=False)
    for name in _WHOOSH_AT_TOP:
        monkeypatch.delattr(newsreader.search, name.rsplit(".", 1)[1], raising=False)
    monkeypatch.setattr(sys, "meta_path", [_BrokenWhooshFinder(), *sys.meta_path])


@pytest.fixture(scope="session")
def indexed_seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Paths]:
    """The bundled seeds copied and indexed once per session; tests only read the index."""
    from newsreader.search.library import Library

    root = tmp_path_factory.mktemp("seeds-index")
    corpus = root / "seeds"
    shutil.copytree(seeds_dir(), corpus)
    paths = Paths(root / "config", root / "data", root / "cache")
    library = Library.open(paths, corpus, Config())
    library.update()
    library.close()
    return corpus, paths


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Paths]) -> tuple[Path, Paths]:
    """The indexed seeds under the name the reader tests use (one definition, not one a file)."""
    return indexed_seeds
