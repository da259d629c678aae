"""Mends of RV28-B's findings on the HTML reader's links (X1's headline-link work): the cost of many open links,
skip-link headings, a story shown twice on one front page, and the headline links' addresses."""

from __future__ import annotations

import pytest

from newsreader.corpus import html_page
from newsreader.corpus.html_page import html_to_text


def test_the_open_links_are_not_asked_again_at_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """n links left open, each before a paragraph: each link's address is looked at once, not once more at
    every line after it (n²: 8,000 such links, 0.5 MB, took 43 s; RV28-B #4). Counted, not timed."""
    asked = 0
    leads_off = html_page._Reader._leads_off

    def counting(self, href: str) -> bool:
        nonlocal asked
        asked += 1
        return leads_off(self, href)

    monkeypatch.setattr(html_page._Reader, "_leads_off", counting)
    n = 300
    html_to_text("<html><body>" + "".join(f"<a href='#n{i}'><p>Paragraph {i} of the story goes on here.</p>"
                                                    for i in range(n)) + "</body></html>")
    assert asked <= 2 * n


TEXT = ("Winds of 150 km/h hit the coast on Monday, cutting power to thousands of homes, officials said. "
        "Crews worked through the night to clear the roads.")
SITE = "https://news.example.org"


def _stories(body: str, head: str = "") -> list:
    from newsreader.corpus.parser import parse_page

    text, _ = html_to_text(f"<html><head>{head}</head><body>{body}</body></html>")
    return parse_page(text, "page.html").articles


def test_headings_that_are_links_within_the_page_are_not_story_text() -> None:
    """"Jump to comments (12)", "Back to top", "Skip to main content" in h2/h3 around a story's own h1: dropped as
    the in-page links they are (X1 kept every h1-h3 line of them: RV28-B #5)."""
    (story,) = _stories("<h2><a href='#main'>Skip to main content</a></h2><h1>Storm hits the coast</h1>"
                        f"<h3><a href='#comments'>Jump to comments (12)</a></h3><p>{TEXT}</p>"
                        f"<h3><a href='#top'>Back to top</a></h3><p>{TEXT.upper()}</p>",
                        head=f"<link rel='canonical' href='{SITE}/2025/03/01/storm'>")
    assert story.title == "Storm hits the coast"
    assert not any(words in story.text for words in ("Jump to", "Back to top", "Skip to"))
    assert story.text.startswith("Winds of 150") and TEXT.upper()[:20] in story.text


def test_a_front_page_story_whose_headline_is_an_in_page_link_keeps_its_headline() -> None:
    """The other side: in an <article>, a headline wrapped in (or made of) an in-page link is still its story's
    headline (the stories would merge into one), and a skip link under it is dropped."""
    one, two = _stories(f"<article><h2><a href='/2025/03/01/storm'>Storm hits the coast</a></h2><p>{TEXT}</p></article>"
                        f"<article><a href='#main'><h2>Roads reopen after the storm</h2></a>"
                        f"<h3><a href='#comments'>Jump to comments (12)</a></h3><p>{TEXT}</p></article>",
                        head=f"<link rel='canonical' href='{SITE}/'>")
    assert (one.title, two.title) == ("Storm hits the coast", "Roads reopen after the storm")
    assert "Jump to" not in two.text and two.text.startswith("Winds of 150")



def _front(*headings: str, head: str = f"<link rel='canonical' href='{SITE}/world/'>") -> list:
    """A front page: one <article> a heading (its link as given), each with its own text."""
    return _stories("".join(f"<article>{h}<time datetime='2025-03-0{n}'>March {n}</time><p>{n}: {TEXT}</p></article>"
                            for n, h in enumerate(headings, 1)), head=head)


def test_a_story_shown_twice_on_a_front_page_keeps_its_address_both_times() -> None:
    """The lead story as the hero and again in a list (the same headline, the same link): one story's address,
    not a paywall's link many headlines share (X1 gave it to neither: RV28-B #6). Told apart by the headlines'
    words, compared case- and space-blind; different headlines on one link still share it."""
    one, two, three = _front("<h2><a href='/2025/03/01/storm'>Storm hits the coast</a></h2>",
                             "<h2><a href='/2025/03/02/rates'>Bank raises rates again</a></h2>",
                             "<h3><a href='/2025/03/01/storm'>Storm  hits the COAST</a></h3>")
    assert [s.url for s in (one, two, three)] == [f"{SITE}/2025/03/01/storm", f"{SITE}/2025/03/02/rates",
                                                  f"{SITE}/2025/03/01/storm"]
    paywall = _front("<h2><a href='/subscribe'>Storm hits the coast</a></h2>",
                     "<h2><a href='/subscribe'>Bank raises rates again</a></h2>",
                     "<h2><a href='/subscribe'>Storm hits the coast</a></h2>")
    assert [s.url for s in paywall] == ["", "", ""]


