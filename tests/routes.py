"""Every route of the URLconf with real objects behind its arguments, for tests that walk them all.

The routes are read from the URLconf itself, so a new URL is covered without anyone remembering
it. `build_world` makes one object of every kind an argument can name (a framework in review, a
selection procedure with a scored candidate, a self-evaluation round with a peer review and an
action, a development programme with a cohort); `url_for` fills a route's arguments from it.
Used by the URL guard (tests/test_every_url_guarded.py), the language and name scans, and the
browser sweep of every page (tests/e2e/test_every_page.py).
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from competentie.organisations.models import Membership
from frameworks.models import BehaviouralIndicator, ProfileCompetency
from frameworks.services import review as review_services
from selectie.models import Score
from zelfevaluatie import services as round_services

from .factories import make_framework, make_user
from .ontwikkeling.conftest import build_cohort, build_programme, fill_in
from .selectie.conftest import build_day, score_all
from .zelfevaluatie.conftest import start_round

# logout is harmless for anonymous visitors; the language switch must work on the login page too.
PUBLIC = {
    "login",
    "logout",
    "set_language",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "invitation-accept",
    # A candidate's own fairness questionnaire: no account, the link's token is the key (issue 28).
    "selectie:fairness-form",
    # An outside 360° rater's own form: no account, the personal link's token is the key (issue 26).
    "feedback:link",
    # Where to report a vulnerability (RFC 9116, issue 30): for everyone, nothing of any organisation.
    "security-txt",
    # Login through the organisation's identity provider: its start and the provider's callback.
    "oidc-start",
    "oidc-callback",
    # An organisation's logo: e-mails show it without logging in (no secret, no personal data).
    "theme-logo",
}
# The CASE 1.1 REST binding is open to anonymous readers for the seeded libraries only: for
# organisation A's objects they get a 404 (in the binding's JSON), never a login page.
PUBLIC_READ = {"case:document-list", "case:document", "case:package", "case:item", "case:association"}
PUBLIC_READ |= {name.replace("case:", "case-v1p0:") for name in PUBLIC_READ}
# Routes that end the session: walking them as a member would log the walker out halfway.
LOGS_OUT = {"logout", "session-expire"}

# What `<int:pk>` names, by app and by the path segment in front of it.
PK_KINDS = {
    ("frameworks", ""): "framework",
    ("frameworks", "competenties"): "competency",
    ("frameworks", "profielen"): "profile",
    ("frameworks", "niveaus"): "level",
    ("frameworks", "indicatoren"): "indicator",
    ("frameworks", "profielcompetenties"): "profile_competency",
    ("frameworks", "opmerkingen"): "comment",
    ("frameworks", "clusters"): "cluster",
    ("frameworks", "abonnementen"): "subscription",
    ("frameworks", "hulpvragensets"): "question_set",
    ("frameworks", "hulpvragen"): "question",
    ("selectie", ""): "procedure",
    ("zelfevaluatie", ""): "round",
    ("ontwikkeling", ""): "programme",
    ("ontwikkeling", "groepen"): "cohort",
    ("ontwikkeling", "deelnemers"): "development_participant",
    ("medewerkers", ""): "employee",
    ("medewerkers", "cycli"): "assessment_cycle",
}
# Other keyword arguments name their object themselves.
KWARG_KINDS = {
    "candidate_pk": "candidate",
    "competency_pk": "procedure_competency",
    "assignment_pk": "assignment",
    "score_pk": "score",
    "exercise_pk": "exercise",
    "profile_pk": "round_profile",
    "participant_pk": "participant",
    "review_pk": "peer_review",
    "action_pk": "action",
    "number": "step_number",
    # The password-reset link: a user id and a one-time token (public, checked by Django).
    "uidb64": "uidb64",
    "token": "token",
    "moment": "moment",
    "document_id": "case_document",
    "item_id": "case_item",
    "association_id": "case_association",
    "result_id": "pdf_build",
    "membership_pk": "membership",
    "case_pk": "practice_case",
    "build_id": "dossier_build",
    "questionnaire_token": "questionnaire_token",
    # 360° feedback and the EVC portfolio (medewerkers, issue 26).
    "cycle_pk": "assessment_cycle",
    "employee_pk": "employee",
    "invitation_pk": "rater_invitation",
    "link_token": "rater_link_token",
    "item_pk": "portfolio_item",
    "file_pk": "portfolio_file",
    "judgement_pk": "portfolio_judgement",
    "organisation_pk": "organisation",
    # A CASE package over 2 MB, read on the task queue (issue 29.5): only its uploader's.
    "job_id": "case_import_job",
}


def walk(resolver=None, prefix="", namespace=None):
    """(full name, route string) for every named URL pattern, admin excluded."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            yield from walk(pattern, prefix + str(pattern.pattern), pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern)


