"""The reader's one door to an indexed corpus: list rows, articles, search, facets, updates.

    lib = Library.open(paths, corpus_dir, config)
    lib.count(); lib.list_rows(0, 50, sort="date")      # a lazy 100k-row list, a page at a time
    lib.get(article_id)                                  # Article + entity and date spans
    lib.search('iran "nuclear talks" date:2025-06', limit=20, sort="relevance")
    lib.update(progress)                                 # e.g. from a worker thread
    lib.more_like(article_id)

Thread safety: one writer (`update`, serialised by a process-wide file lock) plus any
number of reader threads. Whoosh searchers are not thread-safe, so searches take
`self._lock`; SQLite reads use one connection per thread. Searches see the last committed
index and pick up a newer commit on their next call.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import threading
import zlib
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable

from newsreader.config import Config, Paths, record_corpus
from newsreader.errors import UserError, broken_install, exception_said
from newsreader.search.schema import (QUERY_FIELDS, SCHEMA_VERSION, WHOOSH_DIR, QueryError, environment_error,
                                      latest_commit, other_version_index, unreadable_index)
from newsreader.search.store import STORE_FILE, ArticleStore, Row

if TYPE_CHECKING:  # the indexer, extractor and corpus parser stay off the search path
    from whoosh.spelling import ListCorrector

    from newsreader.corpus.model import Article
    from newsreader.search.dateorder import DateRuns
    from newsreader.search.indexer import PageSource, Progress, UpdateStats
    from newsreader.search.query import ParsedQuery, QueryParser

#: "date" is newest first, "oldest" oldest first (undated articles last in both).
SORTS = ("relevance", "date", "oldest")
#: Parsed queries kept per Library.
PARSE_CACHE = 64
#: Up to this many articles a search counts its matches exactly (a few ms): an estimate
#: said "1 of about 8 matching articles" for a word in 7 of the seeds' 9.
EXACT_COUNT_DOCS = 5_000
#: A search whose estimate is below this counts its matches instead. The estimate takes
#: words as independent, so words that go together get a tiny product: "Tara Reid rehab"
#: said "20 of about 20 matching articles" (no more to see) where 48 match, at 37k
#: articles. Where few are expected, counting is cheap (the rarest word bounds the walk).
#: Not while the reader's search bar is typed in: a count does not stop for the next key.
COUNT_BELOW_ESTIMATE = 1_000
#: The word being typed in the reader stands for itself and words it starts (the most
#: frequent first), or-ed: at most this many in all ...
TYPED_WORDS = 5
#: ... while they occur at most this often in all: an OR of common words is slow at 100k
#: articles (two common words 2-4 s), a single word is quick however common (its word
#: alone when it is that common; the most frequent word it starts when it is no word).
TYPED_BUDGET = 20_000


#: A field's clause as typed: `field:"a quoted value"`, `field:[a TO b]`, `field:(a b)` or
#: `field:value` (Library.suggest leaves those of fields without words alone).
_FIELD_CLAUSE_RE = re.compile(r'(?<![\w:])(\w+):("[^"]*"?|\[[^\]]*\]?|\([^)]*\)?|[^\s()]*)')


class UpdateStopped(Exception):
    """An update given `stop` ended because it turned True (the reader quits while it builds
    the index, Ctrl-C in `newsreader index`): the batches committed before are kept, the one under
    way is dropped (when it is small, it is written first), and the next update goes on from
    there. `pages_read` of the run's `pages_total` pages to read were read, `pages_kept` of them
    committed."""

    def __init__(self, message: str, pages_read: int = 0, pages_kept: int = 0, pages_total: int = 0) -> None:
        super().__init__(message)
        self.pages_read, self.pages_kept, self.pages_total = pages_read, pages_kept, pages_total


class SearchCancelled(Exception):
    """A search given `cancelled` stopped because it turned True (a newer search wants the
    library): nothing was found, nothing is wrong."""


def _engine() -> ModuleType:
    """The Whoosh side of the library (`engine.py`), imported the first time a search, the
    index's commit number or an update needs it: the list and articles read the store."""
    try:
        from newsreader.search import engine
    except ImportError as exc:
        raise broken_install(exc) from None
    return engine




@dataclass
class Hit:
    """One search result. `ranges` are [start, end) offsets of marked words in `snippet`;
    `title_ranges` the same for `title`."""

    id: str
    title: str
    date: str | None
    source: str | None
    score: float
    snippet: str = ""
    ranges: list[tuple[int, int]] = field(default_factory=list)
    title_ranges: list[tuple[int, int]] = field(default_factory=list)
    #: The page file (relative to the corpus), byline and dateline: set where the article was
    #: read for its snippet (not with snippets=False, which reads no article), else None.
    file: str | None = None
    byline: str | None = None
    dateline: str | None = None
    #: Found through its byline alone (a plain search's words are all in the byline, not all in title or
    #: body: `dismax.byline_only`); `byline` is then set, snippets or not, for `search` to say "by ...".
    byline_only: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "title": self.title, "date": self.date, "source": self.source,
               "score": round(self.score, 4), "snippet": self.snippet,
               "ranges": [list(r) for r in self.ranges],
               "title_ranges": [list(r) for r in self.title_ranges], "byline_only": self.byline_only}
        if self.file is not None:  # (every article has a file: None is "not read")
            out |= {"file": self.file, "byline": self.byline, "dateline": self.dateline}
        return out


