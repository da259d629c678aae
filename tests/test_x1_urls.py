"""Page addresses everywhere (X1): a front page's stories take their headline's link as their `url` (made
absolute against the page's `<base>`, canonical link or og:url; refused as every reader's address is: a
site's front page, javascript:, a share button, too long, unprintable), a link around a headline keeps the
headline, an address line under a header whose headline is a sentence is no title, and the JSON and YAML
bookmark exports carry the url as the Markdown and CSV ones do (import reads them back and leaves it)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsreader.cli import main
from newsreader.corpus.feed import feed_to_text
from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.loader import PageText, with_page_source
from newsreader.corpus.model import Article
from newsreader.corpus.parser import MAX_URL, parse_page
from newsreader.store.db import Bookmark
from newsreader.store.export import export_bookmarks, parse_export

TEXT = ("Winds of 150 km/h hit the coast on Monday, cutting power to thousands of homes, officials said. "
        "Crews worked through the night to clear the roads, and schools stayed shut on Tuesday.")
SITE = "https://news.example.org"


def stories(head: str, body: str) -> list[Article]:
    """The stories of a page as the corpus reads it (the page's own address applied as the loader does)."""
    text, facts = html_to_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    return with_page_source(parse_page(text, "front.html").articles,
                            PageText(text, [], "", "utf-8", "html", facts.source, facts.url))


def front(*headings: str, head: str = "") -> list[Article]:
    """A front page: one <article> a heading (with its link as given), each with its date and text."""
    body = "".join(f"<article>{h}<time datetime='2025-03-0{n}'>March {n}</time><p>{TEXT}</p></article>"
                   for n, h in enumerate(headings, 1))
    return stories(head, "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>" + body)


def test_each_story_of_a_front_page_takes_its_headline_link_against_the_canonical_address() -> None:
    one, two = front("<h2><a href='/2025/03/01/storm-hits-coast'>Storm hits the coast</a></h2>",
                     "<h2><a href='roads-reopen?src=home'>Roads reopen after the storm</a></h2>",
                     head=f"<link rel='canonical' href='{SITE}/world/'>")
    assert (one.title, one.url) == ("Storm hits the coast", f"{SITE}/2025/03/01/storm-hits-coast")
    assert (two.title, two.url) == ("Roads reopen after the storm", f"{SITE}/world/roads-reopen?src=home")
    assert "URL" not in one.text + two.text and "example" not in one.text


def test_a_link_around_the_headline_keeps_the_headline_and_is_its_url_against_the_base() -> None:
    """`<a href><h2>...</h2></a>` (a card): the headline's line was taken for an in-page link and dropped,
    and the stories merged into one."""
    head = f"<base href='/stories/'><meta property='og:url' content='{SITE}/world/index.html'>"
    one, two = front("<a href='storm.html'><h2>Storm hits the coast</h2></a>",
                     "<a class='card' href='roads.html'><div><h3>Roads reopen after the storm</h3></div></a>", head=head)
    assert (one.title, one.url) == ("Storm hits the coast", f"{SITE}/stories/storm.html")
    assert (two.title, two.url) == ("Roads reopen after the storm", f"{SITE}/stories/roads.html")
    absolute = front("<a href='https://other.example.com/a/storm'><h2>Storm hits the coast</h2></a>",
                     "<a href='#main'><h2>Roads reopen after the storm</h2></a>")  # (a skip link: no address)
    assert [(a.title, a.url) for a in absolute] == [("Storm hits the coast", "https://other.example.com/a/storm"),
                                                    ("Roads reopen after the storm", "")]


@pytest.mark.parametrize("href", [
    "javascript:void(0)", "#", "#comments", "/", "https://www.facebook.com/sharer/sharer.php?u=https://x.org/a",
    f"{SITE}/world/", "https://x.org/" + "a" * MAX_URL, "https://x.org/a\u202eb", "/images/storm.jpg", "  ",
    "http://[broken/a",
], ids=["javascript", "hash", "in-page", "home", "share", "the-page-itself", "too-long", "bidi", "picture", "blank",
        "broken"])
def test_a_headline_link_that_is_no_story_address_gives_none(href: str) -> None:
    """The one gate every reader's address passes (`story_url`), and the page's own address and in-page links."""
    one, two = front(f"<h2><a href='{href}'>Storm hits the coast</a></h2>",
                     "<h2><a href='/2025/03/02/roads-reopen'>Roads reopen after the storm</a></h2>",
                     head=f"<link rel='canonical' href='{SITE}/world/'>")
    assert (one.title, one.url) == ("Storm hits the coast", "")
    assert two.url == f"{SITE}/2025/03/02/roads-reopen"


def test_a_relative_link_on_a_page_that_states_no_address_and_a_small_link_in_a_headline_give_none() -> None:
    relative = front("<h2><a href='/2025/03/01/storm'>Storm hits the coast</a></h2>",
                     "<h2><a href='/2025/03/02/roads'>Roads reopen after the storm</a></h2>")
    assert [a.url for a in relative] == ["", ""] and len(relative) == 2
    # A link over a few of the headline's words is not the headline's: a comment count, a section.
    partial = front("<h2>Storm hits the coast hard on Monday <a href='/storm#comments'>(3)</a></h2>",
                    "<h2><a href='/world'>World</a>: roads reopen after the storm</h2>",
                    head=f"<link rel='canonical' href='{SITE}/'>")
    assert [a.url for a in partial] == ["", ""]
    # Two links: the one over most of the words (the section's first).
    two = front("<h2><a href='/world'>World</a> <a href='/2025/03/01/storm'>Storm hits the coast hard</a></h2>",
                "<h2>Roads reopen after the storm</h2>", head=f"<link rel='canonical' href='{SITE}/'>")
    assert [a.url for a in two] == [f"{SITE}/2025/03/01/storm", ""]


def test_an_address_every_headline_links_to_is_no_story_s() -> None:
    """A paywall's "/subscribe" over each headline names no one story; a third story's own link still counts."""
    one, two, three = front("<h2><a href='/subscribe'>Storm hits the coast</a></h2>",
                            "<h2><a href='/subscribe'>Roads reopen after the storm</a></h2>",
                            "<h2><a href='/2025/03/03/schools'>Schools reopen after the storm</a></h2>",
                            head=f"<link rel='canonical' href='{SITE}/'>")
    assert [one.url, two.url, three.url] == ["", "", f"{SITE}/2025/03/03/schools"]


def test_a_one_story_page_keeps_its_canonical_address_and_takes_the_headline_link_without_one() -> None:
    article = f"<article><h1><a href='{SITE}/2025/03/01/storm' rel='bookmark'>Storm hits the coast</a></h1><p>{TEXT}</p></article>"
    (own,) = stories(f"<link rel='canonical' href='{SITE}/2025/03/01/storm-canonical'>", article)
    assert own.url == f"{SITE}/2025/03/01/storm-canonical"
    (linked,) = stories("<title>Storm</title>", article)
    assert (linked.title, linked.url) == ("Storm hits the coast", f"{SITE}/2025/03/01/storm")
    (logo,) = stories("", f"<h1><a href='{SITE}/'>News</a></h1><h2>Storm hits the coast</h2><p>{TEXT}</p>")
    assert logo.url == ""  # (the site's name over its front page: no story's address)


def test_an_address_under_a_sentence_shaped_header_is_no_title() -> None:
    """The header's headline read as a sentence: the title was the first title-shaped line after it, and
    "URL: https://..." is one (a feed item or a front page story whose headline ends with a full stop)."""
    headline = "Talking to People magazine, her agent confirms the actress has checked into a clinic."
    text = f"date 2025-03-01 {headline}\n\nURL: {SITE}/2025/03/01/clinic\n\n{TEXT}\n"
    (article,) = parse_page(text, "p.txt").articles
    assert article.url == f"{SITE}/2025/03/01/clinic" and not article.title.startswith("URL")
    feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>{headline}</title>"
            f"<link>{SITE}/2025/03/01/clinic</link><description>{TEXT}</description></item></channel></rss>")
    (item,) = parse_page(feed_to_text(feed.encode(), "f.rss").text, "f.rss").articles
    assert item.url == f"{SITE}/2025/03/01/clinic" and not item.title.startswith("URL")


