"""Hand-made sentences for each extraction rule, against a fixed article date."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from newsreader.extract import Extraction, extract

DCT = dt.date(2025, 6, 14)  # a Saturday


def dates_of(text: str, date: dt.date | None = DCT) -> dict[str, str | None]:
    return {d.text: d.value for d in extract(text, date).dates}


def check_date(text: str, span: str, value: str | None, undated: str | None = None,
               date: dt.date = DCT) -> None:
    """The span's value against `date`, and without an article date."""
    assert dates_of(text, date).get(span, "<missing>") == value
    assert dates_of(text, None).get(span, "<missing>") == undated


def ents(text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.kind, e.name) for e in extract(text, DCT).entities}


@pytest.mark.parametrize("text, span, value", [
    ("The talks were set for 2025-06-14 in Geneva.", "2025-06-14", "2025-06-14"),
    ("Israel struck on June 13 at dawn.", "June 13", "2025-06-13"),
    ("The deal was signed on July 31, 2024 in Paris.", "July 31, 2024", "2024-07-31"),
    ("He was arrested on 03 August 2024 at home.", "03 August 2024", "2024-08-03"),
    ("The war began on October 7, 2023 in the south.", "October 7, 2023", "2023-10-07"),
    ("Pakistan on Saturday vowed support.", "Saturday", "2025-06-14"),
    ("Israeli forces attacked Iran on Friday.", "Friday", "2025-06-13"),
    ("Officials met last week in Doha.", "last week", "2025-W23"),
    ("Prices rose last month across the region.", "last month", "2025-05"),
    ("They met earlier this week in Doha.", "earlier this week", "2025-W24"),
    ("Markets fell yesterday after the news.", "yesterday", "2025-06-13"),
    ("Talks resumed today in Muscat.", "today", "2025-06-14"),
    ("The strike came last October, officials said.", "last October", "2024-10"),
    ("Profits doubled last year, the firm said.", "last year", "2024"),
    ("The plant opened in 2008 near the river.", "2008", "2008"),
    ("Sales fell in March and recovered.", "March", "2025-03"),
    ("Growth slowed in November 2008 as credit dried up.", "November 2008", "2008-11"),
    ("Profit rose in the third quarter of 2005.", "the third quarter of 2005", "2005-Q3"),
    ("The firm was founded two years ago in Ohio.", "two years ago", "2023"),
])
def test_date_forms_resolve_against_the_article_date(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


def test_the_next_day_counts_from_the_last_full_date():
    found = dates_of("The vote was held on June 2, 2025. The next day, protests began.")
    assert found["June 2, 2025"] == "2025-06-02"
    assert found["The next day"] == "2025-06-03"


def test_a_weekday_in_a_sentence_about_the_future_is_ahead():
    assert dates_of("The council will meet on Tuesday to decide.")["Tuesday"] == "2025-06-17"


def test_relative_dates_without_an_article_date_are_marked_without_value():
    found = dates_of("Officials met on Friday and again last week.", date=None)
    assert found == {"Friday": None, "last week": None}


def test_absolute_dates_keep_their_value_without_an_article_date():
    assert dates_of("It happened on July 31, 2024.", date=None) == {"July 31, 2024": "2024-07-31"}


@pytest.mark.parametrize("text", [
    "We will now march to the square and may return.",
    "Protesters march on the capital; we may see more now.",
    "The figures were 2000 and 1500 and 12.",
    "He scored 2024 points in 1,999 games.",
    "May I ask a question?",
    "March through the streets, they said.",
    # durations, days and seasons
    "It costs $5 a year and a week of work.",
    "One day, he left the firm.",
    "The boy is two years old.",
    "It was the 14th hole, the 3rd floor.",
    "Her spring collection sold out; the fall of the regime followed.",
    "The spring in his step was gone.",
    # "present" and "the moment" need "at" or "for"
    "The present owner left. He was present at the meeting.",
    "The moment he left, it rained.",
    # a match's halves, "now" alone, clock times, a quarter share, named and repeated days, counts
    "He scored in the first half of the match and again in the second half.",
    "The team led in the first half.",
    "We will now see; now is the time.",
    "The quake struck at 2000 GMT and again at 1930 hours.",
    "A quarter of the staff left; he scored 2008 points.",
    "The fall in prices hurt. After the fall of the wall, month-end figures rose.",
    "They kept the May Day holiday; the March Madness games began; he met June Carter.",
    "He owns a half share and a year's worth of stock.",
    "The Mardi Gras parade drew crowds.",
    "The market is closed every Monday; each Friday the team meets; the fair is held every October 3.",
    "It was the worst fall since Black Monday; voters went to the polls on Super Tuesday.",
    "He scored 2009 and 2011 points; it costs 2000 to 3000 dollars.",
    "He is coming days after her.",
    "We are going to now focus on sales.",
    "The mid-year results were weak.",
    "He was named coach of the year; any day of the week; at the end of the day; the best time of the year.",
    # newspapers' days, "now" after a modal, counts after verbs
    "The Sunday Times said the paper would not apologise.",
    "We will now see what happens; they can now see it.",
    "The season opener drew crowds; the seasonal workers left.",
    "He ended 2,014 days in office; the shop closed 2014 units.",
])
def test_no_false_alarms(text):
    assert extract(text, DCT).dates == []


def test_titles_mark_people_but_are_not_part_of_the_name():
    found = ents("Field Marshal Asim Munir met Lt. Gen. Ahmed Sharif and President Donald Trump.")
    assert found["Asim Munir"] == ("person", "Asim Munir")
    assert found["Ahmed Sharif"][0] == "person"
    assert found["Donald Trump"][0] == "person"
    assert not any("Marshal" in t or "President" in t for t in found)


def test_ayatollah_and_lowercase_titles():
    found = ents("Supreme Leader Ayatollah Ali Khamenei spoke, and analyst Paul Nesbit agreed.")
    assert found["Ali Khamenei"][0] == "person"
    assert found["Paul Nesbit"][0] == "person"


def test_variants_of_a_name_group_under_one_canonical_name():
    text = ("Defense Minister Khawaja Asif spoke first. Later Khwaja Asif repeated it. "
            "Defense Minister Asif said more. Asif left.")
    result = extract(text, DCT)
    people = [e for e in result.entities if e.kind == "person"]
    assert len(people) == 4
    assert {e.name for e in people} == {"Khawaja Asif"}


def test_an_acronym_defined_in_the_text_maps_to_its_long_form():
    text = ("The Organization of Islamic Cooperation (OIC) should convene. "
            "Later the OIC said it would.")
    found = [e for e in extract(text, DCT).entities if e.text == "OIC"]
    assert len(found) == 2
    assert all(e.kind == "org" and e.name == "Organization of Islamic Cooperation" for e in found)


def test_places_orgs_and_people_in_a_news_sentence():
    found = ents("Pakistan Deputy Prime Minister and Foreign Minister Ishaq Dar called "
                 "the Islamic Revolutionary Guard Corps (IRGC) and officials in Tehran and Islamabad.")
    assert found["Pakistan"] == ("place", "Pakistan")
    assert found["Ishaq Dar"] == ("person", "Ishaq Dar")
    assert found["Tehran"][0] == "place"
    assert found["Islamabad"][0] == "place"
    assert found["IRGC"] == ("org", "Islamic Revolutionary Guard Corps")


def test_a_name_seen_as_a_person_stays_a_person():
    found = ents("Senator Mark Jackson spoke. Jackson said the bill would pass.")
    assert found["Jackson"] == ("person", "Mark Jackson")


def test_aliases_get_canonical_place_names():
    found = ents("Officials in the U.S. and Britain disagreed.")
    assert found["U.S."] == ("place", "United States")
    assert found["Britain"] == ("place", "United Kingdom")


def test_offsets_slice_the_text_exactly():
    text = "Iran's President Masoud Pezeshkian met the IAEA chief in Vienna on Monday.\n\nIt was brief."
    result = extract(text, DCT)
    assert result.entities and result.dates
    for span in [*result.entities, *result.dates]:
        assert text[span.start:span.end] == span.text


def test_to_dict_round_trips():
    result = extract("Ishaq Dar visited Tehran on Friday.", DCT)
    data = result.to_dict()
    json.dumps(data)
    assert Extraction.from_dict(data) == result
    assert set(data["entities"][0]) == {"start", "end", "text", "kind", "name"}
    assert set(data["dates"][0]) == {"start", "end", "text", "value"}


def test_unknown_backend_is_a_user_error():
    from newsreader.errors import UserError

    with pytest.raises(UserError):
        extract("x", None, backend="nonsense")


def test_extract_command_reads_json_lines_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Ishaq Dar spoke on Friday.", "date": "2025-06-14"}),
        "{not json",
        json.dumps({"id": "b", "text": "In Tehran."}),
    ]
    env_home = {"NEWSREADER_HOME": str(tmp_path)}
    import os

    proc = subprocess.run([sys.executable, "-m", "newsreader", "extract"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, env={**os.environ, **env_home}, timeout=60)
    assert proc.returncode == 1
    assert "line 2" in proc.stderr and "Traceback" not in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "b"]  # one line out per line in
    assert out[0]["entities"][0]["name"] == "Ishaq Dar"
    assert out[0]["dates"][0]["value"] == "2025-06-13"
    assert out[2]["entities"][0]["kind"] == "place"


def test_a_longer_form_of_a_name_joins_the_shorter_one():
    text = "Field Marshal Asim Munir arrived. Syed Asim Munir then met Asim Munir's staff. Munir left."
    people = [e for e in extract(text, DCT).entities if e.kind == "person"]
    assert {e.name for e in people} == {"Asim Munir"}


def test_an_organisation_name_keeps_a_title_like_word():
    found = ents("The International Court of Justice (ICJ) ruled. The ICJ met again.")
    assert found["International Court of Justice"][0] == "org"
    assert found["ICJ"] == ("org", "International Court of Justice")


def test_model_numbers_are_not_names():
    found = ents("Airbus delivered the A380 to Emirates.")
    assert "A380" not in found


# --- rules added for precision (products, events, facilities, given names, money) ---

def test_a_maker_before_a_model_number_is_a_product_not_an_organisation():
    found = ents("The airline ordered the Airbus A330-200 and ten Boeing 787 jets from Boeing.")
    assert "Airbus" not in found and "Airbus A330-200" not in found
    assert [e.text for e in extract("ten Boeing 787 jets", DCT).entities] == []
    assert ents("Analysts said Boeing would hire.")["Boeing"][0] == "org"


def test_a_name_after_a_model_number_is_a_product_everywhere_in_the_article():
    found = ents("Boeing flew the 787 Dreamliner on Tuesday. The Dreamliner carries 250 people.")
    assert "Dreamliner" not in found


def test_a_numbering_word_is_cut_from_the_name_before_it():
    found = ents("Divers searched for Air France Flight 447 off Brazil.")
    assert found["Air France"][0] == "org"
    assert not any("Flight" in t for t in found)


def test_facility_words_make_places():
    found = ents("The jet landed at Changi International Airport and was shown at Moscone Center.")
    assert found["Changi International Airport"][0] == "place"
    assert found["Moscone Center"][0] == "place"
    assert ents("The Center for Strategic Studies said so.")["Center for Strategic Studies"][0] == "org"


def test_event_names_and_their_acronyms_are_not_entities():
    found = ents("Jobs spoke at the Worldwide Developers Conference (WWDC) in June. WWDC ended.")
    assert "Worldwide Developers Conference" not in found and "WWDC" not in found


def test_given_names_separate_people_from_companies():
    found = ents("Documents came from Lockheed Martin and McDonnell Douglas, and from Steve Jobs.")
    assert found["Lockheed Martin"][0] == "org"
    assert found["McDonnell Douglas"][0] == "org"
    assert found["Steve Jobs"][0] == "person"


def test_an_apposition_with_a_title_marks_a_person():
    assert ents("Kaoru Yosano, the Japanese minister, spoke.")["Kaoru Yosano"][0] == "person"


def test_a_title_of_a_place_is_a_title_and_a_place():
    found = ents("He met the Prime Minister of Singapore, Mr. Lee Hsien Loong, at noon.")
    assert found["Singapore"][0] == "place"
    assert found["Lee Hsien Loong"][0] == "person"


def test_a_legal_form_ends_the_company_name():
    found = ents("The founder of Apple Inc. Steve Jobs has died.")
    assert found["Apple Inc."][0] == "org"
    assert found["Steve Jobs"][0] == "person"


def test_money_prefixes_and_contractions_are_not_entities():
    found = ents('The deal was worth US$40 billion, or USD 23 billion. "We\'ve won," he said.')
    assert found == {}


def test_all_caps_dateline_and_headless_city_names_are_places():
    found = ents("TEHRAN: Officials flew to Frankfurt on business.")
    assert found["TEHRAN"] == ("place", "Tehran")
    assert found["Frankfurt"][0] == "place"


def test_plural_demonyms_are_people_not_places():
    assert "Singaporeans" not in ents("It was a source of pride for all Singaporeans.")


@pytest.mark.parametrize("text, span, value", [
    ("The store currently sells music.", "currently", "PRESENT_REF"),
    ("The recently announced phone sold out.", "recently", "PAST_REF"),
    ("Prices may rise in the future.", "the future", "FUTURE_REF"),
    ("Sales slowed at the beginning of the year.", "the beginning of the year", "2025"),
])
def test_vague_references(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


def test_a_full_stop_before_a_closing_quote_is_not_part_of_the_name():
    found = ents("'They will think twice before taking on Pakistan.' He left.")
    assert "Pakistan" in found and "Pakistan." not in found


def test_a_sentence_adverb_splits_a_run_of_capitalised_words():
    found = ents("Crowds gathered in Tehran and Iran Meanwhile, prices rose.")
    assert not any("Meanwhile" in t for t in found)


def test_a_hyphenated_adjective_is_no_organisation_but_may_keep_its_place():
    found = ents("A US-brokered truce held while Iranian-backed militias and Intel-based rivals waited.")
    assert found.get("US") == ("place", "United States")
    assert not any("-" in t or t in ("Iranian", "Intel") for t in found)
    found = ents("The New York City-based fund sold its stake.")
    assert found == {"New York City": ("place", "New York")}


def test_two_places_joined_by_a_hyphen_are_two_places():
    found = ents("The Israel-Iran war spread. Engines by Rolls-Royce and fighters of Al-Qaeda stayed.")
    assert found["Israel"][0] == "place" and found["Iran"][0] == "place"
    assert "Israel-Iran" not in found
    assert "Rolls-Royce" in found and "Al-Qaeda" in found


def test_region_demonyms_and_the_west_are_places_not_organisations():
    found = ents("Middle Eastern and North African states met. Citizens in the West protested.")
    assert found["Middle Eastern"] == ("place", "Middle East")
    assert found["North African"] == ("place", "North Africa")
    assert found["West"][0] == "place"


def test_a_demonym_ends_a_name_and_a_capitalised_opener_before_it_goes():
    found = ents("Top Pakistani lawmakers joined the march.")
    assert found == {"Pakistani": ("place", "Pakistan")}


def test_creeds_are_not_organisations():
    found = ents("He condemned the Zionist regime and warned of a war against Islam and Islamism.")
    assert not {"Zionist", "Islam", "Islamism"} & set(found)


def test_person_cues_role_nouns_relations_and_arabic_particles():
    found = ents("'We will stay,' said protester Karim Nouri. Crowds of Moqtada Sadr's supporters "
                 "marched as Abu Hussein watched.")
    assert found["Karim Nouri"][0] == "person"
    assert found["Moqtada Sadr"][0] == "person"
    assert found["Abu Hussein"][0] == "person"


def test_a_surname_before_administration_is_a_person_everywhere_in_the_article():
    found = ents("The truce was announced by the Trump administration. Trump spoke later.")
    assert found["Trump"][0] == "person"
    assert ents("The Pakistan government agreed.")["Pakistan"][0] == "place"


def test_a_state_name_with_of_stays_whole():
    found = ents("Ships sail to Kenya and the Democratic Republic of Congo. "
                 "The Democratic Republic of the Congo agreed, as did the Bank of England.")
    assert found["Democratic Republic of Congo"] == ("place", "Democratic Republic of the Congo")
    assert found["Democratic Republic of the Congo"][0] == "place"
    assert found["Bank of England"][0] == "org"
    assert "Democratic Republic" not in found


def test_an_acronym_after_a_possessive_is_still_defined():
    found = ents("He expanded the Pakistan National Shipping Corporation's (PNSC) fleet. The PNSC grew.")
    assert found["PNSC"] == ("org", "Pakistan National Shipping Corporation")


@pytest.mark.parametrize("text, span, value", [
    ("The event is on 7/8/07, in the American format.", "7/8/07", "2007-07-08"),
    ("Filed on 25/12/2024 in London.", "25/12/2024", "2024-12-25"),
    ("The iPod nano is now smaller and squarer.", "now", "PRESENT_REF"),
    ("Sales rose in the first half of 2008.", "the first half of 2008", "2008-H1"),
    ("Profit fell in the second half of last year.", "the second half of last year", "2024-H2"),
    ("Payments are due at the end of the month.", "the end of the month", "2025-06"),
    ("The firm cut its 2009 forecast.", "2009", "2009"),
])
def test_more_date_forms(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text", [
    "Ryanair will now receive the aircraft later.",
    "Now that the vote is over, talks resume.",
    "Mix 1/2 cup of flour.",
])
def test_now_and_fractions_that_are_not_dates(text):
    assert "now" not in dates_of(text) and "Now" not in dates_of(text)
    assert not any("/" in span for span in dates_of(text))


def test_the_weekend_is_the_one_just_gone_early_in_a_week_and_the_next_when_ahead():
    monday = dt.date(2010, 1, 25)
    assert dates_of("The glitch became public this weekend.", monday)["this weekend"] == "2010-W03-WE"
    assert dates_of("Talks were held over the weekend.", monday)["the weekend"] == "2010-W03-WE"
    assert dates_of("Talks will resume over the weekend.", monday)["the weekend"] == "2010-W04-WE"
    assert dates_of("They met this weekend.", DCT)["this weekend"] == "2025-W24-WE"


def test_first_half_of_a_stated_year_needs_no_article_date():
    assert dates_of("Sales rose in the first half of 2008.", None)["the first half of 2008"] == "2008-H1"


def test_products_without_model_numbers_are_not_organisations():
    found = ents("Songs sell on the iTunes Music Store and the iPod Classic. Apple unveiled Tiger, "
                 "the code name for its new system. Tiger ships soon on the Mac OS X operating "
                 "system. According to Apple, the update adds features.")
    assert not {"Music Store", "Classic", "Tiger", "Mac OS X"} & set(found)
    assert found["Apple"][0] == "org"


def test_a_maker_named_alone_keeps_its_name_before_a_product_class():
    found = ents("The laptop contains Intel Core Duo processors. Intel said supply was fine.")
    assert found["Intel"][0] == "org"
    assert "Intel Core Duo" not in found and "Core Duo" not in found


