"""The shape of the code: no import cycles in learn/, no file over 400 lines, and no
dispatch on exercise kinds outside the registry (learn/exercises/registry.py).

The import graph is read with ast from the source files: every import statement counts,
also inside functions and ``if TYPE_CHECKING:``, because a cycle hidden there is still one.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from learn.config import PROJECT_ROOT

LEARN = PROJECT_ROOT / "learn"
MAX_LINES = 400
KINDS = ("reflectie", "meerkeuze", "haakjes", "netwerkkaart", "triade")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the learn modules it imports (a name imported from a package counts as the
    submodule when there is one). A blueprint package importing its own view modules last,
    so that they attach themselves to its ``bp``, is Flask's pattern and not counted."""
    files = {module_name(p): p for p in LEARN.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.add(sub if sub in files else base)
        source = path.read_text(encoding="utf-8")
        blueprint = path.name == "__init__.py" and "Blueprint(" in source
        graph[name] = {
            t
            for t in targets
            if t in files and t != name and not (blueprint and t.startswith(f"{name}."))
        }
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path of module names, or None (depth-first search, iterative)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if state.get(root):
            continue
        path = [root]
        stack = [iter(sorted(graph[root]))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return None


def test_the_import_graph_is_read() -> None:
    graph = import_graph()
    assert "learn.exercises.registry" in graph["learn.content.modules.exercises"]
    assert "learn.content.cases.model" in graph["learn.content.cases.graph"]


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_in_learn() -> None:
    assert find_cycle(import_graph()) is None


def test_no_python_file_in_learn_is_over_400_lines() -> None:
    long = {
        str(p.relative_to(PROJECT_ROOT)): n
        for p in LEARN.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_dispatch_on_exercise_kind_outside_the_registry() -> None:
    """`type == "haakjes"`, `kind != 'reflectie'` and the like: ask the kind instead."""
    names = "|".join(KINDS)
    dispatch = re.compile(rf"""(type|kind)\s*[!=]=\s*["']({names})["']|["']({names})["']\s*[!=]=""")
    found = []
    for path in [*LEARN.rglob("*.py"), *(PROJECT_ROOT / "templates").rglob("*.html")]:
        if path == LEARN / "exercises" / "registry.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if dispatch.search(line):
                found.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}")
    assert found == []
