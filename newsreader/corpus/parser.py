"""Turn a plain-text saved news page into clean articles.

Real saved pages hold several stories, navigation junk, share buttons, comment boxes and
"Related Articles" blocks, with paragraphs sometimes cut in two. The parser works in two
passes, both driven by general cues (shapes, positions, the furniture words in
`data/page_cues.yaml`), never by the words of particular stories:

1. find where each story starts: a `date YYYY-MM-DD` header, the page's first line, a title
   repeated after its heading block (`Updated ...`, `Short Url`, `Follow`), a title just above
   a date line after another story's text, or an item of a related-stories block (`Outlet` /
   `an hour ago` / `- Outlet` / title / body);
2. within each story, give every line a role (address, title, date, byline, caption, summary,
   body, ...) or drop it with a reason. A date line states a date in one of many forms
   (`date_statement`); a numeric one is read only when its order is certain.

Every input line gets a `LineFate`, so `newsreader parse --explain` can show that no story
text was lost.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any


from newsreader.corpus.model import (
    DATE_FROM_HEADER,
    DATE_FROM_LINE,
    DATE_FROM_PAGE,
    DATE_FROM_PUBLISHED,
    DATE_FROM_UPDATED,
    DATE_NONE,
    Article,
    article_id,
)

# ---------------------------------------------------------------------------------------
# Cues


@dataclass(frozen=True)
class PageCues:
    """The furniture vocabulary, compiled once."""

    boilerplate_lines: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    inline_trailer: re.Pattern[str] | None
    related_headings: tuple[re.Pattern[str], ...]
    story_meta_lines: frozenset[str]
    continuation_words: frozenset[str]
    credit_words: frozenset[str]
    byline_roles: frozenset[str] = frozenset()
    #: A site's section labels ("sport", "cronaca"): a lone word above a headline is dropped only when it is one.
    section_labels: frozenset[str] = frozenset()
    #: The boilerplate patterns as one expression: one search a line, not one for each pattern.
    boilerplate_any: re.Pattern[str] | None = None
    #: The labels of a line that names where a story comes from ("Source: Reuters", "Credit: AP"): `source_labels`
    #: name the outlet, `credit_labels` may name a photographer or a sender (`_Page.source_label`).
    source_labels: frozenset[str] = frozenset()
    #: "Label: value" for a label of either list (None: no labels).
    source_label_re: re.Pattern[str] | None = None
    #: The lines that end a story and cannot sit inside one (its tags, a dated copyright, a wire story's credits, an
    #: end mark), as one expression.
    story_end: re.Pattern[str] | None = None
    #: The lines of a story's foot that sit inside stories too (share buttons, "Read more", a rule), as one expression.
    story_foot: re.Pattern[str] | None = None

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> "PageCues":
        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or [])

        def patterns(key: str) -> tuple[re.Pattern[str], ...]:
            return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key) or [])

        def any_of(key: str) -> re.Pattern[str] | None:
            """The patterns of `key` as one expression (None when there are none)."""
            found = data.get(key)
            return re.compile("|".join(f"(?:{p})" for p in found), re.IGNORECASE) if found else None

        trailers = data.get("inline_trailers") or []
        labels = sorted(words("source_labels") | words("credit_labels"), key=len, reverse=True)
        return cls(
            boilerplate_lines=words("boilerplate_lines"),
            boilerplate_patterns=patterns("boilerplate_patterns"),
            # Matched against lower-cased text: far faster than IGNORECASE on long paragraphs.
            inline_trailer=(
                re.compile("|".join(f"(?:{str(t).lower()})" for t in trailers)) if trailers else None
            ),
            related_headings=patterns("related_headings"),
            story_meta_lines=words("story_meta_lines"),
            continuation_words=words("continuation_words"),
            credit_words=words("credit_words"),
            byline_roles=words("byline_roles"),
            section_labels=words("section_labels"),
            boilerplate_any=any_of("boilerplate_patterns"),
            source_labels=words("source_labels"),
            source_label_re=re.compile(r"^(?P<label>" + "|".join(re.escape(label) for label in labels)
                                       + r")\s*:\s*(?P<value>\S.*)$", re.IGNORECASE) if labels else None,
            story_end=any_of("story_end_patterns"),
            story_foot=any_of("story_foot_patterns"),
        )


@lru_cache(maxsize=1)
def default_cues() -> PageCues:
    """The bundled page cues. A file that cannot be used (not UTF-8, not YAML, not lists of words, a pattern that
    is no regular expression) is one line naming it, UserError: it was a traceback from every command that reads
    pages. Read as the extractor's cue files are (`yamlload.read_words`: libyaml unless the text could nest too deep
    for it, and "on" a word, not YAML 1.1's True)."""
    from newsreader import yamlload
    from newsreader.errors import UserError

    path = Path(__file__).with_name("data") / "page_cues.yaml"
    try:
        data = yamlload.read_words(path)
        for key, value in data.items():
            if value is not None and not (isinstance(value, list) and all(
                    isinstance(item, (str, int, float, bool)) for item in value)):
                raise yamlload.Unusable(f"`{key}` must be a list of words or patterns (one `- word` a line)")
        try:
            return PageCues.from_mapping(data)
        except re.error as exc:
            raise yamlload.Unusable(f"a pattern is no regular expression ({exc.pattern!r}: {exc})") from None
    except yamlload.Unusable as exc:
        raise UserError(f"the page parser's cue file {path}: {exc.problem}; {exc.first}, or reinstall newsreader "
                        "to get the bundled file back") from None


# ---------------------------------------------------------------------------------------
# Shapes

#: `date undated Title` is the header of a story whose page states no date (the web-page and feed converters write
#: it): a story's start and title, undated. Before, they wrote `0000-00-00`, which --explain called "not a real
#: calendar day". `undated` only in lower case, as the converters write it.
HEADER_RE = re.compile(r"^date:?\s+(\d{4}-\d{2}-\d{2}\b|(?-i:undated)(?!\S))[\s:|-]*(.*)$", re.IGNORECASE)
UNDATED = "undated"
META_DATE_RE = re.compile(
    r"^(updated|last updated|published|posted|first published)\b(?:\s+on)?\s*:?\s*(.+)$", re.IGNORECASE
)
AGE_RE = re.compile(
    r"^(?:about |around |over )?(?:an?|one|a few|few|\d+)\s+"
    r"(?:sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|"
    r"month|months|year|years)\s+ago\.?$|^just now$|^moments ago$",
    re.IGNORECASE,
)
#: `date_statement`'s reason for a dated line that states an age ("Updated 3 hours ago").
AGE_WHY = "an age is not a date"
DIGIT_RE = re.compile(r"\d")
DASH_OUTLET_RE = re.compile(r"^[-–—]\s+(\S.{0,60})$")
#: The bullet marks that open a list item or a line of furniture (`BULLET_RE` takes "*", "–" and "-" too).
BULLET_MARKS = "•●▪◦‣∙·►▸➤"
BULLET_RE = re.compile(rf"^[{BULLET_MARKS}*–-]\s+(\S.*)$")
BYLINE_RE = re.compile(
    r"^(?i:(?:(?:written|reported|compiled|edited|posted)\s+)?by)\s+([A-ZÀ-ÖØ-Þ][\w.'’-]*(?:[ ,]+(?:and\s+|&\s+)?[\w.'’&-]+){0,8})$",
)
#: How a sentence ends (a closing quote after its stop too).
SENTENCE_END_CHARS = ".!?\"'”’)"
#: Where a byline's names end and a date begins on one line: " · ", " | ", ", ", " on ", " - ".
BYLINE_DATE_SEP_RE = re.compile(r"\s+[·|•—–-]\s+|,\s+|\s+on\s+")
BYLINE_START_RE = re.compile(r"(?:written|reported|compiled|edited|posted|by)\s", re.IGNORECASE)
#: "By" in other languages ("Par Claire Dupont", "Von Anna Schmidt und Jonas Weber", "Por Ana García", "di Marco
#: Rossi", "Door Jan de Vries", "Av Sara Lind"): the same byline, its names without the word. Italian's "di" only in
#: lower case, as pages write it: "Di Maio ..." opens a headline.
FOREIGN_BYLINE_RE = re.compile(r"^(?:[Pp]ar|[Vv]on|[Pp]or|di|[Dd]oor|[Aa]v)\s+([A-ZÀ-ÖØ-Þ][\w.'’-]*(?:[ ,]+[\w.'’&-]+){0,8})$")
#: The words that join a byline's names in those languages ("Par X et Y", "Von X und Y", "Por X y Y", "di X e Y",
#: "Par Le Monde avec AFP").
FOREIGN_BYLINE_START_RE = re.compile(r"(?:[Pp]ar|[Vv]on|[Pp]or|di|[Dd]oor|[Aa]v)\s")
FOREIGN_JOIN_WORDS = frozenset("et und y e en och og avec mit con com met".split())
FOREIGN_NAMES_SPLIT_RE = re.compile(r",|&|\b(?:and|et|und|y|e|en|och|og|avec|mit|con|com|met)\b")
#: Lower-case words a byline's names may hold ("By Jane Roe and John Doe", "By Ahmed al Masri").
#: Any other lower-case word makes the line a sentence that opens with "By" ("By Monday the
#: talks had failed."), which is story text, not a byline.
BYLINE_LOWER_WORDS = frozenset("and & of for in the de del der van von al el bin ibn da di du la le".split())
CREDIT_RE = re.compile(r"\(([^()]{1,48})\)\s*$")
DATELINE_RE = re.compile(
    r"^((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+){0,3})"  # ISLAMABAD / NEW YORK / RIO DE JANEIRO
    r"((?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})?)"  # , Gaza Strip
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+[0-3]?\d)?"  # , May 9 (with a credit or none)
    r"\s*(?:\([^()]{1,30}\))?"  # (Reuters)
    r"\s*(?::|—|–|-{1,2})\s+(?=\S)"
)
#: A date line with the byline after it: "Posted on March 3, 2024 by Jane Doe" (WordPress's meta line).
DATE_BY_RE = re.compile(r"^(?P<date>.*\d.*?)\s+(?i:by)\s+(?P<names>[A-ZÀ-ÖØ-Þ][^\d]{1,80})$")
#: A place before a date line, after a dash, a colon or a comma: "Alamosa, Colo. — Thursday, March 7, 2024", "Madrid
#: - 04 feb 2025 - 12:10 CET", "LONDON (Reuters) - May 9, 2024", "Ciudad de México - ...", "Puerto de la Cruz - ...",
#: "Frankfurt am Main - ...", "WASHINGTON, DC, April 28, 2009", "Berlin, 3. Mai 2024", "الرياض - 3 مايو 2024" (a place's
#: first letter a capital, or an Arabic or Hebrew one: those scripts have no capitals). The rest must be a date
#: (`date_statement`).
PLACE_START = "[A-ZÀ-ÖØ-Þ\u0620-\u064a\u05d0-\u05ea]"
#: The small-letter words a place's name may hold ("Rio de Janeiro", "Frankfurt am Main", "Stratford upon Avon").
PLACE_PARTICLES = ("de", "del", "da", "do", "dos", "di", "la", "las", "los", "le", "les", "am", "an", "im", "upon",
                   "on", "sur", "en")
PLACE_DATE_RE = re.compile(
    r"^(?P<place>" + PLACE_START + r"[\w.'’-]*(?:,?\s(?:(?:" + "|".join(PLACE_PARTICLES) + r")\s){0,2}" + PLACE_START
    + r"[\w.'’-]*){0,3})\s*(?:\([^()]{1,30}\)\s*)?(?:--|[-–—:|,])\s+(?=\S)"
)


def _common_word(place: str, roles: frozenset[str] = frozenset()) -> bool:
    """Is a place before a date line English words that are never names ("Deadline: May 5, 2024", "Update: March
    3, 2024", "Results - 3 March 2024", "Closing Date, 12 April 2024")? Then the line is a label and a date, no
    dateline and no byline: read as one, a body line dated the story and left the body, and a first line took the
    headline's place (RV18-B #2; "Closing Date" was a story's byline, P8). A place of the gazetteer is a place still,
    an English word or not ("BATH — ...", "Salt Lake City"): one word must be a city of its places (its towns hold
    "Police", "Time", "Sale"). A word of a reporter's role (`roles`: "Staff Reporter") is no label's."""
    words = place.split()
    if not words or not all(word.isalpha() for word in words):
        return False
    from newsreader.extract.resources import english_words, gazetteer  # (read only when a place + date line is met)
    common = english_words()[0]
    if not all(word.lower() in common and word.lower() not in roles for word in words):
        return False
    from newsreader.extract.resources import cues
    if len(words) > 1 and any(word.lower() in cues().place_heads for word in words):
        return False  # ("Lake Placid", "Death Valley": a place's head)
    g = gazetteer()
    return not any(name in g.places or len(words) > 1 and name in g.towns for name in (place, place.title()))


def _outlet_name(name: str, host: str | None) -> bool:
    """Does a source label's name name an outlet, alone or as one part of a credit (`_outlet_parts`)?"""
    return bool(_outlet_parts(name, host)[0])


def _outlet_parts(name: str, host: str | None) -> tuple[list[str], int]:
    """Does a source label's name (`_Page.source_label`) name an outlet: a news agency (the extractor's `agencies`:
    "Reuters", "AFP", "dpa"), a name with a word that heads an organisation's ("Press TV", "Tehran Times", "BBC News":
    `_an_outlet`), or the site of the page's address ("The Daily Courier" ~ dailycourier.com), alone or as one part of
    a credit ("AFP/Getty", "Reuters, AP")? A photographer's or a sender's name ("Jane Doe", "AP Photo/Jane Doe") is
    none. The parts that are outlets, and how many parts the name has. (The extractor's lists are read only when a
    label line is met.)"""
    from newsreader.extract.resources import cues
    agencies = cues().agencies
    labels = [label for label in (host or "").split(".")[:-1] if len(label) >= 3 and label not in SECOND_LEVEL_LABELS]
    outlets, parts = [], 0
    for part in re.split(r"[/,;|]|\s+(?:via|and|&)\s+", name):
        key = re.sub(r"^the\s+", "", part.strip().lower())
        if not key:
            continue
        parts += 1
        squeezed = re.sub(r"[^a-z0-9]", "", key)
        if key in agencies or _an_outlet(part) and _capital(part.strip()[0]) \
                or squeezed and any(squeezed.startswith(label) for label in labels):
            outlets.append(part.strip())
    return outlets, parts


def _an_outlet(names: str) -> bool:
    """Does a line of names hold a word that heads an organisation's name (the extractor's `org_heads`: "Associated
    Press", "Press Association", "Wire Services")? Then its English words are an outlet's credit, no label's: the
    byline of "Associated Press, 12 April 2024" was lost with "Closing Date, 12 April 2024"'s."""
    from newsreader.extract.resources import cues  # (read only when a label of English words is met)
    heads = cues().org_heads
    return any(word.lower() in heads for word in names.split())


#: How many of the gazetteer's places of several words a word must open to be a place's first word ("Ciudad", "San",
#: "Puerto", "Fort", "Bad"): `_a_place`.
PLACE_OPENER_PLACES = 10
#: How many of the gazetteer's places written with a particle after it ("Villa de Cura", "Saint-Cyr-sur-Loire") a word
#: must open to be a place's first word, an English word or not ("Villa", "Saint"): `_a_place`.
PLACE_OPENER_PARTICLED = 10
#: The words of a place's name: between its spaces and hyphens ("Saint-Germain-en-Laye").
PLACE_WORDS_SPLIT_RE = re.compile(r"[ -]")
#: Capitalised words that open people's names as often as places' ("Abu Bakar", "Ben Ali", "Bin Laden").
NAME_PARTICLE_OPENERS = frozenset(("abu", "ben", "bin", "ibn", "umm", "mac", "mc", "o"))


_place_lists: list[Any] = []  # [the gazetteer they were made from, its openers]


def _place_openers() -> frozenset[str]:
    """The first words that open 10+ of the gazetteer's places (and towns) of several words and are no given name or
    name particle ("Ciudad", "Puerto"; not "Santa", "Al", "Abu"), nor a word of two letters or an English word, a
    name's too ("Ha", "Port", "Bad", "Long", "General": "Port de Jong, 3 June 2024" is a byline, RV21-A #5); and the
    first words that open 5+ of its places written with a particle, English words too ("Villa de Cura", "Saint-Cyr-
    sur-Loire": a place the gazetteer lacks, "Villa de Leyva", kept its dateline; "Port" opens two, "Bad" four,
    "Long" none). Read only
    when a line of names before a date is met (~55 ms from the user's cache folder, the extractor's copy), made again
    when the extractor reads its lists again (`resources.forget_lists`, after a cue file's edit: a new gazetteer). The
    union of places and towns is made for the count only, not kept: `_a_place` tests the gazetteer's own sets."""
    from newsreader.extract.resources import cues, english_words, gazetteer
    places = gazetteer()
    if not _place_lists or _place_lists[0] is not places:
        names = frozenset(places.places) | places.towns
        given = cues().given_names
        common, twins = english_words()
        not_openers = BYLINE_LOWER_WORDS | NAME_PARTICLE_OPENERS
        counts = Counter(name.split(" ", 1)[0] for name in names if " " in name)
        particled = Counter(words[0] for name in names if len(words := PLACE_WORDS_SPLIT_RE.split(name)) > 1
                            and any(word in PLACE_PARTICLES for word in words[1:]))
        openers = frozenset(word for word, n in counts.items() if n >= PLACE_OPENER_PLACES and word not in given
                            and len(word) >= 3 and word.lower() not in common and word.lower() not in twins
                            and word.lower() not in not_openers) | frozenset(
            word for word, n in particled.items() if n >= PLACE_OPENER_PARTICLED and word not in given
            and len(word) >= 3 and word.lower() not in not_openers)
        _place_lists[:] = [places, openers]
    return _place_lists[1]


