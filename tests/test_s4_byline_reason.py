"""S4 #2: a plain search also finds the stories whose byline holds its words (E10), but `search` did not say why
such a story, which names none of the words, was a hit. Its hit now says "by <author>" (text) and `byline_only`
(`--json`, true for such a hit and false for every other, so the key is always there). The corpus is E10's: Jane
Smith wrote the floods story and the planning story is about her; Tom Hale wrote the harbour story."""

from __future__ import annotations

import json

import pytest

from newsreader.cli import main
from tests import test_e10_byline_search as e10

ABOUT_HIM = """Harbour master thanks the port staff

By Tom Hale

March 6, 2024

The harbour master, Tom Hale, thanked the port staff on Wednesday for a year of repairs done on time.
"""

BY_HIM_TOO = """Ferry timetable changes in April

By Tom Hale

March 7, 2024

The ferry will leave an hour earlier on weekdays from April, the operator said.
"""


@pytest.fixture()
def corpus(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in (("by.txt", e10.BY_HER), ("about.txt", e10.ABOUT_HER), ("other.txt", e10.OTHER)):
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["index", "--corpus", str(folder)]) == 0
    return folder


def _search(corpus, capsys, *words: str) -> str:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["search", "--corpus", str(corpus), *words]) == 0
    return capsys.readouterr().out


def test_a_hit_found_by_its_byline_says_by_whom(corpus, capsys) -> None:  # type: ignore[no-untyped-def]
    """Text: the story she wrote gets "by [Jane Smith]" under its id, the story about her does not; so with
    --no-snippets (the byline is read for those hits alone). (Mutant: `byline_only` says no hit.)"""
    for extra in ([], ["--no-snippets"]):
        out = _search(corpus, capsys, "jane", "smith", *extra)
        about, by = out.split("Floods close the coast road")
        assert "by [Jane Smith]" not in about and "Council names new head of planning" in about
        assert by.count("by [Jane Smith]") == 1, out
        assert "by [" not in _search(corpus, capsys, "planning", *extra)


def test_json_says_which_hits_the_byline_alone_found(corpus, capsys) -> None:  # type: ignore[no-untyped-def]
    """Every hit has `byline_only`; true only where the words are not all in title or body, with a word left
    out and with a date too. (Mutant: every byline hit, or every hit of a query with a byline, said true.)"""
    for words in (["jane", "smith"], ["jane", "smith", "-zebra"], ["jane smith date:2024"], ['"jane smith"']):
        hits = json.loads(_search(corpus, capsys, "--json", *words))["hits"]
        assert {h["title"]: h["byline_only"] for h in hits} == {
            "Council names new head of planning": False, "Floods close the coast road for a week": True}, words
    hits = json.loads(_search(corpus, capsys, "--json", "coast", "road"))["hits"]
    assert [h["byline_only"] for h in hits] == [False, False]  # (a query with no name's byline in it)


def test_byline_only_in_every_segment(corpus, capsys) -> None:  # type: ignore[no-untyped-def]
    """Stories added later sit in another segment of the index: each is matched in its own. The harbour master
    story names him and he wrote it: found for its words, not "by" him. (Mutants: docnums not made relative to
    their segment; every hit whose byline matches said found by it.)"""
    (corpus / "about_him.txt").write_text(ABOUT_HIM, encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    (corpus / "by_him.txt").write_text(BY_HIM_TOO, encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    hits = json.loads(_search(corpus, capsys, "--json", "tom", "hale"))["hits"]
    assert {h["title"]: h["byline_only"] for h in hits} == {
        "Harbour master thanks the port staff": False, "Harbour fees rise for fishing boats": True,
        "Ferry timetable changes in April": True}
