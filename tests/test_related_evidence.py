"""Related stories need evidence (Q6 item 13): a story with no names ("Quiet day at the
office") was given three Iran/Pakistan stories for "late, home, happened, report"; and
undated stories sharing only places were claimed to be "the same event"."""

from __future__ import annotations

import shutil

import pytest

from newsreader.config import Config
from newsreader.resources import seeds_dir
from newsreader.search import Library
from newsreader.search.related import Features, RelatedFinder, Weights

QUIET = """ date 2025-07-02 Quiet day at the office

Nothing much happened today. The weather was mild and the coffee was good. Some people went home early and others stayed late.

It was, by all accounts, an ordinary day with no news to report.
"""


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("related-evidence")
    corpus = base / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    (corpus / "quiet.txt").write_text(QUIET, encoding="utf-8")
    library = Library(base / "index", corpus, Config())
    library.update()
    yield library
    library.close()


def _id(lib: Library, title: str) -> str:
    return next(r.id for r in lib.list_rows(0, 100) if r.title.startswith(title))


def test_a_story_without_names_gets_no_stories_for_common_words(lib: Library) -> None:
    finder = RelatedFinder(lib)
    quiet = _id(lib, "Quiet day")
    assert finder.candidates(quiet)  # there were candidates: it is the evidence rule that drops them
    assert finder.related(quiet) == []


def test_the_evidence_rule() -> None:
    finder = RelatedFinder.__new__(RelatedFinder)
    finder.weights = Weights()
    w = finder.weights

    def feats(**kw: float) -> Features:
        return Features(**({"text": 0.0, "entity": 0.0, "date": 0.0, "far": 0.0, "page": 0.0} | kw))

    assert finder.enough(feats(entity=0.01))
    assert finder.enough(feats(page=1.0))
    assert finder.enough(feats(text=w.text_alone))
    assert not finder.enough(feats(text=w.text_alone - 0.01, date=1.0))  # a date alone is not enough
    assert finder.enough(feats(text=w.text_specific, specific=1.0))
    assert not finder.enough(feats(text=w.text_specific - 0.01, specific=1.0))


def test_the_same_event_needs_a_time_or_a_shared_person_or_organisation(lib: Library) -> None:
    """Every same-event story has a date reason (a day in common, published close) or a
    shared person or organisation; the seeds' undated war stories share only places."""
    finder = RelatedFinder(lib)
    flagged = 0
    places_only = 0
    for row in lib.list_rows(0, 100):
        for story in finder.related(row.id):
            timed = any(r.startswith(("dates: ", "published ")) for r in story.why)
            who = any(r.startswith(("shared people", "shared organisations")) for r in story.why)
            if story.same_event:
                flagged += 1
                assert timed or who, (row.title, story.title, story.why)
            elif not timed and not who and any(r.startswith("shared places") for r in story.why):
                places_only += 1
    assert flagged and places_only


def test_a_rare_shared_key_term_lowers_the_text_a_story_needs(lib: Library) -> None:
    """`specific`: a shared key term in at most `specific_share` of the articles. Every term
    is that rare at a share of 1 (the quiet story's weak matches are then listed, text 0.1
    and up) and none at 0 (nothing listed)."""
    quiet = _id(lib, "Quiet day")
    every = RelatedFinder(lib, Weights(text_alone=1.0, specific_share=1.0)).related(quiet)
    assert every and all(any(r.startswith("key terms: ") for r in s.why) for s in every)
    assert RelatedFinder(lib, Weights(text_alone=1.0, specific_share=0.0)).related(quiet) == []


FIGHTS = {
    "bern.txt": " date 2012-07-07 Klitschko retains his belts in Bern\n\nWladimir Klitschko beat Tony Thompson in Bern "
                "on Saturday to retain his heavyweight titles. Klitschko won by knockout in the sixth round, and "
                "Wladimir Klitschko said the challenger fought well in the heavyweight bout.\n",
    "mannheim.txt": "Klitschko stops Rahman in Mannheim\n\nWladimir Klitschko stopped Hasim Rahman in Mannheim in "
                    "December 2006 to retain his heavyweight titles. Klitschko won by knockout in the seventh round, "
                    "and Wladimir Klitschko said the challenger fought well in the heavyweight bout.\n",
    "again.txt": "Klitschko keeps his heavyweight titles\n\nThe Ukrainian champion Wladimir Klitschko needed six "
                 "rounds to dispose of the American Tony Thompson. Klitschko dropped the challenger twice before "
                 "the referee stopped it, and the crowd cheered as Klitschko raised his gloves.\n",
}


def test_an_undated_story_naming_other_years_is_not_the_same_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Q9 #10: a 2012 fight and a 2006 one (that story undated, saying "December 2006")
    were flagged "same event" for the boxer they share. An undated story naming no year is
    still flagged: nothing places it elsewhere."""
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    for name, text in FIGHTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    library = Library(tmp_path / "index", corpus, Config())
    try:
        library.update()
        rel = {s.title: s for s in RelatedFinder(library).related(_id(library, "Klitschko retains"))}
        assert not rel["Klitschko stops Rahman in Mannheim"].same_event
        assert rel["Klitschko keeps his heavyweight titles"].same_event
    finally:
        library.close()
