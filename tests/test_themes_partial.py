"""A user's theme file that gives only some highlights (or none): the others follow the
theme's own colours. It was skipped ("highlights.org is missing") and the default theme
used, though what was left out has an obvious value."""

from __future__ import annotations

import pytest

from newsreader.resources import themes_dir
from newsreader.tui.themes import FALLBACK_HIGHLIGHTS, ThemeError, load_themes, parse_theme

DARK = """name: mine
dark: true
colors: {primary: "#00afaf", accent: "#d75f00", success: "#5faf00", warning: "#ffff00"}
"""


def variables(text: str) -> dict[str, str]:
    return parse_theme(text, "mine.yaml").variables


def test_given_highlights_are_kept_and_the_others_follow_the_theme_colours():
    got = variables(DARK + 'highlights: {person: "#ff0000", date: "#00ff00"}\n')
    assert got["entity-person"] == "#ff0000" and got["entity-date"] == "#00ff00"
    # organisations in the accent, places in the success colour, matches in the warning colour
    assert (got["entity-org"], got["entity-place"], got["search-match"]) == ("#d75f00", "#5faf00", "#ffff00")


def test_no_highlights_at_all_is_a_theme_too():
    for text in (DARK, DARK + "highlights:\n", DARK + "highlights: {}\n"):
        got = variables(text)
        assert got["entity-person"] == "#00afaf"  # the primary colour
        assert got["entity-date"] == FALLBACK_HIGHLIGHTS["dark"]["date"]  # no theme colour for dates


def test_highlights_without_their_theme_colour_keep_apart():
    """Only `primary`: Textual would give the accent, success and warning colours the primary
    one, and names, organisations, places and matches would all look alike."""
    got = variables("name: mine\ncolors: {primary: '#00afaf'}\nhighlights: {date: '#ff00ff'}\n")
    assert len({got[v] for v in ("entity-person", "entity-org", "entity-place", "search-match")}) == 4
    assert got["entity-org"] == FALLBACK_HIGHLIGHTS["dark"]["org"]


@pytest.mark.parametrize("dark, kind", [("false", "light"), ("true", "dark")])
def test_fallbacks_suit_a_light_or_dark_background(dark, kind):
    got = variables(f"name: mine\ndark: {dark}\ncolors: {{primary: '#00afaf'}}\n")
    assert got["entity-place"] == FALLBACK_HIGHLIGHTS[kind]["place"]


def test_an_ansi_theme_keeps_to_the_terminal_colours():
    got = variables("name: mine\nansi: true\ncolors: {primary: ansi_blue, accent: ansi_red}\n")
    assert got["entity-person"] == "ansi_blue" and got["entity-org"] == "ansi_red"
    assert all(value.startswith("ansi_") for value in got.values())


@pytest.mark.parametrize("highlights, problem", [
    ("{persn: red}", "unknown highlight 'persn' (known: person, org, place, date, match)"),
    ("{person: red, Date: blue}", "unknown highlight 'Date'"),
    ("{person: notacolour}", "highlights.person: 'notacolour' is not a colour"),
    ("red", "`highlights` must be a mapping"),
])
def test_a_misspelt_or_bad_highlight_is_still_an_error_naming_it(highlights, problem):
    with pytest.raises(ThemeError) as caught:
        parse_theme(DARK + f"highlights: {highlights}\n", "mine.yaml")
    assert problem in str(caught.value) and str(caught.value).startswith("mine.yaml: ")


def test_a_partial_user_theme_loads_beside_the_bundled_ones(tmp_path):
    (tmp_path / "mine.yaml").write_text(DARK + 'highlights: {person: "#ff0000"}\n')
    loaded = load_themes([themes_dir(), tmp_path])
    assert not loaded.problems
    assert "mine" in {theme.name for theme in loaded.themes}


def test_the_bundled_themes_follow_the_same_rule():
    """Names in the primary colour, organisations in the accent: what the bundled themes
    (but the ANSI one, which takes the bright colours) chose for themselves."""
    checked = 0
    for theme in load_themes([themes_dir()]).themes:
        if not theme.ansi:
            assert theme.variables["entity-person"] == theme.primary, theme.name
            assert theme.variables["entity-org"] == theme.accent, theme.name
            checked += 1
    assert checked == 3


@pytest.mark.parametrize("kind, text", [("dark", "#e4e4e4"), ("light", "#1c1c1c")])
def test_fallbacks_keep_entities_apart_in_16_colours(kind, text):
    """What a theme without them gets must stay apart on a 16-colour terminal, as the
    bundled themes do: the dark fallback's places (#87d787) became the text's white."""
    from rich.color import Color, ColorSystem

    def nearest(colour: str) -> int:
        return (Color.parse(colour).downgrade(ColorSystem.STANDARD).number or 0) % 8

    hues = [nearest(FALLBACK_HIGHLIGHTS[kind][k]) for k in ("person", "org", "place")]
    assert len(set(hues)) == 3 and nearest(text) not in hues
    assert nearest(FALLBACK_HIGHLIGHTS[kind]["date"]) != nearest(text)
