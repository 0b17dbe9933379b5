"""LibreOffice's count of each upload, made in the background after the intake answered.

Uploads received before have no row: their pages stay as they were counted then.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("symposium_pages", "0007_translatable_plan_rows"),
    ]

    operations = [
        migrations.CreateModel(
            name="ExactPageCount",
            fields=[
                (
                    "submission",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="exact_count",
                        serialize=False,
                        to="symposium_pages.papersubmission",
                        verbose_name="submission",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("estimated", "Estimated"),
                            ("counting", "Being counted"),
                            ("exact", "Exact"),
                            ("failed", "Count failed"),
                        ],
                        default="estimated",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "exact_pages",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="exact pages"
                    ),
                ),
                (
                    "requested_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="asked for at"
                    ),
                ),
                (
                    "counted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="counted at"),
                ),
                ("error", models.CharField(blank=True, max_length=500, verbose_name="error")),
                ("task_result_id", models.CharField(blank=True, max_length=64)),
            ],
            options={
                "verbose_name": "exact page count",
                "verbose_name_plural": "exact page counts",
            },
        ),
    ]