@dataclass
class SearchResult:
    """`total` is exact when `exact` (few matches, or `search(count=True)`), otherwise an
    estimate: counting every match of a common word costs more than finding the top 20.
    `notes`: one line per `prefix*`, `wild*card` or `fuzzy~` word that matched more words
    than were searched (`expand.notes`: "g* matched 3,005 words; searched the 200
    commonest"), so the user knows a rare word's articles may be missing."""

    hits: list[Hit]
    total: int
    suggestion: str | None = None
    exact: bool = True
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "exact": self.exact, "suggestion": self.suggestion,
                "notes": list(self.notes), "hits": [h.to_dict() for h in self.hits]}


@dataclass
class StoredArticle:
    """An article as the reader shows it, with the spans computed at index time."""

    article: "Article"
    entities: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    #: Spans of the summary's paragraphs (joined by `extract.SUMMARY_JOIN`), found at index time.
    summary_entities: list[dict[str, Any]] = field(default_factory=list)
    summary_dates: list[dict[str, Any]] = field(default_factory=list)
    #: Why no names were looked for ("not English"), or None when they were (`extract.Extraction`).
    names_withheld: str | None = None
    #: Spans of the headline (`extract.extract_title`), found at index time.
    title_entities: list[dict[str, Any]] = field(default_factory=list)
    title_dates: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """`show --json`: the article, its spans, its summary's spans, and why it has no names (null
        when they were looked for: `show --json`'s keys are always the same ones)."""
        return self.article.to_dict() | {"entities": self.entities, "dates": self.dates,
                                         "summary_entities": self.summary_entities,
                                         "summary_dates": self.summary_dates, "title_entities": self.title_entities,
                                         "title_dates": self.title_dates, "names_withheld": self.names_withheld}


#: What reading one stored story raises when its record is damaged (a bit flipped, a page of the
#: file half written): not zlib data, not JSON, not a story's shape. The index answers for the rest.
UNREADABLE_STORY: tuple[type[Exception], ...] = (zlib.error, ValueError, KeyError, TypeError, AttributeError)



class UnreadableStory(ValueError):
    """One stored story's record is damaged (`UNREADABLE_STORY` raised in reading and decoding it: `Library.get`
    raises this in its place, so a caller can tell it from a KeyError, TypeError or AttributeError of a code
    slip anywhere else, RV30-M #9). A ValueError: every `except UNREADABLE_STORY` still catches it."""

    def __init__(self, article_id: str) -> None:
        super().__init__(f"the stored record of {article_id!r} cannot be read")
        self.article_id = article_id


#: What asking the index for one story (`Library.get`) raises when the index cannot give it now: it cannot
#: be opened (`store()`'s `UserError`s: damaged, another newsreader version's, not there), its file is being
#: replaced or removed (sqlite3, OS errors), or the story's record is damaged (`UnreadableStory`, not the
#: builtins it wraps: a code bug elsewhere still raises). For the callers to whom the story is an extra that
#: must not cost what they are doing: the reader's `b` on a list row (its bookmark's address) and the
#: bookmarks screen's Link line.
STORY_UNAVAILABLE: tuple[type[Exception], ...] = (UserError, sqlite3.Error, OSError, UnreadableStory)


def unreadable_said(unreadable: list[str], what: str) -> str:
    """The one line for the stored stories a command could not read (`Library.articles`)."""
    named = ", ".join(unreadable[:3]) + (f" and {len(unreadable) - 3:,} more" if len(unreadable) > 3 else "")
    stories = "the stored story" if len(unreadable) == 1 else f"{len(unreadable):,} stored stories"
    return (f"cannot read {stories} {named} (the index is damaged){': ' + what if what else ''}; "
            "`newsreader index --rebuild` reads the pages again")


#: Whoosh's modules that combine matchers and collect hits: no file is read there (the codec's readers are
#: `whoosh/codec`, `whoosh/filedb`), so an assertion failing in them is a fault of the search's logic.
_MATCHING_CODE = (os.path.join("whoosh", "matching", ""), os.path.join("whoosh", "collectors.py"))


def _matching_fault(exc: BaseException) -> bool:
    """Whether `exc` was raised in Whoosh's matcher or collector code (`_MATCHING_CODE`), not in reading a file:
    a Whoosh bug a query reaches (RV30-N #0: `RequireMatcher.skip_to_quality` tripped `IntersectionMatcher`'s
    assertion on a healthy index). Such a fault said "damaged, rebuild", and the reader rebuilt the whole index
    on it, after which the search failed again."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return last is not None and any(part in last for part in _MATCHING_CODE)


def search_fault(exc: BaseException) -> UserError:
    """The one line for a search that failed inside Whoosh's matching (`_matching_fault`): no rebuild."""
    return UserError(f"the search failed inside the search library, not in the index's files "
                     f"({exception_said(exc)}); please report the query. Other searches still work; if they fail too, "
                     "run `newsreader index --rebuild`")


