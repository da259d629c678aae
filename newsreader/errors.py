"""The one exception type that reaches the user as a single line.

Every layer raises `UserError` for problems the user can fix (bad input, broken config,
locked index); the CLI prints its message and exits with its code, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from typing import Any


class UserError(Exception):
    """A problem the user can act on: `message` says what is wrong and what to do."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class IndexNeedsRebuild(UserError):
    """The index cannot be read as it is (damaged, or built by another version); building it
    anew fixes it. The reader rebuilds on its own; commands say `index --rebuild`."""


#: Kinds of YAML and JSON values as messages name them ("a mapping", not "dict"). `bool`
#: comes first: it is an `int` too, and `true` is no number to the user.
_KIND_NAMES = ((bool, "true/false"), (str, "text"), (int, "a number"), (float, "a number"),
               (dict, "a mapping"), (list, "a list"))


def kind_name(kind: type) -> str:
    """A YAML or JSON kind in words, for one-line messages about a file's values."""
    return next((name for base, name in _KIND_NAMES if issubclass(kind, base)), kind.__name__)


def value_kind(value: Any) -> str:
    """What a value read from YAML or JSON is, in words ("nothing" for null)."""
    return "nothing" if value is None else kind_name(type(value))


def exception_said(exc: BaseException) -> str:
    """An unexpected exception in one line for a message that goes on ("RecursionError: maximum recursion
    depth exceeded"): its type and the first line of its text, cut at 120 characters."""
    said = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}{': ' if said else ''}{said}"


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: Any) -> dt.date:
    """A date given as YYYY-MM-DD, as messages ask for it: Python 3.11's `date.fromisoformat` also reads ISO week
    dates and the basic form (`2024-W01-1`, `20240101`). Raises TypeError or ValueError otherwise."""
    if not isinstance(text, str):
        raise TypeError(f"not a string: {text!r}")
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"not YYYY-MM-DD: {text!r}")
    return dt.date.fromisoformat(text)


_ISO_DATE_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ]([0-9]{2}:[0-9]{2}(?::[0-9]{2})?)(?:[.,]([0-9]+))?"
                            r"([Zz]|[+-][0-9]{2}:?[0-9]{2})?")


def iso_datetime_text(text: str) -> str:
    """An ISO 8601 / RFC 3339 date and time as scrapers and exports write it, in the one spelling every
    supported Python's `datetime.fromisoformat` reads: Python 3.10 rejects a `Z` zone, a `+HHMM` zone, a
    comma before the fraction and a fraction of other than 3 or 6 digits, all of which 3.11 accepts
    (`2024-06-10T12:00:00Z` -> `2024-06-10T12:00:00+00:00`). Text of another shape is returned as it is,
    for fromisoformat to judge."""
    m = _ISO_DATE_TIME.fullmatch(text)
    if not m:
        return text
    day, clock, fraction, zone = m.groups()
    fraction = f".{(fraction + '000000')[:6]}" if fraction else ""
    if zone in ("Z", "z"):
        zone = "+00:00"
    elif zone and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{clock}{fraction}{zone or ''}"


def iso_datetime(text: str) -> dt.datetime:
    """`datetime.fromisoformat` of `iso_datetime_text(text)`: the same answer on Python 3.10 as on 3.11+.
    Raises ValueError for a date and time that is not one (25:00, +24:00)."""
    return dt.datetime.fromisoformat(iso_datetime_text(text))


def counted(n: int, noun: str) -> str:
    """`1 page`, `2 pages`, `1,080 articles`: a number and its noun, for messages."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def no_article(article_id: str, where: str = "the index") -> UserError:
    """What every command says of an article id it cannot find (exit 1: nothing found).
    `show`, `related` and `bookmarks add` each said it their own way."""
    return UserError(f"no article with id {article_id!r} in {where}; "
                     "`newsreader search` or `newsreader articles` shows the ids", 1)


def broken_install(exc: ImportError) -> UserError:
    """What a command or search says when a module it needs cannot be imported (a broken or
    partial install of Whoosh or of newsreader): not a traceback, and not a damaged index to
    rebuild, which would fail the same way."""
    return UserError(f"newsreader's install is broken ({exc}); reinstall it: "
                     "pip install --force-reinstall newsreader")


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8, as `file_label` writes it
        return f"\\x{code - 0xDC00:02x}"
    return ch.encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """`text` as one line that is safe on a terminal: every character that is not printable
    (ESC, BEL and other controls, a newline, bidi overrides) is written as Python escapes it
    (`\\x1b`, `\\n`, `\\u202e`); spaces other than " " (a no-break space) stay, harmless and
    common in saved pages. For file and folder names, which are untrusted text (ESC in a
    page's name reached the terminal), the messages that name them, and page lines shown
    as they are (`parse --explain`): the CLI and the reader pass them all through it."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else _escaped(ch) for ch in text)


def printable_json(text: str) -> str:
    """JSON text (`json.dumps(..., ensure_ascii=False)`) with the characters it writes as
    they are and that are not printable (C1 controls, bidi overrides, the lone surrogates of
    names that are not UTF-8) as \\u escapes: the same JSON data, and nothing reaches a
    terminal (or fails to encode) raw. Only strings hold such characters: json writes its
    own layout with spaces and newlines, and escapes C0 controls itself."""
    return "\n".join(line if line.isprintable() else
                     "".join(ch if ch.isprintable() else json.dumps(ch, ensure_ascii=True)[1:-1] for ch in line)
                     for line in text.split("\n"))