def test_market_indices_are_not_organisations():
    found = ents("The Dow Jones Industrial Average fell while the Hang Seng index rose and "
                 "Nikkei futures slid. HSBC Holdings gained.")
    assert not {"Dow Jones Industrial Average", "Dow Jones", "Hang Seng", "Nikkei"} & set(found)
    assert found["HSBC Holdings"][0] == "org"


def test_a_facility_word_after_a_name_makes_it_a_place():
    found = ents("Planes landed at Heathrow airport near the Moscone West center.")
    assert found["Heathrow"][0] == "place" and found["Moscone West"][0] == "place"


def test_a_title_word_after_a_full_name_is_a_surname():
    assert ents("Markets closed in honor of Martin Luther King on Monday.")["Martin Luther King"][0] == "person"
    assert "Royal Courts of Justice" in ents("The case was heard at the Royal Courts of Justice.")


def test_bench_rewrites_meantime_week_numbers_to_iso():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "eval_extract.py"
    spec = importlib.util.spec_from_file_location("eval_extract", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.iso_week("2006-W14") == "2006-W13"  # 1 January 2006 is a Sunday
    assert bench.iso_week("2004-W47") == "2004-W47"  # 1 January 2004 is a Thursday
    assert bench.iso_week("2010-W04-WE") == "2010-W03-WE"
    assert bench.iso_week("2010-06") == "2010-06"


def test_a_product_class_before_a_name_and_a_list_after_a_product_make_products():
    found = ents("It ships with web browser Safari. Apple sells the iPod Classic, Nano and Shuffle. "
                 "The Shuffle is small, so Apple and Intel agreed.")
    assert not {"Safari", "Classic", "Nano", "Shuffle"} & set(found)
    assert found["Apple"][0] == "org" and found["Intel"][0] == "org"


# --- dates, third round: each rule resolved against DCT (Saturday 2025-06-14) and, where
# it needs the article's date, marked without a value in an undated article.
@pytest.mark.parametrize("text, span, value", [
    # times of day (TIMEX3 parts of the day)
    ("Talks ended on Tuesday night in Oman.", "Tuesday night", "2025-06-10TNI"),
    ("Apple announced the results this morning.", "this morning", "2025-06-14TMO"),
    ("Shares fell yesterday afternoon.", "yesterday afternoon", "2025-06-13TAF"),
    ("Rockets hit the city last night.", "last night", "2025-06-13TNI"),
    # fiscal years and quarters, bare and fiscal quarters, halves
    ("Revenue rose in the financial year.", "the financial year", "FY2025"),
    ("Profit fell in the fiscal third quarter.", "the fiscal third quarter", "FY2025-Q3"),
    ("Sales in Q3 beat forecasts.", "Q3", "2025-Q3"),
    ("Sales rose in the first half of the year.", "the first half of the year", "2025-H1"),
    ("The bank posted first-half profit of $2bn.", "first-half", "2025-H1"),
    # seasons without a stated year
    ("Prices rose during the winter.", "the winter", "2024-WI"),
    ("Prices rose during the spring.", "the spring", "2025-SP"),
    ("The plant will open in the autumn.", "the autumn", "2025-FA"),
    ("The talks failed last spring.", "last spring", "2024-SP"),
    # "the 14th", "that day", "later in the year", "weeks ago", "a year ago"
    ("The vote is on the 17th, officials said.", "the 17th", "2025-06-17"),
    ("He resigned on the 3rd.", "the 3rd", "2025-06-03"),
    ("Deliveries will resume later in the year.", "later in the year", "2025"),
    ("The firm was sold a year ago.", "a year ago", "2024"),
    ("Unfortunately, that day has come.", "that day", "2025-06-14"),
    ("It grew this year-the best since 1990.", "this year", "2025"),
])
def test_relative_dates_third_round(text, span, value):
    check_date(text, span, value)


@pytest.mark.parametrize("text, span, value", [
    ("The search went on for the past nine days.", "the past nine days", "P9D"),
    ("The line was begun two years ago and took two years to build.", "two years", "P2Y"),
    ("It was his third leave in the past decade.", "the past decade", "P10Y"),
    ("Sales fell over the past week.", "the past week", "P1W"),
    ("Output grew 5% in recent years.", "recent years", "PXY"),
    ("Prices will rise in the coming weeks.", "the coming weeks", "PXW"),
    ("He has been ill for more than a week now.", "more than a week", "P1W"),
    ("The flight lasted twelve hours and thirty minutes.", "twelve hours", "PT12H"),
    ("The flight lasted twelve hours and thirty minutes.", "thirty minutes", "PT30M"),
    ("The firm lost money for twenty-five years.", "twenty-five years", "P25Y"),
    ("Jobs took a couple of weeks off.", "a couple of weeks", "P2W"),
    ("The plan runs for the next four years.", "the next four years", "P4Y"),
    ("Talks lasted several days.", "several days", "PXD"),
    ("The deal was struck weeks ago.", "weeks ago", "PAST_REF"),
])
def test_durations_need_no_article_date(text, span, value):
    check_date(text, span, value, value)


@pytest.mark.parametrize("text, span, value", [
    ("Profit rose in fiscal 2008.", "fiscal 2008", "FY2008"),
    ("Sales rose in FY09.", "FY09", "FY2009"),
    ("Profit fell in the third quarter of fiscal 2008.", "the third quarter of fiscal 2008", "FY2008-Q3"),
    ("Sales rose in the summer of 2008.", "the summer of 2008", "2008-SU"),
    ("Margins fell in H1 2008.", "H1 2008", "2008-H1"),
])
def test_stated_fiscal_years_seasons_and_halves_need_no_article_date(text, span, value):
    check_date(text, span, value, value)


def test_counts_after_a_date_go_from_that_date():
    found = dates_of("The plant opened in 2005. Three years later it closed, and that year "
                     "and the following year were hard. It shipped on June 2, 2024; two days later, "
                     "a recall; the same day, a fine.", None)
    assert found["Three years later"] == "2008"
    assert found["that year"] == "2008"
    assert found["the following year"] == "2009"
    assert found["two days later"] == "2024-06-04"
    assert found["the same day"] == "2024-06-04"


_BRANCH_SENTENCES = [
    "by mid-year, at midyear, in mid-2009, the rest of the year, two weeks from now, in coming weeks.",
    "after 9/11, on 9/11/2008, Black Monday, every Monday.",
    "Oct. 28-29, 1-2 October 2013, lately, the week of June 9, the weekend of June 7, 2025, In March Apple.",
    "two and a half years, a year and a half, half an hour, the past three and a half months.",
    "about two years ago, more than a week ago, some 20 years ago, over two years, later Tuesday, up to a year.",
    "On 2025-06-14, 7/8/07 and Friday, June 13, 2025 or the 3rd of June 2024, in early March 2008,",
    "last October, in May, last Friday morning, the day before yesterday, this evening, earlier today,",
    "the past decade, the past week, the very end of next month, the weekend, only recently, currently,",
    "the near future, the start of the year, later in the month, is now, the second half of fiscal 2008,",
    "first-half sales, H2 2009, two years ago, three days later, a year before. Years ago, the next day,",
    "that same day, later that year, the same month, fiscal year 2008, the 2008 fiscal year, FY 2009,",
    "the current fiscal year, its fiscal first quarter, the 4th quarter of this year, Q3 of 2008,",
    "FY2008 Q2, summer of 2008, late last winter, during the early spring, the 1990s and '80s,",
    "on the 14th. Recent months, the past few days, over the years, the first 18 months, a few weeks,",
    "the last 2.5 years, in mid-2011, in late 2009, The 90s, The Past Week, THE NEXT DAY, This Summer",
    "THURSDAY, JUNE 12, 2025, Sat Nov 12 2011, 22 Jul 2013, 12.03.2008, on Tues., late Friday night,",
    "early yesterday, the end of 2007, the late 1990s, the 1940's, December 15 of this year, a 27-year",
    "deal, the same period last year, the year-ago quarter, the year earlier, the next morning, the day,",
    "earlier in the day, these days, the past, by year-end, the prior year, the current quarter, the year.",
    "the first three months of 2008, the last six months of the year, a decade ago, the weeks ahead, Christmas.",
    "the March quarter, the latest quarter, at the moment, at present, the Dec. quarter, the day off.",
    "in mid-June, the end of May, the first half, the 19th century, the early twentieth century, last decade,",
    "the end of the decade, the prior-year quarter, The '90s, the night of Sept. 13, the morning of Friday,",
    "for now, right now, just now, 1Q 2008, 1H08, The year 2008, the last week of March, the company's 2009.",
    "last year's fourth quarter, 2008's first half, a quarter earlier, by year's end, host 2014 Oscars.",
    "the year's first half, The Year's fourth quarter, the decade, the decade-long, the year's, The decade,",
    "exactly two years ago, precisely a week, Exactly 2008, exactly, the same period of 2004, the same month in 2007.",
    "Posted 1 year, 160 days ago; one year and two months ago, 3 weeks, 2 days ago, two years, ago.",
    "this season, last offseason, the 2008-09 season, the sixth straight day, a third consecutive month, a",
    "year ago, a few days later, this past Sunday, this past week, the following Monday, Mumbai, Nov 11- The",
]


@pytest.mark.parametrize("sentence", _BRANCH_SENTENCES)
def test_the_fast_date_scan_finds_what_the_full_pattern_finds(sentence):
    from newsreader.extract.dates import _candidates, full_pattern

    assert [m.span() for m in _candidates(sentence)] == [m.span() for m in full_pattern().finditer(sentence)]
    assert list(_candidates(sentence))


# --- fourth round (2026-11-22): rules found on the tuning split and on ECB+ news ----------


def test_an_age_before_a_name_is_no_model_number():
    found = ents("Police said 59-year-old Raj Chohan was hit; a 10-day visit by Tony Blair followed.")
    assert found["Raj Chohan"][0] == "person"
    assert found["Tony Blair"][0] == "person"


@pytest.mark.parametrize("text, span, value", [
    # date lines: upper case, short month and weekday names next to a day number
    ("THURSDAY, JUNE 12, 2025\nThe court ruled.", "THURSDAY, JUNE 12, 2025", "2025-06-12"),
    ("Posted 22 JUL 2013 by staff.", "22 JUL 2013", "2013-07-22"),
    ("Apr 12, 2007\nA man was held.", "Apr 12, 2007", "2007-04-12"),
    ("Sat Nov 12 2011, 01:19 hrs", "Sat Nov 12 2011", "2011-11-12"),
    ("Fri, 11 Nov 2011 10:00", "Fri, 11 Nov 2011", "2011-11-11"),
    ("Article posted on 08.07.2012 at noon.", "08.07.2012", "2012-07-08"),
    # a year or decade with what bounds it
    ("The plant will close at the end of 2007.", "the end of 2007", "2007"),
    ("It boomed in the late 1990s.", "the late 1990s", "199"),
    ("She swam to stardom in the 1940's.", "the 1940's", "194"),
    ("After her breakthrough in 1999's American Pie, she left.", "1999", "1999"),
    ("He hosted in 1994, 1996, 1999 and 2002.", "1996", "1996"),
    ("2008 was a hard year for the firm.", "2008", "2008"),
    ("The film opens in November of 2013.", "November of 2013", "2013-11"),
])
def test_date_lines_and_bounded_years_need_no_article_date(text, span, value):
    check_date(text, span, value, value)


@pytest.mark.parametrize("text, span, value", [
    ("The index rose on Tues., then fell.", "Tues.", "2025-06-10"),
    ("The bomb exploded late Friday at a bank.", "late Friday", "2025-06-13"),
    ("The fire broke out early Tuesday morning.", "early Tuesday morning", "2025-06-10TMO"),
    ("Page died late yesterday in a hospital.", "late yesterday", "2025-06-13"),
    ("The vote is scheduled for December 15 of this year.", "December 15 of this year", "2025-12-15"),
    ("It has patrolled the gulf since September last year.", "September last year", "2024-09"),
    ("Profit rose in the third quarter from the same period last year.", "the same period last year", "2024-Q3"),
    ("Sales fell 5% from the year-ago quarter.", "the year-ago quarter", "2024"),
    ("Profit was $3bn in 2010, up from $2bn the year earlier.", "the year earlier", "2009"),
    ("He left in 2005; the year before, he had joined.", "the year before", "2004"),
    ("They met on June 2, 2024. The next morning, talks failed.", "The next morning", "2024-06-03TMO"),
    ("They met on June 2, 2024. Earlier in the day, shares fell.", "Earlier in the day", "2024-06-02"),
    ("Shares ended the day lower.", "the day", "2025-06-14"),
    ("Sales in the prior year were flat.", "the prior year", "2024"),
    ("Sales in the current quarter will rise.", "the current quarter", "2025-Q2"),
    ("The deal should close by the end of the quarter.", "the end of the quarter", "2025-Q2"),
    ("Profit is expected by year-end.", "year-end", "2025"),
    ("Things were different in the past.", "the past", "PAST_REF"),
    ("These days, few people buy records.", "These days", "PRESENT_REF"),
])
def test_more_relative_dates_resolve_and_stay_unvalued_without_a_date(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value
    if not value.endswith("_REF") and "June 2, 2024" not in text and "2010" not in text and "2005" not in text:
        assert dates_of(text, None).get(span, "<missing>") is None


@pytest.mark.parametrize("text, span, value", [
    ("They signed a 27-year contract.", "27-year", "P27Y"),
    ("It landed after a 12-hour flight.", "12-hour", "PT12H"),
    ("Over its fifty-year life it flew.", "fifty-year", "P50Y"),
])
def test_lengths_of_time_as_adjectives_are_durations(text, span, value):
    assert dates_of(text, None).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value, undated", [
    ("Shops were busy at Christmas.", "Christmas", "2024-12-25", None),
    ("On Christmas Day they met.", "Christmas Day", "2024-12-25", None),
    ("They will meet again next Easter.", "next Easter", "2026-04-05", None),
    ("Sales fell after Thanksgiving 2008.", "Thanksgiving 2008", "2008-11-27", "2008-11-27"),
    ("The office closes on Memorial Day.", "Memorial Day", "2025-05-26", None),
    ("On Easter Monday 2009 they left.", "Easter Monday 2009", "2009-04-13", "2009-04-13"),
])
def test_holidays_are_dates(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text", [
    "Christmas sales rose and Easter eggs sold out.",
    "The past is gone; year-end results were poor.",
    "A 27-year-old man was held.",
    "The 2007/08 season was long.",
    "The year of the crash was hard. 2008 people died.",
    "The Dow closed at 2008 points.",
    "He was named coach of the year and Playmate of the Month.",
    "Both deputies had the day off; she worked during the day.",
])
def test_no_false_alarms_for_the_new_date_forms(text):
    assert [d for d in extract(text, DCT).dates if not d.value or not d.value.startswith("P")] == []


def test_a_town_before_its_state_is_a_place_and_the_abbreviation_names_the_state():
    found = ents("She checked into a clinic in Rancho Mirage, Calif., on Friday; a fire hit Palmer, Alaska.")
    assert found["Rancho Mirage"][0] == "place"
    assert found["Calif"] == ("place", "California")
    assert found["Palmer"][0] == "place"


def test_a_state_abbreviation_alone_is_no_place():
    assert "Miss" not in ents("Miss Universe was crowned in Las Vegas.")


def test_a_quoted_title_is_no_entity():
    found = ents('She starred in "American Pie" and in “Catching Fire,” the sequel, with Jennifer Lawrence.')
    assert "Pie" not in found and "American Pie" not in found and "Catching Fire" not in found
    assert found["Jennifer Lawrence"][0] == "person"


def test_laws_awards_and_numbered_wars_are_no_entities():
    found = ents("The Endangered Species Act was cited at the Oscars, as in World War II.")
    assert not any(k in found for k in ("Endangered Species Act", "Oscars", "World War II", "World War"))


@pytest.mark.parametrize("text, name", [
    ("The fight was stopped by referee Sam Williams in the sixth round.", "Sam Williams"),
    ("Wladimir Klitschko won again. Klitschko said he was satisfied.", "Wladimir Klitschko"),
    ("Tara Reid, 33, who starred in a film, checked in.", "Tara Reid"),
])
def test_a_person_cued_by_a_role_a_pronoun_or_an_age(text, name):
    assert ents(text)[name][0] == "person"


def test_a_lone_surname_cued_once_is_a_person_everywhere():
    found = extract("Klitschko said he was happy. Later Klitschko left.", DCT).entities
    assert [e.kind for e in found if e.text == "Klitschko"] == ["person", "person"]


def test_title_case_headline_words_break_names():
    text = ("Lindsay Lohan Checks Into Betty Ford Rehab\nMay 2, 2013\n"
            "Lindsay Lohan has checked into rehab at the Betty Ford clinic, her lawyer said.")
    first_line = [e for e in extract(text, DCT).entities if e.end <= text.index("\n")]
    assert [(e.text, e.kind) for e in first_line][:1] == [("Lindsay Lohan", "person")]
    assert all("Checks" not in e.text and "Rehab" not in e.text for e in first_line)


def test_a_role_opening_a_sentence_is_not_part_of_the_name():
    assert ents("Actress Lindsay Lohan has checked into rehab.")["Lindsay Lohan"][0] == "person"


def test_holiday_names_are_dates_not_organisations():
    result = extract("Sales in the Christmas and New Year sales period rose; shops shut on Christmas Day.", DCT)
    assert not any(e.text in ("Christmas", "New Year", "Christmas Day") for e in result.entities)
    assert {d.text: d.value for d in result.dates}["Christmas Day"] == "2024-12-25"


def test_a_compass_word_before_a_place_names_a_part_of_it():
    found = ents("Fires hit Southern California and Northeast Philadelphia.")
    assert found["Southern California"][0] == "place"
    assert found["Northeast Philadelphia"][0] == "place"


def test_features_named_head_of_place_hold_together():
    found = ents("Pirates struck in the Gulf of Aden and near the Strait of Hormuz.")
    assert found["Gulf of Aden"][0] == "place" and found["Strait of Hormuz"][0] == "place"
    assert "Gulf" not in found and "Aden" not in found


def test_index_names_are_instruments_but_the_exchange_after_on_is_an_organisation():
    found = ents("The Nasdaq fell and the Hang Seng rose, while the FTSE 100 and the DAX were flat. "
                 "The firm is listed on the Nasdaq.")
    assert [k for k in found if k in ("Hang Seng", "FTSE 100", "DAX", "FTSE")] == []
    listed = [e for e in extract("The firm is listed on the Nasdaq.", DCT).entities if e.text == "Nasdaq"]
    assert [e.kind for e in listed] == ["org"]
    assert "Nasdaq" not in ents("The Nasdaq fell 2%.")


def test_units_currency_codes_time_zones_and_ships_are_no_entities():
    found = ents("The 16GB model has an LCD screen and a 2.4 GHz chip, priced in USD. "
                 "Updated 10:04 PM ET. The warship INS Sukanya sailed.")
    assert not {"GB", "LCD", "GHz", "USD", "ET", "INS Sukanya", "INS"} & set(found)


