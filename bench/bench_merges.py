"""Segments over months of updates: which merges the index owner makes, what they cost, how
many segments stay.

    python bench/bench_merges.py sim [--updates 100] [--ms-per-doc 3.0] [--only f3,tiered]
    python bench/bench_merges.py real --pages DIR --work DIR [--start 2000] [--updates 20]
                                      [--articles 100] [--reader]
    python bench/bench_merges.py crowd [--build] --pages DIR --work DIR [--segments 60] [--updates 10]
    python bench/bench_merges.py cost --index DIR --segments K

`sim` runs `writer.merge_plan` (the merges the owner makes at a run's end) on segment sizes
only: a starting index (the 100k first build's 14 segments, a 3.9k one, or a pathological
60-segment one), then `--updates` updates of A articles, each made as the indexer makes it
(batches of 100, 400, 1,600, ... articles; one segment a batch below
`indexer.PARALLEL_MIN_PAGES` pages, else one a worker, 2 workers) and merged at its end among
the segments the index held before the run. It prints the segment count after the updates,
the documents merged (all, the most in one update, the biggest merge) and their CPU at
`--ms-per-doc`, for the reader's budget (`merge_budget` given `stop`) and `newsreader index`'s,
beside F3's rule (`f3`: `merge_choice` after each commit, the reader's budget 16,000 past 20
segments), the rule before F3 (Whoosh's MERGE_SMALL capped at 500 documents a commit,
4cd9d88) and Whoosh's MERGE_SMALL alone (`--only` picks some).

`real` builds an index of the first `--start` pages of a generated corpus (`gen_corpus.py`)
with the real indexer, then adds `--articles` articles' worth of the next pages and updates,
`--updates` times (`Library.update`, with a `stop` that never fires when `--reader`: the
reader's budget), printing each update's wall and CPU time (owner + workers) and the
segments after it.

`crowd --build` makes a pathological index of `--segments` segments from a generated corpus
(merges off: `--start` pages built, then updates of 1,000 and of 100 pages); `crowd` then
copies it and makes `--updates` reader updates of `--articles` articles on the copy, printing
each update's merges (documents, CPU) and segments, then the query mix's CPU p50 / p95
(bench_search's queries, best of 2 runs each). Run it with `BENCH_TREE=DIR` for another
tree's code (the figures before a change).

`cost` merges the K smallest segments of a hard-linked copy of an index as the owner does
(`writer.merge_segments`, copying posting blocks; `--both`: Whoosh's merge first) and prints
the CPU per document.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_TREE") or Path(__file__).resolve().parents[1])  # (another tree's code)
sys.path.insert(0, str(ROOT))

from newsreader.search import writer  # noqa: E402

#: The 100k first build's segments (F2, fa13d51), and a 3,900-article one's.
START_100K = [1105, 1127, 3126, 3266, 5683, 5697] + [10_000] * 8
START_3900 = [1100, 1121, 830, 849]
#: A pathological index: the 100k build's segments and 46 of 300-1,000 documents (what the rule
#: before F3 left after months of updates: 76 segments after 100 updates of 300 articles).
START_60 = START_100K + [300 + (k * 157) % 700 for k in range(46)]
ARTICLES_PER_PAGE = 1.32  # gen_corpus.py: 100,000 articles on 75,742 pages


def batches(articles: int, first: int = 100, growth: int = 4, cap: int = 20_000) -> list[int]:
    out = []
    b = first
    while articles > 0:
        out.append(min(b, articles))
        articles -= b
        b = min(b * growth, cap)
    return out


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def before_choice(sizes: list[int], budget: int = 500) -> list[int]:
    """4cd9d88's `_live_then_merge_small` on sizes: MERGE_SMALL's merge point, cut to the
    smallest segments within 500 documents."""
    order = sorted(range(len(sizes)), key=sizes.__getitem__)
    total = 0
    chosen: list[int] = []
    for i, k in enumerate(order):
        total += sizes[k]
        if i > 3 and total < fib(i + 5):
            chosen = order[:i + 1]
            break
    docs = 0
    for n, k in enumerate(chosen):
        docs += sizes[k]
        if docs > budget:
            chosen = chosen[:n]
            break
    return chosen if len(chosen) >= 2 else []


def merge_small_choice(sizes: list[int]) -> list[int]:
    return before_choice(sizes, budget=10 ** 12)


def f3_budget(segments: int, reader: bool) -> int:
    """F3's (7a8dc10) budget of one merge after each commit: the reader's 1,000 documents, and
    16,000 in `newsreader index` and in the reader past 20 segments."""
    return 1_000 if reader and segments <= 20 else 16_000


def simulate(start: list[int], updates: int, articles: int, policy: str, reader: bool
             ) -> tuple[int, int, int, list[int], int]:
    """(segments after, documents merged, most merged in one update, segment count after
    each update, most merged in one merge)."""
    segs = [(n, True) for n in start]  # (live documents, held before the run)
    merged_all = 0
    worst = 0
    biggest = 0
    counts = []
    workers = 2 if articles / ARTICLES_PER_PAGE >= 200 else 1
    for _ in range(updates):
        segs = [(n, True) for n, _ in segs]
        merged_now = 0
        groups: list[set[int]] = []
        for b in batches(articles):
            new = [(b // workers + (1 if i < b % workers else 0), False) for i in range(workers)]
            if policy == "f3":  # the batch's commit, then a merge among the settled segments
                segs += new
                settled = [k for k, (_, old) in enumerate(segs) if old]
                chosen = {settled[k] for k in writer.merge_choice([segs[k][0] for k in settled],
                                                                  f3_budget(len(segs), reader))}
                groups = [chosen] if chosen else []
            elif policy == "tiered":  # the batch's commit; merges at the run's end
                segs += new
                continue
            else:  # merged in the batch's commit, among all segments before the batch's
                sizes = [n for n, _ in segs]
                chosen = set(before_choice(sizes) if policy == "before" else merge_small_choice(sizes))
                groups = [chosen] if chosen else []
            segs, docs = merged(segs, groups)
            merged_now += docs
            biggest = max([biggest, docs])
            if policy not in ("f3", "tiered"):
                segs += new
        if policy == "tiered":  # the run's end: `writer.merge_plan` within the run's budget
            settled = [k for k, (_, old) in enumerate(segs) if old]
            plan = writer.merge_plan([segs[k][0] for k in settled], len(segs) - len(settled),
                                     writer.merge_budget(len(segs), (lambda: False) if reader else None), reader)
            groups = [{settled[k] for k in group} for group in plan]
            biggest = max([biggest] + [sum(segs[k][0] for k in g) for g in groups])
            segs, merged_now = merged(segs, groups)
        merged_all += merged_now
        worst = max(worst, merged_now)
        counts.append(len(segs))
    return len(segs), merged_all, worst, counts, biggest


def merged(segs: list[tuple[int, bool]], groups: list[set[int]]) -> tuple[list[tuple[int, bool]], int]:
    """`segs` with each group of positions merged into one new segment, and the documents merged."""
    gone = set().union(*groups) if groups else set()
    out = [seg for k, seg in enumerate(segs) if k not in gone]
    docs = 0
    for g in groups:
        n = sum(segs[k][0] for k in g)
        docs += n
        out.append((n, False))
    return out, docs


def cmd_sim(args: argparse.Namespace) -> None:
    ms = args.ms_per_doc
    print(f"policy constants: MERGE_FACTOR {writer.MERGE_FACTOR}, MERGE_RATIO {writer.MERGE_RATIO}, "
          f"MERGE_FLOOR {writer.MERGE_FLOOR}, MERGE_MAX_SEGMENTS {writer.MERGE_MAX_SEGMENTS}, "
          f"MERGE_MAX_DOCS {writer.MERGE_MAX_DOCS}, MERGE_MAX_DOCS_CROWDED {writer.MERGE_MAX_DOCS_CROWDED}, "
          f"MERGE_MAX_DOCS_UNATTENDED {writer.MERGE_MAX_DOCS_UNATTENDED}, MERGE_SEGMENTS {writer.MERGE_SEGMENTS}; "
          f"merge CPU {ms} ms a document")
    for name, start in (("100k", START_100K), ("3.9k", START_3900), ("60 segments", START_60)):
        for articles in (100, 300, 1000):
            print(f"\nstart {name} ({len(start)} segments), {args.updates} updates of {articles} articles:")
            rows = [("before (MERGE_SMALL, <= 500 a commit)", "before", False),
                    ("Whoosh MERGE_SMALL alone", "small", False),
                    ("F3 (after each commit), the reader", "f3", True),
                    ("F3, newsreader index", "f3", False),
                    ("tiered at the run's end, the reader", "tiered", True),
                    ("tiered at the run's end, newsreader index", "tiered", False)]
            for label, policy, reader in rows:
                if args.only and policy not in args.only.split(","):
                    continue
                n, docs, worst, counts, biggest = simulate(start, args.updates, articles, policy, reader)
                at = "/".join(str(counts[min(u, len(counts)) - 1]) for u in (10, 25, 50, 75))
                print(f"  {label:42s} segments {n:4d} (max {max(counts)}; at 10/25/50/75: {at})  merged {docs:8,d} docs ({docs / args.updates * ms / 1000:6.1f} s "
                      f"CPU an update on average), most in one update {worst:7,d} ({worst * ms / 1000:6.1f} s), "
                      f"biggest merge {biggest:7,d}")


def tree_cpu(pid: int) -> float:
    """CPU seconds of this process and its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def cmd_real(args: argparse.Namespace) -> None:
    from newsreader.config import Config
    from newsreader.search import Library

    pages = sorted(p for p in args.pages.rglob("*.txt"))
    work = args.work
    if work.exists():
        shutil.rmtree(work)
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    os.environ["NEWSREADER_HOME"] = str(work / "home")

    def add(chunk: list[Path]) -> None:
        for p in chunk:
            dest = corpus / p.relative_to(args.pages)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, dest)

    add(pages[:args.start])
    lib = Library(work / "ix", corpus, Config())
    t0, c0 = time.perf_counter(), tree_cpu(os.getpid())
    lib.update()
    print(f"start: {args.start} pages, {lib.count():,} articles, {time.perf_counter() - t0:.1f} s wall, "
          f"{tree_cpu(os.getpid()) - c0:.1f} s CPU, {len(segments(lib))} segments: {sorted(segments(lib))}",
          flush=True)
    per = max(1, round(args.articles / ARTICLES_PER_PAGE))
    at = args.start
    stop = (lambda: False) if args.reader else None
    walls, cpus = [], []
    for u in range(args.updates):
        add(pages[at:at + per])
        at += per
        t0, c0 = time.perf_counter(), tree_cpu(os.getpid())
        stats = lib.update(stop=stop)
        wall, cpu = time.perf_counter() - t0, tree_cpu(os.getpid()) - c0
        walls.append(wall)
        cpus.append(cpu)
        sizes = segments(lib)
        print(f"update {u + 1:3d}: +{stats.articles_added} articles, {wall:5.1f} s wall, {cpu:5.1f} s CPU, "
              f"{len(sizes)} segments {sorted(sizes)}  load {os.getloadavg()[0]:.1f}", flush=True)
    walls.sort()
    cpus.sort()
    print(f"updates: wall median {walls[len(walls) // 2]:.1f} s, max {walls[-1]:.1f} s; CPU median "
          f"{cpus[len(cpus) // 2]:.1f} s, max {cpus[-1]:.1f} s; {lib.count():,} articles")
    lib.close()


