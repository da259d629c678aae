"""Names (N3): nicknames before a surname, titles in a `person:` search, and a person's own party or club after the
name in a headline, each with the near misses that must stay as they were."""

from __future__ import annotations

from newsreader.extract import extract, extract_story, extract_title
from tests.test_n1_name_parts import index_stories


def names(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in extract(text).entities]


def title_names(title: str, context: str) -> list[tuple[str, str]]:
    found = extract_story(context, [])
    return [(e.text, e.kind) for e in extract_title(title, context, found=found).entities]


def test_a_nickname_or_short_given_name_before_a_surname_is_a_person() -> None:
    """With no other sign, a name of two words whose first is no known given name was an organisation."""
    assert names("Babe Ruth's 1927 batting average was .356.") == [("Babe Ruth", "person")]
    assert ("Hank Aaron", "person") in names("Hank Aaron hit his 715th home run in Atlanta in 1974.")
    assert names("Lou Gehrig and Babe Ruth batted back to back.") == [("Lou Gehrig", "person"), ("Babe Ruth", "person")]
    assert ("Buzz Aldrin", "person") in names("Buzz Aldrin walked on the moon in July 1969.")
    assert ("Tiger Woods", "person") in names("Tiger Woods missed the cut at the tournament.")


def test_a_nickname_before_an_english_word_stays_a_brand() -> None:
    """A nickname that the English list has as never a name counts only before a surname that is no such word."""
    assert names("Magic Leap raised $500 million from investors.") == [("Magic Leap", "org")]
    assert names("Tiger Global led the funding round.") == [("Tiger Global", "org")]
    assert names("Tiger Brands recalled its products.") == [("Tiger Brands", "org")]
    # a word name that is a name too in the English list keeps its old reading ("Grant", "Bill")
    assert ("Ray Kelly", "person") in names("Ray Kelly led the department for 12 years.")


def test_a_nickname_after_an_article_is_a_product() -> None:
    """RV30-N #4: "the Magic Trackpad" was a person (the nickname rule), "the Magic Keyboard" beside it an org;
    an owner before a name is no such sign ("Kenya's Faith Kipyegon")."""
    assert ("Magic Trackpad", "person") not in names("Apple also updated the Magic Trackpad and the Magic Keyboard "
                                                      "on Tuesday.")
    assert ("Magic Keyboard", "person") not in names("Apple's Magic Keyboard costs $99.")
    assert ("Faith Kipyegon", "person") in names("Kenya's Faith Kipyegon broke the 1,500m world record in Paris.")
    assert ("Magic Johnson", "person") in names("Magic Johnson scored 30 points.")


def test_a_city_written_alone_as_a_place_is_no_surname_for_a_name_before_it() -> None:
    """"War Zone Athens" was a person because "Athens" stood alone elsewhere (as a surname does), and every "in
    Athens" then that person's surname (ECB+)."""
    text = ("Gridlock Jakarta: traffic stood still for hours in Jakarta on Monday. Jakarta's governor apologised.")
    assert ("Jakarta", "place") in names(text) and not any(kind == "person" for _, kind in names(text))
    text = ("Lockdown Melbourne: the city stayed home on Monday. Police in Melbourne fined 50 people, and Melbourne's "
            "mayor said the rules would stay.")
    assert [kind for word, kind in names(text) if word == "Melbourne"] == ["place", "place"]
    # a surname written alone keeps the name before it a person's, even one a town has ("Jackson said")
    assert names("Zorbo Jackson hit three home runs. Jackson said the crowd was loud.") == [
        ("Zorbo Jackson", "person"), ("Jackson", "person")]
    assert names("Wladek Kowalczyk won the race on Sunday. Kowalczyk said he was tired.") == [
        ("Wladek Kowalczyk", "person"), ("Kowalczyk", "person")]


