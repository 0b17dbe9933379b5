"""The settlement of the budget (báo cáo quyết toán kinh phí): its layout read back with
python-docx, first from plain data, then from the Office's record in the database, through
the command and the admin's download; and the report on results before and after settlement."""

import dataclasses
import datetime

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from symposium_pages.documents.settlement import (
    NOT_SETTLED_MARK,
    SettlementData,
    SettlementLine,
    SupportingDocument,
    build_settlement,
)

from .docx_checks import body_paragraphs, header_texts, open_docx, paragraph_text

LINE_HEADER = [
    "TT",
    "Nội dung",
    "Đơn vị tính",
    "Số lượng",
    "Đơn giá",
    "Dự toán",
    "Thực chi",
    "Chênh lệch",
]
SIGNERS = ["NGƯỜI LẬP BIỂU", "KẾ TOÁN TRƯỞNG", "CHÁNH VĂN PHÒNG"]


def settled_data(**overrides):
    fields = {
        "issuing_body": "Ban Thường vụ Tỉnh ủy Gia Lai",
        "office": "Văn phòng Tỉnh ủy",
        "theme": "Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng",
        "plan_number": "92-KH/TU",
        "plan_date": datetime.date(2022, 8, 1),
        "event": "ngày 25/8/2022 tại Hội trường Tỉnh ủy",
        "place": "Gia Lai",
        "date": datetime.date(2022, 9, 5),
        "settled": True,
        "settled_on": datetime.date(2022, 9, 4),
        "approved_on": datetime.date(2022, 8, 10),
        "lines": [
            SettlementLine("Bồi dưỡng báo cáo viên", "người", 12, 500_000, 6_000_000, 6_000_000),
            SettlementLine(
                "Hoa, nước uống hội trường",
                "buổi",
                1,
                2_500_000,
                2_500_000,
                2_367_500,
                note="Hoa giảm giá",
            ),
            SettlementLine("In tài liệu tọa đàm", "cuốn", 150, 38_400, 5_760_000, 7_500_000),
        ],
        "documents": [
            SupportingDocument(
                "Hóa đơn", "Hóa đơn in số 0001234", "hoa-don-in.pdf", "In tài liệu tọa đàm"
            ),
            SupportingDocument("Biên lai", "Danh sách ký nhận bồi dưỡng", "ky-nhan.pdf"),
        ],
    }
    fields.update(overrides)
    return SettlementData(**fields)


def unsettled_data():
    data = settled_data(settled=False, settled_on=None)
    data.lines[2] = dataclasses.replace(data.lines[2], actual=None)
    return data


def texts(document):
    return [paragraph_text(p) for p in body_paragraphs(document)]


def table_rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_office_header_number_and_title():
    document = open_docx(build_settlement(settled_data()))
    left, right = (cell.text.split("\n") for cell in document.tables[0].rows[0].cells)
    assert left == ["TỈNH ỦY GIA LAI", "VĂN PHÒNG", "*", "Số       -BC/VPTU"]
    assert right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert right[-1] == "Gia Lai, ngày 05 tháng 9 năm 2022"
    lines = [line for line in texts(document) if line]
    start = lines.index("BÁO CÁO")
    assert lines[start + 1] == (
        "quyết toán kinh phí tổ chức tọa đàm “Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng”"
    )
    assert lines[start + 2].startswith("Thực hiện Kế hoạch số 92-KH/TU, ngày 1/8/2022 của ")
    assert lines[start + 2].endswith(", Văn phòng Tỉnh ủy báo cáo quyết toán kinh phí như sau:")
    assert lines[start + 3] == (
        "Dự toán kinh phí đã được duyệt ngày 10/08/2022; kinh phí đã được quyết toán ngày "
        "04/09/2022 theo số thực chi dưới đây."
    )
    # A settled budget carries no warning mark.
    section = document.sections[0]
    assert NOT_SETTLED_MARK not in header_texts(section.first_page_header)
    assert NOT_SETTLED_MARK not in "\n".join(lines)


