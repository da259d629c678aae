"""Term statistics and short OR queries read straight from Whoosh's segment files.

Related stories (related.py) ask the index two things many times per article: the corpus
statistics of a few hundred words (Bo1 key terms need every word's collection frequency)
and the best few dozen articles for an OR of ~20 weighted words. Through Whoosh both cost
time per segment: a term lookup walks ~10 Python layers and reads the hash file with a
seek and a buffered read (~14 us, times the number of segments), and an OR query steps a
tree of union matchers posting by posting (~60 ms an article at 100k with 10 segments).

Here a lookup is one hash of the key (MD5 or CRC32: each table names its function) and
one or two `os.pread` calls per segment on the hash table Whoosh reads (the same table,
the same probing), and an OR of terms is scored a term at a time into a dict from whole
posting blocks (`postings.blocks`: ids and weights, the positions left undecoded) with
Whoosh's `bm25`, idf and lengths: the same documents with the same scores (up to
the last bit of a sum Whoosh adds in another order). Anything not written by
Whoosh's own codec, or a weighting other than plain BM25F, goes through Whoosh's public
API, so a result never depends on which path was taken.
"""

from __future__ import annotations

import heapq
import io
import math
import os
import struct
from typing import Any, Callable

from whoosh import scoring
from whoosh.codec.whoosh3 import W3TermInfo, W3TermsReader
from whoosh.filedb.filetables import HashReader
from whoosh.filedb.filetables import _lengths as _LENGTHS  # an item's key and value lengths
from whoosh.filedb.filetables import _pointer as _POINTER  # a hash-table slot: key hash, item position
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import ReaderClosed, TermNotFound
from whoosh.system import pack_ushort  # a key's field number, as W3TermsReader._keycoder packs it

from newsreader.search.postings import blocks, length_fn

_STATS = struct.Struct("!BfI")    # a W3 term info's flags, total weight, document frequency
_SLOTS = 4                        # slots read at once when probing (most keys sit in the first)
_INFO = 64                        # term info bytes read with the key (a non-inlined one is 35)


