"""The extractor's cue files (the YAML word lists in newsreader/extract/data/, which users extend)
and the themes are YAML a user writes. libyaml's loader segfaults on a text nesting ~25,000 levels
deep: `yamlload.could_nest_too_deep` is the one decision of which texts go to the pure-Python loader
instead (it raises RecursionError, said in one line). A cue file that cannot be used was a
traceback from `newsreader extract` and a warning for every article from `newsreader index` (the
reader: the same, in a notice), none naming the file; now it is one line naming the file and what
to do, and `index` stops before indexing every article without names."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import newsreader
from newsreader import yamlload
from newsreader.extract import resources

PACKAGE = Path(newsreader.__file__).parent


def depth(text: str) -> int:
    """How deep libyaml finds `text` to nest (a scalar: 0), as composed nodes (a mapping's key may
    be a mapping: no value of Python's)."""
    most = 0
    todo = [(yaml.compose(text, Loader=yaml.CSafeLoader), 0)]
    while todo:
        node, level = todo.pop()
        if isinstance(node, yaml.SequenceNode):
            todo += [(item, level + 1) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            todo += [(item, level + 1) for pair in node.value for item in pair]
        most = max(most, level)
    return most


def nested(shape: str, n: int) -> str:
    """A YAML text nesting about `n` levels in one of the ways YAML nests."""
    if shape == "flow":
        return "[" * n + "]" * n
    if shape == "flow-map":
        return "{a: " * n + "x" + "}" * n
    if shape == "compact":
        return "- " * n + "x\n"
    if shape == "explicit":
        return "? " * n + "x\n"
    if shape == "indented":
        return "".join(" " * i + "a:\n" for i in range(n)) + " " * n + "x\n"
    if shape == "map-seq":  # a sequence at its key's column: two levels a step of two columns
        return "a:\n" + "".join("  " * i + "- b:\n" for i in range(n // 2)) + "  " * (n // 2) + "- x\n"
    if shape == "mixed":  # block levels, then flow levels inside the deepest
        return "a:\n" + "".join("  " * i + "- - k:\n" for i in range(n // 6)) + "  " * (n // 6) + "- " + \
            "[" * (n // 2) + "x" + "]" * (n // 2) + "\n"
    raise ValueError(shape)


SHAPES = ("flow", "flow-map", "compact", "explicit", "indented", "map-seq", "mixed")


@pytest.mark.parametrize("shape", SHAPES)
def test_what_goes_to_libyaml_nests_less_than_the_limit(shape: str) -> None:
    """The decision is a bound: a text it leaves to libyaml nests under `C_LOADER_MAX_DEPTH`
    levels (read here by libyaml itself, safe at these depths). The bound counted only brackets
    and let any text under 200,000 characters through: "- " * 60,000 crashed the reader."""
    left = 0
    for n in range(50, 1600, 37):
        text = nested(shape, n)
        try:
            got = depth(text)
        except yaml.YAMLError:
            continue  # (not every shape is YAML at every depth)
        if not yamlload.could_nest_too_deep(text):
            left += 1
            assert got < yamlload.C_LOADER_MAX_DEPTH, (shape, n, got)
    assert left  # the usual depths are left to libyaml


def test_word_lists_and_themes_stay_with_libyaml() -> None:
    """Long lists of short lines are no deep nesting: the names list (170 KB) is read ten times
    faster by libyaml."""
    names = "names:\n" + "".join(f"- Name{n}\n" for n in range(40_000))
    assert not yamlload.could_nest_too_deep(names)
    for name in ("titles.yaml", "given_names.yaml", "places.yaml", "holidays.yaml"):
        assert not yamlload.could_nest_too_deep((PACKAGE / "extract" / "data" / name).read_text(encoding="utf-8"))


DEEP_THEME = """
import sys
from newsreader.tui.themes import ThemeError, parse_theme
try:
    parse_theme(sys.argv[1] * int(sys.argv[2]) + "x\\n", "deep.yaml")
except ThemeError as exc:
    print(exc)
"""


@pytest.mark.parametrize("unit", ["- ", "? ", "["])
def test_a_theme_nesting_deep_on_one_line_is_one_line_not_a_crash(unit: str) -> None:
    """(A child process: a segmentation fault would end it, not the tests.)"""
    proc = subprocess.run([sys.executable, "-c", DEEP_THEME, unit, "60000"], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-500:])
    assert proc.stdout == "deep.yaml: not valid YAML\n"


def package_copy(tmp_path: Path, name: str, content: bytes) -> tuple[Path, Path]:
    """newsreader as installed, with the cue file `name` written as `content` (the root to put
    first on PYTHONPATH, and the file)."""
    root = tmp_path / "site"
    shutil.copytree(PACKAGE, root / "newsreader", ignore=shutil.ignore_patterns("__pycache__"))
    path = root / "newsreader" / "extract" / "data" / name
    path.write_bytes(content)
    return root, path


def newsreader_command(root: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run([sys.executable, "-m", "newsreader", *argv], input=stdin, capture_output=True, text=True,
                          env=env, cwd=root, timeout=300)  # (not the checkout: `-m` looks in the folder first)


BROKEN = [
    ("titles.yaml", b"heads: [Mayor, Minister\nroles:\n- nurse\n",
     "not valid YAML at line 2 (expected ',' or ']', but got ':'); correct it"),
    ("orgs.yaml", b"heads: Ministry\n", "`heads` must be a list of words (one `- word` a line), not text; correct it"),
    ("common.yaml", b"- words\n- numbered\n", "expected a mapping of lists (`key:` lines with `- word` lines under "
                                               "them), not a list; correct it"),
    ("titles.yaml", b"heads:\n- Mayor\n-\n- Minister\n", "`heads` holds an empty entry where a word should be"),
    ("places.yaml", b"aliases:\n  USA: [United States]\n",
     "`aliases: USA` holds a list (['United States']) where a word should be"),
    ("holidays.yaml", b"fiscal_year_starts:\n  '4': India\n",
     "`fiscal_year_starts: 4` must be a list of words (one `- word` a line), not text"),
    ("places.yaml", b"PK\x03\x04\x00\x00binary", "a binary file (it holds NUL bytes), not YAML text; correct it"),
    ("given_names.yaml", "names:\n- José\n".encode("cp1252"), "not UTF-8 text (byte 13); save it as UTF-8, or"),
    ("holidays.yaml", b"days:\n" + b"- " * 60_000 + b"x\n", "not valid YAML (nested too deeply)"),
    ("titles.yaml", b"heads: " + b"[" * 100_000 + b"]" * 100_000, "not valid YAML (nested too deeply)"),
]


@pytest.mark.parametrize("name,content,said", BROKEN, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(BROKEN)])
def test_a_broken_cue_file_is_one_line_from_extract_and_index(tmp_path: Path, name: str, content: bytes,
                                                              said: str) -> None:
    root, path = package_copy(tmp_path, name, content)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2025-03-10 Mayor opens harbour\n\nMaria Lopez, the mayor, opened the "
                                  "harbour on Monday, officials said.\n", encoding="utf-8")
    line = f"newsreader: error: the extractor's cue file {path}: {said}"
    for argv, stdin in ((["extract"], '{"id": 1, "text": "Maria Lopez met the mayor of Paris."}\n'),
                        (["index", "--corpus", str(corpus)], "")):
        proc = newsreader_command(root, *argv, stdin=stdin)
        assert proc.returncode == 2, (argv, proc.stderr[-800:])
        assert proc.stdout == ""
        (err,) = proc.stderr.splitlines()  # one line, not a traceback or a warning an article
        assert err.startswith(line) and err.endswith(", or reinstall newsreader to get the bundled file back"), err


def test_an_empty_cue_file_is_an_empty_list(tmp_path: Path) -> None:
    """Valid YAML meaning no words (as it always was): the extractor runs without them."""
    root, _ = package_copy(tmp_path, "holidays.yaml", b"")
    proc = newsreader_command(root, "extract", stdin='{"id": 1, "text": "Maria Lopez came home on Christmas Day.",'
                                                    ' "date": "2025-12-20"}\n')
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert '"Maria Lopez"' in proc.stdout and "2025-12-25" not in proc.stdout


def test_the_reader_says_which_cue_file_to_correct(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader indexes in the background: its notice names the file (it said "index update
    failed" with the parser's words, or indexed every story without names, one notice line each)."""
    from tests.test_tui import own_seeds, settle

    from newsreader.config import Config
    from newsreader.store import Store
    from newsreader.tui.app import ReaderApp

    data = tmp_path / "data-copy"
    shutil.copytree(resources._data(), data)
    (data / "titles.yaml").write_text("heads: [Mayor, Minister\n", encoding="utf-8")
    monkeypatch.setattr(resources, "_data", lambda: data)
    resources.cues.cache_clear()  # (built by earlier tests of this process from the bundled files)
    monkeypatch.setattr(resources, "cues", resources.cues)  # ... and cleared again after this test
    corpus, paths = own_seeds(tmp_path)

    async def run() -> list[str]:
        app = ReaderApp(paths, Config(), corpus, store=Store.in_memory(), blink=False, watch_marks=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, 4)
            return [n.message for n in app._notifications if n.title == "Index"]

    try:
        notices = asyncio.run(run())
    finally:
        resources.cues.cache_clear()
    assert notices == [f"index not updated: the extractor's cue file {data / 'titles.yaml'}: not valid YAML at line 1 "
                       "(expected ',' or ']', but got '<stream end>'); correct it, or reinstall newsreader to get the "
                       "bundled file back"], notices


def test_index_stops_on_a_broken_cue_file_in_worker_processes_too(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker hands its exception to the run's owner, which raises it: the same one line."""
    from tests.test_tui import own_seeds

    from newsreader.config import Config
    from newsreader.search import indexer

    data = tmp_path / "data-copy"
    shutil.copytree(resources._data(), data)
    (data / "orgs.yaml").write_text("heads:\n- Ministry\n- [Agency]\n", encoding="utf-8")
    monkeypatch.setattr(resources, "_data", lambda: data)  # (forked workers inherit it)
    resources.cues.cache_clear()
    monkeypatch.setattr(indexer, "PARALLEL_MIN_PAGES", 1)
    started: list[int] = []
    real_pipeline = indexer.ProcessPipeline
    monkeypatch.setattr(indexer, "ProcessPipeline", lambda *a, **k: started.append(a[1]) or real_pipeline(*a, **k))
    corpus, _ = own_seeds(tmp_path)
    try:
        with pytest.raises(resources.CueFileError) as raised:
            indexer.Indexer(tmp_path / "ix", corpus, Config(), workers=2).run()
    finally:
        resources.cues.cache_clear()
    assert started == [2]
    assert str(raised.value) == (f"the extractor's cue file {data / 'orgs.yaml'}: `heads` holds a list (['Agency']) "
                                 "where a word should be; correct it, or reinstall newsreader to get the bundled file "
                                 "back")
