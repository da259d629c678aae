"""Score the entity and date extractor on the MEANTIME gold news (../shared/data/meantime).

Prints, per topic folder and overall: entity precision/recall/F1 per kind (person, org,
place) and together, on exact character spans; date detection F1 (exact span), value
accuracy on the detected gold dates, value F1 (span and value both right), and words/s.

Gold entities are the named mentions (syntactic type NAM / PRE.NAM) of PER, ORG and LOC.
MEANTIME's extents often include determiners, titles and appositions ("the United States",
"federal industry minister Ian MacDonald"); our spans follow the issue (names without titles),
so two figures are given: `strict` (gold extents as annotated) and `name` (gold extents
trimmed of leading lower-case words, determiners and titles, and of a dangling "( ACR").
MEANTIME annotates only the first sentences of each article (headline, date line and four
more): the extractor reads the whole body, but only spans in the annotated part are scored.
Gold dates are TIMEX3 of type DATE with a text in the body (DURATION, SET and TIME are not
dates); values are compared as strings. The extractor also marks durations ("the past nine
days", value P9D): those (values P9D, PT30M, PXY ...) are scored apart, against the gold
DURATIONs, and are not counted as dates.

Usage: python bench/eval_extract.py [--data DIR] [--tune airbus,apple] [--errors KIND]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.extract import extract  # noqa: E402
from newsreader.extract.resources import cues  # noqa: E402

KINDS = {"PER": "person", "ORG": "org", "LOC": "place"}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "'s", "’s", "'", "n't", "%", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$", "US$", "#"}


def load_meantime(root: Path):
    spec = importlib.util.spec_from_file_location("meantime_load", root / "load.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def build_text(xml_path: Path) -> tuple[str, dict[str, tuple[int, int]], int]:
    """The body (sentences 2+) as natural text, each token's character offsets, and where the
    annotated part ends (MEANTIME annotates only the first sentences of each article)."""
    root = ET.parse(xml_path).getroot()
    sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in root.findall("token")}
    last = max((sentence_of[a.get("t_id")] for m in root.find("Markables")
                for a in m.findall("token_anchor") if a.get("t_id") in sentence_of), default=0)
    annotated_end = 0
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev = None
    for tok in root.findall("token"):
        if int(tok.get("sentence")) < 2:
            continue
        word = tok.text or ""
        if prev is not None:
            sep = " "
            if word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or word == "-" or prev == "-":
                sep = ""
            parts.append(sep)
            pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        if int(tok.get("sentence")) <= last:
            annotated_end = pos
        prev = word
    return "".join(parts), offsets, annotated_end


def name_extent(words: list[str], ids: list[str]) -> list[str]:
    """Gold ids trimmed to the name. MEANTIME extents are noun phrases: the name keeps its
    own words but loses what the phrase wraps around it: a dangling "( ACR", an apposition
    or relative clause after a comma ("Changi Airport, the country's main airport"), a
    locative tail ("Moscone Center in San Francisco"), determiners, titles and lower-case
    pre-modifiers ("European airframer Airbus", "Ryanair CEO, Michael O' Leary"), a
    possessor ("Singapore's Changi Airport") and trailing common nouns ("Heathrow airport")."""
    c = cues()
    if "(" in words:
        cut = words.index("(")
        words, ids = words[:cut], ids[:cut]
    for k in range(1, len(words)):
        if words[k] in ("in", "near", "at", "located", "which", "who", "that", "where") or (
                words[k - 1] == "," and (not words[k][:1].isupper() or words[k] in ("The", "A"))):
            words, ids = words[:k], ids[:k]
            break

    def titleish(w: str) -> bool:
        return w.lower() in c.title_heads or w.lower() in c.title_modifiers

    # Keep what follows the last lower-case word, title, comma or possessive, when a
    # capitalised name does follow it.
    for k in range(len(words) - 2, -1, -1):
        w = words[k]
        # Only a title head cuts here: a modifier alone is part of the name ("Air Canada",
        # "Defense Ministry", "High Court"); runs of title words are trimmed below.
        if (w in (",", "'s", "'", "’s") or w.lower() in c.title_heads and words[k + 1][:1].isupper()
                or w[:1].islower() and w not in ("of", "and", "&", "de", "du", "van", "von", "bin", "al")):
            rest = words[k + 1:]
            if rest and rest[0][:1].isupper() and any(x[:1].isupper() for x in rest):
                words, ids = rest, ids[k + 1:]
            break
    while len(words) > 1 and (words[0].lower() in ("the", "a", "an") or not words[0][:1].isupper()):
        words, ids = words[1:], ids[1:]
    # Titles: a run of title words that ends in a head ("Prime Minister", "Lt. Gen."); a
    # modifier alone stays ("Air Canada", "Air Force" are names).
    heads = [k for k in range(len(words) - 1) if words[k].lower() in c.title_heads
             and all(titleish(w) for w in words[:k + 1])]
    if heads:
        words, ids = words[heads[-1] + 1:], ids[heads[-1] + 1:]
    while len(words) > 1 and (words[-1] in (",", ".", "'s", "-", "''", "``") or words[-1][:1].islower()):
        words, ids = words[:-1], ids[:-1]
    return ids


def iso_week(value: str) -> str:
    """MEANTIME numbers weeks from the Monday-to-Sunday week that holds 1 January (2006-03-28
    is in its "2006-W14"); the extractor writes ISO 8601 weeks (2006-W13). Gold week values
    are rewritten to ISO so that the same week compares equal."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})(.*)", value or "")
    if not m:
        return value
    jan1 = dt.date(int(m[1]), 1, 1)
    monday = jan1 - dt.timedelta(days=jan1.weekday()) + dt.timedelta(weeks=int(m[2]) - 1)
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}{m[3]}"