def test_the_lines_table_estimate_actual_and_difference():
    document = open_docx(build_settlement(settled_data()))
    rows = table_rows(document.tables[1])
    assert rows == [
        LINE_HEADER,
        ["1", "Bồi dưỡng báo cáo viên", "người", "12", "500.000", "6.000.000", "6.000.000", "0"],
        [
            "2",
            "Hoa, nước uống hội trường\nHoa giảm giá",
            "buổi",
            "1",
            "2.500.000",
            "2.500.000",
            "2.367.500",
            "-132.500",
        ],
        [
            "3",
            "In tài liệu tọa đàm",
            "cuốn",
            "150",
            "38.400",
            "5.760.000",
            "7.500.000",
            "+1.740.000",
        ],
        ["", "Tổng cộng", "", "", "", "14.260.000", "15.867.500", "+1.607.500"],
    ]
    # The header row repeats on every page; the totals are bold.
    table = document.tables[1]
    assert (
        table.rows[0]._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )
    assert all(run.bold for cell in table.rows[-1].cells for run in cell.paragraphs[0].runs)


def test_the_totals_in_figures_and_in_words():
    lines = texts(open_docx(build_settlement(settled_data())))
    assert "Tổng kinh phí dự toán: 14.260.000 đồng." in lines
    assert "Tổng kinh phí quyết toán (thực chi): 15.867.500 đồng." in lines
    assert "Bằng chữ: Mười lăm triệu tám trăm sáu mươi bảy nghìn năm trăm đồng." in lines
    assert "So với dự toán: tăng 1.607.500 đồng." in lines


def test_the_word_for_a_thousand_is_the_configured_one():
    lines = texts(open_docx(build_settlement(settled_data(thousand="ngàn"))))
    assert "Bằng chữ: Mười lăm triệu tám trăm sáu mươi bảy ngàn năm trăm đồng." in lines


def test_the_supporting_documents_and_the_signatures():
    document = open_docx(build_settlement(settled_data()))
    lines = texts(document)
    assert "Chứng từ kèm theo:" in lines
    assert table_rows(document.tables[2]) == [
        ["TT", "Loại chứng từ", "Nội dung", "Khoản chi", "Tệp"],
        ["1", "Hóa đơn", "Hóa đơn in số 0001234", "In tài liệu tọa đàm", "hoa-don-in.pdf"],
        ["2", "Biên lai", "Danh sách ký nhận bồi dưỡng", "", "ky-nhan.pdf"],
    ]
    signatures = document.tables[-1]
    assert len(document.tables) == 4
    cells = [cell.text.split("\n") for cell in signatures.rows[0].cells]
    assert [cell[0] for cell in cells] == SIGNERS
    assert [cell[1] for cell in cells] == [
        "(Ký, ghi rõ họ tên)",
        "(Ký, ghi rõ họ tên)",
        "(Ký tên, đóng dấu)",
    ]
    assert all(run.bold for cell in signatures.rows[0].cells for run in cell.paragraphs[0].runs)
    # Kept on one page, and no blank page after them for the paragraph a document ends with.
    assert signatures.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    last = document.element.body[-2]
    assert last.tag == qn("w:p") and paragraph_text(last) == ""
    assert document.paragraphs[-1].paragraph_format.line_spacing == Pt(1)


def test_an_unsettled_budget_says_so_and_spells_the_estimate():
    data = unsettled_data()
    document = open_docx(build_settlement(data))
    section = document.sections[0]
    assert NOT_SETTLED_MARK in header_texts(section.first_page_header)
    assert NOT_SETTLED_MARK in header_texts(section.header)
    lines = texts(document)
    assert "(Kinh phí chưa được quyết toán)" in lines
    assert (
        "Dự toán kinh phí đã được duyệt ngày 10/08/2022. Kinh phí chưa được quyết toán: các số "
        "liệu dưới đây là dự toán; số thực chi mới nhập 2/3 khoản, chưa phải số quyết toán."
    ) in lines
    assert "Số thực chi đã nhập đến nay: 8.367.500 đồng (chưa quyết toán)." in lines
    assert "Bằng chữ: Mười bốn triệu hai trăm sáu mươi nghìn đồng (theo dự toán)." in lines
    assert not any(line.startswith("Tổng kinh phí quyết toán") for line in lines)
    rows = table_rows(document.tables[1])
    # The line with no actual amount leaves its actual and difference empty, and so does
    # the total difference, which would compare a part of the spending with the whole.
    assert rows[3][6:] == ["", ""]
    assert rows[-1][5:] == ["14.260.000", "8.367.500", ""]


