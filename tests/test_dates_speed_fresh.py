"""Speed of the date finder on text the process has not read (issue #4): the shortcuts give what
the forms they stand for give."""

from __future__ import annotations

import random
import re

from newsreader.extract import dates as dates_mod

#: What may stand right before a trigger: marks, a number's comma or point, letters and digits
#: beyond ASCII (Arabic-Indic three: a \d; superscript two: a digit but no \d; Roman twelve: \w,
#: no digit; "İ" and the Kelvin sign, which do not lower safely), and the pieces of a token ("'08").
BEFORE = ["", " ", ",", ".", "'", "’", "(", "-", "_", "\n", "é", "ß", "Ω", "\u0663", "\u00b2", "\u216b", "\u0130",
          "\u212a", "\u2014", "1", "12", "3", "x", "E", "\u0663,", "\u00b2,", "1,", "1.", "é'", "\u0663.", "_'"]
TOKENS = sorted(dates_mod._TRIGGERS - {"#", "#4"}) + [
    "The", "LAST", "week", "day", "1", "08", "'08", "2008", "1,500", "3.5", "company", "percent"]


def _salads(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(BEFORE) + rng.choice(TOKENS) for _ in range(rng.randint(1, 10))) + rng.choice(BEFORE)
            for _ in range(n)]


def _look_behind_scan() -> re.Pattern[str]:
    """The scan with its look-behinds in the pattern (as it was): no trigger after [\\w-], nor after
    a digit's comma or point."""
    return re.compile(r"[^0-9a-z_-](?<![\w-])(?<!\d[,.])" + dates_mod._TRIGGER_BODY.pattern)


def test_the_scan_drops_in_python_what_the_look_behinds_ruled_out() -> None:
    old = _look_behind_scan()
    texts = _salads(4000, seed=51) + ["é'08 and 1,500 days, \u0663,5 days, \u00b2,5 days, \u216b5 days", "1.5 years"]
    dropped = 0
    for text in texts:
        folded = dates_mod._folded(text)
        first = dates_mod._TRIGGER_BODY.match(folded)
        want = ([first.span()] if first else []) + [
            (m.start() + 1, m.end()) for m in old.finditer(folded, first.end() if first else 0)]
        assert dates_mod._TRIGGER_TOKEN.spans(text) == want, text
        dropped += len(dates_mod._TRIGGER_FOLDED.findall(folded)) > len(old.findall(folded))
    assert dropped > 1000  # the texts hold what the look-behinds ruled out


class _Forgetful(dict):
    """A memo of first-of patterns that never answers: `_candidates` then looks up the branches
    (`_HEADS`) at every sighting."""

    def get(self, key, default=None):
        return default


def test_a_head_seen_again_is_counted_and_matched_with_its_remembered_branches(monkeypatch) -> None:
    """`_candidates` counts a head seen before and not yet due for the check, and matches it with
    the branches found for it at its first sighting: the same matches and counts as looking them up
    at every sighting (heads due for the check at the third)."""
    rng = random.Random(52)
    sentences = ["Last week the company said sales fell 3.5 percent in the first quarter of 2008.",
                 "about three and a half years ago, the past two weeks, 12 days later, June 3, 2009 and 2010-06-01",
                 "Sales rose 3 percent on Monday, a year ago; two days later at the end of the day"]
    texts = [" ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 12))) for _ in range(800)]
    blocks = [texts + sentences, texts + sentences, sentences, sentences]

    def scan(first_by_head: dict) -> tuple[list, list[dict]]:
        monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
        monkeypatch.setattr(dates_mod, "_FIRST_BY_HEAD", first_by_head)
        found, memos = [], []
        for block in blocks:
            found += [[(m.span(), m.lastgroup, m.group()) for m in dates_mod._candidates(text)] for text in block]
            memos.append(dict(dates_mod._BY_HEAD))
        return found, memos

    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 3)
    fast, fast_memos = scan({})
    slow, slow_memos = scan(_Forgetful())
    assert fast == slow and fast_memos == slow_memos
    assert sum(map(len, fast)) > 300
    assert sum(type(v) is int and v == 2 for v in fast_memos[1].values()) > 50  # counted past the first sighting
    assert sum(type(v) is not int for v in fast_memos[2].values()) > 20  # and checked at the third
