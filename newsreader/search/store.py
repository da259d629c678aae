"""The article store: one SQLite file beside the Whoosh index.

It holds what the reader shows (list rows, whole articles with their entity and date spans)
and the indexer's bookkeeping (which page files were indexed, with what hash, giving which
article ids, and which ids a story had before its headline was edited: see `renamed`). Keeping bodies here instead of in Whoosh keeps a searcher small (see
bench/README.md); SQLite reads one article by primary key in well under a millisecond.

WAL mode lets readers keep reading the last committed state while the indexer writes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from newsreader.corpus import file_label

STORE_FILE = "articles.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    source TEXT,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_date ON articles(date DESC, id);
CREATE TABLE IF NOT EXISTS pages (
    file TEXT PRIMARY KEY,
    sha1 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS vocab (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS renamed (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL) WITHOUT ROWID;
"""

SORTS = {
    "date": "date DESC, id",
    "date-asc": "date IS NULL, date ASC, id",
    "title": "title COLLATE NOCASE, id",
}


@dataclass(frozen=True)
class Row:
    """What a list row shows."""

    id: str
    title: str
    date: str | None
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "date": self.date, "source": self.source}


@dataclass(frozen=True)
class PageRecord:
    sha1: str
    size: int
    mtime_ns: int
    ids: list[str]

    def same_file(self, st: os.stat_result) -> bool:
        """Is the file as it was when recorded? Its size and modification time, as
        `newsreader index` tells an unchanged page and `articles` an up-to-date index."""
        return self.size == st.st_size and self.mtime_ns == st.st_mtime_ns


def page_key(prefix: str, name: str) -> str:
    """A page file's key in the index's page records: its path under the corpus root
    (`prefix`, ending in a separator) with `/` between folders, else its base name; a name
    that is not UTF-8 as `file_label` writes it (such a name cannot be stored as it is).
    Plain strings, not pathlib: 100,000 `relative_to` calls were most of a run where
    nothing changed. Here, beside the records, not in the indexer: `articles` reads them
    without Whoosh."""
    rel = name[len(prefix):].replace(os.sep, "/") if name.startswith(prefix) else os.path.basename(name)
    return rel if rel.isascii() else file_label(rel)


