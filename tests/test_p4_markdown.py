"""P4: Markdown pages (.md). `# Title` kept its `#`, `*Published ...*` was no date line, `**By ...**` no byline and
`[text](url)` put addresses into the text. The loader now sets the signs aside and the parser's own rules apply.
Pages written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsreader.corpus.loader import read_page_file
from newsreader.corpus.markdown_page import markdown_to_text
from newsreader.corpus.parser import parse_page

STORY = """# Storm closes schools across three counties ##

*Published 24 January 2025*

**By Jane Doe**

Heavy snow closed schools on Tuesday, [the county office](https://example.org/office "Office") said.

![A snowy road](img/road.jpg)

The office said roads would stay closed, and that *all* buses and __every__ train were cancelled.

[1]: https://example.org
"""


def _parse(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page = read_page_file(path, 10_000_000)
    return page, parse_page(page.text, name)


def test_markdown_title_date_byline_and_links(tmp_path: Path) -> None:
    page, result = _parse(tmp_path, "story.md", STORY)
    [article] = result.articles
    assert page.kind == "markdown"
    assert article.title == "Storm closes schools across three counties"
    assert (article.date, article.byline) == (dt.date(2025, 1, 24), "Jane Doe")
    assert article.body == ["Heavy snow closed schools on Tuesday, the county office said.",
                            "The office said roads would stay closed, and that all buses and every train were cancelled."]
    assert len(page.text.split("\n")) == len(STORY.split("\n"))  # --explain's line numbers are the file's


def test_front_matter_title_and_date_make_the_header(tmp_path: Path) -> None:
    text = "---\ntitle: \"Library extends its hours\"\ndate: 2025-02-03\ntags: [a, b]\n---\n\nThe town library will stay open until nine on weekdays, the council said.\n"
    _, result = _parse(tmp_path, "front.md", text)
    assert [(a.title, a.date) for a in result.articles] == [("Library extends its hours", dt.date(2025, 2, 3))]


def test_signs_that_are_not_markdown_stay() -> None:
    """Emphasis signs must touch the words they wrap: arithmetic and snake_case names are left alone; a `---` rule
    under text is dropped, an underline `===` ends a heading."""
    assert markdown_to_text("It costs 2 * 3 * 4 dollars in file_name_here.") == "It costs 2 * 3 * 4 dollars in file_name_here."
    assert markdown_to_text("Title here\n=====\nText.") == "Title here\n\nText."
    assert markdown_to_text("> Quoted *line*") == "Quoted line"
    assert markdown_to_text("[1]: https://example.org/a\n---\nText") == "\n\nText"  # a link definition, a rule


def test_a_text_page_keeps_its_hashes(tmp_path: Path) -> None:
    """Only .md pages are read as Markdown: a .txt page's `# 1 in the charts` is its own text."""
    page, _ = _parse(tmp_path, "page.txt", "# 1 in the charts\n\nThe song went to number one on Friday, its label said.\n")
    assert page.text.startswith("# 1 in the charts") and page.kind == "text"


def test_an_unclosed_link_is_read_at_once() -> None:
    """A link left open ("[a](" and a long address) once made the link pattern try every split of the address:
    0.4 s at 22 characters, doubling with each one (this test hangs with it). Left as written."""
    text = "[a](" + "x" * 60
    assert markdown_to_text(text) == text
    assert markdown_to_text("*a " * 3000) == ("*a " * 3000).rstrip()


def test_heading_signs_and_long_blank_runs() -> None:
    """RV16: `(.*?)(?:\\s+#+)?\\s*$` and a lazy front-matter value tried every split of a long
    run of blanks (40,000: 15-20 s a line). The ends are now stripped in Python: a closing
    `#` run after a blank goes, `C#` stays, and blanks inside a heading are kept."""
    assert markdown_to_text("# Title #") == "Title"
    assert markdown_to_text("## Issue ##   ") == "Issue"
    assert markdown_to_text("# Learning C#") == "Learning C#"
    assert markdown_to_text("# a" + " " * 40_000 + "x") == "a" + " " * 40_000 + "x"
    text = "---\ntitle:   Spaced out   \ndate: 2025-02-03   \n---\n\nThe town library will stay open until nine.\n"
    assert markdown_to_text(text).splitlines()[0] == "date 2025-02-03 Spaced out"
