"""The `index`, `search` and `show` commands (registered by `newsreader.cli.build_parser`).

Kept here, beside the engine, so cli.py stays a thin table of commands; nothing in this
module imports Whoosh until a command runs, so other commands start fast.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, TextIO

from newsreader.errors import UserError, counted, no_article, printable

if TYPE_CHECKING:
    from newsreader.cli import Context
    from newsreader.search.indexer import Progress


def _fmt_time(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else \
        f"{seconds // 60}:{seconds % 60:02d}"


#: Where stderr is no terminal (a pipe, a log, a script), a run says where it is in a line of its own this
#: often, the first after as long (a run shorter than that says nothing): it said nothing at all, and a search
#: that finished a stopped rebuild first sat silent for minutes (U1 #7).
PLAIN_PROGRESS_SECONDS = 10.0


class ProgressLine:
    """One rewritten stderr line: pages done/total, articles, rate, time left. Where stderr
    is not a terminal, a plain line every PLAIN_PROGRESS_SECONDS of the run instead, so piped
    and logged runs stay short. The line fits the
    terminal (the bar shrinks, then goes): at 100,000 pages it took 83 columns, and a line
    longer than the terminal wraps, so each rewrite left a line behind at 80 columns."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.plain_at = PLAIN_PROGRESS_SECONDS  # (the run's elapsed time of the next plain line)
        self.last: Progress | None = None
        self.shown = False
        self.written = 0
        self.bar = 24
        self.told = False  # why pages are read again (`Progress.reason`) is said once, above the line

    def columns(self) -> int:
        """The terminal's width; 80 when it cannot tell (a terminal with no size set, as
        some containers' and editors' are, says 0 columns: the bar went and the line lost
        its last letter)."""
        try:
            return os.get_terminal_size(self.stream.fileno()).columns or 80
        except (AttributeError, OSError, ValueError):
            return 80

    def __call__(self, p: "Progress") -> None:
        self.last = p
        if p.pages_total == 0:
            return
        if not self.enabled:
            if p.elapsed >= self.plain_at and p.pages_done < p.pages_total:
                self.plain_at = p.elapsed + PLAIN_PROGRESS_SECONDS
                left = (p.pages_total - p.pages_done) * p.elapsed / p.pages_done if p.pages_done else None
                self.stream.write(f"newsreader: indexing: {p.pages_done:,}/{p.pages_total:,} pages, "
                                  f"{counted(p.articles, 'article')}, "
                                  f"{f'{_fmt_time(left)} left' if left is not None else 'reading a sample first'}\n")
                self.stream.flush()
            return
        if p.reread and not self.told:
            self.told = True
            self.stream.write(f"\r{' ' * self.written}\rre-reading {counted(p.reread, 'page')}: {p.reason}\n")
            self.written = 0
        rate = p.articles / p.elapsed if p.elapsed > 0 else 0.0
        left = (p.pages_total - p.pages_done) * p.elapsed / p.pages_done if p.pages_done else 0.0
        text = (f"{p.pages_done:,}/{p.pages_total:,} pages  {p.articles:,} articles  "
                f"{rate:,.0f}/s  {_fmt_time(left)} left")
        room = self.columns() - 1  # the last column is left empty: some terminals wrap there
        width = self.bar = min(self.bar, room - len(text) - 3)  # only ever shrinks: no jitter
        if width >= 6:
            filled = int(width * p.pages_done / p.pages_total)
            text = f"[{'#' * filled}{'-' * (width - filled)}] {text}"
        text = text[:room]
        # Spaces over what is left of a longer line before (the time left got shorter).
        self.stream.write(f"\r{text}{' ' * max(0, self.written - len(text))}")
        self.stream.flush()
        self.written = len(text)
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.shown = False
            self.stream.write("\n")
            self.stream.flush()


@contextmanager
def interrupt_stops() -> Iterator[Callable[[], bool]]:
    """A `stop` for an update run from a command: the first Ctrl-C asks the run to stop, and it ends
    within a few seconds (0.1-1.6 s measured; at most `INTERRUPT_WAIT_SECONDS` for the batch under way)
    keeping every batch it committed and the batch under way when that is small
    (`UpdateStopped`, as the reader's quit: a KeyboardInterrupt dropped the batch under way, 200 of
    328 pages read, U1 #7); a second Ctrl-C stops it at once (KeyboardInterrupt, as before). Ctrl-C ignored
    when the process started stays ignored."""
    import signal
    import threading

    asked: list[bool] = []
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # (signals go to the main thread only; a process started with Ctrl-C ignored, as a script's `cmd &` or
        # `trap '' INT` starts it, keeps ignoring it: the Ctrl-C is meant for the script in front)
        yield lambda: False
        return

    def first(signum: int, frame: Any) -> None:
        asked.append(True)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    before = signal.signal(signal.SIGINT, first)
    try:
        yield lambda: bool(asked)
    finally:
        signal.signal(signal.SIGINT, before if before is not None else signal.default_int_handler)


