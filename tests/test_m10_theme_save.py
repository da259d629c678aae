"""M10 (RV21-C #6): saving the palette's theme goes through `store_write`, as `b` and `u` do.
K3's own copy of the wait posted a failure's notice from the writing thread through the loop it
had been told, and dropped it unsaid when it had none (`_loop_told` None)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsreader.errors import UserError
from tests.test_tui import NARROW, make_app, settle, sync


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Any]) -> tuple[Path, Any]:
    return indexed_seeds


@sync
async def test_a_theme_choice_that_cannot_be_saved_is_said(seed_home, tmp_path: Path, monkeypatch):
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)

        def fails(*args: Any) -> None:
            raise UserError("the disk is full")

        monkeypatch.setattr(app.store, "set_pref", fails)
        app._loop_told = None
        app.theme = "newsreader-light"
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert "could not save the theme choice: the disk is full" in said
