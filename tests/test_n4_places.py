"""Places (N4): a town at an end or a stop of a route ("ferries between Dover and Calais", "traffic through Eastfield"),
and a person whose surname heads places ("Jon Park of the City Council said"), each with the near misses that must
stay as they were."""

from __future__ import annotations

from newsreader.extract import extract


def names(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in extract(text).entities]


def test_a_known_town_on_a_route_is_a_place() -> None:
    """A town of the gazetteer's list needs a cue; "between X and Y", "left X", "through X" were none, and the name
    fell to an organisation."""
    assert names("Ferries between Dover and Calais ran again on Wednesday.") == [("Dover", "place"), ("Calais", "place")]
    assert names("Ferries left Dover on Wednesday.") == [("Dover", "place")]
    assert names("Lorries queued for hours on the road through Dover.") == [("Dover", "place")]
    # the towns cued before stay places ("near", "outside"); a firm named in full stays one
    assert names("Protesters gathered outside Dover on Monday.") == [("Dover", "place")]
    assert names("She left Dover Corp in 2019.") == [("Dover Corp", "org")]
    # two sides of a match are clubs, not a route's ends
    assert ("Dover", "place") not in names("The match between Dover and Calais ended 2-1.")


def test_an_unknown_name_on_a_route_of_transport_is_a_place() -> None:
    """A name no list knows is a place at an end of a route only after a word of transport."""
    assert names("Ferries between Bayport and the mainland ran again.") == [("Bayport", "place")]
    assert names("Officials said traffic would be sent through Eastfield.") == [("Eastfield", "place")]
    assert names("Trains from Bayport to Eastfield were cancelled.") == [("Bayport", "place"), ("Eastfield", "place")]
    assert names("Ferries between Bayport and Eastfield ran again.") == [("Bayport", "place"), ("Eastfield", "place")]
    assert names("The ferry from Bayport docked late.") == [("Bayport", "place")]
    text = "Trains to Bayport were cancelled. Bayport officials said the line would reopen."
    assert names(text) == [("Bayport", "place"), ("Bayport", "place")]


def test_firms_in_the_same_frames_stay_firms() -> None:
    """"between", "from ... to" and "through" name firms as often, with no word of transport before them."""
    assert names("Talks between Apple and Samsung broke down.") == [("Apple", "org"), ("Samsung", "org")]
    assert names("Apple moved production from Foxconn to Pegatron.") == [
        ("Apple", "org"), ("Foxconn", "org"), ("Pegatron", "org")]
    assert names("The phones were sold through Amazon.") == [("Amazon", "org")]
    assert names("The deal between Bayport and the union failed.") == [("Bayport", "org")]
    assert names("The executive left Apple in 2019.") == [("Apple", "org")]
    # a word of transport before a purchase or a switch is no route ("booked through", "switched from ... to")
    assert names("Passengers who booked through Expedia got refunds.") == [("Expedia", "org")]
    assert names("Commuters switched from Uber to Lyft.") == [("Uber", "org"), ("Lyft", "org")]
    assert names("Web traffic through Google rose 5 percent.") == [("Google", "org")]
    assert names("He sold his bus to Stagecoach last year.") == [("Stagecoach", "org")]
    assert names("The firm bought two ferries from Stena in 2019.") == [("Stena", "org")]
    # "passed", "ran" are no words of transport: people, firms and banks at a handover's or a payment's ends
    assert [kind for _, kind in names("The leadership passed from Blair to Brown in 2007.")] == ["person", "org"]
    assert names("Sales ran from Apple to Dell.") == [("Apple", "org"), ("Dell", "org")]
    assert ("Barclays", "org") in names("The money passed through Barclays before reaching Dubai.")


def test_one_name_is_one_kind_in_a_story() -> None:
    """A name typed a place by a cue in one sentence is a place where no cue types it."""
    text = "Ferries between Bayport and the mainland ran again. The strike in Bayport ended on Friday."
    assert names(text) == [("Bayport", "place"), ("Bayport", "place")]
    text = "The strike in Bayport ended on Friday. Union leaders praised Bayport for its patience."
    assert names(text) == [("Bayport", "place"), ("Bayport", "place")]


def test_a_given_name_and_a_surname_that_heads_places_is_a_person_who_speaks() -> None:
    """"Park" heads places ("Victoria Park"): "Jon Park of the City Council said" was a place."""
    assert names("Jon Park of the City Council said the road would close.") == [
        ("Jon Park", "person"), ("City Council", "org")]
    assert names("Jon Park said the road would close.") == [("Jon Park", "person")]
    assert names("Jon Park, who chairs the committee, voted against.") == [("Jon Park", "person")]
    # a park named alone, or "the" before it, stays a place
    assert names("Crowds filled Victoria Park on Sunday.") == [("Victoria Park", "place")]
    assert names("The Albert Park said to be the oldest was closed.") == [("Albert Park", "place")]
    assert names("Grant Park was closed on Monday.") == [("Grant Park", "place")]


def test_a_person_named_with_a_cue_is_that_person_where_no_cue_stands() -> None:
    """One name, one kind in a story: "Jon Park had met officials" stayed a park, "Olu Adeyemi had met officials" an
    organisation (no list knows "Olu") beside the same name typed a person by a cue."""
    text = ("Jon Park of the City Council said the road would close. Officials said that Jon Park had met the "
            "contractors in Bayport.")
    assert [kind for word, kind in names(text) if word == "Jon Park"] == ["person", "person"]
    text = ("Olu Adeyemi of the Harbour Authority said the port would open. The minister said that Olu Adeyemi "
            "would lead the talks.")
    assert [kind for word, kind in names(text) if word == "Olu Adeyemi"] == ["person", "person"]
    assert ("Jon Park", "person") in names("Ferry strike ends\nBy Jon Park\n\nFerries ran again on Monday.")
    # a firm that reports on itself stays one beside its founder
    text = "Charles Schwab said its profit rose. Charles Schwab, the founder, said he was pleased."
    assert names(text) == [("Charles Schwab", "org"), ("Charles Schwab", "person")]
    assert names("By Victoria Park the road turns left.") == [("Victoria Park", "place")]
