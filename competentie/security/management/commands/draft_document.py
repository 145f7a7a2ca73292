"""Write a draft (Markdown) of the processing register, the DPIA pre-scan or the accessibility statement."""

from django.core.management.base import BaseCommand, CommandError

from competentie.security.documents import DRAFTS, NoSweepResults


class Command(BaseCommand):
    help = "Schrijft een concept: verwerkingsregister, dpia of toegankelijkheid (Markdown)."

    def add_arguments(self, parser):
        parser.add_argument("document", choices=sorted(DRAFTS))
        parser.add_argument("--output", help="file to write; standard output without it")

    def handle(self, *args, document, output=None, **options):
        try:
            text = DRAFTS[document]()
        except NoSweepResults as error:
            raise CommandError(str(error)) from error
        if output:
            with open(output, "w", encoding="utf-8") as out:
                out.write(text)
        else:
            self.stdout.write(text, ending="")
