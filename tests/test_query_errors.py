"""Queries that search for nothing say what in them is wrong and what to do.

All of these said "nothing to search for: the query has no words but common ones like
'the'": a reversed date range, `person:""`, a lone backslash, `:`, `-`, `~`, a word too long
to be indexed; a lone `?` searched for every one-letter word (the "4" of "$4 billion"). The
message comes from the query layer, so `newsreader search` (exit 2, one line) and the
reader's search bar (which shows `str(QueryError)` in its status line, after reading the text
as typed, `query.as_typed`) say the same. Also: a hyphen inside a word (`well-known`,
`covid-19`) was Whoosh's minus, so `well-known` searched for "well" without "known"; and a
`-word` in brackets was "cannot read the query"."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.search.query import QueryParser
from newsreader.search.schema import QueryError, build_schema

BOUNDS = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))

#: query -> a piece of the one line it gets (and none says "common ones" but "the" itself).
CASES = {
    "date:[2025-06-30 TO 2025-06-01]": "ends before it starts: swap its ends, date:[2025-06-01 TO 2025-06-30]",
    "iran date:[2025-06-30 TO 2025-06-01]": "ends before it starts",
    'person:""': "'person:' needs a word or \"phrase\" after it",
    'person:"  "': "'person:' needs a word",
    "\\": "'\\' has no letters or digits",
    ":": "':' goes after a field name",
    "-": "'-' excludes the word right after it, e.g. -iran",
    "the -": "'-' excludes",
    "+": "'+' requires the word right after it",
    "~": "'~' goes right after a word",
    '""': 'an empty phrase ""',
    "a" * 300: "(300 characters) is too long for a word",
    "?": "'?' alone matches any one-letter word: put ? in a word, e.g. wom?n",
    "iran ??": "'??' alone matches any word that short",
    "the": "no words but common ones like 'the'",
}


@pytest.fixture(scope="module")
def parser() -> QueryParser:
    return QueryParser(build_schema())


@pytest.mark.parametrize("query", list(CASES))
def test_each_query_that_searches_for_nothing_says_why(parser: QueryParser, query: str) -> None:
    with pytest.raises(QueryError) as caught:
        parser.parse(query, BOUNDS)
    said = str(caught.value)
    assert CASES[query] in said and "\n" not in said and len(said) < 130, said
    if query != "the":
        assert "common ones" not in said


@pytest.mark.parametrize("query", list(CASES))
def test_the_search_bar_says_the_same(parser: QueryParser, query: str) -> None:
    """The reader parses the text as typed (`complete` given) and falls back to the text as
    it is when that reading fails: the message is the one `newsreader search` prints."""
    with pytest.raises(QueryError) as plain:
        parser.parse(query, BOUNDS)
    with pytest.raises(QueryError) as typed:
        parser.parse(query, BOUNDS, complete=lambda word: [word])
    assert str(typed.value) == str(plain.value)


@pytest.mark.parametrize("query", ["wom?n", "a?", "*", "iran date:[2025-06-01 TO 2025-06-30]", "date:[* TO 2025-06]",
                                   "iran -", "what?", 'person:"jane smith"', "well-known"])
def test_what_still_parses(parser: QueryParser, query: str) -> None:
    """A `?` inside a word, a lone `*` (every article), a range in order, a `-` at the end
    (dropped, as before) and a hyphenated word are still queries."""
    parser.parse(query, BOUNDS)


@pytest.mark.parametrize("query, kept, dropped", [
    ("well-known", {"well", "known"}, set()),
    ("covid-19 vaccine", {"covid", "19", "vaccin"}, set()),
    ("iran -pakistan", {"iran"}, {"pakistan"}),
    ("c++ +iran", {"c", "iran"}, set()),
])
def test_a_hyphen_inside_a_word_is_not_a_minus(parser: QueryParser, query: str, kept: set[str],
                                               dropped: set[str]) -> None:
    """`-` and `+` are operators only at the start of a word (after a space or `(`), as
    `check_syntax`'s `_MINUS_RE` reads them; in `well-known` the `-` excluded "known"."""
    from newsreader.search.query import positive_leaves

    q = parser.parse(query, BOUNDS).query
    positive = {str(leaf.text) for leaf in positive_leaves(q)}
    assert kept <= positive and not dropped & positive, (q, positive)


@pytest.mark.parametrize("query", ["strike (iran -pakistan)", "(-pakistan) strike iran", "iran AND (-pakistan)"])
def test_a_minus_in_brackets_excludes_as_not_does(parser: QueryParser, query: str) -> None:
    """Whoosh raises on a `-word` in brackets (NotImplementedError: Minus), which said
    "cannot read the query"; it is read as `NOT word`, as a leading `-word` already was."""
    from newsreader.search.query import positive_leaves

    q = parser.parse(query, BOUNDS).query
    positive = {str(leaf.text) for leaf in positive_leaves(q)}
    assert "iran" in positive and "pakistan" not in positive and "pakistan" in repr(q), q


# --- through the real command ------------------------------------------------------------


def _page(date: str, title: str, body: str) -> str:
    return f" date {date} {title}\n\n{body}\n\nMore text here.\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("query-errors")
    root = base / "corpus"
    (root / "a").mkdir(parents=True)
    pages = {
        "p1": _page("2025-06-03", "Floods reach Lahore", "Water rose in Lahore, officials said. The bill was $4 billion."),
        "p2": _page("2025-06-20", "A well-known economist resigns", "The well-known economist left the bank."),
        "p3": _page("2025-06-25", "Wells known for their water", "The wells are known for water, not oil."),
    }
    for name, text in pages.items():
        (root / "a" / f"{name}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "NEWSREADER_HOME": str(base / "home")}
    out = subprocess.run([sys.executable, "-m", "newsreader", "index", "--corpus", str(root)], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return root, env


def _search(corpus: tuple[Path, dict[str, str]], query: str) -> subprocess.CompletedProcess[str]:
    root, env = corpus
    return subprocess.run([sys.executable, "-m", "newsreader", "search", "--corpus", str(root), query],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("query", ["date:[2025-06-30 TO 2025-06-01]", 'person:""', "\\", ":", "-", "~",
                                   "a" * 300, "?"])
def test_the_command_says_it_in_one_line_and_exits_2(corpus: tuple[Path, dict[str, str]], query: str) -> None:
    out = _search(corpus, query)
    assert out.returncode == 2 and out.stdout == "", out
    assert out.stderr.count("\n") == 1 and CASES[query] in out.stderr, out.stderr


def test_the_command_finds_a_hyphenated_word(corpus: tuple[Path, dict[str, str]]) -> None:
    """`well-known` found nothing (it searched "well" NOT "known", and both pages with
    "well" have "known"); now the page with both words, and not the one without."""
    out = _search(corpus, "well-known")
    assert out.returncode == 0 and "economist resigns" in out.stdout, out
    for query in ("water -lahore", "water (oil -lahore)"):  # a minus before a word excludes it
        out = _search(corpus, query)
        assert out.returncode == 0 and "Wells known" in out.stdout and "Floods" not in out.stdout, out


@pytest.mark.parametrize("query", ["iran (-)", "strike (iran -)", "(NOT -iran)"])
def test_a_query_whoosh_cannot_read_names_no_exception(parser: QueryParser, query: str) -> None:
    """These said "cannot read the query (NotImplementedError)" or "(IndexError)" (review RV11)."""
    with pytest.raises(QueryError) as raised:
        parser.parse(query, BOUNDS)
    said = str(raised.value)
    assert "cannot read the query: check its brackets" in said and "Error" not in said
