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


@pytest.mark.parametrize("keep, told, kept", [(3, 30, 25), (indexer.STOP_KEEP_ARTICLES, 12, 12)])
def test_a_stopped_run_keeps_its_commits_and_the_next_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               keep: int, told: int, kept: int) -> None:
    """`stop` turning True ends the run before the next page (`UpdateStopped`), keeping the
    batches committed (here of 5 and 20) and the next run reads only the pages not kept.
    Without the check the run went on to the end. The batch under way is written and
    committed too when it is small (at most STOP_KEEP_ARTICLES a shard; here 7 articles of
    the batch of 20), and dropped when it is not (here over 3): a quit kept only the batches
    committed, up to 4/5 of what a first build had read (batches grow by 4)."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 5)
    monkeypatch.setattr(indexer, "STOP_KEEP_ARTICLES", keep)
    corpus = make_corpus(tmp_path / "c", 60)
    folder = tmp_path / "ix"
    parsed: list[str] = []
    source = recording_source(parsed)
    lib = Library(folder, corpus, Config())
    with pytest.raises(UpdateStopped):
        lib.update(source=source, stop=lambda: len(parsed) >= told)
    assert len(parsed) == told  # not a page after it was told
    assert committed(folder) == kept and lib.count() == kept and lib.unfinished()
    parsed.clear()
    stats = lib.update(source=source)
    assert stats.pages_indexed == 60 - kept and len(parsed) == 60 - kept
    assert lib.count() == 60 and not lib.unfinished()
    lib.close()


def parallel_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[int]]:
    """150 one-story pages, worker processes from 10 pages, a first batch of 10 articles;
    and the list that gets the documents each commit made from now on adds."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 10)
    monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 10)
    corpus = make_corpus(tmp_path / "c", 150)
    commits: list[int] = []
    from newsreader.search.writer import NewsWriter

    commit_segments = NewsWriter.commit_segments

    def recording(self, segments, replaces=()):  # type: ignore[no-untyped-def]
        # Documents added: a new index's first batches are written again (RAMP_ARTICLES).
        commits.append(sum(seg.doc_count_all() for seg in segments) - sum(seg.doc_count_all() for seg in replaces))
        return commit_segments(self, segments, replaces)

    monkeypatch.setattr(NewsWriter, "commit_segments", recording)
    return corpus, commits


def parallel_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_after: int) -> tuple[Path, Path, list[int]]:
    """A first build (`parallel_build`) by 2 worker processes, told to stop on the
    `stop_after`-th question after its first commit; the docs of each commit."""
    corpus, commits = parallel_build(tmp_path, monkeypatch)
    folder = tmp_path / "ix"
    asked: list[int] = []

    def stop() -> bool:
        if commits:
            asked.append(1)
        return len(asked) >= stop_after

    with pytest.raises(UpdateStopped):
        indexer.Indexer(folder, corpus, Config(), workers=2).run(stop=stop)
    return corpus, folder, commits


def whoosh_docs(folder: Path) -> int:
    from whoosh import index as windex

    from newsreader.search.schema import INDEX_NAME, WHOOSH_DIR

    ix = windex.open_dir(str(folder / WHOOSH_DIR), indexname=INDEX_NAME)
    try:
        return ix.doc_count()
    finally:
        ix.close()


def test_a_stopped_parallel_run_commits_what_its_workers_held(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """With worker processes the batch under way is in the workers: told to stop, they write
    it (beginning no page more) and the owner commits it with the pages it recorded, Whoosh
    and the store alike. The next run finishes the build without a story twice."""
    monkeypatch.setattr(indexer, "STOP_WAIT_SECONDS", 120)  # a loaded machine is slow, not wrong
    corpus, folder, commits = parallel_run(tmp_path, monkeypatch, 3)
    kept = sum(commits)
    assert len(commits) == 2 and commits[1] > 0  # the first batch, then the one under way
    assert committed(folder) == whoosh_docs(folder) == kept < 150
    stats = indexer.Indexer(folder, corpus, Config(), workers=2).run()
    assert stats.pages_indexed == 150 - kept
    assert committed(folder) == whoosh_docs(folder) == 150


def test_a_stop_gives_up_a_batch_not_written_in_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quit stays prompt: workers that do not hand back the batch under way within
    STOP_WAIT_SECONDS are killed and it is dropped, as a big batch is (here at once)."""
    monkeypatch.setattr(indexer, "STOP_WAIT_SECONDS", 0)
    corpus, folder, commits = parallel_run(tmp_path, monkeypatch, 3)
    assert len(commits) == 1
    assert committed(folder) == whoosh_docs(folder) == commits[0]


def test_hurried_workers_begin_no_page(tmp_path: Path) -> None:
    """Once the pipeline is wrapped up, a worker answers its tasks without reading their
    pages (the next run reads them) and writes what it holds: the tasks sent ahead (2 a
    worker here, 32 pages) no longer delay a quit by a page each."""
    corpus = make_corpus(tmp_path / "c", 64)
    jobs = [(n, str(path), path.name, None) for n, path in enumerate(sorted(corpus.iterdir()))]
    pipeline = indexer.ProcessPipeline(jobs, 2, tmp_path / "staging", 10 ** 7, "rules", True)
    # The flag first (a worker may begin a page before it is set, the more so on a loaded
    # machine), then the first tasks as the pipeline's loop sends them, then the rest.
    pipeline.hurry.value = 1
    pipeline._dispatch()
    pipeline.wrap_up()
    events = []
    try:
        for kind, payload in pipeline:
            events.append((kind, payload))
            if kind == "flushed":
                break
    finally:
        pipeline.close()
    assert [p for kind, p in events if kind == "pages"] == [[], [], [], []]  # each task answered
    assert events[-1][0] == "flushed" and not events[-1][1].segments


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
    assert "idle" in kinds and kinds.count("pages") == 2 and kinds[-1] == "flushed"  # idle first, unless the owner
    # was held off the CPU longer than a worker took to start (a loaded machine)


def test_the_first_batch_waits_behind_few_tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With worker processes the flush that ends a batch queues behind every task sent
    before it: with TASKS_AHEAD (6 tasks of 8 pages) a worker from the start, the first
    commit of a 3,000-page build held ~190 pages instead of ~80. Until the first batch
    ends, FIRST_TASKS_AHEAD tasks go ahead: here a first batch of 10 articles (pages of
    one article) is committed with at most 2 tasks received + 2 workers x 2 tasks = 48
    pages (with 6 ahead, 96 are sent before the first answer)."""
    corpus, commits = parallel_build(tmp_path, monkeypatch)
    indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=2).run()
    assert 10 <= commits[0] <= 48 and sum(commits) == 150


