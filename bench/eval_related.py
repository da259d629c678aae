"""Score related-story ranking on ECB+ (../shared/data/ecbplus_dev) and time it on a big index.

Each ECB+ topic holds two different real events of the same kind (`<t>_<n>ecb.xml` = event
A, `<t>_<n>ecbplus.xml` = event B). Every document becomes an Article, the whole set is
indexed through the real Indexer (entities and dates extracted as for any corpus), and for
every document we rank ALL other documents (the realistic setting, not just its topic). A
result is relevant when it reports the same event (same subtopic). Printed per method:
precision at 1 and at 3, mean average precision (AP over the top 50, divided by the number of
relevant documents), on the tuning topics, the held-out topics and all topics, and the
precision and recall of the "same event" label over the first 10 stories listed. Plain
Whoosh more-like-this (25 key terms over the body) is always run beside ours.

Documents are made realistic the way the page parser would see them: the URL line that
starts ecbplus files is dropped (it spells out the event), the headline becomes the title,
and a parseable date line becomes the article date. ECB documents have no headline or date:
their first sentence is used as the title and they stay undated (so a date match only ever
adds evidence; absence of a date never counts against a candidate).

Latency: `--big-index DIR` (an index folder: articles.sqlite3 + whoosh/) times
`related_stories` on random articles of an already built large index; `--latency-build N`
builds an N-article synthetic index with bench/gen_corpus.py first.

Usage: python bench/eval_related.py [--data DIR] [--index DIR] [--tune odd|even] [--errors]
                                    [--big-index DIR | --latency-build N] [--latency-n 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsreader.config import Config  # noqa: E402
from newsreader.corpus.loader import iter_page_files, read_page_file  # noqa: E402
from newsreader.corpus.model import Article  # noqa: E402
from newsreader.errors import UserError  # noqa: E402
from newsreader.search.indexer import PageSource  # noqa: E402
from newsreader.search.library import Library  # noqa: E402
from newsreader.search.related import RelatedFinder, Weights  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ecbplus_dev"
TOP = 50

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "'s", "n't", "%", "'re", "'ve", "'ll", "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "[", "$", "#"}


def load_module(data: Path) -> Any:
    spec = importlib.util.spec_from_file_location("ecbplus_load", data / "load.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def detok(tokens: list[str]) -> str:
    """Pre-tokenised text back to ordinary spacing, so the extractor sees normal prose."""
    out: list[str] = []
    glue = True
    for tok in tokens:
        if out and not glue and tok not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(tok)
        glue = tok in NO_SPACE_AFTER
    return "".join(out)


warnings.filterwarnings("ignore", module="dateutil")


def parse_dateline(line: str) -> dt.date | None:
    """The article date from an ecbplus date line ("May . 3 , 2013 11 : 45 AM PDT")."""
    from newsreader.extract import extract

    text = re.sub(r"\s*([,.:/])\s*", r"\1 ", line).replace(" / ", "/")
    for span in extract(text).dates:
        if span.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", span.value):
            return dt.date.fromisoformat(span.value)
    try:
        from dateutil import parser as dparser  # optional; only the bench uses it

        compact = re.sub(r"\s+([/:])\s+", r"\1", line)
        if not re.search(r"\b(19|20)\d{2}\b|\d+/\d+/\d+", compact):
            return None
        day = dparser.parse(compact, fuzzy=True, default=dt.datetime(1900, 1, 1)).date()
    except Exception:
        return None
    if day.year == 1900 or (day.month == 1 and day.day == 1 and not re.search(r"jan|\b0?1/0?1\b", compact, re.I)):
        return None  # only a year (or nothing) was found: the default filled in the rest
    return day


def to_article(doc: dict[str, Any]) -> Article:
    sents = [s for s in doc["sentences"] if s]
    if sents and sents[0][0].lower().startswith("http"):
        sents = sents[1:]
    title = detok(sents[0]) if sents else doc["file"]
    rest = sents[1:]
    date = None
    if doc["subtopic"].endswith("b") and rest:
        date = parse_dateline(" ".join(rest[0]))
        if date is not None:
            rest = rest[1:]
    if not doc["subtopic"].endswith("b"):
        rest = sents  # no headline in ECB: the title is the lead sentence, kept in the body
    body = [detok(s) for s in rest]
    from newsreader.corpus.model import article_id

    return Article(id=article_id(doc["file"], title), title=title, file=doc["file"], date=date,
                   body=body)


def build_index(docs: list[dict[str, Any]], folder: Path) -> tuple[Library, dict[str, dict[str, Any]]]:
    """Index the documents (one JSON page each) with the real Indexer; id -> doc."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    by_id: dict[str, dict[str, Any]] = {}
    articles: dict[str, Article] = {}
    for d in docs:
        a = to_article(d)
        articles[d["file"]] = a
        by_id[a.id] = d
        path = corpus / (d["file"] + ".txt")
        payload = json.dumps(a.to_dict(), ensure_ascii=False)
        if not path.exists() or path.read_text(encoding="utf-8") != payload:
            path.write_text(payload, encoding="utf-8")

    def parse(text: str, file: str) -> list[Article]:
        return [Article.from_dict(json.loads(text))]

    library = Library(folder / "index", corpus, Config())
    t0 = time.monotonic()
    source = PageSource(iter_page_files, read_page_file, parse)
    try:
        stats = library.update(source=source)
    except UserError as exc:  # an index kept from an older schema: build it again
        print(f"rebuilding: {exc.message}", file=sys.stderr)
        stats = library.update(source=source, rebuild=True)
    if stats.articles_added:
        print(f"indexed {stats.articles_added} documents in {time.monotonic() - t0:.1f} s", file=sys.stderr)
    return library, by_id


