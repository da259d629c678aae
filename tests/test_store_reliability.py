"""The issue's reliability promises, each tested for real: separate processes, SIGKILL,
damaged files and a data folder that cannot be written.

No assertion depends on timing; subprocess timeouts are only there so a hang fails the test
instead of the whole run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsreader.errors import UserError
from newsreader.store import Store

REPO = Path(__file__).resolve().parents[1]
HANG_GUARD = 300  # seconds; a safety net against a hung child, not a performance check


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _python(script: str, *args: str, **popen: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], env=_env(), text=True, **popen)


# --- two copies of the app at once --------------------------------------------------

OPENER = r"""
import sys, time
from pathlib import Path
from newsreader.store import Store
start = float(sys.argv[2])
while time.time() < start:  # every copy starts at the same moment (a spin: sleep is too coarse)
    pass
store = Store.open(Path(sys.argv[1]))
store.close()
print("ok")
"""


def test_three_copies_creating_the_store_together_all_open_it(tmp_path: Path) -> None:
    """SQLite answers "busy" at once, without waiting, to copies switching a new store to
    WAL together: each open must try again, not give up (it failed ~1 open in 5 before)."""
    for round_ in range(8):
        path = tmp_path / str(round_) / "data" / "state.sqlite3"
        start = str(time.time() + 1.0)  # after the three interpreters have started
        copies = [_python(OPENER, str(path), start, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                  for _ in range(3)]
        for copy in copies:
            out, err = copy.communicate(timeout=HANG_GUARD)
            assert out.strip() == "ok", err


WORKER = r"""
import sys
from newsreader.store import Store

path, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = Store.open(path)          # both processes may be creating the file right now
print("ready", flush=True)
sys.stdin.readline()              # start together
store.add_bookmark("shared", title="shared story")
flip = type("A", (), {"id": "flip", "title": "flip", "source": None, "date": None})()
for i in range(n):
    aid = f"{prefix}-{i}"
    store.add_bookmark(aid, title=f"story {aid}", tags=[prefix])
    store.edit_bookmark("shared", add_tags=[aid])  # both processes change the same row
    store.mark_read(aid)
    store.bookmark_article(flip)           # both bookmark the same article and remove it
    store.remove_bookmark("flip")          # (the reader's b, twice)
    if i % 3 == 0:
        store.remove_bookmark(aid)
        store.mark_unread(aid)
print("done", flush=True)
"""


def test_two_processes_adding_and_removing_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "state.sqlite3"  # not created yet: the workers race to create it
    n = 120
    workers = [_python(WORKER, str(path), prefix, str(n), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE) for prefix in ("left", "right")]
    for worker in workers:
        if worker.stdout.readline().strip() != "ready":
            pytest.fail(f"worker could not open the store: {worker.communicate(timeout=HANG_GUARD)[1]}")
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    for worker in workers:
        out, err = worker.communicate(timeout=HANG_GUARD)
        assert worker.returncode == 0 and out.strip() == "done", err

    with Store.open(path) as store:
        assert store.notices == [] and store.integrity_ok()
        kept = {f"{p}-{i}" for p in ("left", "right") for i in range(n) if i % 3}
        assert {b.article_id for b in store.list_bookmarks()} == kept | {"shared"}
        assert set(store.get_bookmark("shared").tags) == {f"{p}-{i}" for p in ("left", "right") for i in range(n)}
        assert store.read_ids() == kept
        # Each process's last write removes it: whatever the interleaving, it ends off.
        assert not store.is_bookmarked("flip")
        assert {t for t, count in store.tag_counts() if count > 1} == {"left", "right"}


# --- kill -9 in the middle of writing ------------------------------------------------

WRITER = r"""
import sys
from newsreader.store import Bookmark, Store

store = Store.open(sys.argv[1])
i = int(sys.argv[2])
while True:
    store.add_bookmark(f"k-{i}", title=f"story {i}", note="x" * 3000, tags=[f"t{i % 7}"])
    store.merge_bookmarks([Bookmark(f"batch-{i}-{j}", title="b", note="y" * 500) for j in range(20)])
    print(i, flush=True)   # acknowledged: both writes above have committed
    i += 1
