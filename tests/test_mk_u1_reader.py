"""The reader's findings of the new-user review U1 (round 28): the palette's double select (#0), `b`/`u` on a
story the screen does not show (#2), a bookmark whose story left the corpus (#9), the bookmarks screen's palette
(#6) and NO_COLOR with a light theme (#3)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList
from textual.widgets import Input

from newsreader.tui.commands import Palette
from tests.test_tui import NARROW, make_app, settle, sync, type_text


@sync
async def test_two_selections_queued_in_the_palette_close_it_once_and_run_once(seed_home, tmp_path: Path) -> None:
    """Two Enters read before the palette handles the first (keys 60 ms apart) each selected the highlighted
    line: the second dismiss popped the main screen's place (ScreenStackError, the reader gone) after the
    command ran; now the palette closes once and the command runs once."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, Palette)
        await type_text(pilot, "bookmark")
        await pilot.pause(0.5)  # (the palette's search)
        palette = app.screen
        field, listed = palette.query_one(Input), palette.query_one(CommandList)
        titles = [listed.get_option_at_index(n).hit.text for n in range(listed.option_count)]
        listed.highlighted = [str(title) for title in titles].index("Bookmark")
        field.post_message(Input.Submitted(field, field.value))  # two Enters, read together
        field.post_message(Input.Submitted(field, field.value))
        await pilot.pause(0.5)
        assert not isinstance(app.screen, Palette) and len(app.screen_stack) == 1
        assert len(app.store.list_bookmarks()) == 1  # (bookmarked once: a second run removed it)
    assert app.return_code in (0, None)


def test_an_error_the_reader_stops_on_is_one_line_and_exit_code_1(seed_home, tmp_path: Path, capsys,
                                                                  monkeypatch) -> None:
    """Textual printed its whole traceback, and a Quit queued after the error set the exit code back to 0."""
    from types import SimpleNamespace

    from rich.segment import Segment, Segments

    from newsreader.tui import app as reader

    def run(self: reader.ReaderApp) -> None:  # what Textual does on an error, then the queued Quit
        try:
            raise RuntimeError("Can't pop screen")
        except RuntimeError as error:
            self._handle_exception(error)
        self._print_error_renderables()
        self.exit(return_code=0)

    monkeypatch.setattr(reader.ReaderApp, "run", run)
    monkeypatch.setattr(reader.ReaderApp, "_fatal_error", lambda self: self._exit_renderables.append(
        Segments([Segment("Traceback (most recent call last):\n  ...\nRuntimeError: Can't pop screen\n")])))
    corpus, paths = seed_home
    own = type(paths)(tmp_path / "config", paths.data_dir, tmp_path / "cache")
    ctx = SimpleNamespace(paths=own, config=make_app(seed_home, tmp_path).config, config_warnings=[])
    assert reader.run_reader(ctx, corpus) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("newsreader: the reader stopped on an internal error (RuntimeError: Can't pop screen)")
    assert str(tmp_path / "cache" / "reader-error.txt") in line
    assert "Traceback" in (tmp_path / "cache" / "reader-error.txt").read_text(encoding="utf-8")


@sync
async def test_b_and_u_act_only_on_a_story_the_screen_shows(seed_home, tmp_path: Path) -> None:
    """Tab before opening anything (the empty article pane, full width at 80 columns), or a bookmark whose
    story left the corpus opened: `b` and `u` took the hidden list's highlighted story, and `b` removed a
    bookmark (tags and note) the user could not see."""
    from newsreader.store import Store

    store = Store.open(tmp_path / "state.sqlite3")
    app = make_app(seed_home, tmp_path, store=store)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "tab")
        await settle(pilot)
        assert app.current_pane() == "reader" and app.article_view.article is None
        await pilot.press("b", "u")
        await settle(pilot)
        assert store.list_bookmarks() == [] and not app.read_ids
        assert any("No article here" in str(n.message) for n in app._notifications)
        shown = app.article_list.current_row
        store.add_bookmark(shown.id, title=shown.title, tags=["kept"], note="my note")
        store.add_bookmark("gone-story-123", title="A story not in the corpus now")
        app.refresh_marks()
        app.open_article("gone-story-123")
        await settle(pilot)
        assert app.current_pane() == "reader"
        await pilot.press("b")
        await settle(pilot)
        kept = {b.article_id: b for b in store.list_bookmarks()}
        assert kept[shown.id].note == "my note" and list(kept[shown.id].tags) == ["kept"]
        assert "gone-story-123" not in kept  # (b removed the bookmark the pane shows)


@sync
async def test_a_bookmark_whose_story_left_the_corpus_opens_as_the_store_kept_it(seed_home, tmp_path: Path) -> None:
    """It opened as one line, "The article ... is no longer in the index.", with the key line offering ] and n,
    which did nothing there."""
    import datetime as dt

    from newsreader.store import Store
    from newsreader.tui.key_hints import KeyHints

    store = Store.open(tmp_path / "state.sqlite3")
    store.add_bookmark("gone-story-123", title="Ferries run again", source="Bayport Radio",
                       date=dt.date(2024, 5, 8), tags=["ferry"], note="ask Tom\nabout it",
                       url="https://radio.example/ferries", byline="Ann Lee")
    app = make_app(seed_home, tmp_path, store=store)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        app.open_article("gone-story-123")
        await settle(pilot)
        shown = app.article_view.placeholder
        for part in ("Ferries run again", "2024-05-08 · Bayport Radio · by Ann Lee", "Link: https://radio.example/ferries",
                     "Tags: ferry", "ask Tom\nabout it", "not in the corpus now", str(seed_home[0])):
            assert part in shown
        hints = app.main.query_one(KeyHints)
        assert hints.pane == "reader-gone"
        said = hints.hint_text(hints.pane).plain
        assert "names" not in said and "matches" not in said and "bookmark" in said
        await pilot.press("b")
        await settle(pilot)
        assert store.list_bookmarks() == []
        await pilot.press("b")  # (again: back, with its tags and note)
        await settle(pilot)
        (back,) = store.list_bookmarks()
        assert back.note == "ask Tom\nabout it" and back.url == "https://radio.example/ferries"


