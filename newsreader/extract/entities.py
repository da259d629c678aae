"""Rule-based people, organisations and places.

The approach is cheap on purpose (it runs on every article at index time): find runs of
capitalised words, cut them at titles and conjunctions, type each piece by cue words
(titles, organisation words), the place gazetteer and acronym definitions, then settle the
pieces that no rule typed by what the rest of the article says about the same name (a name
seen once as a person stays a person; a lone "Asif" is the "Khawaja Asif" named before).
"""

from __future__ import annotations

import functools
import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

try:
    from re import _parser as _sre  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

from newsreader.extract.dates import MONTH_NAMES, WEEKDAY_NAMES, holiday_names
from newsreader.extract.resources import Cues, Gazetteer, cues, english_words, gazetteer

PERSON, ORG, PLACE = "person", "org", "place"
EVENT = "event"  # recognised so that it is not taken for an organisation; never returned

#: A word: letters/digits with inner apostrophes, hyphens, dots or ampersands ("O'Brien",
#: "Al-Qaeda", "U.S", "AT&T"), a trailing dot kept for abbreviations, or a lone "&".
#: An Arabic article joined by a hyphen opens a name: "Nouri al-Maliki", "Sharm el-Sheikh".
#: Written to start with a character class (the look-behinds come after it), which lets the
#: regex engine skip ahead to candidate letters: twice as fast as a leading look-behind.
_CAP_TAIL = r"\w*(?:['’.\-&]\w+)*\.?(?:['’]s?)?"
_CAP = re.compile(r"[A-ZÀ-ÖØ-Þae](?<![\w'’.&-].)(?:(?<=[ae])l-[A-Z]|(?<=[A-ZÀ-ÖØ-Þ]))" + _CAP_TAIL)
#: `_CAP` without the article's branch: the same words in a text with no "al-" or "el-" (most texts),
#: found faster (`_CAP` stops at every "a" and "e" to try that branch).
_CAP_NO_ARTICLE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w'’.&-].)" + _CAP_TAIL)


def _cap_pattern(text: str) -> re.Pattern[str]:
    """`_CAP`, or `_CAP_NO_ARTICLE` where the text has no "al-" or "el-" for its article branch to match."""
    return _CAP if "al-" in text or "el-" in text else _CAP_NO_ARTICLE


#: Lower-case words allowed inside a name ("Organization of Islamic Cooperation", "bin Salman").
_PARTICLES = frozenset({"of", "for", "and", "&", "de", "du", "da", "del", "der", "den", "van",
                        "von", "bin", "ibn", "al", "el", "la", "le", "di", "dos", "y", "on",
                        "ten", "ter", "ur", "ul", "ud"})  # "Erik ten Hag", "Hafiz Naeem ur Rehman"
_NAME_PARTICLES = frozenset({"de", "du", "da", "del", "der", "den", "van", "von", "bin", "ibn",
                             "al", "el", "la", "le", "di", "dos", "y", "ten", "ter", "ur", "ul", "ud",
                             "die", "das", "les", "los", "las", "il"})  # "Die Zeit", "Los Angeles"
#: Words stripped from the front of a name wherever they stand ("The OIC", "This Iran").
_FUNCTION = frozenset({"the", "a", "an", "this", "that", "these", "those", "and", "or", "but",
                       "of", "in", "on", "at", "for", "with", "by", "from", "to", "as", "if",
                       "when", "while", "after", "before", "since", "its", "his", "her", "their",
                       "our", "my", "your", "every", "each", "all", "some", "many", "most"})
#: Function words that open a name when capitalised inside a sentence ("All Nippon Airways").
_NAME_OPENERS = frozenset({"all", "every", "our", "my", "your"})
#: Capitalised words that open a sentence after an abbreviation's full stop ("the U.S. They said").
_SENTENCE_OPENERS = frozenset({"The", "They", "He", "She", "It", "We", "I", "This", "That", "There", "These", "Those",
                               "But", "And", "His", "Her", "Their", "Its", "Our"})
_ABBREVIATIONS = frozenset({"jr.", "sr.", "st.", "mt.", "ft.", "no.", "vs.", "bros."})
_SENTENCE_END = ".!?:;"
_SENTENCE_ADVERBS = frozenset({"meanwhile", "however", "moreover", "furthermore", "nevertheless",
                               "therefore", "instead", "thus", "hence", "also", "not"})
#: Words that open a local office's title, first in a name only: "City Councilman Jumaane Williams", "County
#: Commissioner Jane Doe" (a place's name ends in them elsewhere: "Mexico City Mayor Clara Brugada").
_LOCAL_TITLE_MODIFIERS = frozenset({"city", "county", "town", "public"})  # "Public Advocate Bill de Blasio"
#: Titles in capitals that are also a firm's or a name's letters ("GM" General Motors, "DA" of "da Silva"):
#: a title only before a given name and a surname ("GM Ed Stefanski", "fellow DA Phillip Stirling").
_SHORT_TITLES = frozenset({"GM", "DA", "ADA"})
#: Legal forms written after a comma: "Summit Entertainment, LLC", "Apple, Inc."
_LEGAL_FORMS = frozenset({"llc", "inc", "ltd", "llp", "plc", "corp", "l.p", "lp", "gmbh"})
#: Where a legal form may stand after a comma: ", " and a word whose lower case opens with one (`_LEGAL_FORMS`).
_LEGAL_FORM_AFTER_COMMA = re.compile(r", (?:" + "|".join(sorted(re.escape(f) for f in _LEGAL_FORMS)) + ")", re.IGNORECASE)
#: Legal forms that end a company's name even when a name follows ("Apple Inc. Steve Jobs").
_CUT_AFTER = frozenset({"inc.", "corp.", "ltd.", "llc", "plc", "gmbh", "inc", "ltd"})
_ACRONYM_AFTER = re.compile(r"(?:['’]s?)?\s*\(\s*([A-Z][A-Za-z0-9.&\-]{1,11})\s*\)")
#: A nickname in brackets or quotes inside a person's name: "Kimani (Kiki) Gray", 'Luis Gerardo "Jerry" Ortiz'
#: (group 1 is the nickname; the name after it starts at the match's end; the opening mark first, for a fast scan).
_NICKNAME = re.compile(r"(?:\(|\"|“|``)([A-Z][a-z]+)(?:\)|\"|”|'') (?=[A-Z])")
#: A title with its portfolio before a name: "Secretary of State Condoleezza Rice", "Minister of Foreign
#: Affairs Ahmed Aboul Gheit", "Chief of Staff Rahm Emanuel" (the title word is group 1).
_TITLE_OF_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+) of (?:the )?(?:[A-Z][\w.&-]* ){1,3}$")
_APPOSITION = re.compile(r", (?:the|a|an|its|[A-Z]\w+'s) ((?:[\w.-]+ ?){1,3})")
_CONTRACTION = re.compile(r"^(\w+)['’](?:ve|re|ll|d|m|t)$")
_NOT_POSSESSORS = frozenset({"People's", "People’s", "Children's", "Children’s", "Women's",
                             "Women’s", "Men's", "Men’s", "Workers'", "Veterans'"})
#: A model number right after a name ("Boeing 787", "Airbus A330-200"): the name is a
#: product's. Years are not model numbers ("Beijing 2008" is handled as a date), nor are
#: scores ("beat Real Madrid 3-1").
_MODEL_AFTER = re.compile(r" (?:[A-Z]{0,3}\d{2,}[A-Za-z0-9-]*|\d{2,}-\d+[A-Za-z0-9-]*)(?![\w%$])")
_YEARISH = re.compile(r" (?:1[89]|20)\d\d(?!\d)")
#: ... or right before it ("the 787 Dreamliner", "the 787 `` Dreamliner"); an age or a
#: length ("59-year-old Raj Chohan", "a 10-day visit") is no model number, nor a clock's minutes
#: ("9:03am AEST Tony Abbott").
_MODEL_BEFORE = re.compile(r"(?<![\w.,:])[A-Z]{0,3}\d{2,}[A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)* (?:``|\"|“|')? ?$")


#: What may follow a name before an index's number ("Russell 2000", "Standard & Poor's 500"): a space or a possessive.
_INDEX_NUMBER_OPENS = (" ", "'", "’")
#: An index's number after its name, and the word after the number ("Russell 2000 Index", "Poor's 500 index").
_INDEX_NUMBER = re.compile(r"(?:['’]s)? (\d[\d,]*)(?: ([A-Za-z]+))?")


def _model_number_after(text: str, end: int) -> re.Match[str] | None:
    """`_MODEL_AFTER.match(text, end)`, not tried where no capital or digit follows the space (most names)."""
    after = text[end + 1:end + 2]
    return _MODEL_AFTER.match(text, end) if after.isdecimal() or "A" <= after <= "Z" else None


#: Two digits: what a model number before a name (`_MODEL_BEFORE`) has in its window
_TWO_DIGITS = re.compile(r"\d\d")
_PREV_WORD = re.compile(r"([\w.'’-]+) ?$")
#: A year ("2024", "1927"): after a possessive name it dates what the name owns, no index's number
_YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d")
#: The index words an index's code in brackets follows ("average (INDU)"); not "futures (CME)", "scale (USGS)"
_CODED_INDICES = frozenset({"index", "indices", "indexes", "average", "averages", "composite"})
#: What makes a "PM" a clock's: an hour or minutes before it ("8 PM", "8 : 28 PM"); a year is none
#: ("In 2019 PM Narendra Modi"). One pattern for both uses below, so that they cannot drift apart.
_CLOCK_HOUR = r"(?<!\d)\d\d? ?"
#: A clock time's "pm"/"am" is read with its number ("8:44 PM" -> "44 PM", as "9PM" is one word), so
#: that the "PM" of a clock stamp is never the title "PM" ("02:22 pm Texas inmate" is no person).
_CLOCK_PREV = re.compile(rf"({_CLOCK_HOUR}[AaPp][Mm]) ?$")
#: The text right before a capitalised "PM" that makes it a clock's.
_CLOCK_NUMBER = re.compile(rf"{_CLOCK_HOUR}$")
_CLOCK_WORDS = frozenset({"PM", "Pm"})
#: A clock time right before a word ("9:03am ", "10:52 ", "8 p.m. "): a time zone there is the clock's. A bare
#: number is none: it is a year as often ("In 2017 GST Council", "Since 2019 PT Freeport Indonesia").
_CLOCK_END = re.compile(r"(?::\d\d|\d ?[AaPp]\.?[Mm]\.?) $")
_CLOCK_SPELLINGS = frozenset({"PM", "Pm", "pm", "AM", "Am", "am"})
#: What such a "PM" reads as: a common word like "pm", but no title.
_CLOCK_LOW = "p.m."
#: Words written in capitals that a name's front still loses as common words ("I", "OK", "TV", a clock's
#: "PM"); another acronym there stays. Made once, not a tuple per word read
_COMMON_CAPITALS = frozenset({"i", "a", "am", "pm", _CLOCK_LOW, "ok", "tv"})
#: ... but a year or a clock time before a date line in capitals is none: "March 5, 2025
#: ISLAMABAD:", "06:15pm PESHAWAR:" (a model year is one: "a 2013 Toyota Camry").
_YEAR_OR_TIME = re.compile(r"(?:1[89]|20)\d\d |\d\d?(?:am|pm|AM|PM|GMT|UTC|PKT|IST) ")


#: The characters of `_PREV_WORD`'s word besides \w (letters, digits and "_").
_WORD_MARKS = frozenset(".'’-")


#: No letter, digit, "_" or "-" right before: where a name `_written_with` looks for may begin.
_WORD_START = re.compile(r"(?<![\w-])\Z")
#: "the ", "an " right before a name, up to it (searched in the 4 characters before the name).
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?) \Z")
#: No letter, digit, "_" or "-" right after: where a name ends.
_WORD_END = re.compile(r"(?![\w-])")
#: A name written alone: no capital or digit after it ("Intel" but not "Intel Core").
_ALONE_AFTER = re.compile(r"(?! [A-Z0-9])(?![\w-])")


def _written_with(text: str, word: str, after: re.Pattern[str],
                  before: re.Pattern[str] = _WORD_START, reach: int = 0) -> bool:
    """Is `word` written somewhere in `text` with `before` matching up to it (searched from `reach` characters
    before it) and `after` matching right after it? The answer of one search for `before`, the word escaped and
    `after`, without compiling a pattern for every new word (~300 us each, and re's cache holds 512 patterns):
    every place the word is written is tried, overlapping ones too, as the search tries them. That is the one
    search's answer only if `before` reads nothing at or past the word (it is searched with the word's start as
    its end: no look-ahead, no \\b or \\B at its end) and `reach` is at least its longest match; `after` may
    look back, as `match` sees the text before its start."""
    size = len(word)
    at = text.find(word)
    while at >= 0:
        if before.search(text, at - reach if at > reach else 0, at) and after.match(text, at + size):
            return True
        at = text.find(word, at + 1)
    return False


def _prev_word(text: str, end: int, reach: int) -> re.Match[str] | None:
    """`_PREV_WORD.search(text, end - reach, end)`, found by reading back from `end`: the search
    tries every start in its window, a word's every letter (a dear test at every name). Its
    match starts where the word's characters before `end` start (after one space, or a line
    break that `$` stands before), within the window; that start is after the last space in most
    texts, and is read back a character at a time otherwise. A clock's "pm" comes with its
    number (`_CLOCK_PREV`): every rule that asks for the word before a name sees no title."""
    lo = max(0, end - reach)
    last = end  # where the word ends
    if last > lo and text[last - 1] == "\n":
        last -= 1
    if last > lo and text[last - 1] == " ":
        last -= 1
    first = text.rfind(" ", lo, last) + 1 or lo
    m = _PREV_WORD.match(text, first, end)
    if m is None:  # another character of no word in between ("(", a quote, a tab): read back
        first = last
        while first > lo and (text[first - 1] in _WORD_MARKS or text[first - 1].isalnum() or text[first - 1] == "_"):
            first -= 1
        m = _PREV_WORD.match(text, first, end) if first < last else None
    if m is not None and m.end(1) - m.start(1) == 2 and m.group(1) in _CLOCK_SPELLINGS:
        return _CLOCK_PREV.search(text, max(0, m.start() - 12), end) or m
    return m


#: A given name written as initials: "J.", "J.K.", "A.J."
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
#: A title then a comma right before a name: "Nvidia's chief executive, Jensen Huang".
_TITLE_COMMA = re.compile(r"([a-z]+), $")
#: What an organisation does in its own name, in the news: "Apple said", "Toyota announced it".
_ANNOUNCES = "said|says|announced|reported"
#: What an organisation's name is written before: "Apple's", "Apple Inc", "Apple said".
_ACTS_AFTER = re.compile(rf"['’]s? | (?:Inc|Corp|Co|Ltd|{_ANNOUNCES})\b")
#: Verbs after a news agency named as a source ("AP reported", "Reuters says").
_REPORT_VERBS = frozenset({"reported", "reports", "said", "says", "quoted", "cited", "added"})
#: What follows an agency's name as one ("the AFP news agency", "the Reuters wire service")
_AGENCY_NOUNS = frozenset({"news", "agency", "wire"})
#: An apposition saying an agency's word after "said" is the agency ("said Kuna, the Kuwaiti news agency").
_AGENCY_APPOSITION = re.compile(r", (?:the|an?) [^,.;]{0,40}?\b(?:agency|wire service)\b")
#: Title words that also end a publication's name after a place ("The Hollywood Reporter").
_PUBLICATION_TITLES = frozenset({"Reporter", "Observer", "Examiner", "Inquirer", "Register", "Chronicle"})
#: "the new X", "its new X", "Apple's new X": what is new is a product, not an organisation.
_NEW_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|['’]s) new $")
#: Organisation words that name one institution alone, capitalised mid-sentence ("Congress
#: passed", "the Senate voted"); "Ministry" or "Army" alone are common nouns in title case.
_LONE_ORGS = frozenset({"nato", "un", "congress", "senate", "parliament", "pentagon", "kremlin"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "new"})
#: The hyphen of an adjective made from a name: "US-brokered", "Iranian-backed".
_HYPHEN_LOWER = re.compile(r"-(?=[a-z])")
#: Compass words: "North African" (with a demonym), "the West" (a region on its own).
_COMPASS = frozenset({"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern",
                      "Western", "Middle", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern",
                      "Northwestern", "Southeastern", "Southwestern", "Upstate"})
_COMPASS_REGIONS = frozenset({"North", "South", "East", "West"})
#: Name particles that start Arabic names: "Abu Hussein", "Ibn Saud", "Umm Kulthum".
_ARABIC_PERSON = frozenset({"Abu", "Umm", "Ibn", "Bin"})
#: The Arabic article before a noun in -a/-ah ("Al Jazeera", "Al Arabiya", "Al Qaeda", "El Nacional" is not):
#: no given name "Al" ("Al Gore", "Al Pacino")
_ARABIC_ARTICLE_NOUN = re.compile(r"[AaEe]l[ -][A-Z][a-z]+ah?\b")
#: A lower-camel brand right before a name: "iTunes Music Store", "iPod `` Classic".
_BRAND = r"[a-z]{1,2}[A-Z]\w*(?: (?:``|\"|“|'))?"
#: An apposition that may name a person's role or kin: "Tembo, a resident of the camp," (up to three words)
_ROLE_APPOSITION = re.compile(r"(?:a|an|the) ((?:[\w-]+ ?){1,3}?)(?=[,.;:]| (?:of|for|from|in|at|who|and|with)\b)")
_ROLE_PHRASE = re.compile(r"(?:a|an|the) (?:[\w-]+ ){1,5}?([a-z]+)(?=[,.;:]|$)")
_PART_PLAYED = ("role as ", "role of ", "roles as ")  # "her role as Mystique": a character, a person
#: A possessive and the noun it owns, a word between at most ("Kowalsky's wife", "Kowalsky's late wife").
_POSSESSED_NOUN = re.compile(r"['’]s (?:[a-z]+ )?([a-z]+)\b")
_AFTER_CUES = (", ", " and ")  # what may follow a person in apposition or in a list
_BEFORE_CUES = _PART_PLAYED + (" and ",)
_OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us"})  # "had to Taser him": a verb before them
_LIST_LINKS = (", and ", " and ", ", ")  # between the names of a list
#: "Tiger, the code name for ...", "Lion, the new version of ...": a product described.
_PRODUCT_APPOSITION = re.compile(r", (?:the|a|an|its|their) (?:[\w-]+ ){0,2}?(\w+) (?:name )?(?:of|for|to)\b")
#: A work described in apposition: "New Moon, the second novel in the series", "Dreams from My Father, his
#: memoir,", "Thriller, the album that ...": the name before it is the work's title. The kind of work closes
#: the phrase ("the film studio" is no film).
_WORK_APPOSITION = re.compile(r", (?:the|a|an|his|her|their|its) (?:[\w-]+ ){0,2}?(?:novel|film|movie|book|album|song|"
                              r"single|musical|documentary|memoir|biopic|sitcom|sequel|opera|play|poem|painting)s?"
                              r"(?:[,.;:)]| (?:in|by|of|about|that|which|from|to|starring|directed|written|based)\b)")
#: A class closing an apposition: "Volt, a plug-in hybrid," / "Prius, a compact car."
_CLASS_APPOSITION = re.compile(r", (?:a|an) (?:[\w-]+ ){0,2}?([a-zA-Z]+)(?:[,.;:)]| that\b| which\b| with\b| and\b)")
_NEXT_LOWER = re.compile(r" ([a-z]+)")
#: Lower-case facility words after a name that make it a place's ("Heathrow airport").
_PLACE_AFTER = frozenset({"airport", "airfield", "airbase", "stadium", "arena", "square", "street", "hotel", "resort",
                          "avenue", "boulevard", "bridge", "center", "centre", "mall", "plaza",
                          # "Qeshm island", "Hormozgan province", "the East Flatbush neighborhood"
                          "island", "islands", "river", "lake", "valley", "province", "county",
                          "district", "region", "town", "village", "neighborhood", "neighbourhood",
                          "suburb", "borough", "township",
                          # "Lebanon's Nabatieh area", "Nineveh governorate", "Kursk oblast"
                          "area", "governorate", "oblast", "prefecture", "municipality"})
#: What follows a firm's name, not a person's: "Microsoft Corp.", "a Microsoft spokesman", "Ericsson said its".
_FIRM_AFTER_NO_PERSON_RX = r" (?:Corp\b|Inc\b|spokes(?:man|woman|person)\b|(?:said|says) its\b)|['’]s shares\b"
_FIRM_AFTER_NO_PERSON = re.compile(_FIRM_AFTER_NO_PERSON_RX)
#: ... nor a town's: "Microsoft said it".
_FIRM_AFTER = re.compile(_FIRM_AFTER_NO_PERSON_RX + r"| (?:said|says) it\b")
#: A verb of speaking or learning before a language: "he spoke Mandarin", "fluent in Urdu".
_LANGUAGE_BEFORE = re.compile(r"(?<![\w-])(?:speaks?|spoke|spoken|speaking|studie[sd]|study|studying|learn(?:s|ed|t|ing)?|"
                              r"teach(?:es|ing)?|taught|fluent in|translated into|written in|dubbed in|in fluent) $")
#: The kind of a series of works after its title: "the Twilight franchise", "any of the Twilight films".
_WORKS_AFTER = re.compile(r" (?:franchise|films|movies|saga|trilogy|novels)\b")
#: A hotel or resort after a name: one building ("the Hilton hotel in Islamabad") or a brand's, where one
#: of many ("a Trump hotel") or the chain itself ("the Marriott hotel chain") is meant.
_BRAND_FACILITIES = frozenset({"hotel", "resort"})
_ONE_OF_A_BRAND = re.compile(r"(?<![\w-])[Aa]n? $")
_BRAND_AFTER = re.compile(rf" (?:{'|'.join(sorted(_BRAND_FACILITIES))}) "
                          r"(?:chain|group|company|brand|operator|empire|giant)\b")
#: "the village of Wasilla", "her hometown of Wasilla", "the district of Exarchia", "downtown Palmer", "Residents of
#: Derna": a town follows.
_TOWN_BEFORE = re.compile(r"(?:(?:[Tt]owns?|[Cc]ity|[Cc]ities|[Vv]illages?|[Hh]ometown|[Ss]uburb|[Bb]orough|[Tt]ownship|[Pp]rovince|"
                          r"[Dd]istricts?|[Nn]eighbou?rhoods?|[Rr]egion|[Mm]unicipality|[Ii]slands?|[Aa]rea|[Cc]ommunity|[Hh]amlet|"
                          r"[Pp]eople|[Rr]esidents|[Cc]itizens|[Ii]nhabitants|"  # ("Residents of Derna" opening a sentence)
                          r"[Oo]utskirts|[Ss]uburbs|(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:east|west)?) of|"
                          r"[Dd]owntown) $")
#: A name one gives oneself: "He called himself Turkmenbashi", "proclaimed herself Empress".
_CALLED_ONESELF = re.compile(r"\b(?:call|name|dub|style|proclaim|declare|crown|rename)(?:s|d|ed|bed|ing)? (?:him|her)self $")
#: A person's other name: "Saparmurat Niyazov, also known as Turkmenbashi", "Mohamed Hamdan Dagalo, known as Hemedti".
_KNOWN_AS = re.compile(r"([\w'’.-]+),? (?:also |better |widely |popularly )?(?:known as|nicknamed|dubbed) $")
#: A nation's people after its adjective, capitalised for emphasis: "the American People" (no company's name).
_PEOPLE_WORDS = frozenset({"people", "peoples", "public", "nation", "voters", "citizens", "taxpayers"})
#: An age in apposition, then "of": "Luann Johnson, 66, of Burnsville" (a hometown follows).
_AGE_OF = re.compile(r", \d{1,3}, of $")
_AGED_NAME_OF = re.compile(r"\d-year-old (?:[A-Z][\w'’.-]* ){1,3}of $")  # "23-year-old Vishwanand Subryan of X"
#: Places of a kind named in a list: "the villages Kavouhi and Zinabieh", "the villages were identified as
#: Gabardin, Tonban ...", "hardest-hit towns were X and Y", "ports like Eyl and Hobyo" (the list's first name).
_LISTED_KINDS = ("villages", "towns", "cities", "hamlets", "districts", "provinces", "ports", "islands", "communities",
                 "neighbourhoods", "neighborhoods", "suburbs")
_LISTED_CUES = ("include", "included", "including", "such as", "like", "named", "called", "identified as")
_PLACES_LISTED = re.compile(rf"(?<![\w-])(?:{'|'.join(_LISTED_KINDS)})(?: (?:were|are))?(?: (?:{'|'.join(_LISTED_CUES)}))?:? $")
#: Titles of a place's own officers, after its name: "Qeshm Gov. Heidar Alishvandi", "Palmer Mayor Jane Doe" (not
#: "governor", a central bank's too: "Fed Governor Kevin Warsh").
_TERRITORIAL_TITLES = frozenset({"gov", "mayor", "sheriff", "councilman", "councilwoman", "alderman", "premier"})
#: ... and after its possessive, in lower case too: "Qeshm's governor, Heidar Alishvandi" (not "premier", an
#: adjective too: "Microsoft's premier product").
_TERRITORIAL_AFTER = re.compile(r"(?:[Gg]overnor|[Mm]ayor|[Ss]heriff|Premier)\b")
#: The last words `_PLACES_LISTED` may end with (the word before the name, asked first).
_LISTED_LAST = frozenset(_LISTED_KINDS + ("were", "are") + tuple(cue.split()[-1] for cue in _LISTED_CUES))
#: "Avdiivka, a town in the Donetsk region", "Qeshm is the biggest island in the Gulf": a place described as one.
_PLACE_APPOSITION = re.compile(r"(?:,| is| was) (?:a|an|the) (?:small |large |tiny |nearby |coastal |remote |border |port |"
                               r"biggest |largest |main |second-largest )?"
                               r"(?:town|city|village|suburb|district|region|province|port|island|hamlet|county)"
                               r" (?:in|of|on|near|north|south|east|west|outside)\b"
                               # "Wasilla, Mrs Palin's home town, is ...", "Gori, his birthplace,"
                               r"|, (?:his|her|their|(?:[A-Z][\w.]* ){0,2}[A-Z][\w]*['’]s) "
                               r"(?:home ?town|birthplace|native (?:town|city|village))\b")
#: Up to three lower-case words after a name ("a Staunton ice cream store").
_LOWER_AFTER = re.compile(r"(?:['’]s)?(?: [a-z]+){1,3}")
#: "117th Street", "5th Avenue": an ordinal before a street's head word names the street.
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,-])\d+(?:st|nd|rd|th) $")
class _Lazy:
    """A pattern compiled at its first use, not at import: the route and name frames below are asked on rare paths,
    and compiling them took ~8 ms of every process that imports the module."""

    __slots__ = ("args", "compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.args = (pattern, flags)
        self.compiled: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        compiled = self.compiled
        if compiled is None:
            compiled = self.compiled = re.compile(*self.args)
        return compiled


_STREET_HEADS = frozenset({"street", "avenue", "road", "boulevard", "st.", "ave.", "rd.", "ave", "rd", "blvd", "blvd.",
                           "streets", "avenues", "roads", "point"})  # "at 11th and Poplar Streets", "of College Point"
#: Words before a route's end or stop ("ferries between Dover and Calais", "traffic through Dover", "ferries left
#: Dover"): a town the gazetteer knows is a place after them (alone such a name is as often a firm's).
_TOWN_ROUTE_WORDS = frozenset({"between", "through", "via", "past", "left", "leaving", "leaves", "reached", "reaching",
                               "departed", "departing"})
#: The same frames for a name no list knows, which must follow a word of transport (`_ROUTE_BEFORE`).
_ROUTE_PREPS = frozenset({"between", "from", "through", "via", "and", "to"})
_ROUTE_BEFORE = _Lazy(r"\b(?:ferry|ferries|trains?|bus|buses|flights?|roads?|highways?|motorways?|railways?|"
                           r"routes?|rerouted|routed|diverted|detoured|(?<!web )(?<!online )(?<!internet )traffic|trucks|"
                           r"lorries|convoys?|crossings?|sailings?|tunnels?|pipelines?)"
                           r"(?: (?!(?:booked|bought|paid|sold|ordered|funded|raised|searched|switched|moved)\b)"
                           r"[\w'’-]+){0,3} $", re.IGNORECASE)
#: A service that runs to or from a place, right before "to" or "from" ("trains to Bayport", "the ferry from Bayport").
_SERVICE_TO = _Lazy(r"\b(?:ferry|ferries|trains?|bus|buses|flights?|roads?|highways?|motorways?|railways?|"
                         r"sailings?|crossings?|convoys?) $", re.IGNORECASE)
#: A deal in a vehicle ("sold its buses to Stagecoach", "bought two ferries from Stena"): the name is a firm's.
_HANDED_OVER = _Lazy(r"\b(?:sold|sells|sell|selling|bought|buys|buy|buying|leased|leases|lease|rented|rents|"
                          r"ordered|orders|gave|gives|handed|transferred|donated|lent|loaned|supplied|delivered|"
                          r"switched|moved)(?: [\w'’-]+){0,3} $", re.IGNORECASE)
#: Two sides "between" which something is played or agreed: "the match between Reading and Derby", "talks between
#: Dover and the union" name clubs and firms, not a route's ends.
_CONTEST_BETWEEN = _Lazy(r"\b(?:match|matches|game|games|tie|clash|final|derby|fixture|talks|deal|merger|dispute|"
                              r"partnership|agreement|contest|fight|bout|rivalry|battle|war|race)(?: [\w'’-]+){0,2} "
                              r"between $", re.IGNORECASE)
#: The first end of a route "between X and" before its second ("ferries between Dover and Calais").
_BETWEEN_AND = _Lazy(r"\b(?:between ([A-Z][\w'’-]*) and|from ([A-Z][\w'’-]*) to) $")
#: After a given name and a place's head word ("Jon Park", "Sara Lake"): a person speaking, meeting or of a body (a
#: park or a lake neither speaks nor sits on a council).
_SPEAKS_AFTER = _Lazy(r",? (?:said|says|told|added|explained|wrote|who|whose|warned|confirmed|denied|announced|"
                           r"insisted|argued|(?:had |has )?(?:met|spoke|visited(?! by)))\b|,? of the [A-Z]")
#: Words that open a place's name when no organisation word follows ("Cape Cod", "Mount Everest").
_PLACE_PREFIXES = frozenset({"Cape", "Mount", "Mt.", "Lake", "Fort", "Port", "Isle"})
#: Words before a smaller town that make it one ("in Bloomington", "near Baytown").
_TOWN_PREPS = frozenset({"in", "near", "outside", "across", "around"})
#: Generation suffixes that end a person's name ("Martin Luther King Jr.", "John Smith III").
_GENERATIONS = frozenset({"Jr", "Sr", "Jnr", "Snr", "II", "III", "IV"})
#: Kinds of vessel: before a name they make it a vessel's ("the tanker Sirius Star", "Naval Ship Sukanya").
_VESSELS = frozenset({"warship", "ship", "vessel", "frigate", "destroyer", "tanker", "freighter", "submarine",
                      "trawler", "supertanker", "dhow", "skiff", "yacht", "ferry", "cruiser", "tugboat"})
#: Ship prefixes: "INS Sukanya", "USS Cole" name a vessel, not a person or organisation.
_SHIP_PREFIXES = frozenset({"USS", "HMS", "INS", "HMAS", "HMCS", "RMS", "USNS", "MV", "MS", "SS"})
#: A vessel named in apposition: "the pirate dhow, Salahaddin," (the name closed by a comma too).
_VESSEL_COMMA = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_VESSELS)) + "), $")
#: ... and what follows that name: a clause about the vessel, not another apposition ("the ship, Hamas,
#: the militant group, said": a speaker).
_VESSEL_CLAUSE = re.compile(r", (?:which|that|was|had|has|carrying|flying|loaded|owned|registered|with)\b")
#: A product class right before a name: "web browser Safari", "operating system Mac OS X".
_CLASS = (r"(?:browser|app|software|smartphone|handset|tablet|laptop|"
          r"notebook|console|processor|chip|operating system|"
          # "the warship Sukanya", "the tanker Sirius Star", "a dhow called Salahaddin" (the kinds of vessel once:
          # each branch is tried at every character of the window)
          r"(?:" + "|".join(sorted(_VESSELS)) + r")(?:,? (?:called|named|dubbed))?|"
          # works: "the film Twilight", "the sequel, Catching Fire", "Reid has starred in American Pie"
          r"film|movie|flick|novel|sitcom|series|miniseries|documentary|thriller|album|song|"
          r"musical|(?:sequel|prequel),?|"
          r"(?:starred|stars|starring|starring role|cameo) in(?: the)?|"
          r"(?:craft|boat),? (?:called|named|dubbed))")  # "a craft called Salahaddin"
