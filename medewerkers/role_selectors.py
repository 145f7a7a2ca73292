"""The team overview per role: employees whose function profile is a role profile the management team
evaluates in its self-evaluation (the VTH role profiles, an own copy or a later version of them), each
with the required and the agreed level per competency from their latest recorded conversation.

"Role profile of the self-evaluation" is the shared read API's `Framework.objects.evaluable()`
(frameworks), so this app needs nothing from `zelfevaluatie`. The MT's agreed score per role is not
shown here: it lives in `zelfevaluatie`, and a team score on the VTH 1–5 scale beside personal levels on
schema 4.2 would invite a comparison the two scales do not support.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, Q, QuerySet, Subquery

from competentie.organisations.access import organisation_ids
from competentie.people.models import Employee
from frameworks.models import Framework, ProfileCompetency

from . import access
from .models import Conversation, ConversationItem


@dataclass
class RolePerson:
    employee: Employee
    conversation: Conversation | None  # the latest recorded one; None: no agreed levels yet
    cells: list  # per column of the role: (required, agreed), or None where the profile lacks it
    below: int = 0  # competencies agreed below the required level

    @property
    def competency_count(self) -> int:
        return sum(1 for cell in self.cells if cell is not None)


@dataclass
class RoleBlock:
    """One role: its competencies across, its people down."""

    name: str
    frameworks: list  # the framework versions the people's profiles come from
    competencies: list[str]
    people: list[RolePerson] = field(default_factory=list)

    @property
    def below_per_competency(self) -> list[int]:
        """Per competency, how many people were agreed below the required level (the role's gaps)."""
        return [
            sum(1 for person in self.people if (cell := person.cells[index]) and _is_below(cell))
            for index in range(len(self.competencies))
        ]

    @property
    def agreed_count(self) -> int:
        return sum(1 for person in self.people if person.conversation is not None)


def _is_below(cell) -> bool:
    required, agreed = cell
    return required is not None and agreed is not None and agreed < required


def role_employees(*, user: AbstractBaseUser) -> QuerySet[Employee]:
    """Current employees on a role profile of the self-evaluation that the user overviews: all of an
    organisation where they are HR, else only their own reports (never their own record as such)."""
    latest = (
        Conversation.objects.filter(employee=OuterRef("pk"), recorded_at__isnull=False)
        .order_by("-cycle__period_start", "-recorded_at", "-pk")
        .values("pk")[:1]
    )
    return (
        Employee.objects.filter(organisation__in=organisation_ids(user), left_on__isnull=True)
        .filter(Q(organisation__in=access.hr_organisation_ids(user)) | Q(manager=user))
        .filter(profile__parent__isnull=True, profile__framework__in=Framework.objects.evaluable())
        .annotate(latest_conversation=Subquery(latest))
    )


def manages_anyone(*, user: AbstractBaseUser) -> bool:
    return Employee.objects.filter(organisation__in=organisation_ids(user), manager=user).exists()


def role_overview(*, user: AbstractBaseUser) -> list[RoleBlock]:
    """The role blocks, ordered by role name (at most four queries, whatever the number of people)."""
    employees = role_employees(user=user)
    people = list(employees.select_related("team", "profile__framework").order_by("profile__name", "name", "pk"))
    if not people:
        return []
    # The ids read above, not the employee query again as a subquery: each of those cost PostgreSQL
    # more to plan (0.7 ms) than to run.
    chosen = [employee.latest_conversation for employee in people if employee.latest_conversation]
    conversations = {
        c.pk: c
        for c in Conversation.objects.filter(pk__in=chosen)
        .select_related("cycle")
        .only("pk", "employee_id", "recorded_at", "frozen_at", "cycle__id", "cycle__name", "cycle__required_value")
    }
    agreed: dict[int, dict[int, int | None]] = {}
    for conversation_id, pc_id, value in ConversationItem.objects.filter(conversation__in=chosen).values_list(
        "conversation_id", "profile_competency_id", "agreed_value"
    ):
        agreed.setdefault(conversation_id, {})[pc_id] = value
    competencies: dict[int, list[tuple[str, int]]] = {}
    for pc in (
        ProfileCompetency.objects.filter(profile__in={employee.profile_id for employee in people})
        .select_related("competency")
        .only("pk", "profile_id", "order", "competency__name")
        .order_by("order", "pk")
    ):
        competencies.setdefault(pc.profile_id, []).append((pc.competency.name, pc.pk))

    # A role is its name: the same role profile in the library, an own copy and its versions.
    blocks: dict[str, RoleBlock] = {}
    for employee in people:
        block = blocks.get(employee.profile.name)
        if block is None:
            block = blocks[employee.profile.name] = RoleBlock(employee.profile.name, [], [])
        framework = employee.profile.framework
        if all(known.pk != framework.pk for known in block.frameworks):
            block.frameworks.append(framework)
        for name, _pc in competencies.get(employee.profile_id, []):
            if name not in block.competencies:
                block.competencies.append(name)
    for employee in people:
        block = blocks[employee.profile.name]
        conversation = conversations.get(employee.latest_conversation)
        own = dict(competencies.get(employee.profile_id, []))
        levels = agreed.get(employee.latest_conversation, {})
        required = conversation.cycle.required_value if conversation else None
        cells = [(required, levels.get(own[name])) if name in own else None for name in block.competencies]
        block.people.append(
            RolePerson(employee, conversation, cells, below=sum(1 for cell in cells if cell and _is_below(cell)))
        )
    return list(blocks.values())
