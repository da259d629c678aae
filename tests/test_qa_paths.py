"""Paths a user writes with `~`: a `~user` that names no account on this machine is a
mistake in the user's input (a typo, a config copied from another machine), so it gets one
line saying which path and what to do, exit 2, never a traceback (pathlib raises
RuntimeError for it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.cli import main

NO_USER = "~no-such-user-q1qa/news"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_corpus_option_with_an_unknown_user(capsys) -> None:
    code, out, err = run(capsys, "articles", "--corpus", NO_USER)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no-such-user-q1qa" in err and "home folder" in err


def test_config_corpus_with_an_unknown_user(capsys, isolated_home: Path) -> None:
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(f"corpus: {NO_USER}\n", encoding="utf-8")
    code, out, err = run(capsys, "articles")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(config) in err and "no-such-user-q1qa" in err


def test_newsreader_home_with_an_unknown_user(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NEWSREADER_HOME", NO_USER)
    code, out, err = run(capsys, "articles")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "NEWSREADER_HOME" in err and "no-such-user-q1qa" in err


def test_export_output_with_an_unknown_user(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "bookmarks", "export", "-o", NO_USER)
    assert code == 2  # (the seeds are indexed first: a line of its own before the error)
    assert "Traceback" not in err and "-o: ~no-such-user-q1qa/news: no home folder" in err


def test_newsreader_home_that_is_a_file(capsys, monkeypatch, tmp_path: Path) -> None:
    """NEWSREADER_HOME naming a file said 'FILE/config/config.yaml: cannot read the config
    file (Not a directory)': about a config file the user never named."""
    home = tmp_path / "notes.txt"
    home.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    code, out, err = run(capsys, "articles")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"NEWSREADER_HOME={home}" in err and "folder" in err, err


def test_newsreader_home_under_a_file(capsys, monkeypatch, tmp_path: Path) -> None:
    """A folder under a file (NEWSREADER_HOME=notes.txt/sub): the same message, naming the file
    in the way (Q4), not 'config.yaml: cannot read the config file (Not a directory)'."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_HOME", str(blocker / "sub" / "home"))
    code, out, err = run(capsys, "articles")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{blocker} is a file, not a folder" in err and "config.yaml" not in err, err
