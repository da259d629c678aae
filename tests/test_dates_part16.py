"""Date rules found by blind challenge part 16 (market reports, results, sports and politics news the
MEANTIME tune split lacks; gold written before the extractor was run on it) and by ECB+'s misses. Each case is a general
shape of news copy, with the near misses the rule must leave alone: (article date, span, its value or
'-' for no date there, text)."""

from __future__ import annotations

import pytest

CASES = [
    # the weekday of that rank in the month is one day (TIMEX3 values the day), not a weekday and a month
    ("2011-06-27", "the first Monday in October", "2011-10-03", "The court's term begins on the first Monday in October."),
    ("2010-03-02", "the last Friday of the month", "2010-03-26", "Options expire on the last Friday of the month."),
    ("2008-01-10", "the third Friday in March 2009", "2009-03-20", "The vote is set for the third Friday in March 2009."),
    ("2012-05-01", "the second Tuesday of next month", "2012-06-12", "The board meets on the second Tuesday of next month."),
    ("2011-12-20", "the last Friday in October", "2011-10-28", "Sales fell on the last Friday in October."),
    # ... the month abbreviated with its dot ("Oct.", "Sept.,"): it was January (RV26-A #4)
    ("2013-05-01", "the first Monday in Oct. 2013", "2013-10-07", "The term begins on the first Monday in Oct. 2013."),
    ("2013-05-01", "the last Friday in Sept., 2013", "2013-09-27", "Options expire on the last Friday in Sept., 2013."),
    ("2013-05-01", "the last day of Sept. 2012", "2012-09-30", "The fund closed on the last day of Sept. 2012."),
    # ... not a weekday ranked against anything but a month
    # (the span as the text writes it: a capital "The" made this case unable to fail, RV26-A #7)
    ("2010-02-02", "after the election", "-", "Shops were quiet on the first Monday after the election."),
    # "this/last/next August 2nd": the day (ECB+'s extent), in the year the word before it names
    ("2013-05-01", "August 2nd", "2013-08-02", "He was killed outside his home this August 2nd as he left."),
    ("2013-05-01", "August 2nd", "2012-08-02", "The plant reopened last August 2nd."),
    ("2013-05-01", "March 3", "2014-03-03", "The vote is set for next March 3, officials said."),
    # ... not a count after the month, nor a month with no day
    ("2013-05-01", "early March", "2013-03", "Prices rose in early March 2 percent."),
    ("2013-05-01", "last March", "2013-03", "Sales fell 5% last March 2.5 million cars."),
    ("2013-05-01", "this August", "2013-08", "It ended this August."),
    # ... nor a count written "25 per cent" or "2,000", nor a day after early/late/mid, which no day follows (RV26-A #6)
    ("2013-05-01", "last March", "2013-03", "Sales fell last March 25 per cent."),
    ("2013-05-01", "last March", "2013-03", "The firm cut last March 2,000 jobs."),
    ("2013-05-01", "early March", "2013-03", "Prices rose in early March 2 per cent."),
    ("2013-05-01", "mid-March", "2013-03", "He left in mid-March 3 weeks ago."),
    # a decade modifying a noun: the article is the noun's ("the 1950s pin-up model"), as ECB+ marks it
    ("2013-05-01", "1950s", "195", "Bettie Page, the 1950s pin-up model, died."),
    ("2013-05-01", "late 1990s", "199", "It was the late 1990s dot-com bubble."),
    # ... not before a verb, a pause or a word of grammar
    ("2013-05-01", "The 1980s", "198", "The 1980s saw a boom."),
    ("2013-05-01", "the 1990s", "199", "In the 1990s, GM was the largest automaker."),
    ("2013-05-01", "the 1990s", "199", "In the 1990s the company grew."),
    ("2013-05-01", "The 1970s", "197", "The 1970s ended badly."),
    ("2013-05-01", "the 1990s", "199", "Since the 1990s sales have doubled."),
    # a quarter or half named by its rank alone in a game's report is a period of the game
    ("2010-06-18", "the third quarter", "-", "Los Angeles trailed by 13 points in the third quarter."),
    ("2010-06-18", "the second half", "-", "Messi scored twice in the second half and Spain won."),
    ("2010-06-18", "the fourth quarter", "-", "Bryant hit a three-pointer in the fourth quarter, and another in the second half."),
    # ... not with a word of business in the sentence, nor with no word of a game, nor with a year named
    ("2010-06-18", "the third quarter", "2010-Q3", "The club's revenue from playoff tickets rose in the third quarter."),
    ("2010-06-18", "the third quarter", "2010-Q3", "The plant will reopen in the third quarter."),
    # ... nor with a word of sport that is everyday business copy too: scores, rebounds, overtime (RV26-A #5)
    ("2013-05-01", "the third quarter", "2013-Q3", "Scores of jobs will go in the third quarter."),
    ("2013-05-01", "the fourth quarter", "2013-Q4", "The plant will add overtime shifts in the fourth quarter."),
    ("2013-05-01", "the third quarter", "2012-Q3", "Hiring rebounds in the third quarter, the survey found."),
    ("2010-06-18", "the third quarter of 2009", "2009-Q3", "The league said scoring fell in the third quarter of 2009."),
    ("2010-06-18", "the second half of the year", "2010-H2", "The striker will join the club in the second half of the year."),
]


@pytest.mark.parametrize("date, span, value, text", CASES)
def test_part16_rule(date_case, date, span, value, text):
    date_case(date, span, value, text)
