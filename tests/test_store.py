"""The store's API as the reader and the CLI use it, and the export/import formats."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.errors import UserError
from newsreader.store import Bookmark, Store, normalize_tags
from newsreader.store import db as store_db
from newsreader.store.export import default_filename, export_bookmarks, parse_export


@dataclass
class FakeArticle:
    """Just the fields the store reads from `corpus.model.Article`."""

    id: str
    title: str
    source: str | None = None
    date: dt.date | None = None
    body: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


A1 = FakeArticle("storm-hits-coast-1a2b3c4d", "Storm hits coast", "Reuters", dt.date(2025, 3, 1),
                 ["Winds of 150 km/h hit the coast on Monday.", "Second paragraph."])
A2 = FakeArticle("markets-fall-5e6f7a8b", "Markets fall", None, None, ["Shares fell."])


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "data" / "state.sqlite3") as opened:
        yield opened


def test_new_store_is_wal_at_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "data" / "state.sqlite3"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == store_db.SCHEMA_VERSION
    raw.close()


def test_bookmark_then_remove_keeps_article_details(store: Store) -> None:
    """The reader's `b`, twice: `bookmark_article`, then `remove_bookmark`, which returns the
    bookmark as it was removed."""
    bookmark = store.bookmark_article(A1)
    assert (bookmark.title, bookmark.source, bookmark.date) == ("Storm hits coast", "Reuters", dt.date(2025, 3, 1))
    assert store.is_bookmarked(A1.id) and store.bookmark_count() == 1
    assert store.remove_bookmark(A1.id) == bookmark
    assert not store.is_bookmarked(A1.id) and store.get_bookmark(A1.id) is None
    assert store.remove_bookmark(A1.id) is None


def test_tags_are_normalised_and_filterable(store: Store) -> None:
    store.bookmark_article(A1, tags=["Weather ", "  breaking  news"])
    store.bookmark_article(A2, tags=["weather"])
    assert store.get_bookmark(A1.id).tags == ("breaking news", "weather")
    assert [b.article_id for b in store.list_bookmarks(tag="WEATHER")] == [A2.id, A1.id]
    assert [b.article_id for b in store.list_bookmarks(tag="breaking news")] == [A1.id]
    assert store.list_bookmarks(tag="nothing") == []
    assert store.tag_counts() == [("breaking news", 1), ("weather", 2)]


def test_edit_tags_and_note(store: Store) -> None:
    store.bookmark_article(A1, tags=["a", "b"], note="first")
    edited, joined = store.edit_bookmark(A1.id, add_tags=["c"], remove_tags=["a", "b"], note="second")
    assert (edited.tags, edited.note, joined) == (("c",), "second", False)
    assert store.edit_bookmark(A1.id, note="third")[0].tags == ("c",)
    assert store.edit_bookmark(A1.id, add_tags=["d"])[0].tags == ("c", "d")
    with pytest.raises(KeyError):
        store.edit_bookmark("not-bookmarked", note="x")


def test_rebookmarking_merges_tags_and_keeps_note_unless_given(store: Store) -> None:
    first = store.bookmark_article(A1, tags=["a"], note="keep me")
    again = store.bookmark_article(A1, tags=["b"])
    assert again.tags == ("a", "b") and again.note == "keep me"
    assert again.created_at == first.created_at
    assert store.bookmark_article(A1, note="").note == ""
    assert store.bookmark_count() == 1


def test_removing_a_bookmark_removes_its_tags(store: Store) -> None:
    store.bookmark_article(A1, tags=["x"])
    assert store.remove_bookmark(A1.id).tags == ("x",)  # (the bookmark as removed, for an undo)
    assert store.remove_bookmark(A1.id) is None
    assert store.tag_counts() == []


def test_restoring_a_removed_bookmark_brings_back_tags_note_and_time(store: Store) -> None:
    kept = store.bookmark_article(A1, tags=["storm", "later"], note="call the desk")
    store.bookmark_article(A2)
    assert store.remove_bookmark(A1.id)
    back = store.restore_bookmark(kept)
    assert (back.tags, back.note, back.created_at, back.title) == (kept.tags, kept.note, kept.created_at, kept.title)
    assert [b.article_id for b in store.list_bookmarks()] == [A2.id, A1.id]  # its old place, not the top


def test_restoring_over_a_bookmark_made_meanwhile_keeps_both_copies_work(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with Store.open(path) as here, Store.open(path) as other:
        kept = here.bookmark_article(A1, tags=["storm"], note="call the desk")
        here.remove_bookmark(A1.id)
        other.bookmark_article(A1, tags=["other"])  # the other copy bookmarks it again
        back = here.restore_bookmark(kept)
        assert back.tags == ("other", "storm") and back.note == "call the desk"
        assert back.created_at == kept.created_at and here.bookmark_count() == 1
        here.remove_bookmark(A1.id)
        other.bookmark_article(A1, note="theirs")
        assert here.restore_bookmark(kept).note == "theirs | call the desk"  # both kept, theirs first


def test_missing_article_stays_listed_and_reconnects(store: Store) -> None:
    store.bookmark_article(A1, tags=["keep"], note="n")
    store.bookmark_article(A2)
    assert store.reconcile([A2]) == (1, 0)
    gone = store.get_bookmark(A1.id)
    assert gone.missing and gone.title == "Storm hits coast" and gone.tags == ("keep",) and gone.note == "n"
    assert A1.id in [b.article_id for b in store.list_bookmarks()]
    assert store.counts([A2.id]).missing == 1
    # The article comes back (same stable id, maybe a corrected title): reconnected.
    back = FakeArticle(A1.id, "Storm hits coast, two dead", "Reuters", A1.date)
    assert store.reconcile([back, A2]) == (0, 1)
    again = store.get_bookmark(A1.id)
    assert not again.missing and again.title == "Storm hits coast, two dead" and again.note == "n"


def test_marks_follow_a_renamed_story(store: Store) -> None:
    """A story whose headline was edited has a new id: its bookmark (tags, note, time) and
    read mark move to it; one already there is merged into, never dropped."""
    store.bookmark_article(A1, tags=["a"], note="first")
    store.bookmark_article(A2, tags=["b"], note="second")
    store.mark_read([A1.id, A2.id])
    created = store.get_bookmark(A1.id).created_at
    store.bookmark_article(FakeArticle("markets-fall-again-99", "Markets fall again"), tags=["c"], note="third")
    moved = store.follow_renames({A1.id: "storm-hits-the-coast-77", A2.id: "markets-fall-again-99", "gone-1": "x"})
    assert moved == 4
    assert store.bookmarked_ids() == {"storm-hits-the-coast-77", "markets-fall-again-99"}
    kept = store.get_bookmark("storm-hits-the-coast-77")
    assert (kept.tags, kept.note, kept.created_at, kept.title) == (("a",), "first", created, A1.title)
    merged = store.get_bookmark("markets-fall-again-99")
    assert merged.tags == ("b", "c") and merged.note == "third | second"
    assert store.read_ids() == {"storm-hits-the-coast-77", "markets-fall-again-99"}
    assert store.follow_renames({A1.id: "storm-hits-the-coast-77"}) == 0  # nothing left to move


def test_read_marks_in_bulk(store: Store) -> None:
    ids = [f"a-{i}" for i in range(1200)]  # more than one IN (...) chunk
    store.mark_read(ids[:700])
    store.mark_read("a-1100")
    assert store.is_read("a-5") and not store.is_read("a-900")
    assert store.read_ids(ids) == set(ids[:700]) | {"a-1100"}
    store.mark_unread(["a-0", "a-1100"])
    assert store.read_ids(["a-0", "a-1", "a-1100"]) == {"a-1"}
    store.bookmark_article(A1)
    counts = store.counts(ids)
    assert (counts.unread, counts.bookmarks, counts.missing) == (1200 - 699, 1, 0)


def test_marking_read_twice_keeps_first_time(store: Store) -> None:
    store.mark_read("x")
    first = store._read("SELECT read_at FROM read_marks")[0][0]
    store.mark_read("x")
    assert store._read("SELECT read_at FROM read_marks")[0][0] == first


def test_saved_searches(store: Store) -> None:
    store.save_search("Iran", "iran AND pakistan")
    store.save_search("gaza", "gaza")
    store.save_search("Iran", "iran")  # same name: replaced, keeps its place
    assert [(s.name, s.query) for s in store.list_searches()] == [("Iran", "iran"), ("gaza", "gaza")]
    assert store.rename_search("gaza", "Gaza strip").query == "gaza"
    with pytest.raises(ValueError):
        store.rename_search("Gaza strip", "Iran")
    with pytest.raises(KeyError):
        store.rename_search("nope", "x")
    with pytest.raises(ValueError):
        store.save_search(" ", "q")
    assert store.delete_search("Iran") is True and store.delete_search("Iran") is False
    assert store.get_search("Gaza strip").query == "gaza"


def test_preferences(store: Store) -> None:
    assert store.get_pref("theme", "default") == "default"
    store.set_pref("theme", "newsreader-light")
    store.set_pref("layout", {"split": 40, "preview": True})
    assert store.prefs() == {"theme": "newsreader-light", "layout": {"split": 40, "preview": True}}
    with pytest.raises(TypeError):
        store.set_pref("bad", object())


def test_state_persists_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with Store.open(path) as first:
        first.bookmark_article(A1, tags=["t"], note="n")
        first.mark_read(A1.id)
        first.save_search("s", "q")
        first.set_pref("theme", "x")
    with Store.open(path) as second:
        assert second.get_bookmark(A1.id).note == "n"
        assert second.is_read(A1.id) and second.get_search("s") and second.get_pref("theme") == "x"
        assert second.notices == []


def test_migrations_run_in_order_from_an_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.sqlite3"
    with Store.open(path) as old:
        old.bookmark_article(A1)

    def add_column(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE bookmarks ADD COLUMN colour TEXT")

    monkeypatch.setattr(store_db, "MIGRATIONS", store_db.MIGRATIONS + [add_column])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", store_db.SCHEMA_VERSION + 1)
    with Store.open(path) as new:
        assert new.get_bookmark(A1.id).title == A1.title
        assert new._read("PRAGMA user_version")[0][0] == store_db.SCHEMA_VERSION
        assert "colour" in [r[1] for r in new._read("PRAGMA table_info(bookmarks)")]


def test_store_from_a_newer_version_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {store_db.SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="newer newsreader"):
        Store.open(path)
    degraded = Store.open(path, readonly_ok=True)
    assert not degraded.persistent and "newer newsreader" in degraded.notices[0]
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_in_memory_store_works_and_says_why(tmp_path: Path) -> None:
    mem = Store.in_memory("bookmarks will not be saved: testing")
    assert not mem.persistent and mem.notices == ["bookmarks will not be saved: testing"]
    assert mem.bookmark_article(A1) and mem.bookmark_count() == 1


# --- export and import ---------------------------------------------------------------


def test_default_filename_is_a_dated_slug() -> None:
    assert default_filename("md", dt.date(2026, 11, 22)) == "bookmarks-2026-11-22.md"
    assert default_filename("yaml", dt.date(2026, 1, 2)) == "bookmarks-2026-01-02.yaml"


def test_markdown_export_has_details_note_and_first_paragraph(store: Store) -> None:
    store.bookmark_article(A1, tags=["weather"], note="check the\nfollow-up")
    store.bookmark_article(FakeArticle("gone-123", "A *gone* story", "AP", dt.date(2024, 1, 1)))
    text = export_bookmarks(store.list_bookmarks(), "md", articles={A1.id: A1})
    section = text.split("## Storm hits coast")[1]
    assert "- Date: 2025-03-01" in section and "- Source: Reuters" in section
    assert "- Tags: weather" in section and f"`{A1.id}`" in section
    assert "**Note:** check the\\\nfollow-up" in section  # a hard break keeps the line (Q3)
    assert "> Winds of 150 km/h hit the coast on Monday." in section
    assert "Second paragraph" not in section
    assert "## A \\*gone\\* story" in text
    assert "not in the corpus any more" in text


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_export_import_round_trip(store: Store, tmp_path: Path, fmt: str) -> None:
    store.bookmark_article(A1, tags=["a", "b"], note="n1")
    store.bookmark_article(A2)
    text = export_bookmarks(store.list_bookmarks(), fmt)
    with Store.open(tmp_path / "other.sqlite3") as other:
        result = other.merge_bookmarks(parse_export(text, f"x.{fmt}"))
        assert (result.added, result.updated, result.unchanged) == (2, 0, 0)
        assert [b.to_dict() for b in other.list_bookmarks()] == [b.to_dict() for b in store.list_bookmarks()]
        # Importing the same file again adds nothing.
        again = other.merge_bookmarks(parse_export(text, f"x.{fmt}"))
        assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
        assert other.bookmark_count() == 2


def test_import_merges_tags_and_keeps_the_newer_note(store: Store) -> None:
    store.bookmark_article(A1, tags=["mine"], note="local note")
    local = store.get_bookmark(A1.id)
    newer = Bookmark(A1.id, A1.title, tags=("theirs",), note="their note",
                     created_at=local.created_at, updated_at=local.updated_at + dt.timedelta(hours=1))
    older = Bookmark(A1.id, A1.title, tags=("old",), note="old note",
                     created_at=local.created_at - dt.timedelta(days=1),
                     updated_at=local.updated_at - dt.timedelta(days=1))
    store.merge_bookmarks([older])
    merged = store.get_bookmark(A1.id)
    assert merged.tags == ("mine", "old") and merged.note == "local note"
    assert merged.created_at == older.created_at  # the earliest bookmark time wins
    store.merge_bookmarks([newer])
    merged = store.get_bookmark(A1.id)
    assert merged.tags == ("mine", "old", "theirs") and merged.note == "their note"
    assert store.bookmark_count() == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("{ not json: [", "not a JSON or YAML bookmarks export"),
        ('{"format": "something-else", "version": 1, "bookmarks": []}', "not a newsreader bookmarks export"),
        ("{}", 'not a newsreader bookmarks export (no "format" key, expected'),  # it said "format is None"
        # A JSON null, a missing or textual version: it said "format is None", "export version
        # None ... upgrade newsreader" (no newer newsreader reads them either).
        ('{"format": null}', "not a newsreader bookmarks export (format is nothing, expected"),
        ('{"format": "newsreader-bookmarks", "bookmarks": []}', 'not a newsreader bookmarks export (no "version" key)'),
        ('{"format": "newsreader-bookmarks", "version": "1", "bookmarks": []}',
         "not a newsreader bookmarks export (version is text, not a whole number)"),
        ('{"format": "newsreader-bookmarks", "version": 99, "bookmarks": []}', "version 99"),
        ('{"format": "newsreader-bookmarks", "version": 1, "bookmarks": {}}', "expected a list"),
        ('[{"title": "no id"}]', "bookmark #1: 'id' must be non-empty text"),
        ('[{"id": "x", "title": "t", "tags": "a,b"}]', "'tags' must be a list"),
        ('[{"id": "x", "title": "t", "date": "yesterday"}]', "'date' must be YYYY-MM-DD"),
        ('[{"id": "x", "title": "t", "created_at": "soon"}]', "'created_at' is not an ISO date-time"),
        ("just a sentence", "expected a list of bookmarks, got text"),
        ("true", "expected a list of bookmarks, got true/false"),  # a bool is an int to Python
        ('["just text"]', "expected a mapping, got text"),
        ('{"format": "newsreader-bookmarks", "version": 1, "bookmarks": {}}', "got a mapping"),
        ("", "empty file"),
        ("  \n", "empty file"),
    ],
)
def test_import_refuses_bad_files_with_one_line(text: str, expected: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_export(text, "bad.json")
    assert expected in caught.value.message and "\n" not in caught.value.message
    assert caught.value.message.startswith("bad.json: ")


def test_import_accepts_yaml_native_dates() -> None:
    text = "- id: x\n  title: T\n  date: 2024-05-06\n  created_at: 2024-05-06T10:00:00Z\n"
    (bookmark,) = parse_export(text, "b.yaml")
    assert bookmark.date == dt.date(2024, 5, 6)
    assert bookmark.created_at == dt.datetime(2024, 5, 6, 10, tzinfo=dt.timezone.utc)


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_bookmarks = st.builds(
    Bookmark,
    article_id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True),
    title=_text,
    source=st.none() | _text,
    date=st.none() | st.dates(),
    created_at=st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1),
                            timezones=st.just(dt.timezone.utc)),
    tags=st.lists(_text, max_size=4).map(normalize_tags),
    note=_text,
)


@settings(max_examples=60, deadline=None)
@given(bookmark=_bookmarks, fmt=st.sampled_from(["json", "yaml"]))
def test_any_bookmark_survives_export_and_import(bookmark: Bookmark, fmt: str) -> None:
    bookmark.updated_at = bookmark.created_at
    (back,) = parse_export(export_bookmarks([bookmark], fmt), f"x.{fmt}")
    assert back == bookmark


@given(st.lists(_text, max_size=6))
def test_normalize_tags_is_idempotent(tags: list[str]) -> None:
    once = normalize_tags(tags)
    assert normalize_tags(once) == once and all(t and t == t.strip() for t in once)


def test_json_export_is_valid_json_and_yaml_is_valid_yaml(store: Store) -> None:
    store.bookmark_article(A1)
    assert json.loads(export_bookmarks(store.list_bookmarks(), "json"))["format"] == "newsreader-bookmarks"
    assert yaml.safe_load(export_bookmarks(store.list_bookmarks(), "yaml"))["version"] == 1
