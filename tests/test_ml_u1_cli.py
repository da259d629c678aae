"""ML (U1 #11): `bookmarks export --tag` of a tag no bookmark has wrote an empty file and said "exported 0
bookmarks", exit 0, where `bookmarks list --tag` says there is none; a damaged index was said in Python's
words alone ("is unreadable (UnpicklingError: invalid load key, '\\x00'.)")."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from newsreader.errors import IndexNeedsRebuild
from newsreader.search import schema
from tests.test_corpus_cli import run


def test_export_of_a_tag_no_bookmark_has_writes_nothing(capsys, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "articles", "--json")
    assert code == 0
    first = json.loads(out)[0]["id"]
    assert run(capsys, "bookmarks", "add", first, "--tag", "iran")[0] == 0
    for fmt in ("csv", "md", "json"):
        code, out, err = run(capsys, "bookmarks", "export", "--format", fmt, "--tag", "nosuchtag")
        assert code == 1 and out == ""
        assert err == ("newsreader: error: no bookmarks tagged 'nosuchtag'; nothing exported "
                       "(`newsreader bookmarks list` shows each bookmark's tags)\n")
    assert list(tmp_path.glob("bookmarks-*")) == []
    # the near miss: a tag one has (any case) is exported as before
    code, _, err = run(capsys, "bookmarks", "export", "--format", "csv", "--tag", "IRAN")
    assert code == 0 and "exported 1 bookmark to" in err
    (written,) = tmp_path.glob("bookmarks-*.csv")
    assert first in written.read_text(encoding="utf-8")


def test_a_damaged_index_is_said_in_words_before_pythons(tmp_path: Path) -> None:
    try:
        pickle.loads(b"\x00")
    except Exception as exc:  # noqa: BLE001 - the unpickling error a cut .trm file gives
        error = schema.unreadable_index(tmp_path, exc)
    assert isinstance(error, IndexNeedsRebuild)
    said, _, python = error.message.partition(" The error, for a report if that does not help: ")
    assert "damaged" in said and "`newsreader index --rebuild`" in said and "bookmarks are kept" in said
    assert "Unpickling" not in said and "load key" not in said
    assert python.startswith("UnpicklingError: invalid load key")
    assert "\n" not in error.message


def test_the_export_format_is_read_in_any_case(capsys) -> None:
    """`--format JSON` was refused (argparse's choices are case-sensitive)."""
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "JSON", "-o", "-")
    assert code == 0 and json.loads(out)["format"] == "newsreader-bookmarks"
    with pytest.raises(SystemExit) as caught:  # the near miss: no such format in any case
        run(capsys, "bookmarks", "export", "--format", "XLS", "-o", "-")
    assert caught.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_bookmarks_with_no_action_lists_them(capsys) -> None:
    """`newsreader bookmarks` alone was an argparse error (usage and "required: ACTION")."""
    code, out, err = run(capsys, "bookmarks")
    assert code == 0 and out == "" and err == "no bookmarks yet; press b in the reader or run `newsreader bookmarks add ID`\n"
    with pytest.raises(SystemExit):  # the near miss: an action not known is still an error
        run(capsys, "bookmarks", "lsit")
    assert "invalid choice: 'lsit'" in capsys.readouterr().err
