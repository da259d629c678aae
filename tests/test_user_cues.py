"""Users add to the extractor's cue lists in their own folder, `<config folder>/cues/` (issue #4: cue lists are
"YAML data files that users can extend"). Before, the only way was to edit the files inside the installed package,
which a reinstall or an upgrade writes anew, and a misspelt key there was silently ignored. The commands run here
as a user runs them: `python -m newsreader` with HOME in a temporary folder (platformdirs' ~/.config and ~/.cache),
no NEWSREADER_HOME and no XDG variables."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsreader
from newsreader.extract import resources

SENTENCE = "Quartermaster Jane Roe said the harbour would reopen on Monday, officials said."


def newsreader_run(home: Path, *argv: str, stdin: str = "", pythonpath: Path | None = None,
                   ) -> subprocess.CompletedProcess[str]:
    """`python -m newsreader ARGV` as a user with the home folder `home` runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k not in ("NEWSREADER_HOME",
                                                                                          "PYTHONPATH")}
    env["HOME"] = str(home)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "-m", "newsreader", *argv], input=stdin, capture_output=True,
                          text=True, env=env, cwd=pythonpath or home, timeout=300)  # (`-m` looks in cwd first)


def cue_folder(home: Path) -> Path:
    return home / ".config" / "newsreader" / "cues"


def people(home: Path) -> list[str]:
    proc = newsreader_run(home, "extract", stdin=json.dumps({"id": 1, "text": SENTENCE}) + "\n")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    return [e["name"] for e in json.loads(proc.stdout)["entities"] if e["kind"] == "person"]


def test_a_title_the_user_adds_counts_from_the_next_run_and_leaves_with_the_file(tmp_path: Path) -> None:
    """The built cue lists are kept in the cache folder under a digest of their inputs: the user's file is one of
    them, so adding it, and removing it, takes effect on the next run (all three runs share one cache folder)."""
    home = tmp_path / "home"
    home.mkdir()
    assert people(home) == ["Quartermaster Jane Roe"]
    cue_folder(home).mkdir(parents=True)
    (cue_folder(home) / "titles.yaml").write_text("heads:\n- Quartermaster\n", encoding="utf-8")
    assert people(home) == ["Jane Roe"]
    (cue_folder(home) / "titles.yaml").unlink()
    assert people(home) == ["Quartermaster Jane Roe"]


def test_index_reads_every_article_again_with_the_users_lists(tmp_path: Path) -> None:
    """`newsreader index` reads an unchanged page again when the user's cue files changed since it was read (the
    index keeps each page's extraction stamp, `store.Stamp`), and says why; the index then finds the person by
    the new name, and by the old one once the file is gone. The README told a user to run `index --rebuild`
    after editing a cue file: a plain `index` kept the old names."""
    home, corpus = tmp_path / "home", tmp_path / "corpus"
    home.mkdir()
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"date 2025-03-10 Harbour reopens\n\n{SENTENCE}\n", encoding="utf-8")

    def found(query: str) -> int:
        proc = newsreader_run(home, "search", query, "--json", "--corpus", str(corpus))
        return json.loads(proc.stdout)["total"]

    def names() -> list[str]:
        (article,) = json.loads(newsreader_run(home, "articles", "--json", "--corpus", str(corpus)).stdout)
        shown = json.loads(newsreader_run(home, "show", article["id"], "--json", "--corpus", str(corpus)).stdout)
        return [e["name"] for e in shown["entities"] if e["kind"] == "person"]

    assert newsreader_run(home, "index", "--corpus", str(corpus)).returncode == 0
    assert names() == ["Quartermaster Jane Roe"]
    cue_folder(home).mkdir(parents=True)
    (cue_folder(home) / "titles.yaml").write_text("heads: [Quartermaster]\n", encoding="utf-8")
    proc = newsreader_run(home, "index", "--corpus", str(corpus))
    assert proc.returncode == 0 and ", 1 page read again because your cue files changed; " in proc.stderr, proc.stderr
    assert names() == ["Jane Roe"]
    assert (found("person:quartermaster"), found('person:"Jane Roe"')) == (0, 1)
    (cue_folder(home) / "titles.yaml").unlink()
    proc = newsreader_run(home, "index", "--corpus", str(corpus))
    assert proc.returncode == 0 and "read again because your cue files changed" in proc.stderr, proc.stderr
    assert names() == ["Quartermaster Jane Roe"]


@pytest.fixture
def user_cues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cues"
    folder.mkdir()
    monkeypatch.setattr(resources, "user_cues_dir", lambda: folder)
    return folder


def test_the_users_entries_are_added_key_by_key(user_cues: Path) -> None:
    """Lists are extended (the bundled words stay), mappings merged at every level, the user's entry winning on a
    clash; an empty key adds nothing and takes nothing away."""
    bundled_titles, bundled_holidays = resources._read_yaml("titles.yaml"), resources._read_yaml("holidays.yaml")
    (user_cues / "titles.yaml").write_text("heads: [Quartermaster, mayor]\nroles:\n", encoding="utf-8")
    (user_cues / "holidays.yaml").write_text(
        "days:\n  Christmas: 12-26\n  Founders Day: 03-14\n"
        "by_country:\n  Independence Day:\n    12-16: [kazakhstan]\n    08-14: [karachi, gilgit]\n",
        encoding="utf-8")
    titles, holidays = resources._read_yaml("titles.yaml"), resources._read_yaml("holidays.yaml")
    assert titles["heads"] == bundled_titles["heads"] + ["Quartermaster"]  # (mayor: bundled already)
    assert titles["roles"] == bundled_titles["roles"] and titles["kin"] == bundled_titles["kin"]
    assert holidays["days"] == {**bundled_holidays["days"], "Christmas": "12-26", "Founders Day": "03-14"}
    independence = holidays["by_country"]["Independence Day"]
    assert independence["12-16"] == ["kazakhstan"]
    assert independence["08-14"] == bundled_holidays["by_country"]["Independence Day"]["08-14"] + ["gilgit"]
    assert independence["08-15"] == bundled_holidays["by_country"]["Independence Day"]["08-15"]
    assert holidays["by_country"]["Labour Day"] == bundled_holidays["by_country"]["Labour Day"]


