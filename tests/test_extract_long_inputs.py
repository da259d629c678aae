"""Texts grown long in one way (a run of capitalised words cut a few words at a time, a list of places, a
Title Case run across many sentences, ...) are read without RecursionError and with work linear in their
length, and read exactly as before.

No test here times anything: a test of depth runs a text deep enough to have raised RecursionError before
(under a lowered recursion limit, so that it stays small and fast); a test of sameness compares the
extractor with a reference of the old code (kept here, put in place with monkeypatch) on generated texts;
a test of work counts the calls of the step that used to repeat. `bench/bench_long_inputs.py` gives times.
"""

from __future__ import annotations

import datetime as dt
import inspect
import random
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from newsreader.extract import entities as ent
from newsreader.extract import extract

DATE = dt.date(2020, 3, 4)


def _read(text: str) -> dict:
    return extract(text, DATE).to_dict()


@contextmanager
def _stack_room(frames: int) -> Iterator[None]:
    """Allow only `frames` Python frames more than the caller's depth: a text that needs one frame per
    word then fails at a few hundred words instead of a thousand."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + frames)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


# --- E5: `_split_run` <-> `_split_plain` -------------------------------------------------------------

def _recursive_split_run(self, run):
    """Splitting with calls made in place, as the old code did (one frame for each part split again): each
    step's own `_todo` is worked off, last put first, as soon as the step returns."""
    _in_place(self, self._split_run_once, run)


def _in_place(self, step, part):
    todo = self._todo = []
    step(part)
    while todo:
        _in_place(self, *todo.pop())
        self._todo = todo


_RUN_WORDS = ("van", "de", "Lt.", "Gen.", "Mr.", "President", "Bob", "Smith", "Air", "Show", "Conference",
              "for", "and", "of", "on", "Paris", "Ministry", "Defence", "Inc.", "US-brokered", "Chairman",
              "Ship", "INS", "Sukanya", "World", "War", "II", "Jr.", "State", "Kaduna", "Reuters")


def _run_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rnd.choice(_RUN_WORDS) for _ in range(rnd.randint(1, 14))]
        texts.append(f"Shares of A rose. {rnd.choice(('', 'The ', 'He met '))}{' '.join(words)} said on Monday.")
    return texts


@pytest.mark.parametrize("unit", ["van Lt. ", "Lt. van ", "de Lt. Lt. ", "Air Show for ", "Conference and "])
def test_runs_cut_a_few_words_at_a_time_do_not_recurse(unit):
    """Each of these units made the run's rules call each other once per few words: the old code (the
    reference, put back in place) raises RecursionError with 150 frames of room at 300 units, the
    extractor reads the same text."""
    text = "Shares of A rose. " + unit * 300 + "said on Monday."
    with _stack_room(150):
        _read(text)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(ent._Doc, "_split_run", _recursive_split_run)
            with pytest.raises(RecursionError):
                _read(text)


def _pieces(text: str) -> list[tuple]:
    """The entity pieces in the order the rules added them (before `find_entities` sorts them)."""
    return [(p.start, p.end, p.kind, p.name, p.strong) for p in ent._Doc(text).run()]


def test_runs_are_split_as_by_calls_made_in_place(monkeypatch):
    """The loop over parts splits each part before the rule that handed it back goes on: the pieces, in the
    order they were added, and the entities are those of the old recursive calls on generated runs of titles,
    particles, names, event heads and conjunctions, short ones and deep ones (all split whole: the old calls had no
    windows, `_RUN_WINDOW`)."""
    monkeypatch.setattr(ent._Doc, "_RUN_WINDOW", 1000)
    texts = _run_texts(400, 5) + ["Shares of A rose. " + u * 40 + "said on Monday."
                                  for u in ("van Lt. ", "Air Show for ", "Bob and Lt. Smith of ", "de Gen. Paris ")]
    new = [(_pieces(t), _read(t)) for t in texts]
    monkeypatch.setattr(ent._Doc, "_split_run", _recursive_split_run)
    old = [(_pieces(t), _read(t)) for t in texts]
    assert new == old
    assert sum(len(r["entities"]) for _, r in new) > 200  # (the texts do hold entities to compare)


