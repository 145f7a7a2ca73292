"""Candidates: anonymous codes, the CSV import (all or nothing) and recorded consent."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from selectie import services
from selectie.models import Candidate, CandidatePersonalData

pytestmark = pytest.mark.django_db


def upload(client, day, text: str, name="kandidaten.csv"):
    url = reverse("selectie:candidate-import", args=[day.procedure.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")})


def test_candidates_get_consecutive_anonymous_codes(day):
    assert [c.code for c in day.candidates] == ["K-001", "K-002", "K-003"]


def test_csv_import_adds_every_candidate(day, client_for):
    response = upload(
        client_for("hr"),
        day,
        "naam,e-mail,notities\nAnna de Vries,anna@example.nl,Intern\nBram Jansen,bram@example.nl,\n",
    )
    assert response.status_code == 302
    added = Candidate.objects.filter(procedure=day.procedure).order_by("number")[3:]
    assert [(c.code, c.personal_data.name, c.personal_data.notes) for c in added] == [
        ("K-004", "Anna de Vries", "Intern"),
        ("K-005", "Bram Jansen", ""),
    ]


def test_csv_import_accepts_semicolons_and_a_byte_order_mark(day):
    created = services.candidates_import_csv(
        procedure=day.procedure, data="\ufeffNaam;E-mail\nCees Bakker;cees@example.nl\n".encode()
    )
    assert created[0].personal_data.email == "cees@example.nl"


def test_csv_import_with_an_error_writes_nothing_and_names_the_line(day, client_for):
    before = (Candidate.objects.count(), CandidatePersonalData.objects.count())
    response = upload(client_for("hr"), day, "naam,email\nAnna,anna@example.nl\nBram,geen-adres\n,leeg@example.nl\n")
    content = response.content.decode()
    assert response.status_code == 400
    assert "Regel 3: “geen-adres” is geen geldig e-mailadres." in content
    assert "Regel 4: de naam ontbreekt." in content
    assert (Candidate.objects.count(), CandidatePersonalData.objects.count()) == before


@pytest.mark.parametrize(
    "text, message",
    [
        ("voornaam,adres\nAnna,anna@example.nl\n", "Regel 1 moet de kolomnamen bevatten"),
        ("", "leeg"),
        ("naam,email\n", "geen kandidaten"),
        ("naam,email\nA,a@example.nl\nB,a@example.nl\n", "staat ook op regel 2"),
    ],
)
def test_csv_import_refuses_bad_files(day, text, message):
    with pytest.raises(ValidationError) as error:
        services.candidates_import_csv(procedure=day.procedure, data=text.encode())
    assert message in " ".join(error.value.messages)
    assert Candidate.objects.filter(procedure=day.procedure).count() == 3


def test_csv_import_refuses_a_file_that_is_too_large(day, client_for):
    text = "naam,email\n" + "x" * (services.MAX_IMPORT_BYTES + 1)
    response = upload(client_for("hr"), day, text)
    assert "groter dan" in response.content.decode()
    assert Candidate.objects.filter(procedure=day.procedure).count() == 3


def test_csv_import_refuses_text_that_is_not_utf8(day):
    with pytest.raises(ValidationError, match="UTF-8"):
        services.candidates_import_csv(procedure=day.procedure, data="naam,email\nJosé,j@example.nl\n".encode("cp1252"))


def test_consent_extends_retention_but_not_beyond_a_year(day, users):
    candidate = day.candidates[0]
    latest = day.procedure.latest_consent_date()
    with pytest.raises(ValidationError, match="hoogstens een jaar"):
        services.candidate_personal_data_update(
            candidate=candidate,
            user=users["hr"],
            name="Persoon 1",
            email="",
            notes="",
            consent_until=latest + timedelta(days=1),
            consent_note="e-mail",
        )
    with pytest.raises(ValidationError, match="hoe de kandidaat toestemming gaf"):
        services.candidate_personal_data_update(
            candidate=candidate,
            user=users["hr"],
            name="Persoon 1",
            email="",
            notes="",
            consent_until=latest,
            consent_note="",
        )
    services.candidate_personal_data_update(
        candidate=candidate,
        user=users["hr"],
        name="Persoon 1",
        email="",
        notes="",
        consent_until=latest,
        consent_note="E-mail van 3 maart",
    )
    personal = CandidatePersonalData.objects.get(candidate=candidate)
    assert (personal.consent_until, personal.consent_recorded_by) == (latest, users["hr"])


def test_hr_adds_a_candidate_by_hand(day, client_for):
    client_for("hr").post(
        reverse("selectie:candidate-create", args=[day.procedure.pk]),
        {"name": "Dirk", "email": "dirk@example.nl", "notes": ""},
    )
    assert Candidate.objects.get(procedure=day.procedure, code="K-004").personal_data.name == "Dirk"


def test_exercise_matrix_saves_checkboxes_and_refuses_foreign_competencies(day, client_for, seeded):
    from frameworks.models import Competency

    url = reverse("selectie:exercise-matrix", args=[day.procedure.pk])
    first = day.competencies[0]
    client_for("hr").post(url, {f"exercise-{day.interview.pk}": [first.pk], f"exercise-{day.casus.pk}": []})
    assert list(day.interview.competencies.all()) == [first]
    assert not day.casus.competencies.exists()
    foreign = Competency.objects.exclude(pk__in=[c.pk for c in day.competencies]).first()
    with pytest.raises(ValidationError, match="profiel"):
        services.exercise_matrix_save(procedure=day.procedure, matrix={day.interview.pk: {foreign.pk}})


def test_selecteur_of_another_organisation_cannot_be_assigned(day, users):
    with pytest.raises(ValidationError, match="deze organisatie"):
        services.assignments_create(
            procedure=day.procedure, selecteurs=[users["outsider"]], candidates=day.candidates, exercises=day.exercises
        )


def test_an_assignment_without_scores_can_be_removed_after_confirming(day, selecteurs, client_for):
    from selectie.models import Assignment

    from .conftest import score_all

    empty = day.procedure.assignments.get(
        selecteur=selecteurs["selecteur"], candidate=day.candidates[1], exercise=day.interview
    )
    url = reverse("selectie:assignment-delete", args=[day.procedure.pk, empty.pk])
    client = client_for("hr")
    assert "niet meer" in client.get(url).content.decode()
    assert Assignment.objects.filter(pk=empty.pk).exists()
    client.post(url)
    assert not Assignment.objects.filter(pk=empty.pk).exists()

    score_all(day, selecteurs["selecteur"], day.candidates[0])
    scored = day.procedure.assignments.get(
        selecteur=selecteurs["selecteur"], candidate=day.candidates[0], exercise=day.interview
    )
    client.post(reverse("selectie:assignment-delete", args=[day.procedure.pk, scored.pk]))
    assert Assignment.objects.filter(pk=scored.pk).exists()


def test_an_exercise_with_assignments_is_kept_and_one_without_is_removed(day, client_for):
    from selectie.models import Exercise

    client = client_for("hr")
    client.post(reverse("selectie:exercise-delete", args=[day.procedure.pk, day.interview.pk]))
    assert Exercise.objects.filter(pk=day.interview.pk).exists()
    spare = services.exercise_create(procedure=day.procedure, name="Groepsopdracht", kind="groepsopdracht")
    client.post(reverse("selectie:exercise-delete", args=[day.procedure.pk, spare.pk]))
    assert not Exercise.objects.filter(pk=spare.pk).exists()