"""


def test_sigkill_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    acked: set[int] = set()
    start = 0
    for _round in range(3):
        writer = _python(WRITER, str(path), str(start), stdout=subprocess.PIPE)
        seen = 0
        for line in writer.stdout:
            acked.add(int(line))
            seen += 1
            if seen == 25:
                break
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate(timeout=HANG_GUARD)
        acked.update(int(line) for line in rest.split())  # acks printed before the kill
        assert writer.returncode == -signal.SIGKILL
        start = max(acked) + 1000  # the next round writes fresh ids

        with Store.open(path) as store:
            assert store.notices == [], "a killed writer must not leave a damaged store"
            assert store.integrity_ok()
            ids = {b.article_id for b in store.list_bookmarks()}
            for i in acked:
                assert f"k-{i}" in ids
                assert all(f"batch-{i}-{j}" in ids for j in range(20))
            # A batch is one transaction: after the kill it is all there or not at all.
            batches: dict[str, int] = {}
            for aid in ids:
                if aid.startswith("batch-"):
                    key = aid.rsplit("-", 1)[0]
                    batches[key] = batches.get(key, 0) + 1
            assert set(batches.values()) <= {20}


# --- damaged store -------------------------------------------------------------------


def _make_store(path: Path, count: int = 300) -> None:
    with Store.open(path) as store:
        for i in range(count):
            store.add_bookmark(f"id-{i}", title=f"A story with a long enough title {i}", note="n" * 200)


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database, just some text someone saved here\n" * 200)


def _truncated(path: Path) -> None:
    _make_store(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged_pages(path: Path) -> None:
    _make_store(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 4] = b"\xde\xad\xbe\xef" * (page // 2)
    path.write_bytes(bytes(data))


def _foreign_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE someone_elses (x)")
    db.commit()
    db.close()


@pytest.mark.parametrize("damage", [_garbage, _truncated, _damaged_pages, _foreign_sqlite],
                         ids=["garbage", "truncated", "damaged-pages", "foreign-sqlite"])
def test_damaged_store_is_moved_aside_with_a_message(tmp_path: Path, damage) -> None:
    path = tmp_path / "state.sqlite3"
    damage(path)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"stale wal")
    before = path.read_bytes()

    with Store.open(path) as store:
        assert len(store.notices) == 1
        notice = store.notices[0]
        assert "damaged" in notice and "moved it to state.sqlite3.corrupt-" in notice and "\n" not in notice
        # What could still be read is rescued into the new store, and the notice says how much
        # (tests/test_store_salvage.py checks that no readable row is lost).
        rescued = store.bookmark_count()
        assert store.persistent and (f"rescuing {rescued} bookmarks" in notice
                                     if rescued else "nothing could be rescued" in notice), notice
        if damage in (_garbage, _foreign_sqlite):
            assert rescued == 0
        store.add_bookmark("fresh", title="the new store works")

    (aside,) = tmp_path.glob("state.sqlite3.corrupt-*[0-9]")
    assert aside.read_bytes() == before, "the damaged file is kept as it was, never overwritten"
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"stale wal"
    with Store.open(path) as store:
        assert store.notices == [] and store.is_bookmarked("fresh")


def test_second_damage_does_not_overwrite_the_first_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    for _ in range(2):
        _garbage(path)
        Store.open(path).close()
    assert len(list(tmp_path.glob("state.sqlite3.corrupt-*"))) == 2


def test_unmovable_damaged_store_degrades_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.sqlite3"
    _garbage(path)

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserError, match="could not be moved aside"):
        Store.open(path)
    store = Store.open(path, readonly_ok=True)
    assert not store.persistent and "bookmarks will not be saved" in store.notices[-1]
    assert path.read_bytes().startswith(b"this is not a database")


# --- a data folder that cannot be written --------------------------------------------


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    """Works for every user, root included: a file stands where the folder should be."""
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    path = blocker / "state.sqlite3"
    with pytest.raises(UserError, match="cannot create the data folder"):
        Store.open(path)
    with Store.open(path, readonly_ok=True) as store:
        assert not store.persistent
        assert store.notices[0].startswith("bookmarks will not be saved: cannot create the data folder")
        assert store.bookmark_article(type("A", (), {"id": "a", "title": "t", "source": None, "date": None})())
        assert store.bookmark_count() == 1


def _readonly_runner(folder: Path) -> list[str]:
    """A command prefix under which `folder` is really read-only. As root, chmod does not
    stop writes, so use a private mount namespace with a read-only bind mount instead."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    if shutil.which("unshare") is None:
        pytest.skip("running as root (chmod does not stop root) and unshare is not installed")
    prefix = ["unshare", "-m", "sh", "-c",
              'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"',
              "sh", str(folder)]
    probe = subprocess.run(prefix + ["sh", "-c", f'! touch "{folder}/probe" 2>/dev/null'],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"running as root (chmod does not stop root) and no read-only bind mount: {probe.stderr.strip()}")
    return prefix


READONLY_CHECK = r"""
import json, sys
from newsreader.errors import UserError
from newsreader.store import Store

path = sys.argv[1]
try:
    Store.open(path)
    strict = None
except UserError as exc:
    strict = exc.message
store = Store.open(path, readonly_ok=True)   # what the reader does
ids = [b.article_id for b in store.list_bookmarks()]
store.add_bookmark("new", title="kept in memory only")
print(json.dumps({"strict": strict, "notices": store.notices, "persistent": store.persistent,
                  "ids": ids, "after_add": store.bookmark_count()}))
"""


def test_read_only_data_folder_gives_a_message_and_the_store_still_opens(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    path = folder / "state.sqlite3"
    with Store.open(path) as store:
        store.add_bookmark("old", title="saved before the folder went read-only", tags=["t"])
    before = path.read_bytes()
    prefix = _readonly_runner(folder)
    try:
        result = subprocess.run(prefix + [sys.executable, "-c", READONLY_CHECK, str(path)],
                                env=_env(), capture_output=True, text=True, timeout=HANG_GUARD)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "read-only" in report["strict"] and "\n" not in report["strict"]
    assert report["persistent"] is False
    assert report["notices"] == [f"bookmarks will not be saved: {report['strict']}"]
    assert report["ids"] == ["old"], "the user still sees the bookmarks saved before"
    assert report["after_add"] == 2
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["state.sqlite3"]


def test_store_path_taken_by_a_folder_is_reported_not_removed(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.mkdir()
    (path / "keep.txt").write_text("user's file")
    with pytest.raises(UserError, match="is a folder where the bookmarks store file should be"):
        Store.open(path)
    assert not Store.open(path, readonly_ok=True).persistent
    assert (path / "keep.txt").read_text() == "user's file"


def test_a_write_lock_held_too_long_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another copy of the app, stuck mid-write
    try:
        with Store.open(path, timeout=0.05) as store:
            assert store.bookmark_count() == 0  # reads still work in WAL mode
            with pytest.raises(UserError, match="stayed busy .another newsreader is writing.; try again"):
                store.add_bookmark("x", title="t")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(path) as store:
        assert store.add_bookmark("x", title="t").article_id == "x"
