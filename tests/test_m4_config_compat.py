"""M4 (RV18-A #6, #7): two checks of K1's that stopped configs which used to work.

- A relative `corpus:` became the config folder's: a user who ran from the corpus's parent got
  "does not exist" (exit 2) and no word of the change. The current folder's is used when the
  config folder has none, with a warning; when neither has, the error names both.
- A multi-word or numeric entry in a user's single-word cue list became an error that stopped
  every command: it is now skipped with a warning, and the rest of the file is used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.config import parse_config
from tests.test_corpus_cli import run
from tests.test_k1_files import _cues, _extract, _fresh_cues  # noqa: F401 (the fixture, autouse here too)


def _config(home: Path, text: str) -> Path:
    (home / "config").mkdir(parents=True, exist_ok=True)
    path = home / "config" / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _pages(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("date 2025-03-10 Harbour reopens\n\nThe harbour in Dover reopened on "
                                  "Monday after storms, officials said.\n", encoding="utf-8")
    return folder


def test_the_current_folders_corpus_is_used_when_the_config_folder_has_none(
        capsys, isolated_home: Path, tmp_path: Path, monkeypatch) -> None:
    """`corpus: news` run from news's parent folder worked before it was read from the config's
    folder: it still does, and the warning says how to write it so it goes on working."""
    source = _config(isolated_home, "corpus: news\n")
    here = _pages(tmp_path / "work" / "news")
    monkeypatch.chdir(tmp_path / "work")
    config = parse_config("corpus: news\n", source)
    assert config.corpus == here
    (line,) = config.warnings
    assert f"{source}: corpus: 'news' is taken from the config file's folder" in line
    assert f"write the path absolute (corpus: {here}) or relative to {source.parent}" in line
    code, out, err = run(capsys, "articles")
    assert code == 0 and "Harbour reopens" in out, err
    assert err.count("is taken from the config file's folder") == 1, err


def test_the_config_folders_corpus_wins_when_both_have_one(tmp_path: Path, monkeypatch) -> None:
    """The config folder's is the meaning the README gives: the current folder's is only a way
    back for a config written before, never a second choice ahead of it."""
    source = tmp_path / "home" / "config" / "config.yaml"
    beside = _pages(tmp_path / "home" / "config" / "news")
    _pages(tmp_path / "work" / "news")
    monkeypatch.chdir(tmp_path / "work")
    config = parse_config("corpus: news\n", source)
    assert (config.corpus, config.warnings) == (beside, [])


def test_the_error_names_both_places_tried(capsys, isolated_home: Path, tmp_path: Path, monkeypatch) -> None:
    source = _config(isolated_home, "corpus: news\n")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    code, _, err = run(capsys, "articles")
    assert code == 2, err
    assert (f"corpus folder {source.parent / 'news'} does not exist, nor does {tmp_path / 'work' / 'news'}"
            in err), err
    assert "warning:" not in err, err  # (nothing was used instead)


def test_run_from_the_config_folder_names_it_once(capsys, isolated_home: Path, monkeypatch) -> None:
    """From the config's own folder both places are one: "nor does" the same folder would read as two."""
    source = _config(isolated_home, "corpus: news\n")
    monkeypatch.chdir(source.parent)
    code, _, err = run(capsys, "articles")
    assert code == 2 and f"corpus folder {source.parent / 'news'} does not exist;" in err, err
    assert "nor does" not in err, err


def test_a_users_unusable_head_is_skipped_and_the_rest_used(capsys, isolated_home: Path) -> None:
    """RV18-A #7's file: `heads: [Chief Whip, Envoy]` used to be harmless (the first matched
    nothing, Envoy worked) and became exit 2 on every `extract` and `index`."""
    _cues(isolated_home, "titles.yaml", "heads: [Chief Whip, Envoy, 42]\n")
    code, out, err = _extract(capsys, "Chief Whip Simon Hart and Envoy John Smith met.")
    assert code == 0, err
    people = [e["text"] for e in json.loads(out)["entities"] if e["kind"] == "person"]
    assert "John Smith" in people, people  # Envoy, the good entry, is a title
    assert "put Whip in `heads` and Chief in `modifiers`; the entry is skipped" in err, err
    assert "`heads` holds a number (42) where a word should be; the entry is skipped" in err, err


def test_every_command_says_the_skipped_entries(capsys, isolated_home: Path) -> None:
    """The lists are kept in the cache folder once built, so the run that builds them is the
    only one that reads the files: every command says the skipped entries, as it does the
    keymap's problems, or they would be said once and never again."""
    _cues(isolated_home, "orgs.yaml", "heads: [Fire Brigade]\n")
    code, _, err = run(capsys, "paths")
    assert code == 0
    assert "orgs.yaml: `heads` holds 'Fire Brigade': its entries are single words" in err, err


def test_a_cue_file_that_cannot_be_used_still_stops_what_uses_it(capsys, isolated_home: Path) -> None:
    """Only entries that were harmless before are skipped: an empty one was an error before
    the lists were checked, and stays one; and the warnings' read of the user's files does not
    stop a command that does not use them (`paths`), nor say the error twice."""
    _cues(isolated_home, "titles.yaml", "heads: [Envoy, '']\n")
    code, out, err = _extract(capsys, "Some text.")
    assert code == 2 and out == "" and "`heads` holds an empty entry where a word should be" in err, err
    code, _, err = run(capsys, "paths")
    assert code == 0 and "empty entry" not in err, err


def test_a_misnamed_cue_file_does_not_stop_the_warnings(capsys, isolated_home: Path) -> None:
    _cues(isolated_home, "title.yaml", "heads: [Envoy]\n")
    code, _, err = run(capsys, "paths")
    assert code == 0, err


def test_the_bundled_lists_stay_strict(tmp_path: Path) -> None:
    """A bundled file with such an entry is newsreader's own mistake: an error (the tests see
    it), not a warning every user's commands would repeat."""
    from newsreader.extract import resources

    path = tmp_path / "titles.yaml"
    path.write_text("heads: [Chief Whip]\n", encoding="utf-8")
    with pytest.raises(resources.CueFileError, match="put Whip in `heads`"):
        resources._parsed(path, "titles.yaml", resources._BUNDLED_FIX)
    said: list[str] = []
    assert resources._parsed(path, "titles.yaml", resources._USER_FIX, said) == {"heads": []}
    assert len(said) == 1
