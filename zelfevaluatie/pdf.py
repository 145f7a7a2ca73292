"""The PDF of a round: context and template only; competentie.pdf renders it."""

from django.utils.text import slugify

from competentie.pdf import pdf_response

from . import selectors
from .exports import round_data
from .growth import growth_for, growth_svg


def round_pdf_response(round, *, user, request=None):
    questions = selectors.question_sets(round.framework_id)
    rounds = selectors.organisation_rounds(user=user, organisation_id=round.organisation_id)
    # Growth is only comparable between rounds on (versions of) the same framework.
    lineage = round.framework.lineage_id
    rounds = [item for item in rounds if item.created_at <= round.created_at and item.framework.lineage_id == lineage]
    growth = growth_for(rounds, scale_values=[p.value for p in round.scale.points.all()])
    context = {
        "round": round,
        "data": round_data(round, questions),
        "growth": growth,
        "chart": growth_svg(growth) if growth.has_scores else None,
    }
    filename = f"zelfevaluatie-{slugify(round.organisation.name)}-{slugify(round.period)}.pdf"
    return pdf_response("zelfevaluatie/pdf/round.html", context, filename=filename, request=request)
