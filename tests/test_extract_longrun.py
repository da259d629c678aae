"""A long run of capitalised words is read in time linear in its length: `_split_plain` reads a bounded number of
words after each "and" (`_AND_READ`, `_AND_RUN_READ`) and `_place_between` answers "no place" for a span longer
than every place's name (`Gazetteer.longest_place`) without cutting it from the text. Both answer as the unbounded
reads did: the entities of generated runs are the same with the bounds lifted (the slow reference)."""

from __future__ import annotations

import copy
import dataclasses
import random

import pytest

from newsreader.extract import entities as entities_mod
from newsreader.extract import resources
from newsreader.extract.resources import Gazetteer, gazetteer

#: Words that make "and" stay in a name or cut it: organisation words and legal forms, common words of a field,
#: places named with "and", given names, titles, particles, acronyms, and plain surnames.
_UNITS = ["Smith", "Jones", "A", "The", "the", "of", "for", "on", "and", "and", "and", "and", "&", "Fish", "Wildlife",
          "Service", "Food", "Drug", "Administration", "Securities", "Exchange", "Commission", "Bank", "America",
          "Trust", "Company", "Co.", "Inc.", "Aeronautic", "Defence", "Space", "Department", "Health", "Human",
          "Services", "Academy", "Motion", "Picture", "Arts", "Sciences", "Bosnia", "Herzegovina", "Trinidad",
          "Tobago", "Antigua", "Barbuda", "Jammu", "Kashmir", "Azad", "John", "Mary", "President", "Minister",
          "Court", "Justice", "Interior", "Commerce", "U.S.", "EADS", "Zorg", "May", "State", "Meanwhile",
          "Bosnia and Herzegovina", "Trinidad and Tobago", "Azad Jammu and Kashmir", "Fish and Wildlife Service",
          "Securities and Exchange Commission", "Department of Health and Human Services"]


def _texts(rng: random.Random, count: int, longest: str) -> list[str]:
    texts = []
    for _ in range(count):
        words = [rng.choice(_UNITS) for _ in range(rng.randint(1, 40))]
        if rng.random() < 0.2:  # the longest place's name, alone or inside the run
            words.insert(rng.randint(0, len(words)), longest)
        before = rng.choice(["Shares of X rose. ", "Talks in ", "He met ", "", "The deal with "])
        texts.append(before + " ".join(words) + rng.choice([" said.", ".", " and Apple Inc. agreed.", ""]))
    return texts


def _entities(text: str) -> list[tuple]:
    pieces = sorted(entities_mod._Doc(text).run(), key=lambda p: (p.start, p.end))
    return [(p.start, p.end, p.text, p.kind, p.strong, p.name, p.short) for p in pieces]


def test_bounded_reads_answer_as_unbounded(monkeypatch: pytest.MonkeyPatch) -> None:
    places = gazetteer().places
    longest = max(places, key=len)
    texts = _texts(random.Random(11), 1500, longest)
    fast = [_entities(t) for t in texts]
    # the slow reference: every word after "and" read, every span looked up
    unbounded = copy.copy(gazetteer())
    object.__setattr__(unbounded, "longest_place", 10**9)
    monkeypatch.setattr(entities_mod, "gazetteer", lambda: unbounded)
    monkeypatch.setattr(entities_mod, "_AND_READ", 10**9)
    monkeypatch.setattr(entities_mod, "_AND_RUN_READ", 10**9)
    slow = [_entities(t) for t in texts]
    assert fast == slow
    # not vacuous: "and" kept inside names (organisations and places named with it)
    kept_and = sum(1 for found in fast for e in found if " and " in e[2])
    assert kept_and > 100
    assert sum(1 for found in fast for e in found if " and " in e[2] and e[3] == entities_mod.PLACE) > 20
    assert sum(1 for found in fast for e in found if " and " in e[2] and e[3] == entities_mod.ORG) > 20


def test_longest_place_is_the_longest_key(tmp_path) -> None:
    g = gazetteer()
    assert g.longest_place == max(len(k) for k in g.places)
    assert Gazetteer(places={"Oz": "Oz", "Rome": "Rome"}, demonyms={}, countries=frozenset()).longest_place == 4
    assert Gazetteer(places={}, demonyms={}, countries=frozenset()).longest_place == 0
    # made, not stored: the disk copy holds the init fields only and reads back with it
    small = Gazetteer(places={"Oz": "Oz", "Bosnia and Herzegovina": "Bosnia and Herzegovina"}, demonyms={},
                      countries=frozenset({"Oz"}))
    resources._write_copy(tmp_path / "g.json", small)
    back = resources._read_copy(tmp_path / "g.json", Gazetteer)
    assert back == small and back.longest_place == len("Bosnia and Herzegovina")
    assert "longest_place" not in {f.name for f in dataclasses.fields(Gazetteer) if f.init}


