"""What the text points to on disk: the notes its wiki links name, the images it shows."""

from __future__ import annotations

from typing import Protocol

from markdown import Markdown
from markdown.extensions import Extension


class FileFinder(Protocol):
    """Answers about the briefing's surroundings (core.local_files.LocalFiles reads the disk)."""

    def find_note(self, name: str) -> str | None: ...

    def has_image(self, src: str) -> bool: ...


class NoFiles:
    """For a text with no file behind it: no note is found, and images are left as written."""

    def find_note(self, name: str) -> str | None:
        return None

    def has_image(self, src: str) -> bool:
        return True


class FilesHolder(Protocol):
    files: FileFinder


class LocalFilesExtension(Extension):
    """Wiki links and images; ``files`` is set for each text converted."""

    def __init__(self) -> None:
        super().__init__()
        self.files: FileFinder = NoFiles()

    def extendMarkdown(self, md: Markdown) -> None:
        from briefing_app.core.dialect.images import ImageProcessor
        from briefing_app.core.dialect.wikilinks import WikiLinkProcessor

        # Ahead of links and references, which would read the brackets first.
        md.inlinePatterns.register(WikiLinkProcessor(md, self), "wikilink", 175)
        # After the inline pass has made the images.
        md.treeprocessors.register(ImageProcessor(md, self), "images", 15)
        md.registerExtension(self)

    def reset(self) -> None:
        self.files = NoFiles()
