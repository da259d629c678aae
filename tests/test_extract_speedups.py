"""Speed-ups of the entity rules and the date scan (issue #4) give what the forms they replace give."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from newsreader.extract import extract
from newsreader.extract import dates as dates_mod
from newsreader.extract import entities as entities_mod

#: Capitalised common words, agencies, event heads, acronyms, places, quotes and date-line dashes:
#: what the lone-common-word shortcut must tell apart.
WORDS = ("The But He It US AP Reuters Conference Summit Army Paris Georgia Jordan May Apple Inc. said in "
         "the of and for on a TV OK PM I NASA Iran's Chairman King Ford Mr. Smith Street iPod film browser "
         "Safari tanker Sirius Star — - LONDON , . \n \" “ ” ' ( ) Tuesday 2008 said: U.S. Al-Qaeda al-Sadr").split(" ")


def _texts(n: int, seed: int, words: list[str] = WORDS, seps: tuple[str, ...] = (" ", " ", " ", "", "\n", ", ", ". ")
           ) -> list[str]:
    """Random word salads: 1 to 40 of `words`, each followed by one of `seps` (a space, nothing, a line
    break or punctuation)."""
    rng = random.Random(seed)
    return ["".join(w + rng.choice(seps) for w in rng.choices(words, k=rng.randint(1, 40))) for _ in range(n)]


SENTENCES = [
    "The company said. But Apple Inc. said it would. He left Paris. It rained in Georgia.",
    "AP reported that the Conference opened. Conference delegates met in Jordan.",
    "US officials and TV crews arrived. OK, said PM Smith. I think NASA will.",
    "He watched \"The\" film. The tanker Sirius Star sailed. The browser Safari, the iPod Classic.",
    "LONDON — The Army said. May was warm. Paris is far. Reuters said Army officers left.",
]


def _no_word_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run of one word takes the full walk of `_split_run` (no class of `_Doc._word_class` kept or read)."""
    monkeypatch.setattr(entities_mod, "_word_classes", lambda c, g, holidays: {})
    monkeypatch.setattr(entities_mod._Doc, "_word_class", lambda self, word: 0)


def _without_shortcut(monkeypatch: pytest.MonkeyPatch, texts: list[str]) -> list[dict]:
    monkeypatch.setattr(entities_mod._Doc, "_lone_common", lambda self, tok, start, end: False)
    _no_word_classes(monkeypatch)
    return [extract(t, None).to_dict() for t in texts]


