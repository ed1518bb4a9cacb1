"""Finding where panel entries are mentioned: people by name, alias or unambiguous surname; figures and
timeline events by their quote."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_app.core.model import KeyFigure, MentionKind, Person, TimelineEvent

# Quotes written in YAML often use straight marks where the text has typographic ones.
_EQUIVALENT = {
    "'": "['’‘]", "’": "['’‘]", "‘": "['’‘]",
    '"': '["“”]', "“": '["“”]', "”": '["“”]',
    "-": "[-‐‑–—]", "–": "[-‐‑–—]", "—": "[-‐‑–—]",
}  # fmt: skip
_TITLES = (
    r"(?:President|Vice[ -]President|Prime Minister|Deputy Prime Minister|"
    r"(?:Foreign|Defen[cs]e|Finance|Interior|Economy|Energy|Justice|Health) Minister|Minister|"
    r"Ambassador|Senator|Governor|Chancellor|Secretary of State|Mayor|Speaker|"
    r"Gen\.|General|Dr\.|Mr\.|Mrs\.|Ms\.)"
)
_NAME_AFTER_TITLE = re.compile(_TITLES + r" ((?:[A-Z][\w'’\-]+)(?: [A-Z][\w'’\-]+){0,2})")


@dataclass(frozen=True)
class Target:
    kind: MentionKind
    index: int


@dataclass(frozen=True)
class Match:
    target: Target
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
        self._quote_targets: dict[str, list[Target]] = {}
        for index, figure in enumerate(key_figures):
            self._add_quote(figure.quote or figure.value, Target("figure", index))
        for index, event in enumerate(timeline):
            if event.quote:
                self._add_quote(event.quote, Target("timeline", index))
        self._quote_pattern = _alternation(
            {_canonical(q): q for q in self._quote_targets}, words=False
        )

    def _add_quote(self, quote: str, target: Target) -> None:
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


def _person_terms(people: list[Person]) -> dict[str, list[Target]]:
    """Map each canonical name, alias and unambiguous surname to the people it names."""
    terms: dict[str, list[Target]] = {}
    surnames: Counter[str] = Counter()
    for person in people:
        for word in set(person.name.split()):
            surnames[word] += 1
    for index, person in enumerate(people):
        target = Target("person", index)
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
    """One pattern for all terms, shaped as a trie so each position fails fast however many there are."""
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
    body = _trie_pattern(trie, first=True)
    return re.compile(rf"(?<!\w){body}(?!\w)" if words else body)


def _trie_pattern(node: dict[str, dict], first: bool = False) -> str:
    # A run of single-child nodes (most of a long quote) is written out in one loop.
    chain = []
    while len(node) == 1 and "" not in node:
        ((char, child),) = node.items()
        chain.append(_char_pattern(char, first))
        node, first = child, False
    prefix = "".join(chain)
    ends_here = "" in node
    branches = []
    for char in sorted(key for key in node if key):
        branches.append(_char_pattern(char, first) + _trie_pattern(node[char]))
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
    # Line by line (a name never spans one): a single scan of a 2 MB text keeps Python's lock
    # for 100 ms, and the window waits that long while a big file loads on a thread.
    for line in text.split("\n"):
        found.extend((m.group(1), offset + m.start(1)) for m in _NAME_AFTER_TITLE.finditer(line))
        offset += len(line) + 1
    return found
