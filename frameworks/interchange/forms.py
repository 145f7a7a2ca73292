from django import forms
from django.utils.translation import gettext_lazy as _

from competentie.organisations.models import Organisation

from .errors import MAX_QUEUED_BYTES, MAX_UPLOAD_BYTES, too_large_message

FORMATS = [
    ("json", _("JSON-export van deze applicatie (volledig framework)")),
    ("moodle", _("Moodle-competentieframework (CSV)")),
    ("case", _("CASE-pakket (1EdTech CASE 1.1, JSON)")),
]
EXTENSIONS = {"json": (".json",), "moodle": (".csv", ".txt"), "case": (".json",)}


class FrameworkImportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Het framework komt als concept in deze organisatie."),
    )
    file_format = forms.ChoiceField(label=_("Soort bestand"), choices=FORMATS, widget=forms.RadioSelect, initial="json")
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Een .json- of .csv-bestand van hoogstens 2 MB. Een CASE-pakket mag tot 50 MB groot zijn; "
            "een groter pakket dan 2 MB wordt op de achtergrond gelezen."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv,.txt,application/json,text/csv"}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.only_organisation = organisations[0] if len(organisations) == 1 else None
        if self.only_organisation is not None:
            # Nothing to choose: the framework goes to the one organisation the user authors for.
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].required = False

    def clean(self):
        cleaned = super().clean()
        only = self.only_organisation
        if not cleaned.get("organisation") and only is not None and not self.has_error("organisation"):
            cleaned["organisation"] = only
        upload, file_format = cleaned.get("file"), cleaned.get("file_format")
        if upload is None or file_format is None:
            return cleaned
        # A CASE package beyond what one request imports goes to the task queue (interchange/jobs.py).
        limit = MAX_QUEUED_BYTES if file_format == "case" else MAX_UPLOAD_BYTES
        if upload.size > limit:
            self.add_error("file", too_large_message(upload.size, limit))
        elif not upload.name.lower().endswith(EXTENSIONS[file_format]):
            expected = " of ".join(EXTENSIONS[file_format])
            self.add_error(
                "file",
                _("Kies een %(expected)s-bestand voor dit soort import, of kies hierboven het andere soort bestand.")
                % {"expected": expected},
            )
        return cleaned
