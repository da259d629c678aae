"""A reader-mode copy (Q8 #10): the site's host alone ("reuters.com"), the headline, the author's names and the
reading time ("4–5 minutes"). The host was the story's title, and the names and the reading time body text."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

BODY = ("\nWELLINGTON, March 3 - New Zealand's central bank cut its official cash rate by half a point on "
        "Wednesday, its fourth cut in a row.\n\nEconomists had expected the move.\n")


def one(text: str):
    (article,) = parse_page(text, "p.txt").articles
    return article


@pytest.mark.parametrize("host,length", [("apnews.com", "6 minutes"), ("news.bbc.co.uk", "12–15 minutes"),
                                         ("stuff.co.nz", "3 min read")])
def test_the_host_line_is_the_address_and_the_names_the_byline(host: str, length: str) -> None:
    article = one(f"{host}\nReserve Bank cuts rates for fourth time\nMere Tane\n{length}\n" + BODY)
    assert (article.title, article.source, article.byline) == ("Reserve Bank cuts rates for fourth time", host,
                                                                 "Mere Tane")
    assert (article.dateline, article.body[0][:16]) == ("WELLINGTON", "New Zealand's ce")  # (P8: a wire dateline)


@pytest.mark.parametrize("line", ["Reading time: 4 min", "Temps de lecture : 3 min", "Lesezeit: 5 Min.",
                                  "Tiempo de lectura: 2 minutos"])
def test_a_reading_time_line_is_furniture(line: str) -> None:
    article = one(f"Reserve Bank cuts rates for fourth time\n{line}\n" + BODY)
    assert line not in article.body


def test_a_host_in_the_story_text_stays() -> None:
    """Under the story's text, a lower-case host alone is left as it is (a link the story quotes)."""
    article = one("Reserve Bank cuts rates for fourth time\n" + BODY + "rbnz.govt.nz\nThe bank will next meet in "
                  "April, its governor said.\n")
    assert article.source is None and "rbnz.govt.nz" in article.body


def test_a_capitalised_name_with_a_dot_is_no_host() -> None:
    article = one("Booking.com\nBooking.com fined over hotel prices\n" + BODY)
    assert article.source is None


def test_the_host_names_the_outlet_after_the_headline() -> None:
    """As a full address does: "Headline | Stuff" on a page from stuff.co.nz is the headline and its outlet."""
    article = one("stuff.co.nz\nReserve Bank cuts rates for fourth time | Stuff\nMere Tane\n4 min read\n" + BODY)
    assert (article.title, article.source) == ("Reserve Bank cuts rates for fourth time", "Stuff")
