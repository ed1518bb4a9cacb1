"""An article's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with one, or
Windows-1252 as older Windows editors save it (which covers Latin-1 text too).

Briefings are decoded by :mod:`briefing_app.core.textfile`, which shows a bad byte as U+FFFD and
reports it. A draft is written without anyone reading the article, so a lost character would go
unseen: drafting stops instead, naming the byte at fault.
"""

from __future__ import annotations

import codecs
import re

from briefing_app.core import textfile
from briefing_app.core.errors import BriefingError

# Characters that are not text: C0 and C1 controls other than tab, line and page breaks, DEL,
# and U+FFFD, the mark of a character lost before the file was saved.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_CONTROL_BYTE = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]")
_SAVE_AS_UTF8 = "save the article as UTF-8 text and draft it again"


def article_text(path: str) -> str:
    """The text of the article at ``path``. Raises BriefingError if it is not text."""
    data = textfile.read_bytes(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, start = "utf-16", 0  # the codec reads the byte-order mark
    elif data.startswith(codecs.BOM_UTF8):
        encoding, start = "utf-8", len(codecs.BOM_UTF8)
    else:
        return _unmarked(path, data)
    try:
        return _checked(path, data, encoding, start)
    except UnicodeDecodeError as error:
        lines = encoding == "utf-8"  # UTF-16 does not end its lines with the byte 0x0a alone
        what = f"is not {encoding.upper()}"
        raise _bad_byte(path, data, start + error.start, what, lines) from None


def _unmarked(path: str, data: bytes) -> str:
    """UTF-8, or else Windows-1252, unless the bytes hold controls that no text has."""
    try:
        return _checked(path, data, "utf-8", 0)
    except UnicodeDecodeError as error:
        not_utf8 = error.start
    control = _CONTROL_BYTE.search(data)
    if control:  # a binary file: say so, rather than that it is not Windows-1252
        offset = control.start()
        raise _not_text(path, data, offset, chr(data[offset]), _line(data, offset))
    try:
        return _checked(path, data, "cp1252", 0)
    except UnicodeDecodeError:
        what = "is not UTF-8, and the file is not Windows-1252 either"
        raise _bad_byte(path, data, not_utf8, what) from None


def _checked(path: str, data: bytes, encoding: str, start: int) -> str:
    """``data[start:]`` decoded, if it is text. Raises UnicodeDecodeError or BriefingError."""
    text = data[start:].decode(encoding)
    odd = _NOT_TEXT.search(text)
    if odd:
        # UTF-16's encoder writes a byte-order mark, as the file has one: the offset counts it
        offset = start + len(text[: odd.start()].encode(encoding))
        raise _not_text(path, data, offset, odd.group(), text.count("\n", 0, odd.start()) + 1)
    return text


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _bad_byte(path: str, data: bytes, offset: int, what: str, lines: bool = True) -> BriefingError:
    line = f" (line {_line(data, offset)})" if lines else ""
    return BriefingError(
        path, f"byte 0x{data[offset]:02x} at offset {offset}{line} {what}; {_SAVE_AS_UTF8}"
    )


def _not_text(path: str, data: bytes, offset: int, char: str, line: int) -> BriefingError:
    where = f"at byte offset {offset} (line {line})"
    if char == "\ufffd":
        return BriefingError(
            path,
            f"has U+FFFD {where}, a character lost before the file was saved;"
            " put the right character back and draft it again",
        )
    head = data[:64]  # UTF-16 has every other byte zero, as far as the text is ASCII
    utf16 = len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))
    hint = " (UTF-16 without a byte-order mark?)" if utf16 else ""
    return BriefingError(
        path, f"is not a text file: control character U+{ord(char):04X} {where}{hint}"
    )
