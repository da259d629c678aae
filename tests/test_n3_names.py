"""Names (N3): nicknames before a surname, titles in a `person:` search, and a person's own party or club after the
name in a headline, each with the near misses that must stay as they were."""

from __future__ import annotations

from newsreader.extract import extract, extract_story, extract_title


def names(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in extract(text).entities]


def title_names(title: str, context: str) -> list[tuple[str, str]]:
    found = extract_story(context, [])
    return [(e.text, e.kind) for e in extract_title(title, context, found=found).entities]


def test_a_nickname_or_short_given_name_before_a_surname_is_a_person() -> None:
    """With no other sign, a name of two words whose first is no known given name was an organisation."""
    assert names("Babe Ruth's 1927 batting average was .356.") == [("Babe Ruth", "person")]
    assert ("Hank Aaron", "person") in names("Hank Aaron hit his 715th home run in Atlanta in 1974.")
    assert names("Lou Gehrig and Babe Ruth batted back to back.") == [("Lou Gehrig", "person"), ("Babe Ruth", "person")]
    assert ("Buzz Aldrin", "person") in names("Buzz Aldrin walked on the moon in July 1969.")
    assert ("Tiger Woods", "person") in names("Tiger Woods missed the cut at the tournament.")


def test_a_nickname_before_an_english_word_stays_a_brand() -> None:
    """A nickname that the English list has as never a name counts only before a surname that is no such word."""
    assert names("Magic Leap raised $500 million from investors.") == [("Magic Leap", "org")]
    assert names("Tiger Global led the funding round.") == [("Tiger Global", "org")]
    assert names("Tiger Brands recalled its products.") == [("Tiger Brands", "org")]
    # a word name that is a name too in the English list keeps its old reading ("Grant", "Bill")
    assert ("Ray Kelly", "person") in names("Ray Kelly led the department for 12 years.")


def test_a_persons_own_party_club_or_court_after_the_name_in_a_headline_leaves_the_person() -> None:
    assert title_names("Angela Merkel Party Loses Seats", "") == [("Angela Merkel", "person")]
    assert title_names("ANGELA MERKEL PARTY LOSES SEATS", "") == [("ANGELA MERKEL", "person")]
    assert ("Lionel Messi", "person") in title_names("Lionel Messi Club Wins Again", "")
    assert title_names("Oscar Pistorius Court Hearing Delayed", "") == [("Oscar Pistorius", "person")]
    assert title_names("Benjamin Netanyahu Coalition Collapses", "") == [("Benjamin Netanyahu", "person")]


def test_institutions_named_after_people_stay_whole_in_a_headline() -> None:
    assert title_names("Walt Disney Company Posts Loss", "") == [("Walt Disney Company", "org")]
    body = "The actress checked into a clinic in the desert on Friday, her spokesman said."
    assert ("Betty Ford Center", "place") in title_names("Tara Reid Enters Betty Ford Center", body)
    # a party named without a person's given name first stays one
    assert title_names("Christian Democratic Party Wins Vote", "") == [("Democratic Party", "org")]
