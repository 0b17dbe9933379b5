"""The symposium booklet (tài liệu tọa đàm): cover, contents, then every paper.

The cover carries the Party header of the issuing body, the theme, the place
and the month. The contents list is a real Word TOC field whose shown result
is a list written here with the right page numbers, so it is right before
anyone refreshes the field: the booklet is rendered once with LibreOffice, the
page each paper starts on is read from the PDF's outline, the numbers are
written, and a second rendering checks them (and is the PDF). Without
LibreOffice the numbers come from the layout estimate the intake uses, the
result says so, and Word is asked to refresh the fields on opening.

The keynote report comes first, the papers follow in programme order, the
closing summary last; each paper starts on a new page (Heading 1, page break
before) with its unit (Heading 2) and presenter. A draft booklet carries
"BẢN DỰ THẢO" in the header of every page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from ..intake import layout, scratch
from ..intake.libreoffice import PageCountUnavailable, convert, find_soffice
from ..intake.slots import soffice_slot
from . import docx_style, party_header, richtext
from .footnotes import Footnotes
from .pdf import PdfUnreadable, outline, page_count

DRAFT_MARK = "BẢN DỰ THẢO"
TOC_INSTRUCTION = 'TOC \\o "1-2" \\n "2-2" \\h \\z \\u'
KIND_ORDER = {"keynote": 0, "paper": 1, "closing": 2}
MAX_RENDERS = 3
MAX_PICTURE_HEIGHT = Mm(150)
LIST_INDENT = Mm(10)
LEVEL_INDENT = Mm(8)  # each deeper level of a nested list
NOTES_HEADING = "Chú thích"

Progress = Callable[[str, int, int], None]


@dataclass
class Picture:
    data: bytes
    filename: str = "picture.png"


@dataclass
class BookletPaper:
    """One paper as printed: its approved (or, in a draft, latest) edited body."""

    title: str
    kind: str = "paper"  # keynote, paper, closing
    unit: str = ""
    presenter: str = ""
    presenter_position: str = ""
    programme_order: int = 100
    key: int = 0  # a stable tie-breaker, e.g. the page id
    approved: bool = True
    # StreamField data: [{"type": "paragraph", "value": "<p>…</p>"}, …]; an image's
    # value holds "picture" (a Picture or None) instead of the image id.
    blocks: list[dict] = field(default_factory=list)


@dataclass
class Cover:
    issuing_body: str
    theme: str
    place: str = ""
    month: int | None = None
    year: int | None = None
    plan_number: str = ""
    plan_date: str = ""  # "10/8/2022"


@dataclass
class BookletResult:
    docx: bytes
    pdf: bytes | None
    pages: int
    starts: list[int]  # the page each paper starts on, in printed order
    method: str  # "libreoffice" or "estimate"
    detail: str  # a short English note for logs
    papers: list[BookletPaper]
    # Why the numbers are estimated: "not-asked", "no-libreoffice", "libreoffice-failed".
    fallback: str = ""


def printed_order(papers: list[BookletPaper]) -> list[BookletPaper]:
    """Keynote first, papers by programme order, closing summary last."""
    return sorted(
        papers,
        key=lambda paper: (KIND_ORDER.get(paper.kind, 1), paper.programme_order, paper.key),
    )


def presenter_line(paper: BookletPaper) -> str:
    name = paper.presenter.strip()
    if not name:
        return ""
    if paper.presenter_position.strip():
        name = f"{name}, {paper.presenter_position.strip()}"
    return f"Người trình bày: đồng chí {name}"


# --- the document -------------------------------------------------------------------------


class BookletDocument:
    """The python-docx Document of a booklet, with handles on its contents numbers."""

    def __init__(self, cover: Cover, papers: list[BookletPaper], *, draft: bool, progress=None):
        self.papers = papers
        self.draft = draft
        self.document = docx_style.new_document()
        docx_style.number_pages(self.document.sections[0], DRAFT_MARK if draft else None)
        self.number_runs = []
        self.title_paragraphs = []
        self.footnotes = Footnotes(self.document)
        self.notes: list[str] = []  # the notes of the paper being written
        self.next_note = 1  # no note below this number is placed any more
        self.placed: set[int] = set()  # the notes placed as footnotes
        self._cover(cover)
        self._contents()
        total = len(papers)
        for index, paper in enumerate(papers):
            self._paper(paper)
            if progress:
                progress("build", index + 1, total)

    # cover and contents

    def _centred(self, text="", *, bold=False, italic=False, size=None, before=0, after=6):
        paragraph = docx_style.add_paragraph(self.document)
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if text:
            docx_style.add_run(paragraph, text, bold=bold, italic=italic, size=size or Pt(14))
        return paragraph

    def _cover(self, cover: Cover) -> None:
        party_header.add_party_header(self.document, party_header.issuer_lines(cover.issuing_body))
        if self.draft:
            self._centred(f"{DRAFT_MARK} – LƯU HÀNH NỘI BỘ", bold=True, before=24)
        self._centred("TÀI LIỆU", bold=True, size=Pt(18), before=150 if not self.draft else 110)
        self._centred("TỌA ĐÀM", bold=True, size=Pt(18), after=18)
        theme = " ".join(cover.theme.split())
        self._centred(f"“{theme.upper()}”", bold=True, size=Pt(16), after=12)
        if cover.plan_number:
            basis = f"(Theo Kế hoạch số {cover.plan_number}"
            if cover.plan_date:
                basis += f", ngày {cover.plan_date}"
            basis += f" của {cover.issuing_body})"
            self._centred(basis, italic=True)
        when = ""
        if cover.month and cover.year:
            when = f"tháng {cover.month} năm {cover.year}"
        elif cover.year:
            when = f"năm {cover.year}"
        place_line = ", ".join(part for part in (cover.place, when) if part)
        if place_line:
            # At the foot of the cover, whatever the length of the theme above.
            footer = self.document.sections[0].first_page_footer
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(24)
            docx_style.add_run(paragraph, place_line, bold=True, size=Pt(14))

    def _contents(self) -> None:
        heading = self._centred("MỤC LỤC", bold=True, size=Pt(14), after=12)
        docx_style.page_break_before(heading)
        if not self.papers:
            paragraph = docx_style.add_paragraph(self.document, "TOC1")
            docx_style.begin_field(paragraph, TOC_INSTRUCTION)
            docx_style.add_run(paragraph, "(Chưa có tham luận nào được duyệt.)", italic=True)
            docx_style.end_field(paragraph)
            return
        last = None
        for index, paper in enumerate(self.papers):
            entry = docx_style.add_paragraph(self.document, "TOC1")
            if index == 0:
                docx_style.begin_field(entry, TOC_INSTRUCTION)
            docx_style.add_run(entry, " ".join(paper.title.split()) + "\t")
            self.number_runs.append(docx_style.add_run(entry, "0"))
            last = entry
            if paper.unit:
                last = docx_style.add_paragraph(self.document, "TOC2")
                docx_style.add_run(last, paper.unit)
        docx_style.end_field(last)

    def set_numbers(self, numbers: list[int]) -> None:
        for run, number in zip(self.number_runs, numbers, strict=True):
            run.text = str(number)

    # papers

    def _paper(self, paper: BookletPaper) -> None:
        document = self.document
        title = docx_style.add_paragraph(document, "Heading1")
        docx_style.add_run(title, " ".join(paper.title.split()))
        docx_style.page_break_before(title)
        self.title_paragraphs.append(title._p)
        if paper.unit:
            docx_style.add_run(docx_style.add_paragraph(document, "Heading2"), paper.unit)
        line = presenter_line(paper)
        if line:
            self._centred(line, italic=True, after=6)
        if self.draft and not paper.approved:
            self._centred("(Chưa được duyệt)", italic=True, size=Pt(13), after=6)
        spacer = docx_style.add_paragraph(document)
        spacer.paragraph_format.space_after = Pt(0)
        self.notes = [
            item
            for block in paper.blocks
            if block.get("type") == "notes"
            for item in (block.get("value") or {}).get("items", [])
        ]
        self.next_note = 1
        self.placed = set()
        for block in paper.blocks:
            self._block(block)
        self._notes_left()

    def _notes_left(self) -> None:
        """Notes not placed as footnotes (their number stands in a heading or a table, or an
        editor took it out of the text) are printed under the paper, with their numbers."""
        left = [(n, note) for n, note in enumerate(self.notes, start=1) if n not in self.placed]
        if not left:
            return
        heading = docx_style.add_paragraph(self.document)
        heading.paragraph_format.space_before = Pt(12)
        docx_style.add_run(heading, NOTES_HEADING, bold=True, size=Pt(12))
        for number, note in left:
            for index, spans in enumerate(richtext.paragraphs(note)):
                paragraph = docx_style.add_paragraph(self.document)
                paragraph.paragraph_format.space_after = Pt(3)
                if index == 0:
                    docx_style.add_run(paragraph, f"{number}. ", size=Pt(12))
                self._spans(paragraph, spans, size=Pt(12), in_note=True)

    def _body_paragraph(self):
        paragraph = docx_style.add_paragraph(self.document)
        paragraph.paragraph_format.first_line_indent = Mm(10)
        return paragraph

    def _spans(self, paragraph, spans, *, size=None, in_note=False) -> None:
        for span in spans:
            if span.text == "\n":
                paragraph.add_run().add_break(WD_BREAK.LINE)
                continue
            if span.superscript and not in_note and self._footnote(paragraph, span.text):
                continue
            run = docx_style.add_run(
                paragraph,
                span.text,
                bold=True if span.bold else None,
                italic=True if span.italic else None,
                underline=True if span.underline else None,
                size=size,
            )
            if span.superscript:
                run.font.superscript = True

    def _footnote(self, paragraph, mark: str) -> bool:
        """A real footnote, if `mark` (a superscript) is the number of a note not placed yet;
        numbers only go up, so a "m²" after note 2 stays a power."""
        mark = mark.strip()
        number = int(mark) if mark.isdigit() else 0
        if not self.next_note <= number <= len(self.notes):
            return False
        note = self.notes[number - 1]
        self.next_note = number + 1
        self.placed.add(number)
        text = self.footnotes.add(paragraph)
        for index, spans in enumerate(richtext.paragraphs(note)):
            if index:
                text.add_run().add_break(WD_BREAK.LINE)
            self._spans(text, spans, in_note=True)
        return True

    def _block(self, block: dict) -> None:
        kind, value = block.get("type"), block.get("value")
        if kind == "heading":
            level = min(max(int(value.get("level") or 2), 2), 4)
            text = " ".join(richtext.unescape(value.get("text", "")).split())
            if text:
                heading = docx_style.add_paragraph(self.document, f"Heading{level + 1}")
                docx_style.add_run(heading, text)
        elif kind == "paragraph":
            for spans in richtext.paragraphs(value):
                self._spans(self._body_paragraph(), spans)
        elif kind == "list":
            self._list(value)
        elif kind == "table":
            self._table(value)
        elif kind == "image":
            self._picture(value)
        elif kind == "quote":
            self._quote(value)
        elif kind == "aside":
            self._aside(value)

    def _list(self, value: dict) -> None:
        """Items numbered 1. or marked -; deeper levels a), b) or +, each further in."""
        ordered = bool(value.get("ordered"))
        for number, item in enumerate(value.get("items", []), start=1):
            counters: dict[int, int] = {}
            for index, (depth, numbered, spans) in enumerate(richtext.outline(item)):
                label = ""
                if depth == 0 and index == 0:
                    label = f"{number}." if ordered else "-"
                elif depth > 0:
                    counters = {d: n for d, n in counters.items() if d <= depth}
                    counters[depth] = counters.get(depth, 0) + 1
                    label = f"{_letters(counters[depth])})" if numbered else "+"
                paragraph = docx_style.add_paragraph(self.document)
                fmt = paragraph.paragraph_format
                fmt.left_indent = LIST_INDENT + LEVEL_INDENT * depth
                fmt.first_line_indent = Mm(-6) if label else Mm(0)
                if label:
                    docx_style.add_run(paragraph, f"{label} ")
                self._spans(paragraph, spans)

    def _aside(self, value) -> None:
        """A side box of the paper: set in, smaller, with a rule on its left."""
        for depth, numbered, spans in richtext.outline(value):
            paragraph = docx_style.add_paragraph(self.document)
            fmt = paragraph.paragraph_format
            fmt.left_indent = LIST_INDENT + LEVEL_INDENT * depth
            fmt.right_indent = LIST_INDENT
            docx_style.paragraph_border(paragraph, "left", size=12, space=8, color="808080")
            if depth:
                docx_style.add_run(paragraph, "+ " if not numbered else "- ", size=Pt(12))
            self._spans(paragraph, spans, size=Pt(12))

    def _table(self, value: dict) -> None:
        rows = [list(row or []) for row in value.get("data") or []]
        rows = [row for row in rows if any((cell or "").strip() for cell in row)]
        if not rows:
            return
        columns = max(len(row) for row in rows)
        caption = (value.get("table_caption") or "").strip()
        if caption:
            self._centred(caption, bold=True, size=Pt(13), after=3)
        header_row = bool(value.get("first_row_is_table_header"))
        header_col = bool(value.get("first_col_is_header"))
        table = self.document.add_table(rows=len(rows), cols=columns)
        table._tbl.tblStyle_val = "TableGrid"
        width = Emu(int(docx_style.TEXT_WIDTH / columns))
        docx_style.set_column_widths(table, [width] * columns)
        for r, (row, cells) in enumerate(zip(rows, table.rows, strict=True)):
            if r == 0 and header_row:
                docx_style.repeat_header_row(cells)
            row_cells = cells.cells
            for c in range(columns):
                text = str(row[c]) if c < len(row) and row[c] is not None else ""
                paragraph = row_cells[c].paragraphs[0]
                paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
                bold = (r == 0 and header_row) or (c == 0 and header_col)
                lines = text.split("\n")
                for i, line in enumerate(lines):
                    run = docx_style.add_run(paragraph, line, bold=bold or None, size=Pt(13))
                    if i < len(lines) - 1:
                        run.add_break(WD_BREAK.LINE)
        # A little air after the table before the text resumes.
        after = docx_style.add_paragraph(self.document)
        after.paragraph_format.space_after = Pt(0)

    def _picture(self, value: dict) -> None:
        picture = value.get("picture")
        caption = (value.get("caption") or "").strip()
        if picture is not None:
            paragraph = self._centred(after=3)
            try:
                shape = paragraph.add_run().add_picture(io.BytesIO(picture.data))
            except Exception:  # noqa: BLE001 - a format python-docx cannot read
                paragraph.add_run(f"[Hình: {caption or picture.filename}]").italic = True
            else:
                _fit(shape)
        if caption:
            self._centred(caption, italic=True, size=Pt(13))

    def _quote(self, value: dict) -> None:
        text = " ".join((value.get("text") or "").split())
        if text:
            paragraph = docx_style.add_paragraph(self.document)
            fmt = paragraph.paragraph_format
            fmt.left_indent = fmt.right_indent = Mm(10)
            docx_style.add_run(paragraph, f"“{text}”", italic=True)
        attribution = (value.get("attribution") or "").strip()
        if attribution:
            paragraph = docx_style.add_paragraph(self.document)
            paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            docx_style.add_run(paragraph, attribution, italic=True)

    def to_bytes(self) -> bytes:
        stream = io.BytesIO()
        self.document.save(stream)
        return stream.getvalue()


def _letters(number: int) -> str:
    """a, b, ... z, aa, ab: the labels of a numbered sub-list."""
    label = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


def _fit(shape) -> None:
    """Scale a picture down to the text width and a sensible height, keeping its shape."""
    width, height = shape.width, shape.height
    if not width or not height:
        return
    scale = min(1.0, docx_style.TEXT_WIDTH / width, MAX_PICTURE_HEIGHT / height)
    shape.width, shape.height = Emu(int(width * scale)), Emu(int(height * scale))


# --- page numbers -----------------------------------------------------------------------------


def _match_starts(items, papers: list[BookletPaper]) -> list[int]:
    """The page of each paper from the outline's top-level items (one per paper, in order)."""
    tops = [item for item in items if item.level == 1]
    if len(tops) != len(papers):
        raise PdfUnreadable(f"{len(tops)} top-level bookmarks for {len(papers)} papers")
    for item, paper in zip(tops, papers, strict=True):
        expected = " ".join(paper.title.split())
        found = " ".join(item.title.split())
        if not found or not expected.startswith(found[: max(1, len(found) - 1)]):
            raise PdfUnreadable(f"bookmark {found!r} does not match the paper {expected!r}")
    return [item.page for item in tops]