def test_lone_common_word_shortcut_finds_what_the_full_rules_find(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = SENTENCES + _texts(400, seed=13)
    fast = [extract(t, None).to_dict() for t in texts]
    assert fast == _without_shortcut(monkeypatch, texts)


def test_lone_common_word_shortcut_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """(else the test above compares the full rules with themselves)"""
    _no_word_classes(monkeypatch)
    taken = []
    original = entities_mod._Doc._lone_common

    def spy(self, tok, start, end):
        taken.append(original(self, tok, start, end))
        return taken[-1]

    entities_mod._Doc._lone_common = spy
    try:
        extract(SENTENCES[0], None)
    finally:
        entities_mod._Doc._lone_common = original
    assert True in taken and False in taken


def test_lower_word_pattern_is_the_look_behind_first_one() -> None:
    plain = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
    for text in _texts(300, seed=17) + ["abc", "-abc def_ ghi-j k", "éa b2c d", ""]:
        assert entities_mod._LOWER_WORD.findall(text.lower()) == plain.findall(text.lower())
        assert entities_mod._LOWER_WORD.findall(text) == plain.findall(text)


def test_brand_or_class_before_a_name_is_either_pattern() -> None:
    brand = re.compile(r"(?<![\w-])" + entities_mod._BRAND + " $")
    product_class = re.compile(r"(?<![\w-])" + entities_mod._CLASS + " $")
    hits = 0
    for text in _texts(200, seed=19) + ["the new iPod ", "web browser ", "the sequel, ", "x-iPod "]:
        for end in range(len(text) + 1):
            lo = max(0, end - 24)
            either = bool(brand.search(text, lo, end) or product_class.search(text, lo, end))
            hits += either
            assert (entities_mod._AFTER_BRAND_OR_CLASS.search(text, lo, end) is not None) == either, (text, end)
    assert hits


#: Date words, numbers and shapes: what the per-head branch choice of the date scan must keep.
DATE_WORDS = ("the The THE a A an 2008 12 3 31 '08 1990s 9/11 12/03/2008 2008-06-14 13-06-2025 1.2.2008 2008-09 "
              "March May June Friday Sept. Oct. first second third last next this past coming early late mid end "
              "beginning year years week weekend month months quarter fiscal financial day days ago later earlier "
              "half Q3 FY26 1Q08 H1 2H two three 27-year century 19th Fifties summer fall morning evening night of "
              "in at about over more recently now , . ; - – 's season time same period rest company percent").split(" ")


def _date_texts(n: int, seed: int) -> list[str]:
    return _texts(n, seed, DATE_WORDS, (" ", " ", " ", "", "-", ", ", ". "))


def test_a_branch_the_head_rules_out_never_matches_there() -> None:
    """Soundness of the head check: wherever a branch alone matches, every head of the text
    there (1 to 9 characters) keeps it."""
    texts = _date_texts(1500, seed=21)
    branches = {branch: dates_mod._parsed(branch) for key in dates_mod._TRIGGERS for branch in dates_mod._branches_for(key)}
    checked = 0
    for branch, parsed in branches.items():
        rx = re.compile(dates_mod._START + branch + ")")
        for text in texts:
            for m in rx.finditer(text):
                for k in (1, 2, 4, 6, 9):
                    assert dates_mod._ends(parsed, text[m.start():m.start() + k], 0), (branch, text, k)
                checked += 1
    assert checked > 3000


def test_date_scan_with_heads_finds_what_it_found_trying_every_branch(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _date_texts(600, seed=22) + SENTENCES
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 1)  # every head checked at once
    fast = [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_pattern_at", lambda key, head: dates_mod._alternation(dates_mod._branches_for(key)))
    assert fast == [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    assert sum(map(len, fast)) > 1000


def test_a_head_is_checked_only_once_seen_often(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check costs a thousand times a match: a head seen fewer than `_HEAD_CHECK_AFTER` times is
    matched with every branch of its key, and counted; at that sighting it is checked, and kept."""
    checked: list[str] = []
    real = dates_mod._pattern_at
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 3)
    monkeypatch.setattr(dates_mod, "_pattern_at", lambda key, head: checked.append(head) or real(key, head))
    text = "Sales rose 3 percent on Monday."
    for seen in (1, 2):
        assert [m.group() for m in dates_mod._candidates(text)] == ["Monday"]
        assert checked == [] and dates_mod._BY_HEAD["3 pe"] == seen
    assert [m.group() for m in dates_mod._candidates(text)] == ["Monday"]
    assert sorted(checked) == ["3 pe", "Monday."] and dates_mod._BY_HEAD["3 pe"] is None
    dates_mod._candidates(text)
    assert len(checked) == 2


def test_heads_rule_out_branches() -> None:
    """The head check is used: no branch can start "the company" or "3 percent"; "12 m" keeps
    the day-month and length branches only."""
    assert dates_mod._pattern_at("the", "the com") is not None  # "the coming week"
    assert dates_mod._pattern_at("the", "the COM") is not None
    assert dates_mod._pattern_at("#", "3 pe") is None
    assert dates_mod._pattern_at("an", "an ap") is None
    kept = dates_mod._pattern_at("#", "12 m")
    assert kept is not None and set(kept.groupindex) < set(dates_mod._alternation(dates_mod._branches_for("#")).groupindex)
    assert {"dmy", "ago", "dur"} <= set(kept.groupindex)


def test_a_full_head_memo_starts_again_instead_of_no_longer_learning(monkeypatch):
    """Past the limit the memo is cleared and keeps the new head: had it stopped storing, every head
    new after that would be parsed branch by branch at each trigger for the rest of the process."""
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_HEAD_MEMO_LIMIT", 3)
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 1)
    dates_mod.find_dates("He had 3 pens, 4 cats, 5 dogs, 6 hats and 7 mugs.", None)
    assert 0 < len(dates_mod._BY_HEAD) <= 3
    assert "7 mu" in dates_mod._BY_HEAD  # the last head was kept
    assert dates_mod.find_dates("It fell on the fourth of July 2008.", None) == dates_mod.find_dates(
        "It fell on the fourth of July 2008.", None)


#: Characters that decide where the word before a name starts and ends: spaces, line breaks, the
#: word's own marks, characters of no word, letters beyond ASCII, digits and a clock's "pm".
PREV_WORD_PARTS = ("a", "Zé", " ", " ", "\n", ".", "'", "’", "-", "_", "(", "\"", "\t", "1", "pm", "PM", "8", ":",
                   "\u00a0", "٣")


def _slow_prev_word(text: str, end: int, reach: int) -> re.Match[str] | None:
    """The plain form: search the whole window; a clock's "pm" with its number."""
    m = entities_mod._PREV_WORD.search(text, max(0, end - reach), end)
    if m is not None and m.end(1) - m.start(1) == 2 and m.group(1) in entities_mod._CLOCK_SPELLINGS:
        return entities_mod._CLOCK_PREV.search(text, max(0, m.start() - 12), end) or m
    return m


def test_prev_word_read_back_is_the_window_search() -> None:
    rng = random.Random(23)
    texts = ["".join(rng.choice(PREV_WORD_PARTS) for _ in range(rng.randint(0, 30))) for _ in range(1500)]
    found = 0
    for text in texts + ["word\n", "word \n", "a  b", "8 pm ", "x" * 50 + " "]:
        for end in range(len(text) + 1):
            for reach in (1, 2, 12, 13, 20, 24, 40):
                fast, slow = entities_mod._prev_word(text, end, reach), _slow_prev_word(text, end, reach)
                assert (fast and (fast.span(), fast.span(1))) == (slow and (slow.span(), slow.span(1))), (text, end, reach)
                found += slow is not None
    assert found > 10000


#: Lone capitalised words of every kind `_split_lone` tells apart: agencies (with what makes them a
#: source), particles, time zones after a clock, common words and acronyms, titles, places, products.
LONE_WORDS = ("AP Reuters AFP reported by said told De La Van Of Al GMT ET AEST 9:03am 8 pm PM US TV OK It The "
              "King Chairman Army NATO Paris Jordan Smith Obama iPod 787 Dreamliner Boeing A380 Street 5th "
              "Hilton hotel Calif. , . \n ( ) \" “ ” ' —").split(" ")


def _lone_texts() -> list[str]:
    return SENTENCES + _texts(500, seed=29) + _texts(500, seed=31, words=LONE_WORDS)


def test_lone_word_split_types_what_the_run_splitter_types(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _lone_texts()
    taken = []
    original = entities_mod._Doc._split_lone

    def spy(self, i):
        taken.append(i)
        return original(self, i)

    monkeypatch.setattr(entities_mod._Doc, "_split_lone", spy)
    _no_word_classes(monkeypatch)
    fast = [extract(t, None).to_dict() for t in texts]
    assert len(taken) > 3000  # (else the comparison below compares the full rules with themselves)
    monkeypatch.setattr(entities_mod._Doc, "_split_lone", lambda self, i: self._split_plain([i]))
    assert fast == [extract(t, None).to_dict() for t in texts]


def test_prechecks_never_skip_a_match() -> None:
    """Each regex is only tried where what it needs first is there: wherever it matches, its
    precheck lets it."""
    doc = entities_mod._Doc.__new__(entities_mod._Doc)
    texts = _texts(300, seed=37, words=LONE_WORDS + ["A330-200", "(PNSC)", "33,", "aged", "’s", "Alaska", "index",
                                                        "٣٣", "X5"])
    phrases = ["Tara Reid’s, 33, who", "Smith's, aged 41, of", "Luann Johnson, 66, of", "Apple Inc. (AAPL)"]
    hits = 0
    for text in texts + phrases:
        doc.text, doc.lower_after = text, {}  # (a new text: nothing of the last one's kept)
        for end in range(len(text) + 1):
            lo = max(0, end - 16)
            if entities_mod._MODEL_AFTER.match(text, end):
                assert entities_mod._model_number_after(text, end), (text, end)
                hits += 1
            if entities_mod._MODEL_BEFORE.search(text, lo, end):
                assert entities_mod._TWO_DIGITS.search(text, lo, end), (text, end)
                hits += 1
            lower = entities_mod._NEXT_LOWER.match(text, end)
            assert doc._next_lower(end) == (lower.group(1) if lower else "")
            assert entities_mod._age_after(text, end) == bool(entities_mod._AGE_AFTER.match(text, end))
            hits += entities_mod._age_after(text, end)
            if entities_mod._AFTER_TOWN.match(text, end) or entities_mod._PRODUCT_APPOSITION.match(text, end):
                assert text[end:end + 1] == ","
            if entities_mod._ACRONYM_AFTER.match(text[end:end + 14]):
                assert "(" in text[end:end + 14]
    assert hits > 200


def _case_blind_trigger() -> re.Pattern[str]:
    """The trigger scan as it was written before `_folded`: the words matched in any ASCII case."""
    def before(words: frozenset[str]) -> str:
        return r"(?= (?:(?ai:" + dates_mod._trie([w for w in words if w.isalpha()]) + r")(?![A-Za-z])|\d))"
    return re.compile(
        r"(?<![\w-])(?<!\d[,.])(?:(?ai:" + dates_mod._trie(
            [w for w in dates_mod._TRIGGERS if w.isalpha() and w not in ("the", "a")])
        + r")(?![A-Za-z])|(?ai:the)" + before(dates_mod._AFTER_THE) + "|(?ai:a)" + before(dates_mod._AFTER_A)
        + r"|\d|'\d)")


def test_lowering_keeps_what_the_trigger_scan_sees() -> None:
    """Every character but `_FOLD_UNSAFE` lowers to one character of the same \\w and \\d class, and
    outside ASCII when it was (inside ASCII only capitals change); those two do not."""
    word, digit = re.compile(r"\w"), re.compile(r"\d")
    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        ok = len(low) == 1 and bool(word.match(low)) == bool(word.match(ch)) and \
            bool(digit.match(low)) == bool(digit.match(ch)) and \
            (low == ch.translate(dates_mod._ASCII_LOWER) if ch.isascii() else not low.isascii())
        assert ok == (ch not in dates_mod._FOLD_UNSAFE), hex(code)


def _cased_date_texts(n: int, seed: int) -> list[str]:
    """Date salads in every case ("JANUARY", "The", "wEEk"), with the two unsafe characters and
    other letters beyond ASCII ("\u212a" is the Kelvin sign, "ſ" a long s)."""
    rng = random.Random(seed)
    words = DATE_WORDS + ["wee\u212a", "\u0130", "\u0130n", "ſeptember", "Étéé", "ΣΑ", "Ⅻ"]
    cased = [w.upper() if rng.random() < 0.2 else w.title() if rng.random() < 0.4 else
             "".join(ch.upper() if rng.random() < 0.3 else ch for ch in w) for w in words * 3]
    return _texts(n, seed, words + cased, (" ", " ", " ", "", "-", ", ", ". "))


def test_trigger_scan_on_folded_text_is_the_case_blind_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _cased_date_texts(1500, seed=41) + SENTENCES
    blind = _case_blind_trigger()
    for text in texts:
        assert [(m.span(), m.group().lower()) for m in blind.finditer(text)] == \
            [(m.span(), m.group()) for m in dates_mod._TRIGGER_TOKEN.finditer(text)], text
    fast = [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    monkeypatch.setattr(dates_mod, "_TRIGGER_TOKEN", blind)  # as the scan was: over the text itself
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    assert fast == [[(m.span(), m.lastgroup) for m in dates_mod._candidates(text)] for text in texts]
    assert sum(map(len, fast)) > 1000
    assert sum("\u212a" in t or "\u0130" in t for t in texts) > 100


def test_capitalised_words_without_the_article_branch_are_the_same_words() -> None:
    """`_cap_pattern` finds what `_CAP` finds, in texts with and without "al-"/"el-" (and near misses)."""
    words = WORDS + ["el-Sheikh", "Sharm", "al-", "el-", "real-time", "Tel-Aviv", "all-Star", "Bin-al-Sheikh",
                     "gel-X", "Él-Zé", "al-maliki", "O'Brien", "AT&T", "U.S", "a", "e", "l", "-", "A", "É", "×", "Ø", "÷"]
    texts = _texts(1500, seed=43, words=words, seps=(" ", " ", "", "", "-", "\n", ", ", ". ", "'"))
    hits = article = 0
    for text in texts:
        full = [m.span() for m in entities_mod._CAP.finditer(text)]
        assert [m.span() for m in entities_mod._cap_pattern(text).finditer(text)] == full, text
        hits += len(full)
        article += any(text[a:a + 1] in ("a", "e") for a, _ in full)
    assert hits > 5000 and article > 100


def test_lower_words_asked_one_at_a_time_are_the_words_found_all_at_once() -> None:
    """`_LowerWords` answers `word in` by finding the word in the text: the same answers as the set of all
    `_LOWER_WORD` matches, for the words there, their parts, other cases and near misses."""
    rng = random.Random(23)
    pieces = ("ab", "a", "b", "ba", "aba", "Ab", "AB", "ab2", "é", "ab_", "-", "'", " ", " ", " ", ", ", ".", "\n")
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 30))) for _ in range(1500)]
    texts += [t.lower() for t in _texts(200, seed=29)] + ["-ab ab", "ab-ab", "xab ab", "aba ab", "", "ab"]
    asked = ("", "a", "b", "ab", "ba", "aba", "abab", "bab", "Ab", "ab2", "é", "ab-", " ab", "the", "said", "paris")
    found = 0
    for text in texts:
        every = set(entities_mod._LOWER_WORD.findall(text))
        words = entities_mod._LowerWords(text)
        for word in asked + tuple(every) + tuple(w[1:] for w in every) + tuple(w[:-1] for w in every):
            assert (word in words) == (word in every), (text, word)
            assert (word in words) == (word in every)  # (answered again from what it learnt)
            found += word in every
    assert found > 5000


def test_a_stem_asked_by_its_forms_is_a_stem_of_the_lower_case_words() -> None:
    """`_stem_written` (the stem and the stem plus each suffix, asked one by one) answers as the set of the
    stems of all the article's lower-case words did, for the stems of the words there, of their parts and
    of capitalised words and near misses."""
    rng = random.Random(31)
    pieces = ("check", "checks", "checked", "checking", "ches", "chess", "uses", "us", "use", "used", "using",
              "bus", "buses", "sing", "ring", "red", "ed", "s", "es", "ing", "Checks", "cheeses", "-", "'", " ",
              " ", " ", ", ", ".", "\n")
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 25))) for _ in range(1500)]
    texts += [t.lower() for t in _texts(200, seed=37)]
    asked = ("check", "checks", "checked", "checking", "che", "ches", "chess", "us", "use", "uses", "bus", "sing",
             "s", "es", "ed", "ing", "red", "ring", "said", "paris", "cheese", "cheeses", "x")
    written = 0
    for text in texts:
        every = set(entities_mod._LOWER_WORD.findall(text))
        stems = {entities_mod._stem(w) for w in every}
        words = entities_mod._LowerWords(text)
        for word in asked + tuple(every) + tuple(w[1:] + "s" for w in every) + tuple(w + "ed" for w in every):
            stem = entities_mod._stem(word)
            assert entities_mod._stem_written(stem, words) == (stem in stems), (text, word)
            written += stem in stems
    assert written > 5000


