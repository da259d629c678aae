"""Page furniture that no class name gives away (Q8 #8): share bars and link blocks in a plain
`<div>`, "skip advertisement" links, "Read more: <a>headline</a>" lines, a site footer or an
appeal box in a `<div>`, an article's section label over its headline, the author's bio at the
end. Each stayed in the story's body, and gave false names ("Email Facebook X LinkedIn").
The pages here are written in other sites' styles than the ones the report saw."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text

LEAD = ("<p>The regional transit board approved a fare freeze on Thursday after a long public "
        "hearing in the city hall.</p>")
MORE = "<p>Board members voted seven to two, with both votes against from the suburbs.</p>"


def _lines(body: str, head: str = "") -> list[str]:
    markup = (f"<html><head><title>Fares frozen</title>{head}</head><body><main>"
              f"<h1>Transit board freezes fares for a year</h1>{body}</main></body></html>")
    return [line for line in html_to_text(markup)[0].splitlines() if line]


def test_a_bar_of_links_is_dropped_and_a_byline_of_links_is_not() -> None:
    """A `<div>` of nothing but links (share buttons, topics, "Keep reading" and two headlines)
    is furniture, whatever its class; a byline whose names link to the reporters' pages is not,
    nor a sentence with a link in it."""
    share = ("<div class='tools-row'><a href='https://x.example/share'>Post</a><a>Pin</a><a>Reddit</a>"
             "<a>WhatsApp</a><a>Mail</a></div>")
    topics = "<div class='x1'><span>In this story</span><ul><li><a>Buses</a></li><li><a>Trams</a></li></ul></div>"
    keep = ("<section><h2>Keep reading</h2><a href='/a'>Rail strike called off</a>"
            "<a href='/b'>New tram line opens in June</a></section>")
    byline = "<div class='x2'><a href='/authors/ann-lee'>Ann Lee</a>, <a href='/authors/bo-park'>Bo Park</a></div>"
    linked = "<p>The full <a href='/report'>report</a> is on the <a href='/board'>board's site</a>.</p>"
    lines = _lines(byline + share + LEAD + topics + MORE + keep + linked)
    assert lines[1] == "Ann Lee, Bo Park"
    assert not any("Reddit" in line or "Buses" in line or "In this story" in line for line in lines)
    assert not any("Keep reading" in line or "Rail strike" in line for line in lines)
    assert "The full report is on the board's site." in lines


def test_a_link_to_a_place_on_the_page_is_dropped_unless_it_is_a_heading() -> None:
    """"Continue reading the main story", "Skip promotion": a link to another place on the same
    page (href="#..."), alone on its line. A heading that links to itself (an anchor, "§") stays."""
    lines = _lines(LEAD + "<div><div>Promotion</div><div><a href='#after-promo-1'>Skip promotion</a></div></div>"
                   + "<h3 id='votes'><a href='#votes'>How members voted</a></h3>" + MORE)
    assert "Skip promotion" not in lines
    assert "How members voted" in lines


def test_a_label_and_one_link_to_another_story_is_dropped() -> None:
    """"See also: <a>headline</a>", "Lesen Sie auch: <a>…</a>": a label ending with a colon and
    one link, nothing more. A line of code ("where T: <a>Copy</a>") and a sentence stay."""
    lines = _lines(LEAD + "<p><em>See also:</em> <a href='/x'>Fare rises hit commuters hardest</a></p>"
                   + "<p>Lesen Sie auch: <a href='/y'>Ticketpreise steigen erneut</a></p>"
                   + "<p>where T: <a href='/copy'>Copy</a></p>"
                   + "<p>Watch: <a href='/v'>the vote</a> was close, members said afterwards.</p>" + MORE)
    assert not any("Fare rises" in line or "Ticketpreise" in line for line in lines)
    assert "where T: Copy" in lines
    assert "Watch: the vote was close, members said afterwards." in lines


def test_a_toolbar_a_footer_and_an_appeal_box_are_dropped() -> None:
    """A `<div>` with a button and a count beside it; a `<div>` named as the page's footer; a box
    that ends by asking for money ("Donate now"). A box of story text that ends in a link stays."""
    toolbar = "<div class='c9'><button>Save</button><span>86</span></div>"
    footer = "<div class='legal-footer'><p>Metro Herald is published by Metro Media Group Ltd.</p></div>"
    appeal = ("<div class='c7'><h3>Local news needs you</h3><p>Our reporters cover every board meeting. "
              "Readers like you keep them there.</p><a href='/give'>Donate now</a></div>")
    story = f"<div class='c8'>{MORE}<a href='/minutes'>Minutes of the meeting</a></div>"
    lines = _lines(toolbar + LEAD + story + appeal + footer)
    assert "86" not in lines
    assert not any("Readers like you" in line or "Donate" in line for line in lines)
    assert not any("Metro Media" in line for line in lines)
    assert "Minutes of the meeting" in lines


def test_a_section_label_over_an_articles_headline_is_dropped() -> None:
    """An `<article>`'s kicker ("Climate") over its `<h1>` was the story's first line; a date
    above the headline, or a byline, is not a label."""
    markup = ("<html><body><article><a href='/c'>Climate</a><p>By Mia Holt</p><p>May 2024</p>"
              "<h1>Glacier loss doubles in a decade</h1>"
              "<p>Glaciers in the Alps lost twice as much ice in the last ten years as in the ten before, "
              "a study found.</p></article></body></html>")
    lines = [line for line in html_to_text(markup)[0].splitlines() if line]
    assert "Climate" not in lines
    assert "By Mia Holt" in lines and "May 2024" in lines


def test_the_authors_bio_at_the_end_is_cut() -> None:
    """"Dana Whitfield covers transport for the Herald." after the story, and the line under it:
    the author writes no sentence about themself by name. A sentence about someone else stays."""
    head = "<meta name='author' content='Dana Whitfield'>"
    lines = _lines(LEAD + MORE + "<p>Tom Reyes is the board's chair.</p>"
                   + "<p>Dana Whitfield covers transport for the Herald. Email her at dw@herald.example.</p>"
                   + "<p>Follow the Herald on social media.</p>", head)
    assert "Tom Reyes is the board's chair." in lines
    assert not any("Whitfield covers" in line or "Follow the Herald" in line for line in lines)
    # The name from the story's own "By" line serves too.
    lines = _lines("<p>By Dana Whitfield</p>" + LEAD + MORE
                   + "<p>Dana Whitfield has reported on the city for ten years.</p>")
    assert not any("ten years" in line for line in lines)


def test_a_group_of_links_that_holds_the_headline_stays() -> None:
    """A headline that links to its own page, beside its section's link, is the story's
    headline, not a block of links."""
    markup = ("<html><body><div class='hero'><a href='/politics'>Politics</a>"
              "<h1><a href='/story/123'>Transit board freezes fares for a year</a></h1></div>"
              f"{LEAD}{MORE}</body></html>")
    assert html_to_text(markup)[0].splitlines()[0] == "Transit board freezes fares for a year"


def test_a_camel_case_class_names_furniture_and_an_id_does_not() -> None:
    """AMP's `class="RelatedContent"` ("WATCH NOW", a video's length and title) is furniture
    as "related-content" is; an id's camel case names content (rustdoc's
    `id="impl-Debug-for-SkipWhile"`), not furniture."""
    lines = _lines(LEAD + "<div class='RelatedContent'><h3>WATCH NOW</h3><p>VIDEO 3:12</p><p>Fares explained</p></div>"
                   + "<div id='impl-Debug-for-SkipWhile'><p>The board meets again in March.</p></div>" + MORE)
    assert not any("WATCH" in line or "Fares explained" in line for line in lines)
    assert "The board meets again in March." in lines


def test_the_authors_handle_after_their_name_is_their_byline() -> None:
    """"Lora Kolodny@LORAKOLODNY" (the name, then the social handle in a `<span>`) was left as a
    body line the parser did not read as a byline: it is the markup's author's byline."""
    lines = _lines("<div class='Author'><a href='/people/dana'>Dana Whitfield</a><span>@DWHITFIELD</span></div>"
                   + LEAD + MORE, "<meta name='author' content='Dana Whitfield'>")
    assert "By Dana Whitfield" in lines and not any("@DWHITFIELD" in line for line in lines)
