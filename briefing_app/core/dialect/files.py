"""What the text points to on disk: the notes its wiki links name, the images it shows."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

from briefing_app.core.dialect.file_finder import FileFinder, NoFiles
from briefing_app.core.dialect.images import ImageProcessor
from briefing_app.core.dialect.wikilinks import WikiLinkProcessor


class LocalFilesExtension(Extension):
    """Wiki links and images; ``files`` is set for each text converted."""

    def __init__(self) -> None:
        super().__init__()
        self.files: FileFinder = NoFiles()

    def extendMarkdown(self, md: Markdown) -> None:
        # Ahead of links and references, which would read the brackets first.
        md.inlinePatterns.register(WikiLinkProcessor(md, self), "wikilink", 175)
        # After the inline pass has made the images.
        md.treeprocessors.register(ImageProcessor(md, self), "images", 15)
        md.registerExtension(self)

    def reset(self) -> None:
        self.files = NoFiles()
