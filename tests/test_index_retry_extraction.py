"""`newsreader index` tries again the stories the extractor failed on. Since 0bca8e4 such a story
is indexed without names and dates (one warning), but the next run found its page unchanged and
skipped it: its names stayed missing until the page changed or `index --rebuild`, even once the
extractor (or a cue file, or the config's backend) was fixed. Now its page is recorded without a
hash (`indexer.UNEXTRACTED`) and read again by the next run, which says so in its summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.search import indexer
from tests.test_index_extract_errors import make_corpus


class Switch:
    """The extractor raises on a text holding "Zanzibar" while `broken` (patched before the runs,
    so forked workers inherit it; they are forked anew each run and see the switch as it is)."""

    def __init__(self) -> None:
        self.broken = True


@pytest.fixture
def switch(monkeypatch: pytest.MonkeyPatch) -> Switch:
    import newsreader.extract as extract_module

    real = extract_module.extract
    state = Switch()

    def extract(text, *args, **kwargs):
        if state.broken and "Zanzibar" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(extract_module, "extract", extract)
    return state


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def summary(err: str) -> str:
    (line,) = [line for line in err.splitlines() if line.startswith("indexed ")]
    return line


@pytest.mark.parametrize("parallel", [False, True])
def test_the_next_run_finds_the_names_the_extractor_failed_on(tmp_path: Path, capsys, monkeypatch, switch: Switch,
                                                              parallel: bool) -> None:
    if parallel:  # pages go to two worker processes
        monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 1)
        monkeypatch.setattr(indexer.os, "cpu_count", lambda: 2)
    corpus = make_corpus(tmp_path / "corpus", 6)
    code, _, err = run(capsys, "index", "--corpus", str(corpus))
    assert code == 0 and "indexed 7 pages (8 articles" in err and "read again" not in err, err
    code, out, _ = run(capsys, "search", "zanzibar", "--json", "--corpus", str(corpus))
    (hit,) = json.loads(out)["hits"]
    code, out, _ = run(capsys, "show", hit["id"], "--json", "--corpus", str(corpus))
    assert json.loads(out)["entities"] == []

    # Still broken: the page is tried again, and said again (a warning, as on the first run).
    code, out, err = run(capsys, "index", "--json", "--corpus", str(corpus))
    stats = json.loads(out)
    assert code == 0 and (stats["pages_indexed"], stats["pages_retried"], stats["pages_unchanged"]) == (1, 1, 6)
    assert stats["articles_added"] == 2 and stats["articles_total"] == 8 and stats["warnings"] == 1
    assert err.count("names and dates failed") == 1, err

    switch.broken = False  # the extractor fixed
    code, _, err = run(capsys, "index", "--corpus", str(corpus))
    assert code == 0 and "warning" not in err, err
    assert summary(err).startswith("indexed 1 page (2 articles), ")
    assert ", 6 unchanged, 0 removed, 0 skipped, 1 page read again for names and dates that failed before; " \
           "8 articles in the index" in summary(err)
    code, out, _ = run(capsys, "show", hit["id"], "--json", "--corpus", str(corpus))
    shown = json.loads(out)
    assert code == 0 and "Maria Lopez" in {e["name"] for e in shown["entities"]}
    assert [d["value"] for d in shown["dates"]]  # "on Monday": dated against 2025-02-11
    code, out, _ = run(capsys, "search", "person:lopez", "--json", "--limit", "50", "--corpus", str(corpus))
    assert "Zanzibar harbour plan stalls" in {h["title"] for h in json.loads(out)["hits"]}

    # Found: the page is unchanged from now on, and the line is as it always was.
    code, out, err = run(capsys, "index", "--json", "--corpus", str(corpus))
    stats = json.loads(out)
    assert (stats["pages_indexed"], stats["pages_retried"], stats["pages_unchanged"]) == (0, 0, 7)
    code, _, err = run(capsys, "index", "--corpus", str(corpus))
    assert summary(err).startswith("indexed 0 pages (0 articles), 7 unchanged, 0 removed, 0 skipped; 8 articles")


def test_a_retry_survives_a_run_stopped_before_its_commit(tmp_path: Path, monkeypatch, switch: Switch) -> None:
    """The mark is the page's record, committed with its articles: a run stopped (Ctrl-C) before
    its commit, whether it had read the page again or not yet, leaves it for the run after."""
    from newsreader.config import Config
    from newsreader.search.indexer import Indexer

    corpus = make_corpus(tmp_path / "corpus", 2)
    ix = tmp_path / "ix"
    warned: list[str] = []
    Indexer(ix, corpus, Config(), workers=1).run(warn=warned.append)
    assert len(warned) == 1 and "names and dates failed" in warned[0]
    switch.broken = False
    page = corpus / "p001.txt"  # changed: read in the same run as bad.txt
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    real_prepare = indexer.prepare

    def interrupted(article, *args, **kwargs):
        if "number 1" in article.title:
            raise KeyboardInterrupt
        return real_prepare(article, *args, **kwargs)

    monkeypatch.setattr(indexer, "prepare", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Indexer(ix, corpus, Config(), workers=1).run()
    monkeypatch.setattr(indexer, "prepare", real_prepare)
    stats = Indexer(ix, corpus, Config(), workers=1).run(warn=warned.append)
    assert (stats.pages_indexed, stats.pages_retried, stats.pages_unchanged, len(warned)) == (2, 1, 1, 1)
    stats = Indexer(ix, corpus, Config(), workers=1).run()
    assert (stats.pages_indexed, stats.pages_retried, stats.pages_unchanged) == (0, 0, 3)
