"""Writing a handout (PDF or HTML) safely: to a temporary file beside the target, moved into
place only when complete, so a failure or a killed app leaves no partial file and never
touches an existing one."""

from __future__ import annotations

import os
import re
import stat
import time

# A temporary file this old is from an export that was killed, even if its pid is in use again.
STALE_PART_SECONDS = 600
PART_ROOM = 48  # bytes of a temporary file's name besides the target's (".~", pid, ".part.done")


class ExportError(Exception):
    """A handout could not be written; the message is for the person who asked."""

    def __init__(self, target: str, message: str) -> None:
        super().__init__(f"{target}: {message}")
        self.target = target
        self.message = message


class ReadOnlyTarget(ExportError):
    """The target exists and is read-only: replaced only when the person says so."""


def checked_target(target: str, source: str, kind: str, replace_read_only: bool = False) -> str:
    """``target`` made absolute, once it is known to be a place a ``kind`` (a "PDF") can be
    written to in place of the briefing at ``source``; earlier exports' leftovers cleared.
    A link is followed: the file it points to is replaced, and the link stays."""
    target = resolved_target(target)
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
    if not replace_read_only and read_only(target):
        raise ReadOnlyTarget(
            target, f"is read-only; the {kind} was not written over it (make it writable first)"
        )
    remove_stale_parts(target)
    return target


def resolved_target(target: str) -> str:
    target = os.path.abspath(target)
    return os.path.realpath(target) if os.path.islink(target) else target


def read_only(path: str) -> bool:
    """Whether ``path`` is a file marked read-only, as editors refuse to write over unasked.
    The mode is asked too: the administrator may write to any file, yet 0444 still means
    "keep this"."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def kept_mode(target: str) -> int:
    """The mode for a file written in place of ``target``: the one it has, else a new file's."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return shared_mode()


def name_max(folder: str) -> int:
    """The longest file name, in bytes, the file system of ``folder`` takes."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # unknown here, or not POSIX
        return 255


def temporary_beside(target: str) -> tuple[int, str]:
    """A new, empty file (0600) beside ``target``, open for writing, to be moved over it once
    complete; its descriptor and name. Raises OSError."""
    import tempfile  # here, not at start-up: needed only when a file is written

    return tempfile.mkstemp(dir=os.path.dirname(target), prefix=part_prefix(target), suffix=".part")


def part_prefix(target: str) -> str:
    """How the temporary files this process writes for ``target`` begin (hidden, beside it):
    with its pid, so that the next export knows them for a dead writer's leftovers."""
    return f"{_target_prefix(target)}.{os.getpid()}."


def _target_prefix(target: str) -> str:
    # Short enough for the rest of a temporary file's name to fit beside the longest name.
    room = max(16, name_max(os.path.dirname(target)) - PART_ROOM)
    name = os.fsencode(os.path.basename(target))[:room]
    return ".~" + os.fsdecode(name)  # a character cut in two is kept as its bytes


_PART_TAIL = re.compile(r"\.(\d+)\.[a-z0-9_]+\.part(?:\.done)?")  # after the target's prefix
_OLD_PART_TAIL = re.compile(r"[a-z0-9_]+\.part(?:\.done)?")  # before the pid was in the name


def remove_stale_parts(target: str) -> None:
    """Temporary files an earlier export to the same target left behind, removed once the
    process that wrote them is gone (killed); where that cannot be known, once they are old."""
    folder, prefix = os.path.dirname(target), _target_prefix(target)
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and ".part" in entry.name):
            continue
        tail = _PART_TAIL.fullmatch(entry.name, len(prefix))
        if tail is None and not _OLD_PART_TAIL.fullmatch(entry.name, len(prefix)):
            continue  # not a name this app gives: someone else's file
        try:
            # A live writer's file stays however long it takes; one whose writer cannot be
            # looked up (an older version's, or on Windows) goes once it is old.
            if tail is None or os.name != "posix":
                stale = now - entry.stat().st_mtime > STALE_PART_SECONDS
            else:
                stale = not _running(int(tail[1]))
            if stale:
                os.remove(entry.path)
        except OSError:
            continue


def _running(pid: int) -> bool:
    """Whether a process ``pid`` exists (perhaps another user's). Unknown where not POSIX."""
    if os.name != "posix" or pid == os.getpid():
        return True  # on Windows, os.kill would end the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # not ours to signal, so it runs
        return True
    return True


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
