"""Optional backend: spaCy's statistical entity recogniser (`pip install newsreader[spacy]`).

Slower than the rules (about 5,000 words/s against 100,000+) and it needs a model package, so
it is never the default. Dates still come from the rules: spaCy finds date phrases but does
not resolve them to calendar values, which is the part the reader needs.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from newsreader.errors import UserError
from newsreader.extract import EntitySpan, Extraction, date_spans
from newsreader.extract.entities import _same_person

_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    try:
        import spacy
    except ImportError:
        raise UserError("the spacy extractor is not installed: pip install newsreader[spacy]") from None
    for name in _MODELS:
        try:
            return spacy.load(name, disable=["lemmatizer", "textcat"])
        except OSError:
            continue
    raise UserError("spacy has no English model: python -m spacy download en_core_web_sm "
                    "(or set extractor: rules)")


def extract_spacy(text: str, date: dt.date | None) -> Extraction:
    nlp = _nlp()
    dates = date_spans(text, date)
    if not text:
        return Extraction(entities=[], dates=dates)
    doc = nlp(text)
    entities: list[EntitySpan] = []
    people: list[list[str]] = []
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start_char, ent.end_char
        if text[start:start + 4].lower() == "the ":
            start += 4
        name = text[start:end]
        if kind == "person":
            words = name.split()
            match = next((p for p in people if _same_person(p, words) or
                          (len(words) == 1 and words[0] == p[-1])), None)
            if match is None:
                people.append(words)
            else:
                name = " ".join(match)
        entities.append(EntitySpan(start, end, text[start:end], kind, name))
    return Extraction(entities=entities, dates=dates)
