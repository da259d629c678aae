"""Making text from pages safe to put on a terminal.

Page text is untrusted: an escape sequence in a body could move the cursor, change colours
or retitle the terminal, and Rich only strips a few control codes (not ESC). Every string
from the index goes through `clean` before it becomes a `Text`. Each unsafe character is
replaced by exactly one visible character, so entity, date and match offsets stay valid.
Text is never interpreted as markup: widgets receive `rich.text.Text` objects only.
"""

from __future__ import annotations

_SUBSTITUTE = "\N{REPLACEMENT CHARACTER}"


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x00, 0x20):  # C0 controls
        table[code] = _SUBSTITUTE
    table[0x1B] = "\N{SYMBOL FOR ESCAPE}"
    table[0x09] = " "  # a tab would make cell widths depend on the column
    table[0x7F] = _SUBSTITUTE
    for code in range(0x80, 0xA0):  # C1 controls (0x9B is a one-byte CSI)
        table[code] = _SUBSTITUTE
    # Bidirectional overrides and isolates: they reorder what is shown around them.
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = _SUBSTITUTE
    return table


_TABLE = _table()
_KEEP_NEWLINES = dict(_TABLE)
del _KEEP_NEWLINES[0x0A]


def clean(text: str | None, *, newlines: bool = False) -> str:
    """`text` with every control character replaced one-for-one (same length)."""
    if not text:
        return ""
    return text.translate(_KEEP_NEWLINES if newlines else _TABLE)