# --- the JSON and YAML bookmark exports ---------------------------------------------------------

def _bookmarks() -> list[Bookmark]:
    made = dt.datetime(2025, 3, 1, 12, tzinfo=dt.timezone.utc)
    return [Bookmark(f"a-{n}", f"Story {n}", date=dt.date(2025, 3, n), created_at=made, updated_at=made)
            for n in (1, 2, 3)]


@pytest.mark.parametrize("fmt, load", [("json", json.loads), ("yaml", yaml.safe_load)])
def test_json_and_yaml_exports_carry_the_url_and_import_reads_them_back(fmt: str, load) -> None:
    url = f"{SITE}/2025/03/01/storm?a=1&b=<2>"
    text = export_bookmarks(_bookmarks(), fmt, urls={"a-1": url, "a-2": ""})
    records = load(text)["bookmarks"]
    assert [r["url"] for r in records] == [url, "", None]  # stated, not stated, not in the corpus
    assert list(records[0])[:5] == ["id", "title", "source", "date", "url"]
    assert [b.article_id for b in parse_export(text, f"x.{fmt}")] == ["a-1", "a-2", "a-3"]
    # From the articles when no addresses are given (the Markdown and CSV exports' way).
    story = Article(id="a-1", title="Story 1", file="a.txt", body=["Text."], url=url)
    assert [r["url"] for r in load(export_bookmarks(_bookmarks()[:2], fmt, articles={"a-1": story}))["bookmarks"]] \
        == [url, None]


