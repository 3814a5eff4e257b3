"""`_` is gettext wherever a module imports it so: no function may also use `_` as a throwaway name, or the
translated message it meant to show becomes "'str' object is not callable" (a 500) for the person reading."""

import ast
from pathlib import Path

from django.conf import settings

APPS = ["accounts", "bargaining", "consultations", "policies", "plumbing", "config"]


def imports_gettext_as_underscore(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and any(alias.asname == "_" or alias.name == "_" for alias in node.names)
        for node in tree.body
    )


def shadowing_functions(source: str) -> list[str]:
    tree = ast.parse(source)
    if not imports_gettext_as_underscore(tree):
        return []
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            stores = isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
            if stores:
                found.append(f"{function.name} (line {node.lineno})")
    return found


def test_no_function_shadows_the_gettext_alias():
    root = Path(settings.BASE_DIR)
    shadowed = []
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" not in path.parts:
                shadowed += [f"{path.relative_to(root)}: {name}" for name in shadowing_functions(path.read_text())]
    assert shadowed == []


def test_the_check_finds_a_throwaway_underscore():
    source = "from django.utils.translation import gettext as _\ndef f(x):\n    a, _, b = x.partition(':')\n"
    assert shadowing_functions(source) == ["f (line 3)"]
