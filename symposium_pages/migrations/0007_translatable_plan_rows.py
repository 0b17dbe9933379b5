"""The plan's legal basis, assignments and programme become translatable with the plan.

Existing rows take their page's locale and a key of their own; the fields are added
nullable, filled, then made required, so a database with plans migrates in place.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["legalbasis", "symposiumassignment", "programmeitem"]


def fill_locale_and_key(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("symposium_pages", name)
        rows = list(model.objects.select_related("page"))
        for row in rows:
            row.locale_id = row.page.locale_id
            row.translation_key = uuid.uuid4()
        model.objects.bulk_update(rows, ["locale", "translation_key"], batch_size=500)


def locale_field(null):
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


def add_nullable(name):
    return [
        migrations.AddField(
            model_name=name,
            name="locale",
            field=locale_field(null=True),
        ),
        migrations.AddField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]


def make_required(name):
    return [
        migrations.AlterField(
            model_name=name,
            name="locale",
            field=locale_field(null=False),
        ),
        migrations.AlterField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=name,
            unique_together={("translation_key", "locale")},
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("symposium_pages", "0006_public_reading"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        *[operation for name in MODELS for operation in add_nullable(name)],
        migrations.RunPython(fill_locale_and_key, migrations.RunPython.noop),
        *[operation for name in MODELS for operation in make_required(name)],
    ]
