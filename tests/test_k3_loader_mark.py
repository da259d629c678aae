"""K3 (RV19-A #3): the loader's look for a feed's root past its first 4 KB tests the head it has
already stripped of the UTF-8 byte-order mark (it stripped and sliced the bytes again). A feed
saved with the mark and spaces before a long comment is still a feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.corpus.loader import read_page_file

FEED = ("<!-- " + "generated " * 800 + "-->\n<rss><channel><title>Wire</title><item><title>Storm closes schools"
        "</title><description>Schools shut on Monday.</description></item></channel></rss>")


@pytest.mark.parametrize("before", [b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n\t"])
def test_a_feed_with_the_mark_and_spaces_before_a_long_comment_is_a_feed(tmp_path: Path, before: bytes) -> None:
    path = tmp_path / "late.xml"
    path.write_bytes(before + FEED.encode())
    page = read_page_file(path, 1 << 20)
    assert page.text.startswith("date undated Storm closes schools") and "<" not in page.text
