"""The page parser's leftovers of session 27 (P11): a source or credit label line ("Source: Reuters") is no headline
and may give the story's source; a second story whose headline has neither a byline nor a date under it is a story
of its own when the lines since the story above are that story's foot with a line that cannot sit inside a story among
them (its tags, a dated copyright, a wire story's credits, an end mark); after a related block of links the next
story's headline is no link of the block. A share bar, a rule, a picture's credit, a source line, a box of links or a
wider gap alone opens no story (MC, after review RV28-C: a story cut in two is worse than a second story left in the
first)."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

HEAD = "Oil prices rise as supply fears grow"
A1 = "Oil prices rose on Monday as traders worried about supply from the Middle East after the weekend attacks."
A2 = "Brent crude futures were up two percent at 80 dollars a barrel by midday in London, dealers said."
SECOND = "Council approves budget after long debate"
B1 = "The city council approved a new budget for the coming year on Tuesday after a long and heated debate."
B2 = "Councillors voted 12 to 5 in favour of the plan, which raises spending on roads and schools."


def stories(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(a.title, a.source, a.body) for a in parse_page(text, "p.txt").articles]


def fates(text: str) -> dict[str, tuple[str, bool]]:
    return {f.text: (f.role, f.dropped) for f in parse_page(text, "p.txt").fates if f.text}


# --- 1. A source or credit label line ------------------------------------------------------------------------------

@pytest.mark.parametrize("line,source", [
    ("Source: Reuters", "Reuters"),
    ("SOURCE: AFP", "AFP"),
    ("Via: The Guardian", "The Guardian"),
    ("Sources: Reuters, AP", "Reuters, AP"),
    ("Quelle: dpa", "dpa"),
    ("From: Tehran Times", "Tehran Times"),  # (a credit label: an outlet's word, "Times")
    ("Credit: Reuters", "Reuters"),  # (a news agency)
    ("Credit: AP Photo/Jane Doe", None),  # (a photographer: no outlet)
    ("Credit: Jane Smith/Reuters", None),  # (a photographer's picture for an agency: no source of the story's)
    ("From: Jane Doe", None),  # (a sender)
])
def test_a_source_label_on_the_first_line_is_no_title(line: str, source: str | None) -> None:
    """The page's first line "Source: Reuters" was the story's title; the headline under it went to the body."""
    for gap in ("\n\n", "\n"):
        text = f"{line}{gap}{HEAD}\n\n{A1}\n\n{A2}\n"
        assert stories(text) == [(HEAD, source, [A1, A2])]
        assert fates(text)[line] == ("source", True)


def test_a_source_label_under_a_header_of_menus_is_no_title() -> None:
    """A converter's or a user's `date ...` header whose own text is a menu: the title is the first line under it
    that is no furniture, an address or a source line."""
    text = f"date 2025-03-03 Home | World | Politics | Sign in\nSource: Reuters\n\n{HEAD}\n\n{A1}\n"
    assert stories(text) == [(HEAD, "Reuters", [A1])]


@pytest.mark.parametrize("date", ["March 3, 2025", "Updated 3 March 2025 10:04 GMT"])
def test_a_source_label_over_a_date_line_is_no_headline(date: str) -> None:
    """A headline over a date line after story text opens a story (Q10 F16, a heading block); a source line there is
    none."""
    text = f"{HEAD}\n\n{A1}\n\nSource: Reuters\n{date}\n\n{A2}\n"
    assert [title for title, _, _ in stories(text)] == [HEAD]


def test_a_source_label_over_a_dateline_is_no_brief() -> None:
    """Headlines over paragraphs that open with a dateline are a digest's briefs; a source line there is no headline."""
    text = f"Taiwan votes for a new leader\nTAIPEI — {B1}\n\nSource: Reuters\nCOPENHAGEN — {B2}\n"
    assert "Source: Reuters" not in [title for title, _, _ in stories(text)]


@pytest.mark.parametrize("line", ["Source: Reuters", "Source: Reuters."])
def test_a_source_label_at_the_foot_gives_the_source_and_leaves_the_text(line: str) -> None:
    assert stories(f"{HEAD}\n\n{A1}\n\n{A2}\n\n{line}\n") == [(HEAD, "Reuters", [A1, A2])]


