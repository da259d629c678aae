"""A "By" line under a standfirst was body (RV15-A #5): headline / standfirst / byline / date,
the Guardian's and Substack's head, gave the byline as the story's second paragraph."""

from __future__ import annotations

from newsreader.corpus.parser import parse_page

HEAD = "Why the Fed will not cut in June\n{standfirst}\nBy Jane Analyst\nMay 2, 2025\n"
TEXT = "The Federal Reserve is unlikely to lower interest rates at its June meeting, despite pressure.\n"


def test_a_byline_under_a_standfirst_is_the_byline() -> None:
    page = HEAD.format(standfirst="Inflation is sticky and the labour market is tight") + TEXT
    (article,) = parse_page(page, "p.txt").articles
    assert article.byline == "Jane Analyst" and str(article.date) == "2025-05-02"
    assert "By Jane Analyst" not in article.body


def test_a_by_line_after_a_sentence_is_text() -> None:
    """After a first paragraph that ends as a sentence, or after two, a "By" line is text."""
    for standfirst in ("Inflation is sticky, the Fed says.", "Inflation is sticky\nThe labour market is tight"):
        (article,) = parse_page(HEAD.format(standfirst=standfirst) + TEXT, "p.txt").articles
        assert article.byline is None and "By Jane Analyst" in article.body, standfirst
