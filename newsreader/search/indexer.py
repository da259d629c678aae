"""Building and incrementally updating the index of one corpus folder.

Bookkeeping: the store's `pages` table records, per page file, its size, mtime, content hash,
the article ids it gave and the stamp of the parser and extractor that made them (`store.Stamp`).
A run re-reads only files whose size or mtime changed, and re-indexes only those whose content
hash changed; ids of pages that vanished are deleted. A page made under another stamp (newsreader
upgraded, a cue file edited) is read again as a changed one, and recorded under the current stamp
in the commit of its articles: a run cut short leaves the pages it did not reach to the next.
A page on one of whose stories the extractor failed is recorded without a hash
(`UNEXTRACTED`): the next run reads it again and tries the names and dates again.

Work is split in shards (`Shard`): each reads and parses pages, extracts entities and dates,
analyses the text and writes Whoosh segments of its own (`writer.SegmentBuilder`) in a
staging folder. With enough pages every shard runs in a worker process, so the costly part
of indexing (Whoosh's segment writing included) runs on every core; this process only
keeps the books: it stores the articles in SQLite and commits the shards' segments.

Crash safety: work is committed in batches. At the end of a batch every shard writes its
segments; their files are moved into the index folder and added to Whoosh's table of
contents in one commit (with the batch's deletions), then the SQLite transaction (articles
and page records) is committed. A kill before the Whoosh commit leaves files that no table
of contents names (Whoosh removes them at its next commit) and staging folders (removed at
the next run). A kill between the two commits leaves Whoosh ahead of SQLite; the page
records were not committed, so the next run redoes those pages, deleting their ids before
adding them again. Either way the last committed state of both stores is usable, and
readers (Whoosh snapshots, SQLite WAL) never see a half-written batch.
"""

from __future__ import annotations

import fcntl
import gc
import json
import os
import shutil
import signal
import sqlite3
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

from whoosh import index as windex

from newsreader.config import Config, check_extractor
from newsreader.corpus import check_corpus_dir, no_story_message
from newsreader.corpus.model import Article
from newsreader.errors import IndexNeedsRebuild, UserError, counted, exception_said
from newsreader.fileio import flock_within
from newsreader.search import analysis
from newsreader.search.schema import INDEX_NAME, LOCK_FILE, SCHEMA_VERSION, UNFINISHED_META, WHOOSH_DIR, build_schema, \
    date_keys, date_number, environment_cause, is_damage, latest_commit, mention_keys, name_keys, hers, \
    other_version_index, unreadable_index
from newsreader.search.store import ArticleStore, PageRecord, current_stamp, decode_doc, encode_doc, page_key
from newsreader.search.writer import IndexDoc, NewsWriter, SegmentBuilder, merge_after, open_index

#: How long an indexer waits for the lock before saying another run holds it: long enough
#: for a command's probe (`schema.update_running`) to let go, short for a person.
LOCK_WAIT_SECONDS = 1.0
#: Where shards write segments before they are committed (inside the index folder).
STAGING_DIR = "staging"

#: Articles per commit: large enough that commit overhead is amortised, small enough
#: that an interrupted first build keeps most of its work. Each shard writes its share
#: of a batch as one segment.
BATCH_ARTICLES = 20_000
#: The first batch of a run is committed sooner, and each batch after it is BATCH_GROWTH
#: times the one before, up to BATCH_ARTICLES: a first build shows articles in the reader
#: about a second after its workers start (with 1,000 the list said "No articles yet." for
#: ~10 s on a 3,000-page corpus, until ~830 pages were read), and a kill or a quit loses at
#: most the batch under way. Each batch is a segment per worker: growing by 2 made 16
#: segments on a 3,000-page corpus after one quit and resume, and Whoosh's MERGE_SMALL
#: then merged all of them at the last commit (47 s on a loaded host, in the index owner);
#: by 4 a first build makes three small segments a worker more than one batch of 1,000.
FIRST_BATCH_ARTICLES = 100
BATCH_GROWTH = 4
#: Articles a shard sorts by date before they go to its segment (memory: ~10 KB each).
SORT_CHUNK = 4_000
#: In a new index a shard writes its first batches again, all in one segment, which replaces
#: the segment it wrote for them at the batch before (in the same commit), while they hold
#: at most this many articles: the small first batches (100, 400, 1,600) made six small
#: segments that cost 20-25% of the query mix's CPU at 100,000 articles, and a Whoosh merge of
#: them 10.6 ms of CPU an article; writing one again costs ~1 ms, in the workers.
RAMP_ARTICLES = 1_500
@dataclass
class Progress:
    """Reported to the progress callback during a run."""

    pages_done: int
    pages_total: int
    articles: int
    elapsed: float
    #: How many of the pages are read again only because they were made under another stamp, and why
    #: (`Stamp.changes`, joined): "re-reading 9 pages: your cue files changed".
    reread: int = 0
    reason: str = ""


@dataclass
class UpdateStats:
    pages_seen: int = 0
    pages_unchanged: int = 0
    pages_indexed: int = 0
    pages_removed: int = 0
    pages_failed: int = 0
    #: Pages indexed again, changed or not, because finding names and dates failed on one of their
    #: stories last time (`UNEXTRACTED`); counted in `pages_indexed` too.
    pages_retried: int = 0
    #: Pages indexed again, unchanged, because they were made under another stamp (`Progress.reason`
    #: says why); counted in `pages_indexed` too.
    pages_reread: int = 0
    reread_reason: str = ""
    articles_added: int = 0
    articles_removed: int = 0
    articles_total: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    #: Files left out only for an ending `extensions` does not name though newsreader reads it, by ending
    #: (`iter_page_files`' `unread`; `corpus.unread_endings_message` says them).
    unread_endings: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """`index --json`'s summary: the time to the millisecond (it printed
        "seconds": 0.014977186001488008), warnings counted."""
        return {k: v for k, v in self.__dict__.items() if k != "warnings"} | {
            "seconds": round(self.seconds, 3), "warnings": len(self.warnings)}

    def failed(self, problem: str, warn: Callable[[str], None] | None) -> None:
        """Count a page left out (it could not be read, or holds no story), keep its
        warning and say it."""
        self.pages_failed += 1
        self.noted(problem, warn)

    def noted(self, problem: str, warn: Callable[[str], None] | None) -> None:
        """Keep a warning and say it."""
        self.warnings.append(problem)
        if warn:
            warn(problem)


