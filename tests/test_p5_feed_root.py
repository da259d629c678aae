"""A file whose ending says feed is read as one when its root comes after a long comment
(RV15-A #9): the loader looked for the root in the first 4 KB only, and read the `.rss` as a
text page whose story was its markup."""

from __future__ import annotations

from pathlib import Path

from newsreader.corpus.loader import read_page_file


def test_a_feed_whose_root_comes_after_4_kb_is_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "late.rss"
    path.write_text('<?xml version="1.0"?>\n<!-- ' + "generated " * 800 + "-->\n<rss><channel><title>Wire</title>"
                    "<item><title>Storm closes schools</title><description>Schools shut on Monday.</description>"
                    "</item></channel></rss>")
    page = read_page_file(path, 1 << 20)
    assert page.text.startswith("date undated Storm closes schools") and "<" not in page.text
