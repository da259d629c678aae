"""Query latency per kind and per query on an existing index, with optional cProfile.

    python bench/profile_queries.py --corpus bench/corpus-100k --work bench/out/bq100k
    python bench/profile_queries.py ... --kind phrase --profile 25
    python bench/profile_queries.py ... --query '"told plists"' --profile 25

The query set is `bench_search.pick_queries` with the same seed as the benchmark, so the
figures are comparable with its "query latency" table; unlike the benchmark this only
reads the index (no FTS5, no cold process) and prints the slowest single queries, which
is what tells where a kind's p95 comes from.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True, help="a bench_search --work folder (read only)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kind", action="append", help="only these kinds (repeatable)")
    ap.add_argument("--query", action="append", help="only these queries (repeatable)")
    ap.add_argument("--snippets", action="store_true")
    ap.add_argument("--profile", type=int, metavar="N", help="cProfile the timed runs, print N lines")
    ap.add_argument("--slowest", type=int, default=8)
    args = ap.parse_args()
    os.environ["NEWSREADER_HOME"] = str(args.work.resolve() / "home")

    from bench_search import pct, pick_queries

    from newsreader.config import Config, user_paths
    from newsreader.search import Library

    lib = Library.open(user_paths(), args.corpus.resolve(), Config())
    queries = pick_queries(lib, random.Random(args.seed))
    if args.kind:
        queries = {k: v for k, v in queries.items() if k in args.kind}
    if args.query:
        queries = {"given": args.query}
    sorts = {k: "date" if k == "sorted by date" else "relevance" for k in queries}
    for kind, qs in queries.items():  # warm up, as the benchmark does
        for q in qs:
            lib.search(q, limit=20, sort=sorts[kind], snippets=args.snippets, suggest=False)
    print(f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    prof = cProfile.Profile() if args.profile else None
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    single: list[tuple[float, str, str]] = []
    for kind, qs in queries.items():
        times[kind] = []
        cpu[kind] = []
        for _ in range(args.repeat):
            for q in qs:
                if prof:
                    prof.enable()
                t, c = time.perf_counter(), time.process_time()
                lib.search(q, limit=20, sort=sorts[kind], snippets=args.snippets, suggest=False)
                ms = (time.perf_counter() - t) * 1000
                cpu[kind].append((time.process_time() - c) * 1000)
                if prof:
                    prof.disable()
                times[kind].append(ms)
                single.append((ms, kind, q))
    every = [t for ts in times.values() for t in ts]
    every_cpu = [t for ts in cpu.values() for t in ts]
    print("  kind             wall p50 / p95 | CPU p50 / p95 (ms; CPU time is less sensitive to a shared machine)")
    for kind, ts in times.items():
        print(f"  {kind:16s} {pct(ts, 50):7.1f} / {pct(ts, 95):7.1f} | {pct(cpu[kind], 50):6.1f} / {pct(cpu[kind], 95):6.1f}")
    print(f"  {'ALL':16s} {pct(every, 50):7.1f} / {pct(every, 95):7.1f} | {pct(every_cpu, 50):6.1f} / "
          f"{pct(every_cpu, 95):6.1f}  ({len(every)} runs)")
    print(f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("slowest:")
    for ms, kind, q in sorted(single, reverse=True)[: args.slowest]:
        print(f"  {ms:7.1f}  {kind:16s} {q}")
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
    lib.close()


if __name__ == "__main__":
    main()
