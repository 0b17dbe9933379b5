"""A unit's questions: sent from its desk, listed for editors, answered on the desk and by mail."""

import re

from django.core import mail
from wagtail.models import ModelLogEntry

from symposium_pages.desk import history
from symposium_pages.desk.questions import QUESTIONS_PER_HOUR
from symposium_pages.models import DeskLink, DeskQuestion, Invitation, Unit

from . import test_desk
from .newsroom import make_people

QUESTION = "Đơn vị có được gửi kèm phụ lục số liệu ngoài 7 trang không?"


# The desk's fixtures, shared with tests/symposium_pages/test_desk.py.
plan, invitation, token = test_desk.plan, test_desk.invitation, test_desk.token


def ask(client, token, text=QUESTION):
    return client.post(f"/desk/{token}/", {"action": "question", "text": text})


def answer_url(question):
    return f"/admin/snippets/symposium_pages/deskquestion/edit/{question.pk}/"


def test_a_question_from_the_desk_reaches_the_admin_list_and_the_dashboard(
    client, token, invitation
):
    response = ask(client, token)
    assert response.status_code == 302
    shown = client.get(response["Location"]).content.decode()
    assert "Your question was sent" in shown or "Câu hỏi đã được gửi" in shown
    assert QUESTION in shown
    question = DeskQuestion.objects.get()
    assert question.invitation == invitation
    assert question.text == QUESTION
    assert question.address == "127.0.0.1"
    entry = ModelLogEntry.objects.get(action=history.QUESTION)
    assert entry.object_id == str(invitation.pk)
    assert QUESTION in entry.data["question"]

    people = make_people()
    client.force_login(people["editor"])
    listing = client.get("/admin/snippets/symposium_pages/deskquestion/?open=on")
    assert listing.status_code == 200
    assert "Huyện ủy Chư Păh" in listing.content.decode()
    assert answer_url(question) in listing.content.decode()
    dashboard = client.get("/admin/")
    text = dashboard.content.decode()
    panel = re.search(r'<section[^>]*id="symposium-desks-section".*?</section>', text, re.S)
    assert answer_url(question) in panel.group(0)
    # Only a unit asks: the admin offers no "add".
    assert client.get("/admin/snippets/symposium_pages/deskquestion/add/").status_code in (
        302,
        403,
    )


def test_the_answer_shows_on_the_desk_goes_by_mail_and_an_edit_keeps_the_first(
    client, token, invitation, django_capture_on_commit_callbacks
):
    ask(client, token)
    question = DeskQuestion.objects.get()
    desk_client = client
    people = make_people()
    admin = type(client)()
    admin.force_login(people["editor"])

    empty = admin.post(answer_url(question), {"answer": "   "})
    assert empty.status_code == 200
    assert not DeskQuestion.objects.get().answer
    assert mail.outbox == []

    first = "Được, phụ lục không tính vào số trang."
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(answer_url(question), {"answer": first})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == first
    assert question.answered_by == people["editor"]
    assert question.answered_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["chupah@toasoan.example"]
    assert first in mail.outbox[0].body
    assert QUESTION in mail.outbox[0].body
    assert token not in mail.outbox[0].body

    page = desk_client.get(f"/desk/{token}/").content.decode()
    assert first in page

    second = "Được, phụ lục không tính vào số trang nhưng tối đa 3 trang."
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(answer_url(question), {"answer": second})
    assert len(mail.outbox) == 2
    assert second in desk_client.get(f"/desk/{token}/").content.decode()
    answers = [
        entry.data["answer"]
        for entry in ModelLogEntry.objects.filter(action=history.ANSWERED).order_by("pk")
    ]
    assert answers == [first, second]
    last = ModelLogEntry.objects.filter(action=history.ANSWERED).order_by("pk").last()
    assert last.data["replaced"] == first

    # Answered: the dashboard's desk panel no longer lists it as waiting.
    assert "symposium-desk-questions" not in admin.get("/admin/").content.decode()


def test_an_empty_or_overlong_question_stores_nothing(client, token):
    assert ask(client, token, "  ").status_code == 400
    response = ask(client, token, "x" * 4001)
    assert response.status_code == 400
    assert "4000" in response.content.decode() or "4.000" in response.content.decode()
    assert not DeskQuestion.objects.exists()


def test_questions_are_rate_limited_per_link(client, token):
    for _ in range(QUESTIONS_PER_HOUR):
        assert ask(client, token).status_code == 302
    assert ask(client, token).status_code == 429
    assert DeskQuestion.objects.count() == QUESTIONS_PER_HOUR


def test_a_revoked_link_cannot_ask(client, token, invitation):
    DeskLink.revoke_all(invitation)
    assert ask(client, token).status_code == 404
    assert not DeskQuestion.objects.exists()


def test_a_unit_sees_only_its_own_questions(client, token, plan, invitation):
    other = Invitation.objects.create(
        symposium=plan, unit=Unit.objects.create(name="Đảng ủy Khối", category="dang_uy_truc_thuoc")
    )
    DeskQuestion.objects.create(invitation=other, text="Câu hỏi của đơn vị khác")
    assert "Câu hỏi của đơn vị khác" not in client.get(f"/desk/{token}/").content.decode()


def test_the_list_and_the_dashboard_cost_the_same_with_more_questions(client, plan, invitation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_people()["editor"])
    DeskQuestion.objects.create(invitation=invitation, text="Câu hỏi thứ nhất")

    def count(url):
        client.get(url)  # warm the caches (site, locale, permissions)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    list_url = "/admin/snippets/symposium_pages/deskquestion/"
    before = (count(list_url), count("/admin/"))
    for number in range(5):
        unit = Unit.objects.create(name=f"Đảng ủy xã {number}", category="co_so")
        other = Invitation.objects.create(symposium=plan, unit=unit)
        DeskQuestion.objects.create(invitation=other, text=f"Câu hỏi số {number}")
    assert (count(list_url), count("/admin/")) == before
