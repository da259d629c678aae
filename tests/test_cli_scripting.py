"""The command line as a script writer uses it (Q5's "Scripting" findings): output a
program can read whatever the corpus holds, and exit codes that follow one rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_corpus_cli import run

PAGE = "A fine title for a page\n\nThe council met on a quiet morning and agreed the budget.\n"


# --- S5: an empty corpus folder --------------------------------------------------------


def test_an_empty_corpus_is_an_empty_answer_with_each_commands_usual_code(capsys, tmp_path: Path) -> None:
    """The rule: a folder without pages is a warning (one line naming it) and the command's
    empty answer, with the exit code that answer always has: `articles` 0 (`[]` in JSON:
    `| jq length` failed on nothing at all, exit 2), `index` 0, `search` 1 (no hits)."""
    folder = tmp_path / "empty"
    folder.mkdir()
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(folder))
    assert (code, json.loads(out)) == (0, []) and err.count("no pages in") == 1
    code, out, err = run(capsys, "articles", "--corpus", str(folder))
    assert (code, out) == (0, "") and "no pages in" in err and "0 articles" in err
    code, out, err = run(capsys, "index", "--corpus", str(folder))
    assert code == 0 and "no pages in" in err
    code, out, err = run(capsys, "search", "--json", "budget", "--corpus", str(folder))
    assert code == 1 and json.loads(out)["hits"] == [] and "no pages in" in err
    # A folder that is not there stays an error.
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(tmp_path / "missing"))
    assert code == 2 and out == "" and "does not exist" in err


# --- S3, S4: extract ------------------------------------------------------------------


def run_extract(capsys, monkeypatch, data: bytes, tty: bool = False) -> tuple[int, list[dict], list[str]]:
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(stdin, "isatty", lambda: tty)
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, "extract", "--backend", "rules")
    return code, [json.loads(line) for line in out.splitlines()], err.splitlines()


def test_extract_writes_one_line_per_input_line_so_scripts_can_zip(capsys, monkeypatch) -> None:
    """A skipped line gave no output line: every output line after it was paired with the
    wrong input line by a script that zips them. Now it is `{"id", "error"}`, with the id
    when the line could be read."""
    lines = [b'{"id": "a", "text": "They met in Paris."}',
             b'{"id": "no-text", "text": 5}',
             b'{"id": "c", "text": "bad \x01 control"}',  # a raw control character: not JSON
             b'caf\xe9',  # not UTF-8
             b'   ',
             b'{"id": "f", "text": "Bob went to Rome."}']
    code, out, err = run_extract(capsys, monkeypatch, b"\n".join(lines) + b"\n")
    assert code == 1 and len(out) == len(lines)
    assert [o["id"] for o in out] == ["a", "no-text", None, None, None, "f"]
    assert [sorted(o) for o in out[1:5]] == [["error", "id"]] * 4
    assert out[1]["error"] == 'expected an object with a string "text"'
    assert out[2]["error"] == "not valid JSON (Invalid control character at column 26)"  # was "at at column"
    assert out[4]["error"] == "blank line"
    assert "entities" in out[0] and "entities" in out[5]
    assert [line.split(":")[2] for line in err] == [" line 2", " line 3", " line 4"]  # a blank line is not said
    assert not any("at at" in line for line in err)


def test_extract_at_a_terminal_says_what_it_waits_for(capsys, monkeypatch) -> None:
    """At a terminal it waited without a word; piped, it says nothing (stderr stays clean)."""
    good = b'{"id": 1, "text": "They met in Paris."}\n'
    code, out, err = run_extract(capsys, monkeypatch, good, tty=True)
    assert code == 0 and err == ['newsreader: reading JSON lines {"id", "text", "date"} from standard input; '
                                 'Ctrl-D ends']
    code, out, err = run_extract(capsys, monkeypatch, good, tty=False)
    assert (code, err) == (0, [])


# --- S2: paging search hits -----------------------------------------------------------


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_search_offset_pages_through_the_hits_with_the_whole_total(capsys, sort: str) -> None:
    """Hits 21-40 needed `--limit 40` and skipping the first 20 by hand. A page is the
    same hits, in the same order, as that slice of the whole list; `total` stays the count
    of every match, in JSON and on the summary line."""
    code, out, _ = run(capsys, "search", "said", "--json", "--no-snippets", "--sort", sort)
    whole = json.loads(out)
    ids = [h["id"] for h in whole["hits"]]
    assert code == 0 and whole["total"] == len(ids) == 9 and whole["offset"] == 0
    pages = []
    for offset in (0, 4, 8):
        code, out, _ = run(capsys, "search", "said", "--json", "--no-snippets", "--sort", sort,
                           "--limit", "4", "--offset", str(offset))
        page = json.loads(out)
        assert code == 0 and page["total"] == 9 and page["offset"] == offset
        pages += [h["id"] for h in page["hits"]]
    assert pages == ids
    code, out, err = run(capsys, "search", "said", "--sort", sort, "--limit", "4", "--offset", "4")
    assert code == 0 and err.splitlines()[-1] == "5-8 of 9 matching articles"
    assert [line.strip() for line in out.splitlines() if line.strip() in ids] == ids[4:8]
    code, out, err = run(capsys, "search", "said", "--json", "--offset", "9")  # past the last: exit 1, as no hits
    assert code == 1 and json.loads(out)["hits"] == [] and json.loads(out)["total"] == 9


def test_search_offset_below_zero_is_refused(capsys) -> None:
    code, out, err = run(capsys, "search", "said", "--offset", "-1")
    assert code == 2 and out == "" and "--offset must be 0 or more" in err


# --- C1, U1: where things live, and indexes left behind ------------------------------


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    return folder


def test_paths_names_the_files_and_every_index_with_its_corpus(capsys, tmp_path: Path, isolated_home: Path) -> None:
    """Only `index --json` named an index; the config's place under NEWSREADER_HOME was
    nowhere. Each index now records the corpus folder it was built from."""
    one, two = _corpus(tmp_path / "one"), _corpus(tmp_path / "two")
    for folder in (one, two):
        assert run(capsys, "index", "--corpus", str(folder))[0] == 0
    code, out, err = run(capsys, "paths", "--json", "--corpus", str(one))
    info = json.loads(out)
    assert code == 0
    assert info["config_file"] == str(isolated_home / "config" / "config.yaml") and not info["config_file_exists"]
    assert info["state_file"] == str(isolated_home / "data" / "state.sqlite3")
    assert (info["corpus"], info["corpus_from"], info["index_exists"]) == (str(one), "--corpus", True)
    assert info["index_bytes"] > 0 and Path(info["index"]).parent == isolated_home / "data" / "indexes"
    (other,) = info["other_indexes"]
    assert (other["corpus"], other["corpus_exists"]) == (str(two.resolve()), True) and other["bytes"] > 0
    code, out, err = run(capsys, "paths", "--corpus", str(one))
    assert code == 0 and f"config file:       {isolated_home / 'config' / 'config.yaml'}" in out
    assert f"corpus {two.resolve()}" in out and "--prune" not in err


def test_prune_deletes_only_indexes_whose_corpus_is_gone(capsys, tmp_path: Path, isolated_home: Path) -> None:
    """A corpus folder renamed or deleted left its index behind for good. --prune deletes
    those; never the current corpus's index (gone too: it may be an unplugged drive the
    reader still answers from), never one whose corpus is not recorded, never the bookmarks."""
    kept, moved, current = (_corpus(tmp_path / name) for name in ("kept", "moved", "current"))
    for folder in (kept, moved, current):
        assert run(capsys, "index", "--corpus", str(folder))[0] == 0
    ids = json.loads(run(capsys, "articles", "--json", "--corpus", str(kept))[1])
    assert run(capsys, "bookmarks", "add", ids[0]["id"], "--corpus", str(kept))[0] == 0
    unrecorded = isolated_home / "data" / "indexes" / "old-0123456789ab"
    unrecorded.mkdir()
    moved.rename(tmp_path / "moved-elsewhere")
    current.rename(tmp_path / "current-unplugged")
    code, out, err = run(capsys, "paths", "--corpus", str(current))
    assert code == 0 and "(gone)" in out and "1 index of a corpus folder that is gone" in err
    code, out, err = run(capsys, "paths", "--prune", "--json", "--corpus", str(current))
    info = json.loads(out)
    assert code == 0 and [p["corpus"] for p in info["pruned"]] == [str(moved.resolve())]
    assert not Path(info["pruned"][0]["index"]).exists()
    assert Path(info["index"]).is_dir() and unrecorded.is_dir()
    assert sorted(p["corpus"] or "" for p in info["other_indexes"]) == ["", str(kept.resolve())]
    code, out, _ = run(capsys, "bookmarks", "list", "--json", "--corpus", str(kept))
    assert [b["id"] for b in json.loads(out)] == [ids[0]["id"]]


# --- C2: keymap ids and the theme name, checked by every command ----------------------


def _config(home: Path, text: str) -> Path:
    path = home / "config" / "config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_keymap_ids_and_theme_are_said_by_every_command(capsys, isolated_home: Path) -> None:
    """Only the reader said them, in notices that scrolled away. Every command now says each
    in one line naming the file and the key; a warning, not exit 2: an id renamed by an
    upgrade, or a theme file removed, must not stop scripts (the reader ignores the id and
    uses its default theme)."""
    path = _config(isolated_home, "keymap: {serach: f, bookmark: x}\ntheme: newsreader-lite\n")
    for argv in (["articles"], ["paths"], ["search", "said"]):
        code, out, err = run(capsys, *argv)
        lines = [line for line in err.splitlines() if line.startswith("newsreader: warning: ")]
        assert code == 0 and out, argv
        assert lines == [
            f"newsreader: warning: {path}: keymap: 'serach' is no binding id of the reader (did you mean search?); "
            "it is ignored, and the reader's ? lists the ids",
            f"newsreader: warning: {path}: theme: no theme 'newsreader-lite' (missing, or its file is broken); "
            "did you mean newsreader-light? The reader uses newsreader-dark; its Ctrl+P lists the themes"], argv
    _config(isolated_home, "keymap: {search: f}\ntheme: newsreader-light\n")  # fixed: said no more
    code, _, err = run(capsys, "paths")
    assert code == 0 and "warning" not in err


def test_the_keymap_check_takes_the_readers_own_binding_ids(capsys, isolated_home: Path) -> None:
    """No second list to fall out of date: every id the reader has is accepted, and a user
    theme file's name is a theme."""
    from newsreader.tui.app import all_bindings

    ids = sorted({b.id for b in all_bindings() if b.id})
    assert len(ids) > 10
    _config(isolated_home, "theme: mine\nkeymap:\n" + "".join(f"  {i}: \"\"\n" for i in ids))
    (isolated_home / "config" / "themes").mkdir()
    (isolated_home / "config" / "themes" / "mine.yaml").write_text(
        "name: mine\ndark: true\ncolors:\n  primary: '#0178D4'\n", encoding="utf-8")
    code, _, err = run(capsys, "paths")
    assert code == 0 and "warning" not in err


