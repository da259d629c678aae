"""One long sentence of names that each open a clause ("until Jones until Jones ...") is read with work linear in
its length, and read exactly as before.

`_pronoun_after` asks, for a name opening its sentence or a clause, whether he or she follows in the sentence (the
clause) with no other person named in between. It searched the rest of the sentence, and back to its start, for each
such name: n^2 in a sentence of n of them. No test here times anything: a test of sameness compares each answer with
a reference of the old code (kept here) at every call, on generated texts; a test of work counts the characters the
searches may read. `bench/bench_long_inputs.py` gives times.
"""

from __future__ import annotations

import random

import pytest

from newsreader.extract import entities as ent


def _old_pronoun_after(self, piece):
    """The old answer: every search made afresh, every piece of the list looked at."""
    if not (piece.initial or piece.prev_word in ent._CLAUSE_OPENERS):
        return False
    text = self.text
    stop = ent._SENTENCE_STOP.search(text, piece.end)
    end = stop.end() if stop else len(text)
    if not piece.initial:
        comma = text.find(",", piece.end, end)
        end = end if comma < 0 else comma
    m = (ent._PRONOUN if piece.initial else ent._SUBJECT_PRONOUN).search(text, piece.end, end)
    if m is None:
        return False
    begin = max(text.rfind(". ", 0, piece.start), text.rfind("\n", 0, piece.start))
    for other in self.pieces:
        if other is piece or other.end <= begin or other.start >= m.start():
            continue
        if other.kind == ent.PERSON or other.kind is None and len(other.words) > 1:
            if other.start < piece.start or other.prev_word not in ent._OBJECT_PREPS \
                    or other.next_word in ("who", "whose"):
                return False
    return True


_NAMES = ("Jones", "Acme", "Smith", "Bob Smith", "Epstein", "Summit", "McDonald", "Georgescu", "Kamala Harris", "Xi",
          "Lt. Gen. Smith", "Mary", "Apple", "Paris", "Dr. Lee", "O'Brien", "Tesla Motors")
_WORDS = ("he", "she", "his", "her", "He", "she's", "hers", "them", "it", "its", "the", "said", "was", "told", "for",
          "with", "to", "against", "and", "on", "about", "who", "whose", "until", "though", "when", "while", "if",
          "because", "Though", "When", "While", "Until", ",", ".", "!", "?", "\n", ". ", "said.", "hired", "a", "an",
          "sheep", "helped", "herself", "Inc.", "Corp.", "said he", "said she", "'s", "\"", "(", ")", "...", ".\"",
          "-", "he.", "she,")


def _sentence_texts(count: int, seed: int) -> list[str]:
    """Names, pronouns, clause openers, prepositions, commas and stops of every kind, in random order."""
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rnd.choice(_NAMES) if rnd.random() < 0.35 else rnd.choice(_WORDS)
                 for _ in range(rnd.choice((3, 6, 10, 20, 40)))]
        text = " ".join(words).replace(" ,", ",").replace(" .", ".").replace(" !", "!").replace(" ?", "?")
        texts.append(rnd.choice(("", "Reporting. ", "He said. ", "Title Here\n")) + text
                     + rnd.choice(("", " said.", ".", " he said.")))
    return texts


def _asked_with_the_old(monkeypatch, method: str, old) -> tuple[list[bool], list[tuple[str, int]]]:
    """Put `_Doc.<method>` in place so that each call is answered by the new code and checked against `old`: the
    answers, and the (text, piece's start) of those that differ."""
    new = getattr(ent._Doc, method)
    asked, differ = [], []

    def both(self, piece):
        answer = new(self, piece)
        asked.append(answer)
        if answer != old(self, piece):
            differ.append((self.text, piece.start))
        return answer

    monkeypatch.setattr(ent._Doc, method, both)
    return asked, differ


def test_pronouns_after_names_are_those_of_the_old_search(monkeypatch):
    """Remembered searches and the index of pieces change no answer: at every call, on generated sentences, the
    answer is the old code's (asked of the same pieces, with the kinds they have at that moment)."""
    asked, differ = _asked_with_the_old(monkeypatch, "_pronoun_after", _old_pronoun_after)
    for text in _sentence_texts(800, 5):
        ent._Doc(text).run()
    assert differ == []
    assert len(asked) > 500 and 30 < sum(asked) < len(asked)


