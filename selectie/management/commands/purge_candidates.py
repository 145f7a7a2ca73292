"""Daily AVG clean-up: candidates' personal data, login records and audit entries past their retention."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.module_loading import import_string

from competentie import pdfbuild
from competentie.security.retention import logs_prune
from selectie.services import candidates_purge_expired
from selectie.tasks import DOSSIER_FOLDER


class Command(BaseCommand):
    help = (
        "Verwijdert persoonsgegevens van kandidaten waarvan de bewaartermijn voorbij is (afronding + "
        "bewaartermijn, of later met toestemming, hooguit een jaar). Anonieme scores blijven. Veilig om "
        "dagelijks te draaien. Verwijdert ook inlogregistraties en auditregels die ouder zijn dan hun "
        "bewaartermijn, en wat de apps in RETENTION_PURGES verder opschonen (zie SECURITY.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="Peildatum JJJJ-MM-DD (voor tests).")

    def handle(self, *args, today=None, **options):
        purged = candidates_purge_expired(today=today)
        self.stdout.write(f"{len(purged)} kandidaten opgeschoond" + (f": {', '.join(purged)}" if purged else "."))
        for path in settings.RETENTION_PURGES:
            # Other apps' personal data past retention (the app itself is never imported here).
            cleaned = import_string(path)(today=today)
            self.stdout.write(f"{path.rsplit('.', 1)[-1]}: {cleaned}")
        now = timezone.make_aware(datetime.combine(today, time.min)) if today else None
        pruned = logs_prune(now=now)
        # Built dossiers name selecteurs and hold their evidence: gone with their task results.
        pruned["selectie.dossier"] = pdfbuild.builds_prune(
            folder=DOSSIER_FOLDER,
            before=(now or timezone.now()) - timedelta(days=settings.TASK_RESULT_RETENTION_DAYS),
        )
        self.stdout.write(
            f"{sum(pruned.values())} oude log- en sessieregels verwijderd"
            + (
                f" ({', '.join(f'{label}: {count}' for label, count in pruned.items() if count)})."
                if any(pruned.values())
                else "."
            )
        )