def _render(data: bytes, soffice: str, timeout: float) -> bytes:
    """One rendering, in a slot of the host and a scratch folder (see intake/slots.py)."""
    with soffice_slot(), scratch.folder("booklet-") as work:
        source = work / "booklet.docx"
        source.write_bytes(data)
        convert([source], work, soffice, timeout)
        pdf = work / "booklet.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise PageCountUnavailable("LibreOffice produced no PDF for the booklet")
        return pdf.read_bytes()


def _tabs_as_spaces(number_runs) -> list:
    """Swap the contents' tabs for spaces while estimating; returns what to swap back.

    The estimate treats every tab as a left tab, so a page number right-aligned at
    the margin would seem to need a line of its own; the title, a space and the
    number on one line is what LibreOffice's right tab with leader amounts to.
    """
    swapped = []
    for run in number_runs:
        paragraph = run._r.getparent()
        for tab in list(paragraph.iter(qn("w:tab"))):
            if tab.getparent().tag != qn("w:r"):
                continue  # a tab stop of the paragraph's properties
            space = OxmlElement("w:t")
            space.set(qn("xml:space"), "preserve")
            space.text = " "
            tab.addprevious(space)
            tab.getparent().remove(tab)
            swapped.append((tab, space))
    return swapped


def estimate_starts(booklet: BookletDocument) -> tuple[list[int], int]:
    """Where each paper starts by the layout estimate, and the total pages.

    Every paper starts on a new page, so the booklet is estimated piece by piece:
    the cover and contents, then each paper alone (without the cover's own header
    and footer). The pieces are moved in and out of the document's body in turn,
    which keeps the work linear in the papers and each piece far below the
    estimator's page limit.
    """
    document = booklet.document
    body = document.element.body
    section = document.sections[0]
    children = [child for child in body if child.tag != qn("w:sectPr")]
    openings = [children.index(p) for p in booklet.title_paragraphs]
    pieces = [children[: openings[0] if openings else len(children)]]
    ends = [*openings[1:], len(children)] if openings else []
    pieces += [children[a:b] for a, b in zip(openings, ends, strict=True)]
    for child in children:
        body.remove(child)
    sectpr = body.find(qn("w:sectPr"))
    counts = []
    swapped = _tabs_as_spaces(booklet.number_runs)
    try:
        for index, piece in enumerate(pieces):
            section.different_first_page_header_footer = index == 0
            for child in piece:
                sectpr.addprevious(child)
            counts.append(layout.estimate(document).pages if piece else 0)
            for child in piece:
                body.remove(child)
    finally:
        section.different_first_page_header_footer = True
        for child in children:
            sectpr.addprevious(child)
        for tab, space in swapped:
            space.addprevious(tab)
            space.getparent().remove(space)
    starts, page = [], counts[0]
    for count in counts[1:]:
        starts.append(page + 1)
        page += max(count, 1)
    return starts, page


