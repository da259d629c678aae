"""The corpus layer: the article model, the page parser and the folder loader."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsreader.config import Config


def check_corpus_dir(root: Path, config: Config | None = None) -> None:
    """Raise `UserError` if `root` is no folder. Kept here, not in the loader, so the reader
    and the search commands can check a folder without importing the parser (~20 ms).
    When `root` is the config's `corpus:`, the message names the config file: telling the
    user to set `corpus:` when it is set, and wrong, sent them looking in the wrong place."""
    if root.is_dir():
        return
    in_config = config is not None and config.source is not None and config.corpus == root
    if not root.exists():
        problem = f"corpus folder {root} does not exist"
        if in_config and config.corpus_also_tried is not None:  # (config.py `_relative_corpus`)
            problem += (f", nor does {config.corpus_also_tried} (a relative `corpus:` is taken from the config "
                        "file's folder, else from the current folder)")
        fix = ("create the folder, correct `corpus:` there, or pass --corpus DIR" if in_config
               else "pass --corpus DIR or set `corpus:` in the config")
    else:
        problem = f"corpus {root} is a file, not a folder"
        fix = ("set `corpus:` there to the folder that holds the pages" if in_config
               else "pass the folder that holds the pages")
    if in_config:
        raise UserError(f"{problem}; it is the `corpus:` set in {config.source}: {fix}")
    raise UserError(f"{problem}; {fix}")


def no_pages_message(root: Path, extensions: list[str]) -> str:
    """What to say about a folder without a single page, wherever it shows (the `articles`
    command, `index`, the reader's empty list)."""
    return (f"no pages in {root} (looked for {', '.join(extensions)} files); "
            "save news pages there as plain text or point --corpus elsewhere")


def unread_endings_message(unread: dict[str, int], config_file: Path, extensions: Sequence[str]) -> str:
    """What to say of the files a run left out only for their ending (`iter_page_files`' `unread`): newsreader
    reads them, but `extensions` does not name their endings (a new user's .md pages and .rss feeds were absent
    from the index without a word). The line gives the whole list to write, `extensions` (the effective list)
    and the new endings: the setting replaces the default list, and a user who wrote only the new endings lost
    every .txt page from the index (RV30-L #3)."""
    total = sum(unread.values())
    endings = ", ".join(f"{n:,} {suffix}" for suffix, n in sorted(unread.items()))
    have = {e.lower() for e in extensions}
    whole = ", ".join([*extensions, *(e for e in sorted(unread) if e.lower() not in have)])
    return (f"{total:,} {'file' if total == 1 else 'files'} not read for {'its' if total == 1 else 'their'} ending "
            f"({endings}): to read {'it as a page' if total == 1 else 'them as pages'}, add "
            f"{' and '.join(sorted(unread))} to `extensions` in {config_file}, which then reads "
            f"`extensions: [{whole}]` (the list replaces the default one)")


#: What `parse -` calls standard input in its messages (the loader's, and `no_story_message`).
STDIN_NAME = "- (standard input)"


def no_story_message(path: Path | str, *, stdin: bool = False) -> str:
    """What to say about a page the parser found no story in (menus, share buttons, short
    lines only), wherever it shows: `index` said "indexed 1 page (0 articles)" and no more.
    `stdin`: the page is standard input (`parse -`), where nothing is skipped."""
    if stdin:
        return (f"{STDIN_NAME}: no story found on the page; "
                "`newsreader parse - --explain` shows what became of each line")
    return (f"{path}: no story found on the page, skipped; "
            f"`newsreader parse {shlex.quote(file_label(str(path)))} --explain` shows what became of each line")


def file_label(name: str) -> str:
    """A page's file name as text that can be stored, indexed and printed as UTF-8: bytes of
    the name that are not UTF-8 (which Python keeps as lone surrogates) are written `\\xe9`.
    Not U+FFFD: names differing only in such bytes must stay apart, as the index keys its
    pages by name (two became one page, and each `index` run swapped which one it kept)."""
    if name.isascii():
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
