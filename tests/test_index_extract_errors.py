"""`newsreader index` when the extractor raises on one article (R1 found a RecursionError on a
pathological page, a headline and "van Lt. Lt. " * 1600): before, the whole run died with a
traceback and nothing was indexed. Now that article is indexed without names and dates, one
warning line names the page, the story and the error (from worker processes too), and the
run ends as a run with other per-page warnings does (exit 0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.cli import main


def story(date: str, title: str, person: str, word: str) -> str:
    return (f" date {date} {title}\n\n{person}, the mayor, told the {word} council on Monday that the "
            f"budget for the coming year was ready, officials said.\n\n"
            f"Residents asked {person} questions about the {word} plan.\n")


def make_corpus(root: Path, pages: int) -> Path:
    """`pages` pages of one story each, plus bad.txt: a story the extractor will raise on
    (its text says "Zanzibar") and a good one after it on the same page."""
    root.mkdir()
    for n in range(pages):
        (root / f"p{n:03d}.txt").write_text(
            story(f"2025-03-1{n % 10}", f"Council story number {n}", "Maria Lopez", f"harbour{n}"), encoding="utf-8")
    (root / "bad.txt").write_text(
        story("2025-02-11", "Zanzibar harbour plan stalls", "Maria Lopez", "Zanzibar") + "\n"
        + story("2025-02-12", "Lighthouse keepers walk out", "Maria Lopez", "lighthouse"), encoding="utf-8")
    return root


@pytest.fixture
def raising_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor raises on a text holding "Zanzibar" (patched before the run, so forked
    workers inherit it)."""
    import newsreader.extract as extract_module

    real = extract_module.extract

    def extract(text, *args, **kwargs):
        if "Zanzibar" in text:
            raise RecursionError("maximum recursion depth exceeded while calling a Python object")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(extract_module, "extract", extract)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("parallel", [False, True])
def test_an_extractor_error_costs_one_article_its_names(tmp_path: Path, capsys, monkeypatch, raising_extractor,
                                                        parallel: bool) -> None:
    from newsreader.search import indexer

    started: list[int] = []
    if parallel:  # the pages go to two worker processes; their warnings reach this process
        monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 1)
        monkeypatch.setattr(indexer.os, "cpu_count", lambda: 2)
        real_pipeline = indexer.ProcessPipeline

        def pipeline(*args, **kwargs):
            started.append(args[1])  # the number of workers
            return real_pipeline(*args, **kwargs)

        monkeypatch.setattr(indexer, "ProcessPipeline", pipeline)
    corpus = make_corpus(tmp_path / "corpus", 6)
    code, _, err = run(capsys, "index", "--corpus", str(corpus))
    assert code == 0, err
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if line.startswith("newsreader: warning:")]
    assert len(warnings) == 1, err
    assert warnings[0].startswith(f"newsreader: warning: {corpus / 'bad.txt'}: the story \"Zanzibar harbour plan stalls\" (")
    assert warnings[0].endswith("): finding its names and dates failed (RecursionError: maximum recursion depth "
                                "exceeded while calling a Python object); indexed without them")
    assert "indexed 7 pages (8 articles" in err
    assert started == ([2] if parallel else [])

    code, out, _ = run(capsys, "search", "person:lopez", "--json", "--limit", "50", "--corpus", str(corpus))
    hits = {h["title"]: h["id"] for h in json.loads(out)["hits"]}
    assert code == 0 and len(hits) == 7 and "Zanzibar harbour plan stalls" not in hits
    assert "Lighthouse keepers walk out" in hits  # the other story of the bad page kept its names
    code, out, _ = run(capsys, "search", "zanzibar", "--json", "--corpus", str(corpus))
    (hit,) = json.loads(out)["hits"]  # the article itself is indexed, its words searchable
    assert hit["title"] == "Zanzibar harbour plan stalls" and hit["id"] in warnings[0]

    code, out, _ = run(capsys, "show", hit["id"], "--json", "--corpus", str(corpus))
    shown = json.loads(out)
    assert code == 0 and shown["entities"] == [] and shown["dates"] == []
    assert "Zanzibar" in shown["body"]
    code, out, _ = run(capsys, "show", hits["Lighthouse keepers walk out"], "--json", "--corpus", str(corpus))
    assert "Maria Lopez" in {e["name"] for e in json.loads(out)["entities"]}
    code, out, _ = run(capsys, "show", hit["id"], "--corpus", str(corpus))
    assert code == 0 and "Zanzibar harbour plan stalls" in out


def test_ctrl_c_in_the_extractor_still_stops_the_run(tmp_path: Path, monkeypatch) -> None:
    """Only exceptions are an article's problem: KeyboardInterrupt still ends the run."""
    import newsreader.extract as extract_module
    from newsreader.config import Config
    from newsreader.search.indexer import Indexer

    def extract(text, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(extract_module, "extract", extract)
    corpus = make_corpus(tmp_path / "corpus", 2)
    with pytest.raises(KeyboardInterrupt):
        Indexer(tmp_path / "ix", corpus, Config(), workers=1).run()
