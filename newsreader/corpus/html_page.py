"""A web page saved from a browser (.html, .htm) as the plain-text layout the page parser reads.

What a browser saves is markup: scripts, styles, a cookie banner, the site's menus, share
buttons, then the story. Read as text, all of it became the article (tags and `<script>`
included, silently). Here the page becomes what `parse_page` reads from a page saved as
text, one block a line with a blank line between:

    date 2025-03-14 Fed raises interest rates by half a point    (the story's date, when stated)
    By Jane Doe                                                   (meta author, when the text has none)
    WASHINGTON (Reuters) - The Federal Reserve raised ...
    ...

so every rule of the parser applies to it and `parse --explain` still shows what became of
each line. What is dropped here, before the parser sees it: `<script>`, `<style>`, `<head>`,
`<nav>`, the site's `<header>`/`<footer>` (an article's own `<header>` holds its headline and
is kept), `<aside>`, `<form>`, buttons, hidden elements, and elements whose class, id or role
names furniture (cookie/consent banners, share bars, menus, newsletters, comments, footers). If
that leaves no text (a site that names its story wrapper "nav-content"), the page is read again
with the names ignored. Furniture no name gives away is told by its shape: a group of links and
at most a label over them (a share bar, "Related topics", "Read Next"), a link to a place on
the page alone on its line ("Skip advertisement"), a label and one link ("Read more: <a>..."),
a toolbar of buttons and a count, a box that ends asking for support ("Donate"), an article's
section label over its headline, and the author's bio at the story's end. A photo's caption
(a `<figcaption>`, or an element whose class names a caption) with its credit becomes the line
a page saved as text has ("Caption. Photo: Credit"), which the parser keeps as a caption.

The date comes from the markup where the page states it for machines (`<meta
property="article:published_time">`, `<time datetime>`, `itemprop="datePublished"`, JSON-LD
`datePublished`), as written (the calendar day of its own time zone, not UTC's; for a stamp
in UTC, the day the page's own words state when the time zone is all that differs), else
from the page's address (`/2024/01/22/` in its canonical link or `og:url`); the byline
from `<meta name="author">` and JSON-LD when the text has none; the site's name
(`og:site_name`) is kept as the page's source. A page of several `<article>` elements (a
front page) gives one story each, each with its own date when its `<time>` states one (else the page's
one date, when it states one for them all: `_page_day`), and its
own web address when its headline is a link (`<a href>` around the heading or inside it over
most of its words), made absolute against the page's `<base>`, else its canonical link or
`og:url`: the line `URL: https://...` under its header line, which the parser reads as the
story's address (`parser.story_url` refuses a site's front page, `javascript:`, a share button).
A front page without `<article>` elements is cut at its headlines that link to its own site's
stories, each over a teaser, when nothing of a story of its own stands beside them (`_front_page`).
A page of one story has that address only when its markup states none of its own.

The standard library's `html.parser` reads the markup: it never raises on broken markup (an
unclosed tag, a stray `</div>`, `<` in text), adds no dependency, and reads a 100 KB page in a
few milliseconds (bench: report P3).
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

#: Elements whose content is never story text. (`<footer>`: an article's holds tags and share
#: links; the site's its links and copyright.)
_SKIP_ALWAYS = frozenset(
    "script style noscript template svg math head nav form button select option textarea iframe object embed figure "
    "canvas audio video dialog aside label footer".split())
#: Site furniture unless inside an `<article>` (whose own `<header>` holds its headline).
_SKIP_OUTSIDE_ARTICLE = frozenset({"header"})
#: Elements that end a line of text (a paragraph, a heading, an item, a cell row).
_BLOCKS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figure figcaption table tr "
    "thead tbody tfoot pre address hr br header footer body html center details summary caption".split())
#: Marks where an inline element began or ended: "<span>Faisal Islam</span><span>Economics
#: editor</span>" read "Faisal IslamEconomics editor", "2024<a>Subscribe</a>" "2024Subscribe".
#: A seam between a letter, digit or the end of a clause and a capital is a space; any other is
#: nothing ("<b>W</b>ord", "(<i>Reuters</i>)").
_SEAM = "\x01"
_SEAM_RE = re.compile("(?<=[\\w%.,;:!?])\x01+(?=\\w)")


def _seam(match: re.Match[str]) -> str:
    after = match.string[match.end()]
    return " " if after.isupper() or (after.isdigit() and not match.string[match.start() - 1].isdigit()) else ""


#: What a line of a page is, for telling furniture from the story (`_Reader._line_kind`).
_TEXT, _LABEL, _LINK_LINE, _DROPPED = "text", "label", "links", "dropped"
#: The most words of a label over a group of links ("Related topics", "More on this story").
LABEL_WORDS = 5
#: The most words of the label before a link to another story ("Read more:", "Lire aussi :").
CROSS_LINK_LABEL_WORDS = 4
#: The most words of each line of a toolbar beside its buttons (a count "1.2k", "Share").
TOOLBAR_WORDS = 2
#: The most words of a box that ends in an appeal link ("… we have a small favour to ask … Support us").
APPEAL_WORDS = 150
#: What such a box's last link says.
_APPEALS = frozenset((
    "support us", "support", "donate", "donate now", "donate today", "make a donation", "give now", "give today",
    "contribute", "make a contribution", "become a member", "become a supporter", "join now", "join today",
    "join us", "subscribe", "subscribe now", "subscribe today", "sign up", "sign up now"))
#: Elements that group blocks: what they hold is judged as a whole when they close (`_close_group`).
_GROUPS = frozenset({"div", "section", "ul", "ol"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: The headings of a box of a story's key points (page_cues' furniture lines of the same words): the items of a list
#: right under one are marked as bullets ("• Tesla is recalling ..."), which the parser reads as the story's summary
#: in its head, and as a list's items in its text. Unmarked, they were body text in the head too: a list's items
#: cannot be told from the next sub-headline once the markup is gone (P8; Q8's h10).
KEY_POINTS_HEADINGS = frozenset(("key points", "key takeaways"))
#: The mark put before each of those items: one the parser's `BULLET_RE` takes.
KEY_POINT_MARK = "• "
_LIST_TAGS = frozenset(("li", "ul", "ol"))
_ALNUM_RE = re.compile(r"[^\W_]")
#: A table's cells: a row is one line, its cells apart ("<td>13,027</td><td>39.1</td>" read
#: "13,02739.1" on a minified page, where no blank stands between the tags).
_CELLS = frozenset({"td", "th"})
#: A caption's credit written at its end ("... since 1912. Credit...Jenn Ackerman", "Photo: AP").
_CREDIT_TAIL_RE = re.compile(r"(?:^|(?<=[\s.!?)]))(?:credit|photo|photograph|picture|image|foto)s?\s*(?::|\.\.\.|…)\s*(\S.*)$",
                             re.IGNORECASE)
#: The most words of a <figure>'s words beside its caption that are taken for its credit.
CREDIT_WORDS = 5


def _photo_part(names: str) -> str | None:
    """"caption" or "credit" when a class names a photo's caption or credit ("wp-caption-text",
    "InlineImage-imageEmbedCaption", "photo-credit"), else None."""
    names = names.lower()
    if "caption" not in names and "credit" not in names:
        return None
    words = _NAME_WORD_RE.findall(names)
    if any(word.endswith("credit") for word in words):
        return "credit"
    return "caption" if any(word.endswith("caption") for word in words) else None


#: Classes of the element that holds the site's name in its masthead (WordPress themes and others).
_SITE_CLASSES = frozenset({"site-title", "site-name", "site-logo-text", "masthead-title"})
_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: Words of a class, id or role that name page furniture (matched as whole words of the name:
#: "share-bar", "cookie_banner", "site-nav"; not "sharecropper" nor "commentary").
_FURNITURE_WORDS = frozenset(
    "cookie cookies consent gdpr share sharing social newsletter subscribe subscription promo advert "
    "advertisement ad ads adslot menu nav navbar navigation breadcrumb breadcrumbs comments comment sidebar "
    "popup modal paywall related recommended outbrain taboola skip offscreen widget widgets footer colophon "
    "donate donation donations contribute contributions membership fundraising".split())
#: Words after which a furniture word names a state of the element, not furniture.
_NOT_FURNITURE_AFTER = frozenset({"no", "has", "with", "js", "without"})
#: Furniture words that can say how a part of the story itself is shown ("SocialEmbed": a post
#: embedded in the story; "ModalImage": a photo that opens in a lightbox; "PromoText"), and the
#: parts they then name. Not "content" ("RelatedContent" is the related box's content), and not
#: words that name other pages or readers' posts ("RelatedArticle", "CommentBody", "FooterText").
_QUALIFIER_WORDS = frozenset({"social", "modal", "popup", "promo"})
_STORY_PARTS = frozenset("embed image photo picture video media figure caption text body story article "
                         "gallery graphic quote".split())
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
                    "menu", "menubar", "toolbar"})
_NAME_WORD_RE = re.compile(r"[a-z]+")
_CAMEL_WORD_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_SPACE_RE = re.compile(r"\s+")
#: A stamp in UTC with its hour ("2025-01-08T03:41:17Z", "...+00:00"): its calendar day is
#: UTC's, which for a story of the evening in America is the next day.
_UTC_STAMP_RE = re.compile(r"^\s*\d{4}-\d\d-\d\d[T ](\d\d):\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)\s*$",
                           re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: A document's start after comments and space. A comment's body holds no "-->", so each comment
#: ends at its first "-->", as a browser reads it; a lazy `.*?` let each comment run on to any later
#: "-->", 2**k ways to split k comments when no tag follows (a note of 26 comment lines: 3 minutes).
#: Written without a possessive `*+`, which Python's `re` reads only from 3.11 (we support 3.10).
_HTML_START_RE = re.compile(r"\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                            re.IGNORECASE | re.DOTALL)
#: Meta names (or properties) that state a story's publication date, most telling first.
_DATE_METAS = ("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
               "publishdate", "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created",
               "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "og:published_time")
_AUTHOR_METAS = ("author", "article:author", "byl", "parsely-author", "dc.creator", "sailthru.author")
_SITE_METAS = ("og:site_name", "application-name", "publisher")


def looks_like_html(text: str) -> bool:
    """Does the text open as an HTML document (a doctype, `<html>`, `<head>`, `<meta>`...,
    after comments and blank space)? A page saved with a `.txt` ending is still markup: read
    as text, its tags became the article."""
    return bool(_HTML_START_RE.match(text[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The codec a page's `<meta charset>` (or `http-equiv` content type) names, if Python
    knows it; "iso-8859-1" and "ascii" are read as Windows-1252, as browsers read them."""
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


