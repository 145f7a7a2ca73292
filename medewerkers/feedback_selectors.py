"""Reads for 360° feedback and the EVC portfolio, scoped to the user's organisations (another
organisation's object is a 404; roles are checked in feedback_access.py)."""

from django.http import Http404

from competentie import links
from competentie.organisations.access import organisation_ids
from competentie.people.models import Employee

from .models import Assessment, AssessmentCycle, PortfolioFile, PortfolioItem, PortfolioJudgement, RaterInvitation


def cycle_employee_get(*, user, cycle_pk: int, employee_pk: int):
    """A cycle and one employee of its team, of one of the user's organisations."""
    orgs = organisation_ids(user)
    cycle = AssessmentCycle.objects.filter(pk=cycle_pk, organisation__in=orgs).select_related("organisation").first()
    employee = (
        Employee.objects.filter(pk=employee_pk, organisation__in=orgs)
        .select_related("organisation", "profile", "manager", "user")
        .first()
    )
    if cycle is None or employee is None or employee.organisation_id != cycle.organisation_id:
        raise Http404
    return cycle, employee


def employee_get(*, user, pk: int) -> Employee:
    employee = (
        Employee.objects.filter(pk=pk, organisation__in=organisation_ids(user))
        .select_related("organisation", "profile", "manager", "user")
        .first()
    )
    if employee is None:
        raise Http404
    return employee


def invitations_of(*, cycle, employee):
    return (
        RaterInvitation.objects.filter(cycle=cycle, employee=employee).select_related("rater").order_by("group", "pk")
    )


def invitation_for_rater(*, user, pk: int) -> RaterInvitation:
    invitation = (
        RaterInvitation.objects.filter(pk=pk, cycle__organisation__in=organisation_ids(user))
        .select_related("cycle__organisation", "cycle__scale", "employee__profile")
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def invitation_for_token(*, token: str) -> RaterInvitation | None:
    """The invitation behind an outside rater's link, or None (wrong, replaced or purged)."""
    return (
        RaterInvitation.objects.filter(token_hash=links.token_hash(token), group=RaterInvitation.Group.OUTSIDE)
        .select_related("cycle__organisation", "cycle__scale", "employee__profile")
        .first()
    )


def profile_competencies(*, employee):
    """The competencies of the employee's function profile, with the indicators as anchors."""
    if not employee.profile_id:
        return []
    return list(
        employee.profile.profile_competencies.select_related("competency", "required_level")
        .prefetch_related("indicators")
        .order_by("order", "pk")
    )


def scale_points(*, scale):
    return list(scale.points.order_by("value"))


def own_assessments(*, cycle, employee):
    return list(
        Assessment.objects.filter(cycle=cycle, employee=employee, kind__in=["self", "manager"]).only(
            "pk", "kind", "rater_id", "submitted_at", "employee_id"
        )
    )


def portfolio_items(*, employee):
    return (
        PortfolioItem.objects.filter(employee=employee)
        .select_related("competency", "judgement__assessor", "judgement__scale")
        .prefetch_related("files")
    )


def portfolio_item_get(*, user, pk: int) -> PortfolioItem:
    item = (
        PortfolioItem.objects.filter(pk=pk, employee__organisation__in=organisation_ids(user))
        .select_related("employee", "competency", "judgement")
        .first()
    )
    if item is None:
        raise Http404
    return item


def portfolio_file_get(*, user, pk: int) -> PortfolioFile:
    row = (
        PortfolioFile.objects.filter(pk=pk, item__employee__organisation__in=organisation_ids(user))
        .select_related("item__employee", "item__judgement")
        .first()
    )
    if row is None:
        raise Http404
    return row


def judgement_get(*, user, pk: int) -> PortfolioJudgement:
    judgement = (
        PortfolioJudgement.objects.filter(pk=pk, item__employee__organisation__in=organisation_ids(user))
        .select_related("item__employee", "item__competency", "scale")
        .prefetch_related("item__files", "scale__points")
        .first()
    )
    if judgement is None:
        raise Http404
    return judgement


def judgements_for_assessor(*, user):
    return PortfolioJudgement.objects.filter(assessor=user, judged_at__isnull=True).select_related(
        "item__employee", "item__competency"
    )


def assessors_in(*, organisation_id: int, exclude_user_id):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__organisation_id=organisation_id, is_active=True)
        .exclude(pk=exclude_user_id)
        .order_by("first_name", "last_name", "username")
    )


def portfolio_scale(*, employee):
    """The scale of the employee's latest cycle, else the seeded default (schema 4.2 of seed 002)."""
    from frameworks.models import RatingScale

    cycle = AssessmentCycle.objects.filter(team_id=employee.team_id).select_related("scale").order_by("-pk").first()
    if cycle is not None:
        return cycle.scale
    return RatingScale.objects.libraries().filter(points__value=6).order_by("pk").first()


def report_data(*, cycle, employee, open_to_others: bool) -> dict:
    """The individual report (for the personnel file): per competency of the profile the self and the
    manager's judgement (handed in only; others' only once the reader's own is in), the agreed level and
    the required one. Five queries, whatever the profile's size."""
    from competentie.people.models import PlanGoal

    from .models import ConversationItem

    competencies = profile_competencies(employee=employee)
    assessments = list(
        Assessment.objects.filter(
            cycle=cycle, employee=employee, kind__in=["self", "manager"], submitted_at__isnull=False
        )
        .select_related("rater")
        .prefetch_related("scores")
    )
    by_kind = (
        {a.kind: {s.profile_competency_id: s for s in a.scores.all()} for a in assessments} if open_to_others else {}
    )
    manager = next((a.rater for a in assessments if a.kind == "manager"), None)
    agreed = {
        i.profile_competency_id: i
        for i in ConversationItem.objects.filter(conversation__cycle=cycle, conversation__employee=employee)
    }
    goals = list(
        PlanGoal.objects.filter(plan__employee=employee).select_related("competency").order_by("deadline", "pk")
    )
    rows = []
    for pc in competencies:
        self_score, manager_score = by_kind.get("self", {}).get(pc.pk), by_kind.get("manager", {}).get(pc.pk)
        item = agreed.get(pc.pk)
        agreed_value = item.agreed_value if item else None
        rows.append(
            {
                "competency": pc,
                "self": self_score.value if self_score else None,
                "manager": manager_score.value if manager_score else None,
                "manager_evidence": manager_score.evidence if manager_score else "",
                "agreed": agreed_value,
                "required": cycle.required_value,
                "gap": (agreed_value - cycle.required_value) if agreed_value is not None else None,
            }
        )
    return {"rows": rows, "manager": manager if open_to_others else None, "goals": goals}