@pytest.mark.parametrize("text", ["corpus: 42\n", "theme: 5\n", "keymap: [1, 2]\n", "max_page_mb: true\n",
                                  "extensions: .txt\n", "extractor: 3\n"])
def test_a_wrong_type_in_the_config_is_said_without_brackets_in_brackets(capsys, isolated_home: Path,
                                                                        text: str) -> None:
    """`corpus must be text (folder of saved news pages (default: the bundled seeds))`."""
    import re

    path = _config(isolated_home, text)
    code, out, err = run(capsys, "paths")
    key = text.split(":")[0]
    assert code == 2 and out == "" and err.startswith(f"newsreader: error: {path}: line 1: {key} must be ")
    assert not re.search(r"\([^()]*\(", err), err


# --- S1: examples and exit codes in every --help --------------------------------------


def _subcommands(parser, prefix: str = ""):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    yield from _subcommands(sub, f"{prefix}{name} ")
                else:
                    yield f"{prefix}{name}", sub


def test_every_subcommands_help_ends_with_examples_that_run_and_its_exit_codes() -> None:
    """--help had neither (the README had them). Each example's newsreader command is one
    the parser takes, so an option renamed since cannot stay in an example."""
    import shlex

    from newsreader.cli import build_parser

    parser = build_parser()
    commands = dict(_subcommands(parser))
    assert {"search", "extract", "paths", "bookmarks export"} <= commands.keys()
    for name, sub in commands.items():
        text = sub.format_help()
        tail = text[text.index("\nexamples:\n"):]
        examples = [line.strip() for line in tail.splitlines()[2:] if line.startswith("  newsreader")
                    or "| newsreader" in line]
        assert 1 <= len(examples) <= 3 and "\nexit codes: 0 " in tail, name
        codes = tail[tail.index("\nexit codes:"):]
        assert text.endswith(tail) and max(map(len, codes.splitlines())) < 80, name  # (wrapped to fit)
        for example in examples:
            ran = []
            for command in (part for part in example.split("|") if part.strip().startswith("newsreader")):
                argv = shlex.split(command.split(">")[0])[1:]
                ran.append(parser.parse_args(argv).handler)  # SystemExit on an option that is not there
            assert sub.get_default("handler") in ran, example


