"""A unit's questions from its desk and the Department's answers.

The plan asks units to report difficulties "kịp thời"; the desk is where they
already are. A question is kept with the address it came from and goes on the
invitation's history; an answer shows on the desk, goes by e-mail, and each
answer (a corrected one too) is added to the history, so none is lost.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import DeskQuestion
from . import history

QUESTIONS_PER_HOUR = 10


def questions_per_hour():
    return getattr(settings, "SYMPOSIUM_DESK_QUESTIONS_PER_HOUR", QUESTIONS_PER_HOUR)


def ask(invitation, text, request=None):
    question = DeskQuestion.objects.create(
        invitation=invitation,
        text=text,
        address=request.META.get("REMOTE_ADDR", "") if request is not None else "",
    )
    history.record(invitation, history.QUESTION, request, question=text)
    return question


def answer(question, text, user, now=None):
    """Saves `text` as the answer and e-mails it once the transaction commits."""
    from ..tasks import send_question_answer

    replaced = question.answer
    question.answer = text
    question.answered_at = now or timezone.now()
    question.answered_by = user
    question.save(update_fields=["answer", "answered_at", "answered_by"])
    history.record(
        question.invitation,
        history.ANSWERED,
        user=user,
        question=question.text,
        answer=text,
        replaced=replaced,
    )
    transaction.on_commit(lambda: send_question_answer.enqueue(question.pk))
    return question


def open_questions():
    return DeskQuestion.objects.filter(answer="").select_related(
        "invitation__unit", "invitation__symposium"
    )


def mail_answer(question_id):
    """E-mails the answer to the unit's contact address; False when there is none to send."""
    question = (
        DeskQuestion.objects.select_related("invitation__unit", "invitation__symposium")
        .filter(pk=question_id)
        .first()
    )
    if question is None or not question.answer or not question.invitation.unit.email:
        return False
    invitation = question.invitation
    with translation.override(settings.LANGUAGE_CODE):
        context = {"question": question, "unit": invitation.unit, "symposium": invitation.symposium}
        subject = _("Answer to your question: %(symposium)s") % {
            "symposium": invitation.symposium.title
        }
        body = render_to_string("symposium_pages/desk/answer_email.txt", context)
    send_mail(subject, body, None, [invitation.unit.email])
    return True
