"""The author's bio at a saved web page's end (RV18-A findings 2 and 9): the names come from the
byline the page marks (its meta author) or from a line the parser reads as a byline, never from a
sentence that opens with "By" ("By Sunday evening, Boris Johnson and ..."), and only a block that
says what a bio says is cut. The story's own last paragraphs were lost. html_page's section label
over a headline is as long as the parser's (one constant, one home)."""

from __future__ import annotations

import newsreader.corpus.parser as parser
from newsreader.corpus.html_page import html_to_text

TALKS = ("<p>The two sides remain divided on fishing rights and the rules for state aid, according to "
         "people briefed on the talks.</p>"
         "<p>Negotiators will meet again in Brussels on Monday morning, with a summit of European leaders "
         "planned for later in the week.</p>")


def _page(body: str, head: str = "") -> list[str]:
    markup = (f"<!doctype html><html><head><title>Leaders meet as deadline looms</title>{head}</head><body>"
              f"<article><h1>Leaders meet as deadline looms</h1>{body}</article></body></html>")
    return [line for line in html_to_text(markup)[0].splitlines() if line]


def test_a_name_in_an_opening_by_sentence_is_no_author() -> None:
    """The reviewer's page: the story opens "By Sunday evening, Boris Johnson and Ursula von der
    Leyen had spoken ...", and its last paragraph, "Boris Johnson has insisted ...", was cut as
    the author's bio."""
    last = ("Boris Johnson has insisted that Britain is ready to leave without a deal if it must, and will "
            "prosper either way.")
    lines = _page("<p class='byline'>By Anna Clark</p>"
                  "<p>By Sunday evening, Boris Johnson and Ursula von der Leyen had spoken twice by phone, "
                  "officials said, as the deadline for a trade deal drew near.</p>" + TALKS
                  + "<p>Ursula von der Leyen has said the door to a deal remains open, but that the European "
                  "Union will not sign at any price.</p>" + f"<p>{last}</p>")
    assert lines[-1] == last


def test_a_subjects_life_at_the_end_stays_and_the_reporters_bio_goes() -> None:
    """A profile's last paragraph tells its subject's career ("Maria Lopez joined the council in
    2019"), which reads as a bio: she was named in an opening "By the time ..." sentence, not in a
    byline, so it stays. The reporter's bio under it ("Tom Lee covers city hall ..."), named by the
    byline with its date ("By Tom Lee · April 1, 2025") or by his name over a reading time, is cut."""
    career = "Maria Lopez joined the council in 2019 and has chaired its housing committee since 2022."
    lines = _page("<p>By Tom Lee · April 1, 2025</p>"
                  "<p>By the time the polls closed, Maria Lopez and her running mate had visited every ward in "
                  "the city, her campaign said.</p>" + TALKS + f"<p>{career}</p>"
                  + "<p>Tom Lee covers city hall for the Courier.</p>")
    assert lines[-1] == career
    # A byline of names alone with a reading time ("Tom Lee · 4 min read") names him too.
    lines = _page("<p>Tom Lee · 4 min read</p>" + TALKS + f"<p>{career}</p>"
                  + "<p>Tom Lee writes about local politics for the Courier.</p>")
    assert lines[-1] == career


def test_only_a_block_that_says_what_a_bio_says_is_cut() -> None:
    """The markup's author is not always the reporter (a guest's column, a system that names the
    page's subject): a paragraph that opens with that name and says no bio ("Ursula von der Leyen
    has said the door ...") is the story's. A bio ("... is President of the European Commission")
    is cut, with the line under it, whatever letter the name starts with ("Łukasz Nowak")."""
    said = ("Ursula von der Leyen has said the door to a deal remains open, but that the European Union will "
            "not sign at any price.")
    head = "<meta name='author' content='Ursula von der Leyen'>"
    lines = _page(TALKS + f"<p>{said}</p>", head)
    assert lines[-1] == said
    lines = _page(TALKS + f"<p>{said}</p>"
                  + "<p>Ursula von der Leyen is President of the European Commission.</p>"
                  + "<p>Read more opinion pieces.</p>", head)
    assert lines[-1] == said
    # A name that starts with a letter outside A-Z is a name too.
    lines = _page(TALKS + "<p>Łukasz Nowak is a correspondent in Warsaw.</p>",
                  "<meta name='author' content='Łukasz Nowak'>")
    assert not any("Warsaw" in line for line in lines)


def test_the_section_label_is_as_long_as_the_parsers(monkeypatch) -> None:
    """html_page reads a label over an `<article>`'s headline with the parser's KICKER_WORDS: a
    two-word label is one while the parser allows two words, and not when it allows one."""
    markup = ("<html><body><article><a href='/w'>Water industry</a><h1>Thames Water fined over spills</h1>"
              "<p>The regulator fined the company for sewage spills into rivers across the south of England "
              "last year.</p></article></body></html>")
    assert "Water industry" not in html_to_text(markup)[0].splitlines()
    monkeypatch.setattr(parser, "KICKER_WORDS", 1)
    assert "Water industry" in html_to_text(markup)[0].splitlines()
