"""The reader pane: one article, wrapped by hand into lines so every highlighted span
(person, organisation, place, date, search match) has a known line to scroll to.

Spans come from the index (`StoredArticle.entities` / `.dates`, offsets into
`Article.text`); search matches are found with the index's own word rule
(`snippets.match_ranges`), so what is marked is exactly what matched. All page text is
`clean`ed and placed in `Text` objects: nothing from a page is ever read as markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsreader.extract import SUMMARY_JOIN
from newsreader.extract.timex import describe_timex
from newsreader.tui.safe import clean

#: A date value that `date:` searches take as it is (a day, a month, a year).
CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

KIND_LABELS = {"person": "Person", "org": "Organisation", "place": "Place", "date": "Date", "match": "Match"}


#: The parts of a story whose names and dates are marked, in reading order: `]` and `[` step
#: through the headline's, then the summary's, then the body's (`Mark.part`).
PARTS = ("title", "summary", "body")


@dataclass(frozen=True)
class Mark:
    """A highlighted span of a part of the story (`part`: offsets into `part_texts`' text of it);
    `label` is what the status line shows."""

    start: int
    end: int
    kind: str  # person | org | place | date | match
    text: str
    label: str
    value: str = ""  # a date's calendar value (2025-06-14, 2025-06, 2025), to list its day's stories
    part: str = "body"


def part_texts(stored: Any) -> list[tuple[str, str, Any, Any]]:
    """Each part of the story as the view shows it (`clean`ed: same length), with the names and
    dates the index found in it: (part, text, entities, dates), in reading order. The summary's
    paragraphs are joined by `extract.SUMMARY_JOIN`, as its spans' offsets count them; the
    headline's spans (`title_entities`, N1) are there in an index that has them."""
    art = stored.article
    return [("title", clean(art.title), getattr(stored, "title_entities", ()), getattr(stored, "title_dates", ())),
            ("summary", SUMMARY_JOIN.join(clean(p) for p in art.summary), getattr(stored, "summary_entities", ()),
             getattr(stored, "summary_dates", ())),
            ("body", clean(art.text, newlines=True), stored.entities, stored.dates)]


def part_marks(part: str, text: str, entities: Any, dates: Any) -> list[Mark]:
    """The names and dates of one part that lie within its text (a span past it is dropped)."""
    marks = []
    for e in entities:
        kind = e.get("kind")
        if kind in ("person", "org", "place") and 0 <= e["start"] < e["end"] <= len(text):
            name = clean(e.get("name") or e.get("text") or "")
            marks.append(Mark(e["start"], e["end"], kind, text[e["start"]:e["end"]], name, part=part))
    for d in dates:
        if 0 <= d["start"] < d["end"] <= len(text):
            marks.append(Mark(d["start"], d["end"], "date", text[d["start"]:d["end"]],
                              describe_timex(d.get("value")), str(d.get("value") or ""), part))
    return marks


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph into [start, end) character ranges of at most
    `width` cells (trailing spaces may hang over; they are cropped when painted)."""
    width = max(4, width)
    measure = len if text.isascii() else cell_len  # one cell per character: skip the lookups
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for m in re.finditer(r"\S+\s*", text):
        word_end = m.start() + len(m.group().rstrip())
        word = text[m.start():word_end]
        cells = measure(word)
        if used and used + cells > width:
            lines.append((start, m.start()))
            start, used = m.start(), 0
        if cells > width:  # a word longer than the line: fold it
            pos = m.start()
            while measure(text[pos:word_end]) > width - used:
                cut = pos
                room = width - used
                while cut < word_end and measure(text[pos:cut + 1]) <= room:
                    cut += 1
                cut = max(cut, pos + 1)
                lines.append((start, cut))
                start, used, pos = cut, 0, cut
            used += measure(text[pos:m.end()])
        else:
            used += measure(m.group())
    if start < len(text) or not lines:
        lines.append((start, len(text)))
    return lines


#: The names of the theme variables `highlight_styles` reads (and `themes.readable_ground`, its background's).
STYLE_VARIABLES = ("entity-person", "entity-org", "entity-place", "entity-date", "search-match", "primary")


def short_url(url: str, width: int) -> str:
    """A story's web address for the article's header: one line of at most `width` cells, without its
    "https://" and "www.", cut with "…" (the whole address is in `show` and the exports)."""
    short = re.sub(r"^https?://(?:www\.)?", "", clean(url))
    if cell_len(short) <= width:
        return short
    short = short[:width]
    while short and cell_len(short) > width - 1:
        short = short[:-1]
    return short + "…"


def highlight_styles(app: Any) -> dict[str, Style]:
    """Rich styles for each kind of span, from the active theme's variables, each kept
    readable on the theme's background at the terminal's colour depth (`themes.readable`;
    not for ANSI themes, whose colours are the terminal's own)."""
    from newsreader.tui.themes import readable_ground

    variables = getattr(app, "theme_variables", {}) or {}
    return _highlight_styles(tuple(variables.get(name) for name in STYLE_VARIABLES),
                             bool(getattr(app, "no_color", False)), readable_ground(app))


@lru_cache(maxsize=16)
def _highlight_styles(values: tuple[str | None, ...], no_color: bool,
                      ground: tuple[Color, int, bool] | None) -> dict[str, Style]:
    """`highlight_styles` for the theme's values (the article's current name is restyled at
    each paint of its line: this is asked often, and is the same until the theme changes)."""
    from newsreader.tui.themes import nearest_16, readable

    variables = {name: value for name, value in zip(STYLE_VARIABLES, values) if value is not None}
    background, text, sixteen = ground or (None, None, False)
    avoid = {text}

    def colour(name: str, fallback: str) -> Any:
        try:
            parsed = Color.parse(variables.get(name, fallback))
        except Exception:
            return None
        if background is not None and not parsed.ansi:
            parsed = readable(parsed, background, sixteen=sixteen, avoid=avoid)
            if sixteen:  # (the kinds stay apart from each other too)
                avoid.add(nearest_16(parsed.rgb))
        return parsed.rich_color

    styles = {
        "person": Style(color=colour("entity-person", "#5fafff"), bold=no_color),
        "org": Style(color=colour("entity-org", "#ffaf5f"), bold=no_color, underline=no_color),
        "place": Style(color=colour("entity-place", "#87d787"), bold=no_color),
        # Dates and matches carry an attribute as well as a colour, so they stay
        # visible with NO_COLOR, on monochrome terminals and for colour-blind readers.
        "date": Style(color=colour("entity-date", "#d787d7"), underline=True),
        "match": Style(color=colour("search-match", "#ffd75f"), reverse=True, bold=True),
        "current": Style(reverse=True, bold=True, underline=True),
        # Under NO_COLOR the headline is the text colour, bold: its colour, made readable on the background,
        # became a grey by Textual's NO_COLOR filter, and on a light theme in 16 colours the light grey 37
        # on white (U1 #3).
        "title": Style(bold=True, color=None if no_color else colour("primary", "#5fafff")),
        "meta": Style(dim=True),
        "aside": Style(italic=True, dim=True),
    }
    # A name in the headline ("title-person", ...): its kind's colour on the headline's bold, and
    # underlined where that colour is the headline's own (a theme without highlights gives people
    # the primary colour) or there are no colours. The kind's style alone un-bolded it, and a
    # person was then told from the rest of the headline by that only.
    title = styles["title"]
    for kind in ("person", "org", "place", "date"):
        own = styles[kind]
        styles["title-" + kind] = title + Style(color=None if no_color else own.color,
                                                underline=bool(own.underline or no_color or own.color == title.color))
    return styles


def summary_texts(stored: Any, styles: dict[str, Style]) -> list[Text]:
    """The summary's paragraphs as shown, with the names and dates the index found in them
    (`StoredArticle.summary_entities` / `summary_dates`: offsets into the paragraphs joined by
    `extract.SUMMARY_JOIN`, stepped over by its own length). `]` and `[` step through them too: the
    view maps each summary line's offset (`relayout`)."""
    paras = stored.article.summary
    marks = part_marks("summary", SUMMARY_JOIN.join(clean(p) for p in paras), getattr(stored, "summary_entities", ()),
                       getattr(stored, "summary_dates", ()))
    texts: list[Text] = []
    offset = 0
    for para in paras:
        text = Text(clean(para), style=styles["aside"])
        for m in marks:
            if offset <= m.start and m.end <= offset + len(para):
                text.stylize(styles[m.kind], m.start - offset, m.end - offset)
        texts.append(text)
        offset += len(para) + len(SUMMARY_JOIN)
    return texts


class ArticleView(ScrollView, can_focus=True):
    """Title, a metadata line, then the body with entities, dates and matches marked."""

    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Scroll down", show=False, id="reader.down"),
        Binding("k,up", "scroll_lines(-1)", "Scroll up", show=False, id="reader.up"),
        Binding("pagedown,space", "scroll_page(1)", "Page down", show=False, id="reader.page-down"),
        Binding("pageup", "scroll_page(-1)", "Page up", show=False, id="reader.page-up"),
        Binding("g,home", "scroll_home_top", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end_bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("right_square_bracket", "next_mark", "Names", id="reader.next-entity",
                tooltip="Next name/date"),  # (the key hints say "Names"; the help, this)
        Binding("left_square_bracket", "previous_mark", "Previous name/date", show=False, id="reader.prev-entity"),
        Binding("n", "next_match", "Matches", id="reader.next-match", tooltip="Next match"),
        Binding("N", "previous_match", "Previous match", show=False, id="reader.prev-match"),
        Binding("enter", "follow_mark", "Stories with it", show=False, id="reader.follow",
                tooltip="Stories with the name, or of the date"),
    ]

    DEFAULT_CSS = """
    ArticleView { overflow-x: hidden; }
    """

    class MarkChanged(Message):
        """The cursor moved onto a span (or off all of them: `mark` is None)."""

        def __init__(self, mark: Mark | None, position: str = "") -> None:
            super().__init__()
            self.mark = mark
            self.position = position

    class FollowMark(Message):
        """Enter on a person, organisation or place: list the stories mentioning it."""

        def __init__(self, mark: Mark) -> None:
            super().__init__()
            self.mark = mark

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.stored: Any = None
        self.placeholder = "Select an article and press Enter."
        #: The bookmark shown in the placeholder when its story is not in the corpus (`b` acts on it).
        self.gone: Any = None
        self.body_terms: frozenset[str] = frozenset()
        self.targets: Any = None  # names and dates the search looks for (`where.Targets`): matches too
        self.marks: list[Mark] = []  # entities and dates, by start
        self.matches: list[Mark] = []  # search matches, by start
        self.current: Mark | None = None
        #: Each line, with where in which part it starts ((part, offset): None for the metadata,
        #: blanks, captions and the placeholder).
        self._lines: list[tuple[Text, tuple[str, int] | None]] = []
        #: By part: the offset each of its lines starts at, and that line's index, for lookups.
        self._line_starts: dict[str, list[int]] = {}
        self._line_index: dict[str, list[int]] = {}
        self._laid_out_width = -1
        self._theme: str | None = None
        #: Rendered lines by document line, with what they were rendered for.
        self._strips: dict[int, tuple[tuple[Any, ...], Strip]] = {}
        self._complete = True  # False: only the first screen is laid out (see `relayout`)

    # --- content -----------------------------------------------------------------------

    @property
    def article(self) -> Any:
        return self.stored.article if self.stored is not None else None

    def show(self, stored: Any, body_terms: frozenset[str] = frozenset(), targets: Any = None) -> None:
        self.stored, self.gone = stored, None
        self.body_terms, self.targets = body_terms, targets
        self.current = None
        self._build_marks()
        self.relayout(first_screen=True)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.post_message(self.MarkChanged(None))

    def replace(self, stored: Any) -> None:
        """The open article as re-indexed: its new text, its search matches marked again,
        scrolled where the reader was (as far as the new text reaches)."""
        top = self.scroll_offset.y
        self.stored = stored
        self.current = None
        self._build_marks()
        self.relayout()
        self.scroll_to(y=min(top, max(0, len(self._lines) - self.size.height)), animate=False, immediate=True)
        self.post_message(self.MarkChanged(None))

    def clear(self, placeholder: str | None = None, gone: Any = None) -> None:
        self.stored, self.gone = None, gone
        if placeholder is not None:
            self.placeholder = placeholder
        self.marks, self.matches, self.current = [], [], None
        self.relayout()

    def set_terms(self, body_terms: frozenset[str], targets: Any = None) -> None:
        """A new search while this article stays open: re-mark its matches."""
        if body_terms == self.body_terms and targets == self.targets:
            return
        self.body_terms, self.targets = body_terms, targets
        if self.current is not None and self.current.kind == "match":
            self.current = None
        self._build_marks()
        self.relayout()

    def _build_marks(self) -> None:
        self.marks, self.matches = [], []
        if self.stored is None:
            return
        parts = part_texts(self.stored)
        for part, part_text, entities, dates in parts:
            self.marks += sorted(part_marks(part, part_text, entities, dates), key=lambda m: (m.start, m.end))
        text = parts[-1][1]  # (search matches are marked in the body only)
        spans = []
        if self.body_terms:
            from newsreader.search.snippets import match_ranges

            spans = match_ranges(text, set(self.body_terms))
        if self.targets:
            # A name or date search: its matches are the stored names and dates it asks for
            # (Q9: n said "no matches" for person:Vitali in a story naming him twice).
            from newsreader.search.where import spans as where_spans

            found = [(s, e) for s, e in where_spans(self.targets, self.stored.entities, self.stored.dates)
                     if 0 <= s < e <= len(text)]
            spans = sorted({*spans, *found})
        for start, end in spans:
            if self.matches and start < self.matches[-1].end:  # (a word inside a name: the name)
                if end > self.matches[-1].end:
                    last = self.matches[-1]
                    self.matches[-1] = Mark(last.start, end, "match", text[last.start:end], text[last.start:end])
                continue
            self.matches.append(Mark(start, end, "match", text[start:end], text[start:end]))

    # --- styles ------------------------------------------------------------------------

    def _styles(self) -> dict[str, Style]:
        return highlight_styles(self.app)

    # --- layout ------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.size.width != self._laid_out_width:
            self.relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Focus changes also land here; only a new theme (new highlight colours) needs a
        # new layout, and laying out a long article costs milliseconds.
        theme = getattr(self.app, "theme", None)
        if self._laid_out_width >= 0 and theme != self._theme:
            self.relayout()

    def _layout_width(self) -> int:
        """The width to lay out for: the view's own, or while it is hidden (the narrow
        layout shows one pane, full width) the width it will have once shown, so the frame
        that shows the reader already holds the article; a wrong guess is corrected by the
        resize that follows (one more layout)."""
        if self.size.width:
            return self.size.width
        try:
            return self.screen.size.width if self.display else 0
        except Exception:
            return 0

    def relayout(self, first_screen: bool = False, keep_strips: bool = False) -> None:
        """Wrap the article into styled lines for the current width. `first_screen`: only as
        many body lines as fill the view now, the rest right after the frame that shows them
        (a long article at a wide width takes several milliseconds to wrap)."""
        if not keep_strips:
            self._strips.clear()
        self._complete = True
        view_width = self._layout_width()
        if view_width == 0:  # not on a screen yet: laid out when it is shown
            self._laid_out_width = 0
            self._lines = []
            return
        width = max(10, view_width - 2)
        self._laid_out_width = view_width
        self._theme = getattr(self.app, "theme", None)
        styles = self._styles()
        lines: list[tuple[Text, tuple[str, int] | None]] = []
        self._line_starts, self._line_index = {part: [] for part in PARTS}, {part: [] for part in PARTS}

        def add_block(text: Text, part: str | None = None, offset: int = 0) -> None:
            plain = text.plain
            for a, b in wrap_offsets(plain, width):
                if part is None:
                    lines.append((text[a:b], None))
                    continue
                self._line_starts[part].append(offset + a)
                self._line_index[part].append(len(lines))
                lines.append((text[a:b], (part, offset + a)))

        if self.stored is None:
            for paragraph in self.placeholder.split("\n"):  # (a gone bookmark's is several lines)
                if paragraph:
                    add_block(Text(paragraph, style=styles["meta"]))
                else:
                    lines.append((Text(""), None))
        else:
            art = self.stored.article
            title = Text(clean(art.title), style=styles["title"])
            for m in self.marks:
                if m.part == "title":
                    title.stylize(styles["title-" + m.kind], m.start, m.end)
            add_block(title, "title")
            meta = [f"{art.date:%a} {art.date.day} {art.date:%b %Y}" if art.date else "undated"]
            meta += [clean(v) for v in (art.source, art.byline, art.dateline) if v]
            add_block(Text(" · ".join(meta), style=styles["meta"]))
            if art.url:  # (the story's address: one line, however long)
                lines.append((Text(short_url(art.url, width), style=styles["meta"]), None))
            lines.append((Text(""), None))
            offset = 0
            for para in summary_texts(self.stored, styles):
                add_block(para, "summary", offset)
                lines.append((Text(""), None))
                offset += len(para) + len(SUMMARY_JOIN)
            body = Text(clean(art.text, newlines=True))
            for m in self.marks:
                if m.part == "body":
                    body.stylize(styles[m.kind], m.start, m.end)
            for m in self.matches:
                body.stylize(styles["match"], m.start, m.end)
            # Cut the styled body once at every line edge (slicing a Text per line re-divides
            # the whole body each time: quadratic in the article's length).
            ranges: list[tuple[int, int]] = []
            para_ends: set[int] = set()
            offset = 0
            height = self.size.height or (self.screen.size.height if first_screen else 0)
            limit = height + 2 if first_screen and height else None
            for done, para in enumerate(art.body):
                if limit is not None and len(ranges) + done >= limit:  # (a blank line between)
                    self._complete = False
                    break
                ranges.extend((offset + a, offset + b) for a, b in wrap_offsets(clean(para), width))
                para_ends.add(offset + len(para))
                offset += len(para) + 2
            cuts = sorted({edge for r in ranges for edge in r})
            pieces = dict(zip(cuts, body.divide(cuts)[1:])) if cuts else {}
            for a, b in ranges:
                if a > 0 and (a - 2) in para_ends:
                    lines.append((Text(""), None))
                piece = pieces.get(a, Text(""))
                if len(piece) > b - a:
                    piece = piece[: b - a]
                self._line_starts["body"].append(a)
                self._line_index["body"].append(len(lines))
                lines.append((piece, ("body", a)))
            for caption in art.captions if self._complete else ():
                lines.append((Text(""), None))
                add_block(Text("Caption: " + clean(caption), style=styles["aside"]))
        self._lines = lines
        self.virtual_size = Size(view_width, len(lines))
        self.refresh()
        if not self._complete:
            self.call_after_refresh(self._complete_layout, self.stored, view_width, self.body_terms)

    def _complete_layout(self, stored: Any, width: int, terms: frozenset[str]) -> None:
        """The rest of a `first_screen` layout; the lines already painted are kept."""
        if not self._complete and self.stored is stored and self.body_terms == terms \
                and self._laid_out_width == width:
            self.relayout(keep_strips=True)

    def ensure_laid_out(self) -> None:
        """Finish a `first_screen` layout now (keys that scroll or look up marks need it)."""
        if not self._complete:
            self.relayout(keep_strips=True)

    def line_of(self, offset: int, part: str = "body") -> int:
        """The screen line (in the document) holding character `offset` of `part` (`PARTS`)."""
        self.ensure_laid_out()
        starts = self._line_starts.get(part, [])
        i = bisect_right(starts, offset) - 1
        return self._line_index[part][i] if i >= 0 else 0

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        index = self.scroll_offset.y + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        text, place = self._lines[index]
        current = self.current
        lo = hi = 0
        if current is not None and place is not None and place[0] == current.part:
            lo, hi = max(current.start - place[1], 0), min(current.end - place[1], len(text))
        # Scrolling repaints every visible line; all but the new one were rendered already.
        key = (width, base, (lo, hi) if lo < hi else None)
        cached = self._strips.get(index)
        if cached is not None and cached[0] == key:
            return cached[1]
        if lo < hi:
            text = text.copy()
            text.stylize(self._styles()["current"], lo, hi)
        line = Text(" ", end="")
        line.append_text(text)
        line.stylize_before(base)  # every segment gets a style (filters such as NO_COLOR need one)
        strip = Strip(line.render(self.app.console)).adjust_cell_length(width, base)
        self._strips[index] = (key, strip)
        return strip

    # --- actions -----------------------------------------------------------------------

    def action_scroll_lines(self, n: int) -> None:
        self.ensure_laid_out()
        self.scroll_to(y=self.scroll_offset.y + n, animate=False, immediate=True)

    def action_scroll_page(self, n: int) -> None:
        self.ensure_laid_out()
        self.scroll_to(y=self.scroll_offset.y + n * max(1, self.size.height - 1), animate=False, immediate=True)

    def action_scroll_home_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_scroll_end_bottom(self) -> None:
        self.ensure_laid_out()
        self.scroll_to(y=max(0, len(self._lines) - self.size.height), animate=False, immediate=True)

    def _step(self, marks: list[Mark], forward: bool) -> None:
        self.ensure_laid_out()
        if not marks:
            what = "matches" if marks is self.matches else "names or dates"
            self.post_message(self.MarkChanged(None, f"no {what} in this article"))
            return
        cur = self.current
        if cur is None or cur not in marks:
            # Start from what is on screen, so n/] go to the next one the reader can see.
            top = self.scroll_offset.y
            visible = [i for i, m in enumerate(marks) if self.line_of(m.start, m.part) >= top]
            i = (visible[0] if visible else 0) if forward else ((visible[0] - 1) if visible else len(marks) - 1)
        else:
            i = marks.index(cur) + (1 if forward else -1)
        i %= len(marks)
        self.current = marks[i]
        line = self.line_of(self.current.start, self.current.part)
        height = max(1, self.size.height)
        top = self.scroll_offset.y
        if not (top <= line < top + height):
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        self.refresh()
        self.post_message(self.MarkChanged(self.current, f"{i + 1} of {len(marks)}"))

    def action_next_mark(self) -> None:
        self._step(self.marks, True)

    def action_previous_mark(self) -> None:
        self._step(self.marks, False)

    def action_next_match(self) -> None:
        self._step(self.matches, True)

    def action_previous_match(self) -> None:
        self._step(self.matches, False)

    def action_follow_mark(self) -> None:
        """Enter on a name lists the stories mentioning it; on a date, the stories of that day
        (month, year): Enter there did nothing, and said nothing."""
        current = self.current
        if current is None:
            return
        if current.kind in ("person", "org", "place") or (current.kind == "date" and CALENDAR.fullmatch(current.value)):
            self.post_message(self.FollowMark(current))
        elif current.kind == "date":
            self.post_message(self.MarkChanged(current, "not a calendar date: no stories to list for it"))
