"""The query parser is linear in a word's length (bench/bench_query_parse.py has the times).

Whoosh's tagging loop tries each tagger at every character no tagger took; its `field:`
tagger (`\\w+:`) scanned to the end of the word each time, so 'a' * 40,000 took 12 s. Our
tagger (`query._FieldnameTagger`) answers the rest of a word run at once after one failure.
Counted here in regex calls, not timed; and checked to read every query as Whoosh's own."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh.qparser import FieldsPlugin

from newsreader.search.query import QueryParser
from newsreader.search.schema import QueryError, build_schema

BOUNDS = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))


@pytest.fixture(scope="module")
def parsers() -> tuple[QueryParser, QueryParser]:
    """Ours, and one with Whoosh's own `field:` tagger put back (the reference)."""
    ours, stock = QueryParser(build_schema()), QueryParser(build_schema())
    whoosh = stock._parser
    whoosh.plugins = [FieldsPlugin() if isinstance(p, FieldsPlugin) else p for p in whoosh.plugins]
    return ours, stock


@pytest.mark.parametrize("text", ["a" * 3000, "7" * 3000, "x" * 1500 + "-" + "y" * 1500, "ab." * 1000])
def test_a_long_word_costs_the_field_tagger_a_few_regex_calls(parsers, monkeypatch, text: str) -> None:  # type: ignore[no-untyped-def]
    calls = []
    tried = FieldsPlugin.FieldnameTagger.match

    def counted(self, parser, text, pos):  # type: ignore[no-untyped-def]
        calls.append(pos)
        return tried(self, parser, text, pos)

    monkeypatch.setattr(FieldsPlugin.FieldnameTagger, "match", counted)
    try:
        parsers[0].parse(text, BOUNDS)
    except QueryError:
        pass
    runs = text.count("-") + text.count(".") + 1
    assert 0 < len(calls) <= 2 * runs, len(calls)  # was one a character (3,000)


#: Pieces of queries: words, fields (known and not), operators, the characters taggers start at.
PIECES = st.sampled_from(["a", "ab", "7", "title", "person", "colour", "date", ":", " ", "-", "+", "*", "?", "~",
                          "~2", "^2", '"', "(", ")", "[", "]", "{", "}", "TO", "*:", " AND ", " OR ", " NOT ", "é",
                          "_", ".", "/", "\\"])


@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_our_tagger_reads_every_query_as_whoosh_does(parsers, text: str) -> None:  # type: ignore[no-untyped-def]
    ours, stock = parsers

    def reading(parser: QueryParser) -> str:
        try:
            return repr(parser.parse(text, BOUNDS).query)
        except QueryError as exc:
            return f"QueryError: {exc}"

    assert reading(ours) == reading(stock)


def test_the_tags_are_whooshs_on_field_shapes(parsers) -> None:  # type: ignore[no-untyped-def]
    """Tagging alone (before our checks): a field right after a failed word run, in a
    phrase's slop, after brackets."""
    ours, stock = (p._parser for p in parsers)
    for text in ["ab title:x", "ab*:x", "abc:d title:e", '"a b"~2title:x', "(x)title:y", "x-title:y", "aaa_b:c", "é:x title:y",
                 "a" * 50 + " body:z"]:
        assert repr(ours.tag(text)) == repr(stock.tag(text)), text
