"""A date branch tried alone (`dates._single`) is compiled from the parse the head automaton made of it, with the
scan's look-behind put before it, instead of from its text (which re.compile would parse again): it must match
exactly where, and as, the pattern compiled from the text does (issue #4)."""

from __future__ import annotations

import random
import re

import pytest

from newsreader.extract import dates as dates_mod

#: Words the branches are made of, in several cases, and what may stand before a trigger: a letter, digit, "_" or
#: "-" (where the look-behind fails: "x2008", "-May"), marks and spaces.
WORDS = sorted(dates_mod._TRIGGERS - {"#", "#4"}) + [
    "The", "Last", "MAY", "March", "Friday", "2008", "1999", "12", "3", "31", "'08", "1990s", "Q3", "H1", "FY2009",
    "2009-10", "12/03/2008", "2008-05-01", "days", "weeks", "months", "years", "ago", "of", "and", "a half",
    "quarter", "week", "season", "decade", "Fifties", "trading", "morning", "later", "x", "é", "_", "-", "9/11"]
SEPARATORS = (" ", " ", " ", "", ",", ".", "-", "'", "\n", "(", "x", "_", "1")
#: Dates of many kinds of branch, also run into a word before them ("x" + a sentence).
SENTENCES = [
    "two years ago", "three more months", "two and a half years", "last week", "May 3, 2008", "3 May 2008",
    "the first day of March 2009", "the 1990s", "early morning", "12/03/2008", "fiscal 2009", "the third quarter",
    "this summer", "next Friday", "the day before", "mid-2008", "the late Sixties", "the 21st century",
    "the 2008-09 season", "March of last year", "the end of the month", "about a decade", "the past few days",
    "earlier this year", "Q3 2008", "the following day", "September 11", "in the year to March", "that time",
    "the week of June 5", "the second half of 2008", "the same period last year", "January", "2008-05-01",
    "currently", "the morning", "the year", "a few days later", "the previous month", "the spring of 2008"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 10))) for _ in range(n)] \
        + SENTENCES + ["x" + s for s in SENTENCES] + ["-" + s for s in SENTENCES]


def _branches() -> list[str]:
    """Every branch as `_branches_for` gives it to some key (with and without the approximators)."""
    keys = sorted({w for words, _ in dates_mod._BRANCHES for w in words.split()} | {"#4"})
    return sorted({b for key in keys for b in dates_mod._branches_for(key)})


BRANCHES = _branches()


def _single_from_text(branch: str):
    """What `_single` stood for: the branch after `_START`, compiled from its text."""
    return re.compile(dates_mod._START + branch + ")")


def test_every_branch_compiles_as_its_text() -> None:
    assert len(BRANCHES) > len(dates_mod._BRANCHES)  # (stripped approximators give more)
    for branch in BRANCHES:
        fast, slow = dates_mod._single(branch), _single_from_text(branch)
        assert (fast.groups, fast.groupindex, fast.flags) == (slow.groups, slow.groupindex, slow.flags), branch[:60]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_branch_matches_where_and_as_its_text_does(seed: int) -> None:
    pairs = [(dates_mod._single(b), _single_from_text(b)) for b in BRANCHES]
    kinds: set[str] = set()
    refused = 0  # matches the branch alone makes where the look-behind fails ("x2008"): the look-behind's work
    for text in _texts(150, seed):
        for pos in range(len(text)):
            for fast, slow in pairs:
                want = slow.match(text, pos)
                got = fast.match(text, pos)
                assert (got and (got.span(), got.groupdict(), got.lastgroup)) == \
                    (want and (want.span(), want.groupdict(), want.lastgroup)), (text, pos, slow.pattern[:60])
                if want is not None:
                    kinds.add(want.lastgroup or "")
                elif pos and not text[pos - 1].isalnum() and text[pos - 1] not in "_-":
                    continue
                elif pos and re_match_alone(slow, text, pos):
                    refused += 1
    assert len(kinds) > 30, kinds  # the texts hold matches of many kinds of branch
    assert refused > 20, refused  # ... and places where only the look-behind keeps a branch from matching


def re_match_alone(slow, text: str, pos: int) -> bool:
    """Does the branch match at `pos` without `_START`'s look-behind?"""
    body = slow.pattern[len(dates_mod._START):-1]
    return re.compile(body).match(text, pos) is not None


def test_a_branch_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_single` reads the branch's parse from `_parsed` (the automaton's), and never parses its text again."""
    branch = BRANCHES[0] + "|2345 test branch"  # (a branch new to both caches)
    parses = []
    original = dates_mod._sre.parse

    def spy(text, *args):
        parses.append(text)
        return original(text, *args)

    monkeypatch.setattr(dates_mod._sre, "parse", spy)
    dates_mod._parsed(branch)
    assert parses == []  # (already made by `_parsed`'s cache, not by the spy)
    pattern = dates_mod._single(branch)
    assert parses == [] and pattern.match("2345 test branch") is not None


def test_a_branch_keeps_its_text() -> None:
    for branch in BRANCHES[:5]:
        assert dates_mod._single(branch).pattern == _single_from_text(branch).pattern
