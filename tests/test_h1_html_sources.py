"""The site's name where a page states it other than by `og:site_name` (Q8 #13): a `<title>`
ending with a dash and the site's name after the headline, the masthead's `.site-title` of
WordPress themes, and the JSON-LD `WebSite` of a `@graph`. The source was left empty."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text

BODY = ("<p>The county council approved the new cycle route on Tuesday after three years of "
        "consultation with residents.</p>")


def _source(head: str, body: str = "<h1>Cycle route approved</h1>") -> str | None:
    return html_to_text(f"<html><head>{head}</head><body>{body}{BODY}</body></html>")[1].source


def test_a_title_ending_with_a_dash_and_the_site_after_the_headline() -> None:
    """"Headline — Site", "Headline - Site": the site, when what stands before the dash is the
    page's own headline; a headline with a dash in it is no site's name."""
    assert _source("<title>Cycle route approved — Valley Courier</title>") == "Valley Courier"
    assert _source("<title>Cycle route approved - Valley Courier</title>") == "Valley Courier"
    assert _source("<title>Cycle route approved – Valley Courier</title>",
                   "<h1>Cycle route approved – Valley Courier</h1>") is None
    assert _source("<title>Council meets – Cycle Route Approved</title>") is None
    assert _source("<title>Route | Valley Courier</title>") == "Valley Courier"


def test_the_mastheads_site_title() -> None:
    """WordPress puts the site's name in `.site-title` inside the masthead (a `<header>` that is
    dropped as furniture): it is the source all the same, the first one only."""
    masthead = ("<header id='masthead'><div class='site-branding'><h1 class='site-title'><a href='/'>"
                "Millbrook Observer</a></h1><p class='site-description'>News since 1901</p></div></header>")
    footer = "<div class='site-info'><span class='site-title'>Other Name</span></div>"
    assert _source("<title>Cycle route approved</title>",
                   masthead + "<article><h1>Cycle route approved</h1>" + BODY + "</article>" + footer) \
        == "Millbrook Observer"


def test_a_json_ld_websites_name() -> None:
    """A `@graph` with a `WebSite` and the `NewsArticle`, no publisher: the WebSite's name.
    `og:site_name` comes first."""
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": ["WebSite"], "name": "The Harbour Post"}, {"@type": "NewsArticle", "headline": "x"}]}</script>')
    assert _source(ld) == "The Harbour Post"
    assert _source(ld + "<meta property='og:site_name' content='Harbour Post Online'>") == "Harbour Post Online"
