"""The status line is one line at 80 and 60 columns, and a long first build says its time left.

Q2 (28,500 pages at 80x24): during a first build the line read `All articles: 2,228 ·
indexing 1,840/28,476 pages · 0… ━━━━` (the bookmark count cut by the bar), and a query's
error wrapped it onto two lines, pushing a row of the list off the screen. The build gave no
idea of its length (~11 min there), and "No articles yet." did not say that articles come as
the pages are indexed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from newsreader.config import Paths
from newsreader.tui.app import EMPTY_WHILE_INDEXING
from newsreader.tui.status import StatusParts, TimeLeft, fit_status
from tests.test_tui import first_look, indexed_reader, make_app, settle, sync, type_a_bad_query

BUILD = StatusParts(label="All articles", count="12,228", index=("indexing 18,152/128,476 pages",
                    "18,152/128,476 pages", "18,152/128,476"), eta=("~14 min left", "~14 min"),
                    unread="137,274 unread", bookmarked="1,002 bookmarked")
LONG_ERROR = ("'2025-13' is not a valid date; use date:2025, date:2025-06, date:2025-06-14, "
              "date:[2025-06-01 TO 2025-06-30] or date:>2024-12-31")


@pytest.fixture
def seed_home(indexed_seeds: tuple[Path, Paths]) -> tuple[Path, Paths]:
    return indexed_seeds


# --- fitting the parts to a width -----------------------------------------------------------

def test_a_wide_line_says_everything() -> None:
    line = fit_status(BUILD, 200)
    assert line == ("All articles: 12,228 · indexing 18,152/128,476 pages · ~14 min left · 137,274 unread · "
                    "1,002 bookmarked")


@pytest.mark.parametrize("width, expected", [
    # 80 columns beside the 16-column bar (2 of padding): the unread count went, then "indexing".
    (62, "All articles: 12,228 · 18,152/128,476 pages · ~14 min left"),
    (54, "All articles: 12,228 · 18,152/128,476 pages · ~14 min"),
    (78, "All articles: 12,228 · 18,152/128,476 pages · ~14 min left · 1,002 bookmarked"),
    # 60 columns beside the bar.
    (42, "All articles: 12,228 · 18,152/128,476"),
    (34, "All articles: 12,228"),
])
def test_the_least_useful_parts_go_first(width: int, expected: str) -> None:
    assert fit_status(BUILD, width) == expected


@pytest.mark.parametrize("width", range(20, 120))
def test_never_longer_than_the_width(width: int) -> None:
    """Whatever the width, the line fits it and keeps the list's count."""
    search = StatusParts(label="Search 'lahore election results by province'", count="1,000 of 137,334",
                         index=BUILD.index, eta=BUILD.eta, unread=BUILD.unread, bookmarked=BUILD.bookmarked)
    for parts in (BUILD, search):
        line = fit_status(parts, width)
        assert cell_len(line) <= width and (line.endswith(parts.count) or parts.count + " · " in line), line


def test_a_long_label_is_cut_in_the_middle_so_its_count_stays() -> None:
    parts = StatusParts(label="Search 'lahore election results by province'", count="1,000 of 137,334",
                        unread="1 unread", bookmarked="0 bookmarked")
    line = fit_status(parts, 40)
    assert line.startswith("Search 'lahore") and line.endswith("ovince': 1,000 of 137,334"), line
    assert "…" in line and cell_len(line) <= 40


def test_an_error_takes_the_place_of_the_counts() -> None:
    """Q2's two-line status: `unclosed quote: a "phrase" needs a closing " · Search 'person':
    328 · 37,274 unread · 2 bookmarked`. The error comes first, then the list's count if it fits."""
    error = 'unclosed quote: a "phrase" needs a closing "'
    parts = StatusParts(error=error, label="Search 'person'", count="328", unread="37,274 unread",
                        bookmarked="2 bookmarked")
    assert fit_status(parts, 78) == f"{error} · Search 'person': 328"
    assert fit_status(parts, 58) == error  # 60 columns
    # Longer than the line: left whole, the widget cuts its end with an ellipsis.
    assert fit_status(StatusParts(error=LONG_ERROR, label="All articles", count="7", bookmarked="0 bookmarked"),
                      78) == LONG_ERROR