def test_a_name_before_a_place_word_is_a_place():
    found = ents("An earthquake struck Qeshm island in Hormozgan province.")
    assert found["Qeshm"][0] == "place" and found["Hormozgan"][0] == "place"


@pytest.mark.parametrize("text, span, value, undated", [
    ("Profit rose in the first three months of 2008.", "the first three months of 2008", "2008-Q1", "2008-Q1"),
    ("Sales fell in the first six months of the year.", "the first six months of the year", "2025-H1", None),
    ("Sales fell in the last three months of last year.", "the last three months of last year", "2024-Q4", None),
    ("The plant opened a decade ago.", "a decade ago", "2015", None),
    ("Prices will rise in the months ahead.", "the months ahead", "PXM", "PXM"),
])
def test_parts_of_a_year_in_months_decades_ago_and_the_months_ahead(text, span, value, undated):
    check_date(text, span, value, undated)


def test_a_generation_suffix_ends_a_persons_name():
    found = ents("A wet Arcade Joseph Comeaux Jr. was caught. Martin Luther King Jr. spoke. World War II ended.")
    assert found["Arcade Joseph Comeaux Jr."][0] == "person"
    assert found["Martin Luther King Jr."][0] == "person"
    assert "World War II" not in found


def test_a_smaller_town_is_a_place_after_in_and_accents_may_be_dropped():
    found = ents("A fire in Bloomington spread; ships docked at Thessaloniki.")
    assert found["Bloomington"][0] == "place"
    assert found["Thessaloniki"] == ("place", "Thessaloníki")


def test_a_capitalised_particle_or_foreign_article_starts_a_name():
    found = ents("The magazine Der Spiegel cited Le Monde; Van der Sar saved.")
    assert {"Der Spiegel", "Le Monde", "Van der Sar"} <= set(found)


@pytest.mark.parametrize("text, span, value", [
    ("Profit rose in the March quarter.", "the March quarter", "2025-Q1"),
    ("Profit rose in the December quarter.", "the December quarter", "2024-Q4"),
    ("Sales rose in the latest quarter.", "the latest quarter", "2025-Q1"),
    ("At the moment, prices are high.", "the moment", "PRESENT_REF"),
    ("At present, there is no plan.", "present", "PRESENT_REF"),
])
def test_quarters_named_by_their_last_month_and_the_present(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value
    if not value.endswith("_REF"):
        assert dates_of(text, None).get(span, "<missing>") is None


def test_word_lists_keep_on_off_yes_and_no_as_words():
    from newsreader.extract.resources import cues

    assert {"on", "off", "yes", "no"} <= cues().common


def test_a_headline_with_lower_case_function_words_is_title_case_too():
    text = ("Iraqi Cities Protest against Israel's War on Iran\n"
            "Iraqi cities saw protests on Friday against the war.")
    headline = [e.text for e in extract(text, DCT).entities if e.end <= text.index("\n")]
    assert "Cities Protest" not in headline and "Iraqi Cities Protest" not in headline
    assert "Iran" in headline


def test_a_day_named_again_without_its_year_keeps_the_year_it_was_written_with():
    text = "Haniyeh was killed on July 31, 2024 in Tehran. On July 31, crowds gathered; the next day they left."
    for date in (DCT, None):
        found = dates_of(text, date)
        assert found["July 31"] == "2024-07-31"
        assert found["the next day"] == "2024-08-01"


@pytest.mark.parametrize("text, span, value, undated", [
    ("The board met in mid-June.", "mid-June", "2025-06", None),
    ("The board met in late-May 2008.", "late-May 2008", "2008-05", "2008-05"),
    ("The board met at the end of May.", "the end of May", "2025-05", None),
    ("The board will meet at the start of December.", "the start of December", "2025-12", None),
    ("The board met at the start of December.", "the start of December", "2024-12", None),
    ("Sales rose 5% in the first half.", "the first half", "2025-H1", None),
    ("The town grew in the 19th century.", "the 19th century", "18", "18"),
    ("Twenty-first-century cities grew; in the early twentieth century they were small.",
     "the early twentieth century", "19", "19"),
    ("Prices fell last decade.", "last decade", "201", None),
    ("The plant will close by the end of the decade.", "the end of the decade", "202", None),
    ("Profit beat the prior-year quarter.", "the prior-year quarter", "2024", None),
    ("The '90s boom ended.", "'90s", "199", "199"),
    ("The storm hit on the night of Sept. 13, 2024.", "the night of Sept. 13, 2024", "2024-09-13TNI",
     "2024-09-13TNI"),
    ("Police arrived on the morning of Friday.", "the morning of Friday", "2025-06-13TMO", None),
    ("For now, the plan stands.", "now", "PRESENT_REF", "PRESENT_REF"),
    ("Until now the city was spared.", "now", "PRESENT_REF", "PRESENT_REF"),
    ("Right now the storm is raging.", "Right now", "PRESENT_REF", "PRESENT_REF"),
    ("The fund closed in 1Q 2008.", "1Q 2008", "2008-Q1", "2008-Q1"),
    ("Sales in 1H08 rose.", "1H08", "2008-H1", "2008-H1"),
    ("The year 2008 was hard.", "The year 2008", "2008", "2008"),
    ("The last week of March was hard.", "The last week of March", "2025-W13", None),
    ("The first week of March 2024 was hard.", "The first week of March 2024", "2024-W10", "2024-W10"),
    ("The company's 2009 forecast was cut.", "2009", "2009", "2009"),
    ("Profit fell in last year's fourth quarter.", "last year's fourth quarter", "2024-Q4", None),
    ("Profit fell from 2008's first half.", "2008's first half", "2008-H1", "2008-H1"),
    ("Profit rose in the third quarter of 2008, up from 5% a quarter earlier.", "a quarter earlier", "2008-Q2",
     "2008-Q2"),
    ("Profit is up from a quarter ago.", "a quarter ago", "2025-Q1", None),
    ("The plant will close by year's end.", "year's end", "2025", None),
    ("Ellen DeGeneres to host 2014 Oscars", "2014", "2014", "2014"),
    ("He was jailed for his deadly 2005 rampage.", "2005", "2005", "2005"),
    ("The loan is due on Dec. 31.", "Dec. 31", "2025-12-31", None),
    ("The offer expires Nov. 30.", "Nov. 30", "2025-11-30", None),
    ("Shares could rise in December.", "December", "2025-12", None),
    ("He could have left in December.", "December", "2024-12", None),
    ("The plant is slated to close in December.", "December", "2025-12", None),
    ("Sales fell in December due to weak demand.", "December", "2024-12", None),
    ("GM said June sales rose 5%.", "June", "2025-06", None),
    ("The 2008 sales figures were weak.", "2008", "2008", "2008"),
    ("Cash rose by quarter-end.", "quarter-end", "2025-Q2", None),
    ("Cash rose at month-end.", "month-end", "2025-06", None),
    ("The firm will hire in the fall.", "the fall", "2025-FA", None),
    ("The plant opened in 2005, and the next year it closed.", "the next year", "2006", "2006"),
    ("In March Apple launched the iPad.", "March", "2025-03", None),
    ("The Fed meets on Oct. 28-29.", "Oct. 28-29", "2025-10-28", None),
    ("The Fed met on Oct. 28-29.", "Oct. 28-29", "2024-10-28", None),
    ("The trial opens Monday; the law takes effect on January 1.", "Monday", "2025-06-16", None),
    ("Talks on 1-2 October 2013 ended.", "1-2 October 2013", "2013-10-01", "2013-10-01"),
    ("Prices have risen lately.", "lately", "PAST_REF", "PAST_REF"),
    ("Sales for the week of June 9 rose.", "the week of June 9", "2025-W24", None),
    ("Over the weekend of June 7, 2025, prices rose.", "the weekend of June 7, 2025", "2025-W23-WE", "2025-W23-WE"),
    ("Investors await Friday's jobs report.", "Friday", "2025-06-20", None),
    ("In 2013 ratings were 2% higher than the year before – he said.", "the year before", "2012", "2012"),
    ("The board will meet this Thursday.", "this Thursday", "2025-06-19", None),
    ("The board met this Thursday.", "this Thursday", "2025-06-12", None),
    ("He spent two and a half years in prison.", "two and a half years", "P2.5Y", "P2.5Y"),
    ("He died about two years ago.", "about two years ago", "2023", None),
    ("He died more than a week ago.", "more than a week ago", "2025-W23", None),
    ("He was jailed for almost two and a half years.", "almost two and a half years", "P2.5Y", "P2.5Y"),
    ("The firm grew over two years.", "over two years", "P2Y", "P2Y"),
    ("Over the past two years the firm grew.", "the past two years", "P2Y", "P2Y"),
    ("He left a few days later.", "a few days later", "FUTURE_REF", "FUTURE_REF"),
    ("He left several weeks earlier.", "several weeks earlier", "PAST_REF", "PAST_REF"),
    ("Shares fell earlier Monday.", "earlier Monday", "2025-06-09", None),
    ("First-quarter sales rose 5% from a year earlier.", "a year earlier", "2024-Q1", None),
    ("In the first half of 2008, profit fell from a year earlier.", "a year earlier", "2007-H1", "2007-H1"),
    ("Sales in March rose 5% from a year ago.", "a year ago", "2024-03", None),
    ("Sales rose in March. A year ago, sales fell.", "A year ago", "2024", None),
    ("Sales rose in May and June 2011.", "May", "2011-05", "2011-05"),
    ("Talks were held on September 14 and 18, 2010.", "September 14", "2010-09-14", "2010-09-14"),
    ("Between March 3 and April 5, 2010, prices rose.", "March 3", "2010-03-03", "2010-03-03"),
    # "go to the polls" in the present tense is a schedule (since c25dff7): the coming Election Day
    ("Voters go to the polls on Election Day.", "Election Day", "2025-11-04", None),
    ("Voters went to the polls on Election Day.", "Election Day", "2024-11-05", None),
    ("Election Day 2020 was close.", "Election Day 2020", "2020-11-03", "2020-11-03"),
    ("Stocks fell on Whit Monday.", "Whit Monday", "2025-06-09", None),
    ("Security tightened after 9/11.", "9/11", "2001-09-11", "2001-09-11"),
    ("The plan covers 2009 to 2011.", "2009", "2009", "2009"),
    ("The vote was held on June 2, 2025. That night, protests began.", "That night", "2025-06-02TNI",
     "2025-06-02TNI"),
    # "later"/"earlier" in the date, as in "later that week" (MEANTIME: "later this year", ECB+: "earlier this month")
    ("Later that evening he left.", "Later that evening", "2025-06-14TEV", None),
    ("Prices will rise in coming weeks.", "coming weeks", "PXW", "PXW"),
    ("The vote is two weeks from now.", "two weeks from now", "2025-W26", None),
    ("It was the biggest drop of the year.", "the year", "2025", None),
    ("Sales for the rest of the year will rise.", "the rest of the year", "2025", None),
    ("The plant will reopen by mid-year.", "mid-year", "2025", None),
    ("In 2005, sales fell in the second half of the year.", "the second half of the year", "2005-H2", "2005-H2"),
    ("It took a year and a half.", "a year and a half", "P1.5Y", "P1.5Y"),
    ("He waited half an hour, then for half a year.", "half a year", "P6M", "P6M"),
    ("Sales fell in 2008. The firm expects growth in the next year.", "the next year", "2026", None),
    ("In May, the firm said it would leave on Friday; he may have left on Tuesday.", "Tuesday", "2025-06-10", None),
])
def test_parts_of_months_centuries_decades_now_short_and_possessive_periods(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("date, text, span, value", [
    (dt.date(2008, 1, 22), "Fourth-quarter profit fell 20%.", "Fourth-quarter", "2007-Q4"),
    (dt.date(2008, 1, 22), "The firm expects fourth-quarter profit to fall.", "fourth-quarter", "2007-Q4"),
    (dt.date(2008, 1, 22), "Profit fell in the third quarter.", "the third quarter", "2007-Q3"),
    (dt.date(2008, 1, 22), "Profit will rise in the third quarter.", "the third quarter", "2008-Q3"),
    (dt.date(2008, 1, 22), "Profit rose in the first quarter.", "the first quarter", "2008-Q1"),
    (dt.date(2008, 3, 12), "Sales fell in the second half.", "the second half", "2007-H2"),
    (dt.date(2008, 3, 12), "Sales should recover in the second half.", "the second half", "2008-H2"),
    (dt.date(2008, 7, 22), "Sales fell in the first half.", "the first half", "2008-H1"),
    (dt.date(2008, 1, 22), "Sales fell in the second half of the year.", "the second half of the year", "2007-H2"),
    (dt.date(2008, 1, 22), "Sales will rise in the second half of the year.", "the second half of the year",
     "2008-H2"),
    (dt.date(2008, 10, 22), "Sales rose in the fourth quarter of last year.", "the fourth quarter of last year",
     "2007-Q4"),
    # a quarter named without its year, after another year in its sentence: that year's
    (dt.date(2009, 2, 26), "GM lost $30.9 billion last year, including $9.6 billion in the fourth quarter.",
     "the fourth quarter", "2008-Q4"),
    (dt.date(2008, 6, 10), "Sales rose 5% in 2005, but fell in the second quarter.", "the second quarter", "2005-Q2"),
    # ... not in an aside set off by commas (R7D review of 7565e14)
    (dt.date(2009, 5, 10), "The company, founded in 1998, lost money in the first quarter.", "the first quarter",
     "2009-Q1"),
    (dt.date(2009, 5, 10), "Sales, which fell 20% in 2008, rose in the first quarter.", "the first quarter", "2009-Q1"),
    (dt.date(2011, 5, 10), "GM, which went bankrupt in 2009, made a profit in the first quarter.", "the first quarter",
     "2011-Q1"),
    # ... named a sentence or more back, the story may have moved on: by the article's date
    (dt.date(2008, 5, 20), "Sales rose 10% in 2007. In the first quarter, sales fell 5%.", "the first quarter", "2008-Q1"),
    (dt.date(2009, 2, 26), "GM lost $30.9 billion in 2008. In the fourth quarter, it lost $9.6 billion.",
     "the fourth quarter", "2008-Q4"),
    (dt.date(2009, 2, 26), "GM lost $30.9 billion in 2008. In the second half, its sales fell 20%.",
     "the second half", "2008-H2"),
    # "the quarter" with none named before, in a sentence about results in the past, early in a
    # quarter (results come out weeks after one closes): the last quarter closed
    (dt.date(2008, 10, 16), "GM lost $2.5 billion in the quarter.", "the quarter", "2008-Q3"),
    (dt.date(2008, 11, 7), "Sales in the quarter fell 10%.", "the quarter", "2008-Q3"),
    (dt.date(2009, 1, 28), "Ford lost $5.9 billion in the quarter.", "the quarter", "2008-Q4"),
    # ... the one running: in its last month, or looking ahead, or in the present
    (dt.date(2008, 9, 30), "The Dow fell 5% in the quarter.", "the quarter", "2008-Q3"),
    (dt.date(2008, 10, 16), "GM expects to lose money in the quarter.", "the quarter", "2008-Q4"),
    (dt.date(2008, 10, 16), "Sales have fallen 10% in the quarter.", "the quarter", "2008-Q4"),
    # ... a quarter named before: that one
    (dt.date(2008, 10, 16), "GM lost money in the second quarter. Sales fell 9% in the quarter.", "the quarter",
     "2008-Q2"),
    # early in a year, "the year" in a sentence about results in the past is the year just ended
    (dt.date(2009, 1, 5), "Sales for the year fell 22%.", "the year", "2008"),
    (dt.date(2009, 2, 26), "For the year, GM lost $30.9 billion.", "the year", "2008"),
    (dt.date(2009, 1, 5), "On Monday, GM said sales for the year fell 22%.", "the year", "2008"),
    # ... a year named before: that one
    (dt.date(2009, 1, 5), "GM sold 2.9 million cars this year. Sales for the year fell 22%.", "the year", "2009"),
    # ... later in the year, or looking ahead, or in the present: the article's year
    (dt.date(2009, 6, 5), "Sales for the year fell 22%.", "the year", "2009"),
    (dt.date(2009, 1, 5), "Sales for the year will fall 22%.", "the year", "2009"),
    (dt.date(2009, 1, 5), "The Dow is down 2% for the year.", "the year", "2009"),
    # ... or still running ("so far", "to date": R7D review of 7565e14)
    (dt.date(2008, 11, 15), "Shares fell 5% so far in the quarter.", "the quarter", "2008-Q4"),
    (dt.date(2008, 10, 20), "Sales to date in the quarter fell 10%.", "the quarter", "2008-Q4"),
    (dt.date(2009, 1, 20), "So far, sales for the year fell 2%.", "the year", "2009"),
    # ... or the one the story is in: "of the year" after a superlative or an ordinal, "to the year" (R7D review of 7565e14)
    (dt.date(2010, 1, 20), "The Dow fell 2% in its biggest drop of the year.", "the year", "2010"),
    (dt.date(2010, 1, 20), "It was the first snow of the year.", "the year", "2010"),
    (dt.date(2010, 1, 20), "The Dow fell 2%, its worst start to the year since 2008.", "the year", "2010"),
    (dt.date(2008, 10, 20), "The Dow fell 2% on Monday, its biggest drop of the quarter.", "the quarter", "2008-Q4"),
    # "the decade" early in a year is read as "the year" is: the one just ended (R7D review of 066f43d)
    (dt.date(2010, 1, 2), "The Dow ended the decade with a loss.", "the decade", "200"),
    (dt.date(2009, 12, 31), "The Dow ended the decade with a loss.", "the decade", "200"),
    (dt.date(2010, 6, 2), "The Dow will end the decade with a loss.", "the decade", "201"),
])
def test_a_period_without_its_year_is_the_last_one_closed_unless_the_sentence_looks_ahead_or_names_another(
        date, text, span, value):
    assert dates_of(text, date).get(span, "<missing>") == value
    assert dates_of(text, None).get(span, "<missing>") is None


@pytest.mark.parametrize("value, words", [
    ("20", "the 21st century (20)"),
    ("11", "the 12th century (11)"),
    ("2025-W23-WE", "the weekend of week 23 of 2025, from Saturday 7 June (2025-W23-WE)"),
    ("2025-W99-WE", "2025-W99-WE"),
    ("P2.5Y", "a span of 2.5 years (P2.5Y)"),
])
def test_centuries_and_weekends_read_in_words(value, words):
    from newsreader.extract.timex import describe_timex

    assert describe_timex(value) == words


def test_a_date_after_since_is_a_comparison_and_moves_no_anchor():
    text = "The Dow lost 500 points, its worst day since September 11, 2001. For the day, the index fell 5%."
    assert dates_of(text)["the day"] == "2025-06-14"
    assert dates_of(text)["September 11, 2001"] == "2001-09-11"


@pytest.mark.parametrize("date", [dt.date(1, 1, 1), dt.date(9999, 12, 31), None])
def test_dates_at_the_ends_of_the_calendar_give_no_traceback(date):
    text = ("On Christmas, last Friday and the next day, the third quarter of last year, two years ago, "
            "Dec. 31 and a year earlier, the 19th century, the week of June 9.")
    found = extract(text, date).dates
    assert [d.text for d in found][:2] == ["Christmas", "last Friday"]


@pytest.mark.parametrize("date, text, span, value", [
    (DCT, "Rates are widely expected to stay on hold in September.", "September", "2025-09"),
    (DCT, "Rates stayed on hold in September.", "September", "2024-09"),
    (DCT, "The court agreed to hear the case, with a ruling expected by the end of August.", "the end of August",
     "2025-08"),
    (DCT, "Sales were weaker than expected in August.", "August", "2024-08"),
    (DCT, "Apple reports earnings on Tuesday.", "Tuesday", "2025-06-17"),
    (DCT, "The new phone goes on sale in the U.S. on Friday.", "Friday", "2025-06-20"),
    (DCT, "Game 1 is Thursday in Los Angeles.", "Thursday", "2025-06-19"),
    (DCT, "Housing starts fell in August.", "August", "2024-08"),
    (DCT, "The storm is expected to make landfall on the coast on Monday night or Tuesday morning.",
     "Tuesday morning", "2025-06-17TMO"),
    (dt.date(2025, 6, 13), "Heavy snow is forecast for the weekend.", "the weekend", "2025-W24-WE"),
    (dt.date(2025, 6, 13), "Heavy snow fell over the weekend.", "the weekend", "2025-W23-WE"),
    (DCT, "The primary, moved up to Jan. 29, will be the earliest.", "Jan. 29", "2026-01-29"),
    (DCT, "The trial, originally set for January, was postponed.", "January", "2026-01"),
    (DCT, "The defendant faces sentencing in November.", "November", "2025-11"),
])
def test_forecasts_schedules_in_the_present_and_listed_dates_look_ahead(date, text, span, value):
    check_date(text, span, value, date=date)


@pytest.mark.parametrize("date, text, span, value", [
    (dt.date(2026, 1, 20), "IBM will report results for the three months to December on Tuesday.", "December",
     "2025-12"),
    (dt.date(2026, 1, 20), "IBM will report results for the quarter through December.", "December", "2025-12"),
    (DCT, "The Masters, moved from April to November last year, is back.", "April", "2024-04"),
    (DCT, "The Masters, moved from April to November last year, is back.", "November last year", "2024-11"),
])
def test_a_month_closing_a_period_is_past_and_a_listed_month_shares_the_year_after(date, text, span, value):
    check_date(text, span, value, date=date)


@pytest.mark.parametrize("text, span, value, undated", [
    ("He missed most of last season with a knee injury.", "last season", "PAST_REF", "PAST_REF"),
    ("The coach was fired this season after a 9-14 start.", "this season", "PRESENT_REF", "PRESENT_REF"),
    ("The club made a power move this offseason.", "this offseason", "PRESENT_REF", "PRESENT_REF"),
    ("The team has not made the playoffs since the 2011-12 season.", "2011-12", "2011", "2011"),
    ("Mumbai, Nov 11- The navy foiled a piracy attempt.", "Nov 11", "2024-11-11", None),
    ("Article posted on 08. 07. 2012", "08. 07. 2012", "2012-07-08", "2012-07-08"),
    ("The index ended 2014 with a gain of 11 percent.", "2014", "2014", "2014"),
    ("Police have overtaken Greece for the sixth straight day since the shooting.", "the sixth straight day",
     "2025-06-14", None),
    ("Sales fell for a third consecutive month.", "a third consecutive month", "2025-06", None),
    ("The chatbot now has 100 million users.", "now", "PRESENT_REF", "PRESENT_REF"),
    ("Analysts now see the index ending higher.", "now", "PRESENT_REF", "PRESENT_REF"),
    ("The company said it expects to return to profitability in the second half.", "the second half",
     "2025-H2", None),
])
def test_sports_seasons_date_lines_the_nth_straight_day_and_now_before_a_verb(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, span, value", [
    ("Facebook reports results after the bell on Saturday.", "Saturday", "2025-06-14"),
    ("The council will meet on Saturday to decide.", "Saturday", "2025-06-14"),
    ("The council will meet next Saturday.", "next Saturday", "2025-06-21"),
    ("Industrial output dropped 1.2 percent from the same month last year.", "the same month last year", "2024-06"),
    ("Output rose in April, up 3 percent from the same month last year.", "the same month last year", "2024-04"),
    ("Sales rose in the first quarter from the same period last year.", "the same period last year", "2024-Q1"),
])
def test_a_schedule_on_the_articles_weekday_is_today_and_the_same_month_last_year(text, span, value):
    check_date(text, span, value)


@pytest.mark.parametrize("text, span, value, undated", [
    ("This past weekend the team won.", "This past weekend", "2025-W23-WE", None),
    ("The team lost this past Sunday.", "this past Sunday", "2025-06-08", None),
    ("The vote was held on March 3, 2008. The following Monday, protests began.", "The following Monday",
     "2008-03-10", "2008-03-10"),
    ("The vote was held on March 3, 2008. The previous Friday had been calm.", "The previous Friday",
     "2008-02-29", "2008-02-29"),
    ("The following Monday, protests began.", "The following Monday", "2025-06-16", None),
])
def test_this_past_and_a_weekday_counted_from_the_last_day_named(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, span, value, undated", [
    ("February's sales fell 5 percent.", "February", "2025-02", None),
    ("May's sales rose.", "May", "2025-05", None),
    ("2008's results were weak.", "2008", "2008", "2008"),
])
def test_a_month_or_year_owning_a_noun_is_a_date(text, span, value, undated):
    check_date(text, span, value, undated)


