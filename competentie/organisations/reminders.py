"""The access review's reminder (BIO), for the daily `send_reminders` command (NOTIFICATION_REMINDERS).

Each beheerder of an organisation where a membership is due for confirmation, or an account unused,
gets one e-mail per calendar month (the key holds the month), so a daily run sends nothing twice.
"""

from datetime import date, datetime, time

from django.utils import timezone

from competentie.notifications.mail import absolute_url
from competentie.notifications.reminders import Reminder

from .access_review import review_row
from .models import Membership


def access_review_reminders(today: date) -> list[Reminder]:
    """One query: every membership with its account and organisation."""
    now = timezone.make_aware(datetime.combine(today, time(12)))
    memberships = list(Membership.objects.select_related("user", "organisation").order_by("organisation_id", "pk"))
    open_items: dict[int, int] = {}
    for membership in memberships:
        row = review_row(membership, now=now)
        if membership.user.is_active and (row.due or row.unused):
            open_items[membership.organisation_id] = open_items.get(membership.organisation_id, 0) + 1
    reminders = []
    for membership in memberships:
        count = open_items.get(membership.organisation_id)
        if membership.role == Membership.Role.BEHEERDER and count:
            context = {
                "organisation": membership.organisation.name,
                "organisation_id": membership.organisation_id,
                "count": count,
                "url": absolute_url("access-review"),
            }
            key = f"toegang-{membership.organisation_id}-{today:%Y-%m}"
            reminders.append(Reminder("access_review_reminder", key, membership.user, context))
    return reminders
