"""Access review (BIO): a beheerder confirms every membership and role yearly, privileged roles quarterly.

A membership is *due* when it was never confirmed, or its last confirmation is older than its
period (ACCESS_REVIEW_DAYS, or ACCESS_REVIEW_PRIVILEGED_DAYS for the roles in
ACCESS_REVIEW_PRIVILEGED_ROLES). An account is *unused* when it has not logged in for
ACCESS_UNUSED_DAYS (an invited colleague who never logged in counts from the invitation). Both are
flagged on the review page, where the account can be switched off in one step; the daily
`send_reminders` reminds each beheerder once a month while something is due.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from competentie import audit

from . import selectors
from .models import Membership


def is_privileged(role: str) -> bool:
    return role in settings.ACCESS_REVIEW_PRIVILEGED_ROLES


def review_period(role: str) -> timedelta:
    return timedelta(
        days=settings.ACCESS_REVIEW_PRIVILEGED_DAYS if is_privileged(role) else settings.ACCESS_REVIEW_DAYS
    )


@dataclass
class ReviewRow:
    membership: Membership
    privileged: bool
    due: bool
    due_on: date | None
    unused: bool
    last_login: datetime | None


def review_row(membership: Membership, *, now: datetime) -> ReviewRow:
    user = membership.user
    due_at = membership.reviewed_at + review_period(membership.role) if membership.reviewed_at else None
    used_at = user.last_login or user.date_joined
    return ReviewRow(
        membership=membership,
        privileged=is_privileged(membership.role),
        due=due_at is None or due_at <= now,
        due_on=timezone.localdate(due_at) if due_at else None,
        unused=user.is_active and used_at < now - timedelta(days=settings.ACCESS_UNUSED_DAYS),
        last_login=user.last_login,
    )


def access_review_rows(*, user: AbstractBaseUser, now: datetime | None = None) -> list[ReviewRow]:
    """Every membership of the organisations the user administers, flagged; one query."""
    now = now or timezone.now()
    return [review_row(membership, now=now) for membership in selectors.member_list(user=user)]


@transaction.atomic
def membership_confirm(*, membership: Membership, confirmed_by: AbstractBaseUser) -> Membership:
    """The beheerder confirms that this person still needs this role here."""
    membership.reviewed_at, membership.reviewed_by = timezone.now(), confirmed_by
    membership.save(update_fields=["reviewed_at", "reviewed_by"])
    audit.record(confirmed_by, membership, "membership.confirmed", role=membership.role)
    return membership
