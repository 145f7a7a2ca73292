"""A participant's own pages: the development plan, the questionnaires and the growth chart.

Only the participant and their coach open them; the programme team sees cohort aggregates only, and
manages the participation itself (coach, manager, removal) on a page without answers. The manager
opens only the follow-up form about the participant.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.audit.reads import logs_read

from .. import access, people, selectors, services
from ..charts import growth_svg
from ..forms import ManagerForm, MeasurementForm, RemoveForm
from ..models import MeasurementMoment, Rater
from ..progress import participant_progress
from ..questionnaire import SCALE
from ..results import participant_growth


def _participant(request, pk):
    participant = selectors.participant_get(user=request.user, pk=pk)
    access.require(access.can_see_results_of(request.user, participant))
    return participant


@logs_read("ontwikkeling.Participant", purpose="development")
def participant_detail(request, pk):
    participant = _participant(request, pk)
    programme = participant.cohort.programme
    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    growth = participant_growth(participant, competencies=competencies, levels=levels)
    handed_in = {m.moment for m in participant.measurements.all() if m.rater == Rater.PARTICIPANT}
    windows = {window.moment: window for window in participant.cohort.windows.all()}
    today = timezone.localdate()
    goals = people.plan_goals_of(participant, competencies)
    return render(
        request,
        "ontwikkeling/participant_detail.html",
        {
            "participant": participant,
            "programme": programme,
            "is_self": access.can_fill_in(request.user, participant),
            "moments": [
                (code, label, code in handed_in, windows.get(code)) for code, label in MeasurementMoment.choices
            ],
            "progress": participant_progress(windows.values(), handed_in, today),
            "today": today,
            "growth": growth,
            "chart": growth_svg(growth) if growth.has_ratings else None,
            "plan": [(competency, goals.get(competency.pk)) for competency in competencies],
        },
    )


@logs_read("ontwikkeling.Participant", purpose="development")
def plan(request, pk):
    participant = _participant(request, pk)
    access.require(access.can_edit_plan(request.user, participant))
    competencies = selectors.programme_competencies_of(participant.cohort.programme)
    goals = people.plan_goals_of(participant, competencies)
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


def _questionnaire(request, participant, moment, *, rater, done_url, template_context):
    """The form of one moment for one rater: fill in, refuse what is not open yet, store."""
    programme = participant.cohort.programme
    competencies = selectors.programme_competencies_of(programme)
    levels = selectors.framework_levels(programme)
    interventions = selectors.programme_interventions(programme)
    existing = next((m for m in participant.measurements.all() if m.moment == moment and m.rater == rater), None)
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
    not_open = services.window_refusal(participant, moment)
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
                rater=rater,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Dank u wel. Uw antwoorden zijn opgeslagen."))
            return redirect(done_url)
    return render(
        request,
        "ontwikkeling/measurement_form.html",
        {
            "participant": participant,
            "programme": programme,
            "moment": moment,
            "moment_label": MeasurementMoment(moment).label,
            "form": form,
            "scale": SCALE,
            "not_open": not_open,
            **template_context,
        },
    )


@logs_read("ontwikkeling.Participant", purpose="development")
def measurement(request, pk, moment):
    participant = _participant(request, pk)
    access.require(access.can_fill_in(request.user, participant))
    if moment not in MeasurementMoment.values:
        raise Http404
    return _questionnaire(
        request,
        participant,
        moment,
        rater=Rater.PARTICIPANT,
        done_url=reverse("ontwikkeling:participant-detail", args=[participant.pk]),
        template_context={"as_manager": False},
    )


@logs_read("ontwikkeling.Participant", purpose="development")
def follow_up(request, pk):
    """The manager's follow-up about the participant: their level per competency in daily work."""
    participant = selectors.participant_get(user=request.user, pk=pk)
    access.require(access.can_answer_follow_up(request.user, participant))
    return _questionnaire(
        request,
        participant,
        MeasurementMoment.FOLLOW_UP,
        rater=Rater.MANAGER,
        done_url=reverse("home"),
        template_context={"as_manager": True},
    )


def _managed(request, pk):
    participant = selectors.participant_get(user=request.user, pk=pk)
    access.require(access.can_manage_participant(request.user, participant))
    return participant


@logs_read("ontwikkeling.Participant", purpose="development")
def participant_manage(request, pk, manager_form=None, remove_form=None):
    """The programme team's page for one participation: coach, manager, progress, removal — no answers."""
    participant = _managed(request, pk)
    windows = list(participant.cohort.windows.all())
    handed_in = {m.moment for m in participant.measurements.all() if m.rater == Rater.PARTICIPANT}
    return render(
        request,
        "ontwikkeling/participant_manage.html",
        {
            "participant": participant,
            "cohort": participant.cohort,
            "programme": participant.cohort.programme,
            "progress": participant_progress(windows, handed_in, timezone.localdate()),
            "manager_form": manager_form
            or ManagerForm(initial={"manager_email": participant.manager.email if participant.manager else ""}),
            "remove_form": remove_form or RemoveForm(),
        },
    )


@require_POST
def participant_manager(request, pk):
    participant = _managed(request, pk)
    form = ManagerForm(request.POST)
    if form.is_valid():
        try:
            services.participant_manager_set(
                participant=participant, email=form.cleaned_data["manager_email"], user=request.user
            )
        except ValidationError as error:
            form.add_error("manager_email", error)
        else:
            messages.success(request, _("De leidinggevende is opgeslagen."))
            return redirect("ontwikkeling:participant-manage", pk=participant.pk)
    return participant_manage(request, pk, manager_form=form)


@require_POST
def participant_remove(request, pk):
    participant = _managed(request, pk)
    form = RemoveForm(request.POST)
    if form.is_valid():
        cohort = participant.cohort
        services.participant_remove(
            participant=participant, keep_anonymised=form.cleaned_data["keep"] == "anonymise", user=request.user
        )
        messages.success(request, _("De deelnemer is uit de groep gehaald. De cijfers van de groep zijn bijgewerkt."))
        return redirect("ontwikkeling:cohort-detail", pk=cohort.pk)
    return participant_manage(request, pk, remove_form=form)
