"""Reads of the medewerkers app, scoped to the user's organisations (another organisation's row: 404).

Role checks are in access.py; blindness (who reads whose assessment) in blindness.py.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from competentie.organisations.access import organisation_ids
from competentie.people.models import Employee
from frameworks.models import BehaviouralIndicator, ProfileCompetency, ScalePoint

from . import access, feedback
from .blindness import Visibility, visibility_for
from .models import Assessment, AssessmentCycle, AssessmentScore, Conversation, ConversationItem


def employee_get(*, user: AbstractBaseUser, pk: int) -> Employee:
    queryset = Employee.objects.filter(organisation__in=organisation_ids(user)).select_related(
        "organisation", "user", "manager", "team", "profile__framework"
    )
    return get_object_or_404(queryset, pk=pk)


def employees_visible_to(*, user: AbstractBaseUser) -> QuerySet[Employee]:
    """Employees the user may see: all of an organisation where they are HR, their reports, themselves."""
    hr_orgs = organisation_ids(user, *access.HR_ROLES)
    return (
        Employee.objects.filter(organisation__in=organisation_ids(user))
        .filter(Q(organisation__in=hr_orgs) | Q(manager=user) | Q(user=user))
        .select_related("organisation", "user", "manager", "team", "profile__framework")
    )


def cycle_get(*, user: AbstractBaseUser, pk: int) -> AssessmentCycle:
    queryset = AssessmentCycle.objects.filter(organisation__in=organisation_ids(user)).select_related(
        "organisation", "team", "scale"
    )
    return get_object_or_404(queryset, pk=pk)


def scale_points(cycle: AssessmentCycle) -> list[ScalePoint]:
    return list(ScalePoint.objects.filter(scale=cycle.scale_id).order_by("value"))


def profile_competencies(profile_id: int) -> list[ProfileCompetency]:
    """The competencies of a profile with their indicators (the anchors), in the profile's order."""
    indicators = Prefetch("indicators", queryset=BehaviouralIndicator.objects.order_by("order", "pk"))
    return list(
        ProfileCompetency.objects.filter(profile=profile_id)
        .select_related("competency", "required_level")
        .prefetch_related(indicators)
        .order_by("order", "pk")
    )


def _assessments(cycle_id: int):
    return Assessment.objects.filter(cycle=cycle_id).prefetch_related(
        Prefetch("scores", queryset=AssessmentScore.objects.order_by("profile_competency_id"))
    )


@dataclass
class Row:
    """One competency in the conversation: the levels side by side and the gap to the required level."""

    profile_competency: ProfileCompetency
    required: int
    self_value: int | None = None
    self_evidence: str = ""
    manager_value: int | None = None
    manager_evidence: str = ""
    feedback: dict | None = None
    agreed: ConversationItem | None = None

    @property
    def judged(self) -> int | None:
        """What the gap is measured from: the agreed level, else the manager's, else the employee's own."""
        if self.agreed is not None and self.agreed.agreed_value is not None:
            return self.agreed.agreed_value
        return self.manager_value if self.manager_value is not None else self.self_value

    @property
    def gap(self) -> int | None:
        return None if self.judged is None else self.required - self.judged


@dataclass
class Sheet:
    conversation: Conversation
    visibility: Visibility
    self_assessment: Assessment | None
    manager_assessment: Assessment | None
    rows: list[Row] = field(default_factory=list)


def priority_order(rows: list[Row]) -> list[Row]:
    """Seed 002: order the competencies to see "welke competenties met voorrang ontwikkeling nodig is" —
    the largest gap first, then the lowest judged level; competencies not judged yet last."""
    return sorted(
        rows,
        key=lambda r: (
            r.gap is None,
            -(r.gap or 0),
            r.judged or 0,
            r.profile_competency.order,
            r.profile_competency.pk,
        ),
    )


