"""T7: NO_COLOR with an ANSI theme (every line was black on black), start-up notices said
once per change, and 16-colour cursor rows."""

from __future__ import annotations

import asyncio
import functools
import re
from pathlib import Path

import pytest

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui.app import ReaderApp


def sync(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))
    return wrapper


def make_app(seeds: tuple[Path, Paths], tmp_path: Path, theme: str, saved: str | None = None) -> ReaderApp:
    corpus, shared = seeds
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    store = Store.open(tmp_path / "state.sqlite3")
    if saved:
        store.set_pref("theme", saved)
    return ReaderApp(paths, Config(theme=theme), corpus, store=store,
                     update_index=False, related_delay=0, blink=False, watch_marks=False)


async def settle(pilot, rounds: int = 2) -> None:
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_first(pilot, *keys: str) -> None:
    """Open the list's first article, then press `keys`, each given time to settle."""
    await settle(pilot)
    for key in ("enter", *keys):
        await pilot.press(key)
        await settle(pilot)


def painted_lines(app) -> list[list]:
    """Every line of the screen as the terminal gets it (the app's filters, NO_COLOR's, applied)."""
    from rich.segment import Segment

    strips = app.screen._compositor.render_strips()
    out = []
    for strip in strips:
        for f in app._filters:
            strip = strip.apply_filter(f, app.background_colors[0] if hasattr(app, "background_colors") else None)
        out.append([s for s in strip if isinstance(s, Segment) and s.text.strip()])
    return out


@pytest.mark.parametrize("theme", ["newsreader-ansi", "textual-ansi"])
@sync
async def test_no_color_with_an_ansi_theme_is_readable(indexed_seeds, tmp_path, monkeypatch, theme):
    """NO_COLOR and an ANSI theme (remembered from an earlier run): Textual's NO_COLOR filter
    turned the terminal's default colours into black, and every line was black on black.
    The theme is shown as one with colours of its own; text differs from its background on
    every line, the list's cursor row too, and the choice is kept."""
    from newsreader.tui.themes import contrast

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark", saved=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = painted_lines(app)
        text = [seg for line in lines for seg in line]
        assert len(text) > 10
        for seg in text:
            fg, bg = seg.style.color, seg.style.bgcolor
            if fg is None or bg is None:
                continue
            pair = (fg.get_truecolor(), bg.get_truecolor())
            if seg.style.reverse:
                pair = pair[::-1]
            assert contrast(tuple(pair[0]), tuple(pair[1])) >= 3, (seg.text, seg.style)
        assert not app.current_theme.ansi
        assert any(theme in notice for notice in app.theme_notices)
    assert app.store.get_pref("theme") == theme


@sync
async def test_an_ansi_theme_picked_under_no_color_is_kept_as_the_choice(indexed_seeds, tmp_path, monkeypatch):
    """Picked from the palette under NO_COLOR, an ANSI theme shows as another but is saved as
    chosen (it is used again once NO_COLOR is unset); the palette line says so."""
    from newsreader.tui.commands import no_color_note

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(indexed_seeds, tmp_path, "newsreader-light")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "while NO_COLOR is set" in no_color_note(app, "newsreader-ansi")
        assert no_color_note(app, "newsreader-light") == ""
        app.theme = "newsreader-ansi"
        await settle(pilot)
        assert app.theme == "newsreader-dark"
        assert app.store.get_pref("theme") == "newsreader-ansi"
        app.theme = "newsreader-light"
        await settle(pilot)
        assert app.store.get_pref("theme") == "newsreader-light"
        # RV16: the stand-in itself picked after an ANSI theme: nothing changes on screen, so
        # nothing was saved, and the ANSI theme came back without NO_COLOR.
        app.theme = "newsreader-ansi"
        await settle(pilot)
        assert (app.theme, app.store.get_pref("theme")) == ("newsreader-dark", "newsreader-ansi")
        app.theme = "newsreader-dark"
        await settle(pilot)
        assert app.store.get_pref("theme") == "newsreader-dark"


