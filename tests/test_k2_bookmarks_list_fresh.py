"""`bookmarks list` with no bookmark builds no index (Q7 #10): on a fresh home it indexed the
whole corpus first ('indexing ... seeds first') to say 'no bookmarks yet'."""

from __future__ import annotations

from pathlib import Path

from newsreader.cli import main


def test_no_bookmarks_no_index_built(capsys, isolated_home: Path) -> None:
    assert main(["bookmarks", "list"]) == 0
    err = capsys.readouterr().err
    assert "no bookmarks yet" in err and "index" not in err.split("no bookmarks")[0]
    assert not list(isolated_home.rglob("articles.sqlite3"))
