from django import forms
from django.utils.translation import gettext_lazy as _

from .tokens import FONT_CHOICES


class ThemeForm(forms.Form):
    # The colours are not `required` here: HTML forbids that attribute on type="color", and the
    # service (theme_tokens_check) refuses an empty or malformed colour with its own message.
    primary_color = forms.CharField(
        label=_("Hoofdkleur (knoppen en links)"),
        required=False,
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=_("Minstens 4,5:1 contrast met wit."),
    )
    header_background_color = forms.CharField(
        label=_("Achtergrond van de kopbalk"), required=False, widget=forms.TextInput(attrs={"type": "color"})
    )
    header_text_color = forms.CharField(
        label=_("Tekst in de kopbalk"),
        required=False,
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=_("Minstens 4,5:1 contrast met de achtergrond van de kopbalk."),
    )
    font = forms.ChoiceField(label=_("Lettertype van de tekst"), choices=FONT_CHOICES)
    heading_font = forms.ChoiceField(label=_("Lettertype van de koppen"), choices=FONT_CHOICES)
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG of JPEG, maximaal 200 kB en 2000 bij 2000 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Logo verwijderen"), required=False)
