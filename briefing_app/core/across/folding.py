"""Comparing names and event texts as a reader would: case and accents do not tell two apart."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic quotes and dashes, compared as the plain ones a keyboard types ("O’Brien").
_PLAIN_MARKS = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}
)
_WORDS = re.compile(r"\w+")
# Left out when comparing event texts: "opens an embassy" and "opens embassy" say the same.
_ARTICLES = frozenset({"a", "an", "the"})


# Remembered: a library names the same people and places again and again.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """``text`` without accents, case or extra spacing: "Erdoğan" and "ERDOGAN" fold alike.

    Accents are the combining marks Unicode splits off a letter (NFKD); a letter of its own such
    as "ł" or "ø" stays, as the search index's tokenizer keeps it.
    """
    text = text.translate(_PLAIN_MARKS)
    if not text.isascii():  # ASCII has nothing to decompose, and most names are ASCII
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


@lru_cache(maxsize=1 << 16)
def fold_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` folded, without punctuation or the articles a, an and the: two
    event texts with the same words in the same order say the same thing."""
    return tuple(word for word in _WORDS.findall(fold(text)) if word not in _ARTICLES)
