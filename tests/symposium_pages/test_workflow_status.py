"""A paper's derived status follows Wagtail's workflow, the same in Python and in the database."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from symposium_pages.models import Invitation, SymposiumPage, Unit

from .factories import make_plan
from .newsroom import make_people, receive

INVITATIONS_URL = "/admin/snippets/symposium_pages/invitation/"

# What the demo leaves behind, unit by unit (the others have sent nothing yet).
DEMO_PAPERS = {
    "Thành ủy Pleiku": "published",
    "Huyện ủy Chư Păh": "published",
    "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh": "in_vetting",
    "Huyện ủy Đak Đoa": "changes_requested",
    "Ủy ban Kiểm tra Tỉnh ủy": "in_approval",
    "Ban Thường vụ Tỉnh đoàn": "approved",
    "Thị ủy An Khê": "received",
    "Huyện ủy Kbang": "over_limit",
    "Đảng đoàn Hội Nông dân tỉnh": "late",
}


def listed(response):
    assert response.status_code == 200
    return sorted(str(item.unit) for item in response.context["object_list"])


def test_demo_statuses_follow_the_workflow_in_python_and_in_the_database(demo):
    invitations = list(Invitation.objects.with_status())
    python = {item.unit.name: item.status for item in invitations if item.latest_paper()}
    assert python == DEMO_PAPERS
    everyone = {item.pk: item.status for item in invitations}
    for status in Invitation.Status.values:
        in_database = set(Invitation.objects.filter_status(status).values_list("pk", flat=True))
        assert in_database == {pk for pk, value in everyone.items() if value == status}, status
    assert list(Invitation.objects.filter_late().values_list("unit__name", flat=True)) == [
        "Đảng đoàn Hội Nông dân tỉnh"
    ]
    assert list(Invitation.objects.filter_over_limit().values_list("unit__name", flat=True)) == [
        "Huyện ủy Kbang"
    ]
    changes = Invitation.objects.with_status().get(unit__name="Huyện ủy Đak Đoa")
    assert changes.latest_paper().changes_requested_comment.startswith(
        "Đề nghị bổ sung số chi bộ thôn, làng"
    )


def test_the_invitation_list_filters_by_status(admin_client, demo):
    plan = SymposiumPage.objects.get(locale__language_code="vi")
    for status in ("in_vetting", "changes_requested", "in_approval", "approved", "published"):
        expected = sorted(unit for unit, value in DEMO_PAPERS.items() if value == status)
        response = admin_client.get(INVITATIONS_URL, {"symposium": plan.pk, "status": status})
        assert listed(response) == expected, status
    assert listed(admin_client.get(INVITATIONS_URL, {"late": "true"})) == [
        "Đảng đoàn Hội Nông dân tỉnh"
    ]
    assert listed(admin_client.get(INVITATIONS_URL, {"over_limit": "true"})) == ["Huyện ủy Kbang"]
    html = admin_client.get(
        INVITATIONS_URL, {"symposium": plan.pk, "status": "changes_requested"}
    ).content.decode()
    comment = re.search(r'<p class="invitation-status__comment help-text">(.*?)</p>', html, re.S)
    assert comment.group(1).startswith("Đề nghị bổ sung số chi bộ thôn, làng")


def count_list_queries(client, plan):
    with CaptureQueriesContext(connection) as context:
        response = client.get(INVITATIONS_URL, {"symposium": plan.pk})
    assert response.status_code == 200
    return len(context.captured_queries), len(response.context["object_list"])


def test_the_list_stays_bounded_with_papers_at_every_step(admin_client, home_page):
    """5 or 30 invitations, papers received, in vetting, sent back, approved: same queries."""
    people = make_people()
    plan = make_plan(home_page)

    def invite(start, stop):
        for number in range(start, stop):
            name = f"Đơn vị {number:02d}"
            unit = Unit.objects.create(name=name, category="huyen_uy")
            Invitation.objects.create(symposium=plan, unit=unit)
            step = number % 4
            if step == 0:
                continue
            paper = receive(plan, unit_name=name, user=people["editor"])
            if step >= 2:
                state = paper.get_workflow().start(paper, people["editor"])
                if step == 3:
                    state.current_task_state.reject(user=people["reviewer"], comment="Sửa lại.")

    invite(0, 5)
    admin_client.get(INVITATIONS_URL)  # warm the caches
    few, shown = count_list_queries(admin_client, plan)
    assert shown == 5
    invite(5, 30)
    many, shown = count_list_queries(admin_client, plan)
    assert shown == 30
    assert many == few
    statuses = {item.status for item in Invitation.objects.with_status()}
    assert statuses == {"invited", "received", "in_vetting", "changes_requested"}
