from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from competentie.forms import PlainChoicesMixin
from competentie.organisations.models import Membership

from .models import (
    CommunicationEntry,
    Condition,
    DesignSession,
    Intervention,
    LearningLine,
    MeasurementMoment,
    Phase,
    Programme,
    Stakeholder,
    Subtheme,
)
from .questionnaire import SCALE, asks_learning_goals, levers_for

Role = Membership.Role
TEXTAREA = forms.Textarea(attrs={"rows": 3})
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProgrammeCreateForm(PlainChoicesMixin, forms.Form):
    name = forms.CharField(label=_("Naam van het programma"), max_length=200)
    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=None, empty_label=None)
    framework = forms.ModelChoiceField(
        label=_("Competentieframework"),
        queryset=None,
        help_text=_("Alleen gepubliceerde versies: het programma bouwt op competenties die niet meer veranderen."),
    )

    def __init__(self, *args, organisations, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["framework"].queryset = frameworks


class StepForm(forms.ModelForm):
    """A step's own fields; labels come from the guide's questions where the guide asks one."""

    def __init__(self, *args, labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in (labels or {}).items():
            if name in self.fields:
                self.fields[name].label = label


def step_form(fields):
    return forms.modelform_factory(Programme, form=StepForm, fields=fields, widgets={name: TEXTAREA for name in fields})


STEP_FIELDS = {
    1: ["goal_why", "goal_yield", "goal_contribution"],
    2: ["analysis", "strengths", "challenges", "opportunities"],
    3: [],
    4: ["storyline"],
    5: ["implementation_participants", "implementation_stakeholders"],
    6: [],
}
# The guide's question that labels each field (GuideText codes of kind "question").
FIELD_QUESTIONS = {
    "goal_why": "doel.waarom",
    "goal_yield": "doel.opleveren",
    "goal_contribution": "doel.bijdrage",
}


class ProgrammeFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, competencies=None, lines=None, phases=None, **kwargs):
        self.choices = {"competencies": competencies, "line": lines, "phase": phases}
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        self._limit(form)
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        self._limit(form)
        return form

    def _limit(self, form):
        for name, queryset in self.choices.items():
            if queryset is not None and name in form.fields:
                form.fields[name].queryset = queryset


def part_formset(model, fields, widgets=None):
    return inlineformset_factory(
        Programme,
        model,
        formset=ProgrammeFormSet,
        fields=fields,
        widgets=widgets or {},
        extra=1,
        can_delete=True,
    )


ConditionFormSet = part_formset(Condition, ["text"])
StakeholderFormSet = part_formset(Stakeholder, ["who", "role", "relation"])
DesignSessionFormSet = part_formset(
    DesignSession, ["held_on", "topic", "outcome"], {"held_on": DATE, "outcome": TEXTAREA}
)
CommunicationFormSet = part_formset(
    CommunicationEntry, ["sent_on", "audience", "message"], {"sent_on": DATE, "message": TEXTAREA}
)
SubthemeFormSet = part_formset(Subtheme, ["name"])
PhaseFormSet = part_formset(Phase, ["name", "theme", "competencies"], {"competencies": forms.CheckboxSelectMultiple})
LearningLineFormSet = part_formset(LearningLine, ["level", "name"])
InterventionFormSet = part_formset(
    Intervention,
    ["name", "kind", "line", "phase", "kolb_stage", "competencies", "trainer", "learning_goals"],
    {"competencies": forms.CheckboxSelectMultiple, "learning_goals": TEXTAREA},
)

# Per step: (prefix, formset class, heading) in the order shown.
STEP_FORMSETS = {
    1: [("randvoorwaarden", ConditionFormSet, _("Randvoorwaarden"))],
    3: [
        ("belanghebbenden", StakeholderFormSet, _("Belanghebbenden")),
        ("designsessies", DesignSessionFormSet, _("Designsessies")),
        ("communicatie", CommunicationFormSet, _("Communicatielogboek")),
    ],
    4: [
        ("subthemas", SubthemeFormSet, _("Subthema's")),
        ("fasen", PhaseFormSet, _("Fasen, thema's en centrale competenties")),
        ("leerlijnen", LearningLineFormSet, _("Leerlijnen per leerniveau")),
        ("interventies", InterventionFormSet, _("Interventies")),
    ],
}


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Naam van de groep"), max_length=200)
    starts_on = forms.DateField(label=_("Startdatum"), required=False, widget=DATE)
    ends_on = forms.DateField(
        label=_("Einddatum"),
        required=False,
        widget=DATE,
        help_text=_("Met start- en einddatum stelt de app de meetmomenten voor; u kunt ze daarna aanpassen."),
    )


class WindowsForm(forms.Form):
    """From when and until when each moment can be handed in."""

    def __init__(self, *args, windows, **kwargs):
        super().__init__(*args, **kwargs)
        by_moment = {window.moment: window for window in windows}
        date_input = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
        self.rows = []
        for moment, label in MeasurementMoment.choices:
            window = by_moment.get(moment)
            opens, due = f"{moment}-opens_on", f"{moment}-due_on"
            self.fields[opens] = forms.DateField(
                label=_("%(moment)s: open vanaf") % {"moment": str(label).capitalize()},
                required=False,
                widget=date_input,
                initial=window.opens_on if window else None,
            )
            self.fields[due] = forms.DateField(
                label=_("%(moment)s: uiterlijk op") % {"moment": str(label).capitalize()},
                required=False,
                widget=date_input,
                initial=window.due_on if window else None,
            )
            self.rows.append((label, self[opens], self[due]))

    def windows(self) -> dict:
        return {
            moment: (self.cleaned_data[f"{moment}-opens_on"], self.cleaned_data[f"{moment}-due_on"])
            for moment in MeasurementMoment.values
        }


class EmailInviteForm(PlainChoicesMixin, forms.Form):
    """Invite a colleague by e-mail as a participant or a coach (through the member invitation)."""

    email = forms.EmailField(label=_("E-mailadres"))
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    role = forms.ChoiceField(
        label=_("Rol in de groep"),
        choices=[(Role.DEELNEMER, _("Deelnemer")), (Role.BEGELEIDER, _("Begeleider"))],
        widget=forms.RadioSelect,
        initial=Role.DEELNEMER,
    )
    coach = forms.ModelChoiceField(
        label=_("Begeleider van de deelnemer"), queryset=None, required=False, empty_label=_("Nog geen begeleider")
    )

    def __init__(self, *args, coaches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches
        self.fields["coach"].label_from_instance = lambda user: user.get_full_name() or user.username


class ManagerForm(forms.Form):
    manager_email = forms.EmailField(
        label=_("E-mailadres van de leidinggevende"),
        required=False,
        help_text=_("Een collega met een account in uw organisatie; die vult de opvolging in."),
    )


class RemoveForm(forms.Form):
    keep = forms.ChoiceField(
        label=_("Wat gebeurt er met de antwoorden?"),
        choices=[
            ("delete", _("Verwijderen: de antwoorden verdwijnen en tellen niet meer mee in de cijfers van de groep.")),
            (
                "anonymise",
                _(
                    "Anoniem bewaren: naam, begeleider, leidinggevende en ontwikkelplan verdwijnen; de antwoorden "
                    "tellen mee in de cijfers van de groep, zonder naam."
                ),
            ),
        ],
        widget=forms.RadioSelect,
    )


class InviteForm(forms.Form):
    username = forms.ChoiceField(label=_("Deelnemer"))
    coach_username = forms.ChoiceField(label=_("Begeleider"), required=False)

    def __init__(self, *args, participants, coaches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].choices = [(u.username, u.get_full_name() or u.username) for u in participants]
        self.fields["coach_username"].choices = [("", _("Nog geen begeleider"))] + [
            (u.username, u.get_full_name() or u.username) for u in coaches
        ]


class MeasurementForm(forms.Form):
    """The questionnaire of one moment: lever questions (ours), learning goals, and a level per competency."""

    def __init__(self, *args, moment, competencies, levels, interventions, **kwargs):
        super().__init__(*args, **kwargs)
        scale = [(str(value), label) for value, label in SCALE]
        self.lever_fields, self.goal_fields, self.rating_fields = [], [], []
        for lever in levers_for(moment):
            name = f"lever_{lever.code}"
            self.fields[name] = forms.ChoiceField(label=lever.question, choices=scale, widget=forms.RadioSelect)
            self.fields[name].lever = lever
            self.lever_fields.append(name)
        if asks_learning_goals(moment):
            for intervention in interventions:
                if not intervention.learning_goals.strip():
                    continue
                name = f"goal_{intervention.pk}"
                goals = "; ".join(intervention.goal_list)
                self.fields[name] = forms.ChoiceField(
                    label=_("Ik heb de leerdoelen van %(name)s bereikt: %(goals)s")
                    % {"name": intervention.name, "goals": goals},
                    choices=scale,
                    widget=forms.RadioSelect,
                )
                self.goal_fields.append(name)
        level_choices = [(str(level.pk), level.name) for level in levels]
        for competency in competencies:
            name = f"rating_{competency.pk}"
            self.fields[name] = forms.ChoiceField(
                label=competency.name, choices=level_choices, widget=forms.RadioSelect
            )
            self.fields[name].competency = competency
            self.rating_fields.append(name)

    def bound(self, names):
        return [self[name] for name in names]

    @property
    def levers(self):
        return self.bound(self.lever_fields)

    @property
    def goals(self):
        return self.bound(self.goal_fields)

    @property
    def ratings(self):
        return self.bound(self.rating_fields)

    def answers(self) -> dict[str, int]:
        return {name.removeprefix("lever_"): int(self.cleaned_data[name]) for name in self.lever_fields}

    def goal_answers(self) -> dict[int, int]:
        return {int(name.removeprefix("goal_")): int(self.cleaned_data[name]) for name in self.goal_fields}

    def level_ratings(self) -> dict[int, int]:
        return {int(name.removeprefix("rating_")): int(self.cleaned_data[name]) for name in self.rating_fields}
