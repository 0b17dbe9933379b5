"""Invitation letters: each carries a fresh desk link, in the admin, by e-mail and from the shell."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import ModelLogEntry

from symposium_pages.desk import history
from symposium_pages.models import DeskLink, Invitation, Unit
from tests.documents.docx_checks import body_paragraphs, open_docx, paragraph_text
from tests.documents.qr_checks import encodes, pictures

from . import test_desk
from .newsroom import make_people
from .test_commands_intake import manage

# The desk's fixtures: a plan due in ten days, and one unit with an address invited to it.
plan, invitation = test_desk.plan, test_desk.invitation

LETTER_WARNING = (
    "The letter carries a new link and its QR code: producing it, or e-mailing it, issues "
    "that link and the current one stops working."
)
ROUND_WARNING = (
    "Producing the letters issues a new link to every unit chosen: the links they hold now "
    "stop working. Print the letters, or e-mail them, not both one after the other: the "
    "second round replaces the links of the first."
)
DESK = re.compile(r"https?://[^/\s]+(/desk/[A-Za-z0-9_-]+/)")


@pytest.fixture
def people(db):
    return make_people()


@pytest.fixture
def editor(client, people):
    client.force_login(people["editor"])
    return client


def in_admin_language(text):
    """`text` as the admin shows it (Vietnamese when the catalogue has it)."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext(text)


def lines_of(data):
    return [paragraph_text(p) for p in body_paragraphs(open_docx(data))]


def desk_paths(data):
    """The desk links written in a letter, as paths."""
    return [m.group(1) for line in lines_of(data) for m in DESK.finditer(line)]


def opens(path):
    return Client().get(path).status_code


