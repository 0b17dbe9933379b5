"""Two editors save the same paper from forms opened at the same time: both revisions are kept."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from symposium_pages.models import Invitation, Unit
from symposium_pages.receiving import receive_paper
from tests.symposium_pages.docx_builders import simple_paper
from tests.symposium_pages.factories import make_plan


def editor(name):
    user = get_user_model().objects.create_superuser(name, f"{name}@toasoan.example", "pw")
    client = Client()
    client.force_login(user)
    return user, client


def opened_form(client, page):
    """The edit form as the browser holds it after loading, before the editor types."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    return querydict_from_html(html, form_id="page-edit-form")


def save(client, page, form, paragraph):
    data = form.copy()
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))])})
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.mark.django_db
def test_two_editors_saving_the_same_paper_keep_both_revisions(home_page):
    plan = make_plan(home_page)
    unit = Unit.objects.create(name="Huyện ủy Chư Păh", category="huyen_uy")
    invitation = Invitation.objects.create(symposium=plan, unit=unit)
    paper = receive_paper(
        plan,
        data=simple_paper(),
        filename="tham-luan.docx",
        invitation=invitation,
        method="estimate",
    ).paper
    received = paper.revisions.count()
    lan, lan_client = editor("lan")
    minh, minh_client = editor("minh")

    lan_form = opened_form(lan_client, paper)
    minh_form = opened_form(minh_client, paper)
    assert lan_form["loaded_revision_id"] == minh_form["loaded_revision_id"]

    first = save(lan_client, paper, lan_form, "Chị Lan sửa đoạn mở đầu.")
    second = save(minh_client, paper, minh_form, "Anh Minh sửa đoạn kết luận.")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/admin/pages/{paper.pk}/edit/"

    revisions = list(paper.revisions.order_by("created_at", "pk"))
    assert len(revisions) == received + 2
    by_lan, by_minh = revisions[-2], revisions[-1]
    assert (by_lan.user, by_minh.user) == (lan, minh)
    assert "Chị Lan sửa đoạn mở đầu." in str(by_lan.as_object().body)
    assert "Anh Minh sửa đoạn kết luận." in str(by_minh.as_object().body)
    # The later save is the current draft; the earlier one stays in the history to compare
    # or restore, and each is in the page's log under its author.
    paper.refresh_from_db()
    assert paper.latest_revision_id == by_minh.pk
    assert "Anh Minh" in str(paper.get_latest_revision_as_object().body)
    history = lan_client.get(f"/admin/pages/{paper.pk}/history/").content.decode()
    assert f"/admin/pages/{paper.pk}/revisions/{by_lan.pk}/view/" in history
    assert f"/admin/pages/{paper.pk}/revisions/{by_minh.pk}/view/" in history
