from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from competentie.forms import PlainChoicesMixin
from competentie.organisations.models import Organisation
from frameworks.models import Framework, Profile

from .models import Action, EvaluationRound, display_name


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class FrameworkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        owner = obj.organisation.name if obj.organisation else _("bibliotheek")
        return f"{obj.name} (v{obj.version}, {owner})"


class RoundCreateForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none(), empty_label=None
    )
    framework = FrameworkChoiceField(
        label=_("Profielen uit"),
        queryset=Framework.objects.none(),
        empty_label=None,
        help_text=_("Een vastgestelde versie; de VTH-competentieprofielen zijn standaard gekozen."),
    )
    period = forms.CharField(label=_("Periode"), max_length=50, help_text=_("Bijvoorbeeld 2025–2026."))
    contact_name = forms.CharField(label=_("Naam contactpersoon"), max_length=200, required=False)
    contact_function = forms.CharField(label=_("Functie contactpersoon"), max_length=200, required=False)
    participants = forms.ModelMultipleChoiceField(
        label=_("Deelnemers uitnodigen"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("U doet zelf altijd mee. Later kunt u meer collega's uitnodigen."),
    )

    def __init__(self, *args, organisations, frameworks, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["framework"].queryset = frameworks
        self.fields["participants"].queryset = members
        self.fields["participants"].label_from_instance = display_name
        if organisations.count() == 1:
            self.fields["organisation"].widget = forms.HiddenInput()


class RoundUpdateForm(PlainChoicesMixin, forms.ModelForm):
    chair = UserChoiceField(
        label=_("Voorzitter"),
        queryset=get_user_model().objects.none(),
        help_text=_("Leidt het gesprek, kan het teamoverzicht vroeg openen en legt afgesproken scores vast."),
    )

    class Meta:
        model = EvaluationRound
        fields = ["period", "contact_name", "contact_function", "chair"]

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = members


class ParticipantAddForm(PlainChoicesMixin, forms.Form):
    user = UserChoiceField(label=_("Collega"), queryset=get_user_model().objects.none())

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = members


class PeerInviteForm(forms.Form):
    username = forms.CharField(
        label=_("E-mailadres van de collega"),
        max_length=254,
        help_text=_("Een medewerker van een collega-organisatie met een account in Competentie."),
    )


class ConclusionForm(forms.Form):
    agreed_score = forms.TypedChoiceField(label=_("Afgesproken score"), coerce=int, widget=forms.RadioSelect)
    justification = forms.CharField(
        label=_("Onderbouwing"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hoe kwam het team tot deze score? Welke onderdelen voldoen wel en welke niet?"),
    )

    def __init__(self, *args, scale_points, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["agreed_score"].choices = [
            (point.value, f"{point.value} – {point.label}") for point in scale_points
        ]


class RatingForm(forms.Form):
    """Step 1 for one profile: own score, justification and notes on the hulpvragen.

    A bound form re-renders what was typed when validation fails, so nothing is lost without JavaScript.
    "Inleveren" (hand in) asks for a score and a justification.
    """

    score = forms.TypedChoiceField(label=_("Score"), coerce=int, empty_value=None, required=False)
    justification = forms.CharField(label=_("Hoe kom je tot deze score?"), required=False, widget=forms.Textarea)

    def __init__(self, *args, scale_points, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].choices = [("", _("Nog geen score"))] + [
            (point.value, f"{point.value} – {point.label}") for point in scale_points
        ]
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"answer-{question.pk}"] = forms.CharField(
                label=question.text, required=False, widget=forms.Textarea
            )

    @property
    def hand_in(self) -> bool:
        return self.is_bound and "hand_in" in self.data

    def clean(self):
        cleaned = super().clean()
        if self.hand_in:
            if cleaned.get("score") is None and "score" not in self.errors:
                self.add_error(
                    "score", forms.ValidationError(_("Kies een score voordat u inlevert."), code="score_required")
                )
            if not (cleaned.get("justification") or "").strip():
                self.add_error(
                    "justification",
                    forms.ValidationError(
                        _("Schrijf op hoe u tot deze score komt voordat u inlevert."), code="justification_required"
                    ),
                )
        return cleaned

    def answers(self) -> dict[int, str]:
        return {question.pk: self.cleaned_data.get(f"answer-{question.pk}", "") for question in self.questions}

    def question_fields(self):
        return [(question, self[f"answer-{question.pk}"]) for question in self.questions]


class HostNotesForm(forms.Form):
    host_notes = forms.CharField(
        label=_("Aantekeningen van de eigen organisatie over dit gesprek"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TeamOpenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: een deelnemer is langdurig afwezig. De reden wordt vastgelegd."),
    )


class ActionForm(PlainChoicesMixin, forms.ModelForm):
    profile = forms.ModelChoiceField(
        label=_("Profiel"),
        queryset=Profile.objects.none(),
        required=False,
        empty_label=_("Overkoepelend (alle profielen)"),
    )

    class Meta:
        model = Action
        fields = ["profile", "what", "measure", "owner", "deadline", "status"]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "measure": forms.Textarea(attrs={"rows": 2}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"deadline": _("Uiterste datum")}
        help_texts = {
            "what": _("Specifiek: wat gaan we concreet doen?"),
            "measure": _("Meetbaar: waaraan zien we dat het gelukt is?"),
            "owner": _("Wie is verantwoordelijk?"),
            "deadline": _("Tijdgebonden: uiterlijk wanneer? Meestal binnen twee jaar."),
        }

    def __init__(self, *args, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = profiles
