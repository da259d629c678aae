"""The reader's start: importing its modules and reading the list (the store's rows, the
index's commit number) do not load Whoosh (~115 ms of a start at 100,000 articles); the
first search loads it, and searches work as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsreader.config import Config
from newsreader.search import indexer


def small_corpus(tmp_path: Path) -> Path:
    """Three dated stories, two of them about the harbour."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, word in enumerate(("harbour", "budget", "harbour")):
        (corpus / f"page-{i}.txt").write_text(f" date 2024-05-0{i + 1} Story {i} about the {word}\n\n"
                                              f"LAHORE: Officials said the {word} talks went on.\n",
                                              encoding="utf-8")
    return corpus


def test_reader_start_and_list_do_not_import_whoosh_and_search_works_after(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path)
    indexer.Indexer(tmp_path / "index", corpus, Config()).run()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import newsreader.cli, newsreader.tui.app, newsreader.search, newsreader.search.schema\n"
        "from newsreader.config import Config\n"
        "from newsreader.search import Library\n"
        f"lib = Library(Path({str(tmp_path / 'index')!r}), Path({str(corpus)!r}), Config())\n"
        "assert lib.exists() and lib.count() == 3 and len(lib.list_rows(0, 2)) == 2 and lib.generation() >= 0\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'whoosh')) or 'none')\n"
        "print(sorted(h.title for h in lib.search('harbour', limit=5).hits))\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == "none"
    assert lines[1] == "['Story 0 about the harbour', 'Story 2 about the harbour']"
