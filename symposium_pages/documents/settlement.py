"""The settlement of a symposium's budget (báo cáo quyết toán kinh phí), from the Office.

A Party document of the Văn phòng Tỉnh ủy: its header and a number line the
office fills in, the title, the plan it carries out, then one row per budget
line (item, unit, quantity, unit price, estimate, actual, difference), the
totals in figures and in words ("Bằng chữ: …"), the supporting documents, and
the signatures of the preparer, the chief accountant and the head of the Office.

Until the budget is settled the document says so in its title, on every page
("CHƯA QUYẾT TOÁN" in the top margin) and before the figures, and the words
spell the estimate, not the partial spending.

No Django here: the data comes in as `SettlementData`, the .docx goes out as bytes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..amounts import amount_in_words
from ..formatting import vnd
from . import docx_style, party_report

NOT_SETTLED_MARK = "CHƯA QUYẾT TOÁN"
LINE_COLUMNS = (
    "TT",
    "Nội dung",
    "Đơn vị tính",
    "Số lượng",
    "Đơn giá",
    "Dự toán",
    "Thực chi",
    "Chênh lệch",
)
LINE_WIDTHS = (Mm(8), Mm(39), Mm(14), Mm(14), Mm(20), Mm(24), Mm(24), Mm(22))
DOCUMENT_COLUMNS = ("TT", "Loại chứng từ", "Nội dung", "Khoản chi", "Tệp")
DOCUMENT_WIDTHS = (Mm(8), Mm(24), Mm(60), Mm(38), Mm(35))
# The kinds of supporting document (models.BudgetDocument.Kind) as the document names them.
DOCUMENT_KINDS = {
    "invoice": "Hóa đơn",
    "receipt": "Biên lai",
    "contract": "Hợp đồng",
    "other": "Chứng từ khác",
}
SIGNERS = (
    ("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"),
    ("KẾ TOÁN TRƯỞNG", "(Ký, ghi rõ họ tên)"),
    ("CHÁNH VĂN PHÒNG", "(Ký tên, đóng dấu)"),
)
TABLE_SIZE = Pt(11)
# Narrow cell margins, so "Số lượng" and a 12-digit amount fit their columns.
CELL_MARGIN = Mm(1.2)


@dataclass
class SettlementLine:
    item: str
    unit: str
    quantity: int
    unit_price: int
    estimate: int
    actual: int | None = None  # None: not entered yet
    note: str = ""  # written under the item, in italics

    @property
    def difference(self) -> int | None:
        """Actual minus estimate (negative: less was spent); None until the actual is known."""
        return None if self.actual is None else self.actual - self.estimate


@dataclass
class SupportingDocument:
    kind: str  # "Hóa đơn", "Biên lai", …
    description: str
    file_name: str
    item: str = ""  # the budget line it supports, if any


@dataclass
class SettlementData:
    issuing_body: str  # whose plan it is ("Ban Thường vụ Tỉnh ủy Gia Lai")
    office: str  # who settles ("Văn phòng Tỉnh ủy")
    theme: str
    plan_number: str
    plan_date: datetime.date | None = None
    event: str = ""  # when and where it took place, as a phrase
    number: str = ""  # the document's number; empty leaves the space the office fills in
    place: str = ""
    date: datetime.date | None = None
    settled: bool = False
    settled_on: datetime.date | None = None
    approved_on: datetime.date | None = None  # the estimate's approval
    lines: list[SettlementLine] = field(default_factory=list)
    documents: list[SupportingDocument] = field(default_factory=list)
    preparer: str = ""  # names under the signatures, when known
    chief_accountant: str = ""
    head: str = ""
    thousand: str = "nghìn"  # SYMPOSIUM_THOUSAND_WORD

    @property
    def estimate_total(self) -> int:
        return sum(line.estimate for line in self.lines)

    @property
    def actual_total(self) -> int:
        return sum(line.actual or 0 for line in self.lines)

    @property
    def complete(self) -> bool:
        """Every line has its actual amount."""
        return all(line.actual is not None for line in self.lines)

    @property
    def words_total(self) -> int:
        """The amount spelt in words: what was spent once settled, the estimate before."""
        return self.actual_total if self.settled else self.estimate_total

    @property
    def words(self) -> str:
        return amount_in_words(self.words_total, thousand=self.thousand)


def figure(amount: int | None) -> str:
    """An amount in a table cell: "1.250.000" (the unit, đồng, is said above the table)."""
    return "" if amount is None else vnd(amount).removesuffix(" đ")


def dong(amount: int) -> str:
    """An amount in a sentence, as finance documents write it: "15.867.500 đồng"."""
    return f"{figure(amount)} đồng"


def signed(amount: int | None) -> str:
    """A difference with its sign: "+150.000", "-200.000", "0"."""
    if amount is None:
        return ""
    return f"+{figure(amount)}" if amount > 0 else figure(amount)


def date_text(value: datetime.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def document_title(data: SettlementData) -> str:
    """The line under "BÁO CÁO": what it settles, and for which symposium."""
    theme = " ".join(data.theme.split())
    return f"quyết toán kinh phí tổ chức tọa đàm “{theme}”"


def _narrow_cell_margins(table) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(CELL_MARGIN.twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    # CT_TblPr is a sequence: tblCellMar comes before tblLook (python-docx writes one).
    tblpr = table._tbl.tblPr
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tblpr.append(margins)


class SettlementDocument:
    def __init__(self, data: SettlementData):
        self.data = data
        self.document = docx_style.new_document()
        docx_style.number_pages(
            self.document.sections[0], None if data.settled else NOT_SETTLED_MARK
        )
        self._header()
        self._title()
        self._basis()
        self._lines_table()
        self._totals()
        self._documents()
        self._signatures()

    def _paragraph(self, text="", **formatting):
        return docx_style.text_paragraph(self.document, text, **formatting)

    def _header(self) -> None:
        data = self.data
        party_report.add_department_header(
            self.document,
            data.office,
            data.issuing_body,
            number=data.number,
            place=data.place,
            date=data.date,
        )

    def _title(self) -> None:
        notes = () if self.data.settled else ("(Kinh phí chưa được quyết toán)",)
        party_report.add_title(self.document, document_title(self.data), notes=notes)

    def _basis(self) -> None:
        data = self.data
        basis = party_report.plan_basis(
            data.plan_number, data.plan_date, data.issuing_body, data.theme, data.event
        )
        self._paragraph(f"{basis}, {data.office} báo cáo quyết toán kinh phí như sau:")
        self._paragraph(self._state_sentence(), bold=not data.settled)

    def _state_sentence(self) -> str:
        data = self.data
        approved = (
            f"Dự toán kinh phí đã được duyệt ngày {date_text(data.approved_on)}"
            if data.approved_on
            else "Dự toán kinh phí chưa được duyệt"
        )
        if data.settled:
            settled = f" ngày {date_text(data.settled_on)}" if data.settled_on else ""
            return f"{approved}; kinh phí đã được quyết toán{settled} theo số thực chi dưới đây."
        entered = sum(1 for line in data.lines if line.actual is not None)
        return (
            f"{approved}. Kinh phí chưa được quyết toán: các số liệu dưới đây là dự toán; "
            f"số thực chi mới nhập {entered}/{len(data.lines)} khoản, chưa phải số quyết toán."
        )

    # -- tables ---------------------------------------------------------------------

    def _grid(self, header, rows, widths, *, right_from: int, bold_last: bool = False):
        """A bordered table: the header row repeated on each page, figures aligned right."""
        table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        table._tbl.tblStyle_val = "TableGrid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        docx_style.set_column_widths(table, widths)
        _narrow_cell_margins(table)
        docx_style.repeat_header_row(table.rows[0])
        # Row by row in one pass: python-docx's table.rows[r] walks the table each time.
        for r, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
            cells = row.cells
            bold = r == 0 or (bold_last and r == len(rows))
            for c, value in enumerate(values):
                paragraph = cells[c].paragraphs[0]
                fmt = paragraph.paragraph_format
                fmt.first_line_indent = Mm(0)
                fmt.space_before = fmt.space_after = Pt(2)
                if r == 0 or c == 0:
                    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif c >= right_from:
                    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                else:
                    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
                docx_style.add_run(paragraph, str(value), bold=bold or None, size=TABLE_SIZE)
        return table

    def _lines_table(self) -> None:
        data = self.data
        if not data.lines:
            self._paragraph("Chưa lập dự toán kinh phí.")
            return
        unit = self._paragraph("Đơn vị tính: đồng", italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        unit.paragraph_format.space_after = Pt(3)
        rows = [
            [
                str(number),
                " ".join(line.item.split()),
                line.unit,
                str(line.quantity),
                figure(line.unit_price),
                figure(line.estimate),
                figure(line.actual),
                signed(line.difference),
            ]
            for number, line in enumerate(data.lines, start=1)
        ]
        difference = data.actual_total - data.estimate_total if data.complete else None
        rows.append(
            [
                "",
                "Tổng cộng",
                "",
                "",
                "",
                figure(data.estimate_total),
                figure(data.actual_total),
                signed(difference),
            ]
        )
        table = self._grid(list(LINE_COLUMNS), rows, LINE_WIDTHS, right_from=3, bold_last=True)
        for row, line in zip(table.rows[1:], data.lines, strict=False):
            if line.note.strip():
                paragraph = row.cells[1].add_paragraph()
                paragraph.paragraph_format.space_after = Pt(2)
                docx_style.add_run(paragraph, " ".join(line.note.split()), italic=True, size=Pt(10))
        note = "Chênh lệch = thực chi − dự toán (số âm: chi ít hơn dự toán)."
        if not data.complete:
            note += " Khoản chưa có số thực chi để trống."
        self._paragraph(note, italic=True, indent=False).paragraph_format.space_before = Pt(3)

    def _totals(self) -> None:
        data = self.data
        self._paragraph(f"Tổng kinh phí dự toán: {dong(data.estimate_total)}.", after=3)
        if data.settled:
            self._paragraph(
                f"Tổng kinh phí quyết toán (thực chi): {dong(data.actual_total)}.",
                bold=True,
                after=3,
            )
        else:
            self._paragraph(
                f"Số thực chi đã nhập đến nay: {dong(data.actual_total)} (chưa quyết toán).",
                after=3,
            )
        words = self._paragraph(after=3)
        docx_style.add_run(words, "Bằng chữ: ", bold=True)
        suffix = "" if data.settled else " (theo dự toán)"
        docx_style.add_run(words, f"{data.words}{suffix}.", italic=True)
        if data.settled and data.complete:
            difference = data.actual_total - data.estimate_total
            if difference:
                change = "tăng" if difference > 0 else "giảm"
                self._paragraph(f"So với dự toán: {change} {dong(abs(difference))}.")
            else:
                self._paragraph("Thực chi bằng dự toán.")

    def _documents(self) -> None:
        data = self.data
        heading = self._paragraph("Chứng từ kèm theo:", bold=True, after=3)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt(6)
        if not data.documents:
            self._paragraph("Chưa có chứng từ kèm theo.")
            return
        rows = [
            [str(number), doc.kind, doc.description, doc.item, doc.file_name]
            for number, doc in enumerate(data.documents, start=1)
        ]
        self._grid(list(DOCUMENT_COLUMNS), rows, DOCUMENT_WIDTHS, right_from=len(DOCUMENT_COLUMNS))
        self._paragraph(after=0)

    def _signatures(self) -> None:
        data = self.data
        table = self.document.add_table(rows=1, cols=len(SIGNERS))
        docx_style.borderless(table)
        third = int(docx_style.TEXT_WIDTH / len(SIGNERS))
        docx_style.set_column_widths(table, [third] * len(SIGNERS))
        names = (data.preparer, data.chief_accountant, data.head)
        for cell, (title, how), name in zip(table.rows[0].cells, SIGNERS, names, strict=True):
            paragraphs = [
                (title, {"bold": True}),
                (how, {"italic": True, "size": Pt(12)}),
                *[("", {})] * 4,  # room to sign
                (name, {"bold": True}),
            ]
            for index, (text, formatting) in enumerate(paragraphs):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                fmt = paragraph.paragraph_format
                fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
                fmt.first_line_indent = Mm(0)
                fmt.space_after = Pt(0)
                if text:
                    docx_style.add_run(paragraph, text, **formatting)
        # The signatures stay together, and the paragraph a document must end with after a
        # table is a point high, so it never makes a blank last page of its own.
        row = table.rows[0]._tr.get_or_add_trPr()
        row.append(OxmlElement("w:cantSplit"))
        end = docx_style.add_paragraph(self.document)
        end.paragraph_format.space_after = end.paragraph_format.space_before = Pt(0)
        end.paragraph_format.line_spacing = Pt(1)


def build_settlement(data: SettlementData) -> bytes:
    return party_report.document_bytes(SettlementDocument(data).document)