def test_a_word_named_in_the_text_is_found_as_the_pattern_finds_it() -> None:
    """`_named_in_text` (`str.find` and a word-boundary test) answers as the pattern `[A-Za-z,] word\\b`
    searched before the headline line and after it did, for words that end in letters, dots, hyphens,
    apostrophes and digits, next to letters, digits, underscores, non-ASCII letters and line ends."""
    rng = random.Random(41)
    words = ("Academy", "U.S.", "Red", "Sox", "A1", "Ko-", "O'", "Za", "Zé", "Red_")
    pieces = words + ("a ", ", ", "a", "é", ",", " ", " ", " ", "\n", "_", "1", "²", ".", "x", "Ä")
    found = 0
    for _ in range(6000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 30)))
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2))
        line_start, line_end = cuts
        for word in words:
            pattern = re.compile(rf"[A-Za-z,] {re.escape(word)}\b")
            slow = pattern.search(text, 0, line_start) is not None or pattern.search(text, line_end) is not None
            assert entities_mod._named_in_text(word, text, line_start, line_end) == slow, (text, word, cuts)
            found += slow
    assert found > 600


def test_a_score_is_found_from_the_hyphens_as_the_search_finds_it() -> None:
    """`_score_in` (a match tried two to four characters before each hyphen) answers as `_SCORE.search`, in
    salads of digits (Arabic-Indic ones too), hyphens, spaces, letters and line breaks."""
    rng = random.Random(47)
    pieces = ("1", "12", "102", "1234", "-", "-", " ", " ", "a", "\n", "٣", "_", ".", "99-", "-7", " 1", " 12", " 102")
    found = 0
    for _ in range(6000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 16)))
        slow = entities_mod._SCORE.search(text) is not None
        assert entities_mod._score_in(text) == slow, text
        found += slow
    assert 400 < found < 5500