@dataclass
class HtmlFacts:
    """What the markup says of the page outside its text: the site's name, date and author."""

    source: str | None = None
    date: dt.date | None = None
    author: str | None = None
    title: str | None = None
    #: The page's own address (`<link rel="canonical">`, else `og:url`; http(s), not a site's front page): the
    #: story's when the page is one story (`loader.with_page_source`).
    url: str | None = None


@dataclass
class _Story:
    """One `<article>` (or the whole page): its blocks, headline and `<time>` date."""

    blocks: list[str] = field(default_factory=list)
    headline: int | None = None  # index into blocks
    headline_level: int = 9
    headline_href: str | None = None  # the link (as written) over most of the headline's words
    time: dt.date | None = None
    time_stamp: str | None = None  # the <time>'s datetime that dated it
    time_block: str | None = None  # the block that holds the `<time>` that dates it
    kinds: list[str] = field(default_factory=list)  # each block's kind (_LINK_LINE, _LABEL, _TEXT)
    #: The words of the _TEXT blocks before each block (text_words[i]: blocks[:i]; one more item than blocks):
    #: `_trails_story` asks the text above a box in one step (RV21-A #3: its walk back was n**2).
    text_words: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.text_words = [0]
        for block, kind in zip(self.blocks, self.kinds):
            self.text_words.append(self.text_words[-1] + (len(block.split()) if kind == _TEXT else 0))

    def add(self, block: str, kind: str) -> None:
        """Append a block of its kind, and its words to the running total when it is text."""
        self.blocks.append(block)
        self.kinds.append(kind)
        self.text_words.append(self.text_words[-1] + (len(block.split()) if kind == _TEXT else 0))

    def cut(self, start: int) -> None:
        """Drop the blocks from `start` on."""
        del self.blocks[start:], self.kinds[start:], self.text_words[start + 1:]


def _day(value: str | None) -> dt.date | None:
    """The calendar day a stamp states ("2025-03-14T23:30:00-05:00": the 14th, its own day, not
    UTC's; "March 14, 2025"), else None: the parser's date reader (`parse_stated_date`)."""
    if not value:
        return None
    from newsreader.corpus.parser import parse_stated_date

    return parse_stated_date(value)


def _time_words_day(words: str) -> dt.date | None:
    """The day a `<time>`'s words state when they are a date line and no more ("March 11, 2025",
    "Tue 11 March 2025 14:32", "Published 9 Mar 2025"), not an update ("Updated 10 March 2025":
    a line the parser reads itself): the parser's `date_statement`."""
    from newsreader.corpus.parser import date_statement

    statement = date_statement(words)
    return statement.date if statement is not None and statement.kind != "updated" else None


def _local_day(stamp: str | None, day: dt.date | None, blocks: list[str]) -> dt.date | None:
    """The story's day where a UTC stamp ("2025-01-08T03:41:17Z") and the page's own words
    ("Updated 7:41 PM PST, January 7, 2025", "7 December 2024") differ by the time zone: the
    first day the page states, when it is the one before the stamp's and the stamp is of the
    UTC morning (America's evening), or the one after (a published date, not an update) and the
    stamp is of its afternoon (Asia's morning). Else `day`, the stamp's own."""
    match = _UTC_STAMP_RE.match(stamp or "")
    if match is None or day is None:
        return day
    from newsreader.corpus.parser import date_statement

    hour = int(match.group(1))
    for block in blocks[:LOCAL_DATE_BLOCKS]:
        statement = date_statement(block)
        if statement is None or statement.date is None:
            continue
        if (statement.date == day - dt.timedelta(days=1) and hour < 12
                or statement.date == day + dt.timedelta(days=1) and hour >= 12 and statement.kind != "updated"):
            return statement.date
        return day  # (the first date the page states decides: "May 1, 2013" by the stamp agrees with it)
    return day


#: How many blocks of a story's head are read for the date it states in its own time zone.
LOCAL_DATE_BLOCKS = 8


def _furniture(attrs: dict[str, str | None]) -> bool:
    if (attrs.get("role") or "").lower() in _ROLES:
        return True
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    classes = (attrs.get("class") or "").split()
    names = classes + (attrs.get("id") or "").lower().split()
    if not names:
        return False
    for at, name in enumerate(names):
        # (a class's camel case is words too: "RelatedContent", "ShareBar"; not an id's, which
        # names content: rustdoc's "impl-Debug-for-SkipWhile")
        words = ([w.lower() for w in _CAMEL_WORD_RE.findall(name)] if at < len(classes)
                 else _NAME_WORD_RE.findall(name))
        # "no-sidebar", "has-share-buttons", "with-ads", "js-comments-count": a state or hook of
        # the element, not what it is (WordPress puts "no-sidebar" on the wrapper of the page).
        if any(word in _FURNITURE_WORDS and not (n and words[n - 1] in _NOT_FURNITURE_AFTER)
               and not _names_a_story_part(word, words[n + 1:n + 2])
               for n, word in enumerate(words)):
            return True
    return False


def _names_a_story_part(word: str, after: list[str]) -> bool:
    """Does a furniture word, with the word after it in its name, name a part of the story?
    "ad-free"/"AdFree" is a state ("ArticleBodyAdFree" is the story's body); "SocialEmbed",
    "ModalImage" and "PromoText" name an embedded post, a photo and a text of the story. Once
    class names were split at capitals (AMP's "RelatedContent"), these lost story parts."""
    if not after:
        return False
    return after[0] == "free" or (word in _QUALIFIER_WORDS and after[0] in _STORY_PARTS)


#: How many lines of links alone, at the least, end a story as a list of other stories.
TRAILING_LINKS = 2


def _cut_trailing_links(story: _Story) -> None:
    """Drop the lines of links alone at a story's end when there are two or more, after text of its own:
    other stories' headlines ("<a href='/2025/x'><p>Another story ...</p></a>", or each in a <p>) with no
    group around them that `_close_group` could weigh. A story of nothing else keeps them."""
    start = len(story.kinds)
    while start and story.kinds[start - 1] == _LINK_LINE:
        start -= 1
    top = story.headline + 1 if story.headline is not None else 0
    if len(story.kinds) - start >= TRAILING_LINKS and start >= top and story.text_words[start] > story.text_words[top]:
        story.cut(start)


def _trails_story(story: _Story, start: int) -> bool:
    """Is the box from block `start` on (that ends in "Subscribe", "Donate now") a trailer after
    the story: at most APPEAL_WORDS words, and fewer than the story's text above it, under its
    headline? A short post's body `<div>` that ends in "Subscribe" is the story itself, with at
    most a standfirst over it (RV20 H2: its three paragraphs were dropped, 0 articles). n nested
    groups that close after "Subscribe" each ask it: the box's count stops once past its bound (a
    block has a word at least; full counts took n**2, 8,000 groups: 51 s), and the text above is
    the story's running total (a walk back over n link lines per group was n**2 too, RV21-A #3)."""
    if len(story.blocks) - start > APPEAL_WORDS:
        return False
    words = sum(len(block.split(None, APPEAL_WORDS)) for block in story.blocks[start:])
    if words > APPEAL_WORDS:
        return False
    top = story.headline + 1 if story.headline is not None else 0
    return story.text_words[start] - story.text_words[top] > words


