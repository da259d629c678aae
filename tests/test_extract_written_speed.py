"""`_written_with` answers what a search of the text for a pattern compiled per word answered (the name escaped
between a look-behind and what follows it): `_acts`, `_written_alone`, `_bare_name` and `_written_as_firm` ask it with
patterns compiled once, trying every place the word is written (overlapping ones too)."""

from __future__ import annotations

import random
import re

from newsreader.extract import entities as entities_mod

_PIECES = ["Apple", "Apple's", "Apple’s", "Apples", "Intel", "Intel Core", "Mac", "Mac", "MacBook", "aa", "aaa", "a",
           "A", "an", "An", "the", "The", "the", "the Apple", "a Mac", "An aa", "the Intel", "Inc", "Inc.", "Corp", "Co", "Co.", "Ltd", "said", "says", "announced",
           "reported", "spokesman", "spokeswoman", "spokesperson", "its", "it", "shares", "'s shares", "’s", "'", "’",
           "s", "-", "_", "x-Apple", "Apple-", "C++", "A.B.", "(", ")", "[a]", "$", "^", "*", "?", "\\", "|", "{1}",
           "Straße", "Ünion", "ǅ", "İ", "ſ", "K", "٣", "2", "787", "X", "", "\n"]
_GAPS = (" ", " ", " ", "", "", "  ", ", ", "\n", "-", "'", "’")


def _texts(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(_PIECES) + rng.choice(_GAPS) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def _words(rng: random.Random, text: str) -> list[str]:
    # words the text holds (at its start, its end and within, cut anywhere), then words it may not hold
    cuts = [(0, rng.randint(0, 6)), (max(0, len(text) - rng.randint(0, 6)), len(text))]
    for _ in range(4):
        start = rng.randint(0, len(text))
        cuts.append((start, start + rng.randint(0, 8)))
    return [text[a:b] for a, b in cuts] + rng.sample(_PIECES, 4)


#: What follows a firm's name, as `_written_as_firm`'s callers wrote it for the per-word search.
_FIRM_AFTER_NO_PERSON = r" (?:Corp\b|Inc\b|spokes(?:man|woman|person)\b|(?:said|says) its\b)|['’]s shares\b"
_FIRM_AFTER = _FIRM_AFTER_NO_PERSON + r"| (?:said|says) it\b"


def _slow(text: str, word: str) -> dict[str, bool]:
    """The per-word searches as `_acts`, `_is_product`, `_bare_name` and `_written_as_firm` ran them."""
    w = re.escape(word)
    announces = entities_mod._ANNOUNCES
    return {
        "acts": re.search(rf"(?<![\w-]){w}(?:['’]s? | (?:Inc|Corp|Co|Ltd|{announces})\b)", text) is not None,
        "alone": re.search(rf"(?<![\w-]){w}(?! [A-Z0-9])(?![\w-])", text) is not None,
        "bare": re.search(rf"(?<![\w-])(?:[Tt]he|[Aa]n?) {w}(?![\w-])", text) is None,
        "firm": re.search(rf"(?<![\w-]){w}(?:{_FIRM_AFTER})", text) is not None,
        "firm_no_person": re.search(rf"(?<![\w-]){w}(?:{_FIRM_AFTER_NO_PERSON})", text) is not None,
    }


def _fast(doc: entities_mod._Doc, word: str) -> dict[str, bool]:
    return {"acts": doc._acts(word), "alone": doc._written_alone(word), "bare": doc._bare_name(word),
            "firm": doc._written_as_firm(word, entities_mod._FIRM_AFTER),
            "firm_no_person": doc._written_as_firm(word, entities_mod._FIRM_AFTER_NO_PERSON)}


def test_names_are_found_written_as_the_search_per_word_found_them() -> None:
    rng = random.Random(47)
    texts = _texts(rng, 3000) + [
        "Apple said", "Apple's", "x Apple’s", "Apple Inc.", "the Apple", "an Apple", "a Apple", "thea Apple", "xa Apple",
        "-a Apple", "the Apple-", "the Apples", "aaa said", "aaa's", "Intel Core and Intel chips", "Intel 2", "Intel",
        "Mac-Apple said Apple said", "C++ Inc", "A.B. said its", "Straße said it", "İ said it", "the\nApple",
        "The  Apple", "Microsoft spokesman", "Microsoft spokes", "Microsoft's shares", "Microsoft’s shares rose"]
    seen = {name: [0, 0] for name in _slow("", "")}
    later = 0  # names whose first place fails and a later one answers
    for text in texts:
        doc = entities_mod._Doc(text)  # (a `_Doc` remembers answers for its one text)
        for word in _words(rng, text):
            slow = _slow(text, word)
            assert _fast(doc, word) == slow, (text, word)
            for name, answer in slow.items():
                seen[name][answer] += 1
            first = text.find(word)
            later += first >= 0 and slow["acts"] and re.compile(
                rf"(?<![\w-]){re.escape(word)}(?:['’]s? | (?:Inc|Corp|Co|Ltd|{entities_mod._ANNOUNCES})\b)").match(
                text, first) is None
    # every search answered both ways, often; and places past the first written one were needed
    assert all(no > 300 and yes > 300 for no, yes in seen.values()), seen
    assert later > 100, later


def test_a_place_overlapping_the_one_before_is_tried() -> None:
    """"A. A." is written at 0 and 3 of "A. A. A. said": only the second place is followed by " said", and both
    stand after no letter; where a letter is written before a place ("xA. A. said"), it is not tried."""
    for text, acts, alone, bare in (("A. A. A. said", True, True, True), ("A. A. xA. A. said", False, True, True),
                                    ("the A. A. A. X", False, False, False), ("the A. A. A.", False, True, False),
                                    ("A. A. the A. A.x", False, True, True)):
        doc = entities_mod._Doc(text)
        assert (doc._acts("A. A."), doc._written_alone("A. A."), doc._bare_name("A. A.")) == (acts, alone, bare), text
        assert _slow(text, "A. A.")["acts"] == acts and _slow(text, "A. A.")["alone"] == alone, text
        assert _slow(text, "A. A.")["bare"] == bare, text