def is_duration(value: str | None) -> bool:
    """P9D, PT30M, PXY: a length of time (PAST_REF and PRESENT_REF are dates)."""
    return bool(value) and re.match(r"P(?:[0-9X]|T[0-9X])", value) is not None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve()
    default = here.parents[2] / "shared" / "data" / "meantime"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--variant", default="intra-doc_annotation")
    parser.add_argument("--tune", default="airbus,apple",
                        help="topic folders used for tuning (the others are held out)")
    parser.add_argument("--errors", default="", help="print errors: entity|date")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args(argv)
    if not (args.data / "load.py").exists():
        print(f"no MEANTIME data at {args.data}", file=sys.stderr)
        return 2
    loader = load_meantime(args.data)
    paths = sorted((args.data / args.variant).glob("corpus_*/*.xml"))
    tune = set(args.tune.split(","))

    # counts[(split, mode, kind)] = [tp, fp, fn]
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    date_counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn value_ok
    duration_counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    docs = []
    for path in paths:
        doc = loader.parse_doc(str(path))
        text, offsets, annotated_end = build_text(path)
        dct = None
        if not doc["dct"]:  # two articles have no DCT: their date line gives the date
            line = " ".join(t.text or "" for t in ET.parse(path).getroot().findall("token")
                            if t.get("sentence") == "1")
            try:
                dct = dt.datetime.strptime(line, "%B %d , %Y").date()
            except ValueError:
                pass
        elif doc["dct"]["value"]:
            raw = doc["dct"]["value"][:10]
            for fmt in ("%Y-%m-%d", "%d-%m-%Y"):  # a few DCTs are written day first
                try:
                    dct = dt.datetime.strptime(raw, fmt).date()
                    break
                except ValueError:
                    continue
        docs.append((doc, text, offsets, dct, annotated_end))

    words = sum(len(text.split()) for _, text, _, _, _ in docs)
    best = None
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        results = [extract(text, dct) for _, text, _, dct, _ in docs]
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)

    for (doc, text, offsets, dct, limit), result in zip(docs, results):
        split = "tune" if doc["corpus"] in tune else "held-out"
        for mode in ("strict", "name"):
            gold: set[tuple[int, int, str]] = set()
            for e in doc["entities"]:
                kind = KINDS.get(e["type"] or "")
                if kind is None or e["syntactic_type"] not in ("NAM", "PRE.NAM"):
                    continue
                ids = [i for i in e["t_ids"] if i in offsets]
                if not ids or len(ids) != len(e["t_ids"]):
                    continue
                if mode == "name":
                    ids = name_extent([text[offsets[i][0]:offsets[i][1]] for i in ids], ids)
                    if not ids:
                        continue
                gold.add((offsets[ids[0]][0], offsets[ids[-1]][1], kind))
            pred = {(e.start, e.end, e.kind) for e in result.entities if e.end <= limit}
            for kind in ("person", "org", "place"):
                g = {x for x in gold if x[2] == kind}
                p = {x for x in pred if x[2] == kind}
                for key in ((split, mode, kind), ("all", mode, kind)):
                    c = counts[key]
                    c[0] += len(g & p)
                    c[1] += len(p - g)
                    c[2] += len(g - p)
            if args.errors == "entity" and mode == "name" and split == "tune":
                for x in sorted(pred - gold):
                    print("FP", doc["corpus"], repr(text[x[0]:x[1]]), x[2],
                          "| gold:", [text[g[0]:g[1]] + "/" + g[2] for g in gold if g[0] < x[1] and x[0] < g[1]])
                for x in sorted(gold - pred):
                    print("FN", doc["corpus"], repr(text[x[0]:x[1]]), x[2],
                          "| ctx:", repr(text[max(0, x[0] - 30):x[1] + 20]))
        gold_dates: dict[tuple[int, int], str] = {}
        gold_durations: dict[tuple[int, int], str] = {}
        for t in doc["timex"]:
            if t["type"] not in ("DATE", "DURATION") or not t["t_ids"] or not all(i in offsets for i in t["t_ids"]):
                continue
            gold = gold_dates if t["type"] == "DATE" else gold_durations
            gold[(offsets[t["t_ids"][0]][0], offsets[t["t_ids"][-1]][1])] = iso_week(t["value"])
        pred_all = {(d.start, d.end): d.value for d in result.dates if d.end <= limit}
        pred_dates = {k: v for k, v in pred_all.items() if not is_duration(v)}
        pred_durations = {k: v for k, v in pred_all.items() if is_duration(v)}
        for counter, g, p in ((date_counts, gold_dates, pred_dates),
                              (duration_counts, gold_durations, pred_durations)):
            for key in ((split,), ("all",)):
                c = counter[key]
                hit = set(g) & set(p)
                c[0] += len(hit)
                c[1] += len(set(p) - set(g))
                c[2] += len(set(g) - set(p))
                c[3] += sum(1 for k in hit if p[k] == g[k])
        if args.errors == "date" and split == "tune":
            for k in sorted(set(pred_dates) | set(gold_dates)):
                if pred_dates.get(k, "<none>") != gold_dates.get(k, "<none>"):
                    print("DATE", doc["dct"]["value"] if doc["dct"] else None, repr(text[k[0]:k[1]]),
                          "pred", pred_dates.get(k, "-"), "gold", gold_dates.get(k, "-"),
                          "| ctx:", repr(text[max(0, k[0] - 25):k[1] + 10]))

    print(f"MEANTIME {args.variant}: {len(docs)} docs, {words} words; tuned on {sorted(tune)}")
    print(f"{'split':9} {'extent':7} {'kind':7} {'P':>6} {'R':>6} {'F1':>6}  (tp/fp/fn)")
    for split in ("tune", "held-out", "all"):
        for mode in ("strict", "name"):
            tot = [0, 0, 0]
            for kind in ("person", "org", "place"):
                c = counts[(split, mode, kind)]
                tot = [a + b for a, b in zip(tot, c)]
                if split == "all" or kind == "person":
                    pass
                p, r, f = prf(*c)
                print(f"{split:9} {mode:7} {kind:7} {p:6.3f} {r:6.3f} {f:6.3f}  ({c[0]}/{c[1]}/{c[2]})")
            p, r, f = prf(*tot)
            print(f"{split:9} {mode:7} {'ALL':7} {p:6.3f} {r:6.3f} {f:6.3f}  ({tot[0]}/{tot[1]}/{tot[2]})")
    print()
    for split in ("tune", "held-out", "all"):
        tp, fp, fn, ok = date_counts[(split,)]
        p, r, f = prf(tp, fp, fn)
        vp, vr, vf = prf(ok, fp + (tp - ok), fn + (tp - ok))
        acc = ok / tp if tp else 0.0
        print(f"dates {split:9} detection P {p:.3f} R {r:.3f} F1 {f:.3f} | value accuracy {acc:.3f} "
              f"| value F1 {vf:.3f}  ({tp} found, {fp} spurious, {fn} missed)")
    for split in ("tune", "held-out", "all"):
        tp, fp, fn, ok = duration_counts[(split,)]
        p, r, f = prf(tp, fp, fn)
        vp, vr, vf = prf(ok, fp + (tp - ok), fn + (tp - ok))
        print(f"durations {split:9} detection P {p:.3f} R {r:.3f} F1 {f:.3f} | value F1 {vf:.3f}  "
              f"({tp} found, {fp} spurious, {fn} missed)")
    print(f"\nspeed: {words / best:,.0f} words/s ({words} words in {best:.3f} s, best of {args.repeat}; "
          "gazetteer load excluded after the first run)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
