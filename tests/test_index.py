"""The index side: incremental updates, interruption, locking, corruption, readers during writes."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.errors import IndexNeedsRebuild, UserError
from newsreader.search import Library
from newsreader.search.indexer import IndexLock


def page(n: int, word: str = "harbour") -> str:
    return (f" date 2025-0{1 + n % 9}-1{n % 10} Story number {n} about the {word} council\n\n"
            f"The {word} council met on Monday to discuss item {n} of the agenda, officials said.\n\n"
            f"Residents asked questions about the {word} budget and the number {n} plan.\n")


def make_corpus(root: Path, count: int, word: str = "harbour") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (root / f"p{n:04d}.txt").write_text(page(n, word), encoding="utf-8")
    return root


def doc_count(lib: Library) -> int:
    return lib.searcher().doc_count()


def test_incremental_add_change_remove(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 6)
    lib = Library(tmp_path / "ix", corpus, Config())
    first = lib.update()
    assert first.pages_indexed == 6 and first.articles_added == 6 and lib.count() == 6

    again = lib.update()
    assert again.pages_indexed == 0 and again.pages_unchanged == 6 and again.articles_added == 0

    # Same bytes, new mtime: hashed, found unchanged, not re-indexed.
    os.utime(corpus / "p0000.txt", (time.time() + 5, time.time() + 5))
    assert lib.update().pages_indexed == 0

    (corpus / "p0001.txt").write_text(page(1, "lighthouse"), encoding="utf-8")  # changed
    (corpus / "p0002.txt").unlink()  # removed
    (corpus / "new.txt").write_text(page(99, "harbour"), encoding="utf-8")  # added
    stats = lib.update()
    assert (stats.pages_indexed, stats.pages_removed) == (2, 1)
    assert lib.count() == 6 and doc_count(lib) == 6
    assert len(lib.search("lighthouse").hits) == 1
    assert len(lib.search("harbour").hits) == 5
    assert len(lib.search('"number 2 plan"').hits) == 0
    assert len(lib.search("99").hits) == 1
    lib.close()


def test_a_page_that_became_a_broken_link_leaves_the_index(tmp_path: Path) -> None:
    """A page replaced by a link to a missing file was listed but could not be looked at:
    the update said nothing (`articles` warned) and its old articles stayed for good."""
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    (corpus / "p0001.txt").unlink()
    (corpus / "p0001.txt").symlink_to(tmp_path / "nowhere.txt")
    warnings: list[str] = []
    stats = lib.update(warn=warnings.append)
    assert warnings == [f"{corpus.resolve() / 'p0001.txt'}: a link to {tmp_path / 'nowhere.txt'}, which does not "
                        "exist; skipped (point the link at the page, or remove it)"] and stats.pages_failed == 1
    assert stats.pages_removed == 1 and lib.count() == 2 and len(lib.search("harbour").hits) == 2
    lib.close()


def test_rebuild_starts_over(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    stats = lib.update(rebuild=True)
    assert stats.pages_indexed == 3 and lib.count() == 3 and doc_count(lib) == 3
    lib.close()


@pytest.mark.parametrize("lost", ["whoosh", "articles.sqlite3"])
def test_half_an_index_is_built_anew(tmp_path: Path, lost: str) -> None:
    """With its Whoosh folder deleted the store called every page unchanged and searches
    found nothing for good; with its store deleted they said "another version"."""
    import shutil

    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    lib.close()
    gone = tmp_path / "ix" / lost
    shutil.rmtree(gone) if gone.is_dir() else gone.unlink()
    lib = Library(tmp_path / "ix", corpus, Config())
    warnings: list[str] = []
    stats = lib.update(warn=warnings.append)
    assert stats.pages_indexed == 3 and len(lib.search("harbour").hits) == 3 and doc_count(lib) == 3
    assert any("incomplete" in w and "building it anew" in w for w in warnings)
    lib.close()


def test_readers_keep_answering_during_and_after_a_write(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 4)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    reader = Library(tmp_path / "ix", corpus, Config())
    assert len(reader.search("harbour").hits) == 4
    make_corpus(corpus, 8, "harbour")
    for n in range(3):
        (corpus / f"p{n:04d}.txt").unlink()
    lib.update()
    assert len(reader.search("harbour").hits) == 5  # the reader picks up the new commit
    lib.close()
    reader.close()


def test_reader_opened_before_the_first_commit_sees_it(tmp_path: Path) -> None:
    """The reader's list and search open while a first build (or a rebuild) has committed
    nothing yet; the first commit must show up, not read as a damaged index."""
    from newsreader.search.indexer import open_or_create

    corpus = make_corpus(tmp_path / "c", 3)
    ix, store = open_or_create(tmp_path / "ix", rebuild=False)  # an index with no article yet
    ix.close()
    store.close()
    reader = Library(tmp_path / "ix", corpus, Config())
    assert reader.exists() and doc_count(reader) == 0
    for sort in ("relevance", "date"):
        assert reader.search("harbour", sort=sort).total == 0  # no hits yet, and no error
    assert reader.search("harbur").suggestion is None
    assert reader.facets("harbour")["source"] == []
    writer = Library(tmp_path / "ix", corpus, Config())
    writer.update()
    assert len(reader.search("harbour").hits) == 3
    writer.close()
    reader.close()


def test_the_first_batch_of_a_build_is_committed_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With 20,000 articles a batch, a first build of a large corpus showed nothing in the
    reader for a minute or more and a kill lost all of it: the first batch is smaller."""
    import sqlite3

    from newsreader.corpus.loader import iter_page_files, read_page_file
    from newsreader.corpus.parser import parse_page
    from newsreader.search import indexer
    from newsreader.search.store import STORE_FILE

    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 10)
    corpus = make_corpus(tmp_path / "c", 40)
    folder = tmp_path / "ix"
    committed: list[int] = []

    def parse(text: str, file: str):  # type: ignore[no-untyped-def]
        store = folder / STORE_FILE
        if store.exists():
            with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as con:
                committed.append(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        return parse_page(text, file=file).articles

    source = indexer.PageSource(iter_page_files, read_page_file, parse)
    indexer.Indexer(folder, corpus, Config(), source, workers=1).run()
    assert 10 <= max(committed) < 40  # committed before the end, in a batch of about 10
    lib = Library(folder, corpus, Config())
    assert doc_count(lib) == 40
    lib.close()


def test_progress_is_reported_before_the_first_page_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build of 500+ pages parses a sample of them before indexing: the reader said
    "checking the index…" and `index` showed nothing for seconds. The total comes first."""
    from newsreader.corpus.loader import iter_page_files, read_page_file
    from newsreader.corpus.parser import parse_page
    from newsreader.search import indexer

    monkeypatch.setattr(indexer, "SAMPLE_MIN_PAGES", 5)
    corpus = make_corpus(tmp_path / "c", 12)
    events: list[str] = []

    def parse(text: str, file: str):  # type: ignore[no-untyped-def]
        events.append("parse")
        return parse_page(text, file=file).articles

    source = indexer.PageSource(iter_page_files, read_page_file, parse)
    indexer.Indexer(tmp_path / "ix", corpus, Config(), source, workers=1).run(
        progress=lambda p: events.append(f"progress {p.pages_done}/{p.pages_total}"))
    assert events[0] == "progress 0/12" and events.count("parse") > 12  # sampled, then indexed


def test_second_indexer_gets_a_clear_message(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 2)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    with IndexLock(tmp_path / "ix"):
        with pytest.raises(UserError, match="being updated by another"):
            lib.update()
    assert lib.update().pages_unchanged == 2  # lock released: works again
    lib.close()


def test_commands_say_when_another_run_is_updating_the_index(capsys, tmp_path: Path, isolated_home: Path) -> None:
    """During another run's rebuild the index starts from nothing: a search must not look
    like a plain "no matching articles"."""
    from newsreader.cli import main
    from newsreader.config import user_paths

    corpus = make_corpus(tmp_path / "c", 2)
    assert main(["--corpus", str(corpus), "index"]) == 0
    folder = user_paths().index_dir(corpus)
    capsys.readouterr()
    assert main(["--corpus", str(corpus), "search", "harbour"]) == 0
    assert "updating this index" not in capsys.readouterr().err
    with IndexLock(folder):
        assert main(["--corpus", str(corpus), "search", "harbour"]) == 0
        err = capsys.readouterr().err
    assert "another run is updating this index" in err and "incomplete" in err


def test_commands_finish_an_interrupted_run_first(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed mid-way left an index of part of the corpus: `search` said "no matching
    articles" (a killed rebuild: nothing committed) or answered from the part, as if whole."""
    from newsreader.cli import main
    from newsreader.config import user_paths
    from newsreader.corpus.loader import iter_page_files, read_page_file
    from newsreader.corpus.parser import parse_page
    from newsreader.search import indexer

    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 10)
    corpus = make_corpus(tmp_path / "c", 40)
    folder = user_paths().index_dir(corpus)
    seen: list[str] = []

    def parse(text: str, file: str):  # type: ignore[no-untyped-def]
        seen.append(file)
        if len(seen) == 25:  # a kill after the first batch was committed
            raise KeyboardInterrupt
        return parse_page(text, file=file).articles

    source = indexer.PageSource(iter_page_files, read_page_file, parse)
    with pytest.raises(KeyboardInterrupt):
        indexer.Indexer(folder, corpus, Config(), source, workers=1).run()
    lib = Library(folder, corpus, Config())
    assert 10 <= lib.count() < 40 and lib.unfinished()
    lib.close()
    capsys.readouterr()
    assert main(["--corpus", str(corpus), "search", "--count", "harbour"]) == 0
    out, err = capsys.readouterr()
    assert "the last indexing run of" in err and "was stopped before its end; finishing it" in err
    assert "of 40 matching articles" in err
    assert main(["--corpus", str(corpus), "search", "harbour"]) == 0
    assert "finishing" not in capsys.readouterr().err  # once


