"""Related stories' labels and reasons on a small corpus of one's own (U1 #8): a bridge repair
and a library opening (one town in common, one common word, published 6 days apart) were "the
same event"; key terms were common words ("several", "public") and pieces of numbers ("000" of
"200,000"); "dates: 2024-05-06" was shown for a story that never names 6 May (it is 7 May there,
within a day)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.resources import seeds_dir
from newsreader.search import Library
from newsreader.search.analysis import terms
from newsreader.search.related import Features, RelatedFinder, Weights

# U1's corpus: an HTML front page with two stories, an RSS feed with two, Markdown, plain text.
PAGES = {
    "feed.rss": """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bayport Radio</title><link>https://radio.example</link>
<item><title>Ferries run again after deal</title><link>https://radio.example/ferries-again</link>
<pubDate>Wed, 08 May 2024 07:30:00 GMT</pubDate><author>news@radio.example (Lena Ortiz)</author>
<description>Ferries between Bayport and the mainland ran again on Wednesday after the Seafarers Union and \
the Harbour Authority signed a deal late on Tuesday. Union leader Tom Becker called it a fair result.</description></item>
<item><title>Eastfield library draws crowds</title><link>https://radio.example/library</link>
<pubDate>Sun, 05 May 2024 12:00:00 GMT</pubDate>
<description>More than 5,000 people visited the new Eastfield library on its first day, Mayor Anna Schmidt \
said on Sunday.</description></item>
</channel></rss>
""",
    "front.html": """<!doctype html>
<html><head><meta charset="utf-8"><title>Front page | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette"></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></nav>
<article>
<h2><a href="https://gazette.example/2024/05/ferry">Ferry strike halts crossings to Bayport</a></h2>
<time datetime="2024-05-03T09:00:00Z">3 May 2024</time>
<p>By Maria Lopez</p>
<p>Ferry workers walked out on Friday, halting every crossing between Bayport and the mainland, the Seafarers \
Union said.</p>
<p>Union leader Tom Becker told reporters in Bayport that the strike would last until Monday. The Harbour \
Authority called the walkout illegal.</p>
</article>
<article>
<h2><a href="https://gazette.example/2024/05/library">New library opens in Eastfield</a></h2>
<time datetime="2024-05-04">4 May 2024</time>
<p>Eastfield's new public library opened on Saturday after three years of work, Mayor Anna Schmidt said.</p>
<p>The building, designed by Foster Studio, holds 200,000 books and a rooftop garden.</p>
</article>
<footer>&copy; 2024 Harbour Gazette</footer>
</body></html>
""",
    "notes.md": """---
url: https://blog.example/ferry-talks
---
# Ferry talks resume as union softens demands

*Published 6 May 2024*

**By Jon Park**

Talks between the Seafarers Union and the Harbour Authority resumed on Monday in Bayport, a week after the \
ferry strike began.

