"""GitHub's task lists: ``- [ ] to do`` and ``- [x] done`` show a box, ☐ or ☑.

A character rather than a form control: the reader and the PDF cannot show an ``<input>``, and
the sanitiser would drop it; the same HTML then serves the reader, the PDF and the HTML export.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_BOX = re.compile(r"\[([ xX])\][ \t]+(?=\S)")
UNCHECKED, CHECKED = "☐", "☑"


class TaskListTreeprocessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        lists = {
            child: parent
            for parent in root.iter()
            if parent.tag in ("ul", "ol")
            for child in parent
        }
        for item, parent in lists.items():
            holder = item
            if not (item.text or "").strip() and len(item) and item[0].tag == "p":
                holder = item[0]  # a loose list's item: its text is in a paragraph
            match = _BOX.match(holder.text or "")
            if not match:
                continue
            done = match.group(1) != " "
            box = ET.Element("span", {"class": "task-done" if done else "task"})
            box.text = CHECKED if done else UNCHECKED
            box.tail = "\u00a0" + (holder.text or "")[match.end() :]
            holder.text = ""
            holder.insert(0, box)
            _add_class(item, "task-list-item")
            _add_class(parent, "task-list")


def _add_class(element: ET.Element, name: str) -> None:
    classes = element.get("class", "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


class TaskListExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before the inline pass, which would read "[x]" as a link's text.
        md.treeprocessors.register(TaskListTreeprocessor(md), "task_list", 25)
