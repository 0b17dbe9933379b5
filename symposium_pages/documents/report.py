"""The report on results (báo cáo kết quả tổ chức tọa đàm), written by the receiving department.

It opens with the department's Party header and number line, then counts the
invited units by category (invited, papers received, on time, late, over the
page limit, presented, published), names the units that sent nothing, gives
the pages received, the printing figures with the papers in programme order,
and the budget: the settled figures (what was spent) once the Office has
settled it, the estimate before, and the section says which.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu, Mm, Pt

from ..formatting import vnd
from . import docx_style, party_header, party_report

COLUMNS = (
    "Nhóm đơn vị",
    "Được mời",
    "Đã gửi tham luận",
    "Đúng hạn",
    "Trễ hạn",
    "Vượt số trang",
    "Trình bày",
    "Đã đăng",
)
COUNT_FIELDS = ("invited", "received", "on_time", "late", "over_limit", "presented", "published")


@dataclass
class CategoryCounts:
    label: str
    invited: int = 0
    received: int = 0
    on_time: int = 0
    late: int = 0
    over_limit: int = 0
    presented: int = 0
    published: int = 0

    def values(self) -> list[int]:
        return [getattr(self, name) for name in COUNT_FIELDS]


@dataclass
class Printing:
    pages: int
    from_booklet: bool
    copies: int
    price_per_page: int

    @property
    def cost(self) -> int:
        return self.pages * self.copies * self.price_per_page


@dataclass
class BudgetItem:
    item: str
    quantity: int
    unit: str
    unit_price: int
    actual: int | None = None  # what was spent, once entered

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price


@dataclass
class Quality:
    """The papers judged by the plan's criteria (see `vetting.quality`)."""

    judged: int = 0
    sent_back: int = 0  # changes requested at least once
    judged_again: int = 0  # of those, judged again after the changes
    rows: list[tuple[str, int, int]] = field(default_factory=list)  # (criterion, first, after)


@dataclass
class ReportData:
    issuing_body: str
    department: str
    theme: str
    plan_number: str
    report_number: str = ""
    place: str = ""
    date: datetime.date | None = None
    plan_date: datetime.date | None = None
    event: str = ""  # when and where it took place, as a phrase
    rows: list[CategoryCounts] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (category, unit)
    pages_received: int = 0
    papers_printed: int = 0
    programme: list[tuple[str, str]] = field(default_factory=list)  # (title, unit), in order
    printing: Printing | None = None
    budget: list[BudgetItem] = field(default_factory=list)
    budget_settled: bool = False  # the Office has settled it: the actual amounts stand
    budget_settled_on: datetime.date | None = None
    quality: Quality | None = None

    @property
    def totals(self) -> CategoryCounts:
        total = CategoryCounts("Tổng cộng")
        for row in self.rows:
            for name in COUNT_FIELDS:
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total


def committee_short(issuing_body: str) -> str:
    """ "Ban Thường vụ Tỉnh ủy Gia Lai" → "Tỉnh ủy" (how the report names the committee)."""
    committee = party_header.committee_of(issuing_body)
    words = committee.split()
    return " ".join(words[:2]) if len(words) > 2 else committee


