"""Writes and rules of the medewerkers app: employees (also from CSV), cycles, assessments, the
conversation and the POP. Views, the demo and tests call these; access is checked by the caller."""

import csv
import io
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from competentie.notifications import events
from competentie.notifications.mail import absolute_url
from competentie.people.models import DevelopmentPlan, Employee, LearningApproach, PlanGoal, ProgressNote, Team
from competentie.revisions import NEW, StaleEdit
from competentie.safecsv import restore_cell
from frameworks.models import Profile, ProfileCompetency, RatingScale

from ..models import Assessment, AssessmentCycle, AssessmentScore, Conversation, ConversationItem

# --- Employees -----------------------------------------------------------------------------------


def _published_profile(organisation_id: int, profile_id: int | None) -> Profile | None:
    if profile_id is None:
        return None
    profile = Profile.objects.readable_in(organisation_id).frozen().filter(pk=profile_id).first()
    if profile is None:
        raise ValidationError(_("Kies een profiel uit een vastgestelde versie van een framework."), code="profile")
    return profile


def _member(organisation_id: int, email: str):
    if not email:
        return None
    user = get_user_model().objects.filter(email__iexact=email, memberships__organisation=organisation_id).first()
    if user is None:
        raise ValidationError(_("%(email)s is geen lid van de organisatie.") % {"email": email}, code="not_a_member")
    return user


def employee_save(
    *,
    organisation_id: int,
    name: str,
    email: str = "",
    profile_id: int | None = None,
    manager_email: str = "",
    team_name: str = "",
    user: AbstractBaseUser | None = None,
    employee: Employee | None = None,
) -> Employee:
    """Create or update one employee record; the account and manager are members found by e-mail."""
    name = name.strip()
    if not name:
        raise ValidationError(_("Vul een naam in."), code="name")
    email = email.strip()
    employee = employee or Employee(organisation_id=organisation_id)
    employee.name, employee.email = name, email
    employee.profile = _published_profile(organisation_id, profile_id)
    employee.user = _member(organisation_id, email) if email else None
    employee.manager = _member(organisation_id, manager_email.strip())
    if employee.manager is not None and employee.manager == employee.user:
        raise ValidationError(_("Een medewerker is niet de eigen leidinggevende."), code="self_manager")
    team_name = team_name.strip()
    employee.team = (
        Team.objects.get_or_create(organisation_id=organisation_id, name=team_name)[0] if team_name else None
    )
    employee.full_clean(exclude=["organisation", "user", "manager", "team", "profile"])
    employee.save()
    if user is not None:
        audit.record(user, employee, "employees.saved")
    return employee


CSV_COLUMNS = ("naam", "e-mail", "functieprofiel", "leidinggevende", "team")


