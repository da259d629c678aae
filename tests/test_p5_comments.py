"""A comment thread under the story (RV15-A #10): "Comments (3)", readers' names, their dates
and "Reply" went into the story's body, and "Reply bikerdad" was joined as one paragraph."""

from __future__ import annotations

from newsreader.corpus.parser import parse_page

PAGE = """City council approves new bike lanes on Main Street
By Karen Holt
March 3, 2025
The city council voted 7-2 on Monday night to approve protected bike lanes along a two-mile stretch of Main Street.
Construction is expected to begin in the summer and last four months.
{heading}
jdoe42
March 3, 2025 at 9:14 pm
Finally! This has been needed for years.
Reply
"""


def test_a_comment_threads_furniture_is_dropped() -> None:
    for heading in ("Comments (3)", "3 Comments", "Comments", "View all comments", "Leave a reply"):
        (article,) = parse_page(PAGE.format(heading=heading), "c.txt").articles
        assert heading not in article.body and "jdoe42" not in article.body, heading
        assert "Reply" not in article.body and "9:14 pm" not in article.body
