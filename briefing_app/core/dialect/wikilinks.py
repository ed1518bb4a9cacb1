"""Obsidian's wiki links: ``[[Note]]`` and ``[[Note|label]]`` show the label (or the note's
name), linked to the note's file when one is found, plain text when none is."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor

from briefing_app.core.dialect.file_finder import FilesHolder

WIKILINK = r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]"


class WikiLinkProcessor(InlineProcessor):
    def __init__(self, md: Markdown, files: FilesHolder) -> None:
        super().__init__(WIKILINK, md)
        self.holder = files

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[ET.Element, int, int]:
        target = m.group(1).strip()
        name = target.split("#", 1)[0].strip()  # [[Note#Heading]] opens the note
        label = (m.group(2) or target).strip()
        found = self.holder.files.find_note(name) if name else None
        if found is None:
            element = ET.Element("span", {"class": "wikilink-missing"})
        else:
            element = ET.Element("a", {"class": "wikilink", "href": quote(found)})
        element.text = label
        return element, m.start(0), m.end(0)