def conversation_sheet(*, user: AbstractBaseUser, conversation: Conversation) -> Sheet:
    """Self, manager, 360° and required level per competency, shown only as blindness allows."""
    employee = conversation.employee
    assessments = [a for a in _assessments(conversation.cycle_id).filter(employee=employee)]
    visibility = visibility_for(user, employee, assessments)
    by_kind = {a.kind: a for a in assessments if a.kind in (Assessment.Kind.SELF, Assessment.Kind.MANAGER)}
    own_self, own_manager = by_kind.get(Assessment.Kind.SELF), by_kind.get(Assessment.Kind.MANAGER)
    competencies = profile_competencies(employee.profile_id) if employee.profile_id else []
    summaries = feedback.summary_for(assessments, [pc.pk for pc in competencies]) if visibility.others_open else {}
    items = {item.profile_competency_id: item for item in conversation.items.all()}
    rows = []
    for pc in competencies:
        row = Row(profile_competency=pc, required=conversation.cycle.required_value)
        for assessment, prefix in ((own_self, "self"), (own_manager, "manager")):
            if assessment is None or not visibility.shows(assessment):
                continue
            score = next((s for s in assessment.scores.all() if s.profile_competency_id == pc.pk), None)
            if score is not None:
                setattr(row, f"{prefix}_value", score.value)
                setattr(row, f"{prefix}_evidence", score.evidence)
        row.feedback = summaries.get(pc.pk)
        row.agreed = items.get(pc.pk)
        rows.append(row)
    return Sheet(conversation, visibility, own_self, own_manager, priority_order(rows))


def conversation_get(*, user: AbstractBaseUser, cycle_pk: int, employee_pk: int) -> Conversation:
    queryset = Conversation.objects.filter(cycle__organisation__in=organisation_ids(user)).select_related(
        "cycle__scale", "cycle__team", "employee__profile__framework", "employee__team", "employee__manager"
    )
    return get_object_or_404(queryset.prefetch_related("items"), cycle=cycle_pk, employee=employee_pk)


@dataclass
class Matrix:
    competencies: list  # (competency id, name)
    rows: list  # (employee, {competency id: (required, agreed)})


def team_index(*, user: AbstractBaseUser, cycle: AssessmentCycle, profile_id: int | None = None) -> QuerySet:
    """The ids of the cycle's conversations the user may overview, in the order of the team overview."""
    conversations = Conversation.objects.filter(cycle=cycle, employee__in=employees_visible_to(user=user))
    if profile_id:
        conversations = conversations.filter(employee__profile=profile_id)
    return conversations.order_by("employee__name", "employee_id").values_list("pk", flat=True)


def team_matrix(
    *,
    user: AbstractBaseUser,
    cycle: AssessmentCycle,
    profile_id: int | None = None,
    conversation_ids: list[int] | None = None,
) -> Matrix:
    """Required versus agreed level, per person × competency of their profile (a fixed number of queries).

    Of every conversation in team_index, or of the listed ones (a page of the overview)."""
    conversations = Conversation.objects.filter(pk__in=team_index(user=user, cycle=cycle, profile_id=profile_id))
    if conversation_ids is not None:
        conversations = conversations.filter(pk__in=conversation_ids)
    conversations = list(conversations.select_related("employee__profile").order_by("employee__name", "employee_id"))
    agreed: dict[int, dict[int, int | None]] = {}
    for conversation_id, competency_id, value in ConversationItem.objects.filter(
        conversation__in=[c.pk for c in conversations]
    ).values_list("conversation_id", "profile_competency__competency_id", "agreed_value"):
        agreed.setdefault(conversation_id, {})[competency_id] = value
    profile_ids = {c.employee.profile_id for c in conversations if c.employee.profile_id}
    pcs = (
        ProfileCompetency.objects.filter(profile__in=profile_ids)
        .order_by("competency__order", "competency_id")
        .values_list("profile_id", "competency_id", "competency__name")
    )
    competencies, per_profile = {}, {}
    for profile, competency_id, name in pcs:
        competencies.setdefault(competency_id, name)
        per_profile.setdefault(profile, set()).add(competency_id)
    rows = []
    for conversation in conversations:
        levels = agreed.get(conversation.pk, {})
        own = per_profile.get(conversation.employee.profile_id, set())
        rows.append((conversation.employee, {cid: (cycle.required_value, levels.get(cid)) for cid in own}))
    return Matrix(competencies=list(competencies.items()), rows=rows)


