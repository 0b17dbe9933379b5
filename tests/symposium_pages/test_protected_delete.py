"""Deleting what the add-on keeps is refused with a message at Wagtail's delete doors."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from wagtail.documents import get_document_model

from symposium_pages import receiving
from symposium_pages.checks import host_settings

from .docx_builders import simple_paper
from .test_desk import invitation, plan  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def original(plan, invitation):  # noqa: F811
    receipt = receiving.receive_paper(
        plan, data=simple_paper(), filename="tham-luan.docx", invitation=invitation
    )
    return receipt.submission.document


def test_a_kept_original_is_not_deleted_and_the_admin_says_why(client, original):
    admin = get_user_model().objects.create_superuser("root", "root@toasoan.example", "x")
    client.force_login(admin)
    page = f"/admin/documents/delete/{original.pk}/"
    for url in (page, f"/admin/bulk/wagtaildocs/document/delete/?id={original.pk}"):
        response = client.post(url, HTTP_REFERER=f"http://testserver{page}")
        assert response.status_code == 302 and response["Location"].endswith(page)
        assert get_document_model().objects.filter(pk=original.pk).exists()
        shown = client.get(response["Location"]).content.decode()
        assert "Không xóa" in shown and "lần gửi" in shown


def test_a_host_without_the_middleware_is_warned():
    from django.conf import settings

    middleware = [name for name in settings.MIDDLEWARE if not name.endswith("DeleteMiddleware")]
    with override_settings(MIDDLEWARE=middleware):
        assert "symposium_pages.W013" in [message.id for message in host_settings(None)]
