"""An e-mail newsletter pasted into a page (Q8 #9): its "From:" line was the story's title, the Subject, Date and To
headers body text, and the story undated. The Subject is the title, the Date (or Outlook's "Sent") the date, the
sender the source; the web-version link and the subscription footer are furniture."""

from __future__ import annotations

from newsreader.corpus.parser import parse_page

ITEMS = ("\nGood evening. Three things to know before tomorrow.\n\n"
         "The city council approved the new tram line on Monday after two years of debate about its cost.\n\n"
         "Ticket prices will rise by five percent from June, the transport authority said.\n\n")


def test_a_mail_header_block_gives_title_date_and_source() -> None:
    result = parse_page('From: "City Desk" <desk@citypaper.example>\nTo: me@example.net\n'
                        "Subject: Evening Digest: tram line approved, fares rise\n"
                        "Date: Mon, 3 Mar 2025 18:30:00 +0000\n\nRead this e-mail in your browser\n" + ITEMS
                        + "You are receiving this newsletter because you subscribed.\nManage your preferences\n",
                        "p.txt")
    (article,) = result.articles
    assert (article.title, str(article.date), article.source) == (
        "Evening Digest: tram line approved, fares rise", "2025-03-03", "City Desk")
    assert article.body[0].startswith("Good evening") and not any("receiving" in p for p in article.body)
    assert not any("me@example.net" in p for p in article.body)
    assert {f.text: f for f in result.fates}["To: me@example.net"].dropped


def test_outlook_headers_with_sent_and_an_address_alone() -> None:
    (article,) = parse_page("From: alerts@marketwire.example\nSent: Tuesday, April 8, 2025 7:02 AM\n"
                            "To: Jane Roe\nSubject: Markets open lower on tariff fears\n" + ITEMS, "p.txt").articles
    assert (article.title, str(article.date), article.source) == (
        "Markets open lower on tariff fears", "2025-04-08", "marketwire.example")


def test_a_subject_line_alone_is_no_mail() -> None:
    """One header-shaped line is not an e-mail's header block: the page is read as before."""
    (article,) = parse_page("Subject: a council matter\n" + ITEMS, "p.txt").articles
    assert (article.title, article.date, article.source) == ("Subject: a council matter", None, None)
