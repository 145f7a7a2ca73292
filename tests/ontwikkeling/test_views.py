"""The design pages save what HR types; pages cost the same number of queries at two sizes."""

import pytest
from django.urls import reverse

from ontwikkeling.models import Condition, Intervention, Phase, Stakeholder

from .conftest import build_cohort, build_programme, fill_in

pytestmark = pytest.mark.django_db


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_every_step_page_shows_the_guides_questions(client_as, programme):
    client = client_as("hr")
    expected = {
        1: "Waarom ontwikkelen we dit programma?",
        2: "Wat moet behouden blijven?",
        3: "Wie bepaalt het succes van het programma?",
        4: "Concrete ervaring",
        5: "Introduceer het programma met energie.",
        6: "leereffect, gedrag, motivatie en houding",
    }
    for number, text in expected.items():
        response = client.get(reverse("ontwikkeling:step", args=[programme.pk, number]))
        assert response.status_code == 200
        assert text in response.content.decode(), number
    assert client.get(reverse("ontwikkeling:step", args=[programme.pk, 7])).status_code == 404


def test_step_1_saves_the_doel_answers_and_a_randvoorwaarde(client_as, programme):
    data = {"goal_why": "Ambtenaar van de toekomst", "goal_yield": "Wendbaar", "goal_contribution": "De stad"}
    data |= management("randvoorwaarden", 1) | {"randvoorwaarden-0-text": "Een programma dat écht Rotterdams is"}
    response = client_as("hr").post(reverse("ontwikkeling:step", args=[programme.pk, 1]), data)
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.goal_why == "Ambtenaar van de toekomst"
    assert Condition.objects.get(programme=programme).text == "Een programma dat écht Rotterdams is"


def test_step_3_keeps_a_stakeholder_map(client_as, programme):
    data = management("belanghebbenden", 1) | management("designsessies", 1) | management("communicatie", 1)
    data |= {
        "belanghebbenden-0-who": "Directie",
        "belanghebbenden-0-role": "Opdrachtgever",
        "belanghebbenden-0-relation": "invloed",
    }
    response = client_as("hr").post(reverse("ontwikkeling:step", args=[programme.pk, 3]), data)
    assert response.status_code == 302
    assert Stakeholder.objects.get(programme=programme).who == "Directie"


def test_step_4_adds_a_phase_with_competencies_and_an_intervention_on_a_line(client_as, programme):
    competency = programme.framework.competencies.first()
    phases = list(programme.phases.all())
    lines = list(programme.learning_lines.all())
    interventions = list(programme.interventions.all())
    data = {"storyline": "Tijdreis"}
    data |= management("subthemas", 1) | management("leerlijnen", len(lines), len(lines))
    data |= management("fasen", len(phases) + 1, len(phases)) | management(
        "interventies", len(interventions) + 1, len(interventions)
    )
    for index, phase in enumerate(phases):
        data |= {f"fasen-{index}-id": phase.pk, f"fasen-{index}-name": phase.name, f"fasen-{index}-theme": phase.theme}
    data |= {
        f"fasen-{len(phases)}-name": "Halfjaar 3",
        f"fasen-{len(phases)}-theme": "Toekomst",
        f"fasen-{len(phases)}-competencies": [competency.pk],
    }
    for index, line in enumerate(lines):
        data |= {
            f"leerlijnen-{index}-id": line.pk,
            f"leerlijnen-{index}-level": line.level,
            f"leerlijnen-{index}-name": line.name,
        }
    for index, item in enumerate(interventions):
        data |= {
            f"interventies-{index}-id": item.pk,
            f"interventies-{index}-name": item.name,
            f"interventies-{index}-kind": item.kind,
            f"interventies-{index}-line": item.line_id,
            f"interventies-{index}-phase": item.phase_id,
            f"interventies-{index}-kolb_stage": item.kolb_stage,
        }
    new = len(interventions)
    data |= {
        f"interventies-{new}-name": "Buddygesprek",
        f"interventies-{new}-kind": "buddy",
        f"interventies-{new}-line": lines[0].pk,
        f"interventies-{new}-phase": phases[0].pk,
        f"interventies-{new}-kolb_stage": "reflectie_observatie",
        f"interventies-{new}-competencies": [competency.pk],
        f"interventies-{new}-learning_goals": "Feedback vragen",
    }
    response = client_as("hr").post(reverse("ontwikkeling:step", args=[programme.pk, 4]), data)
    assert response.status_code == 302, response.context and [
        f.errors for _h, fs in response.context["formsets"] for f in fs
    ]
    assert list(Phase.objects.get(programme=programme, name="Halfjaar 3").competencies.all()) == [competency]
    added = Intervention.objects.get(programme=programme, name="Buddygesprek")
    assert added.level == lines[0].level and added.kolb_stage == "reflectie_observatie"


