"""The query side: query language, snippets, did-you-mean, facets, the Library API, CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.config import Config
from newsreader.corpus.loader import iter_page_files, read_page_file
from newsreader.corpus.parser import parse_page
from newsreader.search import Library, QueryError
from newsreader.search.indexer import PageSource
from newsreader.search.query import cover_keys

PAGES = {
    "dawn/strike.txt": (
        " date 2025-06-14 Workers strike at Karachi port over unpaid wages\n\n"
        "By Staff Reporter\n\n"
        "KARACHI: Dock workers began a strike on Monday demanding unpaid wages, officials said. "
        "The strikes have halted shipping at the port for a second day.\n\n"
        "Pakistan Deputy Prime Minister Ishaq Dar said the government would meet the union "
        "leaders in Islamabad on Tuesday.\n"
    ),
    "dawn/budget.txt": (
        " date 2025-06-02 Government presents budget with higher defence spending\n\n"
        "ISLAMABAD: The federal government presented its budget on Monday, raising defence "
        "spending while cutting development funds.\n\n"
        "Finance Minister Muhammad Aurangzeb told the National Assembly the economy was stabilising.\n"
    ),
    "arab/iran.txt": (
        " date 2025-06-20 Israel and Iran exchange missile strikes for a seventh day\n\n"
        "TEHRAN: Iran and Israel traded missile strikes again on Friday as diplomats in Geneva "
        "sought a ceasefire. Israel said its jets struck nuclear sites.\n\n"
        "Iranian Foreign Minister Abbas Araghchi met European ministers in Geneva.\n"
    ),
    "arab/cricket.txt": (
        " date 2024-12-30 Pakistan win the third test against South Africa\n\n"
        "CAPE TOWN: Pakistan beat South Africa by six wickets in the third test on Monday, "
        "with Babar Azam scoring a century.\n\n"
        "The captain praised the bowlers after the match.\n"
    ),
    "arab/floods.txt": (
        " date 2024-08-03 Monsoon floods kill dozens in Punjab\n\n"
        "LAHORE: Monsoon rains caused floods across Punjab, killing dozens and displacing "
        "thousands, the disaster management authority said.\n\n"
        "Rescue teams were sent to Lahore and Multan as rivers rose.\n"
    ),
}


def write_corpus(root: Path, pages: dict[str, str] = PAGES) -> Path:
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def with_outlets() -> PageSource:
    """The real loader and parser; the outlet comes from the folder (the parser finds
    outlets only in listing pages)."""

    def parse(text: str, file: str):  # type: ignore[no-untyped-def]
        articles = parse_page(text, file=file).articles
        for a in articles:
            a.source = "Dawn" if file.startswith("dawn/") else "Arab News"
        return articles

    return PageSource(iter_page_files, read_page_file, parse)


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("search")
    corpus = write_corpus(base / "corpus")
    library = Library(base / "index", corpus, Config())
    library.update(source=with_outlets())
    yield library
    library.close()


def titles(lib: Library, query: str, **kw: object) -> list[str]:
    return [h.title for h in lib.search(query, **kw).hits]  # type: ignore[arg-type]


def test_count_and_rows_newest_first(lib: Library) -> None:
    assert lib.count() == 5
    rows = lib.list_rows(0, 10)
    assert [r.date for r in rows] == sorted((r.date for r in rows), reverse=True)
    assert lib.list_rows(4, 10)[0].title.startswith("Monsoon floods")
    assert [r.title for r in lib.list_rows(0, 2, sort="date-asc")][0].startswith("Monsoon")


def test_stemming(lib: Library) -> None:
    assert set(titles(lib, "strikes")) == set(titles(lib, "strike"))
    assert len(titles(lib, "strike")) == 2


def test_phrase(lib: Library) -> None:
    assert titles(lib, '"unpaid wages"') == ["Workers strike at Karachi port over unpaid wages"]
    assert titles(lib, '"wages unpaid"') == []


def test_boolean_operators(lib: Library) -> None:
    assert len(titles(lib, "strike AND karachi")) == 1
    assert len(titles(lib, "karachi OR geneva")) == 2
    assert titles(lib, "strike NOT karachi") == ["Israel and Iran exchange missile strikes for a seventh day"]
    assert titles(lib, "strike -karachi") == titles(lib, "strike NOT karachi")
    assert len(titles(lib, "strike karachi")) == 1  # words are ANDed


def test_fuzzy_within_two_edits_and_phrase_proximity_are_accepted(lib: Library) -> None:
    assert titles(lib, "karachu~1") == titles(lib, "karachi")
    assert titles(lib, "karachu~2") == titles(lib, "karachi")
    assert titles(lib, '"unpaid wages"~5') == titles(lib, '"unpaid wages"')  # proximity, not fuzzy


@pytest.mark.parametrize("query, same_as", [
    ("-karachi", "NOT karachi"),
    ("the -karachi", "NOT karachi"),
    ("-karachi -geneva", "NOT karachi NOT geneva"),
    ('-"unpaid wages"', 'NOT "unpaid wages"'),
    ("-title:budget", "NOT title:budget"),
])
def test_only_excluded_words_mean_every_other_article(lib: Library, query: str, same_as: str) -> None:
    """`-word` alone is `NOT word` (it was refused as 'only common words like the')."""
    expected = titles(lib, same_as)
    assert 0 < len(expected) < lib.count()
    assert sorted(titles(lib, query)) == sorted(expected)


@pytest.mark.parametrize("query, same_as", [
    ("*", None),
    ("title:*", None),
    ("* -karachi", "NOT karachi"),
    ("budget *", "budget"),
])
def test_a_lone_star_is_every_article(lib: Library, query: str, same_as: str | None) -> None:
    """`*` reads the index's list of articles, not every word's postings (test_query_every)."""
    found = sorted(titles(lib, query, limit=1000))
    if same_as is None:
        assert len(found) == lib.count()
    else:
        assert found == sorted(titles(lib, same_as, limit=1000)) and 0 < len(found) < lib.count()


@pytest.mark.parametrize("query, expected", [
    ("title:budget", 1),
    ("title:spending", 1),
    ("title:economy", 0),
    ("source:dawn", 2),
    ('source:"arab news"', 3),
    ('person:"Ishaq Dar"', 1),
    ('person:"ishaq dar"', 1),
    ("place:islamabad", 1),
    ("dateline:lahore", 1),
    ("byline:staff", 1),
])
def test_fields(lib: Library, query: str, expected: int) -> None:
    assert len(titles(lib, query)) == expected, query


@pytest.mark.parametrize("query, expected", [
    ("date:2025-06", 3),
    ("date:2025", 3),
    ("date:2024-12-30", 1),
    ("date:[2025-06-01 TO 2025-06-14]", 2),
    ("date:[2024-08 TO 2024-12]", 2),
    ("date:>2024-12-31", 3),
    ("date:>=2024-12-30", 4),
    ("date:<2025", 2),
    ("date:[* TO 2024-09-01]", 1),
    ("strike date:2025-06", 2),
    ("strike NOT date:[2025-06-15 TO 2025-06-30]", 1),
])
def test_dates(lib: Library, query: str, expected: int) -> None:
    assert len(titles(lib, query)) == expected, query


def test_cover_keys_is_minimal() -> None:
    import datetime as dt

    assert cover_keys(dt.date(2025, 6, 1), dt.date(2025, 6, 30)) == ["m2025-06"]
    assert cover_keys(dt.date(2024, 1, 1), dt.date(2025, 1, 2)) == ["y2024", "d2025-01-01", "d2025-01-02"]
    assert cover_keys(dt.date(2024, 12, 31), dt.date(2025, 2, 28)) == ["d2024-12-31", "m2025-01", "m2025-02"]


def test_prefix_and_fuzzy(lib: Library) -> None:
    assert len(titles(lib, "monso*")) == 1
    assert len(titles(lib, "stabilis*")) == 1
    assert titles(lib, "Karachii~") == titles(lib, "karachi")


def test_sort_by_date(lib: Library) -> None:
    hits = lib.search("pakistan OR israel OR floods", sort="date").hits
    dates = [h.date for h in hits]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 3


def test_hits_have_marked_snippets(lib: Library) -> None:
    result = lib.search('strike "unpaid wages"')
    hit = result.hits[0]
    assert hit.id and hit.title and hit.date == "2025-06-14" and hit.source == "Dawn" and hit.score > 0
    marked = [hit.snippet[s:e].lower() for s, e in hit.ranges]
    assert "strike" in marked and "strikes" in marked and "wages" in marked
    assert [hit.title[s:e] for s, e in hit.title_ranges] == ["strike", "unpaid", "wages"]
    assert all(w != "karachi" for w in marked)


def test_negated_words_are_not_marked(lib: Library) -> None:
    hit = lib.search("strike -karachi").hits[0]
    assert {hit.snippet[s:e].lower() for s, e in hit.ranges} == {"strikes"}


def test_did_you_mean(lib: Library) -> None:
    result = lib.search("Israil")
    assert result.hits == [] and result.suggestion == "Israel"
    assert lib.search("geneva").suggestion is None


def test_did_you_mean_takes_two_edits_only_in_a_long_word(lib: Library) -> None:
    """Two letters wrong in a short word make another word: "paki", typed on the way to
    "pakistan", was asked "did you mean: take"."""
    assert lib.suggest("Wagxx") is None  # "wages", two edits in five letters
    assert lib.suggest("Wagex") == "Wages"  # one
    assert lib.suggest("Pakistqq") == "Pakistan"  # two in eight


def test_facets(lib: Library) -> None:
    facets = lib.facets("pakistan OR strike")
    assert dict(facets["source"]) == {"Dawn": 1, "Arab News": 2}
    assert dict(facets["month"])["2025-06"] == 2
    all_facets = lib.facets()
    assert sum(n for _, n in all_facets["source"]) == 5
    assert ("Ishaq Dar", 1) in all_facets["person"]


@pytest.mark.parametrize("query, words", [
    ('"unclosed', "unclosed quote"),
    ("title:", "needs a word"),
    ("AND", "AND needs a word"),
    ("iran OR", "at the end"),
    ("date:[2025-01 TO", "closing ]"),
    ("date:2025-13", "not a valid date"),
    ("date:[2025 2026]", "two dates"),
    ("date:soon", "not a date"),
    ("colour:red", "unknown field"),
    ("pakistan~9", "fuzzy~ allows at most 2 differences, e.g. pakistan~2"),
    ("title:karach~3", "fuzzy~ allows at most 2"),
    ("(iran", "parentheses"),
    ("   ", "empty query"),
    ("the", "nothing to search"),
    ("~", "'~' goes right after a word"),  # it said "nothing to search for: ... common ones"
    ("date:", "date: needs a value; use date:2025"),  # it said "needs a date after ; use"
])
def test_malformed_queries(lib: Library, query: str, words: str) -> None:
    with pytest.raises(QueryError, match=words.replace("]", r"\]")):
        lib.search(query)


def test_a_field_with_nothing_after_it_is_shown_an_example_of_its_own(lib: Library) -> None:
    """`person:`, `file:`, `id:` alone were each told "e.g. person:iran", "file:iran", ...;
    each field's example is one that field takes, and a query that runs."""
    from newsreader.search.schema import QUERY_FIELDS

    examples = {}
    for field in QUERY_FIELDS:
        with pytest.raises(QueryError) as caught:
            lib.search(f"{field}:")
        examples[field] = str(caught.value).split("e.g. ", 1)[1]
        assert examples[field].startswith(f"{field}:")
        if field != "id":
            lib.search(examples[field])  # no QueryError
    assert examples["file"].endswith(".txt") and " " in examples["person"] and examples["id"].startswith("id:ID ")