def test_pieces_of_a_run_are_added_in_text_order(monkeypatch):
    """The old calls typed a run's parts left to right (the words before a title, then the person, then the
    rest; the host, then its event; the pieces of a title-free run in turn), so the pieces stand in text order
    when the runs are done; the loop keeps that order on generated runs."""
    orders: list[list[int]] = []
    acronyms = ent._Doc._acronyms

    def spy(self):  # (called right after the runs are split)
        orders.append([p.start for p in self.pieces])
        return acronyms(self)

    monkeypatch.setattr(ent._Doc, "_acronyms", spy)
    for text in _run_texts(400, 5):
        _read(text)
    assert len(orders) == 400 and sum(map(len, orders)) > 200
    assert all(order == sorted(order) for order in orders)


@pytest.mark.parametrize("text, entities", [
    ("He met Treasury Secretary Timothy Geithner and Fed Chairman Ben Bernanke and Apple Inc. on Monday.",
     [("Treasury", "org"), ("Timothy Geithner", "person"), ("Fed", "org"), ("Ben Bernanke", "person"),
      ("Apple Inc.", "org")]),
    ("Shares of A rose. Lt. Mr. INS War Gen. Iran for Treasury INS said on Monday, for said.",
     [("Treasury INS", "org")]),
])
def test_pieces_after_a_piece_split_again_are_typed(text, entities):
    """A piece of a title-free run split again (a title inside it) leaves the pieces after it for later: they are
    typed then, as the old code gave (entities recorded at d5fedbd)."""
    assert [(e["text"], e["kind"]) for e in _read(text)["entities"]] == entities


def test_splitting_in_place_gives_the_caller_its_work_back():
    """`_split_run` and `_split_plain` called in place (by a rule, or a test, inside a loop working off its own
    `_todo`) work off their parts and leave the caller's `_todo` as it was, its parts still to come."""
    doc = ent._Doc("He met Treasury Secretary Timothy Geithner and Fed Chairman Ben Bernanke on Monday.")
    pending = [(lambda part: None, [])]
    for split in (doc._split_run, doc._split_plain):
        for run in doc.runs:
            doc._todo = pending
            split(run)
            assert doc._todo is pending and len(pending) == 1
    assert doc.pieces


@pytest.mark.parametrize("unit", ["van Lt. ", "Lt. van ", "de Lt. Lt. ", "When bin Gen. ", "De de Gov. "])
def test_a_name_after_a_title_is_not_copied_to_be_refused(monkeypatch, unit):
    """In "Lt. van Lt. van ...", each title is followed by a name that runs to the end of the run, which `_namelike`
    refuses at its first few words ("van", "When", "Gov."): the words were copied for each title to be asked (n^2
    words at each of the n/4 levels the run is cut at). They are read in place (`_namelike_span`): the lists given
    to `_namelike` hold few words in all. (Each level read the rest of the run too until E7's windows: see below.)"""
    read = []
    namelike = ent._Doc._namelike
    monkeypatch.setattr(ent._Doc, "_namelike", lambda self, words: read.append(len(words)) or namelike(self, words))
    text = "Shares of A rose. " + unit * 200 + "said on Monday."
    _read(text)
    assert sum(read) <= 20 * 200  # (the old code: 1.3 to 2 million words for 200 units)


# --- E7: `_split_run` in windows of at most `_RUN_WINDOW` tokens ----------------------------------------------

class _CountedSplits:
    """Counts the tokens of the parts given to the two levels of the run splitting (`_split_run_once`,
    `_split_plain_once`): the work of a level is linear in its part, so their sum is the splitting's work."""

    def __init__(self, monkeypatch) -> None:
        self.read, self.first = 0, []
        for name in ("_split_run_once", "_split_plain_once"):
            monkeypatch.setattr(ent._Doc, name, self._counted(getattr(ent._Doc, name)))

    def _counted(self, level):
        def counted(doc, run):
            self.read += len(run)
            self.first.append(list(run))
            return level(doc, run)
        return counted


