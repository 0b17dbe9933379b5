"""The dashboard's panel of what the units' desks ask of editors: the open
questions, and who was reminded when."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..desk.questions import open_questions
from ..models import DeskQuestion, DeskReminder

SHOWN = 10


class DeskPanel(Component):
    name = "symposium_desks"
    template_name = "symposium_pages/admin/dashboard_desks.html"
    order = 95  # just below the symposia's numbers

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        viewset = DeskQuestion.snippet_viewset
        waiting = open_questions()
        context["questions"] = [
            (question, reverse(viewset.get_url_name("edit"), args=[question.pk]))
            for question in waiting[:SHOWN]
        ]
        context["open_count"] = waiting.count()
        context["open_url"] = reverse(viewset.get_url_name("list")) + "?open=on"
        context["reminders"] = DeskReminder.objects.select_related(
            "invitation__unit", "invitation__symposium", "sent_by"
        )[:SHOWN]
        return context


def user_can_answer(user):
    return user.has_perm("symposium_pages.change_deskquestion")
