from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PeerReview(models.Model):
    """A reviewer from a peer organisation, invited to read this one round (collegiale toetsing)."""

    round = models.ForeignKey("zelfevaluatie.EvaluationRound", on_delete=models.CASCADE, related_name="peer_reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("collega"), on_delete=models.CASCADE, related_name="peer_reviews"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("collega-organisatie"),
        on_delete=models.PROTECT,
        related_name="peer_reviews_given",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)
    host_notes = models.TextField(
        _("aantekeningen van de eigen organisatie"),
        blank=True,
        help_text=_("Wat de eigen organisatie uit het gesprek met deze collega meeneemt."),
    )
    host_notes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aantekeningen vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("collegiale toetsing")
        verbose_name_plural = _("collegiale toetsingen")
        ordering = ["round_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "reviewer"], name="unique_reviewer_per_round"),
        ]

    def __str__(self):
        return f"{self.reviewer} ({self.organisation}) – {self.round}"


class PeerReviewNote(models.Model):
    """A reviewer's notes on one step-2 hulpvraag."""

    peer_review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="notes")
    question = models.ForeignKey(
        "frameworks.GuidingQuestion", verbose_name=_("hulpvraag"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("aantekeningen"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("aantekening collegiale toetsing")
        verbose_name_plural = _("aantekeningen collegiale toetsing")
        ordering = ["peer_review_id", "question_id"]
        constraints = [
            models.UniqueConstraint(fields=["peer_review", "question"], name="unique_note_per_review_question"),
        ]

    def __str__(self):
        return self.text[:80]


class PeerSuggestion(models.Model):
    """A reviewer's suggestions for one profile; step 3 shows them beside the conclusion questions."""

    peer_review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="suggestions")
    profile = models.ForeignKey(
        "frameworks.Profile", verbose_name=_("profiel"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("suggesties"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("suggestie collegiale toetsing")
        verbose_name_plural = _("suggesties collegiale toetsing")
        ordering = ["peer_review_id", "profile_id"]
        constraints = [
            models.UniqueConstraint(fields=["peer_review", "profile"], name="unique_suggestion_per_review_profile"),
        ]

    def __str__(self):
        return self.text[:80]
