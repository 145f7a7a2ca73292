"""A development programme designed along the guide's six steps, on a published framework version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import KolbStage, LearningLevel, StakeholderRelation


class Programme(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="programmes"
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("competentieframework"),
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("Een gepubliceerde versie: de competenties en niveaus van het programma veranderen niet meer."),
    )
    name = models.CharField(_("naam"), max_length=200)
    # Stap 1: the three doel questions of the guide.
    goal_why = models.TextField(_("waarom dit programma"), blank=True)
    goal_yield = models.TextField(_("wat het oplevert"), blank=True)
    goal_contribution = models.TextField(_("waar het aan bijdraagt"), blank=True)
    # Stap 2: the analysis, ordered into the guide's three categories.
    analysis = models.TextField(_("analyse van de huidige situatie"), blank=True)
    strengths = models.TextField(_("sterke punten"), blank=True)
    challenges = models.TextField(_("uitdagingen"), blank=True)
    opportunities = models.TextField(_("ontwikkelkansen"), blank=True)
    # Stap 4: storyline.
    storyline = models.TextField(_("verhaallijn (storyline)"), blank=True)
    # Stap 5: implementation and communication.
    implementation_participants = models.TextField(_("implementatie en communicatie voor deelnemers"), blank=True)
    implementation_stakeholders = models.TextField(_("implementatie en communicatie voor belanghebbenden"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangemaakt door"), on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("ontwikkelprogramma")
        verbose_name_plural = _("ontwikkelprogramma's")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ProgrammePart(models.Model):
    """A row of a programme's design, kept in the order the programme team gave it."""

    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class Condition(ProgrammePart):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="conditions")
    text = models.CharField(_("randvoorwaarde"), max_length=300)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("randvoorwaarde")
        verbose_name_plural = _("randvoorwaarden")

    def __str__(self):
        return self.text


class PrincipleNote(models.Model):
    """How the programme meets one design principle (the checklist)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="principle_notes")
    principle = models.ForeignKey(
        "ontwikkeling.GuideText", verbose_name=_("ontwerpprincipe"), on_delete=models.PROTECT, related_name="+"
    )
    met = models.BooleanField(_("voldaan"), default=False)
    how = models.TextField(_("hoe het programma hieraan voldoet"), blank=True)

    class Meta:
        verbose_name = _("ontwerpprincipe van het programma")
        verbose_name_plural = _("ontwerpprincipes van het programma")
        ordering = ["principle__order"]
        constraints = [models.UniqueConstraint(fields=["programme", "principle"], name="unique_principle_note")]

    def __str__(self):
        return str(self.principle)


class Stakeholder(ProgrammePart):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stakeholders")
    who = models.CharField(_("wie"), max_length=200)
    role = models.CharField(_("rol"), max_length=300, blank=True)
    relation = models.CharField(
        _("invloed"), max_length=20, choices=StakeholderRelation.choices, default=StakeholderRelation.INFLUENCES
    )

    class Meta(ProgrammePart.Meta):
        verbose_name = _("belanghebbende")
        verbose_name_plural = _("belanghebbenden")

    def __str__(self):
        return self.who


class DesignSession(ProgrammePart):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="design_sessions")
    held_on = models.DateField(_("datum"), null=True, blank=True)
    topic = models.CharField(_("onderwerp"), max_length=200)
    outcome = models.TextField(_("uitkomst"), blank=True)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("designsessie")
        verbose_name_plural = _("designsessies")

    def __str__(self):
        return self.topic


class CommunicationEntry(ProgrammePart):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="communications")
    sent_on = models.DateField(_("datum"), null=True, blank=True)
    audience = models.CharField(_("aan wie"), max_length=200)
    message = models.TextField(_("wat is gedeeld"))

    class Meta(ProgrammePart.Meta):
        verbose_name = _("communicatiemoment")
        verbose_name_plural = _("communicatielogboek")

    def __str__(self):
        return self.audience


class Subtheme(ProgrammePart):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="subthemes")
    name = models.CharField(_("subthema"), max_length=200)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("subthema")
        verbose_name_plural = _("subthema's")

    def __str__(self):
        return self.name


class Phase(ProgrammePart):
    """A period of the programme (Rotterdam: three half-years), with its theme and central competencies."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("fase"), max_length=100)
    theme = models.CharField(_("thema"), max_length=200, blank=True)
    competencies = models.ManyToManyField(
        "frameworks.Competency", verbose_name=_("centrale competenties"), blank=True, related_name="+"
    )

    class Meta(ProgrammePart.Meta):
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def __str__(self):
        return self.name


class LearningLine(ProgrammePart):
    """A learning line behind one level of learning, carrying interventions."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="learning_lines")
    level = models.CharField(_("leerniveau"), max_length=20, choices=LearningLevel.choices)
    name = models.CharField(_("leerlijn"), max_length=200)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("leerlijn")
        verbose_name_plural = _("leerlijnen")

    def __str__(self):
        return self.name


class Intervention(ProgrammePart):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="interventions")
    line = models.ForeignKey(
        LearningLine, verbose_name=_("leerlijn"), on_delete=models.CASCADE, related_name="interventions"
    )
    phase = models.ForeignKey(Phase, verbose_name=_("fase"), on_delete=models.CASCADE, related_name="interventions")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(
        _("soort interventie"), max_length=100, help_text=_("Bijvoorbeeld training, intervisie of groepsopdracht.")
    )
    kolb_stage = models.CharField(_("fase in de leercyclus van Kolb"), max_length=30, choices=KolbStage.choices)
    competencies = models.ManyToManyField(
        "frameworks.Competency", verbose_name=_("competenties"), blank=True, related_name="+"
    )
    trainer = models.CharField(_("trainer"), max_length=200, blank=True)
    learning_goals = models.TextField(_("leerdoelen"), blank=True, help_text=_("Eén leerdoel per regel."))

    class Meta(ProgrammePart.Meta):
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")

    def __str__(self):
        return self.name

    @property
    def level(self) -> str:
        """The level of learning is the line's: an intervention sits on one line."""
        return self.line.level

    def get_level_display(self) -> str:
        return self.line.get_level_display()

    @property
    def goal_list(self) -> list[str]:
        return [goal.strip() for goal in self.learning_goals.splitlines() if goal.strip()]
