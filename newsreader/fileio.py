"""Writing a file whole or not at all: via a temporary file in the same folder, renamed (or
linked) into place, so a reader never sees part of one. Shared by the bookmark export and the
extractor's kept copies (whose clean-up of writes a kill cut short finds the temporary files by
the `prefix` and `suffix` they are given here)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Callable, Iterable, TextIO

from newsreader.errors import UserError


def write_text_atomically(path: Path, text: str | Callable[[TextIO], object], *, replace: bool = True, then: Iterable[Path] = (),
                          prefix: str | None = None, suffix: str = ".tmp") -> Path | None:
    """Write via a temporary file and rename, so an interrupted write never leaves a
    half-written file where a good one was. With `replace=False` the finished file is
    linked in only where no file exists yet (checked and done in one step, so a file
    another run writes meanwhile is not lost either): at `path`, else at the first free
    name of `then` (the one temporary file serves them all). Returns the path written,
    None when every name was taken. The temporary file is `prefix` (default ".NAME.")
    + random + `suffix`, created readable by the user only (as `tempfile.mkstemp` makes it);
    any failure is one UserError line naming the file. `text` may be a function writing the
    text to the file it is given (a JSON dump streamed, say: the copies of the extractor);
    whatever it raises leaves no file behind either. With `replace`, a name that is a pipe or a
    device (not a regular file, not a folder) is written into, never replaced: see `is_special`."""
    import tempfile

    def put(handle: TextIO) -> None:
        text(handle) if callable(text) else handle.write(text)

    if replace and is_special(path):
        # A pipe, a terminal, a device: written into, as `>` does. A file renamed over it would
        # take its place (as root, /dev/full became a plain file holding the text); such a
        # file has no whole-or-nothing to keep anyway. Checked through a link, and opened by
        # it: /dev/stdout names /proc/self/fd/1, whose target is no path when it is a pipe.
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                put(handle)
        except OSError as exc:
            raise UserError(f"cannot write {path} ({exc.strerror or exc})") from None
        return path
    if replace and path.is_symlink():
        # Replace the file the link names, as `>` would, not the link with a file of its own
        # (the temporary file goes beside that file, so the rename stays in one file system).
        path = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}." if prefix is None else prefix, suffix=suffix)
    except OSError as exc:
        raise UserError(f"cannot write {path} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            put(handle)
        if replace:
            os.replace(tmp, path)
            return path
        for name in itertools.chain((path,), then):
            path = name  # named in the error below
            try:
                os.link(tmp, name)
            except FileExistsError:
                continue
            except OSError:
                # A file system without hard links: create the file exclusively instead.
                try:
                    with open(name, "x", encoding="utf-8", newline="\n") as handle:
                        put(handle)
                except FileExistsError:
                    continue
            return name
        return None
    except OSError as exc:
        raise UserError(f"cannot write {path} ({exc.strerror or exc})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def is_special(path: Path) -> bool:
    """Is `path` something that exists but is neither a regular file nor a folder (a named pipe,
    a terminal, a device, a socket)? Renaming a file over one would replace the node itself."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def flock_within(fd: int, seconds: float, pause: Callable[[], float] | float = 0.05) -> bool:
    """Take an exclusive flock on `fd`, trying again for up to `seconds` while another process holds it; False
    when it stayed held. The kernel drops a flock when its holder dies, so a killed copy never leaves one behind.
    The one wait shared by the index lock, the extractor's cache lock and the bookmarks store's repair lock (each
    says in its own words what to do when it stays held). `pause` is the sleep between tries, or a function giving
    it (a random one spreads copies that found the same thing at once)."""
    import fcntl
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause() if callable(pause) else pause)
