"""The `newsreader` command: opens the reader, or runs one subcommand and exits.

Every subcommand is a `cmd_*` function taking the parsed arguments and a `Context`; it
returns an exit code. Problems the user can fix are raised as `UserError` and printed as one
line; Ctrl-C exits 130 without a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import re
import sqlite3
import stat
import sys
import textwrap
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, TextIO

from newsreader import __version__
from newsreader.config import (Config, Paths, check_extractor, check_query_length, config_name_warnings, corpus_key,
                               load_config, user_paths)
from newsreader.errors import (IndexNeedsRebuild, UserError, broken_install, counted, exception_said, iso_date,
                               iso_datetime, no_article, printable, printable_json)

#: What `parse -` reads: standard input, as a file a pipe or a redirect stands behind.
STDIN_PATH = "/dev/stdin"
#: A command finds the last indexing run stopped before its end: with at most this many pages of the folder
#: unread (a second or two), it finishes the run first; with more, it answers from what is indexed and says so.
FINISH_FIRST_PAGES = 200


def _partly_indexed(unread: int, reread: int, total: int) -> str:
    """What the index answers from after a run stopped before its end (`Library.pages_left`): `unread` pages
    of the folder's `total` have no stories in it, `reread` wait to be read again and are in it as an earlier
    run read them."""
    if not unread:
        return (f"{reread:,} of {total:,} pages wait to be read again, and answers come from the index as an "
                "earlier run left them")
    again = f" ({reread:,} of them as an earlier run read them)" if reread else ""
    return f"{total - unread:,} of {total:,} pages are indexed{again} and answers come from them"


@dataclass
class Context:
    """What every command needs: the folders, the validated config and the streams."""

    paths: Paths
    config: Config
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    #: The index was just built from a folder without pages, and the user told what to do.
    told_no_pages: bool = False
    #: What every command said first (`config_name_warnings`): `paths` reads its theme row's
    #: "missing" from them, not from a second check.
    config_warnings: list[str] = field(default_factory=list)
    #: What `open_library` warned of an index holding part of the corpus (another run updating it, a run
    #: stopped before its end), "" when whole: a JSON answer says it in its `notes`, where a script reads it
    #: (RV30-L: `search --json` from 2 % of the corpus gave "exact": true and no word of it).
    partial: str = ""

    def corpus_dir(self, args: argparse.Namespace) -> Path:
        return self.config.corpus_dir(getattr(args, "corpus", None))

    def warn(self, message: str) -> None:
        """One line on stderr: a problem that did not stop the command."""
        self.say(f"warning: {message}")

    def warn_partial(self, message: str) -> None:
        """`warn`, of an index holding part of the corpus: kept for the JSON answers (`partial`)."""
        self.warn(message)
        self.partial = message

    def say(self, message: str) -> None:
        """One line on stderr, its file names (untrusted text) made printable."""
        print(f"newsreader: {printable(message)}", file=self.stderr)

    def open_library(self, args: argparse.Namespace) -> Any:
        """The corpus's search index, built first when there is none yet (with progress
        on a terminal), so every command works straight after install."""
        from newsreader.corpus import check_corpus_dir
        from newsreader.search.library import Library
        from newsreader.search.schema import update_running

        corpus = self.corpus_dir(args)
        library = Library.open(self.paths, corpus, self.config)
        if not library.exists():
            check_corpus_dir(corpus, self.config)  # an index already built answers without its folder
            self._build(library, f"indexing {corpus} first (once; `newsreader index` updates it later)")
        elif update_running(library.folder):
            # A rebuild starts from nothing: "no matching articles" would look like an answer.
            self.warn_partial("another run is updating this index (`newsreader index` or an open reader); "
                              "answers may be incomplete until it finishes")
        elif self._unfinished(library):
            # Killed mid-run: answers from part of the corpus would look like whole ones.
            try:
                check_corpus_dir(corpus, self.config)
            except UserError as exc:
                self.warn_partial(f"the last indexing run was stopped before its end and {exc.message}; "
                                  "answers may be incomplete")
            else:
                self._finish(library, corpus)
        return library

    def _finish(self, library: Any, corpus: Path) -> None:
        """A run stopped before its end (Ctrl-C, killed): finished first when few pages are left to read (new,
        or to read again: `Library.pages_left`; its answers would look whole), else answered from what is indexed, with a warning. Every command
        finished a whole stopped rebuild first, silent where stderr is no terminal (U1 #7: 25 s before a
        search's first hit at 3,000 pages; minutes for a real corpus). Ctrl-C while it finishes answers
        from what is indexed then."""
        from newsreader.search.commands import interrupt_stops, stopped_said
        from newsreader.search.library import UpdateStopped

        stopped = f"the last indexing run of {corpus} was stopped before its end"
        try:
            unread, reread, total = library.pages_left()
        except (UserError, OSError, sqlite3.Error):  # (the update says what is wrong, or the command's first read)
            unread, reread, total = 0, 0, 0
        if unread + reread > FINISH_FIRST_PAGES:
            self.warn_partial(f"{stopped}: {_partly_indexed(unread, reread, total)}; `newsreader index` "
                              f"{'indexes the rest' if unread else 'reads them'} (Ctrl-C there keeps what it has done)")
            return
        left = ", ".join([*([f"{counted(unread, 'page')} unread"] if unread else []),
                          *([f"{counted(reread, 'page')} to read again"] if reread else [])])
        left = f" ({left})" if left else ""
        try:
            with interrupt_stops() as stop:
                self._build(library, f"{stopped}; finishing it first{left}; Ctrl-C answers from what is indexed",
                            stop)
        except UpdateStopped as exc:
            self.warn_partial(f"interrupted: answers come from what is indexed; {stopped_said(exc)}")
        except UserError as exc:  # (a corpus folder found empty, a cue file with a mistake): answer anyway
            self.warn_partial(f"{exc.message}; answers may be incomplete")

    def story(self, library: Any, article_id: str) -> Any:
        """The indexed article of `article_id`, or of the id its story has now if its
        headline was edited since the id was printed (`Library.story`; a warning says so),
        or None."""
        from newsreader.search.library import UNREADABLE_STORY, unreadable_said

        try:
            stored = library.story(article_id)
        except UNREADABLE_STORY:  # (one line, exit 2: what a damaged index is for every command)
            raise IndexNeedsRebuild(unreadable_said([article_id], "")) from None
        if stored is not None and stored.article.id != article_id:
            self.renamed_warning(article_id, stored.article.id)
        return stored

    def renamed_warning(self, old: str, new: str) -> None:
        self.warn(f"{old} is now {new} (its headline was edited)")

    @staticmethod
    def _unfinished(library: Any) -> bool:
        try:
            return library.unfinished()
        except UserError:  # damaged or another version: the command's first read says so
            return False

    def _build(self, library: Any, why: str, stop: Callable[[], bool] | None = None) -> None:
        from newsreader.search.commands import ProgressLine

        self.say(why)
        line = ProgressLine(self.stderr)
        try:
            stats = library.update(progress=line, warn=self.warn, stop=stop)
        finally:
            line.finish()
        if not stats.pages_seen:  # else a search of an empty folder just said "no matching articles"
            from newsreader.corpus import no_pages_message

            self.warn(no_pages_message(library.corpus, self.config.extensions))
            self.told_no_pages = True
        self.unread_endings(stats)

    def unread_endings(self, stats: Any) -> None:
        """One line for the files a run left out only for their ending (`UpdateStats.unread_endings`)."""
        if stats.unread_endings:
            from newsreader.corpus import unread_endings_message

            self.say(unread_endings_message(stats.unread_endings, self.paths.config_file, self.config.extensions))

    def print_json(self, data: Any) -> None:
        self.stdout.write(printable_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")

    def print_json_array(self, items: Iterable[Any]) -> None:
        """`print_json(list(items))`, byte for byte, written an item at a time: `articles
        --json` of a big corpus is hundreds of megabytes, and held twice in memory so."""
        first = True
        for item in items:
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.stdout.write(("[\n  " if first else ",\n  ") + printable_json(text))
            first = False
        self.stdout.write("[]\n" if first else "\n]\n")


Command = Callable[[argparse.Namespace, Context], int]


def _add_corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder of saved news pages (default: the config's corpus, else the bundled seeds)",
    )


# --- corpus commands -----------------------------------------------------------------


def cmd_parse(args: argparse.Namespace, ctx: Context) -> int:
    """Show what the parser makes of individual page files.

    `--json` keeps one shape per call, whatever the files hold: one FILE gives one object
    `{"file", "articles"}`, several give an array of them, one per FILE in order. A file that
    could not be read is its object with no articles and an "error" (an empty standard input
    printed `[]` where a script expected the object)."""
    from newsreader.corpus import no_story_message
    from newsreader.corpus.explain import render_articles, render_explain
    from newsreader.corpus.loader import read_page_file, with_page_source
    from newsreader.corpus.parser import parse_page

    read: list[tuple[Path, Any, str]] = []  # each FILE in order: its parse, or why it could not be read
    failures = 0
    for name in args.files:
        stdin = name == "-"
        path = Path(STDIN_PATH if stdin else name)
        try:
            page = read_page_file(path, max_bytes=int(ctx.config.max_page_mb * 1024 * 1024), streams=True,
                                  stdin=stdin)
        except UserError as exc:
            ctx.say(exc.message)
            read.append((Path(name), None, exc.message))
            failures += 1
            continue
        for note in page.warnings:
            ctx.warn(note)
        if stdin:
            path = Path("-")
        result = parse_page(page.text, file="-" if stdin else _page_name(path, ctx.corpus_dir(args)))
        with_page_source(result.articles, page)  # a saved web page's site, a feed's channel
        read.append((path, result, ""))
        if not result.articles:  # nothing found: said, unless --explain shows why
            if not args.explain:
                ctx.say(no_story_message(path, stdin=stdin))
            failures += 1
    results = [(path, result) for path, result, _ in read if result is not None]
    if args.json:
        entries = [_parse_entry(path, result, error, args.explain) for path, result, error in read]
        ctx.print_json(entries if len(args.files) != 1 else entries[0])
    else:
        for path, result in results:
            if len(results) > 1:
                print(f"==> {printable(str(path))} <==", file=ctx.stdout)
            text = render_explain(result) if args.explain else render_articles(result.articles)
            ctx.stdout.write(text)
    if failures and not results:
        return 2
    return 1 if failures else 0


def _page_name(path: Path, root: Path) -> str:
    """A FILE's name for its articles' ids and `file`: inside the corpus folder, its path
    relative to it, as `articles`, `show` and the index have it (`parse` gave `notes.md`
    ids that `show` did not know, made from the file name alone); elsewhere its file name.
    A FILE given through a link to the corpus folder, or the corpus through a link, counts
    as inside; a page that is itself a link keeps its own name, as the corpus walk does."""
    from newsreader.corpus import file_label

    here = Path(os.path.abspath(path))
    for inside, top in ((here, Path(os.path.abspath(root))), (here.parent.resolve() / here.name, root.resolve())):
        with contextlib.suppress(ValueError):
            return file_label(inside.relative_to(top).as_posix())
    return file_label(path.name)


def _parse_entry(path: Path, result: Any, error: str, explain: bool) -> dict[str, Any]:
    """One FILE of `parse --json`: its articles (none when it could not be read, and then
    why), and with `--explain` what became of each of its lines."""
    entry: dict[str, Any] = {"file": str(path),
                             "articles": [a.to_dict() for a in result.articles] if result is not None else []}
    if error:
        entry["error"] = error
    if explain:
        entry["lines"] = [fate.to_dict() for fate in result.fates] if result is not None else []
    return entry


def cmd_articles(args: argparse.Namespace, ctx: Context) -> int:
    """List every article in the corpus: from its index when the index is up to date with
    the pages (each page's size and modification time as the index recorded them, as
    `newsreader index` tells an unchanged page), else by parsing every page. Parsing 28,000
    pages took over two minutes where the index answers in seconds; both give the same list
    (ids, order, JSON), and the summary line says which was done."""
    from newsreader.corpus.loader import iter_page_files, load_corpus

    root = ctx.corpus_dir(args)
    files = iter_page_files(root, ctx.config)  # a missing folder: one line, as parsing says it
    if not files:
        # A folder without pages is an empty answer, not an error (exit 0, `[]`), as `index`
        # and `search` take it: `articles --json | jq length` failed on nothing printed.
        from newsreader.corpus import no_pages_message

        ctx.warn(no_pages_message(root, ctx.config.extensions))
        if args.json:
            ctx.print_json_array(())
        print(f"0 articles from 0 pages in {printable(str(root))}", file=ctx.stderr)
        return 0
    listed = _indexed_listing(ctx, root, files)
    if isinstance(listed, _Listing):
        try:
            if args.sort != "corpus":
                # One read of the rows (SearchStore.rows reads 500 at a time): the dates to sort
                # by, and, kept on `listed`, the lines _print_listing prints.
                rows = listed.rows = listed.library.store().rows(listed.ids)
                listed.ids = _date_sorted(listed.ids, lambda i: r.date if (r := rows.get(i)) else None, args.sort)
            return _print_listing(args, ctx, root, listed)
        finally:
            listed.library.close()
    corpus = load_corpus(root, ctx.config, warn=ctx.warn, files=files)
    if args.sort != "corpus":
        corpus.articles = _date_sorted(corpus.articles, lambda a: a.date.isoformat() if a.date else None, args.sort)
    if args.json:
        ctx.print_json_array(a.to_dict() for a in corpus.articles)
    else:
        _print_rows(ctx, ((a.id, a.title, a.date.isoformat() if a.date else None, a.source) for a in corpus.articles))
    print(f"{counted(len(corpus.articles), 'article')} from {counted(corpus.page_count, 'page')} "
          f"in {printable(str(corpus.root))}{listed}", file=ctx.stderr)
    return 0


def _date_sorted(items: list[Any], date_of: Callable[[Any], str | None], sort: str) -> list[Any]:
    """`items` newest first ("date") or oldest first ("oldest"), undated last in both (as
    `search --sort` orders them); the same date keeps the corpus order."""
    keyed = [(date_of(x), x) for x in items]  # (one date_of each: an isoformat() on the corpus path)
    dated = [(d, x) for d, x in keyed if d]
    dated.sort(key=lambda p: p[0], reverse=sort == "date")  # (a stable sort, reversed stably)
    return [x for _, x in dated] + [x for d, x in keyed if not d]


@dataclass
class _Listing:
    """What `articles` lists from an index that is up to date: the ids in corpus order (pages
    in `iter_page_files` order, stories as each page gave them) and the pages they came from."""

    library: Any
    ids: list[str]
    pages: int
    rows: dict | None = None  # the ids' rows, when `articles --sort` has read them already


def _indexed_listing(ctx: Context, root: Path, files: list[Path]) -> "_Listing | str":
    """The index's listing when every page file is one the index recorded with the same size
    and modification time, and no page it recorded is gone; else why the pages are parsed
    (a note for the summary line, "" without an index). Pages the index could not use are
    read again, so their one-line warnings are said as parsing says them; the notes of pages
    it read (a page read as Windows-1252) were said by the run that indexed them."""
    from newsreader.corpus.loader import page_articles
    from newsreader.search.store import page_key
    from newsreader.search.library import Library
    from newsreader.search.schema import update_running

    library = Library.open(ctx.paths, root, ctx.config)
    with contextlib.ExitStack() as closing:
        closing.callback(library.close)  # on every way out but the listing, which keeps it open
        try:
            if not library.exists() or not files:
                return ""
            if update_running(library.folder):
                return " (every page parsed: another run is updating its index)"
            store = library.store()
            # One read transaction from here to the last article printed: what a run that
            # updates the index meanwhile commits is not half seen (an id listed, its article gone).
            store.connection().execute("BEGIN")
            known = store.pages()
            stale = library.unfinished() or store.parsed_otherwise()
            ids: list[str] = []
            pages = 0
            matched = 0  # pages of the folder the index recorded as they are
            unusable: list[Path] = []
            prefix = os.path.join(str(root), "")
            max_bytes = int(ctx.config.max_page_mb * 1024 * 1024)
            for path in files if not stale else ():
                name = str(path)
                rec = known.get(page_key(prefix, name))
                try:
                    st = os.stat(name)
                except OSError:
                    if rec is None:  # a link to nothing, which the index has no page for either: said below
                        unusable.append(path)
                        continue
                    rec = None
                # A page read when the limit was higher (`max_page_mb` lowered since) is parsed: skipped.
                if rec is None or not rec.same_file(st) or (rec.ids and st.st_size > max_bytes):
                    stale = True
                    break
                matched += 1
                if rec.ids:
                    ids += rec.ids
                    pages += 1
                else:  # could not be used when indexed: read again below, for its warning
                    unusable.append(path)
            # A page the index recorded that is gone; every id a page record names is stored.
            stale = stale or matched != len(known) or store.count() != len(ids)
        except (UserError, ImportError, OSError, sqlite3.Error):  # damaged, another version, a broken Whoosh:
            # parsing still lists the pages.
            return " (every page parsed: its index cannot be read)"
        if stale:
            return _INDEX_OUT_OF_DATE
        said: list[str] = []  # (said as parsing says it, once the index is known to be used)
        for path in unusable:
            if page_articles(path, root, max_bytes, said.append)[0]:
                # Usable now (the page limit raised since, say): its stories are not in the index.
                return _INDEX_OUT_OF_DATE
        for line in said:
            ctx.warn(line)
        closing.pop_all()
        return _Listing(library, ids, pages)


#: How `articles` says it parsed every page because its index was not up to date.
_INDEX_OUT_OF_DATE = " (every page parsed: its index is out of date; `newsreader index` updates it)"


def _print_listing(args: argparse.Namespace, ctx: Context, root: Path, listed: _Listing) -> int:
    store = listed.library.store()
    chunks = (listed.ids[i:i + 500] for i in range(0, len(listed.ids), 500))
    if args.json:
        # The stored article is the parsed one's `to_dict()` (indexer.prepare), read 500 at a time.
        ctx.print_json_array(doc["article"] for chunk in chunks
                             for docs in (store.docs(chunk),) for doc in (docs[i] for i in chunk))
    elif listed.rows is not None:
        rows = listed.rows
        _print_rows(ctx, ((r.id, r.title, r.date, r.source) for r in (rows[i] for i in listed.ids)))
    else:
        _print_rows(ctx, ((r.id, r.title, r.date, r.source) for chunk in chunks
                          for rows in (store.rows(chunk),) for r in (rows[i] for i in chunk)))
    # (With --json too, as for an empty folder: stderr does not disturb the JSON; Q10 F3.)
    print(f"{counted(len(listed.ids), 'article')} from {counted(listed.pages, 'page')} "
          f"in {printable(str(root))} (listed from its index, which is up to date)", file=ctx.stderr)
    return 0


def _print_rows(ctx: Context, rows: Iterable[tuple[str, str, str | None, str | None]]) -> None:
    for id_, title, date, source in rows:
        shown = f"  [{source}]" if source else ""
        print(f"{date or 'undated   '}  {id_}\n            {title}{shown}", file=ctx.stdout)


# --- where things live ------------------------------------------------------------------


def _folder_bytes(folder: Path) -> int:
    """The bytes of the files under `folder` (0 if it cannot be read)."""
    total = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def _size(n: int) -> str:
    return f"{n / 1_000_000:,.1f} MB" if n >= 100_000 else f"{n / 1000:,.0f} kB"


def _corpus_gone(recorded: Path | None, device: int | None) -> bool | None:
    """Whether an index's recorded corpus folder is gone for good: True only when the folder is
    not there while the folder that held it is, on the device the corpus was on (`device`,
    recorded with it): a folder renamed or deleted. None (not known, never pruned) for an
    index with no usable record (none, no device, a relative path, a NUL byte), a folder that
    cannot be looked at, or a parent that is missing or on another device: an unplugged
    drive's mount point goes (/Volumes/NAME, /media/USER/LABEL) or stays empty on the system
    disk, and its index must survive until the drive is back."""
    if recorded is None or device is None or not recorded.is_absolute() or "\x00" in str(recorded):
        return None
    try:
        os.stat(recorded)
        return False
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        return None
    try:
        return True if os.stat(recorded.parent).st_dev == device else None
    except (OSError, ValueError):
        return None


def _delete_index(folder: Path) -> str | None:
    """Delete an index folder under its own lock, moved aside first: a run that starts
    updating it meanwhile is turned away by the lock, and a half-deleted folder is never left
    under the index's name. The reason it was not deleted, or None."""
    import shutil

    from newsreader.fileio import flock_within
    from newsreader.search.schema import LOCK_FILE

    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDONLY)
    except FileNotFoundError:
        fd = None
    except OSError as exc:
        return f"cannot take its lock ({exc.strerror})"
    try:
        if fd is not None:
            if not flock_within(fd, 0):
                return "another run is updating it"
        aside = folder.with_name(f".pruned-{folder.name}-{os.getpid()}")
        try:
            os.rename(folder, aside)
        except OSError as exc:
            return f"cannot move it aside ({exc.strerror})"
    finally:
        if fd is not None:
            os.close(fd)
    shutil.rmtree(aside, ignore_errors=True)
    return None


