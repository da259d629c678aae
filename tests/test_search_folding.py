"""Accents: `cafe` finds "Café", `Sao Paulo` "São Paulo", `person:"Recep Erdogan"` "Erdoğan",
and the accented spellings still find both. Indexing and queries fold words alike, in every
search path (words, phrases, fields, prefixes, newest first, related stories, marking)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.cli import main
from newsreader.config import Config
from newsreader.search import Library
from newsreader.search.analysis import STOPS, WORD_RE, NewsAnalyzer, fold, name_terms, stem, terms
from newsreader.search.related import RelatedFinder
from newsreader.search.snippets import match_ranges
from newsreader.search.store import STORE_FILE, ArticleStore

PAGES = {
    "a/visit.txt": (
        " date 2025-06-14 Turkish President Recep Tayyip Erdoğan opens a café in São Paulo\n\n"
        "SÃO PAULO: Turkish President Recep Tayyip Erdoğan opened a Turkish café in São Paulo on "
        "Saturday, officials said. President Recep Erdoğan met the mayor of São Paulo at the café.\n\n"
        "The café serves coffee from Istanbul, the president said.\n"
    ),
    "b/talks.txt": (
        " date 2025-06-15 Erdogan and Lula meet in Sao Paulo for trade talks\n\n"
        "SAO PAULO: Turkish President Recep Tayyip Erdogan met Brazilian President Lula in Sao Paulo "
        "on Sunday for trade talks, officials said. Erdogan later visited a cafe.\n"
    ),
    "c/floods.txt": (
        " date 2024-08-03 Monsoon floods kill dozens in Punjab\n\n"
        "LAHORE: Monsoon rains caused floods across Punjab, killing dozens, the authority said.\n"
    ),
}



def write_corpus(root: Path) -> Path:
    for name, text in PAGES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


ACCENTED = "Turkish President Recep Tayyip Erdoğan opens a café in São Paulo"
PLAIN = "Erdogan and Lula meet in Sao Paulo for trade talks"


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("folding")
    library = Library(base / "index", write_corpus(base / "corpus"), Config())
    library.update()
    yield library
    library.close()


def test_fold_drops_latin_and_greek_accents_only() -> None:
    assert [fold(w) for w in ("café", "são", "erdoğan", "łódź", "straße", "ørsted", "αθήνα")] == \
        ["cafe", "sao", "erdogan", "lodz", "strasse", "orsted", "αθηνα"]
    assert fold("i̇stanbul") == "istanbul"  # "İstanbul".lower(): an i and a combining dot
    for word in ("йога", "हिन्दी", "서울", "東京"):  # other scripts' marks are letters of the word
        assert fold(word) == word
    assert terms("Café owners in İstanbul and Cafe\u0301s") == ["cafe", "owner", "istanbul", "cafe"]
    assert name_terms("Recep Tayyip Erdoğan") == ["recep", "tayyip", "erdogan"]


@given(st.text(alphabet=st.sampled_from(list("aeiouAEIOU éèÉçÇğĞşŞıİøØßæœÃãñ’-.\u0301\u0308")), max_size=40))
def test_query_analysis_folds_like_indexing(text: str) -> None:
    """A query's words (NewsAnalyzer) are exactly the words indexed for the same text."""
    assert [t.text for t in NewsAnalyzer()(text)] == terms(text)
    assert [t.text for t in NewsAnalyzer(stemming=False)(text)] == name_terms(text)


@pytest.mark.parametrize("sort", ["relevance", "date"])
@pytest.mark.parametrize("plain, accented", [
    ("cafe", "café"),
    ("Sao Paulo", "São Paulo"),
    ('"Sao Paulo"', '"São Paulo"'),
    ("erdogan", "Erdoğan"),
    ("erdog*", "erdoğ*"),
    ('place:"Sao Paulo"', 'place:"São Paulo"'),
    ("person:Erdogan", "person:Erdoğan"),
    ('title:"sao paulo" cafe', 'title:"são paulo" café'),
])
def test_both_spellings_find_both_spellings(lib: Library, sort: str, plain: str, accented: str) -> None:
    for query in (plain, accented):
        assert {h.title for h in lib.search(query, sort=sort).hits} >= {ACCENTED} | (
            set() if "title:" in query else {PLAIN}), query


def test_a_name_phrase_without_accents_finds_the_accented_name(lib: Library) -> None:
    for query in ('person:"Recep Erdogan"', 'person:"Recep Erdoğan"', 'person:"recep erdogan"'):
        assert [h.title for h in lib.search(query).hits] == [ACCENTED], query