def _why_not(problem) -> str:
    """Why LibreOffice gave no page numbers, in the editor's language."""
    if isinstance(problem, PageCountUnavailable):
        return problem.user_message
    return gettext("LibreOffice made a PDF whose pages could not be read.")


def make_booklet(
    cover: Cover,
    papers: list[BookletPaper],
    *,
    draft: bool = False,
    soffice: str | None = None,
    use_libreoffice: bool = True,
    timeout: float = 600,
    progress: Progress | None = None,
) -> BookletResult:
    """Build the booklet; with LibreOffice the contents' page numbers are checked by rendering."""
    papers = printed_order(papers)
    booklet = BookletDocument(cover, papers, draft=draft, progress=progress)
    executable = find_soffice(soffice) if use_libreoffice else None
    if not use_libreoffice:
        fallback, detail = "not-asked", "page numbers estimated"
    elif executable is None:
        fallback, detail = "no-libreoffice", "page numbers estimated: LibreOffice is not installed"
    else:
        try:
            return _with_libreoffice(booklet, executable, timeout, progress)
        except (PageCountUnavailable, PdfUnreadable) as problem:
            # `detail` reaches editors (printing.page_numbers_note): in their language.
            fallback, detail = "libreoffice-failed", _why_not(problem)
    if progress:
        progress("estimate", 0, 1)
    starts, pages = estimate_starts(booklet)
    booklet.set_numbers(starts)
    docx_style.update_fields_on_open(booklet.document)
    return BookletResult(
        docx=booklet.to_bytes(),
        pdf=None,
        pages=pages,
        starts=starts,
        method="estimate",
        detail=detail,
        papers=papers,
        fallback=fallback,
    )


def _with_libreoffice(booklet, soffice, timeout, progress) -> BookletResult:
    papers = booklet.papers
    # Every digit of Times New Roman has the same width: a placeholder with as many
    # digits as the real numbers lays out exactly as they will.
    guess = [3 + sum(1 for _ in paper.blocks) // 8 for paper in papers]
    numbers = [10 ** (len(str(max(sum(guess), 1))) - 1)] * len(papers)
    for attempt in range(1, MAX_RENDERS + 1):
        booklet.set_numbers(numbers)
        data = booklet.to_bytes()
        if progress:
            progress("render", attempt, MAX_RENDERS)
        pdf = _render(data, soffice, timeout)
        starts = _match_starts(outline(pdf), papers)
        if starts == numbers:
            return BookletResult(
                docx=data,
                pdf=pdf,
                pages=page_count(pdf),
                starts=starts,
                method="libreoffice",
                detail=f"page numbers from LibreOffice's layout ({attempt} renderings)",
                papers=papers,
            )
        numbers = starts
    raise PdfUnreadable("the contents' page numbers did not settle")
