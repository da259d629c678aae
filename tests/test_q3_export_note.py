"""The Markdown export writes a bookmark's note as typed, line for line (Q2, item 9).

The note's lines were written raw: a line `- call back` became a bullet of the export, `# ...`
a heading, `---` turned the line above it into a heading, `> ` a quote. Read with a Markdown
parser (markdown-it, as Textual uses), the note is now one paragraph (or one per blank-line
break) whose text is the note's, its lines kept by hard breaks.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from newsreader.store.db import Bookmark
from newsreader.store.export import export_bookmarks

NOTES = [
    "call back\n- ask about the budget\n- and the vote",
    "first\n# not a heading\n## nor this",
    "above\n---",
    "above\n===",
    "steps:\n1. read\n2) write\n10. done",
    "> not quoted\n+ nor a list\n* nor this",
    "code?\n```\nx\n```\n~~~",
    "    indented four\n\tand a tab",
    "one paragraph\n\nanother after a blank line\n- still no list",
    "a *star* and a _line_ [link](x) <b>tag</b> | pipe \\ slash",
]


def _note_tokens(note: str) -> tuple[list[str], list[str]]:
    """The block token types and the inline text of the note's part of the export."""
    text = export_bookmarks([Bookmark("id-1", "Title", note=note)], "md", articles={})  # (its story gone)
    part = text[text.index("**Note:**"):text.index("_The article is not in the corpus")]
    tokens = MarkdownIt("commonmark").parse(part)
    blocks = [t.type for t in tokens if t.type != "inline"]
    words = []
    for t in tokens:
        if t.type == "inline":
            words += [c.content if c.type in ("text", "code_inline") else " " for c in t.children or []
                      if c.type in ("text", "code_inline", "hardbreak", "softbreak")] + [" "]
    return blocks, words


@pytest.mark.parametrize("note", NOTES)
def test_a_note_stays_paragraphs_of_its_own_text(note: str) -> None:
    blocks, words = _note_tokens(note)
    paragraphs = [p for p in note.strip().split("\n\n")]
    assert blocks == ["paragraph_open", "paragraph_close"] * len(paragraphs), blocks
    said = "".join(words).replace("Note:", "", 1).split()
    assert said == " ".join(note.split()).split()  # every word, as typed (markup characters too)


def test_each_line_of_a_note_keeps_its_line() -> None:
    text = export_bookmarks([Bookmark("id-1", "Title", note="call back\n- ask\n- vote")], "md")
    html = MarkdownIt("commonmark").render(text[text.index("**Note:**"):])
    assert "call back<br />\n- ask<br />\n- vote</p>" in html
