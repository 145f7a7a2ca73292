import importlib
import random
import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from frameworks.generate import generate_frameworks


class Command(BaseCommand):
    help = ("Maakt een grote, realistische gemeente aan (frameworks, profielen, procedures, kandidaten, "
            "scores, zelfevaluaties) voor metingen. Zelfde --seed geeft dezelfde gegevens.")

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 = de volle omvang; 0.01 voor een proef")
        parser.add_argument("--name", default="Gemeente Grootstad")

    def handle(self, *args, seed, scale, name, **options):
        rng = random.Random(seed)
        started = time.monotonic()

        def scaled(number: int) -> int:
            return max(1, round(number * scale))

        with transaction.atomic():
            base = generate_frameworks(
                rng=rng, organisation_name=name, frameworks=scaled(20), competencies_per_framework=150,
                profiles_per_framework=20, selecteurs=scaled(60),
            )
            self.stdout.write(f"frameworks: {len(base.frameworks)}, profielen: {len(base.profiles)}")
            # selectie and zelfevaluatie add their part through an optional `generate` module, so
            # frameworks never imports them.
            for app_label in ("selectie", "zelfevaluatie"):
                app = apps.get_app_config(app_label)
                try:
                    module = importlib.import_module(f"{app.name}.generate")
                except ModuleNotFoundError as error:
                    if error.name != f"{app.name}.generate":
                        raise
                    continue
                summary = module.generate(base=base, rng=rng, scale=scale)
                self.stdout.write(f"{app_label}: {summary}")
        self.stdout.write(self.style.SUCCESS(f"Klaar in {time.monotonic() - started:.1f} s"))
