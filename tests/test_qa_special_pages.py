"""Page files that are not plain files: a named pipe or a device in the corpus folder, a
link to nothing, and a page piped to `parse` (/dev/stdin, `-`). The reader said "empty
file" of a pipe or a device (its size is 0; the advice, "save the page again", does not
fit) and "no such file" of a link that is there but points nowhere; `parse` could not read
a page piped to it at all."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from newsreader.cli import main

PAGE = "A fine title for a page\n\nThe council met on a quiet morning and agreed the budget.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(PAGE, encoding="utf-8")
    return folder


def test_a_named_pipe_in_the_corpus_is_named_as_such(capsys, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    os.mkfifo(corpus / "pipe.txt")
    code, out, err = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and "A fine title" in out
    (line,) = [line for line in err.splitlines() if "pipe.txt" in line]
    assert "not a regular file" in line and "empty" not in line, line


def test_a_link_to_nothing_is_named_as_such(capsys, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "gone.txt").symlink_to(corpus / "moved-away.txt")
    code, _, err = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0
    (line,) = [line for line in err.splitlines() if "gone.txt" in line]
    assert "link" in line and "moved-away.txt" in line, line


def _feed(fifo: Path, text: str) -> threading.Thread:
    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as handle:
            handle.write(text)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_parse_reads_a_page_piped_to_it(capsys, tmp_path: Path) -> None:
    fifo = tmp_path / "piped"
    os.mkfifo(fifo)
    writer = _feed(fifo, PAGE)
    code, out, err = run(capsys, "parse", str(fifo))
    writer.join(5)
    assert code == 0, err
    assert "A fine title for a page" in out


def test_parse_dash_is_standard_input(capsys, tmp_path: Path, monkeypatch) -> None:
    fifo = tmp_path / "stdin"
    os.mkfifo(fifo)
    writer = _feed(fifo, PAGE)
    monkeypatch.setattr("newsreader.cli.STDIN_PATH", str(fifo))
    code, out, err = run(capsys, "parse", "-", "--json")
    writer.join(5)
    assert code == 0, err
    assert '"A fine title for a page"' in out and '"file": "-"' in out