# --- scoring ----------------------------------------------------------------------------------


def average_precision(ranked: list[bool], n_relevant: int) -> float:
    hits, total = 0, 0.0
    for i, rel in enumerate(ranked, 1):
        if rel:
            hits += 1
            total += hits / i
    return total / n_relevant if n_relevant else 0.0


def evaluate(rank: Callable[[str], list[str]], by_id: dict[str, dict[str, Any]],
             topics: set[int]) -> dict[str, float]:
    sub_size: dict[str, int] = defaultdict(int)
    for d in by_id.values():
        sub_size[d["subtopic"]] += 1
    p1, p3, aps = [], [], []
    for qid, d in by_id.items():
        if d["topic"] not in topics:
            continue
        ranked = [by_id[r]["subtopic"] == d["subtopic"] for r in rank(qid) if r != qid and r in by_id][:TOP]
        p1.append(float(ranked[:1] == [True]))
        p3.append(sum(ranked[:3]) / 3)
        aps.append(average_precision(ranked, sub_size[d["subtopic"]] - 1))
    n = len(p1) or 1
    return {"P@1": sum(p1) / n, "P@3": sum(p3) / n, "MAP": sum(aps) / n, "n": len(p1)}


def plain_mlt(library: Library) -> Callable[[str], list[str]]:
    """The baseline: Whoosh more-like-this, 25 Bo1 key terms of the body, body field."""

    def rank(article_id: str) -> list[str]:
        stored = library.get(article_id)
        assert stored is not None
        searcher = library.searcher()
        docnum = searcher.document_number(id=article_id)
        results = searcher.more_like(docnum, "body", text=stored.article.text or stored.article.title,
                                     top=TOP, numterms=25)
        return [hit["id"] for hit in results]

    return rank


def ours(library: Library, weights: Weights | None = None) -> Callable[[str], list[str]]:
    finder = RelatedFinder(library, weights or Weights())

    def rank(article_id: str) -> list[str]:
        out: list[str] = []
        for story in finder.related(article_id, limit=TOP):
            # A grouped story counts as its copies too: they are the same event's documents.
            out.append(story.id)
            out.extend(story.copies)
        return out

    return rank


