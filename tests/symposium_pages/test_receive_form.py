"""The receive form's list of invitations: grouped by category, who has sent marked."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from symposium_pages.models import Invitation, PaperPage, Unit

from .factories import make_plan


@pytest.fixture
def plan(home_page):
    return make_plan(home_page)


def invite(plan, name, category, position=100):
    unit = Unit.objects.create(name=name, category=category, position=position)
    return Invitation.objects.create(symposium=plan, unit=unit)


def received(plan, invitation):
    """A paper filed for the invitation, as the intake leaves it: a draft page."""
    paper = PaperPage(title=f"Tham luận của {invitation.unit.name}", invitation=invitation)
    paper.unit = invitation.unit
    plan.add_child(instance=paper)
    return paper


def invitation_select(html):
    """[(group label, [(value, label), …]), …] of the invitation field, as rendered."""
    select = re.search(r'<select name="invitation"[^>]*>(.*?)</select>', html, re.S).group(1)
    groups = []
    for label, body in re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S):
        options = re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', body)
        groups.append((label, options))
    return groups


def test_invitations_grouped_by_category_unsent_first_sent_marked(admin_client, plan):
    pleiku = invite(plan, "Thành ủy Pleiku", "huyen_uy", position=1)
    chu_pah = invite(plan, "Huyện ủy Chư Păh", "huyen_uy", position=2)
    kbang = invite(plan, "Huyện ủy Kbang", "huyen_uy", position=3)
    organising = invite(plan, "Ban Tổ chức Tỉnh ủy", "tham_muu")
    youth = invite(plan, "Ban Thường vụ Tỉnh đoàn", "tinh_doan")
    received(plan, pleiku)
    received(plan, youth)

    html = admin_client.get(f"/admin/symposium/{plan.pk}/receive-paper/").content.decode()

    assert invitation_select(html) == [
        (
            "Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
            [(str(organising.pk), "Ban Tổ chức Tỉnh ủy")],
        ),
        (
            "Ban Thường vụ Tỉnh đoàn",
            [(str(youth.pk), "Ban Thường vụ Tỉnh đoàn (đã gửi)")],
        ),
        (
            "Các huyện ủy, thị ủy, thành ủy",
            [
                (str(chu_pah.pk), "Huyện ủy Chư Păh"),
                (str(kbang.pk), "Huyện ủy Kbang"),
                (str(pleiku.pk), "Thành ủy Pleiku (đã gửi)"),
            ],
        ),
    ]
    assert plan.title not in re.search(r'<select name="invitation".*?</select>', html, re.S)[0]


def test_the_list_costs_one_query_however_many_invitations(admin_client, plan):
    def select_queries():
        with CaptureQueriesContext(connection) as queries:
            admin_client.get(f"/admin/symposium/{plan.pk}/receive-paper/")
        return len(queries)

    first = invite(plan, "Huyện ủy Kbang", "huyen_uy")
    received(plan, first)
    few = select_queries()
    for number in range(8):
        received(plan, invite(plan, f"Đảng ủy xã {number}", "co_so"))
    assert select_queries() == few


def test_a_sent_invitation_can_still_be_chosen(admin_client, plan):
    """Marked as sent, not shut out: a unit may send a corrected paper."""
    sent = invite(plan, "Huyện ủy Kbang", "huyen_uy")
    received(plan, sent)
    response = admin_client.post(
        f"/admin/symposium/{plan.pk}/receive-paper/", {"invitation": sent.pk}
    )
    form = response.context["form"]
    assert "invitation" not in form.errors
    assert form.cleaned_data["invitation"] == sent
