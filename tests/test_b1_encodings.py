"""Pages the loader called "binary file" that a user calls text: UTF-16 and UTF-32 saved without
a byte-order mark (told by where their zero bytes are), and a page whose end is zero bytes (a
save cut short). Each is read with one line saying what was guessed and what to do; real binary
files stay refused, with or without a mark in front."""

from __future__ import annotations

import gzip
import random
import sqlite3
import struct
import sys
from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.corpus.loader import load_corpus, read_page_file
from newsreader.errors import UserError

TEXT = ("Café Opens In Zürich\n\nThe café opened on Monday in the old town. “Welcome,” the owner said, "
        "and the first guests came in from the rain.\n")


def _read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_page_file(path, max_bytes=1 << 22)


@pytest.mark.parametrize("encoding", ["UTF-16-LE", "UTF-16-BE", "UTF-32-LE", "UTF-32-BE"])
def test_utf16_and_utf32_without_a_mark_read_as_their_utf8_copy(tmp_path: Path, encoding: str) -> None:
    page = _read(tmp_path, "page.txt", TEXT.encode(encoding))
    assert page.text == TEXT and page.encoding == encoding.lower()
    (line,) = page.warnings
    assert f"not UTF-8 but {encoding} without a byte-order mark" in line and "Re-save the page as UTF-8" in line


def _binaries() -> dict[str, bytes]:
    rng = random.Random(7)
    small = struct.pack("<2000H", *(i % 256 for i in range(2000)))  # numbers below 256: high bytes zero
    no_zero = struct.pack("<2000H", *(1 + i % 255 for i in range(2000)))  # ... and no NUL once decoded
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (a, b)")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(i, "row") for i in range(300)])
    return {
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000)),
        "random": bytes(rng.randrange(256) for _ in range(6000)),
        "small-numbers-le": small,
        "small-numbers-be": struct.pack(">2000H", *(i % 256 for i in range(2000))),
        "small-numbers-32": struct.pack("<1000I", *(i % 256 for i in range(1000))),
        "small-numbers-from-1": no_zero,
        "small-numbers-behind-a-mark": b"\xff\xfe" + no_zero,
        "small-numbers-behind-a-utf32-mark": b"\xff\xfe\x00\x00" + struct.pack("<1000I", *(1 + i % 255 for i in range(1000))),
        "gzip": gzip.compress(TEXT.encode() * 50),
        "sqlite": db.serialize(),
        "python": Path(sys.executable).resolve().read_bytes()[:65536],
        "zeros-then-binary": b"\x00" * 64 + bytes(range(256)) * 4,
        # Names in fixed fields, as Windows files hold them: text but for one NUL in 40.
        "nul-separated-wide-strings": "\x00".join(f"C:\\Users\\someone\\Documents\\report-{i:04d}.docx"
                                                 for i in range(100)).encode("utf-16-le"),
        # Not UTF-16 with the zero bytes elsewhere: UTF-8 text with one stray NUL.
        "utf8-with-a-nul": (TEXT * 20).encode("utf-8")[:1001] + b"\x00" + (TEXT * 20).encode("utf-8")[:1000],
    }


@pytest.mark.parametrize("kind", list(_binaries()))
def test_binary_files_stay_binary(tmp_path: Path, kind: str) -> None:
    with pytest.raises(UserError, match="binary file, not a saved text page"):
        _read(tmp_path, f"{kind}.txt", _binaries()[kind])


def test_a_page_whose_end_is_zero_bytes_is_read_with_a_line(tmp_path: Path) -> None:
    """What a save cut short by a crash or a full disk leaves: the length written, the last
    blocks zeros. Said, and the text before them read; a file of zeros alone has no page."""
    page = _read(tmp_path, "cut.txt", TEXT.encode("utf-8") + b"\x00" * 4096)
    assert page.text == TEXT
    (line,) = page.warnings
    assert "ends in 4096 zero bytes" in line and "Save the page again" in line
    page = _read(tmp_path, "cut-1252.txt", TEXT.encode("cp1252") + b"\x00" * 100)
    assert page.text == TEXT and len(page.warnings) == 2 and "read as cp1252" in page.warnings[0]
    with pytest.raises(UserError, match="only zero bytes"):
        _read(tmp_path, "zeros.txt", b"\x00" * 8192)


def test_a_corpus_with_a_utf16_page_lists_its_story_and_says_so_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "export.txt").write_bytes(TEXT.encode("utf-16-be"))
    (corpus / "image.txt").write_bytes(_binaries()["png"])
    said: list[str] = []
    loaded = load_corpus(corpus, Config(), warn=said.append)
    assert [a.title for a in loaded.articles] == ["Café Opens In Zürich"]
    assert len(said) == 2 and "UTF-16-BE" in said[0] and "binary file" in said[1]
