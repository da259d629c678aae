"""Which segments the index owner merges at the end of a run (`writer.merge_plan`,
`merge_choice`): segments of similar size, a bounded number of documents a run, only
segments the index held before the run, and given up when the reader quits.

A Whoosh merge re-reads and re-writes every posting in Python (~10-14 ms a document), in the
process that owns the index: the reader's update thread. Whoosh's MERGE_SMALL merges the
smallest segments while they add up to less than a Fibonacci number of their count, and with
20-odd segments that is most of the index (~90,000 documents at 100,000). The cap that
replaced it (at most 500 documents a commit) stopped merging for good once the smallest
segment held over 250 documents: a segment more at every commit, for ever (RV12 1.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.search import Library, indexer, writer
from newsreader.search.library import UpdateStopped

from tests.test_index import make_corpus, page, segment_sizes


def add_pages(corpus: Path, start: int, count: int, word: str = "lighthouse") -> None:
    for n in range(start, start + count):
        (corpus / f"p{n:04d}.txt").write_text(page(n, word), encoding="utf-8")


def test_small_segments_are_merged_a_few_documents_at_a_time(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Eleven updates adding a page each (a segment of one story each): once four segments
    of similar size exist they are merged, here 3 documents at most at a time, and every
    story stays searchable."""
    monkeypatch.setattr(writer, "MERGE_FLOOR", 1, raising=False)
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS_UNATTENDED", 3, raising=False)
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS", 3)
    corpus = make_corpus(tmp_path / "c", 1)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    largest = []
    for n in range(1, 12):
        add_pages(corpus, n, 1)
        lib.update()
        largest.append(max(all_ for _, all_ in segment_sizes(lib)))
    sizes = segment_sizes(lib)
    assert max(largest) == 3 and len(sizes) < 12  # merged, 3 at most
    assert sum(live for live, _ in sizes) == 12 and lib.search("lighthouse", count=True).total == 11
    lib.close()


def test_segments_over_half_the_cap_still_merge_and_the_count_stays_bounded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Thirty reader updates of three stories each (a segment of 3 documents, over half of
    the reader's cap of 4): the cap alone never merged two of them (31 segments); segments
    of similar size merge as the count passes MERGE_SEGMENTS, so it stays below 12 with
    every story once."""
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS", 4)
    monkeypatch.setattr(writer, "MERGE_FLOOR", 3, raising=False)
    monkeypatch.setattr(writer, "MERGE_SEGMENTS", 8, raising=False)
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS_CROWDED", 1_000, raising=False)
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update(stop=lambda: False)
    counts = []
    for u in range(30):
        add_pages(corpus, 3 + 3 * u, 3)
        lib.update(stop=lambda: False)
        counts.append(len(segment_sizes(lib)))
    assert max(counts) < 12, counts
    assert sum(live for live, _ in segment_sizes(lib)) == 93
    assert lib.search("lighthouse", count=True).total == 90
    lib.close()


def test_merge_choice_takes_the_smallest_size_class_with_four_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Four segments within MERGE_RATIO of the smallest of them merge; three do not; a
    budget cuts a class to its smallest segments, two at least."""
    monkeypatch.setattr(writer, "MERGE_FLOOR", 10)
    choice = writer.merge_choice
    assert choice([5, 9_000, 7, 40, 12], 10_000) == [0, 2, 4, 3]  # 5..40: within 4 x 10
    assert choice([5, 9_000, 7, 41, 12], 10_000) == []  # 41 is past 4 x 10: three left
    assert choice([300, 100, 200, 250, 1_000, 1_000, 1_000], 10_000) == [1, 2, 3, 0]
    assert choice([300, 100, 200, 250], 350) == [1, 2]
    assert choice([300, 100, 200, 250], 150) == []


def test_a_replaced_segment_gone_from_the_index_is_an_error(tmp_path: Path) -> None:
    """A first batch's segment is written again by its worker and replaces the one before
    (`indexer.RAMP_ARTICLES`); if that one were merged away meanwhile, the new segment would
    hold its stories beside the merged copy. `commit_segments` refuses, before writing."""
    from whoosh import index as windex

    from tests.test_writer import build_ours, random_docs

    ix = build_ours(tmp_path, random_docs(1, 60), split=30)
    before = [seg.segment_id() for seg in ix._segments()]
    stale = ix._segments()[0]
    w = writer.NewsWriter(ix)
    w.segments = w.segments[1:]  # as if merged away
    with pytest.raises(RuntimeError, match="internal error"):
        w.commit_segments([], [stale])
    ix = windex.open_dir(str(tmp_path / "ix"))
    assert [seg.segment_id() for seg in ix._segments()] == before
    writer.NewsWriter(ix).commit_segments([], [ix._segments()[0]])  # present: replaced
    assert len(windex.open_dir(str(tmp_path / "ix"))._segments()) == 1


def test_eight_workers_in_their_first_batches_lose_and_double_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new index built by 8 workers with merges as eager as can be (two segments of any
    size): the first batches' segments, which later batches replace, are never merged (a
    run merges only what the index held before it), so no story is indexed twice."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 10)
    monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 10)
    monkeypatch.setattr(writer, "MERGE_FACTOR", 2)
    monkeypatch.setattr(writer, "MERGE_RATIO", 10 ** 6)
    corpus = make_corpus(tmp_path / "c", 150)
    folder = tmp_path / "ix"
    indexer.Indexer(folder, corpus, Config(), workers=8).run()
    lib = Library(folder, corpus, Config())
    assert sum(live for live, _ in segment_sizes(lib)) == 150 and lib.count() == 150
    assert lib.search("harbour", count=True).total == 150
    add_pages(corpus, 150, 30)
    lib.update()  # the next run merges the first build's segments
    assert sorted(segment_sizes(lib))[-1] == (150, 150)  # merged into one (and the update's own)
    assert sum(live for live, _ in segment_sizes(lib)) == 180
    assert lib.search("harbour", count=True).total == 150
    lib.close()


