"""Hand-made pages, one per parsing rule, in shapes the seeds do not use verbatim."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.corpus.parser import parse_page, parse_stated_date

PROSE = "The council met on a quiet morning and agreed the budget after a long debate."
PROSE2 = "Officials said the plan would take effect next spring across the whole region."


def parse(text: str):
    return parse_page(text, "page.txt")


def test_header_line_with_title() -> None:
    [a] = parse(f"date 2023-02-01 City council approves new budget\n\n{PROSE}\n").articles
    assert a.title == "City council approves new budget"
    assert a.date == dt.date(2023, 2, 1) and a.date_source == "page header"
    assert a.body == [PROSE]


def test_header_with_menu_junk_takes_the_title_from_a_later_line() -> None:
    page = f"date 2022-11-30 HomeWorld NewsSportsBusiness\n\nRiver flooding forces evacuations\n\nBy Jane Roe and John Doe\n\n{PROSE}\n"
    result = parse(page)
    [a] = result.articles
    assert a.title == "River flooding forces evacuations"
    assert a.byline == "Jane Roe and John Doe"
    assert a.date == dt.date(2022, 11, 30)
    assert result.fates[0].role == "header"


def test_two_stories_split_at_repeated_titles_with_heading_blocks() -> None:
    page = "\n".join([
        "Storm closes ports along the coast", "",
        "Boats wait in the harbour as the storm passes. (Reuters)",
        "Short Url", "Published 12 March 2021", "Share", "",
        "Storm closes ports along the coast", "",
        "  • Ports shut for two days", "  • Ferries cancelled", "",
        PROSE, PROSE2, "",
        "Minister resigns over housing scandal", "",
        "Updated 2 hours ago", "Follow", "",
        "Minister resigns over housing scandal", "",
        "LONDON — " + PROSE, "",
    ])
    first, second = parse(page).articles
    assert first.title == "Storm closes ports along the coast"
    assert first.captions == ["Boats wait in the harbour as the storm passes. (Reuters)"]
    assert first.summary == ["Ports shut for two days", "Ferries cancelled"]
    assert first.date == dt.date(2021, 3, 12) and first.date_source == "published line"
    assert first.body == [PROSE, PROSE2]
    assert second.title == "Minister resigns over housing scandal"
    assert second.date is None
    assert second.dateline == "LONDON"
    assert second.body == [PROSE]


def test_heading_block_without_repeat_still_starts_a_story() -> None:
    page = f"First story title here\n{PROSE}\n\nSecond story has its own title\nUpdated: March 3, 2020\n{PROSE2}\n"
    first, second = parse(page).articles
    assert second.title == "Second story has its own title"
    assert second.date == dt.date(2020, 3, 3)
    assert first.body == [PROSE] and second.body == [PROSE2]


def test_related_block_items() -> None:
    page = "\n".join([
        "Main story about the election", PROSE, "", "More stories", "",
        "Daily Bugle", "2 days ago", "- Daily Bugle", "Turnout hits a record high",
        "BERLIN: " + PROSE2 + " Tags: vote, turnout",
        "", "Evening Post", "5 minutes ago", "Polls close early in the north", PROSE,
    ])
    main, one, two = parse(page).articles
    assert main.related == [one.id, two.id]
    assert one.source == "Daily Bugle" and one.age == "2 days ago" and one.date is None
    assert one.dateline == "BERLIN"
    assert one.body == [PROSE2]
    assert two.source == "Evening Post" and two.title == "Polls close early in the north"


def test_inline_footer_after_run_together_text_is_cut() -> None:
    page = f"A title for the page\n{PROSE} Related Topics: Other thing One more Post Views: 12\n"
    [a] = parse(page).articles
    assert a.body == [PROSE]


def test_page_furniture_is_dropped_with_reasons() -> None:
    page = f"A title for the page\n{PROSE}\nAdvertisement\n{PROSE2}\nComments\n0 comments\nSubscribe now\nLeave a comment\n"
    result = parse(page)
    [a] = result.articles
    assert a.body == [PROSE, PROSE2]
    dropped = [f for f in result.fates if f.dropped and f.text.strip()]
    assert {f.text for f in dropped} == {"Advertisement", "Comments", "0 comments", "Subscribe now", "Leave a comment"}
    assert all(f.note for f in dropped)


def test_short_lines_after_the_story_are_footer_but_mid_story_subheads_stay() -> None:
    page = f"A title for the page\n{PROSE}\nA subheading inside\n{PROSE2}\nHashtags\nPolitics\nWorld\n"
    [a] = parse(page).articles
    assert a.body == [PROSE, "A subheading inside", PROSE2]


@pytest.mark.parametrize(
    "first,second,joined",
    [
        ("The minister spoke to leaders from several countries, including", "Canada. It was a long call.", True),
        ("The minister spoke to leaders from several", "countries in the region.", True),
        ("The minister spoke at length.", "Then he left the room.", False),
        ("The minister spoke about the issue", "Officials later confirmed it.", False),
    ],
)
def test_paragraph_cut_in_two(first: str, second: str, joined: bool) -> None:
    [a] = parse(f"A title for the page\n\n{first}\n\n{second}\n").articles
    assert a.body == ([f"{first} {second}"] if joined else [first, second])


@pytest.mark.parametrize(
    "line,dateline,rest",
    [
        ("NEW YORK (Reuters) - Stocks rose on the day after a long slide.", "NEW YORK", "Stocks rose"),
        ("WASHINGTON — Lawmakers passed the bill late on the night of the vote.", "WASHINGTON", "Lawmakers"),
        ("GAZA CITY, Gaza Strip: Aid trucks crossed the border in the morning.", "GAZA CITY, Gaza Strip", "Aid trucks"),
        ("US: a short line that is not a dateline at all here today.", None, "US:"),
    ],
)
def test_datelines(line: str, dateline: str | None, rest: str) -> None:
    [a] = parse(f"A title for the page\n{line}\n").articles
    assert a.dateline == dateline
    assert a.body[0].startswith(rest)


def test_untitled_page_is_named_by_its_first_sentence_and_keeps_it() -> None:
    long_first = PROSE + " " + PROSE2
    [a] = parse(long_first + "\n" + PROSE + "\n").articles
    assert a.title.startswith("The council met")
    assert a.body[0] == long_first


def test_control_characters_never_reach_article_text() -> None:
    [a] = parse("Title \x1b[31mred\x1b[0m here\nBody with a bell\x07 and an escape \x1b]0;x\x07 inside it today.\n").articles
    assert "\x1b" not in a.title and "\x07" not in a.text and "\x1b" not in a.text


def test_same_title_twice_gets_distinct_ids() -> None:
    page = "date 2020-01-01 Same title\nFirst body sentence is here.\ndate 2020-01-02 Same title\nSecond body sentence is here.\n"
    first, second = parse(page).articles
    assert first.id != second.id


@pytest.mark.parametrize(
    "text,expected",
    [
        ("03 August 2024", dt.date(2024, 8, 3)),
        ("3 Aug 2024 10:15 AM", dt.date(2024, 8, 3)),
        ("August 3, 2024", dt.date(2024, 8, 3)),
        ("Aug. 3, 2024", dt.date(2024, 8, 3)),
        ("2024-08-03T10:00", dt.date(2024, 8, 3)),
        ("Saturday, August 3, 2024", dt.date(2024, 8, 3)),
        ("4 sec ago", None),
        ("an hour ago", None),
        ("31 February 2024", None),
    ],
)
def test_stated_dates(text: str, expected: dt.date | None) -> None:
    assert parse_stated_date(text) == expected


def test_empty_and_blank_pages_give_no_articles() -> None:
    assert parse("").articles == []
    assert parse("\n\n   \n").articles == []


@pytest.mark.parametrize("line", ["By Monday the talks had failed.", "By aa aa aa aa aa.",
                                  "by the end of the week, prices had doubled"])
def test_a_first_paragraph_opening_with_by_is_story_text_not_a_byline(line: str) -> None:
    [a] = parse(f"River flooding forces evacuations\n\n{line}\n\n{PROSE}\n").articles
    assert a.byline is None
    assert a.body == [line, PROSE]


@pytest.mark.parametrize("line,credit", [("BY JOHN SMITH", "JOHN SMITH"),
                                         ("By Ahmed al Masri, Arab News", "Ahmed al Masri, Arab News")])
def test_bylines_in_capitals_and_with_name_particles(line: str, credit: str) -> None:
    [a] = parse(f"River flooding forces evacuations\n\n{line}\n\n{PROSE}\n").articles
    assert a.byline == credit
    assert a.body == [PROSE]


def test_a_paragraph_opening_with_posted_is_story_text_unless_it_states_a_date_or_age() -> None:
    line = "Posted guards stood at the gate all night."
    [a] = parse(f"River flooding forces evacuations\n\n{line}\n\n{PROSE}\n").articles
    assert a.body == [line, PROSE] and a.date is None
    [b] = parse(f"River flooding forces evacuations\nPosted on 4 May 2021\n\n{PROSE}\n").articles
    assert b.body == [PROSE] and b.date == dt.date(2021, 5, 4)
