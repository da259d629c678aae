"""Read page files from disk, defensively, and parse a whole corpus folder.

Real folders hold empty files, binaries, pages saved in Windows-1252 and the odd 50 MB
dump. Each gets one clear line and is skipped (or decoded with a fallback and flagged);
the rest of the corpus still loads.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from newsreader.config import Config
from newsreader.corpus import STDIN_NAME, check_corpus_dir, file_label, no_pages_message, no_story_message
from newsreader.corpus.feed import feed_to_text, is_feed_root, root_name as feed_root_name
from newsreader.corpus.html_page import declared_charset, html_to_text, looks_like_html
from newsreader.corpus.markdown_page import MARKDOWN_SUFFIXES, markdown_to_text
from newsreader.corpus.model import Article
from newsreader.corpus.parser import parse_page
from newsreader.errors import UserError

Warn = Callable[[str], None]


@dataclass
class PageText:
    """A page's decoded text, the warnings met while decoding, and its content hash."""

    text: str
    warnings: list[str]
    sha1: str
    encoding: str = "utf-8"
    #: What the file was before it became page text: "text", "html" (a saved web page),
    #: "markdown" (a .md page, its signs set aside) or "feed" (RSS or Atom), and the site or channel name its markup states.
    kind: str = "text"
    source: str | None = None
    #: The story's web address the markup states (an HTML page's canonical link): its one story's `url`.
    url: str | None = None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    return _too_many_controls(sample)


def _too_many_controls(sample: bytes | str) -> bool:
    """More control characters (other than tab, line ends, form feed and ESC) than text has:
    a few are stray, one in twenty is data."""
    codes = sample if isinstance(sample, bytes) else map(ord, sample)
    controls = sum(1 for b in codes if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 20)


