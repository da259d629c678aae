"""Date values on news of other outlets (round 28, D16: the ECB+ value audit) and D15's leftovers,
with the near misses each rule must leave alone, written as general news sentences. Each row:
article date | span | its value, or '-' for no date there | text. Values follow the TIMEX3
conventions."""

from __future__ import annotations

import pytest

CASES = """
# a day ahead of the article "on June 8" stays this year's: a past verb in the clause before it may be a
# participle or a relative clause's ("The man charged with murder appears in court on June 8"), and a
# reported act, a plan or an outlook need not be past
2013-05-03 | June 8 | 2013-06-08 | The man charged with murder appears in court on June 8.
2013-05-03 | June 8 | 2013-06-08 | The law passed in March comes into force on June 8.
2013-05-03 | June 8 | 2013-06-08 | The company announced a meeting on June 8.
2013-05-03 | June 8 | 2013-06-08 | The store was set to open on June 8.
2013-05-03 | June 8 | 2013-06-08 | The union voted to strike on June 8.
2013-05-03 | June 8 | 2013-06-08 | He bought tickets for the final on June 8.
2013-05-03 | June 8 | 2013-06-08 | Talks that began in March will resume on June 8.
2012-08-06 | 12 August | 2012-08-12 | The Games opened on 27 July and close on 12 August.
2013-05-03 | June 20 | 2013-06-20 | The singer crashed her car in April and is due in court on June 20.
# "look forward to" looks ahead: the coming weekday (was the last one); not "looked forward to"
2013-08-02 | Sunday | 2013-08-04 | "We look forward to seeing her back on the show on Sunday," the producer said.
2013-08-02 | Sunday | 2013-08-04 | Fans are looking forward to the final on Sunday.
2013-08-02 | Sunday | 2013-07-28 | Fans looked forward to the final on Sunday, but rain stopped play.
2013-08-02 | Sunday | 2013-07-28 | The minister, who said he looked forward to the talks, arrived on Sunday.
# "for a 12th straight month in August": the month (year) named right after it
2008-10-15 | a 12th straight month | 2008-08 | Consumer prices rose for a 12th straight month in August.
2008-10-15 | a third consecutive month | 2007-09 | Exports fell for a third consecutive month in September 2007.
2009-02-10 | a second straight year | 2008 | Profit fell for a second straight year in 2008.
# ... a place after it, or nothing: the month the story is at; a weekday after a day, as before
2008-10-15 | a second straight month | 2008-10 | Exports fell for a second straight month in Japan.
2008-10-15 | a fourth successive month | 2008-10 | Car sales dropped for a fourth successive month.
2008-10-15 | the sixth straight day | 2008-10-10 | Stocks fell for the sixth straight day on Friday.
# "this time last year" is one date, as "the same time last year": the year back
2008-10-15 | this time last year | 2007 | Home prices are 9 percent lower than this time last year.
2008-10-15 | This time last year | 2007 | This time last year, the bank was still profitable.
2008-10-15 | the same time last year | 2007 | Sales were flat compared with the same time last year.
# ... not "this time" set off by a comma, nor "this time" with no year after it
2008-10-15 | last year | 2007 | This time, last year's champion lost in the first round.
2008-10-15 | This time | - | This time the bank lost money.
# "the 1700s", "the late 1600s": an older century (TIMEX3 "17"), "the 1640s" its decade; "the" before it
2008-10-15 | the 1700s | 17 | The church was built in the 1700s.
2008-10-15 | the late 1600s | 16 | The town was founded in the late 1600s.
2008-10-15 | the 1640s | 164 | The hall dates from the 1640s.
# ... not a plural number with no "the"
2008-10-15 | 1500s | - | The plant builds 1500s for the army.
"""

ROWS = [line.split(" | ") for line in CASES.strip().splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("date, span, value, text", ROWS)
def test_part20_rule(date_case, date, span, value, text):
    date_case(date, span, value, text)
