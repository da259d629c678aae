"""A page of several stories laid out headline / date line / text (a blog's or news site's
index, a "Latest" page) came out as one story since 207db54 (RV15-A #2): its second and third
headlines and dates were body text."""

from __future__ import annotations

from newsreader.corpus.parser import parse_page

INDEX = """Bridge reopens after six months of repairs
April 1, 2025
The Elm Street bridge reopened Tuesday after six months of repairs, the city said.
Traffic was light in the morning.
School board picks new superintendent
March 31, 2025
The school board chose Maria Gomez as superintendent on Monday night.
She starts in July.
Library extends weekend hours
March 30, 2025
The public library will open on Sundays from next month.
"""


def test_an_index_of_title_date_text_stories_gives_one_story_each() -> None:
    articles = parse_page(INDEX, "blogindex.txt").articles
    assert [(a.title, str(a.date), a.date_source) for a in articles] == [
        ("Bridge reopens after six months of repairs", "2025-04-01", "date line"),
        ("School board picks new superintendent", "2025-03-31", "date line"),
        ("Library extends weekend hours", "2025-03-30", "date line")]


def test_a_sub_heading_over_a_date_stays_text_when_the_page_opens_otherwise() -> None:
    """The first story's shape decides: a page that opens headline / text keeps "Key dates" /
    "January 5, 2024" in its story (207db54's case), and so does one opening headline / "By" line,
    headline / "Published ..." (a single story's head), or a sentence over a date."""
    for head in ("Bridge reopens after six months of repairs\nThe Elm Street bridge reopened on Tuesday, the city said.",
                 "Bridge reopens after six months of repairs\nBy Tom Lee",
                 "Bridge reopens after six months of repairs\nPublished April 1, 2025",
                 "Notes from the newsroom this week follow below, as ever.\nApril 1, 2025"):
        text = f"{head}\nTraffic was light in the morning.\nKey dates\nJanuary 5, 2024\nThe court ruled on the appeal.\n"
        assert len(parse_page(text, "p.txt").articles) == 1, head
