"""`bookmarks export` while the corpus cannot be read (another run updating the index, a corpus that is
a file or not there): the Markdown export said every bookmarked story "is not in the corpus any more",
while the JSON export at the same moment said `"missing": false`, and its warning said "showing
bookmarks" (review RV30-C #3). Now every format gives the last check's marks and says so on stderr,
with the export's own verb; the Markdown says the corpus was not read, never that a story left it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from newsreader.store.db import Bookmark
from newsreader.store.export import BUSY_TEXT, GONE_TEXT, NOT_READ_TEXT, export_bookmarks
from tests import test_bookmarks_cli
from tests.test_bookmarks_cli import _articles, run

home, corpus = test_bookmarks_cli.home, test_bookmarks_cli.corpus  # (its fixtures)


def _checked(home: Path, corpus: Path, capsys) -> tuple[str, str]:
    """Two bookmarks, the second's page removed, and a check (`bookmarks list`) that saw it gone, and a
    third bookmark imported after the check: (present id, gone id)."""
    first, second = _articles(corpus)[:2]
    for article in (first, second):
        assert run(capsys, "bookmarks", "add", article.id, "--corpus", str(corpus))[0] == 0
    (corpus / second.file).unlink()
    run(capsys, "index", "--corpus", str(corpus))
    code, out, _ = run(capsys, "bookmarks", "list", "--corpus", str(corpus), "--json")
    assert code == 0 and {b["id"]: b["missing"] for b in json.loads(out)} == {first.id: False, second.id: True}
    later = {"format": "newsreader-bookmarks", "version": 1, "bookmarks": [{"id": "later-1", "title": "Later"}]}
    (home.parent / "later.json").write_text(json.dumps(later), encoding="utf-8")
    assert run(capsys, "bookmarks", "import", str(home.parent / "later.json"))[0] == 0
    return first.id, second.id


def _sections(markdown: str) -> dict[str, str]:
    """Each bookmark's part of a Markdown export, by its id."""
    parts = markdown.split("\n## ")[1:]
    return {part.split("- Id: `")[1].split("`")[0]: part for part in parts}


def _export(capsys, corpus: str, fmt: str) -> tuple[str, str]:
    code, out, err = run(capsys, "bookmarks", "export", "--corpus", corpus, "--format", fmt, "-o", "-")
    assert code == 0, err
    return out, err


def test_an_export_while_another_run_updates_the_index_gives_the_last_check_in_every_format(
        home: Path, corpus: Path, capsys) -> None:
    from newsreader.config import user_paths
    from newsreader.search.indexer import IndexLock

    present, gone = _checked(home, corpus, capsys)
    with IndexLock(user_paths().index_dir(corpus)):
        exports = {fmt: _export(capsys, str(corpus), fmt) for fmt in ("md", "csv", "json", "yaml")}
    for fmt, (_, err) in exports.items():
        assert "exporting bookmarks as last seen, marked 'not in the corpus' as at its check of" in err, (fmt, err)
        assert "showing" not in err, (fmt, err)
        # One line in every format (RV30-M #8b: md and csv gave open_library's busy line too), saying the index
        # was busy, not that the corpus could not be read.
        assert err.count("\n") == 1 and err.startswith("newsreader: warning: another run is updating the index; ")
    sections = _sections(exports["md"][0])
    assert set(sections) == {present, gone, "later-1"}
    assert BUSY_TEXT[False] in sections[present] and BUSY_TEXT[True] in sections[gone]
    assert BUSY_TEXT[None] in sections["later-1"]
    assert not any(text in exports["md"][0] for text in NOT_READ_TEXT.values())
    assert GONE_TEXT not in exports["md"][0]
    marks = {present: False, gone: True, "later-1": None}  # (the check's, as the JSON and YAML say too)
    assert {b["id"]: b["missing"] for b in json.loads(exports["json"][0])["bookmarks"]} == marks
    assert {b["id"]: b["missing"] for b in yaml.safe_load(exports["yaml"][0])["bookmarks"]} == marks
    rows = list(csv.DictReader(io.StringIO(exports["csv"][0])))
    assert [r["in_corpus"] for r in rows] == ["", "", ""]  # (not known now: the corpus was not read)

    # The near miss: the index free again, the Markdown reads the corpus and says the gone story left.
    out, err = _export(capsys, str(corpus), "md")
    sections = _sections(out)
    assert GONE_TEXT in sections[gone] and GONE_TEXT in sections["later-1"] and "last seen" not in err
    assert not any(text in out for text in (*NOT_READ_TEXT.values(), *BUSY_TEXT.values()))


@pytest.mark.parametrize("where", ["file", "absent"])
def test_an_export_of_a_corpus_that_cannot_be_read_says_so_not_that_the_stories_left(
        home: Path, corpus: Path, capsys, tmp_path: Path, where: str) -> None:
    _checked(home, corpus, capsys)
    other = tmp_path / "pages.txt"  # (no check of it was ever made: nothing is known)
    if where == "file":
        other.write_text("not a folder\n", encoding="utf-8")
    out, err = _export(capsys, str(other), "md")
    assert GONE_TEXT not in out and out.count(NOT_READ_TEXT[None]) == 3  # (not BUSY_TEXT: the folder's fault)
    assert "exporting bookmarks as last seen; whether their stories are still in the corpus is not known" in err
    for fmt in ("json", "yaml"):
        out, err = _export(capsys, str(other), fmt)
        why = "is a file, not a folder" if where == "file" else "does not exist"
        assert err.count("\n") == 1 and why in err and "exporting bookmarks as last seen" in err, err


def test_a_corpus_with_no_index_yet_is_said_by_the_json_export(home: Path, corpus: Path, capsys,
                                                               tmp_path: Path) -> None:
    """The JSON and YAML exports build no index: without one, their `missing` is the last check's (none here),
    said as the other formats say it."""
    _checked(home, corpus, capsys)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "page.txt").write_text("A headline\n\nSome text of the story.\n", encoding="utf-8")
    out, err = _export(capsys, str(fresh), "json")
    assert {b["missing"] for b in json.loads(out)["bookmarks"]} == {None}
    assert f"the corpus {fresh} has no index yet; exporting bookmarks as last seen" in err


def test_the_markdown_line_follows_the_check_when_no_article_was_read() -> None:
    marks = [Bookmark(f"id-{i}", f"Story {i}", missing=m) for i, m in enumerate((True, False, None))]
    sections = list(_sections(export_bookmarks(marks, "md", articles=None)).values())
    assert [NOT_READ_TEXT[m] in s for s, m in zip(sections, (True, False, None))] == [True] * 3
    assert all(GONE_TEXT in s for s in _sections(export_bookmarks(marks, "md", articles={})).values())
