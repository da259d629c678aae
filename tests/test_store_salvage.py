"""A damaged bookmarks store keeps the user's bookmarks: the file is moved aside as before, and
every row that can still be read from it (bookmarks, tags, read marks, saved searches,
settings) goes into the new store. The store used to start empty, so every bookmark vanished
from view over one bad page.

Real damage on a store of many rows: truncation, pages overwritten in the middle, bytes
flipped in one table's pages. The promise checked is the brief's: no row that a plain SELECT
can read from the damaged file (a scan, or a lookup by rowid) is lost, and nothing crashes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from newsreader.store import Store
from newsreader.store.db import Bookmark, normalize_tags

PAGE = 4096
BOOKMARKS = 1500
READ = 1200
SEARCHES = 20
PREFS = 10
TABLES = {
    "bookmarks": ("article_id", "title", "note"),
    "bookmark_tags": ("article_id", "tag"),
    "read_marks": ("article_id",),
    "saved_searches": ("name", "query"),
    "preferences": ("key", "value"),
}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a store of many rows of every kind (checkpointed: all in the main file)."""
    path = tmp_path_factory.mktemp("healthy") / "state.sqlite3"
    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    with Store.open(path) as store:
        store.merge_bookmarks(
            Bookmark(f"story-{i:05d}", f"A headline long enough to fill pages, number {i}",
                     source="The Daily", date=dt.date(2026, 1, 1 + i % 28),
                     created_at=when + dt.timedelta(minutes=i), updated_at=when + dt.timedelta(minutes=i),
                     tags=(f"topic-{i % 7}", f"batch-{i // 100}"), note=f"note {i}: " + "words " * (i % 40))
            for i in range(BOOKMARKS))
        store.mark_read([f"story-{i:05d}" for i in range(0, READ * 2, 2)])
        for i in range(SEARCHES):
            store.save_search(f"search {i}", f"person:someone{i} AND topic{i}")
        for i in range(PREFS):
            store.set_pref(f"pref-{i}", {"value": i, "list": [i] * 3})
    return path.read_bytes()


