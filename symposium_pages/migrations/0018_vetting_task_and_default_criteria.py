"""The vetting task judges by the criteria; every symposium gets the plan's criteria.

The task bound to content vetting is promoted in place to a VettingTask
(`moderation.promote_vetting_task`): same row, groups, place in the workflow,
and the papers waiting on it stay there, to be judged with the criteria.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from symposium_pages.criteria import add_defaults_everywhere
    from symposium_pages.moderation import promote_vetting_task

    promote_vetting_task(apps)
    add_defaults_everywhere(apps)


def backwards(apps, schema_editor):
    """The vetting task becomes a plain group approval again; the criteria go with 0016."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    VettingTask = apps.get_model("symposium_pages", "VettingTask")
    plain, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    pks = list(VettingTask.objects.values_list("pk", flat=True))
    Task.objects.filter(pk__in=pks).update(content_type=plain)
    # Only the child rows: the group approval tasks stay.
    VettingTask.objects.filter(pk__in=pks)._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("symposium_pages", "0017_office_budget"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
