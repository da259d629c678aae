"""K4 (M10's left-over): whether a quit key is queued behind other keys during a store wait is
counted through Textual's public `post_message` and `on_event`, not read from its private queue
(`_message_queue.values`). With that read, a Textual whose queue changed would have left only
Ctrl+Q counting, with nothing failing: these tests run the reader on a queue of another shape."""

from __future__ import annotations

import asyncio
from functools import cached_property
from pathlib import Path

import pytest
from textual.message_pump import MessagePump

from tests.test_k3_store_waits import _held
from tests.test_m10_store_quit import test_two_quit_keys_give_the_write_up_and_quit as _two_quit_keys_quit
from tests.test_tui import settle, sync


class _OtherQueue(asyncio.Queue):
    """A message queue with the methods Textual's pumps call and none of its `values` deque."""


@pytest.fixture
def other_queue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MessagePump, "_message_queue", cached_property(lambda self: _OtherQueue()))
    MessagePump._message_queue.__set_name__(MessagePump, "_message_queue")


def test_two_quit_keys_quit_on_a_textual_queue_of_another_shape(other_queue, seed_home, tmp_path: Path) -> None:
    """M10's `q q` in a wait: with its read of `_message_queue.values` (gone here) the reader
    took every `q` as queued behind a key and waited for the other copy."""
    _two_quit_keys_quit(seed_home, tmp_path)


@sync
async def test_the_count_of_keys_ahead_comes_back_to_nought(seed_home, tmp_path: Path):
    """Every key counted in is counted out, those a widget sends back up too: one left over
    would keep a lone `q` from ever counting in a later wait."""
    async with _held(seed_home, tmp_path) as (app, pilot, other):
        other.execute("ROLLBACK")
        await pilot.press("j", "j", "k", "enter", "bracketright", "tab", "x", "escape", "slash", "a", "escape")
        await settle(pilot)
        assert app._keys_queued() == 0
