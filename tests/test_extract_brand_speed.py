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