def test_a_source_the_headline_names_is_kept() -> None:
    """"Headline - Reuters" names the outlet first; a later label names no other source."""
    text = f"{HEAD} - Reuters\n\n{A1}\n\n{A2}\n\nSource: AFP\n"
    assert stories(text) == [(HEAD, "Reuters", [A1, A2])]
    assert fates(text)["Source: AFP"] == ("source", True)


@pytest.mark.parametrize("line", [
    "Sources: Sox May Not Be Out Of Teixeira Chase",  # (a headline that quotes its sources: ECB+ 10_4ecbplus)
    "Source: Lakers agree to trade with the Nets",
    "Sources: 3 Players Named In Probe",
    "Source: the ministry said on Monday it would act",
    "Sources: Lakers Acquire Westbrook in Trade",  # (a sports wire's headline: a name that is no outlet has 3 words)
    "Source: Lakers Acquire Russell Westbrook",
    "Via: Ferrata Routes Reopen in Dolomites",
])
def test_a_headline_that_opens_with_source_is_the_title(line: str) -> None:
    assert stories(f"{line}\n\n{A1}\n\n{A2}\n") == [(line, None, [A1, A2])]


def test_a_picture_credit_at_the_foot_gives_no_source() -> None:
    """"Credit: Jane Smith/Reuters" credits a picture: the story is no Reuters story."""
    assert stories(f"{HEAD}\n\n{A1}\n\n{A2}\n\nCredit: Jane Smith/Reuters\n") == [(HEAD, None, [A1, A2])]


def test_a_source_label_between_paragraphs_is_text() -> None:
    """Under a chart, "Source: Company filings" cites the chart's figures: story text, as a "Link:" line there is."""
    text = f"{HEAD}\n\n{A1}\n\nSource: Company Filings\n\n{A2}\n"
    assert stories(text) == [(HEAD, None, [A1, "Source: Company Filings", A2])]


def test_a_source_address_is_the_url_not_the_source() -> None:
    (article,) = parse_page(f"Source: https://www.example.com/news/2025/oil-prices\n\n{HEAD}\n\n{A1}\n", "p.txt").articles
    assert (article.title, article.url, article.source) == (HEAD, "https://www.example.com/news/2025/oil-prices", None)


def test_a_credit_line_in_brackets_is_the_wire_story_credit() -> None:
    """Reuters closes a story with "(Reporting by ...; Editing by ...)": its credit line, as without the brackets."""
    (article,) = parse_page(f"{HEAD}\n\n{A1}\n\n{A2}\n(Reporting by Jane Doe; Editing by John Roe)\n", "p.txt").articles
    assert (article.body, article.byline) == ([A1, A2], "Reporting by Jane Doe; Editing by John Roe")


# --- 2. A second story with neither a byline nor a date under its headline ------------------------------------------

@pytest.mark.parametrize("end", [
    "Tags: oil, markets",
    "Share\nTags: oil, markets",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Reporting by Jane Doe; Editing by John Roe",
    "© 2025 The Daily Courier",
    "Copyright 2025 Jane Doe. All rights reserved.",
    "■",
    # Lines that sit inside stories too, beside one that ends a story.
    "Source: Reuters\n\n* * *\n\nTags: oil, markets",
    "Tags: oil, markets\n\n-----",
    "Read more\nMinister resigns over expenses row\n\n© 2025 The Daily Courier",
    "Tags: oil, markets\n\nRelated Articles\nMinister resigns over expenses row\nFloods hit northern towns again",
])
def test_a_second_story_after_the_first_ended_is_a_story(end: str) -> None:
    """Story A, the lines that close it, then story B's headline over its text (no byline, no date): B was A's text,
    and after a related block B's headline was one more link of the block."""
    for under in ("\n\n", "\n"):
        text = f"{HEAD}\n\n{A1}\n\n{A2}\n\n{end}\n\n{SECOND}{under}{B1}\n\n{B2}\n"
        (a, _, a_body), (b, _, b_body) = stories(text)
        assert (a, a_body, b, b_body) == (HEAD, [A1, A2], SECOND, [B1, B2]), end
        assert fates(text)[SECOND] == ("title", False)