def test_a_person_named_may_owns_no_date():
    assert dates_of("Theresa May's government fell.") == {}


@pytest.mark.parametrize("date, text, span, value", [
    (dt.date(2011, 3, 14), "Rolling blackouts could last until April.", "April", "2011-04"),
    (dt.date(2011, 3, 14), "Prices have risen since April.", "April", "2010-04"),
    (dt.date(2011, 3, 14), "The talks will run until February.", "February", "2012-02"),
])
def test_a_bare_month_reads_since_and_until_from_the_word_before_it(date, text, span, value):
    check_date(text, span, value, date=date)


@pytest.mark.parametrize("text, span, value, undated", [
    ("The ship was attacked on 10 Nov 11. It sank.", "10 Nov 11", "2011-11-10", "2011-11-10"),
    ("He came on 5 March 09, then left.", "5 March 09", "2009-03-05", "2009-03-05"),
    ("On 10 Nov 11 people died.", "10 Nov", "2024-11-10", None),
])
def test_a_day_and_month_take_a_two_digit_year_only_before_punctuation(text, span, value, undated):
    check_date(text, span, value, undated)


def test_ahead_of_looks_ahead_from_the_story_not_from_the_article_date():
    found = dates_of("Stocks rallied on Thursday ahead of Friday's jobs report.")
    assert found == {"Thursday": "2025-06-12", "Friday": "2025-06-13"}


@pytest.mark.parametrize("text, span, value", [
    ("Talks, which will resume in August, broke down on Friday.", "Friday", "2025-06-13"),
    ("The firm, which expects growth next year, said sales fell in November.", "November", "2024-11"),
    ("April sales will be reported on Friday.", "Friday", "2025-06-20"),
    ("He said on Monday that the plant would close on Friday.", "Friday", "2025-06-20"),
    ("The Fed is widely expected to leave rates unchanged this week and raise them in September.", "September",
     "2025-09"),
    ("Economists expect jobless claims to surge when the data are released on Thursday.", "Thursday", "2025-06-19"),
    ("Analysts expect the Fed, whose chairman spoke on Tuesday, to act.", "Tuesday", "2025-06-10"),
    ("The bank, which will cut jobs, said its chief executive resigned on Monday.", "Monday", "2025-06-09"),
    ("Stocks, which could fall further, rallied on Monday.", "Monday", "2025-06-09"),
    ("The meeting will be held on Monday.", "Monday", "2025-06-16"),
    ("A planned strike will start on Monday.", "Monday", "2025-06-16"),
])
def test_a_future_cue_reaches_eighty_characters_back_up_to_a_past_verb(text, span, value):
    check_date(text, span, value)


@pytest.mark.parametrize("text, span, value, undated, date", [
    # 2008-10-03 is a Friday, 2007-10-03 a Wednesday
    ("The bailout plan was approved on Friday, October 3.", "Friday, October 3", "2008-10-03", None,
     dt.date(2008, 6, 14)),
    ("The vote was held on Wednesday, June 4.", "Wednesday, June 4", "2025-06-04", None, DCT),
    ("Shares fell on Tues., Dec. 2, the company said.", "Tues., Dec. 2", "2008-12-02", None, dt.date(2009, 1, 5)),
])
def test_a_weekday_with_a_month_day_picks_the_year_where_it_matches(text, span, value, undated, date):
    check_date(text, span, value, undated, date)


@pytest.mark.parametrize("text, span, value, date", [
    ("The new rules take effect Jan. 1.", "Jan. 1", "2009-01-01", dt.date(2008, 12, 29)),
    ("The index rose on Dec. 30, traders said.", "Dec. 30", "2008-12-30", dt.date(2009, 1, 5)),
    ("The deal closed on Jan. 2, the company said.", "Jan. 2", "2025-01-02", DCT),
])
def test_a_month_day_just_after_the_year_end_is_next_years(text, span, value, date):
    check_date(text, span, value, None, date)


@pytest.mark.parametrize("text, span, value, undated", [
    ("Security has been tight since the Sept. 11 attacks.", "Sept. 11", "2001-09-11", "2001-09-11"),
    ("The September 11 terrorist attacks changed air travel.", "September 11", "2001-09-11", "2001-09-11"),
    ("The board met on Sept. 11 to discuss the bid.", "Sept. 11", "2024-09-11", None),
    ("The company must repay the loan before March.", "March", "2026-03", None),
])
def test_named_days_and_obligations(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, span, value", [
    # as the subject of a clause or what a forecast is about
    ("October was the worst month for stocks since 1987.", "October", "2024-10"),
    ("June was a strong month, but July was weak.", "June", "2025-06"),
    ("June was a strong month, but July was weak.", "July", "2025-07"),
    ('"December was brutal," the trader said.', "December", "2024-12"),
    ("Analysts expect October to be worse.", "October", "2025-10"),
    ("May was the worst month for the index.", "May", "2025-05"),
    # in a list, or after "a" and an adjective
    ("September and October were terrible months.", "September", "2024-09"),
    ("Both September and October were terrible.", "September", "2024-09"),
    ("Sales fell in both September and October.", "September", "2024-09"),
    ("Sales fell in March as well as April.", "April", "2025-04"),
    ("Car sales fell in July, August and September.", "August", "2024-08"),
    ('"We had a terrible April," the chief executive said.', "April", "2025-04"),
    ("Retailers are bracing for a weak December.", "December", "2024-12"),
])
def test_a_month_with_no_preposition_in_front_is_a_date(text, span, value):
    check_date(text, span, value)


@pytest.mark.parametrize("text", [
    "May was re-elected in 2017.",
    "Analysts expect May to resign.",
    "April Smith, a spokeswoman, declined to comment.",
    "June Carter sang at the opening.",
    "Prices may fall further, analysts said.",
    "Workers march on the capital.",
    "It was an august institution.",
    # in lists, or after "a" and an adjective
    "May and his cabinet met on Tuesday.",
    "He met a young April at the fair.",
    "Workers march and sing in the streets.",
])
def test_month_names_that_are_no_dates(text):
    found = dates_of(text)
    assert not any(k.lower() in ("may", "april", "june", "march", "august") for k in found), found


@pytest.mark.parametrize("text, span, value, undated", [
    ("Early 2009 was a difficult period for banks.", "Early 2009", "2009", "2009"),
    ("Late 2024 saw a rebound in orders.", "Late 2024", "2024", "2024"),
    ("Investors expect 2026 to be better.", "2026", "2026", "2026"),
    ("Retailers fear weak sales before Christmas.", "Christmas", "2025-12-25", None),
])
def test_years_with_a_modifier_or_as_forecast_object_and_a_coming_holiday(text, span, value, undated):
    check_date(text, span, value, undated, dt.date(2025, 10, 15) if span == "Christmas" else DCT)


@pytest.mark.parametrize("text", [
    "The company sold 2009 cars.", "He expects 2009 votes.", "Christmas sales rose in 2024 but fell before.",
])
def test_bare_years_without_a_cue_and_past_holidays(text):
    found = dates_of(text)
    assert "2009" not in found and found.get("Christmas", "none") in ("none", "2024-12-25"), found


@pytest.mark.parametrize("text, span, value, undated", [
    ("Stocks fell in afternoon trading.", "afternoon", "2025-06-14TAF", None),
    ("Stocks rose on Monday, but fell sharply in the afternoon.", "the afternoon", "2025-06-09TAF", None),
    ("The index hit its low of the day at noon.", "the day", "2025-06-14", None),
    ("GM lost $2.5 billion in the April-June quarter.", "the April-June quarter", "2025-Q2", None),
    ("The new models go on sale in the fall.", "the fall", "2025-FA", None),
])
def test_parts_of_the_day_the_day_of_a_high_and_month_range_quarters(text, span, value, undated):
    check_date(text, span, value, undated, dt.date(2025, 10, 15) if span == "the fall" else DCT)


@pytest.mark.parametrize("text, span", [
    ("The bridge collapsed during the evening rush hour.", "the evening"),
    ("The morning was quiet.", "The morning"),
    ("Traders left at the end of the day.", "the day"),
])
def test_parts_of_the_day_that_are_no_dates(text, span):
    assert span not in dates_of(text)


@pytest.mark.parametrize("text, span, value, undated", [
    ("In 1987, the Dow lost 22.6 percent on October 19.", "October 19", "1987-10-19", "1987-10-19"),
    ("In 2005, GM lost $10.6 billion, and its shares fell to $18 in October.", "October", "2005-10", "2005-10"),
    ("The 2009 Malibu goes on sale in October.", "October", "2025-10", None),
    ("Its 2007 loss was reported in February.", "February", "2025-02", None),
    ("2007 was a record year, and sales peaked in March.", "March", "2007-03", "2007-03"),
    ("Sales, which peaked in 2005, fell in October.", "October", "2024-10", None),
    ("GM lost $38.7 billion in 2007. Sales fell in March.", "March", "2025-03", None),
    ("2007 was a record year, but sales have fallen since March.", "March", "2025-03", None),
])
def test_a_year_opening_the_sentence_dates_its_months_and_days(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, span, value", [
    ("The Dow fell 7.9 percent, its worst day since the crash of October 1987. The index has lost 38 percent "
     "for the year.", "the year", "2025"),
    ("The Dow recorded its biggest gain in 1933. Shares are down 35 percent for the year.", "the year", "2025"),
    ("The plant opened in 1987. It closed later that year.", "later that year", "1987"),
])
def test_a_date_named_as_a_record_or_low_is_no_anchor_for_the_story(text, span, value):
    check_date(text, span, value, None if span == "the year" else value)


@pytest.mark.parametrize("text, found", [
    ("Sales rose 5 percent compared with 2007.", True),
    ("Sales in 2008 versus 2007 rose.", True),
    ("Sales rose 5 percent over 2007.", True),
    ("Over 2007 protesters marched.", False),
    ("It rose over 2007 points on the day.", False),
])
def test_a_year_compared_with(text, found):
    assert (dates_of(text).get("2007") == "2007") is found
    assert (dates_of(text, None).get("2007") == "2007") is found


def test_a_record_date_stays_an_anchor_for_the_next_day():
    found = dates_of("The Dow hit a record on Oct. 9, 2007. The next day, it fell.")
    assert found["The next day"] == "2007-10-10"


def test_an_abbreviated_month_range_gives_no_cut_month():
    assert "Oct" not in dates_of("Sales in the Oct.-Dec. period rose.")
    assert dates_of("Sales rose in Oct. and Nov.", None) == {"Oct.": None, "Nov.": None}


def test_a_high_of_this_year_stays_an_anchor():
    found = dates_of("Oil hit its highest level on July 11, 2025. The next day, it fell.")
    assert found["The next day"] == "2025-07-12"


@pytest.mark.parametrize("text, expected", [
    # "session" is no temporal unit in TimeML (no lexical trigger): the weekday alone is the date
    ("Shares fell 5 percent in Friday's session.", {"Friday": "2025-06-13"}),
    ("The index fell for a fifth straight session.", {}),
    ("The index rose 2 percent in the previous session.", {}),
])
def test_trading_sessions_are_no_dates(text, expected):
    assert dates_of(text) == expected


@pytest.mark.parametrize("text, span, value", [
    ("Markets will close early for the Thanksgiving holiday.", "Thanksgiving", "2025-11-27"),
    ("Shops reopen after the Christmas break.", "Christmas", "2025-12-25"),
])
def test_a_holiday_before_holiday_weekend_or_break_is_the_day(text, span, value):
    check_date(text, span, value, None, dt.date(2025, 11, 20))


@pytest.mark.parametrize("text", [
    # (other calendars' holidays are dates from their listed days since 2026-11-22: see
    # test_lunisolar_holidays_from_listed_days; the Gregorian "New Year" inside them is not one)
    "The Korean New Year holiday starts Monday.", "Christmas sales are expected to fall.",
])
def test_holidays_of_other_calendars_and_holiday_modifiers_are_no_dates(text):
    assert not any("New Year" in k or "Christmas" in k for k in dates_of(text))


@pytest.mark.parametrize("text, span, value, date", [
    ("The Lunar New Year holiday starts on Wednesday.", "Lunar New Year", "2025-01-29", dt.date(2025, 1, 24)),
    ("Markets closed for the Lunar New Year holiday.", "Lunar New Year", "2024-02-10", dt.date(2024, 2, 12)),
    ("Iranians celebrated Nowruz on Friday.", "Nowruz", "2025-03-21", dt.date(2025, 3, 22)),
    ("During Passover, the roads were closed.", "Passover", "2024-04-23", dt.date(2024, 4, 25)),
    ("Canadians mark Labour Day on Monday.", "Labour Day", "2025-09-01", dt.date(2025, 8, 30)),
    ("Labour Day on Friday will be a public holiday.", "Labour Day", "2026-05-01", dt.date(2026, 4, 30)),
    # a year after the holiday is the one it fell in (outside the listed years: no value)
    ("The truce held at Christmas, 1914.", "Christmas", "1914-12-25", DCT),
    ("On Christmas, 2000 people attended mass.", "Christmas", "2024-12-25", DCT),  # a count, no year
    ("Israel was attacked on Yom Kippur in 1973.", "Yom Kippur", None, DCT),
])
def test_lunisolar_holidays_from_listed_days(text, span, value, date):
    assert dates_of(text, date).get(span, "<missing>") == value


