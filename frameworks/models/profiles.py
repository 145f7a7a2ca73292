from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Revisioned
from .querysets import FrameworkPartQuerySet, ProfileCompetencyQuerySet


class RoleLevel(models.Model):
    """VTH levelindeling: intra-persoonlijk, interpersoonlijk, interactief, iteratief."""

    framework = models.ForeignKey("frameworks.Framework", on_delete=models.CASCADE, related_name="role_levels")
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("omschrijving"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levelindeling")
        ordering = ["framework_id", "order", "pk"]

    def __str__(self):
        return self.name


class Dilemma(models.Model):
    """A tension within a role's expectations, e.g. "consolideren versus vernieuwen"."""

    framework = models.ForeignKey("frameworks.Framework", on_delete=models.CASCADE, related_name="dilemmas")
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemma's")
        ordering = ["framework_id", "order", "pk"]

    def __str__(self):
        return self.name

    @property
    def poles(self) -> tuple[str, str]:
        left, _sep, right = self.name.partition(" versus ")
        return left, right


class Profile(Revisioned):
    """A role, function or task profile; Divosa profiles have their hoofdtaken as children."""

    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.CASCADE,
        related_name="profiles",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hoofdprofiel"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    name = models.CharField(_("naam"), max_length=300)
    code = models.CharField(_("nummer"), max_length=20, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    characteristic = models.CharField(_("kenmerk"), max_length=300, blank=True)
    role_level = models.ForeignKey(
        RoleLevel,
        verbose_name=_("level"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    hr21_family = models.CharField(_("HR21-functiefamilie"), max_length=100, blank=True)
    hr21_name = models.CharField(_("HR21-normfunctie"), max_length=200, blank=True)
    hr21_code = models.CharField(_("HR21-code"), max_length=20, blank=True)

    objects = FrameworkPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")
        ordering = ["framework_id", "order", "pk"]

    def __str__(self):
        return self.name


class ProfileTask(models.Model):
    """A deeltaak of a (hoofdtaak) profile."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="tasks")
    text = models.TextField(_("deeltaak"))
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("deeltaak")
        verbose_name_plural = _("deeltaken")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]


class ExpertiseArea(models.Model):
    """A deskundigheidsgebied (VTH kwaliteitscriteria, bijlage B) that applies to a profile."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="expertise_areas")
    name = models.CharField(_("deskundigheidsgebied"), max_length=300)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("deskundigheidsgebied")
        verbose_name_plural = _("deskundigheidsgebieden")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class DilemmaPosition(models.Model):
    """Where a profile sits between the two poles of a dilemma: -2 (left pole) … +2 (right pole)."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="dilemma_positions")
    dilemma = models.ForeignKey(Dilemma, on_delete=models.CASCADE, related_name="positions")
    position = models.SmallIntegerField(
        _("positie"),
        validators=[MinValueValidator(-2), MaxValueValidator(2)],
        help_text=_("-2 = geheel de eerste pool, 0 = in balans, 2 = geheel de tweede pool."),
    )

    class Meta:
        verbose_name = _("positie op dilemma")
        verbose_name_plural = _("posities op dilemma's")
        ordering = ["profile_id", "dilemma_id"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "dilemma"], name="unique_dilemma_position_per_profile"),
            models.CheckConstraint(
                condition=models.Q(position__gte=-2, position__lte=2), name="dilemma_position_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.profile} – {self.dilemma}: {self.position}"


class ProfileCompetency(Revisioned):
    """A competency in a profile, with the required level and a note on its context in this role."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="profile_competencies")
    competency = models.ForeignKey(
        "frameworks.Competency",
        verbose_name=_("competentie"),
        on_delete=models.PROTECT,
        related_name="profile_competencies",
    )
    required_level = models.ForeignKey(
        "frameworks.ProficiencyLevel",
        verbose_name=_("vereist niveau"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("toelichting"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    objects = ProfileCompetencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("competentie in profiel")
        verbose_name_plural = _("competenties in profiel")
        ordering = ["profile_id", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "competency"], name="unique_competency_per_profile"),
        ]

    def __str__(self):
        return f"{self.profile}: {self.competency}"
