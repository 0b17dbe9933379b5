"""The booklet as python-docx reads it back, and as LibreOffice lays it out."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from symposium_pages.documents import booklet as booklet_module
from symposium_pages.documents.booklet import (
    DRAFT_MARK,
    TOC_INSTRUCTION,
    BookletPaper,
    make_booklet,
    printed_order,
)
from symposium_pages.documents.pdf import outline
from symposium_pages.intake.libreoffice import convert, find_soffice, pdf_page_count
from tests.documents.docx_checks import (
    body_paragraphs,
    default_fonts,
    fields,
    has_page_break_before,
    header_texts,
    headings,
    in_schema_order,
    open_docx,
    paragraph_text,
    sectpr_children,
    style_of,
    theme_attributes_in_styles,
    toc_entries,
)
from tests.documents.sample_papers import cover, sample_paper, sample_papers
from tests.office_fonts import needs_reference_fonts

SOFFICE = find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def papers():
    return sample_papers(8, seed=3)


@pytest.fixture(scope="module")
def estimated(papers):
    return make_booklet(cover(), papers, use_libreoffice=False)


def test_printed_order_keynote_papers_by_programme_order_closing():
    papers = [
        BookletPaper("Tổng kết", kind="closing", programme_order=1, key=1),
        BookletPaper("B", programme_order=5, key=2),
        BookletPaper("A", programme_order=3, key=3),
        BookletPaper("Đề dẫn", kind="keynote", programme_order=50, key=4),
        BookletPaper("C", programme_order=5, key=1),
    ]
    assert [paper.title for paper in printed_order(papers)] == ["Đề dẫn", "A", "C", "B", "Tổng kết"]


def test_layout_fonts_and_page_numbers(estimated):
    document = open_docx(estimated.docx)
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35 and 15 <= section.right_margin.mm <= 20
    assert set(default_fonts(document).values()) == {"Times New Roman"}
    assert set(default_fonts(document)) == {"ascii", "hAnsi", "eastAsia", "cs"}
    assert theme_attributes_in_styles(document) == []
    assert section.different_first_page_header_footer is True
    assert fields(section.header._element) == ["PAGE"]
    assert fields(section.first_page_header._element) == []
    assert in_schema_order(sectpr_children(document))
    # No run anywhere names a font that is not ours.
    faces = {
        value
        for rfonts in document.element.body.iter(qn("w:rFonts"))
        for value in rfonts.attrib.values()
    }
    assert faces <= {"Times New Roman"}


def test_cover_has_the_party_header_theme_place_and_month(estimated):
    document = open_docx(estimated.docx)
    header = document.tables[0]
    left, right = header.rows[0].cells
    assert left.paragraphs[0].text == "TỈNH ỦY GIA LAI"
    assert left.paragraphs[1].text == "*"
    assert right.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    texts = [paragraph_text(p) for p in body_paragraphs(document)]
    assert "TÀI LIỆU" in texts and "TỌA ĐÀM" in texts
    assert any(text.startswith("“ĐẨY MẠNH XÂY DỰNG, CHỈNH ĐỐN ĐẢNG") for text in texts)
    footer = header_texts(document.sections[0].first_page_footer)
    assert footer == "Gia Lai, tháng 8 năm 2022"


def test_order_page_breaks_units_and_presenters(estimated, papers):
    document = open_docx(estimated.docx)
    expected = printed_order(papers)
    titles = headings(document, "Heading1")
    assert [paragraph_text(p) for p in titles] == [paper.title for paper in expected]
    assert paragraph_text(titles[0]) == "Báo cáo đề dẫn tọa đàm"
    assert paragraph_text(titles[-1]) == "Báo cáo tổng kết tọa đàm"
    orders = [paper.programme_order for paper in expected[1:-1]]
    assert orders == sorted(orders)
    assert all(has_page_break_before(p) for p in titles)
    paragraphs = body_paragraphs(document)
    for title, paper in zip(titles, expected, strict=True):
        index = paragraphs.index(title)
        unit, presenter = paragraphs[index + 1], paragraphs[index + 2]
        assert (style_of(unit), paragraph_text(unit)) == ("Heading2", paper.unit)
        assert paragraph_text(presenter) == (
            f"Người trình bày: đồng chí {paper.presenter}, {paper.presenter_position}"
        )


def test_contents_is_a_toc_field_with_a_written_list(estimated, papers):
    document = open_docx(estimated.docx)
    assert fields(document.element.body) == [" ".join(TOC_INSTRUCTION.split())]
    entries = toc_entries(document)
    assert [title for title, _page in entries] == [paper.title for paper in printed_order(papers)]
    pages = [page for _title, page in entries]
    assert pages == estimated.starts
    assert pages[0] == 3  # cover, contents, then the keynote
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    # Estimated numbers: Word is asked to refresh the fields when it opens the file.
    assert estimated.method == "estimate"
    assert document.settings.element.find(qn("w:updateFields")) is not None


def test_body_blocks_are_carried(estimated):
    document = open_docx(estimated.docx)
    # headings of the papers' bodies sit below the title and unit levels
    assert headings(document, "Heading3")
    # tables with a repeated header row, pictures, bold and italic runs
    tables = document.tables[1:]
    assert tables and all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in tables)
    assert len(document.inline_shapes) == sum(
        1
        for paper in sample_papers(8, seed=3)
        for block in paper.blocks
        if block["type"] == "image"
    )
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    assert any(run.bold for run in runs) and any(run.italic for run in runs)
    texts = [p.text for p in document.paragraphs]
    assert any(text.startswith("- ") or text.startswith("1. ") for text in texts)


def test_draft_mark_only_in_draft_mode(papers):
    final = open_docx(make_booklet(cover(), papers, use_libreoffice=False).docx)
    papers = [*papers[:2], BookletPaper("Chưa duyệt", approved=False, programme_order=50)]
    draft = open_docx(make_booklet(cover(), papers, draft=True, use_libreoffice=False).docx)
    for document, marked in ((final, False), (draft, True)):
        section = document.sections[0]
        assert (DRAFT_MARK in header_texts(section.header)) is marked
        assert (DRAFT_MARK in header_texts(section.first_page_header)) is marked
        texts = [paragraph_text(p) for p in body_paragraphs(document)]
        assert any(DRAFT_MARK in text for text in texts) is marked
        assert ("(Chưa được duyệt)" in texts) is marked


def test_an_empty_booklet_still_has_cover_and_contents():
    result = make_booklet(cover(), [], use_libreoffice=False)
    document = open_docx(result.docx)
    assert fields(document.element.body) == [" ".join(TOC_INSTRUCTION.split())]
    assert headings(document) == []
    assert result.starts == []


def test_progress_is_reported_per_paper(papers):
    seen = []
    make_booklet(cover(), papers, use_libreoffice=False, progress=lambda *args: seen.append(args))
    builds = [args for args in seen if args[0] == "build"]
    assert builds == [("build", i, len(papers)) for i in range(1, len(papers) + 1)]
    assert seen[-1][0] == "estimate"


def test_an_unreadable_picture_becomes_a_note():
    paper = sample_paper(7, picture=False)
    paper.blocks.insert(
        0,
        {
            "type": "image",
            "value": {
                "picture": booklet_module.Picture(b"not an image", "x.webp"),
                "caption": "Ảnh",
            },
        },
    )
    document = open_docx(make_booklet(cover(), [paper], use_libreoffice=False).docx)
    assert "[Hình: Ảnh]" in [p.text for p in document.paragraphs]


# --- with LibreOffice --------------------------------------------------------------------------


def _render(data: bytes) -> bytes:
    work = Path(tempfile.mkdtemp(prefix="booklet-test-"))
    try:
        (work / "b.docx").write_bytes(data)
        convert([work / "b.docx"], work, SOFFICE, 300)
        return (work / "b.pdf").read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.libreoffice
@needs_soffice
@needs_reference_fonts
def test_libreoffice_pages_match_the_written_contents(papers, estimated):
    result = make_booklet(cover(), papers, draft=True)
    assert result.method == "libreoffice"
    assert result.pdf is not None
    document = open_docx(result.docx)
    assert document.settings.element.find(qn("w:updateFields")) is None
    written = [page for _title, page in toc_entries(document)]
    assert written == result.starts
    # An independent rendering of the .docx as delivered agrees with the written list.
    pdf = _render(result.docx)
    tops = [item for item in outline(pdf) if item.level == 1]
    assert [item.page for item in tops] == written
    assert [item.title for item in tops] == [paper.title for paper in printed_order(papers)]
    assert pdf_page_count(pdf) == result.pages == pdf_page_count(result.pdf)
    assert written[-1] <= result.pages
    # The estimate the booklet falls back on is close to the real layout.
    assert all(abs(a - b) <= 1 for a, b in zip(estimated.starts, written, strict=True))
    # Each paper's title is the first line of its page (after the header), where pdftotext exists.
    if shutil.which("pdftotext"):
        for title, page in toc_entries(document):
            text = subprocess.run(
                ["pdftotext", "-f", str(page), "-l", str(page), "-layout", "-", "-"],
                input=pdf,
                capture_output=True,
                check=True,
            ).stdout.decode()
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[0] == DRAFT_MARK and lines[1] == str(page)
            assert " ".join(lines[2:5]).startswith(" ".join(title.split()[:6]))


def test_a_libreoffice_that_fails_leaves_estimated_numbers_and_a_vietnamese_reason(
    papers, tmp_path
):
    from django.utils import translation

    from symposium_pages.printing import page_numbers_note

    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    broken.chmod(0o755)
    with translation.override("vi"):
        result = make_booklet(cover(), papers[:2], soffice=str(broken), timeout=30)
        note = page_numbers_note(result.method, result.fallback, result.detail)
    assert (result.method, result.fallback) == ("estimate", "libreoffice-failed")
    assert result.detail == "LibreOffice không mở được tệp này hoặc không chuyển được sang PDF."
    assert "LibreOffice produced" not in note and "source file" not in note
