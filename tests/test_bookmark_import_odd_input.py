"""A bookmarks import, a config and a theme are untrusted files: JSON nested too deeply for the parser is one clear line, and a
bookmark's date must be written YYYY-MM-DD as the message says (Python 3.11 also reads 20240101 and 2024-W01-1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.errors import UserError
from newsreader.store.db import _parse_date
from newsreader.store.export import parse_export


def test_json_nested_too_deeply_is_not_an_export() -> None:
    with pytest.raises(UserError, match="deep.json: not a JSON or YAML bookmarks export"):
        parse_export("[" * 100_000 + "]" * 100_000, "deep.json")


@pytest.mark.parametrize("written", ["20240101", "2024-W01-1", "2024-1-01", "2024-01-01T00:00"])
def test_a_date_not_written_yyyy_mm_dd_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="must be YYYY-MM-DD"):
        _parse_date(written, "a1")


def test_a_yyyy_mm_dd_date_is_read() -> None:
    assert _parse_date("2024-01-02", "a1").isoformat() == "2024-01-02"


def test_a_config_or_theme_nested_too_deeply_is_one_line() -> None:
    """The same for the YAML files a user writes: PyYAML's loader raises RecursionError on them."""
    from newsreader.config import parse_config
    from newsreader.tui.themes import ThemeError, parse_theme

    deep = "theme: " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(UserError, match="config.yaml: not valid YAML: nested too deeply; fix the file"):
        parse_config(deep, Path("config.yaml"))
    with pytest.raises(ThemeError, match="mine.yaml: not valid YAML"):
        parse_theme(deep, "mine.yaml")
