"""The admin's "receive paper": upload, preview with warnings, confirm, draft page."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model

from symposium_pages.models import Invitation, PaperPage, Unit

from .docx_builders import simple_paper
from .factories import make_plan


@pytest.fixture
def plan(home_page):
    return make_plan(home_page)


@pytest.fixture
def invitation(plan):
    unit = Unit.objects.create(name="Đảng ủy Công an tỉnh", category="dang_uy_truc_thuoc")
    return Invitation.objects.create(symposium=plan, unit=unit)


def url(plan):
    return f"/admin/symposium/{plan.pk}/receive-paper/"


def upload(client, plan, data, **fields):
    return client.post(url(plan), {"file": SimpleUploadedFile("tham-luan.docx", data), **fields})


def test_header_button_on_the_symposium(admin_client, plan):
    html = admin_client.get(f"/admin/pages/{plan.pk}/").content.decode()
    assert url(plan) in html


def test_upload_preview_confirm(admin_client, plan, invitation):
    response = upload(
        admin_client,
        plan,
        simple_paper(),
        invitation=invitation.pk,
        presenter_name="Phạm Minh Tuấn",
        presenter_position="Phó Bí thư",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<dd class="intake-title">Nâng cao chất lượng sinh hoạt chi bộ</dd>' in html
    assert PaperPage.objects.count() == 0
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = admin_client.post(url(plan), {"token": token, "confirm": "1"})
    paper = PaperPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{paper.pk}/edit/"
    assert (paper.live, paper.invitation, paper.presenter_name) == (
        False,
        invitation,
        "Phạm Minh Tuấn",
    )


def test_a_refused_upload_shows_why_and_stores_nothing(admin_client, plan, invitation):
    response = upload(admin_client, plan, b"", invitation=invitation.pk)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tệp" in html and "error-message" in html
    assert PaperPage.objects.count() == 0
    assert get_document_model().objects.count() == 0


def test_choose_exactly_one_of_invitation_and_unit(admin_client, plan, invitation):
    response = upload(admin_client, plan, simple_paper())
    assert "Chọn một đơn vị được mời hoặc một đơn vị chưa được mời" in response.content.decode()


def test_anonymous_cannot_reach_the_view_nor_the_original(admin_client, plan, invitation):
    client = Client()
    assert client.get(url(plan)).status_code == 302
    response = upload(admin_client, plan, simple_paper(), invitation=invitation.pk)
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    admin_client.post(url(plan), {"token": token, "confirm": "1"})
    document = PaperPage.objects.get().original
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")


def test_the_preview_shows_the_papers_notes(admin_client, plan, invitation):
    import io

    import docx

    from tests.intake.papers import add_footnote

    document = docx.Document()
    document.add_heading("Tham luận có chú thích", level=0)
    paragraph = document.add_paragraph("Thực hiện Kết luận số 21-KL/TW")
    add_footnote(document, paragraph, "Hội nghị Trung ương 4 khóa XIII, ngày 25/10/2021.")
    buffer = io.BytesIO()
    document.save(buffer)
    html = upload(admin_client, plan, buffer.getvalue(), invitation=invitation.pk).content.decode()
    notes = re.search(r'<ol class="intake-notes">(.*?)</ol>', html, re.S).group(1)
    assert "Hội nghị Trung ương 4 khóa XIII" in notes
