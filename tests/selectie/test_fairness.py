"""Issue 28, point 5: fairness monitoring within the AVG.

Candidates state characteristics themselves, voluntarily, through their own link; the answers are
stored apart, shown to nobody per person, suppressed below 5 on the page, in the CSV and in the
PDF, and purged with the candidate. The figures are checked against a hand computation and scipy.
"""

import csv
import io
import re
import subprocess
from math import comb

import pytest
from django.core import mail
from django.urls import reverse
from scipy import stats

from selectie import fairness, services
from selectie.models import Exercise, FairnessAnswer, FairnessInvitation

pytestmark = pytest.mark.django_db


def hand_fisher(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher's exact test by hand: sum the hypergeometric probabilities no larger than the observed."""
    row1, col1, n = a + b, a + c, a + b + c + d

    def p(x):
        return comb(col1, x) * comb(n - col1, row1 - x) / comb(n, row1)

    observed = p(a)
    low, high = max(0, row1 + col1 - n), min(row1, col1)
    return sum(p(x) for x in range(low, high + 1) if p(x) <= observed * (1 + 1e-7))


def test_the_figures_match_a_hand_computation_and_scipy():
    # Women: 10 considered, 3 through (30 %); men: 10 considered, 6 through (60 %); "other" (3) and
    # "not stated" (2) are suppressed — two hidden groups, so no third needs hiding.
    counts = {"vrouw": (10, 3), "man": (10, 6), "anders": (3, 1), fairness.NOT_STATED: (2, 1)}
    table = fairness.stage_table("gender", "besluit", counts)
    groups = {g.answer: g for g in table.groups}
    assert groups["man"].reference and groups["man"].impact_ratio == 1.0
    assert groups["vrouw"].rate == 0.3 and groups["vrouw"].impact_ratio == 0.5 and groups["vrouw"].flagged
    by_hand = hand_fisher(3, 7, 6, 4)
    assert by_hand == pytest.approx(0.3698, abs=1e-4)
    assert groups["vrouw"].p_value == pytest.approx(by_hand, abs=1e-4)
    assert groups["vrouw"].p_value == pytest.approx(stats.fisher_exact([[3, 7], [6, 4]]).pvalue, abs=1e-4)
    assert groups["anders"].suppressed and groups["anders"].considered == 0 and groups["anders"].rate is None


def test_one_small_group_hides_the_next_smallest_too_so_its_size_cannot_be_worked_out():
    table = fairness.stage_table(
        "age", "besluit", {"tot25": (4, 1), "25-34": (6, 3), "35-44": (12, 6), "45-54": (9, 3)}
    )
    hidden = {g.answer for g in table.groups if g.suppressed}
    assert hidden == {"tot25", "25-34"}
    shown = {g.answer: g for g in table.groups if not g.suppressed}
    assert shown["45-54"].impact_ratio == pytest.approx((3 / 9) / (6 / 12), abs=1e-3)  # 0.667 < 0.80
    assert shown["45-54"].flagged


@pytest.fixture
def monitored(day, users, org_a):
    """A procedure with a pre-selection, 24 candidates with answers, and decisions after the day."""
    procedure = day.procedure
    services.fairness_setup_save(organisation=org_a, characteristics=["gender", "age"])
    Exercise.objects.filter(pk=day.casus.pk).update(phase=Exercise.Phase.PRESELECTION)
    candidates = [services.candidate_create(procedure=procedure, name=f"Zoë {n}") for n in range(21)]
    everyone = day.candidates + candidates
    for index, candidate in enumerate(everyone):
        token = services.fairness_invitation_create(candidate=candidate)
        gender = "vrouw" if index % 2 else "man"
        answers = {"gender": gender, "age": "tot25" if index == 0 else fairness.PREFER_NOT}
        invitation = FairnessInvitation.objects.get(token_hash=services.token_hash(token))
        services.fairness_answers_save(invitation=invitation, answers=answers)
    return everyone


def test_hr_sees_rates_per_group_and_stage_with_small_groups_suppressed_in_page_csv_and_pdf(monitored, day, client_for):
    client = client_for("hr")
    page = client.get(reverse("selectie:fairness", args=[day.procedure.pk])).content.decode()
    assert "24 van de 24 kandidaten vulden de vrijwillige vragen in" in page
    assert "Uitgenodigd voor de selectiedag" in page and "Vrouw" in page and "Man" in page
    assert "minder dan 5 kandidaten: niet getoond" in page  # the one candidate under 25
    assert "Zoë" not in page and "Persoon" not in page
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("selectie:fairness-csv", args=[day.procedure.pk])).content.decode()),
            delimiter=";",
        )
    )
    small = [r for r in rows if r[3] == "Jonger dan 25"]
    assert small and all(r[4] == "minder dan 5" and r[5] == "" for r in small)
    women = next(r for r in rows if r[3] == "Vrouw" and r[1].startswith("Uitgenodigd"))
    assert women[4] == "12" and women[0] == "Vergunningverlener 2026"
    pdf = client.get(reverse("selectie:fairness-pdf", args=[day.procedure.pk])).content
    text = " ".join(
        subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode().split()
    )
    assert "minder dan 5 kandidaten: niet getoond" in text
    assert not re.search(r"Jonger dan 25 \d", text)


