"""The page parser's known gaps (P8): a place and a date, or a foreign byline, read only in a story's head; a wire
dateline with no agency credit; a names-shaped place before a date; Folha's dotted dates; paid-post and key-points
furniture; a digest of briefs split into its stories."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import parse_page

LEAD = "The district council voted on Tuesday night to approve the new road after a long campaign by residents."
MORE = "The mayor said it was a great day for everyone in the valley and thanked the volunteers."


def one(text: str):
    (article,) = parse_page(text, "p.txt").articles
    return article


@pytest.mark.parametrize("line", ["Breaking News: May 5, 2024", "Latest Update - 3 March 2024",
                                  "Closing Date, 12 April 2024"])
def test_a_label_and_a_date_below_the_head_stay_text(line: str) -> None:
    """Below a story's head (its byline, then a paragraph), a "Label: DATE" line is text: it took the story's date
    and a dateline ("Breaking News") from the third line of the story."""
    article = one(f"Valley road approved after long fight\nBy Jane Smith\n\n{LEAD}\n\n{line}\n\n{MORE}\n")
    assert (article.date, article.dateline) == (None, None)
    assert line in article.body


def test_a_place_and_a_date_in_the_head_still_date_the_story() -> None:
    article = one(f"Valley road approved after long fight\n\nLondon - 3 May 2024\n\n{LEAD}\n\n{MORE}\n")
    assert (article.dateline, str(article.date)) == ("London", "2024-05-03")


def test_a_place_and_a_date_after_a_standfirst_still_date_the_story() -> None:
    """After a standfirst, with no byline or date line above, the head goes on (El País's and Le Monde's layout)."""
    article = one("Valley road approved after long fight\n\nResidents win their ten-year battle for a safer route "
                  f"to the school\n\nLeeds - 3 May 2024\n\n{LEAD}\n\n{MORE}\n")
    assert (article.dateline, str(article.date)) == ("Leeds", "2024-05-03")


def test_a_foreign_byline_in_the_text_stays_text() -> None:
    text = (f"Bahn streikt wieder im ganzen Land\n\nVon Anna Schmidt\n\n{LEAD}\n\n{MORE}\n\n"
            "Von Jonas Weber und Lena Fischer\n\nDie Bahn kritisierte den Streik scharf.\n")
    article = one(text)
    assert article.byline == "Anna Schmidt"
    assert "Von Jonas Weber und Lena Fischer" in article.body


@pytest.mark.parametrize("opening,place", [("WELLINGTON, March 3 - ", "WELLINGTON"),
                                           ("NEW DELHI, Sept. 14 — ", "NEW DELHI"),
                                           ("GAZA CITY, Gaza Strip, May 9 -- ", "GAZA CITY, Gaza Strip")])
def test_a_wire_dateline_with_no_credit_fills_the_dateline(opening: str, place: str) -> None:
    """"CITY, Month D - ..." opening the first paragraph is the dateline, as with an agency's credit after it."""
    article = one(f"Central bank cuts rates again\n\n{opening}{LEAD}\n\n{MORE}\n")
    assert (article.dateline, article.body[0]) == (place, LEAD)


def test_a_wire_dateline_further_down_stays_text() -> None:
    article = one(f"Central bank cuts rates again\n\n{LEAD}\n\nPARIS, March 4 - {MORE}\n")
    assert article.dateline is None and article.body[1].startswith("PARIS, March 4 - ")


@pytest.mark.parametrize("line,place", [("Ciudad de México, 3 de junio de 2024", "Ciudad de México"),
                                        ("Rio de Janeiro — 3 June 2024", "Rio de Janeiro"),
                                        ("Puerto de la Cruz - 4 March 2024", "Puerto de la Cruz"),
                                        ("Buenos Aires | 3 June 2024", "Buenos Aires")])