# --- the time left ------------------------------------------------------------------------

def feed(estimate: TimeLeft, reports: list[tuple[float, int]], total: int) -> list[tuple[str, ...]]:
    return [estimate.add(t, done, total) for t, done in reports]


def test_time_left_once_the_rate_is_steady() -> None:
    """10 pages/s over 12,000 pages: nothing for the first 30 s after the first page (the
    workers start), then the time the rate gives."""
    reports = [(5 + 0.5 * n, 5 * n) for n in range(1, 200)]  # the first page at 5.5 s
    said = feed(TimeLeft(), reports, 12_000)
    first = next(i for i, forms in enumerate(said) if forms)
    assert reports[first][0] - reports[0][0] >= TimeLeft.SETTLE
    t, done = reports[first]
    assert said[first] == (f"~{round((12_000 - done) / 10 / 60)} min left", f"~{round((12_000 - done) / 10 / 60)} min")
    # 11,005 pages left at 10/s: 18.3 min; the shown value moves by whole minutes past a margin.
    shown = int(said[-1][0].removeprefix("~").removesuffix(" min left"))
    assert abs(shown - 11_005 / 600) < 1, said[-1]


def test_no_time_left_while_the_rate_jumps() -> None:
    """Slow at first (2 pages/s for 20 s: workers starting, a loaded host), then 20 pages/s:
    the window's rate and its last half's disagree, so nothing is said until they agree."""
    reports = [(0.5 * n, n) for n in range(1, 41)]  # 2/s up to 20 s
    reports += [(20 + 0.5 * n, 40 + 10 * n) for n in range(1, 200)]  # then 20/s
    estimate = TimeLeft()
    said = feed(estimate, reports, 30_000)
    times = [t for (t, _), forms in zip(reports, said) if forms]
    assert times and times[0] > 31, times[:3]  # not at 30 s, just after the jump
    shown = int(said[-1][0].removeprefix("~").removesuffix(" min left"))
    assert abs(shown - (30_000 - reports[-1][1]) / 20 / 60) < 1, said[-1]


def test_time_left_does_not_flicker() -> None:
    """A rate that wobbles around 4.5 min left: one value shown, not 4, 5, 4, 5."""
    estimate = TimeLeft()
    total = 100_000
    reports, t, done = [], 0.0, 1
    for n in range(400):  # 10 pages/s, then hold ~2,700 pages left for a while
        t += 0.5
        done += 5
        reports.append((t, done))
    said = feed(estimate, reports, total)
    # Now wobble: the remaining time alternates between 4.3 and 4.7 min at the current rate.
    shown = set()
    for n in range(60):
        t += 0.5
        left_min = 4.3 if n % 2 else 4.7
        done = total - int(left_min * 60 * 10)
        estimate._samples.clear()
        estimate._samples.append((t - 60, done - 600))
        shown.add(estimate.add(t, done, total))
    assert len(shown) == 1, shown
    assert said[-1]


def test_time_left_goes_when_the_build_stalls_or_ends() -> None:
    estimate = TimeLeft()
    said = feed(estimate, [(0.5 * n, 5 * n) for n in range(1, 100)], 10_000)
    assert said[-1]
    # No page done for a whole window (a long commit): not said, rather than a stale guess.
    assert estimate.add(49.5 + TimeLeft.WINDOW + 1, 495, 10_000) == ()
    assert TimeLeft().add(10, 10_000, 10_000) == ()


def test_hours_are_said_in_hours() -> None:
    from newsreader.tui.status import time_left_forms

    assert time_left_forms(0) == ("<1 min left", "<1 min")
    assert time_left_forms(125) == ("~2 h 5 min left", "~2 h 5 min")
    assert time_left_forms(120) == ("~2 h left", "~2 h")


