"""`looks_like_html` after a run of comments (RV20 H1). The loader asks it of every page file,
`.txt` and `.md` too; a note that opened with 26 comment lines took 3 min 17 s, as each
comment's lazy `.*?` could run on to any later "-->" (2**k ways to split k comments). A
comment ends at its first "-->", as a browser reads it, so the run is read one way only."""

from __future__ import annotations

from newsreader.corpus.html_page import looks_like_html


def test_a_comment_ends_at_its_first_close() -> None:
    """"junk" after the first "-->" is text, not more of the comment: no document starts
    there, whatever tag comes after. (The old reading took "junk-->" into the comment.)"""
    assert not looks_like_html("<!-- a -->junk--><html><body>x</body></html>")
    assert not looks_like_html("<!-- a --> note --> <!doctype html>")


def test_a_run_of_comments_then_a_note_is_no_page() -> None:
    """Comments over a note with no tag after them (the hostile shape), and comments over a
    real document's start."""
    assert not looks_like_html("<!---->" * 200 + "x")
    assert not looks_like_html("<!-- note -->\n" * 26 + "Ring the council about the harbour.\n")
    assert looks_like_html("<!-- a -->" * 40 + "<!DOCTYPE html><html>")
    assert looks_like_html("  <!-- saved from url=(0042)https://x.example/ -->\n<html lang='en'>")
    assert not looks_like_html("<!-- a -->\n<p>Only a paragraph</p>")