def cmd_paths(args: argparse.Namespace, ctx: Context) -> int:
    """Where the config, the index of each corpus and the bookmarks are, with the index sizes
    and the corpus folder each index was built from: only `index --json` named an index, and
    an index whose corpus was renamed or deleted stayed behind for good, unseen. `--prune`
    deletes those (never the current corpus's index, one whose corpus is not known, or one
    another run is updating; never the bookmarks)."""
    from newsreader.config import recorded_corpus
    from newsreader.resources import cues_dir, themes_dir

    paths = ctx.paths
    corpus = ctx.corpus_dir(args)
    chosen = "--corpus" if getattr(args, "corpus", None) is not None else \
        "config" if ctx.config.corpus is not None else "the bundled seeds"
    current = paths.index_dir(corpus)
    others: list[dict[str, Any]] = []
    try:
        folders = sorted(p for p in paths.indexes_dir.iterdir()
                         if not p.name.startswith(".") and not p.is_symlink() and p.is_dir() and p != current)
    except OSError:
        folders = []
    for folder in folders:
        recorded, device = recorded_corpus(folder)
        gone = _corpus_gone(recorded, device)
        others.append({"index": str(folder), "bytes": _folder_bytes(folder),
                       "corpus": str(recorded) if recorded is not None else None,
                       "corpus_exists": None if gone is None else not gone})
    pruned: list[dict[str, Any]] = []
    if args.prune:
        for entry in others:
            if entry["corpus_exists"] is not False:
                continue
            refused = _delete_index(Path(entry["index"]))
            if refused:
                ctx.warn(f"{entry['index']}: {refused}; not deleted")
                continue
            pruned.append(entry)
        others = [entry for entry in others if entry not in pruned]
    from newsreader.config import SETTINGS, theme_in_use, theme_missing

    theme, theme_from = theme_in_use(ctx.config, paths)
    missing = theme_missing(ctx.config, ctx.config_warnings)
    info: dict[str, Any] = {
        "config_file": str(paths.config_file), "config_file_exists": paths.config_file.is_file(),
        "bundled_themes_dir": str(themes_dir()), "bundled_cues_dir": str(cues_dir()),
        "theme": theme, "theme_from": theme_from, "theme_missing": missing,
        "config_dir": str(paths.config_dir), "data_dir": str(paths.data_dir), "cache_dir": str(paths.cache_dir),
        "state_file": str(paths.store_file), "home": os.environ.get("NEWSREADER_HOME") or None,
        "corpus": str(corpus), "corpus_from": chosen, "corpus_exists": corpus.is_dir(),
        "index": str(current), "index_exists": current.is_dir(),
        "index_bytes": _folder_bytes(current) if current.is_dir() else 0,
        "other_indexes": others,
    }
    if args.prune:
        info["pruned"] = pruned
    if args.json:
        ctx.print_json(info)
        return 0
    out = ctx.stdout
    where = "NEWSREADER_HOME" if info["home"] else "your user folders"
    rows = [
        ("config file", f"{paths.config_file}" + ("" if info["config_file_exists"] else "  (none: defaults in use)")),
        ("your themes, cues", f"{paths.user_themes_dir}, {paths.user_cues_dir}"),
        ("bundled themes", f"{info['bundled_themes_dir']}  (copy one to your themes to change it)"),
        ("bundled cues", f"{info['bundled_cues_dir']}  (your cue files add to these)"),
        ("theme", f"{theme}  ({_THEME_FROM[theme_from]}"
                  + (f"; missing: the reader uses {SETTINGS['theme'].default})"
                     if missing else ")")),
        ("bookmarks, state", str(paths.store_file)),
        ("cache", str(paths.cache_dir)),
        ("corpus", f"{corpus}  ({chosen}{'' if info['corpus_exists'] else '; not there now'})"),
        ("its index", f"{current}  ({_size(info['index_bytes'])})" if info["index_exists"]
         else f"{current}  (not built yet)"),
    ]
    for name, value in rows:
        print(f"{name + ':':<19}{printable(value)}", file=out)
    for entry in pruned:
        print(f"deleted the index {printable(entry['index'])} ({_size(entry['bytes'])}) of "
              f"{printable(entry['corpus'])}, which is gone", file=out)
    if others:
        print("other indexes:", file=out)
    for entry in others:
        if entry["corpus"] is None:
            state = "corpus not recorded (indexed by an older newsreader)"
        else:
            state = f"corpus {entry['corpus']}" + {True: "", False: " (gone)",
                                                      None: " (out of reach now: kept)"}[entry["corpus_exists"]]
        print(f"  {printable(entry['index'])}  ({_size(entry['bytes'])}): {printable(state)}", file=out)
    gone = sum(entry["corpus_exists"] is False for entry in others)
    if gone:
        print("1 index of a corpus folder that is gone; `newsreader paths --prune` deletes it" if gone == 1 else
              f"{gone:,} indexes of corpus folders that are gone; `newsreader paths --prune` deletes them",
              file=ctx.stderr)
    print(f"(all under {where}; an index is rebuilt from its corpus when deleted)", file=ctx.stderr)
    return 0


