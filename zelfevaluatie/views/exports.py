import json

from django.http import HttpResponse
from django.utils.text import slugify

from competentie.audit.reads import logs_read

from .. import access, pdf, selectors
from ..blindness import visibility_for
from ..exports import round_csv, round_data


def _round(request, pk):
    # Exports are the organisation's own records: MT and participants, not peer reviewers.
    round = selectors.round_full(user=request.user, pk=pk)
    access.require(access.is_member(request.user, round))
    return round


def _filename(round, extension):
    return f"zelfevaluatie-{slugify(round.organisation.name)}-{slugify(round.period)}.{extension}"


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def round_pdf(request, pk):
    round = _round(request, pk)
    return pdf.round_pdf_response(round, user=request.user, request=request)


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def round_csv_export(request, pk):
    round = _round(request, pk)
    data = round_data(
        round, selectors.question_sets(round.framework_id), visibility=visibility_for(request.user, round)
    )
    response = HttpResponse(round_csv(data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(round, "csv")}"'
    return response


@logs_read("zelfevaluatie.EvaluationRound", purpose="self_evaluation")
def round_json_export(request, pk):
    round = _round(request, pk)
    data = round_data(
        round, selectors.question_sets(round.framework_id), visibility=visibility_for(request.user, round)
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(round, "json")}"'
    return response