def test_the_overview_picture_shows_phases_lines_and_the_kolb_cycle(client_as, programme):
    body = client_as("hr").get(reverse("ontwikkeling:programme-detail", args=[programme.pk])).content.decode()
    assert 'class="programme-overview"' in body
    for text in ("Halfjaar 1", "Verleden", "Leerlijn 1", "Interventie 2", "Leercyclus van Kolb", "Ik en de Ander"):
        assert text in body


def test_the_programme_pdf_and_the_cohort_report_render(client_as, programme):
    cohort, _coach, participants = build_cohort(programme, size=5)
    for participant in participants:
        fill_in(participant, "voormeting")
    client = client_as("hr")
    for url in (
        reverse("ontwikkeling:programme-pdf", args=[programme.pk]),
        reverse("ontwikkeling:cohort-report-pdf", args=[cohort.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def grow(programme, extra_lines):
    from ontwikkeling.models import LearningLine

    for number in range(extra_lines):
        line = LearningLine.objects.create(programme=programme, level="ik", name=f"Extra {number}", order=10 + number)
        item = Intervention.objects.create(
            programme=programme,
            line=line,
            phase=programme.phases.first(),
            name=f"Extra {number}",
            kind="x",
            kolb_stage="nieuwe_inzichten",
        )
        item.competencies.set(programme.framework.competencies.all()[:2])


@pytest.mark.parametrize("extra", [0, 12])
def test_the_programme_page_costs_the_same_queries_at_two_sizes(
    client_as, org_a, users, django_assert_max_num_queries, extra
):
    programme = build_programme(org_a, users["hr"])
    grow(programme, extra)
    client = client_as("hr")
    # Expect 19: session, user, memberships, the programme (with organisation and framework) and
    # its 12 prefetches (conditions … cohorts with participants), guide texts for steps and principles,
    # and the programme's history from the audit log.
    with django_assert_max_num_queries(19):
        assert client.get(reverse("ontwikkeling:programme-detail", args=[programme.pk])).status_code == 200


@pytest.mark.parametrize("size", [5, 15])
def test_cohort_results_cost_the_same_queries_at_two_sizes(client_as, programme, django_assert_max_num_queries, size):
    cohort, _coach, participants = build_cohort(programme, size=size)
    for participant in participants:
        fill_in(participant, "voormeting")
        fill_in(participant, "einde")
    client = client_as("hr")
    # Expect 12: session, user, memberships, the cohort with programme, its participants with users
    # and coaches, their measurements, answers, self-ratings, levels; the programme's competencies,
    # the framework's levels, the measurement-level guide texts.
    with django_assert_max_num_queries(12):
        assert client.get(reverse("ontwikkeling:cohort-results", args=[cohort.pk])).status_code == 200


@pytest.mark.parametrize("moments", [1, 4])
def test_the_growth_page_costs_the_same_queries_at_two_sizes(client, programme, django_assert_max_num_queries, moments):
    _cohort, _coach, (participant,) = build_cohort(programme, size=1)
    for moment in ["voormeting", "week1", "halverwege", "einde"][:moments]:
        fill_in(participant, moment)
    client.force_login(participant.user)
    # Expect 15: session, user, memberships, the participant with cohort, programme and framework,
    # its measurements, answers, self-ratings, their levels, plan goals; the programme's
    # competencies and the framework's levels; the read line of the Logboek Dataverwerkingen (lock
    # the chain's head, write the line, move the head: 3) and its object type (1, cached after).
    with django_assert_max_num_queries(15):
        response = client.get(reverse("ontwikkeling:participant-detail", args=[participant.pk]))
    assert response.status_code == 200 and b"growth-chart" in response.content


def test_a_questionnaire_missing_an_answer_is_refused_with_the_fields_marked(client, programme):
    _cohort, _coach, (participant,) = build_cohort(programme, size=1)
    client.force_login(participant.user)
    response = client.post(
        reverse("ontwikkeling:measurement", args=[participant.pk, "voormeting"]), {"lever_motivatie": "4"}
    )
    assert response.status_code == 200
    assert "Nog niet alles is beantwoord" in response.content.decode()
    assert not participant.measurements.exists()
