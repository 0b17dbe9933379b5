"""Page counting without LibreOffice: hand-computed layouts and the API's contract.

The arithmetic behind the numbers: Times New Roman 13 pt single lines are 299 twips
(13 * 20 * 2355 / 2048, the font's ascent + descent + line gap); the A4 body with
20 mm top and bottom margins is 16838 - 2 * 1134 = 14570 twips, so 48 lines fit and
the 49th does not. test_pagecount_libreoffice.py checks the same cases against a
real rendering.
"""

import io
import zlib

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

from symposium_pages.intake.libreoffice import pdf_page_count
from symposium_pages.intake.pagecount import (
    PageCount,
    PageCountUnavailable,
    count_pages,
    estimate_pages,
    find_soffice,
)
from tests.intake.papers import (
    MARGINS,
    PaperSpec,
    app_pages,
    build_paper,
    plain_document,
    to_bytes,
    with_app_pages,
)


def lines(doc, count: int, text: str = "Dòng") -> None:
    for i in range(count):
        doc.add_paragraph(f"{text} {i + 1}" if text else "")


def pages(doc) -> int:
    return estimate_pages(doc).pages


# --- cases whose page count is computed by hand (LibreOffice agrees) --------------


def empty_paragraphs(count: int, **geometry):
    doc = plain_document(**geometry)
    lines(doc, count, text="")
    return doc


def page_breaks(count: int):
    doc = plain_document()
    doc.add_paragraph("Mở đầu")
    for i in range(count):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_paragraph(f"Phần {i + 2}")
    return doc


def full_page_then_break():
    """48 lines fill the page; the paragraph holding the break needs a line of its
    own, goes to page 2, and the text after the break starts page 3."""
    doc = plain_document()
    lines(doc, 48)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("Sau ngắt trang")
    return doc


def widow(control: bool):
    """45 lines, a 4-line paragraph, 47 lines: widow control carries two of the four
    lines to page 2, which then needs 49 lines."""
    doc = plain_document()
    lines(doc, 45)
    para = doc.add_paragraph()
    for i, word in enumerate(["một", "hai", "ba", "bốn"]):
        run = para.add_run(word)
        if i < 3:
            run.add_break()
    para.paragraph_format.widow_control = control
    lines(doc, 47)
    return doc


def keep_with_next():
    """47 lines, a one-line paragraph kept with the next, then 48 more lines."""
    doc = plain_document()
    lines(doc, 47)
    doc.add_paragraph("Tiêu đề").paragraph_format.keep_with_next = True
    lines(doc, 48)
    return doc


def space_before(count: int):
    """24 pt before every line: page 1 keeps it above its first line (18 lines of
    779 twips), page 2 drops it at the top (1 + 18 lines), so 37 lines take 2 pages."""
    doc = plain_document()
    doc.styles["Normal"].paragraph_format.space_before = Pt(24)
    lines(doc, count)
    return doc


def space_after(count: int):
    """20 pt after every line: the last one may hang into the margin, so 21 fit."""
    doc = plain_document(space_after=20)
    lines(doc, count)
    return doc


def table_rows(count: int):
    """Table Grid rows are one line plus a 0.5 pt border (309 twips), with one more
    border on top: 47 rows fit on an A4 page."""
    doc = plain_document()
    table = doc.add_table(rows=count, cols=3)
    table.style = doc.styles["Table Grid"]
    for row in table.rows:
        for cell in row.cells:
            cell.text = "Ô bảng"
    return doc


def sections(start: WD_SECTION):
    doc = plain_document()
    lines(doc, 10)
    doc.add_section(start)
    lines(doc, 10)
    return doc


