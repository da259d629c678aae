"""What the index keeps about a story's names (E10): why it has none (`names_withheld`, so the reader
says it without judging the text again), and the names of its summary (the standfirst the parser
moved out of the body, where a person named only there was in no `person:` field and not marked)."""

from __future__ import annotations

import asyncio
import functools
import json

from newsreader.config import Config, Paths
from newsreader.extract import NOT_ENGLISH, SUMMARY_JOIN, Extraction, extract, extract_story

from tests.test_e9_language import GERMAN

STANDFIRST_PAGE = """Council approves new river crossing after long delay

Transport chief Maria Okonkwo says the bridge will open within three years of the vote

By Tom Hale

March 3, 2024

The city council on Tuesday approved plans for a new bridge across the river, ending a debate that lasted more than a decade.

The crossing will carry buses, cyclists and people on foot, and is expected to cost about 80 million pounds, the council said in a statement.

Opponents said the money would be better spent on repairing existing roads, and some residents worried about noise during construction.
"""

ENGLISH_BODY = ("The city council on Tuesday approved plans for a new bridge across the river, ending a debate "
                "that lasted more than a decade, and the mayor, Ann Lee, said the work would start in May 2025.")


def sync(fn):  # type: ignore[no-untyped-def]
    @functools.wraps(fn)
    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        return asyncio.run(fn(*args, **kwargs))
    return run


def test_extract_says_why_a_story_has_no_names_and_nothing_when_it_looked():
    german = extract(GERMAN).to_dict()
    assert german["names_withheld"] == NOT_ENGLISH and german["entities"] == []
    assert Extraction.from_dict(german).names_withheld == NOT_ENGLISH
    english = extract(ENGLISH_BODY).to_dict()
    assert "names_withheld" not in english  # a line whose names were looked for is as it was
    assert english["entities"]


def test_the_summary_is_extracted_with_offsets_into_its_joined_paragraphs():
    summary = ["Mayor Ann Lee backs the plan", "Critics led by John Carter say it costs too much"]
    body, top = extract_story(ENGLISH_BODY, summary)
    assert body.to_dict() == extract(ENGLISH_BODY).to_dict()  # the body's spans are extract's
    joined = SUMMARY_JOIN.join(summary)
    people = {e.name for e in top.entities if e.kind == "person"}
    assert {"Ann Lee", "John Carter"} <= people
    for e in top.entities:
        assert joined[e.start:e.end] == e.text
    carter = next(e for e in top.entities if e.name == "John Carter")
    assert carter.start > len(summary[0])  # in the second paragraph, past the join


def test_a_short_foreign_body_with_its_standfirst_is_judged_as_one_story():
    # 6 running words of German body and 9 of standfirst are each too few to judge; together, 15 are not.
    body_text = "Die Bahn streikt am Mittwoch erneut, sagte ein Sprecher der GDL."
    standfirst = ["Die Lokführergewerkschaft legt den Personenverkehr erneut für 24 Stunden lahm. Die Deutsche "
                  "Bahn spricht von einer »Zumutung für Millionen Pendler«."]
    assert extract(body_text).entities  # alone: too short, counted as English
    body, top = extract_story(body_text, standfirst)
    assert (body.names_withheld, top.names_withheld) == (NOT_ENGLISH, NOT_ENGLISH)
    assert body.entities == [] and top.entities == []


def test_a_story_without_a_summary_is_extracted_as_before():
    body, top = extract_story(GERMAN, [])
    assert body.to_dict() == extract(GERMAN).to_dict()
    assert top.to_dict() == {"entities": [], "dates": []}


def _index(tmp_path, pages):  # type: ignore[no-untyped-def]
    from newsreader.search.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in pages.items():
        (corpus / name).write_text(text, encoding="utf-8")
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    library = Library.open(paths, corpus, Config())
    library.update()
    return paths, corpus, library


def test_a_name_only_in_the_standfirst_is_in_the_index_and_in_show_json(tmp_path):
    paths, corpus, library = _index(tmp_path, {"bridge.txt": STANDFIRST_PAGE,
                                               "de.txt": "GDL kündigt neuen Streik an\n\n" + GERMAN + "\n"})
    try:
        rows = {row.title: row.id for row in library.list_rows(0, 10)}
        bridge = library.get(rows["Council approves new river crossing after long delay"])
        assert bridge.article.summary and "Okonkwo" not in bridge.article.text
        assert [e["name"] for e in bridge.summary_entities if e["kind"] == "person"] == ["Maria Okonkwo"]
        assert [h.id for h in library.search("person:okonkwo").hits] == [bridge.article.id]
        shown = bridge.to_dict()
        assert shown["summary_entities"] == bridge.summary_entities and shown["names_withheld"] is None
        german = library.get(rows["GDL kündigt neuen Streik an"]).to_dict()
        assert german["names_withheld"] == NOT_ENGLISH and german["entities"] == []
        json.dumps(german)
    finally:
        library.close()


@sync
async def test_the_reader_shows_the_stored_judgement_and_marks_the_summary(tmp_path, monkeypatch):
    from newsreader.extract import language
    from newsreader.store import Store
    from newsreader.tui.app import ReaderApp
    from newsreader.tui.article_view import ArticleView, highlight_styles
    from newsreader.tui.side_pane import EntityList

    paths, corpus, library = _index(tmp_path, {"bridge.txt": STANDFIRST_PAGE,
                                               "de.txt": "GDL kündigt neuen Streik an\n\n" + GERMAN + "\n"})
    ids = {row.title: row.id for row in library.list_rows(0, 10)}
    library.close()

    def no_judging(text: str) -> bool:
        raise AssertionError("the reader judged a text's language")

    monkeypatch.setattr(language, "is_english", no_judging)  # the reader reads what the index stored
    app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                    watch_marks=False, update_index=False, related_delay=0)
    async with app.run_test(size=(120, 40)) as pilot:
        async def open_(title: str) -> None:
            app.open_article(ids[title])
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()

        await open_("GDL kündigt neuen Streik an")
        entities = app.side.query_one(EntityList)
        assert [str(entities.get_option_at_index(i).prompt) for i in range(entities.option_count)] == [
            "No names: people, organisations and places are found in English stories only."]

        await open_("Council approves new river crossing after long delay")
        prompts = [str(entities.get_option_at_index(i).prompt) for i in range(entities.option_count)]
        assert any("Maria Okonkwo" in p for p in prompts)  # the summary's name is listed
        view = app.query_one(ArticleView)
        person = highlight_styles(app)["person"]
        marked = [(line.plain[s.start:s.end]) for line, _ in view._lines for s in line.spans if s.style == person]
        assert "Maria Okonkwo" in marked
