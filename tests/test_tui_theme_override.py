"""A user's theme named like a bundled one (or one of Textual's) replaced it silently: it is
kept (a deliberate override) and said, in one line among the theme notices (L1 item 2)."""

from __future__ import annotations

from newsreader.resources import themes_dir
from newsreader.tui.themes import load_themes

MINE = "name: {name}\ncolors: {{primary: '#123456'}}\n"


def _folder(tmp_path, **files: str):
    folder = tmp_path / "themes"
    folder.mkdir()
    for file, name in files.items():
        (folder / f"{file}.yaml").write_text(MINE.format(name=name), encoding="utf-8")
    return folder


def test_a_user_theme_named_like_a_bundled_one_is_used_and_said(tmp_path):
    folder = _folder(tmp_path, mine="newsreader-dark")
    loaded = load_themes([themes_dir(), folder])
    used = {theme.name: theme for theme in loaded.themes}["newsreader-dark"]
    assert used.primary == "#123456"
    notices = loaded.notices(folder)
    assert notices == ["theme 'newsreader-dark' in mine.yaml replaces the bundled one of that name "
                       "(it is the one used; give it another name to keep both)"]


def test_textuals_own_and_a_second_file_of_the_same_name_are_said_in_one_line(tmp_path):
    folder = _folder(tmp_path, a="mine", b="mine", c="nord")
    notices = load_themes([themes_dir(), folder]).notices(folder)
    assert len(notices) == 1 and "\n" not in notices[0]
    assert "'mine' in b.yaml replaces the one in a.yaml" in notices[0]
    assert "'nord' in c.yaml replaces Textual's own of that name" in notices[0]


def test_themes_of_their_own_names_say_nothing(tmp_path):
    folder = _folder(tmp_path, mine="mine")
    assert load_themes([themes_dir(), folder]).notices(folder) == []
