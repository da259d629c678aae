"""S6: Chinese, Japanese and Korean are written without spaces between words, so a run of their letters was
one index term ("東京都知事選挙の投開票が行われ") and no word inside it could be found. As Lucene's CJK analyzer
does, a run is now indexed as its overlapping two-letter pieces, and a word searched is its pieces in a row
(a phrase). Thai and the other scripts without spaces need a dictionary to find their words: not done
(their runs stay whole terms, as before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config, Paths
from newsreader.search.analysis import (
    NewsAnalyzer,
    cjk_pieces,
    name_terms,
    terms,
    words,
)
from newsreader.search.library import Library
from newsreader.search.store import CJK_CHANGED, INDEX_TERMS, Stamp

STORIES = {
    "tokyo": ("東京都知事選挙で小池氏が三選", "東京都知事選挙の投開票が行われ、現職の小池百合子氏が三選を果たした。"),
    "kyoto": ("京都の観光客が過去最多に", "京都市によると、昨年の観光客数は過去最多となった。知事が選挙について話した。"),
    "seoul": ("서울 시장 선거 결과", "서울특별시 시장 선거에서 새 시장이 당선되었다."),
    "phone": ("Apple news", "The iPhone発売 drew crowds. A 京都 visitor liked the 都市 lights."),
}


def write_corpus(corpus: Path) -> None:
    corpus.mkdir()
    for n, (title, body) in enumerate(STORIES.values()):
        (corpus / f"{n}.txt").write_text(f" date 2024-05-0{n + 1} {title}\n\n{body}\n\nMore text here.\n",
                                         encoding="utf-8")


@pytest.fixture(scope="module")
def library(tmp_path_factory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("cjk")
    write_corpus(base / "corpus")
    lib = Library.open(Paths(base / "config", base / "data", base / "cache"), base / "corpus", Config())
    lib.update()
    yield lib
    lib.close()


def test_a_run_of_cjk_letters_is_its_two_letter_pieces() -> None:
    assert words("東京都知事") == ["東京", "京都", "都知", "知事"]
    assert terms("小池氏が三選 한국어") == ["小池", "池氏", "氏が", "が三", "三選", "한국", "국어"]
    assert words("iPhone発売 の 本") == ["iphone", "発売", "の", "本"]  # (a lone letter is its own term)
    assert cjk_pieces("iPhone発売") == [("iPhone", 0), ("発売", 6)]
    assert words("Café 東京") == ["cafe", "東京"] and name_terms("習近平") == ["習近", "近平"]
    assert words("ภาษาไทย") == ["ภาษาไทย"]  # Thai: no dictionary, the run stays one word


@pytest.mark.parametrize("text", ["東京都知事選挙で小池氏が三選", "The iPhone発売 (東京) sold out", "서울특별시 시장",
                                  "Straße 京都市 İstanbul"])
def test_the_query_analyzer_gives_the_index_terms_and_their_places(text: str) -> None:
    """Query text, indexed text and snippets must agree: the Whoosh-facing analyzer yields `terms`, in order,
    at consecutive positions, each at the characters of the text it came from."""
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in NewsAnalyzer()(text, positions=True, chars=True)]
    assert [t for t, _, _, _ in tokens] == terms(text)
    assert [p for _, p, _, _ in tokens] == list(range(len(tokens)))
    for term, _, start, end in tokens:
        assert terms(text[start:end]) == [term]


@pytest.mark.parametrize(("query", "found"), [
    ("知事", ["kyoto", "tokyo"]),
    ("小池", ["tokyo"]),
    ("観光客", ["kyoto"]),
    ("知事選挙", ["tokyo"]),
    ("京都市", ["kyoto"]),  # its pieces in a row: "京都 ... 都市" (phone) has them apart
    ("시장", ["seoul"]),
    ("発売", ["phone"]),
    ("iphone", ["phone"]),
    ("title:三選", ["tokyo"]),
    ("東京 OR 서울", ["seoul", "tokyo"]),
])
def test_a_word_inside_a_run_is_found(library, query: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    titles = {title: key for key, (title, _) in STORIES.items()}
    result = library.search(query, limit=10)
    assert sorted(titles[h.title] for h in result.hits) == found


def test_snippets_and_titles_mark_the_words_found(library) -> None:  # type: ignore[no-untyped-def]
    (hit,) = library.search("知事選挙", limit=10).hits
    assert [hit.title[a:b] for a, b in hit.title_ranges] == ["知事選挙"]
    assert [hit.snippet[a:b] for a, b in hit.ranges] == ["知事選挙"]
    (hit,) = library.search("iphone", limit=10).hits
    assert [hit.snippet[a:b] for a, b in hit.ranges] == ["iPhone"]
    (hit,) = library.search("発売", limit=10).hits
    assert [hit.snippet[a:b] for a, b in hit.ranges] == ["発売"]


def test_no_spelling_is_offered_for_a_cjk_word(library) -> None:  # type: ignore[no-untyped-def]
    result = library.search("大阪府知事選", limit=10)
    assert not result.hits and result.suggestion is None


def test_an_index_from_before_is_read_again_saying_why() -> None:
    now = Stamp("p", "e", "c", "rules", INDEX_TERMS)
    assert now.changes(Stamp("p", "e", "c", "rules", INDEX_TERMS.replace(" cjk", ""))) == [CJK_CHANGED]


def test_search_on_an_index_from_before_says_to_index(capsys, restamp_index, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`search` does not update the index: on one made before, a CJK word finds nothing, and it says why."""
    from newsreader.cli import main

    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "大阪", "--corpus", str(corpus)]) == 1
    assert "made before" not in capsys.readouterr().err  # (indexed now: nothing to say)
    restamp_index(lambda stamp: stamp | {"terms": INDEX_TERMS.replace(" cjk", "")})  # (as before the pieces)
    assert main(["search", "zzzqqq", "--corpus", str(corpus)]) == 1
    assert "made before" not in capsys.readouterr().err
    assert main(["search", "大阪", "--corpus", str(corpus)]) == 1
    assert "made before words inside Chinese, Japanese and Korean text" in capsys.readouterr().err
