"""`mentions:` searches the dates stories mention (Q9 #3: "who reported what about 14 Dec
2008" could not be asked; Enter on an election day found no story, none being published
on it). A mentioned month is found by its month and year, not by a day in it."""

from __future__ import annotations


import pytest

from newsreader.config import Config
from newsreader.search import indexer as indexer_mod
from newsreader.search.library import Library
from newsreader.search.query import QueryError
from newsreader.search.schema import mention_keys
from newsreader.search.store import TERMS_CHANGED, Stamp

PAGES = {
    "day": " date 2024-03-01 Vote on a day\n\nOfficials said the vote will be held on 15 December 2013 in Ashgabat. "
           "It was a long day for the officials and the voters of the city, who had waited for weeks. "
           "President Gurbanguly Berdimuhamedov said he would vote early. Berdimuhamedov spoke at length.\n",
    "month": " date 2024-03-02 Vote in a month\n\nOfficials said the vote is due in December 2013 in Ashgabat.\n",
    "dated": " date 2013-12-15 Vote held\n\nOfficials said the vote went well in Ashgabat.\n",
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("mentions")
    for name, text in PAGES.items():
        (base / "corpus").mkdir(exist_ok=True)
        (base / "corpus" / f"{name}.txt").write_text(text, encoding="utf-8")
    library = Library(base / "index", base / "corpus", Config())
    indexer_mod.Indexer(library.folder, library.corpus, library.config).run()
    yield library
    library.close()


def titles(lib: Library, query: str) -> set[str]:
    return {h.title for h in lib.search(query, limit=10, snippets=False, suggest=False).hits}


@pytest.mark.parametrize("query, found", [
    ("mentions:2013-12-15", {"Vote on a day"}),
    ("mentions:2013-12", {"Vote on a day", "Vote in a month"}),
    ("mentions:2013", {"Vote on a day", "Vote in a month"}),
    ("mentions:[2013-12-10 TO 2013-12-20]", {"Vote on a day"}),
    ("mentions:2013-12-16..", set()),  # (part of December: the month mention may be outside it)
    ("mentions:2013-12-01..", {"Vote on a day", "Vote in a month"}),
    ("date:2013-12-15", {"Vote held"}),
    ("date:2013-12-15 OR mentions:2013-12-15", {"Vote held", "Vote on a day"}),
    ("officials -mentions:2013-12", {"Vote held"}),
])
def test_mentions_finds_the_stories_naming_a_date(lib: Library, query: str, found: set[str]) -> None:
    assert titles(lib, query) == found


def test_mention_keys_are_as_wide_as_the_value() -> None:
    assert mention_keys(["2013-12-15TMO"]) == ["@d2013-12-15", "@m2013-12", "@y2013"]
    assert mention_keys(["2013-12", "P5Y", None, "PRESENT_REF", "2013-02-30"]) == ["@m2013-12", "@y2013"]
    assert mention_keys(["2013-SU"]) == ["@y2013"]
    # ISO week 1 of 2014 runs from Monday 30 December 2013: both months, both years, no day.
    assert mention_keys(["2014-W01"]) == ["@m2013-12", "@m2014-01", "@y2013", "@y2014"]


def test_an_index_from_before_is_read_again_saying_why() -> None:
    now = Stamp("p", "e", "c", "rules", "mentions")
    assert now.changes(Stamp("p", "e", "c", "rules")) == [TERMS_CHANGED]
    assert now.changes(Stamp("q", "e", "c", "rules")) == ["newsreader's parser or extractor changed"]
    assert now.changes(Stamp("p", "e", "c", "rules", "mentions")) == []


@pytest.mark.parametrize("query, marked", [
    ("mentions:2013-12-15", ["15 December 2013"]),
    ("person:berdimuhamedov", ["Gurbanguly Berdimuhamedov", "Berdimuhamedov"]),
    ('person:"gurbanguly berdimuhamedov" officials', ["officials", "Gurbanguly Berdimuhamedov", "Berdimuhamedov"]),
])
def test_name_and_date_searches_mark_where_they_matched(lib: Library, query: str, marked: list[str]) -> None:
    """Q9 #5: `person:Vitali` gave every story's lead with nothing marked."""
    hit = lib.search(query, limit=1).hits[0]
    assert [hit.snippet[a:b] for a, b in hit.ranges] == marked


@pytest.mark.parametrize("query, said", [
    ("mentions:<0001", "'mentions:<0001' is outside the years mentions: covers (1-9999)"),
    ("mentions:>9999-12-31", "'mentions:>9999-12-31' is outside the years mentions: covers"),
    ("mentions:2013..2012", "swap its ends, mentions:2012..2013"),
    ("mentions:[2013 TO 2012]", "swap its ends, mentions:[2012 TO 2013]"),
    ("mentions:2013-13", "is not a valid date; use mentions:2025,"),
    ("mentions:", "mentions: needs a value; use mentions:2025,"),
    ("date:2013..2012", "swap its ends, date:2012..2013"),
])
def test_mentions_errors_name_mentions(lib: Library, query: str, said: str) -> None:
    """A `mentions:` error named `date:`, so the fix it suggested ran another search, and a
    range outside the covered years was said to be a query of common words only (RV22 #2)."""
    with pytest.raises(QueryError) as err:
        lib.search(query, limit=10, snippets=False, suggest=False)
    assert said in str(err.value)
    assert "date:" not in str(err.value) or query.startswith("date:")


def test_search_mentions_on_an_index_from_before_says_to_index(capsys, restamp_index, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """RV22 #3: `search` does not update the index, so on one made before `mentions:` a
    `mentions:` search printed "No matching articles" with no hint."""
    from newsreader.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in PAGES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "mentions:1999", "--corpus", str(corpus)]) == 1
    assert "made before mentions:" not in capsys.readouterr().err  # (indexed now: nothing to say)
    # An index as the newsreader before mentions: made it: no mention keys, stamps without terms.
    monkeypatch.setattr(indexer_mod, "mention_keys", lambda values: [])
    assert main(["index", "--rebuild", "--corpus", str(corpus)]) == 0
    restamp_index(lambda stamp: {k: v for k, v in stamp.items() if k != "terms"})
    assert main(["search", "mentions:2013-12-15", "--corpus", str(corpus)]) == 1
    assert "made before mentions: existed; `newsreader index`" in capsys.readouterr().err


