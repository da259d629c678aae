"""RV20's [parser] findings (the final read of parser.py), mended by P8: each test fails on the code before."""

from __future__ import annotations

from newsreader.corpus.parser import parse_page

LEAD = "The district council voted on Tuesday night to approve the new road after a long campaign by residents."


def one(text: str):
    (article,) = parse_page(text, "p.txt").articles
    return article


def test_a_line_ending_in_an_empty_credit_is_text() -> None:
    """P1: "( )" after a caption-long line raised IndexError (an empty credit's first letter)."""
    article = one(f"Valley road approved after long fight\n\n{LEAD}\n\nSix people were seen at the gate ( )\n")
    assert article.body[-1] == "Six people were seen at the gate ( )"
