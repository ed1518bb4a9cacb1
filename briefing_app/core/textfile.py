"""Reading a briefing file's bytes into text: size cap, byte-order marks, bad bytes, line endings."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass, field

from briefing_app.core.errors import BriefingError
from briefing_app.core.model import Diagnostic

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class DecodedText:
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


class NotRegularFile(OSError):
    """A named pipe, device, socket or folder where a file was expected."""

    def __init__(self, path: str, kind: str) -> None:
        message = f"not a regular file: {kind}, which the app does not read"
        super().__init__(message)
        self.strerror = message
        self.filename = path
        self.kind = kind

    def __str__(self) -> str:
        return str(self.strerror)


# O_NONBLOCK: opening a named pipe otherwise waits until something writes to it, and the window or
# command waits with it. A regular file ignores the flag.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def open_regular(path: str) -> int:
    """A descriptor open for reading ``path``, which must be a regular file (symbolic links are
    followed). Raises OSError: :class:`NotRegularFile` for a pipe, device, socket or folder, which
    would block or never end. Every file the app reads is opened here."""
    descriptor = os.open(path, _READ_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode  # of what was opened: no race with a stat before
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, _kind(mode))
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read at most ``limit`` bytes, raising BriefingError for anything that is not a readable file."""
    try:
        descriptor = open_regular(path)
    except NotRegularFile as error:
        if error.kind == "a folder":
            raise BriefingError(path, "is a folder, not a briefing file") from None
        raise BriefingError(path, str(error.strerror)) from None
    except FileNotFoundError:
        raise BriefingError(path, "no such file") from None
    except PermissionError:
        if os.path.isdir(path):  # Windows opens no folder as a file
            raise BriefingError(path, "is a folder, not a briefing file") from None
        raise BriefingError(path, "permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise BriefingError(path, "is a folder, not a briefing file") from None
    except OSError as error:
        raise BriefingError(path, f"cannot be read: {error.strerror or error}") from None
    try:
        size = os.fstat(descriptor).st_size
        if size > limit:
            raise BriefingError(
                path, f"is {_megabytes(size)}, larger than the {_megabytes(limit)} limit"
            )
        data = _read_up_to(descriptor, size + 1)  # a byte more, to see it grow
        if len(data) > size:
            data += _read_up_to(descriptor, limit + 1 - len(data))
    except OSError as error:
        raise BriefingError(path, f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew while we read it
        raise BriefingError(path, f"is larger than the {_megabytes(limit)} limit")
    return data


def read_head(path: str, size: int) -> tuple[os.stat_result, bytes]:
    """The file's status and its first ``size`` bytes, for indexing a library. Raises OSError.

    Through the file descriptor, not a Python file object: a buffered file allocates ``size``
    bytes at once and wraps them in objects, which took half as long again as the system calls
    themselves, for each of 10,000 files.
    """
    descriptor = open_regular(path)
    try:
        info = os.fstat(descriptor)
        data = _read_up_to(descriptor, size)
    finally:
        os.close(descriptor)
    return info, data


def _read_up_to(descriptor: int, size: int) -> bytes:
    chunks = []
    wanted = size
    while wanted > 0:  # a read may return less than asked, short of the file's end
        chunk = os.read(descriptor, wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def decode(data: bytes) -> DecodedText:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; report undecodable bytes by position.

    Line endings become ``\\n``. NUL characters become U+FFFD, since Qt's text widgets stop at them.
    """
    diagnostics: list[Diagnostic] = []
    if data.startswith(codecs.BOM_UTF8):
        text = _decode_utf8(data[len(codecs.BOM_UTF8) :], diagnostics)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        if "\ufffd" in text:
            diagnostics.append(
                _at(text, text.index("\ufffd"), "the UTF-16 text has undecodable bytes")
            )
    else:
        text = _decode_utf8(data, diagnostics)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        diagnostics.append(_at(text, text.index("\x00"), "the file contains NUL bytes; shown as �"))
        text = text.replace("\x00", "\ufffd")
    return DecodedText(text, diagnostics)


def _decode_utf8(data: bytes, diagnostics: list[Diagnostic]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8", errors="replace")
        text = data.decode("utf-8", errors="replace")
        byte = data[error.start]
        hint = " (is the file UTF-16 without a byte-order mark?)" if b"\x00" in data[:64] else ""
        diagnostics.append(
            _at(good, len(good), f"byte 0x{byte:02x} is not valid UTF-8; shown as �{hint}")
        )
        return text


def _at(text: str, offset: int, message: str) -> Diagnostic:
    head = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    line = head.count("\n") + 1
    column = len(head) - (head.rfind("\n") + 1) + 1
    return Diagnostic("error", line, column, message)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
