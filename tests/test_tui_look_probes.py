"""The reader's look every few seconds (`refresh_marks`) asks whether another run updates
the index once: bookmark reconciling, the 'another run is updating the index' line and the
finishing of a stopped run each asked it (2-3 lock probes a look; L1 item 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsreader.tui.app import OTHER_RUN_FORMS
from tests.test_tui import NARROW, make_app, settle, sync


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Any]) -> tuple[Path, Any]:
    return indexed_seeds


@sync
@pytest.mark.parametrize("other_run", [True, False])
async def test_a_look_asks_once_whether_another_run_updates_the_index(seed_home, tmp_path, monkeypatch, other_run):
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        asked: list[str] = []
        monkeypatch.setattr("newsreader.tui.app.update_running", lambda folder: asked.append(folder) or other_run)
        app._own_update_ended = True  # (its update has run: a stopped run is looked for)
        app._reconciled_generation = None  # (a commit not reconciled yet)
        app.refresh_marks()
        await settle(pilot)
        assert len(asked) == 1
        assert (app.index_forms == OTHER_RUN_FORMS) is other_run
        assert (app._reconciled_generation is None) is other_run  # (not reconciled during another run)