# --- S7: parse's ids are articles' ids -------------------------------------------------


def test_parse_of_a_page_in_the_corpus_gives_the_ids_articles_gives(capsys, tmp_path: Path, monkeypatch) -> None:
    """`parse` made ids from the file name alone, `articles` from the path under the corpus
    folder: `show <id from parse>` said "no article". Inside the corpus (given as it is, by
    a link, or from the current folder) they are now the same; elsewhere, the file name."""
    corpus = tmp_path / "news"
    (corpus / "sub dir").mkdir(parents=True)
    page = corpus / "sub dir" / "notes.txt"
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "link").symlink_to(corpus)
    code, out, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
    (listed,) = json.loads(out)
    assert code == 0 and listed["file"] == "sub dir/notes.txt"
    monkeypatch.chdir(corpus)
    for argv in (["--corpus", str(corpus), str(page)], ["--corpus", str(tmp_path / "link"), str(page)],
                 ["--corpus", str(corpus), str(tmp_path / "link" / "sub dir" / "notes.txt")],
                 ["--corpus", str(corpus), "sub dir/notes.txt"]):
        code, out, _ = run(capsys, "parse", "--json", *argv)
        (parsed,) = json.loads(out)["articles"]
        assert code == 0 and (parsed["id"], parsed["file"]) == (listed["id"], listed["file"]), argv
    code, out, _ = run(capsys, "show", parsed["id"], "--corpus", str(corpus))
    assert code == 0
    elsewhere = tmp_path / "notes.txt"
    elsewhere.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--json", "--corpus", str(corpus), str(elsewhere))
    (parsed,) = json.loads(out)["articles"]
    assert parsed["file"] == "notes.txt" and parsed["id"] != listed["id"]


