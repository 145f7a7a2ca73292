from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.revisions import Revisioned


class Action(Revisioned):
    """A SMART action of the action plan, for one profile or overarching (no profile)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_uitvoering", _("In uitvoering")
        DONE = "afgerond", _("Afgerond")
        DROPPED = "vervallen", _("Vervallen")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    round = models.ForeignKey("zelfevaluatie.EvaluationRound", on_delete=models.CASCADE, related_name="actions")
    profile = models.ForeignKey(
        "frameworks.Profile",
        verbose_name=_("profiel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg voor een overkoepelende actie."),
    )
    what = models.TextField(_("wat gaan we doen?"))
    measure = models.TextField(_("beoogd resultaat (meetbaar)"))
    owner = models.CharField(_("eigenaar"), max_length=200)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("overgenomen uit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_into",
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["round_id", "deadline", "pk"]

    def __str__(self):
        return self.what[:80]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES
