"""Admin wiring of the add-on: rich-text features, snippets, views and buttons."""

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler


@hooks.register("register_rich_text_features")
def register_underline_feature(features):
    """Papers keep the underlining their authors used; Wagtail has no such feature built in."""
    features.register_editor_plugin(
        "draftail",
        "underline",
        draftail_features.InlineStyleFeature(
            {"type": "UNDERLINE", "label": "U", "description": _("Underline")}
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "underline",
        {
            "from_database_format": {"u": InlineStyleElementHandler("UNDERLINE")},
            "to_database_format": {"style_map": {"UNDERLINE": "u"}},
        },
    )


# -- Receive paper (Nhận tham luận) ---------------------------------------


@hooks.register("register_admin_urls")
def register_receive_paper_url():
    from django.urls import path

    from .views.receive import receive_paper_view

    return [
        path(
            "symposium/<int:symposium_id>/receive-paper/",
            receive_paper_view,
            name="symposium_pages_receive_paper",
        )
    ]


@hooks.register("register_log_actions")
def register_desk_log_actions(actions):
    from .desk import history

    history.register(actions)


@hooks.register("register_admin_urls")
def register_desk_link_url():
    from django.urls import path

    from .views.desk_links import desk_link_view

    return [
        path(
            "symposium/invitation/<int:invitation_id>/desk-link/",
            desk_link_view,
            name="symposium_pages_desk_link",
        )
    ]


@hooks.register("register_admin_urls")
def register_letters_url():
    from django.urls import path

    from .views.letters import symposium_letters_view

    return [
        path(
            "symposium/<int:symposium_id>/letters/",
            symposium_letters_view,
            name="symposium_pages_letters",
        )
    ]


@hooks.register("register_page_header_buttons")
def letters_header_button(page, user, view_name, next_url=None):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .languages import is_original
    from .models import SymposiumPage
    from .views.letters import can_send_letters

    if page.specific_class is SymposiumPage and is_original(page) and can_send_letters(user):
        yield Button(
            _("Invitation letters"),
            reverse("symposium_pages_letters", args=[page.pk]),
            icon_name="mail",
            priority=12,
        )


@hooks.register("register_page_header_buttons")
def receive_paper_header_button(page, user, view_name, next_url=None):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .languages import is_original
    from .models import SymposiumPage

    if page.specific_class is not SymposiumPage or not is_original(page):
        return  # papers are received into the plan in the default language only
    if not page.permissions_for_user(user).can_add_subpage():
        return
    yield Button(
        _("Receive a paper"),
        reverse("symposium_pages_receive_paper", args=[page.pk]),
        icon_name="doc-full-inverse",
        priority=12,
    )


# -- Units and invitations: snippets under the "Symposia" menu --------------


def _register_units_admin():
    from wagtail.snippets.models import register_snippet

    from .models import DeskQuestion
    from .views.desk_questions import AnswerOnlyPolicy, DeskQuestionViewSet
    from .views.units import SymposiaViewSetGroup

    policy = AnswerOnlyPolicy(DeskQuestion)
    try:
        from wagtail.permissions import register_permission_policy
    except ImportError:  # Wagtail 7.4 has no policy registry: the viewset carries it
        DeskQuestionViewSet.permission_policy = policy
    else:
        register_permission_policy(DeskQuestion, policy)
    register_snippet(SymposiaViewSetGroup)


_register_units_admin()


# -- Editorial workflow: the report of invitations and the dashboard panel ---


@hooks.register("register_admin_urls")
def register_invitation_report_urls():
    from django.urls import path

    from .views.report import InvitationReportView

    return [
        path(
            "reports/symposium-invitations/",
            InvitationReportView.as_view(),
            name="symposium_pages_invitation_report",
        ),
        path(
            "reports/symposium-invitations/results/",
            InvitationReportView.as_view(results_only=True),
            name="symposium_pages_invitation_report_results",
        ),
    ]


class InvitationReportMenuItem(MenuItem):
    def is_shown(self, request):
        from .views.dashboard import user_can_follow

        return user_can_follow(request.user)


@hooks.register("register_reports_menu_item")
def register_invitation_report_menu_item():
    from django.urls import reverse

    return InvitationReportMenuItem(
        _("Invitations and papers"),
        reverse("symposium_pages_invitation_report"),
        name="symposium-invitations",
        icon_name="mail",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_symposium_progress_panel(request, panels):
    from .views.dashboard import SymposiaProgressPanel, user_can_follow

    if user_can_follow(request.user):
        panels.append(SymposiaProgressPanel())


@hooks.register("construct_homepage_panels")
def add_desk_panel(request, panels):
    from .views.desk_panel import DeskPanel, user_can_answer

    if user_can_answer(request.user):
        panels.append(DeskPanel())


@hooks.register("register_admin_urls")
def register_remind_url():
    from django.urls import path

    from .views.reminders import remind_view

    return [
        path(
            "symposium/invitation/<int:invitation_id>/remind/",
            remind_view,
            name="symposium_pages_remind",
        )
    ]


# -- Printed documents: the booklet, the draft booklet, the report on results --


@hooks.register("register_admin_urls")
def register_printed_documents_urls():
    from django.urls import path

    from .views import documents, settlement

    return [
        path(
            "symposium/<int:symposium_id>/booklet/",
            documents.booklet_view,
            name="symposium_pages_booklet",
        ),
        path(
            "symposium/booklets/<int:export_id>/",
            documents.booklet_export_view,
            name="symposium_pages_booklet_export",
        ),
        path(
            "symposium/booklets/<int:export_id>/<str:fmt>/",
            documents.booklet_download_view,
            name="symposium_pages_booklet_download",
        ),
        path(
            "symposium/<int:symposium_id>/results-report/",
            documents.results_report_view,
            name="symposium_pages_results_report",
        ),
        path(
            "symposium/<int:symposium_id>/settlement/",
            settlement.settlement_view,
            name="symposium_pages_settlement",
        ),
    ]


@hooks.register("register_page_header_buttons")
def printed_documents_header_buttons(page, user, view_name, next_url=None):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .languages import is_original
    from .models import SymposiumPage
    from .printing import libreoffice_available
    from .views.documents import can_print

    if page.specific_class is not SymposiumPage or not is_original(page):
        return  # printed documents are Vietnamese, built from the original plan
    if not can_print(user, page):
        return
    booklet = reverse("symposium_pages_booklet", args=[page.pk])
    yield Button(_("Booklet (.docx)"), booklet, icon_name="download", priority=13)
    if libreoffice_available():
        yield Button(
            _("Booklet (.pdf)"), f"{booklet}?format=pdf", icon_name="download", priority=14
        )
    if can_print(user, page, draft=True):
        yield Button(_("Draft booklet"), f"{booklet}?draft=1", icon_name="doc-empty", priority=15)
    yield Button(
        _("Report on results"),
        reverse("symposium_pages_results_report", args=[page.pk]),
        icon_name="doc-full",
        priority=16,
    )


@hooks.register("register_page_header_buttons")
def settlement_header_button(page, user, view_name, next_url=None):
    """The budget's settlement (.docx), for those who may read the budget (the view checks)."""
    from .languages import is_original
    from .models import SymposiumPage
    from .views.settlement import settlement_button

    if page.specific_class is not SymposiumPage or not is_original(page):
        return []
    button = settlement_button(user, page)
    return [button] if button else []


# -- The programme: a paper copied or moved into a plan takes its place -----


@hooks.register("after_copy_page")
def copied_paper_in_programme(request, page, new_page):
    from .programme import keep_in_programme

    keep_in_programme(new_page)


@hooks.register("after_move_page")
def moved_paper_in_programme(request, page):
    from .programme import keep_in_programme

    keep_in_programme(page)


# -- The Office's budget: its own record, off the plan page ------------------


def _register_budget_admin():
    from wagtail.snippets.models import register_snippet

    from .budget_rights import budget_policy
    from .models import SymposiumBudget
    from .views.budget import BudgetViewSet

    try:
        from wagtail.permissions import register_permission_policy
    except ImportError:  # Wagtail 7.4 has no policy registry: the viewset carries it
        BudgetViewSet.permission_policy = budget_policy
    else:
        register_permission_policy(SymposiumBudget, budget_policy)
    register_snippet(BudgetViewSet)


_register_budget_admin()


@hooks.register("register_admin_urls")
def register_budget_urls():
    from .views.budget import budget_urls

    return budget_urls()


@hooks.register("register_log_actions")
def register_budget_log_actions(actions):
    from .views.budget import register_log_actions

    register_log_actions(actions)


# -- The symposium's vetting criteria: from the plan's header to its own list ----


@hooks.register("register_page_header_buttons")
def vetting_criteria_header_button(page, user, view_name, next_url=None):
    """The plan's criteria, listed for this symposium, for those who may read them."""
    from django.urls import reverse
    from django.utils.text import capfirst
    from wagtail.admin.widgets import Button

    from .languages import is_original
    from .models import SymposiumPage, VettingCriterion

    if page.specific_class is not SymposiumPage or not is_original(page):
        return []  # the list filters by the original plans
    if not user.has_perm("symposium_pages.view_vettingcriterion"):
        return []
    url = reverse(VettingCriterion.snippet_viewset.get_url_name("list"))
    label = capfirst(VettingCriterion._meta.verbose_name_plural)
    return [Button(label, f"{url}?symposium={page.pk}", icon_name="list-ul", priority=17)]


# -- The release rule at the admin's doors (publish, bulk, copy, move) ------

from . import release_admin  # noqa: E402,F401  (registers its hooks)
