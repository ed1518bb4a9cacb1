"""Briefings kept on disk once loaded, so a file opened before opens without being parsed again.

Opening a cached file needs neither YAML nor Markdown nor the sanitiser: a start that reopens
the seed skips importing them and parsing it. An entry belongs to one path and holds
the file's size and checksums; it is used only while the file's bytes still match, the notes
and images the text refers to are as they were, and it was written by this very code. Anything
else (missing, damaged, stale, unwritable, planted) means loading the file as if there were no
cache. The folder is closed to others (0700, its entries 0600), as it holds the user's texts.

An entry is data, never code (see ``cache_codec``): a fixed mark, a small JSON header with the
checks above, read and compared before anything else, then the briefing as JSON and UTF-8.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import stat
import struct
import sys
import threading
import time
import zlib
from typing import BinaryIO

from briefing_app import APP_ID, ORGANIZATION, __version__
from briefing_app.core import cache_codec, textfile
from briefing_app.core.local_files import LocalFiles
from briefing_app.core.model import Briefing
from briefing_app.core.private_files import private_folder, private_opener

logger = logging.getLogger(__name__)

FORMAT = 2  # 1 was a pickle: never read, its mark differs
MARK = b"Briefing Viewer cache\n"
HEADER_LENGTH = struct.Struct(">I")  # the JSON header's length, after the mark
MAX_HEADER_BYTES = 64 * 1024  # the header is mostly the path
FOLDER_NAME = "briefings"  # in the app's cache folder
MAX_ENTRIES = 40  # the least recently opened go first
MAX_KEPT_FILE_BYTES = 16 * 1024 * 1024  # a 2 MB briefing takes about 7 MB kept
MAX_ENTRY_BYTES = 8 * MAX_KEPT_FILE_BYTES  # a bigger file is no entry of ours: not read
SUFFIX = ".briefing-cache"

Stamp = tuple[object, ...]


class BriefingCache:
    """Loads briefings through a cache folder; with no folder, it only loads."""

    def __init__(self, folder: str | None) -> None:
        self.folder = folder

    def load(self, path: str) -> Briefing:
        """The briefing at ``path``: kept from an earlier load of these very bytes, or parsed now
        and kept. Raises BriefingError only if the file cannot be read at all."""
        path = os.path.abspath(path)
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

    def kept(self, path: str) -> Briefing | None:
        """The briefing at ``path`` if it is kept for these very bytes; None if it would have to
        be parsed. Raises BriefingError if the file cannot be read."""
        path = os.path.abspath(path)
        data = textfile.read_bytes(path)
        if self.folder is None or len(data) > MAX_KEPT_FILE_BYTES:
            return None
        return _read_entry(os.path.join(self.folder, _entry_name(path)), _stamp(path, data))

    def holds(self, path: str) -> bool:
        """Whether :meth:`load` would find ``path`` kept, without reading the briefing itself."""
        if self.folder is None:
            return False
        path = os.path.abspath(path)
        try:
            stamp = _stamp(path, textfile.read_bytes(path))
            with _open_entry(os.path.join(self.folder, _entry_name(path))) as handle:
                return _read_header(handle, stamp) is not None
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


def _entry_name(path: str, code_version: str | None = None) -> str:
    """Where ``path`` is kept: one entry per path and version of the reading code, so that two
    builds of the app (a checkout and an installed bundle) do not replace each other's."""
    key = f"{path}\0{code_version or _code_version()}".encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}{SUFFIX}"


def _open_entry(entry: str) -> BinaryIO:
    """The entry, opened for reading if it is a regular file of a size ours can have: a pipe
    planted in its place would block the open and every read, a huge file fill the memory."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(entry, flags)
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_ENTRY_BYTES:
            raise cache_codec.Malformed("not a cache entry")
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _read_header(handle: BinaryIO, stamp: Stamp) -> list[int] | None:
    """The lengths of the entry's parts, read after its header only if that matches ``stamp``;
    None if it does not. Nothing of the briefing itself is read before this."""
    start = handle.read(len(MARK) + HEADER_LENGTH.size)
    if len(start) != len(MARK) + HEADER_LENGTH.size or not start.startswith(MARK):
        return None
    (length,) = HEADER_LENGTH.unpack_from(start, len(MARK))
    if length > MAX_HEADER_BYTES:
        return None
    header = json.loads(handle.read(length))  # the caller takes any error for a miss
    if type(header) is not dict or header.get("stamp") != list(stamp):
        return None
    parts = header.get("parts")
    if type(parts) is not list or not all(type(n) is int and n >= 0 for n in parts):
        return None
    if sum(parts) != os.fstat(handle.fileno()).st_size - handle.tell():
        return None  # cut short, or more than ours: a damaged entry
    return parts


def _read_entry(entry: str, stamp: Stamp) -> Briefing | None:
    try:
        with _open_entry(entry) as handle:
            lengths = _read_header(handle, stamp)  # a stale entry is not read further
            if lengths is None:
                return None
            # Part by part, each read into its own bytes: no copy of a whole body to cut up.
            parts = [handle.read(length) for length in lengths]
            if [len(part) for part in parts] != lengths:
                return None  # cut short while read
        briefing = cache_codec.decode(parts)
    except FileNotFoundError:
        return None
    except Exception as error:  # damaged, or made by other code: load the file instead
        logger.info("ignored the cache entry %s: %r", entry, error)
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
        parts = cache_codec.encode(briefing)
        header = json.dumps({"stamp": list(stamp), "parts": [len(p) for p in parts]}).encode()
        private_folder(folder)
        # "x": a part left with this very name (a reused process id) is an error, and removed below.
        with open(partial, "xb", opener=private_opener) as handle:
            handle.writelines([MARK, HEADER_LENGTH.pack(len(header)), header, *parts])
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
