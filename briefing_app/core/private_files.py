"""Folders and files for the user's eyes only: the cache of read briefings and the library index
hold the text of their briefings, the settings the names of the files they read, a crash log
whatever was on screen."""

from __future__ import annotations

import contextlib
import os
import stat

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(folder: str) -> None:
    """Creates ``folder``, and any missing folder above it, open to the user alone, and closes it
    to others if it exists open to them (as earlier versions created it). Raises OSError when it
    cannot: a folder that cannot be made private is no place for the user's texts."""
    _create(folder)
    mode = os.stat(folder).st_mode
    if os.name == "posix" and stat.S_ISDIR(mode) and mode & 0o077:
        os.chmod(folder, stat.S_IMODE(mode) & FOLDER_MODE)


def _create(folder: str) -> None:
    # Not os.makedirs: it would create the missing folders above with the default mode.
    if os.path.isdir(folder):
        return
    parent = os.path.dirname(folder)
    if parent and parent != folder:
        _create(parent)
    # It may exist by now: made meanwhile by another process, or a file in the way, which the
    # caller's write then runs into.
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, FOLDER_MODE)


def private_file(path: str) -> None:
    """Makes ``path`` a file for the user alone, created empty if missing, in a folder made as
    :func:`private_folder` makes it: for files another writer fills, such as Qt's QSaveFile,
    which keeps the mode of the file it replaces. Raises OSError when it cannot."""
    private_folder(os.path.dirname(path))
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:  # as earlier versions left it: closed to others now
        mode = os.stat(path).st_mode
        if os.name == "posix" and stat.S_ISREG(mode) and mode & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & FILE_MODE)


def private_opener(path: str, flags: int) -> int:
    """For ``open(path, ..., opener=private_opener)``: a new file is 0600 from its first moment,
    not tightened after others could have opened it."""
    return os.open(path, flags, FILE_MODE)
