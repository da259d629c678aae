"""Entity fields answer to the canonical name and to the forms the article wrote."""

from __future__ import annotations

from pathlib import Path

from newsreader.config import Config, Paths
from newsreader.search.library import Library


def titles(indexed_seeds: tuple[Path, Paths], query: str) -> set[str]:
    corpus, paths = indexed_seeds
    library = Library.open(paths, corpus, Config())
    try:
        return {hit.title for hit in library.search(query, limit=50).hits}
    finally:
        library.close()


def test_acronym_and_long_form_find_the_same_stories(indexed_seeds) -> None:
    by_acronym = titles(indexed_seeds, "org:OIC")
    assert by_acronym == titles(indexed_seeds, 'org:"Organization of Islamic Cooperation"')
    assert any("OIC meeting" in t for t in by_acronym)


def test_surname_alone_finds_the_person(indexed_seeds) -> None:
    assert titles(indexed_seeds, "person:Asif") == titles(indexed_seeds, 'person:"Khawaja Asif" OR person:"Khwaja Asif"')
    assert titles(indexed_seeds, "person:Asif")
