"""S6: a cold `newsreader search` loaded PyYAML for a config file that does not exist. It is left out now,
and still loaded when there is a config file to read.

MD (RV28-D #1): S6 also stood in empty modules for urllib.request, cached_property and whoosh.lang.morph_en
while Whoosh loaded, through a finder in `sys.meta_path` that importing `newsreader.search` installed:
another thread, or a child forked meanwhile, got the empty module under the real name. Taken out; Whoosh
imports what it imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_lazy_whoosh import small_corpus

ROOT = Path(__file__).resolve().parents[1]


def test_a_cold_search_does_not_load_yaml(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path)
    home = tmp_path / "home"
    code = (
        "import io, json, sys, contextlib\n"
        "from newsreader.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    status = main(['search', '--corpus', {str(corpus)!r}, '--json', 'harbour'])\n"
        "hits = sorted(h['title'] for h in json.loads(out.getvalue())['hits'])\n"
        "print(json.dumps({'status': status, 'yaml': 'yaml' in sys.modules, 'hits': hits}))\n"
    )
    env = dict(os.environ, NEWSREADER_HOME=str(home), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "newsreader", "index", "--corpus", str(corpus)], capture_output=True,
                   cwd=ROOT, env=env, check=True)  # (built first: building loads the page parser, with PyYAML)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    got = json.loads(out.stdout.splitlines()[-1])
    assert got == {"status": 0, "yaml": False, "hits": ["Story 0 about the harbour", "Story 2 about the harbour"]}


def test_no_import_finder_and_whoosh_imports_the_real_modules() -> None:
    """Importing the search package and the engine adds nothing to `sys.meta_path`, and the modules Whoosh
    imports are the real ones (no stand-in another thread could have seen)."""
    code = (
        "import json, sys\n"
        "before = list(sys.meta_path)\n"
        "import newsreader.search\n"
        "from newsreader.search import engine\n"
        "import urllib.request, whoosh.compat, whoosh.reading, whoosh.query.terms, whoosh.lang.morph_en\n"
        "print(json.dumps({'added': [type(f).__name__ for f in sys.meta_path if f not in before],\n"
        "    'real': [whoosh.compat.urlretrieve is urllib.request.urlretrieve,\n"
        "             whoosh.query.terms.variations is whoosh.lang.morph_en.variations]}))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == {"added": [], "real": [True, True]}


def test_a_config_file_is_still_read(tmp_path: Path) -> None:
    """PyYAML is loaded when there is a config file to read, and a mistake in it is still said."""
    corpus = small_corpus(tmp_path)
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.yaml").write_text("snippets: [\n", encoding="utf-8")
    env = dict(os.environ, NEWSREADER_HOME=str(home), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "newsreader", "search", "--corpus", str(corpus), "harbour"],
                         capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "not valid YAML at line" in out.stderr
