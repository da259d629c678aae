"""Speed-ups of the date finder (issue #4) give what the forms they replace give."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from newsreader.extract import dates as dates_mod

REF = dt.date(2010, 5, 2)

#: Trigger words in any case, numbers, the tails of numbers ("1,5", "3.5"), letters beyond ASCII
#: (the two that do not lower safely, "İ" and the Kelvin sign, among them), marks a trigger may
#: follow ("'the", "(2008", "—last") and ones it may not ("-the", "_a").
SCAN_WORDS = sorted(dates_mod._TRIGGERS - {"#", "#4"}) + [
    "The", "A", "THE", "Last", "wEEk", "1", "12", "2008", "'08", "1,5", "3.5", "x", "é", "Étéé", "\u0130",
    "\u0130n", "wee\u212a", "ſeptember", "’", "(", "—", "_", "\n", "-", "'", "company", "percent"]


SEPARATORS = (" ", " ", " ", "", ",", ".", "-", "'", "\n", "(")


def _salads(n: int, seed: int) -> list[str]:
    """Random word salads: 1 to 14 of `SCAN_WORDS`, each followed by a space, nothing or a mark."""
    rng = random.Random(seed)
    salads = []
    while len(salads) < n:
        size = rng.randint(1, 14)
        salads.append("".join(rng.choice(SCAN_WORDS) + rng.choice(SEPARATORS) for _ in range(size)))
    return salads


SENTENCES = [
    "the day before, 1,500 people came; a week later (2008) and 'the year' — last month",
    "Last week the company said sales fell 3.5 percent in the first quarter of 2008.",
    "2008 was a hard year. A year ago, THE DAY AFTER Christmas, 12 days earlier",
    "-the week, _a day, x1 day, ab2008, 1.5 years, 2,014 days, the1 day",
]


def _lookbehind_scan() -> re.Pattern[str]:
    """The trigger scan as it was written before it opened with the character before a trigger:
    look-behinds in front, the words in a prefix tree, then "the", "a" and the numbers (over the
    lowered text)."""
    return re.compile(
        r"(?<![\w-])(?<!\d[,.])(?:" + dates_mod._trie(
            [w for w in dates_mod._TRIGGERS if w.isalpha() and w not in ("the", "a")])
        + r"(?![A-Za-z])|the" + dates_mod._before(dates_mod._AFTER_THE) + "|a" + dates_mod._before(dates_mod._AFTER_A)
        + r"|\d|'\d)")


def test_trigger_scan_finds_what_the_look_behind_scan_finds() -> None:
    old = _lookbehind_scan()
    texts = _salads(3000, seed=3) + SENTENCES
    for text in texts:
        want = [(m.span(), m.group()) for m in old.finditer(dates_mod._folded(text))]
        assert dates_mod._TRIGGER_TOKEN.spans(text) == [span for span, _ in want], text
        assert [(m.span(), m.group()) for m in dates_mod._TRIGGER_TOKEN.finditer(text)] == want, text
    # (and the salads hold what the scan must get right: triggers at the text's start, after a
    # mark, after a number's comma, and none after a hyphen)
    assert sum(bool(dates_mod._TRIGGER_TOKEN.spans(t)) and dates_mod._TRIGGER_TOKEN.spans(t)[0][0] == 0 for t in texts) > 500
    assert sum(len(dates_mod._TRIGGER_TOKEN.spans(t)) for t in texts) > 10000


def test_candidates_read_the_scan_as_the_token_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_candidates` reads the spans of the scan; with a plain pattern in its place (as the other
    speed tests put one), the spans of its matches: the same candidates."""
    texts = _salads(1500, seed=4) + SENTENCES
    fast = [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    old = _lookbehind_scan()

    class Lowered:
        def finditer(self, text: str):
            return old.finditer(dates_mod._folded(text))

    monkeypatch.setattr(dates_mod, "_TRIGGER_TOKEN", Lowered())
    assert fast == [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    assert sum(map(len, fast)) > 500


def test_trie_without_tails_is_the_bare_prefix_tree() -> None:
    """(the holiday names use it so: a shorter name is matched where a longer one stops)"""
    assert dates_mod._trie(["a", "ab", "b"]) == "(?:a(?:b)?|b)"
    assert dates_mod._trie(["a", "ab", "b"], tail=lambda w: f"<{w}>") == "(?:a(?:b<ab>|<a>)|b<b>)"


def test_comparison_look_back_is_searched_only_for_another_year(monkeypatch: pytest.MonkeyPatch) -> None:
    """A date of the article's year or later moves the anchors whatever comes before it: the
    look-back for "since", "biggest" (50 characters) is not searched for it, and the dates are
    the same."""
    text = "Sales fell on Monday, the biggest drop in 2008. Its worst month was in October 1987, not in March."
    ref = dt.date(2010, 5, 2)
    want = [(d.text, d.value) for d in dates_mod.find_dates(text, ref)]
    searched = []

    class Spy:
        def search(self, *args):
            searched.append(args[0][args[1]:args[2]])
            return original.search(*args)

    original = dates_mod._COMPARISON_BEFORE
    monkeypatch.setattr(dates_mod, "_COMPARISON_BEFORE", Spy())
    assert [(d.text, d.value) for d in dates_mod.find_dates(text, ref)] == want
    assert ("2008", "2008") in want and ("October 1987", "1987-10") in want
    assert len(searched) == 2 and ("March", "2010-03") in want  # for 2008 and October 1987 only, not Monday nor March


def _holds_cue(seq, cues: list[str]) -> bool:
    """Does every match of the parsed pattern `seq` consume, in a row, one of `cues` (in lower
    case)? Over-strict: a run of characters is one of literals and classes of a few literals;
    anything else that consumes breaks it."""
    sre = dates_mod._sre
    runs = {""}
    for op, av in seq:
        if op is sre.LITERAL or op is sre.IN and all(o is sre.LITERAL for o, _ in av) and len(av) <= 4:
            chars = [chr(av)] if op is sre.LITERAL else [chr(a) for _, a in av]
            runs = {run + ch.lower() for run in runs for ch in chars}
            if all(any(cue in run for cue in cues) for run in runs):
                return True
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # consumes nothing: the run goes on
        if op is sre.SUBPATTERN and _holds_cue(av[-1], cues) or op is sre.BRANCH and all(
                _holds_cue(alt, cues) for alt in av[1]) or op is sre.MAX_REPEAT and av[0] >= 1 and _holds_cue(av[2], cues):
            return True
        runs = {""}
    return False


def test_held_words_are_read_off_the_parse_tree() -> None:
    def held(pattern: str):
        return dates_mod._held_words(dates_mod._sre.parse(pattern, re.I))

    assert held(r"(?<!\w)(?:plans? to|planned|['’]ll|(?:is|are) (?:Expected|forecast)s?)(?!\w)") == {
        "plan", "'ll", "’ll", "expected", "forecast"}
    assert held(r"(?:ab)+c|x?yz|(?=q)q(?-i:rs)") == {"ab", "yz", "rs"} and held(r"x(?!y)yz\b") == {"xyz"}
    assert held(r"a\w+|b") == {"a", "b"} and held(r"a\w+|\w") is None and held(r"(?:ab)*c") == {"c"} and held(r"\d+") is None


def test_every_future_cue_holds_one_of_its_words() -> None:
    cues = sorted(dates_mod._FUTURE_WORDS)
    assert all(dates_mod._FUTURE_CUES.fullmatch(cue) for cue in cues) and "'ll" in cues and "to be" in cues
    assert _holds_cue(dates_mod._sre.parse(dates_mod._FUTURE_BEFORE.pattern, re.I), cues)
    for cue in cues:  # (and the check can fail: none of the words may be left out)
        assert not _holds_cue(dates_mod._sre.parse(dates_mod._FUTURE_BEFORE.pattern, re.I), [c for c in cues if c != cue]), cue


def test_future_cue_check_agrees_with_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wherever `_FUTURE_BEFORE` finds a cue the check lets it search, in any case and with the letters
    a case-blind pattern reads as ASCII ("wıll", "ſhall", "wİll"); and the clauses it turns away
    give the same dates."""
    rng = random.Random(8)
    words = sorted(set(re.findall(r"[a-z]+", dates_mod._FUTURE_BEFORE.pattern))) + [
        "the", "firm", "on", "Monday", "said", "'ll", "’ll", ",", "wıll", "ſhall", "wİll", "\u212aeep"]
    hits = turned = 0
    for _ in range(20000):
        size = rng.randint(1, 8)
        text = " ".join(w.upper() if rng.random() < 0.2 else w for w in (rng.choice(words) for _ in range(size)))
        lo = rng.randint(0, 3)
        found = any(True for _ in dates_mod._FUTURE_BEFORE.finditer(text, lo, len(text)))
        allowed = dates_mod._may_match(dates_mod._FUTURE_CUES, text, lo, len(text))
        assert allowed or not found, text
        hits += found
        turned += not allowed
    assert hits > 3000 and turned > 1000
    texts = ["The deal closes on Friday, the firm said in a statement on Monday.",
             "Sales fell 5% in March, and rose in April.", "The vote is scheduled for Friday.",
             "Talks wıll resume on Monday.", "It ſhall open in June."] + _salads(500, seed=9)
    fast = [[(d.start, d.text, d.value) for d in dates_mod.find_dates(t, REF)] for t in texts]
    monkeypatch.setattr(dates_mod, "_may_match", lambda cues, text, lo, hi: True)
    assert fast == [[(d.start, d.text, d.value) for d in dates_mod.find_dates(t, REF)] for t in texts]


def test_every_schedule_cue_holds_one_of_its_words() -> None:
    """`_SCHEDULE_WORDS`, read off `_SCHEDULE_BEFORE` and `_BARE_SCHEDULE` as one alternation: every match
    of either holds one."""
    cues = sorted(dates_mod._SCHEDULE_WORDS)
    assert all(dates_mod._SCHEDULE_CUES.fullmatch(cue) for cue in cues) and {"is", "meet", "takes place"} <= set(cues)
    trees = [dates_mod._sre.parse(p.pattern, p.flags) for p in (dates_mod._SCHEDULE_BEFORE, dates_mod._BARE_SCHEDULE)]
    assert all(_holds_cue(tree, cues) for tree in trees)
    # and the check can fail: nearly every word is needed (" held" is not: "is held", "are held" hold "is", "are")
    needed = [cue for cue in cues if not all(_holds_cue(tree, [c for c in cues if c != cue]) for tree in trees)]
    assert len(needed) >= len(cues) - 3 and {"is", "are", "meet", "play", "starts", "takes place"} <= set(needed)


def test_schedule_cue_check_agrees_with_the_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wherever `_SCHEDULE_BEFORE` or `_BARE_SCHEDULE` finds a verb, the check lets `_future_context` search
    (in any case, with "ı", "ſ", "İ" and the Kelvin sign); the clauses it turns away give the same dates."""
    rng = random.Random(12)
    words = sorted(set(re.findall(r"[a-z]+", dates_mod._SCHEDULE_BEFORE.pattern + dates_mod._BARE_SCHEDULE.pattern))) + [
        "the", "teams", "they", "Lakers", "on", "Monday", "said", ",", "ıs", "ſtarts", "İs", "\u212aicks", "of", "state"]
    hits = turned = 0
    for _ in range(20000):
        text = " ".join(w.upper() if rng.random() < 0.2 else w for w in (rng.choice(words) for _ in range(rng.randint(1, 7))))
        text += rng.choice(["", " ", " on "])
        lo = rng.randint(0, 3)
        found = dates_mod._SCHEDULE_BEFORE.search(text, lo, len(text)) is not None \
            or dates_mod._BARE_SCHEDULE.search(text, lo, len(text)) is not None
        allowed = dates_mod._may_match(dates_mod._SCHEDULE_CUES, text, lo, len(text))
        assert allowed or not found, text
        hits += found
        turned += not allowed
    assert hits > 3000 and turned > 1000
    texts = ["The summit opens on Friday.", "The two sides meet on Tuesday.", "The vote is on Monday.",
             "Elections are held Sunday, officials said on Monday.", "Argentina play Brazil on Tuesday.",
             "The firm reported results on Monday.", "The court ıs on Monday.", "The ſhow ſtarts on Friday.",
             "He met the team on Monday; the Lakers host Boston on Friday.", "A state visit on Monday."]
    texts += [f"{rng.choice(['The fair', 'They', 'Talks', 'It'])} {rng.choice(words)} {rng.choice(words)} "
              f"{rng.choice(['on Friday', 'next Monday', 'this Tuesday', 'on March 3', 'on Sunday morning'])}."
              for _ in range(3000)]
    texts += [f"{rng.choice(words).capitalize()} {rng.choice(words)} on Friday." for _ in range(1000)]  # a verb first
    fast = [[(d.start, d.text, d.value) for d in dates_mod.find_dates(t, REF)] for t in texts]
    monkeypatch.setattr(dates_mod, "_may_match", lambda cues, text, lo, hi: True)
    assert fast == [[(d.start, d.text, d.value) for d in dates_mod.find_dates(t, REF)] for t in texts]
    assert len({str(f) for f in fast}) > 50


def test_a_weekday_ahead_of_an_event_is_the_coming_one() -> None:
    """"ahead of" is looked for in the text before `_AHEAD_OF_BEFORE` is searched: the day after it is
    still the coming one, and "Ahead of" (the pattern's case) is none."""
    def value(text: str) -> str | None:
        return [d.value for d in dates_mod.find_dates(text, REF) if d.text == "Wednesday"][0]

    # REF is Sunday 2 May 2010: the past Wednesday is 28 April, the coming one 5 May
    assert value("Stocks rose ahead of the Fed's meeting on Wednesday.") == "2010-05-05"
    assert value("Stocks rose ahead of the vote, which comes on Wednesday.") == "2010-05-05"
    assert value("Stocks rose on Wednesday.") == "2010-04-28"
    assert value("Ahead of the Fed's meeting on Wednesday, stocks rose.") == \
        ("2010-05-05" if dates_mod._AHEAD_OF_BEFORE.search("Ahead of x ") else "2010-04-28")


def test_a_schedule_verb_opening_the_clause_is_read() -> None:
    """The schedule verbs are looked for (and searched) from the start of the last seven words, the first
    character included: a verb that opens the text sets the weekday after it ahead."""
    def value(text: str) -> str | None:
        return [d.value for d in dates_mod.find_dates(text, REF)][0]

    assert value("Opens on Friday.") == value("The fair opens on Friday.") == "2010-05-07"
    assert value("Argentina play Brazil on Tuesday.") == "2010-05-04"
    assert value("The fair opened on Friday.") == "2010-04-30"


def test_the_word_before_is_what_the_search_finds() -> None:
    """`_prev_word` takes the run after the last space itself when it is all word characters: the same
    word `_PREV_WORD` finds (letters and digits beyond ASCII, "_", a newline, marks, words cut at 16)."""
    rng = random.Random(14)
    pieces = ["a", "Said", "on", "x_y", "_", "é", "ÉTÉ", "²", "½", "١٢", "İ", "\u212a", "-", ".", "'", ",", "(",
              "1,5", "internationalization", " ", " ", " ", "  ", "\n", " \n", "\t"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) + rng.choice([" ", "", "\n"])
        for start in range(len(text) + 1):
            before = dates_mod._PREV_WORD.search(text, max(0, start - 16), start)
            assert dates_mod._prev_word(text, start) == (before.group(1).lower() if before else ""), (text, start)
            found += bool(before)
    assert found > 10000


def test_a_period_or_week_value_has_one_of_its_lengths() -> None:
    """`_Anchors.note` matches `_PERIOD` only on values of 7 or 9 characters and `_ISO_WEEK` on 8: the
    only lengths of their matches."""
    values = ["2008-Q3", "FY2008-Q3", "2008-H1", "FY2010-H2", "2008-05", "FY2008-12", "2008-W23", "١٢٣٤-W05",
              "2008-05-02", "2008", "FY2008", "2008-SU", "PAST_REF", "P3D", "2008-05-02TMO", "200", "XXXX-Q1"]
    for value in values + ["".join(random.Random(n).choices("FY20-QHW13", k=n % 11)) for n in range(5000)]:
        assert (dates_mod._PERIOD.fullmatch(value) is None or len(value) in (7, 9)) and (
            dates_mod._ISO_WEEK.fullmatch(value) is None or len(value) == 8), value
    anchors = dates_mod._Anchors(REF)
    anchors.note("FY2008-Q3", None, 10)
    assert anchors.period == ("FY", 2008, "-Q3") and anchors.quarter() == ("FY", 2008, 3)
    anchors.note("2009-05", None, 20)
    assert anchors.period == ("", 2009, "-05") and anchors.period_end == 20
    anchors.note("2010-W05", None, 30)
    assert anchors.week == dt.date(2010, 2, 1)


#: Counts, units and the words around them, in any case, with the letters that match ASCII ones
#: case-blind but lower to others ("ı", "ſ", "İ", the Kelvin sign).
COUNT_WORDS = [
    "two", "Two", "TWO", "a", "A", "an", "one", "half", "Half", "and", "a half", "and a half", "hundred", "twenty-five",
    "nearly", "about", "more than", "the past", "last", "next", "first", "more", "year", "years", "YEARS", "day", "days",
    "week", "weeK", "wee\u212a", "month", "months", "hour", "hours", "minute", "mınute", "mİnute", "decade", "decades",
    "century", "centuries", "fortnight", "ago", "AGO", "before", "after", "from now", "later", "earlier", "old",
    "of age", "people", "percent", "ſince", "dayſ", "\u0130", "x", "12", "3", "’s",
    "two and a half years", "Three And A Half Weeks", "half an hour", "a year and a half", "two years ago", "a decade AGO",
    # the longest matches: a word they hold far from their start
    "the following seventy-seven more fortnights", "no longer than seventy-seven more fortnights",
    "the coming seventy-seven and a half fortnights", "no longer than seventy-seven fortnights, and seventy-seven months ago"]


def _count_salads(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(COUNT_WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 12)))
            for _ in range(n)]


