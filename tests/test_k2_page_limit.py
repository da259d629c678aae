"""The page limit in sizes a person reads (Q7 #3): `max_page_mb: 0.01` said '0.0 MB is over the
0.00999928 MB page limit' of a 23 KB page."""

from __future__ import annotations

from newsreader.corpus import loader


def said(size: int, limit_mb: float) -> str:
    return loader._over_limit("p", size, int(limit_mb * 1024 * 1024), stdin=False).message


def test_small_limits_are_said_in_kilobytes() -> None:
    assert "p: 23 KB is over the 10 KB page limit, skipped" in said(23 * 1024, 0.01)
    assert "2.8 KB is over the 1 KB page limit" in said(2870, 0.001)
    assert "50 MB is over the 10 KB page limit" in said(50 << 20, 0.01)


def test_a_size_never_reads_as_the_limit() -> None:
    """Digits are added until the two differ: '10 KB is over the 10 KB limit' says nothing."""
    assert "10.3 KB is over the 10.2 KB page limit" in said(10500, 0.01)
    assert "10,485,761 bytes is over the 10 MB page limit" in said((10 << 20) + 1, 10)
