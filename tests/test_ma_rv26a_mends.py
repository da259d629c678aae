"""The review RV26-A's findings on the parser and the HTML reader (session 26): a French "ET" after a time read as US
Eastern Time (#1), places of English words read as labels (#2), reporters' names read as datelines (#3), and an
unclosed list of key points that made the whole story its summary (#8). Each was a regression of P9's mends."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.parser import date_statement, parse_page
from tests.test_p8_parser_gaps import LEAD, MORE, one

HEAD = "Valley road approved after long fight"


@pytest.mark.parametrize("line", ["Publié le 05/03/2013 à 10:00 ET mis à jour", "05/03/2013 à 10:00 ET 11:30"])
def test_a_french_et_after_a_time_is_no_us_time_zone(line: str) -> None:
    """"ET" is the French "and": after a time alone it forced a US page's month-first order on a day-first page. A
    two-letter zone counts only after am/pm ("10 a.m. ET")."""
    stated = date_statement(line)
    assert stated is None or stated.date is None


FRENCH = ("Le conseil approuve la nouvelle route\n\nPUBLIÉ LE 05/03/2013 À 10:00 ET MIS À JOUR LE 06/03/2013 À 11:30\n\n"
          "Le conseil municipal a voté mardi soir pour approuver la nouvelle route, après une longue campagne des "
          "habitants.\n\nLe maire a dit que la réunion du 25/02/2013 avait été décisive pour tout le monde dans la "
          "vallée.\n")


def test_a_french_page_keeps_its_day_first_order() -> None:
    """The page writes 25/02/2013: its 05/03/2013 is the 5th of March (it was read as the 3rd of May)."""
    assert parse_page(FRENCH, "p.txt").articles[0].date == dt.date(2013, 3, 5)


@pytest.mark.parametrize("line", ["05/03/2013 10:00 CST", "UPDATED 05 / 03 / 2013 at 11:00 AM EDT"])
def test_the_pages_own_order_wins_over_a_time_zone(line: str) -> None:
    """A zone can be misread ("CST" is China's as well as Chicago's); a page's unambiguous 25/02/2013 cannot. The zone
    orders the date only when the page's dates do not (`test_a_page_with_a_us_time_zone_is_dated`)."""
    text = (f"{HEAD}\n\n{line}\n\n{LEAD}\n\nThe mayor said the meeting on 25/02/2013 had been decisive for everyone in "
            "the valley.\n")
    assert parse_page(text, "p.txt").articles[0].date == dt.date(2013, 3, 5)


DIGEST = ("World briefing\n\nTown hall shut\n\nREADING — The town hall closed on Monday after a flood damaged the ground "
          "floor of the building.\n\nBoardwalk fire\n\n{place} — A fire destroyed six shops on the boardwalk early on "
          "Tuesday, officials said.\n\nBridge reopens\n\nBATH — The old bridge reopened to traffic on Tuesday after "
          "repairs that took a year to finish.\n")


@pytest.mark.parametrize("place", ["OCEAN CITY, Md.", "GREAT NECK, N.Y.", "KILL DEVIL HILLS", "LAKE PLACID"])
def test_a_place_of_english_words_splits_a_digest(place: str) -> None:
    """A wire dateline of English words the gazetteer lacks was a label: the brief merged into the one before. A
    state after it ("Md."), or a place's head among its words ("Hills", "Lake"), says a place."""
    articles = parse_page(DIGEST.format(place=place), "p.txt").articles
    assert [(a.title, a.dateline) for a in articles][-3:] == [("Town hall shut", "READING"), ("Boardwalk fire", place),
                                                             ("Bridge reopens", "BATH")]


@pytest.mark.parametrize("line", ["Lake Placid — 12 April 2024", "Death Valley, 12 April 2024"])
def test_a_place_with_a_places_head_before_a_date_dates_the_story(line: str) -> None:
    """Read as a label, the line stayed in the body and the story lost its date."""
    article = one(f"{HEAD}\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (str(article.date), article.body) == ("2024-04-12", [LEAD, MORE])


@pytest.mark.parametrize("line,byline", [("Clark Fulton, 12 April 2024", "Clark Fulton"),
                                         ("Taylor Massey | 12 April 2024", "Taylor Massey"),
                                         ("Conceição da Silva, 12 April 2024", "Conceição da Silva"),
                                         ("Pinar de la Fuente, 12 April 2024", "Pinar de la Fuente")])
def test_a_reporters_name_before_a_date_stays_a_byline(line: str, byline: str) -> None:
    """"Clark Fulton" is "Clark-Fulton" hyphenated, a town: a name that opens with a given name is not looked up so.
    "Conceição", "Pinar" open 5-9 of the gazetteer's places written with a particle: too few to open a place."""
    article = one(f"{HEAD}\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.byline, article.dateline, str(article.date)) == (byline, None, "2024-04-12")


TEXT = ("<p>Tesla is recalling more than 2 million vehicles in the U.S. to fix a flaw in its Autopilot system, the "
        "safety agency said on Wednesday.</p><p>The recall covers every model made since 2012, and Tesla will send "
        "an update over the air.</p>")


def story(box: str):
    markup = ("<html><head><title>Tesla recalls 2 million cars</title></head><body><article>"
              "<h1>Tesla recalls 2 million cars over Autopilot concerns</h1><p class='byline'>By Lora Kolodny</p>"
              f"{box}{TEXT}</article></body></html>")
    (article,) = parse_page(html_to_text(markup)[0], "p.html").articles
    return article


@pytest.mark.parametrize("box", ["<h2>Key points</h2><ul><li>Tesla is recalling cars.<li>The recall follows a probe.",
                                 "<h2>Key points</h2><ul><li>Tesla is recalling cars.</li><li>The recall follows a "
                                 "probe.</li>"])
def test_a_list_of_key_points_left_open_ends_at_the_story(box: str) -> None:
    """With no `</ul>`, every paragraph to `</article>` was marked a key point: the story became the summary."""
    article = story(box)
    assert article.summary == ["Tesla is recalling cars.", "The recall follows a probe."]
    assert len(article.body) == 2 and article.body[0].startswith("Tesla is recalling more than 2 million")


def test_paragraphs_inside_a_key_point_stay_key_points() -> None:
    article = story("<h2>Key Points:</h2><ol><li><p>Tesla is recalling cars.</p><p>It is voluntary.</p></li></ol>")
    assert article.summary == ["Tesla is recalling cars.", "It is voluntary."] and len(article.body) == 2
