"""K1 (Q7 #1, #4, #6, #7): the config's keymap and theme problems are one list
(`config.config_problems`), said by every command and by the reader alike, and said again
while they last."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config, Paths, config_problems, parse_config
from newsreader.store import Store
from newsreader.tui.app import PROBLEMS_REMAIN, ReaderApp
from newsreader.tui.keymap import known_keys, unknown_key
from tests.test_corpus_cli import run
from tests.test_t7_no_color_notices import settle, sync


def _config(home: Path, text: str) -> Path:
    path = home / "config" / "config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _theme(home: Path, name: str, text: str) -> Path:
    path = home / "config" / "themes" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("keys", ["ctrl+shift+banana", "banana", "snowman", "ctrl+grinning_face",
                                  "latin_small_letter_a"])
def test_a_character_name_no_keyboard_sends_is_not_a_key(keys):
    """Textual reads any Unicode character name as that character: `ctrl+shift+banana` was taken
    (the hints showed "shift+^🍌") and took quit's keys away. A picture's name is no key, nor a
    letter's name (a letter's press is the letter itself)."""
    assert unknown_key(keys) is not None


@pytest.mark.parametrize("keys", ["pound_sign", "euro_sign", "degree_sign", "numero_sign", "section_sign",
                                  "ctrl+question_mark", "F5", "Ctrl+PageDown", "A"])
def test_keys_a_keyboard_sends_are_keys(keys):
    assert unknown_key(keys) is None


def test_key_names_are_folded_to_lower_case_but_single_characters_keep_theirs():
    """`F5` was refused (and the message itself suggested `f5`): Textual's names are all lower
    case, so no two differ in case alone. `A` is shift+a and stays."""
    assert known_keys({"search": "F5,Ctrl+PageDown,A", "quit": ""}) == {"search": "f5,ctrl+pagedown,A", "quit": ""}


KEYMAP = """keymap:
  bookmrk: x
  relatd: y
  saved-search-10: f1
  quit: "ctrl+shift+banana"
  search: e
"""


def test_every_command_says_every_keymap_problem(capsys, isolated_home: Path) -> None:
    """Q7 #4/#6: both unknown ids (the reader named only the first), saved-search-10, a key
    that is no key and a key taken from another binding: the CLI said only the ids."""
    path = _config(isolated_home, KEYMAP)
    code, _, err = run(capsys, "paths")
    lines = [line.removeprefix(f"newsreader: warning: {path}: ") for line in err.splitlines()
             if line.startswith("newsreader: warning: ")]
    assert code == 0
    assert [line.split(" is ")[0] for line in lines] == [
        "keymap: 'bookmrk'", "keymap: 'relatd'", "keymap: 'saved-search-10'",
        "keymap: quit: 'ctrl+shift+banana'", "keymap: e now runs search, so entities (Entities) has no key left; "
        "give it one in the config's keymap"], lines
    # The same lines the reader shows: one function for both.
    assert lines == config_problems(parse_config(KEYMAP, path), Paths(isolated_home / "config", isolated_home / "data",
                                                                     isolated_home / "cache"))


def test_a_broken_theme_file_is_named_with_why_and_no_other_theme_is_offered(capsys, isolated_home: Path) -> None:
    """Q7 #7: `theme: darkstr`, whose file says `dark: "yes please"`, got "did you mean nodark?"
    and no file nor reason; the reason was said by the reader alone, once. Every other broken
    theme file is said too."""
    path = _config(isolated_home, "theme: darkstr\n")
    darkstr = _theme(isolated_home, "darkstr.yaml", 'name: darkstr\ndark: "yes please"\ncolors: {primary: "#f00"}\n')
    _theme(isolated_home, "nodark.yaml", 'name: nodark\ncolors: {primary: "#f00"}\n')
    other = _theme(isolated_home, "other.yaml", 'name: other\ncolors: {primary: blurple}\n')
    code, _, err = run(capsys, "paths")
    lines = [line for line in err.splitlines() if line.startswith("newsreader: warning: ")]
    assert code == 0 and len(lines) == 2, lines
    assert lines[0] == (f"newsreader: warning: {path}: theme: 'darkstr' is not available: its file {darkstr} is "
                        "broken: dark must be true or false. The reader uses newsreader-dark until it is fixed")
    assert lines[1].startswith(f"newsreader: warning: theme skipped: {other}: colors.primary: 'blurple' is not "
                               "a colour")
    _config(isolated_home, "theme: nodark\n")  # a theme to be had: the broken files are said still
    code, _, err = run(capsys, "paths")
    assert [line.split(": ")[2] for line in err.splitlines() if "warning" in line] == ["theme skipped"] * 2, err


def test_a_theme_file_not_naming_the_theme_gets_a_did_you_mean(capsys, isolated_home: Path) -> None:
    path = _config(isolated_home, "theme: nodarq\n")
    _theme(isolated_home, "nodark.yaml", 'name: nodark\ncolors: {primary: "#f00"}\n')
    code, _, err = run(capsys, "paths")
    assert [line for line in err.splitlines() if "warning" in line] == [
        f"newsreader: warning: {path}: theme: no theme 'nodarq' (missing, or its file is broken); did you mean "
        "nodark? The reader uses newsreader-dark; its Ctrl+P lists the themes"]


def _app(seeds: tuple[Path, Paths], tmp_path: Path, config: Config) -> ReaderApp:
    corpus, shared = seeds
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    return ReaderApp(paths, config, corpus, store=Store.open(tmp_path / "state.sqlite3"),
                     update_index=False, related_delay=0, blink=False, watch_marks=False)


@sync
async def test_the_reader_says_many_keymap_problems_in_one_notice_then_that_they_remain(indexed_seeds, tmp_path):
    """Five keymap problems were five toasts at 80x24, the first ones pushed off the top; a second
    start said nothing at all (Q7 #4). Now: one notice naming each (up to three, then a count),
    and at each later start while they remain, one short line."""
    config = parse_config(KEYMAP)
    said = []
    for _ in range(2):
        app = _app(indexed_seeds, tmp_path, config)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            said.append([n.message for n in app._notifications if n.title == "Config"])
    assert len(said[0]) == 1 and said[0][0].startswith("5 keymap problems"), said
    assert "'bookmrk' is no binding id" in said[0][0] and "'relatd' is no binding id" in said[0][0], said
    assert said[0][0].endswith("- and 2 more"), said
    assert said[1] == [PROBLEMS_REMAIN], said


@sync
async def test_keymap_and_theme_problems_past_two_are_one_notice(indexed_seeds, tmp_path):
    """Q7 #4 at 80x24: a broken theme's notice and two keymap notices stacked past the top of the
    screen (the theme's went unseen). More than two between them are one notice."""
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "badcolour.yaml").write_text("name: badcolour\ncolors: {primary: blurple}\n", encoding="utf-8")
    config = parse_config('theme: badcolour\nkeymap: {search: e, quit: "ctrl+shift+banana"}\n')
    app = _app(indexed_seeds, tmp_path, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        said = [(n.title, n.message) for n in app._notifications if n.title in ("Config", "Theme")]
    assert len(said) == 1 and said[0][0] == "Config", said
    assert said[0][1].splitlines() == [
        "3 keymap and theme problems (`newsreader paths` says them in full):",
        "- theme: 'badcolour' is not available: its file badcolour.yaml is broken: colors.primary: 'blurple' "
        "is not a colour",  # (first: RV18-C #4)
        "- quit: 'ctrl+shift+banana' is not a key, quit keeps its own keys",
        "- e now runs search, so entities (Entities) has no key left"]
