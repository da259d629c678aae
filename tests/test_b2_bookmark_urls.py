"""A bookmark keeps its story's web address and byline (B2). They were read from the corpus only, so a bookmark
whose story left it (the page moved or deleted, the index rebuilt from another folder) was exported and listed
with `url` null or empty: the one thing that finds the story again was lost. The store now keeps both when the
bookmark is made and whenever the corpus has the story; an old store gains the columns in place, every row
kept; the exports and `bookmarks list --json` give the corpus's when it has the story, else the kept ones; and
import keeps them."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import sqlite3
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from newsreader.cli import main
from newsreader.corpus.model import Article
from newsreader.errors import UserError
from newsreader.store import Bookmark, Store
from newsreader.store import db as store_db
from newsreader.store.export import export_bookmarks, parse_export

SITE = "https://news.example.org"
STORM_URL = f"{SITE}/2025/03/01/storm"
TEXT = ("Winds of 150 km/h hit the coast on Monday, cutting power to thousands of homes, officials said. "
        "Crews worked through the night to clear the roads, and schools stayed shut on Tuesday.")


def _article(article_id: str, url: str = "", byline: str | None = None) -> Article:
    return Article(id=article_id, title=f"Title of {article_id}", file=f"{article_id}.txt", source="The Daily",
                   date=dt.date(2025, 3, 1), byline=byline, body=[TEXT], url=url)


def _old_store(path: Path) -> None:
    """A store as the newsreader before B2 made it: the current schema without the bookmarks' url and byline
    (made by today's code, then the two columns dropped: what the code before wrote, version and all)."""
    with Store.open(path) as store:
        store.add_bookmark("kept-1", title="Kept one", source="src", date=dt.date(2025, 1, 2), tags=["a", "b"],
                           note="first note")
        store.add_bookmark("kept-2", title="Kept two")
        store.mark_read(["kept-1", "other"])
        store.save_search("s", "storm")
        store.set_pref("theme", "newsreader-light")
    db = sqlite3.connect(path)
    for column in store_db.CITATION_COLUMNS:
        db.execute(f"ALTER TABLE bookmarks DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def _columns(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [row[1] for row in db.execute("PRAGMA table_info(bookmarks)")]
    finally:
        db.close()


# --- the store ---------------------------------------------------------------------------------------------


def test_an_old_store_gains_the_columns_in_place_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    _old_store(path)
    assert "url" not in _columns(path)
    with Store.open(path) as store:
        assert store.notices == []
        b1, b2 = store.get_bookmark("kept-1"), store.get_bookmark("kept-2")
        assert (b1.title, b1.source, b1.date, b1.tags, b1.note) == ("Kept one", "src", dt.date(2025, 1, 2),
                                                                     ("a", "b"), "first note")
        assert (b1.url, b1.byline, b2.url) == (None, None, None)  # (not known yet)
        assert store.read_ids() == {"kept-1", "other"} and store.get_search("s").query == "storm"
        assert store.get_pref("theme") == "newsreader-light" and store.integrity_ok()
        # Seen again in the corpus: the bookmark takes its story's address and byline.
        store.reconcile([_article("kept-1", STORM_URL, "Jane Smith"), _article("kept-2")])
        assert (store.get_bookmark("kept-1").url, store.get_bookmark("kept-1").byline) == (STORM_URL, "Jane Smith")
        assert store.get_bookmark("kept-2").url == ""  # (its page states none: known, and empty)
    assert _columns(path)[-2:] == ["url", "byline"]
    db = sqlite3.connect(path)
    # The version is not raised: the newsreader before refuses a newer one (and would show no bookmarks).
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_db.SCHEMA_VERSION == 1
    # ... and its own statements (they name the columns they write) still work on the upgraded file.
    db.execute("INSERT INTO bookmarks (article_id, title, source, date, created_at, updated_at, note) "
               "VALUES ('by-old-code', 't', NULL, NULL, '2025-01-01T00:00:00.000000+00:00', "
               "'2025-01-01T00:00:00.000000+00:00', '')")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.get_bookmark("by-old-code").url is None and store.bookmark_count() == 3


def test_a_read_only_old_store_is_still_listed(tmp_path: Path) -> None:
    """The columns cannot be added to a file the user cannot write: the reader and `list` get the bookmarks from
    a copy in memory (as for any read-only store), a write command one clear line."""
    from newsreader.errors import UserError

    path = tmp_path / "state.sqlite3"
    _old_store(path)
    path.chmod(0o444)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as a user who can write a read-only file")
        with pytest.raises(UserError) as raised:
            Store.open(path)
        assert "\n" not in raised.value.message and "read-only" in raised.value.message
        degraded = Store.open(path, readonly_ok=True)
        assert not degraded.persistent and {b.article_id for b in degraded.list_bookmarks()} == {"kept-1", "kept-2"}
        assert degraded.get_bookmark("kept-1").url is None
        degraded.close()
    finally:
        path.chmod(0o644)
    assert "url" not in _columns(path)


def test_an_old_store_locked_by_another_copy_is_one_clear_line_then_upgrades(tmp_path: Path) -> None:
    """Adding the columns needs the write lock: held by another copy past the timeout, opening says so in one
    line (the reader and `list` then show the bookmarks from a copy in memory); once free, the store upgrades."""
    from newsreader.errors import UserError

    path = tmp_path / "state.sqlite3"
    _old_store(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(UserError) as raised:
            Store.open(path, timeout=0.3)
        assert "\n" not in raised.value.message and "busy" in raised.value.message
        with Store.open(path, readonly_ok=True, timeout=0.3) as degraded:
            assert not degraded.persistent and degraded.bookmark_count() == 2
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store.open(path) as store:
        assert store.notices == [] and store.bookmark_count() == 2 and "url" in _columns(path)


def test_two_copies_opening_an_old_store_at_once_both_open_and_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    _old_store(path)
    start = threading.Barrier(4)
    opened: list[Store] = []
    failed: list[BaseException] = []

    def open_one() -> None:
        start.wait()
        try:
            opened.append(Store.open(path))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failed.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == [] and len(opened) == 4
    assert _columns(path).count("url") == 1 and _columns(path).count("byline") == 1
    first, second = opened[0], opened[1]
    # One copy sees the story (its address kept) while the other tags and notes the same bookmark.
    first.reconcile([_article("kept-1", STORM_URL, "Jane Smith")])
    second.edit_bookmark("kept-1", add_tags=["c"], note="second note", note_was="first note")
    kept = first.get_bookmark("kept-1")
    assert (kept.url, kept.byline, kept.tags, kept.note) == (STORM_URL, "Jane Smith", ("a", "b", "c"), "second note")
    # The other copy's reconcile without the story (another corpus) keeps the address.
    second.reconcile([])
    assert second.get_bookmark("kept-1").url == STORM_URL and second.get_bookmark("kept-1").missing
    for store in opened:
        store.close()
    with Store.open(path) as store:
        assert store.bookmark_count() == 2 and store.integrity_ok()


def test_the_address_is_kept_when_made_and_left_alone_by_a_row_that_has_none(tmp_path: Path) -> None:
    with Store.open(tmp_path / "state.sqlite3") as store:
        assert store.bookmark_article(_article("a", STORM_URL, "Jane Smith")).url == STORM_URL
        # A list row (no address, no byline): bookmarking it again keeps what the store has.
        row = SimpleNamespace(id="a", title="Title of a", source="The Daily", date=None)
        again = store.bookmark_article(row, tags=["t"])
        assert (again.url, again.byline, again.tags) == (STORM_URL, "Jane Smith", ("t",))
        store.reconcile([row])
        assert store.get_bookmark("a").url == STORM_URL
        # The corpus's page changed its address: the new one is kept (the byline too, though the page has none now).
        store.reconcile([_article("a", f"{SITE}/moved")])
        assert (store.get_bookmark("a").url, store.get_bookmark("a").byline) == (f"{SITE}/moved", "Jane Smith")
        # Removed and undone: back with its address; a story renamed (headline edited) keeps it too.
        gone = store.remove_bookmark("a")
        assert store.restore_bookmark(gone).url == f"{SITE}/moved"
        store.follow_renames({"a": "a-renamed"})
        assert store.get_bookmark("a-renamed").url == f"{SITE}/moved"
        store.add_bookmark("b", title="b")
        store.add_bookmark("b-new", title="b", url=STORM_URL)
        store.follow_renames({"b": "b-new"})  # (merged into one that has an address: it stays)
        assert store.get_bookmark("b-new").url == STORM_URL


def test_a_page_that_states_no_address_never_wipes_the_kept_one_and_a_new_address_replaces_it(
        tmp_path: Path) -> None:
    """RV30-B #1: a copy of the page without its `Source:` line (another corpus sharing the store, a converter that
    dropped it; the story's id does not depend on it) made every refresh write "" over the kept address: gone for
    good once the story left. Now "" or no byline never replaces a kept one, through every writer; "" still says
    "states none" over "not known", and another address or byline replaces the kept one."""
    bare = _article("a")  # (the same story, its page stating neither)
    with Store.open(tmp_path / "state.sqlite3") as store:
        imported = Bookmark("a", "Title of a", created_at=dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc),
                            url=STORM_URL, byline="Jane Smith")
        store.merge_bookmarks([imported])
        store.reconcile([bare])  # (bookmarks list, the reader)
        assert (store.get_bookmark("a").url, store.get_bookmark("a").byline) == (STORM_URL, "Jane Smith")
        store.refresh_bookmarks([bare])  # (an export)
        store.bookmark_article(bare, tags=["t"])  # (bookmarks add, the reader's b)
        assert (store.get_bookmark("a").url, store.get_bookmark("a").byline) == (STORM_URL, "Jane Smith")
        store.reconcile([_article("a", f"{SITE}/moved", "J. Smith")])  # (a new address and byline: they replace)
        assert (store.get_bookmark("a").url, store.get_bookmark("a").byline) == (f"{SITE}/moved", "J. Smith")
        store.bookmark_article(_article("a", STORM_URL, "Jane Smith"))
        assert (store.get_bookmark("a").url, store.get_bookmark("a").byline) == (STORM_URL, "Jane Smith")
        # Not known (None) -> "states none"; and an import's address fills in a page's "none".
        store.add_bookmark("b", title="b")
        store.reconcile([_article("b")])
        assert store.get_bookmark("b").url == ""
        store.bookmark_article(_article("b"))
        assert store.get_bookmark("b").url == ""
        store.merge_bookmarks([dataclasses.replace(imported, article_id="b")])
        assert (store.get_bookmark("b").url, store.get_bookmark("b").byline) == (STORM_URL, "Jane Smith")


def test_two_corpora_sharing_a_store_keep_the_address_whichever_was_read_last(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The README: the bookmarks are the same for every corpus. `list --corpus A` (its page states the address)
    then `list --corpus B` (a text copy without the `Source:` line) made B's "" the kept address."""
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    a = _corpus(tmp_path)
    b = tmp_path / "copy"
    b.mkdir()
    (b / "storm.txt").write_text((a / "storm.txt").read_text(encoding="utf-8").split("\n", 2)[2], encoding="utf-8")
    (b / "roads.txt").write_text((a / "roads.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for corpus in (a, b):
        _run(capsys, "index", "--corpus", str(corpus))
    (storm,) = [r["id"] for r in json.loads(_run(capsys, "articles", "--corpus", str(a), "--json"))
                if r["title"] == "Storm hits the coast"]
    _run(capsys, "bookmarks", "add", storm, "--corpus", str(a))
    listed = json.loads(_run(capsys, "bookmarks", "list", "--corpus", str(b), "--json"))
    # (B's page states none: the kept address, as the store keeps it; RV30-M #4: B's "" hid it)
    assert [(r["id"], r["url"]) for r in listed] == [(storm, STORM_URL)]
    _run(capsys, "bookmarks", "export", "--corpus", str(b), "--format", "json", "-o", "-")
    (b / "storm.txt").unlink()
    _run(capsys, "index", "--corpus", str(b))
    (gone,) = json.loads(_run(capsys, "bookmarks", "list", "--corpus", str(b), "--json"))
    assert (gone["missing"], gone["url"], gone["byline"]) == (True, STORM_URL, "Jane Smith")


def test_a_damaged_store_s_rescue_keeps_the_address_and_reads_an_old_one_too(tmp_path: Path) -> None:
    new, old = tmp_path / "new.sqlite3", tmp_path / "old.sqlite3"
    with Store.open(new) as store:
        store.bookmark_article(_article("a", STORM_URL, "Jane Smith"))
    _old_store(old)
    for source, wanted in ((new, {"a": (STORM_URL, "Jane Smith")}),
                           (old, {"kept-1": (None, None), "kept-2": (None, None)})):
        target = Store.in_memory()
        store_db._salvage(source, target._db)
        assert {b.article_id: (b.url, b.byline) for b in target.list_bookmarks()} == wanted


def test_a_damaged_store_is_one_line_and_its_rescued_bookmarks_keep_their_addresses(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with Store.open(path) as store:
        for n in range(400):
            store.bookmark_article(_article(f"story-{n:04d}", f"{SITE}/2025/{n:04d}/story", f"Writer {n}"))
    data = bytearray(path.read_bytes())
    page = 4096
    middle = len(data) // page // 2 * page
    data[middle:middle + page] = b"\xde\xad\xbe\xef" * (page // 4)  # (one page of the bookmarks, overwritten)
    path.write_bytes(bytes(data))
    with Store.open(path) as store:
        (notice,) = store.notices
        assert "\n" not in notice and "damaged" in notice
        rescued = [b for b in store.list_bookmarks() if b.title != b.article_id]
        assert 300 < len(rescued) < 400
        for b in rescued:
            n = int(b.article_id.removeprefix("story-"))
            assert (b.url, b.byline) == (f"{SITE}/2025/{n:04d}/story", f"Writer {n}")


# --- export and import -------------------------------------------------------------------------------------


def _stored(url: str | None, byline: str | None = None) -> Bookmark:
    made = dt.datetime(2025, 3, 1, 12, tzinfo=dt.timezone.utc)
    return Bookmark("a-1", "Story 1", date=dt.date(2025, 3, 1), created_at=made, updated_at=made, url=url,
                    byline=byline)


@pytest.mark.parametrize("fmt", ["json", "yaml", "csv", "md"])
def test_every_export_gives_the_kept_address_when_the_story_is_gone_and_the_corpus_s_when_not(fmt: str) -> None:
    def exported(articles: dict | None, url: str | None) -> tuple[str | None, str | None]:
        text = export_bookmarks([_stored(url, "Jane Smith")], fmt, articles=articles)
        if fmt == "md":
            links = [line for line in text.splitlines() if line.startswith("- Link: ")]
            return (links[0].removeprefix("- Link: <").removesuffix(">") if links else None), None
        if fmt == "csv":
            (row,) = csv.DictReader(io.StringIO(text))
            return row["url"], row["byline"]
        (record,) = (json.loads(text) if fmt == "json" else yaml.safe_load(text))["bookmarks"]
        return record["url"], record["byline"]

    byline = None if fmt == "md" else "Jane Smith"
    assert exported({}, STORM_URL) == (STORM_URL, byline)  # gone: the kept ones
    assert exported(None, STORM_URL) == (STORM_URL, byline)  # no corpus read
    now = Article(id="a-1", title="Story 1", file="a.txt", body=[TEXT], url=f"{SITE}/now", byline="J. Smith")
    assert exported({"a-1": now}, STORM_URL) == (f"{SITE}/now", None if fmt == "md" else "J. Smith")
    none = {"json": None, "yaml": None, "csv": "", "md": None}[fmt]
    assert exported({}, None)[0] == none  # never kept: not known


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_import_keeps_the_address_and_byline_and_fills_in_one_the_store_lacks(tmp_path: Path, fmt: str) -> None:
    text = export_bookmarks([_stored(STORM_URL, "Jane Smith")], fmt)
    (read,) = parse_export(text, f"x.{fmt}")
    assert (read.url, read.byline) == (STORM_URL, "Jane Smith")
    with Store.open(tmp_path / "state.sqlite3") as store:
        store.add_bookmark("a-1", title="Story 1")  # (made before the store kept addresses)
        assert store.merge_bookmarks([read]).updated == 1
        assert (store.get_bookmark("a-1").url, store.get_bookmark("a-1").byline) == (STORM_URL, "Jane Smith")
        assert store.merge_bookmarks([read]).unchanged == 1  # (again: nothing new)
        # The store's own address (from the corpus) stays when an import brings another.
        store.add_bookmark("a-1", title="Story 1", url=f"{SITE}/own")
        other = parse_export(export_bookmarks([_stored(f"{SITE}/elsewhere")], fmt), f"x.{fmt}")
        store.merge_bookmarks(other)
        assert store.get_bookmark("a-1").url == f"{SITE}/own"


@pytest.mark.parametrize("value, kept", [
    (STORM_URL, STORM_URL), ("", ""), (None, None), (12, None), (["x"], None), ("javascript:alert(1)", None),
    ("https://x.org/a\u202eb", None), (f"{SITE}/a>[click](javascript:x)", None),
])
def test_import_keeps_only_a_story_s_address(value: object, kept: str | None) -> None:
    """What the corpus's one gate for an address lets in (`story_url`): an edited file's odd value is left out,
    never refused, and never reaches the Markdown export's link."""
    document = {"format": "newsreader-bookmarks", "version": 1,
                "bookmarks": [{"id": "a-1", "title": "Story", "url": value, "byline": 7}]}
    (bookmark,) = parse_export(json.dumps(document), "x.json")
    assert (bookmark.url, bookmark.byline) == (kept, None)


@pytest.mark.parametrize("length, kept", [(store_db.MAX_BYLINE, True), (store_db.MAX_BYLINE + 1, False),
                                          (5_000_000, False)])
def test_import_leaves_out_a_byline_longer_than_any_byline(length: int, kept: bool) -> None:
    """RV30-B #5: a byline of any length went in and out through every format; the url had its cap. A longer one
    is left out as an odd value (the bookmark imported); spaces around it do not count."""
    byline = ("Jane Smith, " * length)[:length - 1] + "."
    document = {"format": "newsreader-bookmarks", "version": 1,
                "bookmarks": [{"id": "a-1", "title": "Story", "byline": f"  {byline} "}]}
    (bookmark,) = parse_export(json.dumps(document), "x.json")
    assert (bookmark.article_id, bookmark.byline) == ("a-1", byline if kept else None)


@pytest.mark.parametrize("field", ["id", "title", "source", "note", "tags", "byline"])
def test_import_of_text_that_is_not_utf8_is_cleaned_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, field: str) -> None:
    """RV30-B #3: a lone surrogate (half of a UTF-16 pair a tool cut, written as a JSON or YAML escape) in any
    text field reached the store's write: a UnicodeEncodeError traceback (the byline since B2; title, note, tags
    before). It becomes U+FFFD, as a decoder writes for a bad byte; a YAML escaped pair (which YAML leaves apart,
    where JSON joins it) becomes its character. Everything else in the file is imported."""
    def document(article_id: str, value: str) -> dict:
        record = {"id": article_id, "title": "T", "source": "S", "note": "N", "tags": ["t"], "byline": "B"}
        return {"format": "newsreader-bookmarks", "version": 1,
                "bookmarks": [record | {field: [value] if field == "tags" else value}]}

    (tmp_path / "lone.json").write_text(json.dumps(document("s-1", "x\ud800")), encoding="utf-8")
    (tmp_path / "pair.yaml").write_text(yaml.safe_dump(document("s-2", "x\ud83d\ude00")), encoding="utf-8")
    assert '"x\\uD83D\\uDE00"' in (tmp_path / "pair.yaml").read_text(encoding="utf-8")
    for n, (name, wanted) in enumerate((("lone.json", "x\ufffd"), ("pair.yaml", "x\U0001f600"))):
        monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / f"home-{n}"))
        assert "imported" in _run(capsys, "bookmarks", "import", str(tmp_path / name))
        records = json.loads(_run(capsys, "bookmarks", "export", "--format", "json", "-o", "-"))["bookmarks"]
        if field == "id" and name == "lone.json":  # (an id that is no text names no story: left out, RV30-M #3)
            assert records == []
            continue
        (record,) = records
        assert record[field] == ([wanted] if field == "tags" else wanted)
        assert record["title" if field != "title" else "note"] in ("T", "N")  # (the rest as it was)


def test_a_command_given_text_that_is_not_utf8_says_so_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The same for a note, tag or id given on the command line from a terminal that is not UTF-8 (Python keeps
    the byte 0xff as the lone surrogate '\\udcff'): a traceback from the store's write or read, now one line."""
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    corpus = ("--corpus", str(_corpus(tmp_path)))
    _run(capsys, "index", *corpus)
    (storm,) = [r["id"] for r in json.loads(_run(capsys, "articles", *corpus, "--json")) if "Storm" in r["title"]]
    for argv in (("add", storm, "--note", "bad\udcff"), ("add", storm, "--tag", "t\udcff"),
                 ("remove", "x\udcff"), ("list", "--tag", "t\udcff")):
        capsys.readouterr()
        assert main(["bookmarks", *argv, *corpus]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert "not UTF-8 text: \\xff in " in line
    assert json.loads(_run(capsys, "bookmarks", "list", *corpus, "--json")) == []  # (nothing half made)
    for argv in (("show", "x\udcff"), ("related", "x\udcff")):  # (was "the index is damaged", exit 2: rebuild it)
        capsys.readouterr()
        assert main([*argv, *corpus]) == 1
        assert capsys.readouterr().err.startswith("newsreader: error: no article with id 'x\\udcff' in the index")


# --- from the command line ---------------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    """Two pages: one stating its story's address and byline, one stating neither."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "storm.txt").write_text(f"Source: {STORM_URL}\n\nStorm hits the coast\n\nBy Jane Smith\n\n{TEXT}\n",
                                      encoding="utf-8")
    (corpus / "roads.txt").write_text(f"Roads reopen after the storm\n\n{TEXT}\n", encoding="utf-8")
    return corpus


def _run(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_a_bookmarked_story_moved_away_keeps_its_address_in_list_and_every_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The repro: bookmark two stories, move one page out of the corpus, `newsreader index`: `bookmarks list
    --json` and the exports gave its url null (JSON, YAML), empty (CSV) or no Link line (Markdown). Then the
    JSON export imported into another home (no corpus has the story) keeps it."""
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    corpus, away = _corpus(tmp_path), tmp_path / "away"
    away.mkdir()
    c = ("--corpus", str(corpus))
    _run(capsys, "index", *c)
    ids = {a["title"]: a["id"] for a in json.loads(_run(capsys, "articles", *c, "--json"))}
    storm = ids["Storm hits the coast"]
    for article_id in ids.values():
        _run(capsys, "bookmarks", "add", article_id, *c)
    (corpus / "storm.txt").rename(away / "storm.txt")
    _run(capsys, "index", *c)

    listed = {r["id"]: r for r in json.loads(_run(capsys, "bookmarks", "list", *c, "--json"))}
    assert (listed[storm]["missing"], listed[storm]["url"], listed[storm]["byline"]) == (True, STORM_URL, "Jane Smith")
    assert listed[ids["Roads reopen after the storm"]]["url"] == ""  # (in the corpus; its page states none)
    text = _run(capsys, "bookmarks", "list", *c).splitlines()
    gone = text.index(f"undated     {storm}")
    assert text[gone + 2:gone + 4] == ["            not in the corpus now; kept, and reconnects if it returns",
                                       f"            was at {STORM_URL}"]
    assert sum("was at" in line for line in text) == 1  # (not for the story in the corpus)
    for fmt, load in (("json", json.loads), ("yaml", yaml.safe_load)):
        records = {r["id"]: r for r in load(_run(capsys, "bookmarks", "export", *c, "--format", fmt, "-o", "-"))[
            "bookmarks"]}
        assert (records[storm]["url"], records[storm]["missing"]) == (STORM_URL, True)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(_run(capsys, "bookmarks", "export", *c, "--format", "csv",
                                                                 "-o", "-")))}
    assert (rows[storm]["url"], rows[storm]["byline"], rows[storm]["in_corpus"]) == (STORM_URL, "Jane Smith", "no")
    markdown = _run(capsys, "bookmarks", "export", *c, "--format", "md", "-o", "-")
    assert f"- Link: <{STORM_URL}>" in markdown and "not in the corpus any more" in markdown

    exported = tmp_path / "bookmarks.json"
    _run(capsys, "bookmarks", "export", *c, "--format", "json", "-o", str(exported))
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "other-home"))
    _run(capsys, "bookmarks", "import", str(exported))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "roads.txt").write_text(f"Schools reopen\n\n{TEXT}\n", encoding="utf-8")
    again = {r["id"]: r for r in json.loads(_run(capsys, "bookmarks", "list", "--corpus", str(elsewhere), "--json"))}
    assert (again[storm]["url"], again[storm]["byline"], again[storm]["missing"]) == (STORM_URL, "Jane Smith", True)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_an_export_that_cannot_refresh_the_store_gives_the_corpus_s_byline_with_its_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, fmt: str) -> None:
    """RV30-B #5: the JSON/YAML export took `url` from the index but `byline` from the store, so when the store
    stayed busy (its refresh skipped) a record mixed the corpus's address with the bookmark's older byline."""
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    corpus = _corpus(tmp_path)
    c = ("--corpus", str(corpus))
    _run(capsys, "index", *c)
    (storm,) = [r["id"] for r in json.loads(_run(capsys, "articles", *c, "--json")) if "Storm" in r["title"]]
    _run(capsys, "bookmarks", "add", storm, *c)
    page = corpus / "storm.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("By Jane Smith", "By John Roe").replace(
        STORM_URL, f"{SITE}/storm-2"), encoding="utf-8")
    _run(capsys, "index", *c)

    def busy(self, articles) -> None:
        raise UserError("the bookmarks store stayed busy")

    monkeypatch.setattr(Store, "refresh_bookmarks", busy)
    load = json.loads if fmt == "json" else yaml.safe_load
    (record,) = load(_run(capsys, "bookmarks", "export", *c, "--format", fmt, "-o", "-"))["bookmarks"]
    assert (record["id"], record["url"], record["byline"]) == (storm, f"{SITE}/storm-2", "John Roe")


# --- the reader ----------------------------------------------------------------------------------------------


async def _storm_s_detail(app, pilot) -> str:
    """`B`, then the bookmarks screen's detail of the storm story's bookmark."""
    from textual.widgets import Static

    from newsreader.tui.bookmarks import BookmarksScreen

    await pilot.press("B")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    while screen._current().title != "Storm hits the coast":
        await pilot.press("j")
        await pilot.pause()
    return str(screen.query_one("#bookmark-detail", Static).render())


def test_a_story_bookmarked_from_the_list_keeps_its_address_and_the_screen_shows_it_once_gone(
        tmp_path: Path) -> None:
    """`b` on a list row (which has no address) keeps the story's address and byline, read from the index: the
    reader's next look at its bookmarks runs only when the index changes, and then the story may be gone. The
    bookmarks screen's Link line then shows the kept address."""
    import asyncio

    from newsreader.config import Config, Paths
    from newsreader.search.library import Library
    from newsreader.tui.app import ReaderApp

    corpus = _corpus(tmp_path)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    state = tmp_path / "state.sqlite3"

    def update_index() -> None:
        library = Library.open(paths, corpus, Config())
        library.update()
        library.close()

    async def run(bookmark: bool) -> str:
        app = ReaderApp(paths, Config(), corpus, store=Store.open(state), blink=False, watch_marks=False,
                        update_index=False, related_delay=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            if bookmark:
                await pilot.press("b", "j", "b")
                await pilot.pause()
            return await _storm_s_detail(app, pilot)

    update_index()
    asyncio.run(run(True))
    with Store.open(state) as store:
        kept = {b.title: (b.url, b.byline) for b in store.list_bookmarks()}
        assert kept == {"Storm hits the coast": (STORM_URL, "Jane Smith"), "Roads reopen after the storm": ("", None)}
    (corpus / "storm.txt").unlink()
    update_index()
    assert asyncio.run(run(False)).startswith("Link: news.example.org/2025/03/01/storm\n")


def test_with_the_index_damaged_b_on_a_list_row_still_bookmarks_and_the_screen_shows_the_kept_address(
        tmp_path: Path) -> None:
    """RV30-B #2 and #4: once the index's article store could not be opened (damaged; another newsreader
    version's), `Library.get` raised its `UserError` (`IndexNeedsRebuild`), which neither caught: `b` on a list
    row said "bookmark not saved" (the address is an extra; the bookmark was made before B2), and `B` ended the
    reader with a traceback, so the kept address never showed there."""
    import asyncio

    from newsreader.config import Config, Paths
    from newsreader.search.library import Library
    from newsreader.tui.app import ReaderApp

    corpus = _corpus(tmp_path)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    state = tmp_path / "state.sqlite3"
    library = Library.open(paths, corpus, Config())
    library.update()
    library.close()
    folder = paths.index_dir(corpus)
    notices: list[str] = []

    async def run() -> str:
        app = ReaderApp(paths, Config(), corpus, store=Store.open(state), blink=False, watch_marks=False,
                        update_index=False, related_delay=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            while app.article_list.current_row.title != "Storm hits the coast":
                await pilot.press("j")
            await pilot.press("b")  # (the index can be read: the address is kept)
            await app.workers.wait_for_complete()
            for path in folder.glob("articles.sqlite3*"):
                path.unlink()
            (folder / "articles.sqlite3").write_bytes(b"\xde\xad\xbe\xef" * 4096)  # (a new file: let go of the old)
            app.library.generation()
            with pytest.raises(UserError):
                app.library.get(app.article_list.current_row.id)
            await pilot.press("k")
            if app.article_list.current_row.title == "Storm hits the coast":  # (it was the first row)
                await pilot.press("j")
            assert app.article_list.current_row.title == "Roads reopen after the storm"
            shown = app.notify
            app.notify = lambda message, **kw: (notices.append(message), shown(message, **kw))  # type: ignore
            await pilot.press("b")
            await app.workers.wait_for_complete()
            await pilot.pause()
            return await _storm_s_detail(app, pilot)

    assert asyncio.run(run()).startswith("Link: news.example.org/2025/03/01/storm\n")
    assert notices[:1] == ["Bookmarked: Roads reopen after the storm"]
    with Store.open(state) as store:
        kept = {b.title: (b.url, b.byline) for b in store.list_bookmarks()}
    assert kept == {"Storm hits the coast": (STORM_URL, "Jane Smith"), "Roads reopen after the storm": (None, None)}
