"""Where lists start and end, as the preprocessors that must leave list items alone see it."""

from __future__ import annotations

import re

ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def list_goes_on(in_list: bool, line: str, previous: str) -> bool:
    """Whether a list is open at ``line`` (``previous`` is the line before it): a list starts at
    an item and ends at a line at the left margin after a blank line."""
    if ITEM.match(line):
        return True
    if line.strip() and not line.startswith((" ", "\t")) and not previous.strip():
        return False
    return in_list
