"""The add-on on the Gia Lai demo: its numbers, statuses and lists as the demo builds them.

These tests need the demo host (`load_demo`), so they run with the host's settings; the
add-on's own tests (tests/symposium_pages) run on the stock test project.
"""

import re
from collections import Counter

from wagtail.models import Page, WorkflowState

from symposium_pages import roles
from symposium_pages.categories import UnitCategory
from symposium_pages.models import Invitation, InvitedUnitsPage, SymposiumPage
from tests.symposium_pages.test_dashboard import panel_numbers
from tests.symposium_pages.test_invited_units_page import PLAN_ORDER_LABELS, groups
from tests.symposium_pages.test_workflow_status import INVITATIONS_URL, listed

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


def test_dashboard_numbers_equal_the_demo(admin_client, demo):
    plan = SymposiumPage.objects.get(locale__language_code="vi")
    html = admin_client.get("/admin/").content.decode()
    numbers = panel_numbers(html, plan)

    invitations = list(Invitation.objects.with_status().filter(symposium=plan))
    statuses = Counter(item.status for item in invitations)
    expected = {
        (): len(invitations),
        (("paper_received", "true"),): sum(1 for item in invitations if item.latest_paper()),
        (("late", "true"),): sum(1 for item in invitations if "late" in item.flags),
        (("over_limit", "true"),): sum(1 for item in invitations if "over_limit" in item.flags),
        **{
            (("status", status),): statuses[status]
            for status in (
                "in_vetting",
                "changes_requested",
                "in_approval",
                "approved",
                "published",
                "invited",
            )
        },
    }
    assert {key: value for key, (value, _url) in numbers.items()} == expected
    # The demo as it is built: 42 invited, 9 papers, one at each step but two published.
    assert {key: value for key, (value, _url) in numbers.items()} == {
        (): 42,
        (("paper_received", "true"),): 9,
        (("late", "true"),): 1,
        (("over_limit", "true"),): 1,
        (("status", "in_vetting"),): 1,
        (("status", "changes_requested"),): 1,
        (("status", "in_approval"),): 1,
        (("status", "approved"),): 1,
        (("status", "published"),): 2,
        # Not 26: the Department that organises it is no unit still missing.
        (("status", "invited"),): 25,
    }
    # Each number leads to a list of exactly that many invitations.
    for value, url in numbers.values():
        response = admin_client.get(url)
        assert response.status_code == 200
        assert response.context["items_count"] == value, url


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


def test_demo_invites_units_of_all_seven_categories(client, demo):
    invited = Invitation.objects.filter(symposium__slug="toa-dam-xay-dung-chinh-don-dang-2022")
    assert sorted(set(invited.values_list("unit__category", flat=True))) == sorted(
        UnitCategory.values
    )
    expectations = list(invited.values_list("expectation", flat=True))
    assert expectations.count("paper") > 3 * expectations.count("attend") > 0
    assert not invited.exclude(unit__email__endswith="@gialai.example").exists()
    page = InvitedUnitsPage.objects.get(locale__language_code="vi")
    assert page.live and page.title == "Các đơn vị được mời"
    shown = groups(client.get(page.url).content.decode())
    assert [
        re.sub(r"^\d\. | \(\d+\)$", "", heading) for heading, _items in shown
    ] == PLAN_ORDER_LABELS
    advisory = [
        item.split(" Trình bày")[0].split(" Dự và")[0].split(" Đơn vị tổ chức")[0]
        for item in shown[0][1]
    ]
    # The Department organises it: said on its row, with its keynote and closing summary.
    [department] = [item for item in shown[0][1] if item.startswith("Ban Tuyên giáo")]
    assert department.startswith("Ban Tuyên giáo Tỉnh ủy Đơn vị tổ chức tọa đàm")
    assert department.endswith("Báo cáo đề dẫn tọa đàm Báo cáo tổng kết tọa đàm")
    assert advisory == [  # in order of precedence, not alphabetical
        "Ban Tổ chức Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Ban Dân vận Tỉnh ủy",
        "Ban Nội chính Tỉnh ủy",
        "Văn phòng Tỉnh ủy",
        "Trường Chính trị tỉnh",
    ]
    district = dict(shown)["5. Các huyện ủy, thị ủy, thành ủy (17)"]
    # Chư Păh's paper is published in the demo, so its title follows the presenter.
    assert (
        "Huyện ủy Chư Păh Trình bày: Phó Bí thư Thường trực Huyện ủy "
        "Người đứng đầu nêu gương: kinh nghiệm từ huyện Chư Păh"
    ) in district


def test_workflow_states_are_what_released_the_demo(demo):
    """Every live page of the demo's symposia went live as a revision a workflow approved."""
    for page in Page.objects.type(SymposiumPage).live():
        for live in page.get_descendants(inclusive=True).live():
            assert WorkflowState.objects.filter(
                object_id=str(live.pk),
                status=WorkflowState.STATUS_APPROVED,
                workflow__symposium_role__key=roles.WORKFLOW,
                current_task_state__revision_id=live.live_revision_id,
            ).exists(), live