def test_a_place_of_names_shape_before_a_date_is_the_dateline(line: str, place: str) -> None:
    """With no byline above, a place whose words are shaped as names was the story's byline."""
    article = one(f"Valley road approved after long fight\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.dateline, article.byline, article.date is not None) == (place, None, True)


@pytest.mark.parametrize("line,names", [("Maria de Souza, 3 June 2024", "Maria de Souza"),
                                        ("Anna Schmidt | 3. Mai 2024", "Anna Schmidt")])
def test_names_before_a_date_are_still_the_byline(line: str, names: str) -> None:
    article = one(f"Valley road approved after long fight\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.byline, article.dateline) == (names, None)


def test_the_place_lists_follow_the_extractors(monkeypatch) -> None:
    """After the extractor reads its lists again (a cue file edited while the reader runs), the parser's place
    names are the new gazetteer's."""
    from newsreader.corpus import parser
    from newsreader.extract import resources

    assert parser._a_place("Rio de Janeiro")
    old = resources.gazetteer()
    monkeypatch.setattr(resources, "gazetteer", lambda: resources.Gazetteer(places={}, demonyms={},
                                                                           countries=frozenset()))
    assert not parser._a_place("Rio de Janeiro")
    monkeypatch.setattr(resources, "gazetteer", lambda: old)
    assert parser._a_place("Rio de Janeiro")


@pytest.mark.parametrize("line,date", [("14.mar.2024 às 9h05", "2024-03-14"), ("Atualizado: 4.jun.2024 às 12h05",
                                                                                "2024-06-04"),
                                       ("10.out.2023", "2023-10-10")])
def test_a_month_between_dots_is_a_date(line: str, date: str) -> None:
    """Folha's date line: day, month and year joined by dots, no space."""
    article = one(f"Valley road approved after long fight\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert str(article.date) == date and line not in article.body


@pytest.mark.parametrize("line", ["∙ Paid", "Paid partnership", "• Paid post"])
def test_a_paid_label_is_furniture(line: str) -> None:
    article = one(f"Valley road approved after long fight\nBy Jane Smith\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (article.summary, article.body) == ([], [LEAD, MORE])


def test_a_key_points_heading_is_dropped_and_its_bullets_are_the_summary() -> None:
    """In the head, the bullets under "Key points" are the summary, as bullets there are without it."""
    article = one(f"Valley road approved after long fight\nBy Jane Smith\n\nKey Points\n• Road opens next spring\n"
                  f"• Work starts in May\n\n{LEAD}\n\n{MORE}\n")
    assert (article.summary, article.body) == (["Road opens next spring", "Work starts in May"], [LEAD, MORE])


def test_a_key_points_heading_in_the_text_is_dropped_and_its_items_kept() -> None:
    article = one(f"Valley road approved after long fight\nBy Jane Smith\n\n{LEAD}\n\nKEY TAKEAWAYS:\n\n"
                  f"The road opens next spring.\n\n{MORE}\n")
    assert article.body == [LEAD, "The road opens next spring.", MORE]


DIGEST = ("EVENING ROUNDUP\nFriday 7 June 2024\n\nChile: Port strike ends after ten days\nVALPARAISO — Dock workers "
          "voted on Thursday to return to work after the port authority agreed to a pay rise.\n\nNorway: Oil fund posts "
          "record return\nOSLO (Reuters) — The sovereign wealth fund reported its best half-year on record, helped by "
          "technology shares.\n\nKenya: Finance bill withdrawn\nNAIROBI — President William Ruto withdrew the finance "
          "bill on Wednesday after protests in the capital left several people dead.\n")


def test_a_digest_of_briefs_is_one_story_each() -> None:
    """Each brief has its headline over a paragraph opening with a wire dateline: three stories, each of the
    digest's date (stated once, above the first)."""
    articles = parse_page(DIGEST, "p.txt").articles
    assert [(a.title, a.dateline, str(a.date)) for a in articles] == [
        ("Chile: Port strike ends after ten days", "VALPARAISO", "2024-06-07"),
        ("Norway: Oil fund posts record return", "OSLO", "2024-06-07"),
        ("Kenya: Finance bill withdrawn", "NAIROBI", "2024-06-07")]


def test_briefs_each_under_their_byline_are_stories() -> None:
    text = ("Harbour bridge to close for repairs\nBy Tom Reed\nThe harbour bridge will close for six weeks from Monday "
            "while engineers replace its deck.\n\nLibrary opens late on Thursdays\nBy Ana Ruiz\nThe central library will "
            "open until nine on Thursdays from next week after a petition.\n")
    articles = parse_page(text, "p.txt").articles
    assert [(a.title, a.byline) for a in articles] == [("Harbour bridge to close for repairs", "Tom Reed"),
                                                       ("Library opens late on Thursdays", "Ana Ruiz")]


def test_one_story_with_a_sub_headline_over_a_dateline_stays_whole() -> None:
    """One headline over a dateline is no digest: a sub-headline over a paragraph from another place ("KYIV — ...")
    is the story's."""
    text = (f"Port strike ends after ten days\n{LEAD}\n\nWhat happens next\nKYIV — {MORE}\n\n"
            f"Workers react\n{LEAD}\n")
    (article,) = parse_page(text, "p.txt").articles
    assert article.title == "Port strike ends after ten days" and "What happens next" in article.body


@pytest.mark.parametrize("line,date,kind", [
    ("Written by the news desk, posted in Local Roads on Tuesday, May 7, 2024.", "2024-05-07", "published line"),
    ("Staff report, updated in Transport on 8 May 2024", "2024-05-08", "updated line")])
def test_a_posted_on_meta_line_in_the_head_dates_the_story(line: str, date: str, kind: str) -> None:
    """Q9 #8: "... posted in CATEGORY on DATE." under a blog's headline left its story undated."""
    article = one(f"Valley road approved after long fight\n\n{line}\n\n{LEAD}\n\n{MORE}\n")
    assert (str(article.date), article.date_source, article.body) == (date, kind, [LEAD, MORE])


def test_an_agency_code_before_a_date_and_a_place_in_the_head() -> None:
    article = one(f"Valley road approved after long fight\n\nPTI Jun 4, 2024, 10.05AM IST NEW DELHI:\n\n{LEAD}\n")
    assert (str(article.date), article.dateline, article.body) == ("2024-06-04", "NEW DELHI", [LEAD])


def test_the_head_date_shapes_in_the_text_stay_text() -> None:
    lines = ["Readers posted in the forum on Tuesday, May 7, 2024.", "PTI Jun 4, 2024 NEW DELHI:",
             "The report was posted online (see 3 May 2024)."]
    article = one(f"Valley road approved after long fight\n\n{LEAD}\n\n" + "\n\n".join(lines) + f"\n\n{MORE}\n")
    assert (article.date, article.body) == (None, [LEAD, *lines, MORE])


def test_a_save_date_after_an_age_is_no_publication_date() -> None:
    """"Posted 2 years ago [saved on 3 May 2024]": the date is the copy's, not the story's."""
    article = one(f"Valley road approved after long fight\n\nPosted 2 years ago [saved on 3 May 2024]\n\n{LEAD}\n")
    assert article.date is None
