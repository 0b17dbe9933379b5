"""The settlement of the budget (báo cáo quyết toán kinh phí): its layout read back with
python-docx, first from plain data, then from the Office's record in the database, through
the command and the admin's download; and the report on results before and after settlement."""

import dataclasses
import datetime

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
            SettlementLine("Hoa, nước uống hội trường", "buổi", 1, 2_500_000, 2_500_000, 2_367_500),
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
            "Hoa, nước uống hội trường",
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
