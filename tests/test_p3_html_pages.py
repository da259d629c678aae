"""Web pages saved from a browser (.html/.htm, or markup saved with a .txt ending) are read as
the page parser's plain-text layout: before, the markup itself was the article (tags,
`<script>`, the cookie banner and the menu in its title and body), silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.config import Config
from newsreader.corpus.html_page import declared_charset, html_to_text, looks_like_html
from newsreader.corpus.loader import load_corpus, read_page_file

HEAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Courier</title>
<meta property="article:published_time" content="{iso}">{extra}
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script>
<style>body{{font-family:sans-serif}}</style></head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></nav>
<header class="site"><a href="/">The Daily Courier</a></header>
"""
FOOT = """<aside class="related"><h3>Related Articles</h3><ul><li><a href="/a">Markets slide as oil jumps</a></li></ul></aside>
<footer>© 2025 The Daily Courier. All rights reserved.</footer>
<script src="x.js"></script><script>var x = "<p>not text</p>";</script></body></html>"""

STORY = """<article><h1>Eurozone agrees new tranche for Greece</h1>
<p class="byline">By Maria Papadopoulou</p>
<p><strong>BRUSSELS</strong> — Finance ministers from the eurozone agreed on Monday to release a further
8.5 billion euros in loans to Greece after weeks of talks.</p>
<p>Greek Prime Minister Alexis Tsipras welcomed the decision but warned that pensioners could not bear cuts.</p>
<div class="share-bar">Share on Facebook Share on Twitter Copy link</div></article>
"""


def page(story: str = STORY, iso: str = "2025-03-10T23:30:00-05:00", extra: str = "") -> str:
    return HEAD.format(title="Greece", iso=iso, extra=extra) + story + FOOT


def articles_of(tmp_path: Path, name: str, data: bytes | str) -> list[dict]:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    path = corpus / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    config = Config(extensions=[".txt", ".html", ".htm"])
    return [a.to_dict() for a in load_corpus(corpus, config, warn=lambda m: None).articles]


def test_a_saved_page_is_its_story_not_its_markup(tmp_path: Path) -> None:
    """Title from <h1>, date from article:published_time (its own day: 23:30 at UTC-5 is the
    10th, not UTC's 11th), byline and dateline from the text; no script, style, cookie banner,
    menu, site header, share bar, related block or footer in the article."""
    (article,) = articles_of(tmp_path, "greece.html", page())
    assert article["title"] == "Eurozone agrees new tranche for Greece"
    assert article["date"] == "2025-03-10" and article["date_source"] == "page header"
    assert article["byline"] == "Maria Papadopoulou" and article["dateline"] == "BRUSSELS"
    body = article["body"]
    assert body.startswith("Finance ministers from the eurozone agreed on Monday") and "Tsipras" in body
    for junk in ("<", "dataLayer", "font-family", "cookies", "Sign in", "Share on", "Markets slide", "©",
                 "not text", "The Daily Courier"):
        assert junk not in json.dumps({**article, "source": None}, ensure_ascii=False), junk


def test_markup_saved_with_a_txt_ending_is_read_as_a_page(tmp_path: Path) -> None:
    (article,) = articles_of(tmp_path, "greece.txt", page())
    assert article["title"] == "Eurozone agrees new tranche for Greece" and "<" not in article["body"]


def test_a_text_page_that_mentions_tags_is_still_text() -> None:
    """Only text that opens as a document is markup: a story about HTML is not."""
    assert not looks_like_html("Why <html> tags matter\n\nA story about the web's markup, told in plain text.\n")
    assert looks_like_html("\n<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><p>x")