def _a_place(names: str) -> bool:
    """Is a line of names before a date a place, the story's dateline, not its byline ("Rio de Janeiro — 3 June
    2024", "Salt Lake City, March 3, 2024")? It is when the gazetteer knows it (as written or without accents), or
    when it holds a small-letter particle and opens as places do ("Ciudad de México", "Puerto de la Cruz": the
    gazetteer keeps no spelling with a small-letter word but the city's own). A place the gazetteer writes with
    hyphens is one written with spaces too ("Fort de France", "Saint Denis")."""
    from newsreader.extract.resources import _ascii, cues, gazetteer
    openers = _place_openers()
    g = gazetteer()
    words = names.split()
    spellings = (names, _ascii(names)) if words[0] in cues().given_names else (names, _ascii(names), names.replace(" ", "-"))
    if any(n in g.places or n in g.towns for n in spellings):
        return True
    return words[0] in openers and any(word.islower() for word in words[1:])


#: "Reporting from Kyiv, Ukraine" under a byline (the NYT's): where the story was reported, its dateline.
REPORTING_FROM_RE = re.compile(r"^(?i:reporting from)\s+([A-ZÀ-ÖØ-Þ][\w.'’-]*(?:,?\s+(?:and\s+)?[A-ZÀ-ÖØ-Þ][\w.'’-]*){0,5})$")
#: A line that is a web address alone: how many tools save a page (its first line), never story text.
URL_LINE_RE = re.compile(r"^<?(?:https?://|www\.)(?P<host>[\w.-]+\.[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?>?$", re.IGNORECASE)
#: A line that names the story's web address: "Source: https://...", "Original: ...", "URL: ...", "Permalink: ...",
#: "Originally published at ..." (a text copy's head or foot). Its address is the story's (`Article.url`), the line
#: no text, title or byline.
LABELLED_URL_RE = re.compile(r"^(?:(?:original|source|story|article|canonical)(?:\s+(?:url|link|article|story|address))?"
                             r"|url|link|permalink|web\s+address|originally\s+published\s+(?:at|on)|read\s+it\s+(?:at|on))"
                             r"\s*:?\s*<?(?P<url>https?://[^\s<>]+?)>?$", re.IGNORECASE)
#: What in an address says it is no story's: a picture or a file (its path's ending), a share button, an ad server.
#: (A share button's path is "/share", "/sharer.php", "/intent/tweet": "/share-prices-tumble" is a story's slug.)
NOT_STORY_URL_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|ico|mp[34]|pdf|css|js)(?:[?#]|$)|/(?:sharer|share|intent)(?:[/?#.]|$)"
                              r"|[?&](?:share|u)=https?|\b(?:doubleclick|googlesyndication|adservice|addtoany|sharethis)\.",
                              re.IGNORECASE)
#: A site's front page, "https://www.reuters.com/" (no path, no query): no story's address.
FRONT_PAGE_RE = re.compile(r"^https?://[^/?#]*/*(?:#.*)?$", re.IGNORECASE)
#: The longest address taken as a story's: every page, feed or front matter address goes through `story_url`, and a
#: converter's "URL: <address>" line must stay within what `_Page.labelled_url` reads back (`MAX_LABELLED_LINE`).
MAX_URL = 2048
#: The longest labelled address line `_Page.labelled_url` reads back: `MAX_URL` and room for the longest label.
MAX_LABELLED_LINE = MAX_URL + 52
#: A host alone, in lower case: reader mode's copy opens with the site ("reuters.com"). (An address in the story's
#: head only, as `URL_LINE_RE`'s.)
BARE_HOST_RE = re.compile(r"^(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})$")
#: The top-level domains a bare host must end in (`_bare_host`; a "www." host is `URL_LINE_RE`'s): generic ones and the
#: countries' of news sites. "next.js", "node.js" or "main.rs" on a page's first line is a program's name or a file,
#: no host: ".js" is no domain, and ".rs", ".py", ".sh", ".md" (domains, but far more often file names) are left out.
HOST_TLDS = frozenset("""com net org edu gov mil int info biz name pro news media online site live today world press
    blog app dev io ai co me tv fm cc ly gg eu asia uk us ca au nz ie in za ng ke gh ug tz zw de fr es it nl be ch at
    se no dk fi is pl pt br ar mx cl pe uy ve ec bo jp cn hk tw kr sg my ph id th vn ru ua by tr gr cy il ae qa sa eg
    ma tn dz jo lb kw om bh pk bd lk np cz sk hu ro bg hr si ba ee lv lt lu mt al mk ge am az kz uz""".split())
#: A date in a URL's path (/2013/05/03/, /2013-05-03-, /20130503): orders an ambiguous numeric date of the page.
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)([/-]?)([01]\d)\2([0-3]\d)(?!\d)")
#: What may follow the date in the address of a day's archive ("https://example.com/news/2024/08/03/", ".../03/index.html",
#: ".../03?page=2"): no story's name ("/2024/08/03/storm-hits-coast" is one story's address, its day that story's).
ARCHIVE_END_RE = re.compile(r"/?(?:index\.\w{3,5})?(?:\?(?:page|paged|pg|start|offset)=\d+)?(?:#\S*)?>?$",
                            re.IGNORECASE)  # (a query that names one item, "?id=98765", "?p=12345", is no archive's)
#: Menu items one after another: "Home | World | Politics | Sign in".
MENU_SPLIT_RE = re.compile(r"\s+[|•·]\s+")
#: The links of a breadcrumb trail: "Home > World > Europe", "Startseite › Politik", "Portada / Internacional".
BREADCRUMB_SPLIT_RE = re.compile(r"\s+[>›»/]\s+")
#: "Reporting by Jane Doe; Editing by John Roe": the credit line of a wire story.
CREDIT_LINE_RE = re.compile(r"^[(\[]?(?:(?:additional\s+)?reporting|writing|text)\s+by\s+([^;)\]]{2,80})(?:;.*)?$",
                            re.IGNORECASE)  # (Reuters' in brackets: "(Reporting by Jane Doe; Editing by John Roe)")
#: Capitalised words that no name holds: a line of them is a headline in Title Case, not a byline.
NOT_NAME_WORDS_RE = re.compile(r"\b(?:With|To|For|At|On|In|Of|After|Over|Into|From|As|Is|Are|Was|Be|Says|Say|Said|"
                               r"New|Not|No|Out|Up|Down|By|The|A|An|Its|His|Her|Their|Will|Has|Have|Had)\b")
#: A length after a page's button ("Listen to this article · 5 min", "Watch · 2:31").
DURATION_TAIL_RE = re.compile(r"\s*[·|•-]\s*(?:\d+\s*(?:min|mins|minutes?|sec|secs|seconds?)|\d{1,2}:\d{2})$")
#: A bullet before a line of furniture ("∙ Paid" under Substack's byline).
LEAD_MARK_RE = re.compile(rf"^[{BULLET_MARKS}]\s*")
#: `_Page._boilerplate_reason`'s answer for a bare number of minutes: furniture or text, as the lines around say.
BARE_MINUTES = "a bare number of minutes"
#: How long a story takes to read: one pattern, in two forms. `READ_LENGTH_RE`, a line that is a reading time alone:
#: reader mode's "4–5 minutes", "6 min read", "Temps de lecture : 4 min", "Lesezeit: 3 Min.", "Tiempo de lectura: 5
#: minutos" (matched on the lower-cased line, its end's dots cut). A bare number of minutes ("45 min", "10 minutes":
#: no label, no range, no "read") is a reading time only next to the author's names (`_Page.boilerplate_reason`): a
#: minute-by-minute report's "45 min" / "60 min" are its text. `READ_TIME_RE`, one after a byline ("Jane Doe · 3 min
#: read").
READ_MINUTES = r"\d+\s*(?:min|mins|minutes?|minuten|minutos|minuti)"
READ_LENGTH_RE = re.compile(r"^(?:(?P<label>reading time|read time|temps de lecture|lesezeit|tiempo de lectura|tempo "
                            r"di lettura)\s*:?\s*)?(?P<range>\d+\s*[–-]\s*)?" + READ_MINUTES + r"(?P<read>\s+read)?$")
READ_TIME_RE = re.compile(r"\s*(?:[·|•-]\s*)?" + READ_MINUTES + r"\s+read\s*$", re.IGNORECASE)
#: A photo credit after a caption, spelled out: "Protesters gather outside parliament. Photo: Reuters".
CAPTION_CREDIT_RE = re.compile(r"[.)]\s+(?:photo|photograph|picture|image|credit)s?\s*(?:credit)?\s*:\s*\S[^.]{0,40}$", re.IGNORECASE)
GLUED_RE = re.compile(r"[a-z]{3}(?=[A-Z])")
TERMINAL_RE = re.compile(r"[.!?…:;\"”’')\]。！？：；」』）؟۔]$")
RUN_TOGETHER_RE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z])")
RUN_TOGETHER_HINT_RE = re.compile(r"[.!?][A-Z]")
WORD_RE = re.compile(r"\w+", re.UNICODE)

# ---------------------------------------------------------------------------------------
# Date statements: the lines that say when a story was published or updated, in the many ways
# pages write them ("14 March 2025", "Fri Aug 2, 2013 6:50pm EDT", "PUBLISHED: 22:07 GMT, 7 July
# 2012", "Updated 5/5/2010 1:41 PM", "Posted August 2nd, 2013 at 5:19 pm").

#: Month names in English, and in full in German, French, Spanish and Arabic (both sets: "3 مايو 2024", "3 أيار
#: 2024") ("5. März 2025", "30 janvier 2025", "20 de febrero de 2025").
MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "jan", "januar", "jänner", "janvier", "enero", "يناير", "كانون الثاني"),
        ("february", "feb", "februar", "février", "fevrier", "febrero", "فبراير", "شباط"),
        ("march", "mar", "märz", "maerz", "mars", "marzo", "مارس", "آذار"),
        ("april", "apr", "avril", "abril", "أبريل", "ابريل", "نيسان"),
        ("may", "mai", "mayo", "مايو", "أيار"),
        ("june", "jun", "juni", "juin", "junio", "يونيو", "حزيران"),
        ("july", "jul", "juli", "juillet", "julio", "يوليو", "تموز"),
        ("august", "aug", "août", "aout", "agosto", "أغسطس", "اغسطس", "آب"),
        ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "سبتمبر", "أيلول"),
        ("october", "oct", "oktober", "octobre", "octubre", "أكتوبر", "اكتوبر", "تشرين الأول"),
        ("november", "nov", "novembre", "noviembre", "نوفمبر", "تشرين الثاني"),
        ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "ديسمبر", "كانون الأول")), 1)
    for name in names
}
#: Italian, Portuguese and Dutch month names, and their short forms ("20 maggio 2024", "3 de maio de 2024",
#: "3 mei 2024", "04 out 2024"): a story dated in them was undated.
MONTHS.update({
    name: number
    for number, names in enumerate((
        ("gennaio", "gen", "janeiro", "januari"),
        ("febbraio", "fevereiro", "fev", "februari"),
        ("março", "maart", "mrt"),
        ("aprile", "abr"),
        ("maggio", "mag", "maio", "mei"),
        ("giugno", "giu", "junho"),
        ("luglio", "lug", "julho"),
        ("ago", "augustus"),
        ("settembre", "set", "setembro"),
        ("ottobre", "ott", "outubro", "out", "okt"),
        ("novembro",),
        ("dicembre", "dic", "dezembro", "dez")), 1)
    for name in names
})
#: (The look-ahead for a month's first letter first: trying ~100 names at every letter of a line was a third of the
#: search's time.)
#: The short months that are English words ("Set 2, 2024" in a tennis report, "Out 10, 2024"): read only in lower
#: case and day first, as Italian and Portuguese pages write them ("10 out 2024", "3 ago 2024"; RV18-B #5).
WORD_MONTHS = frozenset(("set", "out", "ago", "mag", "gen"))
_MONTH = (r"(?P<{0}>(?=[" + "".join(sorted({name[0] for name in MONTHS})) + r"])(?:"
          + "|".join(sorted(set(MONTHS) - WORD_MONTHS, key=len, reverse=True)) + r"{1}))\.?")
_WORD_MONTH = "|(?-i:" + "|".join(sorted(WORD_MONTHS)) + ")"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
DATE_FORMS_RE = re.compile(
    r"(?<![\w/.:])(?:"
    r"(?P<iy>\d{4})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?![\d-])"  # 2025-03-14 (also 2025-03-14T10:00)
    r"|(?P<jy>\d{4})\.\s?(?P<jm>[01]?\d)\.\s?(?P<jd>[0-3]?\d)(?![\d.])"  # 2012.08.08
    r"|(?P<cy>\d{4})\s?[年년]\s?(?P<cm>[01]?\d)\s?[月월]\s?(?P<cd>[0-3]?\d)\s?[日일]"  # 2024年6月25日, 2024년 6월 25일
    # 14 March 2025; Folha's 3.jun.2024 (the month between dots, no space)
    r"|" + _DAY.format("ad") + r"(?:\s+(?:of\s+|de\s+)?|(?<=\.))" + _MONTH.format("am", _WORD_MONTH)
    + r"(?:,?\s+(?:de\s+)?|(?<=\.))(?P<ay>\d{4})(?![\d/])"
    # March 14, 2025; November 27-2005 (a dash before the year: a year of this era, not a range's end)
    r"|" + _MONTH.format("bm", "") + r"\s+" + _DAY.format("bd") + r"(?:,?\s+|-(?=(?:19|20)\d\d))(?P<by>\d{4})(?![\d/])"
    r"|(?P<n1>[0-3]?\d)\s?(?P<sep>[/.])\s?(?P<n2>[0-3]?\d)\s?(?P=sep)\s?(?P<ny>\d{4}|\d{2})(?![\d/.])"  # 14/03/2025
    r")",
    re.IGNORECASE,
)
#: What a line that states a date may hold besides the date: weekdays, times, time zones, the
#: words that introduce a date ("Published", "Last updated at", "Story created") and separators.
#: A line holding anything more is a sentence that mentions a date, not a date line.
DATE_LINE_REST_RE = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?"
    r"|\b\d{1,2}(?:[:.]\s?\d{2}){1,2}(?:\s*[ap]\.?\s?m\b\.?|[ap]\b)?"  # 10:32, 5:19 pm, 8:41 p. m., 5:55p
    r"|\b\d{1,2}\s*[ap]\.?\s?m\b\.?|\b\d{3,4}(?=\s*(?:gmt|utc|[a-z]{1,3}t)\b)"  # 7pm, 1052 GMT, 1852 HKT
    r"|\((?:gmt|utc)[^()]{0,8}\)|\b(?:gmt|utc)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?"
    r"|\b[a-z]{1,3}t\b|\b(?:aest|aedt|akdt|akst|cest|local time|hrs|uk)\b"  # ET, EDT, IST, BST, PDT, AKDT
    r"|\b(?:last|first|originally)?\s*(?:published|updated|posted|modified|created|edited|revised)\b"
    r"|\b(?:story|article|page|time|date|on|at)\b"
    r"|\b\d{1,2}h\d{2}\b|\b(?:uhr|um|am|stand|le|à|a las|mis à jour|publié|actualisé|modifié|aktualisiert|"  # de/fr/es
    r"veröffentlicht|publicado|actualizado|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b"
    # An age after the date ("June 3, 2024 8:14 AM GMT+1 Updated 3 hours ago") and a reading time ("Temps de
    # lecture 3 min.", "5 min read"): the line states its date still.
    r"|\b(?:an?|one|a few|\d+)\s+(?:sec|secs|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago\b"
    r"|\b(?:há|hace|il y a|vor)\s+\d+\s+(?:min\w*|horas?|heures?|stunden|días|dias|jours|tagen)\b"  # pt/es/fr/de
    r"|\b\d+\s+(?:minuti|ore|giorni)\s+fa\b"  # it
    r"|\b(?:temps de lecture|lesezeit|leestijd|tempo di lettura|tiempo de lectura|tempo de leitura|reading time|"
    r"read time)\b\s*:?\s*\d+\s*min\w*|\b\d+\s*min(?:s|utes?)?\s+read\b"
    r"|\b(?:el|il|alle|ore|em|às|op|om|uur|pubblicato|aggiornato|modificato|atualizado|gepubliceerd|bijgewerkt|"  # es/it/pt/nl
    r"gewijzigd|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|(?:segunda|terça|quarta|quinta|sexta)-feira|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
    r"|[\s.,;:|·•@()\[\]/–—-]+",
    re.IGNORECASE,
)
#: What a Chinese, Japanese or Korean date line holds besides its date: a time ("14時30分", "19时"), the words that
#: introduce it ("发布时间：", "更新", "配信") and its source ("来源：新华社", "出典：共同通信").
CJK_DATE_REST_RE = re.compile(
    r"\d{1,2}\s?[時时点시]\s?(?:\d{1,2}\s?[分분])?|(?:来源|來源|出典|출처|来自)\s*[:：]\s*\S{1,20}"
    r"|(?:发布|發布|更新|公開|公开|配信|発表|发表|發表|입력|수정|작성)(?:时间|時間|日時|日期|日)?\s*[:：]?|[\s（）【】()|·・]+"
)
TIME_RE = re.compile(r"\d[:.h]\s?\d\d|\d\s*[ap]\.?\s?m\b|\d{3,4}\s*(?:gmt|utc)", re.IGNORECASE)
DATE_WORDS_RE = re.compile(
    r"\b(?:published|posted|created|updated|modified|edited|revised|mis à jour|publié|actualisé|modifié|aktualisiert|"
    r"veröffentlicht|publicado|actualizado|pubblicato|aggiornato|modificato|atualizado|gepubliceerd|bijgewerkt|"
    r"gewijzigd)\b", re.IGNORECASE
)
UPDATED_WORDS = frozenset(("updated", "modified", "edited", "revised", "mis à jour", "actualisé", "modifié",
                           "aktualisiert", "actualizado", "aggiornato", "modificato", "atualizado", "bijgewerkt",
                           "gewijzigd"))


