"""The index follows the program and the user's cue lists (`store.Stamp`): each page is recorded with the
stamp of the parser and extractor that made its articles, and a page made under another stamp is read again
by the next update, as a changed page is. Before, a page was read only when its file changed: after an
upgrade of newsreader or a cue file added, the index (and `articles`, which lists from an up-to-date index)
kept the old parse, names and dates until `index --rebuild`.

In-process runs stand for a process whose stamp differs by setting `store._FOUND` (the parts a process
finds once); the extractor is wrapped to tell which names came from which run."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsreader.cli import main
from newsreader.config import Config, Paths
from newsreader.resources import seeds_dir
from newsreader.search import store as store_module
from newsreader.search.commands import ProgressLine
from newsreader.search.indexer import Progress
from newsreader.search.library import Library, UpdateStopped
from newsreader.search.store import CODE_CHANGED, CUES_CHANGED, MODEL_CHANGED, STAMPS_META, Stamp


@pytest.fixture
def found(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """This test's process finds the stamp's parts afresh (from the index's record, or made)."""
    fresh: dict[str, Any] = {}
    monkeypatch.setattr(store_module, "_FOUND", fresh)
    return fresh


class Marker:
    """Wraps the extractor: every person's name gets `suffix` (none at first), so the names show which run
    extracted them. Patched before the runs: forked workers inherit it."""

    def __init__(self) -> None:
        self.suffix = ""
        self.calls = 0


@pytest.fixture
def marker(monkeypatch: pytest.MonkeyPatch) -> Marker:
    import newsreader.extract as extract_module

    real = extract_module.extract_story  # what the indexer calls: one call a story (body and summary)
    state = Marker()

    def extract_story(*args: Any, **kwargs: Any) -> Any:
        state.calls += 1
        parts = real(*args, **kwargs)
        for result in parts:
            for entity in result.entities:
                if entity.kind == "person":
                    entity.name += state.suffix
        return parts

    monkeypatch.setattr(extract_module, "extract_story", extract_story)
    return state


def seeds_copy(tmp_path: Path) -> Path:
    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), corpus)
    return corpus


