"""What the YAML reader (``frontmatter``) and the TOML reader (``toml_front``) share: the shape
of their result and the guard against nesting too deep to parse."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.model import Diagnostic

MAX_DEPTH = 48
MAX_INDENT = 300
# A front matter longer than this is never a briefing's (10,000 entries of a panel with a few
# fields each fit), and parsing it before finding it too large took minutes and gigabytes.
MAX_LINES = 120_000
MAX_CHARACTERS = 4 * 1024 * 1024
# A line indented by more than MAX_INDENT spaces that has something on it; possessive, so a
# long line of blanks cannot make the search backtrack.
_TOO_FAR_INDENTED = re.compile(rf"^ {{{MAX_INDENT + 1},}}+[^\S\n]*+\S", re.MULTILINE)

Path = tuple[str | int, ...]


@dataclass
class FrontMatter:
    """The converted YAML mapping plus where each value and key came from."""

    data: dict[str, Any] = field(default_factory=dict)
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)  # scalar text as written
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def where(self, path: Path) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def where_key(self, path: Path) -> tuple[int, int]:
        return self.key_positions.get(path) or self.where(path)


def nesting_problem(yaml_text: str, first_line: int) -> Diagnostic | None:
    """Refuse a front matter too long, or nested deep enough to exhaust the parser's stack,
    before parsing."""
    lines = yaml_text.count("\n") + 1
    if lines > MAX_LINES or len(yaml_text) > MAX_CHARACTERS:
        size = f"{lines:,} lines" if lines > MAX_LINES else f"{len(yaml_text):,} characters"
        limit = f"{MAX_LINES:,} lines" if lines > MAX_LINES else f"{MAX_CHARACTERS:,} characters"
        message = f"the front matter is too large ({size}; at most {limit}); it was ignored"
        return Diagnostic("error", first_line, 1, message)
    depth = 0
    openers = yaml_text.count("[") + yaml_text.count("{")
    for offset, char in enumerate(yaml_text if openers > MAX_DEPTH else ""):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = yaml_text.count("\n", 0, offset) + first_line
                message = f"the front matter is nested more than {MAX_DEPTH} levels; it was ignored"
                return Diagnostic("error", line, 1, message)
        elif char in "]}" and depth:
            depth -= 1
    too_far = _TOO_FAR_INDENTED.search(yaml_text)
    if too_far:
        line = yaml_text.count("\n", 0, too_far.start()) + first_line
        message = f"the front matter is indented more than {MAX_INDENT} spaces; it was ignored"
        return Diagnostic("error", line, 1, message)
    return None
