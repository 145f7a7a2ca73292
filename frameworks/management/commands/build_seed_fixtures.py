import json

from django.core.management.base import BaseCommand

from frameworks.seed_fixtures import FIXTURE_DIR, build_all


class Command(BaseCommand):
    help = "Bouwt fixtures/*.json opnieuw uit de bronbestanden in fixtures/source/."

    def handle(self, *args, **options):
        for filename, text in build_all().items():
            (FIXTURE_DIR / filename).write_text(text, encoding="utf-8")
            rows = len(json.loads(text))
            self.stdout.write(f"{filename}: {rows} rijen")