EITHER_WAY = "day and month could be either way round, so no date is taken"


def _numeric_date(first: int, second: int, year: int, hint: dt.date | None,
                  order: str | None = None) -> tuple[dt.date | None, str]:
    """A date in numbers alone (14/03/2025, 3/14/2025, 06/06/13): day or month first? Read when only one order is
    a date (a part over 12) or both give the same day; else the page's own address may settle it (a URL that holds
    the date, /2013/05/03/: the reading on that day, or alone in its month). Otherwise unread, never guessed:
    pages write both orders (US sites month first, most others day first) and an honest "undated" beats a wrong
    date. A two-digit year is 20YY below 70, else 19YY."""
    if year < 100:
        year += 2000 if year < 70 else 1900
    readings: list[dt.date] = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            pass
    readings = list(dict.fromkeys(readings))
    if len(readings) == 1:
        return readings[0], ""
    if not readings:
        return None, "no such day"
    if hint is not None:
        for same in ((lambda d: d == hint), (lambda d: (d.year, d.month) == (hint.year, hint.month))):
            matching = [d for d in readings if same(d)]
            if len(matching) == 1:
                return matching[0], ""
    if order is not None:  # the page's other numeric dates write the day first ("dm") or the month first ("md")
        day, month = (first, second) if order == "dm" else (second, first)
        return dt.date(year, month, day), ""
    return None, f"{first}/{second}/{year}: {EITHER_WAY}"


#: A date in numbers with slashes anywhere on a page (4/5/2012, 25/04/2012), to learn the page's order.
NUMERIC_SLASH_RE = re.compile(r"(?<![\w/.:])([0-3]?\d)\s?/\s?([0-3]?\d)\s?/\s?(?:\d{4}|\d{2})(?![\d/]|\.\d)")


def _numeric_order(text: str) -> str | None:
    """The order the page writes its numeric dates in, "dm" (25/04/2012) or "md" (4/25/2012), when some of them can
    only be read one way and none the other way: then an ambiguous 04/05/2012 on the same page is read that way.
    A page that writes both orders (a quoted US date on a UK page) settles nothing."""
    orders = set()
    for match in NUMERIC_SLASH_RE.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        if 12 < first <= 31 and 1 <= second <= 12:
            orders.add("dm")
        elif 12 < second <= 31 and 1 <= first <= 12:
            orders.add("md")
    return orders.pop() if len(orders) == 1 else None


def find_stated_date(text: str, hint: dt.date | None = None, order: str | None = None) -> tuple[dt.date | None, str]:
    """The first calendar date written out in `text` ("14 March 2025", "MAR. 14, 2025", "2025-03-14",
    "August 2nd, 2013", "3/14/2025"), else None and why (empty when no date-shaped part is there). `hint` is a
    date the page's address states, to order an ambiguous numeric date."""
    for match in DATE_FORMS_RE.finditer(text):
        g = match.groupdict()
        try:
            if g["iy"]:
                return dt.date(int(g["iy"]), int(g["im"]), int(g["id"])), ""
            if g["jy"]:
                return dt.date(int(g["jy"]), int(g["jm"]), int(g["jd"])), ""
            if g["cy"]:
                return dt.date(int(g["cy"]), int(g["cm"]), int(g["cd"])), ""
            if g["ay"]:
                return dt.date(int(g["ay"]), MONTHS[g["am"].lower()], int(g["ad"])), ""
            if g["by"]:
                return dt.date(int(g["by"]), MONTHS[g["bm"].lower()], int(g["bd"])), ""
            if g["sep"] == ".":  # 14.03.2025: pages that write dots put the day first
                year = int(g["ny"])
                year += 0 if year >= 100 else 2000 if year < 70 else 1900
                return dt.date(year, int(g["n2"]), int(g["n1"])), ""
        except ValueError:
            return None, "no such day"
        return _numeric_date(int(g["n1"]), int(g["n2"]), int(g["ny"]), hint, order)
    return None, ""


def parse_stated_date(text: str) -> dt.date | None:
    """A calendar date written out at the start of `text` ("03 August 2024", "Sat, 3 Aug 2024 10:15", "2024-08-03"),
    after a weekday at most, else None. Ages ("4 sec ago") and anything ambiguous give None: an honest "undated"
    beats a guess."""
    match = DATE_FORMS_RE.search(text)
    if match is None or DATE_LINE_REST_RE.sub("", text[:match.start()]).strip():
        return None
    return find_stated_date(text[match.start():])[0]


@dataclass(frozen=True)
class DateStatement:
    """A line that says when its story was published or updated: `kind` is "published", "updated" or "line" (a
    date alone), `date` the day it states (None when it states none: an age, a time alone, an unreadable date) and
    `why` says why not."""

    kind: str
    date: dt.date | None
    why: str = ""


#: A time in a US time zone ("11:00 AM EDT", "8:13 AM PDT", "10 a.m. ET"), the zone in capitals as pages write it: a
#: date line that names one is a US page's, which writes numeric dates month first ("UPDATED 05 / 03 / 2013 at 11:00
#: AM EDT", "8:13 AM PDT 8 / 2 / 2013": the 3rd of May, the 2nd of August). Such a line was undated: day and month
#: could be either way round. The zone must follow a time: "ET" is French, "CT" a state's code; a two-letter zone
#: only after am/pm ("À 10:00 ET MIS À JOUR": the French "and" after a time).
US_ZONE_RE = re.compile(r"\d(?:[:.]\d\d)?\s?(?i:[ap]\.?m\.?)\s?(?:(?:E|C|M|P|AK|H)[SD]T|[ECMP]T)(?!\w)"
                        r"|\d[:.]\d\d\s?(?:E|C|M|P|AK|H)[SD]T(?!\w)")


def date_statement(text: str, hint: dt.date | None = None, order: str | None = None,
                   zone: bool = True) -> DateStatement | None:
    """The date statement a line is, or None: either a line of a date and nothing else but weekdays, times, time
    zones and the words that introduce a date ("Friday 14 March 2025 10:32 GMT", "PUBLISHED: 02:31 GMT, 12 March
    2013 | UPDATED: ..."), or a short "Updated/Published/Posted ..." line that states a date or an age. Its kind
    is the word before its first date (an "Updated" after the date is another, undated, statement). A US time zone on
    the line orders a numeric date month first when the page gave no `order` (`US_ZONE_RE`), unless `zone` is
    False."""
    if len(text) > 160 or not DIGIT_RE.search(text):
        return None
    meta = _meta_date(text)
    match = DATE_FORMS_RE.search(text)
    if not (meta and _words(text) <= 8):
        # Else a line of a date and nothing more, or of a time alone ("8:24am:", "10:32 GMT"; it stamps a story
        # but dates nothing). (The tests cheapest first: most lines with a digit are neither.)
        if match is None and TIME_RE.search(text) is None:
            return None
        rest = DATE_LINE_REST_RE.sub("", DATE_FORMS_RE.sub("", text) if match else text).strip()
        if rest and not rest.isascii():
            rest = CJK_DATE_REST_RE.sub("", rest).strip()
        if rest:
            return None
    if meta is not None:
        kind = "updated" if meta.group(1).lower().split()[-1] in UPDATED_WORDS else "published"
    else:
        before = DATE_WORDS_RE.findall(text[:match.start()]) if match else []
        kind = ("updated" if before[-1].lower() in UPDATED_WORDS else "published") if before else "line"
    if order is None and zone and US_ZONE_RE.search(text):
        order = "md"  # (a US time zone on the line: a US page's date, month first)
    date, why = find_stated_date(text, hint, order)
    if date is None and not why:
        rest = meta.group(2).strip() if meta else text
        why = AGE_WHY if AGE_RE.match(rest) else \
            "a time alone is not a date" if not DATE_LINE_REST_RE.sub("", rest).strip() else "no calendar date could be read"
    return DateStatement(kind, date, why)


ANSI_SEQUENCE_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
ODD_SPACE_RE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]+| {2,}")


def _clean(raw: str) -> str:
    """Visible text of a line: terminal escape sequences, control and bidi-override
    characters removed (page text must never drive the terminal), odd spaces made plain."""
    if not (raw.isascii() and raw.isprintable()):
        raw = INVISIBLE_RE.sub("", ANSI_SEQUENCE_RE.sub("", raw))
    return ODD_SPACE_RE.sub(" ", raw).strip()


def _norm(text: str) -> str:
    """Key for spotting a repeated title: same words and punctuation, any spacing or case."""
    return " ".join(text.split()).casefold()


def _meta_date(text: str) -> re.Match[str] | None:
    """An "Updated/Published/Posted ..." line that states a date or an age ("Updated 2 hours
    ago"); "Posted guards stood at the gate." is a sentence that opens with the same word."""
    meta = META_DATE_RE.match(text)
    if meta is None:
        return None
    # Every date `parse_stated_date` reads holds a digit (every form of DATE_FORMS_RE holds one), so the digit
    # test covers it: the date itself is parsed once, by the caller that keeps it.
    rest = meta.group(2)
    return meta if DIGIT_RE.search(rest) or AGE_RE.match(rest.strip()) else None


def _names_only(credit: str, roles: frozenset[str] = frozenset()) -> bool:
    """A byline credits names: every word capitalised, but for the particles names hold and the words of a
    reporter's role ("By Laura Kuenssberg, Political editor", "By Staff reporter": `roles`, page_cues.yaml)."""
    return all(w[:1].isupper() or w.lower() in BYLINE_LOWER_WORDS or w.lower() in roles
               for w in re.findall(r"[^\s,]+", credit))


@lru_cache(maxsize=1)
def _nospace_letters() -> re.Pattern[str]:
    """Letters of the scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Myanmar,
    Khmer). Compiled when a page first needs it: its large ranges take 10 ms to compile."""
    return re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _words(text: str) -> int:
    """How many words `text` holds: space-separated words, and a word for every two letters of a script written
    without spaces (a Chinese word is one to three characters). Counted by spaces alone, a Chinese or Japanese
    paragraph was one word: every line was a short footer line, and the page had no story."""
    words = len(text.split())
    if text.isascii() or len(text) <= 8 * words:  # (spaced words: 6 characters on average, with their space)
        return words
    letters = len(_nospace_letters().findall(text))
    return words + letters // 2 if letters else words


def _is_sentence_like(text: str) -> bool:
    return _words(text) >= 8 or bool(TERMINAL_RE.search(text))


def _bare_host(text: str) -> re.Match[str] | None:
    """A host alone in lower case (`BARE_HOST_RE`) that ends in a known top-level domain (`HOST_TLDS`): "reuters.com",
    "news.bbc.co.uk", not "next.js" (read as the page's address, it was the story's source). ("www." hosts are
    `URL_LINE_RE`'s, with any domain.)"""
    match = BARE_HOST_RE.match(text)
    return match if match is not None and match.group("host").rsplit(".", 1)[1] in HOST_TLDS else None


def _address_match(text: str) -> re.Match[str] | None:
    """A line that is a web address alone (`URL_LINE_RE`) or a host alone (`_bare_host`): its match, with "host"."""
    return URL_LINE_RE.match(text) or _bare_host(text)


def story_url(text: str, labelled: bool = True) -> str | None:
    """The story's web address a line is, http(s) only: a URL alone (`URL_LINE_RE`) or, with `labelled`, after a
    label (`LABELLED_URL_RE`, "Source: https://..."); None for any other line and for an address that is no
    story's (`NOT_STORY_URL_RE`: a picture, a share button, an ad; `FRONT_PAGE_RE`: a site's front page). The one
    gate for the HTML, Markdown and feed readers too, so it also refuses what would break where the address goes: a
    character that is not printable (a C1 control or bidi override reached the terminal raw in `parse`), "<" or ">"
    (browsers percent-encode both; "x>[click](javascript:...)" became a live link in the Markdown export's
    "<url>"), and more than `MAX_URL` characters (a converter's "URL:" line the parser would not read back, left
    in the story's text)."""
    text = text.strip()  # (every reader's value, as found: a page's lines come stripped)
    match = LABELLED_URL_RE.match(text) if labelled else None
    url = match.group("url") if match else text.strip("<>") if URL_LINE_RE.match(text) else None
    if url is None or len(url) > MAX_URL or not url.isprintable() or "<" in url or ">" in url \
            or not url.lower().startswith(("http://", "https://")) or NOT_STORY_URL_RE.search(url) \
            or FRONT_PAGE_RE.match(url):
        return None
    return url


def _glued_joins(text: str) -> int:
    """How many words are glued together ("NewsForeign PolicyIFP"): menus saved as text."""
    return len(GLUED_RE.findall(text))


def _is_menu(text: str) -> bool:
    """Three or more short items between separators ("Home | World | Politics | Sign in"): a menu saved as text.
    Items hold no digit and no sentence's end, so a date line with "|" in it is none."""
    if "|" not in text and "•" not in text and "·" not in text:
        return False
    items = MENU_SPLIT_RE.split(text)
    return len(items) >= 3 and all(1 <= _words(item) <= 3 and not DIGIT_RE.search(item)
                                   and not TERMINAL_RE.search(item) for item in items)


def _is_nav_junk(text: str) -> bool:
    return (_glued_joins(text) >= 2 and _words(text) <= 12) or _is_menu(text)


def _is_breadcrumb(text: str) -> bool:
    """A breadcrumb trail ("Accueil > International > Europe", "Home › News", "Portada / Internacional"): two or
    more capitalised items of a few words between ">", "›", "»" or "/", with no digit and no sentence's end. The
    caller makes sure a headline follows it: "Love / Hate" alone over a story's text may be its title."""
    if not (">" in text or "›" in text or "»" in text or "/" in text):
        return False
    items = BREADCRUMB_SPLIT_RE.split(text)
    return len(items) >= 2 and all(1 <= _words(item) <= 4 and item[:1].isupper() and not DIGIT_RE.search(item)
                                   and not TERMINAL_RE.search(item) for item in items)


#: A headline's last word an abbreviation ("... batters the U.S.", "... Inc.", "... Jr."): its stop ends no sentence.
ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|St)\.$")


def _stated_headline(text: str) -> bool:
    """Is the text after a `date YYYY-MM-DD` header the page's headline? The header states it as one, so any length
    is taken (a 300-character headline was dropped as navigation junk and a body sentence named the story); only its
    shape rules out a sentence, a menu or glued navigation words, whatever its length."""
    if _looks_like_title(text) or ABBREVIATION_END_RE.search(text) and _looks_like_title(text[:-1]):
        return True
    if _words(text) <= 30 and len(text) <= 250:  # short: the usual title rules said no
        return False
    if text[-1] in ".:;,。，：；" or text.rstrip(" \"'”’")[-1:] in (".", ",") or _glued_joins(text) >= 2 or _is_menu(text):
        return False
    return _capital(text[0])


def _looks_like_title(text: str) -> bool:
    words = _words(text)
    if not 2 <= words <= 30 or len(text) > 250:
        return False
    if text[-1] in ".:;,。，：；" or text.rstrip(" \"'”’")[-1:] in (".", ","):  # a sentence's end, inside its quotes too
        return False
    first = text[0]
    return _capital(first) and not _is_nav_junk(text)


def _capital(first: str) -> bool:
    """Can a headline start with this character: a capital, a digit, a quote, or a letter of a script with no
    capitals (Arabic, Hebrew, Chinese, Japanese, Thai, Devanagari...: their headlines were never titles)?"""
    return first.isupper() or first.isdigit() or first in "\"'“‘" or (first.isalpha() and not first.islower())


