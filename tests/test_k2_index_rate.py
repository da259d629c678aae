"""`index` gives a rate only for a run big enough to measure one (Q7 #10): 1 page in 2.8 s was
'indexed 1 page (1 article, 0/s)'; the seconds of a few pages are the start's."""

from __future__ import annotations

from newsreader.search.commands import RATE_FROM_ARTICLES, _rate
from newsreader.search.indexer import UpdateStats


def test_a_tiny_run_says_no_rate_and_a_big_one_does() -> None:
    assert _rate(UpdateStats(articles_added=1, seconds=2.8)) == ""
    assert _rate(UpdateStats(articles_added=RATE_FROM_ARTICLES - 1, seconds=0.5)) == ""
    assert _rate(UpdateStats(articles_added=500, seconds=4.0)) == ", 125/s"
    assert _rate(UpdateStats(articles_added=500, seconds=0.0)) == ""