def test_editors_leftovers_and_folders_are_passed_over(user_cues: Path) -> None:
    for name in (".titles.yaml.swp", "titles.yaml~", "#titles.yaml#"):
        (user_cues / name).write_text("heads: [Quartermaster", encoding="utf-8")
    (user_cues / "old").mkdir()
    (user_cues / "orgs.yaml").write_text("heads: [Syndicate]\n", encoding="utf-8")
    assert resources._user_cue_files() == {"orgs.yaml": user_cues / "orgs.yaml"}
    assert "Quartermaster" not in resources._read_yaml("titles.yaml")["heads"]


FIX = "correct it, or move it aside to use the bundled lists alone"
BROKEN = [
    ("titles.yaml", b"head:\n- Quartermaster\n",
     "file {file}: `head` is not a key of the bundled titles.yaml (did you mean `heads`?); " + FIX),
    ("title.yaml", b"heads: [Quartermaster]\n",
     "folder {folder}: title.yaml is not one of its files (titles.yaml, orgs.yaml, common.yaml, given_names.yaml, "
     "places.yaml, holidays.yaml); did you mean titles.yaml? rename it, or move it out of the folder"),
    ("titles.yaml", b"heads: [Quartermaster\n",
     "file {file}: not valid YAML at line 1 (expected ',' or ']', but got '<stream end>'); " + FIX),
    ("orgs.yaml", b"heads: Syndicate\n",
     "file {file}: `heads` must be a list of words (one `- word` a line), not text; " + FIX),
    ("given_names.yaml", "names:\n- José\n".encode("cp1252"),
     "file {file}: not UTF-8 text (byte 13); save it as UTF-8, or move it aside to use the bundled lists alone"),
]


@pytest.mark.parametrize("name,content,said", BROKEN, ids=[f"{i}-{n}" for i, (n, _, _) in enumerate(BROKEN)])
def test_a_users_cue_file_that_cannot_be_used_is_one_line_naming_it(tmp_path: Path, name: str, content: bytes,
                                                                    said: str) -> None:
    """From `extract` and `index` alike: exit 2, one line naming the user's file (not the bundled one) and saying
    to move it aside, not to reinstall. A misspelt key or file name added nothing and said nothing."""
    home, corpus = tmp_path / "home", tmp_path / "corpus"
    cue_folder(home).mkdir(parents=True)
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"date 2025-03-10 Harbour reopens\n\n{SENTENCE}\n", encoding="utf-8")
    (cue_folder(home) / name).write_bytes(content)
    line = "newsreader: error: the extractor's cue " + said.format(file=cue_folder(home) / name,
                                                                   folder=cue_folder(home))
    for argv, stdin in ((["extract"], json.dumps({"id": 1, "text": SENTENCE}) + "\n"),
                        (["index", "--corpus", str(corpus)], "")):
        proc = newsreader_run(home, *argv, stdin=stdin)
        assert (proc.returncode, proc.stdout, proc.stderr.splitlines()) == (2, "", [line]), argv


@pytest.mark.parametrize("content,said", [
    (b"boilerplate_lines: [share, print\n", "not valid YAML at line 1 (expected ',' or ']', but got '<stream end>')"),
    (b"boilerplate_lines: share\n", "`boilerplate_lines` must be a list of words or patterns (one `- word` a line)"),
    (b"boilerplate_patterns: ['^(share']\n", "a pattern is no regular expression ('^(share': missing ), "
                                              "unterminated subpattern at position 1)"),
    (b"- share\n", "expected a mapping of lists (`key:` lines with `- word` lines under them), not a list"),
])
def test_a_broken_page_cue_file_is_one_line(tmp_path: Path, content: bytes, said: str) -> None:
    """The page parser's cue file (corpus/data/page_cues.yaml) is read as the extractor's are: it was a traceback
    from `parse`, `articles` and `index`."""
    root = tmp_path / "site"
    shutil.copytree(Path(newsreader.__file__).parent, root / "newsreader",
                    ignore=shutil.ignore_patterns("__pycache__"))
    path = root / "newsreader" / "corpus" / "data" / "page_cues.yaml"
    path.write_bytes(content)
    page = tmp_path / "corpus" / "a.txt"
    page.parent.mkdir()
    page.write_text(f"date 2025-03-10 Harbour reopens\n\n{SENTENCE}\n", encoding="utf-8")
    line = (f"newsreader: error: the page parser's cue file {path}: {said}; correct it, or reinstall newsreader to "
            "get the bundled file back")
    for argv in (["parse", str(page)], ["index", "--corpus", str(page.parent)]):
        proc = newsreader_run(tmp_path, *argv, pythonpath=root)
        assert (proc.returncode, proc.stdout, proc.stderr.splitlines()) == (2, "", [line]), argv
