"""The same person in several briefings, recognised by name and aliases, never by guessing.

The rules (docs/format.md, "Across briefings", says them for users):

1. Names are compared folded (``folding.fold``): "Recep Tayyip Erdoğan" in one briefing and
   "recep tayyip erdogan" in another are one person.
2. An entry whose name is an alias of exactly one other person is that person: "Erdogan"
   listed on its own joins the "Recep Tayyip Erdoğan" who has "Erdoğan" among his aliases.
   A name that is an alias of two or more people ("Aliyev" for Ilham and Heydar Aliyev) joins
   none of them.
3. Sharing an alias alone joins nobody: two people called "the defence minister" in two
   briefings stay two, and an alias never becomes a person of its own.
4. Two people one briefing lists separately stay two, whatever their aliases: the author told
   them apart. This also covers two people of one briefing who share an alias.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing_app.core.across.folding import fold
from briefing_app.core.model import Briefing, Person


# Not frozen: a library has tens of thousands, and a frozen dataclass is slow to make.
# Read-only all the same.
@dataclass(slots=True)
class Appearance:
    """A person as one briefing lists them: what opens that briefing with them selected."""

    path: str
    title: str  # of the briefing
    index: int  # into that briefing's ``people``
    name: str  # as that briefing writes it
    role: str
    mentions: int


@dataclass(frozen=True)
class LibraryPerson:
    """One person across the library, with each briefing that lists them."""

    key: str  # the folded name, unique in the library: what a view keeps a selection by
    name: str
    aliases: tuple[str, ...]  # every other way the briefings name them, once each
    roles: tuple[str, ...]  # each differing role once, in the order the briefings give them
    appearances: tuple[Appearance, ...]

    @property
    def mentions(self) -> int:
        return sum(a.mentions for a in self.appearances)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.path for a in self.appearances))

    def elsewhere(self, path: str) -> tuple[Appearance, ...]:
        """The appearances in briefings other than ``path``: "Also in 2 briefings"."""
        return tuple(a for a in self.appearances if a.path != path)


class PeopleAcross:
    """The people of a set of briefings, by folded name, and where each briefing's entry went."""

    def __init__(self, people: Sequence[LibraryPerson]) -> None:
        self.people = tuple(sorted(people, key=lambda p: (p.key, p.name)))
        self._by_entry = {(a.path, a.index): p for p in self.people for a in p.appearances}
        self._by_key = {p.key: p for p in self.people}

    def of_entry(self, path: str, index: int) -> LibraryPerson | None:
        """The person that entry ``index`` of the briefing at ``path`` is part of."""
        return self._by_entry.get((path, index))

    def by_key(self, key: str) -> LibraryPerson | None:
        return self._by_key.get(key)

    def in_briefings(self, paths: Iterable[str]) -> tuple[LibraryPerson, ...]:
        """The people listed in any of ``paths``: a tag's or a search's people."""
        wanted = set(paths)
        return tuple(p for p in self.people if wanted.intersection(p.paths))


@dataclass(slots=True)
class _Entry:
    order: int  # of the briefing among those given
    path: str
    title: str
    index: int
    person: Person


def match_people(briefings: Iterable[Briefing]) -> PeopleAcross:
    """Recognise the people of ``briefings`` across them, by the rules above.

    Only each briefing's path, title and people are read, so a caller may pass briefings built
    from front matter alone. Each person's appearances, roles and aliases keep the order of
    ``briefings``.
    """
    groups: dict[str, list[_Entry]] = {}  # rule 1: by folded name
    for order, briefing in enumerate(briefings):
        for index, person in enumerate(briefing.people):
            key = fold(person.name)
            if key:
                entry = _Entry(order, briefing.path, briefing.title, index, person)
                groups.setdefault(key, []).append(entry)
    joined = _join_by_alias(groups)
    return PeopleAcross([_person(members, groups) for members in joined])


def _join_by_alias(groups: dict[str, list[_Entry]]) -> list[list[str]]:
    """The name groups that are one person by rules 2-4, each list in first-seen order."""
    owners: dict[str, set[str]] = {}  # folded alias -> the name groups listing it
    for key, entries in groups.items():
        for entry in entries:
            for alias in entry.person.aliases:
                folded = fold(alias)
                if folded and folded != key:
                    owners.setdefault(folded, set()).add(key)
    parent = {key: key for key in groups}
    paths = {key: {e.path for e in entries} for key, entries in groups.items()}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    # Again until nothing joins: a join can make two owners of a name one person (rule 2).
    changed = True
    while changed:
        changed = False
        for key in sorted(groups):
            claimants = {root(owner) for owner in owners.get(key, ())}
            if len(claimants) != 1:  # nobody's alias, or an alias of several people
                continue
            mine, theirs = root(key), claimants.pop()
            if mine == theirs or paths[mine] & paths[theirs]:  # joined already; rule 4
                continue
            parent[mine] = theirs
            paths[theirs] |= paths.pop(mine)
            changed = True
    joined: dict[str, list[str]] = {}
    for key in groups:  # dicts keep the order the names were first seen in
        joined.setdefault(root(key), []).append(key)
    return list(joined.values())


def _person(members: list[str], groups: dict[str, list[_Entry]]) -> LibraryPerson:
    entries = [entry for key in members for entry in groups[key]]
    entries.sort(key=lambda e: (e.order, e.index))
    aliases_of_members = {fold(alias) for e in entries for alias in e.person.aliases}
    # The name others are an alias of ("Recep Tayyip Erdoğan", not "Erdogan"); then the one
    # most briefings give; then the longest.
    full_names = [key for key in members if key not in aliases_of_members] or members
    key = max(full_names, key=lambda k: (len(groups[k]), len(k)))
    name = _spelling([e.person.name for e in groups[key]])
    aliases = _once(
        [text for e in entries for text in (e.person.name, *e.person.aliases)], leave_out=key
    )
    return LibraryPerson(
        key=key,
        name=name,
        aliases=aliases,
        roles=_once([e.person.role for e in entries]),
        appearances=tuple(
            Appearance(e.path, e.title, e.index, e.person.name, e.person.role, e.person.mentions)
            for e in entries
        ),
    )


def _spelling(names: list[str]) -> str:
    """The spelling most briefings use; between equals, the one with more letters beyond
    ASCII, as someone took the care to type "Erdoğan"; then the first."""
    counts = Counter(" ".join(n.split()) for n in names)
    return max(counts, key=lambda n: (counts[n], sum(not c.isascii() for c in n)))


def _once(texts: Iterable[str], leave_out: str = "") -> tuple[str, ...]:
    """Each text once, compared folded, in the order given; empty ones and ``leave_out``
    (folded) left out."""
    seen = {"", leave_out}
    kept = []
    for text in texts:
        folded = fold(text)
        if folded not in seen:
            seen.add(folded)
            kept.append(" ".join(text.split()))
    return tuple(kept)
