"""A `<figure>`'s button, script or hidden words are no photo credit (RV20 H3). A figure's few
other words stand in for a missing credit ("Getty Images" in a bare `<span>`), but the words
of a `<button class="expand">Enlarge this image</button>` did too: the story gained the line
"Waves crash over the promenade in Brighton. Photo: Enlarge this image"."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text

CAPTION = "<figcaption>Waves crash over the promenade in Brighton.</figcaption>"


def _lines(figure: str) -> list[str]:
    markup = ("<!doctype html><html><head><title>Storm hits coast</title></head><body><article>"
              "<h1>Storm hits the coast overnight</h1><p>A storm battered the coast overnight, bringing down "
              f"trees and power lines across the region, officials said.</p>{figure}"
              "<p>Thousands of homes were left without power on Wednesday morning.</p></article></body></html>")
    return [line for line in html_to_text(markup)[0].splitlines() if line]


def test_a_buttons_words_are_no_credit() -> None:
    """No credit but a button's words, a script's, a hidden span's: no caption line."""
    for junk in ("<button class='expand'>Enlarge this image</button>", "<script>var x = 1;</script>",
                 "<span hidden>Toggle caption</span>", "<div class='share-tools'>Share this</div>"):
        lines = _lines(f"<figure><img src='a.jpg'>{junk}{CAPTION}</figure>")
        assert not any("Photo:" in line for line in lines), junk


def test_a_bare_credit_after_a_button_still_counts() -> None:
    """The button's end ends the junk: the figure's bare "Getty Images" after it is the credit."""
    lines = _lines(f"<figure><button>Enlarge this image</button><img src='a.jpg'><span>Getty Images</span>"
                   f"{CAPTION}</figure>")
    assert "Waves crash over the promenade in Brighton. Photo: Getty Images" in lines


def test_an_articles_footer_is_dropped() -> None:
    """RV20 H4: `<footer>` is one of `_SKIP_ALWAYS` (a second set, `_SKIP_FOOTER`, was read
    exactly as it everywhere): an article's own footer (tags, share links) is dropped. This one
    holds a comment, so `_cut_skipped` leaves it to the parser, which reads the set."""
    lines = _lines("<footer><!-- tags --><p>Filed under weather and the coast, with more stories on storms.</p>"
                   "</footer>")
    assert not any("Filed under" in line for line in lines)
    assert len(lines) == 3
