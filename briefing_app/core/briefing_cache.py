"""Briefings kept on disk once loaded, so a file opened before opens without being parsed again.

Opening a cached file needs neither YAML nor Markdown nor the sanitiser: a start that reopens
the seed skips importing them (about 80 ms) and parsing it. An entry belongs to one path and holds
the file's size and checksums; it is used only while the file's bytes still match, the notes
and images the text refers to are as they were, and it was written by this very code. Anything else (missing, damaged, stale, unwritable) means loading the
file as if there were no cache. Entries are pickles: the cache folder is the user's own, as
trusted as their settings, and closed to others (0700, its entries 0600) as it holds their texts.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import pickle
import sys
import threading
import time
import zlib
from typing import Protocol

from briefing_app import APP_ID, ORGANIZATION, __version__
from briefing_app.core import textfile
from briefing_app.core.local_files import LocalFiles
from briefing_app.core.model import Briefing
from briefing_app.core.private_files import private_folder, private_opener

logger = logging.getLogger(__name__)

FORMAT = 1
FOLDER_NAME = "briefings"  # in the app's cache folder
MAX_ENTRIES = 40  # the least recently opened go first
MAX_KEPT_FILE_BYTES = 16 * 1024 * 1024  # a 2 MB briefing takes about 7 MB kept
SUFFIX = ".briefing-cache"

Stamp = tuple[object, ...]


class Writer(Protocol):
    """Another process putting entries into the same folder (``briefing_app.read_ahead``)."""

    def wait_for(self, path: str) -> None:
        """Returns once the entry for ``path`` is written, or will not be."""


class BriefingCache:
    """Loads briefings through a cache folder; with no folder, it only loads."""

    def __init__(self, folder: str | None, writer: Writer | None = None) -> None:
        self.folder = folder
        self.writer = writer

    def load(self, path: str) -> Briefing:
        """The briefing at ``path``: kept from an earlier load of these very bytes, or parsed now
        and kept. Raises BriefingError only if the file cannot be read at all."""
        path = os.path.abspath(path)
        if self.writer is not None:  # rather than parse it here as well
            self.writer.wait_for(path)
        data = textfile.read_bytes(path)
        if self.folder is None or len(data) > MAX_KEPT_FILE_BYTES:
            return _parse(data, path)
        stamp = _stamp(path, data)
        entry = os.path.join(self.folder, _entry_name(path))
        briefing = _read_entry(entry, stamp)
        if briefing is None:
            briefing = _parse(data, path)
            _write_entry(self.folder, entry, stamp, briefing)
        return briefing

    def holds(self, path: str) -> bool:
        """Whether :meth:`load` would find ``path`` kept, without reading the briefing itself."""
        if self.folder is None:
            return False
        path = os.path.abspath(path)
        try:
            stamp = _stamp(path, textfile.read_bytes(path))
            with open(os.path.join(self.folder, _entry_name(path)), "rb") as handle:
                return bool(pickle.load(handle) == stamp)
        except Exception:  # unreadable, missing or damaged: load() would parse the file
            return False


def expected_folder() -> str:
    """The cache folder the window will use, worked out without Qt. A start looks here before it
    loads Qt, to know whether it will need the loader; the window itself asks Qt. A wrong guess
    costs time, never a stale briefing."""
    return os.path.join(expected_cache_location(), FOLDER_NAME)


def expected_cache_location() -> str:
    """The app's cache folder, as QStandardPaths places its CacheLocation."""
    app = os.path.join(ORGANIZATION, APP_ID)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return os.path.join(base, app, "cache")
    if sys.platform == "darwin":
        return os.path.join(os.path.expanduser("~/Library/Caches"), app)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # Qt ignores a relative one
        base = os.path.expanduser("~/.cache")
    return os.path.join(base, app)


def _parse(data: bytes, path: str) -> Briefing:
    # Imported only when needed: a start that finds its files cached never loads YAML or Markdown.
    from briefing_app.core.loader import briefing_from_bytes

    return briefing_from_bytes(data, path)


def _stamp(path: str, data: bytes) -> Stamp:
    """All a loaded briefing depends on: the code that read it, its path and its bytes."""
    return (FORMAT, _code_version(), path, len(data), zlib.crc32(data), zlib.adler32(data))


@functools.cache
def _code_version() -> str:
    """The app's version and when its reading code last changed, so that neither an edited
    checkout nor a rebuilt app shows what older code made. A frozen app has no sources to look
    at: its executable stands for them."""
    try:
        if getattr(sys, "frozen", False):
            changed = os.stat(sys.executable).st_mtime_ns
        else:
            changed = max(
                os.stat(os.path.join(folder, name)).st_mtime_ns
                for folder, _, names in os.walk(os.path.dirname(__file__))  # dialect/ too
                for name in names
                if name.endswith(".py")
            )
    except (OSError, ValueError):
        return __version__
    return f"{__version__}+{changed}"


def _entry_name(path: str) -> str:
    encoded = path.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(encoded):08x}{zlib.adler32(encoded):08x}{SUFFIX}"


def _read_entry(entry: str, stamp: Stamp) -> Briefing | None:
    try:
        with open(entry, "rb") as handle:
            if pickle.load(handle) != stamp:  # the stamp comes first: a stale entry is not read
                return None
            briefing = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # damaged, or made by other code: load the file instead
        logger.info("ignored the cache entry %s: %r", entry, error)
        return None
    if not isinstance(briefing, Briefing):
        return None
    if briefing.local_files and not LocalFiles(briefing.path).agree(briefing.local_files):
        return None  # a note it links to, or an image it shows, has come or gone
    with contextlib.suppress(OSError):  # a cache folder that is read-only still serves
        os.utime(entry)  # recently used: pruned last
    return briefing


def _write_entry(folder: str, entry: str, stamp: Stamp, briefing: Briefing) -> None:
    """Writes beside the entry and moves it into place, so a reader never sees half of one."""
    partial = f"{entry}.{os.getpid()}.{threading.get_ident()}.part"
    try:
        data = pickle.dumps(stamp, pickle.HIGHEST_PROTOCOL) + pickle.dumps(
            briefing, pickle.HIGHEST_PROTOCOL
        )
        private_folder(folder)
        # "x": a part left with this very name (a reused process id) is an error, and removed below.
        with open(partial, "xb", opener=private_opener) as handle:
            handle.write(data)
        os.replace(partial, entry)
        _prune(folder)
    except Exception as error:  # a cache that cannot be written only costs the next open time
        logger.info("could not keep %s in the cache: %r", briefing.path, error)
        with contextlib.suppress(OSError):
            os.remove(partial)


def _prune(folder: str) -> None:
    """Keeps the :data:`MAX_ENTRIES` most recently used entries, and drops half-written ones
    left by a process stopped while it wrote (an hour old: none is still being written)."""
    stale = time.time() - 3600
    files = []
    with os.scandir(folder) as found:
        for file in found:
            with contextlib.suppress(OSError):  # gone meanwhile: another process pruned it
                files.append((file.stat().st_mtime, file.name, file.path))
    entries = sorted(((mtime, path) for mtime, name, path in files if name.endswith(SUFFIX)))
    leftovers = [path for mtime, name, path in files if name.endswith(".part") and mtime < stale]
    oldest = [path for _, path in entries[: max(0, len(entries) - MAX_ENTRIES)]]
    for path in oldest + leftovers:
        with contextlib.suppress(OSError):
            os.remove(path)
