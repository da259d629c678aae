"""The Whoosh side of `Library`: `library.py` reaches Whoosh only through this module,
which `library._engine` imports on first use (the query and analysis modules it imports
load Whoosh themselves). Opening a library, its list rows and its articles read the SQLite
store alone, so the reader's list does not wait for Whoosh's import (~115 ms of its start
at 100,000 articles)."""

from __future__ import annotations

from typing import Any, Callable

from whoosh import index
from whoosh.collectors import WrappingCollector
from whoosh.spelling import ListCorrector

from newsreader.search.analysis import STOPS, fold, has_cjk, stem
from newsreader.search.dismax import byline_only
from newsreader.search.dateorder import date_runs, estimate, newest, oldest, restrict_dates
from newsreader.search.expand import lexicon_parts, notes
from newsreader.search.library import SearchCancelled
from newsreader.search.query import QueryParser, lone_letters_note, positive_leaves
from newsreader.search.snippets import make_snippet, match_ranges
from newsreader.search.where import spans as where_spans, targets as where_targets
from newsreader.search.writer import open_index

__all__ = ["STOPS", "Cancellable", "ListCorrector", "QueryParser", "byline_only", "date_runs", "estimate", "fold",
           "has_cjk", "index", "make_snippet", "open_index", "match_ranges", "newest", "notes", "oldest",
           "lexicon_parts", "lone_letters_note", "today", "positive_leaves",
           "restrict_dates", "stem", "where_spans", "where_targets"]


def today() -> Any:
    """The local date relative dates (`date:today`) resolve against, looked up at each call."""
    from newsreader.search import query

    return query._today()


class Cancellable(WrappingCollector):
    """Wraps a Whoosh collector: between matches, stop (raise `SearchCancelled`) once
    `cancelled()` is True. It runs the child's own loop (`matches`, which skips the blocks
    that cannot reach the top, then `collect`), so what is found is unchanged."""

    def __init__(self, child: Any, cancelled: Callable[[], bool]) -> None:
        super().__init__(child)
        self.cancelled = cancelled

    def collect_matches(self) -> None:
        cancelled, collect = self.cancelled, self.child.collect
        for sub_docnum in self.child.matches():
            if cancelled():
                raise SearchCancelled
            collect(sub_docnum)
