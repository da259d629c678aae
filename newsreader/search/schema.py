"""The Whoosh schema: what is searchable, and (deliberately) how little is stored.

Whoosh holds only what queries, sorting and facets need. Article bodies, spans and list
rows live in the SQLite article store (`store.py`): storing bodies in Whoosh made a searcher
on 100,000 articles cost ~1.2 GB before the first query (see bench/README.md).

Dates are searched through `dkey`, which holds three exact keys per article
(`y2025`, `m2025-06`, `d2025-06-14`): a date range becomes a handful of year, month and
day terms instead of Whoosh's per-value expansion of a DATETIME range. It also holds the
keys of the dates a story mentions (`mention_keys`, after "@") and of its canonical names
(`name_keys`, after "~"), which sort after the date keys, so a date range never reaches them.

`grams_title`/`grams_body` list pairs of adjacent common stems. Which stems are common is
decided once per index (`indexer.decide_common_stems`) and kept in the article store's
meta table: within a segment a kept pair must be listed for every document holding it,
or phrases answered from the pair list would miss documents.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader.errors import IndexNeedsRebuild, UserError, exception_said

if TYPE_CHECKING:  # the reader imports this module before its list shows: Whoosh loads later
    from whoosh.fields import Schema

#: Whoosh's index name inside the index folder (its default).
INDEX_NAME = "MAIN"
#: Whoosh's table of contents of commit N of the index ("_MAIN_N.toc").
_TOC = re.compile(rf"^_{INDEX_NAME}_([0-9]+)\.toc$")


def latest_commit(folder: Path) -> int:
    """Whoosh's `latest_generation` read from the folder's file names, without Whoosh: the
    highest N of its tables of contents, -1 for none (also for a folder that cannot be
    listed, which Whoosh takes for an empty one). The one rule for "an index is there",
    for the library (which must not import Whoosh to show the list) and the indexer alike."""
    try:
        names = os.listdir(folder)
    except OSError:
        return -1
    return max((int(m.group(1)) for m in map(_TOC.match, names) if m), default=-1)


#: Fields users can name in queries, and the index field each one searches.
QUERY_FIELDS = {
    "title": "title",
    "body": "body",
    "source": "source",
    "byline": "byline",
    "dateline": "dateline",
    "person": "person",
    "org": "org",
    "place": "place",
    "file": "file",
    "id": "id",
}


class QueryError(ValueError):
    """A malformed query; the message is one line meant for the user."""


#: The Whoosh index's folder inside an index folder (beside the SQLite article store).
WHOOSH_DIR = "whoosh"
#: The file an index update holds an exclusive flock on for its whole run (`indexer.IndexLock`).
LOCK_FILE = "index.lock"
#: The article store's meta key: "1" from the start of a run with pages to read or drop to
#: its end, so a run killed meanwhile left an index that answers from part of the corpus.
#: Here, not in the indexer: the reader asks it at start, before it needs the indexer.
UNFINISHED_META = "unfinished"


def update_running(folder: Any) -> bool:
    """Whether a run (`newsreader index`, a reader) is updating the index in `folder` now. The
    probe holds a shared lock for an instant; `IndexLock.acquire` retries for a moment, so a
    probe never turns an indexer away."""
    try:
        fd = os.open(os.path.join(folder, LOCK_FILE), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing drops the probe's lock
    return False

#: Bumped when the schema or analysis changes, so an old index is rebuilt, not misread.
SCHEMA_VERSION = 5


def build_schema() -> Schema:
    from whoosh import columns
    from whoosh.fields import COLUMN, ID, Schema

    from newsreader.search.analysis import NewsText

    return Schema(
        id=ID(stored=True, unique=True),
        file=ID,
        title=NewsText(field_boost=2.0),
        body=NewsText(),
        source=NewsText(stemming=False),
        byline=NewsText(stemming=False),
        dateline=NewsText(stemming=False),
        person=NewsText(stemming=False),
        org=NewsText(stemming=False),
        place=NewsText(stemming=False),
        dkey=ID,
        # Common grams: "<stem> <stem>" for adjacent title/body terms that are both
        # common (`analysis.word_pairs`), so a phrase of two common words is one posting
        # list (`phrase.gram_phrase`). Not stored, not scored, no positions.
        grams_title=ID,
        grams_body=ID,
        # Columns: per-document values read by sorting and facets without stored fields.
        date=COLUMN(columns.NumericColumn("I", default=0)),
        src=COLUMN(columns.VarBytesColumn()),
        ents=COLUMN(columns.VarBytesColumn()),
    )


def date_keys(date: dt.date | None) -> list[str] | None:
    """The `dkey` values of an article (a list, so Whoosh indexes them without analysis)."""
    if date is None:
        return None
    return [f"y{date.year:04d}", f"m{date.year:04d}-{date.month:02d}", f"d{date.isoformat()}"]


#: Before a `dkey` value, marks a date a story mentions (`mention_keys`), not its own date.
MENTION_PREFIX = "@"
#: A date value the extractor resolved (TIMEX-like): a day (a time of day after it), a
#: month, a year, an ISO week (or its weekend), a year's part (season, quarter, half).
_MENTION_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?(?:T.*)?|-W(\d{2})(?:-WE)?|-[A-Z]{1,2}\d?)?")


#: The prefix of a story's name keys in `dkey` (`name_keys`): after every date key in lexicon order.
NAME_PREFIX = "~"
#: Words after a surname, not one ("Cal Ripken Jr.": Ripken), as `analysis.name_terms` gives them.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


#: A Roman numeral as a name's last word is written: "II", "XIV", "XXIII" (not "Li" or "Xi": names).
_ROMAN = re.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")


#: Two given names a monarch or pope goes by before the number ("John Paul II", "Juan Carlos I"): other given
#: names and a number are a man's names and his generation ("Earl Thomas III", "Melvin Gordon III").
REGNAL_PAIRS = frozenset({("john", "paul"), ("juan", "carlos"), ("louis", "philippe"), ("frederick", "william"),
                          ("friedrich", "wilhelm"), ("victor", "emmanuel"), ("carl", "gustaf"), ("karl", "gustav"),
                          ("gustaf", "adolf")})


def regnal(value: str) -> bool:
    """Is the full name as written a monarch's or a pope's, its given names and a number ("John Paul II",
    "Louis XIV", "Benedict XVI"), with no surname to go by alone? One name and a number is ("Mohammed VI",
    "Charles III", but II to IV after a name no given name is a generation: "Griffin III"); two names and a number
    only when the two are a monarch's pair (`REGNAL_PAIRS`: "John Paul II", "Juan Carlos I"): "Robert Griffin III",
    "Henry Ford II", "Earl Thomas III" and "Will Fuller V" are a generation after a surname (RV28-E #6: Thomas,
    Gordon, Scott and Perry are given names too, and "Earl Thomas III" lost his surname)."""
    tokens = value.split()
    if len(tokens) < 2 or not _ROMAN.fullmatch(tokens[-1].rstrip(".")):
        return False
    if len(tokens) > 2:
        return len(tokens) == 3 and (tokens[0].lower(), tokens[1].lower()) in REGNAL_PAIRS
    if tokens[-1].rstrip(".").lower() not in NAME_SUFFIXES:
        return True
    from newsreader.extract.resources import cues

    return tokens[0] in cues().given_names


def surnames(value: str) -> list[str]:
    """The surnames a full name as written may go by alone, as name words: its last written word
    after a trailing Jr./Sr./II-IV, whole ("O'Connor": "o connor", "Zeta-Jones": "zeta jones": a
    lone "Jones" is someone else), and with each lower-case particle before it ("Ursula von der
    Leyen": "leyen", "der leyen", "von der leyen"). None for a name of one written word, one
    opening with a particle, or a monarch's or pope's (`regnal`: "John Paul II" is not a lone "Paul")."""
    from newsreader.search.analysis import name_terms

    tokens = value.split()
    if regnal(value):
        return []
    while len(tokens) > 1 and name_terms(tokens[-1]) and name_terms(tokens[-1])[-1] in NAME_SUFFIXES:
        tokens.pop()
    if len(tokens) > 2 and _ROMAN.fullmatch(tokens[-1].rstrip(".")):  # ("Will Fuller V": a generation past IV)
        tokens.pop()
    if tokens and tokens[0].islower():  # ("von der Leyen" alone: no first name, all of it the surname)
        return []
    out: list[str] = []
    start = len(tokens) - 1
    while start > 0:
        words = " ".join(name_terms(" ".join(tokens[start:])))
        if words:
            out.append(words)
        if not tokens[start - 1].islower():
            break
        start -= 1
    return out


#: A woman's title right before a name ("Mrs Obama", "Ms. Rice"): the lone surname is not a man's.
_HER_TITLE = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Mme)\.?\s+$")
#: A man's title right before a name ("Mr Rice"): with one of hers too, whose it is is unclear.
_HIS_TITLE = re.compile(r"\b(?:Mr|Mister)\.?\s+$")


def hers(spans: Iterable[tuple[str, list[dict[str, Any]]]]) -> set[str]:
    """The one-word person names written after a woman's title and never after a man's in (text, its
    entities) pairs: "Mrs Obama said ... Obama spoke" gives the canonical name "Obama", which is not
    Barack's (`name_keys` files no lone key for it, so no full name is widened to it: RV26-C #7)."""
    from newsreader.search.analysis import name_terms

    her: set[str] = set()
    his: set[str] = set()
    for text, entities in spans:
        for e in entities:
            name = e.get("name") or ""
            if e.get("kind") != "person" or len(name_terms(name)) != 1 or not isinstance(e.get("start"), int):
                continue
            before = text[max(0, e["start"] - 8):e["start"]]
            if _HER_TITLE.search(before):
                her.add(name)
            elif _HIS_TITLE.search(before):
                his.add(name)
    return her - his


def name_keys(names: dict[str, list[str]], women: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The `dkey` values of a story's canonical names (kind -> names), for widening a full name's
    search to the stories that name the person only by a part of it (`entity.NamePart`): each name
    whole, "~person=obama" ("Obama" alone), and each name of two written words or more under each
    of its surnames (`surnames`), "~person~obama=barack obama", "~person~o connor=sinead o connor",
    so the full names of a kind that a surname ends are one prefix of the lexicon; a one-word name
    of `women` (`hers`) has no key. Words as the entity fields hold them (`analysis.name_terms`:
    lower case, no accents)."""
    from newsreader.search.analysis import name_terms

    keys: list[str] = []
    for kind, values in names.items():
        for value in values:
            words = name_terms(value)
            if not words:
                continue
            whole = " ".join(words)
            if value not in women:  # (`hers`)
                keys.append(f"{NAME_PREFIX}{kind}={whole}")
            keys.extend(f"{NAME_PREFIX}{kind}{NAME_PREFIX}{last}={whole}" for last in surnames(value) if last != whole)
    return keys


def mention_keys(values: Iterable[str | None]) -> list[str]:
    """The `dkey` values (after MENTION_PREFIX) of the dates a story mentions, for
    `mentions:`. A day gives its day, month and year keys; a month its month and year; a
    year, a season or a quarter its year; a week the months and year its days fall in.
    So a value is found by a query as wide as itself or wider, never by a narrower one:
    "December 2013" is found by `mentions:2013-12` and `mentions:2013`, not by
    `mentions:2013-12-15` (the story does not say which day), and a day query or a range
    of days finds the stories that name a day in it."""
    keys: set[str] = set()
    for value in values:
        m = _MENTION_RE.fullmatch(value or "")
        if m is None:
            continue
        year, month, day, week = m.groups()
        try:
            if week:
                monday = dt.date.fromisocalendar(int(year), int(week), 1)
                days = [monday, monday + dt.timedelta(days=6)]
            elif month:
                days = [dt.date(int(year), int(month), int(day or 1))]
            else:
                days = []
        except ValueError:  # (2013-02-30, week 54)
            continue
        keys.add(f"y{year}")
        for d in days:
            keys.add(f"y{d.year:04d}")
            keys.add(f"m{d.year:04d}-{d.month:02d}")
        if day:
            keys.add(f"d{days[0].isoformat()}")
    return [MENTION_PREFIX + k for k in sorted(keys)]


def date_number(date: dt.date | None) -> int:
    """YYYYMMDD, 0 for undated (sorts last when newest-first)."""
    return date.year * 10000 + date.month * 100 + date.day if date else 0


_CHECK_PERMISSIONS = "check the permissions of the index folder and its files"
_FREE_SPACE = "free some disk space and try again"
_FREE_MEMORY = "close some programs and try again"

# errno values that blame the machine, not the index's bytes: rebuilding would wipe a sound
# index and then fail again for the same reason, so these get their own advice instead.
ENVIRONMENT_ERRNO: dict[int, str] = {
    errno.EACCES: _CHECK_PERMISSIONS,
    errno.EPERM: _CHECK_PERMISSIONS,
    errno.EMFILE: "raise the open-files limit (ulimit -n) and try again",
    errno.ENFILE: _FREE_MEMORY,
    errno.ENOSPC: _FREE_SPACE,
    errno.EDQUOT: _FREE_SPACE,
    errno.EROFS: "mount it writable or use another index folder",
    errno.ENOMEM: _FREE_MEMORY,
}

# The same causes as SQLite reports them (primary result codes; `sqlite_errorcode` exists
# from Python 3.11, so on 3.10 these read as damage, as before). SQLITE_CORRUPT and
# SQLITE_NOTADB are damage and stay out.
ENVIRONMENT_SQLITE: dict[int, str] = {
    3: _CHECK_PERMISSIONS,  # SQLITE_PERM
    7: _FREE_MEMORY,  # SQLITE_NOMEM
    8: _CHECK_PERMISSIONS,  # SQLITE_READONLY
    13: _FREE_SPACE,  # SQLITE_FULL
    14: _CHECK_PERMISSIONS + " (or raise the open-files limit, ulimit -n)",  # SQLITE_CANTOPEN
}


def environment_cause(exc: BaseException) -> tuple[BaseException, str] | None:
    """The error (`exc` or one it was raised from or while handling) that blames the machine,
    with its advice; None when nothing does, i.e. the index's files themselves are suspect."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in ENVIRONMENT_ERRNO:
            return current, ENVIRONMENT_ERRNO[current.errno]
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in ENVIRONMENT_SQLITE:
            return current, ENVIRONMENT_SQLITE[code & 0xFF]
        current = current.__cause__ or current.__context__
    return None


#: SQLite's primary result codes for a file that is damaged or no database at all.
_SQLITE_DAMAGE = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error says the file is damaged, as opposed to busy, locked or
    refused by the machine (`environment_cause`). (Python 3.10 has no error codes: the
    message decides there.)"""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _SQLITE_DAMAGE
    return any(words in str(exc) for words in ("malformed", "not a database"))


def environment_error(folder: Any, exc: BaseException | None) -> UserError | None:
    """The error to show when `exc` (or, failing that, listing the index's folder now) blames
    the machine; None when the index's files themselves are suspect."""
    found = environment_cause(exc) if exc is not None else None
    if found is None:
        # Whoosh swallows a failed folder listing (EMFILE, EACCES) and reports an index that
        # does not exist: list it again to see why.
        try:
            os.listdir(os.path.join(folder, WHOOSH_DIR))
        except OSError as listing:
            found = environment_cause(listing)
    if found is None:
        return _file_system_error(folder)
    cause, advice = found
    reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
    if advice.startswith(_CHECK_PERMISSIONS):
        # SQLite says "unable to open database file" (or "readonly database") on a read-only
        # mount too, where permissions and the open-files limit are the wrong lead.
        return _file_system_error(folder) or UserError(f"cannot use the index at {folder}: {reason}; {advice}")
    return UserError(f"cannot use the index at {folder}: {reason}; {advice}")


def _file_system_error(folder: Any) -> UserError | None:
    """A read-only or full file system under the index's folder, or None. SQLite reports a
    full disk as a vague "disk I/O error" (its journal or shared-memory file cannot grow) and a
    read-only one as a file it cannot open: neither is damage, and a rebuild would fail too."""
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # (no statvfs on Windows)
        return None
    if info.f_flag & getattr(os, "ST_RDONLY", 1):
        return UserError(f"cannot use the index at {folder}: its disk is mounted read-only; mount it writable, "
                         "or set NEWSREADER_HOME to a writable folder")
    if info.f_bavail == 0:
        return UserError(f"cannot use the index at {folder}: the disk is full; {_FREE_SPACE}")
    return None


def unreadable_index(folder: Any, exc: BaseException) -> UserError:
    """The one message for an index whose files cannot be read. Damage says rebuild (and the
    reader rebuilds on its own); a cause in the environment (permissions, open-files limit,
    full or read-only disk, memory) is a plain UserError naming it, so nothing is rebuilt."""
    # What is wrong and what to do first; Python's words last, for a report (they were the only words:
    # "is unreadable (UnpicklingError: invalid load key, '\x00'.)", U1 #11), cut to one short line.
    return environment_error(folder, exc) or IndexNeedsRebuild(
        f"the index at {folder} is unreadable: a file of it is damaged (cut short or garbled, as a crash, a full "
        "disk or a copy cut off leaves it); run `newsreader index --rebuild` to build it again from the corpus "
        f"(bookmarks are kept). The error, for a report if that does not help: {exception_said(exc)}")


def other_version_index(folder: Any) -> IndexNeedsRebuild:
    """The one message for an index built with another SCHEMA_VERSION."""
    return IndexNeedsRebuild(f"the index at {folder} was built by another version of newsreader; "
                             "run `newsreader index --rebuild`")
