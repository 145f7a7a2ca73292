"""Running a programme: cohorts, inviting participants and coaches, cohort results and exports."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.audit.reads import logs_read
from competentie.organisations.models import Membership
from competentie.pdf import pdf_response

from .. import access, selectors, services
from ..charts import effect_svg
from ..exports import results_csv, results_data
from ..forms import CohortForm, EmailInviteForm, InviteForm, WindowsForm
from ..models import MeasurementMoment, Rater
from ..progress import participant_progress
from ..questionnaire import LEVERS
from ..results import cohort_effects, cohort_results
from .programmes import _designable, overview_context


def cohort_create(request, pk):
    programme = _designable(request, pk)
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(programme=programme, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De groep is aangemaakt. Nodig nu deelnemers uit."))
            return redirect("ontwikkeling:cohort-detail", pk=cohort.pk)
    return render(request, "ontwikkeling/cohort_form.html", {"programme": programme, "form": form})


def _cohort(request, pk):
    cohort = selectors.cohort_get(user=request.user, pk=pk)
    access.require(access.can_see_cohort_results(request.user, cohort))
    return cohort


def _coaches(cohort):
    return selectors.organisation_members(
        organisation_id=cohort.programme.organisation_id, role=Membership.Role.BEGELEIDER
    )


def _invite_form(cohort, data=None):
    organisation_id = cohort.programme.organisation_id
    return InviteForm(
        data,
        participants=selectors.organisation_members(organisation_id=organisation_id, role=Membership.Role.DEELNEMER),
        coaches=_coaches(cohort),
    )


def _handed_in_codes(cohort):
    counts = {code: 0 for code in MeasurementMoment.values}
    for participant in cohort.participants.all():
        for measurement in participant.measurements.all():
            if measurement.rater == Rater.PARTICIPANT:
                counts[measurement.moment] += 1
    return counts.items()


def _handed_in(cohort):
    counts = dict(_handed_in_codes(cohort))
    return [(label, counts[code]) for code, label in MeasurementMoment.choices]


@logs_read("ontwikkeling.Cohort", purpose="development")
def cohort_detail(request, pk, form=None, email_form=None, windows_form=None):
    cohort = _cohort(request, pk)
    today = timezone.localdate()
    windows = list(cohort.windows.all())
    participants = [p for p in cohort.participants.all() if p.user_id]
    for participant in participants:
        handed_in = {m.moment for m in participant.measurements.all() if m.rater == Rater.PARTICIPANT}
        participant.progress = participant_progress(windows, handed_in, today)
    context = {
        "cohort": cohort,
        "programme": cohort.programme,
        "participants": participants,
        "anonymised": sum(1 for p in cohort.participants.all() if not p.user_id),
        "windows": windows,
        "form": form or _invite_form(cohort),
        "email_form": email_form or EmailInviteForm(coaches=_coaches(cohort)),
        "windows_form": windows_form or WindowsForm(windows=windows),
        "handed_in": _handed_in(cohort),
    }
    return render(request, "ontwikkeling/cohort_detail.html", context)


@require_POST
def participant_invite(request, pk):
    cohort = _cohort(request, pk)
    form = _invite_form(cohort, request.POST)
    if form.is_valid():
        try:
            services.participant_invite(cohort=cohort, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De deelnemer is toegevoegd en krijgt een e-mail."))
            return redirect("ontwikkeling:cohort-detail", pk=cohort.pk)
    return cohort_detail(request, pk, form=form)


@require_POST
def invite_by_email(request, pk):
    cohort = _cohort(request, pk)
    form = EmailInviteForm(request.POST, coaches=_coaches(cohort))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.cohort_invite_by_email(cohort=cohort, invited_by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            name = f"{data['first_name']} {data['last_name']}".strip()
            messages.success(request, _("%(name)s is uitgenodigd per e-mail.") % {"name": name})
            return redirect("ontwikkeling:cohort-detail", pk=cohort.pk)
    return cohort_detail(request, pk, email_form=form)


@require_POST
def windows_edit(request, pk):
    cohort = _cohort(request, pk)
    form = WindowsForm(request.POST, windows=list(cohort.windows.all()))
    if form.is_valid():
        try:
            services.windows_save(cohort=cohort, windows=form.windows(), user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De meetmomenten zijn opgeslagen."))
            return redirect("ontwikkeling:cohort-detail", pk=cohort.pk)
    return cohort_detail(request, pk, windows_form=form)


def _results(cohort):
    programme = cohort.programme
    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    results = cohort_results(cohort, competencies=competencies, levels=levels)
    effects = cohort_effects(cohort, competencies=competencies, levels=levels)
    return results, effects, competencies, levels


def _results_context(cohort) -> dict:
    results, effects, competencies, levels = _results(cohort)
    return {
        "cohort": cohort,
        "programme": cohort.programme,
        "results": results,
        "effects": effects,
        "charts": [(row, effect_svg(row)) for row in effects.competencies if any(c.shown for c in row.comparisons)],
        "competencies": competencies,
        "levels": levels,
        "levers": LEVERS,
        "measurement_levels": selectors.guide_titles("measurement_level"),
    }


def cohort_results_view(request, pk):
    cohort = _cohort(request, pk)
    return render(request, "ontwikkeling/cohort_results.html", _results_context(cohort))


def _filename(cohort, extension):
    return f"effectmeting-{slugify(cohort.programme.name)}-{slugify(cohort.name)}.{extension}"


def _data(cohort):
    results, effects, competencies, _levels = _results(cohort)
    return results_data(cohort, results, competencies, effects)


def cohort_results_csv(request, pk):
    cohort = _cohort(request, pk)
    response = HttpResponse(results_csv(_data(cohort)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(cohort, "csv")}"'
    return response


def cohort_results_json(request, pk):
    cohort = _cohort(request, pk)
    response = HttpResponse(
        json.dumps(_data(cohort), ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(cohort, "json")}"'
    return response


def cohort_report_pdf(request, pk):
    """The report for the management and the ondernemingsraad: design, participation, effect, charts."""
    cohort = _cohort(request, pk)
    programme = selectors.programme_get(user=request.user, pk=cohort.programme_id)
    context = {
        **_results_context(cohort),
        "programme": programme,
        "participation": _participation(cohort),
        "today": timezone.localdate(),
        **overview_context(programme),
    }
    return pdf_response(
        "ontwikkeling/pdf/report.html",
        context,
        filename=_filename(cohort, "pdf"),
        request=request,
        organisation_id=programme.organisation_id,
    )


def _participation(cohort) -> dict:
    participants = list(cohort.participants.all())
    windows = {window.moment: window for window in cohort.windows.all()}
    counts = dict(_handed_in_codes(cohort))
    managers = sum(1 for p in participants for m in p.measurements.all() if m.rater == Rater.MANAGER)
    return {
        "participants": sum(1 for p in participants if p.user_id),
        "anonymised": sum(1 for p in participants if not p.user_id),
        "moments": [(label, windows.get(code), counts[code]) for code, label in MeasurementMoment.choices],
        "managers": managers,
    }
