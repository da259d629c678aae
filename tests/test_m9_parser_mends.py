"""RV21-A's parser findings (M9): a story's lede shaped "X posted/updated ... on DATE" is text, not a meta line."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

HEAD = "Tesla profit beats forecasts"
MORE = "Analysts had expected a smaller gain after price cuts in China and Europe this year."


def articles(text: str):
    return parse_page(text, "p.txt").articles


@pytest.mark.parametrize("lede", [
    "Tesla posted record profits on Wednesday, January 24, 2024.",
    "Apple updated its iPhone software on March 3, 2024.",
    "Tesla, the carmaker, posted record profits on Wednesday, January 24, 2024.",
    "Readers posted in the forum on Tuesday, May 7, 2024.",
    "The video was posted on March 3, 2024."])
def test_a_lede_with_posted_on_a_date_stays_the_storys_text(lede: str) -> None:
    """RV21-A #1: a story's first paragraph "X posted ... on DATE" was taken for a blog's meta line: it left the
    body and dated the story. A meta line's verb has no subject and only a place for the post before "on"."""
    (article,) = articles(f"{HEAD}\n\n{lede}\n\n{MORE}\n")
    assert (article.body, article.date) == ([lede, MORE], None)


def test_a_story_of_one_posted_on_paragraph_is_kept() -> None:
    """The only paragraph of a story must never be dropped: the story was lost (0 articles)."""
    (article,) = articles(f"{HEAD}\n\nTesla posted record profits on Wednesday, January 24, 2024.\n")
    assert article.body == ["Tesla posted record profits on Wednesday, January 24, 2024."]


@pytest.mark.parametrize("line", ["Posted on March 3, 2024", "Published on 3 May 2024.",
                                  "On behalf of Jane Roe, Esq. posted in Pedestrian Accidents on Wednesday, "
                                  "September 18, 2013."])
def test_a_meta_line_still_dates_the_story(line: str) -> None:
    (article,) = articles(f"{HEAD}\n\n{line}\n\n{MORE}\n")
    assert (article.body, article.date is not None) == ([MORE], True)

