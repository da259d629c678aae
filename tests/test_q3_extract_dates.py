"""`newsreader extract` takes the dates scrapers write, and a stream saved with a BOM (Q2, item 5).

An ISO date and time (`2024-06-10T12:00:00Z`, `...+02:00`, `2024-06-10 12:00`) skipped the
whole line ("not YYYY-MM-DD"), and so did every line of a feed; a UTF-8 byte-order mark
(PowerShell's Out-File, Notepad) made the first line "not valid JSON". A date that is still
not one is said on its line, which is extracted without it (exit 1).
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from newsreader.cli import main

TEXT = "They met yesterday in Paris."


def run_extract(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                data: bytes) -> tuple[int, list[dict], list[str]]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(["extract", "--backend", "rules"])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err.splitlines()


def line(date: object, id_: object = "a") -> bytes:
    return (json.dumps({"id": id_, "text": TEXT, "date": date}) + "\n").encode("utf-8")


@pytest.mark.parametrize("date, day", [
    ("2024-06-10T12:00:00Z", "2024-06-09"),
    ("2024-06-10T12:00:00+02:00", "2024-06-09"),
    ("2024-06-10T23:30:00-05:00", "2024-06-09"),  # the date as written, not the next day in UTC
    ("2024-06-11T00:30:00+14:00", "2024-06-10"),
    ("2024-06-10 12:00", "2024-06-09"),
    ("2024-06-10T12:00:00.250Z", "2024-06-09"),
    ("2024-06-10t08:15z", "2024-06-09"),
    ("2024-06-10T08:15:00+0200", "2024-06-09"),
])
def test_an_iso_date_and_time_gives_its_calendar_date(capsys, monkeypatch, date: str, day: str) -> None:
    code, out, err = run_extract(capsys, monkeypatch, line(date))
    assert (code, err) == (0, [])
    assert [d["value"] for d in out[0]["dates"]] == [day]


@pytest.mark.parametrize("date", ["2024-06-10T25:00", "2024-06-10T12:60", "2024-02-30T12:00Z", "2024-06-10T12",
                                  "2024-06-10T12:00+24:00", "June 10, 2024", 20240610, ["2024-06-10"]])
def test_a_date_that_is_not_one_leaves_the_line_undated(capsys, monkeypatch, date: object) -> None:
    code, out, err = run_extract(capsys, monkeypatch, line(date) + line("2024-06-10", "b"))
    assert code == 1
    assert err == [f"newsreader: extract: line 1: date {date!r} is not YYYY-MM-DD or an ISO date and time; "
                   "extracted without it"]
    assert [item["id"] for item in out] == ["a", "b"]
    assert out[0]["entities"] == out[1]["entities"] and out[0]["entities"]  # Paris, found all the same
    assert [d["value"] for d in out[0]["dates"]] == [None] and out[1]["dates"][0]["value"] == "2024-06-09"


def test_a_byte_order_mark_at_the_start_is_read_past(capsys, monkeypatch) -> None:
    code, out, err = run_extract(capsys, monkeypatch, b"\xef\xbb\xbf" + line("2024-06-10") + line(None, "b"))
    assert (code, err) == (0, []) and [item["id"] for item in out] == ["a", "b"]


def test_a_byte_order_mark_later_is_still_a_bad_line(capsys, monkeypatch) -> None:
    """Only the stream's start holds a mark; one before a later line is not JSON."""
    code, out, err = run_extract(capsys, monkeypatch, line(None) + b"\xef\xbb\xbf" + line(None, "b"))
    assert code == 1 and [item["id"] for item in out] == ["a", None] and "line 2: not valid JSON" in err[0]
