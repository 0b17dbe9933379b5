"""The organiser is not a missing unit: the Department that leads the symposium writes the
keynote and the closing summary, and those are its contribution, in the report on results,
on the dashboard, in the invitation list and on the units page."""

import re

import pytest
from django.urls import reverse

from symposium_pages import printing
from symposium_pages.categories import VIETNAMESE_LABELS
from symposium_pages.models import Invitation, InvitedUnitsPage, PaperPage
from symposium_pages.progress import progress
from tests.documents.docx_checks import open_docx

from .factories import release
from .reading import paper, symposium, text, unit_and_invitation, units_page

DEPARTMENT = "Ban Tuyên giáo Tỉnh ủy"


@pytest.fixture
def plan(home_page):
    plan = symposium(home_page)
    department, _invitation = unit_and_invitation(plan, DEPARTMENT, "tham_muu")
    plan.organiser = department
    plan = release(plan)
    units_page(plan)
    paper(plan, "Báo cáo đề dẫn", kind=PaperPage.Kind.KEYNOTE, unit=department, pages=3)
    paper(plan, "Sinh hoạt chi bộ ở phường", "Thành ủy Pleiku", pages=5)
    paper(plan, "Báo cáo tổng kết", kind=PaperPage.Kind.CLOSING, unit=department, pages=2)
    unit_and_invitation(plan, "Huyện ủy Kbang")  # invited, sent nothing
    # A paper still in the editors' hands keeps the plan on the dashboard.
    paper(plan, "Bản thảo chưa duyệt", "Thị ủy An Khê", live=False)
    return plan


def test_the_report_counts_the_organisers_reports_as_its_contribution(plan):
    data = printing.report_data(plan)
    assert data.missing == [(VIETNAMESE_LABELS["huyen_uy"], "Huyện ủy Kbang")]
    advisory = next(row for row in data.rows if row.label == VIETNAMESE_LABELS["tham_muu"])
    # invited, received, on time, late, over the limit, presented, published
    assert advisory.values() == [1, 1, 1, 0, 0, 0, 1]
    assert data.pages_received == 3 + 5 + 2
    document = open_docx(printing.report_docx(plan))
    lines = [paragraph.text for paragraph in document.paragraphs]
    missing = lines[lines.index("II. CÁC ĐƠN VỊ CHƯA GỬI THAM LUẬN") :]
    missing = missing[: missing.index("III. SỐ TRANG VÀ IN ẤN TÀI LIỆU")]
    assert [line for line in missing if line.startswith("- ")] == ["- Huyện ủy Kbang;"]


def test_the_organisers_invitation_has_a_status_of_its_own(plan):
    invitations = Invitation.objects.filter(symposium=plan).with_status()
    python = {item.unit.name: item.status for item in invitations}
    assert python[DEPARTMENT] == Invitation.Status.ORGANISER
    for status in (Invitation.Status.ORGANISER, Invitation.Status.INVITED):
        in_database = invitations.filter_status(status).values_list("unit__name", flat=True)
        assert sorted(in_database) == sorted(
            name for name, value in python.items() if value == status
        )
    assert list(
        invitations.filter_status(Invitation.Status.INVITED).values_list("unit__name", flat=True)
    ) == ["Huyện ủy Kbang"]


def test_the_dashboard_does_not_count_the_organiser_as_missing(admin_client, plan):
    assert progress([plan])[0].missing == 1
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    link = reverse(Invitation.snippet_viewset.get_url_name("list"))
    missing_url = f"{link}?symposium={plan.pk}&amp;status=invited"
    line = re.search(rf'href="{re.escape(missing_url)}"[^>]*>(.*?)</a>', html, re.S)
    assert text(line.group(1)) == "1"
    listed = admin_client.get(missing_url.replace("&amp;", "&"))
    assert listed.context["items_count"] == 1


def test_the_units_page_lists_the_organisers_reports_on_its_row(client, plan):
    html = client.get(InvitedUnitsPage.objects.child_of(plan).get().url).content.decode()
    row = re.search(rf'<span class="unit-name">{DEPARTMENT}</span>(.*?)</li>', html, re.S)
    papers = re.findall(r'class="unit-paper"[^>]*>(.*?)</a>', row.group(1))
    assert [text(title) for title in papers] == ["Báo cáo đề dẫn", "Báo cáo tổng kết"]
    assert '<span class="unit-role unit-organiser">Đơn vị tổ chức tọa đàm</span>' in row.group(1)
    assert html.count("unit-organiser") == 1


def test_without_an_organiser_named_the_department_is_just_an_invited_unit(plan):
    """Nothing goes by the unit's name: the plan's field says who organises."""
    plan.organiser = None
    plan = release(plan)
    data = printing.report_data(plan)
    assert [unit for _category, unit in data.missing] == [DEPARTMENT, "Huyện ủy Kbang"]
    assert progress([plan])[0].missing == 2