def test_a_front_page_of_several_articles_gives_one_story_each(tmp_path: Path) -> None:
    """Each <article> is a story with its own <time> date; one without a stated date is
    undated, not the page's date and not swallowed into the story before it."""
    second = """<article><h2>Strong quake hits northern Japan</h2><p><time datetime="2025-03-11T02:00:00+09:00">
    March 11, 2025</time></p><p>A magnitude 6.4 earthquake struck off the coast of northern Japan early on Tuesday,
    the agency said.</p></article>"""
    third = """<article><h2>Two arrested after nightclub stabbing</h2><p>Police in Manchester have arrested
    two men after a stabbing outside a nightclub on Saturday night.</p></article>"""
    found = articles_of(tmp_path, "front.html", page(STORY + second + third))
    assert [(a["title"], a["date"]) for a in found] == [
        ("Eurozone agrees new tranche for Greece", "2025-03-10"),
        ("Strong quake hits northern Japan", "2025-03-11"),
        ("Two arrested after nightclub stabbing", None)]
    assert "March 11" not in found[1]["body"] and "Tsipras" not in found[1]["body"] + found[2]["body"]


def test_meta_author_and_site_name_fill_what_the_text_lacks(tmp_path: Path) -> None:
    story = """<article><h1>Storm leaves homes without power</h1><p>Storm Eowyn brought record winds to
    Ireland on Friday, the weather service said.</p></article>"""
    extra = '<meta name="author" content="Ciara ONeill"><meta property="og:site_name" content="Irish Wire">'
    text, facts = html_to_text(page(story, extra=extra))
    assert facts.source == "Irish Wire" and facts.author == "Ciara ONeill"
    (article,) = articles_of(tmp_path, "storm.html", page(story, extra=extra))
    assert article["byline"] == "Ciara ONeill"
    # A byline the text has already is not written twice.
    (again,) = articles_of(tmp_path / "b", "p.html", page(STORY, extra='<meta name="author" content="Maria Papadopoulou">')) \
        if (tmp_path / "b").mkdir() is None else ()
    assert again["byline"] == "Maria Papadopoulou" and "By Maria" not in again["body"]


def test_json_ld_states_date_and_author_when_meta_does_not() -> None:
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": '
          '"2024-12-05T18:00:00Z", "author": [{"name": "Jane Doe"}, {"name": "John Roe"}], '
          '"publisher": {"name": "Global Wire"}}]}</script>')
    markup = page(iso="").replace("<style>", ld + "<style>")
    text, facts = html_to_text(markup)
    assert text.startswith("date 2024-12-05 Eurozone agrees")
    assert (facts.author, facts.source) == ("Jane Doe and John Roe", "Global Wire")


def test_the_declared_charset_is_used(tmp_path: Path) -> None:
    """A page saved in windows-1251 that says so is read as such: read as UTF-8, else
    Windows-1252, its Cyrillic was mojibake and a warning."""
    markup = page("<article><h1>Путин провёл переговоры с Моди</h1><p>Стороны обсудили торговлю и "
                  "энергетику, сообщил Кремль в четверг вечером.</p></article>")
    data = markup.replace('charset="utf-8"', 'charset="windows-1251"').encode("cp1251")
    assert declared_charset(data) == "cp1251"
    path = tmp_path / "ru.html"
    path.write_bytes(data)
    read = read_page_file(path, 1 << 20)
    assert read.encoding == "cp1251" and not read.warnings and "Путин провёл" in read.text
    latin = page().replace('charset="utf-8"', 'charset="iso-8859-1"').replace("euros", "€ España").encode("cp1252")
    path.write_bytes(latin)
    read = read_page_file(path, 1 << 20)
    assert "€ España" in read.text and not read.warnings


