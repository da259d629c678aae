"""K3 #1 (M4's "not fixed", RV19-C #1): the skipped entries of a user's cue files (a two-word
title head, a number where a word should be) are said by the reader too, as its keymap and
theme problems are (in full when new or changed, then in the one short line that problems
remain); the CLI's lines went behind the reader's screen. And they are kept in the cache
folder like the keymap's and themes': an unchanged cue folder is not parsed by each command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.config import Config, Paths, user_cue_warnings
from newsreader.extract import resources
from newsreader.store import Store
from newsreader.tui.app import PROBLEMS_REMAIN, ReaderApp, cues_summary
from tests.test_t7_no_color_notices import settle, sync


def _cues(home: Path, name: str, text: str) -> Path:
    path = home / "config" / "cues" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = resources.user_cue_warnings

    def counted() -> list[str]:
        calls.append(1)
        return real()

    monkeypatch.setattr(resources, "user_cue_warnings", counted)
    return calls


def test_an_unchanged_cue_folder_is_not_parsed_again(capsys: pytest.CaptureFixture[str], isolated_home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = _cues(isolated_home, "titles.yaml", "heads: [Chief Whip, Envoy]\n")
    calls = _counted(monkeypatch)
    errs = []
    for _ in range(2):
        assert main(["paths"]) == 0
        errs.append([line for line in capsys.readouterr().err.splitlines() if "cue file" in line])
    assert len(calls) == 1
    assert errs[0] == errs[1] and len(errs[0]) == 1 and "'Chief Whip'" in errs[0][0]
    path.write_text("heads: [Chief Whip, Envoy, 42]\n", encoding="utf-8")  # (a changed file is read again)
    assert main(["paths"]) == 0
    assert len(calls) == 2 and "holds a number (42)" in capsys.readouterr().err
    path.unlink()
    _cues(isolated_home, "orgs.yaml", "heads: [Big Corp]\n")  # (another file: the listing is in the key)
    os.utime(path.parent, None)
    assert main(["paths"]) == 0
    err = capsys.readouterr().err
    assert len(calls) == 3 and "'Big Corp'" in err and "Chief Whip" not in err


def _app(seeds: tuple[Path, Paths], home: Path) -> ReaderApp:
    corpus, shared = seeds
    paths = Paths(home / "config", shared.data_dir, home / "cache")
    return ReaderApp(paths, Config(), corpus, store=Store.open(home / "state.sqlite3"),
                     update_index=False, related_delay=0, blink=False, watch_marks=False)


async def _starts(seeds: tuple[Path, Paths], home: Path, count: int) -> list[list[tuple[str, str]]]:
    said = []
    for _ in range(count):
        app = _app(seeds, home)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            said.append([(n.title, n.message) for n in app._notifications])
    return said


@sync
async def test_the_reader_says_skipped_cue_entries_then_that_they_remain(indexed_seeds, isolated_home):
    _cues(isolated_home, "titles.yaml", "heads: [Chief Whip, Envoy]\n")
    first, second = await _starts(indexed_seeds, isolated_home, 2)
    cues = [message for title, message in first if title == "Cue files"]
    assert len(cues) == 1 and "titles.yaml: `heads` holds 'Chief Whip'" in cues[0], first
    assert "put Whip in `heads` and Chief in `modifiers`" in cues[0]
    assert [m for t, m in second if t in ("Cue files", "Config")] == [PROBLEMS_REMAIN], second
    _cues(isolated_home, "titles.yaml", "heads: [Chief Whip, Envoy, 42]\n")  # a new problem: said again
    (third,) = await _starts(indexed_seeds, isolated_home, 1)
    assert any("holds a number (42)" in m for t, m in third if t == "Cue files"), third


@sync
async def test_many_skipped_cue_entries_are_one_short_notice(indexed_seeds, isolated_home):
    _cues(isolated_home, "titles.yaml", "heads: [Chief Whip, Envoy, 42]\nmodifiers: [Deputy Chief]\n")
    _cues(isolated_home, "orgs.yaml", "heads: [Big Corp]\n")
    (said,) = await _starts(indexed_seeds, isolated_home, 1)
    cues = [message for title, message in said if title == "Cue files"]
    assert cues == [cues_summary(user_cue_warnings(Paths(isolated_home / "config", isolated_home / "data",
                                                         isolated_home / "cache")), isolated_home / "config" / "cues")]
    assert cues[0].splitlines() == [
        "4 entries of your cue files skipped (`newsreader paths` says them in full):",
        "- orgs.yaml: `heads` holds 'Big Corp'", "- titles.yaml: `heads` holds 'Chief Whip'",
        "- titles.yaml: `heads` holds a number (42) where a word should be", "- and 1 more"]


def test_a_cue_folder_without_cue_files_reads_nothing(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch)
    paths = Paths(isolated_home / "config", isolated_home / "data", isolated_home / "cache")
    assert user_cue_warnings(paths) == [] and calls == []  # (no folder)
    _cues(isolated_home, "notes.txt", "heads: [Chief Whip]\n")
    assert user_cue_warnings(paths) == [] and calls == [] and not paths.cache_dir.exists()
