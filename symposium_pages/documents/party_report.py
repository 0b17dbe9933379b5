"""The opening of a Party report (báo cáo): the department's header, the title, the basis.

The report on results and the settlement of the budget open alike: a
department's Party header with the number line the office fills in, "BÁO CÁO"
and what it reports on, centred and bold over a short rule, then the sentence
naming the plan the report carries out.
"""

from __future__ import annotations

import datetime
import io

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from . import docx_style, party_header

REPORT_KIND = "BC"


def add_department_header(
    document,
    department: str,
    issuing_body: str,
    *,
    number: str = "",
    place: str = "",
    date: datetime.date | None = None,
):
    """ "TỈNH ỦY GIA LAI / VĂN PHÒNG / * / Số  -BC/VPTU" and the Party's name and date."""
    lines = party_header.department_lines(department, issuing_body)
    number_line = party_header.number_line(
        number, REPORT_KIND, party_header.abbreviation(department)
    )
    return party_header.add_party_header(
        document, lines, number=number_line, place=place, date=date
    )


def add_title(document, subject: str, *, notes: tuple[str, ...] = ()) -> None:
    """ "BÁO CÁO", the subject, any note in italics (all bold, centred), then a short rule."""
    centre = WD_ALIGN_PARAGRAPH.CENTER
    docx_style.text_paragraph(
        document, "BÁO CÁO", bold=True, align=centre, after=0
    ).paragraph_format.space_before = Pt(18)
    docx_style.text_paragraph(document, subject, bold=True, align=centre, after=0)
    for note in notes:
        docx_style.text_paragraph(document, note, bold=True, italic=True, align=centre, after=0)
    docx_style.rule_paragraph(
        document, indent=Mm(60), right=Mm(60), space_before=Pt(4), space_after=Pt(12)
    )


def plan_basis(
    plan_number: str,
    plan_date: datetime.date | None,
    issuing_body: str,
    theme: str,
    event: str = "",
) -> str:
    """ "Thực hiện Kế hoạch số 92-KH/TU, ngày 1/8/2022 của … về tổ chức tọa đàm “…”; tọa đàm
    diễn ra …" — the caller says who reports what after it."""
    basis = f"Thực hiện Kế hoạch số {plan_number}"
    if plan_date:
        basis += f", ngày {plan_date.day}/{plan_date.month}/{plan_date.year}"
    basis += f" của {issuing_body} về tổ chức tọa đàm “{' '.join(theme.split())}”"
    if event:
        basis += f"; tọa đàm diễn ra {event}"
    return basis


def document_bytes(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