def test_a_probe_of_the_lock_never_turns_an_indexer_away(tmp_path: Path) -> None:
    """`update_running` holds a shared lock for an instant: an indexer starting then waits."""
    import fcntl
    import threading

    (tmp_path / "ix").mkdir()
    fd = os.open(tmp_path / "ix" / "index.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_SH)
    threading.Timer(0.05, os.close, (fd,)).start()
    with IndexLock(tmp_path / "ix") as lock:
        assert lock.fd is not None


def test_corrupt_index_says_rebuild(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 2)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    lib.close()
    for toc in (tmp_path / "ix" / "whoosh").glob("*.toc"):
        toc.write_bytes(b"garbage" * 10)
    broken = Library(tmp_path / "ix", corpus, Config())
    with pytest.raises(UserError, match="unreadable.*--rebuild"):
        broken.search("harbour")
    with pytest.raises(UserError, match="--rebuild"):
        broken.update()
    broken.update(rebuild=True)
    assert len(broken.search("harbour").hits) == 2
    broken.close()


@pytest.mark.parametrize("pattern", ["*.pst", "*.trm", "*._stored.col", "*._body_len.col", "*.ents.col", "*.toc"])
def test_damaged_segment_file_says_rebuild(tmp_path: Path, pattern: str) -> None:
    """A truncated file fails deep inside Whoosh, often only once a query reaches it, with
    any exception type: every way of reading the index says rebuild, never a traceback."""
    from newsreader.search.related import RelatedFinder

    corpus = make_corpus(tmp_path / "c", 4)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    some_id = lib.search("harbour").hits[0].id
    lib.close()
    damaged = list((tmp_path / "ix" / "whoosh").glob(pattern))
    assert damaged
    for path in damaged:
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    broken = Library(tmp_path / "ix", corpus, Config())
    reads = [lambda: broken.search("harbour"), lambda: broken.search("harbour", sort="date"),
             lambda: broken.facets("harbour"), lambda: broken.get(some_id),
             lambda: RelatedFinder(broken).related(some_id), broken.update]
    for read in reads:
        try:
            read()
        except UserError as exc:
            assert "--rebuild" in exc.message
    broken.update(rebuild=True)
    assert len(broken.search("harbour").hits) == 4
    broken.close()


@pytest.mark.parametrize("pattern", ["*.pst", "*._stored.col", "*._body_len.col", "*.ents.col"])
def test_an_update_says_a_segment_file_was_cut_short(tmp_path: Path, pattern: str) -> None:
    """An update reads no postings or columns, so `newsreader index` said all was well over
    such damage and only the next search said rebuild."""
    corpus = make_corpus(tmp_path / "c", 4)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    lib.update()  # a second commit records the same sizes: no false alarm
    lib.close()
    for path in (tmp_path / "ix" / "whoosh").glob(pattern):
        path.write_bytes(path.read_bytes()[:-1])
    broken = Library(tmp_path / "ix", corpus, Config())
    with pytest.raises(IndexNeedsRebuild, match=r"damaged \(MAIN_.* bytes, .* when written\); run `newsreader index --rebuild`"):
        broken.update()
    broken.update(rebuild=True)
    assert broken.update().pages_unchanged == 4 and len(broken.search("harbour").hits) == 4
    broken.close()


def test_corrupt_store_says_rebuild(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 2)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    lib.close()
    for f in (tmp_path / "ix").glob("articles.sqlite3*"):
        f.unlink()
    (tmp_path / "ix" / "articles.sqlite3").write_bytes(b"not a database" * 100)
    broken = Library(tmp_path / "ix", corpus, Config())
    with pytest.raises(UserError, match="--rebuild"):
        broken.count()
    broken.close()


@pytest.mark.parametrize("suffix", [".pst", ".col"])  # opened with the searcher; by the first query
@pytest.mark.parametrize("code, says", [(errno.EACCES, "permissions"), (errno.EMFILE, "ulimit -n"),
                                         (errno.ENOSPC, "disk space"), (errno.EROFS, "writable")])
def test_environment_error_is_not_called_damage(tmp_path: Path, refuse_index_files: Callable[..., Callable[[], None]],
                                                code: int, says: str, suffix: str) -> None:
    """Permissions, the open-files limit, a full or read-only disk: the index is sound, so
    the message names the cause and never asks for a rebuild (the reader would rebuild)."""
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    lib.close()
    allow = refuse_index_files(suffix, code)
    reads = [lambda: Library(tmp_path / "ix", corpus, Config()).search("harbour")]
    if suffix == ".pst":  # an update with nothing to do reads no column
        reads.append(lambda: Library(tmp_path / "ix", corpus, Config()).update())
    for read in reads:
        with pytest.raises(UserError) as caught:
            read()
        assert not isinstance(caught.value, IndexNeedsRebuild)
        assert os.strerror(code) in caught.value.message and says in caught.value.message
        assert "--rebuild" not in caught.value.message and "\n" not in caught.value.message
    allow()
    again = Library(tmp_path / "ix", corpus, Config())
    assert len(again.search("harbour").hits) == 3 and again.update().pages_unchanged == 3
    again.close()


def test_environment_error_opening_the_index_is_not_called_damage(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from whoosh.filedb.filestore import FileStorage

    corpus = make_corpus(tmp_path / "c", 2)
    Library(tmp_path / "ix", corpus, Config()).update()

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(FileStorage, "open_index", refuse)  # (how the library opens the index, S6)
    with pytest.raises(UserError, match="Permission denied; check the permissions") as caught:
        Library(tmp_path / "ix", corpus, Config()).search("harbour")
    assert not isinstance(caught.value, IndexNeedsRebuild)


def test_folder_that_cannot_be_listed_is_not_called_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoosh swallows a failed listing of its folder and says the index does not exist:
    with the open-files limit reached that is not damage either."""
    corpus = make_corpus(tmp_path / "c", 2)
    Library(tmp_path / "ix", corpus, Config()).update()
    listdir = os.listdir

    def refuse(path=".", *args, **kwargs):
        if os.path.basename(os.fspath(path)) == "whoosh":
            raise OSError(errno.EMFILE, os.strerror(errno.EMFILE), path)
        return listdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "listdir", refuse)
    with pytest.raises(UserError, match="Too many open files; raise the open-files limit") as caught:
        Library(tmp_path / "ix", corpus, Config()).search("harbour")
    assert not isinstance(caught.value, IndexNeedsRebuild)


def test_store_that_cannot_be_opened_is_not_called_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite says SQLITE_CANTOPEN (14) for a store it may not open: not damage either."""
    import sqlite3

    from newsreader.search import store

    corpus = make_corpus(tmp_path / "c", 2)
    Library(tmp_path / "ix", corpus, Config()).update()

    def refuse(*args, **kwargs):
        exc = sqlite3.OperationalError("unable to open database file")
        exc.sqlite_errorcode = 14
        raise exc

    monkeypatch.setattr(store.sqlite3, "connect", refuse)
    with pytest.raises(UserError, match="unable to open database file; check the permissions") as caught:
        Library(tmp_path / "ix", corpus, Config()).count()
    assert not isinstance(caught.value, IndexNeedsRebuild)


def test_missing_segment_file_is_still_damage(tmp_path: Path) -> None:
    from newsreader.search.schema import unreadable_index

    for exc in (FileNotFoundError(errno.ENOENT, "No such file or directory", "x.seg"), EOFError(),
                OSError(errno.EINVAL, "Invalid argument")):
        assert isinstance(unreadable_index(tmp_path, exc), IndexNeedsRebuild)


def test_missing_index_says_index(tmp_path: Path) -> None:
    lib = Library(tmp_path / "ix", make_corpus(tmp_path / "c", 1), Config())
    with pytest.raises(UserError, match="newsreader index"):
        lib.search("harbour")


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from newsreader.config import Config
    from newsreader.corpus.loader import iter_page_files, read_page_file
    from newsreader.corpus.parser import parse_page
    from newsreader.search.indexer import Indexer, PageSource

    folder, corpus, marker = map(Path, sys.argv[1:4])
    seen = 0
    def parse(text, file):
        global seen
        seen += 1
        if seen == 25:          # two batches of 10 are committed by now
            marker.write_text("go")
            time.sleep(60)      # killed here, mid-batch
        return parse_page(text, file=file).articles
    source = PageSource(iter_page_files, read_page_file, parse)
    Indexer(folder, corpus, Config(), source, batch_articles=10).run()
""")


def test_kill_9_mid_index_leaves_a_usable_index(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 40)
    folder = tmp_path / "ix"
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(corpus), str(marker)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "indexer exited early"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    lib = Library(folder, corpus, Config())
    committed = lib.count()
    assert committed == 20 and len(lib.search("harbour", limit=100).hits) == 20
    assert lib.unfinished()
    stats = lib.update()  # the lock died with the process; the run completes the job
    assert stats.pages_indexed == 20 and not lib.unfinished()
    assert lib.count() == 40 and doc_count(lib) == 40
    assert len(lib.search("harbour", limit=100).hits) == 40
    lib.close()


def test_relative_corpus_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_corpus(tmp_path / "c", 3)
    monkeypatch.chdir(tmp_path)
    lib = Library(tmp_path / "ix", Path("c"), Config())
    assert lib.update().articles_added == 3
    lib.close()


def test_parallel_workers_give_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.search import indexer

    monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 1)
    corpus = make_corpus(tmp_path / "c", 12)
    indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=2).run()
    lib = Library(tmp_path / "ix", corpus, Config())
    assert lib.count() == 12 and doc_count(lib) == 12
    assert len(lib.search('"harbour council"').hits) == 12
    lib.close()


PARALLEL_CHILD = textwrap.dedent("""
    import signal, sys, time
    from pathlib import Path
    from newsreader.config import Config
    from newsreader.search import indexer

    # A test run started in the background (`cmd &`, nohup) inherits SIGINT ignored, and
    # Python then installs no KeyboardInterrupt handler: restore it, as a terminal has it.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    folder, corpus = map(Path, sys.argv[1:3])
    indexer.PARALLEL_MIN_PAGES = 1
    indexer.PAGES_PER_TASK = 1
    prepare = indexer.prepare
    def slow(*args, **kwargs):  # the workers are forked: they run this too
        time.sleep(0.05)
        return prepare(*args, **kwargs)
    indexer.prepare = slow
    indexer.Indexer(folder, corpus, Config(), workers=2, batch_articles=10).run()
""")


def committed_articles(folder: Path) -> int:
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{folder / 'articles.sqlite3'}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_parallel_run_leaves_a_usable_index(tmp_path: Path, sig: int) -> None:
    corpus = make_corpus(tmp_path / "c", 80)
    folder = tmp_path / "ix"
    proc = subprocess.Popen([sys.executable, "-c", PARALLEL_CHILD, str(folder), str(corpus)],
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while committed_articles(folder) < 10:  # the first batch is committed
            assert proc.poll() is None, "indexer exited early"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(proc.pid, sig)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode != 0
    lib = Library(folder, corpus, Config())
    assert 10 <= lib.count() < 80
    assert len(lib.search("harbour", limit=100).hits) >= 10
    lib.update()  # the lock died with the process; the run completes the job
    assert lib.count() == 80 and doc_count(lib) == 80
    assert len(lib.search("harbour", limit=100).hits) == 80
    assert not (folder / "staging").exists()
    lib.close()
    deadline = time.monotonic() + 30
    while processes_mentioning(str(folder)):  # orphaned workers notice the owner is gone
        assert time.monotonic() < deadline, "worker processes outlived their owner"
        time.sleep(0.1)


def processes_mentioning(text: str) -> list[int]:
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text.encode() in cmdline.read_bytes():
                pids.append(int(cmdline.parent.name))
        except OSError:
            pass
    return pids


def postings_by_id(lib: Library) -> dict[tuple[str, bytes], list[tuple[str, float, bytes]]]:
    """Every posting of the index, keyed by article id instead of document number."""
    reader = lib.searcher().reader()
    ids = {d: reader.stored_fields(d)["id"] for d in reader.all_doc_ids()}
    out = {}
    for fieldname, term in reader.all_terms():
        m = reader.postings(fieldname, term)
        postings = []
        while m.is_active():
            postings.append((ids[m.id()], m.weight(), m.value()))
            m.next()
        out[(fieldname, term)] = sorted(postings)
    return out


def test_serial_and_parallel_runs_give_the_same_postings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.search import indexer

    monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(indexer, "PAGES_PER_TASK", 2)
    corpus = make_corpus(tmp_path / "c", 30)
    indexer.Indexer(tmp_path / "serial", corpus, Config(), workers=1, batch_articles=7).run()
    indexer.Indexer(tmp_path / "parallel", corpus, Config(), workers=2, batch_articles=7).run()
    serial = Library(tmp_path / "serial", corpus, Config())
    parallel = Library(tmp_path / "parallel", corpus, Config())
    assert len(serial.searcher().reader().leaf_readers()) > 1
    assert len(parallel.searcher().reader().leaf_readers()) > 1
    assert postings_by_id(parallel) == postings_by_id(serial)
    serial.close()
    parallel.close()


def segment_sizes(lib: Library) -> list[tuple[int, int]]:
    """(live, all) documents of every segment of the committed index."""
    reader = lib.searcher().reader()
    return [(leaf.doc_count(), leaf.doc_count_all()) for leaf, _ in reader.leaf_readers()]


def test_a_segment_whose_pages_all_went_leaves_the_index(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", 6)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    for n in range(6, 9):
        (corpus / f"p{n:04d}.txt").write_text(page(n, "lighthouse"), encoding="utf-8")
    lib.update()
    assert len(segment_sizes(lib)) == 2
    for n in range(6, 9):
        (corpus / f"p{n:04d}.txt").unlink()
    lib.update()
    lib.close()
    # Every document of the second segment is deleted: the segment is gone, not kept empty.
    lib = Library(tmp_path / "ix", corpus, Config())
    assert segment_sizes(lib) == [(6, 6)]
    assert lib.count() == 6 and not lib.search("lighthouse").hits
    lib.close()


def ids_by_title(lib: Library) -> dict[str, str]:
    return {row.title: row.id for row in lib.list_rows(0, 100)}


def test_a_rebuild_pairs_a_headline_edited_since_the_last_update(tmp_path: Path) -> None:
    """`index --rebuild` straight after a headline edit started from an empty index, so
    the story's old id was lost (its bookmark "not in the corpus", its read mark gone). The
    store it replaces is kept until it ends, and old ids recorded before are kept too."""
    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    first = ids_by_title(lib)
    (corpus / "p0001.txt").write_text(page(1).replace("Story number 1 about", "Story one on"), encoding="utf-8")
    lib.update()
    (corpus / "p0002.txt").write_text(page(2).replace("Story number 2 about", "Story two on"), encoding="utf-8")
    lib.update(rebuild=True)
    now = ids_by_title(lib)
    assert lib.renamed() == {first["Story number 1 about the harbour council"]: now["Story one on the harbour council"],
                             first["Story number 2 about the harbour council"]: now["Story two on the harbour council"]}
    assert not list((tmp_path / "ix").glob("previous*"))  # dropped once the rebuild is done
    lib.close()


def test_a_rebuild_stopped_midway_still_pairs_when_it_is_finished(tmp_path: Path) -> None:
    from newsreader.corpus.loader import iter_page_files, read_page_file
    from newsreader.search import indexer

    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    old = ids_by_title(lib)["Story number 1 about the harbour council"]
    lib.close()
    (corpus / "p0001.txt").write_text(page(1).replace("Story number 1 about", "Story one on"), encoding="utf-8")

    def stop(text: str, file: str):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        indexer.Indexer(tmp_path / "ix", corpus, Config(), indexer.PageSource(iter_page_files, read_page_file, stop),
                        workers=1).run(rebuild=True)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()  # finishes the rebuild
    assert lib.renamed() == {old: ids_by_title(lib)["Story one on the harbour council"]}
    lib.close()


def test_an_edited_headline_records_the_story_s_old_id(tmp_path: Path) -> None:
    """An id is made from the page and the headline: editing the headline gave the story a
    new id and its bookmark and read mark no longer attached to it. The index now says
    which id the story had (matched by its text), follows a second edit straight to the
    newest id, and forgets an old id once a story has it again."""
    from newsreader.search.indexer import pair_renamed

    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    first = ids_by_title(lib)
    old = first["Story number 1 about the harbour council"]
    other = first["Story number 2 about the harbour council"]
    edited = page(1).replace("Story number 1 about", "Story one on")
    (corpus / "p0001.txt").write_text(edited, encoding="utf-8")
    # Page 2 becomes another story altogether: a new id, and no one's old one.
    (corpus / "p0002.txt").write_text(
        " date 2025-03-03 Lighthouse keepers strike\n\nKeepers of every lighthouse walked out "
        "over pay and hours, their union said on Friday.\n", encoding="utf-8")
    lib.update()
    now = ids_by_title(lib)
    renamed = lib.renamed()
    assert renamed == {old: now["Story one on the harbour council"]}
    assert other not in renamed

    # Edited again: the first id leads straight to the newest.
    (corpus / "p0001.txt").write_text(edited.replace("Story one on", "Story 1 on"), encoding="utf-8")
    lib.update()
    newest = ids_by_title(lib)["Story 1 on the harbour council"]
    assert set(lib.renamed().values()) == {newest} and old in lib.renamed()

    # Back to the first headline: its id is live again, so no longer anyone's old id.
    (corpus / "p0001.txt").write_text(page(1), encoding="utf-8")
    lib.update()
    assert ids_by_title(lib)["Story number 1 about the harbour council"] == old
    assert lib.renamed() == {newest: old, now["Story one on the harbour council"]: old}
    lib.close()

    # Pairs are made by text, closest first, each story once.
    doc = lambda body: {"article": {"body": body, "summary": []}}  # noqa: E731
    a, b = "the council met to discuss the harbour budget on monday", "keepers of every lighthouse walked out"
    assert pair_renamed([("x", doc(a)), ("y", doc(b))], [("q", doc(b + " today")), ("p", doc(a))]) == \
        [("x", "p"), ("y", "q")]
    assert pair_renamed([("x", doc(a))], [("p", doc(b))]) == []


def test_a_rebuild_of_an_index_from_another_version_pairs_nothing_and_says_no_traceback(tmp_path: Path) -> None:
    """`index --rebuild` (what an index from another version asks for) kept its store to pair
    edited headlines against, and read that store's `renamed` table as ours: a version with
    another shape of it ended the rebuild in a traceback (sqlite3 "no such column")."""
    import sqlite3

    corpus = make_corpus(tmp_path / "c", 3)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    lib.close()
    con = sqlite3.connect(tmp_path / "ix" / "articles.sqlite3")
    con.execute("DROP TABLE renamed")
    con.execute("CREATE TABLE renamed (story TEXT, ids TEXT)")
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    lib = Library(tmp_path / "ix", corpus, Config())
    with pytest.raises(UserError, match="another version"):
        lib.update()
    stats = lib.update(rebuild=True)
    assert stats.pages_indexed == 3 and lib.count() == 3 and lib.renamed() == {}
    assert not list((tmp_path / "ix").glob("previous*"))
    lib.close()


def test_a_library_sees_a_rebuild_made_by_another_run(tmp_path: Path) -> None:
    """A rebuild starts the commit numbers again in a new article store: an open reader
    (another copy of the app) saw the same commit number as before, kept reading the replaced
    store for good, and never saw the rebuild (nor a headline edited before it)."""
    corpus = make_corpus(tmp_path / "c", 3)
    reader = Library(tmp_path / "ix", corpus, Config())
    reader.update()
    old = ids_by_title(reader)["Story number 1 about the harbour council"]
    seen = reader.generation()
    (corpus / "p0001.txt").write_text(page(1).replace("Story number 1 about", "Story one on"), encoding="utf-8")
    other = Library(tmp_path / "ix", corpus, Config())
    other.update(rebuild=True)
    other.close()
    assert reader.generation() != seen
    new = ids_by_title(reader)["Story one on the harbour council"]
    assert reader.renamed() == {old: new} and reader.get(new) is not None and reader.get(old) is None
    assert reader.generation() == reader.generation()  # nothing changed since
    reader.close()


def two_stories_one_headline(first: str = "Harbour council meets", second: str = "Harbour council meets") -> str:
    return (f" date 2025-02-11 {first}\n\nThe harbour council met on Monday to discuss the budget for the "
            "coming year, officials said.\n\nResidents asked questions about the dredging plan.\n\n"
            f" date 2025-02-12 {second}\n\nKeepers of every lighthouse walked out over pay and hours, their "
            "union said on Friday.\n\nThe strike is the first in ten years.\n")


@pytest.mark.parametrize("edit", ["first headline", "second headline", "first story gone", "headlines made one"])
def test_ids_follow_their_stories_when_two_shared_a_headline(tmp_path: Path, edit: str) -> None:
    """Two stories of one page with the same headline got `title` and `title#2` ids, by
    order: editing the first one's headline gave the second story the first one's id (and
    so its bookmark and read mark), and the second one's marks were lost. Whatever the edit,
    each old id now leads to its own story (the id it has now, or itself)."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    pages = {"first headline": (two_stories_one_headline(), two_stories_one_headline("Council debates budget")),
             "second headline": (two_stories_one_headline(), two_stories_one_headline(second="Keepers strike")),
             "first story gone": (two_stories_one_headline(), two_stories_one_headline().split("\n\n ", 1)[1]),
             "headlines made one": (two_stories_one_headline(second="Keepers strike"), two_stories_one_headline())}
    before, after = pages[edit]
    (corpus / "p.txt").write_text(before, encoding="utf-8")
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()

    def story_ids() -> dict[str, str]:  # by the story's first words, which no edit changes
        return {lib.get(row.id).article.body[0][:11]: row.id for row in lib.list_rows(0, 10)}

    old = story_ids()
    (corpus / "p.txt").write_text(after, encoding="utf-8")
    lib.update()
    now, renamed = story_ids(), lib.renamed()
    for words, old_id in old.items():
        if words in now:
            assert renamed.get(old_id, old_id) == now[words], (edit, words)
        else:  # its story left the page: its id leads to no other story
            assert renamed.get(old_id, old_id) not in now.values(), (edit, words)
    lib.close()


def test_a_stopped_parallel_run_stops_its_workers_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C asked the workers to stop and waited: each heard it only once its task of
    pages was done (up to 5 s later, then killed), so `index` answered Ctrl-C seconds late.
    A stopped run's work is thrown away: its workers are killed at once."""
    from newsreader.search import indexer

    monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 1)
    corpus = make_corpus(tmp_path / "c", 12)
    ended: list[int | None] = []
    close = indexer.ProcessPipeline.close

    def recorded(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        close(self, *args, **kwargs)
        ended.extend(proc.exitcode for proc in self.procs)

    monkeypatch.setattr(indexer.ProcessPipeline, "close", recorded)

    def stop(p: indexer.Progress) -> None:
        if p.pages_done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=2).run(progress=stop)
    assert ended == [-signal.SIGKILL] * 2
    indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=2).run()  # a whole run: asked to stop
    assert ended[2:] == [0, 0]


