"""The corpus commands as a user runs them, including every kind of bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.resources import seeds_dir

GOOD_PAGE = "A fine title for a page\n\nThe council met on a quiet morning and agreed the budget.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_PAGE, encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_articles_json_on_the_bundled_seeds(capsys) -> None:
    code, out, _ = run(capsys, "articles", "--json")
    assert code == 0
    articles = json.loads(out)
    assert len(articles) == 9
    for key in ("id", "title", "date", "source", "byline", "dateline", "file", "related", "body"):
        assert all(key in a for a in articles)
    assert articles[0]["date"] == "2025-06-14"
    assert "\n\n" in articles[0]["body"]
    ids = {a["id"] for a in articles}
    assert all(r in ids for a in articles for r in a["related"])


def test_articles_plain_lists_every_title(capsys) -> None:
    code, out, err = run(capsys, "articles")
    assert code == 0
    assert out.count("\n") == 18 and "9 articles from 5 pages" in err


def test_parse_json_and_explain(capsys) -> None:
    page = str(next(seeds_dir().glob("004_*.txt")))
    code, out, _ = run(capsys, "parse", page, "--json", "--explain")
    assert code == 0
    data = json.loads(out)
    assert len(data["articles"]) == 4
    roles = {line["role"] for line in data["lines"]}
    assert {"title", "body", "boilerplate", "source", "related-heading"} <= roles
    code, out, _ = run(capsys, "parse", page, "--explain")
    assert "page furniture ('Hashtags')" in out and "+ body" in out


def test_parse_explain_shows_escape_sequences_escaped(capsys, tmp_path: Path) -> None:
    """`parse --explain` prints each line as the page has it: `Menu\x1b]0;pwned\x07` retitled
    the terminal and colour codes coloured it. Shown escaped; a no-break space stays."""
    page = tmp_path / "page.txt"
    page.write_text("A title of the page here now\n\nBody text \x1b[31mred\x1b[0m and\u00a0more words "
                    "in the paragraph of the story.\n\nMenu\x1b]0;pwned\x07\n", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(page), "--explain")
    assert code == 0 and all(ch.isprintable() or ch in "\n\u00a0" for ch in out), repr(out)
    assert "Body text \\x1b[31mred\\x1b[0m and\u00a0more" in out and "Menu\\x1b]0;pwned\\x07" in out


def test_missing_corpus_folder_is_one_clear_line(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "articles", "--corpus", str(tmp_path / "nope"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [[], ["search", "budget"]])
def test_missing_or_file_corpus_is_the_same_line_for_the_reader_and_commands(
        capsys, tmp_path: Path, argv: list[str]) -> None:
    """The reader (no command) and the commands that build an index say the same thing."""
    (tmp_path / "page.txt").write_text(GOOD_PAGE, encoding="utf-8")
    for corpus, says in ((tmp_path / "nope", "does not exist"), (tmp_path / "page.txt", "is a file")):
        code, out, err = run(capsys, *argv, "--corpus", str(corpus))
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and says in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [[], ["articles"], ["index"], ["search", "budget"]])
def test_missing_corpus_set_in_the_config_names_the_config(
        capsys, tmp_path: Path, isolated_home: Path, argv: list[str]) -> None:
    """A `corpus:` in the config that is wrong was told to "set `corpus:` in the config",
    which it is: the line names the config file, and a --corpus elsewhere is not blamed on it."""
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    (tmp_path / "page.txt").write_text(GOOD_PAGE, encoding="utf-8")
    for corpus, says in ((tmp_path / "nope", "does not exist"), (tmp_path / "page.txt", "is a file")):
        config.write_text(f"corpus: {corpus}\n", encoding="utf-8")
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1
        assert says in err and f"`corpus:` set in {config}" in err and "set `corpus:` in the config" not in err
        code, out, err = run(capsys, *argv, "--corpus", str(tmp_path / "other"))
        assert code == 2 and str(config) not in err and "pass --corpus DIR" in err


def test_file_names_with_control_characters_are_shown_escaped(capsys, corpus: Path, isolated_home: Path) -> None:
    """A page's name is untrusted text: an ESC, BEL or newline in it reached the terminal
    as it was (in warnings, `parse`'s headers, `show`, the error line), and `--json` wrote
    C1 controls raw. Now escaped (`\\x1b`) as text, and as \\u escapes in JSON, which reads
    back to the exact name."""
    names = ["evil\x1b[31mred.txt", "bell\x07.txt", "two\nlines.txt", "c1\x9b31m.txt", "rlo\u202etxt.exe.txt"]
    for name in names:
        (corpus / name).write_text(GOOD_PAGE.replace("page", name[:4]), encoding="utf-8")
    (corpus / "empty\x1b[2J.txt").write_bytes(b"")

    def safe(text: str) -> str:
        assert all(ch.isprintable() or ch == "\n" for ch in text), repr(text)
        return text

    _, out, err = run(capsys, "articles", "--corpus", str(corpus))
    assert "empty\\x1b[2J.txt: empty file" in safe(err) and safe(out)
    _, out, err = run(capsys, "articles", "--json", "--corpus", str(corpus))
    assert sorted(a["file"] for a in json.loads(safe(out))) == sorted(names + ["good.txt"])
    _, out, err = run(capsys, "index", "--corpus", str(corpus))
    assert "empty\\x1b[2J.txt: empty file" in safe(err)
    _, out, err = run(capsys, "parse", *(str(corpus / n) for n in ["empty\x1b[2J.txt", *names]))
    assert "evil\\x1b[31mred.txt <==" in safe(out) and "two\\nlines.txt <==" in out and "empty\\x1b[2J.txt" in safe(err)
    _, out, _ = run(capsys, "parse", "--json", str(corpus / names[3]))
    assert json.loads(safe(out))["file"] == str(corpus / names[3])
    _, out, _ = run(capsys, "search", "evil", "--json", "--corpus", str(corpus))
    code, out, err = run(capsys, "show", json.loads(out)["hits"][0]["id"], "--corpus", str(corpus))
    assert code == 0 and "(evil\\x1b[31mred.txt)" in safe(out)
    code, out, err = run(capsys, "articles", "--corpus", str(corpus / "gone\x1b[2J"))
    assert code == 2 and "gone\\x1b[2J does not exist" in safe(err) and err.count("\n") == 1
    code, out, err = run(capsys, "bookmarks", "import", str(corpus / "x\x07.json"))
    assert code == 2 and "x\\x07.json: no such file" in safe(err)


def test_empty_corpus_folder(capsys, tmp_path: Path) -> None:
    """An empty folder is a warning and an empty answer (tests/test_cli_scripting.py)."""
    code, out, err = run(capsys, "articles", "--corpus", str(tmp_path))
    assert code == 0 and out == "" and "no pages" in err


def test_bad_files_are_skipped_and_the_rest_loads(capsys, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20)
    (corpus / "latin.txt").write_bytes("Caf\xe9 owners protest new tax\n\nThe caf\xe9 owners of the city met on Monday to protest.\n".encode("cp1252"))
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(corpus))
    assert code == 0
    titles = sorted(a["title"] for a in json.loads(out))
    assert titles == ["A fine title for a page", "Café owners protest new tax"]
    lines = err.strip().splitlines()
    assert any("empty file" in line for line in lines)
    assert any("binary file" in line for line in lines)
    assert any("not valid UTF-8" in line and "cp1252" in line for line in lines)
    assert "Traceback" not in err


def test_oversized_page_is_skipped(capsys, corpus: Path, isolated_home: Path) -> None:
    big = corpus / "big.txt"
    with big.open("wb") as handle:  # 50 MB of text, written sparsely-fast
        line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n"
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(corpus))
    assert code == 0 and len(json.loads(out)) == 1
    assert "over the 10 MB page limit" in err


def test_parse_command_reports_each_bad_file(capsys, corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, "parse", str(corpus / "empty.txt"), str(corpus / "good.txt"), str(tmp_path / "missing.txt"))
    assert code == 1
    assert "A fine title for a page" in out
    assert "empty file" in err and "no such file" in err
    code, _, err = run(capsys, "parse", str(tmp_path / "missing.txt"))
    assert code == 2 and err.count("\n") == 1


def test_corpus_from_config_and_override(capsys, corpus: Path, isolated_home: Path) -> None:
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(f"corpus: {corpus}\n", encoding="utf-8")
    code, out, _ = run(capsys, "articles", "--json")
    assert [a["title"] for a in json.loads(out)] == ["A fine title for a page"]
    code, out, _ = run(capsys, "articles", "--json", "--corpus", str(seeds_dir()))
    assert len(json.loads(out)) == 9


@pytest.mark.parametrize("value", ["on", "1.5", "[true]", "{q: x}"])
def test_keymap_error_never_offers_another_bindings_keys(value: str) -> None:
    """`bookmark: on` was told to write `bookmark: "q,ctrl+q"`: quit's keys, made up for
    every binding. An example is given only from the keys written (a list)."""
    from newsreader.config import parse_config
    from newsreader.errors import UserError

    with pytest.raises(UserError) as caught:
        parse_config(f"keymap: {{bookmark: {value}}}\n")
    assert "keymap: bookmark must be keys as text" in caught.value.message
    assert "ctrl+q" not in caught.value.message and "True" not in caught.value.message.split("(")[0]


@pytest.mark.parametrize(
    "text,message",
    [
        ("corpus: [unclosed\n", "not valid YAML"),
        ("colour: blue\n", "unknown setting 'colour'"),
        ("max_page_mb: lots\n", "max_page_mb must be a number"),
        ("max_page_mb: 0\n", "max_page_mb must be a number above 0"),
        ("max_page_mb: .inf\n", "max_page_mb must be a number above 0"),  # a traceback later
        ("max_page_mb: .nan\n", "max_page_mb must be a number above 0"),
        ("- just\n- a list\n", "expected a mapping"),
        ("5\n", "expected a mapping of settings (key: value), got a number"),
        ("keymap: {bookmark: [b, x, 5]}\n", 'keymap: bookmark must be keys as text, like bookmark: "b,x,5" (got a list'),
        ("keymap: {quit: {q: x}}\n", "keymap: quit must be keys as text"),
        ("keymap: {quit: on}\n", "YAML reads True as true/false; put the keys in quotes"),
        ("keymap: {quit: }\n", 'keymap: quit has no keys; write quit: ""'),
        ('corpus: ""\n', "corpus is empty"),
        ("corpus: '  '\n", "corpus is empty"),
        ("extensions: []\n", "extensions must be a list of file endings"),
        ("extensions: [.]\n", "extensions must be a list of file endings"),
    ],
)
def test_broken_config_is_one_clear_line(capsys, isolated_home: Path, text: str, message: str) -> None:
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "articles")
    assert code == 2 and out == ""
    assert message in err and str(config) in err and err.count("\n") == 1


@pytest.mark.parametrize("text,value", [("max_page_mb: 1e9\n", 1e9), ("max_page_mb: 2E1\n", 20.0),
                                        ("max_page_mb: 5\n", 5), ("max_page_mb: 0.5\n", 0.5)])
def test_a_number_yaml_reads_as_text_is_a_number(text: str, value: float) -> None:
    """YAML 1.1 reads `1e9` (no dot) as text: `max_page_mb: 1e9` said "must be a number"."""
    from newsreader.config import parse_config

    assert parse_config(text).max_page_mb == value


def test_empty_corpus_option_is_refused_not_the_current_folder(capsys, tmp_path: Path, monkeypatch) -> None:
    """`--corpus ""` (an unset shell variable) must not read the current folder."""
    (tmp_path / "page.txt").write_text("A title here\n\nSome body text of the page.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--corpus", "", "articles")
    assert code == 2 and out == "" and "--corpus is empty" in err and err.count("\n") == 1


def test_corpus_in_a_subfolder_keeps_relative_paths(capsys, tmp_path: Path) -> None:
    root = tmp_path / "nested"
    shutil.copytree(seeds_dir(), root / "2025" / "june")
    code, out, _ = run(capsys, "articles", "--json", "--corpus", str(root))
    files = {a["file"] for a in json.loads(out)}
    assert all(f.startswith("2025/june/") for f in files)


@pytest.mark.parametrize("argv", [["articles", "--json"], ["search", "iran"]])
def test_output_into_a_closed_pipe_ends_quietly(argv: list[str]) -> None:
    """`newsreader articles | head`: the reader of the pipe left; no traceback, exit 0."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "newsreader", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # gone before the first line is written
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "Exception ignored" not in err


@pytest.mark.parametrize("argv", [["articles", "--json"], ["search", "iran"]])
def test_output_with_standard_output_closed_ends_quietly(argv: list[str]) -> None:
    """`newsreader articles >&-`: nowhere to write is no error either; never a traceback."""
    import os
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "newsreader", *argv], stderr=subprocess.PIPE, text=True,
                          preexec_fn=lambda: os.close(1), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr


