"""What a provider login writes to the audit log, in words (rendered when read)."""

from django.utils.translation import gettext_lazy as _

from competentie import audit

from .services import REFUSALS


def _login(params: dict) -> str:
    if params.get("mfa"):
        return str(
            _("Ingelogd via de identiteitsprovider van de organisatie, met tweestapsverificatie van de provider.")
        )
    return str(_("Ingelogd via de identiteitsprovider van de organisatie."))


def _refused(params: dict) -> str:
    reason = REFUSALS.get(params.get("reason"), params.get("reason", ""))
    return str(_("Inloggen via de identiteitsprovider geweigerd: %(reason)s")) % {"reason": reason}


audit.register(
    {
        "oidc.login": _login,
        "oidc.linked": _("Bestaand account gekoppeld aan de identiteitsprovider van de organisatie."),
        "oidc.refused": _refused,
        "oidc.provider_saved": _("Identiteitsprovider %(issuer)s ingesteld."),
    }
)
