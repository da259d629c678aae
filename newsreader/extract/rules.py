"""The default backend: rules plus gazetteers (see entities.py and dates.py)."""

from __future__ import annotations

import datetime as dt

from newsreader.extract import DateSpan, EntitySpan, Extraction
from newsreader.extract.dates import find_dates
from newsreader.extract.entities import find_entities


def extract_rules(text: str, date: dt.date | None) -> Extraction:
    dates = [DateSpan(d.start, d.end, d.text, d.value) for d in find_dates(text, date)]
    taken = [(d.start, d.end) for d in dates]
    entities: list[EntitySpan] = []
    for piece in find_entities(text):
        # A span already read as a date ("May", "Friday") is not also a name.
        if any(piece.start < end and start < piece.end for start, end in taken):
            continue
        entities.append(EntitySpan(piece.start, piece.end, piece.text, piece.kind or "org",
                                   piece.name or piece.text))
    return Extraction(entities=entities, dates=dates)
