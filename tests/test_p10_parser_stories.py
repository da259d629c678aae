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


@pytest.mark.parametrize("line", ["3 hours ago", "5 mins ago", "Updated 3 hours ago"])
def test_an_age_under_the_headline_is_the_story_age(line: str) -> None:
    """`--explain` called the line an age, and `age` was null: only a related item's age was kept (Q10 F4)."""
    article = one(f"{HEAD}\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.age, article.date, article.body) == (line, None, [LEAD, MORE])


def test_an_age_in_the_text_is_not_the_story_age() -> None:
    """Below the story's text an age line is another item's (a list of other stories), not this story's age."""
    article = one(f"{HEAD}\n\n{LEAD}\n\n3 hours ago\n\n{MORE}\n")
    assert article.age is None
