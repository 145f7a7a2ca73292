import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings
from django.utils.module_loading import import_string

from competentie.organisations.models import Organisation
from frameworks.demo import DEMO_ORGANISATION, DEMO_PASSWORD, demo_accounts_create
from frameworks.demo_people import DEMO_PEOPLE, PEER_ORGANISATION, demo_people_create


class Command(BaseCommand):
    help = (
        "Maakt een demo-organisatie met accounts per rol, een collega-organisatie, een selectiedag en "
        "zelfevaluatierondes (alleen voor ontwikkeling, DEBUG=1). Bestaande gegevens blijven staan."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-accounts horen niet in productie: zet DEBUG=1 voor een ontwikkelomgeving.")
        # Building the demo would e-mail every invited demo person; nobody should get those. The
        # messages are sent inline, not queued, so they reach the dummy backend and no worker later.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        ):
            accounts = demo_accounts_create()
            organisation = Organisation.objects.get(name=DEMO_ORGANISATION)
            people = demo_people_create(organisation=organisation, password=DEMO_PASSWORD)
            stories = [import_string(path)(organisation=organisation, people=people) for path in settings.DEMO_BUILDERS]
        created = {username for username, _description, new in accounts if new} | {
            username for username, (_user, new) in people.items() if new
        }
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Demo voor {DEMO_ORGANISATION} (wachtwoord van elk account: {DEMO_PASSWORD})")
        )
        for username, (user, _new) in people.items():
            what = DEMO_PEOPLE[username][4]
            where = f", {PEER_ORGANISATION}" if DEMO_PEOPLE[username][3] else ""
            state = "nieuw" if username in created else "bestond al"
            self.stdout.write(f"  {username:<11} {user.get_full_name()} – {what}{where} [{state}]")
        for story in stories:
            self.stdout.write(f"  {story}")
        host = os.environ.get("HOST", "127.0.0.1:8000")
        self.stdout.write(f"Open http://{host} en log in met een van deze accounts.")
        self.stdout.write(
            "Platformbeheer (alle organisaties, /beheer/) is een aparte superuser: manage.py createsuperuser."
        )
        self.stdout.write("")
