"""Page addresses everywhere (X1): a front page's stories take their headline's link as their `url` (made
absolute against the page's `<base>`, canonical link or og:url; refused as every reader's address is: a
site's front page, javascript:, a share button, too long, unprintable), a link around a headline keeps the
headline, and an address line under a header whose headline is a sentence is no title."""

from __future__ import annotations

import pytest

from newsreader.corpus.feed import feed_to_text
from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.loader import PageText, with_page_source
from newsreader.corpus.model import Article
from newsreader.corpus.parser import MAX_URL, parse_page

TEXT = ("Winds of 150 km/h hit the coast on Monday, cutting power to thousands of homes, officials said. "
        "Crews worked through the night to clear the roads, and schools stayed shut on Tuesday.")
SITE = "https://news.example.org"


def stories(head: str, body: str) -> list[Article]:
    """The stories of a page as the corpus reads it (the page's own address applied as the loader does)."""
    text, facts = html_to_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    return with_page_source(parse_page(text, "front.html").articles,
                            PageText(text, [], "", "utf-8", "html", facts.source, facts.url))


def front(*headings: str, head: str = "") -> list[Article]:
    """A front page: one <article> a heading (with its link as given), each with its date and text."""
    body = "".join(f"<article>{h}<time datetime='2025-03-0{n}'>March {n}</time><p>{TEXT}</p></article>"
                   for n, h in enumerate(headings, 1))
    return stories(head, "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>" + body)


def test_each_story_of_a_front_page_takes_its_headline_link_against_the_canonical_address() -> None:
    one, two = front("<h2><a href='/2025/03/01/storm-hits-coast'>Storm hits the coast</a></h2>",
                     "<h2><a href='roads-reopen?src=home'>Roads reopen after the storm</a></h2>",
                     head=f"<link rel='canonical' href='{SITE}/world/'>")
    assert (one.title, one.url) == ("Storm hits the coast", f"{SITE}/2025/03/01/storm-hits-coast")
    assert (two.title, two.url) == ("Roads reopen after the storm", f"{SITE}/world/roads-reopen?src=home")
    assert "URL" not in one.text + two.text and "example" not in one.text


def test_a_link_around_the_headline_keeps_the_headline_and_is_its_url_against_the_base() -> None:
    """`<a href><h2>...</h2></a>` (a card): the headline's line was taken for an in-page link and dropped,
    and the stories merged into one."""
    head = f"<base href='/stories/'><meta property='og:url' content='{SITE}/world/index.html'>"
    one, two = front("<a href='storm.html'><h2>Storm hits the coast</h2></a>",
                     "<a class='card' href='roads.html'><div><h3>Roads reopen after the storm</h3></div></a>", head=head)
    assert (one.title, one.url) == ("Storm hits the coast", f"{SITE}/stories/storm.html")
    assert (two.title, two.url) == ("Roads reopen after the storm", f"{SITE}/stories/roads.html")
    absolute = front("<a href='https://other.example.com/a/storm'><h2>Storm hits the coast</h2></a>",
                     "<a href='#main'><h2>Roads reopen after the storm</h2></a>")  # (a skip link: no address)
    assert [(a.title, a.url) for a in absolute] == [("Storm hits the coast", "https://other.example.com/a/storm"),
                                                    ("Roads reopen after the storm", "")]


@pytest.mark.parametrize("href", [
    "javascript:void(0)", "#", "#comments", "/", "https://www.facebook.com/sharer/sharer.php?u=https://x.org/a",
    f"{SITE}/world/", "https://x.org/" + "a" * MAX_URL, "https://x.org/a\u202eb", "/images/storm.jpg", "  ",
    "http://[broken/a",
], ids=["javascript", "hash", "in-page", "home", "share", "the-page-itself", "too-long", "bidi", "picture", "blank",
        "broken"])
def test_a_headline_link_that_is_no_story_address_gives_none(href: str) -> None:
    """The one gate every reader's address passes (`story_url`), and the page's own address and in-page links."""
    one, two = front(f"<h2><a href='{href}'>Storm hits the coast</a></h2>",
                     "<h2><a href='/2025/03/02/roads-reopen'>Roads reopen after the storm</a></h2>",
                     head=f"<link rel='canonical' href='{SITE}/world/'>")
    assert (one.title, one.url) == ("Storm hits the coast", "")
    assert two.url == f"{SITE}/2025/03/02/roads-reopen"


def test_a_relative_link_on_a_page_that_states_no_address_and_a_small_link_in_a_headline_give_none() -> None:
    relative = front("<h2><a href='/2025/03/01/storm'>Storm hits the coast</a></h2>",
                     "<h2><a href='/2025/03/02/roads'>Roads reopen after the storm</a></h2>")
    assert [a.url for a in relative] == ["", ""] and len(relative) == 2
    # A link over a few of the headline's words is not the headline's: a comment count, a section.
    partial = front("<h2>Storm hits the coast hard on Monday <a href='/storm#comments'>(3)</a></h2>",
                    "<h2><a href='/world'>World</a>: roads reopen after the storm</h2>",
                    head=f"<link rel='canonical' href='{SITE}/'>")
    assert [a.url for a in partial] == ["", ""]
    # Two links: the one over most of the words (the section's first).
    two = front("<h2><a href='/world'>World</a> <a href='/2025/03/01/storm'>Storm hits the coast hard</a></h2>",
                "<h2>Roads reopen after the storm</h2>", head=f"<link rel='canonical' href='{SITE}/'>")
    assert [a.url for a in two] == [f"{SITE}/2025/03/01/storm", ""]


def test_a_one_story_page_keeps_its_canonical_address_and_takes_the_headline_link_without_one() -> None:
    article = f"<article><h1><a href='{SITE}/2025/03/01/storm' rel='bookmark'>Storm hits the coast</a></h1><p>{TEXT}</p></article>"
    (own,) = stories(f"<link rel='canonical' href='{SITE}/2025/03/01/storm-canonical'>", article)
    assert own.url == f"{SITE}/2025/03/01/storm-canonical"
    (linked,) = stories("<title>Storm</title>", article)
    assert (linked.title, linked.url) == ("Storm hits the coast", f"{SITE}/2025/03/01/storm")
    (logo,) = stories("", f"<h1><a href='{SITE}/'>News</a></h1><h2>Storm hits the coast</h2><p>{TEXT}</p>")
    assert logo.url == ""  # (the site's name over its front page: no story's address)


def test_an_address_under_a_sentence_shaped_header_is_no_title() -> None:
    """The header's headline read as a sentence: the title was the first title-shaped line after it, and
    "URL: https://..." is one (a feed item or a front page story whose headline ends with a full stop)."""
    headline = "Talking to People magazine, her agent confirms the actress has checked into a clinic."
    text = f"date 2025-03-01 {headline}\n\nURL: {SITE}/2025/03/01/clinic\n\n{TEXT}\n"
    (article,) = parse_page(text, "p.txt").articles
    assert article.url == f"{SITE}/2025/03/01/clinic" and not article.title.startswith("URL")
    feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>{headline}</title>"
            f"<link>{SITE}/2025/03/01/clinic</link><description>{TEXT}</description></item></channel></rss>")
    (item,) = parse_page(feed_to_text(feed.encode(), "f.rss").text, "f.rss").articles
    assert item.url == f"{SITE}/2025/03/01/clinic" and not item.title.startswith("URL")
