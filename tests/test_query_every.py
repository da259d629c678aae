"""A lone `*` (every article) must not make Whoosh walk every word of a field.

Whoosh's parser reads `*` as `Every('title') | Every('body')`, and `Every(fieldname)` builds
its document list by reading the postings of every word in the field ("This is SLOOOW for
large indexes", whoosh/query/qcore.py). On 37,334 articles `newsreader search '*'` took 56 s
of CPU (165 s wall in the reader's search bar, and the next query typed waited behind it),
while `*:*` (`Every(None)`, the index's list of live documents) took 0.24 s. Every article
has a title and a body, so the two mean the same thing (QA2). The answers are compared in
test_search's `test_a_lone_star_is_every_article`."""

from __future__ import annotations

import datetime as dt

import pytest
from whoosh import query as Q

from newsreader.search.query import QueryParser
from newsreader.search.schema import build_schema

BOUNDS = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))


def _everys(q: Q.Query) -> list[Q.Every]:
    found = [q] if isinstance(q, Q.Every) else []
    for child in q.children():
        found += _everys(child)
    return found


@pytest.mark.parametrize("text", ["*", "* -lahore", "iran *", "title:*", "body:*"])
def test_a_lone_star_is_every_document_not_every_word(text: str) -> None:
    q = QueryParser(build_schema()).parse(text, BOUNDS).query
    everys = _everys(q)
    assert everys, repr(q)
    assert all(e.fieldname in (None, "", "*") for e in everys), repr(q)


def test_a_field_some_articles_lack_keeps_its_field() -> None:
    """`person:*` is the articles naming someone, not every article."""
    q = QueryParser(build_schema()).parse("person:*", BOUNDS).query
    assert [e.fieldname for e in _everys(q)] == ["person"]