@pytest.mark.parametrize("columns", [80, 60, 30])
def test_progress_line_fits_the_terminal(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 100,000 pages the line took 83 columns: longer than an 80-column terminal, it
    wrapped, and every rewrite (`\\r`) left a line behind. It fits now, numbers with commas
    as the summary writes them, and a shorter line blanks what a longer one left."""
    import io

    from newsreader.search.commands import ProgressLine
    from newsreader.search.indexer import Progress

    stream = io.StringIO()
    monkeypatch.setattr(stream, "isatty", lambda: True)
    line = ProgressLine(stream)
    monkeypatch.setattr(line, "columns", lambda: columns)
    for done in (0, 1, 50_000, 99_999, 100_000):
        line(Progress(done, 100_000, done * 13 // 10, 40.0 + done / 500))
    writes = stream.getvalue().split("\r")[1:]
    assert len(writes) == 5 and all(len(w) < columns for w in writes), writes
    assert all(len(w) >= len(prev.rstrip()) for prev, w in zip(writes, writes[1:])), writes  # blanked
    if columns >= 60:
        assert "100,000/100,000 pages  130,000 articles" in writes[-1]


def test_progress_line_on_a_terminal_that_says_zero_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal with no size set (some containers', an editor's shell) says 0 columns:
    the line lost its bar for good and its last letter ("lef"). Taken as 80, as when the
    size cannot be read at all."""
    import io
    import os

    from newsreader.search.commands import ProgressLine
    from newsreader.search.indexer import Progress

    stream = io.StringIO()
    monkeypatch.setattr(stream, "isatty", lambda: True)
    monkeypatch.setattr(stream, "fileno", lambda: 2)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=None: os.terminal_size((0, 0)))
    line = ProgressLine(stream)
    line(Progress(500, 1_000, 650, 10.0))
    written = stream.getvalue()
    assert written.startswith("\r[") and written.endswith(" left") and len(written) < 81, written
