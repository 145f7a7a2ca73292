"""The demo's people: names for the role accounts, two more selecteurs and MT members, and a peer
organisation. Names are invented; existing accounts keep their password and any name they have."""

from django.contrib.auth import get_user_model
from django.db import transaction

from competentie.organisations.models import Membership, Organisation

Role = Membership.Role
PEER_ORGANISATION = "Omgevingsdienst Rivierenland"
DOMAIN = "voorbeeldstad.example"

# username: (first name, last name, role, organisation, what to try)
DEMO_PEOPLE = {
    "hr": ("Hanna", "Rutten", Role.HR, None, "HR-adviseur"),
    "selecteur": ("Sara", "El Amrani", Role.SELECTEUR, None, "selecteur"),
    "selecteur2": ("Sem", "de Boer", Role.SELECTEUR, None, "selecteur"),
    "selecteur3": ("Ilse", "Visser", Role.SELECTEUR, None, "selecteur"),
    "mt": ("Mark", "Teunissen", Role.MANAGEMENT, None, "lid managementteam"),
    "mt2": ("Fatima", "Yilmaz", Role.MANAGEMENT, None, "lid managementteam"),
    "mt3": ("Joost", "van Dijk", Role.MANAGEMENT, None, "lid managementteam"),
    "beheerder": ("Bas", "Hendriks", Role.BEHEERDER, None, "beheerder van de organisatie"),
    "toetser": ("Petra", "Jansen", Role.MANAGEMENT, PEER_ORGANISATION, "collega voor collegiale toetsing"),
}


@transaction.atomic
def demo_people_create(*, organisation: Organisation, password: str) -> dict:
    """Create what is missing, fill in names that are empty; returns {username: (user, created)}."""
    peer, _ = Organisation.objects.get_or_create(name=PEER_ORGANISATION)
    User = get_user_model()
    people = {}
    for username, (first, last, role, organisation_name, _what) in DEMO_PEOPLE.items():
        home = peer if organisation_name == PEER_ORGANISATION else organisation
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(password)
        if not (user.first_name or user.last_name):
            user.first_name, user.last_name = first, last
        if not user.email:
            domain = "rivierenland.example" if home == peer else DOMAIN
            user.email = f"{first.lower()}.{last.lower().replace(' ', '')}@{domain}"
        user.save()
        Membership.objects.get_or_create(user=user, organisation=home, defaults={"role": role})
        people[username] = (user, created)
    return people
