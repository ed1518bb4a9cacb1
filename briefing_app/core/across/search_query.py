"""What a user types, made into an FTS5 query that cannot fail; snippets made into pieces.

FTS5 has a query language (``AND``, ``NEAR(``, ``*``, ``"``, ``col:``) that a user searching
for words does not mean to use, and a stray quote in it is a syntax error. So every word the
user types is quoted as a phrase of its own, and only two things are read: "a quoted phrase",
and the last word as a prefix while it is being typed ("gda" finds "Gdańsk").
"""

from __future__ import annotations

import re

# Around the matched words in a snippet: characters no briefing keeps (the index strips them).
MARK_START, MARK_END = "\x02", "\x03"
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
_LETTER_OR_DIGIT = re.compile(r"\w")
_MARKED = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)


def fts_query(text: str) -> str | None:
    """The FTS5 query for ``text``: its words and quoted phrases all required; None when it has
    nothing to look up (only punctuation, or nothing)."""
    phrases = []
    for found in _PHRASE_OR_WORD.finditer(text):
        words = found[1] if found[1] is not None else found[2].replace('"', " ")
        if _LETTER_OR_DIGIT.search(words):
            phrases.append('"' + " ".join(words.split()) + '"')
    if not phrases:
        return None
    still_typing = not text[-1:].isspace() and not text.rstrip().endswith('"')
    return " ".join(phrases) + ("*" if still_typing else "")


def snippet_pieces(snippet: str) -> tuple[tuple[str, bool], ...]:
    """FTS5's snippet, marked with ``MARK_START``/``MARK_END``, as (text, matched) pieces."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for found in _MARKED.finditer(snippet):
        if found.start() > last:
            pieces.append((snippet[last : found.start()], False))
        pieces.append((found[1], True))
        last = found.end()
    if last < len(snippet):
        pieces.append((snippet[last:], False))
    return tuple(pieces)
