"""K4 (E10's "not done"): the names and dates of the summary (and of the headline, in an index that
keeps them: N1's `title_entities`) were coloured in the article view but `]` and `[` stepped
through the body's only, so "3 of 7" did not count what the entity pane lists. They are stepped
through in reading order: headline, summary, body, each shown as the current mark on its line."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from newsreader.config import Config
from newsreader.store import Store
from newsreader.tui.app import ReaderApp, same_text
from newsreader.extract import SUMMARY_JOIN
from newsreader.tui.article_view import ArticleView, highlight_styles
from tests.test_e10_story_names import STANDFIRST_PAGE, _index
from tests.test_tui import NARROW, make_app, settle, sync

BRIDGE = "Council approves new river crossing after long delay"
#: A headline's name as N1's index keeps it (offsets into the title).
TITLE_NAME = {"start": 0, "end": 7, "kind": "org", "name": "City Council", "text": "Council"}


def _app(tmp_path: Path) -> tuple[ReaderApp, Any]:
    paths, corpus, library = _index(tmp_path, {"bridge.txt": STANDFIRST_PAGE})
    stored = library.get(next(row.id for row in library.list_rows(0, 10) if row.title == BRIDGE))
    library.close()
    app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                    watch_marks=False, update_index=False, related_delay=0)
    return app, stored


async def _open(app: ReaderApp, pilot: Any, stored: Any, shown: Any = None) -> ArticleView:
    """The story opened as the reader opens it (at 80x24 the reader pane alone), then shown as `shown`."""
    app.open_article(stored.article.id)
    await settle(pilot, 3)
    view = app.query_one(ArticleView)
    if shown is not None:
        view.show(shown)
        app.side.show_entities(shown.entities)
        await pilot.pause()
    assert view.size.height > 10
    return view


def _steps(view: ArticleView, n: int, forward: bool = True) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    for _ in range(n):
        view.action_next_mark() if forward else view.action_previous_mark()
        said.append((view.current.part, view.current.text))
    return said


def _current_on_screen(view: ArticleView) -> str:
    """The text painted as the current mark (reverse video) on the view's lines on screen."""
    return "".join(seg.text for y in range(view.size.height) for seg in view.render_line(y)
                   if seg.style is not None and seg.style.reverse and seg.style.underline)


@sync
async def test_brackets_step_through_the_summary_s_names_then_the_body_s(tmp_path: Path):
    app, stored = _app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        view = await _open(app, pilot, stored)
        body = [m for m in view.marks if m.part == "body"]
        assert body and [m.text for m in view.marks if m.part == "summary"] == ["Maria Okonkwo", "three years"]
        said = _steps(view, 2 + len(body))
        assert said[:2] == [("summary", "Maria Okonkwo"), ("summary", "three years")]
        assert said[2:] == [("body", m.text) for m in body]
        view.action_next_mark()  # (round to the first again)
        assert (view.current.part, view.current.text) == ("summary", "Maria Okonkwo")
        await pilot.pause()
        assert _current_on_screen(view) == "Maria Okonkwo"
        assert _steps(view, 1, forward=False) == [("body", body[-1].text)]


@sync
async def test_the_headline_s_names_come_first_and_the_pane_counts_them(tmp_path: Path):
    app, stored = _app(tmp_path)
    titled = SimpleNamespace(**vars(stored))
    titled.title_entities, titled.title_dates = [TITLE_NAME], []
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        view = await _open(app, pilot, stored, titled)
        assert _steps(view, 2) == [("title", "Council"), ("summary", "Maria Okonkwo")]
        view.action_previous_mark()
        await pilot.pause()
        assert view.current.label == "City Council" and _current_on_screen(view) == "Council"
        prompts = [str(app.side.query_one("#entities").get_option_at_index(i).prompt)
                   for i in range(app.side.query_one("#entities").option_count)]
        assert any("City Council" in p for p in prompts) and any("Maria Okonkwo" in p for p in prompts)
        # Coloured as the org it is, on the headline's line (the first line of the view).
        org = highlight_styles(app)["org"].color
        assert [seg.text for seg in view.render_line(0) if seg.style is not None and seg.style.color == org] \
            == ["Council"]


@sync
async def test_a_name_in_the_summary_s_second_paragraph_is_found_past_the_join(tmp_path: Path):
    """The summary's spans count its paragraphs joined by SUMMARY_JOIN: the view steps over it."""
    app, stored = _app(tmp_path)
    first = "Transport chief Maria Okonkwo says the bridge will open soon"
    second = "Work starts in Leeds next spring"
    start = len(first) + len(SUMMARY_JOIN) + second.index("Leeds")
    two = SimpleNamespace(**vars(stored))
    two.article = dataclasses.replace(stored.article, summary=[first, second])
    two.summary_entities = [{"start": 16, "end": 29, "kind": "person", "name": "Maria Okonkwo", "text": "Maria Okonkwo"},
                            {"start": start, "end": start + 5, "kind": "place", "name": "Leeds", "text": "Leeds"}]
    two.summary_dates = []
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        view = await _open(app, pilot, stored, two)
        assert _steps(view, 2) == [("summary", "Maria Okonkwo"), ("summary", "Leeds")]
        await pilot.pause()
        assert _current_on_screen(view) == "Leeds"


def test_a_re_index_that_changes_only_the_summary_s_names_is_not_the_same_text(tmp_path: Path) -> None:
    """(The open article is shown again with the new marks: E10 found it kept the old ones.)"""
    stored = _app(tmp_path)[1]
    changed = SimpleNamespace(**vars(stored))
    changed.summary_entities = []
    assert same_text(stored, SimpleNamespace(**vars(stored))) and not same_text(stored, changed)


ASIF = "Pakistan has had no new military cooperation with Iran since Israeli strikes"


@sync
async def test_the_indexed_headline_s_names_are_stepped_first_and_stand_out_in_its_bold(seed_home, tmp_path: Path):
    """With N1's index (the headline extracted): a seed's headline names a person (Asif) in the
    headline's own colour (people take the primary colour): drawn bold as the headline and
    underlined, it stands out; in the person style alone it was the headline's colour, un-bolded."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        row = next(r for r in app.library.list_rows(0, 50) if r.title.startswith(ASIF))
        view = await _open(app, pilot, app.library.get(row.id))
        titled = [m.text for m in view.marks if m.part == "title"]
        assert "Asif" in titled and "Pakistan" in titled
        styles = highlight_styles(app)
        assert styles["person"].color == styles["title"].color
        head = [seg for y in range(2) for seg in view.render_line(y) if seg.text == "Asif"]
        assert head and all(seg.style.bold and seg.style.underline for seg in head), head
        assert _steps(view, 1) == [("title", titled[0])]


def test_with_no_colours_every_headline_name_is_underlined_in_its_bold() -> None:
    """NO_COLOR: the headline is bold, as the names' own style is: only the underline tells them."""
    from newsreader.tui.article_view import STYLE_VARIABLES, _highlight_styles

    plain = _highlight_styles(tuple(None for _ in STYLE_VARIABLES), True, None)
    assert all(plain["title-" + kind].bold and plain["title-" + kind].underline
               for kind in ("person", "org", "place", "date"))
