"""The layers hold: no module imports a layer above its own, and no app's modules import each other in a circle.

Every import counts, at the top of a module or inside a function (the ast of each file is read, not the
modules that happen to load), and so does a dotted name given to importlib.import_module or apps.get_model.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom first. A module may import its own layer and the layers below it, never one above.
LAYERS = ["plumbing", "accounts", "bargaining", "consultations", "policies", "config"]
RANK = {name: rank for rank, name in enumerate(LAYERS)}

# Crossings worth keeping, as {(importing module, imported layer): reason}. At most one, ever.
ALLOWED_CROSSINGS: dict[tuple[str, str], str] = {}


def source_files():
    for layer in LAYERS:
        yield from sorted((ROOT / layer).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path) -> set[str]:
    """Every module `path` imports, with relative imports resolved, and names passed to import helpers."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import module` imports that module; a parent package is not counted as an edge
            # (Python runs it first, for every module below it).
            modules = {f"{base}.{alias.name}" for alias in node.names if _is_module(f"{base}.{alias.name}")}
            names.update(modules if len(modules) == len(node.names) else {base, *modules})
        elif isinstance(node, ast.Call) and _call_name(node) in ("import_module", "get_model") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def _call_name(node: ast.Call) -> str:
    return getattr(node.func, "attr", None) or getattr(node.func, "id", "")


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def layer_of(name: str) -> str | None:
    top = name.partition(".")[0]
    return top if top in RANK else None


def upward_imports() -> list[str]:
    found = []
    for path in source_files():
        importer = module_name(path)
        own = layer_of(importer)
        for name in imported_names(path):
            target = layer_of(name)
            if target is None or RANK[target] <= RANK[own] or (importer, target) in ALLOWED_CROSSINGS:
                continue
            found.append(f"{importer} imports {name} ({own} is below {target})")
    return sorted(found)


def test_no_module_imports_a_layer_above_its_own():
    assert upward_imports() == []


def test_at_most_one_crossing_is_allowed_and_each_says_why():
    assert len(ALLOWED_CROSSINGS) <= 1
    assert all(reason.strip() for reason in ALLOWED_CROSSINGS.values())


def import_graph(layer: str) -> dict[str, set[str]]:
    """The modules of one layer and, for each, the modules of the same layer it imports."""
    modules = {module_name(path): path for path in source_files() if layer_of(module_name(path)) == layer}
    return {
        name: {target for target in imported_names(path) if target in modules and target != name}
        for name, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports in `graph`, as the modules along it, or [] when there is none."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(node):
        state[node] = "open"
        trail.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = "done"
        trail.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


@pytest.mark.parametrize("layer", LAYERS)
def test_no_circle_of_imports_inside_a_layer(layer):
    assert find_cycle(import_graph(layer)) == []


# The checks themselves must be able to fail.


def test_the_check_catches_an_upward_import_inside_a_function(tmp_path, monkeypatch):
    module = tmp_path / "bargaining" / "sneaky.py"
    module.parent.mkdir()
    module.write_text("def f():\n    from policies.models import Position\n    return Position\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)

    assert upward_imports() == ["bargaining.sneaky imports policies.models (bargaining is below policies)"]


def test_the_check_catches_a_model_named_to_apps_get_model(tmp_path, monkeypatch):
    module = tmp_path / "consultations" / "sneaky.py"
    module.parent.mkdir()
    module.write_text("from django.apps import apps\nPosition = apps.get_model('policies.Position')\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)

    assert upward_imports() == ["consultations.sneaky imports policies.Position (consultations is below policies)"]


def test_the_circle_check_finds_a_circle():
    graph = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "a.w": set()}

    assert find_cycle(graph) == ["a.x", "a.y", "a.z", "a.x"]