class Library:
    """An indexed corpus. Create with `Library.open`; cheap to open (nothing is read until
    the first call that needs it)."""

    def __init__(self, folder: Path, corpus: Path, config: Config) -> None:
        self.folder = folder
        self.corpus = corpus
        self.config = config
        self._lock = threading.RLock()
        self._store: ArticleStore | None = None
        self._store_file: tuple[int, int] | None = None  # (device, inode) of the store opened
        self._ix: Any = None
        self._searcher: Any = None
        self._parser: QueryParser | None = None
        self._corrector: tuple[ListCorrector, dict[str, int]] | None = None
        self._bounds_cache: tuple[dt.date, dt.date] | None = None
        self._parsed: OrderedDict[tuple[str, bool, Any], ParsedQuery] = OrderedDict()
        self._runs: dict[Any, Any] = {}

    @classmethod
    def open(cls, paths: Paths, corpus_dir: Path, config: Config) -> "Library":
        return cls(paths.index_dir(corpus_dir), corpus_dir, config)

    # --- state ---------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether an index has been committed (searching needs one; `update` makes one)."""
        if not (self.folder / STORE_FILE).exists():
            return False
        return latest_commit(self.folder / WHOOSH_DIR) > -1  # as whoosh.index.exists_in

    def generation(self) -> int:
        """A number for the index's state (-1 without an index): any process's commit
        changes it, a page changed in place too, and it costs a folder listing and a stat
        where counting the articles costs a scan of the store. A rebuild by another run
        starts the commit numbers again (the same corpus: the same number as before) in a
        new article store: the store's file is part of the number, and this library lets go
        of the replaced one (it read the old articles for good)."""
        with self._lock:
            if self._ix is None and not self.exists():
                return -1
            now = _file_id(self.folder / STORE_FILE)
            if self._store is not None and now is not None and now != self._store_file:
                # Let go without closing: a thread may be reading the old one this instant.
                self._reset_searcher()
                self._ix = self._store = self._corrector = self._bounds_cache = None
            commits = latest_commit(self.folder / WHOOSH_DIR)
            return commits if now is None else hash((now, commits)) & (2**62 - 1)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Damaged segment files fail deep inside Whoosh with any exception type (EOFError,
        zlib.error, struct.error...), often only when a query reaches them: all of them say
        what opening the index says, that it must be rebuilt (or, if the machine is to blame,
        what to fix)."""
        try:
            yield
        except (QueryError, UserError, SearchCancelled):
            raise
        except ImportError as exc:  # a broken install, not a damaged index: no rebuild mends it
            raise broken_install(exc) from None
        except Exception as exc:
            if isinstance(exc, AssertionError) and _matching_fault(exc):
                raise search_fault(exc) from None
            raise unreadable_index(self.folder, exc) from None

    def _require(self) -> None:
        if not self.exists():
            problem = environment_error(self.folder, None)  # an index we may not list is not absent
            if problem is not None:
                raise problem
            raise UserError(f"no index yet for {self.corpus}; run `newsreader index` "
                            f"(with --corpus {self.corpus} if it is not your default corpus)")

    def store(self) -> ArticleStore:
        with self._lock:
            if self._store is None:
                self._require()
                with self.reading():
                    store = ArticleStore(self.folder / STORE_FILE)
                    version = store.get_meta("schema_version")
                if version != str(SCHEMA_VERSION):
                    store.close()
                    if version is None:  # no version at all: an article store emptied or cut short, not another version's
                        raise unreadable_index(self.folder, ValueError(f"{STORE_FILE} holds no index"))
                    raise other_version_index(self.folder)
                self._store = store
                self._store_file = _file_id(self.folder / STORE_FILE)
            return self._store

    def _index(self) -> Any:
        """The Whoosh index, opened once (its table of contents only: no segment is read)."""
        with self._lock:
            if self._ix is None:
                self._require()
                with self.reading():
                    self._ix = _engine().open_index(str(self.folder / WHOOSH_DIR))
            return self._ix

    def searcher(self) -> Any:
        """The current Whoosh searcher, refreshed if an indexer committed since."""
        with self._lock, self.reading():
            if self._searcher is None:
                self._searcher = self._index().searcher()
                self._forget_parsed()
            elif not self._searcher.up_to_date():
                if self._searcher.reader().segments() is None:
                    # Opened on an index with no segment yet (a first build or a rebuild
                    # under way): Whoosh cannot refresh that reader (TypeError), so open anew.
                    self._searcher.close()
                    self._searcher = self._ix.searcher()
                else:
                    self._searcher = _refreshed(self._ix, self._searcher)
                self._forget_parsed()
            return self._searcher

    def _forget_parsed(self) -> None:
        """Date bounds (open date ranges) may move with a new commit."""
        self._bounds_cache = None
        self._parsed.clear()

    def _reset_searcher(self) -> None:
        with self._lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except Exception:
                    pass
            self._searcher = None

    def close(self) -> None:
        with self._lock:
            self._reset_searcher()
            if self._ix is not None:
                self._ix.close()
                self._ix = None
            if self._store is not None:
                self._store.close()
                self._store = None

    def load_engine(self) -> None:
        """Import Whoosh and the search modules now (~115 ms), e.g. in a worker once the
        reader's list shows, so the first search does not wait for them."""
        _engine()

    # --- browsing ------------------------------------------------------------------

    def count(self) -> int:
        return self.store().count()

    def list_rows(self, offset: int, limit: int, sort: str = "date") -> list[Row]:
        """Rows `offset`..`offset+limit` of the whole corpus in `sort` order ("date" newest
        first, "date-asc", "title"): a virtual list asks for the page it shows."""
        return self.store().list_rows(offset, limit, sort)

    def get(self, article_id: str) -> StoredArticle | None:
        """The stored story of `article_id`, None when the index has none; `UnreadableStory` when its record
        cannot be read (only the reading and decoding of the record: opening the store raises its own)."""
        from newsreader.corpus.model import Article

        store = self.store()
        try:
            doc = store.doc(article_id)
            if doc is None:
                return None
            return StoredArticle(Article.from_dict(doc["article"]), doc.get("entities", []), doc.get("dates", []),
                                 doc.get("summary_entities", []), doc.get("summary_dates", []),
                                 names_withheld=doc.get("names_withheld"),
                                 title_entities=doc.get("title_entities", []), title_dates=doc.get("title_dates", []))
        except UnreadableStory:
            raise
        except UNREADABLE_STORY as exc:
            raise UnreadableStory(article_id) from exc

    def unfinished(self) -> bool:
        """Whether the last run that updated the index was stopped before its end (killed,
        a power cut): the index answers from part of the corpus until a run finishes it."""
        from newsreader.search.schema import UNFINISHED_META

        return self.store().get_meta(UNFINISHED_META) == "1"

    def partial(self, running: bool | None = None) -> bool:
        """Whether the index may lack stories the corpus has: another run updates it (a rebuild starts from
        nothing; `running`: what `update_running` said, when the caller has just asked it) or the last run
        was stopped before its end (`unfinished`). The one rule by which the reader and the bookmarks commands
        mark no bookmark "not in the corpus" then, nor store that mark (`Store.reconcile`): a page not indexed
        yet is still in the folder (RV30-L #1)."""
        from newsreader.search.schema import update_running

        if running is None:
            running = update_running(self.folder)
        return running or self.unfinished()

    def pages_left(self) -> tuple[int, int, int]:
        """What a run stopped before its end left to do, as the next run finds it: (pages of the corpus folder
        the index has no record of, pages it has a record of that wait to be read again, pages in the
        folder). A page with no record is a new page or one a stopped rebuild did not reach: its stories are
        not in the index. A page to read again (its file changed, or it was read under another stamp: a cue
        file edited, newsreader upgraded, as `Indexer._run` tells them) is in the index as it was read. A walk
        of the folder, a stat a page: for a command deciding whether to finish such a run first
        (`cli.Context._finish`). Counting only the first kind, a command sat through a whole re-read after
        Ctrl-C of a run after an upgrade (RV30-L #2)."""
        from newsreader.corpus.loader import iter_page_files
        from newsreader.search.store import current_stamp, page_key

        root = self.corpus.resolve()
        prefix = os.path.join(str(root), "")
        files = iter_page_files(root, self.config)
        store = self.store()
        known = store.pages()
        stamp = current_stamp(store, self.config.extractor)
        try:  # (its parts, when found anew, recorded as a run records them: no write left open)
            store.commit()
        except sqlite3.Error:
            store.rollback()
        number = next((n for n, other in store.stamps().items() if other == stamp), None)
        missing = reread = 0
        for path in files:
            name = str(path) if path.is_absolute() else prefix + str(path)
            rec = known.get(page_key(prefix, name))
            if rec is None:
                missing += 1
                continue
            try:
                same = rec.same_file(os.stat(name))
            except OSError:  # (gone meanwhile: the run says so)
                continue
            reread += not (rec.sha1 and same and rec.stamp == number)
        return missing, reread, len(files)

    def renamed(self) -> dict[str, str]:
        """Old article id -> the story's id now, for stories whose headline was edited
        (see `ArticleStore.renamed`); `Store.follow_renames` moves the user's marks."""
        return self.store().renamed()

    def articles(self, ids: Iterable[str]) -> tuple[dict[str, Article], list[str]]:
        """The stored stories of `ids` that the index has, by id, and the ids among them whose
        stored record cannot be read (damaged: `UNREADABLE_STORY`). For the commands that read
        many (the bookmark exports and list): one bad record is said, not the end of them all."""
        found: dict[str, Article] = {}
        unreadable: list[str] = []
        for article_id in ids:
            try:
                stored = self.get(article_id)
            except UNREADABLE_STORY:
                unreadable.append(article_id)
                continue
            if stored is not None:
                found[article_id] = stored.article
        return found, unreadable

    def story(self, article_id: str) -> StoredArticle | None:
        """The article of this id, or, for a story whose headline was edited since (a new
        id), of the id it has now; None when neither is in the index. The one rule by which
        the reader (a list made before the edit) and the commands (an id printed before it)
        follow an old id."""
        stored = self.get(article_id)
        if stored is None:
            new = self.renamed().get(article_id)
            stored = self.get(new) if new is not None else None
        return stored

    # --- searching -----------------------------------------------------------------

    def _bounds(self) -> tuple[dt.date, dt.date]:
        if self._bounds_cache is None:
            lo, hi = self.store().date_bounds()
            today = dt.date.today()
            self._bounds_cache = (dt.date.fromisoformat(lo) if lo else today,
                                  dt.date.fromisoformat(hi) if hi else today)
        return self._bounds_cache

    def parse(self, text: str, typed: bool = False) -> ParsedQuery:
        """Raise `QueryError` (one line for the user) if `text` is malformed. The last
        PARSE_CACHE parsed queries are kept (the reader re-runs and pages through queries).
        `typed`: as the reader's search bar reads it (the last word a prefix too, see
        `query.as_typed`)."""
        with self._lock:
            searcher = self.searcher()
            # The local date too: `date:today` (and the other relative dates) resolve against
            # it, and a reader left open past midnight would answer yesterday's.
            key = (text, typed, _engine().today())
            found = self._parsed.get(key)
            if found is not None:
                self._parsed.move_to_end(key)
                return found
            if self._parser is None:
                self._parser = _engine().QueryParser(searcher.schema)
            parsed = self._parser.parse(text, self._bounds(), self._completions if typed else None)
            self._parsed[key] = parsed
            if len(self._parsed) > PARSE_CACHE:
                self._parsed.popitem(last=False)
            return parsed

    def _completions(self, word: str) -> list[str]:
        """What the word being typed in the reader's search bar stands for (query.as_typed):
        itself if the corpus has it, and words it starts, most frequent first, within
        TYPED_WORDS and TYPED_BUDGET (the first is taken whatever its count when the word
        itself is not in the corpus, so "paki" finds Pakistan; "strikes" with no such word
        stays itself, and its stem finds "strike")."""
        engine = _engine()
        fold, stem = engine.fold, engine.stem
        folded = fold(word.lower())
        if folded in engine.STOPS:  # a whole word ("war in" is not "war india"), not searched for
            return [word]
        found = self.store().words_starting(folded, TYPED_WORDS * 4)
        count = sum(n for other, n in found if other == folded)
        if len(folded) < 3:  # too short for the vocabulary table, but "un" and "eu" are words
            reader = self.searcher().reader()
            count = sum(reader.doc_frequency(f, stem(folded)) for f in ("title", "body"))
        out, stems = ([word], {stem(folded)}) if count else ([], set())
        for other, n in found:
            if len(out) >= TYPED_WORDS or (out and count + n > TYPED_BUDGET):
                break
            if stem(other) not in stems:
                out.append(other)
                stems.add(stem(other))
                count += n
        return out

    def warm(self, limit: int = 100) -> None:
        """Open what a first search reads (the searcher, the query parser and date bounds,
        the vocabulary, each segment's columns and stored fields) by searching for the
        corpus's most frequent word: the reader calls it when the search bar opens, so the
        first search typed costs what later ones do (~30 ms instead of ~250 at 100,000
        articles). Errors are left to the searches that follow."""
        found = self.store().words_starting("", 1)
        if found:
            self.search(found[0][0], limit=limit, snippets=False, suggest=False, typed=True)
            # The term lists a prefix*, wild*card or fuzzy~ reads (expand.lexicon), kept on
            # each segment's reader: the first such search waited 0.3-2.5 s for them. A list
            # at a time under the lock, so a search typed meanwhile waits for one at most.
            with self._lock, self.reading():
                parts = _engine().lexicon_parts(self.searcher().reader())
            for read in parts:
                with self._lock, self.reading():
                    read()

    def search(self, text: str, limit: int = 20, sort: str = "relevance", snippets: bool = True,
               suggest: bool = True, count: bool = False, typed: bool = False,
               cancelled: Callable[[], bool] | None = None, offset: int = 0) -> SearchResult:
        """The top `limit` hits after the first `offset` (a page of them: snippets are made
        for that page only; `total` counts every match). `total` is exact if `count` (slower: every match is
        visited) or when there are few matches, else estimated (`result.exact` False).
        "Did you mean" is only looked for when there are fewer than 5 matches. `typed`: read
        `text` as the reader's search bar does (see `parse`). `cancelled`: asked between
        matches of a search by relevance (a common word's top 1000 visits every match, ~2 s
        at 100k articles); once it is True the search stops with `SearchCancelled`, so a newer
        search waiting for the library gets it at once."""
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r}; use relevance, date (newest first) or oldest")
        with self._lock, self.reading():
            for attempt in (0, 1):
                try:
                    return self._search(text, limit, sort, snippets, suggest, count, typed, cancelled, offset)
                except (QueryError, UserError):
                    raise
                except OSError:
                    # A merge removed files an old searcher had not opened yet: reopen once.
                    if attempt:
                        raise
                    self._reset_searcher()
        raise AssertionError("unreachable")

    def _search(self, text: str, limit: int, sort: str, snippets: bool, suggest: bool,
                count: bool, typed: bool, cancelled: Callable[[], bool] | None = None,
                offset: int = 0) -> SearchResult:
        parsed = self.parse(text, typed)
        searcher = self.searcher()
        if searcher.doc_count_all() == 0:
            # Nothing committed yet (a first build or a rebuild under way): Whoosh's empty
            # reader has no columns and its spelling list no words to look in.
            return SearchResult([], 0)
        query = parsed.query
        engine = _engine()
        runs = engine.date_runs(searcher, self._runs)
        if runs.usable:
            query = engine.restrict_dates(query, self._runs)
        pairs, total = self._top(searcher, query, runs, offset + limit, sort, count, cancelled)
        exact = total is not None
        if total is None:
            reader = searcher.reader()
            guess = engine.estimate(query, reader, reader.doc_count())
            if guess < COUNT_BELOW_ESTIMATE and not typed:  # (a count no key can interrupt)
                total, exact = sum(1 for _ in searcher.docs_for_query(query)), True
            else:
                total = max(len(pairs), min(int(round(guess)), reader.doc_count()))
        pairs = pairs[offset:]
        store = self.store()
        rows = store.rows(i for i, _, _ in pairs)
        terms = self._match_terms(parsed, searcher) if snippets else {}
        docs = store.docs(rows) if snippets else {}  # (decoded for the snippets: what else they hold is free)
        found = _engine().where_targets(parsed.query, searcher) if snippets else None
        by_byline = engine.byline_only(searcher, parsed.query, [(d, i) for i, _, d in pairs])
        if by_byline and not snippets:  # (the byline's text, for "by ...": those articles only)
            docs = store.docs(by_byline)
        hits = []
        for id_, score, _ in pairs:
            row = rows.get(id_)
            if row is None:  # committed to Whoosh a moment before SQLite
                continue
            hit = Hit(id_, row.title, row.date, row.source, float(score), byline_only=id_ in by_byline)
            if hit.byline_only and id_ in docs:
                hit.byline = docs[id_]["article"].get("byline")
            if snippets and id_ in docs:
                article = docs[id_]["article"]
                hit.file, hit.byline, hit.dateline = article["file"], article.get("byline"), article.get("dateline")
                # A name or date search: where the stored name or date is (where.py).
                places = engine.where_spans(found, docs[id_].get("entities", []), docs[id_].get("dates", [])) \
                    if found else None
                snip = engine.make_snippet(article["body"], terms.get("body", set()), places=places)
                hit.snippet, hit.ranges = snip.text, snip.ranges
                hit.title_ranges = engine.match_ranges(row.title, terms.get("title", set()))
            hits.append(hit)
        suggestion = self.suggest(text) if suggest and exact and total < 5 else None
        notes = [*parsed.notes, *engine.notes(parsed.query, searcher.reader())]
        why = None if total else engine.lone_letters_note(text)  # ("挙": only at the end of runs)
        return SearchResult(hits, total, suggestion, exact, notes + [why] if why else notes)

    @staticmethod
    def _top(searcher: Any, query: Any, runs: DateRuns, limit: int, sort: str,
             count: bool, cancelled: Callable[[], bool] | None = None
             ) -> tuple[list[tuple[str, float, int]], int | None]:
        """(id, score, docnum) of the top hits, and the exact number of matches if known cheaply."""
        count = count or searcher.doc_count() <= EXACT_COUNT_DOCS
        if sort == "oldest":
            docnums, total = _engine().oldest(searcher, query, limit, runs, cancelled)
            if total is None and count:
                total = sum(1 for _ in searcher.docs_for_query(query))  # a generator
            return [(searcher.stored_fields(d)["id"], 0.0, d) for d in docnums], total
        if sort == "date":
            if runs.usable:
                docnums, seen = _engine().newest(searcher, query, limit, runs)
                pairs = [(searcher.stored_fields(d)["id"], 0.0, d) for d in docnums]
                if seen is None and count:
                    seen = sum(1 for _ in searcher.docs_for_query(query))  # a generator
                return pairs, seen
            results = searcher.search(query, limit=limit, sortedby="date", reverse=True)
        else:
            # The context tells the query it is the whole search and how many hits are
            # wanted, so it may drop what cannot reach the top `limit` (fieldfirst.py).
            collector = searcher.collector(limit=limit)
            run = collector if cancelled is None else _engine().Cancellable(collector, cancelled)
            searcher.search_with_collector(query, run, searcher.context(top_query=query, limit=limit))
            results = collector.results()
        pairs = [(hit["id"], hit.score if hit.score is not None else 0.0, hit.docnum) for hit in results]
        if len(pairs) < limit:  # the top-k heap never filled, so no block was skipped
            return pairs, len(pairs)
        if count:
            # Not len(results): Whoosh's collector calls replace(minscore) even where no
            # block quality is used, so an intersection with a date range or a NOT drops
            # matches once the top is full while its length still says it is exact.
            return pairs, sum(1 for _ in searcher.docs_for_query(query))  # a generator
        return pairs, None

    def match_terms(self, text: str, typed: bool = False) -> dict[str, set[str]]:
        """Index terms of `text` to mark, per field ("body", "title"): pass them to
        `snippets.match_ranges` to highlight a whole article the way snippets are marked.
        Raises `QueryError` for a malformed query."""
        with self._lock:
            return self._match_terms(self.parse(text, typed), self.searcher())

    def where(self, text: str, typed: bool = False) -> Any:
        """What of `text` matches stored names and dates (`where.Targets`, false when
        nothing): pass it with an article's entities and dates to `where.spans`."""
        with self._lock:
            return _engine().where_targets(self.parse(text, typed).query, self.searcher())

    @staticmethod
    def _match_terms(parsed: ParsedQuery, searcher: Any) -> dict[str, set[str]]:
        """Index terms (expanded for prefix and fuzzy) each field should mark."""
        reader = searcher.reader()
        out: dict[str, set[str]] = {"body": set(), "title": set()}
        for leaf in _engine().positive_leaves(parsed.query):
            try:
                found = leaf.existing_terms(reader, phrases=True, expand=True)
            except Exception:
                continue
            for fieldname, term in found:
                if fieldname in out:
                    out[fieldname].add(term.decode("utf-8") if isinstance(term, bytes) else term)
        return out

    def suggest(self, text: str) -> str | None:
        """"Did you mean": the query with unknown words replaced by close, common words."""
        engine = _engine()
        fold, stem = engine.fold, engine.stem
        searcher = self.searcher()
        reader = searcher.reader()
        changed = False

        def fix(m: re.Match[str]) -> str:
            nonlocal changed
            word = m.group(0)
            lower = word.lower()
            if len(lower) < 3 or word in ("AND", "OR", "NOT") or not fold(lower).isalpha() \
                    or lower in engine.STOPS or any(a <= m.start() < b for a, b in kept) \
                    or engine.has_cjk(lower):  # (searched as its two-letter pieces: no word to mend)
                return word
            s = stem(lower)
            if reader.doc_frequency("body", s) or reader.doc_frequency("title", s):
                return word
            best = self._closest(fold(lower))  # the vocabulary's words are folded
            if best is None:
                return word
            best = self._spelling(best, searcher)
            changed = True
            return best.capitalize() if word[:1].isupper() else best

        # Clauses of a field whose values are not words (date:, file:, id:) are left as typed:
        # `date:"this week"` was offered `date:"his week"`. Stop words are never indexed, so
        # never "unknown" either.
        schema = searcher.schema
        fields = {f: f == "date" or (n in schema and not schema[n].scorable)
                  for f, n in (*QUERY_FIELDS.items(), ("date", "date"))}
        kept = [m.span() for m in _FIELD_CLAUSE_RE.finditer(text) if fields.get(m.group(1).lower())]
        # Plain words only: not field names, prefixes, fuzzy terms or dates. A word keeps its
        # combining accents ("Pe\u0301rez" is one word, as in analysis.WORD_RE).
        out = re.sub(r"(?<![\w:*~\-\u0300-\u036f])[^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*(?![\w:*~])", fix, text)
        return out if changed else None

    def _spelling(self, folded: str, searcher: Any, sample: int = 10) -> str:
        """The vocabulary's (folded) word as the corpus writes it: its most frequent spelling
        in a few articles holding it ("erdoğan", not "erdogan", when the pages say Erdoğan);
        the folded word itself when that is as frequent."""
        engine = _engine()
        fold, match_ranges = engine.fold, engine.match_ranges
        term = engine.stem(folded)
        numbers: list[int] = []
        for fieldname in ("title", "body"):
            if len(numbers) < sample and searcher.reader().doc_frequency(fieldname, term):
                postings = searcher.postings(fieldname, term)  # the first few: not a common word's all
                while postings.is_active() and len(numbers) < sample:
                    numbers.append(postings.id())
                    postings.next()
        ids = [searcher.stored_fields(n)["id"] for n in dict.fromkeys(numbers[:sample])]
        seen: Counter[str] = Counter()
        for doc in self.store().docs(ids).values():
            for text in (doc["article"]["title"], doc["article"]["body"]):
                for a, b in match_ranges(text, {term}):
                    written = text[a:b].lower()
                    if fold(written) == folded:
                        seen[written] += 1
        if not seen:
            return folded
        return max(seen, key=lambda w: (seen[w], w == folded, w))

    def _closest(self, word: str) -> str | None:
        if self._corrector is None:
            vocab = self.store().vocab(min_count=2)
            # Whoosh's ListCorrector never offers the list's first word (its skipper steps
            # past index 0 on the first look-up): a "" first takes that place. "" is never
            # offered itself, being 3 or more edits from any word `suggest` corrects.
            self._corrector = (_engine().ListCorrector(["", *(w for w, _ in vocab)]), dict(vocab))
        corrector, counts = self._corrector
        # Two edits only in a word of six letters or more (as search engines' "auto"
        # fuzziness): in a short one they make another word, and typing "paki" on the way to
        # "pakistan" was asked "did you mean: take".
        for maxdist in (1, 2) if len(word) >= 6 else (1,):
            found = corrector.suggest(word, limit=50, maxdist=maxdist)
            if found:
                return max(found, key=lambda w: (counts.get(w, 0), w))
        return None

    # --- facets ----------------------------------------------------------------------

    def facets(self, text: str | None = None, top: int = 10) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching articles by source, month and entity (all articles if no query)."""
        with self._lock, self.reading():
            searcher = self.searcher()
            reader = searcher.reader()
            if text:
                docnums = searcher.docs_for_query(self.parse(text).query)
            else:
                docnums = reader.all_doc_ids()
            if reader.doc_count_all() == 0:  # nothing committed yet: no columns to read
                docnums, src_col, date_col, ent_col = [], [], [], []
            else:
                src_col = reader.column_reader("src")
                date_col = reader.column_reader("date")
                ent_col = reader.column_reader("ents")
            sources: Counter[str] = Counter()
            months: Counter[str] = Counter()
            ents: dict[str, Counter[str]] = {"person": Counter(), "org": Counter(), "place": Counter()}
            kinds = {"person", "org", "place"}
            for n in docnums:
                src = src_col[n]
                if src:
                    sources[src.decode("utf-8")] += 1
                d = date_col[n]
                if d:
                    months[f"{d // 10000:04d}-{d // 100 % 100:02d}"] += 1
                raw = ent_col[n]
                if raw:
                    for item in raw.decode("utf-8").split("\t"):
                        kind, _, name = item.partition(":")
                        if kind in kinds:
                            ents[kind][name] += 1
        out = {"source": sources.most_common(top),
               "month": sorted(months.items(), reverse=True)[: max(top, 12)]}
        for kind, counter in ents.items():
            out[kind] = counter.most_common(top)
        return out

    # --- related stories -------------------------------------------------------------

    def more_like(self, article_id: str, limit: int = 10) -> list[Row]:
        """Articles sharing the most distinctive words of `article_id` (Whoosh's Bo1 model)."""
        stored = self.get(article_id)
        if stored is None:
            return []
        with self._lock, self.reading():
            searcher = self.searcher()
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", text=stored.article.text, top=limit, numterms=12)
            ids = [hit["id"] for hit in results]
        rows = self.store().rows(ids)
        return [rows[i] for i in ids if i in rows]

    # --- updating --------------------------------------------------------------------

    def update(self, progress: Callable[[Progress], None] | None = None, rebuild: bool = False,
               warn: Callable[[str], None] | None = None, source: PageSource | None = None,
               stop: Callable[[], bool] | None = None, patient: bool = False) -> UpdateStats:
        """Bring the index up to date with the corpus folder. Safe to run in a worker thread
        while other threads search; they see each batch once it is committed. `stop` is asked
        every page or so (and every 0.1 s while workers are busy); once it is True the update
        raises `UpdateStopped` within a fraction of a second, keeping what it committed (`patient`:
        within a few seconds, keeping more of what it read: `Indexer.run`)."""
        if rebuild:
            self.close()  # a rebuild deletes the files under our open searcher and store
        from newsreader.search.indexer import Indexer

        try:
            stats = Indexer(self.folder, self.corpus, self.config, source).run(rebuild, progress, warn, stop, patient)
        finally:  # (a rebuild deletes the record; a stopped run keeps an index all the same)
            record_corpus(self.folder, self.corpus)
        with self._lock:
            self._corrector = None
        return stats


def _refreshed(ix: Any, old: Any) -> Any:
    """A searcher on the index's latest commit, keeping `old`'s reader of each segment that
    is unchanged (same segment, same deleted documents); `old` must not be used after.

    Whoosh's `Searcher.refresh` (whoosh-reloaded 2.7.5) also searched the segments the new
    commit merged away (every merged story found twice, until the reader restarted), and kept
    a segment's reader by its id alone, deaf to deletions made since (a story whose page
    changed found in its old version too)."""
    from whoosh.reading import EmptyReader, MultiReader, SegmentReader
    from whoosh.searching import Searcher

    try:
        info = ix._read_toc()
    except OSError:  # a commit moving files right now: Whoosh's own open retries
        old.close()
        return ix.searcher()
    reusable = {leaf.segment().segment_id(): leaf for leaf, _ in old.reader().leaf_readers()
                if leaf.segment() is not None}
    readers = []
    opened = []
    try:
        for segment in info.segments:
            leaf = reusable.get(segment.segment_id())
            if leaf is not None and len(info.segments) > 1 and \
                    set(leaf.segment().deleted_docs()) == set(segment.deleted_docs()):
                del reusable[segment.segment_id()]
                readers.append(leaf)
            else:
                opened.append(SegmentReader(ix.storage, info.schema, segment, generation=info.generation))
                readers.append(opened[-1])
    except OSError:
        for reader in opened:
            reader.close()
        old.close()
        return ix.searcher()
    for leaf in reusable.values():
        leaf.close()
    if not readers:
        reader: Any = EmptyReader(info.schema)
    elif len(readers) == 1:
        reader = readers[0]
    else:
        reader = MultiReader(readers, generation=info.generation)
    return Searcher(reader, fromindex=ix, weighting=old.weighting)


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino
