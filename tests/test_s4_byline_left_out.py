"""S4 #1: a name with a word left out lost the stories the person only wrote: `search "tom hale -zebra"` found
nothing where `search "tom hale"` found the story Tom Hale wrote (the byline alternative was made for words alone
and words with dates, not for an `AndNot`). It now goes on the positive side of the exclusion, and what is left
out is not asked of the byline. The corpus is E10's: Tom Hale is only the byline of one story (about harbour fees,
March 5, 2024); Jane Smith wrote one story (floods) and another is about her (planning)."""

from __future__ import annotations

from tests import test_e10_byline_search as e10

library = e10.library
BY_HIM = "Harbour fees rise for fishing boats"
BY_HER = "Floods close the coast road for a week"


def test_a_word_left_out_keeps_the_byline(library) -> None:  # type: ignore[no-untyped-def]
    """Every way of leaving a word, phrase, field or group out finds his story, as "tom hale" does.
    (Mutant: `_with_byline` leaves an AndNot as it is.)"""
    for query in ("tom hale -zebra", "tom hale NOT zebra", "-zebra tom hale", '"tom hale" -zebra',
                  "tom hale -zebra date:2024", "tom hale NOT (zebra lion)", "tom hale -title:zebra",
                  'tom hale NOT title:"zebra lion"', "tom hale -zebra -lion", "tom AND hale -zebra"):
        assert e10._titles(library, query) == [BY_HIM], query


def test_what_is_left_out_still_drops_the_story(library) -> None:  # type: ignore[no-untyped-def]
    """Left-out words are not asked of the byline (else nothing by him would be found) and still exclude
    a story that holds them. (Mutant: `_positive_words` keeps the left-out words.)"""
    assert e10._titles(library, "tom hale -harbour") == []
    assert e10._titles(library, "tom hale NOT (harbour fees)") == []
    assert e10._titles(library, "smith -planning") == [BY_HER]
    assert e10._titles(library, "jane smith -zebra") == ["Council names new head of planning", BY_HER]
    assert e10._titles(library, "tom hale -zebra date:2023") == []
