"""Writing Whoosh segments fast, in the worker processes, in Whoosh's own file format.

Whoosh's `SegmentWriter` sends every posting through a sorting pool (a tuple per posting,
pickled to disk and merged back once the pool passes its memory limit: 40% of an indexing
run at 10,000 articles) and then through per-posting Python in the codec. Here:

* `SegmentBuilder` collects postings per term as documents arrive (documents arrive in
  document-number order, so each term's list is already sorted; only the terms are sorted
  at the end) and writes the segment's files itself: the term table in Whoosh's ordered
  hash format (`TermTableWriter`) and posting blocks in the W3 block format. Each worker
  process owns one builder, so segments are written on every core; the process that owns
  the index only adds the finished segments to its table of contents (`NewsWriter`).
* Posting blocks store their values as native pickled bytes and are not compressed
  (`NewsCodec`, `pickle_block`). Whoosh's protocol 2 pickles each position value through
  `_codecs.encode`: a block of 128 body postings took ~60 us to pickle and ~60 us to
  unpickle (every query reading the block pays the second), against ~6 us each with
  protocol 3's bytes opcodes. Readers are Whoosh's own (`pickle.loads`).
* Single positions (most postings) are encoded once (`analysis.ONE_POSITION`).

The codec class is pickled into the index's table of contents: renaming it, or changing
what it writes, needs a `SCHEMA_VERSION` bump.
"""

from __future__ import annotations

import heapq
import mmap
import os
import struct
from array import array
from dataclasses import dataclass, field
from itertools import accumulate, groupby
from operator import itemgetter, sub
from pathlib import Path
from pickle import dumps, loads
from collections.abc import Callable, Iterator
from typing import Any
from zlib import crc32, decompress

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3PostingsWriter, \
    W3TermInfo, _lenfield
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import _dir_entry as _DIR_ENTRY  # a table's directory entry: position, slots
from whoosh.filedb.filetables import _hash_functions, crc_hash
from whoosh.filedb.filetables import _lengths as _KEY_VALUE_LENGTHS  # an item's key and value lengths
from whoosh.formats import Existence, Positions
from whoosh.reading import SegmentReader
from whoosh.system import emptybytes, pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import NO_MERGE, SegmentWriter

from newsreader.search.analysis import NAME_GAP, ONE_POSITION, Memo, encode_positions
from newsreader.search.schema import INDEX_NAME

#: Postings per block (Whoosh's default).
BLOCK_LIMIT = 128
#: Positions collected by one builder before it writes its segment and starts another
#: (~70 bytes of a worker's RSS each, measured): bounds a worker's memory whatever the
#: batch size. A 10,000-article share of a batch holds ~4.5 million.
MAX_SEGMENT_POSITIONS = 8_000_000

_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


#: A field length -> Whoosh's length byte, worked out the first time the length is seen. A table of
#: the first 4,096 built at import cost ~14 M instructions (~3 ms) of every search's start: the index's
#: table of contents names this module (its codec), so opening an index imports it.
_LENGTH_TO_BYTE = Memo(length_to_byte)
# W3TermInfo's fixed part: flags, total weight, doc freq, min/max length byte, max weight,
# first and last document.
_TERMINFO = W3TermInfo._struct
_CRC_HASH = _hash_functions.index(crc_hash)  # the hash function's number in a table's header


def pickle_block(data: tuple[Any, Any, Any]) -> bytes:
    """A block's `(ids, weights, values)` pickled with protocol 3 (bytes as bytes, no
    frame opcodes) under a protocol 2 header. Everything before the values is then byte
    for byte what protocol 2 writes, which `postings.py` reads without unpickling the
    values; `pickle.loads` does not hold a stream to the protocol its header names."""
    return b"\x80\x02" + dumps(data, 3)[2:]


def encode_block(deltas: tuple[int, ...], weights: Any, values: Any, maxid: int, maxweight: float,
                 minlen: int, maxlen: int, last: bool) -> bytes:
    """One posting block as Whoosh's `W3LeafMatcher` reads it: its size (negated for a
    term's last block), the pickled block info, then `pickle_block` of the id deltas,
    weights and values. Never compressed (level 0 in the info): see the module docstring."""
    data = pickle_block((deltas, weights, values))
    info = dumps((len(deltas), maxid, maxweight, 0, minlen, maxlen), 2)
    size = len(info) + len(data)
    return pack_int(-size if last else size) + info + data


class NewsPostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer (used when Whoosh merges segments) with `NewsCodec`'s
    block encoding."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        self._postfile.write(encode_block(self._mini_ids(), self._mini_weights(), self._mini_values(), self._ids[-1],
                                          self._maxweight, length_to_byte(self._minlength),
                                          length_to_byte(self._maxlength), last))
        self._blockcount += 1
        self._new_block()


