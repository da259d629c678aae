"""Stories not in English get no names (E9): the extractor's rules, cue lists and gazetteer are English,
and on a German or French story every capitalised noun became an organisation. The language check
(`extract.language`) must never take an English story's names, whatever its shape."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools

import pytest

from newsreader.config import Config, Paths
from newsreader.errors import UserError
from newsreader.extract import extract, language
from newsreader.extract.language import english_share, is_english, prose_words

GERMAN = (
    "Die Lokführergewerkschaft GDL hat für Mittwoch einen neuen Streik angekündigt. Wie die Gewerkschaft am "
    "Montag in Frankfurt mitteilte, sollen die Züge im Personenverkehr ab zwei Uhr stillstehen. Bundeskanzler "
    "Olaf Scholz nannte den Ausstand eine Zumutung für Millionen Pendler. \"We are not going to give up\", "
    "sagte ein Sprecher der Bahn in einem Interview mit der \"New York Times\". Die Deutsche Bahn will nun vor "
    "Gericht ziehen und hofft auf eine Einigung noch in dieser Woche. Fahrgäste sollen sich vor der Reise "
    "informieren, ob ihr Zug fährt; der Fernverkehr wird nach Angaben des Konzerns fast vollständig eingestellt. "
    "Stand: 13.03.2024"
)
FRENCH = (
    "Le Conseil constitutionnel a validé vendredi l'essentiel de la réforme des retraites, dont le recul de "
    "l'âge légal de départ à 64 ans. Élisabeth Borne a salué une décision qui permet au texte d'entrer en "
    "vigueur avant la fin de l'année. À Paris, des milliers de manifestants se sont rassemblés devant "
    "l'Hôtel de Ville à l'appel des syndicats, qui dénoncent un passage en force et promettent de poursuivre "
    "la mobilisation dans les prochaines semaines."
)
DUTCH = (
    "Het kabinet heeft dinsdag besloten om de bouw van drie nieuwe kerncentrales uit te stellen. Volgens de "
    "minister zijn de kosten de afgelopen twee jaar sterk gestegen, waardoor een nieuwe berekening nodig is. "
    "Of de centrales in Borssele komen, is nog niet duidelijk. Oppositiepartijen spraken van een gemiste "
    "kans, terwijl anderen juist opriepen om meer haast te maken."
)
POLISH = (
    "Sejm przyjął w piątek ustawę o podwyższeniu płacy minimalnej, która od stycznia wzrośnie do 4666 "
    "złotych brutto. To jest dobra wiadomość dla milionów pracowników w Polsce, powiedziała ministra po "
    "głosowaniu. Przedsiębiorcy są jednak zaniepokojeni, bo wyższe koszty pracy mogą zmusić część małych "
    "firm do zwolnień, zwłaszcza we wschodniej części kraju."
)
#: As short as a story in another language can be and be judged (Der Spiegel's had 34 running words).
SHORT_GERMAN = (
    "Die Gewerkschaft hat für Mittwoch einen neuen Streik angekündigt. Die Züge sollen ab zwei Uhr stillstehen, "
    "teilte sie am Montag mit. Fahrgäste sollen sich vor der Reise informieren, ob ihr Zug fährt, und mit "
    "Ausfällen rechnen. Die Bahn will dagegen vor Gericht ziehen und hofft auf eine schnelle Einigung."
)
ENGLISH = (
    "Iranian President Masoud Pezeshkian has thanked Pakistan for its support during the recent conflict, "
    "warning that Israel is trying to sow discord among Muslim nations. In a meeting with Pakistan's Interior "
    "Minister Mohsin Naqvi in Tehran, he said that Iran would never forget the backing it received from "
    "Islamabad, and that the two countries share values and potential for cooperation in trade and security."
)
#: English with few of the function words: sentence-case headlines of a front page (about 0.07).
HEADLINES = (
    "Storm hits Wales as winds reach 90mph and thousands lose power\n"
    "Council approves new bypass for village after decade of delays\n"
    "Man charged as woman dies in crash on motorway near Leeds\n"
    "Bank cuts interest rates to lowest level in decade\n"
    "Ferry service to island suspended again over engine fault\n"
    "Police appeal for witnesses as teenager stabbed in town centre\n"
    "Rail strike called off at last minute as unions accept pay offer\n"
    "Hospital waiting lists fall for first time in a year\n"
)


def test_running_words_are_small_letter_words_and_capitalised_function_words():
    # "The" at a sentence's start counts; an acronym ("WHO"), a name ("Berlin"), a mixed-case
    # brand ("iPhone") and figures do not.
    assert prose_words("The cat sat on the mat. WHO said Berlin which iPhone 2024") == (8, 4)
    # Words of any script are words: Arabic has no capitals, so all its words are running words.
    assert prose_words("حذرت الأمم المتحدة اليوم") == (4, 0)


@pytest.mark.parametrize("text", [GERMAN, FRENCH, DUTCH, POLISH, SHORT_GERMAN],
                         ids=["de", "fr", "nl", "pl", "short"])
def test_stories_in_other_languages_are_not_english(text):
    assert english_share(text) is not None
    assert not is_english(text)


@pytest.mark.parametrize("text", [
    ENGLISH,
    HEADLINES,
    # Too few running words to judge, though none is an English function word: 15, and 26 (21 different).
    "A Norwalk jury on Tuesday ordered execution for a gang member convicted of murdering a rival in 2003.",
    "A jury in Norwalk on Tuesday ordered execution for a gang member convicted of murdering a rival in a bar "
    "fight, as prosecutors asked, in a case watched across Connecticut.",
    "Storm Dara: Thousands without power as winds hit Wales",
    ", ".join(["Angela Merkel", "Emmanuel Macron", "Joe Biden", "Olaf Scholz", "Giorgia Meloni",
               "Pedro Sánchez", "Keir Starmer", "Donald Tusk", "Mark Rutte", "Ursula von der Leyen"] * 6),
    "\n".join(f"Rochdale | Labour | {n:,} | {n / 400:.1f}% | +{n % 7}.{n % 10}" for n in range(9000, 13000, 97)),
    # Running words enough but five different ones: no prose (the extractor's tests of long runs).
    "Shares of A rose. " + "van Lt. de Lt. " * 150 + "said on Monday.",
    "PARIS (AP) — THE PRESIDENT SAID ON MONDAY THAT THE GOVERNMENT WOULD NOT BACK DOWN, AND THAT TALKS "
    "WITH THE UNIONS WOULD GO ON THROUGH THE WEEK, ACCORDING TO AN AIDE WHO ASKED NOT TO BE NAMED. " * 3,
], ids=["story", "headlines", "short", "lead", "headline", "names", "table", "filler", "capitals"])
def test_english_of_every_shape_is_english(text):
    assert is_english(text)


#: English with almost none of the function words: a front page's sentence-case headlines, terse (0.015).
TERSE_HEADLINES = "\n".join([
    "Gales batter coast as thousands lose power", "Minister quits over expenses row",
    "Shares rally on rate cut hopes", "Police charge man over city centre stabbing",
    "Council backs housing plan despite protests", "Heatwave warning issued for southern counties",
    "Rail strike set to disrupt commuters on Monday", "Hospital waiting lists reach record high",
    "Schools to get extra funding for repairs", "Fire crews tackle blaze at disused factory",
    "Teenager missing since Friday found safe", "Bank raises interest rates to curb inflation",
])


def test_a_low_english_share_alone_is_not_enough():
    """Terse English (below `NOT_ENGLISH_BELOW`) keeps its names: a story is "not English" only when
    it also shows another language (its function words, or a script that is not Latin)."""
    assert english_share(TERSE_HEADLINES) < language.NOT_ENGLISH_BELOW
    assert is_english(TERSE_HEADLINES)
    assert language.other_share(TERSE_HEADLINES) < language.OTHER_AT_LEAST
    for text in (GERMAN, FRENCH, DUTCH, POLISH, SHORT_GERMAN):
        assert language.other_share(text) >= language.OTHER_AT_LEAST
    # Words of a script that is not Latin are signs of another language; English words with accents are not.
    assert language.other_share("новости дня the") == pytest.approx(2 / 3)
    assert language.other_share("café naïve résumé") == 0


#: A world-news digest in English: names with particles other languages write as words ("der", "da", "al").
DIGEST = "\n".join([
    "EU chief von der Leyen warns of tariffs on steel", "Brazil's Lula da Silva wins run-off in tight vote",
    "Syria talks stall as al-Assad rejects terms", "Egypt's el-Sisi meets envoy over Gaza crossing",
    "Spain's Pedro Sánchez calls snap poll", "Gales batter coast as thousands lose power",
    "Shares rally on rate cut hopes", "Police charge man over city centre stabbing",
    "Heatwave warning issued for southern counties", "Hospital waiting lists reach record high",
])


def test_a_name_particle_is_no_sign_of_another_language():
    """"von der Leyen", "da Silva", "al-Assad": a particle before a capital is part of a name, which
    English news writes too; "der" in a German sentence is a sign."""
    assert english_share(DIGEST) < language.NOT_ENGLISH_BELOW
    assert language.other_share(DIGEST) == 0
    assert is_english(DIGEST)
    assert {"Lula da Silva", "Gaza"} <= {e.name for e in extract(DIGEST).entities}
    assert language.other_share("der Zug und der Bus") == pytest.approx(1 / 3)  # ("und"; "der Zug" as "der Leyen")
    assert language.other_share("und der erste Zug") == pytest.approx(2 / 3)  # ("erste" is no sign)


def test_the_line_between_english_and_not():
    """English with few function words (headlines, about 0.07) and a German story quoting a sentence
    of English (about 0.03) are on either side of the line."""
    assert language.NOT_ENGLISH_BELOW < english_share(HEADLINES) < 0.1
    assert 0.02 < english_share(GERMAN) < language.NOT_ENGLISH_BELOW


def test_a_story_that_starts_in_english_is_english_without_a_word_looked_at(monkeypatch):
    """The quick look (" the " counted in C) spares English news the pass over its words. (`is_english` counts
    them with `prose_words` since 6965401; the spy sat on `english_share`, which it no longer calls, so it could not
    fail: M11. Mutant: the quick look removed.)"""
    story = (ENGLISH + " The talks were the first of the year, and the ministers said the next would be in "
             "the spring. ") * 3
    monkeypatch.setattr(language, "prose_words", lambda text: pytest.fail("the words were looked at"))
    assert is_english(story)


def test_a_story_not_in_english_gets_no_names_but_keeps_its_dates():
    result = extract(GERMAN, dt.date(2024, 3, 14))
    assert result.entities == []
    assert [(d.text, d.value) for d in result.dates] == [("13.03.2024", "2024-03-13")]
    assert {e.name for e in extract(ENGLISH).entities} >= {"Masoud Pezeshkian", "Mohsin Naqvi", "Tehran"}


def test_the_spacy_backend_is_not_asked_for_names_of_a_story_not_in_english(monkeypatch):
    from newsreader.extract import Extraction, spacy_backend

    asked: list[str] = []
    monkeypatch.setattr(spacy_backend, "extract_spacy", lambda text, date: asked.append(text) or Extraction())
    assert extract(GERMAN, backend="spacy").entities == []
    assert asked == []
    extract(ENGLISH, backend="spacy")
    assert asked == [ENGLISH]
    with pytest.raises(UserError, match="unknown extractor backend"):
        extract(GERMAN, backend="nltk")


# --- the reader's entity pane says why a story has no names ------------------------------------------

def sync(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))
    return wrapper


@sync
async def test_the_entity_pane_says_names_are_found_in_english_stories_only(tmp_path):
    from newsreader.search.library import Library
    from newsreader.store import Store
    from newsreader.tui.app import ReaderApp
    from newsreader.tui.side_pane import EntityList

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "de.txt").write_text("GDL kündigt neuen Streik an\n\n" + GERMAN + "\n", encoding="utf-8")
    quiet = ("the weather stayed fine all week, and the ferries ran to time; nobody said anything about the "
             "roads, which were quiet, or about the prices, which did not move at all. ") * 2
    (corpus / "en.txt").write_text("A quiet week\n\n" + quiet.capitalize() + "\n", encoding="utf-8")
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    library = Library.open(paths, corpus, Config())
    library.update()
    ids = {row.title: row.id for row in library.list_rows(0, 10)}
    library.close()
    assert set(ids) == {"GDL kündigt neuen Streik an", "A quiet week"}

    app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                    watch_marks=False, update_index=False, related_delay=0)
    notes = {}
    async with app.run_test(size=(120, 40)) as pilot:
        for title, article_id in ids.items():
            app.open_article(article_id)
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            entities = app.side.query_one(EntityList)
            assert entities.option_count == 1
            notes[title] = str(entities.get_option_at_index(0).prompt)
    assert notes == {"GDL kündigt neuen Streik an":
                     "No names: people, organisations and places are found in English stories only.",
                     "A quiet week": "No people, organisations or places found."}