def library(tmp_path: Path, corpus: Path) -> Library:
    return Library.open(Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache"), corpus, Config())


def change_extractor(found: dict[str, Any], marker: Marker, suffix: str) -> None:
    """A new extractor (it marks names with `suffix`) in a process with another extractor digest."""
    parser, extractor, cues = found["parts"]
    found["parts"] = (parser, extractor + suffix, cues)
    marker.suffix = suffix


def people(lib: Library) -> dict[str, list[str]]:
    store = lib.store()
    docs = store.docs([row.id for row in store.list_rows(0, 1000)])
    return {i: sorted({e["name"] for e in doc["entities"] if e["kind"] == "person"}) for i, doc in docs.items()}


def stamps_of(lib: Library) -> dict[str, int | None]:
    return {name: rec.stamp for name, rec in lib.store().pages().items()}


def test_a_new_stamp_reads_every_page_again_and_an_unchanged_one_none(tmp_path, found, marker) -> None:
    corpus = seeds_copy(tmp_path)
    lib = library(tmp_path, corpus)
    try:
        first = lib.update()
        assert first.pages_indexed == 5 and first.pages_reread == 0
        before = people(lib)
        assert any(before.values()) and not any(n.endswith("#2") for names in before.values() for n in names)

        marker.calls = 0
        again = lib.update()  # the same stamp: nothing read
        assert (again.pages_unchanged, again.pages_indexed, again.pages_reread, marker.calls) == (5, 0, 0, 0)

        change_extractor(found, marker, "#2")
        reports: list[Progress] = []
        stats = lib.update(progress=reports.append)
        assert (stats.pages_indexed, stats.pages_reread, stats.pages_unchanged) == (5, 5, 0)
        assert stats.reread_reason == CODE_CHANGED
        assert reports and all((p.reread, p.reason) == (5, CODE_CHANGED) for p in reports)
        after = people(lib)
        assert after.keys() == before.keys()  # the ids are kept: bookmarks stay
        assert after == {i: sorted(n + "#2" for n in names) for i, names in before.items()}
        assert set(stamps_of(lib).values()) == {2}
        assert list(lib.store().stamps()) == [2]  # the stamp no page has any more is forgotten

        marker.calls = 0
        assert lib.update().pages_reread == 0 and marker.calls == 0
    finally:
        lib.close()


def test_a_reread_cut_short_goes_on_from_where_it_stopped(tmp_path, found, marker) -> None:
    """A reread stopped (the reader quits) keeps the pages it committed, under the new stamp, and leaves the
    others under the old one: the next update reads only those."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(12):
        (corpus / f"p{n:02d}.txt").write_text(
            f"date 2025-03-1{n % 10} Council story number {n}\n\nMaria Lopez said the harbour{n} would reopen "
            "on Monday, officials said.\n", encoding="utf-8")
    lib = library(tmp_path, corpus)
    try:
        assert lib.update().pages_indexed == 12
        change_extractor(found, marker, "#2")
        marker.calls = 0
        with pytest.raises(UpdateStopped):
            lib.update(stop=lambda: marker.calls >= 4)
        stamps = stamps_of(lib)
        done = sorted(name for name, number in stamps.items() if number == 2)
        assert 0 < len(done) < 12 and set(stamps.values()) == {1, 2}
        names = people(lib)
        ids = {name: rec.ids for name, rec in lib.store().pages().items()}
        for name, number in stamps.items():  # each page's names are those of the stamp it is recorded under
            (id_,) = ids[name]
            assert names[id_] == (["Maria Lopez#2"] if number == 2 else ["Maria Lopez"])

        marker.calls = 0
        stats = lib.update()
        assert (stats.pages_reread, stats.pages_unchanged, marker.calls) == (12 - len(done), len(done), 12 - len(done))
        assert set(stamps_of(lib).values()) == {2}
        assert all(n == ["Maria Lopez#2"] for n in people(lib).values())
    finally:
        lib.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_articles_lists_from_the_index_only_what_this_parser_made(tmp_path, capsys, found, monkeypatch) -> None:
    """`articles` lists the parse: an index made by another parser is out of date for it (it parses the
    pages), one made with other cue files is not (the names are not listed). Both ways list the same."""
    corpus = seeds_copy(tmp_path)

    def listing() -> tuple[str, str]:
        """How `articles` listed (its summary line's note) and what (its JSON)."""
        code, _, err = run(capsys, "articles", "--corpus", str(corpus))
        assert code == 0
        (summary,) = [line for line in err.splitlines() if " articles from " in line]
        code, out, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
        return summary[summary.index(" (") + 1:], out

    listed = "(listed from its index, which is up to date)"
    stale = "(every page parsed: its index is out of date; `newsreader index` updates it)"
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    how, parsed = listing()
    assert how == listed

    parser, extractor, cues = found["parts"]
    found["parts"] = (parser, extractor + "x", cues + "x")  # the user's cue files changed: the parse did not
    assert listing() == (listed, parsed)
    assert run(capsys, "index", "--corpus", str(corpus))[2].count(CUES_CHANGED) == 1
    assert listing() == (listed, parsed)

    monkeypatch.setattr(store_module, "parser_digest", lambda: parser + "x")  # newsreader's parser changed
    assert listing() == (stale, parsed)
    found["parts"] = (parser + "x", extractor + "x", cues + "x")
    code, _, err = run(capsys, "index", "--corpus", str(corpus))
    assert ", 5 pages read again because newsreader's parser or extractor changed; " in err, err
    assert listing() == (listed, parsed)


def test_an_index_from_before_stamps_is_read_again_once(tmp_path, capsys, found) -> None:
    """An index made before stamps (no stamp column, no stamps recorded; the session's start, 5df9dd5) opens,
    is out of date for `articles`, and is read again once under the current stamp (a page the newsreader
    before writes has no stamp either, and is read again the same way)."""
    corpus = seeds_copy(tmp_path)
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    (db,) = (tmp_path / "home").rglob("articles.sqlite3")
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE pages DROP COLUMN stamp")
    con.execute("DELETE FROM meta WHERE key IN (?, ?)", (STAMPS_META, store_module.SIGNATURE_META))
    con.commit()
    con.close()
    found.clear()
    assert "its index is out of date" in run(capsys, "articles", "--corpus", str(corpus))[2]
    code, out, _ = run(capsys, "index", "--json", "--corpus", str(corpus))
    stats = json.loads(out)
    assert code == 0 and (stats["pages_reread"], stats["reread_reason"]) == (5, CODE_CHANGED)
    assert "listed from its index" in run(capsys, "articles", "--corpus", str(corpus))[2]
    code, out, _ = run(capsys, "index", "--json", "--corpus", str(corpus))
    assert (json.loads(out)["pages_reread"], json.loads(out)["pages_unchanged"]) == (0, 5)


def test_a_changed_title_keeps_its_bookmark(tmp_path, found, monkeypatch) -> None:
    """A parser that reads a headline otherwise gives the story a new id (page and headline make it): the
    reread pairs it with its old id (`renamed`), as an edited headline is, so bookmarks follow it."""
    import newsreader.corpus.parser as parser_module

    corpus = seeds_copy(tmp_path)
    lib = library(tmp_path, corpus)
    try:
        lib.update()
        old = set(people(lib))
        real = parser_module.parse_page

        def parse_page(text: str, file: str = "", **kwargs: Any) -> Any:  # headlines read with a new prefix
            result = real(text, file=file, **kwargs)
            for article in result.articles:
                article.title = "Update: " + article.title
            parser_module._assign_ids(result.articles, file)
            return result

        monkeypatch.setattr(parser_module, "parse_page", parse_page)
        parser, extractor, cues = found["parts"]
        found["parts"] = (parser + "x", extractor, cues)
        assert lib.update().pages_reread == 5
        new = set(people(lib))
        renamed = lib.renamed()
        assert old.isdisjoint(new) and set(renamed) == old and set(renamed.values()) == new
    finally:
        lib.close()


def test_why_pages_are_read_again() -> None:
    stamp = Stamp("p", "e", "c", "rules")
    assert stamp.changes(stamp) == []
    assert stamp.changes(None) == [CODE_CHANGED]
    assert stamp.changes(Stamp("q", "e", "c", "rules")) == [CODE_CHANGED]
    assert stamp.changes(Stamp("p", "f", "c", "rules")) == [CODE_CHANGED]
    assert stamp.changes(Stamp("p", "f", "d", "rules")) == [CUES_CHANGED]  # (the extractor's digest has the cues)
    assert stamp.changes(Stamp("q", "f", "d", "rules")) == [CODE_CHANGED, CUES_CHANGED]
    assert stamp.changes(Stamp("p", "e", "c", "spacy")) == ["the config's extractor changed"]
    spacy = Stamp("p", "e", "c", "spacy 3.7.2 en_core_web_sm 3.7.1")
    assert spacy.changes(Stamp("p", "e", "c", "spacy 3.7.2 en_core_web_md 3.7.1")) == [MODEL_CHANGED]
    assert spacy.changes(Stamp("p", "e", "c", "spacy")) == [MODEL_CHANGED]
    assert spacy.changes(stamp) == ["the config's extractor changed"]
    assert stamp.changes(Stamp("p", "", "", "")) == ["they were indexed without names and dates"]
    assert stamp.changes(Stamp("q", "", "", "")) == [CODE_CHANGED, "they were indexed without names and dates"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_says_why_once() -> None:
    stream = Terminal()
    line = ProgressLine(stream)
    for done in (0, 4, 9):
        line(Progress(done, 9, done, 1.0, 9, CUES_CHANGED))
    line.finish()
    assert stream.getvalue().count(f"re-reading 9 pages: {CUES_CHANGED}\n") == 1
    plain = Terminal()
    ProgressLine(plain)(Progress(1, 9, 1, 1.0))
    assert "re-reading" not in plain.getvalue()


def test_the_signature_spares_the_extractor_when_nothing_changed(tmp_path, found, monkeypatch) -> None:
    """A process finds the stamp's parts from the index's record when their inputs' signature is the one
    recorded, without loading the extractor's resources (the reader updates its index at every start);
    with another signature it makes them."""
    corpus = seeds_copy(tmp_path)
    lib = library(tmp_path, corpus)
    try:
        lib.update()
        made = found["parts"]
        found.clear()
        monkeypatch.setattr(store_module, "extractor_digests", lambda: pytest.fail("made again"))
        assert lib.update().pages_reread == 0 and found["parts"] == made
        found.clear()
        monkeypatch.setattr(store_module, "stamp_signature", lambda: "another")
        monkeypatch.setattr(store_module, "extractor_digests", lambda: (made[1] + "x", made[2]))
        assert lib.update().pages_reread == 5
    finally:
        lib.close()


def test_the_reader_says_why_it_reads_the_pages_again(tmp_path, found, marker, monkeypatch) -> None:
    """The reader's update at start reads the pages again under a new stamp, and its status line says why
    while it does (it said "indexing 3/9 pages"); the names shown are the new ones after it."""
    import asyncio

    from newsreader.store import Store
    from newsreader.tui.app import ReaderApp

    corpus = seeds_copy(tmp_path)
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    Library.open(paths, corpus, Config()).update()
    change_extractor(found, marker, "#2")
    said: list[str] = []
    progress = ReaderApp._index_progress

    def shown(app: ReaderApp, *args: Any) -> None:
        progress(app, *args)
        said.append(app.index_message)

    monkeypatch.setattr(ReaderApp, "_index_progress", shown)

    async def run_reader() -> None:
        app = ReaderApp(paths, Config(), corpus, store=Store.in_memory(), blink=False, watch_marks=False)
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert all(n.endswith("#2") for names in people(app.library).values() for n in names)

    asyncio.run(run_reader())
    assert said and said[0] == f"re-reading 0/5 pages: {CODE_CHANGED}", said


UPDATE_CHILD = r"""
import json, sys
from pathlib import Path
from newsreader.config import Config, Paths
from newsreader.search.library import Library

root, corpus = Path(sys.argv[1]), Path(sys.argv[2])
lib = Library.open(Paths(root / "config", root / "data", root / "cache"), corpus, Config())
stats = lib.update()
print(json.dumps({"reread": stats.pages_reread, "unchanged": stats.pages_unchanged,
                  "extractor": "newsreader.extract" in sys.modules}))
"""


def test_an_update_with_nothing_changed_leaves_the_extractor_unloaded(tmp_path) -> None:
    """The reader updates its index at every start: with nothing changed, a fresh process knows the stamp from
    the index's record (`stamp_signature`), without loading the extractor (~20-40 ms, ~120 M instructions)."""
    import subprocess
    import sys

    corpus = seeds_copy(tmp_path)

    def update() -> dict[str, Any]:
        out = subprocess.run([sys.executable, "-c", UPDATE_CHILD, str(tmp_path), str(corpus)], capture_output=True,
                             text=True, timeout=300, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    assert update()["extractor"]  # the first build extracts
    assert update() == {"reread": 0, "unchanged": 5, "extractor": False}


def test_a_lost_record_of_stamps_reads_every_page_again(tmp_path, found) -> None:
    """With the stamps' record unreadable, the pages' stamps say nothing: they are read again, under a
    number no page held (given the first free number, 1, they would all have passed for current)."""
    corpus = seeds_copy(tmp_path)
    lib = library(tmp_path, corpus)
    try:
        lib.update()
        lib.store().set_meta(STAMPS_META, "{not json")
        lib.store().commit()
        stats = lib.update()
        assert (stats.pages_reread, stats.reread_reason) == (5, CODE_CHANGED)
        assert set(stamps_of(lib).values()) == {2} and list(lib.store().stamps()) == [2]
        assert lib.update().pages_reread == 0
    finally:
        lib.close()


def test_pages_named_by_another_spacy_model_are_read_again(tmp_path, found, marker, monkeypatch) -> None:
    """With the spaCy backend the stamp names spaCy's version and the model it loads (`store.backend_part`):
    pages named by another model are read again, and said to be for it. ("spacy" alone kept the other
    model's names until `index --rebuild`.) spaCy is faked: the packages' versions, and the rules standing
    for its extractor."""
    import newsreader.extract as extract_module
    from newsreader.search import indexer

    versions = {"spacy": "3.7.2", "en_core_web_md": "3.7.1"}
    monkeypatch.setattr(store_module, "_package_version", versions.get)
    monkeypatch.setattr(indexer, "check_extractor", lambda config: None)
    rules = extract_module.extract_story  # what the indexer calls
    monkeypatch.setattr(extract_module, "extract_story",
                        lambda text, summary, date=None, backend="rules": rules(text, summary, date))
    title = extract_module.extract_title  # ... and for the headline
    monkeypatch.setattr(extract_module, "extract_title",
                        lambda text, context, date=None, backend="rules", found=(): title(text, context, date,
                                                                                            found=found))
    corpus = seeds_copy(tmp_path)
    lib = Library.open(Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache"), corpus,
                       Config(extractor="spacy"))
    try:
        assert lib.update().pages_indexed == 5
        assert lib.update().pages_reread == 0
        versions["en_core_web_md"] = "3.8.0"
        stats = lib.update()
        assert (stats.pages_reread, stats.reread_reason) == (5, store_module.MODEL_CHANGED)
        versions["en_core_web_sm"] = "3.8.0"  # the first of the models: the one spaCy loads
        assert lib.update().pages_reread == 5
        assert lib.update().pages_reread == 0
    finally:
        lib.close()
    assert store_module.backend_part("rules") == "rules"
    assert store_module.backend_part("spacy") == "spacy 3.7.2 en_core_web_sm 3.8.0"
    del versions["en_core_web_md"], versions["en_core_web_sm"]
    assert store_module.backend_part("spacy") == "spacy 3.7.2 (no English model)"
    versions.clear()
    assert store_module.backend_part("spacy") == "spacy (not installed)"


def test_the_stamps_spacy_models_are_the_backends() -> None:
    """`store.SPACY_MODELS` stands for the spaCy backend's `_MODELS` (importing it loads the rules'
    extractor): the same models in the same order."""
    from newsreader.extract import spacy_backend

    assert store_module.SPACY_MODELS == spacy_backend._MODELS


def test_a_rebuild_checks_the_users_cue_files_once(tmp_path, monkeypatch) -> None:
    """`index --rebuild` checks the user's cue files before the index is thrown away, and its run does
    not check them again (it did: every file read and parsed twice)."""
    from newsreader.extract import resources
    from newsreader.search import indexer

    checks: list[int] = []
    check = resources.check_user_cue_files
    monkeypatch.setattr(resources, "check_user_cue_files", lambda: checks.append(1) or check())
    corpus = seeds_copy(tmp_path)
    indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=1).run()
    assert len(checks) == 1
    indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=1).run(rebuild=True)
    assert len(checks) == 2


CUE_CHILD = r"""
import sys
from pathlib import Path
from newsreader.config import Config, user_paths
from newsreader.search.library import Library

lib = Library.open(user_paths(), Path(sys.argv[1]), Config())
print(lib.update().pages_reread)
"""


def test_a_reader_open_across_a_cue_file_edit_takes_the_new_lists(tmp_path, found, monkeypatch) -> None:
    """The reader (one process, its updates in it) is open while the user adds a cue file and `newsreader
    index` reads every page again with it. The reader's next update takes the new lists too (`found_parts`
    finds the cue files changed and `resources.forget_lists` drops the lists read before): it reads nothing
    again and the names stay the new ones; a page added then is read with the new lists. Before, it kept
    the stamp and lists it began with: it read every page again with the old lists (the names of before
    the edit back in the index), and each later `newsreader index` read them all again."""
    import subprocess
    import sys

    from newsreader.config import user_paths
    from newsreader.extract import resources
    from tests.test_user_cues import SENTENCE

    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    resources.forget_lists()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"date 2025-03-10 Harbour reopens\n\n{SENTENCE}\n", encoding="utf-8")
    lib = Library.open(user_paths(), corpus, Config())
    try:
        assert lib.update().pages_indexed == 1 and list(people(lib).values()) == [["Quartermaster Jane Roe"]]
        cues = user_paths().config_dir / "cues"
        cues.mkdir(parents=True)
        (cues / "titles.yaml").write_text("heads: [Quartermaster]\n", encoding="utf-8")
        reread = subprocess.run([sys.executable, "-c", CUE_CHILD, str(corpus)], capture_output=True, text=True,
                                timeout=300, check=True).stdout.split()[-1]
        assert reread == "1" and list(people(lib).values()) == [["Jane Roe"]]  # `newsreader index`
        stats = lib.update()
        assert stats.pages_reread == 0 and list(people(lib).values()) == [["Jane Roe"]]
        (corpus / "b.txt").write_text(f"date 2025-03-11 Harbour opens\n\n{SENTENCE}\n", encoding="utf-8")
        assert lib.update().pages_indexed == 1 and list(people(lib).values()) == [["Jane Roe"]] * 2
    finally:
        lib.close()
        resources.forget_lists()  # (this test's lists)


def test_forget_lists_drops_every_list_read_from_the_cue_files() -> None:
    """`resources.forget_lists` drops each list a cue file makes: the cue lists, places.yaml and the gazetteer
    made with it, holidays.yaml's names and rules; the next use reads them again."""
    from newsreader.extract import dates, resources

    kept = [resources.cues, resources._places_yaml, resources.gazetteer, dates._holidays, dates.holiday_names]
    resources.cues(), resources.gazetteer(), dates.holiday_names()
    assert all(cached.cache_info().currsize == 1 for cached in kept)
    resources.forget_lists()
    assert [cached.cache_info().currsize for cached in kept] == [0] * 5