# --- S10: a search hit names its page, byline and dateline ------------------------------


def test_search_json_hits_carry_file_byline_and_dateline_from_the_article_read_for_the_snippet(capsys) -> None:
    """One `show` per hit was needed to find the page. The article is decoded for its
    snippet anyway, so they cost no read; `--no-snippets` reads no article, and leaves them
    out rather than say null for a byline it did not look at."""
    code, out, _ = run(capsys, "articles", "--json")
    articles = {a["id"]: a for a in json.loads(out)}
    code, out, _ = run(capsys, "search", "said", "--json", "--limit", "20")
    hits = json.loads(out)["hits"]
    assert code == 0 and len(hits) == 9
    for hit in hits:
        article = articles[hit["id"]]
        assert (hit["file"], hit["byline"], hit["dateline"]) == \
            (article["file"], article["byline"], article["dateline"])
    assert any(hit["dateline"] for hit in hits)
    code, out, _ = run(capsys, "search", "byline:IFP", "--json")
    assert any(hit["byline"] == "IFP Editorial Staff" for hit in json.loads(out)["hits"])
    code, out, _ = run(capsys, "search", "said", "--json", "--no-snippets")
    assert code == 0 and not any({"file", "byline", "dateline"} & hit.keys() for hit in json.loads(out)["hits"])


# --- S8: the README's --json key lists ----------------------------------------------------