#: Where the theme `paths` names was chosen, as it says it.
_THEME_FROM = {"reader": "chosen in the reader with Ctrl+P: the config's theme is not used while that stands",
               "config": "config", "default": "the default"}


# --- bookmarks commands --------------------------------------------------------------


def _open_store(ctx: Context, *, write: bool) -> Any:
    """Writes need the real file (a clear error otherwise); reads fall back to whatever
    can still be read, so `list` and `export` work on a read-only data folder."""
    from newsreader.store import Store

    store = Store.open(ctx.paths.store_file, readonly_ok=not write)
    for notice in store.notices:
        ctx.warn(notice)
    return store


def _bookmarks_library(ctx: Context, args: argparse.Namespace, store: Any, *, build: bool,
                       shown: Callable[[], str] | None = None, busy_said: bool = False) -> Any:
    """The one way the bookmarks commands reach the corpus's index: open it, and move the
    bookmarks and read marks of stories whose headline was edited to the ids the stories
    have now (in the store at hand: on a read-only one, for what is shown).

    `build`: build or finish the index first, for the commands that need its articles
    (`add`, `list`, the Markdown export); otherwise only an index that exists is read (None
    without one), so `remove` and the JSON/YAML exports never build one. With `shown` (what
    the command shows without the index, said only then: it may read the store), an index
    that cannot be read or built is one warning and None; otherwise its error stops the
    command. `busy_said`: the caller says in its own line that another run is updating the index (with
    `build`, `open_library` said it too: two lines)."""
    from newsreader.search.library import Library
    from newsreader.search.schema import update_running

    try:
        if build:
            library = Library.open(ctx.paths, ctx.corpus_dir(args), ctx.config) if busy_said else None
            if library is None or not (library.exists() and update_running(library.folder)):
                if library is not None:
                    library.close()
                library = ctx.open_library(args)
        else:
            library = Library.open(ctx.paths, ctx.corpus_dir(args), ctx.config)
            if not library.exists():
                library.close()
                return None
        try:
            store.follow_renames(library.renamed())
        except BaseException:
            library.close()
            raise
    except (UserError, OSError) as exc:
        if shown is None:
            raise
        message = exc.message if isinstance(exc, UserError) else \
            f"cannot read or build the index ({exc.strerror or exc})"
        ctx.warn(f"{message}; {shown()}")
        return None
    return library


