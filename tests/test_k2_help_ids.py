"""The `?` screen's saved-search row names ids the keymap takes (Q7 #6): it showed
'saved-search-1..9', which `keymap: {saved-search-1..9: f1}` refused as no binding id."""

from __future__ import annotations

from newsreader.tui.app import all_bindings
from newsreader.tui.dialogs import one_row_for_numbers


def test_the_saved_searches_row_names_a_real_id_and_the_range() -> None:
    rows = [(str(n), f"Saved search {n}", f"saved-search-{n}") for n in range(1, 10)]
    (keys, does, ids), = one_row_for_numbers(rows)
    known = {b.id for b in all_bindings() if b.id}
    first = ids.split()[0]
    assert keys == "1-9" and first in known and first == "saved-search-1", ids
    assert ids.endswith("to 9") and {f"saved-search-{n}" for n in range(1, 10)} <= known
