"""The reader's search bar shows the same line as `newsreader search` for a query that
searches for nothing (test_query_errors.py has the unit and command-line side): typed key by
key into the real search bar, the status line's error is the query layer's message, not
"nothing to search for: ... common ones like 'the'"."""

from __future__ import annotations

from tests.test_query_errors import CASES
from tests.test_tui import WIDE, make_app, settle, sync, type_text

#: Typed one after another into one search bar (ctrl+u clears it between them).
TYPED = ["date:[2025-06-30 TO 2025-06-01]", 'person:""', "\\", ":", "~", "?", "a" * 300]


@sync
async def test_the_search_bar_shows_what_is_wrong(indexed_seeds, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shown = {}
    async with make_app(indexed_seeds, tmp_path).run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        for query in TYPED:
            await pilot.press("ctrl+u")
            await type_text(pilot, query)
            await pilot.pause(0.4)
            await settle(pilot)
            shown[query] = pilot.app.search_error
    wrong = {q: said for q, said in shown.items() if CASES[q] not in said or "common ones" in said}
    assert not wrong, wrong
