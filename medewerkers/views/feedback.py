"""360° feedback: the employee's page (invite raters, see who answered, the aggregate), a colleague's
form (logged in), an outside rater's form (public, the personal link is the key) and the CSV export."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie import links
from competentie.audit.reads import logs_read
from competentie.pdf import pdf_response
from competentie.safecsv import safe_writer

from .. import feedback_access as access
from .. import feedback_selectors as selectors
from ..feedback import feedback_summary
from ..services import raters as services


def _summary_open(user, cycle, employee) -> bool:
    """Blind first: the employee and the manager see the aggregate once their own assessment is in."""
    if not (access.is_self(user, employee) or access.is_manager(user, employee)):
        return True  # HR does not assess
    kind = "self" if access.is_self(user, employee) else "manager"
    return any(a.kind == kind and a.submitted_at for a in selectors.own_assessments(cycle=cycle, employee=employee))


@logs_read("people.Employee", kwarg="employee_pk", purpose="employee_assessment")
def feedback_overview(request, cycle_pk, employee_pk):
    cycle, employee = selectors.cycle_employee_get(user=request.user, cycle_pk=cycle_pk, employee_pk=employee_pk)
    access.require(access.can_see_employee(request.user, employee))
    summary_open = _summary_open(request.user, cycle, employee)
    competencies = selectors.profile_competencies(employee=employee)
    summaries = feedback_summary(cycle=cycle, employee=employee) if summary_open else []
    rows = [
        {"competency": pc, "figures": [(s, s.figures.get(pc.pk)) for s in summaries if s.shown]} for pc in competencies
    ]
    return render(
        request,
        "medewerkers/feedback/overview.html",
        {
            "cycle": cycle,
            "employee": employee,
            "invitations": selectors.invitations_of(cycle=cycle, employee=employee),
            "can_invite": access.can_invite_raters(request.user, employee),
            "sends_left": services.sends_left(employee=employee),
            "summary_open": summary_open,
            "summaries": summaries,
            "shown_groups": [s for s in summaries if s.shown],
            "rows": rows,
        },
    )


@require_POST
def feedback_invite(request, cycle_pk, employee_pk):
    cycle, employee = selectors.cycle_employee_get(user=request.user, cycle_pk=cycle_pk, employee_pk=employee_pk)
    access.require(access.can_invite_raters(request.user, employee))
    try:
        if request.POST.get("group") == "outside":
            services.rater_invite_outside(
                cycle=cycle,
                employee=employee,
                name=request.POST.get("name", ""),
                email=request.POST.get("email", ""),
                user=request.user,
            )
        else:
            services.rater_invite_colleague(
                cycle=cycle, employee=employee, username=request.POST.get("username", ""), user=request.user
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De uitnodiging is verstuurd."))
    return redirect("feedback:overview", cycle.pk, employee.pk)


@require_POST
def feedback_resend(request, invitation_pk):
    invitation = selectors.invitation_for_rater(user=request.user, pk=invitation_pk)
    access.require(access.can_invite_raters(request.user, invitation.employee))
    try:
        services.rater_link_resend(invitation=invitation, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Er is een nieuwe link verstuurd; de vorige werkt niet meer."))
    return redirect("feedback:overview", invitation.cycle_id, invitation.employee_id)


def _answers(request, competencies, points) -> dict:
    allowed = {str(p.value): p.value for p in points}
    return {
        pc.pk: (allowed.get(request.POST.get(f"value-{pc.pk}", "")), request.POST.get(f"evidence-{pc.pk}", "")[:5000])
        for pc in competencies
    }


def _rater_form(request, invitation, *, public: bool):
    context = {"invitation": invitation, "state": "missing", "error": "", "public": public}
    if invitation is None:
        return render(request, "medewerkers/feedback/respond.html", context, status=404)
    context["state"] = services.invitation_state(invitation)
    competencies = selectors.profile_competencies(employee=invitation.employee)
    points = selectors.scale_points(scale=invitation.cycle.scale)
    if request.method == "POST" and context["state"] == links.OPEN:
        try:
            if request.POST.get("action") == "decline":
                services.rater_decline(invitation=invitation)
                context["state"] = "declined"
            else:
                services.rater_respond(
                    invitation=invitation,
                    answers=_answers(request, competencies, points),
                    scale_values=[p.value for p in points],
                )
                context["state"] = "answered"
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
    context.update(
        {
            "employee_name": invitation.employee.name,
            "organisation": invitation.cycle.organisation.name,
            "competencies": competencies,
            "points": points,
        }
    )
    status = 410 if context["state"] in (links.USED, links.EXPIRED) else 200
    return render(request, "medewerkers/feedback/respond.html", context, status=status)


@logs_read("medewerkers.RaterInvitation", kwarg="invitation_pk", purpose="employee_assessment")
def feedback_respond(request, invitation_pk):
    """A colleague's own form (by account)."""
    invitation = selectors.invitation_for_rater(user=request.user, pk=invitation_pk)
    access.require(access.can_respond(request.user, invitation))
    return _rater_form(request, invitation, public=False)