def _bookmark_id(ctx: Context, store: Any, library: Any, article_id: str) -> str:
    """Where the bookmark of `article_id` is: a bookmark follows its story to the id it has
    now (its headline was edited; a warning says so), whether the story is still in the
    corpus or not."""
    if store.get_bookmark(article_id) is None and library is not None:
        new = library.renamed().get(article_id)
        if new is not None and store.get_bookmark(new) is not None:
            ctx.renamed_warning(article_id, new)
            return new
    return article_id


def _corpus_key(ctx: Context, args: argparse.Namespace) -> str:
    """The key the store keeps this corpus's "not in the corpus now" marks under
    (`Store.reconcile`, `Store.last_marks`)."""
    return corpus_key(ctx.corpus_dir(args))


def _as_last_seen(ctx: Context, args: argparse.Namespace, store: Any, what: str) -> str:
    """What a bookmarks command shows when it cannot read the corpus: the bookmarks as
    stored, with the marks of the corpus's last check if the store has them, else saying
    that nobody knows which stories are still there. (Before, every bookmark showed as
    present: the marks are kept per corpus since 0279770.)"""
    marks, when = store.last_marks(_corpus_key(ctx, args))
    if when is None:
        return f"{what} as last seen; whether their stories are still in the corpus is not known"
    unseen = len(store.bookmarked_ids() - marks.keys())
    later = f" ({counted(unseen, 'bookmark')} added since: not known)" if unseen else ""
    marked = "marked 'not in the corpus' as" if any(marks.values()) else "all in the corpus"
    return f"{what} as last seen, {marked} at its check of {when.astimezone():%Y-%m-%d %H:%M}{later}"


def _mark_as_last_seen(ctx: Context, args: argparse.Namespace, store: Any, bookmarks: list[Any]) -> None:
    """Each bookmark's mark from the corpus's last check; None where no check saw it."""
    marks, _ = store.last_marks(_corpus_key(ctx, args))
    for b in bookmarks:
        b.missing = marks.get(b.article_id)


def _corpus_articles(ctx: Context, args: argparse.Namespace, store: Any, unread: str, *, build: bool = True,
                     doing: str = "showing bookmarks",
                     busy: list[bool] | None = None) -> tuple[dict[str, Any] | None, list[str]]:
    """The bookmarked articles that the corpus has now, for marking missing bookmarks and
    for export paragraphs, and the bookmarked ones in the index whose stored record cannot be
    read (damaged), said in one warning (`unread`: what is done with them). A corpus that cannot
    be read at all is one warning, and the stored bookmarks are shown as last seen
    (`_as_last_seen`, `doing`: what the command does with them); so are they while another run
    updates the index. Without `build` only an index that exists is read (`_bookmarks_library`):
    none, or one another run is updating, gives None and says so too (the JSON and YAML exports: their
    `missing` is then the last check's, as every format's is; they said nothing of it). While another run
    updates the index that is one line (not `open_library`'s too), and True is put in `busy` when given."""
    from newsreader.search.library import unreadable_said
    from newsreader.search.schema import update_running

    last_seen = partial(_as_last_seen, ctx, args, store, doing)
    said: list[str] = []  # (the warning `_bookmarks_library` gave: an index that cannot be read)
    library = _bookmarks_library(ctx, args, store, build=build, shown=lambda: said.append(last_seen()) or said[0],
                                 busy_said=True)
    if library is None:
        if not said:  # (without `build`: no index yet)
            ctx.warn(f"{_no_index_why(ctx, args)}; {last_seen()}")
        return None, []
    try:
        if update_running(library.folder):  # (said by open_library when it built) a rebuild may lack them all yet
            ctx.warn(f"another run is updating the index; {last_seen()}")
            if busy is not None:
                busy.append(True)
            return None, []
        if library.partial(False):  # (the reader's rule; no other run, just asked) a page not indexed yet is not a story gone
            ctx.warn(f"the index lacks part of the corpus until `newsreader index` finishes the run stopped before "
                     f"its end; {last_seen()}")
            return None, []
        articles, unreadable = library.articles(store.bookmarked_ids())
    finally:
        library.close()
    if unreadable:
        ctx.warn(unreadable_said(unreadable, unread))
    return articles, unreadable


def _no_index_why(ctx: Context, args: argparse.Namespace) -> str:
    """Why a corpus has no index: its folder's fault as `open_library` says it (not there, a file), else none
    was built yet."""
    from newsreader.corpus import check_corpus_dir

    try:
        check_corpus_dir(ctx.corpus_dir(args), ctx.config)
    except UserError as exc:
        return exc.message
    return f"the corpus {ctx.corpus_dir(args)} has no index yet"


def _tags_arg(values: list[str] | None) -> list[str]:
    """`--tag a --tag b` or `--tag a,b`."""
    return [t for value in values or [] for t in value.split(",")]


