"""Reading a term's postings a block at a time, below Whoosh's per-posting matcher API.

Whoosh's leaf matcher answers `id()`, `weight()`, `value()` one posting at a time in
Python (~1 us a posting with `next`/`skip_to`). Query code that needs a whole posting list
of one segment (the documents tagged with a place, the candidates of a phrase) reads the
blocks instead: each block's ids, weights and values arrive as tuples from one
decompress + unpickle, and the set/dict work on them runs in C.

Only Whoosh's own `W3LeafMatcher` (the codec every index here is written with) is read
this way; anything else (an inlined single posting, another codec) goes through the
public matcher API, so results never depend on which path was taken.
"""

from __future__ import annotations

import re
import zlib
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress
from pickle import loads
from struct import unpack_from
from typing import Any, Iterator

from whoosh import matching
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.matching.wrappers import FilterMatcher, WrappingMatcher

#: The start of a block's pickled (ids, weights, values) tuple: protocol 2, then the id
#: deltas as a MARK ... TUPLE of 1-, 2- or 4-byte ints.
_IDS_RE = re.compile(rb"\x80\x02\((?:K.|M..|J....)*t", re.DOTALL)
#: ... followed by its memo put and the weights: None (all 1.0), one float, or a tuple.
_WEIGHTS_RE = re.compile(rb"(?:q.|r....)(N|G.{8}|\((?:G.{8})*t)", re.DOTALL)


#: Relative slack when comparing scores with a bound: a bound may have been summed in
#: another order or computed by subtraction, so rounding must never drop an exact tie.
SLACK = 1e-9


def slack_below(bound: float) -> float:
    """What a score must reach to count as reaching `bound`, rounding allowed for."""
    return bound - SLACK * max(1.0, abs(bound))


@dataclass
class Block:
    """One posting block: document numbers (ascending) and weights (None when not asked
    for)."""

    ids: tuple[int, ...] | list[int]
    weights: Any


def unwrap(m: Any) -> tuple[Any, frozenset[int] | set[int] | None]:
    """The leaf matcher under Whoosh's deleted-documents filter, and the deleted set."""
    if isinstance(m, FilterMatcher) and m._exclude:
        return m.child, m._ids
    return m, None


def is_w3_leaf(m: Any) -> bool:
    return all(hasattr(m, a) for a in ("_read_data", "_next_block", "_lastblock", "_blocklength", "_byteids"))


_K = ord("K")
_T = ord("t")


def _ids_end(head: bytes, n: int) -> int:
    """End of the pickled id tuple at the start of `head` (0 if not found). Blocks of
    frequent words have every delta under 256: n `K` opcodes, checked with one slice."""
    end = 3 + 2 * n
    if len(head) > end and head[end] == _T and head[3:end:2] == b"K" * n:
        return end + 1
    m = _IDS_RE.match(head)
    return m.end() if m is not None else 0


def _head(leaf: Any, size: int) -> bytes:
    """The first `size` bytes of the current block's pickle (decompressing no more)."""
    length = leaf._nextoffset - leaf._dataoffset
    if not leaf._compression:
        return bytes(leaf._postfile.get(leaf._dataoffset, min(size, length)))
    return zlib.decompressobj().decompress(leaf._postfile.get(leaf._dataoffset, length), size)


def _deltas(head: bytes, end: int, n: int) -> Any:
    """The id deltas pickled in `head[:end]`: the byte after each `K` when all are `K`."""
    if end == 4 + 2 * n:
        return head[4:end - 1:2]
    return loads(head[:end] + b".")


def _weights_span(head: bytes, end: int, n: int) -> tuple[int, int] | None:
    """Where the pickled weights after the id tuple (ending at `end`) are."""
    if head[end:end + 1] == b"q":
        p = end + 2
        if head[p:p + 1] == b"N":
            return p, p + 1
        if head[p:p + 1] == b"G":
            return p, p + 9
        stop = p + 1 + 9 * n
        if head[p:p + 1] == b"(" and head[stop:stop + 1] == b"t" and head[p + 1:stop:9] == b"G" * n:
            return p, stop + 1
    w = _WEIGHTS_RE.match(head, end)
    return (w.start(1), w.end(1)) if w is not None else None


def block_ids(leaf: Any) -> Any:
    """The document numbers of a W3 leaf matcher's current block, without decoding its
    weights and values when possible.

    A block is one zlib stream of a pickled `(ids, weights, values)` tuple, and the values
    (positions, pickled by protocol 2 as one `codecs.encode` call each) are ~90% of its
    decoding time. The ids come first: the first few hundred bytes are decompressed and
    the id tuple is unpickled alone. Any other layout falls back to Whoosh's full read.
    """
    if leaf._ids is not None:
        return leaf._ids
    n = leaf._blocklength
    if leaf._data is None and not leaf._byteids and n > 3:
        head = _head(leaf, 4 + 5 * n)
        end = _ids_end(head, n)
        if end:
            deltas = _deltas(head, end, n)
            if len(deltas) == n:
                leaf._ids = tuple(accumulate(deltas))
                return leaf._ids
    leaf._read_ids()
    return leaf._ids