def test_an_empty_budget_and_no_documents():
    data = settled_data(settled=False, settled_on=None, approved_on=None, lines=[], documents=[])
    lines = texts(open_docx(build_settlement(data)))
    assert "Chưa lập dự toán kinh phí." in lines
    assert "Chưa có chứng từ kèm theo." in lines
    assert "Bằng chữ: Không đồng (theo dự toán)." in lines
    assert any(line.startswith("Dự toán kinh phí chưa được duyệt. ") for line in lines)


# --- the report on results: its budget section says whose figures it gives ---------------


def report(**overrides):
    from symposium_pages.documents.report import BudgetItem, ReportData

    fields = {
        "issuing_body": "Ban Thường vụ Tỉnh ủy Gia Lai",
        "department": "Ban Tuyên giáo Tỉnh ủy",
        "theme": "Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng",
        "plan_number": "92-KH/TU",
        "budget": [
            BudgetItem("Hội trường", 1, "buổi", 2_500_000, actual=2_367_500),
            BudgetItem("In tài liệu tọa đàm", 150, "cuốn", 38_400, actual=7_500_000),
        ],
    }
    fields.update(overrides)
    return ReportData(**fields)


def budget_section(data):
    from symposium_pages.documents.report import build_report

    document = open_docx(build_report(data))
    lines = texts(document)
    source = lines[lines.index("IV. KINH PHÍ") + 1]
    return source, table_rows(document.tables[-2])


def test_the_report_gives_the_estimate_until_the_budget_is_settled():
    source, rows = budget_section(report())
    assert source == (
        "Số liệu theo dự toán: kinh phí chưa được Văn phòng Tỉnh ủy quyết toán; số thực chi "
        "sẽ được báo cáo sau khi quyết toán."
    )
    assert rows[0] == ["Nội dung", "Số lượng", "Đơn vị tính", "Đơn giá", "Thành tiền"]
    assert rows[-1] == ["Tổng cộng", "", "", "", "8.260.000 đ"]


def test_the_report_gives_the_settled_figures_once_settled():
    data = report(budget_settled=True, budget_settled_on=datetime.date(2022, 9, 4))
    source, rows = budget_section(data)
    assert source == (
        "Số liệu theo quyết toán kinh phí của Văn phòng Tỉnh ủy ngày 4/9/2022: tổng kinh phí "
        "thực chi 9.867.500 đ, dự toán 8.260.000 đ."
    )
    assert rows == [
        ["Nội dung", "Số lượng", "Đơn vị tính", "Dự toán", "Quyết toán"],
        ["Hội trường", "1", "buổi", "2.500.000 đ", "2.367.500 đ"],
        ["In tài liệu tọa đàm", "150", "cuốn", "5.760.000 đ", "7.500.000 đ"],
        ["Tổng cộng", "", "", "8.260.000 đ", "9.867.500 đ"],
    ]


# --- from the Office's record in the database ------------------------------------------------


@pytest.fixture
def people(db):
    from tests.symposium_pages.newsroom import make_people

    return make_people()


@pytest.fixture
def budget(home_page, people, settings, tmp_path):
    """A budget of three lines (the printing line among them) with a receipt and an invoice,
    approved and every actual amount entered, not yet settled."""
    settings.MEDIA_ROOT = str(tmp_path / "media")  # the files keep their names
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from symposium_pages.models import BudgetDocument, BudgetItem, SymposiumBudget
    from tests.symposium_pages.factories import make_plan

    plan = make_plan(home_page, booklet_copies=150, price_per_page=400)
    budget = SymposiumBudget.for_symposium(plan)
    hall = BudgetItem.objects.create(
        budget=budget, item="Hội trường, âm thanh", quantity=1, unit="buổi",
        unit_price=3_000_000, sort_order=1,
    )  # fmt: skip
    BudgetItem.objects.create(
        budget=budget, item="Bồi dưỡng báo cáo viên", quantity=12, unit="người",
        unit_price=500_000, sort_order=2,
    )  # fmt: skip
    Document = get_document_model()
    invoice = Document.objects.create(
        title="Hóa đơn hội trường",
        file=ContentFile(b"%PDF-1.4 hoa don", name="hoa-don-hoi-truong.pdf"),
    )
    receipts = Document.objects.create(
        title="Danh sách ký nhận", file=ContentFile(b"%PDF-1.4 ky nhan", name="ky-nhan.pdf")
    )
    BudgetDocument.objects.create(
        budget=budget, item=hall, document=invoice, kind="invoice",
        description="Hóa đơn số 0001234 của Trung tâm Hội nghị tỉnh",
    )  # fmt: skip
    BudgetDocument.objects.create(budget=budget, document=receipts, kind="receipt")
    budget.approve(people["office"])
    for line, actual in zip(budget.lines(), (2_850_000, 6_000_000, 135_000), strict=True):
        line.actual = actual
        line.paid_on = datetime.date(2022, 8, 26)
        line.save()
    return SymposiumBudget.objects.get(pk=budget.pk)