def grid(library: Library, by_id: dict[str, dict[str, Any]], tune: set[int], held: set[int],
         base: Weights) -> None:
    """Tune the evidence weights on the tuning topics from features computed once; print the
    best few settings with their held-out figures beside them (for honesty, not selection)."""
    import dataclasses
    import itertools

    finder = RelatedFinder(library, base)
    cands = {qid: [(c.profile.id, c.features) for c in finder.candidates(qid)] for qid in by_id}

    def ranker(w: Weights) -> Callable[[str], list[str]]:
        f = RelatedFinder(library, w)
        return lambda qid: [i for _, i in sorted(((-f.combine(x), i) for i, x in cands[qid]))]

    rows = []
    for ent, date, far in itertools.product((0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0), (0, 0.25, 0.5, 1.0),
                                            (0, 0.25, 0.5, 1.0)):
        w = dataclasses.replace(base, entity=ent, date=date, date_far=far)
        t = evaluate(ranker(w), by_id, tune)
        rows.append((t["P@1"] + t["P@3"] + t["MAP"], ent, date, far, t, w))
    rows.sort(key=lambda r: -r[0])
    for _, ent, date, far, t, w in rows[:12]:
        h = evaluate(ranker(w), by_id, held)
        print(f"  entity {ent:<4} date {date:<4} far {far:<4}  tune {t['P@1']:.3f}/{t['P@3']:.3f}/{t['MAP']:.3f}"
              f"  held-out {h['P@1']:.3f}/{h['P@3']:.3f}/{h['MAP']:.3f}")
    # Same-event threshold: best accuracy of the flag over the top 10 on the tuning topics.
    f = RelatedFinder(library, base)

    def flag_pairs(topics: set[int]) -> list[tuple[float, bool]]:
        pairs = []
        for qid, items in cands.items():
            if by_id[qid]["topic"] in topics:
                ranked = sorted(((f.combine(x), i) for i, x in items), reverse=True)[:10]
                pairs += [(sc, by_id[i]["subtopic"] == by_id[qid]["subtopic"]) for sc, i in ranked]
        return pairs

    tune_pairs, held_pairs = flag_pairs(tune), flag_pairs(held)

    def accuracy(pairs: list[tuple[float, bool]], th: float) -> float:
        return sum((sc >= th) == rel for sc, rel in pairs) / len(pairs)

    best = max((accuracy(tune_pairs, th), th) for th in [x / 40 for x in range(4, 41)])
    print(f"  same-event threshold {best[1]:.3f}: flag accuracy over the top 10 {best[0]:.3f} (tuning), "
          f"{accuracy(held_pairs, best[1]):.3f} (held-out)")
    for th in (0.2, 0.25, 0.3, 0.35, 0.4):
        print(f"    at {th:.2f}: {accuracy(tune_pairs, th):.3f} / {accuracy(held_pairs, th):.3f}")


def label_scores(library: Library, by_id: dict[str, dict[str, Any]], topics: set[int],
                 weights: Weights | None = None, top: int = 10) -> dict[str, float]:
    """The "same event" label over the stories a reader is shown (the first `top`, copies
    counted as their story): precision = labelled stories that are the same event (subtopic),
    recall = same-event stories shown that carry the label."""
    finder = RelatedFinder(library, weights or Weights())
    tp = fp = fn = 0
    for qid, d in by_id.items():
        if d["topic"] not in topics:
            continue
        for story in finder.related(qid, limit=top):
            for sid in [story.id, *story.copies]:
                if sid == qid or sid not in by_id:
                    continue
                same = by_id[sid]["subtopic"] == d["subtopic"]
                tp += same and story.same_event
                fp += (not same) and story.same_event
                fn += same and not story.same_event
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"P": prec, "R": rec, "F1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "labelled": tp + fp, "same": tp + fn}


def report(name: str, scores: dict[str, float]) -> str:
    return f"  {name:<22} P@1 {scores['P@1']:.3f}  P@3 {scores['P@3']:.3f}  MAP {scores['MAP']:.3f}  (n={scores['n']})"


# --- latency -----------------------------------------------------------------------------------