# --- in the reader ---------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
@sync
async def test_a_build_fits_one_line_at_80_and_60_columns(tmp_path, size) -> None:
    """Long numbers, a long search label and a time left: one line, the bar beside it, nothing
    cut with an ellipsis; the page counts stay at 80 columns."""
    app = indexed_reader(tmp_path)
    async with app.run_test(size=size) as pilot:
        await first_look(pilot)
        rows = app.article_list.size.height
        app.corpus_count = 137_274
        app.bookmarked = {f"id{n}" for n in range(1_002)}
        app.indexing = True
        for n in range(1, 120):  # 10 pages/s for a minute
            app._index_progress(5 * n, 128_476, 0, 0.5 * n)
        app._index_progress(18_152, 128_476, 0, 60.5)  # (a jump: the shown time stays until steady)
        await pilot.pause()
        status, bar = app.main.query_one("#status"), app.main.query_one("#statusbar")
        line = status.render_line(0).text.rstrip()
        assert bar.size.height == 1 and app.article_list.size.height == rows
        assert line.startswith(f"All articles: {app.article_list.count} · ") and "…" not in line, line
        assert cell_len(line) <= status.content_size.width
        if size[0] == 80:
            assert "18,152/128,476" in line and "min" in line, line


@sync
async def test_a_resize_fits_the_line_again(tmp_path) -> None:
    app = indexed_reader(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await first_look(pilot)
        app.bookmarked = {f"id{n}" for n in range(1_002)}
        app.indexing = True
        app._index_progress(18_152, 128_476, 0, 1.0)
        await pilot.pause()
        status = app.main.query_one("#status")
        assert "unread" in status.render_line(0).text
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        line = status.render_line(0).text.rstrip()
        assert "unread" not in line and "…" not in line and line.startswith(f"All articles: {app.article_list.count} · "), line


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
@sync
async def test_a_query_error_keeps_the_list_in_place(seed_home, tmp_path, size) -> None:
    """Q2's `person:"`: the error and the count on one line where they fit, the error alone
    where they do not; never a second line."""
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        rows = await type_a_bad_query(pilot, 'person:"')
        assert app.search_error.startswith("unclosed quote")
        line = app.main.query_one("#status").render_line(0).text.rstrip()
        assert app.main.query_one("#statusbar").size.height == 1 and app.article_list.size.height == rows
        assert line.startswith(app.search_error) and "…" not in line, line
        if size[0] == 60:
            assert line == app.search_error  # the counts give way to the error
        else:
            assert line.startswith(f"{app.search_error} · ") and ": " in line.split(" · ")[1], line
        # Short enough to be read whole: Enter adds no notice.
        await pilot.press("enter")
        await settle(pilot)
        assert not [n for n in app._notifications if n.title == "Search"]


@sync
async def test_the_empty_list_says_articles_come_as_pages_are_indexed(tmp_path) -> None:
    app = indexed_reader(tmp_path / "ended")
    app.update_index = True
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.article_list.empty_text == "No articles."  # the build ended: it no longer says so
    app = indexed_reader(tmp_path / "under-way")
    app.update_index = True
    app._index_finished = lambda *a, **k: None  # a build that has not ended
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.article_list.empty_text == EMPTY_WHILE_INDEXING
        assert "appear here as the pages are indexed" in EMPTY_WHILE_INDEXING


@pytest.mark.parametrize("size, most", [((80, 24), 16), ((120, 30), 24)])
@sync
async def test_the_progress_bar_and_its_percentage_fit_their_box(tmp_path, size, most) -> None:
    """Textual's bar is 32 columns: in the 24-column box it was cut (it looked full at 75%, and
    the percentage beside it never showed). At 80 columns the box is narrower, for the line."""
    from textual.widgets._progress_bar import Bar, PercentageStatus

    app = indexed_reader(tmp_path)
    async with app.run_test(size=size) as pilot:
        await first_look(pilot)
        app.indexing = True
        app._index_progress(1_816, 3_826, 0, 1.0)
        await pilot.pause()
        await pilot.pause()
        box = app.main.query_one("#progress")
        assert box.region.width == most
        for part in (box.query_one(Bar), box.query_one(PercentageStatus)):
            assert part.region.width and box.region.contains_region(part.region), (part, part.region, box.region)
        assert str(box.query_one(PercentageStatus).render()) == "47%"
