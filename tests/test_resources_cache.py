"""The extractor's copies in the user's cache folder (`resources._kept`): written by one
process at a time, built once by processes that start together, and no file of a write a
kill cut short left behind for good."""

from __future__ import annotations

import fcntl
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsreader.extract import resources


@dataclass(frozen=True)
class Lists:
    words: frozenset[str]


def _folder() -> Path:
    path = resources._copy_path("lists", resources._inputs_key())
    assert path is not None
    return path.parent


def test_a_write_cut_short_by_a_kill_leaves_no_file_once_a_copy_is_written() -> None:
    folder = _folder()
    folder.mkdir(parents=True)
    stale = [folder / ".kept-a1b2c3.tmp", folder / ".kept-zz_9.tmp"]  # `_write_copy`'s names, killed mid-write
    for path in stale:
        path.write_text('{"words": {"set": ["a"', encoding="utf-8")
    (folder / "notes.txt").write_text("not ours", encoding="utf-8")
    assert resources._kept("lists", lambda: Lists(frozenset({"w"})), Lists) == Lists(frozenset({"w"}))
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["notes.txt", resources._copy_path("lists", resources._inputs_key()).name])


def test_processes_that_start_together_build_a_copy_once() -> None:
    """One holds the folder's lock while it builds; the other, finding no copy, waits for
    the lock and reads the copy the first wrote instead of building it too."""
    folder = _folder()
    folder.mkdir(parents=True)
    other = os.open(folder, os.O_RDONLY)  # "another process" building: its own open file
    fcntl.flock(other, fcntl.LOCK_EX)
    looked = threading.Event()
    real_read = resources._read_copy

    def read(path, kind):
        found = real_read(path, kind)
        looked.set()
        return found

    built: list[str] = []
    got: list[Lists] = []
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(resources, "_read_copy", read)
            thread = threading.Thread(target=lambda: got.append(resources._kept(
                "lists", lambda: built.append("built") or Lists(frozenset({"mine"})), Lists)))
            thread.start()
            assert looked.wait(30)  # it found no copy: now the other process writes its own
            resources._write_copy(resources._copy_path("lists", resources._inputs_key()), Lists(frozenset({"theirs"})))
            fcntl.flock(other, fcntl.LOCK_UN)
            thread.join(60)
    finally:
        os.close(other)
    assert built == [] and got == [Lists(frozenset({"theirs"}))]


def test_a_build_that_reads_another_copy_holds_the_lock_once() -> None:
    """The gazetteer's build asks for the cue lists: the inner build runs under the lock the
    outer one holds (a second flock from this process would wait for itself), and both
    copies are written."""
    inner = lambda: Lists(frozenset({"inner"}))  # noqa: E731
    outer = lambda: Lists(resources._kept("inner", inner, Lists).words | {"outer"})  # noqa: E731
    states: list[tuple[bool, bool]] = []
    real = resources._write_copy

    def write(path, built, locked=False):
        states.append((resources._BUILD.held, locked))
        real(path, built, locked)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resources, "_write_copy", write)
        patch.setattr(resources, "LOCK_WAIT_SECONDS", 0.0)  # a wait for itself would give up at once: unlocked
        assert resources._kept("outer", outer, Lists) == Lists(frozenset({"inner", "outer"}))
    assert states == [(True, True), (True, True)]  # the inner write, then the outer
    assert not resources._BUILD.held and not resources._BUILD.locked
    assert sorted(p.name.split("-")[0] for p in _folder().iterdir()) == ["inner", "outer"]


def test_a_lock_that_cannot_be_had_still_builds_and_keeps_stale_files() -> None:
    """Another process holding the lock past LOCK_WAIT_SECONDS (stopped amid its build): build
    and write anyway, and leave alone the temporary files, which may be that process's."""
    folder = _folder()
    folder.mkdir(parents=True)
    (folder / ".kept-theirs.tmp").write_text("{", encoding="utf-8")
    other = os.open(folder, os.O_RDONLY)
    fcntl.flock(other, fcntl.LOCK_EX)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(resources, "LOCK_WAIT_SECONDS", 0.0)
            assert resources._kept("lists", lambda: Lists(frozenset({"w"})), Lists) == Lists(frozenset({"w"}))
    finally:
        os.close(other)
    assert (folder / ".kept-theirs.tmp").exists()
    assert resources._read_copy(resources._copy_path("lists", resources._inputs_key()), Lists) == Lists(frozenset({"w"}))


def test_a_forked_child_does_not_inherit_a_threads_hold_on_the_build() -> None:
    """A worker forked while another thread of its parent builds would wait for a thread it
    does not have: the child starts with no hold."""
    with resources._building(_folder()) as locked:
        assert locked and resources._BUILD.held
        pid = os.fork()
        if pid == 0:  # the child: report by exit code only
            os._exit(0 if not resources._BUILD.held and not resources._BUILD.locked else 1)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_forked_child_lets_go_of_the_lock_its_parent_holds() -> None:
    """The child's copy of the lock's descriptor is closed: left open it held the folder's lock
    for the child's whole life, after the parent let go, and the child waited on itself."""
    with resources._building(_folder()):
        inherited = resources._BUILD.descriptor
        assert inherited is not None
        pid = os.fork()
        if pid == 0:
            try:
                os.fstat(inherited)
            except OSError:
                os._exit(0)
            os._exit(1)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_folder_where_no_copy_can_be_written_is_not_locked() -> None:
    """Each process would build under the lock, fail to write and pass it on: builds one after
    another where they used to run side by side."""
    folder = _folder()
    folder.mkdir(parents=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resources.os, "access", lambda path, mode: False)
        assert resources._take_lock(folder) is None
    fd = resources._take_lock(folder)
    assert fd is not None
    os.close(fd)


def test_a_stale_file_that_cannot_be_removed_does_not_stop_the_write() -> None:
    folder = _folder()
    folder.mkdir(parents=True)
    (folder / ".kept-stuck.tmp").mkdir()  # (unlink fails on a folder)
    assert resources._kept("lists", lambda: Lists(frozenset({"w"})), Lists) == Lists(frozenset({"w"}))
    assert resources._read_copy(resources._copy_path("lists", resources._inputs_key()), Lists) == Lists(frozenset({"w"}))
