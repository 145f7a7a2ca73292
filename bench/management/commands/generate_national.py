import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

# 25 municipalities of mixed size on one instance: one the size of the single-municipality
# benchmark (measured, with the same accounts and manifest), the rest smaller, as in the country.
SIZES = [1.0] + [0.5] * 4 + [0.2] * 10 + [0.05] * 10


class Command(BaseCommand):
    help = (
        "Maakt een landelijke dataset voor metingen: 25 gemeenten van verschillende grootte op één "
        "installatie, met de gedeelde bibliotheken. De eerste is Gemeente Grootstad (--manifest)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--manifest", help="JSON-bestand met de ids en accounts van Gemeente Grootstad")

    def handle(self, *args, seed, manifest, **options):
        started = time.monotonic()
        for number, scale in enumerate(SIZES, 1):
            first = number == 1
            call_command(
                "generate_municipality",
                seed=seed + number - 1,
                scale=scale,
                name="Gemeente Grootstad" if first else f"Gemeente Stad {number:02d}",
                user_prefix="" if first else f"g{number:02d}-",
                manifest=manifest if first else None,
                stdout=self.stdout,
            )
        self.stdout.write(self.style.SUCCESS(f"25 gemeenten in {time.monotonic() - started:.1f} s"))
