"""Command palette (Ctrl+P) entries: themes (the choice is saved), saved searches, lists."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsreader.tui.safe import clean


class ReaderCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        app: Any = self.app
        ours = sorted(n for n in app.available_themes if n.startswith("newsreader-"))
        others = sorted(n for n in app.available_themes if not n.startswith("newsreader-"))
        for name in ours + others:
            yield f"Theme: {name}", partial(setattr, app, "theme", name), "switch theme (remembered)"
        yield "Search", app.action_search, "search as you type (/)"
        yield "Bookmarks", app.action_bookmarks, "filter, tag, annotate and open bookmarks (B)"
        yield "Saved searches", app.action_saved_searches, "run or delete saved searches (s)"
        yield "Save current search", app.action_save_search, "name the current search (S)"
        yield "All articles", partial(_back_to_all, app), "leave search results"
        yield "Keys", app.action_help, "every key and its id (?)"
        try:
            searches = app.store.list_searches()
        except Exception:
            searches = []
        for saved in searches:
            yield (f"Run saved search: {clean(saved.name)}", partial(app.run_saved_query, saved.query, saved.name),
                   clean(saved.query))

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            if not name.startswith("Theme: ") or name.startswith("Theme: newsreader-"):
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def _back_to_all(app: Any) -> None:
    while app.pop_list():
        pass
    app.focus_pane("list")
