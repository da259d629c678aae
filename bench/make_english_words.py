"""Regenerate newsreader/extract/data/english_words.txt (English words that are never names)
and english_words.COPYRIGHT beside it (SCOWL's copyright, which asks to go with every copy).

A capitalised word opening a sentence ("Police said", "Walmart said") is a name only if it is
not a common word; the article alone often cannot tell (a short item never writes "police" in
lower case). The list is the lower-case words of the system dictionary
(`/usr/share/dict/american-english`, Debian's `wamerican`) that have no capitalised twin there:
"police", "everyone", "gunmen" are kept; "ford", "apple", "rice" are left out, since the
dictionary also knows "Ford", "Apple" and "Rice" as names: those follow a line "# also names"
(a sentence opener among them is a name only as a subject). Words with an apostrophe go.

Not needed at run time or by the tests. Usage (wamerican present):
    python bench/make_english_words.py
"""

from __future__ import annotations

from pathlib import Path

DICTIONARY = Path("/usr/share/dict/american-english")
#: The whole copyright of SCOWL and of the lists it is made from (WordNet, UKACD, Ispell ...), as
#: Debian ships it: copied beside the list, since Kevin Atkinson's notice alone leaves those out.
COPYRIGHT = Path("/usr/share/doc/wamerican/copyright")
#: SCOWL's licence asks for its notice in every copy of the lists and of what is made from them.
NOTICE = """# English words never names, then (after the marker line) words that are names too; made by
# bench/make_english_words.py from SCOWL through Debian's wamerican (/usr/share/dict/american-english).
# SCOWL (Spell Checker Oriented Word Lists), Copyright 2000-2011 by Kevin Atkinson.
# Permission to use, copy, modify, distribute and sell these word lists, the associated scripts,
# the output created from the scripts, and its documentation for any purpose is hereby granted
# without fee, provided that the above copyright notice appears in all copies and that both that
# copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson
# makes no representations about the suitability of this array for any purpose. It is provided
# "as is" without express or implied warranty.
# SCOWL is also under the copyrights of its sources: see english_words.COPYRIGHT beside this file."""
OUT = Path(__file__).resolve().parents[1] / "newsreader" / "extract" / "data" / "english_words.txt"


def main() -> int:
    if not DICTIONARY.is_file() or not COPYRIGHT.is_file():
        print(f"no dictionary at {DICTIONARY} or no copyright at {COPYRIGHT} (apt-get install wamerican)")
        return 2
    words = DICTIONARY.read_text(encoding="utf-8").split()
    proper = {w.lower() for w in words if w[:1].isupper()}
    lower = {w for w in words if w.isalpha() and w.islower()}
    common = sorted(lower - proper)
    twins = sorted(lower & proper)
    OUT.write_text("\n".join(NOTICE.splitlines() + common + ["# also names"] + twins) + "\n", encoding="utf-8")
    OUT.with_suffix(".COPYRIGHT").write_text(COPYRIGHT.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"{len(common)} words and {len(twins)} also names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
