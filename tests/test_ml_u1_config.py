"""ML (U1 #4): a key written twice in a YAML file a user writes (config.yaml, a theme, a cue file) was taken
silently, the last one winning: a pasted second `corpus:` line pointed a user's corpus at /tmp and `search`
started indexing it. YAML forbids it; now it is one line naming the file, the key and both lines."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import newsreader
from newsreader import yamlload
from newsreader.config import parse_config
from newsreader.errors import UserError
from newsreader.tui.themes import ThemeError, parse_theme
from tests.test_corpus_cli import run

PACKAGE = Path(newsreader.__file__).parent


def test_a_setting_written_twice_is_refused_naming_both_lines() -> None:
    with pytest.raises(UserError) as caught:
        parse_config("corpus: /tmp/news\ntheme: newsreader-light\ncorpus: /tmp\n", Path("/h/config.yaml"))
    assert str(caught.value) == ("/h/config.yaml: line 3: `corpus` is set twice (line 1 and line 3); "
                                 "keep one of them")


def test_a_key_twice_inside_the_keymap_is_refused_too() -> None:
    with pytest.raises(UserError, match=r"line 4: `quit` is set twice \(line 2 and line 4\)"):
        parse_config("keymap:\n  quit: q\n  bookmark: x\n  quit: ctrl+q\n", Path("c.yaml"))


def test_the_command_says_it_in_one_line_and_exits_2(capsys, isolated_home: Path, tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(f"corpus: {tmp_path / 'news'}\ncorpus: {tmp_path}\n", encoding="utf-8")
    code, out, err = run(capsys, "paths")
    assert code == 2 and out == ""
    assert err == f"newsreader: error: {config}: line 2: `corpus` is set twice (line 1 and line 2); keep one of them\n"


@pytest.mark.parametrize("text", [
    "corpus: /tmp/news\ntheme: newsreader-light\n",  # each key once
    "corpus: /tmp/news\nkeymap:\n  corpus: x\n",  # one key in two mappings
])
def test_near_misses_are_no_duplicates(text: str) -> None:
    assert yaml.load(text, Loader=yamlload.SafeLoader) == yaml.safe_load(text)  # noqa: S506


def test_a_merge_may_set_a_key_the_mapping_sets_again() -> None:
    """`<<: *base` then an own value is how YAML overrides a merged key: no duplicate."""
    text = "base: &b {a: 1, b: 2}\nmine:\n  <<: *b\n  a: 3\n"
    assert yaml.load(text, Loader=yamlload.SafeLoader)["mine"] == {"a": 3, "b": 2}  # noqa: S506
    if yamlload.CSafeLoader is not None:
        assert yaml.load(text, Loader=yamlload.CSafeLoader)["mine"] == {"a": 3, "b": 2}  # noqa: S506


def test_a_theme_with_a_colour_written_twice_is_refused() -> None:
    text = "name: mine\ndark: true\ncolors:\n  primary: '#ff0000'\n  accent: '#00ff00'\n  primary: '#0000ff'\n"
    with pytest.raises(ThemeError) as caught:
        parse_theme(text, "mine.yaml")
    assert str(caught.value) == "mine.yaml: line 6: `primary` is set twice (line 4 and line 6); keep one of them"


def test_a_cue_file_with_a_list_written_twice_is_unusable(tmp_path: Path) -> None:
    path = tmp_path / "titles.yaml"
    path.write_text("heads:\n- Mayor\nroles:\n- nurse\nheads:\n- Minister\n", encoding="utf-8")
    with pytest.raises(yamlload.Unusable) as caught:
        yamlload.read_words(path)
    assert caught.value.problem == "`heads` is set twice (line 1 and line 5)"
    assert caught.value.first == "keep one of them"


def test_a_long_cue_file_read_by_the_pure_python_loader_says_the_same(tmp_path: Path) -> None:
    """A text that could nest too deep for libyaml goes to the pure-Python loader: the same rule."""
    path = tmp_path / "common.yaml"
    path.write_text("words:\n- " + "x" * 2_000 + "\nwords:\n- y\n", encoding="utf-8")
    assert yamlload.could_nest_too_deep(path.read_text(encoding="utf-8"))
    with pytest.raises(yamlload.Unusable, match=r"`words` is set twice \(line 1 and line 3\)"):
        yamlload.read_words(path)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_yaml_file_names_each_key_once(path: Path) -> None:
    """places.yaml set `D.C.` twice (Washington, then District of Columbia, which won)."""
    yamlload.read_words(path)
