"""Seconds to read pathological inputs at growing size, with the growth ratio: is each read linear?

    python bench/bench_long_inputs.py [--quick] [--tree PATH] [--only NAME,NAME] [--sizes 500,1000,2000]

Each input is a unit repeated n times (the extractor's: inside one sentence, "Shares of A
rose. <unit * n>said on Monday.", or another tail given with the unit; the page parser's: a
page shape grown to n lines or n stories), read at each n of `--sizes`. The ratio is the last time over the first, scaled to a
fourfold size (n x 4): about 4 is linear and about 16 quadratic; a ratio over 8 is marked
`<-- superlinear`. Each time is the best of `--repeat` runs, as the host's noise only
adds. An input that raises is printed with its exception (a crash is a finding too).
`--tree` puts a source tree (e.g. a `git worktree` of another commit) first on the path, to
compare. The default run takes about 100 s on a slow host (2026-11-23); `--quick` about 25 s.
A figure, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import time
from typing import Callable

#: Extractor units (the first group: runs made linear in the eighteenth and nineteenth rounds;
#: the second, the worst found by the robustness hunt of 2026-11-23, R1).
EXTRACT_UNITS: dict[str, str | tuple[str, str]] = {  # (a unit, or a unit and what ends the text instead)
    "King": "King ", "al Bob": "al Bob ", "Smith and": "Smith and ", "A": "A ",
    "Kimani (Kiki)": "Kimani (Kiki) ", "President Bob": "President Bob ", "Bob Smith,": "Bob Smith, ",
    "Mr.": "Mr. ", "King of": "King of ", "the Bank of": "the Bank of ", "Inc.": "Acme Inc. ", "June": "June ",
    "June 3,": "June 3, ", "on Monday": "on Monday ", "New York": "New York ", "US-": "US-", "(": "(",
    "\"A\"": "\"A\" ", "Dr. Bob": "Dr. Bob ", "Gen. Lt.": "Lt. Gen. ", "DA John": "DA John ",
    "GM John": "GM John ", "ADA Mary": "ADA Mary de ", "Mr. Bob": "Mr. Bob ",
    # found 2026-11-23 (R1): a capitalised word then a weekday or a small word, so a title chain
    # runs to the end of the text (`_quoted_title`'s `_TITLE_CLOSE`) ...
    "Smith Thursday": "Smith Thursday ", "New York from": "New York from ", "FBI Thursday": "FBI Thursday ",
    # ... an Irish or Scottish surname (`_surname_shape` -> `_written_as_firm` -> `_written_with`) ...
    "McDonald,": "McDonald, ", "O'Brien, said": "O'Brien, said fell ",
    # ... sentence starts inside one long Title Case run (`_run_in_heading_commons`) ...
    "Wed.-Mr. Corp.": "Wednesday-Mr. Corp. ", "Smith Jones.": "Smith Jones. ",
    "heading run": "US Denies Role in Strike on Damascus ",
    # (the same three across sentences: one name a sentence, the Title Case run crossing the full stops)
    "St. Louis.": "St. Louis. ", "McDonald.": "McDonald.\n", "Ltd Wednesday.": "Ltd Wednesday. ",
    # ... and a clause opener before each name, the rest of the sentence searched for a pronoun (`_pronoun_after`;
    # linear since 2026-11-24, E6: its searches remember their answers).
    "until Jones": "until Jones ", "until Jones,": "until Jones, ", "until Jones he": "until Jones he ",
    "while Smith was": "while Smith was ",
    # (with a "he" at the end and the names written as a firm's elsewhere, so that no person is found in between:
    # each name looked at every piece of the sentence, E6)
    "until Acme ... he": ("until Acme ", "he said. Acme said its profit rose."),
    "until Zorblax Quenton ... he": ("until Zorblax Quenton ", "he said. Zorblax Quenton said its sales rose."),
    # found by the E6 hunt: another name after "known as" looked through all the pieces (`_person_cue`), a name
    # before "said its" read the list from its start for a firm in the sentences before (`_firm_before`) ...
    "also known as Zorblax": "also known as Zorblax ", "said its profit.": "Zorblax Quenton said its profit rose. ",
    # ... and a run cut a few words at a time whose names after a title are refused at their first words (each
    # title copied the rest of the run, until E6; then each level read the rest of the run, ~quadratic: since E7 a
    # run longer than `_Doc._RUN_WINDOW` tokens is split in windows of at most that many, linear)
    "When bin Gen.": "When bin Gen. ", "De de Gov.": ("De de Gov. ", "he said."), "van Lt.": "van Lt. ",
    "Lt. van": "Lt. van ", "de Lt. Lt.": "de Lt. Lt. ", "Gov. von": "Gov. von ", "Dr. la": "Dr. la ",
    "Mr. de ibn When": "Mr. de ibn When ", "Apple Mr. y Chairman": "Apple Mr. y Chairman ",
    "da Prime Minister x2": "da Prime Minister Prime Minister ",
    # (the same levels where an event's name is cut off the run's end; each shorter run also searched on from its end
    # for a closing quotation mark, `_quoted_title`, until E6)
    "Air Show for": "Air Show for ", "Conference and": "Conference and ",
    # found by the E7 hunt: the levels of a window all ending where it does, each reading on for a closing mark
    # (`_quoted_title`); a name asked whether the article writes it as a firm's at each mention (`_acts`); the same
    # word in each of n Title Case lines searched in the whole text at each (`_named_in_text`, `_stem_written`)
    "The Chief": ("The Chief ", "he said."), "the new Zorblax": "the new Zorblax ",
    "headlines (Party)": ("\n Party Gen. to ’ ", "he said."), "Rescuers ... Party": "Rescuers Find Shelter In Party\n",
    # each "X, 45, of Y" asked whether an organisation opens with Y's first word by reading every piece (`_town`;
    # linear since 2026-11-24, E8: `_org_opened_by` reads each piece once a loop of `_settle`), also for a place
    # listed after it (asked again by `_locative`) and a place of two words (the first loop)
    "X, 45, of Zorblax,": "John Smith, 45, of Zorblax, ", "X, 61, of Burnsville,": "Mary Jones, 61, of Burnsville, ",
    "X, 30, of Zorblax and Quux,": "Bob Stone, 30, of Zorblax and Quux, ",
    "X, 52, of New Zorblax,": "Ann Lee, 52, of New Zorblax, ",
}

#: Extractor units that raised RecursionError at the sizes found (2026-11-23, R1): run at one
#: size only, to say whether they still do.
EXTRACT_CRASHES: dict[str, tuple[str, int]] = {
    "Gaza Strip+kanji (_locative)": (", Gaza Strip日本", 1200),
    "van Lt. (_split_run)": ("van Lt. ", 1500),
}


def _page_units() -> dict[str, Callable[[int], str]]:
    """Page shapes grown to n lines or stories (the page parser's inputs)."""
    return {
        "Updated lines": lambda n: "Title of the story here\n" + "Updated 03 August 2024\n" * n
        + "Body text is here and it is long enough.\n",
        "same story": lambda n: "date 2024-08-03 Same Title Here\nSame body text for each one.\n" * n,
        "related blocks": lambda n: "Main Title Here\nThe body of the main story. It is here.\n"
        + "Related Articles\nReuters\n2 hours ago\nSome Listed Story Title\nBody of the listed story.\n" * n,
        "distinct stories": lambda n: "".join(
            f"Title Number {i} Here\nPublished 03 August 2024\nBody {i} text here. It is here.\n" for i in range(n)),
        "cut paragraph": lambda n: "Title Here Now\nStart of the text that goes on and on here\n"
        + "and more words in this line of the text\n" * n,
        "short lines": lambda n: "Title Here Now\n" + "x\n" * n,
        "blank lines": lambda n: "Title Here Now\n" + "\n" * (n * 20) + "Body.\n",
        "long line": lambda n: "Title Here Now\n" + "word " * (n * 50) + "\n",
        "long word": lambda n: "Title Here Now\n" + "a" * (n * 200) + "\n",
        "captions": lambda n: "Title Here Now\n" + "A photo of the thing (Reuters)\n" * n + "Body.\n",
        "mixed line ends": lambda n: "Title Here Now\r\nBody text here.\rMore\n\r\n" * n,
    }


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _row(name: str, times: list[float], sizes: list[int]) -> str:
    """The times, and their growth over a fourfold size: (last / first) scaled to n x 4."""
    ratio = (times[-1] / max(times[0], 1e-9)) ** (math.log(4) / math.log(sizes[-1] / sizes[0]))
    mark = "  <-- superlinear" if ratio > 8 and times[-1] > 0.05 else ""
    return f"{name:28s}" + "".join(f"{t:9.3f}" for t in times) + f"   ratio {ratio:5.1f}{mark}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one run each (~25 s)")
    parser.add_argument("--tree", help="source tree to measure (put first on sys.path)")
    parser.add_argument("--only", help="comma-separated input names (substrings) to run")
    parser.add_argument("--sizes", help="comma-separated n, growing, e.g. 500,1000,2000")
    parser.add_argument("--repeat", type=int, help="runs per time, the best kept (default 2, --quick 1)")
    parser.add_argument("--part", choices=("all", "extract", "parse"), default="all")
    args = parser.parse_args(argv)
    if args.tree:
        sys.path.insert(0, args.tree)
    from newsreader.corpus.parser import parse_page
    from newsreader.extract import extract

    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else \
        ([250, 500, 1000] if args.quick else [400, 800, 1600])
    page_sizes = [n * 4 for n in sizes]
    repeat = args.repeat or (1 if args.quick else 2)
    wanted = [w.strip() for w in args.only.split(",")] if args.only else None

    def chosen(name: str) -> bool:
        return wanted is None or any(w in name for w in wanted)

    date = dt.date(2020, 1, 1)
    extract("Warm up. President Bob Smith said on Monday.", date)
    parse_page("Warm Up Title\nBody.\n", "warm.txt")
    if args.part in ("all", "extract"):
        print(f"extract: seconds at n = {', '.join(map(str, sizes))} (best of {repeat})", flush=True)
        for name, unit in EXTRACT_UNITS.items():
            if not chosen(name):
                continue
            unit, tail = (unit, "said on Monday.") if isinstance(unit, str) else unit
            times = []
            for n in sizes:
                text = "Shares of A rose. " + unit * n + tail
                times.append(_best(lambda: extract(text, date), repeat))
            print(_row(name, times, sizes), flush=True)
        for name, (unit, n) in EXTRACT_CRASHES.items():
            if not chosen(name):
                continue
            text = "Shares of A rose. " + unit * n + "said on Monday."
            try:
                extract(text, date)
            except RecursionError as exc:
                print(f"{name:28s} n = {n}: {type(exc).__name__}: {exc}", flush=True)
            else:
                print(f"{name:28s} n = {n}: no error", flush=True)
    if args.part in ("all", "parse"):
        print(f"parse_page: seconds at n = {', '.join(map(str, page_sizes))} (best of {repeat})", flush=True)
        for name, make in _page_units().items():
            if not chosen(name):
                continue
            times = []
            for n in page_sizes:
                page = make(n)
                times.append(_best(lambda: parse_page(page, "bench.txt"), repeat))
            print(_row(name, times, page_sizes), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