def notices(app, title: str) -> list[str]:
    return [n.message for n in app._notifications if n.title == title]


def corpus_with_a_good_page(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Harbour reopens\n\nThe harbour reopened on Monday after the storm, "
                                     "officials said.\n", encoding="utf-8")
    return corpus


async def pages_said_at_start(paths, corpus, tmp_path) -> list[str]:
    """The Pages notices a reader started on `corpus` says once its first update is done."""
    app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                    watch_marks=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await app.workers.wait_for_complete()
            await pilot.pause()
        return notices(app, "Pages")


@sync
async def test_page_problems_at_start_are_said_once_until_they_change(tmp_path):
    """Q5 C5: the pages skipped were said in a 15 s notice over the article pane at every
    start, the same each time. Said once; a new problem is said again (with the old)."""
    corpus = corpus_with_a_good_page(tmp_path)
    (corpus / "empty.txt").write_bytes(b"")
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    said = []
    for start in ("first", "same", "new problem", "same again"):
        if start == "new problem":
            (corpus / "blank.txt").write_bytes(b"")
        said.append(await pages_said_at_start(paths, corpus, tmp_path))
    assert len(said[0]) == 1 and "empty.txt" in said[0][0], said
    assert said[1] == [] and said[3] == [], said
    assert len(said[2]) == 1 and "blank.txt" in said[2][0] and "empty.txt" in said[2][0], said


@sync
async def test_keymap_and_theme_problems_are_said_once_until_they_change(indexed_seeds, tmp_path):
    """The keymap's and theme files' problems, said at every start, are said once; a
    changed keymap's new problem is said."""
    corpus, shared = indexed_seeds
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    themes = paths.config_dir / "themes"
    themes.mkdir(parents=True)
    (themes / "broken.yaml").write_text("name: [\n", encoding="utf-8")
    said = []
    for keymap in ({"bookmark": "ctrl+zz"}, {"bookmark": "ctrl+zz"}, {"bookmark": "ctrl+yy"}):
        app = ReaderApp(paths, Config(keymap=keymap), corpus, store=Store.open(tmp_path / "state.sqlite3"),
                        update_index=False, blink=False, watch_marks=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            said.append((notices(app, "Config"), notices(app, "Theme")))
    assert len(said[0][0]) == 1 and "ctrl+zz" in said[0][0][0], said
    assert len(said[0][1]) == 1 and "broken.yaml" in said[0][1][0], said
    # (K1, Q7 #4: a later start is not silent while they remain: one short line says so)
    from newsreader.tui.app import PROBLEMS_REMAIN

    assert said[1] == ([PROBLEMS_REMAIN], []), said
    assert len(said[2][0]) == 2 and "ctrl+yy" in said[2][0][0] and said[2][1] == [], said
    assert said[2][0][1] == PROBLEMS_REMAIN, said  # (the theme file's, said before)


def contrast_16(fg, bg) -> float:
    """Contrast of two colours as a 16-colour terminal paints them (Rich's nearest of its
    16, in the Tango palette most terminals use)."""
    from newsreader.tui.themes import TERMINAL_16, contrast, nearest_16

    return contrast(TERMINAL_16[nearest_16(tuple(fg))], TERMINAL_16[nearest_16(tuple(bg))])


@sync
async def test_16_colour_cursor_rows_and_scrollbar_are_readable(indexed_seeds, tmp_path):
    """At 16 colours (T6's leftovers): newsreader-light's highlighted entity was white on
    bright blue (97 on 104, 2.6:1) and its scrollbar light grey on white (37 on 107);
    high-contrast's focused list row white on cyan (97 on 46, 3.3:1). Each now keeps 4.5:1
    (the scrollbar 3:1) as a 16-colour terminal paints them."""
    from newsreader.tui.side_pane import EntityList

    app = make_app(indexed_seeds, tmp_path, "newsreader-light")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(pilot, "e")  # its entities
        lst = app.side.query_one(EntityList)
        assert app.focused is lst
        row = lst.get_visual_style("option-list--option", "option-list--option-highlighted")
        assert contrast_16(row.foreground.rgb, row.background.rgb) >= 4.5, row
        styles, background = app.article_view.styles, app.screen.styles.background
        assert contrast_16(styles.scrollbar_color.rgb, (background + styles.scrollbar_background).rgb) >= 3
        app.theme = "newsreader-high-contrast"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.focused is app.article_list
        segments = [s for s in app.article_list.render_line(app.article_list.cursor - app.article_list.scroll_offset.y)
                    if s.text.strip() and s.style and s.style.bgcolor]
        assert segments
        for seg in segments:
            assert contrast_16(seg.style.color.triplet, seg.style.bgcolor.triplet) >= 4.5, seg


@sync
async def test_a_wrapped_entity_name_keeps_its_indent(indexed_seeds, tmp_path):
    """Q6 #15: a name too long for the side pane wrapped to its left edge, under the
    group's heading ("Organization of Islamic" / "Cooperation  3"); the rest of it is
    indented as its first line."""
    from newsreader.tui.side_pane import EntityList

    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(100, 40)) as pilot:
        await open_first(pilot)
        lst = app.side.query_one(EntityList)
        lst.styles.width = 24  # (narrow enough for a long name to wrap at any layout)
        await settle(pilot)
        lines = ["".join(s.text for s in lst.render_line(y)).rstrip() for y in range(lst.size.height)]
        wrapped = [i for i, line in enumerate(lines[1:], 1)
                   if line.strip() and not line.startswith("  ") and lines[i - 1].startswith("  ")
                   and not line.strip().endswith(")")]
        assert not wrapped, lines
        assert any(line.startswith("  ") and not line.rstrip()[-1:].isdigit() for line in lines), lines


