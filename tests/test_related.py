"""Related stories: ranking on the seeds, reasons, page links, copies, errors, the CLI."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.config import Config
from newsreader.errors import UserError
from newsreader.resources import seeds_dir
from newsreader.search import Library
from newsreader.search.related import PAGE_REASON, RelatedFinder, copies_of, related_stories

# The seeds: Pakistan / Iran / Israel war stories, and two that are about something else.
WAR = {"d9ec04ca", "376aca01", "821286c7", "f752bf61", "921700fc", "52064b84", "dbf5148f"}
OTHER = {"807a897b", "b1379ced"}  # Libya defence visit, Pakistan shipping fleet
WAR_2025 = WAR - {"f752bf61", "821286c7"}  # the June 2025 Israel-Iran war itself


def short(article_id: str) -> str:
    return article_id.rsplit("-", 1)[-1]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base = tmp_path_factory.mktemp("related")
    library = Library(base / "index", seeds_dir(), Config())
    library.update()
    yield library
    library.close()


@pytest.fixture(scope="module")
def ids(seeds: Library) -> dict[str, str]:
    return {short(r.id): r.id for r in seeds.list_rows(0, 100)}


def test_seed_ids_are_the_expected_stories(ids: dict[str, str]) -> None:
    assert set(ids) == WAR | OTHER


@pytest.mark.parametrize("story", sorted(WAR))
def test_war_stories_link_to_each_other_first(seeds: Library, ids: dict[str, str], story: str) -> None:
    ranked = [short(s.id) for s in RelatedFinder(seeds).related(ids[story], limit=20)]
    assert story not in ranked and set(ranked) <= WAR | OTHER
    assert set(ranked[:3]) <= WAR, ranked
    # On average the war stories sit above the shipping and Libya stories.
    war_ranks = [i for i, s in enumerate(ranked) if s in WAR]
    other_ranks = [i for i, s in enumerate(ranked) if s in OTHER] or [len(ranked)]
    assert sum(war_ranks) / len(war_ranks) < sum(other_ranks) / len(other_ranks)


@pytest.mark.parametrize("story", sorted(WAR_2025))
def test_june_2025_war_stories_all_come_before_shipping_and_libya(seeds: Library, ids: dict[str, str],
                                                                 story: str) -> None:
    """The strict reading, for the reports of the June 2025 Israel-Iran war itself (the 2024
    Haniyeh story and the May 2025 Gaza story are Iran-Pakistan-Israel stories, but about
    other events): every other one of them ranks before the shipping and Libya stories."""
    ranked = [short(s.id) for s in RelatedFinder(seeds).related(ids[story], limit=20)]
    war = [i for i, s in enumerate(ranked) if s in WAR_2025]
    others = [i for i, s in enumerate(ranked) if s in OTHER]
    assert len(war) == len(WAR_2025) - 1, ranked
    assert not others or max(war) < min(others), ranked


def test_why_names_real_shared_entities(seeds: Library, ids: dict[str, str]) -> None:
    finder = RelatedFinder(seeds)
    for story in sorted(WAR | OTHER):
        base = seeds.get(ids[story])
        assert base is not None
        base_names = {e["name"] for e in base.entities}
        for rel in finder.related(ids[story]):
            other = seeds.get(rel.id)
            assert other is not None
            other_names = {e["name"] for e in other.entities}
            assert rel.why, rel
            for reason in rel.why:
                if reason.startswith("shared "):
                    names = reason.split(": ", 1)[1].split(", ")
                    assert all(n in base_names and n in other_names for n in names), reason


def test_why_for_the_pakistan_stories(seeds: Library, ids: dict[str, str]) -> None:
    # d9ec04ca and f752bf61 both quote Ishaq Dar and mention the OIC.
    rel = {short(s.id): s for s in related_stories(seeds, ids["d9ec04ca"])}
    why = " | ".join(rel["f752bf61"].why)
    assert "shared people: Ishaq Dar" in why
    assert "shared organisations: " in why
    assert any(r.startswith("key terms: ") for r in rel["f752bf61"].why)


def test_page_declared_links(seeds: Library, ids: dict[str, str]) -> None:
    listed = {"52064b84", "dbf5148f", "b1379ced"}  # the "Related Articles" block of 921700fc
    rel = {short(s.id): s for s in RelatedFinder(seeds).related(ids["921700fc"], limit=20)}
    for story in listed:
        assert PAGE_REASON in rel[story].why
    for story in set(rel) - listed:
        assert PAGE_REASON not in rel[story].why
    # Seen from the other side too: the listed story links back.
    back = {short(s.id): s for s in RelatedFinder(seeds).related(ids["b1379ced"], limit=20)}
    assert PAGE_REASON in back["921700fc"].why


def test_same_event_first_then_by_score(seeds: Library, ids: dict[str, str]) -> None:
    finder = RelatedFinder(seeds)
    for story in ids.values():
        rel = finder.related(story, limit=5)
        assert 3 <= len(rel) <= 5
        assert story not in [s.id for s in rel]
        flags = [s.same_event for s in rel]
        assert flags == sorted(flags, reverse=True)  # same-event stories come first
        for flag in (True, False):
            scores = [s.score for s in rel if s.same_event is flag]
            assert scores == sorted(scores, reverse=True)


def test_a_page_link_alone_does_not_make_the_same_event(seeds: Library, ids: dict[str, str]) -> None:
    rel = {short(s.id): s for s in RelatedFinder(seeds).related(ids["921700fc"], limit=20)}
    assert not rel["b1379ced"].same_event  # the shipping story, listed by the war page


def test_stories_dated_months_apart_are_not_the_same_event(seeds: Library, ids: dict[str, str]) -> None:
    """The June 2025 strikes on Iran and the August 2024 killing of Hamas's leader in Tehran
    were flagged "same event" (shared names and words): two dated stories further apart
    than `far_days` that name no common day may be similar, not the same event."""
    import datetime as dt

    finder = RelatedFinder(seeds)
    far_pairs = 0
    for story in ids.values():
        date = seeds.get(story).article.date
        for rel in finder.related(story, limit=20):
            if date and rel.date:
                gap = abs((date - dt.date.fromisoformat(rel.date)).days)
                if gap > finder.weights.far_days and not any(w.startswith("dates: ") for w in rel.why):
                    far_pairs += 1
                    assert not rel.same_event, (story, rel.id, gap, rel.why)
    assert far_pairs  # the seeds hold such pairs


def test_unknown_id(seeds: Library) -> None:
    with pytest.raises(UserError, match="no article with id 'nope'"):
        RelatedFinder(seeds).related("nope")


# --- copies ----------------------------------------------------------------------------

STORY = (
    " date 2025-06-20 Israel and Iran exchange missile strikes for a seventh day\n\n"
    "TEHRAN: Iran and Israel traded missile strikes again on Friday as diplomats in Geneva "
    "sought a ceasefire. Israel said its jets struck nuclear sites near Isfahan and Natanz.\n\n"
    "Iranian Foreign Minister Abbas Araghchi met European ministers in Geneva, where the "
    "talks ended without agreement on Friday evening.\n"
)
FOLLOW_UP = (
    " date 2025-06-21 Geneva talks on Iran end without a ceasefire\n\n"
    "GENEVA: Talks between Iranian Foreign Minister Abbas Araghchi and European ministers "
    "ended without a ceasefire on Friday, as Israel and Iran traded missile strikes.\n\n"
    "Israel said it hit nuclear sites at Natanz; Iran fired missiles at Haifa.\n"
)
UNRELATED = (
    " date 2024-12-30 Pakistan win the third test against South Africa\n\n"
    "CAPE TOWN: Pakistan beat South Africa by six wickets in the third test on Monday, "
    "with Babar Azam scoring a century.\n\n"
    "The captain praised the bowlers after the match.\n"
)


@pytest.fixture()
def copies_lib(tmp_path: Path) -> Library:
    corpus = tmp_path / "corpus"
    for name, text in {"a/strikes.txt": STORY, "b/strikes-copy.txt": STORY,
                       "a/talks.txt": FOLLOW_UP, "a/cricket.txt": UNRELATED}.items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    library = Library(tmp_path / "index", corpus, Config())
    library.update()
    yield library
    library.close()


def _by_file(library: Library) -> dict[str, str]:
    return {library.get(r.id).article.file: r.id for r in library.list_rows(0, 10)}  # type: ignore[union-attr]


def test_copies_are_grouped_not_related(copies_lib: Library) -> None:
    ids = _by_file(copies_lib)
    original, copy = ids["a/strikes.txt"], ids["b/strikes-copy.txt"]
    finder = RelatedFinder(copies_lib)
    # The article's own copy is not offered as related; it is reported as a copy.
    assert copy not in [s.id for s in finder.related(original)]
    assert finder.copies(original) == [copy]
    assert copies_of(copies_lib, copy) == [original]
    # Seen from another story, the two copies are one story with its copy.
    rel = finder.related(ids["a/talks.txt"])
    shown = [s.id for s in rel]
    assert len({original, copy} & set(shown)) == 1
    story = next(s for s in rel if s.id in (original, copy))
    assert story.copies == [copy if story.id == original else original]
    assert rel[0].id == story.id and rel[0].same_event
    assert "shared people: Abbas Araghchi" in rel[0].why
    # Published a day apart, both talking about that Friday.
    assert any(r.startswith(("dates: ", "published ")) for r in rel[0].why), rel[0].why


def test_different_stories_are_not_copies(copies_lib: Library) -> None:
    ids = _by_file(copies_lib)
    finder = RelatedFinder(copies_lib)
    assert finder.copies(ids["a/talks.txt"]) == []
    assert all(not s.copies for s in finder.related(ids["a/cricket.txt"]))


# --- CLI -------------------------------------------------------------------------------


def test_cli_related_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index"]) == 0
    capsys.readouterr()
    target = next(a for a in json.loads(_run(["articles", "--json"], capsys)) if short(a["id"]) == "921700fc")
    out = json.loads(_run(["related", target["id"], "--json", "--limit", "3"], capsys))
    assert isinstance(out, list) and len(out) == 3
    for item in out:
        assert {"id", "title", "score", "why"} <= set(item)
        assert isinstance(item["score"], float) and isinstance(item["why"], list)
        assert all(isinstance(r, str) for r in item["why"])
    assert [i["score"] for i in out] == sorted((i["score"] for i in out), reverse=True)
    text = _run(["related", target["id"]], capsys)
    assert "listed as related by the page" in text


def test_cli_related_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index"]) == 0
    capsys.readouterr()
    assert main(["related", "no-such-story"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no article with id 'no-such-story'" in err and "Traceback" not in err


def test_cli_related_builds_a_missing_index_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["related", "anything"]) == 1
    err = capsys.readouterr().err
    assert "indexing" in err and "no article with id 'anything'" in err


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


# --- ECB+ (skipped without ../shared/data) ---------------------------------------------


def _bench() -> object:
    path = Path(__file__).resolve().parents[1] / "bench" / "eval_related.py"
    spec = importlib.util.spec_from_file_location("eval_related", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_ecbplus_same_event_first(shared_data: Path, tmp_path: Path) -> None:
    """Two topics (four real events): the same event ranks before the merely similar one,
    at least as well as plain more-like-this."""
    bench = _bench()
    data = shared_data / "ecbplus_dev"
    docs = [d for d in bench.load_module(data).load() if d["topic"] in (1, 3)]  # type: ignore[attr-defined]
    library, by_id = bench.build_index(docs, tmp_path / "ecb")  # type: ignore[attr-defined]
    try:
        ours = bench.evaluate(bench.ours(library), by_id, {1, 3})  # type: ignore[attr-defined]
        plain = bench.evaluate(bench.plain_mlt(library), by_id, {1, 3})  # type: ignore[attr-defined]
    finally:
        library.close()
    assert ours["P@1"] >= 0.9 and ours["P@3"] >= 0.85
    assert ours["MAP"] >= plain["MAP"]
