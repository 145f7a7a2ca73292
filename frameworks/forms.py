"""Authoring forms. Each edit form carries the row's revision, so a stale save is refused."""

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.forms import PlainChoicesMixin
from competentie.organisations.models import Organisation

from .models import (
    Cluster,
    Competency,
    Framework,
    GuidingQuestion,
    GuidingQuestionSet,
    ProficiencyLevel,
    Profile,
    RoleLevel,
)
from .services import EDITABLE_STATUSES

COMPETENCY_TEMPLATE = "Als je [competentie] bent/hebt/bezit, dan ben/kan/werk je …"


class RevisionMixin(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and "revision" not in self.initial:
            self.initial["revision"] = instance.revision


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class FrameworkForm(PlainChoicesMixin, RevisionMixin, forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("De organisatie die eigenaar wordt van het framework."),
    )

    class Meta:
        model = Framework
        fields = ["name", "description", "target_group", "source", "status"]
        labels = {"description": _("Doel"), "target_group": _("Doelgroep")}
        help_texts = {
            "description": _(
                "Wat wilt u met het framework bereiken? Bijvoorbeeld: gelijke kansen bij werving en "
                "selectie, of een cultuur van continu leren."
            ),
            "target_group": _("Wie gebruikt het framework, en voor welke functies of rollen?"),
            "source": _("Waar komen de competenties vandaan (documenten, focusgroepen, woordenboek)?"),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "target_group": forms.Textarea(attrs={"rows": 3}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in EDITABLE_STATUSES]
        if self.instance.pk:
            del self.fields["organisation"]
        else:
            del self.fields["status"]
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
            self.fields["organisation"].required = True
            if organisations is not None and len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0]
                self.fields["organisation"].widget = forms.HiddenInput()


class StepForm(forms.Form):
    seen = forms.CharField(widget=forms.HiddenInput, required=False)
    done = forms.BooleanField(label=_("Afgerond"), required=False)
    output = forms.CharField(
        label=_("Resultaat van deze stap"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def _https_for_urls(model_field, **kwargs):
    """An address typed without a scheme gets https (Django 6's default), for the vocabulary links."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class CompetencyForm(PlainChoicesMixin, RevisionMixin, forms.ModelForm):
    class Meta:
        model = Competency
        fields = ["name", "definition", "kind", "hard_to_learn", "cluster", "esco_uri", "competentnl_uri"]
        formfield_callback = _https_for_urls
        help_texts = {
            "definition": _(
                "Gebruik de template uit de handleiding: “%(template)s” Formuleer SMART en gebruik "
                "de termen uit de focusgroep."
            )
            % {"template": COMPETENCY_TEMPLATE},
            "kind": _("Kennis, vaardigheid of attitude."),
        }
        widgets = {"definition": forms.Textarea(attrs={"rows": 4, "placeholder": COMPETENCY_TEMPLATE})}

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = Cluster.objects.filter(framework=framework)
        self.fields["cluster"].required = False


class ClusterForm(RevisionMixin, forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class LevelForm(RevisionMixin, forms.ModelForm):
    class Meta:
        model = ProficiencyLevel
        fields = ["name", "description"]
        widgets = {
            "name": forms.TextInput(attrs={"class": "form-control"}),
            "description": forms.Textarea(attrs={"rows": 2}),
        }


def _level_choices(levels) -> list[tuple[str, str]]:
    return [("", _("(geen niveau)"))] + [(str(level.pk), level.name) for level in levels]


class _LevelChoiceMixin:
    """A level select built from an already-read list of levels: no query per form on a page."""

    def _setup_level(self, field_name: str, levels) -> None:
        self._levels = {level.pk: level for level in levels}
        self.fields[field_name].choices = _level_choices(levels)

    def _clean_level(self, field_name: str):
        value = self.cleaned_data.get(field_name)
        if value in (None, ""):
            return None
        level = self._levels.get(int(value))
        if level is None:
            raise forms.ValidationError(_("Kies een niveau van dit framework."))
        return level


class IndicatorForm(PlainChoicesMixin, _LevelChoiceMixin, forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label=_("Gedragsindicator"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Observeerbaar gedrag, positief geformuleerd, vaak beginnend met een actief werkwoord, "
            "enkelvoudig en zonder waardeoordeel. Bijvoorbeeld: “Vraagt geregeld feedback.”"
        ),
    )
    level = forms.ChoiceField(label=_("Beheersingsniveau"), required=False)

    def __init__(
        self,
        *args,
        levels,
        instance=None,
        fixed_level: bool = False,
        text_label: str = "",
        compact: bool = False,
        **kwargs,
    ):
        if instance is not None:
            kwargs.setdefault("initial", {}).update(
                {"text": instance.text, "level": instance.level_id, "revision": instance.revision}
            )
        super().__init__(*args, **kwargs)
        if compact:  # the page states the rules once; the writing hints appear under the field
            self.fields["text"].help_text = ""
        self._setup_level("level", levels)
        if text_label:
            self.fields["text"].label = text_label
        if fixed_level:
            self.fields["level"].widget = forms.HiddenInput()

    def clean_level(self):
        return self._clean_level("level")


class ProfileForm(PlainChoicesMixin, RevisionMixin, forms.ModelForm):
    expertise_areas = forms.CharField(
        label=_("Deskundigheidsgebieden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel."),
    )
    tasks = forms.CharField(
        label=_("Deeltaken"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Eén per regel.")
    )

    class Meta:
        model = Profile
        fields = [
            "name",
            "code",
            "description",
            "characteristic",
            "parent",
            "role_level",
            "hr21_family",
            "hr21_name",
            "hr21_code",
        ]
        labels = {"parent": _("Hoofdprofiel (deze rol is een hoofdtaak van)")}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    POSITION_CHOICES = [("", _("(niet ingevuld)"))] + [(str(v), str(v)) for v in range(-2, 3)]

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        profiles = [p for p in framework.profiles.all() if p.pk != self.instance.pk]
        self.fields["parent"].queryset = Profile.objects.filter(pk__in=[p.pk for p in profiles])
        self.fields["parent"].required = False
        self.fields["role_level"].queryset = RoleLevel.objects.filter(framework=framework)
        self.fields["role_level"].required = False
        self.dilemmas = list(framework.dilemmas.all())
        positions = {}
        if self.instance.pk:
            positions = {p.dilemma_id: p.position for p in self.instance.dilemma_positions.all()}
            self.initial.setdefault("expertise_areas", "\n".join(a.name for a in self.instance.expertise_areas.all()))
            self.initial.setdefault("tasks", "\n".join(t.text for t in self.instance.tasks.all()))
        for dilemma in self.dilemmas:
            left, right = dilemma.poles
            choices = self.POSITION_CHOICES
            if left and right:
                choices = [
                    ("", _("(niet ingevuld)")),
                    ("-2", _("-2: geheel %(pole)s") % {"pole": left}),
                    ("-1", _("-1: meer %(pole)s") % {"pole": left}),
                    ("0", _("0: in balans")),
                    ("1", _("1: meer %(pole)s") % {"pole": right}),
                    ("2", _("2: geheel %(pole)s") % {"pole": right}),
                ]
            self.fields[f"dilemma_{dilemma.pk}"] = forms.TypedChoiceField(
                label=dilemma.name,
                choices=choices,
                required=False,
                coerce=int,
                empty_value=None,
                initial=positions.get(dilemma.pk),
                help_text=_("-2 = geheel de eerste pool, 0 = in balans, 2 = geheel de tweede pool."),
            )
        if not self.dilemmas and not self.fields["role_level"].queryset.exists():
            del self.fields["role_level"]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "code": data["code"],
            "description": data["description"],
            "characteristic": data["characteristic"],
            "parent": data.get("parent"),
            "role_level": data.get("role_level"),
            "expertise_areas": _lines(data["expertise_areas"]),
            "tasks": _lines(data["tasks"]),
            "dilemma_positions": {d.pk: data.get(f"dilemma_{d.pk}") for d in self.dilemmas},
            "hr21": (data["hr21_family"], data["hr21_name"], data["hr21_code"]),
        }


class ProfileCompetencyAddForm(PlainChoicesMixin, forms.Form):
    competency = forms.ModelChoiceField(label=_("Competentie"), queryset=Competency.objects.none())
    required_level = forms.ModelChoiceField(
        label=_("Vereist niveau"), queryset=ProficiencyLevel.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Toelichting voor deze rol"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, profile: Profile, competencies, levels, **kwargs):
        super().__init__(*args, **kwargs)
        taken = {pc.competency_id for pc in profile.profile_competencies.all()}
        self.fields["competency"].queryset = Competency.objects.filter(
            pk__in=[c.pk for c in competencies if c.pk not in taken]
        ).order_by("order", "name")
        self.fields["required_level"].queryset = levels


class ProfileCompetencyForm(PlainChoicesMixin, _LevelChoiceMixin, forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    required_level = forms.ChoiceField(
        label=_("Vereist niveau"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )
    note = forms.CharField(
        label=_("Toelichting voor deze rol"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, levels, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault("initial", {}).update(
                {"required_level": instance.required_level_id, "note": instance.note, "revision": instance.revision}
            )
        super().__init__(*args, **kwargs)
        self._setup_level("required_level", levels)

    def clean_required_level(self):
        return self._clean_level("required_level")


class DeriveForm(PlainChoicesMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Voor organisatie"), queryset=Organisation.objects.none())
    name = forms.CharField(label=_("Naam van het nieuwe framework"), max_length=200)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]
            self.fields["organisation"].widget = forms.HiddenInput()


class ReviewerInviteForm(PlainChoicesMixin, forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Collega"), queryset=get_user_model().objects.none())

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = get_user_model().objects.filter(pk__in=[u.pk for u in candidates])
        self.fields["reviewer"].label_from_instance = lambda u: u.get_full_name() or u.get_username()


class ReviewCommentForm(PlainChoicesMixin, forms.Form):
    subject = forms.ChoiceField(label=_("Opmerking over"))
    text = forms.CharField(label=_("Opmerking"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for competency in framework.competencies.all():
            group = [(f"c-{competency.pk}", _("De competentie als geheel"))]
            group += [(f"i-{i.pk}", i.text[:90]) for i in competency.indicators.all()]
            group += [
                (f"i-{i.pk}", f"{pc.profile.name}: {i.text[:80]}")
                for pc in competency.profile_competencies.all()
                for i in pc.indicators.all()
            ]
            choices.append((competency.name, group))
        self.fields["subject"].choices = choices

    def subject_kind_and_id(self) -> tuple[str, int]:
        kind, _sep, pk = self.cleaned_data["subject"].partition("-")
        return kind, int(pk)


class ScaleChoiceForm(forms.Form):
    """Pick the framework's beoordelingsschaal: a copy of an existing one, or an own scale of N points."""

    OWN = "eigen"

    choice = forms.ChoiceField(label=_("Beoordelingsschaal"), widget=forms.RadioSelect)
    points = forms.TypedChoiceField(
        label=_("Aantal punten van de eigen schaal"),
        coerce=int,
        required=False,
        choices=[(n, str(n)) for n in range(2, 11)],
        initial=5,
    )

    def __init__(self, *args, scales, **kwargs):
        super().__init__(*args, **kwargs)
        self.scales = {str(scale.pk): scale for scale in scales}
        self.fields["choice"].choices = [(pk, scale.name) for pk, scale in self.scales.items()] + [
            (self.OWN, _("Een eigen schaal"))
        ]

    @property
    def chosen_scale(self):
        return self.scales.get(self.cleaned_data["choice"])


class QuestionSetForm(forms.ModelForm):
    class Meta:
        model = GuidingQuestionSet
        fields = ["name", "purpose", "description"]
        labels = {"purpose": _("Stap")}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class QuestionForm(forms.ModelForm):
    class Meta:
        model = GuidingQuestion
        fields = ["text", "help_text", "section"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "help_text": forms.Textarea(attrs={"rows": 2})}
