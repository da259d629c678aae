"""P12: a story split off a page takes the page's one date when it states none of its own; a front page without
`<article>` elements is split at its headline links."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.model import DATE_FROM_PAGE, DATE_NONE, Article
from newsreader.corpus.parser import parse_page

FERRY = ("Harbour Board Approves New Ferry Terminal\n\nBy Jane Doe\n\n"
         "The harbour board approved plans for a new ferry terminal on Friday, ending a two-year dispute over the site.\n\n"
         "Work will start next spring, the board said, and the terminal should open in 2026.\n\nTags: harbour, ferries\n\n")
LIBRARY = ("Council Sets Date For Library Vote In Spring\n\n"
           "The council will vote on the library's future on Friday, its leader said last week.\n\n"
           "The library has been closed since the flood, and repairs would cost more than a new building.\n")
BRIDGE = ("\nTags: council, library\n\nOld Bridge To Close For Three Weeks Of Repairs\n\n"
          "The old bridge will close for three weeks from Monday while crews replace its deck.\n\n"
          "Buses will take the long way round through the industrial estate, the operator said.\n")
AUG3 = dt.date(2024, 8, 3)


def stories(text: str) -> list[Article]:
    return parse_page(text, "p.txt").articles


def dates(text: str) -> list[tuple[dt.date | None, str]]:
    return [(a.date, a.date_source) for a in stories(text)]


# 1. A story split off a text page ------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["Updated 03 August 2024", "Saturday 3 August 2024", "Published: 3 Aug 2024 09:12 BST"])
def test_a_split_off_story_takes_the_date_above_the_pages_first_headline(line: str) -> None:
    first, second = stories(f"{line}\n\n{FERRY}{LIBRARY}")
    assert first.date == second.date == AUG3 and second.date_source == DATE_FROM_PAGE
    assert second.title.startswith("Council Sets Date")


def test_every_story_that_states_no_date_takes_it_and_parse_explain_says_so() -> None:
    text = f"Updated 03 August 2024\n\n{FERRY}{LIBRARY}{BRIDGE}"
    assert dates(text)[1:] == [(AUG3, DATE_FROM_PAGE)] * 2
    notes = [f.note for f in parse_page(text, "p.txt").fates if f.role == "title"]
    assert notes[1:] == ["no date of its own: the page's date 2024-08-03"] * 2


def test_a_date_under_the_first_headline_is_that_storys_own_not_the_pages() -> None:
    ferry = FERRY.replace("By Jane Doe", "March 3, 2024")
    assert dates(ferry + LIBRARY) == [(dt.date(2024, 3, 3), "date line"), (None, DATE_NONE)]


def test_a_story_with_its_own_date_keeps_it_and_a_page_of_two_days_dates_no_other() -> None:
    library = LIBRARY.replace("\n\nThe council", "\nBy John Roe · July 28, 2024\n\nThe council", 1)
    got = dates(f"Updated 03 August 2024\n\n{FERRY}{library}{BRIDGE}")
    assert got[1][0] == dt.date(2024, 7, 28) and got[2] == (None, DATE_NONE)


def test_a_dateline_of_another_day_in_a_storys_first_paragraph_is_its_own_and_the_page_has_two_days() -> None:
    library = LIBRARY.replace("The council will", "LONDON, July 28, 2024 — The council will", 1)
    got = dates(f"Updated 03 August 2024\n\n{FERRY}{library}{BRIDGE}")
    assert got[1][0] == dt.date(2024, 7, 28) and got[2] == (None, DATE_NONE)


def test_a_header_that_says_undated_stays_undated() -> None:
    got = dates(f"Updated 03 August 2024\n\n{FERRY}date undated {LIBRARY}")
    assert got == [(AUG3, "updated line"), (None, DATE_NONE)]


def test_a_date_of_another_day_anywhere_on_the_page_leaves_the_others_undated() -> None:
    timeline = "Key dates\n\nJuly 28, 2024\n\nThe library flooded after two days of rain.\n"  # (deep in a story: no date of its own)
    assert dates(f"Updated 03 August 2024\n\n{FERRY}{LIBRARY}\n{LIBRARY.split(chr(10), 2)[2]}\n{timeline}")[1] \
        == (None, DATE_NONE)
    assert dates(f"Updated 03 August 2024\n\n{FERRY}{LIBRARY}\n{LIBRARY.split(chr(10), 2)[2]}")[1][0] == AUG3


def test_a_story_with_an_age_stays_undated() -> None:
    library = LIBRARY.replace("\n\nThe council", "\nUpdated 4 sec ago\n\nThe council", 1)
    second = stories(f"Updated 03 August 2024\n\n{FERRY}{library}")[1]
    assert (second.date, second.age) == (None, "Updated 4 sec ago")


def test_a_days_archive_address_dates_its_stories_a_storys_address_does_not() -> None:
    archive = "https://news.example.org/local/2024/08/03/\n\n"
    assert dates(archive + FERRY + LIBRARY) == [(AUG3, DATE_FROM_PAGE)] * 2
    assert dates(archive.replace("03/", "03/index.html") + FERRY + LIBRARY)[1] == (AUG3, DATE_FROM_PAGE)
    story = "https://news.example.org/2024/08/03/harbour-ferry-terminal\n\n"
    assert dates(story + FERRY + LIBRARY) == [(None, DATE_NONE)] * 2


def test_a_header_dates_its_own_story_not_the_one_split_off_under_it() -> None:
    # (a web page's `article:published_time` is its story's: the story after it may be the next one the site showed)
    text = f"date 2024-08-03 Harbour Board Approves New Ferry Terminal\n\n{FERRY.split(chr(10), 2)[2]}{LIBRARY}"
    assert dates(text) == [(AUG3, "page header"), (None, DATE_NONE)]


# ... and a front page's <article>s --------------------------------------------------------------------------------

META = "<meta property='article:published_time' content='2024-08-03T07:00:00+01:00'>"


def front(*bodies: str, head: str = META, top: str = "") -> str:
    """A front page of one `<article>` per body (a linked <h2> headline and its text)."""
    articles = "".join(f"<article><h2><a href='https://news.example.org/2024/story-{n}'>Story number {n} of the "
                       f"day</a></h2>{body}</article>" for n, body in enumerate(bodies))
    return f"<html><head><title>Latest | Valley Times</title>{head}</head><body>{top}{articles}</body></html>"


P1 = "<p>The harbour board approved plans for a new ferry terminal on Friday, ending a long dispute.</p>"
P2 = "<p>The council will vote on the library's future on Friday, its leader said last week.</p>"
P3 = "<p>The old bridge will close for three weeks from Monday while crews replace its deck.</p>"


def html_dates(markup: str) -> list[dt.date | None]:
    return [a.date for a in parse_page(html_to_text(markup)[0], "p.html").articles]


def test_a_front_pages_stories_that_state_no_date_take_its_one_date() -> None:
    assert html_dates(front(P1, P2, P3)) == [AUG3] * 3
    assert html_dates(front(P1, P2, head="", top="<p>Updated 03 August 2024</p>")) == [AUG3] * 2
    assert html_dates(front(P1, "<time datetime='2024-08-03'>3 August 2024</time>" + P2, P3)) == [AUG3] * 3


def test_a_front_page_of_many_days_leaves_the_undated_undated() -> None:
    assert html_dates(front(P1, "<time datetime='2024-07-28'>July 28</time>" + P2, P3)) == [AUG3, dt.date(2024, 7, 28),
                                                                                             None]
    assert html_dates(front(P1, "<p>July 28, 2024</p>" + P2, P3))[2] is None  # (a date line of its own, no <time>)
    assert html_dates(front(P1, P2, top="<p>Updated 04 August 2024</p>")) == [AUG3, None]  # (the page's two dates)
    assert html_dates(front(P1, P2, head="")) == [None, None]


def test_cards_beside_a_pages_own_story_take_no_date() -> None:
    main_story = "<article><h1>Harbour board approves new ferry terminal</h1>" + P1 * 12 + "</article>"
    cards = "".join(f"<article><h3><a href='/2023/0{n}/card'>Another story number {n}</a></h3>{P2}</article>"
                    for n in range(1, 4))
    for story in (main_story, main_story.replace("h1>", "h2>")):  # (its <h1>, or most of the page's words)
        got = html_dates(f"<html><head>{META}</head><body>{story}{cards}</body></html>")
        assert len(got) == 4 and got[0] == AUG3 and got[1:] == [None] * 3


def test_index_and_show_resolve_a_split_off_storys_relative_dates(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text(f"Updated 03 August 2024\n\n{FERRY}{LIBRARY}", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    second = parse_page((corpus / "page.txt").read_text(encoding="utf-8"), "page.txt").articles[1]
    capsys.readouterr()
    assert main(["show", second.id, "--json", "--corpus", str(corpus)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["date"], shown["date_source"]) == ("2024-08-03", DATE_FROM_PAGE)
    assert {d["text"]: d["value"] for d in shown["dates"]} == {"Friday": "2024-08-09", "last week": "2024-W30"}