def test_a_name_with_an_age_after_it_ends_a_list_of_products() -> None:
    """After a product, " and " went on listing products: the person after it, with an age, and the same surname
    later were no names (ECB+)."""
    text = ("Police said the 2012 Honda Civic and Marta Kowalska, 41, were found near the river. Kowalska was taken "
            "to hospital.")
    assert names(text) == [("Marta Kowalska", "person"), ("Kowalska", "person")]
    # the list of products itself stays one
    assert names("The shop sold the 2012 Honda Civic and Accord models.") == []


def test_a_denied_verb_is_no_word_of_a_name() -> None:
    """"Won't" left "Won" capitalised after the name ("Gary Ross Won"), "Don't" opening a sentence was "Don"."""
    assert ("Gary Ross", "person") in names("Gary Ross Won't Direct the Sequel")
    assert ("Jane Smith", "person") in names("Why Jane Smith Can't Win the Race")
    assert names("Don't forget to vote, the mayor said.") == []
    # other contractions keep their word as before ("We've": the pronoun, no name; a name's apostrophe stays)
    assert names("We've seen Mary Barra in Detroit.") == [("Mary Barra", "person"), ("Detroit", "place")]
    assert ("Shaquille O'Neal", "person") in names("Shaquille O'Neal didn't play on Monday.")


def test_a_news_agency_after_a_report_verb_or_before_news_agency_is_named() -> None:
    """"reports AP." and "told the AFP news agency" named no organisation: only "by/to/told/from/with AP" and "AP
    reported" did (ECB+)."""
    assert names("The singer left the clinic on Friday, reports AP.") == [("AP", "org")]
    assert ("AFP", "org") in names("An election official told the AFP news agency that turnout was high.")
    assert ("Reuters", "org") in names("The mayor told the Reuters wire service that the bridge would reopen.")
    # a dateline's or a poll's agency is still no source named in the text
    assert names("The AP poll found support fell.") == []


def test_a_persons_own_party_club_or_court_after_the_name_in_a_headline_leaves_the_person() -> None:
    assert title_names("Angela Merkel Party Loses Seats", "") == [("Angela Merkel", "person")]
    assert title_names("ANGELA MERKEL PARTY LOSES SEATS", "") == [("ANGELA MERKEL", "person")]
    assert ("Lionel Messi", "person") in title_names("Lionel Messi Club Wins Again", "")
    assert title_names("Oscar Pistorius Court Hearing Delayed", "") == [("Oscar Pistorius", "person")]
    assert title_names("Benjamin Netanyahu Coalition Collapses", "") == [("Benjamin Netanyahu", "person")]


def test_a_county_or_streets_court_or_team_in_a_headline_is_no_persons() -> None:
    """RV30-N #3: counties are named after people; a county's court is not the person "Douglas"'s."""
    assert title_names("Douglas County Court Rejects Appeal", "") == [("Douglas County Court", "org")]
    assert title_names("MARION COUNTY COURT REJECTS APPEAL", "")[0][0] == "MARION COUNTY COURT"
    assert title_names("Elizabeth Street Team Wins Award", "") == [("Elizabeth Street Team", "org")]
    assert title_names("Morgan County Coalition Fights Landfill", "")[0][0] == "Morgan County Coalition"


def test_institutions_named_after_people_stay_whole_in_a_headline() -> None:
    assert title_names("Walt Disney Company Posts Loss", "") == [("Walt Disney Company", "org")]
    body = "The actress checked into a clinic in the desert on Friday, her spokesman said."
    assert ("Betty Ford Center", "place") in title_names("Tara Reid Enters Betty Ford Center", body)
    # a party named without a person's given name first stays one
    assert title_names("Christian Democratic Party Wins Vote", "") == [("Democratic Party", "org")]


