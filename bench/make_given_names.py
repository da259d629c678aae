"""Regenerate the `more_names` list of newsreader/extract/data/given_names.yaml.

The hand-kept `names` list (US Census 1990 given names plus names from world news) knows few
given names from outside the English-speaking world, so "Hasim Rahman" or "Kimani Gray" were
typed as organisations: an unknown first word of a two-word name leans that way ("Goldman
Sachs"). This script takes the given names of Faker's person providers (MIT licence, whose notice the
head of given_names.yaml carries and this script keeps; kept up to date: https://github.com/joke2k/faker) for every locale written in Latin script and
keeps a name only when

- a locale other than the generic English lists gives it (those lists carry rare US names
  that are brands or words in news: "Porsche", "Lexus", "Dell"),
- it has four letters or more ("Mac", "Kai" are more often something else),
- it is not an English word written in lower case in the system dictionary (Debian's
  `wamerican`, as data/english_words.txt carries it): "Bob", "Guy", "Dean", "Said",
- it is not a place or town the gazetteer knows ("Milan", "Charlotte", "Victoria"), nor a
  cue word of the extractor, nor already in `names`.

Not needed at run time or by the tests. Usage (faker installed):
    python bench/make_given_names.py [--dry-run]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.extract import resources  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "newsreader" / "extract" / "data" / "given_names.yaml"
GENERIC_LOCALES = {"en", "en_US"}
LATIN_NAME = re.compile(r"[A-Z][a-zà-ÿ-]+")
MARKER = "more_names:"


def faker_given_names() -> dict[str, set[str]]:
    """Each Latin-script given name of Faker's person providers, with the locales giving it."""
    import faker.providers.person as person

    found: dict[str, set[str]] = {}
    for module_info in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module_info.name}"), "Provider", None)
        for attr in dir(provider) if provider is not None else ():
            if not (attr.startswith("first_names") or attr == "first_romanized_names"):
                continue
            value = getattr(provider, attr)
            for name in (value.keys() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()):
                if isinstance(name, str) and LATIN_NAME.fullmatch(name):
                    found.setdefault(name, set()).add(module_info.name)
    return found


def chosen_names() -> list[str]:
    common, also_names = resources.english_words()  # the dictionary's lower-case words, as shipped
    words = common | also_names
    cues = resources.cues()
    gazetteer = resources.gazetteer()
    hand_kept = {str(n) for n in (resources._read_yaml("given_names.yaml").get("names") or [])}
    cue_words = cues.common | cues.org_heads | cues.title_heads | cues.place_heads
    chosen = []
    for name, locales in faker_given_names().items():
        if locales <= GENERIC_LOCALES or len(name) < 4 or name in hand_kept or name.lower() in words:
            continue
        if name in gazetteer.places or name in gazetteer.towns or name in gazetteer.given_towns \
                or name in gazetteer.demonyms or name.lower() in cue_words:
            continue
        chosen.append(name)
    return sorted(chosen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the count, do not write")
    args = parser.parse_args()
    names = chosen_names()
    print(f"{len(names)} names")
    if args.dry_run:
        return 0
    text = DATA.read_text(encoding="utf-8")
    head = text.split("\n" + MARKER, 1)[0].rstrip("\n")
    DATA.write_text(head + "\n" + MARKER + "\n" + "".join(f"  - {n}\n" for n in names), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
