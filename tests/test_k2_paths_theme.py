"""`newsreader paths` names the bundled themes and cue files and the theme in use with where it
was chosen (Q7 #9, #10): after `pip install` they are in site-packages, found only with
`find`; and once a theme was picked with Ctrl+P, the config's `theme:` changed nothing, unsaid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.store import Store


def _paths(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[dict, str]:
    assert main(["paths", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert main(["paths", *extra]) == 0
    return info, capsys.readouterr().out


def test_paths_names_the_bundled_folders_and_the_default_theme(capsys, isolated_home: Path) -> None:
    info, text = _paths(capsys)
    assert (Path(info["bundled_themes_dir"]) / "dark.yaml").is_file()
    assert (Path(info["bundled_cues_dir"]) / "titles.yaml").is_file()
    assert (info["theme"], info["theme_from"]) == ("newsreader-dark", "default")
    assert f"bundled themes:    {info['bundled_themes_dir']}" in text
    assert f"bundled cues:      {info['bundled_cues_dir']}" in text
    assert "theme:             newsreader-dark  (the default)" in text
    assert not isolated_home.exists()  # (nothing made)


def test_a_theme_picked_in_the_reader_wins_over_the_config_and_is_said(capsys, isolated_home: Path) -> None:
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("theme: newsreader-light\n", encoding="utf-8")
    info, text = _paths(capsys)
    assert (info["theme"], info["theme_from"]) == ("newsreader-light", "config")
    state = Path(info["state_file"])
    state.parent.mkdir(parents=True)
    with Store.open(state) as store:
        store.set_pref("theme", "high-contrast")
    before = sorted(p.name for p in state.parent.iterdir())
    info, text = _paths(capsys)
    assert (info["theme"], info["theme_from"]) == ("high-contrast", "reader")
    assert "theme:             high-contrast  (chosen in the reader with Ctrl+P: the config's theme" in text
    assert sorted(p.name for p in state.parent.iterdir()) == before  # (no -wal or -shm left)
