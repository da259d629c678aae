"""Speed-ups of the entity rules (issue #4) give what the forms they replace give."""

from __future__ import annotations

import random
import re

import pytest

from newsreader.extract import extract
from newsreader.extract import entities as entities_mod

#: Capitalised common words, agencies, event heads, acronyms, places, quotes and date-line dashes:
#: what the lone-common-word shortcut must tell apart.
WORDS = ("The But He It US AP Reuters Conference Summit Army Paris Georgia Jordan May Apple Inc. said in "
         "the of and for on a TV OK PM I NASA Iran's Chairman King Ford Mr. Smith Street iPod film browser "
         "Safari tanker Sirius Star — - LONDON , . \n \" “ ” ' ( ) Tuesday 2008 said: U.S. Al-Qaeda al-Sadr").split(" ")


def _texts(n: int, seed: int) -> list[str]:
    """Random word salads: 1 to 40 of WORDS, each followed by a space, nothing, a line break or punctuation."""
    rng = random.Random(seed)
    seps = (" ", " ", " ", "", "\n", ", ", ". ")
    return ["".join(w + rng.choice(seps) for w in rng.choices(WORDS, k=rng.randint(1, 40))) for _ in range(n)]


SENTENCES = [
    "The company said. But Apple Inc. said it would. He left Paris. It rained in Georgia.",
    "AP reported that the Conference opened. Conference delegates met in Jordan.",
    "US officials and TV crews arrived. OK, said PM Smith. I think NASA will.",
    "He watched \"The\" film. The tanker Sirius Star sailed. The browser Safari, the iPod Classic.",
    "LONDON — The Army said. May was warm. Paris is far. Reuters said Army officers left.",
]


def _without_shortcut(monkeypatch: pytest.MonkeyPatch, texts: list[str]) -> list[dict]:
    monkeypatch.setattr(entities_mod._Doc, "_lone_common", lambda self, tok, start, end: False)
    return [extract(t, None).to_dict() for t in texts]


def test_lone_common_word_shortcut_finds_what_the_full_rules_find(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = SENTENCES + _texts(400, seed=13)
    fast = [extract(t, None).to_dict() for t in texts]
    assert fast == _without_shortcut(monkeypatch, texts)


def test_lone_common_word_shortcut_is_taken() -> None:
    """(else the test above compares the full rules with themselves)"""
    taken = []
    original = entities_mod._Doc._lone_common

    def spy(self, tok, start, end):
        taken.append(original(self, tok, start, end))
        return taken[-1]

    entities_mod._Doc._lone_common = spy
    try:
        extract(SENTENCES[0], None)
    finally:
        entities_mod._Doc._lone_common = original
    assert True in taken and False in taken


def test_lower_word_pattern_is_the_look_behind_first_one() -> None:
    plain = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
    for text in _texts(300, seed=17) + ["abc", "-abc def_ ghi-j k", "éa b2c d", ""]:
        assert entities_mod._LOWER_WORD.findall(text.lower()) == plain.findall(text.lower())
        assert entities_mod._LOWER_WORD.findall(text) == plain.findall(text)


def test_brand_or_class_before_a_name_is_either_pattern() -> None:
    brand = re.compile(r"(?<![\w-])" + entities_mod._BRAND + " $")
    product_class = re.compile(r"(?<![\w-])" + entities_mod._CLASS + " $")
    hits = 0
    for text in _texts(200, seed=19) + ["the new iPod ", "web browser ", "the sequel, ", "x-iPod "]:
        for end in range(len(text) + 1):
            lo = max(0, end - 24)
            either = bool(brand.search(text, lo, end) or product_class.search(text, lo, end))
            hits += either
            assert (entities_mod._AFTER_BRAND_OR_CLASS.search(text, lo, end) is not None) == either, (text, end)
    assert hits
