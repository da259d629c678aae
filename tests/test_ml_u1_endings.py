"""ML (U1 #5): a folder's Markdown pages and feeds were left out of the index without a word when
`extensions` did not name their endings ("indexed 2 pages", and the .md and .rss stories simply absent). Now
`index` (and a command that builds the index first) says how many files it left out, by ending, and where
to add the endings; files newsreader cannot read (a style sheet, a picture) are not counted."""

from __future__ import annotations

import json
from pathlib import Path

from newsreader.config import Config
from newsreader.corpus.loader import iter_page_files
from tests.test_corpus_cli import run

STORY = " date 2025-03-10 Mayor opens harbour\n\nMaria Lopez, the mayor, opened the harbour on Monday, officials said.\n"


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "plain.txt").write_text(STORY, encoding="utf-8")
    (root / "notes.md").write_text("# Ferry talks resume\n\n*Published 6 May 2024*\n\nThe union and the operator "
                                   "met again on Monday to talk about the ferry timetable.\n", encoding="utf-8")
    (root / "feed.rss").write_text("<rss><channel><title>Gazette</title><item><title>Bridge closes</title>"
                                   "<description>The bridge closes for repairs on Monday.</description></item>"
                                   "</channel></rss>", encoding="utf-8")
    (root / "old.MD").write_text("# Old\n\nAn old note of the council's meeting.\n", encoding="utf-8")
    (root / "style.css").write_text("body { color: red }\n", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n")
    (root / ".hidden.md").write_text("# Hidden\n", encoding="utf-8")
    return root


def test_the_walk_counts_readable_endings_left_out(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "news")
    unread: dict[str, int] = {}
    assert [p.name for p in iter_page_files(root, Config(), unread)] == ["plain.txt"]
    assert unread == {".md": 2, ".rss": 1}  # not .css, .png, nor a hidden file
    unread = {}
    names = [p.name for p in iter_page_files(root, Config(extensions=[".txt", ".md", ".rss"]), unread)]
    assert sorted(names) == ["feed.rss", "notes.md", "old.MD", "plain.txt"] and unread == {}


def test_index_says_what_it_left_out_and_where_to_add_it(capsys, tmp_path: Path, isolated_home: Path) -> None:
    root = _corpus(tmp_path / "news")
    code, _, err = run(capsys, "--corpus", str(root), "index")
    assert code == 0
    config = isolated_home / "config" / "config.yaml"
    assert err.splitlines()[-1] == (f"newsreader: 3 files not read for their ending (2 .md, 1 .rss): to read them "
                                    f"as pages, add .md and .rss to `extensions` in {config}, which then reads "
                                    "`extensions: [.txt, .html, .htm, .md, .rss]` (the list replaces the default one)")
    code, out, err = run(capsys, "--corpus", str(root), "index", "--json")
    assert code == 0 and json.loads(out)["unread_endings"] == {".md": 2, ".rss": 1}
    assert "3 files not read" in err


def test_a_command_building_the_index_first_says_it_too(capsys, tmp_path: Path) -> None:
    root = tmp_path / "news"
    root.mkdir()
    (root / "plain.txt").write_text(STORY, encoding="utf-8")
    (root / "feed.atom").write_text("<feed xmlns='http://www.w3.org/2005/Atom'><title>G</title></feed>",
                                    encoding="utf-8")
    code, _, err = run(capsys, "--corpus", str(root), "search", "harbour")
    assert code == 0
    assert "1 file not read for its ending (1 .atom): to read it as a page, add .atom to `extensions`" in err


def test_nothing_is_said_when_every_readable_file_is_read(capsys, tmp_path: Path, isolated_home: Path) -> None:
    root = _corpus(tmp_path / "news")
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("extensions: [txt, md, rss]\n", encoding="utf-8")
    code, out, err = run(capsys, "--corpus", str(root), "index", "--json")
    assert code == 0 and json.loads(out)["unread_endings"] == {}
    assert "not read for" not in err
