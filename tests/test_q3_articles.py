"""`newsreader articles` lists from the index when the index is up to date with the pages.

It parsed every page on every run: 2 min 16 s for 28,000 pages whose index `newsreader
index` had just found unchanged (Q2). The listing must be the one parsing gives (ids, order,
titles, dates, the JSON), and the summary line says which way it was made.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.resources import seeds_dir

PAGE = "{title}\n\nThe council met on a quiet morning in {town} and agreed the budget on Monday.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds, pages in a subfolder, a page with no story and an empty one."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), folder)
    (folder / "b").mkdir()
    for n, town in enumerate(["Leeds", "Hull", "York"]):
        (folder / "b" / f"p{n}.txt").write_text(PAGE.format(title=f"Budget agreed in {town}", town=town),
                                              encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _parsing_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages `articles` parses (the loader's parser, by file name)."""
    from newsreader.corpus import loader

    parsed: list[str] = []
    real = loader.parse_page

    def counting(text: str, file: str | None = None, **kw):
        parsed.append(file)
        return real(text, file, **kw)

    monkeypatch.setattr(loader, "parse_page", counting)
    return parsed


def test_articles_lists_from_an_up_to_date_index_as_parsing_does(capsys, corpus: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = _parsing_counted(monkeypatch)
    code, text_parsed, err_parsed = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and "listed from its index" not in err_parsed and parsed
    _, json_parsed, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    parsed.clear()
    code, text_indexed, err_indexed = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and parsed == []  # not one page parsed
    assert text_indexed == text_parsed
    assert "12 articles from 8 pages" in err_indexed and "listed from its index, which is up to date" in err_indexed
    assert "empty.txt: empty file" in err_indexed  # the page the index could not use: said again
    _, json_indexed, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))
    assert json_indexed == json_parsed and len(json.loads(json_indexed)) == 12
    assert parsed == []


@pytest.mark.parametrize("change", ["touch", "add", "remove"])
def test_articles_parses_when_the_index_is_out_of_date(capsys, corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                     change: str) -> None:
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    page = corpus / "b" / "p1.txt"
    if change == "touch":
        page.write_text(PAGE.format(title="Budget refused in Hull", town="Hull"), encoding="utf-8")
        os.utime(page, ns=(1, 1))
    elif change == "add":
        (corpus / "b" / "p9.txt").write_text(PAGE.format(title="Budget agreed in Ely", town="Ely"), encoding="utf-8")
    else:
        page.unlink()
    parsed = _parsing_counted(monkeypatch)
    code, out, err = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and parsed and "its index is out of date" in err
    if change == "touch":
        assert "Budget refused in Hull" in out
    assert ("Budget agreed in Ely" in out) == (change == "add")
    assert ("Budget agreed in Hull" in out) == (change == "add")


def test_articles_walks_the_folder_once_when_it_parses(capsys, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages the index is checked against are the pages parsed: the folder was walked
    a second time for the parse (28,000 pages: a second walk, and a page saved between the
    two was parsed though the check had not seen it)."""
    from newsreader.corpus import loader

    walks: list[Path] = []
    real = loader.iter_page_files
    monkeypatch.setattr(loader, "iter_page_files", lambda root, config, *rest: walks.append(root) or real(root, config, *rest))
    code, _, err = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and "every page parsed" not in err and len(walks) == 1  # no index: parsed
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    (corpus / "b" / "p9.txt").write_text(PAGE.format(title="Budget agreed in Ely", town="Ely"), encoding="utf-8")
    walks.clear()
    code, out, err = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and "its index is out of date" in err and "Budget agreed in Ely" in out and len(walks) == 1


def test_articles_json_array_is_written_as_print_json_writes_it(capsys) -> None:
    """Items are written one at a time (hundreds of megabytes for a big corpus): the same bytes."""
    from newsreader.cli import Context

    class Sink:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def write(self, text: str) -> None:
            self.parts.append(text)

    for data in ([], [{}], [{"a": [1, {"b": "x\ny\u202e"}], "c": None}, [], "s", {"d": {}}]):
        one, two = Sink(), Sink()
        Context(paths=None, config=None, stdout=one).print_json(data)  # type: ignore[arg-type]
        Context(paths=None, config=None, stdout=two).print_json_array(iter(data))  # type: ignore[arg-type]
        assert "".join(two.parts) == "".join(one.parts)


def test_articles_parses_when_the_index_cannot_be_read(capsys, corpus: Path, isolated_home: Path) -> None:
    """A damaged index is no reason to list nothing: parsing needs none."""
    _, listed, _ = run(capsys, "articles", "--corpus", str(corpus))
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    stores = list(isolated_home.rglob("articles.sqlite3"))
    assert len(stores) == 1
    stores[0].write_bytes(b"not a database" * 100)
    for extra in stores[0].parent.glob("articles.sqlite3-*"):
        extra.unlink()
    code, out, err = run(capsys, "articles", "--corpus", str(corpus))
    assert code == 0 and out == listed and "its index cannot be read" in err


def test_a_page_the_index_skipped_and_usable_now_is_listed(capsys, isolated_home: Path, tmp_path: Path) -> None:
    """A page over the page limit when indexed, and under it since (max_page_mb raised):
    `articles` said 'listed from its index, which is up to date' and left its stories out
    (RV13-C 2). The page is read again for its warning; finding stories, the listing parses."""
    import shutil

    from newsreader.resources import seeds_dir

    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    first = sorted(corpus.iterdir())[0]
    text = first.read_text(encoding="utf-8")
    more = (f"In session {n}, the delegates said the talks on the border would go on next week." for n in range(9000))
    (corpus / "big.txt").write_text(text + "\n\n" + "\n\n".join(more), encoding="utf-8")
    assert (corpus / "big.txt").stat().st_size > 700_000
    config = isolated_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("max_page_mb: 0.5\n", encoding="utf-8")
    assert main(["index", "--corpus", str(corpus)]) == 0
    assert main(["articles", "--corpus", str(corpus), "--json"]) == 0
    before = {a["file"] for a in json.loads(capsys.readouterr().out)}
    assert "big.txt" not in before
    config.write_text("max_page_mb: 5\n", encoding="utf-8")
    assert main(["articles", "--corpus", str(corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "big.txt" in {a["file"] for a in json.loads(out)}, err


@pytest.mark.parametrize("sort", ["date", "oldest"])
def test_articles_sort_by_date_both_ways_undated_last(capsys, corpus: Path, sort: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`articles --sort oldest` (Q9: a timeline was read backwards from the CLI): the same
    order whether the pages are parsed or listed from the index, undated stories last."""
    code, parsed, _ = run(capsys, "articles", "--corpus", str(corpus), "--json", "--sort", sort)
    assert code == 0
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    pages = _parsing_counted(monkeypatch)
    code, listed, _ = run(capsys, "articles", "--corpus", str(corpus), "--json", "--sort", sort)
    assert code == 0
    assert listed == parsed and pages == []  # (listed from the index)
    dates = [a["date"] for a in json.loads(listed)]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=sort == "date") and len(set(dated)) > 2
    assert 0 < len(dated) < len(dates) and dates[len(dated):] == [None] * (len(dates) - len(dated))
