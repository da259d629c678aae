"""Plain search finds authors (E10 #3): `search "Jane Smith"` found a story only by its byline with
`byline:`; now a query of plain words (or one phrase) also matches the byline, weighed low, so a
story about her ranks above a story by her."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.config import Config, Paths
from newsreader.search.dismax import WithByline
from newsreader.search.query import BYLINE_WEIGHT, QueryParser

BY_HER = """Floods close the coast road for a week

By Jane Smith

March 3, 2024

Heavy rain closed the coast road on Monday, and the council said it would stay shut for a week while engineers
checked the sea wall. Drivers were told to use the inland route, which adds about twenty minutes to the journey.
"""

ABOUT_HER = """Council names new head of planning

March 4, 2024

The council on Tuesday named a new head of planning, who starts next month. Jane Smith, who ran the planning office
in a neighbouring town for six years, said the first task would be the coast road repairs.
"""

OTHER = """Harbour fees rise for fishing boats

By Tom Hale

March 5, 2024

Fishing boats will pay more to use the harbour from April, the port authority said, after a year of repairs.
"""


@pytest.fixture()
def library(tmp_path):  # type: ignore[no-untyped-def]
    from newsreader.search.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (("by.txt", BY_HER), ("about.txt", ABOUT_HER), ("other.txt", OTHER)):
        (corpus / name).write_text(text, encoding="utf-8")
    lib = Library.open(Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache"), corpus, Config())
    lib.update()
    yield lib
    lib.close()


def _titles(library, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.title for h in library.search(query, snippets=False, suggest=False).hits]


@pytest.mark.parametrize("query", ["Jane Smith", '"Jane Smith"', "jane AND smith"])
def test_a_name_finds_the_stories_about_her_first_then_those_she_wrote(library, query):
    assert library.get(next(r.id for r in library.list_rows(0, 5) if r.title.startswith("Floods"))).article.byline \
        == "Jane Smith"
    assert _titles(library, query) == ["Council names new head of planning", "Floods close the coast road for a week"]


def test_the_byline_must_hold_every_word(library):
    # "smith" is in her byline and in the other story's text nowhere; "harbour" only in Tom Hale's story.
    assert _titles(library, "smith harbour") == []
    assert _titles(library, "hale") == ["Harbour fees rise for fishing boats"]


def test_only_a_query_of_plain_words_or_one_phrase_searches_the_byline(library):
    assert _titles(library, "title:smith") == []
    # (A word left out keeps the byline: tests/test_s4_byline_left_out.py.)
    parser = QueryParser(library.searcher().schema)
    bounds = (dt.date(2000, 1, 1), dt.date(2030, 1, 1))
    q = parser.parse("Jane Smith", bounds).query
    assert isinstance(q, WithByline) and q.subqueries[1].boost == BYLINE_WEIGHT
    assert not isinstance(parser.parse("jane OR smith", bounds).query, WithByline)


def test_the_words_keep_their_top_k_shortcut_under_the_byline(library, monkeypatch):
    # `TextWords` drops what cannot reach the top k only when told it is the whole search: wrapped
    # with the byline it must still be (else a two-word search walks every posting of both words).
    from newsreader.search import fieldfirst

    calls = []
    real = fieldfirst._top_words

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[-1])
        return real(*args, **kwargs)

    monkeypatch.setattr(fieldfirst, "_top_words", spy)
    assert _titles(library, "Jane Smith")[0] == "Council names new head of planning"
    assert calls and all(top == 20 for top in calls)
