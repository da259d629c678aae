"""Small modal screens: every key (`?`), a one-line prompt, a yes/no question, the saved searches."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.tui.safe import clean

#: Where each binding applies, for the help screen.
CONTEXTS = {
    "ReaderApp": "Main screen",  # (its keys work under the main screen only: the others are modal)
    "MainScreen": "Main screen",
    "ArticleList": "Article list",
    "ArticleView": "Reader",
    "RelatedList": "Side pane: related stories",
    "EntityList": "Side pane: entities",
    "BookmarksScreen": "Bookmarks (B)",
}


def key_display(app: Any, keys: str) -> str:
    from textual.binding import Binding as B

    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            shown.append(app.get_key_display(B(key, "")))
    return " ".join(shown) or "(no key)"


#: The id column of the saved searches' row: their ids are saved-search-1 to saved-search-9.
SAVED_SEARCH_IDS = "saved-search-1 to 9"


def one_row_for_numbers(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The saved searches' nine keys as one row, "1-9", while they are the keys 1 to 9 (nine
    rows took a whole 80x24 screen of the help); a keymap that moves one keeps them apart.
    Its id column names the first id whole, as the keymap takes it: "saved-search-1..9" read
    as one id, which the config refused (Q7 #6)."""
    ids = [f"saved-search-{n}" for n in range(1, 10)]
    found = {row[2]: i for i, row in enumerate(rows) if row[2] in ids}
    if len(found) < 9 or any(rows[found[f"saved-search-{n}"]][0] != str(n) for n in range(1, 10)):
        return rows
    first = min(found.values())
    kept = [row for row in rows if row[2] not in ids]
    kept.insert(first, ("1-9", "Saved search 1 to 9 (one id each)", SAVED_SEARCH_IDS))
    return kept


class QuitHint:
    """For a modal screen whose Ctrl+C stopped at Textual's copy (nothing selected, nothing
    to copy) and said nothing: it says how to quit, as on the main screen."""

    def action_copy_text(self) -> None:
        if self.get_selected_text() is None:  # type: ignore[attr-defined]
            self.app.action_help_quit()  # type: ignore[attr-defined]
        else:
            super().action_copy_text()  # type: ignore[misc]


