"""Daily AVG clean-up: remove candidates' personal data once their retention period has ended."""

from datetime import date

from django.core.management.base import BaseCommand

from selectie.services import candidates_purge_expired


class Command(BaseCommand):
    help = (
        "Verwijdert persoonsgegevens van kandidaten waarvan de bewaartermijn voorbij is (afronding + "
        "bewaartermijn, of later met toestemming, hooguit een jaar). Anonieme scores blijven. Veilig om "
        "dagelijks te draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="Peildatum JJJJ-MM-DD (voor tests).")

    def handle(self, *args, today=None, **options):
        purged = candidates_purge_expired(today=today)
        self.stdout.write(f"{len(purged)} kandidaten opgeschoond" + (f": {', '.join(purged)}" if purged else "."))