@sync
async def test_the_help_column_heading_stays_in_view(indexed_seeds, tmp_path):
    """Q6 #12: the help's column heading ("Keys  Does  Id") scrolled away with the tables.
    It stays on screen at the bottom of the help, its Id column over the ids."""
    app = make_app(indexed_seeds, tmp_path, "newsreader-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("question_mark", "G"):  # the help, at its end
            await pilot.press(key)
            await settle(pilot)
        screen = ["".join(s.text for s in line) for line in painted_lines_all(app)]
        heading = [line for line in screen if "Id (for keymap)" in line]
        assert len(heading) == 1, screen
        assert not any(" quit " in line for line in screen), screen  # (scrolled to the end)
        column = heading[0].index("Id (for keymap)")
        # (every binding id in view: "screen.action" words; which rows the end shows moves as screens gain keys)
        ids = [m.start() for line in screen for m in re.finditer(r"(?<= )[a-z]+\.[a-z_]+(?= )", line)]
        assert len(ids) >= 5 and set(ids) == {column}, (heading, screen)


def painted_lines_all(app) -> list[list]:
    """Every line of the screen, blanks kept (for columns)."""
    return [list(strip) for strip in app.screen._compositor.render_strips()]


@sync
async def test_a_page_problem_past_the_notices_first_three_is_said_when_it_changes(tmp_path):
    """RV16: the notice names three problems and "and N more"; one of the others fixed and
    another broken left its text the same, and nothing was said. Each problem counts."""
    corpus = corpus_with_a_good_page(tmp_path)
    for name in "abcde":
        (corpus / f"{name}.txt").write_bytes(b"")
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    said = []
    for start in ("first", "one fixed, another broken"):
        if start != "first":
            (corpus / "e.txt").write_text("Ferry returns\n\nThe ferry returned to service on Tuesday, its owners "
                                          "said.\n", encoding="utf-8")
            (corpus / "f.txt").write_bytes(b"")
        said.append(await pages_said_at_start(paths, corpus, tmp_path))
    assert len(said[0]) == 1 and "more problem" in said[0][0], said
    assert len(said[1]) == 1, said