def test_the_readme_names_every_json_key_articles_show_and_search_give(capsys) -> None:
    """README's lists left out `date_source`, `summary`, `captions` and `age`."""
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_]+)`", readme))
    _, out, _ = run(capsys, "articles", "--json")
    article = json.loads(out)[0]
    _, out, _ = run(capsys, "show", article["id"], "--json")
    shown = json.loads(out)
    _, out, _ = run(capsys, "search", "said", "--json", "--facets")
    found = json.loads(out)
    _, out, _ = run(capsys, "related", article["id"], "--json")
    related = json.loads(out)
    _, out, _ = run(capsys, "paths", "--json")
    paths = json.loads(out)
    keys = (set(shown) | set(found) | set(found["hits"][0]) | set(found["facets"]) | set(related[0])
            | set(paths) | set(paths["other_indexes"][0] if paths["other_indexes"] else {}))
    assert set(article) <= set(shown) and keys - named == set()


def test_prune_keeps_an_index_whose_corpus_is_out_of_reach(capsys, tmp_path: Path, isolated_home: Path) -> None:
    """RV15-B, RV16: 'gone' was 'not a folder now', so an unplugged drive's index (its mount
    point gone or left empty) was deleted. Gone is now a folder missing from a parent on the
    device the corpus was recorded on; the rest is 'out of reach' and kept. A link in the indexes
    folder is not followed, and an index another run holds is not deleted."""
    import fcntl
    import os

    mount = tmp_path / "usb"
    mount.mkdir()
    drive, renamed, busy = (_corpus(mount / "news"), _corpus(tmp_path / "renamed"), _corpus(tmp_path / "busy"))
    for folder in (drive, renamed, busy):
        assert run(capsys, "index", "--corpus", str(folder))[0] == 0
    here = _corpus(tmp_path / "here")
    indexes = isolated_home / "data" / "indexes"
    (indexes / "a-link").symlink_to(tmp_path / "nowhere")
    import shutil

    # The drive's corpus was on a device of its own, its root (here: its record says so);
    # unplugged, its mount point goes from a folder on the system disk (/Volumes, /media/USER).
    drive_index = next(p for p in indexes.iterdir() if p.name.startswith("news-"))
    record = drive_index / "corpus-path"
    path, _, device = record.read_bytes().partition(b"\0")
    assert device and int(device) == os.stat(drive).st_dev
    record.write_bytes(path + b"\0" + str(int(device) + 1).encode())
    (mount / "other-drive").mkdir()
    shutil.rmtree(mount / "news")
    renamed.rename(tmp_path / "renamed-now")
    busy_index = next(p for p in indexes.iterdir() if p.name.startswith("busy-"))
    shutil.rmtree(busy)
    fd = os.open(busy_index / "index.lock", os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_SH)  # another run holds it
    try:
        code, out, err = run(capsys, "paths", "--prune", "--json", "--corpus", str(here))
    finally:
        os.close(fd)
    info = json.loads(out)
    assert code == 0 and [p["corpus"] for p in info["pruned"]] == [str(renamed.resolve())]
    assert "another run is updating it; not deleted" in err and busy_index.is_dir()
    (kept,) = [p for p in info["other_indexes"] if p["corpus"] == str(drive.resolve())]
    assert kept["corpus_exists"] is None and Path(kept["index"]).is_dir()
    assert (indexes / "a-link").is_symlink() and not any(p.name.startswith(".pruned") for p in indexes.iterdir())
    code, out, _ = run(capsys, "paths", "--corpus", str(here))
    assert code == 0 and "(out of reach now: kept)" in out


def test_a_reader_that_cannot_load_does_not_stop_other_commands(capsys, monkeypatch, isolated_home: Path) -> None:
    """RV15-B: the keymap check imports the reader; a broken Textual made search and index
    exit 2. Such a check gives no warning; the reader itself says what is broken."""
    import newsreader.config as config

    def broken(*_args):
        raise ImportError("textual is broken")

    monkeypatch.setattr(config, "config_problems", broken)
    _config(isolated_home, "keymap: {serach: f}\n")
    code, out, err = run(capsys, "articles")
    assert code == 0 and out and "warning" not in err


def test_a_yml_theme_file_is_part_of_the_name_checks_cache(capsys, isolated_home: Path) -> None:
    """The reader loads .yml themes too: removing mine.yml left the cached 'no problem'."""
    themes = isolated_home / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.yml").write_text("name: mine\ncolors:\n  primary: '#123456'\n", encoding="utf-8")
    _config(isolated_home, "theme: mine\n")
    code, _, err = run(capsys, "paths")
    assert code == 0 and "warning" not in err
    (themes / "mine.yml").unlink()
    code, _, err = run(capsys, "paths")
    assert code == 0 and "no theme 'mine'" in err
