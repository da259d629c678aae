"""Photo captions on a web page (Q8 #13): a `<figcaption>` was dropped with its `<figure>`,
while a page saved as text keeps its captions in `captions`; AMP's caption and credit `<div>`s
(no `<figure>`) became two lines of the story's body."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.parser import parse_page

LEAD = ("<p>Firefighters contained the blaze at the timber yard on Sunday after working through "
        "the night, the fire service said.</p>")
MORE = "<p>No one was hurt, and the cause of the fire is being investigated.</p>"


def _story(figure: str):
    markup = (f"<html><body><article><h1>Timber yard fire contained after 14 hours</h1>{LEAD}{figure}{MORE}"
              "</article></body></html>")
    (article,) = parse_page(html_to_text(markup)[0], "fire.html").articles
    return article


def test_a_figures_caption_with_its_credit_is_a_caption() -> None:
    """The credit in an element named for it, at the caption's end ("Photo: ...", "Credit..."),
    or as the figure's few other words: the caption is the story's, out of its body."""
    for figure, credit in [
        ("<figure><img src='a.jpg'><figcaption>Smoke rises over the yard<span class='photo-credit'>"
         "Kent Fire and Rescue</span></figcaption></figure>", "Kent Fire and Rescue"),
        ("<figure><img src='a.jpg'><figcaption><span>Smoke rises over the yard.</span><span class='c3'>"
         "Credit...Ann Lee for The Courier</span></figcaption></figure>", "Ann Lee for The Courier"),
        ("<figure><img src='a.jpg'><span>AFP via Getty Images</span><figcaption>Smoke rises over the yard"
         "</figcaption></figure>", "AFP via Getty Images"),
    ]:
        article = _story(figure)
        assert article.captions == [f"Smoke rises over the yard. Photo: {credit}"], figure
        assert "Smoke" not in article.text


def test_a_caption_the_parser_would_not_read_as_one_stays_out() -> None:
    """No credit: the caption is dropped as before (in the body it was read as story text)."""
    article = _story("<figure><img src='a.jpg'><figcaption>Smoke rises over the yard</figcaption></figure>")
    assert article.captions == [] and "Smoke" not in article.text


def test_caption_and_credit_elements_outside_a_figure() -> None:
    """AMP's `<div class="InlineImage-imageEmbedCaption">` and `...Credit` beside no `<figure>`:
    one caption, no body lines; a caption element with no credit after it is dropped."""
    article = _story("<div class='InlineImage-imageEmbedCaption'>Smoke rises over the yard.</div>"
                     "<div class='InlineImage-imageEmbedCredit'>Jo Park | Reuters</div>")
    assert article.captions == ["Smoke rises over the yard. Photo: Jo Park | Reuters"]
    assert "Smoke" not in article.text and "Jo Park" not in article.text
    article = _story("<p class='wp-caption-text'>Smoke rises over the yard.</p>" + LEAD
                     + "<p>Crews came from three counties. <span class='credit'>Reuters</span></p>")
    assert article.captions == [] and "Smoke" not in article.text
    assert "No one was hurt" in article.text
