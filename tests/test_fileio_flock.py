"""`fileio.flock_within`: the one wait for a lock held by another process (index lock, the extractor's cache lock,
the bookmarks store's repair lock). Two descriptors of one file are two holders to flock, so one process can play
both."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

fcntl = pytest.importorskip("fcntl")

from newsreader.fileio import flock_within  # noqa: E402


@pytest.fixture
def holders(tmp_path: Path) -> Iterator[tuple[int, int]]:
    """Two descriptors of one lock file, the first holding the lock."""
    path = tmp_path / "lock"
    first = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    second = os.open(path, os.O_RDWR)
    try:
        assert flock_within(first, 0.0)
        yield first, second
    finally:
        os.close(first)
        os.close(second)


def test_a_held_lock_is_not_taken_and_a_free_one_is(holders: tuple[int, int]) -> None:
    first, second = holders
    pauses: list[int] = []
    assert not flock_within(second, 0.05, pause=lambda: pauses.append(1) or 0.01)
    assert pauses, "it waited between tries"
    fcntl.flock(first, fcntl.LOCK_UN)
    assert flock_within(second, 0.0)


def test_a_lock_let_go_of_while_waiting_is_taken(holders: tuple[int, int]) -> None:
    first, second = holders
    tries: list[int] = []

    def let_go() -> float:
        tries.append(1)
        if len(tries) == 3:
            fcntl.flock(first, fcntl.LOCK_UN)
        return 0.0

    assert flock_within(second, 5.0, pause=let_go) and len(tries) == 3
