"""The extractor's shortcuts give what the plain forms they replace give (random texts)."""

from __future__ import annotations

import random
import re
from dataclasses import asdict

from newsreader.extract import extract
from newsreader.extract import dates as dates_mod
from newsreader.extract import entities as entities_mod

WORDS = ("the a an at that this May March Friday 2008 12 3 '08 year years ago last next early in on "
         "said Apple Inc. Tim Cook New York Mr. Smith's it's O'Neil iPod 787 Dreamliner - , . \n "
         "Thursdays Theme A380 Thursday-night co-founder 1,200 3.5 first-half H1 Q3 fiscal week "
         "weekend holiday Christmas today now past few days months about over more some one two").split(" ")


def _texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 60))]
        seps = [rng.choice([" ", " ", " ", "", "  ", "\n", ", "]) for _ in words]
        out.append("".join(w + s for w, s in zip(words, seps)))
    return out


#: Words and numbers, not the tail of one ("2,014 days", "1.5"), and the word after one.
TOKEN = re.compile(r"(?<![\w-])(?<!\d[,.])(?:[A-Za-z]+|\d|'\d)")
NEXT_TOKEN = re.compile(r" ([A-Za-z]+|\d)")


def _slow_triggers(text: str) -> list[tuple[int, int]]:
    """The tokens the candidate scan used to try, one by one."""
    found = []
    for tok in TOKEN.finditer(text):
        word, start = tok.group(), tok.start()
        first = word[0]
        key = ("#4" if text[start + 1:start + 4].isdigit() else "#") if first.isdigit() else \
            first if first == "'" else word.lower()
        if key not in dates_mod._TRIGGERS:
            continue
        if key in ("the", "a"):
            after = NEXT_TOKEN.match(text, tok.end())
            if after is None or not (after.group(1)[0].isdigit() or after.group(1).lower() in (
                    dates_mod._AFTER_THE if key == "the" else dates_mod._AFTER_A)):
                continue
        found.append(tok.span())
    return found


def test_trigger_scan_finds_the_tokens_the_word_loop_tried() -> None:
    for text in _texts(400):
        assert [m.span() for m in dates_mod._TRIGGER_TOKEN.finditer(text)] == _slow_triggers(text), text


def test_prev_word_short_window_agrees_with_the_long_one() -> None:
    for text in _texts(200, seed=11) + ["x" * 60 + " ", "a-b.c'd’e" * 8 + " \n", "word\n", ""]:
        for end in range(len(text) + 1):
            for reach in (20, 40):
                fast = entities_mod._prev_word(text, end, reach)
                slow = entities_mod._PREV_WORD.search(text, max(0, end - reach), end)
                assert (fast and fast.span(1)) == (slow and slow.span(1)), (text, end, reach)


def test_to_dict_is_asdict() -> None:
    for text in _texts(100, seed=3):
        result = extract(text, None)
        assert result.to_dict() == {"entities": [asdict(e) for e in result.entities],
                                    "dates": [asdict(d) for d in result.dates]}


def test_no_entity_overlaps_a_date() -> None:
    for text in _texts(200, seed=5):
        result = extract(text, None)
        for e in result.entities:
            assert not any(d.start < e.end and e.start < d.end for d in result.dates), text


def test_and_twice_in_a_run_does_not_crash() -> None:
    """A run cut at one "and" and then meeting another has nothing to join the second to."""
    result = extract("Iran and and Organization", None)
    assert [(e.text, e.kind) for e in result.entities][:1] == [("Iran", "place")]