#: A lower-camel brand (`_BRAND`) or a product class (`_CLASS`) right before a name: one pattern, so
#: one scan of the window before the name, not two (the rules ask only whether either is there).
_AFTER_BRAND_OR_CLASS = re.compile(r"(?<![\w-])(?:" + _BRAND + "|" + _CLASS + ") $")


def _strings(seq) -> set[str]:
    """Every string a parsed pattern (`_sre.parse`) with no repeat but "?" and no class but of letters matches."""
    strings = {""}
    for op, av in seq:
        if op is _sre.LITERAL or op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
            choices = {chr(c) for c in ([av] if op is _sre.LITERAL else [a for _, a in av])}
        elif op is _sre.SUBPATTERN:
            choices = _strings(av[-1])
        elif op is _sre.BRANCH:
            choices = set().union(*(_strings(alt) for alt in av[1]))
        elif op is _sre.MAX_REPEAT and av[1] == 1:
            choices = _strings(av[2]) | ({""} if av[0] == 0 else set())
        else:
            raise ValueError(f"no finite strings read for {op}")
        strings = {string + choice for string in strings for choice in choices}
    return strings


def _last_words(strings: set[str]) -> tuple[str, ...]:
    """The words the strings end with, but those ending another ("miniseries" ends with "series")."""
    last = {string.rsplit(" ", 1)[-1] for string in strings}
    return tuple(sorted(w for w in last if not any(o != w and w.endswith(o) for o in last)))


_CLASS_STRINGS = _strings(_sre.parse(_CLASS))
#: How a product class before a name ends ("operating system": "system"; "the sequel, Catching Fire"), read off
#: `_CLASS`: the last words of its matches, but those of matches with "star" or "cameo" ...
_CLASS_LAST = _last_words({s for s in _CLASS_STRINGS if "star" not in s and "cameo" not in s})
#: ... which end with these ("starred in the"): `_brand_or_class_before` searches after one only where "star" or
#: "cameo" is in the window.
_STAR_LAST = _last_words({s for s in _CLASS_STRINGS if "star" in s or "cameo" in s})


def _brand_or_class_before(text: str, start: int) -> bool:
    """Is there a match of `_AFTER_BRAND_OR_CLASS.search(text, max(0, start - 24), start)`? Searched only where the
    word before the space before the name may end one: a word with a capital or with no letter (a lower-camel brand, a
    quotation mark after one), one `_CLASS_LAST` ends, or "in"/"the" in a window with "star" or "cameo" in it. Most
    names follow a common word ("the", "in", "said"): no search, which tries every branch at every character."""
    lo = max(0, start - 24)
    j = start - 1  # where the space a match ends with is (`$` also matches before a line break that ends the window)
    if j > lo and text[j] == "\n":
        j -= 1
    if j <= lo or text[j] != " ":
        return False
    last = text[text.rfind(" ", lo, j) + 1 or lo:j]
    if last.islower() and not last.endswith(_CLASS_LAST) and not (
            last.endswith(_STAR_LAST) and (text.find("star", lo, j) >= 0 or text.find("cameo", lo, j) >= 0)):
        return False
    return _AFTER_BRAND_OR_CLASS.search(text, lo, start) is not None
_POSSESSED = re.compile(r"['’]s? (\w+)")
#: A word in lower case, whole (not the tail of "Al-qaeda" or "iPod"). The look-behind sits after the first
#: letter (checking the character before it): a pattern that opens with a letter class lets the
#: regex engine skip the other characters in C, a fifth faster than opening with the look-behind.
_LOWER_WORD = re.compile(r"[a-z](?<![\w-].)[a-z]*(?![\w-])")


class _LowerWords:
    """The words an article writes in lower case (`_LOWER_WORD`'s matches), as a set that is asked a dozen
    words a document: each is looked for in the text when first asked (`str.find`, then `_LOWER_WORD` at
    the place found), which is much cheaper than collecting the article's hundreds of lower-case words
    first. A match at a place is the word of `_LOWER_WORD.findall` that starts there (the look-behind reads
    the text before it), so the word is one of them exactly when it is the match at one of its places.
    (A headline's words ask for the forms of their stems the same way: `_stem_written`.)"""

    __slots__ = ("text", "known")

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        known = self.known.get(word)
        if known is None:
            known = self.known[word] = self._written(word)
        return known

    def _written(self, word: str) -> bool:
        text, size = self.text, len(word)
        at = text.find(word)
        while at >= 0:
            m = _LOWER_WORD.match(text, at)
            if m is not None and m.end() == at + size:
                return True
            at = text.find(word, at + 1)
        return False
_NEXT_WORD = re.compile(r"[ ,]{0,2}(\w+)")
_OPENERS = " \t\"'“”‘’`([{—–-*•"
#: What may stand before the space before a word that opens a sentence (`_cap_runs`): an opener, a line break or a
#: sentence's end. Any other character there (a letter, a digit, a comma) leaves the word inside its sentence.
_NOT_MID_SENTENCE = frozenset(_OPENERS + "\n" + _SENTENCE_END)
#: An opening quotation mark: after a comma or colon it opens a quoted sentence ("screaming, ‘Stop!").
_QUOTE_OPENS = frozenset("\"“‘`'")
#: ... the same with a space before it, standing apart from the word after it too ('saying, " Stop me')
_SPACED_QUOTE_OPENS = frozenset(" " + q for q in _QUOTE_OPENS)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,6}s?$")
#: A town before its state or country: "Rancho Mirage, Calif.", "Palmer, Alaska".
_AFTER_TOWN = re.compile(r",\s*([A-Z][\w.]*(?: [A-Z][a-z]+)?)(?!['’]s)(?!\w|\.\w)")
#: An age in apposition marks a person: "Tara Reid, 33, who ...", "Smith, aged 41,".
_AGE_AFTER = re.compile(r"(?:['’]s)?, (?:aged )?\d{1,2},")
_AGE_OPENERS = frozenset(",'’")  # what `_AGE_AFTER` opens with


def _age_after(text: str, end: int) -> bool:
    """`_AGE_AFTER` matches at `end`: asked only after a comma or an apostrophe, which it opens with."""
    return text[end:end + 1] in _AGE_OPENERS and _AGE_AFTER.match(text, end) is not None


#: "Klitschko said he", "Lohan told reporters she": a person speaking of himself or herself.
_SAID_HE = re.compile(r" (?:said|says|told|added|explained|insisted|admitted|claimed|argued|wrote)"
                      r"(?: \w+)?,? (?:he|she)\b")
#: A name between quotation marks, and nothing else, is a title of a work ("American Pie").
_OPEN_QUOTES = ("\"", "“", "``", "‘")
_CLOSE_QUOTE = re.compile(r"[,.!?]?\s?(?:\"|”|''|’(?!s))")
#: A title of a work in quotation marks, in Title Case with its small words ("The Boy from Oz", “About a
#: Boy”, 'The Golden Compass', “Most Likely to Succeed”): the words before a capitalised run inside it,
#: back to the opening quote, and those after it, up to the closing one. Single quotes only where no word
#: runs into them (not "the Sixers' front office").
_TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "from", "to", "in", "on", "for", "with", "at", "by",
                                "about", "into", "is", "are", "my", "your", "our", "his", "her", "its", "their", "no",
                                "not", "up", "out", "down", "over", "under", "off", "as", "&"})
_TITLE_SMALL = "(?:" + "|".join(sorted(_TITLE_SMALL_WORDS, key=len, reverse=True)) + ")"
_TITLE_WORD = rf"(?:[A-Z][\w'’.&-]*|{_TITLE_SMALL})"
_TITLE_OPEN = re.compile(rf"(?:``|\"|“|‘|(?<![\w'’])')\s?((?:[A-Z][\w'’.&-]* (?:{_TITLE_WORD} )*)?)$")
_TITLE_CLOSE = re.compile(rf"((?: {_TITLE_WORD})*)[,.!?]?\s?(?:''|\"|”|’(?!\w)|'(?!\w))")
_LEADING_ARTICLE = re.compile(r"(?:The|A|An) ")
#: The title words `_TITLE_CLOSE` reads before its closing mark, alone: where a chain of them leads.
_TITLE_CHAIN = re.compile(rf"(?: {_TITLE_WORD})*")
#: The marks `_TITLE_CLOSE` closes a title on.
_QUOTE_MARK = re.compile("[\"”’']")
#: A speaker after a quotation: what was quoted was said, no title ("..., he said", "..., said Smith").
_SPEECH_AFTER = re.compile(r" (?:(?:he|she|they|we|I|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?) )?"
                           r"(?:said|says|told|added|asked|wrote|shouted|chanted)\b")


#: What `_TITLE_CLOSE`'s closing quotation mark opens with, and the marks a title may end with before it.
_CLOSING_QUOTES = frozenset("'\"”’")
_TITLE_END_MARKS = frozenset(",.!?")


def _no_title_after(text: str, end: int) -> bool:
    """Is there surely no quoted title a capitalised run ending at `end` stands in (`_quoted_title` is None)? Where a
    lower-case word no title holds follows ("He said"), and where `_TITLE_CLOSE` cannot match: neither a space before
    a title's word or a quotation mark, nor a closing mark (not "Iran's"), nor ",.!?" or a space before one follows
    ("Paris, where", "Paris (AP)")."""
    first = text[end:end + 1]
    if first == " ":
        second = text[end + 1:end + 2]
        if second.islower():
            return text[end + 1:end + 8].split(" ", 1)[0] not in _TITLE_SMALL_WORDS
        return not ("A" <= second <= "Z" or second == "&" or second in _CLOSING_QUOTES)
    if first in _CLOSING_QUOTES:  # ("''", or a mark no word runs into)
        second = text[end + 1:end + 2]
        return first in "'’" and (second.isalnum() or second == "_")
    if first in _TITLE_END_MARKS:
        after = text[end + 1:end + 2]
        return not (after in _CLOSING_QUOTES or after.isspace() and text[end + 2:end + 3] in _CLOSING_QUOTES)
    return not (first.isspace() and text[end + 1:end + 2] in _CLOSING_QUOTES)


def _title_words_lead(text: str, at: int, start: int, end: int) -> bool:
    """Do title words lead from `at` to `end`, the end of a run from `start` (`_TITLE_CHAIN`)? The word before the
    run is asked first (most runs: a lower-case word no title holds), without the pattern's 36 small words tried."""
    if start - 1 > at:
        space = text.rfind(" ", at, start - 1)
        if space < 0 or text[start - 1] != " ":
            return False
        word = text[space + 1:start - 1]
        if not (word[:1].isupper() or word in _TITLE_SMALL_WORDS):
            return False
    return _TITLE_CHAIN.match(text, at, end).end() == end


def _title_words_reach(text: str, end: int, failed: int) -> bool:
    """Do title words with no quotation mark among them lead from `end` to a space at `failed`, where `_TITLE_CLOSE`
    found no closing mark? Then it finds none from `end` either: a way on from `end` that closes before `failed`
    closes on a mark between, one that closes after it passes the space as a word's end (no title word holds a
    space) and goes on as a way from there, and one that closes at it has its last marks match from there too."""
    return text[failed:failed + 1] == " " and _TITLE_CHAIN.match(text, end, failed).end() == failed \
        and _QUOTE_MARK.search(text, end, failed) is None


def _quoted_title(text: str, start: int, end: int, unclosed: list[int] | None = None) -> str | None:
    """The quoted title of a work a capitalised run stands in, when the run is only part of it ("Boy"
    in ``The Boy from Oz.'') or the title is in single quotes ('The Golden Compass'); without a
    leading "The". None elsewhere.

    `unclosed` (the caller's for one text) holds where `_TITLE_CLOSE` last found no closing mark. From a space
    that title words lead to from there it finds none either (its ways on are ways on from there), so it is not
    asked again: "Smith Thursday Smith Thursday ..." made every run read the rest of the text (n^2); the title
    words between are read once. Nor from a run's end before it that title words with no quotation mark lead from
    to it (`_title_words_reach`): a run cut a few words at a time from its end ("Air Show for Air Show for ...")
    read the rest of its run each time. Nor from that place itself: the levels of a run cut from its start ("The
    Chief The Chief ...", in `_Doc._RUN_WINDOW` windows) all end where it does, and read on past it each time."""
    if _no_title_after(text, end):
        return None  # (most runs: a lower-case word no title holds, or no closing mark, follows; no regex asked)
    if unclosed is not None and (
            unclosed[0] <= end and text[end:end + 1] == " " and _title_words_lead(text, unclosed[0], start, end)
            or end < unclosed[0] and _title_words_reach(text, end, unclosed[0])):  # (the space: only a cheap test)
        unclosed[0] = end
        return None
    closed = _TITLE_CLOSE.match(text, end)  # (anchored: the cheaper test first)
    if closed is None:
        if unclosed is not None:
            unclosed[0] = end
        return None
    opened = _TITLE_OPEN.search(text, max(0, start - 60), start)
    if opened is None or not (opened.group(1) or closed.group(1) or text[opened.start()] == "'"):
        return None
    title = text[opened.start(1):closed.end(1)]
    if title.count(" ") < 1 and text[opened.start()] != "'" or _SPEECH_AFTER.match(text, closed.end()):
        return None  # ("“Obama in Paris,” he said": words quoted from someone)
    article = _LEADING_ARTICLE.match(title)
    return title[article.end():] if article else title


#: Features named "<head> of <name>": "Gulf of Aden", "Strait of Hormuz", "Isle of Man".
_GEO_OF = frozenset({"gulf", "bay", "sea", "strait", "straits", "isle", "cape", "horn", "lake", "island",
                     "islands", "mouth"})
#: Roman numerals that end an event's name ("World War II").
_ROMAN = frozenset({"I", "II", "III", "IV", "V"})
#: "the Indian Navy on Saturday": after "of", "for" or "on" a month or weekday is a date, not more of the name.
_DATE_WORDS = WEEKDAY_NAMES | MONTH_NAMES
#: Organisation words that "for the" and the organisation's aim go on from: "Institute for the Study of War", "Office
#: for the Coordination of Humanitarian Affairs", "Foundation for the Defense of Democracies" ...
_FOR_THE_HEADS = frozenset({"institute", "foundation", "association", "office", "society", "center", "centre",
                            "centers", "committee", "commission", "council", "service", "fund", "alliance", "coalition",
                            "league", "agency", "federation", "organisation", "organization", "union", "trust",
                            "network", "campaign", "ministry", "department", "authority", "bureau", "academy",
                            "secretariat", "movement"})
#: ... an aim: a noun made from a verb ("Study", "Defense", "Advancement", "Protection"), not a name ("the Foreign
#: Office for the United Nations": another organisation after "for the" is none of its name)
_FOR_THE_AIMS = ("tion", "sion", "ment", "ance", "ence", "Study", "Defense", "Defence", "Welfare", "Arts")


def _an_aim(word: str, c: Cues) -> bool:
    """Is `word`, after an organisation's word and "for the", its aim (`_FOR_THE_AIMS`) and no organisation's own
    word: "the State Department for the Organization of American States", "the Senate Committee for the Department
    of Veterans Affairs" are two organisations (RV28-E #3), as "the Foreign Office for the United Nations"."""
    return word.endswith(_FOR_THE_AIMS) and word.lower() not in c.org_heads and word.lower() not in _FOR_THE_HEADS


#: Words that make a named day of a weekday ("Black Monday", "Super Tuesday", "Good Friday").
_DAY_NAMERS = frozenset({"Black", "Super", "Cyber", "Good", "Ash", "Holy", "Easter", "Bloody",
                         "Blue", "Giving", "Shrove", "Palm", "Maundy", "Whit", "Fat", "Plough"})
#: An age right before a name: "16-year-old Kimani Gray", "a 33-year-old Tara Reid".
_AGE_BEFORE = re.compile(r"\d+-year-old $")
#: "shares of Toyota", "shares in BP": what has shares is a company ...
_SHARES_OF = re.compile(r"[Ss]hares (?:of|in) $")
#: ... but "shares in London" (a capital, or a city with a stock exchange that is none) are those traded there.
_MARKET_CITIES = frozenset({"Frankfurt", "Shanghai", "Shenzhen", "Mumbai", "Bombay", "Sydney", "Melbourne", "Toronto",
                            "Zurich", "Milan", "Johannesburg", "Istanbul", "Chicago", "Osaka", "Karachi", "Lagos"})
#: A journey's end or start: "flew to Davos", "launched the probe from Sriharikota", "fighters
#: deployed to Sinjar" ("sent a letter to Microsoft" is no journey: no "sent").
_MOTION_PREPS = frozenset({"to", "from", "into", "toward", "towards"})
_MOTION_TO = re.compile(r"\b(?:flew|fly|flies|flying|flight|flights|travell?ed|travell?ing|travels|returned|returning|"
                        r"fled|fleeing|headed|heading|arrived|sailed|drove|marched|evacuated|retreated|deployed|"
                        r"dispatched|launched|moved troops|trip|journey|journeyed)(?: [\w-]+){0,3} "
                        r"(?:to|from|into|towards?) $")
_LOCATIVE_PREPS = _TOWN_PREPS | _MOTION_PREPS
#: The other end of a journey "from X to Y": "evacuating the injured from Qeshm to Bandar Abbas".
_TO_NAME = re.compile(r" to ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})")
#: A possessive in tokenised text: "Stephenie Meyer 's series", "Dale Stevens ' comic".
_SPACED_POSSESSIVE = (" 's ", " ' ", " ’s ", " ’ ")
#: What may follow the last place of a list: "in Kurram, Orakzai and Bajaur." / "... and Bajaur on Monday";
#: a verb only after a list of towns ("the villages of Zainabieh and Koohi were"): after a place it as often
#: starts a clause about someone ("held in Brussels and Rutte was there").
_LIST_END = re.compile(r"(?:[,.;:)]|$| (?:on|in|at|and|or|last|this|after|before|since|until|during|where|which|"
                       r"(?P<verb>has|have|had|is|are|was|were))\b)")
#: Prepositions before a place: a city named like a company stays a place after them.
_PLACE_PREPS = _TOWN_PREPS | {"from", "to", "at", "of", "into", "via"}
#: What joins a product to the next one named ("iPod Classic, Nano and Shuffle", "the Volt and the Leaf").
_PRODUCT_LINKS = (", ", " and ", ", and ", " or ", ", or ", " and the ", " or the ")
#: A plural before a list's cue, right before a name: "models including the Camry", "cars such as the Prius".
_LISTED_AS = re.compile(r"(?<![\w-])([A-Za-z]+) (?:including|such as|like)(?: the)? $")
_LIST_CUE_ENDS = (" including ", " such as ", " like ", " including the ", " such as the ", " like the ")
_STAFF_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+) at $")
#: Auxiliaries and common finite verbs that show the word before them is a subject.
_AUXILIARIES = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "has",
                          "had", "is", "was", "plans", "wants", "expects", "agreed", "reported"})
#: Common irregular past tenses: "Netflix lost", "Sony cut" (regular ones end in -ed).
_IRREGULAR_PAST = frozenset({"lost", "won", "cut", "made", "sold", "bought", "paid", "built", "hit", "fell", "rose",
                             "took", "gave", "began", "became", "got", "kept", "left", "led", "met", "ran", "saw",
                             "sent", "set", "spent", "told", "wrote", "brought", "struck", "shut", "put", "held",
                             "swung", "grew", "drew", "threw", "chose", "broke", "quit", "beat", "bid", "sank",
                             "overtook", "undercut", "outsold", "withdrew", "forecast", "upheld", "overcame", "sought",
                             "fought", "taught", "caught", "thought", "found", "felt", "meant", "dealt", "lent", "shed",
                             "spread", "split", "slid", "stood", "understood", "hid", "fled", "froze", "stole",
                             "spoke", "woke", "rode", "drove", "strove", "shook", "forbade", "forgave", "foresaw",
                             "knew", "flew", "blew", "tore", "wore", "swore", "bore", "sped"})
#: A lower-case word (hyphens kept) after a name: "Microsoft co-founder", "Tesla chief".
_NEXT_TITLE = re.compile(r" ([a-z]+(?:-[a-z]+)*)\b")
_ADVERB_ENDINGS = ("ingly", "edly", "ably", "ibly", "ally", "ously", "fully", "ively")  # "Unsurprisingly, ..."
_INTERJECTIONS = frozenset({"oh", "ah", "wow", "whoa", "ouch", "alas", "hey"})  # before "," or "!": no name
#: What stands before a cry: nothing, a sentence's or clause's end, an opening quote or bracket, a dash, a colon
#: ("went to Oh, a nurse" is the surname).
_CRY_BEFORE = frozenset(("", ".", "!", "?", "“", "‘", '"', "'", "(", "—", ":"))
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "recalled", "explained", "wrote"})
#: Title words that are surnames too ("Tishana King", "Ron Bishop"); not chief, president, mayor or sheriff, which
#: follow a firm or a town ("Verizon Chief said", "the Tonawanda Sheriff said").
_SURNAME_TITLES = frozenset({"king", "bishop", "marshal", "major", "judge", "knight", "prince", "pope", "earl"})
#: A verb of saying and the speaker taken up as he or she ("Tishana King says she saw").
_SAYS_HE_OR_SHE = re.compile(rf" (?:{'|'.join(sorted(_SPEECH_VERBS))})(?: that)? (?:he|she)\b")
_PERSON_VERBS = frozenset({"said", "says", "told", "added", "noted", "wrote", "explained",
                           "stated", "argued", "asked", "replied", "warned", "insisted",
                           "who", "whose"})
#: A body a name is of, then a verb of speaking: "Olu Adeyemi of the Harbour Authority said", ", who".
_OF_THE_SPEAKER = _Lazy(r",? of the [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,4},? (?:said|says|told|added|noted|wrote|"
                             r"explained|stated|argued|warned|insisted|confirmed|denied|announced|who)\b")


@dataclass(slots=True, init=False)
class Token:
    start: int
    end: int
    word: str
    cap: bool
    initial: bool  # first word of a sentence or paragraph
    possessive: bool  # "Iran's": the name ends here
    modifier: bool  # "US-brokered": an adjective; at most its place part is a name
    stop: bool  # "Israel-Iran": each part is a name of its own
    #: `word.lower()`, which the rules ask for hundreds of thousands of times: lowered once
    low: str = field(repr=False, compare=False)

    def __init__(self, start: int, end: int, word: str, cap: bool, initial: bool, possessive: bool = False,
                 modifier: bool = False, stop: bool = False) -> None:
        # written out: a generated __init__ plus __post_init__ is two calls for each capitalised word
        self.start, self.end, self.word, self.cap, self.initial = start, end, word, cap, initial
        self.possessive, self.modifier, self.stop, self.low = possessive, modifier, stop, word.lower()


#: How many words after "and" `_split_plain` reads: its rules ask for at most four (the next "and" ends them), so
#: five answer as any more; `_and_in_field` asks for at most two and `_place_with_and` three words of the run after
#: it, so three answer as the rest of the run. A long run of names joined by "and" is read once, not once an "and".
_AND_READ = 5
_AND_RUN_READ = 3


@dataclass(slots=True)
class Piece:
    """A candidate entity: a span of capitalised tokens and what the rules made of it."""

    start: int
    end: int
    text: str
    words: list[str]
    kind: str | None = None
    strong: bool = False  # typed by a title, an organisation word or the gazetteer
    name: str | None = None
    initial: bool = False
    prev_word: str = ""
    next_word: str = ""
    #: A lone title or organisation word ("King", "Academy"): a name only as the short form
    #: of one the article names in full, else dropped
    short: bool = False


_LINE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _title_case_commons(text: str, c: Cues, lower_vocab: _LowerWords, places: dict[str, str],
                        demonyms: dict[str, str]) -> frozenset[int]:
    """Where capitalised words of Title Case lines ("Lindsay Lohan Checks Into Betty Ford
    Rehab", a headline) are common words: function words, and words the article writes in
    lower case elsewhere (or another form of them: "Checks" for "checked"). Their offsets,
    so that they break names as lower-case words would."""
    found: list[int] = []
    english: frozenset[str] | None = None
    # (`_named_in_text`'s places of each word, and `_stem_written`'s answer for each stem, kept for this text: the
    # same word in each of n headlines read the whole text each time, n^2)
    written: dict[str, tuple[int, int] | None] = {}
    stems: dict[str, bool] = {}

    def stem_written(lower: str) -> bool:
        stem = _stem(lower)
        known = stems.get(stem)
        if known is None:
            known = stems[stem] = _stem_written(stem, lower_vocab)
        return known

    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        capitalised = _headline_words(line, c)
        if capitalised is None:
            continue
        if english is None:
            english = english_words()[0]
        # where the last word kept as a name ended: the line's first word counts as one only
        # before a word that is no English word ("Arcade Joseph Comeaux Jr"), and is as common
        # as the rest otherwise ("Flames Engulf Warehouse", "Story Created")
        name_end = -1 if len(capitalised) > 1 and capitalised[1].start() == capitalised[0].end() + 1 \
            and capitalised[1].group().lower() not in english else -2
        after_place = False
        for m in capitalised:
            lower = m.group().lower()
            if lower in c.common or lower in c.headline_words or lower in lower_vocab or stem_written(lower) \
                    or lower in english and (name_end != m.start() - 1 or after_place and lower not in c.org_heads
                                             and lower not in c.place_heads) \
                    and not _named_in_text(m.group(), text, line_start, line_start + len(line), written):
                # an English word is a common word too ("Rescuers Find Shelter"), but not right
                # after a name, where it is the name's head ("Betty Ford Clinic", "Maurice Cheeks");
                # after a place only an organisation's or a place's head ("U.S. Marshals"; not "Texas Lifer")
                found.append(line_start + m.start())
            else:
                name_end = m.end()
                after_place = m.group() in places or m.group() in demonyms
    return frozenset(found)


#: Capitalised words with at most one lower-case word between any two ("US Denies Role in
#: Strike on ..."), five or more.
_TITLE_RUN = re.compile(r"[A-Z][\w'’.&-]*(?: (?:[a-z]{1,7} )?[A-Z][\w'’.&-]*){4,}")
#: The first five words of a `_TITLE_RUN`: a run goes on from them to where the run around them ends.
_TITLE_RUN_FIVE = re.compile(r"[A-Z][\w'’.&-]*(?: (?:[a-z]{1,7} )?[A-Z][\w'’.&-]*){4}")
#: The story's sentence going on after the capitalised words of a run-in heading: "... Washington told".
_STORY_GOES_ON = re.compile(r"(?:['’]s)? [a-z]")
#: A capitalised determiner inside a heading run opens the story's first sentence ("... in Syria The Pentagon said").
_STORY_OPENERS = frozenset({"The", "A", "An"})