class NewsFieldWriter(W3FieldWriter):
    """Whoosh's field writer for merges: reads each field's length column once per segment
    instead of once per posting, and appends postings without per-posting type checks."""

    def _lengths(self, lengths: Any, fieldname: str) -> list[int] | None:
        if not lengths or not self._fieldobj.scorable:
            return None
        count = lengths.doc_count_all()
        reader = lengths._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if reader is None:
            return [0] * count
        table = _BYTE_TO_LENGTH
        return [table[reader[i] or 0] if reader[i] else 0 for i in range(count)]

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:  # type: ignore[override]
        blocklimit = self._codec._blocklimit
        lastfn = None
        lasttext = None
        flens: list[int] | None = None
        pw: Any = None
        for fieldname, btext, docnum, weight, value in items:
            if fieldname != lastfn:
                if lasttext is not None:
                    self.finish_term()
                if lastfn is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                flens = self._lengths(lengths, fieldname)
                lastfn = fieldname
                lasttext = None
            if docnum == -1:  # Whoosh's marker for spelling words: none in our schema
                continue
            if btext != lasttext:
                if lasttext is not None:
                    if btext < lasttext:
                        raise ValueError(f"postings out of order: {fieldname}:{lasttext!r} .. {btext!r}")
                    self.finish_term()
                self.start_term(btext)
                lasttext = btext
                pw = self._postwriter
            if len(pw._ids) >= blocklimit:
                pw._write_block()
            pw._ids.append(docnum)
            pw._weights.append(weight)
            if weight > pw._maxweight:
                pw._maxweight = weight
            if value is None:
                value = emptybytes
            if value:
                pw._values.append(value)
            length = flens[docnum] if flens is not None else 0
            if length:
                if pw._minlength is None or length < pw._minlength:
                    pw._minlength = length
                if length > pw._maxlength:
                    pw._maxlength = length
        if lasttext is not None:
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


class NewsCodec(W3Codec):
    def __init__(self, blocklimit: int = BLOCK_LIMIT, inlinelimit: int = 1) -> None:
        super().__init__(blocklimit=blocklimit, compression=0, inlinelimit=inlinelimit)

    def field_writer(self, storage: Any, segment: Any) -> NewsFieldWriter:
        return NewsFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> NewsPostingsWriter:
        return NewsPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids, compression=0,
                                  inlinelimit=self._inlinelimit)


class TermTableWriter:
    """A segment's term table in the format of Whoosh's `OrderedHashWriter` (read by its
    `OrderedHashReader`), built in memory from keys given in increasing order and written
    at `close`. Keys are hashed with CRC32, which the format records (Whoosh's default MD5
    costs a hex round trip per key, when writing and at every lookup)."""

    def __init__(self, dbfile: Any) -> None:
        self.dbfile = dbfile
        self.buf = bytearray(b"HSH3" + bytes([_CRC_HASH]) + pack_int(0) + pack_int(0))
        self.positions: list[int] = []
        self.hashes: list[int] = []

    def add(self, key: bytes, value: bytes) -> None:
        buf = self.buf
        self.positions.append(len(buf))
        self.hashes.append(crc32(key))
        buf += _KEY_VALUE_LENGTHS.pack(len(key), len(value))
        buf += key
        buf += value

    def close(self, extras: dict[str, Any]) -> None:
        buf = self.buf
        buckets: list[list[tuple[int, int]]] = [[] for _ in range(256)]
        for h, pos in zip(self.hashes, self.positions):
            buckets[h & 255].append((h, pos))
        directory = []
        for entries in buckets:
            slots = 2 * len(entries)
            directory.append((len(buf), slots))
            if not slots:
                continue
            table = [0] * (2 * slots)  # (hash, position) pairs; position 0 marks a free slot
            for h, pos in entries:
                slot = (h >> 8) % slots
                while table[2 * slot + 1]:
                    slot = (slot + 1) % slots
                table[2 * slot] = h
                table[2 * slot + 1] = pos
            buf += struct.pack("!" + "Iq" * slots, *table)
        for entry in directory:
            buf += _DIR_ENTRY.pack(*entry)
        typecode = "I" if len(buf) < 2 ** 32 else "q"
        index = array(typecode, self.positions)
        index.byteswap()  # big-endian, as Whoosh reads it
        pickled = dumps(extras | {"indextype": typecode, "indexlen": len(index)}, -1)
        buf += pickled
        buf += index.tobytes()
        buf += pack_int(len(pickled) + len(index) * index.itemsize)
        self.dbfile.write(bytes(buf))
        self.dbfile.close()


@dataclass
class IndexDoc:
    """One document ready for a `SegmentBuilder`, analysed already.

    `text` maps a positional field to its parts, each a list of terms (a name list is one
    part per name; parts are `gap` positions apart); `keys` maps an untokenised field to its
    terms; `columns` and `stored` hold the per-document values. `order` is the sort key
    (the indexer sorts by it before adding)."""

    text: dict[str, list[list[str]]]
    keys: dict[str, list[str]]
    columns: dict[str, Any] = field(default_factory=dict)
    stored: dict[str, Any] = field(default_factory=dict)
    order: int = 0