@pytest.mark.parametrize("markup", [
    "<html><body><p>Unclosed <b>bold <i>italic</p></div></span><p>Second paragraph here",
    "<!DOCTYPE html><html><body><article><h1>Title<p>text without closing tags",
    "<html><body>a < b and c > d &bogus; &#99999999; &#xZZ; <!-- never closed",
    "<html><body><script>document.write('<p>')",
    "<html><" + "div>" * 3000 + "deep text" + "</div>" * 10,
    "<html><body><![CDATA[ x ]]><?php echo 1; ?><p>after</p>",
    "<html>\x00\x01<body>\ud800<p>odd characters</p>",
    "<html><head><script type='application/ld+json'>{not json</script></head><body><p>text</p>",
    "<html><head><script type='application/ld+json'>[[[[[[[[[[[[{\"author\": {\"name\": {}}}]]]]]]]]]]]]</script>",
    "",
])
def test_broken_markup_never_raises(markup: str) -> None:
    text, facts = html_to_text(markup)
    assert isinstance(text, str) and "<" not in text.replace("a < b", "")


def test_parse_explain_shows_the_page_text(capsys, tmp_path: Path) -> None:
    """`parse --explain` of a saved page shows the lines the parser read, each with its fate."""
    path = tmp_path / "greece.html"
    path.write_text(page(), encoding="utf-8")
    assert main(["parse", "--explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "header+title" in out and "date 2025-03-10 Eurozone agrees new tranche for Greece" in out
    assert "byline" in out and "<" not in out.split("\n", 2)[2]


def test_a_page_of_furniture_only_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><head><script>x()</script></head><body><nav>Home | World</nav></body></html>")
    from newsreader.errors import UserError

    with pytest.raises(UserError, match="web page with no text"):
        read_page_file(path, 1 << 20)


def test_a_page_without_article_elements_drops_furniture_by_its_names(tmp_path: Path) -> None:
    """Most saved pages have no <article>: the cookie dialog, the share strip and the
    newsletter box are told by their class, id or role, as their words are nothing the
    parser's cue lists hold."""
    markup = """<!DOCTYPE html><html><head><title>Storm | Wire</title></head><body>
    <div id="onetrust-consent-sdk"><p>Your privacy choices matter to us and our partners.</p></div>
    <div class="page"><h1>Storm leaves homes without power</h1>
    <ul class="social-links"><li>Post to Bluesky now</li></ul>
    <p>Storm Eowyn brought record winds to Ireland on Friday, the weather service said.</p>
    <div role="dialog"><p>Get our morning briefing in your inbox every day.</p></div>
    <p>About 700,000 homes and businesses lost power, the network operator said.</p></div></body></html>"""
    (article,) = articles_of(tmp_path, "storm.html", markup)
    assert article["title"] == "Storm leaves homes without power"
    assert article["body"].split("\n\n") == [
        "Storm Eowyn brought record winds to Ireland on Friday, the weather service said.",
        "About 700,000 homes and businesses lost power, the network operator said."]


def test_a_page_saved_in_utf16_is_read_as_markup(tmp_path: Path) -> None:
    (article,) = articles_of(tmp_path, "greece.txt", page().encode("utf-16"))
    assert article["title"] == "Eurozone agrees new tranche for Greece" and "<" not in article["body"]


def test_the_site_is_the_source_of_the_stories(tmp_path: Path) -> None:
    """og:site_name, else the name after the bar in the page's <title>, is what `with_page_source`
    gives the stories that have none (the index, `articles` and `parse` call it)."""
    from newsreader.corpus.loader import with_page_source
    from newsreader.corpus.parser import parse_page

    path = tmp_path / "p.html"
    path.write_text(page(extra='<meta property="og:site_name" content="Courier Online">'))
    read = read_page_file(path, 1 << 20)
    (article,) = with_page_source(parse_page(read.text, "p.html").articles, read)
    assert article.source == "Courier Online"
    path.write_text(page())
    read = read_page_file(path, 1 << 20)
    assert [a.source for a in with_page_source(parse_page(read.text, "p.html").articles, read)] == ["The Daily Courier"]
    _, facts = html_to_text(page().replace("Greece | The Daily Courier", "Markets fall - what it means for you"))
    assert facts.source is None


def test_a_blog_page_without_article_elements() -> None:
    """What stands above the <h1> of a page with no <article> (a date bar, "Subscribe") is the
    site's: the parser took it for the title, the headline for a heading with no story. The
    sidebar's widgets and the comments are set aside."""
    markup = """<html><head><title>City council approves new cycle lanes &#8211; Riverside Gazette</title>
    <meta name="author" content="Tom Hughes"></head><body>
    <div class="top-bar"><span>Tuesday, November 5, 2024</span><a href="/subscribe">Subscribe</a></div>
    <h1 class="entry-title">City council approves new cycle lanes</h1>
    <div class="entry-content"><p>Riverside City Council voted 7-2 on Monday night to approve a network of
    protected cycle lanes along the river.</p></div>
    <div id="comments"><p>About time! Great news for the city and everyone who lives here.</p></div>
    <div id="secondary" class="widget-area"><h2>Recent Posts</h2><p>Library to extend opening hours</p></div>
    </body></html>"""
    text, _ = html_to_text(markup)
    assert text.split("\n\n") == ["City council approves new cycle lanes", "By Tom Hughes",
                                  "Riverside City Council voted 7-2 on Monday night to approve a network of protected "
                                  "cycle lanes along the river.\n"]


def test_inline_elements_side_by_side_are_words_apart() -> None:
    """`<span>Faisal Islam</span><span>Economics editor</span>` read "Faisal IslamEconomics
    editor"; a word in two elements (`<b>W</b>ord`) stays one word. A byline block that opens
    with the author the markup names is that byline; captions (<figure>) are set aside."""
    markup = """<html><head><meta name="author" content="Faisal Islam"></head><body><article>
    <h1>Reeves cuts welfare spending</h1><div><span>Faisal Islam</span><span>Economics editor</span></div>
    <figure><img src="r.jpg"><figcaption>Rachel Reeves in the Commons on Wednesday</figcaption></figure>
    <p><b>W</b>elfare spending is cut by 5bn, the <i>chancellor</i>said on<span>Wednesday</span>.</p>
    <p>Growth forecast halved to 1%<a>Read more</a></p></article></body></html>"""
    text, _ = html_to_text(markup)
    assert text.split("\n\n") == ["Reeves cuts welfare spending", "By Faisal Islam",
                                  "Welfare spending is cut by 5bn, the chancellorsaid on Wednesday.",
                                  "Growth forecast halved to 1% Read more\n"]


def test_the_line_of_the_time_that_dates_the_story_is_the_header_line(tmp_path: Path) -> None:
    """"Posted on <time datetime=...>November 5, 2024</time>" under the meta author's byline:
    the parser took the byline for the title of a story of its own, the headline for a heading
    with no story. The date line holds nothing the header line does not: it goes; a line that
    names the author too ("By Jane Doe | ...") stays."""
    markup = """<html><head><meta name="author" content="Tom Hughes"></head><body>
    <h1>City council approves new cycle lanes</h1>
    <div class="entry-meta"><span>Posted on <time datetime="2024-11-05T18:22:04+00:00">November 5, 2024</time></span></div>
    <p>Riverside City Council voted 7-2 on Monday night to approve a network of protected cycle lanes.</p>
    </body></html>"""
    text, _ = html_to_text(markup)
    assert text.rstrip().split("\n\n")[:3] == ["date 2024-11-05 City council approves new cycle lanes", "By Tom Hughes",
                                       "Riverside City Council voted 7-2 on Monday night to approve a network of "
                                       "protected cycle lanes."]
    (article,) = articles_of(tmp_path, "blog.html", markup)
    assert (article["title"], article["byline"], article["date"]) == (
        "City council approves new cycle lanes", "Tom Hughes", "2024-11-05")
    for line in ("By Jane Doe | Posted on November 5, 2024", "Words: Tom Hughes, November 5, 2024"):
        text, _ = html_to_text(markup.replace("<span>Posted on", f"<span>{line.split(' November')[0]}"))
        assert line in text, text
