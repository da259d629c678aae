"""Full-text search over a corpus: a Whoosh index plus a SQLite article store.

All Whoosh imports stay inside this package so the engine can be swapped in one place.
The reader and the CLI use `Library` (see library.py).

The package's names are looked up on first use (PEP 562), not on import: the reader
imports `schema` (whoosh-free) before its list shows, and importing the package must not
load `library`, and with it Whoosh (~115 ms), then.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsreader.search.library import Hit, Library, SearchResult, StoredArticle
    from newsreader.search.schema import QueryError

_HOMES = {"Hit": "library", "Library": "library", "SearchResult": "library", "StoredArticle": "library",
          "QueryError": "schema"}

__all__ = ["Hit", "Library", "QueryError", "SearchResult", "StoredArticle"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
