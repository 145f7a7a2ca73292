"""Views read through their app's selectors, so what a user may see is decided in one place.

A view that types `Model.objects...` (or hands a model class to get_object_or_404) reads past the
selectors, and with them past the organisation and role scoping they apply. The views of every app
are parsed; reads belong in `selectors` (see STYLE.md, "Thin views").
"""

import ast

import pytest
from django.apps import apps

from tests.test_access_idiom import APPS, ROOT, view_modules

VIEW_FOLDERS = {**APPS, "competentie": "competentie"}


def reads_past_selectors(path, root=ROOT) -> list[str]:
    where = path.relative_to(root)
    found = []
    for node in sorted(ast.walk(ast.parse(path.read_text(encoding="utf-8"))), key=lambda n: getattr(n, "lineno", 0)):
        if isinstance(node, ast.Attribute) and node.attr in {"objects", "_default_manager"}:
            found.append(f"{where}:{node.lineno} reads .{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"get_object_or_404", "get_list_or_404"}
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id[:1].isupper()
        ):
            found.append(f"{where}:{node.lineno} hands the model {node.args[0].id} to {node.func.id}")
    return found


@pytest.mark.parametrize("app", sorted(VIEW_FOLDERS))
def test_views_read_only_through_selectors(app):
    modules = view_modules(VIEW_FOLDERS[app])
    assert modules, f"no views found for {app}"
    wrong = [line for path in modules for line in reads_past_selectors(path)]
    assert not wrong, "move these reads into the app's selectors:\n" + "\n".join(wrong)


def test_the_guard_recognises_a_direct_read(tmp_path):
    view = tmp_path / "views.py"
    view.write_text(
        "def page(request):\n"
        "    a = Candidate.objects.filter(pk=1)\n"
        "    b = get_user_model().objects.all()\n"
        "    c = get_object_or_404(Competency, pk=2)\n"
        "    d = get_object_or_404(selectors.candidates(), pk=3)\n",
        encoding="utf-8",
    )
    found = reads_past_selectors(view, root=tmp_path)
    assert [line.split(":", 1)[1] for line in found] == [
        "2 reads .objects",
        "3 reads .objects",
        "4 hands the model Competency to get_object_or_404",
    ]


@pytest.mark.parametrize("model", list(apps.get_app_config("selectie").get_models()), ids=lambda m: m.__name__)
def test_selectie_models_are_ordered_by_their_own_columns(model):
    """Ordering by a foreign key sorts by the related model's ordering: a join on every list."""
    assert "JOIN" not in str(model.objects.all().query)
