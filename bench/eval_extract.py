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
dates); values are compared as strings. MEANTIME types a day's part either way ("this morning"
DATE 2008-01-09TMO, "Friday morning" TIME 2010-07-16TMO): a TIME whose value is a day and a part of
it (no clock) is scored as a date too (`--strict-types` scores DATE alone, as before 2026-11).
The extractor also marks durations ("the past nine
days", value P9D): those (values P9D, PT30M, PXY ...) are scored apart, against the gold
DURATIONs, and are not counted as dates.

Each date and duration line is followed by a `relaxed` one, TempEval-3's measure (UzZaman et
al. 2013, SemEval-2013 Task 1; its scorer TE3-evaluation): detection counts a predicted and a
gold timex as matched when their extents overlap ("Sunday" for the gold "Sunday morning"), one
to one, and the value is judged on those matches: value F1 has precision = right values / all
predicted and recall = right values / all gold (the strict value F1 is the same formula on exact
spans). `relaxed_match` says how overlaps are paired. The strict lines stay the first figures.

`--data ecbplus` scores entity spans and date detection on ECB+ instead (a second tuning
set: 462 news articles from many outlets and years; conventions at `run_ecbplus`).

Usage: python bench/eval_extract.py [--data DIR|ecbplus] [--tune airbus,apple] [--errors KIND] [--strict-types]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.extract import extract  # noqa: E402
from newsreader.extract.resources import cues, gazetteer  # noqa: E402

KINDS = {"PER": "person", "ORG": "org", "LOC": "place"}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "'s", "’s", "'", "n't", "%", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$", "US$", "#"}
#: "O'" or "D'" split off a name by the tokenizer ("Michael O' Leary"): the page had "O'Leary".
NAME_APOSTROPHE = re.compile(r"[OD]['’]")
#: A TIME value naming a day and a part of it: MEANTIME types these DATE or TIME.
PART_OF_DAY = re.compile(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI|DT)")


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
            if word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or word == "-" or prev == "-" \
                    or NAME_APOSTROPHE.fullmatch(prev):
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


