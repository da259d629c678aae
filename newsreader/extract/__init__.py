"""People, organisations, places and dates in an article's text.

`extract()` is what the indexer and the `extract` command call. The default "rules" backend is
pure Python (cue words, shapes and a gazetteer) and fast enough to run on every article at
index time; "spacy" is an optional, slower backend behind the same interface
(`pip install newsreader[spacy]`). Importing this package loads nothing: the gazetteer and cue
lists are read on the first call and kept for the life of the process.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from newsreader.errors import UserError
from newsreader.extract.language import _WORD as _LETTERS, is_english  # (cheap: regular expressions, no data)

__all__ = ["EntitySpan", "DateSpan", "Extraction", "extract", "extract_story", "extract_title", "headline_case",
           "date_spans", "BACKENDS", "NOT_ENGLISH", "SUMMARY_JOIN"]

BACKENDS = ("rules", "spacy")

#: `Extraction.names_withheld` of a story judged not in English (`language.is_english`).
NOT_ENGLISH = "not English"
#: What joins a story's summary paragraphs into the one text its summary spans' offsets refer to
#: (as `Article.text` joins the body's).
SUMMARY_JOIN = "\n\n"


@dataclass
class EntitySpan:
    """A person, organisation or place mention; `text == article_text[start:end]` and
    `name` is the canonical name shared by every variant of it in the article."""

    start: int
    end: int
    text: str
    kind: str  # 'person' | 'org' | 'place'
    name: str


@dataclass
class DateSpan:
    """A date expression; `value` is a TIMEX3 value (2025-06-13, 2025-06, 2025-W24, 2025)
    or None when it can't be resolved (a relative date in an undated article)."""

    start: int
    end: int
    text: str
    value: str | None


