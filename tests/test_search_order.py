"""Newest-first search over date-sorted runs, estimated totals, one-line snippets."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.search import Library
from newsreader.search import indexer as indexer_mod
from newsreader.search.dateorder import DateRuns
from newsreader.search.snippets import make_snippet

WORDS = ["harbour", "strike", "budget", "cricket", "monsoon", "talks", "missile", "court", "wages", "union"]


def make_pages(root: Path, n: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    for i in range(n):
        date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(500))
        words = rng.sample(WORDS, 3)
        title = f"Story {i} about {words[0]} and {words[1]}"
        body = " ".join(rng.choice(WORDS) for _ in range(40))
        text = f" date {date.isoformat()} {title}\n\nLAHORE: Officials said the {words[2]} {body}.\n\nMore text here.\n"
        path = root / f"p{i // 10}" / f"page-{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def runs_lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("order")
    make_pages(base / "corpus", 60)
    lib = index_in_runs(base, 25)
    yield lib
    lib.close()


def index_in_runs(base: Path, batch: int) -> Library:
    """The library of `base`/corpus, indexed with several date runs per segment."""
    mp = pytest.MonkeyPatch()
    mp.setattr(indexer_mod, "SORT_CHUNK", 7)
    try:
        lib = Library(base / "index", base / "corpus", Config())
        indexer_mod.Indexer(lib.folder, lib.corpus, lib.config, batch_articles=batch).run()
    finally:
        mp.undo()
    return lib


def all_matches(lib: Library, query: str) -> list[str]:
    """Dates of every match, newest first (the slow, exact way)."""
    result = lib.search(query, limit=1000, snippets=False, count=True)
    return sorted((h.date or "" for h in result.hits), reverse=True)


@pytest.mark.parametrize("query", ["strike", "strike budget", "title:cricket", "harbour OR missile",
                                   "union -talks", '"officials said"', "date:2024 wages"])
@pytest.mark.parametrize("limit", [1, 5, 20])
def test_newest_first_equals_full_sort(runs_lib: Library, query: str, limit: int) -> None:
    result = runs_lib.search(query, limit=limit, sort="date", snippets=False)
    assert [h.date for h in result.hits] == all_matches(runs_lib, query)[:limit]


def test_index_is_made_of_date_runs(runs_lib: Library) -> None:
    from newsreader.search.dateorder import date_runs

    runs = date_runs(runs_lib.searcher(), {})
    assert runs.usable and sum(len(r) for _, r in runs.segments) <= 60 // 7 + 3 * 2
    assert sum(len(d) for d, _ in runs.segments) == 60


def test_many_short_runs_fall_back_to_whoosh_sort(runs_lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DateRuns, "__init__", lambda self, segments: (setattr(self, "segments", segments),
                                                                      setattr(self, "usable", False))[0])
    runs_lib._runs.clear()
    result = runs_lib.search("strike", limit=5, sort="date", snippets=False)
    assert [h.date for h in result.hits] == all_matches(runs_lib, "strike")[:5]


def test_totals_are_estimates_unless_counted(runs_lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.search import library

    monkeypatch.setattr(library, "EXACT_COUNT_DOCS", 0)  # as in an index of more articles
    exact = runs_lib.search("strike", limit=1000, snippets=False, count=True)
    assert exact.exact and exact.total == len(exact.hits) > 20
    top = runs_lib.search("strike", limit=3, snippets=False)
    assert len(top.hits) == 3 and top.total >= 3
    assert top.exact == (top.total == exact.total) or not top.exact
    assert runs_lib.search("strike", limit=3, snippets=False, count=True).total == exact.total
    # newest first and counted: "the index ... is unreadable (TypeError: object of type
    # 'generator' has no len())"
    assert runs_lib.search("strike", limit=3, sort="date", snippets=False, count=True).total == exact.total
    few = runs_lib.search("page-001", limit=20, snippets=False)
    assert few.exact


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_small_estimate_is_counted(runs_lib: Library, monkeypatch: pytest.MonkeyPatch, sort: str) -> None:
    """Words that go together fool the estimate (it takes them as independent): "Tara Reid
    rehab" said "20 of about 20" where 48 match, so a script saw no more to fetch. An
    estimate under COUNT_BELOW_ESTIMATE is replaced by the count; a large one stays."""
    from newsreader.search import engine, library

    monkeypatch.setattr(library, "EXACT_COUNT_DOCS", 0)  # as in an index of more articles
    exact = runs_lib.search("strike", limit=1000, snippets=False, count=True).total
    assert exact > 3
    monkeypatch.setattr(engine, "estimate", lambda q, reader, n: 3.0)
    top = runs_lib.search("strike", limit=3, sort=sort, snippets=False)
    assert len(top.hits) == 3 and top.exact and top.total == exact
    typed = runs_lib.search("strike", limit=3, sort=sort, snippets=False, typed=True)
    assert not typed.exact  # the search bar's: a count would not stop for the next key
    monkeypatch.setattr(library, "COUNT_BELOW_ESTIMATE", 3.0)
    top = runs_lib.search("strike", limit=3, sort=sort, snippets=False)
    assert not top.exact and top.total == 3


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_small_index_counts_its_matches_exactly(runs_lib: Library, sort: str) -> None:
    """On the seeds (9 articles) `search iran --limit 1` said "1 of about 8 matching
    articles"; 7 match. A small index is counted, at no cost worth an estimate."""
    exact = runs_lib.search("strike OR harbour", limit=1000, snippets=False, count=True)
    for query in ("strike OR harbour", "strike", "union -talks"):
        top = runs_lib.search(query, limit=1, sort=sort, snippets=False)
        assert top.exact and top.total == len(runs_lib.search(query, limit=1000, snippets=False, count=True).hits)
    assert exact.total > 1


