"""Search benchmark: our Whoosh index against SQLite FTS5 on the same corpus and queries.

    python bench/gen_corpus.py --articles 100000 --out bench/corpus-100k
    python bench/bench_search.py --corpus bench/corpus-100k --work bench/out/b100k

Prints figures (not a pass/fail test): index throughput, index size, incremental runs
(nothing changed, 1% changed), cold open + first query and peak memory of a fresh search
process, query latency p50/p95 per query kind with and without snippets, and FTS5's
figures for the same articles and queries with the ratio. `--work` must be a scratch
folder: it becomes NEWSREADER_HOME for the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def rss_mb(who: int | None = None) -> float:
    """Peak RSS of this process, or (RUSAGE_CHILDREN) of the largest finished child."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF if who is None else who).ru_maxrss / 1024


def pick_queries(lib, rng: random.Random) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """A fixed mixed query set drawn from the corpus itself (same seed, same queries)."""
    from newsreader.search.analysis import STOPS, WORD_RE

    vocab = lib.store().vocab(min_count=1)
    words = sorted(((n, w) for w, n in vocab if w not in STOPS and w.isalpha()), reverse=True)
    common = [w for _, w in words[20:60]]
    # The least frequent words seen at least 3 times (at 100k articles every word of the
    # generator's vocabulary occurs more than 20 times).
    rare = [w for n, w in reversed(words) if n >= 3][:400]
    rng.shuffle(rare)
    rows = lib.list_rows(0, 2000, sort="title")
    sample = [lib.get(r.id) for r in rng.sample(rows, 40)]
    phrases = []
    for stored in sample:
        toks = [t for t in WORD_RE.findall(stored.article.text) if t.lower() not in STOPS]
        text = stored.article.text
        for _ in range(20):
            i = rng.randrange(len(toks) - 1)
            pair = f"{toks[i]} {toks[i + 1]}"
            if pair in text:
                phrases.append(f'"{pair}"')
                break
    lo, hi = lib.store().date_bounds()
    return {
        "common term": [rng.choice(common) for _ in range(20)],
        "rare term": rare[:20],
        "two-term AND": [f"{rng.choice(common)} {rng.choice(common)}" for _ in range(20)],
        "phrase": phrases[:20],
        "field": [f"title:{rng.choice(common)}" for _ in range(10)]
                 + [f"place:{p}" for p in rng.sample(["karachi", "tehran", "geneva", "doha", "lahore",
                                                     "beijing", "paris", "kabul", "cairo", "dubai"], 10)],
        "date range": [f"{rng.choice(common)} date:[2024-0{m}-05 TO 2024-0{m + 2}-20]" for m in
                       [rng.randint(1, 7) for _ in range(20)]],
        "sorted by date": [rng.choice(common) for _ in range(20)],
    }


def fts5_query(kind: str, q: str) -> tuple[str, tuple, str]:
    """The same query for FTS5: (MATCH expression, extra SQL params, SQL tail)."""
    if kind == "date range":
        word, rng_ = q.split(" date:")
        a, b = rng_.strip("[]").split(" TO ")
        return word, (a, b), "AND date BETWEEN ? AND ?"
    if q.startswith("place:"):
        return q.split(":")[1], (), ""  # FTS5 has no entity field: the word anywhere
    if q.startswith("title:"):
        return f"title : {q.split(':')[1]}", (), ""
    if q.startswith('"'):
        return q, (), ""
    return " AND ".join(q.split()), (), ""


def time_ours(lib, queries: dict[str, list[str]], snippets: bool, repeat: int) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[float]] = {}
    for kind, qs in queries.items():
        sort = "date" if kind == "sorted by date" else "relevance"
        times = []
        for _ in range(repeat):
            for q in qs:
                t = time.perf_counter()
                lib.search(q, limit=20, sort=sort, snippets=snippets, suggest=False)
                times.append((time.perf_counter() - t) * 1000)
        out[kind] = times
    return out


