"""The bottom line of key hints for the focused pane.

Textual's Footer rebuilds its key widgets whenever the focus changes the active bindings;
re-mounting and restyling them was a large part of the time to open an article. This is one
`Static` whose text is replaced, with the keys in force once the config's keymap has taken its own.
"""

from __future__ import annotations

from typing import Any

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
    "side": [("side.open", "open / stories"), ("entities", "entities"), ("related", "related"),
             ("back", "back"), ("next-pane", "pane"), ("help", "keys"), ("quit", "quit")],
    "search": [("search.run", "to the list"), ("back", "close")],
}

DEFAULT_KEYS = {"side.open": "enter", "search.run": "enter"}


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
        self.update(self.hint_text(pane))

    def hint_text(self, pane: str) -> Text:
        binding_keys = self.app.binding_keys  # type: ignore[attr-defined]
        text = Text(no_wrap=True, overflow="ellipsis")
        shown: set[str] = set()
        for binding_id, label in HINTS.get(pane, []):
            binding = self.bindings_by_id.get(binding_id)
            keys = binding_keys(binding_id, binding.key if binding else DEFAULT_KEYS.get(binding_id, ""))
            first = keys.split(",")[0].strip()
            if not first or first in shown:  # the pane's own binding (listed first) has it here
                continue
            shown.add(first)
            if text:
                text.append("  ")
            text.append(self.app.get_key_display(Binding(first, "")), style="bold")
            text.append(" " + label, style="dim")
        text.append("  ^p palette", style="dim")
        return text