def cmd_bookmarks_list(args: argparse.Namespace, ctx: Context) -> int:
    """List bookmarks, newest first, marking those whose article left the corpus."""
    store = _open_store(ctx, write=False)
    with store:
        # No bookmark, no corpus to check: a fresh home built the whole index first to say "no
        # bookmarks yet" (Q7 #10; minutes on a big corpus).
        count = store.bookmark_count()
        if not count and getattr(args, "corpus", None):
            # A --corpus folder that is not there is still an error (exit 2, as every command
            # says it), though no bookmark needs it: a script checks the exit code.
            from newsreader.corpus import check_corpus_dir

            check_corpus_dir(ctx.corpus_dir(args), ctx.config)
        articles, unreadable = _corpus_articles(ctx, args, store, "listed as in the corpus") if count else (None, [])
        # (not with a story it could not read: that one would be marked missing, in the store)
        if articles is not None and store.persistent and not unreadable:
            store.reconcile(articles.values(), corpus=_corpus_key(ctx, args))
        bookmarks = store.list_bookmarks(tag=args.tag)
        if articles is None:
            _mark_as_last_seen(ctx, args, store, bookmarks)
    if articles is not None and (unreadable or not store.persistent):  # degraded: reconcile just for display
        _mark_missing(bookmarks, articles, unreadable)
    unknown = sum(b.missing is None for b in bookmarks)  # said once (the warning) when none is known
    if args.json:
        from newsreader.store.export import bookmark_record

        ctx.print_json([bookmark_record(b, articles) for b in bookmarks])
        return 0
    for b in bookmarks:
        date = b.date.isoformat() if b.date else "undated   "
        tags = f"  [{', '.join(b.tags)}]" if b.tags else ""
        source = f"  ({b.source})" if b.source else ""
        # What the store holds may come from an imported file: never raw to the terminal.
        print(printable(f"{date}  {b.article_id}{tags}"), file=ctx.stdout)
        print(f"            {printable(b.title + source)}", file=ctx.stdout)
        if b.note:
            print(f"            note: {printable(' '.join(b.note.split()))}", file=ctx.stdout)
        if b.missing:
            print("            not in the corpus now; kept, and reconnects if it returns", file=ctx.stdout)
            if b.url:  # (the address it kept: `show` of the story cannot give it now)
                print(f"            was at {printable(b.url)}", file=ctx.stdout)
        elif b.missing is None and unknown < len(bookmarks):
            print("            not checked against the corpus yet", file=ctx.stdout)
    if not bookmarks:
        hint = f"tagged {args.tag!r}" if args.tag else "yet; press b in the reader or run `newsreader bookmarks add ID`"
        print(f"no bookmarks {hint}", file=ctx.stderr)
    else:
        print(counted(len(bookmarks), "bookmark") + _checked_in(ctx, args, articles, bookmarks), file=ctx.stderr)
    return 0


def _mark_missing(bookmarks: list[Any], present: Mapping[str, Any], unreadable: list[str]) -> None:
    """Each bookmark's `missing` as the corpus says now: not among the `present` stories, nor among those
    in the index whose stored record cannot be read."""
    for b in bookmarks:
        b.missing = b.article_id not in present and b.article_id not in unreadable


def _checked_in(ctx: Context, args: argparse.Namespace, articles: Any, bookmarks: list[Any]) -> str:
    """Which corpus the "not in the corpus now" marks were checked in: the store is one for
    every corpus, and a user who reads another with `--corpus` saw every bookmark marked
    gone by a `bookmarks list` that checked the default corpus (the bundled seeds), without
    a word of it. Said when a check was made (else the warning says the marks are old)."""
    if articles is None:
        return ""
    from newsreader.resources import seeds_dir

    corpus = ctx.corpus_dir(args)
    seeds = " (the bundled seeds)" if corpus == seeds_dir() else ""
    also = " (--corpus DIR checks another)" if any(b.missing for b in bookmarks) else ""
    return f"; checked against the corpus {printable(str(corpus))}{seeds}{also}"


def cmd_bookmarks_add(args: argparse.Namespace, ctx: Context) -> int:
    """Bookmark an article by id, or add tags / set the note of an existing bookmark."""
    with _open_store(ctx, write=True) as store:
        corpus_dir = ctx.corpus_dir(args)
        library = _bookmarks_library(ctx, args, store, build=True)
        try:
            stored = ctx.story(library, args.id)
            article = stored.article if stored is not None else None
            bookmark_id = article.id if article is not None else _bookmark_id(ctx, store, library, args.id)
        finally:
            library.close()
        existing = store.get_bookmark(bookmark_id)
        tags = _tags_arg(args.tag)
        if article is not None:
            bookmark = store.bookmark_article(article, tags=tags, note=args.note)
        elif existing is not None:  # its article left the corpus: still editable
            try:  # (the tags added in the write: another copy's added meanwhile are kept)
                bookmark, _ = store.edit_bookmark(bookmark_id, add_tags=tags, note=args.note)
            except KeyError:  # removed by another copy meanwhile
                raise no_article(args.id, str(corpus_dir)) from None
        else:
            raise no_article(args.id, str(corpus_dir))
    verb = "updated bookmark" if existing else "bookmarked"
    tag_text = f" [{', '.join(bookmark.tags)}]" if bookmark.tags else ""
    print(printable(f"{verb}: {bookmark.title}{tag_text}"), file=ctx.stdout)
    return 0


def cmd_bookmarks_remove(args: argparse.Namespace, ctx: Context) -> int:
    with _open_store(ctx, write=True) as store:
        library = _bookmarks_library(ctx, args, store, build=False, shown=lambda: "bookmark ids taken as given")
        try:
            article_id = _bookmark_id(ctx, store, library, args.id)
        finally:
            if library is not None:
                library.close()
        bookmark = store.remove_bookmark(article_id)  # (as removed, read in the same write)
        if bookmark is None:
            raise UserError(f"no bookmark with id {args.id!r}; `newsreader bookmarks list` shows them", 1)
    print(f"removed bookmark: {printable(bookmark.title)}", file=ctx.stdout)
    return 0


def cmd_bookmarks_export(args: argparse.Namespace, ctx: Context) -> int:
    """Markdown for reading (with each article's first paragraph), CSV for a spreadsheet,
    JSON/YAML for import."""
    from newsreader.store.export import UNREAD_EXPORTED, WITH_ARTICLES, export_bookmarks, write_export

    urls: dict[str, str] | None = None  # the bookmarked stories an existing index has now, and their addresses (JSON/YAML)
    bylines: dict[str, str | None] | None = None  # (and their bylines)
    with _open_store(ctx, write=False) as store:
        if args.tag is not None and not store.list_bookmarks(tag=args.tag):
            # (an empty file was written, exit 0, where `list --tag` says there is none: U1 #11)
            raise UserError(f"no bookmarks tagged {args.tag!r}; nothing exported (`newsreader bookmarks list` "
                            "shows each bookmark's tags)", exit_code=1)
        busy: list[bool] = []  # (another run was updating the index: the Markdown says that, not "not read")
        if args.format in WITH_ARTICLES:
            articles, unreadable = _corpus_articles(ctx, args, store, UNREAD_EXPORTED, doing="exporting bookmarks",
                                                    busy=busy)
            found = articles
        else:  # ids for import: the ones the stories have now, and `missing` as an existing index says now
            articles = None  # (the store keeps `missing` per copy, not in the file)
            found, unreadable = _corpus_articles(ctx, args, store, UNREAD_EXPORTED, build=False,
                                                 doing="exporting bookmarks", busy=busy)
            if found is not None:
                urls = {i: article.url or "" for i, article in found.items()}
                bylines = {i: article.byline or None for i, article in found.items()}
        if found is not None and store.persistent and not unreadable:
            _keep_check(ctx, args, store, found)  # (as `list` saves it: the next export the index is busy has it)
        elif found:
            _keep_citations(store, found)
        bookmarks = store.list_bookmarks(tag=args.tag)
        if urls is not None:
            _mark_missing(bookmarks, urls, unreadable)
        elif found is None:  # (every format: the Markdown said each story had left the corpus)
            _mark_as_last_seen(ctx, args, store, bookmarks)
    text = export_bookmarks(bookmarks, args.format, articles=articles, urls=urls, bylines=bylines,
                            unreadable=unreadable, busy=bool(busy))
    written = write_export(text, args.output, args.format, ctx.stdout, force=args.force)
    if written:
        print(f"exported {counted(len(bookmarks), 'bookmark')} to {printable(str(written))}",
              file=ctx.stderr)
    return 0


def _keep_check(ctx: Context, args: argparse.Namespace, store: Any, articles: Mapping[str, Any]) -> None:
    """An export that read the corpus saves its check (`Store.reconcile`: the marks for `last_marks`, the
    addresses and bylines), as `bookmarks list` does: an export while the index is busy gave "not known" after
    one that had read it. Not saved when the store stays busy: the export, which has the marks at hand, goes on."""
    try:
        store.reconcile(articles.values(), corpus=_corpus_key(ctx, args))
    except UserError:
        pass


