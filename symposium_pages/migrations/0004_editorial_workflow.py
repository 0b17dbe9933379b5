"""Once made the groups, rights and the workflow "Duyệt tham luận".

`moderation.install` now needs the `EditorialRole` table, so 0010 runs it; a
site that ran this one before keeps what it made, and 0010 binds it.
"""

from django.db import migrations


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
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
    ]