def test_snippets_are_one_line() -> None:
    text = "First paragraph about the strike.\n\nSecond  one:\tworkers struck again.\n\nThird."
    for terms in ({"strike"}, set()):
        snip = make_snippet(text, terms)
        assert "\n" not in snip.text and "  " not in snip.text and "\t" not in snip.text
        assert all(snip.text[s:e].lower().startswith("strike") for s, e in snip.ranges)
    assert len(make_snippet(text, {"strike"}).ranges) == 1


@pytest.mark.parametrize("query", ["date:[2024-03-05 TO 2024-07-20]", "strike date:>2024-10-01",
                                   "date:2024-05 wages", "union date:[2024-02-01 TO 2024-02-01]",
                                   "date:2024 date:<2024-06-30 court", "harbour OR date:2025-01"])
def test_date_ranges_by_runs_match_date_keys(runs_lib: Library, query: str) -> None:
    """Top-level date clauses go through the date runs; the dkey terms give the reference."""
    searcher = runs_lib.searcher()
    reference = {searcher.stored_fields(n)["id"] for n in searcher.docs_for_query(runs_lib.parse(query).query)}
    for sort in ("relevance", "date"):
        result = runs_lib.search(query, limit=1000, sort=sort, snippets=False, count=True)
        assert {h.id for h in result.hits} == reference and result.total == len(reference)
    top = runs_lib.search(query, limit=3, snippets=False)
    assert [h.id for h in top.hits] == [h.id for h in runs_lib.search(query, limit=1000, snippets=False).hits][:3]


