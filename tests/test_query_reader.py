"""The reader's search bar shows the same line as `newsreader search` for a query that
searches for nothing (test_query_errors.py has the unit and command-line side): typed key by
key into the real search bar, the status line's error is the query layer's message, not
"nothing to search for: ... common ones like 'the'"."""

from __future__ import annotations

import pytest

from tests.test_query_errors import CASES
from tests.test_tui import WIDE, make_app, settle, sync, type_text


@pytest.fixture
def seed_home(indexed_seeds):  # type: ignore[no-untyped-def]
    return indexed_seeds


@pytest.mark.parametrize("query", ["date:[2025-06-30 TO 2025-06-01]", 'person:""', "\\", ":", "~", "?", "a" * 300])
@sync
async def test_the_search_bar_shows_what_is_wrong(seed_home, tmp_path, query: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, query)
        await pilot.pause(0.4)
        await settle(pilot)
        assert CASES[query] in app.search_error and "common ones" not in app.search_error, app.search_error
