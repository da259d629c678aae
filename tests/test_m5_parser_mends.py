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


HEAD = "Council approves new budget for schools\n\nBy Jane Doe\n\n"
LEAD = "The council voted on Tuesday to approve a new budget that gives schools more money for teachers.\n\n"


def test_a_common_word_and_a_date_in_the_body_is_no_dateline() -> None:
    """RV18-B #2: 'Deadline: May 5, 2024' in the body dated the story, became its dateline and left the body."""
    article = one(HEAD + LEAD + "Deadline: May 5, 2024\n\nParents can comment until then.\n")
    assert (article.date, article.dateline) == (None, None)
    assert "Deadline: May 5, 2024" in article.body


def test_a_place_and_a_date_is_still_a_dateline() -> None:
    article = one(HEAD + "London - 3 March 2024\n\n" + LEAD)
    assert (str(article.date), article.dateline) == ("2024-03-03", "London")


def test_a_foreign_by_word_over_one_name_is_no_byline() -> None:
    """RV18-B #3: 'Von Braun', 'Par Excellence' were bylines ('Braun', 'Excellence') and left the body."""
    for line in ("Von Braun", "Par Excellence"):
        article = one("Rocket pioneer honoured in his home town\n\n" + LEAD + line + "\n\nThousands came to watch.\n")
        assert article.byline is None and line in article.body
    article = one("Rocket pioneer honoured in his home town\n\nVon Anna Schmidt\n\n" + LEAD)
    assert article.byline == "Anna Schmidt"


def test_short_months_that_are_english_words_only_day_first_in_lower_case() -> None:
    """RV18-B #5: 'Set 2, 2024' (a tennis report) and 'Out 10, 2024' were read as September and October dates."""
    from newsreader.corpus.parser import date_statement
    for text in ("Set 2, 2024", "set 12 2024", "Out 10, 2024", "10 Out 2024"):
        statement = date_statement(text)
        assert statement is None or statement.date is None, text
    assert str(date_statement("10 out 2024").date) == "2024-10-10"
    assert str(date_statement("3 ago 2024").date) == "2024-08-03"


def test_a_by_line_after_a_news_lead_is_story_text() -> None:
    """RV18-B #4: a first paragraph that ends by saying who said it is the story's lead, not a standfirst: a "By"
    line after it left it in the body before f098bbe; since then the lead moved to the summary."""
    article = one("Election night\n\nThe polls closed at 10pm and counting began immediately across the country, "
                  "officials said.\n\nBy Jane Doe\n\nFirst results are expected after midnight.\n")
    assert article.summary == []
    assert article.body[0].startswith("The polls closed at 10pm")
