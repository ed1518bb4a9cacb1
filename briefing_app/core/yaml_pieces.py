"""Composing a long front matter a piece at a time, so that a loading thread lets the window run.

libyaml keeps Python's lock while it composes: 80 KB of front matter (300 people and 1,000
timeline events) held it for 40-90 ms, and the window stalled that long while a big briefing
loaded on a thread. A long front matter is cut between its top-level keys, and a long
top-level list between its items; the pieces are composed one by one, each after as many
blank lines as precede it so that its marks name the lines it came from, and their nodes are
joined. Whatever does not cut cleanly (an alias to an anchor in another piece, a syntax error)
is composed whole, as it always was, so every error is reported exactly as before.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

PIECE_CHARACTERS = 8 * 1024  # about 5 ms of composing each

_LIST_KEY = re.compile(r"[^\s#\-][^#]*:\s*(#.*)?")  # "timeline:", its list on the lines below
_ITEM = re.compile(r" *-(\s|$)")


def compose(text: str, loader: Any) -> Node | None:
    if len(text) <= PIECE_CHARACTERS:
        return yaml.compose(text, Loader=loader)
    try:
        joined = _compose_in_pieces(text.split("\n"), loader)
    except yaml.YAMLError:
        joined = None
    return joined if joined is not None else yaml.compose(text, Loader=loader)


def _compose_in_pieces(lines: list[str], loader: Any) -> MappingNode | None:
    starts = [n for n, line in enumerate(lines) if line and line[0] not in " \t#-"]
    if not starts:
        return None
    starts[0] = 0  # comments and blank lines before the first key go with it
    root: MappingNode | None = None
    group: tuple[int, int] | None = None  # top-level keys composed together
    group_size = 0
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        size = _characters(lines, start, end)
        long_list = size > PIECE_CHARACTERS and _LIST_KEY.fullmatch(lines[start]) is not None
        if group and (long_list or group_size + size > PIECE_CHARACTERS):
            root = _join(root, _piece(_text(lines, *group), group[0], loader))
            if root is None:
                return None  # not a mapping: composed whole instead
            group = None
        if long_list:
            root = _join(root, _long_list(lines, start, end, loader))
            if root is None:
                return None
        else:
            group, group_size = (
                ((group[0], end), group_size + size) if group else ((start, end), size)
            )
    if group:
        root = _join(root, _piece(_text(lines, *group), group[0], loader))
    return root


def _characters(lines: list[str], start: int, end: int) -> int:
    return sum(len(line) + 1 for line in lines[start:end])


def _long_list(lines: list[str], start: int, end: int, loader: Any) -> MappingNode | None:
    """``key:`` and the list below it, composed a few items at a time."""
    items = [n for n in range(start + 1, end) if _ITEM.match(lines[n])]
    if not items:
        return _piece(_text(lines, start, end), start, loader)
    indent = _indent(lines[items[0]])
    cuts, size = [items[0]], 0
    for previous, n in pairwise(items):
        size += _characters(lines, previous, n)
        if _indent(lines[n]) == indent and size >= PIECE_CHARACTERS:
            cuts.append(n)
            size = 0
    head = _piece(_text(lines, start, cuts[1] if len(cuts) > 1 else end), start, loader)
    if head is None or len(head.value) != 1 or not isinstance(head.value[0][1], SequenceNode):
        return None
    sequence = head.value[0][1]
    for first, last in zip(cuts[1:], [*cuts[2:], end], strict=True):
        # The key again, then the items: line 0 is the key's, line 1 the first item's.
        piece = _piece(lines[start] + "\n" + _text(lines, first, last), first - 1, loader)
        if piece is None or len(piece.value) != 1:
            return None
        more = piece.value[0][1]
        if not isinstance(more, SequenceNode) or more.tag != sequence.tag:
            return None
        sequence.value.extend(more.value)
        sequence.end_mark = more.end_mark
    return head


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _text(lines: list[str], start: int, end: int) -> str:
    """Lines ``start`` to ``end`` as they stand in the text, line breaks included: a block
    scalar (``|``) keeps its last one only if it is there."""
    return "\n".join(lines[start:end]) + ("\n" if end < len(lines) else "")


def _piece(text: str, first_line: int, loader: Any) -> MappingNode | None:
    # Blank lines in front put the piece where it stands in the whole, so every node's line is
    # right as composed (shifting the marks of 17,000 nodes afterwards cost 25 ms in Python).
    node = yaml.compose("\n" * first_line + text, Loader=loader)
    return node if isinstance(node, MappingNode) else None


def _join(root: MappingNode | None, piece: MappingNode | None) -> MappingNode | None:
    if piece is None or (root is not None and piece.tag != root.tag):
        return None
    if root is None:
        return piece
    root.value.extend(piece.value)
    root.end_mark = piece.end_mark
    return root