class SegmentTerms:
    """One segment's term table (Whoosh's `W3TermsReader` hash file), looked up directly."""

    def __init__(self, terms: W3TermsReader, tindex: HashReader) -> None:
        self._tindex = tindex
        self._fieldmap: dict[str, int] = terms._fieldmap
        self._tables: list[tuple[int, int]] = tindex.tables
        self._hashfn: Callable[[bytes], int] = tindex.hashfn
        dbfile = tindex.dbfile
        raw = getattr(dbfile, "file", None)
        if hasattr(os, "pread") and isinstance(raw, io.BufferedReader):
            fd = raw.fileno()
            self._get: Callable[[int, int], bytes] = lambda pos, n: os.pread(fd, n, pos)
        else:
            self._get = dbfile.get

    def key(self, fieldname: str, btext: bytes) -> bytes | None:
        """The table key of a term (None when the segment has no such field)."""
        num = self._fieldmap.get(fieldname)
        return None if num is None else pack_ushort(num) + btext

    def info(self, key: bytes, keyhash: int, size: int = _INFO) -> tuple[bytes, int] | None:
        """The first `size` bytes of the key's term info and the info's full length, or None
        when the segment does not have the term. Whoosh's `HashReader.ranges_for_key`
        probing, with fewer reads."""
        if self._tindex.is_closed:  # its file descriptor may already name another file
            raise ReaderClosed
        tablestart, numslots = self._tables[keyhash & 255]
        if not numslots:
            return None
        get = self._get
        tableend = tablestart + numslots * _POINTER.size
        pos = tablestart + ((keyhash >> 8) % numslots) * _POINTER.size
        left = numslots
        while left > 0:
            n = min(_SLOTS, left, (tableend - pos) // _POINTER.size)
            chunk = get(pos, n * _POINTER.size)
            for i in range(n):
                slothash, itempos = _POINTER.unpack_from(chunk, i * _POINTER.size)
                if not itempos:
                    return None
                if slothash == keyhash:
                    head = get(itempos, _LENGTHS.size + len(key) + size)
                    keylen, datalen = _LENGTHS.unpack_from(head)
                    start = _LENGTHS.size + keylen
                    if keylen == len(key) and head[_LENGTHS.size:start] == key:
                        return head[start:start + min(size, datalen)], datalen
            left -= n
            pos += n * _POINTER.size
            if pos >= tableend:
                pos = tablestart
        return None

    def full_info(self, key: bytes, keyhash: int) -> W3TermInfo | None:
        found = self.info(key, keyhash)
        if found is None:
            return None
        data, length = found
        if len(data) < length:
            found = self.info(key, keyhash, length)
            assert found is not None
            data = found[0]
        return W3TermInfo.from_bytes(data)

    def add_stats(self, fieldname: str, btexts: list[bytes], weights: list[float], docs: list[int],
                  hashes: "_Hashes") -> None:
        """Add each term's total weight and document frequency in this segment to
        `weights[i]` / `docs[i]`. The loop of `info` written out for the usual case (the
        verdict within the first slots read), since an article asks for a few hundred
        terms in every segment."""
        prefix = self.key(fieldname, b"")
        if prefix is None:
            return
        if self._tindex.is_closed:
            raise ReaderClosed
        seen, hashfn = hashes.of(self), self._hashfn
        tables, get, slot = self._tables, self._get, _POINTER.size
        unpack_slot, unpack_lengths, unpack_stats = _POINTER.unpack_from, _LENGTHS.unpack_from, _STATS.unpack_from
        for i, btext in enumerate(btexts):
            key = prefix + btext
            keyhash = seen.get(key)
            if keyhash is None:
                keyhash = seen[key] = hashfn(key)
            tablestart, numslots = tables[keyhash & 255]
            if not numslots:
                continue
            pos = tablestart + ((keyhash >> 8) % numslots) * slot
            n = min(_SLOTS, numslots, (tablestart + numslots * slot - pos) // slot)
            chunk = get(pos, n * slot)
            decided = False
            for j in range(0, n * slot, slot):
                slothash, itempos = unpack_slot(chunk, j)
                if not itempos:
                    decided = True
                    break
                if slothash == keyhash:
                    head = get(itempos, _LENGTHS.size + len(key) + _STATS.size)
                    keylen = unpack_lengths(head)[0]
                    start = _LENGTHS.size + keylen
                    if keylen == len(key) and head[_LENGTHS.size:start] == key:
                        _, weight, df = unpack_stats(head, start)
                        weights[i] += weight
                        docs[i] += df
                        decided = True
                        break
            if not decided:  # a long probe run: the general walk
                found = self.info(key, keyhash, _STATS.size)
                if found is not None:
                    _, weight, df = _STATS.unpack(found[0])
                    weights[i] += weight
                    docs[i] += df


def segment_terms(leaf: Any) -> SegmentTerms | None:
    """The direct table of a segment reader, kept on the reader (None: not Whoosh's W3 codec
    on a plain hash file, use the reader's own methods)."""
    cache = leaf.__dict__
    if "_newsreader_terms" not in cache:
        terms = getattr(leaf, "_terms", None)
        tindex = getattr(terms, "_tindex", None)
        ok = isinstance(terms, W3TermsReader) and isinstance(tindex, HashReader)
        cache["_newsreader_terms"] = SegmentTerms(terms, tindex) if ok else None
    return cache["_newsreader_terms"]


class _Hashes:
    """Key hashes computed once for all segments that give a term the same key (the same
    field number) and hash keys alike: Whoosh's merges write MD5 tables, `SegmentBuilder`
    CRC32 ones, so one index may hold both and a hash is kept per function."""

    def __init__(self) -> None:
        self._seen: dict[Callable[[bytes], int], dict[bytes, int]] = {}

    def of(self, table: SegmentTerms) -> dict[bytes, int]:
        """The key -> hash cache of the table's hash function."""
        return self._seen.setdefault(table._hashfn, {})

    def __call__(self, table: SegmentTerms, key: bytes) -> int:
        seen = self.of(table)
        h = seen.get(key)
        if h is None:
            h = seen[key] = table._hashfn(key)
        return h


def term_stats(reader: Any, fieldname: str, text: str) -> tuple[float, int]:
    """(total weight, document frequency) of a term over every segment, deleted documents
    included: what Whoosh's `reader.weight` and `reader.doc_frequency` add up."""
    return many_term_stats(reader, fieldname, [text])[0]


def many_term_stats(reader: Any, fieldname: str, texts: list[str]) -> list[tuple[float, int]]:
    """`term_stats` of several terms of one field, a segment at a time."""
    field = reader.schema[fieldname]
    btexts = [field.to_bytes(t) for t in texts]
    weights = [0.0] * len(btexts)
    docs = [0] * len(btexts)
    hashes = _Hashes()
    for leaf, _offset in reader.leaf_readers():
        table = segment_terms(leaf)
        if table is not None:
            table.add_stats(fieldname, btexts, weights, docs, hashes)
            continue
        for i, btext in enumerate(btexts):
            try:
                info = leaf.term_info(fieldname, btext)
            except TermNotFound:
                continue
            weights[i] += info.weight()
            docs[i] += info.doc_frequency()
    return list(zip(weights, docs))


def _term_info(leaf: Any, table: SegmentTerms | None, fieldname: str, btext: bytes, hashes: _Hashes) -> Any:
    """A segment's term info of a term, or None when the segment does not have it."""
    if table is None:
        try:
            return leaf.term_info(fieldname, btext)
        except TermNotFound:
            return None
    key = table.key(fieldname, btext)
    return None if key is None else table.full_info(key, hashes(table, key))


def _term_postings(leaf: Any, table: SegmentTerms | None, fieldname: str, btext: bytes, info: Any) -> Any:
    """A segment's posting matcher of a term (deleted documents filtered), as
    `leaf.postings` makes it but from the term info already read."""
    if table is None:
        return leaf.postings(fieldname, btext)
    terms = leaf._terms
    m = terms._codec.postings_reader(terms._postfile, info, leaf.schema[fieldname].format,
                                     term=(fieldname, btext))
    deleted = leaf.deleted_docs_set
    if deleted:
        m = FilterMatcher(m, deleted, exclude=True)
    return m


def or_scores(searcher: Any, clauses: list[tuple[str, str, float]]) -> dict[int, float] | None:
    """Global document number -> score of every document matching an OR of (field, term,
    boost) clauses, as Whoosh scores `Or([Term(f, t, boost=b) ...])`; None when the
    searcher's weighting is not plain BM25F or a field is not scorable (then ask Whoosh)."""
    weighting = searcher.weighting
    schema = searcher.schema
    if type(weighting) is not scoring.BM25F or any(f in schema and not schema[f].scorable for f, _, _ in clauses):
        return None
    reader = searcher.reader()
    leaves = list(reader.leaf_readers())
    tables = [segment_terms(leaf) for leaf, _ in leaves]
    n_all = searcher.doc_count_all()
    k1, bm25 = weighting.K1, scoring.bm25
    scores: dict[int, float] = {}
    get = scores.get
    for fieldname, text, boost in clauses:
        if fieldname not in schema:
            continue
        btext = schema[fieldname].to_bytes(text)
        hashes = _Hashes()
        found = [(leaf, offset, table, info) for (leaf, offset), table in zip(leaves, tables)
                 if (info := _term_info(leaf, table, fieldname, btext, hashes)) is not None]
        if not found:
            continue
        df = sum(info.doc_frequency() for _, _, _, info in found)  # the reader's doc_frequency
        idf = math.log(n_all / (df + 1)) + 1  # scoring.WeightingModel.idf
        avgfl = searcher.avg_field_length(fieldname) or 1
        b = weighting._field_B.get(fieldname, weighting.B)
        for leaf, offset, table, info in found:
            m = _term_postings(leaf, table, fieldname, btext, info)
            length = length_fn(leaf, fieldname, lambda d, leaf=leaf: leaf.doc_field_length(d, fieldname, 1))
            for block in blocks(m, weights=True):
                for d, tf in zip(block.ids, block.weights):
                    s = bm25(idf, tf, length(d), avgfl, b, k1)  # what BM25FScorer._score returns
                    if boost != 1.0:  # the Term query's boost (a WrappingMatcher's product)
                        s *= boost
                    g = offset + d
                    scores[g] = get(g, 0.0) + s
    return scores


def top_or(searcher: Any, clauses: list[tuple[str, str, float]], limit: int) -> list[int] | None:
    """The global document numbers `searcher.search(Or([Term(f, t, boost=b) ...]), limit)`
    returns, best first (ties: lower number first, as Whoosh's collector keeps them), or
    None when `or_scores` cannot answer."""
    scores = or_scores(searcher, clauses)
    if scores is None:
        return None
    return [d for d, _ in heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))]
