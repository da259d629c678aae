"""RV26-C's findings on a full name finding its lone surname (05fe9f3) and the reader's "by" hint (b3616da):
each test fails on the code before its mend."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config, Paths
from tests.test_n1_name_parts import FULL, LONE, WIFE


def write(corpus: Path, n: int, story: tuple[str, str]) -> None:
    title, body = story
    corpus.mkdir(exist_ok=True)
    (corpus / f"{n}.txt").write_text(f"{title}\n\nMarch 3, 2013\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def library(tmp_path):  # type: ignore[no-untyped-def]
    from newsreader.search.library import Library

    opened: list = []

    def make(corpus: Path):  # type: ignore[no-untyped-def]
        lib = Library.open(Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache"), corpus, Config())
        opened.append(lib)
        return lib

    yield make
    for lib in opened:
        lib.close()


def titles(lib, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.title for hit in lib.search(query).hits]


def test_a_surnames_ambiguity_is_judged_on_the_whole_index_not_a_segment(tmp_path, library) -> None:  # type: ignore[no-untyped-def]
    """#1: Whoosh asks each segment for a matcher; Michelle Obama in the first run's segment still makes a
    lone "Obama" of the second run's ambiguous (the reader updates the index at every start)."""
    corpus = tmp_path / "corpus"
    write(corpus, 0, WIFE)
    lib = library(corpus)
    lib.update()
    write(corpus, 1, FULL)
    write(corpus, 2, LONE)
    lib.update()
    assert titles(lib, 'person:"Barack Obama"') == ["Obama signs the bill"]


def test_a_full_name_no_story_has_is_not_widened(tmp_path, library) -> None:  # type: ignore[no-untyped-def]
    """#2: "Sasha Obama" is no name of the index: the lone "Obama" is not hers (nor Susan Rice's a lone Rice)."""
    corpus = tmp_path / "corpus"
    write(corpus, 0, LONE)
    lib = library(corpus)
    lib.update()
    assert titles(lib, 'person:"Sasha Obama"') == []
    assert titles(lib, "person:obama") == ["Obama in Chicago"]
