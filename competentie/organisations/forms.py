from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership, Organisation


class MemberInviteForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"), help_text=_("Uw collega krijgt op dit adres een link om een wachtwoord te kiezen.")
    )
    role = forms.ChoiceField(label=_("Rol"), choices=Membership.Role.choices, initial=Membership.Role.SELECTEUR)
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        only = list(organisations[:2])
        if len(only) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = only[0].pk


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Membership.Role.choices)
