"""Thin views: fetch through a selector → check access → call the service → redirect."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.audit.reads import logs_read
from competentie.autosave import field_parts, refused_response, saved_response
from competentie.pdf import pdf_response
from competentie.people.learning import DESCRIPTIONS
from competentie.people.models import LearningApproach
from competentie.people.selectors import plan_goals

from .. import access, exports, role_selectors, selectors, services


def _reader_organisation(request, **kwargs) -> int | None:
    """The employee list is about the reader's organisation (HR's first, else the first of their memberships)."""
    from competentie.organisations.access import organisation_ids

    return next(iter(access.hr_organisation_ids(request.user) or organisation_ids(request.user)), None)


@logs_read("organisations.Organisation", kwarg=_reader_organisation, purpose="employee_assessment")
def employee_list(request):
    return render(
        request,
        "medewerkers/employee_list.html",
        {
            "employees": selectors.employees_visible_to(user=request.user),
            "cycles": selectors.cycles_visible_to(user=request.user),
            "is_hr": bool(access.hr_organisation_ids(request.user)),
        },
    )


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as error:
        raise ValidationError(_("Vul een geldige datum in.")) from error


@logs_read("people.Employee", kwarg="pk", purpose="employee_assessment")
def plan(request, pk):
    employee = selectors.employee_get(user=request.user, pk=pk)
    access.require(access.can_see_employee(request.user, employee))
    may_edit = access.can_edit_plan(request.user, employee)
    competencies = selectors.profile_competencies(employee.profile_id) if employee.profile_id else []
    if request.method == "POST":
        access.require(may_edit)
        try:
            competency = request.POST.get("competency", "")
            if not competency.isdigit():
                raise ValidationError(_("Kies de competentie waar het doel over gaat."))
            competency_id = int(competency)
            goal = services.goal_save(
                employee=employee,
                competency_id=competency_id,
                goal=request.POST.get("goal", ""),
                actions=request.POST.get("actions", ""),
                learning_approach=request.POST.get("learning_approach", ""),
                deadline=_parse_date(request.POST.get("deadline", "")),
            )
            if request.POST.get("note", "").strip():
                services.goal_note_add(goal=goal, user=request.user, text=request.POST["note"])
        except (ValidationError, ValueError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Het ontwikkeldoel is opgeslagen."))
        return redirect("medewerkers:plan", pk=employee.pk)
    goals = list(plan_goals(employee=employee))
    return render(
        request,
        "medewerkers/plan.html",
        {
            "employee": employee,
            "goals": goals,
            "may_edit": may_edit,
            "competencies": [pc.competency for pc in competencies],
            "approaches": [(value, label, DESCRIPTIONS[value]) for value, label in LearningApproach.choices],
        },
    )


@logs_read("people.Employee", kwarg="employee_pk", purpose="employee_assessment")
def conversation(request, pk, employee_pk):
    conversation = selectors.conversation_get(user=request.user, cycle_pk=pk, employee_pk=employee_pk)
    employee = conversation.employee
    access.require(access.can_see_employee(request.user, employee))
    sheet = selectors.conversation_sheet(user=request.user, conversation=conversation)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "record":
                access.require(access.can_record_conversation(request.user, employee))
                agreed = {}
                for row in sheet.rows:
                    raw = request.POST.get(f"agreed-{row.profile_competency.pk}", "")
                    agreed[row.profile_competency.pk] = (
                        int(raw) if raw.isdigit() else None,
                        request.POST.get(f"note-{row.profile_competency.pk}", ""),
                    )
                services.conversation_record(
                    conversation=conversation, user=request.user, agreed=agreed, summary=request.POST.get("summary", "")
                )
            elif action == "respond":
                access.require(access.can_respond_to_conversation(request.user, employee))
                services.conversation_respond(
                    conversation=conversation,
                    user=request.user,
                    response=request.POST.get("response", ""),
                    comment=request.POST.get("comment", ""),
                )
            else:
                access.require(access.can_reopen_conversation(request.user, employee))
                services.conversation_new_version(
                    conversation=conversation, user=request.user, reason=request.POST.get("reason", "")
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het gesprek is bijgewerkt."))
        return redirect("medewerkers:conversation", pk=pk, employee_pk=employee_pk)
    return render(
        request,
        "medewerkers/conversation.html",
        {
            "conversation": conversation,
            "sheet": sheet,
            "points": selectors.scale_points(conversation.cycle),
            "own": selectors.own_assessment(user=request.user, conversation=conversation),
            "may_record": access.can_record_conversation(request.user, employee) and not conversation.is_frozen,
            "may_respond": access.can_respond_to_conversation(request.user, employee)
            and conversation.recorded_at is not None
            and not conversation.is_frozen,
            "may_reopen": access.can_reopen_conversation(request.user, employee) and conversation.is_frozen,
        },
    )


def _overview_cycle(request, pk):
    """The cycle of a team overview, after the access check, and the profile filter's choice."""
    cycle = selectors.cycle_get(user=request.user, pk=pk)
    manages = selectors.manages_someone_in(user=request.user, cycle=cycle)
    access.require(access.can_see_team_overview(request.user, cycle.organisation_id, manages))
    profile = request.GET.get("profiel", "")
    return cycle, int(profile) if profile.isdigit() else None


