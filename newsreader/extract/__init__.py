"""People, organisations, places and dates in an article's text.

`extract()` is what the indexer and the `extract` command call. The default "rules" backend is
pure Python (cue words, shapes and a gazetteer) and fast enough to run on every article at
index time; "spacy" is an optional, slower backend behind the same interface
(`pip install newsreader[spacy]`). Importing this package loads nothing: the gazetteer and cue
lists are read on the first call and kept for the life of the process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from newsreader.errors import UserError
from newsreader.extract.language import is_english  # (cheap: a regular expression, no data)

__all__ = ["EntitySpan", "DateSpan", "Extraction", "extract", "extract_story", "date_spans", "BACKENDS",
           "NOT_ENGLISH", "SUMMARY_JOIN"]

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


def date_spans(text: str, date: dt.date | None) -> list[DateSpan]:
    """The text's dates as spans: every backend, and a story not in English, finds them with the
    same rules (`dates.find_dates`)."""
    from newsreader.extract.dates import find_dates

    return [DateSpan(d.start, d.end, d.text, d.value) for d in find_dates(text, date)]