def _pages_holding(data: bytes, marker: bytes) -> list[int]:
    return [n for n in range(1, len(data) // PAGE) if marker in data[n * PAGE:(n + 1) * PAGE]]


def _truncate(fraction: float):
    def damage(data: bytes) -> bytes:
        return data[: int(len(data) * fraction) // PAGE * PAGE]
    damage.__name__ = f"truncated-to-{fraction}"
    return damage


def _overwrite(first: int, count: int):
    """Pages first..first+count-1 (0 = the file's first page) overwritten with a pattern."""
    def damage(data: bytes) -> bytes:
        out = bytearray(data)
        start = min(first, len(data) // PAGE - count - 1) * PAGE
        out[start: start + count * PAGE] = b"\xde\xad\xbe\xef" * (count * PAGE // 4)
        return bytes(out)
    damage.__name__ = f"pages-{first}-to-{first + count - 1}-overwritten"
    return damage


def _flip(marker: bytes, every: int, stride: int):
    """Bytes flipped (every `stride`-th byte) in every `every`-th page holding `marker`."""
    def damage(data: bytes) -> bytes:
        out = bytearray(data)
        for page in _pages_holding(data, marker)[::every]:
            for i in range(page * PAGE + 100, (page + 1) * PAGE, stride):
                out[i] ^= 0xFF
        return bytes(out)
    damage.__name__ = f"flipped-in-{marker.decode()}-pages-{every}-{stride}"
    return damage


DAMAGE = [
    _truncate(0.25), _truncate(0.5), _truncate(0.8),
    _overwrite(3, 1), _overwrite(10, 3), _overwrite(40, 5), _overwrite(80, 2),
    _flip(b"A headline", 3, 97),  # the bookmarks table's leaf pages
    _flip(b"A headline", 5, 1500),
    _flip(b"topic-", 2, 211),  # the tags' table and index pages
    _flip(b"story-", 4, 13),  # every page naming an article: tables and indexes
]


@contextlib.contextmanager
def _lenient_copy(path: Path) -> Iterator[sqlite3.Connection]:
    """A copy of the damaged file opened with SQLite's lenient schema reading, text read
    whatever its bytes; a read the damage stops ends the block quietly."""
    copy = path.with_name("lenient.sqlite3")
    copy.write_bytes(path.read_bytes())
    db = sqlite3.connect(copy)
    db.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        db.execute("PRAGMA writable_schema = ON")
        yield db
    except sqlite3.DatabaseError:
        pass
    finally:
        db.close()
        copy.unlink()


def _readable(path: Path) -> dict[str, set[tuple]]:
    """Every row of each table that a plain SELECT reads from the damaged file: a whole-table
    scan as far as it goes, and a lookup of each rowid the healthy store had. Read from a
    copy, with SQLite's own lenient schema reading, so it is the most a SELECT could get."""
    found: dict[str, set[tuple]] = {table: set() for table in TABLES}
    with _lenient_copy(path) as db:
        for table, columns in TABLES.items():
            wanted = ", ".join(columns)
            try:
                for row in db.execute(f"SELECT {wanted} FROM {table}"):
                    found[table].add(tuple(row))
            except sqlite3.DatabaseError:
                pass
            for rowid in range(1, BOOKMARKS * 2 + 1):
                try:
                    row = db.execute(f"SELECT {wanted} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
                except sqlite3.DatabaseError:
                    continue
                if row is not None:
                    found[table].add(tuple(row))
    return found


def _twins(path: Path) -> dict[tuple, set[str]]:
    """Rows of bookmarks and read marks (as `_readable` gives them) whose id a flipped byte
    garbled while the key index still has the true id at the same rowid: row -> the true
    ids (two rows may be garbled alike). The rescue keeps such a row once, under the true
    id (it kept it twice: the "ghost" bookmarks, B1)."""
    twins: dict[tuple, set[str]] = {}
    with _lenient_copy(path) as db:
        for table in ("bookmarks", "read_marks"):
            indexed: list[tuple[int, str]] = []
            try:
                for pair in db.execute(f"SELECT rowid, article_id FROM {table} INDEXED BY sqlite_autoindex_{table}_1"):
                    indexed.append(pair)
            except sqlite3.DatabaseError:
                pass
            for rowid, true in indexed:
                wanted = ", ".join(TABLES[table])
                try:
                    row = db.execute(f"SELECT {wanted} FROM {table} NOT INDEXED WHERE rowid = ?", (rowid,)).fetchone()
                except sqlite3.DatabaseError:
                    continue
                if row and row[0] != true and "\ufffd" in row[0] and "\ufffd" not in true:
                    twins.setdefault(tuple(row), set()).add(true)
    return twins


def _kept(store: Store) -> dict[str, set[tuple]]:
    return {
        "bookmarks": {(b.article_id, b.title, b.note) for b in store.list_bookmarks()},
        "bookmark_tags": {(b.article_id, t) for b in store.list_bookmarks() for t in b.tags},
        "read_marks": {(i,) for i in store.read_ids()},
        "saved_searches": {(s.name, s.query) for s in store.list_searches()},
        "preferences": {(k, json.dumps(v)) for k, v in store.prefs().items()},
    }


def _lost(readable: dict[str, set[tuple]], kept: dict[str, set[tuple]],
          twins: dict[tuple, set[str]] | None = None) -> dict[str, list[tuple]]:
    """The readable rows the new store does not have (as the store keeps them: tags
    normalised, names trimmed; rows no store could hold, such as an empty id, left out; a
    row under a garbled id that has a `_twins` true id, under that id)."""
    ids = {row[0] for row in kept["bookmarks"]}
    lost: dict[str, list[tuple]] = {}
    for table, rows in readable.items():
        for row in rows:
            if not all(isinstance(v, str) for v in row) or not row[0].strip():
                continue
            if table in ("bookmarks", "read_marks") and row in (twins or {}):
                if not any((true, *row[1:]) in kept[table] for true in twins[row]):
                    lost.setdefault(table, []).append(row)
                continue
            if table == "bookmark_tags":
                if row[0] not in ids and "\ufffd" in row[0]:
                    continue  # a garbled id of a tag whose bookmark is gone: nobody's bookmark
                tags = normalize_tags([row[1]])
                if not tags:
                    continue
                row = (row[0], tags[0])
            elif table == "saved_searches":
                row = (row[0].strip(), row[1].strip())
                if not all(row):
                    continue
            elif table == "preferences":
                try:
                    row = (row[0], json.dumps(json.loads(row[1])))
                except ValueError:
                    continue
            if table == "bookmarks":
                # Ids garbled alike by the damage are told apart: "story-0071\ufffd (2)".
                present = any((k[0] == row[0] or "\ufffd" in row[0] and k[0].startswith(row[0] + " ("))
                              and (k[1], k[2]) == (row[1] or row[0], row[2]) for k in kept[table])
            else:
                present = row in kept[table]
            if not present:
                lost.setdefault(table, []).append(row)
    return lost


@pytest.mark.parametrize("damage", DAMAGE, ids=[d.__name__ for d in DAMAGE])
def test_no_readable_row_is_lost(tmp_path: Path, healthy: bytes, damage) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(damage(healthy))
    damaged = path.read_bytes()
    readable, twins = _readable(path), _twins(path)

    with Store.open(path) as store:
        assert len(store.notices) == 1, store.notices
        (notice,) = store.notices
        kept = _kept(store)
        count = store.bookmark_count()
        # The new store is whole and usable.
        assert store.integrity_ok()
        store.tag_counts()
        store.add_bookmark("fresh", title="the new store works", tags=["new"])

    assert _lost(readable, kept, twins) == {}
    assert "\n" not in notice and "damaged" in notice and "moved it to state.sqlite3.corrupt-" in notice
    assert (f"rescuing {count} bookmark" in notice) if any(readable.values()) else ("nothing could be rescued" in notice)
    (aside,) = tmp_path.glob("state.sqlite3.corrupt-*[0-9]")
    assert aside.read_bytes() == damaged, "the damaged file is kept as it was"
    with Store.open(path) as store:
        assert store.notices == [] and store.bookmark_count() == count + 1


def test_most_bookmarks_survive_one_bad_page(tmp_path: Path, healthy: bytes) -> None:
    """One leaf page of the bookmarks table overwritten: the rows on it are gone, but their
    tags (other pages) bring those bookmarks back, titled by their ids; the other 1,4xx
    come back whole, and so do the read marks, saved searches and settings."""
    path = tmp_path / "state.sqlite3"
    page = _pages_holding(healthy, b"A headline")[len(_pages_holding(healthy, b"A headline")) // 2]
    path.write_bytes(_overwrite(page, 1)(healthy))
    with Store.open(path) as store:
        assert store.bookmark_count() == BOOKMARKS and f"rescuing {BOOKMARKS} bookmarks" in store.notices[0]
        by_id = [b for b in store.list_bookmarks() if b.title == b.article_id]
        assert 0 < len(by_id) < 40 and all(len(b.tags) == 2 for b in by_id)
        kept = store.get_bookmark("story-00000")
        assert kept.tags == ("batch-0", "topic-0") and kept.note == "note 0: " and kept.source == "The Daily"
        assert len(store.list_searches()) == SEARCHES and store.get_pref("pref-3") == {"value": 3, "list": [3] * 3}
        assert len(store.read_ids()) >= READ - 80


def test_a_tag_whose_bookmark_row_is_lost_brings_the_bookmark_back(tmp_path: Path) -> None:
    """Tags go with their bookmark (ON DELETE CASCADE): a tag row means the bookmark was
    there. Kept, titled by its id until the corpus gives its title (reconcile)."""
    path = tmp_path / "state.sqlite3"
    with Store.open(path) as store:
        for i in range(400):
            store.add_bookmark(f"id-{i}", title=f"title {i} " + "x" * 300, tags=[f"tag-{i}"])
    data = healthy_bytes = path.read_bytes()
    pages = _pages_holding(data, b"title 200 ")
    assert pages
    path.write_bytes(_overwrite(pages[0], 1)(healthy_bytes))
    with Store.open(path) as store:
        back = store.get_bookmark("id-200")
        assert back is not None and back.title == "id-200" and back.tags == ("tag-200",)
        assert store.get_bookmark("id-0").title.startswith("title 0 ")


def test_garbled_values_are_kept_and_shown_safely(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 and times that are not times (bytes flipped in a record)
    must not make the rescued store fail later, when the reader lists it."""
    path = tmp_path / "state.sqlite3"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO bookmarks (article_id, title, created_at, updated_at, note, date) VALUES "
               "('ok', CAST(X'41FF42' AS TEXT), 'not a time', 'nor this', 'note', 'not a date')")
    db.execute("INSERT INTO bookmarks (article_id, title, created_at, updated_at) VALUES "
               "('untitled', '', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')")
    db.execute("INSERT INTO saved_searches VALUES ('s', 'q', 'when')")
    db.execute("INSERT INTO preferences VALUES ('good', '1'), ('bad', '{not json')")
    db.execute("INSERT INTO read_marks VALUES ('r', 'sometime')")
    db.commit()
    db.close()
    # A damaged page elsewhere makes the store "damaged": a table's root of nothing we need.
    data = bytearray(path.read_bytes())
    data += b"\x00" * PAGE * 2
    data[28:32] = (len(data) // PAGE + 40).to_bytes(4, "big")  # a page count the file does not have
    path.write_bytes(bytes(data))
    with Store.open(path) as store:
        if not store.notices:
            pytest.skip("this SQLite does not call the file damaged")
        (ok,) = [b for b in store.list_bookmarks() if b.article_id == "ok"]
        assert ok.title == "A\ufffdB" and ok.note == "note" and ok.date is None
        assert ok.created_at.year >= 2026
        (untitled,) = [b for b in store.list_bookmarks() if b.article_id == "untitled"]
        assert untitled.title == "untitled"
        assert [s.name for s in store.list_searches()] == ["s"]
        assert store.prefs() == {"good": 1} and store.read_ids() == {"r"}


OPEN_DAMAGED = r"""
import sys, time
from pathlib import Path
from typing import Iterator
from newsreader.store import Store
start = float(sys.argv[2])
while time.time() < start:
    pass
store = Store.open(Path(sys.argv[1]))
print(store.bookmark_count(), repr(store.notices))
store.close()
"""


def test_two_copies_finding_the_damage_together_both_open_and_lose_nothing(tmp_path: Path, healthy: bytes) -> None:
    """Both copies find the file damaged at the same moment: one moves it aside and rescues
    it while the other waits, then opens the new store. Without the wait, the second copy
    moved the first one's new store aside as "the damaged file" (rescued rows and all: the
    user saw an empty store), or failed with "disk I/O error". One file aside."""
    damaged = _overwrite(10, 3)(healthy)
    for round_ in range(4):
        path = tmp_path / str(round_) / "state.sqlite3"
        path.parent.mkdir()
        path.write_bytes(damaged)
        start = str(time.time() + 1.5)
        runs = [subprocess.Popen([sys.executable, "-c", OPEN_DAMAGED, str(path), start], text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        results = [run.communicate(timeout=300) for run in runs]
        assert all(run.returncode == 0 for run in runs), results
        assert len(list(path.parent.glob("state.sqlite3.corrupt-*[0-9]"))) == 1, results
        with Store.open(path) as store:
            assert store.notices == []
            count = store.bookmark_count()
            assert count > BOOKMARKS // 2
            assert any(f"rescuing {count} bookmarks" in out for out, _ in results), results


WAIT_FOR_REPAIR = r"""
import sys
from pathlib import Path
from typing import Iterator
import newsreader.store.db as db
real = db._repair_lock
def traced(path, timeout):
    print("damage found", flush=True)
    return real(path, timeout)
db._repair_lock = traced
store = db.Store.open(Path(sys.argv[1]))
print(store.bookmark_count(), repr(store.notices), flush=True)
"""


def test_a_copy_that_found_the_damage_waits_for_the_repair_under_way(tmp_path: Path) -> None:
    """The race above, made certain: a copy finds the store damaged while another copy (here,
    the test) holds the repair lock and puts a repaired store in place. It must look again
    when it gets the lock, and open the repaired store: it moved the repaired store aside as
    "the damaged file" before, hiding every rescued bookmark."""
    import fcntl
    import os

    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not a database\n" * 500)
    repaired = tmp_path / "repaired.sqlite3"
    with Store.open(repaired) as store:
        store.add_bookmark("rescued", title="a rescued bookmark")
    lock = os.open(path.with_name(path.name + ".repair-lock"), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)
    run = subprocess.Popen([sys.executable, "-c", WAIT_FOR_REPAIR, str(path)], text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert run.stdout.readline() == "damage found\n"
        os.replace(path, tmp_path / "state.sqlite3.corrupt-by-the-other-copy")
        os.replace(repaired, path)
    finally:
        os.close(lock)
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert out == "1 []\n"
    assert sorted(p.name for p in tmp_path.glob("state.sqlite3.corrupt-*")) == ["state.sqlite3.corrupt-by-the-other-copy"]


def test_a_damaged_store_that_cannot_be_moved_aside_still_shows_what_can_be_read(
        tmp_path: Path, healthy: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader then runs on an in-memory store (nothing saved): it was seeded with a
    page-for-page copy of the damaged file, which failed on the first damaged page read
    (or held nothing when SQLite refused the file), so the user saw no bookmarks."""
    import os

    path = tmp_path / "state.sqlite3"
    path.write_bytes(_overwrite(10, 3)(healthy))
    readable = _readable(path)

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with Store.open(path, readonly_ok=True) as store:
        assert not store.persistent and "could not be moved aside" in store.notices[-1]
        assert store.integrity_ok()
        assert _lost(readable, _kept(store)) == {}
        assert store.bookmark_count() > BOOKMARKS // 2
    assert path.read_bytes() == _overwrite(10, 3)(healthy)


def test_a_rescue_stopped_midway_is_finished_at_the_next_open(tmp_path: Path, healthy: bytes,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The new, empty store is in place before the rows go in: a copy killed meanwhile (here: the rescue raises
    as a kill would end it) left a healthy empty store that the next start opened silently (review RV11). The
    next open finishes the rescue from the damaged file and says so; an open after that says nothing more."""
    from newsreader.store import db as db_mod

    path = tmp_path / "state.sqlite3"
    path.write_bytes(_truncate(0.5)(healthy))

    def killed(aside, db):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(db_mod, "_salvage", killed)
        with pytest.raises(KeyboardInterrupt):
            Store.open(path)
    assert db_mod._rescue_marker(path).exists()
    with Store.open(path) as store:
        assert store.bookmark_count() > BOOKMARKS // 3
        assert len(store.notices) == 1 and "had stopped before its end; finished it, rescuing" in store.notices[0]
    assert not db_mod._rescue_marker(path).exists()
    with Store.open(path) as store:
        assert store.notices == [] and store.bookmark_count() > BOOKMARKS // 3


def test_a_marker_naming_no_damaged_file_beside_the_store_is_ignored(tmp_path: Path) -> None:
    from newsreader.store import db as db_mod

    path = tmp_path / "state.sqlite3"
    Store.open(path).close()
    db_mod._rescue_marker(path).write_text("../../etc/passwd", encoding="utf-8")
    with Store.open(path) as store:
        assert store.notices == [] and store.bookmark_count() == 0
    assert not db_mod._rescue_marker(path).exists()
