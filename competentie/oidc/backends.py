"""mozilla-django-oidc's backend, configured per request from the organisation chosen at the start.

mozilla-django-oidc reads one provider from settings; here the provider comes from the login flow
(the start view files its id under the flow's `state` in the session), and its endpoints from the
provider's discovery document. The ID token is checked for signature, issuer, audience and expiry.
"""

import logging

import jwt
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from competentie import audit

from . import discovery, selectors, services

logger = logging.getLogger(__name__)


class OrganisationOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # No provider from settings: `authenticate` configures one per request.
        self.UserModel = get_user_model()
        self.provider = None

    def get_settings(self, attr, *args):
        if attr == "OIDC_RP_SCOPES" and self.provider is not None:
            return self.provider.scopes
        return import_from_settings(attr, *args)

    def configure(self, provider) -> None:
        config = discovery.configuration(provider.issuer)
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = config["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = config["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = config["jwks_uri"]
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret()
        self.OIDC_RP_SIGN_ALGO = provider.signing_algorithm
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, **kwargs):
        provider_pk = getattr(request, "oidc_provider_pk", None) if request is not None else None
        if provider_pk is None or "code" not in request.GET:
            return None  # not a provider login (a password login also passes here)
        provider = selectors.provider_get(pk=provider_pk)
        if provider is None:
            return None
        try:
            self.configure(provider)
        except discovery.ProviderUnavailable:
            logger.warning("identity provider unavailable during login", exc_info=True)
            request.oidc_refusal = "unavailable"
            return None
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload, key):
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("unexpected signing algorithm")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=self.provider.issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"ID token rejected: {error}") from error

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if str(userinfo.get("sub")) != str(payload.get("sub")):
            raise SuspiciousOperation("userinfo names another subject than the ID token")
        # Identity and MFA from the signed ID token; groups and name from userinfo (or the token).
        claims = {**payload, **userinfo, "iss": payload["iss"], "sub": payload["sub"]}
        claims["amr"], claims["acr"] = payload.get("amr"), payload.get("acr")
        try:
            outcome = services.oidc_login(provider=self.provider, claims=claims)
        except services.LoginRefused as refusal:
            audit.record(None, self.provider, "oidc.refused", within=self.provider.organisation, reason=refusal.code)
            self.request.oidc_refusal = refusal.code
            return None
        if outcome.refused:
            self.request.oidc_refusal = outcome.refused
            return None
        self.request.oidc_outcome = outcome
        return outcome.user
