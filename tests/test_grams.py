"""The index side of common grams: which stems are common, the `grams_*` pair terms the
workers write, and phrases answered from them giving what checking positions gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh import query as Q

from newsreader.config import Config
from newsreader.search import Library, analysis
from newsreader.search import indexer as indexer_mod
from newsreader.search import writer
from newsreader.search.phrase import NewsPhrase, gram_phrase

COMMON = ["officials", "said", "water", "council", "city"]
#: Mostly in under 15% of the stories (0.2 of ~60 words a story, spread over 128 words).
RARE = [a + b for a in ("har", "str", "bud", "cri", "mon", "mis", "wag", "lah", "dro", "fer", "bri", "tar", "orc",
                        "gla", "fes", "lib")
        for b in ("bour", "ike", "get", "ket", "soon", "sile", "ges", "ore")]


def story(rng: random.Random, n: int) -> str:
    def sentence() -> str:
        return " ".join(rng.choice(COMMON) if rng.random() < 0.8 else rng.choice(RARE)
                        for _ in range(rng.randint(4, 14))).capitalize() + "."

    title = sentence().title()
    body = "\n\n".join(" ".join(sentence() for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(2, 4)))
    return f" date 2025-0{1 + n % 9}-1{n % 10} {title}\n\n{body}\n"


def write_pages(root: Path, numbers: range, seed: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for n in numbers:
        (root / f"p{n:04d}.txt").write_text(story(rng, n), encoding="utf-8")


def test_common_stems_and_pairs() -> None:
    docs = [["said", "offici", "said"]] * 5 + [["offici", "flood"]] * 3 + [["said", "drought"]] * 2
    assert analysis.common_stems(docs, share=0.5, min_sample=5) == {"said", "offici"}
    assert analysis.common_stems(docs, share=0.5, min_sample=11) == frozenset()  # too small a sample
    common = frozenset({"said", "offici"})
    assert analysis.word_pairs(["offici", "said", "flood", "said", "offici", "offici"], common) == \
        ["offici said", "said offici", "offici offici"]
    assert analysis.word_pairs(["offici", "said"], frozenset()) == []


def phrases_agree(lib: Library, words: list[str]) -> None:
    searcher = lib.searcher()
    for name in ("body", "title"):
        fast, slow = NewsPhrase(name, words), Q.Phrase(name, words)
        assert set(searcher.docs_for_query(fast)) == set(searcher.docs_for_query(slow)), (name, words)
        assert [(h.docnum, round(h.score, 9)) for h in searcher.search(fast, limit=5)] == \
               [(h.docnum, round(h.score, 9)) for h in searcher.search(slow, limit=None)][:5]


def test_phrases_from_grams_match_positions_after_incremental_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parallel workers, several segments, then changed, removed and added pages: every
    phrase of two stems gives the same documents and top scores through the pair lists as
    through positions, and the incremental runs keep the first run's common stems."""
    monkeypatch.setattr(indexer_mod, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(indexer_mod, "PAGES_PER_TASK", 2)
    # Tasks sent ahead as in every batch: with the first batch's fewer, the first run made small segments that the
    # second run's commit merged (Whoosh's MERGE_SMALL), purging the deletions this test reads through.
    monkeypatch.setattr(indexer_mod, "FIRST_TASKS_AHEAD", indexer_mod.TASKS_AHEAD)
    # Nor any merge at all: the second run merges the first run's segments (writer.merge_choice).
    monkeypatch.setattr(writer, "MERGE_FACTOR", 10 ** 6)
    monkeypatch.setattr(analysis, "COMMON_MIN_SAMPLE", 20)
    monkeypatch.setattr(indexer_mod, "SAMPLE_MIN_PAGES", 10)
    corpus = tmp_path / "c"
    write_pages(corpus, range(60), seed=1)
    folder = tmp_path / "ix"
    indexer_mod.Indexer(folder, corpus, Config(), workers=2, batch_articles=15).run()
    lib = Library(folder, corpus, Config())
    common = frozenset(lib.store().get_meta(indexer_mod.COMMON_META).split())
    assert {analysis.stem(w) for w in COMMON} <= common
    rare = sorted({analysis.stem(w) for w in RARE} - common)
    assert len(rare) > len(RARE) // 2
    lib.close()

    write_pages(corpus, range(10, 20), seed=2)  # changed
    (corpus / "p0003.txt").unlink()
    write_pages(corpus, range(60, 75), seed=3)  # added: a new segment beside the old ones
    indexer_mod.Indexer(folder, corpus, Config(), workers=2, batch_articles=15).run()
    lib = Library(folder, corpus, Config())
    assert frozenset(lib.store().get_meta(indexer_mod.COMMON_META).split()) == common
    reader = lib.searcher().reader()
    assert len(reader.leaf_readers()) > 2 and reader.has_deletions()
    stems = sorted({analysis.stem(w) for w in COMMON} | set(rare[:4]))
    for a in stems:
        for b in stems:
            phrases_agree(lib, [a, b])
    # The pair lists were used: every segment answers a common pair from them.
    answered = 0
    for sub, _ in lib.searcher().leaf_searchers():
        words = [Q.Term("body", w).matcher(sub) for w in ("offici", "said")]
        found = gram_phrase(sub, "body", [b"offici", b"said"], words)
        answered += found is not None and bool(found[0])
    assert answered == len(lib.searcher().leaf_searchers())
    assert not [t for f, t in reader.all_terms() if f == "grams_body" and set(t.decode().split()) - common]
    assert len(lib.search('"officials said"').hits) > 0
    lib.close()


def test_small_corpus_has_no_grams_until_a_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under the minimum sample no stem is common: no pair terms, phrases still answered
    from positions; growing keeps that decision; a rebuild decides again."""
    monkeypatch.setattr(analysis, "COMMON_MIN_SAMPLE", 30)
    monkeypatch.setattr(indexer_mod, "SAMPLE_MIN_PAGES", 20)
    corpus = tmp_path / "c"
    write_pages(corpus, range(12), seed=4)
    lib = Library(tmp_path / "ix", corpus, Config())
    lib.update()
    assert lib.store().get_meta(indexer_mod.COMMON_META) == ""
    reader = lib.searcher().reader()
    assert not [t for t in reader.all_terms() if t[0].startswith("grams_")]
    phrases_agree(lib, ["offici", "said"])
    assert len(lib.search('"officials said"').hits) > 0

    write_pages(corpus, range(12, 50), seed=5)
    lib.update()
    assert lib.store().get_meta(indexer_mod.COMMON_META) == ""
    assert not [t for t in lib.searcher().reader().all_terms() if t[0].startswith("grams_")]
    phrases_agree(lib, ["offici", "said"])

    lib.update(rebuild=True)
    assert "offici" in lib.store().get_meta(indexer_mod.COMMON_META).split()
    assert ("grams_body", b"offici said") in lib.searcher().reader()
    phrases_agree(lib, ["offici", "said"])
    lib.close()
