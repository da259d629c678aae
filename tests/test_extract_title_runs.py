"""A run of title words ("Lt. Gen. Lt. Gen. ...", "King King ...") is read in time linear in its length:
`_split_run` reads where each name ends from one table (`_Doc._name_ends`) instead of walking to the run's end
after every title, refuses a name that opens with a title before copying its words, and `_split_plain` trims
titles and particles by counting them and cutting once. The tests pin each step to the rule it stands for."""

from __future__ import annotations

import random

from newsreader.extract import entities as entities_mod
from newsreader.extract.entities import _NAME_PARTICLES
from newsreader.extract.resources import cues

#: Words that end a name or go on with it: capitalised names and titles, particles (capitalised or not), joining
#: words, and lower-case words.
_WORDS = ["Smith", "King", "Lt.", "Gen.", "President", "Mary", "de", "De", "van", "bin", "al", "and", "of", "for",
          "&", "the", "said", "Inc.", "Der", "on", "AND", "Of"]


def _walked_end(doc: entities_mod._Doc, run: list[int], start: int) -> int:
    """Where a name starting at `start` ends, walked word by word (the reading `_name_ends` stands for)."""
    toks = doc.tokens
    end = start
    while end < len(run) and (toks[run[end]].cap or toks[run[end]].low in _NAME_PARTICLES):
        if toks[run[end]].low in ("and", "of", "for", "&"):
            break
        end += 1
    return end


def test_name_ends_answer_as_the_walk_from_each_word() -> None:
    rng = random.Random(5)
    checked = ended_early = 0
    for _ in range(400):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 30)))
        doc = entities_mod._Doc(text)
        run = list(range(len(doc.tokens)))
        ends = doc._name_ends(run, [doc.tokens[i].low for i in run])
        assert len(ends) == len(run) + 1 and ends[len(run)] == len(run)
        for start in range(len(run)):
            assert ends[start] == _walked_end(doc, run, start), (text, start)
            checked += 1
            ended_early += ends[start] < len(run)
    assert checked > 2000 and 0 < ended_early < checked  # both outcomes met


def test_a_name_opening_with_a_title_is_refused_by_namelike() -> None:
    """`_split_run` skips a name whose first word is a title without asking `_namelike`: that holds only while
    `_namelike` refuses every such name, whatever follows."""
    c = cues()
    doc = entities_mod._Doc("Nothing here.")
    rng = random.Random(9)
    given = sorted(c.given_names)[:200]
    for title in sorted(c.titles):
        for first in {title, title.capitalize(), title.upper()}:
            for _ in range(3):
                rest = [rng.choice(given + ["Smith", "de", "May", "June"]) for _ in range(rng.randint(0, 3))]
                assert not doc._namelike([first, *rest]), [first, *rest]


def test_a_run_of_titles_does_not_ask_namelike_after_each_title(monkeypatch) -> None:
    calls = []
    real = entities_mod._Doc._namelike
    monkeypatch.setattr(entities_mod._Doc, "_namelike", lambda self, words: calls.append(len(words)) or real(self, words))
    short = entities_mod.find_entities("Shares of A rose. " + "Lt. Gen. " * 20 + "said.")
    calls_short = len(calls)
    calls.clear()
    long = entities_mod.find_entities("Shares of A rose. " + "Lt. Gen. " * 400 + "said.")
    assert len(calls) == calls_short  # not one call (of up to the run's length) per title
    assert [(p.kind, p.text) for p in short] == [(p.kind, p.text) for p in long]


def test_titles_after_a_name_are_trimmed_and_a_post_before_one_kept_apart() -> None:
    """What the counted trims of `_split_plain` keep: a name without the titles around it."""
    found = {(p.text, p.kind) for p in entities_mod.find_entities(
        "Officials met Bob Smith President Chairman on Monday. They also met Former Chairman Alan Greenspan.")}
    assert ("Bob Smith", "person") in found
    assert ("Alan Greenspan", "person") in found
    assert not any("President" in text or "Chairman" in text for text, _ in found)


def test_a_given_name_that_is_a_title_then_a_title_is_still_a_name_after_a_title() -> None:
    """The one name opening with a title that `_split_run` takes: two words, a given name first ("Sultan"), then a
    word that is a title ("Judge"), as for "General Manager Billy King"."""
    c = cues()
    assert "Sultan" in c.given_names and "sultan" in c.titles and "judge" in c.titles  # the case this test needs
    found = [(p.text, p.kind) for p in entities_mod.find_entities("Councilwoman Sultan Judge said on Monday.")]
    assert found == [("Sultan Judge", "person")]


def _trimmed_word_by_word(doc: entities_mod._Doc, piece: list[int], has_org_word: bool) -> list[int]:
    """`_without_posts` as it was written before it counted: each word dropped by a new slice."""
    toks, c = doc.tokens, doc.c
    headless = not doc.text.startswith(" and ", toks[piece[-1]].end)
    while piece and toks[piece[-1]].low in c.titles and not has_org_word and (
            not headless or len(piece) == 1 or toks[piece[-1]].low in c.title_heads):
        headless = headless and toks[piece[-1]].low not in c.title_heads
        piece = piece[:-1]
    while piece and toks[piece[-1]].low in entities_mod._PARTICLES:
        piece = piece[:-1]
    while piece and toks[piece[0]].low in c.titles and toks[piece[0]].low not in c.org_heads and len(piece) > 1 and (
            not has_org_word or toks[piece[0]].low == "former"):
        piece = piece[1:]
    while piece and toks[piece[0]].low in entities_mod._PARTICLES and not doc._leading_article(piece):
        piece = piece[1:]
    return piece


def test_posts_and_particles_trimmed_by_count_answer_as_word_by_word() -> None:
    c = cues()
    rng = random.Random(17)
    titles = sorted(c.titles)
    vocabulary = titles[:60] + ["Former", "former", "President", "Minister", "Chairman", "Vice", "Deputy", "of", "and",
                                "de", "De", "van", "Van", "Der", "Bank", "Ministry", "Co.", "Smith", "Mary", "Lisbon"]
    outcomes = set()
    for _ in range(3000):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 8))]
        text = " ".join(words) + rng.choice([" and the others.", " said."])
        doc = entities_mod._Doc(text)
        piece = [i for i, tok in enumerate(doc.tokens) if tok.end <= len(" ".join(words))]
        if not piece:
            continue
        cut = rng.randrange(len(piece))  # (a piece cut from a run may start with a lower-case particle)
        piece = piece[cut:] if rng.random() < 0.5 else piece
        for has_org_word in (False, True):
            expected = _trimmed_word_by_word(doc, list(piece), has_org_word)
            assert doc._without_posts(list(piece), has_org_word) == expected, (text, has_org_word)
            assert doc._end_before_particles(piece, len(piece)) == len(_trailing_kept(doc, piece))
            outcomes.add((len(expected) == len(piece), bool(expected), expected[:1] == piece[:1]))
    assert len(outcomes) >= 4  # kept whole, emptied, cut at the start, cut at the end only
    # a particle goes, a capitalised one after it starts the name it leads ("De Lisbon", as "Der Spiegel")
    doc = entities_mod._Doc("Mary of De Lisbon said.")
    assert [doc.tokens[i].word for i in doc._without_posts([1, 2, 3], False)] == ["De", "Lisbon"]


def _trailing_kept(doc: entities_mod._Doc, piece: list[int]) -> list[int]:
    while piece and doc.tokens[piece[-1]].low in entities_mod._PARTICLES:
        piece = piece[:-1]
    return piece
