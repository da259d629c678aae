"""A feed's channel title and a saved page's site name are the source of their stories in every
command: the index (search hits, `show`), `articles` either way and `parse`."""

from __future__ import annotations

import json
from pathlib import Path


from tests.test_corpus_cli import run

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>World News</title>
<item><title>Floods in Valencia kill dozens</title><pubDate>Wed, 30 Oct 2024 10:00:00 GMT</pubDate>
<description>Flash floods in the Spanish region of Valencia killed at least 51 people, officials said.</description>
</item></channel></rss>"""


def test_the_channel_is_the_source_everywhere(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "world.rss").write_text(RSS)
    (tmp_path / "home" / "config").mkdir(parents=True)  # (the test's NEWSREADER_HOME: conftest)
    (tmp_path / "home" / "config" / "config.yaml").write_text("extensions: [.txt, .rss]\n")
    _, out, _ = run(capsys, "parse", "--json", str(corpus / "world.rss"))
    assert [a["source"] for a in json.loads(out)["articles"]] == ["World News"]
    _, out, _ = run(capsys, "articles", "--json", "--corpus", str(corpus))  # parsed (no index yet)
    parsed = json.loads(out)
    assert [a["source"] for a in parsed] == ["World News"]
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    _, out, err = run(capsys, "articles", "--json", "--corpus", str(corpus))  # from the index
    assert json.loads(out) == parsed and "every page parsed" not in err
    code, out, _ = run(capsys, "search", "--json", "--corpus", str(corpus), "source:world")
    assert code == 0 and [h["source"] for h in json.loads(out)["hits"]] == ["World News"]