@pytest.mark.parametrize("gap", ["\n\nShare\nTags: oil, markets\n\n", "\n\n© 2025 The Daily Courier\n\n"])
def test_the_next_story_starts_at_its_headline_over_its_deck(gap: str) -> None:
    """"Headline" / a deck (title-shaped, no full stop) / text: the story starts at the headline, not at the deck (the
    headline was the last line of the story above)."""
    deck = "Roads and schools get more money in a plan opposed by five councillors"
    text = f"{HEAD}\n\n{A1}\n\n{A2}{gap}{SECOND}\n\n{deck}\n\n{B1}\n"
    assert stories(text) == [(HEAD, None, [A1, A2]), (SECOND, None, [deck, B1])]


def test_the_story_above_may_end_in_a_line_that_reads_as_no_prose() -> None:
    """"Get well soon, Tara!" ends the story above (a sentence's end, though no paragraph of prose): the foot follows."""
    text = f"{HEAD}\n\n{A1}\n\n{A2}\n\nGet well soon, Tara!\n\nShare\nTags: oil, markets\n\n{SECOND}\n\n{B1}\n\n{B2}\n"
    assert [title for title, _, _ in stories(text)] == [HEAD, SECOND]


def test_the_next_story_starts_at_its_headline_over_a_time_line() -> None:
    """A headline over a line with its date or time, in a form no date line takes ("12 / 16 / 08 1 : 30 AM EST")."""
    text = (f"{HEAD}\n\n{A1}\n\n{A2}\n\nTags: oil, markets\n\n{SECOND}\n\n12 / 16 / 08 1 : 30 AM EST\n\n"
            f"{B1}\n\n{B2}\n")
    assert [title for title, _, _ in stories(text)] == [HEAD, SECOND]


@pytest.mark.parametrize("end", ["-30-", "Tags: oil, markets"])
def test_a_note_of_one_paragraph_after_the_end_is_no_story(end: str) -> None:
    """An editor's note, an author's bio or a teaser of one paragraph after the story's end is no story of its own."""
    for after in ("", "\nShare this article\n"):
        text = (f"{HEAD}\n\n{A1}\n\n{A2}\n\n{end}\n\nEditor's Note on This Story\n\n"
                f"This story was updated on Wednesday to add comments from the mayor's office and a council member.\n{after}")
        assert len(parse_page(text, "p.txt").articles) == 1, after


def test_a_title_cased_line_under_a_title_after_the_foot_is_no_deck() -> None:
    """Reuters' "Our Standards" line over a correction's title and note: the correction is the story's, no story."""
    text = (f"{HEAD}\n\n{A1}\n\n{A2}\n\n(Reporting by Jane Doe; Editing by John Roe)\n\n"
            f"Our Standards: The Thomson Reuters Trust Principles\n\nCorrects Figure in Paragraph Two\n\n"
            "An earlier version of this story gave the wrong price for Brent crude futures in the second paragraph.\n")
    assert len(parse_page(text, "p.txt").articles) == 1


@pytest.mark.parametrize("text", [
    # Sub-headings between paragraphs, a blank line above them.
    f"{HEAD}\n\n{A1}\n\nWhat traders fear most\n\n{A2}\n\nThe outlook for next year\n\n{B1}\n",
    # An advertisement between paragraphs is no story's end.
    f"{HEAD}\n\n{A1}\n\nAdvertisement\n\nWhat traders fear most\n\n{A2}\n",
    # A gap no wider than the story's own gaps between its paragraphs.
    f"{HEAD}\n\n\n{A1}\n\n\n{A2}\n\n\nWhat traders fear most\n\n{B1}\n",
    # A wider gap over a line that ends as a sentence may end ("!"): a paragraph of the story.
    f"{HEAD}\n{A1}\n{A2}\n\n\nWhat a week for oil traders!\n{B1}\n",
    # A gap over a sub-heading in a story of one paragraph so far (its own gaps unknown).
    f"{HEAD}\n\n{A1}\n\n\n\nWhat traders fear most\n\n{A2}\n",
    # A box of one link inside the story: the line under the heading is its link, the text goes on.
    f"{HEAD}\n\n{A1}\n\nAlso read\n\nMinister resigns over expenses row\n\n{A2}\n",
    f"{HEAD}\n\n{A1}\n\nRead more:\n\nMinister resigns over expenses row\n\n{A2}\n",
    # A commenter's name over a comment.
    (f"{HEAD}\n\n{A1}\n\n{A2}\n\nComments\n\nSort by newest\n\nMary Ann Evans\n\nThis is the best report on oil prices "
     "I have read this week.\n"),
    # Closing lines, then short lines with no paragraph under them (links).
    f"{HEAD}\n\n{A1}\n\n{A2}\n\nShare\n\nMinister resigns over expenses row\n\nFloods hit northern towns again\n",
])
def test_one_story_stays_whole(text: str) -> None:
    """A false split is worse than a miss: a sub-heading inside a story opens no story."""
    assert len(parse_page(text, "p.txt").articles) == 1


