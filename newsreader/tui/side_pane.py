"""The side pane: related stories (with why they are related) and the open article's
people, organisations and places, grouped by kind with how often each is mentioned.

Both lists are short (tens of items), so OptionList is fine here; prompts are `Text`
objects so names and titles from pages are never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from newsreader.errors import counted
from newsreader.extract import NOT_ENGLISH  # (loaded already: article_view reads extract.timex)
from newsreader.tui.article_view import ArticleView, highlight_styles
from newsreader.tui.safe import clean



@dataclass(frozen=True)
class RelatedStory:
    id: str
    title: str
    date: str | None
    why: str


class RelatedList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="related.down"),
        Binding("k", "cursor_up", "Up", show=False, id="related.up"),
        # (as in the list and the article; Home and End work too)
        Binding("g", "first", "Top", show=False, id="related.top"),
        Binding("G", "last", "Bottom", show=False, id="related.bottom"),
    ]


class EntityList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="entities.down"),
        Binding("k", "cursor_up", "Up", show=False, id="entities.up"),
        # (as in the list and the article; Home and End work too)
        Binding("g", "first", "Top", show=False, id="entities.top"),
        Binding("G", "last", "Bottom", show=False, id="entities.bottom"),
    ]

    def render_line(self, y: int) -> Strip:
        """The highlighted name in the cursor's own colours, as the article list's cursor
        row: drawn in its kind's colour, a person (the theme's primary colour, as the
        cursor's background) was invisible in every bundled theme but the ANSI one, and with
        NO_COLOR (both become the same grey). Counts lose their dim there as well."""
        strip = super().render_line(y)
        line = self.scroll_offset.y + y
        lines = self._lines
        if self.highlighted is None or line >= len(lines) or lines[line][0] != self.highlighted:
            return strip
        cursor = self.get_visual_style("option-list--option", "option-list--option-highlighted").rich_style
        plain = Style(color=cursor.color, dim=False)
        return Strip([Segment(text, (style or Style()) + plain, control) for text, style, control in strip],
                     strip.cell_length)


class SidePane(Vertical, can_focus=False):
    """Emits `OpenArticle` (a related story) and `FollowEntity` (Enter on a name)."""

    class OpenArticle(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class FollowEntity(Message):
        def __init__(self, kind: str, name: str) -> None:
            super().__init__()
            self.kind = kind
            self.name = name

    def compose(self) -> ComposeResult:
        yield Label("Related stories", classes="pane-title", id="related-title")
        yield RelatedList(id="related")
        yield Label("Entities", classes="pane-title", id="entities-title")
        yield EntityList(id="entities")

    def on_mount(self) -> None:
        self._entities: list[dict] | None = []
        self.show_related(None)
        self.show_entities([])
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        """Names take the new theme's colours (they kept the old ones until another article
        was opened), with the highlight and the scroll where they were."""
        lst = self.query_one(EntityList)
        highlighted, top = lst.highlighted, lst.scroll_offset.y
        self.show_entities(self._entities)
        if highlighted is not None and highlighted < lst.option_count:
            lst.highlighted = highlighted
        lst.scroll_to(y=top, animate=False, immediate=True)

    def show_related(self, stories: list[RelatedStory] | None, pending: bool = False) -> None:
        """`None`: no article open; `pending`: the article's stories are being looked for."""
        related = self.query_one(RelatedList)
        related.clear_options()
        if stories is None:
            related.add_option(Option(Text("Open an article to see related stories.", style="dim"), disabled=True))
            return
        if not stories:
            note = "Looking for related stories…" if pending else "No related stories found."
            related.add_option(Option(Text(note, style="dim"), disabled=True))
            return
        options = []
        for story in stories:
            prompt = Text(clean(story.title), no_wrap=False)
            detail = " · ".join(x for x in (story.date or "undated", clean(story.why)) if x)
            prompt.append("\n" + detail, style="dim")
            options.append(Option(prompt, id=story.id))
        related.add_options(options)  # one layout pass, not one per story
        related.highlighted = 0

    def show_entities(self, entities: list[dict] | None) -> None:
        """Group the article's entity spans by kind; count mentions by canonical name.
        `None` empties the list (an article is being opened: it is filled once painted)."""
        self._entities = entities
        lst = self.query_one(EntityList)
        lst.clear_options()
        if entities is None:
            self.query_one("#entities-title", Label).update(Text("Entities"))
            return
        stored = self._stored()
        if stored is not None and entities is stored.entities:
            # The open story's names (the reader passes its body's spans): its summary's and its
            # headline's count too, as `]` steps through them (`article_view.part_texts`).
            entities = [*getattr(stored, "title_entities", ()), *getattr(stored, "summary_entities", ()), *entities]
        total = 0
        if entities:
            # Here, not at the top: corpus.model brings slugify (~25 ms) to the reader's start
            # (the empty pane is shown then), and an article shown has loaded it already.
            from newsreader.corpus.model import KIND_HEADINGS, mentions_by_kind

            counts = mentions_by_kind(entities)
            total = sum(n for named in counts.values() for _, n in named)
        self.query_one("#entities-title", Label).update(Text(f"Entities ({counted(total, 'mention')})"))
        if not total:
            lst.add_option(Option(Text(self._no_names_note(), style="dim"), disabled=True))
            return
        styles = highlight_styles(self.app)
        options: list[Option] = []
        for kind, heading in KIND_HEADINGS:
            if not counts[kind]:
                continue
            options.append(Option(Text(f"{heading} ({len(counts[kind])})", style="bold"), disabled=True))
            for name, n in counts[kind]:
                prompt = Text()
                prompt.append(clean(name), styles[kind])
                prompt.append(f"  {n}", style="dim")
                # Indented as a block: a long name wrapped to the pane's edge, under its
                # group's heading ("Organization of Islamic" / "Cooperation  3").
                options.append(Option(Padding(prompt, (0, 0, 0, 2), expand=False), id=f"{kind}\t{name}"))
        lst.add_options(options)
        lst.highlighted = 1  # the first name, under the first heading

    def _stored(self) -> Any:
        """The stored article the ArticleView on this screen shows, or None."""
        return next((view.stored for view in self.screen.query(ArticleView)), None)

    def _no_names_note(self) -> str:
        """Why the open article lists no names. The extractor looks for them in English stories only
        (`extract.language`: a German story's every capitalised noun was an organisation), and the
        index keeps why it did not (`names_withheld`): the reader shows what the index stored, and
        judges no text itself."""
        stored = self._stored()
        if stored is not None and getattr(stored, "names_withheld", None) == NOT_ENGLISH:
            return "No names: people, organisations and places are found in English stories only."
        return "No people, organisations or places found."

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id is None:
            return
        if isinstance(event.option_list, RelatedList):
            self.post_message(self.OpenArticle(option_id))
        else:
            kind, _, name = option_id.partition("\t")
            self.post_message(self.FollowEntity(kind, name))
