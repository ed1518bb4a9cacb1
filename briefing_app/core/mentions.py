"""Finding where panel entries are mentioned: people by name, alias or unambiguous surname; figures and
timeline events by their quote."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_app.core.links import EntryRef
from briefing_app.core.model import KeyFigure, Person, TimelineEvent

# Quotes written in YAML often use straight marks where the text has typographic ones.
_EQUIVALENT = {
    "'": "['’‘]", "’": "['’‘]", "‘": "['’‘]",
    '"': '["“”]', "“": '["“”]', "”": '["“”]',
    "-": "[-‐‑–—]", "–": "[-‐‑–—]", "—": "[-‐‑–—]",
}  # fmt: skip
_MINISTRIES = ("Foreign", "Defence", "Defense", "Finance", "Interior", "Economy", "Energy",
               "Justice", "Health")  # fmt: skip
_TITLES = (
    "President", "Vice President", "Vice-President", "Prime Minister", "Deputy Prime Minister",
    *(f"{ministry} Minister" for ministry in _MINISTRIES), "Minister", "Ambassador", "Senator",
    "Governor", "Chancellor", "Secretary of State", "Mayor", "Speaker", "Gen.", "General", "Dr.",
    "Mr.", "Mrs.", "Ms.",
)  # fmt: skip


def _titles_pattern(titles: Iterable[str]) -> str:
    """The titles as one pattern that opens with a class of their first letters, so the engine
    skips in C to where one could start (as :func:`_alternation` explains)."""
    by_first: dict[str, list[str]] = {}
    for title in titles:
        by_first.setdefault(title[0], []).append(re.escape(title[1:]))
    branches = (f"(?<={first})(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return f"[{''.join(by_first)}](?:{'|'.join(branches)})"


_NAME_AFTER_TITLE = re.compile(
    _titles_pattern(_TITLES) + r" ((?:[A-Z][\w'’\-]+)(?: [A-Z][\w'’\-]+){0,2})"
)


@dataclass(frozen=True)
class Match:
    target: EntryRef
    start: int
    end: int


class MentionFinder:
    """One compiled pattern per kind of mention, built once per briefing."""

    def __init__(
        self,
        people: list[Person],
        key_figures: list[KeyFigure],
        timeline: list[TimelineEvent],
    ) -> None:
        self._person_terms = _person_terms(people)
        self._person_pattern = _alternation(self._person_terms, words=True)
        self._quote_targets: dict[str, list[EntryRef]] = {}
        for index, figure in enumerate(key_figures):
            self._add_quote(figure.quote or figure.value, EntryRef("figure", index))
        for index, event in enumerate(timeline):
            if event.quote:
                self._add_quote(event.quote, EntryRef("timeline", index))
        self._quote_pattern = _alternation(
            {_canonical(q): q for q in self._quote_targets}, words=False
        )

    def _add_quote(self, quote: str, target: EntryRef) -> None:
        self._quote_targets.setdefault(_canonical(quote), []).append(target)

    def find(self, text: str) -> list[Match]:
        """Every mention in ``text``, ordered by start, outer spans before those inside them."""
        matches: list[Match] = []
        if self._person_pattern:
            for found in self._person_pattern.finditer(text):
                key = _canonical(found.group())
                for target in self._person_terms.get(key, ()):
                    matches.append(Match(target, found.start(), found.end()))
        if self._quote_pattern:
            for found in self._quote_pattern.finditer(text):
                for target in self._quote_targets.get(_canonical(found.group()), ()):
                    matches.append(Match(target, found.start(), found.end()))
        matches.sort(key=lambda m: (m.start, -m.end))
        return matches


def _person_terms(people: list[Person]) -> dict[str, list[EntryRef]]:
    """Map each canonical name, alias and unambiguous surname to the people it names."""
    terms: dict[str, list[EntryRef]] = {}
    surnames: Counter[str] = Counter()
    for person in people:
        for word in set(person.name.split()):
            surnames[word] += 1
    for index, person in enumerate(people):
        target = EntryRef("person", index)
        names = [person.name, *person.aliases]
        parts = person.name.split()
        if len(parts) > 1 and len(parts[-1]) > 2 and surnames[parts[-1]] == 1:
            names.append(parts[-1])
        for name in names:
            key = _canonical(name)
            if key and target not in terms.setdefault(key, []):
                terms[key].append(target)
    return terms


def _canonical(text: str) -> str:
    """Fold typographic variants so a straight-quoted YAML phrase finds a curly-quoted text."""
    text = " ".join(text.split()).translate(_FOLD)
    return text[:1].lower() + text[1:] if text[:1].isupper() and text[1:2].islower() else text


_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}
)


def _alternation(terms: Iterable[str], *, words: bool) -> re.Pattern[str] | None:
    """One pattern for all terms, shaped as a trie so each position fails fast however many there are.

    It opens with a class of every first character, which the regular-expression engine scans
    for in C; a pattern opening with an assertion or a group is tried at every position of the
    text instead (four times slower on 2 MB). The first character is therefore consumed at once,
    and each branch checks with a look-behind which one it was.
    """
    trie: dict[str, dict] = {}
    for term in terms:
        if not term:
            continue
        node = trie
        for position, char in enumerate(term):
            key = char.lower() if position == 0 else char
            node = node.setdefault(key, {})
        node[""] = {}  # a term ends here
    if not trie:
        return None
    firsts = sorted(trie)
    opening = (
        "[" + "".join(re.escape(c) for c in sorted(set().union(*map(_matching, firsts)))) + "]"
    )
    after_word_start = r"(?<!\w.)" if words else ""  # nothing of a word before the first character
    if len(firsts) == 1:
        body = _trie_pattern(trie[firsts[0]])
    else:
        branches = [f"(?<={_char_pattern(c, True)}){_trie_pattern(trie[c])}" for c in firsts]
        body = "(?:" + "|".join(branches) + ")"
    return re.compile(opening + after_word_start + body + (r"(?!\w)" if words else ""))


def _matching(first: str) -> set[str]:
    """The characters a term's first character matches: both cases, or its typographic variants."""
    if first in _EQUIVALENT:
        return set(_EQUIVALENT[first].strip("[]"))
    return {first.lower(), first.upper()}


def _trie_pattern(node: dict[str, dict]) -> str:
    # A run of single-child nodes (most of a long quote) is written out in one loop.
    chain = []
    while len(node) == 1 and "" not in node:
        ((char, child),) = node.items()
        chain.append(_char_pattern(char, False))
        node = child
    prefix = "".join(chain)
    ends_here = "" in node
    branches = []
    for char in sorted(key for key in node if key):
        branches.append(_char_pattern(char, False) + _trie_pattern(node[char]))
    if not branches:
        return prefix
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # longer terms first, the term ending here as the fallback
        return f"{prefix}(?:{body})?"
    return prefix + body


@functools.lru_cache(maxsize=1024)
def _char_pattern(char: str, first: bool) -> str:
    if char == " ":
        return r"\s+"
    if char in _EQUIVALENT:
        return _EQUIVALENT[char]
    if first and char.lower() != char.upper():  # "the chief executive" may also start a sentence
        return f"[{char.lower()}{char.upper()}]"
    return re.escape(char)


def titled_names(text: str) -> list[tuple[str, int]]:
    """Names that follow a title ("President Isaac Herzog"), with their offset in ``text``."""
    found: list[tuple[str, int]] = []
    offset = 0
    # Line by line: a name never spans one.
    for line in text.split("\n"):
        found.extend((m.group(1), offset + m.start(1)) for m in _NAME_AFTER_TITLE.finditer(line))
        offset += len(line) + 1
    return found
