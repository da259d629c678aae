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
