"""Text copies made with select-all (Q8 #1): the browser copies a menu one item a line, and a breadcrumb, a lone
section word, the site's name or its logo's text sit above the headline. The first of them became the title, and
the real headline, its date line and byline went into the body. Pages written here, in other outlets' layouts."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

BODY = ("The regional council voted on Tuesday to close two libraries, saying the savings were needed to balance "
        "next year's budget.\nCampaigners said they would challenge the decision in court.\n")


def one(text: str):
    (article,) = parse_page(text, "p.txt").articles
    return article


def test_a_menu_copied_one_item_a_line_is_no_title() -> None:
    article = one("Skip to main content\nThe Northern Echo\nHome\nUK\nWorld\nBusiness\nPolitics\nTech\nSign in\n"
                  "Council votes to close two libraries\n12 June 2024\n" + BODY)
    assert (article.title, str(article.date)) == ("Council votes to close two libraries", "2024-06-12")
    assert article.body[0].startswith("The regional council voted")


def test_the_byline_under_the_headline_is_read_again() -> None:
    article = one("Menu\nDaily Courier logo\nNews\nSport\nCulture\nWeather\nCouncil votes to close two libraries\n"
                  "By Priya Natarajan\n" + BODY)
    assert (article.title, article.byline) == ("Council votes to close two libraries", "Priya Natarajan")


def test_an_age_under_the_headline_marks_it_too() -> None:
    article = one("Home\nNews\nSport\nWales\nWales Politics\nCouncil votes to close two libraries\n3 hours ago\n"
                  "Share\n" + BODY)
    assert article.title == "Council votes to close two libraries"


def test_the_menu_lines_are_dropped_with_a_reason() -> None:
    result = parse_page("Home\nNews\nSport\nWeather\nCouncil votes to close two libraries\n3 May 2024\n" + BODY, "p.txt")
    fates = {fate.text: fate for fate in result.fates}
    assert all(fates[word].dropped and fates[word].role == "navigation" for word in ("News", "Sport", "Weather"))


@pytest.mark.parametrize("crumb", ["Home > Local > Education", "Inicio » Sociedad", "Startseite › Regional",
                                   "Accueil / Société"])
def test_a_breadcrumb_above_the_headline_is_furniture(crumb: str) -> None:
    article = one(f"{crumb}\n\nCouncil votes to close two libraries\n\n" + BODY)
    assert article.title == "Council votes to close two libraries"
    assert crumb not in article.body


def test_a_slash_headline_over_story_text_stays_the_title() -> None:
    """Only a breadcrumb with a headline under it goes: "Love / Hate" over a paragraph is the story's title."""
    article = one("Love / Hate\n" + BODY)
    assert article.title == "Love / Hate"


@pytest.mark.parametrize("label", ["Sport", "EXCLUSIVE", "Opinion"])
def test_a_lone_section_word_is_no_title(label: str) -> None:
    """Even with no date or byline under the headline: a single word was the story's "first sentence"."""
    article = one(f"{label}\n\nCouncil votes to close two libraries\n\n" + BODY)
    assert article.title == "Council votes to close two libraries"
    assert label not in article.body


def test_a_site_name_and_a_standfirst_around_the_headline() -> None:
    """The Guardian's layout: masthead lines longer than a menu item, then headline, a standfirst without a full
    stop (longer than the headline), the author's names and the date line, far below the page's top."""
    article = one("Skip to main content\nSkip to navigation\nSupport us\nThe Evening Post - Back to home\nNews\n"
                  "Opinion\nSport\nCulture\nEurope\nSpain\nThis article is more than 2 years old\n"
                  "Barcelona limits cruise ships to cut crowds\n"
                  "City hall says the cap will ease pressure on the old town but operators warn of lost jobs and income\n"
                  "Marta Ruiz in Barcelona\nTue 4 Mar 2025 10.02 GMT\n" + BODY)
    assert (article.title, str(article.date)) == ("Barcelona limits cruise ships to cut crowds", "2025-03-04")


def test_a_standfirst_sentence_under_the_headline() -> None:
    article = one("Search\nU.S.\nWorld\nBusiness\nArts\nThe Morning Ledger\nSupported by\n"
                  "Housing costs push young families out of Boston\nRents rose 12 percent in a year, a report found.\n"
                  "March 4, 2025\n" + BODY)
    assert (article.title, str(article.date)) == ("Housing costs push young families out of Boston", "2025-03-04")


def test_menus_above_a_heading_block_make_no_story_of_their_own() -> None:
    """A menu item that ends in a full stop ("U.S.") read as story text, so the headline over its "Updated" line
    started a second story and the menus were a story called "Wire Logo"."""
    result = parse_page("Menu\nWire Logo\nWorld\nU.S.\nPolitics\nSports\nDonate\n"
                        "Judge blocks merger of two grocery chains\nBy ANNA BELL\nUpdated 5:14 PM EDT, October 7, 2024\n"
                        + BODY, "p.txt")
    assert [(a.title, a.byline, str(a.date)) for a in result.articles] == [
        ("Judge blocks merger of two grocery chains", "ANNA BELL", "2024-10-07")]


def test_a_headline_over_its_sub_headline_stays_the_title() -> None:
    """A longer first line alone over a title-shaped line and a byline is the headline, not a menu."""
    article = one("Fed holds rates steady again\nPowell signals patience as inflation cools\nBy Jane Roe\n" + BODY)
    assert article.title == "Fed holds rates steady again"


def test_story_text_above_a_sub_headline_keeps_the_page_title() -> None:
    """Short lines over a sentence of story text are the story's head, not a menu: the sub-headline with its
    byline further down is not the title."""
    article = one("Briefing\nLibraries close\nThe regional council voted on Tuesday to close two of its libraries.\n"
                  "Readers react\nIn pictures\nWhat happens next\nBy Jane Roe\n" + BODY)
    assert article.title == "Libraries close"


def test_a_headline_has_more_words_than_the_line_above_it() -> None:
    """Two short lines over a byline: the first is the title, as before (a menu's items are as long as the line
    taken for the headline, so it is none)."""
    article = one("Title here\n\nListen now\n\nBy Tom Lee\n\nBody text of the story, which is long enough.\n")
    assert article.title == "Title here"


def test_a_lone_word_over_a_contents_list_takes_no_item_for_a_title() -> None:
    """A contents page ("Introduction" / "Getting Started" / "Tutorial" ...): no story under the second line, so it
    is no headline either."""
    result = parse_page("Introduction\n\nGetting Started\n\nGuessing Game\n\nVariable Bindings\n\nPrimitive Types\n"
                        "\nThe book teaches the language from the ground up, one chapter at a time.\n", "p.txt")
    assert result.articles[0].title != "Getting Started"