def _keep_citations(store: Any, articles: Mapping[str, Any]) -> None:
    """The bookmarks of the stories an export read from the corpus keep their web address and byline
    as the corpus has them now (`Store.refresh_bookmarks`), for when the stories are gone. Not kept when
    the store stays busy: the export, which has them at hand, goes on."""
    try:
        store.refresh_bookmarks(articles.values())
    except UserError:
        pass


def cmd_bookmarks_import(args: argparse.Namespace, ctx: Context) -> int:
    """Merge an export back in: same id -> union of tags, newer note; nothing duplicated."""
    from newsreader.store.db import ImportNotes
    from newsreader.store.export import read_export_file

    said = ImportNotes()
    incoming = read_export_file(Path(args.file), said)
    if (notes := said.said()) is not None:  # (was without a word: RV30-M #3)
        ctx.warn(f"{args.file}: {notes}")
    with _open_store(ctx, write=True) as store:
        result = store.merge_bookmarks(incoming)
    print(
        f"imported {printable(args.file)}: {result.added} new, {result.updated} merged, "
        f"{result.unchanged} already there",
        file=ctx.stdout,
    )
    return 0


# --- extraction ----------------------------------------------------------------------




#: An ISO 8601 / RFC 3339 date and time as scrapers write it: `2024-06-10T12:00:00Z`,
#: `2024-06-10T12:00:00.250+02:00`, `2024-06-10 12:00`.
_DATE_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
                        r"(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?")


def _document_date(text: Any) -> Any:
    """The date of an `extract` line: YYYY-MM-DD, or the calendar date of an ISO date and
    time as written (`2024-06-10T23:30:00-05:00` is June 10, the day the article's own clock
    said, not June 11 in UTC). The time must be a real one. Raises TypeError or ValueError."""
    if isinstance(text, str) and (m := _DATE_TIME.fullmatch(text)):
        iso_datetime(text)  # 25:00, +24:00...: ValueError (Z and +HHMM read on Python 3.10 too)
        return iso_date(m.group(1))
    return iso_date(text)


def cmd_extract(args: argparse.Namespace, ctx: Context) -> int:
    """Entities and dates of JSON-lines articles: one {"id", "text", "date"} object per
    input line, one {"id", "entities", "dates"} line out. Output lines match input lines one
    for one, so a script can zip them: a bad line (one the extractor fails on too) is
    `{"id", "error"}` (its id when the line could be read; a blank line's error is "blank
    line") and one numbered line on stderr; a line with a date that is not one is extracted
    without it, said so. The exit code says whether any line failed (blank lines do not)."""
    from newsreader.extract import extract

    check_extractor(ctx.config, args.backend)
    backend = args.backend or ctx.config.extractor
    extract("", None, backend=backend)  # an unusable backend fails here, before any input
    if _is_terminal(sys.stdin):  # else it waited without a word for what the user did not know to type
        ctx.say('reading JSON lines {"id", "text", "date"} from standard input; Ctrl-D ends')
    failures = 0
    # Bytes, decoded line by line: a line that is not UTF-8 is one bad line, not a
    # UnicodeDecodeError out of the text stream (a traceback, and the lines after it lost).
    stdin: Any = getattr(sys.stdin, "buffer", sys.stdin)
    for number, raw in enumerate(stdin, start=1):
        if number == 1:  # a UTF-8 byte-order mark (PowerShell's Out-File, Notepad) starts the stream
            raw = raw[3:] if isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf") else \
                raw[1:] if isinstance(raw, str) and raw.startswith("\ufeff") else raw
        item: Any = None
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            problem = f"not UTF-8 text (byte {exc.start + 1})"
        else:
            item, problem = _extract_item(line)
        if problem == "blank line":
            _write_json_line(ctx, {"id": None, "error": problem})
            continue
        if not problem:
            raw_date = item.get("date")
            try:
                date = _document_date(raw_date) if raw_date else None
            except (TypeError, ValueError):
                # Its names and the dates it writes in full do not need it; "yesterday" gets
                # no value (null) rather than the whole line being lost.
                print(f"newsreader: extract: line {number}: date {raw_date!r} is not YYYY-MM-DD "
                      "or an ISO date and time; extracted without it", file=ctx.stderr)
                failures += 1
                date = None
            try:
                result = extract(item["text"], date, backend=backend)
            except Exception as exc:  # noqa: BLE001 - one line's names lost, not the lines after it
                problem = f"the extractor failed on its text ({exception_said(exc)})"
        item_id = item.get("id") if isinstance(item, dict) else None
        if problem:
            print(f"newsreader: extract: line {number}: {problem}; skipped", file=ctx.stderr)
            failures += 1
            _write_json_line(ctx, {"id": item_id, "error": problem})
            continue
        _write_json_line(ctx, {"id": item_id, **result.to_dict()})
    return 1 if failures else 0


def _extract_item(line: str) -> tuple[Any, str]:
    """An `extract` input line read: (the object, "") or (what could be read, why it is no
    article: "blank line", not JSON, no string "text")."""
    if not line.strip():
        return None, "blank line"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" ("Invalid control character at"): "at at column".
        return None, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"
    except ValueError:  # json's int() of a number longer than Python reads: no JSONDecodeError
        return None, f"not valid JSON (a number of more than {sys.get_int_max_str_digits():,} digits)"
    except RecursionError:  # 100,000 "[": the decoder recurses once per level
        return None, "not valid JSON (nested too deeply)"
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return item, 'expected an object with a string "text"'
    return item, ""


def _write_json_line(ctx: Context, data: dict[str, Any]) -> None:
    ctx.stdout.write(printable_json(json.dumps(data, ensure_ascii=False)) + "\n")  # input text is untrusted


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed, or no real file behind it
        return False


# --- related stories -----------------------------------------------------------------


def cmd_related(args: argparse.Namespace, ctx: Context) -> int:
    """Stories linked to one article: same event first, then similar events, with reasons."""
    from newsreader.search.related import RelatedFinder

    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    library = ctx.open_library(args)
    try:
        finder = RelatedFinder(library)
        stored = ctx.story(library, args.id)
        article_id = stored.article.id if stored is not None else args.id
        stories = finder.related(article_id, limit=args.limit)
        copies = finder.copies(article_id) if not args.json else []
    finally:
        library.close()
    if args.json:
        ctx.print_json([s.to_dict() for s in stories])
        return 0
    if copies:
        print(f"same story also at: {', '.join(copies)}", file=ctx.stdout)
    for s in stories:
        label = "same event" if s.same_event else "similar"
        source = f"  [{s.source}]" if s.source else ""
        print(f"{s.date or 'undated   '}  {s.title}{source}  ({label}, {s.score:.2f})", file=ctx.stdout)
        print(f"            {s.id}", file=ctx.stdout)
        for reason in s.why:
            print(f"            - {reason}", file=ctx.stdout)
        if s.copies:
            print(f"            - also at: {', '.join(s.copies)}", file=ctx.stdout)
    if not stories:
        print("no related stories", file=ctx.stderr)
    return 0


