"""The admin doors: header buttons, downloads for staff only, background booklets with progress."""

import pytest
from django.contrib.auth.models import Group, Permission

from symposium_pages import roles
from symposium_pages.models import BookletExport, SymposiumPage
from tests.documents.docx_checks import header_texts, headings, open_docx

SLUG = "toa-dam-xay-dung-chinh-don-dang-2022"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def symposium(demo):
    return SymposiumPage.objects.get(slug=SLUG)


@pytest.fixture
def estimate_only(settings):
    """No LibreOffice: page numbers by estimate (fast), no PDF."""
    settings.SYMPOSIUM_SOFFICE = "/nonexistent/soffice"


def _body(response):
    return b"".join(response.streaming_content)


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def _user(django_user_model, name, group=None):
    user = django_user_model.objects.create_user(name, f"{name}@example.com", "pw")
    if group:
        user.groups.add(Group.objects.get(symposium_role__key=group))
    return user


def test_header_buttons_on_the_symposium(symposium, admin_client, estimate_only):
    html = admin_client.get(f"/admin/pages/{symposium.pk}/").content.decode()
    booklet = f"/admin/symposium/{symposium.pk}/booklet/"
    assert f'href="{booklet}"' in html
    assert f'href="{booklet}?draft=1"' in html
    assert f'href="/admin/symposium/{symposium.pk}/results-report/"' in html
    assert "format=pdf" not in html  # no LibreOffice, no PDF button
    for label in ("Tài liệu tọa đàm (.docx)", "Tài liệu tọa đàm (dự thảo)", "Báo cáo kết quả"):
        assert label in html


def test_a_small_booklet_downloads_at_once(symposium, admin_client, estimate_only):
    response = admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == (
        'attachment; filename="tai-lieu-toa-dam-92-KH-TU.docx"'
    )
    document = open_docx(_body(response))
    assert headings(document)
    export = BookletExport.objects.get()
    assert (export.status, export.draft, export.page_numbers_method) == ("done", False, "estimate")
    assert export.pages and export.papers_total == len(headings(document))


def test_the_draft_booklet_is_marked(symposium, admin_client, estimate_only):
    response = admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/", {"draft": "1"})
    assert response["Content-Disposition"].endswith('-du-thao.docx"')
    document = open_docx(_body(response))
    assert "BẢN DỰ THẢO" in header_texts(document.sections[0].header)


def test_the_report_downloads(symposium, admin_client):
    response = admin_client.get(
        f"/admin/symposium/{symposium.pk}/results-report/", {"date": "2022-09-05"}
    )
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-ket-qua-92-KH-TU.docx"'
    document = open_docx(_body(response))
    assert document.tables[0].rows[0].cells[0].paragraphs[1].text == "BAN TUYÊN GIÁO"


def test_no_pdf_without_libreoffice(symposium, admin_client, estimate_only):
    response = admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/", {"format": "pdf"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{symposium.pk}/"
    assert not BookletExport.objects.exists()


def test_a_large_booklet_is_built_in_the_background(
    symposium, admin_client, settings, estimate_only
):
    settings.SYMPOSIUM_BOOKLET_BACKGROUND_AFTER = 2
    response = admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/")
    export = BookletExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/symposium/booklets/{export.pk}/"
    # The immediate backend ran the task already; a worker would fill in the same record.
    assert export.task_result_id
    assert (export.status, export.papers_done, export.papers_total) == ("done", 5, 5)
    page = admin_client.get(response["Location"]).content.decode()
    assert "Sẵn sàng" in page
    assert 'http-equiv="refresh"' not in page
    assert f'href="/admin/symposium/booklets/{export.pk}/docx/"' in page
    download = admin_client.get(f"/admin/symposium/booklets/{export.pk}/docx/")
    assert headings(open_docx(_body(download)))
    assert admin_client.get(f"/admin/symposium/booklets/{export.pk}/pdf/").status_code == 404


def test_progress_while_building(symposium, admin_client):
    export = BookletExport.objects.create(
        symposium=symposium, status="running", stage="build", papers_done=3, papers_total=40
    )
    page = admin_client.get(f"/admin/symposium/booklets/{export.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "3 trên 40" in page
    assert 'value="6"' in page  # 80 % of the work is laying the papers out: 3/40 of it
    assert "docx/" not in page


def test_a_finished_export_is_reused_only_while_running(symposium, admin_client, estimate_only):
    running = BookletExport.objects.create(symposium=symposium, status="running")
    response = admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/")
    assert response["Location"] == f"/admin/symposium/booklets/{running.pk}/"
    assert BookletExport.objects.count() == 1


def test_older_files_are_forgotten(symposium, admin_client, estimate_only):
    admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/")
    admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/")
    assert BookletExport.objects.filter(draft=False).count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "/admin/symposium/{pk}/booklet/",
        "/admin/symposium/{pk}/booklet/?draft=1",
        "/admin/symposium/{pk}/results-report/",
        "/admin/symposium/booklets/{export}/",
        "/admin/symposium/booklets/{export}/docx/",
    ],
)
def test_anonymous_readers_are_refused(symposium, client, url):
    export = BookletExport.objects.create(symposium=symposium, status="done", docx_path="x.docx")
    response = client.get(url.format(pk=symposium.pk, export=export.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_rights(symposium, client, django_user_model, estimate_only):
    export = BookletExport.objects.create(symposium=symposium, status="done", draft=True)
    booklet = f"/admin/symposium/{symposium.pk}/booklet/"
    report = f"/admin/symposium/{symposium.pk}/results-report/"

    client.force_login(_user(django_user_model, "nobody"))
    assert client.get(booklet).status_code == 302  # no admin access at all: to the login

    # In the admin, but with no rights on this symposium.
    stranger = _user(django_user_model, "stranger")
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(stranger)
    for url in (booklet, report, f"/admin/symposium/booklets/{export.pk}/"):
        assert refused(client.get(url))

    # The Office: the final booklet and the report, not the draft.
    client.force_login(_user(django_user_model, "office", roles.OFFICE))
    assert client.get(report).status_code == 200
    assert client.get(booklet).status_code == 200
    assert refused(client.get(f"{booklet}?draft=1"))
    assert refused(client.get(f"/admin/symposium/booklets/{export.pk}/"))

    # Editors: everything.
    client.force_login(_user(django_user_model, "editor", roles.EDITORS))
    assert client.get(f"{booklet}?draft=1").status_code == 200
    html = client.get(f"/admin/pages/{symposium.pk}/").content.decode()
    assert "?draft=1" in html


def test_a_failed_build_is_reported_not_a_server_error(symposium, admin_client, monkeypatch):
    from symposium_pages import printing

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(printing, "build_booklet", broken)
    response = admin_client.get(f"/admin/symposium/{symposium.pk}/booklet/")
    export = BookletExport.objects.get()
    assert (export.status, export.error) == ("failed", "RuntimeError: hỏng")
    assert response["Location"] == f"/admin/symposium/booklets/{export.pk}/"
    page = admin_client.get(response["Location"]).content.decode()
    assert "Không dàn trang được tài liệu." in page and "RuntimeError: hỏng" in page
