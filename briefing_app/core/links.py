"""How the text, the panels and the exports name a panel entry: ``person-3``, ``figure-0``,
``timeline-5``. The renderer writes these names into the HTML; the reader, the panels and the
HTML export read them back; nothing else spells them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

EntryKind = Literal["person", "figure", "timeline"]
ENTRY_KINDS: tuple[EntryKind, ...] = get_args(EntryKind)
LIST_ALL = "more"  # a panel's "Show all" link: ``#more-people``


@dataclass(frozen=True)
class EntryRef:
    """One entry of a briefing's panels: a person, a key figure or a timeline event."""

    kind: EntryKind
    index: int

    @property
    def name(self) -> str:
        """The entry's name in HTML: an anchor's id, a quote span's title."""
        return f"{self.kind}-{self.index}"

    @property
    def href(self) -> str:
        return f"#{self.name}"

    @classmethod
    def parse(cls, text: str) -> EntryRef | None:
        """The entry ``text`` names (``person-3`` or ``#person-3``), or None if it names none."""
        kind, _, index = text.removeprefix("#").partition("-")
        if kind not in ENTRY_KINDS or not index.isdigit() or not index.isascii():
            return None
        return cls(kind, int(index))


def list_all_href(panel: str) -> str:
    return f"#{LIST_ALL}-{panel}"


def parse_list_all(text: str) -> str | None:
    """The panel a "Show all" link names, or None."""
    prefix, _, panel = text.removeprefix("#").partition("-")
    return panel if prefix == LIST_ALL and panel else None
