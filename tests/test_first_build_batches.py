"""A first build's batches, library level: the first commit comes early, batches grow after
it, and a run told to stop ends at once keeping what it committed (the reader's quit).

Q1 found on a 3,000-page corpus that the reader showed "No articles yet." for ~10 s (a first
batch of 1,000 articles, ~830 pages), and that quitting ~700 pages in kept nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.corpus.loader import iter_page_files, read_page_file
from newsreader.corpus.parser import parse_page
from newsreader.search import Library, indexer
from newsreader.search.library import UpdateStopped
from newsreader.search.store import STORE_FILE


def page(n: int) -> str:
    return (f" date 2025-0{1 + n % 9}-1{n % 10} Story number {n} about the harbour council\n\n"
            f"The harbour council met on Monday to discuss item {n} of the agenda, officials said.\n\n"
            f"Residents asked questions about the harbour budget and the number {n} plan.\n")


def make_corpus(root: Path, count: int) -> Path:
    """`count` pages of one story each."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (root / f"p{n:04d}.txt").write_text(page(n), encoding="utf-8")
    return root


def recording_source(parsed: list[str], then: Callable[[], None] = lambda: None) -> indexer.PageSource:
    """The corpus package's pages, with each page's name put in `parsed` as it is parsed
    (then `then` called: a test may look, slow or hold the run there)."""
    def parse(text: str, file: str):  # type: ignore[no-untyped-def]
        parsed.append(file)
        then()
        return parse_page(text, file=file).articles

    return indexer.PageSource(iter_page_files, read_page_file, parse)


def committed(folder: Path) -> int:
    """Articles in the store as another process sees it (committed only)."""
    store = folder / STORE_FILE
    if not store.exists():
        return 0
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_batches_start_small_and_grow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each batch is BATCH_GROWTH (4) times the one before: articles show after the first
    few (FIRST_BATCH_ARTICLES), and a quit loses at most the batch under way, not all since
    the first. The old rule went from the first batch straight to BATCH_ARTICLES (here
    1,000: one commit of 5 articles, then nothing until the end)."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 5)
    corpus = make_corpus(tmp_path / "c", 60)
    folder = tmp_path / "ix"
    seen: list[int] = []
    source = recording_source([], lambda: seen.append(committed(folder)))
    indexer.Indexer(folder, corpus, Config(), source, batch_articles=1000, workers=1).run()
    assert sorted(set(seen)) == [0, 5, 25]  # batches of 5, 20, then the last 35 (of 80 at most)
    assert committed(folder) == 60


def test_a_stopped_run_keeps_its_commits_and_the_next_goes_on(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """`stop` turning True ends the run before the next page (`UpdateStopped`): the batches
    committed are kept, the one under way is dropped, and the next run reads only the pages
    not committed. Without the check the run went on to the end."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 5)
    corpus = make_corpus(tmp_path / "c", 60)
    folder = tmp_path / "ix"
    parsed: list[str] = []
    source = recording_source(parsed)
    lib = Library(folder, corpus, Config())
    with pytest.raises(UpdateStopped):
        lib.update(source=source, stop=lambda: len(parsed) >= 30)
    assert len(parsed) == 30  # not a page after it was told
    assert committed(folder) == 25 and lib.count() == 25 and lib.unfinished()  # batches of 5 and 20
    parsed.clear()
    stats = lib.update(source=source)
    assert stats.pages_indexed == 35 and len(parsed) == 35 and lib.count() == 60 and not lib.unfinished()
    lib.close()


def test_a_batch_written_when_the_stop_comes_is_committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The end of a batch is asked for after its last page, and its segments come back
    written: told to stop then, the run commits them (a move of files and two commits) before
    it stops, rather than throwing away a finished batch. Here the stop comes on the second
    question after the fifth page (the first is as the page is handed over, the second as
    its batch of 5 comes back written)."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 5)
    corpus = make_corpus(tmp_path / "c", 20)
    folder = tmp_path / "ix"
    parsed: list[str] = []
    asked: list[int] = []

    def stop() -> bool:
        asked.append(len(parsed))
        return asked.count(5) >= 2

    source = recording_source(parsed)
    with pytest.raises(UpdateStopped):
        indexer.Indexer(folder, corpus, Config(), source, workers=1).run(stop=stop)
    assert len(parsed) == 5 and committed(folder) == 5


def test_a_run_stopped_while_it_samples_pages_stops_at_once(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build of 500+ pages parses a sample of them first (seconds, no progress
    report): a quit then waited for the whole sample (4 s on 3,000 pages)."""
    monkeypatch.setattr(indexer, "SAMPLE_MIN_PAGES", 5)
    corpus = make_corpus(tmp_path / "c", 30)
    folder = tmp_path / "ix"
    parsed: list[str] = []
    source = recording_source(parsed)
    with pytest.raises(UpdateStopped):
        indexer.Indexer(folder, corpus, Config(), source, workers=1).run(stop=lambda: len(parsed) >= 3)
    assert len(parsed) == 3
    assert committed(folder) == 0


def test_worker_pipeline_reports_idle_while_workers_are_busy(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The owner waited for a worker without a time limit, so a run told to stop went on
    while a worker wrote a segment (seconds for a batch of 20,000 articles): it now hears
    from the pipeline every IDLE_SECONDS. A worker's first task (a fork, the extractor's
    lists loaded, 8 pages) takes far longer than a millisecond."""
    monkeypatch.setattr(indexer, "IDLE_SECONDS", 0.001)
    corpus = make_corpus(tmp_path / "c", 16)
    jobs = [(n, str(path), path.name, None) for n, path in enumerate(sorted(corpus.iterdir()))]
    pipeline = indexer.ProcessPipeline(jobs, 2, tmp_path / "staging", 10 ** 7, "rules", True)
    kinds: list[str] = []
    try:
        for kind, _ in pipeline:
            kinds.append(kind)
    finally:
        pipeline.close()
    assert kinds[0] == "idle" and kinds.count("pages") == 2 and kinds[-1] == "flushed"


def test_the_first_batch_waits_behind_few_tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With worker processes the flush that ends a batch queues behind every task sent
    before it: with TASKS_AHEAD (6 tasks of 8 pages) a worker from the start, the first
    commit of a 3,000-page build held ~190 pages instead of ~80. Until the first batch
    ends, FIRST_TASKS_AHEAD tasks go ahead: here a first batch of 10 articles (pages of
    one article) is committed with at most 2 tasks received + 2 workers x 2 tasks = 48
    pages (with 6 ahead, 96 are sent before the first answer)."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 10)
    monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 10)
    corpus = make_corpus(tmp_path / "c", 150)
    commits: list[int] = []
    from newsreader.search.writer import NewsWriter

    commit_segments = NewsWriter.commit_segments

    def recording(self, segments):  # type: ignore[no-untyped-def]
        commits.append(sum(seg.doc_count_all() for seg in segments))
        return commit_segments(self, segments)

    monkeypatch.setattr(NewsWriter, "commit_segments", recording)
    indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=2).run()
    assert 10 <= commits[0] <= 48 and sum(commits) == 150