_CUT_UNITS = ["van Lt. ", "Lt. van ", "When bin Gen. ", "De de Gov. ", "Mr. de ibn When ", "Apple Mr. y Chairman ",
              "Air Show for ", "Conference and ", "da Prime Minister Prime Minister "]


@pytest.mark.parametrize("unit", _CUT_UNITS)
def test_a_long_run_cut_a_few_words_at_a_time_is_split_in_linear_work(monkeypatch, unit):
    """Each of these runs is cut a few words off its ends a level, and each level read all the rest of the run again:
    n^2/8 tokens for a run of n (the old code, at 1,200 to 3,000 tokens here: 300 to 750 a token, growing x16 for x4
    the units). Cut into windows of at most `_RUN_WINDOW` tokens first, the levels read a bounded number of tokens a
    token: x4 the units, about x4 the tokens read."""
    splits = _CountedSplits(monkeypatch)
    read = []
    for n in (150, 600):
        splits.read = 0
        _read("Shares of A rose. " + unit * n + "said on Monday.")
        read.append(splits.read)
    tokens = len(unit.split()) * 600
    assert read[1] <= 5 * read[0]
    assert read[1] <= ent._Doc._RUN_WINDOW // 2 * tokens


def _windows(run_tokens: list[ent.Token]) -> list[list[int]]:
    doc = ent._Doc("")
    doc.tokens = run_tokens
    return doc._run_windows(list(range(len(run_tokens))))


def _tokens(words: list[str]) -> list[ent.Token]:
    toks, pos = [], 0
    for w in words:
        toks.append(ent.Token(pos, pos + len(w), w, w[:1].isupper(), False))
        pos += len(w) + 1
    return toks


@pytest.mark.parametrize("unit, cut_before", [("van Lt. ", "van"), ("When bin Gen. ", "bin"), ("Air Show for ", "for"),
                                              ("King ", None), ("De Gov. ", None), ("Bob de King{} ", None)])
def test_a_long_run_is_cut_before_a_particle_into_windows_of_at_most_the_bound(unit, cut_before):
    """The windows hold the run's tokens in order, each at most `_RUN_WINDOW` and all but the last more than half
    that (a bounded number of windows a token); each is cut before the last particle of its second half where
    there is one (a small word: no name or title goes on across it), at the bound where there is none (a particle
    in the first half only, "Bob de King King ...", is passed by)."""
    size = ent._Doc._RUN_WINDOW
    words = (unit.format(" King" * size) * (3 * size)).split()[: 3 * size + 7]
    windows = _windows(_tokens(words))
    assert [i for w in windows for i in w] == list(range(len(words)))
    assert all(size // 2 < len(w) <= size for w in windows[:-1]) and 0 < len(windows[-1]) <= size
    assert len(windows) > 2
    for w, after in zip(windows, windows[1:]):
        if cut_before is None:
            assert len(w) == size
        else:
            assert words[after[0]] == cut_before
            assert cut_before not in words[after[0] + 1:w[0] + size + 1]  # (the last one the bound allows)


@pytest.mark.parametrize("extra, whole", [(0, True), (1, False)])
def test_a_run_up_to_the_bound_is_split_whole(monkeypatch, extra, whole):
    """A run of `_RUN_WINDOW` tokens is split as one, as before the windows (so every run of news text, 18 tokens at
    most, is split exactly as before); one more token and it is split in windows."""
    splits = _CountedSplits(monkeypatch)
    size = ent._Doc._RUN_WINDOW + extra
    text = "Shares of A rose. " + " ".join(["Bob", "de", "Lt."][k % 3] for k in range(size)) + " said on Monday."
    doc = ent._Doc(text)
    run = max(doc.runs, key=len)
    assert len(run) == size
    splits.first.clear()
    doc._split_run(run)
    assert (splits.first[0] == run) is whole
    assert len(splits.first[0]) <= ent._Doc._RUN_WINDOW
    assert (doc._run_windows(run) == [run]) is whole


@pytest.mark.parametrize("unit", ["The Chief ", "Dr. When "])
def test_levels_ending_where_no_closing_mark_was_found_do_not_search_again(monkeypatch, unit):
    """"The Chief The Chief ..." is cut a word at a time from its start, so every level of a window ends where the
    window does, and each asked `_TITLE_CLOSE` to read on from there across the rest of the run (n^2, made by the
    windows: a whole run's end is followed by "he said"). Where it last found no closing mark is where it finds none
    again: one call in all, and the pieces are those of `_TITLE_CLOSE` asked at every level (`_quoted_title` without
    its memo)."""
    text = "Shares of A rose. " + unit * 200 + "he said."
    quoted_title = ent._quoted_title
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ent, "_quoted_title", lambda text, start, end, unclosed=None: quoted_title(text, start, end))
        fresh = (_pieces(text), _read(text))
    close = _CountedPattern(ent._TITLE_CLOSE)
    monkeypatch.setattr(ent, "_TITLE_CLOSE", close)
    assert (_pieces(text), _read(text)) == fresh
    assert 0 < close.calls <= 3  # (without the memo at the same end: ~200)