@sync
async def test_the_bookmarks_screens_palette_exports_the_bookmarks_it_shows(seed_home, tmp_path: Path,
                                                                           monkeypatch) -> None:
    """Ctrl+P over the bookmarks said "No matches found" for "export": the export was in the main screen's
    palette only. Over the bookmarks it exports what the screen lists (a tag's bookmarks when one is chosen)."""
    from newsreader.store import Store
    from newsreader.store.export import default_filename
    from newsreader.tui.bookmarks import BookmarksScreen

    store = Store.open(tmp_path / "state.sqlite3")
    app = make_app(seed_home, tmp_path, store=store)
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        first, second = (app.article_list.source.row(n) for n in (0, 1))
        store.add_bookmark(first.id, title=first.title, tags=["ferry"])
        store.add_bookmark(second.id, title=second.title)
        await pilot.press("B")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        screen.tag = "ferry"
        found = {c.title: c for c in app.get_system_commands(screen)}
        assert "'ferry'" in found["Export bookmarks"].help
        found["Export bookmarks"].callback()
        await settle(pilot)
    text = (tmp_path / default_filename("md")).read_text(encoding="utf-8")
    assert first.title in text and second.title not in text


def test_no_color_leaves_the_headline_in_the_themes_text_colour() -> None:
    """NO_COLOR with newsreader-light on a 16-colour terminal: the headline's colour, made readable on white,
    became a grey by Textual's NO_COLOR filter and then the 16-colour light grey (37 on 107: nearly invisible).
    Under NO_COLOR the headline, and a name in it, is the text colour, bold (a name underlined)."""
    from textual.color import Color

    from newsreader.tui.article_view import STYLE_VARIABLES, _highlight_styles

    values = tuple({"primary": "#0178d4", "background": "#ffffff"}.get(name) for name in STYLE_VARIABLES)
    ground = (Color.parse("#ffffff"), 0, True)
    plain = _highlight_styles(values, True, ground)
    assert plain["title"].color is None and plain["title"].bold
    assert all(plain["title-" + kind].color is None and plain["title-" + kind].underline
               for kind in ("person", "org", "place", "date"))
    coloured = _highlight_styles(values, False, ground)  # (colours without NO_COLOR, as before)
    assert coloured["title"].color is not None and coloured["title-person"].color is not None


@sync
async def test_a_bookmark_not_saved_stays_said_longer_than_one_saved(seed_home, tmp_path: Path) -> None:
    """'bookmark not saved: ... stayed busy; try again' went after ~4 s, like a success notice."""
    from newsreader.tui.app import UNSAVED_TIMEOUT

    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("b")  # (saved)
        await settle(pilot)
        saved = [n for n in app._notifications if n.message.startswith("Bookmarked: ")]

        async def busy(write):
            raise OSError("the bookmarks store stayed busy for 15 s; try again")

        app.store_write = busy
        await pilot.press("j", "b")
        await settle(pilot)
        failed = [n for n in app._notifications if n.message.startswith("bookmark not saved")]
    assert saved and failed and failed[0].timeout == UNSAVED_TIMEOUT > 4 * saved[0].timeout


@sync
async def test_a_date_being_typed_in_the_search_bar_is_no_error_until_enter(seed_home, tmp_path: Path) -> None:
    """`ferry date:2` said "'2' is not a date ..." in the status line at every key until the date was whole."""
    from newsreader.tui.app import field_being_typed

    assert field_being_typed("ferry date:2024-0") and field_being_typed("-date:2024..2")
    assert not field_being_typed("ferry date:2 ") and not field_being_typed("colour:red x")
    assert not field_being_typed("colour:re")  # (a field that does not exist: said at once)
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        for text in ("iran date:2", "0", "2", "4", "-0"):
            await type_text(pilot, text)
            await pilot.pause(0.4)
            await settle(pilot)
            assert app.search_error == ""
        await pilot.press("enter")  # ("date:2024-0" whole: said now)
        await settle(pilot)
        assert app.search_error


def test_a_bookmark_not_indexed_yet_is_not_said_gone_while_the_index_is_partial(tmp_path: Path) -> None:
    """RV31-A F1: while another run rebuilt the index, a bookmarked story not indexed yet was shown as gone
    from the corpus ("Put its page back"), though its page was still in the folder."""
    from newsreader.store.db import Bookmark
    from newsreader.tui.app import gone_bookmark_text

    kept = Bookmark(article_id="storm-1", title="Roads reopen after the storm", url="https://news.example/storm")
    gone = gone_bookmark_text(kept, tmp_path)
    assert "not in the corpus now" in gone and "Put its page back" in gone
    updating = gone_bookmark_text(kept, tmp_path, partial=True)
    assert "not in the index yet" in updating and "Put its page back" not in updating
    assert "Roads reopen after the storm" in updating and "Link: https://news.example/storm" in updating
