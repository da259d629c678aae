"""Entity rules from a fresh hand-judged audit of unseen news (helper E4's round, sample seed 4041),
each on hand-made sentences: organisations that were people, places, no names or longer spans."""

from __future__ import annotations

from newsreader.extract import extract


def ents(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in extract(text, None).entities}


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in extract(text, None).entities]


def test_an_abbreviated_district_attorney_is_a_title():
    # "Dist. Atty." (Los Angeles Times style): the county before it stays a place, the title leaves the name
    assert spans("Los Angeles County Dist. Atty. Steve Cooley said he would file charges.") == [
        ("Los Angeles County", "place"), ("Steve Cooley", "person")]
    assert spans("Asked about it, Dist. Atty. Jane Moss declined to comment.") == [("Jane Moss", "person")]


def test_given_names_the_census_lists_leave_out():
    assert ents("He floored Lennox Lewis in 2001 for the title.") == {"Lennox Lewis": "person"}
    assert ents('"I do not know," said Maral, who declined to give her surname.') == {"Maral": "person"}
    assert ents("Maddie was revered by clients and staff, the statement said.") == {"Maddie": "person"}