class SegmentBuilder:
    """Builds Whoosh segments in `folder` (a staging folder: nothing here is part of the
    index until the index's owner moves the files and commits them, see `NewsWriter`)."""

    def __init__(self, folder: Path, schema: Any, gap: int = NAME_GAP) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.storage = FileStorage(str(folder))
        self.schema = schema
        self.gap = gap
        self.codec = NewsCodec()
        self.done: list[Any] = []
        self._positional = {name for name, f in schema.items() if isinstance(f.format, Positions)}
        self._existence = {name for name, f in schema.items() if isinstance(f.format, Existence)}
        self._start()

    def _start(self) -> None:
        self.segment = self.codec.new_segment(self.storage, INDEX_NAME)
        self.perdoc = self.codec.per_document_writer(self.storage, self.segment)
        self.docnum = 0
        self.positions = 0
        # field -> term -> postings; positional fields: [doc, pos, doc, pos, ...] where pos
        # is an int (one position) or a list (several); other fields: [doc, doc, ...].
        self.tables: dict[str, dict[str, list[Any]]] = {name: {} for name in self._positional | self._existence}
        # field -> terms with a posting of several positions
        self.multi: dict[str, set[str]] = {name: set() for name in self._positional}
        # field -> length byte per document (for the blocks' length bounds)
        self.lengths: dict[str, bytearray] = {}

    def add(self, doc: IndexDoc) -> None:
        d = self.docnum
        schema = self.schema
        perdoc = self.perdoc
        perdoc.start_doc(d)
        for name, value in doc.stored.items():
            perdoc.add_field(name, schema[name], value, 0)
        for name, values in doc.keys.items():
            table = self.tables[name]
            for v in values:
                post = table.get(v)
                if post is None:
                    table[v] = [d]
                elif post[-1] != d:
                    post.append(d)
        gap = self.gap
        for name, parts in doc.text.items():
            table = self.tables[name]
            multi = self.multi[name]
            get = table.get
            base = 0
            for part in parts:
                for i, t in enumerate(part, base):
                    post = get(t)
                    if post is None:
                        table[t] = [d, i]
                    elif post[-2] == d:
                        p = post[-1]
                        if p.__class__ is int:
                            post[-1] = [p, i]
                            multi.add(t)
                        else:
                            p.append(i)
                    else:
                        post += (d, i)
                base += len(part) + gap
            n = base - gap * len(parts)
            if n:
                self.positions += n
                perdoc.add_field(name, schema[name], None, n)
                lengths = self.lengths.get(name)
                if lengths is None:
                    lengths = self.lengths[name] = bytearray()
                if len(lengths) < d:
                    lengths.extend(bytes(d - len(lengths)))
                lengths.append(_LENGTH_TO_BYTE[n])
        for name, value in doc.columns.items():
            perdoc.add_column_value(name, schema[name].column_type, value)
        perdoc.finish_doc()
        self.docnum = d + 1
        if self.positions >= MAX_SEGMENT_POSITIONS:
            self._write()

    def finish(self) -> list[Any]:
        """The segments written since the last call (the current one is written now)."""
        if self.docnum:
            self._write()
        done, self.done = self.done, []
        return done

    def files(self, segment: Any) -> list[Path]:
        """The files of one finished segment."""
        return [self.folder / name for name in segment.list_files(self.storage)]

    def _write(self) -> None:
        segment = self.segment
        count = self.docnum
        self.perdoc.close()
        segment.set_doc_count(count)
        storage = self.storage
        terms = TermTableWriter(storage.create_file(segment.make_filename(W3Codec.TERMS_EXT)))
        postfile = storage.create_file(segment.make_filename(W3Codec.POSTS_EXT))
        writer = _PostingWriter(postfile)
        fieldmap: dict[str, int] = {}
        for name in sorted(self.tables):
            table = self.tables[name]
            if not table:
                continue
            fieldmap[name] = len(fieldmap)
            prefix = pack_ushort(fieldmap[name])
            fieldobj = self.schema[name]
            if name in self._positional:
                boost = float(fieldobj.format.field_boost)
                lengths = self.lengths.get(name, bytearray())
                if len(lengths) < count:
                    lengths.extend(bytes(count - len(lengths)))
                multi = self.multi[name]
                for term in sorted(table):
                    terms.add(prefix + term.encode("utf-8"), writer.positional(table[term], boost, lengths, term in multi))
            else:
                for term in sorted(table):
                    terms.add(prefix + term.encode("utf-8"), writer.existence(table[term]))
        terms.close({"fieldmap": fieldmap})
        writer.close()
        self.done.append(segment)
        self._start()


