"""The invitation letter's layout: a Party document per unit, with the link and its QR code."""

import datetime

from docx.oxml.ns import qn
from docx.shared import Mm

from symposium_pages.documents.letter import LetterData, build_letters

from .docx_checks import body_paragraphs, default_fonts, open_docx, paragraph_text
from .qr_checks import encodes, modules, pictures

URL = "https://baogialai.example/desk/Zq3xK9vT2mW8pL5nR7cY1bH4jF6dS0aE/"


def letter(**overrides):
    fields = {
        "issuing_body": "Ban Thường vụ Tỉnh ủy Gia Lai",
        "department": "Ban Tuyên giáo Tỉnh ủy",
        "theme": "Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng",
        "plan_number": "92-KH/TU",
        "plan_date": datetime.date(2022, 8, 1),
        "unit": "Huyện ủy Chư Păh",
        "url": URL,
        "page_limit": 7,
        "deadline": datetime.date(2022, 8, 19),
        "place": "Gia Lai",
        "date": datetime.date(2022, 8, 5),
        "requirements": "<p>Tham luận <b>ngắn gọn</b>, có số liệu.</p><p>Nêu kiến nghị.</p>",
        "contact": "Phòng Lý luận chính trị, 0269 3824 000",
    }
    fields.update(overrides)
    return LetterData(**fields)


def texts(document):
    return [paragraph_text(p) for p in body_paragraphs(document)]


def test_the_letter_opens_with_the_departments_party_header():
    document = open_docx(build_letters([letter()]))
    header = document.tables[0]
    left, right = (cell.text.split("\n") for cell in header.rows[0].cells)
    assert left == [
        "TỈNH ỦY GIA LAI",
        "BAN TUYÊN GIÁO",
        "*",
        "Số       -CV/BTGTU",
        "V/v gửi tham luận tọa đàm",
    ]
    assert right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert right[-1] == "Gia Lai, ngày 05 tháng 8 năm 2022"
    date_run = header.rows[0].cells[1].paragraphs[-1].runs[0]
    assert date_run.italic is True
    assert default_fonts(document)["eastAsia"] == "Times New Roman"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_letter_names_the_unit_the_plan_the_limit_and_the_deadline():
    lines = texts(open_docx(build_letters([letter()])))
    assert "Kính gửi: Huyện ủy Chư Păh" in lines
    [basis] = [line for line in lines if line.startswith("Thực hiện Kế hoạch số 92-KH/TU")]
    assert "ngày 1/8/2022 của Ban Thường vụ Tỉnh ủy Gia Lai" in basis
    assert "Huyện ủy Chư Păh chuẩn bị tham luận" in basis
    assert "Tham luận ngắn gọn, có số liệu." in lines
    assert "Nêu kiến nghị." in lines
    [limit] = [line for line in lines if line.startswith("Tham luận dài không quá")]
    assert limit.startswith("Tham luận dài không quá 7 trang giấy khổ A4")
    assert "trước ngày 19-8-2022" in limit
    assert URL in lines
    assert any("0269 3824 000" in line for line in lines)


def test_the_requirements_keep_their_bold():
    document = open_docx(build_letters([letter()]))
    runs = [run for p in document.paragraphs for run in p.runs if run.text == "ngắn gọn"]
    assert [run.bold for run in runs] == [True]


def test_the_qr_code_reads_as_the_link():
    document = open_docx(build_letters([letter()]))
    [png] = pictures(document)
    assert encodes(png, URL)
    assert not encodes(png, URL.replace("Zq3", "Zq4"))
    [shape] = document.inline_shapes
    assert abs(shape.width - Mm(38)) < Mm(1)
    assert len(modules(png)) >= 21


def test_a_round_of_letters_puts_each_unit_on_new_pages():
    units = ["Huyện ủy Chư Păh", "Đảng ủy Công an tỉnh", "Thị ủy An Khê"]
    urls = [f"{URL}{index}/" for index in range(3)]
    document = open_docx(
        build_letters([letter(unit=unit, url=url) for unit, url in zip(units, urls, strict=True)])
    )
    assert len(document.sections) == 3
    starts = [section.start_type for section in document.sections[1:]]
    assert all(start == 2 for start in starts)  # WD_SECTION.NEW_PAGE
    lines = texts(document)
    assert [line for line in lines if line.startswith("Kính gửi")] == [
        f"Kính gửi: {unit}" for unit in units
    ]
    assert [encodes(png, url) for png, url in zip(pictures(document), urls, strict=True)] == [
        True
    ] * 3
    assert len(document.tables) == 6  # a header and a signature per letter
    assert all(
        sectpr.find(qn("w:pgSz")) is not None
        for sectpr in document.element.body.iter(qn("w:sectPr"))
    )


def test_a_plan_without_requirements_or_deadline_still_makes_a_letter():
    lines = texts(open_docx(build_letters([letter(requirements="", deadline=None, contact="")])))
    assert "Yêu cầu của Kế hoạch:" not in lines
    assert "Tham luận dài không quá 7 trang giấy khổ A4." in lines