def test_acronyms_are_told_apart_whatever_was_asked_before() -> None:
    """`_is_acronym` is kept for each word asked: the same answers as the rule itself, for words that differ
    only in case, dots or a plural s, asked in any order and again."""
    rng = random.Random(53)
    words = ["US", "Us", "us", "U.S.", "U.S", "UN", "UNs", "NASA", "Nasa", "A", "I", "AT&T", "F-16", "G7", "CEOs",
             "The", "He", "IRNA", "A.B.", "X1", "ÉU", "ÉTÉ", "B2B", "M23"]
    rule = entities_mod._is_acronym.__wrapped__
    for _ in range(20):
        rng.shuffle(words)
        for word in words:
            assert entities_mod._is_acronym(word) == rule(word), word
    assert sum(map(rule, words)) > 5


def _opens_sentence(text: str, start: int, word: str, prev: entities_mod.Token | None, prev_kept_dot: bool) -> bool:
    """The sentence-initial rule of `_cap_runs` read in full (no shortcut for a word after a word and a space)."""
    i = start - 1
    while i >= 0 and text[i] in entities_mod._OPENERS:
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in entities_mod._SENTENCE_END:
        return not (text[i] == "." and prev is not None and prev.end == i + 1 and prev_kept_dot) \
            or word in entities_mod._SENTENCE_OPENERS
    if text[i] in ",:" and (text[start - 1] in entities_mod._QUOTE_OPENS or text[start - 1] == " "
                            and text[start - 3:start - 1] in entities_mod._SPACED_QUOTE_OPENS):
        return True  # ('said, "Stop', 'said, " Stop': a quotation mark apart from the word too)
    return start - i > 2 and any(dash in text[i + 1:start] for dash in ("—", "–", "--", " - ")) and \
        entities_mod._DATELINE.match(text, text.rfind("\n", 0, i) + 1, i + 1) is not None


