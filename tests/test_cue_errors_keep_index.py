"""A mistake in a user's cue file stops `index` before it touches the index (Q4 item 6):
`index --rebuild` threw the working index away and only then met the file (its workers load
the lists), and an update marked the index unfinished, which every `search` then tried and
failed to finish: no search until the file was fixed, hours of rebuild on a big corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_user_cues import cue_folder, newsreader_run


@pytest.mark.parametrize("argv", [("index", "--rebuild"), ("index",)])
def test_a_bad_cue_file_leaves_the_index_searchable(tmp_path: Path, argv: tuple[str, ...]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert newsreader_run(home, "index").returncode == 0
    before = newsreader_run(home, "search", "iran", "--json")
    assert before.returncode == 0
    cue_folder(home).mkdir(parents=True)
    (cue_folder(home) / "titles.yaml").write_text("headz: [Quartermaster]\n", encoding="utf-8")
    proc = newsreader_run(home, *argv)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "`headz`" in proc.stderr, proc.stderr
    after = newsreader_run(home, "search", "iran", "--json")
    assert after.returncode == 0 and after.stderr == "", after.stderr
    assert after.stdout == before.stdout