def test_search_path_imports_no_extractor_parser_or_ui(runs_lib: Library) -> None:
    """A `search` process opens the index and answers without the extractor, the page
    parser, the indexer or Textual (their imports are most of a cold start)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from newsreader.config import Config\n"
        "from newsreader.search import Library\n"
        f"lib = Library(Path({str(runs_lib.folder)!r}), Path({str(runs_lib.corpus)!r}), Config())\n"
        "assert lib.search('strike', limit=5).hits\n"
        "bad = [m for m in sys.modules if m.startswith(('newsreader.extract', 'newsreader.corpus.parser',\n"
        "       'newsreader.search.indexer', 'textual'))]\n"
        "print(','.join(bad))\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("query", ['"officials said"', '"strike budget"', '"said the"', '"story 12"',
                                   'title:"about strike"', '"harbour strike court"', '"union wages" -talks'])
def test_fast_phrases_match_whoosh_phrases(runs_lib: Library, query: str) -> None:
    from whoosh import query as Q

    from newsreader.search.phrase import NewsPhrase

    searcher = runs_lib.searcher()
    fast = runs_lib.parse(query).query
    assert any(isinstance(n, NewsPhrase) for n in fast.leaves()) or "said the" in query
    slow = fast.accept(lambda n: Q.Phrase(n.fieldname, n.words) if isinstance(n, NewsPhrase) else n)
    assert set(searcher.docs_for_query(fast)) == set(searcher.docs_for_query(slow))
    for limit in (1, 5, 50):
        assert [h.docnum for h in searcher.search(fast, limit=limit)] == \
               [h.docnum for h in searcher.search(slow, limit=limit)]


@pytest.fixture(scope="module")
def undated_lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The runs corpus plus pages with no date (they have date 0 in the column)."""
    base = tmp_path_factory.mktemp("oldest")
    make_pages(base / "corpus", 40, seed=5)
    for i in range(4):
        (base / "corpus" / f"undated-{i}.txt").write_text(
            f"Undated story {i} about strike\n\nOfficials said the strike went on.\n", encoding="utf-8")
    lib = index_in_runs(base, 15)
    yield lib
    lib.close()


@pytest.mark.parametrize("query", ["strike", "strike budget", "officials", "union -talks"])
@pytest.mark.parametrize("limit", [1, 3, 50])
def test_oldest_first_is_the_reverse_date_order_with_undated_last(undated_lib: Library, query: str,
                                                                   limit: int) -> None:
    """`--sort oldest` (Q9: a timeline had to be read backwards): dated hits oldest first,
    undated ones after them as in newest-first, and the total counts every match."""
    every = undated_lib.search(query, limit=1000, snippets=False, count=True)
    dated = sorted(h.date for h in every.hits if h.date)
    undated = [h for h in every.hits if not h.date]
    result = undated_lib.search(query, limit=limit, sort="oldest", snippets=False)
    assert [h.date for h in result.hits] == (dated + [None] * len(undated))[:limit]
    assert (result.total, result.exact) == (every.total, True)
    if query == "strike":
        assert undated and dated


def test_oldest_first_stops_when_cancelled(undated_lib: Library) -> None:
    """The oldest-first walk, over the old ends of the date runs or every match (0.15-0.4 s
    at 100k articles), runs under the library's lock: a newer search must be able to stop it,
    as it stops a relevance search (RV22 #5). (This small index takes the walk of every
    match; test_s4_oldest_tail stops the walk over the old ends.)"""
    from newsreader.search.library import SearchCancelled

    asked = []
    with pytest.raises(SearchCancelled):
        undated_lib.search("officials", limit=3, sort="oldest", snippets=False,
                           cancelled=lambda: not asked.append(1))
    assert len(asked) == 1  # at the first match
    kept = undated_lib.search("officials", limit=3, sort="oldest", snippets=False, cancelled=lambda: False)
    assert kept.hits == undated_lib.search("officials", limit=3, sort="oldest", snippets=False).hits


@pytest.mark.parametrize("sort", ["relevance", "date", "oldest"])
def test_top_returns_what_its_annotation_says(runs_lib: Library, sort: str) -> None:
    """`Library._top` gives (id, score, docnum) triples since 506cc25; its annotation still said pairs
    (RV26-B #5). The annotation's hit tuple has the types of what each order returns."""
    import typing

    from newsreader.search.dateorder import date_runs

    hint = eval(Library._top.__annotations__["return"], {"int": int, "float": float, "str": str})  # (postponed)
    want = typing.get_args(typing.get_args(typing.get_args(hint)[0])[0])
    with runs_lib.reading():
        searcher = runs_lib.searcher()
        hits, _ = Library._top(searcher, runs_lib.parse("strike").query, date_runs(searcher, {}), 3, sort, False)
    assert hits and all(tuple(map(type, hit)) == want for hit in hits)
