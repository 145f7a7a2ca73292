"""Subscriptions between organisations (issue 29, item 6).

An organisation shares a framework (all its published versions) for subscription; another
organisation, on this installation or on another one through its CASE REST address, subscribes
to it, keeps its own copy, and adopts each new version item by item (frameworks/subscriptions.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FrameworkShare(models.Model):
    """The published versions of one framework are open to everyone: other organisations and CASE readers."""

    lineage = models.OneToOneField(
        "frameworks.Framework",
        verbose_name=_("framework (eerste versie)"),
        on_delete=models.CASCADE,
        related_name="share",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("gedeeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("gedeeld framework")
        verbose_name_plural = _("gedeelde frameworks")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.lineage)


class Subscription(models.Model):
    """An organisation follows a published framework elsewhere and adopts its new versions into its own copy.

    `snapshot` is the source's content as last adopted: {"document": …, "version": …, "title": …,
    "items": {key: {"kind", "identifier", "parent", "fields": {…}}}}, keyed by the item's lineage key
    (the identifier it had in the first version it appeared in), so the next version compares with it.
    `pending` is the last version fetched and not yet adopted, in the same form.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    source_framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("bron op deze installatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    source_url = models.URLField(_("CASE-adres van de bron"), max_length=1000, blank=True)
    source_lineage = models.CharField(_("identificatie van de bron"), max_length=100, blank=True)
    title = models.CharField(_("naam van de bron"), max_length=200)
    copy = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("eigen kopie"),
        on_delete=models.CASCADE,
        related_name="subscription_copies",
    )
    snapshot = models.JSONField(_("bron zoals overgenomen"), default=dict)
    pending = models.JSONField(_("nieuwe versie van de bron"), default=dict, blank=True)
    checked_at = models.DateTimeField(_("laatst gecontroleerd"), null=True, blank=True)
    check_error = models.TextField(_("fout bij controleren"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    @property
    def adopted_version(self) -> str:
        return str(self.snapshot.get("version", ""))

    @property
    def is_remote(self) -> bool:
        return bool(self.source_url)


class SubscriptionItem(models.Model):
    """Provenance of one item of the copy: which source item it is, from which source version."""

    class Kind(models.TextChoices):
        LEVEL = "level", _("Beheersingsniveau")
        CLUSTER = "cluster", _("Cluster")
        COMPETENCY = "competency", _("Competentie")
        INDICATOR = "indicator", _("Gedragsindicator")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    source_key = models.CharField(_("sleutel in de bron"), max_length=100)
    source_identifier = models.CharField(_("identificatie in de bron"), max_length=100)
    source_version = models.CharField(_("versie van de bron"), max_length=20)
    local_uuid = models.UUIDField(_("eigen item"))
    adopted_at = models.DateTimeField(_("overgenomen op"), auto_now=True)

    class Meta:
        verbose_name = _("overgenomen item")
        verbose_name_plural = _("overgenomen items")
        ordering = ["subscription_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "source_key"], name="subscription_item_once"),
        ]

    def __str__(self):
        return f"{self.kind} {self.source_key}"
