"""Pages grown long in one way (thousands of copies of a story, of "Updated ..." lines, of the
lines of a cut paragraph) are read with work linear in their length, and read as before; and
pages saved in odd ways (UTF-16) are read as text.

No test here times anything: each counts the calls of the step that used to repeat (ids made,
heading lines tested, the paragraph text handed to the join test), which the page's size bounds
linearly; and each checks the parse itself (the ids, the stories, the joined text) against what
the rules say. `bench/bench_long_inputs.py` gives the times.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsreader.corpus import parser as parser_mod
from newsreader.corpus.loader import read_page_file
from newsreader.corpus.model import article_id
from newsreader.corpus.parser import parse_page
from newsreader.errors import UserError


def _spy(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, record=lambda *args: args) -> list[Any]:
    """Replace `owner.name` by a function that calls it and appends `record(*args)` to the list returned."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def spy(*args):
        calls.append(record(*args))
        return real(*args)

    monkeypatch.setattr(owner, name, spy)
    return calls


def test_copies_of_one_story_are_numbered_in_page_order():
    """The k-th copy of the same title and text gets the id of its text with `#k`, the first
    copy none, as before the numbers were remembered; another story in between changes nothing."""
    story = "date 2024-08-03 Same Title Here\nSame body text for each one.\n"
    other = "date 2024-08-03 Other Title\nOther body.\n"
    page = story * 3 + other + story * 2
    articles = parse_page(page, "dup.txt").articles
    text = "Same body text for each one."
    expected = [article_id("dup.txt", "Same Title Here", text)] + [
        article_id("dup.txt", "Same Title Here", f"{text}#{k}") for k in (2, 3)]
    expected += [article_id("dup.txt", "Other Title")]
    expected += [article_id("dup.txt", "Same Title Here", f"{text}#{k}") for k in (4, 5)]
    assert [a.id for a in articles] == expected


def test_two_repeated_stories_keep_their_own_numbers():
    """Each (title, text) counts its own copies: B's second copy is `#2` though A reached `#3`."""
    a = "date 2024-08-03 Title A Here\nBody of A.\n"
    b = "date 2024-08-03 Title B Here\nBody of B.\n"
    articles = parse_page(a + b + a + a + b, "two.txt").articles
    assert [x.id for x in articles] == [
        article_id("two.txt", "Title A Here", "Body of A."),
        article_id("two.txt", "Title B Here", "Body of B."),
        article_id("two.txt", "Title A Here", "Body of A.#2"),
        article_id("two.txt", "Title A Here", "Body of A.#3"),
        article_id("two.txt", "Title B Here", "Body of B.#2"),
    ]


def test_copies_of_one_story_make_a_linear_number_of_ids(monkeypatch):
    """300 copies: each copy makes at most two ids (its own, taken, and its number), not one
    for every copy before it (45,000 ids when each search started again at `#2`)."""
    calls = _spy(monkeypatch, parser_mod, "article_id")
    copies = 300
    articles = parse_page("date 2024-08-03 Same Title Here\nSame body.\n" * copies, "dup.txt").articles
    assert len({a.id for a in articles}) == copies
    assert len(calls) <= 2 * copies


def test_run_of_date_lines_is_walked_once(monkeypatch):
    """A title then 300 "Updated ..." lines: the walk up to the title from each date line stops
    at the date line before it (whose walk found the title), so the heading lines are tested a
    number of times linear in the page, not 45,000; the story still has its title and date."""
    tested = _spy(monkeypatch, parser_mod._Page, "heading_filler")
    lines = 300
    page = "Title of the story here\n" + "Updated 03 August 2024\n" * lines + "Body text is here and long enough.\n"
    articles = parse_page(page, "upd.txt").articles
    assert [(a.title, a.date.isoformat() if a.date else None) for a in articles] == \
        [("Title of the story here", "2024-08-03")]
    assert len(tested) <= 20 * lines


def test_date_lines_between_stories_each_find_their_own_title():
    """Date lines under different titles each find the title just above them, not one found by
    an earlier date line's walk: the walk stops at a date line only when filler joins them."""
    page = ("First Story Title Here\nUpdated 03 August 2024\nFirst body text goes here. It is here.\n"
            "Second Story Title Here\nUpdated 04 August 2024\nUpdated 05 August 2024\n"
            "Second body text goes here. It is here.\n")
    articles = parse_page(page, "two.txt").articles
    assert [(a.title, a.date.isoformat()) for a in articles] == [
        ("First Story Title Here", "2024-08-03"), ("Second Story Title Here", "2024-08-05")]


def test_repeated_title_is_not_a_heading_block_of_its_own():
    """A date line right after a title's repeat ("Title / Updated / Title / Updated / body") finds
    the repeat above it; the repeat lies inside the story's heading (from its title to the
    repeat), so it opens no second story."""
    page = ("Storm Hits The Coast Town\nUpdated 03 August 2024\nStorm Hits The Coast Town\n"
            "Updated 04 August 2024\nThe storm hit the coast town at dawn. Nobody was hurt.\n")
    result = parse_page(page, "rep.txt")
    assert [a.title for a in result.articles] == ["Storm Hits The Coast Town"]
    assert [f.role for f in result.fates][:3] == ["title", "date", "title-repeat"]


def test_paragraph_cut_into_many_lines_is_joined_once(monkeypatch):
    """A paragraph cut into 400 lines comes back as one paragraph, its lines joined by spaces;
    the join test sees only the last line, not the paragraph so far (which made the reading of
    the paragraph quadratic: each line copied and searched all the text before it)."""
    seen = _spy(monkeypatch, parser_mod, "_should_join", lambda previous, current, cues: len(previous))
    first = "Start of the text that goes on and on here"
    line = "and more words in this line of the text"
    cut = 400
    page = f"Title Here Now\n{first}\n" + f"{line}\n" * cut + "A new paragraph starts here and ends. \n" + \
        f"{line}\n" * 2
    articles = parse_page(page, "cut.txt").articles
    assert len(articles) == 1
    assert articles[0].body == [" ".join([first] + [line] * cut), "A new paragraph starts here and ends.",
                                f"{line} {line}"]
    assert max(seen) <= len(first)


# Odd encodings ---------------------------------------------------------------------------


def test_page_saved_in_utf16_or_utf32_reads_as_its_utf8_copy(tmp_path: Path):
    """A page saved as UTF-16 or UTF-32 with its byte-order mark (Notepad's "Unicode") is half
    NUL bytes; it reads as the same text as its UTF-8 copy, not as a binary file."""
    text = "Café Opens In Zürich\nThe café opened on Monday. “Welcome,” it said.\n"
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(("\ufeff" + text).encode(encoding) if encoding.endswith("-be") else text.encode(encoding))
        page = read_page_file(path, max_bytes=1 << 20)
        assert page.text == text and page.warnings == []


def test_binary_file_opening_with_a_utf16_mark_is_still_binary(tmp_path: Path):
    """Bytes after a UTF-16 mark that are no UTF-16 (a lone surrogate) are a binary file, as before."""
    path = tmp_path / "image.txt"
    path.write_bytes(b"\xff\xfe" + bytes(range(256)) * 8)
    with pytest.raises(UserError, match="binary file"):
        read_page_file(path, max_bytes=1 << 20)
