"""M5's mends of RV18-B's parser findings: topic tags, place + date lines, foreign bylines, short months."""
from newsreader.corpus.parser import parse_page

BODY = ("Russia launched its largest drone attack of the war overnight, officials said on Sunday.\n"
        "Air defences were active across the city.\n")


def one(text: str):
    articles = parse_page(text, "page.txt").articles
    assert len(articles) == 1
    return articles[0]


def test_a_topic_tag_over_a_headline_does_not_take_the_title() -> None:
    """RV18-B #1: 'Ukraine' (no known section label) over the headline, standfirst and byline (the Guardian's, the
    BBC's head) was the title; the headline went to the body and the byline was lost. The tag stays as text."""
    article = one("Ukraine\n\nRussia launches biggest drone attack of the war on Kyiv\n\nOfficials say more than 300 "
                  "drones and missiles were fired overnight at the capital\n\nBy Jane Doe\n\n" + BODY)
    assert article.title == "Russia launches biggest drone attack of the war on Kyiv"
    assert article.byline == "Jane Doe"
    assert article.body[0] == "Ukraine"


def test_a_topic_tag_over_a_headline_and_byline_stays_text() -> None:
    """'Labour' / headline / 'By ...': the tag is no standfirst (it was the summary) and the byline is kept."""
    article = one("Labour\n\nStarmer vows to press ahead with planning reforms despite backbench anger\n\n"
                  "By Jane Doe\n\n" + BODY)
    assert (article.title, article.byline, article.summary) == (
        "Starmer vows to press ahead with planning reforms despite backbench anger", "Jane Doe", [])
    assert article.body[0] == "Labour"