def test_a_headline_link_loses_its_tracking_parameters_and_keeps_the_rest() -> None:
    """`?utm_source=homepage&utm_medium=hero` (and fbclid, gclid ...) say where a click came from, not which story:
    dropped from the address (it showed in `show`, the bookmarks screen and every export: RV28-B #7); the query's
    other parameters are kept as written, in their order."""
    one, two, three = _front(
        "<h2><a href='/2025/03/01/storm?utm_source=homepage&amp;utm_medium=hero&amp;utm_campaign=x'>Storm hits</a></h2>",
        "<h2><a href='/story.php?id=12&amp;fbclid=IwAR0x&amp;page=2&amp;gclid=abc#top'>Bank raises rates</a></h2>",
        "<h2><a href='/2025/03/03/schools?UTM_Source=rss'>Schools stay shut</a></h2>")
    assert [s.url for s in (one, two, three)] == [f"{SITE}/2025/03/01/storm", f"{SITE}/story.php?id=12&page=2#top",
                                                  f"{SITE}/2025/03/03/schools"]


def test_a_headline_link_to_the_page_itself_is_none_whatever_the_case_of_its_scheme_and_host() -> None:
    """`HTTPS://NEWS.EXAMPLE.ORG/world` on the page `https://news.example.org/world/` is the page itself (RV28-B #7);
    a path in other letters is another page, kept."""
    one, two, three = _front("<h2><a href='HTTPS://NEWS.EXAMPLE.ORG/world'>Storm hits the coast</a></h2>",
                             "<h2><a href='Https://News.Example.Org/world/?utm_source=nav'>Bank raises rates</a></h2>",
                             "<h2><a href='https://news.example.org/World/storm'>Schools stay shut</a></h2>")
    assert [s.url for s in (one, two, three)] == ["", "", f"{SITE}/World/storm"]


@pytest.mark.parametrize("link", ["<a href='/2025/x{n}'><p>{words}</p></a>", "<p><a href='/2025/x{n}'>{words}</a></p>"])
def test_other_stories_headlines_after_a_story_are_not_its_text(link: str) -> None:
    """Lines that are each a link alone, two or more at a story's end, with no list or group around them: other
    stories' headlines (X1's change made the block-wrapped ones story text: RV28-B #8). One such line stays (a
    story may end on a link of its own), and so do link lines with the story's text after them."""
    def links(count: int) -> str:
        return "".join(link.format(n=n, words=f"Another story headline number {n} about the weather")
                       for n in range(count))

    head = f"<link rel='canonical' href='{SITE}/2025/03/01/storm'>"
    (story,) = _stories(f"<h1>Storm hits the coast</h1><p>{TEXT}</p><p>{TEXT.upper()}</p>{links(3)}", head=head)
    assert "Another story" not in story.text and story.text.endswith(TEXT.upper())
    (one,) = _stories(f"<h1>Storm hits the coast</h1><p>{TEXT}</p><p>{TEXT.upper()}</p>{links(1)}", head=head)
    assert one.text.endswith("Another story headline number 0 about the weather")
    (inside,) = _stories(f"<h1>Storm hits the coast</h1><p>{TEXT}</p>{links(2)}<p>{TEXT.upper()}</p>", head=head)
    assert "number 1 about the weather" in inside.text


def test_a_headline_link_with_a_space_or_no_scheme_is_read_as_a_browser_reads_it() -> None:
    """A space in a link's path is sent as %20 (the address was refused: RV28-B #7); `//host/path` on a page that
    states no address of its own is an https one (it was refused too); letters beyond ASCII are kept as written."""
    one, two, three = _front("<h2><a href='/2025/03/01/storm hits'>Storm hits the coast</a></h2>",
                             "<h2><a href='/2025/03/02/zürich-rates'>Bank raises rates</a></h2>",
                             "<h2><a href='/2025/03/03/schools\tshut '>Schools stay shut</a></h2>")
    assert [s.url for s in (one, two, three)] == [f"{SITE}/2025/03/01/storm%20hits", f"{SITE}/2025/03/02/zürich-rates",
                                                  f"{SITE}/2025/03/03/schoolsshut"]
    one, two = _front("<h2><a href='//news.example.org/2025/03/01/storm'>Storm hits the coast</a></h2>",
                      "<h2><a href='/2025/03/02/rates'>Bank raises rates</a></h2>", head="")
    assert [s.url for s in (one, two)] == [f"{SITE}/2025/03/01/storm", ""]
