"""Demo organisation and one account per role, for `make run` (development only)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from competentie.organisations.models import Membership, Organisation

DEMO_ORGANISATION = "Gemeente Voorbeeldstad"
DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS = [
    ("hr", Membership.Role.HR, "HR-adviseur (framework-auteur)"),
    ("selecteur", Membership.Role.SELECTEUR, "Selecteur"),
    ("mt", Membership.Role.MANAGEMENT, "Lid managementteam"),
    ("beheerder", Membership.Role.BEHEERDER, "Beheerder van de organisatie (leden en rollen in /beheer/)"),
]


@transaction.atomic
def demo_accounts_create() -> list[tuple[str, str, bool]]:
    """Create what is missing and keep what exists; return (username, description, created)."""
    organisation, _ = Organisation.objects.get_or_create(name=DEMO_ORGANISATION)
    User = get_user_model()
    result = []
    for username, role, description in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
        # An organisation administrator, never a platform superuser: the admin shows them their own
        # organisation's members and nothing else. (A platform operator is made with createsuperuser.)
        user.is_staff = role == Membership.Role.BEHEERDER
        user.is_superuser = False
        user.save()
        Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": role})
        result.append((username, description, created))
    return result
