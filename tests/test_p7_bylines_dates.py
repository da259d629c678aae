"""Bylines and date lines where real pages put them (Q8 #3, #4, #6, #8, #12): after a standfirst, in other
languages ("Par", "Von", "Por", "di", "Door"), Italian, Portuguese and Dutch dates, a place before the date, a wire
story's "CITY, Month D (Agency) -" dateline, an age after a date and a blog's "Posted on DATE by NAME" line. Before,
each left its story undated or without a byline, the line kept in the body (and its words made into entities)."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import date_statement, parse_page

TEXT = "The regional council approved the plan on Tuesday after a long debate, officials said on Wednesday.\n"


def one(page: str):
    (article,) = parse_page(page, "p.txt").articles
    return article


@pytest.mark.parametrize("line, names", [
    ("Par Élodie Martin et Paul Durand", "Élodie Martin et Paul Durand"),
    ("Von Anna Schmidt und Jonas Weber", "Anna Schmidt und Jonas Weber"),
    ("Por Lucía Fernández", "Lucía Fernández"),
    ("di Marco Rossi e Giulia Verdi", "Marco Rossi e Giulia Verdi"),
    ("Door Pieter van Dijk", "Pieter van Dijk"),
    ("Par Le Courrier avec AFP", "Le Courrier avec AFP"),
])
def test_a_byline_in_another_language_is_read_as_by(line: str, names: str) -> None:
    """The names without the word, as "By" gives them; the line leaves the body."""
    article = one(f"Regional plan wins approval\n{line}\nMay 3, 2024\n{TEXT}")
    assert article.byline == names and str(article.date) == "2024-05-03"
    assert line not in article.text


@pytest.mark.parametrize("line", [
    "Par ailleurs le conseil a voté",  # French "par" opening a sentence
    "Von Miller Signs With Bills",  # a headline's words after "Von"
    "Di Maria Scores Twice",  # "Di" capitalised opens a headline, never an Italian byline
])
def test_a_sentence_or_headline_after_the_word_is_no_byline(line: str) -> None:
    article = one(f"Regional plan wins approval\n{line}\n{TEXT}")
    assert article.byline is None and line in article.text


@pytest.mark.parametrize("line, date, kind", [
    ("Pubblicato il 12 giugno 2023 alle 9:15", "2023-06-12", "published line"),
    ("Aggiornato il 4 dicembre 2023", "2023-12-04", "updated line"),
    ("Publicado em 7 de outubro de 2022, às 14h20", "2022-10-07", "published line"),
    ("Gepubliceerd op 21 maart 2024 om 08:40", "2024-03-21", "published line"),
    ("Publicado el 9 de julio de 2023", "2023-07-09", "published line"),
    ("mercoledì 17 gennaio 2024", "2024-01-17", "date line"),
    ("Oct 2, 2024 6:05 PM GMT+2 Updated 5 hours ago", "2024-10-02", "date line"),
    ("Publié le 2 février 2024 à 07h15 Temps de lecture 4 min.", "2024-02-02", "published line"),
    ("Publié le 2 février 2024 à 07h15, mis à jour il y a 3 heures", "2024-02-02", "published line"),
    ("9 de julio de 2023, actualizado hace 2 horas", "2023-07-09", "date line"),
    ("12 giugno 2023, aggiornato 5 ore fa", "2023-06-12", "date line"),
])
def test_date_lines_in_more_languages_and_with_an_age_after(line: str, date: str, kind: str) -> None:
    article = one(f"Regional plan wins approval\n{line}\n{TEXT}")
    assert (str(article.date), article.date_source) == (date, kind)
    assert line not in article.text


def test_a_sentence_with_a_date_in_it_is_no_date_line() -> None:
    """The new words ("il", "el", "em", "op") belong to a date line only around a date and its times."""
    assert date_statement("Il governo cade il 3 maggio 2024") is None
    assert date_statement("El pleno vota el 3 de mayo de 2024") is None


@pytest.mark.parametrize("line, place, date", [
    ("Pueblo, Colo. — Friday, April 5, 2024", "Pueblo, Colo.", "2024-04-05"),
    ("Sevilla - 12 mar 2025 - 09:45 CET", "Sevilla", "2025-03-12"),
    ("OTTAWA, Ont. -- Nov. 2, 2023", "OTTAWA, Ont.", "2023-11-02"),
    ("Frankfurt am Main - 3. Mai 2024", "Frankfurt am Main", "2024-05-03"),
])
def test_a_place_before_a_date_line_is_the_dateline(line: str, place: str, date: str) -> None:
    article = one(f"Regional plan wins approval\n{line}\n{TEXT}")
    assert (article.dateline, str(article.date)) == (place, date)
    assert line not in article.text


def test_a_wire_dateline_with_its_day_fills_the_dateline() -> None:
    """"PARIS, June 4 (Reuters) - ..." is the dateline as "LOS ANGELES (AP) — ..." is."""
    article = one("Euro firms on rate bets\nJune 4, 2024\nPARIS, June 4 (Reuters) - The euro rose against the dollar "
                  "on Tuesday as traders raised their bets on a cut.\n")
    assert article.dateline == "PARIS"
    assert article.text.startswith("The euro rose")


@pytest.mark.parametrize("line", [
    "Posted on March 3, 2024 March 4, 2024 by Tom Okafor",  # published, then updated, then the author
    "Posted on March 3, 2024 by Tom Okafor",
    "Posted by Tom Okafor on March 3, 2024",
])
def test_a_blogs_posted_on_line_gives_date_and_byline(line: str) -> None:
    article = one(f"Town hall to reopen after repairs\n{line}\n{TEXT}")
    assert (article.byline, str(article.date)) == ("Tom Okafor", "2024-03-03")
    assert "Posted" not in article.text


STANDFIRST = "Ministers say the scheme will cut waiting lists by a third within two years."


def test_a_byline_after_a_standfirst_that_ends_as_a_sentence() -> None:
    """Headline / standfirst / byline / text (the NYT's, the Guardian's head): the byline, and the standfirst is the
    summary."""
    article = one(f"Hospitals get new funding\n{STANDFIRST}\nBy Priya Natarajan\n\n{TEXT}")
    assert article.byline == "Priya Natarajan"
    assert article.summary == [STANDFIRST] and STANDFIRST not in article.text


def test_a_section_label_over_the_standfirst_is_dropped() -> None:
    result = parse_page(f"Hospitals get new funding\nHealth policy\n{STANDFIRST}\nBy Priya Natarajan\n4 June 2024\n{TEXT}",
                        "p.txt")
    (article,) = result.articles
    assert (article.byline, str(article.date)) == ("Priya Natarajan", "2024-06-04")
    assert article.summary == [STANDFIRST] and article.text == TEXT.strip()
    label = result.fates[1]
    assert (label.role, label.dropped) == ("navigation", True), label


def test_a_date_then_a_foreign_byline_after_the_standfirst() -> None:
    """Le Monde's order: standfirst, "Publié le ...", "Par ..."."""
    standfirst = "Le gouvernement promet de réduire les délais d’attente d’un tiers en deux ans."
    article = one(f"Hôpitaux : un nouveau plan\n{standfirst}\nPublié le 4 juin 2024 à 18h04, modifié le 5 juin 2024 "
                  f"à 09h12\nPar Claire Dubois\n{TEXT}")
    assert (article.byline, str(article.date)) == ("Claire Dubois", "2024-06-04")
    assert article.summary == [standfirst]


