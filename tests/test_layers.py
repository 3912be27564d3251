"""The house's layers hold: every module imports only its own area and the layers below
it, never one above or beside it, and never hides an import inside a function.

Layers (README, "Layout"): 0 infrastructure, 1 schedule, 2 org, 3 plans, 4 deadlines,
5 notify and reports side by side, 6 web, cli and the app's wiring.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tracker"

LAYERS: dict[str, int] = {
    "tracker.config": 0,
    "tracker.db": 0,
    "tracker.errors": 0,
    "tracker.queue": 0,
    "tracker.vn": 0,
    "tracker.logs": 0,
    "tracker.metrics": 0,
    "tracker.backup": 0,
    "tracker.files": 0,
    "tracker.audit": 0,
    "tracker.piccolo_conf": 0,
    "tracker.schedule": 1,
    "tracker.org": 2,
    "tracker.plans": 3,
    "tracker.deadlines": 4,
    "tracker.notify": 5,
    "tracker.reports": 5,
    "tracker.web": 6,
    "tracker.cli": 6,
    "tracker.seeds": 6,
    "tracker.demo": 6,
    "tracker.app": 6,
    "tracker.weekly": 6,
    "tracker.__main__": 6,
}

# Modules that are rules: pure functions of their arguments, no framework, no database.
PURE = (
    "tracker.schedule",
    "tracker.deadlines.compliance",
    "tracker.deadlines.escalation",
    "tracker.deadlines.moments",
    "tracker.notify.policy",
    "tracker.notify.ical",
)
FRAMEWORKS = ("litestar", "piccolo", "huey", "asyncpg", "aiosqlite", "redis", "aiosmtplib")

# In-function imports kept on purpose, each with its reason.
DEFERRED = {
    # Piccolo imports this module by name to find the engine; the engine lives in db,
    # which itself reads the app registry from here.
    ("tracker.piccolo_conf", "tracker.db"),
    ("tracker.piccolo_conf", "tracker.config"),
}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "piccolo_migrations" in path.parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts == ("tracker",):
            continue  # the package itself holds nothing
        found.append((".".join(parts), path))
    return found


def _area(module: str) -> str:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return prefix
    raise AssertionError(f"{module} belongs to no layer; add its area to LAYERS and the README")


def _imports(module: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            nested |= {id(inner) for inner in ast.walk(node) if inner is not node}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".")
                if path.name != "__init__.py":
                    package = package[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            out.append((name, node.lineno, id(node) in nested))
    return out


MODULES = _modules()


def test_every_module_has_a_layer() -> None:
    for module, _ in MODULES:
        _area(module)


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_a_module_imports_only_its_area_and_the_layers_below(module: str, path: Path) -> None:
    area = _area(module)
    problems = []
    for name, line, _inside in _imports(module, path):
        if not name.startswith("tracker."):
            continue  # "from tracker import db" also names tracker.db, checked as such
        target = _area(name)
        if target == area:
            continue
        if LAYERS[target] > LAYERS[area] or (
            LAYERS[target] == LAYERS[area] and 0 < LAYERS[area] < 6
        ):
            problems.append(f"line {line}: {area} (layer {LAYERS[area]}) imports {name}")
    assert problems == []


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_no_import_hides_inside_a_function(module: str, path: Path) -> None:
    hidden = sorted(
        {
            f"line {line}: {name}"
            for name, line, inside in _imports(module, path)
            if inside and name.startswith("tracker.") and (module, _area(name)) not in DEFERRED
        }
    )
    assert hidden == []


@pytest.mark.parametrize(
    ("module", "path"),
    [(m, p) for m, p in MODULES if m.startswith(PURE)],
    ids=[m for m, _ in MODULES if m.startswith(PURE)],
)
def test_rules_import_no_framework(module: str, path: Path) -> None:
    used = sorted(
        {name for name, _, _ in _imports(module, path) if name.split(".")[0] in FRAMEWORKS}
    )
    assert used == []


def test_the_layer_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The walk itself is tested: an org module that imports notify is seen."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from tracker.notify.policy import LOOKAHEAD\n\ndef f():\n    import tracker.web\n"
    )
    found = _imports("tracker.org.bad", bad)
    assert ("tracker.notify.policy", 1, False) in found
    assert ("tracker.web", 4, True) in found
    assert LAYERS[_area("tracker.notify.policy")] > LAYERS[_area("tracker.org.bad")]
