"""A full name's search also finds the stories naming a part of it (N1, Q9 #1): names are grouped inside a
story, not across stories, so a story saying only "President Obama ... Obama said" has the canonical name
"Obama", and `person:"Barack Obama"` found 10 stories where `obama` found 21. It now finds those too,
ranked below the stories naming the full name, when no other indexed person's full name ends with "Obama"."""

from __future__ import annotations

import pytest

from newsreader.config import Config, Paths
from newsreader.search.entity import NamePart, name_parts
from newsreader.search.schema import name_keys
from newsreader.search.store import NAMES_CHANGED, Stamp

FULL = ("Obama signs the bill", "President Barack Obama signed the bill on Monday, the White House said. "
        "Obama said the law would help families.")
LONE = ("Obama in Chicago", "President Obama spoke to reporters in Chicago on Tuesday. "
        "Obama said the economy was improving.")
MIDDLE = ("Senator in Iowa", "Senator Barack Hussein Obama spoke to farmers in Iowa on Thursday about the crop.")
WIFE = ("School visit", "Michelle Obama visited a school in Denver on Wednesday, where she spoke about healthy food.")


def index_stories(tmp_path, stories):  # type: ignore[no-untyped-def]
    """A library of `stories` ((headline, body) pairs, each a page dated March 3, 2013), indexed."""
    from newsreader.search.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, (title, body) in enumerate(stories):
        (corpus / f"{n}.txt").write_text(f"{title}\n\nMarch 3, 2013\n\n{body}\n", encoding="utf-8")
    library = Library.open(Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache"), corpus, Config())
    library.update()
    return library


@pytest.fixture
def index(tmp_path):  # type: ignore[no-untyped-def]
    def make(*stories: tuple[str, str]):  # type: ignore[no-untyped-def]
        library = index_stories(tmp_path, stories)
        opened.append(library)
        return library

    opened: list = []
    yield make
    for library in opened:
        library.close()


def found(library, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.title for hit in library.search(query).hits]


def test_a_full_name_finds_the_stories_naming_its_surname_alone_ranked_after(index) -> None:  # type: ignore[no-untyped-def]
    library = index(FULL, LONE)
    assert found(library, 'person:"Barack Obama"') == ["Obama signs the bill", "Obama in Chicago"]
    hit = library.search('person:"Barack Obama"').hits[1]
    assert hit.snippet[hit.ranges[0][0]:hit.ranges[0][1]] == "Obama"  # where it matched is marked
    assert found(library, 'person:"Sasha Obama"') == []  # "Barack Obama" also ends with Obama: no widening


def test_a_surname_another_indexed_full_name_ends_with_is_not_widened(index) -> None:  # type: ignore[no-untyped-def]
    library = index(FULL, LONE, WIFE)  # "Obama" alone could be Michelle
    assert found(library, 'person:"Barack Obama"') == ["Obama signs the bill"]
    assert set(found(library, "person:obama")) == {"Obama signs the bill", "Obama in Chicago", "School visit"}


def test_a_name_of_three_words_finds_its_first_and_last(index) -> None:  # type: ignore[no-untyped-def]
    library = index(FULL, MIDDLE)
    assert found(library, 'person:"Barack Hussein Obama"') == ["Senator in Iowa", "Obama signs the bill"]
    assert found(library, 'person:"Barack Obama"') == ["Obama signs the bill"]  # a longer name is no part


def test_the_keys_of_a_storys_names() -> None:
    assert name_keys({"person": ["Recep Erdoğan", "Obama"], "org": [], "place": []}) == [
        "~person=recep erdogan", "~person~erdogan=recep erdogan", "~person=obama"]
    assert [p for p, _ in name_parts(["barack", "hussein", "obama"])] == ["obama", "hussein obama", "barack obama"]
    assert NamePart("person", "obama", "barack obama") != NamePart("person", "obama", "michelle obama")


def test_an_index_from_before_name_keys_is_read_again_saying_why() -> None:
    now = Stamp("p", "e", "c", "rules", "mentions titles names")
    assert now.changes(Stamp("p", "e", "c", "rules", "mentions titles")) == [NAMES_CHANGED]
