"""The bottom line of key hints for the focused pane.

Textual's Footer rebuilds its key widgets whenever the focus changes the active bindings;
re-mounting and restyling them was a large part of the time to open an article. This is one
`Static` whose text is replaced, with the keys in force once the config's keymap has taken its own.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

#: (binding id, short label) shown for each pane, most useful first: the line is cut at the
#: terminal's width, so the first ones are the ones that stay on 80 columns.
HINTS: dict[str, list[tuple[str, str]]] = {
    "list": [("list.open", "open"), ("search", "search"), ("next-pane", "pane"), ("bookmark", "bookmark"),
             ("bookmarks", "bookmarks"), ("saved-searches", "saved"), ("help", "keys"), ("quit", "quit")],
    "reader": [("reader.next-entity", "names"), ("reader.next-match", "matches"), ("back", "list"),
               ("next-pane", "pane"), ("bookmark", "bookmark"), ("search", "search"), ("help", "keys"),
               ("quit", "quit")],
    # After a related story, Esc goes back to the article it was opened from.
    "reader-back": [("reader.next-entity", "names"), ("reader.next-match", "matches"), ("back", "back"),
                    ("next-pane", "pane"), ("bookmark", "bookmark"), ("search", "search"), ("help", "keys"),
                    ("quit", "quit")],
    # The pane with no article in it: a bookmark whose story is not in the corpus (b removes it) or nothing.
    "reader-gone": [("back", "list"), ("bookmark", "bookmark"), ("bookmarks", "bookmarks"),
                    ("next-pane", "pane"), ("search", "search"), ("help", "keys"), ("quit", "quit")],
    "reader-empty": [("back", "list"), ("next-pane", "pane"), ("search", "search"), ("bookmarks", "bookmarks"),
                     ("help", "keys"), ("quit", "quit")],
    "side": [("side.open", "open / stories"), ("entities", "entities"), ("related", "related"),
             ("back", "back"), ("next-pane", "pane"), ("help", "keys"), ("quit", "quit")],
    "search": [("search.run", "to the list"), ("back", "close")],
}

DEFAULT_KEYS = {"side.open": "enter", "search.run": "enter"}
#: Hints that stay however narrow the terminal: the others are dropped, last first, until
#: the line fits (cut at the width, `? keys` went first at 60 columns). The palette's is
#: the way to every command, and it went first at 80 columns (Q7 #10).
KEEP = ("help", "quit", "palette")
#: Dropped before the others: Tab between panes is the key people try anyway, and `?` lists
#: it (at 80 columns the list's `s saved` and `B bookmarks` went for want of one cell).
DROP_FIRST = ("next-pane",)


class KeyHints(Static):
    DEFAULT_CSS = """
    KeyHints { height: 1; width: 1fr; padding: 0 1; background: $panel; }
    """

    def __init__(self, bindings: dict[str, Binding], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bindings_by_id = bindings
        self.pane = ""

    def show_for(self, pane: str) -> None:
        if pane == self.pane:
            return
        self.pane = pane
        self.update(self.hint_text(pane, self.content_size.width))

    def on_resize(self) -> None:
        if self.pane:
            self.update(self.hint_text(self.pane, self.content_size.width))

    def hint_text(self, pane: str, width: int = 0) -> Text:
        """The hints of `pane`; with a `width`, as many as fit, `KEEP` always."""
        binding_keys = self.app.binding_keys  # type: ignore[attr-defined]
        items: list[tuple[str, str, str, str]] = []  # binding id, key, label, key style
        shown: set[str] = set()
        for binding_id, label in HINTS.get(pane, []):
            binding = self.bindings_by_id.get(binding_id)
            keys = binding_keys(binding_id, binding.key if binding else DEFAULT_KEYS.get(binding_id, ""))
            first = keys.split(",")[0].strip()
            if not first or first in shown:  # the pane's own binding (listed first) has it here
                continue
            shown.add(first)
            items.append((binding_id, self.app.get_key_display(Binding(first, "")), label, "bold"))
        items.append(("palette", "^p", "palette", "dim"))

        def length() -> int:
            return sum(cell_len(key) + 1 + cell_len(label) for _, key, label, _ in items) + 2 * (len(items) - 1)

        while width > 0 and length() > width:
            order = sorted(range(len(items) - 1, -1, -1), key=lambda n: items[n][0] not in DROP_FIRST)
            drop = next((n for n in order if items[n][0] not in KEEP), None)
            if drop is None:
                break
            del items[drop]
        text = Text(no_wrap=True, overflow="ellipsis")
        for _, key, label, style in items:
            gap = "  " if text else ""
            if style == "dim":  # the palette's hint: one dim run
                text.append(f"{gap}{key} {label}", style="dim")
                continue
            text.append(gap)
            text.append(key, style=style)
            text.append(" " + label, style="dim")
        return text
