"""A leaner Whoosh segment writer for the indexer.

Whoosh spends most of an indexing run in per-posting Python: at commit, `add_postings`
re-reads each posting's field length from the lengths column (a column read per posting,
~40% of commit), then `add_posting` re-checks types; during `add_document` the posting
pool re-checks types and sizes every posting. Here:

* `NewsFieldWriter.add_postings` reads each field's length column once per segment into a
  list and appends postings to the block buffer directly (same on-disk format: readers are
  Whoosh's own).
* `NewsWriter.add_document` takes postings already built in a worker process (`Posted`,
  from `analysis.posted`) and appends them to the pool in one go.
* `NewsCodec` stores posting blocks with light zlib compression (level 1): writing is
  faster and queries decompress as fast as with Whoosh's default level 3.

The codec class is pickled into the index's table of contents: renaming it needs a
`SCHEMA_VERSION` bump.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3FieldWriter, _lenfield
from whoosh.system import emptybytes
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from newsreader.search.analysis import Posted

_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


class NewsFieldWriter(W3FieldWriter):
    def _lengths(self, lengths: Any, fieldname: str) -> list[int] | None:
        """Every document's length of `fieldname` in this segment, read once."""
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
            # W3PostingsWriter.add_posting without its per-posting type checks.
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
    def __init__(self, blocklimit: int = 128, compression: int = 1, inlinelimit: int = 1) -> None:
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def field_writer(self, storage: Any, segment: Any) -> NewsFieldWriter:
        return NewsFieldWriter(self, storage, segment)


class NewsWriter(SegmentWriter):
    """`SegmentWriter` whose `add_document` accepts `Posted` values (postings built by
    `analysis.posted`) and plain values for the other fields."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, codec=NewsCodec(), **kwargs)

    def add_document(self, **fields: Any) -> None:
        if not any(isinstance(v, Posted) for v in fields.values()):
            return super().add_document(**fields)
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if isinstance(value, Posted):
                    pool.fieldnames.add(fieldname)
                    size = 0
                    current = pool.current
                    for tbytes, freq, weight, vbytes in value:
                        current.append((fieldname, tbytes, docnum, weight, vbytes))
                        size += len(tbytes) * 2 + len(vbytes)
                        length += freq
                    pool.currentsize += size + 150 * len(value)
                    if not field.scorable:
                        length = 0
                else:
                    if field.indexed:
                        add_post = pool.add
                        for tbytes, freq, weight, vbytes in field.index(value):
                            if field.scorable:
                                length += freq
                            add_post((fieldname, tbytes, docnum, weight, vbytes))
                perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column and value is not None and not isinstance(value, Posted):
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        if pool.currentsize > pool.limit:
            pool.save()
        self._added = True
        self.docnum += 1
