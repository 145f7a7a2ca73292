"""Demo organisation and one account per role, for `make run` (development only)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Membership, Organisation

DEMO_ORGANISATION = "Gemeente Voorbeeldstad"
DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS = [
    ("hr", Membership.Role.HR, "HR-adviseur (framework-auteur)"),
    ("selecteur", Membership.Role.SELECTEUR, "Selecteur"),
    ("mt", Membership.Role.MANAGEMENT, "Lid managementteam"),
    ("beheerder", Membership.Role.BEHEERDER, "Beheerder (ook Django-beheer)"),
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
            user.is_staff = user.is_superuser = role == Membership.Role.BEHEERDER
            user.save()
        Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": role})
        result.append((username, description, created))
    return result
