"""The rules of a login through an organisation's provider: matching, group mapping, removal, 2FA."""

import pytest
from django.test import RequestFactory, override_settings

from competentie.audit.models import AuditEvent
from competentie.oidc import services
from competentie.oidc.models import ExternalIdentity, GroupRole, IdentityProvider
from competentie.oidc.selectors import password_login_refused, provider_for_email
from competentie.oidc.views import PasswordLoginForm
from competentie.organisations.models import Membership
from competentie.security.twofactor import PROVIDER_MFA_SESSION_KEY, second_step_done
from tests.factories import make_user

pytestmark = pytest.mark.django_db
Role = Membership.Role


def make_provider(organisation, issuer, domain, **extra):
    provider = IdentityProvider.objects.create(
        organisation=organisation,
        issuer=issuer,
        client_id="competentie",
        secret_env="OIDC_TEST_SECRET",
        email_domains=domain,
        **extra,
    )
    GroupRole.objects.create(provider=provider, group="hr-team", role=Role.HR)
    GroupRole.objects.create(provider=provider, group="selectie", role=Role.SELECTEUR)
    GroupRole.objects.create(provider=provider, group="ict-beheer", role=Role.BEHEERDER)
    return provider


@pytest.fixture
def provider_a(org_a):
    return make_provider(org_a, "https://login.aadorp.example", "aadorp.nl")


@pytest.fixture
def provider_b(org_b):
    return make_provider(org_b, "https://sso.beekdal.example", "beekdal.nl")


def claims(sub="abc-1", email="ilse@aadorp.nl", groups=("selectie",), **extra):
    return {"sub": sub, "email": email, "email_verified": True, "groups": list(groups), **extra}


def role_of(user, organisation):
    return Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True).first()


def test_a_new_subject_creates_an_account_with_the_role_of_its_group(provider_a, org_a):
    outcome = services.oidc_login(provider=provider_a, claims=claims())
    assert outcome.created and role_of(outcome.user, org_a) == Role.SELECTEUR
    assert ExternalIdentity.objects.get(issuer=provider_a.issuer, subject="abc-1").user == outcome.user
    assert not outcome.user.has_usable_password()


def test_the_next_login_finds_the_account_by_issuer_and_sub_not_by_email(provider_a):
    first = services.oidc_login(provider=provider_a, claims=claims()).user
    again = services.oidc_login(provider=provider_a, claims=claims(email="ilse.nieuw@aadorp.nl")).user
    assert again == first
    other = services.oidc_login(provider=provider_a, claims=claims(sub="abc-2")).user
    assert other != first  # same e-mail, another person at the provider: another account


def test_a_local_account_of_the_organisation_is_linked_on_first_login(provider_a, org_a):
    local = make_user("ilse", organisation=org_a, role=Role.MANAGEMENT, email="Ilse@aadorp.nl")
    outcome = services.oidc_login(provider=provider_a, claims=claims(groups=["hr-team"]))
    assert outcome.user == local and outcome.linked
    assert role_of(local, org_a) == Role.HR
    assert AuditEvent.objects.filter(action="oidc.linked").count() == 1


def test_an_unverified_email_never_links(provider_a, org_a):
    local = make_user("ilse", organisation=org_a, email="ilse@aadorp.nl")
    outcome = services.oidc_login(provider=provider_a, claims=claims(email_verified=False))
    assert outcome.user != local


def test_a_user_of_organisation_b_is_never_matched_through_a(provider_a, provider_b, org_a, org_b):
    b_member = make_user("piet", organisation=org_b, role=Role.HR, email="piet@beekdal.nl")
    outcome = services.oidc_login(provider=provider_a, claims=claims(email="piet@beekdal.nl", groups=["hr-team"]))
    assert outcome.user != b_member
    assert role_of(b_member, org_a) is None and role_of(outcome.user, org_b) is None