class _PostingWriter:
    """Posting lists in the W3 block format (`W3LeafMatcher` reads them), buffered."""

    def __init__(self, postfile: Any) -> None:
        self.postfile = postfile
        self.buf = bytearray()
        self.flushed = 0

    def _block(self, docs: list[int], weights: Any, values: Any, maxweight: float, minlen: int,
               maxlen: int, last: bool) -> None:
        deltas = tuple(map(sub, docs, [0] + docs[:-1]))  # the first from 0
        self.buf += encode_block(deltas, weights, values, docs[-1], maxweight, minlen, maxlen, last)

    def _start(self) -> int:
        start = self.flushed + len(self.buf)
        self.buf += WHOOSH3_HEADER_MAGIC
        return start

    def _end(self, start: int) -> bytes:
        end = self.flushed + len(self.buf)
        if len(self.buf) >= 1 << 20:
            self.postfile.write(bytes(self.buf))
            self.flushed += len(self.buf)
            self.buf = bytearray()
        return pack_long(start) + pack_int(end - start)

    def positional(self, post: list[Any], boost: float, lengths: bytearray, multi: bool) -> bytes:
        """The term info of one term's postings `[doc, pos, doc, pos, ...]`; `multi` when
        some posting has several positions (a list)."""
        docs = post[0::2]
        poses = post[1::2]
        n = len(docs)
        lens = list(map(lengths.__getitem__, docs))
        if multi:
            one = ONE_POSITION
            values = [one[p] if p.__class__ is int else encode_positions(p) for p in poses]
            freqs: list[int] | None = [1 if p.__class__ is int else len(p) for p in poses]
            maxweight = boost * max(freqs)  # type: ignore[arg-type]
            total = boost * sum(freqs)  # type: ignore[arg-type]
        else:
            values = list(map(ONE_POSITION.__getitem__, poses))
            freqs = None
            maxweight = boost
            total = boost * n
        start = self._start()
        for s in range(0, n, BLOCK_LIMIT):
            e = s + BLOCK_LIMIT
            blens = lens[s:e]
            top = 1 if freqs is None else max(freqs[s:e])
            if top == 1:
                weights: Any = None if boost == 1.0 else boost
            else:
                weights = tuple([boost * f for f in freqs[s:e]])  # type: ignore[index]
            self._block(docs[s:e], weights, tuple(values[s:e]), boost * top, min(blens), max(blens), e >= n)
        extent = self._end(start)
        return _TERMINFO.pack(0, total, n, min(lens), max(lens), maxweight, docs[0], docs[-1]) + extent

    def existence(self, docs: list[int]) -> bytes:
        """The term info of one untokenised term's documents."""
        n = len(docs)
        start = self._start()
        for s in range(0, n, BLOCK_LIMIT):
            e = s + BLOCK_LIMIT
            self._block(docs[s:e], None, None, 1.0, 0, 0, e >= n)
        extent = self._end(start)
        return _TERMINFO.pack(0, float(n), n, 0, 0, 1.0, docs[0], docs[-1]) + extent

    def close(self) -> None:
        if self.buf:
            self.postfile.write(bytes(self.buf))
        self.postfile.close()


def open_index(path: str) -> Any:
    """The Whoosh index in the folder `path` (`index.open_dir`), its compound segments read through their
    file. Whoosh reads one from a memory map by wrapping each of its files in a `BytesIO`, which copies
    the file into memory: the segments its merges wrote (compound, before S6) made every search process
    and reader read and hold them whole at opening (at 100k articles after two merges, 262 MB: ~190 ms of
    a cold search and ~500 MB of its peak RSS). The library and the indexer open the index with it."""
    return FileStorage(path, supports_mmap=False).open_index()


