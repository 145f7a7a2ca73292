"""Thin views: fetch through a selector → check access → call the service → redirect."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from competentie.people.learning import DESCRIPTIONS
from competentie.people.models import LearningApproach
from competentie.people.selectors import plan_goals

from . import access, exports, selectors, services


def employee_list(request):
    return render(
        request, "medewerkers/employee_list.html", {"employees": selectors.employees_visible_to(user=request.user)}
    )


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as error:
        raise ValidationError(_("Vul een geldige datum in.")) from error


def plan(request, pk):
    employee = selectors.employee_get(user=request.user, pk=pk)
    access.require(access.can_see_employee(request.user, employee))
    may_edit = access.can_edit_plan(request.user, employee)
    competencies = selectors.profile_competencies(employee.profile_id) if employee.profile_id else []
    if request.method == "POST":
        access.require(may_edit)
        try:
            competency_id = int(request.POST.get("competency", "0"))
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


def conversation(request, pk, employee_pk):
    conversation = selectors.conversation_get(user=request.user, cycle_pk=pk, employee_pk=employee_pk)
    access.require(access.can_see_employee(request.user, conversation.employee))
    sheet = selectors.conversation_sheet(user=request.user, conversation=conversation)
    return render(
        request,
        "medewerkers/conversation.html",
        {"conversation": conversation, "sheet": sheet, "points": selectors.scale_points(conversation.cycle)},
    )


def _overview(request, pk):
    cycle = selectors.cycle_get(user=request.user, pk=pk)
    manages = selectors.manages_someone_in(user=request.user, cycle=cycle)
    access.require(access.can_see_team_overview(request.user, cycle.organisation_id, manages))
    profile = request.GET.get("profiel", "")
    return cycle, selectors.team_matrix(
        user=request.user, cycle=cycle, profile_id=int(profile) if profile.isdigit() else None
    )


def team_overview(request, pk):
    cycle, matrix = _overview(request, pk)
    names = dict(matrix.competencies)
    rows = [
        (employee, [(names[cid], required, agreed) for cid, (required, agreed) in sorted(cells.items())])
        for employee, cells in matrix.rows
    ]
    return render(request, "medewerkers/team_overview.html", {"cycle": cycle, "matrix": matrix, "rows": rows})


def team_overview_csv(request, pk):
    cycle, matrix = _overview(request, pk)
    response = HttpResponse(exports.team_matrix_csv(matrix), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teamoverzicht-{cycle.pk}.csv"'
    return response
