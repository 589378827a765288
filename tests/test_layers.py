"""The package keeps its shape: no import cycle, checks above the facts only, reports below
the batch machinery, and small modules.

Imports are read from the source (``ast``), wherever they stand: at the top, under
``TYPE_CHECKING``, or inside a function. A lazy import still ties two modules together; it
only moves the cost of the tie to run time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "seolint"

#: Modules allowed over 400 lines: none since the facts layer split the check modules.
TOO_LONG_FOR_NOW: set[str] = set()
MAX_LINES = 400

#: What a check may import: the facts about an article and its site, and the rule framework.
CHECK_MAY_IMPORT = ("seolint.source", "seolint.language", "seolint.site", "seolint.findings", "seolint.rules",
                    "seolint.errors", "seolint._data", "seolint.printable", "seolint.i18n")

#: Checks allowed to read another check's module: none, the facts layer holds what they share.
CHECK_TO_CHECK_FOR_NOW: set[tuple[str, str]] = set()

#: What the output formats must never reach: the engine, the batch machinery (the cache among
#: it), the commands, fixes and publishing.
REPORT_MAY_NOT_IMPORT = ("seolint.engine", "seolint.batch", "seolint.commands", "seolint.cli",
                         "seolint.fix", "seolint.publish", "seolint.lsp")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """The package's modules that ``name`` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module in known:
                yield module
            yield from (f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in known)


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: set(imported(name, path, set(found))) - {name} for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
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
                    found.append(sorted(component))
    return found


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(edges) == [["a", "b", "c"]]


def test_the_import_reader_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from seolint.x import Y\n"
                      "def f():\n    from . import z\n    import seolint.w\n", encoding="utf-8")
    known = {"seolint.x", "seolint.z", "seolint.w"}
    assert set(imported("seolint.mod", source, known)) == known


def test_no_import_cycle() -> None:
    found = cycles(graph())
    assert not found, "import cycles (break each by moving what both sides share to the layer below):\n" + "\n".join(
        " ⇄ ".join(component) for component in found)


def test_checks_import_only_facts_and_the_rule_framework() -> None:
    wrong = []
    for name, targets in graph().items():
        if not name.startswith("seolint.checks.") or name.rpartition(".")[2].startswith("_"):
            continue
        for target in sorted(targets):
            allowed = within(target, CHECK_MAY_IMPORT) or (
                target.startswith("seolint.checks._") or (name, target) in CHECK_TO_CHECK_FOR_NOW)
            if not allowed:
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_reports_never_import_the_engine_or_the_batch_machinery() -> None:
    wrong = [f"{name} imports {target}" for name, targets in graph().items() if within(name, ("seolint.report",))
             for target in sorted(targets) if within(target, REPORT_MAY_NOT_IMPORT)]
    assert not wrong, "\n".join(wrong)


def test_every_module_is_at_most_400_lines() -> None:
    long = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    over = sorted(f"{name}: {lines} lines" for name, lines in long.items()
                  if lines > MAX_LINES and name not in TOO_LONG_FOR_NOW)
    assert not over, "\n".join(over)
    shrunk = sorted(name for name in TOO_LONG_FOR_NOW if long.get(name, 0) <= MAX_LINES)
    assert not shrunk, f"now under {MAX_LINES} lines: take them off TOO_LONG_FOR_NOW: {shrunk}"


def test_only_checks_read_a_checks_private_module() -> None:
    """What a check's helper module holds for a front end (the LSP's SERP preview, say)
    belongs below the checks, in language/ or source/."""
    wrong = [f"{name} imports {target}" for name, targets in graph().items() if not within(name, ("seolint.checks",))
             for target in sorted(targets) if target.startswith("seolint.checks._")]
    assert not wrong, "\n".join(wrong)
