"""The page parser's fixes for Q10's findings (P10): a second story on a page, headed by its own byline or date line,
is a story of its own and its date dates it alone (F16); an age under the headline is the story's `age` (F4); a US
dateline and date run into the first sentence give the dateline and the date (F5)."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page
from tests.test_p8_parser_gaps import LEAD, MORE, one

HEAD = "Valley road approved after long fight"
SECOND = "Trade deal signed after long talks"
B1 = "The two countries signed a trade deal on Monday after months of talks, officials said, hailing a new era."
B2 = "Exporters welcomed the agreement, which cuts tariffs on farm goods and machinery over five years."


def stories(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(a.title, a.byline, str(a.date) if a.date else None, " ".join(a.body))
            for a in parse_page(text, "p.txt").articles]


@pytest.mark.parametrize("head,byline,date", [
    ("By Jane Smith", "Jane Smith", None),
    ("By Jane Smith, Trade correspondent", "Jane Smith, Trade correspondent", None),
    ("By JANE SMITH", "JANE SMITH", None),
    ("March 3, 2025", None, "2025-03-03"),
])
def test_a_second_story_headed_by_its_own_byline_or_date_is_a_story(head: str, byline: str | None,
                                                                     date: str | None) -> None:
    """Story A (headline, text), then story B (headline, a byline or a date alone, text): B was read as A's text,
    and its date line dated A (Q10 F16). Only a byline with a date, or the same cues as A's, split them before."""
    text = f"{HEAD}\n\n{LEAD}\n\n{MORE}\n\n\n{SECOND}\n{head}\n\n{B1}\n\n{B2}\n"
    assert stories(text) == [(HEAD, None, None, f"{LEAD} {MORE}"), (SECOND, byline, date, f"{B1} {B2}")]


def test_a_story_after_a_related_block_is_no_related_link() -> None:
    """After a "Related Articles" block (a page saved from an endless scroll: story, links, next story), the next
    story's headline and byline were taken as related links and its text appended to the first story's."""
    text = (f"{HEAD}\n\n{LEAD}\n\n{MORE}\n\nRelated Articles\nMinister resigns over expenses row\n"
            f"Floods hit northern towns again\n\n\n{SECOND}\nBy Jane Smith\n\n{B1}\n\n{B2}\n")
    assert stories(text) == [(HEAD, None, None, f"{LEAD} {MORE}"), (SECOND, "Jane Smith", None, f"{B1} {B2}")]


@pytest.mark.parametrize("text", [
    # A timeline's entry: its text right under its date.
    f"{HEAD}\n\n{LEAD}\n\nKey dates in the long campaign\nMarch 3, 2025\nThe council first heard the plan.\n\n{MORE}\n",
    # A sub-heading with no byline or date under it.
    f"{HEAD}\n\n{LEAD}\n\nWhat happens next for the valley\nThe council first heard the plan.\n\n{MORE}\n",
    # A line right under a paragraph (no blank gap above it) is that paragraph's.
    f"{HEAD}\n\n{LEAD}\nKey dates in the long campaign\nMarch 3, 2025\n\n{MORE}\n",
])
def test_one_story_stays_whole(text: str) -> None:
    """A false split is worse than a miss: a sub-heading or a timeline's date inside a story opens no story."""
    assert len(parse_page(text, "p.txt").articles) == 1


@pytest.mark.parametrize("line", ["3 hours ago", "5 mins ago", "Updated 3 hours ago"])
def test_an_age_under_the_headline_is_the_story_age(line: str) -> None:
    """`--explain` called the line an age, and `age` was null: only a related item's age was kept (Q10 F4)."""
    article = one(f"{HEAD}\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.age, article.date, article.body) == (line, None, [LEAD, MORE])


def test_an_age_in_the_text_is_not_the_story_age() -> None:
    """Below the story's text an age line is another item's (a list of other stories), not this story's age."""
    article = one(f"{HEAD}\n\n{LEAD}\n\n3 hours ago\n\n{MORE}\n")
    assert article.age is None


@pytest.mark.parametrize("line,dateline", [
    ("Alamosa, Colo. — March 7, 2024 — Officials met.", "Alamosa, Colo."),
    ("ALAMOSA, Colo. — March 7, 2024 — Officials met.", "ALAMOSA, Colo."),
    ("Springfield, Ill. -- March 7, 2024 -- Officials met.", "Springfield, Ill."),
])
def test_a_us_dateline_and_date_run_into_the_text(line: str, dateline: str) -> None:
    """As US papers print it, the dateline and the date open the first sentence: the place was lost in mixed case,
    and the date stayed in the text, undated (Q10 F5)."""
    article = one(f"{HEAD}\n\n{line}\n\n{MORE}\n")
    assert (article.dateline, str(article.date), article.date_source, article.body) == (
        dateline, "2024-03-07", "date line", ["Officials met.", MORE])


@pytest.mark.parametrize("line", [
    "Berlin — 12:10 CET — Officials met on Thursday to discuss the plan.",  # a time, no date
    "Tuesday, March 7, 2024 — Officials met on Thursday to discuss the plan.",  # a date first: no place
    "Weather — March 7, 2024 — Officials met on Thursday to discuss the plan.",  # a section's label
])
def test_no_place_no_date_is_no_dateline(line: str) -> None:
    """The place must be followed by a calendar date, and be no common word, to be the dateline ("Tuesday, March
    7, 2024" is a date, not the place "Tuesday")."""
    assert one(f"{HEAD}\n\n{line}\n\n{MORE}\n").dateline is None
