"""The tables take this app's name: frameworks_organisation → organisations_organisation and
frameworks_membership → organisations_membership.

A rename keeps every row, id and foreign key (PostgreSQL and SQLite both move the references
along). It waits for frameworks 0008, when no model in any app still points at the old names.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("frameworks", "0008_organisations_move_to_their_own_app"),
    ]

    operations = [
        migrations.AlterModelTable(name="organisation", table=None),
        migrations.AlterModelTable(name="membership", table=None),
    ]
