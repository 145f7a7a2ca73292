from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from frameworks.demo import DEMO_PASSWORD
from ontwikkeling.demo import demo_programme_create


class Command(BaseCommand):
    help = "Maakt het demo-ontwikkelprogramma (Tijdreis Rotterdam) met deelnemers en een begeleider (alleen DEBUG=1)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-gegevens horen niet in productie: zet DEBUG=1 voor een ontwikkelomgeving.")
        programme, accounts = demo_programme_create()
        self.stdout.write(
            self.style.SUCCESS(f"Demo-ontwikkelprogramma: {programme.name} (wachtwoord: {DEMO_PASSWORD})")
        )
        for username, description, created in accounts:
            state = "nieuw" if created else "bestond al"
            self.stdout.write(f"  {username:<10} {description} [{state}]")