@transaction.atomic
def employees_import_csv(*, organisation_id: int, data: bytes, user: AbstractBaseUser | None = None) -> int:
    """Read employees from a CSV (columns: naam, e-mail, functieprofiel [its number], leidinggevende
    [e-mail], team). One bad row refuses the whole file with its line number and reason; nothing is written."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("Het bestand is geen UTF-8-tekst."), code="encoding") from error
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;") if text.strip() else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "naam" not in header:
        raise ValidationError(_("Regel 1: de kolom “naam” ontbreekt."), code="header")
    reader.fieldnames = header
    count = 0
    for row in reader:
        line = reader.line_num
        cells = {key: restore_cell((value or "").strip()) for key, value in row.items() if key}
        try:
            profile_id = None
            if cells.get("functieprofiel"):
                profile = (
                    Profile.objects.readable_in(organisation_id)
                    .frozen()
                    .filter(code=cells["functieprofiel"])
                    .order_by("-framework__published_at", "-pk")
                    .first()
                ) or Profile.objects.readable_in(organisation_id).frozen().filter(name=cells["functieprofiel"]).first()
                if profile is None:
                    raise ValidationError(
                        _("functieprofiel “%(profile)s” bestaat niet in een vastgesteld framework.")
                        % {"profile": cells["functieprofiel"]}
                    )
                profile_id = profile.pk
            existing = None
            if cells.get("e-mail"):
                existing = Employee.objects.filter(
                    organisation_id=organisation_id, email__iexact=cells["e-mail"]
                ).first()
            employee_save(
                organisation_id=organisation_id,
                name=cells.get("naam", ""),
                email=cells.get("e-mail", ""),
                profile_id=profile_id,
                manager_email=cells.get("leidinggevende", ""),
                team_name=cells.get("team", ""),
                employee=existing,
            )
        except ValidationError as error:
            reason = " ".join(str(m) for m in error.messages)
            raise ValidationError(
                _("Regel %(line)s: %(reason)s Er is niets ingelezen.") % {"line": line, "reason": reason},
                code="bad_row",
            ) from error
        count += 1
    if user is not None and count:
        from competentie.organisations.models import Organisation

        audit.record(user, Organisation.objects.get(pk=organisation_id), "employees.imported", count=count)
    return count


# --- Cycles and assessments -------------------------------------------------------------------------


def default_scale() -> RatingScale | None:
    """Schema 4.2 of seed 002 (six levels), the seeded default."""
    return RatingScale.objects.libraries().filter(points__value=6).filter(name__icontains="Divosa").first()


@transaction.atomic
def cycle_open(
    *,
    user: AbstractBaseUser | None,
    team: Team,
    name: str,
    period_start: date,
    period_end: date,
    self_deadline: date,
    manager_deadline: date,
    conversation_deadline: date,
    scale: RatingScale | None = None,
    required_value: int = 4,
) -> AssessmentCycle:
    """HR opens a cycle for a team: every current employee with a profile gets a self-assessment, a
    manager's assessment (if they have a manager) and a conversation."""
    scale = scale or default_scale()
    if scale is None:
        raise ValidationError(_("Er is geen beoordelingsschaal."), code="scale")
    cycle = AssessmentCycle(
        organisation_id=team.organisation_id,
        team=team,
        name=name.strip(),
        period_start=period_start,
        period_end=period_end,
        self_deadline=self_deadline,
        manager_deadline=manager_deadline,
        conversation_deadline=conversation_deadline,
        scale=scale,
        required_value=required_value,
        opened_by=user,
    )
    cycle.full_clean(exclude=["opened_by"])
    if not scale.points.filter(value=required_value).exists():
        raise ValidationError(_("Het vereiste niveau staat niet op de schaal."), code="required_value")
    cycle.save()
    employees = list(Employee.objects.filter(team=team, left_on__isnull=True, profile__isnull=False))
    assessments = []
    for employee in employees:
        assessments.append(Assessment(cycle=cycle, employee=employee, kind=Assessment.Kind.SELF, rater=employee.user))
        if employee.manager_id:
            assessments.append(
                Assessment(cycle=cycle, employee=employee, kind=Assessment.Kind.MANAGER, rater_id=employee.manager_id)
            )
    Assessment.objects.bulk_create(assessments)
    Conversation.objects.bulk_create([Conversation(cycle=cycle, employee=e) for e in employees])
    audit.record(user, cycle, "cycle.opened", cycle=cycle.name, team=team.name)
    return cycle


def _competency_of(assessment: Assessment, profile_competency_id: int) -> ProfileCompetency:
    pc = ProfileCompetency.objects.filter(pk=profile_competency_id, profile=assessment.employee.profile_id).first()
    if pc is None:
        raise ValidationError(_("Deze competentie hoort niet bij het functieprofiel."), code="foreign_competency")
    return pc


