"""Theme files: YAML in the bundled `themes/` folder and in `<config_dir>/themes/`.

    name: newsreader-dark          # what the palette shows and the preference stores
    dark: true
    ansi: false                    # true: use the terminal's own 16 colours as they are
    colors: {primary: "#5fafff", background: "#1c1c1c", ...}   # Textual Theme fields
    highlights: {person: ..., org: ..., place: ..., date: ..., match: ...}   # any of them

Highlights left out follow the theme's own colours (`derived_highlights`).

Highlights become theme variables (`$entity-person`, ...) so styles and widgets read them
from whichever theme is active. A broken file never stops the app: it is skipped with one
message saying which file and what is wrong, and the default theme is used instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES, Theme

from newsreader import yamlload
from newsreader.config import THEMES_DIR_NAME

DEFAULT_THEME = "newsreader-dark"

COLOR_KEYS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel",
              "boost", "success", "warning", "error")
HIGHLIGHT_KEYS = ("person", "org", "place", "date", "match")

#: Theme variable for each highlight (`HIGHLIGHT_DEFAULTS` gives them to the themes that are
#: not ours: Textual's own stay selectable from the palette).
HIGHLIGHT_VARIABLES = {
    "person": "entity-person",
    "org": "entity-org",
    "place": "entity-place",
    "date": "entity-date",
    "match": "search-match",
}

#: The theme colour each highlight a theme file leaves out takes (as the bundled themes
#: have it: names in the primary colour, organisations in the accent, places in the
#: success colour, matches in the warning colour). Dates have no such colour.
HIGHLIGHT_FROM = {"person": "primary", "org": "accent", "place": "success", "match": "warning"}
#: What a highlight takes when the theme gives neither it nor its colour (`HIGHLIGHT_FROM`):
#: the bundled themes' own, for a dark, a light and an ANSI theme.
FALLBACK_HIGHLIGHTS = {
    "dark": {"person": "#5fafff", "org": "#ffaf5f", "place": "#5fd787", "date": "#d787ff", "match": "#ffd75f"},
    "light": {"person": "#005fd7", "org": "#af5f00", "place": "#008700", "date": "#870087", "match": "#af8700"},
    "ansi": {"person": "ansi_bright_cyan", "org": "ansi_bright_yellow", "place": "ansi_bright_green",
             "date": "ansi_bright_magenta", "match": "ansi_bright_white"},
}


def derived_highlights(colors: dict[str, str], dark: bool = True, ansi: bool = False) -> dict[str, str]:
    """The highlights of a theme file that gives only some (or none): each from its theme
    colour when the file gives that colour, else the bundled themes' own for a theme of
    its kind. Textual would fill a missing accent, success or warning colour with the
    primary one, which left names, organisations, places and matches alike."""
    fallback = FALLBACK_HIGHLIGHTS["ansi" if ansi else "dark" if dark else "light"]
    return {k: colors.get(HIGHLIGHT_FROM.get(k, ""), fallback[k]) for k in HIGHLIGHT_KEYS}


HIGHLIGHT_DEFAULTS = {HIGHLIGHT_VARIABLES[k]: v for k, v in FALLBACK_HIGHLIGHTS["dark"].items()}


#: Variables every ANSI theme must define (the terminal's own colours, as Textual's do).
ANSI_VARIABLES = {"ansi-background": "ansi_default", "ansi-foreground": "ansi_default"}


class ThemeError(ValueError):
    """A theme file that cannot be used; the message names the file and the problem, and
    `theme_name` the theme it names when it names one (`theme_problems`)."""

    theme_name: str | None = None


@dataclass(frozen=True)
class BrokenTheme:
    """A theme file skipped: where, why (without the path), and the theme it names if it does."""

    path: Path
    why: str
    name: str | None = None


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: The files behind `problems`, in the same order.
    broken: list[BrokenTheme] = field(default_factory=list)
    #: Themes that replace one of the same name: (the name, the file that wins, the file it
    #: replaces, None for one of Textual's own). Kept (a deliberate override), and said.
    replaced: list[tuple[str, Path, Path | None]] = field(default_factory=list)

    def skip(self, path: Path, why: str, name: str | None = None) -> None:
        self.broken.append(BrokenTheme(path, why, name))
        self.problems.append(f"{SKIPPED}{path}: {why}")

    def notices(self, folder: Path, problems: list[str] | None = None) -> list[str]:
        """The problems (`problems`, else this load's own) as the reader shows them: one
        notice each, or one for the skipped files naming `folder` once when there are more
        than two problems (a toast each stacked past the bottom of a 24-row terminal), listing at most
        `NOTICE_FILES` of them (a taller toast lost its first lines off the top at 80x24);
        then one line for the themes that replace another (it happened silently: a user's
        `newsreader-dark` hid the bundled one)."""
        prefix = os.path.join(folder, "")
        problems = self.problems if problems is None else problems
        files = [p for p in problems if p.startswith(SKIPPED)]
        if len(files) <= 1 or len(problems) <= 2:
            said = [p if len(p) <= NOTICE_CHARS else
                    (SKIPPED if p.startswith(SKIPPED) else "") + brief_problem(p, prefix, more=ALL_SAID)
                    for p in problems]
        else:
            shown = [brief_problem(p, prefix) for p in files[:NOTICE_FILES]]
            if len(files) > NOTICE_FILES:
                shown.append(f"and {len(files) - NOTICE_FILES} more: `newsreader paths` lists them all")
            said = ["\n".join([*(brief_problem(p, prefix) for p in problems if not p.startswith(SKIPPED)),
                                f"{len(files)} theme files skipped ({prefix}):", *shown])]
        if self.replaced:
            def whose(old: Path | None) -> str:
                if old is None:
                    return "Textual's own of that name"
                return f"the one in {old.name}" if old.parent == Path(folder) else "the bundled one of that name"

            parts = [f"{name!r} in {str(path).removeprefix(prefix)} replaces {whose(old)}"
                     for name, path, old in self.replaced]
            said.append(f"theme {parts[0]} (it is the one used; give it another name to keep both)"
                        if len(parts) == 1 else
                        f"themes {'; '.join(parts)} (the later are used; give them other names to keep both)")
        return said


def short_problem(line: str, prefix: str) -> str:
    """A `theme_problems` line shortened for a notice that lists several (a taller toast lost its
    first lines off the top at 80x24): what is wrong, a file named within `prefix`, without the
    hint in brackets after it or what the reader does (every command says it in full). Only the
    known endings are cut: a key in quotes or a file's path may hold "; " itself."""
    import re

    line = line.removeprefix(SKIPPED).split(". The reader uses")[0].replace(prefix, "")
    # Only the known endings go: a quoted key or a file name may hold "; " itself.
    line = re.sub(r"; (?:it is ignored|give |elsewhere it still runs|did you mean|save it as|its Ctrl\+P)"
                  r"(?:(?!; ).)*$", "", line)
    return re.sub(r" \((use|write keys|known:|expected) [^()]*\)(?=; |$)", "", line)  # (each mistake's)


def brief_problem(line: str, prefix: str, more: str = "more") -> str:
    """`short_problem`, and of a file's mistakes (joined by "; ") the first `NOTICE_MISTAKES` and
    how many `more`: a notice listing several files at 80x24 (a 40-column toast) ran off the top
    with every mistake of each (1,124 characters for three files). A quoted key holding "; " only
    makes the count approximate; every command says the line in full."""
    parts = short_problem(line, prefix).split("; ")
    if len(parts) <= NOTICE_MISTAKES:
        return "; ".join(parts)
    return "; ".join(parts[:NOTICE_MISTAKES]) + f" (+{len(parts) - NOTICE_MISTAKES} {more})"


#: How each of `LoadedThemes.problems` starts (the file's path follows).
SKIPPED = "theme skipped: "
#: The most skipped files one notice lists (the rest are counted).
NOTICE_FILES = 5
#: The most mistakes of one file a notice listing several problems says (`brief_problem`).
NOTICE_MISTAKES = 2
#: A problem longer than this is said shortly (`brief_problem`) even in a notice of its own: a
#: theme file's every mistake, each with its hint, is a toast taller than a 24-row terminal, and
#: every mistake without its hint still up to about 285 characters (8 rows of a 40-column toast).
NOTICE_CHARS = 240
#: How a notice of one file says the mistakes it leaves out: where to read them all.
ALL_SAID = "more: `newsreader paths` says them all"


def theme_problems(loaded: LoadedThemes, wanted: str, default: str = DEFAULT_THEME) -> list[str]:
    """Every theme problem, one line each, for every command's warnings and the reader's
    notices alike (`config.config_problems`): the theme `wanted` when it is not to be had
    (its own file broken, and why, or no file naming it, with the nearest name), then each
    other file skipped and why. A line about `wanted` starts `theme: `; a skipped file's
    with `SKIPPED` and the file. A broken file named as the theme (by its `name:`, or by
    the file's own name when that cannot be read) is the theme's own: no "did you mean"
    another theme for it."""
    names = [theme.name for theme in loaded.themes]
    lines: list[str] = []
    own = None
    if wanted != default and wanted not in {*names, *BUILTIN_THEMES}:
        own = next((b for b in loaded.broken if b.name == wanted), None) or next(
            (b for b in loaded.broken if b.name is None and b.path.stem == wanted), None)
        if own is not None:
            lines.append(f"theme: {wanted!r} is not available: its file {own.path} is broken: {own.why}. "
                         f"The reader uses {default} until it is fixed")
        else:
            import difflib

            close = difflib.get_close_matches(wanted, names, n=1)
            hint = f"; did you mean {close[0]}?" if close else "."
            lines.append(f"theme: no theme {wanted!r} (missing, or its file is broken){hint} "
                         f"The reader uses {default}; its Ctrl+P lists the themes")
    lines += [problem for problem, broken in zip(loaded.problems, loaded.broken) if broken is not own]
    return lines


def _color_problem(key: str, value: Any) -> str | None:
    """What is wrong with one colour of a theme file, or None."""
    if not isinstance(value, str) or not value.strip():
        return f"{key} must be a colour such as \"#5fafff\" or ansi_blue"
    try:
        Color.parse(value.strip())
    except ColorParseError:
        return (f"{key}: {value!r} is not a colour (use #rrggbb, a colour name "
                "or ansi_red ... ansi_bright_white)")
    return None


def _unknown(what: str, bad: list[str], known: str) -> str:
    """One problem naming every unknown key of a kind (`unknown colour 'x'`, `unknown colours 'x', 'y'`)."""
    return f"unknown {what}{'s' if len(bad) > 1 else ''} {', '.join(map(repr, bad))} ({known})"


def _read_yaml(text: str) -> Any:
    """`yaml.safe_load` with libyaml when PyYAML has it (the bundled themes are read at each
    start: 12 ms -> 1.5 ms), unless the text could nest deep enough to crash it (`yamlload`)."""
    return yamlload.load(text, yamlload.CSafeLoader, yamlload.SafeLoader)


def parse_theme(text: str, where: str = "theme") -> Theme:
    """Validate one theme file's text; raise `ThemeError` with one line for the user (and
    the theme's name when the file gives one: `theme_problems` says it is that theme's)."""
    try:
        raw = _read_yaml(text)
    except yamlload.DuplicateKey as exc:  # (a key set twice: the last one won without a word, U1 #4)
        raise ThemeError(f"{where}: line {exc.line}: {exc.problem}; keep one of them") from None
    except (yaml.YAMLError, RecursionError) as exc:  # (RecursionError: nested too deeply for the loader)
        line = f" at line {n}" if (n := yamlload.error_line(exc)) else ""
        raise ThemeError(f"{where}: not valid YAML{line}") from None
    try:
        return _theme(raw, where)
    except ThemeError as exc:
        name = raw.get("name") if isinstance(raw, dict) else None
        exc.theme_name = name.strip() if isinstance(name, str) and name.strip() else None
        raise


def _theme(raw: Any, where: str) -> Theme:
    """`parse_theme` of the file's YAML, read: every mistake the file has, in one line (`; `
    between them). Only the first was said, so a file took as many rounds as it had mistakes."""
    if not isinstance(raw, dict):
        raise ThemeError(f"{where}: expected a mapping with name, dark, colors and highlights")
    wrong: list[str] = []
    unknown = sorted(str(k) for k in set(raw) - {"name", "dark", "ansi", "colors", "highlights"})
    if unknown:
        wrong.append(_unknown("key", unknown, "expected name, dark, ansi, colors, highlights"))
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        wrong.append("needs a `name`")
    wrong += [f"{flag} must be true or false" for flag in ("dark", "ansi")
              if flag in raw and not isinstance(raw[flag], bool)]
    colors = raw.get("colors")
    if not isinstance(colors, dict) or "primary" not in colors:
        wrong.append("`colors` must be a mapping with at least `primary`")
    colors = colors if isinstance(colors, dict) else {}
    bad = [k for k in colors if k not in COLOR_KEYS]
    if bad:
        wrong.append(_unknown("colour", bad, f"known: {', '.join(COLOR_KEYS)}"))
    highlights = raw.get("highlights")
    if highlights is None:  # (absent, or `highlights:` with nothing under it)
        highlights = {}
    if not isinstance(highlights, dict):
        wrong.append(f"`highlights` must be a mapping of colours for {', '.join(HIGHLIGHT_KEYS)}")
        highlights = {}
    bad = [k for k in highlights if k not in HIGHLIGHT_KEYS]
    if bad:
        wrong.append(_unknown("highlight", bad, f"known: {', '.join(HIGHLIGHT_KEYS)}"))
    for kind, given in (("colors", colors), ("highlights", highlights)):
        wrong += [problem for k, v in given.items() if (problem := _color_problem(f"{kind}.{k}", v))]
    if wrong:
        raise ThemeError(f"{where}: " + "; ".join(wrong))
    fields = {k: v.strip() for k, v in colors.items()}
    given = {k: v.strip() for k, v in highlights.items()}
    derived = derived_highlights(fields, dark=raw.get("dark", True), ansi=raw.get("ansi", False))
    variables = {HIGHLIGHT_VARIABLES[k]: given.get(k, derived[k]) for k in HIGHLIGHT_KEYS}
    if raw.get("ansi", False):
        # Textual's stylesheet refers to these, but only its own ANSI themes define them: an
        # ANSI theme without them stops the app at its first frame (undefined variable).
        variables |= ANSI_VARIABLES
    return Theme(name=name.strip(), dark=raw.get("dark", True), ansi=raw.get("ansi", False),
                 variables=variables, **fields)


def load_themes(folders: list[Path]) -> LoadedThemes:
    """Every `*.yaml` theme in `folders`, in order (a later file with the same name wins,
    so a user's theme can replace a bundled one, or one of Textual's: `replaced` says so)."""
    out = LoadedThemes()
    by_name: dict[str, Theme] = {}
    read_from: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                theme = parse_theme(path.read_text(encoding="utf-8"), str(path))
            except ThemeError as exc:
                out.skip(path, str(exc).removeprefix(f"{path}: "), exc.theme_name)
                continue
            except UnicodeDecodeError:
                out.skip(path, "not UTF-8 text; save it as UTF-8")
                continue
            except OSError as exc:
                out.skip(path, f"cannot read it ({exc.strerror or exc})")
                continue
            if theme.name in by_name or theme.name in BUILTIN_THEMES:
                out.replaced.append((theme.name, path, read_from.get(theme.name)))
            by_name[theme.name], read_from[theme.name] = theme, path
    out.themes = list(by_name.values())
    return out


def theme_folders(config_dir: Path) -> list[Path]:
    from newsreader.resources import themes_dir

    return [themes_dir(), config_dir / THEMES_DIR_NAME]  # (the user's own, `Paths.user_themes_dir`, read after)


#: The 16 colours as most terminals show them (Tango: GNOME Terminal and the other VTE
#: terminals, and close to many others). A 16-colour terminal gets the nearest of Rich's VGA
#: palette to each colour (`Color.downgrade`), but it paints that colour in its own palette,
#: where yellow, cyan and the bright colours are far lighter than VGA's.
TERMINAL_16 = [(0x2e, 0x34, 0x36), (0xcc, 0x00, 0x00), (0x4e, 0x9a, 0x06), (0xc4, 0xa0, 0x00),
               (0x34, 0x65, 0xa4), (0x75, 0x50, 0x7b), (0x06, 0x98, 0x9a), (0xd3, 0xd7, 0xcf),
               (0x55, 0x57, 0x53), (0xef, 0x29, 0x29), (0x8a, 0xe2, 0x34), (0xfc, 0xe9, 0x4f),
               (0x72, 0x9f, 0xcf), (0xad, 0x7f, 0xa8), (0x34, 0xe2, 0xe2), (0xee, 0xee, 0xec)]
#: The least contrast a highlighted name keeps with the background (WCAG's ratio): text's 4.5
#: in 256 and true colour; 3 with 16 colours, where few colours are left to choose from.
MIN_CONTRAST = 4.5
MIN_CONTRAST_16 = 3.0


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    def channel(c: int) -> float:
        c_ = c / 255
        return c_ / 12.92 if c_ <= 0.03928 else ((c_ + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def nearest_16(rgb: tuple[int, int, int]) -> int:
    """The one of the 16 colours a 16-colour terminal gets for `rgb` (Rich's choice)."""
    from rich.color import Color as RichColor, ColorSystem

    return RichColor.from_rgb(*rgb).downgrade(ColorSystem.STANDARD).number or 0


def readable(colour: Color, background: Color, *, sixteen: bool = False, avoid: set[int] = frozenset()) -> Color:
    """`colour`, or the nearest colour to it that keeps `MIN_CONTRAST` with `background`: a
    theme's highlights are chosen for its own background, and Textual's themes (which have
    none) take the dark ones, which were light blue, orange and green on their light
    backgrounds. In 256 and true colour the colour is darkened (light background) or
    lightened (dark) in steps; with 16 colours (`sixteen`) it is the nearest of the 16 as
    terminals paint them (`TERMINAL_16`) that keeps `MIN_CONTRAST_16`, other than those in
    `avoid` (the text's, the other kinds'), given as the VGA colour Rich matches to it."""
    fg, bg = colour.rgb, background.rgb
    if sixteen:
        bg16 = TERMINAL_16[nearest_16(bg)]
        if contrast(TERMINAL_16[nearest_16(fg)], bg16) >= MIN_CONTRAST_16:
            return colour
        from rich._palettes import STANDARD_PALETTE

        fits = [i for i, c in enumerate(TERMINAL_16) if i not in avoid and contrast(c, bg16) >= MIN_CONTRAST_16]
        if not fits:
            return colour
        best = min(fits, key=lambda i: sum((a - b) ** 2 for a, b in zip(TERMINAL_16[i], fg)))
        return Color(*STANDARD_PALETTE[best])
    if contrast(fg, bg) >= MIN_CONTRAST:
        return colour
    towards = Color(0, 0, 0) if luminance(bg) > 0.18 else Color(255, 255, 255)
    for step in range(1, 11):
        mixed = colour.blend(towards, step / 10)
        if contrast(mixed.rgb, bg) >= MIN_CONTRAST:
            return mixed
    return towards


def readable_ground(app: Any) -> tuple[Color, int, bool] | None:
    """What keeping a colour readable (`readable`) in `app` depends on, hashable (a cache key): its theme's
    background, its text colour among the 16 (which `avoid` keeps apart), and whether the terminal shows 16
    colours. None when colours are kept as they are: an ANSI theme (its colours are the terminal's own), no
    theme, or a theme colour that does not parse."""
    theme = getattr(app, "current_theme", None)
    if theme is None or theme.ansi:
        return None
    variables = getattr(app, "theme_variables", {}) or {}
    return _ground(variables.get("background"), variables.get("foreground"),
                   getattr(getattr(app, "console", None), "color_system", None) == "standard")


@lru_cache(maxsize=16)
def _ground(background: str | None, foreground: str | None, sixteen: bool) -> tuple[Color, int, bool] | None:
    """`readable_ground` for the theme's colours as written (parsed once: it is asked at each row painted)."""
    try:
        return Color.parse(background), nearest_16(Color.parse(foreground).rgb), sixteen
    except Exception:
        return None


def readable_style(app: Any, style: Any) -> Any:
    """A Rich style with its colour kept readable (`readable`) on the app's theme background
    at the terminal's colour depth; ANSI themes' colours are the terminal's own, kept."""
    return _readable_style(style, readable_ground(app))


@lru_cache(maxsize=64)
def _readable_style(style: Any, ground: tuple[Color, int, bool] | None) -> Any:
    """`readable_style` by what it depends on (the list restyles its marks, dates and sources at each row
    it paints: the same few styles until the theme or the depth changes)."""
    from rich.style import Style

    colour = style.color
    if ground is None or colour is None or colour.triplet is None:
        return style
    background, text, sixteen = ground
    kept = readable(Color(*colour.triplet), background, sixteen=sixteen, avoid={text})
    return style + Style(color=kept.rich_color)
