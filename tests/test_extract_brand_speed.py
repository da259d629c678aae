"""`_brand_or_class_before` searches the window before a name for a lower-camel brand or a product class
(`_AFTER_BRAND_OR_CLASS`) only where the word before the name may end a match: it answers as the search does."""

from __future__ import annotations

import random
import re

from newsreader.extract import entities as entities_mod


def _words() -> list[str]:
    # every word of the pattern's branches (so a branch added to `_CLASS` is read here too), brands, quotation marks,
    # common words, names and marks around them
    class_words = sorted(set(re.findall(r"[a-z]+", entities_mod._CLASS)))
    return class_words * 3 + ["iPod", "eBay", "iTunes", "xBox", "iPhone4", "e-Book", "``", '"', "“", "'", "the",
                              "in", "said", "of", "a", "within", "the", "in", "Nano", "Safari", "Mac", "OS", "X",
                              "Star", "Twilight", "(", ",", "-", "film,", "sequel,", "", "\n"]


def test_the_window_is_searched_where_a_match_may_end_and_answers_as_the_search() -> None:
    rng = random.Random(61)
    words = _words()
    texts = [rng.choice(["", " ", "\n", "("]) + "".join(
        rng.choice(words) + rng.choice((" ", " ", " ", "", "  ", ", ", "\n", " \n")) for _ in range(rng.randint(1, 12)))
        for _ in range(3000)]
    texts += ["the web browser Safari", "the operating system Mac OS X", "he starred in the Twilight", "a cameo in Pie",
              "the iPod Classic", "the sequel, Catching Fire", 'the iPod "Nano', "a dhow called Salahaddin",
              "the miniseries Roots", "the film\nTwilight", "the film \nTwilight", "starred in Pie", "cameo in the X",
              "starring role in the Roots", "xx starring role in the Roots"]
    found = none_after_space = 0
    for text in texts:
        for start in range(len(text) + 1):
            slow = entities_mod._AFTER_BRAND_OR_CLASS.search(text, max(0, start - 24), start) is not None
            assert entities_mod._brand_or_class_before(text, start) == slow, (text, start)
            found += slow
            none_after_space += not slow and text[start - 1:start] == " "
    assert found > 4000 and none_after_space > 4000, (found, none_after_space)


def test_the_strings_of_a_pattern_are_read_off_its_parse_tree() -> None:
    """`_strings` reads every string of a pattern of literals, letter classes, groups, branches and "?"; a pattern
    with any other repeat has no finite list and is refused."""
    read = entities_mod._strings
    assert read(entities_mod._sre.parse(r"(?:a|bc)d?")) == {"a", "ad", "bc", "bcd"}
    assert read(entities_mod._sre.parse(r"[Tt]he(?: (?:ship|boat),?)?")) == {
        "The", "the", "The ship", "the ship", "The boat", "the boat", "The ship,", "the ship,", "The boat,", "the boat,"}
    for pattern in (r"a*", r"a+", r"a{2}", r"[a-z]", r"\w", r"a.b"):
        try:
            read(entities_mod._sre.parse(pattern))
        except ValueError:
            continue
        raise AssertionError(pattern)
    # every string read matches `_CLASS` whole; every word of its source ends one
    strings = entities_mod._CLASS_STRINGS
    assert all(re.fullmatch(entities_mod._CLASS, s) for s in strings)
    assert all(any(s.endswith(w) or f"{w} " in s or f"{w}," in s for s in strings)
               for w in re.findall(r"[a-z]+", entities_mod._CLASS))


def test_the_last_words_of_the_product_classes_are_theirs() -> None:
    """`_CLASS_LAST` and `_STAR_LAST` are the last words of `_CLASS`'s matches (as `endswith` reads them: one
    ending another is left out), split by "star" and "cameo" in the match."""
    strings = entities_mod._CLASS_STRINGS
    for string in strings:
        last = string.rsplit(" ", 1)[-1]
        star = "star" in string or "cameo" in string
        assert last.endswith(entities_mod._STAR_LAST if star else entities_mod._CLASS_LAST), string
    assert set(entities_mod._STAR_LAST) == {"in", "the"}
    # (the common words "in" and "the" before a name send the window to the search only after "star" or "cameo")
    assert "in" not in entities_mod._CLASS_LAST and "the" not in entities_mod._CLASS_LAST
    assert {"system", "series", "sequel,", "called", "vessel", "tanker"} <= set(entities_mod._CLASS_LAST)
    assert "miniseries" not in entities_mod._CLASS_LAST and "supertanker" not in entities_mod._CLASS_LAST
    for words in (entities_mod._CLASS_LAST, entities_mod._STAR_LAST):
        assert not any(w != o and w.endswith(o) for w in words for o in words), words
    assert entities_mod._last_words({"the miniseries", "a series", "x"}) == ("series", "x")