@pytest.mark.parametrize("unit", ["the new Zorblax ", "Zorblax Air Show "])
def test_a_name_is_searched_as_an_organisation_once(monkeypatch, unit):
    """Each "the new Zorblax" (a product after "new", unless the article writes Zorblax as a firm's) and each event
    run opening with a name ("Apple Worldwide Developers Conference": the host, if it acts) asked `_acts`, which
    read all the places the name is written (n^2); the answer is remembered for each word: a few searches in all,
    and the entities are those of the searches made afresh."""
    text = "Shares of A rose. " + unit * 100 + "said on Monday."
    with pytest.MonkeyPatch.context() as mp:  # (the old method: a search at every call)
        mp.setattr(ent._Doc, "_acts", lambda self, word: ent._written_with(self.text, word, ent._ACTS_AFTER))
        fresh = (_pieces(text), _read(text))
    searched = []
    written_with = ent._written_with
    monkeypatch.setattr(ent, "_written_with", lambda *a: searched.append(a[1]) or written_with(*a))
    assert (_pieces(text), _read(text)) == fresh
    assert 0 < searched.count("Zorblax") <= 3


@pytest.mark.parametrize("unit", ["\n Party Gen. to ’ ", "Rescuers Find Shelter In Party\n"])
def test_a_word_in_many_headlines_is_searched_in_the_text_once(monkeypatch, unit):
    """The same English word in each of n Title Case lines asked `_named_in_text` and `_stem_written` to read the whole
    text once a line (n^2); the places of each word and the answer for each stem are kept for the text: one search
    each, and the common words found are those of the searches made at every line."""
    text = "Shares of A rose. " + unit * 200 + "he said."
    c, g = ent.cues(), ent.gazetteer()
    args = (text, c, ent._LowerWords(text), g.places, g.demonyms)
    named_in_text = ent._named_in_text
    with pytest.MonkeyPatch.context() as mp:  # (the old search at every line)
        mp.setattr(ent, "_named_in_text", lambda word, text, start, end, written=None: named_in_text(word, text, start, end))
        fresh = ent._title_case_commons(*args)
    searched, stems = [], []
    written_inside, stem_written = ent._written_inside, ent._stem_written
    monkeypatch.setattr(ent, "_written_inside", lambda word, text: searched.append(word) or written_inside(word, text))
    monkeypatch.setattr(ent, "_stem_written", lambda stem, vocab: stems.append(stem) or stem_written(stem, vocab))
    assert ent._title_case_commons(*args) == fresh and fresh
    assert 0 < len(searched) == len(set(searched)) and 0 < len(stems) == len(set(stems))


# --- E4: `_locative` down a list of places ------------------------------------------------------------

def _recursive_locative(self, piece):
    """The old `_locative`: a name listed after a place asked the place before it by a call, one frame for
    each name of the list, and asked `_town` of it when that call returned false."""
    answer = self._locative_alone(piece)
    if isinstance(answer, ent.Piece):
        return _recursive_locative(self, answer) or self._town(answer)
    return answer


