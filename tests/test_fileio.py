"""newsreader.fileio.write_text_atomically: the one atomic write the bookmark export and the
extractor's kept copies share (review C8)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsreader.errors import UserError
from newsreader.extract import resources
from newsreader.fileio import write_text_atomically


@dataclass(frozen=True)
class Lists:
    words: frozenset[str]


def _temporaries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The temporary files renamed into place, as they are named."""
    seen: list[str] = []
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        seen.append(os.path.basename(src))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return seen


def test_the_kept_copys_temporary_file_is_one_the_stale_clean_up_finds(tmp_path: Path, monkeypatch) -> None:
    seen = _temporaries(monkeypatch)
    path = tmp_path / "lists-abc.json"
    resources._write_copy(path, Lists(frozenset({"x"})), locked=True)
    assert path.exists() and len(seen) == 1
    assert list(tmp_path.glob(seen[0])) == [] and Path(seen[0]).match(resources._TEMPORARY[0] + "*" + resources._TEMPORARY[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lists-abc.json"]  # nothing left behind


def test_replace_writes_whole_with_the_exports_temporary_name_and_user_only_permissions(tmp_path: Path, monkeypatch) -> None:
    seen = _temporaries(monkeypatch)
    path = tmp_path / "out.md"
    path.write_text("old", encoding="utf-8")
    assert write_text_atomically(path, "new\r\nline") == path
    assert path.read_bytes() == b"new\r\nline" and seen[0].startswith(".out.md.") and seen[0].endswith(".tmp")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_without_replace_an_existing_file_is_kept_and_the_next_free_name_taken(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "a-2.md"
    first.write_text("mine", encoding="utf-8")
    assert write_text_atomically(first, "new", replace=False) is None
    assert write_text_atomically(first, "new", replace=False, then=[second]) == second
    assert first.read_text(encoding="utf-8") == "mine" and second.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.md", "a.md"]


def test_a_failure_is_one_line_naming_the_file_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"^cannot write .*nowhere.*out\.md \(No such file or directory\)$"):
        write_text_atomically(tmp_path / "nowhere" / "out.md", "x")
    (tmp_path / "out.md").mkdir()
    with pytest.raises(UserError, match=r"^cannot write .*out\.md \(Is a directory\)$"):
        write_text_atomically(tmp_path / "out.md", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_a_writer_function_streams_the_text_and_what_it_raises_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    assert write_text_atomically(path, lambda file: file.write('{"a": 1}')) == path
    assert path.read_text(encoding="utf-8") == '{"a": 1}'

    def cut_short(file) -> None:
        file.write('{"b": ')
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_text_atomically(path, cut_short)
    with pytest.raises(RuntimeError, match="disk full"):
        write_text_atomically(tmp_path / "new.json", cut_short, replace=False)
    assert [p.name for p in tmp_path.iterdir()] == ["copy.json"] and path.read_text(encoding="utf-8") == '{"a": 1}'


def test_replace_through_a_symlink_writes_the_file_it_names(tmp_path: Path) -> None:
    """`bookmarks export -o LINK --force` replaced the link with a file of its own, and the
    file the user keeps (the link's target) still held the old text."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "notes.md"
    target.write_text("old notes", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert write_text_atomically(link, "new notes") == target
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new notes"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["notes.md"]
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "real" / "later.md")
    write_text_atomically(dangling, "first")
    assert dangling.is_symlink() and dangling.read_text(encoding="utf-8") == "first"
