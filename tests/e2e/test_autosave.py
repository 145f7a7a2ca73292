"""Nothing typed is lost (static/js/autosave.js), tried in a real browser as people meet it: the
connection drops, the server fails, the page is reloaded, two people write at once."""

import json
import re

import pytest
from playwright.sync_api import expect

from competentie.organisations.models import Membership
from frameworks.models import Framework, GuidingQuestion, Profile
from selectie.models import ConsensusScore, Score
from zelfevaluatie.models import Answer

from ..factories import make_user
from ..selectie.conftest import build_day, score_all
from ..zelfevaluatie.conftest import start_round
from .conftest import WAIT_MS, log_in, wait_all_saved

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AUTOSAVE = "**/opslaan/"


def status(page):
    return page.locator("[data-autosave-status]")


def assert_no_reload_advice(page):
    assert "herlaad" not in status(page).inner_text().lower()


@pytest.fixture
def scoring(users, org_a, seeded):
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    colleague = make_user("selecteur_twee", organisation=org_a, role=Membership.Role.SELECTEUR)
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"], colleague])
    assignment = day.procedure.assignments.filter(selecteur=users["selecteur"]).select_related("exercise").first()
    competency = assignment.exercise.competencies.order_by("order", "pk").first()
    return {
        "url": f"/selectie/{day.procedure.pk}/beoordelen/{assignment.pk}/",
        "assignment": assignment,
        "competency": competency,
        "day": day,
    }


def stored_evidence(scoring) -> str:
    score = Score.objects.filter(assignment=scoring["assignment"], competency=scoring["competency"]).first()
    return score.evidence if score else ""


def open_scoring(page, scoring):
    log_in(page, "selecteur")
    page.goto(scoring["url"])
    return page.locator(f"#evidence-{scoring['competency'].pk}")


def test_evidence_typed_offline_is_saved_when_the_connection_returns_without_any_action(page, scoring):
    evidence = open_scoring(page, scoring)
    evidence.fill("Vat de vraag samen.")
    wait_all_saved(page)

    page.context.set_offline(True)
    evidence.fill("Vat de vraag samen. Vraagt daarna door naar de planning (offline getypt).")
    expect(status(page)).to_contain_text("Geen verbinding")
    expect(status(page)).to_contain_text("in deze browser bewaard")
    assert_no_reload_advice(page)
    assert stored_evidence(scoring) == "Vat de vraag samen."

    page.context.set_offline(False)  # the browser's "online" event resumes the queue at once
    wait_all_saved(page)
    assert stored_evidence(scoring) == "Vat de vraag samen. Vraagt daarna door naar de planning (offline getypt)."


def test_two_server_errors_then_success_saves_without_reload_advice(page, scoring):
    evidence = open_scoring(page, scoring)
    answers = []

    def flaky_server(route):
        answers.append(route.request.post_data)
        if len(answers) <= 2:
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error (500)</h1>")
        else:
            route.continue_()

    page.route(AUTOSAVE, flaky_server)
    evidence.fill("Benoemt de belangen van de buren.")
    expect(status(page)).to_contain_text("vanzelf opnieuw geprobeerd")
    assert_no_reload_advice(page)
    wait_all_saved(page)
    assert_no_reload_advice(page)
    assert len(answers) == 3
    assert stored_evidence(scoring) == "Benoemt de belangen van de buren."


def test_a_database_that_is_briefly_away_is_waited_for_and_said_so_in_dutch(page, scoring):
    """competentie/outage.py answers 503 with Retry-After while the database is away; the script says it
    retries (not that something broke) and saves once the server answers again."""
    evidence = open_scoring(page, scoring)
    answers = []

    def database_away(route):
        answers.append(route.request.post_data)
        if len(answers) <= 2:
            route.fulfill(
                status=503,
                headers={"Retry-After": "1"},
                content_type="application/json",
                body=json.dumps({"saved": False, "unavailable": True, "error": "De database is even weg."}),
            )
        else:
            route.continue_()

    page.route(AUTOSAVE, database_away)
    evidence.fill("Vraagt door naar de planning van de aanvrager.")
    expect(status(page)).to_contain_text("de database is even niet bereikbaar")
    expect(status(page)).to_contain_text("vanzelf opnieuw geprobeerd")
    expect(status(page)).to_have_attribute("data-state", "warning")
    assert_no_reload_advice(page)
    wait_all_saved(page)
    assert len(answers) == 3
    assert stored_evidence(scoring) == "Vraagt door naar de planning van de aanvrager."


def test_unsent_text_survives_a_reload_is_restored_and_then_saved(page, scoring):
    evidence = open_scoring(page, scoring)
    page.route(AUTOSAVE, lambda route: route.abort())  # the server cannot be reached
    evidence.click()
    page.keyboard.type("Luistert en vat samen; nog niet verstuurd.")
    expect(status(page)).to_have_attribute("data-state", "warning")
    dialogs = []

    def leave(dialog):
        dialogs.append(dialog.type)
        dialog.accept()

    page.on("dialog", leave)
    page.reload()
    assert dialogs == ["beforeunload"]  # the browser warned before leaving unsent text
    expect(evidence).to_have_value("Luistert en vat samen; nog niet verstuurd.")
    expect(status(page)).to_contain_text("teruggezet")
    assert stored_evidence(scoring) == ""

    page.unroute(AUTOSAVE)  # the server is back: the queue's next attempt goes through
    wait_all_saved(page)
    expect(status(page)).to_contain_text("teruggezet en nu ook opgeslagen")
    assert stored_evidence(scoring) == "Luistert en vat samen; nog niet verstuurd."
    page.remove_listener("dialog", leave)
    page.reload()  # nothing unsent: no warning, nothing restored
    expect(evidence).to_have_value("Luistert en vat samen; nog niet verstuurd.")
    assert dialogs == ["beforeunload"]