def test_a_holiday_in_a_name_stays_out():
    assert "Yom Kippur" not in dates_of("The 1973 Yom Kippur war began with a surprise attack.")


@pytest.mark.parametrize("text, span, value, date", [
    # a month that labels figures is reported in the month or after it, even in a future sentence
    ("GM will report May sales on Tuesday.", "May", "2025-05", DCT),
    ("The government will release its April jobs report on Friday.", "April", "2025-04", DCT),
    ("Automakers will report December sales on Monday.", "December", "2025-12", dt.date(2026, 1, 2)),
    ("U.S. auto sales for December will be released on Monday.", "December", "2025-12", dt.date(2026, 1, 2)),
    ("Analysts expect July sales to rise.", "July", "2025-07", DCT),
    # figures months ahead in a forecast are ahead: no one forecasts last February's sales in December
    ("Analysts expect February sales to rise 5 percent.", "February", "2026-02", dt.date(2025, 12, 15)),
    ("March auto sales fell 8 percent.", "March", "2025-03", DCT),
    ("May retail sales rose, the government said.", "May", "2025-05", DCT),
    # not figures: a meeting or a plan keeps the forward reading
    ("The company will hold its annual meeting in May.", "May", "2026-05", DCT),
])
def test_a_month_labelling_figures_is_not_long_ahead(text, span, value, date):
    check_date(text, span, value, None, date)


@pytest.mark.parametrize("text, span, value, date", [
    # "since" a weekday is past, whatever follows
    ("The exchange, closed since Thursday, will reopen on Monday.", "Thursday", "2025-06-12", DCT),
    ("Trading, halted since Wednesday, will resume next week.", "Wednesday", "2025-06-11", DCT),
    # ", to be reported", "are to be released": the future
    ("June sales, to be reported on Tuesday, are expected to rise.", "Tuesday", "2025-06-17", DCT),
    ("The results are to be released on Monday.", "Monday", "2025-06-16", DCT),
    ("He became the first to be fined on Friday.", "Friday", "2025-06-13", DCT),
    ("Sales fell, to be sure, in April.", "April", "2025-04", DCT),  # an aside, not the future
    # a weekday joined to the holiday it falls on is the holiday
    ("Shoppers are bracing for crowds after Thanksgiving on Thursday.", "Thursday", "2025-11-27",
     dt.date(2025, 11, 26)),
    ("Shoppers flocked to stores ahead of Christmas on Thursday.", "Thursday", "2025-12-25", dt.date(2025, 12, 23)),
    ("Shoppers flocked to stores on Friday after Christmas.", "Friday", "2025-12-19", dt.date(2025, 12, 23)),
])
def test_weekday_tense_from_since_to_be_and_holidays(text, span, value, date):
    check_date(text, span, value, None, date)


@pytest.mark.parametrize("text, span, value, undated", [
    # "the previous week", "the following quarter": from the week or quarter the sentence named
    ("Claims fell last week after rising the previous week.", "the previous week", "2025-W22", None),
    ("Claims rose this week, after falling the previous week.", "the previous week", "2025-W23", None),
    ("Sales rose in the third quarter of 2024 from the previous quarter.", "the previous quarter", "2024-Q2",
     "2024-Q2"),
    ("Profit rose in the first quarter and should rise again in the following quarter.", "the following quarter",
     "2025-Q2", None),
    # "the year-earlier quarter" after a quarter's last day: that quarter a year back
    ("Net income was $2 billion in the three months ended March 31, up from $1 billion in the year-earlier "
     "quarter.", "the year-earlier quarter", "2024-Q1", None),
    # ... and after a month: that month's quarter a year back, not the month
    ("Profit in April fell from the year-earlier quarter.", "the year-earlier quarter", "2024-Q2", None),
    # "the period": the quarter, half or month named before it in the sentence
    # (undated, the quarter or month has no value to lend: no date)
    ("Revenue rose in the second quarter, while profit for the period fell.", "the period", "2025-Q2", "<missing>"),
    ("Sales rose in May, and margins for the period widened.", "the period", "2025-05", "<missing>"),
])
def test_anaphora_counts_from_the_period_named(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text", [
    "Profit fell in the period.",
    "Revenue rose in the first quarter. The period was hard for rivals.",
    "Sales rose in 2008, and for the period margins fell.",
])
def test_the_period_without_a_period_named_in_its_sentence_is_no_date(text):
    assert "the period" not in {k.lower() for k in dates_of(text)}


@pytest.mark.parametrize("text, span, value, undated", [
    # a forecast for a period "ending in" a month: the month is ahead; without one, as before
    ("Toyota raised its forecast for the fiscal year ending in March.", "March", "2026-03", None),
    ("Profit for the year ending in March rose 5 percent.", "March", "2025-03", None),
    # a fiscal year is named by the calendar year it ends in
    ("Profit rose in fiscal 2006, which ended in September.", "September", "2006-09", "2006-09"),
    ("Fiscal 2024 ends in June.", "June", "2024-06", "2024-06"),
    # a year as the subject of a reported clause
    ("The company warned that 2026 would be harder.", "2026", "2026", "2026"),
    ("Analysts said that 2008 was a record year for deals.", "2008", "2008", "2008"),
])
def test_fiscal_year_ends_and_years_as_reported_subjects(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, expected", [
    # "the first nine months of the year" is one expression, a length of time: no "the year" inside
    ("For the first nine months of the year, revenue rose.", {"the first nine months of the year": "P9M"}),
    ("Through the first five months of 2009, sales fell.", {"the first five months of 2009": "P5M"}),
    ("Sales fell in the last two months of last year.", {"the last two months of last year": "P2M"}),
    ("Profit rose in the first three months of 2008.", {"the first three months of 2008": "2008-Q1"}),
])
def test_the_first_months_of_a_year_are_one_span(text, expected):
    assert dates_of(text) == expected


@pytest.mark.parametrize("text, span, value", [
    # the base a change is measured from is known: past, even in a forecast
    ("Sales are expected to fall from May's levels.", "May", "2025-05"),
    ("Prices will rise 3 percent in July from April, analysts said.", "April", "2025-04"),
    ("Output should recover from March, economists said.", "March", "2025-03"),
    # a range from a month looks ahead with the sentence
    ("The sale will run from March to May.", "March", "2026-03"),
    ("Output is expected to recover from March onwards.", "March", "2026-03"),  # a starting point
])
def test_the_base_month_of_a_change_is_past(text, span, value):
    check_date(text, span, value)


@pytest.mark.parametrize("text, span, value, date", [
    # a weekday after "ahead of" comes after the story's day (the day named, else the article's)
    ("Markets opened on Monday ahead of the policy meeting on Wednesday.", "Wednesday", "2025-06-18",
     dt.date(2025, 6, 16)),
    ("Stocks rose ahead of Wednesday's rate decision.", "Wednesday", "2025-06-18", dt.date(2025, 6, 17)),
    ("On Tuesday, stocks rose ahead of Thursday's vote.", "Thursday", "2025-06-12", DCT),
    # a day named long before the article is background, not the story's day
    ("The firm was founded on March 3, 1999. Its shares rose ahead of Friday's report.", "Friday", "2025-06-20", DCT),
    # a verb in the past after "ahead of" starts another clause: the weekday is past
    ("Traders sold ahead of the holiday and shares fell on Tuesday.", "Tuesday", "2025-06-10", DCT),
    ("Shares rose ahead of the results, which were released on Tuesday.", "Tuesday", "2025-06-10", DCT),
])
def test_a_weekday_ahead_of_comes_after_the_story_day(text, span, value, date):
    check_date(text, span, value, None, date)


@pytest.mark.parametrize("text, span, value, undated", [
    # "the second half" after a half the sentence named: that year's, business words or not
    ("Analysts expect a slowdown in the first half of 2027 followed by a recovery in the second half.",
     "the second half", "2027-H2", "2027-H2"),
    # an adverb may stand before the adjective of "a strong December"
    ("\"We expect a very strong December,\" the chief executive said.", "December", "2025-12", None),
    # a month or a year as the subject of a reported clause
    ("The sales chief said July would be the first month without the old brands.", "July", "2025-07", None),
    ("Analysts said August might be the weakest month.", "August", "2025-08", None),
    ("Gains on Thursday could not offset the losses.", "Thursday", "2025-06-12", None),  # not ahead
    ("The attack on Thursday could be a turning point.", "Thursday", "2025-06-12", None),  # the event's modal
    ("The minister said 2027 would be a hard year.", "2027", "2027", "2027"),
    # a change of office in the present tense is scheduled
    ("The chairman presides today before his successor takes over on Wednesday.", "Wednesday", "2025-06-18", None),
])
def test_second_halves_strong_months_reported_subjects_and_successions(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, absent", [
    ("He said April would come home for the holidays.", "April"),  # no "be" after it: a name
    ("A very young June sang at the fair.", "June"),
])
def test_names_stay_names_after_reporting_words_and_adjectives(text, absent):
    assert absent not in dates_of(text)


@pytest.mark.parametrize("text, span, value, undated", [
    # South Asian fiscal years by both calendar years: named by the year they end in
    ("The budget for FY2025-26 was passed on Thursday.", "FY2025-26", "FY2026", "FY2026"),
    ("Growth for fiscal year 2024-25 was 2.7 percent.", "fiscal year 2024-25", "FY2025", "FY2025"),
    ("Exports rose in the 2023-24 financial year.", "2023-24 financial year", "FY2024", "FY2024"),
    ("The FY24/25 target was missed.", "FY24/25", "FY2025", "FY2025"),
    ("Reserves fell in FY1999-2000.", "FY1999-2000", "FY2000", "FY2000"),
    ("The new fiscal year begins on July 1.", "The new fiscal year", "FY2026", None),
    ("The 2025-26 budget was presented on Tuesday.", "2025-26", "FY2026", "FY2026"),
    ("He unveiled the 2024/25 budget.", "2024/25", "FY2025", "FY2025"),
])
def test_fiscal_years_written_by_both_years(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, span, value, date", [
    # the day of the Umm al-Qura calendar, nearest the article as other holidays are
    ("Muslims celebrated Eid al-Fitr amid restrictions.", "Eid al-Fitr", "2021-05-13", dt.date(2021, 5, 14)),
    ("Pilgrims marked Eid al-Adha in Mecca.", "Eid al-Adha", "2024-06-16", dt.date(2024, 6, 17)),
    ("Markets will close for Eidul Azha next month.", "Eidul Azha", "2025-06-06", dt.date(2025, 5, 20)),
    ("Shops stay open late during Ramadan.", "Ramadan", "2025", dt.date(2025, 3, 10)),
    # a weekday joined to it decides when it is a day off the calendar's (the moon sighted later)
    ("Pakistan celebrated Eid ul Fitr on Monday, a day after Saudi Arabia.", "Eid ul Fitr", "2017-06-26",
     dt.date(2017, 6, 26)),
    ("Gulf states celebrated Eid al-Fitr on Sunday.", "Eid al-Fitr", "2025-03-30", dt.date(2025, 3, 31)),
    # a lunar holiday kept a day off the table's, as the sentence says (the moon sighted later)
    ("LAHORE: Eidul Azha is being celebrated across the country today.", "Eidul Azha", "2024-06-17",
     dt.date(2024, 6, 17)),
    ("Eid al-Fitr will be celebrated on Monday, the committee said on Sunday.", "Eid al-Fitr", "2025-03-31",
     dt.date(2025, 3, 30)),
    # ... not when the sentence also names the table's day and says nothing joins the other
    ("Saudi Arabia marked Eid al-Fitr on Sunday and Pakistan on Monday.", "Eid al-Fitr", "2025-03-30",
     dt.date(2025, 4, 2)),
])
def test_lunar_holidays_from_the_listed_days(text, span, value, date):
    check_date(text, span, value, None, date)


def test_a_lunar_holiday_outside_the_listed_years_has_no_value():
    assert dates_of("Crowds gathered for Eid al-Fitr prayers.", dt.date(2045, 1, 1)) == {"Eid al-Fitr": None}


@pytest.mark.parametrize("text, span, value", [
    # a forecast (the verb) looks ahead; the noun after a determiner does not
    ("The Met Office has forecast more rain in Sindh from Sunday to Tuesday.", "Sunday", "2025-06-15"),
    ("Forecasters forecast heavy rain on Monday.", "Monday", "2025-06-16"),
    ("The firm cut its forecast for the year on Tuesday.", "Tuesday", "2025-06-10"),
    ("Growth was weaker than forecast in May.", "May", "2025-05"),
    ("Apple's earnings beat forecasts on Tuesday.", "Tuesday", "2025-06-10"),
    ("Profit topped analyst forecasts on Tuesday.", "Tuesday", "2025-06-10"),
    ("Inflation came in above forecasts in May.", "May", "2025-05"),
    ("Sales beat analysts' forecasts in May.", "May", "2025-05"),
    ("Sony raised its profit forecast on Tuesday.", "Tuesday", "2025-06-10"),
    ("The bank cut its growth forecasts on Monday.", "Monday", "2025-06-09"),
    # "remain/stay closed": an adjective, no past verb cutting the cue's reach
    ("Schools will remain closed on Monday as well.", "Monday", "2025-06-16"),
    ("Shops will stay closed on Tuesday.", "Tuesday", "2025-06-17"),
    # a team or side "play/meet/face" on a day: a schedule in the present tense
    ("Argentina play their first match on Tuesday evening.", "Tuesday evening", "2025-06-17TEV"),
    ("The two sides meet on Wednesday in Lahore.", "Wednesday", "2025-06-18"),
    ("The two sides met on Wednesday in Lahore.", "Wednesday", "2025-06-11"),
    # ", will" after a clause in the past set off by commas belongs to the main clause
    ("The pilot, captured on Wednesday, will be released on Friday.", "Wednesday", "2025-06-11"),
    ("The pilot, captured on Wednesday, will be released on Friday.", "Friday", "2025-06-20"),
    ("The primary, moved up to Jan. 29, will be one of the earliest.", "Jan. 29", "2026-01-29"),
    # a plan that changed: its old date has passed if it lies in the last three months, else it is ahead
    ("The elections, originally due in May, are now scheduled for August.", "May", "2025-05"),
    ("The trial, originally set for September, was postponed.", "September", "2025-09"),
])
def test_tense_cues_forecasts_adjectives_schedules_and_former_plans(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value, undated", [
    # Reuters and South Asian papers: "end-June", "June-end", "end-2025" (the month or year, as "late June")
    ("Reserves are expected to rise by June-end.", "June-end", "2025-06", None),
    ("The target is to be met by end-June.", "end-June", "2025-06", None),
    ("Inflation eased by end June.", "end June", "2025-06", None),
    ("Inflation may ease by end-2025.", "end-2025", "2025", "2025"),
    ("Reserves rose to $10bn by end-June 2025.", "end-June 2025", "2025-06", "2025-06"),
    # ... not the verb "end" before a day
    ("The truce will end March 31.", "March 31", "2026-03-31", None),
    ("The truce will end Dec. 31.", "Dec. 31", "2025-12-31", None),
    # quarters and halves of a named fiscal year, as Indian results write them
    ("Profit rose in Q2 FY26, the company said.", "Q2 FY26", "FY2026-Q2", "FY2026-Q2"),
    ("Profit rose in Q2FY26.", "Q2FY26", "FY2026-Q2", "FY2026-Q2"),
    ("Sales fell in H1 FY25.", "H1 FY25", "FY2025-H1", "FY2025-H1"),
    # a two-digit year of the last century, as the fiscal years beside it read it
    ("Profit fell in Q2 FY99, as in all of FY99.", "Q2 FY99", "FY1999-Q2", "FY1999-Q2"),
    ("Sales fell in H1 FY98.", "H1 FY98", "FY1998-H1", "FY1998-H1"),
    # day first with dashes (month first only where the first number can't be a month)
    ("Dated: 13-06-2025", "13-06-2025", "2025-06-13", "2025-06-13"),
    ("Dated: 05-06-2025", "05-06-2025", "2025-06-05", "2025-06-05"),
    ("On 06-13-2025 it rained.", "06-13-2025", "2025-06-13", "2025-06-13"),
    # a fortnight: two weeks
    ("Prices have risen over the past fortnight.", "the past fortnight", "P2W", "P2W"),
    ("He was arrested a fortnight ago.", "a fortnight ago", "2025-W22", None),
    # the end of a range of days written once with its month (TimeML: a date of its own)
    ("Holidays were announced from April 10 to 13.", "13", "2025-04-13", None),
    ("Talks were held from Oct. 28 to 30, 2024 in Doha.", "30, 2024", "2024-10-30", "2024-10-30"),
    ("Between June 3 and 5, it rained.", "5", "2025-06-05", None),
    # a year greeted, or the subject of what people say, think or fear
    ("Sydney welcomed 2025 with fireworks.", "2025", "2025", "2025"),
    ("Analysts say 2026 will be a decisive year.", "2026", "2026", "2026"),
])
def test_end_month_fiscal_quarters_dashed_days_fortnights_and_range_ends(text, span, value, undated):
    check_date(text, span, value, undated)


@pytest.mark.parametrize("text, absent", [
    ("Sales rose from May 5 to 10 percent.", "10"),
    ("On June 3 and 5 people died.", "5"),
    ("The park welcomed 2000 visitors.", "2000"),
    ("We say 2000 people came.", "2000"),
    ("It was the deadliest day since 1973, 50 years ago almost to the day.", "the day"),
    ("Rain was above average in the quarter through August.", "the quarter"),
    # two years not one apart are a plan's span, no fiscal year
    ("The FY2025-30 plan was approved.", "FY2025-30"),
    ("The 2025-30 budget framework was approved.", "2025-30"),
    ("FY2019-18 was a typo.", "FY2019-18"),
    ("See https://example.com/archive/2025/06/14 for details.", "2025/06/14"),  # the end of a path
    # idioms and titles
    ("It was a May-December romance.", "May-December"),
    ("He starred in The Day After Tomorrow.", "The Day After Tomorrow"),
    # "back" as a direction, "year-end" as a modifier
    ("He set the country two years back in development.", "two years back"),
    ("The year-end results were strong.", "year-end"),
])
def test_no_date_in_amounts_idioms_periods_closed_by_a_month_directions_and_modifiers(text, absent):
    assert absent not in dates_of(text)


@pytest.mark.parametrize("text, span, value, date", [
    # a holiday that needs a preposition is also a date as the subject of a verb placing it in time
    ("Easter falls on April 1 this year.", "Easter", "2018-04-01", dt.date(2018, 3, 31)),
    ("Ramadan is expected to begin on Saturday, March 1.", "Ramadan", "2025", dt.date(2025, 2, 28)),
    ("The UAE announced that Ramadan would begin on Wednesday.", "Ramadan", "2026", dt.date(2026, 2, 18)),
    # fixed days of South Asian, Gulf and UN calendars
    ("Rallies were held on Pakistan Day.", "Pakistan Day", "2025-03-23", DCT),
    ("Schools marked World Environment Day on Thursday.", "World Environment Day", "2025-06-05", DCT),
    # a country "holds" an election on a day: a schedule
    ("Turkey holds presidential and parliamentary elections on May 14.", "May 14", "2023-05-14", dt.date(2023, 2, 7)),
])
def test_holidays_as_subjects_more_fixed_days_and_holds(text, span, value, date):
    check_date(text, span, value, None, date)