def _guarded_branches() -> list[str]:
    """Every branch `_first_of` guards, as `_branches_for` gives it to some key (with or without
    the approximators)."""
    keys = sorted({w for words, _ in dates_mod._BRANCHES for w in words.split()} | {"#4"})
    return sorted({b for key in keys for b in dates_mod._branches_for(key)
                   if dates_mod._kind_of(b) in dates_mod._GUARDED_KINDS})


def test_a_guarded_branch_matches_where_it_alone_matches() -> None:
    branches = _guarded_branches()
    assert {dates_mod._kind_of(b) for b in branches} == dates_mod._GUARDED_KINDS
    tried = [(dates_mod._single(b), dates_mod._tried(b)) for b in branches]
    assert all(isinstance(guarded, dates_mod._Guarded) for _, guarded in tried)
    found: dict[str, int] = dict.fromkeys(dates_mod._GUARDED_KINDS, 0)
    for text in _count_salads(2500, seed=91) + SENTENCES:
        for pos in range(len(text)):
            for alone, guarded in tried:
                want = alone.match(text, pos)
                got = guarded.match(text, pos)
                assert (got and got.span()) == (want and want.span()), (text, pos, alone.pattern[:60])
                if want is not None:
                    found[want.lastgroup] += 1  # type: ignore[index]
    assert min(found.values()) > 20, found  # the texts hold matches of each kind


