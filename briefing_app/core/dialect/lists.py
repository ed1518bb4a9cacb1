"""Lists as CommonMark writes them, for Python-Markdown's list processors.

Python-Markdown nests lists and continues list items only by four spaces a level, and starts a
list only after a blank line. GitHub, Obsidian and Typora nest by the width of the item's marker
(two spaces under ``-``, three under ``1.``, or a tab), start a list straight after a paragraph
line, and also number with ``1)``. This preprocessor rewrites such lists line by line into the
form Python-Markdown reads, with the same structure; everything else passes through untouched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_QUOTE = re.compile(r"^(?: {0,3}>[ ]?)+")
_ITEM = re.compile(r"^(?P<indent> *)(?:(?P<bullet>[-*+])|(?P<number>\d{1,9})[.)])(?P<space> +|$)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_STEP = 4  # Python-Markdown's indentation for one level


@dataclass
class _Item:
    content: int  # the column the item's text starts at, as written
    out: int  # the column it starts at in the rewritten text
    kind: str  # its marker: the bullet, or the number's "." or ")"


@dataclass
class _Container:
    """The lists open at one depth of block quotes."""

    items: list[_Item] = field(default_factory=list)
    after_blank: bool = True
    after_text: bool = False  # the last line was a paragraph's, outside any list
    fence: str = ""  # the fence of a code block open inside an item
    # The lines since the last blank one continue an item, after a blank: Python-Markdown
    # takes such a block whole into the item, so a new item in it needs a blank line first.
    continuing: bool = False


class CommonMarkLists(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any(_ITEM.match(_QUOTE.sub("", line)) for line in lines):
            return lines
        containers: dict[int, _Container] = {}
        out: list[str] = []
        for line in lines:
            quote = _QUOTE.match(line)
            prefix = quote.group() if quote else ""
            depth = prefix.count(">")
            for deeper in [d for d in containers if d > depth]:
                del containers[deeper]
            container = containers.setdefault(depth, _Container())
            out.extend(
                prefix + text if text else prefix.rstrip()
                for text in _rewrite(container, line[len(prefix) :])
            )
        return out


def _rewrite(container: _Container, line: str) -> list[str]:
    """The line (without its quote markers) as Python-Markdown should read it: one or two lines
    (a blank one first when a list breaks into a paragraph)."""
    indent = len(line) - len(line.lstrip(" "))
    items = container.items
    if container.fence and line.strip() and indent < items[-1].content:
        container.fence = ""  # the item ends, and the code left open in it with it
    if container.fence:  # code: moved with its item, never read
        if _FENCE.match(line.lstrip(" ")) and line.strip().startswith(container.fence):
            container.fence = ""
        return [_shift(line, indent, items) if line.strip() else ""]
    if not line.strip():
        container.after_blank, container.after_text, container.continuing = True, False, False
        return [""]
    inside = sum(1 for item in items if indent >= item.content)
    item = _ITEM.match(line)
    base = items[inside - 1].content if inside else 0
    is_item = bool(
        item
        and indent - base < _STEP
        and not _THEMATIC_BREAK.match(line)
        and (not container.after_text or _may_interrupt(item, line))
    )
    after_blank = container.after_blank
    container.after_blank = False
    if items and not inside and _THEMATIC_BREAK.match(line):
        items.clear()  # a rule less indented than the item's text ends the list
        container.after_text = False
        return ["", line]
    if is_item and item:
        sibling = items[inside] if len(items) > inside else None
        del items[inside:]
        marker = f"{int(item['number'])}." if item["number"] else item["bullet"]
        text = line[item.end() :]
        spaces = len(item["space"])
        if 1 <= spaces <= 4 and text:
            content = item.end()
        else:  # an empty item, or one opening with indented code: its text is one space in
            content = item.start("space") + 1
            text = " " * max(0, spaces - 1) + text
        out = _STEP * len(items)
        kind = item["bullet"] or line[item.end("number")]
        items.append(_Item(content, out + _STEP, kind))
        lines = [" " * out + marker + " " + text]
        another_list = sibling is not None and sibling.kind != kind  # a new marker, a new list
        if (container.after_text and not items[:-1]) or container.continuing or another_list:
            lines.insert(0, "")
        container.after_text = container.continuing = False
        return lines
    if not items:
        container.after_text = not line.startswith(" " * _STEP) or not after_blank
        return [line]
    if after_blank:
        del items[inside:]  # a line less indented than an item's text, after a blank, ends it
        if not items:
            container.after_text = True
            return [line]
        container.continuing = True
    if _FENCE.match(line.lstrip(" ")):
        container.fence = _FENCE.match(line.lstrip(" ")).group()  # type: ignore[union-attr]
    if item and not after_blank:
        # Too far in to be an item, but it would read as one once moved: it continues the text,
        # so its marker is escaped ("\-", "1\.").
        mark = item.end("number") if item["number"] else item.end("indent")
        line = line[:mark] + "\\" + line[mark:]
    return [_shift(line, indent, items)]


def _shift(line: str, indent: int, items: list[_Item]) -> str:
    """Move an item's line from its written column to the column Python-Markdown expects."""
    item = items[-1]
    extra = max(0, indent - item.content)
    return " " * (item.out + extra) + line.lstrip(" ")


def _may_interrupt(item: re.Match[str], line: str) -> bool:
    """Whether an item may start a list straight after a paragraph line, as in CommonMark."""
    if not line[item.end() :].strip():
        return False
    return item["bullet"] is not None or int(item["number"]) == 1


class LooseLists(Treeprocessor):
    """A list with a blank line between any of its items is loose: every item's text is a
    paragraph, as in CommonMark (Python-Markdown leaves out the items before the blank)."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            if parent.tag not in ("ul", "ol"):
                continue
            items = [item for item in parent if item.tag == "li"]
            if not any(len(item) and item[0].tag == "p" for item in items):
                continue
            for item in items:
                if item.text and item.text.strip():
                    paragraph = ET.Element("p")
                    paragraph.text, item.text = item.text, ""
                    item.insert(0, paragraph)


class CommonMarkListsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After tabs are expanded and fenced code is set aside, before raw HTML is.
        md.preprocessors.register(CommonMarkLists(md), "commonmark_lists", 22)
        # Before the inline pass, when an item's text is still one string.
        md.treeprocessors.register(LooseLists(md), "loose_lists", 26)
