"""The bookmarks screen (`B`): filter by tag, edit tags and note, open, remove and undo.

Every change goes straight to the store and the lists are re-read from it afterwards, so
what is shown is what the file holds; and the screen looks at the store as often as the
reader does (`MARKS_REFRESH_SECONDS`), so changes another copy of the app makes show too.
An edit writes only what the user changed, to the bookmark as it is when saved, and an
undo puts back the bookmark as it was removed: neither writes back an older copy of a note
or tags over another copy's newer one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.store.db import normalize_tags
from newsreader.tui.dialogs import QuitHint
from newsreader.tui.inputs import KeysInTurn
from newsreader.tui.safe import clean

ALL_TAGS = "\x00all"
#: How long the notice of a removal shows (it names the undo key).
UNDO_NOTICE_SECONDS = 5
#: A line break of a note as the editor's one-line field shows it (a note written with the
#: CLI or imported may have some): drawn raw, the rest of the note spilled over the field's
#: border. Turned back into a line break when the note is saved.
NEWLINE_MARK = "\N{DOWNWARDS ARROW WITH CORNER LEFTWARDS}"


@dataclass
class BookmarkEdit:
    """What the user changed in the editor, against what it showed: tags added and
    removed, and the new note (None: left as it was)."""

    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    note: str | None = None

    def __bool__(self) -> bool:
        return bool(self.add_tags or self.remove_tags or self.note is not None)


def _one_line(note: str) -> str:
    return note.replace("\r\n", "\n").replace("\n", NEWLINE_MARK)


class TagsField(KeysInTurn):
    """The editor's tags: Enter moves to the note at once, not once a message says so (the
    keys read after it, a burst, were typed in the tags)."""

    async def action_submit(self) -> None:
        self.screen.set_focus(self.screen.query_one("#edit-note", Input))


class EditBookmarkScreen(QuitHint, ModalScreen["BookmarkEdit | None"]):
    """Tags (comma-separated) and a note; Enter in the note saves, Esc cancels. Dismisses
    with the changes made (`BookmarkEdit`), not the fields' values: a field left alone is
    not written back over what another copy may have written meanwhile."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="edit.cancel"),
        Binding("ctrl+s", "save", "Save", id="edit.save"),
    ]

    def __init__(self, title: str, tags: tuple[str, ...], note: str, blink: bool = True) -> None:
        super().__init__()
        self.article_title = title
        self.tags = tags
        self.note = note
        self.blink = blink

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text("Edit bookmark: " + clean(self.article_title)), classes="dialog-title -one-line")
            yield Label("Tags (comma-separated; Enter goes on to the note)")  # (the first Enter seemed to do nothing)
            # Typing adds to what is there: a tag typed went after ", ", the note on at its end.
            # (Textual selected a field's text on focus: a tag typed to add replaced them all.)
            tags = TagsField(value="".join(f"{t}, " for t in self.tags), id="edit-tags", select_on_focus=False)
            yield tags
            yield Label("Note (Enter saves, Esc cancels)")
            note = KeysInTurn(value=_one_line(self.note), id="edit-note", select_on_focus=False)
            yield note
            tags.cursor_blink = note.cursor_blink = self.blink

    def on_mount(self) -> None:
        self.query_one("#edit-tags", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """The note's Enter (the tags' moves to the note itself: `TagsField`)."""
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        tags = set(normalize_tags(self.query_one("#edit-tags", Input).value.split(",")))
        shown = set(normalize_tags(self.tags))
        note = self.query_one("#edit-note", Input).value.replace(NEWLINE_MARK, "\n").strip()
        self.dismiss(BookmarkEdit(tuple(sorted(tags - shown)), tuple(sorted(shown - tags)),
                                  None if note == self.note.replace("\r\n", "\n").strip() else note))

    def action_cancel(self) -> None:
        self.dismiss(None)


#: The remove binding's own keys: `d`, and `b`, the bookmark key's default, which takes a bookmark away.
REMOVE_KEYS = "d,b"


def remove_keys(app: Any) -> str:
    """The keys that remove a bookmark here: `d` and the main screen's bookmark keys, so a
    keymap that moves `bookmark` (`bookmark: x`) moves this `b` too: `b` went on removing and
    `x` did nothing (Q7 #10). A keymap of `bookmarks.remove` itself is taken as it is, and a
    bookmark key another binding of this screen has stays that binding's."""
    keys = [k.strip() for k in app.binding_keys("bookmarks.remove", REMOVE_KEYS).split(",") if k.strip()]
    if "bookmarks.remove" in getattr(app.config, "keymap", {}) or "b" not in keys:
        return ",".join(keys)
    others = {k.strip() for b in BookmarksScreen.BINDINGS if isinstance(b, Binding) and b.id != "bookmarks.remove"
              for k in app.binding_keys(b.id, b.key).split(",")}
    bookmark = [k.strip() for k in app.binding_keys("bookmark", "b").split(",") if k.strip() not in others]
    return ",".join(dict.fromkeys([*(k for k in keys if k != "b"), *(k for k in bookmark if k)]))


class BookmarksScreen(QuitHint, ModalScreen["str | None"]):
    """Dismisses with the id of an article to open, or None."""

    BINDINGS = [
        # Each list opens its own with Enter (a bookmark's story, a tag's bookmarks): said in the footer, which
        # showed every key of the screen but that one (`active_bindings`). Not a priority binding: one runs as
        # the key is read, ahead of the keys read before it (a burst "eo..." opened the story, RV28-B #1).
        Binding("enter", "open", "Open", id="bookmarks.open"),
        Binding("escape,q", "close", "Back", id="bookmarks.close"),
        Binding("t", "focus_tags", "Tags", id="bookmarks.tags"),
        Binding("e", "edit", "Edit tags/note", id="bookmarks.edit"),
        # (and the bookmark key as remapped: `remove_keys`, in the reader's keymap)
        Binding(REMOVE_KEYS, "remove", "Remove", id="bookmarks.remove"),
        Binding("u", "undo", "Undo", id="bookmarks.undo"),
        Binding("tab", "switch", "Switch list", show=False, id="bookmarks.switch"),
        Binding("j", "down", "Down", show=False, id="bookmarks.down"),
        Binding("k", "up", "Up", show=False, id="bookmarks.up"),
        # A modal screen stops the app's own keys; the help says `?` works everywhere.
        Binding("question_mark", "app.help", "Keys", id="bookmarks.help"),
    ]

    def __init__(self, store: Any, removed: list[Any], blink: bool = True) -> None:
        super().__init__()
        self.store = store
        self.blink = blink
        self.tag: str | None = None
        # Removed on this screen, last one last: `u` puts them back one by one. The reader
        # passes its own list, so a removal can still be undone when the screen is opened again.
        self.removed = removed
        # Until when a "u to undo" notice shows: it must not outlive the screen, where `u`
        # means something else (mark read).
        self._undo_notice_until = 0.0
        #: The store's change mark when the rows shown were read, and those rows (`follow_store`).
        self._seen: Any = None
        self._shown: Any = None
        self._title = "Bookmarks"
        #: Set by `leave`: the screen is being closed (a second open key read with the first does nothing).
        self._leaving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box"):
            yield Static(id="bookmarks-title")
            with Horizontal():
                yield OptionList(id="tag-list")
                with Vertical(id="bookmarks-main"):
                    yield OptionList(id="bookmark-list")
                    yield Static(id="bookmark-detail")
        yield Footer(compact=True)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's, with "Open" for the open keys: the focused list's own Enter (its select, the
        same thing, not shown) goes first and took the screen's place in the footer."""
        active = super().active_bindings
        mine = next((bindings for node, bindings in self._modal_binding_chain if node is self), None)
        for key, binding in mine or ():  # (with the keymap's keys)
            shown = active.get(key)
            if (binding.id == "bookmarks.open" and shown is not None and isinstance(shown.node, OptionList)
                    and shown.binding.action == "select"):
                active[key] = ActiveBinding(self, binding, shown.enabled, binding.tooltip)
        return active

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#bookmark-list", OptionList).focus()
        # As the reader looks at the store for the other copy's changes (and not in tests
        # that turn that off): the rows re-read only when the store says something changed.
        from newsreader.tui.app import MARKS_REFRESH_SECONDS

        if getattr(self.app, "watch_marks", True):
            self.set_interval(MARKS_REFRESH_SECONDS, self.follow_store)

    def follow_store(self) -> None:
        """Show what another copy of the app changed since the last look: the rows are read
        again when the store's change mark moved, and the lists redrawn when they differ
        (the other copy's read marks move it too), keeping the bookmark under the cursor. No
        look while a write holds the store, waiting for another copy's lock (up to 15 s; its
        wait is said in the title line): this runs on the reader's main thread, and waiting on
        the store froze the reader until that write ended."""
        try:
            mark = self.store.changes(wait=False)
            if mark is None:  # (the next look)
                return
            for notice in self.store.take_notices():
                self.notify(notice, title="Bookmarks", severity="warning", timeout=15, markup=False)
            rows = None if mark == self._seen else self._rows(mark)
        except Exception as exc:  # a busy or replaced store: the next look tries again
            self.app.store_looked(exc)  # type: ignore[attr-defined]  (said once, the reader's looks too)
            return
        self.app.store_looked(None)  # type: ignore[attr-defined]
        if rows is not None and rows != self._shown:
            current = self._current()
            self.reload(keep=current.article_id if current is not None else None, rows=rows)

    def _rows(self, mark: Any = None) -> tuple[list[tuple[str, int]], int, list[Any]]:
        """The tags with their counts, the number of bookmarks, and those shown (the tag's).
        The store's change mark is taken first (or given: the one `follow_store` has just
        taken, not asked for again) and recorded only once all three are read: a read that
        failed leaves the next look to read them again."""
        if mark is None:
            mark = self.store.changes()
        tags = self.store.tag_counts()
        tag = self.tag if self.tag is None or self.tag in {t for t, _ in tags} else None  # (gone: all tags)
        rows = tags, self.store.bookmark_count(), self.store.list_bookmarks(tag=tag)
        self._seen, self.tag = mark, tag
        return rows

    def reload(self, keep: str | None = None, rows: tuple[list[tuple[str, int]], int, list[Any]] | None = None) -> None:
        self._shown = rows = rows or self._rows()
        tags, total, bookmarks = rows
        tag_list = self.query_one("#tag-list", OptionList)
        tag_list.clear_options()
        tag_list.add_option(Option(Text(f"All ({total})"), id=ALL_TAGS))
        for tag, n in tags:
            tag_list.add_option(Option(Text(f"{clean(tag)} ({n})"), id=tag))
        ids = [ALL_TAGS] + [t for t, _ in tags]
        tag_list.highlighted = ids.index(self.tag if self.tag is not None else ALL_TAGS)

        self.bookmarks = {b.article_id: b for b in bookmarks}
        lst = self.query_one("#bookmark-list", OptionList)
        lst.clear_options()
        for b in bookmarks:
            prompt = Text(clean(b.title), style="dim" if b.missing else "")
            details = [b.date.isoformat() if b.date else "undated"]
            if b.source:
                details.append(clean(b.source))
            if b.tags:
                details.append("tags: " + ", ".join(clean(t) for t in b.tags))
            if b.missing:
                details.append("not in the corpus now")
            prompt.append("\n" + " · ".join(details), style="dim")
            lst.add_option(Option(prompt, id=b.article_id))
        if not bookmarks:
            lst.add_option(Option(Text("No bookmarks" + (f" tagged {self.tag!r}" if self.tag else
                                                          " yet: press b on an article."), style="dim"),
                                  disabled=True))
        elif keep in self.bookmarks:
            lst.highlighted = list(self.bookmarks).index(keep)
        else:
            lst.highlighted = 0
        where = f"tag {self.tag!r}" if self.tag else "all tags"
        self._title = f"Bookmarks: {len(bookmarks)} shown, {total} in all · {where}"
        self.store_wait(getattr(self.app, "_store_wait", False))
        self._show_detail()

    def store_wait(self, waiting: bool) -> None:
        """A write of this screen waits for another copy's lock on the store: its title line
        says so, as the reader's status line does (hidden under this screen)."""
        from newsreader.tui.app import STORE_WAIT

        said = getattr(self.app, "_store_wait_said", lambda: STORE_WAIT)() or STORE_WAIT
        self.query_one("#bookmarks-title", Static).update(Text(said if waiting else self._title, style="bold"))

    def _current(self) -> Any:
        lst = self.query_one("#bookmark-list", OptionList)
        if lst.highlighted is None:
            return None
        option = lst.get_option_at_index(lst.highlighted)
        return self.bookmarks.get(option.id) if option.id else None

    def _show_detail(self) -> None:
        b = self._current()
        detail = self.query_one("#bookmark-detail", Static)
        if b is None:
            detail.update("")
            return
        text = Text()
        url = self._story_url(b.article_id) or b.url  # (the corpus's, else the one the bookmark kept)
        if url:  # (the story's web address, as the article's header shows it: the whole one in the exports)
            from newsreader.tui.article_view import short_url

            width = (detail.size.width or self.app.size.width - 24) - 2 - len("Link: ")
            text.append("Link: ", style="bold")
            text.append(short_url(url, max(width, 12)) + "\n")
        note = Text("Note: ", style="bold")  # (the whole line bold: the text's own style)
        note.append(clean(b.note, newlines=True) if b.note else "(none; e to add one)")
        detail.update(text + note)

    def _story_url(self, article_id: str) -> str:
        """The bookmarked story's web address from the reader's index; "" when its page states none,
        the story left the corpus or the index cannot be read now."""
        library = getattr(self.app, "library", None)
        if library is None:
            return ""
        from newsreader.search.library import STORY_UNAVAILABLE  # (loaded with the library it belongs to)

        try:
            stored = library.get(article_id)
        except STORY_UNAVAILABLE:  # (an index being rebuilt, replaced, damaged or another version's: none now)
            return ""
        return getattr(getattr(stored, "article", None), "url", "") or ""

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "bookmark-list":
            self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "tag-list":
            self.tag = None if event.option.id == ALL_TAGS else event.option.id
            self.reload()
            self.set_focus(self.query_one("#bookmark-list", OptionList))
        elif event.option.id:
            self.leave(event.option.id)

    def action_open(self) -> None:
        """Enter is each list's own key (the highlighted bookmark's story, the tag's bookmarks), taken by the
        focused list before this binding; a key the keymap gives `bookmarks.open` (in place of Enter or with
        it) comes here and opens as Enter does."""
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_select()

    # The focus moves at once (`Screen.set_focus`), not through `Widget.focus`, applied behind the keys already
    # read: "tj<Enter>" in one burst moved the bookmarks, not the tags, and opened a story.
    def action_focus_tags(self) -> None:
        self.set_focus(self.query_one("#tag-list", OptionList))

    def action_switch(self) -> None:
        tags = self.query_one("#tag-list", OptionList)
        self.set_focus(self.query_one("#bookmark-list", OptionList) if tags.has_focus else tags)

    def action_down(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_cursor_down()

    def action_up(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_cursor_up()

    async def action_edit(self) -> None:
        """The editor shows the bookmark as the store has it now, not as the list last read
        it, and saving applies only what was changed in it (`Store.edit_bookmark`)."""
        b = await self._in_store(self.store.get_bookmark, "cannot edit")
        if b is None:
            return
        if b != self.bookmarks.get(b.article_id):
            self.reload(keep=b.article_id)

        async def save(edit: BookmarkEdit | None) -> None:
            if not edit:  # cancelled, or nothing changed: nothing written
                return
            try:
                _, joined = await self.app.store_write(partial(  # type: ignore[attr-defined]
                    self.store.edit_bookmark, b.article_id, add_tags=edit.add_tags, remove_tags=edit.remove_tags,
                    note=edit.note, note_was=b.note))
            except KeyError:
                self._removed_meanwhile()
                return
            except Exception as exc:
                from newsreader.tui.app import UNSAVED_TIMEOUT

                self.notify(f"not saved: {getattr(exc, 'message', exc)}", severity="error", markup=False,
                            timeout=UNSAVED_TIMEOUT)
            else:
                if joined:  # (the store kept theirs alone when this edit cleared the note)
                    kept = ("both notes are kept, theirs first" if edit.note else
                            "your clearing was not applied (theirs is kept)")
                    self.notify(f"another copy of newsreader changed this note meanwhile: {kept} (e to edit)",
                                severity="warning", timeout=10, markup=False)
            self.reload(keep=b.article_id)

        self.app.push_screen(EditBookmarkScreen(b.title, b.tags, b.note, blink=self.blink), save)

    async def _in_store(self, act: Callable[[str], Any], failed: str) -> Any:
        """The bookmark under the cursor as `act` (a store call given its id) returns it from
        the store; None, having said why, when there is none there (any more) or `act` failed.
        Through the reader's `store_write`: a wait for another copy is said (`store_wait`)."""
        shown = self._current()
        if shown is None:
            return None
        try:
            found = await self.app.store_write(partial(act, shown.article_id))  # type: ignore[attr-defined]
        except Exception as exc:
            self.notify(f"{failed}: {getattr(exc, 'message', exc)}", severity="error", markup=False)
            return None
        if found is None:
            self._removed_meanwhile()
        return found

    def _removed_meanwhile(self) -> None:
        """The bookmark acted on is not in the store (any more): say so, and show the rest."""
        self.notify("that bookmark was removed meanwhile (another copy of newsreader?)",
                    severity="warning", markup=False)
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo is offered (and shown in the footer) only while there is a removal to undo."""
        return bool(self.removed) if action == "undo" else True

    async def action_remove(self) -> None:
        gone = await self._in_store(self.store.remove_bookmark, "not removed")
        if gone is None:
            return
        # The bookmark as the store held it when removed (a copy another copy of the app may
        # have added a note or tags to since the list was read): what `u` puts back.
        self.removed.append(gone)
        self.refresh_bindings()
        keys = self.app.binding_keys("bookmarks.undo", "u")  # type: ignore[attr-defined]
        undo = f" — {keys.split(',')[0]} to undo" if keys else ""
        self.notify("Removed: " + clean(gone.title) + undo, timeout=UNDO_NOTICE_SECONDS, markup=False)
        self._undo_notice_until = time.monotonic() + UNDO_NOTICE_SECONDS
        self.reload()

    async def action_undo(self) -> None:
        if not self.removed:
            return
        b = self.removed[-1]
        try:
            await self.app.store_write(partial(self.store.restore_bookmark, b))  # type: ignore[attr-defined]
        except Exception as exc:
            self.notify(f"not restored: {getattr(exc, 'message', exc)}", severity="error", markup=False)
            return
        self.removed.pop()
        self.refresh_bindings()
        self.notify("Restored: " + clean(b.title), timeout=2, markup=False)
        self.reload(keep=b.article_id)

    def action_close(self) -> None:
        self.leave(None)

    def leave(self, article_id: str | None) -> None:
        """Close the screen (opening `article_id`, if any), taking away a "u to undo" notice
        still showing: the undo stays on this screen for when it is opened again. Once: two open
        or close keys read together each come here before the screen is gone, and a second
        dismiss popped the reader's last screen (ScreenStackError, the reader gone: RV28-B #1)."""
        if self._leaving or self.app.screen is not self:
            return
        self._leaving = True
        if time.monotonic() < self._undo_notice_until:
            self.app.clear_notifications()
        self.dismiss(article_id)
