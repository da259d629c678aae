"""Command palette (Ctrl+P): the reader's own actions with the key each has now, its themes
(the choice is saved) and saved searches, through `App.get_system_commands`.

Of Textual's system commands, Quit stays; Keys shows the reader's own `?` screen (Textual's
side panel listed only the focused widget's keys, without the binding ids the config's
keymap needs); Theme picks from the reader's themes first. Screenshot is left out: it wrote
an SVG to a Downloads folder without a word (over SSH, on the server). So is Maximize: the
maximized article hid the status line and the list that Enter on a name fills, and Esc
then un-maximized rather than going back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.app import SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message

from newsreader.tui.safe import clean

#: The reader's actions in the palette: title, what it does, binding id (its key is shown).
ACTIONS = (
    ("Search", "search as you type", "search"),
    ("Bookmarks", "filter, tag, annotate and open bookmarks", "bookmarks"),
    ("Bookmark", "bookmark the article (the open one, or the list's); again to remove", "bookmark"),
    ("Read/unread", "mark the article read or unread", "toggle-read"),
    ("Related stories", "the open article's related stories (Enter opens one; Esc comes back)", "related"),
    ("Entities", "the open article's people, organisations and places", "entities"),
    ("Saved searches", "run or delete saved searches", "saved-searches"),
    ("Save search", "name the current search", "save-search"),
)


class Palette(CommandPalette):
    """Textual's palette, closed once. Keys read faster than the palette handles them (60 ms
    apart: a fast typist, keys queued over a slow link) could select twice: two Enters each
    selecting the highlighted line (or an Escape and an Enter) queued two closes. The first
    popped the palette and ran the command; the second popped the screen under it, or, over
    the main screen, raised ScreenStackError and ended the reader with a traceback (U1 #0).
    Once closing, a selection still queued is dropped (its command runs once) and a second
    dismiss pops nothing."""

    _select_done = False

    async def _on_message(self, message: Message) -> None:
        from textual.widgets import Button, Input, OptionList

        if self._select_done and isinstance(message, (Input.Submitted, Button.Pressed, OptionList.OptionSelected)):
            message.stop()
            return
        await super()._on_message(message)

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._select_done or not self.is_active:
            return AwaitComplete.nothing()
        self._select_done = True
        return super().dismiss(result)


def binding_hints(app: Any) -> dict[str, str]:
    """Each binding id's " (x)": the first key the binding has now (the config's keymap may
    have moved it). Built once a palette opens (`ReaderApp.get_system_commands`): the palette
    asks for its commands at every key typed, and reading every binding for each hint took
    0.9 ms a key."""
    from newsreader.tui.app import all_bindings

    hints: dict[str, str] = {}
    for binding in all_bindings():
        if binding.id and binding.id not in hints:
            first = app.binding_keys(binding.id, binding.key).split(",")[0].strip()
            hints[binding.id] = f" ({app.get_key_display(Binding(first, ''))})" if first else ""
    return hints


def palette_commands(app: Any, screen: Any, hints: dict[str, str]) -> Iterator[SystemCommand]:
    """What the palette offers over `screen`: the reader's actions only over the main screen
    (over the bookmarks, "Search" focused the search bar under them); themes, keys and quit
    everywhere. `hints`: `binding_hints`."""
    from newsreader.tui.app import MainScreen, all_bindings
    from newsreader.tui.bookmarks import BookmarksScreen
    from newsreader.tui.dialogs import HelpScreen

    if isinstance(screen, MainScreen):
        actions = {b.id: b.action for b in all_bindings() if b.id}
        for title, help_text, binding_id in ACTIONS:
            action = getattr(app, "action_" + actions[binding_id].removeprefix("app."))
            yield SystemCommand(title, help_text + hints[binding_id], action)
        yield SystemCommand("All articles", "leave the search results (Esc walks back one list)",
                            partial(back_to_all, app))
        yield SystemCommand("Update the index", "read new and changed pages now, as at each start",
                            partial(app.action_update_index, False))
        yield SystemCommand("Rebuild the index", "read every page again, as `newsreader index --rebuild` "
                            "(minutes for a large corpus; asks first)", partial(confirm_rebuild, app))
        yield SystemCommand("Export bookmarks", "as Markdown, to bookmarks-DATE.md in the folder the reader started "
                            "in (`newsreader bookmarks export` writes CSV, JSON and YAML too)",
                            partial(export_bookmarks, app))
        try:
            searches = app.store.list_searches()
        except Exception:
            searches = []
        for n, saved in enumerate(searches, 1):
            yield SystemCommand(f"Run saved search: {clean(saved.name)}",
                                clean(saved.query) + hints.get(f"saved-search-{n}", ""),
                                partial(app.run_saved_query, saved.query, saved.name))
    yield SystemCommand("Theme", "choose a theme (remembered)", partial(choose_theme, app))
    for name in theme_names(app):  # typed, "theme light" picks one at once
        yield SystemCommand(f"Theme: {name}", "switch theme (remembered)" + no_color_note(app, name),
                            partial(setattr, app, "theme", name), discover=False)
    if isinstance(screen, BookmarksScreen):  # (where a user looked for it first: U1 #6)
        tag = screen.tag
        yield SystemCommand("Export bookmarks", (f"those tagged {clean(tag)!r}" if tag else "all of them") +
                            ", as Markdown, to bookmarks-DATE.md in the folder the reader started in",
                            partial(export_bookmarks, app, tag))
    # The reader's `?` and `q` work over the main screen (`q` closes the bookmarks, which
    # have a `?` of their own).
    main = isinstance(screen, MainScreen)
    help_id = "help" if main else "bookmarks.help" if isinstance(screen, BookmarksScreen) else ""
    if not isinstance(screen, HelpScreen):
        yield SystemCommand("Keys", "every key and its binding id" + hints.get(help_id, ""),
                            app.action_help)
    quit_keys = hints["quit"] + "; Ctrl+Q from anywhere" if main else " (Ctrl+Q)"
    yield SystemCommand("Quit", "quit the reader" + quit_keys, app.action_quit)


def export_bookmarks(app: Any, tag: str | None = None) -> None:
    """"Export bookmarks": what `newsreader bookmarks export --format md` writes (each story's first paragraph
    and web address, read from the index), to the first free `bookmarks-DATE.md` in the folder the reader was
    started in (no file is replaced), said in a notice. A user looking for the export in the reader found
    "No matches found". `tag`: only the bookmarks with it (the bookmarks screen's filter)."""
    app.run_worker(partial(_export_bookmarks, app, tag), thread=True, group="export", exit_on_error=False)


def _export_bookmarks(app: Any, tag: str | None = None) -> None:
    import sqlite3
    import sys
    import zlib
    from pathlib import Path

    from newsreader.errors import UserError, counted
    from newsreader.search.library import unreadable_said
    from newsreader.store.export import export_bookmarks as render
    from newsreader.store.export import UNREAD_EXPORTED, write_export

    def say(message: str, severity: str = "information") -> None:
        app.call_from_thread(app.notify, message, title="Export", severity=severity, timeout=8, markup=False)

    try:
        bookmarks = app.store.list_bookmarks(tag=tag)
        if not bookmarks:
            say(f"no bookmarks tagged {clean(tag)!r} to export" if tag else
                "no bookmarks to export yet: press b on an article")
            return
        articles, unreadable = app.library.articles(b.article_id for b in bookmarks)
        # (in the folder the reader was started in, named whole: a write refused there names the folder too)
        written = write_export(render(bookmarks, "md", articles=articles, unreadable=unreadable), None, "md",
                               sys.stdout, folder=Path.cwd())
    except (UserError, OSError, sqlite3.Error, zlib.error, ValueError) as exc:  # (a folder it cannot write to, a
        # store or index that cannot be read now: said, not raised)
        say(f"cannot export the bookmarks: {clean(str(getattr(exc, 'message', exc)))}", "error")
        return
    if unreadable:  # (damaged records: the rest is exported)
        say(unreadable_said(unreadable, UNREAD_EXPORTED), "warning")
    say(f"exported {counted(len(bookmarks), 'bookmark')} to {clean(str(Path(str(written)).absolute()))}")


def confirm_rebuild(app: Any) -> None:
    """"Rebuild the index" asks first: it ran at once from a mistyped palette line, and
    emptied the list for the minute or so a 3,000-page corpus takes to read again."""
    if app.indexing:  # (says that the index is being updated already)
        app.action_update_index(True)
        return
    from newsreader.tui.dialogs import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            app.action_update_index(True)

    app.push_screen(ConfirmScreen(
        "Rebuild the index: read every page again?",
        "Minutes for a large corpus; the list empties and refills as the pages are read. "
        "Read marks, bookmarks and saved searches are kept."), answered)


def no_color_note(app: Any, name: str) -> str:
    """What the theme list says of an ANSI theme under NO_COLOR: it is shown as another
    (`ReaderApp.validate_theme`)."""
    theme = app.get_theme(name)
    if not getattr(app, "no_color", False) or theme is None or not theme.ansi:
        return ""
    from newsreader.tui.app import no_color_stand_in

    return f"; shown as {no_color_stand_in(app, theme)} while NO_COLOR is set"


def theme_names(app: Any) -> list[str]:
    """The reader's themes (the bundled ones, then the user's), then Textual's own (their
    highlights are the reader's defaults)."""
    ours = sorted(app.reader_theme_names, key=lambda name: (not name.startswith("newsreader-"), name))
    return ours + sorted(name for name in app.available_themes if name not in ours)


def choose_theme(app: Any) -> None:
    """A palette of the themes, the reader's and the user's first (Textual's own picker sorts
    them among its twenty)."""
    from textual.command import DiscoveryHit, Hit, Hits, Provider

    class Themes(Provider):
        def _themes(self) -> Iterator[tuple[str, Callable[[], None], str]]:
            for name in theme_names(app):
                help_text = "the reader's" if name.startswith("newsreader-") else \
                    "yours" if name in app.reader_theme_names else "Textual's"
                if name == app.theme:
                    help_text += " (current)"
                yield name, partial(setattr, app, "theme", name), help_text + no_color_note(app, name)

        async def discover(self) -> Hits:
            for name, callback, help_text in self._themes():
                yield DiscoveryHit(name, callback, help=help_text)

        async def search(self, query: str) -> Hits:
            matcher = self.matcher(query)
            for name, callback, help_text in self._themes():
                if (score := matcher.match(name)) > 0:
                    yield Hit(score, matcher.highlight(name), callback, help=help_text)

    app.push_screen(Palette(providers=[Themes], placeholder="Search for themes…"))


def back_to_all(app: Any) -> None:
    while app.pop_list():
        pass
    app.focus_pane("list")