def name_extent(words: list[str], ids: list[str], person: bool = True) -> list[str]:
    """Gold ids trimmed to the name. MEANTIME extents are noun phrases: the name keeps its
    own words but loses what the phrase wraps around it: a dangling "( ACR", an apposition
    or relative clause after a comma ("Changi Airport, the country's main airport"), a
    locative tail ("Moscone Center in San Francisco"), determiners, titles and lower-case
    pre-modifiers ("European airframer Airbus", "Ryanair CEO, Michael O' Leary"), a
    possessor ("Singapore's Changi Airport") and trailing common nouns ("Heathrow airport").
    Titles mark people only (`person`): an organisation's or place's leading title word is its
    name's own ("General Motors", "General Electric", "General Santos")."""
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
        if (w in (",", "'s", "'", "’s") or person and w.lower() in c.title_heads and words[k + 1][:1].isupper()
                or w[:1].islower() and w not in ("of", "and", "&", "de", "du", "van", "von", "bin", "al")):
            rest = words[k + 1:]
            if rest and rest[0][:1].isupper() and any(x[:1].isupper() for x in rest):
                words, ids = rest, ids[k + 1:]
            break
    while len(words) > 1 and (words[0].lower() in ("the", "a", "an") or not words[0][:1].isupper()):
        words, ids = words[1:], ids[1:]
    # Titles: a run of title words that ends in a head ("Prime Minister", "Lt. Gen."); a
    # modifier alone stays ("Air Canada", "Air Force" are names).
    heads = [k for k in range(len(words) - 1) if person and words[k].lower() in c.title_heads
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


def date_error_kind(span: tuple[int, int], gold: dict, pred: dict, pred_durations: dict, hit: set) -> str:
    """The class of one date error, for the counts-only breakdown."""
    def near(spans) -> bool:
        return any(a < span[1] and span[0] < b for a, b in spans)
    if span in hit:
        return "wrong value (same granularity)" if len(gold[span]) == len(pred[span]) else \
            "wrong value (other granularity)"
    if span in gold:
        if near(pred):
            return "missed, another extent found"
        return "missed, found as a duration" if near(pred_durations) else "missed entirely"
    return "spurious near a gold date" if near(gold) else "spurious"


def relaxed_match(gold, pred) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """TempEval-3's relaxed match: (gold span, predicted span) pairs whose extents overlap, one to
    one (each gold and each predicted span in one pair at most), as many as there can be: a
    maximum bipartite matching over the overlaps (a prediction over two gold timexes beside
    another inside one of them keeps both pairs). Among the largest, the pairing a greedy pass
    prefers: pairs of the same extent first, then the most characters shared, a tie going to the
    earlier gold start, then to the earlier predicted start. Values play no part in the pairing."""
    def rank(g: tuple[int, int], p: tuple[int, int]) -> tuple[bool, int, tuple[int, int], tuple[int, int]]:
        return g != p, max(g[0], p[0]) - min(g[1], p[1]), g, p  # (the second: minus the characters shared)

    pred_spans = sorted(pred)
    options = {g: sorted((p for p in pred_spans if p[0] < g[1] and g[0] < p[1]), key=lambda p, g=g: rank(g, p))
               for g in sorted(gold)}
    mate: dict[tuple[int, int], tuple[int, int]] = {}  # gold -> predicted
    partner: dict[tuple[int, int], tuple[int, int]] = {}  # predicted -> gold
    for g, p in sorted(((g, p) for g, ps in options.items() for p in ps), key=lambda gp: rank(*gp)):
        if g not in mate and p not in partner:  # the greedy pass, in the order preferred
            mate[g], partner[p] = p, g

    def augment(g: tuple[int, int], seen: set[tuple[int, int]]) -> bool:
        """Pair `g` by an augmenting path (Kuhn): a prediction free, or one whose gold can move."""
        for p in options[g]:
            if p not in seen:
                seen.add(p)
                if p not in partner or augment(partner[p], seen):
                    mate[g], partner[p] = p, g
                    return True
        return False

    for g in options:  # each gold left unpaired, once: the matching is then a maximum one
        if g not in mate:
            augment(g, set())
    return sorted(mate.items(), key=lambda gp: rank(*gp))


def relaxed_row(gold: dict, pred: dict) -> tuple[int, int, int, int]:
    """(matched, spurious, missed, matched with the right value) under `relaxed_match`."""
    matched = relaxed_match(gold, pred)
    return (len(matched), len(pred) - len(matched), len(gold) - len(matched),
            sum(1 for g, p in matched if gold[g] == pred[p]))


def value_f1(tp: int, fp: int, fn: int, ok: int) -> float:
    """F1 on span and value together: a found span with a wrong value (tp - ok of them) counts
    as both spurious and missed."""
    return prf(ok, fp + (tp - ok), fn + (tp - ok))[2]


def relaxed_line(row: list[int]) -> str:
    """One TE3 relaxed line: detection P/R/F1, value accuracy and value F1 on the overlaps."""
    tp, fp, fn, ok = row
    p, r, f = prf(tp, fp, fn)
    return (f"relaxed detection P {p:.3f} R {r:.3f} F1 {f:.3f} | value accuracy {ok / tp if tp else 0.0:.3f} "
            f"| value F1 {value_f1(tp, fp, fn, ok):.3f}  ({tp} overlapped one to one, {fp} spurious, {fn} missed)")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- ECB+ (../shared/data/ecbplus_dev) -------------------------------------------------------
#
# ECB+ annotates, in the sentences that report its seminal events, the participants
# (HUMAN_PART_PER, HUMAN_PART_ORG, HUMAN_PART_GPE ...), locations (LOC_GEO, LOC_FAC,
# LOC_OTHER) and times (TIME_DATE, TIME_OF_THE_DAY, TIME_DURATION, TIME_REPETITION) of those
# events, with no normalised values and with no mark for named mentions. Conventions
# followed here:
# - Only the sentences holding at least one markable are scored (the annotated ones); the
#   source URL line of ecbplus files is dropped; the headline and date line stay, each on its
#   own line, as the page parser gives them.
# - Entities: PER -> person, ORG -> org, GEO/FAC/OTHER locations and GPE participants ->
#   place. ECB+ types participants by their role in the event, not by what they name: a
#   facility (LOC_FAC) is where something happened, and is often named by the company or
#   clinic that runs it ("a fire at Waitrose", "checked into Morningside Recovery"), so a
#   facility predicted as an organisation counts as right (`--fac-place`: place only, the
#   scoring before 2026-11-22's third round). Extents are trimmed to the name as for MEANTIME (`name_extent`: "at Betty Ford" ->
#   "Betty Ford", "actress Lindsay Lohan" -> "Lindsay Lohan"); a mention is named when its
#   trimmed words are capitalised (or name particles) and one of them is a proper word: one
#   written capitalised more often than lower-case in the corpus ("Her", "Police" at the start
#   of a sentence are not names; nor is "I"). A nationality or creed standing for people ("the
#   40-year-old American", "Greeks", "a Muslim") is a participant but no name: not judged.
# - Only participants of annotated events are marked, so a predicted name that overlaps no
#   markable at all is neither right nor wrong: it is counted apart ("unannotated") and left
#   out of precision. A prediction overlapping a markable but not equal to a gold name (wrong
#   extent, wrong kind, or a product/event/pronoun markable) is a false positive.
# - Dates: TIME_DATE extents lose a leading preposition ("on Friday" -> "Friday") and a
#   trailing possessive; no values, so only detection is scored, exact and by overlap
#   ("overlap" recall: the gold date is touched by some predicted date). Predicted dates that
#   overlap only a time of day, duration or set markable, or no markable, are not counted.
#   The relaxed (TE3) line pairs overlapping gold and predicted dates one to one
#   (`relaxed_match`); an unpaired prediction is spurious by the rule above.
ECB_KINDS = {"HUMAN_PART_PER": "person", "HUMAN_PART_ORG": "org", "HUMAN_PART_GPE": "place",
             "LOC_GEO": "place", "LOC_FAC": "place", "LOC_OTHER": "place"}
ECB_PREPS = {"on", "in", "at", "since", "from", "by", "during", "until", "till", "before", "after",
             "for", "of", "published", "updated", "to", "as", "through"}
#: A lower-case word of four letters or more: a common noun phrase around a name.
COMMON_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
INITIAL = re.compile(r"[A-Z]\.")
QUOTES = {"''", "``", '"', "'", "‘", "’", "“", "”"}
#: Capitalised prepositions of Title Case headlines before a name ("Woman Killed In Queens").
ECB_HEADLINE_PREPS = {"In", "Of", "On", "At", "Near", "Into", "From", "To", "For", "IN", "OF", "ON", "AT"}
#: An ordinal before a street's name ("117th Street"): part of the name.
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
ECB_PARTICLES = {"of", "and", "&", "de", "du", "van", "von", "bin", "al", "the", "-", "'", ".", "St."}
#: Abbreviations that end a name with their full stop, which ECB+ tokenises apart ("Jr .").
ECB_ABBREVIATIONS = {"Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "St"}


def build_ecb_text(xml_path: Path) -> tuple[str, dict[str, tuple[int, int]], dict[str, int], list[str]]:
    """The article as the parser would give it (URL line dropped, lines that do not end a
    sentence kept on their own line), token offsets, each token's sentence, and the tokens."""
    root = ET.parse(xml_path).getroot()
    tokens = root.findall("token")
    sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in tokens}
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev = None
    prev_sentence = None
    before_prev = ""  # the word before `prev`, to tell a hyphen from a dash
    quotes = 0  # 1 inside straight double quotes (after an opening one), else 0
    first_words = [t.text or "" for t in tokens if t.get("sentence") == "0"]
    skip_first = bool(first_words) and first_words[0].lower() in ("http", "https")
    for tok in tokens:
        sentence = int(tok.get("sentence"))
        if skip_first and sentence == 0:
            continue
        word = tok.text or ""
        if prev is not None:
            sep = " "
            if sentence != prev_sentence and prev not in (".", "!", "?", "''", '"', "'"):
                sep = "\n"
            elif word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
                sep = ""
            elif word == "’" and prev[-1:].isalnum() or prev == "’" and word in ("s", "t", "re", "ve", "ll", "d", "m") \
                    or NAME_APOSTROPHE.fullmatch(prev):
                sep = ""  # "Teenager’s", "can’t", "‘Catching Fire’": ECB+ splits the curly apostrophe off
            elif prev == "." and INITIAL.fullmatch(before_prev + ".") and INITIAL.fullmatch(word.rstrip(".") + "."):
                sep = ""  # "L.A.", "U.S.", "D.A.": ECB+ splits the initials of an abbreviation
            elif prev in ("``", "“", "‘") or word in ("''", "”") or word == '"' and (quotes or prev in (",", ".", "!", "?", ";", ":")) \
                    or prev == '"' and quotes:
                sep = ""  # quotation marks sit on the words they enclose, as on the page
            elif (word in ("-", "/") and prev[-1:].isdigit()
                  or prev in ("-", "/") and before_prev[-1:].isdigit() and word[:1].isalnum()
                  or word == "-" and prev[-1:].islower() or prev == "-" and before_prev[-1:].islower()
                  and word[:1].islower()):
                sep = ""  # "90-day", "05/02/2013", "year-old" as the page had them; a dash keeps its spaces
            parts.append(sep)
            pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        if word == '"':  # closing inside quotes or right after a clause's punctuation
            quotes = 0 if quotes or (prev or "") in (",", ".", "!", "?", ";", ":") else 1
        before_prev, prev, prev_sentence = prev or "", word, sentence
    return "".join(parts), offsets, sentence_of, [t.text or "" for t in tokens]


def run_ecbplus(args: argparse.Namespace) -> int:
    """Entity spans and date detection on ECB+ (see the conventions above)."""
    root = args.data
    if not (root / "ECB+").is_dir():
        print(f"no ECB+ data at {root}", file=sys.stderr)
        return 2
    paths = sorted((root / "ECB+").glob("*/*.xml"))
    # proper words: written capitalised (not at a sentence start) more often than lower-case
    lower_n: dict[str, int] = defaultdict(int)
    cap_n: dict[str, int] = defaultdict(int)
    built = []
    for path in paths:
        text, offsets, sentence_of, words = build_ecb_text(path)
        built.append((path, text, offsets, sentence_of))
        prev_sentence = None
        for w, s in zip(words, sentence_of.values()):  # every token, in order (no second parse)
            if w[:1].islower():
                lower_n[w] += 1
            elif w[:1].isupper() and s == prev_sentence:
                cap_n[w.lower()] += 1
            prev_sentence = s

    def proper(w: str) -> bool:
        return w[:1].isupper() and cap_n[w.lower()] > lower_n[w.lower()] and w.split("'")[0] != "I"  # "I", "I'm"

    c = cues()
    c_titles = c.title_heads | c.title_modifiers
    demonyms = gazetteer().demonyms
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    unannotated = 0
    date_c = [0, 0, 0, 0]  # tp fp fn overlap-found
    date_relaxed = [0, 0, 0]  # TE3 relaxed: tp fp fn (overlaps paired one to one)
    date_unannotated = 0
    words_total = 0
    elapsed = 0.0
    for path, text, offsets, sentence_of in built:
        order = list(offsets)  # token ids in text order
        position = {t: k for k, t in enumerate(order)}
        root_el = ET.parse(path).getroot()
        token_text = {t.get("t_id"): t.text or "" for t in root_el.findall("token")}
        markables = []
        for m in root_el.find("Markables"):
            ids = [a.get("t_id") for a in m.findall("token_anchor") if a.get("t_id") in offsets]
            if ids:
                markables.append((m.tag, ids))
        if not markables:
            continue
        sentences = {sentence_of[i] for _, ids in markables for i in ids}
        regions = []
        for s in sorted(sentences):
            ids = [i for i in offsets if sentence_of[i] == s]
            regions.append((offsets[ids[0]][0], offsets[ids[-1]][1]))

        def scored(a: int, b: int) -> bool:
            return any(lo <= a and b <= hi for lo, hi in regions)

        t0 = time.perf_counter()
        result = extract(text, None)
        elapsed += time.perf_counter() - t0
        words_total += len(text.split())
        predicted = {(e.start, e.end, e.kind) for e in result.entities}
        spans = [(offsets[ids[0]][0], offsets[ids[-1]][1], tag) for tag, ids in markables]
        marked = {i for _, ids in markables for i in ids}
        gold: set[tuple[int, int, str]] = set()
        gold_dates: set[tuple[int, int]] = set()
        # Entity markables: full extent and the name inside it (None when it holds none).
        named: list[tuple[int, int, tuple[int, int] | None]] = []
        unsure: set[tuple[int, int]] = set()  # capitalised but no proper word: "People" (magazine)
        for tag, ids in markables:
            words = [token_text[i] for i in ids]
            if tag in ECB_KINDS:
                full = (offsets[ids[0]][0], offsets[ids[-1]][1])
                full_ids = ids
                ids = name_extent(words, ids, ECB_KINDS[tag] == "person")
                words = [token_text[i] for i in ids]
                # ECB+ tokens sometimes keep a possessive: "California's Betty Ford Center".
                for k in range(len(words) - 2, -1, -1):
                    if len(words[k]) > 2 and words[k][-2:] in ("'s", "’s") and words[k + 1][:1].isupper():
                        ids, words = ids[k + 1:], words[k + 1:]
                        break
                while len(ids) > 1 and (words[0] in ECB_HEADLINE_PREPS or words[0] in QUOTES):
                    ids, words = ids[1:], words[1:]
                while len(ids) > 1 and words[-1] in QUOTES:
                    ids, words = ids[:-1], words[:-1]
                if len(ids) > 1 and words[0] in ("The", "the", "THE"):
                    ids, words = ids[1:], words[1:]  # "''The Hollywood Reporter''"
                if ids and ids[0] != full_ids[0] and ORDINAL.fullmatch(token_text[order[position[ids[0]] - 1]]):
                    ids = [order[position[ids[0]] - 1]] + ids  # "on 117th Street"
                    words = [token_text[i] for i in ids]
                if tag == "HUMAN_PART_ORG" and ids and ids[0] == full_ids[0]:
                    # ECB+ often marks an organisation by its head ("the Indian Navy" as
                    # "Navy", "the Boston Red Sox" as "Red Sox"): proper words right before
                    # it that no other markable holds belong to its name.
                    k = position[ids[0]]
                    while k > 0 and sentence_of[order[k - 1]] == sentence_of[ids[0]] and \
                            order[k - 1] not in marked and proper(token_text[order[k - 1]]) and \
                            token_text[order[k - 1]].lower() not in c_titles:
                        k -= 1
                    if k < position[ids[0]]:
                        ids = order[k:position[ids[0]]] + ids
                        words = [token_text[i] for i in ids]
                name = None
                if ids and all(w[:1].isupper() or w in ECB_PARTICLES or ORDINAL.fullmatch(w) for w in words):
                    a, b = offsets[ids[0]][0], offsets[ids[-1]][1]
                    if text[b - 2:b] in ("'s", "’s") and len(words[-1]) > 2:
                        b -= 2  # "Lohan's" as one token
                    elif text[b:b + 1] == "." and (len(words[-1]) == 1 or words[-1] in ECB_ABBREVIATIONS):
                        b += 1  # "Jr.", "L. A.": the abbreviation's full stop is the name's
                    name = (a, b)
                    group = tag == "HUMAN_PART_PER" and len(words) == 1 and (words[0] in demonyms or words[0][:-1] in demonyms
                                                 or words[0].lower() in c.common)
                    if any(map(proper, words)) and not group:
                        kind = ECB_KINDS[tag]
                        if tag == "LOC_FAC" and not args.fac_place and (a, b, "org") in predicted:
                            kind = "org"  # "Waitrose", "Kraft Foods": the company's premises
                        gold.add((a, b, kind))
                    else:
                        unsure.add(name)  # "People" (magazine?); "the American", "Greeks": no names
                named.append((*full, name))
            elif tag == "TIME_DATE":
                while len(ids) > 1 and words[0].lower() in ECB_PREPS | {":"}:
                    ids, words = ids[1:], words[1:]
                while len(ids) > 1 and words[-1] in ("'s", "’s", ")", ","):
                    ids, words = ids[:-1], words[:-1]
                a, b = offsets[ids[0]][0], offsets[ids[-1]][1]
                if text[b - 2:b] in ("'s", "’s") and b - a > 2 and not text[b - 3].isdigit():  # "Monday's" (not "1940's")
                    b -= 2
                gold_dates.add((a, b))
        def judged(x: int, y: int) -> bool:
            """Not judged: a name outside every markable, a markable the bench cannot tell is
            a name ("People"), or a name nested in a participant's phrase but outside its name
            ("California" in "the Betty Ford Center in Rancho Mirage, California") or in a
            common noun phrase ("a Waitrose store"): ECB+ marks one mention per participant,
            event or thing, and no names inside it."""
            touched = [(a, b) for a, b, _ in spans if a < y and x < b]
            return bool(touched) and (x, y) not in unsure and not all(
                any(a <= x and y <= b and (n is None or not (n[0] < y and x < n[1]))
                    for a, b, n in named if (a, b) == span)
                # a name modifying a common noun: "a Waitrose store", "the Richter scale"
                or span[0] <= x and y <= span[1] and COMMON_WORD.search(text[span[0]:x] + " " + text[y:span[1]])
                for span in touched)

        pred = {(e.start, e.end, e.kind) for e in result.entities if scored(e.start, e.end)}
        for g in [g for g in gold if " and " in text[g[0]:g[1]]]:
            # One markable for two names ("97th Avenue and 117th Street", "Somalia and
            # Yemen"): the two names found apart find it.
            cut = g[0] + text[g[0]:g[1]].index(" and ")
            halves = {(g[0], cut, g[2]), (cut + 5, g[1], g[2])}
            if halves <= pred:
                pred = (pred - halves) | {g}
        for p in sorted(pred):
            if p in gold:
                counts[p[2]][0] += 1
                continue
            if not judged(p[0], p[1]):
                unannotated += 1
                continue
            counts[p[2]][1] += 1
            if args.errors == "entity":
                print("FP", path.name, f"@{p[0]}-{p[1]}", repr(text[p[0]:p[1]]), p[2], "| gold:",
                      [text[a:b] + "/" + tag for a, b, tag in spans if a < p[1] and p[0] < b])
        for g in sorted(gold - pred):
            counts[g[2]][2] += 1
            if args.errors == "entity":
                print("FN", path.name, f"@{g[0]}-{g[1]}", repr(text[g[0]:g[1]]), g[2], "| ctx:",
                      repr(text[max(0, g[0] - 30):g[1] + 20]))
        span_pred = {(a, b) for a, b, _ in pred}
        span_gold = {(a, b) for a, b, _ in gold}
        counts["span"][0] += len(span_pred & span_gold)
        counts["span"][2] += len(span_gold - span_pred)
        counts["span"][1] += sum(1 for a, b in span_pred - span_gold if judged(a, b))
        pdates = [(d.start, d.end) for d in result.dates if scored(d.start, d.end) and not is_duration(d.value)]
        for a, b in pdates:
            if (a, b) in gold_dates:
                date_c[0] += 1
                continue
            touched = [tag for x, y, tag in spans if x < b and a < y]
            if not touched or all(t in ("TIME_OF_THE_DAY", "TIME_DURATION", "TIME_REPETITION") for t in touched):
                date_unannotated += 1
                continue
            date_c[1] += 1
            if args.errors == "date":
                print("DATE FP", path.name, repr(text[a:b]), "| gold:",
                      [text[x:y] + "/" + tag for x, y, tag in spans if x < b and a < y])
        paired = {p for _, p in relaxed_match(dict.fromkeys(gold_dates), dict.fromkeys(pdates))}
        date_relaxed[0] += len(paired)
        date_relaxed[2] += len(gold_dates) - len(paired)
        for a, b in set(pdates) - paired:  # unpaired: spurious by the same rule as above
            touched = [tag for x, y, tag in spans if x < b and a < y]
            if touched and not all(t in ("TIME_OF_THE_DAY", "TIME_DURATION", "TIME_REPETITION") for t in touched):
                date_relaxed[1] += 1
        for a, b in sorted(gold_dates):
            if (a, b) in pdates:
                continue
            date_c[2] += 1
            hit = any(x < b and a < y for x, y in pdates)
            date_c[3] += hit
            if args.errors == "date":
                print("DATE FN", "(overlap)" if hit else "(missed)", path.name, repr(text[a:b]),
                      "| ctx:", repr(text[max(0, a - 30):b + 20]))
    print(f"ECB+ {len(built)} docs, {words_total} words; only annotated sentences are scored")
    print(f"{'kind':7} {'P':>6} {'R':>6} {'F1':>6}  (tp/fp/fn)")
    tot = [0, 0, 0]
    for kind in ("person", "org", "place"):
        c = counts[kind]
        tot = [a + b for a, b in zip(tot, c)]
        p, r, f = prf(*c)
        print(f"{kind:7} {p:6.3f} {r:6.3f} {f:6.3f}  ({c[0]}/{c[1]}/{c[2]})")
    for label, c in (("ALL", tot), ("span", counts["span"])):
        p, r, f = prf(*c)
        print(f"{label:7} {p:6.3f} {r:6.3f} {f:6.3f}  ({c[0]}/{c[1]}/{c[2]})")
    print(f"unannotated predicted names (not scored): {unannotated}")
    tp, fp, fn, near = date_c
    p, r, f = prf(tp, fp, fn)
    print(f"dates detection P {p:.3f} R {r:.3f} F1 {f:.3f}  ({tp} found, {fp} spurious, {fn} missed: "
          f"{near} overlapped by a predicted date, {fn - near} missed entirely); overlap recall "
          f"{(tp + near) / (tp + fn) if tp + fn else 0:.3f}; {date_unannotated} unannotated predictions")
    p, r, f = prf(*date_relaxed)
    print(f"dates relaxed (TE3) detection P {p:.3f} R {r:.3f} F1 {f:.3f}  ({date_relaxed[0]} overlapped one to one, "
          f"{date_relaxed[1]} spurious, {date_relaxed[2]} missed)")
    print(f"\nspeed: {words_total / elapsed:,.0f} words/s (one run, wall clock)")
    return 0


def read_docs(data: Path, variant: str) -> list[tuple]:
    """(parsed doc, text, token offsets, article date, end of the annotated part) per article."""
    loader = load_meantime(data)
    docs = []
    for path in sorted((data / variant).glob("corpus_*/*.xml")):
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
    return docs


def fresh_text_pass(data: Path, variant: str, tune: set[str]) -> tuple[int, float]:
    """Words and seconds of one pass over the held-out articles by a process that has read only the
    tune ones: its patterns compiled and gazetteer loaded, but none of the text's memos warm (each
    head of the date scan is checked only once seen often), as when an index meets new articles.
    The best of repeated passes over the same texts is the upper figure."""
    docs = read_docs(data, variant)
    for doc, text, _, dct, _ in docs:
        if doc["corpus"] in tune:
            extract(text, dct)
    fresh = [(text, dct) for doc, text, _, dct, _ in docs if doc["corpus"] not in tune]
    t0 = time.perf_counter()
    for text, dct in fresh:
        extract(text, dct)
    return sum(len(text.split()) for text, _ in fresh), time.perf_counter() - t0


def fresh_text_speed(args: argparse.Namespace) -> tuple[int, float]:
    """The best of `--fresh` runs of `fresh_text_pass`, each in a new process."""
    best: tuple[int, float] | None = None
    for _ in range(args.fresh):
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--data", str(args.data),
                              "--variant", args.variant, "--tune", args.tune, "--fresh-child"],
                             capture_output=True, text=True, check=True).stdout.split()
        words, seconds = int(out[0]), float(out[1])
        best = (words, seconds) if best is None or seconds < best[1] else best
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve()
    default = here.parents[2] / "shared" / "data" / "meantime"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="a MEANTIME or ECB+ folder, or 'ecbplus' for ../shared/data/ecbplus_dev")
    parser.add_argument("--variant", default="intra-doc_annotation")
    parser.add_argument("--tune", default="airbus,apple",
                        help="topic folders used for tuning (the others are held out)")
    parser.add_argument("--errors", default="", help="print errors: entity|date")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs over the same texts (best is kept)")
    parser.add_argument("--fresh", type=int, default=3,
                        help="timing runs over text new to the process, one process each (best is kept; 0: none)")
    parser.add_argument("--fresh-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fac-place", action="store_true",
                        help="ECB+: a facility (LOC_FAC) is a place only, not also an organisation")
    parser.add_argument("--strict-types", action="store_true",
                        help="gold dates are DATE timexes only (not TIMEs naming a part of a day)")
    args = parser.parse_args(argv)
    if str(args.data) == "ecbplus":
        args.data = here.parents[2] / "shared" / "data" / "ecbplus_dev"
    args.data = args.data or default
    if (args.data / "ECB+").is_dir() or args.data.name.startswith("ecbplus"):
        return run_ecbplus(args)
    if not (args.data / "load.py").exists():
        print(f"no MEANTIME data at {args.data}", file=sys.stderr)
        return 2
    if args.fresh_child:
        words, seconds = fresh_text_pass(args.data, args.variant, set(args.tune.split(",")))
        print(words, seconds)
        return 0
    tune = set(args.tune.split(","))

    # counts[(split, mode, kind)] = [tp, fp, fn]
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    date_counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn value_ok
    duration_counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    relaxed_counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # (kind, split): TE3 relaxed
    # Counts only (never texts), so the held-out split can say what kind of error it has
    # without showing one: missed with no predicted span near it, or with a date/duration
    # overlapping it; wrong values at the gold's granularity or another.
    date_error_kinds: dict[str, Counter] = defaultdict(Counter)
    docs = read_docs(args.data, args.variant)

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
                    ids = name_extent([text[offsets[i][0]:offsets[i][1]] for i in ids], ids, kind == "person")
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
            kind = t["type"]
            if kind == "TIME" and not args.strict_types and PART_OF_DAY.fullmatch(t["value"] or ""):
                kind = "DATE"
            if kind not in ("DATE", "DURATION") or not t["t_ids"] or not all(i in offsets for i in t["t_ids"]):
                continue
            gold = gold_dates if kind == "DATE" else gold_durations
            gold[(offsets[t["t_ids"][0]][0], offsets[t["t_ids"][-1]][1])] = iso_week(t["value"])
        pred_all = {(d.start, d.end): d.value for d in result.dates if d.end <= limit}
        pred_dates = {k: v for k, v in pred_all.items() if not is_duration(v)}
        pred_durations = {k: v for k, v in pred_all.items() if is_duration(v)}
        for counter, g, p in ((date_counts, gold_dates, pred_dates),
                              (duration_counts, gold_durations, pred_durations)):
            hit = set(g) & set(p)
            row = (len(hit), len(set(p) - set(g)), len(set(g) - set(p)), sum(1 for k in hit if p[k] == g[k]))
            for key in ((split,), ("all",)):
                counter[key] = [a + b for a, b in zip(counter[key], row)]
        for kind, g, p in (("dates", gold_dates, pred_dates), ("durations", gold_durations, pred_durations)):
            row = relaxed_row(g, p)
            for key in ((kind, split), (kind, "all")):
                relaxed_counts[key] = [a + b for a, b in zip(relaxed_counts[key], row)]
        hit = set(gold_dates) & set(pred_dates)
        right = {k for k in hit if pred_dates[k] == gold_dates[k]}
        kinds = Counter(date_error_kind(k, gold_dates, pred_dates, pred_durations, hit)
                        for k in (set(gold_dates) | set(pred_dates)) - right)
        for key in (split, "all"):
            date_error_kinds[key].update(kinds)
        if args.errors == "date" and split == "tune":
            for k in sorted(set(pred_dates) | set(gold_dates)):
                if pred_dates.get(k, "<none>") != gold_dates.get(k, "<none>"):
                    print("DATE", doc["corpus"], doc["dct"]["value"] if doc["dct"] else None, repr(text[k[0]:k[1]]),
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
                p, r, f = prf(*c)
                print(f"{split:9} {mode:7} {kind:7} {p:6.3f} {r:6.3f} {f:6.3f}  ({c[0]}/{c[1]}/{c[2]})")
            p, r, f = prf(*tot)
            print(f"{split:9} {mode:7} {'ALL':7} {p:6.3f} {r:6.3f} {f:6.3f}  ({tot[0]}/{tot[1]}/{tot[2]})")
    print()
    for split in ("tune", "held-out", "all"):
        tp, fp, fn, ok = date_counts[(split,)]
        p, r, f = prf(tp, fp, fn)
        vf = value_f1(tp, fp, fn, ok)
        acc = ok / tp if tp else 0.0
        print(f"dates {split:9} detection P {p:.3f} R {r:.3f} F1 {f:.3f} | value accuracy {acc:.3f} "
              f"| value F1 {vf:.3f}  ({tp} found, {fp} spurious, {fn} missed)")
    for split in ("tune", "held-out", "all"):
        print(f"dates {split:9} " + relaxed_line(relaxed_counts[("dates", split)]))
    for split in ("tune", "held-out", "all"):
        kinds = date_error_kinds[split]
        print(f"dates {split:9} errors: " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())))
    for split in ("tune", "held-out", "all"):
        tp, fp, fn, ok = duration_counts[(split,)]
        p, r, f = prf(tp, fp, fn)
        vf = value_f1(tp, fp, fn, ok)
        print(f"durations {split:9} detection P {p:.3f} R {r:.3f} F1 {f:.3f} | value F1 {vf:.3f}  "
              f"({tp} found, {fp} spurious, {fn} missed)")
    for split in ("tune", "held-out", "all"):
        print(f"durations {split:9} " + relaxed_line(relaxed_counts[("durations", split)]))
    print(f"\nspeed: {words / best:,.0f} words/s ({words} words in {best:.3f} s, best of {args.repeat} passes "
          "over the same texts; gazetteer load excluded after the first run)")
    if args.fresh > 0:
        fresh_words, seconds = fresh_text_speed(args)
        print(f"speed on fresh text: {fresh_words / seconds:,.0f} words/s ({fresh_words} held-out words in "
              f"{seconds:.3f} s, best of {args.fresh} processes that read only the tune texts before)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