def test_extract_line_that_is_not_utf8_is_one_skipped_line(capsys, monkeypatch) -> None:
    """Standard input decoded strictly (a UTF-8 locale): a Windows-1252 line is reported by
    number and skipped, and the lines after it are still read."""
    import io
    import sys

    data = '{"id": 1, "text": "caf\xe9"}\n'.encode("cp1252") + b'{"id": 2, "text": "They met in Paris."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict"))
    code, out, err = run(capsys, "extract", "--backend", "rules")
    assert code == 1
    assert err.count("\n") == 1 and "line 1: not UTF-8" in err and "Traceback" not in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == [None, 2]


def test_extract_writes_no_raw_c1_control_or_bidi_override(capsys, monkeypatch) -> None:
    """`extract` wrote its input's C1 controls (0x9b is a one-byte CSI) and bidi overrides raw to
    the terminal (json escapes C0 only), in the id it echoes: \\u escapes now, the same JSON data."""
    import io
    import sys

    story_id = "page\x9b2J-\u202estory"
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"id": story_id, "text": "They met in Paris."}) + "\n"))
    code, out, err = run(capsys, "extract", "--backend", "rules")
    assert code == 0, err
    assert "\x9b" not in out and "\u202e" not in out
    assert json.loads(out)["id"] == story_id and out.count("\n") == 1


