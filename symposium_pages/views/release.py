"""Submitting a translated page to its workflow.

wagtail-localize shows its own editor for a synced translation, with no *Submit*;
under the release rule (`release.py`) a translation of a symposium's page goes
live only through the workflow, so the page's header and the explorer offer
this door instead. Reviewers and moderators then approve it from their dashboard.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from ..release import is_governed


def may_submit(page, user):
    """Whether `user` may send the page's latest draft to its workflow from here."""
    if not is_governed(page):
        return False
    tester = page.permissions_for_user(user)
    return tester.can_edit() and tester.can_submit_for_moderation()


def submit_to_workflow_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_submit(page, request.user):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[page.get_parent().pk]
    )
    workflow = page.get_workflow()
    if request.method == "POST":
        translation = synced_translation(page)
        if translation is not None:
            # The strings translated so far become the page's new draft, as wagtail-localize's
            # own *Publish* would write them, but submitted instead of published.
            try:
                translation.save_target(user=request.user, publish=False)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(next_url)
            page = page.specific_class.objects.get(pk=page.pk)
        workflow.start(page, request.user)
        messages.success(
            request,
            _("“%(title)s” has been submitted to %(workflow)s.")
            % {"title": page.get_admin_display_title(), "workflow": workflow.name},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "symposium_pages/admin/submit_to_workflow.html",
        {
            "page": page,
            "workflow": workflow,
            "next_url": next_url,
            "page_title": pgettext("symposium admin", "Submit to the workflow"),
            "header_title": page.get_admin_display_title(),
            "header_icon": "tasks",
        },
    )


def synced_translation(page):
    """wagtail-localize's record of a page it translates and edits, if there is one."""
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