def _overview(request, pk):
    """The whole team overview (the CSV and the PDF)."""
    cycle, profile_id = _overview_cycle(request, pk)
    return cycle, selectors.team_matrix(user=request.user, cycle=cycle, profile_id=profile_id)


#: People per page of the team overview: a page costs the people it shows, not the size of the team.
TEAM_OVERVIEW_PAGE_SIZE = 10


def _judgements():
    return {
        None: _("nog niet afgesproken"),
        True: _("op het vereiste niveau"),
        False: _("onder het vereiste niveau"),
    }


def _overview_rows(matrix) -> list:
    """Per employee the plain values of their table: (competency, required, agreed or —, judgement in words)."""
    names, words = dict(matrix.competencies), _judgements()
    rows = []
    for employee, cells in matrix.rows:
        lines = []
        for cid, (required, agreed) in sorted(cells.items()):
            reached = None if agreed is None else agreed >= required
            lines.append((names[cid], required, "—" if agreed is None else agreed, words[reached]))
        rows.append((employee, lines))
    return rows


@logs_read("medewerkers.AssessmentCycle", kwarg="pk", purpose="employee_assessment")
def team_overview(request, pk):
    cycle, profile_id = _overview_cycle(request, pk)
    teams = selectors.overview_teams(user=request.user)
    team = request.GET.get("team", "")
    chosen = next((t for t in teams if str(t[0]) == team and t[0] != cycle.team_id), None)
    if chosen is not None:
        # Another team: its newest cycle that the user may overview, with the same profile filter.
        target = reverse("medewerkers:team-overview", args=[chosen[2]])
        profile = request.GET.get("profiel", "")
        return redirect(f"{target}?profiel={profile}" if profile.isdigit() else target)
    index = selectors.team_index(user=request.user, cycle=cycle, profile_id=profile_id)
    page = Paginator(index, TEAM_OVERVIEW_PAGE_SIZE).get_page(request.GET.get("pagina"))
    matrix = selectors.team_matrix(
        user=request.user, cycle=cycle, profile_id=profile_id, conversation_ids=list(page.object_list)
    )
    filters = request.GET.copy()
    filters.pop("pagina", None)
    context = {
        "cycle": cycle,
        "rows": _overview_rows(matrix),
        "page": page,
        "profiles": selectors.overview_profiles(user=request.user, cycle=cycle),
        "teams": teams,
        "profile": request.GET.get("profiel", ""),
        "query": filters.urlencode(),
    }
    return render(request, "medewerkers/team_overview.html", context)


