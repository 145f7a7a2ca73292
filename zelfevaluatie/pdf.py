"""The PDF of a round: context and template only; competentie.pdf renders it."""

from django.utils.text import slugify

from competentie.pdf import pdf_response

from . import selectors
from .blindness import visibility_for
from .exports import round_data
from .growth import growth_for, growth_svg


def round_pdf_response(round, *, user, request=None):
    questions = selectors.question_sets(round.framework_id)
    # Growth is only comparable between rounds on the same framework lineage.
    rounds = selectors.lineage_rounds(user=user, round=round, up_to=True)
    growth = growth_for(rounds, scale_values=[p.value for p in round.scale.points.all()])
    context = {
        "round": round,
        "data": round_data(round, questions, visibility=visibility_for(user, round)),
        "growth": growth,
        "chart": growth_svg(growth) if growth.has_scores else None,
    }
    filename = f"zelfevaluatie-{slugify(round.organisation.name)}-{slugify(round.period)}.pdf"
    return pdf_response(
        "zelfevaluatie/pdf/round.html",
        context,
        filename=filename,
        request=request,
        organisation_id=round.organisation_id,
    )
