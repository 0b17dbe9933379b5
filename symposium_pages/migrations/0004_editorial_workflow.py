"""Groups, rights and the workflow "Duyệt tham luận" (see symposium_pages/moderation.py).

Idempotent, and it works on a site with no symposium yet: pages created later
get the workflow and the groups' rights when they are created.
"""

from django.db import migrations


def install(apps, schema_editor):
    from symposium_pages.moderation import install

    install(apps)


class Migration(migrations.Migration):

    dependencies = [
        ("symposium_pages", "0003_unit_position"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        # Nothing to undo on the way back: groups and rights may be in use.
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
