"""T6 (Q6 #1, #6, #8): the reader's colours stay readable in every bundled theme, with
NO_COLOR, and when the theme changes while an article is open."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path

import pytest
from rich.color import Color as RichColor

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui.app import ReaderApp
from newsreader.tui.side_pane import EntityList

BUNDLED = ["newsreader-dark", "newsreader-light", "newsreader-high-contrast", "newsreader-ansi"]


def sync(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))
    return wrapper


def make_app(seeds: tuple[Path, Paths], tmp_path: Path, theme: str) -> ReaderApp:
    corpus, shared = seeds
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    return ReaderApp(paths, Config(theme=theme), corpus, store=Store.open(tmp_path / "state.sqlite3"),
                     update_index=False, related_delay=0, blink=False, watch_marks=False)


async def settle(pilot, rounds: int = 2) -> None:
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def luminance(colour: RichColor, app) -> float:
    """WCAG relative luminance of a colour as painted (ANSI colours in the app's palette)."""
    triplet = colour.get_truecolor(app.ansi_theme)
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(triplet.red) + 0.7152 * channel(triplet.green) + 0.0722 * channel(triplet.blue)


def contrast(fg: RichColor, bg: RichColor, app) -> float:
    a, b = sorted((luminance(fg, app), luminance(bg, app)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def painted(app, widget, y: int):
    """The segments of a widget's line as the terminal gets them (the app's filters, such as
    NO_COLOR's, applied)."""
    strip = widget.render_line(y)
    for f in app._filters:
        strip = strip.apply_filter(f, app.background_colors[0] if hasattr(app, "background_colors") else None)
    return list(strip)


def highlighted_name(app, lst: EntityList) -> list:
    option = lst.get_option_at_index(lst.highlighted)
    name = option.id.partition("\t")[2]
    y = lst._index_to_line[lst.highlighted] - lst.scroll_offset.y
    segments = [s for s in painted(app, lst, y) if s.text.strip() and s.text.strip() in name]
    assert segments, (name, [s.text for s in painted(app, lst, y)])
    return segments


@pytest.mark.parametrize("no_color", [False, True])
@pytest.mark.parametrize("theme", BUNDLED)
@sync
async def test_the_highlighted_name_is_readable(indexed_seeds, tmp_path, monkeypatch, theme, no_color):
    """Q6 #1: the highlighted person was drawn in the person colour (the theme's primary) on
    the cursor (primary too): fg == bg, in every bundled theme but the ANSI one and with
    NO_COLOR. Every kind's highlighted name keeps a 3:1 contrast with the row."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(indexed_seeds, tmp_path, theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        lst = app.side.query_one(EntityList)
        assert app.focused is lst
        kinds_seen = set()
        for _ in range(lst.option_count):
            kind = lst.get_option_at_index(lst.highlighted).id.partition("\t")[0]
            if kind not in kinds_seen:
                kinds_seen.add(kind)
                for seg in highlighted_name(app, lst):
                    fg, bg = seg.style.color, seg.style.bgcolor
                    if app.current_theme.ansi:
                        continue  # the terminal's own pair (its text on its magenta) decides
                    assert contrast(fg, bg, app) >= 3, (theme, kind, seg)
            await pilot.press("j")
        assert kinds_seen == {"person", "org", "place"}


@sync
async def test_a_theme_change_restyles_the_entities_pane(indexed_seeds, tmp_path):
    """Q6 #6: the pane kept the old theme's person colour (light blue on white) until another
    article was opened. After a switch its names take the new theme's colour."""
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        lst = app.side.query_one(EntityList)
        lst.highlighted = None  # every name in its own colour

        def person_colours() -> set:
            out = set()
            for y in range(lst.size.height):
                for seg in lst.render_line(y):
                    if seg.style and seg.style.color and seg.text.strip() and seg.style.color.triplet:
                        out.add(seg.style.color.triplet.hex)
            return out

        from newsreader.tui.article_view import highlight_styles

        await pilot.pause()
        dark = highlight_styles(app)["person"].color.triplet.hex  # (at the test terminal's depth)
        assert dark in person_colours()
        app.theme = "newsreader-light"
        await settle(pilot)
        light = highlight_styles(app)["person"].color.triplet.hex
        colours = person_colours()
        assert dark != light and dark not in colours and light in colours, colours


def theme_app(theme, color_system: str):
    """What `highlight_styles` reads of an app showing `theme` at a colour depth (Textual's
    variables for it, with the reader's highlight defaults for themes that give none)."""
    from types import SimpleNamespace

    from newsreader.tui.themes import HIGHLIGHT_DEFAULTS

    variables = {**HIGHLIGHT_DEFAULTS, **theme.to_color_system().generate()}
    return SimpleNamespace(theme_variables=variables, current_theme=theme, no_color=False,
                           console=SimpleNamespace(color_system=color_system))


def every_theme():
    from textual.theme import BUILTIN_THEMES

    from newsreader.resources import themes_dir
    from newsreader.tui.themes import load_themes

    return [t for t in [*load_themes([themes_dir()]).themes, *BUILTIN_THEMES.values()] if not t.ansi]


@pytest.mark.parametrize("theme", every_theme(), ids=lambda t: t.name)
def test_highlights_keep_contrast_with_the_background(theme):
    """Q6 #8: Textual's light themes drew people, organisations and places in the dark
    defaults (bright cyan, yellow, green on white at 16 colours), newsreader-light its
    organisations in yellow on white. Each kind keeps WCAG 4.5:1 with the background in
    true colour, and 3:1 as a 16-colour terminal paints them (its nearest colours), apart
    from the text and from each other there."""
    from textual.color import Color

    from newsreader.tui.article_view import highlight_styles
    from newsreader.tui.themes import TERMINAL_16, contrast, nearest_16

    truecolor = highlight_styles(theme_app(theme, "truecolor"))
    sixteen = highlight_styles(theme_app(theme, "standard"))
    variables = theme_app(theme, "truecolor").theme_variables
    bg = Color.parse(variables["background"]).rgb
    text16 = nearest_16(Color.parse(variables["foreground"]).rgb)
    kinds16 = []
    for kind in ("person", "org", "place", "date", "title"):
        assert contrast(tuple(truecolor[kind].color.triplet), bg) >= 4.5, kind
        n = nearest_16(tuple(sixteen[kind].color.triplet))
        assert contrast(TERMINAL_16[n], TERMINAL_16[nearest_16(bg)]) >= 3, (kind, n)
        kinds16.append(n)
    assert len(set(kinds16[:3])) == 3 and text16 not in kinds16[:3], kinds16


@pytest.mark.parametrize("theme", ["atom-one-dark", "gruvbox", "monokai", "newsreader-light", "newsreader-dark"])
@sync
async def test_entity_group_headings_are_readable(indexed_seeds, tmp_path, theme):
    """Q6 #8: "People (n)" (a disabled option, in Textual's $text-disabled) was grey on grey
    at 16 colours (90 on 100) in several dark themes, light grey on white in newsreader-light.
    It keeps 4.5:1 with the pane, and differs from it as a 16-colour terminal paints it."""
    from newsreader.tui.themes import TERMINAL_16, contrast, nearest_16

    app = make_app(indexed_seeds, tmp_path, theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        lst = app.side.query_one(EntityList)
        heading = [s for s in lst.render_line(0) if s.text.strip()]
        assert heading[0].text.startswith("People"), heading
        fg, bg = tuple(heading[0].style.color.triplet), tuple(heading[0].style.bgcolor.triplet)
        assert contrast(fg, bg) >= 4.5
        assert contrast(TERMINAL_16[nearest_16(fg)], TERMINAL_16[nearest_16(bg)]) >= 3


@sync
async def test_rebuild_from_the_palette_asks_first(indexed_seeds, tmp_path, monkeypatch):
    """Q6 #5: "Rebuild the index" ran at once and emptied the list for ~50 s (3k pages). It
    asks: n and Esc leave the index alone, y rebuilds."""
    from newsreader.tui.dialogs import ConfirmScreen

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    started: list[bool] = []
    monkeypatch.setattr(app, "update_index_worker", lambda rebuild=False: started.append(rebuild))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rebuild = {c.title: c for c in app.get_system_commands(app.screen)}["Rebuild the index"]
        for key in ("n", "escape", "y"):
            rebuild.callback()
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen) and not started
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmScreen)
        assert started == [True]
        # While it rebuilds the emptied list says what the first build says, not "No articles."
        assert app.article_list.empty_text.startswith("No articles yet: they appear here")


@sync
async def test_g_and_G_in_the_side_panes(indexed_seeds, tmp_path):
    """Q6 #11: g and G did nothing in the entities and related panes (they work in the list
    and the article; an article can name 198 people)."""
    from newsreader.tui.side_pane import RelatedList

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for key, cls in (("e", EntityList), ("r", RelatedList)):
            await pilot.press(key)
            await settle(pilot)
            lst = app.side.query_one(cls)
            assert app.focused is lst
            first = lst.highlighted
            await pilot.press("G")
            last = max(i for i in range(lst.option_count) if not lst.get_option_at_index(i).disabled)
            assert lst.highlighted == last != first
            await pilot.press("g")
            assert lst.highlighted == first


def help_lines(app) -> list[str]:
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    static = app.screen.query_one(VerticalScroll).query_one(Static)
    return [static.render_line(y).text.rstrip() for y in range(static.size.height)]


@sync
async def test_help_labels_and_rows(indexed_seeds, tmp_path):
    """Q6 #12: the help said `]` "Names" beside `[` "Prev name/date" (and `n` "Matches"),
    `q` "Quit" under "Everywhere" (in the help and the bookmarks q closes them), and gave
    the keys 1 to 9 nine rows, a whole 80x24 screen."""
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        lines = help_lines(app)
        text = "\\n".join(lines)
        assert "Everywhere" not in text
        assert any("Next name/date" in line and "reader.next-entity" in line for line in lines)
        assert any("Next match" in line and "reader.next-match" in line for line in lines)
        assert any(line.startswith("1-9") for line in lines)
        assert not any("saved-search-5" in line for line in lines)
        assert app.screen.query_one("VerticalScroll").scroll_offset.y == 0


@sync
async def test_help_from_the_bookmarks_opens_at_their_keys(indexed_seeds, tmp_path):
    """Q6 #12: `?` in the bookmarks opened the help at its top (the main screen's keys); the
    bookmarks' section was ~50 lines down."""
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("question_mark")
        await settle(pilot)
        scroll = app.screen.query_one("VerticalScroll")
        top = scroll.scroll_offset.y
        shown = help_lines(app)[top:top + scroll.size.height]
        assert top > 10 and "Bookmarks (B)" in shown, shown  # (its last section: as far as it scrolls)


@sync
async def test_search_from_the_article_at_80_columns_shows_the_list(indexed_seeds, tmp_path):
    """Q6 #3: at 80 columns (one pane at a time) `/` from the article left the article on
    screen while the list it searched "as you type" stayed hidden until Enter."""
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.query_one("#reader-pane")
        assert reader.display and not app.article_list.display
        await pilot.press("slash", *"iran")
        await settle(pilot)
        assert app.article_list.display and not reader.display
        assert app.focused is app.search_input and app.article_list.count >= 1


@sync
async def test_S_on_all_articles_has_no_search_to_save(indexed_seeds, tmp_path):
    """Q6 #10: `/` org:hamas Enter, Esc (back to All articles), S offered 'org:hamas' under a
    status line saying "All articles". It says there is no search to save there."""
    from newsreader.tui.dialogs import PromptScreen

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"iran", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.article_list.source.label.startswith("All articles")
        await pilot.press("S")
        await pilot.pause()
        assert not isinstance(app.screen, PromptScreen)
        assert any("no search to save in All articles" in n.message for n in app._notifications)
        await pilot.press("slash", *"iran", "enter")  # a search shown is still saved
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen) and "'iran'" in app.screen.question


@sync
async def test_deleting_a_saved_search_asks_and_says_what_went(indexed_seeds, tmp_path):
    """Q6 #4: `d` in the saved searches deleted at once, with no word, and the search that
    was 2 then answered to 1. It asks (y), says what was deleted and which number moved; a
    search run from the list is labelled by its name."""
    from newsreader.tui.dialogs import ConfirmScreen, SavedSearchesScreen

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    app.store.save_search("gw", "gwadar")
    app.store.save_search("imran", 'person:"Imran Khan"')
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SavedSearchesScreen) and len(app.store.list_searches()) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert [s.name for s in app.store.list_searches()] == ["imran"]
        said = [n.message for n in app._notifications]
        assert any("deleted the saved search 'gw' (gwadar)" in m and "'imran' becomes 1" in m for m in said), said
        await pilot.press("1")
        await settle(pilot)
        assert app.article_list.source.label.startswith("Saved search 'imran'")


