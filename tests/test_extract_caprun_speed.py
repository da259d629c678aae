"""`_cap_runs` joins a word to the run before it by the gap between them, read by its length and its end
characters first (no slice of the long gaps of lower-case text): it joins what the gap read as a string joins."""

from __future__ import annotations

import random

from newsreader.extract import entities as entities_mod

WORDS = ["Bank", "of", "the", "for", "and", "de", "la", "van", "der", "Al", "Court", "Appeals", "Fifth", "Circuit",
         "Congo", "Republic", "x", "said", "New", "York", "U.S.", "Iran's", "US-brokered", "Mr.", "Monday", "PM",
         "8:44", "(", ")", "“", "-", "el", "dos", "y", "Israel-Iran", "The", "a", "bin", "ibn", "fell"]
SEPS = (" ", " ", " ", "  ", "", "\n", " - ", ", ", ". ", "\t", ",", "/")


def _gap_joins(text: str, tokens: list, run: list[int], a, b) -> bool:
    """The join rule as it read the gap: sliced, then compared as strings."""
    if a.possessive or a.modifier or a.stop or b.stop:
        return False
    if b.initial and a.word.endswith(".") and b.word in entities_mod._SENTENCE_OPENERS:
        return False
    gap = text[a.end:b.start]
    if gap == " ":
        return True
    if len(gap) <= 12 and gap[:1] == " " and gap[-1:] == " ":
        words = gap[1:-1].split(" ")
        return len(words) <= 2 and all(w.lower() in entities_mod._PARTICLES for w in words) or \
            words == ["of", "the"] or words == ["for", "the"] and any(tokens[i].low == "of" for i in run)
    return False


def test_words_join_by_the_gap_as_the_sliced_gap_says() -> None:
    rng = random.Random(23)
    texts = ["".join(rng.choice(WORDS) + rng.choice(SEPS) for _ in range(rng.randint(2, 12))) for _ in range(4000)]
    names, links = ["Bank", "Court", "Congo", "Rome", "Ali", "Jose", "Fifth"], ["of", "the", "for", "de", "la", "van", "bin",
                                                                            "el", "dos", "said", "x", "&", "ur"]
    texts += [" ".join([rng.choice(names)] + rng.sample(links, rng.randint(0, 3)) + [rng.choice(names)])
              for _ in range(1500)]
    texts += ["Bank of the Congo", "Court of Appeals for the Fifth Circuit", "New  York", "Paris,London",
              "Jose de la Cruz", "Ali bin el Rome", "Ali bin el dos Rome", "Ali bin of the Rome x of the Rome"]
    c = entities_mod.cues()
    places = entities_mod.gazetteer().places
    seen = {"space": 0, "particles": 0, "short": 0, "long": 0, "apart": 0}
    for text in texts:
        tokens, runs = entities_mod._cap_runs(text, c, places)
        run_of = {i: n for n, run in enumerate(runs) for i in run}
        caps = [i for i, tok in enumerate(tokens) if tok.cap]
        for i, j in zip(caps, caps[1:]):
            a, b = tokens[i], tokens[j]
            same = run_of.get(i) is not None and run_of.get(i) == run_of.get(j)
            before = [k for k in runs[run_of[i]] if k < j] if i in run_of else []
            assert same == _gap_joins(text, tokens, before, a, b), (text, a, b)
            gap = text[a.end:b.start]
            seen["space" if gap == " " else "short" if len(gap) <= 12 else "long"] += 1
            seen["particles"] += same and gap != " "
            seen["apart"] += not same
    assert min(seen.values()) > 300, seen
