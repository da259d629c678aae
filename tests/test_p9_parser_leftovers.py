"""The page parser's leftovers of session 25 (P9): a label of English words before a date is no byline ("Closing
Date, 12 April 2024"); "November 27-2005" and US numeric dates beside a US time zone are read; a sentence's subject
with an aside ("Tesla, the carmaker, posted in ... on DATE") is no meta line; a city named by an English word
("READING —", "BATH —") is a brief's dateline; a place the gazetteer lacks or writes with hyphens keeps its dateline
("Villa de Leyva", "Fort de France")."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.corpus.parser import date_statement, parse_page
from tests.test_p8_parser_gaps import LEAD, MORE, one

HEAD = "Valley road approved after long fight"


@pytest.mark.parametrize("line", ["Closing Date, 12 April 2024", "Closing Date | 12 April 2024",
                                  "Sale - 12 April 2024"])
def test_a_label_of_english_words_before_a_date_is_no_byline_or_dateline(line: str) -> None:
    """A story's first line "Closing Date, 12 April 2024" gave the byline "Closing Date" and dated the story with a
    job advert's deadline: a label and a date, as "Deadline: May 5, 2024" already was (P8 "found, not fixed"). One
    word must be a city, not a town ("Sale" is one), to be a place."""
    article = one(f"{HEAD}\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.byline, article.dateline, article.date, article.body) == (None, None, None, [line, LEAD, MORE])


@pytest.mark.parametrize("line,byline", [("Jane Doe, 12 April 2024", "Jane Doe"),
                                         ("Staff Reporter | 12 April 2024", "Staff Reporter"),
                                         ("Associated Press, 12 April 2024", "Associated Press"),
                                         ("Wire Services | 12 April 2024", "Wire Services")])
def test_names_before_a_date_are_still_the_byline(line: str, byline: str) -> None:
    """A reporter's role ("Staff Reporter") or an outlet's name ("Associated Press") of English words is a credit."""
    article = one(f"{HEAD}\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.byline, str(article.date), article.body) == (byline, "2024-04-12", [LEAD, MORE])


@pytest.mark.parametrize("line,dateline", [("Bath — 3 June 2024", "Bath"), ("Salt Lake City, 3 June 2024",
                                                                          "Salt Lake City")])
def test_a_city_named_by_english_words_before_a_date_is_the_dateline(line: str, dateline: str) -> None:
    """"Bath" is an English word but a city of the gazetteer: the line is a dateline, not a label."""
    article = one(f"{HEAD}\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.dateline, str(article.date), article.body) == (dateline, "2024-06-03", [LEAD, MORE])


@pytest.mark.parametrize("line,date", [("Sunday, November 27-2005 at 16:12", dt.date(2005, 11, 27)),
                                       ("Nov 27-2005", dt.date(2005, 11, 27))])
def test_a_dash_before_the_year_is_read(line: str, date: dt.date) -> None:
    """ECB+ 20_9's date line was read as no date: the story was undated and the line stayed in its body."""
    stated = date_statement(line)
    assert stated is not None and stated.date == date


@pytest.mark.parametrize("line", ["November 27-28", "November 27-2"])
def test_a_range_of_days_is_no_year(line: str) -> None:
    stated = date_statement(line)
    assert stated is None or stated.date is None


@pytest.mark.parametrize("line,date", [("UPDATED 05 / 03 / 2013 at 11:00 AM EDT", dt.date(2013, 5, 3)),
                                       ("8:13 AM PDT 8 / 2 / 2013", dt.date(2013, 8, 2)),
                                       ("Posted: 08 / 02 / 2013 11:10 am EDT", dt.date(2013, 8, 2)),
                                       ("10 a.m. ET 5/3/2013", dt.date(2013, 5, 3))])
def test_a_us_time_zone_orders_a_numeric_date_month_first(line: str, date: dt.date) -> None:
    """ECB+ 1_14 and 2_4 were undated: "day and month could be either way round". A time in a US zone says a US
    page, which writes the month first."""
    stated = date_statement(line)
    assert stated is not None and stated.date == date


