"""K3 #3 (K1's "not fixed"): a theme file's every mistake is said, in one line, not only the
first (a file with three took three rounds of edit, start, read); in a notice of its own a
long line keeps what is wrong and drops each mistake's hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.tui.themes import LoadedThemes, ThemeError, load_themes, parse_theme

MANY = """name: many
dark: maybe
tint: 1
colors: {primary: blurple, secondary: "", wat: red}
highlights: {person: nope, place: "#fff", plaec: red}
"""


def test_every_mistake_of_a_theme_file_is_said_in_one_line() -> None:
    with pytest.raises(ThemeError) as caught:
        parse_theme(MANY, "many.yaml")
    assert str(caught.value) == (
        "many.yaml: unknown key 'tint' (expected name, dark, ansi, colors, highlights); dark must be true or false; "
        "unknown colour 'wat' (known: primary, secondary, accent, foreground, background, surface, panel, boost, "
        "success, warning, error); unknown highlight 'plaec' (known: person, org, place, date, match); "
        "colors.primary: 'blurple' is not a colour (use #rrggbb, a colour name or ansi_red ... ansi_bright_white); "
        "colors.secondary must be a colour such as \"#5fafff\" or ansi_blue; highlights.person: 'nope' is not a "
        "colour (use #rrggbb, a colour name or ansi_red ... ansi_bright_white)")
    assert caught.value.theme_name == "many"


def test_no_name_and_no_colours_are_both_said() -> None:
    with pytest.raises(ThemeError, match=r"^t: unknown keys 'a', 'b' \(expected .*\); needs a `name`; "
                                         r"`colors` must be a mapping with at least `primary`$"):
        parse_theme("a: 1\nb: 2\ncolors: 3\n", "t")


def test_a_good_theme_still_loads() -> None:
    theme = parse_theme('name: fine\ncolors: {primary: " #5fafff "}\nhighlights: {date: red}\n')
    assert theme.name == "fine" and theme.primary == "#5fafff" and theme.variables["entity-date"] == "red"


def test_the_notice_of_a_file_with_many_mistakes_drops_their_hints(tmp_path: Path) -> None:
    (tmp_path / "many.yaml").write_text(MANY, encoding="utf-8")
    loaded = load_themes([tmp_path])
    (notice,) = loaded.notices(tmp_path)
    # (K4: its first two mistakes and where to read the rest; every mistake was 273 characters, 8 toast rows)
    assert notice == ("theme skipped: many.yaml: unknown key 'tint'; dark must be true or false "
                      "(+5 more: `newsreader paths` says them all)")
    short = LoadedThemes(problems=[f"theme skipped: {tmp_path}/x.yaml: dark must be true or false"])
    assert short.notices(tmp_path) == short.problems  # (a short one is said in full, as before)
