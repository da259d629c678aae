"""Date rules found by blind challenge part 15 (Wikinews-style market and car-industry news, gold
written in MEANTIME's style before the extractor was run on it): each case is a general shape of
news copy, with the near misses the rule must leave alone. One case a line: article date | span |
its value ('-': no date there) | text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.extract import extract

CASES = """
# a bare year or month after "since/until/by at least": the preposition vouches for it
2009-03-03 | 1986 | 1986 | The bank's shares fell 19 percent, their biggest drop since at least 1986.
2009-03-03 | March | 2009-03 | The plant will stay shut until at least March.
2009-03-03 | 1900 | 1900 | Records go back to at least 1900.
2009-03-03 | 1990 | 1990 | Prices were last this high as far back as 1990.
# ... not a count after "at least" with no preposition before it
2009-03-03 | 1986 | - | The plant employed at least 1986 people.
2009-03-03 | 2000 | - | Sales reached at least 2000 units.

# the start or end of a named quarter or half is one timex, valued by the period (TimeML's mod)
2006-01-26 | the end of the first quarter | 2006-Q1 | The details will be released by the end of the first quarter.
2006-01-26 | the end of the third quarter of 2008 | 2008-Q3 | The plant closes at the end of the third quarter of 2008.
2006-01-26 | the start of the second half | 2006-H2 | Deliveries will begin at the start of the second half.
2006-01-26 | the end of the first half of 2007 | 2007-H1 | Toyota will decide by the end of the first half of 2007.
# ... not a hyphenated quarter modifying a noun
2006-01-26 | first-quarter | 2006-Q1 | Analysts spoke at the end of the first-quarter earnings season.

# a month ranked against other years' after a superlative: the month in question
2010-10-01 | September | 2010-09 | U.S. stocks had their best September since 1939.
2010-01-10 | December | 2009-12 | Retailers had their weakest December in decades.
2008-11-01 | October | 2008-10 | It was the Dow's worst October on record.
2010-10-01 | May | 2010-05 | The market had its worst May since 1940.
# ... not a name after the superlative, nor a month with no ranking after it
2010-10-01 | June | - | It was the best June Carter song.
2010-10-01 | May | - | It was the best May Day parade.
2010-10-01 | March | - | It was the largest March on Washington since 1963.

# "the month" before an infinitive is the anaphor ("sales for the month to rise") ...
2010-10-20 | the month | 2010-10 | Analysts expect sales for the month to rise about 25 percent.
# ... not a period up to a day or to date
2010-10-20 | the month | - | Profit for the month to June rose 5 percent.
2010-10-20 | the year | - | Sales for the year to date rose.

# "the month": the figures of a month named just before, reported in the first days of the next
2010-10-01 | the month | 2010-09 | GM, Ford and Chrysler will report their September sales today. Analysts expect total U.S. sales for the month to rise about 25 percent.
2012-11-02 | the month | 2012-10 | Car sales fell in October, but Chrysler said on Thursday that its U.S. sales rose 10 percent for the month.
# ... not when the day is later in the month, nor in a sentence about no figures
2012-11-20 | the month | 2012-11 | Car sales fell in October, but Chrysler said on Thursday that its U.S. sales rose 10 percent for the month.
2009-10-05 | the month | 2009-10 | The Dow fell in September. On Monday, it rose 2 percent, and it is up 1 percent for the month.
# ... with no month named, figures told in the past in the first days of a month: the month before
2012-11-02 | the month | 2012-10 | Chrysler said on Thursday that its U.S. sales rose 10 percent for the month.
2012-11-02 | the month | 2012-10 | GM's sales rose 5 percent for the month, the company said.
# ... not later in the month, nor a present or future sentence, nor one about no figures
2012-11-20 | the month | 2012-11 | GM's sales rose 5 percent for the month, the company said.
2012-11-02 | the month | 2012-11 | GM said sales will rise for the month.
2012-11-02 | the month | 2012-11 | The Dow fell 2 percent on Thursday, and it fell 2 percent for the month.

# results for the quarter come after it closes: the last quarter closed, in the first two months of the next
2009-04-22 | the quarter | 2009-Q1 | GM will report results for the quarter on May 7.
2009-06-22 | the quarter | 2009-Q2 | GM will report results for the quarter on July 27.
2009-05-03 | the quarter | 2009-Q1 | Acme will report earnings for the quarter on Tuesday.
2009-04-22 | the quarter | 2009-Q2 | GM expects sales to rise in the quarter.

# the base of a change in the sentence after a quarter or month: that period a year back
2009-05-08 | a year earlier | 2008-Q1 | General Motors said on Thursday that it lost $6 billion in the first quarter of 2009. Revenue fell 47 percent from a year earlier.
2009-08-04 | a year earlier | 2008-07 | Ford said on Monday that its U.S. sales rose 2 percent in July, its first monthly gain since November 2007. GM's sales fell 19 percent from a year earlier.
# ... not when a year or day was named after the period, nor two sentences after it
2008-11-04 | a year earlier | 2007 | GM's sales fell 45 percent in October. For the year, sales are down 20 percent from a year earlier.
2008-11-04 | a year earlier | 2007 | GM's sales fell 45 percent in October. The Dow fell on Monday, and is down 30 percent from a year earlier.
2009-05-08 | a year earlier | 2008 | GM lost $6 billion in the first quarter. Its shares fell. Revenue fell 47 percent from a year earlier.

# "the day" after an aside that named another day: the day of the clause around the aside
2008-09-16 | the day | 2008-09-16 | Stocks in Asia also fell on Tuesday. Japan's Nikkei 225 index, which was closed for a holiday on Monday, ended the day down 4.95 percent.
2008-09-16 | the day | 2008-09-16 | Japan's Nikkei, which was closed on Monday, ended the day down 5 percent.
# ... not a day named in the main clause, nor an aside in an earlier sentence
2008-09-16 | the day | 2008-09-15 | The Nikkei fell on Monday, and the yen rose on the day.
2008-09-16 | the day | 2008-09-15 | The Nikkei, which fell on Monday, rose. Traders said the day was calm.
"""


def _cases() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in CASES.strip().splitlines():
        if line.strip() and not line.startswith("#"):
            date, span, value, text = (part.strip() for part in line.split(" | ", 3))
            rows.append((date, span, value, text))
    return rows


@pytest.mark.parametrize("date, span, value, text", _cases())
def test_part15_rule(date, span, value, text):
    found = {d.text: d.value for d in extract(text, dt.date.fromisoformat(date)).dates}
    assert found.get(span, "-") == value
    # no longer span swallows the one named
    assert not any(other != span and span in other for other in found)
