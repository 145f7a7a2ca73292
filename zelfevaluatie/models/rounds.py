from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.fragments import FragmentOwner


class EvaluationRound(FragmentOwner):
    """One biennial self-evaluation of an organisation against the profiles of a frozen framework."""

    class Status(models.TextChoices):
        # Two statuses that mean something: while open, members score, discuss and agree; once
        # finished, everything is read-only. (A separate "concept" status behaved the same as open.)
        IN_PROGRESS = "in_behandeling", _("Lopend")
        FINISHED = "afgerond", _("Afgerond")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="evaluation_rounds",
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="evaluation_rounds",
    )
    scale = models.ForeignKey(
        "frameworks.RatingScale",
        verbose_name=_("beoordelingsschaal"),
        on_delete=models.PROTECT,
        related_name="evaluation_rounds",
    )
    period = models.CharField(_("periode"), max_length=50, help_text=_("Bijvoorbeeld 2025–2026."))
    contact_name = models.CharField(_("naam contactpersoon"), max_length=200, blank=True)
    contact_function = models.CharField(_("functie contactpersoon"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    lineage = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("frameworkreeks"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Het framework waar deze versie uiteindelijk van afstamt (bibliotheek → eigen kopie → versies)."),
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leidt het gesprek en legt samen met de deelnemers de afgesproken scores vast."),
    )
    team_opened_at = models.DateTimeField(_("teamoverzicht vroeg geopend op"), null=True, blank=True)
    team_opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teamoverzicht vroeg geopend door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    team_opened_reason = models.TextField(_("reden om het teamoverzicht vroeg te openen"), blank=True)
    previous_round = models.ForeignKey(
        "self",
        verbose_name=_("vorige ronde"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_rounds",
    )
    framework_version = models.PositiveIntegerField(_("versie van het framework"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    finished_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("zelfevaluatieronde")
        verbose_name_plural = _("zelfevaluatierondes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One open round per framework lineage per organisation: actions carry forward into
            # the next round only when the previous one is finished.
            models.UniqueConstraint(
                fields=["organisation", "lineage"],
                condition=~models.Q(status="afgerond"),
                name="one_open_round_per_lineage",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.period}"

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.FINISHED

    @property
    def team_opened_early(self) -> bool:
        return self.team_opened_at is not None


class RoundProfile(models.Model):
    """A profile the round evaluates, with a snapshot of its content as it was when the round started.

    A later round compares fingerprints to tell whether the profile itself changed in between.
    """

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="round_profiles")
    profile = models.ForeignKey(
        "frameworks.Profile", verbose_name=_("profiel"), on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    snapshot = models.JSONField(_("inhoud van het profiel"), default=dict)
    fingerprint = models.CharField(_("vingerafdruk"), max_length=64)
    scorers = models.ManyToManyField(
        "zelfevaluatie.Participant",
        verbose_name=_("scoren dit profiel"),
        blank=True,
        related_name="assigned_profiles",
        help_text=_("Leeg: alle deelnemers scoren dit profiel."),
    )

    class Meta:
        verbose_name = _("profiel in ronde")
        verbose_name_plural = _("profielen in ronde")
        ordering = ["round_id", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "profile"], name="unique_profile_per_round"),
        ]

    def __str__(self):
        return f"{self.round}: {self.profile}"


class Participant(models.Model):
    """A member of the organisation invited to score the profiles."""

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="evaluation_participations",
    )
    invited_at = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["round_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="unique_participant_per_round"),
        ]

    def __str__(self):
        return display_name(self.user)


def display_name(user) -> str:
    from competentie.accounts.names import display_name as name_of

    return name_of(user)
