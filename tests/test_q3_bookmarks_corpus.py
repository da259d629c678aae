"""`bookmarks list` says which corpus its "not in the corpus now" marks were checked in (Q2, item 9).

The bookmarks store serves every corpus, but the check reads one: run without `--corpus`
after reading another corpus with it, every bookmark showed "not in the corpus now" (checked
in the bundled seeds) with nothing saying so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsreader.cli import main

PAGE = "Budget agreed in Leeds\n\nThe council met on a quiet morning in Leeds and agreed the budget on Monday.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_bookmarks_list_names_the_corpus_it_checked(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "leeds.txt").write_text(PAGE, encoding="utf-8")
    _, out, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
    article_id = json.loads(out)[0]["id"]
    assert run(capsys, "bookmarks", "add", article_id, "--corpus", str(corpus))[0] == 0

    code, out, err = run(capsys, "bookmarks", "list", "--corpus", str(corpus))
    assert code == 0 and "not in the corpus now" not in out
    assert err.splitlines()[-1] == f"1 bookmark; checked against the corpus {corpus}"

    code, out, err = run(capsys, "bookmarks", "list")  # the default corpus: the bundled seeds
    from newsreader.resources import seeds_dir

    assert code == 0 and "not in the corpus now" in out
    assert err.splitlines()[-1] == (f"1 bookmark; checked against the corpus {seeds_dir()} (the bundled seeds) "
                                    "(--corpus DIR checks another)")


def test_bookmarks_list_as_last_seen_names_no_check(capsys, tmp_path: Path) -> None:
    """With the corpus unreadable nothing was checked: the warning says so, not the count line."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "leeds.txt").write_text(PAGE, encoding="utf-8")
    _, out, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
    assert run(capsys, "bookmarks", "add", json.loads(out)[0]["id"], "--corpus", str(corpus))[0] == 0
    shutil.rmtree(corpus)
    gone = tmp_path / "elsewhere"
    code, _, err = run(capsys, "bookmarks", "list", "--corpus", str(gone))
    assert code == 0 and err.splitlines()[-1] == "1 bookmark" and "as last seen" in err
