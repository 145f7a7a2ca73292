"""360° feedback (issue 26, point 3): the raters an employee invites for a cycle.

A colleague is invited by account; someone outside the organisation (a ketenpartner, a klant) by
name and e-mail address, and answers through a personal link (competentie/links.py: only the
token's hash is kept; the link works once and expires). A response is an `Assessment` of kind
colleague or outside (medewerkers/models/cycles.py); what others see of it is only the aggregate
per rater group of 3 or more (medewerkers/feedback.py). The name and address of an outside rater
are personal data: they go with the raw responses when the retention period ends.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RaterInvitation(models.Model):
    class Group(models.TextChoices):
        # The same codes as Assessment.Kind, so a response carries its group.
        COLLEAGUE = "colleague", _("collega's")
        OUTSIDE = "outside", _("ketenpartners en klanten")

    cycle = models.ForeignKey("medewerkers.AssessmentCycle", on_delete=models.CASCADE, related_name="rater_invitations")
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="rater_invitations"
    )
    group = models.CharField(_("groep"), max_length=20, choices=Group.choices)
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("collega"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg voor iemand van buiten de organisatie."),
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    assessment = models.OneToOneField(
        "medewerkers.Assessment", on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )
    sent_at = models.DateTimeField(_("verstuurd op"))
    expires_at = models.DateTimeField(_("verloopt op"))
    responded_at = models.DateTimeField(_("ingevuld op"), null=True, blank=True)
    declined_at = models.DateTimeField(_("afgeslagen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging 360°-feedback")
        verbose_name_plural = _("uitnodigingen 360°-feedback")
        ordering = ["cycle_id", "employee_id", "group", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "employee", "rater"],
                condition=models.Q(rater__isnull=False),
                name="one_invitation_per_colleague",
            ),
        ]

    def __str__(self):
        return self.get_group_display()  # never the rater's name: it would show in logs

    @property
    def used_at(self):
        """A link is used once it was answered or declined (single-use)."""
        return self.responded_at or self.declined_at


# The event wording of 360° feedback and the portfolio (loaded with the models; audit_events.py is 26a's).
from .. import feedback_audit_events  # noqa: E402, F401