def test_no_selecteur_and_no_other_organisation_sees_the_figures(monitored, day, client_for, client_as):
    assert client_for("selecteur").get(reverse("selectie:fairness", args=[day.procedure.pk])).status_code in (403, 404)
    assert client_for("selecteur").get(reverse("selectie:fairness-organisation")).status_code == 403
    assert client_as("outsider").get(reverse("selectie:fairness", args=[day.procedure.pk])).status_code == 404


def test_the_organisation_chooses_from_the_fixed_list_and_sees_all_procedures_together(monitored, client_for):
    client = client_for("hr")
    url = reverse("selectie:fairness-organisation")
    page = client.get(url).content.decode()
    assert "Alle procedures samen (1 procedure)" in page and "Geslacht" in page
    client.post(url, {"characteristics": ["gender", "disability"]})
    from selectie import selectors

    assert selectors.fairness_characteristics(organisation_id=monitored[0].procedure.organisation_id) == [
        "gender",
        "disability",
    ]
    assert client.post(url, {"characteristics": ["religie"]}).status_code == 200  # not on the list: refused


def test_the_candidate_answers_through_their_own_link_and_can_take_it_back(
    day, users, org_a, client, django_capture_on_commit_callbacks
):
    services.fairness_setup_save(organisation=org_a, characteristics=["gender"])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.fairness_invite(procedure=day.procedure, user=users["hr"]) == 3
    message = next(m for m in mail.outbox if m.to == ["persoon1@example.nl"])
    url = re.search(r"http\S+/vragenlijst/\S+/", message.body).group(0).split("testserver")[-1]
    url = url[url.index("/selectie/") :]
    assert "vrijwillig" in message.body and "een account in Competentie" not in message.body
    page = client.get(url).content.decode()  # no login: the link is the key
    assert "Zeg ik liever niet" in page and "Wat is uw geslacht?" in page
    client.post(url, {"action": "save", "gender": "vrouw"})
    assert list(FairnessAnswer.objects.values_list("characteristic", "answer")) == [("gender", "vrouw")]
    assert "zijn opgeslagen" not in client.post(url, {"action": "save", "gender": "kat"}).content.decode()
    client.post(url, {"action": "save", "gender": fairness.PREFER_NOT})
    assert not FairnessAnswer.objects.exists()
    client.post(url, {"action": "save", "gender": "man"})
    client.post(url, {"action": "withdraw"})
    assert not FairnessAnswer.objects.exists()
    assert client.get("/selectie/vragenlijst/onzin/").status_code == 404
    assert services.fairness_invite(procedure=day.procedure, user=users["hr"]) == 0  # each once
    from selectie import selectors

    assert selectors.fairness_report(procedure=day.procedure)["respondents"] == 0  # withdrawn: nobody counted


def test_answers_go_with_the_candidate_when_purged(monitored, users, day):
    candidate = monitored[0]
    assert FairnessAnswer.objects.filter(candidate=candidate).exists()
    services.candidate_purge(candidate=candidate, user=users["hr"], via="verzoek")
    assert not FairnessAnswer.objects.filter(candidate=candidate).exists()
    assert not FairnessInvitation.objects.filter(candidate=candidate).exists()
