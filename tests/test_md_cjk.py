"""MD (RV28-D #2-#5): mends to S6's Chinese, Japanese and Korean search (f7744e8).

- A Latin word or a number written right after CJK letters ("のiPhone15", "在2024年") is indexed apart from
  them, and is now marked in snippets and titles too; a snippet's window never cuts a marked word in two.
"""

from __future__ import annotations

import pytest

from newsreader.search.analysis import terms
from newsreader.search.snippets import make_snippet, match_ranges


@pytest.mark.parametrize(("text", "query", "marked"), [
    ("アップル社のiPhone15発売も話題になった。", "iphone15", ["iPhone15"]),
    ("アップル社のiPhone15発売も話題になった。", "iphone15発売", ["iPhone15発売"]),
    ("苹果在2024年发布了iPhone", "iphone", ["iPhone"]),
    ("苹果在2024年发布了iPhone", "2024", ["2024"]),
    ("Apple iPhone15 発売", "iphone15", ["iPhone15"]),
    ("the phone of iPhone15", "phone", ["phone"]),  # (not the "phone" inside a Latin word)
])
def test_a_word_right_after_cjk_letters_is_marked(text: str, query: str, marked: list[str]) -> None:
    ranges = match_ranges(text, set(terms(query)))
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    assert [text[a:b] for a, b in merged] == marked


@pytest.mark.parametrize("at", [217, 218, 219, 220])
def test_a_snippet_never_cuts_a_match(at: int) -> None:
    """Text without spaces (CJK) is cut at the window's width: a match across that place is taken whole."""
    text = "知事" + "の" * (at - 2) + "知事選挙を行った" + "の" * 100
    snippet = make_snippet(text, set(terms("知事")), width=220)
    body = snippet.text.strip("…")
    marked = [snippet.text[a:b] for a, b in snippet.ranges]
    assert all(m == "知事" for m in marked)
    assert body.count("知") == body.count("知事") and len(marked) == body.count("知事")
