"""A holiday rule in a cue file is checked as the file is read (Q4 item 12): `days: {Founders
Day: 13-45}` or `hello` was accepted, and the holiday came out with no value in every article,
where the README promises one line naming the file for a mistake in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.extract.dates import holiday_rule_problem
from tests.test_user_cues import cue_folder, newsreader_run

LINE = json.dumps({"id": 1, "text": "They met on Founders Day.", "date": "2024-05-01"}) + "\n"


@pytest.mark.parametrize("rule", ["12-25", "02-29", "11 thursday 4", "05 monday -1", "11 thursday 4 +1", "easter",
                                  "easter-2", "easter+49", "2024-04-10 2025-03-30"])
def test_the_rule_shapes_of_the_bundled_file_are_rules(rule: str) -> None:
    assert holiday_rule_problem(rule) is None


@pytest.mark.parametrize("rule", ["13-45", "hello", "02-30", "11 thurzday 4", "eastern", "2024-13-01",
                                  "2024-04-10 2025-02-30", "11 thursday",
                                  "easter+99999999", "12 thursday 4 +99999999"])
def test_a_rule_of_no_day_is_a_problem(rule: str) -> None:
    assert rule in holiday_rule_problem(rule)


def test_a_users_bad_rule_stops_extract_with_one_line_naming_the_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    cue_folder(home).mkdir(parents=True)
    mine = cue_folder(home) / "holidays.yaml"
    mine.write_text("days:\n  Founders Day: 13-45\n", encoding="utf-8")
    proc = newsreader_run(home, "extract", stdin=LINE)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and str(mine) in proc.stderr and "`days: Founders Day`" in proc.stderr
    mine.write_text("days:\n  Founders Day: 03-14\n", encoding="utf-8")
    proc = newsreader_run(home, "extract", stdin=LINE)
    assert proc.returncode == 0, proc.stderr
    assert [d["value"] for d in json.loads(proc.stdout)["dates"]] == ["2024-03-14"]


def test_a_sighted_holiday_is_read_in_its_sentence_and_a_run_on_list_keeps_the_table_day() -> None:
    """A listed holiday said to fall a day off the table's is kept that day; a sentence of more dates than a
    report holds (a list, or text with no full stop: each holiday read every date of it, 308 s for 5,000
    words) leaves the table's day."""
    import datetime as dt

    from newsreader.extract.dates import find_dates

    written = dt.date(2024, 4, 12)
    said = {m.text: m.value for m in find_dates("Eid al-Fitr was celebrated on Tuesday in Pakistan.", written)}
    assert said["Eid al-Fitr"] == "2024-04-09"
    listed = "Eid al-Fitr was celebrated on Tuesday in Pakistan, " + ", ".join(f"on March {i}" for i in range(1, 32)) + "."
    found = find_dates(listed, written)
    assert len(found) == 33 and found[0].text == "Eid al-Fitr" and found[0].value == "2024-04-10"
