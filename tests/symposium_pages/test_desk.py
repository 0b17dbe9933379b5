"""A unit's private desk: its link, its upload, its receipt, its presenter, its doors."""

import datetime
import hashlib
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry

from symposium_pages.desk import history
from symposium_pages.models import DeskLink, DeskThrottle, Invitation, PaperSubmission, Unit

from .docx_builders import simple_paper
from .factories import make_plan, release
from .newsroom import make_people

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def plan(home_page):
    today = timezone.localdate()
    return make_plan(
        home_page,
        submission_deadline=today + datetime.timedelta(days=10),
        event_period_start=today + datetime.timedelta(days=12),
    )


@pytest.fixture
def invitation(plan):
    unit = Unit.objects.create(
        name="Huyện ủy Chư Păh", category="huyen_uy", email="chupah@toasoan.example"
    )
    return Invitation.objects.create(symposium=plan, unit=unit)


@pytest.fixture
def token(invitation):
    _link, token = DeskLink.issue(invitation)
    return token


def desk(token):
    return f"/desk/{token}/"


def upload(client, token, data, name="tham-luan.docx"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(desk(token), {"action": "upload", "file": file})


def pending_of(response):
    return re.search(r'name="pending" value="([^"]+)"', response.content.decode()).group(1)


def test_the_link_is_long_and_kept_only_as_a_hash(invitation):
    link, token = DeskLink.issue(invitation)
    assert len(token) >= 22  # 128 bits in url-safe base64
    assert len(token) * 6 >= 128
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = DeskLink.objects.filter(pk=link.pk).values().get()
    assert token not in str(stored)


def test_the_desk_shows_the_plan_the_deadline_and_the_status(client, token, plan):
    response = client.get(desk(token))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Huyện ủy Chư Păh" in text
    assert plan.title in text
    assert "10 ngày" in text  # days left
    assert "7 trang A4" in text
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]


def test_the_desk_speaks_a_language_the_plan_is_published_in(client, token, plan):
    assert "?lang=" not in client.get(desk(token)).content.decode()  # Vietnamese only
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = plan.copy_for_translation(english, copy_parents=True)
    translated.title = "Symposium on building the Party"
    release(translated)

    text = client.get(desk(token)).content.decode()
    assert 'href="?lang=en"' in text and "Hạn chót và giới hạn" in text

    response = client.get(desk(token) + "?lang=en")
    text = response.content.decode()
    assert "Deadline and limit" in text and "At most 7 A4 pages" in text
    assert "Symposium on building the Party" in text and 'lang="en"' in text
    assert response.cookies["symposium_desk_language"].value == "en"
    # Remembered on the next visit, and for the receipt; a language not offered is ignored.
    assert "Deadline and limit" in client.get(desk(token)).content.decode()
    assert "Deadline and limit" in client.get(desk(token) + "?lang=fr").content.decode()
    assert "Hạn chót và giới hạn" in client.get(desk(token) + "?lang=vi").content.decode()
    # Withdrawn in English: the desk goes back to Vietnamese.
    client.get(desk(token) + "?lang=en")
    translated.refresh_from_db()
    translated.unpublish()
    assert "Hạn chót và giới hạn" in client.get(desk(token)).content.decode()


def test_wrong_revoked_reissued_and_expired_links_get_the_same_404(client, invitation, plan):
    _link, first = DeskLink.issue(invitation)
    _link, second = DeskLink.issue(invitation)  # re-issued: the first stops working
    _link, third = DeskLink.issue(
        Invitation.objects.create(
            symposium=plan, unit=Unit.objects.create(name="Đảng ủy Khối", category="dang_uy")
        )
    )
    DeskLink.revoke_all(Invitation.objects.get(unit__name="Đảng ủy Khối"))
    assert client.get(desk(second)).status_code == 200
    answers = [client.get(desk(token)) for token in (first, third, "x" * 32)]
    with override_settings(SYMPOSIUM_DESK_LINK_DAYS=-30):  # the symposium long past
        answers.append(client.get(desk(second)))
    assert [answer.status_code for answer in answers] == [404] * 4
    assert len({answer.content for answer in answers}) == 1


def test_an_over_limit_paper_is_told_in_pages_before_anything_is_stored(client, token):
    response = upload(client, token, simple_paper(pages=9))
    assert response.status_code == 200
    text = response.content.decode()
    assert "9 trang A4" in text and "cho phép 7" in text
    assert PaperSubmission.objects.count() == 0