_LIST_WORDS = ("Gaza Strip日本", "Gaza Strip", "Kurram", "Orakzai", "Bajaur", "Khan Younis", "Deir el-Balah",
               "Bloomington", "Troy", "Palmer", "Apple", "Tim Cook", "Woodburn", "Qeshm", "Davos", "NATO", "Area 51")
_LIST_LINKS = (", ", " and ", ", and ", " or ", " in ")


def _list_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        names = [rnd.choice(_LIST_WORDS) for _ in range(rnd.randint(1, 9))]
        body = names[0] + "".join(rnd.choice(_LIST_LINKS) + w for w in names[1:])
        texts.append(f"Clashes broke out {rnd.choice(('in', 'near', 'to', 'at', 'the villages of'))} {body}"
                     f"{rnd.choice(('.', ' on Monday.', ' were hit.', ' police said.', ', a town in Iran.'))}")
    return texts


def test_a_long_list_of_places_does_not_recurse():
    """", Gaza Strip日本" repeated: each name asks the one before it (the glued kanji keeps it from ending as a
    plain word); the old code raises RecursionError with 150 frames of room at 300 names, the loop reads it."""
    text = "Shares of A rose. " + ", Gaza Strip日本" * 300 + "said on Monday."
    with _stack_room(150):
        assert _read(text)["entities"]
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(ent._Doc, "_locative", _recursive_locative)
            with pytest.raises(RecursionError):
                _read(text)


def test_lists_of_places_are_read_as_by_the_recursive_calls(monkeypatch):
    """The loop asks `_town` of the places met from the last one back, as the returning calls did: the same
    pieces and entities as the old recursive `_locative` on generated lists (links, verbs, towns, names that
    are no places)."""
    texts = _list_texts(400, 7) + ["Clashes in " + ", Gaza Strip日本" * 30 + " and Troy were hit."]
    new = [(_pieces(t), _read(t)) for t in texts]
    monkeypatch.setattr(ent._Doc, "_locative", _recursive_locative)
    old = [(_pieces(t), _read(t)) for t in texts]
    assert new == old
    assert sum(e["kind"] == "place" for _, r in new for e in r["entities"]) > 300


# --- E3: `_run_in_heading_commons` across the sentences of one Title Case run ------------------------------

def _old_run_in_heading_commons(text, starts, *rest):
    """The old `_run_in_heading_commons` (d5fedbd) read each sentence start on its own: it matched the Title Case
    run again from there and read all of its words (n^2 steps for a run of n sentences). The function given one
    start reads it so (no other start shares its run), so the old answer is the union of those."""
    return sorted(set().union(*(ent._run_in_heading_commons(text, [start], *rest) for start in starts)))


_HEAD_WORDS = ("St.", "Louis.", "Smith", "Jones.", "US", "Denies", "Role", "in", "Strike", "on", "Damascus", "Consulate",
               "Washington", "Army", "Chief", "Meets", "Saudi", "Defence", "Minister", "Field", "Marshal", "Asim",
               "Munir", "The", "A", "Matanuska", "Maid", "Building", "Sanctions", "Hit", "Jordanians", "March",
               "Wednesday-Mr.", "Corp.", "Rio", "de", "Janeiro.", "United", "Nations.", "Attacks", "Targeting",
               "Court", "of", "Appeals", "Paris", "Russian", "Oil", "said", "told", "Maria", "Sir.", "AT&T")


def _heading_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rnd.choice(_HEAD_WORDS) for _ in range(rnd.randint(3, 40))]
        texts.append(rnd.choice(("", "Shares of A rose. ", "News\n")) + " ".join(words)
                     + rnd.choice((" said on Monday.", ".", "\nThe story goes on.", " Tehran ...")))
    return texts


def _heading_args(text: str) -> tuple:
    c, g = ent.cues(), ent.gazetteer()
    starts = [m.start() for m in re.finditer(r"(?<![A-Za-z])[A-Z]", text)]  # (every capital, inside words too)
    return text, starts, c, ent._LowerWords(text), g.places, g.demonyms


