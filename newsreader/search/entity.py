"""Ranking for `person:`, `org:` and `place:` words.

An entity field holds the list of names an article was tagged with. Plain BM25 on it
ranks by the length of that list: an article tagged with Lahore alone outranks one tagged
with Lahore and five other places, which says nothing about which article is more about
Lahore. It is also slow: the scores barely vary, so Whoosh's block bounds never fall below
the 20th best score and every tagged article is scored (`place:lahore` tags 20% of a 100k
corpus: 56-71 ms, most of it BM25 and field-length reads).

`EntityTerm` matches exactly the documents `Term(field, word)` matches, and scores them as

    IDF of the word in the entity field  +  the better of BM25(title) and BM25(body) of the word

The first part is the same for every tagged article (being tagged is a yes/no fact; the
IDF keeps a rare name weighing more than a common one when combined with other words).
The second measures how much the article talks about the name: more mentions, or a
mention in the title (boosted 2x), rank higher; and those scores vary enough to prune on.

Evaluation, when the word is the whole search: the tagged articles naming the word in
their title are scored first; if k of them beat the best any body-only mention can
score, they are the answer (`_titles_first`). Otherwise, and inside larger queries,
Whoosh's `AndMaybe(tag, text)` walks both lists until the k-th best score
exceeds the tag's constant, i.e. until only articles that mention the word can still
enter the top. Then (`MentionMatcher.replace`) the rest of the segment is computed at
once: the tagged set is read a block at a time, title/body blocks whose bound cannot
beat the current k-th score are skipped unread, and the remaining postings of tagged
documents are scored; the collector then walks that short list.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable

from whoosh import matching
from whoosh import query as Q
from whoosh.matching.binary import AndMaybeMatcher
from whoosh.matching.wrappers import ConstantScoreWrapperMatcher, RequireMatcher, WrappingMatcher

from newsreader.search.analysis import STOPS, stem
from newsreader.search.dismax import NewsDisMax
from newsreader.search.fieldfirst import body_scores, title_scores
from newsreader.search.postings import ScoredListMatcher, all_ids, block_ids, block_ids_weights, is_w3_leaf, \
    slack_below, unwrap
from newsreader.search.schema import _ROMAN, NAME_PREFIX, NAME_SUFFIXES

ENTITY_FIELDS = ("person", "org", "place")
#: Fields whose mentions of the word rank an entity match (the title's 2x boost is in its weights).
TEXT_FIELDS = ("title", "body")


class MentionMatcher(AndMaybeMatcher):
    """`AndMaybe(tag, text)` that becomes a precomputed list once the tag alone cannot
    reach the top (Whoosh's own replacement is a posting-by-posting intersection)."""

    def __init__(self, tag: Any, text: Any, rest: Callable[[int, float], Any]) -> None:
        super().__init__(tag, text)
        #: (first docnum, minimum quality) -> a matcher for the rest of the segment
        self._rest = rest

    def replace(self, minquality: float = 0) -> Any:
        a, b = self.a, self.b
        if not a.is_active():
            return matching.NullMatcher()
        if not b.is_active():
            return a.replace(minquality)
        if minquality and a.max_quality() < minquality:
            return self._rest(a.id(), minquality).replace(minquality)
        return self

    def copy(self) -> "MentionMatcher":
        return MentionMatcher(self.a.copy(), self.b.copy(), self._rest)


class EntityTerm(Q.Term):
    """A word in an entity field (see the module docstring for the ranking and why)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        fieldname = self.fieldname
        if fieldname not in searcher.schema:
            return matching.NullMatcher()
        try:
            btext = searcher.schema[fieldname].to_bytes(self.text)
        except ValueError:
            return matching.NullMatcher()
        reader = searcher.reader()
        if (fieldname, btext) not in reader:
            return matching.NullMatcher()
        idf = searcher.get_parent().idf(fieldname, btext)
        tag = ConstantScoreWrapperMatcher(reader.postings(fieldname, btext), idf)
        terms = self._text_terms(searcher)
        text = NewsDisMax(terms).matcher(searcher, context) if terms else None
        top = context.limit if context is not None and getattr(context, "top_query", None) is self else 0
        if text is None or not text.is_active() or not tag.is_active():
            m = tag
        elif top and (found := _titles_first(searcher, context, fieldname, btext, terms, idf, top)) is not None:
            m = found
        else:
            def rest(start: int, minquality: float) -> Any:
                tagged = set(all_ids(reader.postings(fieldname, btext), start))
                mentions = [t.matcher(searcher, context) for t in terms]
                return _mention_list(mentions, tagged, idf, start, minquality)

            m = MentionMatcher(tag, text, rest)
        return m if self.boost == 1.0 else WrappingMatcher(m, boost=self.boost)

    def _text_terms(self, searcher: Any) -> list[Q.Term]:
        word = self.text.decode("utf-8") if isinstance(self.text, bytes) else str(self.text)
        if word in STOPS:
            return []
        return [Q.Term(f, stem(word)) for f in TEXT_FIELDS if f in searcher.schema]


def _titles_first(searcher: Any, context: Any, fieldname: str, btext: bytes, terms: list[Q.Term],
                  idf: float, top: int) -> ScoredListMatcher | None:
    """The whole answer when this word is the whole search: the tagged articles naming
    the word in their title, if `top` of them beat every article naming it only in the
    body (a title is short and boosted: ~8-10 against ~5 at most); else None."""
    title, body = (t.matcher(searcher, context) for t in terms)
    if not title.is_active():
        return None
    reader = searcher.reader()
    best_body = body.max_quality() if body.is_active() else 0.0
    tagged = set(all_ids(reader.postings(fieldname, btext)))
    titles = {d: sc for d, sc in title_scores(title, reader).items() if d in tagged}
    if len(titles) < top:
        return None
    need = sorted(d for d, sc in titles.items() if sc < best_body)
    bodies = body_scores(body, need, reader) if need else {}
    ids = sorted(titles)
    scores = [idf + max(titles[d], bodies.get(d, 0.0)) for d in ids]
    kth = sorted(scores, reverse=True)[top - 1]
    if slack_below(kth) <= idf + best_body:
        return None
    return ScoredListMatcher(ids, scores)


def _mention_list(mentions: list[Any], tagged: set[int], plus: float, start: int,
                  minquality: float) -> ScoredListMatcher:
    """The tagged documents from `start` on that mention the word, scored `plus` + the best
    mention score, without those that cannot exceed `minquality`."""
    floor = slack_below(minquality)
    best: dict[int, float] = {}
    for m in mentions:
        for doc, score in _scored(m, tagged, plus, start, floor):
            if score > best.get(doc, -1.0):
                best[doc] = score
    ids = sorted(best)
    return ScoredListMatcher(ids, [best[d] + plus for d in ids])


def _scored(m: Any, keep: set[int], plus: float, start: int, floor: float) -> Any:
    """(docnum, score) of the postings of term matcher `m` in `keep` from `start` on whose
    score + `plus` reaches `floor`; blocks whose bound cannot are not decoded."""
    leaf, deleted = unwrap(m)
    scorer = getattr(leaf, "scorer", None)
    if not is_w3_leaf(leaf) or not hasattr(scorer, "_score") or not hasattr(scorer, "dfl"):
        if m.is_active() and m.id() < start:
            m.skip_to(start)
        while m.is_active():
            doc = m.id()
            if doc in keep:
                s = m.score()
                if s + plus >= floor:
                    yield doc, s
            m.next()
        return
    score, dfl = scorer._score, scorer.dfl
    while leaf.is_active():
        if leaf.block_max_id() >= start and scorer.block_quality(leaf) + plus >= floor:
            ids = block_ids(leaf)
            hits = keep.intersection(ids)
            if deleted:
                hits -= deleted
            if hits:
                weights = block_ids_weights(leaf)[1]
                for i, doc in enumerate(ids):
                    if doc in hits and doc >= start:
                        s = score(weights[i], dfl(doc))
                        if s + plus >= floor:
                            yield doc, s
        if leaf._lastblock:
            return
        leaf._next_block()


#: The score of a story found by a part of the full name searched (`NamePart`): below a story naming
#: the full name (`person:"Barack Obama"` scored those 6.5 to 12.9 in Q9's 471-story index).
PART_SCORE = 1.0


class NamePart(Q.Term):
    """The stories whose canonical name of a kind is `part` of the full name searched: `person:"Barack
    Obama"` also finds a story naming only "Obama" (its canonical name is the lone surname: names are
    grouped inside a story, not across stories, Q9 #1), scored `PART_SCORE`, below those naming the
    full name. Only when the full name searched is indexed and that is unambiguous: no indexed full name
    of the kind other than it ends with the part's last word (with "Michelle Obama" indexed too, a lone
    "Obama" could be either, and the search stays exact). A `dkey` term (`schema.name_keys`)."""

    def __init__(self, kind: str, part: str, full: str, boost: float = 1.0, under: str = "") -> None:
        super().__init__("dkey", f"{NAME_PREFIX}{kind}={part}", boost=boost)
        self.kind, self.part, self.full = kind, part, full
        #: the surname the full names that may be this part are filed under (`schema.name_keys`)
        self.under = under or part.rsplit(" ", 1)[-1]
        self._used: tuple[Any, bool] | None = None  # (a weak reference to the top searcher, used_in)

    def usable(self, reader: Any) -> bool:
        """Whether some story has the part as its name, and it is unambiguous (`_unambiguous`)."""
        return ("dkey", self._btext()) in reader and self._unambiguous(reader)

    def _btext(self) -> bytes:
        return self.text.encode("utf-8") if isinstance(self.text, str) else self.text

    def used_in(self, searcher: Any) -> bool:
        """`usable` on the whole index (`searcher`'s top searcher): Whoosh asks each segment's
        sub-searcher for a matcher, and one segment's names are not the index's (an index updated
        in two runs took "Obama" alone for Barack when Michelle was in the other segment, RV26-C #1).
        Decided once per search, not once per segment and query node."""
        top = searcher.get_parent()
        if self._used is None or self._used[0]() is not top:
            self._used = (weakref.ref(top), self.usable(top.reader()))
        return self._used[1]

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not self.used_in(searcher) or ("dkey", self._btext()) not in reader:
            return matching.NullMatcher()
        return ConstantScoreWrapperMatcher(reader.postings("dkey", self._btext()), PART_SCORE * self.boost)

    def _unambiguous(self, reader: Any) -> bool:
        """Whether the name searched is an indexed full name and every other indexed full name of the kind
        with the part's surname (`under`) is the part (a lexicon prefix: `schema.name_keys`; a common surname
        stops at the second name). A full name no story has is not widened: "Susan Rice" would take any
        lone "Rice", and a mistyped first name any lone surname (RV26-C #2)."""
        prefix = f"{NAME_PREFIX}{self.kind}{NAME_PREFIX}{self.under}="
        seen = False
        for term in reader.expand_prefix("dkey", prefix):
            name = (term.decode("utf-8") if isinstance(term, bytes) else term)[len(prefix):]
            if name == self.full:
                seen = True
            elif name != self.part:
                return False
        return seen

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NamePart) and (self.text, self.full, self.boost) == (other.text, other.full,
                                                                                      other.boost)

    def __hash__(self) -> int:
        return hash((self.text, self.full, self.boost))

    def __repr__(self) -> str:
        return f"NamePart({self.kind!r}, {self.part!r}, {self.full!r})"


class FullName(Q.Or):
    """A person's full name (its phrase) or its parts (`NamePart`s). When no part is usable (`usable`:
    the usual case) the phrase alone is matched, as the top query if this was: an Or around it
    cost 5% more instructions per `person:"..."` search on the 100k index even with no part matching."""

    _untitled: tuple[Any, Q.Query | None] | None = None  # (a weak reference to the top searcher, `without_title`)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        subs = [q for q in self.subqueries if not isinstance(q, NamePart) or q.used_in(searcher)]
        untitled_name = self._without_title(searcher)
        if untitled_name is not None:
            subs.append(untitled_name)
        if len(subs) > 1:
            return Q.Or(subs, boost=self.boost).matcher(searcher, context)
        if context is not None and getattr(context, "top_query", None) is self:
            context = context.set(top_query=subs[0])
        m = subs[0].matcher(searcher, context)
        return m if self.boost == 1.0 else WrappingMatcher(m, boost=self.boost)

    def _without_title(self, searcher: Any) -> Q.Query | None:
        """The name searched without the titles opening it (`without_title`), as a query: its phrase and parts
        (a `FullName`), or for one word left the stories whose name for a person is that word alone, ranked as
        `person:word` is. None when the name as typed is used alone. Decided once per search on the whole index
        (`searcher`'s top searcher), as `NamePart.used_in` is."""
        top = searcher.get_parent()
        if self._untitled is None or self._untitled[0]() is not top:
            typed = self.subqueries[0]
            words = without_title(typed, top) if isinstance(typed, Q.Phrase) else None
            query: Q.Query | None = None
            if words is not None and len(words) > 1:
                full = " ".join(words)
                query = FullName([type(typed)(typed.fieldname, words, slop=typed.slop, boost=typed.boost), *(
                    NamePart(typed.fieldname, p, full, boost=typed.boost, under=under) for p, under in name_parts(words))])
            elif words is not None:
                query = _one_word(typed, words[0], top.reader())
            self._untitled = (weakref.ref(top), query)
        return self._untitled[1]


#: Titles a person is named by with the given name after them ("Pope Francis", "King Charles", "Prince Harry"):
#: one given name left after them is the person's own name, not a surname.
GIVEN_NAME_TITLES = frozenset({"pope", "king", "queen", "prince", "princess", "emperor", "empress", "emir",
                               "sultan", "tsar", "czar", "saint", "st"})
#: A woman's titles ("Mrs Obama"): a lone surname after them is not filed (`schema.hers`), and which of the full
#: names with the surname is hers no stored name says.
HER_TITLES = frozenset({"mrs", "ms", "miss", "madam", "mme"})


class _Filter(Q.Require):
    """`Q.Require` (`a`'s scores, for the documents `b` has too) without Whoosh's block-quality skipping:
    `RequireMatcher.skip_to_quality` moves its first child and then its intersection as if both were still apart,
    and fails an assertion (`IntersectionMatcher._find_next`) once a search keeps only its top N of more stories
    (RV30-N #0: a healthy index was reported damaged)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        return _FilterMatcher(self.a.matcher(searcher, context), self.b.matcher(searcher, searcher.boolean_context()))


class _FilterMatcher(RequireMatcher):
    def supports_block_quality(self) -> bool:
        return False


def _one_word(typed: Q.Phrase, word: str, reader: Any) -> Q.Query | None:
    """The stories a person's name searched is meant for when one word is left after its titles (`untitled`),
    ranked as `person:word` is. After a title given before a given name ("Pope Francis", "King Charles") and a
    given name left: the stories whose name for the person is the word alone, or the word and a regnal number
    ("Charles III"), not "Francis Collins". After a woman's title ("Mrs Obama"): none (`HER_TITLES`). Else the
    word is a surname ("President Obama", "Mr Johnson", "Chancellor Merkel"): every story naming a person by it,
    as `person:obama` ("Barack Obama", and "Michelle Obama" too: which of them is meant the title does not say;
    keeping only the full names ending with it, an Or of every such name key, cost 0.5 s a search on the 100k
    index for a surname 153 stored full names end with, against 30 ms)."""
    field = typed.fieldname
    opening = [w.decode("utf-8") if isinstance(w, bytes) else str(w) for w in typed.words][:-1]
    if any(w.rstrip(".") in HER_TITLES for w in opening):
        return None
    term = EntityTerm(field, word, boost=typed.boost)
    if not (opening and opening[-1].rstrip(".") in GIVEN_NAME_TITLES and _given(word)):
        return term
    prefix = f"{NAME_PREFIX}{field}={word}"
    keys = [Q.Term("dkey", prefix)]
    for t in reader.expand_prefix("dkey", prefix + " "):
        name = t.decode("utf-8") if isinstance(t, bytes) else t
        if _ROMAN.fullmatch(name[len(prefix) + 1:].upper()):
            keys.append(Q.Term("dkey", name))
    return _Filter(term, keys[0] if len(keys) == 1 else Q.Or(keys))


def _given(word: str) -> bool:
    from newsreader.errors import UserError
    from newsreader.extract.resources import cues

    try:
        c = cues()
    except UserError:
        return True
    return word.title() in c.given_names or word.title() in c.word_names


def without_title(phrase: Q.Phrase, searcher: Any) -> list[str] | None:
    """The words of a person's name searched (`phrase`, in `person:`) without the titles that open it
    (`untitled`), when the name as typed is no story's name for a person (its key, `schema.name_keys`, is not in
    the index of `searcher`) and a title opens it; else None. The extractor leaves titles out of the names it
    stores (issue #4: "Pope John Paul II" is stored as "John Paul II"). A name stored as typed, as most names
    searched are, or one whose last word no stored name has, is not looked at again (nor the title lists read: a
    search process had not imported the cue files' reader, ~230 M instructions, 60 ms)."""
    words = [w.decode("utf-8") if isinstance(w, bytes) else str(w) for w in phrase.words]
    reader = searcher.reader()
    if len(words) < 2 or ("dkey", f"{NAME_PREFIX}{phrase.fieldname}={' '.join(words)}".encode()) in reader:
        return None
    try:  # (no name of the index ends with the last word, a misspelt name: nothing to look for without a title)
        if (phrase.fieldname, searcher.schema[phrase.fieldname].to_bytes(words[-1])) not in reader:
            return None
    except (KeyError, ValueError):
        return None
    bare = untitled(words)
    return bare if len(bare) < len(words) else None


def untitled(words: list[str]) -> list[str]:
    """`words` (a person's name searched) without the titles that open it ("pope john paul ii": "john paul ii";
    "prime minister boris johnson": "boris johnson"): the extractor's title lists (`titles.yaml`'s heads and
    modifiers, with the user's cue files), but not a title that is a given name too ("Dean", "Sultan"), and never
    the last word. Words as the entity fields hold them (lower case, no dots). The words as given when the cue
    files cannot be read (the search still runs; `extract` and `index` say what is wrong with them)."""
    if len(words) < 2:
        return words
    from newsreader.errors import UserError
    from newsreader.extract.resources import cues, title_words

    try:
        titles = title_words()
        k = 0
        while k < len(words) - 1 and (words[k] in titles or words[k] + "." in titles):
            k += 1
        if k:  # (the given names are read only for a name opened by a title)
            c = cues()
            k = next((n for n in range(k) if words[n].title() in c.given_names or words[n].title() in c.word_names), k)
    except UserError:
        return words
    return words[k:]


def name_parts(words: list[str]) -> list[tuple[str, str]]:
    """The parts of a full name a story's canonical name may be instead (`NamePart`), each with the
    surname it is filed under: after a trailing Jr./Sr./II-IV, each run of its last words, the surname
    it may be ("Sinead O Connor": "connor", "o connor": which of them is the surname the index says,
    `schema.surnames`, from the name as written: "O'Connor" is one, so a lone "Connor" is not her),
    and for three words or more its first and last ("Barack Hussein Obama": "barack obama", under
    "obama")."""
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:  # "Cal Ripken Jr.": Ripken
        words = words[:-1]
    parts = [(" ".join(words[i:]),) * 2 for i in range(len(words) - 1, 0, -1)]
    if len(words) > 2:
        parts.append((f"{words[0]} {words[-1]}", words[-1]))
    return parts


def entity_terms(q: Q.Query) -> Q.Query:
    """`q` with every plain word in an entity field made an `EntityTerm`, and every person's full name
    (a phrase in `person:`) also finding the stories that name a part of it (`NamePart`), or, when no story's name
    for a person is the name as typed, the name without the titles opening it (`without_title`):
    `person:"Pope John Paul II"` finds the story naming "Pope John Paul II" (stored as "John Paul II"), and
    `person:"Pope Francis"` a story whose name for the person is "Francis" alone (not one naming "Francis
    Collins"). Not an organisation's or a place's: their last word is often their kind ("Kansas City", "Supreme
    Court") or another place ("New York": York)."""

    def swap(node: Q.Query) -> Q.Query:
        if type(node) is Q.Term and node.fieldname in ENTITY_FIELDS:
            return EntityTerm(node.fieldname, node.text, boost=node.boost)
        if isinstance(node, Q.Phrase) and node.fieldname == "person" and len(node.words) > 1:
            words = [w.decode("utf-8") if isinstance(w, bytes) else str(w) for w in node.words]
            full = " ".join(words)
            parts = [NamePart(node.fieldname, p, full, boost=node.boost, under=under)
                     for p, under in name_parts(words)]
            return FullName([node, *parts])
        return node

    return q.accept(swap)