def test_spacy_not_installed_names_what_chose_it_and_both_ways_out(
        capsys, monkeypatch, corpus: Path, isolated_home: Path) -> None:
    """The message said only "pip install newsreader[spacy]": not that the config's
    `extractor:` had chosen spacy, nor that setting it back to rules is the other way out."""
    import importlib.util
    import io
    import sys

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "spacy" else find_spec(name, *a))
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("extractor: spacy\n", encoding="utf-8")
    for argv in (["index", "--corpus", str(corpus)], ["search", "budget", "--corpus", str(corpus)], ["extract"]):
        monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "They met in Paris."}\n'))
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and err.count("\n") <= 2 and "Traceback" not in err
        assert f"`extractor: spacy` in {config} selects the spacy extractor" in err
        assert 'pip install "newsreader[spacy]"' in err and "set `extractor: rules` there" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "They met in Paris."}\n'))
    code, out, err = run(capsys, "extract", "--backend", "spacy")
    assert code == 2 and "--backend spacy selects" in err and "use --backend rules" in err


def test_config_help_names_only_commands_that_exist() -> None:
    """A config error quotes its setting's help; a command it points to must exist."""
    import re

    from newsreader.cli import build_parser
    from newsreader.config import SETTINGS

    commands = set(build_parser()._subparsers._group_actions[0].choices)
    for key, setting in SETTINGS.items():
        for named in re.findall(r"`newsreader (\w+)", setting.help):
            assert named in commands, f"{key}: help points to `newsreader {named}`"


