"""A full or read-only disk is said as such, not as a damaged index or a missing folder.

A user's test (Q4) found `search` on a full disk telling them to rebuild a sound index
(SQLite's vague "disk I/O error"), a read-only mount blamed on permissions or the open-files
limit, and `articles > /dev/full` told to set NEWSREADER_HOME."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from newsreader import cli
from newsreader.search import schema


def _statvfs(flag: int = 0, available: int = 1000):
    def fake(folder):
        return SimpleNamespace(f_flag=flag, f_bavail=available)
    return fake


def test_a_vague_sqlite_error_on_a_full_disk_says_the_disk_is_full(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(os, "statvfs", _statvfs(available=0))
    error = schema.unreadable_index(tmp_path, Exception("disk I/O error"))
    assert not isinstance(error, schema.IndexNeedsRebuild)
    assert "the disk is full" in error.message and "rebuild" not in error.message


def test_a_cannot_open_on_a_read_only_mount_says_read_only(tmp_path, monkeypatch) -> None:
    import sqlite3

    monkeypatch.setattr(os, "statvfs", _statvfs(flag=os.ST_RDONLY))
    exc = sqlite3.OperationalError("unable to open database file")
    exc.sqlite_errorcode = 14  # SQLITE_CANTOPEN
    error = schema.unreadable_index(tmp_path, exc)
    assert "read-only" in error.message and "ulimit" not in error.message


def test_damage_on_a_sound_disk_still_asks_for_a_rebuild(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(os, "statvfs", _statvfs())
    error = schema.unreadable_index(tmp_path, Exception("Block tag error"))
    assert isinstance(error, schema.IndexNeedsRebuild)


def test_permissions_on_a_writable_disk_keep_their_advice(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(os, "statvfs", _statvfs())
    error = schema.unreadable_index(tmp_path, PermissionError(errno.EACCES, "Permission denied"))
    assert "permissions" in error.message


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_output_into_a_full_device_names_the_output(tmp_path) -> None:
    env = dict(os.environ, NEWSREADER_HOME=str(tmp_path / "home"))
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "newsreader", "articles"], stdout=full,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == ("newsreader: error: cannot write the output (No space left on "
                                                    "device); free some space, or send it somewhere else")


def test_a_full_disk_under_a_folder_says_free_space(monkeypatch) -> None:
    said = cli._os_error_said(OSError(errno.ENOSPC, "No space left on device", "/home/u/.local/x"))
    assert said.endswith("free some disk space and try again") and "NEWSREADER_HOME" not in said
    said = cli._os_error_said(OSError(errno.EACCES, "Permission denied", "/home/u/.local/x"))
    assert "set NEWSREADER_HOME" in said


def test_a_full_disk_under_the_index_is_not_blamed_on_dev_null(monkeypatch) -> None:
    """`index > /dev/null` on a full disk: Whoosh's write names no file, and /dev/null is a
    device too; the output was not what failed (RV13-C 1)."""
    with open(os.devnull, "w") as null:
        monkeypatch.setattr(sys, "stdout", null)
        said = cli._os_error_said(OSError(errno.ENOSPC, "No space left on device"))
    assert not said.startswith("cannot write the output") and said.endswith("free some disk space and try again")
