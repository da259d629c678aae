"""Names and dates of the headline (N1, Q9 #1): a name only in the headline ("Lindsay Lohan Checks Into
Rehab at Betty Ford Center" over a body that says "the actress") was in no `person:` field. The headline
is extracted at index time as `title_entities` / `title_dates`, read as a sentence (`headline_case`): in
Title Case every word is capitalised, and the extractor took the whole headline for one organisation."""

from __future__ import annotations

from types import SimpleNamespace

from newsreader.config import Config, Paths
from newsreader.extract import NOT_ENGLISH, extract, extract_story, extract_title
from newsreader.search.store import TERMS_CHANGED, TITLES_CHANGED, Stamp

from tests.test_e9_language import GERMAN

REHAB_PAGE = """Lindsay Lohan Checks Into Rehab at Betty Ford Center

March 3, 2013

The actress arrived at the Betty Ford Center in Rancho Mirage late on Friday, a spokesman said, a day after a judge ordered
her to spend 90 days in a locked facility.

Her lawyer said the move was agreed with the court and that she would stay for the whole term.
"""


def names(title: str, context: str) -> list[tuple[str, str]]:
    found = extract_story(context, [])
    return [(e.text, e.kind) for e in extract_title(title, context, found=found).entities]


def test_a_title_case_headline_is_read_as_a_sentence() -> None:
    title = "Tara Reid Finally Checks Into Rehab For Undisclosed Reasons"
    assert [e.kind for e in extract(title).entities] == ["org"]  # the whole headline, read as written
    assert names(title, "The actress has checked into a clinic, her publicist said.") == [("Tara Reid", "person")]


def test_a_word_that_is_a_name_too_is_one_only_when_the_story_says_so() -> None:
    burns = "Matanuska Maid Building Burns Down"
    assert names(burns, "The Matanuska Maid building in Palmer burned down overnight.") == [
        ("Matanuska Maid", "org")]
    rule = "Obama Overturns Bush Rule On Species"
    said = "The president reversed a rule the Bush administration made in its last weeks."
    assert "Bush" in [text for text, _ in names(rule, said)]  # "the Bush administration": a name


def test_a_headline_name_takes_the_storys_kind_and_full_name() -> None:
    context = "Lindsay Lohan entered the Betty Ford Center on Friday, her lawyer said."
    got = extract_title("Lohan Checks Into Betty Ford", context, found=extract_story(context, []))
    assert [(e.text, e.kind, e.name) for e in got.entities][0] == ("Lohan", "person", "Lindsay Lohan")


def test_a_headline_over_a_story_not_in_english_gets_no_names_but_its_dates() -> None:
    found = extract_story(GERMAN, [])
    got = extract_title("Streik am 3. März 2024: Bahn Chef Richard Lutz warnt", GERMAN, found=found)
    assert got.names_withheld == NOT_ENGLISH and got.entities == []


def test_a_name_and_a_date_only_in_the_headline_are_searchable_and_in_show_json(tmp_path) -> None:
    from newsreader.search.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rehab.txt").write_text(REHAB_PAGE, encoding="utf-8")
    (corpus / "dated.txt").write_text("Vote set for 15 December 2013\n\nMarch 3, 2013\n\nOfficials said the "
                                      "districts were drawn and the lists of candidates would follow.\n",
                                      encoding="utf-8")
    library = Library.open(Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache"), corpus, Config())
    try:
        library.update()
        rows = {row.title: row.id for row in library.list_rows(0, 10)}
        rehab = library.get(rows["Lindsay Lohan Checks Into Rehab at Betty Ford Center"])
        assert "Lohan" not in rehab.article.text
        title = rehab.article.title
        assert {(title[e["start"]:e["end"]], e["kind"]) for e in rehab.title_entities} == {
            ("Lindsay Lohan", "person"), ("Betty Ford Center", "place")}
        assert [h.id for h in library.search('person:"Lindsay Lohan"').hits] == [rehab.article.id]
        shown = rehab.to_dict()
        assert shown["title_entities"] == rehab.title_entities and shown["title_dates"] == []
        dated = library.get(rows["Vote set for 15 December 2013"])
        assert [d["value"] for d in dated.title_dates] == ["2013-12-15"]
        assert [h.id for h in library.search("mentions:2013-12-15").hits] == [dated.article.id]
    finally:
        library.close()


def test_an_index_from_before_headline_names_is_read_again_saying_why() -> None:
    now = Stamp("p", "e", "c", "rules", "mentions titles")
    assert now.changes(Stamp("p", "e", "c", "rules", "mentions")) == [TITLES_CHANGED]
    assert now.changes(Stamp("p", "e", "c", "rules")) == [TERMS_CHANGED, TITLES_CHANGED]
    assert now.changes(Stamp("p", "e", "c", "rules", "mentions titles")) == []


def test_search_does_not_call_an_index_with_mentions_one_from_before_mentions() -> None:
    from newsreader.search.commands import _made_before

    def library(*terms: str) -> SimpleNamespace:
        stamps = {str(n): Stamp("p", "e", "c", "rules", t) for n, t in enumerate(terms)}
        return SimpleNamespace(store=lambda: SimpleNamespace(stamps=lambda: stamps))

    assert not _made_before(library("mentions", "mentions titles"), "mentions")
    assert _made_before(library("mentions", ""), "mentions")


def test_the_story_words_are_found_at_their_offsets_whatever_their_case() -> None:
    from newsreader.extract import _written

    # "İ" lower-cases to two characters: offsets into the lower-cased text would be one off.
    assert sorted(_written("İzmir: the Police said police_x, POLICE.", {"police"})) == [(11, "Police"), (33, "POLICE")]


def test_an_all_caps_headline_lower_cases_a_name_too_the_story_writes_in_lower_case() -> None:
    """RV26-B #2: in an ALL CAPS headline an English word that is a name too ("SET", "IN", "MAY") was
    capitalised even when the story writes it in lower case, and the extractor joined the words into a
    name: "FIRE SET IN PARK" was the place "Set In Park". One the story does not write stays capitalised:
    "MARCH" is still the headline's date. (Mutants: the old rule; such words lower-cased however the story
    writes them, which loses "MARCH".)"""
    from newsreader.extract import headline_case

    context = "A fire was set in the park on Sunday, and officials said the plan may change."
    assert headline_case("FIRE SET IN PARK", context) == "fire set in park"
    assert names("FIRE SET IN PARK", context) == []
    assert headline_case("PLAN MAY CHANGE IN MARCH", context) == "plan may change in March"
    got = extract_title("PLAN MAY CHANGE IN MARCH", context, found=extract_story(context, []))
    assert [d.text for d in got.dates] == ["MARCH"] and got.entities == []