def cmd_crowd(args: argparse.Namespace) -> None:
    from newsreader.config import Config
    from newsreader.search import Library, indexer

    pages = sorted(p for p in args.pages.rglob("*.txt"))
    base = args.work / "base"
    os.environ["NEWSREADER_HOME"] = str(args.work / "home")

    def add(corpus: Path, chunk: list[Path]) -> None:
        for p in chunk:
            dest = corpus / p.relative_to(args.pages)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, dest)

    if args.build:
        if base.exists():
            shutil.rmtree(base)
        (base / "corpus").mkdir(parents=True)
        add(base / "corpus", pages[:args.start])
        indexer.Indexer(base / "ix", base / "corpus", Config()).run()
        writer.MERGE_FACTOR = 10 ** 9  # no merge: the segments stay
        indexer.FIRST_BATCH_ARTICLES = 10 ** 6  # one batch (a segment a worker) an update
        at = args.start
        while True:
            lib = Library(base / "ix", base / "corpus", Config())
            n = len(segments(lib))
            lib.close()
            print(f"{at} pages, {n} segments", flush=True)
            if n >= args.segments:
                break
            step = 1_000 if args.segments - n > args.small else 100
            add(base / "corpus", pages[at:at + step])
            at += step
            indexer.Indexer(base / "ix", base / "corpus", Config()).run()
        (base / "next").write_text(str(at))
        return
    run = args.work / "run"
    if run.exists():
        shutil.rmtree(run)
    shutil.copytree(base, run)
    at = int((run / "next").read_text())
    lib = Library(run / "ix", run / "corpus", Config())
    sizes = segments(lib)
    print(f"tree {ROOT}: {lib.count():,} articles, {len(sizes)} segments: {sorted(sizes)}", flush=True)
    merges: list[tuple[int, float, float]] = []
    merge_segments = writer.merge_segments

    def merging(ix, ids, stop=None):  # type: ignore[no-untyped-def]
        docs = sum(seg.doc_count() for seg in ix._segments() if seg.segment_id() in ids)
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            return merge_segments(ix, ids, stop)
        finally:
            merges.append((docs, time.thread_time() - c0, time.perf_counter() - t0))

    writer.merge_segments = merging
    per = max(1, round(args.articles / ARTICLES_PER_PAGE))
    for u in range(args.updates):
        add(run / "corpus", pages[at:at + per])
        at += per
        done = len(merges)
        t0 = time.perf_counter()
        lib.update(stop=lambda: False)
        mine = merges[done:]
        print(f"update {u + 1:3d}: {time.perf_counter() - t0:5.1f} s wall; merges (docs, CPU s): "
              f"{[(d, round(c, 2)) for d, c, _ in mine]}, {sum(d for d, _, _ in mine):,} docs, "
              f"{sum(c for _, c, _ in mine):.2f} s CPU; {len(segments(lib))} segments, load {os.getloadavg()[0]:.1f}",
              flush=True)
    biggest = max(merges, default=(0, 0.0, 0.0))
    print(f"largest merge: {biggest[0]:,} docs, {biggest[1]:.2f} s CPU, {biggest[2]:.2f} s wall; "
          f"{len(segments(lib))} segments after {args.updates} updates")
    lib.close()
    queries(run)