def _run_in_heading_commons(text: str, starts: list[int], c: Cues, lower_vocab: _LowerWords, places: dict[str, str],
                            demonyms: dict[str, str]) -> list[int]:
    """Where the common words of a Title Case heading run into the sentence after it on one
    line are ("US Denies Role in Strike on Damascus Consulate Washington told Tehran ...",
    "Army Chief Meets Saudi Defence Minister Field Marshal Asim Munir called ..."): a saved web
    page loses the break after a subheading. A heading is found by a headline verb between
    capitalised words (see `_heading_verb`), at a sentence start (`starts`: where capitalised
    words open a sentence), in a run of five capitalised words or more, and ends at a capitalised "The" (the story's first word); its English words break names as
    lower-case words would, except words that head or cue a name (organisation and place
    heads, titles), known places, and an English word right after a word that can only be a
    name ("Matanuska Maid"; not "Russian Oil", "Damascus Consulate"). (Page furniture, "Related
    Articles", is left out where the capitalised words are read: `_cap_runs`.)"""
    found: list[int] = []
    keep = c.name_cues
    english: frozenset[str] | None = None
    # Sentences of capitalised words make one run ("St. Louis. St. Louis. ...": a run's words may hold "."), and
    # every sentence start inside it would read the rest of it again. The run from a start inside one already
    # read ends where it ends (the run goes on or stops by the text after each word, wherever it began), so its
    # words are read once (`_TitleChain`), and a start reads the suffix from its own word: the line test is the
    # run's, a verb after the first word is the last verb's index, and the walk over the words stops at a word an
    # earlier walk of the same run went past (it would add the same words again: `found` is read as a set). Past its
    # first word a walk is in the same state as any other there: `name_end` is the word before's end only if that
    # word can only be a name, which the word alone decides.
    chain_start, chain_end, chain = 0, -1, None
    for start in starts:
        if chain_start <= start < chain_end:
            if chain is None or _TITLE_RUN_FIVE.match(text, start) is None:
                continue  # (the run's line test failed, or fewer than five words are left: no run from here)
            at = chain.index.get(start)
            walk = chain
            if at is None:  # (a start inside a word of the run, after "-" or ".": its words are read alone)
                walk, at = _TitleChain(text, start, chain_end, c, keep), 0
        else:
            run = _TITLE_RUN.match(text, start)
            if run is None:
                continue
            chain_start, chain_end, chain = start, run.end(), None
            if not _STORY_GOES_ON.match(text, run.end()):
                line_end = text.find("\n", run.end())
                line = text[text.rfind("\n", 0, run.start()) + 1:line_end if line_end >= 0 else len(text)]
                if line.endswith(".") or _headline_words(line, c) is not None:
                    continue  # a sentence in Title Case, or a headline on its own line (`_title_case_commons`'s)
            walk = chain = _TitleChain(text, start, chain_end, c, keep)
            at = 0
        capitalised = walk.capitalised
        if len(capitalised) - at < 5:
            continue
        if english is None:
            english = english_words()[0]
        if walk.last_verb <= at:  # a subject right before the verb: not "Court of Appeals"
            continue
        name_end = -2  # where the last word that can only be a name ended ("Matanuska Maid Building")
        walked = walk.walked
        for k in range(at, len(capitalised)):
            m = capitalised[k]
            if k > at:
                if k in walked:
                    break  # (an earlier start walked on from here as this one would)
                walked.add(k)
            word = m.group()
            if word in _STORY_OPENERS and k > at:
                found.append(m.start())
                break
            lower = word.lower()
            if lower in c.titles and lower not in c.org_heads:
                # a title cues the name after it ("Field Marshal Asim Munir"), not a verb ("Army Chief Meets")
                after = capitalised[k + 1].group() if k + 1 < len(capitalised) else ""
                if after.lower() in english and after.lower() not in c.titles or not after:
                    found.append(m.start())
                continue
            headline = lower in c.common or lower in c.headline_words
            if headline or lower in lower_vocab or lower in english:
                if lower not in keep and word not in places and word not in c.given_names and (
                        headline or name_end != m.start() - 1):
                    found.append(m.start())
                    continue
                name_end = -2
            else:  # a word that can only be a name heads on ("Matanuska Maid"); a place or an organisation word not
                name_end = m.end() if word not in places and word not in demonyms and lower not in keep else -2
    return found


class _TitleChain:
    """The capitalised words of a Title Case run from `start` to `end` (`_run_in_heading_commons`), read once for
    all the sentence starts inside it: their indexes by start, the index of the last headline verb with its subject
    right before it and a word after it (-1: none), and the indexes its walks went past their first word."""

    __slots__ = ("capitalised", "index", "last_verb", "walked")

    def __init__(self, text: str, start: int, end: int, c: Cues, keep: frozenset[str]) -> None:
        self.capitalised = [m for m in _LINE_WORD.finditer(text, start, end) if m.group()[0].isupper()]
        self.index = {m.start(): k for k, m in enumerate(self.capitalised)}
        cap = self.capitalised
        self.last_verb = next((k for k in range(len(cap) - 2, 0, -1) if text[cap[k - 1].end():cap[k].start()] == " "
                               and _heading_verb(cap[k].group(), cap[k - 1].group(), c, keep)), -1)
        self.walked: set[int] = set()


def _heading_verb(word: str, subject: str, c: Cues, keep: frozenset[str]) -> bool:
    """A headline verb in an inflected form ("US Denies", "Attacks Targeting"), which no name
    is, or in its base form after a plural ("Sanctions Hit", "Jordanians March")."""
    lower = word.lower()
    if lower not in c.headline_words or lower in keep or word in c.given_names:
        return False
    plural = subject.lower()
    return lower.endswith(("s", "ed", "ing")) or len(plural) > 3 and plural.endswith("s") and plural not in keep


def _headline_words(line: str, c: Cues) -> list[re.Match[str]] | None:
    """The capitalised words of a line that is a Title Case headline (a headline capitalises
    all but its function words, and ends in no full stop); None for other lines."""
    if len(line) > 160 or line.count(" ") < 2 or line.rstrip()[-1:] == ".":
        return None
    words = list(_LINE_WORD.finditer(line))
    capitalised = [m for m in words if m.group()[0].isupper()]
    if len(words) < 3 or len(capitalised) < 0.6 * len(words) or any(
            not m.group()[0].isupper() and m.group().lower() not in c.common for m in words):
        return None
    return capitalised


#: What stands before the space before a word written inside a sentence (`_named_in_text`).
_IN_SENTENCE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz,")


def _named_in_text(word: str, text: str, line_start: int, line_end: int,
                   written: dict[str, tuple[int, int] | None] | None = None) -> bool:
    """Is the word written capitalised inside a sentence outside its headline ("the Academy
    picked her", "the Red Sox"): a letter or a comma and a space before it, a word's end at its end
    (`[A-Za-z,] word\\b` before the line or after it, found with `str.find`: a pattern made for each
    word is compiled anew for every new word)?

    `written` (the caller's, for one text) keeps where each word asked is first and last written so anywhere in the
    text (`_written_inside`): the same word in many headlines ("Party" in each of n Title Case lines) read all its
    places for each line (n^2). One is outside the line if the first ends before it or the last starts after it.
    Exact: a place ending before the line ends before the newline that opens it, so the word-end test there reads
    the same character whether it stops at the line or at the text's end."""
    if written is not None:
        span = written[word] if word in written else written.setdefault(word, _written_inside(word, text))
        return span is not None and (span[0] <= line_start or span[1] > line_end)
    needle = " " + word
    size = len(needle)
    at = text.find(needle, 1)
    while at >= 0:
        end = at + size
        if text[at - 1] in _IN_SENTENCE and (end <= line_start or at > line_end):
            # \b at the end (the text read before the line stops at the line)
            bound = line_start if end <= line_start else len(text)
            after = end < bound and (text[end].isalnum() or text[end] == "_")
            if after != (text[end - 1].isalnum() or text[end - 1] == "_"):
                return True
        at = text.find(needle, at + 1)
    return False


def _written_inside(word: str, text: str) -> tuple[int, int] | None:
    """Where the first place `_named_in_text` counts for the word ends and where the last one starts, asked of the
    whole text (the word's end read up to the text's end); None if there is none."""
    needle = " " + word
    size = len(needle)
    first = last = -1
    at = text.find(needle, 1)
    while at >= 0:
        end = at + size
        if text[at - 1] in _IN_SENTENCE:
            after = end < len(text) and (text[end].isalnum() or text[end] == "_")
            if after != (text[end - 1].isalnum() or text[end - 1] == "_"):
                if first < 0:
                    first = end
                last = at
        at = text.find(needle, at + 1)
    return (first, last) if first >= 0 else None


def _one_slip(a: str, b: str) -> bool:
    """Is `a` another word than `b` by one slip of the pen: a letter changed, left out, added, or two next to
    each other swapped ("Kowalsky", "Kowalki", "Kowlaski" for "Kowalski")? A possessive is read off first."""
    if a.endswith(("'s", "’s")):
        a = a[:-2]
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or _swapped(a, b)
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _swapped(a: str, b: str) -> bool:
    """Is `a` the word `b` with two letters next to each other swapped ("Teixiera" for "Teixeira")?"""
    if len(a) != len(b) or a == b:
        return False
    i = 0
    while a[i] == b[i]:
        i += 1
    return a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i + 1:i + 2] + b[i:i + 1]


def _has_digit(word: str) -> bool:
    """Any digit in the word ("A380"); no letter is a digit, so words of letters alone skip the scan."""
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def _stem_written(stem: str, lower_vocab: _LowerWords) -> bool:
    """Does the article write in lower case a word of this stem (`_stem`)? A word's stem is the word or the
    word less one of `_STEM_SUFFIXES`, so the words of a stem are among the stem and the stem plus each
    suffix: asked one by one, not by stemming all of the article's lower-case words (hundreds of them,
    new ones in every article)."""
    if stem not in lower_vocab.text:
        return False  # (every form opens with the stem: one scan where the text never writes it, not five)
    return any(_stem(word) == stem and word in lower_vocab for word in [stem + suffix for suffix in _STEM_FORMS])


#: What `_stem` takes off a word's end, in the order it tries them.
_STEM_SUFFIXES = ("ing", "ed", "es", "s")
#: The endings of the words a stem may come from (`_stem_written`): none, or a suffix.
_STEM_FORMS = ("",) + _STEM_SUFFIXES


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A crude stem that makes "checks", "checked" and "checking" meet."""
    if not word.endswith(("ing", "ed", "s")):
        return word
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[:-len(suffix)]
    return word


def _cap_runs(text: str, c: Cues, places: dict[str, str],
              commons: frozenset[int] = frozenset()) -> tuple[list[Token], list[list[int]]]:
    """Capitalised words (with offsets, dots kept only on abbreviations and initials) and
    the runs they form: words joined by single spaces, with up to two particles between
    them ("Organization of Islamic Cooperation"). Lower-case text is skipped by the regex,
    not by a Python loop, which is what keeps the extractor fast."""
    tokens: list[Token] = []
    runs: list[list[int]] = []
    current: list[int] = []
    prev: Token | None = None
    prev_kept_dot = False
    prev_joins = False  # a word may join the one before: there is one, no possessive, modifier or stop
    furniture_end = -1
    furniture_starts = c.page_furniture_starts
    for m in _cap_pattern(text).finditer(text):
        start, end = m.span()
        if commons and start in commons or start < furniture_end:
            continue  # a common word of a Title Case line, or page furniture
        word = m.group()
        if word in furniture_starts:
            furniture = c.page_furniture.match(text, start)
            if furniture is not None and (not start or not (text[start - 1].isalnum() or text[start - 1] in "_-")):
                furniture_end = furniture.end()  # "Related Articles", "Read More": never part of a name
                continue
        kept_dot = False
        possessive = False
        modifier = False
        parts: list[str] = []
        if not word.isalpha():  # (most words are letters only: no dot, hyphen or apostrophe to read)
            if word.endswith("."):
                core = word[:-1]
                lower = word.lower()
                kept_dot = (
                    "." in core and not core[-1].islower()  # "U.S.", not "People.com." ending a sentence
                    or len(core) == 1
                    or lower in c.titles
                    or lower in c.org_suffixes
                    or lower in _ABBREVIATIONS
                )
                if not kept_dot:
                    word = core
                    end -= 1
            if "-" in word:
                hyphen = _HYPHEN_LOWER.search(word)
                if hyphen and (not _english_tail(word[hyphen.end():]) or _NAME_JOINT.search(word)
                               or _given_name_syllables(word, hyphen.start(), prev, text, start, places)
                               or word[:hyphen.start()].lower() in _PREFIXES and (
                                   prev is not None and text[prev.end:start] in _NAME_GAPS
                                   or _NAME_GOES_ON.match(text, end) is not None)):
                    pass  # "Kim Jong-un", "Li Ka-shing": the part after the hyphen is a name's; "Jamaat-e-Islami",
                    # "Hizb-ul-Mujahideen" join two names; "Economic Co-operation and", "Anti-Corruption
                    # Commission": a prefixed word inside a name ("Shoots Co-workers on" is none)
                elif hyphen:  # "US-brokered", "Iranian-backed": the capitalised part modifies
                    word = word[:hyphen.start()]
                    end = start + len(word)
                    modifier = True
                elif word not in places:
                    parts = word.split("-")
                    if not all(part in places for part in parts):
                        parts = []  # "Rolls-Royce", "Al-Qaeda" are one name; "Israel-Iran" two
            if "'" in word or "’" in word:  # (every case below has an apostrophe)
                contraction = _CONTRACTION.match(word)
                if contraction and word.endswith(("n't", "n’t")):
                    continue  # "Gary Ross Won't Direct", "Jane Smith Can't Win": a verb denied, no name's word
                if contraction:  # "We've", "They're": the pronoun alone (a common word)
                    end -= len(word) - len(contraction.group(1))
                    word = contraction.group(1)
                elif word in _NOT_POSSESSORS or prev is not None and prev.word in ("St.", "St") and \
                        prev.end + 1 == start:  # "People's Republic of China", "St. Peter's Square" are one name
                    pass
                elif len(word) > 2 and word[-2] in "'’" and word[-1] in "sS" and not _org_after(word[:-2], text, end, c, places) \
                        and not (_NAME_WITH_S.match(text, end) and not _is_acronym(word[:-2])) \
                        and not (_SHOP_AFTER.match(text, end) and _SHOP_BEFORE.search(text, max(0, start - 5), start)):
                    word = word[:-2]
                    end -= 2
                    possessive = True
                elif word[-1] in "'’" and not _owners_in_name(word, text, end, c):
                    word = word[:-1]
                    end -= 1
                    possessive = True
                    if word.endswith(".") and not kept_dot and len(word) > 1:
                        word = word[:-1]  # "Pakistan.'": a closing quote after the full stop
                        end -= 1
                        possessive = False
        # Sentence-initial: only openers (quotes, brackets, spaces) between the word and a
        # sentence end, a line break or the start of the text.
        if start > 1 and text[start - 1] == " " and text[start - 2] not in _NOT_MID_SENTENCE:
            initial = False  # (most words: a word or a comma and a space before, none of the marks below; asked first)
        else:
            i = start - 2 if start and text[start - 1] == " " else start - 1  # (a space before: an opener, passed)
            while i >= 0 and text[i] in _OPENERS:
                i -= 1
            if i < 0 or text[i] == "\n":
                initial = True
            elif text[i] in _SENTENCE_END:
                # after an abbreviation's full stop the sentence goes on ("U.S. Army"), unless a word that opens
                # sentences follows ("across the western U.S. They cheered")
                initial = not (text[i] == "." and prev is not None and prev.end == i + 1 and prev_kept_dot) \
                    or word in _SENTENCE_OPENERS
            elif text[i] in ",:" and (text[start - 1] in _QUOTE_OPENS
                                      or text[start - 3:start - 1] in _SPACED_QUOTE_OPENS and text[start - 1] == " "):
                # "he was screaming, ‘Stop!", "she wrote: ``Torches and pitchforks": a quoted sentence opens (the mark
                # sits on the word: '"Things are tense," New York City Councilman ...' has a closing one), or stands
                # apart from both words ('saying, " Stop me': text rejoined from tokens)
                initial = True
            else:
                # "LAGOS, Nigeria — Gunmen kidnapped ...", "NEW YORK (Reuters) - Shares rose": the
                # story opens after a date line's dash, however the outlet types it
                initial = start - i > 2 and any(dash in text[i + 1:start] for dash in ("—", "–", "--", " - ")) and \
                    _DATELINE.match(text, text.rfind("\n", 0, i) + 1, i + 1) is not None
        if parts:
            if current:
                runs.append(current)
                current = []
            pos = start
            for part in parts:
                runs.append([len(tokens)])
                tokens.append(Token(pos, pos + len(part), part, True, initial and pos == start,
                                    stop=True))
                pos += len(part) + 1
            prev = tokens[-1]
            prev_kept_dot = prev_joins = False
            continue
        if word in WEEKDAY_NAMES and prev is not None and (
                prev.end + 1 == start and prev.word not in _DAY_NAMERS or text[prev.end:start] == " on "):
            # "in Vancouver Friday", "sentenced Brian Nichols Saturday": a date after the name
            # ("Black Monday", "Super Tuesday" stay one name); "in the United States of America on Monday": the
            # particle "on" joins no day to a name
            if current:
                runs.append(current)
                current = []
            tokens.append(Token(start, end, word, True, initial, possessive, stop=True))
            prev = tokens[-1]
            prev_kept_dot = prev_joins = False
            continue
        tok = Token(start, end, word, True, initial, possessive, modifier)
        if word in _CLOCK_WORDS and _CLOCK_NUMBER.search(text, max(0, start - 3), start) is not None:
            tok.low = _CLOCK_LOW  # "8:44 PM ET": a clock's, never the title of "Pakistan PM Shehbaz Sharif"
        joined = False
        particles: list[Token] | None = None  # (a list only where particles join: "Bank of the Congo")
        if prev_joins and not (initial and prev_kept_dot and word in _SENTENCE_OPENERS):
            # (the gap is read by its length and end characters first: most are long runs of lower-case text,
            # copied for nothing as a slice)
            size = start - prev.end
            if size == 1 and text[start - 1] == " ":
                joined = True
            elif 1 < size <= 12 and text[prev.end] == " " and text[start - 1] == " ":
                words = text[prev.end + 1:start - 1].split(" ")
                if len(words) <= 2 and all(w.lower() in _PARTICLES for w in words) or \
                        words == ["of", "the"] or words == ["for", "the"] and (
                            any(tokens[i].low == "of" for i in current)
                            or prev.low in _FOR_THE_HEADS and _an_aim(word, c)):
                    # "Democratic Republic of the Congo", "Court of Appeals for the Fifth Circuit", "Institute for
                    # the Study of War" (not "left the Foreign Office for the United Nations")
                    joined = True
                    pos = prev.end + 1
                    particles = []
                    for w in words:
                        particles.append(Token(pos, pos + len(w), w, False, False))
                        pos += len(w) + 1
        if not joined and current:
            runs.append(current)
            current = []
        if particles:
            for part in particles:
                current.append(len(tokens))
                tokens.append(part)
        current.append(len(tokens))
        tokens.append(tok)
        prev = tok
        prev_kept_dot = kept_dot
        prev_joins = not (possessive or modifier)
    if current:
        runs.append(current)
    return tokens, runs


#: Adverbs in -ly that name periodicals ("Weekly Standard", "Daily Mail"): they may open a name.
_PERIODICALS = frozenset({"daily", "weekly", "monthly", "quarterly", "yearly", "biweekly"})


def _owners_in_name(word: str, text: str, end: int, c: Cues) -> bool:
    """Is a plural's possessive ("Manufacturers'") inside an organisation's name, before its head ("the European
    Automobile Manufacturers' Association", "the National Farmers' Union", "the Workers' Party")? Then it does not
    end the name, as a place's possessive does ("the Philippines' Supreme Court") and a person's ("Ramos' Party"):
    the owners are a common noun's plural."""
    if word[-2:-1] not in ("s", "S") or word[:-1].lower() not in english_words()[0]:
        return False
    m = _NEXT_CAP.match(text, end)
    return m is not None and m.group(1).lower() in c.org_heads


@functools.lru_cache(maxsize=1 << 12)
def _adverb(word: str) -> bool:
    """Is a lower-case word in -ly an adverb made from an English word ("clearly", "surely", "happily",
    "basically", "simply")? Not "family", "italy" or a periodical's "weekly"."""
    if len(word) < 6 or word in _PERIODICALS:
        return False
    common = english_words()[0]
    stems = (word[:-2], word[:-3] + "y", word[:-1] + "e" if word.endswith(("ably", "ibly")) else "",
             word[:-4] if word.endswith("ally") else "")
    return word in common and any(len(stem) > 3 and stem in common for stem in stems)


def _english_tail(tail: str) -> bool:
    """Is what follows the hyphen of "Iranian-backed" an English word (an adjective made
    from a name), rather than the second syllable of a Korean or Chinese given name
    ("Jong-un", "Ka-shing")? Tails that are English words too ("Il-sung", "Ki-moon") read
    as adjectives."""
    tail = re.sub(r"['’]s?$", "", tail.split("-")[0]).rstrip(".")
    common, also_names = english_words()
    return tail in common or tail in also_names or tail.endswith(_ADJECTIVE_ENDINGS) or tail == "ian" or len(tail) > 6


def _acronym_in_title_case(word: str) -> bool:
    """Is `word` an organisation word that is an acronym ("UN", "FC") written as a name's syllable ("Kim Jong Un",
    "Moon Jae Un")? Short, title case and no English word: "Air" and "Oil" are words of names ("Air India")."""
    if not (len(word) <= 3 and word[:1].isupper() and word[1:].islower()):
        return False
    return not _english(word.lower())


def _given_name_syllables(word: str, hyphen: int, prev: "Token | None", text: str, start: int,
                          places: dict[str, str]) -> bool:
    """Is `word` the two-syllable given name after a surname ("Moon Jae-in", "Ban Ki-moon", "Kim Il-sung", "Roh
    Tae-woo") though its tail is an English word too (`_english_tail`)? It follows a capitalised word of the same
    run, and both syllables are short: the syllable before the hyphen no English word nor the end of a place ("New
    York-set", "Hong Kong-set"), the tail no word that makes an adjective of a name ("Chairman Mao-era", "Paris-born")."""
    if prev is None or prev.end + 1 != start or text[prev.end] != " " or not prev.word[:1].isupper():
        return False
    first, tail = word[:hyphen], word[hyphen + 1:]
    if not (1 < len(first) <= 4 and first[1:].islower() and len(tail) <= 4 and tail.isalpha()) \
            or tail in _ADJECTIVE_TAILS:
        return False
    return not _english(first.lower()) and f"{prev.word} {first}" not in places


#: Short words after a name's hyphen that make an adjective of it: "Saudi-led", "Hamas-run", "Paris-born",
#: "Nazi-era", "Tory-held", "EU-wide", "Disney-made" (a given name's second syllable is none of them).
_ADJECTIVE_TAILS = frozenset({"led", "run", "born", "bred", "made", "era", "held", "type", "wide", "like", "free",
                              "size", "area", "day", "long", "old", "new", "only", "esque", "ish", "ian", "ist",
                              "owned"})


#: Endings of what follows a name's hyphen that make an adjective of it: "Iranian-backed", "Broadway-esque",
#: "Kennedy-ish" (no syllable of an Asian given name ends so). "-ian" only alone ("Trump-ian"): pinyin
#: syllables end so ("Chen Shui-bian", "Lin Tian-jian").
_ADJECTIVE_ENDINGS = ("ed", "esque", "ish", "like")


#: A short lower-case joint between two capitalised parts of one name: "Tehreek-e-Insaf",
#: "Lashkar-e-Taiba", "Tehreek-i-Taliban", "Hizb-ul-Mujahideen", "Sharm-el-Sheikh".
_NAME_JOINT = re.compile(r"[a-z]-[a-z]{1,3}-[A-Z]")
#: Prefixes written with a hyphen, capitalised in names: "Co-operation", "Anti-Corruption Commission".
_PREFIXES = frozenset({"co", "anti", "counter", "non", "pre", "post", "inter", "intra", "multi", "pan", "pro", "re",
                       "self", "semi", "sub", "trans", "ultra", "cross", "ex"})
#: What joins the words of a name: "Economic Co-operation", "Security and Co-operation".
_NAME_GAPS = (" ", " and ", " of ", " for ", " & ")
_NAME_GOES_ON = re.compile(r" (?:and |of |for |& )?[A-Z]")
#: What befalls or is done by people alone: "the death of Trayvon Martin", "the resignation of Hosni Mubarak"
#: ("release" is not: films, albums and software are released too; a house is a home after "the" or "a"
#: only: "the house of Dar Miller", not "the fashion house of Dior", "the publishing house of Penguin").
_HUMAN_OF = re.compile(r"\b(?:death|murder|killing|assassination|resignation|arrest|funeral|trial|"
                       r"abduction|kidnapping|wife|husband|widow|son|daughter|mother|father|(?:the|a) house) of $")
#: Lower-case words, then a capitalised one: "Hamas political chief Ismail Haniyeh".
_TITLE_THEN_NAME = re.compile(r" ((?:[a-z][a-z-]* ){1,3})[A-Z]")
#: A post held: "named Ousmane Sonko as prime minister", "with Gibran Rakabuming Raka as his deputy".
_AS_POST = re.compile(r",? as (?:his |her |the |a )?(?:new |interim |acting |deputy |vice |prime |chief |first )?([a-z]+)\b")
#: Verbs that give a person a post named right after the name: "named Achraf Hakimi captain".
_APPOINTS = frozenset({"named", "names", "appointed", "appoints", "elected", "elects", "made", "makes", "crowned"})
#: Where a person comes from: "Lazarus Chakwera of Malawi", "Mahamudu Bawumia of the New Patriotic Party".
_OF_HOME = re.compile(r" of (?:the )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")
_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b")
#: ... and within a clause that the name opens the subject ("When Acme hired her": an object, anyone's).
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b")
#: Words opening a clause whose subject follows: "Though Epstein never likes ... he".
_CLAUSE_OPENERS = frozenset({"though", "although", "when", "while", "because", "if", "once", "until", "unless",
                             "whereas", "whether"})
#: A surname by its Irish or Scottish prefix: "O'Brien", "O’Neill", "McCain", "MacArthur" (not "MacBook").
_IRISH_SURNAME = re.compile(r"(?:O['’]|Mc)[A-Z][a-z]+$|Mac[A-Z][a-z]{4,}$")
#: Prepositions before a person named as an object, not a subject: "campaigned for Kamala Harris".
_OBJECT_PREPS = frozenset({"for", "with", "to", "against", "and", "on", "about"})
#: A senator's party and state after the name, AP style: "D-N.Y.", "R-Texas".
_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")
#: Laws are laws in the possessive too: "the Affordable Care Act's mandate".
_LAWS = frozenset({"act", "treaty", "accord", "accords", "protocol", "amendment"})
#: Party members named by their party after a place: "a California Democrat", "Texas Republicans".
_PARTY_MEMBERS = frozenset({"democrat", "democrats", "republican", "republicans"})
#: A match result: "beat Real Madrid 3-1", "Barcelona beat Sevilla 2-0", "beat the Celtics 102-99".
_SCORE_NUMBERS = r" \d{1,3}-\d{1,3}\b"
_SCORE = re.compile(_SCORE_NUMBERS)


def _score_in(text: str) -> bool:
    """`_SCORE.search(text)`, asked where the score's hyphen can be: a match is a space, one to three digits and
    the hyphen, so it starts two to four characters before a hyphen (`str.find` goes from hyphen to hyphen; the
    search stops at every space of the text)."""
    hyphen = text.find("-", 2)
    while hyphen >= 0:
        for start in range(hyphen - 2, max(hyphen - 5, -1), -1):
            if text[start] == " " and _SCORE.match(text, start):
                return True
        hyphen = text.find("-", hyphen + 1)
    return False
_RESULT_VERBS = r"(?:beat|beats|defeated|defeats|edged|thrashed|routed|crushed|drew with|lost to|lose to)"
_RESULT_AFTER = re.compile(rf" {_RESULT_VERBS} (?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}{_SCORE_NUMBERS}")
_RESULT_BEFORE = re.compile(rf"\b{_RESULT_VERBS} (?:the )?$")
#: People who belong to a named group: "Taliban fighters", "Hamas militants", "Nokia employees".
_MEMBERS = frozenset({"fighters", "militants", "gunmen", "rebels", "members", "leaders", "officials",
                      "supporters", "employees", "workers", "executives", "shareholders", "engineers"})
#: A company speaking of itself: "Toyota said it would", "Toyota said on Tuesday that it".
_SAID_IT = re.compile(rf" (?:{_ANNOUNCES})(?: [\w,]+){{0,4}}? (?:it|its)\b")
#: ... of its own things, right after the verb: "Charles Schwab said its profit rose", "said on Tuesday its".
_SAID_ITS = re.compile(rf" (?:{_ANNOUNCES}|posted|expects|forecast)(?: on \w+)? its\b")
#: What a company issues, after its name: "a fall in Volkswagen shares" is no place ("in" before it or not).
_HELD_AFTER = frozenset({"shares", "share", "stock", "stocks", "bonds"})
#: Who speaks for a company named like a city: "a Toyota spokesman".
_COMPANY_STAFF = frozenset({"spokesman", "spokeswoman", "spokesperson", "shareholders"})
#: ... or leads it: "Toyota president Akio Toyoda", "Toyota chairman", "Toyota chief executive" (a town's head is its
#: mayor; a football club named like its town, "Chelsea chairman", is an organisation too), unless the city is a
#: capital, whose region may have a president ("Madrid president Isabel Diaz Ayuso").
_COMPANY_HEADS = frozenset({"president", "chairman", "chairwoman", "ceo"})
_COMPANY_CHIEF = re.compile(r" chief (?:executive|operating|financial)\b")
#: What a firm has and a town has not, after a possessive: "Toyota's sales dropped", "Toyota's shares" (not a town's
#: "sales tax").
_OWNED_BY_FIRM = re.compile(r"['’]s (?:shares|stock|profits?|earnings|shareholders|sales(?! tax))\b")
#: A date line: a place in capitals opening the line ("LAGOS, Nigeria", "NEW DELHI", "SEOUL, March 5 (AP)").
_DATELINE = re.compile(r"[A-Z]{3,}(?:[ .][A-Z]{2,})*[,.]?(?: [^\n]{0,40})?$")
_NEXT_CAP = re.compile(r" ([A-Z][a-z]+)")
_SERVICE_TITLE = re.compile(r" ([A-Z][a-z]+) ([A-Z][a-z]+)\b")  # "Troy Police Chief": a town's service, a title
#: A capitalised title, then a capitalised name: "Chairman Ben Bernanke" (of "Fed Chairman Ben Bernanke").
_CAPITAL_TITLE_NAME = re.compile(r" ([A-Z][a-z]+) [A-Z][a-z]")
#: Endings of adjectives and participles ("Democratic", "Federal", "Presiding", "Retired").
_MODIFIER_ENDINGS = ("ic", "al", "ing", "ed")
#: The capitalised word right before a name ("Governor" of "Governor Jackson").
_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+\.?) $")
#: A company named in the possessive ("Moody's", "McDonald's", "Standard & Poor's") where a
#: verb follows, or an index's number: a genitive would be followed by what is owned. An acronym's
#: "'s" is always its genitive ("while GM's fell 31 percent": its sales). A year is no index's number ("London's
#: 2024 average rent": London's rent).
#: ... or a shop, a determiner before it and nothing owned after: "inside the McDonald's, they", "a Sainsbury's in
#: Leeds" ("the Pentagon's budget" owns one).
_SHOP_AFTER = re.compile(r"(?:[,.;:!?)]| (?:in|on|at|near|where|across|outside)\b)")
_SHOP_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?) $")
_NAME_WITH_S = re.compile(rf" (?:{_ANNOUNCES}|downgraded|upgraded|lowered|rated|affirmed|rose|fell|"
                          r"warned|(?!(?:1[89]|20)\d\d )\d+ (?:index|average|composite)\b)")


