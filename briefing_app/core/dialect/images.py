"""An image beside the briefing that is not there shows its alt text in its place (a remote
image is turned into the same kind of placeholder by the sanitiser)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from briefing_app.core.dialect.file_finder import FilesHolder
from briefing_app.core.link_rules import is_local_relative  # the sanitiser's own rule


class ImageProcessor(Treeprocessor):
    def __init__(self, md: Markdown, files: FilesHolder) -> None:
        super().__init__(md)
        self.holder = files

    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            for index, image in enumerate(list(parent)):
                if image.tag != "img":
                    continue
                src, alt = image.get("src", ""), image.get("alt", "").strip()
                if is_local_relative(src) and not self.holder.files.has_image(src):
                    parent.remove(image)
                    missing = ET.Element("span", {"class": "image-placeholder"})
                    missing.text = f"[{alt or 'image'}: image not found, {src}]"
                    missing.tail = image.tail
                    parent.insert(index, missing)
