"""Draw samples of the date extractor's output on text its rules were not built from, for
judging by hand.

The scored sets (MEANTIME, the dates challenge set, ECB+ dev's annotated dates) were read
while the rules were written, so their figures over-state unseen news. This script samples
what no one has looked at: ECB+ dev dates that overlap no date markable (sentences ECB+ did
not annotate, and annotated sentences where the date is no event's time), and the synthetic
bench corpus (word salad around template page furniture: it only shows false alarms on
random words, so it gets a small share of the sample).

    python bench/audit_dates.py precision [--n 300] [--corpus-n 30] [--seed 2611] [--dated]
    python bench/audit_dates.py recall [--n 200] [--seed 2611]
    python bench/audit_dates.py again FILE.tsv
    python bench/audit_dates.py values [--n 150] [--seed 2611]

`precision` prints one row per sampled date span: id, source, document, article date, span,
value and the sentence with the span in [brackets]; add a judgment column by hand. `recall`
prints sentences holding a date-like cue (month or weekday names, year-like numbers, ago/last/
next/week/month/year/quarter/season/holiday words) with every date found in them, so that
what was missed can be judged. `again` reads a judged file and prints what the extractor finds
now in each sampled sentence, to judge the same sample after a change. `values` is the value
audit ECB+'s scoring cannot do (its dates have spans, no values): over the dated documents, each
ECB+ date markable (TIME_DATE) with the predicted date paired to it by overlap (TE3 relaxed,
`relaxed_match`), its value and sentence; the document's own date line is left out (its value is
the date the document was given). A markable no date overlaps is a row with no value (missed).

ECB+ documents are dated by the first full date in their first three lines (the page's date
line), as a reader would date the page; documents with none are undated (relative dates then
have no value and only their span is judged). Corpus pages are dated by the page parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from eval_extract import build_ecb_text, is_duration, relaxed_match  # also puts the repo on sys.path
from newsreader.corpus.parser import parse_page
from newsreader.extract.dates import find_dates

HERE = Path(__file__).resolve().parent
ECB = HERE.parents[1] / "shared" / "data" / "ecbplus_dev" / "ECB+"
CORPUS = HERE / "corpus-10k"
#: Words that make a sentence worth a look for missed dates.
CUE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|(?:1[89]|20)\d\d|\d\d?[-/]\d\d?[-/]\d\d+|ago|last|next|earlier|later|"
    r"(?i:week|month|year|quarter|decade|season|century|spring|summer|autumn|fall|winter|"
    r"weekend|today|tonight|tomorrow|yesterday|night|morning|afternoon|evening|holiday|"
    r"christmas|easter|thanksgiving|new year|eve|recently|currently|now|former|previous))s?\b")
DATE_LINE_AFTER = re.compile(r",?\s*(?:[0-9]|\||\n|\Z)")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[A-Z\"“‘(])|\n+")


@dataclass
class Sentence:
    source: str  # "ecb" or "corpus"
    doc: str
    date: dt.date | None
    start: int
    end: int
    text: str  # the whole document (offsets refer to it)
    dates_touch_markable: list[tuple[int, int]]  # ECB+ date markables (scored: not sampled)


def _date_line(text: str) -> dt.date | None:
    """The first full date in the first three lines that stands as a date line does: on a
    short line, or followed by a clock time, a "|" or the line's end (not "born on April 22,
    1923, in Nashville" in a lead run into the headline)."""
    found = _date_line_match(text)
    return dt.date.fromisoformat(found.value) if found is not None else None


def _date_line_match(text: str):
    """The date `_date_line` reads, as find_dates gives it (None when there is none)."""
    head = "\n".join(text.split("\n")[:3])
    for d in find_dates(head, None):
        if d.value and re.fullmatch(r"\d{4}-\d\d-\d\d", d.value):
            line_start, line_end = head.rfind("\n", 0, d.start) + 1, (head + "\n").find("\n", d.end)
            if line_end - line_start < 100 or DATE_LINE_AFTER.match(head, d.end):
                return d
    return None