def test_untitled_drops_the_titles_that_open_a_name_searched() -> None:
    from newsreader.search.entity import untitled

    assert untitled(["pope", "john", "paul", "ii"]) == ["john", "paul", "ii"]
    assert untitled(["prime", "minister", "boris", "johnson"]) == ["boris", "johnson"]
    assert untitled(["pope", "francis"]) == ["francis"]
    assert untitled(["gen", "mark", "milley"]) == ["mark", "milley"]
    # a title that is a given name too opens a name ("Dean Smith"); the last word always stays
    assert untitled(["dean", "smith"]) == ["dean", "smith"]
    assert untitled(["vice", "president"]) == ["president"]
    assert untitled(["jane", "smith"]) == ["jane", "smith"]


STORIES = (
    ("Pope visits Poland", ("Pope John Paul II arrived in Warsaw on Monday for a three-day visit, the Vatican said. "
                            "John Paul II was greeted by a crowd of thousands at the airport.")),
    ("Pope meets migrants", ("Pope Francis met migrants on the island of Lampedusa on Monday. Francis said the world "
                             "had forgotten them.")),
    ("Health agency chief retires", ("Francis Collins, the director of the health agency, said on Monday that he "
                                     "would retire at the end of the year.")),
    ("Premier survives vote", ("Prime Minister Boris Johnson survived a confidence vote on Monday. Johnson said he "
                               "would carry on.")),
)