@pytest.mark.parametrize("text", [
    "Christmas is a time for family.", "Easter eggs sold out.", "Ramadan said the talks were over.",
])
def test_holidays_needing_a_preposition_stay_out_without_one(text):
    assert not {"Christmas", "Easter", "Ramadan"} & set(dates_of(text))


@pytest.mark.parametrize("text, span, value, undated", [
    # South Asian and British English
    ("He will arrive day after tomorrow.", "day after tomorrow", "2025-06-16", None),
    ("He left day before yesterday.", "day before yesterday", "2025-06-12", None),
    ("The team left two days back.", "two days back", "2025-06-12", None),
    ("He addressed a rally last evening.", "last evening", "2025-06-13TEV", None),
    ("Salaries will be paid at this month-end.", "this month-end", "2025-06", None),
    ("Inflation will ease by the year-end.", "the year-end", "2025", None),
    # "the last quarter of 2024": that year's fourth, not the quarter before the article's
    ("Rates were cut in the last quarter of 2024.", "the last quarter of 2024", "2024-Q4", "2024-Q4"),
    # a weekday beside the day it names takes its date
    ("Polls close on Sunday (June 15).", "Sunday", "2025-06-15", None),
    ("The meeting is on June 17, Tuesday.", "Tuesday", "2025-06-17", None),
    ("Talks on Monday evening (June 16) failed.", "Monday evening", "2025-06-16TEV", None),
])
def test_south_asian_forms_and_weekdays_beside_their_days(text, span, value, undated):
    check_date(text, span, value, undated)


def test_a_weekday_beside_a_day_of_another_weekday_keeps_its_own_value():
    found = dates_of("She checked in on Thursday (June 13) this week.")
    assert found["Thursday"] == "2025-06-12" and found["June 13"] == "2025-06-13"


@pytest.mark.parametrize("text, span, value, date", [
    # trading and business days skip the weekend
    ("Shares rose on the previous trading day.", "the previous trading day", "2008-10-10", dt.date(2008, 10, 13)),
    ("The deal closes the next business day.", "the next business day", "2025-06-16", dt.date(2025, 6, 13)),
    ("Trading was suspended for the rest of the day.", "the rest of the day", "2008-10-13", dt.date(2008, 10, 13)),
])
def test_trading_days_and_the_rest_of_the_day(text, span, value, date):
    check_date(text, span, value, None, date)


def test_at_the_end_of_the_day_is_an_idiom():
    assert dates_of("At the end of the day, it matters little.") == {}


@pytest.mark.parametrize("text, span, value, undated", [
    # a range of months in one word is one date: a quarter or half when it is one, else its first month
    ("In January-March, remittances rose.", "January-March", "2025-Q1", None),
    ("Sales in October-December rose.", "October-December", "2024-Q4", None),
    ("Elections will be held in October-November.", "October-November", "2025-10", None),
    ("The review for January-June 2024 showed a decline.", "January-June 2024", "2024-H1", "2024-H1"),
    # a fiscal year after it: the range starts in the year before the one the fiscal year is named by
    ("Exports rose 10pc in July-March FY25.", "July-March", "2024-07", "2024-07"),
    ("Exports rose 10pc in July-March FY99.", "July-March", "1998-07", "1998-07"),  # as FY99 is FY1999
    ("Growth in July-December FY2025 was 1.5pc.", "July-December", "2024-H2", "2024-H2"),
    ("Inflation in January-March FY25 eased.", "January-March", "2025-Q1", "2025-Q1"),
    ("The deficit for July-March 2024-25 narrowed.", "July-March 2024-25", "2024-07", "2024-07"),
])
def test_month_ranges_in_one_word(text, span, value, undated):
    check_date(text, span, value, undated)


def test_a_month_range_keeps_its_fiscal_year_and_no_inner_year():
    assert dates_of("Exports rose 10pc in July-March FY25.") == {"July-March": "2024-07", "FY25": "FY2025"}
    assert dates_of("The review for January-June 2024 showed a decline.") == {"January-June 2024": "2024-H1"}


@pytest.mark.parametrize("text, span, value", [
    # "Independence Day" is the day of the country the sentence (or the date line) names
    ("Pakistan will celebrate Independence Day on Thursday.", "Independence Day", "2025-08-14"),
    ("India marks its 79th Independence Day on Friday.", "Independence Day", "2025-08-15"),
    ("India marks its 79th Independence Day on Friday.", "Friday", "2025-08-15"),
    ("ISLAMABAD: Preparations for Independence Day are under way.", "Independence Day", "2025-08-14"),
    ("Fireworks lit up the sky on Independence Day.", "Independence Day", "2025-07-04"),
    # a holiday in apposition to a day written with its number is that day
    ("He will be sworn in before August 14, Independence Day.", "Independence Day", "2025-08-14"),
    # ... a day it can fall on: not any day written before it
    ("On December 23, Christmas Day preparations were under way.", "Christmas Day", "2024-12-25"),
    ("The office is closed on July 3, Independence Day and Labor Day.", "Independence Day", "2025-07-04"),
    ("Retailers marked Christmas with discounts.", "Christmas", "2024-12-25"),
])
def test_holidays_by_country_as_objects_and_in_apposition(text, span, value):
    check_date(text, span, value, None, dt.date(2025, 8, 10))


@pytest.mark.parametrize("text, span, value", [
    ("The vote on Tuesday, Christmas Eve, passed.", "Christmas Eve", "2024-12-24"),
    ("The 2nd Easter egg hunt drew crowds.", "Easter", "<missing>"),
])
def test_a_weekday_or_a_count_beside_a_holiday_does_not_redate_it(text, span, value):
    assert dates_of(text, dt.date(2025, 8, 10)).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value, date", [
    # "the current fiscal year" by the fiscal calendar of the country named (holidays.yaml fiscal_year_starts)
    ("ISLAMABAD: The deficit for the current fiscal year is 5.9pc.", "the current fiscal year", "FY2026",
     dt.date(2025, 11, 30)),
    ("India's growth this fiscal year is seen at 6.8pc.", "this fiscal year", "FY2026", dt.date(2025, 11, 30)),
    ("India's growth this fiscal year is seen at 6.8pc.", "this fiscal year", "FY2025", dt.date(2025, 2, 10)),
    ("Pakistan's deficit last fiscal year was 5.4pc.", "last fiscal year", "FY2025", dt.date(2025, 11, 30)),
    ("The firm's profit this fiscal year rose.", "this fiscal year", "FY2025", dt.date(2025, 11, 30)),
    ("The new fiscal year begins on July 1 in Pakistan.", "The new fiscal year", "FY2026", dt.date(2025, 6, 30)),
    # countries of different fiscal calendars in one sentence: the one governing the phrase, else
    # the date line's, else the nearest (Pakistan's year starts in July, India's in April)
    ("Officials in Islamabad said the deficit in the current fiscal year of India rose.", "the current fiscal year",
     "FY2026", dt.date(2025, 5, 20)),
    ("NEW DELHI: India's envoy in Pakistan said the current fiscal year would be hard.", "the current fiscal year",
     "FY2026", dt.date(2025, 5, 20)),
    ("ISLAMABAD: India's envoy in Pakistan said the current fiscal year would be hard.", "the current fiscal year",
     "FY2025", dt.date(2025, 5, 20)),
    ("India's envoy in Pakistan said the current fiscal year would be hard.", "the current fiscal year",
     "FY2025", dt.date(2025, 5, 20)),
    # a country keeping the calendar year is listed too, so it can win
    ("ISLAMABAD: Chinese loans to the government rose this fiscal year.", "this fiscal year", "FY2026",
     dt.date(2025, 11, 30)),
    ("BEIJING: Chinese loans to Pakistan rose in China's current fiscal year.", "fiscal year",
     "FY2025", dt.date(2025, 11, 30)),
])
def test_the_current_fiscal_year_follows_the_country_named(text, span, value, date):
    check_date(text, span, value, None, date)


def test_a_day_range_end_past_the_month_end_is_no_date():
    assert dates_of("It rained between June 3 and 31.") == {"June 3": "2025-06-03"}
    assert dates_of("Eid al-Fitr fell between June 3 and 31.", dt.date(2024, 2, 29))["June 3"] == "2023-06-03"


@pytest.mark.parametrize("text, span, value", [
    ("Posted 2025/06/14 by the desk.", "2025/06/14", "2025-06-14"),
    ("Posted on 2025-06-14T10:00:00Z", "2025-06-14", "2025-06-14"),
    ("Filed 2024-12-31T23:59+05:00 in Karachi.", "2024-12-31", "2024-12-31"),
])
def test_slashed_year_first_dates_and_time_stamps(text, span, value):
    check_date(text, span, value, value)


@pytest.mark.parametrize("text", [
    # "last night/evening" after a determiner
    "It was the last evening of the festival.", "He spent his last evening in Paris.",
    "He said goodbye to his last evening class.", "It was the last night of the tour.",
    # "Ramadan" as a name
    "Tariq Ramadan gave a lecture.", "Ramazan Kadyrov said.",
    # paths and codes
    "See /2025/06/14/123 for more.", "Build v2025-06-14x shipped.",
])
def test_no_date_at_all_in_a_last_evening_names_paths_or_codes(text):
    assert dates_of(text) == {}


@pytest.mark.parametrize("text, span, value", [
    # the nouns "host", "visit", "play" are no schedule
    ("Hugh Jackman was named as the host of February's annual show.", "February", "2025-02"),
    ("He was named host of February's Oscars.", "February", "2025-02"),
    ("During a visit on Monday, he met the mayor.", "Monday", "2025-06-09"),
    # ... nor after a modifier or a possessor: only a name or a plural makes them verbs
    ("Modi arrived in Washington for a state visit on Monday.", "Monday", "2025-06-09"),
    ("The prime minister began a two-day visit on Tuesday.", "Tuesday", "2025-06-10"),
    ("The pope's visit on Sunday ended with a mass.", "Sunday", "2025-06-08"),
    ("She won the 100m at a track meet on Friday.", "Friday", "2025-06-13"),
    ("The talk-show host on Sunday apologised to viewers.", "Sunday", "2025-06-08"),
    ("The two leaders held face-to-face talks on Monday.", "Monday", "2025-06-09"),
    ("A power play on Sunday sealed the win.", "Sunday", "2025-06-08"),
    # a past verb between a schedule word and the date ends its reach, as for the other cues
    ("He will be an Academy Awards host next year, organizers said on Friday.", "Friday", "2025-06-13"),
    ("Nichols, who faces trial, was sentenced Saturday morning.", "Saturday morning", "2025-06-14TMO"),
    # ... and so does the date's own verb in the past right after it
    ("The party, which holds a majority, on Monday approved the bill.", "Monday", "2025-06-09"),
    ("Sharif, who faces corruption charges, on Monday appeared in court.", "Monday", "2025-06-09"),
    ("The court, which meets on Monday, will rule.", "Monday", "2025-06-16"),
    # the verbs still are
    ("Philadelphia host the Washington Wizards on Saturday.", "Saturday", "2025-06-14"),
    ("Argentina play Brazil on Tuesday.", "Tuesday", "2025-06-17"),
    ("Argentina, the 2022 champions, play Brazil on Tuesday.", "Tuesday", "2025-06-17"),
    ("The Lakers host the Celtics on Friday.", "Friday", "2025-06-20"),
    ("They meet again on Wednesday.", "Wednesday", "2025-06-18"),
    # "takes place", "is held", "go to the polls" are schedules; their past is not
    ("South Africa's general election takes place on Wednesday.", "Wednesday", "2025-06-18"),
    ("The final is held on Sunday in Lahore.", "Sunday", "2025-06-15"),
    ("The final was held on Sunday in Lahore.", "Sunday", "2025-06-08"),
    ("Greek voters go to the polls on Sunday in a snap election.", "Sunday", "2025-06-15"),
    ("Greek voters went to the polls on Sunday.", "Sunday", "2025-06-08"),
])
def test_schedule_nouns_and_past_verbs_after_a_schedule_word(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, count", [
    # what the number "had" or "will" do is done by people or things: a count, not a year
    ("Officials say 2000 had died in the floods.", "2000"),
    ("Police said 1900 had been arrested by Sunday.", "1900"),
    ("Organisers believe 2000 will attend the rally.", "2000"),
    ("Doctors fear 1800 could be infected.", "1800"),
    ("Officials warned that 1800 would be displaced.", "1800"),
    ("2000 had died by the time help came.", "2000"),  # at a sentence start too
    # plural verbs and nouns: counts already
    ("Police said 1900 were arrested.", "1900"),
    ("Organisers estimated 2000 attended.", "2000"),
    ("About 1800 people came.", "1800"),
    ("Troops killed 1999 civilians.", "1999"),
    ("She said 2000 of them were hurt.", "2000"),
])
def test_a_number_doing_what_people_do_is_a_count(text, count):
    assert count not in dates_of(text)


@pytest.mark.parametrize("text, year", [
    ("Analysts say 2026 will be a hard year.", "2026"),
    ("He said 2000 had been a good year.", "2000"),
    ("Economists fear 2026 will bring more pain.", "2026"),
    ("She thinks 2025 will be dominated by AI.", "2025"),
    ("They warned that 2008 had been marked by war.", "2008"),
    ("2007 was a hard year for the firm.", "2007"),
])
def test_a_year_said_to_be_or_bring_something_stays_a_year(text, year):
    assert dates_of(text).get(year, "<missing>") == year


@pytest.mark.parametrize("text, span, value", [
    # a short month whose dot runs into the day
    ("Voting for parliament began on Dec.14 across the country.", "Dec.14", "2024-12-14"),
    ("The court adjourned the case to Sept.3, 2025.", "Sept.3, 2025", "2025-09-03"),
    # "this coming" belongs to the date
    ("The column runs in this coming Sunday's paper.", "this coming Sunday", "2025-06-15"),
    ("Talks resume this coming week.", "this coming week", "2025-W25"),
    # seasons of a sport, by the word before "season"
    ("He scored less than in the previous season.", "the previous season", "PAST_REF"),
    ("He led the league this past season.", "this past season", "PAST_REF"),
    ("The club is unbeaten in the current season.", "the current season", "PRESENT_REF"),
    # the calendar year is the year
    ("The deal should close by the end of the calendar year.", "the end of the calendar year", "2025"),
    ("Exports rose this calendar year.", "this calendar year", "2025"),
    # a part of the day with early/late/mid after a preposition
    ("The crowd had dispersed by late afternoon.", "late afternoon", "2025-06-14TAF"),
    ("Shares slipped in mid-morning trading.", "mid-morning", "2025-06-14TMO"),
    # "at this time" is now
    ("The family asks for privacy at this time.", "this time", "PRESENT_REF"),
    # "over the last month" is a length up to now, as "over the past month"
    ("Prosecutors spent the last month urging jurors to act.", "the last month", "P1M"),
    ("Prices have risen over the last year.", "the last year", "P1Y"),
    # "at this time" is now, whatever follows (not "this time last year", "this time of year")
    ("At this time I felt a change was needed.", "this time", "PRESENT_REF"),
    # "last" after a modal or "which" is the verb: the length is the count
    ("The appeal will last five years.", "five years", "P5Y"),
    ("The drought, which could last two more months, is severe.", "two more months", "P2M"),
    ("He worked there for the last five years.", "the last five years", "P5Y"),
    # a range of years in one word after a preposition or in brackets: valued by its first year
    ("He was the team's most popular player from 1978-89.", "1978-89", "1978"),
    ("He spent four seasons as director (1999-2003) before a promotion.", "1999-2003", "1999"),
    ("He won the title in 1982-83.", "1982-83", "1982"),
    # ... a fiscal year where the sentence is about public money or its country keeps another calendar
    ("India's fiscal deficit for 2017-18 is estimated at 3.5 per cent of GDP.", "2017-18", "FY2018"),
    ("ISLAMABAD: Remittances rose 10pc in 2024-25, the central bank said.", "2024-25", "FY2025"),
    ("Tax revenue rose in 2017-18.", "2017-18", "FY2018"),
    ("The city's taxi fleet grew in 2017-18.", "2017-18", "2017"),  # a taxi is no tax
    # ... written with an en dash as with a hyphen (the year alone used to win)
    ("India's fiscal deficit for 2017–18 is estimated at 3.5 per cent of GDP.", "2017–18", "FY2018"),
    ("He was the team's most popular player from 1978–89.", "1978–89", "1978"),
])
def test_audit_forms_found_in_unseen_news(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span", [
    ("Nothing less than the future of Europe is at stake.", "the future"),
    ("The rookie was hit by a 59-year old driver.", "59-year"),
    ("The regime saw months of the year renamed after the leader.", "the year"),
    ("He spoke at the Winter Meetings in Las Vegas.", "the Winter"),
    ("After the Winter Meetings, the club signed him.", "the Winter"),
    ("He must prove his health in Spring Training.", "Spring"),
    ("The early morning fire destroyed the store.", "early morning"),
    ("At this time last year prices were low.", "this time"),
    ("This time, police were ready.", "This time"),
    ("The appeal will last five years.", "last five years"),
    ("The Sixers beat the Nets 2009-10 at home.", "2009-10"),
    ("The 1998-2003 numbers were revised.", "1998-2003"),
    ("The final count was 1990-85 in votes.", "1990-85"),
])
def test_audit_false_alarms_stay_out(text, span):
    assert span not in dates_of(text)


@pytest.mark.parametrize("text", ["Prices rose in the last year of his term.",
                                  "He was tired over the last week of the campaign."])
def test_the_last_unit_of_something_is_no_length(text):
    # "over the last week" is a length up to now, "over the last week of the campaign" is not
    # (a guard by span alone could not fail: the longer "the last week of June" is one date)
    assert [v for v in dates_of(text).values() if v and v.startswith("P")] == []


@pytest.mark.parametrize("text, span, value", [
    ("In the future, the plant will be automated.", "the future", "FUTURE_REF"),
    ("Sales rose in the first months of the year.", "the year", "2025"),
    ("In the final days of the month, prices rose.", "the month", "2025-06"),
    ("Prices fell in the summer.", "the summer", "2025-SU"),
    ("The rains came in the last week of June.", "the last week of June", "2025-W26"),
    ("He signed a 27-year lease.", "27-year", "P27Y"),
])
def test_audit_rules_keep_their_neighbours(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # dashed dates are day first unless the article shows month first or its date line is American
    ("The hearing was adjourned to 06-07-2025.", "06-07-2025", "2025-07-06"),
    ("The hearing, first set for 06-13-2025, was moved to 06-07-2025.", "06-07-2025", "2025-06-07"),
    ("The hearing, first set for 13-06-2025, was moved to 06-07-2025.", "06-07-2025", "2025-07-06"),
    ("WASHINGTON: The hearing was moved to 06-07-2025.", "06-07-2025", "2025-06-07"),
    ("WASHINGTON: The hearing, first set for 13-06-2025, was moved to 06-07-2025.", "06-07-2025", "2025-07-06"),
    # slashed dates are month first unless the article's other ones are day first
    ("The meeting was on 06/07/2025.", "06/07/2025", "2025-06-07"),
    ("The meeting is on 13/06/2025 and again on 06/07/2025.", "06/07/2025", "2025-07-06"),
])
def test_the_order_of_numeric_dates_follows_the_article(text, span, value):
    assert dates_of(text, dt.date(2025, 6, 20)).get(span, "<missing>") == value