def _ecb_sentences() -> list[Sentence]:
    """Every ECB+ dev sentence, with its document's date line date and date markables."""
    import xml.etree.ElementTree as ET

    out: list[Sentence] = []
    for path in sorted(ECB.glob("*/*.xml")):
        text, offsets, sentence_of, _ = build_ecb_text(path)
        date = _date_line(text)
        marks: list[tuple[int, int]] = []
        for m in ET.parse(path).getroot().find("Markables"):
            ids = [a.get("t_id") for a in m.findall("token_anchor") if a.get("t_id") in offsets]
            if ids and m.tag == "TIME_DATE":
                marks.append((offsets[ids[0]][0], offsets[ids[-1]][1]))
        bounds: dict[int, list[int]] = {}
        for tid, (a, b) in offsets.items():
            lo_hi = bounds.setdefault(sentence_of[tid], [a, b])
            lo_hi[0], lo_hi[1] = min(lo_hi[0], a), max(lo_hi[1], b)
        for _, (a, b) in sorted(bounds.items()):
            out.append(Sentence("ecb", path.name, date, a, b, text, marks))
    return out


def _corpus_sentences(rng: random.Random, pages: int) -> list[Sentence]:
    """Sentences of `pages` random pages of the synthetic corpus, dated by the page parser."""
    files = sorted(CORPUS.glob("*/*.txt"))
    out: list[Sentence] = []
    for path in rng.sample(files, min(pages, len(files))):
        for art in parse_page(path.read_text(encoding="utf-8"), path.name).articles:
            text = art.text
            pos = 0
            for piece in SENTENCE_END.split(text):
                at = text.find(piece, pos)
                if piece.strip():
                    out.append(Sentence("corpus", f"{path.parent.name}/{path.name}", art.date, at, at + len(piece),
                                        text, []))
                pos = at + len(piece)
    return out


def _dates_in(s: Sentence, cache: dict) -> list:
    key = (s.doc, s.date, s.text)  # a corpus page holds several articles
    if key not in cache:
        cache[key] = find_dates(s.text, s.date)
    return [d for d in cache[key] if s.start <= d.start and d.end <= s.end]


def _show(s: Sentence, spans: list[tuple[int, int]]) -> str:
    """The sentence with each span in [brackets], on one line."""
    out, pos = [], s.start
    for a, b in sorted(spans):
        out += [s.text[pos:a], "[", s.text[a:b], "]"]
        pos = b
    out.append(s.text[pos:s.end])
    return " ".join("".join(out).split())


