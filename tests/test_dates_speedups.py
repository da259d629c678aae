"""Speed-ups of the date finder (issue #4) give what the forms they replace give."""

from __future__ import annotations

import random
import re

import pytest

from newsreader.extract import dates as dates_mod

#: Trigger words in any case, numbers, the tails of numbers ("1,5", "3.5"), letters beyond ASCII
#: (the two that do not lower safely, "İ" and the Kelvin sign, among them), marks a trigger may
#: follow ("'the", "(2008", "—last") and ones it may not ("-the", "_a").
SCAN_WORDS = sorted(dates_mod._TRIGGERS - {"#", "#4"}) + [
    "The", "A", "THE", "Last", "wEEk", "1", "12", "2008", "'08", "1,5", "3.5", "x", "é", "Étéé", "\u0130",
    "\u0130n", "wee\u212a", "ſeptember", "’", "(", "—", "_", "\n", "-", "'", "company", "percent"]


SEPARATORS = (" ", " ", " ", "", ",", ".", "-", "'", "\n", "(")


def _salads(n: int, seed: int) -> list[str]:
    """Random word salads: 1 to 14 of `SCAN_WORDS`, each followed by a space, nothing or a mark."""
    rng = random.Random(seed)
    salads = []
    while len(salads) < n:
        size = rng.randint(1, 14)
        salads.append("".join(rng.choice(SCAN_WORDS) + rng.choice(SEPARATORS) for _ in range(size)))
    return salads


SENTENCES = [
    "the day before, 1,500 people came; a week later (2008) and 'the year' — last month",
    "Last week the company said sales fell 3.5 percent in the first quarter of 2008.",
    "2008 was a hard year. A year ago, THE DAY AFTER Christmas, 12 days earlier",
    "-the week, _a day, x1 day, ab2008, 1.5 years, 2,014 days, the1 day",
]


def _lookbehind_scan() -> re.Pattern[str]:
    """The trigger scan as it was written before it opened with the character before a trigger:
    look-behinds in front, the words in a prefix tree, then "the", "a" and the numbers (over the
    lowered text)."""
    return re.compile(
        r"(?<![\w-])(?<!\d[,.])(?:" + dates_mod._trie(
            [w for w in dates_mod._TRIGGERS if w.isalpha() and w not in ("the", "a")])
        + r"(?![A-Za-z])|the" + dates_mod._before(dates_mod._AFTER_THE) + "|a" + dates_mod._before(dates_mod._AFTER_A)
        + r"|\d|'\d)")


def test_trigger_scan_finds_what_the_look_behind_scan_finds() -> None:
    old = _lookbehind_scan()
    texts = _salads(3000, seed=3) + SENTENCES
    for text in texts:
        want = [(m.span(), m.group()) for m in old.finditer(dates_mod._folded(text))]
        assert dates_mod._TRIGGER_TOKEN.spans(text) == [span for span, _ in want], text
        assert [(m.span(), m.group()) for m in dates_mod._TRIGGER_TOKEN.finditer(text)] == want, text
    # (and the salads hold what the scan must get right: triggers at the text's start, after a
    # mark, after a number's comma, and none after a hyphen)
    assert sum(bool(dates_mod._TRIGGER_TOKEN.spans(t)) and dates_mod._TRIGGER_TOKEN.spans(t)[0][0] == 0 for t in texts) > 500
    assert sum(len(dates_mod._TRIGGER_TOKEN.spans(t)) for t in texts) > 10000


def test_candidates_read_the_scan_as_the_token_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_candidates` reads the spans of the scan; with a plain pattern in its place (as the other
    speed tests put one), the spans of its matches: the same candidates."""
    texts = _salads(1500, seed=4) + SENTENCES
    fast = [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    old = _lookbehind_scan()

    class Lowered:
        def finditer(self, text: str):
            return old.finditer(dates_mod._folded(text))

    monkeypatch.setattr(dates_mod, "_TRIGGER_TOKEN", Lowered())
    assert fast == [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    assert sum(map(len, fast)) > 500


def test_trie_without_tails_is_the_bare_prefix_tree() -> None:
    """(the holiday names use it so: a shorter name is matched where a longer one stops)"""
    assert dates_mod._trie(["a", "ab", "b"]) == "(?:a(?:b)?|b)"
    assert dates_mod._trie(["a", "ab", "b"], tail=lambda w: f"<{w}>") == "(?:a(?:b<ab>|<a>)|b<b>)"
