"""Queue a look for new versions of every subscription's source (run it from cron, e.g. nightly)."""

from django.core.management.base import BaseCommand

from frameworks.tasks import subscriptions_check_all


class Command(BaseCommand):
    help = "Zet het controleren van alle abonnementen op een nieuwe versie in de wachtrij."

    def handle(self, *args, **options):
        result = subscriptions_check_all.enqueue()
        self.stdout.write(f"{result.id}")
