"""Phrase scores read from posting blocks (phrase.py) against Whoosh's, on segments from
`SegmentBuilder` with a title boost that float32 cannot hold: a block whose postings share
one weight stores it once, as a double, and Whoosh spreads it through a float32 array;
the block reader must give the same weight."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import index
from whoosh import query as Q

from newsreader.search import analysis
from newsreader.search.phrase import NewsPhrase
from newsreader.search.schema import build_schema
from newsreader.search.writer import IndexDoc, NewsWriter, SegmentBuilder

WORDS = ["harbour", "strike", "budget", "council", "wages", "union", "talks", "monsoon", "court", "ferry"]


def test_phrase_scores_equal_whoosh_with_an_inexact_title_boost(tmp_path: Path) -> None:
    schema = build_schema()
    schema["title"].format.field_boost = 1.1
    (tmp_path / "ix").mkdir()
    ix = index.create_in(str(tmp_path / "ix"), schema)
    rng = random.Random(3)
    builder = SegmentBuilder(tmp_path / "stage", schema)
    for i in range(120):
        title = " ".join(rng.sample(WORDS, rng.randint(2, 6)))  # no word twice: one weight per block
        builder.add(IndexDoc({"title": [analysis.terms(title)], "body": [analysis.terms(title)]},
                             {"id": [str(i)]}, {}, {"id": str(i)}))
    segments = builder.finish()
    for segment in segments:
        for path in builder.files(segment):
            path.rename(tmp_path / "ix" / path.name)
    NewsWriter(ix).commit_segments(segments)
    pairs = 0
    with index.open_dir(str(tmp_path / "ix")).searcher() as searcher:
        for a in WORDS[:5]:
            for b in WORDS[5:]:
                words = analysis.terms(f"{a} {b}")
                slow = {h.docnum: h.score for h in searcher.search(Q.Phrase("title", words), limit=None)}
                fast = {h.docnum: h.score for h in searcher.search(NewsPhrase("title", words), limit=None)}
                assert fast == slow, (a, b)
                pairs += bool(slow)
    assert pairs > 10
