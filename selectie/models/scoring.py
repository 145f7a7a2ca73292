"""Scores, submissions, the audit trail, consensus and decisions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.revisions import Revisioned


class Score(Revisioned):
    """One selecteur's score for one competency of one candidate in one exercise."""

    assignment = models.ForeignKey("selectie.Assignment", on_delete=models.CASCADE, related_name="scores")
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.SmallIntegerField(_("score"), null=True, blank=True)
    observed_indicators = models.ManyToManyField(
        "frameworks.BehaviouralIndicator", verbose_name=_("waargenomen gedrag"), blank=True, related_name="+"
    )
    evidence = models.TextField(_("wat zag en hoorde je"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assignment", "competency__order", "competency__pk"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "competency"], name="unique_score_per_assignment"),
        ]

    def __str__(self):
        return f"{self.assignment}: {self.competency} = {self.value}"


class Submission(models.Model):
    """A selecteur handed in all scores for a candidate; from then on they are locked."""

    candidate = models.ForeignKey("selectie.Candidate", on_delete=models.CASCADE, related_name="submissions")
    selecteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("selecteur"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("indiening")
        verbose_name_plural = _("indieningen")
        ordering = ["candidate", "submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "selecteur"], name="unique_submission_per_selecteur"),
        ]

    def __str__(self):
        return f"{self.selecteur} – {self.candidate}"


class ScoreChange(models.Model):
    """Audit trail: a change to a score after it was submitted (or to a consensus score)."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, null=True, blank=True, related_name="changes")
    consensus = models.ForeignKey(
        "selectie.ConsensusScore", on_delete=models.CASCADE, null=True, blank=True, related_name="changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("gewijzigd op"), auto_now_add=True)
    field = models.CharField(_("onderdeel"), max_length=40)
    old = models.TextField(_("oud"), blank=True)
    new = models.TextField(_("nieuw"), blank=True)
    reason = models.TextField(_("reden"))

    class Meta:
        verbose_name = _("wijziging van een score")
        verbose_name_plural = _("wijzigingen van scores")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.field}: {self.old} → {self.new}"


class ConsensusScore(Revisioned):
    candidate = models.ForeignKey("selectie.Candidate", on_delete=models.CASCADE, related_name="consensus_scores")
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.SmallIntegerField(_("consensusscore"))
    rationale = models.TextField(_("onderbouwing"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("vastgelegd op"), auto_now=True)

    class Meta:
        verbose_name = _("consensusscore")
        verbose_name_plural = _("consensusscores")
        ordering = ["candidate", "competency__order", "competency__pk"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "competency"], name="unique_consensus_per_competency"),
        ]

    def __str__(self):
        return f"{self.candidate}: {self.competency} = {self.value}"


class Decision(Revisioned):
    class Outcome(models.TextChoices):
        NEXT_ROUND = "door", _("Door naar de volgende ronde")
        RESERVE = "reserve", _("Reserve")
        REJECTED = "afgewezen", _("Afgewezen")

    candidate = models.OneToOneField("selectie.Candidate", on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(_("besluit"), max_length=20, choices=Outcome.choices)
    justification = models.TextField(
        _("onderbouwing"), help_text=_("Noem de competenties uit het profiel waarop het besluit rust.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("besloten op"), auto_now=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["candidate"]

    def __str__(self):
        return f"{self.candidate}: {self.get_outcome_display()}"


class PurgeLog(models.Model):
    """What personal data was removed, when, and by whom (a person or the daily command)."""

    procedure = models.ForeignKey(
        "selectie.SelectionProcedure", on_delete=models.SET_NULL, null=True, blank=True, related_name="purge_logs"
    )
    candidate = models.ForeignKey(
        "selectie.Candidate", on_delete=models.SET_NULL, null=True, blank=True, related_name="purge_logs"
    )
    candidate_code = models.CharField(_("kandidaatcode"), max_length=20)
    purged_at = models.DateTimeField(_("verwijderd op"), auto_now_add=True)
    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwijderd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    via = models.CharField(_("via"), max_length=40)
    description = models.TextField(_("wat is verwijderd"))

    class Meta:
        verbose_name = _("verwijderregistratie")
        verbose_name_plural = _("verwijderregistraties")
        ordering = ["-purged_at", "-pk"]

    def __str__(self):
        return f"{self.candidate_code} ({self.purged_at:%Y-%m-%d})"
