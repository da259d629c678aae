"""Short stories not in English (E10 #4): a text of fewer than `MIN_PROSE_WORDS` running words was
never judged, so a German story of three sentences got a name for every capitalised noun. From
`MIN_SHORT_WORDS` running words it is judged by a stricter sign: no English function word at all,
and words of another language among `SHORT_OTHER_AT_LEAST` of its words (`SHORT_SIGNS` at least)."""

from __future__ import annotations

import pytest

from newsreader.extract import NOT_ENGLISH, extract
from newsreader.extract import language
from newsreader.extract.language import is_english, prose_words

#: Der Spiegel's story body as the parser gives it: 24 running words.
GERMAN_SHORT = ("Berlin – Die Gewerkschaft Deutscher Lokomotivführer (GDL) hat für Mittwoch, den 13. März 2024, einen "
                "weiteren Streik im Personenverkehr angekündigt.\n\nGDL-Chef Claus Weselsky warf dem Bahn-Vorstand vor, "
                "»auf Zeit zu spielen«. Personalvorstand Martin Seiler nannte den Streik »eine Zumutung«.\n\n"
                "Bundesverkehrsminister Volker Wissing (FDP) forderte beide Seiten auf, an den Verhandlungstisch in "
                "Frankfurt am Main zurückzukehren.")
FRENCH_SHORT = ("Deux personnes sont mortes dans la nuit de mercredi à jeudi à Carcassonne, emportées par les eaux. "
                "Météo-France a placé l'Aude en vigilance rouge jusqu'à vendredi.")
CHINESE = ("新华社北京3月1日电 国务院总理今天在人民大会堂会见了来访的外国代表团，双方就经贸合作、科技交流、人文往来等议题深入交换意见。"
           "会见后，双方共同出席了合作文件签字仪式。代表团团长表示，愿同中方一道，推动两国关系不断向前发展，"
           "造福两国人民。外交部发言人在例行记者会上介绍了有关情况，并回答了记者提问。当天下午，代表团还参观了"
           "科技企业和博物馆，了解当地发展情况。")


@pytest.mark.parametrize("text", [GERMAN_SHORT, FRENCH_SHORT, CHINESE], ids=["german", "french", "chinese"])
def test_a_short_story_in_another_language_is_not_english(text):
    running, english = prose_words(text)
    assert language.MIN_SHORT_WORDS <= running < language.MIN_PROSE_WORDS and english == 0
    assert not is_english(text)
    result = extract(text)
    assert result.entities == [] and result.names_withheld == NOT_ENGLISH


@pytest.mark.parametrize("text", [
    # No English function word, and no sign of another language either (ECB+'s shortest leads).
    "A Norwalk jury on Tuesday ordered execution for a gang member convicted of murdering a rival in 2003.",
    "An estimated 1,500 pirates are based in Somalia's semiautonomous Puntland region, officials at the port say.",
    # One sign of another language in 15 running words ("di" before a name in small letters).
    "Lawyers for di Maggio appealed on Monday, arguing a jury in Naples misread key evidence at trial last autumn.",
    # An English function word ("which"): English, whatever else it shows (5 signs in 19 words).
    "Los aficionados del club, which won, celebraron con sus familias por las calles del centro y en la plaza mayor.",
    # Eleven running words of German (4 signs): too few to judge.
    "Die Bahn streikt am Mittwoch erneut, sagte ein Sprecher der Gewerkschaft, und die Fahrgäste sind sehr sauer.",
], ids=["lead", "lead2", "one-sign", "english-word", "too-short"])
def test_a_short_text_is_english_without_the_stricter_sign(text):
    assert is_english(text)