ROUTES = sorted(set(walk()))


def kinds_for(name: str, route: str) -> dict[str, str]:
    """The object kind behind each argument of a route."""
    app = name.split(":")[0] if ":" in name else ""
    path_after_app = route.split("/", 1)[1] if "/" in route else route
    kinds = {}
    for match in re.finditer(r"<(?:\w+:)?(\w+)>", path_after_app):
        argument = match.group(1)
        if argument == "pk":
            segment = path_after_app[: match.start()].rstrip("/").rsplit("/", 1)[-1]
            kind = PK_KINDS.get((app, segment))
            assert kind, f"{name} ({route}): add ({app!r}, {segment!r}) to PK_KINDS in {__file__}"
        else:
            kind = KWARG_KINDS.get(argument)
            assert kind, f"{name} ({route}): add {argument!r} to KWARG_KINDS in {__file__}"
        kinds[argument] = kind
    return kinds


def _subscription(org_a, users):
    """Organisation A follows a library; its copy is an own concept (frameworks/subscriptions.py)."""
    from frameworks.models import Subscription

    copy = make_framework(org_a, name="Kopie Aadorp", profiles=0)
    return Subscription.objects.create(
        organisation=org_a, title="Bibliotheek", copy=copy, snapshot={"items": {}}, created_by=users["hr"]
    )


def build_world(users, org_a, org_b) -> dict:
    """One object of every kind, all of organisation A: the object behind each kind, by primary key.

    Needs the seeded libraries (the `seeded` fixture); the `world` fixture in tests/conftest.py calls it.
    """
    from frameworks.models import Profile

    framework = make_framework(org_a, name="Framework Aadorp")
    competency = framework.competencies.first()
    review_services.reviewer_invite(framework=framework, user=users["hr"], reviewer=users["selecteur"])
    comment = review_services.review_comment_add(
        framework=framework, user=users["selecteur"], text="Duidelijk?", competency=competency
    )
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    second = make_user("selecteur_twee", organisation=org_a, role=Membership.Role.SELECTEUR)
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"], second])
    candidate = day.candidates[0]
    score_all(day, users["selecteur"], candidate, submit=True)
    assignment = day.procedure.assignments.filter(selecteur=users["selecteur"], candidate=candidate).first()
    from frameworks.models import Framework

    vth = Framework.objects.get(organisation__isnull=True, name="VTH competentieprofielen")
    evaluation = start_round(org_a, users["mt"], vth, participants=[users["selecteur"]])
    reviewer = make_user("toetser_beekdal", organisation=org_b, role=Membership.Role.MANAGEMENT)
    peer_review = round_services.peer_review_invite(
        round=evaluation, username=reviewer.username, invited_by=users["mt"]
    )
    round_profile = evaluation.round_profiles.first().profile
    action = round_services.action_create(
        round=evaluation,
        what="Opleidingsplan",
        measure="Iedereen gevolgd",
        owner="MT",
        deadline="2027-06-30",
        profile=round_profile,
    )
    from frameworks.services import question_save, question_set_save

    question_set = question_set_save(
        framework=framework, user=users["hr"], name="Hulpvragen", purpose="self_evaluation"
    )
    question = question_save(question_set=question_set, user=users["hr"], text="Wat gaat goed?")
    from frameworks.interchange.case import framework_to_case
    from frameworks.interchange.selectors import framework_for_export

    package = framework_to_case(framework_for_export(user=users["hr"], pk=framework.pk), absolute=lambda p: p)
    from frameworks.tasks import framework_pdf_build
    from selectie import services as selection_services
    from selectie.tasks import dossier_pdf_build

    practice_case = selection_services.practice_case_save(
        procedure=day.procedure, title="Oefencasus", description="De kandidaat vatte het dossier samen."
    )
    selection_services.practice_expert_save(
        case=practice_case, values={day.competencies[0].pk: 3}, indicators={day.competencies[0].pk: []}
    )
    selection_services.fairness_setup_save(organisation=org_a, characteristics=["gender", "age"])
    questionnaire_token = selection_services.fairness_invitation_create(candidate=candidate)
    dossier_build = dossier_pdf_build.enqueue(procedure_id=day.procedure.pk, with_fairness=True, language="nl")
    programme = build_programme(org_a, users["hr"])
    cohort, _coach, participants = build_cohort(programme, size=1)
    # Open windows for the voormeting and the follow-up, and a named manager (the management-team
    # member), so that the follow-up form and every home-page card have something to show.
    from datetime import timedelta

    from django.utils import timezone

    from ontwikkeling import services as development_services

    today = timezone.localdate()
    development_services.windows_save(
        cohort=cohort,
        windows={
            "voormeting": (today - timedelta(days=7), today + timedelta(days=7)),
            "opvolging": (today - timedelta(days=1), today + timedelta(days=60)),
        },
    )
    users["mt"].email = "mt@aadorp.example"
    users["mt"].save()
    development_services.participant_manager_set(participant=participants[0], email=users["mt"].email)
    fill_in(participants[0], "voormeting")
    employee, assessment_cycle = _medewerkers_world(org_a, users)
    feedback = build_feedback_world(users, org_a)
    return {
        # The 360° invitations and the portfolio file are the deelnemer's (build_feedback_world); the
        # employee and cycle of every route are the medewerker's, whose cycle was opened as HR opens one.
        **feedback,
        "employee": employee.pk,
        "assessment_cycle": assessment_cycle.pk,
        "programme": programme.pk,
        "cohort": cohort.pk,
        "development_participant": participants[0].pk,
        "moment": "voormeting",
        "pdf_build": str(framework_pdf_build.enqueue(framework_id=framework.pk).id),
        "case_document": package["CFDocument"]["identifier"],
        "case_item": package["CFItems"][0]["identifier"],
        "case_association": package["CFAssociations"][0]["identifier"],
        "case_import_job": str(_case_import_job(users, org_a)),
        "framework": framework.pk,
        "subscription": _subscription(org_a, users).pk,
        "question_set": question_set.pk,
        "question": question.pk,
        "competency": competency.pk,
        "profile": framework.profiles.filter(parent__isnull=True).first().pk,
        "level": framework.levels.first().pk,
        "indicator": BehaviouralIndicator.objects.filter(competency__framework=framework).first().pk,
        "profile_competency": ProfileCompetency.objects.filter(profile__framework=framework).first().pk,
        "comment": comment.pk,
        "cluster": framework.clusters.first().pk,
        "step_number": 1,
        "uidb64": "MQ",
        "token": "set-password",
        "procedure": day.procedure.pk,
        "candidate": candidate.pk,
        "procedure_competency": day.competencies[0].pk,
        "assignment": assignment.pk,
        "score": Score.objects.filter(assignment=assignment).first().pk,
        "exercise": day.interview.pk,
        "round": evaluation.pk,
        "round_profile": round_profile.pk,
        "participant": evaluation.participants.get(user=users["selecteur"]).pk,
        "peer_review": peer_review.pk,
        "action": action.pk,
        "membership": users["hr"].memberships.get().pk,
        "practice_case": practice_case.pk,
        "dossier_build": str(dossier_build.id),
        "questionnaire_token": questionnaire_token,
        "organisation": org_a.pk,
    }


