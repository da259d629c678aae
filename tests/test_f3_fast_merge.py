"""A merge copies posting blocks (`writer._copy_postings`) instead of sending each posting
through Whoosh's pool (~10 ms of CPU a document, more than indexing the story again). The
merged segment must hold what Whoosh's merge writes: the same terms, term infos, postings
(ids, weights, values) and block bounds, the same stored fields and field lengths, with
the postings of deleted documents left out; and it must merge again (a merged segment is a
compound file)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.reading import SegmentReader

from newsreader.search import writer
from tests.test_writer import build_ours, random_docs


def blocks(reader: Any, fieldname: str, btext: bytes) -> list[tuple[Any, ...]]:
    """Each posting block of a term: its bounds and its (id, weight, value) postings."""
    m = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    out = []
    while m.is_active():
        if not hasattr(m, "_read_ids"):  # postings inlined in the term info
            out.append(tuple(m.all_items()))
            break
        m._read_ids()
        m._read_weights()
        m._read_values()
        out.append((m._blocklength, m._maxid, m._maxweight, m._minlength, m._maxlength, tuple(m._ids),
                    tuple(m._weights), tuple(m._values)))
        m._next_block()
    return out


def contents(folder: Path, old: set[str]) -> dict[str, Any]:
    """What the segment made by the last merge holds (everything but file offsets)."""
    ix = windex.open_dir(str(folder))
    [seg] = [s for s in ix._segments() if s.segment_id() not in old]
    reader = SegmentReader(ix.storage, ix.schema, seg)
    try:
        terms = {}
        for key, value in reader._terms._tindex.items():
            fieldname, btext = reader._terms._keydecoder(key)
            info = vars(W3TermInfo.from_bytes(value))
            info.pop("_offset", None)
            info.pop("_length", None)
            terms[fieldname, btext] = (info, blocks(reader, fieldname, btext))
        docs = [(stored, {name: reader.doc_field_length(n, name) for name in reader.schema.names()})
                for n, stored in reader.iter_docs()]
        return {"terms": terms, "docs": docs, "count": seg.doc_count_all()}
    finally:
        reader.close()


def merged(tmp_path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch, again: bool = False) -> dict[str, Any]:
    """Two segments (700 documents, terms over several blocks, one body with positions past
    65,535), 90 documents deleted, merged the Whoosh way or by copying blocks; `again`: the
    merged segment is merged once more with a third one (20 documents)."""
    src = tmp_path / "src"
    if not src.exists():
        build_ours(src, random_docs(4, 700), split=600)
        ix = windex.open_dir(str(src / "ix"))
        w = writer.NewsWriter(ix)
        for docnum in random.Random(4).sample(range(700), 90):
            w.delete_document(docnum)
        w.commit(merge=False)
        build_ours(tmp_path / "third", random_docs(5, 40), split=20)
    folder = tmp_path / f"ix{int(fast)}{int(again)}"
    shutil.copytree(src / "ix", folder)
    monkeypatch.setattr(writer, "FAST_MERGE", fast)
    ix = windex.open_dir(str(folder))
    old = {s.segment_id() for s in ix._segments()}
    made = writer.NewsWriter.__init__
    if again:  # (merged into a compound segment, as merges wrote them before S6: the second merge reads it)
        monkeypatch.setattr(writer.NewsWriter, "__init__", lambda self, ix, **kw: made(self, ix, **(kw | {"compound": True})))
    assert writer.merge_segments(ix, old)
    monkeypatch.setattr(writer.NewsWriter, "__init__", made)
    if again:
        for path in (tmp_path / "third" / "ix").iterdir():  # a third segment beside the merged one
            if path.name.startswith("MAIN_") and not path.name.endswith(".toc"):
                shutil.copy(path, folder / path.name)
        third = windex.open_dir(str(tmp_path / "third" / "ix"))._segments()[0]
        ix = windex.open_dir(str(folder))
        w = writer.NewsWriter(ix)
        w.commit_segments([third])
        ix = windex.open_dir(str(folder))
        old = {s.segment_id() for s in ix._segments()}
        assert any(s.is_compound() for s in ix._segments())  # the merged one: read from the compound file
        assert writer.merge_segments(ix, old)
    return contents(folder, old)


@pytest.mark.parametrize("again", [False, True])
def test_a_merge_copying_blocks_writes_what_whooshs_merge_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 again: bool) -> None:
    whoosh = merged(tmp_path, False, monkeypatch, again)
    ours = merged(tmp_path, True, monkeypatch, again)
    assert whoosh["count"] == (610 if not again else 630) and ours["count"] == whoosh["count"]
    assert ours["docs"] == whoosh["docs"]
    assert ours["terms"].keys() == whoosh["terms"].keys()
    several = 0
    for key, (info, bl) in whoosh["terms"].items():
        assert ours["terms"][key] == (info, bl), key
        several += len(bl) > 1
    assert several  # terms over several blocks were copied