def test_the_status_stays_in_view_on_a_tablet_while_scrolling(page, scoring):
    evidence = open_scoring(page, scoring)
    evidence.fill("Iets.")
    wait_all_saved(page)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = status(page).bounding_box()
    assert page.viewport_size == {"width": 1024, "height": 768}
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 768


@pytest.fixture
def second_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1024, "height": 768})
    other = context.new_page()
    other.set_default_timeout(WAIT_MS)
    yield other
    context.close()


def test_two_mt_members_on_step_3_keep_both_questions_and_the_same_question_is_refused_with_both_texts(
    page, second_page, users, org_a, seeded
):
    make_user("mt_twee", organisation=org_a, role=Membership.Role.MANAGEMENT)
    framework = Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")
    round = start_round(org_a, users["mt"], framework, participants=[users["mt"]])
    first, second = GuidingQuestion.objects.filter(
        question_set__framework=framework, question_set__purpose="conclusions"
    ).order_by("question_set__order", "order")[:2]
    url = f"/zelfevaluatie/{round.pk}/conclusies/"
    log_in(page, "mt")
    page.goto(url)
    log_in(second_page, "mt_twee")
    second_page.goto(url)

    # Different questions at the same time: both kept.
    page.locator(f"#answer-{first.pk}").fill("Anna: de basis staat.")
    second_page.locator(f"#answer-{second.pk}").fill("Bert: juridisch advies is sterk.")
    wait_all_saved(page)
    wait_all_saved(second_page)
    team = Answer.objects.filter(round=round, participant=None, profile=None)
    assert dict(team.values_list("question_id", "text")) == {
        first.pk: "Anna: de basis staat.",
        second.pk: "Bert: juridisch advies is sterk.",
    }

    # The same question: Bert's page still shows the first question as it was when he opened it.
    second_page.locator(f"#answer-{first.pk}").fill("Bert: de basis wankelt.")
    conflict = second_page.locator(".autosave-conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Anna: de basis staat.")  # the newer version, beside his own
    expect(second_page.locator(f"#answer-{first.pk}")).to_have_value("Bert: de basis wankelt.")
    expect(status(second_page)).to_contain_text("niets overschreven")
    assert team.get(question=first).text == "Anna: de basis staat."

    # Bert chooses to keep his text after reading Anna's: now it is a deliberate overwrite.
    conflict.get_by_role("button", name="Mijn tekst toch opslaan").click()
    wait_all_saved(second_page)
    assert team.get(question=first).text == "Bert: de basis wankelt."


def test_recording_one_consensus_keeps_the_text_typed_under_another(page, users, selecteurs_for_e2e):
    day, first, second = selecteurs_for_e2e
    log_in(page, "hr")
    page.goto(f"/selectie/{day.procedure.pk}/kalibratie/{day.candidates[0].pk}/")
    form_a, form_b = page.locator(f"#consensus-{first.pk}"), page.locator(f"#consensus-{second.pk}")
    form_a.get_by_label("Onderbouwing").fill("Half getypt bij de eerste competentie.")
    form_b.get_by_label("Consensusscore").select_option("3")
    form_b.get_by_label("Onderbouwing").fill("Samen besproken: gedrag gezien in beide oefeningen.")
    form_b.get_by_role("button", name="Consensus vastleggen").click()
    expect(status(page)).to_contain_text(f"Consensus voor “{second.name}” vastgelegd.")
    expect(form_a.get_by_label("Onderbouwing")).to_have_value("Half getypt bij de eerste competentie.")
    assert ConsensusScore.objects.get(candidate=day.candidates[0], competency=second).value == 3

    # Even a reload keeps the unfinished rationale: it waits in this browser until it is recorded.
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    expect(form_a.get_by_label("Onderbouwing")).to_have_value("Half getypt bij de eerste competentie.")
    form_a.get_by_label("Consensusscore").select_option("2")
    form_a.get_by_role("button", name="Consensus vastleggen").click()
    expect(status(page)).to_contain_text(f"Consensus voor “{first.name}” vastgelegd.")
    assert ConsensusScore.objects.get(candidate=day.candidates[0], competency=first).rationale == (
        "Half getypt bij de eerste competentie."
    )
    assert not re.search("herlaad", status(page).inner_text(), re.I)


@pytest.fixture
def selecteurs_for_e2e(users, org_a, seeded):
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    colleague = make_user("selecteur_twee", organisation=org_a, role=Membership.Role.SELECTEUR)
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"], colleague])
    for person in (users["selecteur"], colleague):
        score_all(day, person, day.candidates[0], value=3, submit=True)
    first, second = day.competencies[0], day.competencies[1]
    return day, first, second
