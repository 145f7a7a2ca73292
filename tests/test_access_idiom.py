"""One way for a view to refuse, in every app: `access.require(access.can_...(user, obj))`.

The object comes from a selector first (another organisation's object is a 404); the predicate
is the one templates and tests use too. `require` is defined once, in
competentie/organisations/access.py, and each app's access module passes it on. So no view raises
PermissionDenied (or returns a bare 403) itself. The autosave endpoints answer a refused save in
the autosave protocol's JSON (`competentie.autosave.refused_response`), which is not an access check.
"""

import ast
import importlib
from pathlib import Path

import pytest

from competentie.organisations import access as organisations_access

ROOT = Path(__file__).resolve().parent.parent
APPS = {
    "competentie.organisations": "competentie/organisations",
    "competentie.theming": "competentie/theming",
    "frameworks": "frameworks",
    "selectie": "selectie",
    "zelfevaluatie": "zelfevaluatie",
    "ontwikkeling": "ontwikkeling",
    "medewerkers": "medewerkers",
}
REFUSALS = {"PermissionDenied", "HttpResponseForbidden"}


def view_modules(folder: str) -> list[Path]:
    app = ROOT / folder
    return sorted([*app.glob("views.py"), *app.glob("views/*.py")])


@pytest.mark.parametrize("app", sorted(APPS))
def test_views_refuse_only_through_the_access_module(app):
    modules = view_modules(APPS[app])
    assert modules, f"no views found for {app}"
    wrong = []
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
            if name in REFUSALS:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} uses {name}; call access.require(...) instead")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("app", sorted(APPS))
def test_every_access_module_passes_on_the_one_require(app):
    assert importlib.import_module(f"{app}.access").require is organisations_access.require


def test_require_refuses_with_a_403_and_an_optional_message():
    from django.core.exceptions import PermissionDenied

    organisations_access.require(True)
    with pytest.raises(PermissionDenied) as refused:
        organisations_access.require(False, "Alleen de voorzitter.")
    assert str(refused.value) == "Alleen de voorzitter."
    with pytest.raises(PermissionDenied) as bare:
        organisations_access.require(False)
    assert bare.value.args == ()
