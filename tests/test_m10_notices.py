"""M10 (RV21-C #3, #5): the reader's notice for several broken theme files said every mistake of
each file with its hint (1,124 characters for three files: at 80x24 the 40-column toast ran off
the top, its first lines lost); and the keymap/theme summary kept a file's every mistake (355
characters for ten). Each file now says its first two mistakes and how many more."""

from __future__ import annotations

from pathlib import Path

from newsreader.tui.app import cues_summary, problems_summary
from newsreader.tui.themes import SKIPPED, LoadedThemes, brief_problem

SIX = ("dark must be true or false; unknown colours 'foo', 'bar' (known: primary, secondary, accent); "
       "unknown highlight 'wat' (known: person, org); colors.primary: 'zzz' is not a colour (use #rrggbb, a "
       "colour name or ansi_red ... ansi_bright_white); colors.surface: 'qq' is not a colour (use #rrggbb); "
       "highlights.date: 'nope' is not a colour (use #rrggbb)")


def _problems(folder: Path) -> list[str]:
    return [f"theme: 'bad1' is not available: its file bad1.yaml is broken: {SIX}. The reader uses newsreader-dark",
            *(f"{SKIPPED}{folder}/bad{n}.yaml: {SIX}" for n in (1, 2, 3))]


def test_a_notice_of_several_broken_theme_files_says_two_mistakes_of_each(tmp_path: Path) -> None:
    (notice,) = LoadedThemes().notices(tmp_path, _problems(tmp_path))
    lines = notice.split("\n")
    assert lines[1] == f"3 theme files skipped ({tmp_path}/):"
    assert lines[2] == "bad1.yaml: dark must be true or false; unknown colours 'foo', 'bar' (+4 more)"
    assert lines[0].endswith("broken: dark must be true or false; unknown colours 'foo', 'bar' (+4 more)")
    assert max(map(len, lines)) <= 130 and len(notice) < 500


def test_the_keymap_and_theme_summary_says_two_mistakes_of_each(tmp_path: Path) -> None:
    summary = problems_summary([*_problems(tmp_path), "keymap: 'x' is not an action"], tmp_path)
    assert "- bad1.yaml: dark must be true or false; unknown colours 'foo', 'bar' (+4 more)" in summary.split("\n")
    assert max(map(len, summary.split("\n"))) <= 130


def test_a_line_of_two_mistakes_or_fewer_is_kept_whole(tmp_path: Path) -> None:
    line = f"{SKIPPED}{tmp_path}/a.yaml: dark must be true or false; unknown colour 'x' (known: primary)"
    assert brief_problem(line, f"{tmp_path}/") == "a.yaml: dark must be true or false; unknown colour 'x'"


def test_the_cue_summary_is_said_as_before(tmp_path: Path) -> None:
    """(#5: it now shares `problems_summary`'s frame; the words are K3's.)"""
    lines = [f"the extractor's cue file {tmp_path}/titles.yaml: `heads` holds 'Chief Whip{n}': why; the entry is "
             "skipped" for n in range(5)]
    assert cues_summary(lines, tmp_path) == (
        "5 entries of your cue files skipped (`newsreader paths` says them in full):\n"
        "- titles.yaml: `heads` holds 'Chief Whip0'\n- titles.yaml: `heads` holds 'Chief Whip1'\n"
        "- titles.yaml: `heads` holds 'Chief Whip2'\n- and 2 more")
