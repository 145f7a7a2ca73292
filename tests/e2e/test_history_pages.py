"""The audit log's history pages in the browser: a candidate's, a calibration's, a framework's and a
round's history, each read from the one audit table; every page passes axe and the HTML checker."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from competentie.organisations.models import Membership, Organisation
from frameworks import services as framework_services
from frameworks.models import Framework, Profile
from selectie import services as selectie_services
from selectie.models import Score

from ..factories import make_user
from ..selectie.conftest import build_day, score_all
from ..zelfevaluatie.conftest import start_round
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_history_pages_show_the_audit_log(page, seeded):
    organisation = Organisation.objects.create(name="Gemeente Aadorp")
    hr = make_user("hr", organisation=organisation, role=Membership.Role.HR)
    mt = make_user("mt", organisation=organisation, role=Membership.Role.MANAGEMENT)
    selecteur = make_user("selecteur", organisation=organisation, role=Membership.Role.SELECTEUR)
    profile = Profile.objects.libraries().get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    day = build_day(hr=hr, organisation=organisation, profile=profile, assessors=[selecteur])
    candidate = day.candidates[0]
    score_all(day, selecteur, candidate, submit=True)
    for status in ("scoren", "kalibratie"):
        selectie_services.procedure_transition(procedure=day.procedure, user=hr, status=status)
    score = Score.objects.filter(assignment__candidate=candidate).first()
    selectie_services.score_revise(score=score, user=hr, value=4, evidence=score.evidence, reason="Besproken")
    framework = framework_services.framework_create(user=hr, organisation=organisation, name="Eigen kader")
    round = start_round(organisation, mt, Framework.objects.libraries().get(name="VTH competentieprofielen"))

    log_in(page, "hr")
    page.goto(reverse("selectie:candidate-detail", args=[day.procedure.pk, candidate.pk]))
    history = page.get_by_role("region", name="Geschiedenis")
    expect(history).to_contain_text("score 3 → 4 (Besproken)")
    page.goto(reverse("selectie:calibration-candidate", args=[day.procedure.pk, candidate.pk]))
    expect(page.get_by_text("score 3 → 4 (Besproken)")).to_be_visible()
    page.goto(reverse("frameworks:framework-history", args=[framework.pk]))
    expect(page.get_by_role("table", name="Wie wijzigde wat, en wanneer")).to_contain_text(
        "Framework “Eigen kader” aangemaakt."
    )

    page.context.clear_cookies()
    log_in(page, "mt")
    page.goto(reverse("zelfevaluatie:round-detail", args=[round.pk]))
    page.get_by_role("link", name="Geschiedenis").click()
    expect(page.get_by_role("table")).to_contain_text("Zelfevaluatie 2025–2026 gestart op VTH competentieprofielen")
