"""A participant's own pages: the development plan, the questionnaires and the growth chart.

Only the participant and their coach open them; the programme team sees cohort aggregates only.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import access, selectors, services
from ..charts import growth_svg
from ..forms import MeasurementForm
from ..models import Moment
from ..questionnaire import SCALE
from ..results import participant_growth


def _participant(request, pk):
    participant = selectors.participant_get(user=request.user, pk=pk)
    access.require(access.can_see_results_of(request.user, participant))
    return participant


def participant_detail(request, pk):
    participant = _participant(request, pk)
    programme = participant.cohort.programme
    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    growth = participant_growth(participant, competencies=competencies, levels=levels)
    handed_in = {m.moment for m in participant.measurements.all()}
    goals = {goal.competency_id: goal for goal in participant.plan_goals.all()}
    return render(
        request,
        "ontwikkeling/participant_detail.html",
        {
            "participant": participant,
            "programme": programme,
            "is_self": access.can_fill_in(request.user, participant),
            "moments": [(code, label, code in handed_in) for code, label in Moment.choices],
            "growth": growth,
            "chart": growth_svg(growth) if growth.has_ratings else None,
            "plan": [(competency, goals.get(competency.pk)) for competency in competencies],
        },
    )


def plan(request, pk):
    participant = _participant(request, pk)
    access.require(access.can_edit_plan(request.user, participant))
    competencies = selectors.programme_competencies_of(participant.cohort.programme)
    goals = {goal.competency_id: goal for goal in participant.plan_goals.all()}
    if request.method == "POST":
        services.plan_save(
            participant=participant,
            goals={
                c.pk: (request.POST.get(f"goal-{c.pk}", ""), request.POST.get(f"actions-{c.pk}", ""))
                for c in competencies
            },
        )
        messages.success(request, _("Het ontwikkelplan is opgeslagen."))
        return redirect("ontwikkeling:participant-detail", pk=participant.pk)
    return render(
        request,
        "ontwikkeling/plan.html",
        {
            "participant": participant,
            "programme": participant.cohort.programme,
            "rows": [(competency, goals.get(competency.pk)) for competency in competencies],
        },
    )


def measurement(request, pk, moment):
    participant = _participant(request, pk)
    access.require(access.can_fill_in(request.user, participant))
    if moment not in Moment.values:
        raise Http404
    programme = participant.cohort.programme
    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    interventions = selectors.programme_interventions(programme)
    existing = next((m for m in participant.measurements.all() if m.moment == moment), None)
    initial = {}
    if existing is not None:
        for answer in existing.answers.all():
            key = f"goal_{answer.intervention_id}" if answer.intervention_id else f"lever_{answer.question}"
            initial[key] = str(answer.value)
        for rating in existing.self_ratings.all():
            initial[f"rating_{rating.competency_id}"] = str(rating.level_id)
    form = MeasurementForm(
        request.POST or None,
        initial=initial,
        moment=moment,
        competencies=competencies,
        levels=levels,
        interventions=interventions,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_submit(
                participant=participant,
                moment=moment,
                answers=form.answers(),
                goal_answers=form.goal_answers(),
                ratings=form.level_ratings(),
                competency_ids={c.pk for c in competencies},
                level_ids={level.pk for level in levels},
                intervention_ids={i.pk for i in interventions},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Dank u wel. Uw antwoorden zijn opgeslagen."))
            return redirect("ontwikkeling:participant-detail", pk=participant.pk)
    return render(
        request,
        "ontwikkeling/measurement_form.html",
        {
            "participant": participant,
            "programme": programme,
            "moment": moment,
            "moment_label": Moment(moment).label,
            "form": form,
            "scale": SCALE,
        },
    )
