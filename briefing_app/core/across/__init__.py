"""Across the library: what many briefings say together. Never imports Qt.

- ``people``: the same person recognised in several briefings, by name and aliases.
- ``timeline``: the events of many briefings in one date order, the same event shown once.
- ``search_index``: full-text search of whole briefings, kept on disk (SQLite FTS5).
- ``dump``: the merged library as plain JSON-ready data (``--dump-library``).

The rules for matching people and merging events are written out for users in docs/format.md
("Across briefings"); ``folding`` holds the one comparison of text both rely on.
"""
