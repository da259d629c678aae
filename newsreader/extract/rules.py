"""The default backend: rules plus gazetteers (see entities.py and dates.py)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools

from newsreader.extract import EntitySpan, Extraction, date_spans
from newsreader.extract.entities import find_entities


def extract_rules(text: str, date: dt.date | None) -> Extraction:
    dates = date_spans(text, date)
    # The dates by start, with the furthest end among each one and those before it: a piece
    # overlaps a date when a date starting before its end reaches past its start (one
    # bisection per piece, not a scan of every date).
    taken = sorted((d.start, d.end) for d in dates)
    starts = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))
    entities: list[EntitySpan] = []
    for piece in find_entities(text):
        # A span already read as a date ("May", "Friday") is not also a name.
        before = bisect.bisect_left(starts, piece.end)
        if before and reach[before - 1] > piece.start:
            continue
        entities.append(EntitySpan(piece.start, piece.end, piece.text, piece.kind or "org",
                                   piece.name or piece.text))
    return Extraction(entities=entities, dates=dates)