def test_capitalised_words_open_sentences_as_the_full_rule_says() -> None:
    """`_cap_runs` decides that a word after a character that is no opener, line break or sentence end (a letter,
    a digit, a comma, a closing bracket) and one space opens no sentence without reading back: every token's `initial` is what the full rule gives, after letters, digits (² too), underscores,
    marks, quotes, dashes, line breaks and abbreviations; and the words with dots, hyphens and apostrophes
    (read only for words not of letters alone) keep their readings."""
    words = WORDS + ["Mr.", "Inc.", "St.", "Kim Jong-un", "US-brokered", "Israel-Iran", "Iran's", "We've", "x²",
                     "A380", "snake_case", "They"]
    texts = _texts(1500, seed=59, words=words, seps=(" ", " ", " ", "", "\n", ", ", ". ", ": “", " — ", "² ", "_ ", ") ", "% ", "; ", "\n ", ", \" "))
    texts += [" " + text for text in texts[:300]]
    c = entities_mod.cues()
    places = entities_mod.gazetteer().places
    fast = shortcut = after_comma = 0
    for text in texts:
        tokens, _ = entities_mod._cap_runs(text, c, places)
        prev = None
        for tok in tokens:
            if not tok.cap:
                continue
            kept_dot = prev is not None and prev.word.endswith(".")
            assert tok.initial == _opens_sentence(text, tok.start, tok.word, prev, kept_dot), (text, tok)
            shortcut += tok.start > 1 and text[tok.start - 2] not in entities_mod._NOT_MID_SENTENCE \
                and text[tok.start - 1] == " "
            after_comma += text[tok.start - 2:tok.start] == ", "
            fast += 1
            prev = tok
    assert fast > 10000 and shortcut > 2000 and after_comma > 500
    tokens, _ = entities_mod._cap_runs("Ask Mr. Smith of Iran's US-brokered Israel-Iran deal", c, places)
    assert [(t.word, t.possessive, t.modifier, t.stop) for t in tokens if t.cap] == [
        ("Ask", False, False, False), ("Mr.", False, False, False), ("Smith", False, False, False),
        ("Iran", True, False, False), ("US", False, True, False), ("Israel", False, False, True),
        ("Iran", False, False, True)]
    # (no word joins one after a possessive, a modifier or a stop: a date after a name, a place of a pair)
    for text, joined in (("Ask Smith's Jones and US-brokered Paris Tuesday Rome", [["Ask", "Smith"], ["Jones", "and", "US"],
                                                                                ["Paris"], ["Rome"]]),
                         ("Ask Jones of Paris Tuesday of Rome", [["Ask", "Jones", "of", "Paris"], ["Rome"]]),
                         ("The Israel-Iran and Rome talks", [["The"], ["Israel"], ["Iran"], ["Rome"]]),
                         ("Ask Smith's of Rome", [["Ask", "Smith"], ["Rome"]])):
        tokens, runs = entities_mod._cap_runs(text, c, places)
        assert [[tokens[i].word for i in run] for run in runs] == joined, text


