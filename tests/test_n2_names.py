"""Names (N2, issue #4's entity side): general causes of false and missed names found by reading
news errors, each tried on sentences of other beats and outlets than the one it was found in."""

from __future__ import annotations

from newsreader.extract import extract_story, extract_title


def title_names(title: str, context: str) -> list[tuple[str, str]]:
    found = extract_story(context, [])
    return [(e.text, e.kind) for e in extract_title(title, context, found=found).entities]


def test_a_headline_run_ending_in_a_place_or_organisation_word_keeps_its_names() -> None:
    """Lower-casing "Ford Center" (English words) of a Title Case headline left "Betty" a person."""
    body = "The actress checked into a clinic in the desert on Friday, her spokesman said."
    assert ("Betty", "person") not in title_names("Tara Reid Enters Betty Ford Center", body)
    assert ("Betty Ford Center", "place") in title_names("Tara Reid Enters Betty Ford Center", body)
    got = title_names("Fans Queue Overnight at Madison Square Garden", "Fans queued in the cold for tickets.")
    assert got == [("Madison Square Garden", "place")]
    kinds = title_names("Singer Rushed to Betty Ford Clinic", "The singer was taken to a clinic on Monday.")
    assert ("Betty", "person") not in kinds and any(text == "Betty Ford Clinic" for text, _ in kinds)


def test_a_verb_or_a_lone_name_before_the_word_is_no_such_run() -> None:
    assert title_names("Obama Visits Flood Center", "The president toured the town on Friday.") == []
    assert title_names("Ronaldo Camp Denies Transfer Claims", "The player's agent said nothing.") == [
        ("Ronaldo", "person")]