def test_index_of_a_folder_without_pages_says_so(capsys, tmp_path: Path, isolated_home: Path) -> None:
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    code, _, err = run(capsys, "index", "--corpus", str(folder))
    assert code == 0 and "no pages in" in err and ".txt" in err


def test_page_whose_file_name_is_not_utf8(capsys, corpus: Path, isolated_home: Path) -> None:
    """Such names exist (copied from old systems): the page is listed and indexed, its name
    shown with the byte written out, and JSON output stays UTF-8. Two names that differ only
    in such a byte stay two pages (they became one, and each `index` swapped which)."""
    import os

    name = os.fsdecode(b"caf\xe9-page.txt")
    (corpus / name).write_text("Cafe owners protest\n\nThe owners met on Monday.\n", encoding="utf-8")
    (corpus / os.fsdecode(b"caf\xe8-page.txt")).write_text("Bakers strike\n\nThe bakers walked out.\n",
                                                           encoding="utf-8")
    code, out, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
    assert code == 0
    files = sorted(a["file"] for a in json.loads(out))
    assert files == ["caf\\xe8-page.txt", "caf\\xe9-page.txt", "good.txt"]
    out.encode("utf-8")  # no lone surrogates
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    code, out, err = run(capsys, "index", "--corpus", str(corpus))  # nothing changed since
    assert code == 0 and "indexed 0 pages" in out + err and "3 unchanged" in out + err
    for word in ("owners", "bakers"):
        code, out, _ = run(capsys, "search", "--json", "--corpus", str(corpus), word)
        assert code == 0 and json.loads(out)["total"] == 1


