"""The page parser's cue file is read as the extractor's are: "on", "off", "yes" and "no" are words, not YAML 1.1's
booleans. `continuation_words` held "true" for "on", so a paragraph cut after "on" stayed cut in two while one cut
after "in" was joined."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import default_cues, parse_page

PAGE = ("Talks go on\n\nThe minister said the talks between the two governments would carry {word}\n\n"
        "For another week, officials in the capital said on Monday.\n")


def test_on_is_a_continuation_word():
    cues = default_cues()
    assert "on" in cues.continuation_words and "true" not in cues.continuation_words


@pytest.mark.parametrize("word", ["in", "on"])
def test_a_paragraph_cut_after_a_continuation_word_is_joined(word):
    [article] = parse_page(PAGE.format(word=word), "p.txt").articles
    assert len(article.body) == 1 and f"carry {word} For another week" in article.body[0]
