"""Related stories' fast paths (termtable.py) against Whoosh's own answers.

Term statistics read straight from the segments' hash tables, and OR queries scored a term
at a time, must give what Whoosh's reader and `searcher.search` give, on an index of several
segments with deleted documents; `related()` must give the same stories and scores with and
without them, and nothing stale after the index changes."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from whoosh import query as Q

from newsreader.config import Config
from newsreader.search import Library
from newsreader.search import indexer as indexer_mod
from newsreader.search import related as related_mod
from newsreader.search import termtable
from newsreader.search import writer as writer_mod
from newsreader.search.postings import all_ids, blocks
from newsreader.search.related import RelatedFinder

PEOPLE = ["Imran Khan", "Asim Munir", "Shehbaz Sharif", "Maryam Nawaz", "Bilawal Bhutto", "Fazlur Rehman"]
PLACES = ["Karachi", "Quetta", "Multan", "Peshawar", "Islamabad", "Lahore"]
ORGS = ["World Bank", "Supreme Court", "Election Commission", "State Bank"]
WORDS = ["harbour", "strike", "budget", "cricket", "monsoon", "talks", "missile", "court", "wages", "union",
         "officials", "water", "prices", "flood", "protest", "inflation", "verdict", "border", "drone", "ferry",
         "tariff", "wheat", "power", "outage", "hearing", "bail", "convoy", "quake", "relief", "camp"]


def story(rng: random.Random, day: dt.date, i: int) -> str:
    person, place, org = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(ORGS)
    topic = rng.sample(WORDS, 4)
    sentences = []
    for _ in range(rng.randint(4, 9)):
        words = " ".join(rng.choice(topic + WORDS) for _ in range(rng.randint(6, 14)))
        sentences.append(f"{person} told the {org} in {place} that the {words}.")
    title = f"{place} {topic[0]} and {topic[1]} story {i}"
    return f" date {day.isoformat()} {title}\n\n{place.upper()}: " + " ".join(sentences) + "\n"


def write_corpus(root: Path, n: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    for i in range(n):
        path = root / f"s{i % 4}" / f"p{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(story(rng, start + dt.timedelta(days=rng.randrange(90)), i), encoding="utf-8")


def index_in_batches(library: Library) -> None:
    indexer_mod.Indexer(library.folder, library.corpus, library.config, batch_articles=50).run()


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("related-fast")
    corpus = base / "corpus"
    write_corpus(corpus, 160)
    library = Library(base / "index", corpus, Config())
    index_in_batches(library)
    # Rewrite a few pages: their old documents become deleted ones in the old segments.
    for path in sorted(corpus.rglob("p0*.txt"))[:15]:
        path.write_text(path.read_text(encoding="utf-8") + "\nA late line about the Karachi ferry.\n", encoding="utf-8")
    index_in_batches(library)
    # Then one page at a time: the small segments pile up until Whoosh merges them into
    # one compound segment whose term table it hashes with MD5 (the builders' use CRC32).
    # (Merges write plain segments since S6; compound ones, as before, are still read.)
    made = writer_mod.NewsWriter.__init__
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(writer_mod.NewsWriter, "__init__", lambda self, ix, **kw: made(self, ix, **(kw | {"compound": True})))
        for k, path in enumerate(sorted(corpus.rglob("p1*.txt"))[:8]):
            path.write_text(path.read_text(encoding="utf-8") + f"\nEdited {k} times over.\n", encoding="utf-8")
            library.update()
    yield library
    library.close()


def test_index_has_segments_and_deletions(lib: Library) -> None:
    reader = lib.searcher().reader()
    leaves = list(reader.leaf_readers())
    assert len(leaves) >= 3
    assert any(leaf.has_deletions() for leaf, _ in leaves)
    tables = [termtable.segment_terms(leaf) for leaf, _ in leaves]
    assert all(table is not None for table in tables)
    assert {table._hashfn.__name__ for table in tables} == {"md5_hash", "crc_hash"}
    assert any(leaf._segment.is_compound() for leaf, _ in leaves)


@pytest.mark.parametrize("through", ["pread", "whoosh file"])
@pytest.mark.parametrize("slots", [4, 1])
def test_every_term_of_every_segment_is_found_with_whoosh_statistics(lib: Library, through: str, slots: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key of every hash table (so every probing case Whoosh wrote: collisions, runs
    that wrap around a table's end) gives Whoosh's term info, read with `os.pread` or (as
    for a segment inside a compound file) through Whoosh's file object; with one slot read
    at a time, every collision takes the general walk."""
    monkeypatch.setattr(termtable, "_SLOTS", slots)
    reader = lib.searcher().reader()
    total = 0
    for leaf, _ in reader.leaf_readers():
        table = termtable.segment_terms(leaf)
        assert table is not None
        if through != "pread":
            monkeypatch.setattr(table, "_get", table._tindex.dbfile.get)
        words = sorted({t for f, t in leaf._terms.terms() if f == "body"})
        stats = termtable.many_term_stats(leaf, "body", [w.decode("utf-8") for w in words])
        assert stats == [(leaf.frequency("body", w), leaf.doc_frequency("body", w)) for w in words]
        n = 0
        for (fieldname, btext), info in leaf._terms.items():
            key = table.key(fieldname, btext)
            assert key is not None
            got = table.full_info(key, table._hashfn(key))
            assert got is not None, (fieldname, btext)
            assert (got.weight(), got.doc_frequency(), got.extent() if not got.is_inlined() else None) == \
                (info.weight(), info.doc_frequency(), info.extent() if not info.is_inlined() else None)
            n += 1
        assert n > 20  # a one-page segment has a few dozen terms
        total += n
    assert total > 800  # (the merges of writer.merge_choice keep this index at 2-4 segments: 847 keys)


