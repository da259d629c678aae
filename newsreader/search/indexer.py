"""Building and incrementally updating the index of one corpus folder.

Bookkeeping: the store's `pages` table records, per page file, its size, mtime, content hash
and the article ids it gave. A run re-reads only files whose size or mtime changed, and
re-indexes only those whose content hash changed; ids of pages that vanished are deleted.

Crash safety: work is committed in batches. Within a batch the SQLite transaction (articles
and page records) stays open while Whoosh commits, and is committed right after. A kill
between the two leaves Whoosh ahead of SQLite; the page records were not committed, so the
next run redoes those pages, deleting their ids before adding them again. Either way the
last committed state of both stores is usable, and readers (Whoosh snapshots, SQLite WAL)
never see a half-written batch.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

from whoosh import index as windex
from whoosh.writing import IndexWriter

from newsreader.config import Config
from newsreader.corpus.model import Article
from newsreader.errors import IndexNeedsRebuild, UserError
from newsreader.search import analysis
from newsreader.search.schema import SCHEMA_VERSION, WHOOSH_DIR, build_schema, date_keys, date_number
from newsreader.search.store import ArticleStore, PageRecord, encode_doc
from newsreader.search.writer import NewsWriter

LOCK_FILE = "index.lock"

#: Articles per Whoosh commit: large enough that commit overhead is amortised, small enough
#: that an interrupted first build keeps most of its work.
BATCH_ARTICLES = 20_000
#: Articles sorted by date before they go to the writer (memory: ~40 KB each).
SORT_CHUNK = 4_000
#: Whoosh's in-memory posting pool per writer before it spills sorted runs to disk.
WRITER_LIMIT_MB = 256


@dataclass
class Progress:
    """Reported to the progress callback during a run."""

    pages_done: int
    pages_total: int
    articles: int
    elapsed: float


@dataclass
class UpdateStats:
    pages_seen: int = 0
    pages_unchanged: int = 0
    pages_indexed: int = 0
    pages_removed: int = 0
    pages_failed: int = 0
    articles_added: int = 0
    articles_removed: int = 0
    articles_total: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "warnings"} | {"warnings": len(self.warnings)}


def extraction_dicts(article: Article, backend: str = "rules") -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Entity and date spans of `article.text`, in the `extract` JSON shape, computed once
    here so the reader never runs the extractor."""
    from newsreader.extract import extract  # imported late: keeps `search` startup lean

    data = extract(article.text, article.date, backend=backend).to_dict()
    return data["entities"], data["dates"]


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
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise UserError(
                f"the index at {self.path.parent} is being updated by another `newsreader index` "
                "run; wait for it to finish (searching keeps working meanwhile)"
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


@dataclass
class _Doc:
    """One article ready for both stores."""

    article: Article
    fields: dict[str, Any]
    row: tuple[str, str, str, str | None, str | None, bytes]
    words: list[str]


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Ids hash (file, title): two stories with one title on one page would collide."""
    seen: dict[str, int] = {}
    for a in articles:
        n = seen.get(a.id, 0)
        seen[a.id] = n + 1
        if n:
            a.id = f"{a.id}-{n + 1}"
    return articles


_SCHEMA: Any = None


def _schema() -> Any:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = build_schema()
    return _SCHEMA


#: Text fields whose postings are built in `prepare` (in the worker processes).
POSTED_FIELDS = ("title", "body", "source", "byline", "dateline", "person", "org", "place")


def prepare(article: Article, backend: str = "rules", extract: bool = True) -> _Doc:
    """Everything derived from an article once: index postings, the stored JSON, spell words.

    `extract=False` skips entity and date extraction (the benchmark's index-only figure)."""
    ents, dates = extraction_dicts(article, backend) if extract else ([], [])
    names: dict[str, list[str]] = {"person": [], "org": [], "place": []}
    for e in ents:
        bucket = names.get(e["kind"])
        if bucket is not None and e["name"] and e["name"] not in bucket:
            bucket.append(e["name"])
    body = article.text
    extra = "\n\n".join(article.summary + article.captions)
    fields: dict[str, Any] = {
        "id": article.id,
        "file": article.file,
        "title": analysis.Terms(analysis.terms(article.title)),
        "body": analysis.Terms(analysis.terms(f"{body}\n\n{extra}" if extra else body)),
        "date": date_number(article.date),
        "src": (article.source or "").encode("utf-8"),
        "ents": "\t".join(f"{k}:{n}" for k, v in names.items() for n in v).encode("utf-8"),
    }
    for key in ("source", "byline", "dateline"):
        value = getattr(article, key)
        if value:
            fields[key] = value
    # The fields also hold the forms the article wrote (`OIC`, `Asif`), so `org:OIC` finds
    # what the canonical name `Organization of Islamic Cooperation` finds.
    written: dict[str, list[str]] = {kind: list(values) for kind, values in names.items()}
    for e in ents:
        forms = written.get(e["kind"])
        if forms is not None and e["text"] not in forms:
            forms.append(e["text"])
    for kind, values in written.items():
        if values:
            fields[kind] = values
    keys = date_keys(article.date)
    if keys:
        fields["dkey"] = keys
    schema = _schema()
    for name in POSTED_FIELDS:
        if name in fields:
            fields[name] = analysis.Posted(schema[name].index(fields[name]))
    doc = {"article": article.to_dict(), "entities": ents, "dates": dates}
    row = (article.id, article.file, article.title,
           article.date.isoformat() if article.date else None, article.source, encode_doc(doc))
    words = analysis.surface_words(article.title + "\n" + body)
    return _Doc(article, fields, row, words)


def open_or_create(folder: Path, rebuild: bool) -> tuple[Any, ArticleStore]:
    """The Whoosh index and article store in `folder`, created (or recreated) as needed."""
    from newsreader.search.store import STORE_FILE

    wdir = folder / WHOOSH_DIR
    if rebuild and folder.exists():
        for child in folder.iterdir():
            if child.name == LOCK_FILE:
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
            raise IndexNeedsRebuild(f"the index at {folder} was built by another version of newsreader; "
                                    "run `newsreader index --rebuild`")
        if windex.exists_in(str(wdir)):
            ix = windex.open_dir(str(wdir))
        else:
            wdir.mkdir(parents=True, exist_ok=True)
            ix = windex.create_in(str(wdir), build_schema())
            store.set_meta("schema_version", str(SCHEMA_VERSION))
            store.commit()
    except UserError:
        raise
    except Exception as exc:  # corrupt files surface as many exception types
        raise IndexNeedsRebuild(f"the index at {folder} is unreadable ({type(exc).__name__}: {exc}); "
                                "run `newsreader index --rebuild`") from None
    return ix, store


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


#: What processing one page gives: an error message, or (sha1, docs) with docs None when
#: the content hash is unchanged.
Outcome = Union[str, tuple[str, Optional[list[_Doc]]]]
#: Below this many pages, starting worker processes costs more than it saves.
PARALLEL_MIN_PAGES = 200
#: Pages per worker task, and tasks in flight per worker (enough that the workers keep
#: going while a commit holds the writer: ~500 pages, ~30 MB).
PAGES_PER_TASK = 8
TASKS_AHEAD = 32


def _process_page(source: PageSource, path: Path, rel: str, old_sha1: str | None, max_bytes: int,
                  backend: str, extract: bool = True) -> Outcome:
    try:
        page = source.read_page(path, max_bytes)
    except UserError as exc:
        return exc.message
    if old_sha1 is not None and page.sha1 == old_sha1:
        return page.sha1, None
    articles = _unique_ids(source.parse(page.text, rel))
    return page.sha1, [prepare(a, backend, extract) for a in articles]


def _page_jobs(jobs: list[tuple[str, str, str | None]], max_bytes: int, backend: str, extract: bool) -> list[Outcome]:
    """Worker-process entry point (module level so it pickles)."""
    source = PageSource.default()
    return [_process_page(source, Path(path), rel, old_sha1, max_bytes, backend, extract)
            for path, rel, old_sha1 in jobs]


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

    def _outcomes(self, todo: list[tuple[str, Path, os.stat_result]], known: dict[str, PageRecord],
                  max_bytes: int) -> Iterator[Outcome]:
        """Read, parse, extract and analyse each page, in order. Extraction and analysis
        are most of the CPU time and independent per page, so with the stock page source
        and enough pages they run in worker processes while this one feeds Whoosh."""
        jobs = [(str(full), rel, known[rel].sha1 if rel in known else None) for rel, full, _ in todo]
        backend = self.config.extractor
        if self.workers > 1 and self.source.is_default and len(jobs) >= PARALLEL_MIN_PAGES:
            from collections import deque
            from concurrent.futures import ProcessPoolExecutor

            # Bounded read-ahead: `pool.map` would queue every page's result in this
            # process whenever the writer is the slower side (gigabytes at 100k articles).
            chunks = [jobs[i:i + PAGES_PER_TASK] for i in range(0, len(jobs), PAGES_PER_TASK)]
            with ProcessPoolExecutor(self.workers) as pool:
                pending: deque[Any] = deque()
                for chunk in chunks:
                    pending.append(pool.submit(_page_jobs, chunk, max_bytes, backend, self.extract))
                    if len(pending) >= TASKS_AHEAD * self.workers:
                        yield from pending.popleft().result()
                while pending:
                    yield from pending.popleft().result()
            return
        for path, rel, old_sha1 in jobs:
            yield _process_page(self.source, Path(path), rel, old_sha1, max_bytes, backend, self.extract)

    def run(self, rebuild: bool = False, progress: Callable[[Progress], None] | None = None,
            warn: Callable[[str], None] | None = None) -> UpdateStats:
        if not self.corpus.is_dir():
            raise UserError(f"corpus folder {self.corpus} does not exist or is not a folder")
        with IndexLock(self.folder):
            ix, store = open_or_create(self.folder, rebuild)
            try:
                return self._run(ix, store, progress, warn)
            finally:
                store.close()
                ix.close()

    def _run(self, ix: Any, store: ArticleStore, progress: Callable[[Progress], None] | None,
             warn: Callable[[str], None] | None) -> UpdateStats:
        started = time.monotonic()
        stats = UpdateStats()
        root = self.corpus.resolve()  # the loader joins paths onto root: keep them absolute
        files = self.source.list_files(root, self.config)
        known = store.pages()
        todo: list[tuple[str, Path, os.stat_result]] = []
        current: set[str] = set()
        for path in files:
            full = path if path.is_absolute() else root / path
            rel = full.relative_to(root).as_posix() if full.is_relative_to(root) else full.name
            current.add(rel)
            try:
                st = full.stat()
            except OSError:
                continue
            rec = known.get(rel)
            if rec is not None and rec.size == st.st_size and rec.mtime_ns == st.st_mtime_ns:
                stats.pages_unchanged += 1
                continue
            todo.append((rel, full, st))
        stats.pages_seen = len(current)
        removed = [f for f in known if f not in current]
        max_bytes = int(self.config.max_page_mb * 1024 * 1024)
        fresh = ix.doc_count_all() == 0

        writer: IndexWriter | None = None
        pending = 0
        # Articles wait here and go to Whoosh newest first, SORT_CHUNK at a time, so each
        # segment is made of long runs in date order (see dateorder.py).
        queued: list[_Doc] = []

        def drain() -> None:
            assert writer is not None or not queued
            queued.sort(key=lambda d: -d.fields["date"])
            for d in queued:
                writer.add_document(**d.fields)  # type: ignore[union-attr]
            queued.clear()
        vocab: Counter[str] = Counter()
        done = 0
        last_report = 0.0

        def new_writer() -> IndexWriter:
            return NewsWriter(ix, limitmb=WRITER_LIMIT_MB, compound=False)

        def flush() -> None:
            nonlocal writer, pending
            if writer is None:
                return
            drain()
            store.add_vocab(vocab)
            vocab.clear()
            # Whoosh first, then SQLite: see the module docstring for why this order.
            writer.commit()
            writer = None
            store.commit()
            pending = 0

        try:
            if removed:
                writer = new_writer()
                for rel in removed:
                    ids = known[rel].ids
                    for id_ in ids:
                        writer.delete_by_term("id", id_)
                    store.delete_articles(ids)
                    store.delete_page(rel)
                    stats.articles_removed += len(ids)
                    stats.pages_removed += 1
            for (rel, full, st), outcome in zip(todo, self._outcomes(todo, known, max_bytes)):
                done += 1
                rec = known.get(rel)
                if isinstance(outcome, str):  # the page could not be read
                    stats.pages_failed += 1
                    stats.warnings.append(outcome)
                    if warn:
                        warn(outcome)
                    old_ids = rec.ids if rec else []
                    if old_ids:
                        writer = writer or new_writer()
                        for id_ in old_ids:
                            writer.delete_by_term("id", id_)
                        store.delete_articles(old_ids)
                        stats.articles_removed += len(old_ids)
                    store.put_page(rel, PageRecord("", st.st_size, st.st_mtime_ns, []))
                    continue
                sha1, docs = outcome
                if docs is None:  # same content, new mtime
                    assert rec is not None
                    store.put_page(rel, PageRecord(rec.sha1, st.st_size, st.st_mtime_ns, rec.ids))
                    stats.pages_unchanged += 1
                    continue
                new_ids = [d.fields["id"] for d in docs]
                writer = writer or new_writer()
                if not fresh:
                    # New ids too: an interrupted run may have committed them to Whoosh only.
                    for id_ in set(new_ids).union(rec.ids if rec else ()):
                        writer.delete_by_term("id", id_)
                if rec is not None:
                    gone = set(rec.ids) - set(new_ids)
                    store.delete_articles(gone)
                    stats.articles_removed += len(gone)
                for d in docs:
                    queued.append(d)
                    vocab.update(d.words)
                    d.words = []
                if len(queued) >= SORT_CHUNK:
                    drain()
                store.put_articles(d.row for d in docs)
                store.put_page(rel, PageRecord(sha1, st.st_size, st.st_mtime_ns, new_ids))
                stats.pages_indexed += 1
                stats.articles_added += len(docs)
                pending += len(docs)
                if pending >= self.batch_articles:
                    flush()
                if progress is not None:
                    now = time.monotonic()
                    if now - last_report >= 0.2:
                        last_report = now
                        progress(Progress(done, len(todo), stats.articles_added, now - started))
            if writer is None and (todo or removed):
                store.commit()  # page records refreshed with new mtimes only
            flush()
        except BaseException:
            if writer is not None:
                writer.cancel()
            store.rollback()
            raise
        if progress is not None:
            progress(Progress(len(todo), len(todo), stats.articles_added, time.monotonic() - started))
        stats.articles_total = store.count()
        stats.seconds = time.monotonic() - started
        return stats
