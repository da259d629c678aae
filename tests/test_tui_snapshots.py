"""Snapshots of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Cursors do not blink (`blink=False`), the store is fresh and the index is built once from
the bundled seeds, so the pictures only change when the reader's look does. Update with
`pytest tests/test_tui_snapshots.py --snapshot-update` and review the SVGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui.app import ReaderApp

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture
def seeds_index(indexed_seeds: tuple[Path, Paths]) -> tuple[Path, Paths]:
    return indexed_seeds


def app_for(seeds_index: tuple[Path, Paths], tmp_path: Path, theme: str | None = None) -> ReaderApp:
    corpus, shared = seeds_index
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    return ReaderApp(paths, Config(theme=theme or "newsreader-dark"), corpus,
                     store=Store.open(tmp_path / "state.sqlite3"), update_index=False, blink=False,
                     watch_marks=False, related_delay=0)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def keys(*pressed: str):
    async def run(pilot) -> None:
        await settle(pilot)
        for key in pressed:
            if key == "settle":
                await settle(pilot)
            else:
                await pilot.press(key)
        await settle(pilot)
    return run


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_list(snap_compare, seeds_index, tmp_path, size):
    assert snap_compare(app_for(seeds_index, tmp_path), terminal_size=SIZES[size], run_before=keys("j"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_article(snap_compare, seeds_index, tmp_path, size):
    assert snap_compare(app_for(seeds_index, tmp_path), terminal_size=SIZES[size],
                        run_before=keys("enter", "settle", "right_square_bracket", "right_square_bracket"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_search(snap_compare, seeds_index, tmp_path, size):
    assert snap_compare(app_for(seeds_index, tmp_path), terminal_size=SIZES[size],
                        run_before=keys("slash", *"pakistan", "enter", "settle", "enter", "settle", "n"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_side_pane(snap_compare, seeds_index, tmp_path, size):
    assert snap_compare(app_for(seeds_index, tmp_path), terminal_size=SIZES[size],
                        run_before=keys("enter", "settle", "e"))


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_bookmarks(snap_compare, seeds_index, tmp_path, size):
    async def run(pilot) -> None:
        await settle(pilot)
        store = pilot.app.store
        for i in range(2):
            row = pilot.app.article_list.source.row(i)
            store.add_bookmark(row.id, title=row.title, source=row.source, tags=["iran", f"t{i}"],
                               note="to read again" if i == 0 else None)
        await pilot.press("B")
        await settle(pilot)

    assert snap_compare(app_for(seeds_index, tmp_path), terminal_size=SIZES[size], run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_help(snap_compare, seeds_index, tmp_path, size):
    assert snap_compare(app_for(seeds_index, tmp_path), terminal_size=SIZES[size], run_before=keys("question_mark"))


def test_snapshot_ansi_theme(snap_compare, seeds_index, tmp_path):
    assert snap_compare(app_for(seeds_index, tmp_path, theme="newsreader-ansi"), terminal_size=(80, 24),
                        run_before=keys("enter", "settle"))
