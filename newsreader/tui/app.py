"""The reader app: list, article and side panes over an indexed corpus.

Everything that can block (index updates, searches, loading an article, related stories,
store writes) runs in thread workers and reports back with `call_from_thread`, so the
interface keeps answering keys while the index is built underneath it. Bindings all carry
ids so the config's `keymap` can remap any of them (`App.set_keymap`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import os
import re
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.worker import get_current_worker
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, ProgressBar, Static

from newsreader.config import check_query_length, config_problems, corpus_key, user_cue_warnings
from newsreader.corpus import no_pages_message
from newsreader.errors import IndexNeedsRebuild, UserError, counted, printable
from newsreader.search.schema import update_running
from newsreader.tui.article_list import ArticleList
from newsreader.tui.article_view import KIND_LABELS, ArticleView
from newsreader.tui.inputs import KeysInTurn
from newsreader.tui.key_hints import KeyHints
from newsreader.tui.keymap import KeymapPlan, give_taken_keys, known_keys, plan_keymap
from newsreader.tui.safe import clean
from newsreader.tui.side_pane import EntityList, RelatedList, RelatedStory, SidePane
from newsreader.tui.sources import CorpusRows, FixedRows, Rest, RowSource
from newsreader.tui.status import StatusLine, StatusParts, TimeLeft
from newsreader.tui.themes import (DEFAULT_THEME, HIGHLIGHT_DEFAULTS, load_themes, brief_problem,
                                   theme_folders)

if TYPE_CHECKING:
    from newsreader.search.store import Row

#: Seconds a write that was not saved (a bookmark, read mark, saved search, tags or note) stays said: it went
#: after ~4 s like a success (2 s), and a user who looked away believed the bookmark made (U1 #11).
UNSAVED_TIMEOUT = 20
#: Hits shown for a query typed in the search bar, and for "stories mentioning X".
SEARCH_LIMIT = 1000
ENTITY_LIMIT = 5000
#: The orders `o` steps a search result through, and how its title says each.
SORT_CYCLE = ("relevance", "date", "oldest")
SORT_SAID = {"relevance": " (by relevance)", "date": " (newest first)", "oldest": " (oldest first)"}
#: Hits a search shows first, before the rest of its list (a screenful or two): the top
#: 100 skips the posting blocks that cannot reach it, so a very common word's first hits
#: come in ~40 ms at 100,000 articles where its top 1000 scores every match (~2 s).
FIRST_HITS = 100
PAINT_WAIT = 0.5
#: Pause after the last keystroke before searching: long enough to skip work for every
#: letter of a fast typist, short enough to feel immediate.
SEARCH_DEBOUNCE = 0.15
#: A search not answered after this long says so in the status line ("searching 'g*'…"):
#: wildcard and fuzzy searches of a large corpus take seconds, and the line went on saying
#: "All articles: 4,000", as if the query had been ignored.
SEARCHING_SAID = 0.3
#: How long a problem with the config (its keymap, its theme) shows: long enough to read it
#: and the examples (Textual's default of 5 s hid the bad-key notice before it could be read).
CONFIG_NOTICE_SECONDS = 15
#: Said at a start where keymap, theme or cue file problems said at an earlier start remain (`notify_once`).
PROBLEMS_REMAIN = ("Problems with your keymap, theme or cue files, said at an earlier start, remain: "
                   "`newsreader paths` lists them")
REMINDER_SECONDS = 8
#: Pause after an article is shown before looking for its related stories (35-50 ms of
#: Python at 100,000 articles, holding the GIL): someone moving through articles does not
#: pay for the stories of every one they pass, and the query never competes with painting.
RELATED_DELAY = 0.15
#: Problems with pages an index update met that its notice lists (the rest are counted).
PAGE_PROBLEMS_SHOWN = 3
#: How often to look for the other copy's bookmarks and read marks.
MARKS_REFRESH_SECONDS = 5.0
#: The status line while a write of `b` or `u` waits for another copy's lock on the store
#: (`Store.waiting`, after its `WAIT_SAID`): up to 15 s, which looked like a hang.
STORE_WAIT = "waiting for another newsreader to finish writing…"
#: The status line after a first quit key while a write waits (`ReaderApp.post_message`).
STORE_QUIT_ASKED = "saving: another newsreader is writing; {key} again quits without saving"
PANES = ("list", "reader", "side")
#: The list while the first build has committed nothing yet (~15 s on 28,000 pages): it
#: fills in batches as they are committed, not page by page.
EMPTY_WHILE_INDEXING = "No articles yet: they appear here as the pages are indexed, a batch at a time."
#: How many articles Esc can walk back through related stories opened one from another
#: (the oldest is forgotten first).
TRAIL_LIMIT = 20
#: Key names for the glyphs Textual shows keys with that the Linux console's font lacks.
ASCII_KEYS = str.maketrans({"⏎": "enter", "⌫": "backspace"})


class ConsoleScrollBarRender(ScrollBarRender):
    """A scrollbar's thumb in whole cells, for the Linux console: the eighth blocks Textual
    draws its ends with (▁▂▃ ▉▊▋) are not in the console's font (they showed as diamonds)."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8

FIELD_FOR_KIND = {"person": "person", "org": "org", "place": "place"}


def no_color_stand_in(app: Any, theme: Any) -> str:
    """The theme an ANSI theme is shown as under NO_COLOR (see `ReaderApp.validate_theme`):
    the bundled dark or light one, as the ANSI theme is dark or light."""
    wanted = (DEFAULT_THEME, "textual-dark") if theme.dark else ("newsreader-light", "textual-light")
    for name in wanted:
        found = app.get_theme(name)
        if found is not None and not found.ansi:
            return name
    return wanted[-1]


def entity_query(kind: str, name: str) -> str:
    """The query listing every story that mentions an entity, e.g. person:"Ishaq Dar"."""
    safe = " ".join(name.replace('"', " ").split())
    return f'{FIELD_FOR_KIND.get(kind, "body")}:"{safe}"'


def same_text(a: Any, b: Any) -> bool:
    """Whether two stored copies of an article read the same (text, details, names, dates: the
    headline's and the summary's too, which the view marks; a re-index that changed only those
    left the open article's old marks)."""
    def spans(x: Any) -> tuple[Any, ...]:
        return tuple(getattr(x, key, None) for key in SPAN_KEYS)

    return (a.article.to_dict(), spans(a)) == (b.article.to_dict(), spans(b))


#: The spans of a `StoredArticle` the reader shows (`same_text`).
SPAN_KEYS = ("entities", "dates", "summary_entities", "summary_dates", "title_entities", "title_dates")


def found_by_byline(hits: list[Any], text: str = "") -> dict[str, str]:
    """The bylines of the hits a search found through their byline alone (`Hit.byline_only`), by
    id: the list says "by ..." on them (`FixedRows.byline`). Of a byline of several authors, the one
    the search `text` names (`byline_author`): the row shows 24 characters of it, which cut off the
    author who matched ("by Alexandra Konstantin…" for /featherstonehaugh, RV26-C #5)."""
    return {h.id: byline_author(h.byline, text) for h in hits if h.byline_only and h.byline}


#: Between the authors of a byline: commas, "and", "&".
_AUTHORS_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|&)\s+", re.IGNORECASE)


def byline_author(byline: str, text: str) -> str:
    """The first author of `byline` with a word of the search `text` (as stems, or the search's last
    word as a prefix: the search bar reads it so), else the whole byline. An author too long for the
    row's "by ..." has the names before the last initialled ("P. Featherstonehaugh", not "Peter
    Featherstoneh…")."""
    from newsreader.search.analysis import stem, words
    from newsreader.tui.article_list import BYLINE_WIDTH

    wanted = {stem(w) for w in words(text)}
    last = (words(text) or [""])[-1]
    authors = [a for a in _AUTHORS_SPLIT.split(byline) if a]
    for author in authors if len(authors) > 1 else ():
        said = words(author)
        if wanted.intersection(map(stem, said)) or (last and any(w.startswith(last) for w in said)):
            names = author.split()
            if len("by " + author) > BYLINE_WIDTH and len(names) > 1:
                return " ".join([f"{n[0]}." for n in names[:-1]] + names[-1:])
            return author
    return byline


def field_being_typed(text: str) -> bool:
    """Whether `text` ends in a date still being typed (`date:2`, `ferry date:2024-0`, `-date:2024..2`): its
    last word, with no space after it, is a `date:` (the field whose values have a form to complete; a
    field name that is wrong is said at once)."""
    words = text.split()
    return bool(words) and not text[-1:].isspace() and re.match(r"[-+(]*date:", words[-1], re.I) is not None


def gone_bookmark_text(bookmark: Any, corpus: Path, partial: bool = False) -> str:
    """What the article pane shows for a bookmark whose story is not in the corpus (it showed one line, "no
    longer in the index", though the store kept the story's title, date, source, byline, address, tags and
    note; U1 #9): those, and how to get the story back. `partial`: the index may lack stories the corpus has
    (a run updating it, or the last one stopped): then the page may well be in the folder (RV31-A F1)."""
    lines = [clean(bookmark.title) or bookmark.article_id, ""]
    about = [str(bookmark.date) if bookmark.date else "", clean(bookmark.source or ""),
             f"by {clean(bookmark.byline)}" if bookmark.byline else ""]
    if any(about):
        lines.append(" · ".join(part for part in about if part))
    if bookmark.url:
        lines.append(f"Link: {clean(bookmark.url)}")
    if bookmark.tags:
        lines.append("Tags: " + ", ".join(clean(tag) for tag in bookmark.tags))
    if bookmark.note:
        lines += ["Note:", clean(bookmark.note, newlines=True)]
    if partial:
        lines += ["", "This story is not in the index yet: the index is being updated, or its last run stopped "
                  "before its end. Open it again when the update ends (or after `newsreader index`)."]
    else:
        lines += ["", f"This story is not in the corpus now: only its bookmark is kept. Put its page back in "
                  f"{clean(str(corpus))} and it returns at the next index update (each start, or `newsreader index`)."]
    return "\n".join(lines)


def article_like(row: Row) -> SimpleNamespace:
    """What `Store.bookmark_article` needs, from a list row (dates are ISO text there)."""
    date = None
    if row.date:
        try:
            date = dt.date.fromisoformat(row.date)
        except ValueError:
            date = None
    return SimpleNamespace(id=row.id, title=row.title, source=row.source, date=date)


@dataclass
class TrailStep:
    """An article left for one of its related stories, as Esc brings it back."""

    stored: Any
    scroll_y: int
    #: Its related stories as the side pane showed them (None: not found yet) and the one
    #: highlighted there.
    related: list[RelatedStory] | None
    highlighted: int | None


@dataclass
class ListState:
    """One entry of the list history that Esc walks back through."""

    source: RowSource
    cursor: int = 0


#: The status line's forms (longest first) while another run holds the index's lock.
OTHER_RUN_FORMS = ("another run is updating the index", "another run is indexing", "indexing elsewhere")


class SearchBar(KeysInTurn):
    """The search bar. Keys read with an Esc or Enter that closes it (typed ahead, one SSH
    packet) go to the widget focused then (`KeysInTurn`): they were typed into the closed
    bar, which then searched for them out of sight (`/ab` Esc `b`: a search for "abb", and
    no bookmark)."""

    def action_copy(self) -> None:
        """Ctrl+C copies the text selected in the bar; with none it says how to quit, as it
        does everywhere else (it did nothing here)."""
        if self.selected_text:
            super().action_copy()
        else:
            self.app.action_help_quit()  # type: ignore[attr-defined]

    async def action_submit(self) -> None:
        """Enter: the search runs and the bar closes now, not once a message says so (the
        keys read after the Enter would be typed in the closed bar, see above)."""
        self.app.submit_search(self.value)  # type: ignore[attr-defined]


