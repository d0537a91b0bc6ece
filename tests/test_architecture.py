"""The import graph has no cycles: every arrow between p1lint modules points one way, and so does
every arrow between the floors of the package (its top-level modules and subpackages).

Every import counts, at module level or inside a function (a deferred import is still a dependency).
Importing `p1lint.a.b` is an arrow to that module only, not to the package `p1lint.a` that Python runs
first: a package's `__init__` may gather its submodules without making a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import p1lint

PACKAGE_DIR = Path(p1lint.__file__).resolve().parent


def module_name(path: Path) -> str:
    parts = ("p1lint", *path.relative_to(PACKAGE_DIR).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}


def imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every dotted name an import statement in `tree` reaches (`from m import x` reaches `m.x`)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _from_base(node, module, is_package)
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _from_base(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    anchor = parts if is_package else parts[:-1]
    anchor = anchor[: len(anchor) - (node.level - 1)]
    return ".".join([*anchor, *([node.module] if node.module else [])])


def dependencies(modules: dict[str, Path]) -> dict[str, set[str]]:
    """For each module, the p1lint modules it imports (a `from m import name` is an arrow to m.name if
    that is a module, to m otherwise)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        reached = imported_names(tree, name, path.name == "__init__.py")
        graph[name] = {_owning_module(target, modules) for target in reached} - {"", name}
    return graph


def _owning_module(dotted: str, modules: dict[str, Path]) -> str:
    """The longest prefix of `dotted` that is a p1lint module, or '' if none."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return ""


def floors(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph between top-level modules and subpackages (`p1lint.rules.loader` is `p1lint.rules`)."""
    collapsed: dict[str, set[str]] = {}
    for module, targets in graph.items():
        floor = _floor(module)
        collapsed.setdefault(floor, set()).update(_floor(target) for target in targets)
        collapsed[floor].discard(floor)
    return collapsed


def _floor(module: str) -> str:
    return ".".join(module.split(".")[:2])


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path that ends where it starts, or None."""
    state: dict[str, str] = {}
    for start in sorted(graph):
        cycle = _visit(start, graph, state, [])
        if cycle:
            return cycle
    return None


def _visit(node: str, graph: dict[str, set[str]], state: dict[str, str], path: list[str]) -> list[str] | None:
    if state.get(node) == "done":
        return None
    if state.get(node) == "open":
        return [*path[path.index(node) :], node]
    state[node] = "open"
    path.append(node)
    for target in sorted(graph.get(node, ())):
        cycle = _visit(target, graph, state, path)
        if cycle:
            return cycle
    path.pop()
    state[node] = "done"
    return None


def all_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules, found by removing each cycle's closing arrow."""
    remaining = {node: set(targets) for node, targets in graph.items()}
    cycles = []
    while (cycle := find_cycle(remaining)) is not None:
        cycles.append(cycle)
        remaining[cycle[-2]].discard(cycle[-1])
    return cycles


def test_the_graph_sees_module_and_function_level_imports() -> None:
    graph = dependencies(package_modules())
    assert "p1lint.engine" in graph["p1lint.cli"] or "p1lint.commands.check" in graph["p1lint.cli"]
    assert graph["p1lint.commands.check"], "commands.check imports other p1lint modules"


def test_a_cycle_is_reported_as_a_path() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_modules_collapse_into_their_floor() -> None:
    graph = {"p1lint.rules.loader": {"p1lint.functions.base", "p1lint.rules.spec"}, "p1lint.cli": set()}
    assert floors(graph) == {"p1lint.rules": {"p1lint.functions"}, "p1lint.cli": set()}


def _shown(cycles: list[list[str]]) -> str:
    return "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_no_import_cycles_between_modules() -> None:
    cycles = all_cycles(dependencies(package_modules()))
    assert not cycles, "import cycles between modules:\n" + _shown(cycles)


def test_no_import_cycles_between_floors() -> None:
    cycles = all_cycles(floors(dependencies(package_modules())))
    assert not cycles, "import cycles between top-level modules and subpackages:\n" + _shown(cycles)
