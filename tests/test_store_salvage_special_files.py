"""fileio.write_text_atomically(replace=True) on a name that is a named pipe (or a device):
renaming the temporary file over it replaced the node itself with a plain file (as root the
bookmark export turned /dev/full into one). It now writes into it, as `>` and the export do;
tested with a pipe, since a device would be damaged on the host if the test failed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsreader.errors import UserError
from newsreader.fileio import write_text_atomically
from tests.test_qa_export_special import _drain


def _pipe(tmp_path: Path) -> tuple[Path, int]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Opened for reading first, so the write's open does not block, and read without
    # blocking afterwards, so nothing can hang whatever the write did.
    return fifo, os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)


@pytest.mark.parametrize("by_link", [False, True], ids=["pipe", "link-to-pipe"])
@pytest.mark.parametrize("callable_text", [False, True], ids=["text", "writer"])
def test_a_pipe_is_written_into_not_replaced(tmp_path: Path, by_link: bool, callable_text: bool) -> None:
    fifo, reader = _pipe(tmp_path)
    name = fifo
    if by_link:
        name = tmp_path / "link"
        name.symlink_to(fifo)
    text = "line one\nline two\n"
    written = write_text_atomically(name, (lambda f: f.write(text)) if callable_text else text)
    assert written == name
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe itself was replaced by a file"
    assert _drain(reader) == text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["pipe"] + (["link"] if by_link else []))


def test_a_failed_write_into_a_pipe_is_one_line_naming_it(tmp_path: Path) -> None:
    """No reader: opening a pipe for writing without blocking fails (ENXIO), as a full device's
    write does; one UserError line naming the pipe, and the pipe stays."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import builtins

    real_open = builtins.open

    def nonblocking_open(path, mode="r", *args, **kwargs):
        if str(path) == str(fifo):
            raise OSError(6, "No such device or address")
        return real_open(path, mode, *args, **kwargs)

    builtins.open = nonblocking_open
    try:
        with pytest.raises(UserError, match=r"cannot write .*pipe \(No such device or address\)"):
            write_text_atomically(fifo, "x")
    finally:
        builtins.open = real_open
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_regular_file_is_still_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "out.md"
    path.write_text("old", encoding="utf-8")
    inode = path.stat().st_ino
    assert write_text_atomically(path, "new") == path
    assert path.read_text(encoding="utf-8") == "new" and path.stat().st_ino != inode  # renamed in, not rewritten
