"""RV18-C #4, #5, #6: the grouped notice names the theme problem first (it is the one the
user sees: every colour changed), a short problem keeps a quoted key that holds "; ", and
`bookmarks list` with no bookmark still refuses a --corpus folder that is not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.tui.app import problems_summary
from newsreader.tui.themes import short_problem


def test_the_theme_line_is_listed_before_keymap_lines(tmp_path: Path) -> None:
    """At 80x24 only three lines are named: the theme line came fourth, as "and 1 more"."""
    lines = [f"keymap: 'nosuch{i}' is no binding id of the reader; it is ignored, and the reader's ? lists the ids"
             for i in range(3)] + ["theme: no theme 'nosuch'. The reader uses newsreader-dark; its Ctrl+P lists the themes"]
    summary = problems_summary(lines, tmp_path)
    body = summary.splitlines()[1:]
    assert body[0] == "- theme: no theme 'nosuch'"
    assert body[-1] == "- and 1 more"
    assert summary.startswith("4 keymap and theme problems")


def test_a_quoted_key_holding_a_semicolon_is_kept_whole() -> None:
    line = "search: 'a; b' is not a key, search keeps its own keys (write keys as Textual names them)"
    assert short_problem(line, "/x/") == "search: 'a; b' is not a key, search keeps its own keys"


@pytest.mark.parametrize(("line", "short"), [
    ("'x' is no binding id of the reader (did you mean quit?); it is ignored, and the reader's ? lists the ids",
     "'x' is no binding id of the reader (did you mean quit?)"),
    ("q is given to both quit and search; give one of them another key", "q is given to both quit and search"),
    ("theme skipped: /x/a; b.yaml: not UTF-8 text; save it as UTF-8", "a; b.yaml: not UTF-8 text"),
])
def test_the_known_endings_still_go(line: str, short: str) -> None:
    assert short_problem(line, "/x/") == short


def test_bookmarks_list_refuses_a_missing_corpus_folder(capsys, isolated_home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"
    assert main(["bookmarks", "list", "--corpus", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"corpus folder {missing} does not exist" in err and "no bookmarks yet" not in err
    assert main(["bookmarks", "list", "--corpus", str(tmp_path), "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