def queries(run: Path) -> None:
    """The query mix's CPU p50 / p95 (bench_search's queries, best of 2 runs each)."""
    import random

    from newsreader.config import Config
    from newsreader.search import Library

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_search import pct, pick_queries

    lib = Library(run / "ix", run / "corpus", Config())
    mix = pick_queries(lib, random.Random(1))
    best: dict[tuple[str, str], float] = {}
    for r in range(3):
        for kind, qs in mix.items():
            sort = "date" if kind == "sorted by date" else "relevance"
            for q in qs:
                c0 = time.process_time()
                lib.search(q, limit=20, sort=sort, snippets=False, suggest=False)
                if r:
                    best[(kind, q)] = min(best.get((kind, q), 1e9), (time.process_time() - c0) * 1000)
    values = list(best.values())
    print(f"queries ({len(values)}), CPU best of 2: p50 {pct(values, 50):.2f} ms, p95 {pct(values, 95):.2f} ms, "
          f"sum {sum(values):.0f} ms, load {os.getloadavg()[0]:.1f}", flush=True)
    lib.close()


def segments(lib: object) -> list[int]:
    from whoosh import index as windex

    from newsreader.search.schema import INDEX_NAME

    ix = windex.open_dir(str(lib.folder / "whoosh"), indexname=INDEX_NAME)  # type: ignore[attr-defined]
    try:
        return [seg.doc_count() for seg in ix._segments()]
    finally:
        ix.close()


