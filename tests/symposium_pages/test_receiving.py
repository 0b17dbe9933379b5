"""The intake service files accepted papers and stores nothing for refused ones."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from symposium_pages.models import Invitation, PaperPage, PaperSubmission, Unit
from symposium_pages.receiving import PaperRefused, receive_paper

from .docx_builders import simple_paper
from .factories import make_plan

Document = get_document_model()
Image = get_image_model()


def files_under(folder):
    root = Path(settings.MEDIA_ROOT) / folder
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def plan(home_page):
    return make_plan(home_page)


@pytest.fixture
def unit(db):
    return Unit.objects.create(
        name="Huyện ủy Chư Păh", short_name="HU Chư Păh", category="huyen_uy"
    )


@pytest.fixture
def invitation(plan, unit):
    return Invitation.objects.create(symposium=plan, unit=unit, presenter_name="Lê Thị Hoa")


ON_TIME = timezone.make_aware(datetime.datetime(2022, 8, 15, 9, 0))


def test_an_accepted_paper_becomes_a_draft_page(plan, invitation):
    receipt = receive_paper(
        plan,
        data=simple_paper(picture=True),
        filename="Tham luan Chu Pah.docx",
        invitation=invitation,
        method="estimate",
        received_at=ON_TIME,
    )
    paper = PaperPage.objects.get()
    assert receipt.paper.pk == paper.pk
    assert (receipt.created_paper, receipt.created_invitation) == (True, False)
    assert paper.live is False
    assert paper.get_parent().pk == plan.pk
    assert paper.title == "Nâng cao chất lượng sinh hoạt chi bộ"
    assert (paper.unit, paper.invitation, paper.presenter_name) == (
        invitation.unit,
        invitation,
        "Lê Thị Hoa",
    )
    assert [block.block_type for block in paper.body] == [
        "heading",
        "paragraph",
        "paragraph",
        "paragraph",
        "image",
    ]
    assert "<b>nêu gương</b>" in paper.body[1].value.source
    assert paper.body[4].value["image"].collection.name == "Ảnh trong tham luận"
    assert (paper.pages, paper.page_count_method) == (1, "estimate")
    assert paper.received_at == ON_TIME
    assert paper.original.collection.name == "Tham luận gốc (nội bộ)"
    assert paper.original.file.read()[:2] == b"PK"
    assert invitation.status == Invitation.Status.RECEIVED
    assert receipt.warnings == []


def test_a_second_upload_is_a_new_revision_and_keeps_the_first_original(plan, invitation):
    first = receive_paper(
        plan,
        data=simple_paper(),
        filename="v1.docx",
        invitation=invitation,
        method="estimate",
        received_at=ON_TIME,
    )
    second = receive_paper(
        plan,
        data=simple_paper(title="Bản sửa lần hai"),
        filename="v2.docx",
        invitation=invitation,
        method="estimate",
        received_at=ON_TIME,
    )
    assert second.paper.pk == first.paper.pk
    assert second.created_paper is False
    assert PaperPage.objects.count() == 1
    revisions = Revision.page_revisions.filter(object_id=str(first.paper.pk))
    assert revisions.count() == 2
    assert second.paper.get_latest_revision_as_object().title == "Bản sửa lần hai"
    submissions = list(PaperSubmission.objects.order_by("pk"))
    assert [s.filename for s in submissions] == ["v1.docx", "v2.docx"]
    assert submissions[0].document_id != submissions[1].document_id
    assert Document.objects.filter(pk=submissions[0].document_id).exists()


def test_a_unit_not_yet_invited_is_added_with_a_warning(plan, unit):
    receipt = receive_paper(
        plan,
        data=simple_paper(),
        filename="x.docx",
        unit=unit,
        method="estimate",
        received_at=ON_TIME,
    )
    assert receipt.created_invitation is True
    assert Invitation.objects.get().unit == unit
    assert receipt.warnings[0] == (
        "Huyện ủy Chư Păh chưa có trong danh sách đơn vị được mời; đã bổ sung vào danh sách."
    )


@pytest.mark.parametrize("data", [b"", b"just text, not a document", b"PK\x03\x04broken"])
def test_a_refused_file_stores_nothing(plan, unit, data):
    pages_before = Page.objects.count()
    files_before = files_under("documents") + files_under("original_images")
    with pytest.raises(PaperRefused) as caught:
        receive_paper(plan, data=data, filename="bad.docx", unit=unit, method="estimate")
    assert caught.value.result.errors
    assert Page.objects.count() == pages_before
    assert (Invitation.objects.count(), Document.objects.count(), Image.objects.count()) == (
        0,
        0,
        0,
    )
    assert files_under("documents") + files_under("original_images") == files_before


def test_a_late_paper_is_flagged_late(plan, invitation):
    late = timezone.make_aware(datetime.datetime(2022, 8, 19, 10, 0))
    receipt = receive_paper(
        plan,
        data=simple_paper(),
        filename="x.docx",
        invitation=invitation,
        method="estimate",
        received_at=late,
    )
    assert receipt.paper.is_late is True
    assert invitation.status == Invitation.Status.LATE
    assert receipt.warnings == ["Nhận ngày 19/08/2022, sau hạn gửi (trước ngày 19/08/2022)."]


def test_an_overlong_paper_is_received_and_flagged(home_page, unit):
    plan = make_plan(home_page, slug="gioi-han-2", page_limit=2)
    receipt = receive_paper(
        plan,
        data=simple_paper(pages=3),
        filename="dai.docx",
        unit=unit,
        method="estimate",
        received_at=ON_TIME,
    )
    assert receipt.paper.pages == 3
    assert receipt.paper.is_over_limit is True
    assert receipt.invitation.status == Invitation.Status.OVER_LIMIT
    assert "Tham luận dài 3 trang; kế hoạch quy định không quá 2 trang A4." in receipt.warnings


def test_the_units_letterhead_line_is_not_repeated_in_the_body(plan, invitation):
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for text in ("HUYỆN ỦY CHƯ PĂH", "THAM LUẬN VỀ SINH HOẠT CHI BỘ"):
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run(text).bold = True
    document.add_paragraph("Chi bộ sinh hoạt đều đặn hằng tháng.")
    buffer = io.BytesIO()
    document.save(buffer)
    receipt = receive_paper(
        plan,
        data=buffer.getvalue(),
        filename="x.docx",
        invitation=invitation,
        method="estimate",
        received_at=ON_TIME,
    )
    assert receipt.paper.title == "Tham luận về sinh hoạt chi bộ"
    assert [block.block_type for block in receipt.paper.body] == ["paragraph"]
