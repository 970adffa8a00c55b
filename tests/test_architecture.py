"""The package's layout is its architecture: these tests keep the arrows pointing down the flow.

Rooms are the shared core (the modules at the package root), then the stages in
the order a document goes through them, then the thin layers on top. A module
may import the core and any room before its own, never a later one; the core
imports no stage. Every import counts, including the ones inside functions and
under ``TYPE_CHECKING``: an import moved into a function still draws an arrow.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "verifier"

CORE = "core"
#: document -> claims -> queries -> evidence -> verdicts -> CI gates -> the run -> report -> service
STAGES = ("read", "extract", "match", "adapters", "judge", "ci", "flow", "render", "service")
#: the entry points; nothing imports them
TOP = ("cli", "__main__")
CORE_MODULES = {
    "models", "codes", "errors", "config", "sources", "catalog", "geo", "readable",
    "tolerances", "periods", "phrases", "levels",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, imported module, imported names) for every import in the file, at any depth."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_of(path.read_text(encoding="utf-8"), name, package)


def _imports_of(source: str, name: str, package: str) -> list[tuple[int, str, tuple[str, ...]]]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = tuple(alias.name for alias in node.names)
            found.append((node.lineno, target, names))
    return found


def _room(module: str) -> str:
    """The room of a module inside the package: a stage, the core, or the top."""
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    if parts[1] in STAGES:
        return parts[1]
    if parts[1] in TOP:
        return "top"
    return CORE


def _rank(room: str) -> int:
    return {CORE: 0, **{stage: i + 1 for i, stage in enumerate(STAGES)}, "top": len(STAGES) + 1}[room]


def _edges() -> list[tuple[str, int, str, tuple[str, ...]]]:
    """(importing module, line, imported package module, names): the package's own imports."""
    edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _module_name(path)
        for line, target, names in _imports(path):
            if target == "verifier" or target.startswith("verifier."):
                edges.append((source, line, target, names))
    return edges


def _resolve(target: str, names: tuple[str, ...]) -> list[str]:
    """``from verifier.x import y`` names module verifier.x.y when y is a submodule."""
    modules = [
        f"{target}.{name}" for name in names
        if (PACKAGE.parent / f"{target}.{name}".replace(".", "/")).with_suffix(".py").exists()
        or (PACKAGE.parent / f"{target}.{name}".replace(".", "/") / "__init__.py").exists()
    ]
    return modules or [target]


def test_the_package_root_holds_only_the_core_and_the_entry_points():
    loose = sorted(
        path.stem for path in PACKAGE.glob("*.py")
        if path.stem not in CORE_MODULES | set(TOP) | {"__init__"}
    )
    assert loose == [], f"modules at the package root that belong in a stage: {loose}"
    rooms = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert set(rooms) == set(STAGES), f"rooms that are not a stage of the flow: {set(rooms) ^ set(STAGES)}"


def _violations(edges) -> list[str]:
    """The imports that point up the flow, out of the core, or at an entry point."""
    wrong = []
    for source, line, target, names in edges:
        here = _room(source)
        if here == "package":
            # verifier/__init__.py is the public face: it may re-export from anywhere.
            continue
        for module in _resolve(target, names):
            there = _room(module)
            if there == "package":
                # The root package carries only __version__, so anyone may read it.
                if set(names) - {"__version__"}:
                    wrong.append(f"{source}:{line} imports {names} from the package root")
                continue
            if there == "top" and here != "top":
                wrong.append(f"{source}:{line} imports the entry point {module}")
            elif here == CORE and there != CORE:
                wrong.append(f"{source}:{line}: the core imports the {there} stage ({module})")
            elif _rank(there) > _rank(here):
                wrong.append(f"{source}:{line}: {here} imports the later {there} stage ({module})")
    return wrong


def test_every_import_points_down_the_flow():
    wrong = _violations(_edges())
    assert wrong == [], "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan), or with a self-loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("level", ["module", "room"])
def test_there_are_no_import_circles(level):
    graph: dict[str, set[str]] = defaultdict(set)
    for source, _, target, names in _edges():
        if _room(source) == "package":
            continue
        for module in _resolve(target, names):
            if _room(module) == "package":
                continue
            a, b = (source, module) if level == "module" else (_room(source), _room(module))
            if a != b:
                graph[a].add(b)
    assert _cycles(graph) == []


def test_the_checker_catches_a_back_arrow():
    """The rules above are only worth something if they can fail."""
    # An import hidden in a function is found, and resolved from its relative form.
    source = "def late():\n    from ..render import html\n"
    found = _imports_of(source, "verifier.judge._probe_for_test", "verifier.judge")
    assert found == [(2, "verifier.render", ("html",))]
    edges = [("verifier.judge._probe_for_test", line, target, names) for line, target, names in found]
    assert _violations(edges) == ["verifier.judge._probe_for_test:2: judge imports the later render stage (verifier.render.html)"]
    assert _violations([("verifier.codes", 1, "verifier.judge", ("amounts",))]) == [
        "verifier.codes:1: the core imports the judge stage (verifier.judge.amounts)"
    ]
    assert _violations([("verifier.render.html", 1, "verifier.cli", ("main",))]) == ["verifier.render.html:1 imports the entry point verifier.cli"]
    assert _violations([("verifier.judge.amounts", 1, "verifier.match.routing", ("reporter",))]) == []  # down the flow
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_readme_architecture_names_every_module():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Architecture", 1)[1].split("```", 2)[1]
    named = set(block.replace("/", " ").split())
    missing = [
        str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in ("__init__.py", "__main__.py") and path.name not in named
    ]
    assert missing == [], f"modules the README's architecture tree does not name: {missing}"
    rooms = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert rooms <= named
