"""Editors issue, re-issue and revoke a unit's private desk link.

The token is shown once, on the answer to the POST that made it: only its hash
is kept, so it cannot be shown again, only replaced.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.snippets.permissions import get_permission_name

from ..desk import history, window
from ..models import DeskLink, Invitation
from . import letters


def desk_url(request, token):
    return request.build_absolute_uri(reverse("symposium_pages_desk", args=[token]))


def desk_link_view(request, invitation_id):
    if not request.user.has_perm(get_permission_name("change", Invitation)):
        raise PermissionDenied
    invitation = get_object_or_404(
        Invitation.objects.select_related("unit", "symposium"), pk=invitation_id
    )
    token = revoked = None
    if request.method == "POST":
        if request.POST.get("action") in letters.INVITATION_ACTIONS:
            return letters.invitation_letter_action(request, invitation)
        if request.POST.get("action") == "revoke":
            revoked = DeskLink.revoke_all(invitation)
            history.record(invitation, history.REVOKED, user=request.user)
        else:
            _link, token = DeskLink.issue(invitation, request.user)
            history.record(invitation, history.ISSUED, user=request.user)
    context = {
        "invitation": invitation,
        "active": DeskLink.objects.active().filter(invitation=invitation).first(),
        "history": invitation.desk_links.select_related("issued_by").order_by("-issued_at"),
        "url": desk_url(request, token) if token else None,
        "revoked": revoked,
        "closes_at": window.closes_at(invitation),
        "unit_email": invitation.unit.email,
        "page_title": _("Private desk link"),
        "page_subtitle": invitation.unit.name,
        "header_title": _("Private desk link"),
        "header_icon": "link",
    }
    return TemplateResponse(request, "symposium_pages/admin/desk_link.html", context)