def test_page_saved_with_separate_accent_marks_is_read_composed(capsys, corpus: Path, isolated_home: Path) -> None:
    """A page whose accents are separate marks ('Zu' + U+0308) is stored as 'Zürich', so the
    extractor knows the place and `place:` search finds it by either spelling."""
    import unicodedata

    text = "Bankers gather in Zurich\n\nBankers met in Zürich on Monday, said Carlos Pérez.\n"
    (corpus / "decomposed.txt").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    code, out, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
    body = next(a["body"] for a in json.loads(out) if a["file"] == "decomposed.txt")
    assert code == 0 and "Zürich" in body and unicodedata.is_normalized("NFC", body)
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    for query in ('place:zurich', 'place:"Zürich"'):
        code, out, _ = run(capsys, "search", "--json", "--corpus", str(corpus), query)
        assert code == 0 and json.loads(out)["total"] == 1, query


def test_the_reader_without_a_terminal_says_so(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """`newsreader > file` (or from cron) drew the reader into the file and waited for keys
    that never came."""
    from newsreader.tui import app

    opened: list[Path] = []
    monkeypatch.setattr(app, "run_reader", lambda ctx, corpus: opened.append(corpus) or 0)
    code, out, err = run(capsys)  # pytest's captured stdout and stdin are no terminal
    assert code == 2 and out == "" and not opened
    assert err.startswith("newsreader: error: the reader needs a terminal") and "newsreader search QUERY" in err


def test_one_page_is_not_one_pages(capsys, tmp_path: Path) -> None:
    """The summaries said "1 articles from 1 pages", "indexed 1 pages (1 articles ...)"."""
    (tmp_path / "page.txt").write_text(GOOD_PAGE, encoding="utf-8")
    code, _, err = run(capsys, "articles", "--corpus", str(tmp_path))
    assert code == 0 and f"1 article from 1 page in {tmp_path}" in err
    code, _, err = run(capsys, "index", "--corpus", str(tmp_path))
    assert code == 0 and err.startswith("indexed 1 page (1 article), ") and "; 1 article in the index" in err


def bad_pages(corpus: Path) -> dict[str, str]:
    """A page of each kind the corpus cannot use as it is, with what its line must say."""
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20)
    (corpus / "latin.txt").write_bytes(b"caf\xe9 au lait, served hot.\n")  # tiny, and not UTF-8
    (corpus / "long-latin.txt").write_bytes(("Caf\xe9 owners protest new tax\n\n" + "The caf\xe9 owners met. " * 400
                                             + "\n").encode("cp1252"))
    (corpus / "menu.txt").write_text("Menu\nHome\nShare\n", encoding="utf-8")
    return {"empty.txt": "empty file", "binary.txt": "binary file", "latin.txt": "not valid UTF-8 (byte 4)",
            "long-latin.txt": "not valid UTF-8 (byte 4)", "menu.txt": "no story found"}


