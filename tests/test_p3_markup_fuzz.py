"""Broken markup of any shape never raises: a saved page or feed that cannot be read is a
page with less text or one line saying why, never a traceback that stops `index`."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsreader.corpus.feed import feed_to_text
from newsreader.corpus.html_page import html_to_text
from newsreader.errors import UserError

PIECES = ["<html>", "<body>", "<article>", "</article>", "<h1>", "</h1>", "<p>", "</p>", "<div class='share'>",
          "</div>", "<nav>", "</nav>", "<header>", "</header>", "<footer>", "<script>", "</script>", "<style>",
          "<time datetime='2025-13-45'>", "<time datetime='2024-02-29T10:00Z'>", "</time>", "<pre>", "</pre>",
          "<br>", "<br/>", "<img src=x>", "<!--", "-->", "<![CDATA[", "]]>", "<meta name=author content='X Y'>",
          "<meta property='article:published_time' content='0000-00-00'>", "&amp;", "&#0;", "&#xD800;", "&bogus",
          "<", ">", "'", '"', "Storm hits coast", "\x00", "\ud800", "é", " ", "\n", "<title>", "</title>",
          "<script type='application/ld+json'>", '{"@graph": [{"datePublished": 5, "author": {"name": ["A"]}}]}',
          "<h2>", "</h2>", "<aside>", "<a>", "</a>", "<span>", "</span>", "<figure>", "<b>W</b>ord"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_html_to_text_never_raises(pieces: list[str]) -> None:
    text, _ = html_to_text("".join(pieces))
    assert isinstance(text, str) and "\x01" not in text


FEED_PIECES = ["<rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>", "<pubDate>",
               "Wed, 31 Feb 2024 10:00:00 GMT", "2024-99-99", "</pubDate>", "<description>", "</description>",
               "&lt;p&gt;text&lt;/p&gt;", "&nbsp;", "&bogus;", "<feed xmlns='http://www.w3.org/2005/Atom'>",
               "<entry>", "</entry>", "<content type='xhtml'>", "</content>", "<author>", "x@y (Jane)", "</author>",
               "</rss>", "</feed>", "Storm hits coast", "<", "&", "\x00", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FEED_PIECES), max_size=40))
def test_feed_to_text_raises_only_user_errors(pieces: list[str]) -> None:
    try:
        feed = feed_to_text("".join(pieces).encode("utf-8", "surrogatepass"), "f.rss")
    except UserError:
        return
    assert isinstance(feed.text, str)


CUT_PIECES = ["<nav>", "</nav>", "<NAV class=x>", "<footer>", "</footer>", "<aside>", "</aside>", "<svg>", "</svg>",
              "<script>", "</script>", "<script type='application/ld+json'>", '{"datePublished": "2024-05-01"}',
              "<style>", "</style>", "<!--", "-->", "<p>", "</p>", "<h1>", "</h1>", "<article>", "</article>",
              "Storm hits coast", "More rain", "<b>", "</b>", "'</nav>'", "<select>", "<option>", "</select>", " ",
              "<template>", "</template>", "<iframe>", "</iframe>"]
# (Not a bare "<": "<More rain<script>" is a tag `more` whose attributes hold "<script" to
# html.parser, markup no browser or page writes; there the two readings may differ.)


@settings(max_examples=400, deadline=None, derandomize=True)  # (the same examples each run: never flaky)
@given(st.lists(st.sampled_from(CUT_PIECES), max_size=40))
@example(["<script type='application/ld+json'>", '{"datePublished": "2024-05-01"}', "</script>", "<h1>",
          "Storm hits coast", "</h1>", "<p>", "More rain", "</p>"])
@example(["<nav>", "<!--", "<nav>", "-->", "<template>", "'</nav>'", "</template>"])  # an outer end tag inside
@example(["<nav>", "<script>", "'</nav>'"])  # a script's text holds the end tag
@example(["<script type='application/ld+json'>", "<script>", "</script>", "More rain"])  # its text opens nothing
def test_cutting_skipped_elements_first_changes_nothing(pieces: list[str]) -> None:
    """The markup cut before html.parser reads it (`_cut_skipped`: a speed-up) reads as the
    whole markup does: the same text, the same facts."""
    import newsreader.corpus.html_page as html_page

    markup = "".join(pieces)
    cut = html_page._cut_skipped
    try:
        html_page._cut_skipped = lambda text: text
        whole = html_page.html_to_text(markup)
    finally:
        html_page._cut_skipped = cut
    assert html_page.html_to_text(markup) == whole
