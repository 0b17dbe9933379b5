"""The header of a Party document (Hướng dẫn 36-HD/VPTW, 2018).

Top left: the issuing body in upper case (under its superior committee when it
is a department of one), a "*" beneath, then the number line in Party form
(`Số 92-KH/TU`). Top right: "ĐẢNG CỘNG SẢN VIỆT NAM" in 15 pt bold upper case
with a rule beneath, then the place and date in italics ("Gia Lai, ngày 10
tháng 8 năm 2022"; days under 10 and months 1–2 with a leading zero).
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu, Mm, Pt

from ..formatting import party_date_line
from . import docx_style

PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
# A committee's leadership bodies issue under the committee's own name ("TỈNH ỦY GIA LAI").
LEADERSHIP_PREFIXES = ("ban chấp hành ", "ban thường vụ ", "thường trực ")
LEFT_WIDTH, RIGHT_WIDTH = Mm(72), Emu(docx_style.TEXT_WIDTH - Mm(72))


@dataclass(frozen=True)
class HeaderLine:
    text: str
    bold: bool


def _words(text: str) -> list[str]:
    return " ".join((text or "").split()).split(" ") if (text or "").strip() else []


def committee_of(issuing_body: str) -> str:
    """The committee a leadership body speaks for: "Ban Thường vụ Tỉnh ủy Gia Lai" → "Tỉnh ủy Gia Lai"."""
    name = " ".join((issuing_body or "").split())
    lowered = name.casefold()
    for prefix in LEADERSHIP_PREFIXES:
        if lowered.startswith(prefix):
            return name[len(prefix) :]
    return name


def issuer_lines(issuing_body: str) -> list[HeaderLine]:
    """The issuing body's lines, upper case and bold: ["TỈNH ỦY GIA LAI"]."""
    committee = committee_of(issuing_body)
    return [HeaderLine(committee.upper(), True)] if committee else []


def department_lines(department: str, issuing_body: str) -> list[HeaderLine]:
    """A department under its committee: ["TỈNH ỦY GIA LAI", "BAN TUYÊN GIÁO" (bold)].

    "Ban Tuyên giáo Tỉnh ủy" under "Ban Thường vụ Tỉnh ủy Gia Lai" gives the
    committee's full name on the first line and the department's own on the
    second; a department that names no committee stands alone.
    """
    department = " ".join((department or "").split())
    committee = committee_of(issuing_body)
    words, committee_words = _words(department), _words(committee)
    folded = [word.casefold() for word in words]
    committee_folded = [word.casefold() for word in committee_words]
    # The longest tail of the department's name that opens the committee's name.
    for size in range(min(len(words) - 1, len(committee_words)), 0, -1):
        if folded[-size:] == committee_folded[:size]:
            own = " ".join(words[:-size])
            return [HeaderLine(committee.upper(), False), HeaderLine(own.upper(), True)]
    return [HeaderLine(department.upper(), True)] if department else []


def abbreviation(name: str) -> str:
    """Initials as Party numbers write them: "Ban Tuyên giáo Tỉnh ủy" → "BTGTU"."""
    letters = []
    for word in _words(name):
        first = word[0]
        if first in "đĐ":
            letters.append("Đ")
            continue
        base = unicodedata.normalize("NFD", first)[0]
        if base.isalpha():
            letters.append(base.upper())
    return "".join(letters)


def number_line(number: str, kind: str = "", issuer: str = "") -> str:
    """ "Số 92-KH/TU"; without a number, the space the office fills in: "Số     -BC/BTGTU"."""
    number = (number or "").strip()
    if number:
        return f"Số {number}"
    return f"Số {' ' * 6}-{kind}/{issuer}"


def _cell_paragraph(cell, first: bool):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Mm(0)
    return paragraph


def add_party_header(
    container,
    lines: list[HeaderLine],
    *,
    number: str | None = None,
    place: str = "",
    date: datetime.date | None = None,
    date_text: str | None = None,
):
    """The two-column header block at the top of `container` (a Document).

    `number` is the whole number line ("Số 92-KH/TU") or None for none; the date
    line is `date_text` if given, else the Party date line of `place` and `date`.
    """
    table = container.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    docx_style.borderless(table)
    docx_style.set_column_widths(table, [LEFT_WIDTH, RIGHT_WIDTH])
    left, right = table.rows[0].cells

    first = True
    for line in lines:
        paragraph = _cell_paragraph(left, first)
        docx_style.add_run(paragraph, line.text, bold=line.bold, size=Pt(14))
        first = False
    star = _cell_paragraph(left, first)
    docx_style.add_run(star, "*", size=Pt(14))
    if number:
        paragraph = _cell_paragraph(left, False)
        paragraph.paragraph_format.space_before = Pt(3)
        docx_style.add_run(paragraph, number, size=Pt(14))

    party = _cell_paragraph(right, True)
    docx_style.add_run(party, PARTY_NAME, bold=True, size=Pt(15))
    # The rule beneath the Party's name, a little shorter than the name itself.
    docx_style.rule_paragraph(
        right, indent=Mm(12), right=Mm(12), space_before=Pt(2), space_after=Pt(6)
    )
    if date_text is None and date is not None:
        date_text = party_date_line(place, date)
    if date_text:
        paragraph = _cell_paragraph(right, False)
        paragraph.paragraph_format.space_before = Pt(9 if number else 0)
        docx_style.add_run(paragraph, date_text, italic=True, size=Pt(14))
    return table
