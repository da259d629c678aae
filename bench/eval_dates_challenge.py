"""Score the date extractor on the hand-made challenge set `bench/data/dates_challenge.tsv`.

MEANTIME's tuning topics are nearly exhausted and its held-out topics must stay blind, so this
set gives fresh evidence from many beats (markets, results, auto sales, politics, courts, crime,
disasters, sports, launches, date lines). Its gold was written before the extractor was run on
it. Scoring follows `eval_extract.py`: exact spans; predicted durations (P9D, PXY) are neither
dates nor spurious; value accuracy on the detected gold dates; value F1 counts a span with a
wrong value as both spurious and missed.

Usage: python bench/eval_dates_challenge.py [--errors] [--file PATH] [--part N ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from eval_extract import is_duration, prf, value_f1  # same scoring as the MEANTIME/ECB+ bench (also puts the repo on sys.path)
from newsreader.extract.dates import find_dates

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "data" / "dates_challenge.tsv"


@dataclass
class Expected:
    start: int
    end: int
    value: str | None  # None: no value (undated article); "*": any value
    optional: bool


@dataclass
class Row:
    line: int
    date: dt.date | None
    sentence: str
    expected: list[Expected]


def read_rows(path: Path, parts: set[int] | None = None) -> list[Row]:
    """The set's rows (of `parts` only, if given: a part starts at its "# Part N" comment; the rows
    before the first such comment are part 1); each expected span is found in the sentence after
    the one before it (or inside it)."""
    rows: list[Row] = []
    part = 1
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if heading := re.match(r"# Part (\d+)\b", line):
            part = int(heading.group(1))
        if not line.strip() or line.startswith("#") or line.startswith("date\t") or parts and part not in parts:
            continue
        date_s, sentence, expected_s = (line.split("\t") + ["", ""])[:3]
        date = dt.date.fromisoformat(date_s) if date_s.strip() else None
        expected: list[Expected] = []
        pos = last = 0
        for item in filter(None, (x.strip() for x in expected_s.split(" | "))):
            optional = item.startswith("?")
            text, _, value = item.lstrip("?").rpartition("=") if "=" in item else ("", "", item.lstrip("?"))
            text = text or value
            start = sentence.find(text, pos)
            if start < 0:  # inside the span before ("?Halloween night | ?Halloween")
                start = sentence.find(text, last)
            if start < 0:
                raise SystemExit(f"{path}:{n}: {text!r} is not in the sentence")
            last, pos = start, start + len(text)
            expected.append(Expected(start, pos, None if value == "-" else value if "=" in item else "*",
                                     optional))
        rows.append(Row(n, date, sentence, expected))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every mistake")
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--part", type=int, nargs="+", help='score only these parts (numbered by the set\'s "# Part N" comments)')
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"no challenge set at {args.file}", file=sys.stderr)
        return 2
    rows = read_rows(args.file, set(args.part) if args.part else None)
    tp = fp = fn = ok = 0
    for row in rows:
        found = {(d.start, d.end): d.value for d in find_dates(row.sentence, row.date) if not is_duration(d.value)}
        gold = {(e.start, e.end): e for e in row.expected}
        for span, value in found.items():
            want = gold.get(span)
            if want is None:
                fp += 1
                if args.errors:
                    print(f"SPURIOUS  line {row.line}: {row.sentence[span[0]:span[1]]!r}={value}  | {row.sentence}")
                continue
            if want.optional:
                continue
            tp += 1
            if want.value == "*":
                ok += 1
                continue
            if value == want.value:
                ok += 1
            elif args.errors:
                print(f"VALUE     line {row.line}: {row.sentence[span[0]:span[1]]!r}={value} (gold {want.value})"
                      f"  | {row.date} {row.sentence}")
        for span, want in gold.items():
            if span not in found and not want.optional:
                fn += 1
                if args.errors:
                    print(f"MISSED    line {row.line}: {row.sentence[span[0]:span[1]]!r}={want.value}"
                          f"  | {row.date} {row.sentence}")
    p, r, f = prf(tp, fp, fn)
    wrong = tp - ok
    vf = value_f1(tp, fp, fn, ok)
    accuracy = ok / tp if tp else 0.0
    which = f"part {', '.join(map(str, args.part))}, " if args.part else ""
    print(f"dates challenge ({which}{len(rows)} sentences): detection P {p:.3f} R {r:.3f} F1 {f:.3f} | value accuracy "
          f"{accuracy:.3f} | value F1 {vf:.3f}  ({tp} found, {fp} spurious, {fn} missed, {wrong} wrong values)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
