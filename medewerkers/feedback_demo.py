"""The demo's 360° feedback and portfolio (issue 26, point 11), added to the team cycle that the
medewerkers demo (26a's builder, listed before this one in DEMO_BUILDERS) opened: for one employee
three colleagues answered (a group above the threshold, shown as median and spread) and one outside
rater answered (below the threshold, hidden with the reason), and a portfolio item with an assessor's
request. Running it again changes nothing. `feedback_demo_add` can also be called by that builder."""

from django.core.files.uploadedfile import SimpleUploadedFile

from competentie.people.models import Employee

from .models import AssessmentCycle, PortfolioItem, RaterInvitation
from .services import portfolio as portfolio_services
from .services import raters as rater_services


def feedback_demo_add(*, cycle, employee, colleagues, hr) -> str:
    if RaterInvitation.objects.filter(cycle=cycle, employee=employee).exists():
        return "360°-feedback in de demo bestond al."
    competencies = list(employee.profile.profile_competencies.order_by("order", "pk"))
    texts = [
        "Legt besluiten rustig en begrijpelijk uit aan aanvragers.",
        "Vraagt door als een aanvraag onduidelijk is.",
        "Houdt collega's op de hoogte van lastige dossiers.",
    ]
    for colleague, level, text in zip(colleagues[:3], (3, 4, 5), texts):
        invitation = rater_services.rater_invite_colleague(
            cycle=cycle, employee=employee, username=colleague.username, user=employee.user
        )
        rater_services.rater_respond(
            invitation=invitation,
            answers={pc.pk: (level, text if pc == competencies[0] else "") for pc in competencies},
            scale_values=[p.value for p in cycle.scale.points.all()],
        )
    outside = rater_services.rater_invite_outside(
        cycle=cycle, employee=employee, name="Kim de Ketenpartner", email="kim@ketenpartner.example", user=employee.user
    )
    rater_services.rater_respond(
        invitation=outside,
        answers={pc.pk: (4, "") for pc in competencies},
        scale_values=[p.value for p in cycle.scale.points.all()],
    )
    if not PortfolioItem.objects.filter(employee=employee).exists():
        item = portfolio_services.portfolio_item_save(
            employee=employee,
            competency=competencies[0].competency,
            title="Verslag van een omgevingsoverleg",
            text="Ik leidde het overleg met buurtbewoners over een vergunning en legde het besluit uit.",
            uploads=[SimpleUploadedFile("verslag-overleg.txt", b"Verslag (demo): afspraken met de buurt.")],
            user=employee.user,
        )
        portfolio_services.portfolio_judgement_request(item=item, assessor=hr, scale=cycle.scale, user=employee.user)
    return f"360°-feedback en EVC-portfolio voor {employee.name} ({cycle.name})."


def demo_build(*, organisation, people: dict) -> str:
    cycle = AssessmentCycle.objects.filter(organisation=organisation, closed_at__isnull=True).order_by("pk").first()
    if cycle is None:
        return "Geen beoordelingscyclus in de demo; 360°-feedback overgeslagen."
    team = list(
        Employee.objects.filter(team=cycle.team, user__isnull=False, profile__isnull=False)
        .select_related("user", "profile")
        .order_by("pk")
    )
    if len(team) < 4:
        return "Te weinig medewerkers in het demoteam voor 360°-feedback."
    employee, colleagues = team[0], [e.user for e in team[1:] if e.user_id != team[0].manager_id]
    hr = people["hr"][0] if "hr" in people else cycle.opened_by
    return feedback_demo_add(cycle=cycle, employee=employee, colleagues=colleagues, hr=hr)