class HelpScreen(QuitHint, ModalScreen[None]):
    """Every key, with the binding id to use in the config's `keymap`."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        # The keys the reader moves with everywhere else (the arrows, PgUp/PgDn, Home/End
        # work too: the scroll has the focus).
        Binding("j", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("k", "scroll('up')", "Up", show=False, id="help.up"),
        Binding("g", "scroll('home')", "Top", show=False, id="help.top"),
        Binding("G", "scroll('end')", "Bottom", show=False, id="help.bottom"),
    ]

    def compose(self) -> ComposeResult:
        from newsreader.tui.app import binding_scopes

        binding_keys = self.app.binding_keys  # type: ignore[attr-defined]
        sections: list[tuple[str, list[tuple[str, str, str]]]] = []
        for _, cls in binding_scopes():
            rows = []
            for b in cls.BINDINGS:
                if not isinstance(b, Binding):
                    continue
                keys = binding_keys(b.id, b.key) if b.id else b.key
                rows.append((key_display(self.app, keys), b.tooltip or b.description or b.action, b.id or ""))
            title = CONTEXTS[cls.__name__]
            if sections and sections[-1][0] == title:  # (the app's keys are the main screen's)
                sections[-1][1].extend(rows)
            else:
                sections.append((title, rows))
        sections = [(title, one_row_for_numbers(rows)) for title, rows in sections]
        sections.append(("Other", [(key_display(self.app, "ctrl+p"), "Palette: actions, themes, saved searches", ""),
                                   (key_display(self.app, "ctrl+q"), "Quit from anywhere", "")]))
        # One table per section, its title on a line of its own: in a column of the table, a
        # title as long as "Side pane: related stories" left "Does" a few letters at 60 columns.
        # Same column widths in every table, so the sections line up.
        id_header = "Id (for keymap)"
        keys_width = min(20, max(cell_len(k) for _, rows in sections for k, _, _ in rows))
        id_width = max(len(id_header), *(len(i) for _, rows in sections for _, _, i in rows))

        def table(rows: list[tuple[str, str, str]], header: bool = False) -> Table:
            out = Table(box=None, expand=True, show_header=header, header_style="bold", pad_edge=False)
            out.add_column("Keys", width=keys_width)
            out.add_column("Does", ratio=1)
            out.add_column(id_header, width=id_width, style="dim", no_wrap=True)
            for row in rows:
                out.add_row(*row)
            return out

        parts: list[Any] = []
        for title, rows in sections:
            parts += [Text(title, style="bold underline"), table(rows)]
        with Vertical(id="help-box"):
            yield Label("Keys  (remap with `keymap: {id: keys}` in the config; Esc closes)", classes="dialog-title")
            # The column heading stays in view as the tables scroll (it scrolled away); the
            # scroll keeps its scrollbar's gutter always and the heading as wide a margin
            # (reader.tcss), so the columns line up whether or not the bar shows.
            yield Static(table([], header=True), id="help-heading")
            with VerticalScroll(id="help-scroll"):
                yield Static(Group(*parts))

    def on_mount(self) -> None:
        """Opened over the bookmarks screen: at its section (~50 lines down at 80x24)."""
        stack = self.app.screen_stack
        below = type(stack[-2]).__name__ if len(stack) > 1 else ""
        if CONTEXTS.get(below) not in (None, CONTEXTS["MainScreen"]):
            self.call_after_refresh(self._scroll_to_section, CONTEXTS[below])

    def _scroll_to_section(self, title: str) -> None:
        scroll = self.query_one(VerticalScroll)
        static = scroll.query_one(Static)
        for y in range(static.size.height):
            if static.render_line(y).text.rstrip() == title:
                scroll.scroll_to(y=y, animate=False, immediate=True)
                return

    def action_dismiss(self, result: Any = None) -> None:  # type: ignore[override]
        self.dismiss(None)

    def action_scroll(self, where: str) -> None:
        getattr(self.query_one(VerticalScroll), f"scroll_{where}")(animate=False)


class PromptScreen(QuitHint, ModalScreen[str | None]):
    """One line of text: Enter keeps it, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, question: str, value: str = "", blink: bool = True) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.blink = blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(clean(self.question)), classes="dialog-title")
            field = Input(value=self.value, id="prompt-input")
            field.cursor_blink = self.blink
            yield field
            yield Label(Text("Enter saves · Esc cancels", style="dim"))  # (no hint said how to leave)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(QuitHint, ModalScreen[bool]):
    """A question answered with one key: y does it; n or Esc does not."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.question), classes="dialog-title")
            if self.detail:
                yield Label(Text(self.detail), classes="dialog-text")
            yield Label(Text("y: yes · n or Esc: no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SavedSearchesScreen(QuitHint, ModalScreen[tuple[str, str] | None]):
    """The saved searches: a digit or Enter runs one (its name and query are given back), d
    deletes it (after a y)."""

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="saved.close"),
        Binding("d,delete", "delete", "Delete", id="saved.delete"),
        *[Binding(str(n), f"run({n})", show=False, id=f"saved.run-{n}") for n in range(1, 10)],
        Binding("j", "move('down')", "Down", show=False, id="saved.down"),  # as in the reader's lists
        Binding("k", "move('up')", "Up", show=False, id="saved.up"),
    ]

    def __init__(self, store: Any) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Saved searches  (1-9 or Enter: run · d: delete · Esc: close; "
                        "1-9 also work on the main screen)", classes="dialog-title")
            yield OptionList(id="saved-list")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        lst = self.query_one(OptionList)
        lst.clear_options()
        searches = self.store.list_searches()
        if not searches:
            lst.add_option(Option(Text("No saved searches yet: search with /, then press S.", style="dim"),
                                  disabled=True))
            return
        for n, s in enumerate(searches, 1):
            prompt = Text(f"{n if n <= 9 else ' '}  ", style="bold")
            prompt.append(clean(s.name))
            if s.query != s.name:  # S offers the query as the name: "libya  libya"
                prompt.append(f"  {clean(s.query)}", style="dim")
            lst.add_option(Option(prompt, id=s.name))
        lst.highlighted = 0

    def _chosen(self, name: str) -> tuple[str, str] | None:
        """What the screen gives back: the search's name and query (the name labels the list,
        "Saved search 'gw'", which said only the query)."""
        found = self.store.get_search(name)
        return (found.name, found.query) if found else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(self._chosen(event.option.id))

    def action_run(self, number: int) -> None:
        searches = self.store.list_searches()
        if number <= len(searches):
            self.dismiss((searches[number - 1].name, searches[number - 1].query))

    def action_delete(self) -> None:
        """Asks first (it was gone at once, with no word, and the searches after it answered
        to other numbers), then says what went and what the numbers are now."""
        lst = self.query_one(OptionList)
        if lst.highlighted is None:
            return
        option = lst.get_option_at_index(lst.highlighted)
        if not option.id:
            return
        name = option.id
        searches = self.store.list_searches()
        position = next((i for i, search in enumerate(searches) if search.name == name), None)
        if position is None:
            self.reload()
            return
        found = searches[position]
        later = [search.name for search in searches[position + 1:]]
        moved = (f" {later[0]!r} becomes {position + 1}" + (", and the later ones move up too"
                                                             if len(later) > 1 else "") + "."
                 if later and position < 9 else "")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.delete_search(name)
            except Exception as exc:
                self.notify(f"not deleted: {getattr(exc, 'message', exc)}", severity="error", markup=False)
            else:
                self.notify(f"deleted the saved search {clean(name)!r} ({clean(found.query)}); S after a "
                            f"search saves it again.{moved}", timeout=6, markup=False)
            self.reload()

        self.app.push_screen(ConfirmScreen(f"Delete the saved search {clean(name)!r}?",
                                           f"{clean(found.query)}.{moved}"), answered)

    def action_move(self, way: str) -> None:
        getattr(self.query_one(OptionList), f"action_cursor_{way}")()

    def action_cancel(self) -> None:
        self.dismiss(None)
