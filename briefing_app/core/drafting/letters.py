"""Capital and small letters of any script ("Łukasz", "Yıldız", "Álvarez") in the drafting patterns.

``re`` has no classes for letter case, and spelling Unicode's capitals out as a class makes each
pattern take milliseconds to compile. So the patterns take any letter but a-z as a possible
capital and any letter but A-Z as a possible small letter, which is exact for English text, and
:func:`capitalised` settles the case of the rest.
"""

from __future__ import annotations

import re

LETTER = r"[^\W\d_]"
CAPITAL = r"[^\W\d_a-z]"  # or a small letter outside ASCII: check with capitalised()
SMALL = r"[^\W\d_A-Z]"  # or a capital outside ASCII: check with capitalised()
JOINERS = "-’'ʼ"  # inside a name: "Jean-Pierre", "Nagorno-Karabakh", "Erdoğan’s"

_FIRST_PART = re.compile(f"[^{JOINERS}]*")


def capitalised(word: str) -> bool:
    """ "Yıldız", "Łukasz", "Jean-Pierre" are; "NATO", "élan", "İSTANBUL" are not.

    After a hyphen or an apostrophe any case goes, as the patterns allow ("Nagorno-Karabakh").
    """
    first = _FIRST_PART.match(word)
    head = first.group() if first else word
    return len(head) >= 2 and head[0].isupper() and head[1:].islower()


def starts_capitalised(words: str) -> bool:
    """Every word begins with a capital: "Emre Yıldız" does, "Emre über" does not."""
    return all(word[:1].isupper() for word in words.split())
