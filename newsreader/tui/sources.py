"""What the article list shows: the whole corpus a page at a time, or a fixed list of ids
(search results, stories mentioning an entity).

The list widget asks for one row at a time while painting; `CorpusRows` answers from a
small LRU cache of pages fetched with `Library.list_rows`, so only the rows near the screen
are ever loaded, however large the corpus.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # importing the search package loads Whoosh; the first paint need not wait
    from newsreader.search.store import Row


class RowSource(Protocol):
    label: str
    #: Index terms (stemmed) whose words are marked in titles; empty when not a search.
    title_terms: frozenset[str]
    #: The same for the article body, so the reader can mark matches and jump with n/N.
    body_terms: frozenset[str]
    #: The query that produced this list, if any (saved with `S`).
    query: str | None
    #: The names and dates a search looks for (`where.Targets`), marked with the matches; None
    #: when not a search.
    targets: Any

    def count(self) -> int: ...

    def row(self, index: int) -> Row | None: ...

    def invalidate(self) -> None: ...


class CorpusRows:
    """Every article of the library in `sort` order, fetched lazily by page."""

    PAGE = 100
    PAGES_KEPT = 32

    def __init__(self, library: Any, sort: str = "date") -> None:
        self.library = library
        self.sort = sort
        self.label = "All articles"
        self.title_terms: frozenset[str] = frozenset()
        self.body_terms: frozenset[str] = frozenset()
        self.query: str | None = None
        self.targets: Any = None
        self._count: int | None = None
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        #: The index commit these rows were last checked against (None: not yet).
        self.generation: int | None = None

    def count(self) -> int:
        if self._count is None:
            try:
                self._count = self.library.count() if self.library.exists() else 0
            except Exception:  # no index yet, or it is being replaced: show nothing for now
                self._count = 0
        return self._count

    def row(self, index: int) -> Row | None:
        if index < 0 or index >= self.count():
            return None
        number, at = divmod(index, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            try:
                page = self.library.list_rows(number * self.PAGE, self.PAGE, sort=self.sort)
            except Exception:
                return None
            self._pages[number] = page
            if len(self._pages) > self.PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[at] if at < len(page) else None

    def invalidate(self) -> None:
        """Forget counts and pages: the index committed new articles."""
        self._count = None
        self._pages.clear()


@dataclass(frozen=True)
class Rest:
    """What a search list cut short at its first hits still has to fetch: its whole `limit`
    hits in `sort` order."""

    limit: int
    sort: str


@dataclass
class FixedRows:
    """A list already in memory: search hits, stories mentioning an entity, bookmarks."""

    rows: list[Row]
    label: str
    title_terms: frozenset[str] = frozenset()
    body_terms: frozenset[str] = frozenset()
    query: str | None = None
    total: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: Set on a search list showing only its first hits: the rest still to fetch.
    partial: Rest | None = None
    #: The names and dates the search looks for (`where.Targets`), marked with the matches.
    targets: Any = None
    #: The bylines of the rows a search found through their byline alone (`Hit.byline_only`), by
    #: id: the row says "by ..." where its source goes (the title does not show why it matched).
    byline: dict[str, str] = field(default_factory=dict)

    def count(self) -> int:
        return len(self.rows)

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def invalidate(self) -> None:
        pass
