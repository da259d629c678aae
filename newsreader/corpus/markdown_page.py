"""Markdown pages (`.md`, opt-in in `extensions`) as the plain text the page parser reads.

Notes and stories kept as Markdown mark their layout with signs the parser took for words: the
title `# Storm closes schools` kept its `#`, `*Published 24 January 2025*` was no date line,
`**By Jane Doe**` no byline, and `[the report](https://...)` put the address into the text. Here
each line loses only its Markdown signs, so the parser's own rules (title, byline, date line,
body) then apply to what the reader sees rendered:

- headings `# Title` / `## Title ##` and the `===`/`---` underline of a heading: their text;
- emphasis `*x*`, `_x_`, `**x**`, `__x__`, `~~x~~` and code spans: their text;
- links `[text](url)` and `[text][ref]`: the text; images: dropped, their alt text too;
  link definitions (`[ref]: https://...`), code fences and rules (`---`, `***`): dropped;
- quotes `> `: their text; list items keep their bullet (the parser reads bullets);
- a front matter block (`---` / `title: ...` / `date: 2025-01-24` / `---`) at the top: its title and
  date become the seeds' header line `date 2025-01-24 Title`, its story's web address (`url:`, `link:`,
  `source:`... when an http(s) address) the line `URL: https://...` under it (the parser's labelled
  address: `Article.url`), its other fields are dropped.

Line numbers stay those of the file (a dropped line becomes blank), so `parse --explain` points
at the file's own lines. No Markdown library: this is a few line rules, not a renderer.
"""

from __future__ import annotations

import datetime as dt
import re

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

#: Line signs, each after up to 3 spaces of indent: a heading `# Title #`, a heading's underline, a rule, a code
#: fence, a link definition and a quote's `>`.
_INDENT = r"^ {0,3}"
ATX_RE, SETEXT_RE, RULE_RE, FENCE_RE, LINK_DEF_RE, QUOTE_RE = (re.compile(_INDENT + sign) for sign in (
    r"#{1,6}(?:\s+(.*))?$", r"(?:=+|-+)\s*$", r"(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$",
    r"(?:```|~~~)", r"\[[^\]]+\]:\s+\S+", r"(?:>\s?)+"))
#: Every span below is bounded (a link's text or address, an emphasised run: at most 300 characters) and has no
#: repeat inside a repeat, so a line of 10,000 unclosed `*a ` or `[a](xxx...` is read in linear time (unbounded,
#: `*a ` x 8,000 took 6 s and `[a](` + 22 x's 0.4 s, doubling with each x).
IMAGE_RE = re.compile(r"!\[[^\]\n]{0,300}\](?:\([^)\n]{0,300}\)|\[[^\]\n]{0,300}\])")
LINK_RE = re.compile(r"\[([^\]\n]{1,300})\](?:\((?:[^()\s]|\([^)\n]{0,300}\)){0,300}(?:\s+\"[^\"\n]{0,300}\")?\)"
                     r"|\[[^\]\n]{0,300}\])")
AUTOLINK_RE = re.compile(r"<(https?://[^>\s]{1,300})>")
#: Emphasis: the sign must touch the words it wraps, so "2 * 3 * 4" and "snake_case_name" stay as they are.
STRONG_RE = re.compile(r"(\*\*|__|~~)(?=\S)(.{1,300}?)(?<=\S)\1")
EM_STAR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])")
EM_UNDER_RE = re.compile(r"(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])")
CODE_RE = re.compile(r"`{1,3}([^`\n]{1,300})`{1,3}")
#: (Greedy, the ends stripped in Python: a lazy `(.*?)\s*$` tried every split of a long run of blanks, 40,000 in 15-20 s.)
FRONT_FIELD_RE = re.compile(r"^(\w[\w-]*)\s*:\s*(.*)$")


def _heading_text(text: str) -> str:
    r"""An ATX heading's text without its closing `#`s (`# Title #`), found in Python: a pattern
    ending in `(?:\s+#+)?\s*$` after a lazy run tried every split of a long run of blanks."""
    text = text.rstrip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1].isspace()):
        text = bare.rstrip()
    return text


def _inline(text: str) -> str:
    text = IMAGE_RE.sub("", text)
    text = LINK_RE.sub(r"\1", text)
    text = AUTOLINK_RE.sub(r"\1", text)
    text = CODE_RE.sub(r"\1", text)
    for _ in range(2):  # `***x***`: strong around emphasis
        text = STRONG_RE.sub(r"\2", text)
        text = EM_STAR_RE.sub(r"\1", text)
        text = EM_UNDER_RE.sub(r"\1", text)
    return text.rstrip()


#: Front matter fields that may hold the story's web address, the first that does (an http(s) address) taken:
#: `source: Reuters` names the outlet, no address, and is passed over.
FRONT_URL_FIELDS = ("url", "canonical_url", "canonical", "permalink", "link", "original_url", "source_url", "source")


def _front_matter(lines: list[str]) -> tuple[int, str | None, str | None]:
    """The lines a `---` front matter block takes at the top, the header line its title and date make, and the
    story's web address it states."""
    if not lines or lines[0].strip() != "---":
        return 0, None, None
    fields: dict[str, str] = {}
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            break
        match = FRONT_FIELD_RE.match(lines[end])
        if match is None and lines[end].strip() and not lines[end].startswith((" ", "-")):
            return 0, None, None  # not YAML fields: a rule over the text, not front matter
        if match:
            fields[match.group(1).lower()] = match.group(2).strip().strip("\"'")
    else:
        return 0, None, None
    from newsreader.corpus.parser import UNDATED, story_url  # (what the parser reads as no date, and as an address)

    url = next((u for key in FRONT_URL_FIELDS if (u := story_url(fields.get(key, ""), labelled=False))), None)
    title = fields.get("title", "").strip()
    date = None
    raw = fields.get("date", "")[:10]
    try:
        date = dt.date.fromisoformat(raw)
    except ValueError:
        pass
    if not title:
        return end + 1, None, url
    return end + 1, f"date {date.isoformat() if date else UNDATED} {title}", url


def markdown_to_text(text: str) -> str:
    """The page's text without its Markdown signs, one output line per input line."""
    lines = text.split("\n")
    out: list[str] = []
    taken, header, url = _front_matter(lines)
    if taken:
        out.append(header or "")
        out.extend("" for _ in range(taken - 1))
        if url:  # (on the line of its field or below: the block is at least the header's line and its `---`)
            out[1] = f"URL: {url}"
    fenced = False
    for raw in lines[taken:]:
        if FENCE_RE.match(raw):
            fenced = not fenced
            out.append("")
            continue
        if fenced:
            out.append(raw)
            continue
        heading = ATX_RE.match(raw)
        if heading:
            out.append(_inline(_heading_text(heading.group(1) or "")))
            continue
        previous = out[-1].strip() if out else ""
        if SETEXT_RE.match(raw) and previous and raw.strip().startswith("="):
            out.append("")
            continue
        if RULE_RE.match(raw) or LINK_DEF_RE.match(raw) or (SETEXT_RE.match(raw) and previous):
            out.append("")
            continue
        out.append(_inline(QUOTE_RE.sub("", raw)))
    return "\n".join(out)
