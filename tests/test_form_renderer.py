"""The form renderer: Django's widgets through their Jinja2 templates, with the same markup as before."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as JinjaTemplate
from django.utils.safestring import mark_safe

from competentie.forms import FormRenderer
from selectie.forms import ConsensusForm


def normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


class Everything(forms.Form):
    name = forms.CharField(help_text="Hulptekst")
    text = forms.CharField(widget=forms.Textarea)
    choice = forms.ChoiceField(choices=[("", "Maak een keuze"), ("a", "A & B"), ("b", "<b>")])
    radio = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple)
    when = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    agree = forms.BooleanField()


def test_the_project_renders_forms_with_its_renderer():
    assert isinstance(get_default_renderer(), FormRenderer)
    assert isinstance(FormRenderer().get_template("django/forms/widgets/select.html"), JinjaTemplate)


def test_every_kind_of_field_has_the_markup_of_djangos_template_language_escaped_as_before():
    data = {"name": "", "text": "<script>", "choice": "b", "radio": "a", "many": ["a", "b"], "when": "x"}
    fast, slow = Everything(data, renderer=FormRenderer()), Everything(data, renderer=DjangoTemplates())
    assert normalised(fast.as_div()) == normalised(slow.as_div())
    for name in fast.fields:
        assert normalised(fast[name]) == normalised(slow[name]), name
        assert normalised(fast[name].errors) == normalised(slow[name].errors), name
    html = str(fast["text"]) + str(fast["choice"])
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "A &amp; B" in html and "&lt;b&gt;" in html


def test_a_form_of_the_calibration_page_is_the_same(db):
    points = [type("Point", (), {"value": v, "label": f"Punt {v}"})() for v in (1, 2, 3)]
    fast = ConsensusForm(prefix="c1", points=points, early=True, renderer=FormRenderer())
    slow = ConsensusForm(prefix="c1", points=points, early=True, renderer=DjangoTemplates())
    for name in ("value", "rationale", "early_reason"):
        assert normalised(fast[name]) == normalised(slow[name])


def test_the_admins_own_widget_templates_still_render():
    """They exist only for Django's template language (tests/test_admin_guard.py opens the admin's forms)."""
    wrapper = FormRenderer().get_template("admin/widgets/related_widget_wrapper.html")
    assert isinstance(wrapper, DjangoTemplate)
    html = wrapper.render({"rendered_widget": mark_safe('<select name="organisation"></select>'), "is_hidden": False})
    assert 'class="related-widget-wrapper"' in html and '<select name="organisation"></select>' in html