def latency(folder: Path, n: int, seed: int = 7) -> None:
    corpus = folder / "corpus"
    library = Library(folder, corpus, Config())
    store = library.store()
    total = store.count()
    ids = [r[0] for r in store.connection().execute("SELECT id FROM articles")]
    rng = random.Random(seed)
    sample = rng.sample(ids, min(n, len(ids)))
    finder = RelatedFinder(library)
    t0 = time.perf_counter()
    finder.related(sample[0], limit=10)  # the first call pays for opening the searcher
    first = time.perf_counter() - t0
    times, cpu = [], []
    for aid in sample:
        t0, c0 = time.perf_counter(), time.process_time()
        finder.related(aid, limit=10)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    cpu95 = cpu[int(len(cpu) * 0.95) - 1]
    try:
        load = ", load average %.1f" % os.getloadavg()[0]
    except OSError:
        load = ""
    print(f"latency on {total:,} articles ({folder}): related_stories limit 10, {len(times)} random "
          f"articles: wall median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms; "
          f"CPU median {statistics.median(cpu):.1f} ms, p95 {cpu95:.1f} ms; "
          f"first call (opens the searcher) {first * 1000:.0f} ms{load}")
    library.close()


def build_synthetic(n: int, folder: Path) -> Path:
    import subprocess

    corpus = folder / "corpus"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "--articles", str(n),
                        "--out", str(corpus)], check=True)
    library = Library(folder, corpus, Config())
    t0 = time.monotonic()
    stats = library.update()
    print(f"synthetic index: {stats.articles_total} articles ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    library.close()
    return folder


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--index", type=Path, help="keep the ECB+ index here (reused when present)")
    ap.add_argument("--tune", choices=("odd", "even"), default="odd", help="topics used for tuning")
    ap.add_argument("--weights", help="JSON of Weights fields to override")
    ap.add_argument("--big-index", type=Path, help="an index folder to time related_stories on")
    ap.add_argument("--latency-build", type=int, metavar="N", help="build an N-article synthetic index to time")
    ap.add_argument("--latency-dir", type=Path, default=ROOT / "bench" / "related-latency")
    ap.add_argument("--latency-n", type=int, default=200)
    ap.add_argument("--no-eval", action="store_true")
    ap.add_argument("--grid", action="store_true", help="tune the evidence weights on the tuning topics")
    ap.add_argument("--errors", action="store_true", help="list held-out queries whose top result is wrong")
    args = ap.parse_args()

    if not args.no_eval:
        if not (args.data / "load.py").exists():
            print(f"no ECB+ data at {args.data}", file=sys.stderr)
            return 2
        docs = load_module(args.data).load()
        folder = args.index or Path(tempfile.mkdtemp(prefix="ecbplus-related-"))
        library, by_id = build_index(docs, folder)
        topics = sorted({d["topic"] for d in docs})
        tune = {t for t in topics if (t % 2 == 1) == (args.tune == "odd")}
        held = set(topics) - tune
        weights = Weights(**json.loads(args.weights)) if args.weights else Weights()
        if args.grid:
            grid(library, by_id, tune, held, weights)
            return 0
        methods = {"plain more-like-this": plain_mlt(library), "ours (related_stories)": ours(library, weights)}
        print(f"ECB+ {len(by_id)} documents, {len(topics)} topics; ranking over all documents, top {TOP}")
        for label, subset in (("tuning topics", tune), ("held-out topics", held), ("all topics", set(topics))):
            print(f"{label} ({', '.join(map(str, sorted(subset)))}):")
            for name, rank in methods.items():
                print(report(name, evaluate(rank, by_id, subset)))
            lab = label_scores(library, by_id, subset, weights)
            print(f"  same-event label, top 10  P {lab['P']:.3f}  R {lab['R']:.3f}  F1 {lab['F1']:.3f}"
                  f"  ({lab['labelled']} labelled, {lab['same']} same-event shown)")
        if args.errors:
            rank = methods["ours (related_stories)"]
            for qid, d in by_id.items():
                if d["topic"] in held:
                    r = [x for x in rank(qid) if x != qid]
                    if r and by_id[r[0]]["subtopic"] != d["subtopic"]:
                        print(f"  {d['file']} -> {by_id[r[0]]['file']}")
        library.close()
    if args.latency_build:
        args.big_index = build_synthetic(args.latency_build, args.latency_dir)
    if args.big_index:
        latency(args.big_index, args.latency_n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
