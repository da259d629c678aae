"""P4: the page parser's leftovers. A headline the page states in its `date YYYY-MM-DD Title` header is the title
whatever its length; a title made from body text is cut and `--explain` says how; a byline over a "Posted on" line
stays the byline. Pages written here."""

from __future__ import annotations

import datetime as dt

from newsreader.corpus.parser import FALLBACK_TITLE_CHARS, parse_page

LONG = ("Prime Minister and opposition leaders agree to meet United Nations envoys in Geneva next week to discuss the "
        "ceasefire terms, the prisoner exchange, the humanitarian corridor, the reconstruction fund and the timetable "
        "for elections that both sides say must be held before the end of the coming year")
FIRST = "The talks were announced on Tuesday after weeks of shuttle diplomacy."
SECOND = "Both sides said they hoped for progress at the first meeting."


def test_long_stated_headline_is_the_whole_title():
    """A 300-character headline in the header was dropped as navigation junk; the first sentence named the story."""
    assert len(LONG) > 250
    result = parse_page(f"date 2024-03-05 {LONG}\n{FIRST}\n\n{SECOND}\n", "p.txt")
    [article] = result.articles
    assert article.title == LONG
    assert article.date == dt.date(2024, 3, 5)
    assert article.body[0] == FIRST
    assert result.fates[0].role == "header+title"


def test_long_header_rest_that_is_a_sentence_or_glued_menu_is_no_title():
    """The header's length is free, not its shape: a long sentence or glued menu words after it are still no title."""
    sentence = LONG + "."
    menu = " ".join(["NewsForeign PolicyWorld SportBusiness"] * 12)
    for rest in (sentence, menu):
        result = parse_page(f"date 2024-03-05 {rest}\nTalks set for Geneva\n{FIRST}\n", "p.txt")
        assert [a.title for a in result.articles] == ["Talks set for Geneva"], rest


def test_fallback_title_is_cut_and_explain_says_so():
    """A long first line that is no headline stays body; its clipped copy is the title and --explain says it is cut."""
    result = parse_page(f"{LONG}\n\n{FIRST}\n", "p.txt")
    [article] = result.articles
    assert article.body[0] == LONG
    assert article.title.endswith("…") and len(article.title) <= FALLBACK_TITLE_CHARS + 1
    assert LONG.startswith(article.title[:-1])
    assert "cut at a word to 90 characters" in result.fates[0].note
    short = parse_page(f"{FIRST}\n\n{SECOND}\n", "p.txt")
    assert short.articles[0].title == FIRST
    assert "cut" not in short.fates[0].note


def test_posted_on_line_under_a_byline_keeps_the_headline():
    """A headline, a byline, then "Posted on DATE" (a WordPress page saved as text): the byline is no story's title."""
    text = ("Council approves new budget for city parks\nBy Tom Hughes\nPosted on November 5, 2024\n"
            "The city council approved a new budget on Tuesday that doubles spending on parks.\n\n"
            "School board names new superintendent\n\nBy Ann Lee\n\nPosted on November 6, 2024\n\n"
            "The school board named a new superintendent on Wednesday after a long search.\n")
    result = parse_page(text, "p.txt")
    assert [(a.title, a.byline, a.date) for a in result.articles] == [
        ("Council approves new budget for city parks", "Tom Hughes", dt.date(2024, 11, 5)),
        ("School board names new superintendent", "Ann Lee", dt.date(2024, 11, 6))]


def test_undated_story_of_a_front_page_is_marked_no_date_stated():
    """A front page's story with no stated date is its own story, undated, and --explain says "no date stated", not
    "not a real calendar day" (the converter wrote `0000-00-00`)."""
    from newsreader.corpus.html_page import html_to_text
    body = "<p>Officials said the work would take three years and cost more than planned at first.</p>"
    markup = ("<html><body><article><h2>Bridge reopens after repairs</h2><time datetime='2025-03-10'>10 March</time>"
              f"{body}</article><article><h2>Library extends its opening hours</h2>{body}</article></body></html>")
    text, _ = html_to_text(markup)
    result = parse_page(text, "front.html")
    assert [(a.title, a.date) for a in result.articles] == [
        ("Bridge reopens after repairs", dt.date(2025, 3, 10)), ("Library extends its opening hours", None)]
    [undated] = [f for f in result.fates if f.role == "header+title" and f.article == 1]
    assert undated.note == "no date stated"


def test_undated_marker_is_lower_case_and_a_whole_word():
    """Only the converters' own `date undated` marks a story; "Date: Undated photo" or "date undatedX" stay text."""
    text = f"date undated Talks set for Geneva\n{FIRST}\n\nDate: Undated photos show the site\n\n{SECOND}\n"
    result = parse_page(text, "p.txt")
    assert [(a.title, a.date) for a in result.articles] == [("Talks set for Geneva", None)]
    assert parse_page(f"date undatedX Talks\n{FIRST}\n", "p.txt").articles[0].title == "date undatedX Talks"


def _amb(other: str) -> dt.date | None:
    text = (f"Council approves new budget for city parks\n\n04/05/2012\n\n"
            f"The city council approved a new budget on Tuesday that doubles spending on parks.\n\n{other}\n")
    return parse_page(text, "p.txt").articles[0].date


def test_an_unambiguous_numeric_date_on_the_page_orders_an_ambiguous_one():
    """04/05/2012 alone is left undated (either order); another date on the page that can only be read one way
    (25/04/2012: day first, 4/25/2012: month first) settles it. Both orders on one page settle nothing."""
    assert _amb("The plan was first put to the council in the spring.") is None
    assert _amb("The plan was first put to the council on 25/04/2012.") == dt.date(2012, 5, 4)
    assert _amb("The plan was first put to the council on 4/25/2012.") == dt.date(2012, 4, 5)
    assert _amb("It was put on 25/04/2012 and again on 4/26/2012.") is None


def test_a_section_label_over_the_headline_is_not_the_title():
    """"Local News" / headline / "By Tom Hughes" / "Posted on ...": the label was the title, the headline and byline
    body. A short first line over a longer one with no byline or date under it stays the title."""
    head = "Council approves new budget for city parks"
    text = "The city council approved a new budget on Tuesday that doubles spending on parks."
    for meta in ("Posted on November 5, 2024", "November 5, 2024"):
        result = parse_page(f"Local News\n\n{head}\n\nBy Tom Hughes\n\n{meta}\n\n{text}\n", "p.txt")
        [article] = result.articles
        assert (article.title, article.byline, article.date) == (head, "Tom Hughes", dt.date(2024, 11, 5))
        assert article.body == [text]
        assert result.fates[0].dropped and result.fates[0].note == "a section label above the headline"
    [dated] = parse_page(f"Local News\n\n{head}\n\nNovember 5, 2024\n\n{text}\n", "p.txt").articles
    assert (dated.title, dated.date) == (head, dt.date(2024, 11, 5))
    [plain] = parse_page(f"Parks budget\n\n{head}\n\n{text}\n", "p.txt").articles
    assert plain.title == "Parks budget"
    [long_label] = parse_page(f"News from the city hall\n\n{head}\n\nBy Tom Hughes\n\n{text}\n", "p.txt").articles
    assert long_label.title == "News from the city hall"