def test_accented_words_are_marked_for_a_plain_query(lib: Library) -> None:
    (hit,) = [h for h in lib.search("cafe sao").hits if h.title == ACCENTED]
    marked = {hit.snippet[s:e] for s, e in hit.ranges}
    assert {"café", "São"} <= marked
    assert [ACCENTED[s:e] for s, e in hit.title_ranges] == ["café", "São"]
    text = "Recep Tayyip Erdoğan, ERDOĞAN and Erdogan"
    assert [text[s:e] for s, e in match_ranges(text, {"erdogan"})] == ["Erdoğan", "ERDOĞAN", "Erdogan"]
    assert [text[s:e] for s, e in match_ranges(text, {"erdogan"}, stemming=False)] == ["Erdoğan", "ERDOĞAN", "Erdogan"]


def test_decomposed_accents_and_two_letter_folds_are_marked() -> None:
    """Text saved decomposed (a letter, then its combining accent) is searchable, so its
    words are marked too; a word spelled with ß or æ is marked for ss or ae."""
    text = "Carlos Pe\u0301rez of the Mone\u0301taire in Zu\u0308rich, Großbritannien and Michæl"
    for term in ("perez", "monetair", "zurich", "grossbritannien", "michael"):
        assert [text[s:e] for s, e in match_ranges(text, {stem(term)})] == \
            [w for w in WORD_RE.findall(text) if stem(fold(w.lower())) == stem(term)], term
    assert match_ranges(text, {"tair", "rez"}) == []  # no word starts after an accent inside a word


@given(st.text(alphabet=st.sampled_from(list("aeiostrnAEIOSTRN éèÉçÇğĞşŞıİøØæÆœþ’-.\u0301\u0308")), max_size=30),
       st.data())
def test_marked_words_are_the_words_that_fold_and_stem_to_a_term(text: str, data: st.DataObject) -> None:
    """The candidate scan (prefixes, accents, decomposed text) finds exactly the words a
    full scan finds."""
    spans = [(m.span(), stem(fold(m.group().lower()))) for m in WORD_RE.finditer(text)
             if fold(m.group().lower()) not in STOPS]
    if not spans:
        return
    wanted = set(data.draw(st.lists(st.sampled_from([t for _, t in spans]), min_size=1, max_size=3)))
    assert match_ranges(text, wanted) == [span for span, t in spans if t in wanted]


def test_a_known_word_saved_decomposed_gets_no_suggestion(lib: Library) -> None:
    assert lib.suggest("Erdog\u0306an") is None  # was "Erdogan\u0306an": the word cut at its accent
    assert lib.suggest("Erdog\u0306n") == "Erdogan"


def test_did_you_mean_offers_the_spelling_the_pages_use(lib: Library) -> None:
    assert lib.suggest("Sau Paulo") == "São Paulo"  # the pages write São more often than Sao
    assert lib.suggest("Erdogn") == "Erdogan"  # as often either way: as typed, without accents


def test_did_you_mean_can_offer_the_first_word_of_the_vocabulary(lib: Library) -> None:
    assert lib.store().vocab(min_count=2)[0][0] == "cafe"  # Whoosh's ListCorrector skipped it
    assert lib.suggest("cafr") == "café"


def test_related_stories_share_a_name_spelled_either_way(lib: Library) -> None:
    ids = {h.title: h.id for h in lib.search("president").hits}
    finder = RelatedFinder(lib)
    for one, other in ((ACCENTED, PLAIN), (PLAIN, ACCENTED)):
        (story,) = [s for s in finder.related(ids[one]) if s.id == ids[other]]
        assert any(why.startswith("shared people: Recep Tayyip Erdo") for why in story.why), story.why


def test_an_index_of_the_previous_version_is_rebuilt_not_misread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    corpus = str(write_corpus(tmp_path / "corpus"))
    assert main(["index", "--corpus", corpus]) == 0
    (store_file,) = (tmp_path / "home").rglob(STORE_FILE)
    old = ArticleStore(store_file)
    old.set_meta("schema_version", "4")  # as the index built before accents were folded
    old.commit()
    old.close()
    capsys.readouterr()
    assert main(["search", "--corpus", corpus, "cafe"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another version" in err and "index --rebuild" in err
    assert main(["index", "--corpus", corpus, "--rebuild"]) == 0
    capsys.readouterr()
    assert main(["search", "--corpus", corpus, "cafe"]) == 0
    out = capsys.readouterr().out
    assert "Erdoğan opens a [café] in São Paulo" in out and "visited a [cafe]" in out