def test_get_has_entities_and_dates(lib: Library) -> None:
    hit = lib.search('"unpaid wages"').hits[0]
    stored = lib.get(hit.id)
    assert stored is not None and stored.article.title == hit.title
    text = stored.article.text
    for span in stored.entities:
        assert text[span["start"]:span["end"]] == span["text"]
    assert any(e["name"] == "Ishaq Dar" and e["kind"] == "person" for e in stored.entities)
    assert lib.get("no-such-id") is None


def test_more_like(lib: Library) -> None:
    hit = lib.search('"unpaid wages"').hits[0]
    related = lib.more_like(hit.id)
    assert hit.id not in [r.id for r in related]


# --- CLI ------------------------------------------------------------------------------


@pytest.fixture()
def cli_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    return write_corpus(tmp_path / "corpus")


def test_cli_index_search_show(cli_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = str(cli_corpus)
    assert main(["search", "--corpus", corpus, "strike"]) == 0  # no index yet: built first
    assert "indexing" in capsys.readouterr().err
    assert main(["index", "--corpus", corpus, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["pages_unchanged"] == 5 and summary["articles_total"] == 5
    assert summary["seconds"] == round(summary["seconds"], 3)  # not 0.014977186001488008
    assert main(["search", "--corpus", corpus, "--json", "--limit", "1", "--count", "strikes"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["hits"]) == 1 and out["total"] == 2 and out["exact"]
    hit = out["hits"][0]
    assert all(hit["snippet"][s:e].lower().startswith("strike") for s, e in hit["ranges"])
    assert main(["search", "--corpus", corpus, "strike", "--facets"]) == 0
    text = capsys.readouterr().out
    assert "[strike]" in text and "month:" in text
    assert main(["show", "--corpus", corpus, hit["id"], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == hit["id"] and "entities" in shown and "dates" in shown and shown["body"]
    assert main(["show", "--corpus", corpus, hit["id"]]) == 0
    assert hit["title"] in capsys.readouterr().out
    assert main(["show", "--corpus", corpus, "nope"]) == 1


def test_cli_with_a_broken_whoosh_says_so_in_one_line(cli_corpus: Path, capsys: pytest.CaptureFixture[str],
                                                       request: pytest.FixtureRequest) -> None:
    """A broken install: one line saying to reinstall, not a traceback (`index` imported Whoosh
    raw), nor a sound index called damaged (`search` said "run `newsreader index --rebuild`")."""
    corpus = str(cli_corpus)
    assert main(["index", "--corpus", corpus]) == 0
    capsys.readouterr()
    request.getfixturevalue("broken_whoosh")
    for command in (["search", "--corpus", corpus, "strike"], ["index", "--corpus", corpus, "--rebuild"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "whoosh is broken" in err and "reinstall" in err, err
        assert "--rebuild" not in err
    assert main(["articles", "--corpus", corpus]) == 0  # the store needs no Whoosh


def test_cli_search_by_date_shows_no_made_up_score(cli_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Newest first, no score is worked out: every hit said "(0.00)"."""
    import re

    corpus = str(cli_corpus)
    assert main(["search", "--corpus", corpus, "strike", "--no-snippets"]) == 0
    by_score = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert by_score and all(re.search(r"  \(\d+\.\d\d\)$", line) for line in by_score), by_score
    assert main(["search", "--corpus", corpus, "strike", "--no-snippets", "--sort", "date"]) == 0
    by_date = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert len(by_date) == len(by_score) and not any(re.search(r"\(\d+\.\d\d\)$", line) for line in by_date), by_date


def test_cli_show_lists_the_names_and_dates(cli_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """README: `show ID` prints "one article with its people, organisations, places and
    dates"; without --json it printed the text only. Every name and date value of the JSON
    is now on its line, most mentioned first."""
    corpus = str(cli_corpus)
    assert main(["search", "--corpus", corpus, "--json", "strike"]) == 0
    for hit in json.loads(capsys.readouterr().out)["hits"]:
        assert main(["show", "--corpus", corpus, hit["id"], "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert main(["show", "--corpus", corpus, hit["id"]]) == 0
        lines = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in capsys.readouterr().out.splitlines()
                 if line.startswith(("People: ", "Organisations: ", "Places: ", "Dates: "))}
        for heading, kind in (("People", "person"), ("Organisations", "org"), ("Places", "place")):
            names = [e["name"] for e in shown["entities"] if e["kind"] == kind]
            listed = [n.rsplit(" (", 1)[0] for n in lines.get(heading, "").split(", ") if n]
            assert sorted(listed) == sorted(set(names)), (heading, listed, names)
            assert listed == sorted(listed, key=lambda n: -names.count(n))
        values = list(dict.fromkeys(d["value"] for d in shown["dates"]))
        assert [d.split(" (")[0] for d in lines.get("Dates", "").split(", ") if d] == values
    assert lines  # the last story has names or dates


@pytest.mark.parametrize("env,tty,marked", [
    ({}, True, "\x1b[1;33mIran\x1b[0m"), ({"NO_COLOR": "1"}, True, "\x1b[1mIran\x1b[0m"),
    ({"TERM": "dumb"}, True, "[Iran]"), ({}, False, "[Iran]")])
def test_cli_search_marks_respect_no_color(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool,
                                            marked: str) -> None:
    """`search` marked matches bold yellow on a terminal even with NO_COLOR set, which
    README (and no-color.org) say drops colours: bold alone then."""
    from newsreader.search.commands import _marker

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert _marker(tty)("in Iran now", [(3, 7)]) == f"in {marked} now"


def test_cli_bad_query_is_one_line(cli_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--corpus", str(cli_corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "--corpus", str(cli_corpus), '"unclosed']) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "unclosed quote" in err


def test_cli_too_many_open_files_is_one_line_not_rebuild(cli_corpus: Path, capsys: pytest.CaptureFixture[str],
                                                        refuse_index_files: Callable[..., object]) -> None:
    """The open-files limit is not damage: the line names it and the fix, not `--rebuild`."""
    import errno

    assert main(["index", "--corpus", str(cli_corpus)]) == 0
    capsys.readouterr()
    refuse_index_files(".pst", errno.EMFILE)
    for command in (["search", "--corpus", str(cli_corpus), "strike"], ["index", "--corpus", str(cli_corpus)]):
        assert main(command) != 0
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err and "--rebuild" not in err
        assert "Too many open files" in err and "ulimit -n" in err


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_cli_limit_below_one_is_one_line(cli_corpus: Path, capsys: pytest.CaptureFixture[str], limit: str) -> None:
    assert main(["search", "--corpus", str(cli_corpus), "--limit", limit, "strike"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "--limit" in err


@pytest.mark.parametrize("argv, query", [
    (["search", "-karachi"], "NOT karachi"),
    (["search", "strike", "-karachi", "--limit", "5"], "strike NOT karachi"),
    (["--corpus", "{corpus}", "search", "-karachi", "-geneva"], "NOT karachi NOT geneva"),
])
def test_cli_query_words_with_a_minus_are_not_options(cli_corpus: Path, capsys: pytest.CaptureFixture[str],
                                                      argv: list[str], query: str) -> None:
    """`newsreader search strike -karachi` said "unrecognized arguments: -karachi"."""
    argv = [a.replace("{corpus}", str(cli_corpus)) for a in argv]
    if "--corpus" not in argv:
        argv += ["--corpus", str(cli_corpus)]
    assert main(["index", "--corpus", str(cli_corpus)]) == 0
    assert main(["search", "--corpus", str(cli_corpus), "--json", query]) == 0
    expected = [h["id"] for h in json.loads(capsys.readouterr().out)["hits"]]
    assert main([*argv, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [h["id"] for h in out["hits"]] == expected
    assert out["query"] == query.replace("NOT ", "-")  # as typed: no space before a -word
    with pytest.raises(SystemExit):  # a real option still is one
        main(["search", "--corpus", str(cli_corpus), "--lmit", "5", "strike"])


def test_cli_did_you_mean(cli_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--corpus", str(cli_corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "--corpus", str(cli_corpus), "Israil"]) == 1
    assert "did you mean: Israel" in capsys.readouterr().out


def test_cli_did_you_mean_comes_before_hits(cli_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--corpus", str(cli_corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "--corpus", str(cli_corpus), "Israil OR strike"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "did you mean: Israel OR strike" and len(out) > 1
    assert main(["search", "--corpus", str(cli_corpus), "--json", "Israil OR strike"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["suggestion"] == "Israel OR strike" and payload["hits"] and payload["exact"]


def test_the_word_being_typed_in_the_reader_also_starts_a_word(lib: Library) -> None:
    """The reader's search bar (`typed=True`) narrows as a word is typed: "paki" finds what
    "pakistan" finds, where `newsreader search` (and a space after the word) takes it whole."""
    pakistan = set(titles(lib, "pakistan"))
    assert pakistan and titles(lib, "paki") == []
    assert set(titles(lib, "paki", typed=True)) == set(titles(lib, "Paki", typed=True)) == pakistan
    assert titles(lib, "paki ", typed=True) == []
    # The whole word keeps its stemmed match.
    assert set(titles(lib, "strikes", typed=True)) == set(titles(lib, "strike")) != set()
    # Among other words, after a `-` and a field.
    assert titles(lib, "dock paki", typed=True) == titles(lib, "dock pakistan") != []
    assert titles(lib, "strike -paki", typed=True) == titles(lib, "strike -pakistan") != titles(lib, "strike")
    assert titles(lib, "person:ish", typed=True) == titles(lib, 'person:"Ishaq Dar"') != []
    # Matches of the words it stands for are marked.
    assert "pakistan" in lib.match_terms("paki", typed=True)["body"]


@pytest.mark.parametrize("typing, same_as", [
    ("strike AND", "strike"), ("strike OR ", "strike"), ("strike NOT", "strike"), ("strike -", "strike"),
    ("strike title:", "strike"), ("strike (", "strike"), ('"unpaid wages', '"unpaid wages"'),
    ('"unpaid wag', '"unpaid wages"'), ('person:"ishaq d', 'person:"ishaq"'), ('strike "', "strike"),
    ("(karachi OR geneva", "karachi OR geneva"), ("title:(karachi OR gen", "title:(karachi OR geneva)"),
])
def test_half_typed_queries_search_what_is_complete(lib: Library, typing: str, same_as: str) -> None:
    assert titles(lib, typing, typed=True) == titles(lib, same_as) != []


def test_a_two_letter_word_being_typed_is_a_word_too(tmp_path: Path) -> None:
    """The vocabulary table keeps no word under three letters: "un" became "united"."""
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": (
        "UN envoy visits Geneva\n\nThe UN envoy met united unions in Geneva on Monday, "
        "officials said.\n"), "b.txt": "Unions strike in Lahore\n\nUnited unions went on strike in Lahore.\n"})
    library = Library(tmp_path / "index", corpus, Config())
    library.update()
    try:
        assert library._completions("un")[0] == "un"
        assert titles(library, "UN", typed=True)[0] == "UN envoy visits Geneva"
    finally:
        library.close()


def test_the_words_a_whole_typed_word_starts_weigh_little() -> None:
    from newsreader.search.query import TYPED_OTHERS_BOOST, as_typed

    assert TYPED_OTHERS_BOOST < 0.1
    assert as_typed("Pakistan", lambda w: [w, "pakistani"]) == f"(Pakistan OR pakistani^{TYPED_OTHERS_BOOST})"
    assert as_typed("paki", lambda w: ["pakistan", "pakistani"]) == "(pakistan OR pakistani)"


def test_no_half_typed_query_raises_but_a_query_error(lib: Library) -> None:
    # Nothing left once the half-typed end is dropped: what is wrong with the query as typed.
    with pytest.raises(QueryError, match="unclosed quote"):
        lib.search('"', typed=True)
    with pytest.raises(QueryError, match="'title:' needs a word"):
        lib.search("title:", typed=True)
    queries = ['person:"Ishaq Dar" OR org:OIC', 'strike -karachi date:[2025-06-01 TO 2025-06-30]',
               '(iran OR "missile strikes") AND NOT title:geneva~1', "pakistan* -wic~2 body:(a OR the)"]
    for query in queries:
        for end in range(1, len(query) + 1):
            try:
                lib.search(query[:end], typed=True)
            except QueryError:
                pass


def test_a_typed_word_stands_for_few_words_and_for_one_when_they_are_common(
        lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """An OR of common words is slow in a large index: past its first word, the words a typed
    word stands for are capped in number (TYPED_WORDS) and in occurrences (TYPED_BUDGET)."""
    from newsreader.search import library as library_module

    lib._forget_parsed()
    # "ministers" is left out: the same word as "minister" once stemmed.
    assert lib._completions("mi") == ["minister", "missile"]
    assert lib._completions("strike") == ["strike"]  # "strikes" is the same word too
    assert lib._completions("iran") == ["iran", "iranian"]
    monkeypatch.setattr(library_module, "TYPED_WORDS", 1)
    assert lib._completions("mi") == ["minister"]
    monkeypatch.setattr(library_module, "TYPED_WORDS", 5)
    monkeypatch.setattr(library_module, "TYPED_BUDGET", 0)
    assert lib._completions("mi") == ["minister"]  # not a word: the most frequent it starts
    assert lib._completions("iran") == ["iran"]  # a word: itself
    assert lib._completions("qq") == []
    # A stop word is a whole word: "strike the" is not "strike third" (nor "strike thousands").
    assert lib._completions("the") == ["the"]
    assert titles(lib, "strike the", typed=True) == titles(lib, "strike") != []


def test_a_search_stops_when_told_it_is_cancelled(lib: Library) -> None:
    """`cancelled` is asked between matches: never True, the hits are those of the search
    without it; True, the search stops with SearchCancelled (not an 'unreadable index')."""
    from newsreader.search.library import SearchCancelled

    for query in ("said", "iran OR pakistan", '"prime minister"', "minister -iran"):
        plain = lib.search(query, limit=1000, snippets=False)
        asked = []
        kept = lib.search(query, limit=1000, snippets=False, cancelled=lambda: asked.append(1) and False)
        assert [(h.id, h.score) for h in kept.hits] == [(h.id, h.score) for h in plain.hits]
        assert kept.total == plain.total and (asked or not plain.hits)
    with pytest.raises(SearchCancelled):
        lib.search("said", limit=1000, snippets=False, cancelled=lambda: True)
    assert lib.search("said", limit=1000, snippets=False).hits  # the library is usable after


def test_warm_opens_what_a_search_reads_and_finds_nothing_new(lib: Library) -> None:
    before = [h.id for h in lib.search("iran", limit=1000, snippets=False, typed=True).hits]
    lib.close()
    lib.warm()
    assert lib._searcher is not None
    assert [h.id for h in lib.search("iran", limit=1000, snippets=False, typed=True).hits] == before


@pytest.mark.parametrize("query", ["strike (-iran)", "strike (-iran", "-OR ~the", "title:date:NOT", "] (-x"])
@pytest.mark.parametrize("typed", [False, True])
def test_a_query_whoosh_cannot_read_is_a_query_error_not_a_damaged_index(
        lib: Library, query: str, typed: bool) -> None:
    """Whoosh's parser raised on these (NotImplementedError: Minus, IndexError, 'field has no
    format'): read as an unreadable index, the reader rebuilt the whole index for a query. Each
    is now read (a `-word` in brackets is `NOT word`) or refused as a query; nothing else."""
    try:
        lib.search(query, typed=typed)
    except QueryError:
        pass
