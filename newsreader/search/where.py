"""Where a `person:`/`org:`/`place:` or `mentions:` search matched in an article: the
spans of the names and dates stored with it (the extractor's, no extraction at read time).

A snippet marks the words a search matched; these fields match names, which the body's words
do not (a canonical name "Wladimir Klitschko" where the text says "Klitschko"), so their
snippets were the story's lead with nothing marked (Q9 #5). A stored name is where a name
search matched when every word the search gave for that field is a word of its name or of
the form the text wrote; a stored date is where a `mentions:` search matched when its
calendar keys (`schema.mention_keys`) meet the search's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from whoosh import query as Q

from newsreader.search.analysis import name_terms
from newsreader.search.entity import NamePart, without_title
from newsreader.search.query import positive_leaves
from newsreader.search.schema import MENTION_PREFIX, mention_keys

KINDS = ("person", "org", "place")


@dataclass
class Targets:
    """What to look for in an article's stored names and dates."""

    #: (kind, the words a name must hold), one per name word or phrase of the search
    names: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    #: `mentions:` keys (with MENTION_PREFIX)
    keys: frozenset[str] = frozenset()
    #: `mentions:` runs of whole years, as (first, last) keys (`query.mention_terms`)
    years: tuple[tuple[str, str], ...] = ()
    #: (kind, a whole canonical name's words): the parts of a full name searched (`entity.NamePart`)
    parts: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.names or self.keys or self.years or self.parts)

    def meets(self, keys: list[str]) -> bool:
        """Whether a stored date's keys (`mention_keys`) are among those looked for."""
        return bool(self.keys.intersection(keys)) or any(lo <= k <= hi for lo, hi in self.years for k in keys)


def targets(q: Q.Query, searcher: Any) -> Targets:
    """What of `q` to look for in stored names and dates. With the `searcher` it ran on, the parts of a
    full name only when the search used them (`NamePart.used_in`): with "Michelle Obama" indexed, a story
    `person:"Barack Obama" OR chicago` found by "chicago" had its lone "Obama" marked (RV26-C #4)."""
    names: list[tuple[str, frozenset[str]]] = []
    keys: set[str] = set()
    years: list[tuple[str, str]] = []
    parts: list[tuple[str, str]] = []
    for node in positive_leaves(q, into_constant=True):
        fieldname = getattr(node, "fieldname", None)
        if isinstance(node, NamePart):
            if node.used_in(searcher):
                parts.append((node.kind, node.part))
        elif fieldname == "dkey" and isinstance(node, Q.Term) and str(node.text).startswith(MENTION_PREFIX):
            keys.add(str(node.text))
        elif fieldname == "dkey" and isinstance(node, Q.TermRange) and str(node.start).startswith(MENTION_PREFIX):
            years.append((str(node.start), str(node.end)))
        elif fieldname in KINDS:
            if isinstance(node, Q.Phrase):
                names.append((fieldname, frozenset(node.words)))
                if fieldname == "person":  # ("Pope John Paul II" searched: the name stored, "John Paul II")
                    bare = without_title(node, searcher.get_parent())
                    if bare is not None:
                        names.append((fieldname, frozenset(bare)))
            elif isinstance(node, Q.Term):
                names.append((fieldname, frozenset([str(node.text)])))
    return Targets(names, frozenset(keys), tuple(years), parts)


def spans(found: Targets, entities: list[dict[str, Any]], dates: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Character spans (in the body text) of the stored names and dates `found` looks for."""
    out: list[tuple[int, int]] = []
    if found.names or found.parts:
        for e in entities:
            name = name_terms(e.get("name") or "")  # once: for the names and the parts alike
            wanted = [words for kind, words in found.names if kind == e.get("kind")]
            if wanted:
                have = set(name) | set(name_terms(e.get("text") or ""))
                if any(words <= have for words in wanted):
                    out.append((e["start"], e["end"]))
                    continue
            if (e.get("kind"), " ".join(name)) in found.parts:
                out.append((e["start"], e["end"]))
    if found.keys or found.years:
        for d in dates:
            if found.meets(mention_keys([d.get("value")])):
                out.append((d["start"], d["end"]))
    return sorted(out)
