"""M11 (review RV21-B findings 1-4): E11's new person rules made firms, towns and a surname wrong. Each case is
invented and fails on the code of E11 (33a936d, the mutant of each test)."""

from __future__ import annotations

import datetime as dt

from newsreader.extract import extract

DAY = dt.date(2020, 3, 4)
#: A neutral English sentence first, so the text is judged English.
PRE = "The meeting ran long on Tuesday in the town hall, and residents asked about the new road. "


def _kinds(text: str) -> set[tuple[str, str]]:
    return {(e["kind"], e["text"]) for e in extract(PRE + text, DAY).to_dict()["entities"]}


def test_firm_opening_a_sentence_with_she_later_stays_a_firm() -> None:
    """A firm opens its sentence and she is someone it did something to: the opener needs a person's verb right
    after it. (Mutant: E11's `_plain_opener` alone.)"""
    assert ("person", "Zorbify") not in _kinds("Zorbify paid the singer after she complained about royalties.")
    assert ("person", "Quantrel") not in _kinds("Quantrel fired the producer after he was accused of misconduct.")


def test_firm_one_letter_from_a_surname_stays_a_firm() -> None:
    """A firm's name is often one letter from a surname (a plural "s", a vowel); without a person's sign of its
    own it is no slip of the pen. (Mutant: E11's `_one_slip` test alone.)"""
    kinds = _kinds("Karen Vossen said the cars were late. Vossan recalled the cars on Monday.")
    assert ("person", "Vossan") not in kinds
    kinds = _kinds("Paul Dravley said the bank was fine. Dravleys cut 300 jobs on Monday.")
    assert ("person", "Dravleys") not in kinds


def test_firm_or_town_before_a_title_that_speaks_is_no_person() -> None:
    """"X Chief said", "the X Sheriff said": a firm's or a town's officer, not a person named X Chief; the town
    stays a place. A title that is a surname too needs he or she after the verb ("Quorvel King said the outlets":
    a chain's name as well). (Mutants: E11's `_speaks`, any title word, any verb of saying; `_SAYS_HE_OR_SHE`
    not asked.)"""
    assert not {k for k in _kinds("Zelvarion Chief said the network was restored.") if k[0] == "person"}
    kinds = _kinds("A spokesman for the Quasset Sheriff said deputies were called.")
    assert ("person", "Quasset Sheriff") not in kinds
    assert not {k for k in _kinds("Quorvel King said the outlets would close on Monday.") if k[0] == "person"}
    assert ("person", "Quorvel King") in _kinds("Quorvel King said she would close the outlets.")


def test_surname_oh_in_apposition_is_a_name() -> None:
    """"went to Oh, a nurse": the surname is no cry where no cry stands (a cry opens its sentence or clause).
    (Mutant: E11's interjection test without the place of the word.)"""
    assert ("person", "Oh") in _kinds("The award went to Oh, a nurse from Seoul, who said she was thrilled.")
    assert not {k for k in _kinds("“Oh, what a night,” the driver said.") if k[1] == "Oh"}
