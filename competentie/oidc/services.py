"""The rules of a login through an organisation's provider.

- An account is found by (issuer, sub) only, in the link table; never by e-mail alone.
- A new sub is linked to an existing account only within the provider's organisation: a verified
  e-mail address of exactly one account that belongs to that organisation alone (no other
  organisation, no platform operator). Otherwise a new account is made. An account linked to one
  provider is never found through another.
- The groups in the claim decide the member's role in that organisation, at every login: a group
  that is gone takes its role (or the whole membership) with it.
- The provider's MFA (`amr`, or `acr` at a configured level) counts as our second step.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competentie import audit
from competentie.organisations.models import Membership

from . import selectors
from .models import ExternalIdentity, IdentityProvider

Role = Membership.Role
# One role per organisation (Membership): when several groups map, the widest role wins.
ROLE_PRECEDENCE = [Role.BEHEERDER, Role.HR, Role.MANAGEMENT, Role.SELECTEUR, Role.BEGELEIDER, Role.DEELNEMER]

REFUSALS = {
    "other_provider": _("Dit account hoort bij een andere organisatie."),
    "inactive": _("Uw account staat uit. Neem contact op met de beheerder van uw organisatie."),
    "no_role": _("Uw organisatie heeft u (nog) geen rol in Competentie gegeven. Vraag dit aan uw beheerder."),
    "no_subject": _("De identiteitsprovider gaf geen herkenbare gebruiker door."),
}


class LoginRefused(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code

    @property
    def message(self) -> str:
        return str(REFUSALS[self.code])


@dataclass
class LoginOutcome:
    user: object
    mfa: bool
    created: bool = False
    linked: bool = False
    changes: list[str] = field(default_factory=list)
    refused: str | None = None


def mfa_satisfied(*, provider: IdentityProvider, claims: dict) -> bool:
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if provider.amr_values & {str(value).lower() for value in amr}:
        return True
    acr = str(claims.get("acr") or "").lower()
    return bool(acr) and acr in provider.acr_values


def groups_in(*, provider: IdentityProvider, claims: dict) -> set[str]:
    groups = claims.get(provider.group_claim) or []
    if isinstance(groups, str):
        groups = [groups]
    return {str(group) for group in groups}


def role_for_groups(*, provider: IdentityProvider, groups: set[str]) -> str | None:
    roles = {mapping.role for mapping in provider.group_roles.all() if mapping.group in groups}
    return next((role for role in ROLE_PRECEDENCE if role in roles), None)


def _username(claims: dict) -> str:
    User = get_user_model()
    base = (claims.get("preferred_username") or claims.get("email") or f"oidc-{claims['sub']}")[:140]
    candidate, number = base, 1
    while User.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _link_candidate(*, provider: IdentityProvider, claims: dict):
    """An existing account this new sub may be: only inside the provider's organisation."""
    email = (claims.get("email") or "").strip()
    if not email or claims.get("email_verified") is not True:
        return None
    User = get_user_model()
    users = list(
        User.objects.filter(email__iexact=email, is_superuser=False, is_staff=False)
        .filter(memberships__organisation=provider.organisation)
        .exclude(external_identities__provider=provider)
        .distinct()
    )
    if len(users) != 1:
        return None
    user = users[0]
    if Membership.objects.filter(user=user).exclude(organisation=provider.organisation).exists():
        return None  # a member of another organisation too: this provider does not speak for it
    return user


def identity_match(*, provider: IdentityProvider, claims: dict) -> tuple[ExternalIdentity, bool, bool]:
    """The link for (issuer, sub): existing, linked to an account of the organisation, or new."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise LoginRefused("no_subject")
    link = selectors.identity_for_subject(issuer=provider.issuer, subject=subject)
    if link is not None:
        if link.provider_id != provider.pk:
            raise LoginRefused("other_provider")
        return link, False, False
    user = _link_candidate(provider=provider, claims=claims)
    created = user is None
    if created:
        User = get_user_model()
        user = User(username=_username(claims), email=claims.get("email") or "")
        user.set_unusable_password()
        user.save()
    link = ExternalIdentity.objects.create(provider=provider, user=user, issuer=provider.issuer, subject=subject)
    return link, created, not created


def _profile_update(user, claims: dict) -> None:
    fields = {"first_name": claims.get("given_name"), "last_name": claims.get("family_name")}
    if claims.get("email_verified") is True and claims.get("email"):
        fields["email"] = claims["email"]
    changed = [name for name, value in fields.items() if value and getattr(user, name) != value[:150]]
    for name in changed:
        setattr(user, name, fields[name][:150] if name != "email" else fields[name])
    if changed:
        user.save(update_fields=changed)


def membership_sync(*, provider: IdentityProvider, user, groups: set[str]) -> list[str]:
    """Make the member's role in the organisation what the groups say; record each change."""
    organisation = provider.organisation
    role = role_for_groups(provider=provider, groups=groups)
    membership = Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
    name = user.get_username()
    if membership is None and role is not None:
        membership = Membership.objects.create(user=user, organisation=organisation, role=role)
        audit.record(None, membership, "membership.added", within=organisation, user=name, role=role, source="oidc")
        return ["added"]
    if membership is not None and role is None:
        audit.record(
            None, membership, "membership.removed", within=organisation, user=name, role=membership.role, source="oidc"
        )
        membership.delete()
        return ["removed"]
    if membership is not None and membership.role != role:
        old, membership.role = membership.role, role
        membership.save(update_fields=["role"])
        audit.record(
            None,
            membership,
            "membership.role_changed",
            within=organisation,
            user=name,
            old=old,
            role=role,
            source="oidc",
        )
        return ["role_changed"]
    return []


@transaction.atomic
def oidc_login(*, provider: IdentityProvider, claims: dict) -> LoginOutcome:
    """Everything a provider login decides, in one transaction; raises LoginRefused before any write."""
    link, created, linked = identity_match(provider=provider, claims=claims)
    user = link.user
    if not user.is_active:
        raise LoginRefused("inactive")
    _profile_update(user, claims)
    changes = membership_sync(provider=provider, user=user, groups=groups_in(provider=provider, claims=claims))
    mfa = mfa_satisfied(provider=provider, claims=claims)
    if linked:
        audit.record(user, link, "oidc.linked", within=provider.organisation)
    if not Membership.objects.filter(user=user, organisation=provider.organisation).exists():
        # The removal above stays: the refusal only ends this login.
        # Refused, but the removal above is kept: the outcome says so instead of raising.
        audit.record(user, link, "oidc.refused", within=provider.organisation, reason="no_role")
        return LoginOutcome(user=user, mfa=mfa, created=created, linked=linked, changes=changes, refused="no_role")
    link.last_login_at = timezone.now()
    link.save(update_fields=["last_login_at"])
    audit.record(user, link, "oidc.login", within=provider.organisation, mfa=mfa, created=created)
    return LoginOutcome(user=user, mfa=mfa, created=created, linked=linked, changes=changes)
