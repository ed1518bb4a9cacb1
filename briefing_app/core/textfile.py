"""Reading a briefing file's bytes into text: size cap, byte-order marks, bad bytes, line endings."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field

from briefing_app.core.errors import BriefingError
from briefing_app.core.model import Diagnostic

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class DecodedText:
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read at most ``limit`` bytes, raising BriefingError for anything that is not a readable file."""
    if os.path.isdir(path):
        raise BriefingError(path, "is a folder, not a briefing file")
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise BriefingError(
                    path, f"is {_megabytes(size)}, larger than the {_megabytes(limit)} limit"
                )
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise BriefingError(path, "no such file") from None
    except PermissionError:
        raise BriefingError(path, "permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise BriefingError(path, "is a folder, not a briefing file") from None
    except OSError as error:
        raise BriefingError(path, f"cannot be read: {error.strerror or error}") from None
    if len(data) > limit:  # grew while we read it, or a special file with no size
        raise BriefingError(path, f"is larger than the {_megabytes(limit)} limit")
    return data


def read_head(path: str, size: int) -> tuple[os.stat_result, bytes]:
    """The file's status and its first ``size`` bytes, for indexing a library. Raises OSError.

    Through the file descriptor, not a Python file object: a buffered file allocates ``size``
    bytes at once and wraps them in objects, which took half as long again as the system calls
    themselves (0.021-0.025 ms a file against 0.014-0.016 ms), for each of 10,000 files.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(descriptor)
        chunks = []
        wanted = size
        while wanted > 0:  # a read may return less than asked, short of the file's end
            chunk = os.read(descriptor, wanted)
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
    finally:
        os.close(descriptor)
    return info, b"".join(chunks)


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
