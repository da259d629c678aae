"""Draw a sample of predicted entities that no gold judges, for judging by hand.

The scored benches count only names their gold marks; what the extractor predicts elsewhere
(ECB+ marks only the participants of annotated events; seed pages have no gold) is never
counted, so precision there is unknown. This script lists those predictions (ECB+ dev: every
predicted entity that overlaps no markable of any kind; seeds/*.txt: every entity), draws a
random sample with a fixed seed, stratified so that organisations (the weakest kind) make up
a chosen share, and prints it as TSV with the words around each name. A hand-judged copy of
that TSV (a `verdict` column: ok, name (not a name), kind (wrong kind), extent (wrong span))
is scored per kind by `--score`; `--again` shows what the current extractor predicts at each
sampled span, to judge the same sample after a change (columns kind_after and verdict_after,
scored by `--after --score`).

Never run it on a held-out split: it reads ECB+ dev and seeds only. Samples judged so far (take a new
seed for a fresh round): the ninth round's 340 rows (org share 0.5; the default seed is 7), seeds
2027 and 2028 in the tenth round (--n 320 --org-share 0.6; 2028 drawn after its fixes), and seeds 3031,
3033, 3034 (--n 240 --org-share 0.6) and 3032 (--n 150 --org-share 1.0) in the eleventh, each drawn
after the fixes written from the ones before it, and 4041, 4042 (--n 240 --org-share 0.6) in the twelfth.

Usage: python bench/audit_entities.py [--n 320] [--seed 7] [--org-share 0.5] > sample.tsv
       python bench/audit_entities.py --score judged.tsv
       python bench/audit_entities.py --again judged.tsv > again.tsv
       python bench/audit_entities.py --after --score rejudged.tsv
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parent))

from eval_extract import build_ecb_text  # noqa: E402

from newsreader.extract import extract  # noqa: E402

ECB_ROOT = HERE.parents[2] / "shared" / "data" / "ecbplus_dev" / "ECB+"
SEEDS = HERE.parents[1] / "seeds"
FIELDS = ["id", "source", "start", "end", "kind", "name", "context", "verdict", "note"]
VERDICTS = ("ok", "name", "kind", "extent")


def _texts() -> dict[str, str]:
    """Every text the audit reads, by source name: ECB+ dev articles as the bench builds them
    (ecb:<file>) and the seed pages (seed:<file>)."""
    texts = {f"ecb:{p.name}": build_ecb_text(p)[0] for p in sorted(ECB_ROOT.glob("*/*.xml"))}
    for p in sorted(SEEDS.glob("*.txt")):
        texts[f"seed:{p.name}"] = p.read_text(encoding="utf-8")
    return texts


def _markable_spans(path: Path) -> list[tuple[int, int]]:
    """The character spans of every ECB+ markable (of any tag) in the bench's text."""
    _, offsets, _, _ = build_ecb_text(path)
    spans = []
    for m in ET.parse(path).getroot().find("Markables"):
        ids = [a.get("t_id") for a in m.findall("token_anchor") if a.get("t_id") in offsets]
        if ids:
            spans.append((offsets[ids[0]][0], offsets[ids[-1]][1]))
    return spans


