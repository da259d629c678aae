"""Q10's README audit, CLI findings mended by S5: dates and times Python 3.10 reads (F14), an open date
range beyond the corpus's dates is an empty answer (F10), `related` lists same-event stories first (F11),
the top and `bookmarks` helps end with examples and exit codes (F1), `articles --json` says its summary
line (F3), a config naming the default theme is `config` (F6), a config mistake names its line (F7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsreader.errors import iso_datetime, iso_datetime_text


# --- F14: ISO dates and times on Python 3.10 ----------------------------------------------------------

@pytest.mark.parametrize("given, spelled", [
    ("2024-06-10T12:00:00Z", "2024-06-10T12:00:00+00:00"),
    ("2024-06-10t12:00:00z", "2024-06-10T12:00:00+00:00"),
    ("2024-06-10T12:00:00+0200", "2024-06-10T12:00:00+02:00"),
    ("2024-06-10T12:00-0530", "2024-06-10T12:00-05:30"),
    ("2024-06-10T12:00+02:00", "2024-06-10T12:00+02:00"),
    ("2024-06-10 12:00", "2024-06-10T12:00"),
    ("2024-06-10T12:00:00,25Z", "2024-06-10T12:00:00.250000+00:00"),
    ("2024-06-10T12:00:00.1234567", "2024-06-10T12:00:00.123456"),
    ("not a date", "not a date"),
])
def test_iso_datetime_text_is_what_python_3_10_reads(given: str, spelled: str) -> None:
    """Python 3.10's `datetime.fromisoformat` rejects `Z`, `+HHMM`, a comma and a fraction of other
    than 3 or 6 digits (3.11 reads them): the normalised text has none of them, so the same line
    of `extract` is dated on both (Q10 F14: on 3.10 the README's own `...Z` example lost its date)."""
    assert iso_datetime_text(given) == spelled


def test_iso_datetime_keeps_the_time_and_zone() -> None:
    assert iso_datetime("2024-06-10T23:30:00-0500") == dt.datetime(
        2024, 6, 10, 23, 30, tzinfo=dt.timezone(-dt.timedelta(hours=5)))
    with pytest.raises(ValueError):
        iso_datetime("2024-06-10T25:00Z")


# --- F10: an open date range beyond the corpus's dates is an empty answer ---------------------------

BOUNDS = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))


@pytest.mark.parametrize("query", ["date:>2030", "date:2030..", "date:<1990-01-01", "date:>=lastweek",
                                   "iran date:<1990-01-01", "iran OR date:2030.."])
def test_an_open_range_beyond_the_dates_parses_with_a_note(query: str) -> None:
    """Well formed, with nothing in it (as `date:2030` is): not a QueryError (exit 2, no JSON for a
    cron script's quiet week), but a query for nothing (alone) whose note gives the articles' span."""
    from newsreader.search.query import QueryParser
    from newsreader.search.schema import build_schema

    parsed = QueryParser(build_schema()).parse(query, BOUNDS)
    assert parsed.nothing is (" " not in query)
    word = query.split()[-1]
    assert parsed.notes == (f"no article is dated within '{word}': the articles run from 2025-06-01 to 2025-06-30",)


def test_a_range_with_articles_has_no_note() -> None:
    from newsreader.search.query import QueryParser
    from newsreader.search.schema import build_schema

    parsed = QueryParser(build_schema()).parse("iran date:>2025-06-10", BOUNDS)
    assert not parsed.nothing and parsed.notes == ()