def test_import_leaves_an_odd_url_without_error() -> None:
    for value in (12, None, ["x"], "javascript:alert(1)"):
        document = {"format": "newsreader-bookmarks", "version": 1,
                    "bookmarks": [{"id": "a-1", "title": "Story", "url": value}]}
        (bookmark,) = parse_export(json.dumps(document), "x.json")
        assert bookmark.article_id == "a-1" and "url" not in bookmark.to_dict()


def test_bookmarks_export_json_carries_the_url_from_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys) -> None:
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "storm.txt").write_text(f"Source: {SITE}/2025/03/01/storm\n\nStorm hits the coast\n\n{TEXT}\n",
                                      encoding="utf-8")
    (corpus / "roads.txt").write_text(f"Roads reopen after the storm\n\n{TEXT}\n", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    ids = {a["title"]: a["id"] for a in json.loads(_out(capsys, "articles", "--corpus", str(corpus), "--json"))}
    for article_id in ids.values():
        assert main(["bookmarks", "add", article_id, "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    for fmt, load in (("json", json.loads), ("yaml", yaml.safe_load)):
        records = load(_out(capsys, "bookmarks", "export", "--corpus", str(corpus), "--format", fmt, "-o", "-"))
        urls = {r["id"]: r["url"] for r in records["bookmarks"]}
        assert urls == {ids["Storm hits the coast"]: f"{SITE}/2025/03/01/storm", ids["Roads reopen after the storm"]: ""}
    # `bookmarks list --json` gives each bookmark in the export's shape, its url included (lead, after X1's report)
    listed = json.loads(_out(capsys, "bookmarks", "list", "--corpus", str(corpus), "--json"))
    assert {r["id"]: r["url"] for r in listed} == urls and list(listed[0])[:5] == ["id", "title", "source", "date", "url"]
    target = tmp_path / "out.json"
    assert main(["bookmarks", "export", "--format", "json", "-o", str(target)]) == 0
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "other"))
    capsys.readouterr()
    assert main(["bookmarks", "import", str(target)]) == 0
    assert capsys.readouterr().out.strip() == f"imported {target}: 2 new, 0 merged, 0 already there"


def _out(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


# --- the reader's bookmarks screen ----------------------------------------------------------------

@pytest.fixture
def url_corpus(tmp_path: Path) -> tuple[Path, Any]:
    """Two stories indexed: one whose page states its address, one whose page states none."""
    from newsreader.config import Config, Paths
    from newsreader.search.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "storm.txt").write_text(f"Source: {SITE}/2025/03/01/storm\n\nStorm hits the coast\n\n{TEXT}\n",
                                      encoding="utf-8")
    (corpus / "roads.txt").write_text(f"Roads reopen after the storm\n\n{TEXT}\n", encoding="utf-8")
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "cache")
    library = Library.open(paths, corpus, Config())
    library.update()
    library.close()
    return corpus, paths