@logs_read("medewerkers.AssessmentCycle", kwarg="pk", purpose="employee_assessment")
def team_overview_csv(request, pk):
    cycle, matrix = _overview(request, pk)
    response = HttpResponse(exports.team_matrix_csv(matrix), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teamoverzicht-{cycle.pk}.csv"'
    return response


@logs_read("medewerkers.AssessmentCycle", kwarg="pk", purpose="employee_assessment")
def team_overview_pdf(request, pk):
    """The team overview as PDF: the same people and the same agreed levels as the page, per profile."""
    cycle, matrix = _overview(request, pk)
    context = {"cycle": cycle, "blocks": selectors.matrix_by_profile(matrix), "generated_at": timezone.now()}
    return pdf_response(
        "medewerkers/pdf/team_overview.html",
        context,
        filename=f"teamoverzicht-{cycle.pk}.pdf",
        organisation_id=cycle.organisation_id,
    )


@logs_read("organisations.Organisation", kwarg=_reader_organisation, purpose="employee_assessment")
def role_overview(request):
    """The team overview per role of the management team's self-evaluation (the VTH role profiles)."""
    # Without the MT's 1–5 score per role: it lives in zelfevaluatie, which medewerkers never imports.
    manages = role_selectors.manages_anyone(user=request.user)
    access.require(access.can_see_role_overview(request.user, manages))
    return render(
        request, "medewerkers/role_overview.html", {"blocks": role_selectors.role_overview(user=request.user)}
    )


def _own(request, pk, employee_pk):
    conversation = selectors.conversation_get(user=request.user, cycle_pk=pk, employee_pk=employee_pk)
    access.require(access.can_see_employee(request.user, conversation.employee))
    assessment = selectors.own_assessment(user=request.user, conversation=conversation)
    access.require(assessment is not None, _("Alleen de medewerker en de leidinggevende vullen een beoordeling in."))
    return conversation, assessment


@logs_read("people.Employee", kwarg="employee_pk", purpose="employee_assessment")
def assessment(request, pk, employee_pk):
    """The user's own assessment: a level and evidence per competency, the indicators as anchors."""
    conversation, own = _own(request, pk, employee_pk)
    if request.method == "POST":
        try:
            services.assessment_hand_in(assessment=own, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("medewerkers:assessment", pk=pk, employee_pk=employee_pk)
        messages.success(request, _("Uw beoordeling is ingeleverd."))
        return redirect("medewerkers:conversation", pk=pk, employee_pk=employee_pk)
    scores = {score.profile_competency_id: score for score in own.scores.all()}
    competencies = selectors.profile_competencies(conversation.employee.profile_id)
    return render(
        request,
        "medewerkers/assessment_form.html",
        {
            "conversation": conversation,
            "assessment": own,
            "rows": [(pc, scores.get(pc.pk)) for pc in competencies],
            "points": selectors.scale_points(conversation.cycle),
            "can_write": not own.is_submitted,
        },
    )


@require_POST
def assessment_autosave(request, pk, employee_pk):
    _conversation, own = _own(request, pk, employee_pk)
    parts = field_parts(request.POST.get("field", ""), "value", "evidence")
    if parts is None:
        return refused_response(_("Onbekend veld."))
    name, pc_id = parts
    raw = request.POST.get("value", "")
    try:
        if name == "value":
            value = int(raw) if raw.strip().isdigit() else None
            if value is None:
                return refused_response(_("Kies een niveau van de schaal."))
            services.score_save(assessment=own, profile_competency_id=pc_id, value=value)
        else:
            services.score_save(assessment=own, profile_competency_id=pc_id, evidence=raw)
    except ValidationError as error:
        return refused_response(" ".join(error.messages))
    return saved_response()


def cycle_create(request):
    """HR opens a cycle for a team with its period and deadlines (schema 4.2 of seed 002 as the scale)."""
    teams = list(selectors.teams_for_hr(user=request.user))
    access.require(
        any(access.can_open_cycle(request.user, team.organisation_id) for team in teams)
        or (bool(access.hr_organisation_ids(request.user)) and not teams)
    )
    if request.method == "POST":
        team = next((t for t in teams if str(t.pk) == request.POST.get("team")), None)
        try:
            if team is None or not access.can_open_cycle(request.user, team.organisation_id):
                raise ValidationError(_("Kies een team."))
            cycle = services.cycle_open(
                user=request.user,
                team=team,
                name=request.POST.get("name", ""),
                period_start=_parse_date(request.POST.get("period_start", "")),
                period_end=_parse_date(request.POST.get("period_end", "")),
                self_deadline=_parse_date(request.POST.get("self_deadline", "")),
                manager_deadline=_parse_date(request.POST.get("manager_deadline", "")),
                conversation_deadline=_parse_date(request.POST.get("conversation_deadline", "")),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De beoordelingscyclus is geopend."))
            return redirect("medewerkers:team-overview", pk=cycle.pk)
    return render(request, "medewerkers/cycle_form.html", {"teams": teams, "data": request.POST})


def employees_import(request):
    """HR or the beheerder reads employees from a CSV; a bad row refuses the whole file."""
    organisations = access.hr_organisation_ids(request.user)
    access.require(bool(organisations))
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ValidationError(_("Kies een CSV-bestand."))
            count = services.employees_import_csv(
                organisation_id=organisations[0], data=upload.read(), user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(count)s medewerkers ingelezen.") % {"count": count})
            return redirect("medewerkers:employee-list")
    return render(request, "medewerkers/employees_import.html", {"columns": services.CSV_COLUMNS})
