"""The admin dashboard's panel: each open symposium's numbers, each a link to its list."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.ui.components import Component

from ..models import ExactPageCount, Invitation
from ..progress import open_symposia, progress

Status = Invitation.Status

# (label, how to count, the invitation list's filter)
LINES = [
    (_("Invited units"), lambda item: item.invited, {}),
    (_("Papers received"), lambda item: item.received, {"paper_received": "true"}),
    (_("Received late"), lambda item: item.late, {"late": "true"}),
    (_("Over the page limit"), lambda item: item.over_limit, {"over_limit": "true"}),
    (_("In vetting"), lambda item: item.count(Status.IN_VETTING), {"status": Status.IN_VETTING}),
    (
        pgettext_lazy("invitation status", "Changes requested"),
        lambda item: item.count(Status.CHANGES_REQUESTED),
        {"status": Status.CHANGES_REQUESTED},
    ),
    (
        _("Awaiting release approval"),
        lambda item: item.count(Status.IN_APPROVAL),
        {"status": Status.IN_APPROVAL},
    ),
    (
        _("Approved, to be published"),
        lambda item: item.count(Status.APPROVED),
        {"status": Status.APPROVED},
    ),
    (
        pgettext_lazy("invitation status", "Published"),
        lambda item: item.count(Status.PUBLISHED),
        {"status": Status.PUBLISHED},
    ),
    (
        _("Units still missing"),
        lambda item: item.count(Status.INVITED),
        {"status": Status.INVITED},
    ),
]
# Shown only when some paper is under a workflow other than the add-on's.
OTHER_REVIEW = (
    _("In review (another workflow)"),
    lambda item: item.count(Status.IN_REVIEW),
    {"status": Status.IN_REVIEW},
)

# Shown only while some paper's pages are being counted, or when an exact count
# reversed the estimate's verdict on the page limit (see exact_counts.py).
PAGE_COUNT_LINES = [
    (
        _("Pages being counted"),
        lambda item: item.counting,
        {"page_count": ExactPageCount.Status.COUNTING},
    ),
    (
        _("Exact count changed the page-limit verdict"),
        lambda item: item.verdict_changed,
        {"count_changed_verdict": "true"},
    ),
]


def deadline_text(days_left):
    if days_left is None:
        return ""
    if days_left > 0:
        return ngettext(
            "%(days)s day to the deadline", "%(days)s days to the deadline", days_left
        ) % {"days": days_left}
    if days_left == 0:
        return _("Papers received from today are late")
    return ngettext(
        "Deadline passed %(days)s day ago", "Deadline passed %(days)s days ago", -days_left
    ) % {"days": -days_left}


def panel_data(item, list_url):
    symposium = item.symposium
    lines = LINES + ([OTHER_REVIEW] if item.count(Status.IN_REVIEW) else [])
    lines += [line for line in PAGE_COUNT_LINES if line[1](item)]
    return {
        "id": f"symposium-progress-{symposium.pk}",
        "heading": f"{symposium.plan_number} · {Truncator(symposium.title).words(10)}",
        "edit_url": reverse("wagtailadmin_pages:edit", args=[symposium.pk]),
        "deadline": deadline_text(item.days_left),
        "days_left": item.days_left,
        "lines": [
            {
                "label": label,
                "value": count(item),
                "url": f"{list_url}?{urlencode({'symposium': symposium.pk, **filters})}",
            }
            for label, count, filters in lines
        ],
    }


class SymposiaProgressPanel(Component):
    """One panel per open symposium (see `progress.open_symposia`)."""

    name = "symposium_progress"
    template_name = "symposium_pages/admin/dashboard_progress.html"
    order = 90  # above Wagtail's own panels (moderation starts at 210)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        list_url = reverse(Invitation.snippet_viewset.get_url_name("list"))
        context["symposia"] = [panel_data(item, list_url) for item in progress(open_symposia())]
        return context


def user_can_follow(user):
    """The numbers lead to the invitation list: show them to whoever may open it."""
    return any(
        user.has_perm(f"symposium_pages.{action}_invitation")
        for action in ("view", "change", "add", "delete")
    )
