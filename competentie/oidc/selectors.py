"""Reads: which provider serves an e-mail address, an organisation, a login flow."""

from django.db.models import QuerySet

from .models import ExternalIdentity, IdentityProvider


def provider_list() -> QuerySet[IdentityProvider]:
    """Enabled providers, for the login page's choice list."""
    return IdentityProvider.objects.filter(enabled=True).select_related("organisation")


def provider_get(*, pk) -> IdentityProvider | None:
    try:
        return provider_list().get(pk=int(pk))
    except (IdentityProvider.DoesNotExist, TypeError, ValueError):
        return None


def provider_for_email(*, email: str) -> IdentityProvider | None:
    domain = email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""
    if not domain:
        return None
    for provider in provider_list():
        if domain in provider.domains:
            return provider
    return None


def identity_for_subject(*, issuer: str, subject: str) -> ExternalIdentity | None:
    return ExternalIdentity.objects.select_related("user", "provider").filter(issuer=issuer, subject=subject).first()


def password_login_refused(*, user) -> bool:
    """Does an organisation of this user allow login through its provider only?"""
    return IdentityProvider.objects.filter(
        organisation__memberships__user=user, enabled=True, password_login_allowed=False
    ).exists()
