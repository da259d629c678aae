"""Locate the files that ship with newsreader (bundled seeds and themes).

In a wheel they live inside the package (`newsreader/seeds`); in a source checkout they sit
beside it at the top level. Both layouts must work, so look in the package first.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """Return the folder of bundled `name` ("seeds" or "themes")."""
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def seeds_dir() -> Path:
    return bundled_dir("seeds")


def themes_dir() -> Path:
    return bundled_dir("themes")


def cues_dir() -> Path:
    """The bundled cue files (`extract.resources` reads them as package data), named here so that
    `paths` can show them without importing the extractor (a tenth of a second)."""
    return _PACKAGE_DIR / "extract" / "data"
