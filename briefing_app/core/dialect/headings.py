"""``#`` headings as CommonMark reads them: the hashes are followed by a space, so an Obsidian
``#tag`` or a ``#5`` at the start of a line stays text, and a closing run of hashes goes only
after a space (``# C#`` keeps its hash)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension


class SpacedHashHeaderProcessor(HashHeaderProcessor):
    RE = re.compile(
        r"(?:^|\n) {0,3}(?P<level>#{1,6})(?=[ \t]|\n|$)"
        r"(?P<header>(?:\\.|[^\n])*?)(?:(?<=[ \t])#+)?[ \t]*(?:\n|$)"
    )

    def test(self, parent: ET.Element, block: str) -> bool:
        return bool(self.RE.search(block))  # also a heading indented by up to three spaces


class HeadingsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(SpacedHashHeaderProcessor(md.parser), "hashheader", 70)
