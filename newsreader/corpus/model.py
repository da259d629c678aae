"""The article: what a saved page yields once navigation junk is gone.

Plain dataclasses so every layer (index, reader, CLI) can pass them around and serialise
them without an ORM. The id is derived from the page path and the title only, so it stays
the same across runs and re-indexing and bookmarks keep pointing at the right story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from slugify import slugify

#: Where an article's date came from (shown by `parse --explain` and stored in the index).
DATE_FROM_HEADER = "page header"
DATE_FROM_UPDATED = "updated line"
DATE_FROM_PUBLISHED = "published line"
DATE_FROM_LINE = "date line"  # a date alone near a story's top ("March 14, 2025", "Fri Aug 2, 2013 6:50pm EDT")
DATE_FROM_PAGE = "page date"  # a story that states none, on a page that states one date for all its stories
DATE_NONE = "undated"


#: The kinds of names, in the order and the words the reader's side pane and `show` list them.
KIND_HEADINGS = (("person", "People"), ("org", "Organisations"), ("place", "Places"))


def mentions_by_kind(entities: list[dict[str, Any]]) -> dict[str, list[tuple[str, int]]]:
    """Each kind's names (canonical) with how often the article mentions them, most
    mentioned first, from an article's entity spans."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind, _ in KIND_HEADINGS}
    for e in entities:
        if e.get("kind") in counts and e.get("name"):
            named = counts[e["kind"]]
            named[e["name"]] = named.get(e["name"], 0) + 1
    return {kind: sorted(named.items(), key=lambda kv: (-kv[1], kv[0])) for kind, named in counts.items()}


def article_id(file: str, title: str, text: str | None = None) -> str:
    """A readable, stable id: the title's slug plus a short hash of page path and title, and
    of the story's `text` for stories that share their title with another on the page."""
    slug = slugify(title, max_length=60, word_boundary=True) or "untitled"
    key = f"{file}\n{title}" if text is None else f"{file}\n{title}\n{text}"
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug}-{digest}"


@dataclass
class Article:
    """One story. `body` is a list of paragraphs; `related` holds ids of stories the page
    itself lists as related (its "Related Articles" block)."""

    id: str
    title: str
    file: str
    date: dt.date | None = None
    date_source: str = DATE_NONE
    source: str | None = None
    byline: str | None = None
    dateline: str | None = None
    summary: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    age: str | None = None
    #: The story's web address (http or https) as the page states it ("" when it does not): a text copy's
    #: first line or "Source: ..." line, a Markdown page's front matter, an HTML page's canonical link, a
    #: feed item's link. Stored with the article to cite it; not searched.
    url: str = ""

    @property
    def text(self) -> str:
        """Body as plain text, paragraphs separated by a blank line (offsets refer to this)."""
        return "\n\n".join(self.body)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.body)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape used by `articles --json`, `parse --json` and `show --json`."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "source": self.source,
            "byline": self.byline,
            "dateline": self.dateline,
            "summary": list(self.summary),
            "captions": list(self.captions),
            "file": self.file,
            "related": list(self.related),
            "age": self.age,
            "url": self.url,
            "body": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        date = data.get("date")
        return cls(
            id=data["id"],
            title=data["title"],
            file=data["file"],
            date=dt.date.fromisoformat(date) if date else None,
            date_source=data.get("date_source") or DATE_NONE,
            source=data.get("source"),
            byline=data.get("byline"),
            dateline=data.get("dateline"),
            summary=list(data.get("summary") or []),
            captions=list(data.get("captions") or []),
            body=[p for p in (data.get("body") or "").split("\n\n") if p],
            related=list(data.get("related") or []),
            age=data.get("age"),
            url=data.get("url") or "",
        )
