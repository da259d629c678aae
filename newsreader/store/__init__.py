"""Bookmarks, read marks, saved searches and preferences: the state users cannot rebuild."""

from newsreader.store.db import Bookmark, Counts, MergeResult, SavedSearch, Store, normalize_tags

__all__ = ["Bookmark", "Counts", "MergeResult", "SavedSearch", "Store", "normalize_tags"]
