"""What the wiki links and images ask of the briefing's surroundings, and who holds the answer
for the text being converted (``files.LocalFilesExtension``)."""

from __future__ import annotations

from typing import Protocol


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