def test_a_title_in_a_run_of_two_words_is_read_and_a_word_alone_skips_the_title_rule() -> None:
    """`_split_run` reads titles only in runs of two words or more (a word alone holds no title followed by a
    name): "President Obama" is still a title and a person where an organisation is named after him too."""
    found = extract("The Obama Administration said. She thanked President Obama, who left.", None).to_dict()
    assert [(e["text"], e["kind"]) for e in found["entities"]] == [("Obama Administration", "org"), ("Obama", "person")]


def test_the_lower_case_word_after_a_name_is_kept_for_each_end() -> None:
    """`_Doc._next_lower` keeps its answer for each end: asked at every end of a text, in any order and again,
    it gives what `_NEXT_LOWER` gives there (the word when it opens with a lower-case ASCII letter)."""
    rng = random.Random(67)
    found = 0
    for text in [t.lower() if k % 3 == 0 else t for k, t in enumerate(_texts(300, seed=71))]:
        doc = entities_mod._Doc(text)
        ends = list(range(len(text) + 1)) * 2
        rng.shuffle(ends)
        for end in ends:
            m = entities_mod._NEXT_LOWER.match(text, end)
            assert doc._next_lower(end) == (m.group(1) if m else ""), (text, end)
            found += m is not None
    assert found > 3000


#: Words alone in their runs of every kind a rule reading the word alone types or drops (plural acronyms,
#: languages and nationalities, digits, numbering and street words, organisation words, indices, generations,
#: time zones, currencies, holidays, places, date lines, parties, regions, creeds, common words, clock words,
#: titles, agencies, particles, event heads) and names no list knows, with what the rules reading the text
#: around them ask for (a model number, a product class, a facility, a state, "new", a language verb, quotes).
CLASS_WORDS = ("MPs CEOs French Iranian Iranians Mandarin A380 Flight 447 Street 5th Nasdaq Jr. GMT USD US $40 "
               "Christmas Paris TEHRAN INTERNATIONAL D-N.Y. Army Inc. West Zionist Judaism X PM P.M. pm 8 Obama "
               "Smith Lohan Klitschko Zamfara Palmer Qeshm Xerxo Boeing 787 Safari browser hotel airport island "
               "Calif. Alaska new spoke the The He But King Reuters AP reported De Van Conference Summit Monday "
               "said it its index rebel group in Hilton film iPod of and Xinhua Bloomberg by according to Xerxo-backed "
               "Apple-made THE AND WHO IT \" “ ” ' ( ) , . \n —").split(" ")
#: ... and rules reading a word alone that word salads seldom set up.
CLASS_SENTENCES = ["He spoke Mandarin and studied Farsi. Urdu is spoken.", "Winds from the West. The East, the West.",
                   "Xinhua reported that. According to Bloomberg, the Xerxo-backed plan. 8:44 PM ET and 9 PM Obama.",
                   "THE END. IT said. WHO warned. He said AND left."]


def _class_texts() -> list[str]:
    return SENTENCES + CLASS_SENTENCES + _texts(600, seed=73, words=CLASS_WORDS) + _texts(300, seed=79, words=LONE_WORDS) \
        + _texts(300, seed=83)


def test_words_alone_typed_by_their_class_are_what_the_full_walk_makes_of_them(monkeypatch: pytest.MonkeyPatch
                                                                              ) -> None:
    """`_Doc.run` settles a run of one word by its class where it can (a lone common word dropped after the
    quotation test, a plain word typed by the rules that read the text around it only): the same pieces as
    `_split_run`'s full walk, which every run takes when no class is read."""
    texts = _class_texts()
    entities_mod._WORD_CLASSES.clear()
    fast = [extract(t, None).to_dict() for t in texts]
    classes = set(entities_mod._WORD_CLASSES.values())
    assert {0, entities_mod._LONE_COMMON, entities_mod._PLAIN} <= classes  # (else the shortcut was not tried)
    _no_word_classes(monkeypatch)
    assert fast == [extract(t, None).to_dict() for t in texts]


