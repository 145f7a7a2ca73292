"""Fairness monitoring: the organisation's choice of characteristics, the figures per procedure and
across procedures (HR only, groups of 5 or more), and the candidate's own voluntary form (public link)."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.audit.reads import logs_read
from competentie.pdf import pdf_response
from competentie.safecsv import safe_writer

from .. import access, fairness, selectors, services
from ..forms import FairnessSetupForm
from .common import hr_procedure


def _labels(codes) -> list[str]:
    return [str(fairness.CHARACTERISTICS[code]["label"]) for code in codes]


@logs_read("selectie.SelectionProcedure", purpose="selection")
def fairness_report(request, pk):
    procedure = hr_procedure(request, pk)
    report = selectors.fairness_report(procedure=procedure)
    return render(
        request,
        "selectie/accountability/fairness.html",
        {
            "procedure": procedure,
            "report": report,
            "characteristics": report["characteristics"],
            "characteristic_labels": _labels(report["characteristics"]),
        },
    )


@logs_read("selectie.SelectionProcedure", purpose="selection")
def fairness_csv(request, pk):
    procedure = hr_procedure(request, pk)
    out = io.StringIO()
    report = selectors.fairness_report(procedure=procedure)
    safe_writer(out, delimiter=";").writerows(selectors.fairness_csv_rows(report, procedure_name=procedure.name))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="gelijke-kansen-{procedure.pk}.csv"'
    return response


@logs_read("selectie.SelectionProcedure", purpose="selection")
def fairness_pdf(request, pk):
    procedure = hr_procedure(request, pk)
    context = {
        "procedure": procedure,
        "organisation": procedure.organisation,
        "report": selectors.fairness_report(procedure=procedure),
        "generated_at": timezone.localtime(),
    }
    return pdf_response(
        "selectie/pdf/fairness.html",
        context,
        filename=f"gelijke-kansen-{procedure.pk}.pdf",
        organisation_id=procedure.organisation_id,
    )


@require_POST
def fairness_invite(request, pk):
    procedure = hr_procedure(request, pk)
    try:
        count = services.fairness_invite(procedure=procedure, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("De vragenlijst is verstuurd aan %(count)s kandidaten.") % {"count": count})
    return redirect("selectie:fairness", procedure.pk)


def fairness_organisation(request):
    """HR's choice of characteristics and the figures of all the organisation's procedures together."""
    organisations = selectors.hr_organisations(user=request.user)
    access.require(organisations.exists())
    chosen = request.GET.get("organisatie") or request.POST.get("organisatie")
    organisation = organisations.filter(pk=chosen).first() if chosen and chosen.isdigit() else organisations.first()
    if organisation is None:
        raise Http404
    current = selectors.fairness_characteristics(organisation_id=organisation.pk)
    form = FairnessSetupForm(request.POST or None, initial={"characteristics": current})
    if request.method == "POST" and form.is_valid():
        services.fairness_setup_save(organisation=organisation, characteristics=form.cleaned_data["characteristics"])
        messages.success(request, _("De keuze van kenmerken is opgeslagen."))
        return redirect("selectie:fairness-organisation")
    return render(
        request,
        "selectie/accountability/fairness_organisation.html",
        {
            "organisation": organisation,
            "form": form,
            "report": selectors.fairness_report_organisation(organisation=organisation),
        },
    )


@login_not_required
def fairness_form(request, questionnaire_token):
    """The candidate's own form: no account, a link from the e-mail; answers are voluntary."""
    invitation = selectors.fairness_invitation_for_token(token=questionnaire_token)
    context = {"invitation": invitation, "saved": False, "withdrawn": False, "error": ""}
    if invitation is None:
        return render(request, "selectie/accountability/fairness_form.html", context, status=404)
    procedure = invitation.candidate.procedure
    asked = selectors.fairness_characteristics(organisation_id=procedure.organisation_id)
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            services.fairness_answers_withdraw(invitation=invitation)
            context["withdrawn"] = True
        else:
            try:
                services.fairness_answers_save(
                    invitation=invitation, answers={code: request.POST.get(code, "") for code in asked}
                )
            except ValidationError as error:
                context["error"] = " ".join(error.messages)
            else:
                context["saved"] = True
    own = selectors.fairness_own_answers(invitation=invitation)
    context["organisation"] = procedure.organisation.name
    context["questions"] = [
        {
            "code": code,
            "question": fairness.CHARACTERISTICS[code]["question"],
            "options": [*fairness.CHARACTERISTICS[code]["options"], (fairness.PREFER_NOT, _("Zeg ik liever niet"))],
            "current": own.get(code, fairness.PREFER_NOT),
        }
        for code in asked
    ]
    return render(request, "selectie/accountability/fairness_form.html", context)