@pytest.mark.parametrize("query, said", [
    ("date:>9999", "no article is dated within 'date:>9999'"),
    ("date:<0001", "no article is dated within 'date:<0001'"),
    ("mentions:>9999", "'mentions:>9999' is outside the years mentions: covers"),
])
def test_a_range_past_the_calendar_is_empty(lib: Library, query: str, said: str) -> None:
    """`date:>9999` raised OverflowError (no day after 9999-12-31), which the CLI took for an
    unreadable index and told to rebuild it. A date range beyond every article's date is an empty
    answer with the corpus's span as its note (Q10 F10); `mentions:` beyond its years is a bad query."""
    if query.startswith("mentions:"):
        with pytest.raises(QueryError, match=said):
            lib.search(query, limit=10, snippets=False, suggest=False)
        return
    result = lib.search(query, limit=10, snippets=False, suggest=False)
    assert (result.hits, result.total) == ([], 0)
    assert len(result.notes) == 1 and said in result.notes[0]


def test_open_mentions_ranges_are_one_term_range(lib: Library) -> None:
    """RV22 #4: `mentions:<2013` was an Or of 213 year Terms (52 ms at 100k), and its 1800
    floor hid years `mentions:1776` finds. Now the whole years are one TermRange, which reads
    only the years in the index, and the ends are the calendar's."""
    from whoosh import query as Q

    q = lib.parse("mentions:<2014").query
    leaves = [n for n in q.leaves()]
    assert [type(n) for n in leaves] == [Q.TermRange]
    assert (leaves[0].start, leaves[0].end) == ("@y0001", "@y2013")
    assert titles(lib, "mentions:<2014") == titles(lib, "mentions:2013") == {"Vote on a day", "Vote in a month"}
    assert titles(lib, "mentions:>2013") == set()
    assert titles(lib, "mentions:2012-12-31..") == {"Vote on a day", "Vote in a month"}
    for query in ("mentions:<2014", "mentions:1700..2013"):  # (the dates are marked as for mentions:2013)
        marked = {h.title: [h.snippet[a:b] for a, b in h.ranges] for h in lib.search(query, limit=10).hits}
        assert marked == {"Vote on a day": ["15 December 2013"], "Vote in a month": ["December 2013"]}
