"""M10 (RV21-C #4): the kept answer of the cue-file check was keyed by each file's size and
mtime only: an edit of the same size given its old mtime back (`touch -r`), or a chmod, kept
the old warnings. And the code that parses the files (`yamlload`) was not in the key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsreader import config
from newsreader.config import Paths, user_cue_warnings
from tests.test_k3_cue_warnings import _counted, _cues


def _paths(home: Path) -> Paths:
    return Paths(home / "config", home / "data", home / "cache")


def test_a_same_size_edit_with_its_old_mtime_is_read_again(isolated_home: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = _cues(isolated_home, "titles.yaml", "heads: [Chief Whip]\n")
    calls = _counted(monkeypatch)
    assert "'Chief Whip'" in " ".join(user_cue_warnings(_paths(isolated_home)))
    old = path.stat()
    path.write_text("heads: [Chief Whop]\n", encoding="utf-8")
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    said = " ".join(user_cue_warnings(_paths(isolated_home)))
    assert len(calls) == 2 and "'Chief Whop'" in said and "Whip" not in said
    path.chmod(0o600)  # (a chmod: the ctime moves, and the file may no longer be readable)
    user_cue_warnings(_paths(isolated_home))
    assert len(calls) == 3


def test_the_parser_s_code_is_in_the_key(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _cues(isolated_home, "titles.yaml", "heads: [Chief Whip]\n")
    keyed: list[str] = []
    real = config._file_key
    monkeypatch.setattr(config, "_file_key", lambda file: keyed.append(file.name) or real(file))
    user_cue_warnings(_paths(isolated_home))
    assert keyed == ["resources.py", "yamlload.py", "titles.yaml"]