def extraction_dicts(article: Article, backend: str = "rules") -> dict[str, Any]:
    """What the stored document keeps of the extraction, computed once here so the reader never
    runs the extractor: "entities" and "dates" (spans of `article.text`, in the `extract` JSON
    shape), "names_withheld" when names were not looked for (why: the reader's entity pane says
    it), for a story with a summary, "summary_entities" and "summary_dates" (spans of the
    summary's paragraphs joined by `extract.SUMMARY_JOIN`; `extract.extract_story`), and always
    "title_entities" and "title_dates" (spans of the headline, `extract.extract_title`: a name only in
    the headline was in no `person:` field)."""
    from newsreader.extract import SUMMARY_JOIN, extract_story, extract_title  # late: keeps `search` startup lean

    body, summary = extract_story(article.text, article.summary, article.date, backend=backend)
    data = body.to_dict()
    if article.summary:
        more = summary.to_dict()
        data["summary_entities"], data["summary_dates"] = more["entities"], more["dates"]
    context = SUMMARY_JOIN.join([*article.summary, article.text]) if article.summary else article.text
    title = extract_title(article.title, context, article.date, backend, (body, summary)).to_dict()
    data["title_entities"], data["title_dates"] = title["entities"], title["dates"]
    return data


def extractor_failure(article: Article, exc: Exception) -> str:
    """What to say of an article the extractor raised on (a RecursionError on a pathological
    text killed a whole `index` run, nothing indexed): the article, by headline and id, is
    indexed without names and dates, and the rest of the run goes on."""
    title = article.title if len(article.title) <= 60 else article.title[:59] + "…"
    return (f"the story \"{title}\" ({article.id}): finding its names and dates failed "
            f"({exception_said(exc)}); indexed without them")


class IndexLock:
    """An exclusive flock on `index.lock` for a whole run.

    The kernel drops an flock when its holder dies, so a `kill -9`ed indexer never leaves a
    stale lock behind; a live one makes a second indexer fail at once with a clear message.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self.fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not flock_within(fd, LOCK_WAIT_SECONDS):
            os.close(fd)
            raise UserError(
                f"the index at {self.path.parent} is being updated by another run (`newsreader "
                "index` or an open reader); wait for it to finish (searching keeps working meanwhile)"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "IndexLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()




_SCHEMA: Any = None


def _schema() -> Any:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = build_schema()
    return _SCHEMA


#: A row of the store's `articles` table: id, file, title, date, source, data.
Row = tuple[str, str, str, Optional[str], Optional[str], bytes]


@dataclass
class Prepared:
    """Everything derived from one article: its index document, its store row and the
    words it adds to the did-you-mean vocabulary."""

    index: IndexDoc
    row: Row
    words: list[str]
    #: Why its names and dates are missing (the extractor failed), or "".
    problem: str = ""


def prepare(article: Article, backend: str = "rules", extract: bool = True,
            common: frozenset[str] = frozenset()) -> Prepared:
    """Everything derived from an article once: index terms, the stored JSON, spell words.

    `extract=False` skips entity and date extraction (the benchmark's index-only figure).
    `common` is the index's fixed set of common stems (see `decide_common_stems`)."""
    ents: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    found: dict[str, Any] = {}
    problem = ""
    if extract:
        try:
            found = extraction_dicts(article, backend)
            ents, dates = found["entities"], found["dates"]
        except UserError:  # a broken cue file (`resources.CueFileError`), an unusable backend: every article
            raise  # would fail on it, each with a warning line (and a new try at the cue lists): the run stops
        except Exception as exc:  # noqa: BLE001 - one article's names lost, not the run (Ctrl-C still stops it)
            problem = extractor_failure(article, exc)
    names: dict[str, list[str]] = {"person": [], "org": [], "place": []}
    # The summary's and the headline's names fill the fields too (after the body's: their order is the body's first).
    named = ents + found.get("summary_entities", []) + found.get("title_entities", [])
    for e in named:
        bucket = names.get(e["kind"])
        if bucket is not None and e["name"] and e["name"] not in bucket:
            bucket.append(e["name"])
    title_words = analysis.words(article.title)
    body_words = analysis.words(article.text)
    title_terms, body_terms = index_terms(article, title_words, body_words)
    text: dict[str, list[list[str]]] = {"title": [title_terms], "body": [body_terms]}
    for key in ("source", "byline", "dateline"):
        value = getattr(article, key)
        if value:
            text[key] = [analysis.name_terms(value)]
    # The fields also hold the forms the article wrote (`OIC`, `Asif`), so `org:OIC` finds
    # what the canonical name `Organization of Islamic Cooperation` finds.
    written: dict[str, list[str]] = {kind: list(values) for kind, values in names.items()}
    for e in named:
        forms = written.get(e["kind"])
        if forms is not None and e["text"] not in forms:
            forms.append(e["text"])
    for kind, values in written.items():
        if values:
            text[kind] = [analysis.name_terms(v) for v in values]
    keys = {"id": [article.id], "file": [article.file]}
    for name, ts in (("grams_title", title_terms), ("grams_body", body_terms)):
        pairs = analysis.word_pairs(ts, common)
        if pairs:
            keys[name] = pairs
    # The dates the story mentions too (`mentions:`), apart from its own by their prefix.
    mentioned = dates + found.get("summary_dates", []) + found.get("title_dates", [])
    dkeys = (date_keys(article.date) or []) + mention_keys(d.get("value") for d in mentioned) + name_keys(
        names, hers([(article.text, ents), (article.title or "", found.get("title_entities", []))]))
    if dkeys:
        keys["dkey"] = dkeys
    date = date_number(article.date)
    columns = {
        "date": date,
        "src": (article.source or "").encode("utf-8"),
        "ents": "\t".join(f"{k}:{n}" for k, v in names.items() for n in v).encode("utf-8"),
    }
    index = IndexDoc(text, keys, columns, {"id": article.id}, date)
    doc = {"article": article.to_dict(), **found} if found else {"article": article.to_dict(), "entities": ents,
                                                                   "dates": dates}
    row = (article.id, article.file, article.title,
           article.date.isoformat() if article.date else None, article.source, encode_doc(doc))
    return Prepared(index, row, analysis.surface(title_words + body_words), problem)


#: How much of a story's words (Jaccard of the word sets of summary and body) must be
#: kept for a story under a new headline to count as the same story. Two stories of one
#: page share their common words ("the", "said", the place): about 0.1-0.3.
SAME_STORY = 0.6


def _story_words(doc: dict[str, Any]) -> set[str]:
    article = doc["article"]
    return set(analysis.words(" ".join(article.get("summary") or []) + " " + (article.get("body") or "")))


def pair_renamed(old: list[tuple[str, dict[str, Any]]], new: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str]]:
    """(old id, new id) for the stories of a re-read page that lost their id (a headline
    edited) and the stories that got a new one, paired by their text: the closest pairs
    first, each story once, the nearer position on the page breaking ties. A story whose
    text changed beyond `SAME_STORY` is another story, and pairs with nothing."""
    old_words = [(i, n, _story_words(doc)) for n, (i, doc) in enumerate(old)]
    new_words = [(i, n, _story_words(doc)) for n, (i, doc) in enumerate(new)]
    scored = []
    for old_id, m, a in old_words:
        for new_id, n, b in new_words:
            union = len(a | b)
            score = len(a & b) / union if union else 0.0
            if score >= SAME_STORY:
                scored.append((-score, abs(m - n), old_id, new_id))
    scored.sort()
    pairs: list[tuple[str, str]] = []
    taken: set[str] = set()
    for _, _, old_id, new_id in scored:
        if old_id not in taken and new_id not in taken:
            taken.update((old_id, new_id))
            pairs.append((old_id, new_id))
    return pairs


