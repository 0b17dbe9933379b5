"""What the booklet prints from the database: approved, edited versions only (drafts aside)."""

import io

import pytest
from wagtail.images import get_image_model

from symposium_pages import printing
from symposium_pages.models import PaperPage, SymposiumPage
from tests.documents.docx_checks import (
    header_texts,
    headings,
    open_docx,
    paragraph_text,
    toc_entries,
)
from tests.documents.sample_papers import picture_png
from tests.symposium_pages.factories import release


def _titles(result):
    return [paragraph_text(p) for p in headings(open_docx(result.docx))]


def _paper(symposium, unit_name):
    return PaperPage.objects.child_of(symposium).get(unit__name=unit_name)


@pytest.fixture
def symposium(demo):
    return SymposiumPage.objects.get(slug="toa-dam-xay-dung-chinh-don-dang-2022")


def test_the_final_booklet_prints_only_approved_papers_in_programme_order(symposium):
    children = PaperPage.objects.child_of(symposium).annotate_approved_schedule()
    approved = [p for p in children if p.live or p.approved_schedule]
    unapproved = [p for p in children if not (p.live or p.approved_schedule)]
    assert unapproved, "the demo has papers still in the workflow"

    result = printing.build_booklet(symposium, use_libreoffice=False)
    titles = _titles(result)
    # The keynote, the approved papers in the order the demo received them, the summary.
    assert titles == [
        "Báo cáo đề dẫn tọa đàm",
        _paper(symposium, "Thành ủy Pleiku").title,
        _paper(symposium, "Huyện ủy Chư Păh").title,
        _paper(symposium, "Ban Thường vụ Tỉnh đoàn").title,
        "Báo cáo tổng kết tọa đàm",
    ]
    assert {p.title for p in approved} == set(titles)
    # The scheduled (approved, not yet live) paper of the Youth Union is in; the others are not.
    assert _paper(symposium, "Ban Thường vụ Tỉnh đoàn").title in titles
    assert not {p.title for p in unapproved} & set(titles)
    assert [title for title, _page in toc_entries(open_docx(result.docx))] == titles
    assert "BẢN DỰ THẢO" not in header_texts(open_docx(result.docx).sections[0].header)


def test_the_live_revision_is_printed_not_a_later_draft(symposium):
    paper = _paper(symposium, "Thành ủy Pleiku")
    live_text = next(block.value.source for block in paper.body if block.block_type == "paragraph")
    draft = paper.get_latest_revision_as_object()
    draft.body = [("paragraph", "<p>Đoạn văn chưa được duyệt, chỉ có trong bản nháp.</p>")]
    draft.save_revision()

    def texts(draft_mode):
        result = printing.build_booklet(symposium, draft=draft_mode, use_libreoffice=False)
        return "\n".join(p.text for p in open_docx(result.docx).paragraphs)

    final, draft_booklet = texts(False), texts(True)
    assert "chưa được duyệt, chỉ có trong bản nháp" not in final
    first_sentence = live_text.split("<p")[1].split(">", 1)[1].split(".")[0]
    assert first_sentence in final
    assert "Đoạn văn chưa được duyệt, chỉ có trong bản nháp." in draft_booklet


def test_the_draft_booklet_has_every_paper_and_the_mark(symposium):
    result = printing.build_booklet(symposium, draft=True, use_libreoffice=False)
    document = open_docx(result.docx)
    assert len(headings(document)) == PaperPage.objects.child_of(symposium).count()
    assert "BẢN DỰ THẢO" in header_texts(document.sections[0].header)
    assert "BẢN DỰ THẢO" in header_texts(document.sections[0].first_page_header)
    texts = [p.text for p in document.paragraphs]
    assert "(Chưa được duyệt)" in texts


def test_pictures_and_tables_of_the_edited_body_are_printed(symposium):
    image = get_image_model()(title="Biểu đồ")
    from django.core.files.images import ImageFile

    image.file.save("bieu-do.png", ImageFile(io.BytesIO(picture_png(3)), name="bieu-do.png"))
    paper = _paper(symposium, "Huyện ủy Chư Păh").get_latest_revision_as_object()
    paper.body = [
        ("paragraph", "<p>Mở đầu có <b>chữ đậm</b> và <i>chữ nghiêng</i>.</p>"),
        ("image", {"image": image, "alt": "", "caption": "Biểu đồ kết nạp đảng viên"}),
        (
            "table",
            {
                "data": [["Năm", "Đảng viên mới"], ["2021", "412"], ["2022", "455"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Kết nạp đảng viên",
            },
        ),
    ]
    release(paper)
    document = open_docx(printing.build_booklet(symposium, use_libreoffice=False).docx)
    assert len(document.inline_shapes) == 1
    assert "Biểu đồ kết nạp đảng viên" in [p.text for p in document.paragraphs]
    cells = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert cells == [["Năm", "Đảng viên mới"], ["2021", "412"], ["2022", "455"]]
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert "chữ đậm" in bold


def test_cover_facts_come_from_the_plan(symposium):
    cover = printing.booklet_cover(symposium)
    assert (cover.issuing_body, cover.place, cover.month, cover.year) == (
        "Ban Thường vụ Tỉnh ủy Gia Lai",
        "Gia Lai",
        8,
        2022,
    )
    assert (cover.plan_number, cover.plan_date) == ("92-KH/TU", "10/8/2022")
    assert cover.theme == symposium.title