def segment_docs(folder: Path) -> list[int]:
    from whoosh import index as windex

    from newsreader.search.schema import INDEX_NAME, WHOOSH_DIR

    ix = windex.open_dir(str(folder / WHOOSH_DIR), indexname=INDEX_NAME)
    try:
        return sorted(seg.doc_count() for seg in ix._segments())
    finally:
        ix.close()


@pytest.mark.parametrize("ramp", [indexer.RAMP_ARTICLES, 0])
def test_a_new_index_writes_its_first_batches_again_into_one_segment(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   ramp: int) -> None:
    """The first batches of a new index are small (articles early in the reader), and each
    made a segment a worker: six small segments at 100,000 articles cost 20-25% of a
    query's CPU. While they hold at most RAMP_ARTICLES a worker, a worker writes them again
    into one segment that replaces its segment of the batch before, in the same commit: here
    every batch (150 articles) ends in one segment a worker, and with none (0) each batch
    adds its own. Every story once, in Whoosh as in the store, and searchable."""
    monkeypatch.setattr(indexer, "RAMP_ARTICLES", ramp)
    corpus, commits = parallel_build(tmp_path, monkeypatch)
    folder = tmp_path / "ix"
    indexer.Indexer(folder, corpus, Config(), workers=2).run()
    assert len(commits) >= 2 and sum(commits) == 150
    assert len(segment_docs(folder)) == 2 if ramp else len(segment_docs(folder)) > 2
    assert committed(folder) == whoosh_docs(folder) == 150
    lib = Library(folder, corpus, Config())
    assert lib.search("harbour", count=True, suggest=False).total == 150
    lib.close()


def test_a_shard_whose_batch_went_to_its_segment_already_stops_writing_it_again(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A shard adds its articles to the segment every SORT_CHUNK articles: a batch whose articles
    went there before its end (here all of them, 4 = SORT_CHUNK) cannot be written again with
    the first batches: the segment holding them stays, and no later batch replaces it (its 4
    articles would be lost)."""
    monkeypatch.setattr(indexer, "SORT_CHUNK", 4)
    corpus = make_corpus(tmp_path / "c", 7)
    shard = indexer.Shard(tmp_path / "staging", indexer.PageSource.default(), 10 ** 7, "rules", True, ramp=True)
    pages = sorted(corpus.iterdir())
    shard.pages([(n, str(path), path.name, None) for n, path in enumerate(pages[:2])])
    first = shard.flush()  # 2 articles: the first batch
    assert len(first.segments) == 1 and not first.replaces
    shard.pages([(n, str(path), path.name, None) for n, path in enumerate(pages[2:6], 2)])  # 4: to the segment
    second = shard.flush()
    assert not second.replaces and sum(seg.doc_count_all() for seg, _ in second.segments) == 4
    shard.pages([(6, str(pages[6]), pages[6].name, None)])
    third = shard.flush()  # the 4 stay where they are
    assert not third.replaces and sum(seg.doc_count_all() for seg, _ in third.segments) == 1


@pytest.mark.parametrize("hurry", [False, True])
def test_a_hurried_flush_does_not_write_the_first_batches_again(tmp_path: Path, hurry: bool) -> None:
    """A quit waits (STOP_WAIT_SECONDS) for the batch under way: writing the first batches
    again then (up to RAMP_ARTICLES articles) made the wait run out and the batch be dropped
    (review RV12). In a hurry the batch gets a segment of its own."""
    corpus = make_corpus(tmp_path / "c", 4)
    shard = indexer.Shard(tmp_path / "staging", indexer.PageSource.default(), 10 ** 7, "rules", True, ramp=True)
    pages = sorted(corpus.iterdir())
    shard.pages([(n, str(path), path.name, None) for n, path in enumerate(pages[:2])])
    first = shard.flush()
    shard.pages([(n, str(path), path.name, None) for n, path in enumerate(pages[2:], 2)])
    second = shard.flush(hurry)
    written = sum(seg.doc_count_all() for seg, _ in second.segments)
    if hurry:
        assert not second.replaces and written == 2 and shard.ramp is None
    else:
        assert second.replaces == [seg for seg, _ in first.segments] and written == 4
