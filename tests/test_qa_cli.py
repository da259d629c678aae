"""The command line as a new user meets it: what Ctrl-C during `index` says."""

from __future__ import annotations

from newsreader.cli import main


def test_ctrl_c_during_index_says_that_the_work_done_is_kept(capsys, monkeypatch) -> None:
    """`index` said only "interrupted": a user who stops a long first build wonders whether
    it was all for nothing. What was committed is kept and the next run goes on from there
    (the indexer commits in batches; test_index covers that), so it says so."""
    from newsreader.search.library import Library

    def stopped(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Library, "update", stopped)
    code = main(["index"])
    err = capsys.readouterr().err
    assert code == 130
    assert err.count("\n") == 1 and "interrupted" in err and "`newsreader index`" in err, err


def test_ctrl_c_elsewhere_stays_a_plain_interrupted(capsys, monkeypatch) -> None:
    from newsreader.corpus import loader

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "load_corpus", stopped)
    assert main(["articles"]) == 130
    assert capsys.readouterr().err == "newsreader: interrupted\n"



def test_the_reader_on_a_dumb_terminal_says_so(capsys, monkeypatch) -> None:
    """TERM=dumb (Emacs' M-x shell, some CI consoles) is a terminal, but one that cannot
    draw: the reader spun at full CPU there, its screen resized between 80x25 (what Rich
    assumes of a dumb terminal) and 80x24 for ever, its keys unanswered. One line instead."""
    import sys

    from newsreader.tui import app

    opened = []
    monkeypatch.setattr(app, "run_reader", lambda ctx, corpus: opened.append(corpus) or 0)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("TERM", "dumb")
    code = main([])
    err = capsys.readouterr().err
    assert code == 2 and not opened
    assert err.count("\n") == 1 and "TERM=dumb" in err and "newsreader search" in err, err
    monkeypatch.setenv("TERM", "xterm-256color")  # any other terminal opens the reader
    assert main([]) == 0 and len(opened) == 1


def test_a_query_too_long_to_be_meant_is_one_line(capsys) -> None:
    """The query parser (Whoosh's tagger) is quadratic in a word's length: a 40,000-letter
    query took 12 s to refuse, 100,000 letters over a minute (a page pasted by mistake).
    Past MAX_QUERY_CHARS the query is refused at once, saying how long it may be."""
    from newsreader.config import MAX_QUERY_CHARS

    long_but_fine = ("iran " * (MAX_QUERY_CHARS // 5))[: MAX_QUERY_CHARS].strip()
    assert main(["search", long_but_fine]) == 0
    capsys.readouterr()
    too_long = "iran " * (MAX_QUERY_CHARS // 5 + 1)
    assert main(["search", too_long]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{MAX_QUERY_CHARS:,}" in err and "shorten" in err, err
