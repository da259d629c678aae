"""The notice for a damaged bookmarks store is one short line. SQLite's quick_check gives its
findings as one text of many lines, headed '*** in database main ***': the notice carried all
of them (ten 'On tree page 4 cell 27: Offset ... out of range' lines, shown with their line
breaks in the reader's notice and as literal \\n in the CLI's warning)."""

from __future__ import annotations

import re
from pathlib import Path

from newsreader.store import Store


def _damaged_cells(path: Path) -> None:
    """A store whose pages are still SQLite pages but whose cells are broken: quick_check
    reports a list of problems (not the single 'file is not a database')."""
    with Store.open(path) as store:
        for i in range(20):
            store.add_bookmark(f"id-{i}", title=f"A story {i}", tags=["x", f"t{i}"], note="n" * 50)
    data = bytearray(path.read_bytes())
    for i in range(5000, len(data), 50):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_the_damage_notice_is_one_short_line(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    _damaged_cells(path)
    with Store.open(path) as store:
        (notice,) = store.notices
    assert "\n" not in notice and "***" not in notice, notice
    assert re.search(r"was damaged \((On tree page|Page) \d+", notice)  # the first finding is named...
    assert "more problems" in notice  # ...and the rest counted, not listed
    assert len(notice) < 300, notice
    assert "moved it to state.sqlite3.corrupt-" in notice