def test_the_bookmarks_screen_shows_the_story_link_and_says_enter_opens(url_corpus, tmp_path: Path) -> None:
    """The detail under the list names the story's web address (as the article's header does); the footer says
    Enter opens (it listed every key of the screen but that one); Enter on the tag list still shows the tag's."""
    import asyncio

    from textual.widgets import Static

    from newsreader.config import Config
    from newsreader.store import Store
    from newsreader.tui.app import ReaderApp
    from newsreader.tui.bookmarks import BookmarksScreen

    corpus, paths = url_corpus

    async def run(config: Config, key: str) -> None:
        app = ReaderApp(paths, config, corpus, store=Store.open(tmp_path / f"state-{key}.sqlite3"), blink=False,
                        watch_marks=False, update_index=False, related_delay=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("b", "j", "b", "B")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BookmarksScreen)
            shown = {b.title: b.article_id for b in screen.bookmarks.values()}
            details = {}
            for _ in shown:
                details[screen._current().title] = str(screen.query_one("#bookmark-detail", Static).render())
                await pilot.press("j")
                await pilot.pause()
            assert details["Storm hits the coast"].startswith("Link: news.example.org/2025/03/01/storm\nNote:")
            assert details["Roads reopen after the storm"].startswith("Note:")
            opens = screen.active_bindings[key]
            assert (opens.binding.description, opens.binding.show) == ("Open", True)
            await pilot.press("t", key)  # (the tag list: "All" again, and back to the bookmarks)
            await pilot.pause()
            assert app.screen is screen and screen.focused.id == "bookmark-list"
            wanted = screen._current().article_id
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, BookmarksScreen)
            assert app.article_view.stored.article.id == wanted

    asyncio.run(run(Config(), "enter"))
    asyncio.run(run(Config(keymap={"bookmarks.open": "o"}), "o"))  # (moved by the keymap: its key opens)


def test_the_palette_exports_the_bookmarks_as_markdown(url_corpus, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """"Export bookmarks" (Ctrl+P): the Markdown export, with each story's address and first paragraph, to the
    first free bookmarks-DATE.md of the folder the reader started in; said in a notice. With no bookmark, a
    notice says so and no file is written. (The palette answered "export" with "No matches found".)"""
    import asyncio

    from newsreader.config import Config
    from newsreader.store import Store
    from newsreader.store.export import default_filename
    from newsreader.tui.app import ReaderApp
    from tests.test_tui import type_text

    corpus, paths = url_corpus
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)

    async def run(bookmark: bool) -> list[str]:
        app = ReaderApp(paths, Config(), corpus, store=Store.open(tmp_path / f"state-{bookmark}.sqlite3"),
                        blink=False, watch_marks=False, update_index=False, related_delay=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            if bookmark:
                await pilot.press("b", "j", "b")
            await pilot.press("ctrl+p")
            await pilot.pause()
            await type_text(pilot, "export bookmarks")
            await pilot.pause(0.5)
            await pilot.press("enter")
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            return [str(n.message) for n in app._notifications]

    said = asyncio.run(run(bookmark=False))
    assert "no bookmarks to export yet: press b on an article" in said and not list(here.iterdir())
    said = asyncio.run(run(bookmark=True))
    (written,) = here.iterdir()
    assert written.name == default_filename("md")
    assert f"exported 2 bookmarks to {written}" in said
    text = written.read_text(encoding="utf-8")
    assert f"- Link: <{SITE}/2025/03/01/storm>" in text and "## Roads reopen after the storm" in text
    assert "> Winds of 150 km/h" in text


@pytest.mark.parametrize("error", [KeyError("url"), TypeError("not a dict"), AttributeError("no get"),
                                   ValueError("bad JSON"), OSError("gone")])
def test_the_bookmarks_link_line_survives_a_damaged_stored_story(error: Exception) -> None:
    """RV29-B: the Link line caught fewer errors than a damaged record raises (UNREADABLE_STORY):
    a record of the wrong shape (KeyError, TypeError, AttributeError) ended the reader."""
    from types import SimpleNamespace

    from newsreader.search.library import UNREADABLE_STORY, UnreadableStory
    from newsreader.tui.bookmarks import BookmarksScreen

    class DamagedLibrary:
        def get(self, article_id: str):
            try:
                raise error
            except UNREADABLE_STORY as exc:  # (as Library.get says a damaged record's error since RV30-M #9)
                raise UnreadableStory(article_id) from exc

    stand_in = SimpleNamespace(app=SimpleNamespace(library=DamagedLibrary()))
    assert BookmarksScreen._story_url(stand_in, "some-story") == ""
