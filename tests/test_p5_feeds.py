"""RV15-A's findings on feeds (P5): Atom `type="html"` titles and channel names came through
as written (tags and escapes in titles, ids and the source facet), and Atom XHTML content lost
its paragraph breaks."""

from __future__ import annotations

from newsreader.corpus.feed import feed_to_text

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Tech &amp;amp; Policy</title>
<entry><title type="html">EU fines Apple &lt;em&gt;€1.8bn&lt;/em&gt;</title><published>2025-03-03T09:00:00+01:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The Commission fined Apple on Monday.</p><p>Apple said it would appeal.</p></div></content></entry>
<entry><title type="text">Rates &lt;b&gt; stay &amp;amp; hold</title><summary>Plain text.</summary></entry>
</feed>"""


def test_atom_html_titles_are_unescaped_and_stripped() -> None:
    feed = feed_to_text(ATOM.encode(), "a.atom")
    assert feed.source == "Tech & Policy"
    assert feed.text.startswith("date 2025-03-03 EU fines Apple €1.8bn\n")
    # type="text" is text: what it says is what it is.
    assert "date undated Rates <b> stay &amp; hold\n" in feed.text


def test_rss_titles_with_escapes_are_unescaped() -> None:
    rss = ("<rss><channel><title>News &amp;amp; Views</title><item><title>Q&amp;amp;A: &lt;i&gt;why&lt;/i&gt; "
           "rates rose</title><description>Text.</description></item></channel></rss>")
    feed = feed_to_text(rss.encode(), "c.rss")
    assert feed.source == "News & Views" and "date undated Q&A: why rates rose\n" in feed.text


def test_atom_xhtml_content_keeps_its_paragraphs() -> None:
    """`<html:p>` from ET.tostring is no <p> to html.parser: every paragraph ran into one line."""
    text = feed_to_text(ATOM.encode(), "a.atom").text
    assert "\n\nThe Commission fined Apple on Monday.\n\nApple said it would appeal.\n" in text


def test_the_root_of_a_feed_is_found_after_a_long_comment() -> None:
    """With `limit=None` (a file whose ending says feed) the root is found past 4 KB of comment."""
    from newsreader.corpus.feed import root_name

    text = '<?xml version="1.0"?>\n<!-- ' + "x" * 70_000 + " -->\n<rss><channel></channel></rss>"
    assert root_name(text) is None and root_name(text, limit=None) == "rss"
