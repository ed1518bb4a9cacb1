"""Underlined headings as CommonMark reads them: the underline (``===`` or ``---``, indented
by up to three spaces) makes a heading of the whole paragraph above it, not only of its last
line."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.blockprocessors import SetextHeaderProcessor
from markdown.extensions import Extension

_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# Lines that start a block of their own, so no paragraph runs through them.
_BLOCK_START = re.compile(r"^ {0,3}(?:#|>|```|~~~|[-*+][ \t]|\d{1,9}[.)][ \t]|<)")


class ParagraphSetextProcessor(SetextHeaderProcessor):
    def test(self, parent: ET.Element, block: str) -> bool:
        return _underline_at(block.split("\n")) > 0

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        at = _underline_at(lines)
        heading = ET.SubElement(parent, "h1" if lines[at].strip()[0] == "=" else "h2")
        heading.text = "\n".join(line.strip() for line in lines[:at])
        if at + 1 < len(lines):
            blocks.insert(0, "\n".join(lines[at + 1 :]))


def _underline_at(lines: list[str]) -> int:
    """Where the underline of the paragraph the block opens with is; 0 if there is none."""
    for number, line in enumerate(lines):
        if not line.strip():
            return 0
        if number == 0:
            if line.startswith("    ") or _BLOCK_START.match(line):
                return 0  # code, or another kind of block
        elif _UNDERLINE.match(line):
            return number
        elif _BLOCK_START.match(line):
            return 0  # the paragraph ends before any underline
    return 0


class SetextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(ParagraphSetextProcessor(md.parser), "setextheader", 60)
