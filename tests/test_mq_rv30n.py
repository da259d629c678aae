"""RV30-N #0 (MQ): a fault inside Whoosh's matching while a query runs is no damaged index: one line, no rebuild;
an assertion raised elsewhere (reading a file) still says the index is damaged."""

from __future__ import annotations

import pytest

from newsreader.errors import IndexNeedsRebuild, UserError


def test_an_assertion_in_whoosh_matching_is_a_search_fault_not_damage(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from whoosh.matching.wrappers import RequireMatcher

    from newsreader.search import entity
    from tests.test_n1_name_parts import index_stories
    from tests.test_n3_names import TITLED

    lib = index_stories(tmp_path, TITLED)
    try:
        # Whoosh's own Require matcher, whose top-N skipping fails an assertion (the fault mended in entity._Filter)
        monkeypatch.setattr(entity._FilterMatcher, "supports_block_quality", RequireMatcher.supports_block_quality)
        with pytest.raises(UserError) as caught:
            lib.search('person:"Pope Francis"', limit=5)
        assert not isinstance(caught.value, IndexNeedsRebuild)
        assert "search library" in caught.value.message and "AssertionError" in caught.value.message
        monkeypatch.undo()
        assert len(lib.search('person:"Pope Francis"', limit=5).hits) == 5
    finally:
        lib.close()


def test_an_assertion_outside_whoosh_matching_still_says_damaged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_n1_name_parts import index_stories
    from tests.test_n3_names import STORIES

    lib = index_stories(tmp_path, STORIES)
    try:
        with pytest.raises(IndexNeedsRebuild):
            with lib.reading():
                raise AssertionError("a garbled block")
    finally:
        lib.close()
