"""Admin for units and invitations: snippet listings, filters and the "Symposia" menu."""

import django_filters
from django import forms
from django.db.models import Max
from django.urls import reverse
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from ..categories import UnitCategory
from ..languages import originals
from ..models import Invitation, SymposiumPage, Unit
from ..models.units import plan_order
from ..vetting import latest_vetting
from ..vetting import summary as vetting_summary
from .desk_questions import DeskQuestionViewSet
from .filters import (
    LateFilter,
    OverLimitFilter,
    PageCountFilter,
    StatusFilter,
    VerdictChangedFilter,
)
from .page_counts import count_flags
from .vetting_criteria import VettingCriterionViewSet


class UnitFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(
        label=capfirst(_("category")),
        choices=UnitCategory.choices,
        empty_label=pgettext_lazy("symposium", "All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Unit
        fields = ["category", "active"]


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_name = "units"
    menu_order = 100
    list_per_page = 50
    copy_view_enabled = False
    filterset_class = UnitFilterSet
    list_display = [
        "name",
        "short_name",
        Column(
            "category",
            label=capfirst(_("category")),
            accessor="get_category_display",
            sort_key="_category_order",
        ),
        Column(
            "parent", label=capfirst(_("parent unit")), accessor="parent", sort_key="parent__name"
        ),
        BooleanColumn(
            "active", label=capfirst(pgettext_lazy("symposium", "active")), sort_key="active"
        ),
    ]
    ordering = ["_category_order", "position", "name"]

    def get_queryset(self, request):
        return Unit.objects.select_related("parent").annotate(_category_order=plan_order())


class InvitationFilterSet(WagtailFilterSet):
    symposium = django_filters.ModelChoiceFilter(
        label=capfirst(_("symposium")),
        queryset=originals(SymposiumPage.objects.order_by("-pk")),
        empty_label=pgettext_lazy("symposium", "All"),
    )
    unit_category = django_filters.ChoiceFilter(
        label=capfirst(_("unit category")),
        field_name="unit__category",
        choices=UnitCategory.choices,
        empty_label=pgettext_lazy("symposium", "All"),
        widget=forms.RadioSelect,
    )
    expectation = django_filters.ChoiceFilter(
        label=capfirst(_("expected contribution")),
        choices=Invitation.Expectation.choices,
        empty_label=pgettext_lazy("symposium", "All"),
        widget=forms.RadioSelect,
    )
    paper_received = django_filters.BooleanFilter(
        label=capfirst(_("paper received")),
        field_name="papers",
        lookup_expr="isnull",
        exclude=True,
        distinct=True,
    )
    status = StatusFilter()
    late = LateFilter()
    over_limit = OverLimitFilter()
    page_count = PageCountFilter()
    count_changed_verdict = VerdictChangedFilter()

    class Meta:
        model = Invitation
        fields = [
            "symposium",
            "unit_category",
            "expectation",
            "paper_received",
            "status",
            "late",
            "over_limit",
            "page_count",
            "count_changed_verdict",
        ]


class StatusColumn(Column):
    """The derived status as a tag, with its warnings (late, over the limit) beside it."""

    cell_template_name = "symposium_pages/admin/invitation_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        status = context["status"] = instance.status
        context["flags"] = [
            Invitation.Status(flag).label for flag in instance.flags if flag != status
        ]
        paper = instance.latest_paper()
        if paper is not None:
            stage = paper.workflow_stage
            if status == Invitation.Status.PUBLISHED and stage is not None:
                # A live paper whose new revision is going through the workflow again.
                context["flags"].append(
                    _("New version: %(stage)s") % {"stage": Invitation.Status(stage).label}
                )
            context["flags"].extend(count_flags(paper))
            context["comment"] = paper.changes_requested_comment
            context["vetting"] = vetting_summary(latest_vetting(paper))
        return context


def _presenter(invitation):
    return ", ".join(
        part for part in (invitation.presenter_name, invitation.presenter_position) if part
    )


def _symposium(invitation):
    symposium = invitation.symposium
    return f"{symposium.plan_number} · {Truncator(symposium.title).words(8)}"


class InvitationIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(
                MenuItem(
                    _("Private desk link"),
                    url=reverse("symposium_pages_desk_link", args=[instance.pk]),
                    icon_name="link",
                    priority=40,
                )
            )
            buttons.append(
                MenuItem(
                    _("Send a reminder"),
                    url=reverse("symposium_pages_remind", args=[instance.pk]),
                    icon_name="mail",
                    priority=41,
                )
            )
        return buttons

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # Listed and sorted by the unit's name, headed simply "unit".
        column = super()._get_title_column(field_name, column_class, **kwargs)
        column.label = capfirst(Invitation._meta.get_field("unit").verbose_name)
        return column


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    index_view_class = InvitationIndexView
    icon = "mail"
    menu_name = "invitations"
    menu_order = 200
    list_per_page = 50
    copy_view_enabled = False
    filterset_class = InvitationFilterSet
    search_fields = ["unit__name", "unit__short_name", "presenter_name", "presenter_position"]
    search_backend_name = None
    list_display = [
        "unit__name",
        Column(
            "symposium", label=capfirst(_("symposium")), accessor=_symposium, sort_key="symposium"
        ),
        Column(
            "expectation",
            label=capfirst(_("expected contribution")),
            accessor="get_expectation_display",
            sort_key="expectation",
        ),
        Column("presenter", label=capfirst(_("presenter")), accessor=_presenter),
        StatusColumn(
            "status",
            label=capfirst(pgettext_lazy("symposium", "status")),
            accessor="get_status_display",
        ),
        DateColumn("_last_reminded", label=capfirst(_("reminded")), sort_key="_last_reminded"),
    ]
    ordering = ["-symposium", "_category_order", "unit__position", "unit__name"]

    def get_queryset(self, request):
        return Invitation.objects.with_status().annotate(
            _category_order=plan_order("unit__category"),
            _last_reminded=Max("desk_reminders__sent_at"),
        )


class SymposiaViewSetGroup(SnippetViewSetGroup):
    items = (UnitViewSet, InvitationViewSet, DeskQuestionViewSet, VettingCriterionViewSet)
    menu_label = _("Symposia")
    menu_icon = "group"
    menu_order = 250
    menu_name = "symposia"