def _context(text: str, start: int, end: int, reach: int = 70) -> str:
    left = text[max(0, start - reach):start].replace("\n", " / ").replace("\t", " ")
    right = text[end:end + reach].replace("\n", " / ").replace("\t", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def unjudged(texts: dict[str, str]) -> list[dict[str, str]]:
    """Predicted entities no gold judges: on ECB+ those overlapping no markable; on seeds all."""
    rows = []
    for source, text in texts.items():
        spans = _markable_spans(ECB_ROOT / source.split("_")[0][4:] / source[4:]) if source.startswith("ecb:") else []
        for e in extract(text, None).entities:
            if any(a < e.end and e.start < b for a, b in spans):
                continue
            rows.append({"source": source, "start": str(e.start), "end": str(e.end), "kind": e.kind,
                         "name": text[e.start:e.end], "context": _context(text, e.start, e.end)})
    return rows


def sample(rows: list[dict[str, str]], n: int, seed: int, org_share: float) -> list[dict[str, str]]:
    """`n` rows drawn at random, at least `org_share` of them organisations, in text order."""
    rng = random.Random(seed)
    orgs = [r for r in rows if r["kind"] == "org"]
    others = [r for r in rows if r["kind"] != "org"]
    n_org = min(len(orgs), max(round(n * org_share), n - len(others)))
    picked = rng.sample(orgs, n_org) + rng.sample(others, min(len(others), n - n_org))
    picked.sort(key=lambda r: (r["source"], int(r["start"])))
    for k, r in enumerate(picked, 1):
        r["id"] = str(k)
    return picked


def _read_sample(path: Path, needed: tuple[str, ...]) -> list[dict[str, str]] | None:
    """The rows of a sample TSV, or None (with one line said) when columns are missing or it is
    no UTF-8 text."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t")
            missing = [name for name in needed if name not in (reader.fieldnames or [])]
            if missing:
                print(f"{path}: no column {', '.join(missing)} (a TSV written by this script is expected)",
                      file=sys.stderr)
                return None
            return list(reader)
    except UnicodeDecodeError:
        print(f"{path}: not UTF-8 text (a TSV written by this script is expected)", file=sys.stderr)
        return None


def score(path: Path, after: bool = False) -> int:
    """Sample precision per kind from a judged TSV (verdict ok counts as right); with `after`,
    from the re-judged columns (kind_after, verdict_after; a dropped prediction counts no more)."""
    kind_col, verdict_col = ("kind_after", "verdict_after") if after else ("kind", "verdict")
    rows = _read_sample(path, ("id", kind_col, verdict_col))
    if rows is None:
        return 2
    counts: dict[str, Counter] = {}
    for row in rows:
        verdict = (row[verdict_col] or "").strip()
        if after and verdict == "dropped":
            continue
        if verdict not in VERDICTS:
            print(f"row {row['id']}: verdict {verdict!r} is none of {', '.join(VERDICTS)}", file=sys.stderr)
            return 2
        for kind in (row[kind_col], "ALL"):
            counts.setdefault(kind, Counter())[verdict] += 1
    for kind in ("person", "org", "place", "ALL"):
        c = counts.get(kind, Counter())
        total = sum(c.values())
        if total:
            wrong = ", ".join(f"{v} {c[v]}" for v in VERDICTS[1:] if c[v])
            print(f"{kind:7} P {c['ok'] / total:.3f}  ({c['ok']}/{total}; wrong: {wrong or 'none'})")
    return 0


def again(path: Path) -> int:
    """What the extractor predicts now over each sampled span: the same, another kind or
    extent, or nothing."""
    rows = _read_sample(path, ("id", "source", "start", "end", "kind", "name"))
    if rows is None:
        return 2
    texts = _texts()
    found: dict[str, list] = {}
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["id", "kind", "name", "verdict", "now"])
    for row in rows:
        source = row["source"]
        if source not in texts or not (row["start"] or "").isdigit() or not (row["end"] or "").isdigit():
            # a sample of another checkout's texts, or a hand-edited row: say which, no traceback
            print(f"row {row['id']}: no text {source!r} or no span {row['start']!r}-{row['end']!r}", file=sys.stderr)
            return 2
        if source not in found:
            found[source] = extract(texts[source], None).entities
        start, end = int(row["start"]), int(row["end"])
        over = [e for e in found[source] if e.start < end and start < e.end]
        same = [e for e in over if (e.start, e.end) == (start, end)]
        if len(same) == 1 and len(over) == 1 and same[0].kind == row["kind"]:
            now = "same"
        else:
            now = "; ".join(f"{texts[source][e.start:e.end]}/{e.kind}" for e in over) or "(none)"
        out.writerow([row["id"], row["kind"], row["name"], row.get("verdict", ""), now])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=320)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--org-share", type=float, default=0.5)
    parser.add_argument("--score", type=Path, help="a judged sample TSV: precision per kind")
    parser.add_argument("--again", type=Path, help="a sample TSV: the current prediction at each span")
    parser.add_argument("--after", action="store_true",
                        help="with --score: score the re-judged columns (kind_after, verdict_after)")
    args = parser.parse_args(argv)
    if args.n < 0 or not 0 <= args.org_share <= 1:
        print("--n must be 0 or more and --org-share between 0 and 1", file=sys.stderr)
        return 2
    for given in (args.score, args.again):
        if given is not None and not given.is_file():
            print(f"no such file: {given}", file=sys.stderr)
            return 2
    if args.score:  # (a judged sample is scored without the data)
        return score(args.score, args.after)
    if not ECB_ROOT.is_dir():
        print(f"no ECB+ dev data at {ECB_ROOT}", file=sys.stderr)
        return 2
    if args.again:
        return again(args.again)
    rows = unjudged(_texts())
    kinds = Counter(r["kind"] for r in rows)
    print(f"# {len(rows)} unjudged predictions: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
          file=sys.stderr)
    out = csv.DictWriter(sys.stdout, FIELDS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
    out.writeheader()
    for row in sample(rows, args.n, args.seed, args.org_share):
        out.writerow({**row, "verdict": "", "note": ""})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
