"""bench/audit_entities.py: bad input (a hand-edited sample, wrong options) is one line and exit 2."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import audit_entities  # noqa: E402

HEADER = "id\tsource\tstart\tend\tkind\tname\tcontext\tverdict\tnote\n"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = audit_entities.main(list(argv))
    return code, capsys.readouterr().err


@pytest.mark.parametrize("argv", [("--n", "-5"), ("--n", "10", "--org-share", "1.5"), ("--org-share", "-0.1")])
def test_a_sample_size_or_share_out_of_range_is_one_line(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]):
    code, err = _run(capsys, *argv)
    assert code == 2 and err.count("\n") == 1 and "--org-share" in err


def test_a_sample_that_is_no_utf8_text_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "judged.tsv"
    path.write_bytes(b"\xff\xfe\x00id\tkind\tverdict\n")
    code, err = _run(capsys, "--score", str(path))
    assert code == 2 and err.count("\n") == 1 and "UTF-8" in err


def test_a_judged_sample_is_scored_without_the_ecb_data(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch):
    # scoring reads only the judged file: a checkout without ../shared/data can still score it
    monkeypatch.setattr(audit_entities, "ECB_ROOT", tmp_path / "missing")
    path = tmp_path / "judged.tsv"
    path.write_text(HEADER + "1\tseed:a.txt\t0\t5\torg\tAcme\t[[Acme]]\tok\t\n"
                    "2\tseed:a.txt\t9\t12\torg\tFoo\t[[Foo]]\tname\t\n", encoding="utf-8")
    code = audit_entities.main(["--score", str(path)])
    out = capsys.readouterr().out
    assert code == 0 and "org     P 0.500  (1/2; wrong: name 1)" in out


@pytest.mark.skipif(not audit_entities.ECB_ROOT.is_dir(), reason="no ECB+ dev data")
@pytest.mark.parametrize(("source", "start"), [
    ("ecb:no_such_file.xml", "0"),  # a sample drawn in another checkout
    ("seed:" + next(audit_entities.SEEDS.glob("*.txt"), Path("none.txt")).name, "abc"),  # a hand-edited span
])
def test_a_row_of_no_known_text_or_span_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      source: str, start: str):
    path = tmp_path / "sample.tsv"
    path.write_text(HEADER + f"1\t{source}\t{start}\t3\torg\tFoo\t[[Foo]]\t\t\n", encoding="utf-8")
    code, err = _run(capsys, "--again", str(path))
    assert code == 2 and err.count("\n") == 1 and "row 1" in err
