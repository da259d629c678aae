"""Lowering `max_page_mb` drops pages already indexed that are now over it (Q7 #3): `index` said
'0 pages, 374 unchanged' and `search` and `articles` kept every story of pages it would skip
if they were new. Raising it again reads them back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.resources import seeds_dir


def _corpus(tmp_path: Path, home: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    text = sorted(corpus.iterdir())[0].read_text(encoding="utf-8")
    more = (f"In session {n}, the delegates said the talks on the border would go on next week." for n in range(400))
    (corpus / "big.txt").write_text(text + "\n\n" + "\n\n".join(more), encoding="utf-8")
    assert 30_000 < (corpus / "big.txt").stat().st_size < 40_000
    config = home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("max_page_mb: 1\n", encoding="utf-8")
    return corpus, config


def _files(capsys: pytest.CaptureFixture[str], corpus: Path) -> tuple[set[str], str]:
    assert main(["articles", "--corpus", str(corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    return {a["file"] for a in json.loads(out)}, err


def test_index_drops_a_page_now_over_the_limit_and_reads_it_when_raised(
        capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path) -> None:
    corpus, config = _corpus(tmp_path, isolated_home)
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    config.write_text("max_page_mb: 0.02\n", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert "big.txt: 3" in err and "KB is over the 20 KB page limit, skipped" in err
    files, err = _files(capsys, corpus)
    assert "big.txt" not in files and len(files) == 5
    config.write_text("max_page_mb: 1\n", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    files, err = _files(capsys, corpus)
    assert "big.txt" in files


def test_articles_leaves_out_an_indexed_page_now_over_the_limit(
        capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path) -> None:
    """Before `index` runs again, `articles` does not list from the index what parsing skips."""
    corpus, config = _corpus(tmp_path, isolated_home)
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert "big.txt" in _files(capsys, corpus)[0]
    config.write_text("max_page_mb: 0.02\n", encoding="utf-8")
    files, err = _files(capsys, corpus)
    assert "big.txt" not in files and "KB is over the 20 KB page limit" in err
