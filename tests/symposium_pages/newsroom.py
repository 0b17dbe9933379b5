"""The newsroom for workflow tests: one person per editorial group, a plan, a received paper."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from symposium_pages import roles
from symposium_pages.models import Invitation, Unit
from symposium_pages.receiving import receive_paper

from .docx_builders import simple_paper

ON_TIME = timezone.make_aware(datetime.datetime(2022, 8, 15, 9, 0))


def make_people():
    """editor, reviewer, moderator, office: one member of each group, with an e-mail address."""
    from symposium_pages.moderation import ensure_groups

    User = get_user_model()
    groups = ensure_groups()
    people = {}
    for key, group in [
        ("editor", roles.EDITORS),
        ("reviewer", roles.REVIEWERS),
        ("moderator", roles.MODERATORS),
        ("office", roles.OFFICE),
    ]:
        user = User.objects.create_user(key, f"{key}@toasoan.example", "pw")
        user.groups.add(groups[group])
        people[key] = user
    return people


def receive(plan, unit_name="Huyện ủy Chư Păh", user=None, **kwargs):
    """A paper received through the intake: a draft page under the plan."""
    unit, _created = Unit.objects.get_or_create(name=unit_name, defaults={"category": "huyen_uy"})
    invitation, _created = Invitation.objects.get_or_create(symposium=plan, unit=unit)
    receipt = receive_paper(
        plan,
        data=simple_paper(**kwargs),
        filename="tham-luan.docx",
        invitation=invitation,
        user=user,
        method="estimate",
        received_at=ON_TIME,
    )
    return receipt.paper


def edit_data(client, page, paragraph, **actions):
    """The page editor's form as the browser would post it, with a one-paragraph body."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]), **actions}
        )
    )
    return data