def stopped_said(exc: Any) -> str:
    """What a stopped run kept, truly (`UpdateStopped`'s counts): the pages read and written are kept; a big
    batch under way is not, and its pages are read again by the next run."""
    kept, read, total = exc.pages_kept, exc.pages_read, exc.pages_total
    if not read:  # (stopped while it sampled the pages or before: it said "0 of the 0 pages read are kept")
        rest = f"reads the {counted(total, 'page')}" if total else "starts it again"
        return f"nothing was written to the index yet; `newsreader index` {rest}"
    lost = f" (the last {read - kept:,} read were not written yet)" if read > kept else ""
    return (f"{kept:,} of the {counted(read, 'page')} read are kept{lost}; `newsreader index` reads the other "
            f"{total - kept:,} of {total:,}, and other commands answer from what is indexed until then")


def cmd_index(args: argparse.Namespace, ctx: "Context") -> int:
    """Build or update the search index of the corpus."""
    from newsreader.search.library import Library, UpdateStopped

    corpus = ctx.corpus_dir(args)
    library = Library.open(ctx.paths, corpus, ctx.config)
    line = ProgressLine(ctx.stderr)
    try:
        with interrupt_stops() as stop:
            stats = library.update(progress=line, rebuild=args.rebuild, warn=ctx.warn, stop=stop, patient=True)
    except UpdateStopped as exc:
        line.finish()
        ctx.say(f"interrupted; {stopped_said(exc)}")
        return 130
    finally:
        line.finish()
        library.close()
    if not stats.pages_seen:
        from newsreader.corpus import no_pages_message

        ctx.warn(no_pages_message(corpus, ctx.config.extensions))
    if args.json:
        ctx.print_json(stats.to_dict() | {"corpus": str(corpus), "index": str(library.folder)})
    else:
        print(f"indexed {counted(stats.pages_indexed, 'page')} ({counted(stats.articles_added, 'article')}"
              f"{_rate(stats)}), {stats.pages_unchanged:,} unchanged, {stats.pages_removed:,} removed, "
              f"{stats.pages_failed:,} skipped{_retried(stats.pages_retried)}{_reread(stats)}; "
              f"{counted(stats.articles_total, 'article')} in the index "
              f"({stats.seconds:.1f} s)", file=ctx.stderr)
    ctx.unread_endings(stats)
    return 0


#: Fewer articles than this and `index` gives no rate: a few pages' seconds are mostly the
#: start (loading the extractor, opening the index), and said `1 article, 0/s` (Q7 #10).
RATE_FROM_ARTICLES = 100


def _rate(stats: Any) -> str:
    if stats.articles_added < RATE_FROM_ARTICLES or not stats.seconds:
        return ""
    return f", {stats.articles_added / stats.seconds:,.0f}/s"


def _retried(pages: int) -> str:
    """What `index` says of the pages it read again for names and dates that failed last time
    (nothing when there were none: the line as it always was)."""
    return f", {counted(pages, 'page')} read again for names and dates that failed before" if pages else ""


def _reread(stats: Any) -> str:
    """What `index` says of the unchanged pages it read again because they were made under another stamp
    (newsreader upgraded, a cue file edited: `store.Stamp`), and why; nothing when there were none."""
    return f", {counted(stats.pages_reread, 'page')} read again because {stats.reread_reason}" \
        if stats.pages_reread else ""


def _marker(tty: bool) -> Callable[[str, list[tuple[int, int]]], str]:
    """Matched words in bold yellow on a terminal; bold alone under NO_COLOR (no-color.org:
    it was yellow all the same); `[word]` when piped or on a dumb terminal."""
    if not tty or os.environ.get("TERM") == "dumb":
        start, end = "[", "]"
    else:
        start, end = ("\x1b[1m" if os.environ.get("NO_COLOR") else "\x1b[1;33m"), "\x1b[0m"

    def mark(text: str, ranges: list[tuple[int, int]]) -> str:
        out, pos = [], 0
        for s, e in ranges:
            out += [text[pos:s], start, text[s:e], end]
            pos = e
        out.append(text[pos:])
        return "".join(out)

    return mark


