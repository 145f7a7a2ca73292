"""The read API: what "visible", "frozen", "library" and "evaluable" mean is written once.

The rules live as QuerySet methods in ``frameworks/models/querysets.py``. The scan below fails
when a module elsewhere filters frameworks, profiles, competencies or scales by organisation (or
by "published", or by name) by hand, so a fix to a rule can never land in one copy only.
"""

import ast
from pathlib import Path

import pytest
from django.utils import timezone

from frameworks.models import Competency, Framework, Profile, RatingScale
from tests.factories import make_user

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ["competentie", "frameworks", "selectie", "zelfevaluatie", "ontwikkeling", "bench"]
#: The read API itself. Keep this list short: a new entry needs a reason.
ALLOWED = {"frameworks/models/querysets.py"}
#: Models whose rows are scoped by organisation through the read API.
SCOPED_MODELS = {
    "Framework",
    "Profile",
    "Competency",
    "ProfileCompetency",
    "Cluster",
    "ProficiencyLevel",
    "RatingScale",
}
QUERY_METHODS = {"filter", "exclude", "get", "get_or_create", "update_or_create"}


def _receiver_model(node: ast.AST) -> str | None:
    """The model a chain such as ``Framework.objects.select_related(...).filter`` starts from."""
    while isinstance(node, (ast.Attribute, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _hand_written_scoping(call: ast.Call) -> list[str]:
    func = call.func
    if isinstance(func, ast.Name) and func.id == "Q":
        model = None
    elif isinstance(func, ast.Attribute) and func.attr in QUERY_METHODS:
        model = _receiver_model(func.value)
    else:
        return []
    found = []
    for keyword in call.keywords:
        if keyword.arg is None:
            continue
        parts = keyword.arg.split("__")
        org_at = next((i for i, p in enumerate(parts) if p in {"organisation", "organisation_id"}), None)
        through_framework = org_at is not None and org_at > 0 and parts[org_at - 1] == "framework"
        lookup = parts[org_at + 1] if org_at is not None and org_at + 1 < len(parts) else "exact"
        is_vth_name = (
            parts[-1] == "startswith" and isinstance(keyword.value, ast.Constant) and "VTH" in str(keyword.value.value)
        )
        if (
            through_framework
            or (org_at is not None and lookup == "isnull")
            or (org_at == 0 and model in SCOPED_MODELS and lookup == "in")
            or (parts[0] == "published_at" or (len(parts) > 1 and parts[-2] == "published_at"))
            and parts[-1] == "isnull"
            or is_vth_name
        ):
            found.append(keyword.arg)
    return found


def _violations() -> list[str]:
    violations = []
    for package in SCANNED:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative in ALLOWED or "/migrations/" in relative:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    violations += [f"{relative}:{node.lineno}: {arg}" for arg in _hand_written_scoping(node)]
    return violations


def test_no_module_outside_the_read_api_scopes_frameworks_by_hand():
    violations = _violations()
    assert not violations, "Use Framework/Profile/Competency/RatingScale.objects.visible_to(user), .frozen(), " + (
        ".libraries() or .readable_in(organisation) instead of:\n" + "\n".join(violations)
    )


@pytest.mark.parametrize(
    "source",
    [
        "Framework.objects.filter(Q(organisation__isnull=True) | Q(organisation__in=ids))",
        "Profile.objects.filter(framework__organisation__in=ids)",
        "Competency.objects.select_related('x').filter(framework__organisation=org)",
        "Framework.objects.filter(published_at__isnull=False)",
        "frameworks.filter(name__startswith='VTH')",
        "RatingScale.objects.filter(organisation__in=ids)",
    ],
)
def test_the_scan_recognises_a_hand_written_filter(source):
    call = ast.parse(source).body[0].value
    calls = [node for node in ast.walk(call) if isinstance(node, ast.Call)]
    assert any(_hand_written_scoping(node) for node in calls)


@pytest.mark.parametrize(
    "source",
    [
        "Framework.objects.visible_to(user).select_related('framework__organisation')",
        "SelectionProcedure.objects.filter(organisation__in=ids)",
        "Framework.objects.create(organisation=organisation)",
    ],
)
def test_the_scan_leaves_other_queries_alone(source):
    call = ast.parse(source).body[0].value
    calls = [node for node in ast.walk(call) if isinstance(node, ast.Call)]
    assert not any(_hand_written_scoping(node) for node in calls)


# --- What the methods mean -------------------------------------------------------------------


@pytest.fixture
def frameworks(org_a, org_b):
    library = Framework.objects.create(name="Bibliotheek")
    draft = Framework.objects.create(name="Concept A", organisation=org_a)
    published = Framework.objects.create(name="Vastgesteld A", organisation=org_a, published_at=timezone.now())
    other = Framework.objects.create(name="Van B", organisation=org_b, published_at=timezone.now())
    return {"library": library, "draft": draft, "published": published, "other": other}


@pytest.mark.django_db
def test_visible_to_means_libraries_and_own_organisations(frameworks, org_a):
    user = make_user("lid_a", organisation=org_a)
    ours = Framework.objects.filter(pk__in=[f.pk for f in frameworks.values()])
    visible = set(ours.visible_to(user))
    assert visible == {frameworks["library"], frameworks["draft"], frameworks["published"]}
    assert set(ours.readable_in(org_a)) == visible


@pytest.mark.django_db
def test_frozen_means_library_or_published_like_is_frozen(frameworks):
    ours = Framework.objects.filter(pk__in=[f.pk for f in frameworks.values()])
    frozen = set(ours.frozen())
    assert frozen == {f for f in frameworks.values() if f.is_frozen}
    assert frameworks["draft"] not in frozen
    assert set(ours.libraries()) == {frameworks["library"]}


@pytest.mark.django_db
def test_profiles_and_competencies_follow_their_frameworks_visibility(frameworks, org_a):
    user = make_user("lid_a", organisation=org_a)
    for framework in frameworks.values():
        Profile.objects.create(framework=framework, name=f"Profiel {framework.name}")
        Competency.objects.create(framework=framework, name=f"Competentie {framework.name}")
    ours = Profile.objects.filter(framework__in=list(frameworks.values()))
    assert {p.framework for p in ours.visible_to(user).frozen()} == {
        frameworks["library"],
        frameworks["published"],
    }
    assert frameworks["other"] not in {c.framework for c in Competency.objects.visible_to(user)}


@pytest.mark.django_db
def test_a_framework_is_evaluable_by_its_scale_and_questions_not_its_name(frameworks):
    from frameworks.models import GuidingQuestionSet

    named_vth = Framework.objects.create(name="VTH zonder schaal", published_at=timezone.now())
    Profile.objects.create(framework=named_vth, name="Toezichthouder")
    equipped = frameworks["published"]
    Profile.objects.create(framework=equipped, name="Rol")
    RatingScale.objects.create(framework=equipped, name="Schaal")
    GuidingQuestionSet.objects.create(
        framework=equipped, name="Hulpvragen", purpose=GuidingQuestionSet.Purpose.SELF_EVALUATION
    )
    ours = Framework.objects.filter(pk__in=[named_vth.pk, *(f.pk for f in frameworks.values())])
    assert list(ours.evaluable()) == [equipped]


@pytest.mark.django_db
def test_the_seeded_vth_framework_is_evaluable_and_divosa_is_not(seeded):
    names = set(Framework.objects.libraries().evaluable().values_list("name", flat=True))
    assert names == {"VTH competentieprofielen"}
