"""K3 #2 (RV19-B #4, #5): the reader builds its theme notices once (it built them a second time
from an empty `LoadedThemes` to leave out the line about a theme replacing another), and the
bookmarks screen's remove follows a remapped bookmark key through the reader's keymap (every
screen takes it), not through bindings rewritten by hand at each mount and a special case in `?`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsreader.config import Config, Paths
from newsreader.store import Store
from newsreader.tui import themes
from newsreader.tui.app import ReaderApp


def _app(seeds: tuple[Path, Paths], tmp_path: Path, config: Config) -> ReaderApp:
    corpus, shared = seeds
    paths = Paths(tmp_path / "config", shared.data_dir, tmp_path / "cache")
    return ReaderApp(paths, config, corpus, store=Store.open(tmp_path / "state.sqlite3"),
                     update_index=False, related_delay=0, blink=False, watch_marks=False)


def test_theme_notices_are_built_once_and_the_replacement_line_is_no_problem(indexed_seeds, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "config" / "themes"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text('name: newsreader-dark\ncolors: {primary: "#f00"}\n', encoding="utf-8")
    (folder / "bad.yaml").write_text("name: bad\ncolors: {primary: blurple}\n", encoding="utf-8")
    calls: list[Any] = []
    real = themes.LoadedThemes.notices

    def counted(self: Any, *args: Any) -> list[str]:
        calls.append(args)
        return real(self, *args)

    monkeypatch.setattr(themes.LoadedThemes, "notices", counted)
    app = _app(indexed_seeds, tmp_path, Config())
    assert len(calls) == 1
    assert len(app.theme_notices) == 2 and "replaces" in app.theme_notices[-1]
    assert app._problem_notices == {app.theme_notices[0]} and "bad.yaml" in app.theme_notices[0]


@pytest.mark.parametrize("keymap, keys", [({"bookmark": "x"}, "d,x"), ({"bookmark": "x", "bookmarks.remove": "b"}, "b"),
                                          ({"search": "e"}, None)])
def test_remove_follows_the_bookmark_key_in_the_reader_s_keymap(indexed_seeds, tmp_path: Path,
                                                                keymap: dict[str, str], keys: str | None) -> None:
    app = _app(indexed_seeds, tmp_path, Config(keymap=keymap))
    assert app._keymap.get("bookmarks.remove") == keys
    assert app.binding_keys("bookmarks.remove", "d,b") == keys or "d,b"
