"""Milliseconds to parse queries of growing length, with the growth ratio: is the query parser linear?

    python bench/bench_query_parse.py [--sizes 1000,4000] [--repeat 5] [--stock] [--only NAME,NAME]

Each shape is a query unit repeated to n characters (one 1,000-letter word, 250 short words,
a run of punctuation, ...), parsed by `query.QueryParser` (what `newsreader search` and the
reader's search bar do after the length cap, MAX_QUERY_CHARS) at each n of `--sizes`. The
ratio is the last time over the first, scaled to a fourfold size: about 4 is linear and
about 16 quadratic; over 8 is marked `<-- superlinear`. Each time is the best of `--repeat`
runs, as the host's noise only adds. A query refused with a QueryError is timed too (the
error is the answer) and its message's start printed. `--stock` puts Whoosh's own `field:`
tagger back (what ran before 2026-11-24): 'a' * 40,000 took 12 s there. A figure, not a
test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: name -> unit; the query is the unit repeated (and cut) to n characters.
SHAPES = {
    "one long word": "a", "one long number": "7", "words": "strike ", "punctuation": ".",
    "dashes": "-", "a word-word-...": "ab-", "field:word ...": "title:strike ", "prefix* ...": "stri* ",
    "fuzzy~ ...": "strike~ ", "OR ...": "iran OR ", "(group) ...": "(iran) ", "a long phrase": '"',
    "dotted a.b.c": "ab.", "boost^2 ...": "iran^2 ",
}


def query(unit: str, n: int) -> str:
    """`unit` repeated to about n characters, whole units only (brackets stay paired)."""
    if unit == '"':  # a phrase of n - 2 letters
        return '"' + "a" * (n - 2) + '"'
    text = (unit * max(1, n // len(unit))).rstrip()
    return text + " iran" if text.endswith(" OR") else text  # (an OR at the end is refused at once)


def best_ms(parse, text: str, repeat: int) -> tuple[float, str]:  # type: ignore[no-untyped-def]
    from newsreader.search.schema import QueryError

    times, said = [], "ok"
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            parse(text)
        except QueryError as exc:
            said = str(exc)[:60]
        times.append(time.perf_counter() - start)
    return min(times) * 1000, said


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,4000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--stock", action="store_true", help="Whoosh's own field: tagger (the quadratic one)")
    ap.add_argument("--only", help="shape names, comma-separated")
    args = ap.parse_args()
    from whoosh.qparser import FieldsPlugin

    from newsreader.search import query as query_mod
    from newsreader.search.schema import build_schema

    parser = query_mod.QueryParser(build_schema())
    if args.stock:
        whoosh = parser._parser
        whoosh.plugins = [FieldsPlugin() if isinstance(p, FieldsPlugin) else p for p in whoosh.plugins]
    bounds = (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = {k: v for k, v in SHAPES.items() if not args.only or k in args.only.split(",")}
    print(f"{'shape':18} " + " ".join(f"{f'n={n:,}':>10}" for n in sizes) + "  ratio@4n  answer")
    for name, unit in shapes.items():
        row, said = [], ""
        for n in sizes:
            ms, said = best_ms(lambda t: parser.parse(t, bounds), query(unit, n), args.repeat)
            row.append(ms)
        ratio = (row[-1] / max(row[0], 1e-6)) ** (math.log(4) / math.log(sizes[-1] / sizes[0])) \
            if len(sizes) > 1 else float("nan")
        mark = "  <-- superlinear" if ratio > 8 else ""
        print(f"{name:18} " + " ".join(f"{ms:8.1f}ms" for ms in row) + f"  {ratio:7.1f}  {said}{mark}")


if __name__ == "__main__":
    main()
