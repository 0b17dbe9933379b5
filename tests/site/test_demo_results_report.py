"""The report on results: its header and number line, and numbers equal to the database's."""

import datetime

import pytest
from django.db.models import Sum

from symposium_pages import printing
from symposium_pages.categories import VIETNAMESE_LABELS, UnitCategory
from symposium_pages.documents.report import COLUMNS
from symposium_pages.formatting import vnd
from symposium_pages.models import Invitation, PaperPage, SymposiumBudget, SymposiumPage, Unit
from tests.documents.docx_checks import open_docx
from tests.symposium_pages.factories import make_plan, release


@pytest.fixture
def symposium(demo):
    symposium = SymposiumPage.objects.get(slug="toa-dam-xay-dung-chinh-don-dang-2022")
    # After the event one more unit is ticked as having presented its paper.
    Invitation.objects.filter(symposium=symposium, unit__name="Thị ủy An Khê").update(
        presented=True
    )
    return symposium


def own_reports(symposium):
    """The organiser's keynote and closing summary: its contribution, with no invitation."""
    return PaperPage.objects.child_of(symposium).filter(
        unit=symposium.organiser, invitation__isnull=True
    )


def database_counts(symposium):
    """The same numbers, asked of the database directly (the workflow's own expressions).

    The organiser counts once as having sent, on time, and published when its reports are.
    """
    rows = {}
    for key in UnitCategory.values:
        invitations = Invitation.objects.filter(symposium=symposium, unit__category=key)
        if not invitations.exists():
            continue
        received = invitations.filter(papers__isnull=False).distinct()
        late = received.filter_late().count()
        own = int(
            invitations.filter(unit=symposium.organiser).exists()
            and own_reports(symposium).exists()
        )
        rows[VIETNAMESE_LABELS[key]] = [
            invitations.count(),
            received.count() + own,
            received.count() - late + own,
            late,
            received.filter_over_limit().count(),
            invitations.filter(presented=True).count(),
            invitations.filter_status(Invitation.Status.PUBLISHED).count()
            + int(bool(own) and own_reports(symposium).filter(live=True).exists()),
        ]
    return rows


def test_counts_equal_the_database(symposium):
    data = printing.report_data(symposium)
    assert {row.label: row.values() for row in data.rows} == database_counts(symposium)
    totals = data.totals.values()
    assert totals[0] == Invitation.objects.filter(symposium=symposium).count()
    assert totals[5] == Invitation.objects.filter(presented=True).count() == 4
    missing = Invitation.objects.filter(
        symposium=symposium, expectation=Invitation.Expectation.PAPER, papers__isnull=True
    ).exclude(unit=symposium.organiser)
    assert sorted(unit for _category, unit in data.missing) == sorted(
        missing.values_list("unit__name", flat=True)
    )
    # The Department wrote the keynote and the summary: it is not a unit that sent nothing.
    assert symposium.organiser.name == "Ban Tuyên giáo Tỉnh ủy"
    assert "Ban Tuyên giáo Tỉnh ủy" not in {unit for _category, unit in data.missing}
    pages = PaperPage.objects.filter(invitation__symposium=symposium).aggregate(Sum("pages"))
    own = own_reports(symposium).aggregate(Sum("pages"))
    assert data.pages_received == pages["pages__sum"] + own["pages__sum"]


def test_the_document_carries_the_same_numbers(symposium):
    symposium.report_number = "150-BC/BTGTU"
    release(symposium)
    symposium = SymposiumPage.objects.get(pk=symposium.pk)
    data = printing.report_data(symposium, date=datetime.date(2022, 9, 5))
    document = open_docx(printing.report_docx(symposium, date=datetime.date(2022, 9, 5)))

    header = document.tables[0]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "TỈNH ỦY GIA LAI",
        "BAN TUYÊN GIÁO",
        "*",
        "Số 150-BC/BTGTU",
    ]
    assert right.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert right.paragraphs[-1].text == "Gia Lai, ngày 05 tháng 9 năm 2022"

    counts = document.tables[1]
    assert [cell.text for cell in counts.rows[0].cells] == list(COLUMNS)
    table = [[cell.text for cell in row.cells] for row in counts.rows[1:]]
    expected = [[row.label, *map(str, row.values())] for row in data.rows]
    expected.append(["Tổng cộng", *map(str, data.totals.values())])
    assert table == expected
    assert table[:-1] == [
        [label, *map(str, values)] for label, values in database_counts(symposium).items()
    ]

    text = "\n".join(p.text for p in document.paragraphs)
    for _category, unit in data.missing:
        assert f"- {unit};" in text
    assert f"Tổng số trang tham luận nhận được: {data.pages_received} trang" in text
    pages = data.printing.pages
    assert f"in 150 cuốn, đơn giá 350 đ/trang; thành tiền {vnd(pages * 150 * 350)}." in text

    budget = [[cell.text for cell in row.cells] for row in document.tables[2].rows]
    assert budget[0] == ["Nội dung", "Số lượng", "Đơn vị tính", "Đơn giá", "Thành tiền"]
    # the demo's lines, from the Office's record (its estimate approved by the Office)
    assert budget[1] == [
        "Thuê hội trường, âm thanh, ánh sáng",
        "1",
        "buổi",
        "4.500.000 đ",
        "4.500.000 đ",
    ]
    assert budget[2] == [
        "Nước uống, giải khát cho đại biểu",
        "150",
        "người",
        "30.000 đ",
        "4.500.000 đ",
    ]
    assert budget[5][0].startswith("In tài liệu tọa đàm")
    assert budget[5][1:3] == ["150", "cuốn"]
    record = SymposiumBudget.for_symposium(symposium)
    assert (
        record.estimate_total == 4_500_000 + 4_500_000 + 2_000_000 + 4_500_000 + pages * 150 * 350
    )
    assert budget[-1] == ["Tổng cộng", "", "", "", vnd(record.estimate_total)]


def test_a_plan_without_number_budget_or_missing_units(home_page):
    plan = make_plan(home_page)
    unit = Unit.objects.create(name="Huyện ủy Kbang", category="huyen_uy")
    Invitation.objects.create(symposium=plan, unit=unit, expectation=Invitation.Expectation.ATTEND)
    data = printing.report_data(plan)
    assert [(row.label, row.values()) for row in data.rows] == [
        ("Huyện ủy, thị ủy, thành ủy", [1, 0, 0, 0, 0, 0, 0])
    ]
    document = open_docx(printing.report_docx(plan))
    left = document.tables[0].rows[0].cells[0]
    assert left.paragraphs[-1].text == "Số       -BC/BTGTU"
    texts = [p.text for p in document.paragraphs]
    assert "Chưa lập dự trù kinh phí." in texts
    assert "Tất cả các đơn vị được mời viết tham luận đều đã gửi tham luận." in texts
    assert any(text.endswith("chưa xác định số lượng in và đơn giá.") for text in texts)
