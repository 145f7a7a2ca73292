"""The database cache's table, made by `migrate` so `make run` needs no extra command.

With REDIS_URL set the cache is Redis and createcachetable makes nothing."""

from django.core.management import call_command
from django.db import migrations


def cache_table_create(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(cache_table_create, migrations.RunPython.noop, elidable=False)]
