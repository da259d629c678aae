"""`_Doc.run` asks `_quoted_work` about a common word alone in its run ("The", "He"), which is dropped whatever the
answer, only where the word may stand in a quoted title it remembers (`_work`): not where a lower-case word no title
holds follows, nor where no title can close (`_no_title_after`). The pieces and the remembered titles are those of
asking at every such word; `_quoted_work` reads the text as it did."""

from __future__ import annotations

import random

from newsreader.extract import entities as entities_mod

CAPS = ["The", "A", "An", "He", "She", "It", "In", "But", "Boy", "Golden", "Compass", "Paris", "Obama", "France",
        "Most", "Likely", "Succeed", "New", "York", "Oz", "Catching", "Fire", "American", "Pie", "This", "That",
        "We", "They", "There", "Monday", "President", "Bank", "Yen", "Of", "And", "For", "Ask", "Do", "Never",
        "Come", "Back", "Sea", "Red", "Love", "Actually"]
LOWS = ["of", "the", "a", "and", "from", "to", "in", "said", "says", "was", "he", "told", "is", "on", "for", "with",
        "about", "my", "up", "president", "new", "film", "book", "her", "novel", "called", "out", "not", "often"]
MARKS = ['"', "“", "”", "``", "''", "‘", "’", "'", "'s", ",", ".", "!", "?", ":", " -", "\n", "$40", " (", ")"]


def _texts() -> list[str]:
    rng = random.Random(48)
    texts = []
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(4, 40)):
            pool = rng.choices((CAPS, LOWS, MARKS), weights=(4, 3, 3))[0]
            parts.append(rng.choice((" ", " ", " ", "", "  ")) + rng.choice(pool))
        texts.append("".join(parts).strip())
    opens, closes = ['"', "“", "``", "‘", " '"], ['"', "”", "''", "’", "'"]
    small = ["of", "the", "a", "and", "from", "to", "in", "on", "for", "with", "about", "my", "up", "out", "not"]
    texts += [f"{rng.choice(LOWS)} {rng.choice(opens)}{rng.choice(CAPS)} {rng.choice(small)} {rng.choice(CAPS)}"
              f"{rng.choice(['', ',', '.', '!'])}{rng.choice(closes)} {rng.choice(LOWS + CAPS)}" for _ in range(800)]
    texts += ['He sang "Come on Over" and "Never Say Never" in Paris.', "the film ‘The Boy from Oz’, she said.",
              "“Love Actually” was on. The president said the book 'Ask Me' is out."]
    return texts


def _run_asking_every_lone_word(doc: entities_mod._Doc, ask_common: bool = True) -> list[tuple]:
    """`_Doc.run` as it was: `_quoted_work` asked for every word alone in its run that has a class (with
    `ask_common` False: never for a common word, which shows the texts reach the titles they remember)."""
    toks, classes = doc.tokens, entities_mod._word_classes(doc.c, doc.g, doc.holidays)
    for run in doc.runs:
        if len(run) == 1:
            tok = toks[run[0]]
            kind = classes.get(tok.word)
            if kind is None:
                kind = classes[tok.word] = doc._word_class(tok.word)
            if kind and tok.cap and not tok.modifier:
                if (ask_common or kind == entities_mod._PLAIN) and not doc._quoted_work(run, tok.start, tok.end) \
                        and kind == entities_mod._PLAIN:
                    doc._type_piece(run, plain=True)
                continue
        doc._split_run(run)
    doc._acronyms()
    doc._nicknames()
    doc._settle()
    doc._legal_forms_after_commas()
    return [p for p in doc.pieces if p.kind in (entities_mod.PERSON, entities_mod.ORG, entities_mod.PLACE)]


def test_lone_common_words_ask_for_titles_only_where_one_may_be() -> None:
    reached = 0
    for text in _texts():
        fast = entities_mod._Doc(text)
        slow = entities_mod._Doc(text)
        assert fast.run() == _run_asking_every_lone_word(slow), text
        assert fast.works == slow.works, text
        never = entities_mod._Doc(text)
        _run_asking_every_lone_word(never, ask_common=False)
        reached += never.works != slow.works
    assert reached > 150  # (texts where a common word alone opens a title that is remembered)