Tom Becker said the union would drop its demand for a four-day week. See [the union's statement](https://union.example/statement).
""",
    "plain.txt": """https://www.courier.example/news/bridge-repairs
Bridge repairs to close Kingsway for a month
Published: 10 May 2024
By Sam Reid

KINGSWAY \u2014 The Kingsway bridge will close for four weeks from June 1 for repairs, the city council said on Thursday.

Council engineer Priya Nair said the work would cost \u00a32.4 million and traffic would be sent through Eastfield.
""",
}


def _library(folder: Path, corpus: Path) -> Library:
    config = Config()
    config.extensions = [".txt", ".html", ".md", ".rss"]
    library = Library(folder, corpus, config)
    library.update()
    return library


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("related-reasons")
    corpus = base / "corpus"
    corpus.mkdir()
    for name, text in PAGES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    library = _library(base / "index", corpus)
    yield library
    library.close()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("related-reasons-seeds")
    shutil.copytree(seeds_dir(), base / "corpus")
    library = _library(base / "index", base / "corpus")
    yield library
    library.close()


def _related(library: Library, title: str) -> dict[str, object]:
    article = next(r.id for r in library.list_rows(0, 100) if r.title == title)
    return {s.title: s for s in RelatedFinder(library).related(article)}


def test_one_town_and_a_weeks_gap_is_no_same_event(harbour: Library) -> None:
    bridge = _related(harbour, "Bridge repairs to close Kingsway for a month")
    library = _related(harbour, "New library opens in Eastfield")
    # Listed or not (they share only a town), never as the same event.
    assert "New library opens in Eastfield" not in bridge or not bridge["New library opens in Eastfield"].same_event  # type: ignore[attr-defined]
    assert not library["Bridge repairs to close Kingsway for a month"].same_event  # type: ignore[attr-defined]
    # The real pairs keep the label.
    assert library["Eastfield library draws crowds"].same_event  # type: ignore[attr-defined]
    ferries = _related(harbour, "Ferries run again after deal")
    assert ferries["Ferry talks resume as union softens demands"].same_event  # type: ignore[attr-defined]
    assert ferries["Ferry strike halts crossings to Bayport"].same_event  # type: ignore[attr-defined]


def test_the_same_event_needs_more_than_a_name_in_passing() -> None:
    finder = RelatedFinder.__new__(RelatedFinder)
    finder.weights = w = Weights()

    def feats(**kw: float) -> Features:
        return Features(**({"text": 0.05, "entity": 0.1, "date": 0.4, "far": 0.0, "page": 0.0, "who": 1.0} | kw))

    assert not finder.substantial(feats())  # a name, published a few days apart, little text
    assert finder.substantial(feats(day=1.0))  # a day both talk about
    assert finder.substantial(feats(entity=w.event_entity))
    assert not finder.substantial(feats(entity=w.event_entity - 0.01))
    assert not finder.substantial(feats(entity=w.event_entity, who=0.0))  # places alone: where, not who
    assert finder.substantial(feats(text=w.event_text))
    assert not finder.substantial(feats(text=w.event_text - 0.01))


def _key_terms(library: Library) -> list[tuple[str, str, str]]:
    out = []
    for row in library.list_rows(0, 100):
        for story in RelatedFinder(library).related(row.id):
            for reason in story.why:
                if reason.startswith("key terms: "):
                    out += [(row.title, story.title, t) for t in reason[len("key terms: "):].split(", ")]
    return out


def test_no_number_is_a_key_term(harbour: Library) -> None:
    shown = _key_terms(harbour)
    assert shown
    assert all(re.search(r"[^\W\d]", t) for _, _, t in shown), shown  # not "000" of "200,000" and "5,000"


@pytest.mark.parametrize("corpus", ["harbour", "seeds"])
def test_a_key_term_is_what_a_story_is_about(corpus: str, request: pytest.FixtureRequest) -> None:
    """In a title, or said three times by one of the two stories: not a word said once or twice
    by each, however rare in a corpus of a few stories."""
    library: Library = request.getfixturevalue(corpus)
    texts = {}
    for row in library.list_rows(0, 100):
        stored = library.get(row.id)
        assert stored is not None
        texts[row.title] = (set(terms(row.title)), terms(stored.article.text))
    shown = _key_terms(library)
    assert shown
    for base, other, term in shown:
        stem = terms(term)[0]
        in_title = stem in texts[base][0] or stem in texts[other][0]
        said = max(texts[base][1].count(stem), texts[other][1].count(stem))
        assert in_title or said >= 3, (base, other, term, said)


def test_the_seeds_show_no_common_words_as_key_terms(seeds: Library) -> None:
    shown = {t for _, _, t in _key_terms(seeds)}
    assert shown  # "missile", "nuclear", "cooperation", ...
    assert not shown & {"several", "never", "need", "following", "based", "top", "approximately", "public",
                        "area"}


def test_a_day_within_a_day_is_shown_as_both_days(harbour: Library) -> None:
    """"Ferries run again after deal" talks of Tuesday 7 May; the talks story of Monday 6 May."""
    ferries = _related(harbour, "Ferries run again after deal")
    talks = ferries["Ferry talks resume as union softens demands"].why  # type: ignore[attr-defined]
    assert "dates: 2024-05-07 ~ 2024-05-06" in talks, talks
    back = _related(harbour, "Ferry talks resume as union softens demands")
    assert "dates: 2024-05-06 ~ 2024-05-07" in back["Ferries run again after deal"].why  # type: ignore[attr-defined]
    # A day both stories name is shown once.
    strike = back["Ferry strike halts crossings to Bayport"].why  # type: ignore[attr-defined]
    assert "dates: 2024-05-06" in strike, strike


def test_day_pair() -> None:
    from newsreader.search.related import _day_pair

    d = dt.date(2024, 5, 6)
    assert _day_pair(d, {d, dt.date(2024, 5, 7)}) == "2024-05-06"
    assert _day_pair(d, {dt.date(2024, 5, 7)}) == "2024-05-06 ~ 2024-05-07"
    assert _day_pair(d, {dt.date(2024, 5, 5), dt.date(2024, 5, 7), dt.date(2024, 5, 20)}) == "2024-05-06 ~ 2024-05-05"
