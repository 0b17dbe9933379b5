"""The invitation letter (công văn) the receiving department sends each invited unit.

A Party document: the department's header and a number line the office fills
in, "Kính gửi" the unit, the plan it carries out, the plan's requirements, the
page limit and the deadline, then the unit's private desk link written out and
as a QR code, so a letter read on paper opens the desk from a phone. Several
letters go into one file, each in a section of its own starting on a new page,
so the office prints a whole round at once.

No Django here: the data comes in as `LetterData`, the .docx goes out as bytes.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

import segno
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from . import docx_style, party_header, richtext

# The office's kind of document: a letter (công văn) has no kind in its number.
LETTER_KIND = "CV"
SUBJECT = "V/v gửi tham luận tọa đàm"
QR_WIDTH = Mm(38)
# M (15 % recovery) keeps a 60-character link at version 4, easy for any phone camera.
QR_ERROR = "m"


@dataclass
class LetterData:
    issuing_body: str  # whose plan it is ("Ban Thường vụ Tỉnh ủy Gia Lai")
    department: str  # who writes ("Ban Tuyên giáo Tỉnh ủy")
    theme: str  # the symposium's title
    plan_number: str
    unit: str
    url: str
    page_limit: int
    deadline: datetime.date | None = None
    plan_date: datetime.date | None = None
    place: str = ""
    date: datetime.date | None = None
    requirements: str = ""  # rich text, as Wagtail stores it
    contact: str = ""
    presenting: bool = True  # asked to present its paper at the symposium


def qr_png(url: str) -> bytes:
    """The QR code of `url` as a PNG, black on white with the standard quiet zone."""
    buffer = io.BytesIO()
    segno.make(url, error=QR_ERROR, micro=False).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def deadline_text(deadline: datetime.date) -> str:
    """As the plans write it: "19-8-2022"."""
    return f"{deadline.day}-{deadline.month}-{deadline.year}"


class LetterWriter:
    """Letters written one after another into one document."""

    def __init__(self):
        self.document = docx_style.new_document()
        self.count = 0

    def add(self, data: LetterData) -> None:
        if self.count:
            self.document.add_section(WD_SECTION.NEW_PAGE)
        self.count += 1
        self.data = data
        self._header()
        self._addressee()
        self._body()
        self._link()
        self._signature()

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    # -- parts -------------------------------------------------------------------

    def _paragraph(self, text="", **formatting):
        return docx_style.text_paragraph(self.document, text, **formatting)

    def _header(self) -> None:
        data = self.data
        lines = party_header.department_lines(data.department, data.issuing_body)
        number = party_header.number_line(
            "", LETTER_KIND, party_header.abbreviation(data.department)
        )
        table = party_header.add_party_header(
            self.document, lines, number=number, place=data.place, date=data.date
        )
        # What the letter is about ("V/v …"), under the number, as a công văn has it.
        subject = table.rows[0].cells[0].add_paragraph()
        subject.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        subject.paragraph_format.space_after = Pt(0)
        docx_style.add_run(subject, SUBJECT, size=Pt(12))

    def _addressee(self) -> None:
        paragraph = self._paragraph(align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
        paragraph.paragraph_format.space_before = Pt(18)
        docx_style.add_run(paragraph, "Kính gửi: ")
        docx_style.add_run(paragraph, " ".join(self.data.unit.split()), bold=True)

    def _body(self) -> None:
        data = self.data
        theme = " ".join(data.theme.split())
        basis = f"Thực hiện Kế hoạch số {data.plan_number}"
        if data.plan_date:
            basis += f", ngày {data.plan_date.day}/{data.plan_date.month}/{data.plan_date.year}"
        basis += f" của {data.issuing_body} về tổ chức tọa đàm “{theme}”, "
        basis += f"{data.department} đề nghị {data.unit} chuẩn bị tham luận"
        basis += (
            " và phân công đại diện lãnh đạo trình bày tại tọa đàm." if data.presenting else "."
        )
        self._paragraph(basis)
        requirements = richtext.paragraphs(data.requirements)
        if requirements:
            self._paragraph("Yêu cầu của Kế hoạch:", bold=True, after=3)
            for spans in requirements:
                paragraph = self._paragraph(after=3)
                for span in spans:
                    docx_style.add_run(
                        paragraph,
                        span.text,
                        bold=span.bold or None,
                        italic=span.italic or None,
                        underline=span.underline or None,
                    )
        limit = f"Tham luận dài không quá {data.page_limit} trang giấy khổ A4"
        if data.deadline:
            limit += (
                f", gửi về {data.department} trước ngày {deadline_text(data.deadline)}"
                " (tham luận gửi từ ngày này trở đi là trễ hạn)."
            )
        else:
            limit += "."
        self._paragraph(limit, bold=True)

    def _link(self) -> None:
        data = self.data
        self._paragraph(
            f"Đơn vị gửi tham luận qua đường dẫn riêng dưới đây (không cần tài khoản): "
            f"mở trên điện thoại hoặc máy tính, tải lên tệp .docx; hệ thống báo ngay số trang "
            f"khổ A4 và cho biết tham luận có vượt quá {data.page_limit} trang hay không, trước "
            f"khi gửi. Đường dẫn này chỉ dành cho {data.unit}, đề nghị không chia sẻ."
        )
        url = self._paragraph(align=WD_ALIGN_PARAGRAPH.CENTER, after=3)
        docx_style.add_run(url, data.url, bold=True, size=Pt(12))
        picture = self._paragraph(align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
        picture.add_run().add_picture(io.BytesIO(qr_png(data.url)), width=QR_WIDTH)
        if data.contact:
            self._paragraph(
                f"Nếu có khó khăn, vướng mắc, đề nghị liên hệ: {' '.join(data.contact.split())}."
            )

    def _signature(self) -> None:
        table = self.document.add_table(rows=1, cols=2)
        docx_style.borderless(table)
        docx_style.set_column_widths(table, [Mm(75), docx_style.TEXT_WIDTH - Mm(75)])
        left, right = table.rows[0].cells
        receivers = left.paragraphs[0]
        receivers.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        docx_style.add_run(receivers, "Nơi nhận:", bold=True, italic=True, size=Pt(12))
        for line in ("- Như trên,", "- Lưu Văn phòng."):
            paragraph = left.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            docx_style.add_run(paragraph, line, size=Pt(11))
        signer = right.paragraphs[0]
        signer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        department = party_header.department_lines(self.data.department, self.data.issuing_body)
        docx_style.add_run(signer, f"T/M {department[-1].text}" if department else "", bold=True)


def build_letters(letters: list[LetterData]) -> bytes:
    """One .docx holding each letter of `letters` on its own pages."""
    writer = LetterWriter()
    for data in letters:
        writer.add(data)
    return writer.to_bytes()
