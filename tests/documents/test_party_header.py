"""The Party document header (Hướng dẫn 36-HD/VPTW) and its number line."""

import datetime
import io

import pytest

from symposium_pages.documents import docx_style, party_header
from symposium_pages.documents.party_header import HeaderLine
from tests.documents.docx_checks import open_docx, paragraph_text


def test_a_leadership_body_issues_under_its_committee():
    assert party_header.issuer_lines("Ban Thường vụ Tỉnh ủy Gia Lai") == [
        HeaderLine("TỈNH ỦY GIA LAI", True)
    ]
    assert party_header.issuer_lines("Ban Chấp hành Đảng bộ tỉnh") == [
        HeaderLine("ĐẢNG BỘ TỈNH", True)
    ]


def test_a_department_stands_under_its_committee():
    assert party_header.department_lines(
        "Ban Tuyên giáo Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Gia Lai"
    ) == [HeaderLine("TỈNH ỦY GIA LAI", False), HeaderLine("BAN TUYÊN GIÁO", True)]
    assert party_header.department_lines(
        "Ban Tuyên giáo Tỉnh ủy Gia Lai", "Ban Thường vụ Tỉnh ủy Gia Lai"
    ) == [HeaderLine("TỈNH ỦY GIA LAI", False), HeaderLine("BAN TUYÊN GIÁO", True)]
    assert party_header.department_lines("Văn phòng Trung ương", "Ban Thường vụ Tỉnh ủy") == [
        HeaderLine("VĂN PHÒNG TRUNG ƯƠNG", True)
    ]


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
        ("Đảng ủy Khối", "ĐUK"),
        ("Ban Dân vận Tỉnh ủy", "BDVTU"),
    ],
)
def test_abbreviations_as_party_numbers_write_them(name, initials):
    assert party_header.abbreviation(name) == initials


def test_number_lines():
    assert party_header.number_line("92-KH/TU") == "Số 92-KH/TU"
    assert party_header.number_line("", "BC", "BTGTU") == "Số       -BC/BTGTU"


def test_the_header_block():
    document = docx_style.new_document()
    party_header.add_party_header(
        document,
        party_header.issuer_lines("Ban Thường vụ Tỉnh ủy Gia Lai"),
        number="Số 92-KH/TU",
        place="Gia Lai",
        date=datetime.date(2022, 8, 5),
    )
    stream = io.BytesIO()
    document.save(stream)
    table = open_docx(stream.getvalue()).tables[0]
    left, right = table.rows[0].cells
    assert [p.text for p in left.paragraphs] == ["TỈNH ỦY GIA LAI", "*", "Số 92-KH/TU"]
    assert left.paragraphs[0].runs[0].bold is True
    party = right.paragraphs[0]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert party.runs[0].bold is True and party.runs[0].font.size.pt == 15
    # a rule beneath the Party's name, then the date line in italics with the leading zero
    rule = right.paragraphs[1]._p
    assert rule.pPr.find(docx_style.qn("w:pBdr")) is not None
    assert paragraph_text(rule) == ""
    date = right.paragraphs[2]
    assert date.text == "Gia Lai, ngày 05 tháng 8 năm 2022"
    assert date.runs[0].italic is True
