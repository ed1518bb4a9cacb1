"""Writing a handout (PDF or HTML) safely: to a temporary file beside the target, moved into
place only when complete, so a failure or a killed app leaves no partial file and never
touches an existing one."""

from __future__ import annotations

import os
import time

STALE_PART_SECONDS = 600  # a temporary file this old is from an export that was killed
PART_ROOM = 48  # bytes of a temporary file's name besides the target's: ".~", random, ".part.done"


class ExportError(Exception):
    """A handout could not be written; the message is for the person who asked."""

    def __init__(self, target: str, message: str) -> None:
        super().__init__(f"{target}: {message}")
        self.target = target
        self.message = message


def checked_target(target: str, source: str, kind: str) -> str:
    """``target`` made absolute, once it is known to be a place a ``kind`` (a "PDF") can be
    written to in place of the briefing at ``source``; earlier exports' leftovers cleared."""
    target = os.path.abspath(target)
    folder = os.path.dirname(target)
    if same_file(target, source):
        raise ExportError(target, f"refusing to write the {kind} over the briefing itself")
    if os.path.isdir(target):
        raise ExportError(target, "is a folder")
    if not os.path.isdir(folder):
        raise ExportError(target, f"the folder {folder} does not exist")
    # Checked before a long export is drawn, not found out when it is moved into place.
    try:
        name = os.fsencode(os.path.basename(target))
    except UnicodeEncodeError:
        raise ExportError(target, "the name cannot be written on this system") from None
    longest = name_max(folder)
    if len(name) > longest:
        raise ExportError(
            target, f"the name is too long ({len(name)} bytes; this folder takes {longest})"
        )
    remove_stale_parts(target)
    return target


def name_max(folder: str) -> int:
    """The longest file name, in bytes, the file system of ``folder`` takes."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # unknown here, or not POSIX
        return 255


def temporary_beside(target: str) -> tuple[int, str]:
    """A new, empty file (0600) beside ``target``, open for writing, to be moved over it once
    complete; its descriptor and name. Raises OSError."""
    import tempfile  # here: it costs ~9 ms, and is needed only when a file is written

    return tempfile.mkstemp(dir=os.path.dirname(target), prefix=part_prefix(target), suffix=".part")


def part_prefix(target: str) -> str:
    """How the temporary files of an export to ``target`` begin (hidden, beside it); short
    enough for the rest of their name to fit beside a target of the longest name."""
    room = max(16, name_max(os.path.dirname(target)) - PART_ROOM)
    name = os.fsencode(os.path.basename(target))[:room]
    return ".~" + os.fsdecode(name)  # a character cut in two is kept as its bytes


def remove_stale_parts(target: str) -> None:
    """Temporary files an earlier, killed export to the same target left behind."""
    folder, prefix = os.path.dirname(target), part_prefix(target)
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and ".part" in entry.name:
            try:
                if now - entry.stat().st_mtime > STALE_PART_SECONDS:
                    os.remove(entry.path)
            except OSError:
                continue


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.exists(a) and os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def shared_mode() -> int:
    """The mode a new file of the user's gets (a temporary file is made 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
