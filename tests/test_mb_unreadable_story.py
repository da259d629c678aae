"""One stored story the index cannot read (its record damaged: not zlib data): the bookmark exports write
the rest and say it in one line, `show` says it in one line; none ends in a traceback (RV28-B #3)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from newsreader.cli import main
from newsreader.search.store import STORE_FILE

TEXT = ("Winds of 150 km/h hit the coast on Monday, cutting power to thousands of homes, officials said. "
        "Crews worked through the night to clear the roads.")
SITE = "https://news.example.org"
TITLES = ("Storm hits the coast", "Roads reopen after the storm", "Schools stay shut for a week")


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> tuple[Path, dict[str, str]]:
    """Three stories indexed and bookmarked, the second's stored record overwritten: the corpus and the ids."""
    home = tmp_path / "home"
    monkeypatch.setenv("NEWSREADER_HOME", str(home))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, title in enumerate(TITLES):
        (corpus / f"p{n}.txt").write_text(f"Source: {SITE}/2025/03/0{n + 1}/s\n\n{title}\n\n{TEXT}\n", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["articles", "--corpus", str(corpus), "--json"]) == 0
    ids = {a["title"]: a["id"] for a in json.loads(capsys.readouterr().out)}
    for article_id in ids.values():
        assert main(["bookmarks", "add", article_id, "--corpus", str(corpus)]) == 0
    (index,) = home.rglob(STORE_FILE)
    with sqlite3.connect(index) as con:
        con.execute("UPDATE articles SET data = ? WHERE id = ?", (b"garbage-not-zlib", ids[TITLES[1]]))
    con.close()
    capsys.readouterr()
    return corpus, ids


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_naming(err: str, article_id: str) -> None:
    assert "Traceback" not in err and "zlib" not in err
    (line,) = err.strip().splitlines()[:-1] or err.strip().splitlines()  # (and the "exported N" line)
    assert article_id in line and "index --rebuild" in line


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_the_json_and_yaml_exports_write_every_bookmark_and_say_the_unreadable_one(damaged, capsys, fmt):
    corpus, ids = damaged
    code, out, err = _run(capsys, "bookmarks", "export", "--corpus", str(corpus), "--format", fmt, "-o", "-")
    assert code == 0
    _one_line_naming(err, ids[TITLES[1]])
    records = {r["id"]: r for r in (json.loads(out) if fmt == "json" else yaml.safe_load(out))["bookmarks"]}
    # (the unreadable one with the address its bookmark kept when it was made: B2)
    assert {i: r["url"] for i, r in records.items()} == {ids[TITLES[0]]: f"{SITE}/2025/03/01/s",
                                                         ids[TITLES[1]]: f"{SITE}/2025/03/02/s",
                                                         ids[TITLES[2]]: f"{SITE}/2025/03/03/s"}


def test_the_markdown_and_csv_exports_write_the_rest_and_say_the_unreadable_one(damaged, capsys):
    corpus, ids = damaged
    code, out, err = _run(capsys, "bookmarks", "export", "--corpus", str(corpus), "--format", "md", "-o", "-")
    assert code == 0
    _one_line_naming(err, ids[TITLES[1]])
    parts = dict(part.split("\n", 1) for part in out.split("\n## ")[1:])
    assert TEXT.split(",")[0] in parts[TITLES[0]] and TEXT.split(",")[0] in parts[TITLES[2]]
    assert "cannot be read" in parts[TITLES[1]] and "not in the corpus" not in parts[TITLES[1]]
    code, out, err = _run(capsys, "bookmarks", "export", "--corpus", str(corpus), "--format", "csv", "-o", "-")
    assert code == 0
    _one_line_naming(err, ids[TITLES[1]])
    assert len(out.strip().splitlines()) == 4


def test_bookmarks_list_keeps_the_unreadable_story_in_the_corpus(damaged, capsys):
    corpus, ids = damaged
    code, out, err = _run(capsys, "bookmarks", "list", "--corpus", str(corpus))
    assert code == 0
    _one_line_naming(err, ids[TITLES[1]])
    assert "not in the corpus now" not in out and all(title in out for title in TITLES)


def test_show_says_the_story_cannot_be_read_in_one_line(damaged, capsys):
    corpus, ids = damaged
    code, out, err = _run(capsys, "show", ids[TITLES[1]], "--corpus", str(corpus))
    assert code == 2 and not out
    assert err.count("\n") == 1 and err.startswith("newsreader: error:")
    _one_line_naming(err, ids[TITLES[1]])
    code, out, err = _run(capsys, "show", ids[TITLES[0]], "--corpus", str(corpus))
    assert code == 0 and TITLES[0] in out
