"""Mends of RV28-B's findings on the HTML reader's links (X1's headline-link work): the cost of many open links,
skip-link headings, a story shown twice on one front page, and the headline links' addresses."""

from __future__ import annotations

import pytest

from newsreader.corpus import html_page
from newsreader.corpus.html_page import html_to_text


def test_the_open_links_are_not_asked_again_at_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """n links left open, each before a paragraph: each link's address is looked at once, not once more at
    every line after it (n²: 8,000 such links, 0.5 MB, took 43 s; RV28-B #4). Counted, not timed."""
    asked = 0
    leads_off = html_page._Reader._leads_off

    def counting(self, href: str) -> bool:
        nonlocal asked
        asked += 1
        return leads_off(self, href)

    monkeypatch.setattr(html_page._Reader, "_leads_off", counting)
    n = 300
    html_to_text("<html><body>" + "".join(f"<a href='#n{i}'><p>Paragraph {i} of the story goes on here.</p>"
                                                    for i in range(n)) + "</body></html>")
    assert asked <= 2 * n