def _org_after(possessor: str, text: str, end: int, c: Cues, places: dict[str, str]) -> bool:
    """Is a title's possessive inside an organisation's name ("the Los Angeles County
    Sheriff's Department", "the Mayor's Office"), or any possessive but a place's in a shop's ("Sam's
    Club", "Denny's Restaurant")? Then it does not end the name; a place's does ("Pakistan's Army",
    "China's Market fell", "Germany's Bar Association")."""
    m = _NEXT_CAP.match(text, end)
    if m is None:
        return False
    head = m.group(1).lower()
    return head in c.org_heads and possessor.lower() in c.titles or head in c.shop_heads and possessor not in places


@functools.lru_cache(maxsize=1 << 16)
def _english(low: str) -> bool:
    """Is a lower-case word an English word, a name too ("ford") or not (`english_words`'s two lists)?"""
    common, twins = english_words()
    return low in common or low in twins


@functools.lru_cache(maxsize=1 << 16)
def _is_acronym(word: str) -> bool:
    """(Asked ~50 times an article, mostly of the same capitalised words, "The", "He", a name again: kept)"""
    return bool(_ACRONYM.match(word)) and sum(ch.isalpha() for ch in word) >= 2


#: Classes of a capitalised word alone in its run (`_Doc._word_class`; 0: neither).
_LONE_COMMON, _PLAIN = 1, 2
#: The class of each word met alone in a run, for the cue lists, gazetteer and holidays they were read with
#: (`_word_classes`). Started again when full: words of fresh text keep coming.
_WORD_CLASSES: dict[str, int] = {}
_WORD_CLASSES_READ_WITH: list[object] = [None, None, None]
_WORD_CLASSES_LIMIT = 1 << 16


def _word_classes(c: Cues, g: Gazetteer, holidays: frozenset[str]) -> dict[str, int]:
    """The kept classes of words, emptied when the lists they were read with are others (a test's own cues)."""
    read_with = _WORD_CLASSES_READ_WITH
    if read_with[0] is not c or read_with[1] is not g or read_with[2] is not holidays \
            or len(_WORD_CLASSES) > _WORD_CLASSES_LIMIT:
        _WORD_CLASSES.clear()
        read_with[:] = [c, g, holidays]
    return _WORD_CLASSES