class _Reader(HTMLParser):
    """Blocks of text per story, and the page's meta facts, in one pass over the markup."""

    def __init__(self, use_names: bool, keep: frozenset[int] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.use_names = use_names
        # Elements (by the number of their start tag) whose furniture name is not heeded: they
        # hold the page's <h1> or most of its paragraph text (found by an earlier read).
        self.keep = keep
        self.tags = 0  # start tags seen
        self.named: int | None = None  # the open element dropped for its name (its start tag's number)
        self.named_h1: set[int] = set()  # elements dropped for their name that hold an <h1>
        self.named_text: dict[int, int] = {}  # characters of <p> text in each element dropped for its name
        self.kept_text = 0  # characters of <p> text read
        self.stack: list[tuple[str, bool | None]] = []  # open elements: (tag, dropped from here; None inside one)
        self.open: dict[str, int] = {}  # how many of each element are open
        self.in_body = False
        self.skipping = 0  # open elements whose content is dropped
        self.articles = 0  # open <article> elements
        self.page = _Story()
        self.stories: list[_Story] = []
        self.current = self.page
        self.line: list[str] = []
        self.heading: int | None = None  # level of the open <h1>..<h6>
        # The open heading's characters, in all and under each link (the innermost open one): a
        # headline that is a link is its story's address (`_Story.headline_href`).
        self.heading_chars = 0
        self.heading_links: dict[str, int] = {}
        # The page's headings outside `<article>`s (block, level, link) and its `<time>`s (block, day, stamp): a front
        # page with no `<article>` is cut at its headline links (`_front_page`).
        self.page_heads: list[tuple[int, int, str | None]] = []
        self.page_times: list[tuple[int, dt.date, str | None]] = []
        self.hrefs: list[str] = []  # the open <a> elements' addresses, as written
        # Whether each open <a> leads off the page (`_leads_off` at its start), and how many do: what a line
        # still inside them leads to, counted, not asked of each at every line (n unclosed links: n² steps).
        self.hrefs_off: list[bool] = []
        self.links_off = 0
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.in_title = False
        self.in_time: str | None = None  # datetime of the open <time>
        self.time_words: list[str] = []
        self.dated_by_time = False  # the open block holds the <time> that dated its story
        self.ld: list[str] = []
        self.in_ld = False
        self.pre = 0
        self.key_list: int | None = None  # the depth of the open list of key points (`KEY_POINTS_HEADINGS`)
        # The open line's links: how many opened in it, whether text stands outside them (before
        # the first, after it), the text before the first, and whether all lead to the page itself.
        self.links = 0  # open <a> elements
        self.links_seen = 0  # <a> elements read
        self.line_links = 0
        self.line_before = ""
        self.line_after = False
        self.line_inpage = True
        # Open groups (div, section, lists): [depth on the stack, story, its first block, links
        # read before it, holds a button, held a group of links now dropped].
        self.groups: list[list] = []
        self.ids: list[str] = []  # ids of the open elements, and their depths on the stack
        self.site_name: list[str] = []  # the words of the page's `.site-title` (WordPress's masthead)
        self.site_depth: int | None = None  # its depth on the stack while it is open
        self.site_read = False  # (the first such element is read; a theme repeats it in the footer)
        # A photo's caption and credit: the open <figure>'s depth, or the open element's whose class
        # names a caption or a credit (AMP's "imageEmbedCaption" beside no <figure>), and their words.
        self.figure: int | None = None
        self.caption_at: int | None = None
        self.credit_at: int | None = None
        self.caption: list[str] = []
        self.credit: list[str] = []
        self.figure_rest: list[str] = []  # a <figure>'s other words ("Getty Images" in a bare <span>)
        # The open element in a <figure> whose words are none of its credit: a button's "Enlarge this
        # image", a script, a hidden or furniture-named element (RV20 H3: "Photo: Enlarge this image").
        self.figure_junk: int | None = None
        self.watched = False  # one of the four above is open
        self.id_depths: list[int] = []

    # structure -------------------------------------------------------------------
    def _flush(self) -> None:
        text = "".join(self.line)
        self.line = []
        if _SEAM in text:
            text = _SEAM_RE.sub(_seam, text).replace(_SEAM, "")
        text = text.strip() if self.pre else _SPACE_RE.sub(" ", text).strip()
        kind = self._line_kind(text) if text else _TEXT
        if text and self.caption and self.figure is None and self.caption_at is None:
            self.caption = []  # (a caption with no credit after it: dropped, as a <figure>'s is)
        # A link still open goes on into the next line: its address says where that line leads (a card's
        # `<a href="/story"><h2>Headline</h2></a>`: the headline's line leads off the page; taken as an in-page
        # link, it was dropped, and the story merged into the one above).
        self.line_links, self.line_before, self.line_after = int(self.links > 0), "", False
        self.line_inpage = not self.links_off
        if not text:
            return
        if self.key_list is not None:
            text = KEY_POINT_MARK + text  # (an item of a list of key points)
        # A front page's headline is kept, whatever its link (a card's `<a href="#main"><h2>..</h2></a>`: its
        # stories merged into one); another heading of in-page links is not ("Jump to comments (12)", "Back to
        # top"; a one-story page's "Skip to main content" above its h1). At its end tag the heading is no longer
        # open, `self.heading` is.
        headline = self.heading is not None and self.heading < self.current.headline_level \
            and self.current is not self.page
        if kind == _DROPPED and not self.dated_by_time and not headline \
                and not any(self.open.get(h) for h in _HEADINGS):
            return
        for part in (text.splitlines() if self.pre else [text]):
            if part.strip():
                self.current.add(part.rstrip(), _TEXT if kind == _DROPPED else kind)
        if self.dated_by_time:
            self.current.time_block, self.dated_by_time = self.current.blocks[-1], False
        if self.heading is not None and self.heading < self.current.headline_level:
            self.current.headline, self.current.headline_level = len(self.current.blocks) - 1, self.heading
            self.current.headline_href = self._heading_href()
        if self.heading is not None and self.current is self.page:
            self.page_heads.append((len(self.page.blocks) - 1, self.heading, self._heading_href()))

    def _heading_href(self) -> str | None:
        """The link (as written) over at least half the open heading's characters, else None."""
        href, linked = max(self.heading_links.items(), key=lambda item: item[1], default=(None, 0))
        return href if 2 * linked >= self.heading_chars else None

    def _leads_off(self, href: str) -> bool:
        """Does a link lead anywhere but to a place further on the page ("#main": a skip link)? A link to
        its own heading or term ("§") is no skip link."""
        return len(href) < 2 or href[0] != "#" or href[1:] in self.ids

    def _line_kind(self, text: str) -> str:
        """What the open line is: links and nothing else (_LINK_LINE, or _DROPPED when they all
        lead to the page itself: "Skip advertisement", "Skip to content", a table of contents);
        a label and one link ("Read more: <a>headline</a>", "Lire aussi : <a>…</a>": _DROPPED, a
        link to another story); a short line without a link (_LABEL); else _TEXT."""
        if self.pre:
            return _TEXT
        if not self.line_links:
            return _LABEL if len(text.split()) <= LABEL_WORDS and text[-1] not in ".!?" else _TEXT
        if self.line_after:
            return _TEXT
        before = _SPACE_RE.sub(" ", self.line_before.replace(_SEAM, " ")).strip()
        if not _ALNUM_RE.search(before):
            return _DROPPED if self.line_inpage else _LINK_LINE
        if (self.line_links == 1 and before.endswith(":") and before[0].isupper()
                and len(before.split()) <= CROSS_LINK_LABEL_WORDS):
            return _DROPPED
        return _TEXT

    def _photo_caption(self) -> None:
        """Put a photo's caption in the story as the line a page saved as text has ("Waves crash
        over the promenade. Photo: Getty Images"), which the parser reads as a caption: the
        caption's words and its credit (an element named for it, a "Credit:"/"Photo:" ending of
        the caption, or a <figure>'s few other words). None when the parser would not read
        it as one (no credit): a caption in the body is read as story text."""
        caption = _SPACE_RE.sub(" ", "".join(self.caption)).strip()
        credit = _SPACE_RE.sub(" ", "".join(self.credit)).strip()
        rest = _SPACE_RE.sub(" ", "".join(self.figure_rest)).strip()
        self.caption, self.credit, self.figure_rest = [], [], []
        if not caption:
            return
        stated = _CREDIT_TAIL_RE.search(caption)
        if stated is not None and not credit:
            caption, credit = caption[:stated.start()].strip(), stated.group(1).strip()
        credit = credit or (rest if len(rest.split()) <= CREDIT_WORDS else "")
        if not caption or not credit:
            return
        line = f"{caption.rstrip(' .')}. Photo: {credit}"
        from newsreader.corpus.parser import caption_shaped, default_cues

        if caption_shaped(line, False, default_cues()):
            self.current.add(line, _TEXT)

    def _close_group(self, depth: int) -> None:
        """Drop what a group (a div, section or list) held when it is page furniture: links and
        at most one label over them ("Related topics" and its links, "Read Next" and two
        headlines, a share bar of eight links), or a toolbar (a button, and a count or a word).
        Not a group that holds the story's headline or links to the author's page."""
        while self.groups and self.groups[-1][0] > depth:
            self.groups.pop()  # (closed by the page's own mistakes)
        if not self.groups or self.groups[-1][0] != depth:
            return
        _, story, start, links_before, button, dropped = self.groups.pop()
        if story is not self.current or len(story.blocks) <= start:
            if dropped and self.groups:
                self.groups[-1][5] = True
            return
        links = self.links_seen - links_before
        if (not links or story.kinds[-1] != _LINK_LINE and not dropped) and not button:
            return  # (most groups: a paragraph's wrapper, the story's body; groups of links end with links)
        if story.headline is not None and story.headline >= start:
            return
        kinds = story.kinds[start:]
        link_group = (links >= 2 and (_LINK_LINE in kinds or dropped) and kinds.count(_LABEL) <= 1
                      and all(kind == _LINK_LINE or (kind == _LABEL and at == 0) for at, kind in enumerate(kinds)))
        toolbar = button and all(len(block.split()) <= TOOLBAR_WORDS for block in story.blocks[start:])
        appeal = (not link_group and not toolbar and kinds[-1] == _LINK_LINE
                  and story.blocks[-1].casefold().strip(" .!→›»>") in _APPEALS
                  and _trails_story(story, start))
        if link_group or toolbar or appeal:
            story.cut(start)
            if self.groups:
                self.groups[-1][5] = link_group  # (a label over it stands alone: "Related topics")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        amap = dict(attrs)  # (html.parser gives attribute names in lower case)
        if tag == "meta":
            key = (amap.get("property") or amap.get("name") or amap.get("itemprop") or "").lower()
            if key and amap.get("content") and key not in self.meta:
                self.meta[key] = amap["content"] or ""
            return
        if tag == "link" and "canonical" in (amap.get("rel") or "").lower().split() and amap.get("href"):
            self.meta.setdefault("link:canonical", amap["href"] or "")
        if tag == "base" and amap.get("href"):
            self.meta.setdefault("base:href", amap["href"] or "")
        if tag == "title" and not self.in_body:
            self.in_title = True
        elif tag == "script" and (amap.get("type") or "").lower() == "application/ld+json":
            self.in_ld = True
        elif tag == "body":
            self.in_body = True
        if "itemprop" in amap and amap["itemprop"] == "datePublished" and "datepublished" not in self.meta:
            value = amap.get("datetime") or amap.get("content")
            if value:
                self.meta["datepublished"] = value
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skipping:
                self._flush()
            return
        self.tags += 1
        self.open[tag] = self.open.get(tag, 0) + 1
        cls = amap.get("class")
        if (cls and not self.site_read and self.site_depth is None and ("site-" in cls or "masthead" in cls)
                and _SITE_CLASSES.intersection(cls.lower().split())):
            self.site_depth = len(self.stack)
            self.watched = True
        if tag == "figure" and not self.skipping and self.figure is None:
            self.figure = len(self.stack)
            self.watched = True
        photo_part = None
        if cls and ("aption" in cls or "redit" in cls) and (self.figure is not None or not self.skipping):
            photo_part = _photo_part(cls)
            if photo_part == "caption" and self.caption_at is None and self.credit_at is None:
                self.caption_at = len(self.stack)
                self.watched = True
            elif photo_part == "credit" and self.credit_at is None:
                self.credit_at = len(self.stack)
                self.watched = True
        if (self.figure is not None and self.figure_junk is None and tag != "figure"
                and (tag in _SKIP_ALWAYS or _furniture(amap))):
            self.figure_junk = len(self.stack)
        if self.skipping:  # inside a dropped element: nothing of it counts (a menu's 300 links)
            self.stack.append((tag, None))
            if tag == "h1" and self.named is not None:
                self.named_h1.add(self.named)
            return
        if tag == "button" and self.groups:
            self.groups[-1][4] = True
        skip = (tag in _SKIP_ALWAYS or (tag in _SKIP_OUTSIDE_ARTICLE and not self.articles)
                or photo_part is not None)
        if (not skip and self.use_names and tag not in _NEVER_FURNITURE and self.tags not in self.keep
                and _furniture(amap)):
            skip, self.named = True, self.tags
        # A list of key points ends at a block that is none of its items: one right in the list ("<ul><li>a</li>
        # <p>story"), or one after an item's bare text ("<ul><li>a<li>b<p>story": the page left `</ul>` out). Else the
        # mark stayed on until `</article>`, and the story's text became its summary (RV26-A #8).
        end_key_list = (self.key_list is not None and not skip and tag in _BLOCKS and tag not in _LIST_TAGS
                        and (len(self.stack) - 1 == self.key_list
                             or self.stack[-1][0] == "li" and "".join(self.line).replace(_SEAM, "").strip() != ""))
        if tag in _BLOCKS or skip:
            self._flush()
        elif tag in _CELLS:
            self.line.append(" ")
        else:
            self.line.append(_SEAM)
        if end_key_list:
            self.key_list = None
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1
            return
        if "id" in amap:
            self.ids.append(amap["id"] or "")
            self.id_depths.append(len(self.stack) - 1)
        if tag in _GROUPS:
            self.groups.append([len(self.stack) - 1, self.current, len(self.current.blocks), self.links_seen, False, False])
            if (tag in ("ul", "ol") and self.key_list is None and self.current.blocks
                    and self.current.blocks[-1].casefold().strip(" :") in KEY_POINTS_HEADINGS):
                self.key_list = len(self.stack) - 1
        elif tag == "a":
            self.links += 1
            self.links_seen += 1
            self.line_links += 1
            if self.line_links == 1:
                self.line_before = "".join(self.line)
            href = amap.get("href") or ""
            self.hrefs.append(href)
            self.hrefs_off.append(self._leads_off(href))
            if self.hrefs_off[-1]:
                self.links_off += 1
                self.line_inpage = False
            if "author" in href or (amap.get("rel") or "") == "author":
                self.line_after = True  # (a byline's names, each a link to the reporter's page)
        if tag == "article":
            self.articles += 1
            if self.articles == 1:
                self.current = _Story()
                self.stories.append(self.current)
        elif tag in ("h1", "h2", "h3") and self.heading is None:
            self.heading = int(tag[1])
            self.heading_chars, self.heading_links = 0, {}
        elif tag == "time":
            self.in_time = amap.get("datetime") or ""
            self.time_words = []
        elif tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "script":
            self.in_ld = False
        if not self.open.get(tag):
            return  # a stray end tag (or a void element's): ignored, as browsers do
        while self.stack:  # close what the page left open inside it
            open_tag, skip = self.stack.pop()
            self.open[open_tag] -= 1
            if self.watched:
                self._unwatch(len(self.stack))
            if skip is not None:
                self._close(open_tag, skip)
            if open_tag == tag:
                break

    def _unwatch(self, depth: int) -> None:
        """An element closed at `depth`: the end of the site's name, a caption, a credit, a figure?"""
        if self.site_depth is not None and depth <= self.site_depth:
            self.site_depth, self.site_read = None, True
        if self.caption_at is not None and depth <= self.caption_at:
            self.caption_at = None
            self.caption.append(" ")
        elif self.credit_at is not None and depth <= self.credit_at:
            self.credit_at = None
            self.credit.append(" ")
            if self.figure is None:
                self._photo_caption()  # (a caption, then its credit: AMP's pair of <div>s)
        if self.figure_junk is not None and depth <= self.figure_junk:
            self.figure_junk = None
        if self.figure is not None and depth <= self.figure:
            self.figure = None
            self._photo_caption()
        self.watched = not (self.site_depth is None and self.caption_at is None and self.credit_at is None
                            and self.figure is None)

    def _close(self, tag: str, skip: bool) -> None:
        if skip:
            self.line = []  # (text of a dropped element is never flushed)
            self.skipping -= 1
            if not self.skipping:
                self.named = None
            return
        if tag in _BLOCKS:
            self._flush()
        elif tag in _CELLS:
            self.line.append(" ")
        else:
            self.line.append(_SEAM)
        if self.id_depths and self.id_depths[-1] >= len(self.stack):
            while self.id_depths and self.id_depths[-1] >= len(self.stack):
                self.ids.pop()
                self.id_depths.pop()
        if tag in _GROUPS:
            if self.key_list == len(self.stack):
                self.key_list = None
            self._close_group(len(self.stack))
        elif tag == "a":
            self.links -= 1
            del self.hrefs[-1:]
            if self.hrefs_off:
                self.links_off -= self.hrefs_off.pop()
        if tag == "time" and self.in_time is not None:
            if self.current.time is None or self.current is self.page:
                words = _SPACE_RE.sub(" ", "".join(self.time_words)).strip()
                stamped = _day(self.in_time)
                day = stamped or (_time_words_day(words) if words else None)
                stamp = self.in_time if stamped is not None else None
                if day is not None and self.current is self.page:
                    self.page_times.append((len(self.page.blocks), day, stamp))
                if self.current.time is None:
                    self.current.time, self.current.time_stamp = day, stamp
                    self.dated_by_time = day is not None
            self.in_time = None
        elif tag == "article":
            self._flush()
            self.articles -= 1
            if not self.articles:
                self.current = self.page
        elif tag in ("h1", "h2", "h3") and self.heading == int(tag[1]):
            self._flush()
            self.heading = None
        elif tag == "pre":
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.in_ld:
            self.ld.append(data)
            return
        if self.site_depth is not None:
            self.site_name.append(data)
        if self.credit_at is not None:
            self.credit.append(data)
        elif self.caption_at is not None or (self.figure is not None and self.open.get("figcaption")):
            self.caption.append(data)
        elif self.figure is not None and self.figure_junk is None:
            self.figure_rest.append(data)
        if self.skipping:
            if self.named is not None and self.open.get("p"):
                self.named_text[self.named] = self.named_text.get(self.named, 0) + len(data.strip())
            return
        if self.open.get("p"):
            self.kept_text += len(data.strip())
        if self.heading is not None:
            self.heading_chars += len(data.strip())
            if self.hrefs:
                self.heading_links[self.hrefs[-1]] = self.heading_links.get(self.hrefs[-1], 0) + len(data.strip())
        if self.in_time is not None:
            self.time_words.append(data)
        if self.line_links and not self.links and not self.line_after and _ALNUM_RE.search(data):
            self.line_after = True
        self.line.append(data)

    def close(self) -> None:
        super().close()
        while self.stack:
            tag, skip = self.stack.pop()
            if skip is not None:
                self._close(tag, skip)
        self._flush()


def _json_ld(texts: list[str]) -> dict[str, str]:
    """datePublished, author and publisher names, headline and the WebSite's name ("website") from
    the page's JSON-LD (the first object that states each), as flat strings."""
    found: dict[str, str] = {}

    def name_of(value: object) -> str | None:
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            return name_of(value.get("name"))
        if isinstance(value, list):
            names = [n for n in (name_of(v) for v in value) if n]
            return " and ".join(names) if names else None
        return None

    def walk(node: object, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            for key in ("datePublished", "headline"):
                if isinstance(node.get(key), str):
                    found.setdefault(key, node[key])
            for key in ("author", "publisher"):
                name = name_of(node.get(key))
                if name:
                    found.setdefault(key, name)
            kind = node.get("@type")
            if (kind == "WebSite" or isinstance(kind, list) and "WebSite" in kind) and isinstance(node.get("name"), str):
                found.setdefault("website", node["name"])  # (the site's name where no publisher is named)
            walk(node.get("@graph"), depth + 1)

    for text in texts:
        try:
            walk(json.loads(text))
        except (ValueError, RecursionError):
            continue
    return found


def _url_day(url: str | None) -> dt.date | None:
    """The day a page's address states in its path ("https://site/news/2024/01/22/slug/"), as the
    parser reads an address line (`URL_DATE_RE`): many sites state the date nowhere else."""
    if not url:
        return None
    from newsreader.corpus.parser import URL_DATE_RE

    rest = url.split("://", 1)[-1]  # (the path: a host of digits states no date)
    match = URL_DATE_RE.search(rest, rest.find("/")) if "/" in rest else None
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    except ValueError:
        return None


def _clean_name(value: str | None) -> str | None:
    """A person's or site's name from markup, or None for a URL or nothing."""
    if not value:
        return None
    value = _SPACE_RE.sub(" ", value).strip()
    if not value or "://" in value or value.startswith(("www.", "/")) or len(value) > 80:
        return None
    return value


#: Where an element opens whose whole content is set aside wherever it stands (and a comment):
#: cut before html.parser reads it, which costs ~25 µs a tag (a menu of 150 links: 8 ms).
_CUT_OPEN_RE = re.compile(r"<(!--|(?:script|style|nav|svg|noscript|template|select|iframe|footer|aside)\b)",
                          re.IGNORECASE)


_TAG_RE = re.compile(r"<(/?)([a-z][a-z0-9]*)|<!--")


def _balanced(lowered: str, start: int, end: int, name: str) -> bool:
    """Can the element's content from `start` to its end tag at `end` go whole: no element of
    its name, comment, script or style inside (whose text may hold what ends it), and no end
    tag of an element opened outside it (which closes the element early, as html.parser reads)?"""
    opened: dict[str, int] = {}
    for match in _TAG_RE.finditer(lowered, start, end):
        tag = match.group(2)
        if tag is None or tag in (name, "script", "style"):
            return False
        if match.group(1):
            if opened.get(tag, 0) <= 0:
                return False
            opened[tag] -= 1
        else:
            opened[tag] = opened.get(tag, 0) + 1
    return True


def _cut_skipped(markup: str) -> str:
    """The markup without the comments, scripts (but JSON-LD), styles and the other elements of
    `_SKIP_ALWAYS` that `_CUT_OPEN_RE` names (not all of them) it holds, each found as
    html.parser finds it (a script ends at the first `</script`), from the end of the page's
    <title> on (its text is read whatever it holds). One that holds another of its name, a
    comment or a script, or an end tag of an element opened outside it, or is not closed, is left to the parser. Linear: one pass; a name whose end is
    missing is not looked for again, nor one inside a region of its name left to the parser.
    The text read is the same as from the whole markup (tested with random markup), in half
    the time on pages whose menus, footers and sidebars hold most of their tags."""
    lowered = markup.lower()
    if len(lowered) != len(markup):  # a letter whose lower case is longer: offsets would drift
        return markup
    # The page's <title> is read as text, whatever it holds: cut after it (in <body>, where the time goes).
    title = lowered.find("<title")
    pos = 0 if title < 0 else lowered.find("</title", title)
    if pos < 0:
        return markup
    out: list[str] = [markup[:pos]]
    unclosed: set[str] = set()
    looked: dict[str, int] = {}  # name -> the end of the last region found not to cut
    kept = -1  # the end of the last JSON-LD script
    for match in _CUT_OPEN_RE.finditer(lowered, pos):
        start = match.start()
        name = match.group(1)
        if start < pos or start < kept or name in unclosed:
            continue
        if name == "!--":
            end = lowered.find("-->", start + 4)
            if end < 0:
                unclosed.add(name)
                continue
            end += 3
        else:
            opened = lowered.find(">", match.end())
            if opened < 0:
                break
            if start < looked.get(name, -1):
                continue  # (inside a region of its name found not to cut)
            close = lowered.find(f"</{name}", opened)
            if close < 0:
                unclosed.add(name)
                continue
            if name == "script" and "ld+json" in lowered[start:opened]:
                kept = close  # (kept for its facts: what its text holds opens nothing)
                continue
            if name not in ("script", "style"):
                if not _balanced(lowered, opened, close, name):
                    looked[name] = close  # (its next openers up to `close` were seen to here)
                    continue  # the parser sees to it
            end = lowered.find(">", close)
            if end < 0:
                break
            end += 1
        out.append(markup[pos:start])
        if name != "!--":
            out.append("<br>")  # (a dropped element ends the line of text before it, as the parser's skip does)
        pos = end
    if len(out) == 1:
        return markup
    out.append(markup[pos:])
    return "".join(out)


def _without_open_comment(markup: str) -> str:
    """The markup up to its first comment left open, which runs to the end as browsers read it:
    html.parser gave its text ("<!-- never closed ...") as the page's."""
    at = markup.find("<!--")
    while at >= 0:
        end = markup.find("-->", at + 4)
        if end < 0:
            return markup[:at]
        at = markup.find("<!--", end + 3)
    return markup


def _read(markup: str, use_names: bool) -> _Reader:
    """The page read once, then again while an element dropped for its name ("entry-content
    share-wrap", a wrapper with id "comments-area") holds the page's <h1> or more paragraph text
    than the rest of the page: such an element is the story, not furniture, whatever its name."""
    keep: frozenset[int] = frozenset()
    for _ in range(8):  # (each round keeps an element nested deeper in the last; pages nest a few)
        reader = _Reader(use_names, keep)
        try:
            reader.feed(markup)
            reader.close()
        except (AssertionError, ValueError, RecursionError):  # html.parser's own complaints: keep what was read
            reader.line = []
        story = {n for n, size in reader.named_text.items() if size > reader.kept_text} | reader.named_h1
        if not story:
            break
        keep = keep | story
    return reader


def html_to_text(markup: str) -> tuple[str, HtmlFacts]:
    """The page's text in the layout the page parser reads, and the facts its markup states.
    Never raises on broken markup: what could be read is the page."""
    markup = _cut_skipped(_without_open_comment(markup))
    reader = _read(markup, use_names=True)
    stories = [s for s in reader.stories if s.blocks] or ([reader.page] if reader.page.blocks else [])
    if not stories:  # furniture names on the story's own wrapper: read without them
        reader = _read(markup, use_names=False)
        stories = [s for s in reader.stories if s.blocks] or ([reader.page] if reader.page.blocks else [])
    for story in stories:
        _cut_trailing_links(story)
    meta = reader.meta
    ld = _json_ld(reader.ld)
    facts = HtmlFacts()
    facts.source = _clean_name(next((meta[k] for k in _SITE_METAS if meta.get(k)), None) or ld.get("publisher"))
    stated = next((meta[k] for k in _DATE_METAS if meta.get(k)), None) or ld.get("datePublished")
    facts.date = _day(stated) or _url_day(meta.get("link:canonical")) or _url_day(meta.get("og:url"))
    facts.author = _clean_name(next((meta[k] for k in _AUTHOR_METAS if meta.get(k)), None) or ld.get("author"))
    from newsreader.corpus.parser import story_url  # (the gate for every reader's address)

    facts.url = story_url(meta.get("link:canonical") or "", labelled=False) \
        or story_url(meta.get("og:url") or "", labelled=False)
    page_url = (meta.get("link:canonical") or meta.get("og:url") or "").strip()
    base = _joined(page_url, meta["base:href"]) if meta.get("base:href") else page_url
    page_head = reader.page  # (what stands outside the page's stories: its date bar, for `_page_day`)
    page_title = _SPACE_RE.sub(" ", "".join(reader.title)).strip()
    # A page that says it is one story (og:type "article", a JSON-LD headline) is never cut at its links: they are
    # its list's items, its live blog's entries, its "Latest" box (RV30-P #1, #4).
    one_story = (meta.get("og:type") or "").strip().casefold() == "article" or bool(ld.get("headline"))
    if stories == [reader.page] and not one_story \
            and (front := _front_page(reader, base or page_url, (meta.get("og:title") or "", page_title),
                                      facts.source)) is not None:
        page_head, stories = front
    facts.title = _clean_title(meta.get("og:title") or ld.get("headline") or page_title, facts.source)
    site_name = _SPACE_RE.sub(" ", "".join(reader.site_name)).strip()
    headlines = [meta.get("og:title"), ld.get("headline")] + [s.blocks[s.headline] for s in stories[:1]
                                                              if s.headline is not None]
    facts.source = (facts.source or _clean_name(ld.get("website")) or _clean_name(site_name)
                    or _site_in_title(page_title, [h for h in headlines if h]))

    # A page of peers (several stories, none its main one) may take one date for them all; its first story takes the
    # markup's date no more than the others (RV30-P #12). Cards beside a story that stands outside them (in no
    # `<article>`: the <h1>, or more words than theirs, are the page's) take none: other stories, of other days (#5).
    beside = len(stories) > 1 and reader.page not in stories and page_head is reader.page \
        and (reader.page.headline_level == 1 or _words_of(reader.page) > sum(map(_words_of, stories)))
    peers = len(stories) > 1 and not beside and _main_story(stories, MAIN_SHARE) is None
    page_day = _page_day(page_head, stories, _local_day(stated, facts.date, reader.page.blocks)) if peers else None
    stories = _without_cards(stories)
    lines: list[str] = []
    several = len(stories) > 1
    # An address headlines of a front page in other words link to ("/subscribe", a paywall's) is none of its
    # stories'. The same headline twice (the lead story as the hero and again in a list) is one story: its own.
    said_by: dict[str, set[str]] = {}
    for s in stories:
        if several and s.headline is not None and s.headline_href is not None:
            link = _headline_url(s.headline_href, base, page_url)
            if link:
                said_by.setdefault(link, set()).add(" ".join(s.blocks[s.headline].casefold().split()))
    shared = {link for link, headlines in said_by.items() if len(headlines) > 1}
    for number, story in enumerate(stories):
        blocks = list(story.blocks)
        headline = blocks.pop(story.headline) if story.headline is not None else None
        href = story.headline_href if story.headline is not None else None
        if story is reader.page and story.headline is not None:
            # A page without <article>: what stands above its headline is the site's (a date
            # bar, "Subscribe", breadcrumbs), which the parser took for the story's title.
            del blocks[:story.headline]
        elif story.headline is not None:
            # An <article>'s section label over its headline ("Business", "Water industry"): the
            # parser read it as the story's first line.
            blocks[:story.headline] = [b for b in blocks[:story.headline] if not _kicker(b)]
        if headline is None and len(stories) == 1 and reader.page.headline is not None:
            headline = reader.page.blocks[reader.page.headline]  # (the headline above the one <article>)
            href = reader.page.headline_href
        if headline is None and number == 0 and facts.title:
            headline = facts.title
        if story.time is not None:
            date = _local_day(story.time_stamp, story.time, story.blocks)
        else:
            date = _local_day(stated, facts.date, story.blocks) if number == 0 and not peers else None
        date = date or page_day  # (a story of a page of one date that states none of its own: the page's)
        if story.time is not None and story.time_block in blocks and _date_only(story.time_block, facts.author):
            # "Posted on November 5, 2024", "26 March 2025": the header line's date. Left in, the
            # parser took the line above it (a byline) for the title of a story of its own.
            blocks.remove(story.time_block)
        if headline is not None and (date is not None or several):
            # The seeds' header line: the story's date and headline, which the parser reads as
            # one story's start. A story of a front page whose date is not stated is marked
            # `date undated`, the parser's "no date stated": undated, yet its own story.
            from newsreader.corpus.parser import UNDATED  # (what the parser reads as no date)

            lines.append(f"date {date.isoformat() if date else UNDATED} {headline}")
        elif headline is not None:
            lines.append(headline)
        # A headline that is a link: its story's address (a page of one story: when the markup states none).
        if headline is not None and href is not None and (several or facts.url is None) \
                and (url := _headline_url(href, base, page_url)) and url not in shared:
            lines.append(f"URL: {url}")
        if not several and facts.author:
            named, stated = _author_block(blocks[:6], facts.author)
            if named is None:
                lines.append(f"By {facts.author}")
            elif named >= 0 and not blocks[named].casefold().startswith("by "):
                # "Faisal Islam Economics editor": the author's name and role, which the parser
                # reads as a sentence; the byline the markup names. "Jane Analyst May 2, 2025":
                # the byline, then the date as a line of its own (the page's only stated date).
                # (Its date stays only when the header line states none: under a standfirst the parser reads
                # a date line alone as body once the story is dated.)
                blocks[named:named + 1] = [f"By {facts.author}"] + ([stated] if stated and date is None else [])
        if not several:
            _cut_bio(blocks, facts.author)
        lines.extend(blocks)
    text = "\n\n".join(lines) + "\n" if lines else ""
    return text, facts


def _joined(base: str, href: str) -> str:
    """`href` made absolute against `base` as a browser does; empty when the address cannot be
    read ("http://[broken/")."""
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return ""


def _headline_url(href: str, base: str, page_url: str) -> str | None:
    """The story's address a headline's link gives: made absolute against the page's base (its
    `<base>`, else its canonical link or `og:url`), then through the one gate every reader's
    address passes (`parser.story_url`: http(s) only, no site's front page, share button or
    picture, no unprintable character, at most MAX_URL characters). None for a link into the
    page itself ("#top", an address that is the page's own: a front page's headline over its
    own section), and for a relative link on a page that states no address of its own."""
    from newsreader.corpus.parser import story_url

    href = href.strip()
    if not href or href.startswith("#"):
        return None
    if not base and href.startswith("//"):  # (`//host/path`: the page's own scheme, https for a page of none)
        href = "https:" + href
    # A space as a browser sends it (an address with one was refused); the rest as written.
    url = _untracked(_joined(base, href) if base else href).replace(" ", "%20")
    if page_url and _page_key(url) == _page_key(_untracked(page_url)):
        return None
    return story_url(url, labelled=False)


#: Query parameters that say where a click came from (a campaign, an ad, a share), not which story: Google
#: Analytics' utm_*, Facebook's fbclid, Google Ads' gclid/dclid/gbraid/wbraid, Microsoft's msclkid, Mailchimp's
#: mc_cid/mc_eid, Yandex's yclid, Twitter's twclid, Instagram's igshid, Adobe's at_*, and the ocid/cmpid/cmp
#: of news sites' own campaign tags.
_TRACKING_RE = re.compile(r"(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|twclid|igshid"
                          r"|at_\w+|ocid|cmpid)", re.IGNORECASE)


def _untracked(url: str) -> str:
    """`url` without its tracking parameters (`_TRACKING_RE`); the query's others as written, in their order."""
    if "?" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    params = parts.query.split("&")
    kept = [p for p in params if not _TRACKING_RE.fullmatch(p.split("=", 1)[0])]
    return url if len(kept) == len(params) else urlunsplit(parts._replace(query="&".join(kept)))


def _page_key(url: str) -> tuple[str, ...]:
    """What makes two addresses one page: the scheme and host in any letters, the path (a final "/" or none)
    and the query; not the part after "#"."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return (url,)
    return parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query


def _kicker(block: str) -> bool:
    """Is a block above an article's headline its section label: a few words (as many as the parser's
    section label over a headline: KICKER_WORDS), no digit (a date), no sentence's end, no byline?"""
    from newsreader.corpus.parser import KICKER_WORDS, _words

    return (_words(block) <= KICKER_WORDS and not any(c.isdigit() for c in block) and block[-1] not in ".!?:"
            and not block.casefold().startswith("by "))


#: How far from a story's end an author's bio may stand (the print-edition line, "Follow him" after it).
BIO_BLOCKS = 3
#: A bio's verb of the trade after the author's name ("Dana Whitfield covers transport for the Herald",
#: "... has reported on the city for ten years", "... joined the Times in 2015").
_BIO_VERB_RE = re.compile(r"\s+(?:(?:has|had)\s+)?(?:covers|covered|writes|wrote|written|reports|reported|edits|edited"
                          r"|leads|joined)\b")
#: Or who they are after "is"/"was": "a"/"the" ("Sarah Kessler is a reporter for the Business section", "Jane Roe
#: is a professor of law"), a title ("Charlie Weston is Personal Finance Editor"), or a role of the trade in the
#: bio's first sentence ("... is senior correspondent").
_BIO_IS_RE = re.compile(r"\s+(?:is|was|has been|had been)\s+(?:(?:a|an|the|our|formerly|previously|currently)\s|[A-Z]"
                        r"|([^.!?]*))")
#: A block that opens with a name (words that do not start with a small Latin letter, the particles names hold) and
#: a verb the two patterns above open with: without one among the last blocks, there is no bio (and the head's
#: bylines are not read). ("Łukasz Nowak is ...": any letter but a-z and Latin-1's small ones starts a name's word.)
_BIO_HINT_RE = re.compile(r"[^\W\d_a-zß-öø-ÿ][\w.'’-]*(?:\s+(?:[^\W\d_a-zß-öø-ÿ][\w.'’-]*|de|del|der|van|von|al|el|bin"
                          r"|ibn|da|di|du|la|le))+\s+(?:is|was|has|had|covers|covered|writes|wrote|reports|reported"
                          r"|edits|edited|leads|joined)\b")
_BIO_ROLES = frozenset("reporter correspondent editor writer columnist journalist contributor producer critic "
                       "photographer presenter".split())


def _bio_shaped(block: str, name: str) -> bool:
    """Does the block open with the name and then say what a bio says: the trade's verb, or who they are after
    "is"/"was"? "Boris Johnson has insisted that Britain is ready ..." is story text."""
    if not block.startswith(name):
        return False
    if _BIO_VERB_RE.match(block, len(name)):
        return True
    who = _BIO_IS_RE.match(block, len(name))
    return who is not None and (who.group(1) is None
                                or any(word.casefold().strip(",;:") in _BIO_ROLES for word in who.group(1).split()))


def _byline_names(blocks: list[str]) -> list[str]:
    """The names of the story's own byline among its head's blocks, read by the parser's byline reader ("By Jane
    Roe and John Doe", "By Tom Lee · April 1, 2025", "Jane Doe · 3 min read"): never a sentence that opens
    with "By" ("By Sunday evening, Boris Johnson and Ursula von der Leyen had spoken ...")."""
    from newsreader.corpus.parser import _Page, default_cues

    page = _Page("\n\n".join(block.replace("\n", " ") for block in blocks), default_cues())
    credits = []
    for i in range(0, page.n, 2):
        credit = page.byline_of(i)
        if credit is None and page.date_line(i) is not None:
            credit = page.byline_dates.get(i)
        credits.append(credit or page.bare_byline(i) or "")
    return credits


def _cut_bio(blocks: list[str], author: str | None) -> None:
    """Cut the author's bio at the story's end ("Sarah Kessler is a reporter for the Business
    section ...", "Charlie Weston is Personal Finance Editor ..."), and what follows it: a block
    near the end that opens with the author's name (the markup's, or the story's own byline's)
    and says what a bio says (`_bio_shaped`). A reporter never writes of themself by name in their story."""
    start = max(0, len(blocks) - BIO_BLOCKS)
    if not any(_BIO_HINT_RE.match(block) for block in blocks[start:]):
        return  # (most stories: their head's bylines are not read)
    names = set()
    for credit in [author or ""] + _byline_names(blocks[:6]):
        names.update(n.strip() for n in re.split(r",|\band\b|&", credit) if len(n.split()) >= 2)
    if not names:
        return
    for at in range(start, len(blocks)):
        if any(_bio_shaped(blocks[at], name) for name in names):
            del blocks[at:]
            return


#: Words a paragraph of story text has at least: a teaser card's line has fewer.
CARD_LINE_WORDS = 12


def _without_cards(stories: list[_Story]) -> list[_Story]:
    """The stories without the teaser cards beside the page's own: when one `<article>` holds
    the page's <h1> or more than half its words, the others with no paragraph of story text
    (no block but the headline of CARD_LINE_WORDS words or more: "More from Valley Times", a
    headline and a line each) are left out. Each became a story of its own, the rest "undated"."""
    main = _main_story(stories)
    if main is None:
        return stories
    return [story for n, story in enumerate(stories)
            if n == main or any(len(block.split()) >= CARD_LINE_WORDS
                                for at, block in enumerate(story.blocks) if at != story.headline)]


#: The fewest stories a front page without `<article>` elements shows, each a headline that is a link over a paragraph
#: of its own (`_front_page`): two such are as often a story's "Related" box, or the headings of a listed guide.
FRONT_STORIES = 3


def _front_page(reader: _Reader, base: str, titles: tuple[str, ...] = (), site: str | None = None
                ) -> tuple[_Story, list[_Story]] | None:
    """A front page with no `<article>` elements (a site's home or section page, a blog's index) cut into its stories:
    at each headline (`<h1>`-`<h3>`) that is a link to a story of the page's own site (a relative link, or one to the
    host of the page's address, `base`), with a paragraph of text under it (a teaser of CARD_LINE_WORDS words at
    least) before the next heading. The page's head (what stands above its first story) and its stories; None when
    the page is no such front page: fewer than FRONT_STORIES such headlines (to as many addresses), or any text of a
    story's own beside them: a paragraph above the first (a story's lede, a guide's introduction: the linked headings
    are its "Related" box or its items), or a heading of their rank or above that is no link and has a paragraph under
    it (a story's headline, one of its sections). A heading with no text under it (a section's name) stays with the
    story above. A one-story page is never cut: a false split is worse than a miss, and a story lost the worst (RV30-P
    #1, #4): nor is a page whose own headline stands above the links (a heading that is no link over any text, a short
    story's over its few lines, a product's over its price; an <h1> that names the page, one of its `titles`: a
    listicle's), whose headlines are a numbered list's items ("1. ..."), or whose links lead to the page's own address
    with another query (a live blog's entries). A card's <time> right above its headline (each card's, the last one's
    none below it) dates that card, not the one above (RV30-P #2)."""
    page = reader.page
    blocks, kinds = page.blocks, page.kinds
    heads = reader.page_heads  # (a head `_cut_trailing_links` cut off the page's end has no block, and no teaser)
    host = _site(base)

    def teaser(start: int, end: int) -> bool:
        return any(kinds[k] == _TEXT and len(blocks[k].split()) >= CARD_LINE_WORDS for k in range(start, end))

    def own_link(href: str | None) -> bool:
        if not href:
            return False
        if base:  # (a story's address, as its headline's link gives it, on the page's own host, not the page's own)
            url = _headline_url(href, base, base)
            return url is not None and _site(url) == host and (own_path in ("", "/") or _path(url) != own_path)
        # A page that states no address: a relative link is to its own site (not to a place on the page, "#top", nor
        # "javascript:", nor "//host/...", any site's).
        return not (href.split("#")[0].strip("/") == "" or href.startswith("//") or _SCHEME_RE.match(href))

    own_path = _path(base)
    ends = [head[0] for head in heads[1:]] + [len(blocks)]
    linked = [head for head, end in zip(heads, ends) if own_link(head[2]) and teaser(head[0] + 1, end)]
    if len({head[2] for head in linked}) < FRONT_STORIES or teaser(0, linked[0][0]):
        return None  # (fewer stories than FRONT_STORIES, links to one address: a paywall's; text above the first)
    if 2 * sum(bool(_NUMBERED_RE.match(blocks[head[0]])) for head in linked) > len(linked):
        return None  # (a numbered list's items: a listicle's, "1. Place number 1 by the sea")
    named = {_clean_title(title, site).casefold() for title in titles if title.strip()} - {"", (site or "").casefold()}
    for head, end in zip(heads, ends):
        if head[0] >= linked[0][0]:
            break
        if head[2] is None and (any(kinds[k] != _LINK_LINE for k in range(head[0] + 1, end))
                                or head[1] == 1 and _names_page(blocks[head[0]], named)):
            return None  # (the page's own headline above the links: over its few lines or its price, or the page's title)
    starts = [head[0] for head in linked]
    cuts = set(starts)  # (looked up once a heading: 8,000 headings on a page are 8,000 steps, not 64 million)
    level = max(head[1] for head in linked)  # (a lead story's headline may be of a higher rank than the others')
    for head, end in zip(heads, ends):
        if head[0] not in cuts and head[1] <= level and teaser(head[0] + 1, end):
            return None  # (a heading of the stories' rank that is no link, over text of its own)
    # Each card's <time> right above its headline ("<time>..</time><h2><a ...>"), and none under the last one's: the
    # <time> opens its card (it went to the card above, each card a day off, RV30-P #2).
    timed = {at for at, _, _ in reader.page_times}
    above = int(all(start - 1 in timed and start - 1 not in cuts for start in starts)
                and not any(at >= starts[-1] for at in timed))
    starts = [start - above for start in starts]
    parts = [_Story(blocks[:starts[0]], kinds=kinds[:starts[0]])]  # (the page's head: its date bar, its <time>)
    for head, start, end in zip(linked, starts, starts[1:] + [len(blocks)]):
        parts.append(_Story(blocks[start:end], above, head[1], head[2], kinds=kinds[start:end]))
    for at, day, stamp in reader.page_times:  # (each part's first <time> dates it)
        part = parts[bisect.bisect_right(starts, at)]
        if part.time is None:
            part.time, part.time_stamp, part.time_block = day, stamp, blocks[at] if at < len(blocks) else None
    for story in parts[1:]:
        _cut_trailing_links(story)
    return parts[0], parts[1:]


#: A numbered list's item: "1. ", "2) ", "No. 3: ".
_NUMBERED_RE = re.compile(r"^\s*(?:No\.\s*)?\d{1,3}\s*[.):]\s+\S", re.IGNORECASE)


def _names_page(heading: str, titles: set[str]) -> bool:
    """Does the heading name the page: is it one of its `titles` (casefolded, without the site's name), or does one
    start with it or it with one ("10 places" over "10 places to visit this summer")?"""
    heading = _SPACE_RE.sub(" ", heading).strip().casefold()
    return bool(heading) and any(heading.startswith(title) or title.startswith(heading) for title in titles)


def _path(url: str) -> str:
    """The path of an address, without its last "/" ("" when there is none or it cannot be read)."""
    try:
        return urlsplit(url.strip()).path.rstrip("/")
    except ValueError:
        return ""


def _site(url: str) -> str:
    """The host of an address as one site: lower case, without "www." ("" when there is none)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return re.sub(r"^www\d*\.", "", host)


_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _main_story(stories: list[_Story], share: float = 0.5) -> int | None:
    """The page's own story among several `<article>`s: the one that holds the page's <h1> or more than `share` of its
    words, when one does (the others are cards beside it); None on a page of peers (a front page, a day's archive, a
    digest) and on a page of one."""
    if len(stories) < 2:
        return None
    sizes = [_words_of(story) for story in stories]
    total = sum(sizes)  # (once: summed for each story, 8,000 <article>s took 0.3 s)
    main = [n for n, story in enumerate(stories) if story.headline_level == 1 or sizes[n] > share * total]
    return main[0] if len(main) == 1 else None


#: The share of a page's words that makes one of its `<article>`s its own story, for its date (`_page_day`): of two
#: stories of a day's page, one has more than half the words; a story with cards beside it has most of them.
MAIN_SHARE = 2 / 3


def _words_of(story: _Story) -> int:
    """The words of a story's blocks."""
    return sum(len(block.split()) for block in story.blocks)


def _page_day(page: _Story, stories: list[_Story], day: dt.date | None) -> dt.date | None:
    """The one date a page of several stories, none its main one (`_main_story`: cards beside a story are other
    stories, of other days), states for them all: the day of its markup (`day`: `article:published_time`, JSON-LD, a
    dated address) or of a date line or `<time>` outside its `<article>`s ("Updated 03 August 2024" over a day's
    stories), when those agree and no story states another (its `<time>`, a date line in its head). A front page of
    stories of many days has none: its stories that state no date stay undated rather than guessed."""
    from newsreader.corpus.parser import date_statement

    def days(story: _Story) -> set[dt.date]:
        found = {story.time} if story.time is not None else set()
        if story is not page and (linked := _url_day(story.headline_href)) is not None:
            found.add(linked)  # (its address's day, "/2024/07/28/...": RV30-P #6)
        for block in story.blocks[:LOCAL_DATE_BLOCKS] if story is not page else story.blocks:
            if len(block) <= PAGE_DATE_CHARS and (stated := date_statement(block)) is not None and stated.date:
                found.add(stated.date)
            elif story is not page and (opening := _DATED_SNIPPET_RE.match(block)) is not None \
                    and (stated := date_statement(opening.group(1))) is not None and stated.date:
                found.add(stated.date)  # (a snippet's date, "12 Jul 2023 — The river ...": RV30-P #3)
        return found

    stated = days(page) | ({day} if day is not None else set())
    if len(stated) != 1:
        return None
    one = stated.pop()
    return one if all(days(story) <= {one} for story in stories) else None


#: A teaser that opens with its date and a spaced dash ("12 Jul 2023 — The river burst ...", a search result's).
_DATED_SNIPPET_RE = re.compile(r"^(\S.{4,38}?\d)\s+(?:[—–]|--?)\s+\S")
#: The longest block read as a date line where a page of several stories states its one date (`_page_day`).
PAGE_DATE_CHARS = 80


def _date_only(block: str, author: str | None) -> bool:
    """Is the block that holds a story's <time> no more than a date line ("Posted on November
    5, 2024 at 6:22 pm"), with no byline in it ("By Jane Doe | March 5, 2024")?"""
    return (len(block.split()) <= 10 and not block.casefold().startswith("by ")
            and not (author and author.casefold() in block.casefold()))


_HANDLE_RE = re.compile(r"^@\w{2,30}$")
_BYLINE_SEPARATORS = " \t,;|·•—–-"


def _author_block(blocks: list[str], author: str) -> tuple[int | None, str | None]:
    """Which block of the story's head names its author already (its own byline), and the date
    stated after the name in it: a block that is the name (or "By" and the name) and nothing
    more but a role ("Economics editor") or a date ("May 2, 2025"); else -1 if a block other than a
    sentence holds the name, None if none does. "Jane Smith won the race easily." is the story's
    first sentence, never its byline: it was replaced by "By Jane Smith"."""
    from newsreader.corpus.parser import _names_only, default_cues, parse_stated_date

    key = author.casefold()
    for number, block in enumerate(blocks):
        by = block.casefold().startswith("by ")
        text = block[3:].lstrip() if by else block
        if not text.casefold().startswith(key) or len(block.split()) > len(author.split()) + 4:
            continue
        rest = text[len(author):].strip(_BYLINE_SEPARATORS)
        if not rest or _HANDLE_RE.match(rest):  # ("Lora Kolodny@LORAKOLODNY": the name and the author's handle)
            return number, None
        if parse_stated_date(rest) is not None:
            return number, rest
        if rest[-1:] not in ".!?" and _names_only(rest, default_cues().byline_roles):
            return number, None
    # (A sentence naming them, "Jane Smith won the race easily.", is no byline: the markup's is added.)
    return (-1 if any(key in block.casefold() and block[-1:] not in ".!?" for block in blocks) else None), None


def _site_in_title(title: str, headlines: list[str]) -> str | None:
    """The site's name a page `<title>` ends with ("Story | The Daily Courier"), told by the bar,
    or by a dash ("Story – Hertfordshire Mercury Online", "Story - Site") after the page's own
    headline (a dash ends many headlines' own clauses: "Storm hits – thousands without power"
    is a headline whole): a short name, not a sentence."""
    tail = None
    if " | " in title:
        tail = title.rsplit(" | ", 1)[1].strip()
    else:
        said = {_SPACE_RE.sub(" ", h).strip().casefold() for h in headlines}
        for sep in (" – ", " — ", " - "):
            head, _, rest = title.rpartition(sep)
            if head and head.strip().casefold() in said:
                tail = rest.strip()
                break
    if not tail:
        return None
    return tail if 1 <= len(tail.split()) <= 4 and tail[:1].isupper() and tail[-1:] not in ".?!:" else None


def _clean_title(title: str | None, site: str | None) -> str | None:
    """A page `<title>` without the site's name after it ("Story | Site", "Story - Site")."""
    if not title:
        return None
    title = _SPACE_RE.sub(" ", title).strip()
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            if head.strip() and (site and tail.strip().casefold() == site.casefold() or len(tail.split()) <= 4):
                return head.strip()
    return title or None