def database_totals(budget):
    from django.db.models import F, Sum

    sums = budget.items.aggregate(
        estimate=Sum(F("quantity") * F("unit_price")), actual=Sum("actual")
    )
    return sums["estimate"], sums["actual"]


def figures(amount):
    return f"{amount:,}".replace(",", ".")


def test_before_settlement_the_document_and_the_report_give_the_estimate(budget):
    from symposium_pages.printing import report_docx
    from symposium_pages.settlement import settlement_docx

    estimate, actual = database_totals(budget)
    assert (estimate, actual) == (3_000_000 + 6_000_000 + 2 * 150 * 400, 8_985_000)
    document = open_docx(settlement_docx(budget.symposium))
    assert NOT_SETTLED_MARK in header_texts(document.sections[0].header)
    lines = texts(document)
    assert "(Kinh phí chưa được quyết toán)" in lines
    assert "Bằng chữ: Chín triệu một trăm hai mươi nghìn đồng (theo dự toán)." in lines
    source, rows = budget_section(report_docx_data(budget))
    assert source.startswith("Số liệu theo dự toán: kinh phí chưa được Văn phòng Tỉnh ủy")
    assert rows[-1] == ["Tổng cộng", "", "", "", "9.120.000 đ"]
    assert report_docx(budget.symposium)  # the admin's and the command's door builds too


def test_once_settled_the_document_and_the_report_add_up_to_the_database(budget, people):
    from symposium_pages.settlement import settlement_docx

    budget.settle(people["office"])
    estimate, actual = database_totals(budget)
    document = open_docx(settlement_docx(budget.symposium, date=datetime.date(2022, 9, 5)))
    left = document.tables[0].rows[0].cells[0].text.split("\n")
    assert left[:2] == ["TỈNH ỦY GIA LAI", "VĂN PHÒNG"]
    rows = table_rows(document.tables[1])
    assert rows[0] == LINE_HEADER
    assert [row[1] for row in rows[1:3]] == ["Hội trường, âm thanh", "Bồi dưỡng báo cáo viên"]
    assert rows[3][1].startswith("In tài liệu tọa đàm (2 trang")
    assert rows[-1][5:7] == [figures(estimate), figures(actual)]
    assert sum(int(row[6].replace(".", "")) for row in rows[1:-1]) == actual
    lines = texts(document)
    assert f"Tổng kinh phí quyết toán (thực chi): {figures(actual)} đồng." in lines
    assert "Bằng chữ: Tám triệu chín trăm tám mươi lăm nghìn đồng." in lines
    assert table_rows(document.tables[2])[1:] == [
        ["1", "Hóa đơn", "Hóa đơn số 0001234 của Trung tâm Hội nghị tỉnh",
         "Hội trường, âm thanh", "hoa-don-hoi-truong.pdf"],
        ["2", "Biên lai", "Danh sách ký nhận", "", "ky-nhan.pdf"],
    ]  # fmt: skip
    signers = [cell.text.split("\n")[0] for cell in document.tables[-1].rows[0].cells]
    assert signers == SIGNERS

    source, rows = budget_section(report_docx_data(budget))
    assert source.startswith("Số liệu theo quyết toán kinh phí của Văn phòng Tỉnh ủy ngày ")
    assert source.endswith(
        f"tổng kinh phí thực chi {figures(actual)} đ, dự toán {figures(estimate)} đ."
    )
    assert rows[0] == ["Nội dung", "Số lượng", "Đơn vị tính", "Dự toán", "Quyết toán"]
    assert rows[-1] == ["Tổng cộng", "", "", f"{figures(estimate)} đ", f"{figures(actual)} đ"]


def report_docx_data(budget):
    from symposium_pages.printing import report_data

    return report_data(budget.symposium)


# --- the command and the admin's download ------------------------------------------------------