def test_a_sent_paper_gets_a_receipt_on_the_desk_and_by_mail(
    client, token, invitation, django_capture_on_commit_callbacks
):
    data = simple_paper(pages=6)
    preview = upload(client, token, data)
    assert preview.status_code == 200 and PaperSubmission.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(desk(token), {"action": "confirm", "pending": pending_of(preview)})
    submission = PaperSubmission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/desk/{token}/receipt/{submission.pk}/"
    assert submission.invitation == invitation and submission.received_by is None
    assert submission.paper.live is False  # a draft, for the Department to vet
    receipt = client.get(response["Location"]).content.decode()
    digest = hashlib.sha256(data).hexdigest()
    assert digest in receipt and "tham-luan.docx" in receipt
    [message] = mail.outbox
    assert message.to == ["chupah@toasoan.example"]
    assert digest in message.body and "tham-luan.docx" in message.body
    assert token not in message.body
    status = client.get(desk(token)).content.decode()
    assert "Nâng cao chất lượng sinh hoạt chi bộ" in status
    [entry] = ModelLogEntry.objects.filter(action=history.SENT, object_id=str(invitation.pk))
    assert entry.data["address"] == "127.0.0.1" and entry.data["file"] == "tham-luan.docx"
    assert "tham-luan.docx" in entry.message


def test_a_second_upload_is_a_new_revision_and_both_originals_are_kept(client, token):
    for pages in (8, 6):
        preview = upload(client, token, simple_paper(pages=pages))
        client.post(desk(token), {"action": "confirm", "pending": pending_of(preview)})
    first, second = PaperSubmission.objects.order_by("pk")
    assert first.paper_id == second.paper_id
    assert first.document_id != second.document_id
    assert first.revision_id != second.revision_id


@pytest.mark.parametrize(
    "data,name",
    [(b"not a word file", "tham-luan.docx"), (b"%PDF-1.4\n", "tham-luan.pdf"), (b"", "rong.docx")],
)
def test_a_bad_file_is_refused_in_vietnamese_and_stores_nothing(client, token, data, name):
    response = upload(client, token, data, name)
    assert response.status_code == 400
    assert 'class="desk-errors"' in response.content.decode()
    assert PaperSubmission.objects.count() == 0


def test_the_desk_closes_after_the_deadline_unless_the_department_grants_more(
    client, token, invitation, plan
):
    plan.submission_deadline = timezone.localdate() - datetime.timedelta(days=1)
    plan.save()
    refused = upload(client, token, simple_paper())
    assert refused.status_code == 403
    assert PaperSubmission.objects.count() == 0
    invitation.accept_late_until = timezone.now() + datetime.timedelta(days=2)
    invitation.save()
    preview = upload(client, token, simple_paper())
    client.post(desk(token), {"action": "confirm", "pending": pending_of(preview)})
    assert PaperSubmission.objects.count() == 1


def test_another_units_receipt_and_pending_file_are_out_of_reach(client, token, plan):
    other = Invitation.objects.create(
        symposium=plan, unit=Unit.objects.create(name="Thị ủy An Khê", category="huyen_uy")
    )
    _link, other_token = DeskLink.issue(other)
    preview = upload(client, other_token, simple_paper())
    pending = pending_of(preview)
    assert client.post(desk(token), {"action": "confirm", "pending": pending}).status_code == 400
    client.post(desk(other_token), {"action": "confirm", "pending": pending})
    submission = PaperSubmission.objects.get()
    assert client.get(f"/desk/{token}/receipt/{submission.pk}/").status_code == 404
    assert "Thị ủy An Khê" not in client.get(desk(token)).content.decode()


def test_the_unit_names_its_presenter(client, token, invitation):
    response = client.post(
        desk(token),
        {
            "action": "presenter",
            "presenter_name": "Nguyễn Văn A",
            "presenter_position": "Phó Bí thư Thường trực Huyện ủy",
        },
    )
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert (invitation.presenter_name, invitation.presenter_position) == (
        "Nguyễn Văn A",
        "Phó Bí thư Thường trực Huyện ủy",
    )
    assert ModelLogEntry.objects.filter(action=history.PRESENTER).count() == 1
    empty = client.post(desk(token), {"action": "presenter", "presenter_name": ""})
    assert empty.status_code == 400


