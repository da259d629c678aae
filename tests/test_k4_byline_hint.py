"""K4 (S4 #2 in the reader): a plain search also finds the stories whose byline holds its words (E10),
and the reader's list gave no reason for such a row, whose title names none of the words. Its row now
says "by <byline>" (in italics) where its source goes; the other rows keep their source."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from newsreader.config import Config
from newsreader.store import Store
from newsreader.tui.app import ReaderApp
from tests.test_e10_byline_search import ABOUT_HER, BY_HER, OTHER
from tests.test_e10_story_names import _index
from tests.test_tui import NARROW, settle, sync

BY = "Floods close the coast road for a week"
ABOUT = "Council names new head of planning"


def _rows(app: ReaderApp, width: int = 80) -> dict[str, str]:
    lst = app.article_list
    return {row.title: lst.row_text(row, width).plain for row in lst.source.rows}


@sync
async def test_a_row_found_by_its_byline_alone_says_by_whom(tmp_path: Path):
    paths, corpus, library = _index(tmp_path, {"by.txt": BY_HER, "about.txt": ABOUT_HER, "other.txt": OTHER})
    library.close()
    app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                    watch_marks=False, update_index=False, related_delay=0)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        app.run_query("jane smith")
        await settle(pilot, 3)
        rows = _rows(app)
        assert set(rows) == {BY, ABOUT}
        assert rows[BY].rstrip().endswith("by Jane Smith") and "by Jane" not in rows[ABOUT]
        # The same row in a list that found it otherwise says nothing of its byline: not from the
        # rows painted before either (the list keeps them by row, terms and the like).
        app.run_query("floods")
        await settle(pilot, 3)
        assert "by Jane" not in _rows(app)[BY]
        app.run_query("jane smith")
        await settle(pilot, 3)
        src = app.article_list.source
        painted = [str(app.article_list.render_line(y).text) for y in range(2)]
        assert sum("by Jane Smith" in line for line in painted) == 1, painted
        app.article_list.set_source(dataclasses.replace(src, byline={}))
        painted = [str(app.article_list.render_line(y).text) for y in range(2)]
        assert not any("by Jane" in line for line in painted), painted