class NewsWriter(SegmentWriter):
    """The index owner's writer: deletions, merges (`merge_choice`), and segments written by
    `SegmentBuilder`s (`commit_segments`)."""

    #: Asked during a merge (`merge_after`); once True the merge raises `_MergeStopped`.
    stop: Callable[[], bool] | None = None
    #: The segments a merge adds (`(reader, first new document, document map)`), whose
    #: postings `_copy_postings` copies when the segment is written; None: Whoosh's pool.
    merge_sources: list[tuple[Any, int, Any]] | None = None

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        # Not compound: Whoosh opens a compound segment's files by copying each into memory (`open_index`).
        kwargs.setdefault("compound", False)
        super().__init__(ix, codec=NewsCodec(), **kwargs)
        if not hasattr(ix, _SETTLED):  # the run's first writer: what the index held before the run
            setattr(ix, _SETTLED, frozenset(seg.segment_id() for seg in self.segments))

    def commit_segments(self, segments: list[Any], replaces: list[Any] = ()) -> None:  # type: ignore[assignment]
        """Commit deletions and `segments` (their files already in the index folder) in one new
        table of contents, without the committed segments `replaces` (whose documents
        `segments` hold again, see `indexer.RAMP_ARTICLES`). Merges are the indexer's to ask
        for (`merge_after`), once its article store has the batch too.

        A replaced segment that is no longer in the index (merged away meanwhile) is an
        internal error, raised before anything is written: the new segment would hold its
        stories a second time beside the merged one."""
        self._check_state()
        if replaces:
            gone = {seg.segment_id() for seg in replaces}
            missing = gone - {seg.segment_id() for seg in self.segments}
            if missing:
                self.cancel()
                raise RuntimeError(f"internal error: the segments {sorted(missing)} to be replaced are no longer in "
                                   "the index (merged away?); committing would index their stories twice")
            self.segments = [seg for seg in self.segments if seg.segment_id() not in gone]
        # A segment every document of which is deleted goes (Whoosh kept it, and every query and
        # term lookup still visited it).
        final = [seg for seg in self._merge_segments(NO_MERGE, None, None) if seg.doc_count() > 0]
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        final.extend(segments)
        self._commit_toc(final)
        self._finish()

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        """A merge's postings of `reader`: kept for `_copy_postings` (`merge_sources`), else
        Whoosh's pool, asking `stop` (if any) as it goes."""
        if self.merge_sources is not None:
            self.merge_sources.append((reader, startdoc, docmap))
            return
        add = self.pool.add
        for item in _checked(self._process_posts(reader.iter_postings(), startdoc, docmap), self.stop):
            add(item)

    def _flush_segment(self) -> None:
        """Whoosh's, with a merge's postings copied by `_copy_postings`, asking `stop` (if any)."""
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        try:
            if self.merge_sources:
                _copy_postings(self.fieldwriter, self.schema, lengths, self.merge_sources, self.stop)
            else:
                self.fieldwriter.add_postings(self.schema, lengths, _checked(self.pool.iter_postings(), self.stop))
        finally:
            if lengths:
                lengths.close()
        self.fieldwriter.close()


#: Attribute of a run's `FileIndex`: the ids of the segments it held before the run's first
#: writer. Only those are merged during the run: a new index's first batches are written
#: again over their own segments (`indexer.RAMP_ARTICLES`), which a merge must not take away
#: (see `commit_segments`), and a run merges each segment at most once.
_SETTLED = "_newsreader_settled_segments"

#: Segments of similar size merged together: within MERGE_RATIO of the smallest of them
#: (segments under MERGE_FLOOR documents count as MERGE_FLOOR), once MERGE_FACTOR of them
#: exist. Each document is then merged about log4(size / floor) times (O(log n) a document)
#: and each size class holds fewer than MERGE_FACTOR segments, so the count grows with the
#: log of the index's size instead of one a commit (RV12 1.1: with only a cap on the
#: documents merged, no segment over half of it was ever merged again: 207 segments after
#: 100 updates of 1,000 articles).
MERGE_FACTOR = 4
MERGE_RATIO = 4
MERGE_FLOOR = 250
#: Segments merged at once, at most.
MERGE_MAX_SEGMENTS = 10
#: Live documents a run's merges copy, all together (they run at the run's end, `merge_after`).
#: A merge runs in the process that owns the index: in the reader (an update given `stop`) the
#: update thread, which shares the interpreter with the screen (its queries ran twice as slow
#: meanwhile). Copying posting blocks (`_copy_postings`) costs ~2.1 ms of CPU a document merging
#: 8,600 documents of the 100k index, ~5.7 ms merging six segments of 60-250 (per-term work
#: dominates small segments: ~0.4 s a segment); Whoosh's own merge 10.6-14 ms. So MERGE_MAX_DOCS
#: is a few seconds of CPU in the reader (1,273 documents of ten segments: 6.7 s at load 1.3; a
#: quit gives it up within a few hundredths of a second), and
#: `newsreader index` (no `stop`) merges up to MERGE_MAX_DOCS_UNATTENDED (~35-55 s; rare: a
#: document is in such a merge about once). Whoosh's MERGE_SMALL alone, past 20 segments, picks
#: most of the index: at 100,000 articles the third update of 200+ pages after a first build
#: (18 segments) merged ~90,000 documents.
MERGE_MAX_DOCS = 1_000
MERGE_MAX_DOCS_UNATTENDED = 16_000
#: The reader's budget past MERGE_SEGMENTS segments: still a few seconds an update (6-7.8 s of
#: CPU for 1,400-2,000 documents of 2-3 segments; it was MERGE_MAX_DOCS_UNATTENDED, 35 s an update
#: twice running on a 60-segment index of 32,000 articles, bench_merges.py crowd); the
#: smallest segments are then merged whatever their size classes (`merge_choice`'s `crowded`),
#: so each update takes several away. Bigger merges are `newsreader index`'s.
MERGE_MAX_DOCS_CROWDED = 2_000
#: Segments past which the reader's merges take the smallest segments within its budget when no
#: size class has MERGE_FACTOR of them (`crowded`) and may copy MERGE_MAX_DOCS_CROWDED: with size
#: classes and MERGE_MAX_DOCS alone, segments of ~1,000 documents and more never merged in the
#: reader, and a daily update of 1,000 articles left one more each day.
MERGE_SEGMENTS = 20
#: Segments past which the reader merges as `newsreader index` does (MERGE_MAX_DOCS_UNATTENDED,
#: 35-55 s of CPU in its update thread, rare): MERGE_MAX_DOCS_CROWDED alone keeps up with updates
#: of ~100 articles, but with 300-1,000 a reader that never sees `newsreader index` went on to
#: 43-89 segments in 100 updates (bench_merges.py sim), queries slower with each.
MERGE_SEGMENTS_RUNAWAY = 40


