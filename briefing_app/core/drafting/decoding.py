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
_SAVE_AS_UTF8 = "save the article as UTF-8 text and draft it again"


def article_text(path: str) -> str:
    """The text of the article at ``path``. Raises BriefingError if it is not text."""
    data = textfile.read_bytes(path)
    if data.startswith(codecs.BOM_UTF8):
        encoding, start = "utf-8", len(codecs.BOM_UTF8)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, start = "utf-16", 0  # the codec reads the byte-order mark
    else:
        encoding, start = "utf-8", 0
    try:
        text = data[start:].decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-16":
            raise _bad_byte(path, data, error.start, "is not UTF-16", lines=False) from None
        if start:  # marked as UTF-8, so not Windows-1252 after all
            raise _bad_byte(path, data, start + error.start, "is not UTF-8") from None
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise _bad_byte(
                path, data, error.start, "is not UTF-8, and the file is not Windows-1252 either"
            ) from None
    odd = _NOT_TEXT.search(text)
    if odd:
        # UTF-16's encoder writes a byte-order mark, as the file has one: the offset counts it
        offset = start + len(text[: odd.start()].encode(encoding))
        raise _not_text(path, text, odd.start(), offset, _looks_utf16(data))
    return text


def _bad_byte(path: str, data: bytes, offset: int, what: str, lines: bool = True) -> BriefingError:
    breaks = data.count(b"\n", 0, offset)
    line = f" (line {breaks + 1})" if lines else ""
    return BriefingError(
        path, f"byte 0x{data[offset]:02x} at offset {offset}{line} {what}; {_SAVE_AS_UTF8}"
    )


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 has every other byte zero, as far as it is ASCII."""
    head = data[:64]
    return len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))


def _not_text(path: str, text: str, index: int, offset: int, utf16: bool) -> BriefingError:
    char = text[index]
    line = text.count("\n", 0, index) + 1
    where = f"at byte offset {offset} (line {line})"
    if char == "\ufffd":
        return BriefingError(
            path,
            f"has U+FFFD {where}, a character lost before the file was saved;"
            " put the right character back and draft it again",
        )
    hint = " (UTF-16 without a byte-order mark?)" if utf16 else ""
    return BriefingError(
        path, f"is not a text file: control character U+{ord(char):04X} {where}{hint}"
    )
