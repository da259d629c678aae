"""The appeal box's question, "is there more story text above it than it holds?", answered from
the story's running total of text words (RV21-A #3). The walk back over the blocks above the box
counted only text, so link lines, headings and captions above were walked in full by each of n
nested groups that close after "Subscribe": n**2 (n=4,000: 2.8 s). The totals must follow every
block added and cut, and the answer must need no block above the box."""

from __future__ import annotations

from newsreader.corpus.html_page import _LINK_LINE, _TEXT, _Story, _trails_story, html_to_text


class _Unread(str):
    """A block that must not be read again: its words are in the running total already."""

    def split(self, *args, **kwargs):  # type: ignore[override]
        raise AssertionError("a block above the box was read again")


def _sums(story: _Story) -> list[int]:
    total, sums = 0, [0]
    for block, kind in zip(story.blocks, story.kinds):
        total += len(block.split()) if kind == _TEXT else 0
        sums.append(total)
    return sums


def test_the_running_total_follows_adds_and_cuts() -> None:
    story = _Story(blocks=["Headline here", "one two three"], headline=0, kinds=[_TEXT, _TEXT])
    assert story.text_words == [0, 2, 5]
    story.add("Item 1", _LINK_LINE)
    story.add("four five", _TEXT)
    story.add("six", _TEXT)
    assert story.text_words == _sums(story) == [0, 2, 5, 5, 7, 8]
    story.cut(2)
    assert story.text_words == _sums(story) == [0, 2, 5]
    story.add("seven eight nine ten", _TEXT)
    assert story.text_words == _sums(story) == [0, 2, 5, 9]


def test_the_box_is_judged_without_reading_the_blocks_above_it() -> None:
    """Text words above (under the headline) against the box's: 4 > 3 trails, 3 > 3 does not."""
    for above, trails in ((["a b", "Item", "c d"], True), (["a b", "Item", "c"], False)):
        story = _Story(headline=0)
        story.add("Headline", _TEXT)
        for block in above:
            story.add(block, _LINK_LINE if block == "Item" else _TEXT)
        start = len(story.blocks)
        story.add("Join us", _TEXT)
        story.add("Subscribe", _LINK_LINE)
        story.blocks[:start] = [_Unread(block) for block in story.blocks[:start]]
        assert _trails_story(story, start) is trails


def test_an_appeal_box_under_link_lines_and_text_is_dropped() -> None:
    """Links above the box count for nothing; the text above it does."""
    links = "".join(f"<p><a href='/x{i}'>Item {i}</a></p>" for i in range(50))
    text = ("<p>The council approved the harbour budget on Tuesday after a debate that ran for three hours, "
            "officials said.</p>")
    box = "<div>" * 20 + "<p>Readers keep us going.</p><p><a href='/s'>Subscribe</a></p>" + "</div>" * 20
    markup = f"<html><body><article><h1>Budget approved</h1>{text}{links}{box}</article></body></html>"
    lines = html_to_text(markup)[0].splitlines()
    assert "Readers keep us going." not in lines and any(line.startswith("The council approved") for line in lines)
