from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from competentie.notifications.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Zet herinneringen voor deadlines die naderen in de wachtrij (de takenwerker verstuurt ze); "
        "elke herinnering gaat maar één keer weg. Dagelijks draaien (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--datum", type=date.fromisoformat, help="Doe alsof het deze dag is (JJJJ-MM-DD).")

    def handle(self, *args, datum=None, **options):
        today = datum or timezone.localdate()
        queued = reminders_send(today=today)
        self.stdout.write(f"{queued} herinnering(en) in de wachtrij gezet.")
