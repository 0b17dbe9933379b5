"""A unit asks a question from its desk on a phone; an editor answers it from the
dashboard; the unit reads the answer on its desk and in its mail."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from .conftest import PASSWORD, PHONE, no_sideways_scroll

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTION = "Đơn vị có được gửi kèm phụ lục số liệu ngoài 7 trang không?"
ANSWER = "Được, phụ lục không tính vào số trang."


def test_a_question_from_the_desk_is_answered_in_the_admin(demo_site, new_context, shots):
    from symposium_pages.models import DeskLink, DeskQuestion, Invitation

    invitation = (
        Invitation.objects.filter(
            symposium__locale__language_code="vi", expectation="paper", unit__email__gt=""
        )
        .select_related("unit")
        .order_by("pk")
        .first()
    )
    # The demo's symposium is of 2022: a late grant keeps its desk link alive.
    invitation.accept_late_until = timezone.now() + datetime.timedelta(days=3)
    invitation.save()
    _link, token = DeskLink.issue(invitation)

    unit = new_context(**PHONE).new_page()
    unit.goto(f"/desk/{token}/")
    unit.get_by_label("Câu hỏi hoặc khó khăn, vướng mắc của đơn vị").fill(QUESTION)
    unit.get_by_role("button", name="Gửi câu hỏi").click()
    assert "Câu hỏi đã được gửi" in unit.locator(".desk-questions [role=status]").inner_text()
    assert "Chưa có trả lời." in unit.locator(".desk-questions").inner_text()
    assert no_sideways_scroll(unit)
    shots(unit, "question-sent")
    question = DeskQuestion.objects.get(invitation=invitation)

    editor = new_context().new_page()
    editor.goto("/admin/login/")
    editor.locator("input[name=username]").fill("bientap")
    editor.locator("input[name=password]").fill(PASSWORD)
    editor.locator("form button[type=submit]").click()
    editor.wait_for_url(re.compile(r"/admin/$"))
    panel = editor.locator("#symposium-desks-section")
    assert invitation.unit.name in panel.inner_text()
    panel.get_by_role("link", name=re.compile("phụ lục số liệu")).click()
    editor.wait_for_url(re.compile(rf"/deskquestion/edit/{question.pk}/$"))
    editor.locator("textarea[name=answer]").fill(ANSWER)
    editor.locator("button.action-save").click()
    editor.wait_for_url(re.compile(r"/deskquestion/$"))
    shots(editor, "answered")

    unit.reload()
    assert ANSWER in unit.locator(".desk-questions").inner_text()
    assert [message.to for message in mail.outbox if ANSWER in message.body] == [
        [invitation.unit.email]
    ]
