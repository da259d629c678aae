"""K3: `paths` checks the config once (RV19-B #3: its theme row ran the keymap-and-theme check a
second time, with its stats, cache read and state read), and `paths --json` says whether the
theme in use cannot be had (M7 gave only the text form)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsreader import config as config_module
from newsreader.cli import main


def _config(home: Path, text: str) -> Path:
    config = home / "config" / "config.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")
    return config


def test_paths_checks_the_keymap_and_theme_once(capsys: pytest.CaptureFixture[str], isolated_home: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _config(isolated_home, "theme: nosuch\n")
    calls: list[Any] = []
    real = config_module._keymap_theme_warnings

    def counted(*args: Any) -> list[str]:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(config_module, "_keymap_theme_warnings", counted)
    assert main(["paths"]) == 0
    assert "nosuch  (config; missing: the reader uses newsreader-dark)" in capsys.readouterr().out
    assert len(calls) == 1


@pytest.mark.parametrize("text, missing", [("theme: nosuch\n", True), ("theme: newsreader-light\n", False),
                                           ("", False)])
def test_paths_json_says_whether_the_theme_is_missing(capsys: pytest.CaptureFixture[str], isolated_home: Path,
                                                      text: str, missing: bool) -> None:
    _config(isolated_home, text)
    assert main(["paths", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["theme_missing"] is missing
