"""Links in a corpus folder: a linked file was a second story with a second id, a linked
folder was skipped without a word, and a loop back to the root must not hang the walk."""

from __future__ import annotations

from pathlib import Path

from newsreader.config import Config
from newsreader.corpus.loader import iter_page_files, load_corpus

PAGE = "{title}\n\nThe council met on a quiet morning and agreed the budget for the coming year.\n"


def make(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(PAGE.format(title="Council agrees the budget"))
    elsewhere = tmp_path / "other disk"
    elsewhere.mkdir()
    (elsewhere / "far.txt").write_text(PAGE.format(title="Far story arrives by link"))
    return corpus, elsewhere


def names(corpus: Path) -> list[str]:
    return [p.relative_to(corpus).as_posix() for p in iter_page_files(corpus, Config())]


def test_a_linked_file_is_read_once_by_its_own_name(tmp_path: Path) -> None:
    corpus, _ = make(tmp_path)
    (corpus / "b-link.txt").symlink_to(corpus / "a.txt")
    (corpus / "sub" / "0-first-link.txt").symlink_to(corpus / "a.txt")
    assert names(corpus) == ["a.txt"]
    titles = [a.title for a in load_corpus(corpus, Config()).articles]
    assert titles == ["Council agrees the budget"]


def test_a_link_to_a_file_outside_is_read(tmp_path: Path) -> None:
    corpus, elsewhere = make(tmp_path)
    (corpus / "far.txt").symlink_to(elsewhere / "far.txt")
    assert names(corpus) == ["a.txt", "far.txt"]


def test_a_linked_folder_is_read_and_loops_end(tmp_path: Path) -> None:
    corpus, elsewhere = make(tmp_path)
    (corpus / "sub" / "linked").symlink_to(elsewhere)
    (corpus / "sub" / "again").symlink_to(elsewhere)  # the same folder twice: read once
    (corpus / "sub" / "loop").symlink_to(corpus)  # back to the root
    (elsewhere / "up").symlink_to(corpus / "sub")  # and a loop through the linked folder
    assert names(corpus) == ["a.txt", "sub/again/far.txt"]


def test_a_link_to_nothing_stays_listed_to_be_said(tmp_path: Path) -> None:
    corpus, _ = make(tmp_path)
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    said: list[str] = []
    corpus_read = load_corpus(corpus, Config(), warn=said.append)
    assert [a.title for a in corpus_read.articles] == ["Council agrees the budget"]
    assert len(said) == 1 and "gone.txt: a link to" in said[0] and "which does not exist" in said[0]


def test_the_folder_a_browser_saves_beside_a_page_is_not_read(tmp_path: Path) -> None:
    """"Save page as (complete)" writes `Page.html` and `Page_files/` (Chrome in German:
    `Page-Dateien/`) with the page's frames as .html files: ads and embedded posts, no stories.
    A folder that only ends so, with no page of its name beside it, is read."""
    corpus, _ = make(tmp_path)
    config = Config(extensions=[".txt", ".html"])
    for folder in ("Budget_files", "Wahl-Dateien", "notes_files"):
        (corpus / folder).mkdir()
        (corpus / folder / "frame.html").write_text("<html><body><p>An advert in a frame.</p></body></html>")
    (corpus / "Budget.html").write_text("<html><body><h1>Budget day</h1><p>The budget was set today.</p></body></html>")
    (corpus / "wahl.HTM").write_text("<html><body><h1>Wahl</h1><p>Die Wahl war heute.</p></body></html>")
    found = [p.relative_to(corpus).as_posix() for p in iter_page_files(corpus, config)]
    assert found == ["Budget.html", "a.txt", "notes_files/frame.html"]