@pytest.mark.parametrize("sep, name", [("-", "_DASHED_DATES"), ("/", "_SLASHED_DATES")])
def test_the_article_order_of_numeric_dates_is_read_once(monkeypatch, sep, name):
    """A page of a thousand numeric dates (a table) once read the whole text for each of them."""
    from newsreader.extract import dates

    reads = []

    class Counted:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text):
            reads.append(len(text))
            return self.pattern.finditer(text)

    monkeypatch.setattr(dates, name, Counted(getattr(dates, name)))
    text = " ".join(f"Rates rose on 0{1 + i % 9}{sep}0{1 + i % 8}{sep}2025." for i in range(60))
    found = dates.find_dates(text, dt.date(2025, 6, 20))
    assert len(found) == 60 and len(reads) == 1


@pytest.mark.parametrize("text, span, value", [
    # "the year" with no year of its own takes the one named in its sentence or the one before,
    # else the article's (one named paragraphs back is another story's); a part of the day takes
    # the last day named in its paragraph, however far back (the story's day goes on: "about 3
    # p.m. Friday ... worked the case through the afternoon"), or in the sentence before it
    ("Police arrived about 3 p.m. Friday. A woman answered. A man walked up. He fled. "
     "Officers worked the case through the afternoon.", "the afternoon", "2010-04-30TAF"),
    ("Lenders met on Sunday. Talks broke up by late afternoon.", "late afternoon", "2010-05-02TAF"),
    ("Lenders met on Sunday.\nTalks broke up by late afternoon.", "late afternoon", "2010-05-02TAF"),
    ("Police arrived on Friday. A man fled.\nOfficers left that night.", "that night", "2010-05-05TNI"),
    ("Police arrived on Friday. A man fled.\nOfficers left the next morning.", "the next morning", "2010-05-01TMO"),
    # ... not one named paragraphs back: "aid unveiled on Sunday. [...]\n[...] The marchers had
    # dispersed by late afternoon" (the day of the march, the article's)
    ("The aid was unveiled on Sunday. Unions called a strike.\nThousands marched. Police fired tear gas. "
     "The marchers had dispersed by late afternoon.", "late afternoon", "2010-05-05TAF"),
    ("The show ran short in 1959. The host made the winners dance. It was mortifying. "
     "Avoid it at all costs. Viewers love it when the host relives the year's greatest films.", "the year", "2010"),
    ("The show ran short in 1959. The host made the year's winners dance.", "the year", "1959"),
    # "the next day" after a month without its day in the same sentence has no day to count from
    ("He was convicted for the March 2005 rampage, which ended with his capture the next day.", "the next day", None),
    ("He escaped on Friday. In March he had tried once. He was caught the next day.", "the next day", "2010-05-01"),
    ("He was arrested on Friday, weeks after the March vote, and freed the next day.", "the next day", "2010-05-01"),
])
def test_anaphora_reach_back_a_sentence(text, span, value):
    assert dates_of(text, dt.date(2010, 5, 5))[span] == value


@pytest.mark.parametrize("text, span, value", [
    # a quarter or half written as a modifier: the determiner is the noun's (TimeML), a year
    # before it is the timex's
    ("The fourth-quarter loss was $2.5 billion.", "fourth-quarter", "2008-Q4"),
    ("Analysts expected the first-quarter profit to rise.", "first-quarter", "2009-Q1"),
    ("Analysts expect the fiscal third-quarter results.", "fiscal third-quarter", "FY2009-Q3"),
    ("The company reported the 2007 first-half results.", "2007 first-half", "2007-H1"),
    ("Its 2007 fourth-quarter profit fell.", "2007 fourth-quarter", "2007-Q4"),
    ("The fourth-quarter 2007 loss was big.", "fourth-quarter 2007", "2007-Q4"),
    # ... but the quarter as a noun keeps it, and a year after a preposition stays apart
    ("Sales fell in the fourth quarter.", "the fourth quarter", "2008-Q4"),
    ("The fourth-quarter was weak.", "The fourth-quarter", "2008-Q4"),
    ("In the first-half of 2007 sales rose.", "the first-half of 2007", "2007-H1"),
    ("In 2007 fourth-quarter profit fell.", "2007", "2007"),
])
def test_a_quarter_as_a_modifier_leaves_the_determiner_to_its_noun(text, span, value):
    assert dates_of(text, dt.date(2009, 1, 20)).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # a bare plural unit after "for", "took", "spent" (or "in"/"within" ending a clause) is an
    # uncounted length of time
    ("The war has lasted for decades.", "decades", "PXDE"),
    ("For years, he waited.", "years", "PXY"),
    ("The repair took months.", "months", "PXM"),
    ("She spent weeks in hospital.", "weeks", "PXW"),
    ("It was the worst rioting in decades.", "decades", "PXDE"),
    ("Results may not be known for days.", "days", "PXD"),
    ("It will be done within days, he said.", "days", "PXD"),
])
def test_bare_plural_units_are_lengths_of_time(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span", [
    ("The years of war ended.", "years"),
    ("In years when rates rose, banks grew.", "years"),
    ("He asked for years of service records.", "years"),
    ("The boy is five years old.", "years"),
    ("Sales in months ending June rose.", "months"),
    ("The team won in 2019 for years 2019 and 2020.", "years"),
    ("The days were long.", "days"),
])
def test_bare_plural_units_without_a_length_cue_are_no_dates(text, span):
    assert span not in dates_of(text)


@pytest.mark.parametrize("text, span, value", [
    # audit round ten (seed 1123): "now" opening a sentence in the present or ending a clause
    # after a present "be"; "the past season"; a date line's year before a dash and a clock
    ("Now it's much quieter.", "Now", "PRESENT_REF"),
    ("Now they are working to finish it.", "Now", "PRESENT_REF"),
    ("But O'Brien is gone now.", "now", "PRESENT_REF"),
    ("Prices are much higher now, he said.", "now", "PRESENT_REF"),
    ("He’s now in higher demand.", "now", "PRESENT_REF"),  # (seed 7741) a pronoun's "'s" is "is"
    ("He had two extensions in the past season, but lost.", "the past season", "PAST_REF"),
    ("April 10, 2007-7:07AM\nA man was arrested.", "April 10, 2007", "2007-04-10"),
    ("August 8, 2012-4: 43 pm\nThe fire spread.", "August 8, 2012", "2012-08-08"),
    # (seed 5309) a decade in capitalised words; a sports season before a possessive
    ("Ms Page disappeared at the end of the Fifties.", "the Fifties", "195"),
    ("In the late Sixties he left.", "the late Sixties", "196"),
    ("The Sixers hardly resembled last season's group.", "last season", "PAST_REF"),
])
def test_audit_round_ten_forms(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # audit round ten, second sample (seed 5309): a day just after the article's date done in a
    # passive past is last year's ...
    ("The deputy was killed on June 24, while on duty.", "June 24", "2006-06-24"),
    ("The summit was held on June 20.", "June 20", "2006-06-20"),
    # ... not one still to come
    ("The vote was scheduled on June 24.", "June 24", "2007-06-24"),
    ("He will be sentenced on June 24.", "June 24", "2007-06-24"),
    # a cue of the future ends with its line ("going to keep happening.”\nFollowing the death on Saturday")
    ("“It’s going to keep happening.”\nFollowing the death of a boy on Saturday, police said.", "Saturday", "2007-04-28"),
    ("It is going to keep happening, on Saturday.", "Saturday", "2007-05-05"),
    # "the day after" a clause's event counts from no day named
    ("He was fired on Monday and bought a gun the day after he lost his job.", "the day after", None),
    ("He was fired on Monday and bought a gun the day after.", "the day after", "2007-05-01"),
    # (seed 7741) ... nor does one before a named one's event; a holiday after it is its day
    ("The rule took effect the day before Obama’s inauguration.", "the day before", None),
    ("He left the day after Christmas.", "the day after", "2006-12-26"),
])
def test_audit_round_ten_second_sample(text, span, value):
    assert dates_of(text, dt.date(2007, 5, 2)).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # "as recently as a week ago": the date is what follows, and a bare year or month there is one
    ("He was fired as recently as a week ago.", "a week ago", "2025-W23"),
    ("As recently as 2005 it was legal.", "2005", "2005"),
    ("Sales could rise as early as 2026.", "2026", "2026"),
    ("He was fired as recently as March.", "March", "2025-03"),
    ("He recently left.", "recently", "PAST_REF"),
    ("As recently as a season ago, he was praised.", "recently", "PAST_REF"),  # no date follows
])
def test_as_recently_as_leaves_the_date_to_what_follows(text, span, value):
    found = dates_of(text)
    assert found.get(span, "<missing>") == value and (span == "recently" or "recently" not in found)


@pytest.mark.parametrize("text", ["He is in his fifties.", "Temperatures were in the fifties.",
                                  "It evoked the Roaring Twenties."])
def test_ages_and_temperatures_in_decade_words_are_no_dates(text):
    assert not [d for d in dates_of(text) if "ties" in d.lower()]


@pytest.mark.parametrize("text, span", [
    ("Now, the firm says it will grow.", "Now"),
    ("Now it was time to go.", "Now"),
    ("Now Playing at the Odeon.", "Now"),
    ("Protesters march on; we may see more now.", "now"),
    ("There is no turning back now.", "now"),
    ("The firm's now defunct blog closed.", "now"),  # a name's "'s" may be a possessive
    ("On May 5, 2008-09 season tickets sold out.", "May 5, 2008"),
])
def test_audit_round_ten_false_alarms_stay_out(text, span):
    assert span not in dates_of(text)


@pytest.mark.parametrize("text, span, value", [
    # the first or last (trading) day of a year or month: one timex (its head is "day"), valued
    # by the calendar; a trading year opens after New Year's Day (and the Monday after a Sunday one)
    ("Stocks fell on the first trading day of the year.", "the first trading day of the year", "2025-01-02"),
    ("Stocks rallied on the first trading day of 2012.", "the first trading day of 2012", "2012-01-03"),
    ("Stocks rose on the last trading day of 2011.", "the last trading day of 2011", "2011-12-30"),
    ("The office closes on the last day of the year.", "the last day of the year", "2025-12-31"),
    ("He left on the last day of March.", "the last day of March", "2025-03-31"),
    ("They paid on the first business day of last month.", "the first business day of last month", "2025-05-01"),
])
def test_the_first_or_last_day_of_a_period(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span", [
    ("Rent is due on the first day of the month.", "the first day of the month"),  # any month's
    ("He cried on the first day of school.", "the first day of school"),
])
def test_the_first_day_of_no_period_is_no_date(text, span):
    assert span not in dates_of(text)


@pytest.mark.parametrize("text, date, value", [
    # a slashed date no other slashed date settles: the reading within a day of the article's
    # date (its date line), else the order the article writes named days in, else month first
    ("11/09/2010\nThe bank failed.", dt.date(2010, 9, 11), "2010-09-11"),
    ("11/09/2010\nThe bank failed.", dt.date(2010, 11, 9), "2010-11-09"),
    ("11/09/2010\nThe bank failed on 3 May.", dt.date(2012, 1, 1), "2010-09-11"),
    ("11/09/2010\nThe bank failed on May 3.", dt.date(2012, 1, 1), "2010-11-09"),
    ("11/09/2010\nThe bank failed.", None, "2010-11-09"),
    ("11/09/2010\nThe bank failed on 3 May and on May 9.", None, "2010-11-09"),
    # a slashed date that must be day first still settles it, whatever the article's date
    ("11/09/2010\nThe bank failed on 13/09/2010.", dt.date(2010, 11, 9), "2010-09-11"),
])
def test_a_lone_slashed_date_follows_the_article_date_then_its_written_days(text, date, value):
    assert dates_of(text, date).get("11/09/2010", "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # "the day before/after" an event dated right after it counts from that date
    ("He was told to find the suspect the day before his June 24, 2005 arrest.", "the day before", "2005-06-23"),
    ("Police met the day after the May 3 vote.", "the day after", "2025-05-04"),
    ("He was arrested on Friday and released the day after.", "the day after", "2025-06-14"),
    ("Today, the company said profit rose.", "Today", "2025-06-14"),
    # "to be" and a participle after a noun is a plan ahead; not a belief, a rank or a past plan
    ("Unions marched as the government prepared for the measures to be voted on Thursday.", "Thursday", "2025-06-19"),
    ("Activists called for roads to be blocked on Tuesday.", "Tuesday", "2025-06-17"),
    ("The soldier was thought to be killed on Monday.", "Monday", "2025-06-09"),
    ("She became the first to be vaccinated on Monday.", "Monday", "2025-06-09"),
    ("The vote was to be held on Monday but was postponed.", "Monday", "2025-06-09"),
    # ... nor after a past verb: no noun waits for the plan
    ("Two hikers needed to be airlifted on Monday.", "Monday", "2025-06-09"),
    ("The witness refused to be photographed on Tuesday.", "Tuesday", "2025-06-10"),
    ("He chose to be driven home on Monday.", "Monday", "2025-06-09"),
])
def test_days_counted_from_the_event_they_name(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text", ["USA Today reported the deal.", "She appeared on NBC's Today show on Monday.",
                                  "The clip ran on the Today programme."])
def test_today_in_a_name_is_no_date(text):
    assert "Today" not in dates_of(text)


