"""W1's leftovers (Q6 items 7, 12): the note of a capped `prefix*`/`wild*card` reaches the
user; `date:today` follows the clock in a reader left open past midnight; a prefix longer
than its words' stem (`ministe*`, `governme*`) finds them; the term lists an expansion reads
are warmed with the rest of a first search."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.config import Config, Paths
from newsreader.search import expand, query
from newsreader.search.library import Library
from tests.test_tui import WIDE, make_app, settle, sync, type_text


@pytest.fixture()
def seeds(indexed_seeds: tuple[Path, Paths]) -> Library:
    """A fresh library per test: the parse cache and the segments' term lists start empty."""
    corpus, paths = indexed_seeds
    lib = Library.open(paths, corpus, Config())
    yield lib
    lib.close()


def ids(lib: Library, text: str) -> set[str]:
    return {h.id for h in lib.search(text, limit=100, snippets=False, suggest=False).hits}


# --- 1. the note of a capped expansion -------------------------------------------------

def test_a_capped_wildcard_says_so_in_the_result(seeds: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(expand, "EXPAND_TERMS", 2)
    result = seeds.search("m* iran")
    assert result.notes and result.notes[0].startswith("m* matched ")
    assert result.notes[0].endswith("searched the 2 commonest")
    assert result.to_dict()["notes"] == result.notes
    assert seeds.search("iran").notes == []  # nothing capped: nothing said


def test_the_cli_prints_the_note_on_stderr_and_in_json(indexed_seeds: tuple[Path, Paths],
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    corpus, paths = indexed_seeds
    monkeypatch.setenv("NEWSREADER_HOME", str(paths.config_dir.parent))
    monkeypatch.setattr(expand, "EXPAND_TERMS", 2)
    assert main(["search", "--corpus", str(corpus), "m*"]) == 0
    out = capsys.readouterr()
    notes = [line for line in out.err.splitlines() if "m* matched" in line]
    assert len(notes) == 1 and notes[0].endswith("searched the 2 commonest")
    assert "m* matched" not in out.out  # (stdout stays the hits, for a pipe)
    assert main(["search", "--corpus", str(corpus), "--json", "m*"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["notes"] == notes
    assert main(["search", "--corpus", str(corpus), "--json", "iran"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []


# --- 2. relative dates and the parse cache ---------------------------------------------

def test_a_cached_date_today_follows_the_clock_past_midnight(seeds: Library,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader left open past midnight re-runs `date:today` (the parse cache is kept until
    the index changes): it answered with the day before's."""
    day = [dt.date(2025, 6, 14)]
    monkeypatch.setattr(query, "_today", lambda: day[0])
    first = seeds.parse("iran date:today")
    assert seeds.parse("iran date:today") is first  # (cached within the day)
    day[0] = dt.date(2025, 6, 15)
    second = seeds.parse("iran date:today")
    assert second is not first and str(second.query) != str(first.query)
    assert str(second.query) == str(seeds.parse("iran date:2025-06-15").query)


# --- 3. a prefix longer than the stem -------------------------------------------------

@pytest.mark.parametrize("prefix, stems", [("ministe", ["minist"]), ("governme", ["govern", "governm"]),
                                           ("presiden", ["presid"]), ("citie", ["citi"]),
                                           ("gov", []), ("minist", [])])
def test_the_stems_a_prefix_stands_for(prefix: str, stems: list[str]) -> None:
    assert expand.stem_prefixes(prefix) == stems


@pytest.mark.parametrize("typed, word", [("ministe*", "minister"), ("governme*", "government"),
                                         ("title:ministe*", "title:minister")])
def test_a_prefix_past_the_stem_finds_its_words(seeds: Library, typed: str, word: str) -> None:
    """`minister` is indexed as `minist`, `government` as `govern`: the typed prefix,
    compared as typed with the stems, found nothing."""
    plain = ids(seeds, word)
    assert plain and plain <= ids(seeds, typed)


def test_a_prefix_on_an_unstemmed_field_is_as_typed(seeds: Library) -> None:
    reader = seeds.searcher().reader()
    stemmed = [e for e in expand.expansions(seeds.parse("governme*").query)]
    assert stemmed and all(e.stemmed for e in stemmed)
    assert any("govern" in dict(e.chosen(reader).terms) for e in stemmed)
    names = list(expand.expansions(seeds.parse("person:governme*").query))
    assert names and not any(e.stemmed for e in names)


# --- 4. warming the term lists ------------------------------------------------------

def test_warm_reads_the_term_lists_an_expansion_reads(seeds: Library) -> None:
    reader = seeds.searcher().reader()
    leaves = expand._leaves(reader)
    assert leaves and not any(leaf.__dict__.get("_newsreader_lexicons") for leaf in leaves)
    seeds.warm()
    for leaf in expand._leaves(seeds.searcher().reader()):
        assert set(leaf.__dict__.get("_newsreader_lexicons", {})) >= {"title", "body"}


@sync
async def test_the_readers_status_line_says_the_note(indexed_seeds, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(expand, "EXPAND_TERMS", 2)
    async with make_app(indexed_seeds, tmp_path).run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "m*")
        await pilot.pause(0.4)
        await settle(pilot)
        assert pilot.app.article_list.count >= 1
        said = str(pilot.app.main.query_one("#status").render())
        assert "m* matched " in said and "searched the 2 commonest" in said, said
        count = f": {pilot.app.article_list.count:,}"
        assert count in said and not pilot.app.search_error, said  # a note beside the count, no error


def test_the_note_is_given_up_before_the_count_at_80_columns() -> None:
    """RV15-C #4: shown as an error, the note took the count's place at 80 columns."""
    from newsreader.tui.status import StatusParts, fit_status

    parts = StatusParts(label="Search 'g* OR s* OR t*'", count="2,807",
                        note="g* matched 3,005 words; searched the 200 commonest; s* matched 2,950 words; "
                             "searched the 200 commonest", unread="8 unread in all", bookmarked="0 bookmarked")
    line = fit_status(parts, 78)
    assert "Search 'g* OR s* OR t*': 2,807" in line and "matched" not in line, line
    short = StatusParts(label="Search 'g*'", count="2,807", note="g* matched 3,005 words; searched the 200 commonest",
                        unread="8 unread in all", bookmarked="0 bookmarked")
    assert fit_status(short, 78) == "Search 'g*': 2,807 · g* matched 3,005 words; searched the 200 commonest"
