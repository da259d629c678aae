"""Score the entity extractor on the hand-made challenge set `bench/data/entities_challenge.tsv`.

MEANTIME's tuning topics are nearly exhausted and its held-out topics must stay blind, so this
set gives fresh evidence from many beats and outlet styles (world politics with names from many
countries, markets, car makers, tech, courts, crime, local US/UK news, sports, science, wire date
lines), in six parts: each part's gold was written and committed before the extractor was run
on it (part 2 after the first round of fixes, part 3 after the second, so that each checks that
the rules made from the parts before carry to new sentences; part 4 holds contemporary news in
the styles of South Asian, Middle Eastern, African, Latin American, European and wire outlets,
with the artefacts of saved pages; part 5 a blind set from science, health, courts, culture, tech deals,
sport and disasters in Oceania, Africa, Latin America and East Asia; part 6 a blind set of
Wikinews-style lead paragraphs on stock markets and car makers, 2003-2013), after the conventions of issue
#4 (names without titles, a demonym is its country, products, indices, events, laws and works are
no entities). Scoring follows `eval_extract.py`: exact character spans, typed; a span with the
wrong kind counts as both spurious and missed. An optional gold span ('?') is neither found nor
missed, whatever kind is predicted for it.

Usage: python bench/eval_entities_challenge.py [--errors] [--file PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eval_extract import prf  # same scoring as the MEANTIME/ECB+ bench (also puts the repo on sys.path)
from newsreader.extract import extract

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "data" / "entities_challenge.tsv"
KINDS = ("person", "org", "place")


@dataclass
class Expected:
    start: int
    end: int
    kind: str | None  # None: any kind (only with optional)
    optional: bool


@dataclass
class Row:
    line: int
    text: str
    expected: list[Expected]
    part: int = 1  # parts are opened by a '# Part N' comment


def _spans(text: str, items: list[str], where: str):
    """(start, end, kind, optional) of each 'name=kind' item: each name is looked for after the
    one before it, else inside it ("?Chicago Police=org | ?Chicago")."""
    pos = last = 0
    for item in items:
        optional = item.startswith("?")
        name, _, kind = item.lstrip("?").rpartition("=") if "=" in item else (item.lstrip("?"), "", "")
        if kind and kind not in KINDS or not kind and not optional:
            raise SystemExit(f"{where}: {item!r} needs a kind of {', '.join(KINDS)}")
        start = text.find(name, pos)
        start = start if start >= 0 else text.find(name, last)
        if start < 0:
            raise SystemExit(f"{where}: {name!r} is not in the text")
        last, pos = start, start + len(name)
        yield start, pos, kind or None, optional


#: A comment opening the next part: "# Part 4: contemporary news ..." (other comments name no part)
_PART = re.compile(r"# Part (\d+)\b")


def read_rows(path: Path) -> list[Row]:
    """The set's rows (comments and the header line skipped)."""
    rows: list[Row] = []
    part = 1
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        opened = _PART.match(line)
        if opened:
            part = int(opened.group(1))
        if line.strip() and not line.startswith(("#", "text\t")):
            text, expected_s = (line.split("\t") + [""])[:2]
            items = [x.strip() for x in expected_s.split(" | ") if x.strip()]
            rows.append(Row(n, text, [Expected(*span) for span in _spans(text, items, f"{path}:{n}")], part))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT, help="the set (default: %(default)s)")
    parser.add_argument("--errors", action="store_true", help="list every spurious, missed or mistyped span")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"no challenge set at {args.file}", file=sys.stderr)
        return 2
    counts = {kind: [0, 0, 0] for kind in KINDS}  # tp fp fn
    by_part: dict[int, Counter[str]] = {}
    rows = read_rows(args.file)
    for row in rows:
        part = by_part.setdefault(row.part, Counter())
        found = {(e.start, e.end): e.kind for e in extract(row.text, None).entities}
        gold = {(e.start, e.end): e for e in row.expected}
        for span, kind in sorted(found.items()):
            want = gold.get(span)
            if want is not None and want.optional:
                continue
            if want is not None and want.kind == kind:
                counts[kind][0] += 1
                part["tp"] += 1
                continue
            counts[kind][1] += 1
            part["fp"] += 1
            if args.errors:
                label = "WRONG KIND" if want is not None else "SPURIOUS  "
                gold_kind = f" (gold {want.kind})" if want is not None else ""
                print(f"{label} line {row.line}: {row.text[span[0]:span[1]]!r}={kind}{gold_kind}  | {row.text}")
        for span, want in sorted(gold.items()):
            if want.optional or found.get(span) == want.kind:
                continue
            counts[want.kind][2] += 1
            part["fn"] += 1
            if args.errors and span not in found:
                print(f"MISSED     line {row.line}: {row.text[span[0]:span[1]]!r}={want.kind}  | {row.text}")
    if len(by_part) > 1:
        for n, part_counts in sorted(by_part.items()):
            p, r, f = prf(part_counts["tp"], part_counts["fp"], part_counts["fn"])
            print(f"part {n}  P {p:.3f} R {r:.3f} F1 {f:.3f}  ({part_counts['tp']}/{part_counts['fp']}/{part_counts['fn']})")
    total = Counter()
    for kind in KINDS:
        tp, fp, fn = counts[kind]
        total.update({"tp": tp, "fp": fp, "fn": fn})
        p, r, f = prf(tp, fp, fn)
        print(f"{kind:7} P {p:.3f} R {r:.3f} F1 {f:.3f}  ({tp}/{fp}/{fn})")
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    print(f"entities challenge ({len(rows)} texts): P {p:.3f} R {r:.3f} F1 {f:.3f}  "
          f"({total['tp']} found, {total['fp']} spurious, {total['fn']} missed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
