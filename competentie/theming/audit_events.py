"""What the theming app writes to the audit log, in words (rendered when read)."""

from django.utils.translation import gettext_lazy as _

from competentie import audit

audit.register(
    {
        "theme.saved": _("Huisstijl gewijzigd: hoofdkleur %(primary_color)s, kopbalk %(header_background_color)s."),
    }
)
