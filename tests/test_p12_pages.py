"""P12: a story split off a page takes the page's one date when it states none of its own; a front page without
`<article>` elements is split at its headline links."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.corpus.html_page import html_to_text
from newsreader.corpus.model import DATE_FROM_PAGE, DATE_NONE, Article
from newsreader.corpus.parser import parse_page

FERRY = ("Harbour Board Approves New Ferry Terminal\n\nBy Jane Doe\n\n"
         "The harbour board approved plans for a new ferry terminal on Friday, ending a two-year dispute over the site.\n\n"
         "Work will start next spring, the board said, and the terminal should open in 2026.\n\nTags: harbour, ferries\n\n")
LIBRARY = ("Council Sets Date For Library Vote In Spring\n\n"
           "The council will vote on the library's future on Friday, its leader said last week.\n\n"
           "The library has been closed since the flood, and repairs would cost more than a new building.\n")
BRIDGE = ("\nTags: council, library\n\nOld Bridge To Close For Three Weeks Of Repairs\n\n"
          "The old bridge will close for three weeks from Monday while crews replace its deck.\n\n"
          "Buses will take the long way round through the industrial estate, the operator said.\n")
AUG3 = dt.date(2024, 8, 3)


def stories(text: str) -> list[Article]:
    return parse_page(text, "p.txt").articles


def dates(text: str) -> list[tuple[dt.date | None, str]]:
    return [(a.date, a.date_source) for a in stories(text)]


# 1. A story split off a text page ------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["Saturday 3 August 2024", "3 Aug 2024", "2024-08-03"])
def test_a_split_off_story_takes_the_date_above_the_pages_first_headline(line: str) -> None:
    first, second = stories(f"{line}\n\n{FERRY}{LIBRARY}")
    assert first.date == second.date == AUG3 and second.date_source == DATE_FROM_PAGE
    assert second.title.startswith("Council Sets Date")


def test_every_story_that_states_no_date_takes_it_and_parse_explain_says_so() -> None:
    text = f"Saturday 3 August 2024\n\n{FERRY}{LIBRARY}{BRIDGE}"
    assert dates(text)[1:] == [(AUG3, DATE_FROM_PAGE)] * 2
    notes = [f.note for f in parse_page(text, "p.txt").fates if f.role == "title"]
    assert notes[1:] == ["no date of its own: the page's date 2024-08-03"] * 2


def test_a_date_under_the_first_headline_is_that_storys_own_not_the_pages() -> None:
    ferry = FERRY.replace("By Jane Doe", "March 3, 2024")
    assert dates(ferry + LIBRARY) == [(dt.date(2024, 3, 3), "date line"), (None, DATE_NONE)]


def test_a_story_with_its_own_date_keeps_it_and_a_page_of_two_days_dates_no_other() -> None:
    library = LIBRARY.replace("\n\nThe council", "\nBy John Roe · July 28, 2024\n\nThe council", 1)
    got = dates(f"Saturday 3 August 2024\n\n{FERRY}{library}{BRIDGE}")
    assert got[1][0] == dt.date(2024, 7, 28) and got[2] == (None, DATE_NONE)


def test_a_dateline_of_another_day_in_a_storys_first_paragraph_is_its_own_and_the_page_has_two_days() -> None:
    library = LIBRARY.replace("The council will", "LONDON, July 28, 2024 — The council will", 1)
    got = dates(f"Saturday 3 August 2024\n\n{FERRY}{library}{BRIDGE}")
    assert got[1][0] == dt.date(2024, 7, 28) and got[2] == (None, DATE_NONE)


def test_a_header_that_says_undated_stays_undated() -> None:
    got = dates(f"Saturday 3 August 2024\n\n{FERRY}date undated {LIBRARY}")
    assert got == [(AUG3, "date line"), (None, DATE_NONE)]


def test_a_date_of_another_day_anywhere_on_the_page_leaves_the_others_undated() -> None:
    timeline = "Key dates\n\nJuly 28, 2024\n\nThe library flooded after two days of rain.\n"  # (deep in a story: no date of its own)
    assert dates(f"Saturday 3 August 2024\n\n{FERRY}{LIBRARY}\n{LIBRARY.split(chr(10), 2)[2]}\n{timeline}")[1] \
        == (None, DATE_NONE)
    assert dates(f"Saturday 3 August 2024\n\n{FERRY}{LIBRARY}\n{LIBRARY.split(chr(10), 2)[2]}")[1][0] == AUG3


def test_a_story_with_an_age_stays_undated() -> None:
    library = LIBRARY.replace("\n\nThe council", "\nUpdated 4 sec ago\n\nThe council", 1)
    second = stories(f"Saturday 3 August 2024\n\n{FERRY}{library}")[1]
    assert (second.date, second.age) == (None, "Updated 4 sec ago")


def test_a_days_archive_address_dates_its_stories_a_storys_address_does_not() -> None:
    archive = "https://news.example.org/local/2024/08/03/\n\n"
    assert dates(archive + FERRY + LIBRARY) == [(AUG3, DATE_FROM_PAGE)] * 2
    assert dates(archive.replace("03/", "03/index.html") + FERRY + LIBRARY)[1] == (AUG3, DATE_FROM_PAGE)
    story = "https://news.example.org/2024/08/03/harbour-ferry-terminal\n\n"
    assert dates(story + FERRY + LIBRARY) == [(None, DATE_NONE)] * 2
    assert dates(archive.replace("03/", "03/?page=2") + FERRY + LIBRARY)[1] == (AUG3, DATE_FROM_PAGE)  # (its page 2)


@pytest.mark.parametrize("address", ["https://www.example.com/news/2024/08/03?id=98765",
                                     "https://example.com/2024/08/03/?p=12345"])
def test_an_address_whose_query_names_one_item_is_no_days_archive(address: str) -> None:
    assert dates(f"{address}\n\n{FERRY}{LIBRARY}")[1] == (None, DATE_NONE)  # (MJ, RV30-P #10: one post's short link)


def test_a_days_archive_address_and_a_date_bar_of_another_day_date_nothing() -> None:
    text = "https://news.example.org/local/2024/08/03/\n\n2 August 2024\n\n" + FERRY + LIBRARY
    assert dates(text)[1] == (None, DATE_NONE)  # (MJ, RV30-P #10: the page states two days)


def test_a_header_dates_its_own_story_not_the_one_split_off_under_it() -> None:
    # (a web page's `article:published_time` is its story's: the story after it may be the next one the site showed)
    text = f"date 2024-08-03 Harbour Board Approves New Ferry Terminal\n\n{FERRY.split(chr(10), 2)[2]}{LIBRARY}"
    assert dates(text) == [(AUG3, "page header"), (None, DATE_NONE)]


@pytest.mark.parametrize("line", ["Updated 03 August 2024", "Published: 3 Aug 2024 09:12 BST",
                                  "Last updated: 3 August 2024 10:32 BST", "By Jane Roe | 3 August 2024"])
def test_an_updated_or_published_line_above_the_first_headline_is_its_storys_not_the_pages(line: str) -> None:
    # (MJ, RV30-P #8: the next story a site loaded under it may be of another day)
    first, second = stories(f"{line}\n\n{FERRY}{LIBRARY}")
    assert first.date == AUG3 and (second.date, second.date_source) == (None, DATE_NONE)


# ... and a front page's <article>s --------------------------------------------------------------------------------

META = "<meta property='article:published_time' content='2024-08-03T07:00:00+01:00'>"


def front(*bodies: str, head: str = META, top: str = "") -> str:
    """A front page of one `<article>` per body (a linked <h2> headline and its text)."""
    articles = "".join(f"<article><h2><a href='https://news.example.org/2024/story-{n}'>Story number {n} of the "
                       f"day</a></h2>{body}</article>" for n, body in enumerate(bodies))
    return f"<html><head><title>Latest | Valley Times</title>{head}</head><body>{top}{articles}</body></html>"


P1 = "<p>The harbour board approved plans for a new ferry terminal on Friday, ending a long dispute.</p>"
P2 = "<p>The council will vote on the library's future on Friday, its leader said last week.</p>"
P3 = "<p>The old bridge will close for three weeks from Monday while crews replace its deck.</p>"


def html_dates(markup: str) -> list[dt.date | None]:
    return [a.date for a in parse_page(html_to_text(markup)[0], "p.html").articles]


def test_a_front_pages_stories_that_state_no_date_take_its_one_date() -> None:
    assert html_dates(front(P1, P2, P3)) == [AUG3] * 3
    assert html_dates(front(P1, P2, head="", top="<p>Updated 03 August 2024</p>")) == [AUG3] * 2
    assert html_dates(front(P1, "<time datetime='2024-08-03'>3 August 2024</time>" + P2, P3)) == [AUG3] * 3


def test_a_front_page_of_many_days_leaves_the_undated_undated() -> None:
    # (the first story takes the markup's date no more than the others: MJ, RV30-P #12)
    assert html_dates(front(P1, "<time datetime='2024-07-28'>July 28</time>" + P2, P3)) == [None, dt.date(2024, 7, 28),
                                                                                             None]
    assert html_dates(front(P1, "<p>July 28, 2024</p>" + P2, P3))[2] is None  # (a date line of its own, no <time>)
    assert html_dates(front(P1, P2, top="<p>Updated 04 August 2024</p>")) == [None, None]  # (the page's two dates)
    assert html_dates(front(P1, P2, head="")) == [None, None]


def test_cards_beside_a_pages_own_story_take_no_date() -> None:
    main_story = "<article><h1>Harbour board approves new ferry terminal</h1>" + P1 * 12 + "</article>"
    cards = "".join(f"<article><h3><a href='/2023/0{n}/card'>Another story number {n}</a></h3>{P2}</article>"
                    for n in range(1, 4))
    for story in (main_story, main_story.replace("h1>", "h2>")):  # (its <h1>, or most of the page's words)
        got = html_dates(f"<html><head>{META}</head><body>{story}{cards}</body></html>")
        assert len(got) == 4 and got[0] == AUG3 and got[1:] == [None] * 3


def test_cards_beside_a_story_in_no_article_take_no_page_date() -> None:
    # (MJ, RV30-P #5: the story in a <div> with the page's <h1> and most of its words; its cards are <article>s)
    story = "<div class='story'><h1>Harbour board approves new ferry terminal</h1>" + P1 * 8 + "</div>"
    cards = "".join(f"<article><h3><a href='/news/card-{n}'>Another story number {n}</a></h3>{P2}</article>"
                    for n in range(3))
    assert html_dates(f"<html><head>{META}</head><body>{story}{cards}</body></html>")[1:] == [None, None]
    h2 = story.replace("h1>", "h2>")  # (no <h1>, but most of the page's words outside the cards)
    assert html_dates(f"<html><head>{META}</head><body>{h2}{cards}</body></html>")[1:] == [None, None]
    few = story.replace(P1 * 8, P1)  # (the cards have more words, but the <h1> stands outside them)
    assert html_dates(f"<html><head>{META}</head><body>{few}{cards}</body></html>")[1:] == [None, None]


def test_index_and_show_resolve_a_split_off_storys_relative_dates(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text(f"Saturday 3 August 2024\n\n{FERRY}{LIBRARY}", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    second = parse_page((corpus / "page.txt").read_text(encoding="utf-8"), "page.txt").articles[1]
    capsys.readouterr()
    assert main(["show", second.id, "--json", "--corpus", str(corpus)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["date"], shown["date_source"]) == ("2024-08-03", DATE_FROM_PAGE)
    assert {d["text"]: d["value"] for d in shown["dates"]} == {"Friday": "2024-08-09", "last week": "2024-W30"}


# 2. A front page without <article> elements -----------------------------------------------------------------------

SITE = "https://valleytimes.example"
TEASERS = [("/2024/08/03/ferry-terminal", "Harbour board approves new ferry terminal",
            "The harbour board approved plans for a new ferry terminal on Friday, ending a two-year dispute."),
           ("/2024/08/02/library-vote", "Council sets date for library vote",
            "The council will vote on the library's future on Friday, its leader said last week in a statement."),
           ("/2024/08/01/bridge-repairs", "Old bridge to close for three weeks of repairs",
            "The old bridge will close for three weeks from Monday while crews replace its deck, the council said.")]

UNDATED = [(href.replace("/2024/08/0", "/news/"), title, text) for href, title, text in TEASERS]  # (no day in the address)


def cards(level: int = 2, host: str = "", teasers: list[tuple[str, str, str]] = TEASERS) -> str:
    return "".join(f"<div class='teaser'><h{level}><a href='{host}{href}'>{title}</a></h{level}><p>{text}</p></div>"
                   for href, title, text in teasers)


def page(main: str, head: str = f"<link rel='canonical' href='{SITE}/'>") -> list[Article]:
    markup = (f"<html><head><title>Valley Times</title>{head}</head><body><header><a href='/'>Valley Times</a>"
              f"</header><main>{main}</main><footer>© 2024 Valley Times</footer></body></html>")
    return parse_page(html_to_text(markup)[0], "p.html").articles


def test_a_front_page_of_linked_headlines_over_teasers_is_one_story_each() -> None:
    got = page("<h1>Latest news</h1>" + cards())
    assert [(a.title, a.url, a.body) for a in got] == [(title, SITE + href, [text]) for href, title, text in TEASERS]


@pytest.mark.parametrize("main, head", [
    (cards(3), ""),  # (relative links on a page that states no address: its own site's, no address to give)
    (cards(host="https://www.valleytimes.example"), f"<link rel='canonical' href='{SITE}/'>"),  # (www. or not)
    ("<h2>Sport</h2>" + cards(3) + "<h2>Business</h2>", f"<link rel='canonical' href='{SITE}/'>"),  # (section labels)
    ("<p>Updated 03 August 2024</p>" + cards(), ""),  # (a date bar above: the page's head, and its date)
    (cards(teasers=TEASERS[:1]) + cards(3, teasers=TEASERS[1:]), ""),  # (the lead story's headline of a higher rank)
], ids=["relative-h3", "www", "section-labels", "date-bar", "lead-story"])
def test_front_page_shapes(main: str, head: str) -> None:
    got = page(main, head)
    assert [a.title for a in got] == [title for _, title, _ in TEASERS]
    assert all(a.body == [text] for a, (_, _, text) in zip(got, TEASERS))


def test_a_front_pages_stories_take_their_own_time_and_the_date_bar_dates_the_rest() -> None:
    teasers = [(href, title, f"<time datetime='2024-08-0{n}'>{n} August 2024</time> {text}" if n == 2 else text)
               for n, (href, title, text) in enumerate(TEASERS, 1)]
    assert [a.date for a in page(cards(teasers=teasers))] == [None, dt.date(2024, 8, 2), None]
    assert [a.date for a in page("<p>Updated 03 August 2024</p>" + cards(teasers=UNDATED))] == [AUG3] * 3
    # (MJ, RV30-P #6: each story's address states its own day, 08-03, 08-02, 08-01: a page of many days)
    assert [a.date for a in page("<p>Updated 03 August 2024</p>" + cards())] == [None] * 3


LEDE = ("<h1>Harbour board approves new ferry terminal</h1><p>The harbour board approved plans for a new ferry "
        "terminal on Friday, ending a two-year dispute over the site, its chair said.</p>")


@pytest.mark.parametrize("main", [
    LEDE + "<h2>More from Valley Times</h2>" + cards(3),  # (a story, then its "Related" box of teasers)
    LEDE.replace("h1>", "h2>") + cards(),  # (a guide's introduction over its linked items)
    cards() + LEDE,  # (teasers over the story the page is: its headline no link, text under it)
    cards() + LEDE.replace("h1>", "h2>"),  # (... a headline of the teasers' rank)
    cards(teasers=TEASERS[:1]) + cards(3, teasers=TEASERS[1:]) + LEDE.replace("h1>", "h3>"),  # (... of the last's)
    cards()[: cards().rindex("<div")],  # (two linked headlines: as often a "Related" box)
    cards(host="https://shop.example.com"),  # (links to another site: a list of picks, an aggregator)
    cards().replace("/2024/08/0", "#part-"),  # (links to places on the page: a table of contents)
    cards().replace("/2024/08/02/library-vote", "/2024/08/03/ferry-terminal").replace(
        "/2024/08/01/bridge-repairs", "/2024/08/03/ferry-terminal"),  # (one address under each: a paywall's)
    cards(teasers=[(h, t, "Read the full story here.") for h, t, _ in TEASERS]),  # (no paragraph under the links)
], ids=["related-box", "guide", "story-under-teasers", "story-under-teasers-h2",
                             "story-under-teasers-h3", "two", "other-site", "in-page", "one-address", "no-teaser"])
def test_a_page_that_is_one_story_or_no_front_page_is_not_cut(main: str) -> None:
    assert len(page(main)) == 1


@pytest.mark.parametrize("hrefs", [("#one", "#two", "#three"), ("/", "/#", "#"),
                                   ("//other.example/a", "//other.example/b", "//other.example/c"),
                                   ("javascript:open(1)", "javascript:open(2)", "mailto:desk@valleytimes.example")])
def test_links_of_a_page_that_states_no_address_that_lead_to_no_story_of_its_own_cut_nothing(hrefs: tuple) -> None:
    teasers = [(href, title, text) for href, (_, title, text) in zip(hrefs, TEASERS)]
    assert len(page(cards(teasers=teasers), head="")) == 1


def test_a_storys_links_under_its_teaser_are_left_out_as_an_articles_are() -> None:
    links = ("<p><a href='/2024/07/30/ferry-fares'>Ferry fares will rise by a tenth in the new year, the operator "
             "said.</a></p><p><a href='/2024/07/29/ferry-strike'>Ferry crews will strike over pay next month, "
             "their union said.</a></p>")
    first = page(cards().replace("dispute.</p>", "dispute.</p>" + links, 1))[0]
    assert first.body == [TEASERS[0][2]]


def test_linked_headings_with_no_text_at_the_pages_end_are_left_out() -> None:
    more = "<h2><a href='/2024/07/30/fair'>Summer fair returns</a></h2><h2><a href='/2024/07/29/rain'>Rain ahead</a></h2>"
    assert [a.title for a in page(cards() + more)] == [title for _, title, _ in TEASERS]


def test_index_and_show_give_a_front_page_storys_url(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    markup = f"<html><head><link rel='canonical' href='{SITE}/'></head><body>{cards()}</body></html>"
    (corpus / "front.html").write_text(markup, encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    ids = [a.id for a in parse_page(html_to_text(markup)[0], "front.html").articles]
    assert len(ids) == 3
    capsys.readouterr()
    assert main(["show", ids[1], "--json", "--corpus", str(corpus)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["title"], shown["url"]) == (TEASERS[1][1], SITE + TEASERS[1][0])


# 3. A story after a Related block, "Read more", a rule or a wider gap alone: none, even one that opens with a dateline
# (P12's d37b4e3 split there; RV30-P #7: a section of a story about several cities opens so too, and was cut off) ----

FIRST = ("Harbour Board Approves New Ferry Terminal\n\n"
         "The harbour board approved plans for a new ferry terminal on Friday, ending a two-year dispute over the site.\n\n"
         "Work will start next spring, the board said, and the terminal should open in 2026.\n\n")
OIL = ("Oil Prices Fall As Supply Fears Ease\n\n{lede}Oil prices fell on Monday as fears over supply eased after talks in "
       "Vienna.\n\nBrent crude was down 2 percent at 80 dollars a barrel by midday, traders said.\n")
SEPARATORS = {"rule": "-----\n\n", "read-more": "Read more\n\n", "gap": "\n\n",
              "related": "Related Articles\n\nFerry fares to rise in January\n\nStrike threat on the ferries\n\n",
              "share": "Share\n\n", "scene-break": "* * *\n\n"}
FLOODS = ("Floods Force Thousands From Homes Across Europe\n\n"
          "Floods forced thousands of people from their homes across central Europe on Sunday as rivers rose after days "
          "of rain.\n\nOfficials in Germany said more rain was expected overnight, and schools would stay closed on "
          "Monday.\n\n")
SECTIONS = {  # (a section of the story that opens with its place, and a wire quoted in it)
    "city": "A Town Under Water\n\nDRESDEN, Germany — In the old town, water stood a metre deep in the streets by "
            "noon.\n\nShop owners carried their goods upstairs.\n",
    "wire": "What The Agencies Said\n\nPARIS (AFP) - French officials warned of more flooding in the south on Monday as "
            "storms moved east.\n\nThe same warning went out in Germany, where the story began on Sunday.\n",
}


@pytest.mark.parametrize("sep", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize("section", SECTIONS.values(), ids=SECTIONS.keys())
def test_a_section_that_opens_with_its_place_after_a_box_or_a_gap_stays_the_storys(sep: str, section: str) -> None:
    got = stories(FLOODS + sep + section)
    assert [a.title for a in got] == ["Floods Force Thousands From Homes Across Europe"]
    markdown = "# " + FLOODS + "---\n\n## " + section  # (a `##` under the page's `#`: a section by its markup)
    assert len(stories(markdown)) == 1


@pytest.mark.parametrize("sep", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize("lede", [
    "",  # (a sub-heading over the story's text)
    "UPDATE - ",  # (a live story's label: English words)
    "WHY IT MATTERS: ",  # (an explainer's label)
    "SMITH: ",  # (a transcript's speaker: see below too)
])
def test_a_sub_heading_after_a_box_or_a_gap_stays_the_storys(sep: str, lede: str) -> None:
    assert len(stories(FIRST + sep + OIL.format(lede=lede))) == 1


def test_a_dateline_after_one_blank_line_a_transcript_or_a_paragraph_alone_opens_no_story() -> None:
    assert len(stories(FIRST + OIL.format(lede="LONDON (Reuters) - "))) == 1  # (one blank line: a sub-heading's gap)
    transcript = OIL.format(lede="LONDON (Reuters) - ").replace("\n\nBrent", "\n\nJONES - Brent")
    assert len(stories(FIRST + "-----\n\n" + transcript)) == 1  # (each paragraph opens with capitals and a dash)
    alone = OIL.format(lede="LONDON (Reuters) - ").split("\n\nBrent")[0] + "\n"
    assert len(stories(FIRST + "-----\n\n" + alone)) == 1  # (one paragraph: a box's teaser)
    assert len(stories(FIRST + "-----\n\n" + alone + "\n3 May 2024\n")) == 1  # (... and its date)


def test_a_time_above_a_front_pages_first_story_is_the_pages_date() -> None:
    bar = "<p>Today: <time datetime='2024-08-03'>Saturday</time></p>"
    assert [a.date for a in page(bar + cards(teasers=UNDATED), head="")] == [AUG3] * 3


# MJ (RV30-P #1, #4): a page whose own story stands above its linked headlines is not cut, the story kept ------------

SHORT = "<h1>Ring road closed after crash</h1><p>Police have closed the ring road in both directions.</p><p>More soon.</p>"
ITEMS = [(f"/travel/place-{n}", f"Place number {n} by the sea", "A quiet bay with a long beach, two small hotels and "
          f"a harbour where the ferry stops twice a day, number {n}.") for n in range(1, 5)]


def one_page(main: str, title: str = "Valley Times", head: str = f"<link rel='canonical' href='{SITE}/'>") -> list:
    markup = (f"<html><head><title>{title}</title>{head}</head><body><header><a href='/'>Valley Times</a></header>"
              f"<main>{main}</main><footer>© 2024 Valley Times</footer></body></html>")
    return parse_page(html_to_text(markup)[0], "p.html").articles


@pytest.mark.parametrize("main, title", [
    (SHORT + "<h2>Latest</h2>" + cards(3), "Ring road closed after crash | Valley Times"),  # (a short story's lines)
    (SHORT.replace("h1>", "h2>") + cards(3), ""),  # (its headline of the teasers' rank, no title to match)
    ("<h1>Garden hose 30m</h1><p>$29.99</p><h2>Customers also bought</h2>" + cards(3), ""),  # (a product's price)
    ("<h1>Places to visit this summer</h1>" + cards(teasers=ITEMS), "Places to visit | Travel Mag"),  # (a listicle)
    ("<h1>Places to visit this summer</h1>" + cards(teasers=ITEMS), "Places to visit this summer"),
    ("<h1>Places to visit</h1>" + cards(teasers=ITEMS), "Places to visit: our picks for the summer"),
    (cards(teasers=[(h, f"{n}. {t}", x) for n, (h, t, x) in enumerate(ITEMS, 1)]), ""),  # (numbered items, no h1)
], ids=["short-story", "short-story-h2", "product", "listicle", "listicle-whole-title", "listicle-longer-title",
        "numbered"])
def test_a_page_whose_own_story_stands_above_its_linked_headlines_is_one_story(main: str, title: str) -> None:
    got = one_page(main, title)
    assert len(got) == 1
    if "<h1>" in main:
        assert got[0].title == main[4:main.index("</h1>")]


def test_a_page_that_says_it_is_an_article_or_links_to_itself_with_a_query_is_not_cut() -> None:
    assert len(one_page(cards(), head=f"<link rel='canonical' href='{SITE}/'><meta property='og:type' "
                                      "content='article'>")) == 1
    ld = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Floods live\"}</script>"
    assert len(one_page(cards(), head=f"<link rel='canonical' href='{SITE}/'>{ld}")) == 1
    live = f"{SITE}/2024/08/03/floods-live"
    entries = [(f"{live}?page=with:block-{n}#block-{n}", title, text) for n, (_, title, text) in enumerate(TEASERS)]
    assert len(one_page(cards(teasers=entries), head=f"<link rel='canonical' href='{live}'>")) == 1


def test_a_front_pages_label_over_its_cards_and_its_sites_name_cut_still() -> None:
    titles = [title for _, title, _ in TEASERS]
    assert [a.title for a in one_page("<h1>Latest news</h1>" + cards())] == titles  # (the h1 names no page)
    assert [a.title for a in one_page("<h1>Valley Times</h1>" + cards(), "Valley Times",
                                      head=f"<link rel='canonical' href='{SITE}/'><meta property='og:site_name' "
                                           "content='Valley Times'>")] == titles  # (the site's name)
    numbered = [(h, f"{n}. {t}" if n == 1 else t, x) for n, (h, t, x) in enumerate(TEASERS, 1)]
    assert len(one_page(cards(teasers=numbered))) == 3  # (one headline that opens with a number: no list)
    assert len(one_page(cards(), head=f"<link rel='canonical' href='{SITE}/news'><meta property='og:type' "
                                      "content='website'>")) == 3


# MJ (RV30-P #2): a card's <time> above its headline dates that card --------------------------------------------------

def timed_cards(where: str) -> str:
    out = ""
    for n, (href, title, text) in enumerate(TEASERS):
        time = f"<time datetime='2024-07-2{n}'>2{n} July 2024</time>"
        card = f"<h2><a href='{href}'>{title}</a></h2><p>{text}</p>"
        out += "<div class='card'>" + (time + card if where == "above" else card + time) + "</div>"
    return out


@pytest.mark.parametrize("where, bar", [("above", ""), ("below", ""), ("below", "<p><time datetime='2024-08-03'>3 "
                                                                            "August 2024</time></p>")])
def test_a_cards_time_above_or_below_its_headline_dates_that_card(where: str, bar: str) -> None:
    got = page(bar + timed_cards(where))  # (below, under a date bar's <time>: each <time> right above a headline)
    assert [(a.title, a.date) for a in got] == [(title, dt.date(2024, 7, 20 + n))
                                                for n, (_, title, _) in enumerate(TEASERS)]
    assert all(a.body == [text] for a, (_, _, text) in zip(got, TEASERS))


def test_a_teasers_opening_date_is_a_day_it_states_and_the_date_bar_dates_no_other() -> None:
    # (MJ, RV30-P #3: a search or section page under the day it was seen, its results of many days)
    days = ["3 Aug 2024", "12 Jul 2023", "5 Jan 2021"]
    teasers = [(href, title, f"{day} — {text}") for (href, title, text), day in zip(UNDATED, days)]
    assert [a.date for a in page("<p>Saturday 3 August 2024</p>" + cards(teasers=teasers))] == [None] * 3
    same = [(href, title, f"3 Aug 2024 — {text}") for href, title, text in UNDATED]  # (all of the bar's day)
    assert [a.date for a in page("<p>Saturday 3 August 2024</p>" + cards(teasers=same))] == [AUG3] * 3
    route = [(href, title, f"Route 66 — {text}") for href, title, text in UNDATED]  # (a number and a dash: no date)
    assert [a.date for a in page("<p>Saturday 3 August 2024</p>" + cards(teasers=route))] == [AUG3] * 3