def merge_budget(segments: int, stop: Callable[[], bool] | None) -> int:
    """Live documents a run's merges may copy together, in an index of `segments` segments, in
    an update given `stop` (the reader) or not (`newsreader index`)."""
    if stop is None or segments > MERGE_SEGMENTS_RUNAWAY:
        return MERGE_MAX_DOCS_UNATTENDED
    return MERGE_MAX_DOCS_CROWDED if segments > MERGE_SEGMENTS else MERGE_MAX_DOCS


def merge_choice(sizes: list[int], budget: int, crowded: bool = False, most: int = MERGE_MAX_SEGMENTS) -> list[int]:
    """The positions in `sizes` (live documents of each segment) of the segments to merge
    now: the smallest size class (segments within MERGE_RATIO of the smallest of them)
    holding MERGE_FACTOR segments or more, its smallest segments first, at most `most` of
    them and `budget` documents; two at least, else nothing. When `crowded` (the index past
    MERGE_SEGMENTS segments) and no class gives a merge, the smallest segments within those
    bounds, whatever their sizes."""
    order = sorted(range(len(sizes)), key=sizes.__getitem__)
    i = 0
    while i < len(order):
        top = MERGE_RATIO * max(sizes[order[i]], MERGE_FLOOR)
        j = i
        while j < len(order) and sizes[order[j]] <= top:
            j += 1
        if j - i >= MERGE_FACTOR:
            chosen = _within(sizes, order[i:min(j, i + most)], budget)
            if chosen:
                return chosen
        i = j
    return _within(sizes, order[:most], budget) if crowded else []


def _within(sizes: list[int], order: list[int], budget: int) -> list[int]:
    """The first of `order` while their sizes add up to `budget` at most; two at least, else []."""
    chosen: list[int] = []
    docs = 0
    for k in order:
        if docs + sizes[k] > budget:
            break
        docs += sizes[k]
        chosen.append(k)
    return chosen if len(chosen) >= 2 else []


def merge_plan(sizes: list[int], others: int, budget: int, reader: bool) -> list[list[int]]:
    """The merges a run makes at its end, in order: groups of positions in `sizes` (live
    documents of the segments the index held before the run; `others`: how many live
    segments the run added), each `merge_choice`'s among the segments not merged yet (a
    merged segment is not merged again in the run), all together `budget` documents at most.
    The reader's merges (`reader`) take MERGE_MAX_SEGMENTS segments at most all together
    (each segment costs per-term work besides its documents': ~0.4 s of CPU, bench_merges.py
    crowd), and the smallest segments past MERGE_SEGMENTS (`crowded`); `newsreader index`'s
    keep to size classes, which merge each document O(log n) times (taking the smallest
    segments whatever their sizes, in a 60-segment index, copied twice the documents over 100
    updates of 1,000 articles: bench_merges.py sim)."""
    left = list(range(len(sizes)))
    count = len(sizes) + others
    most = MERGE_MAX_SEGMENTS
    plan: list[list[int]] = []
    while True:
        chosen = merge_choice([sizes[k] for k in left], budget, reader and count > MERGE_SEGMENTS, most)
        if not chosen:
            return plan
        group = [left[k] for k in chosen]
        plan.append(group)
        budget -= sum(sizes[k] for k in group)
        left = [k for k in left if k not in group]
        count -= len(group) - 1
        if reader:
            most -= len(group)


class _MergeStopped(Exception):
    """The update was told to stop during a merge: the merge is given up."""


#: Postings a merge copies between two questions to `stop` (a few hundredths of a second).
STOP_EVERY = 4_096


def _checked(items: Iterator[Any], stop: Callable[[], bool] | None, every: int = STOP_EVERY) -> Iterator[Any]:
    """`items`, raising `_MergeStopped` once `stop()` is True (asked every `every` items)."""
    if stop is None:
        yield from items
        return
    for n, item in enumerate(items):
        if not n % every and stop():
            raise _MergeStopped
        yield item