#: Byte-order marks of the UTF-32 and UTF-16 a page may be saved in (Notepad's "Unicode", some
#: Windows tools), longest first: "\xff\xfe" opens both.
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
              (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _wide_text(data: bytes) -> tuple[str, str] | None:
    """The text and encoding of a page saved in UTF-16 or UTF-32 with its byte-order mark, else
    None. Such a page is half NUL bytes, which made it "binary file, not a saved text page": a
    wrong reason for a page that is text. Bytes after the mark that do not decode (a lone
    surrogate: what most binary data holds), or that decode to NULs or a run of control
    characters (an array of small numbers behind a mark), give None, and the page is tested
    as bytes."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if _binary_text(text) else (text, encoding)
    return None


def _binary_text(text: str) -> bool:
    """Decoded text that is data: `_looks_binary` for characters."""
    sample = text[:8192]
    return "\x00" in sample or _too_many_controls(sample)


#: UTF-32 and UTF-16 without a byte-order mark (some tools and exports write none): the name,
#: the size of a character, and which bytes of it are the high ones, zero for a character
#: below U+0100 (the letters of English and western European pages). UTF-32 first: its text
#: also has the zero pattern of UTF-16-LE, but decoded as that it would be full of NULs.
_BOMLESS_WIDE = (("UTF-32-LE", 4, (1, 2, 3)), ("UTF-32-BE", 4, (0, 1, 2)),
                 ("UTF-16-LE", 2, (1,)), ("UTF-16-BE", 2, (0,)))


def _bomless_wide_text(data: bytes) -> tuple[str, str] | None:
    """The text and encoding of a page saved in UTF-16 or UTF-32 without a byte-order mark,
    else None. Told by where its zero bytes are: in the high bytes of most characters (at
    least half: text mostly in the Latin script; UTF-8 text with a stray NUL has none there).
    Before, such a page was "binary file, not a saved text page" (UTF-16-BE from some
    exports). What then does not decode, or decodes to a NUL or a run of control characters,
    stays a binary file: arrays of small numbers and NUL-separated wide strings have the
    same zeros."""
    sample = data[:8192]
    for encoding, size, high in _BOMLESS_WIDE:
        count = len(sample) // size
        if len(data) % size or count < 2:
            continue
        if not all(sample[at: count * size: size].count(0) >= count / 2 for at in high):
            continue
        try:
            text = data.decode(encoding.lower())
        except UnicodeDecodeError:
            continue
        if _binary_text(text):
            continue
        return text, encoding
    return None


def _composed(text: str) -> str:
    """NFC form: a page saved with accents as separate marks (macOS, some copy-pastes) would
    otherwise store 'Zu\u0308rich', which the name lists and the reader's highlighting do not
    know as 'Zürich'."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def decode_page(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode bytes as UTF-8, else Windows-1252, else Latin-1, saying which was used."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return _composed(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError as exc:
        position = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _composed(text), encoding, [
            f"{name}: not valid UTF-8 (byte {position + 1}); read as {encoding}. "
            "Re-save the page as UTF-8 if letters look wrong"
        ]
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


#: What to do about a page file that holds no text: said with each such file.
_SAVE_AGAIN = "save the page again as plain text, or move the file out of the corpus folder"
#: ... and about standard input that holds none (`parse -`): no file to save or move.
_PIPE_AGAIN = "pipe in a page saved as plain text (newsreader parse - < page.txt)"


def _no_text(name: str, what: str, stdin: bool) -> UserError:
    """A page that holds no text, and what to do: a file of a corpus folder is skipped; of
    standard input nothing is skipped, and a page is piped in again."""
    return UserError(f"{name}: {what}; {_PIPE_AGAIN}" if stdin else f"{name}: {what}, skipped; {_SAVE_AGAIN}")


def _over_limit(name: str, size: int, max_bytes: int, stdin: bool) -> UserError:
    """Sizes a person reads: '23 KB is over the 10 KB page limit' (`max_page_mb: 0.01` was said
    '0.0 MB is over the 0.00999928 MB page limit'); digits are added until the two differ."""
    for digits in range(4):
        said, limit = _amount(size, digits), _amount(max_bytes, digits)
        if said != limit:
            break
    else:  # a few bytes over: those are told, the limit as set
        said, limit = f"{size:,} bytes", _amount(max_bytes, 0)
    return UserError(
        f"{name}: {said} is over the {limit} page limit"
        f"{'' if stdin else ', skipped'} (raise max_page_mb in the config to read it)"
    )


def _amount(n: int, digits: int) -> str:
    """`n` bytes in MB from 0.1 MB, else in KB from 1 KB, else in bytes (MB and KB of 1024, as
    `max_page_mb` counts); `digits` more than its sense needs (10 KB, 2.8 KB, 0.5 MB)."""
    for unit, name, least in ((1 << 20, "MB", (1 << 20) // 10), (1 << 10, "KB", 1 << 10)):
        if n >= least:
            value = n / unit
            return f"{value:.{(0 if value >= 10 else 1) + digits}f}".removesuffix(".0") + f" {name}"
    return f"{n:,} bytes"


def missing_page_message(name: str, path: Path) -> str:
    """What to say of a page file that is not there: a link to nothing (a page moved away,
    a disk not mounted) names where it points and what to do; a file deleted meanwhile is
    "no such file". One wording for `articles`, `index` and the reader (`index` and the
    reader said "no such file" of a link that `articles` explained)."""
    try:
        target = os.readlink(path)
    except OSError:  # no link (or gone meanwhile)
        return f"{name}: no such file"
    return f"{name}: a link to {target}, which does not exist; skipped (point the link at the page, or remove it)"


def read_page_file(path: Path, max_bytes: int, *, streams: bool = False, stdin: bool = False) -> PageText:
    """Read one page; raise `UserError` saying why it cannot be used. A pipe or a device
    (whose size says nothing) is read only with `streams` (`parse /dev/stdin`, `parse -`):
    in a corpus folder one could block the walk for ever, and it is said to be no file.
    `stdin`: `path` is standard input as `parse -` reads it, and the messages say so
    (`STDIN_NAME`, with advice for a pipe, not for a file in a corpus folder)."""
    name = STDIN_NAME if stdin else str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        if stdin:  # closed (`<&-`): /dev/stdin is a link to a descriptor that is not open
            raise UserError(f"{name}: not open; {_PIPE_AGAIN}") from None
        raise UserError(missing_page_message(name, path)) from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{name}: is a folder; use --corpus {path} to read a folder of pages")
    size = info.st_size
    if not stat.S_ISREG(info.st_mode):
        if not streams:
            kind = "a named pipe" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
            raise UserError(f"{name}: not a regular file ({kind}), skipped; move it out of the corpus folder")
    elif size == 0:
        raise _no_text(name, "empty file", stdin)
    if size > max_bytes:
        raise _over_limit(name, size, max_bytes, stdin)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)  # a stream can be longer than it said
    except OSError as exc:
        raise UserError(f"{name}: cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise _over_limit(name, len(data), max_bytes, stdin)
    if not data:
        raise _no_text(name, "empty file", stdin)
    sha1 = hashlib.sha1(data).hexdigest()
    markup = _markup_page(data, path, name)
    if markup is not None:
        if not markup.text.strip():
            raise _markup_only(name)
        markup.sha1 = sha1
        return markup
    text, encoding, warnings = _page_text(data, name, stdin)
    if not text.strip():
        raise _no_text(name, "only blank lines", stdin)
    if looks_like_html(text):  # (UTF-16 markup, or markup the byte test missed)
        page_text, facts = html_to_text(text)
        if not page_text.strip():
            raise _markup_only(name)
        return PageText(page_text, warnings, sha1, encoding, "html", facts.source, facts.url)
    if path.suffix.lower() in MARKDOWN_SUFFIXES and not stdin:
        return PageText(markdown_to_text(text), warnings, sha1, encoding, "markdown")
    return PageText(text, warnings, sha1, encoding)


def _markup_only(name: str) -> UserError:
    return UserError(f"{name}: a web page with no text once its markup, menus and scripts are set aside, skipped")


#: File endings that name a web page: read as HTML when they hold markup.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
#: File endings that name a feed; `.xml` is read as one when its root is <rss> or <feed>.
FEED_SUFFIXES = frozenset({".rss", ".atom", ".rdf", ".xml"})


def _markup_page(data: bytes, path: Path, name: str) -> PageText | None:
    """A web page or a feed as page text, by its ending or by how it opens (a page saved as
    `.txt` that is markup); None for a text page. Raise `UserError` for XML that is not a feed
    (a sitemap, a config file): one line, skipped."""
    suffix = path.suffix.lower()
    if _wide_text(data) is not None:  # UTF-16 or UTF-32 with a byte-order mark: tested once decoded
        return None
    head = data[:4096].lstrip(b"\xef\xbb\xbf").decode("latin-1")
    root = feed_root_name(head)
    # (`head` is those bytes past the mark, as Latin-1: one character each, so stripping it is
    # stripping them; only a feed's long look, below, reads the whole file past the mark)
    if root is None and suffix in FEED_SUFFIXES and head.lstrip("\xef\xbb\xbf\t\r\n ").startswith("<"):
        root = feed_root_name(data.lstrip(b"\xef\xbb\xbf").decode("latin-1"), limit=None)  # (a long comment above it)
    if root is not None and is_feed_root(root.rsplit(":", 1)[-1]):
        feed = feed_to_text(data, name)
        return PageText(feed.text, [], "", "utf-8", "feed", feed.source)
    if suffix in FEED_SUFFIXES and root is not None and root.lower() != "html":
        raise UserError(f"{name}: XML but not a news feed (its first element is <{root}>, not <rss> or <feed>), "
                        "skipped; move it out of the corpus folder, or drop .xml from `extensions`")
    if looks_like_html(head) or (suffix in HTML_SUFFIXES and b"<" in data[:4096]):
        encoding = declared_charset(data)
        warnings: list[str] = []
        if data.startswith(b"\xef\xbb\xbf"):
            text, encoding = _composed(data[3:].decode("utf-8", "replace")), "utf-8"
        elif encoding is not None:
            try:
                text = _composed(data.decode(encoding))
            except UnicodeDecodeError:
                text, encoding, warnings = decode_page(data, name)
                warnings = [w.replace("not valid UTF-8", f"not valid {encoding} as its <meta charset> says")
                            for w in warnings]
        else:
            text, encoding, warnings = decode_page(data, name)
        page_text, facts = html_to_text(text)
        return PageText(page_text, warnings, "", encoding, "html", facts.source, facts.url)
    return None


def _page_text(data: bytes, name: str, stdin: bool) -> tuple[str, str, list[str]]:
    """The text of a page file's bytes, its encoding, and a line for each guess made; raise
    `UserError` for a file that holds no text. UTF-16 or UTF-32 with a byte-order mark is
    read as such; NUL bytes otherwise mean UTF-16 or UTF-32 without one, a page whose end is
    zero bytes, or a binary file; the rest is UTF-8, else Windows-1252 (`decode_page`). Each
    guess is one line saying what was read and what to do if it looks wrong."""
    wide = _wide_text(data)
    if wide is not None:
        return _composed(wide[0]), wide[1], []
    if not _looks_binary(data):
        return decode_page(data, name)
    bomless = _bomless_wide_text(data)
    if bomless is not None:
        return _composed(bomless[0]), bomless[1].lower(), [
            f"{name}: not UTF-8 but {bomless[1]} without a byte-order mark; read as {bomless[1]}. "
            "Re-save the page as UTF-8 if letters look wrong"]
    body = data.rstrip(b"\x00")
    if not body:
        raise _no_text(name, "only zero bytes (a save cut short?)", stdin)
    if len(body) < len(data) and not _looks_binary(body):
        # Zeros at the end only: what a save cut short by a crash or a full disk leaves (the
        # file's length written, its last blocks not). The text before them is the page's.
        text, encoding, warnings = decode_page(body, name)
        return text, encoding, warnings + [
            f"{name}: ends in {len(data) - len(body)} zero bytes (a save cut short?); read the text before "
            "them. Save the page again if its end looks cut"]
    raise _no_text(name, "binary file, not a saved text page", stdin)


#: What a browser calls the folder "Save page as... (complete)" puts beside `Page.html`: its
#: scripts, styles, images, and the pages of its frames (ads, embedded posts), which are no
#: stories. Firefox writes `_files`; Chrome and Edge the word of their language.
_COMPANION_ENDINGS = ("_files", "-dateien", "_fichiers", "_archivos", "_arquivos", "_file", "-bestanden", "_filer",
                      "-tiedostot", "_pliki", "-soubory")


def _saved_with_page(folder: str, names: set[str]) -> bool:
    """Is `folder` the companion folder of a web page saved beside it (`Page_files` next to
    `Page.html` or `Page.htm`)? `names`: the lower-cased names in the same folder."""
    lowered = folder.lower()
    for ending in _COMPANION_ENDINGS:
        if lowered.endswith(ending):
            stem = lowered[:-len(ending)]
            return any(f"{stem}{suffix}" in names for suffix in HTML_SUFFIXES)
    return False


#: Endings of files newsreader can read as pages whether or not `extensions` names them: a file with one that
#: `extensions` leaves out is counted (`iter_page_files`' `unread`) and said, not skipped without a word (U1 #5).
READABLE_SUFFIXES = HTML_SUFFIXES | FEED_SUFFIXES | MARKDOWN_SUFFIXES | {".txt", ".text"}


def iter_page_files(root: Path, config: Config, unread: dict[str, int] | None = None) -> list[Path]:
    """Page files below `root` in a stable order; hidden files and folders are skipped. `unread`, if
    given, counts by ending the files left out only for an ending `extensions` does not name though
    newsreader reads it (`READABLE_SUFFIXES`: a saved .md page, an .rss feed; not a .css or a .png).

    Links are followed, a file reached twice is read once. A linked folder (a folder of pages
    on another disk, linked in) is read as if it were there: it was skipped without a word.
    A folder reached again (a link to the root or to a folder above it, a second link to one
    folder) is not walked again, so a loop cannot hang the walk. A file reached by two paths
    (a link to a page of the corpus) is one page, not a story listed twice with two ids: the
    path that is no link wins, else the first met. The real folders are walked first, then
    the linked ones, each in name order. A link to nothing stays in the list, so whoever reads
    it says one line about it (`read_page_file`). The folder a browser saves beside a web page
    (`Page_files` next to `Page.html`: its scripts, images and the pages of its frames) is no
    part of the corpus: its frames' pages were stories of ads and embedded posts."""
    check_corpus_dir(root, config)
    suffixes = {s.lower() for s in config.extensions}
    found: list[Path] = []
    seen_files: dict[tuple[int, int], int] = {}  # (device, inode) -> its place in `found`
    linked_files: list[Path] = []
    try:
        top = os.stat(root)
    except OSError:
        return found
    seen_dirs = {(top.st_dev, top.st_ino)}
    pending: list[Path] = [root]  # folders to walk: the root, then each linked folder met

    def walk(start: Path) -> None:
        stack = [start]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as scan:
                    entries = sorted(scan, key=lambda e: e.name)
            except OSError:
                continue
            device = None
            subfolders: list[Path] = []
            names = {entry.name.lower() for entry in entries}
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_link = entry.is_symlink()
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    continue
                if is_dir:
                    if _saved_with_page(entry.name, names):
                        continue
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if (info.st_dev, info.st_ino) not in seen_dirs:
                        seen_dirs.add((info.st_dev, info.st_ino))
                        subfolders.append(Path(entry.path))
                    continue
                if is_link:
                    try:
                        target_is_dir = entry.is_dir()
                    except OSError:
                        target_is_dir = False
                    if target_is_dir:
                        pending.append(Path(entry.path))
                        continue
                suffix = Path(entry.name).suffix.lower()
                if suffix not in suffixes:
                    if unread is not None and suffix in READABLE_SUFFIXES:
                        unread[suffix] = unread.get(suffix, 0) + 1
                    continue
                if is_link:
                    linked_files.append(Path(entry.path))
                    continue
                if device is None:
                    try:
                        device = os.stat(folder).st_dev
                    except OSError:
                        device = -1
                seen_files[(device, entry.inode())] = len(found)
                found.append(Path(entry.path))
            stack.extend(reversed(subfolders))

    while pending:
        start = pending.pop(0)
        if start != root:
            try:
                info = os.stat(start)
            except OSError:
                continue
            if (info.st_dev, info.st_ino) in seen_dirs:
                continue  # a loop, or a folder walked already
            seen_dirs.add((info.st_dev, info.st_ino))
        walk(start)
    for path in linked_files:
        try:
            info = os.stat(path)
        except OSError:
            found.append(path)  # a link to nothing: said where it is read
            continue
        key = (info.st_dev, info.st_ino)
        if key not in seen_files:
            seen_files[key] = len(found)
            found.append(path)
    return found


def relative_name(path: Path, root: Path) -> str:
    """The page's name as stored in articles: relative to the corpus root, with slashes."""
    try:
        return file_label(path.relative_to(root).as_posix())
    except ValueError:
        return file_label(path.name)


@dataclass
class Corpus:
    root: Path
    articles: list[Article] = field(default_factory=list)
    page_count: int = 0
    skipped: list[str] = field(default_factory=list)


def with_page_source(articles: list[Article], page: PageText | object) -> list[Article]:
    """The stories of a page whose markup names its site or channel (`og:site_name`, a feed's
    title) with that as their source, where the text gave none: the source facet and
    `source:` queries were empty for every page but an aggregator's listed stories. A page
    of one story gets the address its markup states as that story's `url`."""
    source = getattr(page, "source", None)  # (a test's or a benchmark's page may have none)
    if source:
        for article in articles:
            if article.source is None:
                article.source = source
    # The page's own address (its canonical link) is its story's when it holds one; a front page's is none of its.
    url = getattr(page, "url", None)
    if url and len(articles) == 1 and not articles[0].url:
        articles[0].url = url
    return articles


def page_articles(path: Path, root: Path, max_bytes: int, warn: Warn) -> tuple[list[Article], str]:
    """One page of the corpus `root` as parsing reads it: its articles, or none and why it is
    skipped (it cannot be read, or holds no story). Each line about it, that reason or a note
    (a page read as Windows-1252), is said through `warn`: `load_corpus` and `articles` (of
    the pages its index could not use) say a page's problems alike."""
    try:
        page = read_page_file(path, max_bytes)
    except UserError as exc:
        warn(exc.message)
        return [], exc.message
    for note in page.warnings:
        warn(note)
    articles = with_page_source(parse_page(page.text, relative_name(path, root)).articles, page)
    if not articles:
        problem = no_story_message(path)
        warn(problem)
        return [], problem
    return articles, ""


def load_corpus(root: Path, config: Config, warn: Warn | None = None, files: list[Path] | None = None) -> Corpus:
    """Parse every page under `root` (`files`: its `iter_page_files`, when the caller has
    walked the folder already); bad pages are reported through `warn` and skipped."""
    corpus = Corpus(root=root)
    max_bytes = int(config.max_page_mb * 1024 * 1024)

    def say(message: str) -> None:
        if warn:
            warn(message)

    for path in iter_page_files(root, config) if files is None else files:
        articles, skipped = page_articles(path, root, max_bytes, say)
        if not articles:
            corpus.skipped.append(skipped)
            continue
        corpus.page_count += 1
        corpus.articles.extend(articles)
    if not corpus.page_count and not corpus.skipped:
        raise UserError(no_pages_message(root, config.extensions))
    return corpus
