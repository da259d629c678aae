"""Snippet marking of plain English text compiles no CJK pattern: `_word_starts` asked `cjk_re()` about the
letter before every candidate inside a word ("minister" in "administer", "oil" in "toil"), and the pattern's
compile (~1.2 ms, ~19 M instructions) came back at the first search of every process (review RV30-C #2)."""

from __future__ import annotations

import pytest

from newsreader.search import analysis
from newsreader.search.analysis import stem
from newsreader.search.snippets import match_ranges


@pytest.fixture
def cold_cjk_re():  # type: ignore[no-untyped-def]
    analysis.cjk_re.cache_clear()
    yield analysis.cjk_re.cache_info
    analysis.cjk_re.cache_clear()


def _marked(text: str, words: list[str]) -> list[str]:
    return [text[a:b] for a, b in match_ranges(text, {stem(w) for w in words})]


def test_words_inside_english_words_are_passed_over_without_the_cjk_pattern(cold_cjk_re) -> None:  # type: ignore[no-untyped-def]
    text = "They administer the toil; the minister's oil went toward the war ministry."
    assert _marked(text, ["minister", "oil", "war"]) == ["minister", "oil", "war"]
    assert cold_cjk_re().currsize == 0


@pytest.mark.parametrize("text, marked", [
    ("のiPhone15が発売", ["iPhone15"]),  # (after a CJK letter: a word's start, as the index has it)
    ("東京iphone", ["iphone"]),
    ("Aiphone and Éiphone", []),  # (after a Latin letter, ASCII or not: inside a word)
])
def test_a_word_after_a_cjk_letter_still_starts_there(text: str, marked: list[str]) -> None:
    assert _marked(text, ["iphone15" if "15" in text else "iphone"]) == marked
