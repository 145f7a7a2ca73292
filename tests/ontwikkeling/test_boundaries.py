"""ontwikkeling stands on frameworks and competentie only; no other app imports it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_apps(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
    return found


def test_ontwikkeling_imports_neither_selectie_nor_zelfevaluatie():
    assert not imported_apps("ontwikkeling") & {"selectie", "zelfevaluatie"}


def test_frameworks_selectie_and_zelfevaluatie_do_not_import_ontwikkeling():
    for package in ("frameworks", "selectie", "zelfevaluatie", "competentie"):
        assert "ontwikkeling" not in imported_apps(package), package
