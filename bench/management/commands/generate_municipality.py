import json
import random
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from bench.generate import medewerkers as medewerkers_generate
from bench.generate import selectie as selectie_generate
from bench.generate import zelfevaluatie as zelfevaluatie_generate
from bench.generate.frameworks import BENCH_PASSWORD, generate_frameworks


class Command(BaseCommand):
    help = (
        "Maakt een grote, realistische gemeente aan (frameworks, profielen, procedures, kandidaten, "
        "scores, zelfevaluaties, medewerkers met een beoordelingscyclus) voor metingen. "
        "Zelfde --seed geeft dezelfde gegevens."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 = de volle omvang; 0.01 voor een proef")
        parser.add_argument("--name", default="Gemeente Grootstad")
        parser.add_argument("--user-prefix", default="", help="voor inlognamen, als er meer gemeenten zijn")
        parser.add_argument("--manifest", help="JSON-bestand met de ids en accounts, voor de belastingstest")

    def handle(self, *args, seed, scale, name, manifest, user_prefix, **options):
        rng = random.Random(seed)
        started = time.monotonic()

        def scaled(number: int) -> int:
            return max(1, round(number * scale))

        with transaction.atomic():
            base = generate_frameworks(
                rng=rng,
                organisation_name=name,
                frameworks=scaled(20),
                competencies_per_framework=150,
                profiles_per_framework=20,
                selecteurs=scaled(60),
                user_prefix=user_prefix,
            )
            self.stdout.write(f"frameworks: {len(base.frameworks)}, profielen: {len(base.profiles)}")
            contents = {
                "password": BENCH_PASSWORD,
                "users": {role: [user.username for user in users] for role, users in base.users.items()},
                "frameworks": [framework.pk for framework in base.frameworks],
                "profiles": [profile.pk for profile in base.profiles],
                "profile_pdf_url": reverse("frameworks:profile-pdf", args=[0]).replace("/0/", "/{pk}/"),
            }
            # medewerkers last: the parts before it keep their random draws (and their measured pages).
            for app_label, module in (
                ("selectie", selectie_generate),
                ("zelfevaluatie", zelfevaluatie_generate),
                ("medewerkers", medewerkers_generate),
            ):
                summary, app_manifest = module.generate(base=base, rng=rng, scale=scale)
                self.stdout.write(f"{app_label}: {summary}")
                contents.update(app_manifest)
        if manifest:
            Path(manifest).write_text(json.dumps(contents))
        self.stdout.write(self.style.SUCCESS(f"Klaar in {time.monotonic() - started:.1f} s"))