def test_search_json_of_a_quiet_week_is_total_0_exit_1(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Q10 F10's cron line: `search 'iran date:>=lastweek' --json` printed no JSON and exited 2."""
    import json
    import shutil

    from newsreader.cli import main
    from newsreader.resources import seeds_dir

    corpus = tmp_path / "c"
    shutil.copytree(seeds_dir(), corpus)
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "iran date:>2030-01-01", "--json", "--corpus", str(corpus)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert (out["total"], out["hits"]) == (0, [])
    assert out["notes"] == ["no article is dated within 'date:>2030-01-01': the articles run from 2024-08-03 "
                            "to 2025-06-14"]
    assert main(["search", "date:<1990", "--corpus", str(corpus)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "no matching articles", "no article is dated within 'date:<1990': the articles run from 2024-08-03 to 2025-06-14"]
    assert main(["search", "mentions:>9999", "--corpus", str(corpus)]) == 2  # beyond the calendar: still bad


def test_a_reversed_range_is_still_a_bad_query() -> None:
    from newsreader.search.query import QueryParser
    from newsreader.search.schema import QueryError, build_schema

    with pytest.raises(QueryError, match="ends before it starts"):
        QueryParser(build_schema()).parse("date:[2025-06-30 TO 2025-06-01]", BOUNDS)


# --- F1: the top help and the bookmarks group's end with examples and exit codes ---------------------

@pytest.mark.parametrize("argv", [[], ["bookmarks"]], ids=["newsreader", "bookmarks"])
def test_group_helps_end_with_examples_that_run_and_exit_codes(argv: list[str]) -> None:
    """README: every command's --help ends with examples and its exit codes; `newsreader --help` ended
    with the config paragraph (kept, before them) and `bookmarks --help` with its actions (Q10 F1)."""
    import argparse
    import shlex

    from newsreader.cli import build_parser

    parser = build_parser()
    group = parser
    for name in argv:
        group = next(a for a in group._actions if isinstance(a, argparse._SubParsersAction)).choices[name]
    text = group.format_help()
    tail = text[text.index("\nexamples:\n"):]
    assert "\nexit codes: 0 " in tail and text.endswith(tail)
    assert max(map(len, tail.splitlines())) < 80
    examples = [line.strip().split("  (")[0].split(" | ")[0] for line in tail.splitlines()[2:] if line.startswith("  newsreader")]
    assert len(examples) >= 2
    for example in examples:
        parser.parse_args(shlex.split(example)[1:])  # SystemExit on an option or command that is not there
    if not argv:
        assert "NEWSREADER_HOME" in text[:text.index("\nexamples:\n")]  # the config paragraph stays


# --- F3: articles --json says its summary line on stderr too --------------------------------------------

def test_articles_json_says_the_summary_line_parsed_or_listed(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """README: "the same list either way, and the summary line on stderr says which"; with --json it was
    said only for an empty folder (Q10 F3)."""
    import json
    import shutil

    from newsreader.cli import main
    from newsreader.resources import seeds_dir

    corpus = tmp_path / "c"
    shutil.copytree(seeds_dir(), corpus)
    said = []
    for step in ("parsed", "indexed"):
        if step == "indexed":
            assert main(["index", "--corpus", str(corpus)]) == 0
            capsys.readouterr()
        assert main(["articles", "--json", "--corpus", str(corpus)]) == 0
        out, err = capsys.readouterr()
        assert len(json.loads(out)) == 9
        said.append(err.splitlines()[-1])
    assert said[0] == f"9 articles from 5 pages in {corpus}"
    assert said[1] == f"9 articles from 5 pages in {corpus} (listed from its index, which is up to date)"


# --- F6, F7: the config's theme and the line of a config mistake ---------------------------------------

def test_a_config_naming_the_default_theme_is_the_configs_choice() -> None:
    """`theme: newsreader-dark` (the README's example block) was said as "(the default)" (Q10 F6)."""
    from newsreader.config import Paths, parse_config, theme_in_use

    paths = Paths(Path("/nonexistent/c"), Path("/nonexistent/d"), Path("/nonexistent/k"))
    assert theme_in_use(parse_config("theme: newsreader-dark  # the default's name\n"), paths) == \
        ("newsreader-dark", "config")
    assert theme_in_use(parse_config("extractor: rules\n"), paths) == ("newsreader-dark", "default")


@pytest.mark.parametrize("text, said", [
    ("theme: newsreader-dark\n\ncolour: red\n", "x.yaml: line 3: unknown setting 'colour'; known settings are: "),
    ("theme: newsreader-dark\nmax_page_mb: ten\n", "x.yaml: line 2: max_page_mb must be a number: "),
    ("# a comment\nmax_page_mb: 0\n", "x.yaml: line 2: max_page_mb must be a number above 0"),
    ("extractor: nltk\n", "x.yaml: line 1: extractor must be 'rules' or 'spacy'"),
])
def test_a_config_mistake_names_its_line(text: str, said: str) -> None:
    """README: a mistake (bad YAML, an unknown key, a wrong type) is said naming the file, the key and the
    line; only bad YAML gave the line (Q10 F7)."""
    from newsreader.config import parse_config
    from newsreader.errors import UserError

    with pytest.raises(UserError) as caught:
        parse_config(text, Path("x.yaml"))
    assert caught.value.message.startswith(said)


def test_the_reader_says_why_a_date_range_beyond_the_dates_is_empty(seed_home, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The reader's search of `date:>2030` said "bad query" as an error; now the list is empty and the
    status line's first words say why (the note, which the line dropped first at 80 columns), no notice."""
    from tests.test_tui import make_app, settle, sync

    @sync
    async def run() -> None:
        app = make_app(seed_home, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.run_query("date:>2030")
            await settle(pilot)
            shown = app.main.query_one("#status").render_line(0).text.rstrip()
            assert shown.startswith("no matches: no article is dated within 'date:>2030'"), shown
            assert not app._notifications

    run()
