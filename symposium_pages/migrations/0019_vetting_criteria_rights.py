"""The groups' rights on the vetting criteria (roles.VETTING_CRITERIA_PERMISSIONS).

Editors and moderators change a symposium's criteria, reviewers read them;
granted to the groups playing those parts, whatever they are called now.
"""

from django.db import migrations


def grant(apps, schema_editor):
    from symposium_pages import roles
    from symposium_pages.moderation import _parts, _Permissions

    permissions = _Permissions(apps)
    rights = {
        roles.EDITORS: roles.VETTING_CRITERIA_PERMISSIONS,
        roles.MODERATORS: roles.VETTING_CRITERIA_PERMISSIONS,
        roles.REVIEWERS: roles.VIEW_CRITERIA,
    }
    for key, role in _parts(apps).items():
        if key in rights and role.group_id:
            role.group.permissions.add(*(permissions.get(*spec) for spec in rights[key]))


class Migration(migrations.Migration):
    dependencies = [
        ("symposium_pages", "0018_vetting_task_and_default_criteria"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
