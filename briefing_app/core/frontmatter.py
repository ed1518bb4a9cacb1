"""Splitting the front matter from the body and parsing it safely, keeping file positions.

YAML front matter (``---``) is read here; Hugo's TOML front matter (``+++``) in ``toml_front``;
the result both give, and their guard against deep nesting, in ``frontmatter_shared``.

The YAML is composed into nodes (never constructed into arbitrary objects) and converted by hand, so
that every value keeps the line and column it came from, Python tags are refused, duplicate keys are
noticed and alias or nesting bombs stop early.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_app.core.frontmatter_shared import MAX_DEPTH, FrontMatter, Path, nesting_problem
from briefing_app.core.model import Diagnostic

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 250_000  # values visited, aliases counted each time they are used
_OPENING = re.compile(r"---[ \t]*")
_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_TOML_FENCE = re.compile(r"\+\+\+[ \t]*")
_TOML_CLOSING_LINE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)

_STANDARD_SCALAR_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
}
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class Split:
    yaml_text: str | None  # None when the file has no YAML front matter
    yaml_first_line: int  # file line of the first front matter line (1-based), YAML or TOML
    body: str
    body_first_line: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    toml_text: str | None = None  # Hugo's ``+++`` front matter


def split(text: str) -> Split:
    """Find a front matter block: first line ``---``, closed by ``---`` or ``...``; or first
    line ``+++``, closed by ``+++`` (TOML, as Hugo writes it)."""
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if _OPENING.fullmatch(first_line):
        closing_line, fence = _CLOSING_LINE, "---"
    elif _TOML_FENCE.fullmatch(first_line):
        closing_line, fence = _TOML_CLOSING_LINE, "+++"
    else:
        return Split(None, 0, text, 1)
    closing = closing_line.search(text, first_end + 1) if first_end >= 0 else None
    if closing is not None:
        front_text = text[first_end + 1 : closing.start()]
        body = text[closing.end() + 1 :]
        body_first_line = text.count("\n", 0, closing.start()) + 2
        if fence == "+++":
            return Split(None, 2, body, body_first_line, toml_text=front_text)
        return Split(front_text, 2, body, body_first_line)
    message = f"the front matter opened on line 1 is never closed with '{fence}'; read as Markdown"
    return Split(None, 0, text, 1, [Diagnostic("error", 1, 1, message)])


def read(split: Split) -> FrontMatter:
    """The front matter ``split`` found, YAML or TOML; empty when there is none."""
    if split.toml_text is not None:
        from briefing_app.core import toml_front  # only for Hugo's posts

        return toml_front.parse(split.toml_text, split.yaml_first_line)
    if split.yaml_text is not None:
        return parse(split.yaml_text, split.yaml_first_line)
    return FrontMatter()


def parse(yaml_text: str, first_line: int) -> FrontMatter:
    """Parse front matter YAML; problems become diagnostics placed in the file, never exceptions."""
    result = FrontMatter()
    result.positions[()] = (first_line, 1)
    if not yaml_text.strip():
        return result
    too_deep = nesting_problem(yaml_text, first_line)
    if too_deep:
        result.diagnostics.append(too_deep)
        return result
    try:
        root = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        problem = error.problem or error.context or "invalid YAML"
        message = f"the front matter is not valid YAML: {problem}"
        if mark and _char_at(yaml_text, mark.line, mark.column) == "\t":
            message += " (a tab: YAML indents with spaces, not tabs)"
        result.diagnostics.append(Diagnostic("error", line, column, message))
        return result
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        message = f"the front matter is not valid YAML: {error}"
        result.diagnostics.append(Diagnostic("error", first_line, 1, message))
        return result
    if root is None:
        return result
    if not isinstance(root, MappingNode):
        line, column = _position(root, first_line)
        message = "the front matter must be a set of 'key: value' lines"
        result.diagnostics.append(Diagnostic("error", line, column, message))
        return result
    converter = _Converter(result, first_line)
    try:
        data = converter.convert(root, (), 0)
    except _TooBig as error:
        result.diagnostics.append(Diagnostic("error", first_line, 1, str(error)))
        result.data = {}
        return result
    result.data = data if isinstance(data, dict) else {}
    return result


class _TooBig(Exception):
    pass


class _Converter:
    def __init__(self, result: FrontMatter, first_line: int) -> None:
        self.result = result
        self.first_line = first_line
        self.visited = 0
        self.constructor = SafeConstructor()

    def convert(self, node: Node, path: Path, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _TooBig(
                "the front matter is too large or expands too many aliases; it was ignored"
            )
        if depth > MAX_DEPTH:
            raise _TooBig(
                f"the front matter is nested more than {MAX_DEPTH} levels; it was ignored"
            )
        self.result.positions[path] = _position(node, self.first_line)
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ_TAG and not self._tag_ok(node, path):
                return None
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _MAP_TAG and not self._tag_ok(node, path):
                return None
            return self._mapping(node, path, depth)
        return None

    def _tag_ok(self, node: Node, path: Path) -> bool:
        line, column = _position(node, self.first_line)
        message = f"the YAML tag {_short_tag(node.tag)} is not allowed; the value was ignored"
        self.result.diagnostics.append(Diagnostic("error", line, column, message))
        return False

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        self.result.raw[path] = node.value
        if node.tag == _STR_TAG:
            return node.value  # most values: nothing to construct
        if node.tag not in _STANDARD_SCALAR_TAGS:
            self._tag_ok(node, path)
            return None
        try:
            value = self.constructor.construct_object(node)
        except (
            Exception
        ):  # an implicit timestamp like 2023-02-30: keep the text, let validation judge
            return node.value
        if isinstance(value, bytes):
            return node.value
        return value

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        merged: list[dict[str, Any]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                value = self.convert(value_node, path, depth + 1)
                sources = value if isinstance(value, list) else [value]
                merged.extend(item for item in sources if isinstance(item, dict))
                continue
            if not isinstance(key_node, ScalarNode):
                line, column = _position(key_node, self.first_line)
                message = "a key must be a plain name, not a list or mapping; entry ignored"
                self.result.diagnostics.append(Diagnostic("error", line, column, message))
                continue
            key = key_node.value
            key_line, key_column = _position(key_node, self.first_line)
            if key in first_seen:
                message = f"duplicate key '{key}' (first on line {first_seen[key]}); this later value is used"
                self.result.diagnostics.append(Diagnostic("warning", key_line, key_column, message))
            first_seen[key] = key_line
            self.result.key_positions[(*path, key)] = (key_line, key_column)
            mapping[key] = self.convert(value_node, (*path, key), depth + 1)
        for extra in merged:
            for key, value in extra.items():
                mapping.setdefault(key, value)
        return mapping


def _position(node: Node, first_line: int) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + first_line, mark.column + 1


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column : column + 1] if line < len(lines) else ""


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag
