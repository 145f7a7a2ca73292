import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competentie.fragments import FragmentOwner

from .base import Revisioned
from .querysets import FrameworkPartQuerySet, FrameworkQuerySet


def identifier_field():
    """A globally unique identifier given once and kept for ever (CASE `identifier`, JSON `uuid`)."""
    return models.UUIDField(_("identificatie"), default=uuid.uuid4, unique=True, editable=False)


class Identified:
    """For models with an identifier_field: full_clean does not ask the database whether a fresh uuid4
    is unique (the unique index still guarantees it), so a save costs what it cost before."""

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude={*(exclude or ()), "uuid"})


def interchange_field():
    """What another tool's file said that the model has no place for, kept verbatim to write it back.

    {"case": {"item": {…the CFItem as imported…}, "mapped": {…what the import made of it…}},
     "moodle": {"idnumber": …, …}}; empty for content written in the app.
    """
    return models.JSONField(_("uitwisselgegevens"), default=dict, blank=True, editable=False)


class Framework(Identified, Revisioned, FragmentOwner):
    """A competency framework. Without an organisation it is a seeded library, readable by everyone."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        REVIEW = "review", _("In review")
        PILOT = "pilot", _("Pilot")
        ADOPTED = "vastgesteld", _("Vastgesteld")
        ARCHIVED = "gearchiveerd", _("Gearchiveerd")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="frameworks",
        help_text=_("Leeg voor een openbare bibliotheek die iedereen mag lezen."),
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("doel"), blank=True)
    target_group = models.TextField(_("doelgroep"), blank=True)
    source = models.TextField(_("bron"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    is_dictionary = models.BooleanField(
        _("competentiewoordenboek"),
        default=False,
        help_text=_("Een woordenboek levert competenties waaruit auteurs kunnen kiezen."),
    )
    version = models.PositiveIntegerField(_("versie"), default=1)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("gebaseerd op"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="derived_frameworks",
    )
    first_version = models.ForeignKey(
        "self",
        verbose_name=_("eerste versie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="later_versions",
        help_text=_("Leeg bij de eerste versie; verbindt alle versies van hetzelfde framework."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    uuid = identifier_field()
    interchange = interchange_field()

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("competentieframework")
        verbose_name_plural = _("competentieframeworks")
        ordering = ["name", "-version"]

    def __str__(self):
        return f"{self.name} (v{self.version})"

    @property
    def is_library(self) -> bool:
        return self.organisation_id is None

    @property
    def lineage_id(self) -> int:
        """The same for every version of one framework: the first version's key."""
        return self.first_version_id or self.pk

    @property
    def is_frozen(self) -> bool:
        """A published version (or a seeded library) never changes; selections and rounds rest on it."""
        return self.is_library or self.published_at is not None


class Cluster(Identified, Revisioned):
    """A grouping of competencies inside a framework, such as PiCompany's six clusters."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="clusters")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("valt onder"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Leeg voor een cluster direct onder het framework; zo houdt een diepere indeling haar vorm."),
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    uuid = identifier_field()
    interchange = interchange_field()

    objects = FrameworkPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["framework_id", "order", "pk"]

    def __str__(self):
        return self.name


class ProficiencyLevel(Identified, Revisioned):
    """An ordered beheersingsniveau of a framework (beginner, gevorderd, expert …)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("omschrijving"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    uuid = identifier_field()
    interchange = interchange_field()

    objects = FrameworkPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("beheersingsniveau")
        verbose_name_plural = _("beheersingsniveaus")
        ordering = ["framework_id", "order", "pk"]

    def __str__(self):
        return self.name


class Competency(Identified, Revisioned):
    class Kind(models.TextChoices):
        KNOWLEDGE = "kennis", _("Kennis")
        SKILL = "vaardigheid", _("Vaardigheid")
        ATTITUDE = "attitude", _("Attitude")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="competencies")
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="competencies",
    )
    name = models.CharField(_("naam"), max_length=200)
    definition = models.TextField(_("definitie"), blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, blank=True)
    hard_to_learn = models.BooleanField(
        _("moeilijk aan te leren"),
        default=False,
        help_text=_("Moeilijk aan te leren: selecteer hierop in plaats van erop op te leiden."),
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    derived_from = models.ForeignKey(
        "self",
        verbose_name=_("afgeleid van"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="derivatives",
    )
    esco_uri = models.URLField(
        _("ESCO-adres"), max_length=500, blank=True, help_text=_("De vaardigheid in ESCO die hetzelfde betekent.")
    )
    competentnl_uri = models.URLField(
        _("CompetentNL-adres"),
        max_length=500,
        blank=True,
        help_text=_("De vaardigheid in CompetentNL die hetzelfde betekent."),
    )
    uuid = identifier_field()
    interchange = interchange_field()

    objects = FrameworkPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        ordering = ["framework_id", "order", "name"]

    def __str__(self):
        return self.name


class BehaviouralIndicator(Identified, Revisioned):
    """Observable behaviour: generic for a competency (optionally per level) or specific to a profile.

    Divosa's gedragsvoorbeelden and VTH's toelichtingen belong to a competency *within a
    profile*; the Rotterdam indicators belong to the competency itself.
    """

    competency = models.ForeignKey(
        Competency,
        verbose_name=_("competentie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    profile_competency = models.ForeignKey(
        "frameworks.ProfileCompetency",
        verbose_name=_("competentie in profiel"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    level = models.ForeignKey(
        ProficiencyLevel,
        verbose_name=_("beheersingsniveau"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    text = models.TextField(_("gedragsindicator"))
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    uuid = identifier_field()
    interchange = interchange_field()

    class Meta:
        verbose_name = _("gedragsindicator")
        verbose_name_plural = _("gedragsindicatoren")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(competency__isnull=False, profile_competency__isnull=True)
                | Q(competency__isnull=True, profile_competency__isnull=False),
                name="indicator_belongs_to_competency_or_profile_competency",
            ),
        ]

    def __str__(self):
        return self.text[:80]


class Association(models.Model):
    """A CASE association that the tree of the model does not already say, kept with its identifier.

    exactMatchOf, isRelatedTo, precedes, exemplar … from an imported package, and the package's own
    isChildOf / hasSkillLevel edges (so their identifiers and sequence numbers survive a round trip).
    `data` is the CFAssociation as it was read; the ends are also in columns to find them.
    """

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="associations")
    uuid = identifier_field()
    association_type = models.CharField(_("soort"), max_length=50)
    origin = models.CharField(_("van"), max_length=500)
    destination = models.CharField(_("naar"), max_length=500)
    primary = models.BooleanField(
        _("boomrelatie"), default=False, help_text=_("De plaats in de boom die het model zelf ook kent.")
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    data = models.JSONField(_("zoals gelezen"), default=dict)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        ordering = ["framework_id", "order", "pk"]

    def __str__(self):
        return f"{self.origin} {self.association_type} {self.destination}"
