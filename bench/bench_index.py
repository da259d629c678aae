"""`newsreader index` of a corpus into a fresh home, end to end, as a user runs it.

    python bench/bench_index.py --corpus DIR [--runs 3] [--tree PATH ...] [--no-bytecode]

Each run is a new process (`newsreader index --corpus DIR`) with a new NEWSREADER_HOME.
`cold`: the extractor's cache folder is empty too (the first run after an install or an
upgrade: the gazetteer and cue lists are built, then kept); `warm`: it holds the copies a
previous run kept (every later run: what a user sees). Prints wall time, the CPU time of
the whole process tree (the index owner and its workers) and the load average. With
several `--tree`s (source trees put first on PYTHONPATH, e.g. `git worktree`s of two
commits), runs alternate between them, so a change in the host's speed hits both.

Python's compiled bytecode is written and used (a pip install compiles it) unless
`--no-bytecode`: each run then reads a copy of the tree's `newsreader` package without
`__pycache__`, with PYTHONDONTWRITEBYTECODE=1, as an editable install run in a shell with
that variable set does (every process, workers included, compiles the project's modules at
each start: ~0.5 s for the extractor alone). A figure, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = "import sys; from newsreader.cli import main; sys.exit(main(sys.argv[1:]))"


def run_once(tree: Path, corpus: Path, cache: Path | None, bytecode: bool) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one `index` run in a new home;
    `cache` is copied in as the home's cache folder first."""
    home = Path(tempfile.mkdtemp(prefix="bench-index-"))
    try:
        if cache is not None:
            shutil.copytree(cache, home / "cache")
        env = dict(os.environ, NEWSREADER_HOME=str(home), PYTHONPATH=str(tree))
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        else:  # a copy of the package with no compiled bytecode to read
            shutil.copytree(tree / "newsreader", home / "tree" / "newsreader",
                            ignore=shutil.ignore_patterns("__pycache__"))
            env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(home / "tree"))
        before = os.times()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", COMMAND, "index", "--corpus", str(corpus)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        after = os.times()
        return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def warm_cache(tree: Path, corpus: Path, bytecode: bool, keep: Path) -> Path:
    """A cache folder as the tree's first run leaves it (run once, kept in `keep`)."""
    home = Path(tempfile.mkdtemp(prefix="bench-index-"))
    try:
        env = dict(os.environ, NEWSREADER_HOME=str(home), PYTHONPATH=str(tree))
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-c", COMMAND, "index", "--corpus", str(corpus)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copytree(home / "cache", keep)
        return keep
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="a folder of pages")
    ap.add_argument("--runs", type=int, default=3, help="runs of each mode and tree")
    ap.add_argument("--tree", type=Path, action="append",
                    help="a source tree to run (repeat to alternate; default: this checkout)")
    ap.add_argument("--modes", default="cold,warm", help="cold, warm or both (comma-separated)")
    ap.add_argument("--no-bytecode", action="store_true", help="run with PYTHONDONTWRITEBYTECODE=1")
    args = ap.parse_args()
    trees = [t.resolve() for t in args.tree or [ROOT]]
    modes = [m for m in args.modes.split(",") if m]
    bytecode = not args.no_bytecode
    scratch = Path(tempfile.mkdtemp(prefix="bench-index-caches-"))
    try:
        caches = {tree: warm_cache(tree, args.corpus.resolve(), bytecode, scratch / str(n)) if "warm" in modes else None
                  for n, tree in enumerate(trees)}
        pages = sum(1 for _ in args.corpus.rglob("*.txt"))
        results: dict[tuple[Path, str], list[tuple[float, float]]] = {}
        for run in range(args.runs):
            for mode in modes:
                for tree in trees:
                    wall, cpu = run_once(tree, args.corpus.resolve(), caches[tree] if mode == "warm" else None, bytecode)
                    results.setdefault((tree, mode), []).append((wall, cpu))
                    print(f"run {run + 1} {mode:4} {tree}: wall {wall:.2f} s, CPU {cpu:.2f} s, "
                          f"load {os.getloadavg()[0]:.2f}", flush=True)
        print(f"\n{pages} pages; bytecode {'kept' if bytecode else 'compiled at each start'}")
        for (tree, mode), figures in results.items():
            walls = [w for w, _ in figures]
            cpus = [c for _, c in figures]
            print(f"{mode:4} {tree}: wall best {min(walls):.2f} median {statistics.median(walls):.2f} s "
                  f"({pages / min(walls):.0f} pages/s best); CPU best {min(cpus):.2f} median {statistics.median(cpus):.2f} s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