def score_save(
    *, assessment: Assessment, profile_competency_id: int, value: int | None = None, evidence: str | None = None
) -> AssessmentScore:
    """One field of one competency (the autosave protocol): a level on the cycle's scale or the evidence."""
    if assessment.is_submitted:
        raise ValidationError(_("Deze beoordeling is al ingeleverd en verandert niet meer."), code="handed_in")
    if assessment.cycle.is_closed:
        raise ValidationError(_("Deze cyclus is gesloten."), code="closed")
    pc = _competency_of(assessment, profile_competency_id)
    score, _created = AssessmentScore.objects.get_or_create(assessment=assessment, profile_competency=pc)
    fields = ["updated_at"]
    if value is not None:
        if not assessment.cycle.scale.points.filter(value=value).exists():
            raise ValidationError(_("Kies een niveau van de schaal."), code="value")
        score.value = value
        fields.append("value")
    if evidence is not None:
        score.evidence = evidence.strip()
        fields.append("evidence")
    score.save(update_fields=fields)
    return score


@transaction.atomic
def assessment_hand_in(*, assessment: Assessment, user: AbstractBaseUser | None) -> Assessment:
    """Hand in: every competency of the profile needs a level; after this, it never changes."""
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("cycle__organisation", "employee__user", "rater")
        .get(pk=assessment.pk)
    )
    if assessment.is_submitted:
        return assessment
    required = set(
        ProfileCompetency.objects.filter(profile=assessment.employee.profile_id).values_list("pk", flat=True)
    )
    scored = set(assessment.scores.filter(value__isnull=False).values_list("profile_competency_id", flat=True))
    if required - scored:
        raise ValidationError(
            _("Geef eerst bij elke competentie een niveau (nog %(n)s open).") % {"n": len(required - scored)},
            code="incomplete",
        )
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["submitted_at", "updated_at"])
    audit.record(
        user, assessment.cycle, "cycle.handed_in", kind=str(assessment.get_kind_display()), cycle=assessment.cycle.name
    )
    employee = assessment.employee
    if assessment.kind == Assessment.Kind.MANAGER and employee.user_id is not None:
        # The employee hears it once (a handed-in assessment never changes, so this runs once).
        events.manager_assessment_written(
            employee_user=employee.user,
            manager=assessment.rater or user or employee.manager,
            cycle_name=assessment.cycle.name,
            organisation=assessment.cycle.organisation.name,
            organisation_id=assessment.cycle.organisation_id,
            url=absolute_url("medewerkers:conversation", assessment.cycle_id, employee.pk),
        )
    return assessment


# --- The conversation ---------------------------------------------------------------------------------


@transaction.atomic
def conversation_record(
    *,
    conversation: Conversation,
    user: AbstractBaseUser,
    agreed: dict[int, tuple[int | None, str]],
    summary: str = "",
    revision: int | None = None,
) -> Conversation:
    """The manager records the agreed level per competency (after handing in their own assessment)."""
    conversation = (
        Conversation.objects.select_for_update().select_related("cycle__scale", "employee").get(pk=conversation.pk)
    )
    if conversation.is_frozen:
        raise ValidationError(_("Dit gesprek is vastgezet. Open eerst een nieuwe versie met een reden."), code="frozen")
    if revision is not None and revision not in (NEW, conversation.revision):
        raise StaleEdit(current=conversation.manager_summary, revision=conversation.revision)
    manager = Assessment.objects.filter(
        cycle=conversation.cycle_id, employee=conversation.employee_id, kind=Assessment.Kind.MANAGER
    ).first()
    if manager is None or not manager.is_submitted:
        raise ValidationError(_("Lever eerst uw eigen beoordeling in."), code="manager_first")
    allowed = set(
        ProfileCompetency.objects.filter(profile=conversation.employee.profile_id).values_list("pk", flat=True)
    )
    values = set(conversation.cycle.scale.points.values_list("value", flat=True))
    for pc_id, (value, note) in agreed.items():
        if pc_id not in allowed:
            raise ValidationError(_("Deze competentie hoort niet bij het functieprofiel."), code="foreign_competency")
        if value is not None and value not in values:
            raise ValidationError(_("Kies een niveau van de schaal."), code="value")
        ConversationItem.objects.update_or_create(
            conversation=conversation,
            profile_competency_id=pc_id,
            defaults={"agreed_value": value, "note": (note or "").strip()},
        )
    conversation.manager_summary = summary.strip()
    conversation.recorded_by, conversation.recorded_at = user, timezone.now()
    conversation.revision += 1
    conversation.save()
    audit.record(
        user,
        conversation.employee,
        "cycle.conversation_recorded",
        within=conversation.cycle,
        version=conversation.version,
    )
    return conversation


