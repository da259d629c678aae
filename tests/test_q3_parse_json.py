"""`parse --json` keeps its shape, and `parse -` speaks of standard input (Q2, item 4).

One FILE gives an object and several an array, but an empty or unreadable single file
printed `[]` (a script reading `.articles` failed on it), an unreadable file among several
was left out of the array, and an empty standard input was named `/dev/stdin` with advice
about moving the file out of the corpus folder.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.cli import main

PAGE = "A fine title for a page\n\nThe council met on a quiet morning and agreed the budget.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def piped(data: bytes, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsreader", "parse", *argv], input=data.decode("latin-1"),
                          capture_output=True, text=True, encoding="latin-1", timeout=120)


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_one_unreadable_file_is_still_one_object(capsys, tmp_path: Path, content: bytes) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(content)
    code, out, err = run(capsys, "parse", str(page), "--json")
    data = json.loads(out)
    assert code == 2 and isinstance(data, dict)
    assert data["file"] == str(page) and data["articles"] == [] and data["error"] in err
    code, out, _ = run(capsys, "parse", str(page), "--json", "--explain")
    assert json.loads(out)["lines"] == []


def test_several_files_give_one_entry_each_in_order(capsys, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "parse", str(missing), str(good), "--json")
    data = json.loads(out)
    assert code == 1 and [d["file"] for d in data] == [str(missing), str(good)]
    assert data[0]["articles"] == [] and "no such file" in data[0]["error"] and "error" not in data[1]
    assert data[1]["articles"][0]["title"] == "A fine title for a page"
    code, out, _ = run(capsys, "parse", str(good), "--json")
    assert code == 0 and json.loads(out)["articles"][0]["title"] == "A fine title for a page"


def test_an_empty_standard_input_is_named_and_advised_as_such() -> None:
    done = piped(b"", "-", "--json")
    data = json.loads(done.stdout)
    assert done.returncode == 2 and data["file"] == "-" and data["articles"] == []
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("newsreader: - (standard input): empty")
    assert "/dev/stdin" not in done.stderr and "corpus folder" not in done.stderr
    assert "parse - < page.txt" in done.stderr and data["error"] in done.stderr


def test_a_standard_input_read_as_cp1252_is_named_so() -> None:
    done = piped(b"Caf\xe9 news today\n\nThe caf\xe9 opened on Monday in Paris, officials said.\n", "-")
    assert done.returncode == 0 and "Café news today" in done.stdout.encode("latin-1").decode("utf-8")
    assert "warning: - (standard input): not valid UTF-8" in done.stderr and "/dev/stdin" not in done.stderr


def test_standard_input_over_the_limit_or_closed_is_said_of_a_pipe(isolated_home: Path) -> None:
    """The loader names standard input itself: its messages were a file's, rewritten by
    string replacement, which left "page limit, (raise ..." and, for a closed standard
    input, "a link to /proc/self/fd/0, which does not exist; (point the link at the page".
    """
    import os

    (isolated_home / "config").mkdir(parents=True)
    (isolated_home / "config" / "config.yaml").write_text("max_page_mb: 1\n", encoding="utf-8")
    done = piped(b"a" * (1024 * 1024 + 10), "-")
    assert done.returncode == 2 and done.stderr == (
        "newsreader: - (standard input): 1,048,577 bytes is over the 1 MB page limit (raise max_page_mb in the config "
        "to read it)\n")
    closed = subprocess.run([sys.executable, "-m", "newsreader", "parse", "-"], preexec_fn=lambda: os.close(0),
                            capture_output=True, text=True, timeout=120)
    assert closed.returncode == 2 and closed.stderr == (
        "newsreader: - (standard input): not open; pipe in a page saved as plain text "
        "(newsreader parse - < page.txt)\n")
