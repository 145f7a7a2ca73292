"""Scores, submissions, consensus and decisions. Their history is in the audit log."""

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
    criteria_version = models.ForeignKey(
        "selectie.CriteriaVersion",
        verbose_name=_("gegeven onder versie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scores",
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assignment_id", "competency_id"]
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
        ordering = ["candidate_id", "submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "selecteur"], name="unique_submission_per_selecteur"),
        ]

    def __str__(self):
        return f"{self.selecteur} – {self.candidate}"


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
        ordering = ["candidate_id", "competency_id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "competency"], name="unique_consensus_per_competency"),
        ]

    def __str__(self):
        return f"{self.candidate}: {self.competency} = {self.value}"


class ConsensusProposal(models.Model):
    """A panel member's suggestion or comment for a consensus; only the chair records the consensus."""

    candidate = models.ForeignKey("selectie.Candidate", on_delete=models.CASCADE, related_name="consensus_proposals")
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voorgesteld door"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.SmallIntegerField(_("voorgestelde score"), null=True, blank=True)
    comment = models.TextField(_("opmerking"))
    created_at = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("voorstel voor consensus")
        verbose_name_plural = _("voorstellen voor consensus")
        ordering = ["candidate_id", "competency_id", "created_at", "pk"]

    def __str__(self):
        return f"{self.candidate}: {self.competency} ({self.author})"


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
        ordering = ["candidate_id"]

    def __str__(self):
        return f"{self.candidate}: {self.get_outcome_display()}"