def cmd_search(args: argparse.Namespace, ctx: "Context") -> int:
    """Search the index; prints hits with marked snippets, or JSON."""
    from newsreader.search.analysis import has_cjk
    from newsreader.search.query import QueryError

    text = " ".join(args.query)
    if args.limit < 1:  # Whoosh's collector would raise ValueError (a traceback)
        raise UserError("--limit must be at least 1")
    if args.offset < 0:
        raise UserError("--offset must be 0 or more (the number of hits to skip)")
    library = ctx.open_library(args)
    try:
        try:
            result = library.search(text, limit=args.limit, sort=args.sort, snippets=not args.no_snippets,
                                    count=args.count, offset=args.offset)
            facets = library.facets(text) if args.facets else None
        except QueryError as exc:
            raise UserError(f"bad query: {exc}") from None
        if not result.hits and not library.count() and not ctx.told_no_pages:
            from newsreader.corpus import no_pages_message
            from newsreader.corpus.loader import iter_page_files

            try:
                pages = bool(iter_page_files(library.corpus, ctx.config))
            except UserError:  # the folder is gone: the index answers without it
                pages = True
            if pages:
                ctx.warn(f"the index of {library.corpus} holds no articles; `newsreader index` "
                         "updates it from the pages there")
            else:  # `newsreader index` would find nothing either
                ctx.warn(no_pages_message(library.corpus, ctx.config.extensions))
        elif not result.hits and "mentions:" in text.lower() and _made_before(library, "mentions"):
            ctx.warn("the index was made before mentions: existed; `newsreader index` reads the pages again")
        elif not result.hits and has_cjk(text) and _made_before(library, "cjk"):
            ctx.warn("the index was made before words inside Chinese, Japanese and Korean text could be found; "
                     "`newsreader index` reads the pages again")
        if "person:" in text.lower() and _widens_a_full_name(library, text):
            word = _made_before(library, *NAMES_MADE_BEFORE)
            if word:
                ctx.warn(f"the index was made before {NAMES_MADE_BEFORE[word]}; `newsreader index` reads the pages again")
    finally:
        library.close()
    if args.json:
        payload: dict[str, Any] = {"query": text, "offset": args.offset} | result.to_dict()
        if ctx.partial:  # (the warning on stderr: a script reads the JSON)
            payload["notes"] = [*payload["notes"], ctx.partial]
        if facets is not None:
            payload["facets"] = {k: [{"value": v, "count": n} for v, n in items] for k, items in facets.items()}
        ctx.print_json(payload)
        return 0 if result.hits else 1
    mark = _marker(ctx.stdout.isatty())
    if result.suggestion:
        print(f"did you mean: {result.suggestion}", file=ctx.stdout)
    for hit in result.hits:
        source = f"  [{hit.source}]" if hit.source else ""
        score = f"  ({hit.score:.2f})" if args.sort == "relevance" else ""  # by date, none is worked out
        print(f"{hit.date or 'undated   '}  {mark(hit.title, hit.title_ranges)}{source}{score}", file=ctx.stdout)
        print(f"            {hit.id}", file=ctx.stdout)
        if hit.byline_only:  # why a story naming none of the words is here: its author's name is them
            by = hit.byline or "its byline"
            print(f"            {mark(f'by {by}', [(3, 3 + len(by))])}", file=ctx.stdout)
        if hit.snippet:
            print(f"            {mark(hit.snippet, hit.ranges)}", file=ctx.stdout)
    print(_hits_said(len(result.hits), args.offset, result), file=ctx.stderr)
    if result.notes:  # (a pattern matched more words than were searched)
        print("; ".join(result.notes), file=ctx.stderr)
    if facets is not None:
        for name, items in facets.items():
            if items:
                print(f"\n{name}:", file=ctx.stdout)
                for value, n in items:
                    print(f"  {n:6d}  {value}", file=ctx.stdout)
    return 0 if result.hits else 1


#: A `person:"Full Name"` search on an index made before these words of `store.INDEX_TERMS` finds other
#: stories than it says (`entity.NamePart`): what it was made before, the first word its stamps lack.
NAMES_MADE_BEFORE = {"names": "full names found the stories naming their surname alone",
                     "surnames": "full names found the stories naming a surname of two words or before Jr.",
                     "women": "a surname after Mrs, Ms or Miss stopped being taken for a man's full name",
                     "regnal2": "a pope's or monarch's name stopped finding the stories naming a part of it"}


def _made_before(library: Any, *words: str) -> str | None:
    """The first of `words` of `store.INDEX_TERMS` (what the index holds) that a page of the index
    was read before, or None: `search` does not update the index (the reader and `index` do), so there
    a `mentions:` search finds nothing (RV22 #3), and `person:"Full Name"` stays exact (RV26-C #6), with
    no word why. The stamps are read once for all the words (a meta read and a JSON decode)."""
    stamps = library.store().stamps()
    return next((w for w in words if not stamps or any(w not in s.terms.split() for s in stamps.values())), None)


def _widens_a_full_name(library: Any, text: str) -> bool:
    """Whether the query `text` searches a person's full name (`entity.NamePart`: its parts)."""
    from newsreader.search.entity import NamePart
    from newsreader.search.query import positive_leaves

    return any(isinstance(node, NamePart) for node in positive_leaves(library.parse(text).query, into_constant=True))


