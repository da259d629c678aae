"""A page whose only text under a title is a menu word, "Breaking news" or a lone letter holds no story: the parser
gave an article titled "News" for a page of menus (Q1's exploratory test), where the README promises a "no story
found" warning."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import MIN_STORY_WORDS, parse_page


@pytest.mark.parametrize("page", [
    "Home\nNews\nSports\nShare\n",
    "Home\nNews\nSports\nWorld\nBusiness\nShare this\nTweet\nSubscribe\nSign in\n",
    "x",
    "Home | World | Sport\nShare\n\nBreaking news\n",
])
def test_menu_words_alone_are_no_story(page):
    assert parse_page(page, "p.txt").articles == []


@pytest.mark.parametrize("page, body", [
    ("June 06, 2013\nEsther Williams, swimming star, dies at 91\n", "Esther Williams, swimming star, dies at 91"),
    ("Storm news\n\nThe storm hit.\n", "The storm hit."),  # short, but a sentence
])
def test_a_headline_or_a_sentence_is_a_story(page, body):
    articles = parse_page(page, "p.txt").articles
    assert [a.text for a in articles] == [body]


def test_the_fewest_words_of_a_story_that_is_no_sentence():
    headline = ["Storm", "closes", "schools", "across", "the", "region"][:MIN_STORY_WORDS]
    assert len(parse_page("June 06, 2013\n" + " ".join(headline) + "\n", "p.txt").articles) == 1
    assert parse_page("June 06, 2013\n" + " ".join(headline[:-1]) + "\n", "p.txt").articles == []


def test_every_line_of_a_page_with_no_story_is_accounted_for():
    fates = parse_page("Home\nNews\nSports\n", "p.txt").fates
    assert len(fates) == 3 and all(fate.dropped for fate in fates)