def test_heading_commons_are_those_of_the_old_reading():
    """The words found (a set: the caller reads them so) are those of the old code, on generated Title Case runs
    of headline verbs, titles, names, places, story openers and sentences run together, with a start at every
    capital (inside words too: "Wednesday-Mr.")."""
    texts = _heading_texts(600, 9) + [u * 60 for u in ("St. Louis. ", "US Denies Role in Strike on Damascus ",
                                                        "Army Chief Meets Saudi Defence Minister The ")]
    found = 0
    for text in texts:
        args = _heading_args(text)
        new = ent._run_in_heading_commons(*args)
        assert set(new) == set(_old_run_in_heading_commons(*args)), text
        found += bool(new)
    assert found > 100



def test_a_verb_opening_a_later_sentence_of_the_run_is_no_heading_verb():
    """A start reads a headline verb only after its first word: where the run's last verb opens a later sentence
    (and a story opener stopped the first start's walk before it), that start finds nothing more."""
    text = ("News\nArmy Chief Meets A Saudi Defence Minister. Attacks Field Marshal Asim Munir Role Strike said "
            "on Monday.")
    args = (text, [text.index("Army"), text.index("Attacks")]) + _heading_args(text)[2:]
    new = ent._run_in_heading_commons(*args)
    assert set(new) == set(_old_run_in_heading_commons(*args)) == {text.index(w) for w in ("Chief", "Meets", "A ")}

class _CountedVocab:
    """An article's lower-case words that count how often they are asked (once a word for each walk over it)."""

    def __init__(self, vocab) -> None:
        self.vocab, self.asked = vocab, 0

    def __contains__(self, word: str) -> bool:
        self.asked += 1
        return word in self.vocab


@pytest.mark.parametrize("unit", ["St. Louis. ", "Police Arrests Smith Louis. "])
def test_a_title_case_run_of_many_sentences_is_read_once(monkeypatch, unit):
    """"St. Louis. " x n is one Title Case run with n sentence starts: the headline verbs are asked once for each
    of its words, and with a verb in it ("Police Arrests ..."), the walk over its words passes each word once (the
    old code did both again from every start: n^2/2). The words found are the old code's."""
    asked = []
    heading_verb = ent._heading_verb
    monkeypatch.setattr(ent, "_heading_verb", lambda *a: asked.append(a[0]) or heading_verb(*a))
    for n in (100, 400):
        asked.clear()
        text = "Shares of A rose. " + unit * n + "said on Monday."
        args = _heading_args(text)
        vocab = _CountedVocab(args[3])
        found = ent._run_in_heading_commons(*args[:3], vocab, *args[4:])
        words = len(unit.split()) * n + 6
        assert 0 < len(asked) <= words
        assert vocab.asked <= 2 * words  # (each start asks its own first word again)
        assert set(found) == set(_old_run_in_heading_commons(*args))


# --- E1: `_quoted_title` along a chain of title words no closing mark ends -----------------------------------