def test_word_classes_are_read_again_with_other_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept classes hold for the cue lists, gazetteer and holidays they were read with only."""
    c, g, holidays = entities_mod.cues(), entities_mod.gazetteer(), entities_mod.holiday_names()
    classes = entities_mod._word_classes(c, g, holidays)
    classes["Xerxo"] = entities_mod._PLAIN
    assert entities_mod._word_classes(c, g, holidays).get("Xerxo") == entities_mod._PLAIN
    other = dataclasses.replace(c, common=c.common | {"xerxo"})
    assert "Xerxo" not in entities_mod._word_classes(other, g, holidays)
    assert entities_mod._word_classes(c, g, holidays) == {}
    monkeypatch.setattr(entities_mod, "_WORD_CLASSES_LIMIT", 3)
    for word in ("A", "B", "C", "D", "E"):
        entities_mod._word_classes(c, g, holidays)[word] = 0
    assert len(entities_mod._word_classes(c, g, holidays)) <= 3  # (started again when full)


def _split_pieces(text: str) -> tuple:
    """What the run loop of `_Doc.run` leaves (the pieces with all they hold, products, works), before settling."""
    doc = entities_mod._Doc(text)
    doc.run()
    return [(p.start, p.end, p.text, p.words, p.kind, p.strong, p.name, p.initial, p.prev_word, p.next_word, p.short)
            for p in doc.pieces], sorted(doc.products), sorted(doc.works), doc.product_end


def test_words_alone_typed_by_their_class_leave_the_pieces_the_full_walk_leaves(monkeypatch: pytest.MonkeyPatch
                                                                               ) -> None:
    """The same, piece by piece before settling (which could hide a difference: a kind the settling would give
    anyway)."""
    for step in ("_acronyms", "_nicknames", "_settle", "_legal_forms_after_commas"):
        monkeypatch.setattr(entities_mod._Doc, step, lambda self: None)
    texts = _class_texts()
    fast = [_split_pieces(t) for t in texts]
    _no_word_classes(monkeypatch)
    assert fast == [_split_pieces(t) for t in texts]


def _class_of(word: str, c: object = None) -> int:
    doc = entities_mod._Doc.__new__(entities_mod._Doc)
    doc.c, doc.g, doc.holidays = c or entities_mod.cues(), entities_mod.gazetteer(), entities_mod.holiday_names()
    return doc._word_class(word)


def test_a_word_some_rule_reads_alone_has_no_class() -> None:
    """Classes where no word of the lists sets a rule up yet (users extend the lists): a clock's "PM", a common
    word in capitals (an acronym the name's front keeps), a common word that heads an event's name."""
    assert _class_of("Xerxo") == entities_mod._PLAIN and _class_of("The") == entities_mod._LONE_COMMON
    assert _class_of("PM") == _class_of("Pm") == 0
    assert _class_of("THE") == 0
    c = entities_mod.cues()
    assert _class_of("Xerxo", dataclasses.replace(c, common=c.common | {"xerxo"})) == entities_mod._LONE_COMMON
    assert _class_of("Xerxo", dataclasses.replace(c, common=c.common | {"xerxo"},
                                                  event_heads=c.event_heads | {"xerxo"})) == 0


def test_legal_forms_are_looked_for_only_where_one_stands_after_a_comma(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_legal_forms_after_commas` reads the pieces only where `_LEGAL_FORM_AFTER_COMMA` finds a place for a legal
    form: the same firms as reading them in every text."""
    words = WORDS + ["Summit Entertainment", "Acme", "LLC", "Inc", "INC.", "L.P.", "Ltd.", "GmbH", "Corp.", "plc", "LP"]
    texts = _texts(800, seed=89, words=words) + ["Summit Entertainment, LLC said.", "Apple, Inc. and Acme, L.P."]
    fast = [extract(t, None).to_dict() for t in texts]
    assert sum(any(e["text"].endswith(("LLC", "Inc.", "L.P.", "GmbH", "Ltd.")) for e in found["entities"])
               for found in fast) > 20  # (firms were joined to their forms)
    monkeypatch.setattr(entities_mod, "_LEGAL_FORM_AFTER_COMMA", re.compile(""))
    assert fast == [extract(t, None).to_dict() for t in texts]


#: Sentences that give every part of `_Doc._evidence` something: strong mentions voting (a name typed
#: twice, one typed two ways), lone names, person cues, organisations' words, short forms of named places.
EVIDENCE_SENTENCES = [
    "Betty Ford spoke. The Betty Ford Center opened. Betty Ford Center staff and the Palmer Fire Department came.",
    "Referee Sam Williams said he left. Klitschko said he won. Tara Reid, 33, laughed. The CNN chief, Jensen Huang,",
    "Reuters reported it. Reuters reported more. AP said so. Iran and France met in Paris. Jackson said he would.",
    "The International Atomic Energy Agency (IAEA) said. The IAEA chief. Mark Jackson met Jackson in Jackson.",
    "Authorities said he spotted it. Senator Smith and Smith Industries met. Kimani (Kiki) Gray died.",
]


def _evidence_set_by_set(doc: entities_mod._Doc, pieces: list) -> tuple:
    """What `_settle` gathered over the pieces one set at a time before `_Doc._evidence` (votes and short
    forms as lists of items: their order counts, the first kind wins a tie)."""
    PERSON, ORG, PLACE = entities_mod.PERSON, entities_mod.ORG, entities_mod.PLACE
    votes: dict[str, dict[str, int]] = {}
    for piece in pieces:
        if piece.kind and piece.strong:
            votes.setdefault(piece.text, {}).setdefault(piece.kind, 0)
            votes[piece.text][piece.kind] += 2
    lone = {p.words[0] for p in pieces if len(p.words) == 1 and (
        p.kind in (None, PERSON) or p.kind == PLACE and p.name not in doc.g.countries)}
    speaking = entities_mod._PERSON_VERBS  # (a place's name speaking: "Jackson said")
    towns = [p for p in pieces if len(p.words) == 1 and p.kind == PLACE and p.name not in doc.g.countries]
    lone_places = {p.words[0] for p in towns if p.next_word not in speaking} - {
        p.words[0] for p in pieces if len(p.words) == 1 and p.kind in (None, PERSON)} - {
        p.words[0] for p in towns if p.next_word in speaking}
    cued = {p.words[-1] for p in pieces if p.kind is None and doc._person_cue(p)
            and not entities_mod._is_acronym(p.words[-1])
            and not (p.initial and len(p.words) == 1 and p.words[0].lower() in entities_mod.english_words()[0])}
    org_words = {w for p in pieces if p.kind == ORG for w in p.words}
    c = doc.c
    short_forms = {tuple(p.words[:-1]): p for p in pieces if len(p.words) >= 3 and p.strong and p.kind in (PLACE, ORG)
                   and (p.words[-1].lower() in c.place_heads or p.words[-1].lower() in c.org_heads)}
    return ([(k, list(v.items())) for k, v in votes.items()], lone, cued, org_words,
            [(k, id(v)) for k, v in short_forms.items()], lone_places)


def _evidence_as_lists(doc: entities_mod._Doc, pieces: list, evidence=entities_mod._Doc._evidence) -> tuple:
    votes, lone, cued, org_words, short_forms, lone_places = evidence(doc, pieces)
    return ([(k, list(v.items())) for k, v in votes.items()], lone, cued, org_words,
            [(k, id(v)) for k, v in short_forms.items()], lone_places)


def test_evidence_gathered_in_one_pass_is_what_each_gathering_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_Doc._evidence` gathers in one loop what `_settle` gathered over the pieces one set at a time:
    the same votes, lone names, cued names, organisations' words and short forms, from the same pieces."""
    real = entities_mod._Doc._evidence
    met = [0] * 7  # (votes, a name typed twice or two ways, lone, cued, organisations' words, short forms, places alone)

    def checked(self: entities_mod._Doc, pieces: list) -> tuple:
        before = _evidence_set_by_set(self, pieces)
        assert _evidence_as_lists(self, pieces, real) == before
        for k, found in enumerate((before[0], any(len(v) > 1 or (k, 4) in v for k, v in before[0])) + before[1:]):
            met[k] += bool(found)
        return real(self, pieces)

    monkeypatch.setattr(entities_mod._Doc, "_evidence", checked)
    for text in EVIDENCE_SENTENCES + _class_texts():
        extract(text, None)
    assert all(met), met  # (every part met something to gather)


def test_evidence_from_pieces_the_texts_above_seldom_make() -> None:
    """A weak name of three words ending in a head word, a strong one no rule typed, a country alone."""
    doc = entities_mod._Doc("x")
    Piece, ORG, PLACE = entities_mod.Piece, entities_mod.ORG, entities_mod.PLACE
    pieces = [Piece(0, 1, "Betty Ford Center", ["Betty", "Ford", "Center"], ORG),
              Piece(0, 1, "Palmer Town Hall", ["Palmer", "Town", "Hall"], PLACE, True),
              Piece(0, 1, "Xerxo", ["Xerxo"], None, True), Piece(0, 1, "Xerxo", ["Xerxo"], ORG, True),
              Piece(0, 1, "France", ["France"], PLACE, True, "France"), Piece(0, 1, "Qeshm", ["Qeshm"], PLACE),
              Piece(0, 1, "Betty Ford Clinic", ["Betty", "Ford", "Clinic"], ORG, True),
              Piece(0, 1, "Palmer", ["Palmer"], PLACE, next_word="said"), Piece(0, 1, "Palmer", ["Palmer"], PLACE)]
    assert _evidence_as_lists(doc, pieces) == _evidence_set_by_set(doc, pieces)
    assert _evidence_as_lists(doc, pieces)[-1] == {"Qeshm"}  # (Palmer speaks: a surname as often)


def test_a_name_owning_a_relative_is_a_person_where_the_leaders_are_gathered_with_the_people() -> None:
    """`_settle` gathers leaders' and people's names in one loop: a lone name that owns a relative is a
    person's, here and where it stands alone (not the organisation the first word of a name would make it)."""
    found = extract("Officials said Zorbex's wife left the Zorbex Group. Zorbex said.", None).to_dict()["entities"]
    assert [(e["text"], e["kind"]) for e in found] == [("Zorbex", "person"), ("Zorbex Group", "org"),
                                                       ("Zorbex", "person")]
