"""Obsidian's callouts and GitHub's alerts: a quote opening with ``[!type]`` is a titled box.

    > [!warning] Check the figures
    > The ministry has not confirmed them.

becomes a box with a ``<p class="callout-title">``. The box is a table of one cell, since Qt's
text documents draw a background behind a cell as one box, behind other blocks line by line.
The many types Obsidian knows fall into five looks; an unknown type looks like a note.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.blockprocessors import BlockQuoteProcessor
from markdown.extensions import Extension

_OPENING = re.compile(r"^ {0,3}> ?\[!(?P<type>[A-Za-z][\w-]*)\][+-]?[ \t]*(?P<title>.*)$")
LOOKS = {
    "note": ("note", "info", "todo", "abstract", "summary", "tldr", "example", "quote", "cite"),
    "tip": ("tip", "hint", "success", "check", "done"),
    "important": ("important",),
    "warning": ("warning", "caution", "attention", "question", "help", "faq"),
    "danger": ("danger", "error", "failure", "fail", "missing", "bug"),
}
_LOOK_OF = {kind: look for look, kinds in LOOKS.items() for kind in kinds}


class CalloutProcessor(BlockQuoteProcessor):
    def test(self, parent: ET.Element, block: str) -> bool:
        return bool(_OPENING.match(block.split("\n", 1)[0]))

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        first, _, rest = blocks.pop(0).partition("\n")
        opening = _OPENING.match(first)
        assert opening is not None  # test() saw it
        kind = opening["type"].lower()
        look = _LOOK_OF.get(kind, "note")
        table = ET.SubElement(parent, "table", {"class": "callout", "width": "100%"})
        box = ET.SubElement(ET.SubElement(table, "tr"), "td", {"class": f"callout callout-{look}"})
        title = ET.SubElement(box, "p", {"class": "callout-title"})
        title.text = opening["title"].strip() or kind.capitalize()
        self.parser.state.set("blockquote")
        self.parser.parseChunk(box, "\n".join(self.clean(line) for line in rest.split("\n")))
        self.parser.state.reset()


class CalloutExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(CalloutProcessor(md.parser), "callout", 21)
