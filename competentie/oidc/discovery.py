"""The provider's configuration from `issuer/.well-known/openid-configuration`, cached per process.

The document is public and changes rarely; each process keeps it for an hour (no shared cache is
needed: CACHES may be a dummy). A failure is not cached, so the next login tries again.
"""

import time

import requests
from django.conf import settings

TTL_SECONDS = 3600
REQUIRED = ("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint")
_CACHE: dict[str, tuple[float, dict]] = {}


class ProviderUnavailable(Exception):
    """The provider cannot be reached, or says it is another issuer."""


def configuration(issuer: str) -> dict:
    hit = _CACHE.get(issuer)
    if hit and hit[0] > time.monotonic():
        return hit[1]
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"{url}: {error}") from error
    if document.get("issuer") != issuer:
        raise ProviderUnavailable(f"{url} names issuer {document.get('issuer')!r}, not {issuer!r}")
    missing = [key for key in REQUIRED if not document.get(key)]
    if missing:
        raise ProviderUnavailable(f"{url} lacks {', '.join(missing)}")
    _CACHE[issuer] = (time.monotonic() + TTL_SECONDS, document)
    return document


def forget(issuer: str | None = None) -> None:
    """Drop the cached document (after a provider's configuration changed; tests)."""
    if issuer is None:
        _CACHE.clear()
    else:
        _CACHE.pop(issuer, None)
