"""S6: a cold `newsreader search` loaded modules it never used: PyYAML (for a config file that does not
exist), and through Whoosh urllib.request (http.client, email, ssl), asyncio (the cached_property
backport) and whoosh.lang.morph_en (six large regular expressions compiled): ~40% of the instructions
of a search in a fresh process. They are left out now, and each still works when something asks for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_lazy_whoosh import small_corpus

ROOT = Path(__file__).resolve().parents[1]
NOT_LOADED = ("yaml", "asyncio", "urllib.request", "email", "ssl", "cached_property", "whoosh.lang.morph_en")


def test_a_cold_search_loads_none_of_them_and_each_works_after(tmp_path: Path) -> None:
    """The search answers; none of NOT_LOADED was imported for it; afterwards a plain import of each gives
    the real module (no stand-in left behind), and the Whoosh functions that were stood in for work."""
    corpus = small_corpus(tmp_path)
    home = tmp_path / "home"
    code = (
        "import io, json, sys, contextlib\n"
        "from newsreader.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    status = main(['search', '--corpus', {str(corpus)!r}, '--json', 'harbour'])\n"
        f"loaded = [m for m in {NOT_LOADED!r} if m in sys.modules]\n"
        "import whoosh.compat, whoosh.reading, whoosh.query.terms\n"
        "import urllib.request, cached_property, whoosh.lang.morph_en, asyncio\n"
        "real = [urllib.request.__spec__ is not None, cached_property.__spec__ is not None,\n"
        "        whoosh.lang.morph_en.__spec__ is not None, hasattr(urllib.request, 'Request'),\n"
        "        hasattr(cached_property, 'threaded_cached_property')]\n"
        "class Thing:\n"
        "    calls = 0\n"
        "    @whoosh.reading.cached_property\n"
        "    def value(self):\n"
        "        Thing.calls += 1\n"
        "        return 42\n"
        "thing = Thing()\n"
        "works = [thing.value, thing.value, Thing.calls, sorted(whoosh.query.terms.variations('harbours'))[:3],\n"
        "         whoosh.compat.urlretrieve.__name__]\n"
        "hits = sorted(h['title'] for h in json.loads(out.getvalue())['hits'])\n"
        "print(json.dumps({'status': status, 'loaded': loaded, 'real': real, 'works': works, 'hits': hits}))\n"
    )
    env = dict(os.environ, NEWSREADER_HOME=str(home), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "newsreader", "index", "--corpus", str(corpus)], capture_output=True,
                   cwd=ROOT, env=env, check=True)  # (built first: building loads the page parser, with PyYAML)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    got = json.loads(out.stdout.splitlines()[-1])
    assert got["status"] == 0 and got["hits"] == ["Story 0 about the harbour", "Story 2 about the harbour"]
    assert got["loaded"] == []
    assert got["real"] == [True, True, True, True, True]
    assert got["works"][:3] == [42, 42, 1]
    assert "harbour" in got["works"][3]
    assert got["works"][4] == "call"  # (whoosh.compat's name for it is the stand-in's: it imports the real one)


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
