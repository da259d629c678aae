"""RV21-A's parser findings (M9): a story's lede shaped "X posted/updated ... on DATE" is text, not a meta line;
"UPDATE:" / "HEALTH —" under sub-headlines is no digest of briefs; a first-sentence title is not cut at "Gov." or an
initial; a common word or surname opening a name is no place's opener."""

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


LIVE = ("Live: storm updates\n\nThe storm made landfall overnight near the coast, officials said.\n\nPower cuts\n\n"
        "UPDATE: More than 20,000 homes are without power this morning in the county.\n\nRoads closed\n\n"
        "UPDATE: The coast road is shut between the two towns until further notice.\n")
SECTIONS = ("Inside the new budget plan\n\nBy Jane Doe\n\nThe government set out its budget on Tuesday with cuts to most "
            "departments.\n\nWhat changes for schools\n\nEDUCATION — Schools lose 3 percent of their funding over the "
            "next two years, the plan says.\n\nWhat changes for hospitals\n\nHEALTH — Hospitals keep their funding but "
            "must cut waiting lists by a fifth this year.\n")


@pytest.mark.parametrize("text,last", [(LIVE, "UPDATE: The coast road is shut between the two towns until further "
                                               "notice."),
                                       (SECTIONS, "HEALTH — Hospitals keep their funding but must cut waiting lists "
                                                  "by a fifth this year.")])
def test_sub_headlines_over_label_words_are_one_story(text: str, last: str) -> None:
    """RV21-A #2: two sub-headlines over "UPDATE: ..." (a live story) or "HEALTH — ..." (a section) were taken for a
    digest of briefs with the datelines UPDATE and HEALTH: the story was cut into three."""
    (article,) = articles(text)
    assert article.body[-1] == last and article.dateline is None


def test_a_digest_of_briefs_under_place_datelines_is_still_split() -> None:
    text = ("World briefing\n\nTaiwan: Lai wins presidency\n\nTAIPEI — Lai Ching-te won the presidential election on "
            "Saturday with 40 percent of the vote.\n\nDenmark: Queen steps down\n\nCOPENHAGEN — Queen Margrethe gave "
            "up the throne on Sunday after 52 years as the head of state.\n")
    assert [a.dateline for a in articles(text)][-2:] == ["TAIPEI", "COPENHAGEN"]