# --- the parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description=(
            "A keyboard-driven terminal reader for news corpora. Run without a command to open "
            "the reader on your corpus (the bundled seeds until you set one)."
        ),
        epilog=(
            "Config (config.yaml), your themes (themes/) and your additions to the extractor's word "
            "lists (cues/) live in your user config folder (~/.config/newsreader/ on Linux); index and "
            "state in your user data folder. Set NEWSREADER_HOME to keep them all under one folder "
            "($NEWSREADER_HOME/config/config.yaml, data/, cache/); `newsreader paths` prints them. "
            "Run `newsreader COMMAND --help` for details."
        ),
    )
    _set_epilog(parser, _TOP_EPILOG, parser.epilog)
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    _add_corpus_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="show the articles that saved page files yield",
                       description="Parse saved page files and print the articles found.")
    _add_corpus_option(p)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="saved page (plain text); - reads standard input. Ids are made from the FILE's "
                        "path relative to the corpus folder, as `articles` gives them, for a FILE inside "
                        "it; from its file name alone for one elsewhere")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--explain", action="store_true",
                   help="show every input line and what became of it")
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser("articles", help="list the corpus's articles",
                       description="List every article in the corpus.")
    _add_corpus_option(p)
    p.add_argument("--json", action="store_true", help="print a JSON array of articles")
    p.add_argument("--sort", choices=("corpus", "date", "oldest"), default="corpus",
                   help="order: corpus (pages as found, the default), date (newest first) or oldest "
                        "(oldest first); undated articles come last in both date orders")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("extract", help="find people, organisations, places and dates in JSON lines",
                       description='Read JSON lines {"id", "text", "date"} (date optional: '
                                   'YYYY-MM-DD, or an ISO date and time such as 2024-06-10T12:00:00Z, '
                                   'whose date as written is used) on standard input; write one JSON line each with '
                                   'the entities and dates found (character offsets into text). '
                                   'Titles, organisation words and the other cue lists are the bundled '
                                   'ones plus yours in <config folder>/cues/ (see the README).')
    p.add_argument("--backend", choices=["rules", "spacy"], default=None,
                   help="extractor (default: the config's `extractor`, normally rules)")
    p.set_defaults(handler=cmd_extract)

    # index, search, show: defined beside the search engine (no Whoosh import until run).
    from newsreader.search.commands import add_parsers as add_search_parsers

    add_search_parsers(sub, _add_corpus_option)

    p = sub.add_parser("related", help="list the stories related to an article, and why",
                       description="Stories about the same event first, then similar events; each "
                                   "with its reasons (shared names, key terms, dates, page links).")
    _add_corpus_option(p)
    p.add_argument("id", metavar="ID", help="article id, as `newsreader search` or `articles` prints it")
    p.add_argument("--json", action="store_true", help="print a JSON array (id, title, score, why, ...)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="show at most N stories (default 10)")
    p.set_defaults(handler=cmd_related)

    p = sub.add_parser("paths", help="show where the config, indexes and bookmarks are",
                       description="Print the config file, the data and cache folders, the bookmarks "
                                   "store, the corpus and its index (with its size), and every other "
                                   "index with the corpus folder it was built from.")
    _add_corpus_option(p)
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.add_argument("--prune", action="store_true",
                   help="delete the indexes whose corpus folder is gone (never the current corpus's, "
                        "never the bookmarks)")
    p.set_defaults(handler=cmd_paths)

    p = sub.add_parser("bookmarks", help="list, add, remove, export and import bookmarks",
                       description="Manage bookmarks (the reader's `b` and `B` keys use the same store). "
                                   "With no ACTION, list them.")
    # No ACTION is `list` (it was an argparse error of two lines, U1 #11).
    bsub = p.add_subparsers(dest="bookmarks_command", metavar="ACTION")
    p.set_defaults(handler=cmd_bookmarks_list, tag=None, json=False)
    b = bsub.add_parser("list", help="list bookmarks, newest first",
                        description="List bookmarks; those whose article left the corpus are marked.")
    _add_corpus_option(b)
    b.add_argument("--tag", metavar="T", help="only bookmarks with this tag")
    b.add_argument("--json", action="store_true", help="print a JSON array of bookmarks")
    b.set_defaults(handler=cmd_bookmarks_list)
    b = bsub.add_parser("add", help="bookmark an article (or tag / annotate a bookmark)",
                        description="Bookmark an article by id; on a bookmarked id, add tags or set the note.")
    _add_corpus_option(b)
    b.add_argument("id", metavar="ID", help="article id, as `newsreader articles` prints it")
    b.add_argument("--tag", metavar="T", action="append", help="tag (repeat, or comma-separate)")
    b.add_argument("--note", metavar="N", help="a note to keep with the bookmark")
    b.set_defaults(handler=cmd_bookmarks_add)
    b = bsub.add_parser("remove", help="remove a bookmark", description="Remove the bookmark of an article id.")
    _add_corpus_option(b)  # its index says the id now of a story whose headline was edited
    b.add_argument("id", metavar="ID", help="article id")
    b.set_defaults(handler=cmd_bookmarks_remove)
    b = bsub.add_parser("export", help="write bookmarks as Markdown, CSV, JSON or YAML",
                        description="Export bookmarks. JSON and YAML can be imported again; CSV is for a "
                                    "spreadsheet (one row per bookmark).")
    _add_corpus_option(b)
    b.add_argument("--format", choices=_ExportFormats(), metavar="FORMAT", default="md", type=str.lower,  # (JSON too)
                   help="%(choices)s; default: md")
    b.add_argument("-o", "--output", metavar="FILE",
                   help="file to write, - for standard output (default: bookmarks-DATE.EXT here, "
                        "or bookmarks-DATE-2.EXT and so on when that exists)")
    b.add_argument("--force", action="store_true", help="replace the -o FILE if it exists (default: refuse)")
    b.add_argument("--tag", metavar="T", help="only bookmarks with this tag")
    b.set_defaults(handler=cmd_bookmarks_export)
    b = bsub.add_parser("import", help="merge bookmarks from a JSON or YAML export",
                        description="Merge an export in: same id -> union of tags, newer note.")
    b.add_argument("file", metavar="FILE", help="a file from `bookmarks export --format json|yaml`")
    b.set_defaults(handler=cmd_bookmarks_import)

    _add_epilogs(parser)
    return parser


class _ExportFormats:
    """`bookmarks export --format`'s choices: `export.FORMATS`, read when argparse first asks
    (a value to check, --help). Importing the export module as the parser is built loads the
    bookmarks store's module too: ~20 ms more for every command."""

    def __iter__(self) -> Iterable[str]:
        from newsreader.store.export import FORMATS

        return iter(FORMATS)

    def __contains__(self, value: object) -> bool:
        return value in list(self)


#: Each subcommand's --help ends with these: a few examples, then its exit codes (the
#: README had them; --help, where a user looks first, had none).
_EPILOGS = {
    "parse": ("newsreader parse page.txt --explain",
              "newsreader parse a.txt b.txt --json | jq '.[].articles[].title'",
              "cat page.txt | newsreader parse - --json",
              "0 every FILE gave a story; 1 one gave none or could not be read; 2 none could be read"),
    "articles": ("newsreader articles --corpus ~/news",
                 "newsreader articles --json | jq -r '.[].title'",
                 "0 listed (none, for a folder without pages); 2 the folder is missing"),
    "extract": ("echo '{\"id\": 1, \"text\": \"Ishaq Dar met Abbas Araghchi in Tehran yesterday.\", "
                "\"date\": \"2025-06-14\"}' | newsreader extract",
                "newsreader articles --json | jq -c '{id, text: .body, date}' | newsreader extract > names.jsonl",
                "0 every line extracted (a blank line gets an {\"id\": null, \"error\"} line, to keep the lines "
                "in step, and does not count); 1 a line skipped (an {\"id\", \"error\"} line in its place) or "
                "its date not one; 2 the extractor cannot run"),
    "index": ("newsreader index",
              "newsreader index --corpus ~/news --json",
              "0 done (pages it cannot read are said and skipped); 2 it cannot index (a missing folder, "
              "another run at it, a damaged index: --rebuild); 130 stopped by Ctrl-C, what it committed kept"),
    "search": ("newsreader search 'iran -libya date:2025-06'",
               "newsreader search 'person:\"Ishaq Dar\" OR org:OIC' --sort date",
               "newsreader search iran --json --limit 20 --offset 20 | jq -r '.hits[].id'",
               "0 hits found; 1 none (or none past --offset); 2 a malformed query or no usable index"),
    "show": ("newsreader show ID",
             "newsreader show ID --json | jq -r '.entities[] | select(.kind == \"person\") | .name'",
             "0 shown; 1 no article with that id; 2 no usable index"),
    "related": ("newsreader related ID",
                "newsreader related ID --json | jq '.[0].why'",
                "0 listed (none is no error); 1 no article with that id; 2 no usable index"),
    "paths": ("newsreader paths",
              "newsreader paths --json | jq -r .config_file",
              "newsreader paths --prune",
              "0 shown; 2 a broken config"),
    "bookmarks": ("newsreader bookmarks list --json | jq -r '.[].id'",
                  "newsreader bookmarks add ID --tag iran",
                  "newsreader bookmarks export --format md -o notes.md",
                  "0 done; 1 no article or bookmark with that id (add, remove); 2 the bookmarks, or the file "
                  "to export to or import from, cannot be read or written (each action's --help gives its own)"),
    "bookmarks list": ("newsreader bookmarks list --tag iran",
                       "newsreader bookmarks list --json | jq -r '.[].id'",
                       "0 listed; 2 the bookmarks cannot be read"),
    "bookmarks add": ("newsreader bookmarks add ID --tag iran,talks --note 'follow up'",
                      "0 bookmarked or updated; 1 no article or bookmark with that id; 2 cannot write"),
    "bookmarks remove": ("newsreader bookmarks remove ID",
                         "0 removed; 1 no bookmark with that id; 2 cannot write"),
    "bookmarks export": ("newsreader bookmarks export --format md -o notes.md",
                         "newsreader bookmarks export --format csv --tag iran -o sources.csv",
                         "newsreader bookmarks export --format json -o - | jq length",
                         "0 written; 1 no bookmark has the --tag (no file written); 2 the -o FILE exists "
                         "(--force replaces it) or cannot be written"),
    "bookmarks import": ("newsreader bookmarks import bookmarks-2025-06-14.json",
                         "0 merged; 2 the file cannot be read or is no export"),
}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's, but text with line breaks (the epilogs) is kept line for line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


#: `newsreader --help`'s examples and exit codes (Q10 F1: the one help without them). The reader's: 0 quit,
#: 1 stopped on an error it printed (Textual's code), 2 it cannot start, 130 Ctrl-C.
_TOP_EPILOG = ("newsreader  (the reader, on the corpus of config.yaml or the bundled seeds)",
               "newsreader --corpus ~/news",
               "newsreader search 'iran date:>=lastweek' --json",
               "0 done; 1 nothing found (search), no such article (show, related), or the reader stopped on "
               "an error it printed; 2 it cannot run (no terminal for the reader, a bad query or config, no "
               "usable index); 130 stopped by Ctrl-C (each command's --help gives its own)")


def _set_epilog(parser: argparse.ArgumentParser, lines: tuple[str, ...], before: str | None = None) -> None:
    """End `parser`'s help with `lines`: examples, then the exit codes (the last line), after the
    paragraph `before` (wrapped here: the formatter keeps the epilog's lines as they are)."""
    *examples, codes = lines
    parser.formatter_class = _HelpFormatter
    codes = textwrap.fill(f"exit codes: {codes}", 79, subsequent_indent="  ")
    lead = textwrap.fill(before, 79) + "\n\n" if before else ""
    parser.epilog = lead + "examples:\n" + "".join(f"  {e}\n" for e in examples) + codes + "\n"


def _add_epilogs(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """Give every subcommand under `parser` its examples and exit codes (`_EPILOGS`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                key = f"{prefix}{name}"
                if key in _EPILOGS:
                    _set_epilog(sub, _EPILOGS[key])
                _add_epilogs(sub, f"{key} ")


def run_app(args: argparse.Namespace, ctx: Context) -> int:
    """Open the reader (the default when no command is given)."""
    from newsreader.corpus import check_corpus_dir

    corpus = ctx.corpus_dir(args)
    try:
        check_corpus_dir(corpus, ctx.config)  # a wrong folder first, as the commands say it
    except UserError:
        # A folder indexed before and gone now (an unplugged drive): the reader opens on the
        # index, as `search` and `show` answer from it, and its update says the folder is gone.
        from newsreader.search.library import Library

        if not Library.open(ctx.paths, corpus, ctx.config).exists():
            raise
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Run from a script, cron or `newsreader > file`: it drew into the file and waited
        # for keys that never came.
        raise UserError("the reader needs a terminal (standard input and output are not one); "
                        "from a script use a command: `newsreader articles`, `newsreader search QUERY`, "
                        "... (`newsreader --help` lists them)")
    if os.environ.get("TERM") == "dumb":
        # Emacs' M-x shell, say: a terminal that cannot draw. The reader spun there at full
        # CPU (the screen resized between Rich's 80x25 for such a terminal and 80x24).
        raise UserError("TERM=dumb: this terminal cannot draw the reader; run it in a terminal emulator "
                        "(TERM=xterm-256color, screen, linux...), or use a command here: "
                        "`newsreader search QUERY`, `newsreader show ID`, ... (`newsreader --help` lists them)")
    from newsreader.tui.app import run_reader

    return run_reader(ctx, corpus)


def _query_words(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`newsreader search pakistan -iran`: a query's `-word` is text, not an unknown option
    ("unrecognized arguments: -iran", or "QUERY is required" for `search -iran`). argparse
    takes an argument that does not start with `-` as text, so such words get a space first
    (`main` takes it off again). Only after `search`, only single-dash words but `-h`, and
    not an option's value (`--limit -1` stays a bad limit)."""
    out = list(argv)
    i = 0
    while i < len(out) and out[i].startswith("-"):  # the options before the command
        i += 2 if out[i] in _value_options(parser) else 1
    if i >= len(out) or out[i] != "search":
        return out
    search = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["search"]
    takes_value = _value_options(search)
    for j in range(i + 1, len(out)):
        if out[j] == "--":
            break
        if re.fullmatch(r"-[^\s\-]\S*", out[j]) and out[j] != "-h" and out[j - 1] not in takes_value:
            out[j] = " " + out[j]
    return out


def _value_options(parser: argparse.ArgumentParser) -> set[str]:
    """The option strings of `parser` that take a value (`--corpus DIR`, `--limit N`)."""
    return {s for a in parser._actions if a.nargs != 0 for s in a.option_strings}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_query_words(parser, sys.argv[1:] if argv is None else argv))
    if args.command == "search":  # the space `_query_words` put before a `-word`
        args.query = [word.lstrip() for word in args.query]
    if sys.stdout is None:  # started with standard output closed (`>&-`): as into a closed pipe
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
    try:
        if args.command == "search":
            check_query_length(" ".join(args.query))
        paths = user_paths()
        ctx = Context(paths=paths, config=load_config(paths))
        ctx.config_warnings = config_name_warnings(ctx.config, paths)
        for line in ctx.config_warnings:
            ctx.warn(line)
        handler: Command = getattr(args, "handler", run_app)
        code = handler(args, ctx)
        sys.stdout.flush()  # a closed pipe shows here, in the handler below, not at exit
        return code
    except UserError as exc:
        print(f"newsreader: error: {printable(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except ImportError as exc:  # e.g. `index` importing a broken Whoosh
        print(f"newsreader: error: {printable(broken_install(exc).message)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # `index` commits in batches: a stopped first build was not all for nothing.
        # (A first Ctrl-C stops `index` keeping what it read, `interrupt_stops`; this is a second one.)
        kept = "; the pages written to the index so far are kept (not those read since its last write), and " \
            "`newsreader index` goes on from there" if args.command == "index" else ""
        print(f"newsreader: interrupted{kept}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newsreader articles | head`: the reader went away; that is not an error. What is
        # still buffered goes to /dev/null, so flushing at exit raises nothing either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        # A folder that cannot be written, a full disk...: one line, never a traceback.
        print(f"newsreader: error: {_os_error_said(exc)}", file=sys.stderr)
        return 2


#: What to do about an OSError that ended a command, by errno, where the index's advice
#: (`schema.ENVIRONMENT_ERRNO`, which a full disk or quota takes as it is) names the index
#: alone; the rest blame a folder.
_OS_ERROR_ADVICE = {
    errno.EROFS: "newsreader writes its index and bookmarks there: set NEWSREADER_HOME to a folder on a writable disk",
}


def _os_error_said(exc: OSError) -> str:
    """The line for an OSError that ended a command. Writing standard output (`> /dev/full`, a
    full disk under a redirect) names the output, not newsreader's folders: setting
    NEWSREADER_HOME would not help there."""
    reason = exc.strerror or str(exc)
    if exc.filename is None and _output_refused():
        return f"cannot write the output ({reason}); free some space, or send it somewhere else"
    where = f" ({printable(str(exc.filename))})" if exc.filename else ""
    advice = _OS_ERROR_ADVICE.get(exc.errno or 0)
    if advice is None and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        from newsreader.search.schema import ENVIRONMENT_ERRNO

        advice = ENVIRONMENT_ERRNO[exc.errno]
    advice = advice or "check that the folder exists and is writable, or set NEWSREADER_HOME to another folder"
    return f"{reason}{where}; {advice}"


def _output_refused() -> bool:
    """Whether standard output is what cannot take more: a device other than a terminal or
    /dev/null (/dev/full), or a file on a disk with no space left. An error without a file
    name may also come from writing the index (Whoosh names no file): with the output on
    /dev/null or a terminal, or on a disk with room, the output is not blamed."""
    try:
        fd = sys.stdout.fileno()
        info = os.fstat(fd)
        if stat.S_ISCHR(info.st_mode):
            return not os.isatty(fd) and info.st_rdev != os.stat(os.devnull).st_rdev
        return stat.S_ISREG(info.st_mode) and os.fstatvfs(fd).f_bavail == 0
    except (OSError, ValueError, AttributeError):  # no real file behind it (a test's StringIO)
        return False