# ---------------------------------------------------------------------------------------
# Results


@dataclass
class LineFate:
    """What became of one input line: its role, the story it went to, and why."""

    lineno: int
    text: str
    role: str
    article: int | None = None
    dropped: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.lineno,
            "text": self.text,
            "role": self.role,
            "article": self.article,
            "dropped": self.dropped,
            "note": self.note,
        }


@dataclass
class ParseResult:
    articles: list[Article]
    fates: list[LineFate]


# ---------------------------------------------------------------------------------------
# Pass 1: where stories start


@dataclass
class _Plan:
    """One story's place on the page, found before its lines are read."""

    start: int
    title: int | None
    kind: str  # header | first | repeated | heading-block | listed | brief | after-end
    header_date: dt.date | None = None
    header_has_title: bool = False
    repeat: int | None = None
    kicker: int | None = None  # a section label above the title ("Local News"), dropped
    under_menus: bool = False  # the title was found under a select-all copy's menus (`_headline_under_menus`)
    mail: dict[int, tuple[str, str]] = field(default_factory=dict)  # an e-mail's header lines: line -> (name, value)
    listed_lines: dict[int, str] = field(default_factory=dict)  # line -> "outlet" | "age" | "dash"
    related_to: int | None = None  # plan index of the story that lists this one
    first_text: int | None = None  # the line of the story's first paragraph (or summary point), found by `_fill`