@pytest.mark.parametrize("fieldname", ["body", "title", "person", "place", "org"])
def test_term_stats_equal_the_readers(lib: Library, fieldname: str) -> None:
    reader = lib.searcher().reader()
    words = sorted({text for f, text in reader.all_terms() if f == fieldname})
    assert words
    absent = ["zzqx", "nonexistentword", "", "ärger"]
    for word in [w.decode("utf-8") for w in words] + absent:
        weight, docs = termtable.term_stats(reader, fieldname, word)
        assert docs == reader.doc_frequency(fieldname, word)
        assert weight == pytest.approx(reader.frequency(fieldname, word))


def test_term_stats_through_whoosh_when_a_segment_is_not_read_directly(lib: Library,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    reader = lib.searcher().reader()
    words = ["ferry", "karachi", "zzqx", "budget"]
    direct = [termtable.term_stats(reader, "body", w) for w in words]
    monkeypatch.setattr(termtable, "segment_terms", lambda leaf: None)
    assert [termtable.term_stats(reader, "body", w) for w in words] == direct


@pytest.mark.parametrize("fieldname", ["body", "title", "place"])
def test_blocks_give_whoosh_postings_from_any_start(lib: Library, fieldname: str) -> None:
    """`postings.blocks` (ids and weights, what the OR scoring reads) and `all_ids` give
    what Whoosh's matcher steps through, deleted documents left out, from any document on
    (the cut falls inside a block, before it or after the last posting)."""
    rng = random.Random(5)
    checked = 0
    for leaf, _ in lib.searcher().reader().leaf_readers():
        texts = sorted(t for f, t in leaf._terms.terms() if f == fieldname)
        for btext in rng.sample(texts, min(25, len(texts))):
            m = leaf.postings(fieldname, btext)
            want = []
            while m.is_active():
                want.append((m.id(), m.weight()))
                m.next()
            if not want:  # every document with the term deleted
                assert all_ids(leaf.postings(fieldname, btext)) == []
                continue
            for start in {0, want[0][0] + 1, want[len(want) // 2][0], want[-1][0] + 1}:
                got = [(d, w) for block in blocks(leaf.postings(fieldname, btext), weights=True, start=start)
                       for d, w in zip(block.ids, block.weights, strict=True)]
                assert got == [(d, w) for d, w in want if d >= start], (fieldname, btext, start)
                assert all_ids(leaf.postings(fieldname, btext), start) == [d for d, _ in got]
            checked += len(want)
    assert checked > 100


def test_a_closed_reader_is_never_read_through_a_reused_file_descriptor(lib: Library, tmp_path: Path) -> None:
    """The direct lookups keep the term files' descriptors: once Whoosh has closed a reader
    (a refresh after a merge) those numbers name other files, so a lookup must refuse."""
    from whoosh import index as windex
    from whoosh.reading import ReaderClosed

    from newsreader.search.schema import WHOOSH_DIR

    searcher = windex.open_dir(str(lib.folder / WHOOSH_DIR)).searcher()
    reader = searcher.reader()
    before = termtable.term_stats(reader, "body", "ferri")
    assert before[1] > 0
    searcher.close()
    others = [open(tmp_path / f"f{i}", "wb+") for i in range(20)]  # noqa: SIM115 (take the freed numbers)
    try:
        with pytest.raises(ReaderClosed):
            termtable.term_stats(reader, "body", "ferri")
        with pytest.raises(ReaderClosed):
            termtable.or_scores(searcher, [("body", "ferri", 1.0)])
    finally:
        for f in others:
            f.close()


def clause_sets(lib: Library) -> list[list[tuple[str, str, float]]]:
    reader = lib.searcher().reader()
    rng = random.Random(11)
    vocab = {f: sorted(t.decode("utf-8") for fn, t in reader.all_terms() if fn == f)
             for f in ("body", "title", "person", "place")}
    out = []
    for _ in range(12):
        clauses = [(f, rng.choice(vocab[f]), rng.choice([1.0, 0.5, 2.5, rng.random()]))
                   for f in rng.choices(list(vocab), k=rng.randint(1, 8))]
        clauses.append(("body", "zzqx", 1.0))  # in no segment
        out.append(clauses)
    return out


def whoosh_scores(searcher, clauses):  # type: ignore[no-untyped-def]
    """Every match with its score, from Whoosh scoring every match (no block skipping)."""
    q = Q.Or([Q.Term(f, t, boost=b) for f, t, b in clauses])
    return {h.docnum: h.score for h in searcher.search(q, limit=None)}


def test_or_scores_equal_whoosh_scores(lib: Library) -> None:
    searcher = lib.searcher()
    for clauses in clause_sets(lib):
        want = whoosh_scores(searcher, clauses)
        got = termtable.or_scores(searcher, clauses)
        assert got is not None and want
        assert got.keys() == want.keys()
        for d, s in want.items():
            assert got[d] == pytest.approx(s, rel=1e-12), (clauses, d)


@pytest.mark.parametrize("limit", [1, 5, 31])
def test_top_or_equals_whoosh_search(lib: Library, limit: int) -> None:
    searcher = lib.searcher()
    for clauses in clause_sets(lib):
        q = Q.Or([Q.Term(f, t, boost=b) for f, t, b in clauses])
        want = [h.docnum for h in searcher.search(q, limit=limit)]
        assert termtable.top_or(searcher, clauses, limit) == want, clauses


def test_other_weightings_are_left_to_whoosh(lib: Library) -> None:
    from whoosh import scoring
    searcher = lib.searcher()
    other = searcher.__class__(searcher.reader(), weighting=scoring.TF_IDF())
    assert termtable.top_or(other, [("body", "ferry", 1.0)], 5) is None


def stories(finder: RelatedFinder, article_id: str) -> list[dict]:
    return [s.to_dict() for s in finder.related(article_id, limit=10)]


def test_related_equals_the_plain_whoosh_path(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same stories, scores, reasons and copies for every article, with the candidates
    found and the statistics read by the fast paths or by Whoosh."""
    ids = [r.id for r in lib.list_rows(0, 1000)]
    fast = {a: stories(RelatedFinder(lib), a) for a in ids}
    assert sum(bool(v) for v in fast.values()) > len(ids) // 2
    monkeypatch.setattr(related_mod, "top_or", lambda *a, **k: None)
    monkeypatch.setattr(termtable, "segment_terms", lambda leaf: None)
    plain = RelatedFinder(lib)
    for a in ids:
        assert stories(plain, a) == fast[a], a


def test_no_stale_answer_after_the_index_changes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40, seed=8)
    library = Library(tmp_path / "index", corpus, Config())
    try:
        library.update()
        finder = RelatedFinder(library)
        ids = [r.id for r in library.list_rows(0, 100)]
        for a in ids:
            finder.related(a)
        # New stories sharing the words and names of the first ones change every statistic.
        rng = random.Random(2)
        for i in range(40, 80):
            path = corpus / "new" / f"n{i}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(story(rng, dt.date(2025, 2, 1), i), encoding="utf-8")
        library.update()
        ids = [r.id for r in library.list_rows(0, 100)]
        for a in ids[:20]:
            assert stories(finder, a) == stories(RelatedFinder(library), a)
    finally:
        library.close()