class ReportDocument:
    def __init__(self, data: ReportData):
        self.data = data
        self.document = docx_style.new_document()
        docx_style.number_pages(self.document.sections[0])
        self._header()
        self._title()
        self._body()
        self._signature()

    def _paragraph(self, text="", **formatting):
        return docx_style.text_paragraph(self.document, text, **formatting)

    def _header(self) -> None:
        data = self.data
        party_report.add_department_header(
            self.document,
            data.department,
            data.issuing_body,
            number=data.report_number,
            place=data.place,
            date=data.date,
        )

    def _title(self) -> None:
        theme = " ".join(self.data.theme.split())
        party_report.add_title(self.document, f"kết quả tổ chức tọa đàm “{theme}”")

    def _heading(self, text: str) -> None:
        paragraph = self._paragraph(text, bold=True, after=6)
        paragraph.paragraph_format.keep_with_next = True

    def _body(self) -> None:
        data = self.data
        basis = party_report.plan_basis(
            data.plan_number, data.plan_date, data.issuing_body, data.theme, data.event
        )
        self._paragraph(f"{basis}, {data.department} báo cáo kết quả như sau:")

        totals = data.totals
        self._heading("I. ĐƠN VỊ ĐƯỢC MỜI VÀ THAM LUẬN")
        self._paragraph(
            f"Có {totals.invited} đơn vị được mời; {totals.received} đơn vị đã gửi tham luận, "
            f"trong đó {totals.on_time} đúng hạn, {totals.late} trễ hạn và {totals.over_limit} "
            f"vượt số trang quy định; {totals.presented} tham luận được trình bày tại tọa đàm, "
            f"{totals.published} tham luận đã đăng trên trang thông tin điện tử."
        )
        self._counts_table()
        self._heading("II. CÁC ĐƠN VỊ CHƯA GỬI THAM LUẬN")
        if data.missing:
            self._paragraph(
                f"Có {len(data.missing)} đơn vị được mời viết tham luận nhưng chưa gửi:"
            )
            category = None
            for unit_category, unit in data.missing:
                if unit_category != category:
                    category = unit_category
                    self._paragraph(f"{category}:", italic=True, after=0)
                self._paragraph(f"- {unit};", after=0)
            self._paragraph(after=0)
        else:
            self._paragraph("Tất cả các đơn vị được mời viết tham luận đều đã gửi tham luận.")
        self._heading("III. SỐ TRANG VÀ IN ẤN TÀI LIỆU")
        self._paragraph(
            f"Tổng số trang tham luận nhận được: {data.pages_received} trang khổ A4 "
            f"(theo số trang đếm khi nhận)."
        )
        printing = data.printing
        if printing is not None:
            source = (
                "theo bản tài liệu đã dàn trang"
                if printing.from_booklet
                else "ước tính, tài liệu chưa được dàn trang"
            )
            text = (
                f"Tài liệu tọa đàm gồm {data.papers_printed} báo cáo, tham luận, "
                f"{printing.pages} trang ({source})"
            )
            if printing.copies and printing.price_per_page:
                text += (
                    f"; in {printing.copies} cuốn, đơn giá {vnd(printing.price_per_page)}/trang; "
                    f"thành tiền {vnd(printing.cost)}."
                )
            else:
                text += "; chưa xác định số lượng in và đơn giá."
            self._paragraph(text)
        self._programme()
        self._heading("IV. KINH PHÍ")
        if data.budget:
            self._paragraph(self._budget_source())
            self._budget_table()
        else:
            self._paragraph("Chưa lập dự trù kinh phí.")
        if data.quality is not None:
            self._quality()

    def _quality(self) -> None:
        """How many papers met each criterion at first submission, and after changes."""
        quality = self.data.quality
        self._heading("V. CHẤT LƯỢNG THAM LUẬN")
        if not quality.judged:
            self._paragraph("Chưa có tham luận nào được thẩm định theo tiêu chí của kế hoạch.")
            return
        self._paragraph(
            f"Có {quality.judged} tham luận được thẩm định theo tiêu chí của kế hoạch; "
            f"{quality.sent_back} tham luận được đề nghị chỉnh sửa, trong đó "
            f"{quality.judged_again} tham luận đã được thẩm định lại sau khi chỉnh sửa."
        )
        rows = [
            [label, f"{first}/{quality.judged}", f"{after}/{quality.judged_again}"]
            for label, first, after in quality.rows
        ]
        first = Mm(85)
        rest = Emu(int((docx_style.TEXT_WIDTH - first) / 2))
        self._table(
            ["Tiêu chí, nội dung", "Đạt khi gửi lần đầu", "Đạt sau chỉnh sửa"],
            rows,
            [first, rest, rest],
        )

    def _programme(self) -> None:
        """The printed papers in the programme's order, the booklet's own."""
        if not self.data.programme:
            return
        self._paragraph("Các báo cáo, tham luận theo thứ tự chương trình:", after=0)
        last = len(self.data.programme)
        for number, (title, unit) in enumerate(self.data.programme, start=1):
            line = f"{number}. {' '.join(title.split())}"
            if unit:
                line += f" ({unit})"
            self._paragraph(line + ("." if number == last else ";"), after=0)
        self._paragraph(after=0)

    def _table(self, header: list[str], rows: list[list[str]], widths, *, bold_last=False):
        table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        table._tbl.tblStyle_val = "TableGrid"
        docx_style.set_column_widths(table, widths)
        docx_style.repeat_header_row(table.rows[0])
        for r, values in enumerate([header, *rows]):
            cells = table.rows[r].cells
            bold = r == 0 or (bold_last and r == len(rows))
            for c, value in enumerate(values):
                paragraph = cells[c].paragraphs[0]
                paragraph.paragraph_format.alignment = (
                    WD_ALIGN_PARAGRAPH.LEFT if c == 0 else WD_ALIGN_PARAGRAPH.CENTER
                )
                docx_style.add_run(paragraph, str(value), bold=bold or None, size=Pt(12))
        self._paragraph(after=0)
        return table

    def _counts_table(self):
        rows = [[row.label, *row.values()] for row in self.data.rows]
        rows.append([self.data.totals.label, *self.data.totals.values()])
        first = Mm(53)
        rest = Emu(int((docx_style.TEXT_WIDTH - first) / (len(COLUMNS) - 1)))
        return self._table(
            list(COLUMNS), rows, [first] + [rest] * (len(COLUMNS) - 1), bold_last=True
        )

    def _budget_source(self) -> str:
        """Which figures the budget section gives: the settlement's or the estimate's."""
        data = self.data
        office = f"Văn phòng {committee_short(data.issuing_body)}"
        if data.budget_settled:
            estimate = sum(item.total for item in data.budget)
            actual = sum(item.actual or 0 for item in data.budget)
            when = ""
            if data.budget_settled_on:
                day = data.budget_settled_on
                when = f" ngày {day.day}/{day.month}/{day.year}"
            return (
                f"Số liệu theo quyết toán kinh phí của {office}{when}: tổng kinh phí thực chi "
                f"{vnd(actual)}, dự toán {vnd(estimate)}."
            )
        return (
            f"Số liệu theo dự toán: kinh phí chưa được {office} quyết toán; "
            f"số thực chi sẽ được báo cáo sau khi quyết toán."
        )

    def _budget_table(self):
        items = self.data.budget
        if self.data.budget_settled:
            rows = [
                [item.item, str(item.quantity), item.unit, vnd(item.total), vnd(item.actual or 0)]
                for item in items
            ]
            estimate = sum(item.total for item in items)
            rows.append(
                ["Tổng cộng", "", "", vnd(estimate), vnd(sum(item.actual or 0 for item in items))]
            )
            header = ["Nội dung", "Số lượng", "Đơn vị tính", "Dự toán", "Quyết toán"]
            widths = [Mm(70), Mm(18), Mm(20), Mm(28), Mm(29)]
            return self._table(header, rows, widths, bold_last=True)
        rows = [
            [item.item, str(item.quantity), item.unit, vnd(item.unit_price), vnd(item.total)]
            for item in items
        ]
        rows.append(["Tổng cộng", "", "", "", vnd(sum(item.total for item in items))])
        widths = [Mm(70), Mm(18), Mm(20), Mm(28), Mm(29)]
        return self._table(
            ["Nội dung", "Số lượng", "Đơn vị tính", "Đơn giá", "Thành tiền"],
            rows,
            widths,
            bold_last=True,
        )

    def _signature(self) -> None:
        table = self.document.add_table(rows=1, cols=2)
        docx_style.borderless(table)
        docx_style.set_column_widths(table, [Mm(85), Emu(docx_style.TEXT_WIDTH - Mm(85))])
        left, right = table.rows[0].cells
        committee = committee_short(self.data.issuing_body)
        lines = [
            ("Nơi nhận:", True, True),
            (f"- Thường trực {committee} (để báo cáo),", False, False),
            ("- Các đơn vị được mời,", False, False),
            (f"- Lưu {self.data.department}.", False, False),
        ]
        for index, (text, bold, underline) in enumerate(lines):
            paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            docx_style.add_run(
                paragraph, text, bold=bold or None, underline=underline or None, size=Pt(12)
            )
        department = party_header.department_lines(self.data.department, self.data.issuing_body)
        own = department[-1].text if department else ""
        title = "TRƯỞNG BAN" if own.startswith("BAN ") else f"T/M {own}"
        paragraph = right.paragraphs[0]
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        docx_style.add_run(paragraph, title, bold=True)

    def to_bytes(self) -> bytes:
        return party_report.document_bytes(self.document)


def build_report(data: ReportData) -> bytes:
    return ReportDocument(data).to_bytes()