class _Page:
    def __init__(self, text: str, cues: PageCues) -> None:
        self.cues = cues
        raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.raw = raw_lines
        self.text = [_clean(r) for r in raw_lines]
        self.n = len(raw_lines)
        # Line tests run several times per line across both passes: remember the answers.
        self._boilerplate: dict[int, str | None] = {}
        self._meta: dict[int, bool] = {}
        self._caption: dict[tuple[int, bool], bool] = {}
        self._dates: dict[int, DateStatement | None] = {}
        self.byline_dates: dict[int, str] = {}  # lines of a byline and a date: the byline's names
        self.place_dates: dict[int, str] = {}  # lines of a place and a date: the place (the story's dateline)
        self._prose_before: list[int] = []
        # The page's own address, when its first line is one: its host names the outlet, a date in its path orders
        # the page's numeric dates (5/3/2013 on a page saved from /2013/05/03/ is the 3rd of May).
        first = next((line for line in self.text if line), "")
        address = _address_match(first)
        self.hint: dt.date | None = None
        self.archive_day: dt.date | None = None  # the day of an address that ends at its date: a day's archive
        if address is not None and (in_path := URL_DATE_RE.search(first)):
            try:
                self.hint = dt.date(int(in_path.group(1)), int(in_path.group(3)), int(in_path.group(4)))
            except ValueError:
                pass
            else:
                if ARCHIVE_END_RE.match(first, in_path.end()):
                    self.archive_day = self.hint
        self.address_host: str | None = None
        self.numeric_order: str | None = ""  # "dm", "md" or None once looked for (`_numeric_order`)
        self.first_host = _host(address.group("host")) if address is not None else None

    # line tests -------------------------------------------------------------------
    def address(self, i: int) -> str | None:
        """The host of line `i` if it is a web address alone or a host alone in lower case (reader mode's
        "reuters.com" was the story's title), else None."""
        match = _address_match(self.text[i])
        return match.group("host") if match else None

    def labelled_url(self, i: int) -> str | None:
        """The story's address when line `i` is a labelled one ("Source: https://...", `LABELLED_URL_RE`), else None."""
        text = self.text[i]
        return story_url(text) if len(text) < MAX_LABELLED_LINE and ":" in text and not URL_LINE_RE.match(text) else None

    def source_label(self, i: int) -> tuple[str, str | None] | None:
        """A line that labels where its story comes from ("Source: Reuters", "Via: The Guardian", "Credit: AP Photo/
        Jane Doe", "Quelle: dpa"; the cue file's `source_labels` and `credit_labels`): the name it gives, and the
        outlet that name is (None when it names none: a photographer, a sender). Else None. The name is eight words at
        most and ends no sentence (a full stop after it aside): "Source: the ministry said on Monday that ..." is a
        sentence; "Source: https://..." is the story's address (`labelled_url`), "From: Jane <jane@mail.com>" a
        sender's. Such a line was the title of a page that opens with it."""
        text = self.text[i]
        label_re = self.cues.source_label_re
        if label_re is None or len(text) > 120 or ":" not in text or (match := label_re.match(text)) is None:
            return None
        value = match.group("value").rstrip(" .")
        if not value or _words(value) > 6 or TERMINAL_RE.search(value) and not value.endswith(")") \
                or "://" in value or "@" in value or DIGIT_RE.search(value):
            return None
        outlets, parts = _outlet_parts(value, self.first_host or self.address_host)
        if not (_capital(value[0]) and _names_only(value) or outlets and value.islower()):
            return None  # (a sentence, "Source: the ministry's figures"; "dpa" is an agency's name)
        named = match.group("label").lower() in self.cues.source_labels
        if outlets:
            # A credit that names a person beside an agency is a picture's ("Credit: Jane Smith/Reuters"): no source.
            return value, value if len(outlets) == parts else ", ".join(outlets) if named else None
        if named and _words(value) > 3 or NOT_NAME_WORDS_RE.search(re.sub(r"^[Tt]he\s+", "", value)):
            return None  # (headlines that quote their sources: "Sources: Sox May Not Be Out Of Teixeira Chase",
            # "Sources: Lakers Acquire Westbrook in Trade"; a source that is no outlet has three words at most)
        return value, value if named else None

    def blank(self, i: int) -> bool:
        return not self.text[i]

    def next_nonblank(self, i: int, limit: int | None = None) -> int | None:
        end = self.n if limit is None else min(self.n, limit)
        for j in range(i + 1, end):
            if self.text[j]:
                return j
        return None

    def prev_nonblank(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.text[j]:
                return j
        return None

    def boilerplate_reason(self, i: int) -> str | None:
        if i not in self._boilerplate:
            reason = self._boilerplate_reason(self.text[i])
            if reason == BARE_MINUTES:  # ("45 min": a reading time beside the author's names, else story text)
                reason = f"a reading time ({self.text[i]!r})" if self._next_to_names(i) else None
            self._boilerplate[i] = reason
        return self._boilerplate[i]

    def _next_to_names(self, i: int) -> bool:
        """Is a line of names (a byline, with "By" or without) right above or under line `i`?"""
        return any(j is not None and (self.byline_of(j) is not None or self._names_line(self.text[j]) is not None)
                   for j in (self.prev_nonblank(i), self.next_nonblank(i, i + 40)))

    def _boilerplate_reason(self, text: str) -> str | None:
        if len(text) > 160:  # furniture is short; story paragraphs are not
            return None
        key = re.sub(r"[\s.…:!|•·-]+$", "", text).strip().lower()
        key = LEAD_MARK_RE.sub("", key, count=1)  # ("∙ Paid", "• Share": furniture with a bullet before it)
        if DURATION_TAIL_RE.search(key):  # ("Listen to this article · 5 min": the audio's length after the button)
            key = DURATION_TAIL_RE.sub("", key)
        if key in self.cues.boilerplate_lines:
            return f"page furniture ({text!r})"
        if (length := READ_LENGTH_RE.match(key)) is not None:
            return f"a reading time ({text!r})" if length.group("label", "range", "read") != (None,) * 3 \
                else BARE_MINUTES
        if self.cues.boilerplate_any is not None and self.cues.boilerplate_any.search(text):
            return f"page furniture ({text!r})"
        return None

    def is_story_meta(self, i: int) -> bool:
        if i not in self._meta:
            text = self.text[i]
            key = re.sub(r"[\s.…:!|-]+$", "", text).strip().lower() if len(text) < 80 else ""
            self._meta[i] = key in self.cues.story_meta_lines or bool(_meta_date(text)) or self.date_line(i) is not None
        return self._meta[i]

    def date_line(self, i: int) -> DateStatement | None:
        """The date statement line `i` is (`date_statement`), or None."""
        if i not in self._dates:
            text = self.text[i]
            credited = DATE_BY_RE.match(text) if len(text) <= 160 and " by " in text.lower() and DIGIT_RE.search(text) \
                else None
            if credited is not None and (names := self._names_line(credited.group("names"))):
                # "Posted on March 3, 2024 by Jane Doe" (a blog's meta line): the date, and the byline after it.
                stated = self._statement(credited.group("date"))
                if stated is not None and stated.date is not None:
                    self.byline_dates[i] = names
                    self._dates[i] = stated
                    return stated
            if len(text) <= 160 and BYLINE_START_RE.match(text) and DIGIT_RE.search(text):
                # "Posted by Jane Doe on March 3, 2024": read whole, a "Posted ..." line is a date line, its names lost.
                both = self._byline_and_date(text)
                if both is not None:
                    self.byline_dates[i], stated = both
                    self._dates[i] = stated
                    return stated
            stated = self._statement(text)
            if stated is None and len(self.text[i]) <= 160 and BYLINE_DATE_SEP_RE.search(self.text[i]):
                both = self._byline_and_date(self.text[i])
                if both is not None:
                    self.byline_dates[i], stated = both
            if stated is None and len(text) <= 160 and DIGIT_RE.search(text) and (place := PLACE_DATE_RE.match(text)):
                # "Alamosa, Colo. — Thursday, March 7, 2024", "Madrid - 04 feb 2025 - 12:10 CET": a place, then the
                # date: the story's date and its dateline.
                rest = self._statement(text[place.end():])
                if rest is not None and rest.date is not None and not _common_word(place.group("place")):
                    self.place_dates[i], stated = place.group("place"), rest
            self._dates[i] = stated
        return self._dates[i]

    def _statement(self, text: str) -> DateStatement | None:
        """`date_statement` with the page's hint, and the page's numeric order when day and month could be either
        way round: for a date alone and for one after a byline, a place or before "by" alike (RV20 P5). A US time
        zone on the line orders it only when the page's own dates do not: a zone can be misread ("10:00 CST" is
        China's too; RV26-A #1), a page's unambiguous dates cannot."""
        stated = date_statement(text, self.hint, zone=False)
        if stated is not None and stated.date is None and stated.why.endswith(EITHER_WAY):
            if self.numeric_order == "":  # looked for once per page, and only when a date needs it
                self.numeric_order = _numeric_order("\n".join(self.text))
            if self.numeric_order or US_ZONE_RE.search(text):  # else the call above's, again
                stated = date_statement(text, self.hint, self.numeric_order or None)
        return stated

    def _byline_and_date(self, text: str) -> tuple[str, DateStatement] | None:
        """A byline and a date on one line ("By Tom Lee · April 1, 2025", "Tom Lee | April 1, 2025", "By Tom Lee
        on April 1, 2025"), the commonest byline of the web: the credit's names and the date the line states. Read
        as neither, its story was undated and the next story's headline over it became body text."""
        for sep in BYLINE_DATE_SEP_RE.finditer(text):
            stated = self._statement(text[sep.end():])
            if stated is None:
                continue
            head = text[:sep.start()].strip()
            byline = BYLINE_RE.match(head) if BYLINE_START_RE.match(head) else None
            if byline is not None and _words(head) <= 12 and _names_only(byline.group(1), self.cues.byline_roles):
                return byline.group(1).strip(), stated
            foreign = self._foreign_byline(head)
            if foreign is not None:
                return foreign, stated
            names = None if head.isupper() else self._names_line(head)  # ("WASHINGTON, DC, April 28": a dateline)
            if names and _common_word(names, self.cues.byline_roles) and not _an_outlet(names):
                return None  # ("Closing Date, 12 April 2024": a label and a date, no byline)
            if names and _a_place(names):
                return None  # ("Rio de Janeiro — 3 June 2024": a place and a date, `PLACE_DATE_RE`'s)
            return (names, stated) if names else None
        return None

    def byline_of(self, i: int) -> str | None:
        """The credit of a "By ..." line: names, with a role ("By Jane Doe, Economics Correspondent"), an outlet
        ("By Jane Doe for Reuters"), several names ("By X, Y and Z"); a reading time after it is dropped."""
        text = self.text[i]
        if len(text) > 160:
            return None
        if BYLINE_START_RE.match(text) is None:  # (most lines: this test alone)
            return self._foreign_byline(READ_TIME_RE.sub("", text)) if FOREIGN_BYLINE_START_RE.match(text) else None
        text = READ_TIME_RE.sub("", text)
        byline = BYLINE_RE.match(text)
        if byline is None or _words(text) > 12 or not _names_only(byline.group(1), self.cues.byline_roles):
            return None
        return byline.group(1).strip()

    def _foreign_byline(self, text: str) -> str | None:
        """The names of a byline that opens with "By" in another language (`FOREIGN_BYLINE_RE`), as `byline_of` reads
        "By": capitalised names, joined by "et", "und", "y"...; each name four words at most and none of the words
        of a headline ("Von Miller Signs With Bills" is one)."""
        match = FOREIGN_BYLINE_RE.match(text)
        if match is None or _words(text) > 12:
            return None
        names = match.group(1).strip()
        if _words(FOREIGN_NAMES_SPLIT_RE.split(names)[0]) < 2:
            return None  # (a first name and a surname: "Von Braun", "Par Excellence" are no byline, RV18-B #3)
        if not _names_only(names, self.cues.byline_roles | FOREIGN_JOIN_WORDS) or any(
                _words(name) > 4 or NOT_NAME_WORDS_RE.search(name) for name in FOREIGN_NAMES_SPLIT_RE.split(names)):
            return None
        return names

    def bare_byline(self, i: int) -> str | None:
        """A line of names alone ("Jane Doe", "Jane Doe and John Roe, Reuters") that sits next to a date line or
        carries a reading time ("Jane Doe · 3 min read"): the byline of a page that writes no "By". The caller
        makes sure it is no story's title. A reading time alone next to it ("Tim Hepher" / "4–5 minutes": reader
        mode's copy) marks it as a date line does."""
        raw = self.text[i]
        if len(raw) > 100 or not raw[:1].isupper():
            return None
        text = self._names_line(READ_TIME_RE.sub("", raw))
        if text is None:
            return None
        if text != raw:
            return text
        near = [j for j in (self.prev_nonblank(i), self.next_nonblank(i, i + 40)) if j is not None]
        return text if any(self.date_line(j) is not None or _meta_date(self.text[j])
                           or READ_LENGTH_RE.match(self.text[j].lower().rstrip(".")) for j in near) else None

    def _names_line(self, text: str) -> str | None:
        """The text if it is names alone, else None."""
        if not 2 <= _words(text) <= 8 or DIGIT_RE.search(text) or TERMINAL_RE.search(text) or ":" in text:
            return None
        # Each name is four words at most, with no verb or preposition ("Team Execs Meet With Player's Agent" is a
        # sub-headline): "Jane Doe", "Jane Doe and John Roe, Reuters".
        if any(_words(name) > 4 or NOT_NAME_WORDS_RE.search(name) for name in re.split(r",|\band\b|&", text)):
            return None
        if not re.fullmatch(r"[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:,?\s+(?:(?:and|&)\s+)?[\w.'’&-]+)*", text) \
                or not _names_only(text, self.cues.byline_roles):
            return None
        return text

    @cached_property
    def opens_with_title_over_date(self) -> bool:
        """Does the page open with a title-shaped line right over a line that is a date alone?"""
        first = self.next_nonblank(-1)
        second = None if first is None else self.next_nonblank(first)
        if second is None or not _looks_like_title(self.text[first]):
            return False
        stated = self.date_line(second)
        return stated is not None and stated.kind == "line"

    def opens_story(self, title: int, date: int) -> bool:
        """Does a title over a date alone open a story, not a sub-heading over a date in a story's text ("Key
        dates" / "Jan. 5, 2024" / "The court ruled.")? It does after the last story's furniture (share buttons, a
        caption, a related block), or with a byline or a dateline of its own under the date. It does, too, when the
        page's first story opens with its title right over a date line ("Headline" / "April 1, 2025" /
        text, then the next): a blog's or a news site's index, a "Latest" page, a roundup."""
        if self.opens_with_title_over_date or date in self.byline_dates:  # ("By Ann Wu · March 31, 2025")
            return True
        for k in range(self.prose_before(title) + 1, title):
            if self.text[k] and (self.boilerplate_reason(k) or self.is_caption(k, True) or self.is_related_heading(k)):
                return True
        if any(self.text[k] and (self.byline_of(k) or self.bare_byline(k)) for k in range(title + 1, date)):
            return True
        k = self.next_nonblank(date, date + 40)
        for _ in range(3):
            if k is None:
                return False
            if self.byline_of(k) or self.bare_byline(k):
                return True
            if not self.is_story_meta(k):
                return DATELINE_RE.match(self.text[k]) is not None
            k = self.next_nonblank(k, k + 40)
        return False

    def is_prose(self, i: int) -> bool:
        """A line of story text: reads as a sentence and is no headline, furniture, date, caption or byline."""
        text = self.text[i]
        return (bool(text) and _is_sentence_like(text) and not _looks_like_title(text)
                and self.boilerplate_reason(i) is None and not self.is_story_meta(i)
                and not self.is_caption(i, True) and self.byline_of(i) is None)

    def prose_before(self, i: int) -> int:
        """The last line of story text above line `i` (-1 if none): worked out once, down the page as far as asked
        (a date line is most often near the top)."""
        table = self._prose_before
        while len(table) <= i:
            k = len(table)
            table.append(-1 if k == 0 else k - 1 if self.is_prose(k - 1) else table[k - 1])
        return table[i]

    def is_related_heading(self, i: int) -> bool:
        text = self.text[i]
        return any(p.match(text) for p in self.cues.related_headings)

    def is_caption(self, i: int, in_head: bool) -> bool:
        if (i, in_head) not in self._caption:
            self._caption[i, in_head] = caption_shaped(self.text[i], in_head, self.cues)
        return self._caption[i, in_head]

    def heading_filler(self, i: int) -> bool:
        """Lines that may stand between a title and its repeat: meta, furniture, captions."""
        return (
            self.blank(i)
            or self.is_story_meta(i)
            or self.boilerplate_reason(i) is not None
            or self.is_caption(i, in_head=True)
            or self.byline_of(i) is not None
        )

    def listed_item_at(self, age_line: int) -> tuple[int, int | None, dict[int, str]] | None:
        """An item of a related-stories block around an age line: (start, title, roles)."""
        prev = self.prev_nonblank(age_line)
        if prev is None or _words(self.text[prev]) > 6 or _is_sentence_like(self.text[prev]) and _words(self.text[prev]) >= 8:
            return None
        roles = {prev: "outlet", age_line: "age"}
        nxt = self.next_nonblank(age_line)
        if nxt is not None and DASH_OUTLET_RE.match(self.text[nxt]):
            roles[nxt] = "dash"
            nxt = self.next_nonblank(nxt)
        elif nxt is None or not _looks_like_title(self.text[nxt]):
            return None
        if nxt is not None and not _looks_like_title(self.text[nxt]):
            nxt = None
        return prev, nxt, roles


def caption_shaped(text: str, in_head: bool, cues: PageCues) -> bool:
    """Is a line a photo's caption: a credit spelled out after it ("... parliament. Photo: Reuters") or in brackets
    at its end ("... (AP Photo/Jane Doe)", "(Getty Images)"; in a story's head, `in_head`, any short credit in
    capitals)? A question of the line and the cues alone (the converter asks it of a figure's caption, RV20 H4b)."""
    if _words(text) >= 4 and CAPTION_CREDIT_RE.search(text):  # "... parliament. Photo: Reuters"
        return True
    match = CREDIT_RE.search(text)
    if not match or _words(text) < 5:
        return False
    credit = match.group(1).strip()
    if not credit or _words(credit) > 5 or not (credit[0].isupper() or credit[0].isdigit()):
        return False
    parts = {p.strip().lower() for p in re.split(r"[/,;|]| via ", credit)}
    if parts & cues.credit_words or any(p.split()[0] in ("photo", "file", "image") for p in parts if p):
        return True
    return in_head and credit.replace(" ", "").isupper() and len(credit) <= 12


def _title_after(page: _Page, i: int, window: int = 8) -> int | None:
    """The first title-shaped line after a header whose own text is navigation junk."""
    seen = 0
    j = i
    while seen < window:
        j = page.next_nonblank(j)
        if j is None:
            return None
        seen += 1
        text = page.text[j]
        if page.boilerplate_reason(j) or _is_nav_junk(text) or page.is_story_meta(j) or page.byline_of(j) \
                or page.address(j) or page.labelled_url(j) or page.source_label(j):
            continue  # (a byline, an address or a source under a header is no title: "By Jane Doe", "URL: https://...")
        return j if _looks_like_title(text) else None
    return None


#: The most words of a section label over a page's headline ("Local News", "World | Europe", "Opinion").
KICKER_WORDS = 3


def _under_kicker(page: _Page, j: int) -> int:
    """The page's first title, `j`, or the headline under it when `j` is a section label: a short line right above
    another title-shaped line that a byline or a date line follows ("Local News" / "Council approves budget" /
    "By Tom Hughes" / "Posted on ..."). Taken for the title, the label left the headline and byline in the body."""
    k = page.next_nonblank(j)
    if k is None or _words(page.text[j]) > KICKER_WORDS or _words(page.text[k]) <= _words(page.text[j]):
        return j
    if not _looks_like_title(page.text[k]) or page.heading_filler(k) or page.bare_byline(k):
        return j
    m = page.next_nonblank(k)
    return k if m is not None and (page.byline_of(m) is not None or page.date_line(m) is not None) else j


#: How many lines with text a select-all copy's menus, breadcrumbs and site name may take above its headline.
HEAD_SEARCH_LINES = 80


def _marks_head(page: _Page, k: int) -> bool:
    """Is line `k` one of the lines under a story's headline: a byline, a date line, an age ("14 hours ago")?"""
    return bool(page.byline_of(k) or page.date_line(k) is not None or AGE_RE.match(page.text[k]))


def _real_prose(page: _Page, k: int) -> bool:
    """A sentence of story text, not a menu's "U.S." (a one-word item that ends in a full stop)."""
    return _words(page.text[k]) >= MIN_STORY_WORDS and page.is_prose(k)


def _menu_short(page: _Page, k: int) -> bool:
    """A line a menu, a breadcrumb or a masthead may be: a few words (a menu item, a section, the site's name),
    a breadcrumb trail, a menu on one line or furniture."""
    text = page.text[k]
    return (_words(text) <= KICKER_WORDS or _is_breadcrumb(text) or _is_nav_junk(text)
            or page.boilerplate_reason(k) is not None)


def _furniture_run(page: _Page, start: int, end: int) -> bool:
    """Are the lines from `start` to `end` (not included) a page's furniture above its headline: no sentence of
    story text, and short lines only (`_menu_short`) or at most two longer ones ("The Guardian - Back to home",
    "This article is more than 1 year old") among three short ones or more (a menu copied one item a line)? A
    longer line alone over a title-shaped line and a byline is the headline over its sub-headline."""
    lines = [k for k in range(start, end) if page.text[k]]
    if not lines or any(_real_prose(page, k) for k in lines):
        return False
    if len(lines) == 1 and _lone_word(page, lines[0]):
        return False  # (a lone word over the deck is the headline, "Oppenheimer", unless a known section label)
    long = sum(1 for k in lines if not _menu_short(page, k))
    return long == 0 or (long <= 2 and len(lines) - long >= 3)


def _headline_under_menus(page: _Page, j: int, limit: int) -> int | None:
    """The headline of a page copied with select-all, under its menus: `j` is the page's first line that is not
    furniture by itself, `limit` where the story ends. Browsers copy a menu one item a line, and a breadcrumb
    ("Home > World > Europe"), a section label ("Cronaca", "LIVE"), the site's name or its logo's text ("AP Logo")
    sit above the headline; the first of them became the title and the real headline, date and byline body text.

    The headline is the title-shaped line the story's head marks (`_marks_head`: its byline, date line or age)
    follow, with at most a names line between ("Angela Giuffrida in Venice"), or the line above a standfirst
    there (a sentence, or a title-shaped line of 12 words or more and 4 more than it: "Headline" / "A standfirst
    that sums the story up, as the Guardian writes it" / "By ..."). Every line above it must be furniture
    (`_furniture_run`). None when there is no such line: the caller keeps the first title-shaped line."""
    after = page.next_nonblank(j, limit)
    if after is None or not (_menu_short(page, j) or _menu_short(page, after)):
        return None  # (the common page: a headline or text, then text; a menu has short lines at its top)
    k: int | None = j
    seen = prose = 0
    while k is not None and k < limit and seen < HEAD_SEARCH_LINES and not _marks_head(page, k):
        if _real_prose(page, k):
            prose += 1
            if prose > 1:  # a story's text, not a standfirst: its head is above
                return None
        k = page.next_nonblank(k, limit)
        seen += 1
    if k is None or k >= limit or seen >= HEAD_SEARCH_LINES:
        return None
    p = page.prev_nonblank(k)
    while p is not None and p > j and _marks_head(page, p):
        p = page.prev_nonblank(p)
    while p is not None and p > j and page.heading_filler(p):
        p = page.prev_nonblank(p)
    if p is not None and p > j and page._names_line(page.text[p]) is not None:
        p = page.prev_nonblank(p)
    if p is None or p <= j:
        return None
    text = page.text[p]
    q = page.prev_nonblank(p)
    if q is not None and q > j and _looks_like_title(page.text[q]) and _words(page.text[q]) >= 4 and (
            _real_prose(page, p) or _looks_like_title(text) and _words(text) >= max(12, _words(page.text[q]) + 4)):
        p = q  # (headline over its standfirst)
    over = _headline_over_buttons(page, j, p)
    if over is not None:
        return over if over > j and _furniture_run(page, j, over) else None  # (j: the caller's title already)
    if not _looks_like_title(page.text[p]) or _is_breadcrumb(page.text[p]) or page.is_related_heading(p):
        return None
    if not _furniture_run(page, j, p):
        return None
    # A headline has more words than a menu's items: "Title here" / "Listen x" / "By Tom Lee" keeps its first line.
    items = max(min(_words(page.text[k]), KICKER_WORDS) for k in range(j, p) if page.text[k])
    return p if _words(page.text[p]) > items else None


def _headline_over_buttons(page: _Page, j: int, p: int) -> int | None:
    """The headline above a story's buttons: the last line from `j` up to the head's line `p` that is no menu item
    (`_menu_short`), when it is title-shaped, of four words or more, and only the page's furniture lines (its cue
    list's: "Share" / "Save" / "Listen", "Share this article" / "Comments") stand between it and `p`. Buttons sit
    under a headline, and a site's menu items ("News" / "Sport") are no furniture: with the buttons read as a menu,
    the standfirst under them was the title and the headline was dropped as navigation, in neither title nor body."""
    between: list[int] = []
    k = page.prev_nonblank(p)
    while k is not None and k >= j and _menu_short(page, k):
        if page.boilerplate_reason(k) is None:
            return None
        between.append(k)
        k = page.prev_nonblank(k)
    if not between or k is None or k < j or _words(page.text[k]) < 4 or not _looks_like_title(page.text[k]):
        return None
    return k


def _lone_word(page: _Page, j: int, tags: bool = False) -> bool:
    """Is line `j` one word that is no section label the cue list knows ("Sport", "Cronaca", "LIVE") and no page
    furniture: a headline of one word ("Oppenheimer" over a review's deck), kept as title or text? Taken for a
    label and dropped, the word was in neither, and a search for it missed the story. A topic tag over a headline
    (`_tag_over_headline`) is a lone word only with `tags` (kept as text, not as the title)."""
    text = page.text[j]
    return (_words(text) == 1 and text.lower().rstrip(":") not in page.cues.section_labels
            and page.boilerplate_reason(j) is None and not _is_nav_junk(text) and (tags or not _tag_over_headline(page, j)))


def _tag_over_headline(page: _Page, j: int) -> bool:
    """Is one-word line `j` a topic tag over a headline ("Ukraine" / "Russia launches biggest drone attack on Kyiv",
    the Guardian's and the BBC's head): the next line title-shaped, of four words or more, no byline? A word there
    never takes the title from that line: read as a one-word headline, the story was titled "Ukraine", its headline
    went to the body and its byline was lost. (A lone word over a shorter line, or over text, stays `_lone_word`.)"""
    k = page.next_nonblank(j)
    return (k is not None and _words(page.text[k]) >= 4 and _looks_like_title(page.text[k])
            and not page.heading_filler(k) and page.byline_of(k) is None and not page.bare_byline(k))


def _under_label(page: _Page, j: int) -> int | None:
    """The headline under a page's first line when that is a lone word ("Cronaca", "Opinion", "LIVE"): the next
    line, if it is title-shaped, no byline or date line, and a sentence of story text, a byline or a date line
    follows within three lines. A lone word is no title, so the story was named by its first sentence, which was
    that word."""
    if _lone_word(page, j):
        return None
    k = page.next_nonblank(j)
    if k is None or not _looks_like_title(page.text[k]) or page.heading_filler(k) or page.bare_byline(k):
        return None
    m: int | None = k
    for _ in range(3):  # a story under it (a contents page's items are short lines all the way down)
        m = page.next_nonblank(m)  # type: ignore[arg-type]
        if m is None:
            return None
        if _real_prose(page, m) or _marks_head(page, m):
            return k
    return None


#: A header line of an e-mail pasted into a page: "From: Morning Brief <news@example.com>", "Subject: ...".
MAIL_HEADER_RE = re.compile(r"^(from|to|cc|bcc|subject|date|sent|reply-to)\s*:\s*(\S.*)$", re.IGNORECASE)


def _mail_headers(page: _Page, first: int) -> dict[int, tuple[str, str]] | None:
    """The header lines of an e-mail (a newsletter) the page opens with: its first lines one after another, a
    Subject and a From, To, Date or Sent among them. Read as a page, its "From:" line was the story's title and its
    Date header no date."""
    headers: dict[int, tuple[str, str]] = {}
    k: int | None = first
    while k is not None and (match := MAIL_HEADER_RE.match(page.text[k])):
        headers[k] = (match.group(1).lower(), match.group(2).strip())
        k = k + 1 if k + 1 < page.n and page.text[k + 1] else None
    names = {name for name, _ in headers.values()}
    return headers if "subject" in names and names & {"from", "to", "date", "sent"} else None


#: The sender of an e-mail: its display name before the address, else the address's domain.
MAIL_FROM_RE = re.compile(r"^\s*\"?(?P<name>[^\"<>@]*?)\"?\s*<?[\w.+-]+@(?P<domain>[\w.-]+\.[a-z]{2,})>?\s*$", re.IGNORECASE)


#: A "Read more" line over a link: like a related block's heading, the line right under it is its link ("Read more" /
#: a link / the story's text goes on), no story's headline.
READ_MORE_RE = re.compile(r"^(?:read|see|continue reading) (?:more|also|next)\W*$|^read more (?:on|about) ", re.IGNORECASE)


def _ends_story(page: _Page, k: int) -> bool:
    """Does line `k` end a story, a line that cannot sit inside one (`story_end_patterns`: its tags, a dated
    copyright, a wire story's credits, an end mark), or a wire story's credit line? A dated copyright glued under a
    line of text, or one that names a person or a news agency alone, is a picture's credit ("Mayor Carter at City
    Hall." / "© 2024 Jane Doe", "© 2024 AFP"), unless it reserves all rights."""
    text = page.text[k]
    if page.cues.story_end is not None and page.cues.story_end.search(text):
        if text[0] not in "©(cC" or "reserved" in text.lower():
            return True
        if k and page.text[k - 1] and not _closes_story(page, k - 1):
            return False
        holder = COPYRIGHT_HOLDER_RE.sub("", text).rstrip(" .")
        # (The extractor's agencies are read only when a dated copyright line is met.)
        from newsreader.extract.resources import cues
        return not (page._names_line(holder) is not None and not _outlet_name(holder, page.first_host
                                                                              or page.address_host)
                    or holder.lower() in cues().agencies)
    return bool(CREDIT_LINE_RE.match(text))


#: A copyright line's mark and year, before its holder's name ("© 2024 ", "Copyright (c) 2024 ").
COPYRIGHT_HOLDER_RE = re.compile(r"^(?:copyright|©|\(c\)|\s)+\d{4}(?:\s*[-–]\s*\d{4})?\W*", re.IGNORECASE)


def _closes_story(page: _Page, k: int) -> bool:
    """May line `k` stand in a story's foot: a line that ends a story (`_ends_story`), one of the foot's lines that sit
    inside stories too (`story_foot_patterns`: share and comment buttons, "Read more", a picture's copyright, a rule),
    a source or credit label, a labelled address, or a related block's heading?"""
    text = page.text[k]
    return bool(_ends_story(page, k) or page.cues.story_foot is not None and page.cues.story_foot.search(text)
                or page.is_related_heading(k) or page.source_label(k) is not None or page.labelled_url(k))


def _story_foot(page: _Page, start: int, end: int) -> bool:
    """Are the lines from `start` to `end` (not included) a story's foot: each a line of its foot (`_closes_story`),
    a filler ("Advertisement") or a link under a related heading or "Read more", and one of them a line that ends a
    story (`_ends_story`)? A share bar, a rule, a picture's credit, a chart's "Source:" line or a box of links sits
    inside stories too, over a sub-heading: alone, it ends none (RV28-C). Lines that end as sentences before the foot
    are the story's ("Get well soon, Tara!")."""
    ended = links = foot = False
    for k in range(start, end):
        text = page.text[k]
        if not text:
            continue
        if _ends_story(page, k):
            ended = foot = True
        elif _closes_story(page, k) or page.heading_filler(k):
            foot = True
            links = links or page.is_related_heading(k) or bool(READ_MORE_RE.match(text))
        elif not links and (foot or not TERMINAL_RE.search(text)):
            return False  # (a caption's title, a correction's label, a pull quote: no foot)
    return ended


def _sentence_case(text: str) -> bool:
    """Are most of a line's words written in lower case, as a deck's ("Roads and schools get more money"), not a
    title's ("Corrects Figure in Paragraph Two")?"""
    words = text.split()
    return 2 * sum(1 for word in words if word[0].islower()) > len(words)


def _plan_stories(page: _Page) -> list[_Plan]:
    plans: dict[int, _Plan] = {}
    titles: set[int] = set()
    starts: list[int] = []  # plans' starts in order, to find the one above a line by bisection

    def add(plan: _Plan) -> None:
        if plan.start in plans or (plan.title is not None and plan.title in titles):
            return
        plans[plan.start] = plan
        bisect.insort(starts, plan.start)
        if plan.title is not None:
            titles.add(plan.title)

    # Headers: `date 2025-06-14 Title` or `date 2025-06-14 <menu junk>` with the title later.
    for i in range(page.n):
        match = HEADER_RE.match(page.text[i])
        if not match:
            continue
        try:
            date = dt.date.fromisoformat(match.group(1)) if match.group(1).strip() != UNDATED else None
        except ValueError:
            date = None
        rest = match.group(2).strip()
        if rest and _stated_headline(rest):
            add(_Plan(i, i, "header", header_date=date, header_has_title=True))
        else:
            title = _title_after(page, i)
            if not rest and title is None and page.prev_nonblank(i) is not None:
                continue  # ("Headline" / "Date: 2024-03-05" / text: a date line of the story above, no story)
            add(_Plan(i, title, "header", header_date=date))

    # Related-stories items: `Outlet` / `an hour ago` / `- Outlet` / title / body.
    for i in range(page.n):
        if page.text[i] and AGE_RE.match(page.text[i]):
            item = page.listed_item_at(i)
            if item:
                start, title, roles = item
                add(_Plan(start, title, "listed", listed_lines=roles))

    # A title repeated after its heading block (Updated.../Short Url/Follow).
    for i in range(page.n):
        text = page.text[i]
        if not text or i in titles or not _looks_like_title(text) or page.is_story_meta(i):
            continue
        key = _norm(text)
        j = i + 1
        marked = False  # a heading block has a date, a share button or a photo between
        while j < page.n and j <= i + 15 and page.heading_filler(j):
            marked = marked or (page.text[j] != "" and (page.is_story_meta(j) or page.is_caption(j, True)))
            j += 1
        if j < page.n and marked and _norm(page.text[j]) == key:
            add(_Plan(i, i, "repeated", repeat=j))

    # A heading block without a repeated title: the title is the line just above it.
    # The walk up from a date line stops at an earlier date line, whose walk went on from
    # there already (a date line is heading filler): the line it found is this one's too.
    # Without that, a run of n date lines took n²/2 steps (4,000 "Updated ..." lines: 3.8 s).
    # `covered` holds the lines from each plan's start to its repeated title, so a line is
    # looked up in it, not in every plan (8,000 stories on a page: 3 s in all).
    above: dict[int, int | None] = {}
    covered = {k for plan in plans.values() for k in range(plan.start, (plan.repeat or plan.start) + 1)}
    # A date line alone ("March 11, 2025") marks a heading block as an "Updated ..." line does. A names line just
    # above the date, under a title, is the byline ("Jane Doe" / "Published ..."), not the title. And a heading
    # block starts a story only after story text (`prose_before`): a sub-headline, standfirst or byline under the
    # page's headline ("Headline" / "By Jane Doe, Economics Correspondent" / "Updated ...") is that story's head;
    # taken as a new story's title, it left the headline alone above it, dropped ("no story under it").
    for i in range(page.n):
        if not page.text[i] or not (_meta_date(page.text[i]) or page.date_line(i)):
            continue
        p = page.prev_nonblank(i)
        while p is not None and page.heading_filler(p):
            if p in above:
                p = above[p]
                break
            p = page.prev_nonblank(p)
        above[i] = p
        if p is not None and p not in titles and page.bare_byline(p):
            q = page.prev_nonblank(p)
            if q is not None and _looks_like_title(page.text[q]) and not page.bare_byline(q):
                p = q
        if p is not None and p not in titles and _looks_like_title(page.text[p]) and page.source_label(p) is None:
            above_p = bisect.bisect_left(starts, p)
            if p not in covered and page.prose_before(p) > (starts[above_p - 1] if above_p else -1) \
                    and (_meta_date(page.text[i]) or page.opens_story(p, i)):
                add(_Plan(p, p, "heading-block"))  # (`p` is its title: in `titles` from then on)

    # A digest of briefs ("Taiwan: Lai wins presidency" / "TAIPEI — Lai Ching-te won ..." / "Denmark: ..." /
    # "COPENHAGEN — ...", or each headline over its "By" line): a headline right over a paragraph that opens with a
    # wire dateline, or over a byline, starts a story, when the page holds two such at least. A story's
    # sub-headlines are over its text, which opens with no dateline and no byline: one story is left whole (P8 #5;
    # the briefs were one story under the digest's name). A dateline that is one English word ("UPDATE: ...",
    # "HEALTH — ...") is a live story's or a section's label, no place: its sub-headlines stay its own (RV21-A #2).
    briefs = [p for i in range(page.n) if page.text[i][:1].isupper()
              and (_brief_dateline(page.text[i]) or page.byline_of(i) is not None)
              and (p := page.prev_nonblank(i)) is not None and _looks_like_title(page.text[p])
              and not page.is_story_meta(p) and not page.byline_of(p) and page.source_label(p) is None]
    if len(briefs) >= 2:
        for p in briefs:
            if p not in covered:
                add(_Plan(p, p, "brief"))

    # A story after another's text (Q10 F16: "Headline" / "By Jane Smith" or "March 3, 2025" / blank / text): a
    # headline-shaped line after a blank line and after story text, right over a byline or a date alone, with a
    # blank line and story text under them, starts a story. Taken as the first story's text, the second story was
    # lost, and its date line dated the first; after a related block its headline was read as a link. A timeline's
    # entry ("Key dates" / "Jan. 5, 2024" / "The court ruled.") has its text right under its date: no story.
    for p in range(1, page.n):
        text = page.text[p]
        if not text or page.text[p - 1] or p in titles or p in covered or p + 1 >= page.n \
                or not _looks_like_title(text) or page.is_story_meta(p) or page.byline_of(p) is not None \
                or page.source_label(p) is not None:  # ("Source: Reuters" over a date: no headline)
            continue
        head = p + 1
        stated = page.date_line(head) if page.text[head] else None
        if not (stated is not None and stated.kind == "line" and stated.date is not None
                or page.byline_of(head) is not None):
            continue
        if head + 1 < page.n and page.text[head + 1] and (page.byline_of(head + 1) is not None
                                                          or page.is_story_meta(head + 1)):
            head += 1  # ("By Jane Smith" / "March 3, 2025")
        under = page.next_nonblank(head, head + 40)
        if head + 1 >= page.n or page.text[head + 1] or under is None or not page.is_prose(under):
            continue
        above_p = bisect.bisect_left(starts, p)
        if page.prose_before(p) > (starts[above_p - 1] if above_p else -1):
            add(_Plan(p, p, "heading-block"))

    # A story after another's end (P11, MC): a headline-shaped line after a blank line, right over two paragraphs of
    # story text (or one and a date line, or a deck and one), opens a story when the lines between it and the story text above are that story's foot (`_story_foot`:
    # lines that end a story, its tags, a dated copyright, a wire story's credits or an end mark, with share buttons,
    # "Read more", a rule, a source line or a related block beside them). A second story with no byline or date under
    # its headline was the first's text, and after a related block its headline was one more link. A sub-heading
    # inside a story has story text right above it, or a share bar, a rule, a picture's credit, a chart's source, a box
    # of links alone: no story (a false split is worse than a miss). A wider gap alone opens none either (RV28-C #1).
    if page.cues.story_end is not None:
        for p in range(1, page.n):
            text = page.text[p]
            if not text or page.text[p - 1] or len(text) > 250 or text[-1] in ".:;," or p in titles or p in covered \
                    or not _looks_like_title(text) or _words(text) < 3:
                continue  # (the length and the last letter first: most lines are paragraphs, no title)
            under = page.next_nonblank(p, p + 4)
            if under is None or not _real_prose(page, under):
                continue
            above_p = bisect.bisect_left(starts, p)
            bound = starts[above_p - 1] if above_p else -1
            prose = page.prose_before(p)
            while prose > bound and _ends_story(page, prose):  # ("(Reporting by ...; Editing by ...)" reads as prose)
                prose = page.prose_before(prose)
            if prose <= bound or page.is_related_heading(q := page.prev_nonblank(p)) \
                    or READ_MORE_RE.match(page.text[q]):  # type: ignore[arg-type,index]
                continue  # (the first line under a related heading is its link: "Also read" / a link / text)
            if page.heading_filler(p) or page.is_related_heading(p) or page.source_label(p) is not None \
                    or page._names_line(text) is not None or _is_breadcrumb(text):
                continue  # (a commenter's name over a comment)
            # The headline over its deck ("Headline" / "A deck in a sentence's words" / text): the story starts at the
            # headline, after the story's foot; so over a line with a date or a time ("Updated : November 11 , 2011").
            # A title-cased line under a title is no deck ("Our Standards: The Thomson Reuters Trust Principles" /
            # "Corrects Figure in Paragraph Two" / a correction's note: the story's).
            if q is not None and q > prose and q not in titles and q not in covered and not page.text[q - 1] \
                    and _looks_like_title(page.text[q]) and not _closes_story(page, q) and not page.heading_filler(q) \
                    and (_sentence_case(text) or DIGIT_RE.search(text)) and _story_foot(page, prose + 1, q):
                add(_Plan(q, q, "after-end"))
            elif (more := page.next_nonblank(under, under + 4)) is not None \
                    and (_real_prose(page, more) or DIGIT_RE.search(page.text[more]) and len(page.text[more]) <= 60) \
                    and _story_foot(page, prose + 1, p):
                # (two paragraphs at least, or one and its date line, or a deck and one: "-30-" / "Editor's Note on
                # This Story" / its note is the story's)
                add(_Plan(p, p, "after-end"))

    # The page's first story starts at its first line unless a plan already covers it.
    # Furniture before it (a web address, a cookie banner, a menu, a date line, a byline) is its head: the first
    # story starts above it, and its title is the first line after that furniture ("URL / May 2, 2013 / Title").
    first = next((i for i in range(page.n) if page.text[i]), None)

    def junk(j: int) -> bool:
        text = page.text[j]
        return bool(page.boilerplate_reason(j) or _is_nav_junk(text) or page.address(j) or page.labelled_url(j)
                    or page.source_label(j) or page.is_story_meta(j) or page.byline_of(j) or _is_breadcrumb(text)
                    and (n := page.next_nonblank(j)) is not None and _looks_like_title(page.text[n]))

    if first is not None and plans and min(plans) > first and plans[min(plans)].kind in ("heading-block", "repeated",
                                                                                        "brief"):
        j: int | None = first
        while j is not None and j < min(plans) and junk(j):
            j = page.next_nonblank(j)
        if j == min(plans) or j is not None and _furniture_run(page, j, min(plans)):
            moved = plans.pop(min(plans))  # (menus copied one item a line above it: its furniture too)
            moved.start, moved.under_menus = first, j != moved.title
            plans[first] = moved
    mail = _mail_headers(page, first) if first is not None and (not plans or min(plans) > first) else None
    if mail:
        add(_Plan(first, next(k for k, (name, _) in mail.items() if name == "subject"), "first", mail=mail))
    elif first is not None and (not plans or min(plans) > first):
        title = None
        j = first
        while j is not None and junk(j):
            j = page.next_nonblank(j)
        if j is not None and _looks_like_title(page.text[j]) and not page.is_related_heading(j):
            title = _under_kicker(page, j)
        under = None
        if j is not None and title in (None, j):
            under = _headline_under_menus(page, j, min(plans) if plans else page.n)
        if under is None and title is None and j is not None and _words(page.text[j]) == 1 \
                and not TERMINAL_RE.search(page.text[j]):
            title = _under_label(page, j)
        if under is not None:
            add(_Plan(first, under, "first", under_menus=True))
        elif title in titles:  # (the furniture above a header's story: its lines get their fates, no title)
            add(_Plan(first, None, "first"))
        else:
            add(_Plan(first, title, "first", kicker=j if title is not None and title != j else None))

    ordered = [plans[k] for k in sorted(plans)]
    # Listed items after a related heading (or in a run of items) belong to the story before.
    main: int | None = None
    in_related = False
    for index, plan in enumerate(ordered):
        if plan.kind != "listed":
            main = index
            in_related = False
            end = ordered[index + 1].start if index + 1 < len(ordered) else page.n
            in_related = any(page.is_related_heading(k) for k in range(plan.start, end) if page.text[k])
            continue
        if in_related and main is not None:
            plan.related_to = main
    return ordered


# ---------------------------------------------------------------------------------------
# Pass 2: what each line is


def _should_join(previous: str, current: str, cues: PageCues) -> bool:
    """A paragraph cut in two by a stray line break: join it back. Only the end of the
    `previous` text counts (its last character and word), so the caller passes the last
    line of the paragraph so far, not the whole paragraph: a line is never empty and has
    no line break, so its end is the paragraph's end."""
    if not previous or TERMINAL_RE.search(previous):
        return False
    last_word = previous.rsplit(None, 1)[-1].lower().strip("\"'“”‘’()")
    if last_word in cues.continuation_words:
        return True
    return current[:1].islower()


def _split_trailer(text: str, cues: PageCues) -> tuple[str, str]:
    """Split "story text ... Related Topics: ... Post Views: 8" into text and trailer."""
    if cues.inline_trailer is None:
        return text, ""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would drift
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    match = cues.inline_trailer.search(lowered)
    if not match or match.start() == 0:
        return text, ""
    return text[: match.start()].rstrip(), text[match.start():]


#: The date kinds of `DateStatement` and which of a story's dates wins: a header's, a published line's, a date alone
#: (usually when it was published), an updated line's (the last of those: the latest update).
DATE_KINDS = {"published": DATE_FROM_PUBLISHED, "updated": DATE_FROM_UPDATED, "line": DATE_FROM_LINE}
#: How many lines from a story's top a date alone is still its date (address, title, sub-headline, byline, date).
TOP_LINES = 5
DATE_RANK = {DATE_NONE: 0, DATE_FROM_UPDATED: 1, DATE_FROM_LINE: 2, DATE_FROM_PUBLISHED: 3, DATE_FROM_HEADER: 4}


def _fill(page: _Page, plan: _Plan, end: int, index: int, fates: list[LineFate | None]) -> Article:
    """Read one story's lines into an article; its title and id are settled by the caller."""
    cues = page.cues
    draft = Article(id="", title="", file="")
    if plan.header_date:
        draft.date, draft.date_source = plan.header_date, DATE_FROM_HEADER
    title_key = _norm(page.text[plan.title]) if plan.title is not None else None

    candidates = [
        k for k in range(plan.start, end)
        if page.text[k] and k != plan.title and k not in plan.listed_lines and k != plan.start
    ]
    # The last line that reads like prose: short lines after it are the page's footer.
    last_prose = max(
        (k for k in candidates if _is_sentence_like(page.text[k]) and not page.boilerplate_reason(k)),
        default=-1,
    )

    def fate(k: int, role: str, dropped: bool = False, note: str = "") -> None:
        fates[k] = LineFate(k + 1, page.raw[k], role, None if dropped and role == "blank" else index, dropped, note)

    def over_title() -> bool:
        """Is the story's last paragraph above its headline (a topic tag kept as text, `_tag_over_headline`)? It is
        no standfirst then: "Labour" / headline / "By ..." gave the summary "Labour"."""
        return plan.title is not None and bool(paragraph_lines) and paragraph_lines[-1] < plan.title

    def take_standfirst() -> None:
        """The story's text so far is its head (`_standfirst_head`): its standfirst is the summary, a section label
        over it is dropped. (Called when a byline under them shows they are the head.)"""
        *label, standfirst = paragraph_lines
        kept = [k for k in label if _lone_word(page, k, tags=True)]  # (a word that is no section label: not dropped)
        if not draft.title and len(label) == 1 and kept == label and _capital(page.text[label[0]][0]) \
                and not _tag_over_headline(page, label[0]):
            # ("Oppenheimer" / its deck / "By ..."): a lone word that is no section label is the headline
            draft.title = page.text[label[0]]
            fate(label[0], "title", note="the headline: one word over its deck")
            label = kept = []
        if not draft.title and _looks_like_title(draft.body[-1]):  # (no headline found above: this is it)
            draft.title, what = draft.body[-1], "headline"
            fate(standfirst, "title", note="the headline: over the byline")
        else:
            draft.summary.append(draft.body[-1])
            what = "standfirst"
            fate(standfirst, "summary", note="the standfirst: between the headline and the byline")
        for k in label:
            if k not in kept:
                fate(k, "navigation", dropped=True, note=f"a section label above the {what}")
        draft.body[:] = [page.text[k] for k in kept]  # (a paragraph of one line each: one word)
        paragraph_lines[:] = kept
        pieces[:] = draft.body[-1:]
        plan.first_text = standfirst

    in_head = True
    after_furniture = False
    paragraph_lines: list[int] = []  # the first line of each of the story's paragraphs
    in_related = False  # after a "Related Articles" heading: its short lines are links to other stories
    address_source: str | None = None  # the host of the story's web address: its source unless it names one
    # The lines of the last paragraph, joined once it is complete: joining each cut line on
    # as it came copied and searched the paragraph every time (4,000 cut lines: 2.2 s).
    pieces: list[str] = []
    seen = 0  # the story's lines with text so far
    for k in range(plan.start, end):
        text = page.text[k]
        if not text:
            fates[k] = LineFate(k + 1, page.raw[k], "blank", None, True, "empty line")
            continue
        seen += 1
        if k == plan.start and plan.kind == "header":
            match = HEADER_RE.match(text)
            assert match is not None
            note = (f"date {plan.header_date}" if plan.header_date
                    else "no date stated" if match.group(1).strip() == UNDATED else "date not a real calendar day")
            if plan.header_has_title:
                draft.title = match.group(2).strip()
                fate(k, "header+title", note=note)
            else:
                fate(k, "header", note=note + "; rest is navigation junk, dropped" if match.group(2) else note)
            continue
        if k in plan.mail:
            name, value = plan.mail[k]
            if name == "subject":
                draft.title = value
                fate(k, "title", note="the e-mail's subject")
            elif name in ("date", "sent") and (stated := find_stated_date(value, page.hint)[0]) is not None:
                draft.date, draft.date_source = stated, DATE_FROM_PUBLISHED
                fate(k, "date", note=f"the e-mail's date: {stated.isoformat()}")
            elif name == "from" and (sender := MAIL_FROM_RE.match(value)) is not None:
                draft.source = sender.group("name").strip() or _host(sender.group("domain"))
                fate(k, "source", note="the e-mail's sender")
            else:
                fate(k, "mail-header", dropped=True, note="an e-mail header")
            continue
        if plan.mail and draft.source and _norm(text) == _norm(draft.source):
            fate(k, "source", dropped=True, note="the sender's name repeated")
            continue
        if k == plan.title:
            if plan.under_menus:
                seen = 1  # (the menus above it are not the story's top lines)
            draft.title, outlet = _split_outlet(text, page.first_host, cues)
            if outlet:
                draft.source = draft.source or outlet
                fate(k, "title", note=f"the outlet after it, {outlet!r}, is the source")
            else:
                fate(k, "title")
            continue
        role = plan.listed_lines.get(k)
        if role == "outlet":
            draft.source = text
            fate(k, "source", note="outlet of a listed story")
            continue
        if role == "age":
            draft.age = text
            fate(k, "age", dropped=True, note="age with no reference time: story left undated")
            continue
        if role == "dash":
            outlet = DASH_OUTLET_RE.match(text).group(1)  # type: ignore[union-attr]
            draft.source = draft.source or outlet
            fate(k, "source", dropped=True, note="outlet repeated")
            continue
        if in_head and not draft.body and (host := page.address(k)):
            host = _host(host)
            address_source = address_source or host
            page.address_host = page.address_host or host
            url = story_url(text, labelled=False)
            draft.url = draft.url or url or ""
            fate(k, "address", dropped=True, note=f"the page's web address: source {host}" + (
                "; the story's address" if url and draft.url == url else ""))
            continue
        if (not draft.body or k > last_prose) and (url := page.labelled_url(k)) is not None and draft.url in ("", url):
            # "Source: https://..." at the story's head (no text yet) or foot (after its last prose line): its address,
            # no text (nor title or byline). Between paragraphs ("The report is online:" / "Link: https://...") it is
            # a citation: kept as text, and no url (it took the cited address and dropped the line).
            draft.url = url
            fate(k, "address", dropped=True, note="the story's web address")
            continue
        if (not draft.body or k >= last_prose) and (label := page.source_label(k)) is not None:
            # "Source: Reuters" at the story's head or foot: where it comes from, no title and no text. (Between
            # paragraphs, "Source: company filings" under a chart, it is text.)
            name, outlet = label
            if outlet is not None and not draft.source:
                draft.source = outlet
                fate(k, "source", dropped=True, note=f"a source label: the story's source is {outlet!r}")
            else:
                fate(k, "source", dropped=True, note="a source label" + (
                    f"; kept the source {draft.source!r}" if outlet is not None else f": {name!r} names no outlet"))
            continue
        tag = _lone_word(page, k, tags=True) and _tag_over_headline(page, k)  # (a topic tag: kept as text)
        if k == plan.kicker and not tag:
            fate(k, "navigation", dropped=True, note="a section label above the headline")
            continue
        if in_head and (k == plan.repeat or (title_key and _norm(text) == title_key)):
            fate(k, "title-repeat", dropped=True, note="title repeated")
            continue
        if page.is_related_heading(k):
            fate(k, "related-heading", dropped=True, note="opens the page's related stories")
            after_furniture = in_related = True
            continue
        # A date line: "Published/Updated ..." anywhere in the story, a date alone near its top, under a sub-headline
        # too (further down, a date alone may be a timeline's entry). Header > published > a date alone > updated.
        stated = page.date_line(k)
        if stated is not None and draft.body and _names_first(page, k) and not over_title() and not (
                draft.byline is None and draft.date_source in (DATE_NONE, DATE_FROM_HEADER)
                and _standfirst_head(draft.body, pieces, not draft.title)):
            # A place or names before a date are the story's dateline or byline in its head only (before its text,
            # or after a standfirst with no byline or date line above it), as a "By" line is: below it, "Breaking
            # News: May 5, 2024" and "Von Anna Schmidt, 3. Mai 2024" are text.
            stated = None
        head_place = None
        if stated is None and not draft.body and DIGIT_RE.search(text) and (head := _head_date(page, text)):
            stated, head_place = head  # ("... posted in Accidents on Wednesday, September 18, 2013.", "AGENCY DATE")
        if stated is not None and (stated.kind != "line" or not draft.body
                                   or (draft.date_source == DATE_NONE and seen <= TOP_LINES)):
            kind = DATE_KINDS[stated.kind]
            credit = page.byline_dates.get(k)
            head = bool(draft.body) and not over_title() and credit is not None \
                and _standfirst_head(draft.body, pieces, not draft.title)
            if credit is not None and draft.byline is None and (not draft.body or head or over_title()):
                draft.byline = credit
                if head:
                    take_standfirst()
                if stated.date and draft.date_source == DATE_NONE:
                    draft.date, draft.date_source = stated.date, kind
                    fate(k, "byline+date", note=f"byline {credit!r}; {kind}: {stated.date.isoformat()}")
                elif stated.date:
                    fate(k, "byline+date", note=f"byline {credit!r}; kept the {draft.date_source}")
                else:
                    fate(k, "byline+date", note=f"byline {credit!r}; no calendar date stated ({stated.why})")
            elif stated.date and (DATE_RANK[kind] > DATE_RANK[draft.date_source] or kind == draft.date_source == DATE_FROM_UPDATED):
                draft.date, draft.date_source = stated.date, kind
                fate(k, "date", note=f"{kind}: {stated.date.isoformat()}")
            elif stated.date:
                fate(k, "date", dropped=True, note=f"{kind} ({stated.date.isoformat()}); kept the {draft.date_source}")
            else:
                if stated.why == AGE_WHY and draft.age is None and not draft.body:
                    draft.age = text  # ("Updated 3 hours ago" under the headline: the story's age)
                fate(k, "date", dropped=True, note=f"no calendar date stated ({stated.why})")
            place = page.place_dates.get(k, head_place)
            if place is None and credit is not None and draft.byline not in (None, credit) \
                    and text[len(credit):].lstrip()[:1] in ("-", "–", "—"):
                place = credit  # ("Por Ana Ruiz" / "Ciudad de México - 03 jun 2024": after the byline, the place)
            if place is not None and draft.dateline is None:
                draft.dateline = place
                fates[k].note += f"; dateline {place}"  # type: ignore[union-attr]
            continue
        reported = REPORTING_FROM_RE.match(text) if draft.dateline is None and not draft.body else None
        if reported is not None:
            draft.dateline = reported.group(1)
            fate(k, "dateline", note=f"where the story was reported: dateline {draft.dateline}")
            continue
        credit = CREDIT_LINE_RE.match(text)
        if credit and _words(text) <= 25 and _names_only(credit.group(1), cues.byline_roles):
            if draft.byline is None:
                draft.byline = text[1:-1] if text[:1] in "([" and text[-1:] in ")]" else text
                fate(k, "byline", note="credit line of a wire story")
            else:
                fate(k, "byline", dropped=True, note=f"credit line; kept the byline {draft.byline!r}")
            continue
        reason = page.boilerplate_reason(k)
        if reason:
            fate(k, "boilerplate", dropped=True, note=reason)
            if not in_head:
                after_furniture = True
            elif not draft.body:
                seen -= 1  # (buttons under the headline, "Share" / "Save" / "Listen": not the story's top lines)
            continue
        if AGE_RE.match(text):
            if draft.age is None and not draft.body:
                draft.age = text  # (under the headline, the story's own age: `age`, as a listed story's is, Q10 F4)
            fate(k, "age", dropped=True, note="age with no reference time")
            continue
        if in_head and _is_nav_junk(text):
            fate(k, "navigation", dropped=True, note="a menu (short items between separators)" if _is_menu(text)
                 else "menu items run together")
            continue
        if plan.title is not None and k < plan.title and _is_breadcrumb(text):
            fate(k, "navigation", dropped=True, note="a breadcrumb trail above the headline")
            continue
        if page.is_caption(k, in_head):
            draft.captions.append(text)
            fate(k, "caption", note="ends with a photo credit")
            continue
        bullet = BULLET_RE.match(text)
        if in_head and bullet and not draft.body:
            draft.summary.append(bullet.group(1).strip())
            if plan.first_text is None:
                plan.first_text = k
            fate(k, "summary", note="bullet point")
            continue
        if plan.under_menus and plan.title is not None and k < plan.title and page.byline_of(k) is None and not tag:
            fate(k, "navigation", dropped=True, note="above the headline: a menu item, breadcrumb, section label "
                                                     "or the site's name")
            continue
        # A "By" line under a standfirst (headline / standfirst / byline / date: the Guardian's, Substack's, the NYT's,
        # Le Monde's head; a section label above the standfirst too) is the byline still (`_standfirst_head`). A
        # byline in capitals (an outlet's, "By AGENCY", from a page's markup) gives way to one naming people.
        head = bool(draft.body) and not over_title() and _standfirst_head(draft.body, pieces, not draft.title)
        if (draft.byline is None or draft.byline.isupper()) and (not draft.body or head or over_title()):
            byline = page.byline_of(k)
            note = ""
            if byline is None and (in_head or head):
                byline = page.bare_byline(k)
                note = "names alone by the story's date line"
            if byline is not None:
                if draft.byline is not None:
                    note = (note + "; " if note else "") + f"names people, in place of {draft.byline!r}"
                draft.byline = byline
                fate(k, "byline", note=note)
                if head:
                    take_standfirst()
                continue
        if in_related and not _is_sentence_like(text):
            fate(k, "related", dropped=True, note="a link of the page's related stories")
            continue
        if k > last_prose and (after_furniture or not _is_sentence_like(text)) and draft.body:
            fate(k, "footer", dropped=True, note="short line after the story's last paragraph")
            continue
        # Story text.
        in_head = False
        body_text, trailer = _split_trailer(text, cues)
        if RUN_TOGETHER_HINT_RE.search(body_text):
            body_text = RUN_TOGETHER_RE.sub(" ", body_text)
        paragraph = body_text  # (its dateline cut off below)
        note_parts = []
        if not draft.body and draft.dateline is None:
            match = _wire_dateline(paragraph)
            if match:
                draft.dateline = (match.group(1) + match.group(2)).strip()
                paragraph = paragraph[match.end():]
                note_parts.append(f"dateline {draft.dateline}")
            inline = _inline_place_date(page, paragraph, draft.dateline is None)
            if inline is not None:
                place, stated, paragraph = inline
                if place is not None:
                    draft.dateline = place
                    note_parts.append(f"dateline {place}")
                kind = DATE_KINDS[stated.kind]
                if stated.date is not None and DATE_RANK[kind] > DATE_RANK[draft.date_source]:
                    draft.date, draft.date_source = stated.date, kind
                    note_parts.append(f"{kind}: {stated.date.isoformat()}")
        if trailer:
            note_parts.append(f"dropped trailing page furniture: {trailer!r}")
        if draft.body and _should_join(pieces[-1], paragraph, cues):
            pieces.append(paragraph)
            note_parts.insert(0, "joined to the previous paragraph (cut in two)")
            fate(k, "body", note="; ".join(note_parts))
        else:
            if len(pieces) > 1:
                draft.body[-1] = " ".join(pieces)
            draft.body.append(paragraph)
            paragraph_lines.append(k)
            pieces = [paragraph]
            if plan.first_text is None:
                plan.first_text = k
            fate(k, "body", note="; ".join(note_parts))
    if len(pieces) > 1:
        draft.body[-1] = " ".join(pieces)
    draft.source = draft.source or address_source
    return draft


#: A meta line that ends "posted/published/updated ... on DATE" ("On behalf of Jane Roe, Esq. posted in Pedestrian
#: Accidents on Wednesday, September 18, 2013.", "Posted on 3 May 2024"): a blog's line under its headline. Shaped as
#: one, not as a story's sentence: its verb has no subject (it opens the line, or follows a comma or a full stop after
#: a credit of 80 characters at most), and between the verb and "on" stands only a place for the post ("in Local
#: Roads", "to News", "under Crime", "by the desk"). "Tesla posted record profits on Wednesday, January 24, 2024.",
#: "Apple updated its software on ...", "Readers posted in the forum on ..." are story text (RV21-A #1: such a lede
#: left the body, and a story of that one paragraph was lost).
POSTED_ON_RE = re.compile(r"^(?:(?P<credit>.{0,80}?)[,.]\s+)?(?P<verb>posted|published|updated)"
                          r"(?:\s+(?:in|to|under|by)\s+[^.:;\d()\[\]]{1,60}?)?\s+on\s+"
                          r"(?P<date>[^.]*\d[^.]*)\.?$", re.IGNORECASE)
#: An aside between commas that opens with a small letter ("Tesla, the carmaker, posted ...", "Apple, which makes
#: phones, updated ..."): the credit before a meta line's verb is the subject of a sentence, no credit (a credit's
#: aside is a name's or a role's, in capitals: "Jane Roe, Esq. posted ...").
ASIDE_RE = re.compile(r",\s+[a-z]")
#: An agency's short code in capitals before a date line, and a place after it with a colon ("TNN Nov 12, 2011, 05.
#: 51AM IST MUMBAI:", "IANS Mar 3, 2024 NEW DELHI:"): the credit dropped, the place the dateline.
CODE_DATE_RE = re.compile(r"^[A-Z]{2,5}\s+(?P<rest>.*\d.*)$")
PLACE_WORD_RE = re.compile(r"[A-Z][A-Z.'’-]+")


def _head_date(page: _Page, text: str) -> tuple[DateStatement, str | None] | None:
    """A date stated in a story's head in a line no date line reads (asked only there, before its text): a meta line
    ending "... posted ... on DATE" (its kind the verb's), or an agency code before a date and a place after it
    (Q9 #8: ECB+ pages stating their date were undated). The statement and the dateline, or None."""
    if len(text) > 200:
        return None
    if (posted := POSTED_ON_RE.match(text)) is not None and not ASIDE_RE.search(posted.group("credit") or ""):
        stated = page._statement(posted.group("date"))
        if stated is not None and stated.date is not None:
            kind = "updated" if posted.group("verb").lower() == "updated" else "published"
            return DateStatement(kind, stated.date), None
    if (coded := CODE_DATE_RE.match(text)) is None:
        return None
    rest = coded.group("rest")
    if not rest.endswith(":"):
        stated = page._statement(rest)
        return (stated, None) if stated is not None and stated.date is not None else None
    words = rest[:-1].split()
    for n in range(1, min(3, len(words) - 1) + 1):  # the place after the date, of the fewest words that leave one
        if not all(PLACE_WORD_RE.fullmatch(word) for word in words[-n:]):
            break
        stated = page._statement(" ".join(words[:-n]))
        if stated is not None and stated.date is not None:
            return stated, " ".join(words[-n:])
    return None


def _names_first(page: _Page, k: int) -> bool:
    """Is date line `k` a place or names, then the date ("London - 3 May 2024", "Jane Doe | April 1, 2025", "Von
    Anna Schmidt, 3. Mai 2024"), with no "By"-word or date before the names?"""
    if k in page.place_dates:
        return True
    credit = page.byline_dates.get(k)
    text = page.text[k]
    return credit is not None and BYLINE_START_RE.match(text) is None \
        and DIGIT_RE.search(text.partition(credit)[0]) is None


def _wire_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline a paragraph opens with ("WELLINGTON, March 3 - ...", "PARIS (AFP) — ..."), or None: a
    place of three letters or more, then text."""
    match = DATELINE_RE.match(text)
    return match if match and len(match.group(1).replace(" ", "")) >= 3 and _words(text) > 4 else None


#: A date run into a paragraph's first sentence after its dateline: "March 7, 2024 — Officials met." (a spaced dash).
INLINE_DATE_END_RE = re.compile(r"\s+(?:--|[-–—])\s+(?=\S)")


def _inline_place_date(page: _Page, text: str, want_place: bool) -> tuple[str | None, DateStatement, str] | None:
    """A US paper's dateline and date run into the first sentence ("Alamosa, Colo. — March 7, 2024 — Officials
    met."; after an upper-case dateline already cut off, "March 7, 2024 — Officials met."): the place (when
    `want_place`), the date and the text after them, or None. A line of its own gave them (`_Page.date_line`); run
    into the text, the place was lost when written in mixed case and the date stayed in the text (Q10 F5)."""
    at, place = 0, None
    if want_place:
        match = PLACE_DATE_RE.match(text)
        if match is None or _common_word(match.group("place")) or _date_first(page, text):
            return None  # ("Tuesday, March 7, 2024 — ...": a date, no place; a paragraph opening with a date is text)
        at, place = match.end(), match.group("place")
    end = INLINE_DATE_END_RE.search(text, at, at + 48)
    if end is None or not DIGIT_RE.search(text, at, end.start()):
        return None
    stated = page._statement(text[at:end.start()])
    if stated is None or stated.kind != "line" or stated.date is None or _words(text[end.end():]) < 2:
        return None
    return place, stated, text[end.end():]


def _date_first(page: _Page, text: str) -> bool:
    """Does the text open with a date before its first spaced dash ("Tuesday, March 7, 2024 — ...")?"""
    end = INLINE_DATE_END_RE.search(text, 0, 48)
    return end is not None and (stated := page._statement(text[:end.start()])) is not None and stated.date is not None


def _brief_dateline(text: str) -> bool:
    """Does a paragraph open with a wire dateline that names a place, not a label of English words ("UPDATE:
    More homes ...", "HEALTH — Hospitals keep ...")? The same test as a place before a date line's (`_common_word`);
    a state or country after it says a place whatever its words ("OCEAN CITY, Md. — ", "GREAT NECK, N.Y. — ")."""
    match = _wire_dateline(text)
    return match is not None and (bool(match.group(2)) or not _common_word(match.group(1)))


def _standfirst_head(body: list[str], pieces: list[str], untitled: bool) -> bool:
    """Is the story's text so far (`body`, the last paragraph's lines `pieces`) the head of a story a byline may
    follow: a standfirst (one paragraph that does not end as a sentence, or a summary of eight words or more), a
    section label above it at most ("Water industry" / "Regulator fines the company a record sum for ..." / "By
    ...")? In a story with no title yet (`untitled`), a headline-shaped line over the byline is its headline. A "By"
    line after a short sentence ("Inflation is sticky, the Fed says." / "By ...") or after two paragraphs is story
    text."""
    if len(pieces) > 1 or not 1 <= len(body) <= 2:
        return False
    standfirst = body[-1]
    if untitled and _looks_like_title(standfirst):
        return len(body) == 1 or (_words(body[0]) <= KICKER_WORDS and not TERMINAL_RE.search(body[0]))
    if len(body) == 2:
        label = body[0]
        return _words(label) <= KICKER_WORDS and not TERMINAL_RE.search(label) and _words(standfirst) >= STANDFIRST_WORDS
    return standfirst[-1:] not in SENTENCE_END_CHARS or (_words(standfirst) >= STANDFIRST_WORDS
                                                         and not SAID_END_RE.search(standfirst))


#: A sentence that ends by saying who said it ("..., officials said.", "the UN said on Sunday."): a news story's
#: first paragraph, not a standfirst. A "By" line after it is story text, as before f098bbe (RV18-B #4: the lead
#: went to the summary and the body lost its first paragraph).
SAID_END_RE = re.compile(r"\b(?:said|says|say|reported|reports|told reporters)(?:\s+on)?(?:\s+\w+day)?\.[\"”’']?$",
                         re.IGNORECASE)


#: The fewest words of a standfirst that ends as a sentence ("Thousands of farms closed last year as prices fell.").
STANDFIRST_WORDS = 8


def _host(host: str) -> str:
    """A web address's host as an outlet's name: lower case, without "www." ("www.usatoday.com" -> "usatoday.com";
    a sub-site's host, "uk.eonline.com", is kept whole: no list of domain suffixes is at hand to cut it right)."""
    return re.sub(r"^www\d*\.", "", host.lower())


#: The registries' labels under a country's domain ("news.com.au", "abc.net.au", "nhs.gov.uk"): no outlet's name.
SECOND_LEVEL_LABELS = frozenset(("com", "net", "org", "gov", "edu"))
OUTLET_TAIL_RE = re.compile(r"^(?P<title>.+?)\s+(?:\||[-–—])\s+(?P<outlet>[A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,3})$")


def _split_outlet(title: str, host: str | None, cues: PageCues) -> tuple[str, str | None]:
    """A headline saved with its outlet after it ("Fed raises rates | The Daily Courier", "Fed raises rates -
    Reuters"): the headline and the outlet. Only an outlet that is sure to be one: a news agency of the credit
    words, or the name of the page's own web address (The Daily Courier ~ dailycourier.com); any other tail
    ("Brexit | What happens next") is the headline's own words and stays."""
    match = OUTLET_TAIL_RE.match(title)
    if match is None or not _looks_like_title(match.group("title")):
        return title, None
    outlet = match.group("outlet")
    key = outlet.lower()
    names = {re.sub(r"[^a-z0-9]", "", name) for name in (key, re.sub(r"^the\s+", "", key))}  # The Times ~ thetimes
    labels = [label for label in (host or "").split(".")[:-1] if len(label) >= 3 and label not in SECOND_LEVEL_LABELS]
    if key in cues.credit_words or any(name.startswith(label) for name in names if name for label in labels):
        return match.group("title"), outlet  # (BBC News ~ bbc.co.uk)
    return title, None


def _fallback_title(draft: Article) -> str:
    """An untitled story is named by its first sentence; its text stays in the body. A full stop after an
    abbreviation ends no sentence ("Alaska Gov. Mike Dunleavy ...": the title was "Alaska Gov.", RV21-A #4)."""
    source = draft.body[0] if draft.body else (draft.summary[0] if draft.summary else "")
    cut = next((gap.start() for gap in SENTENCE_GAP_RE.finditer(source)
                if not _abbreviation_stop(source[:gap.start()], source[gap.end():])), None)
    sentence = source if cut is None else source[:cut]
    if len(sentence) > FALLBACK_TITLE_CHARS:
        sentence = sentence[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return sentence or "Untitled"


#: Where a sentence may end: a space after a full stop, "!" or "?".
SENTENCE_GAP_RE = re.compile(r"(?<=[.!?])\s")
#: An initial before a full stop ("Brian G."), and a short month before a day ("Jan. 5").
INITIAL_END_RE = re.compile(r"\b[A-Z]\.$")
SHORT_MONTH_END_RE = re.compile(r"\b(?P<month>[A-Z][a-z]{2,3})\.$")


def _abbreviation_stop(head: str, rest: str) -> bool:
    """Is the full stop that ends `head` (the text before a space, `rest` after it) an abbreviation's, no sentence's
    end: the parser's `ABBREVIATION_END_RE` ("U.S.", "Inc.", "Jr."), an initial ("Brian G."), a title the
    extractor's title list writes with a stop ("Gov.", "Rev.", "Sen.", "Dr.": titles.yaml, read only here), or a
    month's short form before a day ("Jan. 5")?"""
    if not head.endswith("."):
        return False
    if ABBREVIATION_END_RE.search(head) or INITIAL_END_RE.search(head):
        return True
    month = SHORT_MONTH_END_RE.search(head)
    if month is not None and month.group("month").lower() in MONTHS and rest[:1].isdigit():
        return True
    word = head.rsplit(None, 1)[-1].lower()
    if len(word) > 6 or not word[:-1].isalpha():
        return False
    from newsreader.extract.resources import cues
    return word in cues().titles


#: A title made from a story's first sentence (no headline line) is cut at the last word within this many
#: characters, with "…": it is the body's copy, so nothing is lost. A headline the page states is never cut.
FALLBACK_TITLE_CHARS = 90


#: The fewest words of a story's text that is no sentence: a headline alone ("Esther Williams, swimming star, dies
#: at 91") is a story; a menu word ("News"), "Breaking news" or a lone "x" is none.
MIN_STORY_WORDS = 5


def _has_story(draft: Article) -> bool:
    """Is there a story under the draft's title: a paragraph that reads as a sentence, or a headline's words? A page
    of menu words ("Home / News / Sports / Share", each line short and unpunctuated) or a single "x" left one
    short line as the body: an article titled "News" for a page that has none."""
    texts = draft.body + draft.summary
    return any(_is_sentence_like(text) for text in texts) or sum(_words(text) for text in texts) >= MIN_STORY_WORDS


def _assign_ids(articles: list[Article], file: str) -> None:
    """Each story's id: from the page and its title, and from its text too when another
    story of the page has the same title. Not from their order: with `title` and `title#2`,
    editing the first one's headline gave its id, and so its bookmark and read mark, to the
    second. A story whose title becomes shared, or no longer is, gets a new id, which the
    index pairs with the old one by text, as for an edited headline.

    The same title and text twice get `#2`, `#3`...: each (title, text) remembers the number
    its search stopped at, so the k-th copy does not try the k-1 numbers before it again (a
    page of 4,000 copies of one story made 8 million ids: 83 s). The ids are the same, as
    `used` only grows: a number taken before is still taken."""
    shared = Counter(a.title for a in articles)
    used: set[str] = set()
    next_copy: dict[tuple[str, str | None], int] = {}
    for article in articles:
        text = "\n\n".join(article.summary + article.body) if shared[article.title] > 1 else None
        ident = article_id(file, article.title, text)
        if ident in used:  # the same title and text twice
            key = (article.title, text)
            n = next_copy.get(key, 2)
            ident = article_id(file, article.title, f"{text}#{n}")
            while ident in used:
                n += 1
                ident = article_id(file, article.title, f"{text}#{n}")
            next_copy[key] = n + 1
        used.add(ident)
        article.id, article.file = ident, file


def _copies(drafts: list[Article], plans: list[_Plan], keep: list[int]) -> dict[int, int]:
    """The stories of a text copy that repeat an earlier one whole (title, text, date, byline...: a page pasted
    twice into one file), each with the story it repeats. They were listed and found twice. Stories under a
    `date ...` header are the converters' or the user's own, one a header, and all stay."""
    first: dict[tuple[Any, ...], int] = {}
    copies: dict[int, int] = {}
    for i in keep:
        if plans[i].kind == "header":
            continue
        d = drafts[i]
        key = (d.title, tuple(d.body), tuple(d.summary), tuple(d.captions), d.date, d.byline, d.dateline, d.source)
        if key in first:
            copies[i] = first[key]
        else:
            first[key] = i
    return copies


def _page_date(page: _Page, plans: list[_Plan], drafts: list[Article], fates: list[LineFate | None]) -> dt.date | None:
    """The one date a page states for all its stories, or None. It is the date of the page's head: a date bar above
    its first story's headline ("Saturday 3 August 2024" / headline / text, stories after it), or the day of the
    page's address when that ends at its date (a day's archive: ".../2024/08/03/"). And it is the only calendar date
    the page states: a date line or a story's dateline of another day makes the page one of many days (a front page,
    a blog's index), whose stories that state no date are left undated rather than guessed. A date under the first
    story's headline, or a `date ...` header's (a web page's `article:published_time`), is that story's own, no
    page's: the story after it may be the next one a site showed under it, of another day."""
    first = plans[0]
    # Only a date bar ("Saturday 3 August 2024"): an "Updated"/"Published" line or a byline's date speaks for the story
    # under it, and the next one a site loaded under it may be of another day (RV30-P #8).
    if first.title is not None and any((item := fates[k]) is not None and item.article == 0 and not item.dropped
                                         and item.role == "date" and (stated := page.date_line(k)) is not None
                                         and stated.kind == "line" for k in range(first.start, first.title)):
        day = drafts[0].date
    else:
        day = None
    if day is not None and page.archive_day not in (None, day):
        return None  # (the address's day and the date bar's disagree: RV30-P #10)
    day = day or page.archive_day
    if day is None or any(draft.date not in (None, day) for draft in drafts):
        return None
    for k in range(page.n):
        if page.text[k] and (stated := page.date_line(k)) is not None and stated.date not in (None, day):
            return None
    return day


def parse_page(text: str, file: str, cues: PageCues | None = None) -> ParseResult:
    """Split a saved page into its stories. `file` is the page's path relative to the corpus
    root; with the title it makes each article's stable id."""
    page = _Page(text, cues or default_cues())
    plans = _plan_stories(page)
    fates: list[LineFate | None] = [None] * page.n
    # Lines before the first story (blank lines, junk) are still accounted for.
    first_start = plans[0].start if plans else page.n
    for k in range(first_start):
        fates[k] = LineFate(k + 1, page.raw[k], "blank", None, True, "empty line")

    drafts: list[Article] = []
    for index, plan in enumerate(plans):
        end = plans[index + 1].start if index + 1 < len(plans) else page.n
        drafts.append(_fill(page, plan, end, index, fates))

    # A digest's briefs that state no date of their own are of its date: the one above its first brief (under the
    # digest's name, a head with no story of its own) or the brief's before.
    for index, plan in enumerate(plans):
        before = drafts[index - 1] if index else None
        if plan.kind == "brief" and drafts[index].date is None and before is not None and before.date is not None \
                and (plans[index - 1].kind == "brief" or not _has_story(before)):
            drafts[index].date, drafts[index].date_source = before.date, before.date_source
            named = fates[plan.start]
            assert named is not None
            named.note = (named.note + "; " if named.note else "") + f"a brief of the digest dated {before.date}"
    # A story of the page that states no date of its own (the second, the third: a front page copied, a day's archive)
    # is of the page's one date, when the page states one for all its stories (`_page_date`).
    undated = [index for index, plan in enumerate(plans) if drafts[index].date is None and drafts[index].age is None
               and plan.kind != "header"]  # ("date undated Title": a header that says its story states no date)
    if undated and (day := _page_date(page, plans, drafts, fates)) is not None:
        for index in undated:
            drafts[index].date, drafts[index].date_source = day, DATE_FROM_PAGE
            named = fates[plans[index].start]
            assert named is not None
            named.note = (named.note + "; " if named.note else "") + f"no date of its own: the page's date {day}"
    # A page that is a headline alone (under its date line, its address, a header of junk and a byline: a video's
    # page) is that story: its words are its text.
    if len(drafts) == 1 and (plans[0].kind == "first" or plans[0].kind == "header" and not plans[0].header_has_title) \
            and plans[0].title is not None and not drafts[0].body and not drafts[0].summary \
            and _words(drafts[0].title) >= MIN_STORY_WORDS:
        drafts[0].body, drafts[0].title = [drafts[0].title], ""
        named = fates[plans[0].title]
        assert named is not None
        named.role, named.note = "title+body", "a headline alone on the page: the story's title and its text"
    # Drop empty stories (a header with nothing under it) and stories of menu words alone, renumbering fates.
    keep = [i for i, d in enumerate(drafts) if _has_story(d)]
    copies = _copies(drafts, plans, keep)
    keep = [i for i in keep if i not in copies]
    renumber = {old: new for new, old in enumerate(keep)}
    articles = [drafts[old] for old in keep]
    for old in keep:
        draft = drafts[old]
        if not draft.title:
            draft.title = _fallback_title(draft)
            named = plans[old].first_text
            if named is not None and fates[named] is not None:
                item = fates[named]
                item.role = "title+" + item.role
                cut = (f", cut at a word to {FALLBACK_TITLE_CHARS} characters with '…',"
                       if draft.title.endswith("…") and not page.text[named].startswith(draft.title) else "")
                item.note = (f"its first sentence{cut} is the story's title (no headline line); kept as text too"
                             + ("; " + item.note if item.note else ""))
        # The page's address names the outlet of its stories that name none.
        draft.source = draft.source or page.address_host
    _assign_ids(articles, file)
    for old in keep:
        lister = plans[old].related_to
        if lister is not None and lister in renumber:
            articles[renumber[lister]].related.append(articles[renumber[old]].id)

    final: list[LineFate] = []
    for k, item in enumerate(fates):
        if item is None:
            item = LineFate(k + 1, page.raw[k], "blank", None, True, "empty line")
        if item.article is not None:
            if item.article in renumber:
                item.article = renumber[item.article]
            else:
                if not item.dropped:  # said as what it is: dropped, what it would have been, and why
                    why = (f"a copy of story {renumber[copies[item.article]] + 1} (the page holds it twice)"
                           if item.article in copies else "heading with no story under it")
                    item.note = (item.note + "; " if item.note else "") + f"was {item.role}; {why}"
                    item.role = "dropped"
                item.article, item.dropped = None, True
        final.append(item)
    # A trailing newline produces one empty last line that is not really a line.
    if final and page.raw[-1] == "" and text.endswith(("\n", "\r")):
        final.pop()
    return ParseResult(articles, final)