def shared_weight(weight: float | None) -> float:
    """The weight of every posting of a block that stores one weight for all (None: 1.0),
    as Whoosh's `_read_weights` spreads it: through a float32 array."""
    return 1.0 if weight is None else array("f", (weight,))[0]


def block_ids_weights(leaf: Any) -> tuple[Any, Any]:
    """`block_ids` and the weights of the current block, still without the values (the
    weights follow the ids in the pickle)."""
    n = leaf._blocklength
    if leaf._data is None and leaf._weights is None and not leaf._byteids and n > 3:
        head = _head(leaf, 16 + 14 * n)
        end = _ids_end(head, n)
        w = _weights_span(head, end, n) if end else None
        if w is not None:
            deltas = _deltas(head, end, n)
            if w[1] - w[0] == 2 + 9 * n:  # a tuple of n floats: 'G' + 8 bytes each
                weights = unpack_from(">" + "xd" * n, head, w[0] + 1)
            else:
                weights = loads(b"\x80\x02" + head[w[0]:w[1]] + b".")
            if len(deltas) == n and (weights is None or isinstance(weights, float) or len(weights) == n):
                leaf._ids = tuple(accumulate(deltas))
                if weights is None or isinstance(weights, float):
                    weights = (shared_weight(weights),) * n
                leaf._weights = weights
                return leaf._ids, weights
    block_ids(leaf)
    if leaf._weights is None:
        leaf._read_weights()
    return leaf._ids, leaf._weights


def blocks(matcher: Any, weights: bool = False, start: int = 0) -> Iterator[Block]:
    """The postings of a fresh term matcher (from `reader.postings`) from document `start`
    on, a block at a time, the values never decoded; deleted documents are dropped. The
    matcher is consumed."""
    leaf, deleted = unwrap(matcher)
    if not is_w3_leaf(leaf):
        yield from _generic(matcher, weights, start)
        return
    while leaf.is_active():
        if leaf.block_max_id() >= start:
            ids, ws = block_ids_weights(leaf) if weights else (block_ids(leaf), None)
            if ids[0] < start:  # the block `start` falls in
                cut = bisect_left(ids, start)
                ids, ws = ids[cut:], (ws[cut:] if weights else None)
            if deleted and not deleted.isdisjoint(ids):
                if weights:
                    live = [d not in deleted for d in ids]
                    ids, ws = list(compress(ids, live)), list(compress(ws, live))
                else:
                    ids = [d for d in ids if d not in deleted]
            if ids:
                yield Block(ids, ws)
        if leaf._lastblock:
            return
        leaf._next_block()


def all_ids(matcher: Any, start: int = 0) -> list[int]:
    """Every document number of a fresh term matcher from `start` on, deleted documents
    left out, read a block at a time (`blocks`). The matcher is consumed."""
    out: list[int] = []
    for block in blocks(matcher, start=start):
        out.extend(block.ids)
    return out


def _generic(m: Any, weights: bool, start: int) -> Iterator[Block]:
    if m.is_active() and m.id() < start:
        m.skip_to(start)
    ids, ws = [], []
    while m.is_active():
        ids.append(m.id())
        if weights:
            ws.append(m.weight())
        m.next()
    if ids:
        yield Block(ids, ws if weights else None)


class SettlingMatcher(WrappingMatcher):
    """A wrapper that passes over the child's documents its `_settle` rejects (documents
    outside date intervals, intersections whose positions do not line up): every move is
    the child's, then `_settle`, so scores and block qualities stay the child's and
    Whoosh's top-k pruning still works."""

    def _settle(self) -> None:
        """Move the child forward to the first document this wrapper accepts."""
        raise NotImplementedError

    def next(self) -> bool:
        self.child.next()
        self._settle()
        return False

    def skip_to(self, id: int) -> None:  # noqa: A002 (Whoosh's name)
        if self.is_active() and id > self.child.id():
            self.child.skip_to(id)
            self._settle()

    def skip_to_quality(self, minquality: float) -> int:
        skipped = super().skip_to_quality(minquality)  # the child's bound times our boost
        self._settle()
        return skipped

    def all_ids(self) -> Any:
        while self.is_active():
            yield self.child.id()
            self.next()