def renamed_pairs(rec: PageRecord, old: ArticleStore, rows: list[tuple[Any, ...]]) -> list[tuple[str, str]]:
    """`pair_renamed` for a re-read page: `rec` and `old` say what it held, `rows` (as
    `prepare` makes them) what it holds now. Best effort: a previous store from another
    version, or damaged, pairs nothing."""
    now = {row[0] for row in rows}
    gone = [i for i in rec.ids if i not in now]
    if not gone:
        return []
    try:
        olds = old.docs(gone)
        born = [(row[0], decode_doc(row[5])) for row in rows if row[0] not in rec.ids]
        return pair_renamed([(i, olds[i]) for i in gone if i in olds], born)
    except Exception:
        return []


def index_terms(article: Article, title_words: list[str] | None = None,
                body_words: list[str] | None = None) -> tuple[list[str], list[str]]:
    """The title and body terms exactly as indexed (the body with summary and captions)."""
    if title_words is None:
        title_words = analysis.words(article.title)
    if body_words is None:
        body_words = analysis.words(article.text)
    extra = "\n\n".join(article.summary + article.captions)
    return analysis.stems(title_words), analysis.stems(body_words + analysis.words(extra) if extra else body_words)


#: The article store's meta key holding the index's common stems (space-separated).
COMMON_META = "common_stems"
#: Articles sampled (from pages spread evenly over the first run's pages) to decide them:
#: a 15% share is then measured to within ~1 point, for ~2 s of reading and parsing once.
SAMPLE_ARTICLES = 1500
#: A first run with fewer pages samples nothing and keeps no common stems: news pages hold
#: ~1.3 articles each, so it is well under `analysis.COMMON_MIN_SAMPLE` articles anyway.
SAMPLE_MIN_PAGES = 500


