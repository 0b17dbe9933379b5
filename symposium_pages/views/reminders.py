"""Editors send a unit a reminder by hand, and see the reminders it was sent."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.snippets.permissions import get_permission_name

from ..desk import reminders, window
from ..models import Invitation


def remind_view(request, invitation_id):
    if not request.user.has_perm(get_permission_name("change", Invitation)):
        raise PermissionDenied
    invitation = get_object_or_404(
        Invitation.objects.select_related("unit", "symposium"), pk=invitation_id
    )
    error = None
    if request.method == "POST":
        if not invitation.unit.email:
            error = _("The unit has no contact e-mail: add one to the unit first.")
        elif not window.is_open(invitation):
            error = _("The desk no longer takes uploads: a reminder would lead nowhere.")
        else:
            reminders.send(invitation, user=request.user, absolute=request.build_absolute_uri)
            messages.success(
                request,
                _("Reminder sent to %(unit)s (%(email)s).")
                % {"unit": invitation.unit.name, "email": invitation.unit.email},
            )
            return redirect("symposium_pages_remind", invitation.pk)
    context = {
        "invitation": invitation,
        "sent": invitation.desk_reminders.select_related("sent_by"),
        "error": error,
        "closes_at": window.closes_at(invitation),
        "page_title": _("Send a reminder"),
        "page_subtitle": invitation.unit.name,
        "header_title": _("Send a reminder"),
        "header_icon": "mail",
    }
    return TemplateResponse(
        request, "symposium_pages/admin/remind.html", context, status=400 if error else 200
    )
