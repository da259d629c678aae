"""Feed files (RSS, Atom) are read item by item: before, a feed was one article whose title was
`<?xml version="1.0" ...` and whose body was its markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.config import Config
from newsreader.corpus.feed import feed_to_text
from newsreader.corpus.loader import load_corpus, read_page_file
from newsreader.errors import UserError

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>World News</title>
<item><title>Floods in Valencia kill dozens</title><guid>https://example.com/a</guid>
<pubDate>Wed, 30 Oct 2024 23:30:00 -0500</pubDate><dc:creator>Jane Doe</dc:creator>
<description>Flash floods in the Spanish region of Valencia killed at least 51&nbsp;people, officials said.</description>
</item>
<item><title>NASA delays Artemis II</title><pubDate>Thu, 05 Dec 2024 18:00:00 GMT</pubDate>
<author>press@example.com (John Roe)</author>
<content:encoded><![CDATA[<p>NASA said on Thursday it would delay the crewed Artemis II mission.</p>
<p>The agency cited problems with the heat shield found after the uncrewed flight.</p>
<script>track()</script>]]></content:encoded></item>
<item><title>Markets steady as investors wait for the central bank</title>
<description>Stocks were little changed in early trading on Friday, traders said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Parliament passes climate bill</title><id>tag:x,2025:1</id><updated>2025-01-10T12:00:00Z</updated>
<author><name>Liam Brown</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Lawmakers in Canberra passed the bill on
Friday after a long debate.</p></div></content></entry></feed>"""


def corpus_of(tmp_path: Path, files: dict[str, str]) -> list[dict]:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    config = Config(extensions=[".txt", ".rss", ".xml"])
    return [a.to_dict() for a in load_corpus(corpus, config, warn=lambda m: None).articles]


def test_each_item_of_an_rss_feed_is_an_article(tmp_path: Path) -> None:
    """Title, date as the feed states it (23:30 at UTC-5 stays the 30th), author as byline
    (the name of RSS's "e-mail (Name)"), body from content:encoded as text, else the
    description; an item with no date is undated."""
    found = corpus_of(tmp_path, {"world.rss": RSS})
    assert [(a["title"], a["date"], a["byline"]) for a in found] == [
        ("Floods in Valencia kill dozens", "2024-10-30", "Jane Doe"),
        ("NASA delays Artemis II", "2024-12-05", "John Roe"),
        ("Markets steady as investors wait for the central bank", None, None)]
    assert found[0]["body"] == "Flash floods in the Spanish region of Valencia killed at least 51 people, officials said."
    assert found[1]["body"].split("\n\n") == [
        "NASA said on Thursday it would delay the crewed Artemis II mission.",
        "The agency cited problems with the heat shield found after the uncrewed flight."]
    assert feed_to_text(RSS.encode(), "world.rss").source == "World News"


def test_atom_entries_with_xhtml_content(tmp_path: Path) -> None:
    (article,) = corpus_of(tmp_path, {"wire.xml": ATOM})
    assert (article["title"], article["date"], article["byline"]) == ("Parliament passes climate bill", "2025-01-10",
                                                                       "Liam Brown")
    assert article["body"] == "Lawmakers in Canberra passed the bill on Friday after a long debate."


def test_ids_are_the_same_across_runs_and_differ_between_items(tmp_path: Path) -> None:
    """A feed saved again later has a new item on top: the others keep their ids (so their
    bookmarks), as ids come from the file and each item's title, not from item order."""
    first = [a["id"] for a in corpus_of(tmp_path, {"world.rss": RSS})]
    newer = RSS.replace("<item>", "<item><title>Fresh story arrives on top of the feed</title><description>A new "
                        "item was published this morning, editors said.</description></item><item>", 1)
    again = [a["id"] for a in corpus_of(tmp_path, {"world.rss": newer})]
    assert again[1:] == first and len(set(again)) == 4


def test_xml_that_is_not_a_feed_is_one_skip_line(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.com/</loc></url></urlset>')
    with pytest.raises(UserError, match=r"sitemap.xml: XML but not a news feed .*<urlset>.*skipped"):
        read_page_file(path, 1 << 20)


def test_entity_declarations_are_refused_not_expanded(tmp_path: Path) -> None:
    """The "billion laughs": entities that expand to gigabytes. Refused before parsing."""
    bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            ']><rss><channel><title>x</title><item><title>Boom goes the feed today</title><description>&b;&b;'
            '</description></item></channel></rss>')
    path = tmp_path / "bomb.rss"
    path.write_text(bomb)
    with pytest.raises(UserError, match="declares entities"):
        read_page_file(path, 1 << 20)


def test_a_feed_saved_as_txt_and_a_broken_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"
    path.write_text(RSS)
    assert read_page_file(path, 1 << 20).kind == "feed"
    path.write_text(RSS.replace("</channel>", ""))
    with pytest.raises(UserError, match="not well-formed XML"):
        read_page_file(path, 1 << 20)


@pytest.mark.parametrize("stamp", ["Wed, 31 Feb 2024 10:00:00 GMT", "2024-99-99", "yesterday", "Mon, 99 Zzz 2024"])
def test_a_date_that_is_no_date_leaves_the_item_undated(stamp: str) -> None:
    feed = RSS.replace("Wed, 30 Oct 2024 23:30:00 -0500", stamp)
    text = feed_to_text(feed.encode(), "world.rss").text
    assert text.startswith("date undated Floods in Valencia kill dozens\n")
