"""Is a story written in English? The extractor's rules, cue lists and gazetteer are English (and so
are the spaCy models newsreader loads): on a German, French or Spanish story they made every
capitalised noun an organisation ("Streik", "Zumutung") and glued titles onto names ("Bundeskanzler
Olaf Scholz"), so the reader's side pane was noise. Such a story gets no names (`extract`).

The test needs no data and knows no other language: the share of words only English writes ("the",
"which", "said": `ENGLISH_WORDS`) among a story's running words (`prose_words`). Measured (2026-11):
English stories score 0.10 (a short live blog) to 0.4, MEANTIME's and the seeds' 0.18 at least, ECB+'s
0.14; stories in 20 other languages (French, German, Spanish, Italian, Dutch, Portuguese, Swedish,
Danish, Norwegian, Polish, Czech, Romanian, Hungarian, Finnish, Turkish, Catalan, Indonesian,
Vietnamese, Russian, Arabic) score 0, and a German one quoting a sentence of English 0.03. It is
conservative: a text with too few running words to judge (a headline, a sentence or two, a list of
names, a table of figures, a filler said over and over) counts as English, and so does a text whose
start is plainly English; a short text (`MIN_SHORT_WORDS` to `MIN_PROSE_WORDS` running words) is
judged only by a stricter sign (`SHORT_OTHER_AT_LEAST`). And a low share alone is not enough (a page of sentence-case headlines
scores 0.015): the text must also show another language, its own function words ("der", "les",
"que", "della", `OTHER_WORDS`) or words of a script that is not Latin, among `OTHER_AT_LEAST` of its
running words (stories in 20 other languages: 0.08 at least, most 0.2-0.4; English news 0.04 at most).
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_WORDS", "MIN_PROSE_WORDS", "MIN_SHORT_WORDS", "NOT_ENGLISH_BELOW", "OTHER_AT_LEAST",
           "SHORT_OTHER_AT_LEAST",
           "NAME_PARTICLES", "OTHER_WORDS", "english_share", "is_english", "other_share", "other_signs",
           "prose_words"]

#: Frequent words of English news that no other Latin-script language writes as a word of its own.
#: Left out, though frequent: words another language shares (in, a, an, on, at, is, as, was, be, by,
#: to, for, or, are, he, her, we, will, also, so, over, under, all, can, do, no, me, most, even, just,
#: still, more, has, of: Dutch "of", Polish "to" and "we", German "will", "was" and "also", Turkish "her",
#: Danish "for" and "at", Portuguese "do" and "as", Romanian "are", Swedish "just"), and "new" ("New York").
ENGLISH_WORDS = frozenset("""
the and that with without said says told from which who whom whose what when where while why how their
they them these those this there than then have had were been being would could should might does did
after before about into through against between during since until because though although however
but not its it his him she our you your other some such only any each every both another own same
if whether out up off down now first two three people year years week government according
including""".split())

#: Frequent function words of other languages that English prose does not write in small letters
#: (German, French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Polish, Czech, Romanian,
#: Turkish, Indonesian, Finnish, Hungarian, Catalan, Vietnamese, and a few of Croatian, Slovak,
#: Tagalog, Swahili, Lithuanian): the positive sign `is_english`
#: asks for. Left out: words English has (die, den, hat, war, will, also, van, per, con, par, plus,
#: pas, son, is, on, an, do, care, till, met, non, ...).
OTHER_WORDS = frozenset("""
der das und ist nicht sich auf für dem des ein eine einer einen einem eines zu von im nach wie bei aus sind wird
wurde werden oder auch noch nur sie er ihr ihre sagte gegen seit über zum zur durch sollen soll kann können
le les est et une dans qui du au aux avec ce cette il elle ont sont été mais ses leur leurs ne selon lors
el los las del por para se como más pero su sus fue han es al este esta está según sobre entre
della di che è sono nel nella alla dei delle gli anche stato stata dal dalla sul sulla
os da das dos não uma com foi mais pelo pela ao à após
het een niet zijn voor dat er ook werd naar bij uit hun wordt
och att är det som på för inte av om har efter
og af til ikke jeg blev
się że nie na od przez dla oraz został jak już po
že je ve jako který které která jsou byl
și în cu pe este care să mai pentru fost
ve bir bu için ile olarak çok daha olan
yang dan di ini itu dengan untuk dari akan tidak dalam pada juga oleh
ja että ei joka oli ovat myös kanssa
az és hogy nem egy meg már szerint
els amb però és
và của là có được trong cho không những các người này
su za sa ang ng mga kwa ir kad yra
""".split())

#: The share of a text's running words that must be `OTHER_WORDS` or not in Latin script before a low
#: English share makes it "not English".
OTHER_AT_LEAST = 0.06

# A word with a letter of a script other than Latin (Latin: ASCII, Latin-1, Latin Extended A/B and
# Additional); such a word is a sign of another language.
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")

#: Running words a text needs before it is judged; fewer, and it counts as English.
MIN_PROSE_WORDS = 30

#: A short text (this many running words, fewer than `MIN_PROSE_WORDS`) is not English when none of its
#: words is one of `ENGLISH_WORDS` and `SHORT_OTHER_AT_LEAST` of them show another language (so 2 at
#: least; `other_signs`): a German or French story of two or three sentences, a standfirst, a Chinese
#: text (each run of characters a word). Measured (2026-11) on every text and
#: paragraph of 12-29 running words of the English sets (MEANTIME, ECB+ texts and pages, seeds, the
#: challenge lines, Q8's English pages, 30,000 fuzz texts; about 10,700): 13 have no English word
#: ("A Norwalk jury on Tuesday ordered execution for a gang member ..."), and none of those shows a
#: sign of another language (0 of 13), so none is judged; foreign paragraphs of that length: 22 of 36.
MIN_SHORT_WORDS = 12
SHORT_OTHER_AT_LEAST = 0.15

#: A text whose share of `ENGLISH_WORDS` among its running words is below this is not English...
NOT_ENGLISH_BELOW = 0.04

#: A text whose first `QUICK_CHARS` characters hold " the " three times and once in `THE_EVERY` characters
#: or more is English at once (`is_english`; English news has it about once in 100-250).
QUICK_CHARS = 3000
THE_EVERY = 300

#: Words of `OTHER_WORDS` that are also names' particles ("von der Leyen", "Lula da Silva", "al-Assad"):
#: before a capital they are part of a name, which English news writes too.
NAME_PARTICLES = frozenset("von der den da das dos del al el le du".split())
# What follows a name's particle: a space or hyphen and a capital, perhaps after a second particle.
_BEFORE_NAME = re.compile(r"(?:\s+|-)(?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r"|de|di|la|van)\s+)?[^\W\d_a-zß-ÿ]")

# Runs of letters (no digits, no underscore): the words of any script.
_WORD = re.compile(r"[^\W\d_]+")


def prose_words(text: str) -> tuple[int, int]:
    """(running words, English function words among them) of `text`. A running word is one written
    in small letters (or in a script without capitals), or one of `ENGLISH_WORDS` with a capital
    ("The", "Which"): capitalised words are names, headings and German nouns, and a word in capitals
    is an acronym ("WHO", "US") or shouting, so a list of names or a table of figures is not prose."""
    running = english = 0
    words = ENGLISH_WORDS
    for word in _WORD.findall(text):
        low = word.lower()
        if word == low:
            running += 1
            if low in words:
                english += 1
        elif low in words and word[1:] == low[1:]:
            running += 1
            english += 1
    return running, english


def english_share(text: str) -> float | None:
    """The share of `ENGLISH_WORDS` among `text`'s running words, or None when it has fewer than
    `MIN_PROSE_WORDS` of them (too short to judge): the figure `NOT_ENGLISH_BELOW` is a bound of, kept for
    scripts and tests that weigh a text against it. `is_english` works it out itself, from the one
    `prose_words` pass its short-text branch reads too."""
    running, english = prose_words(text)
    if running < MIN_PROSE_WORDS:
        return None
    return english / running


def is_english(text: str) -> bool:
    """False only for a text long enough to judge whose share of English function words is below
    `NOT_ENGLISH_BELOW` and which shows another language (`other_share` at least `OTHER_AT_LEAST`;
    a filler said over and over, "van Lt. " 300 times, shows none): the extractor
    gives it no names. A text that starts with " the " as often as English does (`QUICK_CHARS`,
    `THE_EVERY`; no other language writes it) is English without a word being looked at: one count
    in C over 3,000 characters at most, where the words' pass costs about 5% of the extraction's
    time, which most English news (90% of ECB+'s) is spared. (A text whose start is English keeps
    its names whatever follows: in doubt, English.)"""
    the = text.count(" the ", 0, QUICK_CHARS)
    if the >= 3 and the * THE_EVERY >= min(len(text), QUICK_CHARS):
        return True
    running, english = prose_words(text)
    if running < MIN_PROSE_WORDS:
        if running < MIN_SHORT_WORDS or english:
            return True
        small, signs = other_signs(text)
        return signs < SHORT_OTHER_AT_LEAST * small
    if english / running >= NOT_ENGLISH_BELOW:
        return True
    return other_share(text) < OTHER_AT_LEAST


def other_share(text: str) -> float:
    """The share of `text`'s words in small letters that show a language other than English: one of
    `OTHER_WORDS` (but not a name's particle before a capital, `NAME_PARTICLES`), or a word not in
    Latin script."""
    running, signs = other_signs(text)
    return signs / running if running else 0.0


def other_signs(text: str) -> tuple[int, int]:
    """(words in small letters, those that show another language: `other_share`) of `text`."""
    running = signs = 0
    other, particles = OTHER_WORDS, NAME_PARTICLES
    for match in _WORD.finditer(text):
        word = match.group()
        if word != word.lower():
            continue
        running += 1
        if _NOT_LATIN.search(word) or (word in other and not (word in particles
                                                               and _BEFORE_NAME.match(text, match.end()))):
            signs += 1
    return running, signs
