"""The reader's status line: one line at any width, and the time a long build has left.

Q2 found it cut or wrapped at 80 columns: during a first build of 28,000 pages it read
`All articles: 2,228 · indexing 1,840/28,476 pages · 0…` beside the progress bar (the
bookmark count cut), and a query's error wrapped it onto a second line, pushing a row of
the list off the screen. Now each part has shorter forms, and the line gives them up, least
useful first, until it fits the width it has (see `STEPS`).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

SEPARATOR = " · "

#: What the line gives up when it is too long, in this order: a (part, form) step makes the
#: part take its `form`-th form (the last form of a part that may go is ""). The unread count
#: goes first (it is in the list too: the read marks); then the words around the page counts,
#: the bookmark count, a search's note (a pattern's words capped), the time left's "left", the word "pages", the time left, the page
#: counts (the bar beside the line still shows the percentage), and last, when a query's
#: error is shown, the list's count: the error takes its place.
STEPS: tuple[tuple[str, int], ...] = (
    ("unread", 1),
    ("index", 1),
    ("bookmarked", 1),
    ("note", 1),
    ("eta", 1),
    ("index", 2),
    ("eta", 2),
    ("index", 3),
    ("count", 1),
)


@dataclass(frozen=True)
class StatusParts:
    """What the status line has to say, each part with its forms, longest first."""

    error: str = ""
    label: str = ""
    count: str = ""  # "1,000 of 3,132" or "2,228"
    note: str = ""  # e.g. "g* matched 3,005 words; searched the 200 commonest"
    index: tuple[str, ...] = ()  # e.g. ("indexing 1,840/28,476 pages", "1,840/28,476 pages", "1,840/28,476")
    eta: tuple[str, ...] = ()  # e.g. ("~4 min left", "~4 min")
    unread: str = ""
    bookmarked: str = ""

    def forms(self) -> dict[str, tuple[str, ...]]:
        """Each part's forms, ending in "" for a part the line may give up."""

        def droppable(forms: tuple[str, ...]) -> tuple[str, ...]:
            return (*forms, "") if forms and forms[0] else ("",)

        counted = f"{self.label}: {self.count}" if self.label else self.count
        return {
            "error": (self.error,),
            # With an error, the error takes the counts' place when both do not fit.
            "count": (counted, "") if self.error else (counted,),
            "note": droppable((self.note,)),
            "index": droppable(self.index),
            "eta": droppable(self.eta),
            "unread": droppable((self.unread,)),
            "bookmarked": droppable((self.bookmarked,)),
        }


def _line(forms: dict[str, tuple[str, ...]], levels: dict[str, int]) -> str:
    shown = (forms[key][min(levels.get(key, 0), len(forms[key]) - 1)] for key in forms)
    return SEPARATOR.join(text for text in shown if text)


def fit_status(parts: StatusParts, width: int) -> str:
    """The fullest line that fits `width` cells. An error longer than the width is left
    whole, to be cut with an ellipsis at its end (the start says what is wrong); without one,
    a label too long for its count is cut in the middle, so the count stays in view."""
    forms = parts.forms()
    levels: dict[str, int] = {}
    line = _line(forms, levels)
    if width <= 0 or cell_len(line) <= width:
        return line
    for key, level in STEPS:
        levels[key] = level
        line = _line(forms, levels)
        if cell_len(line) <= width:
            return line
    if parts.error or not parts.label:
        return line
    room = width - cell_len(f": {parts.count}")
    label = parts.label
    if room < 6:  # no room for a useful part of the label: the count alone
        return parts.count
    head = room - 1 - (room - 1) // 3  # keep the start (what it is) and the end (a query's last word)
    tail = room - 1 - head
    while cell_len(label[:head]) + cell_len(label[len(label) - tail:] if tail else "") > room - 1 and head:
        head -= 1
    cut = label[:head] + "…" + (label[len(label) - tail:] if tail else "")
    return f"{cut}: {parts.count}"


class StatusLine(Widget):
    """One line: its parts are fitted to the width it has at each paint, so a resize, or the
    progress bar beside it appearing, fits it again."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.parts = StatusParts()

    def show(self, parts: StatusParts) -> None:
        if parts != self.parts:  # (a repaint only: the line's height never changes)
            self.parts = parts
            self.refresh()

    def fits(self, text: str) -> bool:
        """Whether `text` alone is shown whole (the width not known yet: assumed so)."""
        width = self.content_size.width
        return width <= 0 or cell_len(text) <= width

    def render(self) -> Text:
        return Text(fit_status(self.parts, self.content_size.width), no_wrap=True, overflow="ellipsis", end="")


class TimeLeft:
    """The time a long index update has left, from its pages per second over the last
    `WINDOW` seconds of progress reports. Said only once the rate has been measured for
    `SETTLE` seconds after the first page was done and holds steady (the window's rate and
    its last half's within `STEADY` of each other): the first seconds start the workers,
    and a guess from them would jump. Once shown it moves only by whole steps past a margin
    (`~5 min left` does not flicker to 4 and back), and it goes when no page was done in the
    whole window (a long commit) or the update ends."""

    WINDOW = 60.0
    SETTLE = 30.0
    STEADY = 1.5
    MARGIN = 0.75  # of a step: a shown value moves when the estimate is this far from it

    def __init__(self) -> None:
        self._samples: deque[tuple[float, int]] = deque()
        self._first: float | None = None  # when the first page was done
        self._shown: int | None = None  # minutes

    def add(self, elapsed: float, done: int, total: int) -> tuple[str, ...]:
        """Forms of the time left after this report, longest first (none: not said)."""
        if done <= 0 or done >= total:
            return ()
        if self._first is None:
            self._first = elapsed
        samples = self._samples
        samples.append((elapsed, done))
        while len(samples) > 2 and samples[1][0] <= elapsed - self.WINDOW:
            samples.popleft()
        start, start_done = samples[0]
        span = elapsed - start
        if span <= 0 or done <= start_done:
            self._shown = None  # stalled for a whole window
            return ()
        rate = (done - start_done) / span
        if self._shown is None:
            if elapsed - self._first < self.SETTLE or span < self.SETTLE:
                return ()
            middle = next(s for s in samples if s[0] >= elapsed - span / 2)
            if middle[0] >= elapsed:
                return ()
            recent = (done - middle[1]) / (elapsed - middle[0])
            if not (rate / self.STEADY <= recent <= rate * self.STEADY):
                return ()
        minutes = (total - done) / rate / 60
        step = 5 if minutes >= 60 else 1
        if self._shown is None or abs(minutes - self._shown) >= self.MARGIN * step:
            self._shown = int(round(minutes / step) * step)
        return time_left_forms(self._shown)


def time_left_forms(minutes: int) -> tuple[str, ...]:
    if minutes < 1:
        return ("<1 min left", "<1 min")
    if minutes < 60:
        return (f"~{minutes} min left", f"~{minutes} min")
    hours, rest = divmod(minutes, 60)
    said = f"~{hours} h {rest} min" if rest else f"~{hours} h"
    return (f"{said} left", said)
