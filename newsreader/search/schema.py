"""The Whoosh schema: what is searchable, and (deliberately) how little is stored.

Whoosh holds only what queries, sorting and facets need. Article bodies, spans and list
rows live in the SQLite article store (`store.py`): storing bodies in Whoosh made a searcher
on 100,000 articles cost ~1.2 GB before the first query (see bench/README.md).

Dates are searched through `dkey`, which holds three exact keys per article
(`y2025`, `m2025-06`, `d2025-06-14`): a date range becomes a handful of year, month and
day terms instead of Whoosh's per-value expansion of a DATETIME range.

`grams_title`/`grams_body` list pairs of adjacent common stems. Which stems are common is
decided once per index (`indexer.decide_common_stems`) and kept in the article store's
meta table: within a segment a kept pair must be listed for every document holding it,
or phrases answered from the pair list would miss documents.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from whoosh import columns
from whoosh.fields import COLUMN, ID, Schema

from newsreader.errors import IndexNeedsRebuild
from newsreader.search.analysis import NewsText

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

#: The Whoosh index's folder inside an index folder (beside the SQLite article store).
WHOOSH_DIR = "whoosh"

#: Bumped when the schema or analysis changes, so an old index is rebuilt, not misread.
SCHEMA_VERSION = 4


def build_schema() -> Schema:
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


def date_number(date: dt.date | None) -> int:
    """YYYYMMDD, 0 for undated (sorts last when newest-first)."""
    return date.year * 10000 + date.month * 100 + date.day if date else 0


def unreadable_index(folder: Any, exc: BaseException) -> IndexNeedsRebuild:
    """The one message for an index whose files cannot be read (the way out: rebuild)."""
    return IndexNeedsRebuild(f"the index at {folder} is unreadable ({type(exc).__name__}: {exc}); "
                             "run `newsreader index --rebuild`")


def other_version_index(folder: Any) -> IndexNeedsRebuild:
    """The one message for an index built with another SCHEMA_VERSION."""
    return IndexNeedsRebuild(f"the index at {folder} was built by another version of newsreader; "
                             "run `newsreader index --rebuild`")
