from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "competentie.caching"
    label = "caching"
    verbose_name = "Cache"
