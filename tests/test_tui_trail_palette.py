"""Esc walks back through related stories (A -> B -> C, Esc, Esc, Esc: C -> B -> A -> the
list), and the command palette (Ctrl+P) offers the reader's actions with their keys, not
Textual's Screenshot and Maximize."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from newsreader.config import Config, Paths
from newsreader.tui.app import TRAIL_LIMIT, ReaderApp
from newsreader.tui.side_pane import RelatedList
from tests.test_tui import NARROW, WIDE, make_app, settle, sync, type_text


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Paths]) -> tuple[Path, Paths]:
    return indexed_seeds


async def open_related(pilot, index: int = 0) -> str:
    """Enter on the open article's related story `index`; its id."""
    app = pilot.app
    await pilot.press("r")
    related = app.side.query_one(RelatedList)
    related.highlighted = index
    chosen = related.get_option_at_index(index).id
    assert chosen
    await pilot.press("enter")
    await settle(pilot)
    assert app.article_view.article.id == chosen
    return chosen


@contextlib.asynccontextmanager
async def reading(seed_home, tmp_path, size=WIDE):
    """The reader with the first article of the list open (the pilot)."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        yield pilot


def mark_line(app: ReaderApp) -> str:
    return str(app.main.query_one("#mark-status").render())


@pytest.mark.parametrize("size", [WIDE, NARROW])
@sync
async def test_esc_walks_back_through_related_stories(seed_home, tmp_path, size):
    async with reading(seed_home, tmp_path, size) as pilot:
        app = pilot.app
        view = app.article_view
        a = view.article.id
        await pilot.press("j", "j", "j")  # scrolled a little
        a_scroll = view.scroll_offset.y
        assert a_scroll == 3
        await pilot.press("r", "j")  # the second related story is highlighted
        a_related = [app.side.query_one(RelatedList).get_option_at_index(i).id for i in range(2)]
        await pilot.press("enter")
        await settle(pilot)
        b = view.article.id
        assert b == a_related[1] and view.scroll_offset.y == 0
        assert len(app.trail) == 1 and "← 1 · " in mark_line(app)
        c = await open_related(pilot, 0)
        assert len(app.trail) == 2 and "← 2 · " in mark_line(app)
        assert app.main.query_one("#hints").pane == "reader-back"

        await pilot.press("escape")  # C -> B
        await settle(pilot)
        assert view.article.id == b and app.current_pane() == "reader" and len(app.trail) == 1
        await pilot.press("escape")  # B -> A, where it was
        await settle(pilot)
        assert view.article.id == a and app.current_pane() == "reader"
        assert view.scroll_offset.y == a_scroll
        related = app.side.query_one(RelatedList)
        assert related.highlighted == 1 and related.get_option_at_index(1).id == a_related[1]
        assert app.trail == [] and "←" not in mark_line(app)
        assert app.main.query_one("#hints").pane == "reader"
        await pilot.press("escape")  # A -> the list
        await settle(pilot)
        assert app.current_pane() == "list" and view.article.id == a
        assert c  # (three different steps)


@sync
async def test_esc_from_the_side_pane_goes_to_its_article_first(seed_home, tmp_path):
    async with reading(seed_home, tmp_path) as pilot:
        app = pilot.app
        a = app.article_view.article.id
        b = await open_related(pilot)
        await pilot.press("r", "escape")
        assert app.current_pane() == "reader" and app.article_view.article.id == b
        await pilot.press("escape")
        await settle(pilot)
        assert app.article_view.article.id == a


@sync
async def test_an_article_from_the_list_starts_a_new_trail(seed_home, tmp_path):
    async with reading(seed_home, tmp_path) as pilot:
        app = pilot.app
        await open_related(pilot)
        assert len(app.trail) == 1
        await pilot.press("shift+tab", "j", "enter")  # the list, the next article
        await settle(pilot)
        assert app.trail == []
        opened = app.article_view.article.id
        await pilot.press("escape")
        assert app.current_pane() == "list" and app.article_view.article.id == opened


@sync
async def test_the_trail_is_bounded(seed_home, tmp_path):
    async with reading(seed_home, tmp_path) as pilot:
        app = pilot.app
        opened = [app.article_view.article.id]
        for _ in range(TRAIL_LIMIT + 3):
            opened.append(await open_related(pilot))
        # the articles left, the three oldest forgotten
        assert [step.stored.article.id for step in app.trail] == opened[3:-1]
        assert len(app.trail) == TRAIL_LIMIT


@sync
async def test_going_back_does_not_look_for_related_stories_again(seed_home, tmp_path):
    asked: list[str] = []
    async with reading(seed_home, tmp_path) as pilot:
        app = pilot.app
        await open_related(pilot)
        finder = app.finder
        real = finder.related

        def counting(article_id, limit=10):
            asked.append(article_id)
            return real(article_id, limit=limit)

        finder.related = counting
        await pilot.press("escape")
        await settle(pilot)
        assert asked == []
        assert app.side.query_one(RelatedList).option_count > 1


# --- the palette ---------------------------------------------------------------------------


async def palette(pilot, text: str, open_it: bool = True) -> None:
    """Ctrl+P (unless a palette is open already), `text` typed, Enter on the best hit."""
    if open_it:
        await pilot.press("ctrl+p")
        await pilot.pause()
    await type_text(pilot, text)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)


def commands(app: ReaderApp, screen=None) -> dict[str, object]:
    return {c.title: c for c in app.get_system_commands(screen or app.screen)}


@sync
async def test_palette_offers_the_readers_actions_with_their_keys(seed_home, tmp_path):
    app = make_app(seed_home, tmp_path, config=Config(keymap={"bookmark": "x"}))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        found = commands(app)
        assert "Screenshot" not in found and "Maximize" not in found and "Minimize" not in found
        for title, key in [("Search", "(/)"), ("Bookmarks", "(B)"), ("Saved searches", "(s)"),
                           ("Related stories", "(r)"), ("Keys", "(?)"), ("Quit", "(q)"), ("Bookmark", "(x)")]:
            assert key in found[title].help, title
        assert {"Theme", "Update the index", "Rebuild the index", "All articles"} <= set(found)
        assert found["Theme: newsreader-light"].discover is False
        # Keys is the reader's own screen, with the binding ids
        from newsreader.tui.dialogs import HelpScreen

        found["Keys"].callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        over_help = commands(app)
        assert "Keys" not in over_help and "Search" not in over_help and "Quit" in over_help


@sync
async def test_palette_reads_the_keys_once_an_opening_not_at_every_key(seed_home, tmp_path, monkeypatch):
    """The palette asks for its commands at every key typed; reading every binding for each
    key hint cost 0.9 ms a key. The hints are built once each time it opens."""
    from newsreader.tui import commands as palette_module

    built: list[int] = []
    real = palette_module.binding_hints

    def counted(app):
        built.append(1)
        return real(app)

    monkeypatch.setattr(palette_module, "binding_hints", counted)
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "bookm")
        await pilot.pause(0.5)
        assert len(built) == 1
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "se")
        await pilot.pause(0.5)
        assert len(built) == 2


@sync
async def test_palette_over_the_bookmarks_offers_no_main_screen_actions(seed_home, tmp_path):
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await pilot.pause()
        found = commands(app)
        assert set(found) - {t for t in found if t.startswith("Theme")} == {"Keys", "Quit", "Export bookmarks"}
        # `q` closes the bookmarks: no key said but Ctrl+Q
        assert found["Quit"].help == "quit the reader (Ctrl+Q)" and found["Keys"].help.endswith("(?)")


@sync
async def test_palette_runs_an_action_by_name(seed_home, tmp_path):
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await palette(pilot, "bookmarks")
        from newsreader.tui.bookmarks import BookmarksScreen

        assert isinstance(app.screen, BookmarksScreen)


@sync
async def test_palette_theme_lists_the_readers_themes_first_and_saves_the_choice(seed_home, tmp_path):
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.yaml").write_text("name: zz-mine\ncolors: {primary: '#00afaf'}\nhighlights: {date: red}\n")
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        from newsreader.tui.commands import theme_names

        names = theme_names(app)
        assert names[:5] == ["newsreader-ansi", "newsreader-dark", "newsreader-high-contrast",
                             "newsreader-light", "zz-mine"]
        assert "textual-dark" in names[5:]
        await palette(pilot, "theme")  # "Theme": the picker
        await palette(pilot, "zz-mine", open_it=False)
        assert app.theme == "zz-mine"
        assert app.store.get_pref("theme") == "zz-mine"


@sync
async def test_palette_update_says_when_done_and_never_runs_two(seed_home, tmp_path):
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        started: list[bool] = []
        app.update_index_worker = lambda rebuild=False: started.append(rebuild)  # type: ignore[method-assign]
        app.indexing = True
        app.action_update_index(True)
        await pilot.pause()
        assert started == [] and any("already" in n.message for n in app._notifications)
        app.indexing = False
        app.action_update_index(True)
        assert started == [True]
        app._index_finished("", False)
        await pilot.pause()
        assert any(n.message == "the index is up to date" for n in app._notifications)


@sync
async def test_the_trail_depth_is_plain_ascii_on_the_linux_console(seed_home, tmp_path):
    """The console's font may lack the arrow (as it lacks ⏎): `<-` there."""
    async with reading(seed_home, tmp_path) as pilot:
        pilot.app.glyphs = "ascii"
        await open_related(pilot)
        assert mark_line(pilot.app).startswith("<- 1 · [ ] names and dates")
