"""Setting up a procedure: a frozen profile, a scale, exercises, the insight page and the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from frameworks.models import Profile, RatingScale
from selectie import selectors, services
from selectie.models import SelectionProcedure

from ..factories import make_framework

pytestmark = pytest.mark.django_db


def test_hr_creates_a_procedure_with_the_default_selection_scale(client_for, vth_profile):
    client = client_for("hr")
    form = client.get(reverse("selectie:procedure-create")).content.decode()
    assert "Selectieschaal 1–5" in form and "Beoordelingsschema Divosa (1–6)" in form
    scale = RatingScale.objects.get(name="Selectieschaal 1–5")
    response = client.post(
        reverse("selectie:procedure-create"),
        {
            "organisation": scale.organisation_id,
            "name": "Trainees 2026",
            "profile": vth_profile.pk,
            "scale": scale.pk,
            "retention_weeks": 4,
        },
    )
    procedure = SelectionProcedure.objects.get(name="Trainees 2026")
    assert response.url == reverse("selectie:exercise-matrix", args=[procedure.pk])
    assert (procedure.status, procedure.scale, procedure.created_by.username) == ("voorbereiding", scale, "hr")
    client.get(reverse("selectie:procedure-create"))
    assert RatingScale.objects.filter(name="Selectieschaal 1–5").count() == 1  # made once, then reused


def test_our_own_selection_scale_is_labelled_as_not_from_a_source(org_a):
    scale = services.selection_scale_default(organisation=org_a)
    assert "geen brondocument" in scale.description
    assert [p.label for p in scale.points.all()] == [
        "Ruim onvoldoende",
        "Onvoldoende",
        "Voldoende",
        "Goed",
        "Uitstekend",
    ]


def test_a_profile_of_a_draft_framework_is_refused_and_not_offered(users, org_a, framework_a, seeded):
    draft_profile = framework_a.profiles.first()
    with pytest.raises(ValidationError, match="gepubliceerde versie"):
        services.procedure_create(user=users["hr"], organisation=org_a, name="X", profile=draft_profile)
    offered = selectors.frozen_profiles(user=users["hr"])
    assert draft_profile not in offered
    assert offered.filter(name="Vergunningverlener").exists()


def test_a_profile_of_a_published_version_is_allowed(users, org_a):
    from django.utils import timezone

    framework = make_framework(org_a, name="Eigen profielen", published_at=timezone.now())
    procedure = services.procedure_create(
        user=users["hr"], organisation=org_a, name="X", profile=framework.profiles.filter(parent=None).first()
    )
    assert len(selectors.procedure_competencies(procedure=procedure)) == 3


def test_divosa_profile_assesses_the_competencies_of_its_hoofdtaken_once_each_on_the_six_point_scale(
    users, org_a, seeded, selecteurs
):
    werk = Profile.objects.get(name="Werk", framework__name__startswith="Divosa")
    divosa_scale = RatingScale.objects.get(name__startswith="Beoordelingsschema Divosa")
    procedure = services.procedure_create(
        user=users["hr"], organisation=org_a, name="Werk", profile=werk, scale=divosa_scale
    )
    competencies = selectors.procedure_competencies(procedure=procedure)
    from_children = {pc.competency_id for child in werk.children.all() for pc in child.profile_competencies.all()}
    assert {c.pk for c in competencies} == from_children
    assert len(competencies) == len(from_children)
    exercise = services.exercise_create(procedure=procedure, name="Interview", competencies=competencies[:2])
    candidate = services.candidate_create(procedure=procedure, name="Iemand")
    services.assignments_create(
        procedure=procedure, selecteurs=[selecteurs["selecteur"]], candidates=[candidate], exercises=[exercise]
    )
    services.procedure_transition(procedure=procedure, user=users["hr"], status="open")
    assignment = procedure.assignments.get()
    assert (
        services.score_save(
            assignment=assignment, competency=competencies[0], user=selecteurs["selecteur"], value=6
        ).value
        == 6
    )


def test_profile_and_scale_are_fixed_once_the_procedure_is_open(day, users, seeded):
    other = Profile.objects.get(name="Casemanager", framework__name="VTH competentieprofielen")
    with pytest.raises(ValidationError, match="liggen vast"):
        services.procedure_update(procedure=day.procedure, user=users["hr"], profile=other)


def test_opening_needs_an_exercise(users, org_a, vth_profile):
    procedure = services.procedure_create(user=users["hr"], organisation=org_a, name="Leeg", profile=vth_profile)
    with pytest.raises(ValidationError, match="minstens één oefening"):
        services.procedure_transition(procedure=procedure, user=users["hr"], status="open")


def test_insight_describes_scores_with_the_interval_and_the_sample(day, selecteurs, client_for):
    from .conftest import score_all

    for candidate in day.candidates[:2]:  # 2 candidates × 5 competencies = 10 paired scores each
        score_all(day, selecteurs["selecteur"], candidate, value=5, values={"Verbinden": 4})
        score_all(day, selecteurs["selecteur2"], candidate, value=2, values={"Verbinden": 3})
    content = client_for("hr").get(reverse("selectie:insight", args=[day.procedure.pk])).content.decode()
    assert "Intraklassecorrelatie ICC(2,1)" in content and "95%-betrouwbaarheidsinterval" in content
    assert "van 2 kandidaten en 2 selecteurs" in content
    assert "nog geen oordeel: het rust op 10 combinaties" not in content
    assert "scores liggen hoger" in content and "scores liggen lager" in content
    assert "mild" not in content and "streng" not in content
    assert "<svg" in content and "K-001, scores van selecteur" not in content  # Verbinden differs: no halo


def test_insight_refuses_verdicts_under_the_minimum_sample(day, selecteurs, client_for):
    from .conftest import score_all

    score_all(day, selecteurs["selecteur"], day.candidates[0], value=5)
    score_all(day, selecteurs["selecteur2"], day.candidates[0], value=2)
    content = client_for("hr").get(reverse("selectie:insight", args=[day.procedure.pk])).content.decode()
    assert "te weinig scores voor een uitspraak (5 van minimaal 10)" in content
    assert "scores liggen hoger" not in content and "scores liggen lager" not in content
    assert "nog geen oordeel" in content.lower() or "nog niet te berekenen" in content.lower()
    assert "K-001, scores van selecteur:" in content


def test_insight_names_competencies_no_exercise_observes(day, client_for):
    services.exercise_matrix_save(procedure=day.procedure, matrix={day.interview.pk: set(), day.casus.pk: set()})
    content = client_for("hr").get(reverse("selectie:insight", args=[day.procedure.pk])).content.decode()
    assert "Door geen enkele oefening geobserveerd: Omgevingsbewust, Verbinden" in content


def test_admin_lists_every_selectie_model(day, client):
    from django.apps import apps

    from ..factories import make_user

    admin = make_user("beheer", is_staff=True, is_superuser=True)
    client.force_login(admin)
    for model in apps.get_app_config("selectie").get_models():
        url = reverse(f"admin:selectie_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def test_hr_renames_a_procedure_and_sets_its_dates(day, client_for, vth_profile):
    url = reverse("selectie:procedure-update", args=[day.procedure.pk])
    response = client_for("hr").post(
        url,
        {
            "name": "Vergunningverlener voorjaar 2026",
            "description": "Vacature 24 uur",
            "profile": vth_profile.pk,
            "scale": day.procedure.scale_id,
            "selection_date": "2026-03-12",
            "retention_weeks": 6,
        },
    )
    assert response.status_code == 302
    day.procedure.refresh_from_db()
    assert (day.procedure.name, str(day.procedure.selection_date), day.procedure.retention_weeks) == (
        "Vergunningverlener voorjaar 2026",
        "2026-03-12",
        6,
    )


def test_retention_cannot_exceed_a_year(day, client_for, vth_profile):
    url = reverse("selectie:procedure-update", args=[day.procedure.pk])
    response = client_for("hr").post(
        url, {"name": "X", "profile": vth_profile.pk, "scale": day.procedure.scale_id, "retention_weeks": 60}
    )
    assert response.status_code == 200
    day.procedure.refresh_from_db()
    assert day.procedure.retention_weeks == 4


def test_overview_shows_how_many_selecteurs_handed_in(day, selecteurs, client_for):
    from .conftest import score_all

    score_all(day, selecteurs["selecteur"], day.candidates[0], submit=True)
    content = client_for("hr").get(reverse("selectie:procedure-detail", args=[day.procedure.pk])).content.decode()
    assert "1 van 4 (selecteur × kandidaat)" in content
