"""The parser on the five real saved pages: every story, with its facts and no junk."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.corpus.loader import read_page_file
from newsreader.corpus.parser import parse_page
from newsreader.resources import seeds_dir

JUNK = [
    "Short Url", "Follow", "Hashtags", "Try Our AI Features", "can do for you", "No comments yet",
    "Related Articles", "Related Topics", "Short link", "Post Views", "Featured News", "Updated ",
    "an hour ago", "- Arab News",
]


def parse_seed(prefix: str):
    [path] = sorted(seeds_dir().glob(f"{prefix}_*.txt"))
    page = read_page_file(path, max_bytes=10 * 1024 * 1024)
    return parse_page(page.text, path.name).articles


def test_seeds_ship_with_the_package() -> None:
    assert len(sorted(seeds_dir().glob("*.txt"))) == 5


def test_all_seeds_give_nine_stories() -> None:
    assert [len(parse_seed(p)) for p in ("000", "001", "002", "003", "004")] == [1, 1, 1, 2, 4]


# (page, story index, title start, date, byline, dateline, first words, last words)
EXPECTED = [
    ("000", 0, "Pakistan vows to ‘stand behind’ Iran", dt.date(2025, 6, 14), None, None,
     "Pakistan on Saturday vowed", "have condemned Israel's actions."),
    ("001", 0, "Tehran pledges continued cooperation with Islamabad", None, None, None,
     "Iranian President Masoud Pezeshkian has expressed", "ensuring peace and stability in the region."),
    ("002", 0, "Ayatollah Khamenei calls for joint Iran–Pakistan efforts", dt.date(2025, 5, 26),
     "IFP Editorial Staff", None, "In a meeting with Pakistani Prime Minister",
     "humanitarian catastrophe in Gaza."),
    ("003", 0, "Pakistan backs Iran’s call for OIC meeting", dt.date(2024, 8, 3), None, "ISLAMABAD",
     "Pakistan’s Deputy Prime Minister Ishaq Dar said on Saturday",
     "joined the proceedings as well."),
    ("003", 1, "Pakistan, Libya discuss defense and counterterrorism", None, None, "ISLAMABAD",
     "Pakistan and Libya discussed enhancing defense cooperation",
     "Libya’s prolonged political instability."),
    ("004", 0, "Pakistan has had no new military cooperation with Iran", None, None, "ISLAMABAD",
     "Pakistan's Defense Minister Khawaja Asif said on Monday",
     "before taking on Pakistan.'"),
    ("004", 1, "19 injured in Israeli port after Iran missile barrage", None, None, "JERUSALEM",
     "At least 19 people were injured", "It has not updated the toll since."),
    ("004", 2, "Iraqi Cities Protest against Israel's War on Iran", None, None, None,
     "Baghdad and other Iraqi cities witnessed", "'Let me be clear: Iran should not target US interests or personnel,' Rubio added."),
    ("004", 3, "Pakistan PM orders expansion of national shipping fleet", None, None, "ISLAMABAD",
     "Prime Minister Shehbaz Sharif on Friday directed",
     "are kept in check."),
]


@pytest.mark.parametrize("page,index,title,date,byline,dateline,first,last", EXPECTED)
def test_story_facts(page, index, title, date, byline, dateline, first, last) -> None:
    article = parse_seed(page)[index]
    assert article.title.startswith(title)
    assert article.date == date
    assert article.byline == byline
    assert article.dateline == dateline
    assert article.body[0].startswith(first)
    assert article.body[-1].endswith(last)
    text = "\n".join([article.title, *article.body, *article.summary])
    for junk in JUNK:
        assert junk not in text, junk


def test_repeated_title_summary_and_caption() -> None:
    first, second = parse_seed("003")
    assert len(first.summary) == 2 and first.summary[0].startswith("Iran’s foreign minister")
    assert first.captions and first.captions[0].endswith("(AP)")
    assert first.date_source == "updated line"
    assert all(first.title not in p for p in first.body)
    assert second.date is None and second.date_source == "undated"  # "Updated 4 sec ago"
    assert len(second.summary) == 2


def test_paragraph_cut_in_two_is_joined() -> None:
    second = parse_seed("003")[1]
    joined = [p for p in second.body if "including Pakistan. Relations" in p]
    assert len(joined) == 1
    assert not any(p.startswith("Pakistan. Relations") for p in second.body)


def test_related_block_becomes_stories_linked_from_the_main_one() -> None:
    main, *listed = parse_seed("004")
    assert main.related == [a.id for a in listed]
    assert [a.source for a in listed] == ["Arab News", "Leaders", "Arab News"]
    assert all(a.date is None and a.age for a in listed)
    # Inline footer junk after the run-together body is cut off, the story text is kept.
    assert listed[1].body[-1].endswith("Rubio added.")
    # Sentences run together without a space are separated again.
    assert "to the public. A spokesman" in listed[0].text


def test_ids_are_stable_and_unique() -> None:
    ids = [a.id for p in ("000", "001", "002", "003", "004") for a in parse_seed(p)]
    assert len(set(ids)) == 9
    assert ids == [a.id for p in ("000", "001", "002", "003", "004") for a in parse_seed(p)]
    assert ids[0].startswith("pakistan-vows-to-stand-behind-iran")


def test_every_line_has_a_fate() -> None:
    for path in sorted(seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = parse_page(text, path.name)
        assert [f.lineno for f in result.fates] == list(range(1, len(text.splitlines()) + 1))
        for fate in result.fates:
            if fate.text.strip() and not fate.dropped:
                assert fate.article is not None