def test_the_letter_carries_a_new_link_and_the_old_one_stops_working(editor, invitation, plan):
    plan.requirements = "<p>Tham luận bám sát chủ đề.</p>"
    plan.save(update_fields=["requirements"])
    _link, old = DeskLink.issue(invitation)
    url = f"/admin/symposium/invitation/{invitation.pk}/desk-link/"
    page = editor.get(url).content.decode()
    assert in_admin_language(LETTER_WARNING) in page
    response = editor.post(url, {"action": "letter"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="cong-van-huyen-uy-chu-pah.docx"' in response["Content-Disposition"]
    data = response.content
    lines = lines_of(data)
    assert "Kính gửi: Huyện ủy Chư Păh" in lines
    assert "Tham luận bám sát chủ đề." in lines
    deadline = plan.submission_deadline
    assert any(
        "không quá 7 trang" in line and f"trước ngày {deadline.day}-{deadline.month}-" in line
        for line in lines
    )
    [path] = desk_paths(data)
    assert opens(path) == 200
    assert opens(f"/desk/{old}/") == 404
    [png] = pictures(open_docx(data))
    [full] = [line for line in lines if path in line]
    assert encodes(png, full)
    assert DeskLink.objects.active().filter(invitation=invitation).count() == 1
    entry = ModelLogEntry.objects.filter(action=history.ISSUED).get()
    assert entry.data["via"] == "letter"
    assert entry.user_id == response.wsgi_request.user.pk


def test_the_letter_goes_by_email_with_the_link_and_the_letter_attached(editor, invitation):
    url = f"/admin/symposium/invitation/{invitation.pk}/desk-link/"
    mail.outbox.clear()  # the plan's release notified its reviewers
    response = editor.post(url, {"action": "email"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["chupah@toasoan.example"]
    assert "Tọa đàm thử nghiệm" in message.subject
    [path] = [m.group(1) for m in DESK.finditer(message.body)]
    [(name, content, mimetype)] = message.attachments
    assert name == "cong-van-huyen-uy-chu-pah.docx"
    assert mimetype.startswith("application/vnd.openxmlformats")
    assert desk_paths(content) == [path]
    assert opens(path) == 200
    assert "7 A4 pages" in message.body or "7 trang" in message.body


def test_a_unit_without_an_address_gets_no_email_and_keeps_its_link(editor, invitation):
    _link, token = DeskLink.issue(invitation)
    Unit.objects.filter(pk=invitation.unit_id).update(email="")
    mail.outbox.clear()
    editor.post(f"/admin/symposium/invitation/{invitation.pk}/desk-link/", {"action": "email"})
    assert mail.outbox == []
    assert opens(f"/desk/{token}/") == 200


def round_of_units(plan):
    names = ["Thị ủy An Khê", "Đảng ủy Công an tỉnh", "Huyện ủy Đak Đoa"]
    invited = [
        Invitation.objects.create(
            symposium=plan,
            unit=Unit.objects.create(
                name=name, category="huyen_uy", email=f"u{index}@toasoan.example" if index else ""
            ),
        )
        for index, name in enumerate(names)
    ]
    attending = Unit.objects.create(name="Báo Gia Lai", category="huyen_uy")
    Invitation.objects.create(symposium=plan, unit=attending, expectation="attend")
    organiser = Unit.objects.create(name="Ban Tuyên giáo Tỉnh ủy", category="huyen_uy")
    Invitation.objects.create(symposium=plan, unit=organiser)
    plan.organiser = organiser
    plan.save(update_fields=["organiser"])
    return invited


def test_a_symposiums_letters_print_as_one_file_a_letter_per_unit(editor, plan):
    invited = round_of_units(plan)
    url = f"/admin/symposium/{plan.pk}/letters/"
    page = editor.get(url).content.decode()
    assert all(item.unit.name in page for item in invited)
    assert "Báo Gia Lai" not in page  # attends only
    assert "Ban Tuyên giáo Tỉnh ủy</label>" not in page  # the organiser writes them
    assert in_admin_language(ROUND_WARNING) in page
    with CaptureQueriesContext(connection) as queries:
        response = editor.post(url, {"action": "print", "invitation": [i.pk for i in invited]})
    # Issuing a link and recording it costs a few queries a unit; nothing else grows with them.
    assert len(queries) <= 20 + 8 * len(invited)
    data = response.content
    assert len(open_docx(data).sections) == 3
    addressed = [line for line in lines_of(data) if line.startswith("Kính gửi")]
    assert sorted(addressed) == sorted(f"Kính gửi: {item.unit.name}" for item in invited)
    paths = desk_paths(data)
    assert len(set(paths)) == 3
    assert [opens(path) for path in paths] == [200, 200, 200]


def test_the_chosen_units_get_their_letters_by_email(editor, plan):
    invited = round_of_units(plan)
    url = f"/admin/symposium/{plan.pk}/letters/"
    mail.outbox.clear()
    response = editor.post(url, {"action": "email", "invitation": [i.pk for i in invited[:2]]})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["u1@toasoan.example"]]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Thị ủy An Khê" in text for text in messages)  # no address: named
    assert DeskLink.objects.filter(invitation=invited[2]).count() == 0  # not chosen


def test_choosing_no_unit_produces_nothing(editor, plan):
    round_of_units(plan)
    response = editor.post(f"/admin/symposium/{plan.pk}/letters/", {"action": "print"})
    assert response.status_code == 200
    assert in_admin_language("Choose at least one unit.") in response.content.decode()
    assert DeskLink.objects.count() == 0


def test_only_editors_who_may_change_invitations_produce_letters(client, people, invitation, plan):
    mail.outbox.clear()
    client.force_login(people["reviewer"])
    desk_link = f"/admin/symposium/invitation/{invitation.pk}/desk-link/"
    assert client.post(desk_link, {"action": "letter"}).status_code in (302, 403)
    letters = f"/admin/symposium/{plan.pk}/letters/"
    assert client.get(letters).status_code in (302, 403)
    assert client.post(letters, {"invitation": [invitation.pk]}).status_code in (302, 403)
    assert DeskLink.objects.count() == 0
    assert mail.outbox == []
    edit = f"/admin/pages/{plan.pk}/edit/"
    assert letters not in client.get(edit).content.decode()
    client.force_login(people["editor"])
    assert letters in client.get(edit).content.decode()


def test_export_letters_writes_a_file_per_unit_with_working_links(plan, tmp_path, capsys):
    invited = round_of_units(plan)
    _link, old = DeskLink.issue(invited[0])
    call_command("export_letters", plan.slug, "-o", str(tmp_path / "letters"))
    files = sorted((tmp_path / "letters").iterdir())
    assert [path.name for path in files] == sorted(
        ["cong-van-thi-uy-an-khe.docx", "cong-van-dang-uy-cong-an-tinh.docx",
         "cong-van-huyen-uy-dak-doa.docx"]
    )  # fmt: skip
    paths = [path for file in files for path in desk_paths(file.read_bytes())]
    assert len(set(paths)) == 3
    assert [opens(path) for path in paths] == [200, 200, 200]
    assert opens(f"/desk/{old}/") == 404
    out = capsys.readouterr().out
    assert "3" in out.splitlines()[-1]
    assert all(f"{item.unit.name} → " in out for item in invited)


def test_export_letters_refuses_an_unknown_symposium_and_an_unwritable_folder(plan, tmp_path):
    invited = round_of_units(plan)
    _link, token = DeskLink.issue(invited[0])
    with pytest.raises(CommandError):
        call_command("export_letters", "khong-co", "-o", str(tmp_path))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CommandError):
        call_command("export_letters", plan.slug, "-o", str(blocker / "letters"))
    assert opens(f"/desk/{token}/") == 200  # nothing issued
    assert DeskLink.objects.count() == 1


def test_export_letters_without_a_folder_is_bad_usage():
    result = manage("export_letters", "toa-dam-thu")
    assert result.returncode == 2
    assert "-o" in result.stderr
