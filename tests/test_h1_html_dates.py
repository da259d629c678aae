"""Dates a web page states but that were not used (Q8 #12): a date only in the page's address
(`<link rel="canonical">`, `og:url`: `/2024/01/22/`), and a UTC stamp
(`article:published_time` "...T03:41:17Z") that gave the next day to a story of the American
evening whose page says "January 7"."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text

BODY = ("<p>The harbour authority said container traffic rose by a fifth over the year, "
        "the most since records began.</p>")


def _header(head: str, body: str = "") -> str:
    markup = (f"<html><head>{head}</head><body><article><h1>Harbour traffic hits a record</h1>"
              f"{body}{BODY}</article></body></html>")
    return html_to_text(markup)[0].splitlines()[0]


def test_a_date_in_the_pages_address_dates_it() -> None:
    """The address's path states the day when nothing else does; the meta date comes first; a
    day that does not exist or digits in the host state none."""
    assert _header("<link rel='canonical' href='https://news.example/local/2023/11/05/harbour/'>") \
        == "date 2023-11-05 Harbour traffic hits a record"
    assert _header("<meta property='og:url' content='https://news.example/2023-11-05/harbour'>") \
        == "date 2023-11-05 Harbour traffic hits a record"
    assert _header("<link rel='canonical' href='https://news.example/2023/11/05/harbour/'>"
                   "<meta name='date' content='2023-11-04'>") == "date 2023-11-04 Harbour traffic hits a record"
    assert _header("<link rel='canonical' href='https://news.example/2023/13/45/harbour/'>") \
        == "Harbour traffic hits a record"
    assert _header("<link rel='canonical' href='https://20231105.example/harbour'>") == "Harbour traffic hits a record"


def test_a_utc_stamp_gives_way_to_the_day_the_page_states_in_its_own_time_zone() -> None:
    """A UTC stamp of 02:15 is the evening before in America: the page's "November 5" is the
    story's day. One of 22:30 UTC is the next morning in Asia: the page's published date is.
    A stamp with its own offset, a stated day two days away, or an update the next day do not
    move the date."""
    cases = [
        ("2024-11-06T02:15:00Z", ["Published 9:15 PM EST, November 5, 2024"], "2024-11-05"),
        ("2024-11-06T02:15:00+00:00", ["November 5, 2024"], "2024-11-05"),
        ("2024-03-10T22:30:00.000Z", ["11 March 2024"], "2024-03-11"),
        ("2024-03-10T03:00:00Z", ["11 March 2024"], "2024-03-10"),  # (no zone is 21 hours ahead)
        ("2024-03-10T22:30:00Z", ["Updated 11 March 2024"], "2024-03-10"),
        ("2024-11-06T16:15:00Z", ["November 5, 2024"], "2024-11-06"),
        ("2024-11-06T02:15:00-05:00", ["November 5, 2024"], "2024-11-06"),
        ("2024-11-06T02:15:00Z", ["November 4, 2024"], "2024-11-06"),
        # The first day the page states decides: here it agrees with the stamp.
        ("2024-11-06T02:15:00Z", ["November 6, 2024", "Nov 5, 2024"], "2024-11-06"),
    ]
    for stamp, lines, day in cases:
        head = f"<meta property='article:published_time' content='{stamp}'>"
        assert _header(head, "".join(f"<p>{line}</p>" for line in lines)).startswith(f"date {day} "), (stamp, lines)


def test_a_time_elements_utc_datetime_gives_way_to_its_own_words() -> None:
    """`<time datetime="...T01:30:00Z">March 3, 2025</time>`: the words are the page's day."""
    assert _header("", "<time datetime='2025-03-04T01:30:00Z'>March 3, 2025</time>") \
        .startswith("date 2025-03-03 ")


def test_a_time_elements_words_date_it_unless_they_state_an_update() -> None:
    """A `<time>` without a datetime: a date line of its words dates the story ("Tue 11 March
    2025, 14:32", "3. März 2025"); "Updated 10 March 2025" is left to the parser."""
    assert _header("", "<time>Tue 11 March 2025, 14:32</time>").startswith("date 2025-03-11 ")
    assert _header("", "<time>3. März 2025</time>").startswith("date 2025-03-03 ")
    assert _header("", "<time>Updated 10 March 2025</time>") == "Harbour traffic hits a record"