def status_text(app) -> str:
    return str(app.main.query_one("#status").render())


@sync
async def test_the_unread_count_under_a_filtered_list_says_it_is_the_corpus(indexed_seeds, tmp_path):
    """Q6 #9: "Stories mentioning Israel (place): 6 · 8 unread" read as 8 of these 6."""
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "9 unread" in status_text(app) and "in all" not in status_text(app)
        await pilot.press("slash", *"iran", "enter")
        await settle(pilot)
        assert "9 unread in all" in status_text(app), status_text(app)


@sync
async def test_enter_on_a_date_lists_that_days_stories(indexed_seeds, tmp_path):
    """Q6 #11: Enter on a date in the article did nothing and said nothing."""
    from newsreader.tui.article_view import CALENDAR

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.article_view
        for row in range(app.article_list.count):
            app.article_list.cursor = row
            await pilot.press("enter")
            await settle(pilot)
            view.ensure_laid_out()
            dates = [i for i, m in enumerate(view.marks) if m.kind == "date" and CALENDAR.fullmatch(m.value)]
            if dates:
                break
            await pilot.press("escape")
        assert dates, "no seed article with a calendar date"
        for _ in range(dates[0] + 1):
            await pilot.press("right_square_bracket")
        mark = view.current
        assert mark.kind == "date"
        opened = app.article_list.current_row.id
        await pilot.press("enter")
        await settle(pilot)
        source = app.article_list.source
        # The stories of that day and those naming it (S3): the story the date was in is one.
        assert source.query == f"date:{mark.value} OR mentions:{mark.value}", source.query
        assert source.label.startswith("Stories dated or mentioning "), source.label
        assert opened in [r.id for r in source.rows]