class _CountedPattern:
    """A compiled pattern that counts what its `search` calls read: up to the end of what they find, else all."""

    def __init__(self, pattern, counter: list[int]) -> None:
        self.pattern, self.read = pattern, counter

    def search(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        m = self.pattern.search(text, pos, endpos)
        self.read[0] += (endpos if m is None else m.end()) - pos
        return m


class _CountedText(str):
    """A text that counts what its `find` and `rfind` calls for a comma, ". " or a new line read (up to what they
    find, else all they were given)."""

    read = [0]

    def find(self, sub, start=0, end=None):
        end = len(self) if end is None else end
        found = str.find(self, sub, start, end)
        if sub in (",", ". ", "\n"):
            self.read[0] += (end if found < 0 else found + len(sub)) - start
        return found

    def rfind(self, sub, start=0, end=None):
        end = len(self) if end is None else end
        found = str.rfind(self, sub, start, end)
        if sub in (",", ". ", "\n"):
            self.read[0] += end - (start if found < 0 else found)
        return found


@pytest.mark.parametrize("unit", ["until Jones ", "until Jones, ", "until Jones he ", "while Smith was "])
def test_a_sentence_of_clause_openers_is_searched_once(monkeypatch, unit):
    """Each name after "until" searched on to the sentence's end (its comma) for he or she and, finding one, back to
    the sentence's start: 300 names read the sentence 300 times. The searches remember their answers: what they
    read is a few times the text, and the pieces are those of the searches made afresh."""
    text = "Shares of A rose. " + unit * 300 + "said on Monday."
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ent._Doc, "_pronoun_after", _old_pronoun_after)
        old = [(p.start, p.end, p.kind, p.name) for p in ent._Doc(text).run()]
    read = _CountedText.read = [0]
    for name in ("_SENTENCE_STOP", "_PRONOUN", "_SUBJECT_PRONOUN"):
        monkeypatch.setattr(ent, name, _CountedPattern(getattr(ent, name), read))
    pieces = [(p.start, p.end, p.kind, p.name) for p in ent._Doc(_CountedText(text)).run()]
    assert pieces == old
    assert 0 < read[0] <= 6 * len(text)  # (five searches; the old code: 150 to 600 times the text)


class _ReadsInside:
    """Counts the reads of one attribute of pieces while one method of `_Doc` runs (pieces made as a subclass that
    counts)."""

    def __init__(self, monkeypatch, attribute: str, method: str) -> None:
        self.reads, self.inside = 0, False
        counter = self

        class CountedPiece(ent.Piece):
            def __getattribute__(self, name):
                if name == attribute and counter.inside:
                    counter.reads += 1
                return object.__getattribute__(self, name)

        real = getattr(ent._Doc, method)

        def counted(doc, *args):
            self.inside = True
            try:
                return real(doc, *args)
            finally:
                self.inside = False

        monkeypatch.setattr(ent, "Piece", CountedPiece)
        monkeypatch.setattr(ent._Doc, method, counted)


@pytest.mark.parametrize("unit", ["until Acme ", "until Zorblax Quenton ", "until Acme for Bob Smith ",
                                  "until Acme |for Bob Smith "])
def test_the_people_of_a_long_sentence_are_looked_at_once(monkeypatch, unit):
    """With a he at the sentence's end, each name after "until" looked at every other piece of the sentence for a
    person named before the he (n^2: 300 names, 45,000 looks); names the article writes as a firm's are typed so
    later, so none is found. Only the pieces that may name a person are looked at, and each piece's kind is read
    again only once the loop that types them went past it: a few reads for each name. The pieces are those of the
    old code. (In "until Acme ... for Bob Smith ... he", all the people stand after the names, as objects.)"""
    text = "Shares of A rose. " + "".join(part * 300 for part in unit.split("|")) \
        + "he said. Acme said its profit rose. Zorblax Quenton said its sales rose."
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ent._Doc, "_pronoun_after", _old_pronoun_after)
        old = [(p.start, p.end, p.kind, p.name) for p in ent._Doc(text).run()]
    kinds = _ReadsInside(monkeypatch, "kind", "_pronoun_after")
    pieces = [(p.start, p.end, p.kind, p.name) for p in ent._Doc(text).run()]
    assert pieces == old
    assert 0 < kinds.reads <= 20 * 300


