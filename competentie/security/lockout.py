"""Login lockout by django-axes, on the combination of username and client address.

Five wrong passwords for one username from one address block that username from that address
only: colleagues on the same office connection still log in, and the owner of the username still
logs in from home. An organisation administrator can lift a member's lockout in the app.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone

logger = logging.getLogger(__name__)


def client_ip(request: HttpRequest) -> str:
    """The client's address, trusting exactly TRUSTED_PROXY_COUNT proxies in front of the app.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    the client is the entry that many places from the right; anything left of it was written by
    the client and can be forged. Without trusted proxies the header is ignored entirely.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def locked_usernames(usernames: list[str]) -> set[str]:
    """Which of these usernames are locked out now, from any address."""
    from axes.models import AccessAttempt

    attempts = AccessAttempt.objects.filter(
        username__in=usernames, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return set(attempts.values_list("username", flat=True))


def lockout_lift(*, username: str, lifted_by: AbstractBaseUser) -> int:
    """Forget the failed attempts of a username (every address); returns how many records went."""
    from axes.handlers.proxy import AxesProxyHandler

    count = AxesProxyHandler.reset_attempts(username=username)
    logger.warning("Inlogblokkade van %s opgeheven door %s", username, lifted_by)
    return count