def test_index_says_what_is_wrong_with_each_bad_page(capsys, corpus: Path, isolated_home: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`index` said nothing of a page read as cp1252 (`articles` did), nothing of a page
    with no story in it ("indexed 1 page (0 articles)"), and on its next run nothing of
    the pages it had skipped. Each gets one line saying what is wrong and what to do, on
    every run for the pages left out, naming the page as `articles` does."""
    says = bad_pages(corpus)
    monkeypatch.chdir(corpus.parent)
    for argv in (["index", "--json"], ["index"], ["articles"]):
        code, out, err = run(capsys, *argv, "--corpus", corpus.name)
        assert code == 0 and "Traceback" not in err
        lines = [line for line in err.splitlines() if line.startswith("newsreader: warning: ")]
        # `articles` after `index` lists from the index (up to date): like `index`'s second
        # run it reads again only the pages left out, so the cp1252 notes are not said again.
        read_again = argv == ["index", "--json"]
        wanted = {name: text for name, text in says.items() if read_again or "UTF-8" not in text}
        for name, text in wanted.items():
            said = [line for line in lines if line.startswith(f"newsreader: warning: {corpus.name}/{name}: ")]
            assert len(said) == 1 and text in said[0], (argv, name, lines)
            if "UTF-8" in text:
                assert "Re-save the page as UTF-8" in said[0]
            elif name == "menu.txt":
                assert "--explain` shows what became of each line" in said[0]
            else:
                assert "save the page again as plain text" in said[0]
        assert len(lines) == len(wanted), lines
        if argv == ["index", "--json"]:
            stats = json.loads(out)
            assert (stats["warnings"], stats["pages_failed"], stats["articles_total"]) == (5, 3, 3)
    code, out, err = run(capsys, "parse", str(corpus / "menu.txt"))
    assert code == 1 and out == "" and err.count("\n") == 1 and "no story found" in err
    code, out, err = run(capsys, "parse", str(corpus / "menu.txt"), "--explain")
    assert code == 1 and out.startswith("0 articles; every input line") and err == ""


def test_every_argument_of_every_command_is_explained_in_its_help() -> None:
    """`newsreader show --help` listed its ID with no word about it (related and bookmarks
    add said which id)."""
    import argparse

    from newsreader.cli import build_parser

    def parsers(parser: argparse.ArgumentParser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from parsers(sub)

    for parser in parsers(build_parser()):
        for action in parser._actions:
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"{parser.prog}: {action.dest} has no help"


def test_the_reader_opens_the_index_of_a_corpus_folder_gone_since(capsys, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`search` and `show` answer from the index of a corpus folder that went away (an
    unplugged drive); the reader refused to open ("corpus folder ... does not exist")."""
    import sys

    from newsreader.tui import app

    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "page.txt").write_text(GOOD_PAGE, encoding="utf-8")
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    shutil.rmtree(corpus)
    opened: list[Path] = []
    monkeypatch.setattr(app.ReaderApp, "run", lambda self: opened.append(self.corpus_dir))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run(capsys, "--corpus", str(corpus))[0] == 0 and opened == [corpus]
    code, out, err = run(capsys, "--corpus", str(tmp_path / "never-indexed"))  # a wrong folder: said
    assert code == 2 and "does not exist" in err and opened == [corpus]


def test_search_of_an_empty_folder_says_it_has_no_pages(capsys, tmp_path: Path) -> None:
    """It said only "no matching articles", as if the pages had been searched."""
    code, _, err = run(capsys, "search", "iran", "--corpus", str(tmp_path))
    # The build said there are no pages and what to do; "`newsreader index` updates it from
    # the pages there" after it did not fit (there are none; index would find none either).
    assert code == 1 and err.count("no pages in") == 1 and "holds no articles" not in err
    code, _, err = run(capsys, "search", "iran", "--corpus", str(tmp_path))
    assert code == 1 and "no pages in" in err and "holds no articles" not in err
    (tmp_path / "page.txt").write_text(GOOD_PAGE, encoding="utf-8")  # a page since: index reads it
    code, _, err = run(capsys, "search", "iran", "--corpus", str(tmp_path))
    assert code == 1 and "holds no articles" in err and "newsreader index" in err