def merge_after(ix: Any, stop: Callable[[], bool] | None = None) -> tuple[int, bool]:
    """The run's merges (`merge_plan`) among the segments the index held before the run (see
    _SETTLED), each in its own commit; (how many were committed, whether `stop` gave one up:
    the run is then stopped as a quit between batches stops it). Called once, at the run's
    end: merged during a run, segments whose pages the run read again were copied and then
    emptied (a re-read of every page after an upgrade took ~1.3x a rebuild). `stop` is the
    update's (the reader's: small merges, given up once it is True; None for `newsreader
    index`, whose Ctrl-C ends the process: see `merge_budget`). A stop during a merge, or a
    failure, gives it up and the merges after it: nothing changes, and its partly written
    files are deleted. (`stop` is asked only when there is a merge to make.)"""
    settled = getattr(ix, _SETTLED, frozenset())
    live = [seg for seg in ix._segments() if seg.doc_count() > 0]
    candidates = [seg for seg in live if seg.segment_id() in settled]
    plan = merge_plan([seg.doc_count() for seg in candidates], len(live) - len(candidates),
                      merge_budget(len(live), stop), stop is not None)
    merged = 0
    for group in plan:
        if stop is not None and stop():
            return merged, True
        try:
            if not merge_segments(ix, {candidates[k].segment_id() for k in group}, stop):
                return merged, True
        except Exception:  # noqa: BLE001
            # A full disk, a damaged segment, a bug: the merge is optional and can wait, and the
            # index is as it was. Raising would fail this update and every later one (each tries
            # the same merge), the index marked unfinished for good; a damaged segment shows in
            # the searches that read it, which say to rebuild.
            break
        merged += 1
    return merged, False