def encode_doc(doc: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode_doc(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


class ArticleStore:
    """Thread-safe for one writer thread plus any number of reader threads: each thread
    gets its own connection (SQLite connections must not be shared across threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        con = self.connection()
        con.executescript(_SCHEMA)
        con.commit()

    def connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            self._local.con = con
            with self._lock:
                self._all.append(con)
        return con

    def close(self) -> None:
        with self._lock:
            for con in self._all:
                try:
                    con.close()
                except sqlite3.Error:
                    pass
            self._all.clear()
        self._local = threading.local()

    # --- reading ------------------------------------------------------------------

    def count(self) -> int:
        return self.connection().execute("SELECT count(*) FROM articles").fetchone()[0]

    def list_rows(self, offset: int, limit: int, sort: str = "date") -> list[Row]:
        order = SORTS.get(sort)
        if order is None:
            raise ValueError(f"unknown sort {sort!r}")
        cur = self.connection().execute(
            f"SELECT id, title, date, source FROM articles ORDER BY {order} LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [Row(*r) for r in cur]

    def rows(self, ids: Iterable[str]) -> dict[str, Row]:
        ids = list(ids)
        out: dict[str, Row] = {}
        con = self.connection()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in con.execute(f"SELECT id, title, date, source FROM articles WHERE id IN ({marks})", chunk):
                out[r[0]] = Row(*r)
        return out

    def docs(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(ids)
        out: dict[str, dict[str, Any]] = {}
        con = self.connection()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for id_, blob in con.execute(f"SELECT id, data FROM articles WHERE id IN ({marks})", chunk):
                out[id_] = decode_doc(blob)
        return out

    def bodies(self, ids: Iterable[str]) -> dict[str, str]:
        """Article bodies by id (what snippets are cut from)."""
        return {id_: doc["article"]["body"] for id_, doc in self.docs(ids).items()}

    def doc(self, id_: str) -> dict[str, Any] | None:
        row = self.connection().execute("SELECT data FROM articles WHERE id = ?", (id_,)).fetchone()
        return decode_doc(row[0]) if row else None

    def date_bounds(self) -> tuple[str | None, str | None]:
        return self.connection().execute(
            "SELECT min(date), max(date) FROM articles WHERE date IS NOT NULL").fetchone()

    def pages(self) -> dict[str, PageRecord]:
        cur = self.connection().execute("SELECT file, sha1, size, mtime_ns, ids FROM pages")
        return {f: PageRecord(s, z, m, json.loads(i)) for f, s, z, m, i in cur}

    def vocab(self, min_count: int = 1) -> list[tuple[str, int]]:
        """Words (sorted) and how often they occur, for spelling suggestions."""
        cur = self.connection().execute("SELECT word, n FROM vocab WHERE n >= ? ORDER BY word", (min_count,))
        return cur.fetchall()

    def words_starting(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """The `limit` most frequent vocabulary words that start with `prefix` (itself
        included), with how often they occur."""
        cur = self.connection().execute(
            "SELECT word, n FROM vocab WHERE word >= ? AND word < ? ORDER BY n DESC, word LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit))
        return cur.fetchall()

    def renamed(self) -> dict[str, str]:
        """Old article id -> the id the same story has now. An id is made from the page and
        the headline, so editing a headline gives the story a new id; bookmarks and read
        marks (kept by id in the user's store) follow it through this table."""
        return dict(self.connection().execute("SELECT old_id, new_id FROM renamed"))

    def get_meta(self, key: str) -> str | None:
        row = self.connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # --- writing (callers commit) ---------------------------------------------------

    def put_articles(self, rows: Iterable[tuple[str, str, str, str | None, str | None, bytes]]) -> None:
        self.connection().executemany(
            "INSERT OR REPLACE INTO articles (id, file, title, date, source, data) VALUES (?,?,?,?,?,?)", rows)

    def delete_articles(self, ids: Iterable[str]) -> None:
        self.connection().executemany("DELETE FROM articles WHERE id = ?", ((i,) for i in ids))

    def put_page(self, file: str, rec: PageRecord) -> None:
        self.connection().execute(
            "INSERT OR REPLACE INTO pages (file, sha1, size, mtime_ns, ids) VALUES (?,?,?,?,?)",
            (file, rec.sha1, rec.size, rec.mtime_ns, json.dumps(rec.ids)))

    def delete_page(self, file: str) -> None:
        self.connection().execute("DELETE FROM pages WHERE file = ?", (file,))

    def record_renames(self, pairs: Iterable[tuple[str, str]], live: Iterable[str]) -> None:
        """The stories of one re-read page: `live` its ids now, `pairs` (old id, new id) of
        stories whose id changed. A live id is nobody's old id any more (a headline edited
        back, or a new story under a title used before), and older names of a renamed story
        point straight at its newest id."""
        con = self.connection()
        con.executemany("DELETE FROM renamed WHERE old_id = ?", ((i,) for i in live))
        for old, new in pairs:
            con.execute("UPDATE renamed SET new_id = ? WHERE new_id = ?", (new, old))
            con.execute("INSERT OR REPLACE INTO renamed (old_id, new_id) VALUES (?, ?)", (old, new))

    def add_vocab(self, counts: dict[str, int]) -> None:
        self.connection().executemany(
            "INSERT INTO vocab (word, n) VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET n = n + excluded.n",
            counts.items())

    def set_meta(self, key: str, value: str) -> None:
        self.connection().execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def commit(self) -> None:
        self.connection().commit()

    def rollback(self) -> None:
        self.connection().rollback()
