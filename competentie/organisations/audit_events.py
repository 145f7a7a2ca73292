"""What the organisations app writes to the audit log, in words (rendered when read)."""

from django.utils.translation import gettext_lazy as _

from competentie import audit

from .models import Membership


def _role(value) -> str:
    try:
        return str(Membership.Role(value).label)
    except ValueError:
        return str(value)


def _membership(template):
    def render(params: dict) -> str:
        return str(template) % {**params, "role": _role(params.get("role")), "old": _role(params.get("old"))}

    return render


audit.register(
    {
        "organisation.created": _("Organisatie “%(name)s” aangemaakt."),
        "organisation.renamed": _("Organisatie “%(old)s” hernoemd tot “%(name)s”."),
        "membership.added": _membership(_("%(user)s toegevoegd als %(role)s.")),
        "membership.role_changed": _membership(_("Rol van %(user)s gewijzigd van %(old)s in %(role)s.")),
        "membership.confirmed": _membership(_("Rol %(role)s bevestigd bij de toegangscontrole.")),
        "membership.removed": _membership(_("%(user)s (%(role)s) uit de organisatie gehaald.")),
        "membership.deactivated": _membership(_("Account uitgezet (rol %(role)s): inloggen kan niet meer.")),
        "membership.activated": _membership(_("Account weer aangezet (rol %(role)s).")),
    }
)