def manage(*args):
    """The command as `manage.py` runs it, in this process: its exit code and output."""
    import contextlib
    import io

    from django.core.management import execute_from_command_line

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            execute_from_command_line(["manage.py", *args])
        except SystemExit as exit:
            code = exit.code
    return code, out.getvalue(), err.getvalue()


def last_line(err):
    """The command's own last word (the system checks' warnings may come first)."""
    return err.splitlines()[-1] if err else ""


def test_export_settlement(budget, people, tmp_path, monkeypatch):
    # manage.py closes the database connections when a command ends, which PostgreSQL
    # cannot reopen inside the test's transaction: here they stay open.
    from django.db import connections

    monkeypatch.setattr(connections, "close_all", lambda: None)
    slug = budget.symposium.slug
    code, out, err = manage(
        "export_settlement", str(budget.symposium.pk), "-o", str(tmp_path / "a.docx")
    )
    assert code == 0 and "chưa được quyết toán" in out
    code, out, err = manage("export_settlement", "khong-co", "-o", str(tmp_path / "b.docx"))
    assert (code, out, last_line(err)) == (
        1,
        "",
        "CommandError: Không có tọa đàm nào có slug hoặc id khong-co.",
    )
    code, out, err = manage("export_settlement", slug, "-o", str(tmp_path / "b.pdf"))
    assert (code, last_line(err)) == (
        1,
        f"CommandError: Tệp ghi ra phải có đuôi .docx: {tmp_path / 'b.pdf'}",
    )
    code, out, err = manage("export_settlement", slug, "-o", str(tmp_path / "khong" / "c.docx"))
    assert code == 1 and "Không ghi được tệp" in err and "Traceback" not in err
    code, out, err = manage(
        "export_settlement", slug, "-o", str(tmp_path / "d.docx"), "--date", "5/9"
    )
    assert (code, last_line(err)) == (1, "CommandError: Không phải ngày (YYYY-MM-DD): 5/9")
    for args in ([slug], [], [slug, "-o"]):
        code, out, err = manage("export_settlement", *args)
        assert code == 2 and "Traceback" not in err, args
    assert not (tmp_path / "b.docx").exists() and not (tmp_path / "d.docx").exists()

    budget.settle(people["office"])
    target = tmp_path / "quyet-toan.docx"
    code, out, err = manage("export_settlement", slug, "-o", str(target), "--date", "2022-09-05")
    assert code == 0 and "Error" not in err
    assert out == (
        f"Quyết toán → {target}: 3 khoản, dự toán 9.120.000 đ, quyết toán 8.985.000 đ.\n"
    )
    document = open_docx(target.read_bytes())
    assert document.tables[0].rows[0].cells[1].paragraphs[-1].text == (
        "Gia Lai, ngày 05 tháng 9 năm 2022"
    )
    assert table_rows(document.tables[1])[-1][5:7] == ["9.120.000", "8.985.000"]


def test_the_download_and_its_buttons_for_those_who_read_the_budget(budget, people, client):
    from django.urls import reverse

    from symposium_pages.models import SymposiumBudget
    from symposium_pages.wagtail_hooks import settlement_header_button

    url = f"/admin/symposium/{budget.symposium_id}/settlement/"
    for name in ("office", "moderator", "editor"):
        client.force_login(people[name])
        response = client.get(url)
        assert response.status_code == 200, name
        assert response["Content-Disposition"] == (
            'attachment; filename="quyet-toan-kinh-phi-92-KH-TU.docx"'
        )
        document = open_docx(b"".join(response.streaming_content))
        assert table_rows(document.tables[1])[0] == LINE_HEADER
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    client.force_login(people["reviewer"])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    # The buttons: on the plan's header, and on the budget's own views.
    for name, shown in (
        ("office", True),
        ("moderator", True),
        ("editor", True),
        ("reviewer", False),
    ):
        buttons = settlement_header_button(budget.symposium, people[name], "edit")
        assert [button.url for button in buttons] == ([url] if shown else []), name

    viewset = SymposiumBudget.snippet_viewset
    link = f'href="{url}"'
    client.force_login(people["editor"])  # reads the budget: the inspect view
    html = client.get(reverse(viewset.get_url_name("inspect"), args=[budget.pk])).content
    assert link in html.decode()
    client.force_login(people["office"])  # keeps it: the edit view
    html = client.get(reverse(viewset.get_url_name("edit"), args=[budget.pk])).content
    assert link in html.decode()
