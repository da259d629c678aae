"""What the reader's start does before the list is shown (its speed is in bench/bench_tui.py):
nothing it can leave for later, in a fresh interpreter as a user's start is."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui.app import ReaderApp

CHILD = r"""
import asyncio, json, sys
from pathlib import Path
from newsreader.config import Config, Paths
from newsreader.tui.app import ReaderApp

corpus, root, wide = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "wide"
paths = Paths(root / "config", root / "data", Path(sys.argv[4]))

async def main():
    app = ReaderApp(paths, Config(), corpus, update_index=False, blink=False, watch_marks=False)
    async with app.run_test(size=(120, 40) if wide else (80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = app.article_list.source.count()
        entities = str(app.main.query_one("#entities-title").render())
    print(json.dumps({"shown": shown, "entities": entities, "modules": sorted(sys.modules)}))

asyncio.run(main())
"""


@pytest.mark.parametrize("size", ["narrow", "wide"])
def test_start_leaves_what_it_does_not_show_unloaded(indexed_seeds, tmp_path, size):
    """The empty entities pane needs no entity model (corpus.model brings slugify, ~25 ms)."""
    corpus, paths = indexed_seeds
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(paths.data_dir.parent), size,
                          str(tmp_path / "cache")], capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["shown"] > 0
    assert result["entities"] == "Entities (0 mentions)"
    loaded = set(result["modules"])
    assert "newsreader.corpus.model" not in loaded


def test_saved_theme_is_in_force_before_the_app_runs(indexed_seeds, tmp_path):
    """Set once the screen was up, the theme made Textual parse and apply the whole stylesheet
    a second time at every start (~70 ms of the 100k start)."""
    corpus, shared = indexed_seeds
    store = Store.open(tmp_path / "state.sqlite3")
    store.set_pref("theme", "newsreader-light")
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    app = ReaderApp(paths, Config(), corpus, store=store, update_index=False, watch_marks=False)
    assert app.theme == "newsreader-light"
    store.close()


def test_theme_file_read_without_the_pure_python_loader(monkeypatch):
    """Bundled themes are read with libyaml (12 -> 1.5 ms a start); a broken file is still
    told as the pure-Python loader tells it."""
    import yaml

    from newsreader.resources import themes_dir
    from newsreader.tui.themes import ThemeError, parse_theme

    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML without libyaml")
    text = (themes_dir() / "dark.yaml").read_text(encoding="utf-8")
    expected = parse_theme(text)
    pure = yaml.safe_load

    def refuse(*args, **kwargs):
        raise AssertionError("pure-Python loader used for a valid file")

    monkeypatch.setattr(yaml, "safe_load", refuse)
    got = parse_theme(text)
    assert (got.name, got.variables, got.primary) == (expected.name, expected.variables, expected.primary)
    monkeypatch.setattr(yaml, "safe_load", pure)
    broken = "name: x\ncolors: [\n  primary: red\n"
    with pytest.raises(ThemeError) as told:
        parse_theme(broken, where="mine")
    monkeypatch.delattr(yaml, "CSafeLoader")
    with pytest.raises(ThemeError) as pure_told:
        parse_theme(broken, where="mine")
    assert str(told.value) == str(pure_told.value) == "mine: not valid YAML at line 3"