def _quoted_work_as_it_was(doc: entities_mod._Doc, run: list[int], start: int, end: int) -> bool:
    """`_Doc._quoted_work` as it read the text: the currency's word first, the two characters before the run sliced."""
    text = doc.text
    if len(run) == 1 and doc.tokens[run[0]].word in doc.c.currencies and text[end:end + 1] == "$":
        return True
    if text[max(0, start - 2):start].endswith(entities_mod._OPEN_QUOTES) and \
            entities_mod._CLOSE_QUOTE.match(text, end) and not (len(run) == 1 and doc._place_of(run)):
        return True
    title = entities_mod._quoted_title(text, start, end)
    if title is not None and not all(w in doc.g.places for w in title.split() if w[:1].isupper()):
        doc._work(title)
        return True
    return False


def test_quoted_work_reads_the_quote_and_the_sign_as_the_slices_did() -> None:
    rng = random.Random(52)
    quotes = ['"', "“", "``", "`", "‘", "'", "''", "”", "’", "$", " ", "x"]
    texts = [rng.choice(["", "", *quotes]) + rng.choice(quotes[:6] + [""]) + " ".join(
        rng.choice(CAPS + LOWS + ["Yen", "US", "Euro", "France"]) + rng.choice(["", "", *quotes])
        for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    seen = {"currency": 0, "quoted": 0, "title": 0, "at 0 or 1": 0}
    for text in texts:
        fast, slow = entities_mod._Doc(text), entities_mod._Doc(text)
        for run in fast.runs:
            start, end = fast.tokens[run[0]].start, fast.tokens[run[-1]].end
            answer = fast._quoted_work(run, start, end)
            assert answer == _quoted_work_as_it_was(slow, run, start, end), (text, run)
            assert fast.works == slow.works, (text, run)
            seen["currency"] += answer and text[end:end + 1] == "$"
            seen["quoted"] += answer and not fast.works
            seen["title"] += bool(fast.works)
            seen["at 0 or 1"] += answer and start < 2
    assert min(seen.values()) > 10, seen


def test_no_title_is_said_to_close_where_one_may() -> None:
    """`_no_title_after` says no title closes where the old first test of `_quoted_title` said so (a lower-case word
    no title holds follows), and elsewhere only where `_TITLE_CLOSE` matches nothing (then `_quoted_title` was None
    too); it says so at most places where nothing matches."""
    rng = random.Random(71)
    pieces = CAPS + LOWS + MARKS + ["’s", "''", "_x", "é", "\xa0", "\t", "&", "1", "(", "’x", "'_", "Of the"]
    texts = ["".join(rng.choice(pieces) + rng.choice(("", " ", " ", "\n")) for _ in range(rng.randint(1, 8)))
             for _ in range(4000)]
    said = unmatched = matched = regex_would_read = 0
    for text in texts:
        for end in range(len(text) + 1):
            closed = entities_mod._TITLE_CLOSE.match(text, end)
            story_goes_on = text[end:end + 1] == " " and text[end + 1:end + 2].islower() \
                and text[end + 1:end + 8].split(" ", 1)[0] not in entities_mod._TITLE_SMALL_WORDS
            if story_goes_on:  # (the title a regex might read there is none: "Come out\n'": no title closes)
                start = max(text.rfind(mark, 0, end) for mark in " \"“‘'`") + 1
                assert entities_mod._quoted_title(text, start, end) is None, (text, end)
                regex_would_read += closed is not None
            if entities_mod._no_title_after(text, end):
                assert story_goes_on or closed is None, (text, end)
                said += not story_goes_on
            else:
                assert not story_goes_on, (text, end)
            matched += closed is not None
            unmatched += closed is None and not story_goes_on
    assert matched > 1500 and said > 0.8 * unmatched and regex_would_read > 10, (matched, said, unmatched,
                                                                                regex_would_read)
