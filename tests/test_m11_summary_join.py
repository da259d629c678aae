"""M11 (review RV21-B #7): the reader marks a summary's names at offsets into its items joined by
`extract.SUMMARY_JOIN`; it stepped over the join as a hard-coded 2, so a change of the join would shift every mark
after the first item silently."""

from __future__ import annotations

from types import SimpleNamespace

from rich.style import Style

from newsreader.tui import article_view


def test_summary_marks_follow_the_join(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With a three-character join, a name in the second item is still marked on its own letters. (Mutant: the
    offset stepped by 2.)"""
    join = " | "
    monkeypatch.setattr(article_view, "SUMMARY_JOIN", join)
    items = ["Rates rise again.", "Orla Venn will speak."]
    start = len(items[0]) + len(join)
    stored = SimpleNamespace(article=SimpleNamespace(summary=items),
                             summary_entities=[{"start": start, "end": start + 9, "kind": "person"}],
                             summary_dates=[])
    person = Style(bold=True)
    styles = {"aside": Style(), "person": person, "org": Style(), "place": Style(), "date": Style()}
    texts = article_view.summary_texts(stored, styles)
    marked = [(t.plain[s.start:s.end], s.style) for t in texts for s in t.spans]
    assert marked == [("Orla Venn", person)]