@dataclass
class Extraction:
    entities: list[EntitySpan] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    #: Why names were not looked for (`NOT_ENGLISH`), or None when they were. Kept with the
    #: extraction (and so in the index) so the reader can say why a story lists no names
    #: without judging its text again: the reader reads what the index stored.
    names_withheld: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `newsreader extract` and `show --json` (the same as `asdict`, built
        by hand: the indexer calls this for every article and `asdict` deep-copies field by field,
        a tenth of the extraction's own time). "names_withheld" is there only when names were
        not looked for: a line of a story whose names were looked for is as it always was."""
        data: dict[str, Any] = {
            "entities": [{"start": e.start, "end": e.end, "text": e.text, "kind": e.kind, "name": e.name}
                         for e in self.entities],
            "dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value} for d in self.dates],
        }
        if self.names_withheld is not None:
            data["names_withheld"] = self.names_withheld
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Extraction":
        return cls(
            entities=[EntitySpan(**e) for e in data.get("entities", [])],
            dates=[DateSpan(**d) for d in data.get("dates", [])],
            names_withheld=data.get("names_withheld"),
        )


def extract(text: str, date: dt.date | None = None, backend: str = "rules") -> Extraction:
    """Entities and dates of one article's text, dates resolved against `date`.

    Both backends read English (the rules' cue lists and gazetteer, spaCy's English models): a
    text judged in another language (`language.is_english`) gets no names, which would be noise
    (every capitalised German noun an organisation), but keeps its dates: the date rules' other
    forms (numeric dates, years) are the same in any language and found none that was wrong in
    pages in 15 languages. Raises UserError for an unknown backend or when the spacy backend is
    not installed.
    """
    run = _backend(backend)
    if not is_english(text):
        return _withheld(text, date)
    return run(text, date)


def _backend(backend: str) -> Any:
    """The function that extracts with `backend` (imported on first use)."""
    if backend == "rules":
        from newsreader.extract.rules import extract_rules as run
    elif backend == "spacy":
        from newsreader.extract.spacy_backend import extract_spacy as run
    else:
        raise UserError(f"unknown extractor backend {backend!r} (choose from: {', '.join(BACKENDS)})")
    return run


def _withheld(text: str, date: dt.date | None) -> Extraction:
    """The extraction of a text not in English: its dates, and why it has no names."""
    return Extraction(dates=date_spans(text, date), names_withheld=NOT_ENGLISH)


def extract_story(text: str, summary: list[str], date: dt.date | None = None,
                  backend: str = "rules") -> tuple[Extraction, Extraction]:
    """(the body's extraction, the summary's) of one story: what the indexer keeps. The parser moves
    a standfirst from the body to `summary` (so the reader does not show it twice), and a person
    named only there was in no `person:` field and not marked. Each part is extracted on its own,
    the summary's offsets into its paragraphs joined by `SUMMARY_JOIN`; the body's spans are those
    of `extract`. The language is the story's: it is not English when its body is not, or when its
    summary and body read together are not (a standfirst alone is too short to judge, and so is the
    body of a short story: "Die Lokführergewerkschaft legt den Personenverkehr ..." over 24 running
    words of German body, 39 together). Either way both parts get no names."""
    if not summary:
        return extract(text, date, backend=backend), Extraction()
    run = _backend(backend)
    joined = SUMMARY_JOIN.join(summary)
    if not is_english(text) or not is_english(joined + SUMMARY_JOIN + text):
        return _withheld(text, date), _withheld(joined, date)
    return run(text, date), run(joined, date)


#: (`_LETTERS`, imported above: a run of letters, a headline's word as `headline_case` judges it:
#: "Court-Ordered" is two, "U.S." two.)
#: The shortest word of an English word list whose case tells a Title Case headline ("Checks Into
#: Rehab") from one in sentence case ("checks into rehab"): shorter ones ("to", "at", "of") are
#: written either way in both.
_CASE_WORD = 4


def headline_case(title: str, context: str) -> str:
    """`title` with the words a Title Case (or ALL CAPS) headline capitalises only for its style written
    as in a sentence, so the extractor reads it as it reads a sentence: same length, same offsets. In
    "Tara Reid Finally Checks Into Rehab For Undisclosed Reasons" every word is capitalised, and the
    extractor, which takes a run of capitalised words for one name, made the whole headline an
    organisation. A headline is in Title Case when most of its words of `_CASE_WORD` letters or more
    that are English words are capitalised ("Lindsay Lohan checks into rehab at Betty Ford Center" is
    not: there only its first word is judged, "Man charged with arson" is no place). A capitalised
    English word that is never a name (`resources.english_words`) is lower-cased unless `context` (the
    story's body and summary) writes it capitalised with the headline's word before or after it
    ("Betty Ford Center", "Endangered Species"); one that is a name too ("Set", "Burns", "Bush") is
    lower-cased unless `context` also writes it capitalised inside a sentence; another word is
    lower-cased only when `context` writes it in lower case and never capitalised inside a sentence;
    other words (names the story does not repeat: "Oscars", "Houston") stay. Acronyms stay; in an ALL
    CAPS headline a word is written as `context` writes it: capitalised when it writes it so inside a
    sentence ("LOHAN": "Lohan"), else lower-cased when it writes it in lower case (English words that are
    names too: "FIRE SET IN PARK" over "a fire was set in the park" was the place "Set In Park", RV26-B #2)
    or when an English word never a name, else capitalised ("CHINA", "MARCH" the story does not write)."""
    from newsreader.extract.resources import english_words

    every = list(_LETTERS.finditer(title))
    common, twins = english_words()
    shouting = not any(c.islower() for c in title)
    counted = [m.group() for m in every if len(m.group()) >= _CASE_WORD and m.group().lower() in common]
    titled = shouting or (bool(counted) and 2 * sum(w[0].isupper() for w in counted) > len(counted))
    judged = [n for n, m in enumerate(every) if (titled or _opens(title, every, n)) and len(m.group()) > 1
              and m.group()[0].isupper() and (shouting or not m.group().isupper())]
    if not judged:
        return title
    named: set[str] = set()  # (lower case) written capitalised inside a sentence of the story
    lower: set[str] = set()  # ... written in lower case
    upper: set[str] = set()  # ... written all in capitals (an acronym)
    for start, word in _written(context, {every[n].group().lower() for n in judged}):
        if word.islower():
            lower.add(word)
        elif len(word) > 1 and word.isupper():
            upper.add(word.lower())
        elif word[0].isupper() and _IN_SENTENCE.search(context[max(0, start - 3):start]):
            named.add(word.lower())

    def joined(n: int) -> bool:  # the story writes this word capitalised beside the headline's word before or after it
        return any(0 <= a and b < len(every) and title[every[a].start():every[b].end()] in context
                   for a, b in ((n - 1, n), (n, n + 1)))

    chosen: dict[int, str] = {}
    for n in judged:
        m = every[n]
        word, key = m.group(), m.group().lower()
        if shouting:
            if key in upper:
                new = word
            elif key in named or key not in common and key not in lower:
                new = word[0] + word[1:].lower()
            else:
                new = key
        elif key in common:
            new = word if context and joined(n) else key
        elif key in twins:  # an English word that is a name too ("Set", "Burns", "Bush"): a name when the story says so
            new = word if key in named or context and joined(n) else key
        else:
            new = key if key in lower and key not in named else word
        chosen[n] = new
    _keep_named_places(title, every, chosen, common, shouting, context, lower)
    out = list(title)
    for n, new in chosen.items():
        m = every[n]
        if len(new) == len(m.group()):
            out[m.start():m.end()] = new
    return "".join(out)


#: Organisations' words that, after a person's full name in a headline, are the person's own party, club, team, court
#: case or coalition ("Angela Merkel Party Loses Seats", "Lionel Messi Club Wins", "Oscar Pistorius Court Hearing"),
#: as a tenure is (`tenures`: "Joe Biden Administration"): no institution is named after a person so, as a centre,
#: a university, a company or a stadium is ("Betty Ford Center", "Johns Hopkins University", "Walt Disney Company").
_PERSONS_OWN = frozenset({"party", "club", "team", "court", "courts", "coalition"})

#: The most words of a headline's run of names before an organisation's or place's word that `_keep_named_places`
#: keeps ("Martin Luther King Jr Memorial Center" has five): a longer run of capitalised words is no such name.
_RUN_WORDS = 6


def _keep_named_places(title: str, every: list[re.Match[str]], chosen: dict[int, str], common: frozenset[str],
                       shouting: bool, context: str = "", lower: frozenset[str] | set[str] = frozenset()) -> None:
    """Keep capitalised (in `chosen`, word index -> the word as `headline_case` writes it) a Title Case or ALL
    CAPS (`shouting`) headline's run of two names or more before an organisation's or a place's word ("Betty
    Ford Center", "Madison Square Garden"): lower-casing "Ford Center" left "Betty" a person's first name. The
    run opens with a name no English word is ("Betty", kept) and its other words are names too ("Ford": also
    English words) or such words ("Square"); a verb breaks it ("Obama Visits Flood Center" is left alone), and
    one name before the word is not enough ("Ronaldo Camp Denies Claims"). A person's name before a common noun
    is no such run (`_persons_noun`: "Joe Biden Administration Sues Texas", "Sean Penn Hospital Visit" over a
    story that writes "Sean Penn visited a hospital"). In ALL CAPS only the words `headline_case` lower-cased
    are capitalised again: an acronym it kept stays one ("NYU LANGONE HOSPITAL": "NYU Langone Hospital").
    Linear in the headline's words: each word's run start is found once, left to right, and a word is
    written once (a long run of heads walked back over the whole run at each head)."""
    from newsreader.extract.resources import cues

    c = cues()

    def head(word: str) -> bool:
        return word.lower() in c.org_heads or word.lower() in c.place_heads

    start = 0  # where the run of names and such words before word n starts
    done = -1  # the last word a kept run wrote
    persons = -1  # the start of a run found to be a person's name and a common noun (`_persons_noun`)
    for n in range(len(every)):
        if n:
            prev = every[n - 1].group()
            if not (title[every[n - 1].end():every[n].start()] == " " and prev[0].isupper()
                    and (prev.lower() not in common or head(prev))):
                start = n
        if n < 2 or n not in chosen or chosen[n][0].isupper() or not head(every[n].group()):
            continue
        s = start
        opener = every[s].group()
        if not 2 <= n - s <= _RUN_WORDS or opener.lower() in common or not chosen.get(s, opener)[0].isupper() \
                or s == persons:
            continue
        if _persons_noun(every, s, n, context, lower, c):
            persons = s  # (nor a head word after it in the run: "Boris Johnson Government Falls")
            continue
        for k in range(max(s, done + 1), n + 1):
            word = every[k].group()
            if shouting:
                kept = chosen.get(k, word)
                chosen[k] = kept if kept[0].isupper() else word[0] + word[1:].lower()
            else:
                chosen.pop(k, None)
        done = n


def _persons_noun(every: list[re.Match[str]], s: int, n: int, context: str,
                  lower: frozenset[str] | set[str], c: Any) -> bool:
    """Whether headline words `s`..`n-1` are a person's name and word `n` a common noun after it, not a run
    that names a place or organisation: the story names the person (writes those words capitalised, not
    with the head word capitalised after them) and writes the head word in lower case ("Boris Johnson's
    government", "Sean Penn visited a hospital"), or the head is a leader's tenure (`tenures`:
    administration, government, campaign ...) or the person's own party, club, team or court (`_PERSONS_OWN`) after
    a given name and words no place's or organisation's (`_place_word`: "Joe Biden Administration Sues Texas",
    "Angela Merkel Party Loses Seats" with no body; not "Douglas County Court"). (A story that writes the whole run capitalised, "the Betty Ford Center", has `headline_case` keep the
    head word capitalised: no such run is asked about.)"""
    key = every[n].group().lower()
    opener = every[s].group()
    tenure = (key in c.tenures or key in _PERSONS_OWN) and opener[0] + opener[1:].lower() in c.given_names \
        and not any(_place_word(every[k].group().lower(), c) for k in range(s + 1, n))
    if tenure or key not in lower:  # (most runs: no regular expression read)
        return tenure
    names = r"\s+".join(re.escape(every[k].group()) for k in range(s, n))
    head = re.escape(every[n].group())
    alone = re.compile(r"\b" + names + r"\b(?!\s+" + head + r"\b)", re.IGNORECASE)
    return any(_capitalised(m.group()) for m in alone.finditer(context))


def _place_word(word: str, c: Any) -> bool:
    """Whether a headline's word (lower case) ends a place's or organisation's name, no person's: "Douglas County
    Court", "Elizabeth Street Team" are a county's court and a street's team (US counties are named after people),
    not "Douglas" and "Elizabeth" (RV30-N #3)."""
    return word in c.place_heads or word in c.org_heads or word in c.state_heads


def _capitalised(text: str) -> bool:
    """Whether every word of `text` opens with a capital letter."""
    return all(w[0].isupper() for w in text.split())


#: What comes before a word written inside a sentence (a lower-case letter, a digit or a comma, then spaces, quotes).
_IN_SENTENCE = re.compile(r"[a-z0-9,][\s\"'“‘(]*$")


def _written(context: str, keys: set[str]) -> list[tuple[int, str]]:
    """(offset, the word as written) of every whole-word occurrence in `context` of the lower-case
    `keys`, in any case: found with `str.find` in the lower-cased text, a tenth of the time of one
    case-blind regular expression of the words over a long story (the headline's chief cost)."""
    low = context.lower()
    if len(low) != len(context):  # (a letter whose lower case is longer, "İ": offsets kept)
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in context)
    out = []
    for key in keys:
        i = low.find(key)
        while i >= 0:
            j = i + len(key)
            if (i == 0 or not _word_char(low[i - 1])) and (j == len(low) or not _word_char(low[j])):
                out.append((i, context[i:j]))
            i = low.find(key, j if j > i else i + 1)
    return out


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _opens(title: str, every: list[re.Match[str]], n: int) -> bool:
    """Whether word `n` of a headline in sentence case opens it, or the part after a colon ("Waitrose
    fire: Man denies arson"), with a lower-case word after it: such a capitalised word is judged as a
    Title Case headline's are ("Man charged with arson" is no place; "New York woman" is left alone)."""
    starts = n == 0 or ":" in title[every[n - 1].end():every[n].start()]
    return starts and (n + 1 == len(every) or every[n + 1].group()[0].islower())


def extract_title(title: str, context: str, date: dt.date | None = None, backend: str = "rules",
                  found: tuple[Extraction, ...] = ()) -> Extraction:
    """The names and dates of a story's headline, offsets into `title`: what the indexer keeps as
    `title_entities` and `title_dates`, so a name only in the headline is in the `person:`, `org:` and
    `place:` fields ("Lindsay Lohan Checks Into Rehab at Betty Ford Center" over a body that says "the
    actress"). The headline is read as a sentence (`headline_case`; the spans' `text` is the
    headline's own). `found` are the story's other extractions (body, summary): a headline name
    written as one of theirs takes its kind and canonical name (the story knows it better: "Lohan" is
    "Lindsay Lohan"), and a headline with names withheld there (not English) gets none either."""
    if not title.strip():
        return Extraction()
    withheld = next((f.names_withheld for f in found if f.names_withheld is not None), None)
    if withheld is not None:
        return Extraction(dates=date_spans(title, date), names_withheld=withheld)
    run = _backend(backend)
    got = run(headline_case(title, context), date)
    known: dict[str, tuple[str, str]] = {}  # a name as written -> (kind, canonical name) in the story
    for f in found:
        for e in f.entities:
            known.setdefault(e.text.lower(), (e.kind, e.name))
            known.setdefault(e.name.lower(), (e.kind, e.name))
            if e.kind == "person" and " " in e.name:
                known.setdefault(e.name.rsplit(" ", 1)[1].lower(), (e.kind, e.name))
    entities = []
    for e in got.entities:
        text = title[e.start:e.end]
        kind, name = known.get(text.lower(), known.get(e.name.lower(), (e.kind, e.name)))
        entities.append(EntitySpan(e.start, e.end, text, kind, name))
    # A capitalised word the headline read as a sentence did not make a name ("Lohan Checks into Betty
    # Ford": a lone surname opening it) that is one of the story's names, or its surname, is that name.
    taken = [(e.start, e.end) for e in entities]
    for m in _LETTERS.finditer(title):
        word = m.group()
        if len(word) > 1 and word[0].isupper() and word.lower() in known \
                and not any(a < m.end() and m.start() < b for a, b in taken):
            kind, name = known[word.lower()]
            entities.append(EntitySpan(m.start(), m.end(), word, kind, name))
    entities.sort(key=lambda e: e.start)
    dates = [DateSpan(d.start, d.end, title[d.start:d.end], d.value) for d in got.dates]
    return Extraction(entities, dates, got.names_withheld)


def date_spans(text: str, date: dt.date | None) -> list[DateSpan]:
    """The text's dates as spans: every backend, and a story not in English, finds them with the
    same rules (`dates.find_dates`)."""
    from newsreader.extract.dates import find_dates

    return [DateSpan(d.start, d.end, d.text, d.value) for d in find_dates(text, date)]
