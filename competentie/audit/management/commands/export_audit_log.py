"""Export the audit log of a period as JSON lines (ids, purpose, result, origin and hashes; no names)."""

from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from competentie.audit.chain import export_lines


def _moment(value: str | None):
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date: {value!r} (use YYYY-MM-DD or an ISO date and time)") from error
    if len(value) == 10:
        moment = datetime.combine(moment.date(), time.min)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class Command(BaseCommand):
    help = "Schrijft de logboekregels van een periode als JSON-regels (van inclusief, tot exclusief)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="first day (YYYY-MM-DD), inclusive")
        parser.add_argument("--to", dest="end", help="day after the last (YYYY-MM-DD), exclusive")
        parser.add_argument("--output", help="file to write; standard output without it")

    def handle(self, *args, start=None, end=None, output=None, **options):
        start, end = _moment(start), _moment(end)
        out = open(output, "w", encoding="utf-8") if output else self.stdout  # noqa: SIM115
        count = 0
        try:
            for line in export_lines(start=start, end=end):
                out.write(line + "\n")
                count += 1
        finally:
            if output:
                out.close()
        self.stderr.write(f"{count} lines")
