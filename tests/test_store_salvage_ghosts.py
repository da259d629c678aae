"""Ghost bookmarks: after a rescue from a store with flipped bytes, a bookmark came back twice.
A byte flipped in a bookmark's id on a table page left its row (title, note) under the
garbled id, while the key index, on another page, still had the true id at the same rowid:
read from the index alone, the true id came back as a second bookmark titled by its id (71
of 1,500 bookmarks with every third leaf page flipped; M1's "not done"). The rescue now
matches the two by rowid and keeps the row once, under the likelier id, without losing a
row a plain SELECT reads."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from newsreader.store import Store
from newsreader.store.db import Bookmark
from tests import test_store_salvage as salvage

healthy = salvage.healthy  # (its module fixture: a store of 1,500 bookmarks)


@pytest.mark.parametrize("damage", [salvage._flip(b"A headline", 3, 97), salvage._flip(b"A headline", 5, 1500)],
                         ids=lambda d: d.__name__)
def test_bytes_flipped_in_bookmark_rows_keep_each_bookmark_once(tmp_path: Path, healthy: bytes, damage) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(damage(healthy))
    twins = salvage._twins(path)
    garbled_rows = [row for row in twins if len(row) == 3]  # bookmarks' (id, title, note)
    assert garbled_rows, "the damage garbles some ids on table pages (else this test shows nothing)"
    with Store.open(path) as store:
        bookmarks = {b.article_id: b for b in store.list_bookmarks()}
        read = store.read_ids()
    assert len(bookmarks) == salvage.BOOKMARKS and not [i for i in bookmarks if "\ufffd" in i]
    for garbled, title, note in garbled_rows:
        (true,) = twins[(garbled, title, note)]
        assert (bookmarks[true].title, bookmarks[true].note) == (title, note)  # the row's words, once
    assert not [i for i in read if "\ufffd" in i]


def _shaped_store(path: Path, *, tagged: bool, count: int = 600) -> list[str]:
    """Ids of the corpus's shape (slug, 8 hex digits)."""
    ids = [f"a-headline-number-{i}-" + hashlib.sha1(str(i).encode()).hexdigest()[:8] for i in range(count)]
    with Store.open(path) as store:
        store.merge_bookmarks(Bookmark(i, f"A headline number {n}", tags=("t",) if tagged else ())
                              for n, i in enumerate(ids))
    return ids


def _leaves(path: Path, name: str) -> list[int]:
    """The leaf pages of table or index `name` (0 = the file's first page)."""
    db = sqlite3.connect(path)
    try:
        return [row[0] - 1 for row in db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (name,))]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        db.close()


@pytest.mark.parametrize(("where", "bit", "tagged"), [
    ("bookmarks", 0x20, False),  # 'h' -> 'H': not the ids' shape (a lowercase slug)
    ("bookmarks", 0x01, True),  # 'h' -> 'i': the shape still, but the tags name the true id
], ids=["row-case-flipped", "row-letter-shifted-tagged"])
def test_a_flip_that_leaves_text_is_told_by_the_id_shape_or_the_tags(tmp_path: Path, where: str, bit: int,
                                                                       tagged: bool) -> None:
    """A flipped bit that leaves ASCII makes no U+FFFD, and both ids read as text."""
    path = tmp_path / "state.sqlite3"
    ids = _shaped_store(path, tagged=tagged)
    data = bytearray(path.read_bytes())
    for page in _leaves(path, where)[::2]:
        for i in range(page * salvage.PAGE + 100, (page + 1) * salvage.PAGE, 61):
            data[i] ^= bit
    data = bytearray(salvage._overwrite(_leaves(path, "bookmarks")[-1], 1)(bytes(data)))  # (damaged for sure)
    path.write_bytes(bytes(data))
    with Store.open(path) as store:
        assert len(store.notices) == 1
        kept = [b.article_id for b in store.list_bookmarks()]
    assert len(kept) == len(set(kept)) and set(kept) <= set(ids)
    assert len(kept) >= len(ids) - 40  # (the rows of the overwritten page may be gone)


def test_an_id_flipped_in_the_index_alone_is_not_a_bookmark_of_its_own(tmp_path: Path) -> None:
    """The index's copy of some ids flipped ('h' -> 'H', in the id bytes alone, so the index
    still reads): the rows keep their own ids, and the index's are not brought back as
    bookmarks titled by their ids beside them."""
    path = tmp_path / "state.sqlite3"
    ids = _shaped_store(path, tagged=False)
    data = bytearray(path.read_bytes())
    flipped = 0
    for page in _leaves(path, "sqlite_autoindex_bookmarks_1"):
        start = page * salvage.PAGE
        at = data.find(b"a-headline-number-", start, start + salvage.PAGE)
        while at != -1:
            flipped += 1
            if flipped % 5 == 0:
                data[at + 2] ^= 0x20
            at = data.find(b"a-headline-number-", at + 1, start + salvage.PAGE)
    path.write_bytes(salvage._overwrite(_leaves(path, "bookmarks")[-1], 1)(bytes(data)))
    with Store.open(path) as store:
        assert len(store.notices) == 1
        kept = [b.article_id for b in store.list_bookmarks()]
    assert flipped > 100 and len(kept) >= len(ids) - 40
    assert len({i.lower() for i in kept}) == len(kept)  # each once (under the index's id only if that is all)
    assert len(set(kept) - set(ids)) < 40  # (the rows of the overwritten page, known from the index alone)


def test_an_index_entry_flipped_into_another_bookmarks_id_loses_neither(tmp_path: Path) -> None:
    """The index's copy of 'story-00011' flipped into 'story-00010', which has tags where
    00011 has none: that is no reason to rename 00011's row onto 00010's (and lose it)."""
    path = tmp_path / "state.sqlite3"
    with Store.open(path) as store:
        for i in range(300):
            store.add_bookmark(f"story-{i:05d}", title=f"A headline number {i} " + "x" * 100,
                               tags=["t"] if i != 11 else [])
    leaves = _leaves(path, "sqlite_autoindex_bookmarks_1")
    data = bytearray(path.read_bytes())
    page = next(p for p in leaves if b"story-00011" in data[p * salvage.PAGE:(p + 1) * salvage.PAGE])
    at = page * salvage.PAGE + data[page * salvage.PAGE:(page + 1) * salvage.PAGE].index(b"story-00011")
    data[at + 10] ^= 0x01  # '1' -> '0'
    path.write_bytes(salvage._overwrite(salvage._pages_holding(bytes(data), b"number 150 ")[0], 1)(bytes(data)))
    with Store.open(path) as store:
        assert len(store.notices) == 1
        eleven, ten = store.get_bookmark("story-00011"), store.get_bookmark("story-00010")
    assert eleven is not None and eleven.title.startswith("A headline number 11 ")
    assert ten is not None and ten.title.startswith("A headline number 10 ")
