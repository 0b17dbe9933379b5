"""Editors' list of the units' questions, with the answer form.

Questions are made only at a desk, so the admin offers no "add"; editing a
question means answering it (desk/questions.py saves, records and e-mails).
"""

import django_filters
from django import forms
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from ..desk import questions
from ..models import DeskQuestion


class AnswerOnlyPolicy(ModelPermissionPolicy):
    """The model's permissions, without "add": only a unit asks."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AnswerForm(WagtailAdminModelForm):
    def clean_answer(self):
        answer = self.cleaned_data["answer"].strip()
        if not answer:
            raise forms.ValidationError(_("Write the answer before saving it."))
        return answer


class AnswerView(EditView):
    def save_instance(self):
        question = self.form.instance
        previous = DeskQuestion.objects.values_list("answer", flat=True).get(pk=question.pk)
        question.answer = previous
        return questions.answer(question, self.form.cleaned_data["answer"], self.request.user)


class QuestionFilterSet(WagtailFilterSet):
    open = django_filters.BooleanFilter(
        label=_("Not answered yet"), method="filter_open", widget=forms.CheckboxInput
    )

    class Meta:
        model = DeskQuestion
        fields = []

    def filter_open(self, queryset, name, value):
        return queryset.filter(answer="") if value else queryset


def _symposium(question):
    return question.invitation.symposium.plan_number


def _text(question):
    return Truncator(question.text).words(20)


def _state(question):
    return _("Answered") if question.answer else _("Open")


class DeskQuestionViewSet(SnippetViewSet):
    model = DeskQuestion
    edit_view_class = AnswerView
    icon = "help"
    menu_name = "desk-questions"
    menu_label = _("Questions from units")
    menu_order = 300
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = QuestionFilterSet
    list_per_page = 50
    list_display = [
        "unit_name",
        Column("text", label=capfirst(_("question")), accessor=_text),
        Column("symposium", label=capfirst(_("symposium")), accessor=_symposium),
        DateColumn("asked_at", label=capfirst(_("asked at")), sort_key="asked_at"),
        Column("state", label=capfirst(_("answer")), accessor=_state),
    ]
    ordering = ["-asked_at", "-pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("text", read_only=True),
            FieldPanel("asked_at", read_only=True),
            FieldPanel("answer"),
        ],
        base_form_class=AnswerForm,
    )

    def get_queryset(self, request):
        return DeskQuestion.objects.select_related("invitation__unit", "invitation__symposium")
