"""`newsreader extract` on JSON lines Python's json module rejects with something other than a
JSONDecodeError (a ValueError for a number of more than 4,300 digits, a RecursionError for
100,000 "["), on dates `date.fromisoformat` reads although they are not YYYY-MM-DD, and on a
text the extractor raises on: each is one numbered line on stderr, the lines after it are
still read, and the exit code is 1 (R1 review, "CLI findings"). Before, the first two and the
last were a traceback and the lines after them lost."""

from __future__ import annotations

import io
import json
import sys

import pytest

from newsreader.cli import main

GOOD = '{"id": "good", "text": "They met in Paris on Monday."}'


def run_extract(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                lines: list[str]) -> tuple[int, list[dict], list[str]]:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(["extract", "--backend", "rules"])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err.splitlines()


@pytest.mark.parametrize("bad, said", [
    ('{"id": ' + "1" * 5000 + ', "text": "Bob"}', "not valid JSON (a number of more than 4,300 digits)"),
    ('{"id": -' + "9" * 5000 + ', "text": "Bob"}', "not valid JSON (a number of more than 4,300 digits)"),
    ("[" * 100_000 + "]" * 100_000, "not valid JSON (nested too deeply)"),
    ('{"id": 1, "text": "Bob", "date": ' + "[" * 100_000 + "]" * 100_000 + "}", "not valid JSON (nested too deeply)"),
], ids=["5000-digit id", "negative 5000-digit id", "100000 brackets", "100000 brackets in a field"])
def test_json_python_cannot_read_is_one_skipped_line(capsys, monkeypatch, bad: str, said: str) -> None:
    code, out, err = run_extract(capsys, monkeypatch, [GOOD, bad, GOOD.replace("good", "after")])
    assert code == 1
    assert err == [f"newsreader: extract: line 2: {said}; skipped"]
    assert [item["id"] for item in out] == ["good", None, "after"]
    assert out[1]["error"] == said  # its own output line (tests/test_cli_scripting.py)
    assert out[2]["entities"] and out[2]["dates"]  # the line after it is extracted in full


@pytest.mark.parametrize("date", ["2024-W01-1", "20240101", "2024-001", "2024-1-01", "２０２４-01-01",
                                  "2024-01-01T00", " 2024-01-01", "2024-13-45"])
def test_only_yyyy_mm_dd_dates_are_accepted(capsys, monkeypatch, date: str) -> None:
    """Python 3.11's `date.fromisoformat` reads `2024-W01-1` (a week date) and `20240101`;
    the message says YYYY-MM-DD (or an ISO date and time), so these are refused with it: the
    line is extracted without a date (Q3; it was skipped), and the exit code is 1."""
    line = json.dumps({"id": 1, "text": "Bob", "date": date}, ensure_ascii=False)
    code, out, err = run_extract(capsys, monkeypatch, [line, GOOD])
    assert code == 1
    assert err == [f"newsreader: extract: line 1: date {date!r} is not YYYY-MM-DD or an ISO date and time; "
                   "extracted without it"]
    assert [item["id"] for item in out] == [1, "good"]


def test_a_yyyy_mm_dd_date_is_still_used(capsys, monkeypatch) -> None:
    line = json.dumps({"id": 1, "text": "They met yesterday.", "date": "2024-03-02"})
    code, out, err = run_extract(capsys, monkeypatch, [line])
    assert (code, err) == (0, [])
    assert [d["value"] for d in out[0]["dates"]] == ["2024-03-01"]


def test_a_text_the_extractor_raises_on_is_one_skipped_line(capsys, monkeypatch) -> None:
    """An extractor exception (a RecursionError on a pathological text, as R1 found) costs that
    line only, said by number like any bad line; Ctrl-C is not caught."""
    import newsreader.extract as extract_module

    real = extract_module.extract

    def extract(text, *args, **kwargs):
        if "boom" in text:
            raise RecursionError("maximum recursion depth exceeded\nmore detail")
        if "stop" in text:
            raise KeyboardInterrupt
        return real(text, *args, **kwargs)

    monkeypatch.setattr(extract_module, "extract", extract)
    bad = '{"id": "bad", "text": "Lt. boom"}'
    code, out, err = run_extract(capsys, monkeypatch, [GOOD, bad, GOOD.replace("good", "after")])
    assert code == 1
    assert err == ["newsreader: extract: line 2: the extractor failed on its text "
                   "(RecursionError: maximum recursion depth exceeded); skipped"]
    assert [item["id"] for item in out] == ["good", "bad", "after"] and "error" in out[1]
    code, out, err = run_extract(capsys, monkeypatch, [GOOD, '{"text": "stop"}', GOOD])
    assert code == 130 and [item["id"] for item in out] == ["good"]
