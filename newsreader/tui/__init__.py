"""The reader: a keyboard-driven Textual app over an indexed corpus.

Nothing here parses pages or extracts entities: everything shown comes from the index
(`newsreader.search.library.Library`) and the bookmarks store (`newsreader.store.Store`).
"""
