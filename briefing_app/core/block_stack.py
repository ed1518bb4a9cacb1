"""Python-Markdown's list of blocks, kept back to front so that taking the first costs nothing.

Python-Markdown's block processors take the first block off a list of all the blocks left
(``blocks.pop(0)``) and put back what they do not use (``blocks.insert(0, rest)``): each moves
every block after it, so a text of 200,000 paragraphs spent some 6 s moving them. Kept in
reverse, the first block is the last item, and both are constant-time. The processors only
ever look at the first block, take it, put a block back in front, or ask whether any is left.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

import markdown
from markdown.blockparser import BlockParser


class BlockStack:
    """The blocks still to parse, first block last. Supports what block processors use."""

    def __init__(self, blocks: Iterable[str]) -> None:
        self._reversed = list(blocks)
        self._reversed.reverse()

    def __bool__(self) -> bool:
        return bool(self._reversed)

    def __len__(self) -> int:
        return len(self._reversed)

    def __getitem__(self, index: int) -> str:
        if not isinstance(index, int) or index < 0:
            raise IndexError("blocks are read from the front, one at a time")
        return self._reversed[-1 - index]

    def pop(self, index: int = -1) -> str:
        if index != 0:
            raise IndexError("only the first block is ever taken")
        return self._reversed.pop()

    def insert(self, index: int, block: str) -> None:
        if index != 0:
            raise IndexError("blocks are only ever put back in front")
        self._reversed.append(block)


def keep_blocks_in_a_stack(md: markdown.Markdown) -> None:
    """Have ``md``'s block parser keep the blocks in a :class:`BlockStack`."""
    parser = md.parser
    parse = BlockParser.parseBlocks.__get__(parser)

    def parse_blocks(parent: ET.Element, blocks: list[str]) -> None:
        stack = blocks if isinstance(blocks, BlockStack) else BlockStack(blocks)
        parse(parent, stack)

    parser.parseBlocks = parse_blocks