@pytest.mark.parametrize("line", ["05/03/2013 10:00 CET", "PUBLIÉ LE 05/03/2013 ET MIS À JOUR",
                                  "Hartford, CT 05/03/2013", "05/03/2013 10:00 CEST"])
def test_no_us_time_zone_leaves_a_numeric_date_either_way_round(line: str) -> None:
    """"ET" (French "and") and "CT" (a state) are no time zone unless they follow a time; CEST holds "EST"."""
    stated = date_statement(line)
    assert stated is None or stated.date is None


def test_a_page_with_a_us_time_zone_is_dated() -> None:
    article = one(f"{HEAD}\nUPDATED 05 / 03 / 2013 at 11:00 AM EDT\n\n{LEAD}\n\n{MORE}\n")
    assert (str(article.date), article.body) == ("2013-05-03", [LEAD, MORE])


@pytest.mark.parametrize("lede", ["Tesla, the carmaker, posted in its filing on Wednesday, January 24, 2024.",
                                  "Apple, which makes phones, updated in its app store on March 3, 2024."])
def test_a_subject_with_an_aside_before_posted_in_is_story_text(lede: str) -> None:
    """A sentence's subject, a comma, an aside in small letters, then "posted in X on DATE" was a blog's meta line:
    the lede left the body and dated the story (M9 "found, not fixed")."""
    article = one(f"Tesla profit beats forecasts\n\n{lede}\n\n{MORE}\n")
    assert (article.body, article.date) == ([lede, MORE], None)


def test_a_meta_line_with_a_credit_still_dates_the_story() -> None:
    line = "Written by the News Desk, posted in Politics on Wednesday, September 18, 2013."
    article = one(f"Tesla profit beats forecasts\n\n{line}\n\n{MORE}\n")
    assert (article.body, str(article.date)) == ([MORE], "2013-09-18")


def test_cities_named_by_english_words_split_a_digest_of_briefs() -> None:
    """M9 #2 made a one-English-word dateline a label ("UPDATE:", "HEALTH —"): "READING —" and "BATH —" were no
    briefs' datelines any more and the digest stayed one story."""
    text = ("World briefing\n\nTown hall shut\n\nREADING — The town hall closed on Monday after a flood damaged the "
            "ground floor of the building.\n\nBridge reopens\n\nBATH — The old bridge reopened to traffic on Tuesday "
            "after repairs that took a year to finish.\n")
    assert [a.dateline for a in parse_page(text, "p.txt").articles][-2:] == ["READING", "BATH"]


@pytest.mark.parametrize("line,place", [("Villa de Leyva — 3 June 2024", "Villa de Leyva"),
                                        ("Fort de France, 3 June 2024", "Fort de France"),
                                        ("Saint Denis, 3 June 2024", "Saint Denis"),
                                        ("Saint Jean de Luz | 3 June 2024", "Saint Jean de Luz")])
def test_a_place_the_gazetteer_lacks_or_hyphenates_keeps_its_dateline(line: str, place: str) -> None:
    """M9 #5 left English words out of the place openers: "Villa de Leyva", "Saint Jean de Luz" (not in the
    gazetteer) and "Fort de France" (there as "Fort-de-France") became bylines. A word that opens 5+ places written with a particle opens a
    place, and a place written with spaces is looked up with hyphens too."""
    article = one(f"{HEAD}\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.dateline, article.byline, str(article.date)) == (place, None, "2024-06-03")


@pytest.mark.parametrize("line,byline", [("Port de Jong, 3 June 2024", "Port de Jong"),
                                         ("Long van Dijk, 3 June 2024", "Long van Dijk")])
def test_names_opening_with_an_english_word_stay_a_byline(line: str, byline: str) -> None:
    article = one(f"{HEAD}\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.byline, article.dateline) == (byline, None)
