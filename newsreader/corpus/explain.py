"""Plain-text views of parse results for `newsreader parse` (with and without --explain)."""

from __future__ import annotations

import textwrap

from newsreader.corpus.model import Article
from newsreader.corpus.parser import ParseResult
from newsreader.errors import counted, printable


def render_articles(articles: list[Article], width: int = 80) -> str:
    out: list[str] = []
    for number, article in enumerate(articles, 1):
        out.append(f"[{number}] {article.title}")
        facts = [
            ("id", article.id),
            ("date", f"{article.date.isoformat()} ({article.date_source})" if article.date else article.date_source),
            ("source", article.source),
            ("byline", article.byline),
            ("dateline", article.dateline),
            ("age", article.age),
            ("url", article.url),
            ("related", ", ".join(article.related) if article.related else None),
        ]
        for label, value in facts:
            if value:  # (never raw to the terminal: an HTML page's og:site_name or canonical link is markup's text)
                out.append(f"    {label + ':':<10}{printable(str(value))}")
        for caption in article.captions:
            out.extend(textwrap.wrap(caption, width - 4, initial_indent="    caption:  ", subsequent_indent="              "))
        for point in article.summary:
            out.extend(textwrap.wrap(point, width - 4, initial_indent="    • ", subsequent_indent="      "))
        out.append("")
        for paragraph in article.body:
            out.extend(textwrap.wrap(paragraph, width - 4, initial_indent="    ", subsequent_indent="    "))
            out.append("")
    return "\n".join(out) + ("\n" if out else "")


def render_explain(result: ParseResult) -> str:
    """Every input line with its fate: `line  role  [story]  text  (why)`."""
    out = [f"{counted(len(result.articles), 'article')}; every input line and what became of it:", ""]
    for fate in result.fates:
        story = f"[{fate.article + 1}]" if fate.article is not None else "   "
        mark = "-" if fate.dropped else "+"
        # The page's line as it is, but never raw to the terminal: `Menu\x1b]0;pwned\x07`
        # retitled it. Escaped, it also shows why the body reads differently.
        text = printable(fate.text.strip().replace("\t", " "))
        line = f"{fate.lineno:>4} {mark} {fate.role:<15} {story:<4} {text}"
        if fate.note and fate.role != "blank":
            line += f"   ({printable(fate.note)})"
        out.append(line)
    out.append("")
    out.append("+ kept in an article   - dropped, with the reason in brackets")
    return "\n".join(out) + "\n"
