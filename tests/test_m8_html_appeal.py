"""A short post's body wrapper that ends in a "Subscribe" link (RV20 H2). The rule that drops
a box ending in an appeal ("Donate now", "Subscribe", at most APPEAL_WORDS words) took the
body `<div>` of a 51-word post for one: its text was gone and the page gave 0 articles. An
appeal box trails the story, so it holds fewer words than the story's text above it."""

from __future__ import annotations

from newsreader.corpus.html_page import APPEAL_WORDS, _Story, _trails_story, html_to_text

BODY = ("<div class='post-body'><p>The town council approved a new budget for the harbour on Tuesday, "
        "after a debate that ran for three hours.</p><p>The plan sets aside money for dredging the "
        "channel and repairing the north pier, the mayor said.</p><p>Work is due to start in the summer.</p>"
        "<p><a href='https://valleytimes.example/subscribe'>Subscribe</a></p></div>")


def _lines(body: str) -> list[str]:
    markup = ("<!doctype html><html><head><title>Harbour budget | Valley Times</title></head><body><article>"
              f"<h1>Council approves new budget for the harbour</h1>{body}</article></body></html>")
    return [line for line in html_to_text(markup)[0].splitlines() if line]


def test_a_short_posts_body_that_ends_in_subscribe_is_kept() -> None:
    """The post's three paragraphs, right under its headline, stay."""
    lines = _lines(BODY)
    assert "Work is due to start in the summer." in lines
    assert any(line.startswith("The town council approved") for line in lines)


def test_a_standfirst_over_the_body_does_not_make_it_a_trailer() -> None:
    """One short paragraph (a standfirst) between the headline and the body: the body holds
    more words than it, so it is the story, not a box after it."""
    dek = "<p class='dek'>The harbour gets money for dredging and a new pier after a long debate.</p>"
    lines = _lines(dek + BODY)
    assert "Work is due to start in the summer." in lines


def test_an_appeal_box_after_the_story_is_still_dropped() -> None:
    """The same words of appeal after a longer story: a trailer, dropped."""
    story = ("<p>The town council approved a new budget for the harbour on Tuesday, after a debate that ran "
             "for three hours in the old town hall.</p><p>The plan sets aside money for dredging the channel "
             "and for repairing the north pier, which storms damaged last winter, the mayor said.</p>")
    box = ("<div class='c7'><p>Local news needs you. Readers like you keep our reporters at every "
           "meeting.</p><p><a href='/subscribe'>Subscribe</a></p></div>")
    lines = _lines(story + box)
    assert not any("Readers like you" in line for line in lines)
    assert any(line.startswith("The plan sets aside") for line in lines)


def _story(box: list[str], above_words: int = 400) -> tuple[_Story, int]:
    above = ["word " * above_words]
    blocks = ["Headline", *above, *box]
    return _Story(blocks=blocks, headline=0, kinds=["text"] * len(blocks)), 1 + len(above)


def test_the_appeal_boxs_bounded_word_count_gives_the_full_counts_answer() -> None:
    """RV20 H2b: n nested groups that close after "Subscribe" each counted every word of their
    box, n**2 in all; the count now stops past APPEAL_WORDS (and past that many blocks, each
    with a word at least). Its answer is the full count's, on either side of the bound."""
    assert _trails_story(*_story(["w"] * (APPEAL_WORDS - 1) + ["Subscribe"]))
    assert not _trails_story(*_story(["w"] * APPEAL_WORDS + ["Subscribe"]))
    assert _trails_story(*_story(["w " * (APPEAL_WORDS - 1), "Subscribe"]))
    assert not _trails_story(*_story(["w " * APPEAL_WORDS, "Subscribe"]))
    assert not _trails_story(*_story(["w " * (APPEAL_WORDS + 1)]))
    assert _trails_story(*_story(["w " * (APPEAL_WORDS - 1), "Subscribe"], above_words=APPEAL_WORDS + 1))
    assert not _trails_story(*_story(["w " * (APPEAL_WORDS - 1), "Subscribe"], above_words=APPEAL_WORDS))


def test_nested_groups_around_a_story_that_ends_in_subscribe() -> None:
    """The hostile shape of H2b at a small size: 300 `<div>`s around 300 paragraphs and a
    "Subscribe" link. Every paragraph stays (the groups are the story's, not a box after it)."""
    para = "<p>The council approved the budget on Tuesday, officials said.</p>"
    markup = ("<html><body><h1>Budget approved</h1>" + "<div>" * 300 + para * 300
              + "<p><a href='/s'>Subscribe</a></p>" + "</div>" * 300 + "</body></html>")
    lines = [line for line in html_to_text(markup)[0].splitlines() if line]
    assert lines.count(para[3:-4]) == 300
