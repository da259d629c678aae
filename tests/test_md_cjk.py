"""MD (RV28-D #2-#5): mends to S6's Chinese, Japanese and Korean search (f7744e8).

- A Latin word or a number written right after CJK letters ("のiPhone15", "在2024年") is indexed apart from
  them, and is now marked in snippets and titles too; a snippet's window never cuts a marked word in two.
- Full-width ASCII letters and digits ("２０２４", "Ｍｉｎｉｓｔｅｒ") and half-width katakana ("ｱｲﾌｫﾝ") are folded to
  their usual forms on both sides, as Lucene's CJKWidthFilter does (NFKC on those two ranges only).
- A lone CJK letter ("東", the "年" of "2024年") is searched as the start of a two-letter piece (as "東*"); a search
  that finds nothing with one says why; a space typed inside a quoted CJK compound ('"知事 選挙"') is also
  searched without it.
- A combining mark after a CJK letter ("東\u0301京") made an empty term and split the run in the analyzer while
  `terms` joined it: a word is now folded first, then cut into pieces, in both.
"""

from __future__ import annotations

import pytest

from newsreader.config import Config, Paths
from newsreader.search.analysis import NewsAnalyzer, fold, terms, words
from newsreader.search.library import Library
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


@pytest.mark.parametrize(("wide", "usual"), [
    ("２０２４年", "2024年"),
    ("Ｍｉｎｉｓｔｅｒ ＭＩＮＩＳＴＥＲ", "minister minister"),
    ("ｱｲﾌｫﾝ", "アイフォン"),
    ("ｶﾞｿﾘﾝ価格", "ガソリン価格"),  # (a voiced sound mark joins its letter)
    ("ﾊﾟｿｺﾝ", "パソコン"),
])
def test_width_forms_are_folded(wide: str, usual: str) -> None:
    assert terms(wide) == terms(usual) and words(wide) == words(usual)


def test_no_other_compatibility_form_is_folded() -> None:
    assert fold("①ﬁ㍻") == "①ﬁ㍻"
    assert fold("＾！ｍ") == "＾！m"  # (full-width signs are in no word: left, as the README says)
    assert fold("ｱﾞ") == "ア\u3099"  # (no one letter for it: the mark stays after its letter)


@pytest.mark.parametrize("text", ["東\u0301京の選挙", "ｶﾞｿﾘﾝ価格が２０２４年に", "Ｍｉｎｉｓｔｅｒ東京", "ｱﾞｲ",
                                  "アップル社のiPhone15発売", "Straße東\u0301京İstanbul"])
def test_the_analyzer_and_terms_agree_on_marks_and_width_forms(text: str) -> None:
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in NewsAnalyzer()(text, positions=True, chars=True)]
    assert [t for t, _, _, _ in tokens] == terms(text)
    assert all(t for t, _, _, _ in tokens)  # (no empty term)
    assert [p for _, p, _, _ in tokens] == list(range(len(tokens)))
    for term, _, start, end in tokens:
        assert terms(text[start:end]) == [term]


@pytest.fixture(scope="module")
def library(tmp_path_factory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("mdcjk")
    corpus = base / "corpus"
    corpus.mkdir()
    stories = [("東京の観光客が過去最多に", "東京都によると、２０２４年の観光客は過去最多となった。ｱｲﾌｫﾝの発売も話題に。"),
               ("Ｍｉｎｉｓｔｅｒ speaks", "The Ｍｉｎｉｓｔｅｒ said the ｶﾞｿﾘﾝ price rose in 2023."),
               ("Other news", "The minister of 京都 spoke about 都市 planning in 2025."),
               ("서울 시장 선거 결과", "서울 시장 선거에서 새 시장이 당선되었다. 東京都知事選挙の投開票。")]
    for n, (title, body) in enumerate(stories):
        (corpus / f"{n}.txt").write_text(f" date 2024-05-0{n + 1} {title}\n\n{body}\n\nMore text here.\n",
                                         encoding="utf-8")
    lib = Library.open(Paths(base / "config", base / "data", base / "cache"), corpus, Config())
    lib.update()
    yield lib
    lib.close()


@pytest.mark.parametrize(("query", "found"), [
    ("2024", ["東京の観光客が過去最多に"]),
    ("２０２４", ["東京の観光客が過去最多に"]),
    ("アイフォン", ["東京の観光客が過去最多に"]),
    ("ガソリン", ["Ｍｉｎｉｓｔｅｒ speaks"]),
    ("ministers", ["Other news", "Ｍｉｎｉｓｔｅｒ speaks"]),
    ("Ｍｉｎｉｓｔｅｒ", ["Other news", "Ｍｉｎｉｓｔｅｒ speaks"]),
])
def test_width_forms_are_found_either_way(library, query: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(h.title for h in library.search(query, limit=10).hits) == found


def test_width_forms_are_marked(library) -> None:  # type: ignore[no-untyped-def]
    (hit,) = library.search("2024 アイフォン", limit=10).hits
    assert [hit.snippet[a:b] for a, b in hit.ranges] == ["２０２４", "ｱｲﾌｫﾝ"]
    hits = {h.title: h for h in library.search("minister", limit=10).hits}
    hit = hits["Ｍｉｎｉｓｔｅｒ speaks"]
    assert [hit.title[a:b] for a, b in hit.title_ranges] == ["Ｍｉｎｉｓｔｅｒ"]


@pytest.mark.parametrize(("query", "found"), [
    ("2024年", ["東京の観光客が過去最多に"]),  # (text "２０２４年の観光客": "年" only inside the piece "年の")
    ("２０２４年", ["東京の観光客が過去最多に"]),
    ('"2024年"', ["東京の観光客が過去最多に"]),
    ("2025年", []),
    ("東", ["東京の観光客が過去最多に", "서울 시장 선거 결과"]),
    ("挙", ["서울 시장 선거 결과"]),
    ('"知事 選挙"', ["서울 시장 선거 결과"]),
    ('"서울 시장"', ["서울 시장 선거 결과"]),  # (Korean puts spaces between words: as typed)
    ('"東京都 選挙"', []),
])
def test_a_lone_cjk_letter_is_the_start_of_a_piece(library, query: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(h.title for h in library.search(query, limit=10).hits) == found


def test_a_search_that_a_lone_letter_leaves_empty_says_why(library) -> None:  # type: ignore[no-untyped-def]
    result = library.search("た", limit=10)  # (only as a run's last letter: "なった。")
    assert not result.hits
    assert any("letter alone (た)" in note for note in result.notes)
    assert not any("letter alone" in note for note in library.search("zzzqqq", limit=10).notes)
    assert not any("letter alone" in note for note in library.search("東", limit=10).notes)
