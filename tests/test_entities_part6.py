"""Entity rules from the blind challenge part 6 (helper G2: stock markets and the car industry, 2003-2013), each on
hand-made sentences other than the part's own: what the first run of the part missed or mistyped."""

from __future__ import annotations

from newsreader.extract import extract


def ents(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in extract(text, None).entities}


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in extract(text, None).entities]


def test_a_two_letter_acronym_opening_a_sentence_with_a_possessive_or_a_post_after_it_is_a_name():
    # like one before a verb ("GM filed"): it owns ("GM's board") or employs ("BP spokesman", "GM vice chairman")
    assert spans("GM's board met on Monday to approve the sale.") == [("GM", "org")]
    assert spans("Oil leaked for weeks. BP spokesman John Smith declined to comment.") == [
        ("BP", "org"), ("John Smith", "person")]
    assert spans("Sales rose. GM vice chairman Bob Lutz unveiled the car.") == [("GM", "org"), ("Bob Lutz", "person")]
    assert spans("VW workers walked out in protest.") == [("VW", "org")]
    # neither after it: a lead-in in capitals, or a common noun's letters
    assert spans("TV ads ran all week.") == []
    assert spans("AI safety is hard, the report said.") == []


def test_an_acronyms_s_is_its_genitive_even_before_a_verb():
    # "Moody's said" is a name with its 's; "GM's fell 31 percent" is GM's sales
    assert spans("Ford's sales rose, while GM's fell 31 percent.") == [("Ford", "org"), ("GM", "org")]
    assert spans("Moody's said it would cut the rating.") == [("Moody's", "org")]


def test_a_city_named_like_a_company_is_the_company_before_its_president_and_then_in_the_whole_article():
    # "Toyota president Akio Toyoda", "Toyota chief executive": a town's head is its mayor; once the article names
    # the company so, its other mentions are the company ("said Toyota had"), but "in Toyota" stays the town
    text = ("Toyota president Akio Toyoda told lawmakers he was sorry. Critics said Toyota had ignored warnings "
            "for years at its plant in Toyota.")
    assert spans(text) == [("Toyota", "org"), ("Akio Toyoda", "person"), ("Toyota", "org"), ("Toyota", "place")]
    assert spans("Toyota chief executive Akio Toyoda spoke.") == [("Toyota", "org"), ("Akio Toyoda", "person")]
    assert spans("Chicago Mayor Rahm Emanuel said the city would appeal.") == [
        ("Chicago", "place"), ("Rahm Emanuel", "person")]
    # a capital's region may have a president
    assert spans("Madrid president Isabel Diaz Ayuso said so.") == [("Madrid", "place"), ("Isabel Diaz Ayuso", "person")]


def test_a_name_before_shares_after_in_is_no_place():
    # "in" names where things happen, but "a fall in Volkswagen shares" is in what the company issued
    assert spans("Hedge funds bet on a fall in Volkswagen shares.") == [("Volkswagen", "org")]
    assert spans("Trading in Kraft stock was halted.") == [("Kraft", "org")]
    assert spans("Clashes in Kurram killed five people.") == [("Kurram", "place")]


def test_a_plurals_possessive_before_an_organisations_head_stays_in_its_name():
    assert spans("New car sales fell, the European Automobile Manufacturers' Association said.") == [
        ("European Automobile Manufacturers' Association", "org")]
    assert spans("The National Farmers' Union said prices fell.") == [("National Farmers' Union", "org")]
    # a place's possessive still ends the name
    assert spans("The Philippines' Supreme Court ruled on Monday.") == [("Philippines", "place"), ("Supreme Court", "org")]
    assert spans("The Philippines' Senate voted on Monday.") == [("Philippines", "place"), ("Senate", "org")]
    # before a name that is no organisation's head, the owners' possessive still ends their word
    assert spans("Analysts' Apple forecasts were cut on Monday.") == [("Apple", "org")]


def test_shares_in_a_capital_or_a_market_city_are_its_market_not_a_company():
    assert spans("Shares in London closed lower on Thursday.") == [("London", "place")]
    assert spans("Shares in Frankfurt rose 2 percent.") == [("Frankfurt", "place")]
    # a town named like a company: its shares make it the company, in the whole article
    assert spans("Shares in Nokia rose. Nokia's phones sold well.") == [("Nokia", "org"), ("Nokia", "org")]
    assert spans("Shares of London rose.") == [("London", "org")]


def test_an_index_written_in_capitals_is_no_organisation():
    assert spans("In Seoul, trading was halted after the KOSPI fell 10 percent.") == [("Seoul", "place")]


def test_a_common_word_inside_a_longer_name_makes_no_name_of_it_opening_a_sentence():
    text = 'The National Highway Traffic Safety Administration fined the firm. "Safety is our top priority," he said.'
    assert spans(text) == [("National Highway Traffic Safety Administration", "org")]
    # a name's first and last words still do ("Sox" of "the Boston Red Sox")
    text = "Fans cheered the Boston Red Sox on Sunday. Sox pitchers struck out ten."
    assert [t for t, _ in spans(text)] == ["Boston Red Sox", "Sox"]


def test_a_name_opening_a_sentence_before_its_officers_capitalised_title_is_the_organisation():
    assert spans("Rates were cut. Fed Chairman Ben Bernanke said the bank would act.") == [
        ("Fed", "org"), ("Ben Bernanke", "person")]
    assert spans("Nissan Chairman Carlos Ghosn said so.") == [("Nissan", "org"), ("Carlos Ghosn", "person")]
    # not a common English word, a participle, or a word the article writes in lower case
    assert spans("Police Chief John Smith said so.") == [("John Smith", "person")]
    assert spans("Energy Secretary Steven Chu said so.") == [("Steven Chu", "person")]
    assert spans("Presiding Judge Martin Mann said so.") == [("Martin Mann", "person")]
    assert spans("Democratic Senator John Kerry said so.") == [("John Kerry", "person")]
    assert spans("Senior Minister Lee Kuan Yew said so.") == [("Lee Kuan Yew", "person")]
    assert spans("The cattle were fed. Fed Chairman Ben Bernanke said so.") == [("Ben Bernanke", "person")]


def test_a_city_named_like_a_company_is_the_company_before_what_a_firm_owns():
    assert spans("Toyota's sales dropped 37 percent.") == [("Toyota", "org")]
    assert spans("Nokia's profit rose in the quarter.") == [("Nokia", "org")]
    # a town's sales tax, its mayor, a capital's shares (its market)
    assert spans("Toyota's sales tax rose.") == [("Toyota", "place")]
    assert spans("Toyota's mayor said so.") == [("Toyota", "place")]
    assert spans("Tokyo's shares fell.") == [("Tokyo", "place")]


def test_names_a_product_class_lists_are_products():
    assert spans("Ford halted sales of eight models including the Focus and Fiesta.") == [("Ford", "org")]
    assert spans("He said cars such as the Prius and the Leaf sold well.") == []
    assert spans("He said doctors prescribe drugs like Lipitor and Zocor.") == []
    # companies listed stay companies
    assert spans("He said companies such as Apple and Google spent more.") == [("Apple", "org"), ("Google", "org")]