class MainScreen(Screen):
    """The three panes, the search bar and the status line."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (81, "-wide")]

    #: Screen's own `focused` repaints the whole screen on every focus change, though the
    #: screen's paint does not depend on it (opening an article moves the focus: 40 rows of
    #: background re-rendered at 120x40). The focused widgets repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    BINDINGS = [
        Binding("slash", "app.search", "Search", id="search"),
        Binding("escape", "app.back", "Back", show=False, id="back"),
        Binding("tab", "app.cycle_panes(1)", "Pane", id="next-pane", tooltip="Next pane"),  # (help: the tooltip)
        Binding("shift+tab", "app.cycle_panes(-1)", "Previous pane", show=False, id="previous-pane"),
        Binding("e", "app.focus_entities", "Entities", show=False, id="entities"),
        Binding("r", "app.focus_related", "Related", show=False, id="related"),
        Binding("b", "app.toggle_bookmark", "Bookmark", id="bookmark"),
        Binding("B", "app.bookmarks", "Bookmarks", id="bookmarks"),
        Binding("u", "app.toggle_read", "Read/unread", show=False, id="toggle-read"),
        Binding("s", "app.saved_searches", "Saved searches", show=False, id="saved-searches"),
        Binding("S", "app.save_search", "Save search", show=False, id="save-search"),
        Binding("o", "app.sort_results", "Sort by date", show=False, id="sort-results",
                tooltip="Sort a search: relevance, newest, oldest"),
        *[Binding(str(n), f"app.run_saved({n})", f"Saved search {n}", show=False, id=f"saved-search-{n}")
          for n in range(1, 10)],
    ]

    def compose(self) -> ComposeResult:
        app: ReaderApp = self.app  # type: ignore[assignment]
        # Fits 80 columns; the key hints below it say what Enter and Esc do.
        yield SearchBar(placeholder="Search: words, \"phrases\", person:Name, org:Name, date:2025-06, -word …",
                    id="search", compact=True)
        with Horizontal(id="panes"):
            yield ArticleList(id="list", classes="pane", glyphs=app.glyphs,
                              is_read=app.is_read, is_bookmarked=app.is_bookmarked)
            with Vertical(id="reader-pane", classes="pane"):
                yield ArticleView(id="article")
                yield Static(id="mark-status")
            yield SidePane(id="side", classes="pane")
        with Horizontal(id="statusbar"):
            yield StatusLine(id="status")
            yield ProgressBar(id="progress", show_eta=False, total=None)
        yield KeyHints({b.id: b for b in all_bindings() if b.id}, id="hints")

    @property
    def _binding_chain(self) -> list[tuple[DOMNode, BindingsMap]]:
        """Textual's chain, with the keys the config's keymap gave to a binding taken from the
        reader's defaults below it (else the focused list's `j` beat `search: j`)."""
        chain = super()._binding_chain
        plan = self.app.keymap_plan  # type: ignore[attr-defined]
        if plan.taken or plan.unbound:
            give_taken_keys(chain, plan)
        return chain

    def on_descendant_focus(self) -> None:
        """Keep the narrow layout showing whichever pane has the focus."""
        self.app.sync_pane_class()  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        """Crossing 80 columns switches between one pane and three."""
        app = self.app
        app.show_panes(app._pane)  # type: ignore[attr-defined]
        self.call_after_refresh(lambda: app.show_panes(app._pane))  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        search = self.query_one("#search", Input)
        search.cursor_blink = self.app.blink  # type: ignore[attr-defined]
        self.query_one(ArticleList).focus()
        self.app.start()  # type: ignore[attr-defined]


class ReaderApp(App[int]):
    """The reader. `library` and `store` may be given (tests, benchmarks); otherwise they
    are opened from `paths` for `corpus_dir`."""

    _store_wait = False  # (until `__init__`: keys may be posted before; see `post_message`)

    CSS_PATH = "reader.tcss"
    TITLE = "newsreader"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Keys", id="help"),
    ]

    def __init__(self, paths: Any, config: Any, corpus_dir: Path, *, library: Any = None,
                 store: Any = None, update_index: bool = True, blink: bool = True,
                 watch_marks: bool = True, related_delay: float = RELATED_DELAY,
                 freeze_gc: bool = False, cue_problems: list[str] | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.config = config
        self.corpus_dir = corpus_dir
        self._library = library
        self._store = store
        self._finder: Any = None
        self.update_index = update_index
        self.blink = blink
        self.watch_marks = watch_marks
        self.glyphs = "ascii" if os.environ.get("TERM", "") == "linux" else "unicode"
        if self.glyphs == "ascii":  # (borders the console's font has: reader.tcss, "The Linux console")
            self.add_class("-linux-console")
            ScrollBar.renderer = ConsoleScrollBarRender  # (Textual's, for the process: put back on unmount)
        self.read_ids: set[str] = set()
        self.bookmarked: set[str] = set()
        #: Read articles that are in this corpus, and the corpus size: the unread count
        #: without ever loading every id (read marks are few; the corpus may be 100,000).
        self.read_here: set[str] | None = None
        #: Bookmarked articles that are in this corpus: the store holds every corpus's
        #: bookmarks, and the status line counts this one's, as it counts its unread.
        self.bookmarked_here: set[str] | None = None
        self.corpus_count: int | None = None
        self.history: list[ListState] = []
        #: Articles left for a related story, the last one last: Esc in the reader walks back
        #: through them before it goes to the list. An article opened otherwise starts anew.
        self.trail: list[TrailStep] = []
        #: The open article's related stories once found (what a `TrailStep` keeps).
        self._related_shown: list[RelatedStory] | None = None
        self.indexing = False
        #: What the index update is doing, in forms shorter each (the status line fits them
        #: to its width); the first is `index_message`.
        self.index_forms: tuple[str, ...] = ()
        self.time_left = TimeLeft()
        self._reread_told: TimeLeft | None = None  # the update (its TimeLeft) whose re-read was said
        self.eta_forms: tuple[str, ...] = ()
        #: The search whose query Enter sent: an error too long for the status line is then
        #: given whole in a notice.
        self._submitted_generation = -1
        #: Set when the reader quits: the index update under way stops within a fraction of a
        #: second, keeping the batches it committed (see `exit`).
        self._stop_index = threading.Event()
        #: Articles kept by the update the quit stopped (None: none stopped): `run_reader` says so.
        self.index_stopped: int | None = None
        #: The error the reader stopped on (None: none), said in one line (`_print_error_renderables`).
        self.crashed: BaseException | None = None
        self.search_error = ""
        #: The palette's key hints (`commands.binding_hints`), built at its first list of
        #: commands after it opens: it asks for the list again at every key typed.
        self._palette_hints: dict[str, str] | None = None
        #: The search that found the index damaged, to run again once it is rebuilt if no
        #: other search started meanwhile: (its generation, how to run it again).
        self._search_after_rebuild: tuple[int, Callable[[], None]] | None = None
        self._damage_rebuild = "no"  # "running", then "done": once a session
        self._asked_update = False  # an update the palette asked for: its end is said
        #: The update at start (or the palette's) was refused by another run's lock: once that
        #: run ends, `refresh_marks` looks whether it finished (see `_stopped_run`).
        self._other_run = False
        #: Another run holds the index's lock, seen while this reader was idle (`_show_elsewhere`).
        self._elsewhere = False
        #: The index's number when the reader last took over a run stopped before its end:
        #: once per state, so that an update that cannot finish it is not started again and again.
        self._took_over: int | None = None
        self._own_update_ended = False  # (before, the update at start is still to come)
        self._marks_failed = False  # (the last look could not read the store: said once)
        #: A write waits for another copy's lock on the store (`STORE_WAIT` is shown); the one
        #: thread that writes for `b` and `u` (`store_write`), and the loop it tells.
        self._store_wait = False
        #: The first quit key of the wait under way, which asks before it gives the write up
        #: (one wait only; `post_message`).
        self._quit_asked: str | None = None
        self._store_writer: ThreadPoolExecutor | None = None
        self._loop_told: asyncio.AbstractEventLoop | None = None
        self.theme_notices: list[str] = []
        self._search_timer: Timer | None = None
        self._search_generation = 0
        self._resorted: int | None = None  # the search `o` started (its list replaces the one shown)
        self._pending_sort: tuple[Any, str] | None = None  # (list shown, order `o` last asked for it)
        #: The search being waited for past SEARCHING_SAID (its text), for the status line.
        self._searching: str | None = None
        self._answered: int | None = None  # the last search generation answered
        self._warmed = False  # the library opened for the first search (warm_worker)
        self._open_generation = 0
        #: The index commit the store's bookmarks and read marks were last reconciled with.
        self._reconciled_generation: int | None = None
        self._gone_noticed: set[str] = set()  # open articles said to have left the index
        self.related_delay = related_delay
        self.freeze_gc = freeze_gc
        #: Collect garbage ourselves once an opened article's side pane is complete (set
        #: with `freeze_gc`, i.e. in `run_reader`), so the collector's full passes land in
        #: the reader's idle time rather than inside the next key's frame.
        self.idle_gc = freeze_gc
        self._related_timer: Timer | None = None
        self._related_busy = False
        self._related_waiting: tuple[str, Any, int] | None = None
        #: Bookmarks with tags or a note that `b` removed, by article id: bookmarking the article
        #: again restores them (the notice says so), whatever was bookmarked in between.
        self._unbookmarked: dict[str, Any] = {}
        #: Bookmarks removed on the bookmarks screen, last one last: its `u` puts them back,
        #: also after the screen was closed and opened again.
        self.removed_bookmarks: list[Any] = []
        self._pane = "list"
        self._mark_line: Any = None
        self._theme_ready = False
        #: The ANSI theme chosen that NO_COLOR shows as another (`validate_theme`), or None.
        self._ansi_wanted: str | None = None
        self._register_themes()
        self._choose_theme()
        self.keymap_plan = KeymapPlan()
        if config.keymap:
            self.set_keymap(known_keys(dict(config.keymap)))
            self.keymap_plan = plan_keymap(self._keymap, scoped_bindings(inherited=True))
            from newsreader.tui.bookmarks import REMOVE_KEYS, remove_keys

            # The bookmarks screen's remove follows the bookmark key as remapped (`remove_keys`):
            # in the app's keymap, which every screen's bindings take, and in the plan `?` reads.
            if (keys := remove_keys(self)) != REMOVE_KEYS:
                self.keymap_plan.keys["bookmarks.remove"] = keys
                self.update_keymap({"bookmarks.remove": keys})
        #: What is wrong in the config's keymap and theme and the theme files: the lines
        #: every command warns of (`config.config_problems`), shown here as notices.
        self.config_problems = config_problems(config, paths, theme=self._wanted_theme, loaded=self._loaded_themes,
                                               plan=self.keymap_plan)
        theme_lines = [line for line in self.config_problems if not line.startswith("keymap:")]
        folder = self.paths.user_themes_dir
        #: The problems said with the keymap's, under "Config": all of them in one notice when
        #: the keymap and the themes have more than two between them (a notice each went past
        #: the top of a 24-row terminal).
        self._config_said = [line for line in self.config_problems if line.startswith("keymap:")]
        if self._config_said and theme_lines and len(self.config_problems) > 2:
            self._config_said, theme_lines = list(self.config_problems), []
        notices = self._loaded_themes.notices(folder, theme_lines)
        # The problems' notices, held back by `notify_once`, say that problems remain: not
        # NO_COLOR's, not the line about a theme that replaces another (always last).
        self._problem_notices = set(notices[:len(notices) - bool(self._loaded_themes.replaced)])
        self.theme_notices[:0] = notices
        #: The entries of the user's cue files the extractor skips (`config.user_cue_warnings`,
        #: kept in the cache folder): said as the keymap's problems are, once in full, then
        #: in the short line that problems remain (the CLI's lines went behind the screen).
        #: `run_reader` passes the lines the CLI worked out a moment before (RV23-C #2).
        self.cue_problems = cue_problems if cue_problems is not None else user_cue_warnings(paths)

    # --- setup -------------------------------------------------------------------------

    def notify(self, message: str, *, title: str = "", **kwargs: Any) -> None:
        """Every notice (the screens' too: theirs come here) with its lines made printable:
        they name pages, folders and config files, whose names are untrusted text."""
        super().notify("\n".join(printable(line) for line in message.split("\n")), title=title, **kwargs)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit: the index update under way is told to stop first (within ~0.1 s). Before,
        only its next progress report, failing on the closed app, stopped it: a quit while it
        sampled pages or a worker wrote a segment waited seconds with the screen gone (4 s on
        a 3,000-page first build). Its committed batches are kept, the batch under way is
        dropped, and the next start goes on from there."""
        self._stop_index.set()
        super().exit(*args, **kwargs)

    def _handle_exception(self, error: Exception) -> None:
        if self.crashed is None:
            self.crashed = error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """An error the reader stopped on is one line, its traceback in a file: Textual's filled the
        terminal, and a command queued after it (the palette's Quit, U1 #0) left exit code 0 (`run_reader`
        returns 1 for it now)."""
        if self.crashed is None or not self._exit_renderables:
            super()._print_error_renderables()
            return
        from rich.console import Console

        detail = self.paths.cache_dir / "reader-error.txt"
        try:
            detail.parent.mkdir(parents=True, exist_ok=True)
            with detail.open("w", encoding="utf-8", errors="replace") as out:
                console = Console(file=out, width=120, color_system=None, force_terminal=False)
                for renderable in self._exit_renderables:
                    console.print(renderable)
            where = f"; the details are in {detail}"
        except OSError:
            where = ""
        self._exit_renderables.clear()
        error = self.crashed
        said = printable(clean(f"{type(error).__name__}: {error}"))[:200]
        print(f"newsreader: the reader stopped on an internal error ({said}); the bookmarks and read marks "
              f"made before it are kept{where}", file=sys.stderr)

    def post_message(self, message: Any) -> bool:
        """A quit key read while a write waits for another copy's lock on the store (`STORE_WAIT`
        is shown): keys wait for the write, and the quit waited with them, up to 15 s. Looked
        at here, as the key is queued: the queue is what waits. The first such key only says
        so (`STORE_QUIT_ASKED`; taken, not queued: it does not quit once the write is saved);
        a second one in the same wait gives the write up, and the writes of the keys queued
        ahead of it fail at once (`Store.give_up`, until that key is taken: `on_event`;
        `run_reader` says how many were not saved), and quits. Only a key that reaches the
        quit action counts: Ctrl+Q (a priority binding) always, another quit key when no key
        is queued ahead of it (a `/` ahead opens the search bar, where `q` is text; K3 gave
        the write up for the `q` of "/iraq", and for good: every later wait too)."""
        if (isinstance(message, events.Key) and not message.is_forwarded and self._store_wait
                and (message.key == "ctrl+q" or not self._keys_queued()) and self._quits(message.key)):
            if self._quit_asked is None:
                self._quit_asked = message.key
                self.update_status()
                if hasattr(self.screen, "store_wait"):  # the bookmarks screen, over the status line
                    self.screen.store_wait(True)
                return True
            self._quit_asked = None
            self.store.give_up()
            message._reader_gave_up = True  # (one-shot: see `on_event`)
        posted = super().post_message(message)
        if posted and isinstance(message, events.Key):
            self._keys_ahead += 1  # (taken off in `on_event`)
        return posted

    #: Keys posted to the reader's queue and not yet taken from it (`_keys_queued`).
    _keys_ahead = 0

    def _keys_queued(self) -> int:
        """Keys in the reader's queue, read or come back up from a widget, not yet acted on.
        During a wait (the reader's queue waits for the write) that is every key read since
        which a widget has not used: the widgets' own queues go on. Counted through the
        public `post_message` (every key put in the queue: from the terminal, the driver posts
        it on the loop's thread; from a widget, bubbled up) and `on_event` (every key taken
        from it): M10 read Textual's private queue (`_message_queue.values`), and a Textual
        that changed it would have left only Ctrl+Q counting, silently."""
        return self._keys_ahead

    def _quits(self, key: str) -> bool:
        """Whether `key` quits the reader now: Ctrl+Q anywhere, the quit keys on the main
        screen (not in the search bar, where they are text)."""
        if key == "ctrl+q":
            return True
        quit_keys = self.binding_keys("quit", "q").split(",")
        return key in quit_keys and self.screen is self._main and not isinstance(self.focused, Input)

    # --- keys read together ------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Note where Textual sends a key (or a paste) read from the terminal: the widget
        focused now. See `_on_key`."""
        if isinstance(event, events.Key):
            self._keys_ahead -= 1  # (taken from the queue: see `post_message`)
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if getattr(event, "_reader_gave_up", False):  # (the writes ahead of it are done)
                event._reader_gave_up = False
                self.store.end_give_up()
            event._reader_sent_to = self.focused  # type: ignore[attr-defined]
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """A key that came back up unused from a widget that has lost the focus since it was
        sent there goes to the widget focused now, not to the bindings. Textual sends each
        key to the focused widget as soon as it is read, but runs bindings (and so moves the
        focus) only once the key has come back up: keys read with the `/` (a paste, one SSH
        packet, keys typed ahead) were all sent to the list before `/` focused the search
        bar, and then ran the list's bindings (`/abu`: `b` removed a bookmark, `u` marked
        read). The same for any key that moves the focus (Tab, `r`, Enter on a story)."""
        if self._resend_to_focus(event):
            event.prevent_default()  # (App._on_key would run the bindings)

    async def _on_paste(self, event: events.Paste) -> None:
        """A paste read with the `/`: into the search bar (see `_on_key`)."""
        self._resend_to_focus(event)

    def _resend_to_focus(self, event: events.Key | events.Paste) -> bool:
        sent_to = getattr(event, "_reader_sent_to", self.focused)
        focused = self.focused
        if focused is None or sent_to is focused:
            return False
        again = events.Key(event.key, event.character) if isinstance(event, events.Key) else events.Paste(event.text)
        again._reader_sent_to = focused  # type: ignore[attr-defined]
        focused._forward_event(again)
        return True

    def on_unmount(self) -> None:
        """The app stopped without `exit` (an error Textual printed): the update stops too."""
        self._stop_index.set()
        if self._store_writer is not None:
            self._store_writer.shutdown(wait=False)
        if ScrollBar.renderer is ConsoleScrollBarRender:
            ScrollBar.renderer = ScrollBarRender

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual names the first quit key it finds ("Press ctrl+q"); this names the
        reader's own (`q`, or what the keymap gives it; Ctrl+Q when none applies). Ctrl+C
        does not quit: it copies the text selected in the search bar or the article, and a
        stray one should not close the reader."""
        keys = [key for key, active in self.active_bindings.items()
                if active.binding.action in ("quit", "app.quit")]
        # On the help, bookmarks and palette screens no quit key is active but Textual's
        # Ctrl+Q, which quits from any screen (it said nothing there).
        own = [key for key in keys if key != "ctrl+q"] or ["ctrl+q"]
        shown = " or ".join(self.get_key_display(Binding(key, "")) for key in own)
        self.notify(f"Press {shown} to quit the reader (Ctrl+C copies selected text)", title="Quit?",
                    timeout=4, markup=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(HIGHLIGHT_DEFAULTS)

    def _register_themes(self) -> None:
        loaded = load_themes(theme_folders(self.paths.config_dir))
        for theme in loaded.themes:
            self.register_theme(theme)
        #: The themes of the reader's files (bundled and the user's), which the palette lists first.
        self.reader_theme_names = [theme.name for theme in loaded.themes]
        self._loaded_themes = loaded  # (its problems are said with the config's: `config_problems`)

    @property
    def library(self) -> Any:
        if self._library is None:
            from newsreader.search.library import Library

            self._library = Library.open(self.paths, self.corpus_dir, self.config)
        return self._library

    @property
    def store(self) -> Any:
        if self._store is None:
            from newsreader.store import Store

            self._store = Store.open(self.paths.store_file, readonly_ok=True)
        return self._store

    @property
    def finder(self) -> Any:
        """One `RelatedFinder` for the app's life: it caches entity frequencies."""
        if self._finder is None:
            try:
                from newsreader.search.related import RelatedFinder

                self._finder = RelatedFinder(self.library)
            except Exception:
                self._finder = False
        return self._finder or None

    def get_default_screen(self) -> Screen:
        self._main = MainScreen(id="main")
        return self._main

    def start(self) -> None:
        """Called once the main screen is composed: fill the list, start the workers."""
        self._theme_ready = True
        self.watch(self, "theme", self._save_theme, init=False)
        self.show_panes("list")
        self._loop_told = asyncio.get_running_loop()
        self.store.waiting = self._store_waiting
        held = self.notify_once("theme", self.theme_notices, title="Theme", severity="warning",
                                timeout=CONFIG_NOTICE_SECONDS, markup=False)
        for notice in self.store.notices:
            self.notify(notice, title="Bookmarks", severity="warning", timeout=15, markup=False)
        held_config, held_cues = self._check_keymap(), self._check_cues()
        if held_config or held_cues or self._problem_notices.intersection(held):
            self.notify(PROBLEMS_REMAIN, title="Config", severity="warning", timeout=REMINDER_SECONDS, markup=False)
        self.history = [ListState(FixedRows([], "All articles"))]
        self.article_list.empty_text = "Opening the index…"
        self.open_library()
        self.refresh_marks()
        if self.watch_marks:
            self.set_interval(MARKS_REFRESH_SECONDS, self.refresh_marks)
        self.update_status()

    @work(thread=True, exclusive=True, group="library")
    def open_library(self) -> None:
        """Read the first page of rows off the main thread, so the first frame is painted
        while the store opens (Whoosh loads after the list, in `load_search_engine`)."""
        source = CorpusRows(self.library)
        source.row(0)
        self.call_from_thread(self._library_opened, source)

    def _library_opened(self, source: CorpusRows) -> None:
        self.history[0] = ListState(source)
        if len(self.history) == 1:
            self.article_list.set_source(source)
        self.article_list.empty_text = EMPTY_WHILE_INDEXING if self.update_index else "No articles."
        if self.update_index:
            self.call_after_refresh(self.update_index_worker)
        else:
            self.count_unread()
        self.call_after_refresh(self.load_search_engine)
        self.update_status()

    @work(thread=True, group="engine", exit_on_error=False)
    def load_search_engine(self) -> None:
        """Whoosh's import, once the list shows (it is not on the way to the list): the
        first search then does not wait for it. Should the import fail (a broken install),
        the reader stays up and the first search reports it."""
        self.library.load_engine()
        if self.freeze_gc:
            # Whoosh, Textual and the index's first pages are loaded and stay for the app's
            # life: take them out of the garbage collector's full passes, which otherwise
            # walked them every few articles opened (40-80 ms pauses at 100,000 articles).
            import gc

            gc.freeze()
            self.freeze_gc = False

    def _choose_theme(self) -> None:
        """The saved theme (or the config's), set before the app runs: its colours are in
        the stylesheet's first parse. Set once the screen was up, it parsed and applied the
        whole stylesheet a second time (~0.1 s of the start at 100,000 articles)."""
        try:
            wanted = self.store.get_pref("theme") or self.config.theme
        except Exception:
            wanted = self.config.theme
        self._wanted_theme = wanted  # (if not to be had, `config_problems` says why)
        if wanted not in self.available_themes:
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted

    def validate_theme(self, name: str) -> str:
        """Under NO_COLOR an ANSI theme is shown as a theme with colours of its own
        (`no_color_stand_in`): Textual's NO_COLOR filter turns the terminal's default text
        and background, all an ANSI theme has, into black, and every line was black on black
        (30 on 40). The choice itself is kept (saved, and used again without NO_COLOR)."""
        theme = self.get_theme(name)
        if not getattr(self, "no_color", False) or theme is None or not theme.ansi:
            was_ansi, self._ansi_wanted = self._ansi_wanted, None
            if was_ansi is not None and self._theme_ready and name == self.theme:
                self._save_theme(name)  # the stand-in itself picked: no change for the watcher to save
            return name
        stand_in = no_color_stand_in(self, theme)
        self._ansi_wanted = name
        said = (f"{name} is shown as {stand_in} while NO_COLOR is set (an ANSI theme's colours "
                "all turn black under NO_COLOR)")
        if self._theme_ready:
            self.notify(said, title="Theme", markup=False)
            if stand_in == self.theme:  # (no change for the watcher to save)
                self._save_theme(name)
        else:
            self.theme_notices.append(said)
        return stand_in

    def _save_theme(self, name: str) -> None:
        """The palette changed the theme: remember it (the config's theme stays the default).
        An ANSI theme shown as another under NO_COLOR is remembered as itself. Saved through
        `store_write`, as `b` and `u` are: at once when it takes less than `WAIT_SAID`; else
        the reader goes on and the status line says the wait (`STORE_WAIT`) while another
        copy holds the store: on the main thread it froze the reader, unsaid, for up to 15 s.
        A failure is said in a notice, on the reader's thread (K3's own copy of the wait posted
        it from the writing thread, and dropped it unsaid before the loop was known)."""
        name = getattr(self, "_ansi_wanted", None) or name

        async def save() -> None:
            try:
                await self.store_write(partial(self.store.set_pref, "theme", name))
            except Exception as exc:
                self.notify(f"could not save the theme choice: {getattr(exc, 'message', exc)}",
                            severity="warning", markup=False)

        self.run_worker(save(), group="theme-save")

    def notify_once(self, group: str, messages: list[str], problems: list[str] | None = None,
                    **kwargs: Any) -> list[str]:
        """Notices of problems met at each start (theme files, the keymap, pages skipped),
        each said in full once until it changes: the same toasts covered the article pane for
        15 s at every start (Q5 C5). The state keeps a digest of each notice said last, by
        `group`; a notice not among them (a new problem, or one that came back) is said. A
        store that cannot be read or written says them all, as before. Returns the messages
        held back (said at an earlier start): `start` then says in one short line that
        problems said before remain, so a second start is not silent about them (Q7 #4)."""
        import hashlib
        import json

        key = f"said.{group}"
        try:
            before = set(json.loads(self.store.get_pref(key) or "[]"))
        except Exception:
            before = set()
        def digest(text: str) -> str:
            return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]

        held = []
        if problems is not None:  # one notice naming a few of many `problems`: said if any is new
            digests = [digest(problem) for problem in problems]
            if not set(digests) <= before:
                for message in messages:
                    self.notify(message, **kwargs)
            else:
                held = list(messages)
        else:
            digests = [digest(message) for message in messages]
            for message, one in zip(messages, digests):
                if one not in before:
                    self.notify(message, **kwargs)
                else:
                    held.append(message)
        if set(digests) != before:
            try:
                self.store.set_pref(key, json.dumps(sorted(set(digests))))
            except Exception:
                pass
        return held

    def _check_keymap(self) -> list[str]:
        """The keymap's problems (`config_problems`), each a notice, once until it changes
        (`notify_once`); the ones held back (said at an earlier start) are returned."""
        said = self._config_said
        how = dict(title="Config", severity="warning", timeout=CONFIG_NOTICE_SECONDS, markup=False)
        if len(said) <= 2:
            return self.notify_once("config", said, **how)
        summary = problems_summary(said, self.paths.user_themes_dir)
        return self.notify_once("config", [summary], problems=said, **how)

    def _check_cues(self) -> list[str]:
        """The skipped entries of the user's cue files (`cue_problems`), as the keymap's
        (`_check_keymap`): a notice each, or one naming the first few when more than two."""
        said = self.cue_problems
        how = dict(title="Cue files", severity="warning", timeout=CONFIG_NOTICE_SECONDS, markup=False)
        if len(said) <= 2:
            return self.notify_once("cues", said, **how)
        return self.notify_once("cues", [cues_summary(said, self.paths.user_cues_dir)], problems=said, **how)

    def binding_keys(self, binding_id: str, default: str) -> str:
        """The keys a binding answers to once the config's keymap has taken its keys."""
        return self.keymap_plan.keys.get(binding_id, default)

    # --- widgets ---------------------------------------------------------------------------

    @property
    def main(self) -> MainScreen:
        return self._main

    @property
    def article_list(self) -> ArticleList:
        return self.main.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.main.query_one(ArticleView)

    @property
    def side(self) -> SidePane:
        return self.main.query_one(SidePane)

    @property
    def search_input(self) -> Input:
        return self.main.query_one("#search", Input)

    # --- marks -----------------------------------------------------------------------------

    def is_read(self, article_id: str) -> bool:
        return article_id in self.read_ids

    def is_bookmarked(self, article_id: str) -> bool:
        return article_id in self.bookmarked

    @work(thread=True, exclusive=True, group="marks")
    def refresh_marks(self) -> None:
        """Re-read read marks and bookmarks: the other copy of the app may have changed them.
        So may another process have changed the index (`newsreader index`, or the other copy
        indexing while this one's update was refused by the lock): its commit number says
        (read once a look: a folder listing and a stat), and at the first look, before the
        rows have one to compare with, the article count. A commit made after the number
        was read is seen at the next look."""
        try:
            generation: int | None = self.library.generation()
        except Exception:  # a rebuild under way, a damaged index: the next look, or its update, tells
            generation = None
        # Whether another run updates the index: asked once a look, for the three uses below
        # (each asked it: 2-3 lock probes a look); not while this reader indexes, unless it
        # waits on another run too (only the last use is made then).
        running = self._locked_by_other_run() if not self.indexing or self._other_run else False
        if not self.indexing and generation is not None:  # a build under way has not put every article back
            self.reconcile_bookmarks(generation, running)
        if not self._other_run and not self.indexing:
            if running != self._elsewhere:
                self.call_from_thread(self._show_elsewhere, running)
        if self._other_run or (self._own_update_ended and not self.indexing):
            stopped = self._stopped_run(running)
            if stopped is not None:
                self.call_from_thread(self._other_run_ended, stopped, generation)
        try:
            read, marked = self.store.read_ids(), self.store.bookmarked_ids()
        except Exception as exc:  # a busy store: the next look
            self.call_from_thread(self.store_looked, exc)
            return
        if self._marks_failed:
            self.call_from_thread(self.store_looked, None)
        for notice in self.store.take_notices():  # its file replaced by another copy's repair, and reopened
            self.call_from_thread(self.notify, notice, title="Bookmarks", severity="warning", timeout=15,
                                  markup=False)
        first = getattr(self.history[0].source, "generation", 0) is None if self.history else False
        try:
            total = self.library.count() if first and generation is not None and generation >= 0 else None
        except Exception:
            generation, total = None, None
        self.call_from_thread(self._set_marks, read, marked, total, generation)

    def store_looked(self, exc: BaseException | None) -> None:
        """How a look at the store went, the reader's (`refresh_marks`) or the bookmarks
        screen's: one that cannot read it is said once (a lasting failure would say it every
        few seconds), until a look works again. One flag and one notice for both looks: with
        the screen open, each said it in its own words, two notices for one busy store."""
        if exc is None:
            self._marks_failed = False
        elif not self._marks_failed:
            self._marks_failed = True
            self.notify(f"cannot read the bookmarks and read marks now: {getattr(exc, 'message', exc)} "
                        "(what is shown may be out of date; trying again)", title="Bookmarks",
                        severity="warning", timeout=15, markup=False)

    async def store_write(self, call: Callable[[], Any]) -> Any:
        """`call` (a write to the store) in the store's writing thread, as the keys' actions
        make them: done at once as before when it takes less than `WAIT_SAID` (the action
        never yields: the next key sees what it did); else awaited, so the screen is painted
        (`STORE_WAIT`, from `Store.waiting`) while another copy holds the store's lock. Keys
        read meanwhile wait for the write, as they did with the whole reader stopped on it."""
        from newsreader.store.db import WAIT_SAID

        if self._store_writer is None:  # (the one thread that writes to the store for the keys and the palette)
            self._store_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-write")
        future: Future = self._store_writer.submit(call)
        try:
            return future.result(timeout=WAIT_SAID)
        except FutureTimeout:
            return await asyncio.wrap_future(future)

    def _store_waiting(self, waiting: bool) -> None:
        """(the writing thread, holding the store's lock) `Store.waiting`: the status line
        says so while a write waits for another copy. Posted, not waited for: the loop may
        itself be waiting for the store (a read on the main thread). A write made on the
        main thread (not through `store_write`) cannot be shown: nothing paints meanwhile."""
        loop = self._loop_told
        if loop is not None and threading.current_thread() is not threading.main_thread():
            try:
                loop.call_soon_threadsafe(self._show_store_wait, waiting)
            except RuntimeError:  # the loop has closed: the reader is gone
                pass

    def _show_store_wait(self, waiting: bool) -> None:
        self._store_wait = waiting
        self._quit_asked = None  # (a quit key asks again in the next wait)
        self.update_status()
        if hasattr(self.screen, "store_wait"):  # the bookmarks screen, over the status line
            self.screen.store_wait(waiting)

    def _store_wait_said(self) -> str:
        """The status line's words for a write waiting for another copy, if one does."""
        if not self._store_wait:
            return ""
        return STORE_QUIT_ASKED.format(key=self._quit_asked) if self._quit_asked else STORE_WAIT

    def reconcile_bookmarks(self, generation: int | None = None, running: bool | None = None) -> None:
        """Once per index commit, whoever made it (any thread): bookmarks and read marks
        of a story whose headline was edited (a new id) move to its new id; bookmarks
        whose article left the corpus are marked missing (kept), and reconnect when it
        comes back under the same id; the others take its title, source and date now.
        `generation` is the index's number when the caller has just read it, `running`
        whether another run updates the index (`update_running`) when it has just asked."""
        try:
            if generation is None:
                generation = self.library.generation()
            if generation < 0 or generation == self._reconciled_generation:
                return
            if self.library.partial(running):
                return  # a rebuild under way, or one a quit stopped, has not put every article back
            renamed = self.library.renamed()
            if renamed:
                self.store.follow_renames(renamed)
            present = (self.library.get(article_id) for article_id in self.store.bookmarked_ids())
            self.store.reconcile((stored.article for stored in present if stored is not None),
                                 corpus=corpus_key(self.corpus_dir))
            self._reconciled_generation = generation
        except Exception:  # a rebuild under way, a damaged index, a busy store: the next look
            return

    def _set_marks(self, read: set[str], marked: set[str], total: int | None = None,
                   generation: int | None = None) -> None:
        base = self.history[0].source
        if generation is not None and generation >= 0 and not self.indexing and isinstance(base, CorpusRows):
            seen, base.generation = base.generation, generation
            if seen is None:  # the first look: the rows may predate a commit made before it
                changed = total is not None and total != base.count()
            else:
                changed = generation != seen
            if changed:
                self._grow_list()
                self.article_list.refresh()  # the same count: a page changed in place
                self.count_unread()
                self.recheck_open_article()
        if read != self.read_ids or marked != self.bookmarked:
            self.read_ids, self.bookmarked = read, marked
            self.article_list.refresh()
            self.count_unread()
            self.update_status()

    def _mark_read_here(self, article_id: str, read: bool) -> None:
        (self.read_ids.add if read else self.read_ids.discard)(article_id)
        if self.read_here is not None:
            (self.read_here.add if read else self.read_here.discard)(article_id)

    @work(thread=True, exclusive=True, group="ids")
    def count_unread(self) -> None:
        """Corpus size and which read marks belong to it (after start, index updates and
        changes from the other copy)."""
        try:
            lib = self.library
            if not lib.exists():
                return
            total = lib.count()
            here = set(lib.store().rows(list(self.read_ids)))
            marked_here = set(lib.store().rows(list(self.bookmarked)))
        except Exception:
            return
        self.call_from_thread(self._set_unread, total, here, marked_here)

    def _set_unread(self, total: int, here: set[str], marked_here: set[str] | None = None) -> None:
        self.corpus_count, self.read_here = total, here
        if marked_here is not None:
            self.bookmarked_here = marked_here
        self.update_status()

    # --- status line ---------------------------------------------------------------------

    @property
    def index_message(self) -> str:
        """The index update's line at its longest ("" when none runs): the first of
        `index_forms`, so the two cannot disagree (four places set both before)."""
        return self.index_forms[0] if self.index_forms else ""

    @index_message.setter
    def index_message(self, message: str) -> None:
        """A message with no shorter form: the status line shows it whole or not at all."""
        self.index_forms = (message,) if message else ()

    def update_status(self) -> None:
        """One line at any width (`status.fit_status`): what is wrong with the query first, in
        place of the counts when both do not fit; the list's count; the index update's pages
        and time left; the unread and bookmark counts, given up first."""
        try:
            status = self.main.query_one("#status", StatusLine)
        except Exception:
            return
        source = self.article_list.source
        count = source.count()
        if isinstance(source, FixedRows) and source.total is not None and source.total > count:
            counted_rows = f"{count:,} of {source.total:,}"
        else:
            counted_rows = f"{count:,}"
        unread = ""
        if self.corpus_count is not None and self.read_here is not None:
            unread = f"{max(0, self.corpus_count - len(self.read_here)):,} unread"
            if not isinstance(source, CorpusRows):  # ("Israel: 6 · 8 unread" read as 8 of the 6)
                unread += " in all"
        marked = self.bookmarked if self.bookmarked_here is None else self.bookmarked_here
        label = clean(source.label)
        # A pattern that matched more words than were searched ("g* matched 3,005 words;
        # searched the 200 commonest": its rarer words' articles may be missing) says so
        # beside the count, as long as its list is shown: a note, not an error in the count's place.
        note = "; ".join(clean(n) for n in source.extra.get("notes") or ()) if isinstance(source, FixedRows) else ""
        if self._searching is not None:  # (the list still shows the last answer)
            label, counted_rows, note = "", f"searching {clean(self._searching)!r}…", ""
        status.show(StatusParts(error=self._store_wait_said() or self.search_error, label=label, count=counted_rows,
                                note=note,
                                index=self.index_forms, eta=self.eta_forms if self.indexing else (), unread=unread,
                                bookmarked=f"{len(marked):,} bookmarked"))

    # --- index updates -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def update_index_worker(self, rebuild: bool = False) -> None:
        """Bring the index up to date (or build it anew, `rebuild`: a search found it
        damaged); the list fills as each batch is committed."""
        from newsreader.search.library import UpdateStopped

        stop = self._stop_index.is_set
        if stop():
            return
        self.call_from_thread(self._index_started)

        def progress(p: Any) -> None:
            if not stop():  # the app is closing: no screen to report to
                self.call_from_thread(self._index_progress, p.pages_done, p.pages_total, p.articles, p.elapsed,
                                      p.reason, p.reread)

        problems: list[str] = []  # pages skipped or read with a fallback: said when it ends
        try:
            try:
                if rebuild:
                    raise IndexNeedsRebuild("damaged")
                stats = self.library.update(progress=progress, warn=problems.append, stop=stop)
            except IndexNeedsRebuild:
                # Damaged or built by another version: rebuild it, as `index --rebuild` would.
                self.call_from_thread(self._index_rebuilding)
                problems.clear()
                stats = self.library.update(progress=progress, warn=problems.append, rebuild=True, stop=stop)
        except UpdateStopped:  # the reader quits: what was committed stays
            try:
                self.index_stopped = self.library.count()
            except Exception:  # stopped before its first commit: no index yet
                self.index_stopped = 0
            return
        except UserError as exc:
            other_run = update_running(self.library.folder)  # another run's (`newsreader index`, a reader)
            if not other_run:
                self._own_state_seen()
            self.call_from_thread(self._index_finished, f"index not updated: {exc.message}", True)
            if other_run:
                self.call_from_thread(self._wait_for_other_run)
            return
        except Exception as exc:  # never take the reader down with the indexer
            self._own_state_seen()
            self.call_from_thread(self._index_finished, f"index update failed: {exc}", True)
            return
        self.reconcile_bookmarks()
        # A wrong or empty folder: say so, not "No articles yet." for ever. (Pages it could not
        # even stat, links to files gone, are not seen but are named below.)
        if not stats.pages_seen and not problems:
            self.call_from_thread(self._no_pages, no_pages_message(self.corpus_dir, self.config.extensions))
            return
        note = ""
        if stats.pages_indexed or stats.pages_removed:
            note = f"indexed {counted(stats.articles_added, 'article')} from {counted(stats.pages_indexed, 'page')}"
        if problems:
            self.call_from_thread(self._page_problems, problems, stats.articles_total == 0)
        self.call_from_thread(self._index_finished, note, False)

    def _own_state_seen(self) -> None:
        """(the update's thread, before `_index_finished` clears `indexing`) This reader's own
        update failed, maybe leaving the index unfinished (a full disk): that state is not
        another run's stopped one to finish (`_other_run_ended`), which would fail the same
        way, again at every look if each try commits a batch first."""
        try:
            self._took_over = self.library.generation()
        except Exception:  # damaged, or a rebuild starting: nothing to record
            pass

    def _index_started(self) -> None:
        self.indexing = True
        self.index_message = "checking the index…"
        self.eta_forms, self.time_left = (), TimeLeft()
        self.update_status()

    def _index_rebuilding(self) -> None:
        self.index_forms = ("rebuilding the index…" if self._asked_update else
                            "rebuilding the index (damaged or made by another version)…",
                            "rebuilding the index…", "rebuilding the index…")
        self.eta_forms, self.time_left = (), TimeLeft()
        self.history[0].source.invalidate()
        if self.article_list.source is self.history[0].source:
            self.article_list.reload()
        self.update_status()

    def _index_progress(self, done: int, total: int, articles: int, elapsed: float | None = None,
                        reason: str = "", reread: int = 0) -> None:
        bar = self.main.query_one("#progress", ProgressBar)
        if reason and reread and self._reread_told is not self.time_left:
            # Why pages are read again, in a notice once an update (its `TimeLeft`): at 80 columns
            # the status line never had room for it, and an upgrade re-read the corpus unexplained (Q7 #5).
            self._reread_told = self.time_left
            self.notify(f"re-reading {counted(reread, 'page')}: {reason}", title="Index", markup=False)
        if total:
            bar.display = True
            bar.update(total=total, progress=done)
            pages = f"{done:,}/{total:,}"
            # Pages read again under a new stamp say why (indexer.Progress.reason), when it fits.
            self.index_forms = (f"re-reading {pages} pages: {reason}" if reason else f"indexing {pages} pages",
                                f"{pages} pages", pages)
            if elapsed is None:
                elapsed = time.monotonic()
            self.eta_forms = self.time_left.add(elapsed, done, total)
        self._grow_list()
        self.update_status()

    def _grow_list(self) -> None:
        """Committed articles appear at once, without moving the reader's cursor."""
        base = self.history[0].source
        before = base.count()
        base.invalidate()
        if base.count() != before and self.article_list.source is base:
            self.article_list.reload()

    def _no_pages(self, message: str) -> None:
        message = printable(message)  # it names the folder
        self.article_list.empty_text = message[:1].upper() + message[1:] + "."
        self.article_list.refresh()
        self._index_finished(message, True)

    def _page_problems(self, problems: list[str], nothing_indexed: bool) -> None:
        """What is wrong with the pages the update skipped or read with a fallback, each as
        `newsreader index` says it (it was "1 page could not be read", without which or
        why): the first few in one notice; with no article at all, the list says it too."""
        problems = [printable(problem) for problem in problems]  # page names are untrusted text
        shown = problems[:PAGE_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(f"and {counted(len(problems) - len(shown), 'more problem')}: "
                         "`newsreader articles` lists every one")
        notice, how = "\n".join(shown), dict(title="Pages", severity="warning", timeout=CONFIG_NOTICE_SECONDS,
                                             markup=False)
        if self._asked_update:  # (asked for from the palette: said again)
            self.notify(notice, **how)  # type: ignore[arg-type]
        else:  # at each start: said once until the problems change
            self.notify_once(f"pages.{corpus_key(self.corpus_dir)}", [notice], problems=problems, **how)
        if nothing_indexed:
            self.article_list.empty_text = f"No articles: {problems[0]}" + (" (and more: see the notice)"
                                                                            if len(problems) > 1 else "")
            self.article_list.refresh()

    def _index_finished(self, message: str, problem: bool) -> None:
        self.indexing = False
        self._own_update_ended = True
        self.main.query_one("#progress", ProgressBar).display = False
        self.index_forms, self.eta_forms = (), ()
        if self.article_list.empty_text == EMPTY_WHILE_INDEXING:
            self.article_list.empty_text = "No articles."
        self._grow_list()
        asked, self._asked_update = self._asked_update, False
        if not message and asked:
            message = "the index is up to date"  # (asked for from the palette: say it was done)
        if message:
            # A problem stays as long as the config's: what to do takes more than 5 s to read.
            self.notify(message, title="Index", severity="warning" if problem else "information",
                        timeout=CONFIG_NOTICE_SECONDS if problem else None, markup=False)
        if not self.library.exists():
            # Why, not only that: the notice goes, and the list said no more than this.
            why = printable(message.removeprefix("index not updated: ")) if problem else \
                "the corpus could not be indexed"
            self.article_list.empty_text = f"No index: {why}."
            self.article_list.refresh()
        self.count_unread()
        self.update_status()
        self.recheck_open_article()
        if self._damage_rebuild == "running":
            self._damage_rebuild = "done"
        pending, self._search_after_rebuild = self._search_after_rebuild, None
        if pending is not None and pending[0] == self._search_generation:
            pending[1]()

    def _wait_for_other_run(self) -> None:
        """Another run holds the index (its first build, often): the status line says so until
        it ends, and the list grows as it commits (`refresh_marks`)."""
        self._other_run = True
        self.index_forms = OTHER_RUN_FORMS
        self.update_status()

    def _locked_by_other_run(self) -> bool:
        """(any thread) Whether another run holds the index's lock: `newsreader index
        --rebuild` or another reader's update, started while this reader was idle."""
        try:
            return update_running(self.library.folder)
        except Exception:  # (an index folder that cannot be read: the next look, or a search, tells)
            return False

    def _show_elsewhere(self, elsewhere: bool) -> None:
        """Another run started updating the index while this reader was idle, or ended: the
        status line says so while it runs (a rebuild empties the list, which refills as it
        commits: with no word of why, it looked like lost articles). Only said: what this
        reader does about the run's end is `_other_run_ended`'s, for runs that refused it."""
        if self.indexing or self._other_run:
            return
        self._elsewhere = elsewhere
        self.index_forms = OTHER_RUN_FORMS if elsewhere else ()
        self.update_status()

    def _stopped_run(self, running: bool) -> bool | None:
        """(any thread) None while another run updates the index, or when nothing is left to
        do; else whether a run stopped before its end (quit, killed, Ctrl-C of `newsreader
        index`) left the index unfinished (or, after refusing this reader's update, without a
        first commit). A second reader that waited on a first build stayed on its part for
        good, its searches silently missing most pages; `newsreader search` finishes such an
        index first ("the last indexing run ... was stopped before its end; finishing it").
        `running`: whether another run updates the index (`update_running`), as just asked."""
        if running:
            return None
        try:
            if self.library.exists():
                return self.library.unfinished()
            return self._other_run or None
        except Exception:  # damaged, or a rebuild starting: the next look, or a search, tells
            return None

    def _other_run_ended(self, unfinished: bool, generation: int | None) -> None:
        """The run this reader waited on ended: its message goes; if it stopped before its
        end (or any run did, since this reader's own update), the reader finishes it, once
        for each state of the index."""
        waited, self._other_run = self._other_run, False
        if waited and not self.indexing:
            self.index_forms = ()
            self.update_status()
        if not unfinished or self.indexing or not (waited or self._own_update_ended) or generation is None \
                or generation == self._took_over or self._index_worker_running():
            return
        self._took_over = generation
        self.notify("the last indexing run was stopped before its end; finishing it", title="Index",
                    timeout=CONFIG_NOTICE_SECONDS, markup=False)
        self.update_index_worker()

    def _index_worker_running(self) -> bool:
        return any(worker.group == "index" and not worker.is_finished for worker in self.workers)

    # --- lists and history --------------------------------------------------------------

    def push_list(self, source: RowSource, replace: bool = False) -> None:
        """Show `source` in the list; Esc returns to the previous list."""
        lst = self.article_list
        self.history[-1].cursor = lst.cursor
        if replace and len(self.history) > 1:
            self.history[-1] = ListState(source)
        else:
            self.history.append(ListState(source))
        lst.set_source(source, 0)
        self.article_view.set_terms(source.body_terms, source.targets)
        self.update_status()

    def pop_list(self) -> bool:
        if len(self.history) <= 1:
            return False
        self.history.pop()
        state = self.history[-1]
        self.article_list.set_source(state.source, state.cursor)
        self.article_view.set_terms(state.source.body_terms, state.source.targets)
        self.search_error = ""
        self.update_status()
        src = state.source
        if isinstance(src, FixedRows) and src.partial is not None:
            # Back to first hits whose whole list a newer search stopped: fetch it now.
            self._search_generation += 1
            self.search_worker(src.query or "", self._search_generation, label=src.label,
                               kind=src.extra.get("kind", "search"), limit=src.partial.limit,
                               sort=src.partial.sort, rest_of=src)
        return True

    # --- search ----------------------------------------------------------------------------

    def start_search(self, initial: str | None = None) -> None:
        if not self._warmed:
            self._warmed = True
            self.warm_worker()
        search = self.search_input
        self.main.add_class("searching")
        if self.main.has_class("-narrow"):
            # The list the search fills, in front: from the article or the side pane (one
            # pane at a time) the results "as you type" were hidden until Enter.
            self.show_panes("list")
        if initial is not None:
            search.value = initial
        # At once, not through `Widget.focus` (which applies it after the messages already
        # queued): keys read with the `/` (a paste, one SSH packet, keys typed ahead) are
        # queued behind it and went to the list's bindings (`b` removed a bookmark).
        self.main.set_focus(search)

    @work(thread=True, exclusive=True, group="warm")
    def warm_worker(self) -> None:
        """While the first letters are typed: open what the first search reads (~0.25 s
        at 100,000 articles, paid once) so its first hits come as fast as later ones'."""
        try:
            self.library.warm(FIRST_HITS)
        except Exception:
            pass  # a search says what is wrong (and mends what it can)

    def close_search(self) -> None:
        self.main.remove_class("searching")
        self.focus_pane("list")

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        text = event.value
        self._search_timer = self.set_timer(SEARCH_DEBOUNCE, lambda: self._search_now(text))

    def submit_search(self, text: str) -> None:
        """Enter in the search bar."""
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_now(text)
        self._submitted_generation = self._search_generation
        self.close_search()

    def _search_now(self, text: str) -> None:
        self._search_generation += 1
        if not text.strip():
            self.search_error = ""
            self._searched(self._search_generation)  # a slow search given up says so no more
            if self._current_is_search():
                self.pop_list()
            return
        self.search_worker(text, self._search_generation)
        self._say_searching(text)

    def _current_is_search(self) -> bool:
        src = self.article_list.source
        return isinstance(src, FixedRows) and src.extra.get("kind") == "search"

    def run_query(self, text: str, label: str | None = None, kind: str = "search",
                  limit: int = SEARCH_LIMIT, sort: str = "relevance") -> None:
        """Run a query now (saved searches, entities, the palette) and show its hits."""
        self._search_generation += 1
        self.search_worker(text, self._search_generation, label=label, kind=kind, limit=limit, sort=sort)
        self._say_searching(text)

    def _say_searching(self, text: str) -> None:
        """The search just started says itself in the status line if its first hits take
        longer than SEARCHING_SAID; `_searched` takes it away."""
        generation = self._search_generation

        def say() -> None:
            if generation == self._search_generation and self._answered != generation:
                self._searching = text
                self.update_status()

        self._answered = None
        self.set_timer(SEARCHING_SAID, say)

    def _searched(self, generation: int) -> None:
        """A search's answer (hits, an error, a wait for the index) came."""
        self._answered = generation
        if self._searching is not None:
            self._searching = None
            self.update_status()

    @work(thread=True, exclusive=True, group="search")
    def search_worker(self, text: str, generation: int, label: str | None = None, kind: str = "search",
                      limit: int = SEARCH_LIMIT, sort: str = "relevance", rest_of: FixedRows | None = None) -> None:
        """The first FIRST_HITS hits, shown at once, then (if there are more) the whole
        `limit`, swapped in under the cursor. A newer search stops the second step (the
        first hits are marked `partial`; `rest_of` such a list: fetch its whole list only)."""
        from newsreader.search.library import SearchCancelled
        from newsreader.search.store import Row

        worker = get_current_worker()

        def stale() -> bool:
            return generation != self._search_generation or worker.is_cancelled

        # What is typed in the search bar (and saved from it) is read with its last word
        # a prefix too (query.as_typed); names and dates looked up are queries as written.
        typed = kind in ("search", "saved")
        first = min(limit, FIRST_HITS)
        source = rest_of
        if source is None:
            # The index as the update under way (the first start's, a rebuild's) has it: the
            # search runs again when the update ends, should it have changed the index.
            index_seen = self.library.generation() if self.indexing else None
            try:
                # Stopped too by a newer search: an OR of rare completions can take ~0.7 s.
                found = self._query(text, generation, label, kind, limit, sort, typed, first, stale)
            except SearchCancelled:
                return
            if found is None:
                return
            result, terms = found
            try:
                targets = self.library.where(text, typed=typed) or None
            except Exception:  # (only marks: the list is shown without them)
                targets = None
            rows = [Row(h.id, h.title, h.date, h.source) for h in result.hits]
            cut_short = len(result.hits) >= first and first < limit
            source = FixedRows(
                rows, label or f"Search {text!r}", title_terms=frozenset(terms.get("title", ())),
                body_terms=frozenset(terms.get("body", ())), query=text, total=result.total,
                extra={"kind": kind, "suggestion": result.suggestion, "notes": result.notes, "sort": sort,
                       "limit": limit}, partial=Rest(limit, sort) if cut_short else None, targets=targets,
                byline=found_by_byline(result.hits, text))
            self.call_from_thread(self._search_done, source, generation)
            if index_seen is not None:
                rerun = self._same_search(text, label, kind, limit, sort)
                self.call_from_thread(self._search_while_updating, index_seen, generation, rerun)
            if not cut_short or stale():
                return  # all there is, or a newer search wants the library (see pop_list)
            # The rest is seconds of Python for a common word: begun at once, it would share
            # the GIL with painting the first hits. It waits for that frame (at most PAINT_WAIT).
            painted = threading.Event()
            self.call_from_thread(self.call_after_refresh, painted.set)
            painted.wait(PAINT_WAIT)
        try:
            found = self._query(text, generation, label, kind, limit, sort, typed, limit, stale)
        except SearchCancelled:
            return
        if found is not None:
            result = found[0]
            more = dataclasses.replace(source, rows=[Row(h.id, h.title, h.date, h.source) for h in result.hits],
                                       total=result.total, extra=dict(source.extra), partial=None,
                                       byline=found_by_byline(result.hits, text))
            self.call_from_thread(self._search_more, source, more, generation)

    def _query(self, text: str, generation: int, label: str | None, kind: str, limit: int, sort: str,
               typed: bool, top: int, cancelled: Callable[[], bool] | None = None
               ) -> tuple[Any, dict[str, set[str]]] | None:
        """The `top` hits of `text` and the terms to mark; None when it failed (said in the
        status line, or run again after a rebuild with the whole `limit`)."""
        from newsreader.search.library import SearchCancelled
        from newsreader.search.schema import QueryError

        try:
            check_query_length(text)  # (a page pasted into the search bar: a minute's freeze)
        except UserError as exc:  # said as a malformed query is, even while the index is built
            self.call_from_thread(self._search_failed, exc.message, generation)
            return None
        try:
            result = self.library.search(text, limit=top, sort=sort, snippets=False, typed=typed,
                                         cancelled=cancelled)
            return result, self.library.match_terms(text, typed=typed)
        except QueryError as exc:
            self.call_from_thread(self._query_failed, str(exc), generation, text)
        except IndexNeedsRebuild as exc:
            # Damage that only a search reads (a posting file) goes unseen by the update at
            # start: rebuild now, as at start, instead of failing every search until `index
            # --rebuild` (a hint the status line cut off at 80 columns).
            rerun = self._same_search(text, label, kind, limit, sort)
            self.call_from_thread(self._rebuild_damaged, exc.message, generation, rerun)
        except UserError as exc:
            rerun = self._same_search(text, label, kind, limit, sort)
            if self.indexing:  # "no index yet": the reader is building or rebuilding it right now
                self.call_from_thread(self._search_during_update, exc.message, generation, rerun)
            else:  # no index, say, or unreadable
                self.call_from_thread(self._search_failed_on_index, exc.message, generation, rerun)
        except SearchCancelled:
            raise
        except Exception as exc:
            self.call_from_thread(self._search_failed, f"search failed: {exc}", generation)
        return None

    def _rebuild_damaged(self, message: str, generation: int, rerun: Callable[[], None]) -> None:
        """Rebuild the index a search found damaged; the search runs again once it is done
        (or the update under way), unless another started meanwhile. Once a session: damage
        that a rebuild did not mend is shown, not rebuilt for ever."""
        if self._damage_rebuild == "done":
            self._search_failed_on_index(message, generation, rerun)
            return
        self._search_failed_on_index("the index is damaged: rebuilding it…", generation, rerun)
        if self._damage_rebuild == "no" and not self.indexing:
            self._damage_rebuild = "running"
            self.update_index_worker(rebuild=True)

    def _same_search(self, text: str, label: str | None, kind: str, limit: int, sort: str) -> Callable[[], None]:
        """This search, to run again later (after a rebuild or the update under way)."""
        return partial(self.run_query, text, label=label, kind=kind, limit=limit, sort=sort)

    def _when_update_ends(self, generation: int, run: Callable[[], None]) -> None:
        """`run` once the update under way ends (at once if it has ended meanwhile), unless a
        newer search came since."""
        if generation != self._search_generation:
            return
        if self.indexing:
            self._search_after_rebuild = (generation, run)
        else:
            run()

    def _search_during_update(self, message: str, generation: int, rerun: Callable[[], None]) -> None:
        """A search made while the reader builds or rebuilds the index (the first start, a damage
        rebuild) can find no index: it was told to run `newsreader index`, which the reader was
        doing. It runs again when the update ends."""
        if generation == self._search_generation and self.indexing:
            self._search_failed("the index is being built: the search runs when it is ready…", generation)
        self._when_update_ends(generation, rerun)

    def _search_while_updating(self, index_seen: int, generation: int, rerun: Callable[[], None]) -> None:
        """A search that ran while the update at start (or a rebuild) was committing showed the
        index as it was then: "no matches" on the first start's empty index stayed for good.
        It runs again once the update ends, if the update changed the index; an update that
        found nothing new leaves the list and its cursor alone."""

        def if_changed() -> None:
            if self.library.generation() != index_seen:
                rerun()

        self._when_update_ends(generation, if_changed)

    def _search_failed_on_index(self, message: str, generation: int, rerun: Callable[[], None]) -> None:
        """A search the index failed (damaged, missing) runs again once the next update ends
        (the palette's "Rebuild the index"): the error stayed in the status line after the
        rebuild mended the index, until Esc."""
        self._search_failed(message, generation)
        if generation == self._search_generation:
            self._search_after_rebuild = (generation, rerun)

    def _query_failed(self, message: str, generation: int, text: str) -> None:
        """A query that does not parse: said, unless its last word is a field's value still being typed
        (`ferry date:2`, `date:2024-0`: "'2' is not a date" flickered in the status line at every key, U1
        #11); Enter says it, and the list keeps the last good results meanwhile."""
        if generation != self._submitted_generation and field_being_typed(text):
            if generation == self._search_generation:
                self._searched(generation)
                self.search_error = ""
                self.update_status()
            return
        self._search_failed(message, generation)

    def _search_failed(self, message: str, generation: int) -> None:
        if generation == self._search_generation:
            self._searched(generation)
            self.search_error = clean(message)
            self.update_status()
            # The status line is one line: an error longer than it is cut (its start says
            # what is wrong). Enter gives the whole of it, e.g. the date forms to type.
            if generation == self._submitted_generation and \
                    not self.main.query_one("#status", StatusLine).fits(self.search_error):
                self.notify(self.search_error, title="Search", severity="warning", markup=False)

    def _search_done(self, source: FixedRows, generation: int) -> None:
        if generation != self._search_generation:
            return  # an older query finished after a newer one started
        self._searched(generation)
        self.search_error = ""
        suggestion = source.extra.get("suggestion")
        if suggestion and not source.rows:
            self.search_error = f"did you mean: {clean(suggestion)}"
        elif not source.rows:
            # Why, when the search says it ('date:>=lastweek' beyond every article's date: the articles'
            # span, Q10 F10): in the line's first place, not as a note the line drops first at 80 columns.
            said = source.extra.pop("notes", None)
            self.search_error = "no matches: " + "; ".join(clean(n) for n in said) if said else "no matches"
        resorted = self._resorted == generation  # (`o`: the same list in another order takes its place)
        if resorted:
            self._pending_sort = None
        self.push_list(source, replace=resorted or (self._current_is_search() and source.extra.get("kind") == "search"))
        if source.extra.get("kind") != "search":
            self.focus_pane("list")

    def _search_more(self, first: FixedRows, more: FixedRows, generation: int) -> None:
        """The whole list of a search whose first hits are shown: it takes their place
        wherever they are in the history; on screen the cursor stays on its article."""
        if generation != self._search_generation:
            return  # a newer search started meanwhile: its own hits are (or will be) shown
        for state in self.history:
            if state.source is not first:
                continue
            state.source = more
            if state is not self.history[-1]:
                continue
            lst = self.article_list
            here = lst.current_row
            index = next((i for i, row in enumerate(more.rows) if here is not None and row.id == here.id),
                         lst.cursor)
            lst.source = more
            lst.reload(None if index == lst.cursor else index)
            self.update_status()

    # --- opening articles ----------------------------------------------------------------

    @on(ArticleList.Selected)
    def _list_selected(self, event: ArticleList.Selected) -> None:
        self.open_article(event.row.id)

    @on(SidePane.OpenArticle)
    def _related_selected(self, event: SidePane.OpenArticle) -> None:
        view = self.article_view
        step = None
        if view.stored is not None:
            step = TrailStep(view.stored, round(view.scroll_offset.y), self._related_shown,
                             self.side.query_one(RelatedList).highlighted)
        self.open_article(event.article_id, came_from=step)

    def open_article(self, article_id: str, focus: bool = True, came_from: TrailStep | None = None) -> None:
        """Show an article now; its entities, read mark and related stories follow the frame.
        `came_from`: the article it is a related story of, which Esc goes back to; opened
        otherwise (the list, the bookmarks), it starts a new trail.

        Reading one stored article is a primary-key lookup (a millisecond or two), so it
        happens right here: a worker would add a thread start and a round trip to the main
        thread, which under load cost more than the read itself. Everything else waits: the
        entity list until the article is on screen, the related-stories query until the
        reader has stayed on the article for `related_delay` seconds."""
        self._leave_article()
        if focus:
            self.focus_pane("reader")
        try:
            stored = self.fetch_article(article_id)
        except Exception as exc:
            self.notify(f"cannot open the article: {getattr(exc, 'message', exc)}", severity="error",
                        markup=False)
            return
        if stored is not None:
            article_id = stored.article.id  # a list made before its headline was edited
        if came_from is None:
            self.trail.clear()
        else:
            self.trail.append(came_from)
            del self.trail[:-TRAIL_LIMIT]
        self._show_article(article_id, stored)
        self.sync_pane_class()  # "esc back" or "esc list"
        if stored is not None:
            self.call_after_refresh(self._after_frame, article_id, stored, self._open_generation)

    def _leave_article(self) -> None:
        """Before another article is shown: what the one on screen still waits for (its
        entities, its related-stories query) is no longer wanted."""
        self._open_generation += 1
        if self._related_timer is not None:
            self._related_timer.stop()
            self._related_timer = None

    def walk_back(self) -> None:
        """Esc in the reader after a related story: the article it was opened from, scrolled
        where it was, its related stories as they were (the same one highlighted)."""
        step = self.trail.pop()
        self._leave_article()
        stored = step.stored
        article_id = stored.article.id
        self._show_article(article_id, stored)
        view = self.article_view
        view.ensure_laid_out()
        view.scroll_to(y=step.scroll_y, animate=False, immediate=True)
        if step.related is not None:
            self.side.show_related(step.related)
            self._related_shown = step.related
            if step.highlighted is not None:
                self.side.query_one(RelatedList).highlighted = step.highlighted
        self.focus_pane("reader")
        self.sync_pane_class()
        self.call_after_refresh(self._after_frame, article_id, stored, self._open_generation,
                                step.related is None)
        self.recheck_open_article()  # re-indexed while the reader was away: its new text

    def fetch_article(self, article_id: str) -> Any:
        """The stored article (or its story under the id it has now, if its headline was
        edited), reopening the index once if it was rebuilt under us."""
        try:
            return self.library.story(article_id)
        except Exception:
            self.library.close()
            return self.library.story(article_id)

    def _after_frame(self, article_id: str, stored: Any, generation: int, find_related: bool = True) -> None:
        """The article is on screen: save the read mark, and if the reader is still on it,
        fill the entity list and (after `related_delay`) look for related stories (unless
        `find_related` is False: shown already)."""
        self.save_read_mark(article_id)
        if generation != self._open_generation:
            return  # another article was opened before this one was painted
        self.side.show_entities(stored.entities)
        if not find_related:
            return
        if self.related_delay > 0:
            self._related_timer = self.set_timer(
                self.related_delay, lambda: self._start_related(article_id, stored, generation))
        else:
            self._start_related(article_id, stored, generation)

    def _start_related(self, article_id: str, stored: Any, generation: int) -> None:
        """At most one related-stories query runs: a request made while one runs waits, and
        is replaced by any later one (only the article on screen is ever queried)."""
        self._related_timer = None
        if generation != self._open_generation:
            return
        if self._related_busy:
            self._related_waiting = (article_id, stored, generation)
            return
        self._related_busy = True
        self.related_worker(article_id, stored, generation)

    @work(thread=True, group="read-mark")
    def save_read_mark(self, article_id: str) -> None:
        try:
            self.store.mark_read(article_id)
        except Exception as exc:
            self.call_from_thread(self.notify, f"read mark not saved: {getattr(exc, 'message', exc)}",
                                  severity="warning", markup=False, timeout=UNSAVED_TIMEOUT)

    @work(thread=True, group="related")
    def related_worker(self, article_id: str, stored: Any, generation: int) -> None:
        related: list[RelatedStory] | None = None
        try:
            if generation == self._open_generation:  # else the reader left before it started
                related = related_stories(self.finder, self.library, stored)
        except Exception:  # never take the reader down over the side pane
            related = []
        finally:
            self.call_from_thread(self._related_done, article_id, related, generation)

    def _related_done(self, article_id: str, related: list[RelatedStory] | None, generation: int) -> None:
        self._related_busy = False
        if related is not None and generation == self._open_generation:
            self.side.show_related(related)
            self._related_shown = related
        waiting, self._related_waiting = self._related_waiting, None
        if waiting is not None:
            self._start_related(*waiting)
        elif self.idle_gc:
            self.call_after_refresh(self._collect_garbage, generation)

    def _collect_garbage(self, generation: int) -> None:
        """A full collection now, while the reader looks at a finished screen.

        Each article opened leaves a few thousand objects in reference cycles (Textual's
        strips, caches and messages). Left to itself the collector ran a full pass every
        few articles, at whatever moment the allocation counts tipped over, which was often
        inside the next article's frame (10-14 ms at 100,000 articles, the slowest opens).
        Collecting here resets those counts, so the automatic full pass rarely comes due
        while a key is being answered."""
        if generation != self._open_generation or self._related_busy:
            return  # another article is being opened: its own collection follows
        import gc

        gc.collect()

    def _show_article(self, article_id: str, stored: Any) -> None:
        view = self.article_view
        if stored is None:
            try:
                kept = self.store.get_bookmark(article_id)
            except Exception:  # (a store busy or damaged: the short line)
                kept = None
            if kept is None:
                view.clear(f"The article {article_id} is no longer in the index.")
            else:
                try:
                    partial = self.indexing or self.library.partial()
                except Exception:  # (an index that cannot be asked now: say what the store knows)
                    partial = False
                view.clear(gone_bookmark_text(kept, self.corpus_dir, partial), gone=kept)
            self.side.show_related(None)
            self.side.show_entities([])
            return
        view.show(stored, self.article_list.source.body_terms, self.article_list.source.targets)
        self._related_shown = None
        # The side pane's lists are emptied now (filled after the frame: laying out and
        # painting the entity list is the dearest part of the side pane).
        self.side.show_entities(None)
        self.side.show_related([], pending=True)
        was_read = article_id in self.read_ids
        self._mark_read_here(article_id, True)  # saved to the store after the frame
        if not was_read:
            self._refresh_row(article_id)
        self.update_status()

    def recheck_open_article(self) -> None:
        """The index changed: if the open article's page was re-indexed, show its new text."""
        stored = self.article_view.stored
        if stored is not None:
            self._recheck_article(stored.article.id, stored, self._open_generation)

    @work(thread=True, exclusive=True, group="recheck")
    def _recheck_article(self, article_id: str, shown: Any, generation: int) -> None:
        try:
            stored = self.library.story(article_id)
        except Exception:  # a rebuild under way: the next look tells
            return
        if stored is None or not same_text(stored, shown):
            self.call_from_thread(self._article_changed, article_id, stored, generation)

    def _article_changed(self, article_id: str, stored: Any, generation: int) -> None:
        view = self.article_view
        if generation != self._open_generation or view.article is None or view.article.id != article_id:
            return  # the reader has moved on
        if stored is None:
            if article_id not in self._gone_noticed:
                self._gone_noticed.add(article_id)
                self.notify("This article is no longer in the index (its page changed or was removed); "
                            "the text shown is the last one read.", title="Article", severity="warning",
                            timeout=8, markup=False)
            return
        view.replace(stored)
        self.side.show_entities(stored.entities)
        self.notify("This article's page was re-indexed: showing its new text.", title="Article",
                    timeout=6, markup=False)

    def _refresh_row(self, article_id: str) -> None:
        """Repaint the list row of `article_id` (its read mark), not the whole list."""
        lst = self.article_list
        row = lst.current_row
        if row is not None and row.id == article_id:
            lst.refresh_line_at(lst.cursor)
        else:
            lst.refresh()

    @on(ArticleView.MarkChanged)
    def _mark_changed(self, event: ArticleView.MarkChanged) -> None:
        status = self.main.query_one("#mark-status", Static)
        mark = event.mark
        # How many articles Esc walks back through (related stories opened one from another).
        depth = f"{'<-' if self.glyphs == 'ascii' else '←'} {len(self.trail)} · " if self.trail else ""
        if mark is None:
            hint = depth + (event.position or "[ ] names and dates · n N matches · Enter on one: its stories")
            if hint != self._mark_line:
                self._mark_line = hint
                status.update(Text(hint, style="dim", no_wrap=True, overflow="ellipsis"))
            return
        self._mark_line = None
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(depth, style="dim")
        text.append(f"{KIND_LABELS[mark.kind]}: ", style="bold")
        if mark.kind == "match":
            text.append(mark.text)
        else:
            text.append(mark.label)
            if mark.kind != "date" and mark.text != mark.label:
                text.append(f"  (as “{mark.text}”)", style="dim")
        text.append(f"  {event.position}", style="dim")
        status.update(text)

    @on(ArticleView.FollowMark)
    def _follow_mark(self, event: ArticleView.FollowMark) -> None:
        mark = event.mark
        if mark.kind == "date":
            # The stories of that day and those that name it (Q9: the stories that mention an
            # election day were not found, as none was published on it).
            self.run_query(f"date:{mark.value} OR mentions:{mark.value}",
                           label=f"Stories dated or mentioning {mark.label}", kind="entity",
                           limit=ENTITY_LIMIT, sort="date")
            return
        self.follow_entity(mark.kind, mark.label)

    @on(SidePane.FollowEntity)
    def _follow_entity(self, event: SidePane.FollowEntity) -> None:
        self.follow_entity(event.kind, event.name)

    def follow_entity(self, kind: str, name: str) -> None:
        label = f"Stories mentioning {name} ({KIND_LABELS.get(kind, kind).lower()})"
        self.run_query(entity_query(kind, name), label=label, kind="entity", limit=ENTITY_LIMIT, sort="date")

    # --- panes -------------------------------------------------------------------------------

    def show_panes(self, pane: str) -> None:
        """Wide: all three panes. Narrow: only `pane`, full width. Set as inline `display`
        rather than CSS classes: a class change re-applies the stylesheet to every widget
        below it, which cost more than the rest of opening an article."""
        self._pane = pane
        narrow = self.main.has_class("-narrow")
        widgets = {"list": self.article_list, "reader": self.main.query_one("#reader-pane"), "side": self.side}
        for name, widget in widgets.items():
            want = not narrow or name == pane
            if widget.display != want:
                widget.display = want

    def focus_pane(self, pane: str) -> None:
        """Through `Screen.set_focus`, not `Widget.focus`, which first repaints the whole
        widget: every row of the list on each Esc back to it, though only the cursor row
        shows the focus (the focus events repaint what does)."""
        self.show_panes(pane)
        if pane == "list":
            widget: Widget = self.article_list
        elif pane == "reader":
            widget = self.article_view
        else:
            widget = self.side.query_one(RelatedList)
        self.main.set_focus(widget)

    def current_pane(self) -> str:
        focused = self.main.focused
        if isinstance(focused, ArticleView):
            return "reader"
        if isinstance(focused, (RelatedList, EntityList)):
            return "side"
        return "list"

    def sync_pane_class(self) -> None:
        hints = self.main.query_one(KeyHints)
        if self.main.focused is self.search_input:
            hints.show_for("search")
            return
        pane = self.current_pane()
        view = self.article_view
        hints.show_for(pane if pane != "reader" else "reader-back" if self.trail and view.stored is not None else
                       "reader" if view.stored is not None else "reader-gone" if view.gone is not None else
                       "reader-empty")
        if pane != self._pane:
            self.show_panes(pane)

    # --- actions ------------------------------------------------------------------------------

    def action_search(self) -> None:
        src = self.article_list.source
        self.start_search(src.query if self._current_is_search() else None)

    def action_back(self) -> None:
        if self.main.has_class("searching"):
            self.close_search()
            return
        pane = self.current_pane()
        if pane == "side":
            self.focus_pane("reader" if self.article_view.stored is not None else "list")
        elif pane == "reader":
            if self.trail:
                self.walk_back()
            else:
                self.focus_pane("list")
        else:
            # Back in the list: a search waiting for the damage rebuild is not wanted now.
            self._search_after_rebuild = None
            if not self.pop_list():
                self.search_error = ""
                self.update_status()

    def action_cycle_panes(self, step: int = 1) -> None:
        if self.main.has_class("searching") and self.main.focused is self.search_input:
            self.close_search()
            return
        order = list(PANES)
        i = order.index(self.current_pane())
        self.focus_pane(order[(i + step) % len(order)])

    def action_focus_entities(self) -> None:
        self.focus_pane("side")
        self.side.query_one(EntityList).focus()

    def action_focus_related(self) -> None:
        self.focus_pane("side")
        self.side.query_one(RelatedList).focus()

    def _target(self) -> Any:
        """The article `b` and `u` act on: the open one in the reader, else the list's; None when the pane
        in use shows none (a bookmark whose story left the corpus opened, Tab before opening one, a list
        saying "No articles."). They took the hidden list's highlighted story then, and `b` removed a
        bookmark, tags and note, the user never saw (U1 #2)."""
        if self.current_pane() != "list":
            gone = self.article_view.gone  # (a bookmark whose story is not in the corpus: what the pane shows)
            if self.article_view.article is None and gone is not None:
                return SimpleNamespace(id=gone.article_id, title=gone.title, source=gone.source, date=gone.date,
                                       url=gone.url or "", byline=gone.byline)
            return self.article_view.article
        row = self.article_list.current_row
        return article_like(row) if row is not None else None

    def _no_target(self) -> None:
        self.notify("No article here: open one from the list first", timeout=3, markup=False)

    def _whole_article(self, target: Any) -> Any:
        """The article itself for a list row's `article_like` (from the index, in the store's writing thread):
        the bookmark keeps its story's web address and byline, which a row lacks, for when the story
        leaves the corpus (the reader's next check of its bookmarks runs only when the index changes, and
        then the story may be gone). The row as it is when the index cannot give the story now."""
        library = getattr(self, "library", None)
        if hasattr(target, "url") or library is None:
            return target
        from newsreader.search.library import STORY_UNAVAILABLE

        try:
            stored = library.get(target.id)
        except STORY_UNAVAILABLE:  # (an index being rebuilt, replaced, damaged or another version's)
            return target
        return getattr(stored, "article", None) or target

    async def action_toggle_bookmark(self) -> None:
        """`b` does what the screen offers: bookmarks a story shown without `★`, removes the
        bookmark of one shown with it. Not a toggle in the store (the one it had is gone): a
        bookmark another copy made, not shown here yet (marks are re-read every few seconds),
        was removed by a `b` meant to add one (its tags and note with it), and two copies
        pressing `b` on the same story a moment apart ended with no bookmark."""
        target = self._target()
        if target is None:
            self._no_target()
            return
        now = target.id not in self.bookmarked
        old = self._unbookmarked.get(target.id)

        def write() -> Any:
            if now:
                # (another copy's bookmark, tags and note stay; the story's address and byline are kept)
                self.store.bookmark_article(self._whole_article(target))
                if old is not None:
                    self.store.restore_bookmark(old)
                return None
            # As removed, in the same transaction: a note another copy wrote since a
            # separate read would be removed without being kept for the next `b`.
            return self.store.remove_bookmark(target.id)

        try:
            before = await self.store_write(write)
        except Exception as exc:
            self.notify(f"bookmark not saved: {getattr(exc, 'message', exc)}", severity="error", markup=False,
                        timeout=UNSAVED_TIMEOUT)
            return
        # One stray `b` must not lose tags and a note typed earlier: the next `b` restores them.
        kept = ""
        if now:
            self._unbookmarked.pop(target.id, None)
        elif before is not None and (before.tags or before.note):
            self._unbookmarked[target.id] = before
            kept = " (bookmark it again to get its tags and note back)"
        (self.bookmarked.add if now else self.bookmarked.discard)(target.id)
        if self.bookmarked_here is not None:  # `b` acts on an article of this corpus
            (self.bookmarked_here.add if now else self.bookmarked_here.discard)(target.id)
        self.notify(("Bookmarked: " if now else "Bookmark removed: ") + clean(target.title) + kept,
                    timeout=2 if not kept else 5, markup=False)
        self.article_list.refresh()
        self.update_status()

    async def action_toggle_read(self) -> None:
        target = self._target()
        if target is None:
            self._no_target()
            return
        read = target.id not in self.read_ids
        try:
            await self.store_write(partial(self.store.mark_read if read else self.store.mark_unread, target.id))
        except Exception as exc:
            self.notify(f"not saved: {getattr(exc, 'message', exc)}", severity="error", markup=False,
                        timeout=UNSAVED_TIMEOUT)
            return
        self._mark_read_here(target.id, read)
        self.article_list.refresh()
        self.update_status()

    def action_bookmarks(self) -> None:
        from newsreader.tui.bookmarks import BookmarksScreen

        def opened(article_id: str | None) -> None:
            self.refresh_marks()
            if article_id:
                self.open_article(article_id)

        self.push_screen(BookmarksScreen(self.store, blink=self.blink, removed=self.removed_bookmarks), opened)

    def action_saved_searches(self) -> None:
        from newsreader.tui.dialogs import SavedSearchesScreen

        def chosen(search: tuple[str, str] | None) -> None:
            if search:
                name, query = search
                self.run_saved_query(query, name)

        self.push_screen(SavedSearchesScreen(self.store), chosen)

    def run_saved_query(self, query: str, name: str | None = None) -> None:
        self.run_query(query, label=f"Saved search {name!r}" if name else None, kind="saved")

    def action_run_saved(self, number: int) -> None:
        try:
            searches = self.store.list_searches()
        except Exception:
            searches = []
        if number > len(searches):
            self.notify(f"no saved search {number}; press S after a search to save it", timeout=3,
                        markup=False)
            return
        saved = searches[number - 1]
        self.run_saved_query(saved.query, saved.name)

    def action_sort_results(self) -> None:
        """`o`: a search result (or the stories of a name or date) by relevance, newest
        first, oldest first, in turn (Q9: a timeline had to be read backwards). The search
        runs again in that order (its top hits by relevance are not its oldest), and the
        list takes the old one's place; the title says the order."""
        src = self.article_list.source
        if not isinstance(src, FixedRows) or not src.query:
            self.notify("o sorts a search result by date: search first (/)", timeout=3, markup=False)
            return
        # A second `o` before the first's list arrives steps on from the order asked for, not
        # the one still shown (RV22 #6: `o o` stopped at newest first).
        pending = self._pending_sort
        sort = pending[1] if pending and pending[0] is src else src.extra.get("sort", "relevance")
        following = SORT_CYCLE[(SORT_CYCLE.index(sort) + 1) % len(SORT_CYCLE)] if sort in SORT_CYCLE else "relevance"
        label = src.label
        for said in SORT_SAID.values():
            label = label.removesuffix(said)
        self._search_generation += 1
        self._resorted = self._search_generation
        self._pending_sort = (src, following)
        self.search_worker(src.query, self._search_generation, label=label + SORT_SAID[following],
                           kind=src.extra.get("kind", "search"), limit=src.extra.get("limit", SEARCH_LIMIT),
                           sort=following)
        self._say_searching(src.query)

    def action_save_search(self) -> None:
        from newsreader.tui.dialogs import PromptScreen

        # The bar's text only while it is open: closed, it is a search left behind (S on All
        # articles offered the last query typed, not the list shown).
        source = self.article_list.source
        query = source.query or (self.search_input.value.strip() if self.main.has_class("searching") else "")
        if not query:
            self.notify(f"no search to save in {clean(source.label) or 'this list'}: search first (/), "
                        "then press S to save it", timeout=3, markup=False)
            return

        async def save(name: str | None) -> None:
            if not name:
                return
            try:
                await self.store_write(partial(self.store.save_search, name, query))
            except Exception as exc:
                self.notify(f"not saved: {getattr(exc, 'message', exc)}", severity="error", markup=False,
                            timeout=UNSAVED_TIMEOUT)
                return
            number = [s.name for s in self.store.list_searches()].index(name.strip()) + 1
            key = f" (key {number})" if number <= 9 else ""
            self.notify(f"saved search {name.strip()!r}{key}", timeout=3, markup=False)

        self.push_screen(PromptScreen(f"Name for the search {query!r}", query[:40], blink=self.blink), save)

    def action_help(self) -> None:
        from newsreader.tui.dialogs import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Any:
        """The palette's commands (`commands.palette_commands`): the reader's actions with their
        keys, themes, keys and quit; not Textual's Screenshot and Maximize."""
        from newsreader.tui.commands import binding_hints, palette_commands

        if self._palette_hints is None:
            self._palette_hints = binding_hints(self)
        return palette_commands(self, screen, self._palette_hints)

    def action_update_index(self, rebuild: bool = False) -> None:
        """The palette's "Update the index" (new and changed pages, as at start) and "Rebuild
        the index" (every page again). One update at a time: a second would wait for the
        first's lock, or with `exclusive` leave it running unseen."""
        if self.indexing:
            self.notify("the index is being updated already; its progress is in the status line",
                        title="Index", timeout=4, markup=False)
            return
        self._asked_update = True
        if rebuild:  # the list empties: the first build's words, not a bare "No articles."
            self.article_list.empty_text = EMPTY_WHILE_INDEXING
        self.update_index_worker(rebuild=rebuild)

    # --- the Linux console ---------------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """Textual writes Enter as ⏎ and Backspace as ⌫, which the Linux console's font
        lacks (the hints began with a blank box: "? open")."""
        shown = super().get_key_display(binding)
        return shown.translate(ASCII_KEYS) if self.glyphs == "ascii" else shown

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from newsreader.tui.commands import Palette

        self._palette_hints = None  # the keys as they are now, once for this palette
        if self.use_command_palette and not CommandPalette.is_open(self):  # (Textual's, with `Palette`'s guard)
            self.push_screen(Palette(id="--command-palette"))
        if self.glyphs == "ascii":  # its 🔎, two columns wide, is no glyph of the console's font
            self.call_after_refresh(self._ascii_palette_icon)

    def _ascii_palette_icon(self) -> None:
        from textual.command import SearchIcon

        for icon in self.screen.query(SearchIcon):
            icon.icon = ">"
            icon.refresh()  # a `var`: setting it repaints nothing


def binding_scopes() -> list[tuple[tuple[str, ...], type]]:
    """Each class of the reader that has bindings, in the order `?` lists them, with where
    its bindings are active from the app down (a modal screen does not see the app's
    bindings): one list, so the help and the config's keymap cannot miss a class."""
    from newsreader.tui.bookmarks import BookmarksScreen

    # The app's bindings are active only under the main screen (the others are modal), so
    # the two are one scope.
    return [(("main",), ReaderApp), (("main",), MainScreen), (("main", "list"), ArticleList),
            (("main", "article"), ArticleView), (("main", "related stories"), RelatedList),
            (("main", "entities"), EntityList), (("bookmarks",), BookmarksScreen)]


#: The most problems one notice names (the rest are counted).
NOTICE_PROBLEM_LINES = 3


def problems_summary(lines: list[str], folder: Path) -> str:
    """One notice for more than two keymap (and theme) problems: a toast each (five or six lines
    each at 80 columns) stacked past the top of a 24-row terminal. Each is said briefly
    (`brief_problem`: what is wrong, not what to do, a file's first two mistakes: a theme file's
    ten were 355 characters); every command says them in full."""
    prefix = os.path.join(folder, "")
    # Theme lines first: a theme not used changes every colour on screen, so it is the problem
    # the user sees; keymap lines are the ones cut to "and N more".
    lines = sorted(lines, key=lambda line: line.startswith("keymap:"))
    what = "keymap" if all(line.startswith("keymap:") for line in lines) else "keymap and theme"
    return _summary(f"{len(lines)} {what} problems", lines,
                    lambda line: brief_problem(line.removeprefix("keymap: "), prefix))


def cues_summary(lines: list[str], folder: Path) -> str:
    """One notice for more than two skipped cue entries (`problems_summary`'s reason): each as
    its file, its list and the entry (`titles.yaml: `heads` holds 'Chief Whip'`), without why
    and what to do, which every command says in full."""
    # (The lines' wording, imported here, not at the top, where it cost the reader's start-up
    # ~19 ms: the module is not read otherwise.)
    from newsreader.extract.resources import CUE_LINE, CUE_SKIPPED

    prefix = os.path.join(folder, "")

    def short(line: str) -> str:
        name, _, what = line.removeprefix(CUE_LINE).removeprefix(prefix).partition(": ")
        return f"{name}: {what.removesuffix(CUE_SKIPPED).split(': ')[0]}"

    return _summary(f"{len(lines)} entries of your cue files skipped", lines, short)


def _summary(title: str, lines: list[str], short: Callable[[str], str]) -> str:
    """`problems_summary`'s and `cues_summary`'s notice: `title`, then the first
    `NOTICE_PROBLEM_LINES` of `lines` as `short` says them, then how many more."""
    said = [short(line) for line in lines[:NOTICE_PROBLEM_LINES]]
    if len(lines) > NOTICE_PROBLEM_LINES:
        said.append(f"and {len(lines) - NOTICE_PROBLEM_LINES} more")
    return f"{title} (`newsreader paths` says them in full):\n" + "\n".join(f"- {line}" for line in said)


def scoped_bindings(inherited: bool = False) -> list[tuple[tuple[str, ...], Binding]]:
    """Every binding of the reader with where it is active: the config's keymap takes keys
    by scope. `inherited` adds the bindings the classes get from Textual's (one per key)."""
    scopes = binding_scopes()
    if inherited:
        return [(scope, b) for scope, cls in scopes
                for found in cls._merge_bindings().key_to_bindings.values() for b in found]
    return [(scope, b) for scope, cls in scopes for b in cls.BINDINGS if isinstance(b, Binding)]


def all_bindings() -> list[Binding]:
    """Every binding of the reader, for `?` and for checking the config's keymap."""
    return [b for _, b in scoped_bindings()]


def related_stories(finder: Any, library: Any, stored: Any, limit: int = 8) -> list[RelatedStory]:
    """Related stories with why each is related (`search.related`); if that fails (an
    index from before it existed, a bug), the page's own related list plus more-like-this."""
    article = stored.article
    if finder is not None:
        try:
            found = finder.related(article.id, limit=limit)
        except Exception:
            found = None
        if found is not None:
            out = []
            for story in found:
                why = "; ".join(story.why[:2]) if story.why else ""
                if story.same_event:
                    why = "same event" + (f": {why}" if why else "")
                if story.copies:
                    why += f" (+{len(story.copies)} copies)"
                out.append(RelatedStory(story.id, story.title, story.date, why))
            return out
    out: list[RelatedStory] = []
    seen = {article.id}
    try:
        listed = library.store().rows(article.related)
    except Exception:
        listed = {}
    for id_ in article.related:
        row = listed.get(id_)
        if row is not None and row.id not in seen:
            seen.add(row.id)
            out.append(RelatedStory(row.id, row.title, row.date, "listed as related by the page"))
    try:
        similar = library.more_like(article.id, limit=limit)
    except Exception:
        similar = []
    for row in similar:
        if row.id not in seen and len(out) < limit:
            seen.add(row.id)
            out.append(RelatedStory(row.id, row.title, row.date, "similar wording"))
    return out


def _cue_lines(lines: list[str]) -> list[str]:
    """The lines of `lines` that are `user_cue_warnings`' (their wording is the extractor's,
    whose module is imported here, as in `cues_summary`, only when there are lines to pick)."""
    if not lines:
        return []
    from newsreader.extract.resources import CUE_LINE

    return [line for line in lines if line.startswith(CUE_LINE)]


def run_reader(ctx: Any, corpus_dir: Path) -> int:
    """Open the reader on `corpus_dir` (the CLI's default command, which checked the folder)."""
    # The cue lines among what `cli.main` said (`config_name_warnings`), not checked again.
    app = ReaderApp(ctx.paths, ctx.config, corpus_dir, freeze_gc=True,
                    cue_problems=_cue_lines(ctx.config_warnings))
    try:
        app.run()  # returns once the index update under way, told to stop, has stopped
        if app.index_stopped is not None:
            # The screen is gone at once; say why the next start indexes again.
            n = app.index_stopped
            kept = f"{counted(n, 'article')} indexed so far {'is' if n == 1 else 'are'} kept" if n else \
                "nothing was indexed yet"
            print(f"newsreader: quit while indexing: {kept}; the next start (or `newsreader index`) "
                  "goes on from there", file=sys.stderr)
    finally:
        if app._store is not None:
            app._store.stop_waiting()  # (a write waiting for another copy: given up, not waited for)
        if app._library is not None:
            app._library.close()
        if app._store is not None:
            app._store.close()
            if n := app._store.given_up:
                print(f"newsreader: quit while another newsreader was writing to the bookmarks store: "
                      f"{n} bookmark, read-mark or theme change{'s' if n != 1 else ''} waited for it and "
                      f"{'were' if n != 1 else 'was'} not saved", file=sys.stderr)
    if app.crashed is not None:  # (a command queued after the error, as Quit, set the code back to 0)
        return 1
    return app.return_code or 0  # Textual sets 1 when the app stopped on an error it printed
