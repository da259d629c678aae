"""RV15-A's findings on web pages (P5): a furniture word in the class of the element that wraps
the story dropped the whole story, the markup's author erased a paragraph opening with their
name, and teaser cards became stories of their own."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text

PARAS = ("<p>The city council voted on Monday to close the Elm Street library branch.</p>"
         "<p>Residents protested outside the hall for two hours.</p>")


def _text(markup: str) -> str:
    return html_to_text(markup)[0]


def test_a_state_word_before_a_furniture_word_is_no_furniture() -> None:
    """`no-sidebar`, `has-share-buttons`, `js-comments-count`: the element's state or script
    hook, put by WordPress and others on the story's own wrapper (wp.html gave 0 articles)."""
    for cls in ("entry-content has-share-buttons", "article-body no-ads", "post js-comments-count"):
        markup = (f"<html><body><div class='site-nav'>Home World</div>"
                  f"<article><h1>Council votes to close library branch</h1><div>{PARAS}</div>"
                  f"<div class='{cls}'><p>The vote was five to two.</p></div></article></body></html>")
        text = _text(markup)
        assert "The vote was five to two." in text, cls
        assert "Home World" not in text
    assert "Share this" not in _text("<html><body><h1>T</h1><p>Body text here.</p>"
                                     "<div class='share-buttons'><p>Share this</p></div></body></html>")


def test_an_element_holding_the_headline_or_most_text_is_never_furniture() -> None:
    """Whatever its name ("sharing-enabled", id "comments-wrap"), the element that holds the
    page's <h1> or more paragraph text than the rest of the page is the story; the furniture
    inside it is still dropped."""
    markup = ("<html><body><div id='page' class='site sidebar-layout'><p>Proudly powered by WordPress</p>"
              "<h1>Council votes to close library branch</h1>"
              "<div class='social'><p>Share on Facebook</p></div>"
              f"<div class='article-body sharing-enabled'>{PARAS}</div></div></body></html>")
    text = _text(markup)
    assert text.splitlines()[0] == "Council votes to close library branch"
    assert "Residents protested outside the hall" in text and "Share on Facebook" not in text
    # Most of the text, no <h1>: the body is kept all the same.
    markup = ("<html><body><h2>Council votes</h2><p>A short lead.</p>"
              f"<div class='comments-wrap'>{PARAS}</div></body></html>")
    assert "Residents protested outside the hall" in _text(markup)
    # The <h1> alone, in a small "promo" hero over the text: still the headline.
    markup = f"<html><body><div class='promo-hero'><h1>Council votes to close library</h1></div>{PARAS}</body></html>"
    assert _text(markup).splitlines()[0] == "Council votes to close library"


def _authored(body: str, author: str = "Jane Smith") -> list[str]:
    markup = (f"<html><head><meta name='author' content='{author}'></head><body><article>"
              f"<h1>Smith wins the governor race</h1>{body}</article></body></html>")
    return [line for line in _text(markup).splitlines() if line]


def test_a_sentence_opening_with_the_authors_name_is_kept() -> None:
    """The markup's author replaced any short block opening with their name: "Jane Smith won
    the race easily." became "By Jane Smith" and the story lost its first sentence."""
    lines = _authored("<p>Jane Smith won the race easily.</p><p>She thanked voters on Tuesday night.</p>")
    assert lines[1:] == ["By Jane Smith", "Jane Smith won the race easily.", "She thanked voters on Tuesday night."]
    # Her name and a role is her byline; so is her name alone.
    assert _authored("<p>Jane Smith Political editor</p><p>She won.</p>")[1:] == ["By Jane Smith", "She won."]
    assert _authored("<p>Jane Smith</p><p>She won.</p>")[1:] == ["By Jane Smith", "She won."]
    # A block that ends as a sentence is none, even in capitals.
    assert "Jane Smith Wins Again!" in _authored("<p>Jane Smith Wins Again!</p><p>She won.</p>")
    # Another name that opens like hers is not hers.
    assert "Jane Smithson" in _authored("<p>Jane Smithson</p><p>She won.</p>")


def test_a_date_after_the_authors_name_is_kept_as_a_line() -> None:
    """`<a>Jane Analyst</a> <span>May 2, 2025</span>` (Substack, Medium): the line became
    "By Jane Analyst" and the page's only stated date was lost."""
    lines = _authored("<div><a>Jane Analyst</a> <span>May 2, 2025</span></div><p>The Fed will wait.</p>",
                      author="Jane Analyst")
    assert lines[1:] == ["By Jane Analyst", "May 2, 2025", "The Fed will wait."]


CARDS = """<html><head><meta property="article:published_time" content="2025-04-01T09:00:00Z"></head><body><main>
<article class="story"><h1>Council votes to close library branch</h1><p class="byline">By Tom Lee</p>
<p>The city council voted on Monday to close the Elm Street library branch, citing budget cuts.</p></article>
<section class="more-stories"><h2>More from Valley Times</h2>
<article class="card"><h3><a href="/x">Bridge reopens after repairs</a></h3><p>The Elm Street bridge reopened Tuesday.</p>
</article>{more}</section></main></body></html>"""


def test_teaser_cards_beside_the_story_are_no_stories() -> None:
    """"More from ..." cards, each an <article> of a headline and a line, became stories (the
    first with its line, the others "undated" headlines with no story under them)."""
    text = _text(CARDS.format(more="<article><h3>Weather: rain all week</h3></article>"))
    assert text.startswith("date 2025-04-01 Council votes to close library branch")
    assert "Bridge reopens" not in text and "Weather" not in text and "undated" not in text
    # A story of its own beside it (a paragraph of story text) is still one: front pages.
    story = ("<article><h2>Quake hits northern Japan</h2><p>A magnitude 6.4 earthquake struck off the coast of "
             "northern Japan early on Tuesday.</p></article>")
    assert "date undated Quake hits northern Japan" in _text(CARDS.format(more=story))
    # With no story of the page's own (no <h1>, none with most of the words), short ones all stay.
    cards = "".join(f"<article><h2>Story {n} opens</h2><p>A short line.</p></article>" for n in range(3))
    assert _text(f"<html><body>{cards}</body></html>").count("date undated Story") == 3
    # The page's own story told by its words when no <h1> marks it.
    long = "<p>" + " ".join(["The council met on Monday and voted to close the branch."] * 4) + "</p>"
    text = _text(f"<html><body><article><h2>Council votes</h2>{long}</article>"
                 "<article><h3>Bridge reopens</h3><p>It reopened Tuesday.</p></article></body></html>")
    assert "Council votes" in text and "Bridge reopens" not in text
    # Or by its <h1> when the cards hold more words together than it does.
    many = "".join(f"<article><h3>Card {n} headline here</h3><p>A teaser line of six words.</p></article>"
                   for n in range(4))
    assert "Card" not in _text(CARDS.format(more=many))


def test_the_date_by_the_authors_name_is_dropped_when_the_header_states_it() -> None:
    """Under a standfirst the parser reads a date line alone as body once the story is dated."""
    markup = ("<html><head><meta name='author' content='Jane Analyst'><meta property='article:published_time' "
              "content='2025-05-02'></head><body><article><h1>Why the Fed waits</h1><h2>Inflation is sticky</h2>"
              "<div><a>Jane Analyst</a> <span>May 2, 2025</span></div><p>The Fed will wait.</p></article></body></html>")
    assert "May 2, 2025" not in _text(markup)
