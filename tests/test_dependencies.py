"""The apps depend one way (DESIGN.md, "Where things live"), checked on the import statements.

Organisations, memberships and roles (competentie/organisations) are the bottom: every product
app imports them, they import no product app. frameworks imports neither selectie nor zelfevaluatie
(not even at run time, inside a function); selectie and zelfevaluatie never import each other;
nothing in the product imports bench/ (the generators and load test are development-only and may
import everything).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCT_APPS = {"frameworks", "selectie", "zelfevaluatie", "ontwikkeling"}
FORBIDDEN = {
    "competentie": PRODUCT_APPS | {"bench"},
    # No exception in ALLOWED_FILES applies here: the organisations app depends on no product app.
    "competentie/organisations": PRODUCT_APPS | {"bench"},
    "frameworks": {"selectie", "zelfevaluatie", "ontwikkeling", "bench"},
    "selectie": {"zelfevaluatie", "ontwikkeling", "bench"},
    "zelfevaluatie": {"selectie", "ontwikkeling", "bench"},
    "ontwikkeling": {"selectie", "zelfevaluatie", "bench"},
}
#: The home page ("Mijn werk") is the one place that reads from every app.
ALLOWED_FILES = {"competentie/views.py"}


def imported_packages(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names.add(node.args[0].value.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_the_right_way(package):
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" in relative or (relative in ALLOWED_FILES and package == "competentie"):
            continue
        wrong += [f"{relative} imports {name}" for name in imported_packages(path) & FORBIDDEN[package]]
    assert not wrong, "\n".join(wrong)


def test_the_generator_is_not_installed_in_production():
    from .test_settings import run_manage

    production = {"DEBUG": "0", "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40}
    result = run_manage("help", "generate_municipality", **production)
    assert result.returncode != 0 and "Unknown command" in result.stderr
    assert run_manage("help", "generate_municipality", DEBUG="1").returncode == 0