class _Doc:
    """One article's pass: pieces found, then settled against each other."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.c = cues()
        self.g = gazetteer()
        self.lower_vocab = _LowerWords(text)
        commons = _title_case_commons(text, self.c, self.lower_vocab, self.g.places, self.g.demonyms) \
            if "\n" in text else frozenset()
        self.tokens, self.runs = _cap_runs(text, self.c, self.g.places, commons)
        # a sentence opening with two capitalised words joined may be a heading run into the story
        starts = [self.tokens[run[0]].start for run in self.runs if len(run) > 1 and self.tokens[run[0]].initial]
        run_in = _run_in_heading_commons(text, starts, self.c, self.lower_vocab, self.g.places, self.g.demonyms) \
            if starts else None
        if run_in:  # read again without the heading's common words (rare)
            self.tokens, self.runs = _cap_runs(text, self.c, self.g.places, commons | frozenset(run_in))
        self.pieces: list[Piece] = []
        self.products: set[str] = set()
        self.product_end = -1  # where the last product's name ended ("iPod Classic, Nano")
        self.works: set[str] = set()  # titles of works named in quotes ("Golden Compass")
        self.index_codes: set[str] = set()  # an index's code in brackets after its name ("average (DJIA)")
        self._todo: list[tuple[Callable[[Any], None], Any]] = []  # (the parts left to split: `_split_run`)
        self._as_firm: dict[tuple[str, re.Pattern[str]], bool] = {}  # (`_written_as_firm`'s answers)
        self._unclosed = [len(text)]  # (where no title's closing mark followed, last: `_quoted_title`)
        self.holidays = holiday_names()
        self._inside: set[str] | None = None  # see _seen_inside
        self.city_companies: set[str] = set()  # cities typed as their company ("Toyota said")
        self.lower_after: dict[int, str] = {}  # see _next_lower
        self._ending: tuple[list[Piece], dict[int, int], list[int]] | None = None  # see _piece_ending
        self._marks: dict[Any, tuple[int, ...]] = {}  # (the last answers of `_next_mark` and `_last_mark`)
        self._spans: tuple[list[Piece], list[int], list[int]] | None = None  # see _pieces_over
        self._namers_at: tuple[Any, ...] | None = None  # see _namers
        self._orgs_opening: tuple[dict[int, int], set[str], int] | None = None  # see _org_opened_by
        self._town_at: Piece | None = None  # see _org_opened_by
        self._by_end: tuple[list[Piece], dict[int, list[Piece]], list[int]] | None = None  # see _pieces_ending_at
        self._weak_org = False  # did `_multiword_kind` last make an organisation for want of a given name alone?

    # --- finding pieces -------------------------------------------------------------

    def run(self) -> list[Piece]:
        toks, classes = self.tokens, _word_classes(self.c, self.g, self.holidays)
        for run in self.runs:
            if len(run) == 1:  # (most runs: one word, which the word's class may settle without the rules' walk)
                tok = toks[run[0]]
                kind = classes.get(tok.word)
                if kind is None:
                    kind = classes[tok.word] = self._word_class(tok.word)
                if kind and tok.cap and not tok.modifier:
                    if kind == _PLAIN:
                        if not self._quoted_work(run, tok.start, tok.end):
                            self._type_piece(run, plain=True)
                    elif not _no_title_after(self.text, tok.end):
                        # a common word alone ("The", "He") is dropped: `_quoted_work` is asked only for the
                        # title it may remember (`_work`), and there is none where no title closes ("He said")
                        self._quoted_work(run, tok.start, tok.end)
                    continue
            self._split_run(run)
        self._acronyms()
        self._nicknames()
        self._settle()
        self._legal_forms_after_commas()
        return [p for p in self.pieces if p.kind in (PERSON, ORG, PLACE)]

    def _legal_forms_after_commas(self) -> None:
        """"Summit Entertainment, LLC": a legal form after a comma ends the company's name, not a name
        of its own."""
        pieces = self.pieces
        self._ending = self._spans = self._by_end = None  # (ends change and pieces go: the indexes are made again)
        if _LEGAL_FORM_AFTER_COMMA.search(self.text) is None:
            return  # (no legal form after a comma anywhere: most articles, one scan and not a loop over the pieces)
        for k in range(len(pieces) - 1, 0, -1):
            form, firm = pieces[k], pieces[k - 1]
            if len(form.words) == 1 and form.words[0].lower().rstrip(".") in _LEGAL_FORMS \
                    and self.text[firm.end:form.start] == ", " and firm.kind in (ORG, None):
                firm.end, firm.kind = form.end, ORG
                firm.text = self.text[firm.start:firm.end]  # (its canonical name stays the one without)
                del pieces[k]

    def _titled_town(self, start: int, place: str) -> bool:
        """A town's name right after a title is a person's surname ("President Lincoln",
        "Governor Jackson", "Senator Warren"); a country or a state stays a place."""
        if place in self.g.countries or place in self.c.state_names:
            return False
        title = _TITLE_BEFORE.search(self.text, max(0, start - 24), start)
        return title is not None and title.group(1).lower() in self.c.title_heads

    def _is_title(self, word: str) -> bool:
        return word.lower() in self.c.titles

    #: The most tokens `_split_run` splits as one run. The longest runs given to it (2026-11-24): 18 tokens over the
    #: 11,636 runs of MEANTIME, ECB+ (dev), the seeds and the challenge sets ("Senior Trooper William Hakim of the
    #: Oregon State Police and Capt. Tom Tennant of the Woodburn Police Department"), 48 over the 123,462 runs of
    #: 30,000 generated title/particle texts (words picked at random among titles, names and particles): a wide margin.
    _RUN_WINDOW = 150

    def _split_run(self, run: list[int]) -> None:
        """Type the pieces of a run of capitalised words. Where a rule (`_split_run_once`, `_split_plain_once`)
        splits a part again and then goes on, it puts what it still has to do, then the part, on `_todo` and
        returns; this loop takes the last thing put first. So the part is split, and all that its rules put,
        before the rule goes on: the same order as calls made in place, without one Python frame for each part.
        A run cut a few words at a time ("van Lt. van Lt. ...", "Air Show for Air Show for ...") went as deep as
        it has parts, and a thousand of them raised RecursionError.

        A run longer than `_RUN_WINDOW` tokens is first cut into windows of at most that many (`_run_windows`), each
        split as a run of its own, in text order. Why: a rule that cuts a few words off a run's ends and splits the
        rest again ("van Lt. van Lt. ...", "When bin Gen. When bin Gen. ...") makes a level per few words, and each
        level reads the whole rest of the run, so a run of n tokens cost about n * n / 8 steps (7.9 s for 4,800
        tokens). Windowed, each level reads at most `_RUN_WINDOW` tokens: linear in the run's length. Why it is
        safe: a run of news text is a name or a few names with their titles, never near that long (see
        `_RUN_WINDOW`), and every run up to it is split exactly as before."""
        if len(run) <= self._RUN_WINDOW:
            self._work_off(self._split_run_once, run)
            return
        for window in self._run_windows(run):
            self._work_off(self._split_run_once, window)

    def _run_windows(self, run: list[int]) -> list[list[int]]:
        """A run longer than `_RUN_WINDOW` cut into windows of at most that many tokens: each before the last
        particle ("of", "and", "de": a token that is no capitalised word) in the second half of the window, where a
        name or title is least likely to go on across the cut; at `_RUN_WINDOW` tokens where there is none."""
        toks, size = self.tokens, self._RUN_WINDOW
        windows = []
        a, n = 0, len(run)
        while n - a > size:
            b = a + size
            cut = next((k for k in range(b, a + size // 2, -1) if not toks[run[k]].cap), b)
            windows.append(run[a:cut])
            a = cut
        windows.append(run[a:])
        return windows

    def _split_plain(self, run: list[int]) -> None:
        """A title-free run cut and typed as `_split_run` does a part it splits (for callers outside its loop)."""
        self._work_off(self._split_plain_once, run)

    def _work_off(self, step: Callable[[Any], None], part: Any) -> None:
        """`step(part)`, then all it put on `_todo`, last first; a loop already working off its own `_todo` (a
        rule that called `_split_run` or `_split_plain` in place) gets it back after."""
        outer, todo = self._todo, []
        self._todo = todo
        step(part)
        while todo:
            step, part = todo.pop()
            step(part)
        self._todo = outer

    def _split_run_once(self, run: list[int]) -> None:
        toks = self.tokens
        if toks[run[-1]].modifier:
            # "US-brokered", "New York City-based": the name before the hyphen counts only
            # as a place; "Iranian-backed", "Intel-based" are adjectives.
            for k in range(len(run)):
                place = self._place_of(run[k:])
                if place is not None:
                    if k:  # "A US-brokered": "A" is typed alone, then the place
                        self._todo.append((lambda part: self._add(part, PLACE, strong=True, name=place), run[k:]))
                        self._todo.append((self._split_run_once, run[:k]))
                    else:
                        self._add(run[k:], PLACE, strong=True, name=place)
                    return
            run = run[:-1]
            while run and not toks[run[-1]].cap:
                run = run[:-1]
            if not run:
                return
        n = len(run)  # (the run's length, asked at every rule below; the run is not cut until a rule returns)
        if n > 1 and toks[run[0]].initial and toks[run[0]].low in self.c.roles:
            run = run[1:]  # "Actress Lindsay Lohan" opening a sentence: a role, then a person
            if toks[run[0]].word in self.c.given_names and self._namelike([toks[i].word for i in run]):
                self._add(run, PERSON, strong=True)
            else:
                self._todo.append((self._split_run_once, run))
            return
        if n > 1 and toks[run[0]].initial and self.text[toks[run[-1]].end:toks[run[-1]].end + 1] == "\n" \
                and self._subheading(run):
            return  # "Hefner said. Media Mogul\nPage, who": a heading run into the story
        # (most runs are one word: its list written out, which costs a third of a comprehension's call)
        words = [toks[run[0]].word] if n == 1 else [toks[i].word for i in run]
        start, end = toks[run[0]].start, toks[run[-1]].end
        if self._quoted_work(run, start, end):
            return
        if n == 1 and self._lone_common(toks[run[0]], start, end):
            return
        if n > 1 and toks[run[0]].low in self.c.event_prefixes:
            return  # "Hurricane Ian", "Operation Desert Storm": an event
        ship = next((k for k in range(n - 1) if words[k] in _SHIP_PREFIXES), None) \
            if n > 1 and not _SHIP_PREFIXES.isdisjoint(words) else None
        if ship is not None and all(w in self.g.demonyms or toks[i].low in _FUNCTION
                                    for i, w in zip(run[:ship], words[:ship])):
            # "INS Sukanya", "The INS Mysore", "the Indian INS Mysore": a ship, and so is "the Mysore" later
            for i, w in zip(run[:ship], words[:ship]):
                if w in self.g.demonyms:
                    self._add([i], PLACE, strong=True, name=self.g.demonyms[w])
            self._product(run[ship + 1:])
            return
        vessel = next((k for k in range(n - 1) if toks[run[k]].low in _VESSELS), None) \
            if n > 1 else None
        if vessel is not None and toks[run[vessel]].cap and toks[run[-1]].low not in self.c.org_heads \
                and toks[run[-1]].low not in self.c.place_heads:
            # "Naval Ship Sukanya", "Warship INS Sukanya": a vessel's name, in all its mentions (not "the New
            # York Yacht Club", "the Staten Island Ferry Terminal": a club, a place)
            owner = run[:vessel]
            while owner and toks[owner[-1]].low in english_words()[0]:
                owner = owner[:-1]  # "Indian Naval Ship Sukanya": "Naval" is the ship's, no navy's name
            ship_words = [i for i in run[vessel + 1:] if toks[i].word not in _SHIP_PREFIXES]
            if owner:
                self._todo.append((self._product, ship_words))
                self._todo.append((self._split_run_once, owner))
            else:
                self._product(ship_words)
            return
        if n > 1 and words[-1] in _ROMAN and words[-2].lower() in self.c.event_heads:
            self._add(run, EVENT, strong=True)  # "World War II"
            return
        if n > 2 and words[-1].rstrip(".") in _GENERATIONS and "and" not in words and (
                words[0] in self.c.given_names or self._namelike(words[:-1])):
            self._add(run, PERSON, strong=True)  # "Arcade Joseph Comeaux Jr.": a person
            return
        if toks[run[-1]].low in self.c.event_heads and (not toks[run[-1]].possessive or toks[run[-1]].low in _LAWS
                                                         or n > 1 and toks[run[-1]].low[-1] == "s") \
                and not (n > 5 and self._for_an_aim(run)):  # ("the Institute for the Study of War": no war)
            # (not "Summit's": a company; "The Academy Awards' date" is the event's)
            # "Paris Air Show", "Worldwide Developers Conference": an event, not an entity;
            # an acronym defined for it is no entity either. A name joined to it by "for" or
            # "and" is not part of it ("on ABC for Oscar Sunday").
            cut = max((k for k in range(1, n - 1) if not toks[run[k]].cap
                       and words[k] in ("for", "and", "on")), default=0)
            if cut:
                self._todo.append((lambda part: self._add(part, EVENT, strong=True), run[cut + 1:]))
                self._todo.append((self._split_run_once, run[:cut]))
                return
            if n > 2 and toks[run[0]].cap and not self._place_of(run[:1]) and self._acts(words[0]):
                # "Apple Worldwide Developers Conference" where "Apple said": the host, then its event
                self._add(run[:1], ORG, strong=True)
                cut = 0
                run = run[1:]
            self._add(run, EVENT, strong=True)  # (the run without its host, if it had one)
            return
        if n == 1 and self._nationals(words[0]):
            return  # "Singaporeans", "Iranians": people, not a place (the Philippines is one: "Philippine")
        # A whole run that is a known place ("Strait of Hormuz", "Gaza City") stays whole.
        full = self.text[toks[run[0]].start:toks[run[-1]].end]
        if full in self.g.places and not toks[run[0]].initial or full in self.g.places and n > 1:
            self._add_place(run, self.g.places[full])
            return
        # Titles: the last title head followed by a name splits the run.
        if n > 1:  # (a word alone holds no title followed by a name)
            lowered = [toks[i].low for i in run]
            name_ends: list[int] | None = None  # (read at the first title head that passes: see `_name_ends`)
            for j in range(n - 2, -1, -1):
                if (lowered[j] not in self.c.title_heads or not toks[run[j]].cap and lowered[j] != "al") and not (
                        words[j] in _SHORT_TITLES and j + 2 < n and words[j + 1] in self.c.given_names):
                    continue
                if j > 2 and lowered[j - 1] == "the" and lowered[j - 2] == "of" and any(
                        w in self.c.org_heads for w in lowered[:j - 2]):
                    continue  # "the Office of the Chief Medical Examiner": a post in an organisation's name
                given = self._portfolio_then_name(run, j, words) if lowered[j + 1] == "of" and j + 3 < n else 0
                if given:  # "Woodburn Chief of Police Scott Russell", "Director of Production Gillian Bohrer"
                    name_end = n
                    name_idx = run[given:]
                else:
                    if name_ends is None:
                        name_ends = self._name_ends(run, lowered)
                    name_end = name_ends[j + 1]
                    if name_end == j + 1 or lowered[j + 1] in self.c.titles and (
                            name_end - j != 3 or words[j + 1] not in self.c.given_names):
                        continue  # no name, or one that opens with a title, which `_namelike` refuses at its first
                        # word: asked before the name's words are read, so a run of titles stays linear
                    if not (self._namelike_span(words, j + 1, name_end) or name_end - j == 3 and words[j + 1]
                            in self.c.given_names and toks[run[j + 2]].low in self.c.titles):
                        continue  # ("General Manager Billy King": a title word may be a surname)
                    name_idx = run[j + 1:name_end]  # (the name's words are copied once it is taken: a name read
                    # up to its first word refused, "Lt. van Lt. van ...", "De de Gov. De de Gov. ...", is not)
                i = j
                while i > 0 and (lowered[i - 1] in self.c.titles or
                                 lowered[i - 1] in ("of", "and") and i > 1 and lowered[i - 2] in self.c.titles
                                 or i == 1 and lowered[0] in _LOCAL_TITLE_MODIFIERS):
                    i -= 1
                # (the words before the title, the person, the rest: put on `_todo` last first)
                if name_end < n:
                    rest = run[name_end:]
                    while rest and toks[rest[0]].low in _PARTICLES:
                        rest = rest[1:]
                    if rest:
                        self._todo.append((self._split_run_once, rest))
                if i > 0:
                    self._todo.append((lambda part: self._add(part, PERSON, strong=True), name_idx))
                    self._todo.append((self._split_plain_once, run[:i]))
                else:
                    self._add(name_idx, PERSON, strong=True)
                return
        if n == 1 and toks[run[0]].cap:
            self._split_lone(run[0])
        else:
            self._split_plain_once(run)

    def _quoted_work(self, run: list[int], start: int, end: int) -> bool:
        """Is the run a currency before its sign ("US$40 billion") or a work's title in quotation marks
        (all of it or a part: see `_quoted_title`)? Then it is no name (a title is remembered: `_work`)."""
        text = self.text
        # (the cheapest test of each pair first: few words stand before a "$" or after a quotation mark; the quote
        # is read in place, no slice of the two characters before the run)
        if text[end:end + 1] == "$" and len(run) == 1 and self.tokens[run[0]].word in self.c.currencies:
            return True
        if text.endswith(_OPEN_QUOTES, start - 2 if start > 1 else 0, start) and _CLOSE_QUOTE.match(text, end) \
                and not (len(run) == 1 and self._place_of(run)):
            return True  # "American Pie", “Catching Fire”: the title of a work
        title = _quoted_title(text, start, end, self._unclosed)
        if title is not None and not all(w in self.g.places for w in title.split() if w[:1].isupper()):
            # (“America and France”: places quoted, no title)
            self._work(title)  # ... and so is "The Golden Compass" unquoted elsewhere
            return True
        return False

    def _word_class(self, word: str) -> int:
        """What a capitalised word alone in its run is, wherever it stands (kept per word: `_word_classes`):
        `_LONE_COMMON` where `_lone_common` drops it whatever is around it (a common word, no place's name);
        `_PLAIN` where no rule of `_split_run`, `_split_lone` or `_type_piece` that reads the word alone
        can fire (no list knows it, no shape marks it: most names), so that only the rules that read the
        text around it are left to ask (`_type_piece(plain=True)`); 0 for the rest, which take the full walk."""
        if word in _CLOCK_WORDS:
            return 0  # (a clock's "PM" is read as "p.m.": its lower-case form is not the word's)
        c, g = self.c, self.g
        low = word.lower()
        if word in g.places or low == _CLOCK_LOW:
            return 0
        if low in c.common:
            return _LONE_COMMON if self._common_alone(low, word) else 0
        if low in c.event_heads or low in c.agencies or low in _PARTICLES or low in c.titles or low in c.numbered \
                or low in _INTERJECTIONS \
                or low in _STREET_HEADS or low in c.org_heads or low in c.org_suffixes \
                or low.rstrip(".") in c.common or self._nationals(word) or word in c.time_zones \
                or word in c.languages or word in g.demonyms or word in c.index_names or word in c.currencies \
                or word.rstrip(".") in _GENERATIONS or word in _COMPASS_REGIONS or _has_digit(word) \
                or (word.replace("’", "'") if "’" in word else word) in self.holidays:
            return 0
        if word[-1] == "s" and word[:-1].isupper() or word.isupper() and (len(word) > 7 or word.title() in g.places) \
                or word[1:2] == "-" or len(word) < 2 or word.isdigit() \
                or low.endswith(("ist", "ists", "ism", "isms")):
            return 0  # ("CEOs", "TEHRAN", "D-N.Y.", "Zionist": shapes a rule reads)
        return _PLAIN

    def _name_ends(self, run: list[int], lowered: list[str]) -> list[int]:
        """For each word of a run, where a name starting there ends: before the first word that is neither
        capitalised nor a name particle ("bin", "de"), or that joins ("and", "of", "for", "&"); the run's length
        if none. Read once from the right, so that a run of titles ("Lt. Gen. Lt. Gen. ...") is not walked to
        its end again after each of them."""
        toks = self.tokens
        n = len(run)
        ends = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            low = lowered[k]
            ends[k] = ends[k + 1] if (toks[run[k]].cap or low in _NAME_PARTICLES) \
                and low not in ("and", "of", "for", "&") else k
        return ends

    def _portfolio_then_name(self, run: list[int], j: int, words: list[str]) -> int:
        """Where a title and "of" at `j` are followed by a portfolio of up to three capitalised words and a
        person's given name and surname ("Chief of Police Scott Russell"), the index in `run` of that given
        name; else 0."""
        toks = self.tokens
        for k in range(j + 3, min(len(run) - 1, j + 6)):
            if not toks[run[k - 1]].cap:
                return 0
            if words[k] in self.c.given_names and len(run) - k <= 3 and self._namelike(words[k:]):
                return k
        return 0

    def _split_lone(self, i: int) -> None:
        """`_split_plain` for a run of one capitalised word (most runs): what its cuts and trims
        come to for one word, without the lists and loops they need for many."""
        tok = self.tokens[i]
        low = tok.low
        if low in self.c.agencies and self._reporting(tok):
            self._add([i], ORG, strong=True)  # "cited by AFP", "Reuters reported": not a byline
            return
        if low in _PARTICLES:
            return
        # a clock's time zone ("9:03am AEST"), a clock's "PM" or a common word goes, unless it is an acronym
        clock = tok.word in self.c.time_zones and self._after_clock(tok)
        if (clock or low == _CLOCK_LOW or low in self.c.common) and (
                clock or low in _COMMON_CAPITALS or low in self.c.common_acronyms or not _is_acronym(tok.word)):
            return
        if low in self.c.titles:
            self._add([i], None, short=True)  # "King said" where "Billy King" is named
            return
        if low in _INTERJECTIONS and self.text[tok.end:tok.end + 1] in (",", "!") \
                and self.text[:tok.start].rstrip()[-1:] in _CRY_BEFORE:
            return  # "Oh, God!", "Wow!": a cry, no name ("Oh Se-hoon said", "went to Oh, a nurse" keep the name)
        self._type_piece([i])

    def _nationals(self, word: str) -> bool:
        """Is the word a nationality in the plural ("Iranians", "Greeks"): people, not a place? (Not "Philippines",
        a place's name.)"""
        return word[-1:] == "s" and word[:-1] in self.g.demonyms and word not in self.g.places

    def _after_clock(self, tok: Token) -> bool:
        """Does a clock's time end right before the word ("9:03am AEST", "8:44 PM ET")?"""
        return _CLOCK_END.search(self.text, max(0, tok.start - 8), tok.start) is not None

    def _lone_common(self, tok: Token, start: int, end: int) -> bool:
        """Is this run a lone common word that the rest of `_split_run` and `_split_plain` would drop
        ("The", "But", "He" opening a sentence: a third of all runs)? It is no event head, no news
        agency, no place named inside a sentence, and no acronym that a name's front keeps; then
        every rule below ends in nothing, so they are skipped (the same pieces, found faster)."""
        return self._common_alone(tok.low, tok.word) and (tok.initial or self.text[start:end] not in self.g.places)

    def _common_alone(self, low: str, word: str) -> bool:
        """A common word that no event head, news agency or acronym reading keeps: alone in a run, no rule
        makes a name of it (`_lone_common` and the per-word class both ask)."""
        c = self.c
        return low in c.common and low not in c.event_heads and low not in c.agencies \
            and (low in _COMMON_CAPITALS or low in c.common_acronyms or not _is_acronym(word))

    def _namelike(self, words: list[str]) -> bool:
        """Could these words be a person's name (no organisation word, not a place)?"""
        return self._namelike_span(words, 0, len(words))

    def _namelike_span(self, words: list[str], start: int, end: int) -> bool:
        """`_namelike(words[start:end])`, read in place up to the first word it refuses: the title rule of
        `_split_run_once` asks it of the rest of the run after each title."""
        if start >= end or not words[start][:1].isupper():
            return False
        first = words[start]
        if end - start == 1 and first in self.g.places and first not in self.g.demonyms:
            return False
        for k in range(start, end):
            w = words[k]
            lower = w.lower()
            if k > start and w in MONTH_NAMES and first in self.c.given_names:
                continue  # "Theresa May", "Brian May": a month is a surname after a given name
            if lower in self.c.org_heads and not (k > start and _acronym_in_title_case(w)) \
                    or lower in self.c.org_suffixes or lower in self.c.common:
                return False  # (not "Un" of "Kim Jong Un": the acronym "UN" is written in capitals)
            if self._is_title(w) or w in self.g.demonyms:
                return False
        if end - start == 1 and _is_acronym(first):
            return False
        return True

    def _for_an_aim(self, run: list[int]) -> bool:
        """Is the run an organisation named for its aim: an organisation's word, "for the" and a noun made from a
        verb ("Institute for the Study of War", "Society for the Prevention of Cruelty")?"""
        toks = self.tokens
        return any(toks[run[k]].low == "for" and toks[run[k + 1]].low == "the" and toks[run[k - 1]].low in _FOR_THE_HEADS
                   and _an_aim(toks[run[k + 2]].word, self.c) for k in range(1, len(run) - 2))

    def _split_plain_once(self, run: list[int]) -> None:
        """Cut a title-free run at conjunctions and prepositions that do not belong to an
        organisation's name, then type each piece."""
        toks = self.tokens
        lowered = [toks[i].low for i in run]
        pieces: list[list[int]] = []
        current: list[int] = []
        for k, i in enumerate(run):
            low = lowered[k]
            if not toks[i].cap and low in ("and", "of", "for", "&", "on"):
                keep = False
                if low == "&":
                    keep = True
                elif low in ("of", "for", "on"):
                    # "Court of Justice" and "Minister of Defence" hold together;
                    # "Prime Minister of Singapore" is a title and a place; "the Indian Navy
                    # on Saturday" is a name and a date.
                    keep = bool(current) and (k + 1 == len(run) or toks[run[k + 1]].word not in _DATE_WORDS) and (
                        lowered[k - 1] in self.c.org_heads or lowered[k - 1] in self.c.state_heads
                        or low == "of" and lowered[k - 1] in _GEO_OF
                        or low == "of" and self._plural_of(current, k, run)
                        or toks[run[k - 1]].low in self.c.titles
                        and (any(toks[j].low in self.c.org_heads for j in current)
                             or k + 1 < len(run) and lowered[k + 1] in self.c.org_heads)
                        # "the U.S. Court of Appeals for the Fifth Circuit": a formal name goes on ("the Senate
                        # for the Democrats" does not)
                        or low == "for" and k + 2 < len(run) and lowered[k + 1] == "the"
                        and any(toks[j].low == "of" for j in current)
                        and any(toks[j].low in self.c.org_heads for j in current)
                        # "the Institute for the Study of War": the aim an organisation is for goes on with "of"
                        or low == "of" and toks[run[k - 1]].word.endswith(_FOR_THE_AIMS) and len(current) > 2
                        and toks[current[-2]].low == "the" and toks[current[-3]].low == "for")
                elif low == "and":
                    # the words up to the next "and" ("U.S. Fish and Wildlife Service and National Marine Fisheries
                    # Service"), read up to _AND_READ: more answer as that many (too many), and a long run is read once
                    rest = lowered[k + 1:k + 1 + _AND_READ]
                    after = run[k + 1:k + 1 + _AND_RUN_READ]
                    if "and" in rest:
                        rest = rest[:rest.index("and")]
                    # "European Aeronautic Defence and Space Company EADS N.V.": an organisation
                    # word or legal form after "and" in a name with none before
                    # (nothing before it: "Iran and and Organization" cut at the first "and")
                    keep = (bool(current) and bool(rest) and len(rest) <= 4 and (any(w in self.c.org_heads for w in rest)
                                                               or rest[-1] in self.c.org_suffixes)
                            and not any(toks[j].low in self.c.org_heads
                                        or toks[j].low in self.c.org_suffixes for j in current)
                            and (len(current) > 1 or rest[-1] in self.c.org_heads and (
                                lowered[k - 1] in self.lower_vocab or self._common_field(lowered[k - 1], rest)))
                            and toks[current[0]].word not in self.c.given_names
                            and self._place_of(current) is None) or self._and_in_field(current, after) \
                        or self._and_heads(current, rest) or self._place_with_and(current, after)
                if keep:
                    current.append(i)
                    continue
                if current:
                    pieces.append(current)
                current = []
                continue
            if k > 0 and low in _SENTENCE_ADVERBS and toks[i].cap:
                # "Iran Meanwhile": a sentence adverb inside a run joins two sentences.
                if current:
                    pieces.append(current)
                current = []
                continue
            current.append(i)
            if low in _CUT_AFTER and k + 1 < len(run) and toks[run[k + 1]].cap:
                pieces.append(current)  # "Apple Inc. Steve Jobs"
                current = []
        if current:
            pieces.append(current)
        self._type_plain_pieces((run, pieces, 0))

    def _type_plain_pieces(self, at: tuple[list[int], list[list[int]], int]) -> None:
        """Type the pieces `_split_plain_once` cut `run` into, from piece `start` on. A piece split again is put on
        `_todo` after the pieces left (see `_split_run`)."""
        run, pieces, start = at
        toks = self.tokens
        for k in range(start, len(pieces)):
            piece = pieces[k]
            if len(piece) == 1 and toks[piece[0]].low in self.c.agencies and self._reporting(toks[piece[0]]):
                self._add(piece, ORG, strong=True)  # "cited by AFP", "Reuters reported": not a byline
                continue
            if piece and toks[piece[-1]].low in _PARTICLES:  # (few pieces end with one: asked before the call)
                piece = piece[:self._end_before_particles(piece, len(piece))]
            # "8:44 PM ET Wladimir Klitschko", "9:03am AEST Tony Abbott": a clock's "PM" and the time zone after it go
            clock = bool(piece) and toks[piece[0]].word in self.c.time_zones and self._after_clock(toks[piece[0]])
            s = 0  # (the words trimmed: the piece is cut once, after)
            while s < len(piece) and self._drops_first(piece, s, clock):
                if not clock and _is_acronym(toks[piece[s]].word) and toks[piece[s]].low not in _COMMON_CAPITALS \
                        and toks[piece[s]].low not in self.c.common_acronyms:
                    break
                clock = toks[piece[s]].low == _CLOCK_LOW
                s += 1
            piece = piece[s:]
            first = toks[piece[0]] if piece else None
            if first is not None and first.initial and len(piece) > 1:
                if first.word.endswith(("ing", "ed")) and (
                        first.low in self.c.headline_words
                        or toks[piece[1]].word in self.c.given_names and first.low in english_words()[0]
                        or len(piece) == 2 and first.word.endswith("ing") and first.low in english_words()[0]
                        and ((toks[piece[1]].possessive or toks[piece[1]].low not in english_words()[0])
                             and toks[piece[1]].low not in self.c.org_heads and self._place_of(piece[1:]) is None
                             or _is_acronym(toks[piece[1]].word) and self._place_of(piece[1:]) is not None)):
                    # "Considering Lionsgate recently absorbed Summit", "Knowing Billy, it's not easy", "Excluding
                    # Brand's 15.9 points" (not "Sporting Lisbon", "Reading Council", a title: "Catching Fire");
                    # "Citing US officials", "Totaling US$180 billion": a place's acronym ("US" is an English word too)
                    piece = piece[1:]
                elif first.low.endswith("ly") and _adverb(first.low) and (
                        toks[piece[1]].word in self.c.given_names or toks[piece[1]].low not in english_words()[0]):
                    # "Clearly Mark and Condon are", "Ironically Nichols": an adverb opens the sentence; not
                    # an adjective in -ly before a common noun ("Lonely Planet", "Friendly Fire")
                    piece = piece[1:]
            if not piece:
                continue
            if len(piece) > 1 and toks[piece[-1]].word == "State" and toks[piece[-2]].low not in self.c.titles:
                if self._federal_state(piece[:-1]):
                    self._add(piece, PLACE, strong=True)  # "in Zamfara State", "Kaduna State"
                    continue
                if self._place_of(piece[:-1]) is None:
                    self._add(piece, ORG, strong=True)  # "Islamic State", "Penn State": no place's
                    continue
            # Titles left at the edges ("Chairman", "Minister" with no name after) go,
            # unless the piece is an organisation's name ("International Court of Justice").
            has_org_word = any(toks[i].low in self.c.org_heads for i in piece) or \
                toks[piece[-1]].low in self.c.org_suffixes  # "General Electric Co."
            # ... but a title word after a given name (and another name) is a surname
            # ("Martin Luther King", "Billy King").
            # ... or after a word no list knows, when the two speak ("Tishana King says she": a given name the
            # list lacks; a title and its place or office, "Jordan King", "Police Chief", are in the lists)
            if len(piece) > 1 and toks[piece[-2]].cap \
                    and toks[piece[-1]].low in self.c.titles and toks[piece[-2]].low not in self.c.titles \
                    and not has_org_word \
                    and (toks[piece[0]].word in self.c.given_names or len(piece) == 2 and self._speaks(piece)):
                self._add(piece, PERSON, strong=True)
                continue
            if len(piece) == 1 and toks[piece[0]].low in self.c.titles:
                self._add(piece, None, short=True)  # "King said" where "Billy King" is named
                continue
            if len(piece) == 2 and toks[piece[-1]].word in _PUBLICATION_TITLES and self._place_of(piece[:1]) \
                    and self.text[max(0, toks[piece[0]].start - 4):toks[piece[0]].start] in ("the ", "The "):
                self._add(piece, ORG, strong=True)  # "The Hollywood Reporter": a paper, not a place's reporter
                continue
            if has_org_word and len(piece) > 1 and toks[piece[-1]].low in self.c.title_heads \
                    and toks[piece[-1]].low not in self.c.org_heads and toks[piece[-2]].cap \
                    and not toks[piece[-1]].possessive and all(toks[i].cap for i in piece):  # ("Department of Justice")
                piece = piece[:-1]  # "Cheryl Boone Isaacs, Academy President": the post leaves its organisation
            piece = self._without_posts(piece, has_org_word)
            if piece and len(piece) < len(run) and any(toks[i].low in self.c.title_heads for i in piece[1:-1]):
                # "Treasury Secretary Timothy Geithner" cut off "... and Fed Chairman ...": split again, then the rest
                if k + 1 < len(pieces):
                    self._todo.append((self._type_plain_pieces, (run, pieces, k + 1)))
                self._todo.append((self._split_run_once, piece))
                return
            elif piece:
                self._type_piece(piece)

    def _end_before_particles(self, piece: list[int], end: int) -> int:
        """Where the piece ends once the particles before word `end` ("of", "and", "de") go. The words are counted
        and the caller cuts once: a run of particles is not copied again for each of them."""
        toks = self.tokens
        while end and toks[piece[end - 1]].low in _PARTICLES:
            end -= 1
        return end

    def _without_posts(self, piece: list[int], has_org_word: bool) -> list[int]:
        """The piece without the titles left at its edges and the particles they leave behind: "Chairman",
        "Minister" with no name after, "Former" before one; an organisation's name keeps its words
        ("International Court of Justice"). A portfolio word ends a name only where a title's head went first
        or two portfolios share a head after "and": "LPL Financial", "Genworth Financial" keep theirs; "the
        Finance Minister", "the US Interior and Commerce departments" are no names. The words dropped are counted
        and the piece cut once, so a run of titles is read in linear time."""
        toks = self.tokens
        headless = not self.text.startswith(" and ", toks[piece[-1]].end)
        e = len(piece)
        while e and toks[piece[e - 1]].low in self.c.titles and not has_org_word and (
                not headless or e == 1 or toks[piece[e - 1]].low in self.c.title_heads):
            headless = headless and toks[piece[e - 1]].low not in self.c.title_heads
            e -= 1
        e = self._end_before_particles(piece, e)
        s = 0
        # (a street keeps the words before its head: "High Street", "Chief Road" name no post)
        while s < e and toks[piece[s]].low in self.c.titles and \
                toks[piece[s]].low not in self.c.org_heads and e - s > 1 and (
                    not has_org_word or toks[piece[s]].low == "former") and toks[piece[e - 1]].low not in _STREET_HEADS:
            s += 1  # ("Former Kutztown University football player": no organisation is "Former")
        if s or e < len(piece):
            piece = piece[s:e]
        s = 0
        while s < len(piece) and toks[piece[s]].low in _PARTICLES and not self._leading_article(piece, s):
            s += 1
        return piece[s:] if s else piece

    def _speaks(self, piece: list[int]) -> bool:
        """Is a two-word piece ending in a title word that is a surname too ("Tishana King") a speaker named in
        full: a verb of saying and he or she after it, and its first word no English word, known place, demonym or
        acronym? (Any title word and any verb made firms and towns people: "Verizon Chief said", "Kwanele Mayor
        said".)"""
        first, last = self.tokens[piece[0]], self.tokens[piece[-1]]
        return last.low in _SURNAME_TITLES and _SAYS_HE_OR_SHE.match(self.text, last.end) is not None \
            and first.low not in english_words()[0] \
            and first.low not in self.c.common and not _is_acronym(first.word) and first.word not in self.g.demonyms \
            and self._place_of(piece[:1]) is None

    def _drops_first(self, piece: list[int], s: int, clock: bool) -> bool:
        """Does the piece from its word `s` on open with a word no name starts with: a particle, a clock's "PM"
        and a time zone after it (`clock`), a common word opening a sentence, alone or a function word (not a
        leading article: "Der Spiegel"; not a known place's name: "The Hague")? Asked as of `piece[s:]`,
        without cutting it."""
        toks = self.tokens
        first = toks[piece[s]]
        return not self._leading_article(piece, s) and (
            first.low in _PARTICLES or first.low == _CLOCK_LOW or clock and first.word in self.c.time_zones
            or first.low in self.c.common and (clock or first.initial or len(piece) - s == 1
                                               or first.low in _FUNCTION and first.low not in _NAME_OPENERS)) \
            and not (len(piece) - s > 1 and self._place_between(piece[s], piece[-1]) is not None) \
            and not (len(piece) - s > 2 and first.low in self.c.org_heads and toks[piece[-1]].low in self.c.org_heads)
        # (an organisation's word opening a sentence stays in a name that ends in one: "Government Accountability
        # Office officials said")

    def _plural_of(self, current: list[int], k: int, run: list[int]) -> bool:
        """Does a capitalised plural noun inside a sentence open a name with "of" ("Defenders of
        Wildlife", "Friends of the Earth", "Knights of Columbus")? One word before "of", not opening
        the sentence ("Leaders of Iran and Iraq met" is no name), an English word in the plural."""
        if len(current) != 1 or k + 1 >= len(run):
            return False
        tok = self.tokens[current[0]]
        return not tok.initial and tok.cap and tok.low.endswith("s") and not tok.low.endswith("ss") \
            and _english(tok.low) and tok.low not in self.c.titles

    def _common_field(self, first: str, rest: list[str]) -> bool:
        """Are both sides of "and" common English words (no name is also one: "ford", "apple")
        before an organisation word: "the Fish and Wildlife Service", "the Food and Drug
        Administration"? Not "Ford and General Motors", nor two portfolios sharing the head
        ("Interior and Commerce Department officials": two departments)."""
        common = english_words()[0]
        return first in common and len(rest) == 2 and rest[0] in common and rest[0] not in _FUNCTION \
            and not (first in self.c.title_modifiers and rest[0] in self.c.title_modifiers)

    def _place_with_and(self, current: list[int], rest: list[int]) -> bool:
        """Does a known place's name hold this "and" ("Azad Jammu and Kashmir", "Bosnia and
        Herzegovina", "Trinidad and Tobago")? The last words before it and the first after it
        are looked up together."""
        if not current or not rest:
            return False
        toks, text, places = self.tokens, self.text, self.g.places
        for j in range(max(0, len(current) - 3), len(current)):
            for m in range(min(3, len(rest))):
                if text[toks[current[j]].start:toks[rest[m]].end] in places:
                    return True
        return False

    def _federal_state(self, idx: list[int]) -> bool:
        """Do these words and "State" name a state of a federation ("Kaduna State", "in Rivers
        State")? A known place that is not a US state ("Ohio State" is a university) or a
        name after "in"; not an adjective ("Islamic State", "Penn State")."""
        place = self._place_of(idx)
        if place is not None:
            return place not in self.c.state_names
        before = _prev_word(self.text, self.tokens[idx[0]].start, 12)
        return before is not None and before.group(1) in _TOWN_PREPS and self._namelike(
            [self.tokens[i].word for i in idx]) and not any(self.tokens[i].low in english_words()[0] for i in idx)

    def _and_heads(self, current: list[int], rest: list[str]) -> bool:
        """One organisation word, "and", then an organisation's name ("the Securities and
        Exchange Commission", "the Fish and Wildlife Service"): one organisation."""
        words = [self.tokens[i].low for i in current if self.tokens[i].low not in _FUNCTION]
        return (len(words) == 1 and words[0] in self.c.org_heads and 1 <= len(rest) <= 2
                and rest[-1] in self.c.org_heads)

    def _and_in_field(self, current: list[int], rest: list[int]) -> bool:
        """An organisation named for a field of two things ("Academy of Motion Picture Arts
        and Sciences", "Commission for Elections and Referenda", "Department of Health and
        Human Services"): "and" stays in it when the run ends soon after and neither side is
        a place or a person ("Bank of America and Citigroup" are two)."""
        toks = self.tokens
        words = [toks[i].low for i in current]
        if not 1 <= len(rest) <= 2 or not toks[rest[0]].cap or len(words) < 3:
            return False
        if not any(words[j] in self.c.org_heads and words[j + 1] in ("of", "for") for j in range(len(words) - 2)):
            return False
        return (self._place_of(current[-1:]) is None and self._place_of(rest) is None
                and self._place_of(rest[:1]) is None and toks[rest[0]].word not in self.c.given_names
                and not any(_is_acronym(toks[i].word) or toks[i].low in self.c.org_heads for i in rest))

    def _reporting(self, tok: Token) -> bool:
        """A news agency named as a source in running text ("cited by AFP", "according to
        Reuters", "AP reported", "reports AP", "told the AFP news agency"), not in a byline or a dateline's
        "(AP)"."""
        before = _prev_word(self.text, tok.start, 20)
        after = _NEXT_WORD.match(self.text, tok.end)
        return (before is not None and (before.group(1).lower() in ("by", "to", "told", "from", "with")
                                        or before.group(1).lower() in _REPORT_VERBS and self._closes_report(tok))
                and self.text[tok.start - 1:tok.start] == " "
                or after is not None and (after.group(1).lower() in _REPORT_VERBS or after.group(1) in _AGENCY_NOUNS)
                and self.text[tok.end:tok.end + 1] == " ")

    def _closes_report(self, tok: Token) -> bool:
        """An agency's word after a report verb ("reports AP.", "said Reuters, citing ...") that ends the clause and
        is no person's name: "said X" is the commonest cue for a person quoted, and agencies' words are names too
        (RV30-N #2: '"We lost everything," said Wafa, a mother of three', "said Bloomberg" after "Michael
        Bloomberg", "said AP Chief Minister ..."). An apposition that calls it an agency ("said Wafa, the
        Palestinian news agency") settles it; else not before another apposition or a capitalised word (a lowercase
        one continues the clause: "said Reuters on Monday", "said Reuters and AFP"); not a given name; not the
        surname of a given name's full name in the text."""
        if _AGENCY_APPOSITION.match(self.text, tok.end):
            return True
        rest = self.text[tok.end:tok.end + 10]
        if not (rest[:1] in ("", ".", ";", ":", "!", "?", ")", '"', "\u201d")
                or rest.startswith((", citing", ", quoting")) or rest[:1] == " " and rest[1:2].islower()):
            return False
        word = tok.word
        if word in self.c.given_names or word in self.c.word_names:
            return False
        given = self.c.given_names
        return not any(m.group(1) in given for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(word)}\b", self.text))

    def _leading_article(self, piece: list[int], s: int = 0) -> bool:
        """A capitalised particle or foreign article that starts a name ("Der Spiegel", "Le
        Monde", "Van der Sar") stays in it (the piece from its word `s` on)."""
        first = self.tokens[piece[s]].word
        return len(piece) - s > 1 and first[:1].isupper() and first.lower() in _NAME_PARTICLES

    def _place_of(self, idx: list[int]) -> str | None:
        return self._place_between(idx[0], idx[-1])

    def _place_between(self, first: int, last: int) -> str | None:
        """The place the text from token `first` to token `last` names; a span longer than every
        place's name is none, without being cut from the text."""
        start, end = self.tokens[first].start, self.tokens[last].end
        if end - start > self.g.longest_place:
            return None
        return self.g.places.get(self.text[start:end])

    def _type_piece(self, idx: list[int], plain: bool = False) -> None:
        """Type a piece by its words and what stands around it. `plain`: a word alone that no rule reading the
        word alone can type (`_word_class`): those rules are skipped, the ones that read the text around it
        are asked as for any piece."""
        toks = self.tokens
        c = self.c
        if not plain:  # (a plain word: none of the rules up to the end's is for it)
            if len(idx) == 1:
                word = toks[idx[0]].word
                if word[-1] == "s" and len(word) > 2 and word[:-1].isupper() and word[:-1].isalpha():
                    return  # "The MPs term", "CEOs", "NGOs": a common noun's abbreviation in the plural
                if (word in c.languages or word in self.g.demonyms) and self._language_after(toks[idx[0]].start):
                    return  # "he spoke Mandarin", "speaks French fluently": a language
                if self._nationals(word):
                    return  # "The Indians say", "But Greeks must": people, not a place (as a run of its own)
            # A word with digits ("A380", "KC-45") names a product or model: so does the name in
            # front of it ("Airbus A380"), unless a numbering word stands between ("Air France
            # Flight 447" names Air France; "Terminal 3" names nothing).
            for k, i in enumerate(idx):
                # ... and so does a model code that looks like an acronym after a name ("Airbus A400M", "Sony PS3")
                if _has_digit(toks[i].word) and (not _is_acronym(toks[i].word)
                                                 or k > 0 and not _is_acronym(toks[idx[k - 1]].word)):
                    if len(idx) == 1 and self._next_lower(toks[i].end) in self.c.armed_group_nouns:
                        self._add(idx, ORG, strong=True)  # "the M23 rebel group", "the 18th Street gang"
                        return
                    if k == 0 or toks[idx[k - 1]].low not in c.numbered:
                        self._product(idx[k + 1:])  # "A350 XWB": XWB; the maker is no product
                        return
                    idx = idx[:k - 1]
                    while idx and toks[idx[-1]].low in _PARTICLES:
                        idx = idx[:-1]
                    if not idx:
                        return
                    break
        end = toks[idx[-1]].end
        if not plain and toks[idx[-1]].low in c.numbered and self.text[end:end + 1] == " " and \
                self.text[end + 1:end + 2].isdigit():
            idx = idx[:-1]  # "Adam Air Flight 574"
            if not idx:
                return
            end = toks[idx[-1]].end
        elif not toks[idx[-1]].possessive and _model_number_after(self.text, end) and \
                not _YEARISH.match(self.text, end) and \
                not _RESULT_BEFORE.search(self.text, max(0, toks[idx[0]].start - 16), toks[idx[0]].start):
            # "Boeing 787", "Boeing 737-800": the maker is not a product of its own; a score
            # after a result is no model ("beat the Boston Celtics 102-99")
            return
        start = toks[idx[0]].start
        n = len(idx)  # (asked at every rule below; the piece is not cut from here on)
        if not plain and n == 1 and toks[idx[0]].low in _STREET_HEADS:
            ordinal = _ORDINAL_BEFORE.search(self.text, max(0, start - 8), start)
            if ordinal:
                self._add(idx, PLACE, strong=True, start=ordinal.start())  # "on 117th Street"
                return
        # (a model number has two digits: most names have none before them, and the search is not run)
        model = _MODEL_BEFORE.search(self.text, max(0, start - 16), start) \
            if _TWO_DIGITS.search(self.text, max(0, start - 16), start) else None
        if model and not self._count_before(model.start(), end) and not (
                _YEAR_OR_TIME.match(model.group()) and self.text[start:end].isupper()) \
                and not (n == 1 and toks[idx[0]].word in self.g.demonyms):  # "12 Somali and 11 Kenyan": people counted
            self._product(idx)  # "the 787 Dreamliner"
            return
        words = [toks[idx[0]].word] if n == 1 else [toks[i].word for i in idx]
        lowered = [toks[idx[0]].low] if n == 1 else [toks[i].low for i in idx]
        if self._is_product(idx, start, end, lowered):
            return
        after = self._next_lower(end)  # (the lower-case word after the name, asked by rules below too)
        if lowered[-1] in c.indices and n > 1 or after in c.indices:
            return  # "Dow Jones Industrial Average", "the Hang Seng index": an instrument
        if self.text[end:end + 1] in _INDEX_NUMBER_OPENS and self._index_numbered(start, end):
            return  # "the Russell 2000 Index", "Russell 2000 fell", "Standard & Poor's 500 index": an index
        if n == 1 and (words[0] in self.index_codes or self.text[start - 1:start] == "(" and self._index_code(start, words[0])):
            return  # "the Dow Jones industrial average (INDU)", and the code alone after: the index
        if not plain:  # (the rules down to the facility after the name read the name alone, or are for many words)
            span = self.text[start:end]  # (read once: the lists below are asked for the whole name)
            if span in c.index_names and self._index_sense(start):
                return  # "the Nasdaq fell", "the Hang Seng": an index, not an organisation
            single = n == 1
            if single:
                word = words[0]
                if word.rstrip(".") in _GENERATIONS or word in c.time_zones:
                    return  # "Arcade Joseph Comeaux, Jr.": the suffix alone is no name; "1052 GMT", "9:03am AEST"
                if word[-1:] == "s" and word[:-1].isupper() and word[:-1].lower() in c.common:
                    return  # "insurance company CEOs", "VIPs": a common word's plural
                if word in c.currencies and (len(word) == 3 and word.isupper() or self.text[end:end + 1] == "$"
                                             or self.text[end:end + 1] == " " and self.text[end + 1:end + 2].isdigit()):
                    return  # "in USD", "US$40 billion", "USD 23 billion": a currency
            elif lowered[-1] == "time" and lowered[-2] in c.time_zone_words:
                return  # "8 pm Eastern Time", "Greenwich Mean Time": a time zone
            if (span.replace("’", "'") if "’" in span else span) in self.holidays:
                return  # "Christmas", "New Year": a day, not an organisation
            if not single and span in c.org_names:
                self._add(idx, ORG, strong=True)  # "Morgan Stanley", "Saudi Aramco": no person, no place
                return
            place = self.g.places.get(span)
            if place is not None:
                self._add_place(idx, place)
                return
            if n > 1 and lowered[-1] in _PARTY_MEMBERS:
                home = self._place_of(idx[:-1])
                if home is not None:
                    self._add(idx[:-1], PLACE, strong=True, name=home)  # "a California Democrat"
                    return
            if n > 2 and lowered[0] in _GEO_OF and lowered[1] == "of":
                self._add(idx, PLACE, strong=True)  # "Gulf of Aden", "Bay of Bengal"
                return
            if n > 2 and "of" in lowered:
                place = self._state_of(idx, lowered)
                if place is not None:
                    self._add(idx, PLACE, strong=True, name=place)  # "Democratic Republic of Congo"
                    return
            if n > 1:
                region = self._region(words)
                if region is not None:
                    self._add(idx, PLACE, strong=True, name=region)  # "Middle Eastern", "North African"
                    return
            if words[0].isupper() and (n == 1 and len(words[0]) > 3 or n > 1) \
                    and span.isupper() and span.title() in self.g.places:
                # "TEHRAN:", "NEW DELHI —": a date line
                self._add(idx, PLACE, strong=True, name=self.g.places[span.title()])
                return
            if n > 1 and words[-1] in WEEKDAY_NAMES:
                return  # "Black Monday", "Super Tuesday": a named day
            if n > 1 and lowered[-1] in c.event_heads and not toks[idx[-1]].possessive \
                    and not (n > 4 and self._for_an_aim(idx)):
                return  # "won the Monaco Grand Prix for Mercedes": an event cut off the run by "for"
            if n == 1 and words[0][1:2] == "-" and _PARTY_STATE.match(words[0]) \
                    and self.text[start - 2:start] == ", ":
                return  # "Sen. Chuck Schumer, D-N.Y.,": a party and a state
            if n > 1 and lowered[-1] in c.place_heads and (
                    lowered[-1] in _STREET_HEADS or not any(w in c.org_heads or w in c.org_suffixes for w in lowered[:-1])) \
                    and not (
                        n == 2 and words[0] in c.given_names and self.text[max(0, start - 4):start] not in ("the ", "The ")
                        and (lowered[1] == "hall" or _SPEAKS_AFTER.get().match(self.text, toks[idx[-1]].end) is not None
                             or self.text[max(0, start - 3):start] == "By " and self.text[start - 4:start - 3] in ("\n", "")
                             and self.text[toks[idx[-1]].end:toks[idx[-1]].end + 1] in ("\n", ""))):
                # "Changi Airport", "Moscone Center", "Church Avenue", "College Road"; not "Dale Hall, who directs ..."
                # (the Albert Hall is one), "Jon Park of the City Council said", "Sara Lake said": a given name and a
                # surname that heads places, then a speaker's verb or a body the person is of; a byline ("By Jon Park")
                self._add(idx, PLACE, strong=True)
                return
            if lowered[-1] in c.org_suffixes or not c.org_heads.isdisjoint(lowered) and not all(
                    _acronym_in_title_case(word) for word, low in zip(words, lowered) if low in c.org_heads):
                if n == 1 and lowered[0] not in _LONE_ORGS:
                    # A lone "Army" or "Ministry" is a common noun in title case, not a name,
                    # unless the article names the organisation in full ("the Academy" after
                    # "the Academy of Motion Picture Arts and Sciences"): settled later.
                    if toks[idx[0]].initial or not _is_acronym(words[0]):
                        self._add(idx, None, short=True)
                        return
                self._add(idx, ORG, strong=True)
                return
            if n == 2 and words[0] in self.g.demonyms and lowered[1] in _PEOPLE_WORDS:
                self._add(idx[:1], PLACE, strong=True, name=self.g.demonyms[words[0]])  # "the American People"
                return
            if n == 2 and words[0] in self.g.demonyms and lowered[1] in english_words()[0] \
                    and toks[idx[1]].low not in c.titles and not toks[idx[1]].initial:
                self._add(idx, ORG)  # "British Gas", "American Express": a national company named by its trade
                return
            if words[0] in self.g.demonyms:
                # "Iranian Foreign Minister" -> place Iran; what follows may be a name.
                self._add(idx[:1], PLACE, strong=True, name=self.g.demonyms[words[0]])
                if n > 1:
                    self._type_piece(idx[1:])
                return
            if n > 1 and words[-1] in self.g.demonyms:
                # A demonym is an adjective: it ends what comes before it ("Top Pakistani").
                self._type_piece(idx[:-1])
                self._add(idx[-1:], PLACE, strong=True, name=self.g.demonyms[words[-1]])
                return
            if n == 1 and words[0] in _COMPASS_REGIONS and self.text[max(0, start - 4):start] in ("the ", "The "):
                self._add(idx, PLACE, strong=True)  # "the West": a region
                return
            if n == 1 and (len(lowered[0]) >= 7 and lowered[0].endswith(("ist", "ists"))
                                  or len(lowered[0]) >= 6 and lowered[0].endswith(("ism", "isms"))):
                return  # "Zionist", "Islamist", "Judaism": a creed, not a name
            for w in lowered:  # (a loop, not all() over a generator: one word mostly)
                if w.rstrip(".") not in c.common and w != _CLOCK_LOW:
                    break
            else:
                return  # common words only
            if n > 1 and words[0] in _PLACE_PREFIXES:
                self._add(idx, PLACE, strong=True)  # "off Cape Cod", "Mount Everest", "Lake Placid"
                return
            if n == 2 and words[0] in _COMPASS_REGIONS and self._namelike(words[1:]):
                before = _prev_word(self.text, start, 20)
                # "in North Waziristan", as "in Bloomington"; not after "to", "of", "from", which
                # as often name a club or a company ("a move to West Ham", "the head of North Face")
                if before is not None and before.group(1) in _TOWN_PREPS:
                    self._add(idx, PLACE, strong=True)
                    return
        if after in _PLACE_AFTER and not (after in _BRAND_FACILITIES and (
                _ONE_OF_A_BRAND.search(self.text, max(0, start - 4), start) or _BRAND_AFTER.match(self.text, end))):
            # "Heathrow airport", "the Moscone West center", "the Hilton hotel in Islamabad"; not a brand's
            # hotels ("a Trump hotel", "the Marriott hotel chain")
            self._add(idx, PLACE, strong=True)
            return
        state = self._state_after_town(idx, start, end, words) if n == 1 or not self._team_like(words) \
            else None
        if state is not None:
            self._add(idx, PLACE, strong=True, name=state or None)
            return
        if n == 1 and not plain:
            w = words[0]
            if w.isdigit() or len(w) < 2:
                return
            if not _is_acronym(w) and (w.isupper() and len(w) > 7):
                return
        if self.text[max(0, start - 4):start] == "new " and _NEW_BEFORE.search(self.text, max(0, start - 16), start) \
                and not self._acts(words[0]) \
                and after not in self.c.tenures:  # not "the new Labour government"
            self._product(idx)  # "the new MacBook", "its new Camry": a product, in all its mentions
            return
        self._add(idx, None)

    def _add_place(self, idx: list[int], place: str) -> None:
        """A known place, unless a lone town's name is a surname after a title ("Governor
        Jackson") or its company speaking ("Toyota said it would")."""
        if len(idx) == 1:
            tok = self.tokens[idx[0]]
            if self._titled_town(tok.start, place):
                self._add(idx, PERSON, strong=True)
                return
            if self._city_company(tok.word, place, tok.start, tok.end):
                self.city_companies.add(tok.word)
                self._add(idx, ORG, strong=True)
                return
        self._add(idx, PLACE, strong=True, name=place)

    def _city_company(self, word: str, place: str, start: int, end: int) -> bool:
        """Is a city's name its company's where it stands: before a company spokesman ("a
        Toyota spokesman") or saying something of itself ("Toyota said it would")? A capital that speaks is its
        government ("Moscow said"); countries and states are places, and so is a city after a
        preposition ("a worker in Dubai said"); after a title it is a surname ("Senator Warren
        said it was")."""
        if place in self.g.countries or word in self.c.state_names:
            return False
        capital = place in self.g.capitals
        if self.text[end:end + 1] in ("'", "’"):  # "Toyota's sales dropped", "Toyota's shares": what a firm has
            owned = _OWNED_BY_FIRM.match(self.text, end)
            return owned is not None and not capital and self._not_after_place_word(start)
        if self.text[end:end + 1] != " ":
            return False
        after = self._next_lower(end)
        if after not in _COMPANY_STAFF and (capital or after not in _COMPANY_HEADS and not (
                after == "chief" and _COMPANY_CHIEF.match(self.text, end))) and (
                capital or not _SAID_IT.match(self.text, end)):
            return False
        return self._not_after_place_word(start)

    def _not_after_place_word(self, start: int) -> bool:
        """Is the word before `start` neither a preposition of place ("in Toyota") nor a title ("Senator Warren")?"""
        before = _prev_word(self.text, start, 20)
        return before is None or before.group(1).lower() not in _PLACE_PREPS and not self._is_title(before.group(1))

    def _team_like(self, words: list[str]) -> bool:
        """A known place, then the plural of a common noun: a team or a body ("the Baltimore
        Orioles, Washington Nationals and Boston Red Sox"), never a town before its state nor a
        person named by the plural alone ("the Orioles")."""
        last = words[-1].lower()
        if last[-1:] != "s" or words[0] not in self.g.places:
            return False
        common = english_words()[0]
        return last in common and last[:-1] in common  # a common noun's plural: not "Florence Williams", "Madison Keys"

    def _state_after_town(self, idx: list[int], start: int, end: int, words: list[str]) -> str | None:
        """A US state abbreviation after a town ("Calif" in "Rancho Mirage, Calif.") gives the
        state's name; a town before its state or country ("Palmer, Alaska") gives "" (a place
        known by its own name); None otherwise."""
        abbreviations = self.c.state_abbreviations
        if len(idx) == 1 and words[0].rstrip(".") in abbreviations and self.text[start - 2:start] == ", " \
                and self.text[max(0, start - 3):start - 2].isalpha():
            return abbreviations[words[0].rstrip(".")]
        m = _AFTER_TOWN.match(self.text, end) if self.text[end:end + 1] == "," else None
        if m is None:
            return None
        after = m.group(1)
        for candidate in (after, after.split(" ")[0]):
            candidate = candidate.rstrip(".")
            if candidate in abbreviations or candidate in self.g.countries or \
                    candidate in self.c.state_names:
                # (a town named like a person is one before its state: "Troy, Mich.", "Troy, Michigan")
                return "" if not self._namelike(words) or not any(w in self.c.given_names for w in words) \
                    or len(words) == 1 and words[0] in self.g.given_towns else None
        return None

    def _bare_name(self, word: str) -> bool:
        """Is the name never written after an article ("the Mac", "a MacBook")?"""
        return not _written_with(self.text, word, _WORD_END, _ARTICLE_BEFORE, 4)

    def _written_alone(self, word: str) -> bool:
        """Is the name written somewhere with no capital or digit after it ("Intel" but not "Intel Core")?"""
        return _written_with(self.text, word, _ALONE_AFTER)

    def _acts(self, word: str) -> bool:
        """Does the article write the name as an organisation's somewhere ("Apple said",
        "Apple's", "Apple Inc.")? Then "a new Apple technology" names no product "Apple". (Remembered for each
        word, `_written_as_firm`: each "the new Zorblax" or "Zorblax ... Conference" asked it again, n^2.)"""
        return self._written_as_firm(word, _ACTS_AFTER)

    def _count_before(self, number_start: int, end: int) -> bool:
        """A bare number after a verb or preposition and before "<name> <plural noun>" counts
        things the name qualifies ("there are 500 Apple engineers"), unlike a model number
        after a determiner ("the 787 Dreamliner")."""
        number = self.text[number_start:self.text.index(" ", number_start)]
        if not number.isdigit():
            return False
        before = _prev_word(self.text, number_start, 20)
        if before is None or before.group(1).lower() in _DETERMINERS or before.group(1).endswith(("'s", "’s")):
            return False
        return self._next_lower(end).endswith("s")

    def _index_numbered(self, start: int, end: int) -> bool:
        """Is the name from `start` to `end` an index's, its number after it: the two a listed index name
        (`Cues.index_names`: "Russell 2000", "FTSE 100"), or an index word after the number ("the Russel 2000
        Index", "the Standard & Poor's 500 index": `Cues.indices`)?"""
        m = _INDEX_NUMBER.match(self.text, end)
        if m is None:
            return False
        if self.text[start:m.end(1)] in self.c.index_names:
            return True
        # (a possessive before a year is its owner's: "London's 2024 average rent", "Tesla's 2023 average selling
        # price", "Babe Ruth's 1927 average": RV28-E #4)
        return (m.group(2) or "").lower() in self.c.indices and not (
            (m.group()[:1] in "'’" or self.text[end - 2:end] in ("'s", "’s"))
            and _YEAR_LIKE.fullmatch(m.group(1)) is not None)

    def _index_code(self, start: int, word: str) -> bool:
        """Is the acronym `word` in brackets at `start` an index's code, an index word before the bracket ("the Dow
        Jones industrial average (INDU)", "Dow Jones Industrial Average (DJIA)")? Its later mentions are the index
        too (`index_codes`)."""
        if not word.isupper() or not word.isalpha() or self.text[start + len(word):start + len(word) + 1] != ")":
            return False
        before = _PREV_WORD.search(self.text, max(0, start - 16), start - 1)
        if before is None or before.group(1).lower() not in _CODED_INDICES:
            return False
        # ... an index's own name: a capitalised word among the two before its index word ("MSCI World Index
        # (MXWO)", "Dow Jones industrial average (INDU)"), not "the national average (AAA)", "Bitcoin futures
        # (CME)", "the Richter scale (USGS)": an organisation the story names (RV28-E #5)
        if not before.group(1)[0].isupper():
            words = self.text[max(0, before.start(1) - 40):before.start(1)].split()[-2:]
            if not any(w[0].isupper() and w.lower() not in ("the", "a", "an") for w in words):
                return False
        self.index_codes.add(word)
        return True

    def _index_sense(self, start: int) -> bool:
        """An index name is the exchange after "on" ("listed on the Nasdaq"), else the index."""
        before = self.text[max(0, start - 12):start].lower()
        return not before.endswith(("on the ", "on "))

    def _is_product(self, idx: list[int], start: int, end: int, lowered: list[str]) -> bool:
        """A product's name with no model number: after a lower-camel brand ("iTunes Music
        Store", "iPod Classic"), before a product class ("Mac OS X operating system"), or
        described as one ("Tiger, the code name for ..."). Its other mentions follow."""
        c = self.c
        if not c.org_heads.isdisjoint(lowered) or not c.org_suffixes.isdisjoint(lowered):
            return False
        if self.text[end:end + 1] == "," and _VESSEL_COMMA.search(self.text, max(0, start - 14), start) \
                and self.tokens[idx[0]].word not in c.given_names and _VESSEL_CLAUSE.match(self.text, end):
            self._product(idx)  # "the pirate dhow, Salahaddin, which": a vessel's name in apposition
            return True
        if _brand_or_class_before(self.text, start) or \
                self.text[self.product_end:start] in _PRODUCT_LINKS and not _age_after(self.text, end) or \
                self.text.endswith(_LIST_CUE_ENDS, max(0, start - 15), start) and self._products_listed_before(start):
            # "iTunes Music Store"; "web browser Safari"; "iPod Classic, Nano and Shuffle"; not a person with an
            # age after a product ("a grey Toyota Camry and Vishwanand Subryan, 23, of Schenectady")
            self._product(idx)
            return True
        if self.text[start - 4:start] in ("the ", "The ") and self.text[end:end + 1] == " " \
                and _WORKS_AFTER.match(self.text, end) and self.tokens[idx[0]].word not in c.given_names \
                and not self._written_as_firm(self.text[start:end], _FIRM_AFTER):
            self._work(self.text[start:end])  # "the Twilight franchise": a series of works, not its studio
            return True
        after = _NEXT_WORD.match(self.text, end) if len(idx) > 1 else None  # (read for a name of two words or more)
        if after and after.group(1).lower() in c.products and after.start(1) == end + 1:
            maker = self.tokens[idx[0]].word
            if self._acts(maker) or self._written_alone(maker) and self._bare_name(maker):
                # "Intel Core Duo processors" where "Intel said", or "Intel" alone and never "the
                # Intel": Intel makes them; "the Mac" is a product line
                self._type_piece(idx[:1])
                idx = idx[1:]
            else:
                self.products.add(maker)  # "the Mac" alone is the product line too
            self._product(idx)
            return True
        if self.text[end:end + 2] == ", ":  # (what every apposition below opens with, asked first)
            appos = _PRODUCT_APPOSITION.match(self.text, end)
            if appos and appos.group(1).lower() in c.products:
                self._product(idx)
                return True
            if _WORK_APPOSITION.match(self.text, end) and self.tokens[idx[0]].word not in c.given_names:
                self._work(self.text[start:end])  # "New Moon, the second novel in the series": a work's title
                return True
            appos = _CLASS_APPOSITION.match(self.text, end)
            if appos and appos.group(1).lower() in c.product_classes and self.tokens[idx[0]].word not in c.given_names:
                self._product(idx)  # "the Chevy Volt, a plug-in hybrid, goes on sale"
                return True
        if self.text[max(0, start - 13):start].lower() == "sales of the ":
            self._product(idx)  # "sales of the Chevrolet Malibu"; "sales of Apple" is the maker
            return True
        return False

    def _products_listed_before(self, start: int) -> bool:
        """Does a product class's plural, or "models", list the name ("eight models including the Camry and
        Corolla", "cars such as the Prius", "drugs like Lipitor")? (Not "companies such as Apple".) Asked where the
        text before the name ends in the cue (`_LIST_CUE_ENDS`): a search before every name cost ~2% of a fresh pass."""
        m = _LISTED_AS.search(self.text, max(0, start - 32), start)
        if m is None:
            return False
        kind = m.group(1).lower()
        return kind == "models" or kind.endswith("s") and (kind in self.c.product_classes
                                                           or kind[:-1] in self.c.product_classes)

    def _work(self, title: str) -> None:
        """Remember a work's title, and the title without a first word that a sentence's opening
        would shed ("Moon" of "New Moon sold well")."""
        self.works.add(title)
        first, _, rest = title.partition(" ")
        if rest and first.lower() in self.c.common:
            self.works.add(rest)

    def _next_lower(self, end: int) -> str:
        """The word right after `end` when it is in lower case ("Hang Seng index" -> "index"). (Kept for each
        end: the rules ask it of the same names again, half of all asks.)"""
        word = self.lower_after.get(end)
        if word is None:
            if not "a" <= self.text[end + 1:end + 2] <= "z":
                word = ""  # (what `_NEXT_LOWER` needs first, asked without a regex call)
            else:
                m = _NEXT_LOWER.match(self.text, end)
                word = m.group(1) if m else ""
            self.lower_after[end] = word
        return word

    def _state_of(self, idx: list[int], lowered: list[str]) -> str | None:
        """A state's formal name: a state head, "of" and a place ("Democratic Republic of
        Congo", "Kingdom of Saudi Arabia"); its canonical name from the gazetteer."""
        k = lowered.index("of")
        if k == 0 or lowered[k - 1] not in self.c.state_heads:
            return None
        tail = idx[k + 1:]
        if tail and lowered[k + 1] == "the":
            tail = tail[1:]
        if not tail or self._place_of(tail) is None:
            return None
        full = self.text[self.tokens[idx[0]].start:self.tokens[idx[-1]].end]
        places = self.g.places
        return places.get(full.replace(" of ", " of the ", 1)) or places.get(full.replace(" of the ", " of ", 1)) or full

    def _region(self, words: list[str]) -> str | None:
        """The region a compound demonym names: "Middle Eastern", "North African"."""
        demonyms = self.g.demonyms
        region = demonyms.get(" ".join(words))
        if region is None and len(words) == 2 and words[0] in _COMPASS and words[1] in demonyms:
            region = self.g.places.get(f"{words[0]} {demonyms[words[1]]}")
        if region is None and words[0] in _COMPASS and " ".join(words[1:]) in self.g.places:
            region = " ".join(words)  # "Southern California", "Northeast Philadelphia": a part of a place
        return region

    def _product(self, idx: list[int]) -> None:
        """Remember a product's name that follows its model number ("787 Dreamliner") so
        that its other mentions are not taken for an organisation."""
        toks = self.tokens
        if idx:
            self.product_end = toks[idx[-1]].end
        words = [toks[i].word for i in idx if not _has_digit(toks[i].word)]
        if words and words[-1] not in self.g.places and words[-1].lower() not in self.c.org_heads:
            self.products.add(words[-1])
            self.products.add(" ".join(words))

    def _add(self, idx: list[int], kind: str | None, strong: bool = False,
             name: str | None = None, start: int | None = None, short: bool = False) -> None:
        toks = self.tokens
        end = toks[idx[-1]].end
        if start is None:
            start = toks[idx[0]].start
        first = idx[0]
        before = _prev_word(self.text, start, 40)
        prev_word = before.group(1).lower() if before else ""
        after = _NEXT_WORD.match(self.text, end)
        next_word = after.group(1).lower() if after else ""
        words = [toks[first].word] if len(idx) == 1 else [toks[i].word for i in idx]
        if start < toks[idx[0]].start:
            words.insert(0, self.text[start:toks[idx[0]].start].strip())
        self.pieces.append(Piece(start, end, self.text[start:end], words,
                                 kind, strong, name, toks[first].initial, prev_word, next_word, short=short))

    # --- settling -------------------------------------------------------------------

    def _acronyms(self) -> None:
        """`Long Name (LN)`: the acronym takes the long name's kind and canonical name."""
        self.acronyms: dict[str, Piece] = {}
        text = self.text
        for k, piece in enumerate(self.pieces):
            if len(piece.words) < 2:
                continue
            after = text[piece.end:piece.end + 14]
            # "the Pakistan National Shipping Corporation's (PNSC) fleet": past a possessive too
            m = _ACRONYM_AFTER.match(after) if "(" in after else None
            if not m:
                continue
            acr = m.group(1).replace(".", "")
            if not _acronym_of_words(acr, piece.words):
                continue
            self.acronyms[m.group(1)] = piece
            self.acronyms[acr] = piece

    def _nicknames(self) -> None:
        """A nickname in brackets or quotes between two names ("Kimani (Kiki) Gray", 'Luis Gerardo
        "Jerry" Ortiz'): the names on both sides and the nickname are one person's, and the surname
        alone is that person elsewhere in the article (its strong mentions vote)."""
        text = self.text
        by_start: dict[int, Piece] | None = None  # (made once: the loop changes pieces' kinds, not the list)
        for m in _NICKNAME.finditer(text):
            if text[m.start() - 1:m.start()] != " ":
                continue
            if by_start is None:
                by_start = {p.start: p for p in self.pieces}
            piece, given = by_start.get(m.end()), self._piece_ending(m.start() - 1)
            if piece is None or len(piece.words) > 2 or not self._namelike(piece.words) \
                    or given is None or len(given.words) > 3 or not self._namelike(given.words):
                continue
            for p in (given, piece, by_start.get(m.start(1))):
                if p is not None:
                    p.kind, p.strong, p.name = PERSON, True, None

    def _settle(self) -> None:
        pieces = self.pieces
        # Acronyms defined in the text.
        acronyms = self.acronyms
        for piece in pieces if acronyms else ():
            long = acronyms.get(piece.text)
            if long is not None and long is not piece:
                if long.kind is None:
                    long.kind = ORG
                    long.strong = True
                piece.kind = long.kind
                piece.strong = True
                piece.name = long.name or long.text
        # Other mentions of a product seen next to a model number ("the 787 Dreamliner").
        if self.products:
            for piece in pieces:
                if not piece.strong and piece.words and (
                        piece.words[-1] in self.products or piece.words[-1].rstrip("s") in self.products):
                    piece.kind = None
                    piece.words = []
            self.pieces = pieces = [p for p in pieces if p.words]
        if self.works:  # the other mentions of a work's title named in quotes
            self.pieces = pieces = [p for p in pieces if p.strong or p.text not in self.works]
        # Evidence around untyped pieces.
        votes, lone, self.cued, org_words, short_forms, lone_places = self._evidence(pieces)
        lower_vocab = self.lower_vocab
        no_names = []
        weak_orgs: list[Piece] = []  # names of two words or more made organisations by no sign but a first word
        self._namers_at = ()  # (this loop types only the piece it is at: see `_namers`)
        for piece in pieces:
            if piece.kind is None and len(piece.words) >= 2:
                if piece.next_word == "winner" and self.text.endswith("-time ", 0, piece.start) \
                        or piece.text.isupper() and self._shouted(piece):
                    no_names.append(piece)  # "the two-time Gold Glove winner" (an award); "the world of NEW MOON"
                    continue
                full_form = short_forms.get(tuple(piece.words))
                if full_form is not None and not self._person_cue(piece):
                    piece.kind, piece.name = full_form.kind, full_form.name or full_form.text
                    continue
                piece.kind = PLACE if self._town(piece) or self._maybe_locative(piece) and self._locative(piece) else \
                    self._multiword_kind(piece, lone, org_words, lower_vocab, lone_places)
                if self._weak_org:
                    self._weak_org = False
                    if piece.kind == ORG:
                        weak_orgs.append(piece)
        self._namers_at = None
        if no_names:
            self.pieces = pieces = [p for p in pieces if all(p is not q for q in no_names)]
        # "the Trump administration", "Netanyahu's wife": a leader's or a person's surname.
        leaders: set[str] = set()
        person_words: dict[str, int] = {}  # surnames (and given names) of people named in full
        org_first: dict[str, str] = {}
        weak_first: set[str] = set()  # first words of organisations no cue typed
        for piece in pieces:
            if piece.kind is None:
                if len(piece.words) == 1 and (
                        piece.next_word in self.c.tenures and piece.prev_word == "the"
                        or piece.next_word == "administration" or self._possessed(piece) in self.c.relations):
                    leaders.add(piece.words[0])
            elif piece.kind == PERSON and len(piece.words) >= 2:
                for w in piece.words:
                    if w[:1].isupper() and w.lower() not in _NAME_PARTICLES:
                        person_words[w] = person_words.get(w, 0) + (2 if w == piece.words[-1] else 1)
            elif piece.kind == ORG and len(piece.words) >= 2 and piece.words[1].lower() not in self.c.town_services:
                # (not "Palmer Fire Department", "Bloomington Police": a town's service leaves the town a place)
                first = piece.words[0]  # the first cue-typed organisation wins, else the first one
                if first not in org_first or piece.strong and first in weak_first:
                    org_first[first] = piece.name or piece.text
                    (weak_first.discard if piece.strong else weak_first.add)(first)
        org_heads_named = self._org_heads_named(pieces)
        defaulted: list[Piece] = []  # lone names typed an organisation for want of any sign
        self._namers_at = ()  # (as the loop above)
        for piece in pieces:
            if piece.kind is not None:
                continue
            w = piece.words[0] if len(piece.words) == 1 else None
            if piece.short:
                if w in person_words and w.lower() not in self.c.org_heads:
                    piece.kind = PERSON
                elif w in org_first or w in org_heads_named:
                    piece.kind = ORG
                    piece.name = org_first.get(w) or org_heads_named[w]
                continue
            vote = votes.get(piece.text)
            if vote:
                piece.kind = max(vote, key=vote.get)
            elif self._town(piece) or self._maybe_locative(piece) and self._locative(piece):
                piece.kind = PLACE  # "a fire in Palmer" where "Palmer Police" is named too; "clashes in Kurram"
            elif w is not None and (w.endswith("al") and self._capital_adjective(w, piece)
                                    or piece.prev_word in ("a", "an") and self._capital_noun(w, piece)):
                piece.kind = None  # "A Congressional probe", "Environmental groups" (where the EPA is named),
                # "in a Dumpster outside"
            elif w is not None and w in org_first and w not in leaders \
                    and not (w in weak_first and person_words.get(w, 0) >= 2):  # ("the Obama administration")
                piece.kind = ORG  # ("Thompson" is Tony Thompson's, not a headline's "Thompson II Results")
                piece.name = org_first[w]
            elif w is not None and (w in person_words or w in leaders or w in self.cued):
                piece.kind = PERSON
            elif w is not None and not _is_acronym(w) and (piece.prev_word in self.c.title_heads
                                                            or self._titled_of(piece)):
                piece.kind = PERSON
            elif w is not None and (_has_digit(w) or w.lower() in lower_vocab
                                    and not _is_acronym(w)):
                piece.kind = None  # "A380", or a word the article also uses in lower case
            elif w is not None and w in self.c.given_names:
                piece.kind = PERSON  # "I agreed with Craig and Neil": a first name alone
            elif w is not None and not _is_acronym(w) and self._surname_shape(w, piece):
                piece.kind = PERSON  # "Though Epstein never likes to act as if he ...", "O'Brien", "Georgescu"
            elif piece.initial and w is not None and not self._seen_inside(piece.text) and not (
                    _is_acronym(w) and (len(w) > 2 or piece.next_word in _REPORT_VERBS or self._verb_after(piece)
                                        or self._owner_after(piece))
                    and w.lower() not in self.c.common and not (len(w) > 4 and w.lower() in english_words()[0])) \
                    and not w.endswith(("'s", "’s")) and not self._named_opener(piece, w):  # "Moody's said"
                # a capitalised sentence opener with no other sign ("CNN says" has one; "INITIAL results from
                # the post-mortem", "POSTED:": an English word in capitals is a lead-in, no acronym)
                piece.kind = None
            elif piece.prev_word == "to" and piece.next_word in _OBJECT_PRONOUNS and w is not None \
                    and self.text.startswith(" ", piece.end):
                piece.kind = None  # "had to Taser him": a verb (not "went to Exxon, him and the mayor": a list)
            else:
                piece.kind = ORG
                defaulted.append(piece)
        self._namers_at = None
        if defaulted:
            # ... take the kind a sign gave the same name elsewhere in the article ("a Bloomington parking lot"
            # where "in Bloomington" stands): one name, one kind in an article
            signed = {p.text: p.kind for p in pieces if p.kind in (PLACE, PERSON) and len(p.words) == 1}
            for piece in defaulted:
                kind = signed.get(piece.text)
                if kind is not None:
                    piece.kind = kind
            self._defaulted_people(defaulted, person_words)
        self._companies_named_like_towns(pieces)
        # A single word that is a person's name elsewhere in the article is that person,
        # even where the gazetteer knows a town of that name ("Jackson said", Mark Jackson's).
        for piece in pieces:
            if (piece.kind == PLACE or piece.kind == ORG and piece.text in self.city_companies) \
                    and len(piece.words) == 1 and person_words.get(piece.words[0], 0) >= 2 \
                    and piece.words[0] not in self.g.demonyms and self.g.places.get(piece.text) not in self.g.countries \
                    and piece.text not in self.c.state_names:  # ("Palmer Alaska" read as a person leaves Alaska)
                piece.kind = PERSON
                piece.name = None
        # One name, one kind: a name of two words or more that a cue makes a person in the article is that person
        # where it was a place only for its surname ("Jon Park had met officials", a park, where "Jon Park of the City
        # Council said" stands) or an organisation only for want of a known given name ("Olu Adeyemi had met
        # officials" where "Olu Adeyemi of the Harbour Authority said" stands)
        people = {p.text for p in pieces if p.kind == PERSON and len(p.words) >= 2} if pieces else ()
        if people:
            weak = {id(p) for p in weak_orgs}
            for piece in pieces:
                if piece.text in people and (
                        piece.kind == PLACE and len(piece.words) == 2 and piece.words[0] in self.c.given_names
                        and piece.words[-1].lower() in self.c.place_heads
                        or piece.kind == ORG and id(piece) in weak):
                    piece.kind = PERSON
                    piece.name = None
        if _score_in(self.text):
            self._teams(pieces)
        self._canonical_people()
        for piece in pieces:
            if piece.kind and piece.name is None:
                piece.name = piece.text

    def _evidence(self, pieces: list[Piece]) -> tuple[dict[str, dict[str, int]], set[str], set[str], set[str],
                                                      dict[tuple[str, ...], Piece], set[str]]:
        """What the pieces tell before the untyped ones are typed, gathered in one pass (none of
        it changes a piece): the votes of typed mentions, the lone names, the cued names, the
        organisations' words, the short forms of places' and organisations' names, and the lone names
        that are only places."""
        votes: dict[str, dict[str, int]] = {}  # the kinds cues gave each name
        lone: set[str] = set()  # names of one word, no organisation's
        lone_people: set[str] = set()  # ... of them, those written untyped or a person's
        lone_places: set[str] = set()  # ... and those a place's
        # Names cued as a person's where they stand ("referee Sam Williams", "Klitschko said
        # he", "Tara Reid, 33,"): their last word is a person's name all through the article.
        cued: set[str] = set()
        org_words: set[str] = set()  # the words of organisations' names
        # "Betty Ford" where "the Betty Ford Center" is named: the short form of a place's or
        # organisation's name that ends in a head word.
        short_forms: dict[tuple[str, ...], Piece] = {}
        c = self.c
        countries = self.g.countries
        for p in pieces:
            kind, words = p.kind, p.words
            if kind is None:
                if len(words) == 1:
                    lone.add(words[0])
                    lone_people.add(words[0])
                if self._person_cue(p) and not _is_acronym(words[-1]) \
                        and not (p.initial and len(words) == 1 and words[0].lower() in english_words()[0]):
                    cued.add(words[-1])  # (not "the official IRNA news agency"; "Authorities said he
                    # spotted": a common word opening the sentence)
                continue
            if p.strong:
                by_kind = votes.get(p.text)
                if by_kind is None:
                    votes[p.text] = {kind: 2}
                else:
                    by_kind[kind] = by_kind.get(kind, 0) + 2
            if kind == ORG:
                org_words.update(words)
            elif len(words) == 1 and (kind == PERSON or kind == PLACE and p.name not in countries):
                lone.add(words[0])
                # (a place's name speaking is a surname alone as often: "Jackson said")
                (lone_people if kind == PERSON or p.next_word in _PERSON_VERBS else lone_places).add(words[0])
            if len(words) >= 3 and p.strong and (kind == PLACE or kind == ORG) \
                    and (words[-1].lower() in c.place_heads or words[-1].lower() in c.org_heads):
                short_forms[tuple(words[:-1])] = p
        return votes, lone, cued, org_words, short_forms, lone_places - lone_people

    def _shouted(self, piece: Piece) -> bool:
        """Is a name no cue typed, written in capitals amid lower-case words, made of English words
        only ("the world of NEW MOON and": a title set in capitals, no organisation; a headline in
        capitals, "RED SOX MAKE HUGE OFFER", is left to the rules for names)?"""
        if not all(_english(w.lower()) for w in piece.words):
            return False
        before = _prev_word(self.text, piece.start, 24)
        return before is not None and before.group(1).islower() or self._next_lower(piece.end) != ""

    def _defaulted_people(self, defaulted: list[Piece], person_words: dict[str, int]) -> None:
        """A lone name typed an organisation for want of any sign is a person's where the article shows
        one: the short form of the given name of someone it names in full ("Wlad" where "Wladimir Klitschko"
        stands; not a surname's start: "Apple" beside "Jane Appleby"), an apposition naming a person's role
        or kin ("Tembo, a resident of the camp"), a part played ("her role as Mystique"), or a person it is
        listed with ("Salazar and Lock said", "Lampley, Kellerman and Lennox" where Lennox is a person)."""
        text = self.text
        # (the given names of people named in full, by their first three letters: a cheap test first)
        givens = {p.words[0] for p in self.pieces if p.kind == PERSON and len(p.words) >= 2} if person_words else ()
        starts = {g[:3] for g in givens} if givens else None
        left = []
        for piece in defaulted:
            if piece.kind != ORG:
                continue  # (a sign typed the same name elsewhere)
            w = piece.words[0]  # (a lone name: names of more words are typed before)
            if starts is not None and w[:3] in starts and len(w) > 2 and not _is_acronym(w) and any(
                    len(g) > len(w) and g.startswith(w) for g in givens):
                piece.kind = PERSON
                continue
            if person_words and len(w) >= 6 and not _is_acronym(w) and self._slip_of_person(piece, w, person_words):
                piece.kind = PERSON  # "Kowalksi" where "Adam Kowalski" is named: a slip of the pen
                continue
            end = piece.end
            if text.startswith(_AFTER_CUES, end):  # an apposition, or a list going on
                if text.startswith(", ", end) and self._role_apposition(end + 2):
                    piece.kind = PERSON
                elif text.find(" and ", end, end + 48) >= 0:
                    left.append(piece)  # (in a list that ends in "and" ahead)
            elif text.endswith(_BEFORE_CUES, 0, piece.start):
                if text.endswith(" and ", 0, piece.start):
                    left.append(piece)  # (after a list's "and")
                else:
                    piece.kind = PERSON  # a part played
        if left and person_words:
            self._listed_people(left, person_words)

    def _listed_people(self, left: list[Piece], person_words: dict[str, int]) -> None:
        """Lone names typed an organisation for want of a sign, listed with a person ("Salazar and Lock
        said", "Lampley, Kellerman and Lennox"): people too. A list ends in "and"; the person in it is
        named by a word of a name the article gives in full (`person_words`; "Somerset and Devon" stays),
        a list of surnames: a person named in full beside a lone name is often with a firm ("Elon Musk and
        Twitter", "Bill Gates and Oracle"), and a name the article has as an organisation outside the
        list stays one ("Musk bought Twitter. Musk and Twitter")."""
        text = self.text
        pieces = self.pieces
        for piece in left:
            if piece.kind != ORG:
                continue  # (typed with a list before it)
            lo = bisect_left(pieces, piece.start, key=_START)
            if lo == len(pieces) or pieces[lo] is not piece:
                continue  # (pieces are in text order)
            hi = lo
            while lo and text[pieces[lo - 1].end:pieces[lo].start] in _LIST_LINKS:
                lo -= 1
            while hi + 1 < len(pieces) and text[pieces[hi].end:pieces[hi + 1].start] in _LIST_LINKS:
                hi += 1
            if hi == lo or text[pieces[hi - 1].end:pieces[hi].start] == ", ":
                continue  # no list, or none that ends in "and"
            group = pieces[lo:hi + 1]
            if any(p.kind == PERSON and len(p.words) == 1 and p.words[0] in person_words for p in group):
                for p in group:
                    if p.kind == ORG and any(p is q for q in left) and not any(
                            q.kind == ORG and q.text == p.text and all(q is not g for g in group) for q in pieces):
                        p.kind = PERSON

    def _slip_of_person(self, piece: Piece, w: str, person_words: dict[str, int]) -> bool:
        """Is the lone name `w` a slip of the pen for a person's name-word of the article (`_one_slip`)? Two letters
        swapped ("Kiltschko", "Teixiera") is a typing slip; a plural after "the" is the family ("the Klitschkos").
        A letter changed, added or dropped is how firms differ from surnames ("Nissan" beside "Karen Nissen",
        "Barclays" beside "Paul Barclay"), so it needs a person's sign of its own: a he or she taking it up
        (`_pronoun_after`) or a possessive before kin, a relation or a person's role ("Kowalsky's wife"); and never
        a name the article writes as a firm's."""
        near = [p for p in person_words if len(p) >= 6 and p[:1] == w[:1] and _one_slip(w, p)]
        if not near:
            return False
        bare = w[:-2] if w.endswith(("'s", "’s")) else w
        if any(_swapped(bare, p) for p in near) \
                or bare[-1:] == "s" and bare[:-1] in near and self.text.endswith(("the ", "The "), 0, piece.start):
            return not self._written_as_firm(bare, _FIRM_AFTER)
        m = _POSSESSED_NOUN.match(self.text, piece.end - 2 if bare != w else piece.end)
        if m is not None:
            low = m.group(1)
            sign = low in self.c.relations or low in self.c.roles and low not in self.c.firm_roles
        else:
            sign = self._pronoun_after(piece)
        return sign and not self._written_as_firm(bare, _FIRM_AFTER)

    def _role_apposition(self, start: int) -> bool:
        """Does an apposition at `start` name a person's role or kin ("a resident of the camp", "a
        mother of three"; not a firm's trade, "a vendor of software")?"""
        m = _ROLE_APPOSITION.match(self.text, start)
        if m is None:
            # a longer phrase whose last word is the role ("the failed Republican vice presidential candidate,")
            m = _ROLE_PHRASE.match(self.text, start)
            return self._kin_or_role(m.group(1).lower() if m is not None else "")
        return any(self._kin_or_role(word.lower()) for word in m.group(1).split())

    def _kin_or_role(self, low: str) -> bool:
        """Is the lower-case word `low` kin or a person's role ("mother", "resident"; not a firm's, "vendor")?"""
        return low in self.c.kin or low in self.c.roles and low not in self.c.firm_roles

    def _companies_named_like_towns(self, pieces: list[Piece]) -> None:
        """A city that the article names as a company ("Toyota Motor Corp.", "shares of
        Toyota", "Toyota president Akio Toyoda", "Toyota said it": `_city_company`) is that company where it
        stands alone ("Toyota's Prius"), except where it reads as a place ("in Toyota", "Toyota, Japan",
        "Toyota police")."""
        companies = {p.words[0] for p in pieces if p.kind == ORG and len(p.words) >= 2
                     and p.words[-1].lower() in self.c.org_suffixes} | self.city_companies
        if "hares " in self.text:
            companies |= {p.words[0] for p in pieces if p.kind == PLACE and len(p.words) == 1 and self._shares_of(p)}
        if not companies:
            return
        for piece in pieces:
            if piece.kind != PLACE or len(piece.words) != 1 or piece.words[0] not in companies:
                continue
            word = piece.words[0]
            if self.g.places.get(piece.text) in self.g.countries or word in self.c.state_names or word in self.g.demonyms:
                continue
            shares = self._shares_of(piece)
            if not shares and piece.prev_word in _PLACE_PREPS or self.text[piece.end:piece.end + 2] == ", " \
                    or self._next_lower(piece.end) in self.c.town_nouns:
                continue
            piece.kind, piece.name = ORG, None

    def _shares_of(self, piece: Piece) -> bool:
        """Does "shares of" or "shares in" stand before a town's name ("shares of Toyota", "shares in Nokia")? Not
        "shares in London", "Shares in Frankfurt closed lower": a capital's or a market city's market."""
        m = _SHARES_OF.search(self.text, max(0, piece.start - 10), piece.start)
        return m is not None and (self.text[piece.start - 2] == "f" or piece.text not in self.g.capitals
                                  and piece.text not in _MARKET_CITIES)

    def _teams(self, pieces: list[Piece]) -> None:
        """A result with its score names two teams, organisations even where they are named
        like cities ("Barcelona beat Real Madrid 3-1"); countries stay places."""
        for piece in pieces:
            if piece.kind != PLACE or piece.name in self.g.countries:
                continue
            if _RESULT_AFTER.match(self.text, piece.end) or (
                    _RESULT_BEFORE.search(self.text, max(0, piece.start - 16), piece.start)
                    and _SCORE.match(self.text, piece.end)):
                piece.kind, piece.name = ORG, None

    def _staff_at(self, piece: Piece) -> bool:
        """Is the name where people work ("analysts at Goldman Sachs", "a spokesman at
        Ford")? Places are typed before this is asked, so "traders at Wall Street" stay."""
        if piece.prev_word != "at":
            return False
        m = _STAFF_BEFORE.search(self.text, max(0, piece.start - 24), piece.start)
        return m is not None and m.group(1).lower() in self.c.staff

    def _named_opener(self, piece: Piece, word: str) -> bool:
        """Is a capitalised word opening a sentence, with no other mention, a name? When it is
        no common English word ("Walmart", "Nissan"; not "Police", "Everyone", "Gunmen") and
        reads as a subject or possessor: a finite verb after it ("Walmart said", "Netflix
        lost"), a possessive ("Nissan's former chairman"), a title or members ("Tesla chief
        executive Elon Musk", "Taliban fighters"), an apposition ("Tesco, Britain's biggest
        retailer,") or a partner ("Pfizer and its partner", "Ford and General Motors")."""
        low = word.lower()
        if low in self.c.common or len(word) < 3 or word.isupper() or low in english_words()[0]:
            return False
        end = piece.end
        if self.text[end:end + 1] in ("'", "’"):
            return True
        if piece.next_word in _REPORT_VERBS or piece.next_word in _IRREGULAR_PAST or self._verb_after(piece):
            return True
        after = _NEXT_TITLE.match(self.text, end)
        if after is not None and (after.group(1) in self.c.title_heads or after.group(1) in _MEMBERS):
            return True  # "Tesla chief executive Elon Musk", "Taliban fighters attacked"
        if self.text.startswith(" and its ", end):
            return True  # "Pfizer and its German partner BioNTech"
        if self.text.startswith(" and ", end):  # "Ford and General Motors reported": two companies
            partner = next((p for p in self.pieces if p.start == end + 5), None)
            if partner is not None and (partner.kind == ORG or len(partner.words) == 1 and
                                        partner.words[0].isupper() and len(partner.words[0]) > 2
                                        and self._verb_after(partner)):
                return True  # ... "Gavi and UNICEF shipped": an acronym acting with it
        return self.text[end:end + 2] == ", " and _APPOSITION.match(self.text, end) is not None \
            or self._titled_owner(piece, low)

    def _owner_after(self, piece: Piece) -> bool:
        """Does a possessive or a post follow the name ("GM's board agreed", "GM spokesman Nick Richards",
        "GM vice chairman Bob Lutz", "VW workers")? Then a two-letter acronym opening a sentence owns or employs,
        as a name does, like one before a verb (`_verb_after`); a lead-in in capitals is followed by neither."""
        end = piece.end
        if self.text[end:end + 1] in ("'", "’"):
            return True
        for m in _NEXT_TITLE.finditer(self.text, end, min(len(self.text), end + 40)):
            word = m.group(1)
            if m.start() != end or word in self.c.title_heads or word in _MEMBERS:
                return m.start() == end
            if word not in self.c.title_modifiers:
                return False
            end = m.end()
        return False

    def _titled_owner(self, piece: Piece, low: str) -> bool:
        """Is a name opening a sentence (no common English word: not "Police Chief John Smith") an organisation's
        (short) name before its officer's capitalised title and name ("Fed Chairman Ben Bernanke said", "Nissan
        Chairman Carlos Ghosn", "Labour Leader Ed Miliband")? Not an adjective or a participle ("Democratic Senator
        John Kerry", "Presiding Judge Martin Mann")."""
        m = _CAPITAL_TITLE_NAME.match(self.text, piece.end)
        return m is not None and m.group(1).lower() in self.c.title_heads \
            and not (len(low) > 4 and low.endswith(_MODIFIER_ENDINGS))

    def _verb_after(self, piece: Piece) -> bool:
        """Is the next word a lower-case finite verb ("GM filed", "GM will")? Then a two-letter
        acronym opening the sentence is its subject, a name; a plural noun ("TV ads", "PC
        sales") is not taken for a verb, and an all-capitals line has no lower-case word."""
        word = self._next_lower(piece.end)
        return word in _AUXILIARIES or len(word) > 4 and word.endswith("ed") and not word.endswith("eed")

    def _org_heads_named(self, pieces: list[Piece]) -> dict[str, str]:
        """The head word of each organisation named in full ("Navy" of "Indian Navy"), when
        only one organisation of the article has it."""
        found: dict[str, set[str]] = {}
        for p in pieces:
            if p.kind == ORG and len(p.words) >= 2 and p.words[-1].lower() in self.c.org_heads:
                found.setdefault(p.words[-1], set()).add(p.name or p.text)
        return {head: names.pop() for head, names in found.items() if len(names) == 1}

    def _multiword_kind(self, piece: Piece, lone: set[str], org_words: set[str],
                        lower_vocab: _LowerWords, lone_places: set[str]) -> str | None:
        """Person or organisation, for a name no cue word typed: weigh what the article
        says around it and elsewhere."""
        words = piece.words
        person = 0
        org = 0
        if piece.prev_word in self.c.title_heads or piece.prev_word in self.c.roles or self._titled_of(piece):
            person += 3  # "Defense Minister Khawaja Asif", "said protester Abu Hussein", "Secretary of State X"
        if self._possessed(piece) in self.c.relations:
            person += 3  # "Moqtada Sadr's supporters"
        if piece.next_word in _PERSON_VERBS or piece.prev_word in ("said", "says"):  # ("told Al Jazeera": an outlet as often)
            if _SAID_ITS.match(self.text, piece.end) and not self.text.endswith(("'s ", "’s "), 0, piece.start) \
                    and not self._firm_before(piece):
                # "Charles Schwab said its profit rose": what reports on its own things ("Apple's Tim Cook said
                # its iPhone", "Tesla missed forecasts. Elon Musk said its sales": the firm named before him owns them)
                org += 4
            elif _SAID_IT.match(self.text, piece.end):
                org += 2  # "Volvo Cars said it would cut jobs": what speaks of itself as "it"
            else:
                person += 1
        if piece.next_word == "of" and _OF_THE_SPEAKER.get().match(self.text, piece.end) is not None:
            person += 2  # "Olu Adeyemi of the Harbour Authority said": who speaks for a body is of it
        appos = _APPOSITION.match(self.text, piece.end)
        if appos and any(w.lower() in self.c.title_heads for w in appos.group(1).split()):
            person += 2  # "Kaoru Yosano, the Japanese minister"; "Fritz Henderson, the Chief ..."

        if words[-1] in lone and words[0] not in lone and words[-1] not in lone_places:
            person += 2  # ("Klitschko" alone too; not a city alone: "War Zone Athens" where "in Athens" stands)
        if words[-1] in self.cued:
            person += 3  # "Wladimir Klitschko" where "Klitschko said he" stands
        if _age_after(self.text, piece.end):
            person += 3  # "Tara Reid, 33, who ..."
        if self.text[piece.start - 2:piece.start] == ", ":
            role = _TITLE_COMMA.search(self.text, max(0, piece.start - 24), piece.start)
            if role is not None and (role.group(1) in self.c.roles or role.group(1) in self.c.title_heads):
                person += 3  # "a 20-year-old man, Marquis Tate,"; "its chief executive, Jensen Huang"
        if self._befallen(piece):
            person += 3  # "the death of Trayvon Martin"
        if "-" in piece.text and any(_HYPHEN_LOWER.search(w) for w in words[1:]):
            person += 3  # "Roh Moo-hyun": a given name of two syllables (an adjective's hyphen is cut off)
        if words[0] in lone and words[-1] not in lone:
            org += 2
        if len(words) > 1 and self._team_like(words):
            org += 3  # "Baltimore Orioles" where "the Orioles" stands alone too
        if self._staff_at(piece):
            org += 4  # "analysts at Goldman Sachs said"
        if not org_words.isdisjoint(words):
            org += 2
        if piece.prev_word in ("the", "a", "an", "its", "their"):
            org += 2
        for w in words:
            if _has_digit(w) or _is_acronym(w) or w.lower() in lower_vocab:
                org += 2
                break
        if not self._namelike(words) or len(words) > 4 and sum(w.lower() not in _NAME_PARTICLES for w in words) > 4 \
                or "&" in words:
            # "&" joins partners' names: "Standard & Poor's", "Procter & Gamble"; a name's particles make
            # no word of an organisation's ("Luiz Inacio Lula da Silva")
            org += 3
        given = words[0] in self.c.given_names and not _ARABIC_ARTICLE_NOUN.match(piece.text) \
            or words[0] in _ARABIC_PERSON or (
            words[0].isupper() and len(words[0]) > 2 and words[0].title() in self.c.given_names) or (  # "GARY ROSS"
            len(words) > 2 and len(words[0]) <= 2 and words[0].endswith(".") and words[1] in self.c.given_names)
        if all(_INITIALS.match(w) and w not in self.g.places for w in words[:-1]) and self._namelike(words[-1:]) \
                and not _is_acronym(words[-1]):
            person += 3  # "J.K. Rowling", "A. J. Smith": initials, then a surname
        if not given and words[0] in self.g.countries:
            org += 3  # "Scotland Yard", "China Mobile": a country opens no person's name
        if given:
            person += 2  # "Steve Jobs"; "Lockheed Martin" and "Best Buy" start otherwise
        elif len(words) == 2 and words[0] in self.c.word_names and words[1].lower() not in lower_vocab \
                and words[1].lower() not in self.c.name_cues and not _is_acronym(words[1]) \
                and words[1] not in self.g.places and not (
                    words[0].lower() in english_words()[0] and words[1].lower() in english_words()[0]) \
                and piece.prev_word not in ("the", "a", "an", "its", "their"):
            # "Carol Browner", "Ray Kelly": a given name that is a word too, before a surname; a nickname that is a
            # word the English list has as never a name, before a surname that is no such word ("Babe Ruth", "Buzz
            # Aldrin", "Tiger Woods"; not "Magic Leap", "Tiger Global": a brand of two words); not after an article
            # ("the Magic Trackpad": a product, RV30-N #4; an owner's "'s" is no sign: "Kenya's Faith Kipyegon")
            person += 2
        elif len(words[0]) > 2 or not words[0].endswith("."):
            org += 1
            if org == 1 and person == 0:
                self._weak_org = True  # (the only sign: see `_settle`; asked only where the answer is ORG)
        if org >= person:  # (only asked where it can change the answer)
            person += self._person_context(piece)
        if person >= org and person > 0:
            return PERSON
        if org > person:
            return ORG
        return PERSON if given else ORG

    def _language_after(self, start: int) -> bool:
        """Does a verb of speaking or learning a language stand right before `start` ("spoke
        Mandarin", "studied Cantonese", "fluent in Urdu", "translated into Farsi")?"""
        return _LANGUAGE_BEFORE.search(self.text, max(0, start - 24), start) is not None

    def _subheading(self, run: list[int]) -> bool:
        """Is a run that ends its line (the caller has seen the line break) a heading glued to the end of a
        paragraph ("Hefner said. Media Mogul\nPage, who")? It opens a sentence that has no end but the line's,
        after another sentence on the same line, and all its words are English words ("Arab News" alone on its
        line is the outlet's name)."""
        toks, text = self.tokens, self.text
        if text[toks[run[0]].start - 2:toks[run[0]].start] not in (". ", "? ", "! ", "' ", '" ', "” "):
            return False
        return all(_english(part.lower()) for i in run for part in toks[i].word.split("-"))

    def _capital_noun(self, word: str, piece: Piece) -> bool:
        """Is a lone capitalised word a common noun after "a" or "an" ("in a Dumpster outside", "used a
        Taser to subdue him")? An English word (a name too or not), with no noun after it: punctuation
        or a function word follows ("a Kraft spokesman", "a Target store" leave the name to the noun)."""
        if piece.prev_word not in ("a", "an") or not _english(word.lower()):  # (a brand that is a noun too: "a Dumpster")
            return False
        after = self.text[piece.end:piece.end + 1]
        return after in (",", ".", ";", ":", ")", "") or after == " " and (
            piece.next_word in _FUNCTION or piece.next_word in _LOCATIVE_PREPS or piece.next_word in ("to", "off", "outside"))

    def _capital_adjective(self, word: str, piece: Piece) -> bool:
        """Is a lone capitalised word an adjective in -al before the noun it qualifies ("A
        Congressional probe", "Environmental groups panned them", "International observers")? An English
        word that is never a name, a lower-case word after it that is no verb, nothing owned."""
        return word.endswith("al") and piece.next_word != "" and word.lower() in english_words()[0] \
            and self.text[piece.end:piece.end + 1] == " " and self._next_lower(piece.end) != "" \
            and piece.next_word not in _REPORT_VERBS and piece.next_word not in _IRREGULAR_PAST \
            and not self._verb_after(piece)

    def _titled_of(self, piece: Piece) -> bool:
        """Does a title with its portfolio stand right before the name ("Secretary of State
        Condoleezza Rice", "Chief of Staff Rahm Emanuel")? The words after "of" are the post's, and
        the name is a person's."""
        prev = piece.prev_word
        if prev == "" or prev in self.c.title_heads or not self.text[piece.start - len(prev) - 1].isupper() \
                or " of " not in self.text[max(0, piece.start - 40):piece.start]:
            return False  # (the portfolio's last word stands capitalised right before the name)
        m = _TITLE_OF_BEFORE.search(self.text, max(0, piece.start - 48), piece.start)
        return m is not None and m.group(1).lower() in self.c.title_heads and self._namelike(piece.words)

    def _firm_before(self, piece: Piece) -> bool:
        """Is an organisation, or a lone name no cue typed yet, named in the sentence before the piece
        or the one before that: what a following "its" may stand for ("Tesla missed forecasts. Elon
        Musk said its sales ...")? Pieces are in text order. The look starts at the first piece that may end past the
        sentence before (`_pieces_over`; those before it end before, and start before the piece), the sentences'
        starts are remembered (`_last_mark`): each name of a long article read the list and the text from its start."""
        begin = self._last_mark(". ", self._last_mark(". ", piece.start) + 1)
        pieces, first, _ = self._pieces_over(begin, piece.start)
        for k in range(first, len(pieces)):
            other = pieces[k]
            if other.start >= piece.start:
                return False
            if other.end > begin and (other.kind == ORG or other.kind is None and len(other.words) == 1
                                      and other.words[0] not in self.c.given_names):
                return True
        return False

    def _person_context(self, piece: Piece) -> int:
        """Evidence for a person in what is said of a name no list knows ("Barack Obama",
        "Calin Georgescu"), things a company is not said to be: a post held "as his deputy",
        "as prime minister", "named ... captain"; where one comes from ("Hakainde Hichilema of Zambia", "of the
        New Patriotic Party"); he, she, his or her after the name opening a sentence; a surname's
        shape ("-escu", "-ov", "-enko", "-shvili", "-moto" ...); or a role before a pair of names."""
        text = self.text
        score = 0
        post = _AS_POST.match(text, piece.end)
        held = post.group(1) if post is not None else self._next_lower(piece.end) if piece.prev_word in _APPOINTS else ""
        if held in self.c.title_heads and held not in self.c.firm_posts:
            score += 3  # ... or "named Achraf Hakimi captain", "elected Jane Doe chairwoman"
        home = _OF_HOME.match(text, piece.end)
        if home is not None and (self.g.places.get(home.group(1)) in self.g.countries
                                 or home.group(1).endswith((" Party", " party"))):
            score += 2
        if len(piece.words[-1]) > 4 and piece.words[-1].endswith(self.c.surname_endings) \
                and piece.words[-1] not in self.g.places:  # not "Palmer Alaska", "Port of Osaka"
            score += 2
        if self._pronoun_after(piece):
            score += 2
        if text.startswith(" and ", piece.start - 5):
            partner = self._piece_ending(piece.start - 5)
            if partner is not None and partner.kind == PERSON and (
                    partner.prev_word in self.c.roles or partner.prev_word in self.c.title_heads):
                score += 3  # "NASA astronauts Butch Wilmore and Suni Williams": the role covers both
        return score

    def _written_as_firm(self, name: str, after: re.Pattern[str]) -> bool:
        """Does the article write `name` followed by what follows a firm's (`after`) anywhere? Remembered for each
        (name, after): the text does not change, and each mention of a name of that shape asked it again, every
        search reading all its places ("McDonald, McDonald, ...": n^2)."""
        key = (name, after)
        known = self._as_firm.get(key)
        if known is None:
            known = self._as_firm[key] = _written_with(self.text, name, after)
        return known

    def _surname_shape(self, word: str, piece: Piece) -> bool:
        """Is a lone word no cue typed a surname: by its shape (an Irish or Scottish prefix, "O'Brien",
        "McCain"; an ending no company's name has, "Georgescu") or as the subject a he or she takes up
        later in the sentence, not opening it ("Though Epstein never likes to act as if he is ...")? Not a known place,
        nor a possessor ("McDonald's"), nor a name the article writes as a firm's ("Ericsson said its profit",
        "a McKinsey spokesman")."""
        if word in self.g.places or self.text[piece.end:piece.end + 1] in ("'", "’"):
            return False
        shaped = _IRISH_SURNAME.match(word) is not None \
            or len(word) > 4 and word.endswith(self.c.surname_endings) \
            or (not piece.initial or self._speaking_opener(word, piece)) and self._pronoun_after(piece)
        # (an opener that is an English word may be a plural: "Lawyers for X said he")
        # the search of the whole text for the firm's cues runs last: it is the dear test, and most words fail the others
        return shaped and not self._written_as_firm(word, _FIRM_AFTER_NO_PERSON)

    def _speaking_opener(self, word: str, piece: Piece) -> bool:
        """May a sentence's opening word be taken up by a he or she later in it: shaped as a surname only
        (`_plain_opener`) and a person's verb right after it ("Lyons said that ... he", "Heffner told the AP ...
        she")? A firm opening a sentence is followed by a he or she of someone it did something to ("Spotify paid
        the singer after she complained"), so any other verb says nothing."""
        return self._plain_opener(word) and self._next_lower(piece.end) in _PERSON_VERBS

    @staticmethod
    def _plain_opener(word: str) -> bool:
        """Is a capitalised word opening a sentence shaped as a surname only: letters, one capital, no English
        word (neither list: "Lawyers", "Born", "Trump"), no adverb's ending ("Unsurprisingly"), no brand's inner capital
        ("ProPublica"), no web address?"""
        return word.isalpha() and word[1:].islower() and not _english(word.lower()) \
            and not word.endswith(_ADVERB_ENDINGS)

    def _pronoun_after(self, piece: Piece) -> bool:
        """Does the name open its sentence, with he, she, his or her later in it, or a clause ("Though
        Epstein never likes to act as if he is"), with he or she before the clause's comma (a subject:
        "When Acme hired her" says nothing of Acme), and no other
        person named in between but as an object ("for Kamala Harris", "with Xi")? Companies are "it".
        (A "He" opening the next sentence may be anyone's.)
        Each search remembers what it found (`_next_mark`, `_last_mark`) and the pieces in between are read off an
        index (`_pieces_over`): a search of the rest of the sentence for each name that opens a clause made a long
        sentence of them ("until Jones until Jones ...") n^2."""
        if not (piece.initial or piece.prev_word in _CLAUSE_OPENERS):
            return False
        text = self.text
        end = self._next_mark(_SENTENCE_STOP, piece.end, len(text)) + 1 or len(text)
        if not piece.initial:  # within the clause only: "While Summit was silent, he spoke" is another's "he"
            comma = self._next_mark(",", piece.end, end)
            end = end if comma < 0 else comma
        at = self._next_mark(_PRONOUN if piece.initial else _SUBJECT_PRONOUN, piece.end, end)
        if at < 0:
            return False
        begin = max(self._last_mark(". ", piece.start), self._last_mark("\n", piece.start))
        return not self._person_between(piece, begin, at)

    def _person_between(self, piece: Piece, begin: int, end: int) -> bool:
        """Is another person (a piece typed so, or one of several words not typed yet) named in text[begin:end],
        before `piece` or after it but not as an object ("for Kamala Harris", "with Xi"; not "with Xi, who")?
        Within `_settle`'s loops only the pieces that may name one are looked at (`_namers`): the others of a long
        sentence were read again for each name opening a clause in it ("until Acme until Acme ... he": n^2)."""
        pieces, first, last = self._pieces_over(begin, end)
        named = self._namers(piece, pieces)
        if named is None:  # (asked from elsewhere: every piece of the stretch is read)
            return any(self._names_other(piece, other, begin, end) for other in pieces[first:last])
        ahead = bisect_left(self._spans[2], piece.start)  # (from there on, no piece starts before `piece`)
        for marks, stop in zip(named, (min(ahead, last), last)):
            k = bisect_left(marks, first)
            while k < len(marks) and marks[k] < stop:
                other = pieces[marks[k]]
                if not (other.kind == PERSON or other.kind is None and len(other.words) > 1):
                    del marks[k]  # (typed otherwise since it was read)
                elif self._names_other(piece, other, begin, end):
                    return True
                else:
                    k += 1
        return False

    @staticmethod
    def _names_other(piece: Piece, other: Piece, begin: int, end: int) -> bool:
        """Does `other` name a person in text[begin:end] who may be the subject of `piece`'s sentence?"""
        return other is not piece and other.end > begin and other.start < end \
            and (other.kind == PERSON or other.kind is None and len(other.words) > 1) \
            and (other.start < piece.start or other.prev_word not in _OBJECT_PREPS
                 or other.next_word in ("who", "whose"))

    def _namers(self, piece: Piece, pieces: list[Piece]) -> tuple[list[int], list[int]] | None:
        """Where in the list the pieces that may name a person are (a person's kind, or several words with none
        yet): all of them, and those of them that are no object, for `_person_between`. `_settle`'s loops, which
        alone ask, walk the list in order and type only the piece they are at; each opens the index afresh
        (`_namers_at = ()`) and closes it (None). The index is read from the whole list at the first call, and then
        only the pieces the loop went past since the last call are read again (a piece typed otherwise since it was
        read is dropped when met). A call out of that order reads the whole list again; a closed index: None."""
        index = self._namers_at
        if index is None:
            return None
        if not index or index[0] is not pieces or index[1].get(id(piece), -1) < index[4]:
            where = {id(p): k for k, p in enumerate(pieces)}
            at = where.get(id(piece), -1)
            if at < 0:
                return None
            index = (pieces, where, [], [], 0)
            read = range(len(pieces))
        else:
            at = index[1][id(piece)]
            read = range(index[4], at)
        people, subjects = index[2], index[3]
        for k in read:
            other = pieces[k]
            if other.kind == PERSON or other.kind is None and len(other.words) > 1:
                j = bisect_left(people, k)
                if j == len(people) or people[j] != k:
                    people.insert(j, k)
                if other.prev_word not in _OBJECT_PREPS or other.next_word in ("who", "whose"):
                    j = bisect_left(subjects, k)
                    if j == len(subjects) or subjects[j] != k:
                        subjects.insert(j, k)
        self._namers_at = (pieces, index[1], people, subjects, at)
        return people, subjects

    def _next_mark(self, mark: re.Pattern[str] | str, start: int, end: int) -> int:
        """Where `mark` (a pattern or a string) first stands in text[start:end], or -1; as `search` or `find`, but
        the last answer is remembered for each mark and serves a later start up to what it found (or, where it found
        nothing, one that searches no further): the names of one sentence, read in text order, read it once.
        (`end` is where a search stops at a character no word goes on past: the end of a sentence, a comma.)"""
        known = self._marks.get(mark)
        if known is not None and known[0] <= start:
            found = known[2]
            if found >= start:
                return found if found < end else -1
            if found < 0 and end <= known[1]:
                return -1
        if isinstance(mark, str):
            found = self.text.find(mark, start, end)
        else:
            m = mark.search(self.text, start, end)
            found = -1 if m is None else m.start()
        self._marks[mark] = (start, end, found)
        return found

    def _last_mark(self, mark: str, end: int) -> int:
        """`text.rfind(mark, 0, end)`, remembered for each mark: a later `end` searches back only to where the
        last search stopped (each name of a long sentence searched back to its start: n^2)."""
        known = self._marks.get((mark,))
        if known is not None and known[1] + len(mark) <= end:
            if end <= known[0]:
                return known[1]
            found = self.text.rfind(mark, max(0, known[0] - len(mark) + 1), end)
            found = known[1] if found < 0 else found
        else:
            found = self.text.rfind(mark, 0, end)
        self._marks[(mark,)] = (end, found)
        return found

    def _pieces_over(self, begin: int, end: int) -> tuple[list[Piece], int, int]:
        """The pieces, and the stretch of them (first, last) outside which none ends past `begin` and starts before
        `end`: bisection in the furthest end up to each piece and in the nearest start from each piece on. (It does
        not count on text order.) The index is made again when the list is another or has grown; while settling,
        pieces' starts and ends stay put."""
        pieces = self.pieces
        index = self._spans
        if index is None or index[0] is not pieces or len(index[1]) != len(pieces):
            furthest, nearest = [], []
            top, low = -1, len(self.text) + 1
            for piece in pieces:
                top = max(top, piece.end)
                furthest.append(top)
            for piece in reversed(pieces):
                low = min(low, piece.start)
                nearest.append(low)
            nearest.reverse()
            index = self._spans = (pieces, furthest, nearest)
        return pieces, bisect_right(index[1], begin), bisect_left(index[2], end)

    def _service_title_after(self, piece: Piece) -> bool:
        """Does a town's service in capitals and its officer's title follow the name ("Troy Police Chief Jane
        Roe", "Palmer Fire Chief")? The run was cut at the title, so the name before is the town's (often also a
        given name: "Troy", "Palmer"), not a person's."""
        if not "A" <= self.text[piece.end + 1:piece.end + 2] <= "Z":
            return False  # (most names: no capital after; the regex is not run)
        m = _SERVICE_TITLE.match(self.text, piece.end)
        return m is not None and m.group(1).lower() in self.c.town_services and m.group(2).lower() in self.c.title_heads \
            and not _is_acronym(piece.words[0])

    def _town(self, piece: Piece) -> bool:
        """A smaller town named after "in", "near" ... ("a fire in Bloomington") or before a
        local noun ("a Woodburn bank", "the Baytown area", "Staunton police"): alone, such
        names are as often people's ("Troy", "Palmer"). After "the village of", "hometown
        of", "downtown" any name is a place, known to the gazetteer or not."""
        if piece.kind is None:
            self._town_at = piece  # (the piece `_settle`'s loop is at: see `_org_opened_by`)
        if self.text[piece.end:piece.end + 1] in (",", " ") and _PLACE_APPOSITION.match(self.text, piece.end):
            return True  # "Avdiivka, a town in the Donetsk region", "Qeshm is the biggest island in the Gulf"
        if (piece.next_word in _TERRITORIAL_TITLES and self.text[piece.end:piece.end + 1] == " "
                or self.text[piece.end + 1:piece.end + 3] == "s " and self.text[piece.end] in "'’"
                and _TERRITORIAL_AFTER.match(self.text, piece.end + 3) is not None) \
                and len(piece.words) == 1 and not _is_acronym(piece.words[0]) and self._no_word_but_a_place(piece):
            return True  # "Qeshm Gov. Heidar Alishvandi", "Palmer Mayor Jane Doe", "Qeshm's governor": a governed place
        if len(piece.words) == 1 and self._service_title_after(piece):
            return True  # "Troy Police Chief Jane Roe": a town's service and its officer's title
        if piece.initial:  # only a town noun after it tells ("Palmer police ask anyone ...")
            return (piece.text in self.g.towns or piece.text in self.g.given_towns) \
                and self._next_lower(piece.end) in self.c.town_bodies and not self._person_cue(piece)
        if self.text[max(0, piece.start - 3):piece.start] in ("of ", "wn ") and \
                _TOWN_BEFORE.search(self.text, max(0, piece.start - 16), piece.start):
            return True
        if self.text[piece.start - 4:piece.start] == " of " and (
                _AGE_OF.search(self.text, max(0, piece.start - 12), piece.start)
                or _AGED_NAME_OF.search(self.text, max(0, piece.start - 64), piece.start)):
            # "Luann Johnson, 66, of Burnsville": where a person named with an age lives; not an organisation
            # the article names as one ("John Smith, 45, of Microsoft" where "Microsoft Corp." or "Microsoft said it")
            return not self._org_opened_by(piece) \
                and not self._written_as_firm(piece.text, _FIRM_AFTER)  # ("Bloomington Police" is the town's)
        if piece.text not in self.g.towns and piece.text not in self.g.given_towns:
            return self._listed(piece) or piece.prev_word in _ROUTE_PREPS and self._on_route(piece)
        after = _LOWER_AFTER.match(self.text, piece.end)
        if after is not None and any(w in self.c.town_nouns for w in after.group().split()) and \
                not any(w in self.c.tenures for w in after.group().split()):
            return True  # "a Troy accounting firm", "a Troy resident"; not "Obama administration officials"
        if piece.text not in self.g.towns:
            return False
        # "in Bloomington"; "Luann Johnson, of Burnsville, was hit"; "the Archbishop of Canterbury"
        if piece.prev_word == "of" and self.text[piece.start - 4:piece.start] == " of ":
            title = _prev_word(self.text, piece.start - 4, 24)
            if title is not None and title.group(1).lower() in self.c.title_heads:
                return True
        return piece.prev_word in _TOWN_PREPS or self.text[max(0, piece.start - 5):piece.start] == ", of " \
            and self.text[piece.end:piece.end + 1] == "," or self._listed(piece) \
            or piece.prev_word in _TOWN_ROUTE_WORDS and self.text[piece.start - 1:piece.start] == " " and not (
                piece.prev_word == "between" and _CONTEST_BETWEEN.get().search(self.text, max(0, piece.start - 48),
                                                                         piece.start) is not None) \
            or piece.prev_word == "from" and _TO_NAME.match(self.text, piece.end) is not None \
            or (piece.prev_word == "and" or piece.prev_word == "to") and self._second_end(piece) is not None
        # ("ferries between Dover and Calais", "ferries left Dover", "traffic through Dover", "from Dover to Calais")

    def _second_end(self, piece: Piece) -> int | None:
        """Where "between" or "from" starts when the name is a route's second end and its first is a place ("between
        Dover and Calais", "from Bayport to Eastfield" where Bayport is one), else None."""
        m = _BETWEEN_AND.get().search(self.text, max(0, piece.start - 48), piece.start)
        if m is None:
            return None
        first = self._piece_ending(m.end(1) if m.group(1) else m.end(2))
        return m.start() if first is not None and first.kind == PLACE and first is not piece else None

    def _on_route(self, piece: Piece) -> bool:
        """Is a one-word name no list knows an end or a stop of a journey or a route ("ferries between Bayport and
        the mainland", "trains from Bayport to Eastfield", "traffic would be sent through Eastfield")? Only after a
        word of transport: "talks between Apple and Samsung", "moved from Google to Apple", "sold through Amazon"
        name firms."""
        if len(piece.words) != 1 or _is_acronym(piece.words[0]) or _has_digit(piece.words[0]) \
                or self.text[piece.start - len(piece.prev_word) - 1:piece.start].lower() != piece.prev_word + " " \
                or self.text[piece.end:piece.end + 1] in ("'", "’"):
            return False
        prev = piece.prev_word
        at = piece.start - len(prev) - 1
        if prev == "to" or prev == "from":
            service = _SERVICE_TO.get().search(self.text, max(0, at - 12), at)
            if service is not None and _HANDED_OVER.get().search(self.text, max(0, service.start() - 40),
                                                           service.start()) is None:
                return True  # "trains to Bayport", "the ferry from Bayport"; not "sold its buses to Stagecoach"
        if prev == "and" or prev == "to":
            first = self._second_end(piece)
            return first is not None and _ROUTE_BEFORE.get().search(self.text, max(0, first - 56), first) is not None
        if prev == "between" and not self.text.startswith(" and ", piece.end) \
                or prev == "from" and _TO_NAME.match(self.text, piece.end) is None:
            return False
        return _ROUTE_BEFORE.get().search(self.text, max(0, at - 48), at) is not None

    def _org_opened_by(self, piece: Piece) -> bool:
        """Does an organisation of the article open with the name's first word and end in no town body ("Microsoft
        Corp." for "Microsoft"; not "Bloomington Police")? `_town`'s test for "John Smith, 45, of Microsoft". It read
        every piece for each such name: "X, 45, of Y, " n times took n^2 reads. `_town` is asked only by `_settle`'s
        two loops: first with the piece the loop is at (its kind is None until the loop sets it; `_town` keeps it in
        `_town_at`), then maybe with places listed before it (`_locative`; their kind is PLACE). The loops walk the
        list in order and set only the kind of the piece they are at (as `_namers` counts on; its index, opened
        afresh for each loop, tells the loop and where each piece stands). So once the organisations are read, a
        later call reads only the pieces the loop went past since: the others' kinds have not changed. Any other call
        reads every piece, as before."""
        first, bodies, pieces, at_piece = piece.words[:1], self.c.town_bodies, self.pieces, self._town_at
        namers = self._namers_at
        looping = first and at_piece is not None and at_piece.kind is None
        if namers == () and looping:
            self._namers(at_piece, pieces)  # (opens the loop's index, with the piece the loop is at)
            namers = self._namers_at
        at = namers[1].get(id(at_piece), -1) if looping and namers and namers[0] is pieces else -1
        if at < 0:
            return any(other.kind == ORG and other.words[:1] == first
                       and other.words[-1].lower() not in bodies for other in pieces)
        known = self._orgs_opening
        if known is not None and known[0] is namers[1] and known[2] <= at:
            firsts, read = known[1], range(known[2], at)
        else:  # (a new loop: every piece is read)
            firsts, read = set(), range(len(pieces))
        for k in read:
            other = pieces[k]
            if other.kind == ORG and other.words and other.words[-1].lower() not in bodies:
                firsts.add(other.words[0])
        self._orgs_opening = (namers[1], firsts, at)
        return first[0] in firsts

    def _no_word_but_a_place(self, piece: Piece) -> bool:
        """Is a lone name before a place officer's title a place: one the gazetteer knows ("Reading
        Mayor") or no English word and no nationality ("Qeshm Gov."), not a post's adjective
        ("Outgoing Mayor", "Democratic Mayor", "Longtime Councilman") nor "Chinese Premier"?"""
        if piece.text in self.g.places or piece.text in self.g.towns:
            return True
        return not _english(piece.text.lower()) and piece.text not in self.g.demonyms

    def _listed(self, piece: Piece) -> bool:
        """Does a list of places of a kind open with the name ("the villages were identified as Gabardin,
        Tonban and Karvan", "ports like Eyl and Hobyo")? (The list's other names follow it: `_locative`.)"""
        return piece.prev_word in _LISTED_LAST and _PLACES_LISTED.search(
            self.text, max(0, piece.start - 32), piece.start) is not None

    def _maybe_locative(self, piece: Piece) -> bool:
        """The cheap half of `_locative`: a preposition of place or journey before the name, or a
        list it stands in."""
        return piece.prev_word in _LOCATIVE_PREPS or self.text[piece.start - 2:piece.start] in (", ", "d ")

    def _locative(self, piece: Piece) -> bool:
        """`_locative_alone`, where a name listed after a place ("in Kurram, Orakzai and Bajaur") asks it of the place
        before it, and so on down the list: walked in a loop, not by a call for each name (a list of a thousand
        names raised RecursionError). The places met are then asked `_town` from the last one back, as the calls
        did when they returned."""
        listed: list[Piece] = []  # (the places before `piece` that the answer waits on, nearest first)
        answer = self._locative_alone(piece)
        while isinstance(answer, Piece):
            listed.append(answer)
            answer = self._locative_alone(answer)
        for before in reversed(listed):
            answer = answer or self._town(before)
        return answer

    def _locative_alone(self, piece: Piece) -> bool | Piece:
        """Is a name no cue typed where something happens ("clashes in Kurram", "a rally in
        Wayanad", "strikes in Khan Younis and Deir el-Balah") or where a journey ends or starts
        ("flew to Davos")? News names the places of events
        after "in" far more often than organisations, which take "at" ("analysts at Barclays");
        not after a holding or a text ("a stake in Lagunitas", "a report in Ars Technica"), nor a possessor ("in
        Apple's stores"), a noun's modifier ("in Kraft plant shootings", "in Blazers history": a place may
        be followed by a function word, a verb or a word such as "area", but not by another noun), an
        acronym, a number or a person's given name."""
        text = self.text
        if not self._maybe_locative(piece) or text[piece.end:piece.end + 1] in ("'", "’") \
                or text.startswith(_SPACED_POSSESSIVE, piece.end):
            return False
        prev = piece.prev_word
        after_prep = prev in _LOCATIVE_PREPS
        noun = self._next_lower(piece.end)  # "in Windows machines", "in Kathimerini daily": a modifier
        if noun in _HELD_AFTER:
            return False  # "a fall in Volkswagen shares", "trading in Yahoo stock": a company's (common words else)
        if noun and piece.text not in self.g.towns and piece.text not in self.g.given_towns \
                and noun not in self.c.locative_next and noun not in self.c.place_heads \
                and noun not in _IRREGULAR_PAST and noun not in _AUXILIARIES and not noun.endswith(("ed", "ing")):
            return False
        for word in piece.words:
            if _is_acronym(word) or _has_digit(word):
                return False
        if after_prep and prev in _MOTION_PREPS:  # (the costliest test last)
            after_prep = _MOTION_TO.search(text, max(0, piece.start - 48), piece.start) is not None \
                or prev == "from" and self._known_place_at(_TO_NAME.match(text, piece.end))
        if after_prep and text[piece.start - len(prev) - 1:piece.start].lower() == prev + " ":
            if len(piece.words) > 1 and piece.words[0] in self.c.given_names:
                return False  # "confidence in Tim Cook"
            holder = _prev_word(text, piece.start - len(prev) - 1, 24)
            return holder is None or holder.group(1).lower() not in self.c.not_located
        # "in Khan Younis and Deir el-Balah", "in Kurram, Orakzai and Bajaur": the places listed with it
        for link in (" and ", ", "):
            if text.startswith(link, piece.start - len(link)) and (end := _LIST_END.match(text, piece.end)):
                before = self._piece_ending(piece.start - len(link))
                if before is None or before.kind != PLACE or before is piece:
                    return False
                if end.group("verb") is None:
                    return before  # (it is a place if `before` is one: `_locative` asks it, else `_town(before)`)
                return self._town(before)  # "the villages of Zainabieh and Koohi"
        return False

    def _known_place_at(self, m: re.Match[str] | None) -> bool:
        """Is the whole name the match caught a known place ("from Qeshm to Bandar Abbas")? Its first
        words are not enough: "from Juventus to Manchester United" names two clubs."""
        return m is not None and m.group(1) in self.g.places

    def _piece_ending(self, end: int) -> Piece | None:
        """The piece that ends at `end`, if any: the first in the list that does, unless one before it starts past
        `end` (the list is in text order but for what settling adds). Read off an index of the list (each end's first
        piece, the furthest start up to each piece), extended as pieces are added: until
        `_legal_forms_after_commas`, which drops it, pieces are only appended to the list or the list is replaced."""
        pieces = self.pieces
        index = self._ending
        if index is None or index[0] is not pieces:
            index = self._ending = (pieces, {}, [])
        first, furthest = index[1], index[2]
        for k in range(len(furthest), len(pieces)):
            piece = pieces[k]
            first.setdefault(piece.end, k)
            furthest.append(max(furthest[-1], piece.start) if furthest else piece.start)
        k = first.get(end)
        if k is None or k > bisect_right(furthest, end):
            return None
        return pieces[k]

    def _pieces_ending_at(self, end: int) -> list[Piece]:
        """All the pieces that end at `end`, in list order: read off an index of the list by end, extended as pieces
        are added (as `_piece_ending`'s; "also known as X also known as X ..." looked through the whole list for
        each name: n^2)."""
        pieces = self.pieces
        index = self._by_end
        if index is None or index[0] is not pieces:
            index = self._by_end = (pieces, {}, [0])
        by_end, read = index[1], index[2]
        for k in range(read[0], len(pieces)):
            by_end.setdefault(pieces[k].end, []).append(pieces[k])
        read[0] = len(pieces)
        return by_end.get(end, [])

    def _person_cue(self, piece: Piece) -> bool:
        """Is a person named here, by a role or title in front, a "who" after, an age in
        apposition or a "said he/she"?"""
        if piece.prev_word in self.c.roles or piece.prev_word in self.c.title_heads \
                or piece.next_word in ("who", "whose") and piece.prev_word != "the":  # "Defenders of the Wildlife, who"
            return True
        before = self.text[max(0, piece.start - 24):piece.start]
        if before.endswith(", "):
            title_comma = _TITLE_COMMA.search(before)
            if title_comma is not None and (title_comma.group(1) in self.c.title_heads
                                            or title_comma.group(1) in self.c.kin):
                return True  # "chief executive, Jensen Huang"; "His older brother, Jamar,"
        elif before.endswith(("himself ", "herself ")):
            # "He called himself Turkmenbashi"; not "he told himself Apple would win"
            return _CALLED_ONESELF.search(before) is not None
        elif before.endswith((" as ", "named ", "dubbed ")):
            # "Saparmurat Niyazov, also known as Turkmenbashi": another name of the person named before
            known = _KNOWN_AS.search(self.text, max(0, piece.start - 40), piece.start)
            return known is not None and any(
                p.kind == PERSON or p.kind is None and (p.prev_word in self.c.title_heads or p.prev_word in self.c.roles)
                for p in self._pieces_ending_at(known.end(1)))
        if self._befallen(piece):
            return True  # "the death of Trayvon Martin", "the resignation of Hosni Mubarak"
        return (before.endswith("-old ") and bool(_AGE_BEFORE.search(before))
                or self.text.startswith((", Jr", ", Sr"), piece.end)  # "Arcade Joseph Comeaux, Jr."
                or _age_after(self.text, piece.end) or bool(_SAID_HE.match(self.text, piece.end)))

    def _befallen(self, piece: Piece) -> bool:
        """Is the name what befalls people alone ("the death of Trayvon Martin")? Not when it
        owns what follows: "the resignation of Sony's chief executive" befalls the executive,
        "the assassination of Hamas political chief Ismail Haniyeh" its chief."""
        return piece.prev_word == "of" and self.text[piece.end:piece.end + 1] not in ("'", "’") \
            and _HUMAN_OF.search(self.text, max(0, piece.start - 24), piece.start) is not None \
            and not self._affiliation(piece)

    def _affiliation(self, piece: Piece) -> bool:
        """Is the name a person's organisation, before a title and the person's name ("Hamas
        political chief Ismail Haniyeh", "Shin Bet chief Ronen Bar")?"""
        m = _TITLE_THEN_NAME.match(self.text, piece.end)
        return m is not None and any(w in self.c.title_heads for w in m.group(1).split())

    def _possessed(self, piece: Piece) -> str:
        """The noun after a possessive piece ("Sadr's supporters" -> "supporters")."""
        if self.text[piece.end:piece.end + 1] not in ("'", "’"):
            return ""
        m = _POSSESSED.match(self.text, piece.end)
        return m.group(1).lower() if m else ""

    def _seen_inside(self, word: str) -> bool:
        """Does the word also appear capitalised in mid-sentence (so it is a name)? Not as a common English word
        inside a longer name: "the National Highway Traffic Safety Administration" makes no name of '"Safety is our
        priority,"' (a name's first and last words do: "Toyota" of "Toyota Motor Corp.", "Sox" of "the Boston Red
        Sox"). The words are gathered on the first question: settling asks it once the pieces are final."""
        if self._inside is None:
            common = english_words()[0]
            inside = self._inside = set()
            for piece in self.pieces:
                words = piece.words
                if not piece.initial and words:
                    inside.add(words[0])
                    inside.add(words[-1])
                    if len(words) > 2:  # (a longer name's inner words: most names have none)
                        inside.update(w for w in words[1:-1] if w.lower() not in common)
        return word in self._inside

    def _two_people(self, cluster: list[Piece], people: list[Piece]) -> list[list[Piece]]:
        """`cluster` (one person) split by surname where its spellings can be two people: a surname spelt nearly
        alike (`_spelt_alike`) is a slip for the main one only when it is written once (with its first names or
        alone) and the main one twice or more, in another sentence than the main one's full names, and the
        two are not two surnames of one family (`_surname_kin`: "Anderson" and "Andersen", "Johnson" and
        "Johnston", "Rodriguez" and "Rodrigues", "Thompson" and "Thomson" are different people's): "Peter Andersen
        beat Peter Anderson" was one person (RV28-E #2)."""
        mentions: dict[str, list[Piece]] = {}
        for p in people:
            mentions.setdefault(p.words[-1].lower(), []).append(p)
        spellings: dict[str, list[Piece]] = {}
        for p in cluster:
            spellings.setdefault(p.words[-1].lower(), []).append(p)
        if len(spellings) == 1:
            return [cluster]
        main = max(spellings, key=lambda sp: (len(mentions.get(sp, ())), -spellings[sp][0].start))
        kept, apart = list(spellings[main]), []
        for sp, pieces in spellings.items():
            if sp == main:
                continue
            slip = len(mentions.get(sp, ())) == 1 and len(mentions.get(main, ())) >= 2 \
                and not _surname_kin(main, sp) \
                and not any(len(other.words) > 1 and self._one_sentence(pieces[0], other)
                            for other in mentions.get(main, ()))
            if slip:
                kept.extend(pieces)
            else:
                apart.append(pieces)
        kept.sort(key=lambda p: p.start)
        return [kept, *apart]

    def _one_sentence(self, a: Piece, b: Piece) -> bool:
        """Are two pieces in one sentence (no sentence end between them)?"""
        if a.start > b.start:
            a, b = b, a
        between = self.text[a.end:b.start]
        return not any(ch in between for ch in ".!?\n")

    def _canonical_people(self) -> None:
        """Group spelling variants and short forms of a name under its fullest form."""
        people = [p for p in self.pieces if p.kind == PERSON]
        clusters: list[list[Piece]] = []
        # _same_person needs the same last name: only the clusters ending in it are tried
        clusters_by_last: dict[str, list[list[Piece]]] = {}
        clusters_by_given: dict[tuple[str, ...], list[list[Piece]]] = {}  # (by the words before the surname)
        for piece in people:
            if len(piece.words) < 2:
                continue
            same_last = clusters_by_last.setdefault(piece.words[-1].lower(), [])
            for cluster in same_last:
                if _same_person(cluster[0].words, piece.words):
                    cluster.append(piece)
                    break
            else:
                # ... or a surname spelt nearly alike after the same first names ("Mikhail Gorbachov" after "Mikhail
                # Gorbachev"): a misspelling or another transliteration of it in the same story
                given = tuple(piece.words[:-1])
                last = piece.words[-1].lower()
                variant = next((cluster for cluster in clusters_by_given.get(given, ())[:_SPELT_ALIKE_READ]
                                if _spelt_alike(cluster[0].words[-1].lower(), last)), None)
                if variant is not None:
                    variant.append(piece)
                    same_last.append(variant)
                else:
                    clusters.append([piece])
                    same_last.append(clusters[-1])
                    clusters_by_given.setdefault(given, []).append(clusters[-1])
        if any(_spelt_alike(c[0].words[-1].lower(), p.words[-1].lower()) for c in clusters for p in c[1:]):
            clusters = [part for cluster in clusters for part in self._two_people(cluster, people)]
        canon: list[tuple[str, list[str]]] = []
        for cluster in clusters:
            counts: dict[str, int] = {}
            for p in cluster:
                counts[p.text] = counts.get(p.text, 0) + 1
            best = max(counts, key=lambda t: (counts[t], -cluster[[q.text for q in cluster].index(t)].start))
            best_words = next(p.words for p in cluster if p.text == best)
            for p in cluster:
                p.name = best
            canon.append((best, best_words))
        # A single word takes the first full name ending in it, else the first one holding it.
        by_last: dict[str, str] = {}
        by_word: dict[str, str] = {}
        for name, words in canon:
            by_last.setdefault(words[-1], name)
            for w in words:
                by_word.setdefault(w, name)
        for piece in people:
            if len(piece.words) != 1:
                continue
            word = piece.words[0]
            if word in by_last:
                piece.name = by_last[word]
            elif word in by_word:
                piece.name = by_word[word]


def _initials_match(acr: str, initials: str) -> bool:
    """OIC ~ Organization of Islamic Cooperation; IRGC ~ Islamic Revolutionary Guard Corps."""
    letters = "".join(ch for ch in acr if ch.isalpha()).upper()
    if len(letters) < 2:
        return False
    if letters == initials.upper():
        return True
    # Allow an acronym that skips a word or takes two letters of one, as long as the first
    # letters agree and most initials are used.
    it = iter(initials.upper())
    if letters[0] != initials[:1].upper():
        return False
    hits = sum(1 for ch in letters if ch in it)
    return hits >= max(2, len(letters) - 1)


def _acronym_of_words(acr: str, words: list[str]) -> bool:
    """Like _initials_match, but an acronym may take more than one letter of a word
    ("WWDC" ~ "Worldwide Developers Conference")."""
    caps = [w for w in words if w[:1].isupper()]
    initials = "".join(w[0] for w in caps)
    if _initials_match(acr, initials):
        return True
    letters = "".join(ch for ch in acr if ch.isalpha()).upper()
    if len(letters) < 3 or not caps or letters[0] != initials[0].upper():
        return False
    it = iter("".join(caps).upper())
    if not all(ch in it for ch in letters):
        return False
    return sum(1 for ch in initials.upper() if ch in letters) >= len(initials) - 1 >= 1


#: The shortest surname `_spelt_alike` compares: shorter ones differ by a letter between people ("Smith", "Smyth").
_SPELT_ALIKE_LENGTH = 6
#: How many earlier people with the same first names a full name's surname is compared with (the first ones): a
#: story names few; a list of thousands ("Mikhail Gorbaaev, Mikhail Gorbabev, ...") stays linear.
_SPELT_ALIKE_READ = 8


def _spelt_alike(a: str, b: str) -> bool:
    """Are two (lower-case) surnames one spelt two ways: "gorbachev" and "gorbachov", "russell" and "russel"? Both of
    `_SPELT_ALIKE_LENGTH` letters or more, one letter changed, added or dropped, not the first (linear: no
    `SequenceMatcher`, asked up to `_SPELT_ALIKE_READ` times a name)."""
    if len(a) > len(b):
        a, b = b, a
    if a == b or len(a) < _SPELT_ALIKE_LENGTH or len(b) - len(a) > 1 or a[0] != b[0]:
        return False
    i = 1
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


#: The endings two surnames of one family differ by, once their common beginning is cut (unordered pairs):
#: Anderson/Andersen/Andersson, Johnson/Johnston, Hanson/Hansen, Rodriguez/Rodrigues, Williams/William,
#: Thompson/Thomson: each spelling is many people's own surname, no slip for the other.
_SURNAME_KIN = frozenset(frozenset(pair) for pair in (
    ("on", "en"), ("on", "ton"), ("en", "ton"), ("on", "son"), ("en", "sen"), ("en", "son"), ("on", "sen"),
    ("z", "s"), ("s", ""), ("pson", "son"), ("psen", "sen")))


def _surname_kin(a: str, b: str) -> bool:
    """Are two (lower-case) surnames a letter apart two surnames of one family (`_SURNAME_KIN`)?"""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return frozenset((a[i:], b[i:])) in _SURNAME_KIN


def _same_person(a: list[str], b: list[str]) -> bool:
    """Khawaja Asif ~ Khwaja Asif ~ Asif Khawaja? Only the first: same last name and a
    first name that is the same or spelt nearly alike."""
    if a[-1].lower() != b[-1].lower():
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if [w.lower() for w in long[-len(short):]] == [w.lower() for w in short]:
        return True  # "Asim Munir" within "Syed Asim Munir"
    fa, fb = a[0].lower(), b[0].lower()
    if fa == fb or len(a) != len(b):
        return fa[0] == fb[0]
    return fa[0] == fb[0] and SequenceMatcher(None, fa, fb).ratio() >= 0.75


_START = operator.attrgetter("start")


def find_entities(text: str) -> list[Piece]:
    """Typed, canonicalised entity pieces of one article, in text order."""
    pieces = _Doc(text).run()
    pieces.sort(key=_START)
    return pieces
