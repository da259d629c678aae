"""Furniture above the headline took the title (RV15-A #6): "Listen to this article · 5 min"
(the audio button with its length) and "Skip to navigation" were read as the story's title, and
the real headline and byline went into the body."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

TEXT = "Markets tumble as tariffs bite\nBy Sam Hill\nMarch 3, 2025\nStocks fell sharply on Monday as new tariffs took effect.\n"


@pytest.mark.parametrize("line", ["Listen to this article · 5 min", "Listen to this article | 12:04",
                                  "Skip to navigation"])
def test_a_button_with_its_length_above_the_headline_is_furniture(line: str) -> None:
    (article,) = parse_page(f"{line}\n{TEXT}", "p.txt").articles
    assert (article.title, article.byline, str(article.date)) == ("Markets tumble as tariffs bite", "Sam Hill",
                                                                   "2025-03-03")


def test_a_headline_ending_in_a_length_is_no_furniture() -> None:
    """Only a furniture line with a length after it goes: "Marathon record falls - 2 min" is not one."""
    (article,) = parse_page(f"Marathon record falls · 2 min\n{TEXT}", "p.txt").articles
    assert article.title == "Marathon record falls · 2 min"
