"""A news feed file (RSS 0.9x/2.0, RSS 1.0, Atom) as the plain-text layout the page parser reads.

Each item is a story, written as the seeds write one, so `parse_page` makes an article of it
and `parse --explain` shows what became of each line:

    date 2024-10-30 Floods in Valencia kill dozens      (the item's date and title)
    By Jane Doe                                          (its author, when named)
    URL: https://example.com/2024/10/30/floods          (its link: the parser's labelled address, `Article.url`)
    Flash floods in the Spanish region ...               (its content, else summary, as text)

An item whose date is not stated gets `date undated Title`, the parser's marker for "no date
stated": undated, still its own story. The date is the calendar day the feed states, in the feed's own time zone. The
channel's title is the feed's source (`FeedText.source`). Ids stay the same across runs:
the parser makes them from the file and the item's title (and its text, for two items of one
title), as for any page.

Read with the standard library's expat parser, not feedparser: feedparser needs sgmllib3k
(an unmaintained 2010 package shipped only as a source archive), reads dates to UTC (a
late-evening item moved to the next day) and cleans HTML we turn to text anyway. Care taken as
defusedxml takes it: a document that declares entities (`<!ENTITY`, the "billion laughs") is
refused before parsing, and expat never fetches external ones. HTML's named entities that
feeds use without declaring (`&nbsp;`, `&mdash;`) are read as their characters.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from newsreader.errors import UserError

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XML_START_RE = re.compile(r"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+)?([\w:.-]+)", re.DOTALL)
_ENTITY_RE = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_SPACE_RE = re.compile(r"\s+")
_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel"})


@dataclass
class FeedText:
    """A feed as page text, its channel title, and how many items it held."""

    text: str
    source: str | None
    items: int


def root_name(text: str, limit: int | None = 4096) -> str | None:
    """The name of the first element of an XML document (`rss`, `feed`, `rdf:RDF`, `html`...),
    or None for text that does not open as XML, looked for in its first `limit` characters (None:
    all of it, for a file whose ending says feed: a 70 KB comment above the root made an `.rss`
    file a text page whose story was its markup)."""
    match = _XML_START_RE.match(text if limit is None else text[:limit])
    return match.group(1) if match else None


def is_feed_root(name: str | None) -> bool:
    return name in _FEED_ROOTS


def _undeclared_entities(text: str) -> str:
    """HTML's named entities (`&nbsp;`, `&eacute;`) as numeric references: feeds use them
    without declaring them, which XML forbids (expat stops at the first)."""
    def swap(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        char = html.unescape(match.group(0))
        return "".join(f"&#{ord(c)};" for c in char) if char != match.group(0) else f"&amp;{name};"
    return _ENTITY_RE.sub(swap, text)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return _SPACE_RE.sub(" ", "".join(element.itertext())).strip()


_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


def _plain(element: ET.Element | None) -> str:
    """A title's or channel name's text as a reader sees it: Atom `type="html"` (and RSS, which
    states no type, when it holds markup or an escape) unescaped and its tags dropped.
    "EU fines Apple <em>€1.8bn</em>" and "Tech &amp; Policy" were kept as written, in titles,
    ids and the source facet."""
    text = _text(element)
    if element is None or (element.get("type") or "").lower() in ("text", "xhtml"):
        return text
    if "<" in text or "&" in text:
        had_markup = (element.get("type") or "").lower() == "html" or _TAG_RE.search(text)
        text = html.unescape(text)
        if had_markup:
            text = _SPACE_RE.sub(" ", _TAG_RE.sub("", text)).strip()
    return text


def _child(item: ET.Element, *names: str) -> ET.Element | None:
    for name in names:
        found = item.find(name)
        if found is not None:
            return found
    return None


def _day(value: str) -> dt.date | None:
    """The calendar day an ISO 8601 (`2025-01-10T12:00:00Z`) or RFC 822 (`Wed, 30 Oct 2024
    10:00:00 GMT`) stamp states, in its own time zone, or a date written out: the parser's date
    reader (`parse_stated_date`), else the mail one for what it does not read."""
    value = value.strip()
    if not value:
        return None
    from newsreader.corpus.parser import parse_stated_date

    day = parse_stated_date(value)
    if day is not None:
        return day
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _body(item: ET.Element) -> list[str]:
    """The item's text as paragraphs: its full content, else its summary or description,
    read as HTML when it is (escaped markup or XHTML) and as text when it is not."""
    from newsreader.corpus.html_page import html_to_text

    element = _child(item, _CONTENT, f"{_ATOM}content", f"{_ATOM}summary", "description", f"{_RSS1}description",
                     f"{_DC}description")
    if element is None:
        return []
    if len(element):  # XHTML content: its elements are markup
        for node in element.iter():  # ("<html:p>" is no <p> to html.parser: paragraphs ran into one)
            if isinstance(node.tag, str):
                node.tag = _local(node.tag)
        markup = "".join(ET.tostring(child, encoding="unicode") for child in element)
        markup = (element.text or "") + markup
    else:
        markup = element.text or ""
    if (element.get("type") or "").lower() == "text" or "<" not in markup:
        return [p for p in (_SPACE_RE.sub(" ", p).strip() for p in re.split(r"\n\s*\n", markup)) if p]
    text, _facts = html_to_text(f"<body>{markup}</body>")
    return [line for line in text.split("\n") if line.strip()]


def _author(item: ET.Element) -> str | None:
    element = _child(item, f"{_ATOM}author/{_ATOM}name", f"{_DC}creator", "author")
    name = _text(element)
    if not name:
        return None
    # RSS 2.0's <author> is an e-mail address, often "jane@example.com (Jane Doe)".
    match = re.match(r"^\S+@\S+\s*\((.+)\)$", name)
    if match:
        name = match.group(1).strip()
    return None if "@" in name or "://" in name else name


def _link(item: ET.Element) -> str | None:
    """The item's own address: RSS's `<link>`, Atom's `<link href>` (rel "alternate" or none, not "enclosure",
    "related"...), else a `<guid isPermaLink>` that is one; http(s) only, no picture's (`parser.story_url`)."""
    from newsreader.corpus.parser import story_url

    found = [_text(item.find("link")), _text(item.find(f"{_RSS1}link"))]
    found += [link.get("href") or "" for link in item.findall(f"{_ATOM}link")
              if (link.get("rel") or "alternate").lower() == "alternate"]
    guid = item.find("guid")
    if guid is not None and (guid.get("isPermaLink") or "true").lower() == "true":
        found.append(_text(guid))
    return next((url for value in found if value and (url := story_url(value, labelled=False))), None)


