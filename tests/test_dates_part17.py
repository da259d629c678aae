"""Date rules found by reading MEANTIME stock's date errors (the topic opened for tuning in round 27),
written as general news sentences, with the near misses each rule must leave alone. Each row:
article date | span | its value, or '-' for no date there | text."""

from __future__ import annotations

import pytest

CASES = """
# "late in the day", "early in the year": the modifier is part of the date, as in "earlier in the day"
2009-05-13 | late in the day | 2009-05-13 | The Dow rebounded late in the day after falling 250 points.
2009-05-13 | early in the year | 2009 | The merger closed early in the year.
2009-05-13 | late in the week | 2009-W20 | A vote is expected late in the week.
2009-05-13 | early in the month | 2009-05 | Sales rose early in the month, the company said.
# ... so "the day after" no longer takes the "after" of the clause that follows
2009-05-13 | late in the day | 2009-05-13 | Stocks rallied late in the day after the report came out.
# ... not a day without "in the" before it, nor a plural
2009-05-13 | earlier in the day | 2009-05-13 | Shares fell earlier in the day.
2009-05-13 | the day | 2009-05-13 | Shares ended the day 2 percent lower after a late rally.
2009-05-13 | late in the day | - | The shares were late in the days of the boom.
# ... nor a span of its own before "of" or a year: the phrase after "in" names the date ("the year
# 2009", "the week of June 7", "the month of May"), or there is none ("the day of the vote")
2010-06-16 | early in the year 2009 | 2009 | Prices rose early in the year 2009.
2010-06-16 | late in the year 1999 | 1999 | Prices rose late in the year 1999.
2010-06-16 | the week of June 7 | 2010-W23 | Prices rose early in the week of June 7.
2010-06-16 | early in the month | - | Prices rose early in the month of May.
2010-06-16 | late in the month | - | Prices rose late in the month of May 2009.
2010-06-16 | earlier in the month | - | Prices fell earlier in the month of May.
2010-06-16 | late in the day | - | Polls closed late in the day of the vote.
2010-06-16 | late in the year | - | Prices rose late in the year of the crash.
2010-06-16 | late in the year | 2010 | Prices rose late in the year, and fell in 1999.
# a quarter or half reported in a past clause of its own is the last one that closed, though
# another clause of the sentence looks ahead ("could", "will", "expect")
2007-03-13 | the fourth quarter | 2006-Q4 | As lenders reported that foreclosures rose in the fourth quarter to a record, investors fear banks could lose money.
2007-03-13 | the fourth quarter | 2006-Q4 | The company said it would cut 500 jobs after sales fell in the fourth quarter.
2007-03-13 | the fourth quarter | 2006-Q4 | Sales rose in the fourth quarter, and analysts expect more gains this year.
2007-02-10 | the second half | 2006-H2 | Profit fell in the second half, though the chairman said the group will grow this year.
# ... and so is "the quarter" or (in January) "the year" whose clause reports in the past
2009-10-20 | the quarter | 2009-Q3 | GM lost $2.5 billion in the quarter, and analysts said it could lose more next year.
2009-01-20 | the year | 2008 | Sales for the year fell 22%, but the company said it would return to profit.
# ... not when the date's own clause looks ahead, before it or after it
2009-10-20 | the quarter | 2009-Q4 | GM said it will lose money in the quarter.
2009-01-20 | the year | 2009 | The company said sales for the year would fall.
2009-01-20 | the year | 2009 | The company expects sales for the year to fall, after a loss in 2008.
2007-03-13 | the fourth quarter | 2007-Q4 | The company expects sales to rise in the fourth quarter.
2007-03-13 | the fourth quarter | 2007-Q4 | The company said sales in the fourth quarter are expected to rise.
2007-03-13 | the fourth quarter | 2007-Q4 | In the fourth quarter, the company expects sales to rise.
2007-03-13 | the fourth quarter | 2007-Q4 | Analysts said the company will report a loss in the fourth quarter.
2007-03-13 | the fourth quarter | 2007-Q4 | The plant, which closed last year, will reopen in the fourth quarter.
2007-03-13 | the fourth quarter | 2007-Q4 | The company will close the plant in the fourth quarter because orders dropped.
# ... nor from a past verb in an earlier clause (after a comma or a semicolon)
2007-03-13 | the fourth quarter | 2007-Q4 | Sales fell in January, and orders in the fourth quarter, analysts say, should recover.
2007-03-13 | the fourth quarter | 2007-Q4 | Sales fell in January; orders in the fourth quarter, analysts say, should recover.
# ... nor when the past verb only reports: the clause is what follows its "that" or "whether"
2007-03-13 | the fourth quarter | 2007-Q4 | The company said that in the fourth quarter, it will cut 500 jobs.
2007-03-13 | the fourth quarter | 2007-Q4 | The judge ruled that in the fourth quarter, the firm will pay $5 million.
2007-02-10 | the second half | 2007-H2 | Analysts said that in the second half, growth will slow.
2007-01-15 | the year | 2007 | The ministry said that for the year, the deficit will narrow to 2%.
2007-03-13 | the fourth quarter | 2007-Q4 | Investors asked whether in the fourth quarter, the firm will pay a dividend.
2007-03-13 | the fourth quarter | 2006-Q4 | The company said that sales fell in the fourth quarter, but it expects a recovery.
# ... and a date put first has its clause after the comma ("that in the year, crime fell")
2007-01-15 | the year | 2006 | Police said that in the year, crime fell 5%, and they will hire more officers.
2007-03-13 | the fourth quarter | 2006-Q4 | In the fourth quarter, sales fell 5%, and the company expects more gains.
2007-03-13 | the fourth quarter | 2007-Q4 | During the fourth quarter, the firm will pay $5 million.
# ... nor across an aside after the date, before its clause's verb
2007-03-13 | the fourth quarter | 2007-Q4 | The firm said sales in the fourth quarter, its busiest, will rise.
2007-03-13 | the fourth quarter | 2007-Q4 | The firm said sales in the fourth quarter, which is usually its busiest, will rise.
2007-03-13 | the fourth quarter | 2006-Q4 | Sales rose in the fourth quarter, its busiest, and the company expects more gains.
# ... nor for a period that looks ahead itself ("the year ahead", not "ahead of")
2009-01-20 | the year | 2009 | The bank said it was confident that in the year ahead, profits will rise.
2009-01-20 | the year | 2009 | The bank said in the year ahead, profits will rise.
2007-03-13 | the fourth quarter | 2006-Q4 | Sales rose in the fourth quarter ahead of the price rise, and the company expects more gains.
# "last Aug. 2": the day (as "last August 2nd" is), in the year the word before it names
2007-03-13 | Aug. 2 | 2006-08-02 | The plant closed last Aug. 2, the company said.
2007-03-13 | Sept. 14 | 2007-09-14 | The vote is set for next Sept. 14.
2007-03-13 | Jan. 1 | 2007-01-01 | The law took effect this Jan. 1.
2007-03-13 | Dec. 1 | 2007-12-01 | The rule takes effect next Dec. 1.
# ... not a count or a percentage after the month
2007-03-13 | last Aug. | 2006-08 | Sales rose last Aug. 2 percent from a year earlier.
2007-03-13 | last Oct. | 2006-10 | Output rose last Oct. 3.5 per cent.
2007-03-13 | last Aug. | 2006-08 | Sales rose last Aug. 2% from a year earlier.
2007-03-13 | last Aug. | 2006-08 | Output fell sharply last Aug.
2007-03-13 | last Nov. | 2006-11 | The jobless rate fell last Nov. 2 points to 5 percent.
2007-03-13 | last Aug. | 2006-08 | Sales fell last Aug. 2 pct.
2007-03-13 | last Aug. | 2006-08 | The tax rose last Aug. 2 cents a gallon.
2007-03-13 | last Aug. | 2006-08 | Sales rose last Aug. 2 million units.
2007-03-13 | last Aug. | 2006-08 | Sales fell last Aug. 2 to 3 percent.
2007-03-13 | 2 years | P2Y | Rents rose last Aug. 2 years after the crash.
2007-03-13 | last November | 2006-11 | The index fell last November 11 points.
# ... and "last Feb. 29" is the last 29 February there was ("next": the next one)
2007-03-13 | Feb. 29 | 2004-02-29 | The vote was held last Feb. 29.
2008-03-13 | Feb. 29 | 2012-02-29 | The vote will be held next Feb. 29.
2008-03-13 | Feb. 29 | 2008-02-29 | The vote was held last Feb. 29.
# "the near term": the future, as "the near future" is (TimeML's FUTURE_REF)
2009-08-21 | the near term | FUTURE_REF | Rates will stay low in the near term, the central bank said.
2009-08-21 | the near term | FUTURE_REF | The prospects for growth in the near term look good.
# ... not the adjective, nor the term of something
2009-08-21 | near-term | - | The near-term outlook for exporters is weak.
2009-08-21 | the near term | - | Prices are fixed over the near term of the contract.
# ... nor "near term" as an adjective without its hyphen: the future only after in/over/for ...
2009-08-21 | the near term | FUTURE_REF | In the near term, rates will stay low.
2009-08-21 | the near term | FUTURE_REF | Rates will stay low for the near term.
2009-08-21 | The near term | - | The near term outlook is poor.
2009-08-21 | the near term | - | Between the near term and the long term, rates will rise.
2009-08-21 | the near term | - | Join the near term plan.
"""

ROWS = [
    line.split(" | ") for line in CASES.strip().splitlines() if not line.startswith("#")
]


@pytest.mark.parametrize("date, span, value, text", ROWS)
def test_part17_rule(date_case, date, span, value, text):
    date_case(date, span, value, text)
