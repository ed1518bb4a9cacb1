"""The shape of the package: small modules, a Qt-free core, and no import cycles.

Imports are read from the source with ``ast``, every ``import`` and ``from ... import``
statement counting, also one inside a function or under ``TYPE_CHECKING``: an import put off
until it is needed still ties the two modules together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = "briefing_app"
MAX_LINES = 450
QT_PACKAGES = ("PySide6", "shiboken6")


@dataclass(frozen=True)
class Import:
    target: str  # a module of the package, or any other module for the Qt check
    line: int


def module_files() -> dict[str, Path]:
    modules = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = module_files()


def is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def imports_of(module: str) -> Iterator[Import]:
    return imports_in(MODULES[module].read_text(encoding="utf-8"), module, is_package(module))


def imports_in(source: str, module: str, package: bool) -> Iterator[Import]:
    """What ``module`` imports, wherever in it: a module of the package as the module it names
    (``from a import b`` names ``a.b`` when that is a module, else ``a``)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module if package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    parent = parent.rpartition(".")[0]
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield Import(submodule if submodule in MODULES else base, node.lineno)


def import_graph() -> dict[str, dict[str, int]]:
    """Each module's imports of other modules of the package, with the line of the first."""
    graph: dict[str, dict[str, int]] = {}
    for module in MODULES:
        edges: dict[str, int] = {}
        for found in imports_of(module):
            if found.target in MODULES and found.target != module:
                edges.setdefault(found.target, found.line)
        graph[module] = edges
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module: each a set of modules
    that import each other round."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def reached_from(graph: dict[str, dict[str, int]], start: str) -> dict[str, str]:
    """Every module ``start`` imports, directly or not, with the module it is first imported
    from on a shortest chain (breadth first, in the order reached)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in graph[node]:
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    return came_from


def chain_to(came_from: dict[str, str], start: str, goal: str) -> list[str]:
    """The chain of imports from ``start`` to ``goal`` (which may be ``start`` again)."""
    chain = [goal]
    while chain[-1] != start or len(chain) == 1:
        chain.append(came_from[chain[-1]])
    return chain[::-1]


def describe(graph: dict[str, dict[str, int]], chain: list[str]) -> str:
    """``a -> b -> c``, each step with the file and line of its import."""
    steps = [chain[0]]
    for importer, imported in pairwise(chain):
        where = MODULES[importer].relative_to(ROOT)
        steps.append(f"  -> {imported}  ({where}:{graph[importer][imported]})")
    return "\n".join(steps)


def test_no_module_is_longer_than_the_limit():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in MODULES.values()
    }
    too_long = sorted(
        ((lines, name) for name, lines in lengths.items() if lines > MAX_LINES), reverse=True
    )
    assert not too_long, f"modules over {MAX_LINES} lines:\n" + "\n".join(
        f"  {name}: {lines} lines" for lines, name in too_long
    )


def test_core_never_imports_qt_not_even_through_another_module():
    graph = import_graph()
    qt_imports = {}
    for module in MODULES:
        for found in imports_of(module):
            if found.target.split(".")[0] in QT_PACKAGES:
                qt_imports.setdefault(module, found)
    problems = []
    for module in MODULES:
        if module != f"{PACKAGE}.core" and not module.startswith(f"{PACKAGE}.core."):
            continue
        came_from = reached_from(graph, module)
        qt_user = next((m for m in [module, *came_from] if m in qt_imports), None)
        if qt_user is not None:
            chain = [module] if qt_user == module else chain_to(came_from, module, qt_user)
            found = qt_imports[qt_user]
            where = MODULES[qt_user].relative_to(ROOT)
            problems.append(
                f"{describe(graph, chain)}\n  -> {found.target}  ({where}:{found.line})"
            )
    assert not problems, "core reaches Qt:\n" + "\n\n".join(problems)


def test_no_import_cycles():
    graph = import_graph()
    cycles = []
    for component in strongly_connected(graph):
        start = component[0]
        example = chain_to(reached_from(graph, start), start, start)
        cycles.append(
            f"{len(component)} modules import each other round: {', '.join(component)}\n"
            f"for example:\n{describe(graph, example)}"
        )
    assert not cycles, "import cycles:\n\n" + "\n\n".join(cycles)


def test_every_kind_of_import_is_an_edge():
    """The checks above would pass without a word if imports were missed."""
    source = """
from typing import TYPE_CHECKING

import briefing_app.core.model
from briefing_app.core import loader, BriefingError
from . import document
from ..gui.export import printing

if TYPE_CHECKING:
    from briefing_app.core.render import Rendered

def later():
    from PySide6.QtCore import QObject
"""
    found = sorted((i.line, i.target) for i in imports_in(source, f"{PACKAGE}.core.library", False))
    assert found == [
        (2, "typing"),
        (4, f"{PACKAGE}.core.model"),
        (5, f"{PACKAGE}.core"),
        (5, f"{PACKAGE}.core.loader"),
        (6, f"{PACKAGE}.core.document"),
        (7, f"{PACKAGE}.gui.export.printing"),
        (10, f"{PACKAGE}.core.render"),
        (13, "PySide6.QtCore"),
    ]
