"""The bookmarks and reading-state store: one SQLite file in the user's data folder.

Users trust this file with things they cannot rebuild (unlike the index), and they open two
copies of the app at once (two SSH sessions). So: WAL mode and a busy timeout let the copies
wait for each other instead of failing; every write is one short `BEGIN IMMEDIATE`
transaction, so a read-modify-write never interleaves with the other copy's; `synchronous
= FULL` means an acknowledged write survives even a power cut; `PRAGMA user_version` plus
an ordered migration list lets later versions change the schema without losing data.

A store that cannot be used never stops the reader: a damaged file is moved aside (never
overwritten) and a fresh one started with every row that could still be read from it, and
a folder we cannot write gives an in-memory store holding a copy of whatever could still be
read. Either way `Store.notices` says what
happened, in one line each, for the caller to show.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from newsreader.errors import UserError, counted, iso_date, iso_datetime, printable, value_kind
from newsreader.fileio import flock_within

#: SQLite result codes that mean "this file is damaged", as opposed to "cannot open it".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

#: How long a write waits for the other copy of the app before giving up.
DEFAULT_TIMEOUT = 15.0
#: How long a write waits for the other copy's lock before `Store.waiting` is told (the
#: reader says so in its status line: 15 s of nothing looked like a hang).
WAIT_SAID = 1.0
#: A write waiting past `WAIT_SAID` tries again in slices this long, so that `stop_waiting`
#: (the reader quitting) ends it: SQLite's busy wait cannot be cut short (not even by
#: `Connection.interrupt`), and a quit waited up to 15 s with the screen gone.
WAIT_SLICE = 0.2

#: Between two notes kept as one (two copies of the app changed it, a renamed story's
#: bookmark merged into another): on one line, as the bookmark editor shows a note in a
#: one-line field (a blank line between them spilled the rest over the field's border).
NOTE_JOIN = " | "

#: The longest byline an import keeps: a longer one is left out as an odd value (as an address over the
#: corpus's MAX_URL is). The corpus reads a byline from a line of at most 160 characters; a file edited by
#: hand or by a script could hold megabytes, which went out again through every export.
MAX_BYLINE = 500


# --- records -------------------------------------------------------------------------


@dataclass
class Bookmark:
    """A saved story. Title, source, date, web address (`url`) and byline are copied from
    the article at bookmark time, and refreshed whenever the corpus has it, so the bookmark
    can still be cited and found again after the article leaves the corpus (`url`: "" when
    its page states none, None when not known: a bookmark made before the store kept it, or
    from an export without it, whose story has not been seen since); `missing`
    says whether it was absent from the corpus of the store's last `reconcile` (that copy
    of the app's corpus: False before it has reconciled). None is "not known": what
    `bookmarks list` says of a bookmark no check of its corpus has seen, when it cannot
    read the corpus (`Store.last_marks`)."""

    article_id: str
    title: str
    source: str | None = None
    date: dt.date | None = None
    created_at: dt.datetime = field(default_factory=lambda: _now())
    updated_at: dt.datetime = field(default_factory=lambda: _now())
    tags: tuple[str, ...] = ()
    note: str = ""
    missing: bool | None = False
    url: str | None = None
    byline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The export shape (JSON and YAML) but for the story's `url` and `byline`, which the
        export puts after its date from the corpus when the story is there
        (`export.bookmark_record`); `from_dict` reads it back, those two included."""
        return {
            "id": self.article_id,
            "title": self.title,
            "source": self.source,
            "date": self.date.isoformat() if self.date else None,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "tags": list(self.tags),
            "note": self.note,
            "missing": self.missing,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], said: ImportNotes | None = None) -> "Bookmark":
        """Parse one exported record; raise ValueError naming the bad field (`IdNotText` for an id that is not
        text UTF-8 can hold: it names no story, and cleaned it could name another record's). What it cleans
        or leaves out is counted in `said`."""
        if not isinstance(data, Mapping):
            raise ValueError(f"expected a mapping, got {value_kind(data)}")
        article_id = data.get("id")
        if not isinstance(article_id, str) or not article_id.strip():
            raise ValueError("'id' must be non-empty text")
        clean_id = _utf8(article_id)
        if clean_id.count("\ufffd") > article_id.count("\ufffd"):  # (a YAML pair joined is text)
            raise IdNotText(article_id)
        said = said if said is not None else ImportNotes()
        title = data.get("title")
        if not isinstance(title, str):
            raise ValueError(f"bookmark {article_id!r}: 'title' must be text")
        source = data.get("source")
        if source is not None and not isinstance(source, str):
            raise ValueError(f"bookmark {article_id!r}: 'source' must be text or null")
        note = data.get("note") or ""
        if not isinstance(note, str):
            raise ValueError(f"bookmark {article_id!r}: 'note' must be text")
        tags = data.get("tags") or []
        if isinstance(tags, str) or not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError(f"bookmark {article_id!r}: 'tags' must be a list of text")
        # (text the store can write, every field: a lone surrogate was a traceback, `_utf8`)
        article_id, title, note, tags = clean_id, said.utf8(title), said.utf8(note), [said.utf8(t) for t in tags]
        source = said.utf8(source) if source is not None else None
        # The story's address and byline, kept to cite it: an odd value (not text, not a story's
        # address) is left out rather than refused, as `missing` is, so an edited file still imports.
        given = url = data.get("url")
        if isinstance(url, str) and url:
            from newsreader.corpus.parser import story_url

            url = story_url(url, labelled=False)  # (the corpus's one gate for an address)
        elif url != "":
            url = None
        said.urls_left_out += url is None and given is not None
        given = byline = data.get("byline")
        byline = said.utf8(byline).strip() or None if isinstance(byline, str) else None
        if byline is not None and len(byline) > MAX_BYLINE:
            byline = None
        said.bylines_left_out += byline is None and given is not None and not (isinstance(given, str)
                                                                               and not given.strip())
        now = _now()
        created = _parse_datetime(data.get("created_at"), article_id, "created_at") or now
        updated = _parse_datetime(data.get("updated_at"), article_id, "updated_at") or created
        return cls(
            article_id=article_id.strip(),
            title=title,
            source=source,
            date=_parse_date(data.get("date"), article_id),
            created_at=created,
            updated_at=updated,
            tags=normalize_tags(tags),
            note=note,
            missing=bool(data.get("missing", False)),
            url=url,
            byline=byline,
        )


@dataclass
class SavedSearch:
    """A named query the reader can run with one key."""

    name: str
    query: str
    created_at: dt.datetime = field(default_factory=lambda: _now())


@dataclass
class Counts:
    """What the reader's status line shows."""

    unread: int
    bookmarks: int
    missing: int


class IdNotText(ValueError):
    """An imported record's id holds text UTF-8 cannot hold (a lone surrogate): no story's id (a page's text is
    UTF-8), and with U+FFFD in its place it could be another record's id, merging two records into one."""

    def __init__(self, article_id: str) -> None:
        super().__init__(f"'id' is not UTF-8 text ({printable(article_id)})")
        self.article_id = article_id


@dataclass
class ImportNotes:
    """What reading an import cleaned or left out, for its one line on stderr: values whose text UTF-8 cannot hold
    (written with U+FFFD), addresses and bylines left out (no story's address, too long), and the positions of
    the records left out for an id that is not text (`IdNotText`)."""

    cleaned: int = 0
    urls_left_out: int = 0
    bylines_left_out: int = 0
    skipped: list[int] = field(default_factory=list)

    def utf8(self, text: str) -> str:
        """`_utf8`, counted when a character had to become U+FFFD (a YAML pair joined is not counted)."""
        clean = _utf8(text)
        self.cleaned += clean.count("\ufffd") > text.count("\ufffd")
        return clean

    def said(self) -> str | None:
        """The one line, None when there is nothing to say."""
        parts = []
        if self.skipped:
            where = ", ".join(f"#{n}" for n in self.skipped[:5]) + (", ..." if len(self.skipped) > 5 else "")
            parts.append(f"{counted(len(self.skipped), 'bookmark')} left out ({where}): an id that is not UTF-8 text "
                         "names no story")
        if self.cleaned:
            parts.append(f"{counted(self.cleaned, 'value')} held text that is not UTF-8, imported with U+FFFD in "
                         "its place")
        dropped = [counted(n, word) for n, word in ((self.urls_left_out, "url"), (self.bylines_left_out, "byline"))
                   if n]
        if dropped:
            parts.append(f"{' and '.join(dropped)} left out (not a story's address, or a byline over {MAX_BYLINE} "
                         "characters)")
        return "; ".join(parts) or None


@dataclass
class MergeResult:
    """What an import did, for the one-line summary."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


# --- small helpers -------------------------------------------------------------------


def _utf8(text: str) -> str:
    """`text` as UTF-8 can hold it, so the store can write it: an imported file's escapes may give a lone
    surrogate (half of a UTF-16 pair a tool cut: U+FFFD, as a decoder writes for a bad byte) or, in YAML,
    which leaves an escaped pair apart where JSON joins it ("\\ud83d\\ude00"), a pair: joined into its
    character. Other text as it is."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _now() -> dt.datetime:
    # Microseconds kept: "newest first" and "newer note wins" need to tell apart two
    # changes made within one second (a quick `b`, then an edit).
    return dt.datetime.now(dt.timezone.utc)


