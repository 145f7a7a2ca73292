from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from frameworks.demo import DEMO_ORGANISATION, DEMO_PASSWORD, demo_accounts_create


class Command(BaseCommand):
    help = "Maakt een demo-organisatie met één account per rol (alleen voor ontwikkeling, DEBUG=1)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-accounts horen niet in productie: zet DEBUG=1 voor een ontwikkelomgeving.")
        accounts = demo_accounts_create()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo-accounts voor {DEMO_ORGANISATION} (wachtwoord: {DEMO_PASSWORD})"))
        for username, description, created in accounts:
            state = "nieuw" if created else "bestond al"
            self.stdout.write(f"  {username:<10} {description} [{state}]")
        self.stdout.write("Open http://127.0.0.1:8000 en log in met een van deze accounts.")
        self.stdout.write(
            "Platformbeheer (alle organisaties, /beheer/) is een aparte superuser: manage.py createsuperuser."
        )
        self.stdout.write("")