def _link_invitation(request, link_token):
    """The invitation behind the link, kept on the request for the view: its id names the read line
    (never the token); a wrong or replaced link names nothing and writes no line."""
    request.rater_invitation = selectors.invitation_for_token(token=link_token)
    return request.rater_invitation.pk if request.rater_invitation else None


@login_not_required
@logs_read("medewerkers.RaterInvitation", kwarg=_link_invitation, purpose="employee_assessment")
def feedback_link(request, link_token):
    """An outside rater's form: no account, the personal link from the e-mail; once, until it expires.
    The page shows the employee's name and profile, so a GET writes a read line without an actor."""
    if hasattr(request, "rater_invitation"):  # looked up by the read line (GET)
        invitation = request.rater_invitation
    else:
        invitation = selectors.invitation_for_token(token=link_token)
    return _rater_form(request, invitation, public=True)


@logs_read("people.Employee", kwarg="employee_pk", purpose="employee_assessment")
def feedback_csv(request, cycle_pk, employee_pk):
    """The aggregate as CSV (formula-safe): groups of 3 or more only, the same rule as the page."""
    cycle, employee = selectors.cycle_employee_get(user=request.user, cycle_pk=cycle_pk, employee_pk=employee_pk)
    access.require(access.can_see_employee(request.user, employee))
    summaries = feedback_summary(cycle=cycle, employee=employee) if _summary_open(request.user, cycle, employee) else []
    out = io.StringIO()
    writer = safe_writer(out, delimiter=";")
    writer.writerow([_("Groep"), _("Competentie"), _("Aantal"), _("Mediaan"), _("Spreiding")])
    competencies = selectors.profile_competencies(employee=employee)
    for summary in summaries:
        if not summary.shown:
            writer.writerow([summary.label, summary.reason, "", "", ""])
            continue
        for pc in competencies:
            figure = summary.figures.get(pc.pk)
            if figure:
                writer.writerow(
                    [summary.label, pc.competency.name, figure.count, figure.median_text, figure.spread_text]
                )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="360-feedback-{cycle.pk}-{employee.pk}.csv"'
    return response


@logs_read("people.Employee", kwarg="employee_pk", purpose="employee_assessment")
def report_pdf(request, cycle_pk, employee_pk):
    """The individual report for the personnel file: the same rules as the pages (blind, groups of 3+)."""
    cycle, employee = selectors.cycle_employee_get(user=request.user, cycle_pk=cycle_pk, employee_pk=employee_pk)
    access.require(access.can_see_employee(request.user, employee))
    summary_open = _summary_open(request.user, cycle, employee)
    data = selectors.report_data(cycle=cycle, employee=employee, open_to_others=summary_open)
    summaries = feedback_summary(cycle=cycle, employee=employee) if summary_open else []
    for row in data["rows"]:
        row["figures"] = [(s, s.figures.get(row["competency"].pk)) for s in summaries if s.shown]
    context = {
        "cycle": cycle,
        "employee": employee,
        "summary_open": summary_open,
        "summaries": summaries,
        "shown_groups": [s for s in summaries if s.shown],
        "generated_at": timezone.now(),
        **data,
    }
    return pdf_response("medewerkers/feedback/pdf/report.html", context, filename=f"beoordeling-{employee.pk}.pdf")
