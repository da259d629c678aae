"""Mends of RV18-A's findings in the text-page parser (1, 3, 4, 8): select-all's rules dropped a real headline
over its buttons or a one-word headline (each was then in neither title nor body, so a search for it missed the
story), took a minute-by-minute report's "45 min" markers for reading times, and read "next.js" as the page's host."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

BODY = ("\nHundreds of people were forced from their homes on Tuesday as rivers across Yorkshire and Cumbria burst "
        "their banks after days of torrential rain.\n\nThe Environment Agency issued more than 40 flood warnings, and "
        "rail lines between Leeds and York were closed.\n")


def one(text: str):
    (article,) = parse_page(text, "p.txt").articles
    return article


def kept(article) -> str:
    return "\n".join([article.title or "", *article.summary, *article.body])


@pytest.mark.parametrize("buttons", ["Share\nSave\nListen", "Share this article\nComments\nSave"])
@pytest.mark.parametrize("menus", ["", "Weather\nFlood warnings\n"])
def test_a_headline_over_its_buttons_stays_the_title(menus: str, buttons: str) -> None:
    """Buttons under the headline, then a standfirst with no full stop and a date: the buttons were read as a menu,
    the standfirst became the title and the headline was dropped as navigation. (The buttons are not among the
    story's top lines, where a date alone is its date.)"""
    standfirst = "Residents evacuated as rivers burst their banks after a week of heavy rain across the region"
    article = one(f"{menus}Floods hit northern England\n{buttons}\n{standfirst}\n12 March 2024\n" + BODY)
    assert (article.title, str(article.date)) == ("Floods hit northern England", "2024-03-12")
    assert standfirst in kept(article)


def test_a_headline_over_its_buttons_and_a_byline() -> None:
    article = one("Minister quits over leaked messages\nShare this article\nComments\nSave\nThe resignation comes days "
                  "after private WhatsApp exchanges were published by a newspaper\nBy Jane Doe, Political Correspondent\n"
                  "Tue 12 Mar 2024 14.32 GMT\n" + BODY)
    assert (article.title, article.byline) == ("Minister quits over leaked messages", "Jane Doe, Political Correspondent")
    assert "The resignation comes days" in kept(article)


def test_a_site_menu_above_the_headline_is_still_furniture() -> None:
    """Menu items are no buttons: a site's name over them is no headline."""
    article = one("Northern Gazette Online Edition\nNews\nSport\nWeather\nFloods hit northern England\n12 March 2024\n"
                  + BODY)
    assert article.title == "Floods hit northern England"


@pytest.mark.parametrize("byline", ["By Peter Bradshaw\n", ""])
def test_a_one_word_headline_over_its_deck_is_kept(byline: str) -> None:
    article = one(f"Oppenheimer\nNolan's towering portrait of the father of the atomic bomb\n{byline}" + BODY)
    assert "Oppenheimer" in kept(article)
    if byline:  # (M5, RV18-B #1: a lone word over a title-shaped line of 4+ words is a tag, kept as text)
        assert (article.title, article.byline) == ("Nolan's towering portrait of the father of the atomic bomb",
                                                   "Peter Bradshaw")


def test_a_one_word_headline_over_a_title_shaped_line_and_text_is_kept() -> None:
    article = one("Madonna\nThe queen of pop returns with a surprise album and a world tour\nShe announced the tour "
                  "on Monday in a video posted to her fans, with dates in Europe and America.\n")
    assert "Madonna" in kept(article)


@pytest.mark.parametrize("label", ["Cronaca", "Obituaries"])
def test_a_known_section_label_over_a_headline_and_byline_is_dropped(label: str) -> None:
    article = one(f"{label}\nFloods hit northern England\nBy Jane Doe\n" + BODY)
    assert article.title == "Floods hit northern England"
    assert label not in kept(article)


def test_a_lower_case_word_over_a_headline_stays_text() -> None:
    """Not a headline (no capital), not a known label: it stays a line of the story."""
    article = one("next.js\nVercel releases Next.js 15 with faster builds\nBy Sam Lee\n" + BODY)
    assert article.title == "Vercel releases Next.js 15 with faster builds"
    assert article.body[0] == "next.js"


def test_minute_markers_of_a_live_report_stay() -> None:
    article = one("Arsenal 2-1 Chelsea: Premier League – as it happened\nBy Scott Murray\nSat 12 Oct 2024 19.30 BST\n\n"
                  "45 min\nSaka cuts inside and curls a shot just wide of the far post.\n\n60 min\nChelsea make a double "
                  "change.\n\n90 min\nFour minutes of added time are signalled.\n")
    assert [line for line in article.body if line.endswith(" min")] == ["45 min", "60 min", "90 min"]


@pytest.mark.parametrize("length", ["10 minutes", "4 min"])
def test_a_bare_reading_time_beside_the_names_is_still_furniture(length: str) -> None:
    article = one(f"How to make sourdough\nAnna Baker\n{length}\n" + BODY)
    assert (article.byline, length in article.body) == ("Anna Baker", False)


@pytest.mark.parametrize("first", ["next.js", "node.js", "main.rs", "setup.py"])
def test_a_program_or_file_name_is_no_host(first: str) -> None:
    article = one(f"{first}\nVercel releases a faster build tool\nBy Sam Lee\n" + BODY)
    assert article.source is None


@pytest.mark.parametrize("host", ["reuters.com", "www.example.xyz", "abc.net.au"])
def test_a_host_with_a_known_domain_or_www_is_the_source(host: str) -> None:
    article = one(f"{host}\nVercel releases a faster build tool\nBy Sam Lee\n" + BODY)
    assert article.source == host.removeprefix("www.")


@pytest.mark.parametrize("line,place,day", [("Berlin, 3. Mai 2024", "Berlin", "2024-05-03"),
                                            ("WASHINGTON, DC, April 28, 2009", "WASHINGTON, DC", "2009-04-28"),
                                            ("الرياض - 3 مايو 2024", "الرياض", "2024-05-03")])
def test_a_place_then_a_date_dates_the_story(line: str, place: str, day: str) -> None:
    """A comma between the place and the date, or a place in a script with no capitals (P7's and P6's notes): the
    line was the story's first paragraph and the story undated."""
    article = one(f"Bridge reopens after repairs\n{line}\n" + BODY)
    assert (article.dateline, str(article.date), article.byline) == (place, day, None)
    assert line not in article.body


@pytest.mark.parametrize("line", ["Prices rose sharply on April 1, 2025", "By Friday evening, April 4, 2025"])
def test_a_sentence_with_a_date_stays_text(line: str) -> None:
    article = one(f"Bridge reopens after repairs\n{line}\n" + BODY)
    assert article.body[0] == line


def test_an_untitled_standfirst_over_a_byline_parses() -> None:
    """No line above the standfirst: the lone-word test had no line to look at (an IndexError on this page)."""
    article = one("Thousands of farms closed last year as prices fell across the region.\nBy Jane Doe\n" + BODY)
    assert (article.byline, article.summary) == ("Jane Doe", ["Thousands of farms closed last year as prices fell "
                                                              "across the region."])