SUB = "What traders fear most"


@pytest.mark.parametrize("foot", [
    # RV28-C's pages: lines that sit inside a story over a sub-heading; each split the story in two.
    "\n",  # (a paste's wider gap where a picture was: 2 blank lines against 1)
    "\n\n\n",
    "-----", "---", "* * *", "***",  # (a rule or a scene break, Markdown's "---")
    "Share", "Share this article",  # (a share bar; a live blog's "Share" under each post)
    "Read more", "Read more:\n\nMinister resigns over expenses row", "Related:\nMinister resigns over expenses row",
    "Related Articles\nMinister resigns over expenses row\nFloods hit northern towns again",
    "More stories\nMinister resigns over expenses row",
    "Source: Reuters", "Source: Company Filings", "Source: Ellis Family", "Quelle: Statistisches Bundesamt",
    "Spending per pupil, 2019-2024\nSource: City Finance Office",  # (a chart's title and source)
    "Mayor Linda Carter speaks at City Hall on Tuesday.\nCredit: Jane Smith/Reuters",  # (a caption and its credit)
    "© Getty Images", "© Provided by The Guardian", "© 2024 Jane Doe", "© 2024 AFP",  # (pictures' credits)
    "Mayor Linda Carter at City Hall on Tuesday.\n© 2024 Acme Corporation",
    "Back to top", "Comments (3)",
    "Copyright rules were not changed by the deal, the ministry said on Monday in a statement.",
    "Topics raised at the meeting ranged from pothole repairs to parks",
])
def test_a_line_that_sits_inside_stories_too_opens_no_story(foot: str) -> None:
    """A story's foot without a line that ends a story (tags, a dated copyright, credits, an end mark) over a sub-heading:
    one story, with or without a byline and date."""
    for meta in ("", "By Jane Doe\nMay 3, 2024\n\n"):
        text = f"{HEAD}\n\n{meta}{A1}\n\n{A2}\n\n{foot}\n\n{SUB}\n\n{B1}\n\n{B2}\n"
        assert len(parse_page(text, "p.txt").articles) == 1, foot


def test_a_live_blog_is_one_story() -> None:
    posts = "".join(f"{time}\n\n{title}\n\n{body}\n\nShare\n\n" for time, title, body in (
        ("10:32", "Power Cut to Forty Thousand Homes", A1), ("10:05", "Schools Close Across the County", A2),
        ("09:41", "Ferry Services Suspended Until Noon", B1)))
    text = f"Live: Storm Hits the Coast as Thousands Lose Power\n\nBy Live Desk\nMarch 4, 2024\n\n{posts}"
    assert len(parse_page(text, "p.txt").articles) == 1


def test_a_sub_heading_right_under_the_closing_lines_needs_a_blank_line() -> None:
    """A line right under the last link of a related block (no blank line between) is a link still."""
    text = f"{HEAD}\n\n{A1}\n\n{A2}\n\nRelated Articles\nMinister resigns over expenses row\n{SECOND}\n\n{B1}\n"
    assert [title for title, _, _ in stories(text)] == [HEAD]


# --- 3. The related block ends where the next story begins ----------------------------------------------------------

def test_the_related_block_ends_at_the_next_story() -> None:
    text = (f"{HEAD}\n\n{A1}\n\n{A2}\n\nTags: oil, markets\n\nRelated Articles\nMinister resigns over expenses row\n"
            f"Floods hit northern towns again\n\n{SECOND}\n\n{B1}\n\n{B2}\n")
    result = parse_page(text, "p.txt")
    roles = {f.text: (f.role, f.article) for f in result.fates if f.text}
    assert roles["Minister resigns over expenses row"] == ("related", 0)
    assert roles["Floods hit northern towns again"] == ("related", 0)
    assert roles[SECOND] == ("title", 1)
    assert [a.body for a in result.articles] == [[A1, A2], [B1, B2]]
