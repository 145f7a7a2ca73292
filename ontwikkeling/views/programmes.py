"""Designing a programme: list, create, the overview, the principles checklist and the six steps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from competentie.organisations.selectors import organisation_choices
from competentie.pdf import pdf_response

from .. import access, selectors, services
from ..charts import overview_svg
from ..forms import FIELD_QUESTIONS, STEP_FIELDS, STEP_FORMSETS, ProgrammeCreateForm, step_form
from ..models import GuideText, LearningLevel
from ..questionnaire import LEVERS, SCALE, SOURCE

STEPS = range(1, 7)


def programme_list(request):
    team_organisations = selectors.team_organisation_ids(request.user)
    return render(
        request,
        "ontwikkeling/programme_list.html",
        {
            "programmes": selectors.programme_list(user=request.user),
            "participations": selectors.my_participations(user=request.user),
            "can_create": bool(team_organisations),
        },
    )


def programme_create(request):
    organisation_ids = selectors.team_organisation_ids(request.user)
    access.require(access.can_create_programme(request.user, organisation_ids))
    organisations = organisation_choices(ids=organisation_ids)
    form = ProgrammeCreateForm(
        request.POST or None,
        organisations=organisations,
        frameworks=selectors.framework_choices(user=request.user),
        initial={"organisation": organisations.first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("framework", error)
        else:
            messages.success(request, _("Het programma is aangemaakt. Begin met stap 1."))
            return redirect("ontwikkeling:step", pk=programme.pk, number=1)
    return render(request, "ontwikkeling/programme_form.html", {"form": form})


def _readable(request, pk):
    programme = selectors.programme_get(user=request.user, pk=pk)
    access.require(access.can_read_programme(request.user, programme, selectors.programme_participants(programme)))
    return programme


def _designable(request, pk):
    programme = selectors.programme_get(user=request.user, pk=pk)
    access.require(access.can_design(request.user, programme))
    return programme


def overview_context(programme) -> dict:
    phases = list(programme.phases.all())
    lines = list(programme.learning_lines.all())
    interventions = list(programme.interventions.all())
    return {
        "phases": phases,
        "lines": lines,
        "interventions": interventions,
        "overview": overview_svg(programme, phases=phases, lines=lines, interventions=interventions),
        "levels": [
            (code, label, [line for line in lines if line.level == code]) for code, label in LearningLevel.choices
        ],
    }


def _checklist(programme):
    notes = {note.principle_id: note for note in programme.principle_notes.all()}
    return [(principle, notes.get(principle.pk)) for principle in selectors.guide(GuideText.Kind.PRINCIPLE)]


def programme_detail(request, pk):
    programme = _readable(request, pk)
    is_team = access.can_design(request.user, programme)
    mine = [p for p in selectors.programme_participants(programme) if request.user.pk in (p.user_id, p.coach_id)]
    checklist = _checklist(programme)
    context = {
        "programme": programme,
        "is_team": is_team,
        "mine": mine,
        "steps": selectors.guide(GuideText.Kind.STEP),
        "checklist": checklist,
        "principles_met": sum(1 for _principle, note in checklist if note and note.met),
        "history": selectors.programme_history(programme) if is_team else [],
        **overview_context(programme),
    }
    return render(request, "ontwikkeling/programme_detail.html", context)


def programme_pdf(request, pk):
    programme = _designable(request, pk)
    context = {
        "programme": programme,
        "checklist": _checklist(programme),
        "steps": selectors.guide(GuideText.Kind.STEP),
        **overview_context(programme),
    }
    return pdf_response(
        "ontwikkeling/pdf/programme.html",
        context,
        filename=f"programma-{slugify(programme.name)}.pdf",
        request=request,
        organisation_id=programme.organisation_id,
    )


def principles(request, pk):
    programme = _designable(request, pk)
    checklist = _checklist(programme)
    if request.method == "POST":
        answers = {
            principle.code: (
                request.POST.get(f"met-{principle.code}") == "on",
                request.POST.get(f"how-{principle.code}", ""),
            )
            for principle, _note in checklist
        }
        services.principles_save(programme=programme, answers=answers, user=request.user)
        messages.success(request, _("De ontwerpprincipes zijn opgeslagen."))
        return redirect("ontwikkeling:programme-detail", pk=programme.pk)
    return render(request, "ontwikkeling/principles.html", {"programme": programme, "checklist": checklist})


def _formsets(programme, number, data=None):
    lines, phases = selectors.programme_lines_and_phases(programme)
    options = {"competencies": selectors.framework_competencies(programme), "lines": lines, "phases": phases}
    return [
        (heading, formset_class(data, instance=programme, prefix=prefix, **options))
        for prefix, formset_class, heading in STEP_FORMSETS.get(number, [])
    ]


def step(request, pk, number):
    programme = _designable(request, pk)
    if number not in STEPS:
        raise Http404
    questions = selectors.guide(GuideText.Kind.QUESTION, step=number)
    by_code = {question.code: question.text for question in questions}
    labels = {field: by_code[code] for field, code in FIELD_QUESTIONS.items() if code in by_code}
    fields = STEP_FIELDS[number]
    form_class = step_form(fields) if fields else None
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=programme, labels=labels) if form_class else None
    formsets = _formsets(programme, number, data)
    if data is not None:
        if (form is None or form.is_valid()) and all(formset.is_valid() for _h, formset in formsets):
            services.step_save(
                programme=programme, form=form, formsets=[f for _h, f in formsets], user=request.user, step=number
            )
            messages.success(request, _("Stap %(number)s is opgeslagen.") % {"number": number})
            if "volgende" in request.POST and number < 6:
                return redirect("ontwikkeling:step", pk=programme.pk, number=number + 1)
            return redirect("ontwikkeling:step", pk=programme.pk, number=number)
        messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
    step_text = next(s for s in selectors.guide(GuideText.Kind.STEP) if s.code == str(number))
    context = {
        "programme": programme,
        "number": number,
        "step": step_text,
        "steps": selectors.guide(GuideText.Kind.STEP),
        "questions": questions,
        "form": form,
        "formsets": formsets,
    }
    if number == 4:
        context["kolb"] = selectors.guide(GuideText.Kind.KOLB)
        context["learning_levels"] = selectors.guide(GuideText.Kind.LEARNING_LEVEL)
        context.update(overview_context(programme))
    if number == 6:
        context["moments"] = selectors.guide(GuideText.Kind.MOMENT)
        context["measurement_levels"] = [
            (level, [lever for lever in LEVERS if lever.level == level.code])
            for level in selectors.guide(GuideText.Kind.MEASUREMENT_LEVEL)
        ]
        context["scale"] = SCALE
        context["lever_source"] = SOURCE
    return render(request, "ontwikkeling/step.html", context)
