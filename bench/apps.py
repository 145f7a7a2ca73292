from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Development-only: the data generator and load-test tooling. Installed with DEBUG or BENCHMARK."""

    name = "bench"
    verbose_name = "Metingen"