# --- another name after "known as", "nicknamed", "dubbed" (`_person_cue`) -----------------------------------

_KNOWN_WORDS = ("Bob Smith", "Zorblax", "Mr. Lee", "Acme", "Gen. Khan", "Turkmenbashi", "the", "said", ",", "also",
                "known as", "better known as", "nicknamed", "dubbed", "was", "named", "as", "the leader", "he")


def _known_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["Shares of A rose. " + " ".join(rnd.choice(_KNOWN_WORDS) for _ in range(rnd.randint(3, 30))).replace(" ,", ",")
            + " said on Monday." for _ in range(count)]


def test_names_known_as_another_are_those_of_a_look_through_the_list(monkeypatch):
    """The index of pieces by their end gives the pieces a look through the whole list finds (the old code), at
    every point of the reading: the pieces and their kinds are the same on generated texts."""
    texts = _known_texts(400, 9)
    new = [[(p.start, p.end, p.kind, p.name) for p in ent._Doc(t).run()] for t in texts]
    monkeypatch.setattr(ent._Doc, "_pieces_ending_at", lambda self, end: [p for p in self.pieces if p.end == end])
    assert new == [[(p.start, p.end, p.kind, p.name) for p in ent._Doc(t).run()] for t in texts]
    assert sum(p[2] == ent.PERSON for doc in new for p in doc) > 100


def test_a_long_list_of_names_known_as_another_is_read_once(monkeypatch):
    """Each name after "also known as" looked through the whole list of pieces for one ending before it (n^2/2
    reads of a piece's end for 300 names); the index reads each piece's end once."""
    counted = _ReadsInside(monkeypatch, "end", "_person_cue")
    ent._Doc("Shares of A rose. " + "also known as Zorblax " * 300 + "said on Monday.").run()
    assert 0 < counted.reads <= 3 * 300  # (the old code: some 45,000)


# --- a firm named in the sentence before "X said its" (`_firm_before`) ---------------------------------------

def _old_firm_before(self, piece):
    """The old look: the list read from its start, the sentences' starts searched afresh."""
    begin = self.text.rfind(". ", 0, self.text.rfind(". ", 0, piece.start) + 1)
    for other in self.pieces:
        if other.start >= piece.start:
            return False
        if other.end > begin and (other.kind == ent.ORG or other.kind is None and len(other.words) == 1
                                  and other.words[0] not in self.c.given_names):
            return True
    return False


_FIRM_WORDS = ("Zorblax Quenton said its", "Acme Corp.", "Tesla", "Elon Musk said its", "Bob Smith", "Mary",
               "sales rose", "missed forecasts", ".", ". ", "and", "the", "Paris", "said", "Apple Inc. said its")


def test_firms_before_its_are_those_of_the_old_look(monkeypatch):
    """Starting at the first piece that may end in the sentences looked at, and remembering where sentences start,
    changes no answer: at every call, on generated texts, the answer is the old look's."""
    asked, differ = _asked_with_the_old(monkeypatch, "_firm_before", _old_firm_before)
    rnd = random.Random(17)
    for _ in range(600):
        text = " ".join(rnd.choice(_FIRM_WORDS) for _ in range(rnd.randint(3, 40))).replace(" .", ".")
        ent._Doc("Shares of A rose. " + text + " profit rose.").run()
    assert differ == []
    assert len(asked) > 300 and 30 < sum(asked) < len(asked)


def test_a_long_article_of_names_saying_its_reads_the_pieces_near_each(monkeypatch):
    """Each "Zorblax Quenton said its" asks whether a firm is named in the two sentences before, and the list was
    read from its start up to the name (n^2/2 pieces for n names); it is read from the first piece that may end in
    those sentences: a few pieces a name."""
    counted = _ReadsInside(monkeypatch, "start", "_firm_before")
    ent._Doc("Shares of A rose. " + "Zorblax Quenton said its profit rose. " * 300 + "said on Monday.").run()
    assert 0 < counted.reads <= 10 * 300  # (the old code: some 45,000)