def _case_import_job(users, org_a):
    """HR's large CASE import, read and waiting for the confirmation (the queue is not worked off here)."""
    from frameworks.models import CaseImportJob

    job = CaseImportJob.objects.create(
        user=users["hr"], organisation=org_a, filename="groot.json", size=3, status=CaseImportJob.Status.READY
    )
    return job.uuid


def _medewerkers_world(org_a, users):
    """An employee (the medewerker persona) managed by the management-team member, in a cycle."""
    from competentie.people.models import Employee, Team

    from .medewerkers.conftest import divosa_profile, open_cycle

    team = Team.objects.create(organisation=org_a, name="Team Aadorp")
    employee = Employee.objects.create(
        organisation=org_a,
        user=users["medewerker"],
        name="Medewerker Aadorp",
        profile=divosa_profile(),
        manager=users["mt"],
        team=team,
    )
    return employee, open_cycle(team)


def url_for(name, route, world):
    return reverse(name, kwargs={argument: world[kind] for argument, kind in kinds_for(name, route).items()})


def visit(client, url):
    """GET, or an empty POST where the route takes only POST."""
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    return response


def build_feedback_world(users, org_a) -> dict:
    """A cycle with an employee (the deelnemer persona, managed by the management-team member), a
    colleague's and an outside rater's invitation, and a portfolio item with a file and an assessor."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from medewerkers.services import portfolio as portfolio_services
    from medewerkers.services import raters as rater_services

    from .feedback.conftest import build_team

    team = build_team(org_a, users["hr"], colleagues=0, employee_user=users["deelnemer"], manager=users["mt"])
    colleague = rater_services.rater_invite_colleague(
        cycle=team.cycle, employee=team.employee, username=users["selecteur"].username, user=users["deelnemer"]
    )
    outside = rater_services.rater_invite_outside(
        cycle=team.cycle,
        employee=team.employee,
        name="Karin Ketenpartner",
        email="karin@provincie.nl",
        user=users["deelnemer"],
    )
    token, hashed = __import__("competentie.links", fromlist=["token_new"]).token_new()
    outside.token_hash = hashed
    outside.save(update_fields=["token_hash"])
    item = portfolio_services.portfolio_item_save(
        employee=team.employee,
        competency=team.competencies[0].competency,
        title="Verslag van een lastige vergunning",
        text="Ik legde het besluit uit aan de aanvrager.",
        uploads=[SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag", content_type="application/pdf")],
        user=users["deelnemer"],
    )
    judgement = portfolio_services.portfolio_judgement_request(
        item=item, assessor=users["begeleider"], scale=team.cycle.scale, user=users["deelnemer"]
    )
    return {
        "assessment_cycle": team.cycle.pk,
        "employee": team.employee.pk,
        "rater_invitation": colleague.pk,
        "rater_link_token": token,
        "portfolio_item": item.pk,
        "portfolio_file": item.files.get().pk,
        "portfolio_judgement": judgement.pk,
    }


# Logboek Dataverwerkingen (issue 30): the pages that show personal data, each with who may read it
# in the world above. Each GET writes exactly one `data.read` line (competentie/audit/reads.py);
# tests/test_audit_reads.py walks them and checks this list against the decorated views.
# "participant_user" is the world's development participant, "peer_reviewer" the invited reviewer.
READS_PERSONAL_DATA = {
    # medewerkers (issue 26): the world's employee is the medewerker persona, managed by mt.
    "medewerkers:employee-list": "hr",
    "medewerkers:plan": "hr",
    "medewerkers:conversation": "hr",
    "medewerkers:assessment": "medewerker",
    "medewerkers:team-overview": "hr",
    "medewerkers:team-overview-csv": "hr",
    "medewerkers:team-overview-pdf": "hr",
    "medewerkers:role-overview": "hr",
    "feedback:overview": "hr",
    "feedback:csv": "hr",
    "feedback:report-pdf": "hr",
    "feedback:respond": "selecteur",
    "feedback:portfolio": "hr",
    "feedback:portfolio-file": "hr",
    "feedback:portfolio-judge": "begeleider",
    "member-list": "beheerder",
    "access-review": "beheerder",
    "selectie:candidate-list": "hr",
    "selectie:candidate-detail": "hr",
    "selectie:candidate-pdf": "hr",
    "selectie:calibration-candidate": "hr",
    "selectie:meeting-item": "hr",
    "selectie:calibration": "hr",
    "selectie:board": "hr",
    "selectie:letter-pdf": "hr",
    "selectie:procedure-pdf": "hr",
    "zelfevaluatie:meeting": "mt",
    "zelfevaluatie:conclusions": "mt",
    "ontwikkeling:participant-manage": "hr",
    "selectie:letter": "hr",
    "selectie:results": "hr",
    "selectie:score-screen": "selecteur",
    "zelfevaluatie:rating": "selecteur",
    "zelfevaluatie:team": "mt",
    "zelfevaluatie:peer-notes": "peer_reviewer",
    "zelfevaluatie:round-pdf": "mt",
    "zelfevaluatie:round-csv": "mt",
    "zelfevaluatie:round-json": "mt",
    "ontwikkeling:cohort-detail": "hr",
    "ontwikkeling:participant-detail": "participant_user",
    "ontwikkeling:plan": "participant_user",
    "ontwikkeling:measurement": "participant_user",
    "ontwikkeling:follow-up": "mt",
    "selectie:insight": "hr",
    "selectie:fairness": "hr",
    "selectie:fairness-csv": "hr",
    "selectie:fairness-pdf": "hr",
    "selectie:practice-cases": "hr",
    "selectie:assignment-list": "hr",
    "zelfevaluatie:peer-reviews": "mt",
    # The outside rater's own page: no account, so the line has no actor ("anonymous").
    "feedback:link": "anonymous",
}
# Decorated pages whose GET in the world above shows no one (the world's dossier waits on the queue:
# a redirect, a progress page), each with the test that checks its read line instead: the dossier's
# download, at once (inline tasks) or after the background build.
READS_PERSONAL_DATA_ELSEWHERE = {
    "selectie:dossier": "tests/selectie/test_dossier_reads.py",
    "selectie:dossier-build": "tests/selectie/test_dossier_reads.py",
}