def decide_common_stems(store: ArticleStore, source: "PageSource", pages: list[tuple[str, Path]], fresh: bool,
                        max_bytes: int, stop: Callable[[], None] = lambda: None) -> frozenset[str]:
    """The index's common stems (for the `grams_*` fields): read from the store's meta, or
    decided now, once, when the first articles go into a new index.

    The set never changes for the life of an index: a segment's pair list must hold every
    document where a kept pair occurs, and incremental runs add to the same index. So it is
    decided from a sample of the first run's pages (`analysis.common_stems`; none from a
    first run of under `SAMPLE_MIN_PAGES` pages or a sample under
    `analysis.COMMON_MIN_SAMPLE` articles), stored before anything is
    indexed, and only `--rebuild` (a new index) decides again. A corpus that starts small
    and grows keeps "no common stems" (phrases checked by positions, still exact) until a
    rebuild; one whose vocabulary drifts keeps its first list (still exact, less fast).
    `stop` is called before each page read: the sample takes seconds, and a reader quit
    meanwhile waited for it (4 s on a 3,000-page corpus)."""
    stored = store.get_meta(COMMON_META)
    if stored is not None:
        return frozenset(stored.split())
    if not fresh:  # documents indexed without a decision (cannot happen since schema 4): none
        return frozenset()
    sample: list[list[str]] = []
    step = max(1, len(pages) // SAMPLE_ARTICLES)  # ~1.3 articles a page: spread, then stop
    for rel, path in pages[::step] if len(pages) >= SAMPLE_MIN_PAGES else ():
        stop()
        try:
            page = source.read_page(path, max_bytes)
        except UserError:
            continue
        for article in source.parse(page.text, rel):
            title, body = index_terms(article)
            sample.append(title + body)
        if len(sample) >= SAMPLE_ARTICLES:
            break
    common = analysis.common_stems(sample, analysis.COMMON_SHARE, analysis.COMMON_MIN_SAMPLE)
    store.set_meta(COMMON_META, " ".join(sorted(common)))
    store.commit()
    return common


#: The article store a rebuild replaces, kept until the rebuild ends: a story whose headline
#: was edited since the last update is paired with its old id from it (see `pair_renamed`).
PREVIOUS_STORE = "previous.sqlite3"
#: An SQLite database's files: the database and its WAL files.
_DB_SUFFIXES = ("", "-wal", "-shm")


def keep_previous(folder: Path) -> None:
    """Before a rebuild: the article store (with its WAL files) becomes the previous store,
    unless an unfinished rebuild left one (it knows more than the store begun since)."""
    from newsreader.search.store import STORE_FILE

    if (folder / PREVIOUS_STORE).exists() or not (folder / STORE_FILE).exists():
        return
    for suffix in _DB_SUFFIXES:
        try:
            os.replace(folder / (STORE_FILE + suffix), folder / (PREVIOUS_STORE + suffix))
        except FileNotFoundError:
            pass


def _check_user_cue_files() -> None:
    """`resources.check_user_cue_files`, imported when a run is to extract: an update with
    nothing to read (the reader's every start) leaves the extractor unloaded."""
    from newsreader.extract.resources import check_user_cue_files

    check_user_cue_files()


def open_previous(folder: Path) -> ArticleStore | None:
    """The store a rebuild replaced, or None (none, unreadable or from another version
    (`index --rebuild` is what such an index asks for): then it is dropped)."""
    if not (folder / PREVIOUS_STORE).exists():
        return None
    previous = None
    try:
        previous = ArticleStore(folder / PREVIOUS_STORE)
        if previous.get_meta("schema_version") != str(SCHEMA_VERSION):
            raise ValueError("another version: its ids and tables may not be ours")
        previous.pages()
        previous.renamed()
        return previous
    except Exception:  # damaged (perhaps why the index is rebuilt): nothing to pair with
        if previous is not None:
            previous.close()
        drop_previous(folder)
        return None


def drop_previous(folder: Path) -> None:
    for suffix in _DB_SUFFIXES:
        try:
            os.unlink(folder / (PREVIOUS_STORE + suffix))
        except FileNotFoundError:
            pass


def open_or_create(folder: Path, rebuild: bool,
                   warn: Callable[[str], None] | None = None) -> tuple[Any, ArticleStore]:
    """The Whoosh index and article store in `folder`, created (or recreated) as needed."""
    from newsreader.search.store import STORE_FILE

    wdir = folder / WHOOSH_DIR
    if rebuild and folder.exists():
        keep_previous(folder)
        for child in folder.iterdir():
            if child.name == LOCK_FILE or child.name.startswith(PREVIOUS_STORE):
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        store = ArticleStore(folder / STORE_FILE)
        version = store.get_meta("schema_version")
        if version is not None and version != str(SCHEMA_VERSION):
            store.close()
            raise other_version_index(folder)
        store.add_stamps()
        if not rebuild and (latest_commit(wdir) > -1) != (version is not None):
            # Half an index (its Whoosh folder or its article store deleted): the other half
            # would call every page unchanged and leave the search empty. Start over.
            store.close()
            if warn:
                warn(f"the index at {folder} was incomplete (its {'article store' if version is None else 'search files'} "
                     "missing); building it anew")
            return open_or_create(folder, rebuild=True)
        if latest_commit(wdir) > -1:
            ix = open_index(str(wdir))
        else:
            wdir.mkdir(parents=True, exist_ok=True)
            ix = windex.create_in(str(wdir), build_schema())
            store.set_meta("schema_version", str(SCHEMA_VERSION))
            store.set_meta(UNFINISHED_META, "1")  # nothing in it yet
            store.commit()
    except UserError:
        raise
    except Exception as exc:  # corrupt files surface as many exception types
        raise unreadable_index(folder, exc) from None
    return ix, store


#: The article store's record of the segment files' sizes at the last commit.
SIZES_META = "segment_sizes"


def segment_sizes(wdir: Path) -> dict[str, int]:
    """The size of every segment file (`MAIN_<segment>.<kind>`; not the table of contents
    or the lock): a segment's files are written once and never change after."""
    sizes = {}
    with os.scandir(wdir) as entries:
        for entry in entries:
            if entry.name.startswith(INDEX_NAME + "_") and "." in entry.name:
                sizes[entry.name] = entry.stat().st_size
    return sizes


def check_segment_sizes(folder: Path, store: ArticleStore) -> None:
    """Raise IndexNeedsRebuild if a segment file is not the size it was committed with (cut
    short by a full disk, a copy, a crash of the file system). Postings are read only by a
    search, so an update found nothing wrong and said the index was fine; a stat of each
    file costs nothing beside that. Files written after the record (a run killed between
    the two commits) and files merged away are not checked."""
    recorded = store.get_meta(SIZES_META)
    if not recorded:
        return
    now = segment_sizes(folder / WHOOSH_DIR)
    for name, size in json.loads(recorded).items():
        if name in now and now[name] != size:
            raise IndexNeedsRebuild(
                f"the index at {folder} is damaged ({name} is {now[name]:,} bytes, {size:,} when written); "
                "run `newsreader index --rebuild`")


@dataclass
class PageSource:
    """How pages are found, read and parsed (the corpus package's functions by default;
    tests and the benchmark may substitute their own)."""

    list_files: Callable[[Path, Config], list[Path]]
    read_page: Callable[[Path, int], Any]
    parse: Callable[[str, str], list[Article]]
    is_default: bool = False

    @classmethod
    def default(cls) -> "PageSource":
        from newsreader.corpus.loader import iter_page_files, read_page_file
        from newsreader.corpus.parser import parse_page

        return cls(iter_page_files, read_page_file, lambda text, file: parse_page(text, file=file).articles, True)


#: What processing one page gives the index owner: an error message (the page could not be
#: read, or holds no story), or (sha1, rows, notes, unextracted) with rows None when the content
#: hash is unchanged, notes what to say of a page read with a fallback (not UTF-8) or of a story
#: the extractor failed on, and unextracted the number of such stories.
Outcome = Union[str, tuple[str, Optional[list[Row]], list[str], int]]
#: The hash a page's record keeps when the extractor failed on one of its stories: none, so the
#: next run reads the page again, as it does a page that could not be used, and tries its stories
#: again (a fixed extractor, cue file or backend gives them their names; one that fails again is
#: said again). Its ids tell it from such a page, which gave none. Written in the SQLite commit
#: of the page's articles, so a kill mid-run loses no retry.
UNEXTRACTED = ""
#: One page to process: its number in the run, path, path relative to the corpus, and the
#: content hash it had when last indexed.
Job = tuple[int, str, str, Optional[str]]
#: Below this many pages, starting worker processes costs more than it saves.
PARALLEL_MIN_PAGES = 200
#: Pages per worker task, and tasks in flight per worker (enough that a worker never waits
#: for the next task, few enough that results held back during a commit stay small).
PAGES_PER_TASK = 8
TASKS_AHEAD = 6
#: ... but only this many until the first batch is asked to end: the flush waits behind every
#: task sent before it, and with 6 a worker the first batch (FIRST_BATCH_ARTICLES, ~80 pages)
#: took ~100 pages more before it was committed.
FIRST_TASKS_AHEAD = 2
#: How long the owner waits for a worker before it asks whether the run is to stop.
IDLE_SECONDS = 0.1
#: A run told to stop (the reader's quit) keeps the batch under way when each shard holds at
#: most this many articles of it: the shards write their segments at once (measured: ~1.1 ms
#: of a worker's CPU an article, + ~0.1 s in the owner), which is committed before the run
#: stops. A bigger batch is dropped, as before, and so is one whose segments are not back
#: within STOP_WAIT_SECONDS (a loaded machine): a quit stays under a second.
STOP_KEEP_ARTICLES = 250
STOP_WAIT_SECONDS = 0.4
#: ... but a person who pressed Ctrl-C in `newsreader index` (`run`'s `patient`) waits a little longer for the
#: pages read: up to this many articles a shard (~2 s of a worker's CPU) and this long. With the reader's
#: numbers, Ctrl-C at 1,224 of 3,000 pages kept 592 (the first batches' pages) and read 632 again.
INTERRUPT_KEEP_ARTICLES = 2_000
INTERRUPT_WAIT_SECONDS = 5.0


@dataclass
class Flushed:
    """What a shard hands over at the end of a batch: its new segments with their files
    (in its staging folder) and the batch's did-you-mean word counts."""

    segments: list[tuple[Any, list[Path]]] = field(default_factory=list)
    vocab: Counter[str] = field(default_factory=Counter)
    replaces: list[Any] = field(default_factory=list)  # committed segments these hold again

    def merge(self, other: "Flushed") -> None:
        self.segments += other.segments
        self.vocab.update(other.vocab)
        self.replaces += other.replaces


class Shard:
    """Pages in, segments out: reads, parses, extracts and analyses pages, and adds their
    articles to a segment of its own, newest first in chunks of SORT_CHUNK (so a segment
    is a few long runs in date order, see dateorder.py)."""

    def __init__(self, staging: Path, source: "PageSource", max_bytes: int, backend: str, extract: bool,
                 common: frozenset[str] = frozenset(), ramp: bool = False) -> None:
        self.staging = staging
        # A new index's first batches (see RAMP_ARTICLES), and the segments that hold them.
        self.ramp: list[IndexDoc] | None = [] if ramp else None
        self.ramp_segments: list[Any] = []
        self.common = common
        self.source = source
        self.max_bytes = max_bytes
        self.backend = backend
        self.extract = extract
        self.builder: SegmentBuilder | None = None
        self.waiting: list[IndexDoc] = []
        self.vocab: Counter[str] = Counter()

    def page(self, path: str, rel: str, old_sha1: str | None) -> Outcome:
        try:
            page = self.source.read_page(Path(path), self.max_bytes)
        except UserError as exc:
            return exc.message
        if old_sha1 is not None and page.sha1 == old_sha1:
            return page.sha1, None, [], 0
        from newsreader.corpus.loader import with_page_source

        # (ids distinct: parser._assign_ids); a saved web page's site, a feed's channel: their source
        articles = with_page_source(self.source.parse(page.text, rel), page)
        if not articles:
            return no_story_message(path)
        rows = []
        notes = list(page.warnings)
        unextracted = 0
        for article in articles:
            prepared = prepare(article, self.backend, self.extract, self.common)
            self.waiting.append(prepared.index)
            self.vocab.update(prepared.words)
            rows.append(prepared.row)
            if prepared.problem:  # said as the page's notes are, from a worker process too
                notes.append(f"{path}: {prepared.problem}")
                unextracted += 1
        if len(self.waiting) >= SORT_CHUNK:
            self._drain()
        return page.sha1, rows, notes, unextracted

    def pages(self, jobs: list[Job], hurry: Callable[[], bool] = lambda: False) -> list[tuple[int, Outcome]]:
        """The outcomes of `jobs`' pages, up to the first page begun once `hurry()` is True:
        the rest are not reported (nor recorded by the owner), so the next run reads them."""
        out = []
        for n, path, rel, old_sha1 in jobs:
            if hurry():
                break
            out.append((n, self.page(path, rel, old_sha1)))
        return out

    def _drain(self) -> None:
        if not self.waiting:
            return
        if self.builder is None:
            self.builder = SegmentBuilder(self.staging, _schema(), analysis.NAME_GAP)
        self.waiting.sort(key=lambda d: -d.order)
        add = self.builder.add
        for doc in self.waiting:
            add(doc)
        self.waiting.clear()

    def flush(self, hurry: bool = False) -> Flushed:
        """End the batch: write the segment and hand it over with the word counts. In a
        `hurry` (a quit waits for this batch) the first batches are not written again: that
        is up to RAMP_ARTICLES more articles, and the quit's wait would run out (then the
        batch is dropped) for the sake of fewer segments."""
        replaces: list[Any] = []
        if self.ramp is not None:
            if hurry or (self.builder is not None and (self.builder.docnum or self.builder.done)) or \
                    len(self.ramp) + len(self.waiting) > RAMP_ARTICLES:
                self.ramp = None  # the batches are big now (or went to the segment already): a segment each
            elif self.waiting:
                self.ramp += self.waiting
                self.waiting = list(self.ramp)  # sorted together: one date run
                replaces, self.ramp_segments = self.ramp_segments, []
        self._drain()
        out = Flushed([], self.vocab, replaces)
        self.vocab = Counter()
        if self.builder is not None:
            out.segments = [(seg, self.builder.files(seg)) for seg in self.builder.finish()]
        if self.ramp is not None and out.segments:
            self.ramp_segments = [seg for seg, _ in out.segments]
        return out


def _worker(conn: Connection, staging: Path, max_bytes: int, backend: str, extract: bool,
            common: frozenset[str], inherited: tuple[int, ...] = (), hurry: Any = None,
            ramp: bool = False) -> None:
    """A worker process: runs one Shard on the tasks the index owner sends. Once `hurry`
    (a shared byte) is set, it begins no page: the owner wants the batch under way written
    now (a stop, see `ProcessPipeline.wrap_up`).

    `inherited` are descriptors the fork copied that must not stay open here: the index
    lock (a worker orphaned by a killed owner would keep the next run out) and the owner's
    ends of the pipes (with them open, a worker never learns that the owner is gone)."""
    for fd in inherited:
        try:
            os.close(fd)
        except OSError:
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the owner handles Ctrl-C and stops us
    # Cyclic garbage is rare here (a few objects a page) while the segment being built
    # holds millions of containers the collector would keep scanning (5-10% of the CPU):
    # collect once a batch instead.
    gc.freeze()
    gc.disable()
    shard = Shard(staging, PageSource.default(), max_bytes, backend, extract, common, ramp)
    hurried = (lambda: hurry.value != 0) if hurry is not None else (lambda: False)
    try:
        while True:
            message = conn.recv()
            if message[0] == "pages":
                conn.send(("pages", message[1], shard.pages(message[2], hurried)))
            elif message[0] == "flush":
                conn.send(("flushed", message[1], shard.flush(hurried())))
                gc.collect()
            else:
                return
    except (EOFError, BrokenPipeError):  # the owner is gone
        return
    except BaseException as exc:  # noqa: BLE001 - handed to the owner, which raises it
        try:
            conn.send(("error", 0, exc))
        except Exception:  # noqa: BLE001 - not picklable
            conn.send(("error", 0, RuntimeError(f"{type(exc).__name__}: {exc}")))


#: Pipeline events: ("pages", [(job number, outcome), ...]), ("flushed", Flushed), or ("idle",
#: None) when no worker answered for IDLE_SECONDS (writing a segment takes seconds).
Event = tuple[str, Any]


class LocalPipeline:
    """One shard in this process, one page at a time (few pages, or a substituted page
    source that cannot be sent to a worker)."""

    shards = 1

    def __init__(self, jobs: list[Job], shard: Shard) -> None:
        self.jobs = jobs
        self.shard = shard
        self._flush = False
        self._wrap = False

    def flush(self) -> None:
        """End the current batch: a "flushed" event follows the pages already reported."""
        self._flush = True

    def wrap_up(self) -> None:
        """End the run with the batch under way: its "flushed" event comes next, and no page
        after it."""
        self._wrap = True

    def __iter__(self) -> Iterator[Event]:
        for job in self.jobs:
            if self._wrap:
                break
            if self._flush:
                self._flush = False
                yield "flushed", self.shard.flush()
            yield "pages", self.shard.pages([job])
        yield "flushed", self.shard.flush(self._wrap)

    def close(self, abort: bool = False) -> None:
        pass


class ProcessPipeline:
    """One shard per worker process. Tasks go to the worker with the fewest in flight; a
    flush goes to every worker and ends the batch for the tasks sent before it. Events come
    out in batch order: every page of a batch, then its "flushed" event (the segments of
    all workers), then the next batch's pages (held back until then)."""

    def __init__(self, jobs: list[Job], workers: int, staging: Path, max_bytes: int, backend: str,
                 extract: bool, common: frozenset[str] = frozenset(), inherited: tuple[int, ...] = (),
                 ramp: bool = False) -> None:
        context = get_context("fork")
        self.tasks = deque(jobs[i:i + PAGES_PER_TASK] for i in range(0, len(jobs), PAGES_PER_TASK))
        self.conns: list[Connection] = []
        self.procs: list[Any] = []
        self.hurry = context.RawValue("b", 0)  # shared with the workers: see wrap_up
        for n in range(workers):
            ours, theirs = context.Pipe()
            # The owner's ends of every pipe so far: a worker holding one would never see
            # the owner go away (no end-of-file on its own pipe).
            owners = tuple(c.fileno() for c in self.conns) + (ours.fileno(),)
            proc = context.Process(target=_worker,
                                   args=(theirs, staging / f"w{n}", max_bytes, backend, extract, common,
                                         inherited + owners, self.hurry, ramp),
                                   name=f"newsreader-index-{n}", daemon=True)
            proc.start()
            theirs.close()
            self.conns.append(ours)
            self.procs.append(proc)
        self.shards = workers
        self.inflight = [0] * workers
        self.batch = 0  # the batch of the tasks being sent
        self._flushing = False

    def flush(self) -> None:
        if self._flushing:
            return  # the batch is ending already
        for conn in self.conns:
            conn.send(("flush", self.batch))
        self.batch += 1
        self._flushing = True

    def wrap_up(self) -> None:
        """End the run with the batch under way (or the one ending already): no task is sent
        any more, the workers begin no page (a task comes back with the pages done before),
        and they write what they hold. The pages reported until its "flushed" event are in it;
        a later batch's are not."""
        self.hurry.value = 1
        self.tasks.clear()
        self.flush()

    def _dispatch(self) -> None:
        while self.tasks:
            n = min(range(len(self.conns)), key=self.inflight.__getitem__)
            if self.inflight[n] >= (TASKS_AHEAD if self.batch else FIRST_TASKS_AHEAD):
                return
            self.conns[n].send(("pages", self.batch, self.tasks.popleft()))
            self.inflight[n] += 1

    def __iter__(self) -> Iterator[Event]:
        current = 0  # the batch whose events are due
        held: deque[Event] = deque()
        parts: list[Flushed] = []
        while True:
            self._dispatch()
            if not self.tasks and not any(self.inflight) and not self._flushing:
                self.flush()  # the last batch
            ready = wait(self.conns, timeout=IDLE_SECONDS)
            if not ready:
                yield "idle", None  # the owner may stop the run meanwhile
            for conn in ready:
                try:
                    kind, batch, payload = conn.recv()
                except EOFError:
                    raise RuntimeError("an indexing worker process died") from None
                if kind == "error":
                    raise payload
                if kind == "pages":
                    self.inflight[self.conns.index(conn)] -= 1
                    if batch == current:
                        yield "pages", payload
                    else:
                        held.append(("pages", payload))
                    continue
                parts.append(payload)
                if len(parts) < len(self.conns):
                    continue
                merged = Flushed()
                for part in parts:
                    merged.merge(part)
                parts.clear()
                self._flushing = False
                current += 1
                yield "flushed", merged
                if not self.tasks and not any(self.inflight) and not held:
                    return
                while held:
                    yield held.popleft()

    def close(self, abort: bool = False) -> None:
        """Stop the workers: asked to at the end of a run; killed at once when the run was
        stopped (Ctrl-C, an error), as its work is thrown away: a worker amid a task of
        pages heard the request only when done, and Ctrl-C took seconds to answer."""
        if abort:
            for proc in self.procs:
                proc.kill()
        for conn in self.conns if not abort else ():
            try:
                conn.send(("stop", 0, None))
            except OSError:
                pass
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for conn in self.conns:
            conn.close()


def _as_given(message: str, full: Path, shown: Path) -> str:
    """A page's message naming it as the user named the corpus (`news/a.txt`, as `articles`
    says it), not by the absolute path the run reads it from."""
    return str(shown) + message[len(str(full)):] if message.startswith(f"{full}: ") else message


class Indexer:
    """One update run over a corpus folder into an index folder."""

    def __init__(self, folder: Path, corpus: Path, config: Config, source: PageSource | None = None,
                 batch_articles: int = BATCH_ARTICLES, workers: int | None = None, extract: bool = True) -> None:
        self.folder = folder
        self.corpus = corpus
        self.config = config
        self.source = source or PageSource.default()
        self.batch_articles = batch_articles
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self.extract = extract
        self.patient = False  # (`run`'s)

    def _pipeline(self, jobs: list[Job], max_bytes: int, lock: IndexLock,
                  common: frozenset[str], ramp: bool = False) -> LocalPipeline | ProcessPipeline:
        # One staging folder per run: a worker orphaned by a killed run never writes into
        # the next run's folder.
        staging = self.folder / STAGING_DIR / str(os.getpid())
        backend = self.config.extractor
        if self.workers > 1 and self.source.is_default and len(jobs) >= PARALLEL_MIN_PAGES:
            inherited = (lock.fd,) if lock.fd is not None else ()
            return ProcessPipeline(jobs, self.workers, staging, max_bytes, backend, self.extract, common, inherited,
                                   ramp)
        return LocalPipeline(jobs, Shard(staging / "local", self.source, max_bytes, backend, self.extract, common,
                                         ramp))

    def run(self, rebuild: bool = False, progress: Callable[[Progress], None] | None = None,
            warn: Callable[[str], None] | None = None, stop: Callable[[], bool] | None = None,
            patient: bool = False) -> UpdateStats:
        """`stop`, if given, is asked before each page read while sampling and at each event of
        the pipeline (a page or task done, or every IDLE_SECONDS); once it is True the run
        raises `UpdateStopped` as Ctrl-C stops `index`: workers killed, the batch under way
        dropped, every committed batch kept (the reader's quit: it stopped the run only when
        the next progress report failed on the closed app, after the sample or the batch's
        segments were written, seconds on a big corpus). `patient`: the one who stops it waits a few
        seconds for more of the pages read to be kept (INTERRUPT_KEEP_ARTICLES: Ctrl-C in `index`)."""
        self.patient = patient
        check_corpus_dir(self.corpus, self.config)
        if self.extract:
            check_extractor(self.config)
            if rebuild:  # before the index is thrown away (a run that reads pages checks in `_run`)
                _check_user_cue_files()
        with IndexLock(self.folder) as lock:
            ix, store = open_or_create(self.folder, rebuild, warn)
            shutil.rmtree(self.folder / STAGING_DIR, ignore_errors=True)  # left by an interrupted run
            try:
                return self._run(ix, store, lock, progress, warn, stop, cues_checked=rebuild)
            except sqlite3.DatabaseError as exc:
                # The article store damaged where opening it did not look (a page table, an index
                # of it): the line `search` gives, and the reader rebuilds, not a traceback. A store
                # that is only busy or locked is not damage.
                if is_damage(exc) or environment_cause(exc):
                    raise unreadable_index(self.folder, exc) from None
                raise
            finally:
                store.close()
                ix.close()
                shutil.rmtree(self.folder / STAGING_DIR, ignore_errors=True)

    def _run(self, ix: Any, store: ArticleStore, lock: IndexLock, progress: Callable[[Progress], None] | None,
             warn: Callable[[str], None] | None, stop: Callable[[], bool] | None = None,
             cues_checked: bool = False) -> UpdateStats:
        """(`cues_checked`: `run` checked the user's cue files already, before a rebuild.)"""
        started = time.monotonic()

        def stopped() -> BaseException:
            from newsreader.search.library import UpdateStopped

            # What a stopped `index` tells the truth with: the pages read, and those of them committed (kept).
            return UpdateStopped("the update was stopped", pages_read=done, pages_kept=kept, pages_total=len(todo))

        def check_stop() -> None:
            if stop is not None and stop():
                raise stopped()

        stats = UpdateStats()
        todo: list[tuple[str, Path, os.stat_result]] = []
        done = kept = 0  # pages read in this run; of them, those committed
        root = self.corpus.resolve()  # the loader joins paths onto root: keep them absolute
        unread: dict[str, int] = {}
        files = (self.source.list_files(root, self.config, unread) if self.source.is_default  # type: ignore[call-arg]
                 else self.source.list_files(root, self.config))
        stats.unread_endings = dict(sorted(unread.items()))
        known = store.pages()
        if not files and known:
            # Every page gone at once is far more often a disk not mounted (its empty mount point
            # left) or a folder emptied by mistake than a corpus deleted on purpose: emptying the
            # index would mean reading every page again when they are back (hours at 100,000).
            raise UserError(f"no pages in {self.corpus} now (looked for {', '.join(self.config.extensions)} files), "
                            f"where the index holds {counted(len(known), 'page')}: the index is kept as it was. If "
                            "the folder's disk is not mounted, mount it; to empty the index, run "
                            "`newsreader index --rebuild`")
        # The stamp pages are made under now, and what made the others (see store.Stamp).
        stamp = current_stamp(store, self.config.extractor, self.extract)
        number = store.stamp_number(stamp)
        stamps = store.stamps()
        why: dict[int | None, list[str]] = {}  # a known page's stamp -> why it is read again
        stale: set[str] = set()  # unchanged pages read again under the current stamp
        previous = open_previous(self.folder)  # left by `--rebuild`, until it ends
        earlier = previous.pages() if previous is not None else {}
        if previous is not None:
            store.record_renames(previous.renamed().items(), ())
        current: set[str] = set()
        prefix = os.path.join(str(root), "")
        max_bytes = int(self.config.max_page_mb * 1024 * 1024)
        for path in files:
            name = str(path) if path.is_absolute() else os.path.join(prefix, str(path))
            rel = page_key(prefix, name)
            try:
                st = os.stat(name)
            except OSError as exc:  # a link to a missing file, a page deleted meanwhile: gone
                from newsreader.corpus.loader import missing_page_message

                said = str(self.corpus / rel)
                stats.failed(missing_page_message(said, Path(name)) if isinstance(exc, FileNotFoundError)
                             else f"{said}: cannot read ({exc.strerror})", warn)
                continue
            current.add(rel)
            rec = known.get(rel)
            # A page that could not be used (no hash) is read again: its line is said on every run. So
            # is a page the extractor failed on (`UNEXTRACTED`): its stories' names are tried again.
            # A page over the page limit (`max_page_mb` lowered since it was read) is read again: it is
            # then skipped, with the line a new page that size gets, and its stories leave the index.
            if rec is not None and rec.sha1 and rec.same_file(st) and st.st_size <= max_bytes:
                if rec.stamp == number:
                    stats.pages_unchanged += 1
                    continue
                if rec.stamp not in why:
                    why[rec.stamp] = stamp.changes(stamps.get(rec.stamp) if rec.stamp is not None else None)
                stale.add(rel)
            todo.append((rel, Path(name), st))
        stats.pages_seen = len(current)
        stats.reread_reason = " and ".join(dict.fromkeys(w for n in why for w in why[n]))

        def report(done: int, now: float) -> None:
            assert progress is not None
            progress(Progress(done, len(todo), stats.articles_added, now - started, len(stale), stats.reread_reason))
        removed = [f for f in known if f not in current]
        try:
            fresh = ix.doc_count_all() == 0
        except Exception as exc:  # a damaged segment shows when its files are first opened
            raise unreadable_index(self.folder, exc) from None
        check_segment_sizes(self.folder, store)
        wdir = self.folder / WHOOSH_DIR

        writer: NewsWriter | None = None
        pending = 0  # articles since the last flush request
        batch = min(self.batch_articles, FIRST_BATCH_ARTICLES)  # articles to the next flush
        last_report = 0.0
        uncommitted = 0  # articles reported since the last commit
        deadline: float | None = None  # told to stop: when to give up the batch being written

        committed = False  # a batch committed: merges at the run's end (`merge_after`)

        def commit(flushed: Flushed) -> None:
            """The end of a batch: Whoosh first, then SQLite (see the module docstring)."""
            nonlocal writer, uncommitted, committed, kept
            uncommitted = 0
            kept = done  # (a batch's pages all come before its "flushed" event)
            segments = []
            for segment, paths in flushed.segments:
                for path in paths:
                    os.replace(path, wdir / path.name)
                segments.append(segment)
            if segments or writer is not None:
                committed = True
                writer = writer or NewsWriter(ix)
                writer.commit_segments(segments, flushed.replaces)
                writer = None
            store.add_vocab(flushed.vocab)
            record_sizes()

        def record_sizes() -> None:
            store.set_meta(SIZES_META, json.dumps(segment_sizes(wdir), sort_keys=True))
            store.commit()

        if todo and self.extract and not cues_checked:
            _check_user_cue_files()  # before the index is marked unfinished: `search` would try to finish it
        if todo or removed:
            store.set_meta(UNFINISHED_META, "1")
            store.commit()
        pipeline: LocalPipeline | ProcessPipeline | None = None
        try:
            if removed:
                writer = NewsWriter(ix)
                for rel in removed:
                    ids = known[rel].ids
                    for id_ in ids:
                        writer.delete_by_term("id", id_)
                    store.delete_articles(ids)
                    store.delete_page(rel)
                    stats.articles_removed += len(ids)
                    stats.pages_removed += 1
            if not todo:
                commit(Flushed())
            else:
                # A page made under another stamp is read again whatever its hash.
                jobs = [(n, str(full), rel, known[rel].sha1 if rel in known and known[rel].stamp == number else None)
                        for n, (rel, full, _) in enumerate(todo)]
                if progress is not None:  # a first build samples pages first: seconds with no report
                    report(0, time.monotonic())
                common = decide_common_stems(store, self.source, [(rel, full) for rel, full, _ in todo], fresh,
                                             max_bytes, check_stop)
                check_stop()
                # Small first batches in a new index only: in one with stories, a batch's
                # deletions may fall on the segment its first batches would be written again
                # over (see RAMP_ARTICLES).
                pipeline = self._pipeline(jobs, max_bytes, lock, common, fresh and batch < self.batch_articles)
                for kind, payload in pipeline:
                    if kind == "flushed":
                        commit(payload)  # written already: kept even when the run is to stop
                        if deadline is not None:
                            raise stopped()
                        check_stop()
                        continue
                    if deadline is None:
                        if stop is not None and stop():
                            # A small batch under way is written and committed first (a quit
                            # dropped up to 4/5 of what the first build had read), a big one
                            # dropped: its segments take seconds to write.
                            keep, wait = (INTERRUPT_KEEP_ARTICLES, INTERRUPT_WAIT_SECONDS) if self.patient \
                                else (STOP_KEEP_ARTICLES, STOP_WAIT_SECONDS)
                            if not 0 < uncommitted <= keep * pipeline.shards:
                                raise stopped()
                            pipeline.wrap_up()
                            deadline = time.monotonic() + wait
                    elif time.monotonic() > deadline:
                        raise stopped()
                    if kind == "idle":
                        continue
                    for n, outcome in payload:
                        rel, full, st = todo[n]
                        done += 1
                        rec = known.get(rel)
                        if isinstance(outcome, str):  # the page could not be read, or holds no story
                            stats.failed(_as_given(outcome, full, self.corpus / rel), warn)
                            old_ids = rec.ids if rec else []
                            if old_ids:
                                writer = writer or NewsWriter(ix)
                                for id_ in old_ids:
                                    writer.delete_by_term("id", id_)
                                store.delete_articles(old_ids)
                                stats.articles_removed += len(old_ids)
                            store.put_page(rel, PageRecord("", st.st_size, st.st_mtime_ns, [], number))
                            continue
                        sha1, rows, notes, unextracted = outcome
                        for note in notes:
                            stats.noted(_as_given(note, full, self.corpus / rel), warn)
                        if rows is None:  # same content, new mtime
                            assert rec is not None
                            store.put_page(rel, PageRecord(rec.sha1, st.st_size, st.st_mtime_ns, rec.ids, number))
                            stats.pages_unchanged += 1
                            continue
                        new_ids = [row[0] for row in rows]
                        if not fresh:
                            # New ids too: an interrupted run may have committed them to Whoosh only.
                            writer = writer or NewsWriter(ix)
                            for id_ in set(new_ids).union(rec.ids if rec else ()):
                                writer.delete_by_term("id", id_)
                        if rec is not None:
                            pairs = renamed_pairs(rec, store, rows)
                            gone = set(rec.ids) - set(new_ids)
                            store.delete_articles(gone)
                            stats.articles_removed += len(gone)
                        elif previous is not None and rel in earlier:  # a rebuild: the page as it was
                            pairs = renamed_pairs(earlier[rel], previous, rows)
                        else:
                            pairs = []
                        if not fresh or previous is not None:  # a new index has no old names to clear
                            store.record_renames(pairs, new_ids)
                        store.put_articles(rows)
                        store.put_page(rel, PageRecord(UNEXTRACTED if unextracted else sha1, st.st_size,
                                                       st.st_mtime_ns, new_ids, number))
                        stats.pages_indexed += 1
                        if rel in stale:
                            stats.pages_reread += 1
                        if rec is not None and rec.sha1 == UNEXTRACTED and rec.ids:
                            stats.pages_retried += 1
                        stats.articles_added += len(rows)
                        pending += len(rows)
                        uncommitted += len(rows)
                        if pending >= batch:
                            pipeline.flush()
                            pending = 0
                            batch = min(batch * BATCH_GROWTH, self.batch_articles)
                    if progress is not None:
                        now = time.monotonic()
                        if now - last_report >= 0.2:
                            last_report = now
                            report(done, now)
        except BaseException:
            if pipeline is not None:
                pipeline.close(abort=True)
                pipeline = None
            if writer is not None:
                writer.cancel()
            store.rollback()
            if previous is not None:  # kept for the run that finishes the rebuild
                previous.close()
            raise
        finally:
            if pipeline is not None:
                pipeline.close()
        if store.get_meta(UNFINISHED_META) == "1":
            store.set_meta(UNFINISHED_META, "0")
            store.drop_unused_stamps()
            store.commit()
        if previous is not None:
            previous.close()
            drop_previous(self.folder)
        # Merges are commits of their own once every batch is in both halves (one that fails
        # leaves the run whole), at the run's end: during a run that reads pages again they
        # copied documents its later batches deleted. Their segments' files are sizes to check too.
        if committed:
            merged, quit = merge_after(ix, stop)
            if merged:
                record_sizes()
            if quit:
                raise stopped()
        if progress is not None:
            report(len(todo), time.monotonic())
        stats.articles_total = store.count()
        stats.seconds = time.monotonic() - started
        return stats
