"""An organisation's theme: a handful of design tokens and an optional logo (no personal data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .tokens import DEFAULT, FONT_CHOICES, Tokens


class Theme(models.Model):
    """The house style of one organisation; without one, the default NL Design System tokens apply."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="theme",
    )
    primary_color = models.CharField(_("hoofdkleur"), max_length=7, default=DEFAULT.primary_color)
    header_background_color = models.CharField(
        _("achtergrond van de kopbalk"), max_length=7, default=DEFAULT.header_background_color
    )
    header_text_color = models.CharField(_("tekst in de kopbalk"), max_length=7, default=DEFAULT.header_text_color)
    font = models.CharField(_("lettertype"), max_length=20, choices=FONT_CHOICES, default=DEFAULT.font)
    heading_font = models.CharField(
        _("lettertype van de koppen"), max_length=20, choices=FONT_CHOICES, default=DEFAULT.heading_font
    )
    # The logo itself (PNG or JPEG, checked on upload), kept in the database so that every web and
    # worker process, e-mail and PDF reads the same bytes without a shared media folder.
    logo = models.BinaryField(_("logo"), null=True, blank=True, editable=False)
    logo_content_type = models.CharField(_("soort logo"), max_length=20, blank=True, editable=False)
    # Raised on every save: the stylesheet and logo URLs carry it, so browsers may cache them for good.
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("huisstijl")
        verbose_name_plural = _("huisstijlen")
        ordering = ["organisation_id"]

    def __str__(self):
        return str(self.organisation)

    @property
    def tokens(self) -> Tokens:
        return Tokens(
            primary_color=self.primary_color,
            header_background_color=self.header_background_color,
            header_text_color=self.header_text_color,
            font=self.font,
            heading_font=self.heading_font,
        )
