"""The EVC portfolio: evidence per competency (text and files), an assessor's judgement, the files
handed out only to those who may see them, as an attachment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.audit.reads import logs_read
from competentie.uploads import attachment_response

from .. import feedback_access as access
from .. import feedback_selectors as selectors
from ..models import PortfolioJudgement
from ..services import portfolio as services


@logs_read("people.Employee", kwarg="employee_pk", purpose="employee_assessment")
def portfolio_list(request, employee_pk):
    employee = selectors.employee_get(user=request.user, pk=employee_pk)
    access.require(access.can_see_employee(request.user, employee))
    competencies = selectors.profile_competencies(employee=employee)
    can_edit = access.can_edit_portfolio(request.user, employee)
    error, status = "", 200
    if request.method == "POST":
        access.require(can_edit)
        by_pk = {str(pc.competency_id): pc.competency for pc in competencies}
        try:
            competency = by_pk.get(request.POST.get("competency", ""))
            if competency is None:
                raise ValidationError(_("Kies een competentie uit uw functieprofiel."))
            services.portfolio_item_save(
                employee=employee,
                competency=competency,
                title=request.POST.get("title", ""),
                text=request.POST.get("text", ""),
                uploads=request.FILES.getlist("files"),
                user=request.user,
            )
        except ValidationError as refused:
            error, status = " ".join(refused.messages), 400
        else:
            messages.success(request, _("Het bewijsstuk is opgeslagen."))
            return redirect("feedback:portfolio", employee.pk)
    return render(
        request,
        "medewerkers/feedback/portfolio.html",
        {
            "employee": employee,
            "items": selectors.portfolio_items(employee=employee),
            "competencies": competencies,
            "can_edit": can_edit,
            "assessors": selectors.assessors_in(
                organisation_id=employee.organisation_id, exclude_user_id=employee.user_id
            )
            if can_edit
            else [],
            "error": error,
        },
        status=status,
    )


@logs_read("medewerkers.PortfolioFile", kwarg="file_pk", purpose="employee_assessment")
def portfolio_file(request, file_pk):
    row = selectors.portfolio_file_get(user=request.user, pk=file_pk)
    access.require(access.can_see_portfolio_item(request.user, row.item))
    return attachment_response(row.file, filename=row.original_name, content_type=row.content_type)


@require_POST
def portfolio_request(request, item_pk):
    item = selectors.portfolio_item_get(user=request.user, pk=item_pk)
    access.require(access.can_edit_portfolio(request.user, item.employee))
    assessor = (
        selectors.assessors_in(organisation_id=item.employee.organisation_id, exclude_user_id=item.employee.user_id)
        .filter(pk=request.POST.get("assessor") or 0)
        .first()
    )
    scale = selectors.portfolio_scale(employee=item.employee)
    try:
        if assessor is None or scale is None:
            raise ValidationError(_("Kies een assessor uit uw organisatie."))
        services.portfolio_judgement_request(item=item, assessor=assessor, scale=scale, user=request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("De assessor is gevraagd het bewijsstuk te beoordelen."))
    return redirect("feedback:portfolio", item.employee_id)


@logs_read("medewerkers.PortfolioJudgement", kwarg="judgement_pk", purpose="employee_assessment")
def portfolio_judge(request, judgement_pk):
    judgement = selectors.judgement_get(user=request.user, pk=judgement_pk)
    access.require(
        access.can_judge(request.user, judgement) or access.can_see_employee(request.user, judgement.item.employee)
    )
    error = ""
    if request.method == "POST":
        access.require(access.can_judge(request.user, judgement))
        try:
            value = request.POST.get("value", "")
            services.portfolio_judge(
                judgement=judgement,
                value=int(value) if value.lstrip("-").isdigit() else None,
                advice=request.POST.get("advice", ""),
                motivation=request.POST.get("motivation", ""),
                user=request.user,
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("Uw oordeel is opgeslagen."))
            return redirect("feedback:portfolio-judge", judgement.pk)
    return render(
        request,
        "medewerkers/feedback/judge.html",
        {
            "judgement": judgement,
            "item": judgement.item,
            "can_judge": access.can_judge(request.user, judgement) and not judgement.is_judged,
            "advice_choices": PortfolioJudgement.Advice.choices,
            "error": error,
        },
    )