def _hits_said(shown: int, offset: int, result: Any) -> str:
    """`search`'s last line: "20 of 1,234 matching articles", or with --offset the hits'
    places in the whole list ("21-40 of ..."; past the last hit, how many there are)."""
    about = "" if result.exact else "about "
    if not result.total:
        return "no matching articles"
    if not offset:
        return f"{shown} of {about}{result.total:,} matching articles"
    if not shown:
        return f"no hits at --offset {offset:,}: {about}{result.total:,} matching articles in all"
    return f"{offset + 1:,}-{offset + shown:,} of {about}{result.total:,} matching articles"


def _names_and_dates(stored: Any) -> list[str]:
    """`show`'s lines for the people, organisations, places (most mentioned first, with
    their count when more than one) and dates (each value once, as first written): it
    printed only the text, which README says it shows with all of them."""
    from newsreader.corpus.model import KIND_HEADINGS, mentions_by_kind

    counts = mentions_by_kind(stored.entities)
    lines = [f"{heading}: " + ", ".join(name if n == 1 else f"{name} ({n})" for name, n in counts[kind])
             for kind, heading in KIND_HEADINGS if counts[kind]]
    dates: dict[str, str] = {}
    for d in stored.dates:
        dates.setdefault(d["value"], d["text"])
    if dates:
        lines.append("Dates: " + ", ".join(f"{value} ({' '.join(text.split())})" for value, text in dates.items()))
    return lines


def cmd_show(args: argparse.Namespace, ctx: "Context") -> int:
    """Print one indexed article (with its entities and dates as JSON)."""
    library = ctx.open_library(args)
    try:
        stored = ctx.story(library, args.id)
    finally:
        library.close()
    if stored is None:
        raise no_article(args.id)
    if args.json:
        ctx.print_json(stored.to_dict())
        return 0
    a = stored.article
    print(a.title, file=ctx.stdout)
    meta = [x for x in (a.date.isoformat() if a.date else None, a.source, a.byline, a.dateline) if x]
    if meta:
        print(" · ".join(meta), file=ctx.stdout)
    if a.url:  # (the story's address, to cite or open it)
        print(printable(a.url), file=ctx.stdout)
    print(f"{a.id}  ({printable(a.file)})\n", file=ctx.stdout)
    names = _names_and_dates(stored)
    if names:
        print("\n".join(names) + "\n", file=ctx.stdout)
    for item in a.summary:
        print(f"  • {item}", file=ctx.stdout)
    if a.summary:
        print(file=ctx.stdout)
    print(a.text, file=ctx.stdout)
    return 0


def add_parsers(sub: Any, add_corpus_option: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("index", help="build or update the search index",
                       description="Index the corpus for search. Only pages added, changed or removed "
                                   "since the last run are processed; Ctrl-C keeps what was committed.")
    add_corpus_option(p)
    p.add_argument("--rebuild", action="store_true", help="throw the index away and build it anew")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(handler=cmd_index)

    p = sub.add_parser(
        "search", help="search the indexed corpus",
        description="Search the index. Words are stemmed and all must match; also \"phrases\", "
                    "AND, OR, NOT, -word, title: source: person: org: place: byline: dateline:, "
                    "date:2025-06, date:[2025-06-01 TO 2025-06-30], date:>2024-12-31, prefix*, fuzzy~. "
                    "person:\"Jane Smith\" also finds, ranked after, the stories naming only \"Smith\" "
                    "when Jane Smith is indexed and no other indexed person's full name ends with Smith.")
    add_corpus_option(p)
    p.add_argument("query", nargs="+", metavar="QUERY", help="the query (quote it in the shell)")
    p.add_argument("--json", action="store_true", help="print JSON (snippet marks as character ranges)")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="show at most N hits (default 20)")
    p.add_argument("--offset", type=int, default=0, metavar="N",
                   help="skip the first N hits, for the next page: --offset 20 --limit 20 shows hits 21-40")
    p.add_argument("--sort", choices=("relevance", "date", "oldest"), default="relevance",
                   help="order of hits: relevance, date (newest first) or oldest (oldest first); "
                        "undated articles come last in both date orders")
    p.add_argument("--facets", action="store_true", help="also count matches by source, month and entity")
    p.add_argument("--no-snippets", action="store_true", help="skip snippets (faster)")
    p.add_argument("--count", action="store_true",
                   help="count every match exactly (slower; otherwise large totals are estimates)")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("show", help="print one indexed article",
                       description="Print an article by id (ids are shown by search and articles).")
    add_corpus_option(p)
    p.add_argument("id", metavar="ID", help="article id, as `newsreader search` or `articles` prints it")
    p.add_argument("--json", action="store_true", help="print the article with its entities and dates as JSON")
    p.set_defaults(handler=cmd_show)

