"""PDF timings for `make bench` (not a test): Divosa's framework PDF, a 9,000-indicator framework, a stored PDF.

Run with the project's settings against any database that has the seeded libraries:

    .venv/bin/python bench/pdf_timings.py [--out bench/results/pdf.md] [--profile]

Targets (issue 16): Divosa framework PDF render ≤ 1.5 s, the 9,000-indicator framework ≤ 30 s, a
stored published PDF served ≤ 50 ms p95. Everything it creates is rolled back at the end.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "competentie.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from competentie.organisations.models import Membership, Organisation  # noqa: E402
from frameworks import pdf, selectors  # noqa: E402
from frameworks.models import (  # noqa: E402
    BehaviouralIndicator,
    Cluster,
    Competency,
    Framework,
    ProficiencyLevel,
    Profile,
    ProfileCompetency,
)
from frameworks.services.frameworks import framework_publish  # noqa: E402

TARGET_DIVOSA_S = 1.5
TARGET_LARGE_S = 30.0
TARGET_STORED_P95_MS = 50.0


def large_framework(organisation: Organisation, *, competencies=300, indicators=30) -> Framework:
    """300 competencies in 10 clusters, 30 indicators each over three levels, 4 profiles of 8."""
    framework = Framework.objects.create(organisation=organisation, name="Bench: groot framework")
    levels = ProficiencyLevel.objects.bulk_create(
        [
            ProficiencyLevel(framework=framework, name=name, order=n)
            for n, name in enumerate(["basis", "gevorderd", "expert"], 1)
        ]
    )
    clusters = Cluster.objects.bulk_create(
        [Cluster(framework=framework, name=f"Cluster {n}", order=n) for n in range(10)]
    )
    rows = Competency.objects.bulk_create(
        [
            Competency(
                framework=framework,
                cluster=clusters[n % 10],
                name=f"Competentie {n:03d}",
                definition=f"Als u competentie {n} beheerst, dan werkt u zorgvuldig en overlegt u tijdig met collega's.",
                order=n,
            )
            for n in range(competencies)
        ]
    )
    BehaviouralIndicator.objects.bulk_create(
        [
            BehaviouralIndicator(
                competency=competency,
                level=levels[i % 3],
                text=f"Vraagt door bij inwoners en collega's en legt de afspraken vast in het dossier ({i}).",
                order=i,
            )
            for competency in rows
            for i in range(indicators)
        ]
    )
    for p in range(4):
        profile = Profile.objects.create(framework=framework, name=f"Profiel {p}", order=p)
        ProfileCompetency.objects.bulk_create(
            [
                ProfileCompetency(
                    profile=profile, competency=rows[(p * 8 + k) % len(rows)], required_level=levels[1], order=k
                )
                for k in range(8)
            ]
        )
    return framework


def render_seconds(framework: Framework, user) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): on a busy machine the CPU time is the fairer figure."""
    started, cpu = time.perf_counter(), time.process_time()
    document = selectors.framework_document(user=user, pk=framework.pk)
    pdf.framework_pdf_bytes(document)
    return time.perf_counter() - started, time.process_time() - cpu


def verdict(value: float, target: float) -> str:
    return "ja" if value <= target else "NEE"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the large render")
    args = parser.parse_args()
    lines = ["## PDF", "", "| meting | waarde | doel | gehaald |", "|---|---|---|---|"]

    def row(label: str, value: str, target: float, measured: float) -> None:
        lines.append(f"| {label} | {value} | ≤ {target:g} | {verdict(measured, target)} |")

    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media, ALLOWED_HOSTS=["*"]),
        transaction.atomic(),
    ):
        organisation = Organisation.objects.create(name="Bench PDF")
        user = get_user_model().objects.create(username="bench-pdf")
        Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.HR)

        divosa = Framework.objects.libraries().filter(name__icontains="Divosa").first()
        wall, cpu = min(render_seconds(divosa, user) for _ in range(3))
        row("Divosa-framework-PDF renderen (beste van 3), kloktijd", f"{wall:.2f} s", TARGET_DIVOSA_S, wall)
        row("idem, CPU-tijd van het proces", f"{cpu:.2f} s", TARGET_DIVOSA_S, cpu)

        small = large_framework(organisation, competencies=30)
        small_wall, small_cpu = render_seconds(small, user)
        lines.append(
            f"| PDF van 30 competenties en 900 indicatoren (kloktijd / CPU) | {small_wall:.1f} s / {small_cpu:.1f} s | | |"
        )

        large = large_framework(organisation)
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            wall, cpu = render_seconds(large, user)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        else:
            wall, cpu = render_seconds(large, user)
        row("PDF van 300 competenties en 9.000 indicatoren, kloktijd", f"{wall:.1f} s", TARGET_LARGE_S, wall)
        row("idem, CPU-tijd van het proces", f"{cpu:.1f} s", TARGET_LARGE_S, cpu)
        row("groei: CPU-tijd 9.000 / 900 indicatoren (lineair = 10)", f"{cpu / small_cpu:.1f}", 12, cpu / small_cpu)

        framework_publish(framework=large, user=user)
        client = Client()
        client.force_login(user)
        url = reverse("frameworks:framework-pdf", args=[large.pk])
        first = time.perf_counter()
        # Built in the request here (the worker builds it in production) to time the first render.
        with override_settings(BACKGROUND_PDF_INDICATORS=10**9):
            response = client.get(url)
        assert response.status_code == 200
        b"".join(response.streaming_content) if response.streaming else response.content
        build = time.perf_counter() - first
        served = []
        for _ in range(50):
            started = time.perf_counter()
            response = client.get(url)
            b"".join(response.streaming_content) if response.streaming else response.content
            served.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(served, n=20)[-1]
        row(
            "Opgeslagen PDF van een vastgestelde versie serveren (p95 van 50)",
            f"{p95:.0f} ms",
            TARGET_STORED_P95_MS,
            p95,
        )
        lines.append(f"| (eerste verzoek, bouwt en bewaart de PDF) | {build:.1f} s | | |")
        transaction.set_rollback(True)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text)


if __name__ == "__main__":
    main()
