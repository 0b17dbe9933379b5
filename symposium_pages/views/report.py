"""The admin report of invitations and their papers (Wagtail's ReportView), with CSV/XLSX export."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from ..categories import UnitCategory
from ..languages import originals
from ..models import Invitation, SymposiumPage
from ..vetting import latest_vetting
from ..vetting import summary as vetting_summary
from .filters import LateFilter, OverLimitFilter, StatusFilter
from .page_counts import pages_text
from .units import StatusColumn, _presenter, _symposium


class InvitationReportFilterSet(WagtailFilterSet):
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
    status = StatusFilter()
    late = LateFilter()
    over_limit = OverLimitFilter()

    class Meta:
        model = Invitation
        fields = ["symposium", "unit_category", "status", "late", "over_limit"]


def _paper_title(invitation):
    paper = invitation.latest_paper()
    return paper.title if paper else ""


def _paper_pages(invitation):
    paper = invitation.latest_paper()
    return paper.pages if paper and paper.pages is not None else ""


def _paper_pages_display(invitation):
    return pages_text(invitation.latest_paper())


def _received_at(invitation):
    paper = invitation.latest_paper()
    if paper is None or paper.received_at is None:
        return None
    # Spreadsheets show the site's local time, without a time zone.
    return timezone.make_naive(paper.received_at)


def _received_display(invitation):
    received = _received_at(invitation)
    return received.strftime("%d/%m/%Y %H:%M") if received else ""


def _paper_url(invitation):
    paper = invitation.latest_paper()
    return reverse("wagtailadmin_pages:edit", args=[paper.pk]) if paper else None


def _invitation_url(invitation):
    return reverse(Invitation.snippet_viewset.get_url_name("edit"), args=[invitation.pk])


# Each exported column: (key, heading, value of an invitation).
EXPORT = [
    ("unit", _("Unit"), lambda item: item.unit.name),
    ("category", _("Category"), lambda item: item.unit.get_category_display()),
    ("plan_number", _("Plan"), lambda item: item.symposium.plan_number),
    ("symposium", _("Symposium"), lambda item: item.symposium.title),
    ("expectation", _("Expected contribution"), lambda item: item.get_expectation_display()),
    ("presenter_name", _("Presenter"), lambda item: item.presenter_name),
    ("presenter_position", _("Presenter's position"), lambda item: item.presenter_position),
    ("status", pgettext_lazy("symposium", "Status"), lambda item: item.get_status_display()),
    (
        "flags",
        pgettext_lazy("symposium", "Warnings"),
        lambda item: ", ".join(str(f) for f in item.get_flags_display()),
    ),
    ("comment", _("Reviewer's comment"), lambda item: _comment(item)),
    (
        "vetting",
        pgettext_lazy("vetting", "Vetting"),
        lambda item: vetting_summary(latest_vetting(item.latest_paper())),
    ),
    ("unmet", pgettext_lazy("vetting", "Not met"), lambda item: _unmet(item)),
    ("paper", _("Paper"), _paper_title),
    ("pages", pgettext_lazy("page count", "Pages"), _paper_pages),
    ("received_at", _("Received at"), _received_at),
]


def _unmet(invitation):
    """The criteria the paper's latest judgement found not met, by their labels."""
    vetting = latest_vetting(invitation.latest_paper())
    return "; ".join(r["label"] for r in vetting.unmet()) if vetting else ""


def _comment(invitation):
    paper = invitation.latest_paper()
    return paper.changes_requested_comment if paper else ""


class InvitationReportView(ReportView):
    page_title = _("Invitations and papers")
    header_icon = "mail"
    filterset_class = InvitationReportFilterSet
    index_url_name = "symposium_pages_invitation_report"
    index_results_url_name = "symposium_pages_invitation_report_results"
    permission_policy = ModelPermissionPolicy(Invitation)
    any_permission_required = ["view", "add", "change", "delete"]
    paginate_by = 100
    verbose_name = _("invitation")
    verbose_name_plural = _("invitations")
    columns = [
        TitleColumn(
            "unit", label=capfirst(_("unit")), accessor="unit.name", get_url=_invitation_url
        ),
        Column("symposium", label=capfirst(_("symposium")), accessor=_symposium),
        Column("presenter", label=capfirst(_("presenter")), accessor=_presenter),
        StatusColumn(
            "status",
            label=capfirst(pgettext_lazy("symposium", "status")),
            accessor="get_status_display",
        ),
        TitleColumn("paper", label=capfirst(_("paper")), accessor=_paper_title, get_url=_paper_url),
        Column(
            "pages",
            label=capfirst(pgettext_lazy("page count", "pages")),
            accessor=_paper_pages_display,
        ),
        Column("received_at", label=capfirst(_("received at")), accessor=_received_display),
    ]
    list_export = [key for key, _heading, _value in EXPORT]
    export_headings = {key: heading for key, heading, _value in EXPORT}

    def get_filename(self):
        return f"loi-moi-tham-luan-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = (
            Invitation.objects.with_status()
            .in_plan_order()
            .order_by(
                "-symposium__submission_deadline",
                "-symposium_id",
                "_category_order",
                "unit__position",
                "unit__name",
            )
        )
        return super().get_queryset()

    def to_row_dict(self, item):
        return {key: value(item) for key, _heading, value in EXPORT}

    def stream_csv(self, queryset):
        # A byte-order mark, so that spreadsheet programs read the Vietnamese as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)
