"""The page limit is said as configured: `max_page_mb: 0.5` was said 'the 0 MB page limit'."""

from __future__ import annotations

from newsreader.corpus import loader


def test_a_fractional_page_limit_is_said_as_set() -> None:
    message = loader._over_limit("page.txt", 700_000, int(0.5 * 1024 * 1024), stdin=False).message
    assert "over the 0.5 MB page limit" in message
    assert "over the 10 MB page limit" in loader._over_limit("p", 11 << 20, 10 << 20, stdin=False).message