HAND_CASES = {
    # name: (builder, pages)
    "48 empty paragraphs": (lambda: empty_paragraphs(48), 1),
    "49 empty paragraphs": (lambda: empty_paragraphs(49), 2),
    "46 lines on A4": (lambda: empty_paragraphs(46), 1),
    "46 lines on Letter": (lambda: empty_paragraphs(46, paper="Letter"), 2),
    "47 lines, 20 mm margins": (lambda: empty_paragraphs(47), 1),
    "47 lines, 25 mm margins": (
        lambda: empty_paragraphs(47, margins=MARGINS["administrative-wide"]),
        2,
    ),
    "32 lines at 1.5": (lambda: empty_paragraphs(32, line=1.5), 1),
    "33 lines at 1.5": (lambda: empty_paragraphs(33, line=1.5), 2),
    "42 lines at 1.15": (lambda: empty_paragraphs(42, line=1.15), 1),
    "43 lines at 1.15": (lambda: empty_paragraphs(43, line=1.15), 2),
    "40 lines exactly 18 pt": (lambda: empty_paragraphs(40, line=18, line_rule="exact"), 1),
    "41 lines exactly 18 pt": (lambda: empty_paragraphs(41, line=18, line_rule="exact"), 2),
    "45 lines of 14 pt": (lambda: empty_paragraphs(45, size=14), 1),
    "46 lines of 14 pt": (lambda: empty_paragraphs(46, size=14), 2),
    "1 page break": (lambda: page_breaks(1), 2),
    "4 page breaks": (lambda: page_breaks(4), 5),
    "break after a full page": (full_page_then_break, 3),
    "widow control": (lambda: widow(True), 3),
    "no widow control": (lambda: widow(False), 2),
    "keep with next": (keep_with_next, 3),
    "37 lines with space before": (lambda: space_before(37), 2),
    "38 lines with space before": (lambda: space_before(38), 3),
    "21 lines with space after": (lambda: space_after(21), 1),
    "22 lines with space after": (lambda: space_after(22), 2),
    "47 table rows": (lambda: table_rows(47), 1),
    "48 table rows": (lambda: table_rows(48), 2),
    "new-page section": (lambda: sections(WD_SECTION.NEW_PAGE), 2),
    "continuous section": (lambda: sections(WD_SECTION.CONTINUOUS), 1),
}


@pytest.mark.parametrize("name", list(HAND_CASES))
def test_hand_computed_layouts(name):
    build, expected = HAND_CASES[name]
    assert pages(build()) == expected


def test_page_break_before_starts_a_page():
    doc = plain_document()
    lines(doc, 3)
    doc.paragraphs[1].paragraph_format.page_break_before = True
    assert pages(doc) == 2


def test_detail_names_paper_font_and_spacing():
    doc = plain_document(line=1.5)
    lines(doc, 3)
    assert estimate_pages(doc) == PageCount(
        1, "estimate", "A4 portrait, Times New Roman 13pt, 1.5 spacing"
    )


def test_vietnamese_text_wraps_by_words():
    """60 'nhân dân' pairs: 'nhân dân ' is 7962 font units, 1010.8 twips at 13 pt;
    9 pairs fit the 9355-twip administrative line, so the paragraph takes 7 lines."""
    doc = plain_document()
    doc.add_paragraph(" ".join(["nhân dân"] * 60))
    lines(doc, 41, text="")
    assert pages(doc) == 1
    doc.add_paragraph()
    assert pages(doc) == 2


# --- docProps/app.xml is a hint at most ---------------------------------------------


def test_stale_missing_or_fresh_app_xml_never_changes_the_count():
    data = build_paper(PaperSpec(seed=7, paragraphs=40))
    true_pages = count_pages(data, method="estimate").pages
    assert app_pages(data) == 1  # what python-docx writes whatever the length
    stale = with_app_pages(data, true_pages + 6)
    missing = with_app_pages(data, None)
    fresh = with_app_pages(data, true_pages)
    assert app_pages(missing) is None
    assert count_pages(stale, method="estimate") == PageCount(
        true_pages,
        "estimate",
        f"A4 portrait, Times New Roman 13pt, single spacing; "
        f"docProps/app.xml says {true_pages + 6}, ignored",
    )
    assert count_pages(missing, method="estimate").detail == (
        "A4 portrait, Times New Roman 13pt, single spacing"
    )
    assert count_pages(fresh, method="estimate").detail == (
        "A4 portrait, Times New Roman 13pt, single spacing; docProps/app.xml agrees"
    )


