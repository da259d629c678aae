"""A box of key points on an HTML page (P9): its items are the story's summary, not its first body lines. The page
as text lost the list's markup, and with it the items' end (P8 "found, not fixed": Q8's h08 and h10)."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.parser import parse_page

TEXT = ("<p>Tesla is recalling more than 2 million vehicles in the U.S. to fix a flaw in its Autopilot system, the "
        "safety agency said on Wednesday.</p><p>The recall covers every model made since 2012, and Tesla will send "
        "an update over the air.</p>")


def page(box: str, after: str = "") -> str:
    return ("<html><head><title>Tesla recalls 2 million cars</title></head><body><article>"
            "<h1>Tesla recalls 2 million cars over Autopilot concerns</h1><p class='byline'>By Lora Kolodny</p>"
            f"{box}{after}{TEXT}</article></body></html>")


def article(markup: str):
    text, _facts = html_to_text(markup)
    (story,) = parse_page(text, "p.html").articles
    return story


KEY_POINTS = ("<div class='RenderKeyPoints'><h2>KEY POINTS</h2><ul><li>Tesla is recalling more than 2 million "
              "vehicles.</li><li>The recall follows a two-year investigation.</li></ul></div>")


def test_the_items_under_key_points_are_the_summary() -> None:
    """The items were the body's first lines, unmarked: the parser cannot tell where they end."""
    story = article(page(KEY_POINTS))
    assert story.summary == ["Tesla is recalling more than 2 million vehicles.",
                             "The recall follows a two-year investigation."]
    assert story.body[0].startswith("Tesla is recalling more than 2 million vehicles in the U.S.")


def test_the_mark_ends_with_the_list() -> None:
    """A sub-headline right after the box is no key point: the story's text follows it."""
    story = article(page(KEY_POINTS, "<h3>What the recall means</h3>"))
    assert not any(line.startswith("•") for line in story.body)
    assert "What the recall means" not in story.summary


def test_a_list_under_another_heading_is_unmarked() -> None:
    story = article(page("<h2>What is covered</h2><ul><li>Model S and Model X</li><li>Model 3 and Model Y</li></ul>"))
    assert story.summary == [] and "Model S and Model X" in story.body
