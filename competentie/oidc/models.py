"""An organisation's identity provider and the link between a provider's person (issuer + sub) and an account."""

import os
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.organisations.models import Membership

SECRET_ENV_PATTERN = re.compile(r"^OIDC_[A-Z0-9_]+$")


def _split(value: str) -> list[str]:
    return [item.strip().lower() for item in value.replace(";", ",").split(",") if item.strip()]


class IdentityProvider(models.Model):
    """One organisation's OpenID Connect provider (Entra ID, Keycloak, ADFS …)."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="identity_provider",
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        help_text=_("Het adres van de provider; de app leest er /.well-known/openid-configuration."),
    )
    client_id = models.CharField(_("client-id"), max_length=200)
    secret_env = models.CharField(
        _("omgevingsvariabele met het clientgeheim"),
        max_length=100,
        help_text=_(
            "De naam van de variabele, bijvoorbeeld OIDC_AADORP_SECRET. Het geheim zelf staat niet in de database."
        ),
    )
    scopes = models.CharField(_("scopes"), max_length=200, default="openid email profile groups")
    signing_algorithm = models.CharField(_("ondertekening van het ID-token"), max_length=10, default="RS256")
    group_claim = models.CharField(_("claim met de groepen"), max_length=100, default="groups")
    email_domains = models.CharField(
        _("e-maildomeinen"),
        max_length=500,
        blank=True,
        help_text=_("Komma-gescheiden, bijvoorbeeld aadorp.nl. Zo vindt de inlogpagina deze provider."),
    )
    password_login_allowed = models.BooleanField(
        _("inloggen met wachtwoord toegestaan"),
        default=True,
        help_text=_("Uit: leden van deze organisatie kunnen alleen via de provider inloggen."),
    )
    mfa_amr_values = models.CharField(
        _("amr-waarden die als tweestapsverificatie tellen"), max_length=200, default="mfa,otp,hwk,swk"
    )
    mfa_acr_values = models.CharField(_("acr-waarden die als tweestapsverificatie tellen"), max_length=300, blank=True)
    logout_at_provider = models.BooleanField(
        _("bij uitloggen ook uitloggen bij de provider"),
        default=True,
        help_text=_(
            "Aan: wie via de provider inlogde, wordt bij het uitloggen ook daar uitgelogd (als de provider dat aanbiedt)."
        ),
    )
    enabled = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("identiteitsprovider")
        verbose_name_plural = _("identiteitsproviders")
        ordering = ["organisation__name"]

    def __str__(self):
        return f"{self.organisation} ({self.issuer})"

    @property
    def domains(self) -> list[str]:
        return _split(self.email_domains)

    @property
    def amr_values(self) -> set[str]:
        return set(_split(self.mfa_amr_values))

    @property
    def acr_values(self) -> set[str]:
        return set(_split(self.mfa_acr_values))

    def client_secret(self) -> str:
        return os.environ.get(self.secret_env, "")

    def clean(self):
        if not SECRET_ENV_PATTERN.match(self.secret_env or ""):
            # Only variables named for this purpose: a provider must never be able to read SECRET_KEY.
            raise ValidationError(
                {
                    "secret_env": _(
                        "Gebruik een naam met hoofdletters die begint met OIDC_, bijvoorbeeld OIDC_AADORP_SECRET."
                    )
                }
            )
        others = IdentityProvider.objects.exclude(pk=self.pk)
        taken = {domain for other in others for domain in other.domains}
        clash = sorted(set(self.domains) & taken)
        if clash:
            raise ValidationError(
                {
                    "email_domains": _("Dit domein hoort al bij een andere organisatie: %(domains)s")
                    % {"domains": ", ".join(clash)}
                }
            )


class GroupRole(models.Model):
    """A group in the provider's claim that gives a role in the organisation."""

    provider = models.ForeignKey(
        IdentityProvider, verbose_name=_("identiteitsprovider"), on_delete=models.CASCADE, related_name="group_roles"
    )
    group = models.CharField(_("groep"), max_length=200)
    role = models.CharField(_("rol"), max_length=20, choices=Membership.Role.choices)

    class Meta:
        verbose_name = _("groep en rol")
        verbose_name_plural = _("groepen en rollen")
        ordering = ["provider_id", "group"]
        constraints = [models.UniqueConstraint(fields=["provider", "group"], name="oidc_one_role_per_group")]

    def __str__(self):
        return f"{self.group} → {self.role}"


class ExternalIdentity(models.Model):
    """This account is the person `subject` at `issuer`: the only way a provider login finds an account."""

    provider = models.ForeignKey(
        IdentityProvider, verbose_name=_("identiteitsprovider"), on_delete=models.PROTECT, related_name="identities"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="external_identities",
    )
    issuer = models.CharField(_("issuer"), max_length=300)
    subject = models.CharField(_("sub"), max_length=255)
    created_at = models.DateTimeField(_("gekoppeld op"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("laatst ingelogd"), null=True, blank=True)

    class Meta:
        verbose_name = _("koppeling met de identiteitsprovider")
        verbose_name_plural = _("koppelingen met de identiteitsprovider")
        ordering = ["provider_id", "user_id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="oidc_one_account_per_subject"),
            models.UniqueConstraint(fields=["provider", "user"], name="oidc_one_subject_per_account"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.issuer}"