def test_a_byline_and_date_line_after_the_standfirst() -> None:
    article = one(f"Hospitals get new funding\n{STANDFIRST}\nPriya Natarajan | June 4, 2024\n{TEXT}")
    assert (article.byline, str(article.date)) == ("Priya Natarajan", "2024-06-04")
    assert article.summary == [STANDFIRST]


def test_names_of_people_replace_a_byline_in_capitals() -> None:
    """A page's markup gave "By NEWS AGENCY"; the text names the reporters."""
    page = (f"date 2024-03-11 Hospitals get new funding\nBy NORDIC NEWS\nGesundheit\n{STANDFIRST}\n"
            f"Von Lena Vogel und Tim Roth\n{TEXT}")
    assert one(page).byline == "Lena Vogel und Tim Roth"


def test_a_short_sentence_before_a_by_line_is_still_text() -> None:
    """(`_standfirst_head`) A first paragraph of a short sentence, or two paragraphs, then "By ...": story text."""
    article = one(f"Hospitals get new funding\nThe scheme is new.\nBy Priya Natarajan\n{TEXT}")
    assert article.byline is None and article.summary == []


def test_the_line_over_the_byline_is_the_headline_when_none_was_found() -> None:
    """A page that opens with a section word, then the headline over the byline: the headline is the title."""
    article = one(f"Politica\nIl governo approva la riforma del lavoro\ndi Marco Rossi\n20 maggio 2024\n{TEXT}")
    assert article.title == "Il governo approva la riforma del lavoro"
    assert (article.byline, str(article.date)) == ("Marco Rossi", "2024-05-20")


@pytest.mark.parametrize("line", ["Temps de lecture : 4 min", "Lesezeit: 3 Min.", "Tempo di lettura 5 min"])
def test_a_reading_time_alone_is_page_furniture(line: str) -> None:
    """Under a byline, "Temps de lecture : 4 min" was the story's first paragraph (and "4 min" a duration)."""
    article = one(f"Regional plan wins approval\nPar Claire Dubois\n{line}\n{TEXT}")
    assert article.byline == "Claire Dubois" and article.text == TEXT.strip()


def test_the_place_line_after_a_byline_is_the_dateline() -> None:
    """El País's head: "Por X", then "Ciudad de México - 03 jun 2024 - 05:30 CEST" (names-shaped, but after the
    byline and a dash: the place)."""
    article = one(f"Regional plan wins approval\nPor Ana Ruiz\nSan Luis Potosí - 03 jun 2024 - 05:30 CEST\n{TEXT}")
    assert (article.byline, article.dateline, str(article.date)) == ("Ana Ruiz", "San Luis Potosí", "2024-06-03")


def test_reporting_from_under_the_byline_is_the_dateline() -> None:
    """The NYT's "Reporting from Fresno, Calif." under the byline was the story's first paragraph."""
    article = one(f"Small farms are closing\n{STANDFIRST}\nBy Sarah Lang\nReporting from Fresno, Calif.\n"
                  f"Published March 17, 2024 Updated March 18, 2024, 9:03 a.m. ET\n{TEXT}")
    assert (article.byline, article.dateline, str(article.date)) == ("Sarah Lang", "Fresno, Calif.", "2024-03-17")
    assert article.text == TEXT.strip()
