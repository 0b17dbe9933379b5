"""A paper's derived status follows Wagtail's workflow, the same in Python and in the database."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from symposium_pages.models import Invitation, Unit

from .factories import make_plan
from .newsroom import make_people, receive

INVITATIONS_URL = "/admin/snippets/symposium_pages/invitation/"


def listed(response):
    assert response.status_code == 200
    return sorted(str(item.unit) for item in response.context["object_list"])


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
