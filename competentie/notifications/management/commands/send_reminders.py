from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from competentie.notifications.reminders import reminders_send


class Command(BaseCommand):
    help = "Verstuurt herinneringen voor deadlines die naderen; elke herinnering gaat maar één keer weg. Dagelijks draaien (cron)."

    def add_arguments(self, parser):
        parser.add_argument("--datum", type=date.fromisoformat, help="Doe alsof het deze dag is (JJJJ-MM-DD).")

    def handle(self, *args, datum=None, **options):
        today = datum or timezone.localdate()
        sent = reminders_send(today=today)
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