@dataclass
class ProfileBlock:
    """One function profile of the team overview PDF: its competencies down, its people across."""

    profile: object
    people: list
    lines: list  # (competency name, [(required, agreed) per person])


PDF_COLUMNS = 6


def matrix_by_profile(matrix: Matrix) -> list[ProfileBlock]:
    """The profile × person view of a matrix (no queries: it regroups what team_matrix fetched)."""
    names = dict(matrix.competencies)
    order = {cid: index for index, (cid, _name) in enumerate(matrix.competencies)}
    blocks: dict[int | None, ProfileBlock] = {}
    grouped: dict[int | None, list] = {}
    for employee, cells in matrix.rows:
        key = employee.profile_id
        blocks.setdefault(key, ProfileBlock(profile=employee.profile, people=[], lines=[]))
        blocks[key].people.append(employee)
        grouped.setdefault(key, []).append(cells)
    result = []
    for key, block in sorted(
        blocks.items(), key=lambda kv: (kv[1].profile is None, getattr(kv[1].profile, "name", ""))
    ):
        rows = grouped[key]
        competency_ids = sorted({cid for cells in rows for cid in cells}, key=order.get)
        # At most PDF_COLUMNS people side by side: a larger profile continues in a next table.
        for start in range(0, len(rows), PDF_COLUMNS):
            part = rows[start : start + PDF_COLUMNS]
            lines = [(names[cid], [cells.get(cid) for cells in part]) for cid in competency_ids]
            result.append(ProfileBlock(block.profile, block.people[start : start + PDF_COLUMNS], lines))
    return result


def overview_profiles(*, user: AbstractBaseUser, cycle: AssessmentCycle) -> list:
    """The function profiles of the people the user sees in this cycle: the choices of the profile filter."""
    from frameworks.models import Profile

    employees = employees_visible_to(user=user).filter(conversations__cycle=cycle)
    return list(Profile.objects.filter(pk__in=employees.values("profile_id")).order_by("name", "pk"))


def overview_teams(*, user: AbstractBaseUser) -> list[tuple[int, str, int]]:
    """(team id, team name, newest cycle id) per team with a cycle the user may overview: the team filter."""
    newest: dict[int, tuple[int, str, int]] = {}
    for cycle in cycles_visible_to(user=user).order_by("-period_start", "-pk"):
        newest.setdefault(cycle.team_id, (cycle.team_id, cycle.team.name, cycle.pk))
    return sorted(newest.values(), key=lambda t: (t[1], t[0]))


def manages_someone_in(*, user: AbstractBaseUser, cycle: AssessmentCycle) -> bool:
    return Conversation.objects.filter(cycle=cycle, employee__manager=user).exists()


def cycles_of(*, employee: Employee) -> QuerySet[Conversation]:
    return Conversation.objects.filter(employee=employee).select_related("cycle").order_by("-cycle__period_start")


def own_assessment(*, user: AbstractBaseUser, conversation: Conversation) -> Assessment | None:
    """The user's own assessment of this employee in this cycle: self for the employee, manager for the manager."""
    employee = conversation.employee
    if access.is_self(user, employee):
        kind = Assessment.Kind.SELF
    elif access.is_manager(user, employee):
        kind = Assessment.Kind.MANAGER
    else:
        return None
    return (
        _assessments(conversation.cycle_id)
        .select_related("cycle__scale", "employee")
        .filter(employee=employee, kind=kind)
        .first()
    )


def teams_for_hr(*, user: AbstractBaseUser):
    from competentie.people.models import Team

    return Team.objects.filter(organisation__in=access.hr_organisation_ids(user)).select_related("organisation")


def cycles_visible_to(*, user: AbstractBaseUser) -> QuerySet[AssessmentCycle]:
    """Cycles of the user's HR organisations and of teams where the user is someone's manager."""
    return (
        AssessmentCycle.objects.filter(organisation__in=organisation_ids(user))
        .filter(Q(organisation__in=access.hr_organisation_ids(user)) | Q(conversations__employee__manager=user))
        .select_related("team")
        .distinct()
    )
