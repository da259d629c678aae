"""K1 (Q7 #2, #8, #10): a cue list's single-word entries, the config's relative corpus, and the
line a YAML error names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newsreader import yamlload
from newsreader.config import parse_config
from tests.test_corpus_cli import run


def _cues(home: Path, name: str, text: str) -> None:
    folder = home / "config" / "cues"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _extract(capsys, text: str) -> tuple[int, str, str]:
    import io
    import sys

    stdin = sys.stdin
    sys.stdin = io.StringIO(json.dumps({"id": "1", "text": text}) + "\n")
    try:
        return run(capsys, "extract")
    finally:
        sys.stdin = stdin


@pytest.fixture(autouse=True)
def _fresh_cues():
    """Cue lists are read once per process: each test reads the files it wrote."""
    from newsreader.extract import resources

    for fn in vars(resources).values():
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()
    yield
    for fn in vars(resources).values():
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


def test_a_two_word_title_head_says_how_to_write_it(capsys, isolated_home: Path) -> None:
    """Q7 #2: `heads: [Chief Whip]` was taken and matched nothing ("Whip Mark Harper" stayed a
    person), and nothing said so: heads are looked up a word at a time. A warning, the entry
    skipped (M4, RV18-A #7: an error stopped every command of a user whose file had one)."""
    _cues(isolated_home, "titles.yaml", "heads: [Chief Whip]\n")
    code, out, err = _extract(capsys, "Chief Whip Mark Harper spoke.")
    assert code == 0 and out
    assert "`heads` holds 'Chief Whip': a title's head is one word" in err, err
    assert "put Whip in `heads` and Chief in `modifiers`" in err, err


def test_the_way_it_says_works(capsys, isolated_home: Path) -> None:
    _cues(isolated_home, "titles.yaml", "heads: [Whip]\nmodifiers: [Chief]\n")
    code, out, _ = _extract(capsys, "Chief Whip Mark Harper spoke.")
    assert code == 0
    assert [e["text"] for e in json.loads(out)["entities"]] == ["Mark Harper"]


@pytest.mark.parametrize(("name", "text", "said"), [
    ("titles.yaml", "heads: [42]\n", "`heads` holds a number (42) where a word should be"),
    ("titles.yaml", "modifiers: [Deputy Chief]\n", "`modifiers` holds 'Deputy Chief': its entries are single words"),
    ("orgs.yaml", "heads: [Fire Brigade]\n", "`heads` holds 'Fire Brigade': its entries are single words"),
    ("places.yaml", "heads: [Sea Port]\n", "`heads` holds 'Sea Port': its entries are single words"),
])
def test_entries_that_are_no_single_word_are_said(capsys, isolated_home: Path, name: str, text: str,
                                                  said: str) -> None:
    """A number in titles' heads was taken as the word "42" (only an empty entry was said). Said
    and skipped, the command going on (M4, RV18-A #7)."""
    _cues(isolated_home, name, text)
    code, _, err = _extract(capsys, "Some text.")
    assert code == 0 and f"{said}" in err and name in err and "the entry is skipped" in err, err


def test_phrases_stay_allowed_where_they_are_names(capsys, isolated_home: Path) -> None:
    _cues(isolated_home, "places.yaml", "venues: [Little Snoring]\n")
    code, _, err = _extract(capsys, "Some text.")
    assert code == 0, err


def test_a_relative_corpus_is_the_config_folders(tmp_path: Path, monkeypatch) -> None:
    """Q7 #8: `corpus: corpus` named another folder from each folder a command ran in."""
    source = tmp_path / "home" / "config" / "config.yaml"
    monkeypatch.chdir(tmp_path)
    assert parse_config("corpus: ../news\n", source).corpus == tmp_path / "home" / "news"
    assert parse_config("corpus: /srv/news\n", source).corpus == Path("/srv/news")


def test_paths_shows_a_relative_corpus_absolute(capsys, isolated_home: Path, tmp_path: Path, monkeypatch) -> None:
    (isolated_home / "news").mkdir(parents=True)
    (isolated_home / "config").mkdir()
    (isolated_home / "config" / "config.yaml").write_text("corpus: ../news\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "paths")
    assert code == 0 and f"corpus:            {isolated_home / 'news'}  (config)\n" in out, out


@pytest.mark.parametrize(("text", "line"), [("corpus: [unclosed", 1), ("corpus: [unclosed\n", 1),
                                            ("a: 1\nb: {x\n\n\n", 2), ("a: 1\nb: [x\nc: 3\n", 3),
                                            ("a: 1\n  b: 2\n", 2), ("a: 1\r\nb: [x\r\n", 2)])
@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
def test_a_yaml_error_names_the_line_it_is_on(text: str, line: int, loader: str) -> None:
    """Q7 #10: a one-line file that ends too soon was "not valid YAML at line 2" (the mark is past
    the last line); libyaml's mark is there even without a closing line break."""
    if not hasattr(yaml, loader):
        pytest.skip("PyYAML without libyaml")
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.load(text, Loader=getattr(yaml, loader))
    assert yamlload.error_line(caught.value, text) == line


def test_the_config_and_theme_errors_name_that_line(tmp_path: Path) -> None:
    from newsreader.errors import UserError
    from newsreader.tui.themes import ThemeError, parse_theme

    with pytest.raises(UserError, match="not valid YAML at line 1:"):
        parse_config("corpus: [unclosed\n", tmp_path / "config.yaml")
    with pytest.raises(ThemeError, match="not valid YAML at line 1$"):
        parse_theme("name: [\n", "mine.yaml")
