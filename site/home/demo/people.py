"""The demo's newsroom: one person in each editorial group, with no password.

`manage.py demo_admin --staff` gives them fresh random passwords and prints
them once, for trying the workflow by hand.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Page

from symposium_pages import roles
from symposium_pages.moderation import ensure_groups

DOMAIN = "baogialai.example"

# username, first name, last name, group (the people are invented)
PEOPLE = [
    ("bientap", "Lan", "Nguyễn Thị", roles.EDITORS),
    ("thamdinh", "Hùng", "Trần Văn", roles.REVIEWERS),
    ("kiemduyet", "Đức", "Lê Minh", roles.MODERATORS),
    ("vanphong", "Hà", "Phạm Thu", roles.OFFICE),
]


def build_people(home, log):
    """The four people by group; editors may also start a new symposium under the home page."""
    User = get_user_model()
    groups = ensure_groups()
    people = {}
    for username, first_name, last_name, group in PEOPLE:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                email=f"{username}@{DOMAIN}",
                first_name=first_name,
                last_name=last_name,
            )
            user.set_unusable_password()
            user.save()
            log(
                "+ "
                + _("user: %(username)s (%(group)s)")
                % {"username": username, "group": groups[group].name}
            )
        user.groups.add(groups[group])
        people[group] = user
    add_page = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename="add_page"
    )
    GroupPagePermission.objects.get_or_create(
        group=groups[roles.EDITORS], page=home, permission=add_page
    )
    return people
