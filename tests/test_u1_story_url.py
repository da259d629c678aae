"""A story's web address (`Article.url`, U1): found where each kind of page states it (a text copy's first
line or "Source: https://..." line, Markdown front matter, an HTML page's canonical link or og:url, a feed
item's link), http(s) only and never a picture's or share button's; the line leaves the body and becomes no
title; stored with the article (`show`, `show --json`) and carried by the CSV and Markdown bookmark exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsreader.cli import main
from newsreader.corpus.feed import feed_to_text
from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.loader import read_page_file, with_page_source
from newsreader.corpus.markdown_page import markdown_to_text
from newsreader.corpus.model import Article
from newsreader.corpus.parser import parse_page, story_url
from newsreader.search.store import PARSER_FILES, _files
from newsreader.store.db import Bookmark
from newsreader.store.export import export_bookmarks

URL = "https://www.example.com/news/2025/03/01/storm-hits-coast"
TEXT = ("Winds of 150 km/h hit the coast on Monday, cutting power to thousands of homes, officials said.\n\n"
        "Crews worked through the night to clear the roads, and schools stayed shut on Tuesday.\n")


def only(text: str, name: str = "p.txt") -> Article:
    (article,) = parse_page(text, name).articles
    return article


def test_a_first_line_address_is_the_story_url_and_no_text() -> None:
    article = only(f"{URL}\n\nStorm hits the coast hard\n\n{TEXT}")
    assert article.url == URL and article.title == "Storm hits the coast hard"
    assert "example.com" not in article.text


@pytest.mark.parametrize("line", [f"Source: {URL}", f"Original: <{URL}>", f"URL: {URL}", f"Permalink: {URL}",
                                  f"Originally published at {URL}"])
def test_a_labelled_address_at_the_head_is_the_url_not_the_title(line: str) -> None:
    article = only(f"{line}\n\nStorm hits the coast hard\n\n{TEXT}")
    assert (article.url, article.title) == (URL, "Storm hits the coast hard")
    assert "example.com" not in article.text


def test_a_labelled_address_at_the_foot_leaves_the_body() -> None:
    article = only(f"Storm hits the coast hard\n\n{TEXT}\nSource: {URL}\n")
    assert article.url == URL and "Source" not in article.text and article.body[-1].startswith("Crews")


def test_each_story_of_a_page_has_the_address_in_its_own_head() -> None:
    other = "https://www.example.com/news/2025/03/02/roads-reopen"
    text = (f"date 2025-03-01 Storm hits the coast hard\nURL: {URL}\n\n{TEXT}\n"
            f"date 2025-03-02 Roads reopen after the storm\n\n{TEXT}\n"
            f"date 2025-03-03 Schools reopen after the storm\nSource: {other}\n\n{TEXT}")
    first, second, third = parse_page(text, "p.txt").articles
    assert (first.url, second.url, third.url) == (URL, "", other)


@pytest.mark.parametrize("line", ["https://www.example.com/images/storm.jpg",
                                  "https://www.facebook.com/sharer/sharer.php?u=https://example.com/x",
                                  "www.example.com/news/2025/03/01/storm", "ftp://example.com/news/storm",
                                  "Source: Reuters"])
def test_no_url_for_a_picture_a_share_button_an_address_without_http_or_no_address(line: str) -> None:
    assert story_url(line) is None
    assert only(f"{line}\n\nStorm hits the coast hard\n\n{TEXT}").url == ""


def test_markdown_front_matter_states_the_url_and_a_source_name_is_no_address() -> None:
    page = f"---\ntitle: Storm hits the coast\ndate: 2025-03-01\nsource: Reuters\nlink: {URL}\n---\n\n{TEXT}"
    article = only(markdown_to_text(page), "p.md")
    assert (article.url, article.title, article.date) == (URL, "Storm hits the coast", dt.date(2025, 3, 1))
    assert "example.com" not in article.text
    named = only(markdown_to_text(page.replace(f"link: {URL}\n", "")), "p.md")
    assert named.url == "" and named.text == article.text
    assert only(markdown_to_text(f"---\nsource: {URL}\n---\n\nStorm hits the coast hard\n\n{TEXT}"), "p.md").url == URL


def html(head: str, body: str = f"<article><h1>Storm hits the coast</h1><p>{TEXT}</p></article>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("head, url", [
    (f'<link rel="canonical" href="{URL}"><meta property="og:url" content="https://m.example.com/x/y">', URL),
    (f'<meta property="og:url" content="{URL}">', URL),
    ('<link rel="canonical" href="https://www.example.com/">', None),  # a front page's: no story's
    ('<link rel="canonical" href="/news/2025/storm">', None),  # (no http(s) address)
])
def test_an_html_page_states_its_address_in_its_head(head: str, url: str | None) -> None:
    text, facts = html_to_text(html(head))
    assert facts.url == url and "example.com" not in text


def test_a_one_story_html_page_gives_its_story_the_url_a_front_page_gives_none(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(html(f'<link rel="canonical" href="{URL}">'), encoding="utf-8")
    read = read_page_file(page, 10**6)
    (article,) = with_page_source(parse_page(read.text, "p.html").articles, read)
    assert article.url == URL
    two = ("<article><h2>Storm hits the coast</h2><p>" + TEXT + "</p></article>"
           "<article><h2>Roads reopen after the storm</h2><p>" + TEXT + "</p></article>")
    page.write_text(html(f'<link rel="canonical" href="{URL}">', two), encoding="utf-8")
    read = read_page_file(page, 10**6)
    articles = with_page_source(parse_page(read.text, "p.html").articles, read)
    assert len(articles) == 2 and [a.url for a in articles] == ["", ""]


FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Storm hits the coast</title><link>{URL}</link><author>jane@example.com (Jane Doe)</author>
<pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate><description>{TEXT}</description></item>
<item><title>Roads reopen after the storm</title><guid isPermaLink="false">tag:example.com,2025:2</guid>
<description>{TEXT}</description></item></channel></rss>"""
ATOM = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Storm hits the coast</title><link rel="enclosure" href="https://www.example.com/audio/storm"/>
<link href="{URL}"/><updated>2025-03-01T10:00:00Z</updated><summary>{TEXT}</summary></entry></feed>"""


def test_a_feed_item_link_is_its_story_url() -> None:
    first, second = parse_page(feed_to_text(FEED.encode(), "f.rss").text, "f.rss").articles
    assert (first.url, first.byline, second.url) == (URL, "Jane Doe", "")
    assert "example.com" not in first.text
    (entry,) = parse_page(feed_to_text(ATOM.encode(), "f.atom").text, "f.atom").articles
    assert entry.url == URL


def test_parse_prints_the_url(tmp_path: Path, capsys) -> None:
    page = tmp_path / "a.txt"
    page.write_text(f"{URL}\n\nStorm hits the coast hard\n\n{TEXT}", encoding="utf-8")
    assert main(["parse", str(page), "--corpus", str(tmp_path)]) == 0
    assert f"    url:      {URL}" in capsys.readouterr().out.splitlines()


def test_the_json_shape_always_has_url_and_an_old_stored_article_reads_as_none() -> None:
    article = only(f"{URL}\n\nStorm hits the coast hard\n\n{TEXT}")
    assert article.to_dict()["url"] == URL and Article.from_dict(article.to_dict()).url == URL
    old = article.to_dict()
    del old["url"]
    assert Article.from_dict(old).url == "" and Article.from_dict(old).to_dict()["url"] == ""


def test_the_readers_are_in_the_stamp_so_a_changed_reader_reads_its_pages_again() -> None:
    names = {name for name, _ in _files(PARSER_FILES)}
    assert {"corpus/html_page.py", "corpus/markdown_page.py", "corpus/feed.py", "corpus/model.py"} <= names


def test_show_prints_the_url_and_show_json_has_it(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"Source: {URL}\n\nStorm hits the coast hard\n\n{TEXT}", encoding="utf-8")
    (corpus / "b.txt").write_text(f"Roads reopen after the storm\n\n{TEXT}", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    ids = {a.file: a.id for a in parse_page((corpus / "a.txt").read_text(), "a.txt").articles}
    capsys.readouterr()
    assert main(["show", ids["a.txt"], "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert URL in out.splitlines()[1:4] and out.count("example.com") == 1
    assert main(["show", ids["a.txt"], "--json", "--corpus", str(corpus)]) == 0
    assert json.loads(capsys.readouterr().out)["url"] == URL
    other = only((corpus / "b.txt").read_text(), "b.txt")
    assert main(["show", other.id, "--json", "--corpus", str(corpus)]) == 0
    assert json.loads(capsys.readouterr().out)["url"] == ""


def test_the_csv_and_markdown_exports_carry_the_url() -> None:
    mark = Bookmark("a-1", "Storm hits the coast", "Wire", dt.date(2025, 3, 1),
                    created_at=dt.datetime(2026, 11, 24, tzinfo=dt.timezone.utc))
    story = SimpleNamespace(id="a-1", file="a.txt", byline=None, dateline=None, url=URL, body=["Text."], summary=[])
    csv_text = export_bookmarks([mark], "csv", articles={"a-1": story})
    assert csv_text.splitlines()[0].split(",")[9] == "url" and f",{URL}," in csv_text
    assert f"- Link: <{URL}>" in export_bookmarks([mark], "md", articles={"a-1": story})
    assert "- Link:" not in export_bookmarks([mark], "md", articles={"a-1": SimpleNamespace(**(vars(story) | {"url": ""}))})


def test_short_url_is_one_line_of_the_width() -> None:
    from newsreader.tui.article_view import short_url

    assert short_url(URL, 80) == "example.com/news/2025/03/01/storm-hits-coast"
    cut = short_url(URL + "-" + "x" * 100, 78)
    assert len(cut) == 78 and cut.endswith("…") and cut.startswith("example.com/news/")


def test_the_reader_header_shows_the_address_at_80x24(tmp_path: Path) -> None:
    import asyncio

    from newsreader.config import Config, Paths
    from newsreader.search.library import Library
    from newsreader.store import Store
    from newsreader.tui.app import ReaderApp
    from newsreader.tui.article_view import ArticleView

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"{URL}\n\nStorm hits the coast hard\n\n{TEXT}", encoding="utf-8")
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    library = Library.open(paths, corpus, Config())
    library.update()
    (row,) = library.list_rows(0, 10)
    library.close()

    async def run() -> list[str]:
        app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / "state.sqlite3"), blink=False,
                        watch_marks=False, update_index=False, related_delay=0)
        async with app.run_test(size=(80, 24)) as pilot:
            app.open_article(row.id)
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            view = app.query_one(ArticleView)
            return [text.plain for text, _ in view._lines]

    lines = asyncio.run(run())
    shown = [line for line in lines[:6] if line.startswith("example.com/news/")]  # (the meta line names the host)
    assert len(shown) == 1 and "storm-hits-coast"[:8] in shown[0] and len(shown[0]) < 80


# RV26-D's findings 1-6: the address is the story's only at its head or foot, and `story_url` is the one gate for
# every reader (text, HTML, Markdown, feed) so nothing it lets through breaks where the address goes.


def test_a_labelled_address_between_paragraphs_is_a_citation_kept_as_text(tmp_path: Path) -> None:
    """"The report is online:" / "Link: https://..." in the middle of a story cites another page: it took the
    cited address as the story's and dropped the line; on an HTML page it even hid the canonical link."""
    line = "Link: https://council.example.gov/reports/2024/winter-plan"
    article = only(f"Storm hits the coast hard\n\n{TEXT}\nThe full report is online:\n{line}\n\n{TEXT}")
    assert article.url == "" and line in article.text
    cited = "Source: https://xunta.example.gal/informes/2024/inundacions"
    body = (f"<article><h1>Storm hits the coast</h1><p>{TEXT}</p><p>The regional report is online.</p>"
            f"<p>{cited}</p><p>{TEXT}</p></article>")
    page = tmp_path / "p.html"
    page.write_text(html(f'<link rel="canonical" href="{URL}">', body), encoding="utf-8")
    read = read_page_file(page, 10**6)
    (article,) = with_page_source(parse_page(read.text, "p.html").articles, read)
    assert article.url == URL and cited in article.text