def test_place_between_answers_as_the_lookup() -> None:
    g = gazetteer()
    longest = max(g.places, key=len)
    for text in (f"In {longest} and {longest}x today", f"Talks in Bosnia and Herzegovina ended {longest}",
                 "The Bank of America and Trust Company of Azad Jammu and Kashmir"):
        doc = entities_mod._Doc(text)
        toks = doc.tokens
        for a in range(len(toks)):
            for b in range(a, len(toks)):
                assert doc._place_between(a, b) == g.places.get(text[toks[a].start:toks[b].end])
                assert doc._place_of(list(range(a, b + 1))) == doc._place_between(a, b)
        assert any(doc._place_between(a, b) == g.places[longest] for a in range(len(toks))
                   for b in range(a, len(toks))) or longest not in text



def test_drops_first_from_word_s_answers_as_the_piece_cut() -> None:
    # `_drops_first(piece, s, clock)` (the trimming loop walks s) answers as for piece[s:] from its start, for every
    # stretch of every run of the generated texts
    texts = _texts(random.Random(7), 300, max(gazetteer().places, key=len))
    # (a place's name that is a particle or a common word closing a piece: "Van", "US")
    texts += ["8:44 PM ET Wladimir Klitschko won", "Der Spiegel and The Hague and Le Monde", "In The Hague The Guardian",
              "He met Smith Van and The US Van Der Sar"]
    answers = {True: 0, False: 0}
    for text in texts:
        doc = entities_mod._Doc(text)
        for run in doc.runs:
            for a in range(len(run)):
                for b in range(a + 1, min(len(run), a + 8) + 1):
                    piece = run[a:b]
                    for s in range(len(piece)):
                        for clock in (False, True):
                            got = doc._drops_first(piece, s, clock)
                            assert got == doc._drops_first(piece[s:], 0, clock), (text, piece, s, clock)
                            answers[got] += 1
    assert min(answers.values()) > 1000


def test_and_reads_the_words_up_to_the_next_and() -> None:
    # the words read after "and" stop at the next one: "Wildlife Service" (not the whole rest of the run) is
    # what makes "Fish and Wildlife Service" one name
    found = [(p.text, p.kind) for p in entities_mod.find_entities(
        "The U.S. Fish and Wildlife Service and National Marine Fisheries Service said.")]
    assert found == [("U.S. Fish and Wildlife Service", "org"), ("National Marine Fisheries Service", "org")]
    found = [(p.text, p.kind) for p in entities_mod.find_entities("The Securities and Exchange Commission and Bank said.")]
    assert found == [("Securities and Exchange Commission", "org")]


def _scan_ending(pieces: list, end: int):
    """`_piece_ending` as a scan of the list (the slow reference)."""
    for piece in pieces:
        if piece.end == end:
            return piece
        if piece.start > end:
            break
    return None


def test_piece_ending_answers_as_the_scan_while_settling(monkeypatch: pytest.MonkeyPatch) -> None:
    # every call made while extracting (the list grows and is replaced as settling goes) answers as the scan
    fast = entities_mod._Doc._piece_ending
    answers = {True: 0, False: 0}

    def checked(doc, end):
        got = fast(doc, end)
        assert got is _scan_ending(doc.pieces, end)
        answers[got is not None] += 1
        return got

    monkeypatch.setattr(entities_mod._Doc, "_piece_ending", checked)
    texts = _texts(random.Random(5), 600, "Bosnia and Herzegovina")
    texts += ["Kimani (Kiki) Gray and Luis Gerardo \"Jerry\" Ortiz met in Khan Younis and Deir el-Balah.",
              "Strikes in Kurram, Orakzai and Bajaur and in Zainabieh and Koohi went on."]
    for text in texts:
        entities_mod._Doc(text).run()
    assert answers[True] > 100 and answers[False] > 20


def test_piece_ending_on_lists_out_of_order() -> None:
    # pieces out of text order, several ending at one place, the list grown and replaced between the calls
    rng = random.Random(3)
    doc = entities_mod._Doc("x")
    for _ in range(300):
        pieces = []
        doc.pieces = pieces
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 30)
            pieces.append(entities_mod.Piece(start, start + rng.randint(1, 6), "", []))
            for end in range(-1, 40):
                assert doc._piece_ending(end) is _scan_ending(pieces, end)


def test_nicknames_read_the_pieces_once() -> None:
    # the pieces by where they start are looked up for every nickname, made once (the loop changes kinds only)
    class Counting(list):
        reads = 0

        def __iter__(self):
            Counting.reads += 1
            return super().__iter__()

    text = " ".join("Kimani (Kiki) Gray met Luis Gerardo \"Jerry\" Ortiz." for _ in range(30))
    doc = entities_mod._Doc(text)
    for run in doc.runs:
        doc._split_run(run)
    strong = {p.start for p in doc.pieces if p.kind == entities_mod.PERSON and p.strong}
    doc.pieces = Counting(doc.pieces)
    doc._nicknames()
    assert Counting.reads == 1
    # every nickname settled: the names on both sides of all 60 are strong persons now
    typed = [p for p in doc.pieces if p.kind == entities_mod.PERSON and p.strong and p.start not in strong]
    assert len(typed) >= 4 * 30