def merge_segments(ix: Any, ids: set[str], stop: Callable[[], bool] | None = None) -> bool:
    """Merge the index's segments whose ids are `ids` into one, in a commit of its own
    (segments with no live document go too); False if `stop()` turned True meanwhile (the
    merge is given up: nothing changes, and its partly written files are deleted)."""
    writer = NewsWriter(ix)
    writer.stop = stop
    writer.merge_sources = [] if FAST_MERGE and _copyable(writer.schema) else None

    def policy(writer: Any, segments: list[Any]) -> list[Any]:
        live = [seg for seg in segments if seg.doc_count() > 0]
        for seg in live:
            if seg.segment_id() in ids:
                reader = SegmentReader(writer.storage, writer.schema, seg)
                if stop is not None:  # the stored fields and lengths: ~0.3-0.5 ms a document
                    docs = reader.iter_docs
                    reader.iter_docs = lambda docs=docs: _checked(docs(), stop, STOP_EVERY // 16)
                try:
                    writer.add_reader(reader)
                finally:
                    if writer.merge_sources is None or all(r is not reader for r, _, _ in writer.merge_sources):
                        reader.close()  # (else read when the merged segment is written)
        return [seg for seg in live if seg.segment_id() not in ids]

    try:
        final = writer._merge_segments(policy, None, None)
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
    except _MergeStopped:
        _give_up(writer)
        return False
    except BaseException:
        _give_up(writer)
        raise
    finally:
        for reader, _, _ in writer.merge_sources or ():
            reader.close()
    try:
        writer._commit_toc(final)
    finally:
        writer._finish()
    return True


def _give_up(writer: Any) -> None:
    """Cancel a merge's writer and delete the files its new segment had written: Whoosh's
    `cancel` leaves them, and an update with nothing to commit never clears them (a full
    disk stayed full of them, and each run tried the same merge again)."""
    writer.cancel()
    for name in writer.newsegment.list_files(writer.storage):
        try:
            writer.storage.delete_file(name)
        except OSError:
            pass


#: Merges copy posting blocks (`_copy_postings`) instead of sending each posting through
#: Whoosh's pool: 2.1 against 10.6 ms of CPU a document (8,600 documents of the 100k index).
FAST_MERGE = True
_INT = struct.Struct("!i")


def _copyable(schema: Any) -> bool:
    """Whether every indexed field's postings are of a kind `_copy_postings` copies."""
    return all(isinstance(f.format, (Positions, Existence)) for _, f in schema.items() if f.indexed)


def _term_blocks(posts: Any, info: bytes) -> Iterator[tuple[Any, Any, Any]]:
    """The `(ids, weights, values)` of each posting block of one term (`info`: its term info
    bytes), as Whoosh's `W3LeafMatcher` reads them, from the segment's postings file
    `posts` (a memoryview)."""
    terminfo = W3TermInfo.from_bytes(info)
    if terminfo.is_inlined():
        yield terminfo.inlined_postings()
        return
    pos, length = terminfo.extent()
    if bytes(posts[pos:pos + 4]) != WHOOSH3_HEADER_MAGIC:
        raise ValueError(f"no posting block at {pos}")
    pos += 4
    while True:
        size = _INT.unpack_from(posts, pos)[0]
        pos += 4
        end = pos + abs(size)
        head = loads(posts[pos:end])  # (count, max id, max weight, compression, min, max length)
        data = posts[pos + len(dumps(head, 2)):end]
        deltas, weights, values = loads(decompress(data) if head[3] else data)
        yield tuple(accumulate(deltas)), weights, values
        if size < 0:
            return
        pos = end


def _copy_postings(fieldwriter: Any, schema: Any, lengths: Any, sources: list[tuple[Any, int, Any]],
                   stop: Callable[[], bool] | None) -> None:
    """Write the postings of a merge's `sources` (segment readers, in the order their
    documents were added: `(reader, first new document, old -> new document map or None)`)
    into the merged segment, term by term, block by block: what Whoosh's pool gives
    `NewsFieldWriter.add_postings` one posting at a time (the same bytes: a test compares),
    without a Python call per posting. Postings of deleted documents are left out."""
    posts = []
    maps = []
    for reader, _, _ in sources:
        postfile = reader._terms._postfile
        if postfile.is_real and os.fstat(postfile.fileno()).st_size:  # (mmap refuses an empty file)
            maps.append(mmap.mmap(postfile.fileno(), 0, access=mmap.ACCESS_READ))
            posts.append(memoryview(maps[-1]))
        else:
            postfile.seek(0)
            posts.append(memoryview(postfile.read()))
    try:
        _copy_terms(fieldwriter, schema, lengths, sources, posts, stop)
    finally:
        for view in posts:
            view.release()
        for mapped in maps:
            mapped.close()


def _field_terms(terms: Any, name: str, source: int) -> Iterator[tuple[bytes, int, bytes]]:
    """`(term, source, term info bytes)` of field `name` in a segment's terms, in order."""
    prefix = pack_ushort(terms._fieldmap[name])
    for key, value in terms._tindex.items_from(prefix):
        if key[:2] != prefix:
            return
        yield key[2:], source, value


def _copy_terms(fieldwriter: Any, schema: Any, lengths: Any, sources: list[tuple[Any, int, Any]],
                posts: list[Any], stop: Callable[[], bool] | None) -> None:
    limit = fieldwriter._codec._blocklimit
    names = sorted({name for reader, _, _ in sources for name in reader._terms._fieldmap if name in schema})
    copied = STOP_EVERY  # asked at the first term
    for name in names:
        fieldobj = schema[name]
        streams = []
        for i, (reader, _, _) in enumerate(sources):
            terms = reader._terms
            if name not in terms._fieldmap:
                continue
            streams.append(_field_terms(terms, name, i))
        flens = None
        started = False
        for btext, group in groupby(heapq.merge(*streams), key=itemgetter(0)):
            ids: list[int] = []
            weights: list[float] = []
            values: list[Any] = []
            for _, i, info in group:
                _, startdoc, docmap = sources[i]
                for bids, bweights, bvalues in _term_blocks(posts[i], info):
                    n = len(bids)
                    if bweights is None:
                        bweights = (1.0,) * n
                    elif bweights.__class__ is float:
                        bweights = (bweights,) * n
                    if docmap is None:
                        ids.extend([startdoc + d for d in bids])
                        weights.extend(bweights)
                        if bvalues:
                            values.extend(bvalues)
                    else:
                        keep = [k for k, d in enumerate(bids) if d in docmap]
                        ids.extend([docmap[bids[k]] for k in keep])
                        weights.extend([bweights[k] for k in keep])
                        if bvalues:
                            values.extend([bvalues[k] for k in keep])
            if not ids:
                continue  # every document with the term was deleted
            if not started:
                fieldwriter.start_field(name, fieldobj)
                flens = fieldwriter._lengths(lengths, name)
                started = True
            fieldwriter.start_term(btext)
            pw = fieldwriter._postwriter
            total = len(ids)
            s = 0
            while s < total:
                if len(pw._ids) >= limit:
                    pw._write_block()
                e = s + limit - len(pw._ids)
                chunk = ids[s:e]
                pw._ids.extend(chunk)
                wchunk = weights[s:e]
                pw._weights.extend(wchunk)
                top = max(wchunk)
                if top > pw._maxweight:
                    pw._maxweight = top
                if values:
                    pw._values.extend(values[s:e])
                if flens is not None:
                    lens = [x for x in map(flens.__getitem__, chunk) if x]
                    if lens:
                        low = min(lens)
                        if pw._minlength is None or low < pw._minlength:
                            pw._minlength = low
                        high = max(lens)
                        if high > pw._maxlength:
                            pw._maxlength = high
                s = e
            fieldwriter.finish_term()
            if stop is not None and copied >= STOP_EVERY:
                copied = 0
                if stop():
                    raise _MergeStopped
            copied += total
        if started:
            fieldwriter.finish_field()
