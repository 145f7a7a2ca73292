from django import forms
from django.utils.translation import gettext_lazy as _

from competentie.accounts.names import display_name
from competentie.forms import BootstrapWidgetsMixin, PlainChoicesMixin
from competentie.organisations.models import Organisation

from .models import (
    CandidatePersonalData,
    ConsensusScore,
    Decision,
    Exercise,
    SelectionProcedure,
)


class DateInput(forms.DateInput):
    input_type = "date"


class ProfileChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = f"{obj.parent.name} – {obj.name}" if obj.parent_id else obj.name
        return f"{obj.framework.name}: {name}"


class ScaleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        values = [p.value for p in obj.points.all()]
        span = f" ({min(values)}–{max(values)})" if values else ""
        return f"{obj.name}{span}"


class ProcedureForm(PlainChoicesMixin, forms.ModelForm):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label=_("Organisatie"))
    profile = ProfileChoiceField(
        queryset=None,
        label=_("Competentieprofiel"),
        help_text=_("Alleen profielen uit een gepubliceerde versie of een bibliotheek: die veranderen niet meer."),
    )
    scale = ScaleChoiceField(queryset=None, label=_("Beoordelingsschaal"))

    class Meta:
        model = SelectionProcedure
        fields = [
            "organisation",
            "name",
            "description",
            "profile",
            "scale",
            "preselection_date",
            "selection_date",
            "retention_weeks",
            "chair",
            "disagreement_threshold",
        ]
        widgets = {
            "preselection_date": DateInput(format="%Y-%m-%d"),
            "selection_date": DateInput(format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations, profiles, scales, chairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs
        self.fields["chair"].label_from_instance = display_name
        self.fields["chair"].empty_label = _("HR zit voor")
        self.fields["disagreement_threshold"].required = False
        self.fields["organisation"].queryset = organisations
        if self.instance.pk:
            del self.fields["organisation"]
        elif len(organisations) == 1:
            self.fields["organisation"].initial = organisations.first()
            self.fields["organisation"].widget = forms.HiddenInput()
        self.fields["profile"].queryset = profiles
        self.fields["scale"].queryset = scales

    def clean_disagreement_threshold(self):
        value = self.cleaned_data.get("disagreement_threshold")
        return value or self.instance.disagreement_threshold or 2


class ExerciseForm(forms.ModelForm):
    class Meta:
        model = Exercise
        fields = ["name", "kind", "phase", "instructions"]
        widgets = {"instructions": forms.Textarea(attrs={"rows": 2})}


class CandidateForm(forms.ModelForm):
    class Meta:
        model = CandidatePersonalData
        fields = ["name", "email", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class PersonalDataForm(forms.ModelForm):
    class Meta:
        model = CandidatePersonalData
        fields = ["name", "email", "notes", "consent_until", "consent_note"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2}), "consent_until": DateInput(format="%Y-%m-%d")}


class CandidateImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Eerste regel: naam,e-mail,notities (notities mag ontbreken). Eén kandidaat per regel. "
            "Komma of puntkomma als scheidingsteken, UTF-8."
        ),
    )


class AssignmentForm(forms.Form):
    selecteurs = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Selecteurs"), widget=forms.CheckboxSelectMultiple
    )
    candidates = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Kandidaten"), widget=forms.CheckboxSelectMultiple
    )
    exercises = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Oefeningen"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, selecteurs, candidates, exercises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selecteurs"].queryset = selecteurs
        self.fields["selecteurs"].label_from_instance = display_name
        self.fields["candidates"].queryset = candidates
        self.fields["exercises"].queryset = exercises


def scale_choices(points):
    return [(p.value, f"{p.value} – {p.label}" if p.label else str(p.value)) for p in points]


class ScoreReviseForm(forms.Form):
    value = forms.TypedChoiceField(label=_("Score"), coerce=int, choices=())
    evidence = forms.CharField(label=_("Wat zag en hoorde u"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=_("Reden van de wijziging"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht: wijzigingen na indienen worden vastgelegd."),
    )

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].choices = scale_choices(points)


class ConsensusForm(BootstrapWidgetsMixin, forms.ModelForm):
    value = forms.TypedChoiceField(label=_("Consensusscore"), coerce=int, choices=())
    early_reason = forms.CharField(
        label=_("Reden om niet op alle indieningen te wachten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Alleen nodig als nog niet alle selecteurs hebben ingediend. De reden wordt vastgelegd."),
    )

    class Meta:
        model = ConsensusScore
        fields = ["value", "rationale"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, points, early=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].choices = [("", "—"), *scale_choices(points)]
        self.fields["rationale"].help_text = _(
            "Let op: deze tekst komt in de brief aan de kandidaat als die wordt afgewezen. Beschrijf het gedrag "
            "dat het panel zag; noem geen namen van selecteurs of andere kandidaten."
        )
        if not early:
            del self.fields["early_reason"]


class ProposalForm(BootstrapWidgetsMixin, forms.Form):
    value = forms.TypedChoiceField(
        label=_("Voorgestelde score"), coerce=int, choices=(), required=False, empty_value=None
    )
    comment = forms.CharField(label=_("Voorstel of opmerking"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].choices = [("", _("geen score")), *scale_choices(points)]


class DecisionForm(PlainChoicesMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["outcome", "justification"]
        widgets = {"outcome": forms.RadioSelect, "justification": forms.Textarea(attrs={"rows": 4})}


class TransitionForm(forms.Form):
    status = forms.ChoiceField(choices=SelectionProcedure.Status.choices)


class CriteriaVersionForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom veranderen de criteria?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht. De reden komt in het logboek en in de verantwoording van de procedure."),
    )


class FairnessSetupForm(forms.Form):
    characteristics = forms.MultipleChoiceField(
        label=_("Kenmerken"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kandidaten zien een vraag per gekozen kenmerk, met altijd “Zeg ik liever niet”."),
    )

    def __init__(self, *args, **kwargs):
        from .fairness import CHARACTERISTICS

        super().__init__(*args, **kwargs)
        self.fields["characteristics"].choices = [(code, spec["label"]) for code, spec in CHARACTERISTICS.items()]


class PracticeCaseForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Wat deed de kandidaat?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Beschrijf wat de kandidaat zei en deed, zonder namen. Verzin het of maak een echt geval anoniem."),
    )
