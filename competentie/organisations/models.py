"""An organisation and a user's membership of it, with the role that decides what they may do."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A gemeente, omgevingsdienst or sociale dienst. Members see only their own organisations' data."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's role in one organisation; a user may hold different roles in different organisations."""

    class Role(models.TextChoices):
        HR = "hr", _("HR / framework-auteur")
        SELECTEUR = "selecteur", _("Selecteur")
        MANAGEMENT = "mt", _("Managementteam")
        BEHEERDER = "beheerder", _("Beheerder")
        # The development programme (ontwikkeling): its participants and their coaches.
        DEELNEMER = "deelnemer", _("Deelnemer ontwikkelprogramma")
        BEGELEIDER = "begeleider", _("Begeleider (coach)")
        # An employee (medewerkers): sees their own record, assessments and development plan.
        MEDEWERKER = "medewerker", _("Medewerker")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    # Access review (BIO): when a beheerder last confirmed this membership and role (access_review.py).
    reviewed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["organisation_id", "user_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership_per_organisation"),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"