def test_a_person_search_with_a_title_finds_the_name_the_story_stores(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lib = index_stories(tmp_path, STORIES)
    try:

        def found(query: str) -> list[str]:
            return [hit.title for hit in lib.search(query).hits]

        assert found('person:"Pope John Paul II"') == found('person:"John Paul II"') == [STORIES[0][0]]
        # the snippet marks the name stored, found without its title
        hit = lib.search('person:"Pope John Paul II"').hits[0]
        assert [hit.snippet[a:b] for a, b in hit.ranges] == ["John Paul II", "John Paul II"]
        assert found('person:"Prime Minister Boris Johnson"') == [STORIES[3][0]]
        # one word left: the story naming the person by it alone, not every story with the word in a name
        assert found('person:"Pope Francis"') == [STORIES[1][0]]
        assert sorted(found("person:francis")) == sorted([STORIES[1][0], STORIES[2][0]])
        assert found('person:"Pope John Paul II" AND warsaw') == [STORIES[0][0]]
        assert found('person:"Pope Benedict XVI"') == []
        # without its title, a full name no story has is not widened to a lone surname
        assert found('person:"Prime Minister Jane Johnson"') == []
    finally:
        lib.close()


def test_a_cold_search_for_a_name_stored_as_typed_reads_no_cue_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The title lists are read (PyYAML and the cue files: ~60 ms) only for a name no story stores as typed."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, (title, body) in enumerate(STORIES):
        (corpus / f"{n}.txt").write_text(f"{title}\n\nMarch 3, 2013\n\n{body}\n", encoding="utf-8")
    env = dict(os.environ, NEWSREADER_HOME=str(tmp_path / "home"), PYTHONPATH=str(root))
    subprocess.run([sys.executable, "-m", "newsreader", "index", "--corpus", str(corpus)], capture_output=True,
                   cwd=root, env=env, check=True)
    code = (
        "import io, json, sys, contextlib\n"
        "from newsreader.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main(['search', '--corpus', {str(corpus)!r}, '--json', sys.argv[1]])\n"
        "print(json.dumps({'yaml': 'yaml' in sys.modules, 'hits': [h['title'] for h in json.loads(out.getvalue())['hits']]}))\n"
    )

    def search(query: str) -> dict[str, object]:
        out = subprocess.run([sys.executable, "-c", code, query], capture_output=True, text=True, cwd=root, env=env,
                             check=True)
        return json.loads(out.stdout.splitlines()[-1])

    assert search('person:"Boris Johnson"') == {"yaml": False, "hits": [STORIES[3][0]]}
    assert search('person:"Boris Johnsen"') == {"yaml": False, "hits": []}  # (no stored name ends so)
    assert search('person:"Prime Minister Boris Johnson"')["hits"] == [STORIES[3][0]]


TITLED = (
    ("Premier wins vote", "Boris Johnson won the vote in parliament on Monday. Johnson said he was pleased."),
    ("Obama visits Berlin", "Barack Obama arrived in Berlin on Monday. Obama met Angela Merkel at the chancellery."),
    ("Obama speech draws crowds", "President Obama spoke to a crowd in Chicago on Tuesday. Obama said he was grateful."),
    ("Monarch opens parliament", "Charles III opened parliament on Tuesday. Charles III read the speech."),
    ("Scientist honoured", "Charles Darwin was honoured at a ceremony in London on Monday."),
) + tuple((f"Council vote number {n}", f"Johnson said the council would vote on the budget on Monday, item {n}. "
                                       + "Johnson added that the vote was close. " * (n % 7)) for n in range(30)) \
  + tuple((f"Pope prays for peace, day {n}", f"Pope Francis prayed for peace in Rome on Sunday, day {n}. "
                                             + "Francis said the war must end. " * (n % 7)) for n in range(30))


def test_a_person_search_with_a_title_before_one_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """RV30-N #0, #1: over more stories than the limit (Whoosh's top-N skipping), a titled search answers (the index
    was said to be damaged); a title before a surname finds the stories naming the person in full too (as
    `person:johnson`); a woman's title before a surname nothing (whose the full names are is not known); a
    monarch's name its regnal number."""
    lib = index_stories(tmp_path, TITLED)
    try:

        def found(query: str, limit: int = 20) -> list[str]:
            return [hit.title for hit in lib.search(query, limit=limit).hits]

        assert len(found('person:"Mr Johnson"', limit=5)) == 5
        assert len(found('person:"Pope Francis"', limit=3)) == 3
        assert lib.search('person:"Pope Francis"', limit=3, count=True).total == 30
        assert lib.search('person:"Mr Johnson"', limit=5, count=True).total == 31
        assert "Premier wins vote" in found('person:"Prime Minister Johnson"', limit=40)
        assert sorted(found('person:"President Obama"')) == ["Obama speech draws crowds", "Obama visits Berlin"]
        assert found('person:"Chancellor Merkel"') == ["Obama visits Berlin"]
        assert found('person:"Mrs Obama"') == []
        assert found('person:"King Charles"') == ["Monarch opens parliament"]
    finally:
        lib.close()


def test_said_before_an_agency_word_that_is_a_persons_name_stays_the_person() -> None:
    """RV30-N #2: "said <agency>" named the agency for any word of the list, so people quoted became
    organisations: a given name ("said Wafa, a mother of three"), the surname of a full name in the story
    ("Michael Bloomberg ... said Bloomberg."), a word before another ("said AP Chief Minister")."""
    assert names('"We lost everything," said Wafa, a mother of three who fled Gaza City.')[0] == ("Wafa", "person")
    assert ("Bloomberg", "person") in names('Michael Bloomberg spoke in Houston on Monday. "We will win," said '
                                            'Bloomberg.')
    assert ("Bloomberg", "org") not in names('"I am running to beat Trump," said Bloomberg, the former New York '
                                             'mayor, at a rally in Texas.')
    assert ("AP", "org") not in names("The state will get new funds, said AP Chief Minister N. Chandrababu Naidu.")
    assert ("Ansa", "org") not in names('"I\'m done," said Ansa, a nurse from Nairobi.')
    # the agency named where the clause ends, or by its apposition
    assert names("The score was announced, said Reuters.") == [("Reuters", "org")]
    assert ("Kuna", "org") in names("Workers were paid in kuna, said Kuna, the Kuwaiti news agency.")
    assert ("Reuters", "org") in names("The talks failed, said Reuters, citing two officials.")
    # ... a clause that goes on in lowercase words, and an agency's apposition after a given name
    assert names("The blast killed 12 people, said Reuters on Monday.") == [("Reuters", "org")]
    assert ("Reuters", "org") in names("The blast killed 12 people, said Reuters and AFP.")
    assert ("Wafa", "org") in names("The blast killed 12 people, said Wafa, the Palestinian news agency.")