def cmd_cost(args: argparse.Namespace) -> None:
    from whoosh import index as windex

    from newsreader.search.schema import INDEX_NAME

    for fast in (False, True) if args.both else (True,):
        tmp = Path(tempfile.mkdtemp(dir=args.tmp))
        dst = tmp / "whoosh"
        try:
            subprocess.run(["cp", "-al", str(args.index / "whoosh"), str(dst)], check=True)
            ix = windex.open_dir(str(dst), indexname=INDEX_NAME)
            smallest = sorted(ix._segments(), key=lambda s: s.doc_count())[:args.segments]
            docs = sum(s.doc_count() for s in smallest)
            writer.FAST_MERGE = fast
            t0, c0 = time.perf_counter(), time.process_time()
            writer.merge_segments(ix, {s.segment_id() for s in smallest})
            cpu = time.process_time() - c0
            print(f"{'copying blocks' if fast else 'Whoosh merge'}: {len(smallest)} segments, {docs:,} documents: "
                  f"{cpu:.2f} s CPU ({cpu / docs * 1000:.2f} ms a document), {time.perf_counter() - t0:.2f} s wall, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
        finally:
            shutil.rmtree(tmp)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sim")
    s.add_argument("--updates", type=int, default=100)
    s.add_argument("--ms-per-doc", type=float, default=3.0)
    s.add_argument("--only", default="", help="policies to simulate, comma-separated (before,small,f3,tiered)")
    r = sub.add_parser("real")
    r.add_argument("--pages", type=Path, required=True)
    r.add_argument("--work", type=Path, required=True)
    r.add_argument("--start", type=int, default=2000)
    r.add_argument("--updates", type=int, default=20)
    r.add_argument("--articles", type=int, default=100)
    r.add_argument("--reader", action="store_true")
    w = sub.add_parser("crowd")
    w.add_argument("--pages", type=Path, required=True)
    w.add_argument("--work", type=Path, required=True)
    w.add_argument("--build", action="store_true")
    w.add_argument("--start", type=int, default=2000)
    w.add_argument("--segments", type=int, default=60)
    w.add_argument("--small", type=int, default=16, help="segments of 100-page updates at the end of the build")
    w.add_argument("--updates", type=int, default=10)
    w.add_argument("--articles", type=int, default=100)
    c = sub.add_parser("cost")
    c.add_argument("--index", type=Path, required=True)
    c.add_argument("--segments", type=int, required=True)
    c.add_argument("--both", action="store_true", help="Whoosh's merge too (FAST_MERGE off), first")
    c.add_argument("--tmp", type=Path, default=None, help="where the hard-linked copy goes (same file system)")
    args = ap.parse_args()
    {"sim": cmd_sim, "real": cmd_real, "crowd": cmd_crowd, "cost": cmd_cost}[args.cmd](args)


if __name__ == "__main__":
    main()
