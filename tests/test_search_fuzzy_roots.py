"""A misspelt fuzzy word meets the stem of the word meant (W4): the index holds stems, and a
misspelt word is not stemmed as the word meant is ("minster" keeps its "er": Porter cuts it
only after a longer stem, while "minister" is indexed as "minist", 3 edits from "minster"
and from its stem), so `minster~` missed every "minister". The word less an ending the
stemmer cuts ("minst") is compared too, for terms that are the stem of themselves plus that
ending ("minist" + "er")."""

from __future__ import annotations

from whoosh.support.levenshtein import damerau_levenshtein

from newsreader.search import expand
from newsreader.search.analysis import stem
from newsreader.search.expand import Expansion
from newsreader.search.library import Library
from tests import test_query_expand

seeds = test_query_expand.seeds  # (fixture: the seeds indexed)
ids = test_query_expand.ids


def test_loose_roots_are_the_word_less_an_ending() -> None:
    assert ("minst", "er") in expand.loose_roots("minster")
    assert ("presdi", "ent") in expand.loose_roots("presdient")
    assert all(len(r) >= expand.STEM_PREFIX_MIN for r, _ in expand.loose_roots("ties"))


def test_a_misspelt_word_finds_the_articles_of_the_word_meant(seeds: Library) -> None:
    for meant, typed in [("minister", "minster~"), ("president", "presdient~"), ("election", "elction~")]:
        plain = set(ids(seeds, meant))
        assert plain, meant
        assert plain <= set(ids(seeds, typed)), typed


def test_a_root_is_near_only_the_stems_that_its_ending_leaves(seeds: Library) -> None:
    """`tower~`: "tow" less its "er" is 1 edit from many words ("two", "town", "top"), but
    none of them is the stem of itself + "er" ("towner" stems to "towner"): none is taken
    unless it is near "tower" itself."""
    reader = seeds.searcher().reader()
    lexicon = {t for leaf in expand._leaves(reader) for t in expand.lexicon(leaf, "body").text.split()}
    near_root = {t for t in lexicon if t[:1] == "t" and damerau_levenshtein(t, "tow") <= 1
                 and damerau_levenshtein(t, "tower") > 1 and damerau_levenshtein(t, stem("tower")) > 1}
    assert near_root  # (the seeds hold such words, so the test can fail)
    chosen = {t for t, _ in Expansion("body", "tower", "fuzzy").chosen(reader).terms}
    assert not chosen & near_root
