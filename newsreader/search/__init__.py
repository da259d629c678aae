"""Full-text search over a corpus: a Whoosh index plus a SQLite article store.

All Whoosh imports stay inside this package so the engine can be swapped in one place.
The reader and the CLI use `Library` (see library.py).
"""

from newsreader.search.library import Hit, Library, SearchResult, StoredArticle
from newsreader.search.query import QueryError

__all__ = ["Hit", "Library", "QueryError", "SearchResult", "StoredArticle"]
