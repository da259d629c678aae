"""The command line as a script writer uses it (Q5's "Scripting" findings): output a
program can read whatever the corpus holds, and exit codes that follow one rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.cli import main

PAGE = "A fine title for a page\n\nThe council met on a quiet morning and agreed the budget.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- S5: an empty corpus folder --------------------------------------------------------


def test_an_empty_corpus_is_an_empty_answer_with_each_commands_usual_code(capsys, tmp_path: Path) -> None:
    """The rule: a folder without pages is a warning (one line naming it) and the command's
    empty answer, with the exit code that answer always has: `articles` 0 (`[]` in JSON:
    `| jq length` failed on nothing at all, exit 2), `index` 0, `search` 1 (no hits)."""
    folder = tmp_path / "empty"
    folder.mkdir()
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(folder))
    assert (code, json.loads(out)) == (0, []) and err.count("no pages in") == 1
    code, out, err = run(capsys, "articles", "--corpus", str(folder))
    assert (code, out) == (0, "") and "no pages in" in err and "0 articles" in err
    code, out, err = run(capsys, "index", "--corpus", str(folder))
    assert code == 0 and "no pages in" in err
    code, out, err = run(capsys, "search", "--json", "budget", "--corpus", str(folder))
    assert code == 1 and json.loads(out)["hits"] == [] and "no pages in" in err
    # A folder that is not there stays an error.
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(tmp_path / "missing"))
    assert code == 2 and out == "" and "does not exist" in err