def precision(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    cache: dict = {}
    pools: dict[str, list[tuple[Sentence, object]]] = {"ecb": [], "corpus": []}
    for s in _ecb_sentences() + _corpus_sentences(rng, 200):
        for d in _dates_in(s, cache):
            if is_duration(d.value) or any(a < d.end and d.start < b for a, b in s.dates_touch_markable):
                continue  # durations are scored apart; a date on a date markable was scored
            if s.date is not None or not args.dated:
                pools[s.source].append((s, d))
    print(f"# pools: ecb {len(pools['ecb'])} dates, corpus {len(pools['corpus'])} dates (seed {args.seed})")
    print("id\tsource\tdoc\tarticle_date\tstart\tend\tspan\tvalue\tsentence\tjudgment\tnote")
    picked = rng.sample(pools["ecb"], min(args.n, len(pools["ecb"]))) + \
        rng.sample(pools["corpus"], min(args.corpus_n, len(pools["corpus"])))
    for k, (s, d) in enumerate(picked, 1):
        print(f"{k}\t{s.source}\t{s.doc}\t{s.date or ''}\t{d.start}\t{d.end}\t{d.text}\t{d.value}\t"
              f"{_show(s, [(d.start, d.end)])}\t\t")


def recall(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed + 1)
    cache: dict = {}
    pool = [s for s in _ecb_sentences() + _corpus_sentences(rng, 100)
            if CUE.search(s.text, s.start, s.end)]
    ecb = [s for s in pool if s.source == "ecb"]
    corpus = [s for s in pool if s.source == "corpus"]
    picked = rng.sample(ecb, min(args.n, len(ecb))) + rng.sample(corpus, min(args.corpus_n, len(corpus)))
    print(f"# pools: ecb {len(ecb)} sentences with a cue, corpus {len(corpus)} (seed {args.seed})")
    print("id\tsource\tdoc\tarticle_date\tstart\tend\tfound\tsentence\tmissed\tnote")
    for k, s in enumerate(picked, 1):
        found = _dates_in(s, cache)
        print(f"{k}\t{s.source}\t{s.doc}\t{s.date or ''}\t{s.start}\t{s.end}\t"
              + " | ".join(f"{d.text}={d.value}" for d in found)
              + f"\t{_show(s, [(d.start, d.end) for d in found])}\t\t")


def again(args: argparse.Namespace) -> int:
    """What the extractor finds now over each sampled span's place, beside the old row. A
    hand-edited or foreign sample (a row of no ECB+ dev document, a date or span that is no
    number) is one line and exit 2."""
    try:
        lines = Path(args.file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        print(f"{args.file}: cannot read a sample TSV ({e.__class__.__name__})", file=sys.stderr)
        return 2
    by_doc: dict[str, Sentence] = {}
    for s in _ecb_sentences():
        by_doc.setdefault(s.doc, s)
    cache: dict[str, list] = {}
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or cols[0] == "id" or len(cols) < 8:
            continue
        if cols[1] != "ecb":
            print(line + "\t(corpus rows: rerun `precision` with the same seed)")
            continue
        try:
            s = by_doc[cols[2]]
            date = dt.date.fromisoformat(cols[3]) if cols[3] else None
            a, b = int(cols[4]), int(cols[5])
        except (KeyError, ValueError):
            print(f"row {cols[0]}: no ECB+ dev document {cols[2]!r}, or no date {cols[3]!r} or span "
                  f"{cols[4]!r}-{cols[5]!r}", file=sys.stderr)
            return 2
        if cols[2] not in cache:
            cache[cols[2]] = find_dates(s.text, date)
        now = [d for d in cache[cols[2]] if d.start < b and a < d.end]
        same = len(now) == 1 and (now[0].start, now[0].end, now[0].value) == (a, b, None if cols[7] == "None" else cols[7])
        print("\t".join(cols[:8]) + "\t" + ("same" if same else "NOW " + (" | ".join(
            f"{d.text}={d.value}" for d in now) or "nothing")))
    return 0


def values(args: argparse.Namespace) -> None:
    """A seeded sample of ECB+ date markables with the value our dates give them (see the module
    docstring), for judging values by hand."""
    rng = random.Random(args.seed)
    pool: list[tuple[Sentence, tuple[int, int], object]] = []
    dated = 0
    by_doc: dict[str, list[Sentence]] = {}
    for s in _ecb_sentences():
        by_doc.setdefault(s.doc, []).append(s)
    for doc, sentences in by_doc.items():
        first = sentences[0]
        if first.date is None:
            continue
        dated += 1
        text = first.text
        found = [d for d in find_dates(text, first.date) if not is_duration(d.value)]
        line = _date_line_match(text)
        gold = [(a, b) for a, b in sorted(set(first.dates_touch_markable))
                if not (line is not None and line.start < b and a < line.end)]  # the date line itself
        pairs = dict(relaxed_match(gold, [(d.start, d.end) for d in found]))
        at = {(d.start, d.end): d for d in found}
        for g in gold:
            s = next(x for x in sentences if x.start <= g[0] < x.end + 1)
            pool.append((s, g, at.get(pairs.get(g))))
    print(f"# {len(pool)} date markables in {dated} dated documents; seed {args.seed}")
    print("id\tdoc\tarticle_date\tstart\tend\tgold\tspan\tvalue\tsentence\tjudgment\tnote")
    for k, (s, g, d) in enumerate(rng.sample(pool, min(args.n, len(pool))), 1):
        spans = [g] if d is None else [(d.start, d.end)]
        print(f"{k}\t{s.doc}\t{s.date}\t{g[0]}\t{g[1]}\t{' '.join(s.text[g[0]:g[1]].split())}\t"
              f"{d.text if d else ''}\t{d.value if d else ''}\t{_show(s, spans)}\t\t")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    for name in ("precision", "recall"):
        p = sub.add_parser(name)
        p.add_argument("--n", type=int, default=300 if name == "precision" else 200)
        p.add_argument("--corpus-n", type=int, default=30 if name == "precision" else 0)
        p.add_argument("--seed", type=int, default=2611)
        p.add_argument("--dated", action="store_true", help="only articles with a date line (values can be judged)")
    p = sub.add_parser("values")
    p.add_argument("--n", type=int, default=150)
    p.add_argument("--seed", type=int, default=2611)
    p = sub.add_parser("again")
    p.add_argument("file")
    args = parser.parse_args(argv)
    if args.mode != "again" and (args.n < 0 or getattr(args, "corpus_n", 0) < 0):
        print("--n and --corpus-n must be 0 or more", file=sys.stderr)
        return 2
    if not ECB.is_dir():
        print(f"no ECB+ data at {ECB}", file=sys.stderr)
        return 2
    if args.mode == "again":
        return again(args)
    {"precision": precision, "recall": recall, "values": values}[args.mode](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
