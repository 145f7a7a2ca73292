"""Form habits shared by every app."""

from django import forms
from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist
from django.utils.translation import gettext_lazy as _

DJANGO_BLANK = "---------"


class FormRenderer(Jinja2):
    """Django's own form and widget templates through their Jinja2 versions (django/forms/jinja2): the
    same markup, without an include per option and attribute. Templates that exist only for Django's
    template language (the admin's widget wrappers) are rendered by it."""

    fallback = DjangoTemplates()

    def get_template(self, template_name):
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self.fallback.get_template(template_name)


class PlainChoicesMixin:
    """No "---------" in a list: a required choice says "Maak een keuze", an optional one "Geen";
    a required choice shown as radio buttons has no empty option at all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            blank = _("Maak een keuze") if field.required else _("Geen")
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label == DJANGO_BLANK:
                    field.empty_label = None if isinstance(field.widget, forms.RadioSelect) else blank
            elif isinstance(field, forms.ChoiceField):
                choices = list(field.choices)
                if any(value == "" and label == DJANGO_BLANK for value, label in choices):
                    if field.required and isinstance(field.widget, forms.RadioSelect):
                        field.choices = [(v, label) for v, label in choices if v != ""]
                    else:
                        field.choices = [(v, blank if v == "" else label) for v, label in choices]


class BootstrapWidgetsMixin:
    """Bootstrap's classes on the widgets themselves, for forms that pages repeat many times and
    render with the lean templates/includes/field.html instead of crispy-forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple)):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
