"""`bookmarks export -o` naming something that is not a regular file: a named pipe, a
terminal, /dev/stdout, /dev/null. Writing there overwrites no file, so it needs no --force;
and the export must be written *into* it, as the shell's `>` would: the atomic write (a
temporary file renamed over the name) replaced the pipe or device itself with a plain
file (as root, `-o /dev/full --force` left /dev/full a regular file holding the export)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.store.export import write_export


def _fifo(tmp_path: Path) -> tuple[Path, int]:
    fifo = tmp_path / "out" / "pipe"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    # A reader is there before the export opens the pipe (so its open does not block), and
    # reading without blocking afterwards cannot hang the test whatever the export did.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    return fifo, reader


def _drain(reader: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(reader, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(reader)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("force", [False, True])
def test_export_into_a_named_pipe(capsys, tmp_path: Path, force: bool) -> None:
    fifo, reader = _fifo(tmp_path)
    argv = ["bookmarks", "export", "--format", "json", "-o", str(fifo)] + (["--force"] if force else [])
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe, not a file in its place
    assert json.loads(_drain(reader))["format"] == "newsreader-bookmarks"
    assert [p.name for p in fifo.parent.iterdir()] == ["pipe"]  # no temporary file left


def test_a_failed_write_into_a_special_file_is_one_line(tmp_path: Path, monkeypatch) -> None:
    """A device that refuses the write (/dev/full: no space) is a UserError naming it."""
    fifo, reader = _fifo(tmp_path)
    import builtins

    real_open = builtins.open

    class Full:
        def __init__(self, *a, **k) -> None:
            self.handle = real_open(*a, **k)

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(builtins, "open", lambda p, *a, **k: Full(p, *a, **k) if str(p) == str(fifo)
                        else real_open(p, *a, **k))
    from newsreader.errors import UserError

    with pytest.raises(UserError, match="No space left on device") as caught:
        write_export("text", str(fifo), "md", stdout=None, force=True)  # type: ignore[arg-type]
    assert str(fifo) in caught.value.message
    os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