@sync
async def test_ctrl_c_in_the_search_bar_says_how_to_quit(indexed_seeds, tmp_path):
    """Q6 #11: Ctrl+C in the search bar did nothing at all (elsewhere: "Quit? Press q")."""
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a", "ctrl+c")
        await pilot.pause()
        assert app.focused is app.search_input and app.search_input.value == "a"
        assert any(n.title == "Quit?" for n in app._notifications)


def slow_irn_app(indexed_seeds, tmp_path, monkeypatch):
    """A reader whose search for "irn*" waits for the event returned (SEARCHING_SAID short)."""
    import threading

    from newsreader.tui import app as app_module

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    release = threading.Event()
    real = app_module.ReaderApp._query

    def slow(self, text, *args, **kwargs):
        if text == "irn*":
            release.wait(10)
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(app_module.ReaderApp, "_query", slow)
    monkeypatch.setattr(app_module, "SEARCHING_SAID", 0.05)
    return app, release


async def start_slow_search(pilot, app) -> None:
    """Type the slow search `slow_irn_app` holds back, and see the status line say it is searching."""
    await settle(pilot)
    await pilot.press("slash", *"irn*")
    await pilot.pause(0.6)
    assert "searching 'irn*'…" in status_text(app), status_text(app)


@sync
async def test_a_slow_search_says_it_is_searching(indexed_seeds, tmp_path, monkeypatch):
    """Q6 #7: wildcard searches took 2-5 s on 4,000 stories while the status line still said
    "All articles: 4,000". Past SEARCHING_SAID it says "searching '...'…", until the answer."""
    app, release = slow_irn_app(indexed_seeds, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_slow_search(pilot, app)
        release.set()
        await settle(pilot)
        assert "searching" not in status_text(app) and "Search 'irn*'" in status_text(app), status_text(app)


@sync
async def test_a_slow_search_cleared_says_searching_no_more(indexed_seeds, tmp_path, monkeypatch):
    """RV15-C #2: the search bar emptied (Ctrl+U, Enter) while a slow search ran starts no
    search, so nothing took "searching '...'…" away: it stayed under All articles."""
    app, release = slow_irn_app(indexed_seeds, tmp_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_slow_search(pilot, app)
        await pilot.press("ctrl+u", "enter")
        await pilot.pause(0.3)
        assert "searching" not in status_text(app), status_text(app)
        release.set()
        await settle(pilot)
        assert "searching" not in status_text(app), status_text(app)


@pytest.mark.parametrize("theme", every_theme(), ids=lambda t: t.name)
def test_list_marks_keep_contrast_with_the_background(theme):
    """Q6 #8: newsreader-light's bookmark star and unread dot (its accent, #af5f00) were
    yellow on white (33 on 107) at 16 colours. The list's marks, dates and sources keep
    3:1 with the background as a 16-colour terminal paints them, 4.5:1 in true colour."""
    from rich.style import Style
    from textual.color import Color

    from newsreader.tui.themes import TERMINAL_16, contrast, nearest_16, readable_style

    variables = theme_app(theme, "truecolor").theme_variables
    bg = Color.parse(variables["background"]).rgb
    for name in ("accent", "secondary"):
        given = Style(color=Color.parse(variables[name]).rich_color, bold=True)
        kept = readable_style(theme_app(theme, "truecolor"), given)
        assert kept.bold and contrast(tuple(kept.color.triplet), bg) >= 4.5, name
        kept16 = readable_style(theme_app(theme, "standard"), given)
        n = nearest_16(tuple(kept16.color.triplet))
        assert contrast(TERMINAL_16[n], TERMINAL_16[nearest_16(bg)]) >= 3, (name, n)


def test_a_style_kept_readable_follows_the_background_not_the_style_alone():
    """The same style (a theme's accent can be another's) is kept readable on each theme's
    own background: what `readable_style` keeps is keyed by the background too, not by the
    style alone (the list's own cache was)."""
    from rich.style import Style

    from newsreader.resources import themes_dir
    from newsreader.tui.themes import load_themes, readable_style

    themes = {t.name: t for t in load_themes([themes_dir()]).themes}
    given = Style(color="#ffd75f")  # yellow: readable on dark, not on light
    assert readable_style(theme_app(themes["newsreader-dark"], "truecolor"), given) == given
    assert readable_style(theme_app(themes["newsreader-light"], "truecolor"), given) != given


@sync
async def test_the_lists_unread_mark_is_readable_in_newsreader_light(indexed_seeds, tmp_path, monkeypatch):
    """The list paints its marks through `readable_style` (at 16 colours: not yellow on white)."""
    from rich.console import ColorSystem

    from newsreader.tui.themes import TERMINAL_16, contrast, nearest_16

    app = make_app(indexed_seeds, tmp_path, "newsreader-light")
    async with app.run_test(size=(120, 40)) as pilot:
        app.console._color_system = ColorSystem.STANDARD  # a 16-colour terminal
        await settle(pilot)
        lst = app.article_list
        lst._strips.clear()
        dot = next(s for s in lst.render_line(1) if s.text.strip() == lst.glyphs[0])
        bg = tuple(dot.style.bgcolor.triplet)
        fg = tuple(dot.style.color.triplet)
        assert contrast(TERMINAL_16[nearest_16(fg)], TERMINAL_16[nearest_16(bg)]) >= 3, (fg, bg)


@sync
async def test_the_edit_dialog_says_what_enter_in_the_tags_does(indexed_seeds, tmp_path):
    """Q6 #12: Enter in the tags only moves to the note, and said nothing (the hint, under
    the note, says Enter saves): the first Enter seemed to do nothing."""
    from textual.widgets import Label

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b", "B")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert any("Tags" in text and "Enter goes on to the note" in text for text in labels), labels
