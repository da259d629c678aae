"""A link to nothing in the corpus folder: `articles` said "index out of date" for ever after
`index` had run (and parsed every page on every call), and `index` and the reader said "no such
file" where `articles` said what the link points at."""

from __future__ import annotations

from pathlib import Path


from tests.test_corpus_cli import run

PAGE = "A fine title for a page\n\nThe council met on a quiet morning and agreed the budget.\n"


def test_articles_lists_from_the_index_despite_a_link_to_nothing(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(PAGE)
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, index_err = run(capsys, "index", "--corpus", str(corpus))
    assert code == 0
    code, out, err = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and "A fine title" in out
    assert "out of date" not in err and "every page parsed" not in err, err
    (index_line,) = [line for line in index_err.splitlines() if "gone.txt" in line]
    (articles_line,) = [line for line in err.splitlines() if "gone.txt" in line]
    wording = "which does not exist; skipped (point the link at the page, or remove it)"
    assert wording in index_line and wording in articles_line
    # A page the index recorded that is gone is still an index out of date.
    (corpus / "good.txt").unlink()
    (corpus / "other.txt").symlink_to(tmp_path / "nowhere2.txt")
    code, out, err = run(capsys, "articles", "--corpus", str(corpus))
    assert "out of date" in err
