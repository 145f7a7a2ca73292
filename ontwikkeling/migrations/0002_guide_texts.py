"""Load the guide's verbatim texts; later changes to the fixture load again with the same function."""

from django.db import migrations


def load(apps, schema_editor):
    from ontwikkeling.guide import guide_texts_load

    guide_texts_load(apps.get_model("ontwikkeling", "GuideText"))


class Migration(migrations.Migration):
    dependencies = [("ontwikkeling", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