class ScoredListMatcher(matching.Matcher):
    """Matches computed ahead (ascending document numbers with their final scores).

    The block quality is the best score still ahead (a suffix maximum), a true bound for
    every remaining entry: parents such as Whoosh's intersection use one side's block
    quality to skip the *other* side's blocks, so a per-entry bound would let them skip
    documents that pair with a better score further on. The list is short by
    construction, so walking it entry by entry costs little."""

    def __init__(self, ids: list[int], scores: list[float], i: int = 0) -> None:
        self._ids = ids
        self._scores = scores
        self._i = i
        suffix = [0.0] * (len(scores) + 1)
        for k in range(len(scores) - 1, -1, -1):
            suffix[k] = scores[k] if scores[k] > suffix[k + 1] else suffix[k + 1]
        self._suffix = suffix

    def is_active(self) -> bool:
        return self._i < len(self._ids)

    def id(self) -> int:
        return self._ids[self._i]

    def next(self) -> bool:
        self._i += 1
        return True

    def skip_to(self, id: int) -> bool:  # noqa: A002 (Whoosh's name)
        if self._i < len(self._ids) and self._ids[self._i] < id:
            self._i = bisect_left(self._ids, id, self._i)
            return True
        return False

    def score(self) -> float:
        return self._scores[self._i]

    def weight(self) -> float:
        return self._scores[self._i]

    def supports(self, astype: str) -> bool:
        return False

    def supports_block_quality(self) -> bool:
        return True

    def block_quality(self) -> float:
        return self._suffix[self._i]

    def max_quality(self) -> float:
        return self._suffix[self._i]

    def skip_to_quality(self, minquality: float) -> int:
        if self._i < len(self._ids) and self._suffix[self._i] <= minquality:
            self._i = len(self._ids)
            return 1
        return 0

    def all_ids(self) -> Iterator[int]:
        ids = self._ids
        while self._i < len(ids):
            yield ids[self._i]
            self._i += 1

    def copy(self) -> "ScoredListMatcher":
        return ScoredListMatcher(self._ids, self._scores, self._i)

    def replace(self, minquality: float = 0) -> Any:
        if not self.is_active() or (minquality and self.max_quality() < minquality):
            return matching.NullMatcher()
        return self

    def reset(self) -> None:
        self._i = 0


_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


def field_lengths(reader: Any, fieldname: str) -> list[int | None] | None:
    """Every document's length of `fieldname` in a segment (None where Whoosh's
    `doc_field_length` has nothing), read in one piece and kept on the reader: BM25 needs
    the length of each scored document, and one column read costs ~5 us."""
    cache = reader.__dict__.setdefault("_newsreader_lengths", {})
    if fieldname in cache:
        return cache[fieldname]
    out: list[int | None] | None = None
    perdoc = getattr(reader, "_perdoc", None)
    col = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if hasattr(perdoc, "_cached_reader") else None
    if col is not None and getattr(col, "_fixedlen", None) == 1 and hasattr(col, "_dbfile"):
        raw = bytes(col._dbfile.get(col._basepos, col._count)) + bytes(max(0, col._doccount - col._count))
        table = _BYTE_TO_LENGTH
        out = [table[b] if b else None for b in raw]
    cache[fieldname] = out
    return out


def length_fn(reader: Any, fieldname: str, dfl: Any) -> Any:
    """`dfl` (a scorer's document-length function) served from `field_lengths`."""
    lengths = field_lengths(reader, fieldname)
    if lengths is None:
        return dfl

    def length(docnum: int) -> Any:
        n = lengths[docnum] if docnum < len(lengths) else None
        return dfl(docnum) if n is None else n

    return length


def blocks_holding(leaf: Any, docs: list[int]) -> Iterator[list[int]]:
    """Walk a W3 leaf's blocks, stopping (leaf positioned on the block) at each block
    whose id range holds some of `docs` (ascending), with those docs; other blocks are
    passed over on their header alone."""
    lo = 0  # first docnum the current block can hold
    while leaf.is_active():
        hi = leaf.block_max_id()
        a = bisect_left(docs, lo)
        if a >= len(docs):
            return
        b = bisect_right(docs, hi, a)
        if b > a:
            yield docs[a:b]
        if leaf._lastblock:
            return
        lo = hi + 1
        leaf._next_block()


#: Block directories kept per segment reader (terms), before the cache is emptied.
DIRECTORIES = 1024


def block_directory(reader: Any, leaf: Any) -> list[tuple[int, int]] | None:
    """(last docnum, file position) of every block of a W3 leaf's term, kept on the
    segment reader. Whoosh's blocks form a chain (each header says where the next one
    starts), so reaching a block means reading every header before it: with the
    directory a sparse lookup jumps to the blocks it needs. None if the leaf does not
    name its term."""
    term = getattr(leaf, "_term", None)
    if term is None:
        return None
    cache = reader.__dict__.setdefault("_newsreader_dirs", {})
    found = cache.get(term)
    if found is None:
        if len(cache) >= DIRECTORIES:
            cache.clear()
        found = []
        pos = leaf._baseoffset
        while True:
            leaf._goto(pos)
            found.append((leaf._maxid, pos))
            if leaf._lastblock:
                break
            pos = leaf._nextoffset
        cache[term] = found
    return found


def blocks_at(leaf: Any, directory: list[tuple[int, int]], docs: list[int]) -> Iterator[list[int]]:
    """`blocks_holding` through a `block_directory`: the leaf jumps to each block that
    holds some of `docs` (ascending) and the others are not touched."""
    maxids = [m for m, _ in directory]
    i, n = 0, len(docs)
    while i < n:
        b = bisect_left(maxids, docs[i])
        if b >= len(directory):
            return
        j = bisect_right(docs, maxids[b], i)
        leaf._atend = False
        leaf._goto(directory[b][1])
        yield docs[i:j]
        i = j