def test_every_form_needs_its_csrf_token(token):
    client = Client(enforce_csrf_checks=True)
    assert client.get(desk(token)).status_code == 200
    for action in ("upload", "confirm", "presenter"):
        assert client.post(desk(token), {"action": action}).status_code == 403


@override_settings(SYMPOSIUM_DESK_MISSES_PER_HOUR=3)
def test_an_address_guessing_links_is_told_to_wait(client, token):
    for _attempt in range(3):
        assert client.get(desk("guess" * 7)).status_code == 404
    assert client.get(desk(token)).status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get(desk(token)).status_code == 200
    DeskThrottle.objects.update(window_start=timezone.now() - datetime.timedelta(hours=2))
    assert client.get(desk(token)).status_code == 200


@override_settings(SYMPOSIUM_DESK_UPLOADS_PER_HOUR=2)
def test_a_link_may_upload_only_so_often(client, token):
    assert upload(client, token, b"x").status_code == 400
    assert upload(client, token, b"x").status_code == 400
    assert upload(client, token, simple_paper()).status_code == 429
    assert PaperSubmission.objects.count() == 0


def test_the_command_prints_a_link_once_and_reissues_on_request(plan, invitation, client):
    out = io.StringIO()
    call_command("invitation_link", plan.slug, "--unit", "Huyện ủy Chư Păh", stdout=out)
    first = out.getvalue().strip()
    assert re.fullmatch(r"https?://[^/]+/desk/[\w-]{32}/", first)
    with pytest.raises(CommandError, match="--reissue"):
        call_command("invitation_link", plan.slug, "--unit", "Huyện ủy Chư Păh")
    out = io.StringIO()
    call_command(
        "invitation_link", plan.slug, "--unit", "Huyện ủy Chư Păh", "--reissue", stdout=out
    )
    second = out.getvalue().strip()
    path = lambda url: "/" + url.split("/", 3)[3]  # noqa: E731
    assert client.get(path(first)).status_code == 404
    assert client.get(path(second)).status_code == 200
    with pytest.raises(CommandError):
        call_command("invitation_link", plan.slug, "--unit", "Không có đơn vị này")


def test_editors_issue_and_revoke_links_in_the_admin(client, invitation):
    people = make_people()
    client.force_login(people["editor"])
    url = f"/admin/symposium/invitation/{invitation.pk}/desk-link/"
    assert "/desk/" not in client.get(url).content.decode()
    issued = client.post(url, {"action": "issue"}).content.decode()
    [shown] = re.findall(r'value="(https?://[^"]+/desk/[^"]+/)"', issued)
    assert Client().get("/" + shown.split("/", 3)[3]).status_code == 200
    assert shown not in client.get(url).content.decode()  # shown only once
    client.post(url, {"action": "revoke"})
    assert Client().get("/" + shown.split("/", 3)[3]).status_code == 404
    client.force_login(people["reviewer"])
    assert client.post(url, {"action": "issue"}).status_code in (302, 403)
    assert DeskLink.objects.count() == 1


def test_the_access_log_never_holds_a_token(token):
    # gunicorn is the demo host's server, not an add-on dependency (the LTS run lacks it).
    config = pytest.importorskip("gunicorn.config")
    from symposium_pages.desk.access_log import RedactingLogger

    logger = RedactingLogger(config.Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/desk/{token}/receipt/3/",
        "PATH_INFO": f"/desk/{token}/receipt/3/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://baogialai.example/desk/{token}/",
    }

    class Response:
        status = "200 OK"
        sent = 10
        headers = []

    atoms = logger.atoms(
        Response(), [("Referer", environ["HTTP_REFERER"])], environ, datetime.timedelta(0, 1)
    )
    line = " ".join(str(value) for value in atoms.values())
    assert token not in line
    assert atoms["r"] == "GET /desk/…/receipt/3/ HTTP/1.1"


urlpatterns = []  # a host's URLconf that forgot the desks (see the check below)


def test_a_host_without_the_desk_urls_is_warned():
    from symposium_pages.checks import desk_urls

    assert desk_urls() == []
    with override_settings(ROOT_URLCONF=__name__):
        assert [message.id for message in desk_urls()] == ["symposium_pages.W011"]