@pytest.mark.parametrize("url", [
    "https://www.reuters.com/", "https://www.reuters.com", "https://www.reuters.com/#top",  # a site's front page
    "https://example.com/news/x>[click](javascript:alert(1))",  # a live link after the Markdown export's <url>
    "https://example.com/news/a<b",  # (browsers percent-encode "<" and ">": no real address has them)
    "https://example.com/news/\u009b[2J", "https://example.com/news/\u202eflood",  # terminal controls, bidi
    pytest.param("https://example.com/news/" + "x" * 2100, id="2125-chars"),  # more than a "URL:" line is read back
])
def test_story_url_refuses_what_would_break_where_the_address_goes(url: str) -> None:
    assert story_url(url, labelled=False) is None and story_url(f"Source: {url}") is None


@pytest.mark.parametrize("url", ["https://example.com/2024/05/share-prices-tumble-on-rate-fears",
                                 "https://example.com/courts/intent-to-sue-filed", "https://example.com/?p=123"])
def test_a_story_slug_that_starts_like_a_share_button_is_a_story_url(url: str) -> None:
    assert story_url(url, labelled=False) == url
    assert only(f"{url}\n\nStorm hits the coast hard\n\n{TEXT}").url == url


def test_no_reader_takes_a_front_page_or_an_address_its_url_line_cannot_hold() -> None:
    """A text copy's foot, Markdown's front matter and a feed item all go through `story_url`: a front page is no
    story's address there either (only the HTML reader refused it), and a converter writes no "URL:" line that
    the parser leaves in the text (a 2,230-character link, a "x>[click](javascript:...)" one)."""
    front = only(f"Storm hits the coast hard\n\n{TEXT}\nSource: https://www.reuters.com/\n")
    assert front.url == "" and "reuters" not in front.text
    for value in ["https://www.reuters.com", '"https://example.com/a/b>[x](javascript:alert(1))"']:
        article = only(markdown_to_text(f"---\ntitle: Storm hits the coast\nsource: {value}\n---\n\n{TEXT}"), "p.md")
        assert article.url == "" and "URL" not in article.text, value
    long = "https://www.example.com/news/2025/storm?x=" + "a" * 2200
    first, _ = parse_page(feed_to_text(FEED.replace(URL, long).encode(), "f.rss").text, "f.rss").articles
    assert first.url == "" and "URL" not in first.text


def test_parse_prints_an_html_pages_facts_escaped(tmp_path: Path, capsys) -> None:
    """`parse` printed an og:site_name's (and a canonical link's) C1 control and bidi override raw: the page's
    text is cleaned by the loader, its markup's facts were not."""
    page = tmp_path / "p.html"
    page.write_text(html(f'<meta property="og:site_name" content="Evil\u009b[2J\u202eNews">'
                         f'<link rel="canonical" href="{URL}">'), encoding="utf-8")
    assert main(["parse", str(page), "--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\u009b" not in out and "\u202e" not in out and "    source:   Evil\\x9b[2J\\u202eNews" in out.splitlines()