def time_fts5(con: sqlite3.Connection, queries: dict[str, list[str]], snippets: bool, repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for kind, qs in queries.items():
        order = "date DESC" if kind == "sorted by date" else "rank"
        cols = "rowid, title, date" + (", snippet(docs, 1, '[', ']', '…', 30)" if snippets else "")
        times = []
        for _ in range(repeat):
            for q in qs:
                match, params, tail = fts5_query(kind, q)
                t = time.perf_counter()
                con.execute(f"SELECT {cols} FROM docs WHERE docs MATCH ? {tail} ORDER BY {order} LIMIT 20",
                            (match, *params)).fetchall()
                con.execute(f"SELECT count(*) FROM docs WHERE docs MATCH ? {tail}", (match, *params)).fetchone()
                times.append((time.perf_counter() - t) * 1000)
        out[kind] = times
    return out


COLD = r"""
import time, sys, json
t0 = time.perf_counter()
from pathlib import Path
from newsreader.config import Config, user_paths
from newsreader.search import Library
lib = Library.open(user_paths(), Path(sys.argv[1]), Config())
r = lib.search(sys.argv[2], limit=20)
t1 = time.perf_counter()
queries = json.loads(sys.argv[3])
for kind, qs in queries.items():
    for q in qs:
        lib.search(q, limit=20, sort="date" if kind == "sorted by date" else "relevance")
lib.facets(sys.argv[2])
rows = lib.list_rows(lib.count() - 50, 50)
lib.get(rows[0].id)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across exec.
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"cold_ms": (t1 - t0) * 1000, "hits": len(r.hits), "peak_rss_mb": int(hwm.split()[1]) / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-fts5", action="store_true")
    ap.add_argument("--no-extract", action="store_true",
                    help="index without entity/date extraction (the index-only figure), then stop")
    ap.add_argument("--skip-index", action="store_true",
                    help="reuse the index and index figures already in --work (queries only)")
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    work = args.work.resolve()
    if work.exists() and not args.skip_index:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    os.environ["NEWSREADER_HOME"] = str(work / "home")

    from newsreader.config import Config, user_paths
    from newsreader.search import Library

    config = Config()
    lib = Library.open(user_paths(), corpus, config)
    report: dict[str, object] = {"corpus": str(corpus)}
    load = lambda: " ".join(f"{x:.1f}" for x in os.getloadavg())  # noqa: E731

    print(f"machine: {os.cpu_count()} cpus, Python {sys.version.split()[0]}, load {load()}", flush=True)
    if args.skip_index:
        report = json.loads((work / "report.json").read_text())
        report.pop("queries", None)
        n = report["index"]["articles"]  # type: ignore[index]
    else:
        n = index_runs(args, lib, corpus, config, report, load)
        if args.no_extract:
            (work / "report.json").write_text(json.dumps(report, indent=2))
            return

    rng = random.Random(args.seed)
    run_queries(args, lib, corpus, config, report, rng, n, work, load)
    (work / "report.json").write_text(json.dumps(report, indent=2))


def index_runs(args, lib, corpus, config, report, load) -> int:  # type: ignore[no-untyped-def]
    from newsreader.search.indexer import Indexer

    import resource

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    t = time.perf_counter()
    cpu, wcpu = time.process_time(), children_cpu()
    stats = Indexer(lib.folder, corpus, config, extract=not args.no_extract).run()
    secs = time.perf_counter() - t
    n = stats.articles_total
    report["index"] = {"articles": n, "pages": stats.pages_indexed, "seconds": round(secs, 1),
                       "articles_per_s": round(n / secs), "extraction": not args.no_extract,
                       "indexer_peak_rss_mb": round(rss_mb()),
                       "worker_peak_rss_mb": round(rss_mb(resource.RUSAGE_CHILDREN)),
                       "cpu_s": round(time.process_time() - cpu, 1),
                       "worker_cpu_s": round(children_cpu() - wcpu, 1),
                       "whoosh_mb": round(du(lib.folder / "whoosh") / 1e6),
                       "store_mb": round(du(lib.folder) / 1e6 - du(lib.folder / "whoosh") / 1e6),
                       "corpus_mb": round(du(corpus) / 1e6), "load_after": load()}
    print("index:", report["index"], flush=True)
    (args.work.resolve() / "report.json").write_text(json.dumps(report, indent=2))

    t = time.perf_counter()
    again = lib.update()
    report["incremental_nothing_changed_s"] = round(time.perf_counter() - t, 2)
    assert again.pages_indexed == 0
    if args.no_extract:
        print("incremental, nothing changed:", report["incremental_nothing_changed_s"], flush=True)
        return n

    files = sorted(corpus.rglob("*.txt"))
    rng = random.Random(args.seed + 1)
    changed = rng.sample(files, max(1, len(files) // 100))
    originals = {f: f.read_bytes() for f in changed}
    for f in changed:
        f.write_bytes(originals[f] + b"\nA late paragraph added by the benchmark for its incremental run.\n")
    t = time.perf_counter()
    inc = lib.update()
    report["incremental_1pct"] = {"pages": inc.pages_indexed, "articles": inc.articles_added,
                                  "seconds": round(time.perf_counter() - t, 2)}
    for f, data in originals.items():
        f.write_bytes(data)
    lib.update()
    print("incremental:", report["incremental_nothing_changed_s"], report["incremental_1pct"], flush=True)
    (args.work.resolve() / "report.json").write_text(json.dumps(report, indent=2))
    return n


def run_queries(args, lib, corpus, config, report, rng, n, work, load):  # type: ignore[no-untyped-def]
    from newsreader.config import user_paths
    from newsreader.search import Library

    queries = pick_queries(lib, rng)
    report["queries"] = queries
    report["load_at_queries"] = load()
    print("load average before the query runs:", load(), flush=True)
    lib.close()

    cold = subprocess.run([sys.executable, "-c", COLD, str(corpus), queries["common term"][0], json.dumps(queries)],
                          capture_output=True, text=True, env=os.environ | {"PYTHONPATH": str(ROOT)}, check=True)
    report["search_process"] = json.loads(cold.stdout)
    print("search process:", report["search_process"], flush=True)

    lib = Library.open(user_paths(), corpus, config)
    time_ours(lib, queries, True, 1)  # warm up
    ours = {s: time_ours(lib, queries, s, args.repeat) for s in (False, True)}
    lib_store = lib.store()

    fts: dict[bool, dict[str, list[float]]] = {}
    if not args.skip_fts5:
        db = work / "fts5.sqlite3"
        db.unlink(missing_ok=True)  # a --skip-index rerun builds it again
        con = sqlite3.connect(db)
        con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, date UNINDEXED, tokenize='porter unicode61')")
        t = time.perf_counter()
        cur = lib_store.connection().execute("SELECT data FROM articles")
        from newsreader.search.store import decode_doc

        batch = []
        for (blob,) in cur:
            a = decode_doc(blob)["article"]
            batch.append((a["title"], a["body"], a["date"]))
            if len(batch) >= 5000:
                con.executemany("INSERT INTO docs VALUES (?,?,?)", batch)
                batch.clear()
        con.executemany("INSERT INTO docs VALUES (?,?,?)", batch)
        con.execute("INSERT INTO docs(docs) VALUES('optimize')")
        con.commit()
        fsecs = time.perf_counter() - t
        report["fts5_index"] = {"seconds": round(fsecs, 1), "articles_per_s": round(n / fsecs),
                                "mb": round(db.stat().st_size / 1e6)}
        print("fts5 index (pre-parsed articles, reading them back included):", report["fts5_index"], flush=True)
        time_fts5(con, queries, True, 1)
        fts = {s: time_fts5(con, queries, s, args.repeat) for s in (False, True)}

    lines = []
    for snip in (False, True):
        label = "with 20 snippets" if snip else "no snippets"
        lines.append(f"\nquery latency, top 20, {label} (ms): ours p50 / p95 | FTS5 p50 / p95 | p95 ratio")
        allo, allf = [], []
        for kind, times in ours[snip].items():
            allo += times
            row = f"  {kind:16s} {pct(times, 50):7.1f} / {pct(times, 95):7.1f}"
            if fts:
                ft = fts[snip][kind]
                allf += ft
                row += f" | {pct(ft, 50):6.1f} / {pct(ft, 95):6.1f} | x{pct(times, 95) / max(pct(ft, 95), 0.01):.1f}"
            lines.append(row)
        row = f"  {'ALL':16s} {pct(allo, 50):7.1f} / {pct(allo, 95):7.1f}"
        if fts:
            row += f" | {pct(allf, 50):6.1f} / {pct(allf, 95):6.1f} | x{pct(allo, 95) / max(pct(allf, 95), 0.01):.1f}"
        lines.append(row)
        report[f"latency_{'snippets' if snip else 'plain'}"] = {
            k: {"p50": round(pct(v, 50), 1), "p95": round(pct(v, 95), 1)} for k, v in ours[snip].items()}
    print("\n".join(lines))
    if fts:
        print(f"\nindex throughput: ours {report['index']['articles_per_s']}/s end to end (read, parse, "
              f"extract, index, store) | FTS5 {report['fts5_index']['articles_per_s']}/s (insert only) | "
              f"ratio x{report['fts5_index']['articles_per_s'] / report['index']['articles_per_s']:.1f}")
    (work / "report.json").write_text(json.dumps(report, indent=2))
    lib.close()


if __name__ == "__main__":
    main()