@pytest.mark.parametrize("text, date, span, value", [
    # the "-ed" word after keep/leave and its object is a state, not a past verb ending a future cue's reach
    ("Toyota said it would keep its Japanese plants closed through Saturday.", "2011-03-16", "Saturday", "2011-03-19"),
    ("The Fed will leave rates unchanged until Wednesday.", "2011-03-16", "Wednesday", "2011-03-16"),
    # ... a past verb still does
    ("Toyota kept its Japanese plants closed through Saturday.", "2011-03-16", "Saturday", "2011-03-12"),
    ("Toyota will keep its plants, which closed on Saturday, shut.", "2011-03-16", "Saturday", "2011-03-12"),
    # a past verb in the clause before next month's name: last year's month
    ("The Edge went on sale in December.", "2006-11-08", "December", "2005-12"),
    ("Sales fell in December, the company said.", "2006-11-08", "December", "2005-12"),
    # ... not without one, nor with a future cue, nor late in the month (the article date may lag)
    ("The Edge goes on sale in December.", "2006-11-08", "December", "2006-12"),
    ("The company said the Edge will go on sale in December.", "2006-11-08", "December", "2006-12"),
    ("The program, which began in October, runs through December.", "2006-11-08", "December", "2006-12"),
    ("The Edge went on sale in December.", "2006-11-28", "December", "2006-12"),
    # an amount's dot or comma ends no clause: the past verb before it still counts
    ("The company said it repaid $1.2 billion in December.", "2009-11-20", "December", "2008-12"),
    ("The company recalled 1,200 cars in December.", "2009-11-20", "December", "2008-12"),
    # a short month's dot before its day ends no sentence: the future cue before it reaches on
    ("The board will meet on Dec. 1 and again in January.", "2009-11-20", "January", "2010-01"),
    ("The board met on Dec. 1. In January it will meet again.", "2009-12-20", "Dec. 1", "2009-12-01"),
    # schedule verbs in the present ("Bernanke testifies on Wednesday"), and a weekday listed after "today"
    ("Bernanke speaks in Chicago on Thursday.", "2008-07-15", "Thursday", "2008-07-17"),
    ("Apple unveils its new iPhone on Friday.", "2008-07-15", "Friday", "2008-07-18"),
    ("Bernanke testifies before the Senate today and the House on Wednesday.", "2008-07-15", "Wednesday", "2008-07-16"),
    # ... not in the past, nor a weekday before today or in another sentence
    ("Bernanke spoke in Chicago on Thursday.", "2008-07-15", "Thursday", "2008-07-10"),
    ("Stocks fell on Monday and again today.", "2008-07-15", "Monday", "2008-07-14"),
    ("Stocks fell today. On Thursday, they rose.", "2008-07-15", "Thursday", "2008-07-10"),
    ("Shares rose today and fell on Monday.", "2008-07-15", "Monday", "2008-07-14"),
    ("The CEO resigned today, and the board said on Monday it was searching.", "2008-07-15", "Monday", "2008-07-14"),
    # "prepares to", "poised to" look ahead (audit seed 8080); "prepared to" is past
    ("Obama prepares to mark his first 100 days in office on Wednesday.", "2009-04-28", "Wednesday", "2009-04-29"),
    ("The bank is poised to report a profit on Thursday.", "2009-04-28", "Thursday", "2009-04-30"),
    ("He prepared to leave on Monday but stayed.", "2009-04-29", "Monday", "2009-04-27"),
    # a month naming a schedule ("a January start date", "a March deadline") is the coming one (audit leftover)
    ("That's to accommodate Jennifer Lawrence's January start date for filming.", "2012-04-09", "January", "2013-01"),
    ("Greece faces a March deadline to repay its debt.", "2012-04-09", "March", "2013-03"),
    # ... not after a past verb
    ("GM missed its March deadline.", "2012-04-09", "March", "2012-03"),
])
def test_round_eleven_market_probes(text, date, span, value):
    assert dates_of(text, dt.date.fromisoformat(date)).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # "Last year," / "A year ago," opening a sentence sets its year, as "In 2007," does
    ("Last year, the Dow peaked on May 9.", "May 9", "2024-05-09"),
    ("A year ago, sales peaked in May.", "May", "2024-05"),
    ("Next year, the show opens on July 10.", "July 10", "2026-07-10"),
    # ... not past its sentence, nor inside a sentence
    ("Last year was hard. The Dow peaked on June 9.", "June 9", "2025-06-09"),
    ("Sales fell last year, and the Dow peaked on June 9.", "June 9", "2025-06-09"),
    # hundreds count
    ("The company was founded one hundred years ago.", "one hundred years ago", "1925"),
    ("GM was founded a hundred years ago.", "a hundred years ago", "1925"),
    ("The war lasted one hundred years.", "one hundred years", "P100Y"),
    # centuries and halves (audit seeds 3141 and 2718: "nearly half a century ago" missed twice)
    ("She left the limelight nearly half a century ago.", "nearly half a century ago", "1975"),
    ("Page disappeared almost a half century ago.", "almost a half century ago", "1975"),
    ("The company was founded a century ago.", "a century ago", "1925"),
    ("Prices were this low half a decade ago.", "half a decade ago", "2020"),
    ("Centuries ago, the town was a port.", "Centuries ago", "PAST_REF"),
    ("The war lasted half a century.", "half a century", "P50Y"),
    ("NEARLY HALF A CENTURY AGO, THE TOWN WAS A PORT.", "NEARLY HALF A CENTURY AGO", "1975"),  # a headline (crashed)
    # "Posted 1 year, 160 days ago" (audits 4242, 5151 and round ten): one date, both counts back
    ("Posted 1 year, 160 days ago", "1 year, 160 days ago", "2024-01-06"),
    ("He left one year and two months ago.", "one year and two months ago", "2024-04"),
    ("Posted 3 weeks, 2 days ago.", "3 weeks, 2 days ago", "2025-05-22"),
    # "exactly" belongs to the expression as "about" does (TimeML mod EXACT; audit seed 4242)
    ("The rampage happened exactly two years ago.", "exactly two years ago", "2023"),
    ("She was jailed for exactly three years.", "exactly three years", "P3Y"),
    # a month after "an" is a modifier's date, as after "a" or "the"
    ("In an October interview, she said she drank.", "October", "2024-10"),
])
def test_a_year_opening_a_sentence_frames_it_hundreds_centuries_and_an_month(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # a day counted forward past the article's date in a clause about the past: counted from a day not
    # named (the fire's), so no value
    ("Her home burned and she died the next day.", "the next day", None),
    ("He was arrested and released three days later.", "three days later", None),
    # ... a day named before, or a look ahead, still counts
    ("He was arrested on Tuesday and released the next day.", "the next day", "2025-06-11"),
    ("He was arrested on Tuesday and released three days later.", "three days later", "2025-06-13"),
    ("The company said it would report results the next day.", "the next day", "2025-06-15"),
    ("The Fed meets today and will announce its decision two days later.", "two days later", "2025-06-16"),
])
def test_a_past_day_counted_past_the_article_date_has_no_value(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # a weekday and its week are one expression, the day of that week (the article: Saturday 2025-06-14)
    ("The Dow closed up 552 points on Thursday last week.", "Thursday last week", "2025-06-05"),
    ("The plan was announced on Tuesday of last week.", "Tuesday of last week", "2025-06-03"),
    ("The talks will resume on Monday next week.", "Monday next week", "2025-06-16"),
    ("Stocks rose on Thursday morning last week.", "Thursday morning last week", "2025-06-05TMO"),
    ("The board meets this Friday next week.", "this Friday next week", "2025-06-20"),
    ("Talks resume the following Monday next week.", "the following Monday next week", "2025-06-16"),
    # ... not across a comma or a sentence
    ("It happened on Thursday, last week.", "Thursday", "2025-06-12"),
    ("He arrived on Friday. Last week he left.", "Friday", "2025-06-13"),
])
def test_a_weekday_of_last_or_next_week(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # one timex each (TimeML extents), valued at the granularity they name
    ("The Dow hit its record high on the same day last year.", "the same day last year", "2024-06-14"),
    ("Sales fell from the same week last year.", "the same week last year", "2024-W24"),
    ("On Monday, sales beat the same day a year earlier.", "the same day a year earlier", "2024-06-09"),
    ("A year ago today, the Dow closed at a record.", "A year ago today", "2024-06-14"),
    ("Three weeks ago today, Lehman collapsed.", "Three weeks ago today", "2025-05-24"),
    ("A century ago today, the Titanic sailed.", "A century ago today", "1925-06-14"),
    ("Two centuries ago today, the city was founded.", "Two centuries ago today", "1825-06-14"),
    ("The index fell 18 percent the week before last.", "the week before last", "2025-W22"),
    ("Sales peaked the month before last.", "the month before last", "2025-04"),
    ("THE DOW HIT ITS RECORD HIGH ON THE SAME DAY LAST YEAR.", "THE SAME DAY LAST YEAR", "2024-06-14"),
    # ... "the same day" alone stays the day last named
    ("The bank failed on Monday; that day last year it had record profits.", "that day", "2025-06-09"),
    ("The storm hit the same morning last year.", "the same morning", "2025-06-14TMO"),
    ("He was arrested on Monday and charged the same day.", "the same day", "2025-06-09"),
])
def test_the_same_day_last_year_ago_today_and_the_week_before_last(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


def test_a_month_ago_today_in_a_leap_year() -> None:
    assert dates_of("A month ago today, the bank failed.", dt.date(2012, 3, 29))["A month ago today"] == "2012-02-29"
    assert dates_of("A month ago today, the bank failed.", dt.date(2013, 3, 29))["A month ago today"] == "2013-02-28"


@pytest.mark.parametrize("text, span, value", [
    # a past month written with its year sets the year of its later days (audit: the 2005 killing in a 2007 article)
    ("Ortiz was ambushed in June 2005. He was killed on June 24 while on patrol.", "June 24", "2005-06-24"),
    ("Ortiz was ambushed in June 2005. He was killed on June 24, four days after that.", "June 24", "2005-06-24"),
    # ... not a day ahead, nor another month, nor the article's own year
    ("Sales fell in June 2005. The new plant will open on June 24.", "June 24", "2025-06-24"),
    ("Sales fell in June 2005. The plant closed on May 24.", "May 24", "2025-05-24"),
    ("Sales fell in June 2025. The plant closed on June 4.", "June 4", "2025-06-04"),
    # ... nor a day in the week up to the article's date: that is the news (review R5D)
    ("The firm was founded in June 2010. It said on June 12 that profits fell.", "June 12", "2025-06-12"),
    ("The firm was founded in June 2010. It said on June 14 that profits fell.", "June 14", "2025-06-14"),
    ("The firm was founded in June 2010. It closed on June 6 after a fire.", "June 6", "2010-06-06"),
])
def test_a_past_month_and_year_sets_the_year_of_its_days(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value


@pytest.mark.parametrize("text, year", [
    # a model year after a determiner and an adjective (round ten's leftover "a gray 2013 Toyota Camry")
    ("She was hit by a gray 2013 Toyota Camry.", "2013"),
    ("GM unveiled the redesigned 2008 Chevrolet Malibu.", "2008"),
    # ... not a count of people or things
    ("The first 2000 Toyota buyers got a discount.", None),
    ("An additional 2000 Toyota workers were hired.", None),
    ("The strike idled the roughly 2000 Boeing machinists.", None),
    ("The plant laid off its almost 2000 Ford workers.", None),
])
def test_a_model_year_after_an_adjective(text, year):
    assert [d.value for d in extract(text, DCT).dates] == ([year] if year else [])


@pytest.mark.parametrize("text", ["Five hundred workers lost their jobs.", "A hundred people came.",
                                  "Half a dozen firms bid.", "Nearly half a million people came."])
def test_hundreds_of_things_are_no_lengths(text):
    assert dates_of(text) == {}


def _audit_dates():
    """bench/audit_dates.py, imported as a module (it sits beside eval_extract in bench/)."""
    from pathlib import Path

    bench = str(Path(__file__).resolve().parents[1] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import audit_dates

    return audit_dates


@pytest.mark.parametrize("argv", [("precision", "--n", "-1"), ("recall", "--corpus-n", "-3"), ("values", "--n", "-2")])
def test_audit_dates_a_negative_sample_size_is_one_line(capsys, argv):
    code = _audit_dates().main(list(argv))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--n" in err


@pytest.mark.parametrize("row", [None, "1\tecb\tno_such_doc.xml\t\t0\t3\tx\tNone\t\t\n",
                                 "1\tecb\t{doc}\t\tabc\t3\tx\tNone\t\t\n"])
def test_audit_dates_again_on_a_missing_or_foreign_sample_is_one_line(tmp_path, capsys, row):
    audit = _audit_dates()
    if not audit.ECB.is_dir():
        pytest.skip("no ECB+ dev data")
    path = tmp_path / "sample.tsv"
    if row is not None:  # None: no such file
        doc = next(audit.ECB.glob("*/*.xml")).name
        path.write_text("id\tsource\tdoc\n" + row.format(doc=doc), encoding="utf-8")
    code = audit.main(["again", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1


def test_audit_dates_values_pairs_each_date_markable_but_the_date_line(capsys):
    """`values`: one row per ECB+ date markable of a dated document (the whole pool when --n is
    larger), its text at its offsets, the predicted date over it and its value, or none; never the
    document's own date line, whose value is the date it was given."""
    audit = _audit_dates()
    if not audit.ECB.is_dir():
        pytest.skip("no ECB+ dev data")
    assert audit.main(["values", "--n", "100000"]) == 0
    lines = capsys.readouterr().out.splitlines()
    pool = int(lines[0].split()[1])
    rows = [line.split("\t") for line in lines[2:]]
    assert len(rows) == pool > 100
    texts: dict[str, str] = {}
    for _, doc, date, start, end, gold, span, value, sentence, *_ in rows:
        if doc not in texts:
            texts[doc] = audit.build_ecb_text(next(audit.ECB.glob(f"*/{doc}")))[0]
        text, a, b = texts[doc], int(start), int(end)
        assert " ".join(text[a:b].split()) == gold and date
        line = audit._date_line_match(text)
        assert not (line.start < b and a < line.end)
        assert bool(span) == bool(value) and (not span or f"[{span}]" in sentence)
    assert sum(1 for row in rows if row[7]) > 0.9 * pool  # nearly all are found


def test_the_date_scan_names_no_regex_op_that_python_3_10_lacks(monkeypatch):
    """pyproject allows Python 3.10, whose sre_parse has no ATOMIC_GROUP or POSSESSIVE_REPEAT: the
    head check (`_HeadAutomaton`, as `_ends` before it) must not look them up (it raised AttributeError
    there on most texts). A new automaton: the shared one has read these heads in earlier tests."""
    import types

    from newsreader.extract import dates as dates_mod

    parser_310 = types.SimpleNamespace(**{name: value for name, value in vars(dates_mod._sre).items()
                                          if name not in ("ATOMIC_GROUP", "POSSESSIVE_REPEAT")})
    monkeypatch.setattr(dates_mod, "_sre", parser_310)
    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})  # every head new: the check runs
    monkeypatch.setattr(dates_mod, "_FIRST_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_HEADS", dates_mod._HeadAutomaton())
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 1)
    found = dates_mod.find_dates("Profits rose in the first half of 2009 and fell 3 minutes later on Monday.", dt.date(2010, 5, 3))
    assert [(d.text, d.value) for d in found] == [("the first half of 2009", "2009-H1"), ("3 minutes", "PT3M"),
                                                  ("Monday", "2010-05-03")]


@pytest.mark.parametrize("text", ["It came 3 mİnutes later.", "It came 3 mınutes later.", "It came 3 MİNUTES later."])
def test_the_date_scan_keeps_what_a_letter_outside_ascii_may_match(text, monkeypatch):
    """re's IGNORECASE folds 'İ' (U+0130) to 'i' and lets "[a-z]" match 'ı' where str.lower() does
    not: the head check keeps such letters, so the scan finds what the whole pattern finds."""
    from newsreader.extract import dates as dates_mod

    monkeypatch.setattr(dates_mod, "_BY_HEAD", {})
    monkeypatch.setattr(dates_mod, "_HEAD_CHECK_AFTER", 1)  # the check runs
    assert [m.group() for m in dates_mod._candidates(text)] == [m.group() for m in dates_mod.full_pattern().finditer(text)]


@pytest.mark.parametrize("date, text, span, value", [
    # challenge part 12 (blind run): a year as the complement of "year was"
    (dt.date(2009, 6, 1), "GM's last profitable year was 2004.", "2004", "2004"),
    (dt.date(2009, 6, 1), "Its best year had been 1999, analysts said.", "1999", "1999"),
    # "A year earlier," opening the sentence after one that named a quarter: that quarter, a year back
    (dt.date(2005, 10, 18), "GM reported a third-quarter loss on Monday. A year earlier, it had earned $1.1 billion.",
     "A year earlier", "2004-Q3"),
    (dt.date(2005, 10, 18), "GM lost $1.6 billion in the third quarter. Ford cut jobs. A year earlier, it had earned more.",
     "A year earlier", "2004"),
    # ... a comparison, not where the story goes on: "the quarter" after it is the one reported
    (dt.date(2011, 5, 5), "First-quarter profit rose from $865 million a year earlier. Revenue in the quarter rose 17%.",
     "the quarter", "2011-Q1"),
    # "the year's first half": the first half of the year the text is at
    (dt.date(2007, 1, 3), "Toyota is expected to pass GM in the year's first half.", "the year's first half", "2007-H1"),
    (dt.date(2006, 1, 27), "GM lost $8.6 billion in 2005. Its share fell in the year's second half.",
     "the year's second half", "2005-H2"),
    # ... after a past year in a sentence that looks ahead: the year to come
    (dt.date(2007, 1, 3), "Sales fell last year, and Toyota is expected to pass GM in the year's first half.",
     "the year's first half", "2007-H1"),
    (dt.date(2007, 1, 3), "Sales fell last year, and are expected to recover in the second half of the year.",
     "the second half of the year", "2007-H2"),
    (dt.date(2008, 1, 22), "U.S. markets were closed for Martin Luther King Jr. Day.", "Martin Luther King Jr. Day",
     "2008-01-21"),
    (dt.date(2008, 1, 22), "U.S. markets were closed for Martin Luther King, Jr. Day.", "Martin Luther King, Jr. Day",
     "2008-01-21"),
    (dt.date(2008, 1, 22), "U.S. markets were closed for MLK Day.", "MLK Day", "2008-01-21"),
    # "the period" a sentence after the quarter it stands for
    (dt.date(2008, 11, 7), "GM lost $2.5 billion in the third quarter. Excluding items, the loss for the period was $4.2 billion.",
     "the period", "2008-Q3"),
    # "earn" is business: "the second half" is the company's
    (dt.date(2011, 5, 5), "The company expects to earn more in the second half than in the first.", "the second half",
     "2011-H2"),
    # an irregular past verb in a relative clause before "will": the past month
    (dt.date(2009, 11, 3), "The company, which left bankruptcy in July, will report results later this month.", "July",
     "2009-07"),
    # "the decade": the one the text is at
    (dt.date(2009, 12, 31), "The Dow ended the decade with a loss.", "the decade", "200"),
    # probes after part 12: "the same period of 2004" is one date, the period named in that year
    (dt.date(2006, 1, 26), "GM lost $4.8 billion in the fourth quarter, against a profit in the same period of 2004.",
     "the same period of 2004", "2004-Q4"),
    (dt.date(2008, 4, 20), "Sales rose in March from the same month in 2007.", "the same month in 2007", "2007-03"),
    (dt.date(2008, 4, 20), "Sales rose 5% from the same period in 2007.", "the same period in 2007", "2007"),
    # "for a second straight day on Friday" in a Saturday wrap: that Friday
    (dt.date(2008, 3, 1), "Stocks fell for a second straight day on Friday.", "a second straight day", "2008-02-29"),
    (dt.date(2008, 3, 1), "Stocks fell for a third consecutive day Friday.", "a third consecutive day", "2008-02-29"),
    (dt.date(2008, 2, 29), "Stocks fell for a second straight day.", "a second straight day", "2008-02-29"),
    # "the end of the month" a sentence after a month the text is at: that month's end
    (dt.date(2008, 11, 3), "GM's sales fell 45% in October. It had 116 days' supply at the end of the month.",
     "the end of the month", "2008-10"),
    (dt.date(2009, 3, 1), "GM lost $30.9 billion in 2008. By the end of the year, it had $14 billion in cash.",
     "the end of the year", "2008"),
    # ... looking ahead, or with no month or year named: the article's
    (dt.date(2009, 3, 1), "GM lost $30.9 billion in 2008. It expects to cut 47,000 jobs by the end of the year.",
     "the end of the year", "2009"),
    (dt.date(2008, 8, 15), "The company had to raise $5 billion before the end of the month.", "the end of the month",
     "2008-08"),
    # part 13 (blind run): "Black Monday, October 19, 1987": the date without the named day
    (dt.date(2007, 10, 20), "On Black Monday, October 19, 1987, the Dow fell 22.6%.", "October 19, 1987", "1987-10-19"),
    (dt.date(2007, 10, 20), "On Monday, October 19, 1987, the Dow fell 22.6%.", "Monday, October 19, 1987", "1987-10-19"),
    # ... "in the period" two sentences after its quarter (a comparison between)
    (dt.date(2008, 4, 25), "GM lost $3.3 billion in the first quarter. A year earlier, it earned $62 million. "
                           "Revenue fell 8% in the period.", "the period", "2008-Q1"),
    # "from a year earlier" after a month compares: "the year" after it is the month's
    (dt.date(2010, 1, 5), "December sales rose 7% from a year earlier. Sales for the year were the worst in 27 years.",
     "the year", "2009"),
    # ... but a month counted back in years and months is where the story goes on (R7D review of b7d3b34)
    (dt.date(2010, 8, 2), "He joined one year and two months ago. The next month, he quit.", "The next month", "2009-07"),
    (dt.date(2010, 8, 2), "He joined fourteen months ago. The next month, he quit.", "The next month", "2009-07"),
])
def test_round_twelve_business_forms(date, text, span, value):
    assert dates_of(text, date).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span", [("The population this year was 2004.", "2004"),
                                        ("Turnout last year was 2004 voters.", "2004"),  # R7D: as "this year"
                                        ("The decade-long war ended.", "decade"),
                                        ("A quarter of its workforce was cut.", "quarter")])
def test_round_twelve_non_dates(text, span):
    assert not any(span in found for found in dates_of(text, dt.date(2009, 6, 1)))


@pytest.mark.parametrize("text, date, span, value", [
    # blind part 14: "returns" is a schedule verb in the present, as "arrives" and "travels" are
    ("The president returns to Washington on Thursday to face the fiscal cliff.", "2012-11-07", "Thursday", "2012-11-08"),
    # ... not the noun after a determiner or "tax", nor in the past
    ("They filed their returns on Thursday.", "2012-11-07", "Thursday", "2012-11-01"),
    ("Voters filed tax returns on Thursday.", "2012-11-07", "Thursday", "2012-11-01"),
    ("The president returned to Washington on Thursday.", "2012-11-07", "Thursday", "2012-11-01"),
])
def test_returns_is_a_schedule_verb(text, date, span, value):
    assert dates_of(text, dt.date.fromisoformat(date)).get(span, "<missing>") == value


@pytest.mark.parametrize("text, span, value", [
    # blind part 14: "for the summer" closing its phrase is the season, as "in the summer" is
    ("The justices then break for the summer.", "the summer", "2025-SU"),
    ("The resort closed for the winter, and the staff went home.", "the winter", "2024-WI"),
    # ... not a season modifying a noun after "for", nor "for" with no "the"
    ("The team trained for the winter Olympics.", "the winter", "<missing>"),
    ("He was hired for the summer jobs program.", "the summer", "<missing>"),
    ("Stores stocked up for summer.", "summer", "<missing>"),
])
def test_for_the_season_closing_its_phrase(text, span, value):
    assert dates_of(text).get(span, "<missing>") == value
