"""What a briefing's text refers to on disk: the notes its wiki links name, the images it shows.

A note is found as Obsidian finds it: by file name, anywhere in the vault, the nearest folder
above the briefing that holds Obsidian's ``.obsidian`` folder; without one, in the briefing's
own folder and the folders below it. A note beside the briefing wins over one further away.

Each answer is kept in :attr:`LocalFiles.answers`, so that a briefing kept from an earlier
reading can be checked against the disk as it is now (:meth:`LocalFiles.agree`).
"""

from __future__ import annotations

import os
from pathlib import PurePath
from urllib.parse import unquote

from briefing_app.core.link_rules import is_local_relative  # the sanitiser's own rule

NOTE_SUFFIXES = (".md", ".markdown", ".briefing")
MAX_FILES = 20_000  # files and folders looked at in one vault; a bigger one only this far


class LocalFiles:
    def __init__(self, briefing_path: str) -> None:
        self.folder = os.path.dirname(os.path.abspath(briefing_path))
        self.answers: dict[str, str] = {}  # "note:Name" or "image:src" -> what was found
        self._notes: dict[str, str] | None = None

    def find_note(self, name: str) -> str | None:
        """The path of the note called ``name``, from the briefing's folder; None if none."""
        if self._notes is None:
            self._notes = _notes_under(_vault(self.folder), self.folder)
        key = name.strip().lower()
        if key.endswith(NOTE_SUFFIXES):
            key = os.path.splitext(key)[0]
        found = self._notes.get(key)
        self.answers[f"note:{name}"] = found or ""
        return found

    def has_image(self, src: str) -> bool:
        """Whether the image at ``src`` (a path relative to the briefing) is a file there."""
        found = image_file(self.folder, src) is not None
        self.answers[f"image:{src}"] = "yes" if found else ""
        return found

    def agree(self, answers: dict[str, str]) -> bool:
        """Whether the disk still gives ``answers``."""
        for question, answer in answers.items():
            kind, _, subject = question.partition(":")
            now = (self.find_note(subject) or "") if kind == "note" else self.has_image(subject)
            if now != (answer if kind == "note" else bool(answer)):
                return False
        return True


def image_file(folder: str, src: str) -> str | None:
    """The file an image's ``src`` names, when it is in ``folder`` or a folder below it, once
    %-escapes and symbolic links are followed; None for any other."""
    if not is_local_relative(src):
        return None
    root = os.path.realpath(folder)
    path = os.path.realpath(os.path.join(root, unquote(src)))
    if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
        return None
    return path


def _vault(folder: str) -> str:
    here = folder
    while True:
        if os.path.isdir(os.path.join(here, ".obsidian")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return folder
        here = parent


def _notes_under(root: str, folder: str) -> dict[str, str]:
    """Each note's name (lower case, without its suffix) to its path from ``folder``, the
    nearest first."""
    found: dict[str, tuple[int, str]] = {}
    seen = 0
    for here, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        seen += 1 + len(files)
        for name in files:
            if not name.lower().endswith(NOTE_SUFFIXES):
                continue
            relative = PurePath(os.path.relpath(os.path.join(here, name), folder))
            key = os.path.splitext(name)[0].lower()
            if key not in found or len(relative.parts) < found[key][0]:
                found[key] = (len(relative.parts), relative.as_posix())
        if seen > MAX_FILES:
            break
    return {key: path for key, (_, path) in found.items()}
