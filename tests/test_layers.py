"""The apps depend in one direction and no module imports its way round in a circle, not even
from inside a function (issue 11, item 1; docs/decisions.md, "Layers").

    core ← org ← accounts ← dispatch ← plans ← activities ← indicators ← reporting ← web ← demo

An app may import the apps to its left, never one to its right; inside an app, modules form no
cycle. Tests and migrations are outside the contract.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

LAYERS = [
    "core",
    "org",
    "accounts",
    "dispatch",
    "plans",
    "activities",
    "indicators",
    "reporting",
    "web",
    "demo",
]
PROJECT_MODULES = {"lantoa.urls": "web", "lantoa.settings": "core", "lantoa.wsgi": "web"}
PACKAGE = ROOT / "lantoa"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def shipped_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    }


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Ids of the import nodes under `if TYPE_CHECKING:` (read by the type checker only)."""
    hidden = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden |= {id(inner) for child in node.body for inner in ast.walk(child)}
    return hidden


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports when it runs, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(), str(path))
    hidden = _type_checking_only(tree)
    found = set()
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target != "lantoa":
                found.add(target)
    return found


def app_of(module: str) -> str | None:
    if module in PROJECT_MODULES:
        return PROJECT_MODULES[module]
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def graph() -> dict[str, set[str]]:
    modules = shipped_modules()
    known = set(modules)
    return {name: imports_of(name, path, known) for name, path in modules.items()}


def test_every_app_is_in_a_layer():
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    assert apps == set(LAYERS)


def test_no_app_imports_an_app_above_it():
    rank = {app: index for index, app in enumerate(LAYERS)}
    wrong = []
    for module, targets in graph().items():
        source = app_of(module)
        for target in targets:
            destination = app_of(target)
            if source and destination and rank[destination] > rank[source]:
                wrong.append(f"{module} → {target}")
    assert wrong == []


def test_no_import_cycle_between_modules():
    edges = graph()
    cycles = [sorted(c) for c in _strongly_connected(edges) if len(c) > 1]
    assert cycles == []


def _strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            components.append(component)

    for node in list(edges):
        if node not in index:
            visit(node)
    return components


def test_the_contract_sees_function_local_imports(tmp_path):
    """The checker itself: an import inside a function counts, and a relative one too."""
    source = tmp_path / "services.py"
    source.write_text(
        "from . import models\n"
        "def propose():\n"
        "    from lantoa.indicators.services import indicators_propose\n"
    )
    known = {"lantoa.plans.models", "lantoa.indicators.services", "lantoa.plans.services"}
    found = imports_of("lantoa.plans.services", source, known)
    assert found == {"lantoa.plans.models", "lantoa.indicators.services"}


def test_the_contract_leaves_out_imports_for_the_type_checker(tmp_path):
    source = tmp_path / "scoping.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from lantoa.accounts.models import RoleAssignment\n"
    )
    known = {"lantoa.accounts.models", "lantoa.accounts.scoping"}
    assert imports_of("lantoa.accounts.scoping", source, known) == set()