def feed_to_text(data: bytes, name: str) -> FeedText:
    """The feed's items as page text; `UserError` for a file that is no feed or cannot be
    read as XML (one line, the page skipped)."""
    if "<!ENTITY" in data[:65536].decode("latin-1").upper():
        raise UserError(f"{name}: XML that declares entities, skipped (not read: a feed has no need of them)")
    try:
        root = _parse(data)
    except ET.ParseError as exc:
        raise UserError(f"{name}: not well-formed XML ({exc}), skipped; save the feed again") from None
    if not is_feed_root(_local(root.tag)):
        raise UserError(f"{name}: XML but not a news feed (its root is <{_local(root.tag)}>, "
                        "not <rss> or <feed>), skipped")
    channel = root.find("channel")
    if channel is None:
        channel = root.find(f"{_RSS1}channel")
    title_holder = channel if channel is not None else root
    source = _plain(_child(title_holder, "title", f"{_ATOM}title", f"{_RSS1}title")) or None
    items = (root.findall("channel/item") or root.findall("item") or root.findall(f"{_ATOM}entry")
             or root.findall(f"{_RSS1}item"))
    lines: list[str] = []
    for item in items:
        title = _plain(_child(item, "title", f"{_ATOM}title", f"{_RSS1}title"))
        body = _body(item)
        if not title and not body:
            continue
        stamp = _text(_child(item, "pubDate", f"{_ATOM}published", f"{_DC}date", f"{_ATOM}updated"))
        date = _day(stamp) if stamp else None
        title = title or (body[0][:90] if body else "")
        from newsreader.corpus.parser import UNDATED  # (what the parser reads as no date)

        lines.append(f"date {date.isoformat() if date else UNDATED} {title}")
        author = _author(item)
        if author:
            lines.append(f"By {author}")
        link = _link(item)
        if link:
            lines.append(f"URL: {link}")
        lines.extend(body)
    if not lines:
        raise UserError(f"{name}: a feed with no items, skipped")
    return FeedText("\n\n".join(lines) + "\n", source, len(items))


def _parse(data: bytes) -> ET.Element:
    """The document's root; a second try with HTML's named entities made numeric."""
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        if "undefined entity" not in str(exc):
            raise
    declared = re.match(rb"""\s*<\?xml[^>]*encoding=["']([\w.:-]+)""", data)
    try:
        text = data.decode(declared.group(1).decode("ascii") if declared else "utf-8", "replace")
    except LookupError:
        text = data.decode("utf-8", "replace")
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text)  # (its encoding said the bytes'; these are text now)
    return ET.fromstring(_undeclared_entities(text.lstrip("\ufeff")))