@transaction.atomic
def conversation_respond(
    *, conversation: Conversation, user: AbstractBaseUser, response: str, comment: str = ""
) -> Conversation:
    """The employee comments and marks it "gezien" or "akkoord"; then it is frozen."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if conversation.is_frozen:
        raise ValidationError(_("Dit gesprek is vastgezet."), code="frozen")
    if conversation.recorded_at is None:
        raise ValidationError(_("De leidinggevende heeft de afspraken nog niet vastgelegd."), code="not_recorded")
    if response not in Conversation.Response.values:
        raise ValidationError(_("Kies “gezien” of “akkoord”."), code="response")
    now = timezone.now()
    conversation.employee_response, conversation.employee_comment = response, comment.strip()
    conversation.responded_at = conversation.frozen_at = now
    conversation.revision += 1
    conversation.save()
    audit.record(
        user, conversation.employee, "cycle.conversation_answered", within=conversation.cycle, response=response
    )
    return conversation


@transaction.atomic
def conversation_new_version(*, conversation: Conversation, user: AbstractBaseUser, reason: str) -> Conversation:
    """A frozen conversation opens again as a new version only with a reason, kept in the audit log."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Geef een reden voor de nieuwe versie."), code="reason")
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if not conversation.is_frozen:
        raise ValidationError(_("Dit gesprek is nog niet vastgezet."), code="not_frozen")
    conversation.version += 1
    conversation.frozen_at = conversation.responded_at = None
    conversation.employee_response = ""
    conversation.revision += 1
    conversation.save()
    audit.record(
        user,
        conversation.employee,
        "cycle.conversation_reopened",
        within=conversation.cycle,
        version=conversation.version,
        reason=reason,
    )
    return conversation


# --- The POP --------------------------------------------------------------------------------------------


@transaction.atomic
def goal_save(
    *,
    employee: Employee,
    competency_id: int,
    goal: str,
    learning_approach: str = "",
    deadline: date | None = None,
    actions: str = "",
    revision: int | None = None,
) -> PlanGoal:
    """A goal for one competency of the employee's profile (or one already in the plan)."""
    if learning_approach and learning_approach not in LearningApproach.values:
        raise ValidationError(_("Kies een leerweg uit de lijst."), code="learning_approach")
    plan, _created = DevelopmentPlan.objects.get_or_create(employee=employee)
    existing = PlanGoal.objects.select_for_update().filter(plan=plan, competency_id=competency_id).first()
    if existing is None:
        in_profile = ProfileCompetency.objects.filter(profile=employee.profile_id, competency=competency_id).exists()
        if not in_profile:
            raise ValidationError(_("Deze competentie hoort niet bij het functieprofiel."), code="foreign_competency")
        existing = PlanGoal(plan=plan, competency_id=competency_id, revision=0)
    elif revision is not None and revision != existing.revision:
        raise StaleEdit(current=existing.goal, revision=existing.revision)
    existing.goal, existing.actions = goal.strip(), actions.strip()
    existing.learning_approach, existing.deadline = learning_approach, deadline
    existing.revision += 1
    existing.save()
    return existing


def goal_note_add(*, goal: PlanGoal, user: AbstractBaseUser, text: str) -> ProgressNote:
    text = text.strip()
    if not text:
        raise ValidationError(_("Schrijf eerst een notitie."), code="empty")
    return ProgressNote.objects.create(goal=goal, author=user, text=text)


def goal_achieved(*, goal: PlanGoal, on: date | None = None) -> PlanGoal:
    goal.achieved_at = on or timezone.localdate()
    goal.revision += 1
    goal.save(update_fields=["achieved_at", "revision", "updated_at"])
    return goal
