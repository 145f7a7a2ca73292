from django.db import models
from django.utils.translation import gettext_lazy as _


class Revisioned(models.Model):
    """A counter the services raise on every change, so a form opened on an older revision is refused."""

    revision = models.PositiveIntegerField(
        _("revisie"),
        default=1,
        editable=False,
        help_text=_("Telt op bij elke wijziging; weigert verouderde formulieren."),
    )

    class Meta:
        abstract = True
