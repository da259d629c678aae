"""Why the reader reads the corpus again is said at 80 columns (Q7 #5): the status line's
're-reading 72/374 pages: your cue files changed' never fitted there, so an upgrade's full
re-read went unexplained. A notice says it once an update."""

from __future__ import annotations

from tests.test_tui import first_look, indexed_reader, sync

WHY = "newsreader's parser or extractor changed"


def told(app) -> list[str]:
    return [n.message for n in app._notifications if n.message.startswith("re-reading")]


@sync
async def test_a_re_read_says_why_once_an_update(tmp_path) -> None:
    app = indexed_reader(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_look(pilot)
        app._index_started()
        app._index_progress(0, 374, 0, 0.0, WHY, 374)
        app._index_progress(72, 374, 90, 1.0, WHY, 374)
        await pilot.pause()
        assert told(app) == [f"re-reading 374 pages: {WHY}"]
        line = app.main.query_one("#status").render_line(0).text
        assert "72/374" in line and WHY not in line, line  # (why the notice is needed)
        app._index_started()  # the next update says it again; one with no page read again does not
        app._index_progress(0, 9, 0, 0.0, "your cue files changed", 9)
        app._index_started()
        app._index_progress(0, 3, 0, 0.0, "", 0)
        await pilot.pause()
        assert told(app)[1:] == ["re-reading 9 pages: your cue files changed"]
