"""Authoring records: the stappenplan checklist and review. The change history is in the audit log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import Revisioned


class FrameworkStep(Revisioned):
    """One step of the guide's stappenplan, ticked by the author with the output it produced."""

    framework = models.ForeignKey("frameworks.Framework", on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("stap"))
    done = models.BooleanField(_("afgerond"), default=False)
    output = models.TextField(_("resultaat"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("stap van het stappenplan")
        verbose_name_plural = _("stappen van het stappenplan")
        ordering = ["framework_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="unique_step_per_framework"),
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=7), name="step_number_1_to_7"),
        ]

    def __str__(self):
        return f"{self.framework} – stap {self.number}"


class Reviewer(models.Model):
    """A colleague the author invited to review a framework (step 4 of the guide: valideer)."""

    framework = models.ForeignKey("frameworks.Framework", on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.CASCADE, related_name="reviews"
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

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        ordering = ["framework_id", "invited_at"]
        constraints = [models.UniqueConstraint(fields=["framework", "user"], name="unique_reviewer_per_framework")]

    def __str__(self):
        return f"{self.user} – {self.framework}"


class ReviewComment(models.Model):
    """A reviewer's remark on a competency or one of its indicators; the author resolves it."""

    framework = models.ForeignKey("frameworks.Framework", on_delete=models.CASCADE, related_name="review_comments")
    competency = models.ForeignKey(
        "frameworks.Competency",
        verbose_name=_("competentie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_comments",
    )
    indicator = models.ForeignKey(
        "frameworks.BehaviouralIndicator",
        verbose_name=_("gedragsindicator"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("opmerking"))
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reviewopmerking")
        verbose_name_plural = _("reviewopmerkingen")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
