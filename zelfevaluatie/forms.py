from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from competentie.forms import PlainChoicesMixin
from frameworks.models import Framework, Organisation, Profile

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


class RoundUpdateForm(forms.ModelForm):
    class Meta:
        model = EvaluationRound
        fields = ["period", "contact_name", "contact_function"]


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
