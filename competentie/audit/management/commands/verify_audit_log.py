"""Walk the audit log's hash chain; exit 1 and name the first line that does not hold."""

from django.core.management.base import BaseCommand, CommandError

from competentie.audit.chain import chain_verify


class Command(BaseCommand):
    help = "Controleert de hashketen van het logboek en noemt de eerste regel die niet klopt."

    def handle(self, *args, **options):
        verdict = chain_verify()
        if not verdict.ok:
            where = f"line {verdict.broken_seq} (id {verdict.broken_pk})" if verdict.broken_pk else "the chain's end"
            raise CommandError(
                f"Audit log broken at {where}: {verdict.reason}. {verdict.checked} lines before it hold."
            )
        self.stdout.write(f"Audit log intact: {verdict.checked} lines, {verdict.redacted} redacted by a purge.")
