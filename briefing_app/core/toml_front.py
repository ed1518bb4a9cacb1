"""Hugo's TOML front matter (``+++`` … ``+++``), read with the standard library's ``tomllib``.

The result has the YAML reader's shape, so the same fields are read from it. ``tomllib`` keeps no
positions, so the lines are found by scanning for ``key =`` lines and ``[table]`` headers: enough
to place a problem on the line of its key or of its entry.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter

from briefing_app.core.frontmatter_shared import FrontMatter, Path, nesting_problem
from briefing_app.core.model import Diagnostic

_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")
_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY_LINE = re.compile(rf"[ \t]*(?P<key>{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*=[ \t]*(?P<value>.*)")
_TABLE_LINE = re.compile(
    rf"[ \t]*\[(?P<array>\[)?[ \t]*(?P<name>{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*\]\]?[ \t]*(?:#.*)?"
)
_KEY_PART = re.compile(_KEY)
_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'[^'\n]*'""")


def parse(text: str, first_line: int) -> FrontMatter:
    """Parse TOML front matter; problems become diagnostics placed in the file, never exceptions."""
    result = FrontMatter()
    result.positions[()] = (first_line, 1)
    too_deep = nesting_problem(text, first_line)
    if too_deep:
        result.diagnostics.append(too_deep)
        return result
    twice = _scan(text, first_line, result)
    try:
        result.data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        result.diagnostics.append(_problem(str(error), text, first_line, twice))
        result.data = {}
    return result


def _problem(
    message: str, text: str, first_line: int, twice: tuple[str, int, int] | None
) -> Diagnostic:
    if message.startswith("Cannot overwrite a value") and twice:
        # tomllib does not say where; the scan found the key written a second time.
        key, line, first = twice
        message = f"the key '{key}' is set twice (first on line {first})"
        return Diagnostic("error", line, 1, f"the front matter is not valid TOML: {message}")
    at = _AT.search(message)
    if at and at[1]:
        line, column = int(at[1]) + first_line - 1, int(at[2])
    else:  # at the end: the last line of the front matter
        line, column = first_line + max(text.rstrip("\n").count("\n"), 0), 1
    problem = message[: at.start()] if at else message
    return Diagnostic("error", line, column, f"the front matter is not valid TOML: {problem}")


def _scan(text: str, first_line: int, result: FrontMatter) -> tuple[str, int, int] | None:
    """Record where each key and table is, and non-string values as written; return the first
    key set twice in one table (name, line, first line), which TOML does not allow."""
    table: Path = ()
    arrays: Counter[Path] = Counter()
    twice = None
    closing = ""  # the quotes that end a multi-line string being skipped
    depth = 0  # of brackets still open in a value that goes on over the next lines
    for number, line in enumerate(text.split("\n")):
        file_line = number + first_line
        if closing:
            if closing in line:
                closing = ""
            continue
        if depth:
            depth += _bracket_balance(line)
            continue
        header = _TABLE_LINE.fullmatch(line)
        if header:
            names = _names(header["name"])
            if header["array"]:
                table = (*names, arrays[names])
                arrays[names] += 1
            else:
                table = names
            result.positions.setdefault(names, (file_line, 1))
            result.positions[table] = (file_line, 1)
            continue
        assignment = _KEY_LINE.match(line)
        if not assignment:
            continue
        path = (*table, *_names(assignment["key"]))
        key_at = (file_line, assignment.start("key") + 1)
        if path in result.key_positions and twice is None:
            twice = (assignment["key"], file_line, result.key_positions[path][0])
        result.key_positions[path] = key_at
        result.positions[path] = (file_line, assignment.start("value") + 1)
        value = assignment["value"]
        for quotes in ('"""', "'''"):
            if value.startswith(quotes) and quotes not in value[3:]:
                closing = quotes
        if value.startswith(("[", "{")):
            depth = max(_bracket_balance(value), 0)
        elif not value.startswith(('"', "'")):
            # Numbers, booleans and dates hold no '#': the rest of the line is a comment.
            result.raw[path] = value.split("#", 1)[0].strip()
    return twice


def _bracket_balance(line: str) -> int:
    """Brackets opened less those closed on ``line``, outside strings and comments."""
    code = _STRING.sub("", line).split("#", 1)[0]
    return code.count("[") + code.count("{") - code.count("]") - code.count("}")


def _names(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _KEY_PART.findall(dotted))
