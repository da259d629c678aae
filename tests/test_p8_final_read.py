"""RV20's [parser] findings (the final read of parser.py), mended by P8: each test fails on the code before."""

from __future__ import annotations

from newsreader.corpus.parser import parse_page

LEAD = "The district council voted on Tuesday night to approve the new road after a long campaign by residents."


def one(text: str):
    (article,) = parse_page(text, "p.txt").articles
    return article


def test_a_line_ending_in_an_empty_credit_is_text() -> None:
    """P1: "( )" after a caption-long line raised IndexError (an empty credit's first letter)."""
    article = one(f"Valley road approved after long fight\n\n{LEAD}\n\nSix people were seen at the gate ( )\n")
    assert article.body[-1] == "Six people were seen at the gate ( )"


def test_a_header_headline_ending_in_an_abbreviation_is_the_title() -> None:
    """P2: "... the U.K." after a header was read as a sentence: the header's headline dropped as junk."""
    for headline in ("Heatwave grips the U.K.", "Chipmaker buys rival Acme Inc."):
        article = one(f"date 2024-07-02 {headline}\n\nBy Ana Ruiz\n\n{LEAD}\n")
        assert (article.title, article.byline) == (headline, "Ana Ruiz")


def test_a_byline_under_a_header_is_no_title() -> None:
    """P2: the first title-shaped line after a header of menu words was its "By" line."""
    article = one(f"date 2024-07-02 Home | News | Sport\n\nBy Ana Ruiz\n\nHeatwave grips the north\n\n{LEAD}\n")
    assert (article.title, article.byline) == ("Heatwave grips the north", "Ana Ruiz")


def test_a_date_line_in_header_form_under_a_headline_dates_that_story() -> None:
    """P3: "Date: 2024-03-05" under a memo's title started an untitled story there; the title was dropped."""
    article = one(f"Library hours change from June\n\ndate: 2024-05-20\n\n{LEAD}\n\nThe plan was approved.\n")
    assert (article.title, str(article.date)) == ("Library hours change from June", "2024-05-20")
    assert article.body[0] == LEAD


def test_the_furniture_above_a_header_gets_its_fates_and_the_address_names_the_source() -> None:
    """P4: the address and a menu above a `date ...` header showed as "blank / empty line", the source was lost."""
    text = f"www.valleypost.co.uk/roads/1\nNews | Sport | Weather\ndate 2024-07-02\nValley road approved\n\n{LEAD}\n"
    result = parse_page(text, "p.txt")
    (article,) = result.articles
    assert (article.title, article.source) == ("Valley road approved", "valleypost.co.uk")
    assert [f.role for f in result.fates[:2]] == ["address", "navigation"]


def test_the_pages_numeric_order_reads_a_byline_and_a_date() -> None:
    """P5: a day-first page ("31/03/2023" below) read "02/03/2023" alone, but not after a byline or a place."""
    for line in ("By Ana Ruiz | 02/03/2023", "Leeds - 02/03/2023"):
        article = one(f"Valley road approved after long fight\n{line}\n\n{LEAD}\n\nWork ends on 31/03/2023.\n")
        assert str(article.date) == "2023-03-02", line


def test_a_registry_label_of_the_host_names_no_outlet() -> None:
    """P7: on a page of news.com.au, "... - Community Board" was split off as its outlet ("com" of the host)."""
    article = one(f"https://www.news.com.au/local/1\nValley road approved - Community Board\n\n{LEAD}\n")
    assert (article.title, article.source) == ("Valley road approved - Community Board", "news.com.au")
    article = one(f"https://www.newsroom.com.au/local/1\nValley road approved - Newsroom\n\n{LEAD}\n")
    assert (article.title, article.source) == ("Valley road approved", "Newsroom")


def test_a_headline_alone_under_a_header_of_junk_and_a_byline_is_the_story() -> None:
    """A video's page: a header of its address, a byline, the headline and nothing more. Since P2's mend the byline is
    no title; the headline alone is the story's text, as on a page with no header (it was dropped: 0 stories)."""
    text = "date 2013-05-01 http://www.example.com/video/1#1\n\nBy Staff Writer\n\nSwimming star dies at 91 in Los Angeles\n"
    (article,) = parse_page(text, "p.txt").articles
    assert (article.title, article.byline, article.body) == ("Swimming star dies at 91 in Los Angeles", "Staff Writer",
                                                             ["Swimming star dies at 91 in Los Angeles"])
