"""A byline and a date on one line ("By Tom Lee · April 1, 2025"), the commonest byline of the
web, was read as neither (RV15-A #4): the story was undated, the line was body, and on a page of
two stories the second headline and its line were body text of the first."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

TEXT = "The Elm Street bridge reopened Tuesday after six months of repairs, the city said."


@pytest.mark.parametrize("line", ["By Tom Lee · April 1, 2025", "By Tom Lee | April 1, 2025",
                                  "By Tom Lee, April 1, 2025", "By Tom Lee on April 1, 2025",
                                  "Tom Lee | April 1, 2025", "Tom Lee - April 1, 2025"])
def test_a_byline_and_a_date_on_one_line(line: str) -> None:
    (article,) = parse_page(f"Bridge reopens after repairs\n{line}\n{TEXT}\n", "p.txt").articles
    assert (article.byline, str(article.date), article.body) == ("Tom Lee", "2025-04-01", [TEXT]), line


def test_it_opens_a_second_story() -> None:
    text = (f"Bridge reopens after repairs\nBy Tom Lee · April 1, 2025\n{TEXT}\nTraffic was light.\n"
            "School board picks new superintendent\nBy Ann Wu · March 31, 2025\n"
            "The school board chose Maria Gomez as superintendent on Monday.\n")
    articles = parse_page(text, "p.txt").articles
    assert [(a.title, a.byline, str(a.date)) for a in articles] == [
        ("Bridge reopens after repairs", "Tom Lee", "2025-04-01"),
        ("School board picks new superintendent", "Ann Wu", "2025-03-31")]


def test_a_place_or_a_sentence_before_a_date_is_no_byline() -> None:
    """"WASHINGTON, DC, April 28, 2009" is a dateline (the story's place and date, M1); "Prices rose on April 1,
    2025" and "By Friday evening, April 4, 2025" sentences."""
    for line in ("WASHINGTON, DC, April 28, 2009", "Prices rose sharply on April 1, 2025",
                 "By Friday evening, April 4, 2025"):
        (article,) = parse_page(f"Bridge reopens after repairs\n{line}\n{TEXT}\n", "p.txt").articles
        assert article.byline is None, line
        if line.startswith("WASHINGTON"):
            assert (article.dateline, str(article.date)) == ("WASHINGTON, DC", "2009-04-28")
        else:
            assert article.body[0] == line, line


def test_it_opens_a_story_under_a_page_header() -> None:
    """A web page's sections (h2, then "By X · <time>"): the page's header line opens the first
    story, so the page does not open title-over-date; the byline by the date opens the second."""
    text = (f"date 2025-04-01 Bridge reopens after repairs\n\nBy Tom Lee · April 1, 2025\n\n{TEXT}\n\n"
            "School board picks new superintendent\n\nBy Ann Wu · March 31, 2025\n\n"
            "The school board chose Maria Gomez as superintendent on Monday.\n")
    result = parse_page(text, "p.html")
    assert [(a.title, a.byline, str(a.date)) for a in result.articles] == [
        ("Bridge reopens after repairs", "Tom Lee", "2025-04-01"),
        ("School board picks new superintendent", "Ann Wu", "2025-03-31")]
    (article,) = parse_page(f"Bridge reopens\nBy Tom Lee · 10:32 GMT\n{TEXT}\n", "p.txt").articles
    assert article.byline == "Tom Lee" and article.date is None
