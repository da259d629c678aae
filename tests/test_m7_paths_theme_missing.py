"""RV18-C #2: the reader's "problems remain: `newsreader paths` lists them" must be true. A
theme picked with Ctrl+P (kept in the state) whose file is gone is the theme the reader wants,
so every command warns of it, not of the config's theme, and `paths`' theme row says the reader
uses its default instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.store import Store


def _pick(home: Path, theme: str) -> Path:
    state = home / "data" / "state.sqlite3"
    state.parent.mkdir(parents=True)
    with Store.open(state) as store:
        store.set_pref("theme", theme)
    return state


def test_a_picked_theme_that_is_gone_is_warned_of_and_marked(capsys: pytest.CaptureFixture[str],
                                                           isolated_home: Path) -> None:
    state = _pick(isolated_home, "mine-gone")
    assert main(["paths"]) == 0
    captured = capsys.readouterr()
    assert ("newsreader: warning: theme chosen in the reader with Ctrl+P: no theme 'mine-gone'"
            in captured.err)
    assert ("theme:             mine-gone  (chosen in the reader with Ctrl+P: the config's theme is not "
            "used while that stands; missing: the reader uses newsreader-dark)") in captured.out
    assert not list(isolated_home.rglob("*index*")) and state.with_name("state.sqlite3-wal").exists() is False


def test_a_picked_theme_that_is_there_is_not_marked(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    _pick(isolated_home, "newsreader-light")
    assert main(["paths"]) == 0
    captured = capsys.readouterr()
    assert "theme:" not in captured.err
    assert "newsreader-light  (chosen in the reader with Ctrl+P: the config's theme is not used while that " \
           "stands)" in captured.out


def test_the_config_theme_missing_is_marked_and_said_as_the_config_s(capsys: pytest.CaptureFixture[str],
                                                                   isolated_home: Path) -> None:
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("theme: nosuch\n", encoding="utf-8")
    assert main(["paths"]) == 0
    captured = capsys.readouterr()
    assert f"newsreader: warning: {config}: theme: no theme 'nosuch'" in captured.err
    assert "theme:             nosuch  (config; missing: the reader uses newsreader-dark)" in captured.out
