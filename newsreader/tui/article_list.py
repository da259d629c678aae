"""The article list: a Line-API `ScrollView` that paints only the rows on screen.

ListView, OptionList and DataTable build a widget or a row object per item and took
seconds (or never finished) at 100,000 rows (shared/notes/measured.md). Here the virtual
height is the row count and `render_line` asks the `RowSource` for just the row it paints,
so opening and scrolling cost the same at 10 rows or 100,000.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsreader.tui.safe import clean
from newsreader.tui.sources import FixedRows, RowSource

if TYPE_CHECKING:  # the search package imports Whoosh: not needed for the first paint
    from newsreader.search.store import Row

#: (unread, bookmarked) marks: Unicode, or plain ASCII for the Linux console's small font.
GLYPHS = {"unicode": ("●", "★"), "ascii": ("*", "#")}
#: The most a row's "by ..." (`FixedRows.byline`) takes of the width: a source takes 16.
BYLINE_WIDTH = 24


class ArticleList(ScrollView, can_focus=True):
    """Rows of date, marks, title and source; the cursor row is the one Enter opens."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("enter", "open", "Open", id="list.open"),
    ]

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--cursor-focused",
        "article-list--unread",
        "article-list--read",
        "article-list--date",
        "article-list--source",
        "article-list--mark",
        "article-list--match",
    }

    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; }
    """

    #: `watch_cursor` repaints the two rows that change; the reactive itself repaints nothing
    #: (by default it repainted every row on each move).
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Highlighted(Message):
        def __init__(self, row: Row | None, index: int) -> None:
            super().__init__()
            self.row = row
            self.index = index

    class Selected(Message):
        def __init__(self, row: Row) -> None:
            super().__init__()
            self.row = row

    def __init__(self, source: RowSource | None = None, *, glyphs: str = "unicode",
                 is_read: Callable[[str], bool] | None = None,
                 is_bookmarked: Callable[[str], bool] | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source: RowSource = source or FixedRows([], "")
        self.glyphs = GLYPHS.get(glyphs, GLYPHS["unicode"])
        self.is_read = is_read or (lambda _id: False)
        self.is_bookmarked = is_bookmarked or (lambda _id: False)
        self.empty_text = "No articles."
        #: Rendered rows by index, with what they were rendered from.
        self._strips: dict[int, tuple[tuple[object, ...], Strip]] = {}

    # --- data ------------------------------------------------------------------------

    def set_source(self, source: RowSource, cursor: int = 0) -> None:
        self.source = source
        self.reload(cursor)

    def reload(self, cursor: int | None = None) -> None:
        """Re-read the count (the index grew, a new list came); keep the cursor in range."""
        count = self.source.count()
        self.virtual_size = Size(self.size.width, count)
        target = self.cursor if cursor is None else cursor
        self.set_reactive(ArticleList.cursor, max(0, min(target, count - 1)) if count else 0)
        self._scroll_cursor_visible(center=cursor is not None)
        self.refresh()
        self.post_message(self.Highlighted(self.current_row, self.cursor))

    @property
    def count(self) -> int:
        return self.source.count()

    @property
    def current_row(self) -> Row | None:
        """The highlighted row; None while the list shows none ("No articles.": a row its source still
        holds is not on screen)."""
        return self.source.row(self.cursor) if self.count else None

    # --- cursor ------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_visible()
        self.refresh_line_at(old)
        self.refresh_line_at(new)
        self.post_message(self.Highlighted(self.current_row, new))

    def refresh_line_at(self, index: int) -> None:
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _move(self, delta: int) -> None:
        count = self.count
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + delta))

    def _scroll_cursor_visible(self, center: bool = False) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if center and not (top <= self.cursor < top + height):
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False, immediate=True)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self._move(-max(1, self.size.height - 1))

    def action_first(self) -> None:
        self._move(-self.count)

    def action_last(self) -> None:
        self._move(self.count)

    def action_open(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(row))

    async def _on_click(self, event) -> None:  # mouse is optional, but harmless
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.count:
            self.cursor = index
            self.focus()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.count)

    # --- focus ---------------------------------------------------------------------------

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Widget's own handler repaints every row
        self._focus_changed(True)

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self._focus_changed(False)

    def _focus_changed(self, focused: bool) -> None:
        """Only the cursor row shows the focus (its style is picked in `render_line`, not by
        a `:focus` rule), yet Textual repaints the whole widget on a focus change: at 120x40
        that was 38 rows restyled on every article opened, a tenth of the frame. A rule
        that restyles the widget itself on `:focus` would still repaint it all (Textual's
        stylesheet does that when the flag changes)."""
        self.has_focus = focused
        self.refresh_line_at(self.cursor)  # nothing to repaint if it is scrolled away
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self) if focused else events.DescendantBlur(self))

    # --- painting ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        index = self.scroll_offset.y + y
        count = self.count
        if count == 0:
            # A query's empty list has no matches; "no articles yet" is for the corpus. It
            # may say what to do ("No pages in DIR ...; save news pages there ..."): wrapped,
            # not cut at the width.
            empty = "No matching articles." if self.source.query else self.empty_text
            style = base + self.get_component_rich_style("article-list--date")
            lines = Text(empty, style=style, end="").wrap(self.app.console, max(1, width - 2))
            if y < len(lines):
                line = Text(" ", style=style, end="").append_text(lines[y])
                return Strip(line.render(self.app.console)).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        row = self.source.row(index) if index < count else None
        if row is None:
            return Strip.blank(width, base)
        # A read mark (or a focus change that restyles the widget) repaints the whole list;
        # only a row whose look changed (the cursor row, the opened one) needs rendering again.
        is_cursor = index == self.cursor
        key = (row, width, base, is_cursor, is_cursor and self.has_focus, self.is_read(row.id),
               self.is_bookmarked(row.id), self.source.title_terms, self._byline(row),
               getattr(self.app, "theme", None))
        cached = self._strips.get(index)
        if cached is not None and cached[0] == key:
            return cached[1]
        text = self.row_text(row, width)
        if is_cursor:
            if self.has_focus:
                text.stylize(self.get_component_rich_style("article-list--cursor-focused"))
            else:
                text.stylize(self.get_component_rich_style("article-list--cursor") + Style(bold=False))
        text.stylize_before(base)  # every segment gets a style (filters such as NO_COLOR need one)
        strip = Strip(text.render(self.app.console)).adjust_cell_length(width, base)
        if len(self._strips) > 4 * max(50, self.size.height):
            self._strips.clear()
        self._strips[index] = (key, strip)
        return strip

    def _readable(self, name: str) -> Style:
        """A part's style, its colour kept readable on the theme's background at the
        terminal's depth (`themes.readable_style`): newsreader-light's marks (its accent) were
        yellow on white at 16 colours."""
        from newsreader.tui.themes import readable_style

        return readable_style(self.app, self.get_component_rich_style(name))

    def _byline(self, row: Row) -> str | None:
        """The byline a search found `row` through alone (`FixedRows.byline`), or None."""
        return getattr(self.source, "byline", {}).get(row.id)

    def row_text(self, row: Row, width: int) -> Text:
        """One row: marks, date, title (matched words marked), source when there is room: for a
        story a search found through its byline alone, "by" and the byline instead (in italics),
        which is why it is listed."""
        unread_glyph, mark_glyph = self.glyphs
        read = self.is_read(row.id)
        bookmarked = self.is_bookmarked(row.id)
        mark_style = self._readable("article-list--mark")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(unread_glyph if not read else " ", mark_style)
        text.append(mark_glyph if bookmarked else " ", mark_style)
        text.append(" ")
        date = row.date or "undated"
        text.append(f"{date:<10}", self._readable("article-list--date"))
        text.append(" ")
        title = clean(row.title)
        byline = self._byline(row)
        source = "by " + clean(byline) if byline else clean(row.source or "")
        show_source = bool(source) and width >= 60
        source_width = min(BYLINE_WIDTH if byline else 16, len(source)) if show_source else 0
        room = max(4, width - text.cell_len - (source_width + 2 if show_source else 0) - 1)
        title_style = self.get_component_rich_style("article-list--read" if read else "article-list--unread")
        title_text = Text(title, style=title_style, no_wrap=True, end="")
        terms = self.source.title_terms
        if terms:
            from newsreader.search.snippets import match_ranges

            match = self.get_component_rich_style("article-list--match")
            for start, end in match_ranges(title, set(terms)):
                title_text.stylize(match, start, end)
        title_text.truncate(room, overflow="ellipsis", pad=True)
        text.append_text(title_text)
        if show_source:
            style = self._readable("article-list--source")
            src = Text(source, style=style + Style(italic=True) if byline else style, end="")
            src.truncate(source_width, overflow="ellipsis")
            text.append("  ")
            text.append_text(src)
        return text
