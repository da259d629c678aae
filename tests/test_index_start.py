"""What `newsreader index` does before its workers start (speed goes in bench/bench_index.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsreader.search import indexer


@pytest.mark.parametrize("extract", [True, False])
def test_the_workers_are_forked_with_the_extractor_imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           extract: bool) -> None:
    """Imported once in the index owner instead of once in every worker; not at all when the
    run does not extract (the index-only benchmark)."""
    monkeypatch.delitem(sys.modules, "newsreader.extract.rules", raising=False)
    pipeline = indexer.ProcessPipeline([], 2, tmp_path / "staging", 1 << 20, "rules", extract)
    try:
        assert ("newsreader.extract.rules" in sys.modules) is extract
    finally:
        pipeline.close()