def test_a_guarded_branch_is_not_matched_without_its_words() -> None:
    dur = next(b for b in dates_mod._branches_for("two") if dates_mod._kind_of(b) == "dur")
    guarded = dates_mod._tried(dur)
    assert isinstance(guarded, dates_mod._Guarded)
    calls = []

    class Spy:
        def match(self, text: str, pos: int):
            calls.append(text[pos:])
            return dates_mod._single(dur).match(text, pos)

    spy = dates_mod._Guarded(Spy(), guarded.cues, guarded.width)  # type: ignore[arg-type]
    assert spy.match("two people said", 0) is None and calls == []
    assert spy.match("two YEARS", 0).group() == "two YEARS" and calls == ["two YEARS"]
    assert spy.match("two mınutes", 0).group() == "two mınutes"  # "ı" matches "i" case-blind
    assert spy.match("two people, " + "x" * guarded.width + " years", 0) is None and len(calls) == 2


def test_candidates_are_those_found_without_the_guards(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _count_salads(1500, seed=92) + SENTENCES
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 10**9)  # every head: branches one by one

    def candidates(guarded: frozenset[str]) -> list[list[tuple[tuple[int, int], str | None]]]:
        monkeypatch.setattr(dates_mod, "_GUARDED_KINDS", guarded)
        for memo in (dates_mod._tried, dates_mod._first_of):
            memo.cache_clear()
        dates_mod._BY_HEAD.clear()
        dates_mod._FIRST_BY_HEAD.clear()
        return [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]

    want = candidates(frozenset())
    assert candidates(frozenset({"ago", "dur", "halfdur"})) == want
    assert sum(map(len, want)) > 500
    for memo in (dates_mod._tried, dates_mod._first_of):
        memo.cache_clear()
