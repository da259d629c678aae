"""The `newsreader` command: opens the reader, or runs one subcommand and exits.

Every subcommand is a `cmd_*` function taking the parsed arguments and a `Context`; it
returns an exit code. Problems the user can fix are raised as `UserError` and printed as one
line; Ctrl-C exits 130 without a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TextIO

from newsreader import __version__
from newsreader.config import Config, Paths, load_config, user_paths
from newsreader.errors import UserError


@dataclass
class Context:
    """What every command needs: the folders, the validated config and the streams."""

    paths: Paths
    config: Config
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    def corpus_dir(self, args: argparse.Namespace) -> Path:
        return self.config.corpus_dir(getattr(args, "corpus", None))

    def warn(self, message: str) -> None:
        """One line on stderr: a problem that did not stop the command."""
        print(f"newsreader: warning: {message}", file=self.stderr)

    def print_json(self, data: Any) -> None:
        json.dump(data, self.stdout, ensure_ascii=False, indent=2)
        self.stdout.write("\n")


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
    """Show what the parser makes of individual page files."""
    from newsreader.corpus.explain import render_articles, render_explain
    from newsreader.corpus.loader import read_page_file
    from newsreader.corpus.parser import parse_page

    results = []
    failures = 0
    for name in args.files:
        path = Path(name)
        try:
            page = read_page_file(path, max_bytes=int(ctx.config.max_page_mb * 1024 * 1024))
        except UserError as exc:
            print(f"newsreader: {exc.message}", file=ctx.stderr)
            failures += 1
            continue
        for note in page.warnings:
            ctx.warn(note)
        results.append((path, parse_page(page.text, file=path.name)))
    if args.json:
        payload = []
        for path, result in results:
            item: dict[str, Any] = {"file": str(path), "articles": [a.to_dict() for a in result.articles]}
            if args.explain:
                item["lines"] = [fate.to_dict() for fate in result.fates]
            payload.append(item)
        ctx.print_json(payload if len(args.files) != 1 or not payload else payload[0])
    else:
        for path, result in results:
            if len(results) > 1:
                print(f"==> {path} <==", file=ctx.stdout)
            text = render_explain(result) if args.explain else render_articles(result.articles)
            ctx.stdout.write(text)
    if failures and not results:
        return 2
    return 1 if failures else 0


def cmd_articles(args: argparse.Namespace, ctx: Context) -> int:
    """List every article in the corpus."""
    from newsreader.corpus.loader import load_corpus

    corpus = load_corpus(ctx.corpus_dir(args), ctx.config, warn=ctx.warn)
    if args.json:
        ctx.print_json([a.to_dict() for a in corpus.articles])
        return 0
    for article in corpus.articles:
        date = article.date.isoformat() if article.date else "undated   "
        source = f"  [{article.source}]" if article.source else ""
        print(f"{date}  {article.id}\n            {article.title}{source}", file=ctx.stdout)
    print(
        f"{len(corpus.articles)} articles from {corpus.page_count} pages in {corpus.root}",
        file=ctx.stderr,
    )
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
            "Config, index and state live in your user folders; set NEWSREADER_HOME to keep them "
            "all under one folder. Run `newsreader COMMAND --help` for details."
        ),
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    _add_corpus_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="show the articles that saved page files yield",
                       description="Parse saved page files and print the articles found.")
    p.add_argument("files", nargs="+", metavar="FILE", help="saved page (plain text)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--explain", action="store_true",
                   help="show every input line and what became of it")
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser("articles", help="list the corpus's articles",
                       description="List every article in the corpus.")
    _add_corpus_option(p)
    p.add_argument("--json", action="store_true", help="print a JSON array of articles")
    p.set_defaults(handler=cmd_articles)

    return parser


def run_app(args: argparse.Namespace, ctx: Context) -> int:
    """Open the reader (the default when no command is given)."""
    from newsreader.tui.app import run_reader

    return run_reader(ctx, ctx.corpus_dir(args))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        paths = user_paths()
        ctx = Context(paths=paths, config=load_config(paths))
        handler: Command = getattr(args, "handler", run_app)
        return handler(args, ctx)
    except UserError as exc:
        print(f"newsreader: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newsreader articles | head`: the reader went away; that is not an error.
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return 0