def four_segments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Library]:
    """A corpus and its library of four one-story segments, which the next update merges
    (MERGE_FLOOR 1: a size class of four)."""
    monkeypatch.setattr(writer, "MERGE_FLOOR", 1)
    corpus = make_corpus(tmp_path / "c", 1)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    for n in range(1, 4):
        add_pages(corpus, n, 1)
        lib.update(stop=lambda: False)
    assert len(segment_sizes(lib)) == 4
    return corpus, lib


@pytest.mark.parametrize("phase", ["documents", "postings"])
def test_a_quit_gives_up_the_merge_and_keeps_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       phase: str) -> None:
    """The reader quits while the owner merges, as it copies the stored fields or the
    postings: the merge is given up at once (no segment changes; the postings are not
    even begun when the quit came before) and the batch committed before it stays, every
    story once."""
    corpus, lib = four_segments(tmp_path, monkeypatch)
    started: list[str] = []
    merge_segments = writer.merge_segments
    copy_postings = writer._copy_postings

    def merging(ix, ids, stop=None):  # type: ignore[no-untyped-def]
        started.append("documents")
        return merge_segments(ix, ids, stop)

    def copying(*args):  # type: ignore[no-untyped-def]
        started.append("postings")
        return copy_postings(*args)

    monkeypatch.setattr(writer, "merge_segments", merging)
    monkeypatch.setattr(writer, "_copy_postings", copying)
    add_pages(corpus, 4, 1)
    with pytest.raises(UpdateStopped):
        lib.update(stop=lambda: phase in started)
    assert started == ["documents", "postings"][:1 + (phase == "postings")]
    assert sorted(segment_sizes(lib)) == [(1, 1)] * 5  # not merged
    assert not orphans(tmp_path / "ix")  # nor its partly written files left
    assert lib.count() == 5 and lib.search("lighthouse", count=True).total == 4
    add_pages(corpus, 5, 1)
    lib.update(stop=lambda: False)  # the next run merges them
    assert len(segment_sizes(lib)) < 6 and sum(live for live, _ in segment_sizes(lib)) == 6
    lib.close()


