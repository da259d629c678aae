"""M11 (review RV21-B #5): a name narrowed by a date lost the stories the person only wrote (`search "tom hale
date:2024"` found nothing where `search "tom hale"` found the byline's story): the byline alternative was made only
for a query of nothing but words. It now stays under the dates (and, S4, beside a word left out:
tests/test_s4_byline_left_out.py). The corpus is E10's: Tom Hale is only the byline of one story,
dated March 5, 2024."""

from __future__ import annotations

from tests import test_e10_byline_search as e10

library = e10.library  # (the fixture: three stories, one by Jane Smith, one about her, one by Tom Hale)
BY_HIM = "Harbour fees rise for fishing boats"


def test_byline_kept_under_a_date(library) -> None:  # type: ignore[no-untyped-def]
    """The author's story is found with a date, or dates, that fit it, for words or a phrase. (Mutant:
    `_with_byline` leaves an And as it is.)"""
    for query in ("tom hale date:2024", '"tom hale" date:2024', "tom date:2024 hale",
                  "tom hale date:2024 date:2024-03", "tom AND hale date:2024"):
        assert e10._titles(library, query) == [BY_HIM], query


def test_dates_still_filter_the_byline(library) -> None:  # type: ignore[no-untyped-def]
    """A date that does not fit still drops the story; the byline must hold every word. (Mutant: the byline
    alternative wraps the whole dated query, or takes the date's words for the byline's.)"""
    assert e10._titles(library, "tom hale date:2023") == []
    assert e10._titles(library, "tom hale date:2024-04") == []
    assert e10._titles(library, "tom smith date:2024") == []
