"""Date shapes of news in general that no rule knew (round 28, D15), with the near misses each rule
must leave alone, written as general news sentences. Each row: article date | span | its value,
or '-' for no date there | text. Values follow the TIMEX3 conventions: a season is its year's
(a winter is the year of its December), a century its first two digits."""

from __future__ import annotations

import pytest

CASES = """
# a season of the year "this", "last" or "next" points to, after a preposition or opening the sentence
2008-10-13 | the spring of last year | 2007-SP | The company was founded in the spring of last year.
2008-10-13 | the summer of this year | 2008-SU | Output fell sharply during the summer of this year.
2008-10-13 | the autumn of next year | 2009-FA | The airline plans to list its shares in the autumn of next year.
2011-03-02 | the winter of last year | 2010-WI | Gas demand peaked in the winter of last year.
2008-10-13 | the early spring of next year | 2009-SP | The plant should reopen by the early spring of next year.
2008-10-13 | The summer of last year | 2007-SU | The summer of last year was the hottest on record.
2008-10-13 | the fall of last year | 2007-FA | Prices began to climb in the fall of last year.
# ... not a fall that is a drop, nor a season of a possessive year: the year alone is the date
2008-10-13 | last year | 2007 | The fall of last year was the steepest in a decade.
2008-10-13 | last year | 2007 | Investors still remember the steep fall of last year.
2008-10-13 | this year | 2008 | Few predicted the fall of this year's favourite.
2008-10-13 | last year | 2007 | Traders blamed the spring of last year's rally on cheap credit.
# a winter over two years is the winter that opens in the first one's December
2009-05-04 | the winter of 2008-09 | 2008-WI | Heating bills soared in the winter of 2008-09.
2009-05-04 | winter 2008/2009 | 2008-WI | Gas storage fell to a record low in winter 2008/2009.
2000-05-04 | the winter of 1999-2000 | 1999-WI | Snow closed the pass in the winter of 1999-2000.
# ... not two years apart, and no other season takes a second year
2009-05-04 | winter 2008-11 | - | The gallery closes its winter 2008-11 show on Friday.
2009-05-04 | summer | - | The summer 2008-09 range sold out.
# "the 1800s", "the early 1900s": a century (TIMEX3 "18", "19"), not its first decade
2008-10-13 | the 1800s | 18 | The family has farmed the valley since the 1800s.
2008-10-13 | the early 1900s | 19 | The mill was built in the early 1900s.
2008-10-13 | the late 1800s | 18 | Gold was found in the hills in the late 1800s.
# ... a decade still: "the 1990s", "the 2000s" (the first decade of this century, as news writes it)
2008-10-13 | the 1990s | 199 | Output grew throughout the 1990s.
2012-10-13 | the 2000s | 200 | Home prices doubled in the 2000s.
2008-10-13 | the 1910s | 191 | The tramway was built in the 1910s.
# "mid-next year", "mid last week": the unit "this", "last" or "next" points to (TIMEX3 puts the
# middle in a mod, as "mid-2011" is 2011), as "early next year" is
2008-10-13 | mid-next year | 2009 | The carmaker expects the plant to open mid-next year.
2008-10-13 | mid last year | 2007 | Home sales began to slide in mid last year.
2008-10-13 | mid-next week | 2008-W43 | The central bank will decide on rates mid-next week.
# ... not a mid-year review, nor a midfielder
2008-10-13 | mid-year | - | The mid-year review found no errors.
2008-10-13 | last year | 2007 | The midfielder joined the club last year.
# "the weekend before last": two weekends back, as "the week before last" is two weeks back
2008-10-13 | the weekend before last | 2008-W40-WE | The storm hit the coast the weekend before last.
2008-10-13 | the week before last | 2008-W40 | Shares fell the week before last.
2008-10-13 | the weekend | 2008-W41-WE | Shares fell over the weekend, dealers said.
# "in the new year": the year to come from July on, the year begun before that or after "since"
2008-11-20 | the new year | 2009 | The carmaker will cut more jobs in the new year.
2008-12-22 | the new year | 2009 | Trading is expected to stay thin until the new year.
2009-01-05 | the new year | 2009 | Hiring should pick up early in the new year, the survey found.
2008-10-13 | the new year | 2008 | Prices have risen 9 percent since the new year.
# ... not the holiday's own words, nor a new year that is the sentence's subject or object
2008-12-30 | the new year holiday | - | Markets will reopen after the new year holiday.
2008-12-30 | the new year | - | Crowds gathered downtown to celebrate the new year.
2009-01-02 | The new year | - | The new year began with a rally on Wall Street.
2008-12-30 | new year | - | The mayor made a new year's resolution to cut traffic.
2008-10-13 | The new | - | The new model goes on sale next month.
# "the weekend before last" leaves a date word after "last" to it: "last Christmas" is the holiday's,
# "last year's election" the year's (round 30, RV30-D #1)
2009-03-10 | last Christmas | 2008-12-25 | The shop shut for good the weekend before last Christmas.
2009-03-10 | last year | 2008 | Polls shifted on the weekend before last year's election.
2009-03-10 | last May | 2008-05 | Turnout rose the month before last May's vote.
2009-03-10 | last Easter | 2008-03-23 | The roof fell in the week before last Easter.
2009-03-10 | last season | PAST_REF | The coach was hired the week before last season's final.
# ... and a possessive of its own, or no word after it, is still two back
# ... "the weekend" before "before"/"after" and a day is that day's weekend, not the article's; none
# before a date that is no day (RV30-M #6)
2009-01-15 | the weekend | 2008-W51-WE | The shop was robbed the weekend before last Christmas.
2009-01-15 | the weekend | 2008-W51-WE | The shop was robbed the weekend before Christmas.
2009-01-15 | the weekend | 2009-W16-WE | The festival moves to the weekend after Easter.
2009-01-15 | the weekend | 2009-W01-WE | Sales rose the weekend before Sunday, January 11.
2009-01-15 | the weekend | 2009-W02-WE | Shares fell over the weekend, dealers said.
2009-03-10 | The weekend before last | 2009-W09-WE | The weekend before last's storm cut power to 9,000 homes.
2009-03-10 | the week before last | 2009-W09 | Shares fell the week before last and again on Monday.
# "the new year" looks ahead whatever the month, and is the year begun in a past report or in
# January and February (RV30-D #2)
2008-05-15 | the new year | 2009 | The company will cut jobs in the new year.
2008-03-10 | the new year | 2009 | Talks will not resume until the new year.
2008-05-15 | the new year | 2009 | The new law takes effect in the new year.
2008-11-20 | the new year | 2008 | Sales slowed sharply in the new year, the company said.
2009-02-10 | the new year | 2009 | The bank plans to cut rates early in the new year.
# ... not the holiday: its words after a possessive too, nor ringing it in, nor its eve (RV30-D #3)
2008-12-30 | the new year | - | Stocks fell before the new year's holiday.
2008-12-30 | the new year | - | The leader spoke of unity in the new year's address.
2008-12-30 | the new year | - | Thousands gathered to ring in the new year.
2008-12-30 | the new year | - | Fireworks lit the sky on the eve of the new year.
2008-12-30 | the new year | - | Crowds cheered the arrival of the new year.
2008-12-30 | the new year | 2009 | We will see in the new year whether the plan works.
# ... a quarter of the new year is of that year; a year written after it is the date; a school
# year is none (RV30-D #9)
2008-11-20 | the first quarter of the new year | 2009-Q1 | Sales will rise in the first quarter of the new year.
2008-11-20 | 2009 | 2009 | The plant will reopen in the new year 2009.
2008-11-20 | the new year | - | The plant will reopen in the new year 2009.
2008-11-20 | the new year | - | Pupils in the new year 7 class start on Monday.
# ... a count after it leaves it a date (RV30-M #2)
2008-11-20 | the new year | 2009 | In the new year 300 workers will lose their jobs.
2008-11-20 | the new year | 2009 | By the new year 5 percent of homes will have fibre.
2008-11-20 | the new year | 2008 | Early in the new year 10 people died in the floods.
2008-11-20 | the new year | - | The plant will reopen in the new year of 2009.
# "fall" as a season after a preposition of time only: a drop after from, after, over, since (RV30-D #4)
2009-03-10 | last year | 2008 | Shares rebounded from the fall of last year.
2009-03-10 | last year | 2008 | Prices have recovered since the fall of last year.
2009-03-10 | 2008 | 2008 | Prices recovered after the fall of 2008.
2009-03-10 | the fall of 2008 | 2008-FA | The plant closed in the fall of 2008.
2009-03-10 | the autumn of last year | 2008-FA | Prices have risen since the autumn of last year.
# ... a fall joined to another season after it is a season in a range after "from" (RV30-M #5)
2009-05-10 | the fall of 2007 | 2007-FA | From the fall of 2007 to the spring of 2008, he lived in Paris.
2009-05-10 | the fall of last year | 2008-FA | From the fall of last year to the summer, he lived in Paris.
2009-05-10 | 2008 | 2008 | Prices recovered after the fall of 2008 and rose through the year.
# a winter of two years not one apart keeps its range of years; a one-digit second year (RV30-D #5)
2009-05-04 | 2008-2010 | 2008 | Snowfall was light during the winter of 2008-2010.
2009-05-04 | the winter of 2008-9 | 2008-WI | Heating bills soared in the winter of 2008-9.
# "the 1900s" beside a decade is the decade; a product's number after its name no date (RV30-D #6)
2008-10-13 | the 1900s | 190 | The line was electrified in the 1900s and 1910s.
2008-10-13 | the 1900s | 190 | Immigration peaked from the 1890s to the 1900s.
2008-10-13 | the 1800s | 18 | The town grew in the 1800s and 1900s.
2008-10-13 | 1800s | - | The Zorex 1800s model sold well.
2008-10-13 | 1800s | - | Sales of Nokia 1800s phones rose.
# ... a name before a decade with no product's noun after it leaves the decade a date
2008-10-13 | 1950s | 195 | The film evoked Hollywood 1950s glamour.
2008-10-13 | 1800s | 18 | Life in Victorian 1800s London was hard.
# ... nor a nationality, an English word or a word opening the sentence before a decade sold as a
# model: an era (RV30-M #1)
2009-05-10 | 1970s | 197 | Collectors prize Soviet 1970s engines for their simplicity.
2009-05-10 | 1930s | 193 | Buyers still seek German 1930s models.
2009-05-10 | 1950s | 195 | The museum shows British 1950s phones.
2009-05-10 | 1960s | 196 | Vintage 1960s models fetch high prices at auction.
2009-05-10 | 1960s | 196 | The show revives a classic Marvel 1960s series.
2009-05-10 | 1900s | 19 | The firm still makes Edwardian 1900s models of its clocks.
# a weekday joined to a weekday of a week named after it is a day of that week (RV30-D, older)
2008-10-30 | Monday | 2008-10-20 | Talks ran from Monday to Wednesday last week.
2008-10-30 | Tuesday | 2008-10-21 | The minister spoke on Tuesday and Wednesday last week.
2008-10-30 | Monday | 2008-10-20 | Markets were shut on Monday, Tuesday and Friday last week.
2008-10-30 | Tuesday | 2008-11-04 | The board meets on Tuesday or Wednesday next week.
2008-10-30 | Friday | 2008-10-17 | The show ran from Friday to Monday last week.
# ... a list is written in time order too: its days run up to the named one (RV30-M #7)
2008-10-30 | Sunday | 2008-10-19 | Storms hit on Sunday and Monday last week.
2008-10-30 | Sunday | 2008-10-19 | Storms hit Saturday, Sunday and Monday last week.
2008-10-30 | Saturday | 2008-10-18 | Storms hit Saturday, Sunday and Monday last week.
# ... not a weekday of a clause of its own, nor one named without the other's week
2008-10-30 | Monday | 2008-10-27 | Shares fell on Monday and rose Wednesday last week.
2008-10-30 | Monday | 2008-10-27 | Shares fell on Monday and Wednesday, dealers said.
# a version number's words reach to a semicolon or a full stop after a number, no further (RV30-M #11b)
2009-05-04 | 2012.08.08 | 2012-08-08 | Get version 2021.12.17 now; published 2012.08.08 at noon.
2009-05-04 | 2021.12.17 | 2021-12-17 | The firmware is at version 5. 2021.12.17 was the release date.
2009-05-04 | 2021.12.17 | - | Install ver. 2021.12.17 today.
# a winter of two years written with both in full, not a month as ISO writes it (RV30-M #11c)
2009-05-04 | 2008-12 | - | The winter of 2008-12 was harsh.
# bare seasons stay as they were: a preposition before them, no spring that is a coil, no verb
2008-10-13 | The spring | - | The spring in the valve snapped.
2008-10-13 | Fall | - | Fall in line, the sergeant said.
2008-10-13 | summer | - | The resort hired 200 summer workers.
"""

ROWS = [line.split(" | ") for line in CASES.strip().splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("date, span, value, text", ROWS)
def test_part19_rule(date_case, date, span, value, text):
    date_case(date, span, value, text)