def test_a_merge_that_fails_on_the_disk_leaves_the_update_whole(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge is optional: one that fails writing (a full disk) is given up, and the update
    whose batch was committed just before it completes, the article store included."""
    import errno

    corpus, lib = four_segments(tmp_path, monkeypatch)

    def full(*args):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "_copy_postings", full)
    add_pages(corpus, 4, 1)
    stats = lib.update()
    assert stats.articles_added == 1 and lib.count() == 5 and not lib.unfinished()
    assert sorted(segment_sizes(lib)) == [(1, 1)] * 5 and lib.search("lighthouse", count=True).total == 4
    assert not orphans(tmp_path / "ix")  # the space it took is given back
    lib.close()


def test_a_merge_that_fails_otherwise_comes_after_the_batch_is_in_both_halves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge is a commit of its own, after the batch reached the article store too, and
    optional: one that fails for any reason (a bug, a damaged segment) is given up, its
    files deleted, and the update completes; the next run has nothing to read again and
    merges. (It ran between the two commits, and its failure failed every later update.)"""
    corpus, lib = four_segments(tmp_path, monkeypatch)
    copy_postings = writer._copy_postings

    def broken(*args):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug in the merge")

    monkeypatch.setattr(writer, "_copy_postings", broken)
    add_pages(corpus, 4, 1)
    assert lib.update().articles_added == 1 and not lib.unfinished()
    assert sorted(segment_sizes(lib)) == [(1, 1)] * 5 and lib.search("lighthouse", count=True).total == 4
    assert not orphans(tmp_path / "ix")
    monkeypatch.setattr(writer, "_copy_postings", copy_postings)
    add_pages(corpus, 5, 1)
    stats = lib.update()
    assert stats.pages_unchanged == 5 and stats.articles_added == 1
    assert len(segment_sizes(lib)) < 6 and lib.count() == 6
    lib.close()


def orphans(folder: Path) -> list[str]:
    """Files of segments the index's table of contents does not name."""
    from whoosh import index as windex

    ix = windex.open_dir(str(folder / "whoosh"))
    named = {seg.segment_id() for seg in ix._segments()}
    return [p.name for p in (folder / "whoosh").iterdir()
            if p.name.startswith("MAIN_") and "." in p.name and not p.name.endswith(".toc")
            and p.name.split(".")[0] not in named]


def merges_recorded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The documents of each merge the owner makes from now on (live, as it begins)."""
    sizes: list[int] = []
    merge_segments = writer.merge_segments

    def merging(ix, ids, stop=None):  # type: ignore[no-untyped-def]
        sizes.append(sum(seg.doc_count() for seg in ix._segments() if seg.segment_id() in ids))
        return merge_segments(ix, ids, stop)

    monkeypatch.setattr(writer, "merge_segments", merging)
    return sizes


def test_the_readers_merges_past_merge_segments_stay_within_its_budget(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MERGE_SEGMENTS segments the reader's update merged up to MERGE_MAX_DOCS_UNATTENDED
    documents (25-50 s of CPU in its update thread at 100,000 articles, its queries twice as
    slow meanwhile). Now an update's merges copy MERGE_MAX_DOCS_CROWDED documents at most, all
    together, and take the smallest segments: each update still takes several away, and the
    count comes down update after update."""
    monkeypatch.setattr(writer, "MERGE_FLOOR", 1)
    monkeypatch.setattr(writer, "MERGE_SEGMENTS", 6)
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS", 2)
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS_CROWDED", 4, raising=False)
    monkeypatch.setattr(writer, "MERGE_MAX_DOCS_UNATTENDED", 1_000)
    corpus = make_corpus(tmp_path / "c", 1)
    lib = Library(tmp_path / "ix", corpus, Config())
    monkeypatch.setattr(writer, "MERGE_FACTOR", 100)  # no merge while the 14 segments are made
    lib.update()
    for n in range(1, 14):
        add_pages(corpus, n, 1)
        lib.update()
    assert len(segment_sizes(lib)) == 14
    monkeypatch.setattr(writer, "MERGE_FACTOR", 4)
    merges = merges_recorded(monkeypatch)
    counts = []
    for n in range(14, 18):
        done = len(merges)
        add_pages(corpus, n, 1)
        lib.update(stop=lambda: False)
        assert 0 < sum(merges[done:]) <= 4, merges  # F3: one merge of 10 documents
        counts.append(len(segment_sizes(lib)))
    assert counts == sorted(counts, reverse=True) and counts[-1] <= 14 - 4, counts
    assert sum(live for live, _ in segment_sizes(lib)) == 18 and lib.search("lighthouse", count=True).total == 17
    lib.close()


def test_a_run_that_reads_every_page_again_merges_at_its_end(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A run's merges come once its batches are all committed: merged after each commit, the
    segments of a run that reads every page again (an upgrade, a cue file edited) were copied
    and then emptied by its later batches (~1.3x a rebuild). Here six segments the run
    empties: no merge copies their documents, and every story is in the index once."""
    monkeypatch.setattr(writer, "MERGE_FLOOR", 1)
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 2)
    corpus = make_corpus(tmp_path / "c", 2)
    folder = tmp_path / "ix"
    indexer.Indexer(folder, corpus, Config(), workers=1).run()
    monkeypatch.setattr(writer, "MERGE_FACTOR", 100)  # no merge while the segments are made
    for n in range(2, 12, 2):
        add_pages(corpus, n, 2)
        indexer.Indexer(folder, corpus, Config(), workers=1).run()
    lib = Library(folder, corpus, Config())
    assert sorted(segment_sizes(lib)) == [(2, 2)] * 6
    lib.close()
    monkeypatch.setattr(writer, "MERGE_FACTOR", 4)
    for n in range(12):  # every page changed: read again
        (corpus / f"p{n:04d}.txt").write_text(page(n, "lighthouse") + "A line more.\n", encoding="utf-8")
    merges = merges_recorded(monkeypatch)
    stats = indexer.Indexer(folder, corpus, Config(), batch_articles=2, workers=1).run()
    assert stats.pages_indexed == 12
    assert merges == []  # after each commit: 10 documents of the segments being emptied copied
    lib = Library(folder, corpus, Config())
    assert sum(live for live, _ in segment_sizes(lib)) == 12 == lib.count()
    assert lib.search("lighthouse", count=True).total == 12
    lib.close()


def test_merge_plan_takes_the_smallest_segments_in_the_reader_past_merge_segments() -> None:
    """A run's merges at its end (`writer.merge_plan`): a size class first, then, in the reader
    past MERGE_SEGMENTS segments, the smallest segments whatever their sizes, all within the
    run's budget and MERGE_MAX_SEGMENTS segments; `newsreader index` keeps to size classes
    (each document merged O(log n) times), and a merged segment is not merged again in the run."""
    sizes = [100, 100, 100, 100, 2_000, 2_500, 9_000]
    assert writer.merge_choice(sizes[4:], 5_000) == []
    assert writer.merge_choice(sizes[4:], 5_000, crowded=True) == [0, 1]
    assert writer.merge_choice(sizes[4:], 4_000, crowded=True) == []  # two at least
    assert writer.merge_plan(sizes, 20, 5_000, reader=True) == [[0, 1, 2, 3], [4, 5]]
    assert writer.merge_plan(sizes, 20, 4_600, reader=True) == [[0, 1, 2, 3]]  # the run's budget
    assert writer.merge_plan(sizes, 16, 5_000, reader=True) == [[0, 1, 2, 3]]  # 20 segments left: enough
    assert writer.merge_plan(sizes, 12, 5_000, reader=True) == [[0, 1, 2, 3]]  # 19 segments: not crowded
    assert writer.merge_plan(sizes, 20, 16_000, reader=False) == [[0, 1, 2, 3]]
    # The reader's merges take MERGE_MAX_SEGMENTS segments all together (per-term work a segment).
    assert writer.merge_plan([100] * 12, 20, 5_000, reader=True) == [list(range(10))]


def test_a_reader_past_the_runaway_count_merges_as_index_does() -> None:
    """The reader's crowded budget keeps up with small updates only: past MERGE_SEGMENTS_RUNAWAY
    segments it takes `newsreader index`'s budget, so an index nobody runs `index` on stays
    bounded; below, its budgets stay a few seconds of work."""
    stop = lambda: False  # noqa: E731
    assert writer.merge_budget(writer.MERGE_SEGMENTS, stop) == writer.MERGE_MAX_DOCS
    assert writer.merge_budget(writer.MERGE_SEGMENTS_RUNAWAY, stop) == writer.MERGE_MAX_DOCS_CROWDED
    assert writer.merge_budget(writer.MERGE_SEGMENTS_RUNAWAY + 1, stop) == writer.MERGE_MAX_DOCS_UNATTENDED
    assert writer.merge_budget(1, None) == writer.MERGE_MAX_DOCS_UNATTENDED
