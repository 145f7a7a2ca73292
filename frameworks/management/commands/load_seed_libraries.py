from django.core.management.base import BaseCommand

from frameworks.seeding import seed_libraries_load


class Command(BaseCommand):
    help = "Laadt de openbare bibliotheken (PiCompany, Divosa, VTH, voorbeeld Rotterdam) die nog ontbreken."

    def handle(self, *args, **options):
        loaded = seed_libraries_load()
        if loaded:
            for name in loaded:
                self.stdout.write(self.style.SUCCESS(f"Geladen: {name}"))
        else:
            self.stdout.write("Alle bibliotheken waren al geladen.")