class _CountedPattern:
    """A compiled pattern that counts its `match` calls."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls, self.read = pattern, 0, 0

    def match(self, text, pos=0, endpos=None):
        self.calls += 1
        self.read += (len(text) if endpos is None else endpos) - pos  # (the most it may read)
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)


@pytest.mark.parametrize("unit", ["Smith Thursday ", "New York from ", "King Saturday ", "Ltd Wednesday. "])
def test_a_chain_of_title_words_is_searched_for_its_closing_mark_once(monkeypatch, unit):
    """Each capitalised run of "Smith Thursday Smith Thursday ..." may stand in a quoted title that goes on to the end
    of the chain, so each asked `_TITLE_CLOSE` to read the rest of the text (n^2). A chain no closing mark ends is
    remembered: the runs inside it ask no more (the old code: 200 calls here), and the title words that lead from
    one run to the next are read once."""
    close, chain = _CountedPattern(ent._TITLE_CLOSE), _CountedPattern(ent._TITLE_CHAIN)
    monkeypatch.setattr(ent, "_TITLE_CLOSE", close)
    monkeypatch.setattr(ent, "_TITLE_CHAIN", chain)
    text = "Shares of A rose. " + unit * 200 + "said on Monday."
    _read(text)
    assert 0 < close.calls <= 3
    assert chain.calls > 100 and chain.read <= len(text)


@pytest.mark.parametrize("unit", ["Air Show for ", "Conference and "])
def test_a_run_cut_from_its_end_is_searched_for_its_closing_mark_once_a_level(monkeypatch, unit):
    """"Air Show for Air Show for ..." is cut a few words at a time from its end (an event's name after the last
    "for"), and each shorter run asked `_TITLE_CLOSE` to read on from its end to the end of the run (n^2). From a
    run's end that title words with no quotation mark lead from to where it found none, it is not asked again: a
    few calls in all, and the title words between each level's end and the last are read once; in windows
    (`_RUN_WINDOW`), the first level of each also reads on to where the last window's levels ended: ~3x the text."""
    close, chain = _CountedPattern(ent._TITLE_CLOSE), _CountedPattern(ent._TITLE_CHAIN)
    monkeypatch.setattr(ent, "_TITLE_CLOSE", close)
    monkeypatch.setattr(ent, "_TITLE_CHAIN", chain)
    text = "Shares of A rose. " + unit * 200 + "said on Monday."
    _read(text)
    assert 0 < close.calls <= 3  # (the old code: 201)
    assert chain.calls > 100 and chain.read <= 3 * len(text)


_QUOTE_WORDS = ("Smith", "Thursday", "The", "Boy", "from", "Oz.", "of", "the", "and", "Golden", "Compass", "New",
                "York", "FBI", "King", "by", "Lake", "Ltd", "Wednesday.", "Paris,", "America", "he", "said", "in",
                "Catching", "Fire", "a", "Rock’n’roll", "Iran's", "Pie")
_QUOTE_MARKS = ("``", "''", "\"", "“", "”", "‘", "’", "'", "", "", "", ", ", ". ")


def _quote_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(2, 25)):
            word = rnd.choice(_QUOTE_WORDS)
            if rnd.random() < 0.25:
                word = rnd.choice(_QUOTE_MARKS) + word
            if rnd.random() < 0.25:
                word += rnd.choice(_QUOTE_MARKS)
            parts.append(word)
        texts.append("Shares of A rose. " + " ".join(parts) + rnd.choice((" said on Monday.", "'' he said.", "”.")))
    return texts


def test_quoted_titles_are_those_of_the_old_search(monkeypatch):
    """Remembering the unclosed chain changes no answer: the pieces and entities (works' titles drop names) are
    those of `_quoted_title` asked afresh at every run (the old code: no `unclosed`), on generated texts of title
    words, small words and quotation marks of every kind."""
    texts = _quote_texts(500, 13)
    new = [(_pieces(t), _read(t)) for t in texts]
    quoted_title = ent._quoted_title
    monkeypatch.setattr(ent, "_quoted_title", lambda text, start, end, unclosed=None: quoted_title(text, start, end))
    old = [(_pieces(t), _read(t)) for t in texts]
    assert new == old


# --- E2: `_written_as_firm` for each mention of an Irish or Scottish surname ---------------------------------

@pytest.mark.parametrize("unit", ["McDonald, ", "O'Brien, said fell ", "McDonald.\n"])
def test_a_surname_is_searched_as_a_firm_once(monkeypatch, unit):
    """Each lone "McDonald" asked whether the article writes it as a firm's name, and each search read all the
    places it is written (n^2); the answer is remembered for each (name, pattern): a few searches in all, and the
    entities are those of the searches made afresh."""
    text = "Shares of A rose. " + unit * 100 + "said on Monday."
    with pytest.MonkeyPatch.context() as mp:  # (the old method: a search at every call)
        mp.setattr(ent._Doc, "_written_as_firm", lambda self, name, after: ent._written_with(self.text, name, after))
        fresh = (_pieces(text), _read(text))
    searched = []
    written_with = ent._written_with
    monkeypatch.setattr(ent, "_written_with", lambda *a: searched.append(a[1]) or written_with(*a))
    assert (_pieces(text), _read(text)) == fresh
    assert 0 < len(searched) <= 20