def test_count_pages_opens_the_document_itself():
    data = to_bytes(page_breaks(2))
    assert count_pages(data, method="estimate").pages == 3
    assert count_pages(data, docx.Document(io.BytesIO(data)), method="estimate").pages == 3


# --- methods and LibreOffice's absence -------------------------------------------------


def test_libreoffice_method_without_soffice_is_unavailable():
    data = to_bytes(page_breaks(1))
    with pytest.raises(PageCountUnavailable, match="LibreOffice not found"):
        count_pages(data, method="libreoffice", soffice="/nonexistent/soffice")


def test_auto_falls_back_to_the_estimate_when_soffice_is_missing():
    data = to_bytes(page_breaks(1))
    assert count_pages(data, soffice="/nonexistent/soffice") == PageCount(
        2,
        "estimate",
        "A4 portrait, Times New Roman 13pt, single spacing; docProps/app.xml says 1, ignored",
    )


def test_a_failing_soffice_is_reported_or_replaced_by_the_estimate():
    """/bin/false stands for a LibreOffice that starts and fails."""
    data = with_app_pages(to_bytes(page_breaks(1)), None)
    with pytest.raises(PageCountUnavailable, match="LibreOffice exited with 1"):
        count_pages(data, method="libreoffice", soffice="/bin/false")
    assert count_pages(data, soffice="/bin/false") == PageCount(
        2,
        "estimate",
        "A4 portrait, Times New Roman 13pt, single spacing; "
        "LibreOffice failed: LibreOffice exited with 1: ",
    )


def test_find_soffice_rejects_a_missing_path():
    assert find_soffice("/nonexistent/soffice") is None


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="method must be one of auto, estimate, libreoffice"):
        count_pages(b"", method="word")


# --- hostile geometry ------------------------------------------------------------------


def test_a_page_smaller_than_its_margins_takes_a_line_per_page():
    doc = plain_document()
    doc.sections[0].page_height = Mm(30)
    lines(doc, 10)
    assert pages(doc) == 10


def test_counting_stops_at_five_hundred_pages():
    doc = plain_document()
    doc.sections[0].page_height = Mm(30)
    lines(doc, 600, text="")
    assert estimate_pages(doc) == PageCount(
        500,
        "estimate",
        "210×30 mm landscape, Times New Roman 13pt, single spacing; counting stopped at 500 pages",
    )


def test_absurd_font_sizes_and_indents_still_end():
    doc = plain_document()
    para = doc.add_paragraph("nhân dân " * 20)
    para.runs[0].font.size = Pt(1500)
    para.paragraph_format.left_indent = Mm(400)
    assert pages(doc) == 500


# --- the PDF page counter ---------------------------------------------------------------


def _pdf(*objects: bytes) -> bytes:
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % (i + 1, obj) for i, obj in enumerate(objects))
    return b"%PDF-1.6\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_pdf_count_reads_the_root_page_tree():
    pdf = _pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 12 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [] /Count 5 >>",
        b"<< /Type /Page /Parent 2 0 R >>",
    )
    assert pdf_page_count(pdf) == 12


def test_pdf_count_falls_back_to_page_objects():
    pdf = _pdf(
        b"<< /Type /Catalog >>",
        b"<< /Type/Page /MediaBox [0 0 595 842] >>",
        b"<< /Type /Page >>",
        b"<< /Type /Pages /Parent 9 0 R /Count 5 >>",
    )
    assert pdf_page_count(pdf) == 2


def test_pdf_count_looks_inside_object_streams():
    packed = zlib.compress(b"1 0 2 40 << /Type /Catalog >> << /Type /Pages /Kids [] /Count 7 >>")
    stream = (
        b"<< /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (
            len(packed),
            packed,
        )
    )
    assert pdf_page_count(_pdf(stream)) == 7


def test_pdf_count_refuses_what_is_not_a_pdf():
    with pytest.raises(PageCountUnavailable, match="not a PDF"):
        pdf_page_count(b"PK\x03\x04 a docx")
    with pytest.raises(PageCountUnavailable, match="no pages"):
        pdf_page_count(b"%PDF-1.4\n%%EOF\n")