def _iso(value: dt.datetime) -> str:
    # Fixed width, so SQL's text ORDER BY is time order.
    return value.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def _parse_datetime(value: Any, article_id: str, key: str) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # YAML parses timestamps itself
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = iso_datetime(value)  # Z, +HHMM: read on Python 3.10 too
        except ValueError:
            raise ValueError(f"bookmark {article_id!r}: {key!r} is not an ISO date-time: {value!r}") from None
    else:
        raise ValueError(f"bookmark {article_id!r}: {key!r} must be an ISO date-time")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc)


def _parse_date(value: Any, article_id: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):  # YAML turns 2024-01-02 into a date
        return value
    if isinstance(value, str):
        try:
            return iso_date(value)
        except ValueError:
            pass
    raise ValueError(f"bookmark {article_id!r}: 'date' must be YYYY-MM-DD or null, got {value!r}")


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Lower case, trimmed, inner spaces collapsed, sorted and unique: so "Politics " and
    "politics" are one tag and the tag filter finds both."""
    clean = {" ".join(str(t).split()).lower() for t in tags}
    clean.discard("")
    return tuple(sorted(clean))


def _citation(article: Any) -> tuple[str | None, str | None]:
    """The story's web address ("" when its page states none) and byline as the store keeps
    them, from anything shaped like `corpus.model.Article`; (None, None) from one that carries
    no address (a list row): not known, so the stored ones stay."""
    url = getattr(article, "url", None)
    return (None if url is None else url or ""), (getattr(article, "byline", None) or None)


def _kept_url(first: str | None, second: str | None) -> str | None:
    """Of two web addresses for one story, the one a bookmark keeps: `first` when it names one,
    else `second` when it does, else what is known ("" when the page states none, over None: not
    known). So a copy of the page that states no address (another corpus's, a converter's that
    dropped the `Source:` line) never wipes the address a bookmark kept, and a new one replaces it."""
    if first or second:
        return first or second
    return first if first is not None else second


def _not_utf8(exc: UnicodeEncodeError) -> UserError:
    """One line for text the store cannot hold, given to a command (a tag, a note, an id): a byte of a
    terminal or a file that is not UTF-8, which Python keeps as a lone surrogate ('\\udcff' for 0xff)."""
    text = exc.object if isinstance(exc.object, str) else ""
    bad = printable(text[exc.start:exc.end])
    shown = printable(text[:60]) + ("..." if len(text) > 60 else "")
    return UserError(f'not UTF-8 text: {bad} in "{shown}"; give it as UTF-8 (is the terminal\'s encoding UTF-8?)')


def _load_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _load_datetime(text: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    # SQLite caps the number of `?` in one statement; stay far below it.
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- schema --------------------------------------------------------------------------


def _forget_marks(db: sqlite3.Connection, article_ids: list[str]) -> None:
    """Drop every corpus's saved mark of these bookmarks (`last_marks`): one just added,
    removed or renamed is not what any earlier check saw."""
    db.executemany("DELETE FROM corpus_marks WHERE article_id = ?", [(i,) for i in article_ids])


@contextmanager
def _immediate(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on the bare connection (`_migrate`, before a `Store` holds it): BEGIN
    IMMEDIATE, committed at the end, rolled back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """`executescript` would commit the migration's transaction first; run one by one."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migrate_to_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE bookmarks (
            article_id TEXT PRIMARY KEY,
            title      TEXT NOT NULL,
            source     TEXT,
            date       TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            note       TEXT NOT NULL DEFAULT '',
            missing    INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE bookmark_tags (
            article_id TEXT NOT NULL REFERENCES bookmarks(article_id) ON DELETE CASCADE,
            tag        TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        );
        CREATE INDEX bookmark_tags_by_tag ON bookmark_tags(tag);
        CREATE TABLE read_marks (
            article_id TEXT PRIMARY KEY,
            read_at    TEXT NOT NULL
        );
        CREATE TABLE saved_searches (
            name       TEXT PRIMARY KEY,
            query      TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE preferences (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def _add_corpus_marks(db: sqlite3.Connection) -> None:
    """The "not in the corpus now" marks of each corpus's last check (`reconcile` with a
    corpus key), so that `bookmarks list` can show them when it cannot read the corpus (a
    missing folder, an index being rebuilt). Per corpus: bookmarks' old `missing` column
    was one flag shared by every corpus, and is no longer read. A bookmark with no row was
    not seen by that corpus's last check (added since, or renamed): unknown.

    Added without raising the schema version: the table only adds to what the store says,
    and the newsreader before it refuses a store of a newer version (the reader then shows
    no bookmarks), so a user going back a version would lose sight of every bookmark. That
    older code ignores the table; a bookmark it removes leaves a mark behind, which the
    next check of that corpus replaces."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'corpus_marks'").fetchone():
        return
    with _immediate(db):
        _run_script(
            db,
            """
            CREATE TABLE IF NOT EXISTS corpus_marks (
                corpus     TEXT NOT NULL,
                article_id TEXT NOT NULL,
                missing    INTEGER NOT NULL,
                checked_at TEXT NOT NULL,
                PRIMARY KEY (corpus, article_id)
            );
            CREATE INDEX IF NOT EXISTS corpus_marks_by_article ON corpus_marks(article_id)
            """
        )


#: The bookmarks' columns `_add_citation_columns` adds: what a user needs to cite or find a story
#: again once it has left the corpus, beside the title, source and date kept from the start.
CITATION_COLUMNS = ("url", "byline")


def _add_citation_columns(db: sqlite3.Connection) -> None:
    """Each bookmark's story's web address (`url`) and byline, copied from the article as its
    title is, so that a bookmark whose story left the corpus (the page moved or deleted, the
    index rebuilt from another folder) still says where to find it and whom to cite. NULL:
    not known (a bookmark made before them, until its story is seen again).

    Added without raising the schema version, as `_add_corpus_marks` is and for its reason:
    the newsreader before them refuses a store of a newer version, and would show no
    bookmarks. That older code names the columns it writes and reads rows by name, so it
    leaves these alone (a bookmark it makes or moves has none until the corpus gives them).
    The columns are looked for again inside the write lock: two copies of the app opening an
    old store at once add them once."""
    def missing() -> list[str]:
        have = {row[1] for row in db.execute("PRAGMA table_info(bookmarks)")}
        return [column for column in CITATION_COLUMNS if column not in have]

    if not missing():
        return
    with _immediate(db):
        for column in missing():
            db.execute(f"ALTER TABLE bookmarks ADD COLUMN {column} TEXT")


#: Migration i takes the schema from version i to i + 1. Append only; never edit one that
#: has shipped, since users' files were built by it.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1]
SCHEMA_VERSION = len(MIGRATIONS)


class _Damaged(Exception):
    """The file is not a usable store (corrupt, not SQLite, or someone else's database)."""


# --- the store -----------------------------------------------------------------------


class Store:
    """Bookmarks, read marks, saved searches and preferences for one user.

    Open with `Store.open`. Every method is one short transaction, so two copies of the app
    can share the file; callers should re-query rather than cache, to see the other copy's
    changes. Safe to call from worker threads (one lock around the connection)."""

    def __init__(self, db: sqlite3.Connection, path: Path | None, notices: list[str] | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self._db = db
        self._lock = threading.RLock()
        self._timeout = timeout
        #: The file behind the store, or None when changes are not being saved.
        self.path = path
        #: One line each about anything the user should know (damage, unsaved changes).
        self.notices: list[str] = list(notices or [])
        #: Notices from after the opening (`take_notices`): the file was replaced meanwhile.
        self._news: list[str] = []
        #: Which file `_db` has open (device, inode), to notice another copy replacing it
        #: (`_follow_file`); and the changes SQLite's data_version does not count (`changes`):
        #: this object's own commits and its reopenings, one count (both only grow).
        self._file = _file_id(path)
        self._own_changes = 0
        #: Bookmarked ids absent from the corpus at this store's last `reconcile`: kept here,
        #: not in the file, because the file is shared by copies of the app reading other
        #: corpora (`bookmarks list --corpus OTHER` marked every bookmark of the reader's
        #: corpus "not in the corpus now" for the reader, until its next reconcile).
        self._missing: set[str] = set()
        #: Told True when a write has waited `WAIT_SAID` for another copy's write lock, and
        #: False once the wait is over (either way); from the thread that writes.
        self.waiting: Callable[[bool], None] | None = None
        #: Set by `stop_waiting`: a write waiting for another copy's lock gives up (not saved).
        self._stop = threading.Event()
        #: Set by `give_up`, cleared by `end_give_up`: the same, for the writes of one wait only
        #: (the reader's second quit key during it); the writes after it wait as they should.
        self._give_up = threading.Event()
        #: Writes given up that way (`run_reader` says they were not saved).
        self.given_up = 0

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, readonly_ok: bool = False, timeout: float = DEFAULT_TIMEOUT) -> "Store":
        """Open or create the store at `path`.

        A damaged file is moved aside to `<name>.corrupt-<time>` and a new store started,
        holding whatever could still be read from it (`_salvage`), with a notice. If the
        store cannot be written (read-only or missing folder, file from a newer newsreader,
        locked for too long), raise `UserError`, or with `readonly_ok` return an in-memory
        store holding what could be read, with a notice that changes will not be saved:
        the reader opens either way."""
        path = Path(path)
        notices: list[str] = []
        try:
            try:
                db = cls._connect(path, timeout)
            except _Damaged:
                with _repair_lock(path, timeout):
                    try:  # another copy of the app may have repaired it while this one waited
                        db = cls._connect(path, timeout)
                    except _Damaged as exc:
                        aside = _move_aside(path)
                        if aside is not None:
                            _rescue_marker(path).write_text(aside.name, encoding="utf-8")
                        db = cls._connect(path, timeout)
                        rescued = _salvage(aside, db) if aside is not None else {}
                        _rescue_marker(path).unlink(missing_ok=True)
                        notices.append(
                            f"the bookmarks store {path} was damaged ({exc}); moved it to "
                            f"{aside.name if aside else 'a file beside it'} and started a new one, "
                            f"{_rescued_words(rescued)}"
                        )
            if _rescue_marker(path).exists():
                notices.extend(_finish_rescue(path, db, timeout))
        except UserError as exc:
            if not readonly_ok:
                raise
            return cls._degraded(path, exc.message, notices)
        return cls(db, path, notices, timeout)

    @classmethod
    def in_memory(cls, notice: str | None = None) -> "Store":
        """A store that keeps nothing: for tests and for the degraded reader."""
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _prepare(db)
        _migrate(db, "memory")
        return cls(db, None, [notice] if notice else [])

    @property
    def persistent(self) -> bool:
        """False when changes are not being saved (see `notices` for why)."""
        return self.path is not None

    @staticmethod
    def _connect(path: Path, timeout: float) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                f"cannot create the data folder {path.parent} ({exc.strerror or exc}); "
                "bookmarks and read marks cannot be saved there"
            ) from None
        _probe(path, timeout)
        # SQLite answers SQLITE_BUSY at once, without waiting on the busy timeout, where
        # waiting could deadlock: two copies creating the store together both switch it to
        # WAL. Such an open is tried again, with a random pause, until the timeout is spent.
        deadline = time.monotonic() + timeout
        while True:
            try:
                db = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
            except sqlite3.Error as exc:
                raise _open_error(path, exc) from None
            try:
                _prepare(db, timeout)
                _check(db)
                _migrate(db, str(path))
                return db
            except _Damaged:
                db.close()
                raise
            except sqlite3.DatabaseError as exc:
                db.close()
                if _is_damaged(exc):
                    raise _Damaged(str(exc)) from None
                if _is_busy(exc) and time.monotonic() < deadline:
                    time.sleep(random.uniform(0.01, 0.1))
                    continue
                raise _open_error(path, exc) from None
            except BaseException:
                db.close()
                raise

    @classmethod
    def _degraded(cls, path: Path, reason: str, notices: list[str]) -> "Store":
        """An in-memory store seeded with a read-only copy of the file, when it is readable,
        so the user still sees their bookmarks while nothing can be saved. A damaged file
        (one that could not be moved aside) copies damaged: then what `_salvage` can read
        of it instead."""
        store = cls.in_memory()
        store.notices = notices + [f"bookmarks will not be saved: {reason}"]
        if not path.is_file():
            return store
        for uri in (f"{path.resolve().as_uri()}?mode=ro", f"{path.resolve().as_uri()}?immutable=1"):
            try:
                src = sqlite3.connect(uri, uri=True)
                try:
                    version = src.execute("PRAGMA user_version").fetchone()[0]
                    if 0 < version <= SCHEMA_VERSION:
                        src.backup(store._db)
                        _check(store._db)
                        _migrate(store._db, "memory")
                        return store
                    if version == 0:
                        return store
                finally:
                    src.close()
            except (sqlite3.Error, _Damaged):
                continue
        store._db.close()
        store._db = cls.in_memory()._db
        _salvage(path, store._db)
        return store

    def close(self) -> None:
        # (Closing a connection to a file another copy moved aside is safe: SQLite sees the
        # move and leaves the -wal and -shm now at the old names, the new store's, alone.)
        with self._lock:
            self._db.close()

    def _follow_file(self) -> None:
        """Reopen the store if its file was replaced since it was opened: another copy of the
        app found it damaged and moved it aside (`_move_aside`), starting a new one. The
        connection held here still reads and writes the moved file, so read marks and
        bookmarks went there, out of sight ("database disk image is malformed" at best).
        One stat, before each write and each read (the reader's look at the store every few
        seconds is reads): microseconds against a query's tens. Called with `_lock` held."""
        if self.path is None or _file_id(self.path) == self._file:
            return
        # A repair under way holds its lock from the move to the end of the rescue: the new
        # file is whole once it is free. (Waited for, not held: `open` may take it itself.)
        with _repair_lock(self.path, self._timeout):
            pass
        fresh = Store.open(self.path, timeout=self._timeout)  # raises UserError: the write fails
        old, self._db, self._file = self._db, fresh._db, fresh._file
        self._own_changes += 1
        old.close()
        self._news.append(
            f"the bookmarks store {self.path} was replaced while this newsreader had it open (most likely "
            "another copy found it damaged and started a new one); it uses the new file now")
        self._news.extend(fresh.notices)

    def take_notices(self) -> list[str]:
        """Notices since the last call, for the reader to show once: the store's file was
        replaced by another copy and reopened (`_follow_file`)."""
        with self._lock:
            news, self._news = self._news, []
            return news

    def changes(self, *, wait: bool = True) -> tuple[int, int] | None:
        """A value that differs whenever the store's contents may have changed since it was
        last taken: a commit by another connection (SQLite's `data_version`), by this object,
        or a reopened file. For a screen to re-read its rows only then; cheap (no table read).
        `wait=False`: None at once when another thread holds the store (a write waiting for
        another copy's lock, up to 15 s): the bookmarks screen's look, on the reader's main
        thread, froze it until that write ended."""
        if not self._lock.acquire(blocking=wait):
            return None
        try:
            self._follow_file()
            try:
                version = self._db.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                raise self._write_error(exc) from None
            return version, self._own_changes
        finally:
            self._lock.release()

    def stop_waiting(self) -> None:
        """A write waiting for another copy's lock gives up within `WAIT_SLICE` (it raises
        `UserError`; `given_up` counts it), as does any later one that waits past `WAIT_SAID`:
        the reader is quitting, and its process waited for that write, up to 15 s, with the
        screen already gone."""
        self._stop.set()

    def give_up(self) -> None:
        """The write waiting for another copy's lock now gives up within `WAIT_SLICE` (it raises
        `UserError`; `given_up` counts it), and any write begun after it fails at once, until
        `end_give_up`: the writes of one wait, not every later one. `stop_waiting` was the only
        way, and it stayed set: a quit key that did not quit made every later wait past
        `WAIT_SAID` lose its change, said as "when the reader quit"."""
        self._give_up.set()

    def end_give_up(self) -> None:
        """Writes wait again for another copy's lock (after `give_up`): the reader calls it in
        its writing thread after the writes queued when it gave up."""
        self._give_up.clear()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction. IMMEDIATE takes the write lock up front, so a
        read-then-write cannot deadlock with the other copy of the app (a deferred
        transaction that reads first gets SQLITE_BUSY at once when it tries to write)."""
        with self._lock:
            self._follow_file()
            try:
                self._begin()
            except sqlite3.OperationalError as exc:
                raise self._write_error(exc) from None
            try:
                yield self._db
                self._db.execute("COMMIT")
                self._own_changes += 1
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
                    raise self._write_error(exc) from None
                if isinstance(exc, UnicodeEncodeError):
                    raise _not_utf8(exc) from None
                raise

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting up to the timeout for another copy's write lock; with
        `waiting` set, the wait is first `WAIT_SAID` long, and a longer one is told to it
        (True, then False when it ends). SQLite has no hook in its busy wait: the timeout is
        set low for the first try, then to what is left (two pragmas: microseconds)."""
        if self._stop.is_set() or self._give_up.is_set():
            # Writes queued behind a given-up one fail at once: each waited `WAIT_SAID` first.
            raise self._gave_up()
        if self.waiting is None or self._timeout <= WAIT_SAID:
            self._db.execute("BEGIN IMMEDIATE")
            return
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {int(WAIT_SAID * 1000)}")
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
            self.waiting(True)
            try:
                self._begin_in_slices(time.monotonic() + self._timeout - WAIT_SAID)
            finally:
                self.waiting(False)
        finally:
            db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")

    def _begin_in_slices(self, deadline: float) -> None:
        """BEGIN IMMEDIATE tried again every `WAIT_SLICE` until `deadline` (then SQLite's busy
        error, as one wait gave), or until `stop_waiting` or `give_up` (then a `UserError`)."""
        db = self._db
        while True:
            if self._stop.is_set() or self._give_up.is_set():
                raise self._gave_up()
            left = deadline - time.monotonic()
            db.execute(f"PRAGMA busy_timeout = {max(1, int(min(left, WAIT_SLICE) * 1000))}")
            try:
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise

    def _gave_up(self) -> UserError:
        """The error of a write that `stop_waiting` or `give_up` stopped (counted in `given_up`)."""
        self.given_up += 1
        return UserError(f"the bookmarks store {self.path} was busy (another newsreader is writing) "
                         "when the reader quit; the change was not saved")

    def _write_error(self, exc: sqlite3.Error) -> UserError:
        """Errors after a good open: the other copy held the lock too long, the disk filled
        up, or the file was damaged meanwhile. One line for the user either way."""
        text = str(exc)
        if "locked" in text or "busy" in text:
            return UserError(
                f"the bookmarks store {self.path} stayed busy (another newsreader is writing); "
                "try again"
            )
        if _is_damaged(exc):
            return UserError(
                f"the bookmarks store {self.path} is damaged ({text}); restart newsreader to "
                "move it aside and start a new one"
            )
        return UserError(f"cannot use the bookmarks store {self.path}: {text}")

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._reading() as db:
            return db.execute(sql, tuple(params)).fetchall()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for reads, their errors as one line (`_write_error`, `_not_utf8`)."""
        with self._lock:
            self._follow_file()
            try:
                yield self._db
            except sqlite3.DatabaseError as exc:
                raise self._write_error(exc) from None
            except UnicodeEncodeError as exc:
                raise _not_utf8(exc) from None

    # -- bookmarks ----------------------------------------------------------------------

    def add_bookmark(
        self,
        article_id: str,
        *,
        title: str,
        source: str | None = None,
        date: dt.date | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        url: str | None = None,
        byline: str | None = None,
    ) -> Bookmark:
        """Bookmark a story, or refresh an existing bookmark: tags are added to the ones it
        has, the note replaced only when given, the bookmark time kept; the story's `url`
        ("" when its page states none) and `byline` replace the stored ones when they name one
        (None: the caller does not know them; "" or None never wipe kept ones, `_kept_url`)."""
        now = _iso(_now())
        with self._write() as db:
            db.execute(
                """INSERT INTO bookmarks (article_id, title, source, date, created_at, updated_at, note, url, byline)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET
                       title = excluded.title, source = excluded.source, date = excluded.date,
                       updated_at = excluded.updated_at,
                       note = CASE WHEN ? THEN excluded.note ELSE note END,
                       url = CASE WHEN excluded.url <> '' THEN excluded.url ELSE coalesce(url, excluded.url) END,
                       byline = CASE WHEN excluded.byline <> '' THEN excluded.byline ELSE byline END""",
                (article_id, title, source, date.isoformat() if date else None, now, now,
                 note or "", url, byline, note is not None),
            )
            self._add_tags(db, article_id, tags)
            self._missing.discard(article_id)  # (the caller has the article)
            _forget_marks(db, [article_id])  # (in its corpus; the others are not known)
            return self._get(db, article_id)  # type: ignore[return-value]

    def bookmark_article(self, article: Any, *, tags: Iterable[str] = (), note: str | None = None) -> Bookmark:
        """`add_bookmark` from anything shaped like `corpus.model.Article` (its `url` and
        `byline` kept when it has them: a list row has neither)."""
        url, byline = _citation(article)
        return self.add_bookmark(
            article.id, title=article.title, source=article.source, date=article.date,
            tags=tags, note=note, url=url, byline=byline,
        )

    def remove_bookmark(self, article_id: str) -> Bookmark | None:
        """The bookmark as it was removed, read in the same transaction (what an undo puts
        back: a copy read earlier may miss another copy's note or tags), or None when there
        was no such bookmark."""
        with self._write() as db:
            gone = self._get(db, article_id)
            _forget_marks(db, [article_id])
            db.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))
            return gone

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Undo a removal: the bookmark comes back as it was (bookmark time, tags, note).
        If another copy bookmarked the article meanwhile, what it wrote is kept and the old
        tags, the old note and the earlier time are added back, so neither copy's work is
        lost: two different notes are both kept, the other copy's first (as `follow_renames`
        merges two bookmarks). One transaction, like every other write."""
        b = bookmark
        with self._write() as db:
            db.execute(
                """INSERT INTO bookmarks (article_id, title, source, date, created_at, updated_at, note, url, byline)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET
                       note = CASE WHEN note = '' THEN excluded.note
                                   WHEN excluded.note IN ('', note) THEN note
                                   ELSE note || ? || excluded.note END,
                       created_at = min(created_at, excluded.created_at),
                       url = coalesce(url, excluded.url), byline = coalesce(byline, excluded.byline)""",
                (b.article_id, b.title, b.source, b.date.isoformat() if b.date else None,
                 _iso(b.created_at), _iso(b.updated_at), b.note, b.url, b.byline, NOTE_JOIN),
            )
            self._add_tags(db, b.article_id, b.tags)
            return self._get(db, b.article_id)  # type: ignore[return-value]

    def is_bookmarked(self, article_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM bookmarks WHERE article_id = ?", (article_id,)))

    def bookmarked_ids(self) -> set[str]:
        """For marking many list rows at once without one query each."""
        return {row[0] for row in self._read("SELECT article_id FROM bookmarks")}

    def get_bookmark(self, article_id: str) -> Bookmark | None:
        with self._reading() as db:
            return self._get(db, article_id)

    def list_bookmarks(self, tag: str | None = None) -> list[Bookmark]:
        """Newest first; with `tag`, only bookmarks carrying it. One query, so the tags
        shown always belong to the same moment as the bookmarks."""
        where, params = "", ()
        if tag is not None:
            wanted = normalize_tags([tag])
            where = "WHERE b.article_id IN (SELECT article_id FROM bookmark_tags WHERE tag = ?)"
            params = (wanted[0] if wanted else "",)
        rows = self._read(
            f"""SELECT b.*, (SELECT group_concat(tag, char(31)) FROM
                       (SELECT tag FROM bookmark_tags t WHERE t.article_id = b.article_id ORDER BY tag)
                   ) AS tag_list
                FROM bookmarks b {where} ORDER BY b.created_at DESC, b.rowid DESC""",
            params,
        )
        return [self._bookmark(row, tuple(row["tag_list"].split("\x1f")) if row["tag_list"] else ()) for row in rows]

    def edit_bookmark(self, article_id: str, *, add_tags: Iterable[str] = (), remove_tags: Iterable[str] = (),
                      note: str | None = None, note_was: str | None = None) -> tuple[Bookmark, bool]:
        """The bookmarks screen's edit, as the changes the user made to what the editor
        showed, applied to the bookmark as it is now: tags added and removed one by one, the
        note only when given (`note`, replacing `note_was`, the one the editor showed). So a
        tag or note another copy wrote while the editor was open is not overwritten by the
        editor's older copy of it. If the note itself changed meanwhile (it is no longer
        `note_was`), both are kept: the other copy's, then `NOTE_JOIN` and this one (or the
        other's alone when this edit cleared the note). Returns the bookmark and whether that
        happened, for the screen to say so. Raises KeyError for an id no longer bookmarked."""
        with self._write() as db:
            current = self._get(db, article_id)
            if current is None:
                raise KeyError(article_id)
            for tag in normalize_tags(remove_tags):
                db.execute("DELETE FROM bookmark_tags WHERE article_id = ? AND tag = ?", (article_id, tag))
            self._add_tags(db, article_id, add_tags)
            joined = False
            if note is not None and note != current.note:
                if note_was is not None and current.note not in (note_was, ""):
                    joined = True  # (changed by another copy since the editor read it)
                    note = current.note + NOTE_JOIN + note if note else current.note
                db.execute("UPDATE bookmarks SET note = ? WHERE article_id = ?", (note, article_id))
            db.execute("UPDATE bookmarks SET updated_at = ? WHERE article_id = ?", (_iso(_now()), article_id))
            return self._get(db, article_id), joined  # type: ignore[return-value]

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of bookmarks, for the tag filter."""
        rows = self._read("SELECT tag, COUNT(*) FROM bookmark_tags GROUP BY tag ORDER BY tag")
        return [(row[0], row[1]) for row in rows]

    def bookmark_count(self) -> int:
        return self._read("SELECT COUNT(*) FROM bookmarks")[0][0]

    def reconcile(self, articles: Iterable[Any], corpus: str | None = None) -> tuple[int, int]:
        """Tell the store which articles the corpus has now (anything with `.id`, `.title`,
        `.source`, `.date`). Bookmarks of absent articles are marked missing (in this store
        object: another copy of the app may read another corpus) but kept; present
        ones are reconnected and their title, source, date, web address and byline refreshed
        (`refresh_bookmarks`: the address kept for when the story is gone). Returns (missing,
        reconnected): reconnected are those this store had found missing before. The
        file's old `missing` column (a flag shared by every corpus) is no longer read.

        With `corpus` (a key naming the corpus), the marks are also saved in the file under
        that key, replacing its previous check's, for `last_marks`."""
        present = {a.id: a for a in articles}
        with self._write() as db:
            rows = self._refresh(db, present)
            missing = {row["article_id"] for row in rows if row["article_id"] not in present}
            reconnected = sum(row["article_id"] in self._missing for row in rows if row["article_id"] in present)
            self._missing = missing
            if corpus is not None:
                db.execute("DELETE FROM corpus_marks WHERE corpus = ?", (corpus,))
                now = _iso(_now())
                db.executemany(
                    "INSERT INTO corpus_marks (corpus, article_id, missing, checked_at) VALUES (?, ?, ?, ?)",
                    [(corpus, row["article_id"], int(row["article_id"] in missing), now) for row in rows],
                )
            return len(missing), reconnected

    def refresh_bookmarks(self, articles: Iterable[Any]) -> None:
        """The bookmarks of these articles (those the corpus has now) take their title, source,
        date, web address and byline now, as `reconcile` does, without marking the others:
        what an export of a few of them has read from the corpus, kept for when they are gone."""
        present = {a.id: a for a in articles}
        if present:
            with self._write() as db:
                self._refresh(db, present)

    @staticmethod
    def _refresh(db: sqlite3.Connection, present: Mapping[str, Any]) -> list[sqlite3.Row]:
        """Update the bookmarks of `present` (id -> article) where the article says otherwise
        (an address or byline only from an article that carries them, `_citation`); every
        bookmark's row as it was read. In the caller's transaction."""
        rows = db.execute("SELECT article_id, title, source, date, url, byline FROM bookmarks").fetchall()
        for row in rows:
            article = present.get(row["article_id"])
            if article is None:
                continue
            date = article.date.isoformat() if article.date else None
            url, byline = _citation(article)  # (none or not known here: the kept ones stay, `_kept_url`)
            now = (article.title, article.source, date, _kept_url(url, row["url"]), byline or row["byline"])
            if tuple(row)[1:] != now:
                db.execute("UPDATE bookmarks SET title = ?, source = ?, date = ?, url = ?, byline = ? "
                           "WHERE article_id = ?", (*now, row["article_id"]))
        return rows

    def last_marks(self, corpus: str) -> tuple[dict[str, bool], dt.datetime | None]:
        """What the last `reconcile` with this `corpus` key found, for showing bookmarks
        when the corpus cannot be read: bookmarked id -> missing, for the bookmarks that
        check saw and that are still as it saw them (one added, re-added or renamed since
        has no entry: not known), and when it ran (None if never)."""
        rows = self._read(
            """SELECT m.article_id, m.missing, m.checked_at FROM corpus_marks m
               JOIN bookmarks b ON b.article_id = m.article_id WHERE m.corpus = ?""",
            (corpus,),
        )
        when = max((row["checked_at"] for row in rows), default=None)
        return {row["article_id"]: bool(row["missing"]) for row in rows}, \
            (_load_datetime(when) if when else None)

    def follow_renames(self, renamed: Mapping[str, str]) -> int:
        """Move bookmarks and read marks to the new id of a story whose id changed (its
        headline was edited: the index's `renamed`, old id -> id now). A bookmark meeting
        one already at the new id is merged into it: tags joined, the older creation time,
        both notes kept. Returns how many bookmarks and read marks moved."""
        moved = 0
        with self._write() as db:
            for chunk in _chunks(list(renamed)):
                marks = ",".join("?" * len(chunk))
                for table in ("bookmarks", "read_marks"):
                    for (old,) in db.execute(f"SELECT article_id FROM {table} WHERE article_id IN ({marks})",
                                             chunk).fetchall():
                        new = renamed[old]
                        if new == old:
                            continue
                        if table == "read_marks":
                            db.execute("INSERT OR IGNORE INTO read_marks (article_id, read_at) "
                                       "SELECT ?, read_at FROM read_marks WHERE article_id = ?", (new, old))
                        else:
                            self._move_bookmark(db, old, new)
                            _forget_marks(db, [old, new])
                        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (old,))
                        moved += 1
        return moved

    def _move_bookmark(self, db: sqlite3.Connection, old: str, new: str) -> None:
        """Copy bookmark `old` onto `new` (the caller deletes `old`)."""
        here = self._get(db, old)
        assert here is not None
        there = self._get(db, new)
        if there is None:
            db.execute(
                """INSERT INTO bookmarks (article_id, title, source, date, created_at, updated_at, note, url, byline)
                   SELECT ?, title, source, date, created_at, updated_at, note, url, byline
                   FROM bookmarks WHERE article_id = ?""",
                (new, old),
            )
        else:
            notes = [n for n in (there.note, here.note) if n]
            db.execute(
                "UPDATE bookmarks SET note = ?, created_at = ?, updated_at = ?, url = coalesce(url, ?), "
                "byline = coalesce(byline, ?) WHERE article_id = ?",
                (NOTE_JOIN.join(dict.fromkeys(notes)), _iso(min(here.created_at, there.created_at)),
                 _iso(max(here.updated_at, there.updated_at)), here.url, here.byline, new),
            )
        self._add_tags(db, new, here.tags)

    def merge_bookmarks(self, bookmarks: Iterable[Bookmark]) -> MergeResult:
        """Import: add new ids; for known ids take the union of tags and the newer note
        (by `updated_at`), and the story's web address and byline where the store has none
        (the store's own came from the corpus, or an earlier import: kept); one transaction,
        so a bad run leaves nothing half-merged."""
        result = MergeResult()
        with self._write() as db:
            for incoming in bookmarks:
                current = self._get(db, incoming.article_id)
                if current is None:
                    db.execute(
                        """INSERT INTO bookmarks (article_id, title, source, date, created_at, updated_at, note,
                                                  url, byline)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        (incoming.article_id, incoming.title, incoming.source,
                         incoming.date.isoformat() if incoming.date else None,
                         _iso(incoming.created_at), _iso(incoming.updated_at), incoming.note,
                         incoming.url, incoming.byline),
                    )
                    self._add_tags(db, incoming.article_id, incoming.tags)
                    result.added += 1
                    continue
                tags = normalize_tags(current.tags + tuple(incoming.tags))
                newer = incoming.updated_at > current.updated_at
                note = incoming.note if newer and incoming.note != current.note else current.note
                created = min(current.created_at, incoming.created_at)
                url = _kept_url(current.url, incoming.url)
                byline = current.byline or incoming.byline
                if (tags, note, created, url, byline) == (current.tags, current.note, current.created_at,
                                                          current.url, current.byline):
                    result.unchanged += 1
                    continue
                db.execute(
                    "UPDATE bookmarks SET note = ?, created_at = ?, updated_at = ?, url = ?, byline = ? "
                    "WHERE article_id = ?",
                    (note, _iso(created), _iso(max(current.updated_at, incoming.updated_at)), url, byline,
                     incoming.article_id),
                )
                self._add_tags(db, incoming.article_id, tags)
                result.updated += 1
        return result

    @staticmethod
    def _add_tags(db: sqlite3.Connection, article_id: str, tags: Iterable[str]) -> None:
        db.executemany(
            "INSERT OR IGNORE INTO bookmark_tags (article_id, tag) VALUES (?, ?)",
            [(article_id, tag) for tag in normalize_tags(tags)],
        )

    def _get(self, db: sqlite3.Connection, article_id: str) -> Bookmark | None:
        row = db.execute("SELECT * FROM bookmarks WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        tags = [r[0] for r in db.execute(
            "SELECT tag FROM bookmark_tags WHERE article_id = ? ORDER BY tag", (article_id,))]
        return self._bookmark(row, tuple(tags))

    def _bookmark(self, row: sqlite3.Row, tags: tuple[str, ...]) -> Bookmark:
        return Bookmark(
            article_id=row["article_id"],
            title=row["title"],
            source=row["source"],
            date=_load_date(row["date"]),
            created_at=_load_datetime(row["created_at"]),
            updated_at=_load_datetime(row["updated_at"]),
            tags=tags,
            note=row["note"],
            missing=row["article_id"] in self._missing,
            url=row["url"],
            byline=row["byline"],
        )

    # -- reading state ------------------------------------------------------------------

    def mark_read(self, article_ids: str | Iterable[str]) -> None:
        """Called as articles are opened; marking again keeps the first read time."""
        ids = [article_ids] if isinstance(article_ids, str) else list(article_ids)
        now = _iso(_now())
        with self._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO read_marks (article_id, read_at) VALUES (?, ?)",
                [(i, now) for i in ids],
            )

    def mark_unread(self, article_ids: str | Iterable[str]) -> None:
        ids = [article_ids] if isinstance(article_ids, str) else list(article_ids)
        with self._write() as db:
            db.executemany("DELETE FROM read_marks WHERE article_id = ?", [(i,) for i in ids])

    def is_read(self, article_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM read_marks WHERE article_id = ?", (article_id,)))

    def read_ids(self, among: Iterable[str] | None = None) -> set[str]:
        """The ids marked read; with `among`, only those of them (one query per 500 ids,
        for painting a whole article list)."""
        if among is None:
            return {row[0] for row in self._read("SELECT article_id FROM read_marks")}
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(among))):
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self._read(
                f"SELECT article_id FROM read_marks WHERE article_id IN ({marks})", chunk))
        return found

    def counts(self, article_ids: Iterable[str]) -> Counts:
        """Unread among the corpus's `article_ids`, bookmarks, and bookmarks whose article
        was missing at the last `reconcile`."""
        ids = list(dict.fromkeys(article_ids))
        unread = len(ids) - len(self.read_ids(ids))
        bookmarked = self.bookmarked_ids()
        return Counts(unread=unread, bookmarks=len(bookmarked), missing=len(bookmarked & self._missing))

    # -- saved searches -----------------------------------------------------------------

    def save_search(self, name: str, query: str) -> SavedSearch:
        """Create or replace (by name) a saved search."""
        name, query = name.strip(), query.strip()
        if not name or not query:
            raise ValueError("a saved search needs a name and a query")
        with self._write() as db:
            db.execute(
                """INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET query = excluded.query""",
                (name, query, _iso(_now())),
            )
            return self._search(db.execute("SELECT * FROM saved_searches WHERE name = ?", (name,)).fetchone())

    def get_search(self, name: str) -> SavedSearch | None:
        rows = self._read("SELECT * FROM saved_searches WHERE name = ?", (name,))
        return self._search(rows[0]) if rows else None

    def list_searches(self) -> list[SavedSearch]:
        """In creation order, so the one-key shortcuts (1..9) stay put."""
        return [self._search(r) for r in self._read("SELECT * FROM saved_searches ORDER BY created_at, name")]

    def rename_search(self, old: str, new: str) -> SavedSearch:
        new = new.strip()
        if not new:
            raise ValueError("a saved search needs a name")
        with self._write() as db:
            try:
                changed = db.execute("UPDATE saved_searches SET name = ? WHERE name = ?", (new, old)).rowcount
            except sqlite3.IntegrityError:
                raise ValueError(f"there is already a saved search named {new!r}") from None
            if not changed:
                raise KeyError(old)
            return self._search(db.execute("SELECT * FROM saved_searches WHERE name = ?", (new,)).fetchone())

    def delete_search(self, name: str) -> bool:
        with self._write() as db:
            return db.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0

    @staticmethod
    def _search(row: sqlite3.Row) -> SavedSearch:
        return SavedSearch(row["name"], row["query"], _load_datetime(row["created_at"]))

    # -- preferences --------------------------------------------------------------------

    def get_pref(self, key: str, default: Any = None) -> Any:
        """A preference the reader saved (e.g. "theme", "layout"); values are JSON."""
        rows = self._read("SELECT value FROM preferences WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else default

    def set_pref(self, key: str, value: Any) -> None:
        text = json.dumps(value)  # fails here, before the write, for unserialisable values
        with self._write() as db:
            db.execute(
                "INSERT INTO preferences (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

    def prefs(self) -> dict[str, Any]:
        return {row[0]: json.loads(row[1]) for row in self._read("SELECT key, value FROM preferences")}

    # -- health -------------------------------------------------------------------------

    def integrity_ok(self) -> bool:
        """Full `integrity_check`; for tests and a future `doctor` command."""
        return self._read("PRAGMA integrity_check")[0][0] == "ok"


# --- opening helpers -----------------------------------------------------------------


def _prepare(db: sqlite3.Connection, timeout: float = DEFAULT_TIMEOUT) -> None:
    db.row_factory = sqlite3.Row
    db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    db.execute("PRAGMA foreign_keys = ON")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode not in ("wal", "memory"):
        raise sqlite3.OperationalError(f"cannot switch to WAL mode (got {mode})")
    db.execute("PRAGMA synchronous = FULL")


def _probe(path: Path, timeout: float) -> None:
    """Check an existing file through a read-only connection first: closing a read-write
    connection checkpoints and deletes the -wal file, which would destroy evidence (and
    maybe the latest commits) of a damaged store before it is moved aside. Problems other
    than damage are left for the read-write open to report."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    except sqlite3.Error:
        return
    try:
        _check(probe)
    except sqlite3.DatabaseError as exc:
        if _is_damaged(exc):
            raise _Damaged(str(exc)) from None
    finally:
        probe.close()


def _check(db: sqlite3.Connection) -> None:
    """quick_check reads every page: cheap for a file this size, and it turns a damaged
    store into a clear notice now instead of a crash in the middle of reading."""
    problems = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise _Damaged(_first_problem(problems))
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if names:
            raise _Damaged("it is an SQLite file but not a newsreader store")


def _first_problem(problems: list[str]) -> str:
    """quick_check's findings as one line: the first, and how many more. SQLite gives them
    as texts of several lines each, headed '*** in database main ***' (a notice of ten
    'On tree page 4 cell 27: ...' lines, or literal \\n in the CLI's one-line warning)."""
    lines = [line.strip() for text in problems for line in str(text).splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")] or ["unknown damage"]
    more = len(lines) - 1
    return lines[0] + (f" and {more} more problem{'s' if more > 1 else ''}" if more else "")


def _migrate(db: sqlite3.Connection, where: str) -> None:
    """Bring the schema up to date, then add the tables and columns older code may ignore
    (`_add_corpus_marks`, `_add_citation_columns`)."""
    _upgrade(db, where)
    _add_corpus_marks(db)
    _add_citation_columns(db)


def _upgrade(db: sqlite3.Connection, where: str) -> None:
    """One migration per transaction. Re-reads the version inside the transaction, since
    the other copy of the app may have just migrated. An up-to-date store is recognised
    without the write lock, so opening never waits for the other copy's writes."""
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    while True:
        with _immediate(db):
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise UserError(
                    f"the bookmarks store {where} was written by a newer newsreader "
                    f"(schema {version}, this one knows {SCHEMA_VERSION}); upgrade newsreader"
                )
            if version == SCHEMA_VERSION:
                return
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")


def _is_damaged(exc: sqlite3.Error) -> bool:
    """Does the error say the file is damaged (moved aside), not that it cannot be opened? By SQLite's result
    code where Python gives it (3.11+); Python 3.10's errors carry no code, so there by SQLite's own words for
    those two codes, which it has used unchanged for years."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:  # (an extended code, SQLITE_CORRUPT_INDEX...: its low byte is the primary code)
        return (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc)
    return "file is not a database" in text or "database disk image is malformed" in text


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def _open_error(path: Path, exc: sqlite3.Error) -> UserError:
    text = str(exc)
    if _is_busy(exc):
        return UserError(f"the bookmarks store {path} stayed busy (another newsreader is writing); try again")
    folder = path.parent
    if path.is_dir():
        return UserError(f"{path} is a folder where the bookmarks store file should be; move it aside")
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return UserError(f"the data folder {folder} is read-only, so the bookmarks store {path.name} cannot be written")
    if path.is_file() and not os.access(path, os.W_OK):
        return UserError(f"the bookmarks store {path} is read-only, so bookmarks cannot be saved; make it writable")
    if "readonly" in text.replace(" ", "") or "unable to open" in text:
        return UserError(f"cannot write the bookmarks store {path} ({text}); check that {folder} is writable")
    return UserError(f"cannot open the bookmarks store {path}: {text}")


def _file_id(path: Path | None) -> tuple[int, int] | None:
    """Which file is at `path` now (device, inode); None when none is."""
    try:
        st = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st is not None else None


@contextmanager
def _repair_lock(path: Path, timeout: float) -> Iterator[None]:
    """Held while a damaged store is moved aside, replaced and rescued: two copies of the app
    finding the damage together would otherwise both move "the damaged file" aside, the
    second one taking the first one's new store (rescued rows and all) with it. The lock is
    a file beside the store (`flock`, freed by the system if the copy dies). Waits as a
    write does, then says the store stayed busy."""
    try:
        import fcntl  # noqa: F401 (is flock there? `flock_within` uses it)
    except ImportError:  # (no flock on this system: as before, unguarded)
        yield
        return
    lock = path.with_name(path.name + ".repair-lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield  # (a folder we cannot write: the move aside will say so)
        return
    try:
        if not flock_within(fd, timeout, pause=lambda: random.uniform(0.01, 0.1)):
            raise UserError(f"the bookmarks store {path} stayed busy (another newsreader is repairing it); "
                            "try again")
        yield
    finally:
        os.close(fd)  # (frees the lock)


def _move_aside(path: Path) -> Path | None:
    """Rename the damaged file (and its -wal/-shm) out of the way, never deleting: the user
    or a recovery tool may still get something out of it. None when the file had gone
    already: another copy of the app, finding the damage at the same moment, moved it."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        try:
            os.replace(path, aside)
        except FileNotFoundError:
            return None
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                os.replace(extra, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise UserError(
            f"the bookmarks store {path} is damaged and could not be moved aside "
            f"({exc.strerror or exc}); move it away by hand"
        ) from None
    return aside


# --- rescuing a damaged store --------------------------------------------------------


def _rescue_marker(path: Path) -> Path:
    """A file beside the store naming the damaged file a rescue is copying from, while it does: the new store is
    already in place (empty) when the rows go in, so a copy killed meanwhile left a healthy, empty store that the
    next start opened without a word (the rows only in the `.corrupt-` file)."""
    return path.with_name(path.name + ".rescuing")


def _finish_rescue(path: Path, db: sqlite3.Connection, timeout: float) -> list[str]:
    """Copy the rows of the damaged file a rescue stopped in (`_rescue_marker`) into the store `db` (again: rows
    go in with INSERT OR IGNORE, so what the stopped rescue copied, or the user added since, stays as it is), and
    say so. The marker names a file beside the store, nothing else."""
    with _repair_lock(path, timeout):
        marker = _rescue_marker(path)
        try:
            name = marker.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return []  # (another copy finished it meanwhile)
        notices = []
        if name.startswith(f"{path.name}.corrupt-") and os.sep not in name and "/" not in name \
                and (aside := path.with_name(name)).is_file():
            rescued = _salvage(aside, db)
            notices.append(f"the rescue of the damaged bookmarks store {aside.name} had stopped before its end; "
                           f"finished it, {_rescued_words(rescued)}")
        marker.unlink(missing_ok=True)
        return notices

#: What `_salvage` reads from a damaged store, table by table: the columns it copies (and the bookmarks'
#: `CITATION_COLUMNS`, where the damaged store has them: `_read_damaged`).
_SALVAGED: dict[str, tuple[str, ...]] = {
    "bookmarks": ("article_id", "title", "source", "date", "created_at", "updated_at", "note"),
    "bookmark_tags": ("article_id", "tag"),
    "read_marks": ("article_id", "read_at"),
    "saved_searches": ("name", "query", "created_at"),
    "preferences": ("key", "value"),
}

#: Past the last row a scan could read, how many rowids in a row may be missing (no row, or
#: on a damaged page) before the search for more of the table stops, when neither the end of
#: the table nor an index says where it ends. Rowids are given in order, so a table's rows
#: are dense: only rows the user removed leave gaps.
_MISSES_BEFORE_GIVING_UP = 4096


def _salvage(aside: Path, db: sqlite3.Connection) -> dict[str, int]:
    """Copy every row that can still be read from the damaged store `aside` into the new
    store `db`, and return how many rows of each table were kept.

    SQLite's `.recover` is not in Python's sqlite3, so this reads with plain SELECTs: each
    table scanned in rowid order, a scan that breaks on a damaged page started again past
    it (and the rows of the skipped stretch looked up one by one, for those on other
    pages), and a covering index read too (its copy of the rows may be whole where the
    table's pages are not). Damaged values are made safe to show (undecodable text,
    unreadable times) rather than dropped; a tag whose bookmark row was lost brings the
    bookmark back with its id as title until the corpus gives it its own. The damaged file
    is read through a copy, so that nothing (a WAL checkpoint) ever writes to it; and the
    rows go in with INSERT OR IGNORE in one transaction, so another copy of the app that
    bookmarked meanwhile loses nothing. Never raises: what cannot be read is not rescued."""
    import shutil
    import tempfile

    found: dict[str, list[tuple[Any, ...]]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="newsreader-salvage-") as folder:
            copy = Path(folder) / "damaged.sqlite3"
            shutil.copyfile(aside, copy)
            wal = aside.with_name(aside.name + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            found = _read_damaged(copy)
    except (OSError, sqlite3.Error):
        pass
    if not found:
        return {}
    try:
        return _put_rescued(db, found)
    except sqlite3.Error:
        return {}


def _read_damaged(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of each table of `_SALVAGED` that can be read from `path` (a copy)."""
    src = sqlite3.connect(path, isolation_level=None)
    try:
        # Undecodable text (a flipped byte) is still the user's words: kept, with U+FFFD.
        src.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            src.execute("PRAGMA query_only = ON")
            # Lets SQLite read the schema although it names pages the file no longer has (a
            # truncated store refused every query as "malformed", with most pages whole).
            src.execute("PRAGMA writable_schema = ON")
            version = src.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:
            return {}
        if not 1 <= version <= SCHEMA_VERSION:  # not a store of ours (or a newer one): never guessed at
            return {}
        found = {"bookmark_tags": _read_table(src, "bookmark_tags", _SALVAGED["bookmark_tags"])}
        tagged = {row[0] for row in found["bookmark_tags"]}  # (whose ids vouch for a bookmark's, `_settle_keys`)
        try:  # (a store made before `_add_citation_columns` has none of them: the rest is read as ever)
            cited = tuple(column for column in CITATION_COLUMNS
                          if column in {row[1] for row in src.execute("PRAGMA table_info(bookmarks)")})
        except sqlite3.DatabaseError:
            cited = ()
        for table, columns in _SALVAGED.items():
            if table not in found:
                found[table] = _read_table(src, table, columns, tagged if table == "bookmarks" else set())
        # Read apart, so that a damaged value of theirs costs a row only them (a SELECT of a row
        # stops at its first unreadable column): id -> address and byline, as far as they read.
        cites: dict[Any, tuple[Any, ...]] = {}
        if cited:
            for row in _read_table(src, "bookmarks", ("article_id", *cited)):
                cites.setdefault(row[0], row[1:])
        found["bookmarks"] = [
            row + tuple(dict(zip(cited, cites.get(row[0], ()))).get(column) for column in CITATION_COLUMNS)
            for row in found["bookmarks"]]
        return found
    finally:
        src.close()


def _read_table(src: sqlite3.Connection, table: str, columns: tuple[str, ...],
                witnesses: set[Any] = frozenset()) -> list[tuple[Any, ...]]:
    """`table`'s readable rows. A scan by rowid from the start; where it breaks (a damaged
    page), each rowid after the last row read is tried in turn: the next row from there,
    when the pages on the way to it read (and the scan goes on from it), else that rowid
    alone (a row on a whole page beside damaged ones). The walk ends at the rows a scan
    from the table's end could read, or after `_MISSES_BEFORE_GIVING_UP` rowids in a row
    with nothing. Then each rowid up to the highest known (within reason: a garbled rowid
    may be huge) and each an index still lists, that no scan reached, is looked up. Last,
    a row whose key its index gives otherwise gets the likelier one (`_settle_keys`, with
    `witnesses`: keys another table has)."""
    wanted = ", ".join(columns)
    scan = f"SELECT rowid, {wanted} FROM {table} NOT INDEXED"
    rows: dict[int, tuple[Any, ...]] = {}

    def read(sql: str, params: tuple[Any, ...] = ()) -> int | None:
        """Keep the rows of `sql` up to the first error; the last rowid read."""
        last = None
        try:
            for row in src.execute(sql, params):
                rows[row[0]] = tuple(row[1:])
                last = row[0]
        except sqlite3.DatabaseError:
            pass
        return last

    def one(rowid: int) -> bool:
        return read(f"{scan} WHERE rowid = ?", (rowid,)) is not None

    read(f"{scan} ORDER BY rowid DESC")  # the table's end, which a scan from the start may not reach
    ceiling = min(rows, default=None)
    after = 0  # the last rowid read going forward (our tables' rowids start at 1)
    while ceiling is None or after < ceiling:
        try:
            for row in src.execute(f"{scan} WHERE rowid > ? ORDER BY rowid", (after,)):
                rows[row[0]] = tuple(row[1:])
                after = row[0]
            break
        except sqlite3.DatabaseError:
            pass
        rowid, misses, resumed = after + 1, 0, False
        while (ceiling is None or rowid < ceiling) and misses < _MISSES_BEFORE_GIVING_UP:
            try:
                found = src.execute(f"SELECT rowid FROM {table} NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                                    (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                found = ()
            if found is None:  # no row from here on
                rowid = ceiling = after
                break
            if found and found[0] > after + 1:  # the scan can go on from there
                after, resumed = found[0] - 1, True
                break
            misses = 0 if one(rowid) else misses + 1  # (also the row a scan broke on, read alone)
            after = rowid
            rowid += 1
        if not resumed:
            break
    # Each rowid below the highest known that no scan reached (a garbled page on the way can
    # send a scan or a probe past rows that a lookup finds), and each an index still lists.
    known = _indexed_rowids(src, table) | rows.keys()
    plausible = [rowid for rowid in known if 0 < rowid <= 4 * len(known) + _MISSES_BEFORE_GIVING_UP]
    for rowid in sorted(set(range(1, max(plausible, default=0) + 1)) - rows.keys() | known - rows.keys()):
        one(rowid)
    garbled = _settle_keys(src, table, columns, rows, witnesses)
    return list(rows.values()) + _read_covering_index(src, table, columns, rows, garbled)


#: The shape of the ids the corpus gives stories (`corpus.model.article_id`: the title's slug,
#: then 8 hex digits), which a byte flipped in one rarely keeps.
_ARTICLE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{8}")


def _likelier_key(*keys: Any) -> Any:
    """Of two keys read for one row, the one damage more likely left alone: text over
    anything else, without U+FFFD (a flipped byte in UTF-8 text) over with, of an article
    id's shape over not. None when nothing tells them apart (both are kept)."""
    def score(key: Any) -> tuple[bool, bool, bool]:
        text = isinstance(key, str) and bool(key.strip())
        return text, text and "\ufffd" not in key, text and bool(_ARTICLE_ID.fullmatch(key))

    first, second = (score(key) for key in keys)
    return None if first == second else keys[0] if first > second else keys[1]


def _settle_keys(src: sqlite3.Connection, table: str, columns: tuple[str, ...],
                 rows: dict[int, tuple[Any, ...]], witnesses: set[Any] = frozenset()) -> set[Any]:
    """Where the table's row and an index on its key (the first column) disagree on one
    rowid's key, a byte was flipped in one of the two: the row gets the likelier key
    (`_likelier_key`; if that cannot tell, the one of the two among `witnesses`, the keys
    another table holds, such as a bookmark's tags), and the other is returned, so that
    `_read_covering_index` does not bring it back as a row of its own. When nothing tells
    them apart (a flip that made another plausible id, no tags), both are kept. Bytes flipped in an id on a bookmarks page kept the
    bookmark twice: its row (title, note) under the garbled id, and the true id, read from
    the index alone, titled by the id ("ghost" bookmarks, 71 of 1,500 in one test)."""
    losers: set[Any] = set()
    try:
        indexes = [row[1] for row in src.execute(f"PRAGMA index_list({table})")]
        keyed = [index for index in indexes
                 if [row[2] for row in src.execute(f"PRAGMA index_info({index})")][:1] == [columns[0]]]
    except sqlite3.DatabaseError:
        return losers
    for index in keyed:
        pairs: list[tuple[int, Any]] = []
        try:
            for pair in src.execute(f"SELECT rowid, {columns[0]} FROM {table} INDEXED BY {index}"):
                pairs.append(pair)
        except sqlite3.DatabaseError:
            pass  # (the pairs read so far count)
        held = {row[0] for row in rows.values()}
        for rowid, key in pairs:
            row = rows.get(rowid)
            if row is None or row[0] == key or key in held:
                continue  # (a key another row has: a flip that made another row's id, or a stale entry)
            likelier = _likelier_key(row[0], key)
            if likelier is None and (row[0] in witnesses) != (key in witnesses):
                likelier = row[0] if row[0] in witnesses else key
            if likelier is None:
                continue
            if likelier is key:
                rows[rowid] = (key, *row[1:])
                held.add(key)
                losers.add(row[0])
            else:
                losers.add(key)
    return losers


def _indexed_rowids(src: sqlite3.Connection, table: str) -> set[int]:
    """The rowids `table`'s indexes list, as far as each reads: rows whose table pages a scan
    could not reach may still be found by rowid."""
    found: set[int] = set()
    try:
        indexes = [row[1] for row in src.execute(f"PRAGMA index_list({table})")]
    except sqlite3.DatabaseError:
        return found
    for index in indexes:
        try:
            for (rowid,) in src.execute(f"SELECT rowid FROM {table} INDEXED BY {index}"):
                found.add(rowid)
        except sqlite3.DatabaseError:
            continue
    return found


def _read_covering_index(src: sqlite3.Connection, table: str, columns: tuple[str, ...],
                         have: Mapping[int, tuple[Any, ...]], garbled: set[Any] = frozenset()) -> list[tuple[Any, ...]]:
    """Rows read through `table`'s indexes, as far as each reads, that are not in `have`: a
    plain SELECT may be answered from an index, so its rows count too. An index holding
    every column (bookmark_tags' primary key) gives whole rows; one holding the key (the
    first column: the article id of a bookmark or a read mark) gives the key alone, the
    other columns None, for the keys no row has (`_put_rescued` fills in what it can), and
    that are not `garbled` (`_settle_keys`)."""
    rows = set(have.values())
    keys = {row[0] for row in rows}
    extra: list[tuple[Any, ...]] = []
    try:
        indexes = [row[1] for row in src.execute(f"PRAGMA index_list({table})")]
        held = {index: {row[2] for row in src.execute(f"PRAGMA index_info({index})")} for index in indexes}
    except sqlite3.DatabaseError:
        return extra
    # Whole rows first, so that a key is given alone only when no whole row has it.
    for index in sorted(indexes, key=lambda index: not set(columns) <= held[index]):
        whole = set(columns) <= held[index]
        if not whole and columns[0] not in held[index]:
            continue
        wanted = ", ".join(columns if whole else columns[:1])
        try:
            for row in src.execute(f"SELECT {wanted} FROM {table} INDEXED BY {index}"):
                row = tuple(row) + (None,) * (len(columns) - len(row))
                if row not in rows and (whole or row[0] not in keys) and row[0] not in garbled:
                    rows.add(row)
                    keys.add(row[0])
                    extra.append(row)
        except sqlite3.DatabaseError:
            continue
    return extra


def _text(value: Any) -> str | None:
    """A value read from a damaged page as text, or None when it is none (NULL, a number
    where a name was, a blob)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value if isinstance(value, str) else None


def _time_text(value: Any, default: str) -> str:
    """A stored time as the store writes it, or `default` when it cannot be read as one."""
    text = _text(value)
    try:
        return _iso(_load_datetime(text)) if text else default
    except ValueError:
        return default


def _put_rescued(db: sqlite3.Connection, found: Mapping[str, list[tuple[Any, ...]]]) -> dict[str, int]:
    """Write the rows read by `_read_damaged` into the new store, each checked as the store
    needs it (a value the store could not show later is replaced, a row with no key skipped).
    One transaction; INSERT OR IGNORE keeps what is there already."""
    now = _iso(_now())
    kept = dict.fromkeys(_SALVAGED, 0)

    def insert(sql: str, values: tuple[Any, ...], table: str) -> None:
        kept[table] += db.execute(sql, values).rowcount

    db.execute("BEGIN IMMEDIATE")
    try:
        for article_id, title, source, date, created, updated, note, url, byline in found.get("bookmarks", []):
            article_id = _text(article_id)
            if not article_id or not article_id.strip():
                continue
            if title is None and "\ufffd" in article_id:
                continue  # a garbled id read from an index alone: no bookmark of the user's had it
            created = _time_text(created, now)
            date = _text(date)
            url = _text(url)
            if url:  # (through the corpus's gate, as an imported one: the exports write it as a link)
                from newsreader.corpus.parser import story_url

                url = story_url(url, labelled=False)
            values = [article_id, _text(title) or article_id, _text(source), date if _load_date(date) else None,
                      created, _time_text(updated, created), _text(note) or "", url, _text(byline)]
            for n in range(2, 100):
                sql = """INSERT OR IGNORE INTO bookmarks (article_id, title, source, date, created_at, updated_at, note,
                                                        url, byline)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""
                if db.execute(sql, values).rowcount:
                    kept["bookmarks"] += 1
                    break
                if "\ufffd" not in article_id:
                    break
                # Damage garbled two ids alike ("story-071\ufffd"): the row's title and note are
                # still the user's, and no corpus has the id, so it is kept under its own.
                values[0] = f"{article_id} ({n})"
        rescued = {row[0] for row in db.execute("SELECT article_id FROM bookmarks")}
        for article_id, tag in found.get("bookmark_tags", []):
            article_id, tags = _text(article_id), normalize_tags([_text(tag) or ""])
            if not article_id or not article_id.strip() or not tags:
                continue
            if article_id not in rescued and "\ufffd" in article_id:
                continue  # an id garbled by the damage: no bookmark of the user's had it
            # The tag outlived its bookmark's row, so the bookmark was there: back, titled by its id.
            insert("INSERT OR IGNORE INTO bookmarks (article_id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
                   (article_id, article_id, now, now), "bookmarks")
            insert("INSERT OR IGNORE INTO bookmark_tags (article_id, tag) VALUES (?, ?)",
                   (article_id, tags[0]), "bookmark_tags")
        for article_id, read_at in found.get("read_marks", []):
            if _text(article_id):
                insert("INSERT OR IGNORE INTO read_marks (article_id, read_at) VALUES (?, ?)",
                       (_text(article_id), _time_text(read_at, now)), "read_marks")
        for name, query, created in found.get("saved_searches", []):
            name, query = (_text(name) or "").strip(), (_text(query) or "").strip()
            if name and query:
                insert("INSERT OR IGNORE INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)",
                       (name, query, _time_text(created, now)), "saved_searches")
        for key, value in found.get("preferences", []):
            key, value = _text(key), _text(value)
            try:
                json.loads(value or "")
            except ValueError:
                continue  # get_pref could not read it back
            if key:
                insert("INSERT OR IGNORE INTO preferences (key, value) VALUES (?, ?)", (key, value), "preferences")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return kept


def _rescued_words(rescued: Mapping[str, int]) -> str:
    """The notice's end: how many bookmarks `_salvage` kept (the rows users mind most; read
    marks, saved searches and settings come with them, unnamed, to keep the notice one line)."""
    if not any(rescued.values()):
        return "nothing could be rescued from it"
    count = rescued.get("bookmarks", 0)
    return f"rescuing {count} bookmark{'' if count == 1 else 's'}"