def test_a_member_of_two_organisations_is_not_linked_by_one_of_them(provider_a, org_a, org_b):
    both = make_user("joost", organisation=org_a, email="joost@aadorp.nl")
    Membership.objects.create(user=both, organisation=org_b, role=Role.MANAGEMENT)
    assert services.oidc_login(provider=provider_a, claims=claims(email="joost@aadorp.nl")).user != both


def test_an_identity_of_provider_a_is_refused_by_provider_b_with_the_same_issuer(provider_a, org_b):
    services.oidc_login(provider=provider_a, claims=claims())
    shared = make_provider(org_b, provider_a.issuer, "beekdal.nl")
    with pytest.raises(services.LoginRefused) as refusal:
        services.oidc_login(provider=shared, claims=claims())
    assert refusal.value.code == "other_provider"
    assert Membership.objects.filter(organisation=org_b).count() == 0


def test_roles_follow_the_groups_and_a_removed_group_removes_the_role(provider_a, org_a):
    user = services.oidc_login(provider=provider_a, claims=claims(groups=["selectie"])).user
    services.oidc_login(provider=provider_a, claims=claims(groups=["selectie", "hr-team"]))
    assert role_of(user, org_a) == Role.HR  # the widest role wins
    services.oidc_login(provider=provider_a, claims=claims(groups=["selectie"]))
    assert role_of(user, org_a) == Role.SELECTEUR
    changes = AuditEvent.objects.filter(action="membership.role_changed", actor__isnull=True)
    assert changes.count() == 2


def test_no_mapped_group_removes_the_membership_and_refuses_the_login(provider_a, org_a):
    user = services.oidc_login(provider=provider_a, claims=claims()).user
    outcome = services.oidc_login(provider=provider_a, claims=claims(groups=["kantine"]))
    assert outcome.refused == "no_role"
    assert role_of(user, org_a) is None
    assert AuditEvent.objects.filter(action="membership.removed").count() == 1


@pytest.mark.parametrize(
    ("amr", "acr", "expected"),
    [
        (["pwd", "mfa"], None, True),
        (["pwd"], None, False),
        (["hwk"], None, True),
        (None, "substantieel", True),
        (None, "laag", False),
    ],
)
def test_the_providers_mfa_claim_counts_as_the_second_step(provider_a, amr, acr, expected):
    provider_a.mfa_acr_values = "substantieel,hoog"
    assert services.mfa_satisfied(provider=provider_a, claims={"amr": amr, "acr": acr}) is expected


@override_settings(REQUIRE_2FA_FOR_ROLES=["hr"])
def test_second_step_is_done_by_provider_mfa_or_our_own_totp(org_a):
    request = RequestFactory().get("/")
    request.user = make_user("hanna", organisation=org_a, role=Role.HR)
    request.user.is_verified = lambda: False
    request.session = {}
    assert not second_step_done(request)
    request.session[PROVIDER_MFA_SESSION_KEY] = True
    assert second_step_done(request)


def test_the_email_domain_finds_the_provider(provider_a, provider_b):
    assert provider_for_email(email="iemand@Aadorp.nl") == provider_a
    assert provider_for_email(email="iemand@beekdal.nl") == provider_b
    assert provider_for_email(email="iemand@elders.nl") is None


def test_password_login_is_refused_when_the_organisation_switched_it_off(provider_a, org_a):
    user = make_user("hanna", organisation=org_a)
    assert not password_login_refused(user=user)
    provider_a.password_login_allowed = False
    provider_a.save()
    form = PasswordLoginForm(data={"username": "hanna", "password": "wachtwoord-123"})
    form.request = None
    assert not form.is_valid()
    assert "alleen" not in str(form.errors) and "niet toe" in str(form.errors)


def test_the_secret_comes_from_an_oidc_environment_variable_only(provider_a, monkeypatch):
    from django.core.exceptions import ValidationError

    monkeypatch.setenv("OIDC_TEST_SECRET", "geheim")
    assert provider_a.client_secret() == "geheim"
    provider_a.secret_env = "SECRET_KEY"
    with pytest.raises(ValidationError):
        provider_a.full_clean()
