"""ML (U1 #7): after an interrupted `index --rebuild` every later command finished the whole rebuild first,
silent where stderr is no terminal (a search sat 25 s before its first hit at 3,000 pages), and "the pages
indexed so far are kept" kept only the committed ones (328 read, 200 of them lost). Now a command answers
from what is indexed (with a warning) when many pages are left, a first Ctrl-C stops a run keeping what it
read when the batch under way is small and says truly what it kept, and a non-terminal stderr gets a plain
progress line every PLAIN_PROGRESS_SECONDS."""

from __future__ import annotations

import io
import os
import signal
from pathlib import Path

import pytest

from newsreader import cli
from newsreader.config import Config, user_paths
from newsreader.corpus import parser
from newsreader.search import Library, indexer
from newsreader.search.commands import PLAIN_PROGRESS_SECONDS, ProgressLine, interrupt_stops, stopped_said
from newsreader.search.indexer import Progress
from newsreader.search.library import UpdateStopped
from tests.test_index import make_corpus


def test_a_plain_progress_line_every_few_seconds_where_stderr_is_no_terminal() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream)
    step = PLAIN_PROGRESS_SECONDS
    for done, elapsed in ((0, 0.0), (10, step * 0.5), (20, step * 1.05), (30, step * 1.5), (40, step * 2.1),
                          (100, step * 3.5)):
        line(Progress(done, 100, done * 2, elapsed))
    line.finish()
    assert stream.getvalue().splitlines() == [
        f"newsreader: indexing: 20/100 pages, 40 articles, {_time(80 * step * 1.05 / 20)} left",
        f"newsreader: indexing: 40/100 pages, 80 articles, {_time(60 * step * 2.1 / 40)} left"]
    short = io.StringIO()
    ProgressLine(short)(Progress(5, 9, 5, step * 0.9))  # a short run says nothing
    assert short.getvalue() == ""


def _time(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def test_the_first_ctrl_c_asks_to_stop_and_the_second_stops() -> None:
    before = signal.getsignal(signal.SIGINT)
    with interrupt_stops() as stop:
        assert not stop()
        os.kill(os.getpid(), signal.SIGINT)
        assert stop()  # no KeyboardInterrupt: the run ends itself, keeping what it read
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is before


def _stopped_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: int, stop_at: int) -> Path:
    """A rebuild of `pages` pages whose run is asked to stop after `stop_at` pages are read (small batches)."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 10)
    corpus = make_corpus(tmp_path / "c", pages)
    seen: list[str] = []

    def parse_page(text: str, file: str = "", **kw):  # type: ignore[no-untyped-def]
        seen.append(file)
        return real(text, file=file, **kw)

    real = parser.parse_page
    monkeypatch.setattr(parser, "parse_page", parse_page)
    lib = Library(user_paths().index_dir(corpus), corpus, Config())
    with pytest.raises(UpdateStopped) as caught:
        lib.update(stop=lambda: len(seen) >= stop_at, source=indexer.PageSource.default())
    exc = caught.value
    assert exc.pages_total == pages and exc.pages_kept <= exc.pages_read and exc.pages_read >= stop_at
    assert len(lib.store().pages()) == exc.pages_kept  # what it says it kept is what the index has
    assert lib.unfinished()
    lib.close()
    monkeypatch.setattr(parser, "parse_page", real)
    return corpus


def test_a_stopped_run_tells_what_it_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stopped_build(tmp_path, monkeypatch, 40, 25)
    exc = UpdateStopped("x", pages_read=1224, pages_kept=592, pages_total=2954)
    assert stopped_said(exc) == ("592 of the 1,224 pages read are kept (the last 632 read were not written yet); "
                                 "`newsreader index` reads the other 2,362 of 2,954, and other commands answer "
                                 "from what is indexed until then")
    assert "not written" not in stopped_said(UpdateStopped("x", pages_read=46, pages_kept=46, pages_total=3000))


def test_a_command_answers_from_what_is_indexed_when_many_pages_are_left(
        capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _stopped_build(tmp_path, monkeypatch, 40, 12)
    lib = Library(user_paths().index_dir(corpus), corpus, Config())
    indexed = lib.count()
    lib.close()
    monkeypatch.setattr(cli, "FINISH_FIRST_PAGES", 5)
    capsys.readouterr()
    assert cli.main(["--corpus", str(corpus), "search", "--count", "harbour"]) == 0
    out, err = capsys.readouterr()
    assert (f"warning: the last indexing run of {corpus} was stopped before its end: {indexed} of 40 pages are "
            "indexed and answers come from them; `newsreader index` indexes the rest") in err
    assert "finishing" not in err and f"of {indexed} matching articles" in err
    lib = Library(user_paths().index_dir(corpus), corpus, Config())
    assert lib.unfinished() and lib.count() == indexed
    lib.close()
    # the near miss: few pages left, the command finishes the run first
    monkeypatch.setattr(cli, "FINISH_FIRST_PAGES", 200)
    assert cli.main(["--corpus", str(corpus), "search", "--count", "harbour"]) == 0
    err = capsys.readouterr().err
    assert f"finishing it first ({40 - indexed} pages unread)" in err and "of 40 matching articles" in err


def test_ctrl_c_in_index_keeps_what_it_read_and_says_so(capsys, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first Ctrl-C (SIGINT, as a terminal sends it) while pages are read: exit 130 and the truth. The
    batch under way is written first though it is more than the reader's quit keeps (STOP_KEEP_ARTICLES)."""
    monkeypatch.setattr(indexer, "FIRST_BATCH_ARTICLES", 10)
    monkeypatch.setattr(indexer, "STOP_KEEP_ARTICLES", 1)
    corpus = make_corpus(tmp_path / "c", 40)
    seen: list[str] = []
    real = parser.parse_page

    def parse_page(text: str, file: str = "", **kw):  # type: ignore[no-untyped-def]
        seen.append(file)
        if len(seen) == 15:
            os.kill(os.getpid(), signal.SIGINT)
        return real(text, file=file, **kw)

    monkeypatch.setattr(parser, "parse_page", parse_page)
    assert cli.main(["--corpus", str(corpus), "index"]) == 130
    (said,) = capsys.readouterr().err.splitlines()
    lib = Library(user_paths().index_dir(corpus), corpus, Config())
    kept = len(lib.store().pages())
    lib.close()
    assert kept >= 15  # the batch under way was written (a KeyboardInterrupt dropped it, as a quit does: 10)
    assert said.startswith(f"newsreader: interrupted; {kept} of the ") and f"other {40 - kept} of 40" in said