# --- E8: `_town`'s "John Smith, 45, of Zorblax" asked of every piece ------------------------------------------

def _org_opened_by_all(self, piece):
    """The old test: every piece read at each call."""
    return any(other.kind == ent.ORG and other.words[:1] == piece.words[:1]
               and other.words[-1].lower() not in self.c.town_bodies for other in self.pieces)


class _KindReads:
    """Counts the reads of `Piece.kind` (a slot: its descriptor is wrapped on the class)."""

    def __init__(self, slot):
        self.slot, self.reads = slot, 0

    def __get__(self, piece, owner=None):
        if piece is None:
            return self
        self.reads += 1
        return self.slot.__get__(piece, owner)

    def __set__(self, piece, value):
        self.slot.__set__(piece, value)


@pytest.mark.parametrize("unit", ["John Smith, 45, of Zorblax, ", "Mary Jones, 61, of Burnsville, ",
                                  "Bob Stone, 30, of Zorblax and Quux, ", "Ann Lee, 52, of New Zorblax, ",
                                  "Zorblax Corp. hired John Smith, 45, of Zorblax. "])
def test_names_after_an_age_are_asked_for_an_organisation_in_linear_reads(monkeypatch, unit):
    """Each "X, 45, of Y" asked whether an organisation of the article opens with Y's first word by reading every
    piece's kind (n^2 reads: ~15 times the reads for 4 times the units); `_org_opened_by` reads each piece once a
    loop of `_settle`, and the entities are those of the old test."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ent._Doc, "_org_opened_by", _org_opened_by_all)
        fresh = _read("Shares of A rose. " + unit * 60 + "said on Monday.")
    assert _read("Shares of A rose. " + unit * 60 + "said on Monday.") == fresh
    counted = _KindReads(ent.Piece.__dict__["kind"])
    monkeypatch.setattr(ent.Piece, "kind", counted)
    reads = []
    for n in (100, 400):
        counted.reads = 0
        _read("Shares of A rose. " + unit * n + "said on Monday.")
        reads.append(counted.reads)
    assert reads[1] <= 5 * reads[0] and reads[1] <= 100 * 400  # (the old test: 14-15 times, 800-2,500 a unit)


_AGED_NAMES = ("Zorblax", "Troy", "Bloomington", "New Zorblax", "Acme")


def _aged_texts(count: int, seed: int) -> list[str]:
    """People with an age and a place, places listed, and the same names as firms' and as a town's services."""
    rnd = random.Random(seed)

    def unit() -> str:
        name, r = rnd.choice(_AGED_NAMES), rnd.random()
        if r < .4:
            end = rnd.choice((", ", " and " + rnd.choice(_AGED_NAMES) + ", ", ". "))
            return f"{rnd.choice(('John Smith', 'Mary Jones'))}, {rnd.randint(20, 90)}, of {name}{end}"
        if r < .55:
            return f"{name} said it would. "
        if r < .65:
            return f"{name} Police said. "
        if r < .8:
            return f"{name} {rnd.choice(('Airlines', 'Council', 'Bank'))} said. "
        return f"in {name} and {rnd.choice(_AGED_NAMES)}, " if r < .9 else "He said. "
    return ["".join(unit() for _ in range(rnd.randint(1, 12))) for _ in range(count)]


def test_organisations_opened_by_a_name_are_those_of_the_old_reading(monkeypatch):
    """Reading only the pieces `_settle`'s loop went past changes no answer: the entities are those of every piece
    read at each call, on generated texts where the loops type firms and places of the same names as they go."""
    texts = _aged_texts(300, 3)
    new = [_read(t) for t in texts]
    monkeypatch.setattr(ent._Doc, "_org_opened_by", _org_opened_by_all)
    assert new == [_read(t) for t in texts]
