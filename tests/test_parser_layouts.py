"""Page layouts the seeds do not use, as news sites save them (Q5's test of a first-time user's pages): a headline over
a byline with a role and a date line, a date alone under the headline, "PUBLISHED:" lines in capitals or with the time
first, a web address as the first line, a cookie banner and a menu above the story. The headline stays the title, the
date is the one the page states, and no line of story text is lost. Pages written here, not copies of Q5's."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.corpus.parser import find_stated_date, parse_page

HEAD = "Storm closes schools across three counties"
P1 = "PORTLAND (AP) - Heavy snow closed schools in three counties on Tuesday, officials said in a statement."
P2 = "The county's emergency office said roads would stay closed until the weekend."


def parse(text: str):
    return parse_page(text, "page.txt")


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize("line,byline", [
    ("By Maria Lopez, Health Correspondent", "Maria Lopez, Health Correspondent"),
    ("By Maria Lopez, Health correspondent", "Maria Lopez, Health correspondent"),
    ("By Tom Fisher for The Herald", "Tom Fisher for The Herald"),
    ("By Ana Ruiz and Li Wei", "Ana Ruiz and Li Wei"),
    ("By Ana Ruiz, Li Wei and Sam Okafor", "Ana Ruiz, Li Wei and Sam Okafor"),
    ("By Staff reporter", "Staff reporter"),
    ("Omar Haddad", "Omar Haddad"),  # names alone, by the date line
    ("Omar Haddad and Lena Berg, Reuters", "Omar Haddad and Lena Berg, Reuters"),
])
@pytest.mark.parametrize("date_line", ["Updated 2 April 2024", "Last updated: 2 April 2024", "Published April 2, 2024"])
def test_the_headline_stays_the_title_over_a_byline_and_a_date_line(line: str, byline: str, date_line: str) -> None:
    result = parse(page(HEAD, line, date_line, P1, P2))
    [a] = result.articles
    assert a.title == HEAD
    assert a.byline == byline
    assert a.date == dt.date(2024, 4, 2)
    assert a.dateline == "PORTLAND"
    assert result.fates[0].role == "title" and not result.fates[0].dropped


def test_a_wire_credit_line_is_the_byline_when_the_page_has_none() -> None:
    [a] = parse(page(HEAD, "April 2, 2024", P1, P2, "Reporting by Sam Cole; Editing by Ann Ray")).articles
    assert a.byline == "Reporting by Sam Cole; Editing by Ann Ray"
    assert a.body == [P1.split(" - ", 1)[1], P2]


@pytest.mark.parametrize("line", ["Team Officials Meet With Coach", "Crews Return To Hills"])
def test_a_title_case_sub_headline_is_no_byline(line: str) -> None:
    [a] = parse(page(HEAD, line, "Updated 2 April 2024", P1, P2)).articles
    assert a.title == HEAD and a.byline is None
    assert line in a.body  # kept, not lost


#: One day, written the ways pages write it.
APRIL_2 = [
    "April 2, 2024", "2 April 2024", "2024-04-02", "Tuesday 2 April 2024 09:15 BST", "Apr 2, 2024 at 9:15 a.m. ET",
    "April 2, 2024 · 9:15 AM", "TUESDAY, APRIL 2, 2024", "Tue Apr 2, 2024 6:50pm EDT",
    "April 2nd, 2024 12:30pm EDT", "9:53 AM, TUE 2 APR 2024", "1052 GMT (1852 HKT), April 2, 2024",
]


@pytest.mark.parametrize("line,date", [(line, dt.date(2024, 4, 2)) for line in APRIL_2] + [
    ("22/4/2024", dt.date(2024, 4, 22)),  # only one order is a date
    ("4/22/2024", dt.date(2024, 4, 22)),
    ("22.04.2024", dt.date(2024, 4, 22)),
    ("2/4/2024", None),  # 2 April or February 4: not guessed
])
@pytest.mark.parametrize("with_byline", [False, True])
def test_a_date_alone_under_the_headline_is_the_story_date(line: str, date: dt.date | None, with_byline: bool) -> None:
    lines = [HEAD, "By Maria Lopez", line, P1, P2] if with_byline else [HEAD, line, P1, P2]
    [a] = parse(page(*lines)).articles
    assert a.title == HEAD
    assert a.date == date
    assert a.date_source == ("date line" if date else "undated")
    assert a.dateline == "PORTLAND"  # found after the date line
    assert line not in a.body


def test_an_ambiguous_numeric_date_is_ordered_by_the_pages_address() -> None:
    text = page("https://news.example.org/2024/04/02/storm-schools", HEAD, "04/02/2024 10:15 AM", P1)
    [a] = parse(text).articles
    assert a.date == dt.date(2024, 4, 2)
    [b] = parse(page(HEAD, "04/02/2024 10:15 AM", P1)).articles
    assert b.date is None
    assert find_stated_date("04/02/2024", dt.date(2024, 2, 4)) == (dt.date(2024, 2, 4), "")
    assert find_stated_date("04/02/24", dt.date(2024, 4, 2))[0] == dt.date(2024, 4, 2)


@pytest.mark.parametrize("line,date,source", [
    ("PUBLISHED: TUESDAY, APRIL 2, 2024, 1:32 PM", dt.date(2024, 4, 2), "published line"),
    ("PUBLISHED: 22:07 GMT, 2 April 2024", dt.date(2024, 4, 2), "published line"),
    ("PUBLISHED: 02:31 GMT, 2 April 2024 | UPDATED: 22:19 GMT, 3 April 2024", dt.date(2024, 4, 2), "published line"),
    ("Posted April 2nd, 2024 at 5:19 pm", dt.date(2024, 4, 2), "published line"),
    ("Published 12:17 am, Tuesday, April 2, 2024", dt.date(2024, 4, 2), "published line"),
    ("Updated 4/22/2024 1:41 PM", dt.date(2024, 4, 22), "updated line"),
    ("UPDATED 3:09 AM EST Apr 2, 2024", dt.date(2024, 4, 2), "updated line"),
    ("Published time: April 2, 2024 02:03", dt.date(2024, 4, 2), "published line"),
    ("Story Created: Apr 2, 2024 at 9:56 AM AKDT", dt.date(2024, 4, 2), "published line"),
    ("POSTED: 1052 GMT (1852 HKT), April 2, 2024", dt.date(2024, 4, 2), "published line"),
])
def test_published_and_updated_lines_in_the_ways_sites_write_them(line: str, date: dt.date, source: str) -> None:
    result = parse(page(HEAD, line, P1, P2))
    [a] = result.articles
    assert (a.date, a.date_source) == (date, source)
    assert a.dateline == "PORTLAND"  # the line is no dateline ("PUBLISHED") and splits nothing
    assert result.fates[2].role == "date"


@pytest.mark.parametrize("line,why", [
    ("Updated 3 hours ago", "an age is not a date"),
    ("Updated 4:08 p.m. ET", "a time alone is not a date"),
    ("Updated 2/4/2024 1:41 PM", "day and month could be either way round"),
])
def test_a_date_line_that_states_no_date_says_why(line: str, why: str) -> None:
    result = parse(page(HEAD, line, P1))
    assert result.articles[0].date is None
    assert why in result.fates[2].note


def test_a_date_line_is_never_a_story_title() -> None:
    text = page(HEAD, "2 April 2024", "Last updated at 22:46 GMT", P1, P2)
    [a] = parse(text).articles
    assert a.title == HEAD and a.date == dt.date(2024, 4, 2)


def test_a_sub_headline_under_the_headline_is_no_story_of_its_own() -> None:
    text = page(HEAD, "Snowfall Set To Continue Through The Week", "Published April 2, 2024", P1, P2)
    [a] = parse(text).articles
    assert a.title == HEAD and a.date == dt.date(2024, 4, 2)


@pytest.mark.parametrize("url,source", [
    ("http://www.citytimes.example.com/2024/04/02/storm-closes-schools.html", "citytimes.example.com"),
    ("https://news.example.org/a/123", "news.example.org"),
    ("www.example.net/storm", "example.net"),
])
def test_a_web_address_line_is_the_pages_address_never_its_title(url: str, source: str) -> None:
    for lines in ([url, HEAD, "April 2, 2024", P1, P2], [url, "April 2, 2024", HEAD, P1, P2],
                  [url, HEAD, "Published April 2, 2024", P1, P2]):
        result = parse(page(*lines))
        [a] = result.articles
        assert a.title == HEAD and a.date == dt.date(2024, 4, 2)
        assert a.source == source
        assert url not in a.text
        assert result.fates[0].role == "address"


def test_an_outlet_the_page_states_beats_its_address() -> None:
    text = page("https://www.aggregator.example.com/x", "Main story about the vote",
                "The council voted on a new budget for the coming year after a long debate.",
                "More stories", "Daily Bugle", "2 days ago", "Turnout hits a record high",
                "Officials said turnout had reached a record high across the region.")
    main, listed = parse(text).articles
    assert main.source == "aggregator.example.com"
    assert listed.source == "Daily Bugle"


def test_cookie_banner_and_menu_are_furniture_and_a_plain_dated_second_story_is_its_own() -> None:
    text = page("This site uses cookies. Accept all cookies", "Home | News | Sport | Weather | Log in",
                HEAD, "Updated 1 April 2024", P1, P2, "Snow covers a road near the coast. Photo: Reuters",
                "Ferry services resume after strike", "April 2, 2024", "By Lena Berg",
                "DOVER - Ferry services resumed on Tuesday after a two-day strike ended, the operator said.",
                "Passengers were told to expect delays.")
    result = parse(text)
    first, second = result.articles
    assert first.title == HEAD and first.date == dt.date(2024, 4, 1)
    assert first.captions == ["Snow covers a road near the coast. Photo: Reuters"]
    assert second.title == "Ferry services resume after strike"
    assert second.date == dt.date(2024, 4, 2) and second.byline == "Lena Berg" and second.dateline == "DOVER"
    assert [f.role for f in result.fates[:3:2]] == ["boilerplate", "navigation"]
    assert result.fates[2].note == "a menu (short items between separators)"


def test_a_title_case_headline_of_a_second_story_stays_its_title() -> None:
    text = page("https://www.citytimes.example.com/front", HEAD, P1, P2, "Markets Rally Again", "Updated 2 April 2024",
                "Shares rose for a third day on Tuesday as investors bought technology stocks.")
    first, second = parse(text).articles
    assert second.title == "Markets Rally Again" and second.byline is None
    assert first.source == second.source == "citytimes.example.com"  # the page's address names both


def test_a_second_story_with_a_byline_over_its_date_line_keeps_its_headline() -> None:
    text = page(HEAD, P1, P2, "Ferry services resume after strike", "By Lena Berg, Transport correspondent",
                "Published April 2, 2024", "Passengers were told to expect delays on Tuesday morning.")
    first, second = parse(text).articles
    assert second.title == "Ferry services resume after strike"
    assert second.byline == "Lena Berg, Transport correspondent" and second.date == dt.date(2024, 4, 2)


def test_a_headline_over_a_related_block_never_takes_a_related_link_as_its_text() -> None:
    text = page("Home | News | Sport | Weather", HEAD, "Related Articles", "Ferry services resume after strike",
                "What we know so far")
    result = parse(text)
    for a in result.articles:
        assert "Ferry services" not in a.text and "What we know" not in a.text
    assert [f.role for f in result.fates if "Ferry" in f.text] == ["related"]


def test_a_date_alone_deep_in_a_story_is_its_text_and_a_sentence_with_a_date_no_date_line() -> None:
    timeline = [HEAD, P1, P2, "The county gave this timeline of the closures.", "Officials met again.",
                "Roads were salted overnight.", "March 3, 2024", "The first storm warning was issued."]
    [a] = parse(page(*timeline)).articles
    assert a.date is None and "March 3, 2024" in a.body
    [b] = parse(page(HEAD, "The storm began on April 2, 2024 in the north.", P2)).articles
    assert b.date is None and b.body[0].startswith("The storm began")


def test_explain_says_what_became_of_a_fallback_title_and_a_dropped_heading() -> None:
    result = parse(page("the storm closed schools on Tuesday. Officials said roads would reopen soon.", P2))
    assert result.fates[0].role == "title+body" and "title" in result.fates[0].note
    dropped = parse(page("Storm closes schools", "Reuters"))
    assert dropped.articles == []
    assert dropped.fates[0].role == "dropped" and "was title" in dropped.fates[0].note


def test_a_date_alone_under_a_sub_headline_is_still_the_story_date() -> None:
    [a] = parse(page(HEAD, "Snowfall set to continue through the week", "April 2, 2024", P1, P2)).articles
    assert a.title == HEAD and a.date == dt.date(2024, 4, 2)


def test_furniture_above_a_repeated_title_belongs_to_its_story() -> None:
    text = page("https://www.citytimes.example.com/storm", "We use cookies to improve your experience", HEAD,
                "Updated 2 April 2024", "Share", HEAD, P1, P2)
    result = parse(text)
    [a] = result.articles
    assert a.title == HEAD and a.source == "citytimes.example.com"
    assert [f.role for f in result.fates[:3:2]] == ["address", "boilerplate"]


def test_a_date_alone_below_a_long_heading_block_is_still_the_story_date() -> None:
    text = page("We use cookies to improve your experience", "Home | News | Sport | Weather", HEAD, "Share", "Print",
                "By Maria Lopez", "April 2, 2024", P1, P2)
    [a] = parse(text).articles
    assert a.title == HEAD and a.date == dt.date(2024, 4, 2) and a.dateline == "PORTLAND"


@pytest.mark.parametrize("lines,title,source", [
    (["https://www.dailycourier.example.com/storm", f"{HEAD} | The Daily Courier"], HEAD, "The Daily Courier"),
    (["http://www.bbc.co.uk/news/1", f"{HEAD} - BBC News"], HEAD, "BBC News"),
    ([f"{HEAD} - Reuters"], HEAD, "Reuters"),
    ([f"{HEAD} | What Happens Next"], f"{HEAD} | What Happens Next", None),  # the headline's own words
    (["https://www.dailycourier.example.com/storm", f"{HEAD} | Live Updates"], f"{HEAD} | Live Updates",
     "dailycourier.example.com"),
])
def test_an_outlet_after_the_headline_is_the_source_when_it_surely_is_one(lines, title, source) -> None:
    [a] = parse(page(*lines, P1, P2)).articles
    assert (a.title, a.source) == (title, source)


def test_a_time_alone_at_a_storys_top_is_no_title_and_no_text() -> None:
    result = parse(page("https://www.example-blog.com/2024/04/storm", "8:24am:", P2, P1))
    [a] = result.articles
    assert a.title.startswith("The county's emergency office") and a.body[0] == P2
    assert result.fates[2].role == "date" and "a time alone" in result.fates[2].note


#: Date lines of German, French and Spanish pages: what each states, and as what.
FOREIGN = {
    "05.02.2025, 11:20 Uhr": "2025-02-05 date line",
    "Aktualisiert am 5. März 2025, 10:15 Uhr": "2025-03-05 updated line",
    "Mis à jour le 30 janvier 2025 à 18h05": "2025-01-30 updated line",
    "Publié le 1er mars 2025 à 09h00": "2025-03-01 published line",
    "20 de febrero de 2025": "2025-02-20 date line",
    "Actualizado: 3 de marzo de 2025 a las 10:15": "2025-03-03 updated line",
}


@pytest.mark.parametrize("line", FOREIGN)
def test_date_lines_of_german_french_and_spanish_pages(line: str) -> None:
    result = parse(page("Le gouvernement présente son budget", line, "By Élodie Lefèvre",
                        "PARIS — Le gouvernement a présenté jeudi son budget pour l'année prochaine.", P2))
    [a] = result.articles
    assert f"{a.date} {a.date_source}" == FOREIGN[line]
    assert a.byline == "Élodie Lefèvre" and a.dateline == "PARIS"


def test_a_sentence_of_a_french_page_with_a_date_in_it_is_text() -> None:
    line = "Le 3 mars 2025, le ministre a présenté le budget."
    [a] = parse(page("Le gouvernement présente son budget", line, P2)).articles
    assert a.date is None and a.body[0] == line


@pytest.mark.parametrize("furniture,over,under,stories", [
    ([], [], [], 1),
    (["Share on Facebook"], [], [], 2),
    ([], ["By Lena Berg"], [], 2),
    ([], [], ["By Lena Berg"], 2),
    ([], [], ["DOVER - The ferry ran again on Tuesday."], 2),
])
def test_a_sub_heading_over_a_date_in_a_storys_text_opens_no_story_without_a_storys_cues(furniture, over, under,
                                                                                          stories) -> None:
    """"Key dates" / "Jan. 5, 2024" in a story's text is no new story; after furniture, or with a byline or a
    dateline by the date, it is one."""
    text = page(HEAD, P1, P2, *furniture, "Ferry services resume", *over, "January 5, 2024", *under,
                "The court ruled on the appeal after a long hearing in the city.")
    articles = parse(text).articles
    assert len(articles) == stories
    assert articles[-1].title == (HEAD if stories == 1 else "Ferry services resume")
