"""Messages between the window and its parse worker: a length, then a pickle.

Pickle is safe here: both ends are this app's own processes, joined by a private pipe. What
comes from disk (the cache) is never unpickled (see ``core.cache_codec``).
"""

from __future__ import annotations

import pickle
import struct
from typing import IO

_LENGTH = struct.Struct("<Q")


def write(stream: IO[bytes], message: object) -> None:
    send(stream, encode(message))


def encode(message: object) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(data)) + data


def send(stream: IO[bytes], encoded: bytes) -> None:
    stream.write(encoded)
    stream.flush()


def read(stream: IO[bytes]) -> object:
    """The next message; EOFError once the other end has closed."""
    head = _read_exactly(stream, _LENGTH.size)
    (length,) = _LENGTH.unpack(head)
    return pickle.loads(_read_exactly(stream, length))


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) < size:
        raise EOFError
    return data
