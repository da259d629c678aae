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

def test_a_leader_of_an_administration_stays_a_person_where_a_headline_glued_his_name_to_an_org():
    text = ("Obama White House reverses Bush rule on species. The Obama administration overturned one of the "
            "rules. Petitions went to officials in the Obama administration.")
    assert [k for t, k in spans(text) if t == "Obama"] == ["person", "person"]


def test_a_lone_name_joined_by_and_to_a_person_is_a_person():
    text = "Interior Secretary Ken Salazar spoke first. Salazar and Lock said the two departments will decide."
    assert ents(text)["Lock"] == "person"
    text = ("He floored Lennox Lewis in 2001. The HBO team today was Lampley, Kellerman and Lennox, "
            "and they did their usual bit.")
    found = ents(text)
    assert (found["Lampley"], found["Kellerman"], found["Lennox"]) == ("person", "person", "person")
    # ... not an organisation's partner
    assert ents("Pfizer said it would cut prices. Pfizer and Moderna said the doses were safe.")["Moderna"] == "org"
    # ... nor a firm listed with a person named in full, nor one the article names as a firm elsewhere
    assert ents("The deal between Elon Musk and Twitter collapsed.")["Twitter"] == "org"
    assert ents("The lawsuit names Tim Cook, Google and Apple as defendants.")["Google"] == "org"
    found = spans("Jeff Bezos founded Amazon in 1994. Amazon and Bezos were sued on Monday.")
    assert [k for t, k in found if t == "Amazon"] == ["org", "org"]


def test_the_short_form_of_a_given_name_named_in_full_is_that_person():
    text = "Wladimir Klitschko won again on Saturday. Wlad is as good as he's ever been."
    assert ents(text)["Wlad"] == "person"
    # ... not a firm whose name starts a surname
    assert ents("Analyst Jane Appleby said Apple would miss its target.")["Apple"] == "org"
    assert ents("Chris Uberti said Uber would appeal the ruling.")["Uber"] == "org"


def test_a_lone_name_in_apposition_to_a_role_noun_is_a_person():
    assert ents("Officers later found Tembo, a resident of the camp, hiding in a shed.") == {"Tembo": "person"}
    assert ents("Kowalczyk, a lawyer for the family, declined to comment.") == {"Kowalczyk": "person"}
    # ... not a company described by its trade
    assert ents("Shares of Zalando, a retailer of shoes, fell.").get("Zalando") != "person"


def test_a_role_played_by_an_actor_is_a_character_a_person():
    found = ents("Lawrence is obligated to reprise her role as Mystique in a sequel.")
    assert found["Mystique"] == "person"


def test_the_hometown_after_a_named_person_with_an_age_is_a_place():
    found = ents("Police said 23-year-old Vishwanand Subryan of Schenectady was taken into custody.")
    assert found == {"Vishwanand Subryan": "person", "Schenectady": "place"}


def test_a_capitalised_word_between_to_and_an_object_pronoun_is_a_verb():
    assert ents("Officers said they had to Taser him to get him out of the car.") == {}
    # ... not a name listed before the pronoun
    assert ents("The letters went to Exxon, him and the mayor.") == {"Exxon": "org"}


def test_an_award_won_n_times_is_no_organisation():
    assert ents("The two-time Gold Glove winner also helped the infield.") == {}


def test_a_title_of_a_portfolio_inside_a_run_leaves_the_person():
    assert ("Scott Russell", "person") in spans("Woodburn Chief of Police Scott Russell was listed in critical condition.")
    assert ("Gillian Bohrer", "person") in spans("He works with Summit's Director of Production Gillian Bohrer daily.")


def test_a_town_in_apposition_to_a_persons_home_town_is_a_place():
    found = ents("Wasilla, Mrs Palin's home town, is 64 kilometres north of Anchorage.")
    assert found["Wasilla"] == "place"
    assert ents("They drove to Gori, his birthplace, on Sunday.") == {"Gori": "place"}


def test_and_inside_an_agency_name_holds_when_another_and_follows():
    found = spans("Agencies must consult the U.S. Fish and Wildlife Service and National Marine Fisheries Service first.")
    assert found == [("U.S. Fish and Wildlife Service", "org"), ("National Marine Fisheries Service", "org")]


def test_the_owner_of_a_house_is_a_person():
    assert ents("Arson was suspected in the burning of the house of Dar Miller last year.") == {"Dar Miller": "person"}
    # ... not a fashion or publishing house's name
    assert ents("He joined the fashion house of Dior in 1990 and later left.") == {"Dior": "org"}


def test_a_title_in_capitals_amid_lower_case_words_is_no_organisation():
    text = "Chris understands the world of NEW MOON and has the skill set to film it."
    assert "NEW MOON" not in ents(text)
    # a headline set in capitals keeps its names
    assert ents("REPORT: RED SOX MAKE HUGE OFFER TO TEIXEIRA\nThe team said so.").get("RED SOX") == "org"


def test_a_town_named_by_its_fire_department_stays_a_place_alone():
    text = ("Crews from the Palmer Fire Department came at dawn. Owen said the Palmer water system held, "
            "and voters in Palmer had approved a bond.")
    found = spans(text)
    assert ("Palmer Fire Department", "org") in found
    assert [k for t, k in found if t == "Palmer"] == ["place", "place"]
    # ... a company's short name stays the company's
    found = spans("Kraft Foods said profit rose. Kraft makes Oreo cookies.")
    assert [k for t, k in found if t == "Kraft"] == ["org"]


def test_a_scale_and_an_era_are_no_names():
    assert ents("Aftershocks varied from 2.8 to 3.8 degrees on the Richter scale on Monday.") == {}
    assert ents("They were built to wrench the country out of The Great Depression in the 1930s.") == {}
