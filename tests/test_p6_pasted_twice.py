"""A page pasted twice into one text file (Q8 #11) was two identical stories in the list and in search. The second
copy of a whole story (title, text, date, byline) is dropped, and --explain says which story it repeats."""

from __future__ import annotations

from newsreader.corpus.parser import parse_page

STORY = ("Harbour bridge reopens after repairs\nBy Ana Costa\nMarch 3, 2025\n\n"
         "The harbour bridge reopened to traffic on Monday after six months of repairs to its deck.\n\n"
         "Drivers had faced long detours since September.\n\n")


def test_a_story_pasted_twice_is_one_story() -> None:
    result = parse_page(STORY + STORY, "p.txt")
    assert [(a.title, a.byline, str(a.date)) for a in result.articles] == [
        ("Harbour bridge reopens after repairs", "Ana Costa", "2025-03-03")]
    repeated = [f for f in result.fates if f.text.startswith("The harbour bridge")]
    assert len(repeated) == 2 and repeated[1].dropped and "copy of story 1" in repeated[1].note


def test_the_same_title_over_other_text_is_another_story() -> None:
    other = STORY.replace("Drivers had faced long detours since September.", "Cyclists get a lane of their own.")
    assert len(parse_page(STORY + other, "p.txt").articles) == 2


def test_stories_under_date_headers_are_all_kept() -> None:
    """A header marks a story as the converters or the user wrote it: copies stay, with their own ids."""
    page = "date 2025-03-03 Harbour bridge reopens\nThe bridge reopened on Monday after repairs.\n" * 2
    assert len({a.id for a in parse_page(page, "p.txt").articles}) == 2
