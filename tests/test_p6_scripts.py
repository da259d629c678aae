"""Pages in scripts written without spaces or capitals (Q8 #2): length was counted in space-separated words, so a
Chinese or Japanese paragraph was one word, every line a "short line after the story", and the page had no story;
a headline had to start with a capital, so an Arabic, Chinese or Hebrew one was never a title."""

from __future__ import annotations

import pytest

from newsreader.corpus.parser import _words, parse_page


def one(text: str):
    (article,) = parse_page(text, "p.txt").articles
    return article


def test_a_chinese_page_is_a_story_with_its_title_and_date() -> None:
    article = one("长江流域今年首次出现大范围降雨\n\n2025年5月12日 09:15 来源：人民日报\n\n"
                  "记者从水利部获悉，长江中下游地区本周出现今年首次大范围强降雨，多地启动防汛应急响应。\n\n"
                  "专家表示，今年汛期可能提前，各地应做好防范准备。\n")
    assert (article.title, str(article.date)) == ("长江流域今年首次出现大范围降雨", "2025-05-12")
    assert len(article.body) == 2


def test_a_japanese_page_is_a_story() -> None:
    article = one("東京で桜が満開に 平年より5日早く\n\n2025年3月28日 14時30分\n\n"
                  "気象庁は28日、東京の桜が満開になったと発表しました。平年より5日早いということです。\n")
    assert (article.title, str(article.date)) == ("東京で桜が満開に 平年より5日早く", "2025-03-28")


@pytest.mark.parametrize("headline", ["وزارة الصحة تعلن افتتاح مستشفى جديد في عمان", "בית המשפט דחה את העתירה נגד הרפורמה"])
def test_a_headline_in_a_script_without_capitals_is_the_title(headline: str) -> None:
    article = one(f"{headline}\n\n12 March 2025\n\nThe story's text follows here, in a sentence that is long enough.\n")
    assert article.title == headline and article.body[0].startswith("The story")


def test_an_arabic_month_is_read() -> None:
    article = one("وزارة الصحة تعلن افتتاح مستشفى جديد\n\n14 أيار 2024\n\nنص الخبر هنا وهو جملة طويلة بما يكفي لتكون فقرة.\n")
    assert str(article.date) == "2024-05-14"


def test_words_of_a_spaced_script_are_counted_by_spaces() -> None:
    """Only letters of a script without spaces count by characters: a line of long accented words stays as it was."""
    assert _words("Überraschungsergebnis für Bundesverfassungsgerichtsentscheidungen") == 3
    assert _words("嫦娥六号返回器携带月球背面样品安全着陆") == 1 + 19 // 2
