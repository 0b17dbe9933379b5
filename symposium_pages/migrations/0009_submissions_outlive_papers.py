"""A received original outlives its paper page: the upload keeps its invitation."""

import django.db.models.deletion
from django.db import migrations, models


def invitations_of_papers(apps, schema_editor):
    PaperSubmission = apps.get_model("symposium_pages", "PaperSubmission")
    for submission in PaperSubmission.objects.filter(invitation__isnull=True).select_related(
        "paper"
    ):
        if submission.paper is not None and submission.paper.invitation_id:
            submission.invitation_id = submission.paper.invitation_id
            submission.save(update_fields=["invitation"])


class Migration(migrations.Migration):
    dependencies = [
        ("symposium_pages", "0008_exactpagecount"),
    ]

    operations = [
        migrations.AlterField(
            model_name="papersubmission",
            name="paper",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="submissions",
                to="symposium_pages.paperpage",
                verbose_name="paper",
            ),
        ),
        migrations.AddField(
            model_name="papersubmission",
            name="invitation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="submissions",
                to="symposium_pages.invitation",
                verbose_name="invitation",
            ),
        ),
        migrations.RunPython(invitations_of_papers, migrations.RunPython.noop),
    ]
